"""Sentences computed from the tables, for the notebooks' narrative.

A report runs on any corpus, so its prose cannot be written once by hand: a sentence such as
"enterprises do most of the talking" is true of the sample article and false of fifty State
Council reports. Every function here takes the tables (or a table derived from them) and returns
plain sentences; the notebooks show them with :class:`zhaoshang.outputs.display.Prose`. The
sample article's own commentary (which names its people and places) is kept here too and is
returned only when the corpus *is* the sample (:func:`is_sample`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path

import pandas as pd

from zhaoshang import paths
from zhaoshang.text.script import corpus_script, to_script


def is_sample(tables) -> bool:
    """True when the tables are those of the checkout's sample article folder (data/raw)."""
    source = getattr(tables, "source", "") or ""
    try:
        return bool(source) and Path(source).resolve() == paths.RAW.resolve()
    except OSError:
        return False


def _n(count: int, one: str, many: str | None = None) -> str:
    """'1 document', '3 documents' (thousands separated)."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def _list(items: list[str], *, conj: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def year_gaps(years: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of missing years between the first and the last of ``years``: [(1961, 1963), …]."""
    ys = sorted({int(y) for y in years})
    return [(a + 1, b - 1) for a, b in pairwise(ys) if b - a > 1]


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}–{b}"


def years_sentence(years: Iterable[int], *, what: str = "documents") -> str:
    """When the ``what`` are from, with the years that have none: 'The documents run from 1954 to
    2025 (52 of the 72 years); there are none for 1961–1963, 1965–1974 and 2020.'"""
    ys = sorted({int(y) for y in years})
    if not ys:
        return f"No {what} carry a date or a year, so nothing here can be shown over time."
    if len(ys) == 1:
        return f"All dated {what} are from {ys[0]}: there is no change over time to show."
    gaps = year_gaps(ys)
    span = ys[-1] - ys[0] + 1
    text = f"The dated {what} run from {ys[0]} to {ys[-1]} ({len(ys)} of the {span} years)"
    if not gaps:
        return text + ", with no year missing."
    return text + f"; there are none for {_list([_span(a, b) for a, b in gaps])}, and charts over time leave those years empty."


def _years(documents: pd.DataFrame) -> list[int]:
    if "year" not in documents.columns:
        return []
    return [int(y) for y in pd.to_numeric(documents["year"], errors="coerce").dropna()]


def corpus_sentences(tables) -> str:
    """What the corpus is: documents, rejected inputs, script, years (with gaps), sites."""
    d = tables.documents
    if not len(d):
        reason = tables.failure_reason() if hasattr(tables, "failure_reason") else None
        return "No document could be read" + (f": {reason}." if reason else ".")
    script = corpus_script(d["script"])
    n_script = int((d["script"] == script).sum())
    rejected = "no input was rejected" if not len(tables.errors) else _n(len(tables.errors), "rejected input")
    parts = [(f"The corpus has {_n(len(d), 'document')} ({rejected}), {int(d['n_chars'].sum()):,} characters of body "
              f"text, {n_script} of {len(d)} in {script} script, so tables and charts are written in {script} characters.")]
    parts.append(years_sentence(_years(d)))
    sites = d["site"].dropna() if "site" in d.columns else pd.Series(dtype=object)
    if len(sites):
        top = sites.value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        parts.append(f"{_n(len(sites), 'document')} {'names' if len(sites) == 1 else 'name'} the site they were published on "
                     f"({_list([f'{s} {n}' for s, n in top.head(3).items()])}"
                     f"{' …' if len(top) > 3 else ''}).")
    else:
        parts.append("No document names the site it was published on.")
    return " ".join(parts)


def cleaning_sentences(tables, doc=None) -> str:
    """How damaged the corpus was and what was repaired; which document the walkthrough shows."""
    d = tables.documents
    if not len(d):
        return "There is no document to clean."
    repaired = int((d["n_repairs"] > 0).sum())
    total = int(d["n_repairs"].sum())
    lost = int(d["n_unrecovered"].sum()) if "n_unrecovered" in d.columns else 0
    if not total:
        text = (f"None of the {_n(len(d), 'document')} needed a repair: every text was decoded cleanly, with no "
                "converter residue (pinyin readings) and no byte-shift mojibake.")
    else:
        kinds = tables.repairs["kind"].value_counts() if len(tables.repairs) else pd.Series(dtype=int)
        kinds = kinds.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        text = (f"{repaired} of {_n(len(d), 'document')} needed repairs, {total:,} in all"
                + (f" (most often {_list([f'{k} {n}' for k, n in kinds.head(3).items()])})" if len(kinds) else "")
                + (f"; {_n(lost, 'character')} could not be recovered and {'is' if lost == 1 else 'are'} marked U+FFFD." if lost else
                   "; every damaged character was recovered."))
    if doc is not None:
        name = doc.title or doc.doc_id
        text += (f" The page shown below is 《{name}》, the document with the most repairs ({doc.n_repairs})."
                 if doc.n_repairs else f" The page shown below is 《{name}》 (no document has a repair, so the first).")
    return text


def terms_sentences(term_counts: pd.DataFrame, headline: pd.DataFrame, *, script: str = "simplified",
                    display: Mapping[str, str] | None = None) -> str:
    """The most frequent lexicon terms, and which headline terms (a term_summary table) occur."""
    if not len(term_counts) or term_counts["count"].sum() == 0:
        return "No term of the lexicon occurs in the corpus."
    totals = term_counts.groupby("term")["count"].sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    shown = display or {}
    text = ("The most frequent lexicon terms are "
            f"{_list([f'{shown.get(t, to_script(t, script))} ({int(c):,})' for t, c in ranked])}.")
    if len(headline):
        found = headline[headline["count"] > 0]
        absent = headline[headline["count"] == 0]
        if len(found):
            text += " Of the headline terms, " + _list(
                [f"{t} occurs {_n(int(c), 'time')} in {_n(int(k), 'document')}"
                 for t, c, k in zip(found["term"], found["count"], found["docs"])]) + "."
        if len(absent):
            text += f" {_list(list(absent['term']), conj='and')} {'does' if len(absent) == 1 else 'do'} not occur."
    return text


def trend_sentences(by_year: pd.DataFrame, *, display: Mapping[str, str] | None = None,
                    script: str = "simplified") -> str:
    """For each followed term (a frequency_by(..., "year") table): the first year it occurs and the
    year of its highest rate."""
    if not len(by_year) or by_year["year"].nunique() < 2:
        return "There is only one year (or none) with dated documents, so no change over time is shown."
    shown = display or {}
    parts = []
    for term, g in by_year.groupby("term", sort=False):
        hit = g[g["count"] > 0].sort_values("year")
        label = shown.get(term, to_script(term, script))
        if not len(hit):
            parts.append(f"{label} never occurs")
            continue
        peak = hit.sort_values(["per_10k", "year"], ascending=[False, True]).iloc[0]
        parts.append(f"{label} first occurs in {int(hit['year'].iloc[0])} and is densest in "
                     f"{int(peak['year'])} ({peak['per_10k']:.1f} per 10,000 characters)")
    return "Over time: " + "; ".join(parts) + "."


def figures_sentences(figures: pd.DataFrame, documents: pd.DataFrame) -> str:
    """How many figures, of which kinds, in how many documents, with which places."""
    if not len(figures):
        return (f"No amount of money or count of projects was found in the {_n(len(documents), 'document')}, "
                "so the tables of this notebook are empty.")
    kinds = figures["kind"].value_counts()
    text = (f"{_n(len(figures), 'figure')} were found in {figures['doc_id'].nunique()} of "
            f"{_n(len(documents), 'document')}: {_n(int(kinds.get('amount', 0)), 'amount')} and "
            f"{_n(int(kinds.get('count', 0)), 'count')}.")
    q = figures["qualifier"].value_counts()
    inexact = int(len(figures) - q.get("exact", 0))
    if inexact:
        text += f" {inexact} are not exact values (floors, approximations or ranges)."
    if "place" in figures.columns:
        placed = figures["place"].notna().sum()
        text += f" {int(placed):,} are attributed to a place, {len(figures) - int(placed):,} to none."
    return text


def totals_sentences(totals: pd.DataFrame, tables=None) -> str:
    """What the totals table holds: places, families, periods; the sample's own reading when it is the sample."""
    if tables is not None and is_sample(tables):
        return SAMPLE_TOTALS
    if not len(totals):
        return "No amount is attributed to a place, so there is no total by place."
    fams = totals["family"].value_counts()
    undated = int(totals["period"].astype(str).str.startswith("undated").sum())
    return (f"The totals table has {_n(len(totals), 'row')} for {_n(totals['place'].nunique(), 'place')} and "
            f"{_n(len(fams), 'metric family', 'metric families')} (most rows: "
            f"{_list([f'{f} {n}' for f, n in fams.sort_index().sort_values(ascending=False, kind='stable').head(3).items()])}); "
            f"{undated} rows have no stated period and are grouped per document. Rows of different families or "
            "periods are different money and are not to be compared as equals.")


def rhetoric_sentences(tables) -> str:
    """How many quotes (by role) and slogans, and which frames are densest."""
    q, s, r = tables.quotes, tables.slogans, tables.rhetoric
    parts = []
    if len(q):
        roles = q["role"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
        speakers = q["speaker"].dropna().value_counts().sort_index().sort_values(ascending=False, kind="stable")
        text = f"The corpus has {_n(len(q), 'direct quote')} ({_list([f'{k} {n}' for k, n in roles.items()])})"
        if not len(speakers):
            text += "; no speaker is named."
        elif speakers.iloc[0] > 1:
            text += f"; the speakers quoted most are {_list([f'{k} ({n})' for k, n in speakers.head(3).items()])}."
        else:
            text += f"; {_n(len(speakers), 'speaker')}, each quoted once."
        parts.append(text)
    else:
        parts.append("The corpus has no direct quote: nobody is quoted speaking.")
    parts.append(f"It has {_n(len(s), 'quoted slogan')}" + (f" ({s['slogan'].nunique()} distinct)." if len(s) else "."))
    if len(r) and r["hits"].sum():
        from zhaoshang.analyses.rhetoric import category_profile

        prof = category_profile(r).sort_values(["per_10k", "category"], ascending=[False, True])
        parts.append("The densest frames are " + _list([f"{lab} ({v:.1f} per 10,000 characters)"
                                                        for lab, v in zip(prof["label"].head(3), prof["per_10k"].head(3))]) + ".")
    return " ".join(parts)


def shares_sentences(shares: pd.DataFrame, *, labels: Mapping[str, str] | None = None) -> str:
    """The categories whose share of rhetoric hits changed most between the first and the last
    decade with documents (a :func:`zhaoshang.research.category_shares` table: year, category,
    hits, share)."""
    if not len(shares) or shares["year"].nunique() < 2:
        return "There is only one year (or none) with dated documents, so no change of frames over time is shown."
    df = shares.assign(decade=(shares["year"] // 10) * 10)
    first, last = int(df["decade"].min()), int(df["decade"].max())
    if first == last:
        return f"All dated documents are from the {first}s; compare the years in the chart."
    g = df[df["decade"].isin([first, last])].groupby(["decade", "category"])["hits"].sum().unstack(0, fill_value=0)
    share = g / g.sum()
    change = (share[last] - share[first]).sort_values(kind="stable")
    names = labels or {}
    up, down = change.index[-1], change.index[0]
    return (f"Between the {first}s and the {last}s the share of {names.get(up, up)} among all rhetoric hits went from "
            f"{share.loc[up, first]:.0%} to {share.loc[up, last]:.0%}, the largest rise; {names.get(down, down)} went from "
            f"{share.loc[down, first]:.0%} to {share.loc[down, last]:.0%}, the largest fall.")


def figures_by_year_sentence(figures: pd.DataFrame) -> str | None:
    """Why there is no chart of figures by year and family, or None when there can be one."""
    missing = [c for c in ("family", "year") if c not in figures.columns]
    if missing:
        return (f"The figures table has no {' or '.join(f'`{c}`' for c in missing)} column in this version, so "
                "figures are not shown by year and metric family (nothing is derived here in their place).")
    if not len(figures) or figures["year"].dropna().nunique() < 2:
        return "Figures carry fewer than two distinct years, so there is no series to draw."
    return None


SAMPLE_TOTALS = ("In the sample every place has one family and one period, so each total is a single claim: "
                 "contracted (簽約投資) for 魯西新區, planned (項目總投資) for 費縣 and 定陶區, investment (投資) for 齊河縣 — "
                 "different money, not to be compared as equals.")

SAMPLE_VOICES = ("On the sample article, enterprises do most of the talking (five of six quotes: 楊宇, 某企業有關負責人, "
                 "陳衛健, 翟明剛, 李公帥) and talk about incentives, service and the industrial chain; the one official "
                 "(孫業, 投促中心主任) talks the chain and its metaphor. The author's own voice carries the slogans and the "
                 "campaign vocabulary.")


HEADLINE_TERMS = ("产业链招商", "营商环境", "招商引资", "以商招商")
"""The terms notebook 02 follows in every corpus (industrial-chain promotion, business environment,
investment promotion, investors bringing investors), written in Simplified."""


def headline_terms(script: str = "simplified") -> list[str]:
    """:data:`HEADLINE_TERMS` in the corpus's script (Traditional for a Traditional corpus)."""
    return [to_script(t, script) for t in HEADLINE_TERMS]


def place_sentence(intensity: pd.DataFrame) -> str:
    """What the map of provinces shows, or why there is none (a province_intensity table)."""
    if not len(intensity):
        return ("No document is assigned a province (documents.province), so term intensity is not shown by place: "
                "a national corpus, or a version of the tables without document places.")
    if len(intensity) == 1:
        p = intensity.iloc[0]
        return (f"Every document with a place is from {p['province']} ({_n(int(p['documents']), 'document')}), "
                "so there is no map to compare provinces.")
    top = intensity.iloc[0]
    return (f"{_n(int(intensity['documents'].sum()), 'document')} from {len(intensity)} provinces; the lexicon's terms are "
            f"densest in {top['province']} ({top['per_10k']:.1f} per 10,000 characters over "
            f"{_n(int(top['documents']), 'document')}). Provinces with few documents give unsteady rates.")


def invest_sentence(invest: pd.DataFrame) -> str:
    """Why there is no chart of investment totals, when there is none."""
    if len(invest):
        return (f"{_n(len(invest), 'total')} of investment families, for "
                f"{_n(invest['place'].nunique(), 'place')}; the chart shows the largest.")
    return ("No amount of an investment family (contracted, planned, made, fixed-asset, funds in place, foreign "
            "investment used) is attributed to a place, so there is no chart of investment by place.")


def has_figure_years(figures: pd.DataFrame) -> bool:
    """True when the figures carry a metric family and at least two distinct years to draw."""
    return figures_by_year_sentence(figures) is None


def voices_reading(tables) -> str:
    """Who does the talking, read off the voice shares (the sample's own reading for the sample)."""
    if is_sample(tables):
        return SAMPLE_VOICES
    q = tables.quotes
    if not len(q):
        return "Nobody is quoted, so the corpus's rhetoric is all the author's own voice."
    from zhaoshang.analyses.rhetoric import voice_shares

    v = voice_shares(q).set_index("role")
    lead = v["share_chars"].idxmax()
    return (f"{lead.capitalize()} voices carry {v.loc[lead, 'share_chars']:.0%} of the quoted characters "
            f"({int(v.loc[lead, 'quotes'])} of {len(q)} quotes); enterprises {int(v.loc['enterprise', 'quotes']) if 'enterprise' in v.index else 0}. "
            "Everything outside quotation marks — most of the text — is the author's voice.")


def held_out_sentence(dev: pd.DataFrame, held: pd.DataFrame, *, margin: float = 0.02) -> str:
    """Which fields of a held-out check set fall short of the development set's precision (amounts and
    counts, by more than ``margin``), from two :func:`zhaoshang.evaluate.dev_table` tables."""
    if not len(dev) or not len(held):
        return ""
    col = "precision zhaoshang"
    d, h = dev.loc["amounts+counts", col], held.loc["amounts+counts", col]
    short = [(f, h[f], d[f]) for f in h.index if f in d.index and pd.notna(h[f]) and pd.notna(d[f])
             and h[f] < d[f] - margin]
    short.sort(key=lambda t: t[1] - t[2])
    if not short:
        return ("On every field its precision is within "
                f"{margin:.2f} of the development set's, or above it.")
    parts = [f"{f} ({hv:.3f} against {dv:.3f})" for f, hv, dv in short]
    return (f"Its precision falls short of the development set's on {_list(parts)}: validate "
            f"{'that column' if len(short) == 1 else 'those columns'} on your own corpus before citing "
            f"{'it' if len(short) == 1 else 'them'}.")
