"""Precision and recall of repost detection per similarity threshold, on a labelled set of pairs.

    PYTHONPATH=lib python scripts/eval_reposts.py [--corpus ../shared/corpus] [--stories 40] [--k 3,4,5,6]

The labelled set:

* **real pairs** of ../shared/corpus (news-dev, national-gwr, hailar-gwr-gbk): every pair of two
  documents. Labelled by reading: ``tainan_01#6`` and ``tainan_01#7`` are one release published
  twice (台南/臺南, a 發稿單位 line) — a repost. ``cctv_12`` is item 6 of the day digest
  ``cctv_23`` — the same story *inside* a digest of ten: the digest is not a copy of the item
  (it holds 8% of the digest), so not a repost. The highest-scoring other pairs were read too
  (successive work reports, the portal's 2011 pages with their shared furniture, two 臺南 地政局
  releases on one land sale): different reports, not reposts;
* **synthetic reposts** of ``--stories`` news-dev stories (:mod:`repost_variants`): script
  converted, punctuation and quotation marks changed, another site's header and footer, a
  paragraph dropped, a new title, all at once; an excerpt (the first 60% of the story);
* **synthetic quotations**: another story quoting one paragraph of it — not a repost.

Every text goes through the real pipeline (``process``), and pairs are judged by
``corpus.reposts.relation`` on MinHash estimates, as a run judges them. Prints, per shingle
size k, the lowest similarity of a repost and the highest of a non-repost, and for the chosen k
precision and recall per threshold.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import repost_variants as rv  # noqa: E402
from zhaoshang import paths  # noqa: E402
from zhaoshang.analyses.reposts import decode_minhash, signature  # noqa: E402
from zhaoshang.corpus import reposts  # noqa: E402
from zhaoshang.model import Document  # noqa: E402
from zhaoshang.stages.process import load_corpus, process  # noqa: E402

REAL_REPOSTS = {frozenset({"tainan_01#6", "tainan_01#7"})}
CORPORA = ("news-dev", "national-gwr", "hailar-gwr-gbk")


def stories(docs, n: int, rng: random.Random):
    usable = [d for d in docs if d.doc_id[:2] in ("cc", "eb", "ta", "ne", "sh", "zj")
              and len([p for p in d.body.splitlines() if p.strip()]) >= 3 and d.n_chars >= 300]
    return rng.sample(usable, min(n, len(usable)))


def processed(doc_id: str, text: str):
    return process(Document(doc_id, f"{doc_id}.txt", text, "utf-8", "txt"))


def build(corpus: Path, n_stories: int, seed: int = 7):
    """(texts by id: Simplified bodies, labelled pairs: (id_a, id_b, is_repost, kind))."""
    rng = random.Random(seed)
    docs = [d for c in CORPORA for d in load_corpus(corpus / c)[0]]
    texts = {d.doc_id: d.simplified for d in docs}
    pairs = []
    ids = [d.doc_id for d in docs]
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            pairs.append((a, b, frozenset({a, b}) in REAL_REPOSTS, "real"))
    chosen = stories(docs, n_stories, rng)
    for n, d in enumerate(chosen):
        paras = [p.strip() for p in d.body.splitlines() if p.strip()]
        for kind, text in rv.variants(d.title, paras, rng).items():
            vid = f"{d.doc_id}~{kind}"
            texts[vid] = processed(vid, text).simplified
            pairs.append((d.doc_id, vid, True, kind))
        vid = f"{d.doc_id}~excerpt"
        texts[vid] = processed(vid, rv.excerpt(d.title, paras)).simplified
        pairs.append((d.doc_id, vid, True, "excerpt"))
        host = chosen[(n + 1) % len(chosen)]
        host_paras = [p.strip() for p in host.body.splitlines() if p.strip()]
        quoting = rv.quotation(host.title, host_paras, paras)
        if quoting is not None:
            vid = f"{d.doc_id}~quoted-by-{host.doc_id}"
            texts[vid] = processed(vid, quoting).simplified
            pairs.append((d.doc_id, vid, False, "quotation"))
    return texts, pairs


def scores(texts: dict[str, str], pairs, k: int):
    sigs = {i: signature(t, k) for i, t in texts.items()}
    mh = {i: decode_minhash(s["minhash"]) for i, s in sigs.items()}
    out = []
    for a, b, label, kind in pairs:
        sa, sb = sigs[a], sigs[b]
        if sa["exact"] == sb["exact"] and sa["n_view"]:
            j = 1.0
        else:
            j = float((mh[a] == mh[b]).mean())
        out.append((a, b, label, kind, j, sa["n_shingles"], sb["n_shingles"]))
    return out


def predicted(row, threshold: float) -> bool:
    a, b, label, kind, j, na, nb = row
    return j == 1.0 or bool(reposts.relation(j, na, nb, threshold))


def report(rows, thresholds) -> None:
    print(f"{'threshold':>9} {'TP':>5} {'FP':>5} {'FN':>5} {'precision':>9} {'recall':>7}  missed kinds")
    for t in thresholds:
        tp = sum(1 for r in rows if r[2] and predicted(r, t))
        fp = sum(1 for r in rows if not r[2] and predicted(r, t))
        fn = [r for r in rows if r[2] and not predicted(r, t)]
        p = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + len(fn)) if tp + len(fn) else 1.0
        kinds = sorted({r[3] for r in fn})
        print(f"{t:>9.2f} {tp:>5} {fp:>5} {len(fn):>5} {p:>9.3f} {rec:>7.3f}  {','.join(kinds)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=paths.SHARED_CORPUS)
    ap.add_argument("--stories", type=int, default=40)
    ap.add_argument("--k", default="3,4,5,6", help="shingle sizes to compare")
    ap.add_argument("--chosen-k", type=int, default=4)
    args = ap.parse_args()
    texts, pairs = build(args.corpus, args.stories)
    n_pos = sum(1 for p in pairs if p[2])
    print(f"labelled pairs: {len(pairs)} ({n_pos} reposts, {len(pairs) - n_pos} not); texts: {len(texts)}")
    print(f"excerpt rule: containment of the smaller >= {reposts.EXCERPT_CONTAINMENT}, "
          f"of the larger >= {reposts.EXCERPT_MIN_SHARE}; min shingles {reposts.MIN_SHINGLES}")
    chosen = None
    for k in (int(x) for x in args.k.split(",")):
        rows = scores(texts, pairs, k)
        pos = [r for r in rows if r[2] and r[3] != "excerpt"]
        neg = [r for r in rows if not r[2]]
        top_neg = max(neg, key=lambda r: r[4])
        by_kind = {}
        for r in rows:
            if r[2]:
                by_kind.setdefault(r[3], []).append(r[4])
        print(f"k={k}: reposts (not excerpts) min J {min(r[4] for r in pos):.3f}; non-reposts max J "
              f"{top_neg[4]:.3f} ({top_neg[0]} / {top_neg[1]}); mean J by kind: "
              + ", ".join(f"{kd} {np.mean(v):.2f}" for kd, v in sorted(by_kind.items())))
        if k == args.chosen_k:
            chosen = rows
    if chosen is not None:
        print(f"\nk={args.chosen_k}, precision/recall per threshold (excerpts included):")
        report(chosen, [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9])


if __name__ == "__main__":
    main()
