"""Parts of years and spans of five and ten: the end of a year (2015年底, 去年年末, a report's 年末), the
Five-Year Plans (十四五 → 2021..2025, 第六个五年计划期间) and decades (90年代, 上世纪八十年代), read by
:func:`zhaoshang.text.periods.find_periods`.

The end of a year is December when something happened then (去年底增发的国债), its last day alone when a stock
stands or a deadline falls at it (外汇储备年底达到…, 年底前完成, 到年底), and no period when things only start
from it (2013年底达产后，…). A decade is its ten years; its beginning or end (八十年代初) is too vague to date.
A fiscal quarter (第一财季) is dated only where the text gives its months (2011年第一财季(4月-6月)). A year of
the Republic in Chinese numerals (八十五年全年 = 1996) is read in a text that counts such years.
"""
from __future__ import annotations

import re
from dataclasses import replace

from zhaoshang.text.near_periods import Anchor, small_number

__all__ = ["DECADE_FORM", "PLAN_NAMED_FORM", "fiscal_quarters_said", "five_year_plan", "year_end_span"]


def five_year_plan(n: int) -> tuple[str, str]:
    """The years of the n-th Five-Year Plan (十四五 → 2021-01-01..2025-12-31; the second ran 1958–1962,
    the third began in 1966 after three years of adjustment)."""
    first = {1: 1953, 2: 1958, 3: 1966, 4: 1971, 5: 1976}
    y = first.get(n, 1981 + 5 * (n - 6))
    return f"{y}-01-01", f"{y + 4}-12-31"


# a plan named in full: 第六个五年计划期间, 第一个五年计划, 第十个五年计划以来 (and its first or last year: 初, 末)
_PLAN_NAMED = re.compile(r"(?=第)第(?P<n>[一二三四五六七八九十]{1,3})个五年(?:计划|规划)(?:的)?"
                         r"(?P<sfx>期间|时期|以来|末期?|初期?|中)?")


def _plan_named(m: re.Match, anchor: Anchor):
    """The years of a plan named in full; 以来 runs to the published day, 末/初 are its last/first year."""
    n = small_number(m.group("n"))
    if not 1 <= n <= 19:
        return None
    start, end = five_year_plan(n)
    sfx = m.group("sfx") or ""
    if sfx == "以来":
        return start, anchor.day.isoformat() if anchor.day and anchor.day.isoformat() >= start else None
    if sfx.startswith("末"):
        return f"{end[:4]}-01-01", end
    if sfx.startswith("初"):
        return start, f"{start[:4]}-12-31"
    return start, end


PLAN_NAMED_FORM = (_PLAN_NAMED, _plan_named)
"""(pattern, resolver) for :func:`zhaoshang.text.periods.find_periods`: 第六个五年计划期间 → 1981..1985."""

# 2013年底达产后，…; 年底起: a point things start from, no period of its own
_FROM_POINT = re.compile(r"(?:[^，,。；;：:]{0,6}?(?:后|以后|之后)(?=[，,])|起|开始)")
# after the end of a year, what makes it a point at which a stock stands or a deadline falls (外汇储备年底达到,
# 年底前完成, 年末余额): no start; else it is when something happened, in December (去年底增发的国债)
# a change to a value at the year's end (增加到2012年末的17.63万亿元) reaches no deadline
_CHANGED_TO = ("增加到", "提高到", "上升到", "增长到", "扩大到", "下降到", "减少到", "降低到", "发展到", "增至")
_AT_YEAR_END = re.compile(r"前|以前|之前|达到|达(?![产成标])|余额|共有|拥有|有|为|累计|已|总数|总量")


def year_end_span(text: str, start: int, end: int, year: int) -> tuple[str | None, str | None]:
    """The period of the end of ``year`` named at ``text[start:end]`` (2015年底, 去年年末, 年末 of a
    report's review): December, or the year's last day alone when a stock or a deadline follows
    (:data:`_AT_YEAR_END`) or it is reached (到年底, 至年末); none when things start from it
    (:data:`_FROM_POINT`)."""
    if _FROM_POINT.match(text, end):
        return (None, None)
    reached = text.endswith(("到", "至", "截至", "截止"), 0, start) and not text.endswith(_CHANGED_TO, 0, start)
    if _AT_YEAR_END.match(text, end) or reached:
        return None, f"{year}-12-31"
    return f"{year}-12-01", f"{year}-12-31"


# a decade: 2010年代, 90年代, 上世纪八十年代 (its 初/末 are too vague to date)
_DECADE = re.compile(r"(?=[上二0-9一三四五六七八九])(?P<cent>上个?世纪|20世纪|二十世纪)?"
                     r"(?P<d>(?:19|20)\d0|[1-9]0|[一二三四五六七八九]十)年代(?P<part>初期?|中期|中后期|末期?|后期|前期)?")


def _decade(m: re.Match, anchor: Anchor):
    """The ten years of a decade: 2010年代 2010–2019; 90年代 the latest before the anchor's year (1990s in
    a text of 2023, the 2020s in one of 2026: 20年代), of the 1900s after 上世纪; a part of it undated."""
    if m.group("part"):
        return (None, None)
    if m.string.endswith(("从", "自", "自从", "早在", "始于"), 0, m.start()):
        return None  # 从80年代就研究…: since when, not the period of what follows
    d = m.group("d")
    if len(d) == 4:
        y = int(d)
    else:
        n = small_number(d) if not d.isdigit() else int(d)
        if m.group("cent"):
            y = 1900 + n
        elif anchor.year is None:
            return (None, None)
        else:
            y = 2000 + n if 2000 + n <= anchor.year else 1900 + n
    return f"{y}-01-01", f"{y + 9}-12-31"


DECADE_FORM = (_DECADE, _decade)
"""Decades: (pattern, resolver) for :func:`zhaoshang.text.periods.find_periods`."""


# a year of the Republic in Chinese numerals (八十五年全年, 民國一百一十二年, 一一二年度): Taiwan writes its years so in
# texts that count them; a bare numeral before 年 is a duration elsewhere (五十年来), so only 民国, the opening of
# a clause, or 全年/度 after it makes it one (八十五年上半年 is left unread rather than read as the whole year)
_ROC_CN_YEAR = re.compile(r"(?<![零〇○一二两三四五六七八九十百])(?P<roc>民国)?(?P<n>[一二三四五六七八九十百零〇]{2,6})年"
                          r"(?P<part>全年|度|上半年|下半年|底|初|[一二三四五六七八九十\d]{1,2}月|第?[一二三四]季|前[一二三四五六七八九十])?")


_DURATION_AFTER = ("来", "以来", "间", "代", "前", "后", "内", "里", "之", "多", "左右", "的")


def _roc_cn_year(m: re.Match, anchor: Anchor):
    """The calendar year of a year of the Republic written in Chinese numerals (八十五年 → 1996), in a text
    that counts them (``anchor.roc``) or after 民国; no year otherwise."""
    if not (m.group("roc") or anchor.roc):
        return None
    if m.string.startswith(_DURATION_AFTER, m.end()):
        return None  # 五十年来, 八十年代, 二十年间: years counted, not a year
    if not (m.group("roc") or m.group("part") or m.start() == 0 or m.string[m.start() - 1] in "，,。；;：:\n"):
        return None  # 五十年来: a duration; a year opens its clause (，八十五年核准件数为458件) or has a part
    if m.group("part") and m.group("part") not in ("全年", "度"):
        return None  # 八十五年上半年, 八十五年3月: the part is read by the year's other forms (or not at all)
    try:
        n = small_number(m.group("n"))
    except (ValueError, KeyError):
        return None  # 百百年: no number
    if not 1 <= n <= 150:
        return None
    y = 1911 + n
    return f"{y}-01-01", f"{y}-12-31"


ROC_CN_YEAR_FORM = (_ROC_CN_YEAR, _roc_cn_year)
"""Years of the Republic in Chinese numerals: (pattern, resolver) for :func:`zhaoshang.text.periods.find_periods`."""


_FISCAL_QUARTER = re.compile(r"第?(?P<n>[一二三四1-4])个?财季$")


def fiscal_quarters_said(periods: list, folded: str) -> list:
    """``periods`` (:class:`zhaoshang.text.periods.Period`, found in ``folded``) with the fiscal quarters
    the text dates. A fiscal quarter is undated (Japan's 第一财季 is April–June) until the text says its
    months (2011年第一财季(4月-6月)业绩报告显示，…): later mentions of that quarter alone (索尼第一财季净亏损)
    are those months. Two different months said for one quarter (firms of different years) date none."""
    said: dict[str, tuple[str, str] | None] = {}
    for p, q in zip(periods, periods[1:]):
        m = _FISCAL_QUARTER.search(p.text)
        if m and q.period_start and q.period_end and folded[p.end:q.start] in ("(", "（"):
            span = (q.period_start, q.period_end)
            said[m.group("n")] = span if said.get(m.group("n"), span) == span else None
    if not any(said.values()):
        return periods
    out = []
    for p in periods:
        m = _FISCAL_QUARTER.fullmatch(p.text)
        span = said.get(m.group("n")) if m and p.period_start is None else None
        out.append(replace(p, period_start=span[0], period_end=span[1]) if span else p)
    return out
