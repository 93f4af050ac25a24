"""The package as a user meets it: the public API, a broken installation, a run where
nothing can be read, the user's own lexicon, --version."""
from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest
import zhaoshang
from zhaoshang import corpus, paths, resources
from zhaoshang.cli import main


@pytest.fixture
def sample(tmp_path):
    """A copy of the sample article in a folder of its own."""
    src = tmp_path / "corpus"
    src.mkdir()
    shutil.copy(paths.SAMPLE_ARTICLE, src)
    return src


@pytest.fixture
def cache(private_cache):
    return private_cache


def _cached(folder) -> int:
    """How many entries the per-document cache in ``folder`` holds."""
    db = folder / "documents.sqlite"
    return len(corpus.DocumentCache(folder)) if db.exists() else 0


# ------------------------------------------------------------------ public API


def test_public_api_is_deliberate():
    assert {"analyze", "Tables", "load_document", "CleanDocument", "Document", "ResourceError",
            "__version__"} <= set(zhaoshang.__all__)
    for name in zhaoshang.__all__:
        assert getattr(zhaoshang, name) is not None, name
        if callable(getattr(zhaoshang, name)):
            assert getattr(zhaoshang, name).__doc__, f"{name} has no docstring"
    assert "analyze" in zhaoshang.__doc__


def test_tables_repr_is_short(sample):
    t = zhaoshang.analyze(sample, cache=False)
    text = repr(t)
    assert "1 documents, 0 errors" in text and "figures=11" in text
    assert len(text) < 300 and "\n" not in text  # counts, not the tables


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"zhaoshang {zhaoshang.__version__}"


# --------------------------------------------------------- broken installation


@pytest.fixture
def titles_missing(tmp_path, monkeypatch):
    """The speakers' titles resource gone, as in a wheel built without its data."""
    real = resources.location
    gone = tmp_path / "site" / "zhaoshang" / "resources" / "lexicon" / "titles.yaml"
    monkeypatch.setattr(resources, "location",
                        lambda name: gone if name == "lexicon/titles.yaml" else real(name))
    resources.check.cache_clear()
    yield gone
    resources.check.cache_clear()


def test_missing_resource_fails_at_once_and_caches_nothing(sample, cache, titles_missing):
    with pytest.raises(zhaoshang.ResourceError, match="titles.yaml"):
        zhaoshang.analyze(sample)
    assert _cached(cache) == 0


def test_missing_resource_in_the_cli_is_one_error_before_any_table(sample, tmp_path, titles_missing, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(sample), "--out", str(out), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert str(titles_missing) in err and "Traceback" not in err
    assert not out.exists()  # no per-document error rows: the installation is broken, not the input


# ------------------------------------------------------- nothing could be read


def test_a_run_where_every_document_fails_exits_nonzero_with_the_reason(tmp_path, monkeypatch, capsys):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("签约项目12个。", encoding="utf-8")
    (src / "b.txt").write_text("总投资5亿元。", encoding="utf-8")

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(corpus.work, "doc_figures", broken)
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no document could be analysed: analysis failed (figures): RuntimeError: boom (2 of 2 inputs)" in err
    assert sorted(pd.read_csv(out / "errors.csv")["path"]) == ["a.txt", "b.txt"]  # still accounted for


def test_a_failed_run_warns_and_is_not_cached(tmp_path, cache):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    with pytest.warns(UserWarning, match="no document .* could be analysed"):
        t = zhaoshang.analyze(src)
    assert len(t.documents) == 0 and len(t.errors) == 1
    assert _cached(cache) == 0


def test_a_good_run_is_cached_and_quiet(sample, cache):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        zhaoshang.analyze(sample)
    assert _cached(cache) == 7  # the cleaned document and its six analyses (terms, figures, rhetoric, words, reposts, place)


# --------------------------------------------------------------- own lexicon

# Terms of the sample article that the built-in lexicon does not have, counted by reading it:
# 生命健康 twice (產品覆蓋生命健康全領域, 中關村生命健康科學城), 科學城 twice (在科學城內 and the same
# 生命健康科學城), 組合拳 and 棋局 once each. 頭部企業 (twice) is built in, as "industrial chain".
USER_CSV = "term,category,gloss\n生命健康,sector,life sciences and health\n組合拳,slogan,\n頭部企業,firms,\n"
USER_TSV = "# my terms\nterm\tgloss\n科学城\tscience city\n"


def _counts(t):
    return dict(zip(t.term_counts["term"], t.term_counts["count"]))


def test_own_lexicon_counts_next_to_the_builtin_one(sample, tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text(USER_CSV, encoding="utf-8")
    t = zhaoshang.analyze(sample, lexicon=f, cache=False)
    counts = _counts(t)
    assert counts["生命健康"] == 2 and counts["组合拳"] == 1
    assert counts["产业链招商"] >= 2  # the built-in terms still count
    cats = dict(zip(t.term_counts["term"], t.term_counts["category"]))
    assert cats["生命健康"] == "sector"
    assert cats["头部企业"] == "firms" and counts["头部企业"] == 2  # the user's category wins for a built-in term
    # the segmenter keeps the user's term whole
    assert dict(zip(t.words["simplified"], t.words["count"]))["生命健康"] == 2


def test_own_lexicon_only(sample, tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text(USER_TSV, encoding="utf-8")
    t = zhaoshang.analyze(sample, lexicon=f, lexicon_only=True, cache=False)
    assert _counts(t) == {"科学城": 2}
    assert set(t.term_counts["category"]) == {"user"}


def test_own_lexicon_in_the_cli(sample, tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text(USER_CSV, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(sample), "--out", str(out), "--lexicon", str(f), "--lexicon-only", "--quiet"]) == 0
    counts = pd.read_csv(out / "term_counts.csv")
    assert dict(zip(counts["term"], counts["count"])) == {"生命健康": 2, "组合拳": 1, "头部企业": 2}


def test_own_lexicon_enters_the_cache_key(sample, tmp_path, cache, monkeypatch):
    f = tmp_path / "mine.csv"
    f.write_text(USER_CSV, encoding="utf-8")
    first = zhaoshang.analyze(sample, lexicon=f)
    assert zhaoshang.analyze(sample, lexicon=f).stats.reused == 1
    f.write_text(USER_CSV + "棋局,metaphor,\n", encoding="utf-8")
    second = zhaoshang.analyze(sample, lexicon=f)
    assert second.stats.analysed == 1
    assert _counts(second)["棋局"] == 1 and "棋局" not in _counts(first)
    assert zhaoshang.analyze(sample).stats.analysed == 1  # no lexicon: another key again


@pytest.mark.parametrize("text, where", [
    ("word,category\n生命健康,sector\n", "line 1: the first line"),              # no term column
    ("term,category\n生命健康,sector,extra\n", "line 2: 3 fields"),        # more fields than the header
    ("# only a comment\n", "no terms"),
    ("term\tcategory\n\t空\n", "line 2: empty term"),
])
def test_malformed_lexicon_names_file_and_line(sample, tmp_path, text, where, capsys):
    f = tmp_path / ("bad.tsv" if "\t" in text else "bad.csv")
    f.write_text(text, encoding="utf-8")
    with pytest.raises(zhaoshang.LexiconFileError, match=where):
        zhaoshang.analyze(sample, lexicon=f, cache=False)
    assert main(["analyze", str(sample), "--out", str(tmp_path / "o"), "--lexicon", str(f)]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and where in err


def test_lexicon_not_utf8_is_named(sample, tmp_path):
    f = tmp_path / "gbk.csv"
    f.write_bytes("term\n生命健康\n".encode("gbk"))
    with pytest.raises(zhaoshang.LexiconFileError, match="not UTF-8"):
        zhaoshang.analyze(sample, lexicon=f, cache=False)


# --------------------------------------------------------------- own codebook

# Counted by reading the sample article: 產業鏈招商 three times in the body (進行產業鏈招商,
# 通過產業鏈招商, 全產業鏈招商), 專班 twice (成立專班, 專班服務), 以商招商 once.
USER_CODEBOOK = """\
categories:
  - id: chain
    label: Chain recruiting
    terms: [產業鏈招商]
  - id: task_force
    label: Task forces
    label_zh: 專班
    terms: [專班, 以商招商]
"""


def _hits(t):
    return dict(zip(t.rhetoric["category"], t.rhetoric["hits"]))


def test_own_codebook_replaces_the_categories(sample, tmp_path):
    f = tmp_path / "codebook.yaml"
    f.write_text(USER_CODEBOOK, encoding="utf-8")
    t = zhaoshang.analyze(sample, codebook=f, cache=False)
    hits = _hits(t)
    assert hits["chain"] == 3 and hits["task_force"] == 3
    assert "industrial_chain" not in hits  # the built-in categories are replaced …
    assert "metaphor" in hits  # … the metaphor lexicon still counts
    assert set(t.rhetoric["label"]) >= {"Chain recruiting", "Task forces"}


def test_own_codebook_in_the_cli_and_the_cache_key(sample, tmp_path, cache, monkeypatch):
    f = tmp_path / "codebook.yaml"
    f.write_text(USER_CODEBOOK, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(sample), "--out", str(out), "--codebook", str(f), "--quiet"]) == 0
    rhet = pd.read_csv(out / "rhetoric.csv")
    assert dict(zip(rhet["category"], rhet["hits"]))["chain"] == 3
    assert zhaoshang.analyze(sample, codebook=f).stats.reused == 1  # the CLI's run is in the cache
    f.write_text(USER_CODEBOOK.replace("[專班, 以商招商]", "[专班]"), encoding="utf-8")  # now Simplified
    again = zhaoshang.analyze(sample, codebook=f)
    assert _hits(again)["task_force"] == 2 and again.stats.analysed == 1


def test_malformed_codebook_names_file_and_line(sample, tmp_path, capsys):
    f = tmp_path / "codebook.yaml"
    f.write_text("categories:\n  - id: chain\n    label: x\n", encoding="utf-8")  # no terms
    assert main(["analyze", str(sample), "--out", str(tmp_path / "o"), "--codebook", str(f)]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and "line 2" in err and "terms" in err
