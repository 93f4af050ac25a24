"""Rhetoric: metaphors, codebook categories, voice shares, and the runner's three functions."""
from __future__ import annotations

import pandas as pd
import pytest

from zhaoshang import paths, rhetoric
from zhaoshang.rhetoric import (METAPHOR, PhraseMatcher, categories, category_profile, codebook,
                                doc_metaphors, doc_quotes, doc_rhetoric, doc_slogans, metaphors,
                                voice_categories, voice_shares)

from conftest import make_doc, shared_corpus

EXPECTED_CATEGORIES = ["industrial_chain", "business_environment", "service_speed", "incentives_policy",
                       "leadership_mobilisation", "campaign_targets", "regional_coordination",
                       "green_lowcarbon", "innovation"]


@pytest.fixture(scope="module")
def sample():
    from zhaoshang.pipeline import load_document

    return load_document(paths.SAMPLE_ARTICLE)


# ----------------------------------------------------------------- lexicons as data


def test_codebook_categories_are_documented():
    cats = codebook()
    assert [c.id for c in cats] == EXPECTED_CATEGORIES
    for c in cats:
        assert c.terms and c.description and c.example and c.label_zh
    assert categories() == EXPECTED_CATEGORIES + [METAPHOR]


def test_every_codebook_example_hits_its_category():
    for c in codebook():
        hits = rhetoric.text_categories(c.example)
        assert hits[c.id] > 0, c.id


def test_codebook_doc_is_up_to_date():
    doc = (paths.ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert doc == rhetoric.codebook_markdown(), "run rhetoric.write_codebook_doc()"


def test_metaphor_lexicon_has_the_issue_terms():
    terms = {m.term for m in metaphors()}
    assert {"糖葫芦", "棋局", "落子", "组合拳", "引擎", "生命线", "筑巢引凤", "店小二", "保姆式服务",
            "主战场", "一盘棋"} <= terms
    assert all(m.domain for m in metaphors())


def test_phrase_matcher_is_leftmost_longest():
    m = PhraseMatcher(["产业链", "产业链招商", "全产业链招商", "招商"])
    assert [t for _, _, t in m.find("全产业链招商和产业链招商")] == ["全产业链招商", "产业链招商"]
    assert PhraseMatcher([]).find("任何") == []


# ----------------------------------------------------------------- metaphors


def test_metaphor_in_quotes_reports_the_whole_phrase():
    d = make_doc("安丘把企業串成‘產業糖葫蘆’，在招商大“棋局”中精準“落子”。")
    rows = doc_metaphors(d)
    assert [(r["metaphor"], r["phrase"], r["quoted"]) for r in rows] == [
        ("糖葫蘆", "產業糖葫蘆", True), ("棋局", "棋局", True), ("落子", "落子", True)]
    for r in rows:
        assert d.body[r["start"]:r["end"]] == r["metaphor"]
        assert r["metaphor"] in r["sentence"]


def test_metaphor_in_title():
    d = make_doc("正文沒有。", title="激活產業振興“新引擎”")
    rows = doc_metaphors(d)
    assert [(r["field"], r["phrase"]) for r in rows] == [("title", "新引擎")]
    assert d.title[rows[0]["start"]:rows[0]["end"]] == "引擎"


# ----------------------------------------------------------------- categories


def test_doc_rhetoric_rows_and_rates():
    body = "全產業鏈招商和產業鏈招商，優化營商環境。"
    d = make_doc(body)
    rows = doc_rhetoric(d)
    assert [r["category"] for r in rows] == categories()
    by = {r["category"]: r for r in rows}
    assert by["industrial_chain"]["hits"] == 2
    assert by["industrial_chain"]["per_10k"] == pytest.approx(2 * 10000 / len(body), abs=1e-3)
    assert by["business_environment"]["hits"] == 1
    assert by["business_environment"]["terms"] == "營商環境"
    assert by["green_lowcarbon"]["hits"] == 0


def test_empty_document():
    d = make_doc("")
    assert doc_quotes(d) == [] and doc_slogans(d) == [] and doc_metaphors(d) == []
    assert all(r["hits"] == 0 and r["per_10k"] == 0 for r in doc_rhetoric(d))


# ----------------------------------------------------------------- voice


def test_voice_shares_and_categories():
    body = ("“我們優化營商環境，做好店小二。”縣委書記李明說。\n"
            "“政策優惠吸引了我們，稅收減免很多。”某公司董事長王強說。")
    q = pd.DataFrame(doc_quotes(make_doc(body)))
    shares = voice_shares(q)
    assert list(shares["role"]) == ["official", "enterprise", "other", "unknown"]
    assert list(shares["quotes"]) == [1, 1, 0, 0]
    assert shares["share_chars"].sum() == pytest.approx(1.0)
    vc = voice_categories(q).set_index(["role", "category"])
    assert vc.loc[("official", "business_environment"), "hits"] == 1
    assert vc.loc[("official", METAPHOR), "hits"] == 1
    assert vc.loc[("enterprise", "incentives_policy"), "hits"] >= 2


def test_voice_shares_of_nothing():
    shares = voice_shares(pd.DataFrame(columns=["doc_id", "quote", "speaker", "role", "start", "end"]))
    assert shares["quotes"].sum() == 0


def test_category_profile_sums_documents():
    rows = doc_rhetoric(make_doc("產業鏈招商。", doc_id="a")) + doc_rhetoric(make_doc("產業鏈。綠色低碳。", doc_id="b"))
    p = category_profile(rows).set_index("category")
    assert p.loc["industrial_chain", "hits"] == 2 and p.loc["industrial_chain", "docs"] == 2
    assert p.loc["industrial_chain", "per_10k"] == pytest.approx(2 * 10000 / (6 + 9), abs=1e-3)


def test_charts_draw(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = doc_rhetoric(make_doc("產業鏈招商，優化營商環境。"))
    fig = rhetoric.plot_category_profile(category_profile(rows), script="traditional")
    fig.savefig(tmp_path / "p.png")
    q = doc_quotes(make_doc("“我們有信心，優化營商環境。”縣委書記李明說。"))
    fig = rhetoric.plot_voice(pd.DataFrame(q))
    fig.savefig(tmp_path / "v.png")
    plt.close("all")
    assert (tmp_path / "v.png").stat().st_size > 1000


def test_slogans_by_kind_and_display_script():
    rows = doc_slogans(make_doc("依托“一區四園”和“近悅遠來”，“一區四園”。"))
    t = rhetoric.slogans_by_kind(rows).set_index("kind")
    assert t.loc["numeric", "n"] == 2 and t.loc["numeric", "distinct"] == 1
    assert t.loc["idiom", "examples"] == "近悅遠來" and t.loc["campaign", "n"] == 0
    from zhaoshang.script import corpus_script

    assert corpus_script(pd.DataFrame({"script": ["traditional"]})["script"]) == "traditional"
    assert corpus_script([]) == "simplified"


# ----------------------------------------------------------------- the sample article (must show)


def test_sample_quotes_speakers_and_roles(sample):
    rows = doc_quotes(sample)
    assert [(r["speaker"], r["role"]) for r in rows] == [
        ("楊宇", "enterprise"), ("孫業", "official"), ("某企業有關負責人", "enterprise"),
        ("陳衛健", "enterprise"), ("翟明剛", "enterprise"), ("李公帥", "enterprise")]
    assert rows[1]["speaker_title"] == "主任" and rows[1]["organisation"] == "安丘市投促中心"
    assert rows[3]["organisation"] == "嘉澤電子新材料有限公司"
    for r in rows:
        assert sample.body[r["start"]:r["end"]] == r["quote"]
        assert set(r) >= {"doc_id", "quote", "speaker", "role", "start", "end", "speaker_title", "organisation"}


def test_sample_metaphors(sample):
    phrases = {r["phrase"] for r in doc_metaphors(sample)}
    assert {"產業糖葫蘆", "棋局", "落子", "組合拳", "生命線"} <= phrases
    assert any("引擎" in p for p in phrases)


def test_sample_rhetoric_profile(sample):
    by = {r["category"]: r for r in doc_rhetoric(sample)}
    assert by["industrial_chain"]["hits"] >= 10
    assert by[METAPHOR]["hits"] >= 6
    assert all(r["hits"] > 0 for r in by.values())


def test_national_gwr_rhetoric():
    from zhaoshang.pipeline import load_corpus

    docs, _ = load_corpus(shared_corpus("national-gwr"))
    rows = [r for d in docs for r in doc_rhetoric(d)]
    assert len(rows) == len(docs) * len(categories())
    p = category_profile(rows)
    assert (p["hits"] > 0).all()
