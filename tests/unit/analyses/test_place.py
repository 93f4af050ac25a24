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
