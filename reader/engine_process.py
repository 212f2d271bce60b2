"""The engine in a child process, so spaCy never holds the window's GIL.

A worker thread in the window process would still share the GIL with the GUI thread, and
spaCy's Cython components hold it for hundreds of milliseconds on a long briefing (measured
with bench/gui_latency.py: the attribute ruler's matcher over a 50,000-character chunk).
``EngineProcess`` has the ``Engine`` interface the window uses (``load``, ``analyze``) but
runs it in a spawned child: the calling thread only waits on a pipe, with the GIL released.
Documents and analyses cross the pipe pickled (a few hundred microseconds for a briefing).

A long text reports its progress: the child sends ("progress", done, total) after each chunk
before its ("result", ok, value); between chunks it looks for a ("cancel",) from the window and
stops there with AnalysisCancelledError. A cancel that arrives after the work is done is ignored.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from reader.errors import AnalysisCancelledError, BriefingError
from reader.model import Analysis, Document

if TYPE_CHECKING:  # reader.engine imports spaCy, which the window process never loads
    from reader.engine import Progress

log = logging.getLogger(__name__)


class EngineProcessError(RuntimeError):
    """The child process died or failed in a way that is not the user's input."""


def _progress_over(conn: Connection) -> Callable[[int, int], None]:
    """A progress callback that reports to the window and stops when the window sent a cancel."""

    def report(done: int, total: int) -> None:
        if conn.poll() and conn.recv()[0] == "cancel":
            raise AnalysisCancelledError("the analysis was stopped")
        conn.send(("progress", done, total))

    return report


def _serve(conn: Connection) -> None:
    """Child process: answer ("load",) and ("analyze", document, published, wants_progress) until told to stop."""
    from reader.engine import Engine

    engine = Engine()
    load_error: BaseException | None = None
    try:
        engine.load()  # the child exists to analyse: load the model before the first request arrives
    except BriefingError as exc:
        load_error = exc
    except Exception as exc:
        load_error = EngineProcessError(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return  # the window went away
        op, args = request[0], request[1:]
        if op == "stop":
            return
        if op == "cancel":
            continue  # it came after the analysis it meant had finished
        if load_error is not None:
            try:
                conn.send(("result", False, load_error))
            except (BrokenPipeError, OSError):
                return
            continue
        reply: tuple[bool, object]
        try:
            result: Analysis | None = None
            if op == "load":
                pass  # already loaded at start
            elif op == "analyze":
                document, published, wants_progress = args
                result = engine.analyze(document, published, progress=_progress_over(conn) if wants_progress else None)
            else:
                raise ValueError(f"unknown request {op!r}")
            reply = (True, result)
        except BriefingError as exc:
            reply = (False, exc)
        except Exception as exc:
            reply = (False, EngineProcessError(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
        try:
            conn.send(("result", *reply))
        except (BrokenPipeError, OSError):
            return


class EngineProcess:
    """``Engine``-like facade over a spawned child process that owns the real Engine."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> EngineProcess:
        """Start the child (it imports spaCy on its own time); later calls are no-ops while it lives."""
        with self._lock:
            self._start_locked()
        return self

    def _start_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), name="briefing-engine", daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent

    def load(self) -> EngineProcess:
        self._call("load")
        return self

    def analyze(self, document: Document, published: dt.date | None = None, progress: Progress | None = None) -> Analysis:
        analysis: Analysis = self._call("analyze", document, published, progress is not None, progress=progress)
        return analysis

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """One request per document: the child is busy with one text at a time anyway."""
        for document in documents:
            yield self.analyze(document)

    def _call(self, op: str, *args: Any, progress: Progress | None = None) -> Any:
        with self._lock:
            self._start_locked()
            assert self._conn is not None
            try:
                self._conn.send((op, *args))
                ok, value = self._receive(self._conn, progress)
            except (EOFError, BrokenPipeError, OSError) as exc:
                self._process = None  # restarted on the next call
                raise EngineProcessError(f"the analysis process stopped unexpectedly ({exc or type(exc).__name__})") from exc
        if ok:
            return value
        if isinstance(value, EngineProcessError):
            log.error("analysis process error: %s", value)
            first_line = str(value).splitlines()[0]
            raise EngineProcessError(first_line)
        if isinstance(value, BaseException):
            raise value
        raise EngineProcessError(f"the analysis process answered {type(value).__name__} instead of an error")

    @staticmethod
    def _receive(conn: Connection, progress: Progress | None) -> tuple[bool, object]:
        """The child's result; progress messages before it go to `progress`, whose cancel is passed on."""
        cancelled = False
        while True:
            message = conn.recv()
            if message[0] == "result":
                return message[1], message[2]
            if progress is None or cancelled:
                continue
            try:
                progress(message[1], message[2])
            except AnalysisCancelledError:
                cancelled = True  # the child stops at its next chunk and answers with the same error
                conn.send(("cancel",))

    def close(self, timeout: float = 1.0) -> None:
        """Ask the child to stop; kill it if it is busy (an analysis cannot be interrupted otherwise)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None:
            return
        try:
            if conn is not None:
                conn.send(("stop",))
        except (BrokenPipeError, OSError):
            pass
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(timeout)
        if conn is not None:
            conn.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None
