"""Rhetoric: metaphors, codebook categories, voice shares, and the runner's three functions."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_doc, shared_corpus
from zhaoshang import paths
from zhaoshang.analyses import rhetoric
from zhaoshang.analyses.rhetoric import (
    METAPHOR,
    PhraseMatcher,
    categories,
    category_profile,
    codebook,
    doc_category_hits,
    doc_metaphors,
    doc_quotes,
    doc_rhetoric,
    doc_slogans,
    metaphors,
    voice_categories,
    voice_shares,
)
from zhaoshang.outputs.plots import rhetoric as rhetoric_plots

EXPECTED_CATEGORIES = ["industrial_chain", "business_environment", "service_speed", "incentives_policy",
                       "leadership_mobilisation", "campaign_targets", "regional_coordination",
                       "green_lowcarbon", "innovation"]


@pytest.fixture(scope="module")
def sample():
    from zhaoshang.stages.process import load_document

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


def _codebook_doc_script():
    """scripts/build_codebook_doc.py, imported from the checkout (it is a tool, not package code)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_codebook_doc", paths.ROOT / "scripts" / "build_codebook_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_codebook_doc_is_up_to_date():
    doc = (paths.ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert doc == _codebook_doc_script().codebook_markdown(), "run scripts/build_codebook_doc.py"


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


def test_hit_sentences_are_the_texts_sentences():
    # the closing mark after 。 ends the first sentence; the second starts after it
    d = make_doc("他說：“要優化營商環境。”市裡推出優惠政策。")
    got = {r["term"]: r["sentence"] for r in doc_category_hits(d)}
    assert got == {"營商環境": "他說：“要優化營商環境。”", "優惠政策": "市裡推出優惠政策。"}
    # a text with no end of sentence is one sentence, shared by every hit
    d = make_doc("優化營商環境打造產業鏈" * 3000)
    rows = doc_category_hits(d) + doc_metaphors(d)
    assert rows and {r["sentence"] for r in rows} == {d.body}


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
    fig = rhetoric_plots.plot_category_profile(category_profile(rows), script="traditional")
    fig.savefig(tmp_path / "p.png")
    q = doc_quotes(make_doc("“我們有信心，優化營商環境。”縣委書記李明說。"))
    fig = rhetoric_plots.plot_voice(pd.DataFrame(q))
    fig.savefig(tmp_path / "v.png")
    plt.close("all")
    assert (tmp_path / "v.png").stat().st_size > 1000


def test_slogans_by_kind_and_display_script():
    rows = doc_slogans(make_doc("依托“一區四園”和“近悅遠來”，“一區四園”。"))
    t = rhetoric.slogans_by_kind(rows).set_index("kind")
    assert t.loc["numeric", "n"] == 2 and t.loc["numeric", "distinct"] == 1
    assert t.loc["idiom", "examples"] == "近悅遠來" and t.loc["campaign", "n"] == 0
    from zhaoshang.text.script import corpus_script

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
    from zhaoshang.stages.process import load_corpus

    docs, _ = load_corpus(shared_corpus("national-gwr"))
    rows = [r for d in docs for r in doc_rhetoric(d)]
    assert len(rows) == len(docs) * len(categories())
    for d in docs[:20]:  # one analysis per document gives the rows of the three functions
        assert rhetoric.analyse(d) == {"quotes": doc_quotes(d), "slogans": doc_slogans(d), "rhetoric": doc_rhetoric(d)}
    p = category_profile(rows)
    assert (p["hits"] > 0).all()


# ----------------------------------------------------------------- one analysis per document


def test_analyse_gives_the_three_tables_from_one_analysis(sample, monkeypatch):
    from zhaoshang.analyses.rhetoric import analyse, codebooks, quotes

    expected = {"quotes": doc_quotes(sample), "slogans": doc_slogans(sample), "rhetoric": doc_rhetoric(sample)}
    calls = {"quotes": 0, "codebooks": 0}

    def counting(name, real):
        def find(text):
            calls[name] += 1
            return real(text)
        return find

    monkeypatch.setattr(quotes, "find_quoted_spans", counting("quotes", quotes.find_quoted_spans))
    monkeypatch.setattr(codebooks, "find_quoted_spans", counting("codebooks", codebooks.find_quoted_spans))
    assert analyse(sample) == expected
    assert calls == {"quotes": 1, "codebooks": 0}  # quoted spans found once, for quotes and slogans alike


# ----------------------------------------------------------------- a user's codebook

USER_CODEBOOK = """\
# a codebook of my own, terms in Traditional script
categories:
  - id: chain
    label: Chain
    label_zh: 產業鏈
    description: >-
      Chains and
      clusters.
    terms: [產業鏈招商, 產業鏈, 產業集群, 產業鏈]
  - id: environment
    terms:
      - 營商環境
      - 審批
"""


def write(tmp_path, text: str, name: str = "codebook.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_codebook_in_traditional_script(tmp_path):
    from zhaoshang.analyses.rhetoric import Category, analyse, category_labels, read_codebook

    book = read_codebook(write(tmp_path, USER_CODEBOOK))
    assert book == (Category("chain", "Chain", "产业链", "Chains and clusters.", ("产业链招商", "产业链", "产业集群")),
                    Category("environment", "environment", "", "", ("营商环境", "审批")))
    assert hash(book) == hash(read_codebook(tmp_path / "codebook.yaml"))  # a value: equal files, equal codebooks
    assert categories(book) == ["chain", "environment", METAPHOR]
    assert category_labels(book) == {"chain": "Chain", "environment": "environment", METAPHOR: "Metaphor"}
    d = make_doc("全產業鏈招商，優化營商環境，極速審批，產業鏈。")
    rows = analyse(d, codebook=book)["rhetoric"]
    assert [(r["category"], r["hits"], r["label"], r["terms"]) for r in rows] == [
        ("chain", 2, "Chain", "產業鏈招商、產業鏈"), ("environment", 2, "environment", "營商環境、審批"),
        (METAPHOR, 0, "Metaphor", "")]
    assert doc_rhetoric(d, codebook=book) == rows
    assert [r["category"] for r in doc_rhetoric(d)] == categories()  # None: the built-in codebook
    assert rhetoric.text_categories("產業集群", codebook=book) == {"chain": 1, "environment": 0, METAPHOR: 0}
    p = category_profile(rows, codebook=book)
    assert list(p["category"]) == categories(book) and list(p["label"]) == ["Chain", "environment", "Metaphor"]


@pytest.mark.parametrize("text, line, reason", [
    ("categories:\n  - id: a\n    terms: [營商環境, 招商\n  - id: b\n", 4, "not valid YAML"),
    ("categories:\n\t- id: a\n", 2, "not valid YAML"),
    ("- id: a\n  terms: [招商]\n", 1, "expected a YAML mapping"),
    ("# mine\ncodebook:\n  - id: a\n    terms: [招商]\n", 2, "no `categories`"),
    ("categories: []\n", 1, "non-empty list of categories"),
    ("categories:\n  - 招商\n", 2, "not a mapping"),
    ("categories:\n  - id: a\n    terms: [招商]\n  - label: B\n    terms: [營商環境]\n", 4, "category 2 has no `id`"),
    ("categories:\n  - id: a\n    terms: [招商]\n  - id: b\n    label: B\n", 4, "category 'b' has no `terms`"),
    ("categories:\n  - id: a\n    terms: []\n", 3, "`terms` must be a non-empty list"),
    ("categories:\n  - id: a\n    terms:\n      - 招商\n      - [x, y]\n", 5, "term 2 is not a term"),
    ("categories:\n  - id: a\n    terms: [招商]\n  - id: b\n    terms: [營商]\n  - id: a\n    terms: [環境]\n",
     6, "duplicate category id 'a' (first at line 2)"),
    ("categories:\n  - id: metaphor\n    terms: [招商]\n", 2, "reserved"),
])
def test_malformed_codebook_names_file_and_line(tmp_path, text, line, reason):
    from zhaoshang.analyses.rhetoric import CodebookError, read_codebook

    p = write(tmp_path, text)
    with pytest.raises(CodebookError) as err:
        read_codebook(p)
    assert isinstance(err.value, ValueError)
    assert str(err.value).startswith(f"{p}, line {line}: ") and reason in str(err.value)
    assert err.value.line == line and err.value.file == str(p)


def test_empty_or_undecodable_codebook_names_the_file(tmp_path):
    from zhaoshang.analyses.rhetoric import CodebookError, read_codebook

    for p in (write(tmp_path, "", "empty.yaml"), tmp_path / "gbk.yaml"):
        if p.name == "gbk.yaml":
            p.write_bytes("categories:\n  - id: 招商\n".encode("gbk"))
        with pytest.raises(CodebookError, match=str(p)):
            read_codebook(p)
    with pytest.raises(FileNotFoundError):
        read_codebook(tmp_path / "missing.yaml")


def test_one_pass_over_all_categories_finds_what_each_category_finds_alone():
    """Categories overlap (a term in two of them, one term inside another's): each keeps its own
    leftmost-longest reading, as its own PhraseMatcher gives it."""
    from zhaoshang.analyses.rhetoric.codebooks import Category, CodebookMatcher
    from zhaoshang.stages.process import load_corpus

    book = (Category("a", "A", "甲", "", ("产业链", "产业链招商", "招商")),
            Category("b", "B", "乙", "", ("链招商", "招商", "")),
            Category("c", "C", "丙", "", ("营商环境",)),
            Category("d", "D", "丁", "", ()))
    text = "全产业链招商，以商招商，优化营商环境。产业链招商"
    found = CodebookMatcher(book).find(text)
    assert [cid for cid, _ in found] == ["a", "b", "c", "d"]
    assert found == [(c.id, PhraseMatcher(c.terms).find(text)) for c in book]
    assert dict(found)["a"] == [(1, 6, "产业链招商"), (9, 11, "招商"), (19, 24, "产业链招商")]
    assert dict(found)["b"] == [(3, 6, "链招商"), (9, 11, "招商"), (21, 24, "链招商")]
    assert CodebookMatcher(book).find("") == [(c.id, []) for c in book]
    real = codebook()
    docs, _ = load_corpus(shared_corpus("news-dev"))
    assert len(docs) > 20
    for doc in docs:
        assert CodebookMatcher(real).find(doc.simplified) == [(c.id, PhraseMatcher(c.terms).find(doc.simplified))
                                                              for c in real]
