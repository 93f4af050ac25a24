"""Direct speech in quotation marks, and who said it.

Chinese news writing uses quotation marks for two different things: the words of
a person (“項目最終選擇在安丘市落地……。”楊宇說) and short coined phrases —
slogans, formulas, metaphors — quoted to mark them as terms (依托“一區四園”).
This module finds every quoted span, decides which are *speech*, and attributes
speech to a speaker with a title, an organisation and a role
(official / enterprise / other / unknown). :mod:`zhaoshang.slogans` takes the
spans that are not speech.

Conventions
-----------
* Offsets point into ``doc.body`` and **exclude the quotation marks**:
  ``body[start:end]`` is the quoted text itself, for speech and slogans alike.
* Matching runs on ``doc.simplified`` (character-aligned with ``body``), so the
  lexicons in the package data ``lexicon/titles.yaml`` and ``speech_verbs.yaml`` are written
  once, in Simplified script; every reported string is sliced from ``body``.
* Quotation marks pair within one paragraph (“…” ‘…’ 「…」 『…』 and straight
  ``"``), with one exception: the Chinese convention for a quotation over several
  paragraphs — “ opens every paragraph, ” closes only the last — gives one quote
  whose text holds the line breaks and the interior opening marks (at most
  ``MAX_QUOTE_PARAGRAPHS`` paragraphs, each opening with the mark). Any other
  opening mark that is never closed is dropped, so a damaged text cannot produce
  a quote that runs on to the end of the document.
* A quotation with no final punctuation that is part of a noun phrase
  (坚持“……，……”的方针) is a coined phrase, not speech (:func:`is_embedded`).

Attribution patterns (``pattern`` column)
-----------------------------------------
``before``             the speaker and a speech verb come before the quote: 孫業說：“……”
``after``              they follow it in the same sentence: “……。”安丘市投促中心主任孫業說。
                       (also without a verb when a titled person follows:
                       “……。”……企業負責人李公帥對該縣的營商環境給予了高度認可。)
``previous_sentence``  the quote starts a sentence and the speaker spoke in the sentence
                       before (趙維平介紹說，……。“……。”) or the paragraph before ended
                       with a speech verb and a colon.
``continued``          the quote follows another quote with nothing between them and goes on
                       with its speaker (毛主席指出：“……。”“……。”).
``none``               speech with no speaker found (speaker None, role unknown).

Speakers are found from the titles lexicon (title + name: 安丘市投促中心主任孫業; name +
title for known speakers and surnames: 毛澤東主席, 周總理, 陳雲同志), a list of people
quoted by name alone (``known_speakers``: national leaders are officials — a leader's
saying quoted in a work report is speech by an official), and a surname list. Where a
name cannot be delimited (總經理劉洋滿懷豪情：“……”) the speaker is kept as written.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from . import resources

TITLES_RESOURCE = "lexicon/titles.yaml"
SPEECH_VERBS_RESOURCE = "lexicon/speech_verbs.yaml"

ROLES = ("official", "enterprise", "other", "unknown")

# Opening mark -> closing mark. Straight double quotes pair with themselves.
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "﹁": "﹂", "﹃": "﹄", '"': '"'}
_CLOSERS = {c: o for o, c in PAIRS.items()}

SENTENCE_END = "。！？!?…"
_CLAUSE_SEP = "，,：:；;"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


# ----------------------------------------------------------------- lexicons


def _load_yaml(path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _alternation(words) -> str:
    """A regex alternation, longest first (so 党组书记 wins over 书记)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class SpeakerLexicon:
    """Titles, organisation markers, names and speech verbs, from the data files."""

    title_role: dict
    org_role: dict
    title_re: re.Pattern
    org_re: re.Pattern
    surnames: frozenset
    compound_surnames: frozenset
    anonymous: tuple
    pronouns: frozenset
    not_names: frozenset
    verb_re: re.Pattern
    not_followed_by: dict
    not_preceded_by: dict
    between: tuple
    after_name: frozenset
    known: dict  # name -> role of people quoted by name alone (毛泽东, 列宁)
    verb_tail: tuple  # 过/的/说 … after a verb that ends its clause (说过：, 所说的：)
    manner: tuple  # phrases that end a name before a colon (信心满满), longest first


@lru_cache(maxsize=4)
def speaker_lexicon(titles_file: str | None = None, verbs_file: str | None = None) -> SpeakerLexicon:
    """Load ``titles.yaml`` and ``speech_verbs.yaml`` (cached)."""
    t = _load_yaml(titles_file) if titles_file else resources.read_yaml(TITLES_RESOURCE)
    v = _load_yaml(verbs_file) if verbs_file else resources.read_yaml(SPEECH_VERBS_RESOURCE)
    title_role: dict[str, str] = {}
    for role, words in t["titles"].items():
        for w in words:
            title_role[str(w)] = "unknown" if role == "ambiguous" else role
    org_role: dict[str, str] = {}
    for role, words in t["organisations"].items():
        for w in words:
            org_role[str(w)] = role
    sn = t["surnames"]
    verbs = [str(w) for w in v["verbs"]]
    known = {name: role for role, names in (t.get("known_speakers") or {}).items()
             for name in str(names).split()}
    return SpeakerLexicon(
        title_role=title_role,
        org_role=org_role,
        title_re=re.compile(_alternation(title_role)),
        org_re=re.compile(_alternation(org_role)),
        surnames=frozenset(sn["single"].split()),
        compound_surnames=frozenset(sn["compound"].split()),
        anonymous=tuple(t.get("anonymous_markers", ())),
        pronouns=frozenset(t.get("pronouns", ())),
        not_names=frozenset(str(t.get("not_names", "")).split()),
        verb_re=re.compile(_alternation(verbs)),
        not_followed_by={k: tuple(map(str, x)) for k, x in (v.get("not_followed_by") or {}).items()},
        not_preceded_by={k: tuple(map(str, x)) for k, x in (v.get("not_preceded_by") or {}).items()},
        between=tuple(sorted(map(str, v.get("between_speaker_and_verb", ())), key=len, reverse=True)),
        after_name=frozenset(map(str, v.get("after_name", ()))),
        known=known,
        verb_tail=tuple(sorted(map(str, v.get("verb_tail", ())), key=len, reverse=True)),
        manner=tuple(sorted(map(str, v.get("manner_after_name", ())), key=len, reverse=True)),
    )


# ----------------------------------------------------------------- quotation marks


@dataclass
class QuotedSpan:
    """One pair of quotation marks. ``start``/``end`` exclude the marks."""

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


MAX_QUOTE_PARAGRAPHS = 8
"""A quotation may run over at most this many paragraphs (see :func:`find_quoted_spans`)."""

PARAGRAPH_OPENERS = "“「"
"""Marks that may open every paragraph of a multi-paragraph quotation (not straight quotes)."""


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
    for i in range(p0, p1):
        ch = text[i]
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
    it: “第一段……\n“第二段……\n“最後一段。” A run of paragraphs that each open
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


def _top_level_mask(text: str, spans: list[QuotedSpan]) -> list[bool]:
    """True where a character is outside every quotation (marks count as inside)."""
    mask = [True] * len(text)
    for q in spans:
        if q.depth == 0:
            for i in range(max(q.start - 1, 0), min(q.end + 1, len(text))):
                mask[i] = False
    return mask


def _sentences(text: str, p0: int, p1: int, outside: list[bool]) -> list[tuple[int, int]]:
    """Sentences of a paragraph; ends of sentence inside quotes do not split."""
    out = []
    s = p0
    i = p0
    while i < p1:
        if text[i] in SENTENCE_END and outside[i]:
            j = i + 1
            while j < p1 and text[j] in SENTENCE_END:
                j += 1
            out.append((s, j))
            s = j
            i = j
            continue
        i += 1
    if s < p1 and text[s:p1].strip():
        out.append((s, p1))
    return out


MAX_PREFIX = 120
"""How far back before a quote its attribution is looked for (characters; keeps long
runs of quoted phrases in one sentence linear)."""

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


# ----------------------------------------------------------------- speakers


@dataclass
class Speaker:
    """A speaker found in an attribution clause. Offsets into the text."""

    text: str
    start: int
    end: int
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    role: str = "unknown"
    anonymous: bool = False
    pronoun: bool = False


# (no ``^``: ``pattern.match(s, pos)`` anchors at ``pos``, where ``^`` would never match)
_LEADING = [
    re.compile(r"\s+"),
    re.compile(r"(?:日前|近日|目前|如今|当天|当日|今天|今年|昨天|昨日|此前|随后|最后|对此|为此|同时|另外|此外|"
               r"据悉|据介绍|据了解|记者了解到|其中|而|但|并|也)"),
    re.compile(r"(?:\d{1,4}年)?\d{1,2}月\d{1,2}日"),
    re.compile(r"在[^，,。]{0,40}?(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前)(?=.)"),
    # 正如列宁所说的, 象毛泽东主席所说的, 事实正如…: the comparison word is not the speaker
    re.compile(r"(?:事实正如|正如|诚如|恰如|正像|正象|就像|如同|象|像)(?=.)"),
]
_ADVERBIAL = re.compile(
    r"(?:(?:\d{1,4}年)?\d{1,2}月\d{1,2}日|日前|近日|目前|如今|当天|当日|今天|昨天|昨日|此前|随后|对此|为此|同时|"
    r"据悉|据介绍|据了解|在[^，,。]{0,60}(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前))")
# trailing circumstances between a speaker and the verb: 在…时, 在“……”一书中, 对俄国人民
_TRAILING_WHEN = re.compile(r"(?:(?:在|于)[^，,。]{0,30}?(?:时候|时|上|中|期间|之际|现场|这里|那里|此)|对[^，,。对]{1,12})$")
# a manner adverb in 地 before the verb: 尖锐地指出, 一再地指示说
_ADVERB_DI = re.compile(r"[\u4e00-\u9fff]{2}地$")


def _trim(s: str, a: int, b: int, lex: SpeakerLexicon) -> tuple[int, int]:
    """Shrink [a, b) of ``s`` past adverbials before and after the speaker phrase."""
    changed = True
    while changed and a < b:
        changed = False
        for rx in _LEADING:
            m = rx.match(s, a, b)
            if m and m.end() > a and m.end() < b:
                a = m.end()
                changed = True
    changed = True
    while changed and a < b:
        changed = False
        seg = s[a:b]
        while seg and seg[-1] in " \t　的":
            b -= 1
            seg = seg[:-1]
            changed = True
        for w in lex.between:
            if seg.endswith(w) and len(seg) > len(w):
                b -= len(w)
                changed = True
                break
        else:
            m = _TRAILING_WHEN.search(seg) or _ADVERB_DI.search(seg)
            if m and m.start() > 1:
                b = a + m.start()
                changed = True
    return a, b


def _surname_len(s: str, i: int, lex: SpeakerLexicon) -> int:
    if s[i:i + 2] in lex.compound_surnames:
        return 2
    if i < len(s) and s[i] in lex.surnames:
        return 1
    return 0


def _all_han(s: str) -> bool:
    return bool(s) and all(_HAN.match(c) for c in s)


def _known_at(s: str, i: int, b: int, lex: SpeakerLexicon) -> int:
    """Length of a known speaker's name (毛泽东, 列宁) starting at ``s[i]`` within ``b`` (0 if none)."""
    for n in (3, 2, 4):
        if i + n <= b and s[i:i + n] in lex.known:
            return n
    return 0


def _ends_name(s: str, j: int, b: int, lex: SpeakerLexicon) -> bool:
    """Does a name end at ``s[j]``? Yes before a word such as 对/在/表示 (after_name), a
    non-Han character, the end of the phrase, a manner phrase (信心满满) or a chengyu."""
    if j >= b:
        return True
    if s[j] in lex.after_name or not _HAN.match(s[j]):
        return True
    if any(s.startswith(w, j) and j + len(w) <= b for w in lex.manner):
        return True
    from .slogans import chengyu  # slogans imports this module

    return j + 4 <= b and s[j:j + 4] in chengyu()


def _name_at(s: str, i: int, b: int, lex: SpeakerLexicon, *, whole: bool) -> int:
    """Length of a personal name starting at ``s[i]`` (0 if none).

    ``whole``: the name must fill ``s[i:b]`` (the verb follows it); otherwise the
    name must be followed by something that ends it (:func:`_ends_name`). A
    2-character and a 3-character reading that both end well are ambiguous: the
    shorter is taken only when the character after it is a word such as 对/在/表示."""
    rest = b - i
    k = _known_at(s, i, b, lex)
    if k and (not whole or k == rest):
        return k
    if whole:
        if 2 <= rest <= 4 and _all_han(s[i:b]) and s[i:b] not in lex.not_names:
            if _surname_len(s, i, lex):
                return rest
        return 0
    sl = _surname_len(s, i, lex)
    if not sl:
        return 0
    for n in (sl + 1, sl + 2):
        if n <= rest and _all_han(s[i:i + n]) and s[i:i + n] not in lex.not_names \
                and _ends_name(s, i + n, b, lex):
            return n
    return 0


HONORIFICS = ("同志", "先生", "女士")
"""Titles written after a full name (陈云同志, 梁希先生); other titles take a name
before them only when it is a known speaker (毛泽东主席) or a bare surname (周总理)."""


def _name_before_title(s: str, x: int, t0: int, t1: int, lex: SpeakerLexicon) -> int | None:
    """Start of a name that ends right before the title ``s[t0:t1]`` (毛泽东主席, 陈云同志,
    周总理), looking no further back than ``x``; None if there is none."""
    for n in (3, 2, 4):
        if t0 - n >= x and s[t0 - n:t0] in lex.known:
            return t0 - n
    seg = s[x:t0]
    if not (1 <= len(seg) <= 3 and _all_han(seg)) or seg in lex.not_names or lex.org_re.search(seg):
        return None
    sl = _surname_len(s, x, lex)
    if sl and (sl == len(seg) or (len(seg) > sl and s[t0:t1] in HONORIFICS)):
        return x
    return None


def _org_role(org: str, lex: SpeakerLexicon) -> str | None:
    """Role of the right-most organisation marker in ``org`` (longest on ties)."""
    best = None
    for i in range(len(org)):
        m = lex.org_re.match(org, i)
        if m:
            key = (m.end(), len(m.group()))
            if best is None or key > best[0]:
                best = (key, lex.org_role[m.group()])
    return best[1] if best else None


def speaker_role(title: str | None, organisation: str | None, lex: SpeakerLexicon | None = None,
                 *, name: str | None = None) -> str:
    """official / enterprise / other / unknown: a known speaker's own role (毛泽东 → official),
    else from the organisation, then the title."""
    lex = lex or speaker_lexicon()
    if name and name in lex.known:
        return lex.known[name]
    if organisation:
        r = _org_role(organisation, lex)
        if r:
            return r
    if title:
        roles = [lex.title_role.get(m.group(), "unknown") for m in lex.title_re.finditer(title)]
        for r in roles:
            if r in ("official", "enterprise"):
                return r
        if "other" in roles:
            return "other"
    return "unknown"


def _person_before_title(simp, body, a, t0, t_end, x0, lex) -> Speaker | None:
    """A name written before its title (毛泽东主席, 陈云同志) or a surname with a title
    (毛主席, 王书记 — kept whole as the name); ``x0``: where the name may start at the earliest."""
    x = _name_before_title(simp, x0, t0, t_end, lex)
    if x is None:
        return None
    nm = simp[x:t0]
    single = _surname_len(simp, x, lex) == t0 - x and nm not in lex.known
    name = body[x:t_end] if single else body[x:t0]
    org_simp = simp[a:x].strip(" 、的") or None
    org = body[a:x].strip(" 、的") if org_simp and _org_role(org_simp, lex) else None
    # a title written before the name counts too: 著名经济学家孙冶方同志 is an economist
    t = body[t0:t_end]
    before = [m for m in lex.title_re.finditer(simp, a, x) if m.end() == x]
    if before:
        t = body[before[-1].start():x] + "、" + t
    role = speaker_role(simp[t0:t_end] + "、" + (simp[before[-1].start():x] if before else ""), org_simp, lex,
                        name=None if single else nm)
    return Speaker(text=body[a:t_end], start=a, end=t_end, name=name, title=t,
                   organisation=org, role=role)


def parse_speaker(simp: str, body: str, a: int, b: int, *, whole: bool = True,
                  lex: SpeakerLexicon | None = None) -> Speaker | None:
    """Find the speaker in ``simp[a:b]`` (a clause before a speech verb, or after a quote).

    ``whole``: the phrase ends where the verb starts (so a name fills the rest);
    otherwise a titled name must be followed by a word such as 对/在/表示, or a
    name stands before its title (毛主席批判了……)."""
    lex = lex or speaker_lexicon()
    a, b = _trim(simp, a, b, lex)
    if a >= b:
        return None
    seg = simp[a:b]
    # 1. pronoun
    if whole and seg in lex.pronouns:
        return Speaker(body[a:b], a, b, pronoun=True)
    # 2. title (+ name)
    titles = [m for m in lex.title_re.finditer(simp, a, b)]
    for k in range(len(titles) - 1, -1, -1):
        t = titles[k]
        n = _name_at(simp, t.end(), b, lex, whole=whole) if t.end() < b else 0
        # extend over a chain of titles: 党组书记、主任
        first = k
        while first > 0:
            prev = titles[first - 1]
            gap = simp[prev.end():titles[first].start()]
            if gap in ("", "、", "兼", "和"):
                first -= 1
            else:
                break
        t0 = titles[first].start()
        if not n:
            # a name before the title: 毛泽东主席, 周总理, 伟大领袖毛主席
            x0 = titles[first - 1].end() if first > 0 else a
            if t.end() == b or not whole:
                sp = _person_before_title(simp, body, a, t0, t.end(), x0, lex)
                if sp is not None:
                    return sp
            if t.end() < b:
                continue
            if not whole:
                return None  # a bare title after a quote is too weak
        org = body[a:t0].strip(" 、的")
        name = body[t.end():t.end() + n] if n else None
        title = body[t0:t.end()]
        org_simp = simp[a:t0].strip(" 、的")
        anonymous = not n
        if org_simp.endswith(("有关", "相关")) and len(org_simp) > 2:
            org = org[:-2]
            org_simp = org_simp[:-2]
        end = t.end() + n
        role = speaker_role(simp[t0:t.end()], org_simp, lex, name=simp[t.end():end] or None)
        text = body[a:end]
        return Speaker(text=text, start=a, end=end, name=name, title=title,
                       organisation=org or None, role=role, anonymous=anonymous)
    # 3. a bare name (列宁, 孙业; a known name also when something follows it)
    n = _name_at(simp, a, b, lex, whole=whole)
    if n and (whole or _known_at(simp, a, b, lex) == n):
        return Speaker(body[a:a + n], a, a + n, name=body[a:a + n],
                       role=speaker_role(None, None, lex, name=simp[a:a + n]))
    # 4. an organisation speaking (市商务局表示)
    if whole and len(seg) <= 25:
        r = _org_role(seg, lex)
        if r and lex.org_re.search(seg) and seg.endswith(tuple(lex.org_role)):
            return Speaker(body[a:b], a, b, organisation=body[a:b], role=r)
    return None


def colon_speaker(simp: str, body: str, a: int, b: int, lex: SpeakerLexicon | None = None) -> Speaker | None:
    """The speaker of a clause that ends in a colon with no speech verb (劉洋信心滿滿：“……”).

    A name is taken when something ends it (a title before it and 对/在, a manner
    phrase such as 信心满满, a chengyu after it: :func:`_ends_name`). When a title
    is there but the name cannot be delimited (總經理劉洋滿懷豪情：), the clause is
    kept as written — ``speaker`` is the text, ``name`` None — rather than a guessed
    name. A clause with neither title nor delimited name gives no speaker."""
    lex = lex or speaker_lexicon()
    sp = parse_speaker(simp, body, a, b, whole=False, lex=lex)
    if sp is not None and sp.name:
        return sp
    a, b = _trim(simp, a, b, lex)
    if a >= b or b - a > 24:
        return None
    n = _name_at(simp, a, b, lex, whole=False)
    if n:  # a bare name that something ends: 劉洋信心滿滿：
        return Speaker(body[a:a + n], a, a + n, name=body[a:a + n],
                       role=speaker_role(None, None, lex, name=simp[a:a + n]))
    for t in reversed(list(lex.title_re.finditer(simp, a, b))):
        if t.end() < b and _surname_len(simp, t.end(), lex):
            org = simp[a:t.start()].strip(" 、的")
            return Speaker(text=body[a:b], start=a, end=b, title=body[t.start():t.end()],
                           organisation=body[a:t.start()].strip(" 、的") or None,
                           role=speaker_role(simp[t.start():t.end()], org or None, lex))
    return None


def _verb_matches(simp: str, a: int, b: int, lex: SpeakerLexicon):
    for m in lex.verb_re.finditer(simp, a, b):
        v = m.group()
        nxt = simp[m.end():m.end() + 2]
        if any(nxt.startswith(x) for x in lex.not_followed_by.get(v, ())):
            continue
        prv = simp[m.start() - 1] if m.start() > 0 else ""
        if prv in lex.not_preceded_by.get(v, ()):
            continue
        yield m


def _clauses(simp: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    s = a
    for i in range(a, b):
        if simp[i] in _CLAUSE_SEP:
            if i > s:
                out.append((s, i))
            s = i + 1
    if b > s:
        out.append((s, b))
    return out


def _speaker_with_verb(simp, body, a, b, lex, *, at_end: bool = False):
    """(speaker, verb) from the first clause of [a, b) with a speech verb and a subject.

    ``at_end``: the verb must end its clause (used before a quote: 孫業說：)."""
    for c0, c1 in _clauses(simp, a, b):
        for m in _verb_matches(simp, c0, c1, lex):
            if at_end and not _verb_ends_clause(simp, m.end(), c1, lex):
                continue
            sp = parse_speaker(simp, body, c0, m.start(), whole=True, lex=lex)
            if sp:
                return sp, body[m.start():m.end()]
    return None, None


def _verb_ends_clause(simp: str, i: int, c1: int, lex: SpeakerLexicon) -> bool:
    """Only a verb tail (过, 的, 说: 说过：, 所说的：, 指示说：) stands between ``i`` and ``c1``."""
    rest = simp[i:c1].strip()
    return rest == "" or rest in lex.verb_tail


def _sentence_subject(simp, body, s0, c0, lex) -> Speaker | None:
    """The named speaker opening the sentence ``[s0, c0)`` whose later clause has a verb with
    no subject of its own: 毛主席批判了他们的破坏活动，明确指出：“……”."""
    for k0, k1 in _clauses(simp, s0, c0):
        sp = parse_speaker(simp, body, k0, k1, whole=False, lex=lex)
        if sp is not None and sp.name:
            return sp
        break  # only the first clause of the sentence carries its subject
    return None


def _named_before(simp, body, sents, si, lex, *, lookback: int = 3) -> Speaker | None:
    """The nearest titled, named person in the sentences before sentence ``si`` (same paragraph)."""
    for k in range(si - 1, max(si - 1 - lookback, -1), -1):
        found = None
        for c0, c1 in _clauses(simp, *sents[k]):
            sp, _ = _speaker_with_verb(simp, body, c0, c1, lex)
            if sp is None:
                cand = parse_speaker(simp, body, c0, c1, whole=False, lex=lex)
                sp = cand if cand is not None and cand.name else None
            if sp is not None and sp.name:
                found = sp  # the last one in the sentence is the nearest
        if found is not None:
            return found
    return None


# ----------------------------------------------------------------- analysis


def analyse_quotes(simp: str, body: str, lex: SpeakerLexicon | None = None) -> list[QuotedSpan]:
    """Find quoted spans, tell speech from phrases and attribute speech.

    Each span gets ``kind`` (speech / phrase / nested_speech) and, for speech,
    ``attribution`` (pattern, verb, Speaker or None)."""
    lex = lex or speaker_lexicon()
    spans = find_quoted_spans(simp)
    if not spans:
        return spans
    outside = _top_level_mask(simp, spans)
    sentences_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for q in spans:
        if q.paragraph not in sentences_of:
            sentences_of[q.paragraph] = _sentences(simp, *q.paragraph, outside)
    starts_of = {p: [x0 for x0, _ in ss] for p, ss in sentences_of.items()}
    top = [q for q in spans if q.depth == 0]
    last_named: Speaker | None = None
    registry: dict[str, Speaker] = {}
    speaker_of_sentence: dict[tuple[int, int], Speaker] = {}

    for idx, q in enumerate(top):
        content = simp[q.start:q.end]
        sents = sentences_of[q.paragraph]
        si = bisect.bisect_right(starts_of[q.paragraph], q.start - 1) - 1
        if si < 0 or not (sents[si][0] <= q.start - 1 < sents[si][1]):
            si = None
        s0, s1 = sents[si] if si is not None else q.paragraph
        # the prefix runs back to the previous quote or the sentence start, the tail
        # on to the next quote or the sentence end (its final punctuation excluded)
        # (top-level spans never overlap, so the neighbours in order are the nearest)
        # (a quoted phrase before the quote does not end its prefix: 毛泽东主席在“论联合政府”
        #一书中所说的：“……”)
        prv = top[idx - 1] if idx > 0 and top[idx - 1].paragraph == q.paragraph else None
        nxt = top[idx + 1] if idx + 1 < len(top) and top[idx + 1].paragraph == q.paragraph else None
        prefix_a = max(s0, prv.end + 1) if prv is not None and prv.kind == "speech" else s0
        prefix_a = max(prefix_a, q.start - 1 - MAX_PREFIX)
        tail_b = min(s1, nxt.start - 1) if nxt is not None else s1
        tail_a = q.end + 1
        while tail_b > tail_a and simp[tail_b - 1] in SENTENCE_END + " \t　":
            tail_b -= 1
        speech_like = is_speech_like(content) and not is_embedded(simp, q.start, q.end)
        att: dict = {}

        # before: 孫業說：“…” / 他表示，“…”  (verb ending the last clause of the prefix)
        pre = simp[prefix_a:q.start - 1].rstrip()
        colon = bool(pre) and pre[-1] in "：:，,"
        if prv is not None and prv.kind == "speech" and not simp[prv.end + 1:q.start - 1].strip() \
                and prv.attribution.get("speaker") is not None and speech_like:
            # a quotation straight after another one goes on with the same voice:
            # 毛主席指出：“……。”“……。”
            att = {"pattern": "continued", "speaker": prv.attribution.get("resolved", prv.attribution["speaker"]),
                   "verb": None}
        elif pre and not is_embedded(simp, q.start, q.end):
            core_b = prefix_a + len(pre) - (1 if colon else 0)
            clauses = _clauses(simp, prefix_a, core_b)
            if clauses:
                sp, verb = _speaker_with_verb(simp, body, *clauses[-1], lex, at_end=True)
                if sp is None and pre[-1] in "：:" and speech_like:
                    # a colon with no verb: 該公司總經理劉洋滿懷信心：“……”
                    sp = colon_speaker(simp, body, *clauses[-1], lex)
                if sp is None and len(clauses) > 1:
                    # a verb with no subject of its own: 毛主席批判了……，明確指出：“……”
                    c0, c1 = clauses[-1]
                    m = next((m for m in _verb_matches(simp, c0, c1, lex)
                              if _verb_ends_clause(simp, m.end(), c1, lex)), None)
                    if m is not None and _trim(simp, c0, m.start(), lex)[1] - c0 <= 4:
                        sp = _sentence_subject(simp, body, prefix_a, c0, lex)
                        verb = body[m.start():m.end()] if sp is not None else None
                if sp is not None and (colon or speech_like):
                    att = {"pattern": "before", "speaker": sp, "verb": verb}
        elif si == 0 and speech_like:
            # the paragraph before ended with "X說："
            k = q.paragraph[0] - 1
            while k > 0 and simp[k - 1] in " \t　\n":
                k -= 1
            if k > 0 and simp[k - 1] in "：:":
                pa = simp.rfind("\n", 0, k - 1) + 1
                clauses = _clauses(simp, pa, k - 1)
                if clauses:
                    sp, verb = _speaker_with_verb(simp, body, *clauses[-1], lex, at_end=True)
                    if sp is not None:
                        att = {"pattern": "previous_sentence", "speaker": sp, "verb": verb}

        # after: “…”X說。  or, with no verb, “…”……企業負責人李公帥對……
        if not att and speech_like and tail_b > tail_a:
            sp, verb = _speaker_with_verb(simp, body, tail_a, tail_b, lex)
            if sp is None:
                for c0, c1 in _clauses(simp, tail_a, tail_b):
                    cand = parse_speaker(simp, body, c0, c1, whole=False, lex=lex)
                    if cand is not None and cand.name:
                        sp = cand
                        break
                    if not _ADVERBIAL.fullmatch(simp[c0:c1].strip()):
                        break
            if sp is not None:
                att = {"pattern": "after", "speaker": sp, "verb": verb}

        # previous sentence: X介紹說，……。“……。”
        if not att and speech_like and not pre and si is not None and si > 0:
            ps0, ps1 = sents[si - 1]
            sp, verb = speaker_of_sentence.get((ps0, ps1)), None
            if sp is None:
                sp, verb = _speaker_with_verb(simp, body, ps0, ps1, lex)
            if sp is not None:
                att = {"pattern": "previous_sentence", "speaker": sp, "verb": verb}

        if att:
            q.kind = "speech"
            sp = att["speaker"]
            # pronouns and bare names point back to an earlier, fuller mention
            if sp.pronoun:
                near = _named_before(simp, body, sents, si, lex) if si is not None else None
                if near is not None and (last_named is None or near.start > last_named.start):
                    att["resolved"] = near
                elif last_named is not None:
                    att["resolved"] = last_named
            elif sp.name and not sp.title and sp.name in registry:
                att["resolved"] = registry[sp.name]
            ref = att.get("resolved", sp)
            if ref.name:
                last_named = ref
                if ref.title:
                    registry[ref.name] = ref
            speaker_of_sentence[(s0, s1)] = ref
        elif speech_like:
            q.kind = "speech"
            att = {"pattern": "none", "speaker": None, "verb": None}
        else:
            q.kind = "phrase"
        q.attribution = att

    # nested spans: coined phrases unless they read as speech themselves
    for q in spans:
        if q.depth > 0:
            q.kind = "nested_speech" if is_speech_like(simp[q.start:q.end]) else "phrase"
    return spans


def doc_quotes(doc) -> list[dict]:
    """Direct speech of a CleanDocument, one row per quote.

    Columns: doc_id, quote, speaker, role, start, end (``body[start:end] == quote``,
    quotation marks excluded), speaker_title, organisation, speaker_text (as written),
    speaker_start, speaker_end, anonymous, pattern, verb, n_chars."""
    body, simp = doc.body, doc.simplified
    rows = []
    for q in analyse_quotes(simp, body):
        if q.kind != "speech" or q.depth:
            continue
        att = q.attribution
        sp: Speaker | None = att.get("speaker")
        ref: Speaker | None = att.get("resolved", sp)
        speaker = None
        if ref is not None:
            speaker = ref.name if ref.name else ref.text
        rows.append({
            "doc_id": doc.doc_id,
            "quote": body[q.start:q.end],
            "speaker": speaker,
            "role": ref.role if ref is not None else "unknown",
            "start": q.start,
            "end": q.end,
            "speaker_title": ref.title if ref is not None else None,
            "organisation": ref.organisation if ref is not None else None,
            "speaker_text": sp.text if sp is not None else None,
            "speaker_start": sp.start if sp is not None else None,
            "speaker_end": sp.end if sp is not None else None,
            "anonymous": bool(sp.anonymous) if sp is not None else False,
            "pattern": att.get("pattern", "none"),
            "verb": att.get("verb"),
            "n_chars": q.end - q.start,
        })
    return rows
