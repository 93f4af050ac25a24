"""Finding the figures of one sentence: amounts and counts, their values and qualifiers.

:func:`find_figures` scans a (compacted, Simplified, digit-folded) sentence for amounts of money
(298亿元, 二百九十八亿元, 20—30亿元, 超亿元) and counts of things (签约项目61个, 70余项) and returns
them as :class:`Figure` records with exact :class:`~decimal.Decimal` values. The qualifier
(exact, at_least, more_than, approx, at_most, range, vague) comes from the words around the number
(:mod:`.qualify`) or from its form (ranges, vague amounts); a list of numbers sharing one unit
(156、47、172案) gives one figure per number (:mod:`.lists`). The record is :class:`.record.Figure`. What the figure measures and whose it is are left to
:mod:`.meaning`.
"""
from __future__ import annotations

import re
from decimal import Decimal

from zhaoshang.analyses.figures.patterns import (
    AMOUNT,
    CN_FIRST,
    COUNT,
    CONCRETE_COUNTED,
    COUNT_RUN,
    IMPLICIT,
    CUR_SIGNS,
    KUAI,
    MAO,
    MEASURE,
    MONEY_METRIC_END,
    MONEY_METRIC_LINK,
    MONEY_NOUN_NEXT,
    MONEY_NOUN_NOT,
    NOT_COUNT_NEXT,
    NOT_CURRENCY_NEXT,
    NOT_FIGURE_PREV,
    ROUGHLY,
    SIZE_BAND,
    SIZE_CLASS,
    SIZE_PHRASE,
    VAGUE,
    WORDS_ENDING_IN_ONE,
    longest_first,
)
from zhaoshang.analyses.figures.lists import with_list_members
from zhaoshang.analyses.figures.non_figures import amount_is_no_sum, counts_no_things
from zhaoshang.analyses.figures.qualify import (
    CN_NUMERAL_CHARS,
    boundary_ok,
    is_chinese_numeral,
    qualify,
    rhetorical_count,
)
from zhaoshang.analyses.figures.record import Figure
from zhaoshang.analyses.figures.sentences import clause_bounds
from zhaoshang.text.numbers import (
    ARABIC,
    CURRENCIES,
    parse_number,
    parse_span,
    vague_span,
)

class _Taken:
    """The characters of a sentence already in a figure (or a size class): marking a span and asking
    whether a span holds any cost its length, so a sentence of many figures stays linear."""

    __slots__ = ("_buf",)

    def __init__(self, n: int) -> None:
        self._buf = bytearray(n + 1)

    def add(self, a: int, b: int) -> None:
        self._buf[a:b] = b"\x01" * (b - a)

    def hits(self, a: int, b: int) -> bool:
        return self._buf.find(1, a, b) >= 0


# the number of a slogan or a named set: inside quotation marks or before one
_SLOGAN_NUMBER = re.compile("^[“「‘『《\"']|[”」’』》\"'“「‘『《]")
def find_figures(s: str) -> list[Figure]:
    """Amounts and counts in one sentence ``s`` (Simplified, digits folded), in order."""
    figs: list[Figure] = []
    sizes = size_classes(s)
    taken = _Taken(len(s))
    for a, b, _ in sizes:
        taken.add(a, b)
    for m in VAGUE.finditer(s):
        fig = _vague_figure(s, m)
        if fig is not None:
            figs.append(fig)
            taken.add(fig.start, fig.end)
    for m in ROUGHLY.finditer(s):
        fig = _rough_figure(s, m)
        if fig is not None and not taken.hits(fig.start, fig.end):
            figs.append(fig)
            taken.add(fig.start, fig.end)
    for m in AMOUNT.finditer(s):
        if taken.hits(m.start(), m.end()):
            continue
        fig = _amount_figure(s, m)
        if fig is not None:
            figs.append(fig)
            taken.add(fig.start, fig.end)
    for m in IMPLICIT.finditer(s):
        if taken.hits(m.start(), m.end()):
            continue
        cur = m.group("cur")
        if cur is None and not (_money_context(s, m.start("mag"), m.end()) and boundary_ok(s, m.start("mag"), m.end())):
            continue  # 近亿 alone is no money: 近亿人口, 超亿次
        start = m.start("mag")
        currency, unit_word, source = _money(cur or "元", inferred=cur is None)
        unit = parse_number("1" + m.group("mag"))
        # 上亿元, 上兆元: upwards of one of the unit, the span 1..9 of it like 上千万 (vague); 超亿元: at least;
        # 近亿元: about that much
        vague = m.group("pre") == "上"
        if vague:
            start = m.start("pre")
        qualifier = "vague" if vague else "approx" if m.group("pre") in ("将近", "接近", "近") else "at_least"
        figs.append(Figure("amount", unit, 9 * unit if vague else None, currency, unit_word, m.group("mag") + (cur or ""),
                           qualifier, start, m.end(), currency_source=source))
        taken.add(start, m.end())
    if "块" in s or "毛钱" in s:
        for m in (*KUAI.finditer(s), *MAO.finditer(s)):
            fig = _kuai_figure(s, m)
            if fig is not None and not taken.hits(fig.start, fig.end):
                figs.append(fig)
                taken.add(fig.start, fig.end)
    for run in COUNT_RUN.finditer(s):
        a = run.start()
        if run.end() - a > 1 and s[a - 1:a + 1] in WORDS_ENDING_IN_ONE:
            a += 1  # 唯一一个, 统一三个标准: the numerals after the word's 一
        for m in COUNT.finditer(s, a, run.end() + _LONGEST_MEASURE):
            start, end = m.span()
            if taken.hits(start, end):
                continue
            fig = _count_figure(s, m)
            if fig is not None:
                if sizes:
                    fig.size_floor = _size_floor_of(s, fig, sizes)
                figs.append(fig)
    if figs and ("、" in s or "和" in s or "及" in s or "与" in s or "或" in s):
        figs = with_list_members(s, figs)
    figs.sort(key=lambda f: (f.start, f.end))
    return figs


def _rough_figure(s: str, m: re.Match) -> Figure | None:
    """A round number said with 来 or 把 (十来万元, 二十来家企业, 百把万元, 万把块钱): about that much
    (``approx``), the number without its 来/把."""
    g = m.groupdict()
    start, end = m.span()
    prev = s[start - 1:start]
    if prev and (prev in CN_NUMERAL_CHARS or prev.isdigit() or prev in NOT_FIGURE_PREV):
        return None  # inside a longer numeral
    try:
        value = parse_number(g["num"] + (g["mag"] or ""))
    except (ValueError, KeyError):
        return None
    if g["mw"]:
        if s.startswith(NOT_COUNT_NEXT, end) or counts_no_things(s, start, end):
            return None  # 十来个月, 十来个人
        return Figure("count", value, None, None, g["mw"], (g["mag"] or "") + g["mw"], "approx", start, end)
    cur_word = g["cur"]
    if (cur_word in ("元", "圆") and s[end:end + 1] in NOT_CURRENCY_NEXT) or amount_is_no_sum(s, start, end):
        return None  # 元旦; 每斤十来元 (a price per unit)
    currency, unit, source = _money(cur_word)
    return Figure("amount", value, None, currency, unit, (g["mag"] or "") + g["cur"],
                  "approx", start, end, currency_source=source)


def _kuai_figure(s: str, m: re.Match) -> Figure | None:
    """Spoken yuan (3块5毛 = 3.5, 三块五毛钱, 5块5): the 块 and 毛 of speech."""
    start, end = m.span()
    if not boundary_ok(s, start, end):
        return None
    try:
        value = parse_number(m.group("n"))
        if m.re is MAO:
            value *= Decimal("0.1")
        else:
            value += parse_number(m.group("jiao") or m.group("jiao2")) * Decimal("0.1")
        if m.re is not MAO and m.group("fen"):
            value += parse_number(m.group("fen")) * Decimal("0.01")
    except (ValueError, KeyError):
        return None
    qualifier, conv, _, _ = qualify(s, start, end, False)
    return Figure("amount", value, None, "CNY", "元", s[m.end("n"):end], qualifier, start, end,
                  conversion=conv, currency_source="document")


def size_classes(s: str) -> list[tuple[int, int, Decimal | None]]:
    """(start, end, floor) of the project-size classes of ``s`` (亿元以上项目 → 1e8, 百亿级 → 1e10):
    a floor (以上) or a class (级) before what is counted, always; a floor with 超 (超百亿元的项目) or
    亿元 naming a kind of project (3个亿元项目) only when a count counts it (5家超百亿元的项目) — else
    it is the amount of one project (总金额超800亿元的石化项目)."""
    out = []
    if "万" not in s and "亿" not in s:
        return out  # no magnitude, no size class (most sentences): no regex pass
    for m in SIZE_PHRASE.finditer(s):
        if m.group("ge") and (not m.group("pre") or m.group("yuan")):
            # 153个亿元以上工业项目: a count of 153 of the class after it (过10个亿的项目 is a class of its own)
            m = SIZE_PHRASE.match(s, m.start("mag"))
            if m is None:
                continue
        classed = bool(m.group("cls") or m.group("cls2"))
        if not (classed or m.group("pre") or not m.group("num")):
            continue  # 投资10亿元项目: the amount of one project, not a class
        if m.group("pre") and not m.group("yuan") and not m.group("ge"):
            continue  # 超亿 alone may be anything; 过10个亿 is money
        prev = s[m.start() - 1:m.start()]
        if prev and (prev.isdigit() or prev in CN_NUMERAL_CHARS) and not m.group("num"):
            continue
        if not classed and not _counted(s, m.start(), m.end()):
            continue
        if "以下" in (m.group("cls") or m.group("cls2") or ""):
            out.append((m.start(), m.end(), None))  # 5亿元以下项目15个: a class with a ceiling, no floor
            continue
        try:
            floor = parse_number((m.group("num") or "1") + m.group("mag"))
        except (ValueError, KeyError):
            continue
        out.append((m.start(), m.end(), floor))
    for m in SIZE_BAND.finditer(s):  # 5亿—10亿元项目15个: floored at its lower bound
        try:
            floor = parse_number(m.group("lo") + (m.group("lomag") or m.group("mag")))
        except (ValueError, KeyError):
            continue
        if not any(a <= m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), floor))
    out.sort(key=lambda t: t[0])
    return out


_LONGEST_MEASURE = max(map(len, MEASURE.split("|")))  # 场次: a count's run ends this far before its end
# a count right before a size class, or with its metric between (5家年产值超百亿元的企业)
_SIZE_METRIC = r"年?[^\W\d，,。；;：:、的]{0,4}?(?:额|量|值|入|营收|规模)"
_SIZE_METRIC_GAP = re.compile(_SIZE_METRIC)
_COUNT_BEFORE = re.compile(rf"(?P<n>\d+|[{CN_FIRST}]+)(?:余|多)?(?:{MEASURE})(?:{_SIZE_METRIC})?\Z")


def _counted(s: str, a: int, b: int) -> bool:
    """Whether a count counts the class s[a:b]: one right before it (5家超百亿元的…), or after it in
    its clause with only words between (超亿元项目12个)."""
    before = _COUNT_BEFORE.search(s, max(0, a - 12), a)
    if before:  # 一个总金额超300亿元的项目 is one project: the size is its amount, no class
        return before.group("n") not in ("一", "1")
    ca, cb = clause_bounds(s, a, b)
    for m in COUNT.finditer(s, b, cb):
        return bool(_SIZE_GAP.fullmatch(s, b, m.start()))
    return False


_SIZE_GAP = re.compile(r"[^\W\d，,。；;：:、]{0,10}")


def _size_floor_of(s: str, fig: Figure, sizes: list[tuple[int, int, Decimal | None]]) -> Decimal | None:
    """The size class a count counts: one right after its measure word (153个亿元以上工业项目), or one
    before it in its clause with only words between (亿元以上项目562个, 新签约百亿级项目20个)."""
    for a, b, floor in sizes:
        if a == fig.end or (a == fig.end + 1 and s[fig.end] == "个") or (
                a > fig.end and _SIZE_METRIC_GAP.fullmatch(s, fig.end, a)):
            return floor
        if b <= fig.start and _SIZE_GAP.fullmatch(s, b, fig.start):
            return floor
    return None


# a money metric, maybe with the year or a verb of the future between it and the number (产值明年突破千亿)
_MONEY_END = re.compile(f"(?:{longest_first(MONEY_METRIC_END)})(?:今年|明年|去年|全年|年内|每年|将会|将|有望|预计)?"
                        f"(?:{longest_first(MONEY_METRIC_LINK)})?\\Z")
_INFERRED_NEXT = frozenset("，,。；;、）)！？!? \n的")
# a fund or a debt named with a short qualifier between (逾百亿水利基金, 50亿产业引导基金), not people or
# things measured (13亿人口, 3亿吨)
_MONEY_NOUN_AFTER = re.compile(r"(?:(?![人口次吨年个家项元的])[\u4e00-\u9fff]){1,4}?(?:基金|资金|国债|专项债|债券|贷款)"
                               r"(?!会|池)")


def _money_context(s: str, start: int, end: int) -> bool:
    """Whether a number with 万 or 亿 but no currency at s[start:end] is money all the same: a money
    noun follows it (1万亿国债, 3亿资金, 逾百亿水利基金), or a money metric stands before it — maybe
    with a year word between (产值明年突破千亿) — and it ends its clause or qualifies what follows
    (总投资三百万, 年销售额70亿, 总投资上百亿, 年销售额两到三万, 总投资10亿的项目)."""
    if s.startswith(MONEY_NOUN_NEXT, end) and not s.startswith(MONEY_NOUN_NOT, end):
        return True
    if _MONEY_NOUN_AFTER.match(s, end):
        return True
    if s[end:end + 1] and s[end] not in _INFERRED_NEXT and not s.startswith(("以上", "左右"), end):
        return False
    return bool(_MONEY_END.search(s, max(0, start - 12), start))


def _inferred_amount(s: str, m: re.Match) -> Figure | None:
    """An amount with no currency word after a money metric (总投资三百万, 年销售额70亿): the number must
    carry 万 or 亿 and end its clause; the currency is the document's, flagged ``inferred``."""
    g = _without_inner_more(m.groupdict())
    if not g["n"] or not g["mag"] or g["pcur"] or g["ge"] or not re.search("[万亿]", g["mag"]):
        return None
    start, end = m.span()
    if not _money_context(s, start, end):
        return None
    if _stray_digit(g["n"], g["mag"]) or not boundary_ok(s, start, end):
        return None
    try:
        value, value_high = parse_span(g["n"] + g["mag"])
    except (ValueError, KeyError):
        return None
    if value_high is not None:
        qualifier = "range"
    else:
        qualifier, _conv, _, _ = qualify(s, start, end, bool(g["m1"] or g["m2"] or g["inner_more"]))
    return Figure("amount", value, value_high, "CNY", "元", g["mag"], qualifier, start, end,
                  currency_source="inferred")


_CN_DIGIT = re.compile("[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]")
_UNIT_OR_POINT = re.compile("[十百千点壹贰叁肆伍陆柒捌玖拾佰仟]")  # 大写: the numerals of contracts, for money
_ARABIC_END = re.compile(rf"(?:{ARABIC})\Z")
_CN_DIGIT_END = re.compile(r"[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]\Z")


def _stray_digit(num: str, mag: str | None) -> bool:
    """Whether a Chinese digit ends the magnitude of an Arabic number (5万一户: 5万, then 一户): the
    left-out unit (三万五) is a way of speaking Chinese numerals, not of writing digits."""
    return bool(mag and _ARABIC_END.search(num) and _CN_DIGIT_END.search(mag))


def _unit(currency: str, cur_word: str) -> str:
    """The unit column: 元 for yuan, else the currency's word (100万元新台币: 新台币)."""
    if currency == "CNY":
        return "元"
    return cur_word[1:] if cur_word.startswith("元") and len(cur_word) > 2 else cur_word


def _money(cur_word: str, inferred: bool = False) -> tuple[str, str, str]:
    """(currency, unit, currency_source) of an amount's currency word: a bare 元 or 圆 is the document's
    (its script and site decide, later), a word that names its currency is written; none is inferred."""
    source = "inferred" if inferred else "document" if cur_word in ("元", "圆") else "written"
    if cur_word == "元人民币":
        cur_word = "元"
    currency = CURRENCIES.get(cur_word, "CNY")
    return currency, _unit(currency, cur_word), source


def _vague_figure(s: str, m: re.Match) -> Figure | None:
    """The vague amount a :data:`VAGUE` match states (数十亿元, 几个亿), its span from the numerals' rules."""
    g = m.groupdict()
    start, end = m.span()
    inferred = False
    if not g["cur"] and not g["ge"] and not g["mw"]:
        if not (re.search("[万亿]", g["mag"]) and _money_context(s, start, end)):
            return None
        inferred = True  # 总投资上百亿, 年销售额几千万
    if g["mw"] and (s.startswith(NOT_COUNT_NEXT, end) or counts_no_things(s, start, end)):
        return None  # 十几个百分点, 几十个月, 十几个人
    prev = s[start - 1:start]
    if prev in NOT_FIGURE_PREV or prev in CN_NUMERAL_CHARS or prev in ("万", "亿"):
        return None  # inside a longer numeral (一百几十亿 is matched whole, from its start)
    if prev and prev.isascii() and prev.isalnum():
        return None
    cur_word = g["cur"] or "元"
    if cur_word in ("元", "圆") and s[end:end + 1] in NOT_CURRENCY_NEXT:
        return None
    try:
        lo, hi = vague_span(g["num"] + (g["ge"] or "") + g["mag"])
    except (ValueError, KeyError):
        return None
    if lo < 10:
        return None  # 几个项目, 好几家, 几元: "a few", rhetoric
    if g["mw"]:
        return Figure("count", lo, hi, None, g["mw"], g["mag"] + g["mw"], "vague", start, end)
    currency, unit, source = _money(cur_word, inferred)
    return Figure("amount", lo, hi, currency, unit, g["mag"] + (g["cur"] or ""), "vague", start, end,
                  currency_source=source)


_MORE_INSIDE = re.compile("[余多]")


def _without_inner_more(g: dict) -> dict:
    """The groups of a match with the 多/余 inside a magnitude taken out (七千多万 → 七千万), and
    ``inner_more`` saying whether there was one: the value is the stated floor, qualifier more_than."""
    g = dict(g)
    g["inner_more"] = False
    for k in ("mag", "lomag", "himag"):
        if g.get(k) and _MORE_INSIDE.search(g[k]):
            g[k] = _MORE_INSIDE.sub("", g[k])
            g["inner_more"] = True
    return g


_NOT_BEFORE_MINUS = frozenset("万亿兆元圆)）%％") | CN_NUMERAL_CHARS


def _negative(s: str, start: int) -> bool:
    """Whether a minus sign stands right before the number at ``start`` (利润为-3.2亿元, 增加值−5万元)
    and is no dash between two numbers or part of a code (3-5, A-3)."""
    if not start or s[start - 1] not in "-−":
        return False
    before = s[start - 2:start - 1]
    return not before or not ((before.isascii() and before.isalnum()) or before in _NOT_BEFORE_MINUS)


# a magnitude in English after an amount with its currency before it (US$5 million, HK$1.2bn)
_ENGLISH_MAG = re.compile(r"[ \u00a0]?(thousand|million|billion|trillion|mn|bn)(?![A-Za-z])", re.IGNORECASE)
_ENGLISH_MAGNITUDES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
                       "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


def _amount_figure(s: str, m: re.Match) -> Figure | None:
    """The amount an :data:`AMOUNT` match in ``s`` states, or None when it is no amount."""
    if m.group("ge") and SIZE_CLASS.match(m.string, m.end("mag")):
        return None  # 153个亿元以上工业项目: a count (of 153), found as one
    if (m.group("lo") is None and not m.group("cur") and not m.group("ge")
            and not (m.group("pcur") and (m.group("mag") or m.group("pcur") in CUR_SIGNS))):
        # a number with no currency (the numbers of counts, years …): most matches; after a money
        # metric (总投资三百万) an amount whose currency is inferred
        return _inferred_amount(s, m) if m.group("mag") else None
    g = _without_inner_more(m.groupdict())
    start, end = m.span()
    inferred = False
    if g["lo"] is not None and not g["hicur"] and not g["hige"]:
        # a range with no currency after it: 3亿元到2020年 is the amount before 到; 总投资3至5亿 an
        # amount whose currency is inferred; 1-10月 none
        if g["locur"]:
            single = AMOUNT.match(s, start, m.end("locur"))
            return _amount_figure(s, single) if single and single.group("lo") is None else None
        if not g["pcur"]:  # HK$1-2亿: the sign before says the currency
            if not (g["himag"] and re.search("[万亿]", g["himag"]) and _money_context(s, start, end)):
                return None
            inferred = True
    if g["lo"] is not None:
        lo_mag = g["lomag"] or g["himag"] or ""
        if _stray_digit(g["lo"], g["lomag"]) or _stray_digit(g["hi"], g["himag"]):
            return None
        try:
            lo = parse_number(g["lo"] + lo_mag)
            hi = parse_number(g["hi"] + (g["himag"] or ""))
        except (ValueError, KeyError):
            return None
        cur_word = g["hicur"] or "元"  # 三到五个亿
        if g["pcur"] and cur_word == "元":
            cur_word = g["pcur"]
        if lo >= hi:
            return None
        value, value_high, qualifier, conv = lo, hi, "range", False
        raw_unit = (g["himag"] or "") + (g["hicur"] or "")
    else:
        cur_word = g["cur"]
        if cur_word in ("元", "圆") and s[end:end + 1] in NOT_CURRENCY_NEXT:
            return None
        if (is_chinese_numeral(g["n"]) and not g["mag"] and cur_word in (None, "元", "圆") and not g["jiao"]
                and not (_UNIT_OR_POINT.search(g["n"]) and (_CN_DIGIT.search(g["n"]) or g["n"][0] in "十拾"))):
            # 二元结构, 一元化: a bare Chinese digit before 元 makes a word, and a bare 百/千 is a base
            # (每百元产值, 千元级); 十元, a numeral with a digit and a unit (二十元, 一百零一元, 两千六元), a point
            # (零点五元) or in 大写 is yuan, as is 五十美元
            return None
        if _stray_digit(g["n"], g["mag"]):
            return None
        try:
            # 八九亿元 is a range (8亿..9亿), said with neighbouring digits
            value, value_high = parse_span(g["n"] + (g["mag"] or ""))
        except (ValueError, KeyError):
            return None
        if cur_word is None and g["ge"] and not g["pcur"]:
            cur_word = "元"  # 两个亿: 个亿 is said of yuan
        if cur_word is None or (g["pcur"] and cur_word == "元"):
            cur_word = g["pcur"] or cur_word
        if g["jiao"] or g["fen"]:  # 壹拾壹元壹角壹分: 11.11
            value += sum(parse_number(x[-2]) * Decimal(w) for x, w in ((g["jiao"], "0.1"), (g["fen"], "0.01")) if x)
        if value_high is not None:
            qualifier, conv = "range", False
        else:
            qualifier, conv, _, _ = qualify(s, start, end, bool(g["m1"] or g["m2"] or g["inner_more"]))
        raw_unit = (g["mag"] or "") + (g["cur"] or "")
        english = _ENGLISH_MAG.match(s, end) if g["pcur"] and not g["mag"] and value_high is None else None
        if english:  # US$5 million, HK$1.2 billion: the magnitude said in English
            value *= _ENGLISH_MAGNITUDES[english.group(1).lower()]
            raw_unit, end = english.group(0).strip(), english.end()
        if _negative(s, start) and not g["pcur"]:
            value, start = -value, start - 1  # 净利润-3.2亿元: a loss
    if amount_is_no_sum(s, start, end):
        return None  # 每股15澳元, 650元每公斤, 單位造價, 財富水平超過一億美元的便有近900家 (:mod:`.non_figures`)
    if not boundary_ok(s, start, end):
        return None
    currency, unit, source = _money(cur_word, inferred)
    return Figure("amount", value, value_high, currency, unit, raw_unit, qualifier, start, end, conversion=conv,
                  currency_source=source)


def _count_figure(s: str, m: re.Match) -> Figure | None:
    """The count a :data:`COUNT` match in ``s`` states, or None when it is no count."""
    start, end = m.span()
    if s.startswith(NOT_COUNT_NEXT, end):
        return None
    if not boundary_ok(s, start, end, count=True):
        return None
    g = _without_inner_more(m.groupdict())  # 五亿二千多万件: more than 5.2亿
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
        more = bool(g["m1"] or g["m2"] or g["inner_more"])
        if mw in ("张", "份", "间") and g["mag"]:
            return None  # 28.7万张 (tickets), 4000万份 (copies), 8.4万间 (rooms): quantities, not counts
        if _stray_digit(raw, g["mag"]):
            return None
        if mw == "个" and s[end:end + 1] == "亿" and not SIZE_CLASS.match(s, end + 1):
            return None  # 五十个亿: money, not fifty things (but 153个亿元以上项目 are 153 projects)
        try:
            value, value_high = parse_span(g["n"] + (g["mag"] or ""), measured=True)
        except (ValueError, KeyError):
            return None
        quoted = _SLOGAN_NUMBER.search(s, max(0, start - 1), min(len(s), end + 3)) is not None
        concrete = CONCRETE_COUNTED.match(s, end) is not None  # 三个展区, 四个县
        if rhetorical_count(raw, value, mw, more, quoted=quoted, concrete=concrete):
            return None  # 两个大局, 一家企业, “两个维护” (but 两家水处理公司)
        if value_high is not None:
            qualifier = "range"
        else:
            qualifier, _, _, _ = qualify(s, start, end, more)
    if value == 0:
        return None
    if counts_no_things(s, start, end):
        return None
    return Figure("count", value, value_high, None, mw, (g.get("mag") or g.get("himag") or "") + mw,
                  qualifier, start, end)


# A sentence without a digit, a Chinese numeral or 亿/万/兆 holds no figure (find_figures would say so
# more slowly); nor does one without the last character of a currency word (元, 币 …) or a measure
# word (个, 家 …), as every amount ends in or starts with a currency and every count ends in a
# measure word. Half the sentences of a work report with a numeral (一是, 第三) have neither.
_MAY_HOLD_FIGURE = re.compile(rf"[\d{CN_FIRST}万亿兆]")
_FIGURE_WORD_END = re.compile("[" + "".join(sorted(
    {re.escape(w[-1]) for w in [*CURRENCIES, "元", "美元", "块"]}
    | set(MEASURE.split("|")))) + "]")


_MONEY_WORD = re.compile(longest_first(MONEY_METRIC_END))


def may_hold_figure(s: str) -> bool:
    """Whether sentence ``s`` may hold a figure at all (a quick test before :func:`find_figures`):
    a number, and a currency or measure word — or 万/亿 and a money metric (总投资三百万)."""
    if not _MAY_HOLD_FIGURE.search(s):
        return False
    return bool(_FIGURE_WORD_END.search(s) or (("万" in s or "亿" in s) and _MONEY_WORD.search(s)))
