"""Faults a long run meets: a scheduler's SIGTERM, a worker killed mid-run, a runaway document.

Each fault costs what it must and nothing more: the documents that succeeded give the same tables
as an undisturbed run, no worker outlives the run, and the next run resumes from the cache."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import shared_corpus
from zhaoshang.corpus import run
from zhaoshang.corpus import work as work_module


def _corpus(tmp_path: Path, texts: dict[str, str]) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


TEXTS = {"a.txt": "甲地签约项目12个，总投资5亿元。“我们很有信心。”董事长张三说。",
         "b.txt": "乙地新开工项目3个，总投资8亿元。",
         "c.txt": "丙地引进项目7个，计划投资20亿元。",
         "d.txt": "丁地签约项目4个。"}


def _without(tables, doc_id: str) -> dict[str, str]:
    """Every per-document table without the rows of ``doc_id``, as CSV text (NaN-safe to compare)."""
    return {name: df[df["doc_id"] != doc_id].to_csv(index=False)
            for name, df in tables.frames().items() if "doc_id" in df.columns}


def test_a_worker_killed_mid_run_costs_its_document_not_the_run(tmp_path, monkeypatch):
    root = _corpus(tmp_path, {**TEXTS, "c.txt": "致命" + TEXTS["c.txt"]})
    undisturbed = run(root, jobs=2, cache=False)
    real = work_module.doc_figures

    def killer(doc):
        if "致命" in doc.body:
            os.kill(os.getpid(), signal.SIGKILL)  # as the OS kills a worker for memory
        return real(doc)

    monkeypatch.setattr(work_module, "doc_figures", killer)  # forked workers inherit the patch
    t = run(root, jobs=2, cache=False)
    assert list(t.errors["path"]) == ["c.txt"]
    assert t.errors["error"][0].startswith("worker died while analysing: the worker process died")
    assert list(t.documents["doc_id"]) == ["a", "b", "d"]
    assert _without(t, "c") == _without(undisturbed, "c")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_its_time_limit_is_an_error_row(tmp_path, monkeypatch, jobs):
    root = _corpus(tmp_path, {**TEXTS, "b.txt": "慢" + TEXTS["b.txt"]})
    undisturbed = run(root, jobs=jobs, cache=False)
    real = work_module.doc_figures

    def slow(doc):
        if "慢" in doc.body:
            time.sleep(30)
        return real(doc)

    monkeypatch.setattr(work_module, "doc_figures", slow)
    started = time.monotonic()
    t = run(root, jobs=jobs, cache=False, doc_timeout=1)
    assert time.monotonic() - started < 20
    assert list(t.errors["path"]) == ["b.txt"]
    assert t.errors["error"][0] == "took longer than 1 s (--doc-timeout); given up"
    assert _without(t, "b") == _without(undisturbed, "b")


def _processes_marked(mark: str) -> list[int]:
    """Live processes whose environment carries ``mark`` (the run and every worker it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if mark.encode() in (entry / "environ").read_bytes():
                status = (entry / "status").read_text()
                if "\nState:\tZ" not in status:  # a zombie is already dead
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_sigterm_stops_the_run_and_its_workers_and_the_next_run_resumes(tmp_path):
    src = shared_corpus("national-gwr")
    root = tmp_path / "corpus"
    root.mkdir()
    # long enough on any machine that the signal lands mid-run: every report four times, each copy
    # made distinct (its own first line) so that nothing is shared between copies
    files = sorted(src.glob("*.txt"))
    for k in range(4):
        for f in files:
            (root / f"{k}_{f.name}").write_text(f"副本{k}\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    total = 4 * len(files)
    mark = f"ZHAOSHANG_TEST_RUN={uuid.uuid4().hex}"
    key, value = mark.split("=")
    env = {**os.environ, key: value, "ZHAOSHANG_DOCUMENT_CACHE": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "zhaoshang.cli", "analyze", str(root), "--out", str(tmp_path / "out"),
           "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_processes_marked(mark)) < 3 and time.monotonic() < deadline:  # the driver and two workers
        time.sleep(0.2)
    time.sleep(3)  # let some documents finish
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        left, alive = _processes_marked(mark), proc.poll() is None
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"the run did not end within 60 s of SIGTERM: driver alive {alive}, "
                    f"processes of the run still alive {left}")
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("zhaoshang analyze: stopped by SIGTERM after ")
    done = int(line.split("after ")[1].split()[0])
    assert done < total, "the run finished before the signal: nothing was tested"
    time.sleep(0.5)
    assert _processes_marked(mark) == [], "a worker outlived the run"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.csv"))  # no half tables
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    summary = again.stderr.strip().splitlines()[-1]
    assert f"{done} reused" in summary or int(summary.split(" reused")[0].split()[-1]) >= done
    assert summary.startswith(f"{total} documents:")


STOP_MID_RESULT = """
import multiprocessing, sys, time
from zhaoshang.corpus import engines

def work(n):
    return b"x" * n

def tasks():
    yield engines.Task(args=(10,))
    yield engines.Task(args=(int(sys.argv[1]),))  # a result that takes a while to send

stream = engines.processes(work, tasks(), 1)
next(stream)
time.sleep(float(sys.argv[2]))  # the worker is now building or sending the big result
stream.close()
print("stopped, workers alive:", len(multiprocessing.active_children()), flush=True)
"""


@pytest.mark.parametrize("wait", [0.05, 0.3, 0.8])
def test_a_run_stopped_while_a_worker_sends_its_result_ends_at_once(tmp_path, wait):
    """A run cut short (the CLI's SIGTERM, Ctrl-C in a notebook) ends its workers at once; one
    killed while it writes a large result into the pipe leaves half a message there, which must
    not keep the executor's reader thread, and with it the interpreter's exit, waiting for ever."""
    script = tmp_path / "stop.py"
    script.write_text(STOP_MID_RESULT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, str(script), str(300_000_000), str(wait)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped, workers alive: 0"  # ended, not left to finish


def test_on_dask_a_document_that_kills_every_worker_costs_its_document_not_the_run(tmp_path):
    """The dask engine's twin of the local test above: Dask gives up on a task whose workers keep
    dying (KilledWorker); that is the document's errors row, and the other documents' tables are
    an undisturbed run's."""
    distributed = pytest.importorskip("distributed")
    import logging

    root = _corpus(tmp_path, {**TEXTS, "c.txt": "致命" + TEXTS["c.txt"]})
    undisturbed = run(root, jobs=1, cache=False, progress=False)

    class Poison(distributed.WorkerPlugin):
        """In every worker process, restarted ones too: the document marked 致命 kills it."""

        def setup(self, worker):
            import os
            import signal

            from zhaoshang.corpus import work

            real = work.doc_figures

            def killer(doc):
                if "致命" in doc.body:
                    os.kill(os.getpid(), signal.SIGKILL)  # as the OS kills a worker for memory
                return real(doc)

            work.doc_figures = killer

    # Dask gives up on a task after allowed_failures + 1 dead workers (3 + 1 by default, 1 + 1 here:
    # each death is a worker restart of seconds), and the engine submits it once more: 4 deaths
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL,
                                  scheduler_kwargs={"allowed_failures": 1,
                                                    "dashboard_address": "127.0.0.1:0"}) as cluster, \
            distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        client.register_plugin(Poison(), name="poison")
        t = run(root, engine="dask", scheduler=cluster.scheduler_address, cache=False, progress=False)
    assert list(t.errors["path"]) == ["c.txt"]
    assert t.errors["error"][0].startswith("worker died while analysing: the Dask workers running it died 4 times")
    assert list(t.documents["doc_id"]) == ["a", "b", "d"]
    assert _without(t, "c") == _without(undisturbed, "c")
