"""Periods read against the published day: ranges of days, thirds of months, weekdays, and the
bracketed days and months of releases from Taiwan (今(20)日, 本(9)月). Published on Tuesday 15 June 2021."""
from __future__ import annotations

import pytest
from zhaoshang.text.periods import find_periods

PUB = "2021-06-15"  # a Tuesday


def spans(text, published=PUB):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, published)]


@pytest.mark.parametrize("text, expr, start, end", [
    ("4月21日至24日，共签约项目10个", "4月21日至24日", "2021-04-21", "2021-04-24"),
    ("2021年5月1日至5日，签约", "2021年5月1日至5日", "2021-05-01", "2021-05-05"),
    ("5月1日—5月3日，签约", "5月1日—5月3日", "2021-05-01", "2021-05-03"),
    ("6月1-3日举行", "6月1-3日", "2021-06-01", "2021-06-03"),
    ("2020年12月1日至2021年1月5日，累计签约", "2020年12月1日至2021年1月5日", "2020-12-01", "2021-01-05"),
    ("12月28日至1月3日，", "12月28日至1月3日", "2020-12-28", "2021-01-03"),   # across the new year
    ("本月初，", "本月初", "2021-06-01", "2021-06-10"),
    ("上月中旬，", "上月中旬", "2021-05-11", "2021-05-20"),
    ("本月下旬将开工", "本月下旬", "2021-06-21", "2021-06-30"),
    ("今（15）日舉行", "今（15）日", "2021-06-15", "2021-06-15"),
    ("今(15)日", "今(15)日", "2021-06-15", "2021-06-15"),
    ("昨(14)日举行", "昨(14)日", "2021-06-14", "2021-06-14"),
    ("本(6)月", "本(6)月", "2021-06-01", "2021-06-30"),
    ("上（5）月", "上（5）月", "2021-05-01", "2021-05-31"),
    ("下周三签约", "下周三", "2021-06-23", "2021-06-23"),
    ("本周五", "本周五", "2021-06-18", "2021-06-18"),
    ("上周一", "上周一", "2021-06-07", "2021-06-07"),
    ("上星期日", "上星期日", "2021-06-13", "2021-06-13"),
    ("本周末", "本周末", "2021-06-19", "2021-06-20"),
    ("本周", "本周", "2021-06-14", "2021-06-20"),
    ("大前天签约", "大前天", "2021-06-12", "2021-06-12"),   # three days back (was read as 前天)
    ("明天开幕", "明天", "2021-06-16", "2021-06-16"),
    ("后天签约", "后天", "2021-06-17", "2021-06-17"),
    ("昨晚举行", "昨晚", "2021-06-14", "2021-06-14"),
    ("今年年初至今，签约", "今年年初至今", "2021-01-01", "2021-06-15"),
    ("去年年底以来", "去年年底以来", "2020-12-01", "2021-06-15"),
])
def test_days_and_parts_of_months(text, expr, start, end):
    assert spans(text) == [(expr, start, end)]


def test_a_range_of_days_is_not_its_last_day():
    # the old reading took 24日 alone, as 24 May (the day before the published one's month)
    assert spans("4月21日至24日，签约10亿元") == [("4月21日至24日", "2021-04-21", "2021-04-24")]


def test_a_range_whose_end_is_before_its_start_is_no_range():
    got = spans("5月3日至1日")
    assert all(a is None or b is None or a <= b for _t, a, b in got)
    assert ("5月3日至1日", "2021-05-03", "2021-05-01") not in got


def test_without_a_published_day_the_days_stay_undated():
    assert [(p.period_start, p.period_end) for p in find_periods("下周三签约", None, 2021)] == [(None, None)]
    assert [(p.period_start, p.period_end) for p in find_periods("4月21日至24日", None, 2021)] == [(None, None)]


@pytest.mark.parametrize("text", ["此后天气转好", "先天后天的因素"])
def test_hou_tian_inside_other_words_is_no_day(text):
    assert spans(text) == []


@pytest.mark.parametrize("text, start, end", [
    ("昨日下午，为期4天的台博会落幕。", "2021-06-11", "2021-06-14"),          # ended yesterday, four days
    ("3日，为期三天的推介会在合肥开幕。", "2021-06-03", "2021-06-05"),          # opened on the 3rd
    ("从6月1日开始，50家采购企业来华参与为期一周的采购峰会。", "2021-06-01", "2021-06-07"),
])
def test_the_days_of_an_event_from_its_length(text, start, end):
    (got,) = [(a, b) for _t, a, b in spans(text) if a is not None]
    assert got == (start, end)


def test_a_length_without_a_day_is_no_period():
    assert spans("为期两天的会议将讨论合作") == []


@pytest.mark.parametrize("text, start, end", [
    ("3天后签约", "2021-06-18", "2021-06-18"),
    ("两周前，该市签约项目10个", "2021-06-01", "2021-06-01"),
    ("三个月前签约的项目", "2021-03-01", "2021-03-31"),
    ("两年前，该市引进项目10个", "2019-01-01", "2019-12-31"),
    ("半年前", "2020-12-01", "2020-12-31"),
])
def test_an_offset_from_the_published_day(text, start, end):
    (got,) = [(a, b) for _t, a, b in spans(text)]
    assert got == (start, end)


@pytest.mark.parametrize("text", ["比两年前增加10亿元", "是十年前的3倍", "经过3天的谈判", "3天内完成", "1个多月前"])
def test_bases_durations_and_vague_offsets_are_no_offset(text):
    assert spans(text) == []


@pytest.mark.parametrize("text, start, end", [
    ("自6月1日起，全市新增企业300家", "2021-06-01", "2021-06-15"),
    ("今年1月1日以来，累计签约", "2021-01-01", "2021-06-15"),
    ("从去年12月1日起，", "2020-12-01", "2021-06-15"),
    ("2019年3月15日至今，", "2019-03-15", "2021-06-15"),
    ("自7月1日起，每户补贴500元", "2021-07-01", None),  # a start after the published day: no end yet
    ("6月1日起至6月10日，", "2021-06-01", "2021-06-10"),  # a range, not a since-day
])
def test_since_a_day(text, start, end):
    got = spans(text)
    assert [(s, e) for _, s, e in got] == [(start, end)]


def test_the_day_a_rule_takes_effect_is_no_span():
    assert spans("本办法自7月1日起施行。") == [] and spans("自2021年1月1日起正式实施") == []


def test_since_a_day_without_a_published_day():
    assert [(s, e) for _, s, e in spans("自6月1日起，", published=None)] == [(None, None)]
    assert [(p.period_start, p.period_end) for p in find_periods("从2002年1月1日起，", None, 2003)] == [
        ("2002-01-01", None)]


@pytest.mark.parametrize("text, start, end", [
    ("2020年12月31日前，完成签约", None, "2020-12-31"),   # a deadline: no start
    ("6月30日之前，", None, "2021-06-30"),
    ("9月底前，", None, "2021-09-30"),
    ("今年6月末前完成", None, "2021-06-30"),
    ("明年6月底前，", None, "2022-06-30"),
])
def test_by_a_day_or_a_months_end(text, start, end):
    assert [(s, e) for _, s, e in spans(text)] == [(start, end)]


def test_a_day_of_a_month_before_qian_is_no_offset():
    # 31日前 after its month is that day's deadline, not 31 days before the published day
    assert spans("2020年12月31日前")[0][0] == "2020年12月31日前"


@pytest.mark.parametrize("text, start", [
    ("3月份以来，", "2021-03-01"), ("从5月起，", "2021-05-01"), ("自5月份开始，", "2021-05-01"),
    ("10月份以来，", "2020-10-01"),   # a month later than the published one: of the year before
    ("十月以来，", "2020-10-01"),
])
def test_since_a_month_written_alone(text, start):
    assert [(s, e) for _, s, e in spans(text)] == [(start, PUB)]
