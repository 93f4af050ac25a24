"""The document's own place (documents.csv place, place_code, place_level, province)."""
from __future__ import annotations

from conftest import make_doc
from zhaoshang.analyses.place import doc_place


def test_a_work_report_is_the_place_of_the_government_that_issues_it():
    doc = make_doc("——2016年2月19日在海拉尔区第十四届人民代表大会第五次会议上\n\n海拉尔区人民政府区长\n\n"
                   "各位代表：现在，我代表区人民政府向大会报告工作。全区招商引资取得新进展。",
                   title="海拉尔区人民政府工作报告")
    assert doc_place(doc) == {"place": "海拉尔区", "place_code": "150702", "place_level": "county",
                              "province": "内蒙古自治区"}


def test_a_report_of_the_state_council_is_national():
    doc = make_doc("各位代表：现在，我代表国务院，向大会报告政府工作。北京、上海等地率先试点。")
    assert doc_place(doc) == {"place": "全国", "place_code": None, "place_level": "country", "province": None}


def test_without_a_title_the_file_name_is_read_as_one():
    # national-gwr's 1985 report opens with 各位代表 and names 香港 before anything national
    doc = make_doc("各位代表：\n\n刚刚过去的一年，终于圆满地解决了香港问题。",
                   path="1985年中华人民共和国国务院政府工作报告.txt")
    assert doc_place(doc)["place"] == "全国"


def test_a_story_names_its_main_place_in_the_title_and_shown_in_its_script():
    doc = make_doc("臺南市政府今日表示，南科新廠房竣工，臺南投資環境優良。", title="臺南市招商引資 排除投資障礙")
    got = doc_place(doc)
    assert got["place_code"] == "710500" and got["place"] == "臺南市" and got["place_level"] == "prefecture"


def test_a_story_that_names_no_place_has_none():
    doc = make_doc("某企业负责人表示，将继续加大投资力度。", title="企业加大投资")
    assert doc_place(doc) == {"place": None, "place_code": None, "place_level": None, "province": None}


def test_a_story_is_about_the_place_its_headline_names_not_the_one_its_opening_repeats():
    # the sample article: about Shandong's investment promotion, its first example 安丘市
    doc = make_doc("“項目最終選擇在安丘市落地。”近年來,濰坊市安丘市圍繞四大主導產業招商。安丘市投促中心主任說。"
                   "以上只是山東創新招商引資模式的案例之一。", title="山東創新招商引資模式 激活產業振興“新引擎”")
    got = doc_place(doc)
    assert (got["place"], got["place_level"]) == ("山東省", "province")


def test_the_most_specific_of_the_headline_places_read_with_the_opening():
    # 枣阳 alone is a gated short name: it counts beside its prefecture, which the opening names
    doc = make_doc("襄阳市枣阳市是千年古城，近年来枣阳招商引资成效明显。", title="湖北枣阳：千年古城新时代焕发新生机")
    assert doc_place(doc)["place"] == "枣阳市"
