"""Reposts: copies of a story cluster with it, the original is canonical, and counts on canonical
documents are the original's alone; different reports of the shared corpora never cluster."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import shared_corpus
from opencc import OpenCC
from zhaoshang import analyze, paths
from zhaoshang.analyses.figures import totals_by_place
from zhaoshang.analyses.reposts import doc_signature
from zhaoshang.corpus.reposts import RepostIndex
from zhaoshang.stages.process import load_document

SAMPLE = paths.SAMPLE_ARTICLE


def _story():
    d = load_document(SAMPLE)
    return d.title, [p.strip() for p in d.body.splitlines() if p.strip()]


def _header(site: str, date: str) -> str:
    return f"{site}   時間:{date}"


def _variants() -> dict[str, str]:
    """Five reposts of the sample article, as other sites carry it (each dated after it)."""
    title, paras = _story()
    t2s = OpenCC("t2s").convert
    punct = str.maketrans({",": "，", "“": "「", "”": "」", "‘": "『", "’": "』", ":": "：", "。": "．"})
    return {
        "simplified.txt": "\n\n".join([t2s(title), t2s(_header("中国新闻网", "2023-08-24")), *map(t2s, paras)]),
        "punctuation.txt": "\n\n".join([title.translate(punct), _header("齊魯網", "2023-08-24"),
                                        *(p.translate(punct) for p in paras)]),
        "site_frame.txt": "\n".join(["大众网首页 > 财经频道 > 正文", title,
                                     "来源：大众网  发布时间：2023-08-25 09:12  责任编辑：李华",
                                     *paras, "【责任编辑：李华】", "分享到：微信 微博 QQ空间",
                                     "版权所有 大众网 鲁ICP备09012531号"]),
        "dropped_paragraph.txt": "\n\n".join([title, _header("潍坊新闻网", "2023-08-26"),
                                              *(p for i, p in enumerate(paras) if i != 5)]),
        "new_title.txt": "\n\n".join(["安丘以产业链招商串起“产业糖葫芦” 山东招商引资模式再创新",
                                      _header("山东商务网", "2023-08-28"), *paras]),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reposts")
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    for name, text in _variants().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tables(corpus):
    return analyze(corpus, cache=False, progress=False)


def test_every_variant_clusters_with_the_sample_which_is_canonical(tables):
    docs = tables.documents.set_index("doc_id")
    sample = SAMPLE.stem
    assert len(docs) == 6
    assert docs["cluster_id"].nunique() == 1
    assert docs["canonical"].tolist().count(True) == 1 and bool(docs.loc[sample, "canonical"])
    rep = tables.reposts
    assert sorted(rep["doc_id"]) == sorted(n.removesuffix(".txt") for n in _variants())
    assert set(rep["canonical_doc_id"]) == {sample}
    assert set(rep["relation"]) <= {"exact", "near", "excerpt"}
    assert (rep["similarity"] >= 0.35).all()
    # the Simplified copy differs only in script: the same match view, an exact copy
    assert rep.set_index("doc_id").loc["simplified", "relation"] == "exact"


def test_on_canonical_documents_totals_and_term_counts_are_the_samples_alone(tables, corpus, tmp_path):
    alone_dir = tmp_path / "alone"
    alone_dir.mkdir()
    shutil.copy(SAMPLE, alone_dir / SAMPLE.name)
    alone = analyze(alone_dir, cache=False, progress=False)
    canon = tables.canonical()
    assert canon.documents["doc_id"].tolist() == [SAMPLE.stem]

    def terms(t):
        return t.term_counts[["term", "count"]].sort_values("term").reset_index(drop=True)

    pd.testing.assert_frame_equal(terms(canon), terms(alone))
    cols = ["place", "family", "period", "n_figures", "low", "high", "bound"]
    assert len(totals_by_place(alone.figures))
    pd.testing.assert_frame_equal(totals_by_place(canon.figures)[cols], totals_by_place(alone.figures)[cols])
    pd.testing.assert_frame_equal(canon.words.reset_index(drop=True), alone.words.reset_index(drop=True))
    # on all documents the copies count too: about six times the sample's terms (one copy lacks a paragraph)
    assert tables.term_counts["count"].sum() > 5 * alone.term_counts["count"].sum()


def test_one_figure_reported_by_every_copy_is_one_claim_counted_once(tables):
    f = tables.figures
    per_doc = f.groupby("doc_id").size()
    assert per_doc.nunique() == 1 or per_doc.min() > 0  # each copy reports the sample's figures
    big = f[(f["kind"] == "amount") & (f["value"] == 29800000000)]
    assert big["doc_id"].nunique() == 6 and big["claim_id"].nunique() == 1
    assert big["claim_id"].iloc[0].startswith(SAMPLE.stem + "#")  # the canonical copy's figure
    # totals over all six copies count each claim once: equal to the canonical copy's totals
    cols = ["place", "family", "low", "high"]
    all_docs = totals_by_place(f, by=("family",))[cols]
    canon = totals_by_place(tables.canonical().figures, by=("family",))[cols]
    pd.testing.assert_frame_equal(all_docs, canon)


def test_a_new_document_is_matched_against_the_stored_signatures(tables, corpus):
    title, paras = _story()
    new = corpus.parent / "later.txt"
    new.write_text("\n\n".join([title, _header("今日头条", "2023-09-01"), *paras[:-2]]), encoding="utf-8")
    found = tables.repost_index.match(doc_signature(load_document(new)))
    assert SAMPLE.stem in [doc_id for doc_id, _, _ in found]
    assert all(rel in ("exact", "near", "excerpt") for _, _, rel in found)
    other = load_document(shared_corpus("news-dev") / "cctv_04.html")
    assert tables.repost_index.match(doc_signature(other)) == []


def test_a_rerun_with_one_more_copy_reuses_every_signature(corpus, tmp_path):
    folder = tmp_path / "grown"
    shutil.copytree(corpus, folder)
    first = analyze(folder, progress=False)
    title, paras = _story()
    (folder / "zz_later.txt").write_text("\n\n".join([title, _header("今日头条", "2023-09-01"), *paras[1:]]),
                                         encoding="utf-8")
    second = analyze(folder, progress=False)
    assert second.stats.reused == len(first.documents) and second.stats.analysed == 1
    assert second.documents["cluster_id"].nunique() == 1
    assert "zz_later" in set(second.reposts["doc_id"])


def test_the_dask_engine_gives_the_same_clusters(corpus):
    pytest.importorskip("distributed")
    local = analyze(corpus, cache=False, progress=False)
    dask = analyze(corpus, cache=False, progress=False, engine="dask", jobs=2)
    pd.testing.assert_frame_equal(local.reposts, dask.reposts)
    pd.testing.assert_frame_equal(local.documents[["doc_id", "canonical", "cluster_id"]],
                                  dask.documents[["doc_id", "canonical", "cluster_id"]])


def _shared_index():
    index, runs = RepostIndex(), {}
    for name in ("news-dev", "national-gwr", "hailar-gwr-gbk"):
        runs[name] = analyze(shared_corpus(name), progress=False)
        index.extend(runs[name].repost_index)
    return index, runs


def test_no_two_different_reports_of_the_shared_corpora_cluster():
    index, runs = _shared_index()
    members = index.clusters()
    clusters: dict[str, set[str]] = {}
    for m in members.values():
        clusters.setdefault(m.cluster_id, set()).add(m.doc_id)
    multi = sorted((c for c in clusters.values() if len(c) > 1), key=sorted)
    # labelled by reading: tainan_01 records 6 and 7 are one release published twice (台南/臺南,
    # a 發稿單位 line added); cctv_23.md, the 新闻联播 digest of 23 July, carries the 辽宁 item of
    # cctv_12 word for word as its item 6 (its lines 128-138): the item folds into the digest, which
    # stays canonical for its other items; every other document of the three corpora is a report of its own
    assert multi == [{"cctv_12", "cctv_23"}, {"tainan_01#6", "tainan_01#7"}]
    news = runs["news-dev"]
    assert news.reposts[["doc_id", "canonical_doc_id", "relation"]].values.tolist() == [
        ["cctv_12", "cctv_23", "excerpt"], ["tainan_01#6", "tainan_01#7", "near"]]
    assert int((~news.documents["canonical"]).sum()) == 2


def test_the_summary_names_the_story_its_copies_sites_and_days(tables):
    from zhaoshang.outputs.overview import reposts_summary

    summary, sentence = reposts_summary(tables)
    assert summary["copies_folded"].tolist() == [5]
    row = summary.iloc[0]
    assert row["canonical_doc_id"] == SAMPLE.stem and row["story"].startswith("山東創新招商引資模式")
    assert row["first"] == "2023-08-23" and row["last"] == "2023-08-28" and row["days"] == 5
    assert "大众网" in row["sites"] and "中國產業經濟信息網" in row["sites"]
    assert sentence.startswith("5 of 6 documents are copies of 1 story")


def test_an_excerpt_is_a_repost_and_a_quoted_paragraph_is_not():
    from zhaoshang.corpus.reposts import containment, relation

    # B is the first half of A (1000 shingles): J = 500/1000; at a high threshold, still an excerpt
    assert relation(0.5, 1000, 500, threshold=0.9) == "excerpt"
    assert containment(0.5, 1000, 500) == pytest.approx((0.5, 1.0))
    # a 1000-shingle story quoting a 100-shingle paragraph of another 1000-shingle story
    j = 100 / 1900
    assert relation(j, 1000, 1000) == ""
    # a short item (100) wholly inside a long digest (1200): contained, but 8% of it: not a copy
    assert relation(100 / 1200, 1200, 100) == ""
    assert relation(0.9, 10, 10) == ""  # too short to judge: only exact copies cluster


def test_the_cli_writes_reposts_and_takes_the_threshold(corpus, tmp_path, capsys):
    from zhaoshang.cli import main

    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--quiet", "--repost-threshold", "0.9"]) == 0
    rep = pd.read_csv(out / "reposts.csv", encoding="utf-8-sig")
    # at 0.9 the copy without a paragraph (J about 0.95) still folds; every other copy is exact
    assert len(rep) == 5 and set(rep["canonical_doc_id"]) == {SAMPLE.stem}
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert docs["canonical"].sum() == 1
    with pytest.raises(SystemExit):
        main(["analyze", str(corpus), "--out", str(out), "--repost-threshold", "1.5"])
    assert "repost_threshold" in capsys.readouterr().err
