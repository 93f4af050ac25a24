"""One document through every analysis: the unit of work that the engines run in parallel.

:data:`ANALYSES` lists the per-document analyses, each with the parts of the
run's settings it depends on (so that a changed lexicon re-analyses only what
counts terms). :func:`run_document` turns one input into a :class:`DocumentResult`; it
runs in a worker process, so it takes and returns plain, picklable values.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable

from zhaoshang.analyses import rhetoric
from zhaoshang.analyses.explore import word_pairs
from zhaoshang.analyses.figures import doc_figures
from zhaoshang.analyses.reposts import doc_signature
from zhaoshang.analyses.place import doc_place
from zhaoshang.analyses.terms import doc_term_counts, word_forms
from zhaoshang.corpus.settings import Settings, default_settings
from zhaoshang.corpus.store import doc_to_json, encode
from zhaoshang.model import CleanDocument, Document
from zhaoshang.resources import ResourceError
from zhaoshang.stages.process import process
from zhaoshang.text.offsets import RawMapper
from zhaoshang.text.segment import doc_fields_tokens


@dataclass(frozen=True)
class Analysis:
    """A per-document analysis: its name, the function, the settings parts it depends on."""

    name: str
    run: Callable[[CleanDocument, Settings], dict[str, object]]
    depends: tuple[str, ...] = ()


def _words(cdoc: CleanDocument, opts: Settings) -> dict[str, object]:
    """words.csv's word forms and the collocations' word pairs from one segmentation of the document."""
    fields = doc_fields_tokens(cdoc, opts.lexicon, opts.segmenter)
    return {"words": word_forms(fields),
            "word_pairs": [[a, b, n] for (a, b), n in word_pairs(fields).items()]}


ANALYSES: tuple[Analysis, ...] = (
    Analysis("term_counts", lambda d, o: {"term_counts": doc_term_counts(d, o.lexicon)}, ("lexicon",)),
    Analysis("figures", lambda d, o: {"figures": doc_figures(d)}),
    # quotations found once; quotes, slogans and rhetoric rows from them
    Analysis("rhetoric", lambda d, o: rhetoric.analyse(d, codebook=o.codebook), ("codebook",)),
    Analysis("words", _words, ("lexicon", "segmenter")),
    # the repost signature (MinHash of the match view); clustering is corpus-level (corpus.reposts)
    Analysis("reposts", lambda d, o: {"repost_signature": [doc_signature(d)]}),
    # the document's own place: further columns of its documents row
    Analysis("place", lambda d, o: {"documents": [doc_place(d)]}),
)
"""Every per-document analysis. Each returns rows by table name; ``words`` returns a
mapping Simplified word -> {surface form: count}, merged over the corpus into words.csv,
and ``word_pairs`` the adjacent content-word pairs ``[w1, w2, count]`` (read back from the
store for collocations: :attr:`~zhaoshang.corpus.tables.Tables.word_pairs`); ``documents``
returns further columns of the document's own documents row."""

ANALYSIS_NAMES = tuple(a.name for a in ANALYSES)

RAW_SPAN_TABLES = ("figures", "quotes", "slogans")
"""Tables whose rows get raw_start/raw_end: where the row stands in the file on disk."""


@dataclass(frozen=True)
class DocumentResult:
    """What one input became: its cleaned document and, per analysis, rows by table — or why not."""

    path: str
    doc: CleanDocument | None
    outputs: dict[str, dict[str, object]]
    error: str | None = None
    encoded: dict[str, bytes] = field(default_factory=dict)
    """The cache entries of the document ("doc") and of each analysis, encoded where the work ran
    (in the worker), so that the driver — the one process every document passes — only stores them."""


def analyse_document(cdoc: CleanDocument, opts: Settings | None = None) -> dict[str, object]:
    """The rows of every table for one cleaned document (``words`` as a mapping)."""
    opts = opts if opts is not None else default_settings()
    return {table: rows for a in ANALYSES for table, rows in _run(a, cdoc, opts).items()}


def _run(analysis: Analysis, cdoc: CleanDocument, opts: Settings) -> dict[str, object]:
    out = {table: (dict(rows) if table == "words" else list(rows))
           for table, rows in analysis.run(cdoc, opts).items()}
    mapper = None
    for table in RAW_SPAN_TABLES:
        for row in out.get(table, ()):
            mapper = mapper or RawMapper(cdoc.body_map, cdoc.repairs)
            row["raw_start"], row["raw_end"] = mapper.span(row["start"], row["end"])
    return out


class DocumentTimeout(BaseException):
    """One document took longer than its time limit (a BaseException, so that the per-analysis
    guards, which turn a bug into an errors row, do not mistake it for one)."""


@contextmanager
def _time_limit(seconds: float | None):
    """Raise :class:`DocumentTimeout` in this thread after ``seconds`` (where the platform allows:
    the main thread of a process with SIGALRM; elsewhere, no limit)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"took longer than {seconds:g} s (--doc-timeout); given up")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_document(item: Document, opts: Settings, names: tuple[str, ...] = ANALYSIS_NAMES,
                 timeout: float | None = None) -> DocumentResult:
    """Process one document and run the analyses called ``names`` on it, within ``timeout`` seconds.

    A bug met on one input costs that input (``error``, an errors row), not the
    run, and so does a document that runs out of time; a broken installation
    (:class:`ResourceError`) stops the run at once."""
    try:
        with _time_limit(timeout):
            return _analyse_input(item, opts, names)
    except DocumentTimeout as e:
        return DocumentResult(item.path, None, {}, str(e))


@dataclass(frozen=True)
class DocumentWork:
    """:func:`run_document` with a run's settings bound: what an engine maps over the inputs, so
    that the settings go to each worker process once rather than with every document."""

    opts: Settings

    def __call__(self, item: Document, names: tuple[str, ...] = ANALYSIS_NAMES,
                 timeout: float | None = None) -> DocumentResult:
        return run_document(item, self.opts, names, timeout)


def _analyse_input(item: Document, opts: Settings, names: tuple[str, ...]) -> DocumentResult:
    try:
        cdoc = process(item)
    except ResourceError:
        raise
    except Exception as e:  # a stage bug on one input must not stop the run
        return DocumentResult(item.path, None, {}, f"processing failed: {type(e).__name__}: {e}")
    outputs: dict[str, dict[str, object]] = {}
    for analysis in ANALYSES:
        if analysis.name not in names:
            continue
        try:
            outputs[analysis.name] = _run(analysis, cdoc, opts)
        except ResourceError:
            raise
        except Exception as e:  # an analysis bug on one input must not stop the run either
            return DocumentResult(item.path, None, {},
                                  f"analysis failed ({analysis.name}): {type(e).__name__}: {e}")
    encoded = {"doc": encode(doc_to_json(cdoc)), **{name: encode(out) for name, out in outputs.items()}}
    return DocumentResult(item.path, cdoc, outputs, encoded=encoded)
