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
