"""Periods named in a sentence resolve against the published date."""
from __future__ import annotations

import pytest

from zhaoshang.periods import find_periods, five_year_plan

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
