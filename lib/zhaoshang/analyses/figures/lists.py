"""Numbers written as a list that share the unit of the figure ending it: 156、47、172案 is three counts,
726、1005、7172億元 three amounts, 3亿、5亿和8亿元 three amounts with their own magnitudes; and the
adjacent digits of a spoken range written with a pause mark (四、五十亿元: 40亿..50亿).

Every look back from a figure is a bounded window (:data:`_LIST_WINDOW` characters per member), so a
sentence of many lists stays linear.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from zhaoshang.analyses.figures.patterns import LIST_MEMBER, LISTED_AFTER, NOT_FIGURE_PREV
from zhaoshang.analyses.figures.qualify import CN_NUMERAL_CHARS, qualify, rhetorical_count
from zhaoshang.analyses.figures.record import Figure
from zhaoshang.text.numbers import parse_number

__all__ = ["listed_runs", "with_list_members"]

_MORE_INSIDE = re.compile("[余多]")
_LIST_SEP_END = frozenset("、和及与或")
_LIST_WINDOW = 24  # the longest member with its separator (一千二百三十四万、) fits
_PURE_MAG = re.compile(r"[十百千]?[万亿兆]+")


def with_list_members(s: str, figs: list[Figure]) -> list[Figure]:
    """``figs`` with the numbers of a list that share the unit of the figure ending it: in
    156、47、172案 the counts 156 and 47, in 726、1005、7172億元 the amounts 726億元 and 1005億元. A
    member without a magnitude takes the figure's (7172億元 → 726億); one with its own keeps it (3亿、
    5亿和8亿元). A member may replace an amount found with an inferred currency (the 3亿 of 投资3亿、
    5亿和8亿元), never another figure. A list after 第 (第1、2、3批) is ranks: none of it is a figure."""
    ordered = sorted(figs, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    by_start = {f.start: f for f in figs}
    drop: set[int] = set()
    added: list[Figure] = []
    for fig in figs:
        if not fig.start or s[fig.start - 1] not in _LIST_SEP_END:
            continue  # most figures: no list before them
        if fig.kind not in ("amount", "count") or fig.qualifier in ("range", "vague") or fig.conversion:
            continue
        if fig.raw_unit and s[fig.start] not in "0123456789" and not CN_NUMERAL_CHARS.intersection(s[fig.start]):
            continue  # a prefixed currency (美元3亿): its list, if any, is written after it
        mag_m = _PURE_MAG.match(fig.raw_unit)
        fig_mag = mag_m.group() if mag_m else ""
        rest = fig.raw_unit[len(fig_mag):]
        if _MORE_INSIDE.search(rest[:1]):
            continue
        members: list[Figure] = []
        pos = fig.start
        ranks = False
        while True:
            m = LIST_MEMBER.search(s, max(0, pos - _LIST_WINDOW), pos)
            if m is None:
                break
            a, b = m.start(), m.end("m2") if m.group("m2") else (m.end("mag") if m.group("mag") else
                                                                    (m.end("m1") if m.group("m1") else m.end("n")))
            other = by_start.get(a)
            if other is not None and not (other.currency_source == "inferred" and other.end == b):
                break
            i = bisect.bisect_left(starts, b) - 1  # figures never overlap: only the last one before b may
            if i >= 0 and ordered[i] is not other and ordered[i].end > a:
                break
            if s[a - 1:a] in NOT_FIGURE_PREV:
                ranks = True
                break
            prev = s[a - 1:a]
            if prev and ((prev.isascii() and (prev.isalnum() or prev in "-./_#")) or prev in CN_NUMERAL_CHARS):
                break
            if _LONE_DIGIT.fullmatch(m.group("n")) and not m.group("mag"):
                ranged = _adjacent_range(s, m, fig, pos)  # 四、五十亿元: 40亿..50亿, no list
                if ranged is not None:
                    drop.add(id(fig))
                    added.append(ranged)
                break
            member = _list_member(s, m, fig, fig_mag, rest, a, b)
            if member is None:
                break
            members.append(member)
            if other is not None:
                drop.add(id(other))
            pos = a
        if ranks:
            drop.add(id(fig))
            drop.update(id(x) for x in members)
            continue
        added.extend(members)
    return [f for f in figs if id(f) not in drop] + [f for f in added if id(f) not in drop]


_LONE_DIGIT = re.compile("[一二两三四五六七八九]")
_TENS = re.compile("[二两三四五六七八九][十百千](?![一二两三四五六七八九十百千零])")


def _adjacent_range(s: str, m: re.Match, fig: Figure, pos: int) -> Figure | None:
    """四、五十亿元 (四五十亿 with a pause mark): when the lone digit before 、 is one less than the digit
    that starts the figure's round numeral, the figure is the range 40亿..50亿 (a new figure in
    place of ``fig``); None otherwise."""
    t = _TENS.match(s, pos)
    if t is None or fig.start != pos or fig.value_high is not None:
        return None
    a, b = parse_number(m.group("n")), parse_number(s[pos])
    if b != a + 1:
        return None
    return replace(fig, value=fig.value * a / b, value_high=fig.value, qualifier="range", start=m.start())


def _list_member(s: str, m: re.Match, fig: Figure, fig_mag: str, rest: str, a: int, b: int) -> Figure | None:
    """The figure of one list member s[a:b] (number m.group("n"), its own magnitude or the figure's)."""
    n, own_mag = m.group("n"), m.group("mag") or ""
    mag = own_mag or fig_mag
    try:
        value = parse_number(n + mag)
    except (ValueError, KeyError):
        return None
    more = bool(m.group("m1") or m.group("m2"))
    if fig.kind == "count" and rhetorical_count(n, value, fig.unit, more):
        return None  # 三、四个: rhetoric, as a count alone would be (两、三家 are firms)
    if value == 0:
        return None
    qualifier, conv, _, _ = qualify(s, a, b, more)
    return Figure(fig.kind, value, None, fig.currency, fig.unit, mag + rest, qualifier, a, b, conversion=conv,
                  currency_source=fig.currency_source, size_floor=fig.size_floor)


def listed_runs(s: str, figs: list[Figure]) -> list[tuple[int, int]]:
    """The runs [i, j) of two or more figures of ``figs`` (in text order) of one kind written one after
    another as a list (1.4亿元、3527万元; 433亿美元和777亿美元), in order: one pass."""
    runs = []
    i = 0
    while i < len(figs):
        j = i + 1
        while j < len(figs) and figs[j].kind == figs[i].kind and LISTED_AFTER.fullmatch(s, figs[j - 1].end, figs[j].start):
            j += 1
        if j - i >= 2:
            runs.append((i, j))
        i = j
    return runs
