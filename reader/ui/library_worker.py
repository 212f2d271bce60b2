"""The window's line to the library: a `LibraryThread` whose answers come back as Qt signals.

Every library call runs on the thread (reader/library_thread.py); the GUI thread never waits
for it, and the callbacks run back on the GUI thread. A long import gets a worker of its own
(a second connection), so notes keep autosaving while it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.library_thread import Finished, LibraryCall, LibraryThread, OnError, OnResult, run_callbacks


class LibraryWorker(QObject):
    """A `LibraryThread` (`core`) for the window: opened / open_failed as signals, callbacks on the GUI thread."""

    opened = Signal(str)  # the library's path
    open_failed = Signal(str, bool)  # one-line message, True when the library is in use by another program
    checked = Signal(object)  # the background integrity check's verdict: why no write is taken, or None
    opening = Signal(str)  # what a long open is doing ("Backing up the library before upgrading: 40%")
    _finished = Signal(object)  # a Finished, emitted from the library thread

    def __init__(self, path: str | Path, parent: QObject | None = None, name: str = "library") -> None:
        super().__init__(parent)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.core = LibraryThread(
            path,
            name,
            on_opened=self.opened.emit,
            on_open_failed=self.open_failed.emit,
            on_checked=self.checked.emit,
            on_progress=self.opening.emit,
            deliver=self._finished.emit,
        )

    @property
    def path(self) -> Path:
        return self.core.path

    @property
    def error(self) -> str | None:
        return self.core.error

    @property
    def refusal(self) -> str | None:
        """Why the open library takes no writes (damaged or read-only)."""
        return self.core.refusal

    @property
    def checking(self) -> bool:
        """True until the background integrity check has given its verdict (writes wait for it)."""
        return self.core.checking

    @property
    def ready(self) -> bool:
        return self.core.ready

    @property
    def available(self) -> bool:
        return self.core.available

    def start(self) -> LibraryWorker:
        """Open the library (connect `opened` / `open_failed` first); once only."""
        self.core.start()
        return self

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self.core.wait_ready(timeout)

    def submit(self, call: LibraryCall, on_result: OnResult | None = None, on_error: OnError | None = None) -> Any:
        """Run `call(library)` on the thread; `on_result` / `on_error` then run on the GUI thread."""
        return self.core.submit(call, on_result, on_error)

    def call(self, call: LibraryCall, timeout: float | None = None) -> Any:
        return self.core.call(call, timeout)

    def close(self, timeout: float = 10.0) -> bool:
        return self.core.close(timeout)

    @Slot(object)
    def _deliver(self, finished: Finished) -> None:
        run_callbacks(finished)
