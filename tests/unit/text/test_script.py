"""Script detection and the character-aligned Simplified view."""
from __future__ import annotations

from conftest import shared_corpus
from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang.text.script import detect_script, to_simplified, to_traditional


def test_detect_script():
    assert detect_script("山東創新招商引資模式 激活產業振興") == "traditional"
    assert detect_script("山东创新招商引资模式 激活产业振兴") == "simplified"
    assert detect_script("產業鏈招商与营商环境并重，營商環境与产业链招商并重") == "mixed"
    assert detect_script("2023 GDP") == "none"
    assert detect_script("中国人民") == "simplified"  # no telling characters: Simplified by default


def test_simplified_view_keeps_offsets():
    text = "“通過產業鏈招商，安丘把一群有產業關聯的企業串成‘產業糖葫蘆’。”"
    simp = to_simplified(text)
    assert len(simp) == len(text)
    assert simp.index("产业链招商") == text.index("產業鏈招商")
    assert to_traditional("产业链招商") == "產業鏈招商"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("產業鏈招商營環境發展關聯乾坤乾隆著名瞭解後面裡面於是週末，。“”\n 12")), max_size=80))
def test_alignment_holds_for_any_text(text):
    assert len(to_simplified(text)) == len(text)


def test_national_gwr_scripts():
    root = shared_corpus("national-gwr")
    t1954 = (root / "1954年中华人民共和国国务院政府工作报告.txt").read_text(encoding="utf-8")
    t2024 = (root / "2024年中华人民共和国国务院政府工作报告.txt").read_text(encoding="utf-8")
    assert detect_script(t1954) == "traditional"
    assert detect_script(t2024) == "simplified"
    assert len(to_simplified(t1954)) == len(t1954)
