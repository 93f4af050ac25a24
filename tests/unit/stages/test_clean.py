"""Cleaning: metadata into fields, boilerplate out of the body, on real and hand-made pages."""
from __future__ import annotations

import re

import pytest
from conftest import shared_corpus
from zhaoshang import paths
from zhaoshang.stages.clean import clean, iso_date, join_broken_lines
from zhaoshang.stages.process import load_document


@pytest.fixture(scope="module")
def sample():
    return load_document(paths.SAMPLE_ARTICLE)


def test_sample_metadata(sample):
    assert sample.title == "山東創新招商引資模式 激活產業振興“新引擎”"
    assert sample.published == "2023-08-23"
    assert sample.site == "中國產業經濟信息網"
    assert sample.reprinted_from == "中國新聞網"
    assert sample.script == "traditional"


def test_sample_body_has_no_boilerplate(sample):
    body = sample.body
    for junk in ("版權", "免責", "010-65363056", "ICP", "公網安備", "延伸閱讀", "熱點視頻", "熱點新聞",
                 "熱點輿情", "微信公眾號", "轉自", "時間:"):
        assert junk not in body, junk
    assert not re.search(r"^\s*\?\s*$", body, re.M)  # the stray icon placeholder
    # the article itself is all there: first and last sentences
    assert body.startswith("“項目最終選擇在安丘市落地")
    assert body.endswith("營造“近悅遠來”的投資環境。")


def test_sample_body_has_no_pinyin_or_mojibake(sample):
    assert not re.search(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", sample.body)
    assert "?" not in sample.body
    # One character is lost for good: the last of the slogan “雙定+雙?” (its lead byte is gone and ~20
    # Traditional characters share the surviving trail byte A3; a copy of the article elsewhere reads 双专).
    # It must be marked and counted, not guessed and not dropped.
    assert sample.body.count("\ufffd") == sample.n_unrecovered == 1
    assert "“雙定+雙\ufffd”招商機制" in sample.body
    for repaired in ("當地良好的交通區位條件", "。“通過產業鏈招商", "。”嘉澤電子新材料有限公司董事長陳衛健說"):
        assert repaired in sample.body


def test_simplified_view_is_aligned(sample):
    assert len(sample.simplified) == len(sample.body)
    i = sample.body.index("產業鏈招商")
    assert sample.simplified[i:i + 5] == "产业链招商"


def test_handmade_page():
    page = "\n".join([
        "某縣召開招商大會", "", "某縣融媒體中心  發布時間：2024年1月5日", "",
        "  全縣簽約項目12個。", "來源：人民網", "責任編輯：張三",
        "【版權聲明】本網所有內容受保護。", "滬ICP備12345678號-1  滬公網安備31010102003456號",
        "■", "相關新聞", "另一篇新聞的標題",
    ])
    c = clean(page)
    assert c.title == "某縣召開招商大會"
    assert c.published == "2024-01-05"
    assert c.site == "某縣融媒體中心"
    assert c.reprinted_from == "人民網"
    assert c.body == "全縣簽約項目12個。"


def test_meta_wins_over_guesses():
    c = clean("標題行\n正文第一句。", meta={"title": "給定標題", "published": "2023/8/23", "site": "某網"})
    assert (c.title, c.published, c.site) == ("給定標題", "2023-08-23", "某網")
    assert c.body == "標題行\n正文第一句。"


def test_sentence_mentioning_icp_is_kept():
    text = "题目\n该企业于2020年取得增值电信业务经营许可证，其京ICP备11041399号是在当地主管部门办理的，并持续经营至今。"
    assert "京ICP备" in clean(text).body


@pytest.mark.parametrize("s,iso", [("时间:2023-08-23", "2023-08-23"), ("2023年8月3日", "2023-08-03"),
                                   ("——2024年3月5日在第十四届", "2024-03-05"), ("2023.13.40", None), ("无日期", None)])
def test_iso_date(s, iso):
    assert iso_date(s) == iso


def test_broken_lines_joined_but_headings_kept():
    lines = ["一、2023年工作回顾", "过去一年，是全面贯彻党的二十大精神的开局之年，我们在听了刘少奇同志", "关于宪法草案的报告",
             "并进行了讨论。", "二、今年工作"]
    assert join_broken_lines(lines) == ["一、2023年工作回顾",
                                        "过去一年，是全面贯彻党的二十大精神的开局之年，我们在听了刘少奇同志关于宪法草案的报告并进行了讨论。",
                                        "二、今年工作"]


def test_national_gwr_dates_and_titles():
    root = shared_corpus("national-gwr")
    d2024 = load_document(root / "2024年中华人民共和国国务院政府工作报告.txt")
    assert d2024.title == "政府工作报告" and d2024.published == "2024-03-05"
    assert d2024.body.startswith("——2024年3月5日") or "各位代表" in d2024.body[:200]


MARKDOWN_PAGE = ("# 《新闻联播》（20230723）\n\n## 新闻摘要\n\n"
                 "### 辽宁发挥产业优势 助力招商引资\n\n"
                 "**央视网消息**（新闻联播）：辽宁围绕优势产业推进招商引资，今年前5个月，固定资产投资同比增长5.5%。\n\n"
                 "> 6月底，29家央企与辽宁签约64个项目，总投资超过2300亿元。\n\n"
                 "- 在盘锦，总金额超800亿元的石化项目加速推进。\n")


def test_markdown_markup_is_layout_not_text():
    c = clean(MARKDOWN_PAGE, markdown=True)
    assert c.title == "《新闻联播》（20230723）"
    assert not re.search(r"[#*>]", c.body)
    assert "央视网消息（新闻联播）：辽宁围绕优势产业" in c.body
    assert "\n6月底，29家央企" in "\n" + c.body and "\n在盘锦" in "\n" + c.body
    # the offsets still point into the text as written: the body's 央 is the repaired text's 央
    start = c.body.index("央视网消息")
    run = next(r for r in c.body_map if r[0] <= start < r[0] + r[2])
    assert MARKDOWN_PAGE[run[1] + start - run[0]:][:5] == "央视网消息"
    # a plain-text file keeps its asterisks: they may be the text's own
    assert "**央视网消息**" in clean(MARKDOWN_PAGE).body


def test_the_news_digest_in_markdown_reads_without_its_markup():
    d = load_document(shared_corpus("news-dev") / "cctv_23.md")
    assert d.title == "《新闻联播》（20230723）"
    assert "**" not in d.body and not re.search(r"(?m)^#", d.body)
