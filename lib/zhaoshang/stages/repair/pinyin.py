"""Pinyin readings glued after characters by a Simplified→Traditional converter.

``產(chǎn)業(yè)`` → ``產業``: a reading is removed only when the text in
parentheses is one real pinyin syllable carrying a tone mark in the right
place, so ``(人民幣,下同)``, ``(齊河)`` or ``(GDP)`` stay. This module knows
what a reading looks like (:data:`READING`, :func:`is_toned_syllable`) and
which readings a character has (:func:`readings`); the mojibake pass uses both
as evidence for the character a damaged span lost.
"""
from __future__ import annotations

import re
from functools import lru_cache

from zhaoshang.model import Edit
from zhaoshang.stages.repair.scoring import is_han
from zhaoshang.text.script import to_simplified, to_traditional

#: Toneless pinyin syllables (written out by hand; ``v`` is not used, ``ü`` is).
_SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
    pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
    ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
    fa fan fang fei fen feng fo fou fu
    da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
    ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
    na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe
    la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
    ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
    ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
    ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
    ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
    qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
    zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
    cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
    sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
    ra ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
    za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
    ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
    sa sai san sang sao se sen seng si song sou su suan sui sun suo
    ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
    wa wai wan wang wei wen weng wo wu
    e ei en eng er o ou
    """.split()
)

#: Tone-marked vowel → (plain vowel, tone number).
_TONED = {
    ch: (base, tone)
    for base, marks in {
        "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ",
    }.items()
    for tone, ch in enumerate(marks, start=1)
}
PINYIN_LETTERS = "a-zü" + "".join(_TONED)
#: A parenthesised single word of pinyin letters; validated by `is_toned_syllable`.
READING = re.compile(rf"\(([{PINYIN_LETTERS}]{{1,6}})\)")


def is_toned_syllable(word: str) -> bool:
    """True when ``word`` is one pinyin syllable with one tone mark, correctly placed.

    Placement rule: on ``a`` or ``e`` if present, on the ``o`` of ``ou``,
    otherwise on the last vowel."""
    toned = [i for i, ch in enumerate(word) if ch in _TONED]
    if len(toned) != 1:
        return False
    pos = toned[0]
    plain = word[:pos] + _TONED[word[pos]][0] + word[pos + 1:]
    if plain not in _SYLLABLES:
        return False
    if "a" in plain or "e" in plain:
        want = plain.index("a") if "a" in plain else plain.index("e")
    elif "ou" in plain:
        want = plain.index("ou")
    else:
        want = max(i for i, ch in enumerate(plain) if ch in "aeiouü")
    return pos == want


def pinyin_edits(text: str, *, keep_after: str) -> list[Edit]:
    """Edits removing converter-glued readings such as ``(chǎn)`` from ``text``.

    A reading right after one of the characters ``keep_after`` (the damage
    marks, ``?(shù)``) is left for the mojibake pass, which uses it as
    evidence."""
    edits = []
    for m in READING.finditer(text):
        if not is_toned_syllable(m.group(1)):
            continue
        if m.start() > 0 and text[m.start() - 1] in keep_after:
            continue
        prev = text[m.start() - 1] if m.start() else ""
        confidence = 0.99 if is_han(prev) else 0.9
        edits.append(Edit(m.start(), m.end(), m.group(), "", "pinyin", confidence))
    return edits


@lru_cache(maxsize=4096)
def readings(ch: str) -> frozenset[str]:
    """Tone-marked readings of ``ch`` (pypinyin when installed, else none)."""
    try:
        from pypinyin import Style, pinyin
    except ImportError:  # pragma: no cover - optional evidence
        return frozenset()
    out = set()
    for form in {ch, to_simplified(ch), to_traditional(ch)}:
        if len(form) == 1 and is_han(form):
            for group in pinyin(form, style=Style.TONE, heteronym=True):
                out.update(group)
    return frozenset(out)

