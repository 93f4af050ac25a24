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

import re
from functools import lru_cache

from zhaoshang.analyses.figures.detect import Figure, find_figures, size_classes
from zhaoshang.analyses.figures.patterns import (
    COUNT_HEADS,
    LEAD_STRIP,
    METRIC_VERBS,
    SUBJECT_BREAK,
    SUBJECT_GENERIC,
    SUBJECT_SUFFIX,
    TRAIL_STRIP,
    longest_first,
    metric_re,
)
from zhaoshang.analyses.figures.sentences import clause_bounds

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
    for v in METRIC_VERBS:
        i = seg.find(v)
        if i >= 0:
            seg = seg[:i]
    heads = [seg.rfind(h) + len(h) for h in COUNT_HEADS if h in seg]
    if heads:
        seg = seg[:max(heads)]
    if len(seg) >= 1 and not seg[0].isdigit() and _WORDISH.match(seg):
        return (j, j + len(seg))
    return None


def metric_span(s: str, fig: Figure, cut_points: list[int], clause: tuple[int, int]) -> tuple[int, int] | None:
    """Span of the metric: the lexicon phrase nearest before the figure in its clause (amounts),
    else the counted noun after a count's measure word, else the clause's words before the figure
    (after the last place or period named), trimmed of verbs and adverbs. ``clause``: the bounds
    of the figure's clause (:func:`clause_bounds`)."""
    a, b = clause
    if fig.kind == "amount":
        best = None
        for m in metric_re().finditer(s, a, fig.start):
            best = (m.start(), m.end())
        if best:
            return best
        for m in metric_re().finditer(s, fig.end, b):
            return (m.start(), m.end())
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
    cuts = list(cut) + [f.end for f in figs] + [b for _a, b, _f in size_classes(comp)]
    out = []
    for fig in figs:
        clause = clause_bounds(comp, fig.start, fig.end)
        subjects, distributive = subject_spans(comp, fig, clause)
        out.append((fig, metric_span(comp, fig, cuts, clause), subjects, distributive))
    return tuple(out)
