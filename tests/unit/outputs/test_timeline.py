"""Time and place tables of the report, on small hand-computed examples."""
from __future__ import annotations

import pandas as pd
import pytest
from zhaoshang.outputs.timeline import (
    documents_per_year,
    province_intensity,
)


@pytest.fixture
def documents():
    return pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "year": [2001, 2001, 2003, None],
                         "n_chars": [10_000, 30_000, 20_000, 5_000],
                         "province": ["山东省", "山东省", "廣東省", None]})


def test_documents_per_year_leaves_out_undated_documents(documents):
    t = documents_per_year(documents)
    assert t.to_dict("list") == {"year": [2001, 2003], "documents": [2, 1], "characters": [40_000, 20_000]}


def test_province_intensity_by_hand(documents):
    tc = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "term": ["营商环境", "營商環境", "招商引资", "营商环境"],
                       "count": [2, 4, 1, 7]})
    t = province_intensity(tc, documents, terms=["營商環境"]).set_index("province")
    assert t.loc["山东省", "count"] == 6 and t.loc["山东省", "per_10k"] == pytest.approx(1.5)  # 6 × 10⁴ / 40 000
    assert t.loc["廣東省", "count"] == 0 and t.loc["廣東省", "documents"] == 1
    assert len(t) == 2  # the document without a province is left out


def test_national_documents_are_no_province(documents):
    tc = pd.DataFrame({"doc_id": ["a", "b"], "term": ["营商环境"] * 2, "count": [1, 1]})
    national = documents.assign(province=["全国", "全国", "全国", None])
    assert province_intensity(tc, national).empty


def test_province_intensity_without_document_places_is_empty(documents):
    tc = pd.DataFrame({"doc_id": ["a"], "term": ["营商环境"], "count": [1]})
    assert province_intensity(tc, documents.drop(columns=["province"])).empty
