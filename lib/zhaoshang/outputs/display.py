"""Tables and HTML snippets for the notebooks (so that notebooks only call the library)."""
from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from zhaoshang.model import CleanDocument, Document


def side_by_side(left: str, right: str, *, left_title: str = "raw", right_title: str = "clean",
                 max_chars: int = 1500):
    """Two texts in two columns (an IPython HTML object), each cut at ``max_chars``."""
    from IPython.display import HTML

    def cell(title: str, text: str) -> str:
        cut = text if len(text) <= max_chars else text[:max_chars] + " …"
        return (f'<td style="vertical-align:top;width:50%;text-align:left"><b>{html.escape(title)}</b>'
                f'<pre style="white-space:pre-wrap;font-size:12px">{html.escape(cut)}</pre></td>')

    return HTML(f'<table style="table-layout:fixed;width:100%"><tr>{cell(left_title, left)}{cell(right_title, right)}</tr></table>')


def repairs_table(doc: CleanDocument, raw_text: str | None = None, *, context: int = 6) -> pd.DataFrame:
    """Every repair of ``doc``: raw offsets, before → after, kind, confidence,
    and (when ``raw_text`` is given) a little raw context around the edit."""
    rows = []
    for e in doc.repairs:
        row = {"start": e.start, "end": e.end, "kind": e.kind, "before": e.before, "after": e.after,
               "confidence": round(e.confidence, 3)}
        if raw_text is not None:
            row["raw context"] = raw_text[max(0, e.start - context):e.end + context].replace("\n", "⏎")
        rows.append(row)
    return pd.DataFrame(rows, columns=["start", "end", "kind", "before", "after", "confidence"]
                        + (["raw context"] if raw_text is not None else []))


def metadata_table(doc: CleanDocument) -> pd.DataFrame:
    """The fields cleaning extracted, one per row."""
    fields = {"doc_id": doc.doc_id, "path": doc.path, "encoding": doc.encoding, "script": doc.script,
              "title": doc.title, "published": doc.published, "site": doc.site,
              "reprinted_from": doc.reprinted_from, "characters (body)": doc.n_chars,
              "repairs": doc.n_repairs, "unrecoverable characters": doc.n_unrecovered}
    return pd.DataFrame({"field": list(fields), "value": [str(v) if v is not None else "—" for v in fields.values()]})


def corpus_summary(tables) -> pd.DataFrame:
    """What is in a corpus: inputs, documents, rejected inputs, scripts, encodings, dates, repairs."""
    d = tables.documents
    scripts = Counter(d["script"]) if len(d) else Counter()
    encodings = Counter(d["encoding"]) if len(d) else Counter()
    dated = d["published"].notna().sum() if len(d) else 0
    years = sorted(int(y) for y in d["year"].dropna()) if len(d) else []
    rows = [
        ("inputs", len(d) + len(tables.errors)),
        ("documents", len(d)),
        ("rejected inputs (errors.csv)", len(tables.errors)),
        ("scripts", ", ".join(f"{k} {v}" for k, v in sorted(scripts.items())) or "—"),
        ("encodings", ", ".join(f"{k} {v}" for k, v in sorted(encodings.items())) or "—"),
        ("documents with a published date", int(dated)),
        ("years covered", f"{years[0]}–{years[-1]}" if years else "—"),
        ("characters (cleaned bodies)", int(d["n_chars"].sum()) if len(d) else 0),
        ("repairs", int(d["n_repairs"].sum()) if len(d) else 0),
        ("unrecoverable characters", int(d["n_unrecovered"].sum()) if len(d) else 0),
    ]
    return pd.DataFrame(rows, columns=["item", "value"]).astype({"value": str}).set_index("item")


def repairs_by_kind(tables) -> pd.DataFrame:
    """Repairs per kind over the corpus, with their mean confidence."""
    r = tables.repairs
    if not len(r):
        return pd.DataFrame(columns=["kind", "repairs", "documents", "mean confidence"])
    g = r.groupby("kind").agg(repairs=("doc_id", "size"), documents=("doc_id", "nunique"),
                              conf=("confidence", "mean")).reset_index()
    g["mean confidence"] = g.pop("conf").round(3)
    return g.sort_values(["repairs", "kind"], ascending=[False, True]).reset_index(drop=True)


def showcase_document(tables) -> CleanDocument | None:
    """The document a cleaning walkthrough should show: the most repaired, ties by doc_id."""
    if not tables.docs:
        return None
    return sorted(tables.docs, key=lambda d: (-d.n_repairs, d.doc_id))[0]


def raw_document(tables, doc: CleanDocument) -> Document:
    """The raw (unrepaired) record of ``doc``, read again from its file."""
    from zhaoshang.stages.ingest import iter_files, read_file

    root, _ = iter_files(tables.source)
    rel = doc.path.split("#", 1)[0]
    for item in read_file(root / rel, rel):
        if isinstance(item, Document) and item.path == doc.path:
            return item
    raise KeyError(doc.doc_id)


# --------------------------------------------------------------------------- tables as a reader sees them

MISSING = "—"
"""How a missing value (None, NaN, NaT, pd.NA) is written in a shown table."""


def cell_text(value, *, max_chars: int = 80) -> str:
    """One cell as text: missing values as :data:`MISSING`, lists joined with '、', whole floats
    without '.0', other floats to 3 decimals, long text cut at ``max_chars`` with '…'."""
    if value is None:
        return MISSING
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple)) or (hasattr(value, "__array__") and not isinstance(value, (str, bytes))
                                            and getattr(value, "ndim", 1) == 1):
        text = "、".join(cell_text(v, max_chars=max_chars) for v in value) or MISSING
    elif isinstance(value, float):
        if value != value:
            return MISSING
        text = f"{value:,.0f}" if value.is_integer() and abs(value) >= 1e4 else (
            str(int(value)) if value.is_integer() else f"{value:.3f}".rstrip("0").rstrip("."))
    else:
        try:
            if pd.isna(value):
                return MISSING
        except (TypeError, ValueError):  # array-likes: not a scalar missing value
            pass
        text = str(value)
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= max_chars else text[:max_chars - 1] + "…"


def _column_class(name: str, values: pd.Series) -> str:
    """The cell class of a column: numbers align right, ids (doc_id, figure_id …) never wrap."""
    if name == "id" or name.endswith("_id"):
        return ' class="zs-id"'
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return ' class="zs-num"'
    return ""


class TableView:
    """A table as a report shows it: chosen columns, missing values as a dash, a sentence instead of
    an empty table, and a link to the full CSV. Renders as HTML in notebooks and as aligned text
    in plain consoles (and in nbval's comparison)."""

    def __init__(self, frame: pd.DataFrame, *, empty: str, csv: str | None = None, total: int | None = None,
                 index: bool = False, max_chars: int = 80, extra: str = "") -> None:
        self.frame = frame
        self.empty = empty
        self.csv = csv
        self.total = len(frame) if total is None else total
        self.index = index
        self.max_chars = max_chars
        self.extra = extra  # a sentence under the table (what it leaves out)

    def _cells(self) -> pd.DataFrame:
        f = self.frame.copy()
        if isinstance(f.columns, pd.MultiIndex):  # e.g. precision/recall by system: "precision zhaoshang"
            f.columns = [" ".join(str(x) for x in c if str(x)) for c in f.columns]
        if self.index:
            f = f.reset_index()
        return pd.DataFrame({str(c): [cell_text(v, max_chars=self.max_chars) for v in f[c]] for c in f.columns},
                            columns=[str(c) for c in f.columns])

    def note(self) -> str:
        """The line under the table: how many rows are shown, where the rest is."""
        parts = []
        if self.total > len(self.frame):
            parts.append(f"first {len(self.frame)} of {self.total} rows")
        if self.csv:
            parts.append(f"all rows and columns: tables/{self.csv}.csv")
        return "; ".join(parts)

    def _repr_html_(self) -> str:
        if not len(self.frame):
            return f'<p class="zs-empty"><em>{html.escape(self.empty)}</em></p>'
        cells = self._cells()
        f = self.frame.reset_index() if self.index else self.frame
        kinds = [_column_class(str(c), f.iloc[:, i]) for i, c in enumerate(cells.columns)]
        head = "".join(f"<th{k}>{html.escape(c)}</th>" for c, k in zip(cells.columns, kinds))
        body = "".join("<tr>" + "".join(f"<td{k}>{html.escape(v)}</td>" for v, k in zip(row, kinds)) + "</tr>"
                       for row in cells.itertuples(index=False))
        note = f'<p class="zs-note"><small>{html.escape(self.extra)}</small></p>' if self.extra else ""
        if self.note():
            link = (f' (<a href="tables/{html.escape(self.csv)}.csv">{html.escape(self.csv)}.csv</a>)'
                    if self.csv else "")
            rows = f"first {len(self.frame)} of {self.total} rows" if self.total > len(self.frame) else "full table"
            note += f'<p class="zs-note"><small>{html.escape(rows)}{link}</small></p>'
        return f'<table class="dataframe zs-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'

    def __repr__(self) -> str:
        if not len(self.frame):
            return self.empty
        text = self._cells().to_string(index=False)
        return text + (f"\n{self.extra}" if self.extra else "") + (f"\n({self.note()})" if self.note() else "")


def show(frame: pd.DataFrame, *, empty: str, columns: list[str] | None = None, rows: int | None = 20,
         csv: str | None = None, index: bool = False, rename: dict[str, str] | None = None,
         max_chars: int = 80, drop_blank: bool = True) -> TableView:
    """``frame`` ready for a reader: only ``columns`` (those present, in that order; new columns of
    a grown table never widen the page), the first ``rows`` rows, missing values as a dash, and
    ``empty`` — a sentence saying what is absent — instead of a bare header. ``csv`` names the
    exported table that holds every row and column. A column with no value in any row (``drop_blank``)
    is left out and named under the table."""
    f = frame
    if columns is not None:
        f = f[[c for c in columns if c in f.columns]]
    blank = [c for c in f.columns if len(f) and f[c].isna().all()] if drop_blank else []
    f = f.drop(columns=blank)
    total = len(f)
    if rows is not None:
        f = f.head(rows)
    if rename:
        f = f.rename(columns=rename)
    extra = f"No value in any row: {', '.join(map(str, blank))}." if blank else ""
    return TableView(f, empty=empty, csv=csv, total=total, index=index, max_chars=max_chars, extra=extra)


class Prose:
    """Sentences computed from the tables, shown as Markdown in a notebook (plain text elsewhere)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def kwic_view(docs, terms: list[str], *, width: int = 22, rows: int = 15) -> TableView:
    """Keyword-in-context lines of each of ``terms`` that occurs (up to ``rows`` per term), one table;
    the terms that never occur are named in the note or, when none occurs, in the sentence shown."""
    from zhaoshang.analyses.explore import kwic

    parts, absent = [], []
    for t in terms:
        k = kwic(docs, t, width=width)
        (parts.append(k.head(rows)) if len(k) else absent.append(t))
    missing = f"{'、'.join(absent)} {'does' if len(absent) == 1 else 'do'} not occur in the corpus." if absent else ""
    if not parts:
        return TableView(pd.DataFrame(), empty=missing or "No term was given.")
    frame = pd.concat(parts, ignore_index=True)[["doc_id", "left", "term", "right", "offset"]]
    return TableView(frame, empty="", max_chars=60, extra=missing)
