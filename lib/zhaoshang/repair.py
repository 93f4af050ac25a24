"""Repair of converter damage in scraped Chinese text, every edit logged.

Two faults are repaired (see DESIGN.md, "Domain notes"):

* **Pinyin readings** glued after characters by a Simplified→Traditional
  converter: ``產(chǎn)業(yè)`` → ``產業``. A reading is removed only when the
  text in parentheses is one real pinyin syllable carrying a tone mark in
  the right place, so ``(人民幣,下同)``, ``(齊河)`` or ``(GDP)`` stay.

* **GB18030/GBK one-byte-shift mojibake.** A decoder lost step at the lead
  byte ``L`` of a double-byte character; from there every pair it read was
  (trail of one character, lead of the next) until a trail byte in the ASCII
  range (0x40–0x7E) came out as a Latin letter or sign and re-synchronised
  it. The out-of-step character that swallowed ``L`` was written as ``?``
  (with its own pinyin reading still glued on when the converter had
  annotated it: ``?shù)`` is ``數(shù)``, bytes 94 B5 = trail of ``當`` + lead
  of ``地``). Full-width forms were later folded to ASCII (``！``→``!``),
  so they are unfolded before re-encoding. A damaged span therefore reads

      ``?`` [reading] G₁ … Gₖ T      →  bytes  L + gb18030(G₁…Gₖ) + T

  and decodes, in step, to k+1 characters. Only ``L`` is unknown: it is
  pinned by the glued reading where there is one, otherwise chosen by a
  language score (jieba's dictionary on the Simplified view, the
  document's script, punctuation rules). A span is repaired only when the
  decoded text scores far better than the garbled text, so a genuine
  ``?`` (``你好嗎?``, ``What?``) is left alone; a ``?`` with nothing
  garbled after it (a lone ``?`` line of site boilerplate) is left for the
  cleaning stage. When ``L`` cannot be told apart, the first character
  becomes U+FFFD and is counted as unrecovered.

The passes run to a fixpoint, so ``repair`` is idempotent, and edits are
composed so that each one's offsets point into the *raw* input.
"""
from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .model import Edit
from .script import detect_script, to_simplified, to_traditional


@dataclass(frozen=True)
class RepairResult:
    text: str
    edits: tuple[Edit, ...]
    n_unrecovered: int


# --------------------------------------------------------------------------
# Patterns and constants, in one place
# --------------------------------------------------------------------------

#: Toneless pinyin syllables (written out by hand; ``v`` is not used, ``ü`` is).
_SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
    pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
    ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
    fa fan fang fei fen feng fo fou fu
    da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
    ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
    na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe
    la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
    ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
    ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
    ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
    ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
    qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
    zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
    cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
    sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
    ra ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
    za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
    ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
    sa sai san sang sao se sen seng si song sou su suan sui sun suo
    ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
    wa wai wan wang wei wen weng wo wu
    e ei en eng er o ou
    """.split()
)

#: Tone-marked vowel → (plain vowel, tone number).
_TONED = {
    ch: (base, tone)
    for base, marks in {
        "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ",
    }.items()
    for tone, ch in enumerate(marks, start=1)
}
_PINYIN_LETTERS = "a-zü" + "".join(_TONED)
#: A parenthesised single word of pinyin letters; validated by `_is_toned_syllable`.
_READING = re.compile(rf"\(([{_PINYIN_LETTERS}]{{1,6}})\)")
#: What may follow the ``?`` of a damaged span: a glued reading, its ``(``
#: often eaten together with the character it belonged to.
_SPAN_READING = re.compile(rf"\(?([{_PINYIN_LETTERS}]{{1,6}})\)")
#: Characters standing for the out-of-step character that swallowed the lost byte.
_SPAN_MARKS = "?\ufffd"
_MAX_SPAN = 200  # characters of garbled text considered after a mark
_CONTEXT = 4  # characters of context either side when scoring

#: Full-width forms U+FF01–FF5E were folded to ASCII 0x21–0x7E after the damage.
_FOLD_OFFSET = 0xFEE0
#: Punctuation a decoded span may plausibly contain (scored like a common word).
_COMMON_PUNCT = frozenset("。，、；：？！“”‘’（）《》〈〉「」『』—…·,.;:?!()%-+/")

# Language-score weights (natural-log units).
_PUNCT_LOGP = math.log(1e-3)
_OOV_CHAR_LOGP = math.log(1e-8)  # a Han character jieba does not list
_JUNK_LOGP = math.log(1e-12)  # symbols, bopomofo, box drawing, private use …
_WRONG_SCRIPT_PENALTY = 6.0  # a Simplified-only character in a Traditional text, or vice versa
_SLOGAN_STOP_PENALTY = 8.0  # 。 closing a short “quoted” phrase
_READING_BONUS = 25.0  # the glued reading names the out-of-step character
_ACCEPT_MARGIN = 2.0  # decoded text must beat garbled text by this per character
_AMBIGUOUS_GAP = 1.0  # below this score gap the lost byte is not trusted


# --------------------------------------------------------------------------
# Pinyin readings
# --------------------------------------------------------------------------

def _is_toned_syllable(word: str) -> bool:
    """True when ``word`` is one pinyin syllable with one tone mark, correctly placed.

    Placement rule: on ``a`` or ``e`` if present, on the ``o`` of ``ou``,
    otherwise on the last vowel."""
    toned = [i for i, ch in enumerate(word) if ch in _TONED]
    if len(toned) != 1:
        return False
    pos = toned[0]
    plain = word[:pos] + _TONED[word[pos]][0] + word[pos + 1:]
    if plain not in _SYLLABLES:
        return False
    if "a" in plain or "e" in plain:
        want = plain.index("a") if "a" in plain else plain.index("e")
    elif "ou" in plain:
        want = plain.index("ou")
    else:
        want = max(i for i, ch in enumerate(plain) if ch in "aeiouü")
    return pos == want


def _pinyin_edits(text: str) -> list[Edit]:
    """Edits removing converter-glued readings such as ``(chǎn)`` from ``text``.

    A reading right after a damage mark (``?(shù)``) is left for the
    mojibake pass, which uses it as evidence."""
    edits = []
    for m in _READING.finditer(text):
        if not _is_toned_syllable(m.group(1)):
            continue
        if m.start() > 0 and text[m.start() - 1] in _SPAN_MARKS:
            continue
        prev = text[m.start() - 1] if m.start() else ""
        confidence = 0.99 if _is_han(prev) else 0.9
        edits.append(Edit(m.start(), m.end(), m.group(), "", "pinyin", confidence))
    return edits


# --------------------------------------------------------------------------
# Byte-level helpers
# --------------------------------------------------------------------------

def _is_han(ch: str) -> bool:
    return bool(ch) and (
        "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
    )


def _unfold(ch: str) -> str:
    """Undo the full-width→ASCII folding for one ASCII sign or letter."""
    return chr(ord(ch) + _FOLD_OFFSET) if "!" <= ch <= "~" else ch


def _fold(text: str) -> str:
    """Apply the document's full-width→ASCII folding to repaired text."""
    return "".join(chr(ord(c) - _FOLD_OFFSET) if "\uff01" <= c <= "\uff5e" else c for c in text)


@lru_cache(maxsize=65536)
def _double_byte(ch: str) -> bytes | None:
    """The two GB18030 bytes of ``ch`` (after unfolding), or None if it has no such form."""
    try:
        raw = _unfold(ch).encode("gb18030")
    except UnicodeEncodeError:
        return None
    if len(raw) == 2 and raw[0] >= 0x81 and raw[1] >= 0x40:
        return raw
    return None


def _decode_pairs(data: bytes) -> str | None:
    """Decode ``data`` as consecutive GB18030 double-byte characters, or None."""
    if len(data) % 2:
        return None
    out = []
    for i in range(0, len(data), 2):
        pair = data[i:i + 2]
        if pair[0] < 0x81 or pair[1] < 0x40 or pair[1] == 0x7F:
            return None
        try:
            ch = pair.decode("gb18030")
        except UnicodeDecodeError:
            return None
        if len(ch) != 1:
            return None
        out.append(ch)
    return "".join(out)


# --------------------------------------------------------------------------
# Language score
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], int]:
    """jieba's dictionary as word → log probability, and the longest word length.

    Read directly from the installed package's dict.txt (Simplified), so no
    jieba initialisation or logging happens."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    freqs: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                freqs[parts[0]] = int(parts[1])
    total = sum(freqs.values())
    logp = {w: math.log(f / total) for w, f in freqs.items() if f > 0}
    longest = min(max(map(len, logp)), 8)
    return logp, longest


def _char_logp(ch: str, lex: dict[str, float]) -> float:
    """Score of one character standing alone."""
    if ch in lex:
        return lex[ch]
    if ch in _COMMON_PUNCT or ch.isdigit() or ch.isspace():
        return _PUNCT_LOGP
    if _is_han(ch):
        return _OOV_CHAR_LOGP
    if ch.isascii() and ch.isalpha():
        return _PUNCT_LOGP
    return _JUNK_LOGP


def _language_score(text: str) -> float:
    """Log probability of ``text`` under a unigram word model (best segmentation).

    ``text`` is scored in its Simplified view, because the dictionary is
    Simplified."""
    lex, longest = _lexicon()
    simp = to_simplified(text)
    n = len(simp)
    best = [0.0] + [-math.inf] * n
    for i in range(1, n + 1):
        b = best[i - 1] + _char_logp(simp[i - 1], lex)
        for j in range(max(0, i - longest), i - 1):
            w = simp[j:i]
            if w in lex and best[j] + lex[w] > b:
                b = best[j] + lex[w]
        best[i] = b
    return best[n]


def _script_penalty(chars: str, script: str) -> float:
    """Penalty for characters foreign to the document's script."""
    penalty = 0.0
    for ch in chars:
        if not _is_han(ch):
            continue
        simp, trad = to_simplified(ch), to_traditional(ch)
        if script == "traditional" and trad != ch:
            penalty += _WRONG_SCRIPT_PENALTY
        elif script == "simplified" and simp != ch:
            penalty += _WRONG_SCRIPT_PENALTY
    return penalty


def _punctuation_penalty(left: str, decoded: str) -> float:
    """Penalty for 。 closing a short quoted phrase (``“雙定+雙。”`` is unlikely)."""
    penalty = 0.0
    text = left + decoded
    offset = len(left)
    for i, ch in enumerate(decoded):
        k = offset + i
        if ch == "。" and k + 1 < len(text) and text[k + 1] == "”":
            opened = text.rfind("“", 0, k)
            if opened != -1 and k - opened <= 10:
                penalty += _SLOGAN_STOP_PENALTY
    return penalty


# --------------------------------------------------------------------------
# Mojibake spans
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Span:
    """A candidate damaged span: ``text[start:end]`` with its parts."""

    start: int
    end: int
    reading: str | None
    garbled: str  # G₁…Gₖ, as written (folded)
    trail: str  # T, the ASCII character that re-synchronised the decoder


def _candidate_spans(text: str, mark: int) -> list[_Span]:
    """Every structurally possible span starting at the mark ``text[mark]``.

    After the mark and an optional glued reading come characters that have a
    double-byte form (ASCII signs are unfolded); any ASCII letter or sign in
    0x40–0x7E may be the re-synchronising trail byte, so each is a candidate
    end. Characters 0x21–0x3F cannot be a trail byte and are taken as folded."""
    pos = mark + 1
    reading = None
    m = _SPAN_READING.match(text, pos)
    if m and _is_toned_syllable(m.group(1)):
        reading, pos = m.group(1), m.end()
    body_start = pos
    spans = []
    limit = min(len(text), body_start + _MAX_SPAN)
    while pos < limit:
        ch = text[pos]
        if "\x40" <= ch <= "\x7e" and pos > body_start:
            spans.append(_Span(mark, pos + 1, reading, text[body_start:pos], ch))
        if _double_byte(ch) is None:
            break
        pos += 1
    return spans


def _prev_trail(text: str, mark: int) -> int | None:
    """Trail byte of the character before the mark (skipping a glued reading)."""
    i = mark
    before = text[:i]
    m = re.search(rf"\([{_PINYIN_LETTERS}]{{1,6}}\)$", before)
    if m and _is_toned_syllable(m.group()[1:-1]):
        i = m.start()
    if i == 0:
        return None
    raw = _double_byte(text[i - 1]) if not text[i - 1].isascii() else None
    return raw[1] if raw else None


@lru_cache(maxsize=4096)
def _readings(ch: str) -> frozenset[str]:
    """Tone-marked readings of ``ch`` (pypinyin when installed, else none)."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:  # pragma: no cover - optional evidence
        return frozenset()
    out = set()
    for form in {ch, to_simplified(ch), to_traditional(ch)}:
        if len(form) == 1 and _is_han(form):
            for group in pinyin(form, style=Style.TONE, heteronym=True):
                out.update(group)
    return frozenset(out)


@dataclass(frozen=True)
class _Choice:
    decoded: str
    score: float  # language score of the window, with penalties and bonuses
    second: float  # score of the runner-up lost byte
    reading_matched: bool


def _best_decoding(text: str, span: _Span, script: str) -> _Choice | None:
    """Choose the lost lead byte for ``span``: the best-scoring in-step decoding."""
    body = b"".join(_double_byte(c) or b"" for c in span.garbled)
    if len(body) != 2 * len(span.garbled):
        return None
    tail = body + span.trail.encode("ascii")
    left = _context_left(text, span.start)
    right = _context_right(text, span.end)
    prev = _prev_trail(text, span.start)
    scored: list[tuple[float, str, bool]] = []
    for lead in range(0x81, 0xFF):
        decoded = _decode_pairs(bytes([lead]) + tail)
        if decoded is None or any(_is_junk(c) for c in decoded):
            continue
        score = _language_score(left + decoded + right)
        score -= _script_penalty(decoded, script)
        score -= _punctuation_penalty(left, decoded)
        matched = False
        if span.reading:
            pairs = [bytes([prev, lead])] if prev is not None else []
            for pair in pairs:
                named = _decode_pairs(pair)
                if named and span.reading in _readings(named):
                    matched = True
            if matched:
                score += _READING_BONUS
        scored.append((score, decoded, matched))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    best = scored[0]
    second = scored[1][0] if len(scored) > 1 else -math.inf
    return _Choice(best[1], best[0], second, best[2])


def _is_junk(ch: str) -> bool:
    """A character no decoded Chinese text should contain (private use, controls)."""
    cat = unicodedata.category(ch)
    return cat in {"Co", "Cc", "Cn", "Cs"}


def _context_left(text: str, start: int) -> str:
    """Up to `_CONTEXT` characters before ``start`` within the line, readings removed."""
    line_start = text.rfind("\n", 0, start) + 1
    chunk = _READING.sub("", text[max(line_start, start - 3 * _CONTEXT):start])
    return chunk[-_CONTEXT:]


def _context_right(text: str, end: int) -> str:
    """Up to `_CONTEXT` characters after ``end`` within the line, readings removed."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    chunk = _READING.sub("", text[end:min(line_end, end + 3 * _CONTEXT)])
    return chunk[:_CONTEXT]


def _per_char(score: float, text: str) -> float:
    return score / max(1, len(text))


def _mojibake_edits(text: str) -> tuple[list[Edit], int]:
    """Edits repairing one-byte-shift spans in ``text``, and the count of U+FFFD written."""
    edits: list[Edit] = []
    unrecovered = 0
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
            script = detect_script(_READING.sub("", text))
        best: tuple[float, _Span, _Choice] | None = None
        for span in spans:
            choice = _best_decoding(text, span, script)
            if choice is None:
                continue
            left = _context_left(text, span.start)
            right = _context_right(text, span.end)
            window = left + choice.decoded + right
            gain = _per_char(choice.score, window) - _per_char(
                _language_score(left + text[span.start:span.end] + right),
                left + text[span.start:span.end] + right,
            )
            if best is None or gain > best[0]:
                best = (gain, span, choice)
        if best is None or best[0] < _ACCEPT_MARGIN:
            pos = mark + 1
            continue
        gain, span, choice = best
        gap = choice.score - choice.second
        after = _fold(choice.decoded)
        if choice.reading_matched:
            confidence = 0.97
        elif gap >= _AMBIGUOUS_GAP:
            confidence = min(0.95, 0.5 + gap / 20)
        else:
            after = "\ufffd" + after[1:]
            unrecovered += 1
            confidence = 0.5
        edits.append(Edit(span.start, span.end, text[span.start:span.end], after, "mojibake", round(confidence, 3)))
        pos = span.end
    return edits, unrecovered


def _next_mark(text: str, pos: int) -> int:
    """Index of the next damage mark at or after ``pos``, or -1."""
    found = [i for i in (text.find(m, pos) for m in _SPAN_MARKS) if i != -1]
    return min(found) if found else -1


# --------------------------------------------------------------------------
# Composition of passes (offsets stay in raw coordinates)
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Piece:
    """``raw[raw_start:raw_end]`` now reads ``text``; ``edit`` is None when unchanged."""

    raw_start: int
    raw_end: int
    text: str
    edit: Edit | None


def _apply(raw: str, pieces: list[_Piece], edits: list[Edit]) -> list[_Piece]:
    """Apply ``edits`` (non-overlapping, offsets into the current text) to ``pieces``.

    An edit that touches text produced by an earlier pass is merged with that
    earlier edit, so every resulting edit still covers a raw range with
    ``raw[start:end] == before``."""
    if not edits:
        return pieces
    edits = sorted(edits, key=lambda e: e.start)
    cuts = sorted({e.start for e in edits} | {e.end for e in edits})
    # 1. Split unchanged pieces at every edit border (they map 1:1 to raw).
    split: list[_Piece] = []
    cur = 0
    for piece in pieces:
        a, b = cur, cur + len(piece.text)
        cur = b
        if piece.edit is not None:
            split.append(piece)
            continue
        inner = [c for c in cuts if a < c < b]
        last = a
        for c in inner + [b]:
            if c > last:
                off = last - a
                split.append(_Piece(piece.raw_start + off, piece.raw_start + c - a, piece.text[off:c - a], None))
            last = c
    # 2. Current-text range of each piece.
    ranges = []
    cur = 0
    for piece in split:
        ranges.append((cur, cur + len(piece.text)))
        cur += len(piece.text)
    # 3. Group each edit with the pieces it overlaps; merge groups that share a piece.
    groups: list[tuple[int, int, list[Edit]]] = []
    for e in edits:
        idx = [k for k, (a, b) in enumerate(ranges)
               if (a < e.end and b > e.start) or (a == b and e.start < a < e.end)]
        if not idx:
            continue
        lo, hi = idx[0], idx[-1]
        if groups and lo <= groups[-1][1]:
            plo, phi, pe = groups[-1]
            groups[-1] = (plo, max(phi, hi), pe + [e])
        else:
            groups.append((lo, hi, [e]))
    # 4. Rebuild.
    out: list[_Piece] = []
    k = 0
    for lo, hi, group_edits in groups:
        out.extend(split[k:lo])
        k = hi + 1
        g_start = ranges[lo][0]
        text = "".join(p.text for p in split[lo:hi + 1])
        for e in sorted(group_edits, key=lambda e: -e.start):
            text = text[:e.start - g_start] + e.after + text[e.end - g_start:]
        r_start, r_end = split[lo].raw_start, split[hi].raw_end
        earlier = [p.edit for p in split[lo:hi + 1] if p.edit is not None]
        kinds = {e.kind for e in group_edits} | {e.kind for e in earlier}
        kind = "mojibake" if "mojibake" in kinds else sorted(kinds)[0]
        confidence = min(e.confidence for e in group_edits + earlier)
        edit = Edit(r_start, r_end, raw[r_start:r_end], text, kind, confidence)
        out.append(_Piece(r_start, r_end, text, edit))
    out.extend(split[k:])
    return out


_MAX_PASSES = 4


def repair(raw: str) -> RepairResult:
    """Return the repaired text and the edits (offsets into ``raw``).

    Readings are stripped first (so that the mojibake pass sees the byte
    neighbours as they were), then damaged spans are decoded; the two passes
    repeat until nothing changes, which makes the function idempotent."""
    pieces = [_Piece(0, len(raw), raw, None)] if raw else []
    unrecovered = 0
    for _ in range(_MAX_PASSES):
        changed = False
        for pass_ in (_pinyin_edits, _mojibake_edits):
            text = "".join(p.text for p in pieces)
            found = pass_(text)
            edits, lost = found if isinstance(found, tuple) else (found, 0)
            if edits:
                pieces = _apply(raw, pieces, edits)
                unrecovered += lost
                changed = True
        if not changed:
            break
    text = "".join(p.text for p in pieces)
    edits = tuple(
        _relabel(p.edit) for p in pieces if p.edit is not None
    )
    return RepairResult(text, edits, text.count("\ufffd") - raw.count("\ufffd") if "\ufffd" in text else 0)


def _relabel(edit: Edit) -> Edit:
    """Mark a span that came out wholly as U+FFFD as 'unrecoverable'."""
    if edit.after and set(edit.after) == {"\ufffd"}:
        return Edit(edit.start, edit.end, edit.before, edit.after, "unrecoverable", edit.confidence)
    return edit
