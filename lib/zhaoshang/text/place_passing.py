"""Whether a place named in a text is named in passing: a destination, partner, origin (of investors,
exhibitors, buyers, an unnamed firm: 深圳一家企业), yardstick, exception (除…外), dateline (新华社北京2月15日电) or
the venue of another place's promotion, an organisation named after it (also where the document's own
names for it recur: :func:`organisation_names`), a member of an enumeration — kept as a mention, but
no place of the figures around it (:class:`~zhaoshang.text.places.Gazetteer` marks such mentions ``passing``).

Every look is a bounded window around the mention (40 characters before, 60 after): linear in the text.
"""
from __future__ import annotations

import re

__all__ = ["BOUGHT_BEFORE", "in_passing", "organisation_names"]

# Places named in passing: destinations, partners, sources, origins (海拉尔至香港, 与…合作, 面向…,
# 学习浙江, 来自美国、法国的采购商)
_PASSING_BEFORE = ("至", "赴", "飞往", "前往", "直飞", "面向", "与", "同", "到", "学习", "借鉴", "来自",
                   "距", "距离", "总部位于", "总部设在")  # 距上海虹桥枢纽约50公里; 总部位于浙江桐乡的华钴矿业
_PASSING_NOT_BEFORE = ("来到", "回到", "走到", "达到", "共同", "如同", "认同", "会同", "协同", "不同",
                       "相同", "合同", "同样")
# 与辽宁签约, 同台南市签署: a place that signs is a party to the deal, not a partner named in passing
_SIGNS_WITH = re.compile(r"(?:正式|现场|集中|成功|共同)?(?:签约|签订|签署|签下|达成)")
_LIST_SEP = r"(?:、|和|及|以及|与|或)"
_ITEM = r"[^、，,。；;：:！？!?\n“”（）()和及与或]{0,14}?"
# an item tail may name a thing of the place (安徽响洪甸水库) but not go on as a clause (海拉尔区实施了…)
_ITEM_VERBS = set("了是在将把对为有被让使向实完推开加至赴")
_ENUM_END = re.compile(rf"(?:{_ITEM}{_LIST_SEP})*?{_ITEM}(?:等(?![级待于候同到])|(?:和|及|以及)其他)")
_LIST_TAIL = re.compile(rf"(?:{_ITEM}{_LIST_SEP})+")
_CLAUSE_PUNCT = "，,。；;：:！？!?\n"
# what a list ending in 等 names when its members are firms: 等诸多二、三线水泥企业, 等上市公司, 等知名品牌
_FIRMS_LISTED = re.compile(r"(?:[^，,。；;：:！？!?\n]{0,10}?)(?:企业|公司|集团|厂商|厂家|品牌|车企|房企|药企|巨头)")

# Firms, hotels, groups, associations, universities and city clusters named after a place (香港喜来登国际大酒店,
# 台湾联电集团, 深圳市家具协会, 青岛海信电器, 武陵酒业, 台湾精品馆, 武汉城市圈): the place names the organisation, it is
# not where a figure is.
# the characters that end a name after a place: punctuation, digits and the function words and verbs
# a clause goes on with (青岛海信|以…, 上海爱森|计划…)
_NOT_NAME = "，,。；;：:、的是在和与及等了将把对被向为有到从由"
_ORG_AFTER = re.compile(
    rf"[^\W\d{_NOT_NAME}引进签约投落建设至赴]{{0,7}}?"
    r"(?P<kind>集团|股份有限公司|有限公司|股份公司|公司|大酒店|酒店|饭店|宾馆|银行|城市圈|城市群|都市圈|经济圈|经济带|大学|学院|研究院|研究所|医院"
    r"|协会|商会|联合会|学会|促进会|电器|酒业|药业|实业|置业|控股|馆|分行|支行|分公司|子公司|办事处|代表处)")
# a firm bought or bought into: the country before its name is where the firm is (收购了澳大利亚上市公司阿奎拉,
# 认购澳洲RML公司8%的股权, 收购德国萨固密集团); a Chinese place before a firm's name is more often the name
# itself (收购武陵酒业), which stays passing
BOUGHT_BEFORE = re.compile("(?:收购|并购|认购|入股|控股|参股|购买|买下|竞购|争购)了?$")
# Where exhibitors, buyers and delegations come from (佛山参展企业共获得1479个展位, 贵州来了40家茶企, 台湾客商):
# the figure is the fair's, not the place's
# the firms of a place or one that started there (青岛本地企业投资的…项目, 由高雄起家的食品厂) likewise
_ORIGIN_AFTER = re.compile(r"(?:的|市|省)?(?:参展|展商|客商|采购商|采购团|代表团|经销商|来了|来的|本地企业|本土企业|起家"
                           r"|籍企业(?!家)|籍客商)")  # (仙桃籍企业家 is a person of the place)
# firms of a place drawn in (新引进广州企业59家, 在宁落户的福建企业达5700多家): where they come from
_FIRMS_DRAWN_BEFORE = re.compile(r"(?:引进了?|引来|落户的|入驻的)$")
_FIRMS_AFTER = re.compile(r"(?:市|省)?(?:的)?(?:企业|客商|公司)")
# Comparisons: 相当于解放前北京市的全部房屋面积, 比上海高: the place is a yardstick, not the figure's
_COMPARISON_BEFORE = re.compile(r"(?:相当于|比|较|高于|低于|仅次于|超过)[^，,。；;：:！？!?\n]{0,6}\Z")


# A short name given to an organisation: 青岛海信电器股份有限公司(下称“青岛海信”), （以下简称“盐湖股份”）
_SHORT_NAME = re.compile(r"[（(](?:以下|下文)?(?:简称|下称)[“\"「『]?([^”\"」』）)，,、]{2,10}?)[”\"」』]?[）)，,]")


def organisation_names(text: str, places: list[tuple[int, int]]) -> frozenset[str]:
    """The names of organisations that begin with a place, as the document writes them: the short
    names it gives (青岛海信 from (下称“青岛海信”)) and the name before the kind of an organisation
    named in full (泸州老窖 from 泸州老窖股份有限公司), when at least two characters follow the place
    (and at most :data:`_NAME_TAIL`). Wherever such a name recurs (青岛海信以3500万元的价格…), the place
    in it names the organisation (:func:`in_passing` with ``names``)."""
    places_at = {s: e for s, e in places}
    found: set[str] = set()
    for m in _SHORT_NAME.finditer(text):
        e = places_at.get(m.start(1))
        if e is not None and 2 <= m.end(1) - e <= _NAME_TAIL:
            found.add(m.group(1))
    for s, e in places:
        m = _ORG_AFTER.match(text, e)
        if m and 2 <= m.start("kind") - e <= _NAME_TAIL:
            found.add(text[s:m.start("kind")])
            if m.start("kind") - e >= 4:
                found.add(text[s:e + 2])  # 上海爱森 of 上海爱森肉食品有限公司: the name in short
        m = _FIRM_SPEAKS.match(text, e)
        if m:
            found.add(text[s:m.start(1)])  # 青岛海尔公告称, 上海梅林公布重组方案: a listed firm
    return frozenset(found)


# a firm's own acts right after a place and two characters of a name: 青岛海尔公告称, 合肥三洋已于上周末作出公告
_FIRM_SPEAKS = re.compile(rf"[^\W\d{_NOT_NAME}市省县区]{{2}}"
                          r"((?:已于[^，,。]{0,6})?(?:发布|作出|发出)?公告|公布[^，,。]{0,4}方案|董事会|股东大会|股价|持股|旗下)")


_NAME_TAIL = 10
"""The most characters an organisation's name holds after its place (so a mention looks up at most
this many prefixes: linear in the text)."""


def in_passing(text: str, s: int, e: int, starts: frozenset[int] = frozenset(),
               names: frozenset[str] = frozenset(), *, country: bool = False) -> bool:
    """Whether the place at text[s:e] is named in passing: right after a destination/partner word
    (至, 赴, 与, 面向 …), or as a later member of a list that follows one (海拉尔至乌兰巴托、赤塔、香港);
    or as a member of an enumeration that ends in 等 — the place itself a member (台湾、香港等,
    浙江等地), or the first word of members that all start with a place (``starts``: offsets of the
    other place mentions) as in 安徽响洪甸水库、江苏新洋港水闸等; or at the start of one of the
    document's ``names`` of organisations (:func:`organisation_names`). A ``country`` before the name
    of a firm that is bought (收购德国萨固密集团) is where the money goes, not in passing."""
    bought = country and BOUGHT_BEFORE.search(text, max(0, s - 4), s) is not None
    if not bought and names and any(text[s:e + k] in names for k in range(2, _NAME_TAIL + 1)):
        return True  # 青岛海信 named before in full (青岛海信电器股份有限公司)
    a = s
    while a > 0 and s - a < 40 and text[a - 1] not in _CLAUSE_PUNCT:
        a -= 1
    left = text[a:s]
    if _ORG_AFTER.match(text, e) and not bought:
        return True  # but 收购德国萨固密集团: a firm of that country bought, where the money goes
    if _ORIGIN_AFTER.match(text, e) or _COMPARISON_BEFORE.search(left) or _in_quoted_name(text, s, e):
        return True
    if text[e:e + 1] == "《":
        return True  # 英国《金融时报》: where a publication is from
    if _venue_of_another(text, s, e, a, starts):
        return True  # 河南省（深圳）招商推介会在深圳举行: where another place courts investors
    if _EXCEPT_BEFORE.search(left) and _EXCEPT_AFTER.match(text, e):
        return True  # 除四川双马外，其余4家公司…: what the figure leaves out
    if _DATELINE_AFTER.match(text, e) or (text[s - 1:s] in ("／", "/") and _REPORTED_AFTER.match(text, e)):
        return True  # 新华社北京2月15日电, 【记者王玉芬／台北报导】: where the story was filed
    if _FIRMS_DRAWN_BEFORE.search(left) and _FIRMS_AFTER.match(text, e):
        return True  # 新引进广州企业59家: the firms' origin, not where they invest
    if _ONE_FIRM_AFTER.match(text, e):
        return True  # 该项目由深圳一家新能源科技企业投资建设: where the investor is from
    if country and not bought and _FIRMS_OF_A_COUNTRY.match(text, e):
        return True  # 常州已累计引进德资企业380多家、瑞士企业60余家: where the firms come from
    if _RANKED_AFTER.search(left) and _ORIGINS.search(text, max(0, s - _ORIGIN_REACH), s):
        return True  # 按来源地划分，内地企业占最多，其次为美国及英国: a ranking of origins
    for w in _PASSING_BEFORE:
        k = left.rfind(w)
        if k < 0:
            continue
        between = left[k + len(w):]
        if between and not _LIST_TAIL.fullmatch(between) and not (
                a + k + len(w) in starts and _PARENT_NAME.fullmatch(between)):
            continue  # (but 总部位于广东佛山: the place's parent right after the word, then the place)
        if any(left[:k + len(w)].endswith(x) for x in _PASSING_NOT_BEFORE):
            continue
        if w in ("与", "同") and _SIGNS_WITH.match(text, e):
            continue  # 29家央企与辽宁签约64个项目: the place signed with is where the projects go
        if w in ("赴", "到", "至", "前往") and _INVESTS_AFTER.match(text, e):
            continue  # 核准台商赴越南投资件数达78件: where the money goes
        return True
    b = e
    while b < len(text) and b - e < 60 and text[b] not in _CLAUSE_PUNCT:
        b += 1
    m = _ENUM_END.match(text, e, b)
    if not m:
        return False
    seg = text[e:m.end()]
    if seg.startswith("等") or re.match(_LIST_SEP, seg) or seg[:1] in ("和", "及"):
        return True  # the place is itself a member: X、Y等 / X等
    # X-thing、Y-thing等: every later member starts with a place, and X's tail is no clause
    tail = re.match(rf"{_ITEM}(?={_LIST_SEP}|等)", seg)
    if tail is None or set(tail.group(0)) & _ITEM_VERBS:
        return False
    if _FIRMS_LISTED.match(text, m.end()):
        return True  # 江西水泥、亚泰集团、塔牌集团等诸多二、三线水泥企业: a firm of the list, named after its place
    if s > 0 and text[s - 1] in "、和及与或" and re.search(rf"{_LIST_SEP}$", text[max(0, s - 2):s]):
        return True  # a later member of the list: …、江苏新洋港水闸等
    members = 0
    for sep in re.finditer(_LIST_SEP, seg[tail.end():]):
        q = e + tail.end() + sep.end()
        if q not in starts:
            return False
        members += 1
    return members > 0


# A dateline: 新华社北京2月15日电, 本报上海3月1日讯 — the place of filing, not of any figure
_DATELINE_AFTER = re.compile(r"[0-9０-９一二三四五六七八九十]{0,3}月?[0-9０-９一二三四五六七八九十]{1,3}日(?:电|讯)")
_REPORTED_AFTER = re.compile("报导|报道")
# investing where one goes (赴越南投资, 到贵州设厂): the destination is the figure's place
_INVESTS_AFTER = re.compile("(?:直接)?(?:投资|设厂|建厂|办厂|兴建)")
# Firms of a foreign country, in a text about where they invest: 瑞士企业60余家, 美国公司, 日本客商
_FIRMS_OF_A_COUNTRY = re.compile("(?:的)?(?:企业|公司|财团|投资者|投资商|资本|厂商|跨国公司)")
# An unnamed firm of a place: 深圳一家新能源科技企业, 广东某集团 — where the investor comes from
_ONE_FIRM_AFTER = re.compile(r"(?:市|省)?的?(?:一家|某家?)[^，,。；;：:！？!?\n]{0,10}?(?:企业|公司|集团|厂商|投资商|客商)")
# A breakdown by origin ranks where firms come from: 按来源地划分，…其次为美国及英国; 来自内地的有98家，其次为美国、
# 英国及新加坡 — the places ranked after its first are origins too
_ORIGINS = re.compile("来源地|来源国|来自")
_RANKED_AFTER = re.compile(r"(?:其次为|其次是|依次为|依次是)[^，,。；;：:！？!?\n]{0,12}$")
_ORIGIN_REACH = 60
# An exception: 除四川双马外，其余4家; 除了上海以外 — what is left out is not where the figure is
_EXCEPT_BEFORE = re.compile(r"除(?:了)?$")
_EXCEPT_AFTER = re.compile(r"[^，,。；;：:！？!?\n]{0,8}?(?:以外|之外|外)")
# A promotion held away from home: 2024年河南省（深圳）招商推介会在深圳举行, 浙江（上海）投资推介会 — the venue is
# where the promoting place meets investors, not where the projects signed go (but 中国（合肥）国际博览会
# names its host)
_PROMOTION = re.compile("(?:招商|推介|投资|经贸|洽谈|对接|签约)[^，,。；;]{0,4}?(?:会|活动|周|节)")
_HELD_AFTER = re.compile("(?:隆重|成功|盛大|顺利)?(?:举行|举办|召开|开幕|启幕)")
_PARENT_NAME = re.compile(r"[^\W\d的在将是和与及]{2,6}")  # a name alone (广东, 浙江省), no clause
# 在 before the venue, maybe with its district (在湾仔香港会议展览中心举行), and the verb after its hall
_AT_VENUE = re.compile(r"在[^\W\d在的是和与及，,。；;]{0,6}$")
_HELD_AT_VENUE = re.compile(r"[^\W\d在的是和与及，,。；;]{1,10}?(?:隆重|成功|盛大|顺利)?(?:举行|举办|召开|开幕|启幕)")
# a town, township or zone holding it (长安镇在香港举行招商推介会): no county of the gazetteer, but a place of its own
_TOWN_SUBJECT = re.compile(r"[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|开发区|高新区|新区|园区)")
_OWN_WORD = re.compile("(?:全|本|我)[省市县区]|[省市县区](?:人民)?政府")  # 区政府在上海举办专题推介会


def _venue_of_another(text: str, s: int, e: int, a: int, starts: frozenset[int]) -> bool:
    """Whether text[s:e] is the venue of another place's promotion: bracketed after the promoting
    place in the event's name (河南省（深圳）招商推介会), or after 在 before 举行 when the clause (from ``a``)
    names such an event, before or right after (贵州已连续5年在深圳举办产业招商推介会), and another place
    (``starts``: offsets of the other mentions)."""
    if text[s - 1:s] in ("（", "(") and text[e:e + 1] in ("）", ")"):
        return text[max(0, s - 3):s - 1] != "中国" and _PROMOTION.search(text, e + 1, e + 14) is not None
    held = _HELD_AFTER.match(text, e) or _HELD_AT_VENUE.match(text, e)
    at = _AT_VENUE.search(text, max(a, s - 8), s)
    if not at or not held or not (
            _PROMOTION.search(text, a, s) or _PROMOTION.search(text, held.end(), held.end() + 14)):
        return False  # (在深圳举办产业招商推介会, 在上海举办长三角产业合作推介会: the event after the verb)
    name = text[s:e]
    if _OWN_WORD.search(text, a, at.start()) or _TOWN_SUBJECT.fullmatch(text, a, at.start()):
        return True  # 全省…集中签约活动在南昌举行: the province's signing, held in its capital; 长安镇在香港举行…
    return any(k in starts and not text.startswith(name, k) for k in range(a, at.start()))


_QUOTE_OPEN = re.compile("[「『“《][^「『“《」』”》]{0,30}$")
_QUOTE_CLOSE = re.compile("[^「『“《」』”》]{0,30}?[」』”》]")
_ORG_WORD = re.compile("公司|集团|有限|银行|商会|协会|基金会")


def _in_quoted_name(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] lies inside a quoted name of an organisation (「官田鋼鐵股份有限公司麻豆廠」,
    “宁波银行”): the place names the firm, not where a figure is."""
    left = _QUOTE_OPEN.search(text, max(0, s - 31), s)
    if left is None:
        return False
    right = _QUOTE_CLOSE.match(text, e, min(len(text), e + 31))
    return right is not None and _ORG_WORD.search(text, left.start(), right.end()) is not None
