"""When a figure is: the period that governs it among the periods of its sentence.

The last period named before the figure in its own clause governs it, else one right after it
(实现产值5亿元（2019年）), else the last of an earlier clause of its sentence — unless that one is a time
of something else: a temporal clause (一期投资在2013年底达产后，…), a time looked towards or things dated
by it (面向2030年的项目, 2000年底以前发布的行政法规), the name of an event held (举行2024年一季度…签约活动),
the day results were published (本月初公布的初步业绩显示), or the figure's clause is after an event
(达产后年产值…). A day in an earlier clause dates the figure only when it opens its sentence or an
announcement follows it. Headings govern nothing (:func:`outside_headings`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from zhaoshang.text.periods import Period

__all__ = ["governing_period", "outside_headings"]

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
            if not _is_day(p) or _opens(view, p, inside, sent_start, pos):
                last_earlier = p
                break
    if last_before is not None and not _CLAUSE_END.search(view, last_before.end, pos):
        return _as_governing(view, pos, last_before, inside)
    k = bisect.bisect_left(inside, end, key=_start)
    if k < len(inside):
        p = inside[k]
        if not _CLAUSE_END.search(view, end, p.start) and (
                p.start - end <= _AFTER_GAP or view[p.start - 1:p.start] in "(（"):
            return p
    if last_earlier is not None and not _subordinate(view, last_earlier.end, pos) and not _after_an_event(
            view, pos, last_earlier.end):
        return _as_governing(view, pos, last_earlier, inside)
    return None


def _start(p: Period) -> int:
    return p.start


_UNTIL_WORD = ("至", "截至", "截止", "到", "直到")
_SINCE_END = ("起", "开始", "以来")
_JOIN_GAP = 60  # characters between 自从2006年起 and 至2009年底 (clauses of one sentence)


def _as_governing(view: str, pos: int, p: Period, inside: list[Period]) -> Period:
    """``p`` as the period of the figure at ``pos``: joined to the since-point that opened its sentence
    (:func:`_joined_span`), cut at the up-to point before it (:func:`_until_cut`), and the whole year when the
    figure is that year's plan (:func:`_annual`)."""
    return _annual(view, pos, _until_cut(_joined_span(view, p, inside), inside))


_THIS_YEAR = ("今年", "本年", "今年度")  # this year, which an up-to point earlier in the sentence may cut short


# a year's plan or target said of a part of it (1-11月，…，年度计划投资218.6亿元): the whole year's
_ANNUAL_BEFORE = re.compile(r"(?:年度|全年)(?:计划|目标|任务)[^，,；;。：:]{0,6}$")


def _annual(view: str, pos: int, p: Period) -> Period:
    """The whole year of ``p`` when the figure at ``pos`` is that year's plan or target (年度计划投资,
    全年目标) and ``p`` a part of one calendar year; else ``p``."""
    if not (p.period_start and p.period_end) or p.period_start[:4] != p.period_end[:4]:
        return p
    if not _ANNUAL_BEFORE.search(view, max(0, pos - 12), pos):
        return p
    y = p.period_start[:4]
    return replace(p, period_start=f"{y}-01-01", period_end=f"{y}-12-31")


def _until_cut(p: Period, inside: list[Period]) -> Period:
    """This year after an up-to point of the same year earlier in the sentence (截至10月底，今年签约的47个
    内资项目…; 截至10月底，成都今年新增外商投资企业692家) is the year until that point: 1 January to it."""
    if p.text not in _THIS_YEAR or not (p.period_start and p.period_end):
        return p
    k = bisect.bisect_left(inside, p.start, key=_start) - 1
    for q in inside[max(0, k - 2):k + 1]:
        if (q.end <= p.start and q.period_start is None and q.period_end
                and q.period_end[:4] == p.period_start[:4] and q.period_end < p.period_end):
            return replace(p, period_end=q.period_end)
    return p


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
# a period that opens the name of an event, the event then held: 2022年第二季度重大招商引资项目集中签约活动在南昌举行
_EVENT_NAMED = re.compile(r"(?:度)?[^，,。；;：:！？!?\d]{2,20}?(?:活动|大会|推介会|洽谈会|签约仪式|博览会|交易会|论坛|会议)"
                          r"(?:在[^，,。；;]{1,12}?)?(?:隆重|成功|盛大|顺利)?(?:举行|举办|召开|开幕|启幕|闭幕)")


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
    if _EVENT_NAMED.match(view, p.end):
        return True  # 全省2022年第二季度重大招商引资项目集中签约活动在南昌举行: the event's name
    if _TARGET_SHARE.match(view, p.end):
        return True  # 今年1至8月，…，完成全年任务的70%；实现出口总额…: the year of the target, a yardstick
    return view.endswith(_HELD, 0, p.start) and not _CLAUSE_END.match(view, p.end)


# a year's target reached in part (完成全年任务的70%, 占年度计划的93.3%): the period names the target, not a frame
_TARGET_SHARE = re.compile(r"(?:的)?(?:目标)?(?:任务|目标|计划)(?:的|数的)")


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


def _opens(view: str, p: Period, inside: list[Period], sent_start: int | None, pos: int | None = None) -> bool:
    """Whether ``p`` opens its sentence or its clause (今天（2月6日），海南…; 记者获悉，6月7日，…): a day
    in an earlier clause is the figure's only when it frames what follows (in 进博会…对接会今天结束，
    近4000家展客商参加… the figures are of the days of the fair)."""
    if sent_start is not None and _OPENING.fullmatch(view, sent_start, p.start):
        return True  # nothing before it but 而在, 去年 …: 去年12月6日，RML声称…
    if _ANNOUNCED.match(view, p.end):
        return True  # 甲公司7月26日发布公告，…拟增资4.9亿元: what is announced is of that day
    held = _HELD_THAT_DAY.match(view, p.end)
    if held and pos is not None and _REPORTED_THERE.match(view, held.end(), pos):
        return True  # 推介会昨日在香港举行，现场签约项目共56个，总投资额…: what was signed at it is of that day
    return p.start > 0 and view[p.start - 1] in "，,；;：:"


# a day its clause holds an event on (推介会昨日在湾仔香港会议展览中心举行), and a clause after it that reports
# what was done there (现场签约项目共56个, 会上签约…; sections.py has the cue of a whole sentence) — not a
# project's size beside its ceremony's day
_HELD_THAT_DAY = re.compile(r"[^，,。；;]{0,30}?(?:举行|举办|召开|开幕|闭幕|落幕|启幕)[，,]")
_REPORTED_THERE = re.compile(r"(?:现场|会上|当天|当日|活动期间|会议期间|期间|共)?[^，,。；;]{0,4}?签约|现场|会上|当天|当日")


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
_AFTER_EVENT = re.compile(r"(?:达产|达效|投产|建成|竣工|完工|落成|运营|开业|运行)(?:后|以后|之后)(?!的)")  # not 投产后的企业
_AFTER_EVENT_REACH = 16
_OPENS_AFTER_EVENT = re.compile(rf"[^，,。；;]{{0,6}}?(?:{_AFTER_EVENT.pattern})")  # 项目建成后，…
_AFTER_EVENT_SPAN = 80  # how far a clause opening after an event may stand between a period and a figure


def _after_an_event(view: str, pos: int, since: int | None = None) -> bool:
    """Whether the clause of the figure at ``pos`` puts it after an event (建成后, 达产后 …) before it: a
    state to come, which the period of an earlier clause (the year the plant opens) does not date — nor
    when a clause between that period (ending at ``since``) and the figure opens so (计划明年6月建成投产，
    建成后可形成…的生产能力，预计年销售收入3.2亿元)."""
    lo = max(0, pos - _AFTER_EVENT_REACH)
    breaks = list(_CLAUSE_END.finditer(view, lo, pos))
    if _AFTER_EVENT.search(view, breaks[-1].end() if breaks else lo, pos) is not None:
        return True
    if since is None or pos - since > _AFTER_EVENT_SPAN:
        return False
    return any(_OPENS_AFTER_EVENT.match(view, b.end()) for b in _CLAUSE_END.finditer(view, since, pos))


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
