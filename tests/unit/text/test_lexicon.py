"""The domain lexicon and stopwords are data, written once in Simplified."""
from __future__ import annotations

import pytest
from zhaoshang.text.lexicon import (
    Lexicon,
    Term,
    default_lexicon,
    default_stopwords,
    from_terms,
    read_stopwords,
    read_terms,
)
from zhaoshang.text.script import to_simplified

REQUIRED = ["招商引资", "产业链招商", "全产业链招商", "以商招商", "链主", "营商环境", "专班", "招商图谱",
            "双招双引", "一把手招商", "登门招商", "驻点招商", "基金招商", "资本招商", "飞地经济", "标准地",
            "拿地即开工"]


def test_lexicon_is_large_and_has_the_field_s_core_terms():
    lex = default_lexicon()
    assert len(lex) >= 150
    for term in REQUIRED:
        assert term in lex, term


def test_every_term_is_simplified_unique_and_categorised():
    lex = default_lexicon()
    assert len(set(lex.terms)) == len(lex.terms)
    for t in lex:
        assert to_simplified(t.term) == t.term, t.term
        assert t.category and t.gloss, t.term
    assert 8 <= len(lex.categories) <= 15


def test_lookup_in_either_script():
    lex = default_lexicon()
    assert "產業鏈招商" in lex and "产业链招商" in lex
    assert lex.category("營商環境") == lex.category("营商环境") == "business environment"
    assert lex.category("不是术语") is None
    assert lex.get("產業鏈招商").traditional == "產業鏈招商"


def test_to_frame_columns():
    df = default_lexicon().to_frame()
    assert list(df.columns) == ["term", "traditional", "category", "gloss"]
    assert df.loc[df.term == "营商环境", "traditional"].item() == "營商環境"


def test_stopwords_cover_function_words_and_news_boilerplate():
    sw = default_stopwords()
    for w in ["的", "了", "我们", "进行", "记者", "责任编辑", "转载", "版权"]:
        assert w in sw, w
    assert all(to_simplified(w) == w for w in sw)
    assert "招商引资" not in sw and "营商环境" not in sw


def test_from_terms_merges_scripts():
    lex = from_terms(["產業鏈招商", "产业链招商", " 营商环境 "])
    assert lex.terms == ["产业链招商", "营商环境"]
    assert lex.category("营商环境") == "user"


def test_duplicates_are_rejected():
    with pytest.raises(ValueError, match="duplicate"):
        Lexicon((Term("专班", "a"), Term("专班", "b")))


def test_read_terms_and_stopwords_files(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("# comment\nterm\tcategory\tgloss\n營商環境\tenv\tbusiness environment\n專班\torg\n",
                 encoding="utf-8")
    lex = read_terms(p)
    assert lex.terms == ["营商环境", "专班"]
    assert lex.get("专班").gloss == ""
    bad = tmp_path / "bad.tsv"
    bad.write_text("营商环境\tenv\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_terms(bad)
    s = tmp_path / "s.txt"
    s.write_text("# c\n我們\n\n的\n", encoding="utf-8")
    assert read_stopwords(s) == frozenset({"我们", "的"})


def test_lexicon_is_hashable_by_content():
    a = from_terms(["招商"])
    b = from_terms(["招商"])
    assert a == b and hash(a) == hash(b)


def test_summary_by_category():
    s = default_lexicon().summary(examples=3)
    assert s.columns.tolist() == ["category", "terms", "examples"]
    assert s["terms"].sum() == len(default_lexicon())
    assert s.iloc[0]["examples"].startswith("招商引资、")
