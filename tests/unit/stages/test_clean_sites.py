"""Cleaning real sites: bylines, editor lines, source links, © notices, link lists, dates from the
URL and Republic-of-China years; the main text of saved portal pages; HTML inside record fields.

Hand-written edge cases first (each rule, and the sentence it must leave alone), then every
news-dev file."""
from __future__ import annotations

import json

import pytest
from conftest import shared_corpus
from zhaoshang.stages.clean import clean, iso_date, roc_date, url_date
from zhaoshang.stages.ingest import field_text, html_to_text, read_file
from zhaoshang.stages.process import load_corpus

ARTICLE = ("某市招商局昨日举行项目签约仪式，共签约项目12个，总投资86亿元。\n"
           "市委书记张三表示，将持续优化营商环境，为企业提供全流程服务。\n"
           "据介绍，今年以来该市已引进亿元以上项目35个。")


def _body(*lines: str, meta: dict | None = None) -> str:
    return clean("\n".join(("某市签约12个项目总投资86亿元",) + lines), meta=meta).body


@pytest.mark.parametrize("furniture", [
    "责任编辑：刘亮", "编辑：陈平丽", "責任編輯：王小明", "发稿：李四", "審校：陳大文", "审校: 赵六",
    "值班编辑：孙七", "记者 王小明 通讯员 李华", "本报记者 张三", "证券时报记者 李小平", "文/张三",
    "■记者 王五", "原文链接：https://example.com/a.html", "原始網址：https://www.cna.com.tw/news/1.aspx",
    "© 2024 Reuters. All rights reserved.", "Copyright © 2011 阳光易购", "我们的标准：汤森路透“信任原则”",
    "王静宇制表", "图为签约仪式现场。（刘通摄）", "中国LED采购商圈：144695292", "招商服務單一窗口:06-2982810",
    "發稿單位：經濟發展局", "(新聞及國際關係處發布)",
])
def test_furniture_line_is_removed(furniture):
    body = _body(ARTICLE.split("\n")[0], furniture, *ARTICLE.split("\n")[1:])
    assert furniture not in body
    assert body.replace("\n", "") == ARTICLE.replace("\n", "")


@pytest.mark.parametrize("sentence", [
    "记者从市招商局了解到，今年以来共引进项目35个，总投资超过200亿元。",
    "编辑部设在市中心，记者张三和通讯员李华在现场采访了多家企业负责人。",
    "图书馆项目总投资2亿元，预计明年建成。",
    "该公司服务热线开通以来，累计接到企业咨询电话3000余个。",
    "“这一项目意义重大。”张三说。",
])
def test_article_sentences_that_look_like_furniture_stay(sentence):
    body = _body(sentence, *ARTICLE.split("\n"))
    assert sentence in body


def test_related_news_trailer_and_link_list_go():
    body = _body(*ARTICLE.split("\n"), "【相关新闻】", "某省举办招商推介会 2023-05-01", "某县签约项目 2023-04-28")
    assert body.replace("\n", "") == ARTICLE.replace("\n", "")
    body = _body(*ARTICLE.split("\n"), "推荐阅读：", "某省举办招商推介会", "某县签约项目")
    assert "推荐阅读" not in body and "某县签约项目" not in body


def test_link_entries_without_heading_go():
    body = _body(*ARTICLE.split("\n"), "- 吉利控股集团投资组建国际化企业文化智库 2012/02/17",
                 "- 吉利控股集团1104万英镑收编英国锰铜 2013/02/05")
    assert "锰铜" not in body and "智库" not in body


def test_reporter_name_closing_the_last_paragraph_goes():
    for tail in ("（张巨峰）", "（记者 王小明 通讯员 李华）", "（完）", "(记者 陈大文)"):
        body = _body(*ARTICLE.split("\n")[:-1], ARTICLE.split("\n")[-1] + tail)
        assert body.endswith("引进亿元以上项目35个。"), tail
    # a parenthesis inside the sentence stays
    body = _body(*ARTICLE.split("\n")[:-1], "总投资86亿元（含税）。")
    assert body.endswith("（含税）。")


def test_title_repeated_with_the_site_suffix():
    c = clean("东莞台博会落幕 创造采购商机逾20亿\n发布时间：2011-04-25\n发布人：-南方都市报\n" + ARTICLE,
              meta={"title": "东莞台博会落幕 创造采购商机逾20亿- 【阳光易购】"})
    assert c.title == "东莞台博会落幕 创造采购商机逾20亿"
    assert c.published == "2011-04-25"
    assert c.reprinted_from == "南方都市报"
    assert c.body == ARTICLE


def test_source_line_names_the_outlet():
    c = clean("标题\n" + ARTICLE + "\n本文来源：新华网 作者：黄晓南　谢彬彬\n责任编辑：NF055")
    assert c.reprinted_from == "新华网"
    assert c.body == ARTICLE


# ------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text, iso", [
    ("發稿時間：111年2月15日16:35", "2022-02-15"),
    ("民國109年12月26日", "2020-12-26"),
    ("中華民國 98 年 3 月 1 日", "2009-03-01"),
    ("109年12月26日", "2020-12-26"),
    ("Sun, 24 Mar 2024 00:00:00 +0800", "2024-03-24"),
    ("2024年3月5日", "2024-03-05"),
])
def test_dates(text, iso):
    assert iso_date(text) == iso


def test_roc_needs_a_day_and_a_plausible_year():
    assert roc_date("108年迄今") is None
    assert roc_date("近10年来(99年~108年)") is None
    assert iso_date("增长了150年12月") is None


@pytest.mark.parametrize("url, iso", [
    ("http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html", "2016-11-22"),
    ("https://www.news.gov.hk/chi/2024/03/20240324/20240324_103302_003.html", "2024-03-24"),
    ("http://www.gov.cn/xinwen/2019-09/18/content_5431234.htm", None),
    ("http://www.example.com/202403/t20240305_123.html", "2024-03-05"),
    ("https://www.tainan.gov.tw/News_Content.aspx?n=13370&s=3752051", None),
    (None, None),
])
def test_url_dates(url, iso):
    assert url_date(url) == iso


def test_page_without_a_date_takes_the_url_date():
    c = clean("标题\n" + ARTICLE, meta={"url": "http://fgw.zj.gov.cn/art/2016/11/22/art_1.html"})
    assert c.published == "2016-11-22"
    c = clean("标题\n发布时间：2017-01-02\n" + ARTICLE, meta={"url": "http://x.cn/art/2016/11/22/a.html"})
    assert c.published == "2017-01-02"  # the page's own date wins


# ------------------------------------------------------------------------ HTML in record fields


def test_html_field_is_read_as_html():
    text = field_text('<img src="a.jpg"/><p><p>第一段，投資推廣署已協助58個家族辦公室。</p><p> </p>'
                      '<p>第二段<a>文章</a>：</p><script>var x=1;</script>')
    assert text == "第一段，投資推廣署已協助58個家族辦公室。\n第二段文章："
    assert field_text("大陸台商參訪聯誼活動&mdash;逗陣遊府城") == "大陸台商參訪聯誼活動—逗陣遊府城"
    assert field_text("a < b 且 c > d") == "a < b 且 c > d"


def test_rss_record_with_html_description(tmp_path):
    rec = {"title": "推動家族辦公室落戶香港", "link": "https://www.news.gov.hk/chi/2024/03/20240324/x.html",
           "pubDate": "Sun, 24 Mar 2024 00:00:00 +0800",
           "description": "<p>財政司司長陳茂波撰文指，投資推廣署已協助58個家族辦公室在港成立。</p>"}
    only_markup = {"title": "t", "description": "<p> </p><img src='a.jpg'/>"}
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n" + json.dumps(only_markup) + "\n", encoding="utf-8")
    doc, failure = read_file(f, "feed.jsonl")
    assert doc.raw_text == "財政司司長陳茂波撰文指，投資推廣署已協助58個家族辦公室在港成立。"
    assert "markup" in failure.error
    docs, _ = load_corpus(f)
    assert docs[0].published == "2024-03-24"


# ------------------------------------------------------------------------------ saved pages


PORTAL = """<html><head><title>某省签约大会 - 某省人民政府门户网站</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">办事服务</a> <a href="/c">互动交流</a></div>
<div class="side"><ul>{links}</ul></div>
<div class="article"><h1>某省签约大会</h1>
<p>{p1}</p><p>{p2}</p><p>{p3}</p></div>
<div class="foot">版权所有：某省人民政府办公厅 京ICP备05070218号</div></body></html>"""


def test_portal_page_main_text_leaves_navigation_and_sidebars():
    links = "".join(f"<li><a href='/n{i}'>某地第{i}个重大项目集中开工仪式举行</a></li>" for i in range(40))
    p1, p2, p3 = ("昨日，某省招商引资项目签约大会在省会举行，现场签约项目86个，总投资1200亿元，涉及新能源、"
                  "新材料、高端装备等领域，签约项目数量和投资额均创历年新高。",
                  "省委书记在致辞中表示，将以最优的服务、最好的环境欢迎各方客商来投资兴业，为项目落地提供全程帮办代办服务。",
                  "据了解，今年以来全省共引进省外资金3000亿元，同比增长12.5%。")
    title, text = html_to_text(PORTAL.format(links=links, p1=p1, p2=p2, p3=p3))
    assert title == "某省签约大会 - 某省人民政府门户网站"
    assert p1 in text and p2 in text and p3 in text
    assert "重大项目集中开工" not in text and "政务公开" not in text


def test_template_directives_are_not_text():
    _, text = html_to_text('<%@ page pageEncoding="UTF-8"%><meta charset=UTF-8><p>'
                           + "某公司宣布在当地投资建设新工厂，总投资达到十亿元人民币。" * 3
                           + '</p><%@ include file="/foot.jsp" %>')
    assert "<%" not in text and "pageEncoding" not in text


# ------------------------------------------------------------------------------ news-dev


FURNITURE = ("责任编辑", "責任編輯", "编辑：", "發稿", "审校", "原文链接", "原始網址", "版权所有", "©",
             "相关新闻", "推荐阅读", "相关推荐", "热播榜", "全部评论", "<%", "%>", "发布人", "发布时间",
             "采购商圈", "本文来源", "分享到", "扫一扫", "ICP")


@pytest.fixture(scope="module")
def news_dev():
    docs, errors = load_corpus(shared_corpus("news-dev"))
    return docs, errors


def test_news_dev_every_record_is_read(news_dev):
    docs, errors = news_dev
    assert errors == []
    assert len(docs) == 98
    assert all(d.published for d in docs)


def test_news_dev_bodies_carry_no_furniture(news_dev):
    docs, _ = news_dev
    left = [(d.doc_id, f) for d in docs for f in FURNITURE if f in d.body or f in d.simplified]
    assert left == []


def test_news_dev_portal_page_is_the_article(news_dev):
    docs, _ = news_dev
    page = next(d for d in docs if d.doc_id == "shanxigov_01")
    # the article read by hand: 8 paragraphs, 977 characters without the photo caption and byline
    assert 900 < len(page.body) < 1100
    assert page.body.startswith("跨越千山万水")
    assert page.body.endswith("乌拉圭、阿根廷举行。")


def test_news_dev_traditional_sources(news_dev):
    docs, _ = news_dev
    hk = [d for d in docs if d.doc_id.startswith("newsgovhk_01#")]
    assert len(hk) == 6 and all(d.script == "traditional" for d in hk)
    assert [d.published for d in hk][:2] == ["2024-03-24", "2024-04-17"]
    tn = next(d for d in docs if d.doc_id == "tainan_01#8")
    assert tn.body.startswith("台南市長黃偉哲上任後")
    assert tn.reprinted_from is None  # 發稿單位 is the issuing office, not a source reprinted
