"""Tables as the report shows them: no NaN/None, a sentence for an empty table, chosen columns only."""
from __future__ import annotations

import math

import pandas as pd
from zhaoshang.outputs.display import MISSING, cell_text, show


def test_missing_values_of_every_kind_are_a_dash():
    for v in (None, math.nan, float("nan"), pd.NA, pd.NaT):
        assert cell_text(v) == MISSING
    assert cell_text(0) == "0" and cell_text(0.0) == "0"  # a zero is a value, not a missing one
    assert cell_text(2014.0) == "2014" and cell_text(29800000000.0) == "29,800,000,000"
    assert cell_text(1.30349) == "1.303"
    assert cell_text(["减免", "稅收"]) == "减免、稅收"
    assert cell_text("甲" * 100, max_chars=10) == "甲" * 9 + "…"


def test_an_empty_table_is_a_sentence_not_a_bare_header():
    empty = pd.DataFrame(columns=["path", "error"])
    view = show(empty, empty="Every input was read.")
    assert view._repr_html_() == '<p class="zs-empty"><em>Every input was read.</em></p>'
    assert repr(view) == "Every input was read."


def test_columns_rows_and_link():
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "place": ["费县", None, math.nan], "value": [1.0, math.nan, 3.0],
                       "wide": ["x", "y", "z"]})
    view = show(df, columns=["place", "value", "not_there"], rows=2, csv="figures", empty="none")
    page = view._repr_html_()
    assert '<th>place</th><th class="zs-num">value</th></tr>' in page and "doc_id" not in page and "wide" not in page
    cells = [c.split("</td>")[0].split(">")[-1] for c in page.split("<td")[1:]]
    assert cells == ["费县", "1", MISSING, MISSING]
    assert "first 2 of 3 rows" in page and 'href="tables/figures.csv"' in page
    assert "NaN" not in page and "None" not in page and "nan" not in repr(view)


def test_index_and_multiindex_columns_are_flattened():
    df = pd.DataFrame([[0.98, 0.9]], columns=pd.MultiIndex.from_tuples([("precision", "zhaoshang"), ("precision", "jionlp")]),
                      index=pd.Index(["amounts"], name="figures"))
    page = show(df, index=True, empty="none")._repr_html_()
    assert '<th>figures</th><th class="zs-num">precision zhaoshang</th><th class="zs-num">precision jionlp</th>' in page


def test_arrays_are_joined_and_blank_columns_named():
    df = pd.DataFrame({"domain": ["combat"], "terms": [pd.array(["主力军", "攻坚战"], dtype="string")],
                       "title": [None]})
    view = show(df, empty="none")
    page = view._repr_html_()
    assert "<td>主力军、攻坚战</td>" in page and "Array" not in page
    assert "<th>title</th>" not in page and "No value in any row: title." in page
