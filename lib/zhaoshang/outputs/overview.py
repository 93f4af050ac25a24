"""The corpus at a glance: what is in it and the headline numbers of every analysis.

Used by ``notebooks/00-overview.ipynb`` and the report index. Everything is
computed from the tables of :func:`zhaoshang.corpus.analyze`, never from text
again, so the overview always agrees with the other notebooks.
"""
from __future__ import annotations

import pandas as pd

from zhaoshang.text.script import corpus_script, to_script


def documents_by(tables, column: str) -> pd.DataFrame:
    """Documents per value of a documents column (year, site, script, encoding…), stable order."""
    d = tables.documents
    if not len(d):
        return pd.DataFrame(columns=[column, "documents", "characters"])
    key = d[column].astype("object").where(d[column].notna(), "(unknown)")
    g = (d.assign(_key=key).groupby("_key", sort=False)
         .agg(documents=("doc_id", "size"), characters=("n_chars", "sum")).reset_index()
         .rename(columns={"_key": column}))
    g[column] = g[column].astype(str)
    return g.sort_values(column, kind="stable").reset_index(drop=True)


def _script(tables) -> str:
    return corpus_script(tables.documents["script"])


def headline(tables) -> pd.DataFrame:
    """One row per headline number, with the notebook that explains it. Counts and totals are
    taken on canonical documents (:meth:`~zhaoshang.corpus.tables.Tables.canonical`: each story
    once), and the reposts folded are a row of their own."""
    from zhaoshang.analyses.figures import totals_by_place

    script = _script(tables)
    rows: list[tuple[str, str, str]] = []
    d = tables.documents
    rows.append(("01 cleaning", "documents (rejected inputs)", f"{len(d)} ({len(tables.errors)})"))
    rows.append(("01 cleaning", "repairs (unrecoverable characters)",
                 f"{int(d['n_repairs'].sum()) if len(d) else 0} ({int(d['n_unrecovered'].sum()) if len(d) else 0})"))
    if len(tables.reposts):
        stories = tables.reposts["cluster_id"].nunique()
        rows.append(("01 cleaning", "reposts folded (stories carried more than once)",
                     f"{len(tables.reposts)} ({stories})"))
    tables = tables.canonical()  # from here on each story once: reposts folded (README, "Reposts")

    tc = tables.term_counts
    if len(tc):
        top = (tc.groupby("term").agg(count=("count", "sum"), docs=("doc_id", "nunique")).reset_index()
               .sort_values(["count", "term"], ascending=[False, True]).head(5))
        rows.append(("02 term frequency", "most frequent lexicon terms",
                     "、".join(f"{to_script(t, script)} {c}" for t, c in zip(top["term"], top["count"]))))
    w = tables.words
    if len(w):
        rows.append(("02 term frequency", "distinct words (after stopwords)", f"{len(w)}"))

    f = tables.figures
    if len(f):
        amounts = f[f["kind"] == "amount"]
        counts = f[f["kind"] == "count"]
        rows.append(("03 investment figures", "amounts / counts reported", f"{len(amounts)} / {len(counts)}"))
        totals = totals_by_place(f)
        if len(totals):
            # investment only (signed, planned, completed, fixed-asset, funds in place …): output,
            # revenue and GDP are other things; never summed across periods or metric families
            inv = totals[totals["family"].astype(str).str.contains("投资")]
            top = inv.sort_values(["low", "place", "family"], ascending=[False, True, True]).head(3)
            rows.append(("03 investment figures", "largest investment totals (place, kind, period; CNY 亿)",
                         "；".join(f"{p} {fam} {'' if str(per).startswith('undated') else per} "
                                  f"{b if b != '=' else ''}{low / 1e8:,.1f}".replace("  ", " ")
                                  for p, fam, per, low, b in zip(top["place"], top["family"], top["period"],
                                                                 top["low"], top["bound"]))))

    q = tables.quotes
    if len(q):
        roles = q["role"].value_counts()
        rows.append(("04 rhetoric", "direct quotes by role",
                     "、".join(f"{r} {n}" for r, n in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0])))))
    s = tables.slogans
    if len(s):
        rows.append(("04 rhetoric", "quoted slogans (distinct)", f"{len(s)} ({s['slogan'].nunique()})"))
    r = tables.rhetoric
    if len(r):
        cat = (r.groupby("category")["per_10k"].mean().reset_index()
               .sort_values(["per_10k", "category"], ascending=[False, True]).head(3))
        rows.append(("04 rhetoric", "densest rhetoric categories (hits per 10k chars)",
                     "、".join(f"{c} {v:.1f}" for c, v in zip(cat["category"], cat["per_10k"]))))
    return pd.DataFrame(rows, columns=["notebook", "measure", "value"])


def plot_documents_by_year(tables, ax=None):
    """Documents per year on a continuous year axis, gaps shaded (see :mod:`zhaoshang.outputs.plots.years`).

    Returns the Figure; ``ax`` is accepted for compatibility and ignored."""
    from zhaoshang.outputs.plots.years import documents_by_year
    from zhaoshang.outputs.timeline import documents_per_year

    return documents_by_year(documents_per_year(tables.documents), script=_script(tables))


REPOSTS_COLUMNS = ["story", "canonical_doc_id", "copies_folded", "sites", "first", "last", "days"]


def reposts_summary(tables) -> tuple[pd.DataFrame, str]:
    """The stories carried more than once: one row per story (its canonical title), how many
    copies were folded into it, the sites that carried it, its first and last publication date
    and the days between; and one sentence saying how many copies were folded, computed from it.

    The tables on canonical documents only (``tables.canonical()``) count each of these stories
    once."""
    d = tables.documents
    if "cluster_id" not in d.columns or not len(tables.reposts):
        n = len(d)
        sentence = ("The corpus is one document: there is no copy to fold." if n == 1 else
                    "No document was read, so there is no copy to fold." if n == 0 else
                    f"No repost found: all {n} documents are distinct stories.")
        return pd.DataFrame(columns=REPOSTS_COLUMNS), sentence
    folded = tables.reposts
    clusters = set(folded["cluster_id"])
    docs = d[d["cluster_id"].isin(clusters)]
    rows = []
    for cluster, g in docs.groupby("cluster_id", sort=True):
        canon = g[g["canonical"].fillna(False).astype(bool)]
        head = canon.iloc[0] if len(canon) else g.iloc[0]
        dates = sorted(x for x in g["published"] if isinstance(x, str))
        sites = sorted({s for s in g["site"] if isinstance(s, str) and s.strip()})
        days = (pd.Timestamp(dates[-1]) - pd.Timestamp(dates[0])).days if dates else None
        rows.append({"story": head["title"] or head["doc_id"], "canonical_doc_id": head["doc_id"],
                     "copies_folded": len(g) - 1, "sites": "、".join(sites) if sites else "(unknown)",
                     "first": dates[0] if dates else None, "last": dates[-1] if dates else None, "days": days})
    out = pd.DataFrame(rows, columns=REPOSTS_COLUMNS).sort_values(
        ["copies_folded", "canonical_doc_id"], ascending=[False, True]).reset_index(drop=True)
    n_sites = len({s for s in docs["site"] if isinstance(s, str) and s.strip()})
    spans = [x for x in out["days"] if x is not None and pd.notna(x)]
    span = f", over at most {max(spans)} days" if spans else ""
    sentence = (f"{int(out['copies_folded'].sum())} of {len(d)} documents are copies of {len(out)} "
                f"{'story' if len(out) == 1 else 'stories'} carried by {n_sites} "
                f"{'site' if n_sites == 1 else 'sites'}{span}: the canonical tables count each story once "
                f"({len(d) - int(out['copies_folded'].sum())} documents).")
    return out, sentence

