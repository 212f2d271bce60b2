"""One thread that owns one library connection and runs calls on it, one at a time, in order.

An sqlite3 connection belongs to the thread that uses it, and the library's writes are short
transactions that must not interleave, so the window sends every library call through a
`LibraryThread`. Nothing here knows about Qt: the window hands in `deliver`, which carries
each finished call back to its own thread (reader/ui/library_worker.py does it with a signal).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import BriefingError, missing_part

if TYPE_CHECKING:  # the store (sqlite-utils, and pandas when installed) is imported on the thread itself
    from reader.store import Library

log = logging.getLogger(__name__)

LibraryCall = Callable[["Library"], Any]
OnResult = Callable[[Any], None]
OnError = Callable[[str], None]
#: A finished call: its future and the callbacks that want its outcome.
Finished = tuple["Future[Any]", OnResult | None, OnError | None]


def describe(error: BaseException) -> str:
    """One line for the status bar or a dialog."""
    if isinstance(error, BriefingError):
        return str(error)
    if isinstance(error, ImportError):
        return str(missing_part(error, "finish this"))
    return f"{type(error).__name__}: {error}"


def run_callbacks(finished: Finished) -> None:
    """Hand a finished call's result or one-line error to its callbacks (on the caller's thread)."""
    future, on_result, on_error = finished
    error = future.exception()
    if error is None:
        if on_result is not None:
            on_result(future.result())
    elif on_error is not None:
        on_error(describe(error))
    else:
        log.warning("library call failed: %s", describe(error))


class LibraryThread:
    """Opens the library on its own thread and runs submitted calls there in submission order.

    `on_opened(path)` / `on_open_failed(message, busy)` and `deliver(finished)` are called from
    that thread; `deliver` defaults to running the callbacks there.

    The library's integrity check runs in the background (reader/store/integrity.py), so the
    calls start at once; a write waits for the check's verdict, and `on_checked(refusal)` is
    called from the thread once the verdict is applied (`refusal` None: writable).
    """

    def __init__(
        self,
        path: str | Path,
        name: str = "library",
        *,
        on_opened: Callable[[str], None] | None = None,
        on_open_failed: Callable[[str, bool], None] | None = None,
        on_checked: Callable[[str | None], None] | None = None,
        on_progress: Callable[[str], None] | None = None,
        deliver: Callable[[Finished], None] | None = None,
    ) -> None:
        self.path = Path(path).expanduser()
        self.library: Library | None = None  # only ever touched on the thread
        self.error: str | None = None
        #: Why the open library takes no writes (damaged or read-only); set before `on_opened` runs.
        self.refusal: str | None = None
        self._on_opened = on_opened
        self._on_open_failed = on_open_failed
        self._on_checked = on_checked
        #: Called from the thread with what a long open is doing (the check, the backup, an upgrade's steps).
        self._on_progress = on_progress
        #: True while the background integrity check has not given its verdict (writes wait for it).
        self.checking = False
        self._deliver = deliver or run_callbacks
        self._ready = threading.Event()
        self._queue: queue.Queue[tuple[LibraryCall, Future[Any], OnResult | None, OnError | None] | None] = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=f"briefing-{name}", daemon=True)

    def start(self) -> LibraryThread:
        """Open the library on the thread; once only."""
        if self._thread.ident is None and not self._closed:
            self._thread.start()
        return self

    @property
    def ready(self) -> bool:
        """True once the open attempt finished, whatever its outcome."""
        return self._ready.is_set()

    @property
    def available(self) -> bool:
        """True once the library is open (False while opening, after a failure, after close)."""
        return self._ready.is_set() and self.error is None and not self._closed

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the open attempt finished; True when the library opened."""
        self._ready.wait(timeout)
        return self.available

    def submit(self, call: LibraryCall, on_result: OnResult | None = None, on_error: OnError | None = None) -> Future[Any]:
        """Run `call(library)` on the thread; `on_result` / `on_error` then go to `deliver`."""
        future: Future[Any] = Future()
        if self._closed:
            future.set_exception(BriefingError("the library is closed"))
            return future
        self._queue.put((call, future, on_result, on_error))
        return future

    def call(self, call: LibraryCall, timeout: float | None = None) -> Any:
        """Run `call(library)` on the thread and wait for its result (never from a GUI thread)."""
        return self.submit(call).result(timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Finish every queued call (pending autosaves included), close the connection, stop the thread."""
        if self._closed:
            return True
        self._closed = True
        if self._thread.ident is None:
            return True  # never started
        self._queue.put(None)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # ------------------------------------------------------------------ the thread

    def _open(self) -> None:
        # Imported here, off the GUI thread: sqlite-utils pulls in pandas when it is installed (~0.5 s).
        from reader.store import Library, LibraryBusyError

        busy = False
        try:
            self.checking = True
            self.library = Library.open(
                self.path, check_in_background=True, on_checked=self._check_finished, progress=self._on_progress
            )
        except LibraryBusyError as exc:
            self.error, busy = str(exc), True
        except BriefingError as exc:
            self.error = str(exc)
        except Exception as exc:  # an unexpected failure must not leave callers waiting forever
            log.exception("opening the library %s failed", self.path)
            self.error = f"{self.path}: cannot open the library ({type(exc).__name__}: {exc})"
        else:
            self.refusal = self.library.refusal
        if self.library is None or not self.library.checking:
            self.checking = False
        self._ready.set()
        if self.error is None:
            if self._on_opened is not None:
                self._on_opened(str(self.path))
        elif self._on_open_failed is not None:
            self._on_open_failed(self.error, busy)

    def _check_finished(self) -> None:
        """From the check's thread: apply the verdict on this thread, after the calls already queued."""
        self._queue.put((self._apply_check, Future(), None, None))

    def _apply_check(self, library: Library) -> None:
        library.settle_check()
        self.refusal = library.refusal
        self.checking = False
        if self._on_checked is not None:
            self._on_checked(self.refusal)

    def _run(self) -> None:
        self._open()
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
                self._deliver((future, on_result, on_error))
        if self.library is not None:
            try:
                self.library.close()
            except Exception:  # closing a connection that failed is not worth a crash at exit
                log.exception("closing the library failed")
            self.library = None
