"""panel.csv and the document-term matrix on hand-made tables."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest
from zhaoshang.research import PANEL_COLUMNS, document_term_matrix, document_units, panel


def hand_tables(**documents_extra):
    # 海拉尔区 (county of 呼伦贝尔市, 内蒙古) 2016 and 2018; 满洲里市 (county-level city of 呼伦贝尔市)
    # 2018; a national report 2017; a story with no place; a document with no year.
    documents = pd.DataFrame({
        "doc_id": ["h16", "h18", "m18", "n17", "s18", "x"],
        "year": [2016, 2018, 2018, 2017, 2018, None],
        "title": ["报告", "", None, "政府工作报告", "新闻", "无年"],
        "n_chars": [998, 3000, 1000, 5000, 100, 50],
        "place": ["海拉尔区", "海拉尔区", "满洲里市", "全国", None, "海拉尔区"],
        "place_code": ["150702", "150702", "150781", None, None, "150702"],
        "place_level": ["county", "county", "county", "country", None, "county"],
        **documents_extra})
    term_counts = pd.DataFrame({"doc_id": ["h16", "h18", "m18", "n17", "s18"],
                                "term": ["招商引资"] * 5, "count": [2, 3, 4, 7, 1]})
    rhetoric = pd.DataFrame({"doc_id": ["h16", "h18", "m18", "n17", "s18"], "category": ["env"] * 5,
                             "hits": [1, 0, 2, 3, 1]})
    figures = pd.DataFrame({"doc_id": ["h18", "h18", "h18", "m18"], "kind": ["amount"] * 4,
                            "value": [1e8, 2e7, 5e6, 3e8], "value_high": [None, None, None, 4e8],
                            "currency": ["CNY", "CNY", "USD", "CNY"],
                            "part_of": [None, "h18#1", None, None], "conversion_of": [None] * 4,
                            "family": ["investment_signed"] * 4, "year": [2017, 2017, 2017, None]})
    return SimpleNamespace(documents=documents, term_counts=term_counts, rhetoric=rhetoric, figures=figures)


def cell(p, unit, year, measure):
    rows = p[(p["unit"] == unit) & (p["year"] == year) & (p["measure"] == measure)]
    assert len(rows) == 1, (unit, year, measure)
    return rows.iloc[0]


def test_the_panel_is_balanced_and_rates_are_per_10k_characters():
    p = panel(hand_tables(), terms=["招商引资", "营商环境"])
    assert list(p.columns) == PANEL_COLUMNS
    # 3 units (全国, 海拉尔区, 满洲里市) × 3 years (2016..2018) × (2 terms + 1 category + 1 family)
    assert len(p) == 3 * 3 * 4
    h16 = cell(p, "海拉尔区", 2016, "招商引资")
    assert (h16["count"], h16["n_docs"], h16["n_chars"], h16["per_10k"]) == (2, 1, 1000, 20.0)  # 998 + 报告
    gap = cell(p, "海拉尔区", 2017, "招商引资")
    assert (gap["count"], gap["n_docs"], gap["n_chars"]) == (0, 0, 0) and pd.isna(gap["per_10k"])
    zero = cell(p, "海拉尔区", 2018, "营商环境")
    assert zero["count"] == 0 and zero["per_10k"] == 0.0 and zero["measure_kind"] == "term"
    assert cell(p, "全国", 2017, "env")["count"] == 3
    assert cell(p, "全国", 2017, "env")["unit_level"] == "country"
    notes = " ".join(p.attrs["notes"])
    assert "1 documents without a year" in notes and "1 documents without a place" in notes
    assert "1 figures in currencies other than CNY" in notes


def test_figure_families_sum_values_at_the_year_they_are_about_without_parts():
    p = panel(hand_tables(), terms=[])
    # h18's figures are about 2017: 1e8 (the 其中 part 2e7 and the USD figure left out)
    h = cell(p, "海拉尔区", 2017, "investment_signed_amount")
    assert (h["count"], h["value_low"], h["value_high"]) == (1, 1e8, 1e8)
    assert cell(p, "海拉尔区", 2018, "investment_signed_amount")["count"] == 0
    # m18's figure has no year of its own: its document's, 2018; a range 3e8..4e8
    m = cell(p, "满洲里市", 2018, "investment_signed_amount")
    assert (m["value_low"], m["value_high"]) == (3e8, 4e8)


def test_without_families_figure_measures_are_skipped_with_a_note():
    t = hand_tables()
    t.figures = t.figures.drop(columns=["family"])
    p = panel(t, terms=["招商引资"])
    assert set(p["measure_kind"]) == {"term", "category"}
    assert any("no metric family" in n for n in p.attrs["notes"])


def test_units_at_the_prefecture_level_join_the_counties():
    p = panel(hand_tables(), level="prefecture", terms=["招商引资"])
    r = cell(p, "呼伦贝尔市", 2018, "招商引资")
    assert (r["count"], r["n_docs"], r["n_chars"], r["unit_level"]) == (7, 2, 4000, "prefecture")
    assert cell(p, "全国", 2017, "招商引资")["count"] == 7  # a national report is 全国 at every level
    units = document_units(hand_tables().documents, "province")
    assert set(units["unit"]) == {"内蒙古自治区", "全国"}


def test_reposts_count_once_when_known():
    t = hand_tables(canonical=[True, False, True, True, True, True])
    p = panel(t, terms=["招商引资"])
    r = cell(p, "海拉尔区", 2018, "招商引资")
    assert (r["count"], r["n_docs"]) == (0, 0)
    assert any("1 reposts left out" in n for n in p.attrs["notes"])


def test_unknown_level():
    with pytest.raises(ValueError, match="unknown panel level"):
        panel(hand_tables(), level="village")


def test_document_term_matrix_has_every_document_and_zeros():
    m = document_term_matrix(hand_tables(), terms=["招商引资", "營商環境"])
    assert list(m.columns) == ["doc_id", "招商引资", "营商环境"]
    assert list(m["doc_id"]) == ["h16", "h18", "m18", "n17", "s18", "x"]
    assert list(m["招商引资"]) == [2, 3, 4, 7, 1, 0] and list(m["营商环境"]) == [0] * 6


def test_an_empty_panel_is_written_in_every_format(tmp_path):
    from zhaoshang.outputs.export import write_tables

    t = hand_tables()
    t.documents = t.documents.iloc[0:0]
    p = panel(t)
    assert list(p.columns) == PANEL_COLUMNS and p.empty and "the panel is empty" in p.attrs["notes"][-1]
    write_tables({"panel": p}, tmp_path, formats=("csv", "parquet", "dta", "xlsx"))
    assert list(pd.read_stata(tmp_path / "panel.dta").columns) == PANEL_COLUMNS
    assert pd.read_parquet(tmp_path / "panel.parquet").dtypes["count"] == "Int64"
