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

from zhaoshang import resources

__all__ = [
    "ARABIC", "CHINESE", "MAGNITUDE", "NUMBER", "CURRENCIES", "CURRENCY_PREFIXES", "CURRENCY_SUFFIXES", "CN_DIGIT_CLASS",
    "CN_UNIT_CLASS", "GAP_SPACES", "THOUSANDS_SPACES", "fold_digits", "parse_number", "parse_span", "vague_span", "magnitude_value",
    "to_int_if_whole",
]

# Full-width digits and punctuation folded to ASCII, one character for one (offsets survive).
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                       "．": ".", "，": "，", "％": "%", "－": "-", "～": "~", "＄": "$"})


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
_ZEROS = frozenset("零〇○")
# 兆 is 万亿 (10¹²) in money, as Taiwan writes it (1.8兆元, 1兆5千億元); 兆瓦 never reaches here, as
# an amount needs a currency.
_MAGNITUDES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "兆": Decimal(10) ** 12}

# An Arabic number: thousands groups with , or ， or a (thin, no-break) space (only in groups of
# three: 3,066 / 5 000 / 12\u2009345), optional decimals. A space group must not follow a digit
# nor be followed by one, so that 2019 100 never reads as 019 100.
THOUSANDS_SPACES = " \u00a0\u2009\u202f"
# Text whose every character was spaced out (1 9 9 7 年, 7 4 7 7 2 亿元, 8 ．7 平方米, as some converted
# reports have it) writes a number one digit at a time: read whole, never as its last digit.
SPACED_DIGITS = (r"(?<![\d.])\d(?:(?:[ ]\d)+(?:[ ]?\.[ ]?\d(?:[ ]\d)*)?|[ ]\.[ ]?\d(?:[ ]\d)*|\.[ ]\d(?:[ ]\d)*)"
                 r"(?![\d])")
ARABIC = (r"(?:\d{1,3}(?:[,，]\d{3})+|(?<![\d.])\d{1,3}(?:[" + THOUSANDS_SPACES + r"]\d{3})+(?![\d])|"
          + SPACED_DIGITS + r"|\d+)(?:\.\d+)?")
# Spaces that may stand between a number and its unit, or a qualifier and its number (3,066 億元,
# 約 700 億元, 逾 713億元): ASCII, no-break, thin, narrow no-break and ideographic.
GAP_SPACES = THOUSANDS_SPACES + "\u3000"
# The characters of Chinese numerals below 万, for character classes: digits (financial forms
# included) and the small units.
CN_DIGIT_CLASS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CN_UNIT_CLASS = "十拾百佰千仟"
# A Chinese numeral below 万 (the magnitude characters come separately): 二百九十八, 十二, 一千零五.
CHINESE = (rf"(?:[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]*[{CN_DIGIT_CLASS}][{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]*"
           rf"|[{CN_UNIT_CLASS}]+)(?:点[{CN_DIGIT_CLASS}]+)?")
# Magnitude after a number: 万, 亿, 万亿, 千万, 百亿, 十万 …  (a bare 千/百 after Arabic digits too: 3千万)
MAGNITUDE = r"(?:[十拾百佰千仟]?[万亿兆]+|[千仟百佰](?=[万亿]))"
# One number with its magnitude, Arabic or Chinese or mixed (1.2万亿, 3千万, 二百九十八亿, 百亿).
NUMBER = rf"(?:{ARABIC}(?:[千百]?[万亿兆]+)?|{CHINESE}(?:[万亿]+(?:[{CN_DIGIT_CLASS}{CN_UNIT_CLASS}]+[万]?)?)?)"

# Currencies by the word or sign that names them (Simplified), from package data
# ``lexicon/currencies.tsv``: 元, 圆 and 人民币 mean CNY; CURRENCY_PREFIXES are the words that may stand
# before the number, CURRENCY_SUFFIXES those that may stand after it (a sign such as US$ or ¥ only
# before: its column says ``only``).
def _currency_table() -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    table: dict[str, str] = {}
    prefixes: list[str] = []
    suffixes: list[str] = []
    for ln in resources.data_lines("lexicon/currencies.tsv"):
        word, code, *rest = ln.split("\t")
        word, where = word.strip(), (rest[0].strip() if rest else "no")
        if where not in ("yes", "no", "only"):
            raise resources.ResourceError(f"lexicon/currencies.tsv: {word}: prefix column is {where!r}, "
                                          "expected yes, no or only")
        table[word] = code.strip()
        if where in ("yes", "only"):
            prefixes.append(word)
        if where != "only":
            suffixes.append(word)
    return table, tuple(prefixes), tuple(suffixes)


CURRENCIES, CURRENCY_PREFIXES, CURRENCY_SUFFIXES = _currency_table()


_GROUPING = re.compile("[,，" + THOUSANDS_SPACES + "]")


def _parse_arabic(s: str) -> Decimal:
    return Decimal(_GROUPING.sub("", s))


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
    prev = None          # the token before, to see a digit right after a unit
    unit_before = None   # the last small unit (十 百 千) met
    zero = False         # a 零 since the last unit: 一千零五 (1005), not the omitted-unit 一千五 (1500)
    for tok in re.findall(rf"{ARABIC}|.", s):
        if tok in _ZEROS:
            current, zero = None, True
        elif tok in _CN_DIGITS:
            current = Decimal(_CN_DIGITS[tok])
        elif tok in _CN_SMALL_UNITS:
            total += (current if current is not None else Decimal(1)) * _CN_SMALL_UNITS[tok]
            current, zero, unit_before = None, False, _CN_SMALL_UNITS[tok]
        elif re.fullmatch(ARABIC, tok):
            current = _parse_arabic(tok)
        else:
            raise ValueError(f"not a number: {s!r}")
        last, prev = prev, tok
    if current is not None:
        # 一百五 is 150 and 两千六 is 2600: a last digit right after 百 or 千 (no 零 between) stands
        # for the next unit down, left out as speech leaves it out.
        if (unit_before and unit_before >= 100 and not zero and prev in _CN_DIGITS
                and last in _CN_SMALL_UNITS):
            total += current * (unit_before // 10)
        else:
            total += current
    return total


def _omitted_unit(left: str, right: str) -> bool:
    """Whether ``right`` is one Chinese digit after a Chinese numeral's 万 or 亿 (三万五): the unit
    below is left out. After Arabic digits (5万一户) a Chinese digit starts the next word."""
    return (len(right) == 1 and right in _CN_DIGITS and right not in _ZEROS
            and bool(left) and not _DIGIT_RE.search(left))


def _thousands_of_wan(right: str) -> bool:
    """Whether what follows 亿 is a count of 千 (3亿5千, 三亿五千二百) with its 万 left out: nothing
    counts thousands of yuan beside hundreds of millions, while 零 (3亿零5千) keeps the places."""
    return ("千" in right or "仟" in right) and "万" not in right and not (set(right) & set(_ZEROS))


_DIGIT_RE = re.compile(r"\d")
_SPACES = re.compile(r"[\s" + GAP_SPACES + "]+")


@lru_cache(maxsize=8192)  # numbers repeat (1, 10, 61 …); Decimal is immutable, so sharing is safe
def parse_number(text: str) -> Decimal:
    """The value of a number with its magnitude, exactly.

    >>> parse_number("1.2万亿")
    Decimal('1200000000000.0')
    >>> int(parse_number("二百九十八亿"))
    29800000000
    """
    s = _SPACES.sub("", fold_digits(text)).replace("萬", "万").replace("億", "亿")
    if not s:
        raise ValueError("empty number")
    if "兆" in s:  # 1兆5千亿: 10¹² + 5000·10⁸
        i = s.rindex("兆")
        left, right = s[:i], s[i + 1:]
        return (parse_number(left) if left else Decimal(1)) * _MAGNITUDES["兆"] + (parse_number(right) if right else 0)
    # Split at the last 亿, then at the last 万 of each side: 三亿五千万 = 3·10⁸ + 5000·10⁴,
    # 1.2万亿 = (1.2万)·10⁸.
    if "亿" in s:
        i = s.rindex("亿")
        left, right = s[:i], s[i + 1:]
        # 万亿 stacks: the left part may itself hold 万 (一万亿) or 亿 (亿亿, rare).
        left_v = parse_number(left) if left else Decimal(1)
        if _omitted_unit(left, right):  # 三亿五: 3.5亿
            return left_v * _MAGNITUDES["亿"] + _CN_DIGITS[right] * Decimal(10) ** 7
        if _thousands_of_wan(right):  # 3亿5千 and 三亿五千二百: 万 left out, as 3亿5千万
            return left_v * _MAGNITUDES["亿"] + _parse_below_wan(right) * _MAGNITUDES["万"]
        return left_v * _MAGNITUDES["亿"] + (parse_number(right) if right else 0)
    if "万" in s:
        i = s.rindex("万")
        left, right = s[:i], s[i + 1:]
        left_v = (parse_number(left) if "万" in left else _parse_below_wan(left)) if left else Decimal(1)
        if _omitted_unit(left, right):  # 三万五 is 35000, 一万二 is 12000 (千 left out)
            return left_v * _MAGNITUDES["万"] + _CN_DIGITS[right] * 1000
        return left_v * _MAGNITUDES["万"] + (_parse_below_wan(right) if right else 0)
    return _parse_below_wan(s)


# Two neighbouring digits, the second one more (八九, 两三, 十七八): a range, said without 到.
_NOT_DIGIT = rf"[{CN_DIGIT_CLASS}]"
_ADJACENT = re.compile(rf"(?<!{_NOT_DIGIT})([一二两三四五六七八壹贰叁肆伍陆柒捌])([二两三四五六七八九贰叁肆伍陆柒捌玖])"
                       rf"(?!{_NOT_DIGIT})")


def parse_span(text: str, *, measured: bool = False) -> tuple[Decimal, Decimal | None]:
    """``(value, value_high)`` of a number that may be a range said with neighbouring digits:
    八九亿 is 8亿..9亿, 一二百万 (一两百万) is 100万..200万, 十七八万 is 17万..18万, 三四十亿 30亿..40亿,
    三五百 (the customary pair, three to five) 300..500;
    any other number is ``(parse_number(text), None)``. The neighbours must be one apart (or 三五) and be
    followed by a unit or magnitude, or follow 十, or end a number a measure word follows
    (``measured``: 八九个 is 8..9); 八九 alone and 二〇二三 are digit strings."""
    s = _SPACES.sub("", fold_digits(text))
    m = _ADJACENT.search(s)
    if m:
        a, b = _CN_DIGITS[m.group(1)], _CN_DIGITS[m.group(2)]
        after = s[m.end():m.end() + 1]
        before = s[m.start() - 1:m.start()] if m.start() else ""
        # one apart, or the customary pair 三五 (三五百美元: 300..500)
        if (b == a + 1 or (a, b) == (3, 5)) and (after in _CN_SMALL_UNITS or after in _MAGNITUDES or before in ("十", "拾")
                           or (measured and not after)):
            lo = s[:m.start(2)] + s[m.end(2):]
            hi = s[:m.start(1)] + s[m.end(1):]
            return parse_number(lo), parse_number(hi)
    return parse_number(s), None


def vague_span(text: str) -> tuple[Decimal, Decimal]:
    """The span a vague amount stands for (qualifier ``vague``), from the rules of the numerals:

    * 数 / 几 / 好几 before a unit or magnitude is a digit from 2 to 9: 数十亿 = 20亿..90亿,
      几千万 = 2000万..9000万, 几万 = 2万..9万;
    * 几 after 十 is a digit from 1 to 9: 十几亿 = 11亿..19亿, 二十几万 = 21万..29万;
    * a numeral before 几 stays: 一百几十亿 = 120亿..190亿;
    * 上 before 百 or 千 ("reaching the hundreds") is 1 to 9 of them: 上百亿 = 100亿..900亿;
    * 个 before 亿 is left out: 几个亿 = 2亿..9亿.
    """
    s = fold_digits(text).strip().replace("个", "").replace("好几", "几")
    if s.startswith("上"):
        return parse_number("一" + s[1:]), parse_number("九" + s[1:])
    if s.startswith("数"):
        s = "几" + s[1:]
    i = s.index("几")
    first = "一" if i and s[i - 1] in "十拾" else "二"
    return parse_number(s[:i] + first + s[i + 1:]), parse_number(s[:i] + "九" + s[i + 1:])


def magnitude_value(mag: str) -> Decimal:
    """The multiplier a magnitude word stands for: 万 → 10⁴, 千万 → 10⁷, 万亿 → 10¹²."""
    return parse_number("1" + mag) if mag else Decimal(1)


def to_int_if_whole(value: Decimal) -> int | Decimal:
    """``int`` when the value is whole (amounts in base units almost always are)."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
