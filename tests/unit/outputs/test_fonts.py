"""The CJK font: the right face of the collection, and a subset that carries the glyphs."""
from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from zhaoshang.outputs.fonts import css_font_face, face_for_script, font_path, subset_font


def test_faces_are_the_chinese_ones():
    for face, name in (("sc", "Noto Sans CJK SC"), ("tc", "Noto Sans CJK TC")):
        font = TTFont(str(font_path(face)))
        assert font["name"].getDebugName(4) == name  # not face 0 of the .ttc (Japanese)
    assert face_for_script("traditional") == "tc" and face_for_script("mixed") == "sc"


def test_subset_has_exactly_the_needed_glyphs():
    font = TTFont(io.BytesIO(subset_font("招商引资營商環境", "sc")))
    cmap = font.getBestCmap()
    for ch in "招商引资營商環境":
        assert ord(ch) in cmap
    assert ord("鏈") not in cmap
    assert len(cmap) < 50


def test_css_embeds_a_data_uri():
    css = css_font_face("產業鏈", "tc")
    assert css.startswith("@font-face") and "data:font/otf;base64," in css


def test_switching_faces_back_and_forth():
    import matplotlib as mpl
    from zhaoshang.outputs.fonts import use_cjk_font

    assert use_cjk_font("sc") == "Noto Sans CJK SC"
    assert use_cjk_font("tc") == "Noto Sans CJK TC"
    use_cjk_font("sc")
    assert mpl.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
