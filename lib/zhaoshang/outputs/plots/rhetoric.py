"""Charts of the rhetoric tables: the corpus's category profile and who speaks.

Drawing only — the tables they show are computed by
:mod:`zhaoshang.analyses.rhetoric` (:func:`~zhaoshang.analyses.rhetoric.category_profile`,
:func:`~zhaoshang.analyses.rhetoric.voice_shares`,
:func:`~zhaoshang.analyses.rhetoric.voice_categories`). Labels are in English and
Chinese, the Chinese in the corpus's script, drawn with the Noto Sans CJK face for
that script. Each function returns the matplotlib Figure.
"""
from __future__ import annotations

from zhaoshang.analyses.rhetoric import ROLES, Category, categories, category_labels, voice_categories, voice_shares
from zhaoshang.outputs.fonts import use_script_font
from zhaoshang.outputs.plots.style import finish, say_empty, year_axis
from zhaoshang.text.script import to_script

_ROLE_ZH = {"official": "官员", "enterprise": "企业", "other": "其他", "unknown": "未知"}
_COLOURS = {"official": "#4c72b0", "enterprise": "#dd8452", "other": "#55a868", "unknown": "#8c8c8c"}


def _category_labels(cats, script: str, codebook: tuple[Category, ...] | None = None) -> list[str]:
    """The label of each category id in English and Chinese (Industrial chain 产业链招商), the Chinese in ``script``."""
    zh = category_labels(codebook, chinese=True)
    en = category_labels(codebook)
    return [f"{en.get(c, c)} {to_script(zh.get(c, ''), script)}".strip() for c in cats]


def plot_category_profile(profile, *, script: str = "simplified", title: str | None = None,
                          codebook: tuple[Category, ...] | None = None):
    """Bars of a :func:`~zhaoshang.analyses.rhetoric.category_profile`: hits per 10 000
    characters, hits as labels.

    Returns the matplotlib Figure (assign it: ``fig = ...``)."""
    import matplotlib.pyplot as plt

    use_script_font(script)
    p = profile.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.38 * len(p) + 1.4))
    ax.barh(_category_labels(p["category"], script, codebook), p["per_10k"], color="#4c72b0")
    for y, (v, h) in enumerate(zip(p["per_10k"], p["hits"])):
        ax.text(v, y, f" {int(h)}", va="center", fontsize=8)
    ax.set_xlabel("hits per 10,000 characters (bar labels: hits)")
    ax.set_title(title or "Rhetoric categories")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def plot_voice(quotes, *, script: str = "simplified", title: str | None = None,
               codebook: tuple[Category, ...] | None = None):
    """Who speaks: share of quotes and quoted characters by role (left), and the
    categories each voice uses, per 10 000 quoted characters (right).

    Returns the matplotlib Figure (assign it: ``fig = ...``)."""
    import matplotlib.pyplot as plt
    import numpy as np

    use_script_font(script)
    shares = voice_shares(quotes)
    vc = voice_categories(quotes, codebook=codebook)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.6), gridspec_kw={"width_ratios": [2, 3]})
    x = np.arange(len(shares))
    w = 0.38
    ax1.bar(x - w / 2, shares["share_quotes"], w, label="share of quotes", color="#4c72b0")
    ax1.bar(x + w / 2, shares["share_chars"], w, label="share of quoted characters", color="#dd8452")
    ax1.set_xticks(x, [f"{r}\n{to_script(_ROLE_ZH[r], script)}" for r in shares["role"]])
    ax1.set_ylim(0, 1)
    ax1.set_ylabel("share")
    ax1.legend(frameon=False, fontsize=8)
    ax1.set_title("Voice shares of direct quotes")
    cats = categories(codebook)
    roles = [r for r in ROLES if not vc.empty and r in set(vc["role"])]
    y = np.arange(len(cats))
    h = 0.8 / max(len(roles), 1)
    for i, role in enumerate(roles):
        sub = vc[vc["role"] == role].set_index("category").reindex(cats)["per_10k"].fillna(0)
        ax2.barh(y + i * h - 0.4 + h / 2, sub.values, h, color=_COLOURS[role],
                 label=f"{role} {to_script(_ROLE_ZH[role], script)}")
    ax2.set_yticks(y, _category_labels(cats, script, codebook))
    ax2.invert_yaxis()
    ax2.set_xlabel("hits per 10,000 quoted characters")
    ax2.set_title("Categories each voice uses")
    if roles:
        ax2.legend(frameon=False, fontsize=8, loc="lower right")
    return finish(fig, (ax1, ax2), title)


def plot_category_shares_by_year(shares, *, script: str = "simplified", title: str | None = None,
                                 codebook: tuple[Category, ...] | None = None):
    """Each year's rhetoric hits split by category (a
    :func:`zhaoshang.research.category_shares` table: year, category, share), as
    stacked bars at their year on a continuous axis: years without documents stay empty, and a year
    whose documents have no hit at all has no bar. Returns the Figure."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    use_script_font(script)
    fig, ax = plt.subplots(figsize=(11, 4.6), dpi=100)
    if not len(shares):
        say_empty(ax, "no dated documents with rhetoric")
        return fig
    cats = [c for c in categories(codebook) if c in set(shares["category"])]
    cats += [c for c in dict.fromkeys(shares["category"]) if c not in cats]
    years = sorted({int(y) for y in shares["year"]})
    table = shares.pivot(index="year", columns="category", values="share").reindex(index=years, columns=cats).fillna(0)
    cmap = mpl.colormaps["tab10"] if len(cats) <= 10 else mpl.colormaps["tab20"]
    bottom = [0.0] * len(years)
    for i, (c, label) in enumerate(zip(cats, _category_labels(cats, script, codebook))):
        vals = table[c].tolist()
        ax.bar(years, vals, width=0.85, bottom=bottom, color=cmap(i % cmap.N), label=label)
        bottom = [b + v for b, v in zip(bottom, vals)]
    year_axis(ax, years[0], years[-1])
    ax.set_ylim(0, 1)
    ax.set_ylabel("share of the year's rhetoric hits")
    ax.set_xlabel("year (continuous axis; no bar: no documents that year)")
    ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    return finish(fig, [ax], title or "Rhetoric categories per year (shares of hits)")
