"""Marks in the events sidebar: an event that other briefings report too, whose sources disagree,
that was announced and is overdue, or that has notes written on it in another briefing.

`MarkingDelegate` wraps whatever delegate the events view has (it paints the event as before) and
adds small badges at the right of the first line, with a tooltip that says what they mean.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from reader.ui.models import EventRole

#: Badge text and colour: several briefings, sources disagreeing, announced and overdue, notes elsewhere.
BADGES = {"sources": "#2563eb", "conflict": "#dc2626", "overdue": "#d97706", "notes": "#7c3aed"}


def badges(mark) -> list[tuple[str, str]]:
    """(text, colour) of each badge a mark gets, in order."""
    out = []
    if mark.briefings > 1:
        out.append((f"×{mark.briefings}", BADGES["sources"]))
    if mark.conflicts:
        out.append(("≠", BADGES["conflict"]))
    if mark.overdue:
        out.append(("overdue", BADGES["overdue"]))
    if mark.notes:
        out.append((f"✎{len(mark.notes)}", BADGES["notes"]))
    return out


def mark_tooltip(mark) -> str:
    lines = []
    if mark.briefings > 1:
        lines.append(f"Reported by {mark.briefings} briefings ({mark.sources} clauses): see Storylines")
    if mark.conflicts:
        lines.append("The sources disagree on: " + ", ".join(mark.conflicts))
    if mark.overdue:
        lines.append("Announced; past its due date with no report of it since")
    for note in mark.notes[:3]:
        lines.append("Note in another briefing: " + " ".join(note.body.split())[:160])
    return "<br>".join(html.escape(line) for line in lines)


class MarkingDelegate(QStyledItemDelegate):
    """Paints through `inner`, then the storyline badges of the event (by event id in `marks`)."""

    def __init__(self, inner: QAbstractItemDelegate, parent=None) -> None:
        super().__init__(parent)
        self.inner = inner
        self.marks: dict[str, object] = {}

    def set_marks(self, marks: dict[str, object]) -> None:
        self.marks = dict(marks)

    def _mark(self, index: QModelIndex | QPersistentModelIndex):
        event = index.data(EventRole)
        return self.marks.get(event.id) if event is not None else None

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        return self.inner.sizeHint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        self.inner.paint(painter, option, index)
        mark = self._mark(index)
        if mark is None:
            return
        font = QFont(option.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        font.setBold(True)
        metrics = QFontMetrics(font)
        right = option.rect.right()
        viewport = getattr(option.widget, "viewport", None)
        if viewport is not None:  # an item wider than the view: keep the badges in sight
            right = min(right, viewport().width() - 1)
        x = right - 6
        top = option.rect.top() + 4
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        for text, colour in reversed(badges(mark)):
            width = metrics.horizontalAdvance(text) + 8
            rect = QRectF(x - width, top, width, metrics.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x -= width + 3
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option, index) -> bool:
        mark = self._mark(index) if index.isValid() else None
        if event.type() == QEvent.Type.ToolTip and mark is not None:
            base = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            QToolTip.showText(event.globalPos(), f"{html.escape(base)}<br><br>{mark_tooltip(mark)}".replace("\n", "<br>"), view)
            return True
        return self.inner.helpEvent(event, view, option, index)
