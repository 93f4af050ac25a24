"""Segmentation on the Simplified view, in a private tokenizer, quietly; rjieba gives jieba's tokens."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang.text.jieba_rs import RESERVED
from zhaoshang.text.lexicon import default_lexicon, from_terms
from zhaoshang.text.script import to_simplified
from zhaoshang.text.segment import (
    DEFAULT_SEGMENTER,
    SEGMENTERS,
    check_segmenter,
    cut,
    doc_fields_tokens,
    doc_tokens,
    import_jieba,
    is_content_word,
    tokenizer,
)


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_lexicon_terms_come_out_whole(segmenter):
    words = [w for w, _s, _e in cut("安丘市圍繞頭部企業進行全產業鏈招商，優化營商環境", segmenter=segmenter)]
    assert "全产业链招商" in words
    assert "营商环境" in words


def test_the_fast_segmenter_is_the_default_and_names_are_checked():
    assert DEFAULT_SEGMENTER == "rjieba" and set(SEGMENTERS) == {"rjieba", "jieba"}
    assert check_segmenter("jieba") == "jieba"
    with pytest.raises(ValueError, match="unknown segmenter 'pkuseg'.*rjieba, jieba"):
        tokenizer(segmenter="pkuseg")


def test_user_words_get_the_frequency_jieba_suggests():
    """jieba's add_word(term) suggests a frequency (one more than the product of its parts', at
    least the word's own): rjieba is given exactly that, term after term, in the same order."""
    lex = default_lexicon()
    jb = tokenizer(lex, "jieba").jieba
    rs = tokenizer(lex, "rjieba")
    assert {t: rs.frequency(t) for t in lex.terms} == {t: jb.FREQ[t] for t in lex.terms}
    assert rs.total == jb.total  # every dictionary line counted, re-added words in full, as jieba does


# What plain jieba-rs does differently from jieba 0.42.1, each undone (see text/jieba_rs.py).
JIEBA_RS_DIFFERS = [
    "颁布实施2011-2020年中国农村扶贫开发纲要",  # non-Han parts of unknown-word runs: 2011 - 2020
    "访问tv.cctv.com网站，编码UTF-8，版本a-1.5%x和3.14.15",
    "他说A-B-C，了a_b了，a+b#c_d",
    "㐀㐁测试，测\u9fd6试，测\uf900试",  # CJK Extension A, beyond U+9FD5, compatibility ideographs
    "全产业链招商和营商环境持续优化" + RESERVED + "签约",  # the reserved entry is never a token
]


@pytest.mark.parametrize("text", JIEBA_RS_DIFFERS)
def test_rjieba_gives_jiebas_tokens_where_jieba_rs_alone_would_not(text):
    assert cut(text, segmenter="rjieba") == cut(text, segmenter="jieba")


@pytest.mark.parametrize("segmenter", SEGMENTERS)
@pytest.mark.parametrize("text", [*JIEBA_RS_DIFFERS, "投资35.7亿元，同比增长12.5%。", "网址tv.cctv.com，2022-06-17发布",
                                  "㐀𠀀營商環境", "", "   "])
def test_words_are_the_tokens_without_offsets(segmenter, text):
    """words() is the fast path of the word tally: the same tokens as tokenize(), which are jieba's."""
    tk = tokenizer(default_lexicon(), segmenter)
    simp = to_simplified(text)
    assert tk.words(simp) == [w for w, _s, _e in tk.tokenize(simp)]
    assert tk.words(simp) == [w for w, _s, _e in tokenizer(default_lexicon(), "jieba").tokenize(simp)]
    assert "".join(tk.words(simp)) == simp


def test_doc_fields_tokens_segments_title_and_body_once():
    doc = make_doc("優化營商環境。", title="招商引資")
    fields = doc_fields_tokens(doc)
    assert [f.field for f in fields] == ["title", "body"]
    assert fields[1].original == "優化營商環境。" and fields[1].simplified == "优化营商环境。"
    assert fields[1].tokens == [("优化", 0, 2), ("营商环境", 2, 6), ("。", 6, 7)]
    assert fields[1].words == ["优化", "营商环境", "。"]
    assert [f.field for f in doc_fields_tokens(make_doc("正文。"))] == ["body"]  # no title, no field


def test_offsets_point_into_the_original_text():
    text = "山東創新招商引資模式"
    toks = cut(text)
    assert "".join(text[s:e] for _w, s, e in toks) == text
    assert ("招商引资", 4, 8) in toks


def test_doc_tokens_carry_surface_forms_for_display():
    doc = make_doc("優化營商環境。", title="招商引資")
    toks = doc_tokens(doc)
    by_word = {t.word: t for t in toks}
    assert by_word["营商环境"].surface == "營商環境"
    assert by_word["营商环境"].field == "body"
    assert by_word["招商引资"].field == "title"
    assert by_word["招商引资"].surface == "招商引資"


def test_user_words_do_not_leak_into_global_jieba():
    jieba = import_jieba()
    before = jieba.lcut("甲乙丙丁招商很好")
    custom = from_terms(["甲乙丙丁招商"])
    ours = [w for w, _s, _e in cut("甲乙丙丁招商很好", custom)]
    assert "甲乙丙丁招商" in ours
    assert "甲乙丙丁招商" not in jieba.lcut("甲乙丙丁招商很好")
    assert jieba.lcut("甲乙丙丁招商很好") == before
    # nor into the default-lexicon tokenizer of this process
    assert "甲乙丙丁招商" not in [w for w, _s, _e in cut("甲乙丙丁招商很好")]
    assert tokenizer(custom) is not tokenizer() and tokenizer() is not jieba.dt
    assert tokenizer(segmenter="jieba").jieba is not jieba.dt
    assert "甲乙丙丁招商" in [w for w, _s, _e in cut("甲乙丙丁招商很好", custom, segmenter="jieba")]
    assert "全产业链招商" not in jieba.dt.FREQ


def test_one_tokenizer_per_process_lexicon_and_segmenter():
    assert tokenizer() is tokenizer()
    assert tokenizer(from_terms(["甲乙丙丁招商"])) is tokenizer(from_terms(["甲乙丙丁招商"]))
    assert tokenizer(segmenter="jieba") is tokenizer(segmenter="jieba") is not tokenizer()


@pytest.mark.parametrize("segmenter", SEGMENTERS)
def test_first_use_prints_nothing_on_stderr(segmenter):
    code = ("from zhaoshang.text.segment import cut\n"
            f"print(len(cut('全產業鏈招商和營商環境', segmenter={segmenter!r})))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr == ""
    assert out.stdout.strip() == "3"


def test_content_word_rule():
    assert is_content_word("营商环境")
    assert is_content_word("GDP")
    assert not is_content_word("的")          # stopword and single character
    assert not is_content_word("我们")        # stopword
    assert not is_content_word("市")          # single character
    assert is_content_word("市", min_len=1)
    assert not is_content_word("2023")        # digits only
    assert not is_content_word("，“")         # punctuation
    assert is_content_word("我们", stopwords=frozenset())


_HAN = "的一是了我不人在有这个上们来到时大地为中说生国年就和要出也得里后自以会可下而过天去能对小多然于心学之都好看起发当没成只如事把还用第样道想作种开面最前所同日手又行意动方期它头经长儿回位分给名法间知世什两次使身者被高已其进此话常与活正感招商引资营商环境产业链全优化"
_ALPHABET = st.sampled_from(list(_HAN) + list("abcXYZ0123456789+#&._%-") + list(" \t\n，。、“”《》：！·\u3000")
                            + ["\r\n", "㐀", "䶵", "\u9fd6", "\uf900", "\U00020000", "Ａ", "１"]
                            + default_lexicon().terms[:40])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_rjieba_gives_jiebas_tokens_on_any_mix_of_han_latin_digits_and_punctuation(text):
    assert cut(text, segmenter="rjieba") == cut(text, segmenter="jieba")
