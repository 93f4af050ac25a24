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
