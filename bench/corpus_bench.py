"""Is zhaoshang fast at any corpus size? Throughput, memory, stages and pathological documents.

Usage:  make bench [MB=10] [WRITE=1]
        PYTHONPATH=lib .venv/bin/python bench/corpus_bench.py [--mb 50] [--subset-mb 5] [--seed 1]
                       [--repeat 2] [--case-mb 2] [--line-mb 20] [--budget 600] [--case-timeout 900]
                       [--write] [--check] [--keep]

The machine is shared and timings are noisy, so every number that is judged is a ratio against a
baseline measured in the same run, on the same text. Prints a Markdown report on stdout (progress
on stderr); ``--write`` also writes it to ``bench/results.md``; ``--check`` exits 1 when a target
is missed (the default exits 0: a benchmark reports, it does not gate).

The texts (built in a temporary folder, see :mod:`corpus_texts`): about ``--mb`` MB (1 MB = 10^6
bytes of UTF-8 text, whatever the file's encoding) of .txt files copied from the real documents
of ../shared/corpus (national-gwr, hailar-gwr-gbk, news-dev), each copy with a distinct header
line and a few paragraphs swapped (seeded), so that no per-document cache can hit; the files keep
their sources' sizes (1 KB news items to 170 KB reports). The first ``--subset-mb`` MB of them are
the subset.

What each number means, and the targets (from the issue "Fast at any corpus size"):

1. **Throughput** — MB of text per second of ``zhaoshang.corpus.run(folder, jobs=N, cache=False,
   progress=False)`` (what ``zhaoshang analyze --no-cache --jobs N`` runs, minus writing the
   tables), each in a fresh child process, timed after a small warm-up document (so interpreter
   start-up, imports and loading jieba's dictionary are not counted; with ``--jobs 2`` the worker
   processes are forked from the warmed-up process, their start is counted). Next to it, in the
   same run: ``jieba.lcut`` on each file's text (plain jieba, default dictionary, no user words,
   after ``jieba.initialize()``). Targets: ``jobs 1`` ≥ **10×** jieba.lcut's MB/s;
   ``jobs 2`` ≥ **1.6×** ``jobs 1``. How much of the machine each run got: its CPU seconds (the
   process and its workers; ÷ seconds is 1.0 for one job on an idle core, up to 2.0 for two) and
   the 1-minute load average when it ended (the run itself counts 1 or 2 of it). On a shared
   machine a jobs 2 ÷ jobs 1 ratio with CPU ÷ seconds well under 2 for jobs 2 measures the
   neighbours, not zhaoshang; so over the subset jobs 1 and jobs 2 run ``--repeat`` (2) times,
   interleaved, and the fastest of each is shown (the full set runs once).
2. **Peak memory** — the resident set of the child process running the analysis, at the subset
   and at the full size: with one job, ``getrusage(RUSAGE_SELF).ru_maxrss`` of the child (exact);
   with two, the sum of the resident sets of the child and its workers, sampled every 50 ms with
   psutil (an upper bound: pages the forked workers share are counted once per process). The
   resident set right after warm-up (libraries, dictionaries, lexicons) is shown as the floor.
   Target: at the full size (50 MB) within **1.5×** of the subset (5 MB), with one job.
3. **Stages** — seconds and MB/s of each step over the subset in this process, one document at a
   time: reading (``stages.ingest.read_source``), repair + clean + Simplified view
   (``stages.process.process``), each analysis of ``zhaoshang.corpus.work.ANALYSES`` (the
   function the corpus runs, without the raw-offset mapping), the cache entries a worker encodes
   (JSON + zlib) and the tables (``TableBuilder``: rows per document, DataFrames at the end);
   then, as references over the same raw texts, OpenCC t2s alone (the ceiling of any one pass over
   the text that converts it) and jieba.lcut, and the tokenizer alone (rjieba on the Simplified
   view: the part of ``words`` that is segmentation, the rest being the tally of words and word
   pairs). MB/s are all per MB of input text, so the seconds add up.
4. **Pathological documents** — one .txt file each, ``run(file, jobs=1, cache=False)`` in a child
   process, each against a document of ordinary text of the same size (the same kind of varied
   real text, with its line breaks) timed in the same child:

   * 2 MB (``--case-mb``) **without sentence punctuation**: the ordinary text with every 。！？!?…
     and line break removed (one "sentence" of 2 MB). Target: within **3×** the ordinary 2 MB.
   * a **single line**: the ordinary text with its line breaks removed, at 2 MB and at
     ``--line-mb`` (20) MB. Target: 10× the text within **15×** the time (1.5× the size ratio).
     It runs last; when the time left in ``--budget`` seconds cannot take 20 MB (predicted from
     the 2 MB line, as if linear, plus a margin), the report says so and the largest of 20, 10, 5
     MB that fits is run; a run that outlives the budget is stopped and reported as "> N s". (The
     budget caps only this document; the others run whatever the time, within ``--case-timeout``.)
   * **5,000 quotations**: real sentences carrying 5,000 short “…” quotations
     (``X表示：“…。”``, ``“…，”X说，…`` and quoted slogans). No target in the issue: the ratio
     shows what quotations cost.
   * **10,000 numbers**: real sentences each given a figure (总投资283.0亿元, 同比增长35.7%,
     二十亿元, full-width ２３．５０亿元, ranges …), 10,000 numbers added. No target in the issue.

Time: three passes over the full set (jieba, jobs 1, jobs 2) at well under 1 MB/s, plus about
four minutes of fixed cost (the subset runs, the stages, the pathological documents; the single
line takes what ``--budget`` leaves). ``make bench MB=10`` took 9 minutes on two shared cores at a
load average of 4; the full size takes correspondingly longer until zhaoshang gets faster.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus_texts as ct  # noqa: E402

TARGET_JIEBA = 10.0  # jobs 1 MB/s ÷ jieba.lcut MB/s, at least
TARGET_JOBS = 1.6  # jobs 2 MB/s ÷ jobs 1 MB/s, at least
TARGET_MEMORY = 1.5  # peak at full size ÷ peak at the subset, at most
TARGET_NO_ENDS = 3.0  # no sentence punctuation ÷ ordinary, same size, at most
TARGET_SCALE = 1.5  # time ratio ÷ size ratio for the single line, at most (15× for 10×)
NO_ENDS = "。！？!?…\r\n"
LINE_BREAKS = "\r\n"
CASES = {"ordinary": "ordinary", "no_ends": "no-punctuation", "line": "single line",
         "ordinary_quotes": "ordinary (quotations' size)", "quotes": "5,000 quotations",
         "ordinary_numbers": "ordinary (numbers' size)", "numbers": "10,000 numbers", "line_big": "long single line"}
MIB = 2 ** 20


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ the child process


class Sampler:
    """The peak resident set of this process and all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.05):
        try:
            import psutil
        except ImportError:  # pragma: no cover - psutil is in the venv
            psutil = None
        self.psutil, self.interval, self.peak = psutil, interval, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def tree_rss(self) -> int:
        me = self.psutil.Process()
        total = me.memory_info().rss
        for p in me.children(recursive=True):
            try:
                total += p.memory_info().rss
            except self.psutil.Error:
                pass
        return total

    def loop(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.tree_rss())
            self.stop.wait(self.interval)

    def __enter__(self):
        if self.psutil is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        if self.psutil is not None:
            self.thread.join()


def maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss * 1024 / MIB  # kilobytes on Linux


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the workers of a finished run)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child(paths: list[str], jobs: int, warmup: str) -> None:
    """Run each path through ``run`` and print one JSON line per path (flushed, so that a run
    stopped by the budget keeps what it finished)."""
    from zhaoshang.corpus import run

    run(warmup, jobs=1, cache=False, progress=False)
    base = maxrss_mb(resource.RUSAGE_SELF)
    for path in paths:
        with Sampler() as sampler:
            cpu = cpu_seconds()
            t = time.perf_counter()
            try:
                tables = run(path, jobs=jobs, cache=False, progress=False)
            except Exception as e:  # a library failure is a result too: say what, and time the work alone
                out = {"error": f"{type(e).__name__}: {e}", "failed_after": time.perf_counter() - t,
                       "seconds": None, "rejected": 0, "errors": 0, "work_seconds": time_work(path)}
            else:
                out = {"seconds": time.perf_counter() - t, "analysed": tables.stats.analysed,
                       "rejected": tables.stats.rejected, "errors": len(tables.errors)}
                del tables
        out.update({"path": path, "cpu_seconds": cpu_seconds() - cpu, "load": os.getloadavg()[0],
                    "base_mb": base, "maxrss_mb": maxrss_mb(resource.RUSAGE_SELF),
                    "maxrss_children_mb": maxrss_mb(resource.RUSAGE_CHILDREN),
                    "tree_peak_mb": sampler.peak / MIB if sampler.psutil else None})
        print(json.dumps(out), flush=True)


def time_work(path: str) -> float:
    """Seconds of the per-document work alone (``corpus.work.run_document``: process, analyses,
    raw offsets) on the documents of ``path``, without the store and the tables of ``run``."""
    from zhaoshang.corpus import default_settings, run_document
    from zhaoshang.model import Document
    from zhaoshang.stages.ingest import read_source

    opts = default_settings()
    t = time.perf_counter()
    for item in read_source(path):
        if isinstance(item, Document):
            run_document(item, opts)
    return time.perf_counter() - t


def spawn(paths: list[Path], jobs: int, warmup: Path, timeout: float | None = None) -> tuple[list[dict], bool]:
    """Results of :func:`child` in a fresh process, and whether it was stopped at ``timeout``."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *map(str, paths),
           "--jobs", str(jobs), "--warmup", str(warmup)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)  # the child and its workers: its own process group
        out, _ = proc.communicate()
    if proc.returncode != 0 and not timed_out:
        raise SystemExit(f"corpus_bench: the child process failed ({proc.returncode}): {' '.join(cmd)}")
    results = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    for r in results:
        if "error" in r:
            log(f"{r['path']}: run() failed after {r['failed_after']:.1f} s: {r['error'][:300]}")
        if r["rejected"] or r["errors"]:
            log(f"warning: {r['path']}: {r['rejected']} inputs rejected, {r['errors']} errors rows")
    return results, timed_out


# ------------------------------------------------------------------ in this process


def jieba_module():
    import logging

    from zhaoshang.text.segment import import_jieba

    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def time_jieba(texts) -> tuple[float, float, float]:
    """Seconds and CPU seconds of plain ``jieba.lcut`` over each text (default dictionary, no user
    words), and the load average at the end."""
    jieba = jieba_module()
    cpu, t = time.process_time(), time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t, time.process_time() - cpu, os.getloadavg()[0]


def stage_times(folder: Path, warmup: Path) -> dict[str, float]:
    """Seconds of each stage over the documents of ``folder``, one document at a time."""
    import opencc

    from zhaoshang.corpus import ANALYSES, default_settings
    from zhaoshang.corpus.store import doc_to_json, encode
    from zhaoshang.corpus.tables import RunStats, TableBuilder
    from zhaoshang.stages.ingest import Failure, read_source
    from zhaoshang.stages.process import process
    from zhaoshang.text.segment import doc_fields_tokens

    jieba = jieba_module()
    t2s = opencc.OpenCC("t2s")
    opts = default_settings()
    for item in read_source(warmup):  # lexicons, matchers and the tokenizer loaded before timing
        cdoc = process(item)
        for a in ANALYSES:
            a.run(cdoc, opts)
    names = ["ingest", "process", *(a.name for a in ANALYSES), "encode", "tables", "opencc", "jieba",
             "segmentation"]
    times = dict.fromkeys(names, 0.0)
    builder = TableBuilder()
    clock = time.perf_counter
    items = read_source(folder)
    while True:
        t = clock()
        item = next(items, None)
        times["ingest"] += clock() - t
        if item is None:
            break
        if isinstance(item, Failure):
            log(f"warning: {item.path}: {item.error}")
            continue
        t = clock()
        cdoc = process(item)
        times["process"] += clock() - t
        outputs = {}
        for a in ANALYSES:
            t = clock()
            outputs[a.name] = a.run(cdoc, opts)
            times[a.name] += clock() - t
        t = clock()
        encode(doc_to_json(cdoc))
        for out in outputs.values():
            encode(out)
        times["encode"] += clock() - t
        t = clock()
        builder.add(cdoc, outputs)
        times["tables"] += clock() - t
        t = clock()
        doc_fields_tokens(cdoc, opts.lexicon, opts.segmenter)  # the tokenizer's part of `words`
        times["segmentation"] += clock() - t
        t = clock()
        t2s.convert(item.raw_text)
        times["opencc"] += clock() - t
        t = clock()
        jieba.lcut(item.raw_text)
        times["jieba"] += clock() - t
    t = clock()
    builder.tables(docs=(), source="", stats=RunStats())
    times["tables"] += clock() - t
    return times


# ------------------------------------------------------------------ the report


def fmt_mb(nbytes: float) -> str:
    return f"{nbytes / ct.MB:.1f} MB" if nbytes >= 0.95 * ct.MB else f"{nbytes / ct.MB:.2f} MB"


def rate(nbytes: float, seconds: float) -> str:
    return f"{nbytes / ct.MB / seconds:.3f}" if seconds > 0 else "—"


def verdict(value: float, target: float, at_least: bool) -> str:
    ok = value >= target if at_least else value <= target
    return f"{'≥' if at_least else '≤'} {target:g}× {'ok' if ok else '**missed**'}"


def describe(copies: list[ct.Copy]) -> str:
    sizes = [c.nbytes for c in copies]
    per = {name: sum(c.source.corpus == name for c in copies) for name in ct.CORPORA}
    kinds = ", ".join(f"{name} {n:,}" for name, n in per.items())
    return (f"{fmt_mb(sum(sizes))} of text in {len(copies):,} .txt files ({kinds}; "
            f"{min(sizes) / 1000:.0f}–{max(sizes) / 1000:.0f} KB, median {statistics.median(sizes) / 1000:.0f} KB)")


def environment() -> str:
    import jieba
    import opencc

    import zhaoshang
    from zhaoshang.version import __version__

    def version(mod, dist):
        try:
            from importlib.metadata import version as v
            return v(dist)
        except Exception:
            return getattr(mod, "__version__", "?")

    load = os.getloadavg()[0]
    return (f"zhaoshang {__version__} ({Path(zhaoshang.__file__).parent}) · Python {platform.python_version()} · "
            f"jieba {version(jieba, 'jieba')} · OpenCC {version(opencc, 'opencc')} · "
            f"{os.cpu_count()} cores, load {load:.2f} at the start · {datetime.date.today()}")


# ------------------------------------------------------------------ the run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50, help="size of the corpus in MB of text (default 50)")
    ap.add_argument("--subset-mb", type=float, default=5, help="size of the subset (default 5)")
    ap.add_argument("--line-mb", type=float, default=20, help="size of the long single line (default 20)")
    ap.add_argument("--case-mb", type=float, default=2,
                    help="size of the ordinary, no-punctuation and single-line documents (default 2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget", type=float, default=600,
                    help="seconds the whole run may take; caps the long single line (default 600)")
    ap.add_argument("--case-timeout", type=float, default=900,
                    help="seconds the pathological documents but the long line may take in all (default 900)")
    ap.add_argument("--repeat", type=int, default=2,
                    help="runs of jobs 1 and jobs 2 over the subset, interleaved; the fastest of each counts "
                         "(default 2; the full set runs once)")
    ap.add_argument("--write", action="store_true", help="also write the report to bench/results.md")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is logged)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--warmup", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.jobs, args.warmup)
    tmp = Path(tempfile.mkdtemp(prefix="zhaoshang-bench-"))
    try:
        report, missed = bench(args, tmp)
    finally:
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(report)
    if args.write:
        (HERE / "results.md").write_text(report + "\n", encoding="utf-8")
        log(f"written {HERE / 'results.md'}")
    sys.exit(1 if args.check and missed else 0)


def bench(args, tmp: Path) -> tuple[str, list[str]]:
    from zhaoshang import paths

    start = time.perf_counter()
    deadline = start + args.budget
    env = environment()
    log(f"building the texts in {tmp}")
    srcs = ct.sources(paths.SHARED_CORPUS)
    full = ct.build_corpus(srcs, tmp / "full", args.mb, args.seed)
    one_set = args.mb <= args.subset_mb
    sub = full if one_set else ct.subset(full, tmp / "subset", args.subset_mb)
    sets = {"subset": (sub, tmp / ("full" if one_set else "subset"))}
    if not one_set:
        sets["full"] = (full, tmp / "full")
    warmup = tmp / "warmup.txt"
    warmup.write_text(ct.ordinary(srcs, args.seed + 7, 20_000), encoding="utf-8")
    nbytes = {k: sum(c.nbytes for c in copies) for k, (copies, _) in sets.items()}

    log(f"jieba.lcut over {fmt_mb(nbytes['full' if 'full' in sets else 'subset'])}")
    biggest = "full" if "full" in sets else "subset"
    jieba = time_jieba(c.text for c in sets[biggest][0])

    runs: dict[tuple[str, int], dict] = {}
    for key in sets:
        repeat = args.repeat if key == "subset" else 1
        for rep in range(repeat):
            for jobs in (1, 2):  # interleaved, so that a busy spell of the neighbours hits both
                log(f"run(jobs={jobs}) over the {key} set ({fmt_mb(nbytes[key])})"
                    + (f", {rep + 1} of {repeat}" if repeat > 1 else ""))
                r = spawn([sets[key][1]], jobs, warmup)[0][0]
                if (key, jobs) not in runs or r["seconds"] < runs[key, jobs]["seconds"]:
                    runs[key, jobs] = r

    log("stages over the subset")
    stages = stage_times(sets["subset"][1], warmup)

    notes: list[str] = []
    patho = path_cases(args, srcs, tmp, warmup, deadline, notes)

    lines, missed = render(args, env, full, sub, one_set, nbytes, jieba, runs, stages, patho, notes,
                           time.perf_counter() - start)
    return "\n".join(lines), missed


def path_cases(args, srcs, tmp: Path, warmup: Path, deadline: float, notes: list[str]) -> dict:
    """The pathological documents and their ordinary counterparts, timed in child processes."""
    seed = args.seed
    folder = tmp / "cases"
    folder.mkdir()
    n = int(args.case_mb * ct.MB)
    docs = {"no_ends": ct.ordinary(srcs, seed, n, drop=NO_ENDS),
            "line": ct.ordinary(srcs, seed, n, drop=LINE_BREAKS),
            "ordinary": ct.ordinary(srcs, seed, n),
            "quotes": ct.quotations(srcs, seed),
            "numbers": ct.numbers(srcs, seed)}
    for name in ("quotes", "numbers"):
        docs[f"ordinary_{name}"] = ct.ordinary(srcs, seed, len(docs[name].encode("utf-8")))
    files = {}
    for name, text in docs.items():
        files[name] = folder / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    sizes = {name: len(text.encode("utf-8")) for name, text in docs.items()}
    del docs
    order = ["ordinary", "no_ends", "line", "ordinary_quotes", "quotes", "ordinary_numbers", "numbers"]
    log("pathological documents: " + ", ".join(order))
    t = time.perf_counter()
    results, timed_out = spawn([files[n] for n in order], 1, warmup, timeout=args.case_timeout)
    spent = sum(r["seconds"] if r["seconds"] is not None else r["failed_after"] + r["work_seconds"] for r in results)
    overhead = time.perf_counter() - t - spent  # start-up and warm-up of a child
    secs = {name: r["seconds"] if r["seconds"] is not None else r["work_seconds"] for name, r in zip(order, results)}
    failed = {name: r for name, r in zip(order, results) if "error" in r}
    for name, r in failed.items():
        notes.append(f"`run()` failed on the {CASES[name]} document after {r['failed_after']:.0f} s with "
                     f"`{r['error'][:200]}`; its seconds are those of `corpus.work.run_document` alone "
                     "(process, analyses, raw offsets: no store, no tables).")
    if timed_out:
        notes.append(f"The pathological documents took more than --case-timeout ({args.case_timeout:g} s): "
                     f"{', '.join(CASES[n] for n in order if n not in secs)} not measured.")
    out = {"sizes": sizes, "seconds": secs, "failed": failed}
    if "line" not in secs:
        return out
    left = deadline - time.perf_counter()
    chosen = None
    first = None  # the predicted seconds of the full --line-mb line
    for mb in (args.line_mb, args.line_mb / 2, args.line_mb / 4):
        if mb * ct.MB <= 2 * sizes["line"]:
            break
        predicted = secs["line"] * mb * ct.MB / sizes["line"] * 1.25 + overhead + 5
        first = predicted if first is None else first
        if predicted <= left:
            chosen = mb
            break
    if chosen != args.line_mb and first is not None:
        why = (f"The {args.line_mb:g} MB single line would take about {first:.0f} s (the {fmt_mb(sizes['line'])} "
               f"line scaled linearly, plus a margin), more than the {max(left, 0):.0f} s left of the "
               f"{args.budget:g} s budget")
        notes.append(why + (f": the {chosen:g} MB line, the largest that fits, was run instead." if chosen else
                            f", and no line longer than {fmt_mb(2 * sizes['line'])} fits either: the scaling of "
                            "the single line was not measured (raise --budget)."))
    if chosen is None:
        return out
    text = ct.ordinary(srcs, seed, int(chosen * ct.MB), drop=LINE_BREAKS)
    big = folder / "line_big.txt"
    big.write_text(text, encoding="utf-8")
    sizes["line_big"] = len(text.encode("utf-8"))
    del text
    log(f"single line of {fmt_mb(sizes['line_big'])} ({max(left, 0):.0f} s left)")
    t = time.perf_counter()
    results, timed_out = spawn([big], 1, warmup, timeout=max(30.0, deadline - t))
    if timed_out:
        out["line_big_timeout"] = time.perf_counter() - t - overhead
        notes.append(f"The {fmt_mb(sizes['line_big'])} single line was stopped at the end of the budget, "
                     f"after about {out['line_big_timeout']:.0f} s.")
    else:
        r = results[0]
        secs["line_big"] = r["seconds"] if r["seconds"] is not None else r["work_seconds"]
        if "error" in r:
            out["failed"]["line_big"] = r
            notes.append(f"`run()` failed on the long single line after {r['failed_after']:.0f} s with "
                         f"`{r['error'][:200]}`; its seconds are those of `corpus.work.run_document` alone.")
    return out


def render(args, env, full, sub, one_set, nbytes, jieba, runs, stages, patho, notes, total_s):
    missed: list[str] = []
    jieba_s, jieba_cpu, jieba_load = jieba

    def judge(label: str, value: float, target: float, at_least: bool) -> str:
        v = verdict(value, target, at_least)
        if "missed" in v:
            missed.append(label)
        return v

    big = "full" if "full" in nbytes else "subset"
    lines = ["## zhaoshang corpus benchmark", "", env + f" · seed {args.seed} · {total_s:.0f} s in all", ""]
    lines.append(f"Corpus: {describe(full)}." + ("" if one_set else f" Subset: the first {describe(sub)}."))
    lines.append("Timed: `zhaoshang.corpus.run(folder, jobs=N, cache=False, progress=False)` in a fresh child "
                 "process after a warm-up document (no start-up, no writing of tables"
                 + (f"; over the subset the fastest of {args.repeat}, interleaved" if args.repeat > 1 else "")
                 + "); jieba.lcut in this process, file by file, after `jieba.initialize()`. "
                 "MB = 10^6 bytes of UTF-8 text.")
    lines += ["", "### Throughput", "",
              "| run | text | seconds | MB/s | ÷ jieba.lcut | target | peak memory | CPU s (÷ seconds) | load |",
              "|---|---|---:|---:|---:|---|---:|---:|---:|"]
    jieba_rate = nbytes[big] / jieba_s
    lines.append(f"| jieba.lcut (reference) | {fmt_mb(nbytes[big])} | {jieba_s:.1f} | {rate(nbytes[big], jieba_s)} "
                 f"| 1.00× | | | {jieba_cpu:.1f} ({jieba_cpu / jieba_s:.2f}) | {jieba_load:.2f} |")
    for key in ("full", "subset"):
        if key not in nbytes:
            continue
        for jobs in (1, 2):
            r = runs[key, jobs]
            x = nbytes[key] / r["seconds"] / jieba_rate
            target = judge("jobs 1 vs jieba", x, TARGET_JIEBA, True) if (key, jobs) == (big, 1) else ""
            mem = f"{r['maxrss_mb']:.0f} MB" if jobs == 1 else (
                f"{r['tree_peak_mb']:.0f} MB (3 processes)" if r["tree_peak_mb"] else "—")
            lines.append(f"| run(jobs={jobs}) | {fmt_mb(nbytes[key])} | {r['seconds']:.1f} | "
                         f"{rate(nbytes[key], r['seconds'])} | {x:.2f}× | {target} | {mem} | "
                         f"{r['cpu_seconds']:.1f} ({r['cpu_seconds'] / r['seconds']:.2f}) | {r['load']:.2f} |")
        ratio = runs[key, 1]["seconds"] / runs[key, 2]["seconds"]
        target = judge("jobs 2 vs jobs 1", ratio, TARGET_JOBS, True) if key == big else ""
        lines.append(f"| jobs 2 ÷ jobs 1 | {fmt_mb(nbytes[key])} | | {ratio:.2f}× | | {target} | | | |")

    lines += ["", "### Peak memory", "",
              "| | after warm-up | subset | full | full ÷ subset | target |", "|---|---:|---:|---:|---:|---|"]
    if one_set:
        lines.append("| (the corpus is no larger than the subset: no ratio) | | | | | |")
    else:
        for jobs, field, label in ((1, "maxrss_mb", "jobs 1: resident set of the process (ru_maxrss)"),
                                   (2, "tree_peak_mb", "jobs 2: process + 2 workers, summed (psutil, 50 ms)")):
            a, b = runs["subset", jobs][field], runs["full", jobs][field]
            if a is None or b is None:
                continue
            target = judge("memory", b / a, TARGET_MEMORY, False) if jobs == 1 else ""
            lines.append(f"| {label} | {runs['subset', jobs]['base_mb']:.0f} MB "
                         f"| {a:.0f} MB ({fmt_mb(nbytes['subset'])}) | {b:.0f} MB ({fmt_mb(nbytes['full'])}) | {b / a:.2f}× | {target} |")

    sb = nbytes["subset"]
    references = ("opencc", "jieba", "segmentation")  # not parts of the sum
    ours = sum(v for k, v in stages.items() if k not in references)
    labels = {"ingest": "reading (stages.ingest.read_source)",
              "process": "repair + clean + Simplified view (stages.process.process)",
              "encode": "cache entries: JSON + zlib of the document and every analysis's rows",
              "tables": "tables: TableBuilder.add per document, the DataFrames at the end",
              "opencc": "OpenCC t2s alone (reference: one pass)", "jieba": "jieba.lcut (reference)",
              "segmentation": "the tokenizer alone (rjieba, inside `words`; reference)"}
    lines += ["", f"### Stages ({fmt_mb(sb)} subset, one process, document by document)", "",
              "| stage | seconds | MB/s | share |", "|---|---:|---:|---:|"]
    for name, s in stages.items():
        if name == "opencc":
            lines.append(f"| **all of the above** | {ours:.2f} | {rate(sb, ours)} | 100% |")
        share = f"{100 * s / ours:.0f}%" if name not in references else ""
        label = labels.get(name, f"analysis `{name}`")
        lines.append(f"| {label} | {s:.2f} | {rate(sb, s)} | {share} |")
    r = runs["subset", 1]
    lines.append(f"| run(jobs=1) on the subset, for comparison (adds raw offsets, store, tables) | "
                 f"{r['seconds']:.2f} | {rate(sb, r['seconds'])} | |")

    sizes, secs = patho["sizes"], patho["seconds"]
    lines += ["", "### Pathological documents (one file each, run(file, jobs=1), same child process)", "",
              "| case | text | seconds | against | its seconds | ratio | target |", "|---|---:|---:|---|---:|---:|---|"]

    def row(label, name, base, base_label, target=None, size_ratio=None):
        if name not in secs or base not in secs:
            lines.append(f"| {label} | {fmt_mb(sizes.get(name, 0))} | not measured | {base_label} | | | |")
            return
        ratio = secs[name] / secs[base]
        t = ""
        if target is not None:
            t = judge(label, ratio, target, False)
        if name in patho["failed"] or base in patho["failed"]:
            t = (t.replace(" ok", "") + " — `run()` **failed**").strip(" —")
            if label not in missed:
                missed.append(label)
        text = f"{ratio:.2f}×" + (f" for {size_ratio:.1f}× the text" if size_ratio else "")
        lines.append(f"| {label} | {fmt_mb(sizes[name])} | {secs[name]:.2f} | {base_label} | {secs[base]:.2f} "
                     f"| {text} | {t} |")

    row("no sentence punctuation, no line breaks", "no_ends", "ordinary", f"ordinary {fmt_mb(sizes['ordinary'])}",
        TARGET_NO_ENDS)
    row("a single line (line breaks removed)", "line", "ordinary", f"ordinary {fmt_mb(sizes['ordinary'])}")
    if "line_big" in sizes:
        size_ratio = sizes["line_big"] / sizes["line"]
        if "line_big" in secs:
            row("a single line, longer", "line_big", "line", f"single line {fmt_mb(sizes['line'])}",
                TARGET_SCALE * size_ratio, size_ratio)
        elif "line" in secs:
            lower = patho["line_big_timeout"] / secs["line"]
            missed.append("single line scaling")
            lines.append(f"| a single line, longer | {fmt_mb(sizes['line_big'])} | > {patho['line_big_timeout']:.0f} "
                         f"(stopped) | single line {fmt_mb(sizes['line'])} | {secs['line']:.2f} | > {lower:.1f}× "
                         f"for {size_ratio:.1f}× the text | ≤ {TARGET_SCALE * size_ratio:g}× **missed** |")
    row("5,000 “…” quotations", "quotes", "ordinary_quotes", f"ordinary {fmt_mb(sizes['ordinary_quotes'])}")
    row("10,000 numbers", "numbers", "ordinary_numbers", f"ordinary {fmt_mb(sizes['ordinary_numbers'])}")
    if notes:
        lines += [""] + [f"* {n}" for n in notes]
    lines += ["", "Targets missed: " + (", ".join(missed) if missed else "none") + "."]
    return lines, missed


if __name__ == "__main__":
    main()
