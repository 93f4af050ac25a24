"""Reporting periods named in a sentence, resolved to ISO dates.

Relative expressions resolve against the document's published date (``今年上半年`` in an article of
2023-08-23 is 2023-01-01..2023-06-30; ``2022年以来`` is 2022-01-01..2023-08-23). Without a
published date, relative periods stay unresolved (``None``) rather than guessed. Works on the
Simplified view; offsets are character offsets in the text given.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from zhaoshang.text.numbers import fold_digits, parse_number

__all__ = ["Period", "find_periods", "five_year_plan"]


@dataclass(frozen=True)
class Period:
    start: int          # offsets of the expression in the text searched
    end: int
    text: str
    period_start: str | None
    period_end: str | None


_CN_NUM = "零〇一二两三四五六七八九十"
_YEAR = r"(?:(?P<y4>(?:19|20)\d\d)|(?P<ycn>[零〇一二三四五六七八九]{4}))年"
_REL_YEAR = r"(?P<rel>今年|本年|当年|去年|上年|上一年|前年|明年)"
_MONTH = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_HALF = r"(?P<half>上半年|下半年)"
_QUARTERS = r"(?P<q>(?:前|头)(?P<qn>[一二三1-3])(?:个)?季度|第?(?P<q1>[一二三四1-4])季度)"
_MONTHS = rf"(?P<m1>{_MONTH})(?:月份?)?\s*(?:[-—–~～至到])\s*(?P<m2>{_MONTH})月份?"
_FIRST_MONTHS = r"前(?P<fm>[一二三四五六七八九十两]{1,2}|\d{1,2})个月"
_SINCE = r"(?P<since>以来)"

# Every part of a period is optional, so the pattern could match the empty string wherever its first
# character fits (以上, 一般, 第…: one position in seven of a report), and each such empty match would
# come back to Python only to be skipped. A period names at least one of these groups: fail when
# none matched. The periods found are the same, several times faster.
_PERIOD_PARTS = ("plan", "y4", "ycn", "rel", "half", "q", "m1", "fm", "month", "since")


def _any_of(groups: tuple[str, ...]) -> str:
    """A pattern that matches nothing, and succeeds when one of ``groups`` has matched."""
    pattern = "(?!)"
    for g in reversed(groups):
        pattern = f"(?({g})|{pattern})"
    return pattern


_NOT_EMPTY = _any_of(_PERIOD_PARTS)

# A Five-Year Plan is numbered 一 … 十九 (六五, 十四五); 一九五 is the start of a year written digit by
# digit (一九五四年), never the "19th" plan.
_PERIOD = re.compile(
    rf"""
    (?=[0-9零〇一二两三四五六七八九十今本当去上前明下头第“"‘「])   # cheap first-character filter
    (?:
    (?P<plan>(?P<q_open>[“"‘「])?(?P<plan_n>十[一二三四五六七八九]?|[一二三四五六七八九])五(?![〇零一二三四五六七八九十年])(?P<q_close>[”"’」])?
             (?P<plan_sfx>时期|期间|规划|计划|以来|末|初|开局)?)
    |
    (?:{_YEAR}|{_REL_YEAR})?
    (?:{_HALF}|{_QUARTERS}|{_MONTHS}|{_FIRST_MONTHS}|(?P<month>{_MONTH})月(?!\d|[{_CN_NUM}]|份?[-—–~至到]))?
    {_SINCE}?
    )
    {_NOT_EMPTY}
    """,
    re.VERBOSE,
)


def five_year_plan(n: int) -> tuple[str, str]:
    """The years of the n-th Five-Year Plan (十四五 → 2021-01-01..2025-12-31)."""
    first = {1: 1953, 2: 1958, 3: 1966, 4: 1971, 5: 1976}
    y = first.get(n, 1981 + 5 * (n - 6))
    return f"{y}-01-01", f"{y + 4}-12-31"


def _num(s: str) -> int:
    return int(parse_number(fold_digits(s)))


def _month_end(y: int, m: int) -> str:
    return f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _resolve(m: re.Match, published: date | None) -> tuple[str | None, str | None] | None:
    g = m.groupdict()
    if g["plan"]:
        if not g["plan_n"]:
            return None
        n = _num(g["plan_n"])
        # 十五, 二十五, 一五 are also plain numerals: only quoted or followed by 时期/规划 …
        # do they name a plan; 十一五 … 十九五 cannot be numerals.
        marked = (g["q_open"] and g["q_close"]) or g["plan_sfx"]
        if not 1 <= n <= 19 or (not marked and not 11 <= n <= 19):
            return None
        return five_year_plan(n)
    year: int | None = None
    if g["y4"]:
        year = int(g["y4"])
    elif g["ycn"]:
        year = int(parse_number(g["ycn"]))
    elif g["rel"]:
        if published is None:
            return (None, None)
        offset = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1,
                  "前年": -2, "明年": 1}[g["rel"]]
        year = published.year + offset
    has_part = any(g[k] for k in ("half", "q", "m1", "fm", "month"))
    if year is None:
        if not has_part:
            return None
        if published is None:
            return (None, None)
        year = published.year  # 上半年, 1-6月 … of the year of publication
    if g["half"]:
        start, end = (f"{year}-01-01", f"{year}-06-30") if g["half"] == "上半年" else (f"{year}-07-01", f"{year}-12-31")
    elif g["q"]:
        if g["qn"]:
            start, end = f"{year}-01-01", _month_end(year, 3 * _num(g["qn"]))
        else:
            q = _num(g["q1"])
            start, end = f"{year}-{3 * q - 2:02d}-01", _month_end(year, 3 * q)
    elif g["m1"]:
        m1, m2 = _num(g["m1"]), _num(g["m2"])
        if not (1 <= m1 <= m2 <= 12):
            return None
        start, end = f"{year}-{m1:02d}-01", _month_end(year, m2)
    elif g["fm"]:
        n = _num(g["fm"])
        if not 1 <= n <= 12:
            return None
        start, end = f"{year}-01-01", _month_end(year, n)
    elif g["month"]:
        mo = _num(g["month"])
        if not 1 <= mo <= 12:
            return None
        start, end = f"{year}-{mo:02d}-01", _month_end(year, mo)
    else:
        start, end = f"{year}-01-01", f"{year}-12-31"
    if g["since"]:
        if published is None:
            return (start, None)
        end = published.isoformat()
    return start, end


def find_periods(text: str, published: str | None) -> list[Period]:
    """Every period expression in ``text`` (Simplified), resolved against ``published`` (ISO).

    ``今年以来`` runs from January 1 to the published date; a bare year (``2014年``) is that
    calendar year; ``十四五`` is 2021..2025. Dates of a single day (8月22日) are not periods, nor are
    bases of comparison (比上年增长, 较2010年提高, 是2010年的3倍).
    """
    pub = date.fromisoformat(published[:10]) if published else None
    folded = fold_digits(text)
    out: list[Period] = []
    for m in _PERIOD.finditer(folded):  # never empty (_NOT_EMPTY)
        # A day (8月22日) or a year that is part of a longer number is not a period.
        after = folded[m.end():m.end() + 1]
        if after and (after == "日" or after == "号" or after.isdigit()):
            continue
        if m.start() > 0 and folded[m.start() - 1].isdigit():
            continue
        # 比上年增长, 较2010年提高, 是2010年的3倍: a base of comparison, not the period of a figure
        if m.start() > 0 and folded[m.start() - 1] in "比较":
            continue
        if folded.startswith("的", m.end()) and re.match(r"[\d.一二两三四五六七八九十]+倍", folded[m.end() + 1:m.end() + 6]) \
                and folded[max(0, m.start() - 1):m.start()] == "是":
            continue
        # 以来 alone, or 五 alone, is nothing.
        if m.group(0) in ("以来",):
            continue
        res = _resolve(m, pub)
        if res is None:
            continue
        out.append(Period(m.start(), m.end(), text[m.start():m.end()], res[0], res[1]))
    return out
