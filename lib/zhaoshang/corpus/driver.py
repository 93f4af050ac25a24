"""The driver: every input of a corpus through every analysis, into tables.

:func:`analyze` is what the notebooks and the library's users call, :func:`run`
what it and the CLI share. A run is

* **streaming** – inputs are read as the work goes, a bounded number in flight;
  the tables keep rows, the documents' texts stay in the per-document store;
* **parallel** – ``jobs`` worker processes (0: one per core), results taken in
  input order, so the tables are byte-identical whatever the number;
* **incremental** – each document's results are cached under its content and
  the code, lexicon and codebook that made them (:mod:`.store`): an unchanged
  document is never analysed again, a new one once, and a changed lexicon
  re-runs only the analyses that count terms;
* **accountable** – every input ends in ``documents`` or in ``errors``.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

from zhaoshang import paths, resources
from zhaoshang.corpus import engines
from zhaoshang.corpus.settings import Settings, default_settings, settings
from zhaoshang.corpus.store import DocumentCache, analysis_key, cache_dir, document_key
from zhaoshang.corpus.reposts import DEFAULT_THRESHOLD
from zhaoshang.corpus.tables import Documents, RunStats, StoredOutputs, TableBuilder, Tables
from zhaoshang.corpus.work import ANALYSES, DocumentResult, DocumentWork
from zhaoshang.stages.ingest import Failure, read_source
from zhaoshang.text.lexicon import Lexicon
from zhaoshang.text.segment import DEFAULT_SEGMENTER

PROGRESS_MIN_DOCS = 50  # progress="auto" shows a bar from this many documents on


def sample_corpus() -> Path:
    """The checkout's sample article folder (data/raw): the corpus when none is named.

    Only a checkout has it; an installed package must be given a corpus."""
    if not paths.RAW.is_dir():
        raise FileNotFoundError(f"no corpus given, and no sample corpus at {paths.RAW} "
                                "(it exists only in a checkout of the project): pass a file, folder or glob")
    return paths.RAW


class RunInterrupted(Exception):
    """A run stopped by a signal (SIGINT, SIGTERM); the documents finished before it are in the cache."""

    def __init__(self, done: int, cause: BaseException) -> None:
        self.done, self.cause = done, cause
        super().__init__(f"stopped after {done} documents")


DOC_TIMEOUT = 600
"""Seconds one document may take before it becomes an errors row (``--doc-timeout``)."""


def run(source: str | Path, *, jobs: int = 1, progress: bool | str = "auto",
        settings: Settings | None = None, cache: bool = True, engine: str = "local",
        scheduler: str | None = None, doc_timeout: float | None = DOC_TIMEOUT,
        repost_threshold: float = DEFAULT_THRESHOLD) -> Tables:
    """Analyse ``source`` (file, folder or glob) into tables.

    Every package resource is read first (:func:`zhaoshang.resources.check`),
    so a broken installation raises :class:`~zhaoshang.resources.ResourceError`
    before any document is read. ``cache``: reuse and keep per-document
    results (False: a private store for this run only). ``progress``: True,
    False, or "auto" (a bar on a terminal, so that logs and notebook
    regression tests print nothing). ``tables.stats`` says how many documents
    were reused, analysed and rejected. ``engine``: where documents are analysed,
    "local" (``jobs`` processes here) or "dask" (a Dask cluster: the scheduler at
    ``scheduler``, or a LocalCluster of ``jobs`` workers; needs the ``dask`` extra).
    ``doc_timeout``: seconds one document may take before it is given up (an
    errors row); None for no limit. A worker process that dies costs the
    document it was analysing (an errors row), not the run. Interrupted by
    SIGINT or SIGTERM (with a handler that raises), the run stops, keeps what it
    finished in the cache and raises :class:`RunInterrupted`."""
    resources.check()
    engines.check(engine, jobs, scheduler)
    opts = settings if settings is not None else default_settings()
    store = DocumentCache(cache_dir()) if cache else DocumentCache.temporary()
    digests = {a.name: opts.digest(a.depends) for a in ANALYSES}
    builder = TableBuilder(repost_threshold)
    entries: list[tuple[str, str]] = []
    words_keys: list[str] = []  # where each document's word pairs are (Tables.word_pairs)
    reused = analysed = 0

    def tasks():
        for item in read_source(source):
            if isinstance(item, Failure):
                yield engines.Task(ready=item)
                continue
            key = document_key(item)
            keys = {a.name: analysis_key(key, a.name, digests[a.name]) for a in ANALYSES}
            found = {name: store.get(k) for name, k in keys.items()} if cache else {}
            missing = tuple(name for name in keys if found.get(name) is None)
            if not missing and (doc := store.get_doc(key)) is not None:
                store.touch([key, *keys.values()])
                yield engines.Task(ready=(key, keys, DocumentResult(item.path, doc, found)))
            else:
                yield engines.Task(ready=(key, keys, found), args=(item, missing, doc_timeout))

    stream = engines.start(engine, DocumentWork(opts), tasks(), jobs, scheduler=scheduler)
    results = _progress(stream) if progress is True or (progress == "auto" and sys.stderr.isatty()) else stream
    try:
        for task, result in results:
            if isinstance(task.ready, Failure):
                builder.fail(task.ready.path, task.ready.error)
                continue
            key, keys = task.ready[:2]
            if task.args is None:  # every result came from the cache
                result = task.ready[2]
                reused += 1
            else:
                if isinstance(result, engines.WorkerLost):
                    builder.fail(task.args[0].path, f"worker died while analysing: {result.reason}")
                    continue
                found = task.ready[2]
                if result.error is not None:
                    builder.fail(result.path, result.error)
                    continue
                store.put_encoded(key, result.encoded["doc"])  # encoded in the worker: only stored here
                for name in result.outputs:
                    store.put_encoded(keys[name], result.encoded[name])
                result = DocumentResult(result.path, result.doc, {**found, **result.outputs})
                analysed += 1
            outputs = {a.name: result.outputs[a.name] for a in ANALYSES}  # a fixed order, cached or not
            builder.add(result.doc, outputs)
            entries.append((result.doc.doc_id, key))
            words_keys.append(keys["words"])
    except KeyboardInterrupt as e:  # SIGINT, or SIGTERM through the CLI's handler
        store.commit()  # what is finished stays finished: the next run resumes from it
        raise RunInterrupted(reused + analysed, e) from e
    finally:
        stream.close()  # an engine stopped early ends its workers now (a no-op after the last result)
    store.commit()
    if cache:
        store.prune()
    stats = RunStats(reused=reused, analysed=analysed, rejected=len(builder.failures))
    return builder.tables(docs=Documents(store, entries), source=str(source), stats=stats,
                          word_pairs=StoredOutputs(store, words_keys, "word_pairs"),
                          doc_words=StoredOutputs(store, words_keys, "words"))


def _progress(results):
    from tqdm.auto import tqdm

    return tqdm(results, desc="documents", unit="doc", file=sys.stderr, miniters=PROGRESS_MIN_DOCS)


def analyze(source: str | Path | None = None, *, lexicon: Lexicon | str | Path | None = None,
            lexicon_only: bool = False, codebook: tuple | str | Path | None = None,
            jobs: int = 1, cache: bool = True, progress: bool | str = "auto", engine: str = "local",
            scheduler: str | None = None, segmenter: str = DEFAULT_SEGMENTER,
            repost_threshold: float = DEFAULT_THRESHOLD) -> Tables:
    """Every table for ``source`` — a file, a folder or a glob.

    ``lexicon``: your own terms (a TSV/CSV file with a ``term`` column and
    optional ``category``, ``gloss``, in either script, or a
    :class:`~zhaoshang.text.lexicon.Lexicon`), counted next to the built-in lexicon
    and given to the segmenter; ``lexicon_only=True`` counts them instead of
    it. ``codebook``: a YAML file of the built-in codebook's shape that
    replaces the rhetoric categories. ``segmenter``: "rjieba" (the default) or
    "jieba" (the reference): the same tokens, rjieba about ten times faster.
    ``jobs``: worker processes, 0 for one per core (the tables do not depend on
    it). ``engine``, ``scheduler``: where the documents are analysed (:func:`run`).
    ``cache``: each document's results are kept under its content and the code,
    lexicon, codebook and segmenter, and reused by the next run (False: analyse
    everything afresh, keep nothing). ``repost_threshold``: estimated Jaccard similarity from
    which two documents are copies of one story (:mod:`zhaoshang.corpus.reposts`); each table
    on one copy per story is ``tables.canonical()``.
    A run in which no document could be analysed warns with the reason.
    ``source=None`` means the checkout's sample article (data/raw)."""
    resources.check()
    source = sample_corpus() if source is None else source
    opts = settings(lexicon=lexicon, lexicon_only=lexicon_only, codebook=codebook, segmenter=segmenter)
    tables = run(source, jobs=jobs, progress=progress, settings=opts, cache=cache, engine=engine,
                 scheduler=scheduler, repost_threshold=repost_threshold)
    reason = tables.failure_reason()
    if reason is not None:
        warnings.warn(f"no document of {tables.source} could be analysed: {reason}", stacklevel=2)
    return tables
