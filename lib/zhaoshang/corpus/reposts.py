"""Reposts over a corpus: each story once, with every place that carried it.

Every document's signature (:mod:`zhaoshang.analyses.reposts`, computed and cached per
document) goes into a :class:`RepostIndex` as the run's results arrive. After the last one,
:meth:`RepostIndex.clusters` finds the copies, never comparing documents pairwise:

1. **exact** — documents whose match views are equal (same digest) are one group;
2. **LSH banding** — one representative of each group enters ``BANDS`` bands of ``ROWS``
   MinHash values; documents equal on a whole band are candidates: a pair of Jaccard J is one
   with probability 1 - (1 - J³)⁸⁵ — 0.98 at the default threshold 0.35, 0.998 at 0.42 (the
   least similar repost of the labelled set), 0.01 at 0.05 and 0.0001 at 0.01 (unrelated
   stories), so the candidates grow with the copies, not with the square of the corpus;
3. **verification** — each candidate pair is kept when its estimated Jaccard similarity is at
   least ``threshold`` (**near**), or when one document is largely contained in the other and
   is a real share of it (**excerpt**: containment of the smaller ≥ ``EXCERPT_CONTAINMENT``
   *and* of the larger ≥ ``EXCERPT_MIN_SHARE``). A story that quotes one paragraph of another
   holds a small share of it and is a small share of itself: neither direction passes;
4. **clusters** — union-find over the kept pairs and the exact groups;
5. **carried inside** — a story whose paragraphs (by their hashes: ``paragraphs`` of the
   signature) are, for at least ``CARRIED_SHARE`` of its characters, paragraphs of one clearly
   longer document (``CARRIED_RATIO`` times its length) is carried inside it — an item of a day's
   digest (新闻联播's 23 July digest carries the 辽宁 item of cctv_12 word for word), a release
   reprinted whole in a longer report. Its cluster folds into the longer document's, as
   **excerpt**, and the longer document is canonical: counting canonical documents counts the
   story once, inside it. A story attaches to one container only (the longest), so two digests
   carrying the same item never fold into each other. A story quoting one paragraph of a
   longer one carries a small share of it and is not carried.

Each cluster has one **canonical** member: the earliest published; among equal dates (or
none), the one named as the source (its site is what another member says it was reprinted
from, or it names no other source), then the longest, then the smallest doc_id.

Documents whose match view has fewer than ``MIN_SHINGLES`` shingles (a caption, an empty page)
join a cluster only as exact copies: a few shared characters say nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from zhaoshang.analyses.reposts import NUM_PERM, decode_minhash
from zhaoshang.corpus.groups import DisjointSets
from zhaoshang.text.script import to_simplified

DEFAULT_THRESHOLD = 0.35
"""Estimated Jaccard similarity from which two documents are one story (``--repost-threshold``;
chosen on the labelled pairs of ``scripts/eval_reposts.py``: README, "Reposts")."""
EXCERPT_CONTAINMENT = 0.8
"""Share of the smaller document's shingles the larger must hold for an excerpt."""
EXCERPT_MIN_SHARE = 0.3
"""Share of the larger document's shingles the excerpt must cover: below it, a quotation."""
CARRIED_SHARE = 0.8
"""Share of a story's paragraph characters that must be paragraphs of another text for it to be carried inside."""
CARRIED_RATIO = 1.5
"""How much longer (content characters) a text must be to carry another: closer sizes are near copies."""
CARRIED_MIN_CHARS = 60
"""Paragraph characters a story needs before it can be found carried inside another."""
CARRIED_MAX_POSTING = 20
"""A paragraph found in more documents than this is boilerplate, not evidence that one carries another."""
BANDS, ROWS = 85, 3
MIN_SHINGLES = 30
_FULL_PAIRS_BUCKET = 64  # a band bucket larger than this yields a chain and a star, not all pairs


@dataclass(frozen=True)
class Member:
    """One document of a cluster as reposts.csv and documents.csv show it."""

    doc_id: str
    cluster_id: str
    canonical_doc_id: str
    similarity: float
    relation: str  # exact, near, excerpt; "" for the canonical member itself


class RepostIndex:
    """The signatures of a corpus, in input order, kept compactly (NUM_PERM × 4 bytes per document).

    :meth:`add` takes one document's signature and metadata; :meth:`match` finds the
    documents already indexed that a new signature is a copy of (no recomputation of the
    corpus); :meth:`clusters` clusters everything."""

    def __init__(self) -> None:
        self._minhash = bytearray()
        self.doc_ids: list[str] = []
        self.exact: list[str] = []
        self.n_shingles: list[int] = []
        self.meta: list[tuple] = []  # (published, site, reprinted_from, n_view)
        self.paragraphs: list[tuple[tuple[int, int], ...]] = []  # (hash, characters) per document

    def __len__(self) -> int:
        return len(self.doc_ids)

    def add(self, sig: dict, *, published=None, site=None, reprinted_from=None) -> None:
        self._minhash += decode_minhash(sig["minhash"]).astype("<u4").tobytes()
        self.doc_ids.append(sig["doc_id"])
        self.exact.append(sig["exact"])
        self.n_shingles.append(int(sig["n_shingles"]))
        self.meta.append((published if isinstance(published, str) else None,
                          site if isinstance(site, str) else None,
                          reprinted_from if isinstance(reprinted_from, str) else None, int(sig["n_view"])))
        self.paragraphs.append(tuple((int(h, 16), int(n)) for h, n in sig.get("paragraphs", ())))

    @property
    def nbytes(self) -> int:
        """Bytes of the MinHash values held (NUM_PERM × 4 per document)."""
        return len(self._minhash)

    def extend(self, other: "RepostIndex") -> None:
        """Add every document of ``other`` (another run's index), in its order."""
        self._minhash += other._minhash
        self.doc_ids += other.doc_ids
        self.exact += other.exact
        self.n_shingles += other.n_shingles
        self.meta += other.meta
        self.paragraphs += other.paragraphs

    def matrix(self) -> np.ndarray:
        """The MinHash values, one row per document (uint32)."""
        return np.frombuffer(bytes(self._minhash), dtype="<u4").reshape(len(self), NUM_PERM)

    # ------------------------------------------------------------------ matching

    def match(self, sig: dict, threshold: float = DEFAULT_THRESHOLD) -> list[tuple[str, float, str]]:
        """The indexed documents that ``sig`` is a copy of: (doc_id, similarity, relation), most similar
        first. Compares the new signature with the stored ones (one vectorised pass), recomputing nothing."""
        if not len(self):
            return []
        m = self.matrix()
        new = decode_minhash(sig["minhash"])
        same = np.nonzero(np.array(self.exact) == sig["exact"])[0]
        out = {int(i): (1.0, "exact") for i in same}
        if sig["n_shingles"] >= MIN_SHINGLES:
            hit = np.zeros(len(self), dtype=bool)
            for b in range(BANDS):
                cols = slice(b * ROWS, (b + 1) * ROWS)
                hit |= (m[:, cols] == new[cols]).all(axis=1)
            for i in np.nonzero(hit)[0]:
                i = int(i)
                if i in out or self.n_shingles[i] < MIN_SHINGLES:
                    continue
                j = float((m[i] == new).mean())
                rel = relation(j, self.n_shingles[i], int(sig["n_shingles"]), threshold)
                if rel:
                    out[i] = (j, rel)
        return sorted(((self.doc_ids[i], s, r) for i, (s, r) in out.items()), key=lambda t: (-t[1], t[0]))

    def candidate_pairs(self, rows: np.ndarray) -> np.ndarray:
        """Pairs (i, j), i < j, of ``rows`` (indices) equal on at least one band: an (n, 2) array."""
        m = self.matrix()[rows]
        found = []
        for b in range(BANDS):
            band = m[:, b * ROWS:(b + 1) * ROWS].astype(np.uint64)
            key = np.zeros(len(rows), dtype=np.uint64)
            with np.errstate(over="ignore"):
                for c in range(ROWS):
                    key = (key * np.uint64(0x100000001B3)) ^ band[:, c]
            order = np.argsort(key, kind="stable")
            k = key[order]
            starts = np.nonzero(np.r_[True, k[1:] != k[:-1]])[0]
            sizes = np.r_[starts[1:], len(k)] - starts
            two = starts[sizes == 2]  # most buckets: one pair, taken at once
            found.append(np.stack([rows[order[two]], rows[order[two + 1]]], axis=1))
            for s, size in zip(starts[sizes > 2], sizes[sizes > 2]):
                found.append(_bucket_pairs(rows[order[s:s + size]]))
        if not found:
            return np.zeros((0, 2), dtype=np.int64)
        pairs = np.concatenate(found)
        pairs = np.sort(pairs, axis=1)
        return np.unique(pairs, axis=0)

    # ------------------------------------------------------------------ clustering

    def clusters(self, threshold: float = DEFAULT_THRESHOLD) -> dict[str, Member]:
        """Every document's cluster (a singleton's cluster is itself, its relation "")."""
        check_threshold(threshold)
        n = len(self)
        sets = DisjointSets(n)
        find, union = sets.find, sets.union

        first: dict[str, int] = {}
        for i, h in enumerate(self.exact):
            if h in first:
                union(first[h], i)
            else:
                first[h] = i
        reps = np.array([i for i in first.values() if self.n_shingles[i] >= MIN_SHINGLES], dtype=np.int64)
        m = self.matrix()
        pairs = self.candidate_pairs(reps) if len(reps) > 1 else np.zeros((0, 2), dtype=np.int64)
        for start in range(0, len(pairs), 65536):
            chunk = pairs[start:start + 65536]
            sims = (m[chunk[:, 0]] == m[chunk[:, 1]]).mean(axis=1)
            for (i, j), s in zip(chunk.tolist(), sims.tolist()):
                if relation(s, self.n_shingles[i], self.n_shingles[j], threshold):
                    union(i, j)
        copies: dict[int, list[int]] = {}  # the clusters of copies, before any is carried inside another
        for i in range(n):
            copies.setdefault(find(i), []).append(i)
        root_of = {i: r for r, members in copies.items() for i in members}
        carried: set[int] = set()  # documents folded into a text that carries them
        attached: set[int] = set()  # clusters of copies already folded into one container
        for inner, outer in self.carried_inside():
            r = root_of[inner]
            if r in attached or find(inner) == find(outer):
                continue
            attached.add(r)
            carried.update(copies[r])
            union(inner, outer)
        groups: dict[int, list[int]] = {}
        for i in range(n):
            groups.setdefault(find(i), []).append(i)
        out: dict[str, Member] = {}
        for members in groups.values():
            sources = {_name(self.meta[j][2]) for j in members if self.meta[j][2]}
            hosts = [i for i in members if i not in carried] or members
            canon = min(hosts, key=lambda i: self._canonical_key(i, sources))
            cluster_id = min(self.doc_ids[i] for i in members)
            for i in members:
                if i == canon:
                    sim, rel = 1.0, ""
                elif self.exact[i] == self.exact[canon]:
                    sim, rel = 1.0, "exact"
                else:
                    sim = float((m[i] == m[canon]).mean())
                    rel = relation(sim, self.n_shingles[i], self.n_shingles[canon], threshold) or (
                        "excerpt" if i in carried else "near")
                out[self.doc_ids[i]] = Member(self.doc_ids[i], cluster_id, self.doc_ids[canon], round(sim, 4), rel)
        return out

    def carried_inside(self) -> list[tuple[int, int]]:
        """(inner, outer) index pairs: ``inner``'s paragraphs are, for ``CARRIED_SHARE`` of its
        paragraph characters, paragraphs of ``outer``, which is ``CARRIED_RATIO`` times longer; one
        outer per inner (the longest, then the smallest doc_id), inner documents shortest first.
        An inverted index of paragraph hashes: linear in the paragraphs, never pairwise."""
        postings: dict[int, list[int]] = {}
        for i, paras in enumerate(self.paragraphs):
            for h, _ in paras:
                postings.setdefault(h, []).append(i)
        n_view = [m[3] for m in self.meta]
        pairs = []
        for i, paras in enumerate(self.paragraphs):
            total = sum(c for _, c in paras)
            if total < CARRIED_MIN_CHARS:
                continue
            shared: dict[int, int] = {}
            for h, c in paras:
                docs = postings[h]
                if len(docs) > CARRIED_MAX_POSTING:
                    continue
                for j in docs:
                    if j != i and n_view[j] >= CARRIED_RATIO * n_view[i]:
                        shared[j] = shared.get(j, 0) + c
            hosts = [j for j, c in shared.items() if c >= CARRIED_SHARE * total]
            if hosts:
                pairs.append((i, min(hosts, key=lambda j: (-n_view[j], self.doc_ids[j]))))
        return sorted(pairs, key=lambda p: (n_view[p[0]], self.doc_ids[p[0]]))

    def _canonical_key(self, i: int, sources: set[str]) -> tuple:
        """Sorts the canonical member first: earliest published, named as the source (``sources``:
        what the members say they were reprinted from), longest, smallest doc_id."""
        published, site, reprinted, n_view = self.meta[i]
        if site and _name(site) in sources or (reprinted and site and _name(reprinted) == _name(site)):
            source_rank = 0  # named as the source by a member, or naming itself
        elif not reprinted:
            source_rank = 1  # says nothing of being reprinted
        else:
            source_rank = 2  # says it was reprinted from elsewhere
        return (published is None, published or "", source_rank, -n_view, self.doc_ids[i])


def _name(text: str) -> str:
    return to_simplified(text).strip()


def _bucket_pairs(members: np.ndarray) -> np.ndarray:
    """Candidate pairs of one band bucket: all of them, or for a huge bucket a chain and a star
    (linear in its size; union-find joins what the verified pairs connect)."""
    s = len(members)
    if s <= _FULL_PAIRS_BUCKET:
        i, j = np.triu_indices(s, k=1)
        return np.stack([members[i], members[j]], axis=1)
    chain = np.stack([members[:-1], members[1:]], axis=1)
    star = np.stack([np.full(s - 1, members[0]), members[1:]], axis=1)
    return np.concatenate([chain, star])


def containment(similarity: float, n_a: int, n_b: int) -> tuple[float, float]:
    """Estimated share of A's shingles found in B, and of B's in A, from their Jaccard similarity
    and set sizes (|A ∩ B| = J (|A| + |B|) / (1 + J))."""
    inter = similarity * (n_a + n_b) / (1 + similarity)
    return (min(1.0, inter / n_a) if n_a else 0.0, min(1.0, inter / n_b) if n_b else 0.0)


def relation(similarity: float, n_a: int, n_b: int, threshold: float = DEFAULT_THRESHOLD) -> str:
    """"near", "excerpt" or "" (not a copy) for two documents of estimated Jaccard ``similarity``
    with ``n_a`` and ``n_b`` shingles."""
    if min(n_a, n_b) < MIN_SHINGLES:
        return ""
    if similarity >= threshold:
        return "near"
    c_a, c_b = containment(similarity, n_a, n_b)
    if max(c_a, c_b) >= EXCERPT_CONTAINMENT and min(c_a, c_b) >= EXCERPT_MIN_SHARE:
        return "excerpt"
    return ""


def check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise ValueError(f"repost threshold must be in (0, 1], got {threshold!r}")


def repost_threshold(text: str) -> float:
    """A threshold given on the command line (``--repost-threshold``), checked."""
    value = float(text)
    check_threshold(value)
    return value
