"""Festivals and holidays as periods (text.festivals): the days are checked against the calendar as
published (2024's Spring Festival on 10 February, 2023's Mid-Autumn Festival on 29 September, 2024's
Dragon Boat Festival on 10 June, 清明 on 4 April 2024 and 5 April 2023)."""
from __future__ import annotations

import pytest
from zhaoshang.text.periods import find_periods


def spans(text, published="2024-02-20", year=None):
    return [(p.text, p.period_start, p.period_end) for p in find_periods(text, published, year)]


@pytest.mark.parametrize("text, start, end", [
    ("今年春节，", "2024-02-10", "2024-02-10"),                      # the day
    ("春节期间，全市实现旅游收入5亿元", "2024-02-09", "2024-02-16"),  # 除夕 to 初六
    ("除夕，", "2024-02-09", "2024-02-09"),
    ("2023年中秋节当天，", "2023-09-29", "2023-09-29"),
    ("2024年端午节，", "2024-06-10", "2024-06-10"),
    ("2024年清明节期间，", "2024-04-04", "2024-04-06"),
    ("2023年清明，", "2023-04-05", "2023-04-05"),
    ("去年国庆黄金周，", "2023-10-01", "2023-10-07"),
    ("2023年国庆节期间，", "2023-10-01", "2023-10-07"),
    ("元旦期间，", "2024-01-01", "2024-01-03"),
    ("五一假期，", "2024-05-01", "2024-05-05"),
])
def test_festivals_and_their_holidays(text, start, end):
    got = spans(text)
    assert [(s, e) for _, s, e in got] == [(start, end)], got


def test_the_year_of_a_festival_named_alone_is_the_nearest_one():
    # in late December the coming Spring Festival; in February the one just past
    assert spans("春节期间，", published="2023-12-25")[0][1:] == ("2024-02-09", "2024-02-16")
    assert spans("春节期间，", published="2023-02-20")[0][1:] == ("2023-01-21", "2023-01-28")
    # a report of a known year and no day: that year's
    assert spans("春节期间，", published=None, year=2023)[0][1:] == ("2023-01-21", "2023-01-28")


@pytest.mark.parametrize("text", ["五一路", "获得五一劳动奖章", "观看春节联欢晚会", "庆祝国庆70周年", "春节前，"])
def test_names_inside_other_words_or_before_it_are_no_festival(text):
    assert spans(text) == []


def test_around_a_festival_has_no_days():
    assert spans("春节前后，") == [("春节前后", None, None)]


@pytest.mark.parametrize("text", ["保持干部清正、政府清廉、政治清明。", "张国庆，男，汉族", "在五一广场举行", "中秋月饼销量"])
def test_names_that_are_other_words_need_a_year_or_a_holiday_word(text):
    assert spans(text) == []


def test_a_weak_name_with_its_year_or_a_holiday_word_is_the_festival():
    assert spans("2024年中秋，")[0][1:] == ("2024-09-17", "2024-09-17")
    assert spans("国庆期间，")[0][1:] == ("2023-10-01", "2023-10-07")
