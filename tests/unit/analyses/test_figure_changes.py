"""The two ends of a change (analyses.figures.changes): the from-value is of the span's first year,
the to-value of its last — hand-written sentences of the shapes work reports use."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import make_doc
from zhaoshang.analyses.figures import doc_figures


def periods(body, year=2003):
    doc = dataclasses.replace(make_doc(body, published=None), year=year)
    return [(r["text"], r["period_start"], r["period_end"]) for r in doc_figures(doc)]


@pytest.mark.parametrize("body, expected", [
    # a from-to period governing the sentence
    ("从一九七八年到一九八二年，我国普通高等学校已由五百九十八所增加到七百一十五所。",
     [("五百九十八所", "1978-01-01", "1978-12-31"), ("七百一十五所", "1982-01-01", "1982-12-31")]),
    # a parallel clause that writes its years
    ("全国财政收入从1997年的8651亿元增加到2002年的18914亿元；国家外汇储备从1399亿美元增加到2864亿美元。",
     [("8651亿元", "1997-01-01", "1997-12-31"), ("18914亿元", "2002-01-01", "2002-12-31"),
      ("1399亿美元", "1997-01-01", "1997-12-31"), ("2864亿美元", "2002-01-01", "2002-12-31")]),
    # a comparison framing the sentence
    ("一九八二年同一九七八年相比，社会商品零售总额由一千五百五十九亿元增加到二千五百七十亿元。",
     [("一千五百五十九亿元", "1978-01-01", "1978-12-31"), ("二千五百七十亿元", "1982-01-01", "1982-12-31")]),
])
def test_each_end_of_a_change_is_of_its_own_year(body, expected):
    assert periods(body) == expected


def test_a_year_of_the_figures_own_clause_still_governs_it():
    assert periods("今年，全市财政收入由10亿元增加到12亿元。") == [
        ("10亿元", "2003-01-01", "2003-12-31"), ("12亿元", "2003-01-01", "2003-12-31")]
    assert periods("由2002年7703元增加到2007年13786元。") == [
        ("7703元", "2002-01-01", "2002-12-31"), ("13786元", "2007-01-01", "2007-12-31")]


def test_a_plain_range_without_a_change_keeps_its_span():
    assert periods("从2016年到2020年，全市共引进项目120个。") == [("120个", "2016-01-01", "2020-12-31")]


def test_a_value_changed_to_the_presents_is_up_to_the_published_day():
    # a report of a known year but no day: the present is undated, not the from-value's 2004
    assert periods("企业退休人员基本养老金从2004年人均每月700元提高到现在的1721元。") == [
        ("700元", "2004-01-01", "2004-12-31"), ("1721元", None, None)]
    doc = make_doc("该市人均收入从2004年的7000元提高到目前的17210元。", published="2013-03-05")
    got = [(r["text"], r["period_start"], r["period_end"]) for r in doc_figures(doc)]
    assert got == [("7000元", "2004-01-01", "2004-12-31"), ("17210元", None, "2013-03-05")]


def test_a_change_to_a_year_end_value_is_that_december():
    assert periods("涉农贷款余额从2007年末的6.12万亿元增加到2012年末的17.63万亿元。", year=2013) == [
        ("6.12万亿元", "2007-12-01", "2007-12-31"), ("17.63万亿元", "2012-12-01", "2012-12-31")]


def test_an_amount_compared_with_is_of_its_own_year():
    body = ("工农业总产值在一九五七年达到了一千三百八十七亿元，比一九五二年的八百二十七亿元增长百分之六十七。"
            "其中，工业总产值达到了六百五十亿元，比一九五二年的二百七十亿元增长百分之一百四十一。")
    doc = dataclasses.replace(make_doc(body, published=None), year=1959)
    rows = {r["text"]: r for r in doc_figures(doc)}
    assert rows["一千三百八十七亿元"]["period_start"] == "1957-01-01"
    assert rows["八百二十七亿元"]["period_start"] == "1952-01-01"       # the base, of its own year
    assert rows["六百五十亿元"]["period_start"] == "1957-01-01"
    # the 其中 part belongs to the total, not to the amount compared with
    assert rows["六百五十亿元"]["part_of"] == rows["一千三百八十七亿元"]["figure_id"]
    assert rows["二百七十亿元"]["part_of"] is None


def test_a_list_after_respectively_takes_the_months_or_years_one_each():
    doc = make_doc("今年1~3月份，该厂亏损额逐月下降，分别为6039万元、2163万元和251万元。", published="2011-06-21")
    got = [(r["text"], r["period_start"], r["period_end"]) for r in doc_figures(doc)]
    assert got == [("6039万元", "2011-01-01", "2011-01-31"), ("2163万元", "2011-02-01", "2011-02-28"),
                   ("251万元", "2011-03-01", "2011-03-31")]
    assert periods("2019—2021年，全市引进项目分别为30个、35个和41个。") == [
        ("30个", "2019-01-01", "2019-12-31"), ("35个", "2020-01-01", "2020-12-31"), ("41个", "2021-01-01", "2021-12-31")]
    # as many figures as months only: two figures over six months keep the six months
    assert periods("今年1-6月，甲、乙两区签约额分别为5亿元和3亿元。")[0][1:] == ("2003-01-01", "2003-06-30")


@pytest.mark.parametrize("body, year, expected", [
    # the years a parallel change spans, after its first
    ("全国财政收入从1997年的8651亿元增加到2002年的18914亿元，平均每年增加2053亿元。", 2003,
     ("2053亿元", "1998-01-01", "2002-12-31")),
    # a comparison framing the sentence
    ("一九八二年同一九七八年相比，社会商品零售总额由一千五百五十九亿元增加到二千五百七十亿元，平均每年增加二百五十三亿元。",
     1983, ("二百五十三亿元", "1979-01-01", "1982-12-31")),
    # two years named before it, without 由…增加到
    ("全国职工的工资总额一九八〇年为七百七十三亿元，一九八五年将达到九百八十三亿元，平均每年增加四十二亿元。", 1981,
     ("四十二亿元", "1981-01-01", "1985-12-31")),
    # the N years before a year, and before the clause's year
    ("比一九七八年前的二十六年平均每年增加四十九亿元。", 1983, ("四十九亿元", "1952-01-01", "1977-12-31")),
    ("1956年，农业总产值增加了二十七亿四千万元，超过了前三年平均每年增加二十三亿八千万元的水平。", 1957,
     ("二十三亿八千万元", "1953-01-01", "1955-12-31")),
    # a governing span of years stays; no span at all leaves it undated (not the clause's one year)
    ("五年来，全市财政收入平均每年增加10亿元。", 2003, ("10亿元", "1998-01-01", "2002-12-31")),
    ("2002年，全市财政收入达到50亿元，平均每年增加5亿元。", 2003, ("5亿元", None, None)),
])
def test_an_average_yearly_change_is_of_the_years_it_averages(body, year, expected):
    assert periods(body, year=year)[-1] == expected


def test_an_amount_compared_with_a_plans_years_is_of_that_plan():
    body = ("第六个五年计划期间，用于发展教育、科学、文化、卫生事业的经费计划为九百六十七亿元，"
            "比第五个五年计划期间的五百七十七亿元增加百分之六十八。")
    assert periods(body, year=1982) == [("九百六十七亿元", "1981-01-01", "1985-12-31"),
                                        ("五百七十七亿元", "1976-01-01", "1980-12-31")]


def news_periods(body: str, published: str = "2023-06-13") -> list[tuple]:
    return [(r["text"], r["period_start"], r["period_end"], r["period_text"])
            for r in doc_figures(make_doc(body, published=published))]


@pytest.mark.parametrize("body, expected", [
    # the present says when a rate holds, not which days it counts
    ("如今，合肥平均每天就要诞生5家高新技术企业。", ("5家", None, None, "如今")),
    ("当前，公司每个月新增现金流3000万澳元。", ("3000万澳元", None, None, "当前")),
    # nor does a span to come
    ("未来10年，每年4000亿元的投资如何筹集？", ("4000亿元", None, None, "未来10年")),
    # a calendar span it is the average of does date it
    ("去年，各类市场主体平均每天新增1.5万户。", ("1.5万户", "2022-01-01", "2022-12-31", "去年")),
    ("今年1-5月，日均新设企业300家。", ("300家", "2023-01-01", "2023-05-31", "今年1-5月")),
])
def test_a_rate_per_day_or_year_is_dated_only_by_a_span_it_averages(body, expected):
    assert news_periods(body)[-1] == expected


def test_a_rate_needs_its_words_in_the_figures_clause():
    # 每天 in another clause: 如今 dates the figure as usual
    assert news_periods("工厂每天开工，如今已有企业500家。")[-1] == ("500家", None, "2023-06-13", "如今")
