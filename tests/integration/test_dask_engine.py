"""The Dask engine: a run on a Dask cluster gives the local engine's tables, byte for byte."""
from __future__ import annotations

import itertools
import logging
import os
import pickle
import shutil
import signal
import sys
import threading
from collections import deque

import pytest
from conftest import shared_corpus
from zhaoshang.cli import main
from zhaoshang.corpus import default_settings, engines, run, run_document, settings
from zhaoshang.corpus.engines import Task
from zhaoshang.model import Document
from zhaoshang.outputs.export import save_tables
from zhaoshang.resources import ResourceError

distributed = pytest.importorskip("distributed")

GWR = ["1975年中华人民共和国国务院政府工作报告.txt", "1960年中华人民共和国国务院政府工作报告.txt"]
NEWS = ["cctv_17.html", "eb_04.html", "eb_10.html", "eb_17.html"]


def _local_cluster():
    """Two worker processes (each with its nanny, one thread) on localhost, no dashboard, quiet
    (the scheduler's HTTP routes on a free port: 8787 may be another cluster's)."""
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                    scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL,
                                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


@pytest.fixture(scope="module")
def scheduler():
    """A running two-worker LocalCluster on localhost, for the tests that name a scheduler."""
    with _local_cluster() as cluster:
        yield cluster.scheduler_address


def _corpus(tmp_path):
    src = tmp_path / "corpus"
    (src / "gwr").mkdir(parents=True)
    (src / "news").mkdir()
    for name in GWR:
        shutil.copy(shared_corpus("national-gwr") / name, src / "gwr" / name)
    for name in NEWS:
        shutil.copy(shared_corpus("news-dev") / name, src / "news" / name)
    (src / "news" / "empty.txt").write_bytes(b"")  # broken inputs: errors rows
    (src / "news" / "records.jsonl").write_text('{"text": "签约项目12个。"}\n{"title": "no text"}\nnot json\n',
                                                encoding="utf-8")
    return src


def _csv_bytes(tables, out):
    save_tables(tables, out)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_tables_on_a_local_cluster_are_byte_identical_to_the_local_engine(tmp_path, capfd):
    src = _corpus(tmp_path)
    one = run(src, jobs=1, cache=False, progress=False)
    two = run(src, jobs=2, cache=False, progress=False)
    capfd.readouterr()
    on_dask = run(src, jobs=2, cache=False, progress=False, engine="dask")
    assert capfd.readouterr() == ("", ""), "a dask run prints nothing of its own"
    assert len(on_dask.documents) == len(GWR) + len(NEWS) + 1 and len(on_dask.errors) == 3
    assert on_dask.errors.equals(one.errors)
    expected = _csv_bytes(one, tmp_path / "one")
    assert _csv_bytes(two, tmp_path / "two") == expected
    assert _csv_bytes(on_dask, tmp_path / "dask") == expected


def test_the_cli_runs_on_a_named_scheduler_and_prints_only_the_summary(tmp_path, scheduler, capfd):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("签约项目12个，总投资5亿元。", encoding="utf-8")
    (src / "b.txt").write_text("“营商环境就是生产力。”新开工项目3个。", encoding="utf-8")
    assert main(["analyze", str(src), "--out", str(tmp_path / "local"), "--no-cache", "--quiet"]) == 0
    capfd.readouterr()
    assert main(["analyze", str(src), "--out", str(tmp_path / "dask"), "--no-cache", "--quiet",
                 "--engine", "dask", "--scheduler", scheduler]) == 0
    out, err = capfd.readouterr()
    assert out == "" and err.splitlines() == [f"2 documents: 0 reused, 2 analysed, 0 rejected -> {tmp_path / 'dask'}"]
    for f in (tmp_path / "local").iterdir():
        assert (tmp_path / "dask" / f.name).read_bytes() == f.read_bytes(), f.name


def test_results_come_in_input_order_with_a_bounded_number_in_flight(scheduler):
    def slow_square(i):
        import time

        time.sleep(0.02 * (i % 4))  # later tasks often finish first
        return i * i

    read = []

    def endless():  # a corpus too big to map over: only the window is ever submitted
        for i in itertools.count():
            read.append(i)
            yield Task(ready=i) if i % 3 == 0 else Task(ready=i, args=(i,))

    results = engines.dask(slow_square, endless(), 2, scheduler=scheduler, window=3)
    got = []
    for task, result in itertools.islice(results, 10):
        got.append((task.ready, result))
        assert len(read) <= len(got) + 2 * 3 + 1
    results.close()
    assert got == [(i, i if i % 3 == 0 else i * i) for i in range(10)]


def test_a_resource_error_on_a_worker_stops_the_run(scheduler):
    def broken(i):
        from zhaoshang.resources import ResourceError

        if i == 2:
            raise ResourceError("zhaoshang resource missing: lexicon/terms.tsv")
        return i

    with pytest.raises(ResourceError, match="terms.tsv"):
        list(engines.dask(broken, (Task(args=(i,)) for i in range(6)), 2, scheduler=scheduler))


def test_a_document_whose_work_raises_is_an_error_as_on_the_local_engine(scheduler):
    opts = default_settings()
    docs = [Document("a", "a.txt", "签约项目12个。", "utf-8", "txt"),
            Document("bad", "bad.txt", "文本。", "utf-8", "txt", meta=None)]  # process() fails on it
    tasks = [Task(ready=d.path, args=(d, opts)) for d in docs]
    local = [r for _, r in engines.serial(run_document, tasks)]
    remote = [r for _, r in engines.dask(run_document, tasks, 2, scheduler=scheduler)]
    assert [r.error for r in remote] == [r.error for r in local]
    assert remote[0].error is None and remote[1].error.startswith("processing failed: AttributeError")
    assert remote[0].outputs == local[0].outputs and remote[0].doc == local[0].doc


def test_the_work_and_its_settings_pickle_for_the_workers(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category\n持续优化,mine\n", encoding="utf-8")
    opts = settings(lexicon=lexicon)
    back = pickle.loads(pickle.dumps(opts))
    assert back == opts and back.digest() == opts.digest() and back.lexicon.category("持续优化") == "mine"
    assert pickle.loads(pickle.dumps(run_document)) is run_document  # by reference: workers import it


def test_without_dask_installed_the_error_names_the_extra(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("签约项目12个。", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(engines.EngineUnavailable, match=r"pip install 'zhaoshang\[dask\]'"):
        run(tmp_path, engine="dask", cache=False)
    assert main(["analyze", str(tmp_path), "--out", str(tmp_path / "out"), "--engine", "dask"]) == 2
    assert "pip install 'zhaoshang[dask]'" in capsys.readouterr().err and not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="engine"):
        run(tmp_path, scheduler="tcp://127.0.0.1:8786", cache=False)


class _Watch(distributed.diagnostics.plugin.SchedulerPlugin):
    """On the scheduler (in this process, for a LocalCluster): every task transition, in order,
    and an event set when the first result is in."""

    def __init__(self):
        self.lock = threading.Lock()
        self.log: list[tuple[str, str, str]] = []
        self.first_result = threading.Event()

    def transition(self, key, start, finish, *args, **kwargs):
        with self.lock:
            self.log.append((str(key), start, finish))
        if finish == "memory":
            self.first_result.set()

    def since(self, mark: int) -> list[tuple[str, str, str]]:
        with self.lock:
            return self.log[mark:]


def _in_a_thread(fn):
    """``fn()`` started in a thread: the thread, and a dict that gets its result or its exception."""
    outcome = {}

    def target():
        try:
            outcome["result"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, outcome


def test_a_worker_killed_mid_run_is_survived_with_the_same_tables(tmp_path):
    """SIGKILL one of two workers (as the OS kills one for memory) once the first results are in:
    Dask runs its tasks again elsewhere, and the run completes with no errors rows and the tables
    of the local engine, byte for byte."""
    root = tmp_path / "corpus"
    root.mkdir()
    src = shared_corpus("national-gwr")
    for f in sorted(src.glob("*.txt"), key=lambda f: (f.stat().st_size, f.name))[:16]:  # 0.7 MB of text
        shutil.copy(f, root / f.name)
    expected = _csv_bytes(run(root, jobs=1, cache=False, progress=False), tmp_path / "local")

    with _local_cluster() as cluster, distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)  # worker address -> pid of its worker process
        assert len(pids) == 2 and os.getpid() not in pids.values()
        watch = _Watch()
        cluster.scheduler.add_plugin(watch, name="watch")
        runner, outcome = _in_a_thread(lambda: run(root, engine="dask", scheduler=cluster.scheduler_address,
                                                   cache=False, progress=False))
        assert watch.first_result.wait(60), "no document was analysed within a minute"
        busy = {addr: keys for addr, keys in client.processing().items() if keys and addr in pids}
        assert busy, "no worker is busy once the first result is in: the run is over before the kill"
        victim, keys = min(busy.items())
        mark = len(watch.since(0))
        os.kill(pids[victim], signal.SIGKILL)
        runner.join(120)
        assert not runner.is_alive(), "the run hangs after a worker was killed"
        after = watch.since(mark)
    if "error" in outcome:
        raise outcome["error"]
    t = outcome["result"]
    # the kill landed mid-run: a task on the killed worker was lost with it, and run again to the end
    keys = {str(k) for k in keys}
    lost = {k for k, start, finish in after if k in keys and start == "processing" and finish != "memory"}
    assert lost, "no task was lost with the killed worker: the kill came too late to test anything"
    assert lost <= {k for k, _, finish in after if finish == "memory"}, "a lost task was not run again"
    assert len(t.errors) == 0 and len(t.documents) == 16
    assert _csv_bytes(t, tmp_path / "dask") == expected


class _Future:
    def __init__(self, outcome):
        self.outcome = outcome

    def result(self):
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


def test_a_task_dask_gives_up_on_is_submitted_once_more_then_lost():
    """KilledWorker counts every task on a dying worker, the innocent neighbour of a document that
    kills its worker too: a task given up on runs once more, and only given up on again is it lost."""
    from distributed.scheduler import KilledWorker

    given_up = KilledWorker("run_document-1", None, 3)
    submitted = []

    def submit_then(outcome):
        def submit(args):
            submitted.append(args)
            return _Future(outcome)
        return submit

    assert engines.retry_given_up(submit_then(42))(_Future(7), ("a",), deque()) == 7 and submitted == []
    assert engines.retry_given_up(submit_then(42))(_Future(given_up), ("a",), deque()) == 42 and submitted == [("a",)]
    lost = engines.retry_given_up(submit_then(given_up))(_Future(given_up), ("b",), deque())
    assert isinstance(lost, engines.WorkerLost) and submitted == [("a",), ("b",)]
    assert lost.reason.startswith("the Dask workers running it died 8 times (killed by the system")
    with pytest.raises(ResourceError):  # any other exception still stops the run
        engines.retry_given_up(submit_then(42))(_Future(ResourceError("gone")), ("c",), deque())
