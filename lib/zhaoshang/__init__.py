"""zhaoshang: study how Chinese local governments court investors (招商引资).

Turn scraped articles and government documents — any encoding, either script,
damaged by converters — into tables a researcher can cite::

    import zhaoshang
    tables = zhaoshang.analyze("articles/", lexicon="my_terms.csv", jobs=2)
    tables.figures            # amounts and counts, with place, period, sentence, offsets
    tables.quotes             # direct quotations with speaker and role
    zhaoshang.save_tables(tables, "out/", formats=["csv", "parquet", "dta"])
    doc = zhaoshang.load_document("one-article.html")   # one cleaned document

The layers (data flows one way; a lower layer never imports a higher one):

    model, schema, resources, paths   records, table contracts, package data, the cache folder
    text        script, offsets, numbers, periods, places, segmentation, lexicons
    stages      ingest -> repair -> clean -> process: a file becomes a CleanDocument
    analyses    terms, explore, keyness, figures/, rhetoric/: a CleanDocument becomes rows
    corpus      the driver: every document through every analysis, the tables, the cache
    research    panels, the document-term matrix, change over time and place, validation samples
    outputs     export, display, overview, plots/, report
    cli         the ``zhaoshang`` command

``help(zhaoshang.analyze)`` and ``help(zhaoshang.Tables)`` say what the
arguments and the tables are; the README lists every column, and
docs/architecture.md where each job lives.
"""
from zhaoshang.corpus import Settings, Tables, analyze, run, settings
from zhaoshang.model import CleanDocument, Document, Edit, IngestError
from zhaoshang.outputs.export import save_tables
from zhaoshang.resources import ResourceError
from zhaoshang.stages.process import load_corpus, load_document
from zhaoshang.text.lexicon import Lexicon, LexiconFileError, Term, read_terms
from zhaoshang.version import __version__

__all__ = [
    "analyze", "run", "settings", "Settings", "Tables", "save_tables",
    "load_document", "load_corpus",
    "Document", "CleanDocument", "Edit", "IngestError",
    "Lexicon", "Term", "read_terms", "LexiconFileError",
    "ResourceError",
    "__version__",
]
