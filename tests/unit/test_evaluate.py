"""The development gold of figures (gold/figures_dev.jsonl) and the scoring of it (zhaoshang.evaluate).

The gold rows must parse, use the guide's vocabulary, and stand in their documents as written; the
scoring functions are checked on small hand-made cases whose precision and recall are counted by hand.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from conftest import shared_corpus
from zhaoshang.evaluate import (DEV_FIELDS, FAMILIES, Located, dev_documents, family_label, field_agrees,
                                in_passages, load_dev_gold, locate, locate_gold, match_located, place_key,
                                score_dev)

QUALIFIERS = {"exact", "at_least", "more_than", "approx", "at_most", "range", "vague"}
LEVELS = {"", "country", "province", "prefecture", "county"}
KEYS = {"doc", "sentence", "text", "kind", "value", "value_high", "qualifier", "currency", "metric", "family",
        "place", "place_level", "period_start", "period_end", "note"}


@pytest.fixture(scope="module")
def rows():
    return load_dev_gold()


def test_dev_gold_parses_with_the_guides_vocabulary(rows):
    assert len(rows) >= 300
    sources = Counter(r["doc"].split("/", 1)[0] for r in rows)
    assert set(sources) == {"news-dev", "national-gwr", "hailar-gwr-gbk"}
    assert min(sources.values()) >= 45
    for r in rows:
        where = f"{r['doc']} {r['text']}"
        assert KEYS <= set(r) <= KEYS | {"size_floor"}, where
        assert r["kind"] in ("amount", "count"), where
        assert r["qualifier"] in QUALIFIERS, where
        assert r["family"] in FAMILIES, where
        assert r["place_level"] in LEVELS and bool(r["place"]) == bool(r["place_level"]), where
        assert isinstance(r["value"], (int, float)) and r["value"] > 0, where
        if r["qualifier"] in ("range", "vague"):
            assert r["value_high"] is not None and r["value_high"] > r["value"], where
        else:
            assert r["value_high"] is None, where
        if r["kind"] == "amount":
            assert isinstance(r["currency"], str) and len(r["currency"]) == 3 and r["currency"].isupper(), where
        else:
            assert r["currency"] is None, where
        for k in ("period_start", "period_end"):
            assert r[k] == "" or (len(r[k]) == 10 and r[k][4] == "-" and r[k][7] == "-"), where
        if r["period_start"] and r["period_end"]:
            assert r["period_start"] <= r["period_end"], where
        assert r["text"] in r["sentence"], where


def test_every_gold_figure_stands_in_its_document(rows):
    shared_corpus("news-dev")
    docs = dev_documents(rows)
    assert set(docs) == {r["doc"] for r in rows}
    placed, lost = locate_gold(rows, {k: d.body for k, d in docs.items()})
    assert lost == []
    for g in placed:  # the located span is the figure as written (whitespace aside)
        found = docs[g.doc].body[g.start:g.end]
        assert "".join(found.split()) == "".join(g.row["text"].split())
        assert g.passage[0] <= g.start < g.end <= g.passage[1]


def test_locate_ignores_whitespace_and_counts_repeats():
    body = "标题\n今年签约项目5个，\n总投资 12亿元，其中5个已开工。"
    (ps, pe), (s, e) = locate(body, "总投资12亿元，其中5个已开工。", "12亿元")
    assert body[s:e] == "12亿元" and body[ps:pe].startswith("总投资")
    # the second 5个 of the whole body is the first one inside this sentence
    _, (s, e) = locate(body, "总投资12亿元，其中5个已开工。", "5个")
    assert body[s:e] == "5个" and s > body.index("12亿元")
    assert locate(body, "总投资12亿元，其中5个已开工。", "5个", nth=1) is None
    assert locate(body, "不在这里", "5个") is None


def test_locate_finds_a_figure_as_a_whole_number():
    body = "改造1500所县医院、500所县中医院，完成178座锅炉拆改、8座热力站建设。"
    _, (s, e) = locate(body, body, "500所")
    assert body[s:e] == "500所" and body[s - 1] == "、"  # not the tail of 1500所
    _, (s, e) = locate(body, body, "8座")
    assert body[s - 1] == "、"  # not the tail of 178座
    _, (s, e) = locate(body, body, "8座", nth=1)
    assert body[s - 2:e] == "178座"  # … and then the tail, the only other place it is written
    assert locate(body, body, "8座", nth=2) is None
    # a text found only inside a longer number is still found there
    _, (s, e) = locate("共有15家企业。", "共有15家企业。", "5家")
    assert (s, e) == (3, 5)


def _loc(doc, start, end, passage=(0, 100), **row):
    base = {"kind": "amount", "value": 1, "value_high": None, "qualifier": "exact", "currency": "CNY",
            "family": "planned", "place": "", "period_start": "", "period_end": ""}
    return Located(doc, start, end, passage, {**base, **row})


def test_score_dev_counts_precision_and_recall_by_hand():
    gold = [_loc("a", 0, 5, value=5e8), _loc("a", 10, 14, value=3e9, qualifier="at_least"),
            _loc("a", 20, 23, kind="count", value=12, currency=None), _loc("b", 0, 4, value=7)]
    pred = [_loc("a", 1, 5, value=5e8),                                  # matches gold 1, all right
            _loc("a", 9, 14, value=3e9, qualifier="exact"),              # matches gold 2, qualifier wrong
            _loc("a", 40, 44, value=9),                                  # in the passage, matches nothing
            _loc("a", 200, 204, value=9, passage=(200, 210)),             # outside every labelled passage
            _loc("b", 0, 4, value=8)]                                    # matches gold 4, value wrong
    s = score_dev(gold, pred)
    assert (s["gold"], s["predicted"], s["matched"]) == (4, 4, 3)
    assert s["detection"]["precision"] == 0.75 and s["detection"]["recall"] == 0.75
    assert s["value"]["correct"] == 2 and s["value"]["recall"] == 0.5 and s["value"]["accuracy"] == 0.667
    assert s["qualifier"]["correct"] == 2 and s["qualifier"]["precision"] == 0.5
    # currency: amounts only (3 gold amounts, 4 predicted amounts, 3 matched, all CNY)
    assert s["currency"]["correct"] == 3 and s["currency"]["recall"] == 1.0 and s["currency"]["precision"] == 0.75
    amounts = score_dev(gold, pred, kinds=("amount",))
    assert amounts["gold"] == 3 and amounts["detection"]["recall"] == 1.0


def test_score_dev_says_na_for_a_missing_family_column():
    gold = [_loc("a", 0, 5)]
    pred = [Located("a", 0, 5, (0, 5), {"kind": "amount", "value": 1, "value_high": None, "qualifier": "exact",
                                        "currency": "CNY", "place": "", "period_start": None, "period_end": None})]
    s = score_dev(gold, pred)
    assert s["family"] is None
    assert s["place"]["accuracy"] == 1.0 and s["period"]["accuracy"] == 1.0  # empty agrees with empty
    assert set(DEV_FIELDS) <= set(s)


def test_matching_takes_the_largest_overlap_once():
    gold = [_loc("a", 0, 6), _loc("a", 6, 10)]
    pred = [_loc("a", 4, 10)]  # overlaps gold 1 by 2, gold 2 by 4
    pairs = match_located(gold, pred)
    assert [(g.start, p.start) for g, p in pairs] == [(6, 4)]
    assert match_located(gold, [_loc("b", 0, 6)]) == []  # another document
    assert in_passages([_loc("a", 50, 52, passage=(50, 52))], [_loc("a", 0, 6, passage=(0, 10))]) == []


def test_field_comparisons():
    g = {"kind": "amount", "value": 2.98e10, "value_high": None, "qualifier": "exact", "currency": "TWD",
         "family": "contracted", "place": "台南市", "period_start": "2019-01-01", "period_end": "2019-03-27"}
    p = dict(g, value=Decimal("29800000000"), place="臺南", period_start="2019-01-01 00:00:00",
             family="签约投资")
    assert all(field_agrees(f, g, p) for f in DEV_FIELDS)
    assert field_agrees("currency", g, dict(p, currency="CNY")) is False
    assert field_agrees("currency", dict(g, kind="count"), p) is None
    assert field_agrees("value", g, dict(p, kind="count")) is False
    assert field_agrees("family", g, {k: v for k, v in p.items() if k != "family"}) is None


def test_place_key_and_family_label():
    assert place_key("海拉尔区") == place_key("海拉尔") == "海拉尔"
    assert place_key("新疆维吾尔自治区") == "新疆"
    assert place_key("中国") == place_key("全国") == "全国"
    assert place_key("") == place_key(None) == ""
    assert place_key("歙县") == "歙县"  # a one-character stem keeps its suffix
    assert place_key("石林彝族自治县") == place_key("石林") == "石林"
    assert place_key("恩施土家族苗族自治州") == "恩施"
    assert family_label("利用外资") == "foreign" and family_label("到位资金") == "in_place"
    assert family_label("项目总投资") == "planned" and family_label("地区生产总值") == "output"
    assert family_label("in_place") == "in_place" and family_label(None) is None
    assert family_label("财政赤字") == "other"


@pytest.mark.parametrize("name, first, last, at_least", [
    ("written", 1, 52, 500),
    ("written2", 53, 104, 650),
])
def test_the_written_news_sets_parse_and_stand_in_their_articles(name, first, last, at_least):
    """gold/figures_check_written.jsonl and figures_check_written2.jsonl label the 104 articles of
    gold/written_news.jsonl (A01–D14, then E01–H13), which ship with the package (no corpus needed): every
    row uses the guide's vocabulary and is found as written in its own batch of articles."""
    import json

    from zhaoshang import resources
    from zhaoshang.evaluate import WRITTEN_NEWS, load_check_gold

    every = [json.loads(ln) for ln in resources.read_text(WRITTEN_NEWS).splitlines() if ln.strip()]
    articles = every[first - 1:last]
    rows = load_check_gold(f"gold/figures_check_{name}.jsonl")
    assert len(every) == 104 and len(rows) >= at_least
    assert {int(r["doc"].rsplit("#", 1)[1]) for r in rows} == set(range(first, last + 1))
    for r in rows:
        where = f"{r['doc']} {r['text']}"
        assert r["kind"] in ("amount", "count") and r["qualifier"] in QUALIFIERS, where
        assert r["family"] in FAMILIES and r["place_level"] in LEVELS, where
        assert r["kind"] == "amount" or r["family"] in ("contracted", "foreign", "other"), where  # the guide's counts
        assert r["text"] in r["sentence"], where
    docs = dev_documents(rows)
    assert len(docs) == 52 and {d.title for d in docs.values()} == {a["title"] for a in articles}
    placed, lost = locate_gold(rows, {k: d.body for k, d in docs.items()})
    assert lost == [] and len(placed) == len(rows)
