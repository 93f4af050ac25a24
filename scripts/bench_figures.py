"""Throughput of zhaoshang's figure extraction, next to baselines measured in the same run.

Usage:  .venv/bin/python scripts/bench_figures.py [--chars N] [--no-jionlp]

Texts:
  national-gwr   the 52 State Council work reports in ../shared/corpus (read and cleaned first;
                 only extraction is timed)
  long line      one line of N characters (default 6.7M) made of the sentence
                 新签约项目61个，合同总投资额298亿元，其中外资项目12个。 repeated
  varied line    the same shape with different numbers and metrics in every sentence (no
                 sentence repeats, so no cache helps)

Systems (each on the same text):
  zhaoshang      zhaoshang.figures.doc_figures — amounts and counts with qualifier, metric, subject,
                 place and period
  jionlp         jionlp.ner.extract_money after jionlp.tra2sim (it reads Simplified only) — amounts
                 only, no context
  re floor       re.finditer of a plain number-with-unit pattern: a floor no extractor can beat

Prints characters/s and figures/s for each, and zhaoshang's time relative to each baseline. Timings
are wall-clock, single process, best of one run (the long texts are long enough).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import re
import sys
import time

SENTENCE = "新签约项目61个，合同总投资额298亿元，其中外资项目12个。"
_FLOOR = re.compile(r"\d+(?:\.\d+)?(?:万|亿)*(?:元|个|家|项)")


def _texts(n_chars: int):
    from zhaoshang import paths
    from zhaoshang.pipeline import load_corpus

    docs, _ = load_corpus(paths.SHARED_CORPUS / "national-gwr")
    reps = max(1, n_chars // len(SENTENCE))
    rnd = random.Random(7)
    varied = []
    size = 0
    while size < n_chars:
        s = (f"{rnd.choice(['新签约', '新开工', '在建'])}项目{rnd.randint(2, 999)}个，"
             f"{rnd.choice(['合同总投资额', '总投资', '到位资金'])}{rnd.randint(1, 999)}.{rnd.randint(0, 9)}亿元，"
             f"其中外资项目{rnd.randint(1, 99)}个。")
        varied.append(s)
        size += len(s)
    return {"national-gwr": docs, "long line": SENTENCE * reps, "varied line": "".join(varied)}


def _as_docs(text, name):
    from zhaoshang.figures_eval import text_document

    if isinstance(text, str):
        return [text_document(text, doc_id=name.replace(" ", "-"), published="2023-08-23")]
    return text


def run_zhaoshang(docs) -> int:
    from zhaoshang.figures import doc_figures

    return sum(len(doc_figures(d)) for d in docs)


def run_jionlp(docs) -> int:
    from zhaoshang.figures_eval import _jionlp

    jio = _jionlp()
    n = 0
    with contextlib.redirect_stdout(io.StringIO()):
        for d in docs:
            n += len(jio.ner.extract_money(jio.tra2sim(d.body)))
    return n


def run_floor(docs) -> int:
    return sum(1 for d in docs for _ in _FLOOR.finditer(d.body))


def _timed(fn, docs):
    t = time.perf_counter()
    n = fn(docs)
    return n, time.perf_counter() - t


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=6_700_000, help="length of the synthetic lines")
    ap.add_argument("--no-jionlp", action="store_true", help="skip JioNLP (slow on long texts)")
    args = ap.parse_args(argv)

    from zhaoshang.figures import doc_figures
    from zhaoshang.figures_eval import text_document

    doc_figures(text_document(SENTENCE))  # load the gazetteer and lexicons outside the timings
    systems = [("zhaoshang", run_zhaoshang), ("re floor", run_floor)]
    if not args.no_jionlp:
        import importlib.util

        if importlib.util.find_spec("jionlp"):
            from zhaoshang.figures_eval import _jionlp

            _jionlp()
            systems.insert(1, ("jionlp", run_jionlp))
    print(f"{'text':14} {'system':10} {'chars':>11} {'figures':>9} {'seconds':>9} {'chars/s':>12} "
          f"{'figures/s':>11} {'zhaoshang time ÷ this':>22}")
    for name, text in _texts(args.chars).items():
        docs = _as_docs(text, name)
        n_chars = sum(len(d.body) for d in docs)
        results = {}
        for sys_name, fn in systems:
            n, dt = _timed(fn, docs)
            results[sys_name] = (n, dt)
        z_dt = results["zhaoshang"][1]
        for sys_name, (n, dt) in results.items():
            ratio = "" if sys_name == "zhaoshang" else f"{z_dt / dt:,.2f}×"
            print(f"{name:14} {sys_name:10} {n_chars:>11,} {n:>9,} {dt:>9.2f} {n_chars / dt:>12,.0f} "
                  f"{n / dt:>11,.0f} {ratio:>22}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
