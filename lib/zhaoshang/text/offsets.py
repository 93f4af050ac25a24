"""Provenance: from an offset in the cleaned body back to the raw file.

Cleaning only ever *deletes* characters of the repaired text (boilerplate lines,
indentation, control characters, line breaks inside sentences), so the body is
made of runs copied from it. :class:`Traced` is a string that remembers, run by
run, where its characters came from; cleaning builds the body as a Traced and
keeps its runs as ``CleanDocument.body_map``.

Repair changes lengths (``產(chǎn)`` → ``產``), and its edit log gives, for each
edit, the raw span it replaced. :func:`raw_span` combines the two: a span of
the body → the span of the raw text it came from, so that every figure, quote
and slogan can be found in the file on disk.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

from zhaoshang.model import Edit

Seg = tuple[int, int, int]  # (position in the text, position in the source, length)


@dataclass(frozen=True)
class Traced:
    """A string and, for each run of it copied from a source, where in the source it came from."""

    text: str
    segs: tuple[Seg, ...] = ()

    @classmethod
    def whole(cls, text: str, source_start: int = 0) -> "Traced":
        return cls(text, ((0, source_start, len(text)),) if text else ())

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def __add__(self, other: "Traced | str") -> "Traced":
        if isinstance(other, str):
            other = Traced(other)
        n = len(self.text)
        segs = list(self.segs)
        for pos, src, length in other.segs:
            if segs and segs[-1][0] + segs[-1][2] == pos + n and segs[-1][1] + segs[-1][2] == src:
                p0, s0, l0 = segs.pop()  # contiguous in both: one run
                segs.append((p0, s0, l0 + length))
            else:
                segs.append((pos + n, src, length))
        return Traced(self.text + other.text, tuple(segs))

    def slice(self, a: int, b: int) -> "Traced":
        a, b = max(0, a), min(len(self.text), b)
        out = []
        for pos, src, length in self.segs:
            lo, hi = max(pos, a), min(pos + length, b)
            if lo < hi:
                out.append((lo - a, src + (lo - pos), hi - lo))
        return Traced(self.text[a:b], tuple(out))

    def remove(self, pattern: re.Pattern) -> "Traced":
        """The text without every match of ``pattern``."""
        parts = []
        last = 0
        for m in pattern.finditer(self.text):
            if m.start() > last:
                parts.append(self.slice(last, m.start()))
            last = m.end()
        if last == 0:
            return self
        parts.append(self.slice(last, len(self.text)))
        return concat(parts)

    def strip(self, chars: str) -> "Traced":
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.slice(left, right) if (left or right < len(self.text)) else self

    @staticmethod
    def join(sep: str, parts: Iterable["Traced"]) -> "Traced":
        pieces: list[Traced] = []
        for i, p in enumerate(parts):
            if i and sep:
                pieces.append(Traced(sep))
            pieces.append(p)
        return concat(pieces)


def concat(parts: Iterable[Traced]) -> Traced:
    """``parts[0] + parts[1] + …`` in one pass: linear in the total length, where adding them
    one by one copies the growing text each time (quadratic in the number of lines)."""
    texts: list[str] = []
    segs: list[Seg] = []
    n = 0
    for part in parts:
        for pos, src, length in part.segs:
            if segs and segs[-1][0] + segs[-1][2] == pos + n and segs[-1][1] + segs[-1][2] == src:
                p0, s0, l0 = segs[-1]  # contiguous in both: one run
                segs[-1] = (p0, s0, l0 + length)
            else:
                segs.append((pos + n, src, length))
        texts.append(part.text)
        n += len(part.text)
    return Traced("".join(texts), tuple(segs))


class RawMapper:
    """Maps spans of a cleaned body to the raw text, for one document.

    ``body_map`` are the body's runs into the repaired text (``CleanDocument.body_map``),
    ``edits`` the repair log (offsets into the raw text). Lookups are by bisection."""

    def __init__(self, body_map: Sequence[Seg], edits: Iterable[Edit]):
        self._segs = list(body_map)
        self._seg_pos = [s[0] for s in self._segs]
        spans = []
        delta = 0
        for e in sorted(edits, key=lambda e: e.start):
            rs = e.start + delta
            spans.append((rs, rs + len(e.after), e.start, e.end))
            delta += len(e.after) - (e.end - e.start)
        self._edits = spans
        self._edit_pos = [s[0] for s in spans]

    def repaired(self, pos: int) -> int:
        """Repaired-text offset of body offset ``pos`` (a gap maps to the end of the run before)."""
        if not self._segs:
            return pos
        i = bisect_right(self._seg_pos, pos) - 1
        if i < 0:
            return self._segs[0][1]
        p, src, length = self._segs[i]
        return src + min(pos - p, length)

    def _raw_char(self, pos: int) -> tuple[int, int]:
        """Raw (start, end) of repaired character ``pos``: the whole damaged stretch when the
        character was written by a repair, else the one raw character it was copied from."""
        i = bisect_right(self._edit_pos, pos) - 1
        if i < 0:
            return pos, pos + 1
        rs, re_, raw_s, raw_e = self._edits[i]
        if pos < re_:
            return raw_s, raw_e
        p = raw_e + (pos - re_)
        return p, p + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span that body span ``[start, end)`` was made from."""
        rs = self._raw_char(self.repaired(start))[0]
        if end <= start:
            return rs, rs
        return rs, max(rs, self._raw_char(self.repaired(end - 1))[1])
