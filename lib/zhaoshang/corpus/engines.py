"""Where the per-document work runs: in this process, or in worker processes.

An engine maps :func:`~zhaoshang.corpus.work.run_document` over a stream of tasks and
yields the results **in input order**, so the tables are byte-identical
whatever runs them. It takes tasks as they come and keeps only a bounded number
in flight, so a corpus is never read into memory whole. A task that needs no
work (its results came from the cache) passes through in its place.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass


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


def processes(fn: Callable, tasks: Iterable[Task], jobs: int, *, window: int | None = None
              ) -> Iterator[tuple[Task, object]]:
    """Each task's result, computed by ``jobs`` worker processes, yielded in input order.

    At most ``window`` tasks (default ``4 × jobs``) are in flight; the stream is
    read only as results are handed on."""
    window = window or 4 * jobs
    pending: deque[tuple[Task, Future | None]] = deque()
    in_flight = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for task in tasks:
            if task.args is None:
                pending.append((task, None))
            else:
                pending.append((task, pool.submit(fn, *task.args)))
                in_flight += 1
            while pending and (pending[0][1] is None or pending[0][1].done() or in_flight >= window):
                head, fut = pending.popleft()
                if fut is not None:
                    in_flight -= 1
                yield head, (head.ready if fut is None else fut.result())
        while pending:
            head, fut = pending.popleft()
            yield head, (head.ready if fut is None else fut.result())


def local(fn: Callable, tasks: Iterable[Task], jobs: int) -> Iterator[tuple[Task, object]]:
    """The local engine: serial for one job, worker processes for more."""
    n = workers(jobs)
    return serial(fn, tasks) if n == 1 else processes(fn, tasks, n)
