"""Export and print: the briefing with its events and notes (Markdown, CSV, JSON), an annotated PDF, paper.

Text exports are made by the library (reader/store/exporting.py) and written atomically; the
PDF and the printout are the article as shown, its highlights and note marks baked in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMenu

from reader.model import briefing_title
from reader.ui.article_view import LAYER_PROPERTY
from reader.ui.dialogs import show_error
from reader.ui.markdown_view import render_markdown
from reader.ui.menus import add_action

if TYPE_CHECKING:
    from reader.store import Library
    from reader.store.records import Note
    from reader.ui.library_session import LibrarySession
    from reader.ui.window_api import ReaderWindow

EXPORTS = {
    "md": ("Export Briefing with Events and Notes", "Markdown (*.md)", ".md"),
    "csv": ("Export Events as CSV", "CSV (*.csv)", ".csv"),
    "json": ("Export Events as JSON", "JSON (*.json)", ".json"),
    "notes": ("Export Notes", "Markdown (*.md)", ".md"),
}



class ExportController(QObject):
    """File ▸ Export and Print."""

    exported = Signal(str)  # path written

    def __init__(
        self, window: ReaderWindow, session: LibrarySession, notes: Callable[[], list[Note]], flush_notes: Callable[[], None]
    ) -> None:
        """`notes()`: the notes of the briefing on screen; `flush_notes()` saves what is being typed."""
        super().__init__(session)
        self.window, self.session, self.notes, self.flush_notes = window, session, notes, flush_notes
        w = window.main_window()
        self.export_actions = {
            kind: add_action(w, f"{label}…", self._exporter(kind)) for kind, (label, _f, _s) in EXPORTS.items()
        }
        self.pdf_action = add_action(w, "Export Annotated &PDF…", self.choose_pdf, tip="The briefing with its highlights and notes as a PDF")
        self.print_action = add_action(w, "&Print…", self.print_briefing, "Ctrl+P", tip="Print the briefing with its highlights and notes")
        self.export_menu = QMenu("&Export", window.file_menu)
        for action in self.export_actions.values():
            self.export_menu.addAction(action)
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.pdf_action)
        session.state_changed.connect(self._update_actions)
        window.document_shown.connect(lambda _generation: self._update_actions())

    def _exporter(self, kind: str) -> Callable[..., None]:
        return lambda *_args: self.choose_export(kind)

    def _update_actions(self) -> None:
        for action in self.export_actions.values():
            action.setEnabled(self.session.has_briefing)
        has_text = self.window.document is not None
        self.pdf_action.setEnabled(has_text)
        self.print_action.setEnabled(has_text)

    def choose_export(self, kind: str) -> None:
        if self.session.briefing_id is None:
            return
        label, filters, suffix = EXPORTS[kind]
        stem = _safe_stem(briefing_title(self.window.document) if self.window.document else "briefing")
        if kind == "notes":
            stem += "-notes"
        elif kind in ("csv", "json"):
            stem += "-events"
        start = str((self.window.path.parent if self.window.path else Path.home()) / f"{stem}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self.window.main_window(), label, start, filters)
        if name:
            self.export_to(kind, name)

    def export_to(self, kind: str, path: str | Path) -> None:
        """Write the export of the briefing on screen to `path` (through the library)."""
        if self.session.briefing_id is None:
            return
        briefing_id, target = self.session.briefing_id, Path(path)
        self.flush_notes()  # the export includes what was just typed

        def run(lib: Library) -> None:
            from reader.atomic import atomic_write
            from reader.store.targets import check_export_target

            # The save dialog asked before replacing a file; the library and databases are never replaced.
            check_export_target(target, self.session.path, force=True)
            text = lib.export_notes(briefing_id) if kind == "notes" else lib.export(briefing_id, kind)
            atomic_write(check_export_target(target, self.session.path, force=True), text)

        def done(_result: None) -> None:
            self.window.status(f"Exported to {target}", 6000)
            self.exported.emit(str(target))

        self.session.submit(run, done, lambda message: show_error(self.window.main_window(), "Could not export", message))

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
        written = [n for n in self.notes() if n.body.strip()]
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

        check_export_target(path, self.session.path, force=True)  # never onto the library or a database
        doc = self.annotated_document()
        with atomic_target(path) as tmp:  # a full disk or a crash never leaves half a PDF
            writer = QPdfWriter(str(tmp))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
            writer.setResolution(300)
            writer.setCreator("Briefing Reader")
            if self.window.document is not None:
                writer.setTitle(briefing_title(self.window.document))
            doc.print_(writer)
            del writer  # the file is finished when the writer goes away
            if tmp.stat().st_size == 0:
                raise OSError(f"Qt could not write the PDF to {tmp}")
        doc.deleteLater()
        self.exported.emit(str(path))

    def choose_pdf(self) -> None:
        if self.window.document is None:
            return
        stem = _safe_stem(briefing_title(self.window.document))
        start = str((self.window.path.parent if self.window.path else Path.home()) / f"{stem}.pdf")
        name, _ = QFileDialog.getSaveFileName(self.window.main_window(), "Export annotated PDF", start, "PDF (*.pdf)")
        if name:
            from reader.errors import BriefingError

            try:
                self.write_pdf(name)
            except BriefingError as exc:
                show_error(self.window.main_window(), "Could not export", str(exc))
                return
            self.window.status(f"Wrote {name}", 6000)

    def print_briefing(self) -> None:
        if self.window.document is None:
            return
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a build without Qt's print support: a PDF is the way to paper
            show_error(self.window.main_window(), "Printing is not available", "This build cannot print; use File ▸ Export ▸ Export Annotated PDF and print the PDF.")
            return

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window.main_window())
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            doc = self.annotated_document()
            doc.print_(printer)
            doc.deleteLater()


def _safe_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip()
    return "-".join(stem.split())[:60] or "briefing"
