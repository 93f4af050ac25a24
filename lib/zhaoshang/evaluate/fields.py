"""Whether a matched prediction has a gold figure's field right: value, qualifier, currency, metric
family, place and period, compared across spellings (place names without their suffixes, a system's
family words in the guide's vocabulary, dates to the day)."""
from __future__ import annotations

import re

from decimal import Decimal

from zhaoshang.evaluate.sentences import decimal_of
from zhaoshang.text.script import to_simplified

__all__ = ["DEV_FIELDS", "FAMILIES", "family_label", "field_agrees", "place_key"]

FAMILIES = ("contracted", "planned", "invested", "in_place", "foreign", "output", "other")
DEV_FIELDS = ("value", "qualifier", "currency", "family", "place", "period")


_PLACE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市",
                   "县", "区")
_COUNTRY = {"全国", "中国", "中华人民共和国", "我国"}
# a county, prefecture or banner of one or more peoples: its name is what comes before them
_AUTONOMOUS = re.compile(r"(.{2,}?)(?:[\u4e00-\u9fff]{1,4}族)+自治(?:县|州|旗)")


def place_key(place) -> str:
    """A place name compared across spellings: Simplified, the administrative suffix dropped (海拉尔区 and
    海拉尔, 臺南市 and 台南 agree), every name of the whole country as 全国; empty for no place."""
    if not isinstance(place, str) or not place.strip():
        return ""
    p = to_simplified(place.strip())
    if p in _COUNTRY:
        return "全国"
    m = _AUTONOMOUS.fullmatch(p)
    if m:
        return m.group(1)  # 石林彝族自治县 and 石林, 恩施土家族苗族自治州 and 恩施
    for suf in _PLACE_SUFFIXES:
        if p.endswith(suf) and len(p) > len(suf) + 1:
            return p[:-len(suf)]
    return p


_FAMILY_WORDS = (  # the labelling guide's families, for systems that name a family in their own words
    ("in_place", ("到位",)), ("foreign", ("外资", "外商", "利用外")), ("contracted", ("签约", "合同", "协议", "意向")),
    ("output", ("产值", "生产总值", "营业", "销售", "零售", "进出口", "贸易", "营收")),
    ("planned", ("总投资", "计划")), ("invested", ("投资", "投入")),
)


def family_label(family) -> str | None:
    """A predicted ``family`` in the guide's vocabulary (contracted, planned, invested, in_place, foreign,
    output, other); None when there is none to compare (the column is missing)."""
    if family is None or (isinstance(family, float) and family != family):
        return None
    f = str(family).strip()
    if f in FAMILIES:
        return f
    s = to_simplified(f).replace(" ", "_").lower()
    if s in FAMILIES:
        return s
    for fam, words in _FAMILY_WORDS:
        if any(w in s for w in words):
            return fam
    return "other"


def _day(v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return ""
    return str(v)[:10]


def _same_number(a, b) -> bool:
    a, b = decimal_of(a), decimal_of(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= abs(b) * Decimal("1e-9")


def field_agrees(field: str, gold: dict, pred: dict) -> bool | None:
    """Whether a matched prediction has the gold value of ``field``; None when it cannot say
    (``family`` without a family column, ``currency`` of a count)."""
    if field == "value":
        return (gold["kind"] == pred.get("kind") and _same_number(gold["value"], pred.get("value"))
                and _same_number(gold.get("value_high"), pred.get("value_high")))
    if field == "qualifier":
        return gold["qualifier"] == pred.get("qualifier")
    if field == "currency":
        if gold["kind"] != "amount":
            return None
        return (gold.get("currency") or None) == (pred.get("currency") or None)
    if field == "family":
        if "family" not in pred:
            return None
        return gold.get("family") == family_label(pred.get("family"))
    if field == "place":
        if "place" not in pred:
            return None
        return place_key(gold.get("place")) == place_key(pred.get("place"))
    if field == "period":
        if "period_start" not in pred:
            return None
        return ((gold.get("period_start") or ""), (gold.get("period_end") or "")) == \
            (_day(pred.get("period_start")), _day(pred.get("period_end")))
    raise ValueError(f"unknown field {field!r}; use one of {', '.join(DEV_FIELDS)}")
