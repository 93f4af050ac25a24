"""Writing tables for people: CSV that Excel opens, Parquet, one Excel workbook.

Cells copied from untrusted text (titles, sentences, quotes) may start with a
character a spreadsheet reads as a formula (``= + - @``, tab, carriage
return). :func:`neutralise` prefixes such cells with an apostrophe, the
convention spreadsheets display as literal text (OWASP "CSV injection").
Numbers are left alone: ``-3`` stays a number.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """``value`` made safe to open in a spreadsheet (strings only)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells cannot be read as formulas."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    return out


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """UTF-8 with BOM (Excel then reads Chinese correctly), LF line ends, formulas neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise(df).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


def write_tables(tables: Mapping[str, pd.DataFrame], out: Path, *,
                 formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write each table as ``out/<name>.<fmt>``; ``xlsx`` writes one workbook, a sheet per table."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "csv":
            written += [write_csv(df, out / f"{name}.csv") for name, df in tables.items()]
        elif fmt == "parquet":
            for name, df in tables.items():
                p = out / f"{name}.parquet"
                df.astype({c: "string" for c in df.columns if df[c].dtype == object}).to_parquet(p, index=False)
                written.append(p)
        elif fmt == "xlsx":
            p = out / "tables.xlsx"
            with pd.ExcelWriter(p, engine="openpyxl") as xw:
                for name, df in tables.items():
                    neutralise(df).to_excel(xw, sheet_name=name[:31], index=False)
            written.append(p)
        else:
            raise ValueError(f"unknown export format {fmt!r}; use csv, parquet or xlsx")
    return written
