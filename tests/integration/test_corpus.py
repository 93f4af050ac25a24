"""The corpus runner: tables keep their shape, per-document results are reused and invalidated."""
from __future__ import annotations

from zhaoshang import corpus
from zhaoshang.corpus import COLUMNS, EXTRA_COLUMNS, TABLES, RunStats, analyze, run
from zhaoshang.corpus import work as work_module


def test_tables_keep_all_columns_when_empty(tmp_path):
    (tmp_path / "a.txt").write_text("没有数字也没有引号的一句话。", encoding="utf-8")
    t = run(tmp_path)
    for name in TABLES:
        cols = list(t.table(name).columns)
        assert cols[:len(COLUMNS[name])] == COLUMNS[name], name
        assert all(c in cols for c in EXTRA_COLUMNS.get(name, [])), name
    assert len(t.quotes) == 0 and len(t.figures) == 0 and len(t.documents) == 1


def test_a_second_run_reuses_every_document_and_a_new_file_is_analysed_alone(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("签约项目12个，总投资5亿元。", encoding="utf-8")
    first = analyze(src)
    assert first.stats == RunStats(reused=0, analysed=1, rejected=0)
    second = analyze(src)
    assert second.stats == RunStats(reused=1, analysed=0, rejected=0)
    for name, df in first.frames().items():
        assert df.equals(second.table(name)), name
    (src / "b.txt").write_text("新开工项目3个。", encoding="utf-8")
    third = analyze(src)
    assert third.stats == RunStats(reused=1, analysed=1, rejected=0) and len(third.documents) == 2
    (src / "a.txt").write_text("签约项目13个。", encoding="utf-8")  # changed content: analysed again
    fourth = analyze(src)
    assert fourth.stats == RunStats(reused=1, analysed=1, rejected=0)
    assert list(fourth.figures["value"]) == [13, 3]
    (src / "empty.txt").write_bytes(b"")
    assert analyze(src).stats == RunStats(reused=2, analysed=0, rejected=1)


def test_a_new_lexicon_reruns_only_what_counts_terms(tmp_path, monkeypatch):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("营商环境持续优化，签约项目12个。", encoding="utf-8")
    analyze(src)
    calls = []
    real = work_module.doc_figures
    monkeypatch.setattr(work_module, "doc_figures", lambda d: calls.append(d.doc_id) or real(d))
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term\n持续优化\n", encoding="utf-8")
    t = analyze(src, lexicon=lexicon)
    assert dict(zip(t.term_counts["term"], t.term_counts["count"]))["持续优化"] == 1
    assert calls == [], "figures do not read the lexicon: reused, not re-run"
    analyze(src, cache=False)
    assert calls == ["a"]


def test_documents_are_loaded_on_demand_from_the_store(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(f"第{i}篇。签约项目{i + 1}个。", encoding="utf-8")
    for cache in (True, False):
        t = analyze(src, cache=cache)
        assert len(t.docs) == 3 and [d.doc_id for d in t.docs] == ["0", "1", "2"]
        assert t.doc("1").body == "第1篇。签约项目2个。"
        assert t.docs[-1].doc_id == "2" and [d.doc_id for d in t.docs[:2]] == ["0", "1"]


def test_a_cache_entry_is_data_not_code(tmp_path):
    import json
    import sqlite3
    import zlib

    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("总投资5亿元。", encoding="utf-8")
    (src / "b.txt").write_text("总投资5亿元，签约项目12个。\n" * 400, encoding="utf-8")  # entries to compress
    analyze(src)
    db = corpus.cache_dir() / "documents.sqlite"
    blobs = [v for (v,) in sqlite3.connect(db).execute("SELECT value FROM entries")]
    compressed = [v for v in blobs if v[:1] == b"x"]  # zlib streams; small entries are stored as they are
    assert compressed and len(compressed) < len(blobs)
    values = [zlib.decompress(v) if v[:1] == b"x" else v for v in blobs]
    assert all(v.lstrip()[:1] in (b"{", b"[") for v in values)  # JSON, never a pickle
    assert all(json.loads(v) is not None for v in values)
    assert corpus.clear() > 0 and not db.exists()


def test_an_analysis_that_raises_costs_one_document_not_the_run(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("签约项目12个。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("爆炸的文档。", encoding="utf-8")
    real = work_module.doc_figures

    def flaky(doc):
        if "爆炸" in doc.body:
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(work_module, "doc_figures", flaky)
    t = run(tmp_path)
    assert list(t.documents["path"]) == ["a.txt"]
    assert list(t.errors["path"]) == ["b.txt"]
    assert t.errors["error"][0] == "analysis failed (figures): RuntimeError: boom"


def test_the_segmenter_is_a_setting_that_reruns_only_the_words(tmp_path, monkeypatch):
    import pytest
    from zhaoshang.corpus import settings

    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("安丘市圍繞頭部企業進行全產業鏈招商，優化營商環境，簽約項目12個。", encoding="utf-8")
    fast = analyze(src)
    calls = []
    real = work_module.doc_figures
    monkeypatch.setattr(work_module, "doc_figures", lambda d: calls.append(d.doc_id) or real(d))
    ref = analyze(src, segmenter="jieba")
    assert calls == [], "figures do not depend on the segmenter: reused, not re-run"
    assert fast.words.equals(ref.words) and "全产业链招商" in set(ref.words["simplified"])
    assert settings(segmenter="jieba").digest(("segmenter",)) != settings().digest(("segmenter",))
    assert settings().segmenter == "rjieba"
    with pytest.raises(ValueError, match="unknown segmenter"):
        analyze(src, segmenter="thulac")


def test_collocations_come_from_the_run_without_segmenting_again(tmp_path, monkeypatch):
    from zhaoshang.analyses import explore

    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("优化营商环境。" * 3 + "优化结构。营商环境稳定。", encoding="utf-8")
    (src / "b.txt").write_text("優化營商環境，推進全產業鏈招商。優化營商環境。", encoding="utf-8")
    first = analyze(src)
    expected = explore.collocations(first.docs, min_count=2)
    assert ("优化", "营商环境") in set(zip(expected.w1, expected.w2))
    second = analyze(src)  # every document from the cache
    assert second.stats.reused == 2
    monkeypatch.setattr(explore, "doc_fields_tokens", None)  # segmenting now would fail
    for t in (first, second):
        assert len(t.word_pairs) == 2
        assert explore.run_collocations(t, min_count=2).equals(expected)
