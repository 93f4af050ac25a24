"""Change over time and place on small hand-made tables whose every number is computed by hand."""
from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from zhaoshang.research import category_shares, first_appearance, keyness, terms_by_year


def hand_tables():
    """Three documents: a (2019, 北京市) and b (2019, 上海市) against c (2021, 北京市).

    Words: a has 招商 ×6 and 项目 ×44, b 招商 ×4 and 项目 ×46 — the 2019 group has 10 of 100
    words 招商, 90 项目; c has 招商 ×10 and 项目 ×190: 10 of 200 招商, 190 项目."""
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "year": [2019, 2019, 2021], "place": ["北京市", "上海市", "北京市"],
        "title": ["甲", "", None], "n_chars": [999, 1000, 2000]})
    term_counts = pd.DataFrame({"doc_id": ["a", "a", "c"], "term": ["营商环境", "招商引资", "营商环境"],
                                "count": [2, 1, 5]})
    rhetoric = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c"],
                             "category": ["env", "chain"] * 3, "label": ["Env", "Chain"] * 3,
                             "hits": [3, 1, 0, 0, 2, 2]})
    doc_words = [{"招商": {"招商": 6}, "项目": {"项目": 44}},
                 {"招商": {"招商": 4}, "项目": {"項目": 40, "项目": 6}},
                 {"招商": {"招商": 10}, "项目": {"项目": 190}}]
    return SimpleNamespace(documents=documents, term_counts=term_counts, rhetoric=rhetoric,
                           doc_words=doc_words, figures=pd.DataFrame(columns=["doc_id"]))


def test_keyness_between_eras_by_hand():
    # 招商: a = 10 of c = 100 words in 2019, b = 10 of d = 200 in 2021.
    # E1 = 100·20/300 = 6.6667, E2 = 200·20/300 = 13.3333;
    # G² = 2·(10·ln(10/6.6667) + 10·ln(10/13.3333)) = 2·(10·0.405465 − 10·0.287682) = 2.35566
    # Log Ratio = log2((10/100)/(10/200)) = 1. 项目 (0.90 against 0.95) is less frequent: not listed.
    out = keyness(hand_tables(), by="year", target=2019, min_count=1)
    assert list(out["word"]) == ["招商"]
    row = out.iloc[0]
    assert (row["count"], row["ref_count"]) == (10, 10)
    assert row["ll"] == pytest.approx(2.35566, abs=1e-3)
    assert row["log_ratio"] == pytest.approx(1.0)
    assert out.attrs == {"n_docs": 2, "ref_n_docs": 1}


def test_keyness_the_other_way_and_by_place():
    # 2021 against 2019: 项目 190/200 = 0.95 against 90/100 = 0.90, E1 = 200·280/300 = 186.667,
    # E2 = 93.333: G² = 2·(190·ln(190/186.667) + 90·ln(90/93.333)) = 2·(3.36300 − 3.27316) = 0.1797
    out = keyness(hand_tables(), by="year", target=lambda y: y > 2020, min_count=1)
    assert list(out["word"]) == ["项目"] and out.iloc[0]["ll"] == pytest.approx(0.1797, abs=1e-3)
    # 上海市 (b) against 北京市 (a, c): 项目 46/50 = 0.92 against 234/250 = 0.936 → nothing more frequent
    # but 招商 4/50 = 0.08 against 16/250 = 0.064: listed
    by_place = keyness(hand_tables(), by="place", target="上海市", min_count=1)
    assert list(by_place["word"]) == ["招商"] and by_place.attrs["ref_n_docs"] == 2


def test_keyness_of_terms_counts_group_size_in_characters():
    # 营商环境: 2 in 2019 (a: 999 + 1 title character, b: 1000 → 2000 characters), 5 in 2021 (2000).
    # Log Ratio = log2((2/2000)/(5/2000)) = log2(0.4) = −1.32: less frequent in 2019, so with
    # positive_only=False it is listed with direction '-'; per_10k = 2·10⁴/2000 = 10.
    out = keyness(hand_tables(), by="year", target=2019, counts="terms", min_count=1, positive_only=False)
    row = out.set_index("simplified").loc["营商环境"]
    assert row["direction"] == "-" and row["per_10k"] == pytest.approx(10.0)
    assert row["log_ratio"] == pytest.approx(math.log2(0.4), abs=1e-3)


def test_keyness_needs_a_column_to_group_by():
    with pytest.raises(ValueError, match="no column 'site'"):
        keyness(hand_tables(), by="site", target="x")


def test_terms_by_year_keeps_the_missing_year_and_flags_it():
    out = terms_by_year(hand_tables(), ["营商环境"])
    assert list(out["year"]) == [2019, 2020, 2021]
    assert list(out["count"]) == [2, 0, 5] and list(out["gap"]) == [False, True, False]
    assert list(out["n_chars"]) == [2000, 0, 2000]
    assert list(out["per_10k"]) == [10.0, 0.0, 25.0] and not out.isna().any().any()


def test_first_appearance():
    out = first_appearance(hand_tables(), ["營商環境", "招商引资", "双招双引"]).set_index("term")
    assert out.loc["营商环境", "first_year"] == 2019 and out.loc["营商环境", "last_year"] == 2021
    assert out.loc["营商环境", "first_doc"] == "a" and out.loc["营商环境", "count"] == 7
    assert out.loc["招商引资", "years"] == 1
    assert pd.isna(out.loc["双招双引", "first_year"]) and out.loc["双招双引", "count"] == 0


def test_category_shares():
    out = category_shares(hand_tables()).set_index(["year", "category"])
    # 2019: env 3, chain 1 of 4 hits; 2020: no document; 2021: 2 and 2
    assert out.loc[(2019, "env"), "share"] == 0.75 and out.loc[(2019, "chain"), "share"] == 0.25
    assert out.loc[(2020, "env"), "gap"] and out.loc[(2020, "env"), "share"] == 0
    assert out.loc[(2021, "chain"), "share"] == 0.5
    assert out.loc[(2019, "env"), "per_10k"] == 15.0  # 3 hits in 2000 characters
    assert not out.isna().any().any()


def test_category_shares_of_a_year_with_documents_and_no_hit_are_zero_not_missing():
    t = hand_tables()
    t.rhetoric = t.rhetoric.assign(hits=[3, 1, 0, 0, 0, 0])  # 2021's document has no hit
    out = category_shares(t).set_index(["year", "category"])
    assert out.loc[(2021, "env"), "share"] == 0.0 and out.loc[(2021, "chain"), "per_10k"] == 0.0
    assert not out.loc[(2021, "env"), "gap"]  # a year with a document is no gap, even without hits


def test_figures_by_year_and_family():
    from zhaoshang.research import figures_by_year

    t = hand_tables()
    assert figures_by_year(t).empty and "no metric family" in figures_by_year(t).attrs["note"]
    t.figures = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c", "c"], "kind": ["amount", "amount", "amount", "count", "amount", "amount"],
        "value": [1e9, 2e8, 5e8, 30, 7e6, 4e8], "value_high": [None, None, 6e8, None, None, None],
        "currency": ["CNY", "CNY", "CNY", None, "USD", "CNY"], "part_of": [None, "a#1", None, None, None, None],
        "family": ["gdp", "gdp", "gdp", "gdp", "gdp", "gdp"], "year": [2018, 2018, None, 2021, 2021, 2021]})
    out = figures_by_year(t).set_index(["year", "family", "kind"])
    # a's total about 2018 (its 其中 part left out); b's range 5e8..6e8 in its document's year, 2019;
    # c in 2021: 30 projects and 4e8 yuan of the same family stay two rows (yuan and projects are
    # never added), the USD amount left out
    assert out.loc[(2018, "gdp", "amount")].tolist() == [1, 1e9, 1e9, 1]
    assert out.loc[(2019, "gdp", "amount")].tolist() == [1, 5e8, 6e8, 1]
    assert out.loc[(2021, "gdp", "count")].tolist() == [1, 30, 30, 1]
    assert out.loc[(2021, "gdp", "amount")].tolist() == [1, 4e8, 4e8, 1]
    assert len(out) == 4
