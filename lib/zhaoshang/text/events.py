"""The events of Chinese public life that periods are counted from: 党的十八大以来, 改革开放以来, 新中国成立以来,
加入世贸组织以来 (a form of :func:`zhaoshang.text.periods.find_periods`).

Government news of the 2010s and 2020s dates its totals from the latest Party congress (党的十八大以来，全市
累计引进项目…), reports from the founding of the People's Republic or the reform era; each is a since-period
from the event's first day to the published day (the end unknown when only the text's year is). Said as a
superlative or a qualifier (改革开放以来最多的一年, 十一届三中全会以来的路线) it frames nothing, nor in a work
report, whose figures are of the years it reviews (过去五年…。党的十八大以来，…住房建设4013万套: 2011–2015). An event not
in the table below stays unread rather than guessed.
"""
from __future__ import annotations

import re

from zhaoshang.text.near_periods import Anchor

__all__ = ["EVENT_SINCE_FORM", "EVENT_DAYS"]

# the first day of each event (Party congresses and plenums open on the day given)
_CONGRESS = {11: "1977-08-12", 12: "1982-09-01", 13: "1987-10-25", 14: "1992-10-12", 15: "1997-09-12",
             16: "2002-11-08", 17: "2007-10-15", 18: "2012-11-08", 19: "2017-10-18", 20: "2022-10-16"}
_PLENUM = {(11, 3): "1978-12-18", (12, 3): "1984-10-20", (14, 3): "1993-11-11", (18, 3): "2013-11-09",
           (18, 5): "2015-10-26", (19, 3): "2018-02-26", (19, 4): "2019-10-28", (19, 5): "2020-10-26",
           (19, 6): "2021-11-08", (20, 3): "2024-07-15"}
EVENT_DAYS = {
    "改革开放": "1978-12-18", "新中国成立": "1949-10-01", "中华人民共和国成立": "1949-10-01", "建国": "1949-10-01",
    "加入世贸组织": "2001-12-11", "加入世界贸易组织": "2001-12-11", "入世": "2001-12-11",
    "香港回归": "1997-07-01", "澳门回归": "1999-12-20", "新时代": "2012-11-08",
}
"""Events named by a phrase → their first day (the congresses and plenums are read by number)."""

_NUM = "一二三四五六七八九十"
_NAMED = "|".join(sorted(EVENT_DAYS, key=len, reverse=True))
_FIRSTS = "".join(sorted(set("党中十二进") | {name[0] for name in EVENT_DAYS}))
_EVENT = re.compile(
    rf"(?=[{_FIRSTS}])"
    rf"(?:(?:党的|中共|中国共产党)(?:第)?)?"
    rf"(?:(?P<c>二十|十[{_NUM[:9]}]?)(?:大|次全国代表大会)(?:胜利)?(?:召开)?"
    rf"|(?P<pc>二十|十[{_NUM[:9]}]?)届(?P<pn>[一二三四五六七])中全会(?:胜利)?(?:召开)?"
    rf"|(?:进入)?(?P<named>{_NAMED}))"
    r"(?P<since>以来)\Z")
# after 以来, a superlative or a qualifier: 改革开放以来最多的一年, 十一届三中全会以来的路线
_NOT_AFTER = frozenset("最首第罕少没未前之的")
_REACH = 24  # the longest event phrase before its 以来


class _EventsSince:
    """Finds the event phrases before each 以来 of a text (few per text), rather than trying the
    pattern at every character that may start one (中, 十, 二 are everywhere)."""

    def finditer(self, text: str):
        i = text.find("以来")
        while i >= 0:
            end = i + 2
            m = _EVENT.search(text, max(0, end - _REACH), end)
            if m is not None and text[end:end + 1] not in _NOT_AFTER:
                yield m
            i = text.find("以来", end)


def _number(s: str) -> int:
    if s == "二十":
        return 20
    return 10 + (_NUM.index(s[1]) + 1 if len(s) > 1 else 0)


def _since_event(m: re.Match, anchor: Anchor):
    """The days from the event to the published day; None for an event not in the tables."""
    if anchor.report:
        return None  # a work report's review is of its years (过去五年): 党的十八大以来 there frames its politics
    if m.group("c"):
        day = _CONGRESS.get(_number(m.group("c")))
    elif m.group("pc"):
        day = _PLENUM.get((_number(m.group("pc")), _NUM.index(m.group("pn")) + 1))
    else:
        day = EVENT_DAYS[m.group("named")]
    if day is None:
        return None
    end = anchor.day.isoformat() if anchor.day is not None else None
    if end is not None and end < day:
        return None  # a text older than the event: another event of that name
    return day, end


EVENT_SINCE_FORM = (_EventsSince(), _since_event)
"""(pattern, resolver) for :func:`zhaoshang.text.periods.find_periods`."""
