"""The application layer under the window, without Qt: which engine, and when it starts.

- `make_engine` is the one engine factory: the engine in its own process (spaCy then never
  holds the window's GIL; see reader/engine_process.py), else, when that cannot start, in
  this process.
- `EngineSlot` holds one engine, made on first use unless one was given, and closes what it made.
- `engine_start_plan` is the one place that decides when the window starts the engine; the
  window only schedules what it says.
The cache policy in front of the engine is reader/cached_engine.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reader.engine import Progress
    from reader.model import Analysis, Document

log = logging.getLogger(__name__)

#: Without a library, an engine in this process loads this long after the window is built, so
#: that a file opened right away has the first go at the CPU (its analysis loads the model anyway).
WARM_UP_DELAY_MS = 400
#: With a library, a briefing from its cache needs no spaCy, so the engine does not start with
#: the window (that slowed a cached re-open by ~0.3 s on two cores); it starts this long after
#: the first analysis is shown, so that the next new briefing does not wait for the model.
ENGINE_START_DELAY_MS = 2000


class AnalysisEngine(Protocol):
    """What the window and the library need of an engine (reader.engine.Engine, EngineProcess, fakes)."""

    def load(self) -> object: ...

    def analyze(
        self, document: Document, published: dt.date | None = None, progress: Progress | None = None
    ) -> Analysis: ...

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]: ...


def make_engine(isolate: bool = True) -> AnalysisEngine:
    """The engine: in its own process when `isolate` and it can start, else in this process."""
    if isolate:
        try:
            from reader.engine_process import EngineProcess

            return EngineProcess().start()
        except Exception:
            log.exception("the engine process could not start; analysing in this process")
    from reader.engine import Engine

    return Engine()


class EngineSlot:
    """One engine for a window: the one given, or one `make_engine` makes on first use (and closes)."""

    def __init__(self, engine: AnalysisEngine | None = None, isolate: bool = True) -> None:
        self._engine = engine
        self._made = False
        self._isolate = isolate and engine is None
        self._lock = threading.Lock()

    @property
    def isolated(self) -> bool:
        """True when the slot makes its engine in a child process."""
        return self._isolate

    @property
    def started(self) -> bool:
        return self._engine is not None

    @property
    def engine(self) -> AnalysisEngine:
        """The engine, made on first use (importing spaCy takes ~0.5 s: call this off the GUI thread)."""
        with self._lock:
            if self._engine is None:
                self._engine = make_engine(self._isolate)
                self._made = True
            return self._engine

    def start(self) -> None:
        """Make the engine now; a child process then loads the model on its own core."""
        _ = self.engine

    def start_in_background(self) -> None:
        """Make the engine and load its model on a thread of its own (no-op once made)."""
        if self._engine is None:
            threading.Thread(target=self._load_quietly, name="briefing-engine-start", daemon=True).start()

    def _load_quietly(self) -> None:
        try:
            self.engine.load()
        except Exception as exc:  # closed meanwhile, or it cannot start: the first analysis says why
            log.info("the engine did not start ahead of time: %s", exc)

    def close(self, timeout: float = 0.5) -> None:
        """Stop the engine this slot made (a child process); an engine given to it is the giver's."""
        with self._lock:
            engine, made = self._engine, self._made
            if made:
                self._engine, self._made = None, False
        closer = getattr(engine, "close", None) if made else None
        if closer is not None:
            try:
                closer(timeout=timeout)
            except Exception:  # a child process that is already gone
                log.exception("stopping the engine failed")


@dataclass(frozen=True)
class EngineStartPlan:
    """When the window starts its engine. Each delay is in milliseconds; None: not at that moment."""

    #: Make the engine (start its process) this long after the window is built.
    start_with_window_ms: int | None
    #: Load the model this long after the window is built, unless an analysis was asked for first.
    warm_up_with_window_ms: int | None
    #: Start the engine this long after an analysis is shown (a cached one needed no engine).
    start_after_analysis_ms: int | None


def engine_start_plan(*, warm_up: bool, isolated: bool, cached: bool) -> EngineStartPlan:
    """The one place that decides when the engine starts.

    `warm_up`: the window should prepare the engine at all (tests turn it off); `isolated`: the
    engine runs in a child process, which loads the model on the other core while the window
    opens; `cached`: a library's cache stands in front of the engine.
    """
    if not warm_up:
        return EngineStartPlan(None, None, ENGINE_START_DELAY_MS if cached else None)
    if isolated and not cached:
        return EngineStartPlan(0, None, None)
    return EngineStartPlan(None, WARM_UP_DELAY_MS, ENGINE_START_DELAY_MS if cached else None)
