"""Repost detection at growing corpus size, and the MinHash implementations side by side.

    PYTHONPATH=lib python bench/reposts_bench.py [--sizes 2000,5000,10000] [--seed 1]
    # with datasketch and rensa importable (e.g. pip install --target DIR datasketch==2.0.0 rensa==0.5.0,
    # then PYTHONPATH=lib:DIR) the first part compares them too

1. **Implementations**: the signatures of the news-dev stories and their synthetic reposts
   (scripts/repost_variants.py) computed by zhaoshang's numpy MinHash, by datasketch and by
   rensa, with the same shingles (k=4 of the match view) and 256 permutations: time per
   document (the ratio against datasketch, measured in the same run), and the agreement of each
   with the exact Jaccard similarity over the labelled pairs (mean absolute error).
2. **Scale**: synthetic corpora of N stories built from the paragraphs of ../shared/corpus
   (each story 3-8 paragraphs drawn from different documents, 20% of its characters replaced, so
   that two stories drawing the same paragraph are still distinct), a tenth of them reposted 1-3
   times (:func:`repost_variants.variants`). For each N: signature time, clustering time
   (banding, verification, union-find), the index's bytes and the peak memory of clustering
   (tracemalloc, in a second, untimed pass), and whether every planted repost was found and no
   two stories joined. **Per 100k documents**: signature time is per document
   (linear); clustering time and memory are extrapolated from the two largest N with the growth
   exponent measured between them (t ∝ N^a), stated beside the figure.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import repost_variants as rv  # noqa: E402
from zhaoshang import paths  # noqa: E402
from zhaoshang.analyses import reposts as sig  # noqa: E402
from zhaoshang.corpus.reposts import RepostIndex  # noqa: E402
from zhaoshang.stages.process import load_corpus  # noqa: E402
from zhaoshang.text.script import to_simplified  # noqa: E402

CORPORA = ("news-dev", "national-gwr", "hailar-gwr-gbk")


def shingle_strings(view: str, k: int) -> list[str]:
    return sorted({view[i:i + k] for i in range(max(1, len(view) - k + 1))})


def implementations():
    impls = {"zhaoshang-numpy": lambda sh, view: sig.minhash(sig.shingle_hashes(view))}
    try:
        from datasketch import MinHash

        def ds(sh, view):
            m = MinHash(num_perm=sig.NUM_PERM, seed=1)
            m.update_batch([s.encode("utf-8") for s in shingle_strings(view, sig.SHINGLE_K)])
            return m.hashvalues
        impls["datasketch"] = ds
    except ImportError:
        print("datasketch not importable: skipped")
    try:
        from rensa import RMinHash

        def rs(sh, view):  # rensa hashes strings: the shingles are made here, inside the timing
            m = RMinHash(num_perm=sig.NUM_PERM, seed=1)
            m.update(shingle_strings(view, sig.SHINGLE_K))
            return np.array(m.digest(), dtype=np.uint64)
        impls["rensa"] = rs
    except ImportError:
        print("rensa not importable: skipped")
    return impls


def compare_implementations(docs, rng) -> None:
    texts, pairs = [], []
    for d in docs:
        paras = [p.strip() for p in d.body.splitlines() if p.strip()]
        if len(paras) < 3:
            continue
        base = len(texts)
        texts.append(d.simplified)
        for text in rv.variants(d.title, paras, rng).values():
            pairs.append((base, len(texts)))
            texts.append(to_simplified(text))
    views = [sig.content_view(t) for t in texts]
    shingles = [shingle_strings(v, sig.SHINGLE_K) for v in views]
    sets = [set(s) for s in shingles]
    rand = [(rng.randrange(len(texts)), rng.randrange(len(texts))) for _ in range(len(pairs))]
    truth = [len(sets[a] & sets[b]) / max(1, len(sets[a] | sets[b])) for a, b in pairs + rand]
    print(f"\n[implementations] {len(texts)} documents, {len(pairs)} repost pairs + {len(rand)} random pairs,"
          f" k={sig.SHINGLE_K}, {sig.NUM_PERM} permutations")
    results = {}
    for name, fn in implementations().items():
        fn(shingles[0], views[0])  # warm-up
        t0 = time.perf_counter()
        out = [fn(sh, v) for sh, v in zip(shingles, views)]
        dt = time.perf_counter() - t0
        est = [float(np.mean(np.asarray(out[a]) == np.asarray(out[b]))) for a, b in pairs + rand]
        mae = float(np.mean(np.abs(np.array(est) - np.array(truth))))
        results[name] = dt
        print(f"  {name:16} {dt / len(texts) * 1e3:7.3f} ms/doc   MAE vs exact Jaccard {mae:.4f}")
    if "datasketch" in results:
        for name, dt in results.items():
            print(f"  {name:16} {results['datasketch'] / dt:6.2f}x datasketch's speed")


def paragraphs(docs) -> list[str]:
    return [p.strip() for d in docs for p in d.simplified.splitlines() if len(p.strip()) >= 40]


def synthetic(n: int, pool: list[str], rng: random.Random):
    """n documents: distinct stories and planted reposts; returns (texts, story id per text)."""
    texts, story = [], []
    cjk = [chr(c) for c in range(0x4E00, 0x9FA5)]
    while len(texts) < n:
        paras = []
        for p in rng.sample(pool, rng.randint(3, 8)):
            chars = list(p)
            for i in rng.sample(range(len(chars)), max(1, len(chars) * 20 // 100)):
                chars[i] = rng.choice(cjk)
            paras.append("".join(chars) + "。")
        sid = len(set(story))
        texts.append("\n".join(paras))
        story.append(sid)
        if rng.random() < 0.1:
            for text in rng.sample(list(rv.variants(paras[0][:20], paras, rng).values()), rng.randint(1, 3)):
                if len(texts) < n:
                    texts.append(to_simplified(text))
                    story.append(sid)
    return texts, story


def scale(docs, sizes, rng) -> None:
    pool = paragraphs(docs)
    print(f"\n[scale] stories from {len(pool)} paragraphs of ../shared/corpus")
    print(f"{'N':>8} {'sig ms/doc':>10} {'cluster s':>10} {'index MB':>9} {'peak MB':>8} {'clusters':>9} "
          f"{'planted found':>13} {'stories joined':>14}")
    measured = []
    for n in sizes:
        texts, story = synthetic(n, pool, rng)
        index = RepostIndex()
        t0 = time.perf_counter()
        for i, t in enumerate(texts):
            s = sig.signature(t)
            index.add({"doc_id": f"d{i:07d}", **s}, published=None)
        t_sig = time.perf_counter() - t0
        t0 = time.perf_counter()
        members = index.clusters()
        t_cl = time.perf_counter() - t0
        tracemalloc.start()  # a second pass for memory: tracemalloc slows what it traces
        index.clusters()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        by_cluster: dict[str, set[int]] = {}
        for i in range(len(texts)):
            by_cluster.setdefault(members[f"d{i:07d}"].cluster_id, set()).add(story[i])
        joined = sum(1 for s in by_cluster.values() if len(s) > 1)
        cl_of_story: dict[int, set[str]] = {}
        for i in range(len(texts)):
            cl_of_story.setdefault(story[i], set()).add(members[f"d{i:07d}"].cluster_id)
        copies = Counter(story)
        multi = [s for s in cl_of_story if copies[s] > 1]
        found = sum(1 for s in multi if len(cl_of_story[s]) == 1)
        idx_mb = index.nbytes / 1e6
        print(f"{n:>8} {t_sig / n * 1e3:>10.3f} {t_cl:>10.2f} {idx_mb:>9.1f} {peak / 1e6:>8.1f} "
              f"{len(by_cluster):>9} {found:>6}/{len(multi):<6} {joined:>14}")
        measured.append((n, t_sig / n, t_cl, peak))
    if len(measured) >= 2:
        (n1, _, c1, m1), (n2, s2, c2, m2) = measured[-2], measured[-1]
        a_t = math.log(c2 / c1) / math.log(n2 / n1) if c1 > 0 and c2 > 0 else 1.0
        a_m = math.log(m2 / m1) / math.log(n2 / n1) if m1 > 0 and m2 > 0 else 1.0
        k = 100_000 / n2
        print(f"\nper 100k documents (from N={n1} and N={n2}; clustering time grows as N^{a_t:.2f}, "
              f"its peak memory as N^{a_m:.2f}):")
        print(f"  signatures: {s2 * 1e5 / 60:.1f} min of one core (linear: {s2 * 1e3:.2f} ms per document; "
              f"in the workers, cached per document)")
        print(f"  clustering: {c2 * k ** a_t:.1f} s, peak {m2 * k ** a_m / 1e6:.0f} MB beyond the index; "
              f"index {sig.NUM_PERM * 4 * 1e5 / 1e6:.0f} MB of MinHash values")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,5000,10000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-implementations", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = [d for c in CORPORA for d in load_corpus(paths.SHARED_CORPUS / c)[0]]
    if not args.skip_implementations:
        compare_implementations([d for d in docs if d.doc_id[:2] in ("cc", "eb", "ta", "ne", "sh", "zj")], rng)
    scale(docs, [int(x) for x in args.sizes.split(",")], rng)


if __name__ == "__main__":
    main()
