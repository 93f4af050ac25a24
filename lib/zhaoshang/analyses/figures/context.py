"""Where a figure is: its place, and the columns that report it.

A figure's place is the most specific place named for it — in its sentence, else in the sentences
of its paragraph around it, when the places there may carry over (:func:`carrier_rule`); its period is
:mod:`zhaoshang.analyses.figures.governing`'s. :class:`PlaceIndex` indexes a document's
place mentions once, so that finding each figure's place stays cheap on long paragraphs.
:func:`place_columns` and :func:`place_source` give the place's columns of a row (name, code,
level, parents, and whether the place came from the sentence, its context or the document).
"""
from __future__ import annotations

import bisect
import re

from zhaoshang.text.place_passing import BOUGHT_BEFORE
from zhaoshang.text.places import Mention
from zhaoshang.text.script import to_script
from zhaoshang.text.site_places import central_government_site, government_site, local_site


def _bracketed(m: Mention, view: str) -> bool:
    return m.start > 0 and view[m.start - 1] in "(（" and view[m.end:m.end + 1] in ")）"


_CLAUSE_STOP = re.compile("[；;，,：:]")
# the words that open a breakdown by place (分市看，杭州市…; 分地区看，河北省…; 其中，江苏省…; 从签约地看，中牟县…)
_BREAKDOWN_BEFORE = re.compile(r"(?:(?:分|从|按)[^，,。；;]{0,4}?(?:看|来看|划分|分)|其中)[，,：:]?$")
# words that put what follows as the place where something happens (在海拉尔区, 於歸仁區擴廠, 落户太仓)
_LOCATIVE_BEFORE = re.compile("(?:在|于|落户|落地|位于|选址|进驻|入驻)$")
# 以 before an amount: the price of something (以2000万英镑的价格，…收购了…), maybe with its qualifier
_PRICE_BEFORE = re.compile("以(?:总价|大约|约|近|逾|超过)?$")


_SENTENCE_END = re.compile("[。！？!?\n]")


class PlaceIndex:
    """The place mentions of a document that can give a figure its place, indexed once: their
    starts (for bisection) and, for each mention, the nearest one at or before it and at or after
    it that may carry its place to other sentences — so that a figure finds its place without
    rescanning its paragraph (which made long paragraphs quadratic)."""

    def __init__(self, mentions: list[Mention], view: str, carries=None):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.view = view
        # a place a breakdown names (分地区看，河北省…; 其中，江苏省…) is that line's alone: it carries to no other sentence
        # and so are the places after it in the same sentence (分地区看，枝江市…；夷陵区…；当阳市…。此外，…)
        ok = []
        breakdown_end = -1  # where the sentence of the last breakdown ends
        for m in mentions:
            if _BREAKDOWN_BEFORE.search(view, max(0, m.start - 8), m.start):
                stop = _SENTENCE_END.search(view, m.end)
                breakdown_end = stop.start() if stop else len(view)
            ok.append((carries is None or carries(m)) and m.start >= breakdown_end)
        n = len(mentions)
        self.prev_carrier = [-1] * n  # the last carrying mention at or before i
        last = -1
        for i in range(n):
            if ok[i]:
                last = i
            self.prev_carrier[i] = last
        self.next_carrier = [n] * (n + 1)  # the first carrying mention at or after i
        nxt = n
        for i in range(n - 1, -1, -1):
            if ok[i]:
                nxt = i
            self.next_carrier[i] = nxt

    def _run_end(self, j: int) -> Mention:
        """The last of a run of adjacent mentions starting at j (德州市齐河县 → 齐河县)."""
        mentions = self.mentions
        while j + 1 < len(mentions) and mentions[j + 1].start == mentions[j].end:
            j += 1
        return mentions[j]

    def _next_clause_place(self, pos: int, stop: int, lo: int, hi: int, ss: int, se: int, *,
                           locative: bool) -> Mention | None:
        """In the clause after the figure's (parted by a comma): the place the action happens in (when
        ``locative``: 在山东省枣庄市建设…) or, for a price, the country of what is bought (收购了英国…)."""
        mentions, view = self.mentions, self.view
        if not (stop < se and view[stop] in "，,"):
            return None
        nxt = _CLAUSE_STOP.search(view, stop + 1, se)
        stop2 = nxt.start() if nxt else se
        price = _PRICE_BEFORE.search(view, max(ss, pos - 6), pos) is not None
        if not (price or locative):
            return None
        for i in range(lo, hi):
            m = mentions[i]
            if m.start >= stop2:
                break
            if m.start > stop and ((locative and _LOCATIVE_BEFORE.search(view, max(stop, m.start - 3), m.start)) or (
                    price and BOUGHT_BEFORE.search(view, max(stop, m.start - 4), m.start))):
                return self._run_end(i)
        return None

    def place_for(self, pos: int, sent: tuple[int, int, int], para_bounds: tuple[int, int]) -> Mention | None:
        """The place a figure at ``pos`` belongs to: the nearest named before it in the sentence
        (unless that is in an earlier clause and the figure's own clause says where it happens:
        在这里, 落户太仓), else the first after it in the same clause (up to the next ，；：; the last of a run such as
        德州市齐河县齐鲁高新区 — a place later in the sentence is usually an example: 十七项，包括鞍山…),
        else the last named earlier in the paragraph, else the first later in the paragraph. Only
        mentions that carry (:func:`carrier_rule`) give their place to other sentences."""
        mentions, starts, view = self.mentions, self.starts, self.view
        ss, se, _para = sent
        p_start, p_end = para_bounds
        lo = bisect.bisect_left(starts, ss)
        hi = bisect.bisect_left(starts, se)
        j = lo
        last_before = None
        while j < hi and mentions[j].end <= pos:
            last_before = j
            j += 1
        stop_m = _CLAUSE_STOP.search(view, pos, se)
        stop = stop_m.start() if stop_m else se
        if last_before is not None:
            m = mentions[last_before]
            if _CLAUSE_STOP.search(view, m.end, pos):  # named in an earlier clause: where the figure's
                for i in range(last_before + 1, hi):  # own clause says it happens wins (…，150家企业在这里)
                    if mentions[i].start >= stop:
                        break
                    if _LOCATIVE_BEFORE.search(view, max(pos, mentions[i].start - 3), mentions[i].start):
                        return self._run_end(i)
                # a price: what is bought, over an earlier clause's place (a subhead joined to the sentence:
                # 重庆国企走出去情况 2010年3月，重庆机电集团以2000万英镑的价格，成功收购了英国精密技术集团)
                bought = self._next_clause_place(pos, stop, lo, hi, ss, se, locative=False)
                if bought is not None:
                    return bought
            return m
        # after the figure, in its clause: not a place in brackets inside a name
        # (中糧面業(濰坊)有限公司, 豐樹(齊河)…項目)
        first = None
        for i in range(lo, hi):
            m = mentions[i]
            if m.start >= stop or m.end > se:
                break
            if m.start >= pos and not _bracketed(m, view):
                if _LOCATIVE_BEFORE.search(view, max(pos, m.start - 3), m.start):
                    return self._run_end(i)  # 超1500项深圳事项在汕尾实现同城化办理: where it happens
                if first is None:
                    first = i
        if first is not None:
            return self._run_end(first)
        # in the next clause, the place the action happens in: 投資額為11億元，本次於歸仁區擴廠;
        # 投资180亿元，在山东省枣庄市建设精细化工基地; for a price (以2000万英镑的价格，成功收购了英国…), the
        # country of what is bought
        nxt_place = self._next_clause_place(pos, stop, lo, hi, ss, se, locative=True)
        if nxt_place is not None:
            return nxt_place
        plo = bisect.bisect_left(starts, p_start)
        i = self.prev_carrier[lo - 1] if lo > 0 else -1
        while i >= plo:
            if mentions[i].end <= ss:
                return mentions[i]
            i = self.prev_carrier[i - 1] if i > 0 else -1
        phi = bisect.bisect_left(starts, p_end)
        i = self.next_carrier[hi]
        while i < phi:
            if mentions[i].end <= p_end:
                return self._run_end(i)
            i = self.next_carrier[i + 1]
        return None


# what joins places named together for one figure: 在天津、江苏和武汉建立三个基地 (not 到: a place after it
# is a destination, named in passing)
_JOINED = re.compile("(?:、|和|与|及|以及|同|跟|、和)")


def _joined_run(place: Mention | None, index: PlaceIndex) -> tuple[int, int] | None:
    """The first and last index in ``index.mentions`` of the places named together with ``place``
    (天津、江苏和武汉), None when ``place`` is no mention of the index or an anaphor."""
    if place is None or place.start < 0 or place.code is None or place.anaphor:
        return None
    mentions, view = index.mentions, index.view
    i = bisect.bisect_left(index.starts, place.start)
    if i >= len(mentions) or mentions[i].start != place.start:
        return None
    j, k = i, i
    while (j > 0 and mentions[j - 1].code and not mentions[j - 1].anaphor
           and _JOINED.fullmatch(view, mentions[j - 1].end, mentions[j].start)):
        j -= 1
    while (k + 1 < len(mentions) and mentions[k + 1].code and not mentions[k + 1].anaphor
           and _JOINED.fullmatch(view, mentions[k].end, mentions[k + 1].start)):
        k += 1
    return j, k


def respective_place(place: Mention | None, index: PlaceIndex, k: int, n: int, gaz) -> Mention | None:
    """The place of the k-th of n figures listed after 分别 (其中，深圳、广州分别实际使用外资532亿元和468亿元):
    the k-th of n places named together, when ``place`` is one of exactly n such divisions of the
    country; else None. Foreign countries listed so are where the firms or the money come from (其次为
    美国、英国及新加坡，分别有31家、24家和19家), not where each figure is."""
    run = _joined_run(place, index)
    if run is None or n < 2 or run[1] - run[0] + 1 != n:
        return None
    listed = index.mentions[run[0]:run[1] + 1]
    if any(gaz.places[m.code].level == "country" for m in listed):
        return None
    return listed[k]


def joint_place(place: Mention | None, index: PlaceIndex, gaz) -> Mention | None:
    """The place of a figure whose place is one of several named together (天津、江苏和武汉; 嵊泗和岱山):
    the smallest division holding them all (舟山市 for two of its counties; 全国 for places of
    several provinces), since the figure is all of theirs, not the first one's. Places in different
    countries have no such division: the first one stays. A lone place is returned as it is."""
    run = _joined_run(place, index)
    if run is None:
        return place
    j, k = run
    mentions, view = index.mentions, index.view
    if j == k:
        return place
    codes = {m.code for m in mentions[j:k + 1]}
    if len(codes) == 1:
        return place
    chains = [[p.code for p in gaz.chain(c)] for c in codes]
    shared = [c for c in chains[0] if all(c in other for other in chains[1:])]
    if shared:
        return Mention(mentions[j].start, mentions[k].end, view[mentions[j].start:mentions[k].end],
                       shared[0], gaz.places[shared[0]].name)
    if any(gaz.places[chain[-1]].level == "country" or chain[-1] in _OWN_COUNTRY for chain in chains):
        return place  # 美国、法国: no division of one country
    return Mention(mentions[j].start, mentions[k].end, view[mentions[j].start:mentions[k].end], None, COUNTRY.name)


def carrier_rule(gaz, own, local: str | None = None):
    """Which places may give their place to the sentences around them (not only their own).

    A national report (国务院) names provinces and cities as examples: none carries over. A
    document with a place of its own (海拉尔区's work report, an article about 山东) carries over
    only places in the same province — 香港 in one sentence of a 海拉尔区 report says nothing about
    the next. Without an own place, every place carries over. 该区/全区 … do. A place above the
    document's own never does (呼伦贝尔 or 全市 in a district's report: 排全市首位, 呼伦贝尔中心城市):
    the report speaks for the district. A text of Taiwan, Hong Kong or Macau naming no place of its own
    (``local``) carries over only places there (核准台商赴越南投資… 核准僑外投資…: Taiwan's again)."""
    if own.national:
        return lambda m: m.anaphor
    if not own.code and local is not None:
        return lambda m: m.anaphor or (m.code is not None and gaz.is_within(m.code, local))
    if not own.code:
        return None
    chain = gaz.chain(own.code)
    top = chain[-1].code if chain else own.code
    above = {p.code for p in chain[1:]}  # 全市 in a district's report: a frame of comparison

    def carries(m: Mention) -> bool:
        if m.code in above:
            return False
        return m.anaphor or (m.code is not None and gaz.is_within(m.code, top))

    return carries


_CLAUSE_END = re.compile("[，,；;：:。！？!?]")


def whole_place(gaz, code: str) -> Mention:
    """The place ``code`` as the document's, named nowhere in particular (start -1): the default of
    figures whose text names none."""
    return Mention(-1, -1, "", code, gaz.places[code].name)


COUNTRY = Mention(-1, -1, "", None, "全国")
"""The place of a national report's figures when the figure's clause names none: 全国 (level ``country``)."""


# Places whose texts call themselves 全國 (a Taiwan government's 全國 is Taiwan): the top division's code
_OWN_COUNTRY = ("710000",)


def default_place(gaz, own, url: str | None, title: str, view: str, local: str | None = None) -> Mention | None:
    """The place of a document's figures whose text names none: its own place when it speaks for it (a
    work report), is its government's release (by the text or the site) or is titled by it; the country
    for a national report or story (:func:`of_the_country`) and on the State Council's or a ministry's site
    (www.ndrc.gov.cn, whatever provinces it names); Taiwan, Hong Kong or Macau for a text of theirs
    (``local``, :func:`local_of`) that names no place there and is about none elsewhere (經濟部投資審議司今日
    公布統計… on www.cna.com.tw); else None."""
    central = central_government_site(url) and not (own.government or own.titled)
    if own.code and (own.speaker or own.government or own.titled or government_site(url)) and not central:
        return whole_place(gaz, own.code)
    if own.national or of_the_country(gaz, own, title, view) or central:
        return COUNTRY
    if local is not None and (not own.code or not gaz.is_within(own.code, local)):
        # naming no place of its own, or only places elsewhere it is not about (投審會…地區則集中在江蘇、廣東)
        return whole_place(gaz, local)
    return None


# 本港 and 本澳 as a Hong Kong or Macau writer says "here" (本港上市公司, 本澳經濟), in Traditional script only:
# in a mainland text 本港 is "this port" (本港货物吞吐量)
_HERE_OF = (("本港", "810000"), ("本澳", "820000"))


def local_of(url: str | None, script: str, view: str) -> str | None:
    """The code of Taiwan, Hong Kong or Macau when the document is theirs: by its address
    (:func:`~zhaoshang.text.site_places.local_site`: .tw, .hk, .mo, their newspapers elsewhere) or, in
    Traditional script, by the writer's 本港/本澳 (see :data:`_HERE_OF`); else None."""
    code = local_site(url)
    if code is None and script == "traditional":
        code = next((c for word, c in _HERE_OF if word in view), None)
    return code


def country_of(gaz, own, local: str | None = None) -> Mention:
    """What 全国 means in a document: :data:`COUNTRY`, or 台湾省 when the document's own place is in
    Taiwan (全國111年民間參與公共建設投資案 in a release of 台南市政府) or, naming none, it is a text of
    Taiwan (``local``: :func:`local_of`)."""
    top = local if not own.code else None
    if own.code:
        chain = gaz.chain(own.code)
        top = chain[-1].code if chain else None
    return whole_place(gaz, top) if top in _OWN_COUNTRY else COUNTRY


# 全国 or 我国 as the place of a figure (全国累计修复经营主体信用4792.24万户, 我国家具才有区区13亿元市场), not
# as a yardstick (占全国的13.8%, 居全国首位, 全国第一, 全国平均) nor a destination (走向全国, 销往全国, 辐射全国);
# and in a sentence, 在华 (波音每年在华采购…超过2亿美元; not 在华东, a region)
_NATIONWIDE = re.compile(r"(?<![占居列在为达比较向到往及布射了])(?:全国|我国)(?!第|首|前列|领先|平均|之|的|人大|政协|人民代表|各地|范围内的|性)")
_HUA = "华(?![东南西北中人侨商])"  # 华 for China, not 华东 (a region) or 华人, 华侨, 华商 (people)
_IN_CHINA = re.compile(f"在{_HUA}")
# and the mainland as the country (中国内地门店将达200余家; 内地 of a Hong Kong release), not 国内地区, nor the
# mainland as where firms come from (协助252家内地及海外企业在港开业, 来自内地的有98家, 内地企业)
_MAINLAND = re.compile(r"中国内地|(?<!国)(?<!来自)内地(?!区|及|和|与|、|企业|公司|的企业|客商|投资者|资金)")
# China named as where things are (在中国再开一百家酒店, 中国区是75家, 中国拥有…的城市, 在中国市场): the
# country, in a text of the mainland; not the name of a body or a people (中国银行, 在中国人民银行, 中国企业),
# nor 在中国的…, which qualifies what follows (在中国的第一个生产项目 is in a city; 在中国的一个多月里)
_CHINA_AS_PLACE = re.compile(r"在中国(?:市场|境内|大陆)?(?![人银企公集石移联电建交工农商保平海铁的])"
                             r"|中国(?:区|市场)(?![部的])|中国(?=拥有)")
# a title about the country's own market or people (国内生猪价格创新高…, 外资渗透国人"一日三餐", 采购商160亿来华找买家)
_OF_CHINA_TITLE = re.compile(f"国内(?!外)|国人|[在来]{_HUA}")


# 全台, 全台湾 (Simplified view): the whole of Taiwan, not 全台南市
_WHOLE_TAIWAN = re.compile(r"(?<![占居列在为达比较向到往及布射了])全台(?:湾)?(?![南中北东])")


# statistics of a national body (据国家发改委公布的统计数据显示, 据中国建筑材料联合会统计): a national figure
_NATIONAL_SOURCE = re.compile(
    r"据(?:国家(?:发改委|发展改革委|统计局|能源局|外汇管理局|工信部|税务总局)|商务部|财政部|工信部|工业和信息化部|"
    r"海关总署|中国人民银行|央行|中国[\u4e00-\u9fff]{1,10}(?:协会|联合会|商会))[^，,。；;]{0,16}?(?:统计|数据|公布|显示|发布)")


# a story that opens with a national body's release or words (国家发展改革委12月14日发布消息, 商务部外资司负责人介绍)
_NATIONAL_BODY_OPENS = re.compile(
    r"\s*(?:[^。！？!?\n]{0,24}?[）)]\s*)?(?:据)?(?:国家(?:发展改革委|发展和改革委员会|发改委|统计局|能源局|外汇管理局|税务总局)"
    r"|商务部|财政部|工业和信息化部|工信部|海关总署|国务院新闻办公室|国新办|中国人民银行)"
    r"[^，,。；;]{0,16}?(?:发布|公布|介绍|表示|消息|数据显示|称)")


def national_source_end(view: str, ss: int, se: int) -> int | None:
    """Where the first citation of a national body's statistics (:data:`_NATIONAL_SOURCE`) in the
    sentence ``view[ss:se]`` ends, None without one: the figures after it that name no place are the
    country's. Found once per sentence."""
    m = _NATIONAL_SOURCE.search(view, ss, se)
    return m.end() if m else None


def nationwide_positions(view: str, taiwan_ends: list[int], *, mainland: bool = True) -> list[int]:
    """Where ``view`` says 全国, 我国, 在华 (see :data:`_NATIONWIDE`), 中国内地 or China as a place
    (:data:`_CHINA_AS_PLACE`; neither when not ``mainland``: in a text of Taiwan, where 全国 is Taiwan) or 全台 of what follows (``taiwan_ends``:
    :func:`taiwan_wide_ends` of ``view``): ends of those mentions, in text order."""
    inland = ([m.end() for m in _MAINLAND.finditer(view)] + [m.end() for m in _CHINA_AS_PLACE.finditer(view)]
              if mainland else [])
    return sorted([m.end() for m in _NATIONWIDE.finditer(view)] + [m.end() for m in _IN_CHINA.finditer(view)]
                  + inland + taiwan_ends)


def of_the_country(gaz, own, title: str, view: str) -> bool:
    """Whether a document without a place of its own is about the whole country: its title or its
    opening (300 characters) speaks of 我国 or 全国 as a place (:data:`_NATIONWIDE`: 我国营商环境持续改善;
    全国固定资产投资同比增速…, not 销往全国), or its title speaks of the country's market or people
    (:data:`_OF_CHINA_TITLE`: 国内生猪价格创新高; not its opening, where 国内车企 may be an aside), or it
    opens with a national body's release (国家发展改革委12月14日发布消息, 商务部外资司负责人介绍), and
    its title names no foreign country (青海盐湖与中川矿业合作开发加拿大钾矿 is about Canada) — a
    national story, whose figures that name no place are the country's."""
    if own.national or (own.code is not None and (own.speaker or own.government or own.titled)):
        return False  # a place the document speaks for or is titled by; a place merely named most is no bar
    if not (_NATIONWIDE.search(f"{title}\n{view[:300]}") or _OF_CHINA_TITLE.search(title)
            or _NATIONAL_BODY_OPENS.match(view)):
        return False
    return not any(gaz.places[c].level == "country" for _s, _e, f in gaz.scan(title) for c, _ in gaz.forms[f])


# the mainland as where Taiwan's money goes or is (核准對中國大陸投資, 赴大陸投資, 在大陸設廠; Simplified view):
# the country, in a text of Taiwan where 全國 is Taiwan — not 對中國大陸以外地區投資
_MAINLAND_OF_TAIWAN = re.compile(r"(?:对|赴|在|往)(?:中国)?大陆(?!以外|之外|地区以外|以外地区)")


def mainland_ends(view: str) -> list[int]:
    """Ends of the mainland named as a place in a text of Taiwan (:data:`_MAINLAND_OF_TAIWAN`)."""
    return [m.end() for m in _MAINLAND_OF_TAIWAN.finditer(view)]


def taiwan_wide_ends(view: str) -> list[int]:
    """Ends of 全台/全台湾 in ``view``: figures after them are Taiwan's, in any document."""
    return [m.end() for m in _WHOLE_TAIWAN.finditer(view)]


def taiwan_of(gaz) -> Mention:
    """台湾省 as the place of a figure (全台總計投資2000多億元)."""
    return whole_place(gaz, "710000")


_SENTENCE_PART_END = re.compile("[；;。！？!?]")


def nationwide_end(ends: list[int], view: str, pos: int, after: int) -> int | None:
    """The end of the 全国/全台 that :func:`nationwide_before` finds, or None."""
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if nationwide_before(ends, view, pos, after) else None


def nationwide_before(ends: list[int], view: str, pos: int, after: int) -> bool:
    """Whether a 全国 ends after ``after`` (the figure's place, else its sentence's start) and before
    the figure at ``pos``, in the same part of its sentence (全国累计梳理排查文件3.8万余件，修订或废止
    文件2300余件: both the country's)."""
    i = bisect.bisect_right(ends, pos) - 1
    return i >= 0 and ends[i] > after and not _SENTENCE_PART_END.search(view, ends[i], pos)


# a firm's own results and holdings (营业收入, 净利润, 营收, 资产总额, 货币资金, 市值, 股东应占溢利): the firm's, not a
# place's, unless the figure's own clause names one (全县规模以上工业企业实现营业收入…)
_FIRM_RESULT = re.compile(r"营业收入|营业额|营收|净利润|净利|利润总额|营业利润|毛利|资产总额|总资产|净资产|货币资金|现金|"
                          r"市值|溢利|亏损")


def firm_result_place(place: Mention | None, metric: str | None, view: str, pos: int, end: int,
                      sentence: tuple[int, int]) -> Mention | None:
    """``place``, or None when the figure at ``view[pos:end]`` is a firm's result (its ``metric``: see
    :data:`_FIRM_RESULT`) and the place comes from elsewhere — the document's own place, another sentence,
    or another clause that names no whole (全县已发展民宿600多家，…，年营业额上亿元 stays the county's):
    公司全年实现营业收入86.47亿元 in a story of its project in 叙州区 is the firm's, wherever it is."""
    if place is None or not metric or not _FIRM_RESULT.search(metric):
        return place
    if sentence[0] <= place.start < sentence[1] and (place.anaphor or not in_other_clause(place, view, pos, end)):
        return place
    return None


def in_other_clause(place: Mention, view: str, pos: int, end: int) -> bool:
    """Whether a place of the figure's sentence lies in another clause than the figure at
    ``view[pos:end]`` (a clause break, ，；：, between them)."""
    if place.start < 0:
        return False
    if place.end <= pos:
        return _CLAUSE_END.search(view, place.end, pos) is not None
    return _CLAUSE_END.search(view, end, place.start) is not None


# Where bare 元 is not the renminbi: the currency of Taiwan, Hong Kong and Macau, for their texts
# (:func:`local_of`) and for a Traditional text whose own place is there.
_LOCAL_CURRENCY = {"710000": "TWD", "810000": "HKD", "820000": "MOP"}
# a Hong Kong or Macau text's own currency written out (Simplified view)
_OWN_CURRENCY_WORDS = {"HKD": re.compile("港元|港币"), "MOP": re.compile("澳门元|澳门币|葡币|澳门圆")}

def document_currency(local: str | None, own_code: str | None, script: str, gaz, view: str = "") -> str:
    """The currency a bare 元 means in a document: TWD, HKD or MOP when it is a text of Taiwan, Hong Kong
    or Macau (``local``, :func:`local_of`: its address, its 本港/本澳), or when it is written in Traditional script and
    its own place is there (a mainland article about 台湾 in Simplified keeps CNY); else CNY. A Hong Kong
    or Macau text that writes 人民币 and never its own currency counts in renminbi (a 文匯報 report of a
    廣西 fair: 總投資額423.6億元人民幣 … 協議投資額約258億元)."""
    top = local
    if top is None and own_code and script == "traditional":
        chain = gaz.chain(own_code)
        top = chain[-1].code if chain else own_code
    currency = _LOCAL_CURRENCY.get(top, "CNY")
    if currency in _OWN_CURRENCY_WORDS and "人民币" in view and not _OWN_CURRENCY_WORDS[currency].search(view):
        return "CNY"
    return currency


def place_source(place: Mention | None, ss: int, se: int) -> str | None:
    """Where the place comes from: its ``sentence``, the sentences around it (``context``), or the
    ``document``'s own — for a figure whose text names no place in a work report, a government's
    release, a story whose title names its place, or a national story (全国)."""
    if place is None:
        return None
    if place.start < 0:
        return "document"
    return "sentence" if ss <= place.start and place.end <= se else "context"


_ZONE_TO_PARENT = ("park", "dev_zone", "free_trade_zone")


def place_columns(place: Mention | None, gaz, script: str, cache: dict) -> dict:
    """The columns that depend on the place alone (its name, code, level, parents), displayed in
    ``script``; ``cache`` keeps them per place, as a document names few places many times."""
    key = (place.code, place.name) if place else None
    cols = cache.get(key)
    if cols is None:
        code = place.code if place else None
        zone = gaz.places.get(code) if code else None
        if zone is not None and zone.kind in _ZONE_TO_PARENT and zone.parent in gaz.places:
            # an industrial zone or park is not a division: its figures are its district's or city's
            code = zone.parent
            place = Mention(place.start, place.end, place.text, code, gaz.places[code].name, place.anaphor)
        chain = gaz.chain(code) if code else []
        levels = gaz.level_names(code) if code else {"province": None, "prefecture": None, "county": None}
        disp = lambda s: to_script(s, script) if s else s  # noqa: E731
        cols = cache[key] = {
            "place": disp(place.name) if place else None,
            "place_code": code,
            "place_level": gaz.places[code].level if code else ("country" if place and place.name == COUNTRY.name
                                                                 else None),
            "place_parents": " > ".join(disp(p.name) for p in chain[1:]) if chain else None,
            "province": disp(levels["province"]),
            "prefecture": disp(levels["prefecture"]),
            "county": disp(levels["county"]),
        }
    return cols
