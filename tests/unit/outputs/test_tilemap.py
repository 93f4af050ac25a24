"""The tile map of China: every province once, each roughly where it lies."""
from __future__ import annotations

from zhaoshang import resources
from zhaoshang.outputs.plots.tilemap import tile_for, tiles


def _provinces() -> set[str]:
    rows = [ln.split("\t") for ln in resources.data_lines("gazetteer/divisions.tsv")[1:]]
    return {r[1] for r in rows if r[3] == "province"}


def test_every_province_once_on_its_own_square():
    ts = tiles()
    assert sorted(t.name for t in ts) == sorted(_provinces())  # all 34, none twice
    assert len({(t.row, t.col) for t in ts}) == len(ts)


def _at(short):
    return tile_for(short)


def test_positions_follow_geography():
    west_of = [("新疆", "甘肃"), ("西藏", "四川"), ("四川", "重庆"), ("广西", "广东"), ("河南", "山东"),
               ("江苏", "上海"), ("北京", "天津"), ("福建", "台湾"), ("澳门", "香港")]
    north_of = [("黑龙江", "吉林"), ("吉林", "辽宁"), ("北京", "河北"), ("内蒙古", "山西"), ("湖北", "湖南"),
                ("四川", "云南"), ("江苏", "浙江"), ("浙江", "福建"), ("广东", "海南"), ("新疆", "西藏")]
    for a, b in west_of:
        assert _at(a).col < _at(b).col, (a, b)
    for a, b in north_of:
        assert _at(a).row < _at(b).row, (a, b)


def test_names_in_either_script_and_full_form():
    assert tile_for("廣東省") == tile_for("广东") == tile_for("440000")
    assert tile_for("新疆维吾尔自治区").short == "新疆"
    assert tile_for("海拉尔区") is None
