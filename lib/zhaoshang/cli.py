"""The ``zhaoshang`` command line.

    zhaoshang clean FILE [--format json|text]
    zhaoshang analyze CORPUS --out DIR [--jobs N] [--strict] [--format csv,xlsx,parquet,dta]
                      [--lexicon FILE [--lexicon-only]] [--codebook FILE] [--no-cache]
                      [--segmenter rjieba|jieba]
    zhaoshang cache [info|clear]
    zhaoshang terms PATH --term 产业链招商 [--term 營商環境 …] [--format table|csv]
    zhaoshang report [--corpus PATH] [--out DIR] [--show-code]

    zhaoshang --version

Exit codes: 0 the run completed (even if some inputs were rejected: see
errors.csv); 1 with --strict when inputs were rejected, or when no document
could be analysed (the reason is printed); 2 usage errors (bad options, a
corpus path that does not exist, a malformed lexicon or codebook file); 3 a
broken installation (a package resource missing or unreadable).
"""
from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_BROKEN = 0, 1, 2, 3


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
    from zhaoshang.corpus import run, settings
    from zhaoshang.outputs.export import check_formats, save_tables

    try:  # before the corpus is read: a typo costs nothing
        formats = check_formats(f.strip() for f in args.format.split(",") if f.strip())
    except ValueError as e:
        print(f"zhaoshang analyze: {e}", file=sys.stderr)
        return EXIT_USAGE
    if args.lexicon_only and not args.lexicon:
        print("zhaoshang analyze: --lexicon-only needs --lexicon FILE", file=sys.stderr)
        return EXIT_USAGE
    try:
        opts = settings(lexicon=args.lexicon, lexicon_only=args.lexicon_only, codebook=args.codebook,
                        segmenter=args.segmenter)
    except ValueError as e:  # a malformed lexicon or codebook: the message names file and line
        print(f"zhaoshang analyze: {e}", file=sys.stderr)
        return EXIT_USAGE
    tables = run(args.corpus, jobs=args.jobs, progress="auto" if not args.quiet else False, settings=opts,
                 cache=not args.no_cache)
    save_tables(tables, args.out, formats=formats)
    n_err = len(tables.errors)
    print(f"{tables.stats.line()} -> {args.out}", file=sys.stderr)
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


def cmd_report(args) -> int:
    from zhaoshang.outputs.report import build_report

    index = build_report(args.corpus, out=args.out, show_code=args.show_code, jobs=args.jobs)
    print(f"report written: {index}", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from zhaoshang.text.segment import DEFAULT_SEGMENTER, SEGMENTERS
    from zhaoshang.version import __version__

    p = argparse.ArgumentParser(prog="zhaoshang", description="Analyse Chinese investment-promotion (招商引资) texts.")
    p.add_argument("--version", action="version", version=f"zhaoshang {__version__}")
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
    a.add_argument("--no-cache", action="store_true",
                   help="analyse every document afresh and keep nothing (default: reuse and keep "
                        "per-document results)")
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
    a.add_argument("--quiet", action="store_true", help="no progress bar (there is none unless stderr is a terminal)")
    a.set_defaults(func=cmd_analyze, needs=("corpus",))

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
    from zhaoshang.resources import ResourceError

    try:
        return args.func(args)
    except ResourceError as e:  # a broken installation: say so at once, not per document
        print(f"zhaoshang {args.command}: {e}", file=sys.stderr)
        return EXIT_BROKEN
    except BrokenPipeError:  # output piped into head/less that closed early: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
