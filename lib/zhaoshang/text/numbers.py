"""Numbers as Chinese texts write them, parsed exactly.

Amounts in reports come as Arabic digits with thousands separators (``1,234.5``), full-width
digits (``２．４５``), Chinese numerals (``二百九十八``), and mixtures with magnitude characters
(``1.2万亿``, ``3千万``, ``百亿``). Everything here works on the Simplified view and returns
:class:`decimal.Decimal`, so that 16.4亿 is 1640000000 and never 1639999999.

The regular expressions are kept here, in one place, and used by :mod:`zhaoshang.analyses.figures`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

__all__ = [
    "ARABIC", "CHINESE", "MAGNITUDE", "NUMBER", "CURRENCIES", "CN_DIGIT_CLASS", "CN_UNIT_CLASS",
    "fold_digits", "parse_number", "magnitude_value", "to_int_if_whole",
]

# Full-width digits and punctuation folded to ASCII, one character for one (offsets survive).
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "．": ".", "，": "，", "％": "%", "－": "-", "～": "~"})


_FOLDED = {chr(c): v for c, v in _FOLD.items() if chr(c) != v}
_FOLDABLE = re.compile("[" + "".join(_FOLDED) + "]")


def fold_digits(text: str) -> str:
    """``text`` with full-width digits, point, minus and tilde made ASCII; same length.

    Only the few full-width characters are replaced: ``str.translate`` would look every character
    of a long Chinese text up in its table, ten times slower."""
    if not _FOLDABLE.search(text):
        return text
    return _FOLDABLE.sub(lambda m: _FOLDED[m.group()], text)


_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9,
              # financial forms (大写)
              "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}

# An Arabic number: thousands groups with , or ， (only in groups of three), optional decimals.
ARABIC = r"(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?"
# The characters of Chinese numerals below 万, for character classes: digits (financial forms
# included) and the small units.
CN_DIGIT_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_UNIT_CLASS = "十拾百佰千仟"
# A Chinese numeral below 万 (the magnitude characters come separately): 二百九十八, 十二, 一千零五.
CHINESE = (rf"(?:[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]*[{CN_DIGIT_CLASS}][{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]*"
           rf"|[{CN_UNIT_CLASS}]+)(?:点[{CN_DIGIT_CLASS}]+)?")
# Magnitude after a number: 万, 亿, 万亿, 千万, 百亿, 十万 …  (a bare 千/百 after Arabic digits too: 3千万)
MAGNITUDE = r"(?:[十拾百佰千仟]?[万亿]+|[千仟百佰](?=[万亿]))"
# One number with its magnitude, Arabic or Chinese or mixed (1.2万亿, 3千万, 二百九十八亿, 百亿).
NUMBER = rf"(?:{ARABIC}(?:[千百]?[万亿]+)?|{CHINESE}(?:[万亿]+(?:[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]+[万]?)?)?)"

# Currencies by the word that names them (Simplified). 元 alone and 人民币 mean CNY.
CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "日元": "JPY",
    "英镑": "GBP", "澳元": "AUD", "卢布": "RUB", "韩元": "KRW", "新台币": "TWD",
    "人民币": "CNY", "元": "CNY",
}


def _parse_arabic(s: str) -> Decimal:
    return Decimal(s.replace(",", "").replace("，", ""))


def _parse_below_wan(s: str) -> Decimal:
    """A number below 万 in Chinese numerals, Arabic digits or a mix (3千, 二百九十八, 1.5)."""
    if not s:
        return Decimal(0)
    if re.fullmatch(ARABIC, s):
        return _parse_arabic(s)
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(_CN_DIGITS[c]) for c in frac)
        return _parse_below_wan(whole) + Decimal("0." + digits)
    # A bare digit string in Chinese numerals (二〇二三, 一五) reads digit by digit.
    if all(c in _CN_DIGITS for c in s) and len(s) > 1:
        return Decimal("".join(str(_CN_DIGITS[c]) for c in s))
    total = Decimal(0)
    current: Decimal | None = None
    for tok in re.findall(rf"{ARABIC}|.", s):
        if tok in _CN_DIGITS:
            current = Decimal(_CN_DIGITS[tok])
        elif tok in _CN_SMALL_UNITS:
            total += (current if current is not None else Decimal(1)) * _CN_SMALL_UNITS[tok]
            current = None
        elif re.fullmatch(ARABIC, tok):
            current = _parse_arabic(tok)
        else:
            raise ValueError(f"not a number: {s!r}")
    if current is not None:
        total += current
    return total


@lru_cache(maxsize=8192)  # numbers repeat (1, 10, 61 …); Decimal is immutable, so sharing is safe
def parse_number(text: str) -> Decimal:
    """The value of a number with its magnitude, exactly.

    >>> parse_number("1.2万亿")
    Decimal('1200000000000.0')
    >>> int(parse_number("二百九十八亿"))
    29800000000
    """
    s = fold_digits(text).strip().replace(" ", "")
    if not s:
        raise ValueError("empty number")
    # Split at the last 亿, then at the last 万 of each side: 三亿五千万 = 3·10⁸ + 5000·10⁴,
    # 1.2万亿 = (1.2万)·10⁸.
    if "亿" in s:
        i = s.rindex("亿")
        left, right = s[:i], s[i + 1:]
        # 万亿 stacks: the left part may itself hold 万 (一万亿) or 亿 (亿亿, rare).
        left_v = parse_number(left) if left else Decimal(1)
        return left_v * _MAGNITUDES["亿"] + (parse_number(right) if right else 0)
    if "万" in s:
        i = s.rindex("万")
        left, right = s[:i], s[i + 1:]
        left_v = (parse_number(left) if "万" in left else _parse_below_wan(left)) if left else Decimal(1)
        # 两万三 (colloquial 23000) is not supported; a bare trailing digit is read as units.
        return left_v * _MAGNITUDES["万"] + (_parse_below_wan(right) if right else 0)
    return _parse_below_wan(s)


def magnitude_value(mag: str) -> Decimal:
    """The multiplier a magnitude word stands for: 万 → 10⁴, 千万 → 10⁷, 万亿 → 10¹²."""
    return parse_number("1" + mag) if mag else Decimal(1)


def to_int_if_whole(value: Decimal) -> int | Decimal:
    """``int`` when the value is whole (amounts in base units almost always are)."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
