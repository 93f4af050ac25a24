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
  lexicons in ``data/lexicon/titles.yaml`` and ``speech_verbs.yaml`` are written
  once, in Simplified script; every reported string is sliced from ``body``.
* Quotation marks pair within one paragraph only (“…” ‘…’ 「…」 『…』 and straight
  ``"``); an opening mark that is never closed is dropped, so a damaged text
  cannot produce a quote that runs on to the end of the document.

Attribution patterns (``pattern`` column)
-----------------------------------------
``before``             the speaker and a speech verb come before the quote: 孫業說：“……”
``after``              they follow it in the same sentence: “……。”安丘市投促中心主任孫業說。
                       (also without a verb when a titled person follows:
                       “……。”……企業負責人李公帥對該縣的營商環境給予了高度認可。)
``previous_sentence``  the quote starts a sentence and the speaker spoke in the sentence
                       before (趙維平介紹說，……。“……。”) or the paragraph before ended
                       with a speech verb and a colon.
``none``               speech with no speaker found (speaker None, role unknown).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from . import paths

TITLES_FILE = paths.LEXICON / "titles.yaml"
SPEECH_VERBS_FILE = paths.LEXICON / "speech_verbs.yaml"

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


@lru_cache(maxsize=4)
def speaker_lexicon(titles_file: str | None = None, verbs_file: str | None = None) -> SpeakerLexicon:
    """Load ``titles.yaml`` and ``speech_verbs.yaml`` (cached)."""
    t = _load_yaml(titles_file or TITLES_FILE)
    v = _load_yaml(verbs_file or SPEECH_VERBS_FILE)
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


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every balanced pair of quotation marks in ``text``, in order of opening.

    Pairs never cross a paragraph (line) break. A closing mark pairs with the
    nearest open mark of its kind; opening marks left unclosed, and closing
    marks with no partner, are ignored."""
    spans: list[QuotedSpan] = []
    for p0, p1 in _paragraphs(text):
        stack: list[tuple[str, int, int]] = []  # (mark, content start, index in spans or -1)
        opened: list[QuotedSpan] = []
        for i in range(p0, p1):
            ch = text[i]
            if ch == '"':
                if stack and stack[-1][0] == '"':
                    closing = True
                else:
                    closing = False
            else:
                closing = ch in _CLOSERS
            if closing:
                want = _CLOSERS[ch]
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == want:
                        mark, s, _ = stack[k]
                        del stack[k:]  # marks opened inside and never closed are dropped
                        opened.append(QuotedSpan(s, i, mark, paragraph=(p0, p1)))
                        break
            elif ch in PAIRS:
                stack.append((ch, i + 1, -1))
        opened.sort(key=lambda q: (q.start, -q.end))
        spans.extend(opened)
    # nesting: pairs never cross (a closing mark drops the marks opened after its
    # partner), so a stack of open containers gives each span its innermost parent
    stack: list[int] = []
    for idx, q in enumerate(spans):
        while stack and not (spans[stack[-1]].paragraph == q.paragraph
                             and spans[stack[-1]].start <= q.start and q.end <= spans[stack[-1]].end):
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


_LEADING = [
    re.compile(r"^\s+"),
    re.compile(r"^(?:日前|近日|目前|如今|当天|当日|今天|今年|昨天|昨日|此前|随后|最后|对此|为此|同时|另外|此外|"
               r"据悉|据介绍|据了解|记者了解到|其中|而|但|并|也)"),
    re.compile(r"^(?:\d{1,4}年)?\d{1,2}月\d{1,2}日"),
    re.compile(r"^在[^，,。]{0,40}?(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前)(?=.)"),
]
_ADVERBIAL = re.compile(
    r"(?:(?:\d{1,4}年)?\d{1,2}月\d{1,2}日|日前|近日|目前|如今|当天|当日|今天|昨天|昨日|此前|随后|对此|为此|同时|"
    r"据悉|据介绍|据了解|在[^，,。]{0,60}(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前))")
_TRAILING_WHEN = re.compile(r"(?:在|于)[^，,。]{0,30}?(?:时|上|中|期间|之际|现场|这里|那里|此)$")


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
            m = _TRAILING_WHEN.search(seg)
            if m and m.start() > 0:
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


def _name_at(s: str, i: int, b: int, lex: SpeakerLexicon, *, whole: bool) -> int:
    """Length of a personal name starting at ``s[i]`` (0 if none).

    ``whole``: the name must fill ``s[i:b]`` (the verb follows it); otherwise the
    name is followed by a word such as 对/在/表示 (after_name) that ends it."""
    rest = b - i
    if whole:
        if 2 <= rest <= 4 and _all_han(s[i:b]) and s[i:b] not in lex.not_names:
            if _surname_len(s, i, lex):
                return rest
        return 0
    sl = _surname_len(s, i, lex)
    if not sl:
        return 0
    for n in (sl + 1, sl + 2):
        if n <= rest and _all_han(s[i:i + n]):
            nxt = s[i + n] if i + n < b else ""
            if (nxt == "" or nxt in lex.after_name or not _HAN.match(nxt)) \
                    and s[i:i + n] not in lex.not_names:
                return n
    return 0


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


def speaker_role(title: str | None, organisation: str | None, lex: SpeakerLexicon | None = None) -> str:
    """official / enterprise / other / unknown, from the organisation then the title."""
    lex = lex or speaker_lexicon()
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


def parse_speaker(simp: str, body: str, a: int, b: int, *, whole: bool = True,
                  lex: SpeakerLexicon | None = None) -> Speaker | None:
    """Find the speaker in ``simp[a:b]`` (a clause before a speech verb, or after a quote).

    ``whole``: the phrase ends where the verb starts (so a name fills the rest);
    otherwise a titled name must be followed by a word such as 对/在/表示."""
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
        if t.end() < b and not n:
            continue
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
        org_a = a
        org = body[org_a:t0].strip(" 、的")
        name = body[t.end():t.end() + n] if n else None
        title = body[t0:t.end()]
        org_simp = simp[org_a:t0].strip(" 、的")
        if not n and simp[org_a:t0] and _surname_len(simp, org_a, lex) == t0 - org_a:
            # surname + title: 毛主席, 王書記 — a named person
            return Speaker(text=body[org_a:t.end()], start=org_a, end=t.end(), name=body[org_a:t.end()],
                           title=title, organisation=None, role=speaker_role(simp[t0:t.end()], None, lex))
        if not n and not whole:
            return None  # a bare title after a quote is too weak
        anonymous = not n
        if org_simp.endswith(("有关", "相关")) and len(org_simp) > 2:
            org = org[:-2]
            org_simp = org_simp[:-2]
        end = t.end() + n
        role = speaker_role(simp[t0:t.end()], org_simp, lex)
        text = body[a:end]
        return Speaker(text=text, start=a, end=end, name=name, title=title,
                       organisation=org or None, role=role, anonymous=anonymous)
    # 3. a bare name
    if whole:
        n = _name_at(simp, a, b, lex, whole=True)
        if n and _surname_len(simp, a, lex):
            return Speaker(body[a:b], a, b, name=body[a:b])
        # 4. an organisation speaking (市商务局表示)
        if len(seg) <= 25:
            r = _org_role(seg, lex)
            if r and lex.org_re.search(seg) and seg.endswith(tuple(lex.org_role)):
                return Speaker(body[a:b], a, b, organisation=body[a:b], role=r)
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
            if at_end and simp[m.end():c1].strip():
                continue
            sp = parse_speaker(simp, body, c0, m.start(), whole=True, lex=lex)
            if sp:
                return sp, body[m.start():m.end()]
    return None, None


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
        prv = top[idx - 1] if idx > 0 and top[idx - 1].paragraph == q.paragraph else None
        nxt = top[idx + 1] if idx + 1 < len(top) and top[idx + 1].paragraph == q.paragraph else None
        prefix_a = max(s0, prv.end + 1) if prv is not None else s0
        tail_b = min(s1, nxt.start - 1) if nxt is not None else s1
        tail_a = q.end + 1
        while tail_b > tail_a and simp[tail_b - 1] in SENTENCE_END + " \t　":
            tail_b -= 1
        speech_like = is_speech_like(content)
        att: dict = {}

        # before: 孫業說：“…” / 他表示，“…”  (verb ending the last clause of the prefix)
        pre = simp[prefix_a:q.start - 1].rstrip()
        colon = bool(pre) and pre[-1] in "：:，,"
        if pre:
            core_b = prefix_a + len(pre) - (1 if colon else 0)
            clauses = _clauses(simp, prefix_a, core_b)
            if clauses:
                sp, verb = _speaker_with_verb(simp, body, *clauses[-1], lex, at_end=True)
                if sp is None and pre[-1] in "：:" and speech_like:
                    # a colon with no verb: 該公司總經理劉洋滿懷信心：“……”
                    cand = parse_speaker(simp, body, *clauses[-1], whole=False, lex=lex)
                    if cand is not None and cand.name:
                        sp = cand
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
