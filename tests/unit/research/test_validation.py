"""Validation: a stratified sample to code by hand, and precision with Wilson intervals."""
from __future__ import annotations

import pandas as pd
import pytest
from zhaoshang.research.validation import judgement, read_coding, sample_rows, score_coding, wilson


def coded_sample() -> pd.DataFrame:
    """Ten figures coded by hand: value right in 8, place judged in 5 rows, right in 3."""
    return pd.DataFrame({
        "sample_id": list(range(1, 11)),
        "ok_value": ["1", "1", "1", "1", "1", "1", "1", "1", "0", "0"],
        "right_value": [""] * 8 + ["5亿元", "3个"],
        "ok_place": ["1", "", "0", "y", "n", "yes", "", "", "", ""],
        "right_place": [""] * 10,
    })


def test_wilson_interval_by_hand():
    # 8 of 10: p = 0.8, z²/n = 0.38415; centre = (0.8 + 0.19207)/1.38415 = 0.71673,
    # half = 1.96·√(0.016 + 0.00960)/1.38415 = 0.22658 → [0.4902, 0.9433]
    lo, hi = wilson(8, 10)
    assert (round(lo, 4), round(hi, 4)) == (0.4902, 0.9433)
    # 3 of 5: centre = (0.6 + 0.38415)/1.76829 = 0.55655, half = 1.96·√(0.048 + 0.03841)/1.76829
    # = 0.32583 → [0.2307, 0.8824]
    lo, hi = wilson(3, 5)
    assert (round(lo, 4), round(hi, 4)) == (0.2307, 0.8824)
    assert wilson(10, 10)[1] == 1.0 and wilson(0, 10)[0] == 0.0


def test_score_a_hand_coded_sample(tmp_path):
    path = tmp_path / "coding.xlsx"
    coded_sample().to_excel(path, index=False)
    scores = score_coding(read_coding(path)).set_index("field")
    assert scores.loc["value", ["judged", "right", "precision"]].tolist() == [10, 8, 0.8]
    assert scores.loc["value", ["ci_low", "ci_high"]].tolist() == [0.4902, 0.9433]
    assert scores.loc["place", ["judged", "right", "precision"]].tolist() == [5, 3, 0.6]
    # every judged field right: rows 1, 2, 4, 6, 7, 8 of the ten
    assert scores.loc["all fields", ["judged", "right"]].tolist() == [10, 6]


def test_a_mark_that_is_no_judgement_names_row_and_column():
    bad = coded_sample()
    bad.loc[3, "ok_place"] = "maybe"
    with pytest.raises(ValueError, match="sample row 4, column ok_place"):
        score_coding(bad)
    assert judgement(1.0) is True and judgement("0") is False and judgement("") is None
    with pytest.raises(ValueError, match="not a sample"):
        score_coding(pd.DataFrame({"x": [1]}))


def hand_tables():
    # doc a: 6 amounts, 1 count; doc b: 2 amounts, 3 counts; doc c: 1 count
    kinds = {"a": ["amount"] * 6 + ["count"], "b": ["amount"] * 2 + ["count"] * 3, "c": ["count"]}
    rows = [{"doc_id": d, "kind": k, "start": i * 10, "end": i * 10 + 4, "value": float(i),
             "sentence": f"{d}句{i}", "text": f"{i}亿元"} for d, ks in kinds.items() for i, k in enumerate(ks)]
    figures = pd.DataFrame(rows)
    return type("T", (), {"table": lambda self, name: figures})()


def test_sample_is_stratified_spread_over_documents_and_repeatable():
    t = hand_tables()
    s = sample_rows(t, "figures", n=6, seed=1)
    # 13 figures: 8 amounts, 5 counts → 6·8/13 = 3.69 and 6·5/13 = 2.31 → 4 amounts, 2 counts
    assert s["stratum"].value_counts().to_dict() == {"amount": 4, "count": 2}
    # 4 amounts from a (6) and b (2), one document at a time: 2 from each
    assert s[s["stratum"] == "amount"]["doc_id"].value_counts().to_dict() == {"a": 2, "b": 2}
    assert s.equals(sample_rows(t, "figures", n=6, seed=1))
    assert not s["row"].equals(sample_rows(t, "figures", n=6, seed=2)["row"])
    assert s["ok_value"].isna().all() and "right_metric" in s.columns
    assert all(sent.startswith(doc) for sent, doc in zip(s["sentence"], s["doc_id"]))
    everything = sample_rows(t, "figures", n=100, seed=1)
    assert len(everything) == 13 and everything["row"].is_unique


def test_only_sampleable_tables():
    with pytest.raises(ValueError, match="cannot sample 'words'"):
        sample_rows(hand_tables(), "words")


def test_a_quote_is_shown_with_the_sentence_that_names_its_speaker():
    from conftest import make_doc

    body = "开场白。“我们将加大投资力度。”某公司总经理张三说。下一句。"
    doc = make_doc(body, doc_id="a")
    q0 = body.index("我们")
    quotes = pd.DataFrame([{"doc_id": "a", "quote": "我们将加大投资力度。", "speaker": "张三", "role": "enterprise",
                            "start": q0, "end": q0 + 10, "speaker_start": body.index("张三"),
                            "speaker_end": body.index("张三") + 2}])
    tables = type("T", (), {"table": lambda self, name: quotes, "doc": lambda self, doc_id: doc})()
    s = sample_rows(tables, "quotes", n=5)
    assert s.loc[0, "sentence"] == "“我们将加大投资力度。”某公司总经理张三说。"
    assert s.loc[0, "stratum"] == "enterprise" and "ok_speaker" in s.columns
