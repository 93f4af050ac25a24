"""Charts over time and place: a continuous year axis with gaps, no line across a gap, real CJK glyphs."""
from __future__ import annotations

import io
import math
import warnings

import pandas as pd
import pytest
from zhaoshang.outputs.plots.figures import plot_figures_by_year
from zhaoshang.outputs.plots.rhetoric import plot_category_shares_by_year
from zhaoshang.outputs.plots.terms import keyness_chart, terms_over_time
from zhaoshang.outputs.plots.tilemap import province_map
from zhaoshang.outputs.plots.years import documents_by_year


def _png(fig) -> bytes:
    """The figure drawn (so every glyph is looked up) with warnings as errors: a missing glyph fails."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def test_documents_by_year_keeps_the_gap_years_on_the_axis():
    per_year = pd.DataFrame({"year": [1958, 1959, 1960, 1964, 1975], "documents": [1, 1, 2, 1, 1]})
    fig = documents_by_year(per_year)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0 and p.get_width() < 1]
    assert sorted(round(b.get_x() + b.get_width() / 2) for b in bars) == [1958, 1959, 1960, 1964, 1975]
    lo, hi = ax.get_xlim()
    assert lo < 1958 and hi > 1975  # a continuous axis: 1961–1963 and 1965–1974 have their place
    assert abs((hi - lo) - (1975 - 1958)) < 3
    _png(fig)


def test_terms_over_time_are_small_multiples_broken_at_missing_years():
    freq = pd.DataFrame({"year": [2013, 2014, 2016] * 2, "term": ["营商环境"] * 3 + ["招商引资"] * 3,
                         "per_10k": [0.0, 0.6, 1.9, 0.2, 0.0, 0.5], "count": [0, 1, 4, 1, 0, 2]})
    fig = terms_over_time(freq, script="traditional")
    panels = [a for a in fig.axes if a.get_title(loc="left")]
    assert [a.get_title(loc="left") for a in panels] == ["營商環境", "招商引資"]  # one panel per term, in its script
    line = panels[0].lines[0]
    xs, ys = list(line.get_xdata()), list(line.get_ydata())
    assert xs == [2013, 2014, 2015, 2016]
    assert ys[:2] == [0.0, 0.6] and math.isnan(ys[2]) and ys[3] == 1.9  # 2015: no documents, no line drawn
    _png(fig)


def test_category_shares_stack_to_one_at_their_years():
    shares = pd.DataFrame({"year": [1954, 1954, 2024, 2024], "category": ["campaign_targets", "innovation"] * 2,
                           "share": [0.9, 0.1, 0.3, 0.7]})
    fig = plot_category_shares_by_year(shares)
    ax = fig.axes[0]
    tops = {}
    for p in ax.patches:
        x = round(p.get_x() + p.get_width() / 2)
        tops[x] = max(tops.get(x, 0), p.get_y() + p.get_height())
    assert tops == {1954: pytest.approx(1.0), 2024: pytest.approx(1.0)}
    assert ax.get_xlim()[1] - ax.get_xlim()[0] > 70  # years between are on the axis, empty
    _png(fig)


def test_keyness_chart_says_what_it_ranks_and_what_it_plots():
    kw = pd.DataFrame({"word": ["招商引资", "营商环境"], "ll": [120.0, 80.0], "log_ratio": [9.5, 11.2]})
    fig = keyness_chart(kw)
    ax = fig.axes[0]
    assert "G²" in ax.get_title() and "Log Ratio" in ax.get_title() and "Log Ratio" in ax.get_xlabel()
    assert [p.get_width() for p in ax.patches] == [11.2, 9.5]  # bars are log-ratio, not ll
    _png(fig)


def test_figures_by_year_counts_figures_per_family_and_year():
    f = pd.DataFrame({"family": ["投资", "投资", "签约投资", None], "year": [2001, 2001, 2005, 2003]})
    fig = plot_figures_by_year(f)
    grid = fig.axes[0].images[0].get_array()
    assert grid.shape == (2, 5)  # two families × 2001..2005
    assert grid[0, 0] == 2 and grid[1, 4] == 1 and grid.mask[0, 2]  # 2003: none of these families
    _png(fig)


def test_province_map_draws_every_tile_and_is_deterministic():
    t = pd.DataFrame({"province": ["山东省", "廣東省"], "documents": [3, 1], "per_10k": [2.0, 1.0]})
    a, b = _png(province_map(t, script="traditional")), _png(province_map(t, script="traditional"))
    assert a == b
    fig = province_map(t)
    texts = {x.get_text() for x in fig.axes[0].texts}
    assert {"山东", "广东", "新疆", "黑龙江", "海南"} <= texts and "2.0" in texts
