"""Chart of investment totals by place (notebook 03).

:func:`plot_totals_by_place` draws the rows of :func:`zhaoshang.analyses.figures.totals_by_place`
as horizontal bars, showing what is certain (the solid bar), floors (an open-ended arrow) and
approximations (hatched) differently, so a chart never reads a floor as an exact total.
"""
from __future__ import annotations

from decimal import Decimal

from zhaoshang.outputs.fonts import use_script_font
from zhaoshang.text.script import to_script


def _short_period(period) -> str | None:
    """2023-01-01..2023-06-30 → 2023-01–06; 2015-01-01..2015-12-31 → 2015; undated: 2016 → 2016 (undated)."""
    if not isinstance(period, str) or not period:
        return None
    if period.startswith("undated: "):
        return f"{period[len('undated: '):]} (undated)"
    a, _, b = period.partition("..")
    if a[5:] == "01-01" and b[5:] == "12-31":
        return a[:4] if a[:4] == b[:4] else f"{a[:4]}–{b[:4]}"
    if a[:4] == b[:4]:
        return f"{a[:7]}–{b[5:7]}"
    return f"{a[:7]}–{b[:7]}"


def plot_totals_by_place(totals, *, unit: str = "亿元", scale: int = 10**8, script: str = "simplified",
                         title: str | None = None, top: int = 20):
    """Horizontal bars of :func:`~zhaoshang.analyses.figures.totals_by_place`: the solid bar is what is certain (``low``); a
    floor (≥) gets an open-ended arrow, an approximation (≈) a hatched bar. Each bar is labelled
    with its place (and prefecture), metric family and period. Returns the Figure."""
    import matplotlib.pyplot as plt

    use_script_font(script)
    t = totals.head(top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(t) + 1.4), dpi=100)
    ys = range(len(t))
    vals = [float(Decimal(int(v)) / scale) for v in t["low"]]
    span = max(vals + [1e-9])
    for y, v, bound in zip(ys, vals, t["bound"]):
        ax.barh(y, v, color="#4c72b0" if bound == "=" else "#8fa9d6",
                hatch="//" if bound == "≈" else None, edgecolor="#2b4c7e")
        label = f"{bound if bound != '=' else ''}{v:,.4g} {unit}"
        x = v + 0.015 * span
        if bound == "≥":
            ax.annotate("", xy=(v + 0.07 * span, y), xytext=(v, y),
                        arrowprops={"arrowstyle": "->", "color": "#2b4c7e"})
            x = v + 0.085 * span
        ax.text(x, y, to_script(label, script), va="center", fontsize=9)
    ax.set_yticks(list(ys))
    fams = t["family"] if "family" in t else [None] * len(t)
    pers = t["period"] if "period" in t else [None] * len(t)
    names = [f"{p}" + (f"（{pp.split(' > ')[0]}）" if isinstance(pp, str) and pp else "")
             + "".join(f" · {x}" for x in (fam, _short_period(per)) if isinstance(x, str) and x)
             for p, pp, fam, per in zip(t["place"], t["place_parents"], fams, pers)]
    names = [to_script(n, script) for n in names]
    ax.set_yticklabels(names)
    ax.set_xlim(0, span * 1.25)
    ax.set_xlabel(to_script(unit, script))
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(to_script(title, script))
    fig.tight_layout()
    return fig


def plot_figures_by_year(figures, *, top: int = 8, script: str = "simplified", title: str | None = None):
    """How many figures each year reports, per metric family: a grid of years (continuous, every year
    from the first to the last; blank = no figure that year) by the ``top`` most frequent families.

    It counts figures, not money: amounts of different families, periods and bases do not add up.
    Needs the figures table's ``family`` and ``year`` columns. Returns the Figure."""
    import matplotlib.pyplot as plt
    import numpy as np

    use_script_font(script)
    import pandas as pd

    f = figures.assign(year=pd.to_numeric(figures["year"], errors="coerce")).dropna(subset=["family", "year"])
    fams = (f.groupby("family").size().reset_index(name="n")
            .sort_values(["n", "family"], ascending=[False, True])["family"].head(top).tolist())
    f = f[f["family"].isin(fams)]
    years = [int(y) for y in f["year"]]
    first, last = (min(years), max(years)) if years else (0, 0)
    grid = np.full((len(fams), last - first + 1), np.nan)
    for (fam, y), n in f.groupby(["family", f["year"].astype(int)]).size().items():
        grid[fams.index(fam), y - first] = n
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(fams) + 1.8), dpi=100)
    import matplotlib as mpl

    cmap = mpl.colors.ListedColormap(mpl.colormaps["Blues"](np.linspace(0.3, 1.0, 128)))  # 1 figure is visible, not white
    im = ax.imshow(grid, aspect="auto", cmap=cmap, vmin=0.5, interpolation="nearest",
                   extent=(first - 0.5, last + 0.5, len(fams) - 0.5, -0.5))
    ax.set_yticks(range(len(fams)), [to_script(str(x), script) for x in fams])
    from zhaoshang.outputs.plots.style import year_axis

    year_axis(ax, first, last)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.set_xlabel("year of the figure (blank: none reported)")
    fig.colorbar(im, ax=ax, fraction=0.025, pad=0.01, label="figures")
    ax.set_title(to_script(title, script) if title else "Figures per year and metric family (a count of figures, not a sum)")
    fig.tight_layout()
    return fig
