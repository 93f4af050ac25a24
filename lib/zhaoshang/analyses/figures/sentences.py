"""Clauses of a figure's sentence, and the offset maps between the views of a sentence.

Figures are found one sentence at a time, on the Simplified view of the body with digits folded
(:func:`folded_view`, character-aligned with the body). The sentences are the project's
(:func:`zhaoshang.text.sentences.split`) with ``wrapped_lines=True``: a line break inside a
sentence (wrapped text) does not end it, and the paragraph numbers bound where a figure's place
is looked for. What is the figures' own is here: a sentence is matched *compacted* — line
breaks and zero-width characters dropped (:func:`compact_sentence`) — and its offsets are mapped
back to the view (``keep``) and the body (:func:`body_span`, :func:`bisect_map`), so that every
row's ``body[start:end]`` is its ``text``. Clauses (:func:`clause_bounds`) bound where a figure's
metric, subject and place are looked for.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from zhaoshang.analyses.figures.patterns import CLAUSE_BREAK
from zhaoshang.text.numbers import fold_digits


def folded_view(text: str) -> str:
    """Simplified text with digits folded, same length."""
    return fold_digits(text)


_CLAUSE_BREAK_RE = re.compile(f"[{re.escape(CLAUSE_BREAK)}]")


@lru_cache(maxsize=16)
def _breaks(s: str) -> list[int]:
    """Offsets of the clause breaks (，；。…) of sentence ``s`` (cached: every figure asks)."""
    return [m.start() for m in _CLAUSE_BREAK_RE.finditer(s)]


def clause_bounds(s: str, start: int, end: int) -> tuple[int, int]:
    """The clause around s[start:end]: from after the last break (，；。…) before ``start`` to the
    first break at or after ``end``."""
    br = _breaks(s)
    i = bisect.bisect_left(br, start)
    a = br[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(br, end)
    b = br[j] if j < len(br) else len(s)
    return a, b


_DROPPED = re.compile("[\r\n\u200b\u200c\u200d\ufeff]")


def compact_sentence(view: str, ss: int, se: int) -> tuple[str, list[int]]:
    """The sentence without line breaks and zero-width characters, with a map to view offsets."""
    if not _DROPPED.search(view, ss, se):
        return view[ss:se], range(ss, se)
    keep = [i for i in range(ss, se) if view[i] not in "\r\n\u200b\u200c\u200d\ufeff"]
    return "".join(view[i] for i in keep), keep


def bisect_map(keep, view_pos: int) -> int:
    """Offset in the compacted sentence of a view offset (the first kept index at or after it)."""
    if isinstance(keep, range):
        return min(max(view_pos - keep.start, 0), len(keep))
    return bisect.bisect_left(keep, view_pos)


def body_span(body: str, keep, span: tuple[int, int] | None) -> str | None:
    """The body text of a span of the compacted sentence (``keep`` maps it to body offsets)."""
    if not span:
        return None
    a, b = span
    if b <= a:
        return None
    if isinstance(keep, range):
        return body[keep[a]:keep[b - 1] + 1]
    return "".join(body[keep[i]] for i in range(a, b))
