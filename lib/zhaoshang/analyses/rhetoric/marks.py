"""Quotation marks: where quoted spans are, how they nest, and whether they read as speech.

Chinese news writing uses quotation marks both for the words of a person and for
coined phrases quoted as terms. This module only finds the spans and reads their
surface: :mod:`.quotes` decides which are speech and who said them, :mod:`.slogans`
classifies the rest. It knows nothing of speakers or lexicons, so every other module
of the package can use it.

Conventions
-----------
* ``start``/``end`` **exclude the quotation marks**: ``text[start:end]`` is the quoted text.
* Marks pair within one paragraph (“…” ‘…’ 「…」 『…』 and straight ``"``), with one
  exception: the Chinese convention for a quotation over several paragraphs — “ opens
  every paragraph, ” closes only the last — gives one quote whose text holds the line
  breaks and the interior opening marks (at most :data:`MAX_QUOTE_PARAGRAPHS`
  paragraphs, each opening with the mark). Any other opening mark that is never closed
  is dropped, so a damaged text cannot produce a quote that runs on to the end.
* A quotation with no final punctuation that is part of a noun phrase
  (坚持“……，……”的方针) is a coined phrase, not speech (:func:`is_embedded`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhaoshang.text.sentences import SENTENCE_END

# Opening mark -> closing mark. Straight double quotes pair with themselves.
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "﹁": "﹂", "﹃": "﹄", '"': '"'}
_CLOSERS = {c: o for o, c in PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(sorted({*PAIRS, *_CLOSERS}))) + "]")
"""Any quotation mark: a paragraph is scanned mark by mark, not character by character."""

MAX_QUOTE_PARAGRAPHS = 8
"""A quotation may run over at most this many paragraphs (see :func:`find_quoted_spans`)."""

PARAGRAPH_OPENERS = "“「"
"""Marks that may open every paragraph of a multi-paragraph quotation (not straight quotes)."""


@dataclass
class QuotedSpan:
    """One pair of quotation marks. ``start``/``end`` exclude the marks.

    ``kind`` and ``attribution`` are filled in by :func:`.quotes.analyse_quotes`."""

    start: int
    end: int
    mark: str
    depth: int = 0
    parent: int | None = None  # index of the enclosing span in the list
    paragraph: tuple[int, int] = (0, 0)
    kind: str = "phrase"  # speech | phrase | nested_speech
    attribution: dict = field(default_factory=dict)


def _paragraphs(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _pair_paragraph(text: str, p0: int, p1: int) -> tuple[list[QuotedSpan], str | None]:
    """Balanced pairs of one paragraph, and the paragraph's opening mark if it stays unclosed.

    A closing mark pairs with the nearest open mark of its kind; marks opened
    after that partner and never closed are dropped. The second value is the
    mark (“ or 「) that opens the paragraph when nothing in the paragraph
    closes it — the start of a quotation that may go on in the next paragraph."""
    stack: list[tuple[str, int]] = []  # (mark, content start)
    opened: list[QuotedSpan] = []
    lead = p0
    while lead < p1 and text[lead] in " \t\u3000":
        lead += 1
    for m in _MARKS.finditer(text, p0, p1):
        i, ch = m.start(), m.group()
        if ch == '"':
            closing = bool(stack) and stack[-1][0] == '"'
        else:
            closing = ch in _CLOSERS
        if closing:
            want = _CLOSERS[ch]
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == want:
                    mark, s = stack[k]
                    del stack[k:]  # marks opened inside and never closed are dropped
                    opened.append(QuotedSpan(s, i, mark, paragraph=(p0, p1)))
                    break
        elif ch in PAIRS:
            stack.append((ch, i + 1))
    opened.sort(key=lambda q: (q.start, -q.end))
    unclosed = None
    if stack and stack[0][1] == lead + 1 and stack[0][0] in PARAGRAPH_OPENERS:
        unclosed = stack[0][0]
    return opened, unclosed


def _join_paragraph_quotes(text: str, paras: list[tuple[list[QuotedSpan], str | None, int, int]]):
    """Merge quotations that run over several paragraphs (the Chinese convention).

    Every paragraph of a long quotation opens with “ and only the last one closes
    it: “第一段……\\n“第二段……\\n“最後一段。” A run of paragraphs that each open
    with the same unclosed mark, ended by a paragraph that opens with that mark
    and closes it, becomes one span from the first mark to the last closing mark
    (the interior opening marks are part of the quoted text). A run that is not
    closed within :data:`MAX_QUOTE_PARAGRAPHS` paragraphs, or that meets a
    paragraph not opening with the mark, is left unpaired, so a damaged text never
    yields a quote that swallows the rest of the document. Empty lines are skipped."""
    spans: list[QuotedSpan] = []
    n = len(paras)
    i = 0
    while i < n:
        opened, unclosed, p0, p1 = paras[i]
        spans.extend(opened)
        if unclosed is None:
            i += 1
            continue
        count, j, merged = 1, i + 1, None
        while j < n and count < MAX_QUOTE_PARAGRAPHS:
            o2, u2, q0, q1 = paras[j]
            if not text[q0:q1].strip():
                j += 1
                continue
            lead = q0 + len(text[q0:q1]) - len(text[q0:q1].lstrip(" \t\u3000"))
            count += 1
            if u2 == unclosed:
                j += 1
                continue
            last = next((q for q in o2 if q.start == lead + 1 and q.mark == unclosed), None)
            # the last paragraph closes the quotation after its final punctuation (“……。”),
            # not a phrase that merely opens the paragraph (“一區四園”是……)
            if last is not None and text[last.start:last.end].rstrip()[-1:] in SENTENCE_END + "’』":
                merged = (j, last)
            break
        if merged is None:
            # the paragraphs of a failed run open no quotation of their own either
            # (they are its tail): their own pairs stand, and the scan goes on after them
            while j < n and (paras[j][1] == unclosed or not text[paras[j][2]:paras[j][3]].strip()):
                j += 1
            for k in range(i + 1, j):
                spans.extend(paras[k][0])
            i = max(j, i + 1)
            continue
        j, last = merged
        lead0 = p0 + len(text[p0:p1]) - len(text[p0:p1].lstrip(" \t\u3000"))
        whole = QuotedSpan(lead0 + 1, last.end, unclosed, paragraph=(p0, paras[j][3]))
        # the paragraphs in between contribute their own (inner) pairs
        for k in range(i + 1, j):
            spans.extend(paras[k][0])
        spans.append(whole)
        for q in paras[j][0]:
            if q is not last:
                q.paragraph = whole.paragraph  # neighbours of the quotation share its paragraph
                spans.append(q)
        i = j + 1
    return spans


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every balanced pair of quotation marks in ``text``, in order of opening.

    Pairs never cross a paragraph (line) break, except for the Chinese
    convention of a quotation over several paragraphs, each opening with “ and
    only the last closing it (see :func:`_join_paragraph_quotes`, at most
    :data:`MAX_QUOTE_PARAGRAPHS` paragraphs). A closing mark pairs with the
    nearest open mark of its kind; opening marks left unclosed, and closing
    marks with no partner, are ignored."""
    paras = [(*_pair_paragraph(text, p0, p1), p0, p1) for p0, p1 in _paragraphs(text)]
    spans = _join_paragraph_quotes(text, paras)
    spans.sort(key=lambda q: (q.start, -q.end))
    # nesting: pairs never cross (a closing mark drops the marks opened after its
    # partner), so a stack of open containers gives each span its innermost parent
    stack: list[int] = []
    for idx, q in enumerate(spans):
        while stack and not (spans[stack[-1]].start <= q.start and q.end <= spans[stack[-1]].end):
            stack.pop()
        if stack:
            q.parent = stack[-1]
            q.depth = spans[stack[-1]].depth + 1
        stack.append(idx)
    return spans


def quoted_ranges(spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    """``(start, end)`` of every top-level quotation *with its marks*: the ranges in which an end
    of sentence does not end the sentence around the quotation (the ``quoted`` argument of
    :func:`zhaoshang.text.sentences.split`)."""
    return [(q.start - 1, q.end + 1) for q in spans if q.depth == 0]


_INNER_STOP = re.compile("[。！？!?；;]")
_COMMA = re.compile("[，,]")


def is_speech_like(content: str) -> bool:
    """Does the quoted text read like an utterance rather than a coined phrase?

    Sentence punctuation inside or at the end, or a long text with commas."""
    c = content.strip()
    if not c:
        return False
    if c[-1] in SENTENCE_END + "，,：:；;":
        return True
    if _INNER_STOP.search(c):
        return True
    return len(c) >= 30 and _COMMA.search(c) is not None


def is_embedded(text: str, start: int, end: int) -> bool:
    """Is the quotation at ``text[start:end]`` (marks excluded) part of a noun phrase?

    A quotation with no final punctuation of its own that modifies a noun or is
    modified (坚持“……，……”的方针, 地区的“……”) names a principle, policy or view:
    a coined phrase, however long, not somebody's utterance."""
    c = text[start:end].rstrip()
    if not c or c[-1] in SENTENCE_END + "，,：:；;":
        return False
    after = text[end + 1:end + 2] if end + 1 <= len(text) else ""
    before = text[start - 2:start - 1] if start >= 2 else ""
    return after == "的" or before == "的"
