"""Festivals and holidays as periods: 春节期间, 今年国庆, 2024年中秋节, 五一假期 (a form of
:func:`zhaoshang.text.periods.find_periods`).

A festival named alone is its day; with 期间, 假期, 长假, 小长假 or 黄金周 it is the days of its public holiday
as people speak of them (春节: 除夕 to 初六; 国庆: 1–7 October; 五一: 1–5 May; 元旦: 1–3 January; 清明, 端午 and
中秋: the festival and the two days after). Lunar festivals and the solar term 清明 are dated by borax's
calendars (``borax.calendars``: a Chinese lunar calendar, MIT), the fixed ones by their day.

Which year: the one written before it (2024年, 今年, 去年, 明年); without one, in a news story the
occurrence nearest the published day (春节期间 in a story of 20 February is this year's, in one of late
December the coming one), in a report of a known year that year's. 春节前后 (around it) has no days of its
own and stays undated. A name inside a longer word is none: 五一路, 五一劳动奖章, 春节联欢晚会, 国庆70周年.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from borax.calendars.festivals2 import TermFestival
from borax.calendars.lunardate import LunarDate

from zhaoshang.text.near_periods import Anchor, said_year

__all__ = ["FESTIVAL_FORM", "festival_day"]

# name → (kind, month, day): lunar month/day, a fixed solar day, or the solar term 清明
_FESTIVALS = {
    "春节": ("lunar", 1, 1), "元宵节": ("lunar", 1, 15), "元宵": ("lunar", 1, 15), "端午节": ("lunar", 5, 5),
    "端午": ("lunar", 5, 5), "中秋节": ("lunar", 8, 15), "中秋": ("lunar", 8, 15), "重阳节": ("lunar", 9, 9),
    "除夕": ("eve", 0, 0), "清明节": ("term", 0, 0), "清明": ("term", 0, 0),
    "元旦": ("solar", 1, 1), "劳动节": ("solar", 5, 1), "五一": ("solar", 5, 1), "国庆节": ("solar", 10, 1),
    "国庆": ("solar", 10, 1),
}
# the days of the public holiday, from the festival's day (春节 from 除夕, the day before)
_HOLIDAY = {"春节": (-1, 6), "国庆": (0, 6), "五一": (0, 4), "劳动节": (0, 4), "元旦": (0, 2), "清明": (0, 2),
            "端午": (0, 2), "中秋": (0, 2)}
_HOLIDAY_WORDS = ("期间", "假期", "长假", "小长假", "黄金周", "节日期间", "假日期间")
# names that are other words too (政治清明, 张国庆, 五一广场): a festival only with its year or a holiday word
_WEAK = frozenset({"元宵", "端午", "中秋", "清明", "五一", "国庆"})
_NAMES = "|".join(sorted(_FESTIVALS, key=len, reverse=True))
_WHEN = "|".join(sorted(_HOLIDAY_WORDS, key=len, reverse=True))
FESTIVAL_FORM_RE = re.compile(
    r"(?=[春元端中重除清劳五国今去明前0-9])"
    rf"(?:(?P<y>(?:19|20)\d\d)年|(?P<rel>今年|去年|明年|前年))?(?P<name>{_NAMES})(?P<when>{_WHEN}|前后|当天|当日)?"
    # a name inside a longer word (五一路, 国庆70周年, 春节联欢晚会) is none
    r"(?=[，,。；;：:、\s！？!?的里时间]|$)")


def _qingming(year: int) -> date:
    """The day of the solar term 清明 (4 or 5 April), from borax's calendar of terms."""
    return TermFestival(name="清明").at(year)


@lru_cache(maxsize=512)
def festival_day(name: str, year: int) -> date:
    """The day of festival ``name`` (a key of the table above) in Gregorian ``year``."""
    kind, mo, d = _FESTIVALS[name]
    if kind == "solar":
        return date(year, mo, d)
    if kind == "term":
        return _qingming(year)
    if kind == "eve":
        return LunarDate(year, 1, 1).to_solar_date() - timedelta(days=1)
    return LunarDate(year, mo, d).to_solar_date()


def _span(name: str, year: int, holiday: bool) -> tuple[str, str]:
    day = festival_day(name, year)
    if not holiday:
        return day.isoformat(), day.isoformat()
    key = next((k for k in _HOLIDAY if name.startswith(k)), None)
    a, b = _HOLIDAY.get(key, (0, 0))
    return (day + timedelta(days=a)).isoformat(), (day + timedelta(days=b)).isoformat()


def _festival(m: re.Match, anchor: Anchor):
    """The days a festival match names (see the module's docstring); (None, None) when its year is not known."""
    name, when, y, rel = m.group("name"), m.group("when") or "", m.group("y"), m.group("rel")
    if name in _WEAK and not (y or rel or when in _HOLIDAY_WORDS):
        return None  # 政治清明, 张国庆: another word
    if when == "前后":
        return (None, None)  # around the festival: no days of its own
    holiday = when in _HOLIDAY_WORDS
    year = said_year(y, rel, anchor)
    if year is None and not rel:  # named alone: the occurrence nearest the published day, else the year's
        d = anchor.day
        year = (min((d.year - 1, d.year, d.year + 1), key=lambda yy: abs((festival_day(name, yy) - d).days))
                if d is not None else anchor.year)
    if year is None or not 1901 <= year <= 2099:
        return (None, None)  # no year to count from; borax's lunar calendar covers 1900–2100
    return _span(name, year, holiday)


FESTIVAL_FORM = (FESTIVAL_FORM_RE, _festival)
"""(pattern, resolver) for :func:`zhaoshang.text.periods.find_periods`."""
