"""The place a government's website speaks for, read from its address: www.weifang.gov.cn is 潍坊市's,
fgw.zj.gov.cn 浙江省's, www.tainan.gov.tw 台南市's, www.news.gov.hk Hong Kong's.

A release on such a site is that government's, and 我市/全市 in it are that place even when the text never
names it (前三季度，我市新增市场主体2.3万户). The label before ``gov`` names the place: in full pinyin
(weifang, yishui, hefei: read against the pinyin of every division of the gazetteer, kept only when one
place is written so, or one province — suzhou is 苏州 and 宿州, and stays unread), or as the short labels
the provinces, some cities and Taiwan's cities use (zj, gd, sz, kcg …: the table below). Taiwan's
ministries (moea.gov.tw) speak for Taiwan, Hong Kong's and Macau's governments are their top-level domains
(gov.hk, gov.mo), and the State Council's own site (www.gov.cn) and its ministries' (www.ndrc.gov.cn,
www.mofcom.gov.cn) speak for the whole country.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

__all__ = ["central_government_site", "government_site", "local_site", "site_place"]

_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/:?#]+)", re.IGNORECASE)

# labels that are no pinyin of a name: the provinces' and some cities' portals, Taiwan's cities (Wade–Giles
# or initials); official addresses, each checked against the site it names
_SHORT_LABELS = {
    "bj": "北京市", "tj": "天津市", "nmg": "内蒙古自治区", "ln": "辽宁省", "jl": "吉林省", "hlj": "黑龙江省",
    "sh": "上海市", "js": "江苏省", "zj": "浙江省", "ah": "安徽省", "fj": "福建省", "sd": "山东省", "gd": "广东省",
    "gxzf": "广西壮族自治区", "cq": "重庆市", "sc": "四川省", "yn": "云南省", "nx": "宁夏回族自治区",
    "shanxi": "山西省", "shaanxi": "陕西省", "sz": "深圳市", "gz": "广州市",
    "ntpc": "新北市", "tycg": "桃园市", "taichung": "台中市", "kcg": "高雄市", "klcg": "基隆市", "hccg": "新竹市",
}
_TLD_PLACES = {"hk": "香港特别行政区", "mo": "澳门特别行政区"}
# Taiwan's central government (經濟部, 行政院, 國發會, 財政部, 主計總處 …): all of Taiwan
_TAIWAN_CENTRAL = frozenset({"moea", "ey", "ndc", "mof", "dgbas", "mol", "motc", "www", "investtaiwan"})
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "市", "县", "区", "旗", "盟", "省")


def _bare(name: str) -> str:
    """A name without its suffix of level (潍坊市 → 潍坊, 沂水县 → 沂水); a two-character name keeps it
    (which its pinyin then spells in full: 沙市区)."""
    for s in _SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return name


@lru_cache(maxsize=1)
def _by_pinyin(gaz) -> dict[str, str | None]:
    """Full pinyin of each division's bare name → its code; None where two places share the spelling,
    unless one of them is a province (hainan, henan: the provinces' portals are spelt so)."""
    spelt: dict[str, list[str]] = {}
    for p in gaz.places.values():
        if p.level in ("province", "prefecture", "county"):
            spelt.setdefault("".join(lazy_pinyin(_bare(p.name))), []).append(p.code)
    out: dict[str, str | None] = {}
    for key, codes in spelt.items():
        provinces = [c for c in codes if gaz.places[c].level == "province"]
        out[key] = codes[0] if len(codes) == 1 else provinces[0] if len(provinces) == 1 else None
    return out


def _labels(url: str | None) -> list[str] | None:
    """The labels of ``url``'s host, lower case (www.weifang.gov.cn → www, weifang, gov, cn), or None."""
    m = _HOST.match(url or "")
    return m.group(1).lower().rstrip(".").split(".") if m else None


def government_site(url: str | None) -> bool:
    """Whether ``url`` is on a government's site (www.tainan.gov.tw, www.news.gov.hk, *.gov.cn): the
    document is that government's release, so its figures without a place are its own place's."""
    labels = _labels(url)
    return labels is not None and "gov" in labels[1:]


def _code_of(gaz, name: str) -> str | None:
    codes = [c for c, _short in gaz.forms.get(name, [])]
    return codes[0] if len(codes) == 1 else None


def site_place(url: str | None, gaz) -> str | None:
    """The gazetteer code of the place whose government's site ``url`` is on, or None (no government
    site, or a label that names no one place)."""
    if not government_site(url):
        return None
    labels = _labels(url)
    i = labels.index("gov", 1)
    if labels[i + 1:] in (["hk"], ["mo"]):
        return _code_of(gaz, _TLD_PLACES[labels[i + 1]])
    label = labels[i - 1]
    if labels[i + 1:] == ["tw"] and label in _TAIWAN_CENTRAL:
        return _code_of(gaz, "台湾省")  # www.moea.gov.tw: Taiwan's ministry of economic affairs
    if label in _SHORT_LABELS:
        return _code_of(gaz, _SHORT_LABELS[label])
    return _by_pinyin(gaz).get(label)


# the central government's ministries and commissions, by the label before gov.cn (www.ndrc.gov.cn …)
_MINISTRIES = frozenset({"ndrc", "mofcom", "stats", "mof", "miit", "customs", "pbc", "scio", "safe", "chinatax",
                         "mee", "mot", "mwr", "nea", "moa", "most", "mohurd", "sasac", "samr", "cac"})


def central_government_site(url: str | None) -> bool:
    """Whether ``url`` is on the State Council's site (www.gov.cn) or a ministry's (www.ndrc.gov.cn,
    www.mofcom.gov.cn): a release of the whole country, whatever provinces it names."""
    labels = _labels(url)
    if labels is None:
        return False
    if labels in (["www", "gov", "cn"], ["gov", "cn"]):
        return True
    return labels[-2:] == ["gov", "cn"] and len(labels) >= 3 and labels[-3] in _MINISTRIES


# Newspapers and broadcasters of Taiwan, Hong Kong and Macau whose addresses are not under .tw, .hk or .mo:
# their texts are of that place (a bare 元 is its currency, 八十五年 a year of the ROC in Taiwan's)
_LOCAL_OUTLETS = {
    "710000": ("udn.com", "udndata.com", "chinatimes.com", "ettoday.net", "setn.com", "storm.mg", "nownews.com",
               "ctwant.com"),
    "810000": ("mingpao.com", "hket.com", "wenweipo.com", "takungpao.com", "hk01.com", "on.cc", "singtao.com",
               "stheadline.com", "hkej.com", "hkcd.com", "bastillepost.com", "tvb.com", "now.com"),
    "820000": ("macaodaily.com", "exmoo.com", "vakiodaily.com"),
}
_LOCAL_TLDS = {"tw": "710000", "hk": "810000", "mo": "820000"}


def local_site(url: str | None) -> str | None:
    """The code of Taiwan, Hong Kong or Macau when ``url`` is under .tw, .hk or .mo (a government's or a
    newspaper's: www.cna.com.tw) or on one of their outlets elsewhere (news.mingpao.com, money.udn.com):
    a text of that place, whose figures that name no place are its own and whose bare 元 is its
    currency. None for any other address."""
    labels = _labels(url)
    if labels is None:
        return None
    host = ".".join(labels)
    code = _LOCAL_TLDS.get(labels[-1])
    if code:
        return code
    for code, outlets in _LOCAL_OUTLETS.items():
        if any(host == o or host.endswith("." + o) for o in outlets):
            return code
    return None
