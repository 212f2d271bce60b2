"""The Qt side of the inbox folder: watch it while the window runs, import off the GUI thread.

The folder is chosen with File → Inbox Folder… and kept in the settings (``inbox/folder``).
At start and whenever the folder changes (QFileSystemWatcher, with a short pause so a burst of
changes makes one import), `reader.inbox.Inbox.import_ready` runs on a library worker of its
own, so reading notes and the window's own library calls never wait for it. The notice is a
status-bar line; files that could not be read are listed by File → Inbox Problems…, and stay
in the folder untouched.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.inbox import SETTLE_SECONDS, Inbox, describe
from reader.ui.library_worker import LibraryWorker

if TYPE_CHECKING:
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow

SETTING = "inbox/folder"
#: Wait this long after the last change in the folder before looking (a copy is many changes).
DEBOUNCE_MS = 1500


class InboxWatcher(QObject):
    """Imports every new file of the inbox folder into the library of `session`."""

    imported = Signal(object)  # the ImportReport of one inbox import (also when nothing was new)

    def __init__(self, window: ReaderWindow, session: LibrarySession, settings: QSettings) -> None:
        super().__init__(session)
        self.window, self.session, self.settings = window, session, settings
        self.inbox: Inbox | None = None
        self.timer = QTimer(self)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self._worker: LibraryWorker | None = None
        self._busy = False
        self._again = False
        self._cancel = threading.Event()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._add_actions()
        # The window opens the library a moment after it shows; the first look waits for that.
        session.worker.opened.connect(lambda _path: self.timer.start(0))
        folder = settings.value(SETTING, "")
        if folder:
            self.set_folder(str(folder), remember=False)

    def _add_actions(self) -> None:
        menu = self.window.file_menu
        menu.addSeparator()
        self.choose_action = menu.addAction("Inbox &Folder…", self.choose_folder)
        self.choose_action.setStatusTip("Choose a folder whose new briefing files are imported into the library")
        self.problems_action = menu.addAction("Inbox &Problems…", self.show_problems)

    # ------------------------------------------------------------------ folder

    @property
    def folder(self) -> Path | None:
        return self.inbox.folder if self.inbox is not None else None

    def choose_folder(self) -> None:
        start = str(self.folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self.window.main_window(), "Choose the inbox folder", start)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str | Path | None, remember: bool = True) -> None:
        """Watch `folder` (None: stop watching) and import what is already in it."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if remember:
            self.settings.setValue(SETTING, str(folder) if folder else "")
        if not folder:
            self.inbox = None
            return
        path = Path(folder).expanduser()
        self.inbox = Inbox(path)
        if path.is_dir():
            self.watcher.addPath(str(path))
        QTimer.singleShot(0, self.run)

    # ------------------------------------------------------------------ importing

    def run(self) -> None:
        """Import what is ready, on the inbox's own library worker; one import at a time."""
        inbox = self.inbox
        if inbox is None or not self.session.available:
            return
        if self._busy:
            self._again = True
            return
        if self._worker is None:
            self._worker = LibraryWorker(self.session.path, self, name="inbox").start()
        self._busy = True
        engine, cancel = self.session.engine, self._cancel
        self._worker.submit(
            lambda lib: inbox.import_ready(lib, engine, cancel=cancel.is_set), self._done, self._failed
        )

    def _done(self, report) -> None:
        self._busy = False
        inbox = self.inbox
        notice = describe(report, 0)
        if notice:
            if report.failed:
                notice += " (File → Inbox Problems…)"
            self.window.status(notice, 10000)
        if report.added or report.updated:
            self.session.library_changed.emit()
        self.imported.emit(report)
        if self._again or (inbox is not None and inbox.waiting):
            self._again = False
            self.timer.start(DEBOUNCE_MS if not inbox or not inbox.waiting else int(SETTLE_SECONDS * 1000) + 200)

    def _failed(self, message: str) -> None:
        self._busy = False
        self.window.status(f"Inbox: {message}", 10000)

    def show_problems(self) -> None:
        problems = dict(self.inbox.problems) if self.inbox is not None else {}
        if not problems:
            text = "Every file in the inbox folder was read." if self.inbox else "No inbox folder is chosen."
        else:
            text = "These files could not be read; they were left in the folder:\n\n" + "\n".join(
                f"{path.name}: {reason}" for path, reason in sorted(problems.items())
            )
        box = QMessageBox(QMessageBox.Icon.Information, "Inbox problems", text, QMessageBox.StandardButton.Ok, self.window.main_window())
        box.exec()

    @property
    def busy(self) -> bool:
        """True while an import of the inbox runs (its `imported` signal is still to come)."""
        return self._busy

    def close(self) -> None:
        self._cancel.set()
        self.timer.stop()
        if self._worker is not None:
            self._worker.close()
            self._worker = None
