"""Writing tables for people and programs: CSV, one Excel workbook, typed Parquet and Stata files.

* ``csv`` – UTF-8 with BOM (Excel then reads Chinese), LF line ends; the values as the tables hold them.
* ``xlsx`` – one workbook ``tables.xlsx``, a sheet per table, with a frozen header row, an
  autofilter and column widths that fit the content.
* ``parquet`` – typed after :mod:`zhaoshang.schema`: amounts and rates as floats, counts and
  offsets as (nullable) integers, dates as dates, booleans as booleans, so an empty table has
  the same column types as a full one. Columns the schema does not know are written as text.
* ``dta`` – Stata 14+ (format 118, Unicode), typed like Parquet, with the schema's variable
  labels and a data label naming the table.

Cells copied from untrusted text (titles, sentences, quotes) may start with a
character a spreadsheet reads as a formula (``= + - @``, tab, carriage
return). :func:`neutralise` prefixes such cells in the CSV and the workbook with
an apostrophe, the convention spreadsheets display as literal text (OWASP "CSV
injection"). Numbers are left alone: ``-3`` stays a number. Parquet and Stata
files are read by programs, not spreadsheets, and keep the text as it is.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

import pandas as pd

from zhaoshang.schema import MAX_LABEL, VALUE_LABELLED, Column, column, table_label

if TYPE_CHECKING:
    import pyarrow as pa

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx", "parquet", "dta")

# pandas dtypes of the typed frame, per logical type (zhaoshang.schema.TYPES)
PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "float64", "bool": "boolean",
                 "date": "datetime64[s]"}
FLOAT_EXACT = 2 ** 53  # integers beyond this are not all representable as float64


# ------------------------------------------------------------------ spreadsheet safety


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


# ------------------------------------------------------------------ typing


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """A copy of ``df`` with each column cast to its schema type (unknown columns to text).

    Raises ValueError naming the table and column when a value does not fit its type."""
    return pd.DataFrame({col: _cast(df[col], column(table, col), table) for col in df.columns},
                        index=df.index)


def _cast(values: pd.Series, col: Column, table: str) -> pd.Series:
    """``values`` as the pandas dtype of ``col``'s logical type."""
    where = f"{table}.{col.name}"
    try:
        if col.type == "date":
            return _dates(values, where)
        if col.type == "float":
            _warn_inexact(values, where)
        return values.astype(PANDAS_DTYPES[col.type])
    except (TypeError, ValueError, OverflowError) as e:
        raise ValueError(f"{where}: cannot be read as {col.type}: {e}") from e


def _dates(values: pd.Series, where: str) -> pd.Series:
    """ISO ``YYYY-MM-DD`` strings as dates; a value that is no calendar day becomes missing, with a warning."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.astype(PANDAS_DTYPES["date"])
    text = values.astype("string")
    out = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad = text[out.isna() & text.notna()]
    if len(bad):
        shown = ", ".join(repr(v) for v in bad.unique()[:5])
        warnings.warn(f"{where}: {len(bad)} value(s) are not ISO dates and are written as missing: {shown}",
                      stacklevel=4)
    return out.astype(PANDAS_DTYPES["date"])


def _warn_inexact(values: pd.Series, where: str) -> None:
    """Warn when whole numbers are too large to stay exact as float64 (amounts beyond 9e15)."""
    big = [v for v in values if isinstance(v, int) and abs(v) > FLOAT_EXACT]
    if big:
        warnings.warn(f"{where}: {len(big)} value(s) above 2**53 lose precision as float64 (e.g. {big[0]})",
                      stacklevel=4)


# ------------------------------------------------------------------ csv


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """UTF-8 with BOM (Excel then reads Chinese correctly), LF line ends, formulas neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise(df).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
    return path


# ------------------------------------------------------------------ parquet


def arrow_schema(table: str, columns: Iterable[str]) -> pa.Schema:
    """The Arrow schema of ``table`` with these columns; each field carries its label as metadata."""
    import pyarrow as pa

    arrow_types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                   "date": pa.date32()}
    fields = [pa.field(c.name, arrow_types[c.type], metadata={"label": c.label})
              for c in (column(table, name) for name in columns)]
    return pa.schema(fields, metadata={"zhaoshang.table": table})


def write_parquet(df: pd.DataFrame, path: Path, table: str) -> Path:
    """``df`` as Parquet with the schema's types, whether or not it has rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table, df.columns)
    data = pa.Table.from_pandas(typed(df, table), schema=schema, preserve_index=False)
    # from_pandas adds pandas' own metadata (so pandas reads Int64/boolean back); keep ours too
    data = data.replace_schema_metadata({**(data.schema.metadata or {}), **schema.metadata})
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(data, path)
    return path


# ------------------------------------------------------------------ stata

STATA_MAX_NAME = 32
STATA_MAX_STR = 2045  # bytes; longer strings must be strL
# Stata and Mata reserved words (the set pandas renames; we rename first so labels stay attached)
STATA_RESERVED = frozenset("""
aggregate array boolean break byte case catch class colvector complex const continue default delegate
delete do double else eltypedef end enum explicit export external float for friend function global goto
if inline int local long NULL pragma protected quad rowvector short typedef typename virtual _all _N
_skip _b _pi str# in _pred strL _coef _rc using _cons _se with _n
""".split())
_STATA_INVALID = re.compile(r"[^A-Za-z0-9_\u00c0-\U0010ffff]|[×÷]")


def stata_names(columns: Iterable[str]) -> dict[str, str]:
    """A valid, unique Stata variable name for each column (≤ 32 characters, not reserved).

    Names that are already valid are kept; others get ``_`` for invalid characters, a leading
    ``_`` when reserved or starting with a digit, are cut to 32 and numbered if they collide."""
    columns = [str(c) for c in columns]
    taken = set()
    out: dict[str, str] = {}
    for name in columns:
        new = _STATA_INVALID.sub("_", name) or "_"
        if new in STATA_RESERVED or "0" <= new[0] <= "9":
            new = "_" + new
        new = new[:STATA_MAX_NAME]
        base, k = new, 2
        while new in taken or (new != name and new in columns):
            suffix = f"_{k}"
            new, k = base[:STATA_MAX_NAME - len(suffix)] + suffix, k + 1
        taken.add(new)
        out[name] = new
    return out


def _stata_label(col: Column, name: str) -> str:
    """The variable label; a renamed variable's label starts with its column name."""
    label = col.label if name == col.name else f"[{col.name}] {col.label}"
    return label[:MAX_LABEL]


def _long_strings(df: pd.DataFrame) -> list[str]:
    """Text columns with a value longer than Stata's 2045-byte str# limit (written as strL)."""
    long = []
    for name in df.columns:
        s = df[name]
        if pd.api.types.is_string_dtype(s) and s.notna().any():
            if s.dropna().map(lambda v: len(v.encode("utf-8"))).max() > STATA_MAX_STR:
                long.append(name)
    return long


def _stata_ready(data: pd.DataFrame, table: str) -> pd.DataFrame:
    """Text columns with missing values as empty strings: Stata's missing text (and pandas
    refuses a text column with no string in it)."""
    out = data.copy()
    for name in out.columns:
        if column(table, name).type == "string":
            out[name] = out[name].astype(object).where(out[name].notna(), "")
    return out


def write_dta(df: pd.DataFrame, path: Path, table: str) -> Path:
    """``df`` as a Stata 118 file: typed, with variable labels and a data label.

    The columns of ``schema.VALUE_LABELLED`` (panel's unit_level, measure_kind) are written as
    integers with value labels, as Stata users encode a categorical variable.

    Stata has no missing text: missing strings are written empty. Integers and booleans are
    written as Stata integers (booleans 0/1) with Stata's missing value where they are missing;
    integers beyond Stata's ``long`` range become ``double``; dates are Stata dates (%td)."""
    data = _stata_ready(typed(df, table), table)
    names = stata_names(data.columns)
    cols = {names[c]: column(table, c) for c in data.columns}
    data = data.rename(columns=names)
    strl = _long_strings(data)
    for name, known in VALUE_LABELLED.get(table, {}).items():
        if name in names and len(data):  # integers with value labels (pandas: categoricals; not
            # for an empty table, where pandas' writer fails on a categorical: nothing to label)
            values = data[names[name]]
            others = sorted(set(values.unique()) - set(known))
            data[names[name]] = pd.Categorical(values, categories=[*known, *others])
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", pd.errors.InvalidColumnName)  # a silent rename would drop labels
        data.to_stata(path, version=118, write_index=False,
                      variable_labels={n: _stata_label(c, n) for n, c in cols.items()},
                      data_label=table_label(table),
                      convert_dates={n: "td" for n, c in cols.items() if c.type == "date"},
                      convert_strl=strl)
    return path


# ------------------------------------------------------------------ xlsx

SHEET_MAX = 31
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows, less the header
_SHEET_INVALID = re.compile(r"[\[\]:*?/\\]")
MIN_WIDTH, MAX_WIDTH = 8, 60


def sheet_names(tables: Iterable[str]) -> list[str]:
    """A valid, unique sheet name per table: ≤ 31 characters, none of ``[]:*?/\\``."""
    out: list[str] = []
    for name in tables:
        base = _SHEET_INVALID.sub("_", str(name))[:SHEET_MAX] or "sheet"
        new, k = base, 2
        while new.lower() in {n.lower() for n in out}:  # Excel compares sheet names case-insensitively
            suffix = f"~{k}"
            new, k = base[:SHEET_MAX - len(suffix)] + suffix, k + 1
        out.append(new)
    return out


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width view: wide (CJK) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_width(value) -> int:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return 0
    return max(display_width(line) for line in str(value).split("\n"))


def column_widths(df: pd.DataFrame) -> list[int]:
    """A readable width per column: its widest cell or header, plus a margin, within 8..60."""
    widths = []
    for name in df.columns:
        widest = max([_cell_width(name), *(_cell_width(v) for v in df[name])])
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, widest + 2)))
    return widths


def _format_sheet(ws, df: pd.DataFrame) -> None:
    """Frozen header row, autofilter over the table, column widths to fit."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A2"
    if len(df.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    for j, width in enumerate(column_widths(df), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width


def write_xlsx(tables: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """One workbook, a sheet per table, formulas neutralised, ready to sort and filter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        for sheet, df in zip(sheet_names(tables), tables.values()):
            if len(df) > EXCEL_MAX_ROWS:
                warnings.warn(f"{path.name}: sheet {sheet!r} left out: {len(df):,} rows is more than a sheet "
                              f"holds ({EXCEL_MAX_ROWS:,}); the CSV, Parquet and Stata files have it", stacklevel=2)
                continue
            safe = neutralise(df)
            safe.to_excel(xw, sheet_name=sheet, index=False)
            _format_sheet(xw.sheets[sheet], safe)
    return path


# ------------------------------------------------------------------ all formats


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """``formats`` as a tuple; ValueError for one that is not in ``FORMATS``."""
    formats = tuple(formats)
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; known formats: {', '.join(FORMATS)}")
    return formats


STAGING_PREFIX = ".zhaoshang-writing-"
"""The hidden folder inside an output folder where a set of tables is written before it is moved in."""


def write_tables(tables: Mapping[str, pd.DataFrame], out: Path, *,
                 formats: Iterable[str] = ("csv",)) -> list[Path]:
    """Write each table as ``out/<name>.<fmt>`` (``xlsx``: one workbook, a sheet per table).

    Every format is checked before anything is written, so a typo writes nothing.
    The files are written into a hidden folder inside ``out`` first and moved into
    place only when all are complete, so a run interrupted while writing (Ctrl-C,
    a full disk, a kill) leaves the previous tables as they were."""
    formats = check_formats(formats)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        staged: list[Path] = []
        for fmt in formats:
            if fmt == "xlsx":
                staged.append(write_xlsx(tables, staging / "tables.xlsx"))
            elif fmt == "csv":
                staged += [write_csv(df, staging / f"{name}.csv") for name, df in tables.items()]
            elif fmt == "parquet":
                staged += [write_parquet(df, staging / f"{name}.parquet", name) for name, df in tables.items()]
            else:
                staged += [write_dta(df, staging / f"{name}.dta", name) for name, df in tables.items()]
        written = []
        for f in staged:  # each a rename within one folder: the complete set lands at once
            os.replace(f, out / f.name)
            written.append(out / f.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def save_tables(tables, out: str | Path, *, formats: Iterable[str] = ("csv",),
                extra: Mapping[str, pd.DataFrame] | None = None) -> list[Path]:
    """Write every table of a corpus run (a :class:`zhaoshang.corpus.Tables`) to ``out``.

    ``formats``: any of csv, xlsx, parquet, dta. ``extra``: further tables written with them
    (the panel: ``{"panel": zhaoshang.research.panel(tables)}``). Returns the files written."""
    return write_tables({**tables.frames(), **(extra or {})}, Path(out), formats=formats)


MATRIX_FORMATS = ("csv", "parquet")


def write_matrix(df: pd.DataFrame, path: Path) -> Path:
    """A wide matrix of counts (the document-term matrix: doc_id, then one integer column per
    term) as CSV or Parquet after ``path``'s suffix. Written in place of ``path`` only once
    complete (a temporary file renamed)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in MATRIX_FORMATS:
        raise ValueError(f"{path}: a matrix is written as {' or '.join(MATRIX_FORMATS)} (the file's suffix)")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{STAGING_PREFIX}{path.name}")
    try:
        if fmt == "csv":
            write_csv(df, tmp)
        else:
            df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
