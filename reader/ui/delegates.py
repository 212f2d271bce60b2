"""Painting one event in the timeline: date, category chip, summary, and how sure the text is."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.model import Event
from reader.ui.colours import category_chip, category_class, category_colour, text_on
from reader.ui.models import DateTextRole, EventRole
from reader.ui.tooltips import modality_words

PAD = 6
CHIP_GAP = 6


def modality_label(event: Event) -> str:
    """The third line of an item, or "" for plainly asserted events."""
    if event.modality == "asserted":
        return ""
    if event.modality == "reported" and event.attribution and event.attribution.casefold() in event.summary.casefold():
        return ""  # the summary already says who reports it; the italics say it is reported
    return modality_words(event)


class EventDelegate(QStyledItemDelegate):
    """Draws an event as two or three lines; hypothetical events greyed, reported ones in italics."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.88))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        event: Event | None = index.data(EventRole)
        base, bold, small = self._fonts(option)
        lines = QFontMetrics(bold).height() + QFontMetrics(base).height()
        if event is not None and modality_label(event):
            lines += QFontMetrics(small).height()
        return QSize(200, lines + 2 * PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        event: Event | None = index.data(EventRole)
        if event is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(text_role)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) if not selected else text_colour
        if event.modality == "hypothetical" and not selected:
            text_colour = muted
        base, bold, small = self._fonts(opt)
        rect: QRect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Line 1: category chip, date, category label.
        fm_small = QFontMetrics(small)
        line1_h = QFontMetrics(bold).height()
        code = category_chip(event.category)
        chip_w = fm_small.horizontalAdvance(code) + 10
        chip = QRectF(rect.left(), rect.top() + (line1_h - fm_small.height()) / 2, chip_w, fm_small.height())
        chip_colour = category_colour(event.category)
        if event.modality == "hypothetical":
            chip_colour.setAlphaF(0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_colour)
        painter.drawRoundedRect(chip, 4, 4)
        painter.setFont(small)
        painter.setPen(text_on(chip_colour))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, code)

        x = int(chip.right()) + CHIP_GAP
        date_text = index.data(DateTextRole) or "undated"
        painter.setFont(bold)
        painter.setPen(text_colour if index.data(DateTextRole) else muted)
        date_rect = QRect(x, rect.top(), rect.right() - x, line1_h)
        painter.drawText(date_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, date_text)
        x += QFontMetrics(bold).horizontalAdvance(date_text) + CHIP_GAP
        label = event.category_label or category_class(event.category)
        if x < rect.right() - 20:
            painter.setFont(small)
            painter.setPen(muted)
            label_rect = QRect(x, rect.top(), rect.right() - x, line1_h)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm_small.elidedText("· " + label, Qt.TextElideMode.ElideRight, label_rect.width()),
            )

        # Line 2: the one-line summary.
        y = rect.top() + line1_h
        summary_font = QFont(base)
        if event.modality == "reported":
            summary_font.setItalic(True)
        if event.modality == "negated":
            summary_font.setStrikeOut(True)
        fm = QFontMetrics(summary_font)
        painter.setFont(summary_font)
        painter.setPen(text_colour)
        summary = (event.summary or event.text).replace("\n", " ").strip()
        painter.drawText(
            QRect(rect.left(), y, rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(summary, Qt.TextElideMode.ElideRight, rect.width()),
        )

        # Line 3: modality, said plainly.
        words = modality_label(event)
        if words:
            y += fm.height()
            small_italic = QFont(small)
            small_italic.setItalic(event.modality == "reported")
            small_italic.setWeight(QFont.Weight.DemiBold if event.modality != "reported" else QFont.Weight.Normal)
            painter.setFont(small_italic)
            painter.setPen(muted)
            painter.drawText(
                QRect(rect.left(), y, rect.width(), fm_small.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(small_italic).elidedText(words, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()
