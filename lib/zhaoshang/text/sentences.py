"""Sentences of Chinese text: the project's one rule, computed once per text, looked up by bisection.

Every analysis that needs "the sentence" of something — the figures of a sentence, the sentence a
quotation opens in, the sentence around a codebook hit — asks :func:`split` for the text's
sentences once and then looks them up (:meth:`Sentences.sentence_at`, :meth:`Sentences.around`,
:meth:`Sentences.between`) by bisection of sorted offsets. Nothing rescans the text per lookup,
so the cost is linear in the text's length (n log n with the lookups) whatever its shape: a
60 KB text with no sentence punctuation at all is one long sentence, found once.

The rule
--------
* A sentence ends at an end of sentence, :data:`SENTENCE_END` (。！？!?…). What follows it
  directly — more ends of sentence (……, ！？) and closing quotation marks (:data:`CLOSING`:
  ”’」』 and straight quotes) — belongs to the sentence that ends, not to the next one:
  ``他说：“好。”然后走了。`` is two sentences, ``他说：“好。”`` and ``然后走了。``.
* A line break ends a sentence (and a paragraph; a blank line or a run of breaks is one). So does
  a tab right after an end of sentence: the cells or items of a list that a saved page keeps on
  one line (``……扩厂。\t记欣企业有限公司：……``) are paragraphs of their own.
  ``wrapped_lines=True`` is the rule for text whose lines may be wrapped inside a sentence:
  there a line break ends the sentence only after final punctuation (:data:`FINAL_BEFORE_BREAK`),
  before a blank or indented line, or at the start or end of the text; any other line break is
  part of the sentence.
* Spaces (:data:`SPACE`: ASCII and full-width spaces, tabs, line breaks, zero-width characters)
  at either end of a sentence are not part of it; a sentence of spaces only is no sentence. Text
  with no end of sentence at all is one sentence; empty text has none.
* ``quoted``: character ranges (quotations, their marks included) inside which neither an end of
  sentence nor a line break ends a sentence, and from which nothing is taken as the tail of a
  sentence ending just before them. This is how a paragraph's sentences are read when speech is
  attributed: “……。……。”他说。 is one sentence. Which marks pair is not this module's business
  (:mod:`zhaoshang.analyses.rhetoric.marks` knows); it only takes the ranges.

Offsets are ``str`` indices: ``text[start:end]`` is the sentence.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

SENTENCE_END = "。！？!?…"
"""Characters that end a sentence."""

CLOSING = "”’」』\"'"
"""Closing quotation marks that, right after an end of sentence, belong to the sentence that ends."""

SPACE = " \t\r\n\u3000\u200b\ufeff"
"""Characters trimmed from both ends of every sentence."""

FINAL_BEFORE_BREAK = "。！？!?；;：:”」』)）"
"""With ``wrapped_lines``: a line break after one of these (spaces between ignored) ends the sentence."""

_TAIL = SENTENCE_END + CLOSING  # what may follow an end of sentence and still belong to it
_GAP = "\r\n \t\u3000"  # a line break together with the blank lines and indentation after it
_INDENT = " \t\r\u3000"  # spaces between the last visible character of a line and its break
_EVENT = re.compile(f"[{re.escape(SENTENCE_END)}\n]")  # only these can end a sentence


class _Ranges:
    """Membership in a set of ranges for positions asked in increasing order (one pointer: linear)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted((a, b) for a, b in ranges if b > a):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._ranges = merged
        self._k = 0

    def __contains__(self, pos: int) -> bool:
        r = self._ranges
        while self._k < len(r) and r[self._k][1] <= pos:
            self._k += 1
        return self._k < len(r) and r[self._k][0] <= pos


def _break_ends_sentence(text: str, i: int, j: int) -> bool:
    """With ``wrapped_lines``: does the line break at ``text[i]`` (its gap of breaks and
    indentation running to ``j``) end the sentence, rather than wrap it?"""
    n = len(text)
    if j >= n or text.count("\n", i, j) >= 2:  # end of text, or a blank line
        return True
    if text[i + 1:j].strip("\r\n") != "":  # the next line is indented
        return True
    k = i
    while k > 0 and text[k - 1] in _INDENT:
        k -= 1
    return k == 0 or text[k - 1] in FINAL_BEFORE_BREAK  # start of text, or after final punctuation


class Sentences:
    """The sentences of one text: sorted, non-overlapping ``(start, end)`` spans with their
    paragraph numbers, and lookups by bisection. Made by :func:`split`."""

    __slots__ = ("ends", "paragraphs", "starts")

    def __init__(self, starts: list[int], ends: list[int], paragraphs: list[int]):
        self.starts = starts
        self.ends = ends
        self.paragraphs = paragraphs

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, k: int) -> tuple[int, int]:
        return self.starts[k], self.ends[k]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)

    def spans(self) -> list[tuple[int, int]]:
        """Every sentence as ``(start, end)``, in text order."""
        return list(zip(self.starts, self.ends))

    def with_paragraphs(self) -> list[tuple[int, int, int]]:
        """Every sentence as ``(start, end, paragraph)``; paragraphs are numbered from 0 by the
        line breaks that end sentences (numbers may skip where a paragraph holds no sentence)."""
        return list(zip(self.starts, self.ends, self.paragraphs))

    def index_at(self, pos: int) -> int | None:
        """The number of the sentence holding offset ``pos``; None between sentences (spaces)."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.ends[k] else None

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """``(start, end)`` of the sentence holding offset ``pos``; None between sentences."""
        k = self.index_at(pos)
        return None if k is None else (self.starts[k], self.ends[k])

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``text[start:end]`` (a hit): from the start of the sentence holding
        its first character to the end of the one holding its last (one sentence unless the hit
        itself holds an end of sentence). An end that falls between sentences stays where it is."""
        a = self.sentence_at(start)
        b = self.sentence_at(max(end - 1, start))
        return (a[0] if a else start), (b[1] if b else end)

    def between(self, p0: int, p1: int) -> list[tuple[int, int]]:
        """The sentences that start in ``[p0, p1)`` (for a paragraph's bounds: its sentences)."""
        i = bisect.bisect_left(self.starts, p0)
        j = bisect.bisect_left(self.starts, p1)
        return list(zip(self.starts[i:j], self.ends[i:j]))


def split(text: str, *, wrapped_lines: bool = False, quoted: Iterable[tuple[int, int]] = ()) -> Sentences:
    """The sentences of ``text`` by the module's rule (see the module docstring).

    ``wrapped_lines``: a line break that wraps a sentence (not after final punctuation, not before
    a blank or indented line) does not end it. ``quoted``: ``(start, end)`` ranges inside which
    ends of sentence and line breaks do not split. One pass over the text; every end of sentence
    or line break is looked at once."""
    inside = _Ranges(quoted)
    starts: list[int] = []
    ends: list[int] = []
    paragraphs: list[int] = []
    n = len(text)
    para = 0
    start = 0

    def flush(a: int, b: int) -> None:
        while a < b and text[a] in SPACE:
            a += 1
        while b > a and text[b - 1] in SPACE:
            b -= 1
        if b > a:
            starts.append(a)
            ends.append(b)
            paragraphs.append(para)

    i = 0
    while True:
        ev = _EVENT.search(text, i)
        if ev is None:
            break
        i = ev.start()
        if i in inside:
            i += 1
            continue
        if text[i] != "\n":  # an end of sentence, with what follows it and belongs to it
            j = i + 1
            while j < n and text[j] in _TAIL and j not in inside:
                j += 1
            flush(start, j)
            if j < n and text[j] == "\t":
                para += 1  # 。\t: the cells or items of a list that a saved page keeps on one line
            start = i = j
            continue
        j = i
        while j < n and text[j] in _GAP:
            j += 1
        if not wrapped_lines or _break_ends_sentence(text, i, j):
            flush(start, i)
            para += 1
            start = i = j
            continue
        i += 1
    flush(start, n)
    return Sentences(starts, ends, paragraphs)
