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
  so they are unfolded before re-encoding (and the repaired text is folded
  the same way, like the rest of the document). A damaged span reads

      ``?`` [reading] G₁ … Gₖ T      →  bytes  L + gb18030(G₁…Gₖ) + T

  and decodes, in step, to k+1 characters. (Two other ways back in step are
  handled too: the last garbled character swallowed a real ASCII letter, or
  a lone trail byte met a real ASCII sign and was written ``?``, so that
  byte is unknown as well.) Otherwise only ``L`` is unknown: it is
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
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .model import Edit
from .script import detect_script, to_simplified, to_traditional
from .text import jieba_dict


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
#: A glued reading right before a position (skipped to find the byte neighbour).
_READING_AT_END = re.compile(rf"\(([{_PINYIN_LETTERS}]{{1,6}})\)$")
#: Characters standing for the out-of-step character that swallowed the lost byte.
#: Not U+FFFD: that is what this module writes for a lost character.
_SPAN_MARKS = "?"
_MAX_SPAN = 200  # characters of garbled text considered after a mark
_MAX_WORD = 8  # longest dictionary word tried by the segmentation
_DOMAIN_TERM_FREQ = 2000  # jieba-scale count given to a domain term
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
_QUOTE_STOP_BONUS = 4.0  # 。 closing a long quotation, or before an opening “
_SHORT_QUOTE = 10  # characters: a quotation this short is a slogan or a name
_READING_BONUS = 25.0  # the glued reading names the out-of-step character
_ACCEPT_GAIN = 8.0  # decoded text must be this much likelier (log) than the text as written
_TRAIL_BEAM = 48  # lost trail bytes tried jointly with the lead bytes …
_LEAD_BEAM = 24  # … kept after ranking them on the first character alone
_AMBIGUOUS_GAP = 1.0  # below this score gap the lost byte is not trusted
_AMBIGUOUS_GAP_TWO_LOST = 4.0  # the same when a trail byte was lost as well


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


def _decode_in_step(data: bytes) -> str | None:
    """Decode ``data`` as GB18030 that is in step from its first byte, or None.

    Bytes below 0x80 at a character start are ASCII; every other character
    must be one valid double-byte code (no four-byte forms occur here)."""
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        pair = data[i:i + 2]
        if len(pair) < 2 or pair[1] < 0x40 or pair[1] in (0x7F, 0xFF):
            return None
        try:
            ch = pair.decode("gb18030")
        except UnicodeDecodeError:
            return None
        if len(ch) != 1:
            return None
        out.append(ch)
        i += 2
    return "".join(out)


# --------------------------------------------------------------------------
# Language score
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], int]:
    """Word → log probability, and the longest word length considered.

    jieba's dictionary (Simplified, read by :mod:`zhaoshang.text.jieba_dict`
    without initialising jieba), plus the project's domain terms (the
    built-in lexicon) at a common word's frequency: 營商環境 must beat
    麵商環境 in this domain. A word listed on two lines keeps the count of
    the last, as in jieba's own tokenizer."""
    freqs: dict[str, int] = {}
    for word, freq, _tag in jieba_dict.dictionary():
        freqs[word] = freq
    for term in _domain_terms():
        freqs[term] = max(freqs.get(term, 0), _DOMAIN_TERM_FREQ)
    total = sum(freqs.values())
    logp = {w: math.log(f / total) for w, f in freqs.items() if f > 0}
    return logp, _MAX_WORD


def _domain_terms() -> list[str]:
    """Simplified terms of the project's domain lexicon (first column of terms.tsv)."""
    from .lexicon import default_lexicon

    return default_lexicon().terms


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


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    """Simplified form of one character (the window is converted character by character)."""
    out = to_simplified(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=262144)
def _language_score(text: str) -> float:
    """Log probability of ``text`` under a unigram word model (best segmentation).

    ``text`` is scored in its Simplified view, because the dictionary is
    Simplified."""
    lex, longest = _lexicon()
    simp = "".join(_simplified_char(c) for c in text)
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


@lru_cache(maxsize=65536)
def _forms(ch: str) -> tuple[str, str]:
    """(Simplified, Traditional) forms of one character."""
    return to_simplified(ch), to_traditional(ch)


def _script_penalty(chars: str, script: str) -> float:
    """Penalty for characters foreign to the document's script."""
    penalty = 0.0
    for ch in chars:
        if not _is_han(ch):
            continue
        simp, trad = _forms(ch)
        if script == "traditional" and trad != ch:
            penalty += _WRONG_SCRIPT_PENALTY
        elif script == "simplified" and simp != ch:
            penalty += _WRONG_SCRIPT_PENALTY
    return penalty


def _punctuation_penalty(line_before: str, decoded: str) -> float:
    """Penalty (negative: bonus) from punctuation rules for a decoded span.

    * 。 closing a short quoted phrase is unlikely (``“雙定+雙。”``: a slogan
      rarely ends in 。), while 。 closing a long quotation is the norm;
    * 。 right before an opening “ is a sentence ending before a quotation.
    ``line_before`` is the line up to the span, so an open “ can be seen."""
    penalty = 0.0
    text = line_before + decoded
    offset = len(line_before)
    for i, ch in enumerate(decoded):
        k = offset + i
        nxt = text[k + 1] if k + 1 < len(text) else ""
        if ch != "。":
            continue
        if nxt == "”":
            opened = text.rfind("“", 0, k)
            if opened != -1 and k - opened <= _SHORT_QUOTE:
                penalty += _SLOGAN_STOP_PENALTY
            else:
                penalty -= _QUOTE_STOP_BONUS
        elif nxt == "“":
            penalty -= _QUOTE_STOP_BONUS
    return penalty


# --------------------------------------------------------------------------
# Mojibake spans
# --------------------------------------------------------------------------

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
    if m and _is_toned_syllable(m.group(1)):
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
            if ch in _SPAN_MARKS and nxt.isascii():
                spans.append(_Span(mark, pos + 1, reading, garbled, "", lost_trail=True))
        raw = _double_byte(ch)
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
    if m and _is_toned_syllable(m.group(1)):
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
    """The best decoding of a span and how sure each inferred character is."""

    decoded: str
    score: float  # language score of the window, with penalties and bonuses
    first_gap: float  # lead over the best decoding with another first character
    last_gap: float  # the same for the last character when its trail byte was lost
    reading_matched: bool


def _best_decoding(text: str, span: _Span, script: str) -> _Choice | None:
    """Choose the lost lead byte (and a lost trail byte) for ``span``.

    Every lead byte is tried, scored on the whole window, with the glued
    reading as strong evidence. A lost trail byte only touches the last
    character: the few best trails (ranked on their own) are tried jointly
    with every lead byte."""
    body = b"".join(_double_byte(c) or b"" for c in span.garbled)
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
                      and span.reading in _readings(_decode_in_step(bytes([prev, lead])) or "")]
    scored: list[tuple[float, str, bool]] = []
    for tail in tails:
        for lead in leads:
            decoded = _decode_in_step(bytes([lead]) + tail)
            if not decoded or any(_is_junk(c) for c in decoded):
                continue
            score = _language_score(left + decoded + right)
            score -= _script_penalty(decoded, script)
            score -= _punctuation_penalty(line_before, decoded)
            matched = False
            if span.reading and prev is not None:
                named = _decode_in_step(bytes([prev, lead]))
                matched = bool(named) and span.reading in _readings(named)
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
    return _Choice(decoded, score, first_gap, last_gap, matched)


def _rank_leads(left: str, first_trail: bytes, script: str) -> list[int]:
    """Lead bytes ranked by the first character they make, after ``left``.

    Used to prune the joint search when a trail byte was lost as well."""
    ranked = []
    for lead in range(0x81, 0xFF):
        ch = _decode_in_step(bytes([lead]) + first_trail)
        if not ch or len(ch) != 1 or _is_junk(ch):
            continue
        ranked.append((_language_score(left + ch) - _script_penalty(ch, script), lead))
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
        decoded = _decode_in_step(tail)  # in step: body[1:] starts at a lead byte
        if not decoded or any(_is_junk(c) for c in decoded):
            continue
        score = _language_score(decoded + right) - _script_penalty(decoded[-1:], script)
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
    return _READING.sub("", text[line_start:start])


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


def _pick_span(text: str, spans: list[_Span], script: str) -> tuple[float, _Span, _Choice] | None:
    """The candidate span whose best decoding gains most over the text as written.

    All candidates of one mark are scored on one common window (to the end of
    the longest candidate, plus context), so their gains are comparable: the
    gain is a log-likelihood ratio, decoded against garbled."""
    common_end = max(s.end for s in spans)
    left = _context_left(text, spans[0].start)
    right = _context_right(text, common_end)
    as_written = _language_score(left + text[spans[0].start:common_end] + right)
    best: tuple[float, _Span, _Choice] | None = None
    for span in spans:
        choice = _best_decoding(text, span, script)
        if choice is None:
            continue
        local = _language_score(left + choice.decoded + _context_right(text, span.end))
        adjustments = choice.score - local  # penalties and the reading bonus
        decoded = _language_score(left + choice.decoded + text[span.end:common_end] + right)
        gain = decoded + adjustments - as_written
        if best is None or gain > best[0]:
            best = (gain, span, choice)
    return best


def _mojibake_edits(text: str) -> list[Edit]:
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
            script = detect_script(_READING.sub("", text))
        best = _pick_span(text, spans, script)
        if best is None or best[0] < _ACCEPT_GAIN:
            pos = mark + 1
            continue
        gain, span, choice = best
        after = _fold(choice.decoded)
        needed = _AMBIGUOUS_GAP_TWO_LOST if span.lost_trail else _AMBIGUOUS_GAP
        confidence = 0.97 if choice.reading_matched else min(0.95, 0.5 + choice.first_gap / 20)
        if not choice.reading_matched and choice.first_gap < needed:
            after, confidence = "\ufffd" + after[1:], 0.5
        if span.lost_trail:
            if choice.last_gap < needed:
                after, confidence = after[:-1] + "\ufffd", 0.5
            else:
                confidence = min(confidence, 0.5 + choice.last_gap / 20)
        edits.append(Edit(span.start, span.end, text[span.start:span.end], after, "mojibake", round(confidence, 3)))
        pos = span.end
    return edits


def _next_mark(text: str, pos: int) -> int:
    """Index of the next damage mark at or after ``pos``, or -1."""
    return text.find(_SPAN_MARKS, pos)


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
    for _ in range(_MAX_PASSES):
        changed = False
        for pass_ in (_pinyin_edits, _mojibake_edits):
            text = "".join(p.text for p in pieces)
            edits = pass_(text)
            if edits:
                pieces = _apply(raw, pieces, edits)
                changed = True
        if not changed:
            break
    text = "".join(p.text for p in pieces)
    edits = tuple(_relabel(p.edit) for p in pieces if p.edit is not None)
    return RepairResult(text, edits, sum(e.after.count("\ufffd") for e in edits))


def _relabel(edit: Edit) -> Edit:
    """Mark a span that came out wholly as U+FFFD as 'unrecoverable'."""
    if edit.after and set(edit.after) == {"\ufffd"}:
        return Edit(edit.start, edit.end, edit.before, edit.after, "unrecoverable", edit.confidence)
    return edit
