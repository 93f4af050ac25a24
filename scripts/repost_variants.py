"""Synthetic reposts of a real story, for scripts/eval_reposts.py and bench/reposts_bench.py.

Each function takes a story (title and paragraphs, as a reposting site would have copied them)
and returns the text another site would publish. The edits are the ones reposts are made of:
script converted, punctuation and quotation marks changed, the site's own header and footer,
a paragraph dropped, a new title; an excerpt keeps the first part of the story; a quotation
(a negative) is another story that quotes one paragraph of this one.
"""
from __future__ import annotations

import random

from opencc import OpenCC

_T2S, _S2T = OpenCC("t2s"), OpenCC("s2t")
SITES = ("东方财经网", "海峡资讯网", "西部招商在线", "南方投资快报", "北国商务网")
PUNCT = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "“": "「", "”": "」", "‘": "『", "’": "』",
                       "（": "(", "）": ")", "！": "!", "？": "?", "、": ","})


def other_script(text: str) -> str:
    """The text in the other script (a Traditional text made Simplified, or the reverse)."""
    simp = _T2S.convert(text)
    return _S2T.convert(text) if simp == text else simp


def repunctuate(text: str) -> str:
    return text.translate(PUNCT)


def site_frame(title: str, paras: list[str], site: str, date: str = "2023-09-01") -> str:
    head = [f"{site}首页 > 新闻中心 > 招商动态", title, f"来源：{site}  时间：{date}  编辑：王明  浏览次数：1024"]
    foot = ["【打印本页】【关闭窗口】【纠错】", "相关新闻", "·热点推荐：今日要闻一览",
            f"版权所有：{site} 备案号：京ICP备12345678号"]
    return "\n".join(head + paras + foot)


def variants(title: str, paras: list[str], rng: random.Random) -> dict[str, str]:
    """Reposts of one story by kind (each a full text: title line, then paragraphs)."""
    site = rng.choice(SITES)
    drop = [p for i, p in enumerate(paras) if i != len(paras) // 2] if len(paras) >= 3 else paras
    out = {
        "script": "\n".join([other_script(title), *map(other_script, paras)]),
        "punctuation": "\n".join([title, *map(repunctuate, paras)]),
        "site_frame": site_frame(title, paras, site),
        "dropped_paragraph": "\n".join([title, *drop]),
        "new_title": "\n".join([f"{site}：{title[:8]}等亮点频现", *paras]),
    }
    out["all"] = site_frame(f"聚焦｜{other_script(title)}", [repunctuate(other_script(p)) for p in drop], site)
    return out


def excerpt(title: str, paras: list[str], share: float = 0.6) -> str:
    """The first paragraphs of a story, about ``share`` of its characters (a repost cut short)."""
    total, kept, n = sum(map(len, paras)), [], 0
    for p in paras:
        if kept and n >= share * total:
            break
        kept.append(p)
        n += len(p)
    return "\n".join([title, *kept])


def quotation(host_title: str, host_paras: list[str], quoted_paras: list[str]) -> str | None:
    """Another story (the host) quoting one paragraph of this one: NOT a repost. The paragraph
    quoted is the one nearest a quarter of the story; None when every paragraph is over 40% of
    it (a story of one or two paragraphs cannot be quoted "in part")."""
    total = sum(map(len, quoted_paras))
    fit = [p for p in quoted_paras if len(p) <= 0.4 * total and len(p) >= 20]
    if not fit:
        return None
    q = min(fit, key=lambda p: abs(len(p) - total / 4))
    mid = len(host_paras) // 2
    return "\n".join([host_title, *host_paras[:mid], f"据报道，“{q}”", *host_paras[mid:]])
