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
