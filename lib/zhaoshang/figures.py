"""Reported investment figures: amounts and counts, with what, whose, where and when.

A figure is an amount of money (298亿元, 二百九十八亿元, 1.2万亿美元, 20—30亿元) or a count of
countable things (签约项目61个, 超过20家, 70余项). Each becomes one row of ``figures.csv``
(DESIGN.md) with

* ``value`` (and ``value_high`` for ranges) — amounts in base units of their currency, computed with
  :class:`~decimal.Decimal` so 16.4亿 is exactly 1640000000; counts as numbers of things;
* ``qualifier`` — exact, at_least, more_than, approx, at_most or range (DESIGN.md);
* ``metric`` — what is measured (合同总投资额, 总投资, 投资, 到位资金 …; for counts, what is counted);
* ``subject`` — the named project or firm, when there is one;
* ``place`` — the most specific place the figure belongs to, with its administrative parents
  (:mod:`zhaoshang.places`), 该区/该县 resolved to the place last named, 全区/我区 to the
  document's own; places named in passing (destinations, partners, 等-lists) give none; in a
  government work report a figure with no place named is the report's own place
  (``place_source`` says which: sentence, context or document);
* ``period_start``/``period_end`` — the period the sentence names (:mod:`zhaoshang.periods`);
* provenance — ``sentence`` and ``start``/``end`` offsets into the cleaned ``body``
  (``body[start:end] == text``).

Two relations between figures are kept, never summed away: ``part_of`` (其中 introduces a part of
the preceding total) and ``conversion_of`` (约合人民币… restates another figure in a second
currency). ``distributive`` marks one amount said of several subjects (A、B投资均达10亿元以上 is two
rows, one per subject).

Matching runs on the Simplified view with full-width digits folded (both character-aligned with the
body); sentences, metrics and subjects are reported from the body, in the original script.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Iterable

from . import resources
from .model import CleanDocument
from .numbers import (ARABIC, CHINESE, CURRENCIES, CN_DIGIT_CLASS, CN_UNIT_CLASS, fold_digits,
                      parse_number, to_int_if_whole)
from .periods import Period, find_periods
from .places import Mention, gazetteer
from .script import to_script

__all__ = ["COLUMNS", "doc_figures", "figures_frame", "totals_by_place", "metric_family", "per_project",
           "find_figures", "Figure"]

COLUMNS = ["doc_id", "kind", "value", "value_high", "currency", "unit", "qualifier", "metric",
           "subject", "place", "period_start", "period_end", "sentence", "start", "end",
           # extras
           "text", "figure_id", "part_of", "conversion_of", "distributive", "place_code",
           "place_level", "place_parents", "province", "prefecture", "county", "place_mention", "place_source",
           "period_text", "sentence_start", "sentence_end"]

QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "range")

# ------------------------------------------------------------------ patterns

_CUR_WORDS = sorted(CURRENCIES, key=len, reverse=True)
_CUR_SUFFIX = "|".join(["元人民币"] + [w for w in _CUR_WORDS if w != "人民币"])
_CUR_PREFIX = "人民币|美元|港元|港币|欧元|日元|英镑"
# Arabic digits atomically: what may follow a number (余, 万, 个, 元, a dash …) is never a digit,
# comma or point, so giving digits back can never make a match — it only made failures slow.
_NUM = rf"(?:(?>{ARABIC})|{CHINESE})"
_MAG = (rf"(?:[十拾百佰千仟]?[万亿]+(?:(?:{ARABIC}|{CHINESE})[万亿]+)*"
        # a Chinese remainder below the last 万: 七万四千, 三万零五百
        rf"(?:零?[一二两三四五六七八九][千百十](?:零?[一二三四五六七八九][百十]?)*)?)")
_SEP = r"(?:至|到|~|-|—{1,2}|–|－|～)"
_MEASURE = "个|家|项|批|宗|件|座|所|处|户|条"
_CN_FIRST = CN_DIGIT_CLASS + CN_UNIT_CLASS

# A figure can only start at a digit, a Chinese numeral or a currency word: checking that first
# makes the scan several times faster and matches exactly the same spans.
_NUM_FIRST = rf"\d{_CN_FIRST}"
_AMOUNT = re.compile(
    rf"""
    (?=[{_NUM_FIRST}{"".join(sorted({w[0] for w in _CUR_PREFIX.split("|")}))}])
    (?P<pcur>{_CUR_PREFIX})?
    (?:
      (?P<lo>{_NUM})(?P<lomag>{_MAG})?(?P<locur>{_CUR_SUFFIX})?\s*{_SEP}\s*
      (?P<hi>{_NUM})(?P<himag>{_MAG})?(?P<hicur>{_CUR_SUFFIX})
    |
      (?P<n>{_NUM})(?P<m1>[余多])?(?P<mag>{_MAG})?(?P<m2>[余多])?(?P<cur>{_CUR_SUFFIX})?
    )
    """,
    re.VERBOSE,
)

_COUNT = re.compile(
    rf"""
    (?=[{_NUM_FIRST}])
    (?:
      (?P<lo>{_NUM})\s*{_SEP}\s*(?P<hi>{_NUM})(?P<himag>{_MAG})?(?P<mw1>{_MEASURE})
    |
      (?P<n>{_NUM})(?P<m1>[余多])?(?P<mag>{_MAG})?(?P<m2>[余多])?(?P<mw>{_MEASURE})
    )
    """,
    re.VERBOSE,
)

# A count is written with these characters (digits, numerals, 万亿, 余多, range separators, spaces) and
# ends in a measure word, which is none of them: every count lies in a run of them followed by a
# measure word. Trying _COUNT on those runs only finds the same counts without trying every digit
# of every amount and year.
_NUMBER_CHARS = rf"\d\s,，.点余多万亿{_CN_FIRST}至到~\-—–－～"
_COUNT_RUN = re.compile(rf"(?<![{_NUMBER_CHARS}])[{_NUMBER_CHARS}]++(?=[{_MEASURE.replace('|', '')}])")

_AT_LEAST_PRE = ("超过", "超", "逾", "突破", "不少于", "不低于", "多于", "高于", "大于", "达到以上")
_APPROX_PRE = ("大约", "约为", "约", "将近", "接近", "近", "大概", "预计约")
_AT_MOST_PRE = ("不到", "不足", "不超过", "少于", "低于", "最多", "至多", "不高于", "小于", "未超过")
_CONVERSION_PRE = ("约合", "折合", "合计约合", "相当于")
_AT_LEAST_POST = ("以上",)
_APPROX_POST = ("左右", "上下")
_AT_MOST_POST = ("以内", "以下", "之内")
# Not money: 元旦, 元年, 元素 …
_NOT_CURRENCY_NEXT = set("旦年素宵月首帅老气件器勋")
# After a measure word: not a count of things (个百分点, 个月, 个小时 …)
_NOT_COUNT_NEXT = ("百分点", "月", "小时", "工作日", "季度", "星期", "世纪", "年度", "半月", "周",
                   "方面", "层次", "维度", "环节上")
# Before a number: not a figure (第3个 is a rank); before a Chinese numeral, vague amounts
# (几十亿, 数百亿, 上百亿, 成千上万, 好几十)
_NOT_FIGURE_PREV = set("第")
# 超亿元, 过亿元, 上亿元, 超千万元: a floor with the 一 left out
_IMPLICIT = re.compile(r"(?P<pre>超过|超|逾|过|破|上)(?P<mag>千万|百万|十亿|百亿|千亿|万亿|亿)(?P<cur>元|美元)")

# ------------------------------------------------------------------ lexicon


@lru_cache(maxsize=1)
def _metric_terms() -> tuple[str, ...]:
    terms = {ln.strip() for ln in resources.data_lines("lexicon/figures_metrics.txt")}
    return tuple(sorted(terms, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def _metric_re() -> re.Pattern:
    return re.compile("|".join(re.escape(t) for t in _metric_terms()))


_SUBJECT_SUFFIX = ("项目", "产业园", "工业园", "科技园", "物流园", "园区", "基地", "有限公司", "公司",
                   "集团", "工厂", "广场", "市场", "酒店", "科学城", "商城", "综合体", "产业城")
_SUBJECT_GENERIC = ("签约", "开工", "投产", "新建", "续建", "在建", "重点", "招商", "亿元", "万元", "一批",
                    "该", "全", "各", "优质", "其中", "所有", "这些", "上述", "大项目", "好项目", "新开",
                    "竣工", "储备", "谋划", "外资", "内资", "产业链", "一个", "个项目", "家企业")
_CLAUSE_BREAK = "，,；;：:。！？!?\n"
_SUBJECT_BREAK = set(_CLAUSE_BREAK) | set("、的是在由与及把对将从向为“”\"‘’《》「」 \t")
_LEAD_STRIP = ("已经", "已", "累计", "共计", "共", "合计", "总计", "就", "都", "均", "其中", "目前", "现有",
               "先后", "新增加", "仅", "来自", "全年", "当年", "今年", "同时", "此外", "另外", "并", "还", "再")
_TRAIL_STRIP = ("已经", "已", "累计", "共计", "共", "合计", "总计", "达到", "达至", "达", "为", "有", "是",
                "超过", "超", "突破", "逾", "约为", "约", "将近", "接近", "近", "就", "均", "分别", "完成",
                "实现", "增至", "增加", "到", "在", "不少于", "不低于", "不到", "不足", "共有", "拥有",
                "总数", "数量", "数", "个数", "总量", "已达", "达成", "签约了", "引进了", "了", "至")
# Nouns that end the name of what is counted (22个项目顺利推进 → 项目)
_COUNT_HEADS = ("项目", "企业", "公司", "园区", "基地", "小区", "道路", "巷道", "航线", "国家和地区", "国家",
                "地区", "店", "工程", "问题", "建议", "提案", "大棚", "遗址", "学校", "医院", "平台", "中心",
                "厂", "商户", "门店", "网点", "市场主体", "主体", "村", "社区", "产业园", "集群", "机构",
                "银行", "协议", "合同", "大项目", "家庭", "户", "城市", "口岸", "车间", "设施", "景区")
_METRIC_VERBS = ("开工", "签约", "落地", "投产", "建成", "完成", "实现", "达到", "入驻", "落户", "竣工",
                 "获得", "被", "在", "进行", "正式", "顺利", "列入", "全部", "均", "已", "的", "参加", "参与", "覆盖", "通过", "分布", "涉及",
                 "，", ",", "。", "、")

# ------------------------------------------------------------------ records


@dataclass(slots=True)
class Figure:
    """One figure found in a text (offsets into that text)."""

    kind: str
    value: Decimal
    value_high: Decimal | None
    currency: str | None
    unit: str
    raw_unit: str
    qualifier: str
    start: int
    end: int
    conversion: bool = False
    metric_span: tuple[int, int] | None = None
    subjects: list[tuple[int, int]] = field(default_factory=list)
    distributive: bool = False


# ------------------------------------------------------------------ text views


def _view(text: str) -> str:
    """Simplified text with digits folded, same length."""
    return fold_digits(text)


_SENTENCE_EVENT = re.compile("[。！？!?…\n]")


def _sentences(view: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence. A sentence ends at 。！？!? (closing quotes kept
    with it); a paragraph at a blank line, or a line break after final punctuation or before an
    indented line. A line break inside a sentence (wrapped text) is not a boundary."""
    out: list[tuple[int, int, int]] = []
    para = 0
    i = 0
    n = len(view)
    start = 0

    def flush(end: int):
        s, e = start, end
        while s < e and view[s] in " \t\r\n\u3000\u200b\ufeff":
            s += 1
        while e > s and view[e - 1] in " \t\r\n\u3000\u200b\ufeff":
            e -= 1
        if e > s:
            out.append((s, e, para))

    while i < n:
        # only sentence-final punctuation and line breaks can end anything: jump to the next one
        ev = _SENTENCE_EVENT.search(view, i)
        if ev is None:
            break
        i = ev.start()
        ch = view[i]
        if ch in "。！？!?…":
            j = i + 1
            while j < n and view[j] in "。！？!?…”’」』\"'":
                j += 1
            flush(j)
            start = i = j
            continue
        if ch == "\n":
            j = i
            while j < n and view[j] in "\r\n \t\u3000":
                j += 1
            gap = view[i:j]
            k = i
            while k > 0 and view[k - 1] in " \t\r\u3000":
                k -= 1
            prev = view[k - 1] if k else ""  # the last visible character before the break
            boundary = (gap.count("\n") >= 2 or prev in "。！？!?；;：:”」』)）" or prev == ""
                        or (j < n and view[i + 1:j].strip("\r\n") != "")  # indented next line
                        or j >= n)
            if boundary:
                flush(i)
                para += 1
                start = i = j
                continue
        i += 1
    flush(n)
    return out


# ------------------------------------------------------------------ figures in one sentence


def _word_table(groups) -> dict[str, str]:
    """word → qualifier; a word listed twice keeps its first qualifier (as a scan in order would)."""
    table: dict[str, str] = {}
    for ws, q in groups:
        for w in ws:
            table.setdefault(w, q)
    return table


_PRE_TABLE = _word_table(((_CONVERSION_PRE, "conversion"), (_AT_MOST_PRE, "at_most"),
                          (_APPROX_PRE, "approx"), (_AT_LEAST_PRE, "at_least")))
_POST_TABLE = _word_table(((_AT_MOST_POST, "at_most"), (_APPROX_POST, "approx"), (_AT_LEAST_POST, "at_least")))
_PRE_MAX = max(map(len, _PRE_TABLE))


def _longest_first(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# The qualifying word right before a figure (the longest that ends there: searched in a window
# that ends at the figure, the leftmost match is the longest) and right after it.
_PRE_WORD = re.compile(rf"(?:{_longest_first(_PRE_TABLE)})\Z")
_POST_WORD = re.compile(_longest_first(_POST_TABLE))


def _qualify(s: str, start: int, end: int, more: bool) -> tuple[str, bool, int, int]:
    """Qualifier of the figure s[start:end] and whether it is a conversion (约合…). The longest
    qualifying word wins (不少于 is at_least although it ends in 少于)."""
    m = _PRE_WORD.search(s, max(0, start - _PRE_MAX), start)
    pre = _PRE_TABLE[m.group()] if m else None
    m = _POST_WORD.match(s, end)
    post = _POST_TABLE[m.group()] if m else None
    if pre == "conversion":
        return "exact", True, start, end
    if post:
        return post, False, start, end
    if pre:
        return pre, False, start, end
    if more:
        return "more_than", False, start, end
    return "exact", False, start, end


_DIGIT = re.compile(r"\d")
# 千千万万 / 万万没想到 are "countless" / "never"; 一万万 (an old way to write 一亿) is a number.
_DOUBLED = re.compile(r"([十百千])\1|(?<![0-9０-９一二两三四五六七八九十百千])万万")
_CN_NUMERAL_CHARS = frozenset(CHINESE[4:CHINESE.index("]")])


def _is_chinese_numeral(s: str) -> bool:
    return bool(s) and not _DIGIT.search(s)


def _boundary_ok(s: str, start: int, end: int) -> bool:
    prev = s[start - 1] if start else ""
    if prev and (prev.isascii() and (prev.isalnum() or prev in "-./_#")):
        return False
    if prev in _NOT_FIGURE_PREV:
        return False
    first = s[start:start + 1]
    if prev in "几数好" and not first.isdigit():
        return False
    if (prev == "上" and first in "十百千万亿") or (prev == "成" and first in "百千万"):
        return False  # 上百亿, 成千上万 (but 形成十四个 is fourteen)
    if _DOUBLED.search(s, start, end):  # 千千万万: "countless"
        return False
    if prev in _CN_NUMERAL_CHARS:
        return False  # part of a longer Chinese numeral that did not parse as one figure
    nxt = s[end:end + 1]
    if nxt and nxt.isascii() and (nxt.isalnum() or nxt in "-/_#%"):
        return False
    if nxt in ("%", "‰", "％"):
        return False
    return True


def find_figures(s: str) -> list[Figure]:
    """Amounts and counts in one sentence ``s`` (Simplified, digits folded), in order."""
    figs: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for m in _AMOUNT.finditer(s):
        fig = _amount_figure(s, m)
        if fig is not None:
            figs.append(fig)
            taken.append((fig.start, fig.end))
    for m in _IMPLICIT.finditer(s):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        start = m.start("mag")
        currency = CURRENCIES[m.group("cur")]
        figs.append(Figure("amount", parse_number("1" + m.group("mag")), None, currency,
                           "元" if currency == "CNY" else m.group("cur"), m.group("mag") + m.group("cur"),
                           "at_least", start, m.end()))
        taken.append((start, m.end()))
    for run in _COUNT_RUN.finditer(s):
        for m in _COUNT.finditer(s, run.start(), run.end() + 1):
            start, end = m.span()
            if any(a < end and start < b for a, b in taken):
                continue
            fig = _count_figure(s, m)
            if fig is not None:
                figs.append(fig)
    figs.sort(key=lambda f: (f.start, f.end))
    return figs


def _amount_figure(s: str, m: re.Match) -> Figure | None:
    """The amount an :data:`_AMOUNT` match in ``s`` states, or None when it is no amount."""
    if m.group("lo") is None and not m.group("cur") and not (m.group("pcur") and m.group("mag")):
        return None  # a number with no currency (the numbers of counts, years …): most matches
    g = m.groupdict()
    start, end = m.span()
    if g["lo"] is not None:
        lo_mag = g["lomag"] or g["himag"] or ""
        try:
            lo = parse_number(g["lo"] + lo_mag)
            hi = parse_number(g["hi"] + (g["himag"] or ""))
        except (ValueError, KeyError):
            return None
        cur_word = g["hicur"]
        if g["pcur"] and cur_word == "元":
            cur_word = g["pcur"]
        if lo >= hi:
            return None
        value, value_high, qualifier, conv = lo, hi, "range", False
        raw_unit = (g["himag"] or "") + g["hicur"]
    else:
        cur_word = g["cur"]
        if cur_word and s[end:end + 1] in _NOT_CURRENCY_NEXT and cur_word == "元":
            return None
        if _is_chinese_numeral(g["n"]) and not g["mag"]:
            return None  # 二元结构, 一元化: Chinese numerals without 万/亿 are not money here
        try:
            value = parse_number(g["n"] + (g["mag"] or ""))
        except (ValueError, KeyError):
            return None
        if cur_word is None or (g["pcur"] and cur_word == "元"):
            cur_word = g["pcur"] or cur_word
        value_high = None
        qualifier, conv, _, _ = _qualify(s, start, end, bool(g["m1"] or g["m2"]))
        raw_unit = (g["mag"] or "") + (g["cur"] or "")
    if not _boundary_ok(s, start, end):
        return None
    if cur_word == "元人民币":
        cur_word = "元"
    currency = CURRENCIES.get(cur_word, "CNY")
    unit = "元" if currency == "CNY" else cur_word
    return Figure("amount", value, value_high, currency, unit, raw_unit, qualifier, start, end, conversion=conv)


def _count_figure(s: str, m: re.Match) -> Figure | None:
    """The count a :data:`_COUNT` match in ``s`` states, or None when it is no count."""
    start, end = m.span()
    if s.startswith(_NOT_COUNT_NEXT, end):
        return None
    if not _boundary_ok(s, start, end):
        return None
    g = m.groupdict()
    mw = g["mw"] or g["mw1"]
    if g["lo"] is not None:
        try:
            lo = parse_number(g["lo"] + (g["himag"] or ""))
            hi = parse_number(g["hi"] + (g["himag"] or ""))
        except (ValueError, KeyError):
            return None
        if lo >= hi:
            return None
        value, value_high, qualifier = lo, hi, "range"
    else:
        raw = g["n"]
        more = bool(g["m1"] or g["m2"])
        try:
            value = parse_number(g["n"] + (g["mag"] or ""))
        except (ValueError, KeyError):
            return None
        # Small counts in Chinese numerals (四大产业, 五个工作组, 一批) are rhetoric, not data.
        if _is_chinese_numeral(raw) and value < 10 and not more:
            return None
        value_high = None
        qualifier, _, _, _ = _qualify(s, start, end, more)
    if value == 0:
        return None
    # 棉纱产量增加了三十五万件: a quantity produced, not a count of things
    if "产量" in s:
        ca, _cb = _clause_bounds(s, start, end)
        if "产量" in s[ca:start]:
            return None
    return Figure("count", value, value_high, None, mw, (g.get("mag") or g.get("himag") or "") + mw,
                  qualifier, start, end)


# ------------------------------------------------------------------ meaning


_CLAUSE_BREAK_RE = re.compile(f"[{re.escape(_CLAUSE_BREAK)}]")


@lru_cache(maxsize=16)
def _breaks(s: str) -> list[int]:
    """Offsets of the clause breaks (，；。…) of sentence ``s`` (cached: every figure asks)."""
    return [m.start() for m in _CLAUSE_BREAK_RE.finditer(s)]


def _clause_bounds(s: str, start: int, end: int) -> tuple[int, int]:
    """The clause around s[start:end]: from after the last break (，；。…) before ``start`` to the
    first break at or after ``end``."""
    br = _breaks(s)
    i = bisect.bisect_left(br, start)
    a = br[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(br, end)
    b = br[j] if j < len(br) else len(s)
    return a, b


_TRAIL_RANK = {w: i for i, w in reversed(list(enumerate(_TRAIL_STRIP)))}
_LEAD_RANK = {w: i for i, w in reversed(list(enumerate(_LEAD_STRIP)))}
_TRAIL_MAX = max(map(len, _TRAIL_STRIP))
_LEAD_MAX = max(map(len, _LEAD_STRIP))


def _strip_phrase(s: str, a: int, b: int) -> tuple[int, int]:
    """Trim function words off both ends of s[a:b] (at each step the first word of the lists that
    fits, never emptying the phrase)."""
    x, y = _stripped(s[a:b])
    return a + x, a + y


@lru_cache(maxsize=4096)
def _stripped(phrase: str) -> tuple[int, int]:
    """:func:`_strip_phrase` of a whole phrase (cached: the same words — 新签约项目, 其中外资项目 —
    stand before figure after figure)."""
    s, a, b = phrase, 0, len(phrase)
    changed = True
    while changed and a < b:
        changed = False
        best = None
        for k in range(1, min(_TRAIL_MAX, b - a - 1) + 1):
            r = _TRAIL_RANK.get(s[b - k:b])
            if r is not None and (best is None or r < best[0]):
                best = (r, k)
        if best:
            b -= best[1]
            changed = True
        best = None
        for k in range(1, min(_LEAD_MAX, b - a - 1) + 1):
            r = _LEAD_RANK.get(s[a:a + k])
            if r is not None and (best is None or r < best[0]):
                best = (r, k)
        if best:
            a += best[1]
            changed = True
    while a < b and s[a] in "的、 “”\"‘’'":
        a += 1
    while b > a and s[b - 1] in "的、 “”\"‘’'":
        b -= 1
    return a, b


_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORDISH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_COUNTED_END = re.compile(r"[，,。；;、：:（()）“”\"]")


def _counted_noun(s: str, j: int, b: int) -> tuple[int, int] | None:
    """The counted noun right after a count's measure word at ``j`` (clause ends at ``b``):
    70多个国家和地区 → 国家和地区, 8家4S店 → 4S店; cut before a verb, kept up to its head noun."""
    stop = min(b, j + 12)
    m = _COUNTED_END.search(s, j, stop)
    seg = s[j:m.start() if m else stop]
    if not seg:  # 61个，… — nothing named after the measure word (the common case)
        return None
    for v in _METRIC_VERBS:
        i = seg.find(v)
        if i >= 0:
            seg = seg[:i]
    heads = [seg.rfind(h) + len(h) for h in _COUNT_HEADS if h in seg]
    if heads:
        seg = seg[:max(heads)]
    if len(seg) >= 1 and not seg[0].isdigit() and _WORDISH.match(seg):
        return (j, j + len(seg))
    return None


def _metric(s: str, fig: Figure, cut_points: list[int], clause: tuple[int, int]) -> tuple[int, int] | None:
    """Span of the metric: the lexicon phrase nearest before the figure in its clause (amounts),
    else the counted noun after a count's measure word, else the clause's words before the figure
    (after the last place or period named), trimmed of verbs and adverbs. ``clause``: the bounds
    of the figure's clause (:func:`_clause_bounds`)."""
    a, b = clause
    if fig.kind == "amount":
        best = None
        for m in _metric_re().finditer(s, a, fig.start):
            best = (m.start(), m.end())
        if best:
            return best
        for m in _metric_re().finditer(s, fig.end, b):
            return (m.start(), m.end())
        # 一般公共预算收入增长5%，达到15.8亿元: the metric is in the previous clause
        x, y = _strip_phrase(s, a, fig.start)
        if (y - x <= 2 or not _HAN.search(s, x, y)) and a > 0:
            pa, _pb = _clause_bounds(s, a - 1, a - 1)
            for m in _metric_re().finditer(s, pa, a - 1):
                best = (m.start(), m.end())
            if best:
                return best
    else:
        noun = _counted_noun(s, fig.end, b)
        if noun:
            return noun
    # words before the figure in its clause (after the last place, period, figure or 、 in it)
    left = max([a] + [c for c in cut_points if a <= c <= fig.start])
    dun = s.rfind("、", left, fig.start)
    if dun >= 0 and fig.kind == "count":
        left = dun + 1
    last_de = s.rfind("的", left, fig.start)
    if last_de >= 0:
        left = last_de + 1
    x, y = _strip_phrase(s, left, fig.start)
    if y - x >= 2 and _HAN.search(s, x, y):
        if y - x > 16:
            x = y - 16
        return (x, y)
    return None


_SUBJECT_BREAK_RE = re.compile("[" + re.escape("".join(sorted(_SUBJECT_BREAK))) + "]")
_BRACKET = re.compile("[（()）]")
# every occurrence of a suffix, overlapping ones included (产业园区: 产业园 and 园区), longest first
_SUBJECT_SUFFIX_AT = re.compile(f"(?=({_longest_first(_SUBJECT_SUFFIX)}))")
_SUBJECT_GENERIC_RE = re.compile("|".join(map(re.escape, _SUBJECT_GENERIC)))
_NOT_A_NAME = re.compile(r"\d|[零一二两三四五六七八九十百千万亿]+[个家项]")
_NAME_START = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_DISTRIBUTIVE = re.compile(r"均(?:达到?|为|超过|在|约|逾|达|有|超)?[^，,]{0,4}$")


def _runs(s: str, a: int, b: int):
    """(start, end) of the runs of s[a:b] between subject breaks (、的是在 …, clause punctuation);
    a break inside brackets does not count (中粮面业(潍坊)有限公司 is one run)."""
    if not _BRACKET.search(s, a, b):  # the common case: split at the breaks
        i = a
        for m in _SUBJECT_BREAK_RE.finditer(s, a, b):
            yield i, m.start()
            i = m.end()
        if i < b:
            yield i, b
        return
    i = a
    while i < b:
        j = i
        depth = 0
        while j < b:
            c = s[j]
            if c in "（(":
                depth += 1
            elif c in "）)":
                depth = max(0, depth - 1)
            elif depth == 0 and c in _SUBJECT_BREAK:
                break
            j += 1
        yield i, j
        i = j + 1


def _subject_name(s: str, i: int, j: int) -> int | None:
    """End of the project/firm named by the run s[i:j] (up to its last 项目, 产业园 …), or None
    when the run names none (no such suffix, a generic phrase, a number)."""
    ends = [m.start() + len(m.group(1)) for m in _SUBJECT_SUFFIX_AT.finditer(s, i, j)]
    if not ends:
        return None
    best = max(ends) - i  # the end of the last suffix
    return i + best if _is_name(s[i:i + best]) else None


@lru_cache(maxsize=4096)
def _is_name(name: str) -> bool:
    """Whether ``name`` (ending in 项目, 公司 …) names a project or firm: not a generic phrase
    (签约项目, 重点项目), no number in it, more than the suffix. Cached: the same phrases recur."""
    core = name
    for suf in _SUBJECT_SUFFIX:
        if core.endswith(suf):
            core = core[: -len(suf)]
            break
    return bool(len(core) >= 2 and not _SUBJECT_GENERIC_RE.search(name)
                and not _NOT_A_NAME.search(name) and _NAME_START.match(name))


@lru_cache(maxsize=64)
def _subject_candidates(s: str, a: int, b: int) -> tuple[tuple[int, int], ...]:
    """Named projects/firms inside s[a:b]: a run of text between breaks ending in 项目, 产业园 …
    (cached: the figures of one clause ask for the same)."""
    out = []
    for i, j in _runs(s, a, b):
        end = _subject_name(s, i, j)
        if end is not None:
            out.append((i, end))
    return tuple(out)


def _subjects(s: str, fig: Figure, clause: tuple[int, int]) -> tuple[list[tuple[int, int]], bool]:
    """Subjects of the figure (in its ``clause``) and whether it is said of each of them (均)."""
    a, b = clause
    before = s[a:fig.start]
    if _DISTRIBUTIVE.search(before) or "分别" in before[-6:]:
        # A、B和C投资均达…: one row per listed subject
        cands = _subject_candidates(s, a, fig.start)
        # items separated by 、 和 及 与
        items = []
        for x, y in cands:
            items.append((x, y))
        if len(items) >= 2:
            return items, "均" in before
    # 总投资58亿元的X项目: the subject right after 的
    if s[fig.end:fig.end + 1] == "的":
        after = _subject_candidates(s, fig.end + 1, b)
        if after and after[0][0] == fig.end + 1:
            return [after[0]], False
    cands = _subject_candidates(s, a, b)
    if not cands:
        return [], False
    before_c = [c for c in cands if c[1] <= fig.start]
    if before_c:
        return [before_c[-1]], False
    return [cands[0]], False


# ------------------------------------------------------------------ places and periods


def _bracketed(m: Mention, view: str) -> bool:
    return m.start > 0 and view[m.start - 1] in "(（" and view[m.end:m.end + 1] in ")）"


_CLAUSE_STOP = re.compile("[；;，,：:]")


class _PlaceIndex:
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

    def place_for(self, pos: int, sent: tuple[int, int, int], para_bounds: tuple[int, int]) -> Mention | None:
        """The place a figure at ``pos`` belongs to: the nearest named before it in the sentence,
        else the first after it in the same clause (up to the next ，；：; the last of a run such as
        德州市齐河县齐鲁高新区 — a place later in the sentence is usually an example: 十七项，包括鞍山…),
        else the last named earlier in the paragraph, else the first later in the paragraph. Only
        mentions that carry (:func:`_carries`) give their place to other sentences."""
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
        if last_before is not None:
            return mentions[last_before]
        # after the figure, in its clause: not a place in brackets inside a name
        # (中糧面業(濰坊)有限公司, 豐樹(齊河)…項目)
        stop_m = _CLAUSE_STOP.search(view, pos, se)
        stop = stop_m.start() if stop_m else se
        for i in range(lo, hi):
            m = mentions[i]
            if m.start >= stop or m.end > se:
                break
            if m.start >= pos and not _bracketed(m, view):
                return self._run_end(i)
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


def _carries(gaz, own):
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


def _period_for(pos: int, sent: tuple[int, int, int], periods: list[Period]) -> Period | None:
    ss, se, _ = sent
    return _period_in(pos, [p for p in periods if ss <= p.start and p.end <= se])


def _period_in(pos: int, inside: list[Period]) -> Period | None:
    """The period of a figure at ``pos`` among the periods ``inside`` its sentence: the last named
    before it, else the first after it."""
    before = [p for p in inside if p.end <= pos]
    if before:
        return before[-1]
    after = [p for p in inside if p.start >= pos]
    return after[0] if after else None


# ------------------------------------------------------------------ document


_DROPPED = re.compile("[\r\n\u200b\u200c\u200d\ufeff]")
_QIZHONG = re.compile("其中")
# A sentence without a digit, a Chinese numeral or 亿/万 holds no figure (find_figures would say so
# more slowly); nor does one without the last character of a currency word (元, 币 …) or a measure
# word (个, 家 …), as every amount ends in or starts with a currency and every count ends in a
# measure word. Half the sentences of a work report with a numeral (一是, 第三) have neither.
_MAY_HOLD_FIGURE = re.compile(rf"[\d{_CN_FIRST}万亿]")
_FIGURE_WORD_END = re.compile("[" + "".join(sorted(
    {w[-1] for w in [*CURRENCIES, *_CUR_PREFIX.split("|"), *_CUR_SUFFIX.split("|"), "元", "美元"]}
    | set(_MEASURE.split("|")))) + "]")


def _compact(view: str, ss: int, se: int) -> tuple[str, list[int]]:
    """The sentence without line breaks and zero-width characters, with a map to view offsets."""
    if not _DROPPED.search(view, ss, se):
        return view[ss:se], range(ss, se)
    keep = [i for i in range(ss, se) if view[i] not in "\r\n\u200b\u200c\u200d\ufeff"]
    return "".join(view[i] for i in keep), keep


@lru_cache(maxsize=4096)
def _analyse_sentence(comp: str, cut: tuple[int, ...]) -> tuple:
    """The figures of one (compacted) sentence with their metric span, subjects and whether they
    are distributive: everything that depends on the sentence's text alone (and on where its places
    and periods end, ``cut``). Pure, hence cached: repeated sentences — reprints, boilerplate,
    headlines restated in the body — are analysed once. The Figures returned are shared: never
    mutate them."""
    figs = find_figures(comp)
    if not figs:
        return ()
    cuts = list(cut) + [f.end for f in figs]
    out = []
    for fig in figs:
        clause = _clause_bounds(comp, fig.start, fig.end)
        subjects, distributive = _subjects(comp, fig, clause)
        out.append((fig, _metric(comp, fig, cuts, clause), subjects, distributive))
    return tuple(out)


def _value_out(v: Decimal | None):
    if v is None:
        return None
    return to_int_if_whole(v)


def doc_figures(doc: CleanDocument) -> list[dict]:
    """Every figure of ``doc`` as rows of figures.csv (plus extra columns), in text order."""
    body = doc.body
    view = _view(doc.simplified)
    if len(view) != len(body):  # the contract says aligned; never report wrong offsets
        raise ValueError(f"{doc.doc_id}: simplified view is not aligned with body")
    gaz = gazetteer()
    named, own = gaz.analyse(view, title=_view(doc.title_simplified or ""))
    # places named in passing (destinations, partners, 等-lists) give no place to any figure
    mentions = [m for m in named if not m.passing]
    carries = _carries(gaz, own)
    own_default = (Mention(-1, -1, "", own.code, gaz.places[own.code].name)
                   if own.speaker and own.code else None)
    periods = find_periods(view, doc.published)
    period_starts = [p.start for p in periods]
    sentences = _sentences(view)
    place_index = _PlaceIndex(mentions, view, carries)
    starts = place_index.starts
    para_bounds: dict[int, tuple[int, int]] = {}
    for a, b, p in sentences:
        lo_hi = para_bounds.get(p)
        para_bounds[p] = (a, b) if lo_hi is None else (lo_hi[0], b)
    script = doc.script if doc.script in ("traditional", "simplified") else "simplified"
    rows: list[dict] = []
    place_cache: dict = {}
    n = 0
    last_sentence_figs: list[dict] = []
    last_para = -1
    for sent in sentences:
        ss, se, para = sent
        comp, keep = _compact(view, ss, se)
        if not comp:
            continue
        if para != last_para:
            last_sentence_figs = []
            last_para = para
        if not (_MAY_HOLD_FIGURE.search(comp) and _FIGURE_WORD_END.search(comp)):
            continue
        # cut points for metric search: ends of places and periods named in the clause
        cut = [bisect_map(keep, m.end)
               for m in mentions[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)]
               if m.end <= se]
        in_sent = periods[bisect.bisect_left(period_starts, ss):bisect.bisect_left(period_starts, se)]
        in_sent = [p for p in in_sent if p.end <= se]
        cut += [bisect_map(keep, p.end) for p in in_sent]
        analysed = _analyse_sentence(comp, tuple(cut))
        if not analysed:
            continue
        qizhong = [m.end() for m in _QIZHONG.finditer(comp)] if "其中" in comp else []
        sentence = body[ss:se]
        sent_rows: list[dict] = []
        cstarts: list[int] = []  # where each row's figure starts in comp
        for fig, metric_span, subjects, distributive in analysed:
            vs, ve = keep[fig.start], keep[fig.end - 1] + 1
            place = place_index.place_for(vs, sent, para_bounds[para])
            if place is None and own_default is not None:
                place = own_default  # a work report's figures are its own place's unless it names another
            period = _period_in(vs, in_sent)
            metric = _body_span(body, keep, metric_span)
            base = _row_base(doc, fig, vs, ve, ss, se, sentence, metric, place, period,
                             _place_columns(place, gaz, script, place_cache), script)
            # 其中: a part of the last figure of the same kind before it (this sentence, or the
            # previous one of the paragraph when the sentence opens with 其中)
            part_of = None
            qz = [q for q in qizhong if q <= fig.start]
            if qz:
                q = qz[-1]
                pool = [r for r, c in zip(sent_rows, cstarts) if c < q - 2]
                if not pool and comp[:q].strip(" ，,") == "其中":
                    pool = last_sentence_figs
                same = [r for r in pool if r["kind"] == fig.kind and r["currency"] == base["currency"]]
                target = (same or pool)[-1] if (same or pool) else None
                if target is not None:
                    part_of = target["figure_id"]
                    if base["period_start"] is None and base["period_end"] is None:
                        base["period_start"] = target["period_start"]
                        base["period_end"] = target["period_end"]
            conversion_of = None
            if fig.conversion:
                prev = [r for r in sent_rows if r["kind"] == "amount"]
                if prev:
                    conversion_of = prev[-1]["figure_id"]
            subj_list = subjects or [None]
            for subj in subj_list:
                n += 1
                row = dict(base) if len(subj_list) > 1 else base  # one row per subject
                row["figure_id"] = f"{doc.doc_id}#{n}"
                row["subject"] = _body_span(body, keep, subj) if subj else None
                row["part_of"] = part_of
                row["conversion_of"] = conversion_of
                row["distributive"] = bool(distributive and len(subj_list) > 1)
                sent_rows.append(row)
                cstarts.append(fig.start)
        rows.extend(sent_rows)
        last_sentence_figs = sent_rows
    return rows


def bisect_map(keep, view_pos: int) -> int:
    """Offset in the compacted sentence of a view offset (the first kept index at or after it)."""
    if isinstance(keep, range):
        return min(max(view_pos - keep.start, 0), len(keep))
    return bisect.bisect_left(keep, view_pos)


def _body_span(body: str, keep, span: tuple[int, int] | None) -> str | None:
    if not span:
        return None
    a, b = span
    if b <= a:
        return None
    if isinstance(keep, range):
        return body[keep[a]:keep[b - 1] + 1]
    return "".join(body[keep[i]] for i in range(a, b))


def _place_source(place: Mention | None, ss: int, se: int) -> str | None:
    """Where the place comes from: its ``sentence``, the sentences around it (``context``), or —
    in a government work report that names no place for the figure — the ``document``'s own."""
    if place is None:
        return None
    if place.start < 0:
        return "document"
    return "sentence" if ss <= place.start and place.end <= se else "context"


def _place_columns(place: Mention | None, gaz, script: str, cache: dict) -> dict:
    """The columns that depend on the place alone (its name, code, level, parents), displayed in
    ``script``; ``cache`` keeps them per place, as a document names few places many times."""
    key = (place.code, place.name) if place else None
    cols = cache.get(key)
    if cols is None:
        code = place.code if place else None
        chain = gaz.chain(code) if code else []
        levels = gaz.level_names(code) if code else {"province": None, "prefecture": None, "county": None}
        disp = lambda s: to_script(s, script) if s else s  # noqa: E731
        cols = cache[key] = {
            "place": disp(place.name) if place else None,
            "place_code": code,
            "place_level": gaz.places[code].level if code else None,
            "place_parents": " > ".join(disp(p.name) for p in chain[1:]) if chain else None,
            "province": disp(levels["province"]),
            "prefecture": disp(levels["prefecture"]),
            "county": disp(levels["county"]),
        }
    return cols


def _row_base(doc: CleanDocument, fig: Figure, vs: int, ve: int, ss: int, se: int, sentence: str,
              metric: str | None, place: Mention | None, period: Period | None, place_cols: dict,
              script: str) -> dict:
    return {
        "doc_id": doc.doc_id,
        "kind": fig.kind,
        "value": _value_out(fig.value),
        "value_high": _value_out(fig.value_high),
        "currency": fig.currency,
        "unit": to_script(fig.unit, script) if fig.unit else fig.unit,
        "qualifier": fig.qualifier,
        "metric": metric,
        "subject": None,
        "place": place_cols["place"],
        "period_start": period.period_start if period else None,
        "period_end": period.period_end if period else None,
        "sentence": sentence,
        "start": vs,
        "end": ve,
        "text": doc.body[vs:ve],
        "figure_id": None,
        "part_of": None,
        "conversion_of": None,
        "distributive": False,
        "place_code": place_cols["place_code"],
        "place_level": place_cols["place_level"],
        "place_parents": place_cols["place_parents"],
        "province": place_cols["province"],
        "prefecture": place_cols["prefecture"],
        "county": place_cols["county"],
        "place_mention": doc.body[place.start:place.end] if place and place.start >= 0 else None,
        "place_source": _place_source(place, ss, se),
        "period_text": doc.body[period.start:period.end] if period else None,
        "sentence_start": ss,
        "sentence_end": se,
    }


# ------------------------------------------------------------------ tables


def figures_frame(docs: Iterable[CleanDocument]):
    """All figures of ``docs`` as a DataFrame with :data:`COLUMNS`, sorted by doc_id and offset."""
    import pandas as pd

    rows = [r for d in docs for r in doc_figures(d)]
    df = pd.DataFrame(rows, columns=COLUMNS)
    return _tidy(df)


def _tidy(df):
    import pandas as pd

    if df.empty:
        return df
    df = df.sort_values(["doc_id", "start", "end", "figure_id"], kind="stable",
                        key=lambda c: c.map(_natural) if c.name == "figure_id" else c)
    df = df.reset_index(drop=True)
    for col in ("value", "value_high"):
        if all(v is None or isinstance(v, int) for v in df[col]) and df[col].notna().any():
            df[col] = pd.array([v if v is not None else pd.NA for v in df[col]], dtype="Int64")
    return df


def _natural(fid: str):
    if isinstance(fid, str) and "#" in fid:
        d, k = fid.rsplit("#", 1)
        return f"{d}#{int(k):08d}"
    return fid


# Metric families: synonyms that name the same money (or the same things counted), so that totals
# add like to like. First match wins, on the Simplified metric; a metric in no family is its own.
_AMOUNT_FAMILIES = (
    ("签约投资", ("合同", "签约", "协议")),
    ("对外投资", ("对外直接投资", "对外投资")),
    ("利用外资", ("外商直接投资", "利用外资", "使用外资")),
    ("到位资金", ("到位", "引进资金", "引进内资", "引资")),
    ("固定资产投资", ("固定资产投资",)),
    ("项目总投资", ("计划总投资", "总投资", "投资总额", "计划投资")),
    ("投资", ("投资", "投入")),
)
_COUNT_FAMILIES = (
    ("签约项目", ("签约", "引进", "落地", "落户")),
    ("开工项目", ("开工", "新建", "续建", "在建", "实施", "推进")),
    ("竣工投产项目", ("投产", "竣工", "建成")),
)
UNLABELLED = "（未标明）"


def metric_family(metric, kind: str = "amount") -> str:
    """The family of a metric, for totals that add like to like: 合同总投资额 and 签约金额 are
    签约投资; 总投资 and 计划总投资 项目总投资; 完成投资 and 投入 投资; 实际利用外资 利用外资 …
    For counts: 签约项目, 开工项目, 竣工投产项目 (projects by stage), else the thing counted.
    Any other metric (地区生产总值, 旅游收入 …) is its own family; none is 「（未标明）」."""
    from .script import to_simplified

    if not isinstance(metric, str) or not metric.strip():
        return UNLABELLED
    m = to_simplified(metric)
    if kind == "count":
        if "项目" in m:
            for fam, words in _COUNT_FAMILIES:
                if any(w in m for w in words):
                    return fam
            return "项目"
        return m
    for fam, words in _AMOUNT_FAMILIES:
        if any(w in m for w in words):
            if fam == "固定资产投资":
                # 工业固定资产投资, 区本级固定资产投资 are parts of the whole, not synonyms of it
                sector = m[:m.index("固定资产投资")]
                for w in ("累计完成", "累积完成", "全社会", "累计", "累积", "完成", "全年"):
                    sector = sector.replace(w, "")
                if sector:
                    return m
            return fam
    return m


# The families that are investment (what notebook 03 charts as 招商引资金额), as opposed to output,
# revenue, spending, income.
INVESTMENT_FAMILIES = ("签约投资", "项目总投资", "投资", "固定资产投资", "到位资金", "利用外资")


def _period_label(start, end) -> str | None:
    if not isinstance(start, str) and not isinstance(end, str):
        return None
    return f"{start if isinstance(start, str) else '?'}..{end if isinstance(end, str) else '?'}"


TOTALS_COLUMNS = ["place", "place_parents", "family", "period", "n_figures", "periods", "low", "high", "bound",
                  "exact", "metrics", "qualifiers", "doc_ids"]


def totals_by_place(figures, *, kind: str = "amount", currency: str = "CNY", metric: str | None = None,
                    by: tuple[str, ...] = ("family", "period")):
    """Totals per place that neither double count, nor treat floors as exact, nor add unlike things.

    Rows counted: figures of ``kind`` (and ``currency`` for amounts), optionally only those whose
    metric contains ``metric``. Left out, so that nothing is counted twice: parts (``part_of`` a
    figure of the same kind and currency), conversions (``conversion_of``), and repeats of the
    same (place, metric, period, value, qualifier, subject) — a reprinted article or a headline
    restating its body.

    Grouped by place and, by default (``by=("family", "period")``), by

    * ``family`` — the metric's family (:func:`metric_family`): contracted (签约投资), planned
      (项目总投资), completed (投资), fixed-asset investment, funds in place, FDI … are different
      money and are never added together; any other metric (地区生产总值, 旅游收入) stands alone;
    * ``period`` — the stated period (``2023-01-01..2023-06-30``); figures that state none are
      grouped per document (``undated: <doc_id>``), so that a multi-year corpus of work reports
      never adds 2012's investment to 2019's.

    ``by=()`` gives one row per place over everything (the old behaviour; only sensible with a
    ``metric`` filter on a single document). Each row has

    * ``low`` — sum of what is certain: exact values, the floors of at_least/more_than, the low
      end of ranges, approx values as stated; at_most figures add 0;
    * ``high`` — sum of upper bounds, or missing when any figure is open-ended (at_least, more_than);
    * ``exact`` — True when every figure is exact; ``bound`` says how to read ``low``:
      "=" (all exact), "≥" (floors involved), "≈" (approximations involved);
    * ``n_figures``, ``metrics`` (the metrics summed, as written), ``doc_ids``.
    """
    import pandas as pd

    by = tuple(by)
    unknown = set(by) - {"family", "period", "metric"}
    if unknown:
        raise ValueError(f"by: unknown {sorted(unknown)}; use family, period, metric")
    df = figures
    if df is None or len(df) == 0:
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    sel = df[df["kind"] == kind]
    if kind == "amount" and currency:
        sel = sel[sel["currency"] == currency]
    if metric:
        from .script import to_simplified

        want = to_simplified(metric)
        sel = sel[sel["metric"].fillna("").map(lambda m: want in to_simplified(m))]
    sel = sel[sel["place"].notna()]
    if sel.empty:  # nothing placed (a national report): no totals, not an error
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    kinds = dict(zip(df["figure_id"], zip(df["kind"], df["currency"])))
    is_part = [isinstance(p, str) and kinds.get(p) == (kind, currency if kind == "amount" else None)
               for p in sel["part_of"]]
    sel = sel[~pd.Series(is_part, index=sel.index, dtype=bool) & sel["conversion_of"].isna()]
    key = ["place", "metric", "period_start", "period_end", "value", "value_high", "qualifier", "subject"]
    sel = sel.drop_duplicates(subset=key, keep="first")
    if sel.empty:
        return pd.DataFrame(columns=TOTALS_COLUMNS)
    sel = sel.assign(
        _family=[metric_family(m, kind) for m in sel["metric"]] if "family" in by else "",
        _metric=sel["metric"].fillna(UNLABELLED) if "metric" in by else "",
        _period=[_period_label(a, b) or f"undated: {d}"
                 for a, b, d in zip(sel["period_start"], sel["period_end"], sel["doc_id"])] if "period" in by else "",
        _parents=sel["place_parents"].fillna(""),
    )
    out = []
    for (place, parents, family, _m, period), g in sel.groupby(["place", "_parents", "_family", "_metric", "_period"],
                                                            sort=True, dropna=False):
        low = Decimal(0)
        high: Decimal | None = Decimal(0)
        for v, vh, q in zip(g["value"], g["value_high"], g["qualifier"]):
            v = Decimal(int(v)) if pd.notna(v) else Decimal(0)
            if q == "range":
                low += v
                if high is not None:
                    high += Decimal(int(vh))
            elif q == "at_most":
                if high is not None:
                    high += v
            elif q in ("at_least", "more_than"):
                low += v
                high = None
            else:
                low += v
                if high is not None:
                    high += v
        quals = sorted(set(g["qualifier"]))
        if set(quals) <= {"exact"}:
            bound = "="
        elif set(quals) & {"at_least", "more_than", "at_most", "range"}:
            bound = "≥"
        else:
            bound = "≈"
        spans = sorted({_period_label(a, b) for a, b in zip(g["period_start"], g["period_end"])} - {None})
        out.append({
            "place": place, "place_parents": parents or None,
            "family": (family or _m) if ("family" in by or "metric" in by) else None,
            "period": period if "period" in by else None,
            "n_figures": len(g),
            "periods": "; ".join(spans) if spans else None,
            "low": to_int_if_whole(low), "high": to_int_if_whole(high) if high is not None else None,
            "bound": bound, "exact": bound == "=",
            "metrics": "、".join(sorted(set(g["metric"].dropna()))),
            "qualifiers": ",".join(quals),
            "doc_ids": ",".join(sorted(set(map(str, g["doc_id"])))),
        })
    out.sort(key=lambda r: (-r["low"], r["place"], r["family"] or "", r["period"] or ""))
    res = pd.DataFrame(out, columns=TOTALS_COLUMNS)
    for col in ("low", "high"):
        raw = [r[col] for r in out]
        if all(v is None or isinstance(v, int) for v in raw):
            res[col] = pd.array([v if v is not None else pd.NA for v in raw], dtype="Int64")
    return res


_INVEST = ("投资", "合同", "签约")


def per_project(figures):
    """Investment per project where a sentence gives both a number of projects and their total.

    Pairs, within one sentence and one place, a count whose metric names projects (项目) with the
    nearest amount whose metric is an investment (投资/合同/签约), e.g. 298亿 over 61 signed
    projects in 鲁西新区. ``per_project`` is amount ÷ count; it is exact only when both are.
    """
    import pandas as pd

    cols = ["doc_id", "place", "period_start", "period_end", "projects", "projects_metric",
            "amount", "amount_metric", "currency", "per_project", "qualifier", "sentence"]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=cols)
    out = []
    for (doc_id, ss), g in figures.groupby(["doc_id", "sentence_start"], sort=True):
        counts = g[(g["kind"] == "count") & g["metric"].fillna("").str.contains("项目|項目")
                   & g["part_of"].isna()]
        amounts = g[(g["kind"] == "amount") & g["metric"].fillna("").map(
            lambda m: any(w in to_script(m, "simplified") or w in m for w in _INVEST) or "投資" in m or "合同" in m)
            & g["part_of"].isna() & g["subject"].isna()]
        for _, c in counts.iterrows():
            same = amounts[amounts["place"] == c["place"]]
            if same.empty:
                continue
            a = same.iloc[(same["start"] - c["start"]).abs().argsort().iloc[0]]
            per = Decimal(int(a["value"])) / Decimal(int(c["value"]))
            q = "exact" if a["qualifier"] == "exact" and c["qualifier"] == "exact" else "approx"
            out.append({
                "doc_id": doc_id, "place": c["place"], "period_start": c["period_start"],
                "period_end": c["period_end"], "projects": int(c["value"]),
                "projects_metric": c["metric"], "amount": int(a["value"]),
                "amount_metric": a["metric"], "currency": a["currency"],
                "per_project": int(per.quantize(Decimal(1))), "qualifier": q,
                "sentence": c["sentence"],
            })
    return pd.DataFrame(out, columns=cols)


# ------------------------------------------------------------------ display helpers (notebook 03)

_QUAL_MARK = {"exact": "", "at_least": "≥", "more_than": ">", "approx": "≈", "at_most": "≤", "range": ""}


def format_value(value, *, kind: str, unit: str | None, qualifier: str = "exact", value_high=None,
                 script: str = "simplified", digits: int | None = None) -> str:
    """A figure as a person reads it: 298亿元, ≥10亿元, 61个, 20亿–30亿元, >70项.

    Amounts are shown in 亿 (10⁸) from 1亿 up and in 万 (10⁴) from 1万 up, exactly (Decimal)."""
    import pandas as pd

    def scaled(v) -> str:
        v = Decimal(int(v)) if not isinstance(v, Decimal) else v
        for mag, div in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
            if kind == "amount" and abs(v) >= div:
                q = (v / div)
                if digits is not None:
                    q = q.quantize(Decimal(1).scaleb(-digits))
                s = format(q.normalize(), "f")
                return f"{s}{mag}"
        return format(v.normalize(), "f")

    if value is None or (not isinstance(value, (int, Decimal)) and pd.isna(value)):
        return ""
    u = unit or ""
    text = scaled(value)
    if qualifier == "range" and value_high is not None and not pd.isna(value_high):
        text = f"{text}–{scaled(value_high)}"
    out = f"{_QUAL_MARK.get(qualifier, '')}{text}{u}"
    return to_script(out, script) if script == "traditional" else out


def figures_table(figures, *, script: str = "simplified"):
    """The figures an analyst reads first: one row per figure with its value written out, what it
    measures, whose it is, where and when, and the relation to other figures."""
    import pandas as pd

    cols = ["doc_id", "figure_id", "text", "shown", "kind", "value", "qualifier", "metric", "subject",
            "place", "place_parents", "period_start", "period_end", "part_of", "distributive"]
    if figures is None or len(figures) == 0:
        return pd.DataFrame(columns=cols)
    df = figures.copy()
    df["shown"] = [format_value(v, kind=k, unit=u, qualifier=q, value_high=h, script=script)
                   for v, k, u, q, h in zip(df["value"], df["kind"], df["unit"], df["qualifier"], df["value_high"])]
    return df[cols].reset_index(drop=True)


def verify_offsets(figures, docs) -> "pd.DataFrame":  # noqa: F821
    """For every document: how many figures, and how many whose ``body[start:end]`` is not their
    ``text`` (always 0 — a test guards it; shown so readers can check provenance themselves)."""
    import pandas as pd

    by_id = {d.doc_id: d for d in docs}
    rows = []
    for doc_id, g in figures.groupby("doc_id", sort=True):
        body = by_id[doc_id].body if doc_id in by_id else None
        bad = sum(1 for s, e, t in zip(g["start"], g["end"], g["text"]) if body is None or body[s:e] != t)
        rows.append({"doc_id": doc_id, "figures": len(g), "offsets_wrong": bad})
    return pd.DataFrame(rows, columns=["doc_id", "figures", "offsets_wrong"])


def _short_period(period) -> str | None:
    """2023-01-01..2023-06-30 → 2023-01–06; 2015-01-01..2015-12-31 → 2015; undated: 2016 → 2016 (undated)."""
    if not isinstance(period, str) or not period:
        return None
    if period.startswith("undated: "):
        return f"{period[len('undated: '):]} (undated)"
    a, _, b = period.partition("..")
    if a[5:] == "01-01" and b[5:] == "12-31":
        return a[:4] if a[:4] == b[:4] else f"{a[:4]}–{b[:4]}"
    if a[:4] == b[:4]:
        return f"{a[:7]}–{b[5:7]}"
    return f"{a[:7]}–{b[:7]}"


def plot_totals_by_place(totals, *, unit: str = "亿元", scale: int = 10**8, script: str = "simplified",
                         title: str | None = None, top: int = 20):
    """Horizontal bars of :func:`totals_by_place`: the solid bar is what is certain (``low``); a
    floor (≥) gets an open-ended arrow, an approximation (≈) a hatched bar. Each bar is labelled
    with its place (and prefecture), metric family and period. Returns the Figure."""
    import matplotlib.pyplot as plt

    t = totals.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(t) + 1.4), dpi=100)
    ys = range(len(t))
    vals = [float(Decimal(int(v)) / scale) for v in t["low"]]
    span = max(vals + [1e-9])
    for y, v, bound in zip(ys, vals, t["bound"]):
        ax.barh(y, v, color="#4c72b0" if bound == "=" else "#8fa9d6",
                hatch="//" if bound == "≈" else None, edgecolor="#2b4c7e")
        label = f"{bound if bound != '=' else ''}{v:,.4g} {unit}"
        x = v + 0.015 * span
        if bound == "≥":
            ax.annotate("", xy=(v + 0.07 * span, y), xytext=(v, y),
                        arrowprops={"arrowstyle": "->", "color": "#2b4c7e"})
            x = v + 0.085 * span
        ax.text(x, y, to_script(label, script), va="center", fontsize=9)
    ax.set_yticks(list(ys))
    fams = t["family"] if "family" in t else [None] * len(t)
    pers = t["period"] if "period" in t else [None] * len(t)
    names = [f"{p}" + (f"（{pp.split(' > ')[0]}）" if isinstance(pp, str) and pp else "")
             + "".join(f" · {x}" for x in (fam, _short_period(per)) if isinstance(x, str) and x)
             for p, pp, fam, per in zip(t["place"], t["place_parents"], fams, pers)]
    names = [to_script(n, script) for n in names]
    ax.set_yticklabels(names)
    ax.set_xlim(0, span * 1.25)
    ax.set_xlabel(to_script(unit, script))
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(to_script(title, script))
    fig.tight_layout()
    return fig
