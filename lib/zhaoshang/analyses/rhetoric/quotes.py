"""Direct speech: which quoted spans are somebody's words, who said them, and the quotes rows.

A quoted span (:mod:`.marks`) is *speech* when it reads as an utterance and is not
part of a noun phrase, or when a speaker is found for it; every other top-level span
is a phrase (a slogan, :mod:`.slogans`). Speech is attributed to a speaker
(:mod:`.speakers`) by the first of these patterns that applies (``pattern`` column):

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

A pronoun (他表示: the person named last before it, in any earlier paragraph), a bare name
met anywhere in the text with a title (:mod:`.people`), or a description pointing back
(该负责人, 上述人士, 该公司) takes the title, organisation and role of the fuller mention
(``resolved``). ``before`` also covers a reported sentence running into a quoted fragment
(X表示，……，“……”。). A quotation with no punctuation of its own that is a whole sentence
(“……”。) reads as speech; a short one (“十一五”, “放管服”), or one the sentence goes on after,
is a term — a slogan — even next to a reporting verb. Offsets point into ``doc.body`` and exclude the marks;
matching runs on ``doc.simplified``, character-aligned with the body.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from zhaoshang.analyses.rhetoric.attribution import (
    clauses,
    named_before,
    sentence_subject,
    speaker_with_verb,
    verb_ends_clause,
    verb_matches,
)
from zhaoshang.analyses.rhetoric.marks import (
    SENTENCE_END,
    QuotedSpan,
    find_quoted_spans,
    is_embedded,
    is_speech_like,
    quoted_ranges,
)
from zhaoshang.analyses.rhetoric.people import People
from zhaoshang.analyses.rhetoric.roles import short_name_role, speaker_role
from zhaoshang.analyses.rhetoric.speaker_lexicon import SpeakerLexicon, speaker_lexicon
from zhaoshang.analyses.rhetoric.speakers import Speaker, colon_speaker, is_adverbial, parse_speaker, trim
from zhaoshang.text.script import to_simplified
from zhaoshang.text.sentences import split

MAX_PREFIX = 120
"""How far back before a quote its attribution is looked for (characters; keeps long
runs of quoted phrases in one sentence linear)."""

_SPACE = " \t\u3000"

MIN_SENTENCE_QUOTE = 8
"""A quotation with no punctuation of its own that is a whole sentence (“……”。) is speech
from this many characters on."""

MAX_TERM = 6
"""A quoted text up to this long with no punctuation of its own is a term (“十一五”, “放管服”),
never speech, even next to a reporting verb."""


CLAUSE_MARKERS = frozenset("不没未是在还已将会要了很都也并吗呢吧")
"""Function words that make a short quotation a clause somebody said (“还在商洽中”, “并不属实”)
rather than a term (“十一五”, “放管服”, “一带一路”)."""


def clause_like(content: str) -> bool:
    """Does a quotation without final punctuation read as a clause (a comma inside, or a
    function word that terms do not carry), not as a four-character idiom?"""
    from zhaoshang.analyses.rhetoric.lexicons import chengyu

    c = content.strip()
    if not c or c in chengyu() or "、" in c:
        return False
    return any(ch in "，," for ch in c) or any(ch in CLAUSE_MARKERS for ch in c)


@dataclass
class _Around:
    """What surrounds one top-level quotation ``q`` of the Simplified text."""

    q: QuotedSpan
    sents: list[tuple[int, int]]  # the sentences of its paragraph
    si: int | None  # the sentence the quote opens in (None: between sentences)
    s0: int  # that sentence (or the paragraph)
    s1: int
    prv: QuotedSpan | None  # the previous top-level quote of the paragraph
    prefix_a: int  # the prefix: from here to the opening mark
    pre: str  # the prefix, right-stripped
    colon: bool  # the prefix ends in a colon or a comma
    tail_a: int  # the tail: after the closing mark to the next quote or the sentence end
    tail_b: int
    embedded: bool  # part of a noun phrase (is_embedded)
    speech_like: bool  # reads as an utterance and is not embedded


@dataclass
class _Memory:
    """What the quotes before the current one established, in document order."""

    last_named: Speaker | None = None
    registry: dict[str, Speaker] = field(default_factory=dict)  # name -> titled mention
    speaker_of_sentence: dict[tuple[int, int], Speaker] = field(default_factory=dict)
    history: list[Speaker] = field(default_factory=list)  # every speaker so far, in order
    people: People | None = None  # the document's titled people (mentions anywhere)


# ----------------------------------------------------------------- analysis


def analyse_quotes(simp: str, body: str, lex: SpeakerLexicon | None = None) -> list[QuotedSpan]:
    """Find quoted spans, tell speech from phrases and attribute speech.

    Each span gets ``kind`` (speech / phrase / nested_speech) and, for speech,
    ``attribution`` (pattern, verb, Speaker or None, and ``resolved`` when the
    speaker points back to a fuller mention). The spans are what both the quotes
    and the slogans rows are made from."""
    lex = lex or speaker_lexicon()
    spans = find_quoted_spans(simp)
    if not spans:
        return spans
    paragraphs = _paragraph_sentences(simp, spans)
    top = [q for q in spans if q.depth == 0]
    people = People(simp, body, lex)
    lex = people.lex
    memory = _Memory(people=people)
    for idx, q in enumerate(top):
        around = _around(simp, top, idx, *paragraphs[q.paragraph])
        _settle(simp, body, around, _attribute(simp, body, around, memory, lex), memory, lex)
    _classify_nested(simp, spans)
    return spans


def _paragraph_sentences(simp: str, spans: list[QuotedSpan]):
    """paragraph -> (its sentences, their starts), for the paragraphs holding a top-level quote.

    The text's sentences are found once, ends of sentence inside top-level quotations not
    splitting (“……。……。”他说。 is one sentence); a paragraph's are those starting in it."""
    index = split(simp, quoted=quoted_ranges(spans))
    out: dict[tuple[int, int], tuple[list[tuple[int, int]], list[int]]] = {}
    for q in spans:
        if q.depth == 0 and q.paragraph not in out:
            ss = index.between(*q.paragraph)
            out[q.paragraph] = (ss, [x0 for x0, _ in ss])
    return out


def _around(simp: str, top: list[QuotedSpan], idx: int, sents, starts) -> _Around:
    """The sentence, neighbours, prefix and tail of the top-level quote ``top[idx]``.

    The prefix runs back to the previous speech or the sentence start (at most
    :data:`MAX_PREFIX`), the tail on to the next quote or the sentence end, its final
    punctuation excluded. A quoted phrase before the quote does not end the prefix
    (毛泽东主席在“论联合政府”一书中所说的：“……”). Top-level spans never overlap, so
    the neighbours in order are the nearest."""
    q = top[idx]
    si = bisect.bisect_right(starts, q.start - 1) - 1
    if si < 0 or not (sents[si][0] <= q.start - 1 < sents[si][1]):
        si = None
    s0, s1 = sents[si] if si is not None else q.paragraph
    prv = top[idx - 1] if idx > 0 and top[idx - 1].paragraph == q.paragraph else None
    nxt = top[idx + 1] if idx + 1 < len(top) and top[idx + 1].paragraph == q.paragraph else None
    prefix_a = max(s0, prv.end + 1) if prv is not None and prv.kind == "speech" else s0
    prefix_a = max(prefix_a, q.start - 1 - MAX_PREFIX)
    tail_a = q.end + 1
    tail_b = min(s1, nxt.start - 1) if nxt is not None else s1
    while tail_b > tail_a and simp[tail_b - 1] in SENTENCE_END + _SPACE:
        tail_b -= 1
    pre = simp[prefix_a:q.start - 1].rstrip()
    embedded = is_embedded(simp, q.start, q.end)
    speech_like = is_speech_like(simp[q.start:q.end]) and not embedded
    if not speech_like and not embedded and not pre and q.end - q.start >= MIN_SENTENCE_QUOTE \
            and simp[q.end + 1:q.end + 2] in tuple(SENTENCE_END):
        speech_like = True  # a quotation that is a whole sentence: “这也是我们下一步的投资方向”。
    return _Around(q=q, sents=sents, si=si, s0=s0, s1=s1, prv=prv, prefix_a=prefix_a, pre=pre,
                   colon=bool(pre) and pre[-1] in "：:，,", tail_a=tail_a, tail_b=tail_b, embedded=embedded,
                   speech_like=speech_like)


def _attribute(simp: str, body: str, a: _Around, memory: _Memory, lex: SpeakerLexicon) -> dict:
    """The attribution of a quote (empty when no speaker is found), trying the patterns in order."""
    att = _attribute_before(simp, body, a, lex)
    if not att and a.speech_like and a.tail_b > a.tail_a:
        att = _attribute_after(simp, body, a, lex)
    if not att and a.speech_like and not a.pre and a.si is not None and a.si > 0:
        att = _attribute_previous_sentence(simp, body, a, memory, lex)
    return att


def _attribute_before(simp: str, body: str, a: _Around, lex: SpeakerLexicon) -> dict:
    """``continued`` after another quote, else ``before`` from the prefix, else — a quote
    opening its paragraph — ``previous_sentence`` from the paragraph before ("X說：")."""
    q, prv = a.q, a.prv
    if prv is not None and prv.kind == "speech" and not simp[prv.end + 1:q.start - 1].strip() \
            and prv.attribution.get("speaker") is not None and a.speech_like:
        # a quotation straight after another one goes on with the same voice: 毛主席指出：“……。”“……。”
        return {"pattern": "continued", "speaker": prv.attribution.get("resolved", prv.attribution["speaker"]),
                "verb": None}
    if a.pre and not a.embedded:
        return _speaker_in_prefix(simp, body, a, lex)
    if a.si == 0 and a.speech_like:
        return _speaker_in_paragraph_before(simp, body, a, lex)
    return {}


def _speaker_in_prefix(simp: str, body: str, a: _Around, lex: SpeakerLexicon) -> dict:
    """``before``: 孫業說：“…” / 他表示，“…” (a verb ending the last clause of the prefix),
    a colon with no verb (該公司總經理劉洋滿懷信心：“……”), or a verb with no subject of
    its own after the sentence's subject (毛主席批判了……，明確指出：“……”)."""
    core_b = a.prefix_a + len(a.pre) - (1 if a.colon else 0)
    cls = clauses(simp, a.prefix_a, core_b)
    if not cls:
        return {}
    sp, verb = speaker_with_verb(simp, body, *cls[-1], lex, at_end=True)
    if sp is None and a.pre[-1] in "：:" and a.speech_like:
        sp = colon_speaker(simp, body, *cls[-1], lex)
    if sp is None and len(cls) > 1:
        sp, verb = _verb_after_subject(simp, body, a.prefix_a, cls[-1], lex)
    runs_on = _ends_sentence(simp, a.q.end) and (a.colon or clause_like(simp[a.q.start:a.q.end]))
    if sp is None and len(cls) > 1 and (runs_on or (a.colon and a.speech_like)):
        # X表示，……，“……”。 / X表示，……否则“……”。: the reported sentence goes on into the quotation;
        # its speaker is the subject of the first clause that ends in a speech verb
        reported = [c for c in cls[:-1] if not _circumstance(simp[c[0]:c[1]])][:3]
        for c in reported:
            sp, verb = speaker_with_verb(simp, body, *c, lex, at_end=True)
            if sp is not None:
                break
        if sp is None and reported:
            sp, verb = _subject_as_written(simp, body, *reported[0], lex)
    if sp is not None and (a.colon or a.speech_like or runs_on):
        return {"pattern": "before", "speaker": sp, "verb": verb}
    return {}


def _subject_as_written(simp: str, body: str, c0: int, c1: int, lex: SpeakerLexicon):
    """(speaker, verb) for a clause "<subject><speech verb>" whose subject no rule parses
    (合资四方称, 上海中期期货分析(博客专区)师黄慧雯表示): the subject kept as written, its role
    from the text where it names a body; (None, None) when the clause is not of that shape."""
    m = next((m for m in verb_matches(simp, c0, c1, lex) if verb_ends_clause(simp, m.end(), c1, lex)), None)
    if m is None:
        return None, None
    a, b = trim(simp, c0, m.start(), lex)
    subject = simp[a:b]
    if not (2 <= b - a <= 24) or subject in lex.pronouns or any(ch in "“”\"，。" for ch in subject):
        return None, None
    role = short_name_role(simp, subject, lex) or "unknown"
    return Speaker(text=body[a:b], start=a, end=b, role=role), body[m.start():m.end()]


_CONNECTIVES = ("不过", "但是", "然而", "同时", "此外", "另外", "而且", "此前", "其中", "对此", "为此")


def _circumstance(clause: str) -> bool:
    """A clause that opens a sentence without its subject: 此前, 不过, 在签约仪式上."""
    c = re.sub(r"[(（][^()（）]{0,20}[)）]", "", clause).strip()  # 昨日(6月20日)
    return c in _CONNECTIVES or is_adverbial(c)


def _ends_sentence(simp: str, end: int) -> bool:
    """Does nothing but punctuation follow the closing mark at ``end`` before the sentence ends?"""
    nxt = simp[end + 1:end + 2]
    return nxt == "" or nxt in SENTENCE_END + "\n"


def _verb_after_subject(simp: str, body: str, s0: int, clause: tuple[int, int], lex: SpeakerLexicon):
    """(speaker, verb) when ``clause`` is a bare speech verb (明確指出) whose subject opens the
    sentence at ``s0``; (None, None) otherwise."""
    c0, c1 = clause
    m = next((m for m in verb_matches(simp, c0, c1, lex) if verb_ends_clause(simp, m.end(), c1, lex)), None)
    if m is None or trim(simp, c0, m.start(), lex)[1] - c0 > 4:
        return None, None
    sp = sentence_subject(simp, body, s0, c0, lex)
    return sp, (body[m.start():m.end()] if sp is not None else None)


def _speaker_in_paragraph_before(simp: str, body: str, a: _Around, lex: SpeakerLexicon) -> dict:
    """``previous_sentence``: the paragraph before the quote ended with "X說："."""
    k = a.q.paragraph[0] - 1
    while k > 0 and simp[k - 1] in _SPACE + "\n":
        k -= 1
    if not (k > 0 and simp[k - 1] in "：:"):
        return {}
    pa = simp.rfind("\n", 0, k - 1) + 1
    cls = clauses(simp, pa, k - 1)
    if not cls:
        return {}
    sp, verb = speaker_with_verb(simp, body, *cls[-1], lex, at_end=True)
    return {"pattern": "previous_sentence", "speaker": sp, "verb": verb} if sp is not None else {}


def _attribute_after(simp: str, body: str, a: _Around, lex: SpeakerLexicon) -> dict:
    """``after``: “…”X說。, or with no verb a named person in the tail, past adverbials
    (“…”……企業負責人李公帥對……)."""
    sp, verb = speaker_with_verb(simp, body, a.tail_a, a.tail_b, lex)
    if sp is None:
        for c0, c1 in clauses(simp, a.tail_a, a.tail_b):
            cand = parse_speaker(simp, body, c0, c1, whole=False, lex=lex)
            if cand is not None and cand.name:
                sp = cand
                break
            if not is_adverbial(simp[c0:c1]):
                break
    return {"pattern": "after", "speaker": sp, "verb": verb} if sp is not None else {}


def _attribute_previous_sentence(simp: str, body: str, a: _Around, memory: _Memory,
                                 lex: SpeakerLexicon) -> dict:
    """``previous_sentence``: X介紹說，……。“……。” (the speaker of, or found in, the sentence before)."""
    ps0, ps1 = a.sents[a.si - 1]
    sp, verb = memory.speaker_of_sentence.get((ps0, ps1)), None
    if sp is None:
        sp, verb = speaker_with_verb(simp, body, ps0, ps1, lex)
    return {"pattern": "previous_sentence", "speaker": sp, "verb": verb} if sp is not None else {}


def _settle(simp: str, body: str, a: _Around, att: dict, memory: _Memory, lex: SpeakerLexicon) -> None:
    """Give the quote its kind and attribution; remember its speaker for the quotes after it."""
    q = a.q
    if att and not a.speech_like and _is_term(simp, q):
        att = {}  # “十二五”期间 after 表示，: a quoted term, not somebody's words
    if att:
        q.kind = "speech"
        _resolve(simp, body, a, att, memory, lex)
    elif a.speech_like:
        q.kind = "speech"
        att = {"pattern": "none", "speaker": None, "verb": None}
    else:
        q.kind = "phrase"
    q.attribution = att


def _is_term(simp: str, q: QuotedSpan) -> bool:
    """A quotation with no final punctuation that is short or that the sentence goes on after;
    a short one that is a clause and ends the sentence (X表示，……，“还在商洽中”。) is speech."""
    nxt = simp[q.end + 1:q.end + 2]
    if nxt != "" and (nxt.isalnum() or nxt in "（("):
        return True
    if q.end - q.start <= MAX_TERM:
        return not (_ends_sentence(simp, q.end) and clause_like(simp[q.start:q.end]))
    return False


def _resolve(simp: str, body: str, a: _Around, att: dict, memory: _Memory, lex: SpeakerLexicon) -> None:
    """Pronouns and bare names point back to an earlier, fuller mention (``resolved``)."""
    sp = att["speaker"]
    people = memory.people
    if sp.pronoun:
        same = _described_before_in_sentence(simp, body, a, sp, lex)
        if same is not None:
            att["resolved"] = same  # ……采访泸州老窖相关负责人，他表示：“……”
            memory.history.append(same)
            memory.speaker_of_sentence[(a.s0, a.s1)] = same
            return
        near = named_before(simp, body, a.sents, a.si, lex) if a.si is not None else None
        cands = [c for c in (near, memory.last_named) if c is not None]
        if people is not None and simp[sp.start:sp.end] in ("他", "她"):
            # 他/她: the person mentioned last before, in this paragraph or any earlier one
            cands.append(people.last_before(sp.start))
        cands = [c for c in cands if c is not None and c.start < sp.start]
        if cands:
            att["resolved"] = people.fuller(max(cands, key=lambda c: c.start)) if people else \
                max(cands, key=lambda c: c.start)
    elif people is not None and people.demonstrative(simp, sp):
        # 该负责人, 上述人士, 该公司: the last mention before with the same title or body
        ref = people.same_kind_before(simp, sp, memory.history)
        if ref is not None:
            att["resolved"] = ref
    elif sp.name and not sp.title and sp.name in memory.registry:
        att["resolved"] = memory.registry[sp.name]
    elif sp.name and people is not None and (not sp.title or sp.role == "unknown"):
        ref = people.fuller(sp)
        if ref is not sp:
            att["resolved"] = ref
    ref = att.get("resolved", sp)
    body_role = _role_from_text(simp, ref, lex)
    if body_role is not None:
        ref = replace(ref, role=body_role)
        att["resolved"] = ref
    if ref.name:
        memory.last_named = ref
        if ref.title:
            memory.registry[ref.name] = ref
    memory.history.append(ref)
    memory.speaker_of_sentence[(a.s0, a.s1)] = ref


def _role_from_text(simp: str, sp: Speaker, lex: SpeakerLexicon) -> str | None:
    """The role of the body a speaker belongs to when the text names that body elsewhere with
    its marker: 江口醇 (a "name") → 江口醇集团, 中粮Top Glory Australia发言人 → 中粮集团. Only
    for a speaker with no role yet (or a spokesman, who speaks for the body) whose organisation
    has no marker of its own, or a bare name."""
    spokesman = bool(sp.title) and to_simplified(sp.title).endswith("发言人")
    if sp.role != "unknown" and not spokesman:
        return None
    if sp.organisation:
        org = to_simplified(sp.organisation)
        if speaker_role(None, org, lex) != "unknown":
            return None
        for k in range(min(len(org), 10), 1, -1):
            r = short_name_role(simp, org[:k], lex)
            if r:
                return r
        return None
    if sp.name and not sp.title:
        k = simp.find(sp.name) if sp.name in simp else -1
        return short_name_role(simp, simp[k:k + len(sp.name)] if k >= 0 else sp.name, lex)
    return None


def _described_before_in_sentence(simp: str, body: str, a: _Around, sp: Speaker,
                                  lex: SpeakerLexicon) -> Speaker | None:
    """A titled person (named or not) in the clause just before the pronoun ``sp``, in its own
    sentence: the person the pronoun stands for (记者采访该公司相关负责人，他表示：)."""
    s0 = a.s0 if a.si is not None else a.q.paragraph[0]
    cls = [c for c in clauses(simp, s0, sp.start) if c[1] <= sp.start]
    if not cls:
        return None
    c0, c1 = cls[-1]
    for t in reversed(list(lex.title_re.finditer(simp, c0, c1))):
        if t.end() == c1 or simp[t.end():c1].strip() == "":
            k = c0
            for w in ("采访", "询问", "联系", "致电"):  # the object of 记者采访: from after the verb
                j = simp.rfind(w, c0, t.start())
                if j >= 0:
                    k = max(k, j + len(w))
            cand = parse_speaker(simp, body, k, c1, whole=True, lex=lex)
            if cand is not None and cand.title:
                return cand
    return None


def _classify_nested(simp: str, spans: list[QuotedSpan]) -> None:
    """Nested spans are coined phrases unless they read as speech themselves."""
    for q in spans:
        if q.depth > 0:
            q.kind = "nested_speech" if is_speech_like(simp[q.start:q.end]) else "phrase"


# ----------------------------------------------------------------- rows


def quote_rows(doc, spans: list[QuotedSpan]) -> list[dict]:
    """The quotes rows of a CleanDocument from its analysed spans (:func:`analyse_quotes`).

    Columns: doc_id, quote, speaker, role, start, end (``body[start:end] == quote``,
    quotation marks excluded), speaker_title, organisation, speaker_text (as written),
    speaker_start, speaker_end, anonymous, pattern, verb, n_chars."""
    body = doc.body
    rows = []
    for q in spans:
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


def doc_quotes(doc) -> list[dict]:
    """Direct speech of a CleanDocument, one row per quote (see :func:`quote_rows`).

    Analyses the document's quotations on its own; :func:`zhaoshang.analyses.rhetoric.analyse`
    shares one analysis between the quotes and the slogans rows."""
    return quote_rows(doc, analyse_quotes(doc.simplified, doc.body))
