"""Change over time and place: what a chart of rhetoric across years, eras, places or sites needs.

* :func:`keyness` – which words (or lexicon terms) one group of the corpus's documents uses
  unusually often against another group (an era against the years before, one province against
  the rest, one site against the others) or against general Chinese; G² and Log Ratio from
  :mod:`zhaoshang.analyses.keyness`.
* :func:`first_appearance` – the year each term first appears, and in which document.
* :func:`category_shares` – rhetoric category hits per year and each category's share of them.
* :func:`terms_by_year` – terms on a continuous year axis: every year from the first to the last,
  years without a document present and flagged (``gap``), never silently dropped.
* :func:`figures_by_year` – figures per year and metric family (when figures.csv has families).

Years are documents.csv ``year``; when reposts are known (``canonical``) only canonical
documents count. Rates are per 10,000 characters of title and body, like panel.csv.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

import pandas as pd

from zhaoshang.analyses import keyness as kn

GENERAL = "general"
"""``reference=GENERAL``: compare with general Chinese (jieba's dictionary) instead of a group."""


def _canonical(documents: pd.DataFrame) -> pd.DataFrame:
    if "canonical" in documents.columns and documents["canonical"].notna().any():
        return documents[documents["canonical"].fillna(True).astype(bool)]
    return documents


def _member(groups: pd.Series, which) -> pd.Series:
    """Which documents' group value is ``which``: one value, a collection of values, or a predicate."""
    if callable(which):
        return groups.map(lambda g: bool(pd.notna(g) and which(g)))
    if isinstance(which, Collection) and not isinstance(which, str):
        return groups.isin(list(which))
    return groups == which


def keyness(tables, *, by: str = "year", target, reference=None, counts: str = "words",
            min_count: int = 2, top: int | None = None, positive_only: bool = True) -> pd.DataFrame:
    """Keywords of the documents whose ``by`` (a documents.csv column: year, place, province,
    site …) is ``target`` against those whose ``by`` is ``reference``.

    ``target`` and ``reference`` are each one value, a collection of values (``range(2013, 2026)``
    for an era) or a predicate on the value (``lambda y: y >= 2013``); ``reference=None`` means
    every other document that has a ``by`` value, ``reference="general"`` general Chinese.
    ``counts``: ``"words"`` (segmented words, words.csv's; each side's size is its number of
    content words) or ``"terms"`` (the lexicon's exact phrase counts; each side's size is its
    characters of title and body, so ``per_10k`` is per 10,000 characters, as in panel.csv;
    against general Chinese, whose size is in words, the sums of the term counts). Columns as :func:`zhaoshang.analyses.keyness.keyness`, plus ``n_docs`` and
    ``ref_n_docs`` (documents on each side) in ``.attrs``."""
    docs = _canonical(tables.documents)
    if by not in docs.columns:
        raise ValueError(f"documents has no column {by!r} to group by (columns: {', '.join(docs.columns)})")
    groups = docs.set_index("doc_id")[by]
    in_target = _member(groups, target)
    if reference is None:
        in_ref = groups.notna() & ~in_target
    elif isinstance(reference, str) and reference == GENERAL:
        in_ref = pd.Series(False, index=groups.index)
    else:
        in_ref = _member(groups, reference) & ~in_target
    target_ids = set(groups.index[in_target])
    ref_ids = set(groups.index[in_ref])
    tc, display = _counts(tables, target_ids, counts)
    if isinstance(reference, str) and reference == GENERAL:
        rc = None
    else:
        rc, ref_display = _counts(tables, ref_ids, counts)
        display = {**ref_display, **display}
    if counts == "terms":  # lexicon terms: no word filter; each side's size is its characters
        sizes = None
        if rc is not None:
            sizes = (_chars(docs, target_ids), _chars(docs, ref_ids))
        out = kn.keyness(tc, rc, min_count=min_count, top=top, positive_only=positive_only,
                         display=display, min_len=1, stopwords=frozenset(), sizes=sizes)
    else:
        out = kn.keyness(tc, rc, min_count=min_count, top=top, positive_only=positive_only, display=display)
    out.attrs.update(n_docs=len(target_ids), ref_n_docs=len(ref_ids) if rc is not None else None)
    return out


def _chars(docs: pd.DataFrame, ids: set) -> int:
    """Characters of title and body of the documents ``ids``."""
    chosen = docs[docs["doc_id"].isin(ids)]
    titles = chosen["title"].map(lambda t: len(t) if isinstance(t, str) else 0)
    return int(chosen["n_chars"].sum() + titles.sum())


def _counts(tables, ids: set, counts: str) -> tuple[Counter, dict[str, str]]:
    """Summed counts (Simplified key) over the documents ``ids``, and their display forms."""
    total: Counter = Counter()
    display: dict[str, str] = {}
    if counts == "terms":
        rows = tables.term_counts[tables.term_counts["doc_id"].isin(ids)]
        for term, n in rows.groupby("term")["count"].sum().items():
            total[term] = int(n)
        return total, display
    if counts != "words":
        raise ValueError(f"counts must be 'words' or 'terms', not {counts!r}")
    forms: dict[str, Counter] = {}
    doc_ids = list(tables.documents["doc_id"])
    if len(tables.doc_words) != len(doc_ids):
        raise ValueError("these tables carry no words per document (tables made by zhaoshang.analyze or "
                         "run have them); use counts='terms'")
    for doc_id, words in zip(doc_ids, tables.doc_words):
        if doc_id not in ids:
            continue
        for w, f in words.items():
            total[w] += sum(f.values())
            forms.setdefault(w, Counter()).update(f)
    display = {w: sorted(f.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for w, f in forms.items()}
    return total, display


def _doc_years(documents: pd.DataFrame) -> pd.DataFrame:
    """doc_id, year, n_chars (title and body) of the documents that have a year."""
    docs = _canonical(documents)
    docs = docs[docs["year"].notna()]
    titles = docs["title"].where(docs["title"].map(lambda t: isinstance(t, str)), "")
    return pd.DataFrame({"doc_id": docs["doc_id"].values, "year": docs["year"].astype("int64").values,
                         "n_chars": (docs["n_chars"].astype("int64") + titles.str.len()).values})


def _year_axis(years: pd.DataFrame) -> pd.DataFrame:
    """Every year from the first to the last, with n_docs, n_chars and ``gap`` (no document)."""
    if years.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "n_docs": pd.Series(dtype="int64"),
                             "n_chars": pd.Series(dtype="int64"), "gap": pd.Series(dtype="bool")})
    axis = pd.DataFrame({"year": range(int(years["year"].min()), int(years["year"].max()) + 1)})
    sizes = years.groupby("year", as_index=False).agg(n_docs=("doc_id", "size"), n_chars=("n_chars", "sum"))
    axis = axis.merge(sizes, on="year", how="left")
    axis["n_docs"] = axis["n_docs"].fillna(0).astype("int64")
    axis["n_chars"] = axis["n_chars"].fillna(0).astype("int64")
    axis["gap"] = axis["n_docs"] == 0
    return axis


def terms_by_year(tables, terms: Sequence[str] | None = None, *, top: int | None = None) -> pd.DataFrame:
    """One row per year × term on a continuous year axis: year, term, count, n_docs, n_chars,
    per_10k, gap. ``terms``: the terms to follow (default: every term found, or the ``top`` most
    frequent). A year with no document is present with count 0, per_10k 0 and ``gap`` True, so a
    chart can break its line there instead of joining across it."""
    years = _doc_years(tables.documents)
    axis = _year_axis(years)
    found = tables.term_counts.merge(years[["doc_id", "year"]], on="doc_id")
    if terms is None:
        totals = found.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable")
        terms = list(totals.index[:top] if top else totals.index)
    else:
        from zhaoshang.text.script import to_simplified

        terms = list(dict.fromkeys(to_simplified(t) for t in terms))
    sums = found[found["term"].isin(terms)].groupby(["term", "year"], as_index=False)["count"].sum()
    grid = pd.DataFrame({"term": terms}).merge(axis, how="cross").merge(sums, on=["term", "year"], how="left")
    grid["count"] = grid["count"].fillna(0).astype("int64")
    grid["per_10k"] = (grid["count"] * 1e4 / grid["n_chars"].where(grid["n_chars"] > 0)).fillna(0.0).round(4)
    return grid[["year", "term", "count", "n_docs", "n_chars", "per_10k", "gap"]]


def first_appearance(tables, terms: Sequence[str] | None = None) -> pd.DataFrame:
    """The year each term first appears: term, first_year, first_doc, last_year, years (with the
    term), docs, count. ``terms`` not found at all are listed with empty years. Sorted by first
    year, then term."""
    years = _doc_years(tables.documents)
    found = tables.term_counts[tables.term_counts["count"] > 0].merge(years[["doc_id", "year"]], on="doc_id")
    found = found.sort_values(["year", "doc_id"], kind="stable")
    rows = []
    for term, g in found.groupby("term", sort=False):
        rows.append((term, int(g["year"].iloc[0]), g["doc_id"].iloc[0], int(g["year"].max()),
                     int(g["year"].nunique()), int(g["doc_id"].nunique()), int(g["count"].sum())))
    out = pd.DataFrame(rows, columns=["term", "first_year", "first_doc", "last_year", "years", "docs", "count"])
    if terms is not None:
        from zhaoshang.text.script import to_simplified

        wanted = list(dict.fromkeys(to_simplified(t) for t in terms))
        out = pd.DataFrame({"term": wanted}).merge(out, on="term", how="left")
        for col in ("first_year", "last_year", "years", "docs", "count"):
            out[col] = out[col].astype("Int64")
        out[["years", "docs", "count"]] = out[["years", "docs", "count"]].fillna(0)
    return out.sort_values(["first_year", "term"], kind="stable", na_position="last").reset_index(drop=True)


def category_shares(tables) -> pd.DataFrame:
    """Rhetoric categories per year on a continuous year axis: year, category, label, hits, share
    (of that year's hits over all categories; 0 when the year has none), per_10k, n_docs, gap."""
    years = _doc_years(tables.documents)
    axis = _year_axis(years)
    rh = tables.rhetoric.merge(years[["doc_id", "year"]], on="doc_id")
    cats = list(dict.fromkeys(tables.rhetoric["category"].dropna()))
    labels = dict(zip(tables.rhetoric["category"], tables.rhetoric.get("label", tables.rhetoric["category"])))
    sums = rh.groupby(["category", "year"], as_index=False)["hits"].sum()
    grid = pd.DataFrame({"category": cats}).merge(axis, how="cross").merge(sums, on=["category", "year"], how="left")
    grid["hits"] = grid["hits"].fillna(0).astype("int64")
    per_year = grid.groupby("year")["hits"].transform("sum")
    grid["share"] = (grid["hits"] / per_year.where(per_year > 0)).fillna(0.0).round(4)
    grid["per_10k"] = (grid["hits"] * 1e4 / grid["n_chars"].where(grid["n_chars"] > 0)).fillna(0.0).round(4)
    grid["label"] = grid["category"].map(labels)
    return grid[["year", "category", "label", "hits", "share", "per_10k", "n_docs", "gap"]]


def figures_by_year(tables, *, kind: str | None = None) -> pd.DataFrame:
    """Figures per year, metric family and kind: year, family, kind (amount or count: their sums are
    never added together), figures, value_low, value_high (sums of CNY amounts, or of counted things;
    parts and conversions left out), docs. The year is the one the figure
    is about (figures.csv ``year``) when it has one, else its document's. Empty, with
    ``.attrs["note"]``, when figures.csv has no ``family`` column."""
    cols = ["year", "family", "kind", "figures", "value_low", "value_high", "docs"]
    figs = tables.figures
    if "family" not in figs.columns:
        out = pd.DataFrame(columns=cols)
        out.attrs["note"] = "figures.csv has no metric family column"
        return out
    years = _doc_years(tables.documents).rename(columns={"year": "doc_year"})
    figs = figs[figs["family"].notna() & (figs["family"].astype(str) != "")]
    if kind is not None:
        figs = figs[figs["kind"] == kind]
    for col in ("part_of", "conversion_of"):
        if col in figs.columns:
            figs = figs[figs[col].isna() | (figs[col].astype(str) == "")]
    figs = figs[figs["currency"].isna() | figs["currency"].isin(["", "CNY"])]
    figs = figs.merge(years[["doc_id", "doc_year"]], on="doc_id")
    year = pd.to_numeric(figs["year"], errors="coerce") if "year" in figs.columns else figs["doc_year"]
    low = pd.to_numeric(figs["value"], errors="coerce")
    figs = figs.assign(year=year.fillna(figs["doc_year"]).astype("int64"), value_low=low,
                       value_high=pd.to_numeric(figs["value_high"], errors="coerce").fillna(low))
    out = figs.groupby(["year", "family", "kind"], as_index=False).agg(
        figures=("doc_id", "size"), value_low=("value_low", "sum"), value_high=("value_high", "sum"),
        docs=("doc_id", "nunique"))
    return out[cols].sort_values(["year", "family", "kind"]).reset_index(drop=True)
