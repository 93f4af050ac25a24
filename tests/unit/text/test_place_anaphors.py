"""Where a text refers back to a place (zhaoshang.text.place_anaphors): hand-written sentences."""
from __future__ import annotations

import pytest

from zhaoshang.text.place_anaphors import ANY, anaphors


def words(text: str) -> list[tuple[str, str]]:
    return [(text[i:i + n], kind) for i, n, kind, _levels in anaphors(text)]


def test_the_kinds_of_anaphor():
    assert words("该区今年签约项目12个，全县新增企业30家，我市到位资金5亿元") == [
        ("该区", "ref"), ("全县", "collective"), ("我市", "deictic")]
    assert words("市府也端出15案招商案件") == [("市府", "deictic")]
    (_, _, kind, levels), = anaphors("150家企业在这里组团发展")
    assert kind == "local" and levels == ANY


@pytest.mark.parametrize("text, expected", [
    ("2025年，全市实际使用外资4.86亿美元，保持全省第二位", [("全市", "collective")]),  # 全省 a yardstick
    ("长沙市实际使用外资8.2亿美元，约占全省的44%", []),
    ("成都市作为全省招商引资的主阵地", []),
    ("签约额居全市首位", []),
    ("全市场化运作", []),   # another word
])
def test_the_whole_as_a_yardstick_or_another_word_is_none(text, expected):
    assert words(text) == expected
