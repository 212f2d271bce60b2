"""Small widgets around the article: header, legend, find bar, busy indicator."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model import Document, briefing_title
from reader.ui.colours import swatch_colour, type_style
from reader.ui.date_words import describe_date
from reader.ui.dialogs import origin_words


def swatch_icon(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour)
    painter.setPen(colour.darker(140))
    painter.drawRoundedRect(0, 0, size - 1, size - 1, 3, 3)
    painter.end()
    return QIcon(pixmap)


class HeaderBar(QWidget):
    """Title, source and publication date (and where it came from), with a way to set it."""

    set_date_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.setSpacing(2)
        self.title = QLabel("Briefing Reader")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.meta = QLabel("")
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        row.addWidget(self.meta, 1)
        self.date_button = QPushButton("Set publication date…")
        self.date_button.setToolTip("Resolve every date in the text against a publication date you choose")
        self.date_button.clicked.connect(self.set_date_requested)
        self.date_button.setEnabled(False)
        row.addWidget(self.date_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout.addWidget(self.warning)

    def set_document(self, document: Document | None) -> None:
        if document is None:
            self.title.setText("Briefing Reader")
            self.meta.setText("Open a briefing (Ctrl+O), drop a file here, or paste one (Ctrl+Shift+V).")
            self.date_button.setEnabled(False)
            self.warning.hide()
            return
        self.title.setText(document_title(document))
        self.meta.setText(" · ".join(filter(None, (source_words(document), published_words(document)))))
        self.date_button.setEnabled(True)
        self.date_button.setText("Set publication date…" if document.published else "Set publication date… (none found)")
        if document.warnings:
            self.warning.setText("⚠ " + " · ".join(document.warnings))
            self.warning.show()
        else:
            self.warning.hide()


def document_title(document: Document) -> str:
    """The briefing's one title (reader.model.briefing_title), as the library and the reports give it."""
    return briefing_title(document)


def source_words(document: Document) -> str:
    if not document.source:
        return ""
    if document.source == "clipboard":
        return "Pasted from the clipboard"
    return document.source


def published_words(document: Document) -> str:
    if document.published is None:
        return "No publication date: dates without a year stay unresolved"
    return f"Published {describe_date(document.published)} ({origin_words(document.published_origin)})"


class FlowLayout(QLayout):
    """Items left to right, wrapping onto another line when the width runs out (the legend's toggles:
    a row of them must never make the article wider than the window can give it)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class Legend(QWidget):
    """One toggle per highlight type present in the analysis, with its colour and count; the toggles
    wrap onto a second line when the article is narrow."""

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(12, 2, 12, 4)
        self.buttons: dict[str, QToolButton] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_counts(self, counts: dict[str, int], hidden: set[str]) -> None:
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for key, count in counts.items():
            style = type_style(key)
            button = QToolButton(self)
            button.setText(f"{style.label} {count}".replace("&", "&&"))
            button.setIcon(swatch_icon(swatch_colour(key, self.palette())))
            button.setIconSize(QSize(12, 12))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.setChecked(key not in hidden)
            button.setAutoRaise(True)
            button.setToolTip(f"Show or hide {style.label.lower()} ({key}) highlights")
            button.setAccessibleName(f"{style.label}: {count} highlighted; show or hide them")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.toggled.connect(lambda on, k=key: self.toggled.emit(k, on))
            self._layout.addWidget(button)
            button.show()
            self.buttons[key] = button
        self.updateGeometry()

    def set_visible_type(self, key: str, visible: bool) -> None:
        button = self.buttons.get(key)
        if button is not None and button.isChecked() != visible:
            button.setChecked(visible)


LIVE_FIND_MIN_CHARS = 2


class FindBar(QWidget):
    """Ctrl+F: a search field with next/previous and a match counter; Esc closes it."""

    find_requested = Signal(str, bool)  # text, backward
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(QLabel("Find:"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Text in the briefing")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.field.text(), False))
        self.field.textChanged.connect(self._on_text_changed)
        layout.addWidget(self.field, 1)
        self.previous = QToolButton(self)
        self.previous.setText("Previous")
        self.previous.setToolTip("Previous match (Shift+Enter)")
        self.previous.clicked.connect(lambda: self.find_requested.emit(self.field.text(), True))
        layout.addWidget(self.previous)
        self.next = QToolButton(self)
        self.next.setText("Next")
        self.next.setToolTip("Next match (Enter)")
        self.next.clicked.connect(lambda: self.find_requested.emit(self.field.text(), False))
        layout.addWidget(self.next)
        self.status = QLabel("")
        self.status.setMinimumWidth(90)
        layout.addWidget(self.status)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close (Esc)")  # Esc is the window's action, which closes this bar first
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        QShortcut(
            QKeySequence("Shift+Return"),
            self.field,
            lambda: self.find_requested.emit(self.field.text(), True),
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _on_text_changed(self, text: str) -> None:
        """Search as you type from two characters on (one letter matches everything); Enter always searches."""
        if len(text) >= LIVE_FIND_MIN_CHARS or not text:
            self.find_requested.emit(text, False)
        else:
            self.status.setText("")

    def open_bar(self, text: str = "") -> None:
        if text:
            self.field.setText(text)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_result(self, index: int, total: int) -> None:
        if not self.field.text():
            self.status.setText("")
        elif total == 0:
            self.status.setText("not found")
        else:
            self.status.setText(f"{index} of {total}")


class BusyIndicator(QProgressBar):
    """A progress bar in the status bar while the engine works: indeterminate, or a share of a long text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setMaximumWidth(120)
        self.setMaximumHeight(14)
        self.setTextVisible(False)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.setRange(0, 0)  # indeterminate until a long text reports how far it is
        self.setVisible(busy)

    def set_progress(self, done: int, total: int) -> None:
        self.setRange(0, 100)
        self.setValue(done * 100 // max(total, 1))
        self.setToolTip(f"Analysed {done:,} of {total:,} characters")

