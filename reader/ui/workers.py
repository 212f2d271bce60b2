"""Background work: reading files and running the engine off the GUI thread.

Each request gets a generation number. Opening another file (or re-resolving dates) bumps
the generation; tasks that have not started yet see they are stale and do nothing, and
results that arrive late are dropped, so the window only ever shows the newest request.
Analyses run one at a time on their own pool (spaCy is not made to run one pipeline from
two threads); file reading has its own pool so a new file's text appears even while an
older analysis is still finishing.

The analysis thread keeps its normal priority on purpose: measured with bench/gui_latency.py
on a busy machine, a niced worker gets descheduled while it holds the GIL and the GUI thread
waits longer (p99 53-71 ms against 38-49 ms); QThread priorities do nothing on Linux anyway.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.errors import AnalysisCancelledError, BriefingError, missing_part
from reader.model import Analysis, Document
from reader.session import AnalysisEngine, EngineSlot

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals the runnables emit from worker threads (QRunnable cannot own signals)."""

    document_loaded = Signal(int, object)  # generation, Document
    analysis_done = Signal(int, object, float)  # generation, Analysis, seconds spent
    failed = Signal(int, str, str)  # generation, stage ("load", "model", "analyse", "stopped"), one-line message
    model_loaded = Signal(float)  # seconds spent
    progress = Signal(int, int, int)  # generation, characters parsed, characters in all (long texts only)


class _Generations:
    """The newest generation, readable from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = 0
        self._stopped = 0  # the newest generation the reader asked to stop

    def next(self) -> int:
        with self._lock:
            self._value += 1
            return self._value

    def stop(self) -> None:
        with self._lock:
            self._stopped = self._value

    def wanted(self, generation: int) -> bool:
        """False once a newer request exists or the reader stopped this one."""
        with self._lock:
            return generation == self._value and generation != self._stopped

    @property
    def current(self) -> int:
        with self._lock:
            return self._value


def _emit(signals: TaskSignals, name: str, *args) -> None:
    """Emit from a worker; if the window (and the signal object with it) is gone, drop the result."""
    try:
        getattr(signals, name).emit(*args)
    except RuntimeError:
        log.debug("dropping %s: its receiver was deleted", name)


def _describe_unexpected(stage: str, exc: BaseException) -> str:
    if isinstance(exc, ImportError):  # an incomplete installation is not "unexpected": say what is missing
        doing = {"load": "read the file", "model": "load the language model", "analyse": "analyse the briefing"}
        return str(missing_part(exc, doing.get(stage, stage)))
    what = {"load": "reading the file", "model": "loading the language model", "analyse": "analysing the briefing"}
    return f"Unexpected error while {what.get(stage, stage)}: {type(exc).__name__}: {exc}"


class LoadTask(QRunnable):
    """Read one file (or text already in memory, e.g. pasted) into a Document."""

    def __init__(self, generation: int, path: Path | None, signals: TaskSignals, text: tuple[str, str, str] | None = None) -> None:
        super().__init__()
        self.generation, self.path, self.signals, self.text = generation, path, signals, text

    def run(self) -> None:
        from reader.documents import document_from_text, load_document

        try:
            if self.text is not None:
                body, fmt, source = self.text
                document = document_from_text(body, fmt=fmt, source=source)
            else:
                assert self.path is not None  # a LoadTask has a path or a text
                document = load_document(self.path)
        except BriefingError as exc:
            _emit(self.signals, "failed", self.generation, "load", str(exc))
        except Exception as exc:
            log.exception("loading %s failed", self.path)
            _emit(self.signals, "failed", self.generation, "load", _describe_unexpected("load", exc))
        else:
            _emit(self.signals, "document_loaded", self.generation, document)


class WarmUpTask(QRunnable):
    """Load the spaCy model so the first analysis does not pay for it."""

    def __init__(self, engine_getter, signals: TaskSignals) -> None:
        super().__init__()
        self.engine_getter, self.signals = engine_getter, signals

    def run(self) -> None:
        started = time.perf_counter()
        try:
            self.engine_getter().load()
        except BriefingError as exc:
            _emit(self.signals, "failed", 0, "model", str(exc))
        except Exception as exc:
            log.exception("loading the model failed")
            _emit(self.signals, "failed", 0, "model", _describe_unexpected("model", exc))
        else:
            _emit(self.signals, "model_loaded", time.perf_counter() - started)


class AnalyseTask(QRunnable):
    """Run the engine on one Document, unless a newer request made this one pointless."""

    def __init__(
        self,
        generation: int,
        document: Document,
        published: dt.date | None,
        engine_getter,
        generations: _Generations,
        signals: TaskSignals,
    ) -> None:
        super().__init__()
        self.generation, self.document, self.published = generation, document, published
        self.engine_getter, self.generations, self.signals = engine_getter, generations, signals

    def run(self) -> None:
        if self.generation != self.generations.current:
            return  # superseded before it started
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            # Called between chunks of a long text: the place where a stop or a newer file cancels it.
            if not self.generations.wanted(self.generation):
                raise AnalysisCancelledError("the analysis was stopped")
            _emit(self.signals, "progress", self.generation, done, total)

        try:
            analysis = self.engine_getter().analyze(self.document, published=self.published, progress=progress)
        except AnalysisCancelledError as exc:
            _emit(self.signals, "failed", self.generation, "stopped", str(exc))
        except BriefingError as exc:
            _emit(self.signals, "failed", self.generation, "analyse", str(exc))
        except Exception as exc:
            log.exception("analysing %s failed", self.document.source or "a document")
            _emit(self.signals, "failed", self.generation, "analyse", _describe_unexpected("analyse", exc))
        else:
            _emit(self.signals, "analysis_done", self.generation, analysis, time.perf_counter() - started)


class AnalysisService(QObject):
    """Runs the engine and the file readers on worker pools; re-emits only results of the newest request."""

    document_ready = Signal(int, object)  # generation, Document
    analysis_ready = Signal(int, object)  # generation, Analysis
    failed = Signal(int, str, str)  # generation, stage, message
    busy_changed = Signal(bool)
    model_ready = Signal(float)
    progress = Signal(int, int)  # characters parsed, characters in all, of the analysis on screen (long texts)
    stopped = Signal(int)  # generation whose analysis the reader stopped

    def __init__(self, slot: EngineSlot, engine: AnalysisEngine | None = None, parent: QObject | None = None) -> None:
        """``slot``: the window's engine (reader.session.EngineSlot); ``engine``: what analyses call
        instead when something stands in front of it (the library's cache), else the slot's engine."""
        super().__init__(parent)
        self.slot = slot
        self._front = engine
        self._generations = _Generations()
        self._signals = TaskSignals(self)
        self._signals.document_loaded.connect(self._on_document_loaded)
        self._signals.analysis_done.connect(self._on_analysis_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.model_loaded.connect(self.model_ready)
        self._signals.progress.connect(self._on_progress)
        self._load_pool = QThreadPool(self)
        self._load_pool.setMaxThreadCount(2)
        self._analysis_pool = QThreadPool(self)
        self._analysis_pool.setMaxThreadCount(1)
        self._busy = False
        self._submitted = False
        self.last_analysis_seconds = 0.0

    @property
    def engine(self) -> AnalysisEngine:
        """What analyses call; the slot makes its engine on first use (off the GUI thread: spaCy imports slowly)."""
        return self._front if self._front is not None else self.slot.engine

    def start_engine(self) -> None:
        """Start the analysis process now (non-blocking): it loads spaCy while the window opens."""
        self.slot.start()

    @property
    def isolated(self) -> bool:
        return self.slot.isolated

    @property
    def generation(self) -> int:
        return self._generations.current

    @property
    def busy(self) -> bool:
        return self._busy

    def warm_up(self) -> None:
        """Load the model now, unless an analysis (which loads it anyway) was already asked for."""
        if not self._submitted:
            self._submitted = True
            self._analysis_pool.start(WarmUpTask(lambda: self.engine, self._signals))

    def open_path(self, path: str | Path) -> int:
        """Read ``path`` in the background; the document, then its analysis, follow as signals."""
        generation = self._generations.next()
        self._set_busy(True)
        self._load_pool.start(LoadTask(generation, Path(path), self._signals))
        return generation

    def open_text(self, text: str, fmt: str, source: str) -> int:
        """Parse text already in memory (a paste) in the background, then analyse it like a file."""
        generation = self._generations.next()
        self._set_busy(True)
        self._load_pool.start(LoadTask(generation, None, self._signals, text=(text, fmt, source)))
        return generation

    def open_document(self, document: Document) -> int:
        """Show a document already in memory (pasted text) and analyse it."""
        generation = self._generations.next()
        self._set_busy(True)
        self.document_ready.emit(generation, document)
        self._submit(generation, document, None)
        return generation

    def reanalyse(self, document: Document, published: dt.date | None) -> int:
        """Analyse the same document again, e.g. against another publication date."""
        generation = self._generations.next()
        self._set_busy(True)
        self._submit(generation, document, published)
        return generation

    def stop_analysis(self) -> None:
        """Stop the running analysis at its next chunk; the text stays on screen without highlights."""
        self._generations.stop()

    def cancel(self) -> None:
        """Forget every pending request (closing the window)."""
        self._generations.next()
        self._analysis_pool.clear()
        self._load_pool.clear()
        self._set_busy(False)

    def shutdown(self) -> None:
        """Cancel everything and stop the analysis process (a running analysis is abandoned)."""
        self.cancel()
        self.slot.close(timeout=0.5)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pools are idle (tests and shutdown only)."""
        ok = self._load_pool.waitForDone(msecs)
        return self._analysis_pool.waitForDone(msecs) and ok

    def _submit(self, generation: int, document: Document, published: dt.date | None) -> None:
        self._submitted = True
        task = AnalyseTask(generation, document, published, lambda: self.engine, self._generations, self._signals)
        self._analysis_pool.start(task)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(int, object)
    def _on_document_loaded(self, generation: int, document: Document) -> None:
        if generation != self.generation:
            return
        self.document_ready.emit(generation, document)
        self._submit(generation, document, None)

    @Slot(int, object, float)
    def _on_analysis_done(self, generation: int, analysis: Analysis, seconds: float) -> None:
        if generation != self.generation:
            log.debug("dropping the late analysis of generation %d", generation)
            return
        self.last_analysis_seconds = seconds
        self._set_busy(False)
        self.analysis_ready.emit(generation, analysis)

    @Slot(int, int, int)
    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    @Slot(int, str, str)
    def _on_failed(self, generation: int, stage: str, message: str) -> None:
        if stage == "stopped":
            if generation == self.generation:
                self._set_busy(False)
                self.stopped.emit(generation)
            return
        if stage == "model":  # the warm-up; a queued analysis will report its own failure
            self.failed.emit(generation, stage, message)
            return
        if generation != self.generation:
            return
        self._set_busy(False)
        self.failed.emit(generation, stage, message)
