"""What a figure means: the metric it measures and the subjects it is said of.

For each figure of a sentence, read from the words around it in its clause:

* the metric — for amounts the metric term nearest before it (合同总投资额, 到位资金 …, from the
  lexicon), for counts the counted noun after the measure word (70多个国家和地区), else the
  clause's words before the figure trimmed of verbs and adverbs;
* the subjects — the named projects or firms (…项目, …有限公司) the figure belongs to, several
  when one amount is said of each of them (A、B投资均达10亿元以上: distributive).

:func:`analyse_sentence` does both for every figure :func:`~.detect.find_figures` finds in a
sentence; it depends on the sentence's text alone and is cached.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from zhaoshang.analyses.figures.detect import Figure, find_figures, size_classes
from zhaoshang.analyses.figures.lists import listed_runs
from zhaoshang.analyses.figures.patterns import (
    CHANGED_TO,
    COUNT_HEADS,
    LEAD_KEEP,
    LEAD_STRIP,
    LISTED_AFTER,
    METRIC_VERBS,
    SECTOR_MODIFIERS,
    SUBJECT_BREAK,
    SUBJECT_GENERIC,
    SUBJECT_SUFFIX,
    TRAIL_STRIP,
    longest_first,
    metric_re,
)
from zhaoshang.analyses.figures.sentences import clause_bounds
from zhaoshang.analyses.figures.totals import family_word
from zhaoshang.text.numbers import CURRENCIES

_TRAIL_RANK = {w: i for i, w in reversed(list(enumerate(TRAIL_STRIP)))}
_LEAD_RANK = {w: i for i, w in reversed(list(enumerate(LEAD_STRIP)))}
_TRAIL_MAX = max(map(len, TRAIL_STRIP))
_LEAD_MAX = max(map(len, LEAD_STRIP))


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
        for k in range(1, 0 if s.startswith(LEAD_KEEP, a) else min(_LEAD_MAX, b - a - 1) + 1):
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
# adverbs, particles and numbers end a counted noun
_NOUN_END = re.compile(r"即|因此|就|了|也|都|将|又|还|\d|[零一二两三四五六七八九十百千万亿]{2,}")


# a verb that names the kind of the noun after it (签约项目, 集中签约活动, 开工仪式), not what the count did
_MODIFIED_HEAD = re.compile(r"项目|活动|仪式|大会")


def _counted_noun(s: str, j: int, b: int) -> tuple[int, int] | None:
    """The counted noun right after a count's measure word at ``j`` (clause ends at ``b``):
    70多个国家和地区 → 国家和地区, 8家4S店 → 4S店; cut before a verb, kept up to its head noun."""
    stop = min(b, j + 12)
    m = _COUNTED_END.search(s, j, stop)
    seg = s[j:m.start() if m else stop]
    if not seg:  # 61个，… — nothing named after the measure word (the common case)
        return None
    for v in METRIC_VERBS:
        i = seg.find(v)
        if i >= 0 and not _MODIFIED_HEAD.match(seg, i + len(v)):
            seg = seg[:i]
    m = _NOUN_END.search(seg)
    if m:
        seg = seg[:m.start()]  # 三十九座房屋即因此浪费了五百四十万元: 房屋
    heads = [seg.rfind(h) + len(h) for h in COUNT_HEADS if h in seg]
    if heads:
        seg = seg[:max(heads)]
    if len(seg) >= 1 and not seg[0].isdigit() and _WORDISH.match(seg):
        return (j, j + len(seg))
    return None


def metric_span(s: str, fig: Figure, cut_points: list[int], clause: tuple[int, int]) -> tuple[int, int] | None:
    """Span of the metric: the lexicon phrase nearest before the figure in its clause (amounts),
    else the counted noun after a count's measure word, else the clause's words before the figure
    (after the last place or period named), trimmed of verbs and adverbs. ``cut_points``: where
    places, periods and figures end, sorted. ``clause``: the bounds of the figure's clause
    (:func:`clause_bounds`)."""
    a, b = clause
    if fig.kind == "amount":
        best = None
        for m in metric_re().finditer(s, a, fig.start):
            best = (m.start(), m.end())
        if best:
            return _with_sector(s, best, a)
        for m in metric_re().finditer(s, fig.end, b):
            return _with_sector(s, (m.start(), m.end()), fig.end)
        # 一般公共预算收入增长5%，达到15.8亿元: the metric is in the previous clause
        x, y = _strip_phrase(s, a, fig.start)
        if (y - x <= 2 or not _HAN.search(s, x, y)) and a > 0:
            pa, _pb = clause_bounds(s, a - 1, a - 1)
            for m in metric_re().finditer(s, pa, a - 1):
                best = (m.start(), m.end())
            if best:
                return best
    else:
        noun = _counted_noun(s, fig.end, b)
        if noun:
            return noun
    # words before the figure in its clause (after the last place, period, figure or 、 in it)
    i = bisect.bisect_right(cut_points, fig.start)  # cut_points sorted: the last one at or before the figure
    left = max(a, cut_points[i - 1]) if i else a
    dun = s.rfind("、", left, fig.start)
    if dun >= 0 and fig.kind == "count":
        left = dun + 1
    last_de = s.rfind("的", left, fig.start)
    if last_de >= 0:
        left = last_de + 1
    span = _measured_words(s, left, fig.start)
    if span is None and fig.kind == "amount" and a > 0:
        # 比上年增加64亿元, 平均消费水平，由175元提高到288元: what the previous clause measures
        pa, _pb = clause_bounds(s, a - 1, a - 1)
        for m in metric_re().finditer(s, pa, a - 1):
            span = (m.start(), m.end())
        if span is None and fig.start - a <= 3 and not _HAS_DIGIT.search(s, pa, a):
            de = s.rfind("的", pa, a - 1)
            span = _measured_words(s, de + 1 if de >= 0 else pa, a - 1)
    return span


def _with_sector(s: str, span: tuple[int, int], floor: int) -> tuple[int, int]:
    """A lexicon metric with the sector written right before it (工业 + 固定资产投资): the sector's
    part is what is measured, not the whole. ``floor``: where the search may not reach back past."""
    x, y = span
    for w in SECTOR_MODIFIERS:
        if x - len(w) >= floor and s.startswith(w, x - len(w)):
            return x - len(w), y
    return span


# What is measured is never a comparison (比上年, 较去年同期), a change (增加, 提高到), a number left
# over (万户, 减少到29个), an enumerator ((二), 一是) or a qualifier of the figure before (以上).
_COMPARISON = re.compile("同比|环比|比|较")
_NUMBER_RUN = re.compile(
    rf"(?:\d[\d.,，%]*|[零〇一二两三四五六七八九十百千万亿]{{2,}}(?=[个家项户条元年月]))[十百千万亿兆]*"
    rf"(?:{'|'.join(sorted(CURRENCIES, key=len, reverse=True))}|[个家项户条件座所处名人只股台吨])?")
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[，,、])")
_NOT_WORD_START = re.compile(r"^[^\w“‘《「]+")
_PHRASE_BREAK = re.compile("[在以由对向为于将把和与及]")
_CHANGE_END = re.compile(r"(?:增加|增长|提高|减少|下降|降低|压减|精简|扩大|缩小|翻番|增至|降至|减至|达到)(?:了|到|至|为)?$")
_QUALIFIER_START = re.compile(r"^(?:以上|以下|左右|以内|之内|上下|余|多)")
# 一个总金额…, 这家企业的…: one thing named before what it measures is no part of the metric
_ONE_OF = re.compile(r"^(?:[一这那该每][个家项座所]|其)(?=[\u4e00-\u9fff]{2})")
_METRIC_MAX = 16


def _measured_words(s: str, x: int, y: int) -> tuple[int, int] | None:
    """The words s[x:y] before a figure cleaned to what they measure (see above), or None when
    nothing measured is left."""
    x, y = _strip_phrase(s, x, y)
    mm = _ENUMERATOR.match(s[x:y])
    if mm:
        x += mm.end()
    for m in _NUMBER_RUN.finditer(s, x, y):
        x = m.end()  # after the last number
    mm = _NOT_WORD_START.match(s[x:y])
    if mm:
        x += mm.end()
    m = _COMPARISON.search(s, x, y)
    if m:
        y = m.start()
    changed = True
    while changed and x < y:
        changed = False
        for pat in (_ENUMERATOR, _QUALIFIER_START, _ONE_OF):
            mm = pat.match(s[x:y])
            if mm and mm.end() > 0:
                x += mm.end()
                changed = True
        mm = _CHANGE_END.search(s[x:y])
        if mm and mm.start() > 0 or (mm and mm.start() == 0 and y - x == mm.end()):
            y = x + mm.start()
            changed = True
        if changed:
            x, y = _strip_phrase(s, x, y) if y > x else (x, y)
    if y - x < 2 or not _HAN.search(s, x, y):
        return None
    if y - x > _METRIC_MAX:
        # a long phrase: from the last function word in its last characters (资本在战略性新兴产业领域累计投入)
        brk = None
        for brk in _PHRASE_BREAK.finditer(s, y - _METRIC_MAX, y - 1):
            pass
        x = brk.end() if brk else y - _METRIC_MAX
    return (x, y)


_SUBJECT_BREAK_RE = re.compile("[" + re.escape("".join(sorted(SUBJECT_BREAK))) + "]")
_BRACKET = re.compile("[（()）]")
# every occurrence of a suffix, overlapping ones included (产业园区: 产业园 and 园区), longest first
_SUBJECT_SUFFIX_AT = re.compile(f"(?=({longest_first(SUBJECT_SUFFIX)}))")
_SUBJECT_GENERIC_RE = re.compile("|".join(map(re.escape, SUBJECT_GENERIC)))
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
            elif depth == 0 and c in SUBJECT_BREAK:
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
    for suf in SUBJECT_SUFFIX:
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


def subject_spans(s: str, fig: Figure, clause: tuple[int, int]) -> tuple[list[tuple[int, int]], bool]:
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


@lru_cache(maxsize=4096)
def analyse_sentence(comp: str, cut: tuple[int, ...]) -> tuple:
    """The figures of one (compacted) sentence with their metric span, subjects and whether they
    are distributive: everything that depends on the sentence's text alone (and on where its places
    and periods end, ``cut``). Pure, hence cached: repeated sentences — reprints, boilerplate,
    headlines restated in the body — are analysed once. The Figures returned are shared: never
    mutate them."""
    figs = find_figures(comp)
    if not figs:
        return ()
    # what is counted starts after a size class (亿元以上项目562个: 项目, of size_floor 1e8)
    cuts = sorted([*cut, *(f.end for f in figs), *(b for _a, b, _f in size_classes(comp))])  # bisected
    out = []
    prev: tuple[Figure, tuple[int, int] | None] | None = None
    for fig in figs:
        clause = clause_bounds(comp, fig.start, fig.end)
        subjects, distributive = subject_spans(comp, fig, clause)
        metric = metric_span(comp, fig, cuts, clause)
        if metric is None and prev is not None and prev[1] is not None and prev[0].kind == fig.kind and (
                CHANGED_TO.fullmatch(comp, prev[0].end, fig.start)  # 由175元提高到288元: the same measure, changed
                or (prev[1][1] <= prev[0].start  # 销售商品分别为1.4亿元、3527万元: a list after its measure
                    and LISTED_AFTER.fullmatch(comp, prev[0].end, fig.start))):
            metric = prev[1]
        out.append((fig, metric, subjects, distributive))
        prev = (fig, metric)
    return tuple(_respective(comp, out, cuts))


_RESPECTIVELY = "分别"
_RESPECTIVE_WINDOW = 12  # 分别 stands just before its list (分别达到, 分别增长到): a bounded look back
# the end of a measure named whole (利税, 营业额, 销售收入), unlike an item that shares its head with the
# last one (小麦、稻谷最低收购价, 城镇和农村居民人均可支配收入: 小麦 and 城镇 measure nothing alone)
_MEASURE_END = ("额", "值", "收入", "利润", "利税", "税", "资金", "总量", "规模", "支出", "投资")


def _whole_metric(item: str) -> bool:
    return len(item) >= 2 and (family_word(item) is not None or item.endswith(_MEASURE_END))
_ITEM_SEP = re.compile("以及|、|和|及|与")


def _respective(comp: str, out: list, cuts: list[int]) -> list:
    """A和B分别达X和Y: the k-th figure of a list after 分别 measures the k-th of the metrics listed before
    it (对外直接投资和对外工程承包营业额分别达433亿美元和777亿美元: 777亿美元 is the 营业额), when the two
    lists are as long, each item is a measure of its own (:func:`_whole_metric`) and the metric stands before 分别 (in A、B分别投资5亿元、3亿元 A and B are subjects);
    otherwise as they were. One pass over the figures."""
    for i, j in listed_runs(comp, [o[0] for o in out]):
        fig = out[i][0]
        a, _b = clause_bounds(comp, fig.start, fig.end)
        at = comp.rfind(_RESPECTIVELY, max(a, fig.start - _RESPECTIVE_WINDOW), fig.start)  # 分别达, 分别为
        measured = out[i][1]
        if at < 0 or measured is None or measured[1] > at:
            continue  # no 分别, or the metric stands after it (分别投资5亿元、3亿元)
        k = bisect.bisect_right(cuts, at) - 1
        lo = max(a, cuts[k]) if k >= 0 and cuts[k] <= at else a  # after a period or a place (全年签约额和…)
        seps = list(_ITEM_SEP.finditer(comp, lo, at))
        starts, ends = [lo] + [m.end() for m in seps], [m.start() for m in seps] + [at]
        if len(seps) == j - i - 1 and all(_whole_metric(comp[s:e]) for s, e in zip(starts, ends)):
            for n, (s, e) in enumerate(zip(starts, ends)):
                f, _m, subj, dist = out[i + n]
                out[i + n] = (f, (s, e), subj, dist)
    return out


_HAS_DIGIT = re.compile(r"\d")
