"""The finishing touches every chart of the package shares."""
from __future__ import annotations


def finish(fig, axes, title: str | None = None):
    """Open frames (no top and right spines) on ``axes``, ``title`` over the figure, a tight layout.

    Returns ``fig``, so a chart function can end with ``return finish(fig, axes, title)``."""
    for ax in axes:
        ax.spines[["top", "right"]].set_visible(False)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def year_series(years, values, *, first: int | None = None, last: int | None = None):
    """``values`` on every year from ``first`` to ``last`` (default: the years' own range), NaN for
    the years absent from ``years``: matplotlib breaks a line at NaN, so a line never joins two
    years across a gap with no documents. Returns (years as a list of ints, values as floats)."""
    import math

    got = {int(y): float(v) for y, v in zip(years, values)}
    if not got:
        return [], []
    a = min(got) if first is None else first
    b = max(got) if last is None else last
    span = list(range(a, b + 1))
    return span, [got.get(y, math.nan) for y in span]


def year_axis(ax, first: int, last: int) -> None:
    """A continuous year axis over first..last: ticks every 1, 2, 5 or 10 years by the span, integers only."""
    from matplotlib.ticker import MaxNLocator

    ax.set_xlim(first - 0.8, last + 0.8)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=10, integer=True, steps=[1, 2, 5, 10]))


def say_empty(ax, message: str) -> None:
    """An axes with nothing to draw says so in its middle, without axes or ticks."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
