"""Notes and highlights on the briefing: the notes dock, note marks in the article, tooltips over them.

Every note is saved through the library (`LibrarySession.submit`); typing is autosaved by the
panel, and a refused save is kept in the editor and retried. Notes on an actor show in every
briefing naming it, so they are reloaded once a briefing's analysis (its actors) is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMenu, QTextEdit, QToolTip

from reader.model import Actor, Event
from reader.ui.article_view import LAYER_PROPERTY
from reader.ui.dialogs import show_error
from reader.ui.markdown_view import render_markdown
from reader.ui.menus import add_action
from reader.ui.notes_panel import ACTOR_NOTE, HIGHLIGHT_COLOURS, NOTE_MARK_COLOUR, NotesPanel

if TYPE_CHECKING:
    from reader.store.records import Note
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow


class NotesController(QObject):
    """The notes of the briefing on screen: add, save, delete, restore; marks and tooltips in the article."""

    notes_loaded = Signal(str)  # briefing id
    note_saved = Signal(str)  # note id

    def __init__(self, window: ReaderWindow, session: LibrarySession) -> None:
        super().__init__(session)
        self.window, self.session = window, session
        self.notes: list[Note] = []
        self._notes_text = ""  # the text `notes` belong to
        self._pending_note: str | None = None
        self._save_failures = 0
        self._closed = False
        self._deleted: list[str] = []  # note ids deleted in this window, newest last
        w = window.main_window()
        self.notes_panel = NotesPanel(w)
        self.notes_dock = QDockWidget("Notes", w)
        self.notes_dock.setObjectName("notes_dock")
        self.notes_dock.setWidget(self.notes_panel)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.add_note_action = add_action(w, "Add &Note", self.add_note_on_selection, "Ctrl+Shift+N", tip="Add a note on the selected text")
        self.highlight_actions = [
            add_action(w, f"Highlight {name}", self._highlighter(colour), tip="Mark the selected text")
            for name, colour in HIGHLIGHT_COLOURS
        ]
        self.highlight_actions[0].setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.restore_action = add_action(w, "&Restore Deleted Note", self.restore_last_deleted, tip="Bring back the note deleted last")
        self.restore_action.setEnabled(False)
        self.notes_toggle = self.notes_dock.toggleViewAction()
        self.notes_toggle.setText("Show &Notes Panel")
        self.notes_toggle.setShortcut(QKeySequence("Ctrl+3"))
        w.addAction(self.notes_toggle)

        self.notes_panel.save_requested.connect(self.save_note)
        self.notes_panel.delete_requested.connect(self.delete_note)
        self.notes_panel.note_chosen.connect(self.show_note)
        window.article.text_rebuilt.connect(self._rebuild_note_marks)
        # A new briefing's actors are known once analysed: notes on those actors show then.
        window.analysis_shown.connect(lambda _generation: self.reload_notes())
        self._viewport = window.article.viewport()
        self._viewport.installEventFilter(self)  # note tooltips over noted text
        session.briefing_cleared.connect(self._on_briefing_cleared)
        session.briefing_loading.connect(lambda: self.notes_panel.set_unavailable("Loading notes…"))
        session.briefing_loaded.connect(self._on_briefing_loaded)
        session.briefing_failed.connect(lambda message: self.notes_panel.set_unavailable(f"Notes are off for this briefing: {message}"))
        session.unavailable.connect(self.notes_panel.set_unavailable)
        session.library_ready.connect(lambda ok: self.notes_panel.set_read_only(not session.writable) if ok else None)
        session.state_changed.connect(self._update_actions)

    def _highlighter(self, colour: str):
        return lambda *_args: self.highlight_selection(colour)

    def _update_actions(self) -> None:
        enabled = self.session.has_briefing and self.session.writable
        if self.session.available and self.notes_panel.read_only == self.session.writable:
            self.notes_panel.set_read_only(not self.session.writable)  # the background check found damage
        self.add_note_action.setEnabled(enabled)
        for action in self.highlight_actions:
            action.setEnabled(enabled)

    def fill_menu(self, menu: QMenu) -> None:
        """The Notes menu's own entries (the window adds the rest)."""
        menu.addAction(self.add_note_action)
        self.highlight_menu = menu.addMenu("&Highlight")
        for action in self.highlight_actions:
            self.highlight_menu.addAction(action)
        menu.addAction(self.restore_action)

    def add_to_context_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.add_note_action)
        highlight = menu.addMenu("Highlight")
        for action in self.highlight_actions:
            highlight.addAction(action)
        highlight.setEnabled(self.add_note_action.isEnabled())

    # ------------------------------------------------------------------ the briefing on screen

    def _on_briefing_cleared(self) -> None:
        self.notes_panel.flush()
        self.notes = []
        self._set_note_selections([])

    def _on_briefing_loaded(self, briefing_id: str, notes: list[Note]) -> None:
        self._notes_text = self.window.document.text if self.window.document else ""
        self._show_notes(notes)
        self.notes_loaded.emit(briefing_id)

    def want_note(self, note_id: str) -> None:
        """Select and show a note of the briefing on screen."""
        if self.notes_panel.select_note(note_id):
            note = next((n for n in self.notes if n.id == note_id), None)
            if note is not None:
                self.show_note(note)

    def wait_for_note(self, note_id: str | None) -> None:
        """Select this note once the briefing being opened has loaded its notes."""
        self._pending_note = note_id

    def reload_notes(self) -> None:
        if self.session.briefing_id is None or not self.session.available:
            return
        briefing_id, token = self.session.briefing_id, self.session.token

        def done(notes: list[Note]) -> None:
            if token == self.session.token:
                self._show_notes(notes)
                self.notes_loaded.emit(briefing_id)

        self.session.submit(lambda lib: lib.notes_for(briefing_id), done, self.session.status)

    def _show_notes(self, notes: list[Note]) -> None:
        self.notes = list(notes)
        self.notes_panel.set_notes(self.notes)
        self._rebuild_note_marks()
        if self._pending_note:
            note_id, self._pending_note = self._pending_note, None
            if self.notes_panel.select_note(note_id):
                note = next((n for n in self.notes if n.id == note_id), None)
                if note is not None:
                    self.show_note(note)

    def selection_offsets(self) -> tuple[int, int] | None:
        """The article's selection as Document.text offsets, None when nothing is selected."""
        article = self.window.article
        cursor = article.textCursor()
        if not cursor.hasSelection():
            return None
        start = article.offsets.to_py(cursor.selectionStart())
        end = article.offsets.to_py(cursor.selectionEnd())
        text = self.window.document.text if self.window.document else ""
        while start < end and text[start].isspace():  # a double-click grabs trailing spaces
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def add_note_on_selection(self) -> None:
        self._add_text_note(None)

    def highlight_selection(self, colour: str) -> None:
        self._add_text_note(colour)

    def _add_text_note(self, colour: str | None) -> None:
        if self.session.briefing_id is None or not self.session.available:
            self.session.status(self.session.unavailable_reason or "Notes are not available for this briefing yet")
            return
        offsets = self.selection_offsets()
        if offsets is None:
            self.session.status("Select some text first, then add the note or highlight")
            return
        briefing_id, (start, end) = self.session.briefing_id, offsets
        self._insert_note(lambda lib: lib.add_note(briefing_id, "", start=start, end=end, color=colour), edit=colour is None)

    def add_actor_note(self, actor: Actor) -> None:
        if self.session.briefing_id is None:
            return
        briefing_id = self.session.briefing_id
        self._insert_note(lambda lib: lib.add_actor_note(actor.name, "", briefing_id=briefing_id))

    def add_event_note(self, event: Event) -> None:
        if self.session.briefing_id is None:
            return
        briefing_id = self.session.briefing_id
        self._insert_note(lambda lib: lib.add_event_note(briefing_id, event, ""))

    def _insert_note(self, call, edit: bool = True) -> None:
        token = self.session.token

        def done(note: Note) -> None:
            if token != self.session.token:
                return
            self.notes.append(note)
            self.notes_dock.show()
            self.notes_panel.add_note(note, edit=edit)
            self._rebuild_note_marks()
            self.window.status("Highlighted" if note.is_highlight else "Note added: type it on the right", 4000)
            self.session.library_changed.emit()  # its note count

        self.session.submit(call, done, self.session.status)

    def save_note(self, note_id: str, body: str) -> None:
        def done(note: Note) -> None:
            self._save_failures = 0
            self._replace(note)
            self.notes_panel.note_saved(note)
            self.note_saved.emit(note.id)

        def failed(message: str) -> None:
            # The panel keeps the text as unsaved and retries; the reader is told once per streak.
            self._save_failures += 1
            current = self.notes_panel.current
            if current is not None and current.id == note_id:
                self.notes_panel.note_save_failed(note_id)
            elif not self._closed:  # the reader moved on to another note: retry this text from here
                QTimer.singleShot(1000, lambda: self.save_note(note_id, body))
            self.window.status(f"The note is not saved yet (retrying): {message}", 8000)
            if self._save_failures == 1:
                show_error(
                    self.window.main_window(),
                    "The note could not be saved yet",
                    "The library refused the save; the note stays in the editor and is saved again in a moment.",
                    details=message,
                )

        self.session.submit(lambda lib: lib.update_note(note_id, body=body), done, failed)

    def delete_note(self, note_id: str) -> None:
        def done(_result: object) -> None:
            self.notes = [n for n in self.notes if n.id != note_id]
            self.notes_panel.note_deleted(note_id)
            self._rebuild_note_marks()
            self._deleted.append(note_id)
            self.restore_action.setEnabled(True)
            self.window.status("Note moved to the bin (Notes ▸ Restore Deleted Note brings it back)", 6000)
            self.session.library_changed.emit()

        self.session.submit(lambda lib: lib.delete_note(note_id), done, self.session.status)

    def restore_last_deleted(self) -> None:
        """Bring back the note deleted last in this window (it was in the bin, never erased)."""
        if not self._deleted:
            return
        note_id = self._deleted.pop()
        self.restore_action.setEnabled(bool(self._deleted))

        def done(note: Note) -> None:
            if note.briefing_id == self.session.briefing_id or note.kind == "actor":
                self.reload_notes()
            self.window.status("Note restored", 4000)

        self.session.submit(lambda lib: lib.restore_note(note_id), done, self.session.status)

    def _replace(self, note: Note) -> None:
        self.notes = [note if n.id == note.id else n for n in self.notes]

    def show_note(self, note: Note) -> None:
        """Scroll the article to the note's anchor (an orphaned note says it has none); an actor note selects the actor."""
        if note.kind == ACTOR_NOTE:
            analysis = self.window.analysis
            wanted = (note.actor_name or "").casefold()
            actor = next(
                (
                    a
                    for a in (analysis.actors if analysis else [])
                    if a.name.casefold() == wanted or any(alias.casefold() == wanted for alias in a.aliases)
                ),
                None,
            )
            if actor is not None:
                self.window.select_actor(actor.id)
            return
        if note.anchor is None:
            return
        if note.orphaned:
            self.session.status("This note's text is no longer in the briefing; the note is kept with its quote")
            return
        self.window.article.show_range(note.anchor.start, note.anchor.end)

    # ------------------------------------------------------------------ note marks in the article

    def _set_note_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        self.window.article.set_outside_layer("notes", selections)

    def _rebuild_note_marks(self) -> None:
        """The notes layer of the article: a dashed underline for notes, the colour for highlights."""
        article = self.window.article
        document = self.window.document
        if document is None or document.text != self._notes_text:
            return  # the text on screen is not the one these notes are on (yet)
        doc = article.document()
        length = doc.characterCount() - 1
        selections = []
        for note in self.notes:
            if note.anchor is None or note.orphaned or note.briefing_id != self.session.briefing_id:
                continue
            fmt = QTextCharFormat()
            fmt.setProperty(LAYER_PROPERTY, "note")
            if note.color:
                # The reader's own colour, with an underline of its darker shade so a yellow
                # highlight is not taken for a date's tint.
                colour = QColor(note.color)
                fmt.setBackground(colour)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colour.darker(170))
            if note.body.strip() or not note.color:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(NOTE_MARK_COLOUR))
            fmt.setToolTip(note.body[:300])
            cursor = QTextCursor(doc)
            cursor.setPosition(min(article.offsets.to_qt(note.anchor.start), length))
            cursor.setPosition(min(article.offsets.to_qt(note.anchor.end), length), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._set_note_selections(selections)

    def note_mark_ranges(self) -> list[tuple[int, int]]:
        """Document.text ranges marked as notes in the article now (read back from the view)."""
        article = self.window.article
        return [
            (article.offsets.to_py(s.cursor.selectionStart()), article.offsets.to_py(s.cursor.selectionEnd()))
            for s in article.extraSelections()
            if s.format.property(LAYER_PROPERTY) == "note"
        ]

    def notes_at(self, offset: int) -> list[Note]:
        return [
            n
            for n in self.notes
            if n.anchor is not None and not n.orphaned and n.briefing_id == self.session.briefing_id
            and n.anchor.start <= offset < n.anchor.end
        ]

    def note_tooltip_at(self, point: QPoint) -> str:
        """The notes under the mouse (rendered), above what the article itself would say there."""
        article = self.window.article
        offset = article.offset_at(point)
        if offset is None:
            return ""
        parts = []
        for note in self.notes_at(offset):
            if note.body.strip():
                parts.append(f"<b>Note</b>{render_markdown(note.body[:1500])}")
            else:
                parts.append("<b>Highlight</b>")
        if not parts:
            return ""
        own = article.tooltip_at(point)
        return "<hr>".join(parts + ([own] if own else []))

    # ------------------------------------------------------------------ tooltips, closing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and watched is self._viewport:
            help_event = cast(QHelpEvent, event)
            text = self.note_tooltip_at(help_event.pos())
            if text:
                QToolTip.showText(help_event.globalPos(), text, watched, QRect())
                return True
        return super().eventFilter(watched, event)

    def flush(self) -> None:
        """Save what is being typed (closing the window)."""
        self._closed = True
        self.notes_panel.flush()
