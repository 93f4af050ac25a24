"""Rhetoric: who speaks, which slogans, which metaphors and frames.

The three per-document functions the corpus runner calls:

* :func:`doc_quotes`   – direct speech with speaker, title, organisation and role
  (see :mod:`zhaoshang.quotes`);
* :func:`doc_slogans`  – quoted phrases that are not speech, with a kind
  (see :mod:`zhaoshang.slogans`);
* :func:`doc_rhetoric` – hits and hits per 10 000 characters of each codebook
  category (package data ``lexicon/codebook.yaml``, documented in ``docs/codebook.md``)
  and of the metaphor lexicon (``lexicon/metaphors.yaml``, category
  ``metaphor``).

Plus :func:`doc_metaphors` (every metaphor with its sentence), and corpus-level
helpers for the notebook: category profiles, voice shares (how much quoted text
comes from officials and how much from enterprises) and the categories each
voice uses, with their charts.

All offsets point into ``doc.body``; ``body[start:end]`` is the reported text.
Matching runs on ``doc.simplified``; lexicons are written once, in Simplified.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from . import resources
from .quotes import ROLES, SENTENCE_END, _load_yaml, doc_quotes, find_quoted_spans  # noqa: F401
from .script import to_simplified
from .slogans import doc_slogans, slogan_counts  # noqa: F401

CODEBOOK_RESOURCE = "lexicon/codebook.yaml"
METAPHORS_RESOURCE = "lexicon/metaphors.yaml"

METAPHOR = "metaphor"
"""Category name of metaphor-lexicon hits in rhetoric tables."""


# ----------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    label_zh: str
    description: str
    terms: tuple[str, ...]
    example: str = ""


@dataclass(frozen=True)
class Metaphor:
    term: str
    domain: str
    gloss: str = ""


@lru_cache(maxsize=2)
def codebook(path: str | None = None) -> tuple[Category, ...]:
    """The rhetoric categories of the package data ``lexicon/codebook.yaml``, in file order."""
    data = _load_yaml(path) if path else resources.read_yaml(CODEBOOK_RESOURCE)
    cats = []
    for c in data["categories"]:
        terms = tuple(dict.fromkeys(to_simplified(str(t)) for t in c["terms"]))
        cats.append(Category(id=c["id"], label=c["label"], label_zh=c.get("label_zh", ""),
                             description=" ".join(str(c.get("description", "")).split()),
                             terms=terms, example=str(c.get("example", ""))))
    return tuple(cats)


def categories() -> list[str]:
    """Category ids in codebook order, then ``metaphor``."""
    return [c.id for c in codebook()] + [METAPHOR]


@lru_cache(maxsize=2)
def metaphors(path: str | None = None) -> tuple[Metaphor, ...]:
    """The metaphor lexicon of the package data ``lexicon/metaphors.yaml``."""
    data = _load_yaml(path) if path else resources.read_yaml(METAPHORS_RESOURCE)
    seen: dict[str, Metaphor] = {}
    for m in data["metaphors"]:
        t = to_simplified(str(m["term"]))
        seen.setdefault(t, Metaphor(t, str(m.get("domain", "")), str(m.get("gloss", ""))))
    return tuple(seen.values())


class PhraseMatcher:
    """Exact phrase matching, leftmost-longest and non-overlapping (Aho–Corasick)."""

    def __init__(self, terms):
        self.terms = tuple(dict.fromkeys(t for t in terms if t))
        self._auto = ahocorasick.Automaton()
        for t in self.terms:
            self._auto.add_word(t, t)
        if self.terms:
            self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every match, leftmost-longest, never overlapping."""
        if not self.terms or not text:
            return []
        found = sorted(((end - len(t) + 1, -len(t), t) for end, t in self._auto.iter(text)))
        out, pos = [], 0
        for s, neg, t in found:
            if s >= pos:
                out.append((s, s - neg, t))
                pos = s - neg
        return out


@lru_cache(maxsize=2)
def _category_matchers() -> tuple[tuple[str, PhraseMatcher], ...]:
    return tuple((c.id, PhraseMatcher(c.terms)) for c in codebook())


@lru_cache(maxsize=2)
def _metaphor_matcher() -> PhraseMatcher:
    return PhraseMatcher(m.term for m in metaphors())


# ----------------------------------------------------------------- per document


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (ends at 。！？ or a line break)."""
    a = start
    while a > 0 and text[a - 1] not in SENTENCE_END + "\n":
        a -= 1
    b = end
    while b < len(text) and text[b] not in SENTENCE_END + "\n":
        b += 1
    if b < len(text) and text[b] != "\n":
        b += 1
        while b < len(text) and text[b] in "”」’』":
            b += 1
    while a < b and text[a] in " \t　":
        a += 1
    return a, b


def _fields(doc):
    """(field, original, simplified) for the title and the body of a document."""
    title = doc.title or ""
    title_simp = getattr(doc, "title_simplified", None) or to_simplified(title)
    return (("title", title, title_simp), ("body", doc.body, doc.simplified))


def doc_category_hits(doc) -> list[dict]:
    """Every codebook hit in title and body.

    Columns: doc_id, category, term (as written), key (Simplified), field
    ('title'/'body'), start, end (into that field), sentence."""
    rows = []
    for field, text, simp in _fields(doc):
        for cat, matcher in _category_matchers():
            for s, e, t in matcher.find(simp):
                a, b = _sentence_bounds(text, s, e)
                rows.append({"doc_id": doc.doc_id, "category": cat, "term": text[s:e], "key": t,
                             "field": field, "start": s, "end": e, "sentence": text[a:b]})
    rows.sort(key=lambda r: (r["field"] != "title", r["start"], r["category"]))
    return rows


def doc_metaphors(doc) -> list[dict]:
    """Every metaphor of the lexicon in the title and body of a CleanDocument.

    Columns: doc_id, metaphor (as written), key (lexicon term, Simplified), domain,
    gloss, phrase (the whole quoted phrase when the metaphor sits in short quotation
    marks, e.g. 產業糖葫蘆 for 糖葫蘆, else the metaphor itself), quoted, field
    ('title'/'body'), start, end (``text[start:end] == metaphor`` for that field),
    sentence."""
    info = {m.term: m for m in metaphors()}
    rows = []
    for field, text, simp in _fields(doc):
        spans = find_quoted_spans(simp)
        for s, e, t in _metaphor_matcher().find(simp):
            phrase, quoted = text[s:e], False
            inner = [q for q in spans if q.start <= s and e <= q.end]
            if inner:
                q = min(inner, key=lambda q: q.end - q.start)
                if q.end - q.start <= 12:
                    phrase, quoted = text[q.start:q.end], True
            a, b = _sentence_bounds(text, s, e)
            m = info[t]
            rows.append({"doc_id": doc.doc_id, "metaphor": text[s:e], "key": t, "domain": m.domain,
                         "gloss": m.gloss, "phrase": phrase, "quoted": quoted, "field": field,
                         "start": s, "end": e, "sentence": text[a:b]})
    return rows


def doc_rhetoric(doc) -> list[dict]:
    """Hits of every codebook category, and of the metaphor lexicon, in a CleanDocument.

    Counted in title + body (like term counts). One row per category, zero hits
    included (profiles need no filling): doc_id, category, hits, per_10k (hits per
    10 000 characters of title + body), n_chars (that length), label, terms (the
    distinct matched terms as written, "、"-joined, by first occurrence)."""
    n = len(doc.title or "") + len(doc.body)
    labels = {c.id: c.label for c in codebook()}
    labels[METAPHOR] = "Metaphor"
    by_cat: dict[str, list] = {c: [] for c in categories()}
    for h in doc_category_hits(doc):
        by_cat[h["category"]].append(h["term"])
    for m in doc_metaphors(doc):
        by_cat[METAPHOR].append(m["metaphor"])
    rows = []
    for cat, terms in by_cat.items():
        hits = len(terms)
        rows.append({"doc_id": doc.doc_id, "category": cat, "hits": hits,
                     "per_10k": round(hits * 10000 / n, 3) if n else 0.0, "n_chars": n,
                     "label": labels[cat], "terms": "、".join(dict.fromkeys(terms))})
    return rows


def text_categories(text: str) -> dict[str, int]:
    """Hits of each codebook category (and metaphor) in a piece of text of any script."""
    simp = to_simplified(text)
    out = {cat: len(m.find(simp)) for cat, m in _category_matchers()}
    out[METAPHOR] = len(_metaphor_matcher().find(simp))
    return out


# ----------------------------------------------------------------- corpus level


def corpus_metaphors(docs):
    """doc_metaphors over many documents, as a DataFrame."""
    import pandas as pd

    rows = [r for d in docs for r in doc_metaphors(d)]
    cols = ["doc_id", "metaphor", "key", "domain", "gloss", "phrase", "quoted", "field", "start", "end",
            "sentence"]
    return pd.DataFrame(rows, columns=cols)


def category_profile(rhetoric, documents=None):
    """Corpus-wide profile: category, label, hits, docs (with a hit), per_10k.

    ``per_10k`` is total hits per 10 000 characters of the corpus: the rows'
    ``n_chars`` (title + body) when present, else ``documents``' n_chars."""
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
    order = {c: i for i, c in enumerate(categories())}
    g = df.groupby("category", sort=False)
    out = pd.DataFrame({"hits": g["hits"].sum(), "docs": g["hits"].apply(lambda s: int((s > 0).sum()))})
    labels = {c.id: c.label for c in codebook()}
    labels[METAPHOR] = "Metaphor"
    out = out.reset_index()
    out["label"] = out["category"].map(labels).fillna(out["category"])
    out["per_10k"] = (out["hits"] * 10000 / n_chars).round(3) if n_chars else 0.0
    out["_o"] = out["category"].map(order).fillna(len(order))
    out = out.sort_values(["_o", "category"], kind="mergesort").drop(columns="_o")
    return out[cols].reset_index(drop=True)


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


def voice_categories(quotes):
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
        totals = dict.fromkeys(categories(), 0)
        for q in sub["quote"]:
            for cat, n in text_categories(q).items():
                totals[cat] += n
        for cat, hits in totals.items():
            rows.append({"role": role, "category": cat, "hits": hits, "chars": chars,
                         "per_10k": round(hits * 10000 / chars, 3) if chars else 0.0})
    return pd.DataFrame(rows, columns=cols)


def slogans_by_kind(slogans, *, examples: int = 5):
    """Slogans per kind: kind, n (occurrences), distinct, examples (most frequent first).

    Every kind is listed, in :data:`zhaoshang.slogans.KINDS` order."""
    import pandas as pd

    from .slogans import KINDS

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


# ----------------------------------------------------------------- charts


_ROLE_ZH = {"official": "官员", "enterprise": "企业", "other": "其他", "unknown": "未知"}
_COLOURS = {"official": "#4c72b0", "enterprise": "#dd8452", "other": "#55a868", "unknown": "#8c8c8c"}


def _use_font(script: str) -> None:
    """Draw with the Noto Sans CJK face matching ``script`` (set on every call)."""
    import matplotlib as mpl

    from .fonts import face_for_script, use_cjk_font

    name = use_cjk_font(face_for_script(script))
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False


def _category_labels(cats, script: str) -> list[str]:
    from .script import to_script

    zh = {c.id: c.label_zh for c in codebook()}
    zh[METAPHOR] = "隐喻"
    en = {c.id: c.label for c in codebook()}
    en[METAPHOR] = "Metaphor"
    return [f"{en.get(c, c)} {to_script(zh.get(c, ''), script)}".strip() for c in cats]


def plot_category_profile(profile, *, script: str = "simplified", title: str | None = None):
    """Bars of a :func:`category_profile`: hits per 10 000 characters, hits as labels.

    Returns the matplotlib Figure (assign it: ``fig = ...``)."""
    import matplotlib.pyplot as plt

    _use_font(script)
    p = profile.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.38 * len(p) + 1.4))
    ax.barh(_category_labels(p["category"], script), p["per_10k"], color="#4c72b0")
    for y, (v, h) in enumerate(zip(p["per_10k"], p["hits"])):
        ax.text(v, y, f" {int(h)}", va="center", fontsize=8)
    ax.set_xlabel("hits per 10,000 characters (bar labels: hits)")
    ax.set_title(title or "Rhetoric categories")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def plot_voice(quotes, *, script: str = "simplified", title: str | None = None):
    """Who speaks: share of quotes and quoted characters by role (left), and the
    categories each voice uses, per 10 000 quoted characters (right).

    Returns the matplotlib Figure (assign it: ``fig = ...``)."""
    import matplotlib.pyplot as plt
    import numpy as np

    from .script import to_script

    _use_font(script)
    shares = voice_shares(quotes)
    vc = voice_categories(quotes)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.6), gridspec_kw={"width_ratios": [2, 3]})
    x = np.arange(len(shares))
    w = 0.38
    ax1.bar(x - w / 2, shares["share_quotes"], w, label="share of quotes", color="#4c72b0")
    ax1.bar(x + w / 2, shares["share_chars"], w, label="share of quoted characters", color="#dd8452")
    ax1.set_xticks(x, [f"{r}\n{to_script(_ROLE_ZH[r], script)}" for r in shares["role"]])
    ax1.set_ylim(0, 1)
    ax1.set_ylabel("share")
    ax1.legend(frameon=False, fontsize=8)
    ax1.set_title("Voice shares of direct quotes")
    cats = categories()
    roles = [r for r in ROLES if not vc.empty and r in set(vc["role"])]
    y = np.arange(len(cats))
    h = 0.8 / max(len(roles), 1)
    for i, role in enumerate(roles):
        sub = vc[vc["role"] == role].set_index("category").reindex(cats)["per_10k"].fillna(0)
        ax2.barh(y + i * h - 0.4 + h / 2, sub.values, h, color=_COLOURS[role],
                 label=f"{role} {to_script(_ROLE_ZH[role], script)}")
    ax2.set_yticks(y, _category_labels(cats, script))
    ax2.invert_yaxis()
    ax2.set_xlabel("hits per 10,000 quoted characters")
    ax2.set_title("Categories each voice uses")
    if roles:
        ax2.legend(frameon=False, fontsize=8, loc="lower right")
    for ax in (ax1, ax2):
        ax.spines[["top", "right"]].set_visible(False)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# ----------------------------------------------------------------- documentation


def codebook_markdown() -> str:
    """docs/codebook.md, generated from the codebook and metaphor lexicon."""
    lines = [
        "# Rhetoric codebook",
        "",
        "Generated from the package data `lexicon/codebook.yaml` and `lexicon/metaphors.yaml`",
        "(in `lib/zhaoshang/resources/`) by `zhaoshang.rhetoric.codebook_markdown()`; edit the data",
        "files, then regenerate with",
        "",
        "```",
        ".venv/bin/python -c \"from zhaoshang import rhetoric; rhetoric.write_codebook_doc('docs/codebook.md')\"",
        "```",
        "",
        "Terms are written in Simplified script and matched on the Simplified view of each",
        "document, so they count in Traditional text too. Within a category, matches are",
        "leftmost-longest and never overlap (全产业链招商 is one hit, not three). `rhetoric.csv`",
        "gives, per document and category, `hits` and `per_10k` (hits per 10 000 characters;",
        "title and body are both counted, like term counts); the metaphor lexicon is reported",
        "as the category `metaphor`.",
        "Examples are sentences of the sample article (data/raw), in its Traditional script.",
        "",
    ]
    for c in codebook():
        lines += [f"## {c.label} ({c.label_zh}) — `{c.id}`", "", c.description, "",
                  "Terms: " + "、".join(c.terms), ""]
        if c.example:
            lines += [f"Example: {c.example}", ""]
    lines += ["## Metaphor — `metaphor`", "",
              "Figurative borrowings from other domains. A metaphor inside short quotation marks is",
              "reported with the whole quoted phrase (“产业糖葫芦” for 糖葫芦).", "",
              "| term | domain | gloss |", "|---|---|---|"]
    for m in metaphors():
        lines.append(f"| {m.term} | {m.domain} | {m.gloss} |")
    lines.append("")
    return "\n".join(lines)


def write_codebook_doc(path) -> None:
    """Write :func:`codebook_markdown` to ``path`` (the checkout's docs/codebook.md)."""
    from pathlib import Path

    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(codebook_markdown(), encoding="utf-8")
