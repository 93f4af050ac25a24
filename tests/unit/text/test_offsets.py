"""Provenance: every figure, quote and slogan can be found in the raw file on disk."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zhaoshang import paths
from zhaoshang.corpus import run
from zhaoshang.stages.clean import INVISIBLE, LINE_SPACE, clean
from zhaoshang.stages.ingest import read_source
from zhaoshang.stages.repair import repair
from zhaoshang.text.offsets import RawMapper, Traced

PINYIN = re.compile(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def test_traced_operations_keep_sources():
    t = Traced.whole("  產業\u200b鏈招商  ", 100).remove(INVISIBLE).strip(LINE_SPACE)
    assert t.text == "產業鏈招商"
    assert t.segs == ((0, 102, 2), (2, 105, 3))
    joined = Traced.join("\n", [t, Traced.whole("營商", 200)])
    assert joined.text == "產業鏈招商\n營商" and joined.segs[-1] == (6, 200, 2)
    assert (Traced.whole("ab", 0) + Traced.whole("cd", 2)).segs == ((0, 0, 4),)  # contiguous runs merge


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("招商引资 \u3000\t\n\u200b\x07甲乙。")), max_size=80))
def test_cleaned_body_is_made_of_source_runs(text):
    c = clean(text)
    for pos, src, length in c.body_map:
        assert c.body[pos:pos + length] == text[src:src + length]
    assert sum(length for *_, length in c.body_map) + c.body.count("\n") >= len(c.body)


@pytest.fixture(scope="module")
def sample():
    raw = next(iter(read_source(paths.SAMPLE_ARTICLE))).raw_text
    return raw, run(paths.SAMPLE_ARTICLE)


def test_figures_and_slogans_found_in_raw_file(sample):
    raw, t = sample
    assert len(t.figures) >= 11
    for r in t.figures.itertuples():
        # the raw stretch repairs to exactly the figure: e.g. 61個(gè) → 61個
        assert repair(raw[r.raw_start:r.raw_end]).text == r.text
    ok = 0
    for r in t.slogans.itertuples():
        if "\ufffd" in r.slogan:
            continue  # the one unrecoverable character: its raw stretch is the whole damaged span
        assert repair(raw[r.raw_start:r.raw_end]).text == r.slogan, r.slogan
        ok += 1
    assert ok >= 14


def test_quotes_found_in_raw_file(sample):
    raw, t = sample
    by = {r.speaker: raw[r.raw_start:r.raw_end] for r in t.quotes.itertuples()}
    # hand-checked against the file: pinyin readings inside, nothing else
    # the quote ends on its 。, which the mojibake repair wrote: its raw span takes the whole damaged stretch
    assert PINYIN.sub("", by["陳衛健"]) == ("定陶區在稅收等方面給予我們優惠,還成立專班參與全流程服務,讓我們非常有信心在這長遠發展"
                                            "?!奔螡呻娮有虏牧嫌邢薰\ue088径\ue143麻L")
    assert by["翟明剛"].startswith("在科學(xué)城內(nèi),僅國(guó)家‘小巨人’")
    # a quote that opens inside a mojibake span starts at that span's raw start
    assert by["孫業"].startswith("?!巴ㄟ^產(chǎn)業(yè)鏈招商")


def test_mapper_without_repairs_is_identity_through_cleaning():
    text = "標題\n\n  第一段有“口號”。\n版權所有：某網\n第二段。"
    c = clean(text)
    m = RawMapper(c.body_map, ())
    i = c.body.index("口號")
    a, b = m.span(i, i + 2)
    assert text[a:b] == "口號"
    j = c.body.index("第二段")
    assert text[slice(*m.span(j, j + 3))] == "第二段"
