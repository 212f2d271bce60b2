"""The window's library: opened on its own thread, and the library id of the briefing on screen.

The window stays usable without it. `LibrarySession` opens the library a moment after the
first text is shown, stores each briefing the window shows (its notes' anchors follow the
text), and says what changed through signals; the features (reader/ui/notes_controller.py,
corrections_controller.py, library_browser.py, export_controller.py) listen to those and to
the window, and are wired together by reader/ui/app.py. When the library cannot be opened
(corrupt file, in use, unreadable) the reader is told once and reading goes on as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from reader.cached_engine import CachingEngine, store_opened
from reader.session import EngineSlot
from reader.ui.dialogs import show_error
from reader.ui.library_worker import LibraryWorker

if TYPE_CHECKING:
    # The store (sqlite-utils, and pandas when installed) is first imported on the library's
    # thread; the window only needs it once the library is open.
    from reader.store import Correction, Library
    from reader.store.records import Note
    from reader.ui.window_api import ReaderWindow

#: Open the library this long after the window is built when no text has been shown by then.
START_LIBRARY_MS = 1200


class LibrarySession(QObject):
    """The library as the window sees it; one per window, closed with it."""

    library_ready = Signal(bool)  # True: open; False: unavailable (the reason is in `unavailable_reason`)
    briefing_cleared = Signal()  # a new text is on screen; its library id is not known yet
    briefing_loading = Signal()  # the library is storing it and reading its notes
    briefing_loaded = Signal(str, object)  # briefing id, its notes (list[Note])
    briefing_failed = Signal(str)  # the library could not store it: one line
    unavailable = Signal(str)  # why notes are off (no library, or none yet)
    state_changed = Signal()  # `ready`, `writable` or `briefing_id` changed
    library_changed = Signal()  # briefings or their notes changed: a list of them is stale

    def __init__(self, path: str | Path, slot: EngineSlot, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path).expanduser()
        self.worker = LibraryWorker(self.path, self)
        #: What the window's analyses call: the library's cache in front of the engine.
        self.engine = CachingEngine(slot, self.worker.core)
        self.briefing_id: str | None = None
        self.unavailable_reason = ""
        self.window: ReaderWindow | None = None
        #: The features on this library, set by reader.ui.app.attach_library.
        self.notebook: Any = None
        self.corrector: Any = None
        self.browser: Any = None
        self.exports: Any = None
        #: Counts the briefings shown: an answer about an older one is dropped.
        self.token = 0
        self._closed = False
        self._dated: tuple[str, object] | None = None  # the reader's date last shown: (document id, date)
        self._indexing = False
        self.worker.opened.connect(self._on_opened)
        self.worker.open_failed.connect(self._on_open_failed)
        self.worker.checked.connect(self._on_checked)
        self.worker.opening.connect(self._on_opening)

    def attach(self, window: ReaderWindow) -> None:
        """Follow the window's briefings; open the library once the first text is on screen
        (importing the store competes with the window for the interpreter), or after a moment."""
        self.window = window
        window.document_shown.connect(self._on_document_shown)
        window.analysis_shown.connect(self._on_analysis_shown)
        window.article.text_painted.connect(self.worker.start)
        QTimer.singleShot(START_LIBRARY_MS, self.worker.start)
        self.unavailable.emit("Opening the library…")
        self.state_changed.emit()

    # ------------------------------------------------------------------ state

    @property
    def available(self) -> bool:
        return self.worker.available

    @property
    def ready(self) -> bool:
        return self.available

    @property
    def writable(self) -> bool:
        return self.available and self.worker.refusal is None

    @property
    def has_briefing(self) -> bool:
        return self.available and self.briefing_id is not None

    def submit(self, call: Any, on_result: Any = None, on_error: Any = None) -> Any:
        """Run `call(library)` on the library's thread; the callbacks run back on the GUI thread."""
        return self.worker.submit(call, on_result, on_error)

    def status(self, message: str, timeout_ms: int = 8000) -> None:
        if self.window is not None:
            self.window.status(message, timeout_ms)

    # ------------------------------------------------------------------ library open / failed

    def _on_opening(self, message: str) -> None:
        """An older library is upgraded, or a large one checked, on the library's thread: say how far it is."""
        if not self.worker.ready:
            self.unavailable.emit(message)
            self.status(message, 0)

    def _on_opened(self, _path: str) -> None:
        self.engine.corrections = []
        self.worker.submit(lambda lib: lib.corrections(), self._set_corrections)
        refusal = self.worker.refusal
        self.state_changed.emit()
        window = self.window
        if refusal is not None:
            self._say_refusal(refusal)
        else:
            self.status(f"Library: {self.path}", 4000)
        if window is not None and window.document is not None:
            self._load_briefing()
        else:
            self.unavailable.emit("Open a briefing to write notes on it.")
        self.library_ready.emit(True)
        if refusal is None and not self.worker.checking:
            self._index_timelines()

    def _on_checked(self, refusal: str | None) -> None:
        """The background integrity check is done: a damaged library is said now, as one found at open."""
        self.state_changed.emit()
        if refusal is not None and refusal != self.unavailable_reason:
            self._say_refusal(refusal)
        elif refusal is None:
            self._index_timelines()

    def _index_timelines(self) -> None:
        """Analyses from before the actor index (an upgraded library) go into it on the library's thread,
        500 at a time (about 0.1 s each) with other library work between the batches; until then an actor's timeline reads them all."""
        if self._indexing:
            return
        self._indexing = True
        said: list[int] = []

        def step(lib: Library) -> int:
            return lib.index_timeline_pending(500) if lib.refusal is None and lib.timeline_index_pending() else 0

        def done(left: int) -> None:
            if left and not self._closed:
                said.append(left)
                self.status(f"Indexing actors' timelines: {left:,} analyses left…", 0)
                self.submit(step, done, self.status)
            elif said:
                self.status("Actors' timelines indexed")

        self.submit(step, done, self.status)

    def _say_refusal(self, refusal: str) -> None:
        """Said once; reading, search and export go on."""
        window = self.window
        self.unavailable_reason = refusal
        damaged = "damaged" in refusal
        self.status("Library is damaged: read only" if damaged else "Library opened read-only: notes cannot be saved", 0)
        show_error(
            window.main_window() if window else None,
            "The library is damaged" if damaged else "The library is read-only",
            "You can keep reading, searching and exporting; nothing will be saved to the library.",
            details=refusal,
        )

    def _on_open_failed(self, message: str, busy: bool) -> None:
        title = "The library is in use" if busy else "The library could not be opened"
        what = "Another Briefing Reader (or another program) is using the library." if busy else "The library file could not be opened."
        self.unavailable_reason = f"Notes are off: {message}"
        self.unavailable.emit(self.unavailable_reason)
        self.state_changed.emit()
        self.status(f"Notes and library off: {message}", 0)
        self.library_ready.emit(False)
        show_error(
            self.window.main_window() if self.window else None,
            title,
            f"{what} You can keep reading; notes and corrections are off until it can be opened.",
            details=message,
        )

    def _set_corrections(self, corrections: list[Correction]) -> None:
        self.engine.corrections = corrections

    # ------------------------------------------------------------------ the briefing on screen

    def _on_document_shown(self, _generation: int) -> None:
        self.briefing_cleared.emit()
        self.briefing_id = None
        self.state_changed.emit()
        if not self.available:
            if self.worker.error:
                self.unavailable.emit(self.unavailable_reason or f"Notes are off: {self.worker.error}")
            return
        self._load_briefing()

    def _on_analysis_shown(self, _generation: int) -> None:
        """A publication date the reader set is now the briefing's in the library: lists of it are stale."""
        window = self.window
        document = window.document if window is not None else None
        dated = (document.id, document.published) if document is not None and document.published_origin == "option" else None
        if dated is not None and dated != self._dated:
            self.library_changed.emit()
        self._dated = dated

    def _load_briefing(self) -> None:
        window = self.window
        document = window.document if window is not None else None
        if window is None or document is None:
            return
        self.token += 1
        token = self.token
        self.briefing_loading.emit()
        path = window.path  # None for pasted text and briefings opened from the library

        def load(lib: Library) -> tuple[str, list[Note]]:
            briefing_id = store_opened(lib, document, path)
            lib.reanchor_notes(briefing_id)  # the one write on opening: anchors follow the text
            return briefing_id, lib.notes_for(briefing_id)

        def done(result: tuple[str, list[Note]]) -> None:
            if token != self.token:
                return
            self.briefing_id, notes = result
            self.state_changed.emit()
            self.briefing_loaded.emit(self.briefing_id, notes)
            self.library_changed.emit()

        def failed(message: str) -> None:
            if token == self.token:
                self.briefing_failed.emit(message)
                self.status(f"The library could not store this briefing: {message}")

        self.worker.submit(load, done, failed)

    def is_current(self, briefing_id: str | None) -> bool:
        return briefing_id is not None and briefing_id == self.briefing_id

    # ------------------------------------------------------------------ closing

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Finish queued library calls (pending autosaves included) and close the connection."""
        if self._closed:
            return
        self._closed = True
        self.worker.close(30)  # the window's AnalysisService stops the engine
