"""A CJK font that works on a machine with no CJK fonts installed.

The font comes from PyPI (``noto-cjk-sans-otc``, OFL): a TrueType collection
whose face 0 is the *Japanese* design. Pillow, wordcloud and matplotlib all
take face 0 of a .ttc, so we pick the Simplified (SC) or Traditional (TC) face
by its name and write it once as a standalone .otf into a cache folder, which
every library then loads as an ordinary font file.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_FACES = {"sc": "Noto Sans CJK SC", "tc": "Noto Sans CJK TC"}


def _collection_path() -> Path:
    import noto_cjk_sans_otc

    return Path(str(noto_cjk_sans_otc.FONT_PATH))


def _cache_dir() -> Path:
    base = os.environ.get("ZHAOSHANG_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    d = Path(base) / "zhaoshang" / "fonts"
    d.mkdir(parents=True, exist_ok=True)
    return d


def face_for_script(script: str) -> str:
    """'tc' for Traditional text, 'sc' for everything else."""
    return "tc" if script == "traditional" else "sc"


@lru_cache(maxsize=None)
def font_path(face: str = "sc") -> Path:
    """Path of a standalone .otf of the requested face ('sc' or 'tc')."""
    if face not in _FACES:
        raise ValueError(f"unknown face {face!r}; use one of {sorted(_FACES)}")
    target = _cache_dir() / f"NotoSansCJK-{face.upper()}-Regular.otf"
    if not target.exists():
        from fontTools.ttLib import TTCollection

        wanted = _FACES[face]
        for font in TTCollection(str(_collection_path())).fonts:
            if font["name"].getDebugName(4) == wanted:
                tmp = target.with_suffix(f".{os.getpid()}.tmp")
                font.save(str(tmp))
                os.replace(tmp, target)  # atomic: parallel workers never see half a file
                break
        else:  # pragma: no cover - the package layout changed
            raise RuntimeError(f"face {wanted!r} not found in {_collection_path()}")
    return target


@lru_cache(maxsize=None)
def use_cjk_font(face: str = "sc") -> str:
    """Register the face with matplotlib and make it the default sans-serif.

    Returns the family name. Call before plotting Chinese."""
    import matplotlib as mpl
    from matplotlib import font_manager

    path = font_path(face)
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False
    return name
