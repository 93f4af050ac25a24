"""Slogans: quoted phrases that are not speech, and their kinds."""
from __future__ import annotations

import pytest
from conftest import make_doc, shared_corpus
from zhaoshang import paths
from zhaoshang.analyses.rhetoric import (
    KINDS,
    chengyu,
    doc_quotes,
    doc_slogans,
    kind_counts,
    slogan_counts,
    slogan_kind,
    slogan_kinds,
)
from zhaoshang.analyses.rhetoric.slogans import is_idiom
from zhaoshang.text.script import to_simplified

# The 16 quoted slogans of the sample article that the issue asks for (top-level quoted
# phrases that are not speech, without the two bare metaphors 棋局 and 落子).
SAMPLE_SLOGANS = ["一區四園", "缺什么補什么", "二分之一", "雙定+雙保", "組合拳", "極速審批", "鏈式發展",
                  "服務創新", "一把手", "招商引資突破年", "到一線、作表率", "市級領導主談+專班服務",
                  "招落一體化", "簽約一批、開工一批、投產一批", "把企業的事當成自己的事", "近悅遠來"]


def slogans(body: str) -> list[dict]:
    d = make_doc(body)
    rows = doc_slogans(d)
    for r in rows:
        assert d.body[r["start"]:r["end"]] == r["slogan"]
    return rows


@pytest.mark.parametrize("phrase, kind", [
    ("一區四園", "numeric"),
    ("雙定+雙保", "numeric"),
    ("二分之一", "numeric"),
    ("三個一批", "numeric"),
    ("兩個中心", "numeric"),
    ("十四五", "numeric"),
    ("簽約一批、開工一批、投產一批", "parallel"),
    ("缺什麼補什麼", "parallel"),
    ("快建設、早投產、早見效", "parallel"),
    ("誰投資、誰決策、誰收益、誰承擔風險", "parallel"),
    ("勞動者自主擇業、市場調節就業、政府促進就業", "parallel"),
    ("獎、貸、助、補、減、免", "parallel"),
    ("引進大企業、實施大項目帶動發展", "other"),
    ("近悅遠來", "idiom"),
    ("精益求精", "idiom"),
    ("招商引資突破年", "campaign"),
    ("百日攻堅", "campaign"),
    ("一把手", "other"),
    ("招落一體化", "other"),
    ("雙贏", "other"),
    ("極速審批", "other"),
])
def test_slogan_kind(phrase, kind):
    assert slogan_kind(to_simplified(phrase)) == kind


def test_campaign_from_the_word_after_the_quote():
    rows = slogans("在全縣範圍開展“到一線、作表率”活動。")
    assert rows[0]["kind"] == "campaign"
    assert rows[0]["kinds"] == "campaign|parallel"


def test_every_kind_from_sentences():
    body = ("依托“一區四園”，按照“簽約一批、開工一批、投產一批”的思路，持續推進“招商引資突破年”活動，"
            "營造“近悅遠來”的投資環境，打出一套“組合拳”。")
    got = {r["slogan"]: r["kind"] for r in slogans(body)}
    assert got == {"一區四園": "numeric", "簽約一批、開工一批、投產一批": "parallel",
                   "招商引資突破年": "campaign", "近悅遠來": "idiom", "組合拳": "other"}
    assert set(got.values()) == set(KINDS)


def test_metaphor_column():
    rows = slogans("在招商引資大“棋局”中，該區精準“落子”。")
    assert [(r["slogan"], r["metaphor"]) for r in rows] == [("棋局", "棋局"), ("落子", "落子")]


def test_nested_phrase_in_speech_is_a_slogan_not_the_speech():
    body = "“安丘把企業串成‘產業糖葫蘆’，實現集群式發展。”安丘市投促中心主任孫業說。"
    rows = slogans(body)
    assert [(r["slogan"], r["nested"], r["in_speech"]) for r in rows] == [("產業糖葫蘆", True, True)]
    assert len(doc_quotes(make_doc(body))) == 1


def test_speech_is_never_a_slogan():
    body = "“我們有信心。”張三說。依托“一區四園”發展。"
    assert [r["slogan"] for r in slogans(body)] == ["一區四園"]


def test_unbalanced_marks():
    rows = slogans("依托“一區四園，按照“缺什麼補什麼”的原則。\n‘雙贏")
    assert [r["slogan"] for r in rows] == ["缺什麼補什麼"]


def test_slogan_counts_across_documents():
    rows = (doc_slogans(make_doc("依托“一區四園”和“一区四园”。", doc_id="a"))
            + doc_slogans(make_doc("依托“一區四園”。", doc_id="b")))
    c = slogan_counts(rows)
    assert c.iloc[0].to_dict() == {"key": "一区四园", "slogan": "一區四園", "kind": "numeric", "n": 3, "docs": 2}
    assert kind_counts(rows)["numeric"] == 3


def test_chengyu_list_is_a_real_list():
    words = chengyu()
    assert len(words) > 20000
    assert all(len(w) == 4 for w in words)
    assert is_idiom("近悦远来") and is_idiom("守株待兔") and not is_idiom("招商引资")
    from zhaoshang import resources

    header = resources.read_text("lexicon/chengyu.tsv").splitlines()[:3]
    assert any("Apache" in h for h in header) and any("JioNLP" in h for h in header)


def test_slogan_kinds_lists_all():
    assert slogan_kinds("双定+双保") == ["numeric", "parallel"]


def test_sample_article_slogans():
    from zhaoshang.stages.process import load_document

    doc = load_document(paths.SAMPLE_ARTICLE)
    rows = doc_slogans(doc)
    for r in rows:
        assert doc.body[r["start"]:r["end"]] == r["slogan"]
    found = {r["slogan"] for r in rows if not r["nested"]}
    assert len(found & set(SAMPLE_SLOGANS)) >= 14
    speech = " ".join(q["quote"] for q in doc_quotes(doc))
    for s in SAMPLE_SLOGANS:
        assert f"“{s}”" not in speech and s not in [q["quote"] for q in doc_quotes(doc)]
    kinds = {r["slogan"]: r["kind"] for r in rows}
    assert kinds.get("一區四園") == "numeric"
    assert kinds.get("招商引資突破年") == "campaign"
    assert kinds.get("近悅遠來") == "idiom"
    assert kinds.get("簽約一批、開工一批、投產一批") == "parallel"


def test_national_gwr_slogans():
    from zhaoshang.stages.process import load_corpus

    docs, _ = load_corpus(shared_corpus("national-gwr"))
    rows = [r for d in docs for r in doc_slogans(d)]
    top = slogan_counts(rows)
    assert {"一国两制", "一带一路"} <= set(top["key"].head(20))
    assert top.set_index("key").loc["一国两制", "kind"] == "numeric"
