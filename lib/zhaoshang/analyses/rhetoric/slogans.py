"""Slogans: short quoted phrases that are not speech, what kind they are, and the slogans rows.

Local governments coin formulas and put them in quotation marks: “一區四園”,
“雙定+雙保”, “簽約一批、開工一批、投產一批”, “招商引資突破年”, “近悅遠來”.
:mod:`.quotes` decides which quoted spans are speech; every other quoted span is a
slogan here (so speech is never a slogan and a slogan never speech). Each slogan
gets a ``kind``, the first of these that applies:

``campaign``  a campaign name: ends in 年/活動/行動/工程/戰役/… or is followed
              by 活動/行動/工程 (“招商引資突破年”, “到一線、作表率”活動)
``numeric``   a numeric formula: two or more different number+word pairs, a
              fraction, a ``+`` between numbers, or one pair with a number
              other than 一 (“一區四園”, “雙定+雙保”, “二分之一”)
``idiom``     a four-character idiom found in ``lexicon/chengyu.tsv``
              (a published chengyu list, see that file's header) (“近悅遠來”)
``parallel``  a parallel frame: parts of the same shape separated by 、，+ (same
              length, same first or last word, or three parts sharing a first or last
              character), or a repeated word inside (“簽約一批、開工一批、投產一批”,
              “缺什麼補什麼”, “誰投資、誰決策、誰收益”)
``other``     everything else (“一把手”, “招落一體化”, “組合拳”)

``kinds`` lists every kind that applies, in the same order. ``metaphor`` names
the metaphor-lexicon term in the slogan, if any. Offsets exclude the marks.
Corpus-level counts of slogans are in :mod:`.summaries`.
"""
from __future__ import annotations

import re

from zhaoshang.analyses.rhetoric.lexicons import chengyu, metaphor_terms
from zhaoshang.analyses.rhetoric.marks import QuotedSpan
from zhaoshang.analyses.rhetoric.quotes import analyse_quotes

KINDS = ("campaign", "numeric", "idiom", "parallel", "other")

MAX_CLASSIFIED = 60
"""Quoted phrases longer than this (no sentence punctuation, yet long) are listed as ``other``."""

_NUM = "0-9０-９一二三四五六七八九十百千万两双半"
_NUM_RE = re.compile(f"[{_NUM}]+")
# Words that contain a numeral but are not counts (一把手 is a title, 一体化 an adjective)
_NOT_NUMBERS = re.compile(
    "一把手|一体化|一站式|一线|一流|统一|唯一|第一|一起|一致|一样|一切|一些|一般|一定|一直|一次性|一体|"
    "双赢|双方|双向|两岸|一网|一窗|一件事|一揽子|一条龙|一对一|万众|千方百计|千家万户|百姓|半导体"
)
_CAMPAIGN_END = re.compile(
    r"(?:年|活动|行动|专项行动|工程|战役|攻坚|攻坚战|会战|大会战|计划|服务月|活动月|月|百日|竞赛|擂台赛|大比武|大讨论|周)$")
_CAMPAIGN_AFTER = re.compile(r"^(?:主题)?(?:活动|行动|专项行动|工程|战役|攻坚战|会战|攻坚行动|竞赛|擂台赛)")
_SPLIT = re.compile(r"[、，,；;／/＋+\s]+")


def _number_pairs(s: str) -> list[str]:
    s = _NOT_NUMBERS.sub(lambda m: "□" * len(m.group()), s)
    pairs = []
    for m in _NUM_RE.finditer(s):
        unit = s[m.end():m.end() + 1]
        if unit == "个" or unit == "大":  # 三个一批, 四大: take the next word too
            unit = s[m.end():m.end() + 2]
        pairs.append(m.group() + unit)
    return pairs


def is_numeric_formula(s: str) -> bool:
    """Numbers combined with short words into a formula (一区四园, 双定+双保, 二分之一)."""
    if "分之" in s and _NUM_RE.search(s.replace("分之", "")):
        return True
    pairs = _number_pairs(s)
    if not pairs:
        return False
    if re.search(f"[{_NUM}][+＋]|[+＋][{_NUM}]|[0-9][NnXx]|[NnXx]\\+", s):
        return True
    if len(pairs) >= 2:
        return len(set(pairs)) > 1
    # a single pair counts when its number is a real count: 三招, 十四五, 4个
    num = _NUM_RE.match(pairs[0]).group()
    counted = pairs[0][len(num):].startswith("个") and num != "一"
    return (counted or num not in ("一", "两", "双", "半", "百", "千", "万")) and len(s) <= 8


def is_parallel_frame(s: str) -> bool:
    """Parts of the same shape (快建設、早投產、早見效) or a repeated word (缺什麼補什麼)."""
    parts = [p for p in _SPLIT.split(s) if p]
    if len(parts) >= 2:
        lens = {len(p) for p in parts}
        if len(lens) == 1 and min(lens) >= 2:
            return True
        # same ending or same beginning, e.g. 签约一批、开工一批、投产一批
        if all(len(p) >= 2 for p in parts):
            if len({p[-2:] for p in parts}) == 1 or len({p[:2] for p in parts}) == 1:
                return True
            # three parts or more sharing a first or last character: 谁投资、谁决策、谁收益、
            # 谁承担风险; 劳动者自主择业、市场调节就业、政府促进就业
            if len(parts) >= 3 and (len({p[0] for p in parts}) == 1 or len({p[-1] for p in parts}) == 1):
                return True
        # a list of single characters: 奖、贷、助、补、减、免
        if len(parts) >= 4 and all(len(p) == 1 for p in parts):
            return True
        return False
    n = len(s)
    if n < 5:
        return False
    # a repeated word of two characters or more: 缺什么补什么, 把企业的事当成自己的事
    for k in (3, 2):
        seen = {}
        for i in range(n - k + 1):
            w = s[i:i + k]
            if w in seen and i >= seen[w] + k:
                return True
            seen.setdefault(w, i)
    # halves that begin with the same character: 早投产早见效
    if n % 2 == 0 and n >= 6 and s[0] == s[n // 2]:
        return True
    return False


def is_campaign_name(s: str, after: str = "") -> bool:
    """A named campaign: 招商引资突破年, or a phrase followed by 活动/行动 (“到一线、作表率”活动)."""
    if len(s) >= 4 and _CAMPAIGN_END.search(s):
        return True
    return bool(_CAMPAIGN_AFTER.match(after))


def is_idiom(s: str) -> bool:
    """A four-character idiom of the published chengyu list."""
    return len(s) == 4 and s in chengyu()


def slogan_kinds(s: str, *, after: str = "") -> list[str]:
    """Every kind that applies to the Simplified phrase ``s`` (``after``: text after the mark)."""
    kinds = []
    if is_campaign_name(s, after):
        kinds.append("campaign")
    if is_numeric_formula(s):
        kinds.append("numeric")
    if is_idiom(s):
        kinds.append("idiom")
    if is_parallel_frame(s):
        kinds.append("parallel")
    return kinds or ["other"]


def slogan_kind(s: str, *, after: str = "") -> str:
    """The first kind of :func:`slogan_kinds` (campaign > numeric > idiom > parallel > other)."""
    return slogan_kinds(s, after=after)[0]


def slogan_rows(doc, spans: list[QuotedSpan]) -> list[dict]:
    """The slogans rows of a CleanDocument from its analysed spans (:func:`.quotes.analyse_quotes`).

    One row per occurrence. Columns: doc_id, slogan (as written, ``body[start:end]``,
    marks excluded), kind, start, end, kinds ("|"-joined), key (Simplified form, for
    counting across a corpus), nested (inside another quotation), in_speech (inside a
    direct quote), metaphor (metaphor-lexicon term inside, or None)."""
    body, simp = doc.body, doc.simplified
    rows = []
    terms = metaphor_terms()
    # inside speech: some ancestor is speech (parents come before their children)
    in_speech_of: dict[int, bool] = {}
    for q in spans:
        par = spans[q.parent] if q.parent is not None else None
        in_speech_of[id(q)] = par is not None and (par.kind == "speech" or in_speech_of[id(par)])
    for q in spans:
        if q.kind != "phrase":
            continue
        key = simp[q.start:q.end].strip()
        if not key:
            continue
        in_speech = in_speech_of[id(q)]
        after = simp[q.end + 1:q.end + 7]
        short = len(key) <= MAX_CLASSIFIED
        kinds = slogan_kinds(key, after=after) if short else ["other"]
        rows.append({
            "doc_id": doc.doc_id,
            "slogan": body[q.start:q.end],
            "kind": kinds[0],
            "start": q.start,
            "end": q.end,
            "kinds": "|".join(kinds),
            "key": key,
            "nested": q.depth > 0,
            "in_speech": in_speech,
            "metaphor": next((t for t in terms if t in key), None) if short else None,
        })
    return rows


def doc_slogans(doc) -> list[dict]:
    """Slogans of a CleanDocument, one row per occurrence (see :func:`slogan_rows`).

    Analyses the document's quotations on its own; :func:`zhaoshang.analyses.rhetoric.analyse`
    shares one analysis between the quotes and the slogans rows."""
    return slogan_rows(doc, analyse_quotes(doc.simplified, doc.body))
