"""GB18030/GBK one-byte-shift mojibake: damaged spans, their candidate decodings, the choice.

A decoder lost step at the lead byte ``L`` of a double-byte character; from
there every pair it read was (trail of one character, lead of the next) until
a trail byte in the ASCII range (0x40–0x7E) came out as a Latin letter or sign
and re-synchronised it. The out-of-step character that swallowed ``L`` was
written as ``?`` (:data:`SPAN_MARKS`), with its own pinyin reading still glued
on when the converter had annotated it. A damaged span reads

    ``?`` [reading] G₁ … Gₖ T      →  bytes  L + gb18030(G₁…Gₖ) + T

and decodes, in step, to k+1 characters. For each mark this module lists the
structurally possible spans (:class:`_Span`), tries every lost lead byte (and
a lost trail byte where the span ended on a mark), scores each decoding with
:mod:`.scoring` and the glued reading (:func:`.pinyin.readings`), and keeps a
span only when its decoding is far likelier than the text as written
(:func:`mojibake_edits`). The package docstring tells the whole story.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from zhaoshang.model import Edit
from zhaoshang.stages.repair.gb18030 import decode_in_step, double_byte, fold
from zhaoshang.stages.repair.pinyin import PINYIN_LETTERS, READING, is_toned_syllable, readings
from zhaoshang.stages.repair.scoring import (
    char_context_score,
    is_han,
    language_score,
    punctuation_penalty,
    script_penalty,
)
from zhaoshang.text.script import detect_script

#: What may follow the ``?`` of a damaged span: a glued reading, its ``(``
#: often eaten together with the character it belonged to.
_SPAN_READING = re.compile(rf"\(?([{PINYIN_LETTERS}]{{1,6}})\)")
#: A glued reading right before a position (skipped to find the byte neighbour).
_READING_AT_END = re.compile(rf"\(([{PINYIN_LETTERS}]{{1,6}})\)$")
#: Characters standing for the out-of-step character that swallowed the lost byte.
#: Not U+FFFD: that is what this module writes for a lost character.
SPAN_MARKS = "?"
_MAX_SPAN = 200  # characters of garbled text considered after a mark
_CONTEXT = 4  # characters of context either side when scoring
_READING_BONUS = 25.0  # the glued reading names the out-of-step character
_ACCEPT_GAIN = 8.0  # decoded text must be this much likelier (log) than the text as written
_TRAIL_BEAM = 48  # lost trail bytes tried jointly with the lead bytes …
_LEAD_BEAM = 24  # … kept after ranking them on the first character alone
_AMBIGUOUS_GAP = 1.0  # below this score gap the lost byte is not trusted
_AMBIGUOUS_GAP_TWO_LOST = 4.0  # the same when a trail byte was lost as well
_RIVAL_WINDOW = 12.0  # decodings this close to the best are the candidates for a lost character …
_MAX_RIVALS = 12  # … at most this many
_CHAR_MODEL_MARGIN = 3.0  # the character model must put the best this far ahead (log) to choose it


@dataclass(frozen=True)
class _Span:
    """A candidate damaged span ``text[start:end]`` and its parts.

    The span ends in one of three ways, each a way the decoder got back in step:
    ``trail`` is the ASCII character that was the last character's trail byte
    (``▍^`` ← 區 85 5E); or the last garbled character swallowed a real ASCII
    letter as its second byte (``trail == ""``); or the last character's trail
    byte met a real ASCII sign that cannot be a second byte and was written as
    a mark (``lost_trail``: that byte is unknown and must be inferred too)."""

    start: int
    end: int
    reading: str | None
    garbled: str  # the garbled characters as written (folded), marks excluded
    trail: str
    lost_trail: bool = False


def _candidate_spans(text: str, mark: int) -> list[_Span]:
    """Every structurally possible span starting at the mark ``text[mark]``.

    After the mark and an optional glued reading come characters that have a
    double-byte form (ASCII signs are unfolded). Any ASCII letter or sign in
    0x40–0x7E may be the re-synchronising trail byte, and a mark followed by
    ASCII may be a lone trail byte, so each is a candidate end; characters
    0x21–0x3F cannot be a trail byte and are taken as folded full-width forms."""
    pos = mark + 1
    reading = None
    m = _SPAN_READING.match(text, pos)
    if m and is_toned_syllable(m.group(1)):
        reading, pos = m.group(1), m.end()
    body_start = pos
    spans = []
    limit = min(len(text), body_start + _MAX_SPAN)
    while pos < limit:
        ch = text[pos]
        garbled = text[body_start:pos]
        if "\x40" <= ch <= "\x7e":  # may also come first: a lone character (資 8D 59 → ?Y)
            spans.append(_Span(mark, pos + 1, reading, garbled, ch))
        if pos > body_start:
            nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
            if ch in SPAN_MARKS and nxt.isascii():
                spans.append(_Span(mark, pos + 1, reading, garbled, "", lost_trail=True))
        raw = double_byte(ch)
        if raw is None:
            break
        if raw[1] < 0x80:  # swallowed a real ASCII letter: back in step after it
            spans.append(_Span(mark, pos + 1, reading, garbled + ch, ""))
            break
        pos += 1
    return spans


def _prev_trail(text: str, mark: int) -> int | None:
    """Trail byte of the character before the mark (skipping a glued reading)."""
    i = mark
    m = _READING_AT_END.search(text, max(0, mark - 8), mark)
    if m and is_toned_syllable(m.group(1)):
        i = m.start()
    if i == 0:
        return None
    raw = double_byte(text[i - 1]) if not text[i - 1].isascii() else None
    return raw[1] if raw else None


@dataclass(frozen=True)
class _Choice:
    """The best decoding of a span and how sure each inferred character is."""

    decoded: str
    score: float  # language score of the window, with penalties and bonuses
    first_gap: float  # lead over the best decoding with another first character
    last_gap: float  # the same for the last character when its trail byte was lost
    reading_matched: bool
    rivals: tuple[str, ...] = ()  # the first characters of the best decodings, best first
    last_rivals: tuple[str, ...] = ()  # the same for the last character (a lost trail byte)


def _best_decoding(text: str, span: _Span, script: str) -> _Choice | None:
    """Choose the lost lead byte (and a lost trail byte) for ``span``.

    Every lead byte is tried, scored on the whole window, with the glued
    reading as strong evidence. A lost trail byte only touches the last
    character: the few best trails (ranked on their own) are tried jointly
    with every lead byte."""
    body = b"".join(double_byte(c) or b"" for c in span.garbled)
    if len(body) != 2 * len(span.garbled):
        return None
    left = _context_left(text, span.start)
    right = _context_right(text, span.end)
    line_before = _line_before(text, span.start)
    tails = [body + span.trail.encode("ascii")]
    if span.lost_trail:
        tails = _rank_lost_trails(body, right, script)[:_TRAIL_BEAM]
    prev = _prev_trail(text, span.start)
    leads = list(range(0x81, 0xFF))
    if len(tails) > 1:
        leads = _rank_leads(left, tails[0][:1], script)[:_LEAD_BEAM]
        if span.reading and prev is not None:  # never prune what the reading names
            leads += [lead for lead in range(0x81, 0xFF) if lead not in leads
                      and span.reading in readings(decode_in_step(bytes([prev, lead])) or "")]
    scored: list[tuple[float, str, bool]] = []
    for tail in tails:
        for lead in leads:
            decoded = decode_in_step(bytes([lead]) + tail)
            if not decoded or any(_is_junk(c) for c in decoded):
                continue
            score = language_score(left + decoded + right)
            score -= script_penalty(decoded, script)
            score -= punctuation_penalty(line_before, decoded)
            matched = False
            if span.reading and prev is not None:
                named = decode_in_step(bytes([prev, lead]))
                matched = bool(named) and span.reading in readings(named)
                if matched:
                    score += _READING_BONUS
            scored.append((score, decoded, matched))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    score, decoded, matched = scored[0]
    first_gap = score - next((t[0] for t in scored if t[1][0] != decoded[0]), -math.inf)
    last_gap = math.inf
    if span.lost_trail:
        last_gap = score - next((t[0] for t in scored if t[1][-1] != decoded[-1]), -math.inf)
    rivals: list[str] = []
    for t in scored:  # the distinct first characters of the decodings sharing the best's rest
        if t[1][1:] == decoded[1:] and t[1][0] not in rivals and score - t[0] <= _RIVAL_WINDOW:
            rivals.append(t[1][0])
    last_rivals: list[str] = []
    if span.lost_trail:
        for t in scored:
            if t[1][:-1] == decoded[:-1] and t[1][-1] not in last_rivals and score - t[0] <= _RIVAL_WINDOW:
                last_rivals.append(t[1][-1])
    return _Choice(decoded, score, first_gap, last_gap, matched, tuple(rivals[:_MAX_RIVALS]),
                   tuple(last_rivals[:_MAX_RIVALS]))


def _rank_leads(left: str, first_trail: bytes, script: str) -> list[int]:
    """Lead bytes ranked by the first character they make, after ``left``.

    Used to prune the joint search when a trail byte was lost as well."""
    ranked = []
    for lead in range(0x81, 0xFF):
        ch = decode_in_step(bytes([lead]) + first_trail)
        if not ch or len(ch) != 1 or _is_junk(ch):
            continue
        ranked.append((language_score(left + ch) - script_penalty(ch, script), lead))
    ranked.sort(key=lambda t: -t[0])
    return [lead for _, lead in ranked]


def _rank_lost_trails(body: bytes, right: str, script: str) -> list[bytes]:
    """Byte tails for a span whose last trail byte is lost, best first.

    ``body`` ends with that character's lead byte; the candidates are scored
    on the in-step text from the second character on (the first depends on
    the other unknown, the lead byte)."""
    if not body:
        return []
    ranked = []
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        tail = body[1:] + bytes([trail])
        decoded = decode_in_step(tail)  # in step: body[1:] starts at a lead byte
        if not decoded or any(_is_junk(c) for c in decoded):
            continue
        score = language_score(decoded + right) - script_penalty(decoded[-1:], script)
        ranked.append((score, body + bytes([trail])))
    ranked.sort(key=lambda t: -t[0])
    return [t for _, t in ranked]


def _is_junk(ch: str) -> bool:
    """A character no decoded Chinese text should contain (private use, controls)."""
    cat = unicodedata.category(ch)
    return cat in {"Co", "Cc", "Cn", "Cs"}


def _line_before(text: str, start: int) -> str:
    """The current line up to ``start``, readings removed (for punctuation rules)."""
    line_start = text.rfind("\n", 0, start) + 1
    return READING.sub("", text[line_start:start])


def _context_left(text: str, start: int) -> str:
    """Up to `_CONTEXT` characters before ``start`` within the line, readings removed."""
    line_start = text.rfind("\n", 0, start) + 1
    chunk = READING.sub("", text[max(line_start, start - 3 * _CONTEXT):start])
    return chunk[-_CONTEXT:]


def _context_right(text: str, end: int) -> str:
    """Up to `_CONTEXT` characters after ``end`` within the line, readings removed."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    chunk = READING.sub("", text[end:min(line_end, end + 3 * _CONTEXT)])
    return chunk[:_CONTEXT]


def _pick_span(text: str, spans: list[_Span], script: str) -> tuple[float, _Span, _Choice] | None:
    """The candidate span whose best decoding gains most over the text as written.

    All candidates of one mark are scored on one common window (to the end of
    the longest candidate, plus context), so their gains are comparable: the
    gain is a log-likelihood ratio, decoded against garbled."""
    common_end = max(s.end for s in spans)
    left = _context_left(text, spans[0].start)
    right = _context_right(text, common_end)
    as_written = language_score(left + text[spans[0].start:common_end] + right)
    best: tuple[float, _Span, _Choice] | None = None
    for span in spans:
        choice = _best_decoding(text, span, script)
        if choice is None:
            continue
        local = language_score(left + choice.decoded + _context_right(text, span.end))
        adjustments = choice.score - local  # penalties and the reading bonus
        decoded = language_score(left + choice.decoded + text[span.end:common_end] + right)
        gain = decoded + adjustments - as_written
        if best is None or gain > best[0]:
            best = (gain, span, choice)
    return best


def mojibake_edits(text: str) -> list[Edit]:
    """Edits repairing one-byte-shift spans in ``text``.

    Each mark (``?``) is tried against every structurally possible span; the
    span whose best decoding gains most over the garbled text (per character)
    is taken if the gain is large enough. When the lost byte stays ambiguous
    the first character is written as U+FFFD."""
    edits: list[Edit] = []
    script: str | None = None
    pos = 0
    while True:
        mark = _next_mark(text, pos)
        if mark == -1:
            break
        spans = _candidate_spans(text, mark)
        if not spans:
            pos = mark + 1
            continue
        if script is None:
            script = detect_script(READING.sub("", text))
        best = _pick_span(text, spans, script)
        if best is None or best[0] < _ACCEPT_GAIN:
            pos = mark + 1
            continue
        gain, span, choice = best
        after = fold(choice.decoded)
        needed = _AMBIGUOUS_GAP_TWO_LOST if span.lost_trail else _AMBIGUOUS_GAP
        confidence = 0.97 if choice.reading_matched else min(0.95, 0.5 + choice.first_gap / 20)
        first_sure = choice.reading_matched or choice.first_gap >= needed
        last_sure = not span.lost_trail or choice.last_gap >= needed
        if not first_sure:
            # the character model decides one unsure character between sure neighbours, never two
            lost = _choose_by_characters(text, span, choice) if last_sure else None
            if lost is None:
                after, confidence = "\ufffd" + after[1:], 0.5
            else:
                after, confidence = fold(lost + choice.decoded[1:]), 0.6
        if span.lost_trail:
            if choice.last_gap < needed:
                lost = _choose_last_by_characters(text, span, choice) if first_sure else None
                if lost is None:
                    after, confidence = after[:-1] + "\ufffd", 0.5
                else:
                    after, confidence = after[:-1] + fold(lost), min(confidence, 0.6)
            else:
                confidence = min(confidence, 0.5 + choice.last_gap / 20)
        edits.append(Edit(span.start, span.end, text[span.start:span.end], after, "mojibake", round(confidence, 3)))
        pos = span.end
    return edits


def _choose_by_characters(text: str, span: _Span, choice: _Choice) -> str | None:
    """The lost first character of an ambiguous span, chosen among the word model's best
    candidates by the character bigram model (its neighbours: the character before the span and
    the decoding's second character), when the best is clearly ahead (:data:`_CHAR_MODEL_MARGIN`);
    None — the character stays U+FFFD, counted — when it is not."""
    right = choice.decoded[1:2] or _context_right(text, span.end)[:1]
    return _pick_character(choice.rivals, _context_left(text, span.start)[-1:], right)


def _choose_last_by_characters(text: str, span: _Span, choice: _Choice) -> str | None:
    """The same choice for the last character of a span whose trail byte was lost too: its
    neighbours are the decoding's character before it and the text after the span."""
    left = choice.decoded[-2:-1] or _context_left(text, span.start)[-1:]
    return _pick_character(choice.last_rivals, left, _context_right(text, span.end)[:1])


def _pick_character(rivals: tuple[str, ...], left: str, right: str) -> str | None:
    """The candidate the character bigram model puts :data:`_CHAR_MODEL_MARGIN` ahead of the
    next, between ``left`` and ``right``; None when none is."""
    if len(rivals) < 2:
        return None
    ranked = sorted(((char_context_score(left, c, right), c) for c in rivals), reverse=True)
    if ranked[0][0] - ranked[1][0] < _CHAR_MODEL_MARGIN:
        return None
    if is_han(ranked[0][1]) and not all(is_han(c) for c in rivals[:2]):
        return None  # a mark (“, 、) among the word model's two best: report counts cannot judge quotes
    return ranked[0][1]


def _next_mark(text: str, pos: int) -> int:
    """Index of the next damage mark at or after ``pos``, or -1."""
    return text.find(SPAN_MARKS, pos)
