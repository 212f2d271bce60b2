"""Corrections from the context menus: store them, show the corrected analysis, undo the last one.

The menus themselves are built in reader/ui/corrections_ui.py; this controller is their
`CorrectionSink`. What a menu asks of other features (a note on an actor or event, the
briefings mentioning an actor, its timeline) goes out as a signal, wired by reader/ui/app.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu

from reader.model import Actor, Event
from reader.ui.dialogs import show_error
from reader.ui.menus import add_action
from reader.ui.models import ActorRole, EventRole

if TYPE_CHECKING:
    from reader.store import Correction
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow


class CorrectionsController(QObject):
    """Context menus on the article, the actors and the events; corrections kept in the library."""

    correction_stored = Signal(object)  # Correction (also after an undo)
    notes_changed = Signal()  # the notes shown may follow a correction (actor notes)
    actor_note_requested = Signal(object)  # Actor
    event_note_requested = Signal(object)  # Event
    mentioning_requested = Signal(str)  # actor name: the briefings naming it
    timeline_requested = Signal(str)  # actor name: its events across briefings

    def __init__(self, window: ReaderWindow, session: LibrarySession, note_entries: Callable[[QMenu], None]) -> None:
        """`note_entries(menu)` adds the note actions to the article's menu."""
        super().__init__(session)
        self.window, self.session, self.note_entries = window, session, note_entries
        self._made: list[Correction] = []  # corrections made in this window, newest last
        self.undo_correction_action = add_action(
            window.main_window(), "&Undo Last Correction", self.undo_last_correction, tip="Forget the last correction made in this window"
        )
        self.undo_correction_action.setEnabled(False)
        for view, handler in (
            (window.article, self._article_menu),
            (window.actors_view, self._actors_menu),
            (window.events_view, self._events_menu),
        ):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(handler)

    # ------------------------------------------------------------------ CorrectionSink

    @property
    def briefing_id(self) -> str | None:
        return self.session.briefing_id

    def add_actor_note(self, actor: Actor) -> None:
        self.actor_note_requested.emit(actor)

    def add_event_note(self, event: Event) -> None:
        self.event_note_requested.emit(event)

    def show_briefings_mentioning(self, name: str) -> None:
        self.mentioning_requested.emit(name)

    def show_timeline(self, name: str) -> None:
        self.timeline_requested.emit(name)

    # ------------------------------------------------------------------ context menus

    def _article_menu(self, pos: QPoint) -> None:
        article = self.window.article
        scroll = QPoint(article.horizontalScrollBar().value(), article.verticalScrollBar().value())
        menu = article.createStandardContextMenu(pos + scroll)
        self.fill_article_menu(menu, pos)
        self.popup(menu, article.viewport().mapToGlobal(pos))

    def fill_article_menu(self, menu: QMenu, pos: QPoint | None = None) -> None:
        self.note_entries(menu)
        if pos is None or self.window.analysis is None:
            return
        from reader.ui import corrections_ui  # imports the store: by now the library thread has

        offset = self.window.article.offset_at(pos)
        if offset is None:
            return
        for hit in self.window.article.hits_at(offset):
            if hit.kind == "actor":
                actor: Actor = hit.item
                mention = next((m for m in actor.mentions if m.start == hit.start and m.end == hit.end), None)
                if mention is not None:
                    menu.addSeparator()
                    corrections_ui.fill_mention_menu(menu, actor, mention, self, self.window.main_window())
            elif hit.kind == "event":
                menu.addSeparator()
                sub = menu.addMenu("Event")
                corrections_ui.fill_event_menu(sub, hit.item, self, self.window.main_window())

    def _actors_menu(self, pos: QPoint) -> None:
        from reader.ui import corrections_ui

        view = self.window.actors_view
        actor = view.indexAt(pos).data(ActorRole)
        if actor is None:
            return
        menu = QMenu(view)
        corrections_ui.fill_actor_menu(menu, actor, self, self.window.main_window())
        self.popup(menu, view.viewport().mapToGlobal(pos))

    def _events_menu(self, pos: QPoint) -> None:
        from reader.ui import corrections_ui

        view = self.window.events_view
        event = view.indexAt(pos).data(EventRole)
        if event is None:
            return
        menu = QMenu(view)
        corrections_ui.fill_event_menu(menu, event, self, self.window.main_window())
        self.popup(menu, view.viewport().mapToGlobal(pos))

    def popup(self, menu: QMenu, global_pos: QPoint) -> None:
        """Show a context menu and wait for the choice (tests replace this to read the menu)."""
        menu.exec(global_pos)
        menu.deleteLater()

    def other_actor_names(self, actor: Actor) -> list[str]:
        analysis = self.window.analysis
        others = [a for a in (analysis.actors if analysis else []) if a.id != actor.id]
        others.sort(key=lambda a: (a.type != actor.type, -len(a.mentions), a.name.casefold()))
        return [a.name for a in others]

    # ------------------------------------------------------------------ corrections

    def correct(self, correction: Correction) -> None:
        """Store the correction and show the corrected analysis at once."""
        if not self.session.available:
            self.session.status(self.session.unavailable_reason or "The library is not open; corrections cannot be kept")
            return

        def done(stored: Correction) -> None:
            self.session.engine.corrections = [*self.session.engine.corrections, stored]
            self._made.append(stored)
            self.undo_correction_action.setEnabled(True)
            self.window.status(describe_correction(stored), 6000)
            self._after_correction()
            self.correction_stored.emit(stored)

        def failed(message: str) -> None:
            show_error(self.window.main_window(), "The correction could not be saved", message)

        self.session.submit(lambda lib: lib.add_correction(correction), done, failed)

    def undo_last_correction(self) -> None:
        """Forget the correction made last in this window; the analysis shows as before it."""
        if not self._made:
            return
        correction = self._made.pop()
        self.undo_correction_action.setEnabled(bool(self._made))

        def done(_result: object) -> None:
            self.session.engine.corrections = [c for c in self.session.engine.corrections if c.id != correction.id]
            self.window.status("Correction undone", 5000)
            self._after_correction()
            self.correction_stored.emit(correction)

        self.session.submit(lambda lib: lib.delete_correction(correction.id), done, self.session.status)

    def _after_correction(self) -> None:
        self.window.reanalyse()
        self.notes_changed.emit()  # notes on a renamed or merged actor follow it
        self.session.library_changed.emit()


def describe_correction(c: Correction) -> str:
    from reader.store.corrections import MERGE, NOT_ACTOR, RENAME, RETYPE, SPLIT

    if c.kind == RENAME:
        return f"{c.target} is now called {c.value} in every briefing"
    if c.kind == RETYPE:
        return f"{c.target} is now a {c.value} in every briefing"
    if c.kind == MERGE:
        return f"{c.target} merged into {c.value} in every briefing"
    if c.kind == NOT_ACTOR:
        return f"{c.target} is no longer listed as an actor in this briefing"
    if c.kind == SPLIT:
        return f"That mention is now {c.value}, not {c.target}"
    return "Event corrected; the correction is kept for this briefing"
