"""The report's sentences are computed from the tables: checked on hand-made tables and national-gwr."""
from __future__ import annotations

import pandas as pd
import pytest
from zhaoshang import paths
from zhaoshang.outputs import narrative as nv

NATIONAL = paths.SHARED_CORPUS / "national-gwr"


def test_year_gaps_and_sentence():
    # the national reports' years (index.tsv): none for 1961–63, 1965–74, 1976–77, 1989–91, 1996, 2020
    years = ([*range(1954, 1961), 1964, 1975, *range(1978, 1989), *range(1992, 1996), *range(1997, 2020),
              *range(2021, 2026)])
    assert nv.year_gaps(years) == [(1961, 1963), (1965, 1974), (1976, 1977), (1989, 1991), (1996, 1996), (2020, 2020)]
    s = nv.years_sentence(years)
    assert "from 1954 to 2025 (52 of the 72 years)" in s and "1961–1963, 1965–1974" in s and "1996 and 2020" in s
    assert nv.years_sentence([2023]) .startswith("All dated documents are from 2023")
    assert nv.years_sentence([]).startswith("No documents carry a date")


def test_terms_sentences_name_absent_headline_terms():
    tc = pd.DataFrame({"doc_id": ["a", "a", "b"], "term": ["营商环境", "招商引资", "营商环境"], "count": [4, 1, 2]})
    headline = pd.DataFrame({"term": ["營商環境", "以商招商"], "count": [6, 0], "docs": [2, 0], "per_10k": [1.0, 0.0]})
    s = nv.terms_sentences(tc, headline, script="traditional")
    assert s.startswith("The most frequent lexicon terms are 營商環境 (6) and 招商引資 (1).")
    assert "營商環境 occurs 6 times in 2 documents" in s and "以商招商 does not occur" in s


def test_trend_sentences_first_year_and_peak():
    by = pd.DataFrame({"year": [2013, 2014, 2018, 2013, 2014, 2018], "term": ["营商环境"] * 3 + ["以商招商"] * 3,
                       "count": [0, 1, 4, 0, 0, 0], "per_10k": [0.0, 0.6, 1.9, 0, 0, 0]})
    s = nv.trend_sentences(by)
    assert "营商环境 first occurs in 2014 and is densest in 2018 (1.9 per 10,000 characters)" in s
    assert "以商招商 never occurs" in s


def test_shares_sentences_compare_first_and_last_decade():
    shares = pd.DataFrame({"year": [1954, 1954, 2024, 2024], "category": ["campaign", "innovation"] * 2,
                           "hits": [9, 1, 3, 7], "share": [0.9, 0.1, 0.3, 0.7]})
    s = nv.shares_sentences(shares, labels={"innovation": "Innovation", "campaign": "Campaigns"})
    assert "share of Innovation among all rhetoric hits went from 10% to 70%, the largest rise" in s
    assert "Campaigns went from 90% to 30%, the largest fall" in s


def test_figures_without_family_or_year_say_so():
    f = pd.DataFrame({"doc_id": ["a"], "kind": ["amount"]})
    assert "no `family` or `year` column" in nv.figures_by_year_sentence(f) and not nv.has_figure_years(f)
    f2 = f.assign(family=["投资"], year=[2020])
    assert "fewer than two distinct years" in nv.figures_by_year_sentence(f2)
    f3 = pd.concat([f2, f2.assign(year=[2021])])
    assert nv.has_figure_years(f3)


def test_headline_terms_in_the_corpus_script():
    assert nv.headline_terms("traditional") == ["產業鏈招商", "營商環境", "招商引資", "以商招商"]
    assert nv.headline_terms("simplified")[1] == "营商环境"


@pytest.mark.skipif(not NATIONAL.is_dir(), reason="../shared/corpus/national-gwr not available")
def test_national_reports_are_not_narrated_as_the_sample():
    from zhaoshang.corpus import analyze

    t = analyze(NATIONAL, progress=False)
    assert not nv.is_sample(t)
    text = " ".join([nv.corpus_sentences(t), nv.cleaning_sentences(t), nv.rhetoric_sentences(t), nv.voices_reading(t),
                     nv.totals_sentences(pd.DataFrame(columns=["place", "family", "period"]), t)])
    assert "sample" not in text and "enterprises do most of the talking" not in text
    assert "52 documents" in text and "1965–1974" in text
    # 43 quotes in the 52 reports, none by an enterprise (read in quotes.csv: 毛主席, 毛泽东, 斯大林 …)
    assert "Official voices carry" in nv.voices_reading(t) and "enterprises 0" in nv.voices_reading(t)


def test_the_sample_gets_its_own_reading():
    from zhaoshang.corpus import analyze

    t = analyze(paths.RAW, progress=False)
    assert nv.is_sample(t)
    assert nv.voices_reading(t) == nv.SAMPLE_VOICES


def test_held_out_sentence_names_the_fields_that_fall_short():
    idx = pd.MultiIndex.from_tuples([("amounts+counts", f) for f in ("detection", "place exact", "period exact",
                                                                      "metric family")], names=["figures", "field"])
    dev = pd.DataFrame({"precision zhaoshang": [1.0, 0.96, 0.96, float("nan")]}, index=idx)
    held = pd.DataFrame({"precision zhaoshang": [0.99, 0.70, 0.95, 0.5]}, index=idx)
    s = nv.held_out_sentence(dev, held)
    assert "place exact (0.700 against 0.960)" in s and "period" not in s and "detection" not in s
    assert "family" not in s  # no development score to compare with
    assert nv.held_out_sentence(dev, dev).startswith("On every field")
    assert nv.held_out_sentence(dev.iloc[:0], held) == ""
