"""The corpus: every document through every analysis, the tables, the per-document cache.

Modules, in the order the data flows: :mod:`.settings` (the lexicon and
codebook of a run), :mod:`.work` (one document through every analysis),
:mod:`.engines` (where that work runs), :mod:`.store` (the per-document
cache), :mod:`.tables` (rows into tables), :mod:`.driver` (:func:`run`,
:func:`analyze`).
"""
from zhaoshang.corpus.driver import analyze, run, sample_corpus
from zhaoshang.corpus.settings import Settings, default_settings, settings
from zhaoshang.corpus.store import DocumentCache, cache_dir, clear
from zhaoshang.corpus.tables import ROW_TABLES, Documents, RunStats, Tables
from zhaoshang.corpus.work import ANALYSES, RAW_SPAN_TABLES, Analysis, DocumentResult, analyse_document, run_document
from zhaoshang.schema import COLUMNS, EXTRA_COLUMNS, TABLES

__all__ = ["analyze", "run", "sample_corpus", "Settings", "settings", "default_settings", "Tables",
           "Documents", "RunStats", "ROW_TABLES", "DocumentCache", "cache_dir", "clear", "ANALYSES", "Analysis",
           "DocumentResult", "RAW_SPAN_TABLES", "analyse_document", "run_document", "COLUMNS", "EXTRA_COLUMNS", "TABLES"]
