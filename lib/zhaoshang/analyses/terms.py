"""Term frequency: exact phrase counts and word counts (KWIC, dispersion, collocations: :mod:`.explore`).

Two ways of counting, deliberately kept apart:

* **Phrase counts** (:func:`doc_term_counts`, :func:`count_terms`) find the
  lexicon's terms *exactly* in the Simplified view of title and body with an
  Aho-Corasick automaton, independent of how jieba would cut the text. They
  are script-insensitive: a term asked in either script is converted to
  Simplified and matched against the Simplified view, so 营商环境 finds
  營商環境.
* **Word counts** (:func:`doc_word_counts`) come from jieba's segmentation (see
  :mod:`zhaoshang.text.segment`), stopwords removed, keyed by Simplified form.

Overlap policy for phrase counts
--------------------------------
Every term is counted on its own, as if searched alone: nested and overlapping
matches of *different* terms all count. 全產業鏈招商 therefore counts once for
全产业链招商 **and** once for 产业链招商 (and once for 产业链). Occurrences of
the *same* term are counted left to right without overlap, like ``str.count``
or ``grep -o``. Category totals add up term counts, so a phrase nested in
another is counted in both terms' categories.

Matching normalisation
----------------------
Matching runs on the Simplified view with zero-width characters removed and a
single hard line break between two Han characters (text wrapped mid-sentence)
bridged; a blank line or an indented new line (a paragraph break) is not
bridged. Offsets always point into the original title or body.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from zhaoshang.text.lexicon import Lexicon, as_lexicon
from zhaoshang.text.script import to_script, to_simplified
from zhaoshang.text.segment import DEFAULT_SEGMENTER, content_words, doc_fields_tokens

# --------------------------------------------------------------------------- matching view

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# one line break, optionally with trailing spaces before it, between two Han characters
_WRAP = re.compile(rf"(?<=[{_HAN}])[ \t\u3000]*\r?\n(?=[{_HAN}])")
_DROP = re.compile(rf"[{_ZERO_WIDTH}]|{_WRAP.pattern}")


class KeptRuns:
    """Positions of the matching view → positions of the text it was made from, by runs: the
    view is the text with some stretches removed, so a position maps by the run it falls in
    (found by bisection; a per-character list would cost a Python step per character)."""

    def __init__(self, starts: list[int], sources: list[int]) -> None:
        self.starts, self.sources = starts, sources  # each run's start in the view and in the text

    def __getitem__(self, i: int) -> int:
        r = bisect_right(self.starts, i) - 1
        return self.sources[r] + (i - self.starts[r])


def matching_view(simplified: str) -> tuple[str, KeptRuns | None]:
    """The text phrases are matched in, and a map from its positions to ``simplified``'s.

    Returns ``(text, None)`` when nothing had to be removed (the common case)."""
    if not _DROP.search(simplified):
        return simplified, None
    starts: list[int] = []
    sources: list[int] = []
    n = last = 0
    for m in _DROP.finditer(simplified):
        if m.start() > last:
            starts.append(n)
            sources.append(last)
            n += m.start() - last
        last = m.end()
    starts.append(n)  # the last run (perhaps empty: a position past the end maps past the text)
    sources.append(last)
    return _DROP.sub("", simplified), KeptRuns(starts, sources)


# --------------------------------------------------------------------------- automaton

@lru_cache(maxsize=64)
def _automaton(terms: tuple[str, ...]):
    """An Aho-Corasick automaton over Simplified ``terms`` (value: the term)."""
    import ahocorasick

    A = ahocorasick.Automaton()
    for t in terms:
        A.add_word(t, t)
    A.make_automaton()
    return A


def find_phrases(simplified: str, terms: Iterable[str]) -> list[tuple[str, int, int]]:
    """Every occurrence of the Simplified ``terms`` in ``simplified``: (term, start, end).

    Applies the overlap policy of this module (all terms independently; one term's
    own occurrences without overlap) and returns hits sorted by (start, -length, term),
    with offsets into ``simplified``."""
    terms = tuple(sorted({t for t in terms if t}))
    if not terms or not simplified:
        return []
    text, pos = matching_view(simplified)
    hits = []
    for end_idx, term in _automaton(terms).iter(text):
        start = end_idx - len(term) + 1
        hits.append((term, start, end_idx + 1))
    # same-term occurrences without overlap, leftmost first (like str.count)
    hits.sort(key=lambda h: (h[1], -len(h[0]), h[0]))
    last_end: dict[str, int] = {}
    out = []
    for term, s, e in hits:
        if s < last_end.get(term, -1):
            continue
        last_end[term] = e
        if pos is not None:
            s, e = pos[s], pos[e - 1] + 1
        out.append((term, s, e))
    return out


def doc_fields(doc):
    """(field, original, simplified) for the title and the body of a CleanDocument."""
    return (("title", doc.title, doc.title_simplified), ("body", doc.body, doc.simplified))


def term_hits(doc, lexicon: Lexicon | None = None) -> list[dict]:
    """Every lexicon term occurrence in a CleanDocument, with provenance.

    Rows: doc_id, term (Simplified), category, field ('title'/'body'), start,
    end (offsets into that field), surface (the text as written)."""
    lex = as_lexicon(lexicon)
    rows = []
    for field, original, simplified in doc_fields(doc):
        for term, s, e in find_phrases(simplified, lex.terms):
            rows.append({"doc_id": doc.doc_id, "term": term, "category": lex.category(term),
                         "field": field, "start": s, "end": e, "surface": original[s:e]})
    return rows


def doc_term_counts(doc, lexicon: Lexicon | None = None) -> list[dict]:
    """Counts of the lexicon's terms in a document's title + body (terms found only).

    Rows ``{doc_id, term, count, category}`` in lexicon order; ``term`` is the
    lexicon's Simplified form whatever the document's script."""
    lex = as_lexicon(lexicon)
    counts: Counter[str] = Counter()
    for _field, _original, simplified in doc_fields(doc):
        counts.update(t for t, _s, _e in find_phrases(simplified, lex.terms))
    return [{"doc_id": doc.doc_id, "term": t, "count": counts[t], "category": lex.category(t)}
            for t in lex.terms if t in counts]  # `in`: a Counter's [] of a missing term is a Python call


def count_terms(docs: Iterable, terms: list[str]) -> list[dict]:
    """Counts of arbitrary ``terms`` (either script) in each document's title + body.

    One row ``{doc_id, term, count}`` per document and term *including zeros*,
    in document order then the order the terms were given; ``term`` is echoed as
    given (產業鏈招商 stays Traditional), matching is on the Simplified form.
    A term given twice is reported once."""
    given = [t for t in dict.fromkeys(terms) if t and t.strip()]
    simp = {t: to_simplified(t.strip()) for t in given}
    wanted = set(simp.values())
    rows = []
    for doc in docs:
        counts: Counter[str] = Counter()
        for _field, _original, simplified in doc_fields(doc):
            counts.update(t for t, _s, _e in find_phrases(simplified, wanted))
        rows.extend({"doc_id": doc.doc_id, "term": t, "count": counts[simp[t]]} for t in given)
    return rows


def term_summary(docs: Iterable, terms: list[str]):
    """Corpus totals for ``terms`` (either script, echoed as given).

    Columns: term, count (title + body), docs (documents containing it),
    per_10k (per 10,000 characters of body text over the corpus)."""
    import pandas as pd

    docs = list(docs)
    rows = count_terms(docs, terms)
    n_chars = sum(d.n_chars for d in docs)
    given = list(dict.fromkeys(r["term"] for r in rows)) or [t for t in dict.fromkeys(terms) if t.strip()]
    out = []
    for t in given:
        counts = [r["count"] for r in rows if r["term"] == t]
        total = sum(counts)
        out.append((t, total, sum(1 for c in counts if c), round(total * 1e4 / n_chars, 3) if n_chars else 0.0))
    return pd.DataFrame(out, columns=["term", "count", "docs", "per_10k"])


def term_table(docs: Iterable, lexicon: Lexicon | None = None):
    """term_counts as a DataFrame (doc_id, term, count, category) over ``docs``."""
    import pandas as pd

    rows = [r for d in docs for r in doc_term_counts(d, lexicon)]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count", "category"])


def display_term(term: str, script: str) -> str:
    """A Simplified lexicon term rendered for text in ``script`` (Traditional or as is)."""
    return to_script(term, script)


# --------------------------------------------------------------------------- words


def word_forms(fields, *, stopwords: frozenset[str] | None = None,
               min_len: int = 2) -> dict[str, dict[str, int]]:
    """Content words of a segmented document (:func:`zhaoshang.text.segment.doc_fields_tokens`):
    Simplified key -> {surface form: count}, words in order of first occurrence."""
    content = content_words(stopwords, min_len)  # the content-word test once per distinct word
    forms: dict[str, dict[str, int]] = {}
    for f in fields:
        if f.original == f.simplified:  # every surface form is the key itself
            counted = ((w, w, n) for w, n in Counter(f.words).items())
        else:
            original = f.original
            counted = ((w, surface, n)
                       for (w, surface), n in Counter([(w, original[s:e]) for w, s, e in f.tokens]).items())
        for w, surface, n in counted:
            if content[w]:
                seen = forms.get(w)
                if seen is None:
                    forms[w] = {surface: n}
                else:
                    seen[surface] = seen.get(surface, 0) + n
    return forms


def doc_word_forms(doc, lexicon: Lexicon | None = None, *, stopwords: frozenset[str] | None = None,
                   min_len: int = 2, segmenter: str = DEFAULT_SEGMENTER) -> dict[str, dict[str, int]]:
    """Segmented content words of title + body: Simplified key -> {surface form: count}."""
    return word_forms(doc_fields_tokens(doc, lexicon, segmenter), stopwords=stopwords, min_len=min_len)


def doc_word_counts(doc, lexicon: Lexicon | None = None, *, stopwords: frozenset[str] | None = None,
                    min_len: int = 2, segmenter: str = DEFAULT_SEGMENTER) -> dict[str, int]:
    """Segmented content words of title + body, keyed by Simplified form: word -> count.

    Stopwords, single characters (``min_len``), digits and punctuation removed."""
    return {w: sum(f.values()) for w, f in doc_word_forms(doc, lexicon, stopwords=stopwords,
                                                         min_len=min_len, segmenter=segmenter).items()}


def display_forms(forms_per_doc: Iterable[Mapping[str, Mapping[str, int]]]) -> dict[str, str]:
    """Simplified key -> the surface form written most often across documents.

    Ties go to the Simplified form if it is among them, else the smallest string,
    so the choice does not depend on document order."""
    totals: dict[str, Counter] = defaultdict(Counter)
    for forms in forms_per_doc:
        for w, f in forms.items():
            totals[w].update(f)
    out = {}
    for w, c in totals.items():
        best = max(c.values())
        tied = sorted(s for s, n in c.items() if n == best)
        out[w] = w if w in tied else tied[0]
    return out


def word_table(counts_per_doc: Iterable[Mapping[str, int]], display: Mapping[str, str] | None = None):
    """words.csv as a DataFrame: word (display form), simplified (key), count, docs.

    ``counts_per_doc`` are :func:`doc_word_counts` results; ``display`` maps a
    Simplified key to its display form (:func:`display_forms`; default: the key).
    Sorted by count descending, then key, so the table is the same whatever the
    order documents were processed in."""
    import pandas as pd

    count: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for c in counts_per_doc:
        count.update(c)
        docs.update(w for w, n in c.items() if n)
    display = display or {}
    rows = sorted(((display.get(w, w), w, n, docs[w]) for w, n in count.items()),
                  key=lambda r: (-r[2], r[1]))
    return pd.DataFrame(rows, columns=["word", "simplified", "count", "docs"])


class WordTally:
    """words.csv built document by document, in memory that grows with the vocabulary, not the corpus.

    :meth:`add` takes one document's :func:`doc_word_forms`; :meth:`table` gives
    what ``word_table(counts, display_forms(forms))`` gives over all of them."""

    def __init__(self) -> None:
        self.docs: Counter[str] = Counter()
        self.forms: dict[str, dict[str, int]] = {}

    def add(self, forms: Mapping[str, Mapping[str, int]]) -> None:
        """One document's word forms (every count positive: they count occurrences)."""
        self.docs.update(forms.keys())  # counted at C speed: one per word of the document
        all_forms = self.forms  # a plain dict: this runs per word
        for w, f in forms.items():
            slot = all_forms.get(w)
            if slot is None:
                all_forms[w] = dict(f)
            else:
                for s, c in f.items():
                    slot[s] = slot.get(s, 0) + c

    @property
    def count(self) -> dict[str, int]:
        """Occurrences of each word: the sum of its forms' counts."""
        return {w: sum(f.values()) for w, f in self.forms.items()}

    def table(self):
        display = {}
        for w, c in self.forms.items():
            best = max(c.values())
            tied = sorted(s for s, n in c.items() if n == best)
            display[w] = w if w in tied else tied[0]
        import pandas as pd

        docs = self.docs
        rows = sorted(((display.get(w, w), w, n, docs.get(w, 0)) for w, n in self.count.items()),
                      key=lambda r: (-r[2], r[1]))
        return pd.DataFrame(rows, columns=["word", "simplified", "count", "docs"])


def surface_forms(docs: Iterable, keys: Iterable[str]) -> dict[str, str]:
    """Display form of each Simplified ``key``: its commonest spelling in the texts.

    Found by exact phrase search in the Simplified views (cheap: no
    segmentation), ties resolved as in :func:`display_forms`; a key never
    found is its own display form."""
    keys = [k for k in dict.fromkeys(keys) if k]
    forms: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for _field, original, simplified in doc_fields(doc):
            for k, s, e in find_phrases(simplified, keys):
                forms[k][original[s:e]] += 1
    shown = display_forms([{k: dict(c) for k, c in forms.items()}])
    return {k: shown.get(k, k) for k in keys}


def words_for_display(words, docs: Iterable, *, top: int | None = None):
    """A table of words (words.csv, a keyness table …) with ``word`` shown as the
    texts write it and the Simplified key in ``simplified``.

    The key is the ``simplified`` column when there is one, else ``word`` (as in
    words.csv). Other columns are kept; only the first ``top`` rows if given."""
    w = (words.head(top) if top else words).copy()
    if "simplified" not in w.columns:
        w = w.rename(columns={"word": "simplified"})
        w.insert(0, "word", w["simplified"])
    shown = surface_forms(docs, w["simplified"])
    w["word"] = w["simplified"].map(shown)
    return w.reset_index(drop=True)


def doc_labels(documents) -> list[str]:
    """A short label per document for plots: its year when known, else its doc_id."""
    years = documents["year"] if "year" in documents.columns else [None] * len(documents)
    out = []
    for y, d in zip(years, documents["doc_id"]):
        out.append(str(int(y)) if y is not None and y == y else str(d))
    return out


def word_frequencies(words) -> dict[str, int]:
    """Simplified key -> count from a words table (for keyness)."""
    key = "simplified" if "simplified" in words.columns else "word"
    return {k: int(n) for k, n in zip(words[key], words["count"])}


def corpus_words(docs: Iterable, lexicon: Lexicon | None = None, **kw):
    """:func:`word_table` over ``docs`` with display forms from the texts."""
    forms = [doc_word_forms(d, lexicon, **kw) for d in docs]
    counts = [{w: sum(f.values()) for w, f in fm.items()} for fm in forms]
    return word_table(counts, display_forms(forms))


# --------------------------------------------------------------------------- frequency tables

def _year(published) -> str | None:
    if isinstance(published, str) and re.match(r"\d{4}", published):
        return published[:4]
    return None


def frequency_by(term_counts, documents, by: str | list[str] = "doc_id", terms: list[str] | None = None):
    """Term frequency per group of documents, by any documents column.

    ``term_counts``: doc_id, term, count (as term_counts.csv). ``documents``:
    doc_id, n_chars and the grouping column(s) (as documents.csv); ``by="year"``
    is derived from ``published`` when there is no ``year`` column. Terms may be
    given in either script (matched as Simplified, echoed as given).

    Returns one row per group and term — zeros included, so a term absent in a
    year shows as 0 — with columns: <by>, term, count, per_10k (occurrences per
    10,000 characters of the group's text), docs (documents containing the term),
    n_docs, doc_share (docs / n_docs), n_chars. Documents whose group value is
    missing are left out."""
    import pandas as pd

    by = [by] if isinstance(by, str) else list(by)
    documents = documents.copy()
    if "year" in by and "year" not in documents.columns:
        documents["year"] = documents["published"].map(_year)
    documents = documents.dropna(subset=by)
    if "year" in by:
        documents["year"] = documents["year"].astype(str).str[:4].astype(int)
    tc = term_counts[["doc_id", "term", "count"]].copy()
    tc["key"] = tc["term"].map(to_simplified)
    if terms is None:
        given = list(dict.fromkeys(tc["term"]))
    else:
        given = list(dict.fromkeys(terms))
    keys = {t: to_simplified(t) for t in given}
    tc = tc[tc["key"].isin(set(keys.values()))]

    gcols = [c for c in by if c != "doc_id"]
    groups = documents.groupby(by, sort=True, dropna=True).agg(
        n_docs=("doc_id", "nunique"), n_chars=("n_chars", "sum")).reset_index()
    merged = tc.merge(documents[["doc_id", *gcols]], on="doc_id", how="inner")
    per = merged.groupby([*by, "key"], sort=True).agg(
        count=("count", "sum"), docs=("doc_id", "nunique")).reset_index()

    grid = groups.merge(pd.DataFrame({"term": given, "key": [keys[t] for t in given]}), how="cross")
    out = grid.merge(per, on=[*by, "key"], how="left")
    out["count"] = out["count"].fillna(0).astype(int)
    out["docs"] = out["docs"].fillna(0).astype(int)
    out["per_10k"] = [round(c * 10000 / n, 3) if n else 0.0 for c, n in zip(out["count"], out["n_chars"])]
    out["doc_share"] = [round(d / n, 3) if n else 0.0 for d, n in zip(out["docs"], out["n_docs"])]
    order = {t: i for i, t in enumerate(given)}
    out["_o"] = out["term"].map(order)
    out = out.sort_values([*by, "_o"], kind="stable").reset_index(drop=True)
    return out[[*by, "term", "count", "per_10k", "docs", "n_docs", "doc_share", "n_chars"]]


def top_terms(term_counts, n: int = 8, *, include: Iterable[str] = ()) -> list[str]:
    """Simplified terms to follow: ``include`` (either script) first, then the
    most frequent other terms of ``term_counts`` until there are ``n``.

    Ties are broken by the term itself, so the choice is deterministic."""
    chosen = list(dict.fromkeys(to_simplified(t) for t in include))
    totals = term_counts.groupby("term")["count"].sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    for t, c in ranked:
        if len(chosen) >= n:
            break
        if c > 0 and t not in chosen:
            chosen.append(t)
    return chosen


def category_totals(term_counts, lexicon: Lexicon | None = None):
    """Hits per lexicon category (category, count, terms, share), largest first.

    ``terms`` is the number of distinct terms found; ``share`` the category's
    part of all hits. Nested phrases count in each term's category (see module doc)."""
    import pandas as pd

    lex = as_lexicon(lexicon)
    tc = term_counts.copy()
    tc["category"] = tc["term"].map(lex.category)
    g = tc.groupby("category").agg(count=("count", "sum"), terms=("term", "nunique")).reset_index()
    total = g["count"].sum()
    g["share"] = (g["count"] / total).round(3) if total else 0.0
    g = g.sort_values(["count", "category"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return pd.DataFrame(g, columns=["category", "count", "terms", "share"])


# --------------------------------------------------------------------------- KWIC, dispersion
