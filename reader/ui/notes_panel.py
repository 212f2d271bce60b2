"""The notes side panel: the briefing's notes in reading order, a Markdown editor and its preview.

The panel never talks to the library itself: it asks for saves and deletions through signals
(the session sends them to the library worker), so it can be tested alone. Typing is saved
after a short pause (`AUTOSAVE_MS`), at least every `MAX_UNSAVED_MS` while typing goes on without
a pause, and at once when the editor loses focus, another note is
chosen, or the window closes, so a crash loses at most the last moment of typing.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.ui.markdown_view import MarkdownPreview

if TYPE_CHECKING:  # the store is imported on the library's thread, not at window start-up
    from reader.store.records import Note

#: Note kinds, as `reader.store.records` names them (a test keeps the two in step).
ACTOR_NOTE, BRIEFING_NOTE, EVENT_NOTE = "actor", "briefing", "event"

#: Pause in typing after which the note is saved.
AUTOSAVE_MS = 400
#: Longest typing stays unsaved when it goes on without a pause (a crash loses at most this much).
MAX_UNSAVED_MS = 1000
NoteRole = Qt.ItemDataRole.UserRole + 40
#: Highlight colours offered in the menus: (name, background).
HIGHLIGHT_COLOURS = (("Yellow", "#fff176"), ("Green", "#aed581"), ("Blue", "#81d4fa"), ("Pink", "#f48fb1"))
#: The underline and tint of a noted range in the article.
NOTE_MARK_COLOUR = "#e08a00"

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def note_heading(note: Note) -> str:
    """What the note is on, in a few words."""
    if note.kind == ACTOR_NOTE:
        return f"On {note.actor_name}"
    if note.kind == BRIEFING_NOTE:
        return "On the whole briefing"
    quote = " ".join((note.anchor.quote if note.anchor else "").split())
    if len(quote) > 60:
        quote = quote[:59] + "…"
    prefix = "Event" if note.kind == EVENT_NOTE else ("Highlight" if note.is_highlight else "")
    if note.orphaned:
        prefix = "Orphaned (text gone)" + (f" · {prefix}" if prefix else "")
    return f"{prefix}: “{quote}”" if prefix else f"“{quote}”"


def note_first_line(note: Note) -> str:
    """The note's first line as plain words (Markdown emphasis and link targets dropped)."""
    line = next((ln.strip() for ln in note.body.splitlines() if ln.strip()), "")
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|\*|`)", "", line).lstrip("#>-+ ").strip()
    return line if len(line) <= 80 else line[:79] + "…"


class NotesModel(QAbstractListModel):
    """The notes of the briefing on screen; orphaned ones stay listed with their quote."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notes: list[Note] = []

    def set_notes(self, notes: list[Note]) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self.endResetModel()

    def add_note(self, note: Note) -> QModelIndex:
        row = len(self.notes)
        if note.anchor is not None and not note.orphaned:
            row = next(
                (
                    i
                    for i, n in enumerate(self.notes)
                    if n.anchor is None or n.orphaned or n.anchor.start > note.anchor.start
                ),
                len(self.notes),
            )
        self.beginInsertRows(QModelIndex(), row, row)
        self.notes.insert(row, note)
        self.endInsertRows()
        return self.index(row, 0)

    def replace_note(self, note: Note) -> None:
        row = self.row_of(note.id)
        if row >= 0:
            self.notes[row] = note
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def remove_note(self, note_id: str) -> None:
        row = self.row_of(note_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.notes[row]
            self.endRemoveRows()

    def row_of(self, note_id: str) -> int:
        return next((i for i, n in enumerate(self.notes) if n.id == note_id), -1)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.notes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.notes):
            return None
        note = self.notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = note_first_line(note)
            return f"{note_heading(note)}\n{first}" if first else note_heading(note)
        if role == NoteRole:
            return note
        if role == Qt.ItemDataRole.DecorationRole and note.color:
            return QColor(note.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            if note.orphaned:
                return "The text this note was on is no longer in the briefing; the note is kept."
            return note.body[:500] or None
        if role == Qt.ItemDataRole.ForegroundRole and note.orphaned:
            return QPalette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and note.orphaned:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class NotesPanel(QWidget):
    """List, editor and preview of the notes; saves go out as signals, debounced."""

    note_chosen = Signal(object)  # Note: show its anchor in the article
    save_requested = Signal(str, str)  # note id, body
    delete_requested = Signal(str)  # note id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NotesModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Notes")
        self.list.setSpacing(2)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText("Write the note in Markdown: **bold**, *italic*, - lists, [links](https://…)")
        self.editor.setAccessibleName("Note text")
        self.editor.setEnabled(False)
        self.editor.installEventFilter(self)
        self.preview = MarkdownPreview(self)
        self.preview.setAccessibleName("Note preview")
        self.state = QLabel("")
        self.state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.state.setWordWrap(True)
        self.delete_button = QPushButton("Delete Note")
        self.delete_button.setEnabled(False)
        self.saved_label = QLabel("")
        self.saved_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        editor_box = QWidget(self)
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.delete_button)
        editor_layout.addLayout(buttons)
        splitter.addWidget(editor_box)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 180, 160])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.state)
        layout.addWidget(splitter, 1)

        self.current: Note | None = None
        #: True when the library cannot be written (damaged or read-only): notes show, nothing is edited.
        self.read_only = False
        self._saved_body: str | None = ""  # None: what the editor holds failed to save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self._dirty_since: float | None = None  # monotonic seconds of the oldest unsaved change
        self.editor.textChanged.connect(self._on_text_changed)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)
        self.delete_button.clicked.connect(self._delete_current)
        self.set_unavailable("Open a briefing to write notes on it.")

    # ------------------------------------------------------------------ contents

    def set_unavailable(self, reason: str) -> None:
        """No notes possible now (no library, no briefing): say why, keep nothing editable."""
        self.flush()
        self.model.set_notes([])
        self._show(None)
        self.state.setText(reason)
        self.state.show()

    def set_read_only(self, read_only: bool) -> None:
        """Show notes without letting them be edited or deleted (the library refuses writes)."""
        self.read_only = read_only
        self.editor.setReadOnly(read_only)
        self.delete_button.setEnabled(self.current is not None and not read_only)

    def set_notes(self, notes: list[Note]) -> None:
        self.flush()
        keep = self.current.id if self.current else None
        self.model.set_notes(notes)
        self.state.setText("" if notes else "No notes yet. Select text and press Ctrl+Shift+N, or right-click it.")
        self.state.setVisible(not notes)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show(None)

    def add_note(self, note: Note, edit: bool = True) -> None:
        """A note just created: listed, chosen, and (for a note with words) ready to type in."""
        self.flush()
        self.state.hide()
        index = self.model.add_note(note)
        self.list.setCurrentIndex(index)
        if edit:
            self.editor.setFocus()

    def note_saved(self, note: Note) -> None:
        """The library stored a save; refresh the list row without touching the editor."""
        self.model.replace_note(note)
        if self.current is not None and self.current.id == note.id:
            self.current = note
        self.saved_label.setText("Saved")

    def note_save_failed(self, note_id: str) -> None:
        """The library refused a save (busy, disk full): keep the text unsaved and try again shortly."""
        if self.current is not None and self.current.id == note_id:
            self._saved_body = None  # dirty again, so the next flush (timer, focus out, close) retries
            self.saved_label.setText("Not saved yet: retrying…")
            self._timer.start()

    def note_deleted(self, note_id: str) -> None:
        if self.current is not None and self.current.id == note_id:
            self._show(None)
        self.model.remove_note(note_id)
        if not self.model.notes:
            self.state.setText("No notes yet. Select text and press Ctrl+Shift+N, or right-click it.")
            self.state.show()

    def select_note(self, note_id: str) -> bool:
        row = self.model.row_of(note_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    # ------------------------------------------------------------------ saving

    @property
    def dirty(self) -> bool:
        return self.current is not None and self.editor.toPlainText() != self._saved_body

    def flush(self) -> None:
        """Save now if the editor holds unsaved text (autosave timer, focus out, switching, closing)."""
        self._timer.stop()
        self._dirty_since = None
        if self.dirty and self.current is not None:
            body = self.editor.toPlainText()
            self._saved_body = body
            self.saved_label.setText("Saving…")
            self.save_requested.emit(self.current.id, body)

    def _on_text_changed(self) -> None:
        if self.current is None:
            return
        self.preview.set_markdown_text(self.editor.toPlainText())
        if not self.dirty:
            return
        now = time.monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if (now - self._dirty_since) * 1000 >= MAX_UNSAVED_MS:
            self.flush()  # typing without a pause: save anyway
            return
        self.saved_label.setText("Editing…")
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    # ------------------------------------------------------------------ choosing

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        note = current.data(NoteRole) if current.isValid() else None
        if note is not None and self.current is not None and note.id == self.current.id:
            # The same note after the list was reloaded: the editor's text is newer than the
            # reloaded copy (a save may still be on its way), so it stays as it is.
            self.current = note
            return
        self._show(note)

    def _on_clicked(self, index: QModelIndex) -> None:
        note = index.data(NoteRole)
        if note is not None:
            self.note_chosen.emit(note)

    def _show(self, note: Note | None) -> None:
        self.current = None  # no autosave while the editor is being filled
        self.editor.blockSignals(True)
        self.editor.setPlainText(note.body if note else "")
        self.editor.blockSignals(False)
        self._saved_body = note.body if note else ""
        self.current = note
        self.editor.setEnabled(note is not None)
        self.editor.setReadOnly(self.read_only)
        self.delete_button.setEnabled(note is not None and not self.read_only)
        self.saved_label.setText("")
        if note is None:
            self.preview.setHtml("")
        else:
            self.preview.set_markdown_text(note.body)

    def _delete_current(self) -> None:
        if self.current is not None:
            self._timer.stop()
            self.delete_requested.emit(self.current.id)
