"""Documents per year on a continuous year axis (notebook 00).

A categorical axis (one bar per year that has documents, side by side) hides the years with none:
1960 and 1964 would stand next to each other. Here every year from the first to the last has its
place, and the runs of years without a document are shaded and labelled.
"""
from __future__ import annotations

from zhaoshang.outputs.fonts import use_script_font
from zhaoshang.outputs.narrative import year_gaps
from zhaoshang.outputs.plots.style import finish, say_empty, year_axis


def documents_by_year(per_year, *, script: str = "simplified", title: str | None = None):
    """Bars of documents per year (a :func:`zhaoshang.outputs.timeline.documents_per_year` table:
    year, documents) at their year on a continuous axis; years without a document shaded grey.
    Returns the Figure (assign it: ``fig = ...``)."""
    import matplotlib.pyplot as plt

    use_script_font(script)
    fig, ax = plt.subplots(figsize=(9, 3), dpi=100)
    if not len(per_year):
        say_empty(ax, "no dated documents")
        return fig
    years = [int(y) for y in per_year["year"]]
    counts = [int(n) for n in per_year["documents"]]
    ax.bar(years, counts, width=0.8, color="#4c72b0", label="documents")
    top = max(counts)
    for i, (a, b) in enumerate(year_gaps(years)):
        ax.axvspan(a - 0.5, b + 0.5, color="0.92", zorder=0, label="no document" if i == 0 else None)
    ax.set_ylim(0, top * 1.15 + 0.2)
    year_axis(ax, years[0], years[-1])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel("documents")
    ax.set_xlabel("year (continuous axis; shaded: years without a document)")
    if year_gaps(years):
        ax.legend(frameon=False, fontsize=8, loc="upper left")
    return finish(fig, [ax], title or "Documents per year")
