"""The place a government's website speaks for (text.site_places), from addresses of real portals."""
from __future__ import annotations

import pytest
from zhaoshang.text.places import gazetteer
from zhaoshang.text.site_places import central_government_site, local_site, site_place


@pytest.mark.parametrize("url, name", [
    ("http://www.weifang.gov.cn/xxgk/2023/t1.html", "潍坊市"),      # a city in full pinyin
    ("http://www.yishui.gov.cn/info/1234.html", "沂水县"),           # a county
    ("https://fgw.zj.gov.cn/art/2016/1.html", "浙江省"),            # a province's department, short label
    ("http://www.shanxi.gov.cn/", "山西省"),                        # shanxi is 山西, shaanxi 陕西
    ("http://www.shaanxi.gov.cn/", "陕西省"),
    ("http://www.henan.gov.cn/", "河南省"),                         # a province over the county spelt alike
    ("https://www.tainan.gov.tw/News_Content.aspx?n=1", "台南市"),
    ("https://www.kcg.gov.tw/", "高雄市"),                          # Taiwan's initials
    ("https://www.news.gov.hk/chi/2024/02/x.html", "香港特别行政区"),  # the top-level domain
    ("https://www.gov.mo/zh-hant/", "澳门特别行政区"),
])
def test_the_place_of_a_government_site(url, name):
    code = site_place(url, gazetteer())
    assert code is not None and gazetteer().places[code].name == name


@pytest.mark.parametrize("url", [
    "http://www.suzhou.gov.cn/",          # 苏州 and 宿州: not guessed
    "http://tv.cctv.com/2020/01/01/x.shtml",
    "http://www.gov.cn/zhengce/",         # the State Council: the country, not a place of the gazetteer
    "http://gov.example.com/",
    None, "", "not a url",
])
def test_no_place_for_other_sites(url):
    assert site_place(url, gazetteer()) is None


def test_the_state_councils_site_is_the_country():
    assert central_government_site("http://www.gov.cn/zhengce/2023-01/01/content_1.htm")
    assert not central_government_site("http://www.weifang.gov.cn/")


def test_a_ministrys_site_is_the_country():
    assert central_government_site("https://www.ndrc.gov.cn/xwdt/xwfb/202312/t20231214_1.html")
    assert central_government_site("http://www.mofcom.gov.cn/article/xwfb/1.shtml")
    assert not central_government_site("http://swt.hunan.gov.cn/x.html")   # a province's department


@pytest.mark.parametrize("url, code", [
    ("https://www.cna.com.tw/news/afe/202301200187.aspx", "710000"),      # under .tw
    ("https://money.udn.com/money/story/5612/3989245", "710000"),         # a Taiwan paper elsewhere
    ("https://news.mingpao.com/pns/article/20170118/s00004", "810000"),   # a Hong Kong paper elsewhere
    ("http://paper.wenweipo.com/2012/09/20/CH1209200012.htm", "810000"),
    ("https://www.info.gov.hk/gia/general/201701/18.htm", "810000"),
    ("https://www.gcs.gov.mo/showNews.php?DataUcn=97512", "820000"),
    ("https://www.macaodaily.com/html/2016-03/08/content_1.htm", "820000"),
])
def test_texts_of_taiwan_hong_kong_and_macau_by_their_address(url, code):
    assert local_site(url) == code


@pytest.mark.parametrize("url", [
    "http://www.xinhuanet.com/fortune/2019-04/12/c_1124356.htm",
    "https://www.notudn.com/a.html",            # a name that only ends like an outlet's
    "https://www.zaobao.com.sg/finance/world/story20250916",
    None,
])
def test_other_addresses_are_no_local_text(url):
    assert local_site(url) is None
