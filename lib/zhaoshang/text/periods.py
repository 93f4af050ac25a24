"""Reporting periods named in a sentence, resolved to ISO dates.

Relative expressions resolve against the document's published date (``今年上半年`` in an article of
2023-08-23 is 2023-01-01..2023-06-30; ``2022年以来`` is 2022-01-01..2023-08-23) or, when only the
document's year is known (a sidecar index gives the year of a work report), against that year
(``去年`` in the report of 1957 is 1956). What needs more than is known stays unresolved (``None``:
``上个月`` with a year only, ``2019年以来`` ends on an unknown day), never guessed. A month or a span
of months without a year that ends two months or more after the published one is last year's (12月 in
an article of February), unless a word near it puts it ahead (将, 计划, 预计 …: 计划于12月建成).

The forms read: years (2014年, 二〇二二年, 98年 when a month or 以来/起 … marks it a year or it opens its
clause before a comma), halves, quarters (一季度, 前两个季度, 首季度, 一至三季度, 本季度, Q3, 2023年Q1),
months and month ranges (1-6月, 前两个月, 上个月), weeks (本周, 上周), ranges across years (2016—2020年,
从2008年到2018年, 2017年5月至2018年4月, 前年11月到去年3月), since-expressions (2019年起, 从去年9月起,
2019年以来, 2015年至今, 年初以来, 自2019年实施该政策以来), up-to expressions (截至2019年底, 截至6月底, 今年截至7月, 上月底, 目前,
如今: no start, or the year's start), spans around the present (今明两年, 未来三年, 过去五年, 近三年, 五年来;
a report's 五年累计), Five-Year Plans (十四五期间 is 2021..2025), festivals (:mod:`zhaoshang.text.festivals`)
and events periods are counted from (党的十八大以来: :mod:`zhaoshang.text.events`). Works on the Simplified
view; offsets are character offsets in the text given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from zhaoshang.text.near_periods import (DAYS_BACK, EVENT_LENGTH_WORD, NEAR_FORMS, NOW_AND_DAY_FORMS, YEAR_OFFSETS,
                                         Anchor, dekad_span, month_end, month_span, small_number)
from zhaoshang.text.numbers import fold_digits, parse_number
from zhaoshang.text.events import EVENT_SINCE_FORM
from zhaoshang.text.festivals import FESTIVAL_FORM
from zhaoshang.text.period_bases import is_base_of_comparison
from zhaoshang.text.year_parts import (DECADE_FORM, PLAN_NAMED_FORM, ROC_CN_YEAR_FORM, fiscal_quarters_said, five_year_plan,
                                       year_end_span)

__all__ = ["Period", "find_periods", "five_year_plan", "WHOLE_YEAR_WORDS", "YEAR_END_WORDS"]

WHOLE_YEAR_WORDS = ("全年", "全年度", "年内")
"""Words for the year reported on, whose year depends on where they stand (left to the caller)."""
YEAR_END_WORDS = ("年底", "年末")
"""Words for the end of the year reported on, left to the caller like :data:`WHOLE_YEAR_WORDS` when
only the report's year is known (:func:`zhaoshang.text.year_parts.year_end_span` gives their period)."""


@dataclass(frozen=True)
class Period:
    start: int          # offsets of the expression in the text searched
    end: int
    text: str
    period_start: str | None
    period_end: str | None

    @property
    def of_an_event(self) -> bool:
        """Whether it is the days of an event said by its length (为期4天的台博会昨日落幕: see
        :mod:`zhaoshang.text.near_periods`), which date what the story around them reports."""
        return EVENT_LENGTH_WORD in self.text


_CN_NUM = "零〇一二两三四五六七八九十"
# a year; a fiscal year too (2009财年), which is matched so that it is not read as a calendar year
_YEAR = (r"(?:(?P<y4>(?:19|20)\d\d)(?P<fiscal>财|会计)?|(?P<ycn>[零〇○一二三四五六七八九]{4})|(?P<y2>\d{2,3})"
         r"|(?:[今去明前][ \t\u3000]*)?[(（](?P<yroc>1?\d{2})[)）])[ \t\u3000]?年")
# 后年 only as a word of its own, opening its clause or after 和/到 … (not 此后年均增长, 达产后年销售收入)
_REL_YEAR = (r"(?P<rel>今年|本年|当年|去年|上年|上一年|大前年|前年|明年|大后年"
             r"|(?:(?<=[，,。；;：:\s“和或、到至在于])|^)后年(?![均度龄代级限产]))")
_MONTH = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_HALF = r"(?P<half>上半年|下半年)"
_QN = "一二两三四1-4"
_QUARTERS = (rf"(?P<q>(?:前|头|首)(?P<qn>[{_QN}])(?:个)?季度?|(?P<qfirst>首季度|首季)"
             rf"|(?P<qa>[{_QN}])(?:至|到|-|—|~)(?P<qb>[{_QN}])季度|第?(?P<q1>[一二三四1-4])(?:个)?(?:季度(?P<qend>末|底)?|(?P<fq>财季)))")
_MONTHS = rf"(?P<m1>{_MONTH})(?:月份?)?\s*(?:[-—–~～至到])\s*(?P<m2>{_MONTH})月份?"
_FIRST_MONTHS = r"(?:前|头|首)(?P<fm>[一二三四五六七八九十两]{1,2}|\d{1,2})个?月(?!份?[-—–~～至到])"
_SINCE = r"(?P<since>以来)"
# the end or the start of a year (2015年底, 去年年末, 今年初); the start is too vague to date
_YEAR_EDGE = r"(?P<yedge>年?(?:底|末|终)|年?初(?![步期心衷级始中]))"
# a third of a month (6月上旬, 10月中旬, 6月初: days 1–10)
_DEKAD = r"(?P<dekad>上旬|中旬|下旬|初(?![步期心衷级始中]))"

# Every part of a period is optional, so the pattern could match the empty string wherever its first
# character fits (以上, 一般, 第…: one position in seven of a report), and each such empty match would
# come back to Python only to be skipped. A period names at least one of these groups: fail when
# none matched. The periods found are the same, several times faster.
_PERIOD_PARTS = ("plan", "y4", "ycn", "y2", "yroc", "rel", "half", "q", "m1", "fm", "month", "since")


def _any_of(groups: tuple[str, ...]) -> str:
    """A pattern that matches nothing, and succeeds when one of ``groups`` has matched."""
    pattern = "(?!)"
    for g in reversed(groups):
        pattern = f"(?({g})|{pattern})"
    return pattern


_NOT_EMPTY = _any_of(_PERIOD_PARTS)

# A Five-Year Plan is numbered 一 … 十九 (六五, 十四五); 一九五 is the start of a year written digit by
# digit (一九五四年), never the "19th" plan.
_PERIOD = re.compile(
    rf"""
    (?=[0-9零〇○一二两三四五六七八九十今本当去上前明下头第首大后“"‘「(（])   # cheap first-character filter
    (?:
    (?P<plan>(?P<q_open>[“"‘「])?(?P<plan_n>十[一二三四五六七八九]?|[一二三四五六七八九])五(?![〇零一二三四五六七八九十年])(?P<q_close>[”"’」])?
             (?P<plan_sfx>时期|期间|规划|计划|以来|末|初|开局)?)
    |
    (?:{_YEAR}|{_REL_YEAR})?
    (?:{_HALF}|{_QUARTERS}|{_MONTHS}|{_FIRST_MONTHS}|(?P<month>{_MONTH})月{_DEKAD}?(?!\d|[{_CN_NUM}]|份?[-—–~至到])
       |(?<=年){_YEAR_EDGE})?
    {_SINCE}?
    )
    {_NOT_EMPTY}
    """,
    re.VERBOSE,
)

# ------------------------------------------------------------------ the other forms, read by parts
# A point in time: a year (absolute or relative) with an optional month; the end of a range may be a
# month alone (2019年1月至6月: the year of the start).
_Y_ANY = (r"(?:(?:19|20)\d\d|[零〇○一二三四五六七八九]{4}|\d{2,3}"
          r"|(?:[今去明前][ \t\u3000]*)?[(（]1?\d{2}[)）])[ \t\u3000]?年")
_REL_ANY = r"(?:今年|本年|当年|去年|上年|上一年|大前年|前年|明年|大后年)"
_M_ANY = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
_POINT = rf"(?:{_Y_ANY}|{_REL_ANY})(?:{_M_ANY})?"
_SEP = r"\s*(?:至|到|—{1,2}|-|–|~|～|－)\s*"
# Each pattern below opens with a lookahead on the characters it can start with: without it the regex
# engine tries every alternative at every position of the text (these passes were most of the
# time spent finding periods).
_RANGE = re.compile(
    r"(?=[从自由0-9零〇○一二三四五六七八九今本当去上前明(（])"
    rf"(?:从|自|由)?(?P<a>{_POINT}|(?:19|20)\d\d(?={_SEP}(?:19|20)\d\d年)|1[01]\d(?={_SEP}1[01]\d年))(?:初|起)?{_SEP}"
    rf"(?P<b>{_POINT}|{_M_ANY})(?P<b_part>第?[一二三四1-4]季度|[上下]半年)?(?P<b_edge>底|末)?(?:期间|间)?")
_FROM = re.compile(
    r"(?=[从自0-9零〇○一二三四五六七八九十今本当去上前明(（年])"
    rf"(?:从|自从|自)?(?P<a>{_POINT}|年初|(?P<am>{_M_ANY}))(?P<a_edge>年?(?:初|底|末))?"
    rf"(?P<open>以来|至今|迄今|到现在|到目前|至目前|起(?![步草来飞点源航诉身]|施行|实施|执行|生效)|开始(?![实建施运]))")
# up to a point: 截至2019年底, 截至6月底 (a month of the published year, or of the one before when that would
# be more than two months ahead), 截至昨天下午2时, 截至上月; and 到 opening a clause with a month or an end
# (到今年6月底, 预计到12月底; not a bare year: 到2015年时，…总产值 is that year's): a state or a target at
# that point, no start
_UNTIL = re.compile(rf"(?=[截到今本12])(?P<ytd>今年|本年|(?:19|20)\d\d年)?"
                    rf"(?P<word>截至|截止到|截止至|截止|(?:(?<![^，,。；;：:\s])|(?<=预计|计划|力争|争取|确保))到)"
                    rf"(?:(?P<b>{_POINT})(?:(?P<b_day>[0-3]?\d)[日号])?"
                    rf"|(?P<b_m>{_M_ANY})(?:(?P<bm_day>[0-3]?\d)[日号])?"
                    r"|(?P<b_relday>今天|今日|昨天|昨日|前天)(?:[上下]午|晚间?|早间?|凌晨)?(?:\d{1,2}[时点](?:\d{1,2}分)?)?"
                    r"|(?P<b_rel>上个?月|上一个月|本月|上个?季度|上一季度|本季度))(?P<b_edge>年?底|年?末)?")
# the year being reported on, named without its number (全年, 年内): which year it is depends on where it
# stands (a work report's review or its plan, the year its paragraph opens with), which the caller knows
# (:mod:`zhaoshang.analyses.figures.sections`); 2019年全年 restates the year, 三年内 is a duration
_WHOLE_YEAR = re.compile(r"(?=[全年])(?:(?<![年今去明前当本上])全年(?:度)?|(?<![\d一二两三四五六七八九十几数个半年今去明前当本上])年内)")
# 年底, 年末 without their year: the end of the year being reported on (news: the published year)
_BARE_YEAR_END = re.compile(r"(?=年)(?<![\d零〇○一二两三四五六七八九十几数个半年今去明前当本上后每])年(?:底|末)(?!期)")
_PLAN_SINCE = re.compile(r"(?=[“\"‘「一二三四五六七八九十])[“\"‘「]?(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九])五[”\"’」]?(?P<sfx>以来|末|初|开局之年|开局)")

# A two-digit year (98年) is a year only when a month, a half, 以来/起 … follows it or it is said
# from/at/until (在98年, 从98年); 经过12年 and 98年历史 are durations.
_Y2_MARKED_AFTER = re.compile(r"\s*(?:\d|[一二三四五六七八九十]+月|底|末|初|上半年|下半年|以来|起|至今|度|[-—–~至到]\s*\d)")
_Y2_MARKER_BEFORE = ("于", "在", "从", "自", "至", "到", "截至")
_CLAUSE_OPENING = frozenset("，,。；;：:\n")


def _y2_opens_clause(text: str, start: int, end: int) -> bool:
    """Whether a two-digit year opens its clause and a comma follows (98年，全市…; 12年，…): the year the
    clause is about, as such years are written in news (a duration says 经过, 用了, 历时 before it)."""
    return (start == 0 or text[start - 1] in _CLAUSE_OPENING) and text[end:end + 1] in ("，", ",")
# 上年 after a character it makes a word with (世界上年产, 马上, 以上年度) is no year; 今年/本年/当年
# right after a year restates it (１９５５年本年收入: 1955)
_NOT_SHANG_NIAN = frozenset("界马早晚以之础会路面线身")
_RESTATED = ("今年", "本年", "当年")
# after an expression, a day or a month (2024年1月1日, 2019年5月) makes it part of a date
_ROC = re.compile(r"民国|(?<![\d.])1[01]\d年(?:\d{1,2}月|底|度|迄今|至今|以来|起|[(（~～-])|[今去明前]\s*[(（]1[01]\d[)）]\s*年")
_DATE_NEXT = re.compile(r"\d{1,2}[月日号]|[日号]")
# digits after a year that are an amount of it (2002年1288亿元), not the rest of a date or a number
_AMOUNT_NEXT = re.compile(r"\d+(?:\.\d+)?(?:万亿|亿|万|千|百)?(?:元|美元|欧元|日元|港元|个|家|项)")
_EDITION = re.compile(r"第[一二三四五六七八九十\d]+[批届期轮次]")


def _two_digit_year(yy: int, anchor: Anchor) -> int | None:
    """98年 → 1998 in a text of 2023; 25年 → 2025 (the latest reading no more than ten years after the
    anchor's year). Unresolved without an anchor. In a text that counts the years of the Republic
    (民國, or three-digit years such as 108年), 99年 is 2010 and 108年 2019; a three-digit year is
    otherwise no year."""
    if anchor.roc:
        return 1911 + yy
    if anchor.year is None or yy >= 100:
        return None
    y = 2000 + yy
    return y if y <= anchor.year + 10 else 1900 + yy


def _plan_marked(n: int, marked: bool) -> bool:
    # 十五, 二十五, 一五 are also plain numerals: only quoted or followed by 时期/规划 … do they name
    # a plan; 十一五 … 十九五 cannot be numerals.
    return 1 <= n <= 19 and (marked or 11 <= n <= 19)


def _resolve(m: re.Match, anchor: Anchor) -> tuple[str | None, str | None] | None:
    g = m.groupdict()
    if g["plan"]:
        if not g["plan_n"]:
            return None
        n = small_number(g["plan_n"])
        if not _plan_marked(n, bool((g["q_open"] and g["q_close"]) or g["plan_sfx"])):
            return None
        if g["plan_sfx"] in ("以来", "末", "初", "开局"):
            return None  # a part of the plan's years (_plan_since)
        return five_year_plan(n)
    if g["fiscal"]:
        return (None, None)  # 2009财年: which months depends on the firm (April–March in Japan): undated
    if g["fq"]:
        # 2011年第一财季, or 第二财季 alone: a fiscal quarter, undated — kept, so that the day its results were
        # announced (本月初公布的初步业绩显示，第二财季…) is not taken for the figures' period
        return (None, None)
    year: int | None = None
    has_part = any(g[k] for k in ("half", "q", "m1", "fm", "month"))
    if g["y4"]:
        year = int(g["y4"])
    elif g["ycn"]:
        year = int(parse_number(g["ycn"]))
    elif g["y2"]:
        if not has_part and not g["since"]:
            return None  # a bare 98年: checked by the caller for a marker before it
        year = _two_digit_year(int(g["y2"]), anchor)
        if year is None:
            return (None, None)
    elif g["yroc"]:  # 去(110)年, 今(112)年: a year of the Republic
        if not anchor.roc:
            return (None, None)
        year = 1911 + int(g["yroc"])
    elif g["rel"]:
        if anchor.year is None:
            return (None, None)
        year = anchor.year + YEAR_OFFSETS[g["rel"]]
    if year is None:
        if not has_part:
            return None
        if anchor.year is None:
            return (None, None)
        year = anchor.year  # 上半年, 1-6月 … of the year of publication
        if anchor.day is not None and _cumulative(g) and _part_end_month(g) >= anchor.day.month + 2:
            year -= 1  # 1-11月 or 前三季度 in an article of January: last year's, reported after its end
        elif anchor.day is not None and g["month"] and _last_years_month(small_number(g["month"]), anchor, m):
            year -= 1  # 12月，…以千万美元投向 in an article of February: last December (no 将, 计划 … near it)
    if g["yedge"]:
        return _year_edge(m, year)
    span = _part_span(g, year)
    if span is None:
        return None
    start, end = span
    if g["since"]:
        return start, anchor.day.isoformat() if anchor.day else None
    return start, end


def _year_edge(m: re.Match, year: int) -> tuple[str | None, str | None] | None:
    """2015年底, 去年年末 (:func:`year_end_span`); 今年初: not dated (early in the year: which months is
    not said); 2015年初以来 is read by the since-forms."""
    if m.group("since"):
        return None
    if m.group("yedge").endswith("初"):
        return (None, None)
    return year_end_span(m.string, m.start(), m.end(), year)


# words that make a month later than the published one a time to come (12月将投产, 计划于10月开工)
_FUTURE = re.compile("将|拟|计划|预计|有望|力争|争取|准备|打算|要|预定|定于|届时|之前|以前|前完成|底前|前建成|即将|下半年")


def _last_years_month(month: int, anchor: Anchor, m: re.Match) -> bool:
    """Whether a month written without its year (in match ``m``) is of the year before the published
    day's: two or more months after the published month, and no word near it (:data:`_FUTURE`) puts it
    ahead."""
    return (month >= anchor.day.month + 2
            and not _FUTURE.search(m.string, max(0, m.start() - 6), min(len(m.string), m.end() + 24)))


def _cumulative(g: dict) -> bool:
    """Whether a match names months counted from January (1-10月, 前两个月, 前三季度, 一至三季度): the
    statistics reported once they are over. A single month, quarter or half may be a plan."""
    return bool(g["m1"] or g["fm"] or (g["q"] and (g["qn"] or g["qa"])))


def _part_end_month(g: dict) -> int:
    """The last month of a cumulative span (:func:`_cumulative`); 0 when it cannot be read."""
    try:
        if g["m1"]:
            return small_number(g["m2"])
        if g["fm"]:
            return small_number(g["fm"])
        return 3 * small_number(g["qn"] or g["qb"])
    except (ValueError, TypeError):
        return 0


def _part_span(g: dict, year: int) -> tuple[str, str] | None:
    """The days of the half, quarter(s) or month(s) of ``year`` a match names (the year without)."""
    if g["half"]:
        return (f"{year}-01-01", f"{year}-06-30") if g["half"] == "上半年" else (f"{year}-07-01", f"{year}-12-31")
    if g["q"]:
        if g["qn"]:
            return f"{year}-01-01", month_end(year, 3 * small_number(g["qn"]))
        if g["qfirst"]:
            return f"{year}-01-01", f"{year}-03-31"
        if g["qa"]:
            a, b = small_number(g["qa"]), small_number(g["qb"])
            if not 1 <= a < b <= 4:
                return None
            return f"{year}-{3 * a - 2:02d}-01", month_end(year, 3 * b)
        q = small_number(g["q1"])
        if g["qend"]:  # 二季度末: the quarter's last month, as 年底 is December
            return f"{year}-{3 * q:02d}-01", month_end(year, 3 * q)
        return f"{year}-{3 * q - 2:02d}-01", month_end(year, 3 * q)
    if g["m1"]:
        m1, m2 = small_number(g["m1"]), small_number(g["m2"])
        if not (1 <= m1 <= m2 <= 12):
            return None
        return f"{year}-{m1:02d}-01", month_end(year, m2)
    if g["fm"]:
        n = small_number(g["fm"])
        if not 1 <= n <= 12:
            return None
        return f"{year}-01-01", month_end(year, n)
    if g["month"]:
        mo = small_number(g["month"])
        if not 1 <= mo <= 12:
            return None
        if g["dekad"]:
            return dekad_span(year, mo, g["dekad"])
        return f"{year}-{mo:02d}-01", month_end(year, mo)
    return f"{year}-01-01", f"{year}-12-31"


_POINT_PARTS = re.compile(
    rf"(?:(?P<y4>(?:19|20)\d\d)|(?P<ycn>[零〇○一二三四五六七八九]{{4}}))年?|(?P<y2>\d{{2,3}})(?:[ \t\u3000]?年|(?![\d月份]))"
    rf"|[(（](?P<yroc>1?\d{{2}})[)）][ \t\u3000]?年"
    rf"|(?P<rel>{_REL_ANY})|(?P<early>年初)|(?P<mo>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?")


def _point(text: str, anchor: Anchor, year_of: int | None = None) -> tuple[int | None, int | None, bool]:
    """(year, month, known) of a point such as 2017年5月, 去年3月, 98年, 6月 (``year_of``: the year a
    month alone belongs to). ``known`` is False when the year cannot be resolved."""
    year: int | None = year_of
    month: int | None = None
    for m in _POINT_PARTS.finditer(text):
        if m.group("y4"):
            year = int(m.group("y4"))
        elif m.group("ycn"):
            year = int(parse_number(m.group("ycn")))
        elif m.group("y2"):
            year = _two_digit_year(int(m.group("y2")), anchor)
        elif m.group("yroc"):
            year = 1911 + int(m.group("yroc")) if anchor.roc else None
        elif m.group("rel"):
            year = anchor.year + YEAR_OFFSETS[m.group("rel")] if anchor.year is not None else None
        elif m.group("early"):
            year = anchor.year
        elif m.group("mo"):
            month = small_number(m.group("mo"))
    return year, month, year is not None


def _first_day(y: int, mo: int | None) -> str:
    return f"{y}-{mo or 1:02d}-01"


def _last_day(y: int, mo: int | None) -> str:
    return month_end(y, mo) if mo else f"{y}-12-31"


def _range(m: re.Match, anchor: Anchor):
    ya, ma, ka = _point(m.group("a"), anchor)
    if not ka:
        return (None, None)
    yb, mb, kb = _point(m.group("b"), anchor, year_of=ya)
    if not kb:
        return (None, None)
    part = m.group("b_part")
    if part and not mb:  # 从2009年到2011年第一季度: to the end of that quarter (half)
        mb = 6 if part == "上半年" else 12 if part == "下半年" else 3 * small_number(part.lstrip("第")[0])
    if m.group("b_edge") and not mb:
        mb = 12
    if (yb, mb or 12) <= (ya, ma or 1):
        return None  # 2019年5月至2018年: not a range
    return _first_day(ya, ma), _last_day(yb, mb)


# a later point compared with an earlier end (108年4月相較於107年底，…新增1,045家): what was added between them
_SINCE_COMPARED = re.compile(rf"(?=[0-9零〇○一二三四五六七八九今本当去上前明(（])(?P<a>{_POINT})"
                             rf"(?:相较于|相較於|相比于|相比於|较|比)(?P<b>{_POINT})(?P<b_edge>年?底|年?末)")


def _since_compared(m: re.Match, anchor: Anchor):
    """From the day after the earlier end to the end of the later point; None unless the first is later."""
    ya, ma, ka = _point(m.group("a"), anchor)
    yb, mb, kb = _point(m.group("b"), anchor, year_of=ya)
    if not (ka and kb) or (yb, mb or 12) >= (ya, ma or 12):
        return None
    start = date.fromisoformat(_last_day(yb, mb or 12)) + timedelta(days=1)
    return start.isoformat(), _last_day(ya, ma)


def _from(m: re.Match, anchor: Anchor):
    a = m.group("a")
    if m.group("am"):  # 3月份以来, 从5月起: a month of the published year, or of the year before when it is later
        if anchor.day is None:
            return (None, None)
        mo = small_number(m.group("am").rstrip("月份"))
        if not 1 <= mo <= 12:
            return None
        y = anchor.day.year if mo <= anchor.day.month else anchor.day.year - 1
        return _first_day(y, mo), anchor.day.isoformat()
    y, mo, known = _point(a, anchor)
    if not known:
        return (None, None)
    if m.group("a_edge") and m.group("a_edge")[-1] in "底末":
        start = f"{y}-{mo or 12:02d}-01"  # 去年底以来: from December
    else:
        start = _first_day(y, mo)
    return start, anchor.day.isoformat() if anchor.day and anchor.day.isoformat() >= start else None


# since a time something began: 自111年推动「投资台中一站式服务」以来, 从2019年实施该政策以来 (the time, then what
# began then, then 以来)
_SINCE_DOING = re.compile(rf"(?=[从自])(?:自从|自|从)(?P<a>{_POINT})[^，,。；;！？!?\d年月]{{2,20}}?以来")


def _since_doing(m: re.Match, anchor: Anchor):
    y, mo, known = _point(m.group("a"), anchor)
    if not known:
        return (None, None)
    start = _first_day(y, mo)
    return start, anchor.day.isoformat() if anchor.day and anchor.day.isoformat() >= start else None


def _until(m: re.Match, anchor: Anchor):
    """截至X: (None, the end of X); with its year before it (今年截至7月, 2019年截至9月底), the year to
    date: (1 January of that year, the end of X)."""
    res = _until_point(m, anchor)
    ytd = m.group("ytd")
    if res is None or ytd is None or res[1] is None:
        return res
    y = anchor.year if ytd in ("今年", "本年") else int(ytd[:4])
    return (f"{y}-01-01", res[1]) if y is not None and res[1] >= f"{y}-01-01" else res


def _until_point(m: re.Match, anchor: Anchor):
    """The point an up-to expression names, as (None, its last day); None when it is no such point."""
    if m.group("b_rel"):  # 截至上月: a state at the end of the month (quarter) before the published one
        return (None, month_span(m.group("b_rel"), anchor)[1]) if anchor.day else (None, None)
    if m.group("word") == "到" and not (m.group("b_edge") or m.group("b_day") or m.group("b_m")
                                            or "月" in (m.group("b") or "")):
        return None  # 到2017年 alone: a target year, read as that year (its output) by the other forms
    if m.group("b_relday"):
        if not anchor.day:
            return (None, None)
        return None, (anchor.day - timedelta(days=DAYS_BACK[m.group("b_relday")])).isoformat()
    if m.group("b_m"):
        if not anchor.day:
            return (None, None)
        mo = small_number(m.group("b_m").rstrip("月份"))
        y = anchor.day.year - 1 if _last_years_month(mo, anchor, m) else anchor.day.year
        return _point_end(y, mo, m.group("bm_day"))
    y, mo, known = _point(m.group("b"), anchor)
    if not known:
        return (None, None)
    return _point_end(y, mo, m.group("b_day"))


def _point_end(y: int, mo: int | None, day: str | None) -> tuple[None, str] | None:
    """(None, the day ``day`` of month ``mo`` of ``y``, else the last day of that month or year);
    None for a day the month has not."""
    if day and mo:
        try:
            return None, date(y, mo, int(day)).isoformat()
        except ValueError:
            return None
    return None, _last_day(y, mo)


def _plan_since(m: re.Match, anchor: Anchor):
    """"十三五"以来 (from the plan's first year to the published day), 十三五末 (its last year),
    十四五开局之年 / 初 (its first year)."""
    n = small_number(m.group("n"))
    if not _plan_marked(n, True):
        return None
    start, end = five_year_plan(n)
    sfx = m.group("sfx")
    if sfx == "以来":
        return start, anchor.day.isoformat() if anchor.day else None
    if sfx == "末":
        return f"{end[:4]}-01-01", end
    return start, f"{start[:4]}-12-31"


_FORMS = ((_RANGE, _range), (_SINCE_COMPARED, _since_compared), DECADE_FORM, (_FROM, _from), (_SINCE_DOING, _since_doing),
          (_UNTIL, _until),
          *NEAR_FORMS, (_PLAN_SINCE, _plan_since), *NOW_AND_DAY_FORMS, FESTIVAL_FORM, PLAN_NAMED_FORM,
          EVENT_SINCE_FORM, ROC_CN_YEAR_FORM)


def _candidates(folded: str, anchor: Anchor):
    """(start, end, period_start, period_end) of every expression, overlapping ones included."""
    for m in _WHOLE_YEAR.finditer(folded):
        y = anchor.day.year if m.group(0) == "年内" and anchor.day is not None and not anchor.report else None
        yield (m.start(), m.end(), *((f"{y}-01-01", f"{y}-12-31") if y is not None else (None, None)))
    for m in _BARE_YEAR_END.finditer(folded):
        if anchor.day is not None and not anchor.report:
            yield (m.start(), m.end(), *year_end_span(folded, m.start(), m.end(), anchor.day.year))
        else:
            yield (m.start(), m.end(), None, None)  # the caller knows the year (a report's section)
    for m in _PERIOD.finditer(folded):  # never empty (_NOT_EMPTY)
        # A day (8月22日) or a year that is part of a longer number is not a period.
        after = folded[m.end():m.end() + 1]
        if after and (after == "日" or after == "号" or (after.isdigit() and not _AMOUNT_NEXT.match(folded, m.end()))):
            continue
        if m.start() > 0 and (folded[m.start() - 1].isdigit() or folded[m.start() - 1] == "."):
            continue
        if m.group(0) == "以来":  # 以来 alone is nothing
            continue
        rel = m.group("rel")
        if rel == "上年" and m.start() > 0 and folded[m.start() - 1] in _NOT_SHANG_NIAN:
            continue
        if rel in _RESTATED and folded.endswith("年", 0, m.start()) and m.start() >= 2 \
                and (folded[m.start() - 2].isdigit() or folded[m.start() - 2] in "零〇○一二三四五六七八九"):
            continue
        if (m.group("y4") or m.group("ycn") or m.group("y2")) and _EDITION.match(folded, m.end()):
            continue  # 2023年第一批项目, 2019年第二届: a name of a batch or an edition
        if m.group("y2") and not (m.group("since") or any(m.group(k) for k in ("half", "q", "m1", "fm", "month"))):
            if not (_Y2_MARKED_AFTER.match(folded, m.end())
                    or any(folded.endswith(w, 0, m.start()) for w in _Y2_MARKER_BEFORE)
                    or _y2_opens_clause(folded, m.start(), m.end())
                    or (anchor.roc and len(m.group("y2")) == 3)):  # 111年吸引… in a Taiwan text
                continue
            if folded.startswith(("代", "的历史", "来", "多", "间", "之久", "前", "后", "内"), m.end()):
                continue
            y = _two_digit_year(int(m.group("y2")), anchor)
            yield (m.start(), m.end(), *((f"{y}-01-01", f"{y}-12-31") if y else (None, None)))
            continue
        res = _resolve(m, anchor)
        if res is not None:
            yield (m.start(), m.end(), *res)
    for pattern, resolve in _FORMS:
        for m in pattern.finditer(folded):
            s, e = m.span()
            if s > 0 and (folded[s - 1].isdigit() or folded[s - 1] == "."):
                continue
            if _DATE_NEXT.match(folded, e):
                continue
            res = resolve(m, anchor)
            if res is not None:
                yield (s, e, *res)


def find_periods(text: str, published: str | None, year: int | None = None, *,
                 roc: bool | None = None, report: bool = False) -> list[Period]:
    """Every period expression in ``text`` (Simplified), resolved against ``published`` (ISO), else
    against ``year`` (the document's year when no day is known). ``roc``: whether two- and
    three-digit years count the years of the Republic (a text from Taiwan); by default, when the
    text writes such years (108年4月, 今(112)年, 民国). ``report``: the text is a yearly report (a
    government work report), whose 过去一年, 过去五年, 五年来 are the whole years before its year.
    全年 and 年内 (:data:`WHOLE_YEAR_WORDS`) stay unresolved, with their text, for the caller to give the
    year they stand in (a report's review or plan, their paragraph's year); 年内 of an article is the
    published year. A day (今天（2月6日）, 3日在…, 2011年2月14日) is a
    period of one day: the date of an event.

    ``今年以来`` runs from January 1 to the published date; a bare year (``2014年``) is that
    calendar year; ``十四五`` is 2021..2025; ``2016—2020年`` is 2016-01-01..2020-12-31. Dates of a
    single day (8月22日) are not periods, nor are bases of comparison (比上年增长, 较2010年提高,
    是2010年的3倍, 与去年同期相比). Where expressions overlap, the longest wins (2017年5月至2018年4月
    is one period, not two).
    """
    day = date.fromisoformat(published[:10]) if published else None
    folded = fold_digits(text)
    anchor = Anchor(day, day.year if day else year, bool(_ROC.search(folded)) if roc is None else roc, report)
    # leftmost longest; on equal spans the first read (the general pattern) wins
    cands = sorted(_candidates(folded, anchor), key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Period] = []
    last_end = -1
    for s, e, ps, pe in cands:
        if s < last_end:
            continue
        if is_base_of_comparison(folded, s, e):
            continue
        out.append(Period(s, e, text[s:e], ps, pe))
        last_end = e
    return fiscal_quarters_said(out, folded)

