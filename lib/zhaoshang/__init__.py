"""zhaoshang: study how Chinese local governments court investors (招商引资).

Turn scraped articles and government documents — any encoding, either script,
damaged by converters — into tables a researcher can cite::

    import zhaoshang
    tables = zhaoshang.analyze("articles/", lexicon="my_terms.tsv", jobs=2)
    tables.figures            # amounts and counts, with place, period, sentence, offsets
    tables.quotes             # direct quotations with speaker and role
    tables.save("out/", formats=["csv", "parquet"])
    doc = zhaoshang.load_document("one-article.html")   # one cleaned document

The layers, each a subpackage or module with one job (data flows one way):

    resources   package data (lexicons, codebook, gazetteer, notebooks), read by one loader
    ingest, repair, clean, pipeline   a file -> a CleanDocument (every repair logged)
    terms, figures, rhetoric, ...     a CleanDocument -> table rows
    corpus      the driver: every document, every table (parallel, cached)
    export, display, plots, report    what people see
    cli         the ``zhaoshang`` command

``help(zhaoshang.analyze)`` and ``help(zhaoshang.Tables)`` say what the
arguments and the tables are; the README lists every column.
"""
from .corpus import Settings, Tables, analyze, run
from .lexicon import Lexicon, LexiconFileError, Term, read_terms
from .model import CleanDocument, Document, Edit, IngestError
from .pipeline import load_corpus, load_document
from .resources import ResourceError

__version__ = "0.1.0"
__all__ = [
    "analyze", "run", "Tables", "Settings",
    "load_document", "load_corpus",
    "Document", "CleanDocument", "Edit", "IngestError",
    "Lexicon", "Term", "read_terms", "LexiconFileError",
    "ResourceError",
    "__version__",
]
