"""The window's line to the library: one thread owns one SQLite connection, results come back as signals.

An sqlite3 connection belongs to the thread that uses it, and the library's writes are short
transactions that must not interleave, so every library call goes through a `LibraryWorker`:
a dedicated thread that opens the `Library` itself and runs submitted calls one at a time, in
order. The GUI thread never waits for it; callbacks run back on the GUI thread. A long import
gets a worker of its own (a second connection), so notes keep autosaving while it runs.

`CachingEngine` stands between the window's analysis service and the real engine: a briefing
whose analysis is in the library is shown from the cache (no spaCy); a new one is analysed,
then cached. Either way the reader's corrections are applied before the window sees it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.errors import BriefingError, missing_part
from reader.model import Analysis, Document, content_hash

if TYPE_CHECKING:  # the store (sqlite-utils, and pandas when installed) is imported on the worker thread
    from reader.store import Library

log = logging.getLogger(__name__)

#: How long the analysis thread waits for the library's cache before analysing without it.
CACHE_WAIT_S = 3.0
#: Documents handed to the engine at once during an import (one `nlp.pipe` batch, one lock hold).
IMPORT_CHUNK = 16

LibraryCall = Callable[["Library"], Any]


class LibraryWorker(QObject):
    """A thread that opens the library and runs calls on it one by one, in submission order."""

    opened = Signal(str)  # the library's path
    open_failed = Signal(str, bool)  # one-line message, True when the library is in use by another program
    _finished = Signal(object)  # (future, on_result, on_error), emitted from the worker thread

    def __init__(self, path: str | Path, parent: QObject | None = None, name: str = "library") -> None:
        super().__init__(parent)
        self.path = Path(path).expanduser()
        self.library: Library | None = None  # only ever touched on the worker thread
        self.error: str | None = None
        #: Why the open library takes no writes (damaged or read-only); set before `opened` is emitted.
        self.refusal: str | None = None
        self._ready = threading.Event()
        self._queue: queue.Queue[tuple[LibraryCall, Future, Any, Any] | None] = queue.Queue()
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=f"briefing-{name}", daemon=True)

    def start(self) -> LibraryWorker:
        """Open the library on the worker thread (connect `opened` / `open_failed` first); once only."""
        if self._thread.ident is None and not self._closed:
            self._thread.start()
        return self

    # ------------------------------------------------------------------ GUI side

    @property
    def available(self) -> bool:
        """True once the library is open (False while opening, after a failure, after close)."""
        return self._ready.is_set() and self.error is None and not self._closed

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the open attempt finished; True when the library opened (tests, scripts)."""
        self._ready.wait(timeout)
        return self.available

    def submit(
        self,
        call: LibraryCall,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> Future:
        """Run `call(library)` on the worker; `on_result` / `on_error` then run on the GUI thread."""
        future: Future = Future()
        if self._closed:
            future.set_exception(BriefingError("the library is closed"))
            return future
        self._queue.put((call, future, on_result, on_error))
        return future

    def call(self, call: LibraryCall, timeout: float | None = None) -> Any:
        """Run `call(library)` on the worker and wait for its result (never from the GUI thread in the app)."""
        return self.submit(call).result(timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Finish every queued call (pending autosaves included), close the connection, stop the thread."""
        if self._closed:
            return True
        self._closed = True
        if not self._thread.is_alive() and self._thread.ident is None:
            return True  # never started
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @Slot(object)
    def _deliver(self, packet: tuple[Future, Any, Any]) -> None:
        future, on_result, on_error = packet
        error = future.exception()
        if error is None:
            if on_result is not None:
                on_result(future.result())
        elif on_error is not None:
            on_error(describe(error))
        else:
            log.warning("library call failed: %s", describe(error))

    # ------------------------------------------------------------------ worker thread

    def _run(self) -> None:
        # Imported here, off the GUI thread: sqlite-utils pulls in pandas when it is installed (~0.5 s).
        from reader.store import Library, LibraryBusyError

        try:
            self.library = Library.open(self.path)
        except LibraryBusyError as exc:
            self.error = str(exc)
            self._ready.set()
            self.open_failed.emit(self.error, True)
        except BriefingError as exc:
            self.error = str(exc)
            self._ready.set()
            self.open_failed.emit(self.error, False)
        except Exception as exc:  # an unexpected failure must not leave callers waiting forever
            log.exception("opening the library %s failed", self.path)
            self.error = f"{self.path}: cannot open the library ({type(exc).__name__}: {exc})"
            self._ready.set()
            self.open_failed.emit(self.error, False)
        else:
            self.refusal = self.library.refusal
            self._ready.set()
            self.opened.emit(str(self.path))
        while True:
            item = self._queue.get()
            if item is None:
                break
            call, future, on_result, on_error = item
            if not future.set_running_or_notify_cancel():
                continue
            if self.library is None:
                future.set_exception(BriefingError(self.error or "the library is not open"))
            else:
                try:
                    future.set_result(call(self.library))
                except BaseException as exc:
                    if not isinstance(exc, BriefingError):
                        log.exception("library call failed")
                    future.set_exception(exc)
            if on_result is not None or on_error is not None or future.exception() is not None:
                self._finished.emit((future, on_result, on_error))
        if self.library is not None:
            try:
                self.library.close()
            except Exception:  # closing a connection that failed is not worth a crash at exit
                log.exception("closing the library failed")
            self.library = None


def describe(error: BaseException) -> str:
    """One line for the status bar or a dialog."""
    if isinstance(error, BriefingError):
        return str(error)
    if isinstance(error, ImportError):
        return str(missing_part(error, "finish this"))
    return f"{type(error).__name__}: {error}"


class CachingEngine:
    """The engine as the window sees it: cached analyses from the library, new ones cached there.

    `inner` is the real engine (created on first use when None). The engine is used by one
    thread at a time (the window's analysis thread or an import), guarded by a lock.
    """

    def __init__(self, inner: Any = None, worker: LibraryWorker | None = None) -> None:
        self._inner = inner
        self._owns_inner = False
        self._inner_lock = threading.Lock()
        self.engine_lock = threading.Lock()
        self.worker = worker
        #: Corrections known to apply, for when the library is too busy to ask (kept by the session).
        self.corrections: list = []
        #: Raw analyses against a publication date other than the document's (not cached in the library).
        self._dated: OrderedDict[tuple[str, dt.date], Analysis] = OrderedDict()
        self.engine_runs = 0
        self.cache_hits = 0
        self._progress: Any = None  # the progress callback of the analysis running now (one at a time)

    @property
    def inner(self) -> Any:
        with self._inner_lock:
            if self._inner is None:
                self._inner = default_engine()
                self._owns_inner = True
            return self._inner

    def close(self) -> None:
        """Stop the engine this object started (an engine process), if any."""
        with self._inner_lock:
            inner, owned = self._inner, self._owns_inner
            self._inner, self._owns_inner = None, False
        closer = getattr(inner, "close", None) if owned else None
        if closer is not None:
            try:
                closer()
            except Exception:  # a child process that is already gone
                log.exception("stopping the engine failed")

    def load(self) -> CachingEngine:
        loader = getattr(self.inner, "load", None)
        if loader is not None:
            with self.engine_lock:  # an import may be loading or using the same pipeline
                loader()
        return self

    def load_in_background(self) -> None:
        """Start the default engine (its process) and load the model now, off the GUI thread.

        Only for an engine this object creates itself: the window would otherwise start it when
        the first briefing missing from the cache needs it, after the library lookup.
        """
        if self._inner is None:
            threading.Thread(target=self._load_quietly, name="briefing-engine-start", daemon=True).start()

    def _load_quietly(self) -> None:
        try:
            self.load()
        except Exception as exc:  # closed meanwhile, or it cannot start: the first analysis says why
            log.info("the engine did not start ahead of time: %s", exc)

    def _run_inner(self, document: Document, published: dt.date | None) -> Analysis:
        with self.engine_lock:
            self.engine_runs += 1
            if self._progress is None:
                return self.inner.analyze(document, published=published)
            return self.inner.analyze(document, published=published, progress=self._progress)

    def analyze(self, document: Document, published: dt.date | None = None, progress: Any = None) -> Analysis:
        """The document's analysis with corrections: from the library's cache when it has one.

        `progress` is handed to the engine for a text it must analyse (see reader.engine.Progress).
        """
        self._progress = progress
        try:
            return self._analyze(document, published)
        finally:
            self._progress = None

    def _analyze(self, document: Document, published: dt.date | None) -> Analysis:
        worker = self.worker
        if worker is None or not worker.wait_ready(CACHE_WAIT_S) or not worker.available:
            return self._run_inner(document, published)
        digest = content_hash(document.text)
        own_date = published is None or published == document.published
        try:
            briefing_id, cached = worker.call(lambda lib: _import_and_lookup(lib, document, own_date), CACHE_WAIT_S)
        except FutureTimeout:
            log.info("the library is busy; analysing without its cache")
            return self._corrected(self._run_inner(document, published), None)
        except BriefingError as exc:
            log.warning("the library could not store the briefing: %s", exc)
            return self._corrected(self._run_inner(document, published), None)
        if cached is not None:
            self.cache_hits += 1
            return cached
        if own_date:
            analysis = self._run_inner(document, None)
            try:
                return worker.call(lambda lib: _store_analysis(lib, briefing_id, analysis), CACHE_WAIT_S * 4)
            except (FutureTimeout, BriefingError) as exc:
                log.warning("the analysis could not be cached: %s", exc)
                return self._corrected(analysis, briefing_id)
        key = (digest, published)
        raw = self._dated.get(key)
        if raw is None:
            raw = self._run_inner(document, published)
            self._dated[key] = raw
            while len(self._dated) > 4:
                self._dated.popitem(last=False)
        try:
            corrections = worker.call(lambda lib: lib.corrections(briefing_id), CACHE_WAIT_S)
        except (FutureTimeout, BriefingError):
            corrections = self.corrections
        from reader.store.corrections import apply_corrections

        return apply_corrections(raw, corrections, briefing_id)

    def _corrected(self, analysis: Analysis, briefing_id: str | None) -> Analysis:
        from reader.store.corrections import apply_corrections

        return apply_corrections(analysis, self.corrections, briefing_id or analysis.document.id)

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """For imports: batches through the inner engine's `analyze_many`, one lock hold per batch."""
        inner = self.inner
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= IMPORT_CHUNK:
                yield from self._batch(inner, batch)
                batch = []
        if batch:
            yield from self._batch(inner, batch)

    def _batch(self, inner: Any, batch: list[Document]) -> list[Analysis]:
        with self.engine_lock:
            self.engine_runs += len(batch)
            if hasattr(inner, "analyze_many"):
                return list(inner.analyze_many(batch))
            return [inner.analyze(d) for d in batch]


def default_engine() -> Any:
    """The engine the window uses when none is given: in its own process when that is available
    (spaCy then never holds the window's GIL), else in this process."""
    try:
        from reader.ui.engine_process import EngineProcess
    except ImportError:
        EngineProcess = None  # noqa: N806
    if EngineProcess is not None:
        try:
            return EngineProcess().start()
        except Exception:
            log.exception("the engine process could not start; analysing in the window's process")
    from reader.engine import Engine

    return Engine()


def store_opened(lib: Library, document: Document, path: Path | None = None) -> str:
    """The library id of a briefing the window opened, storing it when new.

    A known text is a no-op. An opened file whose text changed since the library last saw that
    file (same path) updates that briefing in place, as `briefing import` does, so its notes are
    re-anchored (or shown as orphaned) instead of staying behind on the old version.
    """
    digest = content_hash(document.text)
    row = lib.db.execute("SELECT id FROM briefings WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
    if row:
        return row[0]
    if path is None:
        return lib.add_document(document)
    stored = dataclasses.replace(document, source=str(Path(path).resolve()))
    row = lib.db.execute(
        "SELECT id FROM briefings WHERE source = ? ORDER BY imported_at DESC LIMIT 1", [stored.source]
    ).fetchone()
    if row:
        lib.update_document(row[0], stored)
        return row[0]
    return lib.add_document(stored)


def _import_and_lookup(lib: Library, document: Document, own_date: bool) -> tuple[str, Analysis | None]:
    """Store the briefing (a no-op for a known text); its cached, corrected analysis if any."""
    briefing_id = store_opened(lib, document)
    if not own_date:
        return briefing_id, None
    cached = lib.analysis_for(briefing_id)
    if cached is not None:
        cached.document = document  # the window's own Document (same text: same offsets)
    return briefing_id, cached


def _store_analysis(lib: Library, briefing_id: str, analysis: Analysis) -> Analysis:
    lib.put_analysis(briefing_id, analysis)
    corrected = lib.analysis_for(briefing_id)
    if corrected is None:
        from reader.store import StoreError

        raise StoreError(f"briefing {briefing_id}: the analysis was not cached")
    # Keep the window's own Document (its source is this file), with the corrected findings.
    corrected.document = analysis.document
    return corrected
