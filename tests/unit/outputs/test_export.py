"""Exports: CSV that Excel opens, workbook, and no formula injection from untrusted text."""
from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook
from zhaoshang.outputs.export import neutralise, write_tables


def test_formula_like_cells_are_neutralised():
    df = pd.DataFrame({"quote": ["=HYPERLINK(\"http://evil\")", "+86 010", "-1+1", "@SUM(A1)", "正常文字", "\tTAB"],
                       "n": [-3, 1, 2, 3, 4, 5]})
    out = neutralise(df)
    assert list(out["quote"]) == ["'=HYPERLINK(\"http://evil\")", "'+86 010", "'-1+1", "'@SUM(A1)", "正常文字", "'\tTAB"]
    assert list(out["n"]) == [-3, 1, 2, 3, 4, 5]  # numbers stay numbers
    assert df["quote"][0].startswith("=")  # the input is not modified


def test_csv_has_bom_and_xlsx_has_a_sheet_per_table(tmp_path):
    tables = {"documents": pd.DataFrame({"doc_id": ["甲"], "title": ["=1+1"]}),
              "errors": pd.DataFrame({"path": ["x.bin"], "error": ["binary file"]})}
    written = write_tables(tables, tmp_path, formats=("csv", "xlsx"))
    assert sorted(p.name for p in written) == ["documents.csv", "errors.csv", "tables.xlsx"]
    raw = (tmp_path / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "甲".encode() in raw and b"'=1+1" in raw
    wb = load_workbook(tmp_path / "tables.xlsx")
    assert wb.sheetnames == ["documents", "errors"]
    assert wb["documents"]["B2"].value == "'=1+1" and wb["documents"]["B2"].data_type == "s"


# ------------------------------------------------------------------ typed exports

import datetime as dt
import warnings
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from zhaoshang import corpus, paths, schema
from zhaoshang.outputs.export import (
    FORMATS,
    _long_strings,
    column_widths,
    display_width,
    sheet_names,
    stata_names,
    typed,
)

ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
READ_BACK = {"int": "Int64", "float": "float64", "bool": "boolean"}  # what pandas reads back


@pytest.fixture(scope="module")
def sample():
    """The tables of the sample article (data/raw)."""
    t = corpus.run(paths.RAW, progress=False)
    return {name: t.table(name) for name in corpus.TABLES}


def empty_table(name: str) -> pd.DataFrame:
    """A table with no rows, built as corpus.run builds one (object columns)."""
    known = schema.COLUMNS[name] + schema.EXTRA_COLUMNS.get(name, [])
    return pd.DataFrame({c: pd.Series(dtype="object") for c in known})


def test_schema_types_every_column_of_every_table():
    # a verbatim copy for now: corpus.py will import it from schema.py
    assert schema.COLUMNS == corpus.COLUMNS and schema.EXTRA_COLUMNS == corpus.EXTRA_COLUMNS
    assert schema.TABLES == corpus.TABLES
    for name in schema.TABLES:
        known = schema.COLUMNS[name] + schema.EXTRA_COLUMNS.get(name, [])
        assert list(schema.SCHEMA[name]) == known
        for col in schema.SCHEMA[name].values():
            assert col.type in schema.TYPES and 0 < len(col.label) <= 80
        assert len(schema.table_label(name)) <= 80 and name in schema.table_label(name)
    assert schema.column("figures", "value").type == "float"  # 31.5元 exists: amounts are not all whole
    assert schema.column("figures", "added_later").type == "string"


def test_csv_bytes_are_unchanged(tmp_path):
    # Expected bytes written by the export before typed formats existed (checked by hand: BOM,
    # LF, csv quoting, Decimal and int as written, empty for None, the formula neutralised).
    df = pd.DataFrame({"doc_id": ["甲", "乙"], "value": [29800000000, Decimal("31.5")], "value_high": [None, None],
                       "per_10k": [117.096, 0.5], "distributive": [False, True],
                       "sentence": ["=1+1, “新引擎”", 'line\nbreak "q"'], "start": [-3, 5]})
    before = df.copy()
    write_tables({"figures": df}, tmp_path, formats=("parquet", "dta", "csv", "xlsx"))
    expected = ("\ufeffdoc_id,value,value_high,per_10k,distributive,sentence,start\n"
                "甲,29800000000,,117.096,False,\"'=1+1, “新引擎”\",-3\n"
                "乙,31.5,,0.5,True,\"line\nbreak \"\"q\"\"\",5\n").encode("utf-8")
    assert (tmp_path / "figures.csv").read_bytes() == expected
    pd.testing.assert_frame_equal(df, before)  # typed exports do not touch the caller's frames


def test_parquet_round_trip_has_the_schema_types(tmp_path, sample):
    write_tables(sample, tmp_path, formats=("parquet",))
    for name, df in sample.items():
        arrow = pq.read_schema(tmp_path / f"{name}.parquet")
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert list(back.columns) == list(df.columns)
        for c in df.columns:
            col = schema.column(name, c)
            assert arrow.field(c).type == ARROW[col.type], (name, c)
            assert arrow.field(c).metadata[b"label"].decode() == col.label
            if col.type == "string":
                assert pd.api.types.is_string_dtype(back[c]), (name, c)
            elif col.type == "date":
                assert all(isinstance(v, dt.date) for v in back[c].dropna()), (name, c)
            else:
                assert str(back[c].dtype) == READ_BACK[col.type], (name, c)
        assert len(back) == len(df)
    figs = pd.read_parquet(tmp_path / "figures.parquet")
    amount = figs[figs["text"] == "298億元"].iloc[0]
    assert amount["value"] == 29800000000 and amount["currency"] == "CNY"
    assert amount["period_start"] == dt.date(2023, 1, 1) and amount["period_end"] == dt.date(2023, 6, 30)
    assert list(figs["start"]) == list(sample["figures"]["start"])
    assert list(figs["distributive"]) == list(sample["figures"]["distributive"])
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert docs.loc[0, "published"] == dt.date(2023, 8, 23) and docs.loc[0, "year"] == 2023
    assert docs["url"].isna().all()  # missing stays missing, not the text "None"


def test_empty_tables_get_the_same_parquet_types(tmp_path, sample):
    (tmp_path / "full").mkdir()
    write_tables(sample, tmp_path / "full", formats=("parquet",))
    write_tables({name: empty_table(name) for name in sample}, tmp_path / "empty", formats=("parquet",))
    for name in sample:
        full = pq.read_schema(tmp_path / "full" / f"{name}.parquet")
        empty = pq.read_schema(tmp_path / "empty" / f"{name}.parquet")
        assert empty.remove_metadata() == full.remove_metadata(), name
        back = pd.read_parquet(tmp_path / "empty" / f"{name}.parquet")
        assert len(back) == 0
        assert dict(back.dtypes) == dict(pd.read_parquet(tmp_path / "full" / f"{name}.parquet").dtypes), name


def test_missing_integers_fractional_amounts_and_unknown_columns(tmp_path):
    quotes = empty_table("quotes").iloc[:0].reindex(range(2))
    quotes["speaker_start"] = [12.0, float("nan")]  # how pandas holds an int column with a gap
    quotes["anonymous"] = [True, None]
    quotes["extra"] = pd.Series([3, None], dtype=object)  # an analysis's own column, unknown to the schema
    figures = pd.DataFrame({"value": [29800000000, Decimal("31.5")], "period_start": ["2023-01-01", None]})
    write_tables({"quotes": quotes, "figures": figures}, tmp_path, formats=("parquet",))
    q = pd.read_parquet(tmp_path / "quotes.parquet")
    assert q["speaker_start"].dtype == "Int64" and q["speaker_start"].tolist()[0] == 12
    assert q["speaker_start"].isna().tolist() == [False, True]
    assert q["anonymous"].dtype == "boolean" and q["anonymous"].isna().tolist() == [False, True]
    assert pq.read_schema(tmp_path / "quotes.parquet").field("extra").type == pa.string()
    assert q["extra"].tolist()[0] == "3"
    f = pd.read_parquet(tmp_path / "figures.parquet")
    assert f["value"].tolist() == [29800000000.0, 31.5]
    assert f["period_start"].tolist() == [dt.date(2023, 1, 1), None]


def test_values_that_do_not_fit_their_type_are_named():
    with pytest.raises(ValueError, match=r"figures\.start: cannot be read as int"):
        typed(pd.DataFrame({"start": ["abc"]}), "figures")
    with pytest.raises(ValueError, match=r"quotes\.speaker_start"):
        typed(pd.DataFrame({"speaker_start": [1.5]}), "quotes")
    with pytest.warns(UserWarning, match=r"documents\.published: 1 value\(s\) are not ISO dates.*2023-02-30"):
        out = typed(pd.DataFrame({"published": ["2023-02-30", "2023-02-28"]}), "documents")
    assert out["published"].isna().tolist() == [True, False]


def test_dta_round_trip_with_labels(tmp_path, sample):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no silent renames, no precision loss
        write_tables(sample, tmp_path, formats=("dta",))
    figs = sample["figures"]
    back = pd.read_stata(tmp_path / "figures.dta")
    with pd.io.stata.StataReader(tmp_path / "figures.dta") as reader:
        labels = reader.variable_labels()
        data_label = reader.data_label
    names = stata_names(figs.columns)
    assert names["end"] == "_end"  # pandas treats Mata's reserved words as reserved too
    assert list(back.columns) == [names[c] for c in figs.columns]
    for c in figs.columns:
        label = schema.column("figures", c).label
        assert labels[names[c]] == (label if names[c] == c else f"[{c}] {label}")
    assert data_label == "zhaoshang figures: One row per reported amount or count"
    assert back["value"].tolist() == [float(v) for v in figs["value"]]
    assert back["_end"].tolist() == figs["end"].tolist()
    assert back["distributive"].tolist() == [int(v) for v in figs["distributive"]]
    assert back["sentence"].tolist() == figs["sentence"].tolist()
    assert back["subject"].tolist() == figs["subject"].fillna("").tolist()  # Stata's missing text is ""
    assert back["period_start"].tolist() == pd.to_datetime(figs["period_start"]).tolist()
    docs = pd.read_stata(tmp_path / "documents.dta")
    assert docs.loc[0, "published"] == pd.Timestamp("2023-08-23")
    empty = pd.read_stata(tmp_path / "errors.dta")
    assert list(empty.columns) == ["path", "error"] and len(empty) == 0


def test_dta_missing_values_long_strings_and_names(tmp_path):
    long_cjk = "招" * 700  # 700 characters but 2100 bytes: over Stata's 2045-byte str#
    quotes = pd.DataFrame({"quote": [long_cjk, "短"], "speaker_start": [12.0, float("nan")],
                           "anonymous": [True, None], "a" * 40: ["x", "y"], "has space": [1, 2]})
    assert _long_strings(typed(quotes, "quotes")) == ["quote"]
    write_tables({"quotes": quotes}, tmp_path, formats=("dta",))
    back = pd.read_stata(tmp_path / "quotes.dta")
    assert back["quote"].tolist() == [long_cjk, "短"]
    assert back["speaker_start"].tolist()[0] == 12 and pd.isna(back["speaker_start"][1])
    assert back["anonymous"].tolist()[0] == 1 and pd.isna(back["anonymous"][1])
    assert list(back.columns) == ["quote", "speaker_start", "anonymous", "a" * 32, "has_space"]
    with pd.io.stata.StataReader(tmp_path / "quotes.dta") as reader:
        labels = reader.variable_labels()
    assert labels["has_space"].startswith("[has space] ")


def test_stata_names_are_valid_and_unique():
    names = stata_names(["in", "1st", "x" * 40, "x" * 33, "a-b", "a_b", "地区"])
    assert names["in"] == "_in" and names["1st"] == "_1st"
    assert names["x" * 40] == "x" * 32 and names["x" * 33] == "x" * 30 + "_2"
    assert names["a-b"] == "a_b_2" and names["a_b"] == "a_b"  # a valid name keeps its own
    assert names["地区"] == "地区"  # Stata 14+ names may be Unicode
    assert len(set(names.values())) == len(names)
    assert all(len(n) <= 32 for n in names.values())


def test_xlsx_frozen_header_autofilter_and_widths(tmp_path):
    long_name = "a_table_name_longer_than_thirty_one"
    tables = {"documents": pd.DataFrame({"title": ["招商引資", "=cmd"], "n": [1, 2], "sentence": ["長" * 100, "x"]}),
              long_name: pd.DataFrame({"x": []})}
    write_tables(tables, tmp_path, formats=("xlsx",))
    wb = load_workbook(tmp_path / "tables.xlsx")
    assert wb.sheetnames == ["documents", long_name[:31]] and len(long_name[:31]) == 31
    ws = wb["documents"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"
    # 招商引資 is 4 wide characters (8 columns) + 2 margin; "n" gets the minimum; 100 wide ones the cap
    assert [ws.column_dimensions[c].width for c in "ABC"] == [10, 8, 60]
    assert ws["A3"].value == "'=cmd" and ws["B2"].value == 1
    assert wb[long_name[:31]].freeze_panes == "A2" and wb[long_name[:31]].auto_filter.ref == "A1:A1"


def test_sheet_names_and_widths_helpers():
    assert sheet_names(["a" * 40, "A" * 40, "x/y"]) == ["a" * 31, "A" * 29 + "~2", "x_y"]
    assert display_width("ab招商") == 6 and display_width("ＡＢ") == 4
    assert column_widths(pd.DataFrame({"c": ["ab\n" + "長" * 5]})) == [12]  # the widest line counts


def test_unknown_format_names_the_known_ones_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match=r"'sav'.*csv, xlsx, parquet, dta"):
        write_tables({"errors": pd.DataFrame({"path": [], "error": []})}, tmp_path / "out", formats=("csv", "sav"))
    assert not (tmp_path / "out").exists()
    assert FORMATS == ("csv", "xlsx", "parquet", "dta")
