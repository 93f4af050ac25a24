"""The record of one figure found in a sentence: :class:`Figure`, and the qualifiers it may carry.

Kept apart from the finding (:mod:`.detect`, :mod:`.lists`) so that every module that builds or reads
figures shares one record without importing the scanners.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["Figure", "QUALIFIERS"]

QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "range", "vague")


@dataclass(slots=True)
class Figure:
    """One figure found in a text (offsets into that text)."""

    kind: str
    value: Decimal
    value_high: Decimal | None
    currency: str | None
    unit: str
    raw_unit: str
    qualifier: str
    start: int
    end: int
    conversion: bool = False
    metric_span: tuple[int, int] | None = None
    subjects: list[tuple[int, int]] = field(default_factory=list)
    distributive: bool = False
    # whence the currency: "written" (美元, 人民币 …), "document" (a bare 元, whose currency is the
    # document's), "inferred" (no currency word at all: 总投资三百万)
    currency_source: str = "written"
    size_floor: Decimal | None = None  # 亿元以上项目562个: the count's size class (1e8)
