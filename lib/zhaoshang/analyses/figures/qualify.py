"""The words around a figure: its qualifier, and whether it stands alone as a figure.

:func:`qualify` reads the qualifier (exact, at_least, more_than, approx, at_most) from the words
right before and after a number (超过, 约, 近, 逾, 以上, 左右 …, one space allowed between them), and
whether the amount restates another in a second currency (约合…); :func:`boundary_ok` says whether
a span is a figure of its own and not part of a code, a longer numeral or a percentage. Both are
shared by the ways figures are found (:mod:`.detect`).
"""
from __future__ import annotations

import re

from zhaoshang.analyses.figures.patterns import (
    APPROX_POST,
    APPROX_PRE,
    AT_LEAST_POST,
    AT_LEAST_PRE,
    AT_MOST_POST,
    AT_MOST_PRE,
    CAP_AFTER,
    CONVERSION_PRE,
    ENTITY_MEASURES,
    NOT_FIGURE_PREV,
    WORDS_ENDING_IN_ONE,
    longest_first,
)
from zhaoshang.text.numbers import CHINESE, GAP_SPACES

__all__ = ["CN_NUMERAL_CHARS", "boundary_ok", "is_chinese_numeral", "qualifier_before", "qualify", "rhetorical_count"]


def _word_table(groups) -> dict[str, str]:
    """word → qualifier; a word listed twice keeps its first qualifier (as a scan in order would)."""
    table: dict[str, str] = {}
    for ws, q in groups:
        for w in ws:
            table.setdefault(w, q)
    return table


_PRE_TABLE = _word_table(((CONVERSION_PRE, "conversion"), (AT_MOST_PRE, "at_most"),
                          (APPROX_PRE, "approx"), (AT_LEAST_PRE, "at_least")))
_POST_TABLE = _word_table(((AT_MOST_POST, "at_most"), (APPROX_POST, "approx"), (AT_LEAST_POST, "at_least")))
_PRE_MAX = max(map(len, _PRE_TABLE))


# The qualifying word right before a figure (the longest that ends there: searched in a window
# that ends at the figure, the leftmost match is the longest) and right after it.
_PRE_WORD = re.compile(rf"(?:{longest_first(_PRE_TABLE)})\Z")
_POST_WORD = re.compile(longest_first(_POST_TABLE))


# Words ending in 约 (签约, 节约, 制约, 合约, 履约, 违约, 预约, 集约 …): their 约 is not "about"; nor
# is the 近 of 最近, 附近, 临近, 邻近, 靠近, 就近 (最近3年, 附近5家企业).
_YUE_WORDS = frozenset("签节制合契履违预特邀相集公条婚立守践")
_JIN_WORDS = frozenset("最附临邻靠就贴")
# 过 is "over" (过千亿元, 销售额过亿) but not in 通过, 经过, 不过, 度过, 超过 (a word of its own) …
_GUO_WORDS = frozenset("通经不越跨错度看去用做来到算穿跳闯难路放")
_GAP = frozenset(GAP_SPACES)


def qualifier_before(s: str, start: int) -> re.Match | None:
    """The qualifying word that ends right before ``s[start]`` (the longest: 不少于, not 少于), or None
    — not the 约 of 签约/节约, the 近 of 最近/附近, the 过 of 通过/经过."""
    m = _PRE_WORD.search(s, max(0, start - _PRE_MAX), start)
    if m and m.group() == "约" and s[m.start() - 1:m.start()] in _YUE_WORDS:
        return None  # 签约20亿元, 节约5000万元: 约 ends a word, it qualifies nothing
    if m and ((m.group() == "近" and s[m.start() - 1:m.start()] in _JIN_WORDS)
              or (m.group() == "过" and s[m.start() - 1:m.start()] in _GUO_WORDS)):
        return None
    return m


def qualify(s: str, start: int, end: int, more: bool) -> tuple[str, bool, int, int]:
    """Qualifier of the figure s[start:end] and whether it is a conversion (约合…). The longest
    qualifying word wins (不少于 is at_least although it ends in 少于); one space may stand between
    the word and the number (逾 713億元, 約 700 億元)."""
    if start and s[start - 1] in _GAP:
        start -= 1
    m = qualifier_before(s, start)
    pre = _PRE_TABLE[m.group()] if m else None
    pre_word = m.group() if m else ""
    if pre is None and start and s[start - 1] in "，,、(（合":
        pre_word = _conversion_before(s, start)
        pre = "conversion" if pre_word else None
    if s[end:end + 1] in _GAP:
        end += 1
    m = _POST_WORD.match(s, end)
    post = _POST_TABLE[m.group()] if m else "at_most" if CAP_AFTER.match(s, end) else None
    if pre == "conversion":  # 约合 is about that much (approx); 折合, 相当于 exactly
        return ("approx" if "约" in pre_word else "exact"), True, start, end
    if post:
        return post, False, start, end
    if pre and not (more and pre == "approx"):
        return pre, False, start, end  # (约300多家: the 多 says more than the 约 — its floor)
    if more:
        return "more_than", False, start, end
    return "exact", False, start, end


# a second conversion in the bracket of the first (约合1.37亿美元，8.8亿元人民币), or 合 after a comma or a
# bracket (作价约为100亿日元，合10亿港元)
_CONVERSION_BRACKET = re.compile(rf"[(（](?P<w>{'|'.join(CONVERSION_PRE)})[^()（）]{{1,24}}[，,、]$")
_HE_AFTER_BREAK = re.compile("(?<=[，,(（])合$")


def _conversion_before(s: str, start: int) -> str:
    """The conversion word that governs an amount at ``start`` standing after a comma or a bracket
    ('' when none): the word opening its bracket, or 合 right before it."""
    if _HE_AFTER_BREAK.search(s, max(0, start - 2), start):
        return "合"
    m = _CONVERSION_BRACKET.search(s, max(0, start - 32), start)
    return m.group("w") if m else ""


_DIGIT = re.compile(r"\d")
# 千千万万 / 万万没想到 are "countless" / "never"; 一万万 (an old way to write 一亿) is a number.
_DOUBLED = re.compile(r"([十百千])\1|(?<![0-9０-９一二两三四五六七八九十百千])万万")
CN_NUMERAL_CHARS = frozenset(CHINESE[4:CHINESE.index("]")])


def is_chinese_numeral(s: str) -> bool:
    """Whether ``s`` is written in Chinese numerals only (no Arabic digit)."""
    return bool(s) and not _DIGIT.search(s)


def rhetorical_count(numeral: str, value, measure: str, more: bool, *, quoted: bool = False,
                     concrete: bool = False) -> bool:
    """Whether a count is rhetoric rather than data: written in Chinese numerals below ten (and not
    余/多), and either 一 (一家企业: an article), or not of firms, sites and institutions
    (:data:`~.patterns.ENTITY_MEASURES`: 两个大局, 三项举措) unless ``concrete`` (what follows the
    measure word names firms, places or sites: 三个展区, 四个县, 两个铁矿石生产商), or a slogan's number
    (``quoted``: “两个维护”). 两家水处理公司 and 两处煤矿项目 are data."""
    if not is_chinese_numeral(numeral) or value >= 10 or more:
        return False
    return value < 2 or (measure not in ENTITY_MEASURES and not concrete) or quoted


def boundary_ok(s: str, start: int, end: int, *, count: bool = False) -> bool:
    """Whether s[start:end] stands alone as a figure: not inside a code, a longer numeral or a
    percentage. A count's measure word may be followed by digits (301户611人, 8家4S店)."""
    prev = s[start - 1] if start else ""
    if prev and (prev.isascii() and (prev.isalnum() or prev in "-./_#")):
        return False
    if prev in NOT_FIGURE_PREV:
        return False
    first = s[start:start + 1]
    if prev and prev in "几数好" and not first.isdigit():  # ("" is in every string)
        return False
    if (prev == "上" and first in "十百千万亿") or (prev == "成" and first in "百千万"):
        return False  # 上百亿, 成千上万 (but 形成十四个 is fourteen)
    if _DOUBLED.search(s, start, end):  # 千千万万: "countless"
        return False
    if prev in CN_NUMERAL_CHARS and s[start - 2:start] not in WORDS_ENDING_IN_ONE:
        return False  # part of a longer Chinese numeral that did not parse as one figure (not 统一|三个)
    nxt = s[end:end + 1]
    if nxt and nxt.isascii() and (nxt.isalnum() or nxt in "-/_#%") and not (count and nxt.isdigit()):
        return False
    if nxt in ("%", "‰", "％"):
        return False
    return True
