"""Periods named in a sentence resolve against the published date."""
from __future__ import annotations

import pytest
from zhaoshang.text.periods import find_periods, five_year_plan

PUB = "2023-08-23"


def one(text, published=PUB):
    ps = find_periods(text, published)
    assert len(ps) == 1, ps
    return ps[0].text, ps[0].period_start, ps[0].period_end


@pytest.mark.parametrize("text, expr, start, end", [
    ("今年上半年，该区新签约项目61个", "今年上半年", "2023-01-01", "2023-06-30"),
    ("据悉，上半年该县已累计签约项目59个", "上半年", "2023-01-01", "2023-06-30"),
    ("2022年以来，来自京津冀的新开工项目达到10个", "2022年以来", "2022-01-01", "2023-08-23"),
    ("今年以来，费县持续推进", "今年以来", "2023-01-01", "2023-08-23"),
    ("去年全市签约项目", "去年", "2022-01-01", "2022-12-31"),
    ("去年上半年", "去年上半年", "2022-01-01", "2022-06-30"),
    ("前三季度实现", "前三季度", "2023-01-01", "2023-09-30"),
    ("第二季度", "第二季度", "2023-04-01", "2023-06-30"),
    ("1-6月，全市", "1-6月", "2023-01-01", "2023-06-30"),
    ("1至6月，全市", "1至6月", "2023-01-01", "2023-06-30"),
    ("2023年1—5月", "2023年1—5月", "2023-01-01", "2023-05-31"),
    ("前两个月", "前两个月", "2023-01-01", "2023-02-28"),
    ("“十四五”时期", "“十四五”时期", "2021-01-01", "2025-12-31"),
    ("十四五期间", "十四五期间", "2021-01-01", "2025-12-31"),
    ("“十三五”", "“十三五”", "2016-01-01", "2020-12-31"),
    ("2014年，全区地区生产总值", "2014年", "2014-01-01", "2014-12-31"),
    ("二〇二二年", "二〇二二年", "2022-01-01", "2022-12-31"),
    ("２０２２年以来", "２０２２年以来", "2022-01-01", "2023-08-23"),
    ("下半年", "下半年", "2023-07-01", "2023-12-31"),
    ("明年", "明年", "2024-01-01", "2024-12-31"),
])
def test_periods(text, expr, start, end):
    assert one(text) == (expr, start, end)


@pytest.mark.parametrize("text", ["8月22日，中粮面业", "增长6.5%，共5个项目", "二十五个项目", "十五个项目",
                                  "近年来，山东立足产业基础"])
def test_not_periods(text):
    assert find_periods(text, PUB) == []


def test_relative_without_published_date_stays_open():
    (p,) = find_periods("今年上半年", None)
    assert (p.period_start, p.period_end) == (None, None)
    (p,) = find_periods("2022年以来", None)
    assert (p.period_start, p.period_end) == ("2022-01-01", None)


def test_five_year_plans():
    assert five_year_plan(1) == ("1953-01-01", "1957-12-31")
    assert five_year_plan(10) == ("2001-01-01", "2005-12-31")
    assert five_year_plan(14) == ("2021-01-01", "2025-12-31")


def test_offsets_point_into_text():
    text = "据悉，上半年该县"
    (p,) = find_periods(text, PUB)
    assert text[p.start:p.end] == p.text == "上半年"


def test_year_in_chinese_digits_is_not_a_five_year_plan():
    # 1954 State Council report: 一九五三年 is a year; 一九五 must not read as a "19th Five-Year Plan"
    (p,) = find_periods("一九五三年的工业总产值", "1954-09-23")
    assert (p.text, p.period_start, p.period_end) == ("一九五三年", "1953-01-01", "1953-12-31")
    assert [(p.period_start, p.period_end) for p in find_periods("“六五”期间", "1983-06-06")] == [("1981-01-01", "1985-12-31")]
    assert [(p.period_start, p.period_end) for p in find_periods("十四五规划", "2023-08-23")] == [("2021-01-01", "2025-12-31")]


@pytest.mark.parametrize("text", [
    "国内生产总值达到４３８００亿元，按可比价格计算，比上年增长百分之十一点八",  # 1995 State Council report
    "人均住房面积达到39.28平方米，比2010年提高17%",                            # 2016 海拉尔区 report
    "平均达到2000元，是2010年的2倍",                                           # 2016 海拉尔区 report
    "地方财政收入较上年增长5%",
])
def test_bases_of_comparison_are_not_periods(text):
    assert find_periods(text, "2016-01-08") == []


def test_from_year_to_year_keeps_both_years():
    # 2016 海拉尔区: 地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元
    got = [(p.text, p.period_start) for p in find_periods("由2010年的162.4亿元增加到2015年的287.9亿元", "2016-01-08")]
    assert got == [("2010年", "2010-01-01"), ("2015年", "2015-01-01")]
