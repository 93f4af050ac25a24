"""The command line: exit codes, the tables written, every input accounted for."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from zhaoshang import paths
from zhaoshang.cli import main


@pytest.fixture
def mixed(tmp_path):
    """A folder with good and bad inputs of every format."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text("招商引资\n营商环境持续优化，签约项目12个。", encoding="utf-8")
    (root / "big5.txt").write_bytes("招商引資\n營商環境持續優化，簽約項目12個，總投資五億元。".encode("big5"))
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (root / "sub" / "page.html").write_text("<html><title>題</title><body><p>正文一段。</p></body></html>", encoding="utf-8")
    (root / "sub" / "feed.jsonl").write_text('{"text":"第一条"}\n{broken\n{"text":"第三条"}\n', encoding="utf-8")
    (root / "note.pdf").write_bytes(b"%PDF")
    return root


def test_analyze_accounts_for_every_input(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["analyze", str(mixed), "--out", str(out), "--quiet"]) == 0
    docs = pd.read_csv(out / "documents.csv")
    errs = pd.read_csv(out / "errors.csv")
    assert list(docs.columns[:10]) == ["doc_id", "path", "encoding", "script", "title", "published", "site",
                                       "reprinted_from", "n_chars", "n_repairs"]
    assert list(errs.columns) == ["path", "error"]
    # 5 plain files + 1 html + 3 jsonl records = 9 inputs; 4 documents from files+html, 2 from jsonl
    assert sorted(docs["path"]) == ["big5.txt", "good.txt", "sub/feed.jsonl#1", "sub/feed.jsonl#3", "sub/page.html"]
    assert sorted(errs["path"]) == ["binary.txt", "empty.txt", "note.pdf", "sub/feed.jsonl#2"]
    assert docs.set_index("path").loc["big5.txt", "encoding"] == "big5"
    assert all(not p.startswith("/") for p in list(docs["path"]) + list(errs["path"]))


def test_strict_and_usage_exit_codes(mixed, tmp_path):
    assert main(["analyze", str(mixed), "--out", str(tmp_path / "o"), "--strict", "--quiet"]) == 1
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert main(["analyze", str(mixed), "--out", str(tmp_path / "f"), "--format", "csv,sav"]) == 2
    assert not (tmp_path / "f").exists()  # an unknown format is refused before anything is written
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(mixed)])  # --out is required
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["frobnicate"])
    assert e.value.code == 2


def test_jobs_do_not_change_tables(mixed, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["analyze", str(mixed), "--out", str(a), "--jobs", "1", "--quiet"]) == 0
    assert main(["analyze", str(mixed), "--out", str(b), "--jobs", "2", "--quiet"]) == 0
    for f in sorted(a.glob("*.csv")):
        assert f.read_bytes() == (b / f.name).read_bytes(), f.name


def test_clean_json_on_sample(capsys):
    assert main(["clean", str(paths.SAMPLE_ARTICLE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"title", "published", "site", "reprinted_from", "encoding", "script", "body", "repairs"}
    assert out["published"] == "2023-08-23" and out["encoding"] == "utf-8"
    assert out["repairs"] and all({"start", "end", "before", "after", "kind", "confidence"} <= set(r) for r in out["repairs"])


def test_clean_text_and_bad_file(tmp_path, capsys):
    assert main(["clean", str(paths.SAMPLE_ARTICLE), "--format", "text"]) == 0
    assert "產業鏈招商" in capsys.readouterr().out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["clean", str(bad)]) == 1
    assert "bad.txt" in capsys.readouterr().err


def test_terms_command_on_sample(capsys):
    """The must-show counts, hand-counted in the cleaned sample (title + body)."""
    assert main(["terms", str(paths.SAMPLE_ARTICLE), "--term", "產業鏈招商", "--term", "营商环境",
                 "--term", "招商引資", "--term", "以商招商", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "doc_id,term,count"
    assert [l.split(",", 1)[1] for l in lines[1:]] == ["產業鏈招商,3", "营商环境,3", "招商引資,8", "以商招商,1"]


def test_a_full_disk_is_one_line_and_the_previous_tables_stay(mixed, tmp_path, monkeypatch, capsys):
    import errno

    from zhaoshang.outputs import export

    out = tmp_path / "out"
    assert main(["analyze", str(mixed), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real, written, failed = export.write_csv, [], []

    def fills_up(df, path):
        if len(written) == 3:
            failed.append(path.name)
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        return real(df, path)

    monkeypatch.setattr(export, "write_csv", fills_up)
    capsys.readouterr()
    assert main(["analyze", str(mixed), "--out", str(out), "--quiet", "--no-cache"]) == 4
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err == f"zhaoshang analyze: cannot write {out}: No space left on device ({failed[0]}); nothing was replaced"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no partial table, no staging folder
    with pytest.raises(OSError):
        main(["--debug", "analyze", str(mixed), "--out", str(out), "--quiet", "--no-cache"])


def test_analyze_segmenter_choice(mixed, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["analyze", str(mixed), "--out", str(a), "--segmenter", "jieba", "--quiet"]) == 0
    assert main(["analyze", str(mixed), "--out", str(b), "--segmenter", "rjieba", "--quiet"]) == 0
    assert (a / "words.csv").read_bytes() == (b / "words.csv").read_bytes()
    with pytest.raises(SystemExit) as e:
        main(["analyze", str(mixed), "--out", str(tmp_path / "c"), "--segmenter", "pkuseg"])
    assert e.value.code == 2
