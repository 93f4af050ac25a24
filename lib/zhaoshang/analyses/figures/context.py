"""Where and when a figure is: its place and its period, and the columns that report the place.

A figure's place is the most specific place named for it — in its sentence, else in the sentences
of its paragraph around it, when the places there may carry over (:func:`carrier_rule`) — and its
period the period that governs its clause (:func:`governing_period`). :class:`PlaceIndex` indexes a document's
place mentions once, so that finding each figure's place stays cheap on long paragraphs.
:func:`place_columns` and :func:`place_source` give the place's columns of a row (name, code,
level, parents, and whether the place came from the sentence, its context or the document).
"""
from __future__ import annotations

import bisect
import re

from zhaoshang.text.periods import Period
from zhaoshang.text.place_passing import BOUGHT_BEFORE
from zhaoshang.text.places import Mention
from zhaoshang.text.script import to_script


def _bracketed(m: Mention, view: str) -> bool:
    return m.start > 0 and view[m.start - 1] in "(（" and view[m.end:m.end + 1] in ")）"


_CLAUSE_STOP = re.compile("[；;，,：:]")
# words that put what follows as the place where something happens (在海拉尔区, 於歸仁區擴廠, 落户太仓)
_LOCATIVE_BEFORE = re.compile("(?:在|于|落户|落地|位于|选址|进驻|入驻)$")
# 以 before an amount: the price of something (以2000万英镑的价格，…收购了…), maybe with its qualifier
_PRICE_BEFORE = re.compile("以(?:总价|大约|约|近|逾|超过)?$")


class PlaceIndex:
    """The place mentions of a document that can give a figure its place, indexed once: their
    starts (for bisection) and, for each mention, the nearest one at or before it and at or after
    it that may carry its place to other sentences — so that a figure finds its place without
    rescanning its paragraph (which made long paragraphs quadratic)."""

    def __init__(self, mentions: list[Mention], view: str, carries=None):
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.view = view
        ok = [carries is None or carries(m) for m in mentions]
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


def carrier_rule(gaz, own):
    """Which places may give their place to the sentences around them (not only their own).

    A national report (国务院) names provinces and cities as examples: none carries over. A
    document with a place of its own (海拉尔区's work report, an article about 山东) carries over
    only places in the same province — 香港 in one sentence of a 海拉尔区 report says nothing about
    the next. Without an own place, every place carries over. 该区/全区 … do. A place above the
    document's own never does (呼伦贝尔 or 全市 in a district's report: 排全市首位, 呼伦贝尔中心城市):
    the report speaks for the district."""
    if own.national:
        return lambda m: m.anaphor
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


def governing_period(view: str, pos: int, end: int, inside: list[Period],
                     sent_start: int | None = None) -> Period | None:
    """The period that governs a figure at ``view[pos:end]``, among the periods ``inside`` its
    sentence: the last named before it in its own clause (up to ，；：), else the first after it in
    that clause when it follows the figure at once (实现产值5亿元（2019年）), else the last named in an
    earlier clause of the sentence (2019年，全市签约项目61个，总投资298亿元) unless that clause is a time
    of something else (一期投资在2013年底达产后，年销售收入将超过100亿元). A period in a later clause is
    never the figure's: in 总投资10亿元，预计2025年建成 the year is when the project is finished, not
    when the money was."""
    # a period written right before a number (由2002年7703元增加到2007年13786元, 由上年18亿元增加到95亿元)
    # is that number's alone
    # ``inside`` is in order of start: looked at from the figure backwards and forwards (bisect), so
    # that a sentence of thousands of periods and figures stays linear
    last_before = last_earlier = None
    k = bisect.bisect_left(inside, pos, key=_start) - 1
    if k >= 0 and inside[k].end >= end and inside[k].of_an_event:
        return inside[k]  # 从7月19日开始，逾50家…参与为期一周的采购峰会: the figure stands inside the event's days
    for k in range(bisect.bisect_left(inside, pos, key=_start) - 1, -1, -1):
        p = inside[k]
        if p.end <= pos and (p.end == pos or not _attached(view, p)):
            last_before = last_before or p
            # an earlier clause's period: a day there dates the figure only when it opens the sentence;
            # one that qualifies a noun inside its clause (部署启动面向2030年的科技创新重大项目，…) none
            if _CLAUSE_END.search(view, p.end, pos) and (_qualifies_a_noun(view, p) or _publishes_results(view, p)):
                continue
            if not _is_day(p) or _opens(view, p, inside, sent_start):
                last_earlier = p
                break
    if last_before is not None and not _CLAUSE_END.search(view, last_before.end, pos):
        return _joined_span(view, last_before, inside)
    k = bisect.bisect_left(inside, end, key=_start)
    if k < len(inside):
        p = inside[k]
        if not _CLAUSE_END.search(view, end, p.start) and (
                p.start - end <= _AFTER_GAP or view[p.start - 1:p.start] in "(（"):
            return p
    if last_earlier is not None and not _subordinate(view, last_earlier.end, pos) and not _after_an_event(view, pos):
        return _joined_span(view, last_earlier, inside)
    return None


def _start(p: Period) -> int:
    return p.start


_UNTIL_WORD = ("至", "截至", "截止", "到", "直到")
_SINCE_END = ("起", "开始", "以来")
_JOIN_GAP = 60  # characters between 自从2006年起 and 至2009年底 (clauses of one sentence)


def _joined_span(view: str, p: Period, inside: list[Period]) -> Period:
    """An up-to point (至2009年底: no start) that an earlier clause of its sentence opened with a
    since-expression (自从2006年起，…，至2009年底，该公司已卖掉了60多间酒店) is one span, from the first to
    the second: 2006-01-01..2009-12-31; any other period as it is."""
    if p.period_start is not None or p.period_end is None or not (
            p.text.startswith(_UNTIL_WORD) or view.endswith(_UNTIL_WORD, 0, p.start)):
        return p
    k = bisect.bisect_left(inside, p.start, key=_start) - 1
    if k < 0:
        return p
    q = inside[k]
    if (q.text.endswith(_SINCE_END) and q.period_start is not None and q.period_start <= p.period_end
            and 0 <= p.start - q.end <= _JOIN_GAP and not re.search("[。！？!?]", view[q.end:p.start])):
        return Period(q.start, p.end, view[q.start:p.end], q.period_start, p.period_end)
    return p


# a number written right after a period: an amount or a count of it (2002年7703元), not a duration (11年中)
_ATTACHED = re.compile(r"\d[\d.,]*\s*(?:万亿|亿|万|千|百)?(?:元|美元|欧元|日元|港元|英镑|个|家|项|户|件|条|所|座|案)")


def _attached(view: str, p: Period) -> bool:
    return _ATTACHED.match(view, p.end) is not None


def _is_day(p: Period) -> bool:
    return p.period_start is not None and p.period_start == p.period_end


# a time looked towards, qualifying a noun: 面向2030年的科技创新重大项目, 迈向2035年的目标
_TOWARDS = ("面向", "迈向", "展望", "着眼", "瞄准")


# things dated by when they were issued or set up: 2000年底以前发布的行政法规, 2015年设立的基金
_DATED_THINGS = re.compile("(?:以前|之前|以后|之后|前|后)?(?:发布|出台|制定|颁布|签订|签署|设立|批准|成立|注册|开工|建成)的")
# what is held, opened or attended, named with its period: 举行2024年一季度重点项目集中签约活动
_HELD = ("举行", "举办", "召开", "开展", "启动", "组织", "出席", "参加", "亮相")


def _qualifies_a_noun(view: str, p: Period) -> bool:
    """Whether ``p`` qualifies a noun of its clause rather than framing the clauses after it: a time looked
    towards (部署启动面向2030年的科技创新重大项目: the horizon of that thing), or the name of an event held
    (3月14日，沂水县举行2024年一季度重点项目集中签约活动，共签约项目26个: the day dates them, not the quarter),
    or the time things were issued or set up (对2000年底以前发布的756件行政法规进行清理，废止71件).
    A period before 的 of another kind (按一九五四年的计划指标计算，…; 该公司到2010年9月的成本已经降到…) and one
    that ends its clause (举行于2024年3月，) do frame them."""
    if view.startswith("的", p.end) and view.endswith(_TOWARDS, 0, p.start):
        return True
    if _DATED_THINGS.match(view, p.end):
        return True  # 对2000年底以前发布的756件行政法规进行清理，废止71件: when those rules were issued
    return view.endswith(_HELD, 0, p.start) and not _CLAUSE_END.match(view, p.end)


# the day results or statistics were published: 本月初公布的初步业绩显示, 昨日发布的统计数据显示
_RESULTS_PUBLISHED = re.compile(r"(?:正式|晚间|早间)?(?:公布|发布|披露|发表|出炉)的[^，,；;。]{0,8}?"
                                r"(?:业绩|财报|年报|季报|半年报|报表|数据|统计|报告|公报|调查|结果)")


def _publishes_results(view: str, p: Period) -> bool:
    """Whether ``p`` is the time results or statistics were published (该公司本月初公布的初步业绩显示，…):
    they are of a period before it, which the text says or not, never of the publishing day itself —
    unlike an announcement of what is decided (甲公司7月26日发布公告，拟增资4.9亿元: of that day)."""
    return _RESULTS_PUBLISHED.match(view, p.end) is not None


# what may stand before a period that opens its sentence: a connective, 在/于, a year said in words
_OPENING = re.compile(r"\s*(?:而|但|并|另外|此外|同时)?(?:在|于)?(?:去年|今年|前年|当年|同年|上年)?\s*")


def _opens(view: str, p: Period, inside: list[Period], sent_start: int | None) -> bool:
    """Whether ``p`` opens its sentence or its clause (今天（2月6日），海南…; 记者获悉，6月7日，…): a day
    in an earlier clause is the figure's only when it frames what follows (in 进博会…对接会今天结束，
    近4000家展客商参加… the figures are of the days of the fair)."""
    if sent_start is not None and _OPENING.fullmatch(view, sent_start, p.start):
        return True  # nothing before it but 而在, 去年 …: 去年12月6日，RML声称…
    if _ANNOUNCED.match(view, p.end):
        return True  # 甲公司7月26日发布公告，…拟增资4.9亿元: what is announced is of that day
    return p.start > 0 and view[p.start - 1] in "，,；;：:"


# a day followed by the announcement that states the figures (甲公司7月26日又发布公告, 该公司8月1日的增发预案显示,
# 6月23日，中粮集团称)
_ANNOUNCED = re.compile(r"(?:又|再次|再|正式|晚间|晚|早间)?(?:发布|公布|宣布|披露|发出|发表|公告|表示|声称|称|透露|"
                        r"的[^，,；;。]{0,8}(?:显示|称|表示|披露))")


# A period after its figure is the figure's when it follows it at once in its clause (5亿元（2019年）):
# further on in the clause it belongs to what it stands next to (总投资25亿元中…来自于去年底增发的1万亿国债).
_AFTER_GAP = 2
# A clause that ends in 后/时/前 (一期投资在2013年底达产后，…) is a time of another event, not the
# period of the figures of the clauses after it.
_SUBORDINATE_END = re.compile(r"(?:后|以后|之后|(?<![\d〇零一二两三四五六七八九十])时|之时|前|以前|之前)$")  # not 9时


def _subordinate(view: str, after: int, pos: int) -> bool:
    """Whether the clause that holds a period ending at ``after`` (before the figure at ``pos``) is a
    temporal subordinate clause (its text up to its clause break ends with 后, 时, 前)."""
    m = _CLAUSE_END.search(view, after, pos)
    if m is None or m.start() - after < 2:  # 到2015年时，: by then, the figure's period
        return False
    return _SUBORDINATE_END.search(view[max(after, m.start() - 4):m.start()]) is not None


# the figure's own clause says it is of a time after an event: 预计2024年底投产，达产后年产值可达80亿元
_AFTER_EVENT = re.compile(r"(?:达产|达效|投产|建成|竣工|完工|落成|运营|开业|运行)(?:后|以后|之后)")
_AFTER_EVENT_REACH = 16


def _after_an_event(view: str, pos: int) -> bool:
    """Whether the clause of the figure at ``pos`` puts it after an event (建成后, 达产后 …) before it: a
    state to come, which the period of an earlier clause (the year the plant opens) does not date."""
    lo = max(0, pos - _AFTER_EVENT_REACH)
    breaks = list(_CLAUSE_END.finditer(view, lo, pos))
    return _AFTER_EVENT.search(view, breaks[-1].end() if breaks else lo, pos) is not None


# A heading: a short line without a full stop that opens with an enumerator (一、2018年工作回顾,
# （二）主要目标); it may be joined to the paragraph it heads.
_HEADING_LINE = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[）)])[^。\n]{0,36}$",
    re.MULTILINE)


def outside_headings(view: str, periods: list[Period]) -> list[Period]:
    """``periods`` without those of heading lines (一、2018年工作回顾): a heading governs no figure, even
    when the sentence splitter joins it to the line below."""
    heads = [(m.start(), m.end()) for m in _HEADING_LINE.finditer(view)]
    if not heads:
        return periods
    starts = [a for a, _ in heads]
    out = []
    for p in periods:
        i = bisect.bisect_right(starts, p.start) - 1
        if i >= 0 and p.end <= heads[i][1]:
            continue
        out.append(p)
    return out


def period_in(pos: int, inside: list[Period]) -> Period | None:
    """The period of a figure at ``pos`` among the periods ``inside`` its sentence, by position
    alone: the last named before it, else the first after it (:func:`governing_period` reads the
    clauses too)."""
    before = [p for p in inside if p.end <= pos]
    if before:
        return before[-1]
    after = [p for p in inside if p.start >= pos]
    return after[0] if after else None


COUNTRY = Mention(-1, -1, "", None, "全国")
"""The place of a national report's figures when the figure's clause names none: 全国 (level ``country``)."""


# Places whose texts call themselves 全國 (a Taiwan government's 全國 is Taiwan): the top division's code
_OWN_COUNTRY = ("710000",)


def country_of(gaz, own) -> Mention:
    """What 全国 means in a document: :data:`COUNTRY`, or 台湾省 when the document's own place is in
    Taiwan (全國111年民間參與公共建設投資案 in a release of 台南市政府)."""
    if own.code:
        chain = gaz.chain(own.code)
        top = chain[-1] if chain else None
        if top is not None and top.code in _OWN_COUNTRY:
            return Mention(-1, -1, "", top.code, top.name)
    return COUNTRY


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
    (:data:`_OF_CHINA_TITLE`: 国内生猪价格创新高; not its opening, where 国内车企 may be an aside), and
    its title names no foreign country (青海盐湖与中川矿业合作开发加拿大钾矿 is about Canada) — a
    national story, whose figures that name no place are the country's."""
    if own.national or (own.code is not None and (own.speaker or own.government or own.titled)):
        return False  # a place the document speaks for or is titled by; a place merely named most is no bar
    if not (_NATIONWIDE.search(f"{title}\n{view[:300]}") or _OF_CHINA_TITLE.search(title)):
        return False
    return not any(gaz.places[c].level == "country" for _s, _e, f in gaz.scan(title) for c, _ in gaz.forms[f])


def taiwan_wide_ends(view: str) -> list[int]:
    """Ends of 全台/全台湾 in ``view``: figures after them are Taiwan's, in any document."""
    return [m.end() for m in _WHOLE_TAIWAN.finditer(view)]


def taiwan_of(gaz) -> Mention:
    """台湾省 as the place of a figure (全台總計投資2000多億元)."""
    p = gaz.places["710000"]
    return Mention(-1, -1, "", p.code, p.name)


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


def in_other_clause(place: Mention, view: str, pos: int, end: int) -> bool:
    """Whether a place of the figure's sentence lies in another clause than the figure at
    ``view[pos:end]`` (a clause break, ，；：, between them)."""
    if place.start < 0:
        return False
    if place.end <= pos:
        return _CLAUSE_END.search(view, place.end, pos) is not None
    return _CLAUSE_END.search(view, end, place.start) is not None


# Where bare 元 is not the renminbi: the currency of Taiwan, Hong Kong and Macau, by the top-level
# domain of the document's address and by the province of its own place.
_LOCAL_CURRENCY = {"710000": "TWD", "810000": "HKD", "820000": "MOP"}
_TLD_CURRENCY = {"tw": "TWD", "hk": "HKD", "mo": "MOP"}
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.IGNORECASE)


def government_site(url: str | None) -> bool:
    """Whether ``url`` is on a government's site (www.tainan.gov.tw, www.news.gov.hk, *.gov.cn): the
    document is that government's release, so its figures without a place are its own place's."""
    m = _HOST.match(url or "")
    if not m:
        return False
    labels = m.group(1).lower().rstrip(".").split(".")
    return "gov" in labels[1:]


def document_currency(url: str | None, own_code: str | None, script: str, gaz) -> str:
    """The currency a bare 元 means in a document: TWD, HKD or MOP when its address is under .tw,
    .hk or .mo, or when it is written in Traditional script and its own place is in Taiwan, Hong
    Kong or Macau (a mainland article about 台湾 in Simplified keeps CNY); else CNY."""
    m = _HOST.match(url or "")
    if m:
        tld = m.group(1).lower().rstrip(".").rsplit(".", 1)[-1]
        if tld in _TLD_CURRENCY:
            return _TLD_CURRENCY[tld]
    if own_code and script == "traditional":
        chain = gaz.chain(own_code)
        top = chain[-1].code if chain else own_code
        if top in _LOCAL_CURRENCY:
            return _LOCAL_CURRENCY[top]
    return "CNY"


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
