"""The people of one document: who is mentioned with a title, and where, for pointing back.

An article says once who a person is (江西某某有限公司董事长程成才) and later writes only the
name (程成才说), a pronoun (他表示) or a description (该负责人, 上述人士, 该公司). :class:`People`
indexes the titled mentions of the whole text (:func:`titled_people`) so that
:mod:`.quotes` can give such a speaker the title, organisation and role of the fuller mention,
across paragraphs. Offsets are those of the Simplified text (character-aligned with the body).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from zhaoshang.analyses.rhetoric.speaker_lexicon import SpeakerLexicon, speaker_lexicon
from zhaoshang.analyses.rhetoric.speakers import FOREIGN_NAME, Speaker, all_han, name_at, parse_speaker, surname_len


_MENTION_BOUNDARY = "，,：:；;。！？!?\n“”「」"
DEMONSTRATIVES = ("上述这位", "上述", "该名", "该位", "这位", "这名", "此位", "那位", "该")
"""Words before a title or organisation that point back to an earlier mention (该负责人, 上述人士)."""


def _loose_name(s: str, i: int, b: int, lex: SpeakerLexicon) -> int:
    """A three-character name right after a title that nothing delimits (总经理陆建中走出): a
    surname, no title, organisation or pronoun in it, not a word such as 对/在 starting it, and
    written again elsewhere in the text (so 总经理刘洋满怀豪情 gives no name 刘洋满)."""
    if i + 3 > b or s[i] in lex.after_name or not all_han(s[i:i + 3]) or not surname_len(s, i, lex):
        return 0
    w = s[i:i + 3]
    if w in lex.not_names or w[:2] in lex.not_names or lex.title_re.search(w) or lex.org_re.search(w):
        return 0
    # a guess is taken only when the text writes the same three characters again elsewhere
    return 3 if s.count(w) >= 2 else 0


def _plausible_name(simp: str, body: str, sp: Speaker, lex: SpeakerLexicon) -> bool:
    """A mention's name starts with a surname, is foreign or known, and is no common word."""
    k = body.find(sp.name, sp.start, sp.end)
    nm = simp[k:k + len(sp.name)]
    if nm in lex.not_names or "的" in nm or nm in lex.pronouns or lex.org_re.search(nm):
        return False
    return bool(nm in lex.known or surname_len(simp, k, lex) or FOREIGN_NAME.fullmatch(nm))


def titled_people(simp: str, body: str, lex: SpeakerLexicon | None = None) -> list[Speaker]:
    """Every mention of a person with a title in the text (董事长程成才, 李顺利科长), in order.

    What the article says about a person once (a title, an organisation) holds wherever they
    speak later: :mod:`.quotes` gives a bare name, a pronoun or 该负责人 the role of the mention."""
    lex = lex or speaker_lexicon()
    out: list[Speaker] = []
    last_end = -1
    for t in lex.title_re.finditer(simp):
        if t.start() < last_end:
            continue
        # the mention starts after the last boundary, at most 40 characters back: looked for in
        # that window only (searching the whole text before each title was quadratic)
        lo = max(t.start() - 40, last_end, 0)
        c0 = max(lo, max(simp.rfind(ch, lo, t.start()) for ch in _MENTION_BOUNDARY) + 1)
        lim = min(len(simp), t.end() + 30)
        n = name_at(simp, t.end(), lim, lex, whole=False, titled=True) or _loose_name(simp, t.end(), lim, lex)
        sp = parse_speaker(simp, body, c0, t.end() + n, whole=True, lex=lex)
        if sp is not None and sp.name and sp.title and not sp.pronoun and sp.name in body[sp.start:sp.end] \
                and _plausible_name(simp, body, sp, lex):
            out.append(sp)
            last_end = sp.end
    return out


def with_people(lex: SpeakerLexicon, people: list[Speaker], simp: str, body: str) -> SpeakerLexicon:
    """``lex`` knowing the document's titled people by name, with the role of their mention
    (a name met once with a title is a name wherever it stands: 柳传志毫不避讳……，表示：)."""
    known = {}
    for p in people:
        k = body.find(p.name, p.start, p.end)
        nm = simp[k:k + len(p.name)]
        if p.role != "unknown" and nm not in known and len(nm) >= 2:
            known[nm] = p.role
    if not known:
        return lex
    return replace(lex, known={**known, **lex.known})


class People:
    """Titled mentions of a document, and every later occurrence of their names."""

    def __init__(self, simp: str, body: str, lex: SpeakerLexicon):
        self.mentions = titled_people(simp, body, lex)
        self.lex = with_people(lex, self.mentions, simp, body)
        self.by_name: dict[str, Speaker] = {}
        for p in self.mentions:
            best = self.by_name.get(p.name)
            if best is None or (best.role == "unknown" and p.role != "unknown"):
                self.by_name[p.name] = p
        # every occurrence of a known name: (start, the fuller mention)
        occ: list[tuple[int, Speaker]] = []
        for name, p in self.by_name.items():
            if len(name) < 2:
                continue
            i = body.find(name)
            while i >= 0:
                occ.append((i, p))
                i = body.find(name, i + len(name))
        occ.sort(key=lambda x: x[0])
        self._occ = occ
        self._starts = [x[0] for x in occ]

    def fuller(self, sp: Speaker) -> Speaker:
        """The titled mention of ``sp``'s name, or ``sp`` when there is none (or it has a role)."""
        if sp.name and sp.name in self.by_name and (not sp.title or sp.role == "unknown"):
            return self.by_name[sp.name]
        return sp

    def last_before(self, pos: int) -> Speaker | None:
        """The titled person whose name occurs last before ``pos``, as a Speaker at that place."""
        k = bisect.bisect_left(self._starts, pos) - 1
        if k < 0:
            return None
        start, p = self._occ[k]
        return Speaker(text=p.name, start=start, end=start + len(p.name), name=p.name, title=p.title,
                       organisation=p.organisation, role=p.role)

    @staticmethod
    def demonstrative(simp: str, sp: Speaker) -> bool:
        """Does the speaker point back (该负责人, 上述人士, 这位业内人士, 该公司)?"""
        return not sp.name and simp[sp.start:sp.end].startswith(DEMONSTRATIVES)

    def same_kind_before(self, simp: str, sp: Speaker, history: list[Speaker]) -> Speaker | None:
        """The last mention before ``sp`` with its title (该负责人 → …负责人张扬) or, for a body
        (该公司), the last speaker or mention whose organisation ends with the same word."""
        text = simp[sp.start:sp.end]
        head = next((text[len(d):] for d in DEMONSTRATIVES if text.startswith(d)), text)
        title = sp.title
        cands = [p for p in self.mentions if p.end <= sp.start] + [h for h in history if h.start < sp.start]
        for p in sorted(cands, key=lambda p: p.start, reverse=True):
            if title and p.title and p.title.endswith(title):
                return p
            if not title and head and p.organisation and not p.name \
                    and simp[p.start:p.end].endswith(head[-2:]):
                return p
        return None
