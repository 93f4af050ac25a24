"""The character bigram model that chooses a lost character where the word model cannot.

Measured on held-out reports (odd years; the model is built from even years only) with the sample's
fault injected: scripts/eval_lost_char.py. These tests run a smaller slice of it."""
from __future__ import annotations

import sys

import pytest
from conftest import shared_corpus
from zhaoshang import paths, resources
from zhaoshang.stages.repair.scoring import char_context_score, pair_logp

sys.path.insert(0, str(paths.ROOT / "scripts"))


def test_model_is_package_data_read_through_resources():
    assert "lexicon/char_bigrams.tsv" in resources.REQUIRED
    head = resources.read_text("lexicon/char_bigrams.tsv").splitlines()[0]
    assert head.startswith("#total\t")


def test_pairs_of_report_language_are_likelier():
    assert pair_logp("营", "商") > pair_logp("营", "南") + 3
    assert pair_logp("9", "、") > pair_logp("9", "绍")  # digits are one class: G219、G109
    # ASCII signs of folded text count as their full-width forms
    assert pair_logp(",", "该") == pair_logp("，", "该")
    assert char_context_score("督", "察", "和") > char_context_score("督", "查", "和") - 10


def test_built_from_the_even_years_only():
    from build_char_bigrams import model_half, report_documents

    corpus = shared_corpus("national-gwr").parent
    assert all(model_half(int(name.split("/")[-1][:4])) for name, _ in report_documents(corpus, model=True))
    assert not any(model_half(int(name.split("/")[-1][:4])) for name, _ in report_documents(corpus, model=False))


def test_held_out_paragraphs_come_back_more_often_and_never_wrong():
    from eval_lost_char import held_out_cases, score

    cases = held_out_cases(shared_corpus("national-gwr").parent, 20)
    assert len(cases) == 20
    before = score(cases, with_model=False)
    after = score(cases, with_model=True)
    assert after["wrong"] == 0
    assert after["exact"] >= before["exact"] + 3
    assert after["given up (U+FFFD)"] <= before["given up (U+FFFD)"] - 3
