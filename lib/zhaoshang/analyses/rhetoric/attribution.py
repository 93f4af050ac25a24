"""Attribution: the clauses around a quotation, the speech verbs in them, and who they name.

:mod:`.quotes` asks these where a quotation's speaker is: the clause with a speech
verb and a subject before or after it (孫業說：“…”, “…”楊宇說), the named subject
opening a sentence whose later clause speaks (毛主席……明确指出：“……”), or the
nearest titled person named in the sentences before. The speakers themselves are
parsed by :mod:`.speakers`.
"""
from __future__ import annotations

from zhaoshang.analyses.rhetoric.speaker_lexicon import SpeakerLexicon
from zhaoshang.analyses.rhetoric.speakers import CLAUSE_SEP, Speaker, parse_speaker


def verb_matches(simp: str, a: int, b: int, lex: SpeakerLexicon):
    for m in lex.verb_re.finditer(simp, a, b):
        v = m.group()
        nxt = simp[m.end():m.end() + 2]
        if any(nxt.startswith(x) for x in lex.not_followed_by.get(v, ())):
            continue
        prv = simp[m.start() - 1] if m.start() > 0 else ""
        if prv in lex.not_preceded_by.get(v, ()):
            continue
        yield m


def clauses(simp: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    s = a
    for i in range(a, b):
        if simp[i] in CLAUSE_SEP:
            if i > s:
                out.append((s, i))
            s = i + 1
    if b > s:
        out.append((s, b))
    return out


def speaker_with_verb(simp, body, a, b, lex, *, at_end: bool = False):
    """(speaker, verb) from the first clause of [a, b) with a speech verb and a subject.

    ``at_end``: the verb must end its clause (used before a quote: 孫業說：)."""
    for c0, c1 in clauses(simp, a, b):
        for m in verb_matches(simp, c0, c1, lex):
            if at_end and not verb_ends_clause(simp, m.end(), c1, lex):
                continue
            sp = parse_speaker(simp, body, c0, m.start(), whole=True, lex=lex)
            if sp:
                return sp, body[m.start():m.end()]
    return None, None


def verb_ends_clause(simp: str, i: int, c1: int, lex: SpeakerLexicon) -> bool:
    """Only a verb tail (过, 的, 说: 说过：, 所说的：, 指示说：) stands between ``i`` and ``c1``."""
    rest = simp[i:c1].strip()
    return rest == "" or rest in lex.verb_tail


def sentence_subject(simp, body, s0, c0, lex) -> Speaker | None:
    """The named speaker opening the sentence ``[s0, c0)`` whose later clause has a verb with
    no subject of its own: 毛主席批判了他们的破坏活动，明确指出：“……”."""
    for k0, k1 in clauses(simp, s0, c0):
        sp = parse_speaker(simp, body, k0, k1, whole=False, lex=lex)
        if sp is not None and sp.name:
            return sp
        break  # only the first clause of the sentence carries its subject
    return None


def named_before(simp, body, sents, si, lex, *, lookback: int = 3) -> Speaker | None:
    """The nearest titled, named person in the sentences before sentence ``si`` (same paragraph)."""
    for k in range(si - 1, max(si - 1 - lookback, -1), -1):
        found = None
        for c0, c1 in clauses(simp, *sents[k]):
            sp, _ = speaker_with_verb(simp, body, c0, c1, lex)
            if sp is None:
                cand = parse_speaker(simp, body, c0, c1, whole=False, lex=lex)
                sp = cand if cand is not None and cand.name else None
            if sp is not None and sp.name:
                found = sp  # the last one in the sentence is the nearest
        if found is not None:
            return found
    return None
