"""The speaker lexicon: titles, organisations, speech verbs, known speakers and surnames.

Read once from package data (``lexicon/titles.yaml``, ``lexicon/speech_verbs.yaml``, written in
Simplified script) into a frozen :class:`SpeakerLexicon` with the regular expressions that
:mod:`.speakers` and :mod:`.roles` match with.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zhaoshang import resources
from zhaoshang.analyses.rhetoric.lexicons import read_yaml_file

TITLES_RESOURCE = "lexicon/titles.yaml"
SPEECH_VERBS_RESOURCE = "lexicon/speech_verbs.yaml"


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
    experts: frozenset = frozenset()  # titles whose role (other) wins over the organisation
    internal: frozenset = frozenset()  # units that take the role of the body before them


@lru_cache(maxsize=4)
def speaker_lexicon(titles_file: str | None = None, verbs_file: str | None = None) -> SpeakerLexicon:
    """Load ``titles.yaml`` and ``speech_verbs.yaml`` (cached)."""
    t = read_yaml_file(titles_file)[0] if titles_file else resources.read_yaml(TITLES_RESOURCE)
    v = read_yaml_file(verbs_file)[0] if verbs_file else resources.read_yaml(SPEECH_VERBS_RESOURCE)
    title_role: dict[str, str] = {}
    for role, words in t["titles"].items():
        for w in words:
            title_role[str(w)] = "unknown" if role == "ambiguous" else role
    for w in str(t.get("expert_titles", "")).split():
        title_role[w] = "other"
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
        experts=frozenset(str(t.get("expert_titles", "")).split()),
        internal=frozenset(str(t.get("internal_units", "")).split()),
    )
