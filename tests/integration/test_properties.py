"""Properties that must hold for any input: offsets point at what they claim, no extractor
raises on random text, and results do not depend on the number of processes."""
from __future__ import annotations

from conftest import shared_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zhaoshang import paths
from zhaoshang.corpus import analyse_document, run
from zhaoshang.model import Document
from zhaoshang.stages.ingest import read_source
from zhaoshang.stages.process import process

# Text that looks like the domain: Chinese fragments, digits in every width, units, quotation marks.
PIECES = ["招商引资", "产业链招商", "營商環境", "项目", "个", "億元", "亿元", "万", "美元", "以上", "约", "余", "其中",
          "该区", "该县", "菏泽市", "费县", "今年上半年", "2022年以来", "“", "”", "「", "」", "‘", "’", "说", "表示",
          "主任", "董事长", "。", "，", ",", "、", "（", "）", "(", ")", "\n", " ", "１２３", "４５．６", "61", "298",
          "189.4", "二百九十八", "至", "—", "-", "%", "？", "?", "e", "chǎn", "(chǎn)"]
domain_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=300)


def _check_offsets(doc, rows_by_table):
    body = doc.body
    for row in rows_by_table.get("figures", []):
        assert body[row["start"]:row["end"]] == row["text"], row
        if "sentence_start" in row:
            assert body[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
    for row in rows_by_table.get("quotes", []):
        assert row["quote"] in body[max(0, row["start"] - 1):row["end"] + 1], row
        assert body[row["start"]:row["end"]] in (row["quote"], f"“{row['quote']}”", f"「{row['quote']}」")
    for row in rows_by_table.get("slogans", []):
        assert body[row["start"]:row["end"]] in (row["slogan"], f"“{row['slogan']}”", f"‘{row['slogan']}’",
                                                 f"「{row['slogan']}」"), row


def _rows(doc):
    return {name: rows for name, rows in analyse_document(doc).items() if name != "words"}  # words run too


def test_offsets_on_real_documents():
    docs = [process(d) for d in read_source(paths.SAMPLE_ARTICLE)]
    root = paths.SHARED_CORPUS / "national-gwr"
    if root.exists():
        docs += [process(d) for d in read_source(str(root / "202[2-5]*.txt"))]
    n = 0
    for doc in docs:
        rows = _rows(doc)
        _check_offsets(doc, rows)
        n += sum(len(v) for v in rows.values())
    assert n > 50  # the check looked at real rows


def test_repair_offsets_point_into_raw():
    (raw,) = list(read_source(paths.SAMPLE_ARTICLE))
    doc = process(raw)
    assert doc.repairs
    for e in doc.repairs:
        assert raw.raw_text[e.start:e.end] == e.before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(domain_text)
def test_extractors_never_raise_and_offsets_hold_on_domain_like_text(text):
    doc = process(Document("fuzz", "fuzz.txt", text, "utf-8", "txt"))
    rows = _rows(doc)
    _check_offsets(doc, rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_extractors_never_raise_on_random_unicode(text):
    doc = process(Document("fuzz", "fuzz.txt", text, "utf-8", "txt"))
    _rows(doc)


def test_jobs_do_not_change_results_on_real_corpus():
    root = shared_corpus("national-gwr")
    source = str(root / "20[12][0-9]*.txt")
    one, two = run(source, jobs=1), run(source, jobs=2)
    for name in ("documents", "errors", "term_counts", "words", "figures", "quotes", "slogans", "rhetoric", "repairs"):
        a, b = one.table(name), two.table(name)
        assert a.to_csv(index=False) == b.to_csv(index=False), name
