"""Places in text, with parents from the gazetteer (script-insensitive via the Simplified view)."""
from __future__ import annotations

import pytest
from zhaoshang.text.places import find_places, gazetteer
from zhaoshang.text.script import to_simplified


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


# ---------------------------------------------------------------- places named in passing
# Sentences from ../shared/corpus (海拉尔区 and State Council work reports), expectations by hand.


def passing(text):
    return {m.text: m.passing for m in find_places(to_simplified(text))}


def test_destinations_after_zhi_are_in_passing():
    # 2016 海拉尔区 report: flight destinations
    got = passing("海拉尔区开通了海拉尔至乌兰巴托、赤塔、韩国、台湾、香港等国际及地区航线10条")
    assert got == {"海拉尔区": False, "海拉尔": False, "韩国": True, "台湾": True, "香港": True}
    # 2012: 新开通海拉尔至香港、上海等6条航线
    assert passing("海拉尔区新开通海拉尔至香港、上海等6条航线") == {"海拉尔区": False, "海拉尔": False,
                                                             "香港": True, "上海": True}
    # 2012: 海拉尔至俄蒙及台湾地区的3条航线 (a list after 至 joined by 及)
    assert passing("年内新开通海拉尔至俄蒙及台湾地区的3条航线")["台湾"] is True


def test_enumeration_ending_in_deng_is_in_passing():
    # 1956 State Council report: places that open the names of listed works
    got = passing("将要新建安徽响洪甸水库、江苏新洋港水闸等２４个大型水利工程")
    assert got.get("江苏") is True and got.get("安徽", True) is True
    # 1959: a list closed by 和其他
    got = passing("此外，还在青海、甘肃、新疆、云南、四川、贵州和其他若干省、自治区内成立了二十九个自治州")
    assert set(got) == {"青海", "甘肃", "新疆", "云南", "四川", "贵州"} and all(got.values())
    # 2019 海拉尔区: 学习浙江……经验
    assert passing("要认真学习浙江“千村示范、万村整治”经验") == {"浙江": True}


@pytest.mark.parametrize("text, place", [
    ("海拉尔区围绕食品、装备等产业", "海拉尔区"),   # the subject of a clause whose object is a list
    ("在同属菏泽市的定陶区", "菏泽市"),             # the sample: 同属 is not 同 "with"
    ("定陶区在税收等方面给予我们", "定陶区"),
])
def test_subjects_are_not_in_passing(text, place):
    assert passing(text)[place] is False


def test_streets_and_landforms_are_not_places():
    # 2015/2013 海拉尔区: streets named after places; 2016: 大兴安岭森工集团 (the range, not 黑龙江's 地区)
    assert names("对海拉尔大街、贝尔大街等7条主干道路进行综合改造") == []
    assert names("做好中央街、满洲里路等主要街路亮化") == []
    assert names("总投资18.8亿元的大兴安岭森工集团棚户区改造异地安置工程") == []
    assert names("黑龙江省大兴安岭") == [("黑龙江省", "黑龙江省"), ("大兴安岭", "大兴安岭地区")]


# ---------------------------------------------------------------- the document's own place


HAILAR_HEAD = ("----2016年1月8日在海拉尔区第十五届人民代表大会第一次会议上\n海拉尔区人民政府区长\n各位代表：\n"
               "现在，我代表区政府向大会作工作报告，请予审议。\n")


def test_own_place_of_a_district_work_report():
    g = gazetteer()
    text = to_simplified(HAILAR_HEAD + "开通了海拉尔至香港等国际及地区航线10条。全区规模以上工业企业达到62户。"
                         "在全市奖励工作大会上，我区均榜上有名。该区")
    mentions, own = g.analyse(text, title="政府工作报告")
    assert (g.places[own.code].name, own.national, own.speaker) == ("海拉尔区", False, True)
    ana = {m.text: m.name for m in mentions if m.anaphor}
    # 全区/我区 are the district; 全市 its prefecture; never the 香港 named just before
    assert ana == {"全区": "海拉尔区", "全市": "呼伦贝尔市", "我区": "海拉尔区", "该区": "海拉尔区"}


def test_national_report_has_no_own_place_and_collective_words_stay_open():
    g = gazetteer()
    text = "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\n各位代表：上海市。全市、县的试点。"
    mentions, own = g.analyse(text)
    assert own.national and own.code is None
    assert [m.text for m in mentions if m.anaphor] == []


def test_collective_word_in_an_article_resolves_to_the_last_place_of_its_kind():
    # the sample article: 全县 after 临沂市费县 is 费县, although the article opens in 安丘市
    text = "项目最终选择在潍坊市安丘市落地。在临沂市费县探沂镇源吉龙高档木地板项目施工现场。在全县范围开展活动。"
    ana = {m.text: m.name for m in find_places(text) if m.anaphor}
    assert ana == {"全县": "费县"}


@pytest.mark.parametrize("text", ["全区域统筹", "本区域内", "全市场主体"])
def test_collective_words_inside_other_words(text):
    assert [m for m in find_places(text) if m.anaphor] == []


# ---------------------------------------------------------------- issue 13: names that are not where a figure is


@pytest.mark.parametrize("text, place", [
    ("项目位于青岛市香港中路", "香港"),         # a road, with a direction
    ("门店开在太原1路", "太原"),               # a road, with a number
    ("展厅设在西安南大街", "西安"),
])
def test_roads_named_after_places_are_not_places(text, place):
    assert place not in {m.text for m in find_places(to_simplified(text)) if not m.passing}


@pytest.mark.parametrize("text, place", [
    ("香港喜来登国际大酒店投资5亿元", "香港"),
    ("台湾联电集团投资10亿元", "台湾"),
    ("武汉城市圈完成投资300亿元", "武汉"),
    ("鞍山钢铁公司的大型轧钢厂", "鞍山"),
])
def test_firms_hotels_and_clusters_named_after_places_give_no_place(text, place):
    assert passing(text)[place] is True


@pytest.mark.parametrize("text, place", [
    ("大体相当于解放前北京市的全部房屋面积的六倍", "北京市"),
    ("人均收入比上海高出一成", "上海"),
])
def test_places_in_comparisons_give_no_place(text, place):
    assert passing(text)[place] is True


def test_a_place_that_does_something_still_counts():
    # 海拉尔区引进…集团: the district does the bringing in; it is no part of the firm's name
    assert passing("海拉尔区引进内蒙古伊泰集团投资5亿元")["海拉尔区"] is False


@pytest.mark.parametrize("text", [
    "全省年平均日照时数2200小时",      # sunshine, not 日照市
    "保证国家的长治久安",              # a set phrase, not 长治市
    "巩固工农联盟",                    # not 工农区
    "科学技术现代化的宏伟目标",         # not 宏伟区
])
def test_a_short_name_opening_a_longer_word_is_no_place(text):
    assert names(text) == []


def test_a_city_named_as_such_is_still_found():
    assert names("山东日照市投资10亿元") == [("山东", "山东省"), ("日照市", "日照市")]
    assert names("在日照投资建厂") == [("日照", "日照市")]
    assert names("山西长治市新签约项目") == [("山西", "山西省"), ("长治市", "长治市")]


@pytest.mark.parametrize("text, place, expected", [
    ("除四川双马外，其余4家公司涉及的项目资金额都不大", "四川", True),      # an exception
    ("除了上海以外，各地签约额都有增长", "上海", True),
    ("上海除外资项目外还引进内资", "上海", False),                         # 除 after the place: not its exception
])
def test_a_place_left_out_by_an_exception_gives_no_place(text, place, expected):
    assert passing(text)[place] is expected


def test_a_firm_named_after_its_place_in_a_list_of_firms_gives_no_place():
    text = "江西水泥、亚泰集团、塔牌集团等诸多二、三线水泥企业投资砂石业务"
    assert passing(text)["江西"] is True
    # a place in a list of places stays one (浙江、江苏等地)
    assert passing("浙江、江苏等地的企业")["浙江"] is True
    # a place whose clause goes on with a verb is no member of the list
    assert passing("大连数谷经济区迎来了中国电子、华为技术、阿里云等12家新入驻企业")["大连"] is False


def test_the_venue_of_another_places_promotion_is_in_passing():
    text = "2024年河南省（深圳）招商推介会在深圳举行"
    found = [(m.text, m.passing) for m in find_places(text)]
    assert found == [("河南省", False), ("深圳", True), ("深圳", True)]
    # the host of its own fair is not
    text = "第三届中国（合肥）国际智能制造博览会在合肥开幕"
    assert [m.passing for m in find_places(text) if m.text == "合肥"] == [False, False]


@pytest.mark.parametrize("text, place", [
    ("新华社北京2月15日电（记者李明）商务部15日发布数据", "北京"),          # a dateline
    ("本报上海3月1日讯 记者获悉", "上海"),
    ("中新网上海3月1日电 记者获悉", "上海"),
    ("该项目由深圳一家新能源科技企业投资建设", "深圳"),                    # an unnamed firm of a place
    ("贵州已连续5年在深圳举办产业招商推介会，累计签约金额超过2000亿元", "深圳"),  # the venue, promotion after
    ("按来源地划分，内地企业占最多，其次为美国及英国，分别有101家及69家", "美国"),  # a ranking of origins
    ("由苏州本地企业投资的生物医药产业园项目总投资8亿元", "苏州"),       # the firms of a place
    ("由泉州起家的鞋服企业在此投资12亿元", "泉州"),                    # where a firm started
    ("该园区距杭州萧山机场约30公里，今年签约项目20个", "杭州"),          # a distance, a yardstick
    ("总部位于广东佛山的家电企业宣布在此投资30亿元", "佛山"),            # where a firm's head office is
    ("9月8日，虎门镇在香港举办招商推介会，签约项目12个", "香港"),         # the venue of a town's promotion
    ("今年上半年，新引进深圳企业42家，实际到位投资15亿元", "深圳"),       # firms drawn in, from there
    ("新引进浙江籍企业12家", "浙江"),
])
def test_datelines_unnamed_firms_venues_and_origins_are_in_passing(text, place):
    assert passing(text).get(place, True) is True  # in passing, or no mention at all (本报上海: 报上)


def test_where_the_figure_is_is_not_in_passing():
    assert passing("深圳新签约项目120个")["深圳"] is False
    assert passing("苏州企业今年在宿迁投资20亿元")["宿迁"] is False
    assert passing("来自深圳的一家电池企业将在简阳市投资建设基地")["简阳市"] is False  # 深圳 is, not 简阳
    assert passing("在深圳打拼多年的仙桃市籍企业家张先生带回一个项目")["仙桃市"] is False  # a person of the place
    assert passing("9月8日，虎门镇在香港设立招商联络处")["香港"] is False  # not a promotion held there
    assert passing("今年以来在深圳落地的项目有120个")["深圳"] is False
    # a ranking of where, not of origins
    assert passing("签约额以广州最多，其次为深圳")["深圳"] is False


def test_a_county_short_name_before_its_zone_counts():
    # 昆山 alone counts only beside 苏州 (it is gated); before 开发区 it is the county-level city
    assert ("昆山", "昆山市") in names("去年，昆山开发区新签约项目138个。")
    assert ("杭州湾新区", "宁波杭州湾新区") in names("在宁波杭州湾新区建设智能制造基地") or \
        ("宁波杭州湾新区", "宁波杭州湾新区") in names("在宁波杭州湾新区建设智能制造基地")
    assert "杭州市" not in {n for _, n in names("在宁波杭州湾新区建设智能制造基地")}


@pytest.mark.parametrize("text, name", [
    ("在长沙，今年上半年签约的62个重大项目中", "长沙市"),    # 长沙县 shares the short name: the city holds it
    ("南昌今年新签约项目80个", "南昌市"),
    ("铁岭地区", "铁岭市"),
])
def test_a_citys_short_name_shared_with_its_own_county_is_the_city(text, name):
    assert name in {m.name for m in find_places(text)}
    # the county named in full is the county
    assert "南昌县" in {m.name for m in find_places("南昌县今年新签约项目30个")}
