"""Derive lib/zhaoshang/resources/lexicon/chengyu.tsv: the four-character idioms of a published list.

Source: the idiom dictionary shipped in the JioNLP package (PyPI ``jionlp==1.5.31``,
file ``jionlp/dictionary/chinese_idiom.txt``, 30 896 entries with a frequency count),
https://github.com/dongrixinyu/JioNLP, licensed under the Apache License 2.0.
We keep only the entries of exactly four Han characters, with JioNLP's frequency,
so that the runtime needs no extra dependency (jionlp is a test dependency only).

Run from the repository root:  .venv/bin/python scripts/build_chengyu.py
"""
from __future__ import annotations

import re
from pathlib import Path

import jionlp  # noqa: F401  (imported for its data directory)

SOURCE = Path(jionlp.__file__).resolve().parent / "dictionary" / "chinese_idiom.txt"
TARGET = Path(__file__).resolve().parents[1] / "lib" / "zhaoshang" / "resources" / "lexicon" / "chengyu.tsv"
HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")

HEADER = """\
# Four-character Chinese idioms (chengyu), Simplified script, one per line: idiom<TAB>frequency.
# Derived by scripts/build_chengyu.py from JioNLP 1.5.31 (jionlp/dictionary/chinese_idiom.txt),
# https://github.com/dongrixinyu/JioNLP, Apache License 2.0. Only 4-character entries are kept.
"""


def main() -> None:
    rows: dict[str, int] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        word = parts[0].strip()
        if not HAN4.fullmatch(word):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].strip().isdigit() else 0
        rows[word] = max(freq, rows.get(word, 0))
    body = "".join(f"{w}\t{f}\n" for w, f in sorted(rows.items()))
    TARGET.write_text(HEADER + body, encoding="utf-8")
    print(f"wrote {len(rows)} idioms to {TARGET}")


if __name__ == "__main__":
    main()
