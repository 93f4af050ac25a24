"""Numbers in Chinese text parse exactly (Decimal), whatever the script of the digits."""
from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang.text.numbers import fold_digits, magnitude_value, parse_number, to_int_if_whole


@pytest.mark.parametrize("text, expected", [
    ("298亿", 29_800_000_000),
    ("16.4亿", 1_640_000_000),
    ("189.4亿", 18_940_000_000),
    ("1.2万亿", 1_200_000_000_000),
    ("3千万", 30_000_000),
    ("二百九十八亿", 29_800_000_000),
    ("一千亿", 100_000_000_000),
    ("百亿", 10_000_000_000),
    ("２．４５亿", 245_000_000),
    ("1,234", 1234),
    ("12，345", 12345),
    ("十二", 12),
    ("一百零五", 105),
    ("三亿五千万", 350_000_000),
    ("二点五亿", 250_000_000),
    ("两千三百万", 23_000_000),
    ("0.5万", 5000),
    ("一万亿", 10**12),
    ("壹佰贰拾", 120),
    ("七十", 70),
])
def test_parse_number(text, expected):
    assert to_int_if_whole(parse_number(text)) == expected


def test_decimal_exactness():
    # 16.4 * 10**8 in floating point is 1639999999.9999998
    assert 16.4 * 10**8 != 1640000000
    assert parse_number("16.4亿") == Decimal(1640000000)
    assert to_int_if_whole(parse_number("0.1亿")) == 10_000_000


def test_fractional_stays_decimal():
    assert to_int_if_whole(parse_number("1,234.5")) == Decimal("1234.5")


def test_fold_digits_keeps_length():
    s = "２．４５亿元，１２３"
    assert len(fold_digits(s)) == len(s)
    assert fold_digits(s) == "2.45亿元，123"


@pytest.mark.parametrize("mag, value", [("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7),
                                        ("百亿", 10**10), ("", 1)])
def test_magnitude_value(mag, value):
    assert magnitude_value(mag) == value


def test_not_a_number():
    with pytest.raises(ValueError):
        parse_number("")


# ---------------------------------------------------------------- property-based

_FW = str.maketrans("0123456789.", "０１２３４５６７８９．")
_MAGS = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}


@st.composite
def amounts(draw):
    """(text, value): a random amount with up to two decimals and a magnitude."""
    whole = draw(st.integers(min_value=0, max_value=99_999))
    cents = draw(st.integers(min_value=0, max_value=99))
    decimals = draw(st.sampled_from([0, 1, 2]))
    mag = draw(st.sampled_from(list(_MAGS)))
    if decimals == 0:
        num = str(whole)
        value = Decimal(whole)
    elif decimals == 1:
        num = f"{whole}.{cents % 10}"
        value = Decimal(num)
    else:
        num = f"{whole}.{cents:02d}"
        value = Decimal(num)
    return num, mag, value * _MAGS[mag]


@settings(max_examples=300, deadline=None)
@given(amounts())
def test_roundtrip_arabic(a):
    num, mag, value = a
    assert parse_number(num + mag) == value


@settings(max_examples=300, deadline=None)
@given(amounts())
def test_roundtrip_fullwidth(a):
    num, mag, value = a
    assert parse_number(num.translate(_FW) + mag) == value


@settings(max_examples=300, deadline=None)
@given(amounts(), st.booleans())
def test_roundtrip_thousands_separator(a, fullwidth_comma):
    num, mag, value = a
    whole, _, frac = num.partition(".")
    grouped = f"{int(whole):,}".replace(",", "，" if fullwidth_comma else ",")
    text = grouped + ("." + frac if frac else "")
    assert parse_number(text + mag) == value


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**13 - 1))
def test_roundtrip_chinese_numerals(n):
    # cn2an is an independent formatter: 29800000000 -> 二百九十八亿
    text = cn2an.an2cn(str(n))
    assert parse_number(text) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_roundtrip_chinese_with_magnitude(n, mag):
    text = cn2an.an2cn(str(n)) + mag
    assert parse_number(text) == n * _MAGS[mag]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["千万", "百万", "十万", "百亿", "千亿"]))
def test_roundtrip_mixed(n, mag):
    # 3千万, 12百亿: Arabic digits before a compound magnitude
    assert parse_number(f"{n}{mag}") == n * magnitude_value(mag)


# ---------------------------------------------------------------- spoken and contract forms

from zhaoshang import resources  # noqa: E402
from zhaoshang.text.numbers import CURRENCIES, parse_span, vague_span  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    # a last digit after 万/亿/千/百 stands for the unit below (said, not written out)
    ("三万五", 35_000),
    ("一万二", 12_000),
    ("两千六", 2_600),
    ("一百五", 150),
    ("三亿五", 350_000_000),
    ("一百一", 110),
    # 零 keeps a place: the digit after it is the units, and a unit after it counts once
    ("一千零十", 1_010),
    ("十万零一", 100_001),
    ("一千零五", 1_005),
    ("一万零五百", 10_500),
    ("一亿零五", 100_000_005),
    # thousands after 亿 with 万 left out: 3亿5千 is said for 3亿5千万; 零 keeps the places
    ("3亿5千", 350_000_000),
    ("三亿五千二百", 352_000_000),
    ("1亿5仟", 150_000_000),
    ("3亿零5千", 300_005_000),
    # Arabic digits after 万
    ("1万600", 10_600),
    ("3万2500", 32_500),
    # 大写 of contracts, Traditional magnitudes too
    ("肆佰叁拾萬", 4_300_000),
    ("壹仟贰佰万", 12_000_000),
    ("玖仟玖佰玖拾玖", 9_999),
    ("贰億零伍佰萬", 205_000_000),
    ("３．２６亿", 326_000_000),
    ("1兆5千亿", 1_500_000_000_000),  # 兆 = 万亿 (money, Taiwan)
    ("1.8兆", 1_800_000_000_000),
])
def test_spoken_and_contract_forms(text, expected):
    assert to_int_if_whole(parse_number(text)) == expected


@pytest.mark.parametrize("text, low, high", [
    ("八九亿", 8 * 10**8, 9 * 10**8),
    ("一二百万", 1_000_000, 2_000_000),
    ("两三万", 20_000, 30_000),
    ("十七八万", 170_000, 180_000),
    ("三四十亿", 3 * 10**9, 4 * 10**9),
    ("四五千", 4_000, 5_000),
])
def test_neighbouring_digits_are_a_range(text, low, high):
    assert parse_span(text) == (low, high)


@pytest.mark.parametrize("text", ["二〇二三", "八九", "三十亿", "一五", "二三四万"])
def test_not_a_range(text):
    assert parse_span(text)[1] is None


def test_neighbouring_digits_before_a_measure_word():
    assert parse_span("八九", measured=True) == (8, 9)
    assert parse_span("二〇二三", measured=True) == (2023, None)


@pytest.mark.parametrize("text, low, high", [
    ("数十亿", 2 * 10**9, 9 * 10**9),
    ("几千万", 2 * 10**7, 9 * 10**7),
    ("数百亿", 2 * 10**10, 9 * 10**10),
    ("几万", 20_000, 90_000),
    ("上百亿", 10**10, 9 * 10**10),
    ("上千万", 10**7, 9 * 10**7),
    ("十几亿", 11 * 10**8, 19 * 10**8),
    ("二十几万", 210_000, 290_000),
    ("几个亿", 2 * 10**8, 9 * 10**8),
    ("好几百万", 2_000_000, 9_000_000),
    ("一百几十亿", 12 * 10**9, 19 * 10**9),
    ("三亿几千万", 320_000_000, 390_000_000),
])
def test_vague_span(text, low, high):
    assert vague_span(text) == (low, high)


@pytest.mark.parametrize("word, code", [
    ("美元", "USD"), ("欧元", "EUR"), ("日元", "JPY"), ("韩元", "KRW"), ("英镑", "GBP"), ("港元", "HKD"),
    ("港币", "HKD"), ("澳门元", "MOP"), ("新台币", "TWD"), ("台币", "TWD"), ("泰铢", "THB"), ("卢布", "RUB"),
    ("澳元", "AUD"), ("加元", "CAD"), ("新加坡元", "SGD"), ("瑞士法郎", "CHF"), ("元", "CNY"),
    ("人民币", "CNY"), ("圆", "CNY"), ("块钱", "CNY"), ("元新台币", "TWD"), ("元港币", "HKD"), ("日币", "JPY"),
])
def test_currency_codes(word, code):
    assert CURRENCIES[word] == code


def test_currency_table_is_package_data():
    assert "lexicon/currencies.tsv" in resources.REQUIRED
    codes = set(CURRENCIES.values())
    assert all(len(c) == 3 and c.isupper() for c in codes)


# ---------------------------------------------------------------- Chinese numerals from their rules

_SMALL = "零一二三四五六七八九"
_DAXIE = dict(zip("零一二三四五六七八九十百千万亿", "零壹贰叁肆伍陆柒捌玖拾佰仟萬億"))


def _section(n: int, liang: bool) -> str:
    """0 < n < 10000 in the standard form: 一千零五, 三百二十, 一十二 (the leading 一 of 十 stays here)."""
    out, zero, started = [], False, False
    for pos, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // pos % 10
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(("两" if liang and d == 2 and unit in "千百" and unit else _SMALL[d]) + unit)
        started = True
    return "".join(out)


def _write(n: int, liang: bool = False) -> str:
    """0 < n < 10¹⁶ in Chinese numerals, by the rules: sections of four digits under 万 and 亿; a
    gap of zeros (a lower part that does not fill its places) is one 零."""
    if n >= 10**8:
        hi, lo = divmod(n, 10**8)
        return _write(hi, liang) + "亿" + (("零" if lo < 10**7 else "") + _write(lo, liang) if lo else "")
    if n >= 10**4:
        hi, lo = divmod(n, 10**4)
        return _section(hi, liang) + "万" + (("零" if lo < 1000 else "") + _section(lo, liang) if lo else "")
    return _section(n, liang)


def test_writer_knows_the_rules():
    assert _write(100_001) == "一十万零一"
    assert _write(1_010) == "一千零一十"
    assert _write(205_000_000) == "二亿零五百万"
    assert _write(10**12 + 5) == "一万亿零五"
    assert _write(2_200, liang=True) == "两千两百"


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=1, max_value=10**16 - 1), st.booleans(), st.booleans(), st.booleans())
def test_roundtrip_generated_numerals(n, drop_leading_yi, liang, daxie):
    text = _write(n, liang)
    if drop_leading_yi and text.startswith("一十"):
        text = text[1:]  # 十二, 十万: the leading 一 of 十 is usually left out
    if daxie:
        text = "".join(_DAXIE.get(c, c) for c in text.replace("两", "二"))
    assert parse_number(text) == n, text


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_roundtrip_left_out_unit(a, b, mag):
    # 三万五 = 3·10⁴ + 5·10³: the digit after 万 (亿) stands for 千 (千万)
    word, size = mag
    assert parse_number(_write(a) + word + _SMALL[b]) == a * size + b * size // 10


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9),
       st.sampled_from([("百", 100), ("千", 1000)]))
def test_roundtrip_left_out_small_unit(a, b, unit):
    word, size = unit
    assert parse_number(_SMALL[a] + word + _SMALL[b]) == a * size + b * size // 10
