"""The cache's codec for cleaned documents: what goes in comes back, a Simplified text is stored once."""
from __future__ import annotations

from conftest import make_doc
from zhaoshang.corpus.store import decode, doc_from_json, doc_to_json, encode


def test_a_simplified_document_comes_back_equal_and_its_text_is_stored_once():
    body = "优化营商环境，推进产业链招商。" * 400
    doc = make_doc(body, title="招商引资")
    data = doc_to_json(doc)
    assert data["simplified"] is None and data["title_simplified"] is None
    back = doc_from_json(decode(encode(data)))
    assert back == doc and back.simplified == body and back.title_simplified == "招商引资"
    assert len(encode(data)) < len(encode({**data, "simplified": body})) * 0.75


def test_a_traditional_document_keeps_its_simplified_view():
    doc = make_doc("優化營商環境，推進產業鏈招商。", title="招商引資", doc_id="tw")
    data = doc_to_json(doc)
    assert data["simplified"] == "优化营商环境，推进产业链招商。" and data["title_simplified"] == "招商引资"
    assert doc_from_json(decode(encode(data))) == doc


def test_a_mixed_document_keeps_only_the_view_that_differs():
    doc = make_doc("优化营商环境。", title="招商引資")
    data = doc_to_json(doc)
    assert data["simplified"] is None and data["title_simplified"] == "招商引资"
    assert doc_from_json(decode(encode(data))) == doc
