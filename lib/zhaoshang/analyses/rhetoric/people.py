"""The people of one document: who is mentioned with a title, and where, for pointing back.

An article says once who a person is (江西某某有限公司董事长程成才) and later writes only the
name (程成才说), a pronoun (他表示) or a description (该负责人, 上述人士, 该公司). :class:`People`
indexes the titled mentions of the whole text (:func:`.speakers.titled_people`) so that
:mod:`.quotes` can give such a speaker the title, organisation and role of the fuller mention,
across paragraphs. Offsets are those of the Simplified text (character-aligned with the body).
"""
from __future__ import annotations

import bisect

from zhaoshang.analyses.rhetoric.speakers import (
    DEMONSTRATIVES,
    Speaker,
    SpeakerLexicon,
    titled_people,
    with_people,
)


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
