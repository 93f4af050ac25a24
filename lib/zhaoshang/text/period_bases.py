"""What looks like a period but is none: a base of comparison (比上年增长, 较2010年提高, 与去年同期相比,
去年同期), the prices figures are in (（2010年不变价）, 按2010年价格计算) and a yardstick (是1950年到2002年53年的
总和). :func:`zhaoshang.text.periods.find_periods` drops them.
"""
from __future__ import annotations

import re

__all__ = ["is_base_of_comparison"]

_COMPARED = re.compile(r"[^，,。；;]{0,12}?(?:相比|相较|比较|持平|同期)")
_SUM_OF = re.compile(r"[^，,。；;]{0,14}?(?:的总和|之和|的总量|的总数)")
_IS_FROM = re.compile(r"是[^，,。；;]{1,8}(?:到|至|—|-)$")
_PRICE_BASE = re.compile(r"的?(?:不变价|可比价|价格(?:计算|计)|为基期|基期)")


def is_base_of_comparison(folded: str, s: int, e: int) -> bool:
    """比上年增长, 较2010年提高, 是2010年的3倍, 与去年同期相比, （2010年不变价）: a base of comparison or
    of prices, not the period of a figure."""
    prev = folded[s - 1:s]
    if folded.startswith("同期", e):
        return True  # 去年同期, 上年同期: the same months of another year, a base
    if _PRICE_BASE.match(folded, e):
        return True  # （2010年不变价）, 按2010年价格计算, 以2010年为基期: the prices figures are in
    if prev in ("比", "较") or folded.endswith(("相较于", "相较", "较之", "相对于", "相比于"), 0, s):
        return True
    if prev in ("与", "同", "和", "跟") and _COMPARED.match(folded, e):
        return True
    if (prev == "是" or _IS_FROM.search(folded, max(0, s - 12), s)) and _SUM_OF.match(folded, e):
        return True  # 五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和: a yardstick (its two ends too)
    return (prev == "是" and folded.startswith("的", e)
            and re.match(r"[\d.一二两三四五六七八九十]+倍", folded[e + 1:e + 6]) is not None)
