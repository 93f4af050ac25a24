"""Research outputs built from a corpus's tables: panels, change over time and place, validation.

This layer sits between :mod:`zhaoshang.corpus` (which makes the tables) and
:mod:`zhaoshang.outputs` (which writes and draws them). Its functions take a
:class:`~zhaoshang.corpus.Tables` (or its DataFrames) and return new DataFrames; they
read no corpus and write no file, except :func:`validation.read_coding`, which reads a
researcher's coded sample back.

* :mod:`.units` – the unit (place) and year of each document, at a chosen level;
* :mod:`.panel` – panel.csv (unit × year × measure, balanced) and the document-term matrix;
* :mod:`.change` – keyness between groups of the corpus, first appearances, shares and
  terms per year on a continuous year axis, figures by year and family;
* :mod:`.validation` – a stratified sample of rows to code by hand, and precision per field.
"""
from zhaoshang.research.change import (category_shares, figures_by_year, first_appearance, keyness,
                                       terms_by_year)
from zhaoshang.research.panel import PANEL_COLUMNS, document_term_matrix, panel
from zhaoshang.research.units import PANEL_LEVELS, document_units
from zhaoshang.research.validation import sample_rows, score_coding

__all__ = ["panel", "PANEL_COLUMNS", "document_term_matrix", "document_units", "PANEL_LEVELS",
           "keyness", "first_appearance", "category_shares", "terms_by_year", "figures_by_year",
           "sample_rows", "score_coding"]
