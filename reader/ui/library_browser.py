"""The library dock: every briefing, full-text search, the timeline across briefings, all notes, import.

Imports run on a library connection of their own (`LibraryWorker(name="import")`), so notes
keep autosaving while a folder is imported; the progress dialog is not modal.
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QFileDialog, QProgressDialog

from reader.ui.dialogs import FILE_FILTER, show_error
from reader.ui.library_models import BriefingsQuery, Deliver
from reader.ui.library_view import MATCHES_COUNTED, LibraryView
from reader.ui.library_worker import LibraryWorker
from reader.ui.menus import add_action

if TYPE_CHECKING:
    from reader.store import Library
    from reader.store.records import ImportReport, TimelineEntry
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow


class _Relay(QObject):
    """Carries an import's progress from its thread to the GUI thread."""

    progress = Signal(int, int, str)


class LibraryBrowser(QObject):
    """What the library dock shows and the File menu's import entries."""

    briefings_listed = Signal(int)  # rows shown in the library view
    search_done = Signal(str, int)  # query, hits
    timeline_shown = Signal(str, int)  # actor, entries
    all_notes_listed = Signal(int)  # notes in the library's Notes tab
    import_finished = Signal(object)  # ImportReport
    note_wanted = Signal(str)  # a note of the briefing on screen was chosen
    note_awaited = Signal(str)  # a note of the briefing being opened was chosen ("" for none)

    def __init__(self, window: ReaderWindow, session: LibrarySession) -> None:
        super().__init__(session)
        self.window, self.session = window, session
        self._import_worker: LibraryWorker | None = None
        self._import_cancel: threading.Event | None = None
        self.import_dialog: QProgressDialog | None = None
        self._search_token = 0
        w = window.main_window()
        self.library_view = LibraryView(w)
        self.library_dock = QDockWidget("Library", w)
        self.library_dock.setObjectName("library_dock")
        self.library_dock.setWidget(self.library_view)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.library_dock)
        self.library_dock.hide()
        self.import_files_action = add_action(w, "&Import Files…", self.choose_import_files, tip="Add briefing files to the library")
        self.import_folder_action = add_action(w, "Import &Folder…", self.choose_import_folder, tip="Add every briefing in a folder")
        self.library_action = add_action(w, "&Library", self.show_library, "Ctrl+L", tip="Every briefing, search, timeline")
        self.library_view.open_requested.connect(self.open_briefing)
        self.library_view.search_requested.connect(self.search)
        self.library_view.timeline_requested.connect(self.show_timeline)
        self.library_view.refresh_requested.connect(self.refresh_briefings)
        self.library_view.import_requested.connect(self.choose_import_files)
        self.library_view.notes_requested.connect(self.list_all_notes)
        # Said for the answer shown: an answer to an older ask (a quicker second refresh) is dropped unsaid.
        self.library_view.model.first_page_loaded.connect(self.briefings_listed)
        timeline = self.library_view.timeline_model
        timeline.first_page_loaded.connect(lambda rows: self.timeline_shown.emit(timeline.query or "", rows))
        self.library_dock.visibilityChanged.connect(lambda shown: self.refresh_briefings() if shown else None)
        session.library_changed.connect(self._refresh_if_shown)
        session.state_changed.connect(self._update_actions)

    def _update_actions(self) -> None:
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(self.session.writable)
        self.library_action.setEnabled(self.session.ready)

    def _refresh_if_shown(self) -> None:
        if self.library_dock.isVisible():
            self.refresh_briefings()

    def show_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.refresh_briefings()

    def refresh_briefings(self) -> None:
        """Every briefing, newest first (or as the view is sorted); as many rows as were loaded before."""
        if not self.session.available:
            return
        model = self.library_view.model
        unscoped = model.query is not None and model.query.actor is None
        self.library_view.load_briefings(self._fetch_briefings, keep=model.rowCount() if unscoped else 0)

    def _fetch_briefings(self, query: BriefingsQuery, offset: int, limit: int, _last: object, deliver: Deliver) -> None:
        """A page of the library list, read on the library's thread (one row more says whether more follow)."""

        def run(lib: Library):
            rows = lib.list_briefings(
                sort=query.sort, descending=query.descending, actor=query.actor, limit=limit + 1, offset=offset, matching=query.words
            )
            # A common word is in most of 100,000 briefings: counted up to a thousand, "more than" past it.
            at_most = MATCHES_COUNTED if query.words else None
            total = lib.count_briefings(query.words, at_most) if offset == 0 and query.actor is None else None
            return rows, total

        def done(result) -> None:
            rows, total = result
            if offset == 0:
                self.library_view.model.total = total
            deliver(rows[:limit], len(rows) > limit)

        def failed(message: str) -> None:
            self.session.status(message)
            deliver([], False)

        self.session.submit(run, done, failed)

    def list_all_notes(self) -> None:
        """Fill the library's Notes tab: every note and highlight, with its briefing's title."""
        if not self.session.available:
            return

        def run(lib: Library):
            titles = {b.id: b.title for b in lib.list_briefings(top_actors=0)}
            return lib.all_notes(), titles

        def done(result) -> None:
            notes, titles = result
            self.library_view.set_notes(notes, titles)
            self.all_notes_listed.emit(len(notes))

        self.session.submit(run, done, self.session.status)

    def show_briefings_mentioning(self, name: str) -> None:
        self.library_dock.show()

        self.library_view.load_briefings(self._fetch_briefings, actor=name, scope=f"Briefings mentioning <b>{html.escape(name)}</b>")

    def show_timeline(self, name: str) -> None:
        self.library_dock.show()
        self.library_view.load_timeline(name, self._fetch_timeline)

    def _fetch_timeline(self, actor: str, offset: int, limit: int, last: TimelineEntry | None, deliver: Deliver) -> None:
        """A page of the timeline across briefings, from the date index (an actor's: from the actor
        index), from the last entry shown on (as fast deep down as at the top). While an upgraded
        library's analyses are still going into the actor index, an actor's timeline would read every
        analysis naming the actor for each page, so it is read once, whole."""

        def run(lib: Library):
            if actor and lib.timeline_index_pending():
                return lib.timeline(actor), False
            page = lib.timeline(actor or None, limit=limit + 1, offset=offset, after=last)
            return page[:limit], len(page) > limit

        def done(result) -> None:
            entries, more = result
            deliver(entries, more)

        def failed(message: str) -> None:
            self.session.status(message)
            deliver([], False)

        self.session.submit(run, done, failed)

    def search(self, query: str) -> None:
        self._search_token += 1
        token = self._search_token
        if not query.strip():
            self.library_view.set_search_results(query, [])
            return

        def run(lib: Library):
            started = time.perf_counter()
            hits = lib.search(query, limit=20)
            return hits, time.perf_counter() - started

        def done(result) -> None:
            if token == self._search_token:
                hits, seconds = result
                self.library_view.set_search_results(query, hits, seconds)
                self.search_done.emit(query, len(hits))

        def failed(message: str) -> None:
            if token == self._search_token:
                self.library_view.set_search_error(message)

        self.session.submit(run, done, failed)

    def open_briefing(self, briefing_id: str, note_id: str = "") -> None:
        """Show a briefing of the library (its stored text: the file may have moved since)."""
        if self.session.is_current(briefing_id) and self.window.document is not None:
            if note_id:
                self.note_wanted.emit(note_id)
            return

        def done(briefing) -> None:
            if briefing is None:
                self.session.status("That briefing is no longer in the library")
                return
            self.note_awaited.emit(note_id)  # selected once the briefing's notes are loaded
            self.window.open_document(briefing.document)

        self.session.submit(lambda lib: lib.get_briefing(briefing_id), done, self.session.status)

    # ------------------------------------------------------------------ import

    def choose_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window.main_window(), "Import briefings into the library", str(Path.home()), FILE_FILTER)
        if names:
            self.import_paths(names)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window.main_window(), "Import every briefing in a folder", str(Path.home()))
        if folder:
            self.import_paths([folder])

    @property
    def importing(self) -> bool:
        return self._import_worker is not None

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        """Import files and folders in the background with a cancellable progress dialog."""
        if not self.session.available or self.importing:
            self.session.status("An import is already running" if self.importing else (self.session.unavailable_reason or "The library is not open"))
            return False
        from reader.store.records import ImportReport

        cancel = threading.Event()
        report = ImportReport()
        dialog = QProgressDialog("Looking for briefings…", "Cancel", 0, 0, self.window.main_window())
        dialog.setWindowTitle("Importing into the library")
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # reading and notes go on during an import
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.set)
        dialog.canceled.connect(lambda: dialog.setLabelText("Cancelling after the current briefing…"))
        relay = _Relay(self)

        def on_progress(done: int, total: int, path: str) -> None:
            if dialog.wasCanceled():
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(f"Imported {done} of {total}: {Path(path).name}")

        relay.progress.connect(on_progress)
        worker = LibraryWorker(self.session.path, self, name="import").start()
        self._import_worker, self._import_cancel, self.import_dialog = worker, cancel, dialog
        from reader.archive.pool import WindowImportEngine  # worker processes when the machine has cores to spare

        engine = WindowImportEngine(self.session.engine, paths)

        def finish(result: ImportReport | None, message: str = "") -> None:
            dialog.close()
            dialog.deleteLater()
            relay.deleteLater()
            worker.close()
            engine.close()
            self._import_worker = self._import_cancel = self.import_dialog = None
            final = result or report
            message = message or final.stopped
            if message:
                show_error(self.window.main_window(), "The import stopped", f"{describe_import(final)}. Everything counted is kept.", details=message)
            self.window.status(describe_import(final), 10000)
            self.refresh_briefings()
            self.import_finished.emit(final)

        worker.submit(
            lambda lib: lib.import_paths(
                [str(p) for p in paths], engine, progress=relay.progress.emit, cancel=cancel.is_set, report=report
            ),
            lambda result: finish(result),
            lambda message: finish(None, message),
        )
        dialog.show()
        return True

    def cancel_import(self) -> None:
        if self._import_cancel is not None:
            self._import_cancel.set()

    def close(self) -> None:
        """Stop an import after its current briefing; what it finished is kept."""
        self.cancel_import()
        if self._import_worker is not None:
            self._import_worker.close(30)


def describe_import(report: ImportReport) -> str:
    parts = [f"{len(report.added)} added"]
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    if report.unchanged:
        parts.append(f"{len(report.unchanged)} already there")
    if report.failed:
        parts.append(f"{len(report.failed)} could not be read")
    state = "stopped" if report.stopped else "cancelled" if report.cancelled else "done"
    text = f"Import {state}: " + ", ".join(parts)
    return text
