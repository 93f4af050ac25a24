"""Speakers: who speaks in a clause next to a quotation.

Given a clause next to a quotation, this module finds the speaker in it — a title
with a name (安丘市投促中心主任孫業), a name with a title for known speakers and
surnames (毛澤東主席, 周總理, 陳雲同志), a person quoted by name alone
(``known_speakers`` in ``lexicon/titles.yaml``: national leaders are officials), a
pronoun, or an organisation speaking — with its role (:mod:`.roles`). Where a name
cannot be delimited (總經理劉洋滿懷豪情：) the speaker is kept as written.
:mod:`.quotes` decides where to look (before, after, the sentence before), with the
clause-level helpers of :mod:`.attribution`; the titles, organisations and verbs
matched are :mod:`.speaker_lexicon`.

Matching runs on the Simplified text (``simp``), character-aligned with the
original (``body``); every reported string is sliced from ``body``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from zhaoshang.analyses.rhetoric.lexicons import chengyu
from zhaoshang.analyses.rhetoric.roles import org_role, short_name_role, speaker_role
from zhaoshang.analyses.rhetoric.speaker_lexicon import SpeakerLexicon, speaker_lexicon

CLAUSE_SEP = "，,：:；;"
"""Marks that end a clause (and so bound where a speaker and its verb are looked for)."""
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")



@dataclass
class Speaker:
    """A speaker found in an attribution clause. Offsets into the text."""

    text: str
    start: int
    end: int
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    role: str = "unknown"
    anonymous: bool = False
    pronoun: bool = False


# (no ``^``: ``pattern.match(s, pos)`` anchors at ``pos``, where ``^`` would never match)
_LEADING = [
    re.compile(r"\s+"),
    re.compile(r"(?:日前|近日|近期|最近|目前|如今|当时|当天|当日|今天|今年|昨天|昨日|此前|此后|其后|随后|最后|对此|为此|同时|另外|此外|"
               r"据悉|据介绍|据了解|记者了解到|其中|不过|但是|然而|而|但|并|也)"),
    re.compile(r"据(?=[^悉介了]..)"),
    re.compile(r"有(?=(?:业内|分析|知情|市场|行业|观察|消息|资深|专家|学者|人士|媒体|网友|记者))"),  # 有业内人士认为
    re.compile(r"(?:\d{1,4}年)?\d{1,2}月\d{1,2}日"),
    re.compile(r"在[^，,。]{0,40}?(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前)(?=.)"),
    # 正如列宁所说的, 象毛泽东主席所说的, 事实正如…: the comparison word is not the speaker
    re.compile(r"(?:事实正如|正如|诚如|恰如|正像|正象|就像|如同|象|像)(?=.)"),
]
_ADVERBIAL = re.compile(
    r"(?:(?:\d{1,4}年)?\d{1,2}月\d{1,2}日|日前|近日|目前|如今|当天|当日|今天|昨天|昨日|此前|随后|对此|为此|同时|"
    r"据悉|据介绍|据了解|在[^，,。]{0,60}(?:上|中|时|内|里|期间|之际|现场|之后|以后|后|前))")


def is_adverbial(phrase: str) -> bool:
    """Is ``phrase`` (stripped) only a time or place adverbial (日前, 在签约仪式上)?"""
    return _ADVERBIAL.fullmatch(phrase.strip()) is not None
# trailing circumstances between a speaker and the verb: 在…时, 在“……”一书中, 对俄国人民
_TRAILING_WHEN = re.compile(r"(?:(?:在|于)[^，,。]{0,30}?(?:时候|时|上|中|期间|之际|现场|这里|那里|此)|对[^，,。对]{1,12}|"
                            r"(?:在|于)?接受[^，,。]{0,24}?(?:采访|专访|访问)(?:时候|时)?|[(（][^()（）]{1,8}[)）]|[(（][A-Za-z .\-]{2,40}[)）]|"
                            r"(?:向|对)\s*《[^》]{1,16}》(?:记者)?|"
                            r"(?:\d{1,2}月)?\d{1,2}日\s*(?:(?:向|对)\s*(?:《[^》]{1,16}》|本报|媒体)?\s*记者)?|"
                            # a time word between the speaker and the verb (力拓上个月表示)
                            r"上个?月|上周|日前|近日|近期|昨日|昨天|今天|今日|此前|随后|当天|当日|当时|最近)$")
# a manner adverb in 地 before the verb: 尖锐地指出, 一再地指示说
_ADVERB_DI = re.compile(r"[\u4e00-\u9fff]{2}地$")
_IDIOM_DI = re.compile(r"[\u4e00-\u9fff]{4}地$")


def _adverb_di(seg: str):
    """A manner adverb in 地 ending ``seg``: a chengyu (开门见山地) or two characters (尖锐地)."""
    m = _IDIOM_DI.search(seg)
    if m and m.group()[:4] in chengyu():
        return m
    return _ADVERB_DI.search(seg)


def trim(s: str, a: int, b: int, lex: SpeakerLexicon) -> tuple[int, int]:
    """Shrink [a, b) of ``s`` past adverbials before and after the speaker phrase."""
    changed = True
    while changed and a < b:
        changed = False
        for rx in _LEADING:
            m = rx.match(s, a, b)
            if m and m.end() > a and m.end() < b:
                a = m.end()
                changed = True
    changed = True
    while changed and a < b:
        changed = False
        seg = s[a:b]
        while seg and seg[-1] in " \t　的":
            b -= 1
            seg = seg[:-1]
            changed = True
        for w in lex.between:
            if seg.endswith(w) and len(seg) > len(w):
                b -= len(w)
                changed = True
                break
        else:
            m = _TRAILING_WHEN.search(seg) or _adverb_di(seg)
            if m and m.group().startswith(("对外", "对内")):
                m = None  # 对外贸易中心副主任刘建军: a name of a body, not "to somebody"
            if m and m.start() > 1:
                b = a + m.start()
                changed = True
    return a, b


def surname_len(s: str, i: int, lex: SpeakerLexicon) -> int:
    if s[i:i + 2] in lex.compound_surnames:
        return 2
    if i < len(s) and s[i] in lex.surnames:
        return 1
    return 0


def all_han(s: str) -> bool:
    return bool(s) and all(_HAN.match(c) for c in s)


def _known_at(s: str, i: int, b: int, lex: SpeakerLexicon) -> int:
    """Length of a known speaker's name (毛泽东, 列宁) starting at ``s[i]`` within ``b`` (0 if none)."""
    for n in (3, 2, 4):
        if i + n <= b and s[i:i + n] in lex.known:
            return n
    return 0


def _ends_name(s: str, j: int, b: int, lex: SpeakerLexicon) -> bool:
    """Does a name end at ``s[j]``? Yes before a word such as 对/在/表示 (after_name), a
    non-Han character, the end of the phrase, a manner phrase (信心满满) or a chengyu."""
    if j >= b:
        return True
    if s[j] in lex.after_name or not _HAN.match(s[j]) or s.startswith(HONORIFICS + ("博士",), j):
        return True
    if any(s.startswith(w, j) and j + len(w) <= b for w in lex.manner):
        return True
    return j + 4 <= b and s[j:j + 4] in chengyu()


# a foreign name: Latin words (Charles Brown, DavidFlanagan) or a transliteration with a
# middle dot (盖瑞·贝克, 阿卜杜勒·阿齐兹)
FOREIGN_NAME = re.compile(r"[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,3}"
                           r"|[\u4e00-\u9fff]{1,6}(?:[·•・‧][\u4e00-\u9fff]{1,8}){1,3}")


def _foreign_at(s: str, i: int, b: int, *, whole: bool, lex: SpeakerLexicon | None = None) -> int:
    """Length of a foreign name at ``s[i]`` (filling ``s[i:b]`` when ``whole``), 0 if none. Not
    filling, a transliteration ends before a character that follows names (``lex.after_name``:
    盖瑞·贝克日前接受… is 盖瑞·贝克)."""
    m = FOREIGN_NAME.match(s, i, b)
    if not m or (whole and m.end() != b):
        return 0
    end = m.end()
    if not whole and lex is not None:
        dot = max(s.rfind(d, i, end) for d in "·•・‧")
        if dot >= 0:
            end = next((j for j in range(dot + 2, end) if s[j] in lex.after_name), end)
    if not whole and end < b and _HAN.match(s[end]) is None and s[end] not in CLAUSE_SEP:
        return 0
    return end - i


def name_at(s: str, i: int, b: int, lex: SpeakerLexicon, *, whole: bool, titled: bool = False) -> int:
    """Length of a personal name starting at ``s[i]`` (0 if none).

    ``whole``: the name must fill ``s[i:b]`` (the verb follows it); otherwise the
    name must be followed by something that ends it (:func:`_ends_name`). A
    2-character and a 3-character reading that both end well are ambiguous: the
    shorter is taken only when the character after it is a word such as 对/在/表示."""
    rest = b - i
    k = _known_at(s, i, b, lex)
    if k and (not whole or k == rest):
        return k
    f = _foreign_at(s, i, b, whole=whole, lex=lex)
    if f and ("·" in s[i:i + f] or not _HAN.match(s[i])) and (whole or titled or f == rest):
        return f
    if whole:
        if 2 <= rest <= 4 and all_han(s[i:b]) and s[i:b] not in lex.not_names:
            # after a title a name need not start with a listed surname (副省长禄智明)
            if lex.verb_re.match(s, i):
                return 0  # 业内人士分析认为: a speech verb, not a name after the title
            if rest == 4 and surname_len(s, i, lex) == 1 and s[b - 1] in "并也还又就都则亦即曾":
                return 0  # 郎咸平并指出: a three-character name and an adverb, not a name of four
            if surname_len(s, i, lex) or (titled and rest <= 3 and not lex.title_re.search(s, i, b)
                                           and not lex.org_re.search(s, i, b) and s[i:b] not in lex.pronouns):
                return rest
        return 0
    sl = surname_len(s, i, lex)
    if not sl or lex.verb_re.match(s, i):  # 强调道 is a verb, not a name
        return 0
    for n in (sl + 1, sl + 2):
        if n <= rest and all_han(s[i:i + n]) and s[i:i + n] not in lex.not_names \
                and _ends_name(s, i + n, b, lex):
            return n
    return 0


HONORIFICS = ("同志", "先生", "女士")
"""Titles written after a full name (陈云同志, 梁希先生); other titles take a name
before them only when it is a known speaker (毛泽东主席) or a bare surname (周总理)."""


def _name_before_title(s: str, x: int, t0: int, t1: int, lex: SpeakerLexicon) -> int | None:
    """Start of a name that ends right before the title ``s[t0:t1]`` (毛泽东主席, 陈云同志,
    周总理), looking no further back than ``x``; None if there is none."""
    for n in (3, 2, 4):
        if t0 - n >= x and s[t0 - n:t0] in lex.known:
            return t0 - n
    seg = s[x:t0]
    if not (1 <= len(seg) <= 3 and all_han(seg)) or seg in lex.not_names or lex.org_re.search(seg):
        return None
    sl = surname_len(s, x, lex)
    if sl and (sl == len(seg) or (len(seg) > sl and s[t0:t1] in HONORIFICS)):
        return x
    return None


def _find_all(s: str, w: str):
    i = s.find(w)
    while i >= 0:
        yield i
        i = s.find(w, i + 1)


GROUP_NOUNS = frozenset("农民 市民 居民 村民 客商 投资商 企业家 消费者 游客 网友 顾客 工人 职工 员工 车主 "
                        "设备商 供应商 制造商 厂商 开发商 经销商 运营商 采购商 "
                        "专家 学者 记者 业内人士 分析人士 知情人士 市场人士 行业人士 观察人士".split())
"""Titles that name people in general (全县农民): never written after a person's name."""


def _full_name_before_title(s: str, x: int, t0: int, t1: int, lex: SpeakerLexicon) -> int | None:
    """Start of a full name (surname + one or two characters) written right before a title
    after an organisation (宣传部新闻科李顺利科长, 总领事馆范吉来总领事); None if there is none."""
    if s[t0:t1] in GROUP_NOUNS:
        return None  # 全县农民, 周边市民: people in general, no name before them
    for n in (3,):
        i = t0 - n
        if i < x or not all_han(s[i:t0]) or s[i:t0] in lex.not_names or s[i] in lex.after_name:
            continue
        sl = surname_len(s, i, lex)
        if not sl or sl >= n or lex.title_re.search(s, i, t0) or lex.org_re.search(s, i + 1, t0):
            continue
        w = s[i:t0]
        # a firm's name is no person's (武陵酒董事长 where the text also writes 武陵酒业)
        if any(s.startswith("业", k + n) or lex.org_re.match(s, k + n) for k in _find_all(s, w)):
            continue
        return i
    return None


def _person_before_title(simp, body, a, t0, t_end, x0, lex) -> Speaker | None:
    """A name written before its title (毛泽东主席, 陈云同志) or a surname with a title
    (毛主席, 王书记 — kept whole as the name); ``x0``: where the name may start at the earliest."""
    x = _name_before_title(simp, x0, t0, t_end, lex)
    if x is None:
        x = _full_name_before_title(simp, x0, t0, t_end, lex)
    if x is None:
        return None
    nm = simp[x:t0]
    single = 0 < t0 - x <= surname_len(simp, x, lex) and nm not in lex.known
    name = body[x:t_end] if single else body[x:t0]
    org_simp = simp[a:x].strip(" 、的") or None
    org = body[a:x].strip(" 、的") if org_simp and org_role(org_simp, lex) else None
    # a title written before the name counts too: 著名经济学家孙冶方同志 is an economist
    t = body[t0:t_end]
    before = [m for m in lex.title_re.finditer(simp, a, x) if m.end() == x]
    if before:
        t = body[before[-1].start():x] + "、" + t
    role = speaker_role(simp[t0:t_end] + "、" + (simp[before[-1].start():x] if before else ""), org_simp, lex,
                        name=None if single else nm)
    return Speaker(text=body[a:t_end], start=a, end=t_end, name=name, title=t,
                   organisation=org, role=role)


def parse_speaker(simp: str, body: str, a: int, b: int, *, whole: bool = True,
                  lex: SpeakerLexicon | None = None) -> Speaker | None:
    """Find the speaker in ``simp[a:b]`` (a clause before a speech verb, or after a quote).

    ``whole``: the phrase ends where the verb starts (so a name fills the rest);
    otherwise a titled name must be followed by a word such as 对/在/表示, or a
    name stands before its title (毛主席批判了……)."""
    lex = lex or speaker_lexicon()
    a, b = trim(simp, a, b, lex)
    if a >= b:
        return None
    seg = simp[a:b]
    # 1. pronoun
    if whole and seg in lex.pronouns:
        return Speaker(body[a:b], a, b, pronoun=True)
    # 2. title (+ name)
    titles = [m for m in lex.title_re.finditer(simp, a, b)]
    for k in range(len(titles) - 1, -1, -1):
        t = titles[k]
        n = name_at(simp, t.end(), b, lex, whole=whole, titled=True) if t.end() < b else 0
        # extend over a chain of titles: 党组书记、主任
        first = k
        while first > 0:
            prev = titles[first - 1]
            gap = simp[prev.end():titles[first].start()]
            if gap in ("", "、", "兼", "和"):
                first -= 1
            else:
                break
        t0 = titles[first].start()
        if not n:
            # a name before the title: 毛泽东主席, 周总理, 伟大领袖毛主席
            x0 = titles[first - 1].end() if first > 0 else a
            if t.end() == b or not whole:
                sp = _person_before_title(simp, body, a, t0, t.end(), x0, lex)
                if sp is not None:
                    return sp
            if t.end() < b:
                continue
            if not whole:
                return None  # a bare title after a quote is too weak
        org = body[a:t0].strip(" 、的")
        name = body[t.end():t.end() + n] if n else None
        title = body[t0:t.end()]
        org_simp = simp[a:t0].strip(" 、的")
        anonymous = not n
        if org_simp.endswith(("有关", "相关")) and len(org_simp) > 2:
            org = org[:-2]
            org_simp = org_simp[:-2]
        end = t.end() + n
        role = speaker_role(simp[t0:t.end()], org_simp, lex, name=simp[t.end():end] or None)
        text = body[a:end]
        return Speaker(text=text, start=a, end=end, name=name, title=title,
                       organisation=org or None, role=role, anonymous=anonymous)
    # 3. a bare name (列宁, 孙业; a known name also when something follows it)
    n = name_at(simp, a, b, lex, whole=whole)
    if n and (whole or _known_at(simp, a, b, lex) == n):
        return Speaker(body[a:a + n], a, a + n, name=body[a:a + n],
                       role=speaker_role(None, None, lex, name=simp[a:a + n]))
    # 3b. a name after a description in 的 (来自南非的全球最大的钻石开采公司的崔沃尔, 曾参与开发的化学研究院佘万能)
    if whole and "的" in seg:
        k = a + seg.rfind("的") + 1
        n = name_at(simp, k, b, lex, whole=True) if k < b else 0
        if n == b - k and (surname_len(simp, k, lex) or "·" in simp[k:b] or not _HAN.match(simp[k])):
            desc = simp[a:k - 1]
            return Speaker(body[a:b], a, b, name=body[k:b],
                           organisation=body[a:k - 1] if org_role(desc, lex) else None,
                           role=speaker_role(None, desc, lex, name=simp[k:b]) if org_role(desc, lex)
                           else speaker_role(None, None, lex, name=simp[k:b]))
    # 4. an organisation speaking (市商务局表示; 拥有领先技术的某某有限公司表示: after the last 的)
    if whole and "的" in seg and len(seg) > 25:
        a += seg.rfind("的") + 1
        seg = simp[a:b]
    if whole and seg.endswith("方面") and len(seg) > 2:
        seg = seg[:-2]  # 金风科技方面表示: the firm speaking
    if whole and len(seg) <= 25:
        r = org_role(seg, lex)
        if r and lex.org_re.search(seg) and seg.endswith(tuple(lex.org_role)):
            return Speaker(body[a:b], a, b, organisation=body[a:b], role=r)
        r = short_name_role(simp, seg, lex)
        if r:  # 中粮表示 where the text also writes 中粮集团
            return Speaker(body[a:b], a, b, organisation=body[a:b], role=r)
    return None


def colon_speaker(simp: str, body: str, a: int, b: int, lex: SpeakerLexicon | None = None) -> Speaker | None:
    """The speaker of a clause that ends in a colon with no speech verb (劉洋信心滿滿：“……”).

    A name is taken when something ends it (a title before it and 对/在, a manner
    phrase such as 信心满满, a chengyu after it: :func:`_ends_name`). When a title
    is there but the name cannot be delimited (總經理劉洋滿懷豪情：), the clause is
    kept as written — ``speaker`` is the text, ``name`` None — rather than a guessed
    name. A clause with neither title nor delimited name gives no speaker."""
    lex = lex or speaker_lexicon()
    sp = parse_speaker(simp, body, a, b, whole=False, lex=lex)
    if sp is not None and sp.name:
        return sp
    a, b = trim(simp, a, b, lex)
    if a >= b or b - a > 24:
        return None
    n = name_at(simp, a, b, lex, whole=False)
    if n:  # a bare name that something ends: 劉洋信心滿滿：
        return Speaker(body[a:a + n], a, a + n, name=body[a:a + n],
                       role=speaker_role(None, None, lex, name=simp[a:a + n]))
    for t in reversed(list(lex.title_re.finditer(simp, a, b))):
        if t.end() < b and surname_len(simp, t.end(), lex):
            org = simp[a:t.start()].strip(" 、的")
            return Speaker(text=body[a:b], start=a, end=b, title=body[t.start():t.end()],
                           organisation=body[a:t.start()].strip(" 、的") or None,
                           role=speaker_role(simp[t.start():t.end()], org or None, lex))
    return None
