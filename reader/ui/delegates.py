"""Painting the side panels' rows: an event of the timeline, and an actor's name.

Nothing a reader needs is elided: an event's summary wraps to as many lines as it takes (two,
at the width the panel is given for it), an actor's name wraps when the panel is narrower than
it. Rows are as tall as their lines; the views ask again when their width changes.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.model import Event
from reader.report import plural, summary_has_mark
from reader.ui.colours import category_chip, category_class, category_colour, text_on
from reader.ui.models import UNDATED, DateTextRole, EventRole, TierRole
from reader.ui.tooltips import modality_words

PAD = 6
CHIP_GAP = 6
HEADER_GAP = 4

AnyIndex = QModelIndex | QPersistentModelIndex


def modality_label(event: Event) -> str:
    """The line under the summary saying how sure the text is, or "" when the summary says it already."""
    if event.modality == "asserted" or summary_has_mark(event):
        return ""
    if event.modality == "reported" and event.attribution and event.attribution.casefold() in event.summary.casefold():
        return ""  # the summary already says who reports it; the italics say it is reported
    return modality_words(event)


def sources_label(event: Event) -> str:
    """ "+1 source": other clauses reporting the same act (a headline and its lead)."""
    return f"+{plural(len(event.sources), 'source')}" if event.sources else ""


@lru_cache(maxsize=4096)
def _wrap(text: str, font_key: str, width: int) -> tuple[str, ...]:
    font = QFont()
    font.fromString(font_key)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return tuple(lines) or ("",)


def wrap_lines(text: str, font: QFont, width: int) -> tuple[str, ...]:
    """`text` broken into lines no wider than `width` in `font`: at spaces, or inside a word too long for a line."""
    return _wrap(text, font.toString(), int(width))


def _draw_lines(painter: QPainter, lines: tuple[str, ...], x: int, y: int, width: int, line_height: int) -> int:
    for line in lines:
        painter.drawText(QRect(x, y, width, line_height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        y += line_height
    return y


class EventDelegate(QStyledItemDelegate):
    """An event: chip, date and category; its summary wrapped; how sure the text is when the summary
    does not say. Hypothetical events are greyed, reported ones in italics, negated ones struck out.
    Above the first undated event of a paragraph (by date), a heading names the paragraph."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    @staticmethod
    def fonts(font: QFont) -> tuple[QFont, QFont, QFont]:
        base = QFont(font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.88))
        return base, bold, small

    @staticmethod
    def summary_font(event: Event, base: QFont) -> QFont:
        font = QFont(base)
        font.setItalic(event.modality == "reported")
        font.setStrikeOut(event.modality == "negated")
        return font

    def text_width(self) -> int:
        """The width a summary wraps to: the view's, less the row's padding."""
        return max(40, self.view.viewport().width() - 2 * PAD)

    def header(self, index: AnyIndex) -> str:
        model = index.model()
        group_header = getattr(model, "group_header", None)
        return group_header(index.row()) if group_header is not None else ""

    def summary_lines(self, event: Event, font: QFont, width: int | None = None) -> tuple[str, ...]:
        summary = " ".join((event.summary or event.text).split())
        return wrap_lines(summary, font, self.text_width() if width is None else width)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        event: Event | None = index.data(EventRole)
        base, bold, small = self.fonts(option.font)
        height = QFontMetrics(bold).height()
        if event is not None:
            font = self.summary_font(event, base)
            height += QFontMetrics(font).height() * len(self.summary_lines(event, font))
            if modality_label(event):
                height += QFontMetrics(small).height()
        if self.header(index):
            height += QFontMetrics(small).height() + HEADER_GAP
        return QSize(200, height + 2 * PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        event: Event | None = index.data(EventRole)
        if event is None:
            super().paint(painter, option, index)
            return
        base, bold, small = self.fonts(option.font)
        fm_small = QFontMetrics(small)
        header = self.header(index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette: QPalette = opt.palette
        painter.save()
        if header:
            band = QRect(opt.rect.left(), opt.rect.top(), opt.rect.width(), fm_small.height() + HEADER_GAP)
            painter.fillRect(band, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                band.adjusted(PAD, 0, -PAD, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm_small.elidedText(header, Qt.TextElideMode.ElideRight, band.width() - 2 * PAD),
            )
            opt.rect = opt.rect.adjusted(0, band.height(), 0, 0)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(text_role)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) if not selected else text_colour
        if event.modality == "hypothetical" and not selected:
            text_colour = muted
        rect: QRect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # Line 1: category chip, date, category label; "+1 source" at the right.
        line1_h = QFontMetrics(bold).height()
        code = category_chip(event.category)
        chip_w = fm_small.horizontalAdvance(code) + 10
        chip = QRectF(rect.left(), rect.top() + (line1_h - fm_small.height()) / 2, chip_w, fm_small.height())
        chip_colour = category_colour(event.category)
        if event.modality == "hypothetical":
            chip_colour.setAlphaF(0.55)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_colour)
        painter.drawRoundedRect(chip, 4, 4)
        painter.setFont(small)
        painter.setPen(text_on(category_colour(event.category)))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, code)

        right = rect.right()
        sources = sources_label(event)
        if sources:
            width = fm_small.horizontalAdvance(sources)
            painter.setPen(muted)
            painter.drawText(
                QRect(right - width, rect.top(), width, line1_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sources
            )
            right -= width + CHIP_GAP
        x = int(chip.right()) + CHIP_GAP
        grouped = getattr(index.model(), "chronological", False) and index.data(TierRole) == UNDATED
        date_text = index.data(DateTextRole) or ("" if grouped else "undated")  # the group's heading says it
        if date_text:
            painter.setFont(bold)
            painter.setPen(text_colour if index.data(DateTextRole) else muted)
            painter.drawText(QRect(x, rect.top(), right - x, line1_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, date_text)
            x += QFontMetrics(bold).horizontalAdvance(date_text) + CHIP_GAP
        label = event.category_label or category_class(event.category)
        if x < right - 20:
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                QRect(x, rect.top(), right - x, line1_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm_small.elidedText("· " + label, Qt.TextElideMode.ElideRight, right - x),
            )

        # The summary, wrapped: never elided.
        font = self.summary_font(event, base)
        painter.setFont(font)
        painter.setPen(text_colour)
        lines = self.summary_lines(event, font, rect.width())
        y = _draw_lines(painter, lines, rect.left(), rect.top() + line1_h, rect.width(), QFontMetrics(font).height())

        # How sure the text is, said plainly, when the summary does not say it.
        words = modality_label(event)
        if words:
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


class ActorDelegate(QStyledItemDelegate):
    """The actors tree's first column: a name wraps (at spaces) when the panel is narrower than it."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def text_width(self, option: QStyleOptionViewItem, index: AnyIndex) -> int:
        """Room for the name: the column, less the tree's indentation, the swatch and the style's margins."""
        view = self.view
        header = getattr(view, "header", None)
        column = header().sectionSize(0) if header is not None else view.viewport().width()
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indentation = getattr(view, "indentation", lambda: 0)() * (depth + 1)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        icon = opt.decorationSize.width() + 2 * margin if opt.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration else 0
        return max(20, column - indentation - icon - 2 * margin)

    def lines(self, option: QStyleOptionViewItem, index: AnyIndex) -> tuple[str, ...]:
        return wrap_lines(str(index.data() or ""), option.font, self.text_width(option, index))

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        lines = len(self.lines(option, index))
        return QSize(hint.width(), max(hint.height(), QFontMetrics(option.font).height() * lines + 4))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.column() != 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(margin, 0, -margin, 0)
        lines = wrap_lines(str(index.data() or ""), opt.font, text_rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        line_height = QFontMetrics(opt.font).height()
        top = text_rect.top() + max(0, (text_rect.height() - line_height * len(lines)) // 2)
        _draw_lines(painter, lines, text_rect.left(), top, text_rect.width(), line_height)
        painter.restore()

