"""The corpus runner: tables keep their shape, the cache is reused and invalidated."""
from __future__ import annotations

from zhaoshang import corpus
from zhaoshang.corpus import COLUMNS, EXTRA_COLUMNS, TABLES, analyze, run


def test_tables_keep_all_columns_when_empty(tmp_path):
    (tmp_path / "a.txt").write_text("没有数字也没有引号的一句话。", encoding="utf-8")
    t = run(tmp_path)
    for name in TABLES:
        cols = list(t.table(name).columns)
        assert cols[:len(COLUMNS[name])] == COLUMNS[name], name
        assert all(c in cols for c in EXTRA_COLUMNS.get(name, [])), name
    assert len(t.quotes) == 0 and len(t.figures) == 0 and len(t.documents) == 1


def test_cache_reused_and_invalidated(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHAOSHANG_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("签约项目12个，总投资5亿元。", encoding="utf-8")
    calls = []
    real_run = corpus.run
    monkeypatch.setattr(corpus, "run", lambda *a, **k: calls.append(1) or real_run(*a, **k))
    first = analyze(src)
    second = analyze(src)
    assert len(calls) == 1, "the second call must come from the cache"
    assert first.figures.equals(second.figures)
    (src / "b.txt").write_text("新开工项目3个。", encoding="utf-8")
    third = analyze(src)
    assert len(calls) == 2 and len(third.documents) == 2


def test_an_analysis_that_raises_costs_one_document_not_the_run(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("签约项目12个。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("爆炸的文档。", encoding="utf-8")
    real = corpus.doc_figures

    def flaky(doc):
        if "爆炸" in doc.body:
            raise RuntimeError("boom")
        return real(doc)

    monkeypatch.setattr(corpus, "doc_figures", flaky)
    t = run(tmp_path)
    assert list(t.documents["path"]) == ["a.txt"]
    assert list(t.errors["path"]) == ["b.txt"]
    assert t.errors["error"][0] == "analysis failed (figures): RuntimeError: boom"
