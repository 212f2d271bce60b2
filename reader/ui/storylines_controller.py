"""Storylines in the window: the Storylines dock (storylines, upcoming, dossier), the marks in the
events sidebar, and opening a source at its clause. Every library call runs on the library's thread
(LibrarySession.submit); the dossier's layout is computed there too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

from reader.ui.menus import add_action
from reader.ui.models import ActorRole
from reader.ui.storyline_marks import MarkingDelegate
from reader.ui.storylines_view import StorylinesView

if TYPE_CHECKING:
    from reader.store import Library
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow

#: How many items the Storylines tab shows at once (the newest first; filters narrow it).
PAGE = 500


def _titles(lib: Library, ids: set[str]) -> dict[str, str]:
    return lib.storylines.titles(ids)


class StorylinesController(QObject):
    storylines_shown = Signal(int)
    upcoming_shown = Signal(int)
    dossier_shown = Signal(str)
    marks_shown = Signal(int)

    def __init__(self, window: ReaderWindow, session: LibrarySession) -> None:
        super().__init__(session)
        self.window, self.session = window, session
        w = window.main_window()
        self.view = StorylinesView(w)
        self.dock = QDockWidget("Storylines", w)
        self.dock.setObjectName("storylines_dock")
        self.dock.setWidget(self.view)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.show_action = add_action(w, "&Storylines", self.show_storylines, "Ctrl+Shift+Y", tip="Acts reported by several briefings")
        self.upcoming_action = add_action(w, "&Upcoming", self.show_upcoming, "Ctrl+Shift+U", tip="What was announced, by due date")
        self.dossier_action = add_action(
            w, "&Dossier of the Selected Actor", self.dossier_of_selection, "Ctrl+Shift+D", tip="Everything the library knows of an actor"
        )
        self.marks = MarkingDelegate(window.events_view.itemDelegate(), window.events_view)
        window.events_view.setItemDelegate(self.marks)
        self._pending_offset: int | None = None
        self.as_of = dt.date.today()
        self.view.refresh_requested.connect(self.refresh)
        self.view.upcoming_requested.connect(self.refresh_upcoming)
        self.view.dossier_requested.connect(self.show_dossier)
        self.view.open_requested.connect(self.open_source)
        self.view.split_requested.connect(self.split)
        self.view.merge_requested.connect(self.merge)
        self.view.undo_requested.connect(self.undo)
        session.briefing_loaded.connect(lambda briefing_id, _notes: self.refresh_marks(briefing_id))
        session.briefing_cleared.connect(lambda: self._set_marks({}))
        session.library_changed.connect(self._refresh_if_shown)
        session.library_changed.connect(lambda: self.refresh_marks(session.briefing_id) if session.briefing_id else None)
        session.state_changed.connect(self._update_actions)
        window.document_shown.connect(lambda _g: QTimer.singleShot(0, self._jump_pending))

    def fill_menu(self, menu) -> None:
        for action in (self.show_action, self.upcoming_action, self.dossier_action):
            menu.addAction(action)

    def _update_actions(self) -> None:
        for action in (self.show_action, self.upcoming_action, self.dossier_action):
            action.setEnabled(self.session.ready)

    def _refresh_if_shown(self) -> None:
        if self.dock.isVisible():
            self.refresh()

    # ------------------------------------------------------------------ the dock

    def show_storylines(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.refresh()

    def refresh(self) -> None:
        if not self.session.available:
            return
        filters = self.view.filters()

        def run(lib: Library):
            items = lib.storylines.items(limit=PAGE, **filters)
            return items, _titles(lib, {s.briefing_id for i in items for s in i.sources})

        def done(result) -> None:
            items, titles = result
            self.view.set_items(items, titles)
            self.storylines_shown.emit(len(items))

        self._after_pending(lambda: self.session.submit(run, done, self.session.status))

    def show_upcoming(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.view.tabs.setCurrentIndex(self.view.UPCOMING_TAB)
        self.refresh_upcoming()

    def refresh_upcoming(self) -> None:
        if not self.session.available:
            return
        as_of = self.as_of

        def run(lib: Library):
            found = lib.storylines.upcoming(as_of=as_of)
            ids = {a.source.briefing_id for a in found} | {a.happened_in.briefing_id for a in found if a.happened_in}
            return found, _titles(lib, ids)

        def done(result) -> None:
            found, titles = result
            self.view.set_upcoming(found, titles, as_of)
            self.upcoming_shown.emit(len(found))

        self._after_pending(lambda: self.session.submit(run, done, self.session.status))

    def dossier_of_selection(self) -> None:
        actor = self.window.actors_view.currentIndex().data(ActorRole)
        name = actor.name if actor is not None else self.view.actor.text().strip()
        if name:
            self.show_dossier(name)
        else:
            self.session.status("Select an actor in the actors panel first")

    def show_dossier(self, name: str) -> None:
        if not name or not self.session.available:
            return
        self.dock.show()
        self.dock.raise_()

        def run(lib: Library):
            dossier = lib.storylines.dossier(name, lib.list_briefings(sort="published", actor=name, top_actors=0))
            ids = {s.briefing_id for i in dossier.items for s in i.sources} | {n.briefing_id for n in dossier.notes if n.briefing_id}
            titles = {b.id: b.title for b in dossier.briefings} | _titles(lib, ids - {b.id for b in dossier.briefings})
            if lib.refusal is None:
                lib.storylines.mark_dossier_seen(name)  # the write after reading it, as the CLI does
            return dossier, titles

        def done(result) -> None:
            dossier, titles = result
            self.view.show_dossier(dossier, titles)
            self.dossier_shown.emit(dossier.name)

        self._after_pending(lambda: self.session.submit(run, done, self.session.status))

    def _after_pending(self, then: Callable[[], None]) -> None:
        """Briefings the library held before it had storylines are matched first, 50 at a time on the
        library's thread (other library work goes on between batches), with the count in the status bar."""

        def step(lib: Library) -> int:
            if lib.refusal is not None or not lib.storylines.pending():
                return 0
            return lib.storylines.match_pending(50)

        said = []

        def done(left: int) -> None:
            if left:
                said.append(left)
                self.session.status(f"Matching the briefings from before storylines: {left} left…", 0)
                self.session.submit(step, done, self.session.status)
                return
            if said:
                self.session.status("Every briefing in the library is in its storylines")
            then()

        self.session.submit(step, done, self.session.status)

    # ------------------------------------------------------------------ the reader's splits and merges

    def split(self, item_id: str, sources: list) -> None:
        self.session.submit(lambda lib: lib.storylines.split(item_id, [tuple(s) for s in sources]), lambda _r: self.refresh(), self.session.status)

    def merge(self, item_ids: list) -> None:
        self.session.submit(lambda lib: lib.storylines.merge(item_ids), lambda _r: self.refresh(), self.session.status)

    def undo(self) -> None:
        def done(undone: bool) -> None:
            if not undone:
                self.session.status("No split or merge to undo")
            self.refresh()

        self.session.submit(lambda lib: lib.storylines.undo_last(), done, self.session.status)

    # ------------------------------------------------------------------ the events sidebar

    def refresh_marks(self, briefing_id: str) -> None:
        as_of = self.as_of

        def done(marks) -> None:
            if self.session.is_current(briefing_id):
                self._set_marks(marks)

        self.session.submit(lambda lib: lib.storylines.marks(briefing_id, as_of=as_of), done, self.session.status)

    def _set_marks(self, marks: dict) -> None:
        self.marks.set_marks(marks)
        self.window.events_view.viewport().update()
        self.marks_shown.emit(len(marks))

    # ------------------------------------------------------------------ opening a source

    def open_source(self, briefing_id: str, offset: int) -> None:
        if self.session.is_current(briefing_id) and self.window.document is not None:
            self._jump(offset)
            return
        self._pending_offset = offset

        def done(briefing) -> None:
            if briefing is None:
                self.session.status("That briefing is no longer in the library")
                return
            self.window.open_document(briefing.document)

        self.session.submit(lambda lib: lib.get_briefing(briefing_id), done, self.session.status)

    def _jump_pending(self) -> None:
        if self._pending_offset is not None:
            offset, self._pending_offset = self._pending_offset, None
            self._jump(offset)

    def _jump(self, offset: int) -> None:
        article = self.window.article
        analysis = self.window.analysis
        event = next((e for e in analysis.events if e.start == offset), None) if analysis is not None else None
        end = event.end if event is not None else offset + 1
        article.scroll_to_offset(offset)
        article.flash(offset, end)
