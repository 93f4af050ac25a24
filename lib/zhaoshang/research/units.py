"""Which unit (place) and year each document counts for in a panel, and how long it is.

A document's unit is its own place (documents.csv ``place_code``, see
:mod:`zhaoshang.analyses.place`) taken to the chosen level:

* ``document-place`` – the place itself (海拉尔区, 北京市, 全国);
* ``province`` / ``prefecture`` / ``county`` – the place's division at that level along its
  gazetteer chain (海拉尔区 → 呼伦贝尔市 at ``prefecture``, 内蒙古自治区 at ``province``). A document
  whose place is coarser than the level (a province's report in a county panel) belongs to no
  unit there and is left out, and so is a document with no place or no year.

A national document (place 全国, level ``country``) is the unit 全国 at every level: it speaks for
the country, not for any of its provinces. Units are keyed by gazetteer code and named by the
gazetteer's (Simplified) full name, so 臺南市 and 台南市 are one unit.

When reposts are known (documents.csv has a ``canonical`` column) only canonical documents
count, so a story reposted by ten sites is counted once. ``n_chars`` is the length of title and
body, the text that term counts and rhetoric hits are counted in.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.analyses.place import COUNTRY, COUNTRY_LEVEL
from zhaoshang.text.places import gazetteer

PANEL_LEVELS = ("document-place", "province", "prefecture", "county")
"""The unit levels a panel can have (``--panel-level``)."""

UNIT_COLUMNS = ["doc_id", "unit", "unit_code", "unit_level", "year", "n_chars"]


def document_units(documents: pd.DataFrame, level: str = "document-place") -> pd.DataFrame:
    """One row per document that counts for a unit at ``level``: doc_id, unit, unit_code,
    unit_level, year, n_chars. ``.attrs["notes"]`` says which documents were left out and why."""
    if level not in PANEL_LEVELS:
        raise ValueError(f"unknown panel level {level!r}; use one of {', '.join(PANEL_LEVELS)}")
    notes: list[str] = []
    docs = documents
    if "canonical" in docs.columns and docs["canonical"].notna().any():
        keep = docs["canonical"].fillna(True).astype(bool)
        if (~keep).any():
            notes.append(f"{int((~keep).sum())} reposts left out (documents.canonical is false)")
        docs = docs[keep]
    rows = []
    no_year = no_place = coarser = 0
    cache: dict = {}
    for d in docs.itertuples(index=False):
        year = getattr(d, "year", None)
        if year is None or pd.isna(year):
            no_year += 1
            continue
        unit = _unit(getattr(d, "place_code", None), getattr(d, "place_level", None), level, cache)
        if unit is None:
            no_place += 1
            continue
        if unit is False:
            coarser += 1
            continue
        title = d.title if isinstance(d.title, str) else ""
        rows.append((d.doc_id, *unit, int(year), int(d.n_chars) + len(title)))
    if no_year:
        notes.append(f"{no_year} documents without a year left out")
    if no_place:
        notes.append(f"{no_place} documents without a place of their own left out")
    if coarser:
        notes.append(f"{coarser} documents whose place is above the {level} level left out")
    out = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    out["year"] = out["year"].astype("int64")
    out["n_chars"] = out["n_chars"].astype("int64")
    out.attrs["notes"] = notes
    return out


def _unit(code, place_level, level: str, cache: dict):
    """(unit, unit_code, unit_level) of a document place at ``level``; None without a place,
    False when the place is coarser than the level."""
    if place_level == COUNTRY_LEVEL and not (isinstance(code, str) and code):
        return (COUNTRY, "", COUNTRY_LEVEL)  # 全国 (a foreign country has a code: C:加拿大)
    if not isinstance(code, str) or not code:
        return None
    key = (code, level)
    if key not in cache:
        cache[key] = _division(code, level)
    return cache[key]


def _division(code: str, level: str):
    gaz = gazetteer()
    chain = gaz.chain(code)
    if not chain:
        return None
    if level == "document-place":
        return (chain[0].name, chain[0].code, chain[0].level)
    for place in chain:
        if place.level == level:
            return (place.name, place.code, place.level)
    return False
