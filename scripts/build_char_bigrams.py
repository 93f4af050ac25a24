"""Build the character bigram model the mojibake repair chooses a lost character by.

    PYTHONPATH=lib python scripts/build_char_bigrams.py [--corpus ../shared/corpus] [--min-count 3]

Writes ``lib/zhaoshang/resources/lexicon/char_bigrams.tsv``: the counts of characters and of
adjacent character pairs in the Simplified view of the *model half* of the shared report corpora
(national-gwr and hailar-gwr-gbk reports of even years) and of the domain lexicon's terms, pairs
seen fewer than ``--min-count`` times pruned. The reports of odd years are never read here: they
are the held-out text ``scripts/eval_lost_char.py`` injects the fault into. Lines: ``#total N``,
then ``<one character>\\t<count>`` and ``<two characters>\\t<count>``, sorted.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from zhaoshang.stages.ingest import decode_bytes  # noqa: E402
from zhaoshang.text.script import to_simplified  # noqa: E402

OUT = ROOT / "lib" / "zhaoshang" / "resources" / "lexicon" / "char_bigrams.tsv"
# What the model counts: Han characters, the punctuation and digits reports write; other
# characters break a pair (they are not evidence about their neighbours).
_KEPT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z。，、；：？！“”‘’（）《》—…·%]")


def model_half(year: int) -> bool:
    """Reports of even years build the model; odd years are held out for evaluation."""
    return year % 2 == 0


def report_documents(corpus: Path, *, model: bool) -> list[tuple[str, str]]:
    """(name, text) of the report corpora's documents on one side of the split."""
    out = []
    gwr = corpus / "national-gwr"
    with open(gwr / "index.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if model_half(int(row["year"])) == model:
                out.append((f"national-gwr/{row['file']}", (gwr / row["file"]).read_text(encoding="utf-8")))
    for p in sorted((corpus / "hailar-gwr-gbk").glob("*.txt")):
        if model_half(int(p.stem[:4])) == model:
            out.append((f"hailar-gwr-gbk/{p.name}", decode_bytes(p.read_bytes(), name=p.name)[0]))
    return out


def count(texts) -> tuple[Counter, Counter]:
    """Character and adjacent-pair counts of ``texts`` (Simplified, character by character)."""
    uni: Counter = Counter()
    bi: Counter = Counter()
    for text in texts:
        simp = "".join(c if len(s := to_simplified(c)) != 1 else s for c in text)
        prev = ""
        for ch in simp:
            if not _KEPT.match(ch):
                prev = ""
                continue
            ch = "0" if ch.isdigit() else ch  # digits are one class: 219、109 and 2、3 alike
            uni[ch] += 1
            if prev:
                bi[prev + ch] += 1
            prev = ch
    return uni, bi


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    from zhaoshang.text.lexicon import default_lexicon

    docs = report_documents(Path(args.corpus), model=True)
    uni, bi = count([t for _, t in docs] + default_lexicon().terms)
    kept = {k: v for k, v in bi.items() if v >= args.min_count}
    lines = [f"#total\t{sum(uni.values())}"]
    lines += [f"{k}\t{v}" for k, v in sorted(uni.items())]
    lines += [f"{k}\t{v}" for k, v in sorted(kept.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents, {sum(uni.values())} characters: {len(uni)} characters, "
          f"{len(kept)} of {len(bi)} pairs kept (count >= {args.min_count}) -> {OUT.relative_to(ROOT)} "
          f"({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
