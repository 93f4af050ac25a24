"""Corpus-level tables of the rhetoric rows, for the notebooks and the report.

These take the per-document tables (quotes, slogans, rhetoric — DataFrames or lists
of rows) or the cleaned documents, and compute new tables: slogan counts and kinds,
the corpus's category profile, every metaphor with its sentence, how much of the
quoted text each voice contributes and which categories each voice uses. They
compute and draw nothing, read no files and know nothing of the corpus runner, so
they belong with the analysis; their charts are in
:mod:`zhaoshang.outputs.plots.rhetoric`. pandas is imported on first use.
"""
from __future__ import annotations

from collections import Counter

from zhaoshang.analyses.rhetoric.codebooks import Category, categories, category_labels, doc_metaphors, text_categories
from zhaoshang.analyses.rhetoric.slogans import KINDS
from zhaoshang.analyses.rhetoric.roles import ROLES
from zhaoshang.text.script import to_simplified

METAPHOR_COLUMNS = ["doc_id", "metaphor", "key", "domain", "gloss", "phrase", "quoted", "field", "start", "end",
                    "sentence"]


# ----------------------------------------------------------------- slogans


def slogan_counts(slogans) -> "pd.DataFrame":  # noqa: F821
    """Slogans counted across a corpus: key, slogan (first form seen), kind, n, docs.

    ``slogans`` is a slogans table (DataFrame or list of rows). Sorted by n, docs,
    then key, so recurring formulas come first and the order is deterministic."""
    import pandas as pd

    df = pd.DataFrame(slogans)
    cols = ["key", "slogan", "kind", "n", "docs"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    if "key" not in df:
        df = df.assign(key=df["slogan"].map(to_simplified))
    g = df.groupby("key", sort=True)
    out = pd.DataFrame({
        "slogan": g["slogan"].first(),
        "kind": g["kind"].first(),
        "n": g.size(),
        "docs": g["doc_id"].nunique(),
    }).reset_index()
    out = out.sort_values(["n", "docs", "key"], ascending=[False, False, True], kind="mergesort")
    return out[cols].reset_index(drop=True)


def kind_counts(slogans) -> Counter:
    """How many slogans of each kind (all kinds present, in KINDS order)."""
    c = Counter({k: 0 for k in KINDS})
    for k in (slogans["kind"] if hasattr(slogans, "columns") else (r["kind"] for r in slogans)):
        c[k] += 1
    return c


def slogans_by_kind(slogans, *, examples: int = 5):
    """Slogans per kind: kind, n (occurrences), distinct, examples (most frequent first).

    Every kind is listed, in :data:`.slogans.KINDS` order."""
    import pandas as pd

    df = pd.DataFrame(slogans)
    rows = []
    counts = slogan_counts(df) if len(df) else None
    for kind in KINDS:
        if counts is None:
            rows.append({"kind": kind, "n": 0, "distinct": 0, "examples": ""})
            continue
        sub = counts[counts["kind"] == kind]
        rows.append({"kind": kind, "n": int(sub["n"].sum()), "distinct": len(sub),
                     "examples": "、".join(sub["slogan"].head(examples))})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------- categories and metaphors


def corpus_metaphors(docs):
    """doc_metaphors over many documents, as a DataFrame."""
    import pandas as pd

    rows = [r for d in docs for r in doc_metaphors(d)]
    return pd.DataFrame(rows, columns=METAPHOR_COLUMNS)


def category_profile(rhetoric, documents=None, *, codebook: tuple[Category, ...] | None = None):
    """Corpus-wide profile: category, label, hits, docs (with a hit), per_10k.

    ``per_10k`` is total hits per 10 000 characters of the corpus: the rows'
    ``n_chars`` (title + body) when present, else ``documents``' n_chars.
    ``codebook``: the one the rows were counted with (order and labels; None: built-in)."""
    import pandas as pd

    df = pd.DataFrame(rhetoric)
    cols = ["category", "label", "hits", "docs", "per_10k"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    if "n_chars" in df:
        n_chars = float(df.drop_duplicates("doc_id")["n_chars"].sum())
    elif documents is not None and len(documents):
        n_chars = float(pd.DataFrame(documents)["n_chars"].sum())
    else:
        one = df.drop_duplicates("doc_id")
        ok = one[one["per_10k"] > 0]
        n_chars = float((ok["hits"] * 10000 / ok["per_10k"]).sum()) if len(ok) else 0.0
    order = {c: i for i, c in enumerate(categories(codebook))}
    g = df.groupby("category", sort=False)
    out = pd.DataFrame({"hits": g["hits"].sum(), "docs": g["hits"].apply(lambda s: int((s > 0).sum()))})
    out = out.reset_index()
    out["label"] = out["category"].map(category_labels(codebook)).fillna(out["category"])
    out["per_10k"] = (out["hits"] * 10000 / n_chars).round(3) if n_chars else 0.0
    out["_o"] = out["category"].map(order).fillna(len(order))
    out = out.sort_values(["_o", "category"], kind="mergesort").drop(columns="_o")
    return out[cols].reset_index(drop=True)


# ----------------------------------------------------------------- voices


def voice_shares(quotes):
    """How much quoted text each voice contributes: role, quotes, chars, share_quotes, share_chars.

    All four roles are listed (zero rows included), in the order official,
    enterprise, other, unknown."""
    import pandas as pd

    df = pd.DataFrame(quotes)
    rows = []
    total_q = len(df)
    total_c = int(df["quote"].str.len().sum()) if total_q else 0
    for role in ROLES:
        sub = df[df["role"] == role] if total_q else df
        nq = len(sub) if total_q else 0
        nc = int(sub["quote"].str.len().sum()) if nq else 0
        rows.append({"role": role, "quotes": nq, "chars": nc,
                     "share_quotes": round(nq / total_q, 4) if total_q else 0.0,
                     "share_chars": round(nc / total_c, 4) if total_c else 0.0})
    return pd.DataFrame(rows)


def voice_categories(quotes, *, codebook: tuple[Category, ...] | None = None):
    """Which categories each voice uses: role × category hits per 10 000 quoted characters.

    Returns a long table: role, category, hits, chars, per_10k (every role that
    has quotes × every category)."""
    import pandas as pd

    df = pd.DataFrame(quotes)
    cols = ["role", "category", "hits", "chars", "per_10k"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for role in ROLES:
        sub = df[df["role"] == role]
        if sub.empty:
            continue
        chars = int(sub["quote"].str.len().sum())
        totals = dict.fromkeys(categories(codebook), 0)
        for q in sub["quote"]:
            for cat, n in text_categories(q, codebook=codebook).items():
                totals[cat] += n
        for cat, hits in totals.items():
            rows.append({"role": role, "category": cat, "hits": hits, "chars": chars,
                         "per_10k": round(hits * 10000 / chars, 3) if chars else 0.0})
    return pd.DataFrame(rows, columns=cols)
