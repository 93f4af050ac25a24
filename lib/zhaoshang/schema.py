"""The table contracts as data: which columns each table has, their types and what they mean.

``COLUMNS`` are the minimum columns of each table (DESIGN.md, "Table contracts"), ``EXTRA_COLUMNS``
the further columns the analyses write. Every one of them has a :class:`Column` in ``SCHEMA``: a
logical type and a short English label, so that typed exports (Parquet, Stata) can give a
researcher real numbers, dates and booleans, and say what each variable is.

Logical types (``TYPES``):

* ``string`` – text;
* ``int`` – a whole number, possibly missing (pandas ``Int64``);
* ``float`` – a real number (amounts, which can be fractional: 31.5元);
* ``bool`` – true/false, possibly missing (pandas ``boolean``);
* ``date`` – a calendar day; the tables hold it as an ISO ``YYYY-MM-DD`` string.

A column an analysis adds that is not listed here has no known type: exports write it as text
(:func:`column` says so in its label).
"""
from __future__ import annotations

from dataclasses import dataclass

# Minimum columns of each table (DESIGN.md, "Table contracts"); analyses may add more.
COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "path", "encoding", "script", "title", "published", "site",
                  "reprinted_from", "n_chars", "n_repairs"],
    "term_counts": ["doc_id", "term", "count"],
    "words": ["word", "count", "docs"],
    "figures": ["doc_id", "kind", "value", "value_high", "currency", "unit", "qualifier", "metric",
                "subject", "place", "period_start", "period_end", "sentence", "start", "end"],
    "quotes": ["doc_id", "quote", "speaker", "role", "start", "end"],
    "slogans": ["doc_id", "slogan", "kind", "start", "end"],
    "rhetoric": ["doc_id", "category", "hits", "per_10k"],
    "repairs": ["doc_id", "start", "end", "before", "after", "kind", "confidence"],
    "reposts": ["doc_id", "cluster_id", "canonical_doc_id", "similarity", "relation"],
    "errors": ["path", "error"],
}
TABLES = tuple(COLUMNS)

# The further columns each analysis writes. Listed here so that a table keeps its full
# shape even when a corpus yields no rows for it (a notebook can always select them).
EXTRA_COLUMNS: dict[str, list[str]] = {
    "documents": ["n_unrecovered", "format", "year", "url", "place", "place_code", "place_level", "province",
                  "canonical", "cluster_id"],
    "term_counts": ["category"],
    "words": ["simplified"],
    "figures": ["text", "figure_id", "part_of", "conversion_of", "distributive", "place_code", "place_level",
                "place_parents", "province", "prefecture", "county", "place_mention", "place_source",
                "period_text", "sentence_start", "sentence_end", "raw_start", "raw_end",
                "family", "year", "size_floor", "currency_source", "claim_id"],
    "quotes": ["speaker_title", "organisation", "speaker_text", "speaker_start", "speaker_end", "anonymous",
               "pattern", "verb", "n_chars", "raw_start", "raw_end"],
    "slogans": ["kinds", "key", "nested", "in_speech", "metaphor", "raw_start", "raw_end"],
    "rhetoric": ["n_chars", "label", "terms"],
}

TYPES = ("string", "int", "float", "bool", "date")
MAX_LABEL = 80  # Stata's limit for variable and data labels; short enough for any tool


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, logical type (one of ``TYPES``) and variable label."""

    name: str
    type: str
    label: str

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"column {self.name!r}: unknown type {self.type!r}; use one of {', '.join(TYPES)}")
        if len(self.label) > MAX_LABEL:
            raise ValueError(f"column {self.name!r}: label longer than {MAX_LABEL} characters")


# What one row of each table is: the data label of an exported table.
TABLE_LABELS: dict[str, str] = {
    "documents": "One row per document read",
    "term_counts": "One row per document and lexicon term found",
    "words": "One row per segmented word over the corpus",
    "figures": "One row per reported amount or count",
    "quotes": "One row per direct quotation",
    "slogans": "One row per quoted slogan (not speech)",
    "rhetoric": "One row per document and rhetoric category",
    "repairs": "One row per edit made to the raw text",
    "reposts": "One row per document folded into another as its copy",
    "errors": "One row per input that could not be read",
    "panel": "One row per unit, year and measure (balanced: zeros included)",
}

VALUE_LABELLED: dict[str, dict[str, tuple[str, ...]]] = {
    "panel": {"unit_level": ("country", "province", "prefecture", "county", "zone"),
              "measure_kind": ("term", "category", "figure_family")},
}
"""Text columns with few distinct values that a Stata export writes as labelled integers: the
values in this order are 0, 1, 2 … (the same codes for every corpus), others follow sorted."""

_DOC_ID = ("string", "Document id: path relative to the corpus root, without suffix")
_BODY_START = ("int", "Start offset in the cleaned body (characters, from 0)")
_BODY_END = ("int", "End offset in the cleaned body (exclusive)")
_RAW_START = ("int", "Start offset in the raw text as decoded from disk")
_RAW_END = ("int", "End offset in the raw text as decoded from disk (exclusive)")

_SPEC: dict[str, dict[str, tuple[str, str]]] = {
    "documents": {
        "doc_id": _DOC_ID,
        "path": ("string", "File path relative to the corpus root (file#N for a record)"),
        "encoding": ("string", "Encoding the file was decoded with (utf-8, gbk, ...)"),
        "script": ("string", "Script of the text: traditional, simplified or mixed"),
        "title": ("string", "Title"),
        "published": ("date", "Publication date"),
        "site": ("string", "Site that published the text"),
        "reprinted_from": ("string", "Source the text says it was reprinted from"),
        "n_chars": ("int", "Length of the cleaned body in characters"),
        "n_repairs": ("int", "Number of repairs made to the raw text (see repairs)"),
        "n_unrecovered": ("int", "Damaged characters the repair could not recover"),
        "format": ("string", "Input format (txt, html, docx, jsonl, csv, md)"),
        "year": ("int", "Year published, else the year given by the corpus metadata"),
        "url": ("string", "URL from the record or the corpus metadata"),
        "place": ("string", "The document's own place: issuing government, main place, or 全国"),
        "place_code": ("string", "Gazetteer code of the document's place (empty for 全国)"),
        "place_level": ("string", "Level of the document's place: country, province, prefecture, county, zone"),
        "province": ("string", "Province of the document's place"),
        "canonical": ("bool", "The story's canonical copy (false: a repost, see reposts)"),
        "cluster_id": ("string", "Repost cluster: smallest doc_id of the story's copies"),
    },
    "term_counts": {
        "doc_id": _DOC_ID,
        "term": ("string", "Lexicon term (Simplified)"),
        "count": ("int", "Exact phrase count in title and body, either script"),
        "category": ("string", "Lexicon category of the term"),
    },
    "words": {
        "word": ("string", "Word as the texts write it most often"),
        "count": ("int", "Occurrences over the corpus"),
        "docs": ("int", "Number of documents containing the word"),
        "simplified": ("string", "Simplified form: the key both scripts are counted under"),
    },
    "figures": {
        "doc_id": _DOC_ID,
        "kind": ("string", "amount (money) or count (things counted)"),
        "value": ("float", "Value in base units of the currency (298億元 → 29800000000)"),
        "value_high": ("float", "Upper end of a range (value..value_high)"),
        "currency": ("string", "Currency of an amount (CNY, USD, ...); empty for counts"),
        "unit": ("string", "Unit of value: currency word of an amount (元), measure word of a count (個)"),
        "qualifier": ("string", "exact, at_least, more_than, approx, at_most, range or vague (数十亿)"),
        "metric": ("string", "What is measured or counted (合同總投資額, 新簽約項目, ...)"),
        "subject": ("string", "Named project or firm the figure is about"),
        "place": ("string", "Most specific place the figure belongs to"),
        "period_start": ("date", "First day of the period the figure covers"),
        "period_end": ("date", "Last day of the period the figure covers"),
        "sentence": ("string", "Sentence containing the figure"),
        "start": _BODY_START,
        "end": _BODY_END,
        "text": ("string", "The figure as written (body[start:end])"),
        "figure_id": ("string", "Figure id: doc_id#N"),
        "part_of": ("string", "figure_id of the total this figure is part of (其中, 均)"),
        "conversion_of": ("string", "figure_id of the figure this restates in another currency"),
        "distributive": ("bool", "One amount said of several subjects (均): a row per subject"),
        "place_code": ("string", "Gazetteer code of the place"),
        "place_level": ("string", "Level of the place: country, province, prefecture, county or zone"),
        "place_parents": ("string", "Administrative parents of the place, nearest first (A > B)"),
        "province": ("string", "Province of the place"),
        "prefecture": ("string", "Prefecture of the place"),
        "county": ("string", "County of the place"),
        "place_mention": ("string", "Place as the text names it (該區, 菏澤魯西新區, ...)"),
        "place_source": ("string", "Where the place was found: sentence, context or document"),
        "period_text": ("string", "Period as written (今年上半年, ...)"),
        "sentence_start": ("int", "Start offset of the sentence in the cleaned body"),
        "sentence_end": ("int", "End offset of the sentence in the cleaned body (exclusive)"),
        "raw_start": _RAW_START,
        "raw_end": _RAW_END,
        "family": ("string", "Metric family: contracted, planned, invested, in_place, foreign, output, other"),
        "year": ("int", "Year of the period (its last year), else the year of the document"),
        "size_floor": ("float", "Size class of what a count counts (亿元以上项目 → 100000000)"),
        "currency_source": ("string", "Whence the currency: written, document (bare 元) or inferred (no 元)"),
        "claim_id": ("string", "One claim reported by several figures (place, metric, value, period)"),
    },
    "quotes": {
        "doc_id": _DOC_ID,
        "quote": ("string", "Quoted text, without the quotation marks"),
        "speaker": ("string", "Speaker (name, else the words naming them)"),
        "role": ("string", "Role of the speaker: official, enterprise, other or unknown"),
        "start": _BODY_START,
        "end": _BODY_END,
        "speaker_title": ("string", "Title of the speaker (主任, 負責人, ...)"),
        "organisation": ("string", "Organisation of the speaker"),
        "speaker_text": ("string", "Words that name the speaker, as written"),
        "speaker_start": ("int", "Start offset of speaker_text in the cleaned body"),
        "speaker_end": ("int", "End offset of speaker_text in the cleaned body (exclusive)"),
        "anonymous": ("bool", "Speaker is not named (某企業有關負責人)"),
        "pattern": ("string", "Where the speaker was found: before, after, previous_sentence, ..."),
        "verb": ("string", "Speech verb (說, 表示, ...)"),
        "n_chars": ("int", "Length of the quote in characters"),
        "raw_start": _RAW_START,
        "raw_end": _RAW_END,
    },
    "slogans": {
        "doc_id": _DOC_ID,
        "slogan": ("string", "Slogan as written, without the quotation marks"),
        "kind": ("string", "First kind that applies (campaign, numeric, idiom, parallel, other)"),
        "start": _BODY_START,
        "end": _BODY_END,
        "kinds": ("string", "Every kind that applies, |-separated"),
        "key": ("string", "Simplified form of the slogan (to group both scripts)"),
        "nested": ("bool", "Quoted inside another quotation"),
        "in_speech": ("bool", "Inside a quoted speech"),
        "metaphor": ("string", "Metaphor lexicon term the slogan contains"),
        "raw_start": _RAW_START,
        "raw_end": _RAW_END,
    },
    "rhetoric": {
        "doc_id": _DOC_ID,
        "category": ("string", "Rhetoric category id"),
        "hits": ("int", "Matches of the category's terms in title and body"),
        "per_10k": ("float", "Hits per 10,000 characters"),
        "n_chars": ("int", "Characters counted (title and body)"),
        "label": ("string", "Category name in English"),
        "terms": ("string", "Terms of the category found, 、-separated"),
    },
    "repairs": {
        "doc_id": _DOC_ID,
        "start": ("int", "Start offset of the repaired span in the raw text"),
        "end": ("int", "End offset of the repaired span in the raw text (exclusive)"),
        "before": ("string", "Raw text before the repair"),
        "after": ("string", "Text after the repair"),
        "kind": ("string", "Kind of repair (pinyin, mojibake, ...)"),
        "confidence": ("float", "Confidence in the repair, 0 to 1"),
    },
    "reposts": {
        "doc_id": _DOC_ID,
        "cluster_id": ("string", "Repost cluster: smallest doc_id of the story's copies"),
        "canonical_doc_id": ("string", "doc_id of the story's canonical copy"),
        "similarity": ("float", "Estimated Jaccard similarity to the canonical copy (MinHash)"),
        "relation": ("string", "exact (same text), near (similar) or excerpt (largely contained)"),
    },
    "errors": {
        "path": ("string", "Input path relative to the corpus root"),
        "error": ("string", "Why the input could not be read"),
    },
    # not a table of a run (no COLUMNS entry): built from the run's tables by zhaoshang.research
    "panel": {
        "unit": ("string", "Unit: the documents' place at the panel level (全国 for national)"),
        "unit_code": ("string", "Gazetteer code of the unit (empty for 全国)"),
        "unit_level": ("string", "Level of the unit: country, province, prefecture, county, zone"),
        "year": ("int", "Year (documents' year; a figure's own year for figure families)"),
        "measure_kind": ("string", "Kind of measure: term, category or figure_family"),
        "measure": ("string", "Lexicon term, rhetoric category or metric family"),
        "count": ("int", "Term count, category hits, or number of figures"),
        "n_docs": ("int", "Documents of the unit in the year"),
        "n_chars": ("int", "Characters (title and body) of those documents"),
        "per_10k": ("float", "count per 10,000 characters; missing when the year has no document"),
        "value_low": ("float", "Figure families: sum of values (lower ends), yuan or counted units"),
        "value_high": ("float", "Figure families: sum of upper ends of ranges (else the value)"),
    },
}

SCHEMA: dict[str, dict[str, Column]] = {
    table: {name: Column(name, typ, label) for name, (typ, label) in cols.items()}
    for table, cols in _SPEC.items()
}


def column(table: str, name: str) -> Column:
    """The schema's column ``name`` of ``table``; a string column for one the schema does not know."""
    known = SCHEMA.get(table, {}).get(name)
    if known is not None:
        return known
    return Column(name, "string", f"{name} (not in the schema: exported as text)"[:MAX_LABEL])


def table_label(table: str) -> str:
    """What ``table`` is, for the data label of an export (≤ 80 characters)."""
    what = TABLE_LABELS.get(table)
    return (f"zhaoshang {table}: {what}" if what else f"zhaoshang {table}")[:MAX_LABEL]
