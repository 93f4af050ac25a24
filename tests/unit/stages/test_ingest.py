"""Ingestion: every encoding and format, and every kind of bad input, accounted for."""
from __future__ import annotations

import json

import pytest
from conftest import shared_corpus
from zhaoshang.model import Document, IngestError
from zhaoshang.stages.ingest import Failure, decode_bytes, html_to_text, iter_files, read_file, read_source

TEXT = "菏澤魯西新區今年上半年新簽約項目61個，合同總投資額298億元。\n第二段：营商环境持续优化。\n"


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, Failure)]
    return docs, errs


@pytest.mark.parametrize("codec,label", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
    ("gbk", "gbk"), ("gb18030", None), ("big5", "big5"),
])
def test_encodings_detected_and_decoded(tmp_path, codec, label):
    text = TEXT if codec not in ("gbk", "gb18030") else TEXT  # GBK holds Traditional too
    if codec == "big5":
        text = "菏澤魯西新區今年上半年新簽約項目61個，合同總投資額298億元。\n營商環境持續優化，招商引資成效明顯。\n"
    (tmp_path / "a.txt").write_bytes(text.encode(codec))
    (doc,) = list(read_source(tmp_path))
    assert doc.raw_text == text.replace("\ufeff", "")
    if label:
        assert doc.encoding == label


def test_crlf_and_cr_become_lf(tmp_path):
    (tmp_path / "a.txt").write_bytes("第一行\r\n第二行\r第三行".encode("gbk"))
    (doc,) = list(read_source(tmp_path))
    assert doc.raw_text == "第一行\n第二行\n第三行"


def test_real_gbk_crlf_corpus():
    root = shared_corpus("hailar-gwr-gbk")
    docs, errs = _split(list(read_source(root)))
    assert len(docs) == 8 and not errs
    assert all(d.encoding == "gbk" for d in docs)
    assert all("\r" not in d.raw_text for d in docs)
    # a figure known from the README of the corpus survives decoding
    assert any("总投资11.4亿元" in d.raw_text for d in docs)


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"   \r\n\t ", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary"),
    (b"\xff\xfe" + "正常".encode("utf-16-le") + b"\x00\xd8", "undecodable"),
])
def test_bad_text_files_become_errors(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (item,) = list(read_source(tmp_path))
    assert isinstance(item, Failure)
    assert item.path == "bad.txt" and reason in item.error


def test_unsupported_type_named(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (item,) = list(read_source(tmp_path))
    assert isinstance(item, Failure) and ".pdf" in item.error


def test_html_main_text_without_scripts_styles_nav(tmp_path):
    html = """<html><head><meta charset="gbk"><title>費縣招商引資突破年</title>
    <style>.x{content:"樣式裏的100億元"}</style><script>var a="腳本裏的50億元";</script></head>
    <body><nav>首頁 | 新聞 | 導航欄</nav><article><h1>費縣招商引資突破年</h1>
    <p>上半年該縣已累計簽約項目59個，總投資189.4億元。</p><p>第二段<br>換行</p></article>
    <footer>版權所有</footer></body></html>"""
    (tmp_path / "p.html").write_bytes(html.encode("gbk"))
    (doc,) = list(read_source(tmp_path))
    assert doc.meta["title"] == "費縣招商引資突破年"
    assert "189.4億元" in doc.raw_text and "第二段\n換行" in doc.raw_text
    for junk in ("樣式", "腳本", "導航欄", "版權所有"):
        assert junk not in doc.raw_text
    assert doc.encoding == "gbk"


def test_html_only_markup_is_an_error():
    with pytest.raises(IngestError):
        from zhaoshang.stages.ingest import _read_html
        _read_html(b"<html><script>var x=1</script></html>", "s.html")
    title, body = html_to_text("<html><body><p>正文</p></body></html>")
    assert (title, body) == ("", "正文")


def test_docx_and_corrupt_docx(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("京東智能產業園投資達10億元以上。")
    d.add_paragraph("第二段")
    d.save(tmp_path / "good.docx")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 truncated zip")
    (tmp_path / "notzip.docx").write_text("plain text", encoding="utf-8")
    docs, errs = _split(list(read_source(tmp_path)))
    assert [d.doc_id for d in docs] == ["good"]
    assert docs[0].raw_text == "京東智能產業園投資達10億元以上。\n第二段"
    assert sorted(e.path for e in errs) == ["bad.docx", "notzip.docx"]
    assert all("corrupt .docx" in e.error for e in errs)


def test_jsonl_records_and_malformed_line(tmp_path):
    lines = [json.dumps({"text": "第一篇：营商环境", "title": "一", "date": "2023-08-23", "url": "http://x"}, ensure_ascii=False),
             "{not json",
             json.dumps({"title": "無正文"}, ensure_ascii=False),
             "",
             json.dumps(["a list"]),
             json.dumps({"content": "第五行的正文"}, ensure_ascii=False)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, errs = _split(list(read_source(tmp_path)))
    assert [d.doc_id for d in docs] == ["feed#1", "feed#6"]
    assert docs[0].meta == {"title": "一", "published": "2023-08-23", "url": "http://x"}
    assert {e.path for e in errs} == {"feed.jsonl#2", "feed.jsonl#3", "feed.jsonl#5"}
    assert "malformed JSON on line 2" in next(e.error for e in errs if e.path.endswith("#2"))
    assert "no text field" in next(e.error for e in errs if e.path.endswith("#3"))


def test_csv_records(tmp_path):
    (tmp_path / "t.csv").write_text("title,text,date\n甲,\"正文，含逗號\n和換行\",2023-01-02\n乙,第二條,\n", encoding="utf-8-sig")
    (tmp_path / "notext.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    docs, errs = _split(list(read_source(tmp_path)))
    assert [d.doc_id for d in docs] == ["t#1", "t#2"]
    assert docs[0].raw_text == "正文，含逗號\n和換行"
    assert [e.path for e in errs] == ["notext.csv"] and "no text column" in errs[0].error


def test_glob_and_single_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("甲文", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("乙文", encoding="utf-8")
    (tmp_path / "c.txt").write_text("丙文", encoding="utf-8")
    assert [d.path for d in read_source(tmp_path)] == ["c.txt", "sub/a.txt", "sub/b.md"]
    assert [d.path for d in read_source(str(tmp_path / "sub" / "*.txt"))] == ["a.txt"]
    assert [d.doc_id for d in read_source(tmp_path / "c.txt")] == ["c"]


def test_same_stem_different_suffix_kept_apart(tmp_path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "a.md").write_text("乙", encoding="utf-8")
    assert sorted(d.doc_id for d in read_source(tmp_path)) == ["a", "a~2"]


def test_sidecar_metadata_is_not_a_document(tmp_path):
    (tmp_path / "r.txt").write_text("报告正文", encoding="utf-8")
    (tmp_path / "index.tsv").write_text("file\tyear\turl\nr.txt\t1999\thttp://w\n", encoding="utf-8")
    (doc,) = list(read_source(tmp_path))
    assert doc.meta == {"year": "1999", "url": "http://w"}


def test_decode_prefers_bom():
    assert decode_bytes("\ufeff中文".encode("utf-8")) == ("中文", "utf-8-sig")
    assert decode_bytes("中文abc".encode("utf-16")) == ("中文abc", "utf-16")


# ------------------------------------------------------------ odd entries in a corpus folder


def test_every_entry_of_a_folder_is_accounted_for_and_odd_ones_are_never_opened(tmp_path):
    import os
    import socket

    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("招商引资，签约项目12个。", encoding="utf-8")
    (root / "link.txt").symlink_to(root / "good.txt")              # a link to a file: read through it
    (root / "broken.txt").symlink_to(root / "gone.txt")            # a broken link
    os.mkfifo(root / "pipe.txt")                                   # opening it would block the run
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    try:
        items = {i.path: i for i in read_source(root)}
    finally:
        sock.close()
    assert sorted(items) == ["broken.txt", "good.txt", "link.txt", "pipe.txt", "sock.txt"]
    assert isinstance(items["good.txt"], Document) and isinstance(items["link.txt"], Document)
    assert items["link.txt"].raw_text == items["good.txt"].raw_text
    assert "broken link" in items["broken.txt"].error and "gone.txt" in items["broken.txt"].error
    assert items["pipe.txt"].error == "not a regular file: a FIFO (named pipe); not read"
    assert items["sock.txt"].error == "not a regular file: a socket; not read"


def test_a_file_over_the_size_limit_is_refused_with_its_size(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes("招商引资。".encode("utf-8") * 200_000)  # 3 MB
    monkeypatch.setenv("ZHAOSHANG_MAX_FILE_MB", "1")
    (item,) = read_source(big)
    assert item.error == "too large to read (3 MB, the limit is 1 MB: ZHAOSHANG_MAX_FILE_MB)"
    monkeypatch.setenv("ZHAOSHANG_MAX_FILE_MB", "10")
    (item,) = read_source(big)
    assert isinstance(item, Document)


def test_a_file_that_vanishes_before_it_is_read_is_an_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("签约。", encoding="utf-8")
    root, files = iter_files(tmp_path)
    f.unlink()
    (item,) = read_file(files[0], "a.txt")
    assert item.error == "vanished between listing and reading"
