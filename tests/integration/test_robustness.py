"""Hostile input: a generated suite of bad files goes through ``analyze`` without losing anything.

Every input must end as a document or as an errors row with a reason;
documents + errors == inputs; scripts and styles never reach the text; no
exception escapes. A summary line is printed at the end of the test run
(see ``pytest_terminal_summary`` in conftest.py).
"""
from __future__ import annotations

import io
import json
import random
import zipfile

import pandas as pd
import pytest
from zhaoshang.cli import main
from zhaoshang.corpus import run

SUMMARY: dict[str, int] = {}

ARTICLE = ("今年上半年，该区新签约项目61个，合同总投资额298亿元。"
           "“通过产业链招商，安丘把一群有产业关联的企业串成‘产业糖葫芦’。”安丘市投促中心主任孙业说。\n")


def _docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build_hostile_corpus(root, *, big_mb: int = 20) -> dict[str, str]:
    """Write the suite; returns {relative path or record id: what it is} for every input."""
    rnd = random.Random(20231)
    inputs: dict[str, str] = {}

    def put(name: str, data: bytes, what: str):
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        inputs[name] = what

    put("empty.txt", b"", "empty file")
    put("blank.txt", b"  \n\r\n\t", "whitespace only")
    put("binary.txt", bytes(rnd.randrange(256) for _ in range(4096)), "random bytes named .txt")
    put("png-named.txt", b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(2048)), "an image named .txt")
    put("truncated-utf8.txt", ARTICLE.encode("utf-8")[:-2], "UTF-8 cut inside a character")
    put("gbk.txt", ARTICLE.encode("gbk"), "GBK, undeclared")
    put("big5.txt", "今年上半年，該區新簽約項目61個，合同總投資額298億元。營商環境持續優化。\n".encode("big5"), "Big5, undeclared")
    put("utf16.txt", ARTICLE.encode("utf-16"), "UTF-16 with BOM")
    put("utf16-odd.txt", ARTICLE.encode("utf-16") + b"\x00", "UTF-16 with a stray odd byte")
    sentence = "新签约项目61个，合同总投资额298亿元，其中外资项目12个。"
    line = (sentence * (big_mb * 1024 * 1024 // len(sentence.encode("utf-8")) + 1))
    put("huge-line.txt", line[: big_mb * 1024 * 1024 // 3].encode("utf-8") + b"\n", f"{big_mb} MB on a single line")
    put("scripts.html", ("<html><head><title>招商</title><style>body:after{content:'样式里有500亿元'}</style>"
                         "<script>var money='脚本里有700亿元'; document.write('<p>写入的900亿元</p>')</script></head>"
                         "<body><nav>导航 首页 800亿元</nav><p>正文：总投资58亿元。</p>"
                         "<noscript>请开启脚本 600亿元</noscript></body></html>").encode("utf-8"),
        "HTML with scripts and styles carrying Chinese numbers")
    put("corrupt.docx", b"PK\x03\x04" + bytes(rnd.randrange(256) for _ in range(500)), "corrupt .docx")
    put("good.docx", _docx_bytes("京东智能产业园投资达10亿元以上。"), "a good .docx")
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    put("zip-not-docx.docx", zbuf.getvalue(), "a ZIP that is not a .docx")
    records = [json.dumps({"text": ARTICLE, "title": "一"}, ensure_ascii=False), "{malformed json",
               json.dumps({"text": "第三条记录"}, ensure_ascii=False)]
    put("feed.jsonl", "\n".join(records).encode("utf-8"), "JSONL")
    inputs.pop("feed.jsonl")
    inputs.update({"feed.jsonl#1": "record", "feed.jsonl#2": "malformed record", "feed.jsonl#3": "record"})
    put("quotes.txt", ("他说：“开始“嵌套‘更深“再深‘最深’”’”没有结束。\n" + "“" * 5000 + "文" + "”" * 10 + "\n"
                       "「未闭合的引号一直到文末" * 50).encode("utf-8"), "unbalanced and deeply nested quotation marks")
    put("digits.txt", ("总投资" + "9" * 30 + "亿元，电话010-65363056，编号" + "1" * 30 + "。").encode("utf-8"), "30-digit numbers")
    put("widths.txt", "总投资１２３．４５亿元，ＡＢＣ公司签约２０个项目，营商环境ｏｋ。".encode("utf-8"), "mixed full- and half-width")
    put("controls.txt", ("招商\x00引资\x07项目\x1b[31m12个\x0c，总投资5亿元\x7f。" * 20).encode("utf-8"),
        "control characters")
    put("unsupported.pdf", b"%PDF-1.7\n", "unsupported type")
    put("nested/deep/a.md", "# 标题\n\n签约项目3个。".encode("utf-8"), "markdown in a nested folder")
    return inputs


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inputs = build_hostile_corpus(root)
    out = root.parent / (root.name + "-out")
    code = main(["analyze", str(root), "--out", str(out), "--quiet", "--jobs", "2"])
    return root, out, inputs, code


def test_analyze_completes_and_accounts_for_every_input(hostile):
    root, out, inputs, code = hostile
    assert code == 0
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    errs = pd.read_csv(out / "errors.csv", keep_default_na=False)
    seen = list(docs["path"]) + list(errs["path"])
    assert sorted(seen) == sorted(inputs), "every input is a document or an error, exactly once"
    assert len(docs) + len(errs) == len(inputs)
    assert all(e.strip() for e in errs["error"]), "every error has a reason"
    exceptions = sum(e.startswith(("processing failed", "analysis failed", "could not parse")) for e in errs["error"])
    SUMMARY.update(inputs=len(inputs), documents=len(docs), errors=len(errs), exceptions=exceptions)
    assert exceptions == 0, "a stage raised instead of handling the input"


def test_expected_fates(hostile):
    root, out, inputs, code = hostile
    docs = set(pd.read_csv(out / "documents.csv")["path"])
    errs = dict(pd.read_csv(out / "errors.csv").itertuples(index=False))
    for bad in ("empty.txt", "blank.txt", "binary.txt", "png-named.txt", "corrupt.docx", "zip-not-docx.docx",
                "feed.jsonl#2", "unsupported.pdf"):
        assert bad in errs, bad
    for good in ("gbk.txt", "big5.txt", "utf16.txt", "huge-line.txt", "scripts.html", "good.docx", "feed.jsonl#1",
                 "feed.jsonl#3", "quotes.txt", "digits.txt", "widths.txt", "controls.txt", "nested/deep/a.md"):
        assert good in docs, good
    assert "empty" in errs["empty.txt"] and "binary" in errs["binary.txt"]
    assert "corrupt .docx" in errs["corrupt.docx"] and "malformed JSON" in errs["feed.jsonl#2"]


def test_scripts_and_styles_never_reach_the_text(hostile):
    root, out, inputs, code = hostile
    tables = run(root / "scripts.html")
    (doc,) = tables.docs
    for leaked in ("500", "700", "900", "800", "600", "样式", "脚本", "导航"):
        assert leaked not in doc.body + doc.title, leaked
    if len(tables.figures):
        assert set(tables.figures["value"].astype(str)) <= {"5800000000"}


def test_control_characters_removed(hostile):
    root, *_ = hostile
    (doc,) = run(root / "controls.txt").docs
    assert not any(ord(c) < 32 and c != "\n" for c in doc.body)
    assert "\x7f" not in doc.body
