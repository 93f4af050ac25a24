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
    from zhaoshang.paths import cache_dir

    d = cache_dir("fonts")
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
        collection = TTCollection(str(_collection_path()))
        try:
            for font in collection.fonts:
                if font["name"].getDebugName(4) == wanted:
                    tmp = target.with_suffix(f".{os.getpid()}.tmp")
                    font.save(str(tmp))
                    os.replace(tmp, target)  # atomic: parallel workers never see half a file
                    break
            else:  # the font package's layout changed: a broken installation, not bad input
                from zhaoshang.resources import ResourceError

                raise ResourceError(f"face {wanted!r} not found in {_collection_path()}")
        finally:
            collection.close()
    return target


@lru_cache(maxsize=None)
def _register(face: str) -> str:
    """Add the face to matplotlib's font list once; returns its family name."""
    from matplotlib import font_manager

    path = font_path(face)
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def use_cjk_font(face: str = "sc") -> str:
    """Make the face matplotlib's default sans-serif (registering it once).

    Returns the family name. Call before plotting Chinese; calling it again
    with another face switches faces."""
    import matplotlib as mpl

    name = _register(face)
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False
    return name


def use_script_font(script: str) -> str:
    """Draw with the face that renders ``script`` (traditional → TC, else SC); returns its family.

    Every chart calls this before drawing, so the face follows the script even
    when another one was chosen earlier in the session."""
    return use_cjk_font(face_for_script(script))


def subset_font(text: str, face: str = "sc") -> bytes:
    """The face cut down to the characters of ``text`` (an OpenType font, as bytes)."""
    import io

    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(font_path(face)), options)
    try:
        sub = subset.Subsetter(options)
        sub.populate(text="".join(sorted(set(text))))
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
    finally:
        font.close()  # the font file stays open until closed (a ResourceWarning otherwise)
    return buf.getvalue()


def css_font_face(text: str, face: str = "sc", family: str = "ZhaoshangCJK") -> str:
    """A CSS @font-face rule embedding just the glyphs ``text`` needs.

    Reports are read on machines with no CJK font (and mailed as files), so the
    HTML carries its own font: a subset of Noto Sans CJK, base64 in a data URI,
    typically a few hundred kilobytes for an article-sized page."""
    import base64

    data = base64.b64encode(subset_font(text, face)).decode("ascii")
    return (f"@font-face{{font-family:'{family}';src:url(data:font/otf;base64,{data}) format('opentype');}}"
            f"body,.jp-RenderedHTMLCommon,.jp-OutputArea-output,pre,code,table{{font-family:'{family}',"
            f"system-ui,-apple-system,'Segoe UI',sans-serif !important;}}")
