"""Places in text, with parents from the gazetteer (script-insensitive via the Simplified view)."""
from __future__ import annotations

import pytest

from zhaoshang.places import find_places, gazetteer
from zhaoshang.script import to_simplified


def names(text):
    return [(m.text, m.name) for m in find_places(to_simplified(text))]


def test_gazetteer_is_complete():
    g = gazetteer()
    levels = {}
    for p in g.places.values():
        levels[p.level] = levels.get(p.level, 0) + 1
    assert levels["province"] == 34
    assert levels["prefecture"] >= 330
    assert levels["county"] >= 2800
    assert levels["zone"] >= 10


@pytest.mark.parametrize("name, chain", [
    ("鲁西新区", ["鲁西新区", "菏泽市", "山东省"]),
    ("定陶区", ["定陶区", "菏泽市", "山东省"]),
    ("齐鲁高新区", ["齐鲁高新区", "齐河县", "德州市", "山东省"]),
    ("费县", ["费县", "临沂市", "山东省"]),
    ("海拉尔区", ["海拉尔区", "呼伦贝尔市", "内蒙古自治区"]),
    ("浦东新区", ["浦东新区", "上海市"]),
])
def test_chain(name, chain):
    (m,) = find_places(name)
    assert [p.name for p in gazetteer().chain(m.code)] == chain


def test_traditional_text_matches():
    assert names("在同屬菏澤市的定陶區") == [("菏泽市", "菏泽市"), ("定陶区", "定陶区")]


def test_longest_match_and_alias():
    assert names("在菏泽鲁西新区项目签约仪式上") == [("菏泽鲁西新区", "鲁西新区")]


def test_chain_of_mentions():
    got = names("在德州市齐河县齐鲁高新区中关村生命健康科学城内")
    assert [n for _, n in got] == ["德州市", "齐河县", "齐鲁高新区", "中关村生命健康科学城"]


def test_anaphora_resolve_to_last_place_of_that_kind():
    text = "在菏泽鲁西新区项目签约仪式上。在临沂市费县探沂镇。今年上半年，该区新签约项目61个。上半年该县已累计签约项目59个"
    got = [(m.text, m.name, m.anaphor) for m in find_places(text)]
    assert ("该区", "鲁西新区", True) in got
    assert ("该县", "费县", True) in got


def test_short_names():
    # a prefecture's short name is enough; a county's only beside its prefecture or full name
    assert names("菏泽、潍坊") == [("菏泽", "菏泽市"), ("潍坊", "潍坊市")]
    assert ("安丘", "安丘市") in names("潍坊市安丘市…安丘把一群企业")
    assert names("安丘把一群企业") == []


@pytest.mark.parametrize("text", ["老城区改造", "和政府一起", "建华路", "沿河而建", "新建区域", "黄河北岸"])
def test_ordinary_words_are_not_places(text):
    assert names(text) == []


def test_ambiguous_name_resolved_by_context():
    # 鼓楼区 exists in 南京, 福州, 徐州, 开封
    (m,) = [m for m in find_places("福州市鼓楼区") if m.name == "鼓楼区"]
    assert gazetteer().places[m.code].parent == gazetteer().places["350100"].code
    (m,) = find_places("鼓楼区")
    assert m.code is None


def test_level_names():
    g = gazetteer()
    (m,) = find_places("鲁西新区")
    assert g.level_names(m.code) == {"province": "山东省", "prefecture": "菏泽市", "county": None}
