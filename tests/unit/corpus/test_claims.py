"""claim_id: one figure reported by several stories is one claim; different figures never are."""
from __future__ import annotations

import pandas as pd
from zhaoshang.corpus.claims import claim_ids


def _fig(doc_id, n, *, place="齐河县", metric="投资", value=100_000_000, subject=None,
         period=("2023-01-01", "2023-12-31"), qualifier="exact"):
    return {"doc_id": doc_id, "figure_id": f"{doc_id}#{n}", "kind": "amount", "currency": "CNY", "place": place,
            "place_code": None, "metric": metric, "value": value, "value_high": None, "subject": subject,
            "qualifier": qualifier, "period_start": period[0], "period_end": period[1]}


def test_two_stories_reporting_one_figure_of_one_place_and_period_are_one_claim():
    f = pd.DataFrame([_fig("a", 1), _fig("b", 1, place="齊河縣", metric="投資")])
    assert claim_ids(f, {"a": "a", "b": "b"}, {"a", "b"}) == ["a#1", "a#1"]


def test_the_claim_is_named_after_the_canonical_copys_figure():
    f = pd.DataFrame([_fig("a", 1), _fig("b", 1)])
    assert claim_ids(f, {"a": "b", "b": "b"}, {"b"}) == ["b#1", "b#1"]


def test_different_places_periods_subjects_values_are_different_claims():
    f = pd.DataFrame([_fig("a", 1), _fig("b", 1, place="费县"), _fig("c", 1, period=("2022-01-01", "2022-12-31")),
                      _fig("d", 1, subject="万华化学项目"), _fig("e", 1, value=200_000_000)])
    ids = claim_ids(f, {d: d for d in "abcde"}, set("abcde"))
    assert len(set(ids)) == 5


def test_undated_figures_of_two_stories_are_two_claims_but_of_two_copies_one():
    f = pd.DataFrame([_fig("a", 1, period=(None, None)), _fig("b", 1, period=(None, None))])
    assert len(set(claim_ids(f, {"a": "a", "b": "b"}, {"a", "b"}))) == 2
    assert claim_ids(f, {"a": "a", "b": "a"}, {"a"}) == ["a#1", "a#1"]


def test_copies_of_one_story_match_figure_by_figure_whatever_period_each_resolved():
    # 2022年以来 resolved against each copy's own publication date; two 1亿元 projects in each copy
    a, b = ("2022-01-01", "2023-08-23"), ("2022-01-01", "2023-08-28")
    f = pd.DataFrame([_fig("a", 1, period=a), _fig("a", 2, period=a), _fig("b", 1, period=b), _fig("b", 2, period=b)])
    assert claim_ids(f, {"a": "a", "b": "a"}, {"a"}) == ["a#1", "a#2", "a#1", "a#2"]
