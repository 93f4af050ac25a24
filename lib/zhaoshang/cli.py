"""The ``zhaoshang`` command line.

    zhaoshang clean FILE [--format json|text]
    zhaoshang analyze CORPUS --out DIR [--jobs N] [--strict] [--format csv,xlsx,parquet,dta]
                      [--lexicon FILE [--lexicon-only]] [--codebook FILE] [--no-cache]
                      [--engine local|dask [--scheduler tcp://HOST:8786]]
                      [--segmenter rjieba|jieba]
                      [--panel-level document-place|province|prefecture|county] [--dtm csv|parquet]
    zhaoshang sample figures|quotes|slogans [--corpus PATH] [--n 100] [--seed 1] --out coding.xlsx
    zhaoshang score coding.xlsx [--format table|csv]
    zhaoshang cache [info|clear]
    zhaoshang terms PATH --term 产业链招商 [--term 營商環境 …] [--format table|csv]
    zhaoshang report [--corpus PATH] [--out DIR] [--show-code]

    zhaoshang --version

Exit codes: 0 the run completed (even if some inputs were rejected: see
errors.csv); 1 with --strict when inputs were rejected, or when no document
could be analysed (the reason is printed); 2 usage errors (bad options, a
corpus path that does not exist, a malformed lexicon or codebook file, --engine
dask without dask installed); 3 a broken installation (a package resource
missing or unreadable); 4 the disk or the file system failed while writing
tables, cache or report (the previous tables are left as they were).
``--debug`` shows the traceback of such errors.
"""
from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import sys
import threading
from pathlib import Path

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BROKEN, EXIT_IO = 0, 1, 2, 3, 4
EXIT_SIGINT, EXIT_SIGTERM = 130, 143  # 128 + the signal's number, as shells report it


class Terminated(KeyboardInterrupt):
    """SIGTERM (what schedulers send at a time limit), turned into an orderly stop like Ctrl-C."""


def _on_sigterm(signum, frame):
    raise Terminated()


def _stop_workers() -> None:
    """End every worker process this run started: none may outlive an interrupted run."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(timeout=5)
        if child.is_alive():
            child.kill()


def _source_exists(source: str) -> bool:
    from zhaoshang.stages.ingest import iter_files

    try:
        iter_files(source)
    except FileNotFoundError:
        return False
    return True


def cmd_clean(args) -> int:
    from zhaoshang.stages.process import load_document

    try:
        d = load_document(args.file)
    except ValueError as e:
        print(f"zhaoshang clean: {e}", file=sys.stderr)
        return EXIT_REJECTED
    if args.format == "text":
        print(d.body)
        return EXIT_OK
    out = {"doc_id": d.doc_id, "title": d.title, "published": d.published, "site": d.site,
           "reprinted_from": d.reprinted_from, "encoding": d.encoding, "script": d.script,
           "body": d.body, "n_unrecovered": d.n_unrecovered,
           "repairs": [{"start": e.start, "end": e.end, "before": e.before, "after": e.after,
                        "kind": e.kind, "confidence": e.confidence} for e in d.repairs]}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_analyze(args) -> int:
    from zhaoshang.corpus import engines, run, settings
    from zhaoshang.outputs.export import check_formats, save_tables, write_matrix
    from zhaoshang.research import document_term_matrix, panel

    try:  # before the corpus is read: a typo costs nothing
        formats = check_formats(f.strip() for f in args.format.split(",") if f.strip())
    except ValueError as e:
        print(f"zhaoshang analyze: {e}", file=sys.stderr)
        return EXIT_USAGE
    if args.lexicon_only and not args.lexicon:
        print("zhaoshang analyze: --lexicon-only needs --lexicon FILE", file=sys.stderr)
        return EXIT_USAGE
    try:  # an engine that cannot run (dask not installed, a scheduler without it): before the corpus too
        engines.check(args.engine, args.jobs, args.scheduler)
    except (ValueError, engines.EngineUnavailable) as e:
        print(f"zhaoshang analyze: {e}", file=sys.stderr)
        return EXIT_USAGE
    try:
        opts = settings(lexicon=args.lexicon, lexicon_only=args.lexicon_only, codebook=args.codebook,
                        segmenter=args.segmenter)
    except ValueError as e:  # a malformed lexicon or codebook: the message names file and line
        print(f"zhaoshang analyze: {e}", file=sys.stderr)
        return EXIT_USAGE
    tables = run(args.corpus, jobs=args.jobs, progress="auto" if not args.quiet else False, settings=opts,
                 cache=not args.no_cache, engine=args.engine, scheduler=args.scheduler,
                 doc_timeout=args.doc_timeout or None, repost_threshold=args.repost_threshold)
    terms = opts.lexicon.terms
    table = panel(tables, level=args.panel_level, terms=terms)
    save_tables(tables, args.out, formats=formats, extra={"panel": table})
    if args.dtm:
        write_matrix(document_term_matrix(tables, terms=terms), Path(args.out) / f"dtm.{args.dtm}")
    n_err = len(tables.errors)
    print(f"{tables.stats.line()} -> {args.out}", file=sys.stderr)  # the one line a run ends with
    reason = tables.failure_reason()
    if reason is not None:
        print(f"zhaoshang analyze: no document could be analysed: {reason}", file=sys.stderr)
        return EXIT_REJECTED
    if n_err and args.strict:
        return EXIT_REJECTED
    return EXIT_OK


def cmd_cache(args) -> int:
    from zhaoshang.corpus import DocumentCache, cache_dir, clear

    folder = cache_dir()
    if args.action == "clear":
        freed = clear(folder)
        print(f"cache cleared: {folder} ({freed / 2**20:.1f} MB freed)", file=sys.stderr)
        return EXIT_OK
    store = DocumentCache(folder)
    print(f"{folder}: {len(store)} entries, {store.size() / 2**20:.1f} MB")
    store.close()
    return EXIT_OK


def cmd_terms(args) -> int:
    from zhaoshang.analyses.terms import count_terms
    from zhaoshang.stages.process import load_corpus

    docs, errors = load_corpus(args.path)
    for f in errors:
        print(f"zhaoshang terms: skipped {f.path}: {f.error}", file=sys.stderr)
    import pandas as pd

    df = pd.DataFrame(count_terms(docs, args.term), columns=["doc_id", "term", "count"])
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(df.to_string(index=False) if len(df) else "(no documents)")
    return EXIT_OK if docs else EXIT_REJECTED


def cmd_sample(args) -> int:
    from zhaoshang.corpus import analyze
    from zhaoshang.outputs.export import write_xlsx
    from zhaoshang.research.validation import sample_rows

    if args.n < 1:
        print("zhaoshang sample: --n must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        print(f"zhaoshang sample: {out}: the sample is written as an Excel workbook (.xlsx)", file=sys.stderr)
        return EXIT_USAGE
    tables = analyze(args.corpus, progress=False)
    sample = sample_rows(tables, args.table, n=args.n, seed=args.seed)
    write_xlsx({"coding": sample, "how to code": _coding_guide(args.table)}, out)
    rows = len(tables.table(args.table))
    print(f"{len(sample)} of {rows} {args.table} rows sampled (seed {args.seed}) -> {out}", file=sys.stderr)
    return EXIT_OK


def _coding_guide(table: str):
    import pandas as pd

    from zhaoshang.research.validation import SAMPLE_FIELDS, STRATA

    lines = [("sentence", "the sentence the row was found in: read it before judging"),
             ("stratum", f"the row's {STRATA[table]} (the sample is stratified by it and spread over documents)")]
    for field in SAMPLE_FIELDS[table]:
        lines.append((f"ok_{field}", f"1 if {field} is right, 0 if it is wrong, empty if you cannot tell"))
        lines.append((f"right_{field}", f"when ok_{field} is 0: the right {field}"))
    lines.append(("score", "zhaoshang score THIS_FILE.xlsx: precision per field with 95% Wilson intervals"))
    return pd.DataFrame(lines, columns=["column", "what to write"])


def cmd_score(args) -> int:
    from zhaoshang.research.validation import read_coding, score_coding

    try:
        scores = score_coding(read_coding(args.coding))
    except (FileNotFoundError, ValueError) as e:
        print(f"zhaoshang score: {args.coding}: {e}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "csv":
        scores.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(scores.to_string(index=False, na_rep=""))
    return EXIT_OK


def cmd_report(args) -> int:
    from zhaoshang.outputs.report import build_report

    index = build_report(args.corpus, out=args.out, show_code=args.show_code, jobs=args.jobs)
    print(f"report written: {index}", file=sys.stderr)
    return EXIT_OK


def _io_problem(e: Exception) -> str:
    """One line for an I/O failure: what could not be written, where, and why."""
    from zhaoshang.outputs.export import STAGING_PREFIX

    where = getattr(e, "filename", None)
    reason = getattr(e, "strerror", None) or str(e)
    if where:
        folder = Path(where).parent
        if folder.name.startswith(STAGING_PREFIX):  # the exports' staging folder: name the output folder
            folder = folder.parent
        return f"cannot write {folder}: {reason} ({Path(where).name}); nothing was replaced"
    return f"input/output error: {reason} (the cache or an output folder); nothing was replaced"


def build_parser() -> argparse.ArgumentParser:
    from zhaoshang.corpus import reposts
    from zhaoshang.outputs.export import MATRIX_FORMATS
    from zhaoshang.research.units import PANEL_LEVELS
    from zhaoshang.research.validation import SAMPLEABLE
    from zhaoshang.text.segment import DEFAULT_SEGMENTER, SEGMENTERS
    from zhaoshang.version import __version__

    p = argparse.ArgumentParser(prog="zhaoshang", description="Analyse Chinese investment-promotion (招商引资) texts.")
    p.add_argument("--version", action="version", version=f"zhaoshang {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks of I/O errors")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("clean", help="repair and clean one file; print the result")
    c.add_argument("file")
    c.add_argument("--format", choices=["json", "text"], default="json")
    c.set_defaults(func=cmd_clean, needs=("file",))

    a = sub.add_parser("analyze", help="write all tables for a corpus (file, folder or glob)")
    a.add_argument("corpus")
    a.add_argument("--out", required=True, help="output folder for the tables")
    a.add_argument("--jobs", type=int, default=1,
                   help="worker processes, 0 for one per core (results do not depend on it)")
    a.add_argument("--doc-timeout", type=float, default=600, metavar="SECONDS",
                   help="give up a document that takes longer (an errors row); 0 for no limit (default 600)")
    a.add_argument("--no-cache", action="store_true",
                   help="analyse every document afresh and keep nothing (default: reuse and keep "
                        "per-document results)")
    a.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="where documents are analysed: local (--jobs processes here) or dask (a Dask "
                        "cluster; needs zhaoshang[dask]); the tables do not depend on it")
    a.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: a running scheduler (tcp://HOST:8786); default a local "
                        "cluster of --jobs workers")
    a.add_argument("--strict", action="store_true", help="exit 1 when any input was rejected")
    a.add_argument("--format", default="csv", help="comma-separated: csv, parquet, xlsx, dta (default csv)")
    a.add_argument("--lexicon", metavar="FILE", default=None,
                   help="your own terms (TSV or CSV with a 'term' column, optional 'category', 'gloss'; "
                        "either script), counted next to the built-in lexicon and used as segmenter words")
    a.add_argument("--lexicon-only", action="store_true", help="count only the --lexicon terms, not the built-in ones")
    a.add_argument("--codebook", metavar="FILE", default=None,
                   help="a YAML codebook (the built-in codebook's shape) replacing the rhetoric categories")
    a.add_argument("--segmenter", choices=SEGMENTERS, default=DEFAULT_SEGMENTER,
                   help=f"word segmenter for words.csv (default {DEFAULT_SEGMENTER}): the same tokens, "
                        "rjieba (jieba-rs) about ten times faster than jieba, the reference")
    a.add_argument("--repost-threshold", type=reposts.repost_threshold, default=reposts.DEFAULT_THRESHOLD,
                   metavar="J", help="estimated Jaccard similarity from which two documents are one story "
                   f"(0-1, default {reposts.DEFAULT_THRESHOLD}; README, Reposts)")
    a.add_argument("--quiet", action="store_true", help="no progress bar (there is none unless stderr is a terminal)")
    a.add_argument("--panel-level", choices=PANEL_LEVELS, default="document-place",
                   help="unit of panel.csv: the documents' own place (default), or its province, "
                        "prefecture or county")
    a.add_argument("--dtm", choices=MATRIX_FORMATS, default=None,
                   help="also write the document-term matrix (one row per document, a column per "
                        "lexicon term) as dtm.csv or dtm.parquet")
    a.set_defaults(func=cmd_analyze, needs=("corpus",))

    m = sub.add_parser("sample", help="draw a stratified sample of rows to check by hand (an .xlsx to code)")
    m.add_argument("table", choices=SAMPLEABLE)
    m.add_argument("--corpus", default=None, help="file, folder or glob (default data/raw)")
    m.add_argument("--n", type=int, default=100, help="rows to draw (default 100)")
    m.add_argument("--seed", type=int, default=1, help="random seed: the same seed draws the same rows")
    m.add_argument("--out", required=True, help="the workbook to write (coding.xlsx)")
    m.set_defaults(func=cmd_sample, needs=("corpus",))

    o = sub.add_parser("score", help="precision per field, with 95%% intervals, of a coded sample")
    o.add_argument("coding", help="the workbook `zhaoshang sample` wrote, coded")
    o.add_argument("--format", choices=["table", "csv"], default="table")
    o.set_defaults(func=cmd_score, needs=())

    t = sub.add_parser("terms", help="count terms (either script) in each document")
    t.add_argument("path")
    t.add_argument("--term", action="append", required=True, help="a term; repeat for more")
    t.add_argument("--format", choices=["table", "csv"], default="table")
    t.set_defaults(func=cmd_terms, needs=("path",))

    k = sub.add_parser("cache", help="the per-document cache: 'info' (default) or 'clear'")
    k.add_argument("action", nargs="?", choices=["info", "clear"], default="info")
    k.set_defaults(func=cmd_cache, needs=())

    r = sub.add_parser("report", help="run every notebook on a corpus and render HTML")
    r.add_argument("--corpus", default=None, help="file, folder or glob (default data/raw)")
    r.add_argument("--out", default=None, help="output folder (default reports/ or reports/<corpus-name>/)")
    r.add_argument("--show-code", action="store_true", help="show code cells in the HTML")
    r.add_argument("--jobs", type=int, default=1)
    r.set_defaults(func=cmd_report, needs=("corpus",))
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on usage errors
    for name in args.needs:
        value = getattr(args, name)
        if value is not None and not _source_exists(value):
            print(f"zhaoshang {args.command}: {value}: no such file, folder or matching glob", file=sys.stderr)
            return EXIT_USAGE
    if getattr(args, "jobs", 1) is not None and getattr(args, "jobs", 1) < 0:
        print(f"zhaoshang {args.command}: --jobs must be 0 (one per core) or more", file=sys.stderr)
        return EXIT_USAGE
    from zhaoshang.corpus.driver import RunInterrupted
    from zhaoshang.resources import ResourceError

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main else None
    try:
        return args.func(args)
    except (RunInterrupted, KeyboardInterrupt) as e:
        _stop_workers()
        cause = e.cause if isinstance(e, RunInterrupted) else e
        name, code = ("SIGTERM", EXIT_SIGTERM) if isinstance(cause, Terminated) else ("SIGINT", EXIT_SIGINT)
        done = f"after {e.done} documents; they are in the cache, and the next run resumes from there" \
            if isinstance(e, RunInterrupted) else "before any document was finished"
        print(f"zhaoshang {args.command}: stopped by {name} {done}", file=sys.stderr)
        return code
    except ResourceError as e:  # a broken installation: say so at once, not per document
        print(f"zhaoshang {args.command}: {e}", file=sys.stderr)
        return EXIT_BROKEN
    except BrokenPipeError:  # output piped into head/less that closed early: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, sqlite3.Error) as e:  # a full disk, a read-only folder, a lost mount
        if args.debug:
            raise
        print(f"zhaoshang {args.command}: {_io_problem(e)}", file=sys.stderr)
        return EXIT_IO
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
