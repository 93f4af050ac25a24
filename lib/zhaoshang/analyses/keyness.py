"""Keyness: which words a corpus uses unusually often, against a reference.

Significance is Dunning's log-likelihood G² (as computed by Rayson & Garside
2000 for a word's frequency in two corpora); effect size is Hardie's Log Ratio
(binary log of the ratio of relative frequencies, a zero frequency replaced by
0.5 so the ratio stays finite). G² says how sure we are that a difference is
real; Log Ratio says how big it is (1 = twice as frequent, 3 = eight times).

The default reference is *general Chinese*: the word frequencies shipped with
jieba's dictionary (about 350,000 words counted over a large mixed corpus), so
no extra data is needed. A second corpus works too: pass its word counts.
Both sides are filtered the same way (stopwords, single characters, digits
dropped) so that their totals are comparable.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

from zhaoshang.text import jieba_dict
from zhaoshang.text.segment import is_content_word


def _xlogx_over(o: float, e: float) -> float:
    return o * math.log(o / e) if o > 0 else 0.0


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """G² for a word seen ``a`` times in a corpus of ``c`` words and ``b`` times in
    a reference of ``d`` words: 2·(a·ln(a/E1) + b·ln(b/E2)) with
    E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d)."""
    if a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2.0 * (_xlogx_over(a, e1) + _xlogx_over(b, e2))


def log_likelihood_2x2(o11: float, o12: float, o21: float, o22: float) -> float:
    """G² of a full 2×2 contingency table (used for collocations)."""
    n = o11 + o12 + o21 + o22
    if n == 0:
        return 0.0
    r1, r2 = o11 + o12, o21 + o22
    k1, k2 = o11 + o21, o12 + o22
    total = 0.0
    for o, r, k in ((o11, r1, k1), (o12, r1, k2), (o21, r2, k1), (o22, r2, k2)):
        if o > 0:
            total += o * math.log(o * n / (r * k))
    return 2.0 * total


def log_ratio(a: float, b: float, c: float, d: float, *, zero: float = 0.5) -> float:
    """Hardie's Log Ratio: log2((a/c) / (b/d)), a zero count replaced by ``zero``."""
    a = a or zero
    b = b or zero
    return math.log2((a / c) / (b / d))


def p_value(g2: float) -> float:
    """Upper tail of χ² with one degree of freedom at ``g2``."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2.0))


def general_chinese(*, stopwords: frozenset[str] | None = None, min_len: int = 2) -> dict[str, int]:
    """Reference word frequencies of general Chinese (jieba's dictionary),
    filtered like our word counts."""
    return {w: n for w, n in jieba_dict.frequencies().items()
            if n > 0 and is_content_word(w, stopwords=stopwords, min_len=min_len)}


def keyness(target: Mapping[str, int], reference: Mapping[str, int] | None = None, *,
            min_count: int = 2, top: int | None = None, positive_only: bool = True,
            display: Mapping[str, str] | None = None, stopwords: frozenset[str] | None = None,
            min_len: int = 2, sizes: tuple[int, int] | None = None):
    """Keywords of ``target`` (word -> count) against ``reference`` (default: general Chinese).

    Columns: word (display form), simplified (key), count, ref_count,
    per_10k (per 10,000 words of the target), ref_per_10k, ll (G²), p,
    log_ratio, direction ('+' more frequent in the target, '-' less, '=' the same).
    Both sides are first reduced to content words (stopwords, words shorter than
    ``min_len``, digits and punctuation dropped), so totals are comparable.
    Only words with ``count >= min_count`` are scored; with ``positive_only``
    (default) only '+' words are returned. Sorted by ll descending, then
    log_ratio, then word, so ties are stable.

    ``sizes``: the sizes of the two corpora (target, reference) when they are not the sums of
    the counts — lexicon terms compared between groups of documents, where the size of each
    group is its length in characters; ``per_10k`` is then per 10,000 of those units."""
    import pandas as pd

    if reference is None:
        ref = general_chinese(stopwords=stopwords, min_len=min_len)
    else:
        ref = {w: n for w, n in reference.items()
               if n > 0 and is_content_word(w, stopwords=stopwords, min_len=min_len)}
    target = {w: n for w, n in target.items()
              if n > 0 and is_content_word(w, stopwords=stopwords, min_len=min_len)}
    c, d = sizes if sizes is not None else (sum(target.values()), sum(ref.values()))
    cols = ["word", "simplified", "count", "ref_count", "per_10k", "ref_per_10k", "ll", "p",
            "log_ratio", "direction"]
    if c == 0 or d == 0:
        return pd.DataFrame(columns=cols)
    display = display or {}
    rows = []
    for w, a in target.items():
        if a < min_count:
            continue
        b = ref.get(w, 0)
        fa, fb = a * d, b * c  # compare a/c with b/d without rounding
        direction = "+" if fa > fb else "-" if fa < fb else "="
        if positive_only and direction != "+":
            continue
        g2 = log_likelihood(a, b, c, d)
        rows.append((display.get(w, w), w, a, b, round(a * 1e4 / c, 3), round(b * 1e4 / d, 4),
                     round(g2, 3), p_value(g2), round(log_ratio(a, b, c, d), 3), direction))
    rows.sort(key=lambda r: (-r[6], -r[8], r[1]))
    if top:
        rows = rows[:top]
    return pd.DataFrame(rows, columns=cols)
