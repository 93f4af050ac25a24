"""The fast segmenter (rjieba) against the reference (jieba) on the shared corpora.

Agreement is measured on token *boundaries*: for every text (the Simplified view of each
title and body, segmented with the built-in lexicon as user words, HMM on), the set of
offsets at which jieba ends a token; the share of those that rjieba ends a token at too,
over national-gwr + hailar-gwr-gbk + news-dev together, must be at least 99.5 %. (The tokens
themselves — word, start, end — are reported too.) And words.csv, made by a run with each
segmenter, must count every lexicon term the same (count and documents).
"""
from __future__ import annotations

import pytest
from conftest import shared_corpus
from zhaoshang import analyze
from zhaoshang.stages.process import load_corpus
from zhaoshang.text.lexicon import default_lexicon
from zhaoshang.text.segment import tokenizer

CORPORA = ("national-gwr", "hailar-gwr-gbk", "news-dev")
MIN_AGREEMENT = 0.995


@pytest.fixture(scope="module")
def folders():
    return {name: shared_corpus(name) for name in CORPORA}


@pytest.fixture(scope="module")
def texts(folders):
    out = []
    for folder in folders.values():
        docs, _errors = load_corpus(folder)
        out.extend(t for d in docs for t in (d.title_simplified, d.simplified) if t)
    return out


def test_rjieba_reproduces_jiebas_token_boundaries(texts):
    lex = default_lexicon()
    ref, fast = tokenizer(lex, "jieba"), tokenizer(lex, "rjieba")
    n_bounds = same_bounds = n_toks = same_toks = 0
    for text in texts:
        a, b = ref.tokenize(text), fast.tokenize(text)
        ea, eb = {e for _w, _s, e in a}, {e for _w, _s, e in b}
        n_bounds += len(ea)
        same_bounds += len(ea & eb)
        n_toks += len(a)
        same_toks += len(set(a) & set(b))
    print(f"\nboundaries {same_bounds}/{n_bounds} = {same_bounds / n_bounds:.4%}; "
          f"tokens {same_toks}/{n_toks} = {same_toks / n_toks:.4%} ({len(texts)} texts)")
    assert n_bounds > 500_000  # the three corpora, not a stray file
    assert same_bounds / n_bounds >= MIN_AGREEMENT
    assert same_toks / n_toks >= MIN_AGREEMENT


@pytest.mark.parametrize("corpus", CORPORA)
def test_words_csv_counts_every_lexicon_term_alike(folders, corpus):
    terms = set(default_lexicon().terms)
    tables = {seg: analyze(folders[corpus], segmenter=seg, progress=False) for seg in ("rjieba", "jieba")}
    counts = {seg: {r.simplified: (r.count, r.docs) for r in t.words.itertuples() if r.simplified in terms}
              for seg, t in tables.items()}
    assert counts["rjieba"], f"no lexicon term among the words of {corpus}"
    assert counts["rjieba"] == counts["jieba"]
    # the rest of the run does not depend on the segmenter
    for name in ("documents", "term_counts", "figures", "quotes", "slogans", "rhetoric"):
        assert tables["rjieba"].table(name).equals(tables["jieba"].table(name)), name
