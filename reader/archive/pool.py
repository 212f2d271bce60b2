"""Analysis in worker processes, one writer: the engine behind `briefing import --workers N`.

spaCy holds Python's GIL, so only processes use more than one core. `WorkerPool` has the
engine interface `Library.import_paths` already takes (`analyze_many`, results in input
order), so the import itself does not change: it still reads the files, stores every
briefing in its own short transaction from the one process that owns the library, reports
progress per briefing and polls for a cancel between briefings. The pool only moves the
analysis: batches of documents go to N spawned workers (each loads the pipeline once) and
come back as pickled `Analysis` objects.

Why it keeps its promises:
- documents are pulled from the caller's iterator only inside `analyze_many`, on the caller's
  thread, so the library's connection is never used from two threads;
- workers ignore SIGINT: Ctrl+C in a terminal reaches the whole process group, and only the
  writer decides what to keep (the import stops after the briefing being stored);
- a worker never writes the library, so killing the writer (or a worker) can leave nothing
  half-written; a worker whose writer died reads end-of-file on its pipe and exits;
- a generator closed early (a cancel) terminates the workers: their pending batches are
  thrown away, and the next `analyze_many` starts fresh ones.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import multiprocessing
import os
import queue
import resource
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

from reader.errors import BriefingError
from reader.model import Analysis, Document

#: The engine each worker builds, as "module:callable" (spawned workers import it by name).
ENGINE = "reader.engine:Engine"
#: Documents per message to a worker; also its `nlp.pipe` batch (reader.engine.DEFAULT_BATCH_SIZE).
BATCH_SIZE = 16
#: Batches queued per worker, so a worker never waits for the writer to hand it the next one.
IN_FLIGHT = 2


class WorkerPoolError(BriefingError):
    """A worker process could not start, or died (killed, out of memory) while analysing."""


def _resolve(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _drain(conn: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    """Read the writer's batches as they come, so its send never waits for ours.

    Without this, a large batch and a large result could each fill the pipe one way while the
    two processes wait on each other's send (a deadlock with texts of a few hundred kilobytes).
    """
    while True:
        try:
            inbox.put(conn.recv())
        except (EOFError, OSError):
            inbox.put(None)
            return


def cpu_seconds() -> float:
    """User and system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _serve(conn: Connection, engine_spec: str) -> None:
    """Worker process: build the engine, then answer ("batch", seq, documents) until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the writer handles Ctrl+C; see the module docstring
    # One BLAS/OpenMP thread per worker, set before numpy loads (as Dask's nanny does for its
    # workers): N workers are already N cores busy, and more threads only take turns on them.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    try:
        engine = _resolve(engine_spec)()
        loader = getattr(engine, "load", None)
        if loader is not None:
            loader()
    except Exception as exc:
        reason = str(exc) if isinstance(exc, BriefingError) else f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(OSError):
            conn.send(("failed", reason))
        return
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_drain, args=(conn, inbox), name="briefing-worker-inbox", daemon=True).start()
    while True:
        message = inbox.get()
        if message is None or message[0] != "batch":
            return  # the writer is gone (finished, or killed): nothing of ours to save
        _, seq, documents = message
        error: BaseException | None = None
        analyses: list[Analysis] = []
        try:
            analyses = list(engine.analyze_many(documents))
        except BriefingError as exc:
            error = exc
        except Exception as exc:
            error = WorkerPoolError(f"analysis failed in a worker: {type(exc).__name__}: {exc}")
        try:
            conn.send(("done", seq, analyses, error, peak_rss_mb(), cpu_seconds()))
        except (BrokenPipeError, OSError):
            return


class WorkerPool:
    """An engine (`analyze_many`) that analyses in `workers` processes; results keep input order.

    Use it as a context manager, or call `close()`: workers are started on first use.
    """

    def __init__(self, workers: int, engine: str | None = None, batch_size: int = BATCH_SIZE) -> None:
        if workers < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.workers = workers
        self.engine = engine or ENGINE
        self.batch_size = batch_size
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._conns: list[Connection] = []
        #: Peak resident memory (MB) and CPU seconds each worker reported, by process id.
        self.peak_rss: dict[int, float] = {}
        self.cpu_seconds: dict[int, float] = {}

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> WorkerPool:
        """Spawn the workers (each loads the pipeline on its own time); a no-op while they run."""
        if self._processes:
            return self
        context = multiprocessing.get_context("spawn")  # no fork: the writer holds SQLite and maybe threads
        ignoring = threading.current_thread() is threading.main_thread()
        # An ignored SIGINT survives exec, so a Ctrl+C during a worker's start-up cannot kill it either.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if ignoring else None
        try:
            for n in range(self.workers):
                parent, child = context.Pipe()
                process = context.Process(target=_serve, args=(child, self.engine), name=f"briefing-worker-{n + 1}", daemon=True)
                process.start()
                child.close()
                self._processes.append(process)
                self._conns.append(parent)
        finally:
            if ignoring:
                signal.signal(signal.SIGINT, previous)
        return self

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._processes if p.pid is not None]

    def close(self) -> None:
        """Stop every worker now (they hold nothing to save: the writer stored all that is done)."""
        for conn in self._conns:
            conn.close()
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)
        self._processes, self._conns = [], []

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyse `documents` in the workers, yielding one Analysis per document in input order.

        The iterator is read ahead by at most `IN_FLIGHT` batches per worker. An engine error
        for a batch is raised when that batch's turn comes (as the in-process engine would).
        """
        self.start()
        source = iter(documents)
        order: deque[int] = deque()
        results: dict[int, tuple[list[Analysis], BaseException | None]] = {}
        pending = dict.fromkeys(self._conns, 0)
        counter = itertools.count()
        exhausted = False

        def feed(conn: Connection) -> None:
            nonlocal exhausted
            batch = list(itertools.islice(source, self.batch_size))
            if not batch:
                exhausted = True
                return
            seq = next(counter)
            try:
                conn.send(("batch", seq, batch))
            except (BrokenPipeError, OSError):
                raise self._died() from None
            order.append(seq)
            pending[conn] += 1

        finished = False
        try:
            for _ in range(IN_FLIGHT):
                for conn in self._conns:
                    if not exhausted:
                        feed(conn)
            while order:
                head = order[0]
                while head not in results:
                    for ready in wait([c for c, n in pending.items() if n]):
                        conn = cast(Connection, ready)
                        self._receive(conn, results, pending)
                        if not exhausted:
                            feed(conn)
                order.popleft()
                analyses, error = results.pop(head)
                if error is not None:
                    raise error
                yield from analyses
            finished = True
        finally:
            if not finished:  # cancelled or failed: batches still in the workers would answer a later call
                self.close()

    def _receive(self, conn: Connection, results: dict[int, tuple[list[Analysis], BaseException | None]], pending: dict[Connection, int]) -> None:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            raise self._died() from None
        if message[0] == "failed":
            raise WorkerPoolError(f"the analysis workers could not start: {message[1]}")
        _, seq, analyses, error, rss, cpu = message
        pending[conn] -= 1
        results[seq] = (analyses, error)
        process = self._processes[self._conns.index(conn)]
        if process.pid is not None:
            self.peak_rss[process.pid] = rss
            self.cpu_seconds[process.pid] = cpu

    def _died(self) -> WorkerPoolError:
        codes = [p.exitcode for p in self._processes if p.exitcode is not None]
        how = f" (exit code {codes[0]})" if codes else ""
        return WorkerPoolError(
            f"an analysis worker stopped{how}: killed, or out of memory; try fewer --workers. "
            "Every briefing stored before it is kept"
        )


#: Below this many files a default import stays in one process: starting a worker (loading
#: spaCy) costs about as much as analysing 30 briefings.
SMALL_IMPORT = 32


def import_engine(fallback: Callable[[], Any], paths: Iterable[str | Path] = (), workers: int | None = None) -> tuple[Any, WorkerPool | None]:
    """The engine an import should use: a `WorkerPool` when more than one worker pays, else `fallback()`.

    Returns (engine, pool to close afterwards or None). `workers` None: the machine's cores
    bounded by memory (`reader.archive.sizing.default_workers`), and one process for a small import.
    """
    from reader.archive.sizing import default_workers

    count = workers
    if count is None:
        count = default_workers()
        if count > 1:
            from reader.store.importer import expand_paths

            if len(expand_paths(paths)[0]) < SMALL_IMPORT:
                count = 1
    if count <= 1:
        return fallback(), None
    pool = WorkerPool(count)
    return pool, pool


class WindowImportEngine:
    """The window's import engine: decides on workers at the first batch, on the import's thread.

    Deciding needs the list of files (a folder walk), which must not run on the GUI thread;
    an engine handed to the window (tests, an engine process of its own) is kept as it is.
    """

    def __init__(self, caching_engine: Any, paths: Iterable[str | Path]) -> None:
        self._caching, self._paths = caching_engine, list(paths)
        injected = getattr(caching_engine, "_inner", None) is not None and not getattr(caching_engine, "_owns_inner", False)
        self._workers = 1 if injected else None
        self.pool: WorkerPool | None = None

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        engine, self.pool = import_engine(lambda: self._caching, self._paths, self._workers)
        analyses: Iterator[Analysis] = engine.analyze_many(documents)
        return analyses

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def worker_summary(pool: WorkerPool | None) -> str:
    """One line on the workers' memory, for the end of an import ('' without a pool)."""
    if pool is None or not pool.peak_rss:
        return ""
    peaks = sorted(pool.peak_rss.values())
    return f"{len(peaks)} analysis workers, peak memory per worker {peaks[0]:.0f}-{peaks[-1]:.0f} MB"
