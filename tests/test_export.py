"""Exports: CSV that Excel opens, workbook, and no formula injection from untrusted text."""
from __future__ import annotations

import pandas as pd
from openpyxl import load_workbook

from zhaoshang.export import neutralise, write_tables


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
