"""Does the rhetoric analysis stay linear in the text's length, whatever the text's shape?

Usage:  .venv/bin/python scripts/bench_sentences.py [--sizes 60000 600000] [--repeat 1]

Texts, built from the bodies of the State Council work reports (../shared/corpus/national-gwr),
joined one after the other and cut to each size:

  ordinary   the reports as they are (sentences of a few dozen characters, line breaks)
  no ends    the same text with every end of sentence (。！？!?…) and every line break removed:
             one sentence as long as the whole text — the shape that made the old per-hit
             sentence scan quadratic (60 KB took 49 s)

Timed, on one CleanDocument per text: the rhetoric analysis the corpus runs
(:func:`zhaoshang.analyses.rhetoric.analyse`: quotes, slogans, rhetoric counts) and the hit lists
that carry sentences (:func:`doc_category_hits`, :func:`doc_metaphors`). Prints seconds per
part and, for each shape, the time of each size divided by the time of the smallest one next to
the size ratio: a linear analysis takes about 10× the time for 10× the text (the check asks for
at most 15×). Timings are wall-clock, single process, best of ``--repeat`` runs.
"""
from __future__ import annotations

import argparse
import re
import sys
import time

from zhaoshang import paths
from zhaoshang.analyses.rhetoric import analyse, doc_category_hits, doc_metaphors
from zhaoshang.model import CleanDocument
from zhaoshang.stages.process import load_corpus

_ENDS = re.compile("[。！？!?…\r\n]")
MAX_RATIO = 15.0
"""How much longer 10× the text may take (a linear analysis: about 10×)."""


def source_text() -> tuple[str, str]:
    """The bodies of national-gwr, joined by line breaks: (body, its Simplified view)."""
    docs, _ = load_corpus(paths.SHARED_CORPUS / "national-gwr")
    if not docs:
        sys.exit("bench_sentences: no documents in ../shared/corpus/national-gwr")
    return "\n".join(d.body for d in docs), "\n".join(d.simplified for d in docs)


def shaped(body: str, simp: str, shape: str, n: int) -> CleanDocument:
    """A document of ``n`` characters of the given shape (the source repeated if too short)."""
    if shape == "no ends":
        body, simp = _ENDS.sub("", body), _ENDS.sub("", simp)
    reps = n // len(body) + 1
    body, simp = (body * reps)[:n], (simp * reps)[:n]
    return CleanDocument(doc_id=f"bench-{shape}-{n}", path="", encoding="utf-8", fmt="txt",
                         script="simplified", title="", published=None, site=None, reprinted_from=None,
                         body=body, simplified=simp, title_simplified="")


SHAPES = ("ordinary", "no ends")

PARTS = {"analyse": lambda d: analyse(d),
         "category_hits": doc_category_hits,
         "metaphors": doc_metaphors}


def timed(doc: CleanDocument, repeat: int) -> dict[str, float]:
    """Best wall-clock seconds of each part on ``doc``."""
    out = {}
    for name, fn in PARTS.items():
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            fn(doc)
            best = min(best, time.perf_counter() - t)
        out[name] = best
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[60_000, 600_000])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    body, simp = source_text()
    analyse(shaped(body, simp, "ordinary", 2000))  # load lexicons and matchers before timing
    sizes = sorted(args.sizes)
    times: dict[tuple[str, int], float] = {}
    for shape in SHAPES:
        for n in sizes:
            parts = timed(shaped(body, simp, shape, n), args.repeat)
            times[shape, n] = sum(parts.values())
            detail = "  ".join(f"{k} {v:.3f}s" for k, v in parts.items())
            print(f"{shape:9}  {n:>9,} chars  total {times[shape, n]:.3f}s   ({detail})", flush=True)
    ok = True
    for shape in SHAPES:
        for n in sizes[1:]:
            size_ratio, time_ratio = n / sizes[0], times[shape, n] / times[shape, sizes[0]]
            allowed = MAX_RATIO * size_ratio / 10
            ok &= time_ratio <= allowed
            print(f"{shape:9}  {size_ratio:.0f}x the text: {time_ratio:.1f}x the time "
                  f"(allowed {allowed:.0f}x) {'ok' if time_ratio <= allowed else 'TOO SLOW'}")
    for n in sizes:
        print(f"{n:>9,} chars: no ends / ordinary = {times['no ends', n] / times['ordinary', n]:.2f}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
