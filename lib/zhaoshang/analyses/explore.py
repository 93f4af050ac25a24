"""Exploring a corpus around its terms: keyword in context, where terms fall, collocations.

These read cleaned documents directly (they are for notebooks, not tables of
the corpus run): :func:`kwic` shows each occurrence of a term with its
context, :func:`term_positions` where terms occur through the documents (for a
dispersion plot), :func:`collocations` which content words attract each other.
Terms are matched like the phrase counts of :mod:`.terms` (either script, on
the Simplified view); words come from the same segmentation. A corpus run
counts the word pairs of each document while it segments it for words.csv
(:func:`word_pairs`), so :func:`run_collocations` scores them without
segmenting anything again.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from zhaoshang.analyses.terms import display_forms, doc_fields, find_phrases, word_forms
from zhaoshang.text.lexicon import Lexicon
from zhaoshang.text.script import to_simplified
from zhaoshang.text.segment import BREAK, DEFAULT_SEGMENTER, adjacency_keys, doc_fields_tokens

if TYPE_CHECKING:
    import pandas as pd


def _oneline(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def kwic(docs: Iterable, term: str, *, width: int = 20) -> "pd.DataFrame":
    """Keyword-in-context lines for ``term`` (either script) in title and body.

    Columns: doc_id, field, offset (start in that field), left, term (as written
    in the document), right. Contexts are ``width`` characters of the original
    text with line breaks shown as spaces."""
    import pandas as pd

    key = to_simplified(term)
    rows = []
    for doc in docs:
        for field, original, simplified in doc_fields(doc):
            for _t, s, e in find_phrases(simplified, [key]):
                rows.append((doc.doc_id, field, s, _oneline(original[max(0, s - width):s]),
                             original[s:e], _oneline(original[e:e + width])))
    return pd.DataFrame(rows, columns=["doc_id", "field", "offset", "left", "term", "right"])


def term_positions(docs: Iterable, terms: list[str]) -> "pd.DataFrame":
    """Where ``terms`` occur through the documents, for a dispersion plot.

    Columns: doc_id, doc_index (order given), term (as given), field, start,
    position (start / length of the field, 0..1), corpus_position (doc_index +
    position: one unit of x per document)."""
    import pandas as pd

    given = list(dict.fromkeys(terms))
    keys = {t: to_simplified(t) for t in given}
    back = defaultdict(list)
    for t, k in keys.items():
        back[k].append(t)
    rows = []
    for i, doc in enumerate(docs):
        for field, original, simplified in doc_fields(doc):
            n = max(len(original), 1)
            for k, s, _e in find_phrases(simplified, set(keys.values())):
                for t in back[k]:
                    pos = 0.0 if field == "title" else s / n
                    rows.append((doc.doc_id, i, t, field, s, round(pos, 6), round(i + pos, 6)))
    df = pd.DataFrame(rows, columns=["doc_id", "doc_index", "term", "field", "start", "position",
                                     "corpus_position"])
    return df.sort_values(["doc_index", "corpus_position", "term"], kind="stable").reset_index(drop=True)


def word_pairs(fields, *, stopwords: frozenset[str] | None = None, min_len: int = 2) -> Counter[tuple[str, str]]:
    """Adjacent content-word pairs of a segmented document
    (:func:`zhaoshang.text.segment.doc_fields_tokens`), by Simplified keys.

    A pair is two content words (see :func:`zhaoshang.text.segment.is_content_word`)
    that follow each other directly in the segmented text, in the same field,
    with nothing but whitespace between them."""
    keys = adjacency_keys(stopwords, min_len)  # per distinct word: itself, "" (whitespace) or BREAK
    pairs: Counter[tuple[str, str]] = Counter()
    for f in fields:  # a new field breaks adjacency
        seq = list(filter(None, map(keys.__getitem__, f.words)))  # whitespace dropped
        pairs.update(zip(seq, seq[1:]))
    for pair in [p for p in pairs if BREAK in p]:
        del pairs[pair]
    return pairs


def collocations(docs: Iterable, lexicon: Lexicon | None = None, *, min_count: int = 2,
                 stopwords: frozenset[str] | None = None, min_len: int = 2, top: int | None = 50,
                 segmenter: str = DEFAULT_SEGMENTER):
    """Adjacent content-word pairs (:func:`word_pairs`) of ``docs`` and how strongly they attract each other.

    Scores: ``pmi`` (log2 of observed over expected pair frequency) and ``ll``
    (log-likelihood G² of the 2×2 table of first-word/second-word co-occurrence).
    Columns: w1, w2 (display forms, chosen as words.csv chooses them), count, pmi,
    ll; sorted by ll descending. For a corpus run, :func:`run_collocations` gives
    the same table from what the run counted."""
    pairs: Counter[tuple[str, str]] = Counter()
    forms = []
    for doc in docs:
        fields = doc_fields_tokens(doc, lexicon, segmenter)
        pairs.update(word_pairs(fields, stopwords=stopwords, min_len=min_len))
        forms.append(word_forms(fields, stopwords=stopwords, min_len=min_len))
    return score_pairs(pairs, display_forms(forms), min_count=min_count, top=top)


def run_collocations(tables, *, min_count: int = 2, top: int | None = 50):
    """:func:`collocations` of a corpus run's documents (the run's lexicon and segmenter, the
    built-in stopwords) from the word pairs its words analysis counted (``tables.word_pairs``):
    nothing is segmented again. Display forms are words.csv's (``tables.words``)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for rows in tables.word_pairs:
        for a, b, n in rows:
            pairs[(a, b)] += n
    words = tables.words
    return score_pairs(pairs, dict(zip(words["simplified"], words["word"])), min_count=min_count, top=top)


def score_pairs(pairs: Counter[tuple[str, str]], display: dict[str, str], *, min_count: int = 2,
                top: int | None = 50) -> "pd.DataFrame":
    """The collocations table of pair counts (Simplified keys): see :func:`collocations`."""
    import pandas as pd

    from zhaoshang.analyses.keyness import log_likelihood_2x2

    if not pairs:
        return pd.DataFrame(columns=["w1", "w2", "count", "pmi", "ll"])
    n_pairs = sum(pairs.values())
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        first[a] += n
        second[b] += n
    rows = []
    for (a, b), n in pairs.items():
        if n < min_count:
            continue
        pmi = math.log2(n * n_pairs / (first[a] * second[b]))
        ll = log_likelihood_2x2(n, first[a] - n, second[b] - n, n_pairs - first[a] - second[b] + n)
        rows.append((display.get(a, a), display.get(b, b), n, round(pmi, 3), round(ll, 3)))
    rows.sort(key=lambda r: (-r[4], -r[2], r[0], r[1]))
    if top:
        rows = rows[:top]
    return pd.DataFrame(rows, columns=["w1", "w2", "count", "pmi", "ll"])
