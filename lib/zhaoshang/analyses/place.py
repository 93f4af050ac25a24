"""The document's own place: the government a work report speaks for, the main place of a story.

documents.csv gets ``place``, ``place_code``, ``place_level`` and ``province``:

* a report to the 全国人民代表大会 or by the 国务院 speaks for the whole country: place 全国, level
  ``country``, no code and no province;
* a work report (政府工作报告, 人民代表大会 in its title or opening) is the place of the government
  that speaks, :meth:`zhaoshang.text.places.Gazetteer.own_place`: of the places its title and first
  lines name (not in passing), the one its opening (:data:`OPENING`) names most often — 海拉尔区 for
  《海拉尔区人民政府工作报告》, which opens 在海拉尔区第十三届人民代表大会…上;
* a story is about the place its headline names, when it names one (山东创新招商引资模式 is about
  山东省, though its opening names 安丘市, its first example, most often), else the place its opening
  names most often; a story whose headline and opening name no place has none (all four empty).

A document without a title is read with its file name as the title, as corpora are often named
by title (《1985年中华人民共和国国务院政府工作报告.txt》 opens with 各位代表 and names 香港 first).
The place is what a panel groups documents by (:mod:`zhaoshang.research.panel`), so it is the
document's, not its figures' (each figure has its own place in figures.csv).
"""
from __future__ import annotations

from pathlib import PurePosixPath

from zhaoshang.model import CleanDocument
from zhaoshang.text.places import gazetteer
from zhaoshang.text.script import to_script, to_simplified

COUNTRY = "全国"
"""The place of a national document (a State Council work report)."""
COUNTRY_LEVEL = "country"
PLACE_COLUMNS = ("place", "place_code", "place_level", "province")
OPENING = 3000
"""Characters of the body read for the document's place: the title and opening name it, and the
one named most often here wins. A bound, so the cost per document is constant: over national-gwr
the whole documents took 0.73 s (figures: 3.4 s, same run), the openings 0.07 s (figures 1.6 s);
of the 152 reference documents one changed, a news digest of several stories with no main place."""


def doc_place(doc: CleanDocument) -> dict[str, str | None]:
    """The document's own place as documents.csv columns (:data:`PLACE_COLUMNS`), displayed in
    the document's script; all None when the document names no place of its own."""
    gaz = gazetteer()
    title = _title(doc)
    _mentions, own = gaz.analyse(doc.simplified[:OPENING], title=title)
    if own.national:
        return {"place": COUNTRY, "place_code": None, "place_level": COUNTRY_LEVEL, "province": None}
    code = own.code if own.speaker else (_headline_place(gaz, title, doc.simplified[:OPENING]) or own.code)
    if not code:
        return dict.fromkeys(PLACE_COLUMNS)
    script = doc.script if doc.script in ("traditional", "simplified") else "simplified"
    place = gaz.places[code]
    province = gaz.level_names(code)["province"]
    return {"place": to_script(place.name, script), "place_code": place.code, "place_level": place.level,
            "province": to_script(province, script) if province else None}


def _headline_place(gaz, title: str, opening: str) -> str | None:
    """The place a story's headline names (not in passing): the most specific of those that lie
    within one another (湖北枣阳 → 枣阳市), and of places apart the one the opening names most
    often, the first named on a tie. The headline is read together with the opening, so that a
    county's short name (枣阳, 太仓), which counts only beside its prefecture, is found when the
    opening names the prefecture. None when the headline names no place."""
    mentions = gaz.find(f"{title}\n{opening}")
    cut = len(title)
    named = [m.code for m in mentions if m.end <= cut and m.code and not m.passing and not m.anaphor]
    codes = list(dict.fromkeys(named))
    codes = [c for c in codes if not any(o != c and gaz.is_within(o, c) for o in codes)]
    # a foreign country in the headline (重庆轻纺集团收购德国汽配大佬) leaves the story to the
    # document's own place, which prefers a Chinese one
    codes = [c for c in codes if gaz.places[c].level != "country"]
    if not codes:
        return None
    counts: dict[str, int] = {}
    for m in mentions:
        if m.start > cut and m.code and not m.passing:
            for c in codes:
                if gaz.is_within(m.code, c):
                    counts[c] = counts.get(c, 0) + 1
    return max(codes, key=lambda c: (counts.get(c, 0), -codes.index(c)))


def _title(doc: CleanDocument) -> str:
    """The title the place is read from (Simplified): the document's, else its file name."""
    if doc.title_simplified:
        return doc.title_simplified
    stem = PurePosixPath(doc.path.split("#", 1)[0].replace("\\", "/")).stem
    return to_simplified(stem)
