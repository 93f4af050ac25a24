"""The two ends of a change (由598所增加到715所, 从26.6万亿元增加到51.9万亿元): the from-value is of the
first year of the span its sentence gives, the to-value of the last — not both of the whole span, nor
both of the last year named.

The span is written in one of three ways:

- a from–to period governing the figure (从一九七八年到一九八二年，我国普通高等学校已由598所增加到715所);
- a parallel clause of the sentence that writes its years (全国财政收入从1997年的8651亿元增加到2002年的
  18914亿元；国家外汇储备从1399亿美元增加到2864亿美元);
- a comparison that frames the sentence (一九八二年同一九七八年相比，社会商品零售总额由1559亿元增加到2570亿元).

A year written in the figure's own clause (由2002年7703元增加到2007年13786元) is that figure's, as before.

An average yearly change said after it (…增加到2002年的18914亿元，平均每年增加2053亿元) is of the years the
change spans after its first (1998–2002), not of its last year: :func:`average_yearly`.

Four relatives of the change live here too, each a figure's own period that the clause around it would
get wrong: a value changed to the present's (提高到现在的1721元: :func:`present_end`), an amount compared with
(比一九八〇年的7159亿元: :func:`compared_year`; 去年同期为1953亿元: :func:`last_years_same_period`), a rate per day
or year that the present or a span to come does not date (如今…平均每天诞生5家: :func:`undated_rate`), and a list
after 分别 that takes the months or years of its period one each (1~3月份…分别为A、B和C: :func:`respective_runs`, :func:`respective_period`).
"""
from __future__ import annotations

import re

from zhaoshang.analyses.figures.detect import Figure
from zhaoshang.analyses.figures.lists import listed_runs
from zhaoshang.analyses.figures.patterns import CHANGED_TO
from zhaoshang.text.numbers import parse_number
from zhaoshang.text.near_periods import month_end
from zhaoshang.text.periods import Period
from zhaoshang.text.year_parts import five_year_plan

__all__ = ["average_yearly", "change_roles", "change_years", "compared_year", "end_of_change", "last_years_same_period",
           "present_end", "respective_period", "respective_runs", "undated_rate"]

_YEAR = r"(?:19|20)\d\d|[零〇○一二三四五六七八九]{4}"
# 从1997年的8651亿元增加到2002年的18914亿元: the years of a parallel change, earlier in the sentence
_PARALLEL = re.compile(rf"[从由](?P<a>{_YEAR})年的?[^，,；;。]{{0,30}}?(?:到|至)(?P<b>{_YEAR})年")
# 一九八二年同一九七八年相比，…; 与2007年相比，2012年…
_COMPARED = re.compile(rf"\s*(?P<said>(?P<b>{_YEAR})年(?:同|与|和|跟)(?P<a>{_YEAR})年相比"
                       rf"|(?:同|与|和|跟)(?P<a2>{_YEAR})年相比[，,](?P<b2>{_YEAR})年)")
_RANGE_WORDS = ("到", "至", "—", "-", "–", "~", "～")
_CLAUSE_BREAK = re.compile("[，,；;：:。！？!?]")


def change_roles(comp: str, figs: list[Figure]) -> dict[int, str]:
    """Which figures of a (compacted) sentence are the from-value ("from") and the to-value ("to") of a
    change, by index: a figure right after 由/从 and the next one of its kind after 增加到 …"""
    roles: dict[int, str] = {}
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        if (a.start > 0 and comp[a.start - 1] in "由从" and a.kind == b.kind
                and CHANGED_TO.fullmatch(comp, a.end, b.start)):
            roles[i], roles[i + 1] = "from", "to"
    return roles


def _year(s: str) -> int:
    return int(s) if s.isdigit() else int(parse_number(s))


def _year_span(period: Period | None) -> tuple[int, int] | None:
    """The first and last year of a period of two or more whole years (五年来, 2016—2020年), else None."""
    a, b = (period.period_start, period.period_end) if period is not None else (None, None)
    if a and b and a[5:] == "01-01" and b[5:] == "12-31" and a[:4] < b[:4]:
        return int(a[:4]), int(b[:4])
    return None


def _whole_years(period: Period) -> tuple[int, int] | None:
    """:func:`_year_span` of a period written from one year to another (从1978年到1982年, 2016—2020年)."""
    span = _year_span(period)
    return span if span is not None and any(w in period.text for w in _RANGE_WORDS) else None


def change_years(view: str, ss: int, pos: int, period: Period | None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and last year of the change whose value stands at ``pos`` (sentence from ``ss``), and
    where the text says them: its governing from–to ``period``, else a parallel clause before it,
    else a comparison opening the sentence; None when the sentence gives no such span, or when a
    single year in the figure's own clause governs it (今年由…增加到…: that year's)."""
    years = _whole_years(period) if period is not None else None
    if years is not None:
        return years, (period.start, period.end)
    if period is not None and not _CLAUSE_BREAK.search(view, period.end, pos):
        return None
    last = None
    for m in _PARALLEL.finditer(view, ss, pos):
        last = m
    if last is not None:
        a, b = _year(last.group("a")), _year(last.group("b"))
        return ((a, b), last.span()) if a < b else None
    m = _COMPARED.match(view, ss)
    if m:
        a, b = _year(m.group("a") or m.group("a2")), _year(m.group("b") or m.group("b2"))
        return ((a, b), m.span("said")) if a < b else None
    return None


# 平均每年增加2053亿元, 年平均增长, 每年平均减少: the words right before an average yearly change
_AVERAGE = re.compile(r"(?:平均每年|每年平均|年平均|平均一年)(?:增加|增长|提高|减少|下降|递增|新增)?了?(?:约|近)?$")
_N = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
# 比一九七八年前的二十六年平均每年增加: the N years before a year; 前三年平均每年: before the clause's year
_YEARS_BEFORE = re.compile(rf"(?:(?P<y>{_YEAR})年(?:以)?前的?|(?<![0-9零〇○一二三四五六七八九年])前)(?P<n>{_N})年$")
_ANY_YEAR = re.compile(rf"(?P<y>{_YEAR})年")


def average_yearly(view: str, ss: int, pos: int, period: Period | None) -> Period | None:
    """The period of an average yearly change (平均每年增加2053亿元) at ``pos`` of a sentence from ``ss``: the
    years after the first of the change its sentence spans (从1997年的…增加到2002年的…, a comparison
    一九八二年同一九七八年相比, or the first and last year it names: 1998–2002), or the N years it says
    (一九七八年前的二十六年 = 1952–1977; 前三年 before the clause's year); a governing span of years stays.
    The words without any span are undated: an average per year is of no single year. None when the
    figure is no average yearly change."""
    m = _AVERAGE.search(view, max(ss, pos - 12), pos)
    if m is None:
        return None
    said = view[m.start():pos]
    before = _YEARS_BEFORE.search(view, max(ss, m.start() - 16), m.start())
    if before is not None:
        n = _year(before.group("n"))
        y = _year(before.group("y")) if before.group("y") else (int(period.period_start[:4])
                                                                if period is not None and period.period_start else None)
        if y is not None:
            return Period(before.start(), m.end(), view[before.start():m.end()], f"{y - n}-01-01", f"{y - 1}-12-31")
        return Period(m.start(), m.end(), said, None, None)
    if _year_span(period) is not None:
        return period  # 五年来，…平均每年增加: the years that govern it
    found = change_years(view, ss, pos, period)
    if found is None:
        named = list(_ANY_YEAR.finditer(view, ss, m.start()))
        years = [_year(y.group("y")) for y in named]
        if len(set(years)) > 1:  # 一九八○年为…，一九八五年将达到…，平均每年增加: 1981–1985
            found = ((min(years), max(years)), (named[0].start(), named[-1].end()))
    if found is None:
        return Period(m.start(), m.end(), said, None, None)
    (a, b), (s, e) = found
    return Period(s, e, view[s:e], f"{a + 1}-01-01", f"{b}-12-31")


# a figure said per day, month or year: 平均每天诞生5家, 每个月新增现金流…, 每年4000亿的投资, 日均新设企业
_PER_TIME = re.compile(r"(?:每一?个?(?:天|日|周|星期|月|季度?|年)|日均|月均|周均)")
_RATE_REACH = 12  # characters between the rate's words and its figure (每个月新增现金流3000万澳元)


def undated_rate(view: str, ss: int, pos: int, period: Period | None, published: str | None) -> bool:
    """Whether the figure at ``pos`` (sentence from ``ss``) is a rate per day, month or year whose
    ``period`` does not date it: the present (如今，合肥平均每天就要诞生5家企业; 当前…每个月新增现金流) or a
    span to come (未来10年…每年4000亿的投资) say when the rate holds, not a period it is the figures of.
    A calendar span it is the average of (去年平均每天新增1.5万户, 从2004年人均每月700元) does date it."""
    if period is None or (period.period_start is not None and not published):
        return False
    start = max(ss, pos - _RATE_REACH)
    clause = _CLAUSE_BREAK.search(view[start:pos][::-1])
    if clause is not None:
        start = pos - clause.start()
    if _PER_TIME.search(view, start, pos) is None:
        return False
    return period.period_start is None or period.period_start >= published[:10]


def end_of_change(view: str, role: str, found: tuple[tuple[int, int], tuple[int, int]]) -> Period:
    """The period of a change's from-value (its first year) or to-value (its last), its text the words
    that give the span."""
    (a, b), (s, e) = found
    y = a if role == "from" else b
    return Period(s, e, view[s:e], f"{y}-01-01", f"{y}-12-31")


_NOW_OF = tuple(f"{to}{now}的" for to in ("到", "至") for now in ("现在", "目前", "当前", "如今"))


def present_end(view: str, pos: int, published: str | None) -> Period | None:
    """The period of a value changed to the present's (从2004年人均每月700元提高到现在的1721元): up to the
    published day, undated when the day is not known (a report of a known year only); None when the
    to-value names no present."""
    for w in _NOW_OF:
        if view.endswith(w, 0, pos):
            s = pos - len(w) + 1  # the present itself, after 到
            return Period(s, pos - 1, view[s:pos - 1], None, published[:10] if published else None)
    return None


# 比一九八〇年的七千一百五十九亿元增加…: the amount compared with is of the year written before it, or of the
# plan named there (比第五个五年计划期间的五百七十七亿元: 1976–1980)
_COMPARED_WITH = re.compile(rf"(?:比|较|与|同)(?P<said>(?P<y>{_YEAR})年|第(?P<plan>[一二三四五六七八九十]{{1,3}})个五年计划"
                            rf"(?:期间|时期)?)的$")


def compared_year(view: str, pos: int) -> Period | None:
    """The period of an amount compared with (…，比一九八〇年的7159亿元增加1551亿元): the year written right
    before it, which is a base of comparison for the rest of the sentence but that amount's own year."""
    m = _COMPARED_WITH.search(view, max(0, pos - 16), pos)
    if m is None:
        return None
    if m.group("plan"):
        start, end = five_year_plan(_year(m.group("plan")))
    else:
        y = _year(m.group("y"))
        start, end = f"{y}-01-01", f"{y}-12-31"
    return Period(m.start("said"), m.end("said"), m.group("said"), start, end)


_RESPECTIVE_REACH = 12  # characters from 分别 to the first figure of its list, in one clause


# the value of the same months a year before, said as a base (同比增长18.6%，去年同期为1953亿元)
_SAME_PERIOD_BEFORE = re.compile(r"(?:去年|上年|上年度|上一年)同期(?:为|是|的|达|仅|只有|共)?$")


def last_years_same_period(view: str, pos: int, period: Period | None) -> Period | None:
    """The period of a base said as 去年同期为X (at ``pos``): the governing ``period`` a year earlier
    (截至9月底…签约金额2317亿元，同比增长18.6%，去年同期为1953亿元: January–September of the year before);
    None when the figure is no such base or its period has no two ends."""
    m = _SAME_PERIOD_BEFORE.search(view, max(0, pos - 9), pos)
    if m is None or period is None or not (period.period_start and period.period_end):
        return None
    a, b = (_year_back(d) for d in (period.period_start, period.period_end))
    return Period(m.start(), m.end(), m.group(0), a, b)


def _year_back(day: str) -> str:
    """An ISO day a year earlier (29 February becomes the 28th)."""
    y, rest = int(day[:4]) - 1, day[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{y}{rest}"


def respective_runs(comp: str, figs: list[Figure]) -> dict[int, tuple[int, int]]:
    """For the figures of a list after 分别 (分别为6039万元、2163万元和251万元), by index: (its place in the
    list, the list's length)."""
    out: dict[int, tuple[int, int]] = {}
    for i, j in listed_runs(comp, figs):
        before = comp[max(0, figs[i].start - _RESPECTIVE_REACH):figs[i].start]
        if "分别" in _CLAUSE_BREAK.split(before)[-1]:  # 分别为, 分别实际使用外资
            for k in range(i, j):
                out[k] = (k - i, j - i)
    return out


def _months(a: str, b: str) -> int:
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7]) + 1


def respective_period(view: str, period: Period, k: int, n: int) -> Period | None:
    """The k-th of n months or years of ``period`` when it is n whole months or n whole years
    (今年1~3月份，…亏损额分别为6039万元、2163万元和251万元: January, February, March), else None."""
    a, b = period.period_start, period.period_end
    if not (a and b) or a[8:] != "01":
        return None
    if a[5:] == "01-01" and b[5:] == "12-31" and int(b[:4]) - int(a[:4]) + 1 == n:
        y = int(a[:4]) + k
        return Period(period.start, period.end, period.text, f"{y}-01-01", f"{y}-12-31")
    if _months(a, b) == n and b == month_end(int(b[:4]), int(b[5:7])):
        mo = int(a[5:7]) - 1 + k
        y, mo = int(a[:4]) + mo // 12, mo % 12 + 1
        return Period(period.start, period.end, period.text, f"{y}-{mo:02d}-01", month_end(y, mo))
    return None
