"""Time of the figures analysis (doc_figures) on the shared corpora, against a baseline checkout.

Usage:  PYTHONPATH=lib .venv/bin/python bench/figures_bench.py --baseline /path/to/other/lib [--rounds 3]

Reads national-gwr, hailar-gwr-gbk and news-dev once per process, then times doc_figures over all
their documents, in child processes that alternate between this checkout's ``lib`` and the
baseline's (A B A B …), so that both see the same machine load; prints each one's best time and the
ratio new / baseline (below 1: faster).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import time
from zhaoshang.paths import SHARED_CORPUS
from zhaoshang.stages.process import load_corpus
from zhaoshang.analyses.figures import doc_figures
docs = []
for name in ("national-gwr", "hailar-gwr-gbk", "news-dev"):
    docs += load_corpus(SHARED_CORPUS / name)[0]
doc_figures(docs[0])
t = time.perf_counter()
n = sum(len(doc_figures(d)) for d in docs)
print(time.perf_counter() - t, n, sum(len(d.body) for d in docs))
"""


def _run(lib: str) -> tuple[float, int, int]:
    env = dict(os.environ, PYTHONPATH=lib)
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    secs, n, chars = out.stdout.split()[-3:]
    return float(secs), int(n), int(chars)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True, help="the lib folder of the checkout to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    here = str(Path(__file__).resolve().parents[1] / "lib")
    new, base = [], []
    for _ in range(args.rounds):
        new.append(_run(here))
        base.append(_run(args.baseline))
    bn, bb = min(t for t, _, _ in new), min(t for t, _, _ in base)
    print(f"documents' characters: {new[0][2]:,}; figures: new {new[0][1]:,}, baseline {base[0][1]:,}")
    print(f"doc_figures best of {args.rounds}: new {bn:.2f} s, baseline {bb:.2f} s, ratio new/baseline {bn / bb:.3f}")


if __name__ == "__main__":
    main()
