"""Term intensity per province on a tile-grid map of China (notebook 02).

One square per province-level division, placed at its approximate position
(``resources/gazetteer/tiles.tsv``), so a map needs no boundary files and looks the same offline.
Provinces without documents are drawn as outlines, so "no data" never reads as "zero".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from zhaoshang import resources
from zhaoshang.outputs.fonts import use_script_font
from zhaoshang.text.script import to_script

TILES = resources.DISPLAY_FILES[0]


@dataclass(frozen=True)
class Tile:
    """A province's square: gazetteer code, full and short name, grid row (0 = north) and column (0 = west)."""

    code: str
    name: str
    short: str
    row: int
    col: int


@lru_cache(maxsize=1)
def tiles() -> tuple[Tile, ...]:
    """Every province's tile, in the file's order; a malformed file raises ResourceError."""
    lines = resources.data_lines(TILES)
    header, rows = lines[0].split("\t"), lines[1:]
    if header != ["code", "name", "short", "row", "col"]:
        raise resources.ResourceError(f"zhaoshang resource malformed: {resources.location(TILES)}: header {header}")
    out = []
    for ln in rows:
        code, name, short, row, col = ln.split("\t")
        out.append(Tile(code, name, short, int(row), int(col)))
    return tuple(out)


def tile_for(province: str) -> Tile | None:
    """The tile of ``province`` given by full name, short name or code (either script), else None."""
    from zhaoshang.text.script import to_simplified

    key = to_simplified(str(province)).strip()
    for t in tiles():
        if key in (t.name, t.short, t.code):
            return t
    return None


def province_map(intensity, *, value: str = "per_10k", script: str = "simplified", title: str | None = None,
                 label: str = "occurrences per 10,000 characters"):
    """Tiles coloured by ``value`` per province (a :func:`zhaoshang.outputs.timeline.province_intensity`
    table: province, documents, <value>); provinces absent from the table are outlines. Returns the Figure."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    use_script_font(script)
    values = {}
    for p, v in zip(intensity["province"], intensity[value]):
        t = tile_for(p)
        if t is not None:
            values[t.code] = float(v)
    ts = tiles()
    n_rows, n_cols = max(t.row for t in ts) + 1, max(t.col for t in ts) + 1
    fig, ax = plt.subplots(figsize=(0.8 * n_cols + 1.6, 0.8 * n_rows + 0.6), dpi=100)
    top = max(values.values(), default=0.0) or 1.0
    norm = mpl.colors.Normalize(vmin=0, vmax=top)
    cmap = mpl.colormaps["Blues"]
    for t in ts:
        x, y = t.col, n_rows - 1 - t.row
        v = values.get(t.code)
        face = cmap(0.15 + 0.85 * norm(v)) if v is not None else "white"
        ax.add_patch(Rectangle((x + 0.04, y + 0.04), 0.92, 0.92, facecolor=face,
                               edgecolor="#2b4c7e" if v is not None else "0.75", linewidth=1))
        dark = v is not None and norm(v) > 0.55
        ax.text(x + 0.5, y + 0.58, to_script(t.short, script), ha="center", va="center", fontsize=8,
                color="white" if dark else "#222")
        if v is not None:
            ax.text(x + 0.5, y + 0.28, f"{v:.1f}", ha="center", va="center", fontsize=7,
                    color="white" if dark else "#222")
    ax.set_xlim(0, n_cols)
    ax.set_ylim(0, n_rows)
    ax.set_aspect("equal")
    ax.set_axis_off()
    sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
    fig.colorbar(sm, ax=ax, fraction=0.03, pad=0.02, label=label)
    ax.set_title(title or "Term intensity per province (outlined: no documents)")
    fig.tight_layout()
    return fig
