"""Sentences: the one splitter (zhaoshang.text.sentences) on hand-made edge cases.

Offsets in the comments count characters from 0; every expected value is worked out by hand.
"""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang.text.sentences import SPACE, split


def texts(text: str, **kw) -> list[str]:
    return [text[a:b] for a, b in split(text, **kw)]


# ----------------------------------------------------------------- ends of sentence


def test_closing_quote_after_the_end_belongs_to_the_sentence():
    t = "他说：“好。”然后走了。"  # 。 at 5, ” at 6, 然 at 7, final 。 at 11
    assert split(t).spans() == [(0, 7), (7, 12)]
    assert texts(t) == ["他说：“好。”", "然后走了。"]


def test_a_run_of_ends_and_closers_ends_one_sentence():
    # ？ 3, ！ 4, ” 5, ’ 6 all belong to the first sentence
    assert split("真的吗？！”’下一句").spans() == [(0, 7), (7, 10)]
    # …… is two characters, one end: 等等…… | 然后
    assert split("等等……然后").spans() == [(0, 4), (4, 6)]
    # a straight quote after the end is taken as closing
    assert texts('他走了。"我来了。"她说。') == ['他走了。"', '我来了。"', "她说。"]


def test_every_end_character():
    assert texts("甲。乙！丙？丁!戊?己…") == ["甲。", "乙！", "丙？", "丁!", "戊?", "己…"]


# ----------------------------------------------------------------- quotation-aware


def test_ends_inside_quotation_marks_do_not_split_with_the_quoted_option():
    t = "他说：“好。很好。”然后走了。"  # “ 3, 。 5 and 8 inside, ” 9, final 。 14
    assert split(t, quoted=[(3, 10)]).spans() == [(0, 15)]
    # without it, each 。 ends a sentence and the ” goes with the second one
    assert split(t).spans() == [(0, 6), (6, 10), (10, 15)]


def test_an_opening_mark_inside_a_quoted_range_is_not_taken_as_a_closer():
    t = '他走了。"我来了。"她说。'  # 。 3, " 4 opens the quotation (4, 10), 。 8 inside, final 。 12
    assert split(t, quoted=[(4, 10)]).spans() == [(0, 4), (4, 13)]
    assert split(t).spans() == [(0, 5), (5, 10), (10, 13)]


def test_line_breaks_inside_a_quoted_range_do_not_split():
    t = "“第一段。\n“第二段。”他说。"  # the quotation over two paragraphs is (0, 12); \n at 5
    assert split(t, quoted=[(0, 12)]).with_paragraphs() == [(0, 15, 0)]
    assert split(t).with_paragraphs() == [(0, 5, 0), (6, 12, 1), (12, 15, 1)]


# ----------------------------------------------------------------- line breaks


def test_a_line_break_ends_a_sentence_and_a_paragraph():
    t = "第一行\n第二行。"  # \n at 3
    assert split(t).with_paragraphs() == [(0, 3, 0), (4, 8, 1)]
    # a blank line, or \r\n, is one paragraph break
    assert split("甲\n\n乙").with_paragraphs() == [(0, 1, 0), (3, 4, 1)]
    assert split("甲。\r\n乙").with_paragraphs() == [(0, 2, 0), (4, 5, 1)]


def test_wrapped_lines_keep_a_sentence_over_a_line_break():
    # no final punctuation before the break, next line not indented: the line is wrapped
    assert split("第一行\n第二行。", wrapped_lines=True).with_paragraphs() == [(0, 8, 0)]
    # after final punctuation the break ends the paragraph (。 at 3, \n at 4)
    assert split("第一行。\n第二行", wrapped_lines=True).with_paragraphs() == [(0, 4, 0), (5, 8, 1)]
    assert split("第一行：\n第二行", wrapped_lines=True).with_paragraphs() == [(0, 4, 0), (5, 8, 1)]
    # before an indented line (\n 3, two full-width spaces 4-5) and at a blank line
    assert split("第一行\n\u3000\u3000第二行", wrapped_lines=True).with_paragraphs() == [(0, 3, 0), (6, 9, 1)]
    assert split("甲\n\n乙", wrapped_lines=True).with_paragraphs() == [(0, 1, 0), (3, 4, 1)]
    # a break at the start or the end of the text
    assert split("\n甲", wrapped_lines=True).with_paragraphs() == [(1, 2, 1)]
    assert split("甲\n", wrapped_lines=True).with_paragraphs() == [(0, 1, 0)]


# ----------------------------------------------------------------- spaces, nothing, everything


def test_leading_full_width_spaces_are_not_part_of_the_sentence():
    t = "\u3000\u3000招商引资。\u3000\u3000项目落地。"  # 招 2, 。 6, 项 9, 。 13
    assert split(t).spans() == [(2, 7), (9, 14)]
    assert texts("\ufeff 甲。\u200b") == ["甲。"]


def test_text_with_no_end_of_sentence_is_one_sentence():
    t = "招商引资项目落地"
    s = split(t)
    assert s.spans() == [(0, 8)]
    assert s.sentence_at(5) == (0, 8) and s.around(2, 4) == (0, 8)


def test_empty_text_and_spaces_only_have_no_sentence():
    for t in ("", " \u3000\n\t", "\n\n"):
        s = split(t)
        assert len(s) == 0 and s.spans() == [] and s.sentence_at(0) is None
    assert split("").around(0, 0) == (0, 0)


# ----------------------------------------------------------------- lookups


def test_lookups():
    t = "甲乙。 丙丁。"  # 。 2, space 3, 丙 4, 。 6
    s = split(t)
    assert s.spans() == [(0, 3), (4, 7)]
    assert s[1] == (4, 7) and list(s) == [(0, 3), (4, 7)]
    assert s.sentence_at(0) == (0, 3) and s.sentence_at(2) == (0, 3)
    assert s.sentence_at(3) is None and s.index_at(3) is None  # the space between sentences
    assert s.index_at(5) == 1 and s.sentence_at(7) is None  # past the end
    assert s.around(1, 2) == (0, 3)
    assert s.around(1, 5) == (0, 7)  # a span over an end: both sentences
    assert s.between(3, 7) == [(4, 7)] and s.between(0, 7) == [(0, 3), (4, 7)]


def test_long_text_without_ends_is_split_once():
    t = "招商引资项目落地" * 50_000  # 400 000 characters, one sentence
    t0 = time.perf_counter()
    s = split(t)
    hits = [s.around(i, i + 2) for i in range(0, len(t), 8)]
    assert s.spans() == [(0, len(t))] and hits[-1] == (0, len(t))
    assert time.perf_counter() - t0 < 5  # a per-hit rescan would take minutes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("甲乙。！…”」\"“ \u3000\n\r")), max_size=40), st.booleans())
def test_sentences_cover_every_visible_character_once(text, wrapped):
    s = split(text, wrapped_lines=wrapped)
    prev_end = 0
    for a, b in s:
        assert prev_end <= a < b  # sorted, not overlapping, not empty
        assert text[a] not in SPACE and text[b - 1] not in SPACE  # trimmed
        prev_end = b
    for i, ch in enumerate(text):
        assert (s.sentence_at(i) is not None) or ch in SPACE


def test_a_tab_after_an_end_of_sentence_ends_the_paragraph():
    text = "甲公司：投资额为3亿元。\t乙公司：投资额为2亿元。该公司生产眼镜。\n丙公司。"
    got = [(text[a:b], p) for a, b, p in split(text).with_paragraphs()]
    assert [p for _s, p in got] == [0, 1, 1, 2]
    assert got[1][0] == "乙公司：投资额为2亿元。"
    # a tab inside a sentence is a space, not a break
    assert len(split("投资额\t为3亿元。").with_paragraphs()) == 1
