"""Run every stage over a corpus and build the tables.

:func:`analyze` is what the CLI and the notebooks call. It is

* **streaming** – files are read and processed one at a time;
* **parallel** – ``jobs`` worker processes, results gathered in input order,
  so the tables are byte-identical whatever the number of processes;
* **accountable** – every input ends in ``documents`` or in ``errors``;
* **cached** – the tables of a corpus are computed once and reused (keyed on
  the files' contents, the lexicons and the library's own source), so a report
  that runs five notebooks analyses the corpus once.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Callable

import pandas as pd

from zhaoshang import paths, resources
from zhaoshang.analyses import rhetoric
from zhaoshang.analyses.figures import doc_figures
from zhaoshang.analyses.terms import doc_term_counts, doc_word_forms
from zhaoshang.model import CleanDocument, Document
from zhaoshang.resources import ResourceError
from zhaoshang.schema import COLUMNS, EXTRA_COLUMNS, TABLES
from zhaoshang.stages.ingest import Failure, iter_files, read_source, relative_name
from zhaoshang.stages.process import process
from zhaoshang.text.lexicon import Lexicon, default_lexicon, merge, read_terms

ROW_TABLES = ("term_counts", "figures", "quotes", "slogans", "rhetoric")
"""The tables whose rows the per-document analyses return."""


@dataclass(frozen=True)
class Settings:
    """What every document is analysed with, besides its text.

    ``lexicon`` is the lexicon whose terms are counted (term_counts.csv) and
    given to the segmenter as user words (words.csv); ``codebook`` the rhetoric
    categories (None: the built-in codebook). Both are values, so a run's
    settings travel to worker processes and key the cache."""

    lexicon: Lexicon
    codebook: tuple | None = None

    def digest(self) -> str:
        """A digest of the settings' content, for the cache key."""
        h = hashlib.sha256()
        for t in self.lexicon:
            h.update(f"{t.term}\t{t.category}\t{t.gloss}\n".encode())
        h.update(b"\0codebook\0" + repr(self.codebook).encode())
        return h.hexdigest()


def settings(*, lexicon: Lexicon | str | Path | None = None, lexicon_only: bool = False,
             codebook: tuple | str | Path | None = None) -> Settings:
    """Run settings from what a user gives: a lexicon (a :class:`Lexicon` or a TSV/CSV file
    with a ``term`` column) counted next to the built-in one, or instead of it with
    ``lexicon_only``; a codebook (a YAML file of the built-in codebook's shape) replacing
    the built-in rhetoric categories. A malformed file raises ``ValueError`` naming it."""
    user = read_terms(lexicon) if isinstance(lexicon, (str, Path)) else lexicon
    if user is None:
        if lexicon_only:
            raise ValueError("lexicon_only needs a lexicon")
        lex = default_lexicon()
    else:
        lex = user if lexicon_only else merge(default_lexicon(), user)
    if isinstance(codebook, (str, Path)):
        codebook = rhetoric.read_codebook(codebook)
    return Settings(lex, codebook)


@dataclass(frozen=True, repr=False)
class Tables:
    """The tables of one corpus, plus the cleaned documents they point into.

    Each table is a pandas DataFrame attribute (``tables.figures``); the
    columns are those of the table contracts in the README. ``docs`` holds the
    cleaned documents the offsets point into; ``source`` is what was analysed."""

    documents: pd.DataFrame
    errors: pd.DataFrame
    term_counts: pd.DataFrame
    words: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    slogans: pd.DataFrame
    rhetoric: pd.DataFrame
    repairs: pd.DataFrame
    docs: tuple[CleanDocument, ...] = ()
    source: str = ""

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(self.table(name))}" for name in TABLES if name not in ("documents", "errors"))
        return (f"<Tables {self.source!r}: {len(self.documents)} documents, {len(self.errors)} errors; "
                f"rows: {sizes}>")

    def table(self, name: str) -> pd.DataFrame:
        """The table called ``name`` (one of :data:`TABLES`)."""
        return getattr(self, name)

    def doc(self, doc_id: str) -> CleanDocument:
        """The cleaned document ``doc_id`` (the text that the offsets point into)."""
        for d in self.docs:
            if d.doc_id == doc_id:
                return d
        raise KeyError(doc_id)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in :data:`TABLES` order (what the exports write)."""
        return {name: self.table(name) for name in TABLES}

    def failure_reason(self) -> str | None:
        """When no document could be analysed, the most common reason (with its count); else None."""
        if len(self.documents) or not len(self.errors):
            return None
        counts = self.errors["error"].value_counts(sort=True)
        reason, n = counts.index[0], int(counts.iloc[0])
        return f"{reason} ({n} of {len(self.errors)} inputs)" if len(self.errors) > 1 else reason


# ------------------------------------------------------------------ per document


@dataclass(frozen=True)
class _Result:
    doc: CleanDocument | None
    rows: dict[str, list[dict]]
    words: dict[str, dict[str, int]]
    error: Failure | None = None


ANALYSES: tuple[tuple[str, Callable[[CleanDocument, Settings], dict[str, object]]], ...] = (
    ("term_counts", lambda d, o: {"term_counts": doc_term_counts(d, o.lexicon)}),
    ("figures", lambda d, o: {"figures": doc_figures(d)}),
    ("rhetoric", lambda d, o: rhetoric.analyse(d, codebook=o.codebook)),  # quotes, slogans, rhetoric
    ("words", lambda d, o: {"words": doc_word_forms(d, o.lexicon)}),
)
"""Every per-document analysis: (name, function of the document and the settings).

Each returns rows by table name — the rhetoric analysis finds a document's
quotations once and returns quotes, slogans and rhetoric rows from them —
and ``words`` a mapping Simplified word -> {surface form: count}, merged over
the corpus into words.csv."""


def analyse_document(cdoc: CleanDocument, opts: Settings | None = None) -> dict[str, object]:
    """The rows of every table for one cleaned document (``words`` as a mapping)."""
    opts = opts if opts is not None else Settings(default_lexicon())
    return {table: rows for _, analysis in ANALYSES for table, rows in analysis(cdoc, opts).items()}


def _work(item: Document, opts: Settings) -> _Result:
    """Everything done to one document; runs in a worker process.

    A bug met on one input costs that input (an errors row), not the run; a
    broken installation (:class:`ResourceError`) stops the run at once."""
    try:
        cdoc = process(item)
    except ResourceError:
        raise
    except Exception as e:  # a stage bug on one input must not stop the run
        return _Result(None, {}, {}, Failure(item.path, f"processing failed: {type(e).__name__}: {e}"))
    rows: dict[str, list[dict]] = {}
    words: dict[str, dict[str, int]] = {}
    stage = "analyses"
    try:
        for stage, analysis in ANALYSES:
            for table, result in analysis(cdoc, opts).items():
                if table == "words":
                    words = dict(result)
                else:
                    rows[table] = list(result)
        stage = "raw offsets"
        _add_raw_spans(cdoc, rows)
    except ResourceError:
        raise
    except Exception as e:  # an analysis bug on one input must not stop the run either
        return _Result(None, {}, {}, Failure(item.path, f"analysis failed ({stage}): {type(e).__name__}: {e}"))
    return _Result(cdoc, rows, words)


RAW_SPAN_TABLES = ("figures", "quotes", "slogans")


def _add_raw_spans(doc: CleanDocument, rows: dict[str, list[dict]]) -> None:
    """raw_start/raw_end on every row that has body offsets: where it stands in the file on disk."""
    from zhaoshang.text.offsets import RawMapper

    mapper = None
    for name in RAW_SPAN_TABLES:
        for row in rows.get(name, ()):
            mapper = mapper or RawMapper(doc.body_map, doc.repairs)
            row["raw_start"], row["raw_end"] = mapper.span(row["start"], row["end"])


def _doc_row(d: CleanDocument) -> dict:
    return {"doc_id": d.doc_id, "path": d.path, "encoding": d.encoding, "script": d.script,
            "title": d.title, "published": d.published, "site": d.site,
            "reprinted_from": d.reprinted_from, "n_chars": d.n_chars, "n_repairs": d.n_repairs,
            "n_unrecovered": d.n_unrecovered, "format": d.fmt,
            "year": d.year, "url": d.url}


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as a DataFrame: contract columns first, then the known extras, then any others."""
    df = pd.DataFrame(rows)
    known = COLUMNS[name] + EXTRA_COLUMNS.get(name, [])
    for col in known:
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    others = [c for c in df.columns if c not in known]
    return df[known + others].reset_index(drop=True)


# ------------------------------------------------------------------------ driver


PROGRESS_MIN_DOCS = 50  # progress="auto" shows a bar from this many documents on


def run(source: str | Path, *, jobs: int = 1, progress: bool | str = "auto",
        settings: Settings | None = None) -> Tables:
    """Analyse ``source`` (file, folder or glob) without the cache.

    Every package resource is read first (:func:`zhaoshang.resources.check`),
    so a broken installation raises :class:`ResourceError` before any
    document is read. ``progress``: True, False, or "auto" (a bar on a
    terminal for corpora of at least ``PROGRESS_MIN_DOCS`` documents, so that
    small runs, logs and notebook regression tests print nothing)."""
    resources.check()
    opts = settings if settings is not None else Settings(default_lexicon())
    items = list(read_source(source))
    failures = [i for i in items if isinstance(i, Failure)]
    documents = [i for i in items if isinstance(i, Document)]
    if progress == "auto":
        progress = len(documents) >= PROGRESS_MIN_DOCS and sys.stderr.isatty()

    if jobs > 1 and len(documents) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results_iter = pool.map(_work, documents, repeat(opts),
                                    chunksize=max(1, len(documents) // (jobs * 8)))
            results = list(_progress(results_iter, len(documents), progress))
    else:
        results = list(_progress((_work(d, opts) for d in documents), len(documents), progress))

    docs: list[CleanDocument] = []
    rows: dict[str, list[dict]] = {name: [] for name in ROW_TABLES}
    word_forms: list[dict[str, dict[str, int]]] = []
    repairs: list[dict] = []
    for r in results:
        if r.error is not None:
            failures.append(r.error)
            continue
        docs.append(r.doc)
        for name, rs in r.rows.items():
            rows[name].extend(rs)
        word_forms.append(r.words)
        repairs.extend({"doc_id": r.doc.doc_id, "start": e.start, "end": e.end, "before": e.before,
                        "after": e.after, "kind": e.kind, "confidence": e.confidence} for e in r.doc.repairs)

    tables = {
        "documents": _frame("documents", [_doc_row(d) for d in docs]),
        "errors": _frame("errors", sorted(({"path": f.path, "error": f.error} for f in failures),
                                          key=lambda r: r["path"])),
        "words": _words_table(word_forms),
        "repairs": _frame("repairs", repairs),
        **{name: _frame(name, rs) for name, rs in rows.items()},
    }
    return Tables(**tables, docs=tuple(docs), source=str(source))


def _words_table(word_forms: list[dict[str, dict[str, int]]]) -> pd.DataFrame:
    """words.csv: word as the texts write it most often, its Simplified key, count, docs."""
    from zhaoshang.analyses.terms import display_forms, word_table

    counts = [{w: sum(f.values()) for w, f in forms.items()} for forms in word_forms]
    df = word_table(counts, display_forms(word_forms))
    return df[["word", "count", "docs", "simplified"]]


def _progress(it, total: int, enabled: bool):
    if not enabled:
        return it
    from tqdm.auto import tqdm

    return tqdm(it, total=total, desc="documents", unit="doc", file=sys.stderr)


# ------------------------------------------------------------------------- cache


def _fingerprint(source: str | Path, opts: Settings) -> str:
    """A key that changes when the corpus, the settings, the package data or the library change."""
    h = hashlib.sha256(opts.digest().encode())
    root, files = iter_files(source)
    for f in files:
        st = f.stat()
        h.update(f"{relative_name(f, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    pkg = Path(__file__).parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(f.relative_to(pkg).as_posix().encode())
        h.update(f.read_bytes())
    h.update(resources.fingerprint().encode())
    return h.hexdigest()[:24]


def sample_corpus() -> Path:
    """The checkout's sample article folder (data/raw): the corpus when none is named.

    Only a checkout has it; an installed package must be given a corpus."""
    if not paths.RAW.is_dir():
        raise FileNotFoundError(f"no corpus given, and no sample corpus at {paths.RAW} "
                                "(it exists only in a checkout of the project): pass a file, folder or glob")
    return paths.RAW


def cache_dir() -> Path:
    return paths.cache_dir("tables")


def analyze(source: str | Path | None = None, *, lexicon: Lexicon | str | Path | None = None,
            lexicon_only: bool = False, codebook: tuple | str | Path | None = None,
            jobs: int = 1, cache: bool = True, progress: bool | str = "auto") -> Tables:
    """Every table for ``source`` — a file, a folder or a glob — computed once and cached.

    ``lexicon``: your own terms (a TSV/CSV file with a ``term`` column and
    optional ``category``, ``gloss``, in either script, or a
    :class:`~zhaoshang.text.lexicon.Lexicon`), counted next to the built-in lexicon
    and given to the segmenter; ``lexicon_only=True`` counts them instead of
    it. ``codebook``: a YAML file of the built-in codebook's shape that
    replaces the rhetoric categories. ``jobs``: worker processes (the tables
    do not depend on it). ``cache=False`` forces a fresh run; the cache key
    covers the corpus files, the lexicon, the codebook, the package data and
    the library's source. A run in which no document could be analysed is
    never cached, and warns with the reason. ``source=None`` means the
    checkout's sample article (data/raw)."""
    resources.check()
    source = sample_corpus() if source is None else source
    opts = settings(lexicon=lexicon, lexicon_only=lexicon_only, codebook=codebook)
    if not cache:
        return _warn_if_failed(run(source, jobs=jobs, progress=progress, settings=opts))
    key = _fingerprint(source, opts)
    target = cache_dir() / f"{key}.pickle"
    if target.exists():
        try:
            with open(target, "rb") as fh:
                return pickle.load(fh)
        except Exception:
            target.unlink(missing_ok=True)  # stale or half-written: recompute
    tables = _warn_if_failed(run(source, jobs=jobs, progress=progress, settings=opts))
    if tables.failure_reason() is not None:
        return tables  # a failed run is never cached
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    return tables


def _warn_if_failed(tables: Tables) -> Tables:
    reason = tables.failure_reason()
    if reason is not None:
        warnings.warn(f"no document of {tables.source} could be analysed: {reason}", stacklevel=3)
    return tables
