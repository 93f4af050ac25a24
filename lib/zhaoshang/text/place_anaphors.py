"""Where a text refers back to a place instead of naming it: 该区/本市/全县/我省 (a level word after 该, 本, 全 or
我), 市府/县政府 with no name before them, 当地/这里 — found here, resolved by
:meth:`zhaoshang.text.places.Gazetteer.analyse` against the places named before and the document's own.
全省/全市 as a yardstick (居全省首位, 约占全省的44%) is none: the figure beside it is not the whole's.
"""
from __future__ import annotations

import re

from zhaoshang.text.place_words import (ANAPHORA, ANAPHORA_LEVELS, ANAPHORA_NOT_NEXT, YARDSTICK_AFTER,
                                        YARDSTICK_BEFORE)

__all__ = ["ANY", "anaphors"]

_ANAPHOR_RE = re.compile(f"[{''.join(ANAPHORA)}](?=[{''.join(ANAPHORA_LEVELS)}])")


ANY: tuple[str, ...] = ("*",)
"""The level words of an anaphor that may refer back to a place of any level (当地, 这里)."""

# 当地, 这里, 此地, 该地: the place the sentence is about, else the last one named (当地政府否决,
# 150家企业在这里组团发展); not 这里面 (inside this)
_LOCAL = re.compile(r"当地|这里(?!面)|此地|该地(?![方址块点])")
# 市府, 县政府, 区政府 with no name before them: the government of the document's own place of that
# level (市府也端出15案招商案件 in a release of 台南市政府)
_OWN_GOVERNMENT = re.compile(r"(?:(?<=[，,。；;：:、（(「“”\s据由经在与和向对是])|^)([市县区])(?:政府|府)(?![院会])",
                             re.MULTILINE)


def anaphors(text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Every anaphor of ``text`` as (start, length, kind, level words), in text order: 该X/本X/全X/我X
    (X a level word), 市府/县政府 (deictic), 当地/这里 (``local``, any level)."""
    out = []
    for i in _anaphor_positions(text):
        ch, nxt = text[i], text[i + 1]
        after = text[i + 2:i + 3]
        if ch == "全" and after in ("场", "面", "民", "部", "国", "程", "球"):
            continue
        if after and after in ANAPHORA_NOT_NEXT.get(nxt, ""):
            continue
        if ch == "全" and (YARDSTICK_BEFORE.search(text, max(0, i - 4), i) or YARDSTICK_AFTER.match(text, i + 2)):
            continue  # 保持全省第二位, 约占全省的44%, 作为全省招商引资的主阵地: the whole as a yardstick, no place
        out.append((i, 2, ANAPHORA[ch], ANAPHORA_LEVELS[nxt]))
    taken = {i for i, *_ in out}
    for m in _OWN_GOVERNMENT.finditer(text):
        if m.start() - 1 not in taken:  # 该市政府 is 该市's
            out.append((m.start(), m.end() - m.start(), "deictic", ANAPHORA_LEVELS[m.group(1)]))
    for m in _LOCAL.finditer(text):
        if m.start() not in taken:
            out.append((m.start(), m.end() - m.start(), "local", ANY))
    out.sort()
    return out


def _anaphor_positions(text: str) -> list[int]:
    """Start of every 该X/本X/全X/我X (X a level word), left to right, not overlapping."""
    out = []
    last = -2
    for m in _ANAPHOR_RE.finditer(text):
        i = m.start()
        if i >= last + 2:
            out.append(i)
            last = i
    return out
