"""Write docs/codebook.md from the rhetoric codebook and the metaphor lexicon.

The documentation of the codebook is generated from the package data
(``lib/zhaoshang/resources/lexicon/codebook.yaml`` and ``metaphors.yaml``), so the
two never disagree; tests/test_rhetoric.py checks that the checked-in file is up to
date. It is a checkout tool, not part of the library. Run from the repository root:

    .venv/bin/python scripts/build_codebook_doc.py [docs/codebook.md]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from zhaoshang.analyses.rhetoric import codebook, metaphors

TARGET = Path(__file__).resolve().parents[1] / "docs" / "codebook.md"


def codebook_markdown() -> str:
    """docs/codebook.md, generated from the codebook and metaphor lexicon."""
    lines = [
        "# Rhetoric codebook",
        "",
        "Generated from the package data `lexicon/codebook.yaml` and `lexicon/metaphors.yaml`",
        "(in `lib/zhaoshang/resources/`) by `scripts/build_codebook_doc.py`; edit the data",
        "files, then regenerate with",
        "",
        "```",
        ".venv/bin/python scripts/build_codebook_doc.py",
        "```",
        "",
        "Terms are written in Simplified script and matched on the Simplified view of each",
        "document, so they count in Traditional text too. Within a category, matches are",
        "leftmost-longest and never overlap (全产业链招商 is one hit, not three). `rhetoric.csv`",
        "gives, per document and category, `hits` and `per_10k` (hits per 10 000 characters;",
        "title and body are both counted, like term counts); the metaphor lexicon is reported",
        "as the category `metaphor`.",
        "Examples are sentences of the sample article (data/raw), in its Traditional script.",
        "",
    ]
    for c in codebook():
        lines += [f"## {c.label} ({c.label_zh}) — `{c.id}`", "", c.description, "",
                  "Terms: " + "、".join(c.terms), ""]
        if c.example:
            lines += [f"Example: {c.example}", ""]
    lines += ["## Metaphor — `metaphor`", "",
              "Figurative borrowings from other domains. A metaphor inside short quotation marks is",
              "reported with the whole quoted phrase (“产业糖葫芦” for 糖葫芦).", "",
              "| term | domain | gloss |", "|---|---|---|"]
    for m in metaphors():
        lines.append(f"| {m.term} | {m.domain} | {m.gloss} |")
    lines.append("")
    return "\n".join(lines)


def write_codebook_doc(path) -> None:
    """Write :func:`codebook_markdown` to ``path`` (the checkout's docs/codebook.md)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(codebook_markdown(), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", nargs="?", default=str(TARGET), help="where to write (default: docs/codebook.md)")
    write_codebook_doc(ap.parse_args().target)


if __name__ == "__main__":
    main()
