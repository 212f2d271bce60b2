"""What the library adds to the window: notes, corrections, the library view, import and export.

The window stays usable without any of it: `LibrarySession` is attached after the window is
built, adds its docks, menu entries and context menus, and talks to the library only through
its `LibraryWorker`. When the library cannot be opened (corrupt file, in use, unreadable) the
reader is told once, the status bar says why notes are off, and reading goes on as before.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QTextEdit,
    QToolTip,
)

from reader.cached_engine import CachingEngine, store_opened
from reader.model import Actor, Event
from reader.session import EngineSlot
from reader.ui.article_view import LAYER_PROPERTY
from reader.ui.dialogs import show_error
from reader.ui.library_view import LibraryView
from reader.ui.library_worker import LibraryWorker
from reader.ui.markdown_view import render_markdown
from reader.ui.models import ActorRole, EventRole
from reader.ui.notes_panel import ACTOR_NOTE, HIGHLIGHT_COLOURS, NOTE_MARK_COLOUR, NotesPanel

if TYPE_CHECKING:
    # The store (sqlite-utils, and pandas when installed) is first imported on the library's
    # thread; the window only needs it once the library is open.
    from reader.store import Correction, Library
    from reader.store.records import ImportReport, Note

log = logging.getLogger(__name__)

#: Open the library this long after the window is built when no text has been shown by then.
START_LIBRARY_MS = 1200
EXPORTS = {
    "md": ("Export Briefing with Events and Notes", "Markdown (*.md)", ".md"),
    "csv": ("Export Events as CSV", "CSV (*.csv)", ".csv"),
    "json": ("Export Events as JSON", "JSON (*.json)", ".json"),
    "notes": ("Export Notes", "Markdown (*.md)", ".md"),
}


class _Relay(QObject):
    """Carries an import's progress from its thread to the GUI thread."""

    progress = Signal(int, int, str)


class LibrarySession(QObject):
    """The window's library features; one per window, closed with it."""

    library_ready = Signal(bool)  # True: open; False: unavailable (the reason is in `unavailable_reason`)
    notes_loaded = Signal(str)  # briefing id
    note_saved = Signal(str)  # note id
    briefings_listed = Signal(int)  # rows shown in the library view
    search_done = Signal(str, int)  # query, hits
    timeline_shown = Signal(str, int)  # actor, entries
    all_notes_listed = Signal(int)  # notes in the library's Notes tab
    correction_stored = Signal(object)  # Correction
    import_finished = Signal(object)  # ImportReport
    exported = Signal(str)  # path written

    def __init__(self, window: QMainWindow, path: str | Path, slot: EngineSlot) -> None:
        super().__init__(window)
        self.window = window
        self.path = Path(path).expanduser()
        self.worker = LibraryWorker(self.path, self)
        self.engine = CachingEngine(slot, self.worker.thread)
        self.briefing_id: str | None = None
        self.unavailable_reason = ""
        self.notes: list[Note] = []
        self._token = 0
        self._pending_note: str | None = None
        self._notes_text = ""  # the text `notes` belong to
        self._import_worker: LibraryWorker | None = None
        self._import_cancel: threading.Event | None = None
        self.import_dialog: QProgressDialog | None = None
        self._search_token = 0
        self._closed = False
        self._docks_before_reading: list[bool] | None = None
        self._save_failures = 0
        self._made: list[Correction] = []  # corrections made in this window, newest last
        self._deleted: list[str] = []  # note ids deleted in this window, newest last
        self.worker.opened.connect(self._on_opened)
        self.worker.open_failed.connect(self._on_open_failed)

    # ------------------------------------------------------------------ construction

    def attach(self) -> None:
        """Docks, actions, menus and context menus; call once the window is built."""
        w = self.window
        self.notes_panel = NotesPanel(w)
        self.notes_dock = QDockWidget("Notes", w)
        self.notes_dock.setObjectName("notes_dock")
        self.notes_dock.setWidget(self.notes_panel)
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.library_view = LibraryView(w)
        self.library_dock = QDockWidget("Library", w)
        self.library_dock.setObjectName("library_dock")
        self.library_dock.setWidget(self.library_view)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.library_dock)
        self.library_dock.hide()

        self.notes_panel.save_requested.connect(self.save_note)
        self.notes_panel.delete_requested.connect(self.delete_note)
        self.notes_panel.note_chosen.connect(self.show_note)
        self.library_view.open_requested.connect(self.open_briefing)
        self.library_view.search_requested.connect(self.search)
        self.library_view.timeline_requested.connect(self.show_timeline)
        self.library_view.refresh_requested.connect(self.refresh_briefings)
        self.library_view.import_requested.connect(self.choose_import_files)
        self.library_view.notes_requested.connect(self.list_all_notes)
        self.library_dock.visibilityChanged.connect(lambda shown: shown and self.refresh_briefings())
        self._build_actions()
        self._install_context_menus()
        w.article.text_rebuilt.connect(self._rebuild_note_marks)
        w.document_shown.connect(self._on_document_shown)
        # A new briefing's actors are known once analysed: notes on those actors show then.
        w.analysis_shown.connect(lambda _generation: self.reload_notes())
        w.installEventFilter(self)
        w.article.viewport().installEventFilter(self)  # note tooltips over noted text
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._set_enabled(False)
        self.notes_panel.set_unavailable("Opening the library…")
        # Open the library once the first text is on screen: importing the store (sqlite-utils,
        # pandas when installed) competes with the window for the interpreter.
        w.article.text_painted.connect(self.worker.start)
        QTimer.singleShot(START_LIBRARY_MS, self.worker.start)
        state = w.settings.value("window/docks")
        if state is not None:
            w.restoreState(state)

    def _action(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work in reading mode too
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.add_note_action = self._action("Add &Note", self.add_note_on_selection, "Ctrl+Shift+N", "Add a note on the selected text")
        self.highlight_actions = [
            self._action(f"Highlight {name}", lambda _=False, c=colour: self.highlight_selection(c), tip="Mark the selected text")
            for name, colour in HIGHLIGHT_COLOURS
        ]
        self.highlight_actions[0].setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.import_files_action = self._action("&Import Files…", self.choose_import_files, None, "Add briefing files to the library")
        self.import_folder_action = self._action("Import &Folder…", self.choose_import_folder, None, "Add every briefing in a folder")
        self.export_actions = {
            kind: self._action(f"{label}…", lambda _=False, k=kind: self.choose_export(k)) for kind, (label, _f, _s) in EXPORTS.items()
        }
        self.pdf_action = self._action("Export Annotated &PDF…", self.choose_pdf, None, "The briefing with its highlights and notes as a PDF")
        self.print_action = self._action("&Print…", self.print_briefing, "Ctrl+P", "Print the briefing with its highlights and notes")
        self.library_action = self._action("Show &Library", self.show_library, "Ctrl+L", "Every briefing, search, timeline")
        self.restore_action = self._action("&Restore Deleted Note", self.restore_last_deleted, None, "Bring back the note deleted last")
        self.restore_action.setEnabled(False)
        self.undo_correction_action = self._action(
            "&Undo Last Correction", self.undo_last_correction, None, "Forget the last correction made in this window"
        )
        self.undo_correction_action.setEnabled(False)
        self.notes_toggle = self.notes_dock.toggleViewAction()
        self.notes_toggle.setText("Show &Notes Panel")
        self.notes_toggle.setShortcut(QKeySequence("Ctrl+3"))
        w.addAction(self.notes_toggle)

        bar = w.menuBar()
        menus = {a.text().replace("&", ""): a.menu() for a in bar.actions() if a.menu() is not None}
        file_menu = menus.get("File")
        if file_menu is not None:
            quit_action = next((a for a in reversed(file_menu.actions()) if a.isSeparator()), None)
            export_menu = QMenu("&Export", file_menu)
            for action in self.export_actions.values():
                export_menu.addAction(action)
            export_menu.addSeparator()
            export_menu.addAction(self.pdf_action)
            for item in (self.import_files_action, self.import_folder_action):
                file_menu.insertAction(quit_action, item)
            file_menu.insertMenu(quit_action, export_menu)
            file_menu.insertAction(quit_action, self.print_action)
            file_menu.insertSeparator(quit_action)
            self.export_menu = export_menu
        notes_menu = QMenu("&Notes", bar)
        notes_menu.addAction(self.add_note_action)
        highlight_menu = notes_menu.addMenu("&Highlight")
        for action in self.highlight_actions:
            highlight_menu.addAction(action)
        notes_menu.addAction(self.restore_action)
        notes_menu.addAction(self.undo_correction_action)
        notes_menu.addSeparator()
        notes_menu.addAction(self.notes_toggle)
        notes_menu.addAction(self.library_action)
        self.highlight_menu = highlight_menu
        help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
        if help_action is not None:
            bar.insertMenu(help_action, notes_menu)
        else:
            bar.addMenu(notes_menu)
        self.notes_menu = notes_menu

    def _set_enabled(self, ready: bool) -> None:
        """Library features follow the library; notes also need a briefing in it."""
        has_briefing = ready and self.briefing_id is not None
        writable = ready and self.worker.refusal is None
        self.add_note_action.setEnabled(has_briefing and writable)
        for action in self.highlight_actions:
            action.setEnabled(has_briefing and writable)
        for action in (*self.export_actions.values(),):
            action.setEnabled(has_briefing)
        has_text = getattr(self.window, "document", None) is not None
        self.pdf_action.setEnabled(has_text)
        self.print_action.setEnabled(has_text)
        for action in (self.import_files_action, self.import_folder_action):
            action.setEnabled(writable)
        self.library_action.setEnabled(ready)

    @property
    def available(self) -> bool:
        return self.worker.available

    # ------------------------------------------------------------------ library open / failed

    def _on_opened(self, _path: str) -> None:
        self.engine.corrections = []
        self.worker.submit(lambda lib: lib.corrections(), self._set_corrections)
        refusal = self.worker.refusal
        self.notes_panel.set_read_only(refusal is not None)
        self._set_enabled(True)
        if refusal is not None:  # said once; reading, search and export go on
            self.unavailable_reason = refusal
            damaged = "damaged" in refusal
            self.window.statusBar().showMessage(
                "Library is damaged: read only" if damaged else "Library opened read-only: notes cannot be saved"
            )
            show_error(
                self.window,
                "The library is damaged" if damaged else "The library is read-only",
                "You can keep reading, searching and exporting; nothing will be saved to the library.",
                details=refusal,
            )
        else:
            self.window.statusBar().showMessage(f"Library: {self.path}", 4000)
        if self.window.document is not None:
            self._load_briefing()
        else:
            self.notes_panel.set_unavailable("Open a briefing to write notes on it.")
        self.library_ready.emit(True)

    def _on_open_failed(self, message: str, busy: bool) -> None:
        title = "The library is in use" if busy else "The library could not be opened"
        what = (
            "Another Briefing Reader (or another program) is using the library."
            if busy
            else "The library file could not be opened."
        )
        self.unavailable_reason = f"Notes are off: {message}"
        self.notes_panel.set_unavailable(self.unavailable_reason)
        self._set_enabled(False)
        self.window.statusBar().showMessage(f"Notes and library off: {message}")
        self.library_ready.emit(False)
        show_error(
            self.window,
            title,
            f"{what} You can keep reading; notes and corrections are off until it can be opened.",
            details=message,
        )

    def _set_corrections(self, corrections: list[Correction]) -> None:
        self.engine.corrections = corrections

    # ------------------------------------------------------------------ the briefing on screen

    def _on_document_shown(self, _generation: int) -> None:
        self.notes_panel.flush()
        self.briefing_id = None
        self.notes = []
        self._set_note_selections([])
        if not self.available:
            self._set_enabled(False)
            if self.worker.error:
                self.notes_panel.set_unavailable(self.unavailable_reason or f"Notes are off: {self.worker.error}")
            return
        self._load_briefing()

    def _load_briefing(self) -> None:
        document = self.window.document
        if document is None:
            return
        self._token += 1
        token = self._token
        self.notes_panel.set_unavailable("Loading notes…")

        path = self.window.path  # None for pasted text and briefings opened from the library

        def load(lib: Library) -> tuple[str, list[Note]]:
            briefing_id = store_opened(lib, document, path)
            lib.reanchor_notes(briefing_id)  # the one write on opening: anchors follow the text
            return briefing_id, lib.notes_for(briefing_id)

        def done(result: tuple[str, list[Note]]) -> None:
            if token != self._token:
                return
            self.briefing_id, notes = result
            self._notes_text = document.text
            self._show_notes(notes)
            self._set_enabled(True)
            self.notes_loaded.emit(self.briefing_id)
            if self.library_dock.isVisible():
                self.refresh_briefings()

        def failed(message: str) -> None:
            if token == self._token:
                self.notes_panel.set_unavailable(f"Notes are off for this briefing: {message}")
                self.window.statusBar().showMessage(f"The library could not store this briefing: {message}", 8000)

        self.worker.submit(load, done, failed)

    def reload_notes(self) -> None:
        if self.briefing_id is None or not self.available:
            return
        briefing_id, token = self.briefing_id, self._token

        def done(notes: list[Note]) -> None:
            if token == self._token:
                self._show_notes(notes)
                self.notes_loaded.emit(briefing_id)

        self.worker.submit(lambda lib: lib.notes_for(briefing_id), done, self._status_error)

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

    def _status_error(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    # ------------------------------------------------------------------ notes

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
        if self.briefing_id is None or not self.available:
            self._status_error(self.unavailable_reason or "Notes are not available for this briefing yet")
            return
        offsets = self.selection_offsets()
        if offsets is None:
            self._status_error("Select some text first, then add the note or highlight")
            return
        briefing_id, (start, end) = self.briefing_id, offsets
        self._insert_note(lambda lib: lib.add_note(briefing_id, "", start=start, end=end, color=colour), edit=colour is None)

    def add_actor_note(self, actor: Actor) -> None:
        if self.briefing_id is None:
            return
        briefing_id = self.briefing_id
        self._insert_note(lambda lib: lib.add_actor_note(actor.name, "", briefing_id=briefing_id))

    def add_event_note(self, event: Event) -> None:
        if self.briefing_id is None:
            return
        briefing_id = self.briefing_id
        self._insert_note(lambda lib: lib.add_event_note(briefing_id, event, ""))

    def _insert_note(self, call, edit: bool = True) -> None:
        token = self._token

        def done(note: Note) -> None:
            if token != self._token:
                return
            self.notes.append(note)
            self.notes_dock.show()
            self.notes_panel.add_note(note, edit=edit)
            self._rebuild_note_marks()
            self.window.statusBar().showMessage("Highlighted" if note.is_highlight else "Note added: type it on the right", 4000)
            if self.library_dock.isVisible():
                self.refresh_briefings()  # its note count

        self.worker.submit(call, done, self._status_error)

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
            self.window.statusBar().showMessage(f"The note is not saved yet (retrying): {message}", 8000)
            if self._save_failures == 1:
                show_error(
                    self.window,
                    "The note could not be saved yet",
                    "The library refused the save; the note stays in the editor and is saved again in a moment.",
                    details=message,
                )

        self.worker.submit(lambda lib: lib.update_note(note_id, body=body), done, failed)

    def delete_note(self, note_id: str) -> None:
        def done(_result: object) -> None:
            self.notes = [n for n in self.notes if n.id != note_id]
            self.notes_panel.note_deleted(note_id)
            self._rebuild_note_marks()
            self._deleted.append(note_id)
            self.restore_action.setEnabled(True)
            self.window.statusBar().showMessage("Note moved to the bin (Notes ▸ Restore Deleted Note brings it back)", 6000)
            if self.library_dock.isVisible():
                self.refresh_briefings()

        self.worker.submit(lambda lib: lib.delete_note(note_id), done, self._status_error)

    def restore_last_deleted(self) -> None:
        """Bring back the note deleted last in this window (it was in the bin, never erased)."""
        if not self._deleted:
            return
        note_id = self._deleted.pop()
        self.restore_action.setEnabled(bool(self._deleted))

        def done(note: Note) -> None:
            if note.briefing_id == self.briefing_id or note.kind == "actor":
                self.reload_notes()
            self.window.statusBar().showMessage("Note restored", 4000)

        self.worker.submit(lambda lib: lib.restore_note(note_id), done, self._status_error)

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
            self._status_error("This note's text is no longer in the briefing; the note is kept with its quote")
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
            if note.anchor is None or note.orphaned or note.briefing_id != self.briefing_id:
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

    # ------------------------------------------------------------------ context menus

    def _install_context_menus(self) -> None:
        w = self.window
        for view, handler in ((w.article, self._article_menu), (w.actors_view, self._actors_menu), (w.events_view, self._events_menu)):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(handler)

    def _article_menu(self, pos: QPoint) -> None:
        article = self.window.article
        scroll = QPoint(article.horizontalScrollBar().value(), article.verticalScrollBar().value())
        menu = article.createStandardContextMenu(pos + scroll)
        self.fill_article_menu(menu, pos)
        self.popup(menu, article.viewport().mapToGlobal(pos))

    def fill_article_menu(self, menu: QMenu, pos: QPoint | None = None) -> None:
        menu.addSeparator()
        menu.addAction(self.add_note_action)
        highlight = menu.addMenu("Highlight")
        for action in self.highlight_actions:
            highlight.addAction(action)
        highlight.setEnabled(self.add_note_action.isEnabled())
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
                    corrections_ui.fill_mention_menu(menu, actor, mention, self, self.window)
            elif hit.kind == "event":
                menu.addSeparator()
                sub = menu.addMenu("Event")
                corrections_ui.fill_event_menu(sub, hit.item, self, self.window)

    def _actors_menu(self, pos: QPoint) -> None:
        from reader.ui import corrections_ui

        view = self.window.actors_view
        actor = view.indexAt(pos).data(ActorRole)
        if actor is None:
            return
        menu = QMenu(view)
        corrections_ui.fill_actor_menu(menu, actor, self, self.window)
        self.popup(menu, view.viewport().mapToGlobal(pos))

    def _events_menu(self, pos: QPoint) -> None:
        from reader.ui import corrections_ui

        view = self.window.events_view
        event = view.indexAt(pos).data(EventRole)
        if event is None:
            return
        menu = QMenu(view)
        corrections_ui.fill_event_menu(menu, event, self, self.window)
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
        if not self.available:
            self._status_error(self.unavailable_reason or "The library is not open; corrections cannot be kept")
            return

        def done(stored: Correction) -> None:
            self.engine.corrections = [*self.engine.corrections, stored]
            self._made.append(stored)
            self.undo_correction_action.setEnabled(True)
            self.window.statusBar().showMessage(describe_correction(stored), 6000)
            self._after_correction()
            self.correction_stored.emit(stored)

        def failed(message: str) -> None:
            show_error(self.window, "The correction could not be saved", message)

        self.worker.submit(lambda lib: lib.add_correction(correction), done, failed)

    def undo_last_correction(self) -> None:
        """Forget the correction made last in this window; the analysis shows as before it."""
        if not self._made:
            return
        correction = self._made.pop()
        self.undo_correction_action.setEnabled(bool(self._made))

        def done(_result: object) -> None:
            self.engine.corrections = [c for c in self.engine.corrections if c.id != correction.id]
            self.window.statusBar().showMessage("Correction undone", 5000)
            self._after_correction()
            self.correction_stored.emit(correction)

        self.worker.submit(lambda lib: lib.delete_correction(correction.id), done, self._status_error)

    def _after_correction(self) -> None:
        if self.window.document is not None:
            self.window.service.reanalyse(self.window.document, self.window.published_override)
        self.reload_notes()
        if self.library_dock.isVisible():
            self.refresh_briefings()

    # ------------------------------------------------------------------ library view

    def show_library(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.refresh_briefings()

    def refresh_briefings(self) -> None:
        if not self.available:
            return

        def done(rows) -> None:
            self.library_view.set_briefings(rows)
            self.briefings_listed.emit(len(rows))

        self.worker.submit(lambda lib: lib.list_briefings(sort="imported"), done, self._status_error)

    def list_all_notes(self) -> None:
        """Fill the library's Notes tab: every note and highlight, with its briefing's title."""
        if not self.available:
            return

        def run(lib: Library):
            titles = {b.id: b.title for b in lib.list_briefings(top_actors=0)}
            return lib.all_notes(), titles

        def done(result) -> None:
            notes, titles = result
            self.library_view.set_notes(notes, titles)
            self.all_notes_listed.emit(len(notes))

        self.worker.submit(run, done, self._status_error)

    def show_briefings_mentioning(self, name: str) -> None:
        self.library_dock.show()

        def done(rows) -> None:
            self.library_view.set_briefings(rows, scope=f"Briefings mentioning <b>{html.escape(name)}</b>")
            self.briefings_listed.emit(len(rows))

        self.worker.submit(lambda lib: lib.briefings_mentioning(name), done, self._status_error)

    def show_timeline(self, name: str) -> None:
        self.library_dock.show()

        def done(entries) -> None:
            self.library_view.set_timeline(name, entries)
            self.timeline_shown.emit(name, len(entries))

        self.worker.submit(lambda lib: lib.timeline(name or None), done, self._status_error)

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

        self.worker.submit(run, done, failed)

    def open_briefing(self, briefing_id: str, note_id: str = "") -> None:
        """Show a briefing of the library (its stored text: the file may have moved since)."""
        if briefing_id == self.briefing_id and self.window.document is not None:
            if note_id and self.notes_panel.select_note(note_id):
                note = next((n for n in self.notes if n.id == note_id), None)
                if note is not None:
                    self.show_note(note)
            return

        def done(briefing) -> None:
            if briefing is None:
                self._status_error("That briefing is no longer in the library")
                return
            self._pending_note = note_id or None
            self.window.path = None
            self.window.open_document(briefing.document)

        self.worker.submit(lambda lib: lib.get_briefing(briefing_id), done, self._status_error)

    # ------------------------------------------------------------------ import

    def choose_import_files(self) -> None:
        from reader.ui.main_window import FILE_FILTER

        names, _ = QFileDialog.getOpenFileNames(self.window, "Import briefings into the library", str(Path.home()), FILE_FILTER)
        if names:
            self.import_paths(names)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import every briefing in a folder", str(Path.home()))
        if folder:
            self.import_paths([folder])

    @property
    def importing(self) -> bool:
        return self._import_worker is not None

    def import_paths(self, paths: list[str | Path]) -> bool:
        """Import files and folders in the background with a cancellable progress dialog."""
        if not self.available or self.importing:
            self._status_error("An import is already running" if self.importing else (self.unavailable_reason or "The library is not open"))
            return False
        from reader.store.records import ImportReport

        cancel = threading.Event()
        report = ImportReport()
        dialog = QProgressDialog("Looking for briefings…", "Cancel", 0, 0, self.window)
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
        worker = LibraryWorker(self.path, self, name="import").start()
        self._import_worker, self._import_cancel, self.import_dialog = worker, cancel, dialog
        engine = self.engine

        def finish(result: ImportReport | None, message: str = "") -> None:
            dialog.close()
            dialog.deleteLater()
            relay.deleteLater()
            worker.close()
            self._import_worker = self._import_cancel = self.import_dialog = None
            final = result or report
            message = message or final.stopped
            if message:
                show_error(self.window, "The import stopped", f"{describe_import(final)}. Everything counted is kept.", details=message)
            self.window.statusBar().showMessage(describe_import(final), 10000)
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

    # ------------------------------------------------------------------ export and print

    def choose_export(self, kind: str) -> None:
        if self.briefing_id is None:
            return
        label, filters, suffix = EXPORTS[kind]
        stem = _safe_stem(self.window.document.title if self.window.document else "briefing")
        if kind == "notes":
            stem += "-notes"
        elif kind in ("csv", "json"):
            stem += "-events"
        start = str((self.window.path.parent if self.window.path else Path.home()) / f"{stem}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self.window, label, start, filters)
        if name:
            self.export_to(kind, name)

    def export_to(self, kind: str, path: str | Path) -> None:
        """Write the export of the briefing on screen to `path` (through the library)."""
        if self.briefing_id is None:
            return
        briefing_id, target = self.briefing_id, Path(path)
        self.notes_panel.flush()  # the export includes what was just typed

        def run(lib: Library) -> None:
            from reader.atomic import atomic_write
            from reader.store.targets import check_export_target

            # The save dialog asked before replacing a file; the library and databases are never replaced.
            check_export_target(target, self.path, force=True)
            text = lib.export_notes(briefing_id) if kind == "notes" else lib.export(briefing_id, kind)
            atomic_write(check_export_target(target, self.path, force=True), text)

        def done(_result: None) -> None:
            self.window.statusBar().showMessage(f"Exported to {target}", 6000)
            self.exported.emit(str(target))

        self.worker.submit(run, done, lambda message: show_error(self.window, "Could not export", message))

    def annotated_document(self) -> QTextDocument:
        """A copy of the article with its highlights and note marks baked in, notes appended."""
        article = self.window.article
        doc = article.document().clone(self)
        length = doc.characterCount() - 1
        for selection in article.extraSelections():
            if selection.cursor.isNull() or selection.format.property(LAYER_PROPERTY) not in ("type", "actor", "note"):
                continue
            cursor = QTextCursor(doc)
            cursor.setPosition(min(selection.cursor.selectionStart(), length))
            cursor.setPosition(min(selection.cursor.selectionEnd(), length), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(selection.format)
        written = [n for n in self.notes if n.body.strip()]
        if written:
            cursor = QTextCursor(doc)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            parts = ["<hr><h2>Notes</h2>"]
            for note in written:
                quote = note.anchor.quote if note.anchor else (note.actor_name or "")
                status = " (its text is no longer in the briefing)" if note.orphaned else ""
                parts.append(f"<p><i>“{html.escape(quote)}”</i>{status}</p>{render_markdown(note.body)}")
            cursor.insertBlock()
            cursor.insertHtml("".join(parts))
        return doc

    def write_pdf(self, path: str | Path) -> None:
        """The annotated briefing as an A4 PDF (QPdfWriter: no print support module needed)."""
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

        from reader.atomic import atomic_target
        from reader.store.targets import check_export_target

        check_export_target(path, self.path, force=True)  # never onto the library or a database
        doc = self.annotated_document()
        with atomic_target(path) as tmp:  # a full disk or a crash never leaves half a PDF
            writer = QPdfWriter(str(tmp))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
            writer.setResolution(300)
            writer.setCreator("Briefing Reader")
            if self.window.document is not None:
                writer.setTitle(self.window.document.title or "Briefing")
            doc.print_(writer)
            del writer  # the file is finished when the writer goes away
            if tmp.stat().st_size == 0:
                raise OSError(f"Qt could not write the PDF to {tmp}")
        doc.deleteLater()
        self.exported.emit(str(path))

    def choose_pdf(self) -> None:
        if self.window.document is None:
            return
        stem = _safe_stem(self.window.document.title or "briefing")
        start = str((self.window.path.parent if self.window.path else Path.home()) / f"{stem}.pdf")
        name, _ = QFileDialog.getSaveFileName(self.window, "Export annotated PDF", start, "PDF (*.pdf)")
        if name:
            from reader.errors import BriefingError

            try:
                self.write_pdf(name)
            except BriefingError as exc:
                show_error(self.window, "Could not export", str(exc))
                return
            self.window.statusBar().showMessage(f"Wrote {name}", 6000)

    def print_briefing(self) -> None:
        if self.window.document is None:
            return
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a build without Qt's print support: a PDF is the way to paper
            show_error(self.window, "Printing is not available", "This build cannot print; use File ▸ Export ▸ Export Annotated PDF and print the PDF.")
            return

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc = self.annotated_document()
            doc.print_(printer)
            doc.deleteLater()

    # ------------------------------------------------------------------ closing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        elif watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            self._follow_reading_mode()
        elif watched is self.window.article.viewport() and event.type() == QEvent.Type.ToolTip:
            text = self.note_tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, watched, QRect())
                return True
        return super().eventFilter(watched, event)

    def notes_at(self, offset: int) -> list[Note]:
        return [
            n
            for n in self.notes
            if n.anchor is not None and not n.orphaned and n.briefing_id == self.briefing_id
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

    def _follow_reading_mode(self) -> None:
        """Reading mode (full screen) hides the docks like the other panels, and brings them back after."""
        docks = (self.notes_dock, self.library_dock)
        if self.window.isFullScreen() and self._docks_before_reading is None:
            self._docks_before_reading = [d.isVisible() for d in docks]
            for dock in docks:
                dock.hide()
        elif not self.window.isFullScreen() and self._docks_before_reading is not None:
            for dock, visible in zip(docks, self._docks_before_reading, strict=True):
                dock.setVisible(visible)
            self._docks_before_reading = None

    def close(self) -> None:
        """Save what is being typed, finish queued library calls, close the connections."""
        if self._closed:
            return
        self._closed = True
        self.notes_panel.flush()
        if not self.window.isFullScreen():
            self.window.settings.setValue("window/docks", self.window.saveState())
        self.cancel_import()
        if self._import_worker is not None:
            self._import_worker.close(30)
        self.worker.close(30)  # the window's AnalysisService stops the engine


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


def _safe_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip()
    return "-".join(stem.split())[:60] or "briefing"

