"""A document's repost signature: what finds its copies across a corpus without comparing texts.

A repost of a story differs from it in script (繁/简), punctuation and quotation marks, line
breaks, a site's header and footer, a dropped paragraph or a new title. The signature is taken
on the **content view** of the cleaned body (:func:`content_view`): the lines of running text
(site furniture — navigation, hot lists, share buttons, a reposting site's 来源/编辑 header —
is short lines without a sentence end, and is left out), each reduced to its **match view**
(:func:`match_view`): the Simplified view, NFKC-folded, with every character that is not a
letter or a digit removed (punctuation, quotation marks, spaces). On it:

* ``exact`` — a digest of the whole view: equal views are the same text (an exact copy);
* ``paragraphs`` — a short hash and the length of each content line (:func:`paragraph_hashes`), so a
  story carried whole inside a longer text is found even where it is a small share of that text;
* ``minhash`` — a MinHash of the view's character ``k``-grams (:data:`SHINGLE_K`), ``NUM_PERM``
  minima, so that the share of equal minima of two documents estimates the Jaccard similarity
  of their shingle sets; ``n_shingles`` (the size of that set) turns it into containment
  (how much of one document the other holds). Header, footer and a dropped paragraph change
  only the shingles they touch.

The MinHash is numpy-vectorised (``bench/reposts_bench.py`` measures it against datasketch and
rensa: 3.2-3.5x datasketch's speed, as fast as rensa within the noise, the same agreement with
the exact Jaccard): each k-gram is hashed by a polynomial over its code points, mixed
(splitmix64), and each of the ``NUM_PERM`` hash functions is a multiply-shift of that mix. It runs in chunks, so
memory stays bounded and time linear in the document's length. The signature is plain data
(base64 of little-endian uint32), so it travels through the JSON cache.
"""
from __future__ import annotations

import base64
import hashlib
import re
import unicodedata

import numpy as np

from zhaoshang.model import CleanDocument

SHINGLE_K = 4
"""Characters per shingle (chosen by ``scripts/eval_reposts.py``: see the README, "Reposts")."""
NUM_PERM = 256
"""Hash functions of the MinHash: the standard error of an estimated Jaccard J is sqrt(J(1-J)/256) ≤ 0.031."""
SEED = 20240601
_CHUNK = 4096  # shingles hashed at a time: bounds memory (NUM_PERM × CHUNK × 8 bytes = 8 MiB); fastest measured
_EMPTY = np.uint32(0xFFFFFFFF)


def match_view(simplified: str) -> str:
    """The text a copy is recognised on: letters and digits only (``str.isalnum``), after NFKC
    (full-width ２０２３ and ＡＢ are 2023 and ab) and with case folded.

    ``simplified`` is the Simplified view of a body (``CleanDocument.simplified``), so both
    scripts give one view; punctuation of either width, quotation marks of any shape,
    whitespace and symbols go."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKC", simplified).lower()))


_SENTENCE_END = re.compile(r"[。！？!?；;…]|\.(?!\d)")
MIN_LINE = 10  # match-view characters of a line kept for its sentence end
LONG_LINE = 60  # match-view characters of a line kept whatever its punctuation


PARAGRAPH_MIN = 20
"""Match-view characters of a content line from which it gets a paragraph hash (shorter lines are
too common across stories to say that one text carries another)."""


def content_lines(simplified: str) -> list[str]:
    """The match views of the lines of running text (see :func:`content_view`), in order."""
    kept = []
    for line in simplified.splitlines():
        view = match_view(line)
        if len(view) >= LONG_LINE or (len(view) >= MIN_LINE and _SENTENCE_END.search(line)):
            kept.append(view)
    return kept


def paragraph_hashes(lines: list[str]) -> list[list]:
    """[hash, characters] of each distinct content line of at least ``PARAGRAPH_MIN`` characters:
    what finds a story carried whole inside a longer text (a day's digest carrying the item), which
    a MinHash of the whole cannot see (the item is a small share of the digest)."""
    seen: dict[str, int] = {}
    for view in lines:
        if len(view) >= PARAGRAPH_MIN:
            seen.setdefault(hashlib.blake2b(view.encode("utf-8"), digest_size=8).hexdigest(), len(view))
    return [[h, n] for h, n in seen.items()]


def content_view(simplified: str) -> str:
    """The match view of the lines that are running text: a line is kept when it ends a
    sentence somewhere (。！？；…) and has at least ``MIN_LINE`` letters, or has ``LONG_LINE``.

    Site furniture — navigation, "hot list" headlines, share buttons, copyright lines,
    a reposting site's 来源/编辑 header — is short lines without a sentence end, so it neither
    hides a copy nor makes two stories of one site look alike. A text with no such line (a
    list, a caption) keeps its whole view."""
    kept = content_lines(simplified)
    return "".join(kept) if kept else match_view(simplified)


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """A strong 64-bit mix (splitmix64's finaliser), elementwise, wrapping."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(view: str, k: int = SHINGLE_K) -> np.ndarray:
    """The distinct 64-bit hashes of the ``k``-character shingles of ``view`` (a view shorter
    than ``k`` is one shingle), sorted."""
    if not view:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(view.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < k:
        codes = np.concatenate([codes, np.zeros(k - len(codes), dtype=np.uint64)])
    n = len(codes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):  # polynomial hash over the window, wrapping mod 2**64
            h = h * np.uint64(0x100000001B3) + codes[j:j + n]
        h = np.sort(_splitmix64(h))
    return h[np.concatenate(([True], h[1:] != h[:-1]))]  # np.unique's result, a third of its time


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The ``NUM_PERM`` minima (uint32) of multiply-shift hashes of ``hashes``; all 0xFFFFFFFF if none.

    Hash function i of shingle hash h is ``((a_i * h + b_i) mod 2**64) >> 32``. The shift is
    monotone, so the minimum is taken over the 64-bit values and shifted once at the end; and the
    values are computed into one reused buffer, a hash function per row (contiguous minima).
    Same values as shifting every product, in about half the time."""
    if len(hashes) == 0:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    out = np.full(NUM_PERM, np.uint64(0xFFFFFFFFFFFFFFFF), dtype=np.uint64)
    buf = np.empty((NUM_PERM, min(_CHUNK, len(hashes))), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(hashes), _CHUNK):
            h = hashes[i:i + _CHUNK]
            v = buf[:, :len(h)]
            np.multiply(_A[:, None], h[None, :], out=v)
            v += _B[:, None]
            np.minimum(out, v.min(axis=1), out=out)
    return (out >> np.uint64(32)).astype(np.uint32)


def encode_minhash(values: np.ndarray) -> str:
    """A MinHash as plain JSON-able text (base64 of little-endian uint32)."""
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def decode_minhash(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)


def signature(simplified: str, k: int = SHINGLE_K) -> dict:
    """The repost signature of a Simplified body: exact digest, MinHash, shingle count, view length,
    and the hashes of its paragraphs."""
    lines = content_lines(simplified)
    view = "".join(lines) if lines else match_view(simplified)
    hashes = shingle_hashes(view, k)
    return {"exact": hashlib.blake2b(view.encode("utf-8"), digest_size=16).hexdigest(),
            "minhash": encode_minhash(minhash(hashes)), "n_shingles": int(len(hashes)),
            "n_view": len(view), "k": k, "paragraphs": paragraph_hashes(lines)}


def doc_signature(doc: CleanDocument) -> dict:
    """The repost signature of a cleaned document (its body, not its title: a repost often retitles)."""
    return {"doc_id": doc.doc_id, **signature(doc.simplified)}
