"""The one cache policy: the engine as the window sees it, with the library's cache in front.

A briefing whose analysis is in the library is shown from the cache (no spaCy); a new one is
analysed, then cached. A publication date the reader sets in the window becomes the briefing's
date in the library, and its analysis against that date is the cached one (the reader's date
wins over the file's own from then on); when the library is read-only the date cannot be kept
and the last few such analyses are kept in memory. Either way the reader's
corrections are applied before the window sees it. When the library is slow or missing, the
engine answers alone: reading never waits on the library for more than `CACHE_WAIT_S`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import BriefingError
from reader.model import Analysis, Document, content_hash
from reader.session import EngineSlot

if TYPE_CHECKING:
    from reader.engine import Progress
    from reader.library_thread import LibraryThread
    from reader.store import Correction, Library

log = logging.getLogger(__name__)

#: How long the analysis thread waits for the library's cache before analysing without it.
CACHE_WAIT_S = 3.0
#: Documents handed to the engine at once during an import (one batch, one lock hold).
IMPORT_CHUNK = 16
#: Analyses against another publication date kept in memory (they are not cached in the library).
DATED_KEPT = 4


class CachingEngine:
    """Cached analyses from the library, new ones cached there; corrections applied.

    The engine is used by one thread at a time (the window's analysis thread or an import),
    guarded by `engine_lock`.
    """

    def __init__(self, slot: EngineSlot, library: LibraryThread | None = None) -> None:
        self.slot = slot
        self.library = library
        self.engine_lock = threading.Lock()
        #: Corrections known to apply, for when the library is too busy to ask (kept by the window).
        self.corrections: list[Correction] = []
        self._dated: OrderedDict[tuple[str, dt.date], Analysis] = OrderedDict()
        self.engine_runs = 0
        self.cache_hits = 0
        self._progress: Progress | None = None  # the callback of the analysis running now (one at a time)

    def load(self) -> CachingEngine:
        engine = self.slot.engine
        with self.engine_lock:  # an import may be loading or using the same pipeline
            engine.load()
        return self

    def analyze(self, document: Document, published: dt.date | None = None, progress: Progress | None = None) -> Analysis:
        """The document's analysis with corrections: from the library's cache when it has one.

        `progress` is handed to the engine for a text it must analyse (see reader.engine.Progress).
        """
        self._progress = progress
        try:
            return self._analyze(document, published)
        finally:
            self._progress = None

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """For imports: batches through the engine's `analyze_many`, one lock hold per batch."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= IMPORT_CHUNK:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    # ------------------------------------------------------------------ the policy

    def _analyze(self, document: Document, published: dt.date | None) -> Analysis:
        library = self.library
        if library is None or not library.wait_ready(CACHE_WAIT_S):
            return self._run(document, published)
        try:
            found: _Lookup = library.call(lambda lib: _store_and_look_up(lib, document, published), CACHE_WAIT_S)
        except FutureTimeout:
            log.info("the library is busy; analysing without its cache")
            return self._corrected(self._run(document, published), None)
        except BriefingError as exc:
            log.warning("the library could not store the briefing: %s", exc)
            return self._corrected(self._run(document, published), None)
        briefing_id, dated = found.briefing_id, found.document
        if found.cached is not None:
            self.cache_hits += 1
            return found.cached
        if found.kept:
            analysis = self._run(dated, None)
            try:
                stored: Analysis = library.call(lambda lib: _store_analysis(lib, briefing_id, analysis), CACHE_WAIT_S * 4)
                return stored
            except (FutureTimeout, BriefingError) as exc:
                log.warning("the analysis could not be cached: %s", exc)
                return self._corrected(analysis, briefing_id)
        # A date the library could not keep (it is read-only): analysed and kept in memory.
        assert dated.published is not None
        key = (content_hash(document.text), dated.published)
        raw = self._dated.get(key)
        if raw is None:
            raw = self._run(dated, None)
            self._dated[key] = raw
            while len(self._dated) > DATED_KEPT:
                self._dated.popitem(last=False)
        try:
            corrections: list[Correction] = library.call(lambda lib: lib.corrections(briefing_id), CACHE_WAIT_S)
        except (FutureTimeout, BriefingError):
            corrections = self.corrections
        from reader.store.corrections import apply_corrections

        return apply_corrections(raw, corrections, briefing_id)

    def _run(self, document: Document, published: dt.date | None) -> Analysis:
        engine = self.slot.engine
        with self.engine_lock:
            self.engine_runs += 1
            if self._progress is None:
                return engine.analyze(document, published=published)
            return engine.analyze(document, published=published, progress=self._progress)

    def _batch(self, batch: list[Document]) -> list[Analysis]:
        engine = self.slot.engine
        with self.engine_lock:
            self.engine_runs += len(batch)
            return list(engine.analyze_many(batch))

    def _corrected(self, analysis: Analysis, briefing_id: str | None) -> Analysis:
        from reader.store.corrections import apply_corrections

        return apply_corrections(analysis, self.corrections, briefing_id or analysis.document.id)


def store_opened(lib: Library, document: Document, path: Path | None = None) -> str:
    """The library id of a briefing the window opened, storing it when new.

    A known text is a no-op. An opened file whose text changed since the library last saw that
    file (same path) updates that briefing in place, as `briefing import` does, so its notes are
    re-anchored (or shown as orphaned) instead of staying behind on the old version. Text with
    no file (pasted, or opened from the library) is only ever added.
    """
    if path is None:
        return lib.find_text(document.text) or lib.add_document(document)
    _state, briefing_id = lib.store_document(dataclasses.replace(document, source=str(Path(path).resolve())))
    return briefing_id


@dataclasses.dataclass(frozen=True, slots=True)
class _Lookup:
    """What the library says about a briefing the window shows."""

    briefing_id: str
    #: The window's document, dated as the briefing is dated: the reader's date wins over the file's.
    document: Document
    #: Its cached, corrected analysis against that date; None when there is none yet.
    cached: Analysis | None
    #: False when the library could not keep the date (read-only): the analysis is not cached there.
    kept: bool = True


def _store_and_look_up(lib: Library, document: Document, published: dt.date | None) -> _Lookup:
    """Store the briefing (a no-op for a known text), date it, and find its cached analysis.

    `published` is a date the reader set in the window: it becomes the briefing's date in the
    library (origin "option"), so the library list, the timeline, exports and the next opening
    of the file all use it. Without one, a date the reader set before wins over the file's own.
    """
    briefing_id = store_opened(lib, document)
    briefing = lib.get_briefing(briefing_id)
    kept = briefing.document if briefing is not None else document
    if published is not None:
        wanted: tuple[dt.date | None, str] = (published, "option")
    elif kept.published_origin == "option":
        wanted = (kept.published, "option")
    else:
        wanted = (document.published, document.published_origin)
    dated = dataclasses.replace(document, published=wanted[0], published_origin=wanted[1])
    if (kept.published, kept.published_origin) != wanted:
        if lib.refusal is not None:
            return _Lookup(briefing_id, dated, None, kept=False)
        lib.set_published(briefing_id, wanted[0], wanted[1])
    cached = lib.analysis_for(briefing_id)
    if cached is not None:
        cached.document = dated  # the window's own Document (same text: same offsets), dated
    return _Lookup(briefing_id, dated, cached)


def _store_analysis(lib: Library, briefing_id: str, analysis: Analysis) -> Analysis:
    lib.put_analysis(briefing_id, analysis)
    corrected = lib.analysis_for(briefing_id)
    if corrected is None:
        from reader.store import StoreError

        raise StoreError(f"briefing {briefing_id}: the analysis was not cached")
    # Keep the window's own Document (its source is this file), with the corrected findings.
    corrected.document = analysis.document
    return corrected
