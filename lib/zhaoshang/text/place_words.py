"""Language data of place names (:mod:`zhaoshang.text.places`): short names that are ordinary words,
full names that are generic, the words of anaphora (该区, 全市, 我县), landforms, streets and the zones a
county's name may stand before.
"""
from __future__ import annotations

import re

__all__ = ["ANAPHORA", "ANAPHORA_LEVELS", "ANAPHORA_NOT_NEXT", "GENERIC_FULL", "LANDFORM", "NOT_ANTECEDENT",
           "PROVINCE_SHORT_OK", "SHORT_STOP", "STREET", "ZONE_AFTER"]

# Short names that are ordinary words or too loose to mean the place on their own.
SHORT_STOP = {
    "东方", "江南", "中山", "城区", "郊区", "矿区", "新区", "高新", "开发", "经开", "长安", "和平",
    "新华", "红旗", "前进", "向阳", "先锋", "胜利", "光明", "建设", "东风", "文化", "白云", "青山",
    "永定", "安定", "太平", "友好", "共青", "团结", "新兴", "龙华", "南山", "北林", "东山", "西山",
    "平安", "海城", "新城", "老城", "城关", "开放", "长江", "黄河", "东海", "南海", "大同",
    "普陀", "丰台", "宝山", "金山", "江北", "河北", "河南", "山西", "西安", "湖南", "湖北",
    "双桥", "桥东", "桥西", "铁东", "铁西", "立新", "兴安", "临江", "吉林", "合作",
    "西藏", "内江", "本溪", "安康", "清河", "高平", "新市", "江山", "海安", "宁安", "兴国",
}
# Short names that are fine despite the stop rules (province names are safe in context).
PROVINCE_SHORT_OK = {"河北", "河南", "山西", "湖南", "湖北", "西藏", "吉林"}

# Full names that are also ordinary words (城区 "urban area", 新城区 "new town" …): like county
# short names, they count only when the document names their prefecture.
GENERIC_FULL = {"解放区", "和县", "工农区", "城区", "郊区", "矿区", "新城区", "老城区", "市中区", "城中区", "城东区", "城西区",
                "城南区", "城北区", "新建区", "开发区", "高新区", "经开区", "新区", "平房区", "新华区",
                "和平区", "长安区", "中山区", "白云区", "青山区", "东区", "西区", "南区", "北区"}

ANAPHORA = {"该": "ref", "本": "deictic", "我": "deictic", "全": "collective"}
ANAPHORA_LEVELS = {"省": ("省",), "市": ("市",), "县": ("县", "旗"), "区": ("区",), "旗": ("旗", "县"),
                   "镇": ("镇",)}
# 该区 never means a Special Administrative Region or a 地区 (prefecture); 自治区 only as the
# document's own place (全区 in a report of 内蒙古自治区).
NOT_ANTECEDENT = {"区": ("特别行政区", "地区", "自治区")}
# Character after 全X/本X/我X that makes it another word: 全市场, 全区域, 本区域, 全省份 …
ANAPHORA_NOT_NEXT = {"市": "场民值", "区": "域间别分", "省": "份", "县": "城", "镇": "定静"}

# Landforms and regions that share a division's short name: 大兴安岭 (the range, in 呼伦贝尔)
# is not 大兴安岭地区 (黑龙江) unless the document names 黑龙江.
LANDFORM = {"大兴安岭"}


# 海拉尔大街, 满洲里路, 北京路, 温州城步行街: streets named after places, not the places
# (香港中路, 太原1路, 西安南大街: a direction or a number may stand between)
STREET = re.compile(r"城?[东西南北中]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})?(?:步行街|大街|大道|路|街|巷|胡同)"
                    r"(?![网况线面径段口演子数])")

# a zone of a county or city after its short name (昆山开发区, 太仓高新区): the short name counts
ZONE_AFTER = re.compile("(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|经开区|工业园区|保税区|综保区)")

# 全省/全市 as a yardstick of the figure beside it, not its place: 居全省首位, 保持全省第二位, 约占全省的44%, 排名全市前列,
# 作为全省招商引资的主阵地 (the words before, within four characters, and after)
YARDSTICK_BEFORE = re.compile(r"(?:占|居|列|位居|保持|排名|排在?|作为|高于|低于|领跑|领先)$")
YARDSTICK_AFTER = re.compile(r"(?:第[一二三四五六七八九十\d]|首位|前列|前[一二三四五六七八九十\d]|之首|平均|总量的|的[0-9一二三四五六七八九十]|的比重)")
