"""voice_shares: who speaks in the quotations, counted from quotes.csv (checked by hand)."""
from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
from zhaoshang import paths
from zhaoshang.corpus import analyze
from zhaoshang.outputs.overview import voice_shares


def _tables(rows):
    return SimpleNamespace(quotes=pd.DataFrame(rows, columns=["doc_id", "speaker", "role"]))


def test_shares_counts_and_sentence_by_hand():
    t = _tables([("a", "张明", "official"), ("a", "张明", "official"), ("b", "李华", "enterprise"),
                 ("b", None, "unknown")])
    table, sentence = voice_shares(t)
    assert list(table["role"]) == ["official", "enterprise", "other", "unknown"]
    assert list(table["quotes"]) == [2, 1, 0, 1]
    assert list(table["share"]) == [0.5, 0.25, 0.0, 0.25]
    assert list(table["documents"]) == [1, 1, 0, 1]
    assert list(table["speakers"]) == [1, 1, 0, 0]
    assert sentence.startswith("Of 4 direct quotations in 2 documents, official voices speak most (2, 50%)")
    assert "enterprises 25%" in sentence and "unattributed 25%" in sentence


def test_no_quotations_and_only_unknown_speakers():
    table, sentence = voice_shares(_tables([]))
    assert list(table["quotes"]) == [0, 0, 0, 0] and "No direct quotations" in sentence
    _, sentence = voice_shares(_tables([("a", None, "unknown")]))
    assert "none could be given a role" in sentence


def test_sample_article():
    # the sample: five quotations by enterprise people, one by the county's official (see test_overview)
    table, sentence = voice_shares(analyze(paths.RAW, cache=False))
    assert dict(zip(table["role"], table["quotes"])) == {"official": 1, "enterprise": 5, "other": 0, "unknown": 0}
    assert "enterprise voices speak most (5, 83%)" in sentence
