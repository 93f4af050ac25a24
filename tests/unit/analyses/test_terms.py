"""Exact phrase counts, word counts, frequency tables, KWIC, collocations, pictures."""
from __future__ import annotations

import io
import re
import warnings

import pandas as pd
import pytest
from conftest import make_doc, shared_corpus
from zhaoshang import paths
from zhaoshang.analyses.explore import collocations, kwic, term_positions
from zhaoshang.analyses.terms import (
    category_totals,
    corpus_words,
    count_terms,
    display_forms,
    doc_labels,
    doc_term_counts,
    doc_word_counts,
    doc_word_forms,
    find_phrases,
    frequency_by,
    matching_view,
    term_hits,
    term_summary,
    term_table,
    top_terms,
    word_frequencies,
    word_table,
    words_for_display,
)

PINYIN = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def _counts(rows):
    return {r["term"]: r["count"] for r in rows}


# ----------------------------------------------------------------- script-insensitivity

def test_terms_match_in_either_script_and_are_echoed_as_given():
    trad = make_doc("優化營商環境，推進產業鏈招商。", doc_id="t")
    simp = make_doc("优化营商环境，推进产业链招商。", doc_id="s")
    rows = count_terms([trad, simp], ["营商环境", "產業鏈招商"])
    assert rows == [
        {"doc_id": "t", "term": "营商环境", "count": 1},
        {"doc_id": "t", "term": "產業鏈招商", "count": 1},
        {"doc_id": "s", "term": "营商环境", "count": 1},
        {"doc_id": "s", "term": "產業鏈招商", "count": 1},
    ]


def test_lexicon_counts_use_simplified_terms_with_categories():
    doc = make_doc("優化營商環境，成立專班。", doc_id="d")
    rows = doc_term_counts(doc)
    assert {"doc_id": "d", "term": "营商环境", "count": 1, "category": "business environment"} in rows
    assert {"doc_id": "d", "term": "专班", "count": 1, "category": "organisation"} in rows
    assert all(r["count"] > 0 for r in rows)


def test_title_and_body_are_both_counted():
    doc = make_doc("全面提升招商引資質量。", title="山東創新招商引資模式")
    assert _counts(count_terms([doc], ["招商引资"])) == {"招商引资": 2}
    fields = [h["field"] for h in term_hits(doc) if h["term"] == "招商引资"]
    assert fields == ["title", "body"]


def test_absent_terms_give_zero_rows_and_duplicates_are_dropped():
    doc = make_doc("无关的文字")
    assert count_terms([doc], ["专班", "专班", ""]) == [{"doc_id": "doc", "term": "专班", "count": 0}]


# ----------------------------------------------------------------------------- overlaps

def test_nested_terms_count_for_each_term():
    doc = make_doc("以商招商、全產業鏈招商的典型代表。進行產業鏈招商。")
    c = _counts(doc_term_counts(doc))
    assert c["全产业链招商"] == 1
    assert c["产业链招商"] == 2
    assert c["产业链"] == 2
    assert c["以商招商"] == 1


def test_same_term_is_counted_without_overlap_like_str_count():
    text = "招商招商招商"
    assert [h[1:] for h in find_phrases(text, ["招商招商"])] == [(0, 4)]
    assert len(find_phrases(text, ["招商"])) == text.count("招商") == 3


def test_hits_carry_offsets_and_surface_forms():
    doc = make_doc("據了解，全面優化營商環境。")
    (hit,) = [h for h in term_hits(doc) if h["term"] == "营商环境"]
    assert doc.body[hit["start"]:hit["end"]] == hit["surface"] == "營商環境"


def test_a_hard_line_break_inside_a_phrase_is_bridged_but_a_paragraph_break_is_not():
    wrapped = make_doc("全面提升招商\n引資質量")
    assert _counts(count_terms([wrapped], ["招商引资"])) == {"招商引资": 1}
    (hit,) = [h for h in term_hits(wrapped) if h["term"] == "招商引资"]
    assert (hit["start"], hit["end"]) == (4, 9)
    assert hit["surface"] == "招商\n引資"
    for text in ("提升招商\n\n引资", "提升招商\n　　引资", "招商。\n引资"):
        assert _counts(count_terms([make_doc(text)], ["招商引资"])) == {"招商引资": 0}, text
    assert _counts(count_terms([make_doc("招\u200b商引资")], ["招商引资"])) == {"招商引资": 1}


def test_matching_view_maps_back():
    text, pos = matching_view("ab")
    assert pos is None and text == "ab"
    text, pos = matching_view("招商 \n引资")
    assert text == "招商引资" and [pos[i] for i in range(len(text))] == [0, 1, 4, 5]
    # removed stretches at the start, inside and at the end; every kept character maps to itself
    source = "\u200b招\u200b\u200b商 \n引\u00ad"
    text, pos = matching_view(source)
    assert text == "招商引" and [source[pos[i]] for i in range(len(text))] == list(text)
    assert [pos[i] for i in range(len(text))] == [1, 4, 7]


# --------------------------------------------------------------------------------- words

def test_word_counts_are_keyed_by_simplified_form_without_stopwords():
    doc = make_doc("我們優化營商環境，優化營商環境的記者。")
    wc = doc_word_counts(doc)
    assert wc["营商环境"] == 2
    assert wc["优化"] == 2
    for w in ("我们", "的", "记者", "，"):
        assert w not in wc
    assert doc_word_forms(doc)["营商环境"] == {"營商環境": 2}


def test_word_table_shows_the_commonest_surface_form_and_does_not_depend_on_order():
    d1 = make_doc("營商環境很好，營商環境", doc_id="a")
    d2 = make_doc("营商环境", doc_id="b")
    docs = [d1, d2]
    t1 = corpus_words(docs)
    t2 = corpus_words(docs[::-1])
    pd.testing.assert_frame_equal(t1, t2)
    row = t1[t1.simplified == "营商环境"].iloc[0]
    assert (row.word, row["count"], row.docs) == ("營商環境", 3, 2)
    assert list(t1.columns) == ["word", "simplified", "count", "docs"]
    # a tie goes to the Simplified form
    assert display_forms([{"营商环境": {"營商環境": 1, "营商环境": 1}}]) == {"营商环境": "营商环境"}
    assert word_table([{"b": 1, "a": 1}, {"a": 2}])["simplified"].tolist() == ["a", "b"]


def test_words_for_display_maps_keys_to_the_texts_spelling():
    docs = [make_doc("優化營商環境，推進項目。項目落地。", doc_id="a")]
    words = pd.DataFrame({"word": ["项目", "营商环境", "无此词"], "count": [2, 1, 1], "docs": [1, 1, 1]})
    shown = words_for_display(words, docs)
    assert shown.columns.tolist() == ["word", "simplified", "count", "docs"]
    assert shown["word"].tolist() == ["項目", "營商環境", "无此词"]
    assert words_for_display(shown, docs, top=1)["word"].tolist() == ["項目"]
    kw = pd.DataFrame({"word": ["营商环境"], "simplified": ["营商环境"], "ll": [3.0]})  # a keyness table
    assert words_for_display(kw, docs).to_dict("records") == [{"word": "營商環境", "simplified": "营商环境",
                                                               "ll": 3.0}]
    assert word_frequencies(shown) == {"项目": 2, "营商环境": 1, "无此词": 1}
    assert word_frequencies(words) == word_frequencies(shown)


def test_term_summary_totals():
    docs = [make_doc("營商環境和營商環境" + "。" * 991, doc_id="a"), make_doc("专班" + "。" * 998, doc_id="b")]
    t = term_summary(docs, ["营商环境", "專班", "链主"])
    assert t.values.tolist() == [["营商环境", 2, 1, 10.0], ["專班", 1, 1, 5.0], ["链主", 0, 0, 0.0]]


def test_top_terms_keeps_requested_terms_first():
    tc = pd.DataFrame({"doc_id": ["a"] * 4, "term": ["专班", "链主", "营商环境", "签约"], "count": [5, 2, 1, 2]})
    assert top_terms(tc, 3, include=["營商環境"]) == ["营商环境", "专班", "签约"]
    assert top_terms(tc, 10) == ["专班", "签约", "链主", "营商环境"]


def test_doc_labels_prefer_years():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "year": [2019.0, float("nan")]})
    assert doc_labels(documents) == ["2019", "b"]


def test_dominant_script():
    from zhaoshang.text.script import corpus_script as dominant_script

    assert dominant_script(["traditional", "traditional", "simplified"]) == "traditional"
    assert dominant_script(["simplified", "traditional"]) == "simplified"
    assert dominant_script([]) == "simplified"


# ------------------------------------------------------------------ frequency by metadata

def _documents(docs):
    return pd.DataFrame([{"doc_id": d.doc_id, "n_chars": d.n_chars, "published": d.published,
                          "site": d.site} for d in docs])


def test_frequency_by_year_with_zeros_per_10k_and_document_frequency():
    docs = [make_doc("营商环境" + "。" * 996, doc_id="a", published="2020-01-02"),       # 1000 chars
            make_doc("营商环境营商环境" + "。" * 992, doc_id="b", published="2020-05-01"),
            make_doc("招商引资" + "。" * 996, doc_id="c", published="2021-03-01"),
            make_doc("营商环境", doc_id="d", published=None)]
    f = frequency_by(term_table(docs), _documents(docs), "year", terms=["營商環境", "招商引资"])
    assert f.columns.tolist() == ["year", "term", "count", "per_10k", "docs", "n_docs", "doc_share",
                                  "n_chars"]
    rows = {(r.year, r.term): r for r in f.itertuples()}
    assert len(rows) == 4  # the undated document is left out
    r = rows[(2020, "營商環境")]
    assert (r.count, r.per_10k, r.docs, r.n_docs, r.doc_share, r.n_chars) == (3, 15.0, 2, 2, 1.0, 2000)
    assert rows[(2021, "營商環境")].count == 0
    assert rows[(2021, "招商引资")].count == 1


def test_frequency_by_document_and_category_totals():
    docs = [make_doc("营商环境，专班", doc_id="a"), make_doc("专班专班", doc_id="b")]
    tc = term_table(docs)
    f = frequency_by(tc, _documents(docs), "doc_id", terms=["专班"])
    assert f.set_index("doc_id")["count"].to_dict() == {"a": 1, "b": 2}
    cat = category_totals(tc)
    assert cat.iloc[0].to_dict() == {"category": "organisation", "count": 3, "terms": 1, "share": 0.75}


# ---------------------------------------------------------------- KWIC and dispersion

def test_kwic_lines():
    doc = make_doc("全面優化營商環境，積極推行\n極速審批。", doc_id="k")
    k = kwic([doc], "营商环境", width=4)
    assert k.to_dict("records") == [{"doc_id": "k", "field": "body", "offset": 4, "left": "全面優化",
                                     "term": "營商環境", "right": "，積極推"}]
    k2 = kwic([doc], "推行", width=3)
    assert k2.iloc[0]["right"] == " 極速"  # the line break is shown as a space


def test_term_positions_for_dispersion():
    docs = [make_doc("专班" + "。" * 8, doc_id="a"), make_doc("。" * 5 + "專班" + "。" * 3, doc_id="b")]
    pos = term_positions(docs, ["專班"])
    assert pos[["doc_id", "term", "start", "position", "corpus_position"]].values.tolist() == [
        ["a", "專班", 0, 0.0, 0.0], ["b", "專班", 5, 0.5, 1.5]]


# ---------------------------------------------------------------------------- collocations

def test_collocations_of_adjacent_content_words():
    text = "优化营商环境。" * 3 + "优化结构。营商环境稳定。"
    c = collocations([make_doc(text)], min_count=2)
    top = c.iloc[0]
    assert (top.w1, top.w2, top["count"]) == ("优化", "营商环境", 3)
    assert top.pmi > 0 and top.ll > 0
    # punctuation breaks adjacency: 环境。优化 is no pair
    assert not ((c.w1 == "营商环境") & (c.w2 == "优化")).any()


def test_word_pairs_cross_whitespace_but_not_punctuation_stopwords_or_fields():
    from zhaoshang.analyses.explore import word_pairs
    from zhaoshang.text.segment import doc_fields_tokens

    doc = make_doc("优化 营商环境，扩大 开放 市场。优化的结构", title="招商引资 优化")
    pairs = word_pairs(doc_fields_tokens(doc))
    assert pairs[("优化", "营商环境")] == 1  # a space does not break adjacency
    assert pairs[("招商引资", "优化")] == 1  # within the title
    assert ("优化", "优化") not in pairs  # the title's last word and the body's first are in two fields
    assert ("营商环境", "优化") not in pairs  # a comma breaks it
    assert ("市场", "优化") not in pairs  # so does a full stop
    assert ("优化", "结构") not in pairs  # and 的, a single character between them
    assert list(pairs) == [("招商引资", "优化"), ("优化", "营商环境"), ("扩大", "开放"), ("开放", "市场")]  # in order
    assert set(pairs.values()) == {1}


# ------------------------------------------------------------------------- the sample

@pytest.fixture(scope="module")
def sample():
    from zhaoshang.stages.process import load_document

    doc = load_document(paths.SAMPLE_ARTICLE)
    if PINYIN.search(doc.title + doc.body):
        pytest.xfail("the sample is not repaired yet (pinyin readings still glued on)")
    return doc


def test_sample_must_show_counts(sample):
    rows = count_terms([sample], ["產業鏈招商", "营商环境", "招商引資", "以商招商"])
    assert _counts(rows) == {"產業鏈招商": 3, "营商环境": 3, "招商引資": 8, "以商招商": 1}
    lex = _counts(doc_term_counts(sample))
    assert (lex["产业链招商"], lex["营商环境"], lex["招商引资"], lex["以商招商"]) == (3, 3, 8, 1)
    assert lex["全产业链招商"] == 1


def test_sample_words_are_displayed_in_traditional(sample):
    t = corpus_words([sample])
    words = dict(zip(t.simplified, t.word))
    assert words["营商环境"] == "營商環境"
    assert "的" not in words and "版权" not in words


# -------------------------------------------------------------------- national-gwr by year

@pytest.fixture(scope="module")
def gwr():
    from zhaoshang.stages.process import load_corpus

    docs, errors = load_corpus(shared_corpus("national-gwr"))
    assert not errors
    return docs


def test_national_gwr_per_year_counts_match_hand_counts(gwr):
    documents = pd.DataFrame([{"doc_id": d.doc_id, "n_chars": d.n_chars, "year": d.year} for d in gwr])
    f = frequency_by(term_table(gwr), documents, "year", terms=["招商引资", "营商环境"])
    got = {(int(r.year), r.term): r.count for r in f.itertuples()}
    # counted by hand with `grep -o 招商引资 FILE | wc -l` on the reports
    hand = {(2002, "招商引资"): 1, (2008, "招商引资"): 1, (2016, "招商引资"): 1, (2018, "招商引资"): 0,
            (2023, "招商引资"): 1, (2025, "招商引资"): 1, (1995, "招商引资"): 0,
            (2014, "营商环境"): 1, (2018, "营商环境"): 4, (2019, "营商环境"): 5, (2021, "营商环境"): 4,
            (2022, "营商环境"): 3, (2024, "营商环境"): 2, (2010, "营商环境"): 0}
    for key, n in hand.items():
        assert got[key] == n, key
    assert sum(n for (y, t), n in got.items() if t == "营商环境") == 24
    assert sum(n for (y, t), n in got.items() if t == "招商引资") == 10


# ------------------------------------------------------------------------------ pictures

def test_word_cloud_png_is_byte_identical_run_to_run():
    from zhaoshang.outputs.plots.terms import word_cloud_png

    words = {"营商环境": 9, "产业链招商": 7, "招商引资": 12, "专班": 4, "链主": 3, "飞地经济": 2}
    a = word_cloud_png(words, seed=7, width=300, height=200)
    b = word_cloud_png(dict(reversed(list(words.items()))), seed=7, width=300, height=200)
    assert a[:8] == b"\x89PNG\r\n\x1a\n"
    assert a == b
    assert word_cloud_png(words, seed=8, width=300, height=200) != a
    assert word_cloud_png(words, seed=7, width=300, height=200, script="traditional") != a


def test_word_cloud_drops_stopwords_and_accepts_a_words_table():
    from zhaoshang.outputs.plots.terms import word_cloud_png

    kw = dict(seed=1, width=240, height=160)
    clean = word_cloud_png({"营商环境": 5, "专班": 3}, **kw)
    assert word_cloud_png({"营商环境": 5, "专班": 3, "我们": 50, "的": 80}, **kw) == clean
    table = pd.DataFrame({"word": ["營商環境", "專班", "我們"], "simplified": ["营商环境", "专班", "我们"],
                          "count": [5, 3, 50], "docs": [1, 1, 1]})
    assert word_cloud_png(table, script="traditional", **kw)[:4] == b"\x89PNG"
    with pytest.raises(ValueError):
        word_cloud_png({"的": 3}, **kw)


def test_charts_render_chinese_without_glyph_warnings():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from zhaoshang.outputs.plots.terms import category_chart, dispersion_plot, keyness_chart, terms_over_time

    docs = [make_doc("優化營商環境，推進全產業鏈招商，成立專班。", doc_id="a", published="2021-01-01"),
            make_doc("营商环境与招商引资", doc_id="b", published="2022-01-01")]
    tc = term_table(docs)
    freq = frequency_by(tc, _documents(docs), "year", terms=["营商环境", "招商引资"])
    kw = pd.DataFrame({"word": ["營商環境", "專班"], "log_ratio": [5.0, 3.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figs = [category_chart(tc, script="traditional"), terms_over_time(freq),
                dispersion_plot(term_positions(docs, ["营商环境", "專班"]), doc_labels=["a", "b"]),
                keyness_chart(kw, script="traditional")]
        for fig in figs:
            fig.savefig(io.BytesIO(), format="png")
            plt.close(fig)


# ------------------------------------------------------------------------ properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

_ALPHABET = "招商引资产业链营环境以全专班。，"
_TERMS = ["招商", "招商引资", "产业链招商", "全产业链招商", "以商招商", "营商环境", "商商", "专班"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=60))
def test_each_term_counts_like_str_count_whatever_the_other_terms(text):
    hits = find_phrases(text, _TERMS)
    for t in _TERMS:
        assert sum(1 for h in hits if h[0] == t) == text.count(t)
        for term, s, e in hits:
            assert text[s:e] == term


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=60))
def test_counts_do_not_depend_on_the_script(text):
    from zhaoshang.text.script import to_traditional

    simp = make_doc(text, doc_id="s")
    trad = make_doc(to_traditional(text), doc_id="t")
    a = [r["count"] for r in count_terms([simp], _TERMS)]
    b = [r["count"] for r in count_terms([trad], _TERMS)]
    assert a == b
