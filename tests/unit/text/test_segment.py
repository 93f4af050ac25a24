"""jieba segmentation on the Simplified view, in a private tokenizer, quietly."""
from __future__ import annotations

import subprocess
import sys

from conftest import make_doc
from zhaoshang.text.lexicon import from_terms
from zhaoshang.text.segment import cut, doc_tokens, import_jieba, is_content_word, tokenizer


def test_lexicon_terms_come_out_whole():
    words = [w for w, _s, _e in cut("安丘市圍繞頭部企業進行全產業鏈招商，優化營商環境")]
    assert "全产业链招商" in words
    assert "营商环境" in words


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
    assert "全产业链招商" not in jieba.dt.FREQ


def test_one_tokenizer_per_process_and_lexicon():
    assert tokenizer() is tokenizer()
    assert tokenizer(from_terms(["甲乙丙丁招商"])) is tokenizer(from_terms(["甲乙丙丁招商"]))


def test_first_use_prints_nothing_on_stderr():
    code = ("from zhaoshang.text.segment import cut\n"
            "print(len(cut('全產業鏈招商和營商環境')))\n")
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
