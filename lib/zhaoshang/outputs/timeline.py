"""Tables for the report's views of change over time and place (drawn by :mod:`zhaoshang.outputs.plots`).

Each function derives a small table from the corpus tables — documents per year, rhetoric category
shares per year, term intensity per province — in the shape a chart needs. Years come from
documents.year (the published date or the corpus index); documents without one are left out.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.text.script import to_simplified


def _doc_years(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, year (int), n_chars of the dated documents."""
    if "year" not in documents.columns or not len(documents):
        return pd.DataFrame(columns=["doc_id", "year", "n_chars"])
    d = documents[["doc_id", "year", "n_chars"]].copy()
    d["year"] = pd.to_numeric(d["year"], errors="coerce")
    d = d.dropna(subset=["year"])
    d["year"] = d["year"].astype(int)
    return d.reset_index(drop=True)


def documents_per_year(documents: pd.DataFrame) -> pd.DataFrame:
    """year, documents, characters: one row per year that has a dated document, in year order."""
    d = _doc_years(documents)
    if not len(d):
        return pd.DataFrame(columns=["year", "documents", "characters"])
    g = d.groupby("year").agg(documents=("doc_id", "size"), characters=("n_chars", "sum")).reset_index()
    return g.sort_values("year").reset_index(drop=True)


def province_intensity(term_counts: pd.DataFrame, documents: pd.DataFrame,
                       terms: list[str] | None = None) -> pd.DataFrame:
    """province, documents, n_chars, count, per_10k: occurrences of ``terms`` (all lexicon terms when
    None; either script) per 10,000 characters of the documents of each province.

    The province is documents.province (the document's own place); documents whose place is not a
    province-level division (全国 for a national report) are left out, and a corpus without that
    column, or whose documents have none, gives an empty table."""
    cols = ["province", "documents", "n_chars", "count", "per_10k"]
    if "province" not in documents.columns:
        return pd.DataFrame(columns=cols)
    from zhaoshang.outputs.plots.tilemap import tile_for

    d = documents[["doc_id", "province", "n_chars"]].dropna(subset=["province"])
    d = d[[tile_for(p) is not None for p in d["province"]]]  # 全国 and other non-provinces are no square on a map
    if not len(d):
        return pd.DataFrame(columns=cols)
    tc = term_counts[["doc_id", "term", "count"]]
    if terms is not None:
        keys = {to_simplified(t) for t in terms}
        tc = tc[tc["term"].map(to_simplified).isin(keys)]
    counts = tc.groupby("doc_id")["count"].sum()
    d = d.assign(count=d["doc_id"].map(counts).fillna(0).astype(int))
    g = d.groupby("province").agg(documents=("doc_id", "size"), n_chars=("n_chars", "sum"),
                                  count=("count", "sum")).reset_index()
    g["per_10k"] = (g["count"] * 1e4 / g["n_chars"].where(g["n_chars"] > 0)).fillna(0.0).round(3)
    return g.sort_values(["per_10k", "province"], ascending=[False, True]).reset_index(drop=True)[cols]
