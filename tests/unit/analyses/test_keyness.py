"""Keyness arithmetic on hand-computed examples, and the general-Chinese reference."""
from __future__ import annotations

import math

import pytest
from zhaoshang.analyses.keyness import general_chinese, keyness, log_likelihood, log_likelihood_2x2, log_ratio, p_value


def test_log_likelihood_by_hand():
    # a=10 in c=1000 words, b=5 in d=10000 words.
    # E1 = 1000*15/11000 = 1.363636..., E2 = 10000*15/11000 = 13.636363...
    # G2 = 2*(10*ln(10/1.363636) + 5*ln(5/13.636363))
    #    = 2*(10*1.992430 + 5*(-1.003302)) = 2*(19.924302 - 5.016508) = 29.815587
    assert log_likelihood(10, 5, 1000, 10000) == pytest.approx(29.8156, abs=1e-4)
    # equal relative frequencies: no evidence at all
    assert log_likelihood(10, 100, 1000, 10000) == pytest.approx(0.0, abs=1e-12)
    # a word missing from the reference: G2 = 2*a*ln(a/E1) with E1 = c*a/(c+d)
    # = 2*4*ln((100+1000)/100) = 8*ln(11) = 19.1832
    assert log_likelihood(4, 0, 100, 1000) == pytest.approx(8 * math.log(11), abs=1e-9)
    assert log_likelihood(0, 0, 100, 1000) == 0.0


def test_two_by_two_log_likelihood_by_hand():
    # [[10, 20], [30, 40]]: n=100, rows 30/70, columns 40/60 -> E = 12, 18, 28, 42
    # G2 = 2*(10 ln(10/12) + 20 ln(20/18) + 30 ln(30/28) + 40 ln(40/42))
    #    = 2*(-1.823216 + 2.107210 + 2.069786 - 1.951607) = 2*0.402173 = 0.804346
    assert log_likelihood_2x2(10, 20, 30, 40) == pytest.approx(0.804346, abs=1e-5)
    assert log_likelihood_2x2(5, 5, 5, 5) == pytest.approx(0.0)


def test_log_ratio_by_hand():
    # (10/1000) / (5/10000) = 0.01 / 0.0005 = 20 -> log2(20) = 4.321928
    assert log_ratio(10, 5, 1000, 10000) == pytest.approx(4.321928, abs=1e-6)
    # zero in the reference is taken as 0.5: (4/100) / (0.5/1000) = 80 -> log2(80) = 6.321928
    assert log_ratio(4, 0, 100, 1000) == pytest.approx(6.321928, abs=1e-6)
    assert log_ratio(1, 10, 100, 1000) == pytest.approx(0.0)


def test_p_value_of_chi_square_one_degree():
    assert p_value(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert p_value(6.634897) == pytest.approx(0.01, abs=1e-6)
    assert p_value(0.0) == 1.0


def test_keyness_table_against_a_second_corpus():
    target = {"营商环境": 10, "发展": 10, "专班": 1, "经济": 979}          # c = 1000
    reference = {"营商环境": 5, "发展": 100, "经济": 9895}                  # d = 10000
    k = keyness(target, reference, min_count=2)
    assert k["simplified"].tolist() == ["营商环境"]  # 发展 is not over-used; 专班 below min_count
    row = k.iloc[0]
    assert row["ll"] == pytest.approx(29.816, abs=1e-3)
    assert row["log_ratio"] == pytest.approx(4.322, abs=1e-3)
    assert (row["count"], row["ref_count"], row["per_10k"], row["direction"]) == (10, 5, 100.0, "+")
    both = keyness(target, reference, min_count=2, positive_only=False)
    assert set(both["direction"]) == {"+", "=", "-"}  # 发展 is used at the same rate
    assert both.iloc[0]["simplified"] == "营商环境"
    shown = keyness(target, reference, display={"营商环境": "營商環境"})
    assert shown.iloc[0]["word"] == "營商環境"


def test_keyness_sorting_is_stable():
    target = {"甲甲": 5, "乙乙": 5, "丙丙": 5}
    k = keyness(target, {"丁丁": 1000})
    assert k["simplified"].tolist() == ["丙丙", "乙乙", "甲甲"]  # equal scores: by key


def test_general_chinese_reference_is_filtered_like_our_words():
    ref = general_chinese()
    assert len(ref) > 300_000
    assert ref["经济"] > 1000
    for w in ("的", "我们", "2023"):
        assert w not in ref


def test_domain_terms_are_key_against_general_chinese():
    target = {"营商环境": 6, "招商引资": 9, "经济": 3, "我们": 2}
    k = keyness(target)
    assert k["simplified"].tolist()[:2] == ["招商引资", "营商环境"]
    assert k.set_index("simplified").loc["营商环境", "ref_count"] == 0   # absent from general Chinese
    assert "我们" not in k["simplified"].tolist()                         # stopword: filtered out
