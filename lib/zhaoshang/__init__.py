"""zhaoshang: study how Chinese local governments court investors (招商引资).

Stages, one module each, pure functions on plain data:

    ingest   files (any encoding, txt/html/docx/jsonl/csv) -> Document
    repair   mojibake and glued pinyin readings repaired, every edit logged
    clean    boilerplate removed; title, date, site, reprint source extracted
    script   Simplified view for matching, with an offset map to the original
    terms, figures, rhetoric   analyses on cleaned documents
    corpus   runs the stages over a corpus and builds the tables
"""
from .model import Document, CleanDocument, Edit, IngestError

__version__ = "0.1.0"
__all__ = ["Document", "CleanDocument", "Edit", "IngestError", "__version__"]
