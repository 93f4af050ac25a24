"""Rhetoric: who speaks, which slogans, which categories and metaphors.

Per document (a :class:`zhaoshang.model.CleanDocument` in, rows out):

* :func:`analyse` – the ``quotes``, ``slogans`` and ``rhetoric`` rows of a document,
  its quotations analysed once (meant for the corpus runner);
* :func:`doc_quotes`, :func:`doc_slogans`, :func:`doc_rhetoric` – one table each,
  the same rows; :func:`doc_metaphors`, :func:`doc_category_hits` – every hit with
  its sentence.

The codebook is a value: :func:`codebook` (built in), :func:`read_codebook` (a
user's YAML file), passed as ``codebook=``. Corpus-level tables for the notebooks
(:func:`category_profile`, :func:`voice_shares`, :func:`slogan_counts`, …) are in
:mod:`.summaries`; their charts in :mod:`zhaoshang.outputs.plots.rhetoric`.

Modules, from the bottom up: :mod:`.marks` (quotation marks, quoted spans),
:mod:`.lexicons` (chengyu, metaphors, a user's YAML file), :mod:`.speakers`
(speaker lexicon, names, titles, roles), :mod:`.quotes` (speech and its attribution →
quotes rows), :mod:`.slogans` (the other quoted spans → slogans rows),
:mod:`.codebooks` (codebook, phrase matching → rhetoric rows), :mod:`.document`
(:func:`analyse`), :mod:`.summaries`.

All offsets point into ``doc.body`` (or the title, for title hits); matching runs
on the Simplified view; lexicons are written once, in Simplified script.
"""
from zhaoshang.analyses.rhetoric.codebooks import (
    METAPHOR,
    Category,
    CodebookError,
    PhraseMatcher,
    categories,
    category_labels,
    codebook,
    doc_category_hits,
    doc_metaphors,
    doc_rhetoric,
    read_codebook,
    text_categories,
)
from zhaoshang.analyses.rhetoric.document import TABLES, analyse
from zhaoshang.analyses.rhetoric.lexicons import LexiconFileError, Metaphor, chengyu, metaphor_terms, metaphors
from zhaoshang.analyses.rhetoric.marks import (
    MAX_QUOTE_PARAGRAPHS,
    QuotedSpan,
    find_quoted_spans,
    is_embedded,
    is_speech_like,
)
from zhaoshang.analyses.rhetoric.quotes import analyse_quotes, doc_quotes
from zhaoshang.analyses.rhetoric.slogans import KINDS, doc_slogans, slogan_kind, slogan_kinds
from zhaoshang.analyses.rhetoric.roles import ROLES, speaker_role
from zhaoshang.analyses.rhetoric.speaker_lexicon import speaker_lexicon
from zhaoshang.analyses.rhetoric.speakers import Speaker, parse_speaker
from zhaoshang.analyses.rhetoric.summaries import (
    category_profile,
    corpus_metaphors,
    kind_counts,
    slogan_counts,
    slogans_by_kind,
    voice_categories,
    voice_shares,
)

__all__ = [
    # one document
    "analyse", "TABLES", "doc_quotes", "doc_slogans", "doc_rhetoric", "doc_metaphors", "doc_category_hits",
    # the codebook and lexicons
    "Category", "codebook", "read_codebook", "CodebookError", "LexiconFileError", "categories",
    "category_labels", "METAPHOR", "Metaphor", "metaphors", "metaphor_terms", "chengyu", "text_categories",
    "PhraseMatcher",
    # quotations and speakers
    "QuotedSpan", "find_quoted_spans", "analyse_quotes", "is_speech_like", "is_embedded",
    "MAX_QUOTE_PARAGRAPHS", "Speaker", "parse_speaker", "speaker_role", "speaker_lexicon", "ROLES",
    # slogans
    "KINDS", "slogan_kind", "slogan_kinds",
    # corpus-level tables
    "slogan_counts", "kind_counts", "slogans_by_kind", "category_profile", "corpus_metaphors",
    "voice_shares", "voice_categories",
]
