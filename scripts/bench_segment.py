"""How fast is each segmenter, and does the fast one give jieba's tokens?

Usage:  .venv/bin/python scripts/bench_segment.py [--corpus national-gwr] [--repeat 3]

On the cleaned documents of one shared corpus (../shared/corpus/NAME, default national-gwr),
with the built-in lexicon as user words and HMM on, in one process:

  start-up    building each tokenizer (jieba: its prefix dictionary; rjieba: jieba's dict.txt
              loaded into jieba-rs, the lexicon at jieba's suggested frequencies)
  tokenize    segmenting the Simplified view of every title and body
  words       the words analysis of a run: segmentation, then word forms and word pairs
              (what words.csv and the collocations are made of)

Throughput is MB of UTF-8 text per second (best of ``--repeat``). Agreement is the share of
jieba's token boundaries (the end offsets of its tokens, per text) that rjieba reproduces, and
of jieba's tokens (word, start, end) it gives too; the texts segmented identically are counted.
"""
from __future__ import annotations

import argparse
import sys
import time

from zhaoshang import paths
from zhaoshang.analyses.explore import word_pairs
from zhaoshang.analyses.terms import word_forms
from zhaoshang.stages.process import load_corpus
from zhaoshang.text import jieba_dict
from zhaoshang.text.lexicon import default_lexicon
from zhaoshang.text.segment import SEGMENTERS, doc_fields_tokens, tokenizer


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="national-gwr")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    folder = paths.SHARED_CORPUS / args.corpus
    if not folder.exists():
        sys.exit(f"bench_segment: no corpus at {folder}")
    docs, _ = load_corpus(folder)
    texts = [t for d in docs for t in (d.title_simplified, d.simplified) if t]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{args.corpus}: {len(docs)} documents, {len(texts)} texts, {mb:.2f} MB")
    lexicon = default_lexicon()
    jieba_dict.dictionary()  # read once per process in a run anyway (repair, places, keyness)

    tokens = {}
    for name in SEGMENTERS:
        t = time.perf_counter()
        tk = tokenizer(lexicon, name)
        start = time.perf_counter() - t
        tok = best(lambda: [tk.tokenize(s) for s in texts], args.repeat)
        words = best(lambda: [(word_forms(f), word_pairs(f))
                              for f in (doc_fields_tokens(d, lexicon, name) for d in docs)], args.repeat)
        tokens[name] = [tk.tokenize(s) for s in texts]
        print(f"  {name:7s} start-up {start:5.2f} s   tokenize {tok:5.2f} s = {mb / tok:5.2f} MB/s"
              f"   words {words:5.2f} s = {mb / words:5.2f} MB/s")

    ref, fast = tokens["jieba"], tokens["rjieba"]
    n_bounds = same_bounds = n_toks = same_toks = identical = 0
    for a, b in zip(ref, fast):
        ea, eb = {e for _w, _s, e in a}, {e for _w, _s, e in b}
        n_bounds += len(ea)
        same_bounds += len(ea & eb)
        n_toks += len(a)
        same_toks += len(set(a) & set(b))
        identical += a == b
    print(f"  agreement: boundaries {same_bounds}/{n_bounds} = {same_bounds / n_bounds:.4%}, "
          f"tokens {same_toks}/{n_toks} = {same_toks / n_toks:.4%}, "
          f"texts identical {identical}/{len(ref)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
