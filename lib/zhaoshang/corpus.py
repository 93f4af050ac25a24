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
import importlib
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import paths, resources
from .ingest import Failure, iter_files, read_source, relative_name
from .model import CleanDocument, Document
from .pipeline import process

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
    "errors": ["path", "error"],
}
TABLES = tuple(COLUMNS)

# The further columns each analysis writes. Listed here so that a table keeps its full
# shape even when a corpus yields no rows for it (a notebook can always select them).
EXTRA_COLUMNS: dict[str, list[str]] = {
    "documents": ["n_unrecovered", "format", "year", "url"],
    "term_counts": ["category"],
    "words": ["simplified"],
    "figures": ["text", "figure_id", "part_of", "conversion_of", "distributive", "place_code", "place_level",
                "place_parents", "province", "prefecture", "county", "place_mention", "place_source",
                "period_text", "sentence_start", "sentence_end", "raw_start", "raw_end"],
    "quotes": ["speaker_title", "organisation", "speaker_text", "speaker_start", "speaker_end", "anonymous",
               "pattern", "verb", "n_chars", "raw_start", "raw_end"],
    "slogans": ["kinds", "key", "nested", "in_speech", "metaphor", "raw_start", "raw_end"],
    "rhetoric": ["n_chars", "label", "terms"],
}

# Per-document analyses: table name -> (module, function). Each function takes a
# CleanDocument and returns a list of row dicts.
ANALYSES: dict[str, tuple[str, str]] = {
    "term_counts": ("zhaoshang.terms", "doc_term_counts"),
    "figures": ("zhaoshang.figures", "doc_figures"),
    "quotes": ("zhaoshang.analyses.rhetoric", "doc_quotes"),
    "slogans": ("zhaoshang.analyses.rhetoric", "doc_slogans"),
    "rhetoric": ("zhaoshang.analyses.rhetoric", "doc_rhetoric"),
}
WORDS = ("zhaoshang.terms", "doc_word_forms")  # Simplified key -> {surface form: count}


@dataclass
class Tables:
    """The tables of one corpus, plus the cleaned documents they point into."""

    documents: pd.DataFrame
    errors: pd.DataFrame
    term_counts: pd.DataFrame
    words: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    slogans: pd.DataFrame
    rhetoric: pd.DataFrame
    repairs: pd.DataFrame
    docs: list[CleanDocument] = field(default_factory=list)
    source: str = ""

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def doc(self, doc_id: str) -> CleanDocument:
        for d in self.docs:
            if d.doc_id == doc_id:
                return d
        raise KeyError(doc_id)

    def save(self, out: str | Path, *, formats: Iterable[str] = ("csv",)) -> list[Path]:
        """Write every table to ``out`` (csv, parquet, xlsx); returns the files written."""
        from .export import write_tables

        return write_tables({name: self.table(name) for name in TABLES}, Path(out), formats=formats)


# ------------------------------------------------------------------ per document


def _call(spec: tuple[str, str]):
    """The function a (module, name) spec names; imported on first use, in the worker."""
    module, func = spec
    return getattr(importlib.import_module(module), func)


@dataclass
class _Result:
    doc: CleanDocument | None
    rows: dict[str, list[dict]]
    words: dict[str, dict[str, int]]
    error: Failure | None = None


def _work(item: Document) -> _Result:
    """Everything done to one document; runs in a worker process."""
    try:
        cdoc = process(item)
    except Exception as e:  # a stage bug on one input must not stop the run
        return _Result(None, {}, {}, Failure(item.path, f"processing failed: {type(e).__name__}: {e}"))
    rows: dict[str, list[dict]] = {}
    stage = "words"
    try:
        for stage, spec in ANALYSES.items():
            rows[stage] = list(_call(spec)(cdoc))
        stage = "words"
        words = dict(_call(WORDS)(cdoc))
        stage = "raw offsets"
        _add_raw_spans(cdoc, rows)
    except Exception as e:  # an analysis bug on one input must not stop the run either
        return _Result(None, {}, {}, Failure(item.path, f"analysis failed ({stage}): {type(e).__name__}: {e}"))
    return _Result(cdoc, rows, words)


RAW_SPAN_TABLES = ("figures", "quotes", "slogans")


def _add_raw_spans(doc: CleanDocument, rows: dict[str, list[dict]]) -> None:
    """raw_start/raw_end on every row that has body offsets: where it stands in the file on disk."""
    from .offsets import RawMapper

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


def run(source: str | Path, *, jobs: int = 1, progress: bool | str = "auto") -> Tables:
    """Analyse ``source`` (file, folder or glob) without the cache.

    ``progress``: True, False, or "auto" (a bar for corpora of at least
    ``PROGRESS_MIN_DOCS`` documents, so that small runs — and notebook
    regression tests — print nothing)."""
    items = list(read_source(source))
    failures = [i for i in items if isinstance(i, Failure)]
    documents = [i for i in items if isinstance(i, Document)]
    if progress == "auto":
        progress = len(documents) >= PROGRESS_MIN_DOCS

    if jobs > 1 and len(documents) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results_iter = pool.map(_work, documents, chunksize=max(1, len(documents) // (jobs * 8)))
            results = list(_progress(results_iter, len(documents), progress))
    else:
        results = list(_progress(map(_work, documents), len(documents), progress))

    docs: list[CleanDocument] = []
    rows: dict[str, list[dict]] = {name: [] for name in ANALYSES}
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
    return Tables(**tables, docs=docs, source=str(source))


def _words_table(word_forms: list[dict[str, dict[str, int]]]) -> pd.DataFrame:
    """words.csv: word as the texts write it most often, its Simplified key, count, docs."""
    from .terms import display_forms, word_table

    counts = [{w: sum(f.values()) for w, f in forms.items()} for forms in word_forms]
    df = word_table(counts, display_forms(word_forms))
    return df[["word", "count", "docs", "simplified"]]


def _progress(it, total: int, enabled: bool):
    if not enabled:
        return it
    from tqdm.auto import tqdm

    return tqdm(it, total=total, desc="documents", unit="doc", file=sys.stderr)


# ------------------------------------------------------------------------- cache


def _fingerprint(source: str | Path) -> str:
    """A key that changes when the corpus, the lexicons or the library change."""
    h = hashlib.sha256()
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


def analyze(source: str | Path | None = None, *, jobs: int = 1, cache: bool = True,
            progress: bool | str = "auto") -> Tables:
    """Tables for ``source`` (default: data/raw), computed once and cached.

    ``jobs`` sets the number of worker processes; the result does not depend
    on it. Set ``cache=False`` to force a fresh run."""
    source = sample_corpus() if source is None else source
    if not cache:
        return run(source, jobs=jobs, progress=progress)
    key = _fingerprint(source)
    target = cache_dir() / f"{key}.pickle"
    if target.exists():
        try:
            with open(target, "rb") as fh:
                return pickle.load(fh)
        except Exception:
            target.unlink(missing_ok=True)  # stale or half-written: recompute
    tables = run(source, jobs=jobs, progress=progress)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    return tables
