"""panel.csv and the document-term matrix: a corpus's counts in the shapes models take.

**panel.csv** has one row per unit × year × measure, zeros included: every unit the
corpus has documents for, every year from its first to its last (a year with no document of
the unit has ``n_docs`` 0, ``n_chars`` 0 and no ``per_10k``: a gap, not a zero rate), and every
measure:

* ``term`` – each lexicon term; ``count`` is its exact phrase count (term_counts.csv);
* ``category`` – each rhetoric category; ``count`` is its hits (rhetoric.csv);
* ``figure_family`` – each metric family and kind of figures.csv, when figures has a ``family``
  column: the measure is ``<family>_amount`` (sums in yuan) or ``<family>_count`` (sums of counted
  things), never the two added together; ``count`` is the number of figures, ``value_low``/``value_high``
  the sum of their values (the two ends of ranges and vague spans). Parts of a total
  (其中) and conversions (约合) are left out, so nothing is counted twice; so are amounts in
  other currencies than CNY (a note says how many). A figure counts in the year it is about
  (figures.csv ``year``) when it has one, else in its document's year.

``per_10k = count × 10,000 / n_chars``: numerator and denominator in one unit, characters of
title and body (the text terms and categories are counted in), never tokens.
The unit level is chosen with ``level`` (:data:`~zhaoshang.research.units.PANEL_LEVELS`).

**The document-term matrix** (:func:`document_term_matrix`) has one row per document and one
column per lexicon term, zeros included, for a researcher's own models.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from zhaoshang.research.units import document_units

PANEL_COLUMNS = ["unit", "unit_code", "unit_level", "year", "measure_kind", "measure", "count",
                 "n_docs", "n_chars", "per_10k", "value_low", "value_high"]
MEASURE_KINDS = ("term", "category", "figure_family")


def panel(tables, *, level: str = "document-place", terms: Sequence[str] | None = None) -> pd.DataFrame:
    """The balanced panel of ``tables`` (a :class:`~zhaoshang.corpus.Tables`) at ``level``.

    ``terms``: the lexicon terms to measure (default: the built-in lexicon's, and any other term
    term_counts has). ``.attrs["notes"]`` lists what was left out and why."""
    units = document_units(tables.documents, level)
    notes = list(units.attrs.get("notes", []))
    if units.empty:
        out = pd.DataFrame(columns=PANEL_COLUMNS)
        out.attrs["notes"] = notes + ["no document has both a place and a year: the panel is empty"]
        return out
    grid = _unit_years(units)
    parts = [
        _measure(grid, _term_counts(tables.term_counts, units), "term", _terms(terms, tables.term_counts)),
        _measure(grid, _category_hits(tables.rhetoric, units), "category",
                 list(dict.fromkeys(tables.rhetoric["category"].dropna()))),
    ]
    figures, figure_notes = _figure_sums(tables.figures, units)
    notes += figure_notes
    if figures is not None:
        families = sorted(figures["measure"].unique())
        parts.append(_measure(grid, figures, "figure_family", families))
    out = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else \
        pd.DataFrame(columns=PANEL_COLUMNS)
    out = out[PANEL_COLUMNS]
    out.attrs["notes"] = notes
    return out


def _unit_years(units: pd.DataFrame) -> pd.DataFrame:
    """Every unit × every year from the corpus's first to its last, with n_docs and n_chars."""
    years = range(int(units["year"].min()), int(units["year"].max()) + 1)
    keys = units[["unit", "unit_code", "unit_level"]].drop_duplicates().sort_values(["unit_level", "unit_code", "unit"])
    grid = keys.merge(pd.DataFrame({"year": list(years)}), how="cross")
    sizes = units.groupby(["unit_code", "unit", "year"], as_index=False).agg(
        n_docs=("doc_id", "size"), n_chars=("n_chars", "sum"))
    grid = grid.merge(sizes, on=["unit_code", "unit", "year"], how="left")
    grid["n_docs"] = grid["n_docs"].fillna(0).astype("int64")
    grid["n_chars"] = grid["n_chars"].fillna(0).astype("int64")
    return grid


def _measure(grid: pd.DataFrame, sums: pd.DataFrame, kind: str, measures: Sequence[str]) -> pd.DataFrame:
    """The grid × ``measures`` with the sums filled in (zeros where none)."""
    if not len(measures):
        return pd.DataFrame(columns=PANEL_COLUMNS)
    order = {m: i for i, m in enumerate(measures)}
    full = grid.merge(pd.DataFrame({"measure": list(measures)}), how="cross")
    full = full.merge(sums, on=["unit_code", "unit", "year", "measure"], how="left")
    full["count"] = full["count"].fillna(0).astype("int64")
    for col in ("value_low", "value_high"):
        if col not in full.columns:
            full[col] = float("nan")
        elif kind == "figure_family":
            full[col] = full[col].fillna(0.0)
    full["measure_kind"] = kind
    chars = full["n_chars"].where(full["n_chars"] > 0)
    full["per_10k"] = (full["count"] * 1e4 / chars).round(4)
    full["_order"] = full["measure"].map(order)
    full = full.sort_values(["unit_level", "unit_code", "unit", "_order", "year"], kind="stable")
    return full.drop(columns="_order").reset_index(drop=True)


def _terms(terms: Sequence[str] | None, term_counts: pd.DataFrame) -> list[str]:
    if terms is not None:
        from zhaoshang.text.script import to_simplified

        return list(dict.fromkeys(to_simplified(t) for t in terms))
    from zhaoshang.text.lexicon import default_lexicon

    return list(dict.fromkeys([*default_lexicon().terms, *term_counts["term"].dropna()]))


def _term_counts(term_counts: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    rows = term_counts[["doc_id", "term", "count"]].merge(units, on="doc_id")
    return (rows.groupby(["unit_code", "unit", "year", "term"], as_index=False)["count"].sum()
            .rename(columns={"term": "measure"}))


def _category_hits(rhetoric: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    rows = rhetoric[["doc_id", "category", "hits"]].merge(units, on="doc_id")
    return (rows.groupby(["unit_code", "unit", "year", "category"], as_index=False)["hits"].sum()
            .rename(columns={"category": "measure", "hits": "count"}))


def _figure_sums(figures: pd.DataFrame, units: pd.DataFrame) -> tuple[pd.DataFrame | None, list[str]]:
    """Figures summed per unit, year and family, or None (with a note) when figures has no family."""
    if "family" not in figures.columns:
        return None, ["figure measures skipped: figures.csv has no metric family column"]
    notes = []
    # only the columns summed here: figures has a ``unit`` of its own (元, 万元) that must not meet the panel's
    keep = [c for c in ("doc_id", "kind", "family", "year", "value", "value_high", "currency", "part_of", "conversion_of")
            if c in figures.columns]
    rows = figures[keep]
    rows = rows[rows["family"].notna() & (rows["family"].astype(str) != "")]
    for col in ("part_of", "conversion_of"):
        if col in rows.columns:
            rows = rows[rows[col].isna() | (rows[col].astype(str) == "")]
    other = rows["currency"].notna() & (rows["currency"].astype(str) != "") & (rows["currency"] != "CNY")
    if other.any():
        notes.append(f"{int(other.sum())} figures in currencies other than CNY left out of the figure sums")
    rows = rows[~other].merge(units[["doc_id", "unit", "unit_code", "year"]].rename(columns={"year": "doc_year"}),
                              on="doc_id")
    if "year" in rows.columns:
        fig_year = pd.to_numeric(rows["year"], errors="coerce")
        rows = rows.assign(year=fig_year.fillna(rows["doc_year"]).astype("int64"))
    else:
        rows = rows.assign(year=rows["doc_year"])
    low = pd.to_numeric(rows["value"], errors="coerce")
    high = pd.to_numeric(rows["value_high"], errors="coerce").fillna(low)
    rows = rows.assign(value_low=low, value_high=high,
                       measure=rows["family"].astype(str) + "_" + rows["kind"].astype(str))
    sums = rows.groupby(["unit_code", "unit", "year", "measure"], as_index=False).agg(
        count=("doc_id", "size"), value_low=("value_low", "sum"), value_high=("value_high", "sum"))
    return sums, notes


def document_term_matrix(tables, *, terms: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per document (documents.csv order), one column per lexicon term (Simplified, lexicon
    order), each cell the term's exact phrase count; zeros included. The first column is doc_id."""
    columns = _terms(terms, tables.term_counts)
    counts = tables.term_counts[tables.term_counts["term"].isin(columns)]
    wide = counts.pivot_table(index="doc_id", columns="term", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=list(tables.documents["doc_id"]), columns=columns, fill_value=0)
    wide = wide.fillna(0).astype("int64")
    wide.columns.name = None
    return wide.rename_axis("doc_id").reset_index()
