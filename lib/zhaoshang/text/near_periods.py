"""Periods named against the published day: days (今天, 2月6日, 3日在…) and the days of an event (为期4天的
台博会昨日落幕), weeks (本周, 上周), months and quarters of it (本月, 上个月, 上月底, 本季度, Q3), spans around the present (今明两年, 未来三年, 过去五年, 五年来;
a report's 五年累计) and the present itself (目前, 迄今为止, 如今).

The forms of :mod:`zhaoshang.text.periods` that need the day a document was published (or, for spans of
whole years, only its year) rather than a date written in full; each is a pattern and the function that
resolves its match against an :class:`Anchor`. :data:`NEAR_FORMS` lists them for
:func:`zhaoshang.text.periods.find_periods`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from zhaoshang.text.numbers import fold_digits, parse_number

__all__ = ["Anchor", "DAYS_BACK", "EVENT_LENGTH_WORD", "NEAR_FORMS", "NOW_AND_DAY_FORMS", "YEAR_OFFSETS", "dekad_span",
           "month_end", "month_span", "said_year", "small_number"]


YEAR_OFFSETS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "大前年": -3,
                "明年": 1, "后年": 2, "大后年": 3}
"""How many years after the anchor's year 今年, 去年, 明年 … are."""

DAYS_BACK = {"今天": 0, "今日": 0, "今晚": 0, "昨天": 1, "昨日": 1, "昨晚": 1, "前天": 2, "大前天": 3,
             "明天": -1, "明日": -1, "后天": -2, "大后天": -3}
"""How many days before the published one 今天, 昨天, 前天 … are (明天, 后天: after it)."""


@dataclass(frozen=True)
class Anchor:
    """What relative periods resolve against: the published day, else only the year."""

    day: date | None
    year: int | None
    roc: bool = False  # years of the Republic (民國108年, 108年 in a text from Taiwan): 1911 + n
    report: bool = False  # a yearly report: 过去一年, 五年来 are the whole years before its year


# 目前, 到目前为止, 截至目前, 迄今为止, and 现在/如今/当前 opening a clause: a state up to the published day
# (no start)
_UNTIL_NOW = re.compile(r"(?=[截到至目迄现如当])(?:(?:截至|截止到?|到|至)?目前(?:为止)?(?![的看来])|迄今为止|到现在为止"
                         r"|(?<![实发表体出])现已|(?<![^\s，,。；;：:“\"])(?:现在|如今|当前(?!期))(?![的起]))")
_N = r"[一二两三四五六七八九十]|\d{1,2}"
_TENS = r"[二三四五六七八九]?十[一二三四五六七八九]?"  # 五十年来 is fifty years, not the 十年来 inside it
_AROUND = re.compile(
    r"(?=[今明未此过近最这一二两三四五六七八九十0-9])"
    rf"(?:(?P<two>今明两年|明后两年)"
    rf"|(?P<fut>未来|今后|此后)(?P<fn>{_N})(?:个)?年"
    rf"|(?P<past>过去(?:的)?|(?<![将接])近|最近|(?<![年期间])这(?!一))(?P<pn>{_N})(?:个)?年(?:来|以来|间)?(?!代|级|制|期|前|后|内)"
    rf"|(?<![一二两三四五六七八九十百\d])(?P<pn2>{_TENS}|{_N})(?:个)?年(?:来|以来)(?![，,的]?(?:首次|最))"
    # in a work report, five or ten years summed up (五年共实施, 支出五年累计, 十年增加近70万亿元): the
    # years before the report's
    r"|(?<![第今未近\d一二两三四五六七八九十])(?P<pn3>五|十)年(?=共|累计|中(?!央|国(?!家))|间|里|增加|新增|年均|平均)"
    # and opening a clause of a report (五年建成铁路新线1.6万公里, 五年全国财政教育支出累计…)
    r"|(?<=[，,。；;\n])(?P<pn4>五|十)年(?![规计期内前后来以的级制间里中多半]))")
# 本周, 上周, 上星期: that week, Monday to Sunday; 下周三, 上星期五: a day of it; 本周末: its Saturday and Sunday
_REL_WEEK = re.compile(r"(?=[本上下这])(?P<w>本周|上周|下周|这周|本星期|上星期|下星期|上个星期|下个星期)"
                       r"(?P<wd>[一二三四五六日天]|末)?")
_WEEKDAYS = "一二三四五六"
# 上月底, 本月末: a state at the end of that month (no start)
_MONTH_EDGE = re.compile(r"(?=[本上])(?P<rm>本月|上月|上个月|上一个月)(?:底|末)")
# Q3, 2023年Q1, 2023Q4: a quarter written in the business way
_Q_QUARTER = re.compile(r"(?=[12Qq])(?<![A-Za-z0-9])(?:(?P<y>(?:19|20)\d\d)年?)?[Qq](?P<q>[1-4])(?![A-Za-z0-9])")
_REL_MONTH = re.compile(r"(?=[本上下])(?:(?P<rq>本季度|本季|上季度|上个季度|上一季度|下季度)"
                        r"|(?P<rm>本月|上月|上个月|上一个月|下月|下个月)(?P<dekad>[上中下]旬|初)?(?!份?\d|[底初]))")
# a month of a release from Taiwan, its number in brackets: 本(9)月, 上（8）月
_BRACKET_MONTH = re.compile(r"(?=[本上下])(?P<w>本|上|下)[(（](?P<n>1[0-2]|0?[1-9])[)）]月(?!\d|[日号])")
# a day: 今天（2月6日）, 昨天下午, 2月6日, 3日在…, 11日9时 (of the published month), 2011年2月14日; a day from which
# something runs (起, 以来, 前, 后) is no period of its own
_DAY_PART = r"(?:[上下]午|晚间?|早间?|凌晨)?"
_DAY = re.compile(
    r"(?=[今昨前大明后0-9])"
    rf"(?:(?P<rel>今天|今日|今晚|昨天|昨日|昨晚|大前天|前天|明天|明日|大后天|(?<![之以然此最其先天])后天(?![然性的]))(?:{_DAY_PART}[(（](?P<rm>1[0-2]|0?[1-9])月(?P<rd>[0-3]?\d)日[)）]|{_DAY_PART})"
    # a release from Taiwan: 今(20)日, 昨（19）日 — the day of the month in brackets
    rf"|(?P<brel>今|昨)[(（](?P<bd>[0-3]?\d)[)）]日{_DAY_PART}"
    rf"|(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?\d)[日号]{_DAY_PART}"
    rf"|(?<![\d月.])(?P<d_only>[1-3]?\d)日(?=[上下]午|晚|在|于|，|,|召开|举行|宣布|签署|发布|\d{{1,2}}[时点])"
    r")(?!起|以来|至今|前|后|之前|之后|开始|内|[—–-]|至|到)")


# days from one to another: 4月21日至24日, 2021年5月1日—5日, 5月1日至5月3日, 12月28日至2022年1月3日
_DAY_RANGE = re.compile(
    r"(?=[0-9])(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?\d)[日号]?"
    r"\s*(?:起|开始)?[，,]?\s*(?:至|到|—{1,2}|-|–|~|～|－)\s*"
    r"(?:(?:(?P<y2>(?:19|20)\d\d)年)?(?P<m2>1[0-2]|0?[1-9])月)?(?P<d2>[0-3]?\d)[日号]")
_DEKAD_DAYS = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}


def dekad_span(y: int, mo: int, part: str) -> tuple[str, str]:
    """The days of a third of a month: 上旬 and 初 1–10, 中旬 11–20, 下旬 21 to the month's end."""
    a, b = _DEKAD_DAYS[part]
    return f"{y}-{mo:02d}-{a:02d}", (month_end(y, mo) if b == 31 else f"{y}-{mo:02d}-{b:02d}")


# the days of an event said by its length and one of its ends: 昨日下午，为期4天的台博会落幕 (the end:
# 4 days up to yesterday); 从7月19日开始，…为期一周的采购峰会 (the start); 3日，为期三天的推介会在…开幕
_EVENT_DAY = r"(?P<day>昨日|昨天|今天|今日|前天|(?:(?:19|20)\d\d年)?(?:1[0-2]|0?[1-9])月[0-3]?\d[日号]|[1-3]?\d[日号])"
EVENT_LENGTH_WORD = "为期"
"""The word that says an event's length (为期4天): every event span's text holds it."""
_EVENT_LENGTH = rf"{EVENT_LENGTH_WORD}(?P<n>[一二两三四五六七八九十]{{1,2}}|\d{{1,2}})(?P<unit>天|日|周|个星期|星期)"
_EVENT_FROM = re.compile(rf"(?=从)从{_EVENT_DAY}(?:起|开始)[，,][^。；;！？]{{0,60}}?{_EVENT_LENGTH}")
_EVENT_AT = re.compile(rf"(?=[昨今前0-9]){_EVENT_DAY}{_DAY_PART}[，,]?{_EVENT_LENGTH}的[^，,。；;]{{1,40}}?"
                       r"(?P<verb>落幕|闭幕|结束|闭展|开幕|开展|举行|举办|召开|启幕|开始)")
_EVENT_ENDS = ("落幕", "闭幕", "结束", "闭展")


def said_year(written: str | None, relative: str | None, anchor: Anchor) -> int | None:
    """The year a match writes (2023年: ``written`` "2023") or says against the anchor's (``relative``
    今年, 去年, 明年 …: :data:`YEAR_OFFSETS`); None when it does neither or the anchor has no year."""
    if written:
        return int(written)
    if relative and anchor.year is not None:
        return anchor.year + YEAR_OFFSETS[relative]
    return None


def _recent_date(d: date, month: int, day: int) -> date:
    """Month and day written without a year, read against the published day ``d``: of its year, or of
    the year before when that would be more than two months after it (raises ValueError for no such day)."""
    out = date(d.year, month, day)
    return out.replace(year=d.year - 1) if out > d + timedelta(days=61) else out


def _day_of_month(d: date, n: int) -> date:
    """A day written alone (3日, 今(20)日): of the published day's month, or of the month before when it
    is later than the published day (raises ValueError for no such day)."""
    if n <= d.day:
        return date(d.year, d.month, n)
    return date(d.year, d.month - 1, n) if d.month > 1 else date(d.year - 1, 12, n)


def _event_day(text: str, anchor: Anchor) -> date | None:
    """The day an event's start or end is said as (昨日, 7月19日, 3日), against the published day."""
    d = anchor.day
    if d is None:
        return None
    if text in DAYS_BACK:
        return d - timedelta(days=DAYS_BACK[text])
    m = re.fullmatch(r"(?:(?P<y>(?:19|20)\d\d)年)?(?:(?P<m>1[0-2]|0?[1-9])月)?(?P<d>[0-3]?\d)[日号]", text)
    if m is None:
        return None
    try:
        if m.group("y"):
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("m"):
            return _recent_date(d, int(m.group("m")), int(m.group("d")))
        return _day_of_month(d, int(m.group("d")))
    except ValueError:
        return None


def _event(m: re.Match, anchor: Anchor):
    """The days of an event from its length and the day it started or ended (:data:`_EVENT_FROM`,
    :data:`_EVENT_AT`)."""
    day = _event_day(m.group("day"), anchor)
    if day is None:
        return (None, None)
    n = small_number(m.group("n")) * (7 if "周" in m.group("unit") or "星期" in m.group("unit") else 1)
    if not 1 < n <= 31:
        return None
    if m.groupdict().get("verb") in _EVENT_ENDS:
        return (day - timedelta(days=n - 1)).isoformat(), day.isoformat()
    return day.isoformat(), (day + timedelta(days=n - 1)).isoformat()


# an offset from the published day: 3天后, 两周前, 三个月前, 两年前 (the day, the day, the month, the year);
# not a duration (经过3天, 3天内) nor a base (比两年前, 是十年前的3倍: read as bases by the caller)
_OFFSET = re.compile(
    r"(?=[一二两三四五六七八九十半0-9])(?<![第\d一二两三四五六七八九十月])"
    r"(?P<n>[一二两三四五六七八九十]{1,3}|\d{1,2}|半)(?P<unit>天|日|周|个星期|星期|个月|年)(?P<dir>前|后|以前|以后|之前|之后)"
    r"(?![的年月日天])")


def _offset(m: re.Match, anchor: Anchor):
    """3天后 (that day), 两周前 (that day), 三个月前 (that month), 两年前 (that year), from the published day."""
    d = anchor.day
    if d is None:
        return (None, None)
    n_text, unit = m.group("n"), m.group("unit")
    if n_text == "半":
        if unit != "年":
            return None
        n, unit = 6, "个月"  # 半年前: six months
    else:
        n = small_number(n_text)
    if not 1 <= n <= 50:
        return None
    sign = -1 if m.group("dir").endswith("前") else 1
    if unit in ("天", "日", "周", "个星期", "星期"):
        day = d + timedelta(days=sign * n * (1 if unit in ("天", "日") else 7))
        return (day.isoformat(),) * 2
    if unit == "个月":
        mo = d.month - 1 + sign * n
        y, mo = d.year + mo // 12, mo % 12 + 1
        return f"{y}-{mo:02d}-01", month_end(y, mo)
    y = d.year + sign * n
    return f"{y}-01-01", f"{y}-12-31"


def small_number(s: str) -> int:
    """The value of a small number in digits or Chinese numerals (三, 十二, 12)."""
    return int(parse_number(fold_digits(s)))


def month_end(y: int, m: int) -> str:
    """The last day of month ``m`` of year ``y``, ISO."""
    return f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _until_now(m: re.Match, anchor: Anchor):
    return None, anchor.day.isoformat() if anchor.day else None


def _add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _around(m: re.Match, anchor: Anchor):
    """今明两年, 未来三年 (from the published day, or the whole years from the known one), 过去五年,
    近三年, 五年来 (up to the published day, or the whole years before the known one; 过去的一年 in a story
    of January or February is the year just ended, as a review says it)."""
    g = m.groupdict()
    if g["two"]:
        if anchor.year is None:
            return (None, None)
        y = anchor.year + (0 if g["two"].startswith("今") else 1)
        return f"{y}-01-01", f"{y + 1}-12-31"
    if (g["pn3"] or g["pn4"]) and (not anchor.report or anchor.year is None):
        return None  # 五年累计 of an article, or of a report of no known year: which five years is not said
    n = small_number(g["fn"] or g["pn"] or g["pn2"] or g["pn3"] or g["pn4"])
    if not 1 <= n <= 30:
        return None
    if g["fut"]:
        if anchor.day:
            return anchor.day.isoformat(), (_add_years(anchor.day, n) - timedelta(days=1)).isoformat()
        if anchor.year is None:
            return (None, None)
        return f"{anchor.year}-01-01", f"{anchor.year + n - 1}-12-31"
    if g["past"] == "这" and not anchor.report:
        return None  # 这五年 of an article: the five years it spoke of (another expression, if any)
    if anchor.day and not anchor.report:
        if g["past"] in ("近", "最近"):
            return (None, None)  # 近三年, 最近两年: the last three years to the day, or three whole years?
        if n == 1 and g["past"] and g["past"].startswith("过去") and anchor.day.month <= 2:
            y = anchor.day.year - 1  # 过去的一年 in a review of January: the year just ended
            return f"{y}-01-01", f"{y}-12-31"
        return (_add_years(anchor.day, -n) + timedelta(days=1)).isoformat(), anchor.day.isoformat()
    if anchor.year is None:
        return (None, None)
    return f"{anchor.year - n}-01-01", f"{anchor.year - 1}-12-31"


def _step(word: str) -> int:
    """-1 for 上 (the one before), 1 for 下 (the one after), 0 for 本/这 (this one)."""
    return -1 if word.startswith("上") else 1 if word.startswith("下") else 0


def _rel_month(m: re.Match, anchor: Anchor):
    """本季度, 上个月 …: of the published day's quarter or month (unresolved with a year only)."""
    d = anchor.day
    if d is None:
        return (None, None)
    step = _step(m.group(0))
    if m.group("rq"):
        q = (d.month - 1) // 3 + step
        y = d.year + q // 4
        q = q % 4 + 1
        return f"{y}-{3 * q - 2:02d}-01", month_end(y, 3 * q)
    mo = d.month - 1 + step
    y = d.year + mo // 12
    mo = mo % 12 + 1
    if m.groupdict().get("dekad"):
        return dekad_span(y, mo, m.group("dekad"))
    return f"{y}-{mo:02d}-01", month_end(y, mo)


def _bracket_month(m: re.Match, anchor: Anchor):
    """本(9)月, 上（8）月: the month whose number is written, of the published year (上(12)月 in January:
    of the year before)."""
    d = anchor.day
    if d is None:
        return (None, None)
    mo = int(m.group("n"))
    y = d.year - 1 if m.group("w") == "上" and mo > d.month else d.year + 1 if m.group("w") == "下" and mo < d.month else d.year
    return f"{y}-{mo:02d}-01", month_end(y, mo)


def _rel_week(m: re.Match, anchor: Anchor):
    """本周, 上周 …: Monday to Sunday of the published day's week, or of the week before or after."""
    d = anchor.day
    if d is None:
        return (None, None)
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=_step(m.group("w")))
    wd = m.group("wd")
    if wd == "末":
        return (monday + timedelta(days=5)).isoformat(), (monday + timedelta(days=6)).isoformat()
    if wd:
        day = monday + timedelta(days=_WEEKDAYS.index(wd) if wd in _WEEKDAYS else 6)
        return (day.isoformat(),) * 2
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()


def _day_range(m: re.Match, anchor: Anchor):
    """From one day to another; the year, when not written, read as :func:`_day` reads it; the end's
    month, when not written, the start's. None when the end is not after the start."""
    g = m.groupdict()
    try:
        if g["y"]:
            first = date(int(g["y"]), int(g["m"]), int(g["d"]))
        elif anchor.day is None:
            return (None, None)
        else:
            first = _recent_date(anchor.day, int(g["m"]), int(g["d"]))
        m2 = int(g["m2"]) if g["m2"] else first.month
        y2 = int(g["y2"]) if g["y2"] else first.year + (1 if m2 < first.month else 0)
        last = date(y2, m2, int(g["d2"]))
    except ValueError:
        return None
    if last <= first or (last - first).days > 366:
        return None
    return first.isoformat(), last.isoformat()


def _month_edge(m: re.Match, anchor: Anchor):
    """上月底, 本月末: (None, the last day of that month)."""
    res = month_span(m.group("rm"), anchor)
    return (None, res[1]) if res and res[1] else (None, None)


def _q_quarter(m: re.Match, anchor: Anchor):
    """Q3 (of the published year), 2023年Q1: that quarter."""
    y = int(m.group("y")) if m.group("y") else anchor.year
    if y is None:
        return (None, None)
    q = int(m.group("q"))
    return f"{y}-{3 * q - 2:02d}-01", month_end(y, 3 * q)


def _day(m: re.Match, anchor: Anchor):
    """One day: a date written whole, or one read against the published day (2月6日 of its year, or of
    the year before when that would be more than two months after it; 3日 of its month or the month
    before). Unresolved without a published day, unless the year is written."""
    g = m.groupdict()
    d = anchor.day
    try:
        if g["y"]:
            return (date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(),) * 2
        if d is None:
            return (None, None)
        if g["brel"]:  # 今(20)日
            return (_day_of_month(d, int(g["bd"])).isoformat(),) * 2
        if g["rel"]:
            if g["rm"]:
                day = date(d.year, int(g["rm"]), int(g["rd"]))
            else:
                day = d - timedelta(days=DAYS_BACK[g["rel"]])
            return (day.isoformat(),) * 2
        if g["m"]:
            return (_recent_date(d, int(g["m"]), int(g["d"])).isoformat(),) * 2
        return (_day_of_month(d, int(g["d_only"])).isoformat(),) * 2
    except ValueError:
        return None


def month_span(word: str, anchor: Anchor):
    """The month or quarter that 本月, 上个月, 本季度 … (``word``) names, against ``anchor``."""
    return _rel_month(_REL_MONTH.match(word), anchor)


# by a day or a month's end, a deadline: 2022年12月31日前, 6月30日之前, 9月底前, 今年6月末前 — (no start, that day)
_BY_DAY = re.compile(r"(?=[今明去本12-9])(?:(?P<y>(?:19|20)\d\d)年|(?P<rel>今年|本年|明年|去年))?"
                     r"(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[0-3]?\d)[日号]|(?P<edge>底|末))(?:之)?前")


def _by_day(m: re.Match, anchor: Anchor):
    """A deadline (2022年12月31日前, 9月底前): no start, and that day (a month's end: its last day) as end —
    of the year written, of the published one (今年, 明年 the next), else the month read against the
    published day like any other. Unresolved without a year or a published day."""
    g = m.groupdict()
    d = anchor.day
    mo = int(g["m"])
    y = said_year(g["y"], g["rel"], anchor)
    if y is None and d is not None:
        y = d.year  # a deadline is ahead of the published day or at most just behind it
    if y is None:
        return (None, None)
    try:
        end = date(y, mo, int(g["d"])).isoformat() if g["d"] else month_end(y, mo)
    except ValueError:
        return None
    return None, end


# since a day: 自7月1日起, 今年1月1日以来, 2023年3月15日至今 — from that day to the published one; not the day
# a rule takes effect (自2024年1月1日起施行: a date, no period of any figure)
_SINCE_DAY = re.compile(r"(?=[从自今去本12-9])(?:从|自从|自)?(?:(?P<y>(?:19|20)\d\d)年|(?P<rel>今年|本年|去年))?"
                        r"(?P<m>1[0-2]|0?[1-9])月(?P<d>[0-3]?\d)[日号](?:零时|0时)?"
                        r"(?:起(?!施行|实施|执行|生效|正式)|以来|至今|迄今|开始(?![实建施运]))")


def _since_day(m: re.Match, anchor: Anchor):
    """From a day to the published one (自7月1日起, 今年1月1日以来): the day of the year written, of the
    published year (今年) or the one before (去年), else read against the published day like any month
    and day; a start after the published day (自9月1日起, said in August) has no end yet.
    Unresolved when neither the year nor the published day is known."""
    g = m.groupdict()
    d = anchor.day
    y = said_year(g["y"], g["rel"], anchor)
    try:
        if y is not None:
            start = date(y, int(g["m"]), int(g["d"]))
        elif d is not None:
            start = _recent_date(d, int(g["m"]), int(g["d"]))
        else:
            return (None, None)
    except ValueError:
        return None
    return start.isoformat(), (d.isoformat() if d is not None and start <= d else None)


NEAR_FORMS = ((_AROUND, _around), (_REL_MONTH, _rel_month), (_BRACKET_MONTH, _bracket_month), (_REL_WEEK, _rel_week),
              (_MONTH_EDGE, _month_edge), (_Q_QUARTER, _q_quarter), (_DAY_RANGE, _day_range), (_EVENT_FROM, _event),
              (_EVENT_AT, _event), (_OFFSET, _offset), (_SINCE_DAY, _since_day), (_BY_DAY, _by_day))
"""Spans around the present, months, weeks and quarters of the published day: (pattern, resolver)."""
NOW_AND_DAY_FORMS = ((_UNTIL_NOW, _until_now), (_DAY, _day))
"""The present (目前, 如今) and single days: (pattern, resolver), read after the others."""
