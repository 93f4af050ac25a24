"""Figures in one very long sentence (a table dump or OCR text without a full stop): is the figures
stage linear in the number of figures a sentence holds?

Usage:  PYTHONPATH=lib .venv/bin/python bench/long_sentence_bench.py [--n 4000]

Builds, in memory, sentences of ``n`` and ``4 n`` figures of three shapes — counts (签约项目12个，…),
totals with parts (总投资15亿元，其中3亿元，…: each part looks back for its total) and years with
amounts (1990年投资10亿元，…: each figure looks for the period that governs it) — times
``doc_figures`` on each (best of three) and prints the ratio of the larger to the smaller. Linear is
about 4×. The version this replaced was quadratic: 16,000 counts in one sentence took 7.9 s, and
8,000 totals with their parts (16,000 figures) 62 s, 4,000 years with amounts 2.7 s.
"""
from __future__ import annotations

import argparse
import time

from zhaoshang.analyses.figures import doc_figures
from zhaoshang.model import CleanDocument
from zhaoshang.text.script import to_simplified

SHAPES = {
    "counts": lambda i: f"签约项目{i % 97 + 1}个",
    "totals with parts": lambda i: f"总投资{i % 97 + 10}亿元，其中{i % 7 + 1}亿元",
    "years with amounts": lambda i: f"{1990 + i % 30}年投资{i % 97 + 10}亿元",
}


def one_sentence(shape, n: int) -> CleanDocument:
    body = "，".join(shape(i) for i in range(n)) + "。"
    return CleanDocument(doc_id="bench", path="bench.txt", encoding="utf-8", fmt="txt", script="simplified",
                         title="", published="2024-01-01", site=None, reprinted_from=None, body=body,
                         simplified=to_simplified(body), title_simplified="")


def best_of(doc: CleanDocument, repeat: int = 3) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = len(doc_figures(doc))
        times.append(time.perf_counter() - t)
    return min(times), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000)
    n = ap.parse_args().n
    print(f"| shape | {n} figures | {4 * n} figures | ratio (linear ≈ 4) |\n|---|---:|---:|---:|")
    for name, shape in SHAPES.items():
        small, rows_small = best_of(one_sentence(shape, n))
        large, rows_large = best_of(one_sentence(shape, 4 * n))
        print(f"| {name} | {small:.2f} s ({rows_small} rows) | {large:.2f} s ({rows_large} rows) | "
              f"{large / small:.1f}× |")


if __name__ == "__main__":
    main()
