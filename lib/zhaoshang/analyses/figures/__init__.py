"""Reported investment figures: amounts and counts, with what, whose, where and when.

A figure is an amount of money (298亿元, 二百九十八亿元, 1.2万亿美元, 20—30亿元) or a count of
countable things (签约项目61个, 超过20家, 70余项). Each becomes one row of ``figures.csv``
(DESIGN.md) with

* ``value`` (and ``value_high`` for ranges and vague amounts) — amounts in base units of their currency, computed with
  :class:`~decimal.Decimal` so 16.4亿 is exactly 1640000000; counts as numbers of things;
* ``qualifier`` — exact, at_least, more_than, approx, at_most, range or vague (数十亿元: value..value_high
  the span the numerals allow, :func:`zhaoshang.text.numbers.vague_span`) (DESIGN.md);
* ``metric`` — what is measured (合同总投资额, 总投资, 投资, 到位资金 …; for counts, what is counted);
* ``subject`` — the named project or firm, when there is one;
* ``place`` — the most specific place the figure belongs to, with its administrative parents
  (:mod:`zhaoshang.text.places`), 该区/该县 resolved to the place last named, 全区/我区 to the
  document's own; places named in passing (destinations, partners, 等-lists) give none; in a
  government work report a figure with no place named is the report's own place
  (``place_source`` says which: sentence, context or document);
* ``period_start``/``period_end`` — the period the sentence names (:mod:`zhaoshang.text.periods`);
* provenance — ``sentence`` and ``start``/``end`` offsets into the cleaned ``body``
  (``body[start:end] == text``).

Two relations between figures are kept, never summed away: ``part_of`` (其中 introduces a part of
the preceding total) and ``conversion_of`` (约合人民币… restates another figure in a second
currency). ``distributive`` marks one amount said of several subjects (A、B投资均达10亿元以上 is two
rows, one per subject).

Matching runs on the Simplified view with full-width digits folded (both character-aligned with the
body); sentences, metrics and subjects are reported from the body, in the original script.

The modules, from the bottom up:

    patterns    the regular expressions and word lists (what a figure and its context look like)
    sentences   clauses, and the offset maps between body, view and compacted sentence (the sentences
                themselves: zhaoshang.text.sentences)
    record      the Figure record of one figure found
    qualify     the words that qualify a number (超过, 约, 以上 …) and whether it stands alone
    lists       the numbers of a list that share one unit (156、47、172案)
    detect      the amounts and counts of one sentence, with value and qualifier (find_figures)
    meaning     their metric and subjects (analyse_sentence)
    family      the metric family read from the figure's clause (签约, 将, 投入 …)
    sections    a work report's review and plan, and the period a paragraph opens with
    context     their place and period
    rows        the rows of figures.csv for a document (doc_figures) and for many (figures_frame)
    totals      metric families, totals per place, investment per project

How figures are displayed and charted is not analysis: see :mod:`zhaoshang.outputs.figures_display`
and :mod:`zhaoshang.outputs.plots.figures`.
"""
from zhaoshang.analyses.figures.detect import Figure, find_figures
from zhaoshang.analyses.figures.rows import COLUMNS, doc_figures, figures_frame
from zhaoshang.analyses.figures.totals import INVESTMENT_FAMILIES, metric_family, per_project, totals_by_place

__all__ = ["COLUMNS", "doc_figures", "figures_frame", "totals_by_place", "metric_family", "per_project",
           "find_figures", "Figure", "INVESTMENT_FAMILIES"]
