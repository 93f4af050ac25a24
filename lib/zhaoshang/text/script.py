"""Script detection and a Simplified view for matching.

People read the text in the script it was written in; matching (lexicon terms,
jieba, place names) runs on a Simplified view. The view is kept *character
aligned* with the original — ``len(to_simplified(s)) == len(s)`` — so an offset
found in the view is an offset in the original, with no map to carry around.
OpenCC's phrase tables occasionally change a string's length; where a chunk
does, it is converted character by character instead (a character's own
conversion is what alignment allows).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import opencc

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")

_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Chunks for conversion: runs of non-newline text, so that phrase conversion
# works inside a paragraph and a length change stays local.
_CHUNK = re.compile(r"[^\n]+|\n+")


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _T2S.convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Simplified view of ``text``, the same length, character for character."""
    if not text:
        return text
    out = _T2S.convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        conv = _T2S.convert(chunk)
        if len(conv) != len(chunk):
            conv = "".join(_char_t2s(c) for c in chunk)
        parts.append(conv)
    return "".join(parts)


def to_traditional(text: str) -> str:
    """Traditional rendering of ``text`` (for display of Simplified lexicon terms)."""
    return _S2T.convert(text)


def detect_script(text: str) -> str:
    """'traditional', 'simplified', 'mixed' or 'none' (no Han characters).

    Counts the Han characters whose Simplified and Traditional forms differ:
    only those tell the scripts apart. A text is 'mixed' when both kinds make
    up at least 10 % of the telling characters."""
    joined = _NOT_HAN.sub("", text)  # the Han characters, in order
    if not joined:
        return "none"
    simp = _T2S.convert(joined)
    if len(simp) == len(joined):
        # compared as arrays of code points: one vectorised pass instead of a Python loop per character
        c = _code_points(joined)
        changed = c != _code_points(simp)
        n_trad = int(np.count_nonzero(changed))
        if n_trad == 0:
            # no Traditional character: Simplified whatever n_simp is (n_trad >= 10 % fails, and
            # n_trad > n_simp fails), so the Traditional conversion — the slow one — is not needed
            return "simplified"
    trad = _S2T.convert(joined)
    if len(simp) == len(joined) and len(trad) == len(joined):
        n_simp = int(np.count_nonzero(~changed & (c != _code_points(trad))))
    else:  # fall back to per-character comparison
        n_trad = n_simp = 0
        for c in joined:
            if _char_t2s(c) != c:
                n_trad += 1
            elif _S2T.convert(c) != c:
                n_simp += 1
    telling = n_trad + n_simp
    if telling == 0:
        return "simplified"  # script-neutral text: Simplified is the default reading
    if n_trad >= 0.1 * telling and n_simp >= 0.1 * telling:
        return "mixed"
    return "traditional" if n_trad > n_simp else "simplified"


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def corpus_script(scripts) -> str:
    """The script a corpus is shown in: 'traditional' when more documents are Traditional than
    Simplified, else 'simplified' (ties and empty corpora). Picks chart fonts and display forms."""
    scripts = list(scripts)
    n_trad = sum(s == "traditional" for s in scripts)
    return "traditional" if n_trad > sum(s == "simplified" for s in scripts) else "simplified"


def to_script(text: str, script: str) -> str:
    """Render Simplified ``text`` in ``script`` ('traditional' converts, others keep)."""
    return to_traditional(text) if script == "traditional" else text
