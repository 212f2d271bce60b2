"""Dialogs: publication date, error messages, and the last-resort exception hook."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.date_words import describe_date

log = logging.getLogger(__name__)

FILE_FILTER = (
    "Briefings (*.md *.markdown *.txt *.html *.htm *.pdf *.docx *.eml *.msg *.xml *.rss *.atom);;"
    "PDF (*.pdf);;Word (*.docx);;E-mail (*.eml *.msg);;Feeds (*.xml *.rss *.atom);;All files (*)"
)



class PublicationDateDialog(QDialog):
    """Ask for the date a briefing was published, so "last Monday" can become a calendar date.

    It starts at the date the file gives (a dateline, metadata, or the date set before); only a
    briefing with none starts at today, and says so. Tab goes day, month, year, then the buttons.
    """

    def __init__(self, current: dt.date | None, origin: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set publication date")
        layout = QVBoxLayout(self)
        if current is None:
            intro = (
                "This briefing has no publication date, so dates without a year stay unresolved. "
                "No date was found in a dateline or the file's metadata: the date below is today's."
            )
        else:
            intro = f"Published {describe_date(current)} ({origin_words(origin)})."
        self.intro = QLabel(intro + "\nEvery date in the text is resolved again against the date you set; the library keeps it.")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        # No weekday section: it took a Tab of its own and typing in it moved the day.
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setAccessibleName("Publication date")
        start = current or dt.date.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.weekday = QLabel("")
        self.weekday.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.date_edit.dateChanged.connect(self._show_weekday)
        self._show_weekday()
        layout.addWidget(self.date_edit)
        layout.addWidget(self.weekday)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date_edit.setCurrentSection(QDateEdit.Section.DaySection)

    def _show_weekday(self, *_args) -> None:
        self.weekday.setText(describe_date(self.date()))

    def date(self) -> dt.date:
        q = self.date_edit.date()
        return dt.date(q.year(), q.month(), q.day())

    @classmethod
    def ask(cls, current: dt.date | None, origin: str, parent: QWidget | None = None) -> dt.date | None:
        dialog = cls(current, origin, parent)
        return dialog.date() if dialog.exec() == QDialog.DialogCode.Accepted else None


def origin_words(origin: str) -> str:
    return {
        "option": "set by you",
        "front-matter": "from the file's front matter",
        "html-meta": "from the page's metadata",
        "dateline": "from the dateline",
        "properties": "from the document's properties",
        "mail-header": "from the e-mail's Date header",
        "feed": "from the feed entry",
        "none": "not found in the file",
    }.get(origin, f"from {origin}")


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> None:
    """A clear message box: one sentence, optional details hidden behind a button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("briefing-reader", appauthor=False)) / "briefing-reader.log"


def setup_logging() -> Path | None:
    """Log to a file in the user's log folder (and warnings to stderr); None if that is not writable."""
    root = logging.getLogger()
    if root.handlers:
        return None
    root.setLevel(logging.INFO)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    root.addHandler(stderr)
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def install_excepthook(parent_getter=lambda: None, log_file: Path | None = None) -> None:
    """An unexpected error becomes a logged traceback and a dialog, never a silent crash or a console dump.

    ``log_file`` is where ``setup_logging`` writes (None: the traceback only goes to stderr).
    """
    showing = False

    def hook(exc_type, exc, tb) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        if showing:
            return
        showing = True
        try:
            from reader.errors import BriefingError

            if isinstance(exc, BriefingError):
                message = str(exc)
            else:
                where = f"Details were written to {log_file}." if log_file else "Details were printed to the console."
                message = f"Something went wrong: {exc_type.__name__}: {exc}\n\nThe window keeps running. {where}"
            show_error(parent_getter(), "Briefing Reader", message, details)
        finally:
            showing = False

    sys.excepthook = hook
