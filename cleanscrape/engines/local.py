"""The local engine: a pool of worker processes that maps a task over a stream, in order.

Why not multiprocessing.Pool or ProcessPoolExecutor: neither can stop one stuck task. A
pathological page can keep lxml busy in C code for ever, where no signal or exception reaches
it; the only cure is to kill that worker's process. So each worker here has its own pipe and
holds one item at a time: the parent always knows which item a worker is on and since when,
kills it past the time-out, reports a Failure for that item, and starts a replacement.

Memory stays bounded: items are pulled from the input iterator only when a worker is free and
fewer than `max_pending` items are waiting to be emitted, so a slow item at the head of the
line holds back reading instead of letting finished results pile up.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerStartError(RuntimeError):
    """A worker process died before it could take any work: every item would fail the same way."""


@dataclass(frozen=True, slots=True)
class Failure:
    """What the engine reports for an item whose task did not return: time-out, crash, exception."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class PoolOptions:
    workers: int = field(default_factory=lambda: available_cores())
    timeout: float | None = 60.0  # seconds one item may take before its worker is killed
    recycle_after: int = 1000  # items per worker process: caps slow leaks in parsers and caches
    max_pending: int | None = None  # in flight + finished-but-not-yet-emitted; default 4 per worker
    start_method: str | None = None  # None: "forkserver" where available, else "spawn"
    # Modules the forkserver imports once, so each new worker starts without importing them
    # (measured: 0.26 s -> 0.05 s per worker start with the core preloaded). Python keeps this
    # setting per process and uses it only when the server first starts.
    preload: tuple[str, ...] = ()


def available_cores() -> int:
    """Cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_start_method() -> str:
    # Not "fork": the parent may run threads (a caller's own), and forking a threaded process can
    # deadlock the child. forkserver forks from a clean single-threaded server: safe and cheap.
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


_READY = "ready"


def _worker_main(conn: Connection, task: Callable[[Any], Any]) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what to do and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        conn.send(_READY)  # tells a start-up failure (import error, bad task) from a crash on an item
    except (EOFError, OSError):
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone (even kill -9): exit instead of lingering as an orphan
        if message is None:
            return  # recycled
        seq, item = message
        try:
            reply = (seq, True, task(item))
        except BaseException as error:  # noqa: BLE001 - reported as this item's failure
            reply = (seq, False, (type(error).__name__, str(error)))
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as error:  # noqa: BLE001 - e.g. an unpicklable result
            conn.send((seq, False, (type(error).__name__, f"result could not be sent: {error}")))


class _Worker:
    """One process, its end of the pipe, and the item it is working on (if any)."""

    def __init__(self, context: Any, task: Callable[[Any], Any]) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(child, task), daemon=True)
        self.process.start()
        child.close()  # so that our recv sees EOF when the child dies
        self.seq: int | None = None
        self.item: Any = None
        self.started = 0.0
        self.done = 0
        self.ready = False

    @property
    def busy(self) -> bool:
        return self.seq is not None

    def assign(self, seq: int, item: Any) -> None:
        self.conn.send((seq, item))
        self.seq, self.item, self.started = seq, item, time.monotonic()

    def release(self) -> tuple[int, Any]:
        seq, item = self.seq, self.item
        self.seq, self.item = None, None
        self.done += 1
        return seq, item  # type: ignore[return-value]

    def stop(self, *, graceful: bool) -> None:
        if graceful and self.process.is_alive():
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class LocalPool(Generic[T, R]):
    """`with LocalPool(task, options) as pool: for item, result in pool.map(items): ...`

    Results come in input order; `result` is the task's return value or a Failure.
    Leaving the `with` block (normally, by an exception or Ctrl-C) kills all workers.
    """

    def __init__(self, task: Callable[[T], R], options: PoolOptions = PoolOptions()) -> None:
        self.task = task
        self.options = options
        self.context = multiprocessing.get_context(options.start_method or default_start_method())
        if options.preload and self.context.get_start_method() == "forkserver":
            self.context.set_forkserver_preload(list(options.preload))
        self.workers: list[_Worker] = []
        self.restarts = 0  # workers replaced after a time-out or crash

    def __enter__(self) -> LocalPool[T, R]:
        self.workers = [_Worker(self.context, self.task) for _ in range(max(1, self.options.workers))]
        return self

    def __exit__(self, *exc_info: Any) -> None:
        graceful = exc_info[0] is None
        for worker in self.workers:
            worker.stop(graceful=graceful and not worker.busy)
        self.workers = []

    def map(self, items: Iterable[T]) -> Iterator[tuple[T, R | Failure]]:
        source = iter(items)
        max_pending = self.options.max_pending or 4 * len(self.workers)
        finished: dict[int, tuple[T, R | Failure]] = {}
        next_seq = 0  # the next item to hand out
        next_out = 0  # the next item to emit
        exhausted = False
        while True:
            for worker in self.workers:
                if exhausted or next_seq - next_out >= max_pending:
                    break
                if worker.busy:
                    continue
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                self._assign(worker, next_seq, item)
                next_seq += 1
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
            busy = [worker for worker in self.workers if worker.busy]
            if not busy:
                if exhausted:
                    return
                continue
            self._collect(busy, finished)

    def _assign(self, worker: _Worker, seq: int, item: T) -> None:
        try:
            worker.assign(seq, item)
        except OSError:  # the idle worker died (OOM killer?): replace it and hand the item over
            replacement = self._replace(worker)
            replacement.assign(seq, item)

    def _collect(self, busy: list[_Worker], finished: dict[int, tuple[T, R | Failure]]) -> None:
        """Wait until some worker answers, dies or overruns its time; record what happened."""
        timeout = self.options.timeout
        wait_for = None
        if timeout is not None:
            now = time.monotonic()
            wait_for = max(0.0, min(worker.started + timeout for worker in busy) - now)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
        now = time.monotonic()
        for worker in busy:
            if worker.conn in ready or worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._crashed(worker, finished)
                    continue
                if message == _READY:
                    worker.ready = True
                    continue
                seq, ok, value = message
                item = worker.item
                worker.release()
                finished[seq] = (item, value if ok else Failure(*value))
                if worker.done >= self.options.recycle_after:
                    self._replace(worker, graceful=True)
            elif worker.process.sentinel in ready or not worker.process.is_alive():
                self._crashed(worker, finished)
            elif timeout is not None and now - worker.started >= timeout:
                self._fail(worker, finished, "Timeout", f"cleaning took longer than {timeout:g} s; worker stopped")

    def _crashed(self, worker: _Worker, finished: dict[int, tuple[T, R | Failure]]) -> None:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        if not worker.ready:
            raise WorkerStartError(f"a worker process exited with code {code} before taking any work "
                                   "(see its error above)")
        self._fail(worker, finished, "WorkerCrashed", f"worker process died while cleaning (exit code {code})")

    def _fail(self, worker: _Worker, finished: dict[int, tuple[T, R | Failure]], kind: str, message: str) -> None:
        seq, item = worker.release()
        finished[seq] = (item, Failure(kind, message))
        self.restarts += 1
        self._replace(worker)

    def _replace(self, worker: _Worker, *, graceful: bool = False) -> _Worker:
        worker.stop(graceful=graceful)
        replacement = _Worker(self.context, self.task)
        self.workers[self.workers.index(worker)] = replacement
        return replacement
