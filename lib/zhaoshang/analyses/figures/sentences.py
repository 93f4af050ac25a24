"""Sentences and clauses of a document, and the offset maps between the views of a sentence.

Figures are found one sentence at a time, on the Simplified view of the body with digits folded
(:func:`folded_view`, character-aligned with the body). A sentence is matched *compacted* — line
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


_SENTENCE_EVENT = re.compile("[。！？!?…\n]")


def split_sentences(view: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence. A sentence ends at 。！？!? (closing quotes kept
    with it); a paragraph at a blank line, or a line break after final punctuation or before an
    indented line. A line break inside a sentence (wrapped text) is not a boundary."""
    out: list[tuple[int, int, int]] = []
    para = 0
    i = 0
    n = len(view)
    start = 0

    def flush(end: int):
        s, e = start, end
        while s < e and view[s] in " \t\r\n\u3000\u200b\ufeff":
            s += 1
        while e > s and view[e - 1] in " \t\r\n\u3000\u200b\ufeff":
            e -= 1
        if e > s:
            out.append((s, e, para))

    while i < n:
        # only sentence-final punctuation and line breaks can end anything: jump to the next one
        ev = _SENTENCE_EVENT.search(view, i)
        if ev is None:
            break
        i = ev.start()
        ch = view[i]
        if ch in "。！？!?…":
            j = i + 1
            while j < n and view[j] in "。！？!?…”’」』\"'":
                j += 1
            flush(j)
            start = i = j
            continue
        if ch == "\n":
            j = i
            while j < n and view[j] in "\r\n \t\u3000":
                j += 1
            gap = view[i:j]
            k = i
            while k > 0 and view[k - 1] in " \t\r\u3000":
                k -= 1
            prev = view[k - 1] if k else ""  # the last visible character before the break
            boundary = (gap.count("\n") >= 2 or prev in "。！？!?；;：:”」』)）" or prev == ""
                        or (j < n and view[i + 1:j].strip("\r\n") != "")  # indented next line
                        or j >= n)
            if boundary:
                flush(i)
                para += 1
                start = i = j
                continue
        i += 1
    flush(n)
    return out


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
