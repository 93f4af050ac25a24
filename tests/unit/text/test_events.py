"""Periods counted from an event (text.events through find_periods): hand-written sentences of the
shapes government news and reports use."""
from __future__ import annotations

import pytest
from zhaoshang.text.periods import find_periods


def periods(text: str, published: str | None = "2023-06-17", year: int | None = None, report: bool = False):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, published, year, report=report)]


@pytest.mark.parametrize("text, expected", [
    ("党的十八大以来，枣阳建成4个百亿级产业。", ("党的十八大以来", "2012-11-08", "2023-06-17")),
    ("党的二十大胜利召开以来，全市签约项目120个。", ("党的二十大胜利召开以来", "2022-10-16", "2023-06-17")),
    ("中共第十九次全国代表大会以来，", ("中共第十九次全国代表大会以来", "2017-10-18", "2023-06-17")),
    ("十一届三中全会以来，我国", ("十一届三中全会以来", "1978-12-18", "2023-06-17")),
    ("党的十八届三中全会以来，", ("党的十八届三中全会以来", "2013-11-09", "2023-06-17")),
    ("改革开放以来，民族地区经济快速增长", ("改革开放以来", "1978-12-18", "2023-06-17")),
    ("新中国成立以来，国家累计投资", ("新中国成立以来", "1949-10-01", "2023-06-17")),
    ("我国加入世贸组织以来，", ("加入世贸组织以来", "2001-12-11", "2023-06-17")),
    ("香港回归以来，", ("香港回归以来", "1997-07-01", "2023-06-17")),
])
def test_since_an_event_runs_from_its_first_day_to_the_published_one(text, expected):
    assert periods(text) == [expected]


def test_only_the_year_known_leaves_the_end_open():
    assert periods("建国以来，国家共投资二百亿元。", published=None, year=1960) == [("建国以来", "1949-10-01", None)]


@pytest.mark.parametrize("text", [
    "利用外资是改革开放以来最多的一年。",          # a superlative
    "是建国以来少有的繁荣景象",
    "坚持党的十一届三中全会以来的路线",          # a qualifier of a noun
    "十大以来，",                               # a congress not in the table: not guessed
    "十七届二中全会以来，",                       # nor a plenum
])
def test_superlatives_qualifiers_and_unknown_events_are_no_period(text):
    assert periods(text) == []


def test_an_event_after_the_published_day_is_another_event():
    assert periods("党的二十大以来，", published="2022-06-17") == []


def test_a_work_reports_figures_are_of_its_years_not_of_an_event():
    assert periods("党的十八大以来，保障性住房建设4013万套。", published=None, year=2016, report=True) == []
