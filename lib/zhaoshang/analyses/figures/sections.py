"""Which year a figure is of when its own sentence does not say: the period its paragraph has opened
with, and, in a government work report, the section it stands in.

Two general facts of how these texts are written:

- A period that opens a sentence (``2016年，全区…``, ``去年，全国进出口…``, ``今年赤字率拟按…``) frames
  the sentences after it in its paragraph, up to the next sentence that opens with another
  (:func:`sentence_openers`). In a work report the openers of its review (``过去的一年，…``, ``五年来，…``)
  frame the figures of their own paragraph (过去的一年，…。规模以上工业总产值完成90.1亿元 is the past
  year's), like any other opener; a heading line (``一、2014年工作回顾``) frames nothing, and no opener
  frames a paragraph below its own. A 全年 frames its paragraph when it leads it (first, or after the
  paragraph's inline heading: 经济实力明显增强。全年…); an undated opener (这几年，…) ends a frame.
- ``全年`` and ``年内`` name the year being reported on (:data:`~zhaoshang.text.periods.WHOLE_YEAR_WORDS`):
  the year of the period their paragraph opened with, else, in a work report, the year its section
  is about — the year before the report's in the review (``一、2014年工作回顾`` up to the next section
  heading), the report's own year after it (the plan: ``二、2015年工作总体部署``) — else unknown
  (:func:`resolve_whole_years`). A five-year review's 全年 is no one year: it stays unresolved.

Everything here is one pass over the headings, the sentences and the periods: linear in the text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from zhaoshang.text.periods import WHOLE_YEAR_WORDS, YEAR_END_WORDS, Period
from zhaoshang.text.year_parts import year_end_span

__all__ = ["ReportSections", "confine_bare_years", "opening_event", "report_sections", "resolve_whole_years",
           "section_year", "sentence_openers", "title_year", "with_target_year"]

# a section heading of the first level: 一、2014年工作回顾, 第二部分 … (a short line without a full stop)
_TOP_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)(?P<title>[^。\n]{0,40})$", re.MULTILINE)
_REVIEW_TITLE = re.compile(r"回顾|过去|一年来|五年来|工作总结")


@dataclass(frozen=True)
class ReportSections:
    """Where a work report's review runs ([start, end) of the view) and whether it reviews five years."""

    review: tuple[int, int] | None
    five_years: bool = False
    plan_years: bool = False  # the review's heading names five years or a plan (“十一五”时期的回顾)


def report_sections(view: str, year: int | None) -> ReportSections:
    """The review section of a work report of ``year``: from the first top-level heading that names a
    review (回顾, 过去, or the year before: 一、１９９４年国内工作的回顾) to the next top-level heading."""
    if year is None:
        return ReportSections(None)
    heads = list(_TOP_HEADING.finditer(view))
    for i, m in enumerate(heads):
        title = m.group("title")
        if _REVIEW_TITLE.search(title) or str(year - 1) in title:
            end = heads[i + 1].start() if i + 1 < len(heads) else len(view)
            # 过去一年和五年工作回顾 reviews the past year too: its 全年 is that year
            five = "五年" in title and not _ONE_YEAR_TOO.search(title)
            return ReportSections((m.start(), end), five, _PLAN_NAMED.search(title) is not None)
    return ReportSections(None)


_PLAN_NAMED = re.compile(r"五年|[一二三四五六七八九十]五")
_ONE_YEAR_TOO = re.compile(r"一年|去年|上年|\d{4}年")
# a report's 五年 or 这五年 opening a clause (五年建成…, 这五年，…): the years before the report only in a
# review of five years; elsewhere (五年投资一百七十九亿元 in a plan's section, 这三年 of a report given at the
# end of its year) it may be the plan's or the report's own years, so it is no period there. Sums (五年累计, 五年共, 五年间)
# are the years before the report wherever they stand.
_BARE_YEARS = re.compile(r"这[两三四五六七八九十]年(?:来|以来)?|[五十]年")
_SUMMED = re.compile(r"共|累计|中(?!央|国(?!家))|间|里|增加|新增|年均|平均")


def confine_bare_years(view: str, periods: list[Period], sections: ReportSections) -> list[Period]:
    """``periods`` without a report's clause-opening 五年 and 这N年 (:data:`_BARE_YEARS`) outside a review
    of five years (:attr:`ReportSections.plan_years`): there they name no period of their own, and the
    paragraph's frame, if any, dates the figure."""
    if sections.review is not None and sections.plan_years:
        a, b = sections.review
    else:
        a = b = -1
    return [p for p in periods
            if not (_BARE_YEARS.fullmatch(p.text) and not a <= p.start < b
                    and not _SUMMED.match(view, p.end))]


# a plan's announcement of its targets at a paragraph's start, naming no year: 经济社会发展主要预期目标是：…
_TARGETS_SAID = re.compile(r"^[ \t\u3000]*(?:全[区市县省州盟旗])?(?:经济社会|国民经济和社会)发展的?(?:主要)?(?:预期)?目标(?:是|为)[：:]",
                           re.MULTILINE)


def with_target_year(view: str, periods: list[Period], sections: ReportSections, year: int | None) -> list[Period]:
    """``periods`` with the report's own year for a paragraph that announces the plan's targets without
    naming one (经济社会发展主要预期目标是：地区生产总值增长11%，达到282亿元; …): after the review, what a
    work report plans is for the year it is given in. The announcement is that period's text, so that
    it opens and frames its paragraph like a written 2014年."""
    if year is None:
        return periods
    added = [Period(m.start(), m.end(), m.group().strip(), f"{year}-01-01", f"{year}-12-31")
             for m in _TARGETS_SAID.finditer(view) if section_year(sections, m.start(), year) == year]
    return sorted(periods + added, key=lambda p: (p.start, p.end)) if added else periods


def section_year(sections: ReportSections, pos: int, year: int | None) -> int | None:
    """The year a 全年 at ``pos`` of a report of ``year`` is about by its section: the year before in
    the review (None in a five-year review), the report's year after the review, None before it or
    when the report has no review heading."""
    if sections.review is None or year is None:
        return None
    a, b = sections.review
    if pos < a:
        return None
    if pos < b:
        return None if sections.five_years else year - 1
    return year


# what may follow the verb of a release before what it says (公布的统计数据显示, 发布消息称)
_SAID_TAIL = r"(?:的?(?:统计)?(?:数据|消息|报告|公告))?(?:显示|称)?"
# what may stand before a sentence's opening period: an enumerator ((一), 一、, 一是), a work report's
# address to the delegates (各位代表，刚刚过去的2015年，…), a guiding phrase (按照…的思路，), a news story's
# source (记者获悉，), and 在/于
_OPENER_PREFIX = re.compile(
    r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是])?[ \t\u3000]*"
    r"(?:各位代表[，,！!][ \t\u3000]*)?"
    # a guiding phrase before it (按照“做精一产”的发展思路，全年共实施…)
    r"(?:(?:按照|围绕|根据|坚持|立足|紧扣|紧紧围绕)[^，,。；;\d]{1,24}[，,][ \t\u3000]*)?"
    # a news story's source (记者从省商务厅获悉，2023年，…; 据统计，去年…; 投资推广署今日公布，去年…; not a person's
    # words, 吴启明介绍，目前，…, which frame no other speaker's), a topic (外资方面，去年…)
    r"(?:(?:记者[^，,。；;\d]{0,20}?(?:获悉|了解到|获知)|据(?:了解|悉|统计|介绍|测算|初步统计|不完全统计)"
    r"|据[^，,。；;\d]{1,16}(?:统计|介绍|消息|数据显示)"
    rf"|[^，,。；;]{{2,20}}?(?:公布|宣布|发布|指出){_SAID_TAIL}"
    r"|[^，,。；;\d]{1,8}方面)[，,][ \t\u3000]*)?"
    r"(?:刚刚过去的|刚过去的|过去的)?(?:在|于)?")
# the event a span of years is counted from, before it (实施西部大开发战略三年来，…; 改革开放三十年来，…)
_EVENT_BEFORE_YEARS = re.compile(r"[^，,。；;：:\d\n]{2,20}")
_YEARS_SINCE = re.compile(r"(?:[一二两三四五六七八九十]{1,3}|\d{1,2})年(?:来|以来)")
# after a period that frames its sentence: a comma, or the subject (今年赤字率…); not 是 (今年是…之年),
# 的, or what makes it a point of change (去年下半年开始…, 2013年起, 至, 到)
_NOT_FRAME_NEXT = frozenset("是的开起以至到前后间内")
_HEADING_START = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[）)])[^。\n]{0,36}\n")


# a paragraph's inline heading: a short sentence without a number (经济实力明显增强。, (二)产业培育实现新突破。)
_INLINE_HEADING = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?[^\d０-９。！？\n]{2,24}[。！？]?[ \t\u3000]*")


# a sentence opening with a time that names no date (这几年，…, 近年来，…, 多年来): what it says is of that time
_UNDATED_OPENER = re.compile(r"(?:这几年|近几年|这些年|近些年|近年来|多年来|这一时期|此前|过去几年)")


def _is_day(p: Period) -> bool:
    return p.period_start is not None and p.period_start == p.period_end


# a news agency's dateline: 新华社北京2月15日电（记者李明）, 本报讯, 央视网消息（新闻联播）：
_DATELINE = re.compile(r"[ \t\u3000]*(?:[^，,。；;！？!?\n]{0,12}?\d{1,2}月\d{1,2}日(?:电|讯)|本报讯|[^，,。；;\n]{0,6}消息)"
                       r"(?:[（(][^）)\n]{0,16}[）)])?[：:]?[ \t\u3000]*")


_DATELINE_REACH = 24


def _text_start(view: str, ss: int, se: int) -> int:
    """Where the sentence [ss, se) begins after a heading line joined to it (一、2014年工作回顾\n…) and a
    dateline (新华社北京2月15日电（记者李明）)."""
    m = _HEADING_START.match(view, ss, se)
    ss = m.end() if m else ss
    head = view[ss:min(se, ss + _DATELINE_REACH)]
    if "电" not in head and "讯" not in head and "消息" not in head:
        return ss  # no dateline (most sentences): no regex
    m = _DATELINE.match(view, ss, se)
    return m.end() if m and m.end() > ss else ss


def _opening_day(view: str, ss: int, se: int, periods: list[Period], starts: list[int]) -> Period | None:
    """The day that opens the sentence [ss, se) before a comma (4月10日，…推介会在深圳举行), if any."""
    i = bisect.bisect_left(starts, ss)
    if i >= len(periods) or periods[i].end > se or not _is_day(periods[i]):
        return None
    p = periods[i]
    return p if _OPENER_PREFIX.fullmatch(view, ss, p.start) and view[p.end:p.end + 1] in ("，", ",") else None


# what stands between the day something is said and the time it is about: 今日公布，去年共协助…
_SAID_ON_A_DAY = re.compile(rf"(?:正式|再次)?(?:公布|宣布|发布){_SAID_TAIL}[，,][ \t\u3000]*")
# a sentence that reports what happened at the event the sentence before dated: 现场签约项目35个, 会上…, 此次共有12个项目
_AT_THE_EVENT = re.compile(r"(?:在)?(?:(?:活动|大会|会议|推介会|签约仪式|仪式)(?:现场|上)|现场|会上|当天|当日)"
                           r"(?:[，,]|(?=[^，,。]))|(?:本次|此次)?签约的?项目中|(?:本次|此次)(?:共|共有|集中|现场)")  # (not 上海…, 上半年…)
# … and the event the story opened with, named back from any paragraph: 本次签约活动中, 此次推介会上, 开幕式上
_THE_EVENT_AGAIN = re.compile(r"(?:本次|此次|本届|此届)[^，,。；;]{0,6}?(?:活动|大会|会议|推介会|洽谈会|博览会|展会|仪式)"
                              r"|(?:开幕式|闭幕式|签约仪式|启动仪式)上")
# a sentence of the same time as the one before it, even across a paragraph: 同期，我国境内投资者…
# (and after the place it is about: 广东省1—8月…。江苏省同期实际使用外资…)
_SAME_TIME = re.compile(r"(?:同期|同年|同一时期)[，,]|[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|自治区)(?:同期|同年)(?![增相比])")
_SAME_DAY = re.compile(r"(?:同日|同一天)[，,]")  # 3月4日晚间，甲公司发布公告…。同日，甲公司还宣布…


def _opener(view: str, ss: int, se: int, periods: list[Period], starts: list[int]) -> Period | None:
    """The period that opens the sentence whose text runs [ss, se) (after its heading, if any) and
    frames it, if any."""
    i = bisect.bisect_left(starts, ss)
    if i >= len(periods) or periods[i].end > se:
        return None
    p = periods[i]
    if _is_day(p) and i + 1 < len(periods) and periods[i + 1].end <= se and _SAID_ON_A_DAY.fullmatch(
            view, p.end, periods[i + 1].start):
        p = periods[i + 1]  # 投资推广署今日公布，去年共协助… (商务部15日发布数据显示，今年1月…): the day it was said
    if not (_OPENER_PREFIX.fullmatch(view, ss, p.start)
            or (_YEARS_SINCE.fullmatch(p.text) and _EVENT_BEFORE_YEARS.fullmatch(view, ss, p.start))):
        return None
    nxt = view[p.end:p.end + 1]
    if not nxt or nxt in _NOT_FRAME_NEXT:
        return None
    if nxt not in "，," and not _whole_year(p):
        return None  # 去年一季度经济开局良好: the topic of its sentence; “十五五”规划纲要提出: a title
    if _is_day(p) or not (p.period_start or p.period_end):
        return None  # a day is an event's; 全年 frames once its year is known (:func:`resolve_whole_years`)
    return p


def sentence_openers(view: str, sentences: list[tuple[int, int, int]], periods: list[Period]
                     ) -> tuple[list[Period | None], list[Period | None]]:
    """For each sentence (start, end, paragraph): the period that opens it (or None), and the period
    that frames it from an earlier sentence of its paragraph (the last opener before it, or None) —
    in a work report's review as anywhere (过去的一年，… frames its paragraph). A sentence that reports
    what happened at an event (现场签约项目35个, 会上) is framed by the day the sentence before it opened
    with (4月10日，…招商推介会在深圳举行。); one that names the event back (本次签约活动中, 开幕式上) by the
    day the story first opened with, in any paragraph."""
    starts = [p.start for p in periods]
    own: list[Period | None] = []
    framed: list[Period | None] = []
    current: Period | None = None
    last_para = None
    day: Period | None = None  # the day the sentence before opened with
    last: Period | None = None  # the last frame of any paragraph
    story_day: Period | None = None
    last_day: Period | None = None
    lead = True  # no sentence of the paragraph so far but an inline heading (经济实力明显增强。)
    for ss, se, para in sentences:
        if para != last_para:
            current, last_para, lead, day = None, para, True, None
        ts = _text_start(view, ss, se)
        op = _opener(view, ts, se, periods, starts)
        if op is None and _UNDATED_OPENER.match(view, _OPENER_PREFIX.match(view, ts, se).end()):
            current = None  # 这几年，…: a time of its own, undated — the earlier opener frames no more
        at_event = day is not None and op is None and _AT_THE_EVENT.match(view, ts) is not None
        if op is None and story_day is not None and _THE_EVENT_AGAIN.match(view, ts):
            day, at_event = story_day, True
        if op is None and last_day is not None and _SAME_DAY.match(view, ts):
            day, at_event = last_day, True
        if op is None and current is None and _SAME_TIME.match(view, ts):
            current = last  # 今年1月，全国…。\n同期，我国境内投资者…: the time the text last named
        framed.append(day if at_event else current)  # 4月10日，…推介会在深圳举行。现场签约项目35个: that day's
        # the day this sentence opens with, else the event's while the sentences go on reporting it
        day = _opening_day(view, ts, se, periods, starts) or (day if at_event else None)
        story_day = story_day or day  # the day the story's first dated sentence opened with
        last_day = day or last_day
        own.append(op)
        if op is not None and (op.text not in WHOLE_YEAR_WORDS or lead):
            current = op  # a 全年 frames its paragraph only from the paragraph's lead
        last = current or last
        lead = lead and _INLINE_HEADING.fullmatch(view, ts, se) is not None
    return own, framed


def _whole_year(p: Period) -> bool:
    a, b = p.period_start, p.period_end
    return bool(a and b and a[:4] == b[:4] and a[5:] == "01-01" and b[5:] == "12-31")


def _one_year(p: Period | None) -> int | None:
    """The year of a period that lies within one calendar year (2016年, 1-10月, 去年), else None."""
    if p is None:
        return None
    a, b = p.period_start, p.period_end
    if a and b and a[:4] == b[:4]:
        return int(a[:4])
    return None


def _unresolved_year_word(p: Period) -> bool:
    return p.text in WHOLE_YEAR_WORDS + YEAR_END_WORDS and p.period_start is None and p.period_end is None


# a target said of the year: 力争全年引进…, 预计全年筹集…, 全年目标
_YEAR_TARGET_BEFORE = re.compile(r"(?:力争|争取|确保|预计|计划|预期|将|要|有望)[^，,。；;]{0,4}$")
_YEAR_TARGET_AFTER = re.compile(r"(?:计划|目标|任务)")  # 按照全年计划，全市要引进…


def resolve_whole_years(view: str, periods: list[Period], sentences: list[tuple[int, int, int]],
                        own: list[Period | None], framed: list[Period | None],
                        sections: ReportSections, year: int | None, *, news: bool = False,
                        title_year: int | None = None) -> list[Period]:
    """``periods`` with each unresolved 全年/年内 given its year: that of the last year named before it
    in its sentence, else of the period opening its sentence or framing it, else its report section's
    (:func:`section_year`). A month alone (7月份开始…，全年…) names no year: in a report's review it
    would be read against the wrong year. 年底/年末 (:data:`~zhaoshang.text.periods.YEAR_END_WORDS`) are
    the end of that year (:func:`~zhaoshang.text.year_parts.year_end_span`: 储蓄存款年末达到… in the review of
    1997's report ends on 1996-12-31).
    当年 (that year) takes the framing year too when there is one (去年，全区引进项目12个。当年到位资金…),
    else in a report its section's (the year reviewed), else it stays the year of publication.
    In ``news`` (``year`` then the published one), a 全年 that nothing frames is that year when it is a
    target (县委书记表示，力争全年引进…: this year's); one that reports (全年实现…) is the whole year an earlier
    sentence opened with (去年，…。全年完成工业总产值…, in a review of January), else it may be the year just
    ended in a story of January, and stays unresolved — unless the title names the one earlier year the story
    reviews (``title_year``: 沭阳县2012年国民经济和社会发展统计公报, published in 2013), whose 全年 and 年末 it
    then is, as 年末 read against the published year would be a year too late."""
    # the earlier year a news story's title says it reviews, if any
    review = title_year if news and title_year is not None and year is not None and title_year < year else None
    if review is not None:
        periods = [_in_title_year(view, p, review, year) for p in periods]
    if not any(_unresolved_year_word(p) or p.text == "当年" for p in periods):
        return periods
    sent_starts = [s for s, _, _ in sentences]
    starts = [p.start for p in periods]
    # the whole years that open sentences (去年，… 2023年，…), by where they end: a news story's 全年 that nothing
    # in its paragraph frames is the last of them
    frames = [(q.end, _one_year(q)) for q in own if q is not None and _whole_year(q)]
    year_frame_ends, year_frames = [e for e, _ in frames], [y for _, y in frames]
    out = []
    for p in periods:
        whole = _unresolved_year_word(p)
        if whole or p.text == "当年":
            i = bisect.bisect_right(sent_starts, p.start) - 1
            frame = None
            if i >= 0:
                frame = own[i] if own[i] is not None and own[i].end <= p.start else framed[i]
                # the last year named before it in its sentence (一九八五年增加…，全年总收入…)
                named = [q for q in periods[bisect.bisect_left(starts, sent_starts[i]):bisect.bisect_left(starts, p.start)]
                         if "年" in q.text and q.text not in WHOLE_YEAR_WORDS and _one_year(q) is not None]
                if named:
                    frame = named[-1]
            y = _one_year(frame)
            if y is None:  # 全年, and 当年 in a report's review (当年完成投资6.1亿元: the year reviewed)
                y = section_year(sections, p.start, year)
            if y is None and whole and news and year is not None and (
                    _YEAR_TARGET_BEFORE.search(view, max(0, p.start - 8), p.start) or _YEAR_TARGET_AFTER.match(view, p.end)):
                y = year
            elif y is None and whole and news:
                k = bisect.bisect_right(year_frame_ends, p.start) - 1
                y = year_frames[k] if k >= 0 else None  # 去年，…。\n全年完成工业总产值…: the year the story is about
                if y is None:
                    y = review  # 沭阳县2012年…统计公报: 全年完成全社会固定资产投资…
            if y is not None and p.text in YEAR_END_WORDS:
                a, b = year_end_span(view, p.start, p.end, y)
                p = replace(p, period_start=a, period_end=b)
            elif y is not None:
                p = replace(p, period_start=f"{y}-01-01", period_end=f"{y}-12-31")
        out.append(p)
    return out


def _in_title_year(view: str, p: Period, title_year: int, year: int) -> Period:
    """A 年末/年底 read against the published ``year`` is the end of the title's earlier year instead
    (年末全县共有规模以上工业企业618家 in 2012's bulletin), unless it is a target (力争年底…)."""
    if p.text not in YEAR_END_WORDS or p.period_end is None or not p.period_end.startswith(f"{year}-"):
        return p
    if _YEAR_TARGET_BEFORE.search(view, max(0, p.start - 8), p.start):
        return p
    a, b = year_end_span(view, p.start, p.end, title_year)
    return replace(p, period_start=a, period_end=b)


_TITLE_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})年(?![0-9０-９]|[一二三四上下前后第首]|度?(?:以来|起))")
_TITLE_YEAR_PART = re.compile(r"(?:19|20)[0-9]{2}年(?:[一二三四]季度|[上下]半年|前[一二三四五六七八九十]|[0-9０-９]{1,2}月"
                              r"|第[一二三四]季度|首季)")


def title_year(title: str) -> int | None:
    """The one year a title names as a whole (2012年国民经济和社会发展统计公报, 2017年我省外贸进出口增长15.3%), None
    when it names none, several, or a part of one (2024年一季度, 2023年上半年, 2019年以来)."""
    found = {int(m.group(1)) for m in _TITLE_YEAR.finditer(title)}
    return found.pop() if len(found) == 1 and _TITLE_YEAR_PART.search(title) is None else None


_EVENT_SENTENCES = 2  # how far into a story its opening reaches


def opening_event(periods: list[Period], sentences: list[tuple[int, int, int]]) -> Period | None:
    """The days of the event a news story opens with (昨日下午，为期4天的台博会落幕。…): the period of its
    figures that name none and are framed by nothing, as a story reporting on a fair or a summit is
    of that fair's days. Only an event said by its length (为期N天) in the first two sentences counts."""
    if not sentences or not periods:
        return None
    limit = sentences[min(_EVENT_SENTENCES, len(sentences)) - 1][1]
    for p in periods:
        if p.start >= limit:
            break
        if p.of_an_event and p.period_start and p.period_end:
            return p
    return None
