"""The rhetoric tables of one document, from one analysis of its quotations.

:func:`analyse` is what the corpus runner calls: it finds the quoted spans of a
document and attributes its speech once, and makes both the quotes rows and the
slogans rows from that one result (the slogans are the spans that are not speech,
so the two must come from the same analysis). The rhetoric rows count codebook and
metaphor matches and need no quoted spans. The rows are exactly those of
:func:`.quotes.doc_quotes`, :func:`.slogans.doc_slogans` and
:func:`.codebooks.doc_rhetoric`, which analyse a document on their own.
"""
from __future__ import annotations

from zhaoshang.analyses.rhetoric.codebooks import Category, doc_rhetoric
from zhaoshang.analyses.rhetoric.quotes import analyse_quotes, quote_rows
from zhaoshang.analyses.rhetoric.slogans import slogan_rows

TABLES = ("quotes", "slogans", "rhetoric")
"""The tables :func:`analyse` returns rows for, in this order."""


def analyse(doc, *, codebook: tuple[Category, ...] | None = None) -> dict[str, list[dict]]:
    """The ``quotes``, ``slogans`` and ``rhetoric`` rows of one CleanDocument.

    ``codebook``: the categories to count (:func:`.codebooks.read_codebook`); None
    is the built-in codebook."""
    spans = analyse_quotes(doc.simplified, doc.body)
    return {"quotes": quote_rows(doc, spans),
            "slogans": slogan_rows(doc, spans),
            "rhetoric": doc_rhetoric(doc, codebook=codebook)}
