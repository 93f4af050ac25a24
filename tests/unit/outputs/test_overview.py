"""The overview agrees with the tables it summarises (sample article, checked by hand)."""
from __future__ import annotations

import pytest
from zhaoshang import paths
from zhaoshang.corpus import analyze
from zhaoshang.outputs.display import corpus_summary
from zhaoshang.outputs.overview import documents_by, headline


@pytest.fixture(scope="module")
def tables():
    return analyze(paths.RAW, cache=False)


def test_summary_of_the_sample(tables):
    s = corpus_summary(tables)["value"]
    assert s["documents"] == "1" and s["rejected inputs (errors.csv)"] == "0"
    assert s["scripts"] == "traditional 1" and s["encodings"] == "utf-8 1"
    assert s["years covered"] == "2023–2023"


def test_headline_numbers(tables):
    h = dict(zip(headline(tables)["measure"], headline(tables)["value"]))
    assert "招商引資 8" in h["most frequent lexicon terms"]
    assert h["direct quotes by role"] == "enterprise 5、official 1"
    assert h["amounts / counts reported"].startswith("5 /")  # 298億, 58億, 10億 ×2, 189.4億
    assert h["largest investment totals (place, kind, period; CNY 亿)"].startswith("魯西新區 签约投资 2023-01-01..2023-06-30 298.0")


def test_documents_by(tables):
    by = documents_by(tables, "site")
    assert list(by["site"]) == ["中國產業經濟信息網"] and list(by["documents"]) == [1]


def test_the_reposts_sentence_of_a_corpus_without_copies_counts_its_documents():
    from types import SimpleNamespace

    import pandas as pd
    from zhaoshang.outputs.overview import reposts_summary

    def tables(n):
        docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "cluster_id": [f"d{i}" for i in range(n)],
                             "canonical": [True] * n})
        return SimpleNamespace(documents=docs, reposts=pd.DataFrame(columns=["doc_id", "cluster_id"]))

    assert reposts_summary(tables(1))[1] == "The corpus is one document: there is no copy to fold."
    assert reposts_summary(tables(3))[1] == "No repost found: all 3 documents are distinct stories."
    assert reposts_summary(tables(0))[0].empty
