"""Where the per-document work runs: in this process, in worker processes, or on a Dask cluster.

An engine maps :func:`~zhaoshang.corpus.work.run_document` over a stream of tasks and
yields the results **in input order**, so the tables are byte-identical
whatever runs them. It takes tasks as they come and keeps only a bounded number
in flight, so a corpus is never read into memory whole. A task that needs no
work (its results came from the cache) passes through in its place.
"""
from __future__ import annotations

import gc
import logging
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

ENGINES = ("local", "dask")
"""The engines :func:`start` knows: ``local`` (this machine) and ``dask`` (a Dask distributed cluster)."""


@dataclass(frozen=True)
class Task:
    """One input: ``args`` for the work function, or ``ready`` when nothing is left to compute."""

    ready: object = None
    args: tuple | None = None


def workers(jobs: int) -> int:
    """The number of worker processes for ``jobs`` (0: one per core)."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or more")
    return jobs or os.cpu_count() or 1


def serial(fn: Callable, tasks: Iterable[Task]) -> Iterator[tuple[Task, object]]:
    """Each task's result, computed here, in order."""
    for task in tasks:
        yield task, (task.ready if task.args is None else fn(*task.args))


def _in_order(submit: Callable[[tuple], object], tasks: Iterable[Task], window: int,
              result: Callable[[object, tuple, deque], object] = lambda fut, args, pending: fut.result()
              ) -> Iterator[tuple[Task, object]]:
    """Each task's result through ``submit`` (args -> a future) and ``result`` (the future, its
    args and the tasks still pending -> the result), at most ``window`` in flight, in input order."""
    pending: deque[tuple[Task, object]] = deque()
    in_flight = 0
    for task in tasks:
        if task.args is None:
            pending.append((task, None))
        else:
            pending.append((task, submit(task.args)))
            in_flight += 1
        while pending and (pending[0][1] is None or pending[0][1].done() or in_flight >= window):
            head, fut = pending.popleft()
            if fut is not None:
                in_flight -= 1
            yield head, (head.ready if fut is None else result(fut, head.args, pending))
    while pending:
        head, fut = pending.popleft()
        yield head, (head.ready if fut is None else result(fut, head.args, pending))


@dataclass(frozen=True)
class WorkerLost:
    """The result of a task whose worker process died while running it (killed for memory, a crash
    in a C extension): that task's input is lost, the run goes on."""

    reason: str


_WORKER_FN: Callable | None = None
"""In a worker process: the work function, given once when the worker starts (:func:`_worker_start`)."""


def _worker_start(fn: Callable) -> None:
    """In a worker process, before its first task: Ctrl-C is the driver's to handle (it stops the
    workers), and SIGTERM ends the worker at once (not the driver's handler, which a forked worker
    would inherit). The work function (with the run's settings: lexicon, codebook) is kept here, so
    that a task carries only its own arguments, not 20 KB of settings to unpickle per document.
    What the worker inherited from the driver (dictionaries, lexicons, automata) is moved out of
    the garbage collector's sight (``gc.freeze``): it lives as long as the worker, and full
    collections would otherwise walk all of it again and again (and copy the pages they touch)."""
    global _WORKER_FN
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_FN = fn
    gc.freeze()


def _call(*args):
    """A task in a worker process: the work function given at start, on this task's arguments."""
    return _WORKER_FN(*args)


def _new_pool(jobs: int, fn: Callable) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(fn,))


class _Pool:
    """A process pool that is replaced when a worker dies, and a way to find which task killed it."""

    def __init__(self, fn: Callable, jobs: int) -> None:
        self.fn, self.jobs = fn, jobs
        self.pool = _new_pool(jobs, fn)

    def submit(self, args: tuple):
        return self.pool.submit(_call, *args)

    def result(self, fut, args: tuple, pending: deque) -> object:
        """The task's result; when the pool broke, a new pool, the task run alone to see whether it
        is the one that kills its worker, and the other tasks in flight submitted again."""
        try:
            return fut.result()
        except BrokenProcessPool:
            pass
        self.pool.shutdown(wait=False, cancel_futures=True)
        with _new_pool(1, self.fn) as alone:
            try:
                result = alone.submit(_call, *args).result()
            except BrokenProcessPool:
                result = WorkerLost("the worker process died (killed by the system, e.g. for memory, "
                                    "or crashed); the input was not analysed")
        self.pool = _new_pool(self.jobs, self.fn)
        for i, (task, other) in enumerate(pending):
            if other is not None:
                pending[i] = (task, self.submit(task.args))
        return result

    def close(self) -> None:
        """After the last result: the workers are idle and leave on their own."""
        self.pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """The run was cut short (Ctrl-C, SIGTERM, an error): the workers end now, mid-document.

        A worker killed while it sends a result leaves half a message in the result pipe, and
        the executor's own thread, reading it, would wait for the rest for ever (and the
        interpreter waits for that thread at exit). This process's copy of the pipe's
        writing end is closed first, so the cut message reads as the end of the pipe.

        The executor's thread then joins the workers it sees die; it is waited for rather than
        joined alongside, since two threads waiting on one process race (the loser is told the
        process is gone before the winner has recorded it, and sees it alive)."""
        pool = self.pool
        results = getattr(pool, "_result_queue", None)  # CPython's executor; absent elsewhere
        manager = getattr(pool, "_executor_manager_thread", None)
        workers_now = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        if results is not None:
            results._writer.close()
        for process in workers_now:
            process.terminate()
        if manager is not None:
            manager.join(timeout=10)
        for process in workers_now:
            if process.exitcode is None:
                process.kill()
                process.join(timeout=5)


def processes(fn: Callable, tasks: Iterable[Task], jobs: int, *, window: int | None = None
              ) -> Iterator[tuple[Task, object]]:
    """Each task's result, computed by ``jobs`` worker processes, yielded in input order.

    At most ``window`` tasks (default ``4 × jobs``) are in flight; the stream is
    read only as results are handed on. A worker that dies costs the task it was
    running (a :class:`WorkerLost` result), not the run: the pool is replaced and
    the other tasks in flight run again."""
    pool = _Pool(fn, jobs)
    try:
        yield from _in_order(pool.submit, tasks, window or 4 * jobs, pool.result)
    except BaseException:  # closed early (GeneratorExit), interrupted, or a task's error
        pool.stop()
        raise
    pool.close()


def local(fn: Callable, tasks: Iterable[Task], jobs: int) -> Iterator[tuple[Task, object]]:
    """The local engine: serial for one job, worker processes for more."""
    n = workers(jobs)
    return serial(fn, tasks) if n == 1 else processes(fn, tasks, n)


class EngineUnavailable(ImportError):
    """The engine asked for needs an optional dependency that is not installed."""


def _distributed():
    try:
        import distributed
    except ImportError as e:
        raise EngineUnavailable("the dask engine needs Dask distributed, which is not installed: "
                                "pip install 'zhaoshang[dask]'") from e
    return distributed


def dask(fn: Callable, tasks: Iterable[Task], jobs: int, *, scheduler: str | None = None,
         window: int | None = None) -> Iterator[tuple[Task, object]]:
    """Each task's result, computed on a Dask distributed cluster, yielded in input order.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``);
    None starts a LocalCluster of ``jobs`` worker processes (0: one per core)
    with one thread each, closed when the run ends. At most ``window`` tasks
    (default 4 × the cluster's threads) are in flight; a task's exception
    (a :class:`~zhaoshang.resources.ResourceError`) is raised here and stops the run.
    A worker that dies costs nothing: Dask runs its tasks again on the others. A task
    that kills every worker it meets costs itself, not the run: a :class:`WorkerLost`
    result, as on the local engine (:func:`retry_given_up`).
    Needs the ``dask`` extra (:class:`EngineUnavailable` otherwise)."""
    distributed = _distributed()
    with _quiet(), _client(distributed, scheduler, jobs) as client:
        threads = sum(client.nthreads().values()) or workers(jobs)
        submit = lambda args: client.submit(fn, *args, pure=False)  # noqa: E731 - a fresh key per task
        yield from _in_order(submit, tasks, window or 4 * threads, retry_given_up(submit))


def retry_given_up(submit: Callable[[tuple], object]) -> Callable[[object, tuple, deque], object]:
    """A Dask future's result, or a :class:`WorkerLost` when the workers running its task kept dying.

    The scheduler gives up on a task (KilledWorker) once ``allowed-failures`` + 1 workers
    died while it was assigned to them; it counts every task assigned to a dying worker, so a
    document that kills its worker can take a neighbour down with it. A task given up on is
    submitted once more (the neighbour then runs, its killer being given up on too); given up
    on again, it is lost."""
    from distributed.scheduler import KilledWorker

    def result(fut, args: tuple, pending: deque):
        try:
            return fut.result()
        except KilledWorker:
            pass
        try:
            return submit(args).result()
        except KilledWorker as e:
            return WorkerLost(f"the Dask workers running it died {2 * (e.allowed_failures + 1)} times "
                              "(killed by the system, e.g. for memory, or crashed); the input was not analysed")
    return result


@contextmanager
def _client(distributed, address: str | None, jobs: int):
    """A Client of the scheduler at ``address``, or of a LocalCluster started (and closed) for the run."""
    with ExitStack() as stack:
        if address is None:
            address = stack.enter_context(distributed.LocalCluster(
                n_workers=workers(jobs), threads_per_worker=1, processes=True, host="127.0.0.1",
                scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL,
                # the scheduler's HTTP server on a free port of its own, not 8787: another cluster on
                # this machine would otherwise make distributed print a warning into the run's output
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}))
        yield stack.enter_context(distributed.Client(address, set_as_default=False))


@contextmanager
def _quiet():
    """distributed's loggers at CRITICAL while a run uses it, so that a run prints nothing of its own."""
    loggers = [logging.getLogger(name) for name in ("distributed", "tornado")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def check(engine: str, jobs: int = 1, scheduler: str | None = None) -> None:
    """Raise now for a bad choice: an unknown engine, a scheduler without dask, dask not installed."""
    workers(jobs)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise ValueError("a scheduler address needs the dask engine (engine='dask', --engine dask)")
    if engine == "dask":
        _distributed()


def start(engine: str, fn: Callable, tasks: Iterable[Task], jobs: int, *, scheduler: str | None = None
          ) -> Iterator[tuple[Task, object]]:
    """The results of ``engine`` (one of :data:`ENGINES`) running ``fn`` over ``tasks``
    (a bad choice raises here, before a task is read: :func:`check`)."""
    check(engine, jobs, scheduler)
    if engine == "dask":
        return dask(fn, tasks, jobs, scheduler=scheduler)
    return local(fn, tasks, jobs)
