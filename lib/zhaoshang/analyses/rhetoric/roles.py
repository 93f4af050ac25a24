"""Roles of speakers: official, enterprise, other or unknown, from what the text says of them.

A known speaker has their own role (national leaders are officials); otherwise the right-most
organisation marker of the speaker's organisation decides (招商局 → official, 集团 → enterprise,
学会 → other), then the title; an expert's title (分析师, 教授) is ``other`` wherever employed.
"""
from __future__ import annotations

import re

from zhaoshang.analyses.rhetoric.speaker_lexicon import SpeakerLexicon, speaker_lexicon

ROLES = ("official", "enterprise", "other", "unknown")


def org_role(org: str, lex: SpeakerLexicon) -> str | None:
    """Role of the right-most organisation marker in ``org`` (longest on ties)."""
    found = []  # (end, length, role, internal)
    for i in range(len(org)):
        m = lex.org_re.match(org, i)
        if m:
            found.append((m.end(), len(m.group()), lex.org_role[m.group()], m.group() in lex.internal))
    if not found:
        return None
    best = max(found, key=lambda f: (f[0], f[1]))
    if best[3]:
        # a unit inside a body (武钢集团党委, 学会专业委员会) takes the role of that body
        outer = [f for f in found if f[0] <= best[0] - best[1] and not f[3]]
        if outer:
            return max(outer, key=lambda f: (f[0], f[1]))[2]
    return best[2]


def speaker_role(title: str | None, organisation: str | None, lex: SpeakerLexicon | None = None,
                 *, name: str | None = None) -> str:
    """official / enterprise / other / unknown: a known speaker's own role (毛泽东 → official),
    else from the organisation, then the title."""
    lex = lex or speaker_lexicon()
    if name and name in lex.known:
        return lex.known[name]
    if title and any(m.group() in lex.experts for m in lex.title_re.finditer(title)):
        return "other"  # an analyst or a professor speaks as an expert, wherever employed
    if organisation and "、" in organisation:
        # several posts (省专卖局副局长、行业协会会长): an office in government or a firm decides
        roles = [speaker_role(t, o or None, lex)
                 for k, (o, t) in enumerate(_posts(organisation, title, lex))]
        for r in ("official", "enterprise", "other"):
            if r in roles:
                return r
    if organisation:
        r = org_role(organisation, lex)
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


def _posts(organisation: str, title: str | None, lex: SpeakerLexicon) -> list[tuple[str, str | None]]:
    """The (organisation, title) of each post in "A局副局长、B协会" + title, last post first."""
    parts = organisation.split("、")
    out = [(parts[-1], title)]
    for p in reversed(parts[:-1]):
        ms = [m for m in lex.title_re.finditer(p) if m.end() == len(p)]
        out.append((p[:ms[-1].start()], ms[-1].group()) if ms else (p, None))
    return out


def short_name_role(simp: str, name: str, lex: SpeakerLexicon) -> str | None:
    """The role of a body named without its marker (中粮, 江口醇, 武钢) that the text writes
    elsewhere with one right after it (中粮集团, 江口醇集团, 武钢集团), else None."""
    if not (2 <= len(name) <= 10) or name in lex.pronouns or lex.title_re.search(name) \
            or not all(c.isalnum() for c in name):
        return None
    i = simp.find(name)
    while i >= 0:
        m = lex.org_re.match(simp, i + len(name))
        if m:
            return lex.org_role[m.group()]
        if _BUSINESS_AFTER.match(simp, i + len(name)):
            return "enterprise"  # 索尼第一财季净亏损155亿日元: a firm's results are reported of it
        i = simp.find(name, i + 1)
    return None


# what is said only of a firm, right after its name: its results, its shares, its officers
_BUSINESS_AFTER = re.compile(r"(?:20\d\d年)?(?:第[一二三四1-4]财季|财季|财年|财报|年报|净利润|净亏损|营业利润|营业收入|营收|股价|市值|"
                             r"旗下|董事长|总裁|首席执行官|CEO)")
