"""Accuracy of figure extraction against hand-labelled gold, next to JioNLP.

Two kinds of gold: sentences with every amount and count labelled (``gold/figures_gold.jsonl``,
:mod:`.sentences`), and whole documents of ``../shared/corpus`` with every figure of their labelled
passages and its fields — value, qualifier, currency, metric family, place, period
(``gold/figures_dev.jsonl`` and the check sets, :mod:`.documents`); the rules are in
``resources/gold/README.md``. The package's jobs, one module each: :mod:`.sentences` (the sentence
gold and JioNLP's answers), :mod:`.fields` (comparing one field of a matched figure),
:mod:`.documents` (locating, matching, predicting and scoring the document gold), :mod:`.tables` (the
scores shown). JioNLP is scored when it is installed (the ``eval`` extra).
"""
from __future__ import annotations

from zhaoshang.evaluate.documents import (CHECK_GOLD, DEV_GOLD, WRITTEN_NEWS, Located, dev_documents, evaluate_dev,
                                          in_passages, load_check_gold, load_dev_gold, locate, locate_gold,
                                          match_located, predict_dev_jionlp, predict_dev_zhaoshang, score_dev)
from zhaoshang.evaluate.fields import DEV_FIELDS, FAMILIES, family_label, field_agrees, place_key
from zhaoshang.evaluate.sentences import (GOLD, Key, available_systems, errors, evaluate, load_gold, load_jionlp,
                                          predict_jionlp, predict_zhaoshang, score, side_by_side, text_document)
from zhaoshang.evaluate.tables import dev_errors, dev_markdown, dev_table

__all__ = ["GOLD", "load_gold", "text_document", "predict_zhaoshang", "predict_jionlp", "score",
           "evaluate", "errors", "available_systems", "side_by_side", "Key", "load_jionlp",
           "DEV_GOLD", "CHECK_GOLD", "WRITTEN_NEWS", "load_check_gold", "DEV_FIELDS", "FAMILIES", "Located",
           "load_dev_gold", "locate", "locate_gold",
           "match_located", "in_passages", "place_key", "family_label", "field_agrees", "score_dev",
           "dev_documents", "predict_dev_zhaoshang", "predict_dev_jionlp", "evaluate_dev", "dev_markdown",
           "dev_errors", "dev_table"]
