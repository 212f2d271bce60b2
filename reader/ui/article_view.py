"""The briefing itself: formatted text with highlights, in the engine's offset space.

The QTextDocument is built by inserting ``Document.text`` as it is, so a QTextDocument
position equals a ``Document.text`` offset (each "\\n" becomes a block break that still
counts as one position; characters outside the BMP are handled by ``OffsetMap``). Block and
character formats for headings, lists, quotes, emphasis and links are then applied at the
same offsets. Highlights are ExtraSelections, drawn over the text without touching it, so
toggling a type on or off only swaps a list.
"""

from __future__ import annotations

import html
import time
from collections import Counter
from typing import cast

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, QUrl, QVariantAnimation, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QHelpEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.model import Actor, Analysis, Document
from reader.ui.colours import blend, highlight_background, type_style
from reader.ui.offsets import OffsetMap, find_spans
from reader.ui.text_document import build_text_document
from reader.ui.tooltips import Hit, build_hover_spans, tooltip_html

#: Custom properties stored on every highlight's format, so tests and code can tell layers apart.
LAYER_PROPERTY = QTextFormat.Property.UserProperty + 1
TYPE_PROPERTY = QTextFormat.Property.UserProperty + 2

#: Widest comfortable reading column, in average character widths.
READING_COLUMN_CHARS = 80
#: Schemes a clicked link may open in the system browser; anything else is ignored.
SAFE_SCHEMES = ("http", "https", "mailto")
FLASH_MS = 1600
#: How strongly a chosen event's clause stays marked once its flash has settled (of the flash's
#: strength); its other sources (a headline and its lead) are marked at `SOURCE_SHARE` of that.
MARK_STEADY = 0.42
SOURCE_SHARE = 0.6
#: Longest the GUI thread spends building highlights before it lets other events through.
BUILD_SLICE_S = 0.02


class ArticleView(QTextBrowser):
    """Read-only view of one Document with type highlights, actor marks, find and flash."""

    text_painted = Signal()  # first paint after a new document was set
    highlights_painted = Signal()  # first paint after an analysis was applied
    highlights_applied = Signal()  # the analysis' highlights are all in place
    mention_stepped = Signal(int, int)  # index (1-based), count
    text_rebuilt = Signal()  # the QTextDocument was replaced (new briefing, palette switch): rebuild outside layers
    link_hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setAcceptDrops(False)  # the window takes dropped files
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.anchorClicked.connect(self._open_link)
        self.highlighted.connect(lambda url: self.link_hovered.emit(url.toString()))
        self.briefing: Document | None = None  # what is shown (``document()`` is Qt's QTextDocument)
        self.analysis: Analysis | None = None
        self.offsets = OffsetMap("")
        self.hidden_types: set[str] = set()
        self._type_layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._actor_layer: list[QTextEdit.ExtraSelection] = []
        self._find_layer: list[QTextEdit.ExtraSelection] = []
        self._flash_layer: list[QTextEdit.ExtraSelection] = []
        #: Layers other parts of the window add (notes...), drawn above the type highlights.
        self._outside_layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._hover_spans: list[tuple[int, int, Hit]] = []
        self._selected_actor: Actor | None = None
        self._mention_index = -1
        self._pending_text_paint = False
        self._pending_highlight_paint = False
        self._build_token = 0
        self._building = False
        self._built_colours: tuple[int, ...] = ()
        self._zoom_steps = 0
        self._base_point_size = self.font().pointSizeF() + 2
        self._flash = QVariantAnimation(self)
        self._flash.setDuration(FLASH_MS)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.valueChanged.connect(self._on_flash_step)
        self._flash_ranges: list[tuple[int, int]] = []
        self._flash_floor = 0.0  # MARK_STEADY while an event is marked: the flash settles there
        self.cursorPositionChanged.connect(self._on_caret_moved)
        self._apply_zoom()

    # ------------------------------------------------------------------ building the text

    def set_document(self, document: Document) -> None:
        """Show ``document`` at once; highlights come later with ``set_analysis``."""
        self.briefing = document
        self.analysis = None
        self.offsets = OffsetMap(document.text)
        self._type_layers = {}
        self._actor_layer, self._find_layer, self._flash_layer = [], [], []
        self._outside_layers = {}
        self._hover_spans = []
        self._selected_actor, self._mention_index = None, -1
        self._build_token += 1  # drop a highlight build still in progress for the previous text
        self._building = False
        self._flash.stop()
        self._flash_ranges, self._flash_floor = [], 0.0
        doc = build_text_document(document, self.offsets, self.font(), self.palette(), parent=self)
        self._built_colours = self._colour_key()
        self.setDocument(doc)  # the previous document, a child of this view, is deleted by Qt
        self._update_reading_column()
        self._refresh_selections()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._pending_text_paint = True
        self.viewport().update()
        self.text_rebuilt.emit()

    def set_analysis(self, analysis: Analysis) -> None:
        """Apply the engine's findings; the text is not rebuilt, so the scroll position stays.

        Highlights are built in slices of at most ``BUILD_SLICE_S`` between event-loop turns (a
        long briefing has thousands), then swapped in at once; ``highlights_applied`` follows.
        """
        self.analysis = analysis
        self._hover_spans = build_hover_spans(analysis)
        self._build_token += 1
        self._building = True
        self._continue_build(self._build_token, self._build_type_layers(analysis))

    def _continue_build(self, token: int, steps) -> None:
        if token != self._build_token:
            return  # a newer document or analysis took over
        deadline = time.perf_counter() + BUILD_SLICE_S
        for layers in steps:
            if layers is not None:
                self._finish_build(layers)
                return
            if time.perf_counter() > deadline:
                QTimer.singleShot(0, lambda: self._continue_build(token, steps))
                return

    def _finish_build(self, layers: dict[str, list[QTextEdit.ExtraSelection]]) -> None:
        self._building = False
        self._type_layers = layers
        analysis = self.analysis
        if self._selected_actor is not None and analysis is not None:
            actor = analysis.actor(self._selected_actor.id)
            same = actor is not None and actor.name == self._selected_actor.name
            self.select_actor(actor if same else None, move=False)
        self._refresh_selections()
        self._pending_highlight_paint = True
        self.viewport().update()
        self.highlights_applied.emit()

    def _rebuild_type_layers(self) -> None:
        """Rebuild at once (palette changes); analyses go through the sliced ``set_analysis``."""
        if self.analysis is None:
            self._type_layers = {}
            return
        for layers in self._build_type_layers(self.analysis):
            if layers is not None:
                self._type_layers = layers

    def _build_type_layers(self, analysis: Analysis):
        """Yields None after each highlight built, and the finished layers last."""
        palette = self.palette()
        formats: dict[str, QTextCharFormat] = {}
        layers: dict[str, list[QTextEdit.ExtraSelection]] = {}

        def fmt_for(key: str) -> QTextCharFormat:
            if key not in formats:
                fmt = QTextCharFormat()
                fmt.setBackground(highlight_background(key, palette))
                if type_style(key).group == "date":  # dates are told from actors by more than colour
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    fmt.setUnderlineColor(palette.color(QPalette.ColorRole.PlaceholderText))
                fmt.setProperty(LAYER_PROPERTY, "type")
                fmt.setProperty(TYPE_PROPERTY, key)
                formats[key] = fmt
            return formats[key]

        for actor in analysis.actors:
            layer = layers.setdefault(actor.type, [])
            for mention in actor.mentions:
                layer.append(self._selection(mention.start, mention.end, fmt_for(actor.type)))
                yield None
        for date in analysis.dates:
            layers.setdefault(date.type, []).append(self._selection(date.start, date.end, fmt_for(date.type)))
            yield None
        yield layers

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        length = self.document().characterCount() - 1
        cursor.setPosition(min(self.offsets.to_qt(start), length))
        cursor.setPosition(min(self.offsets.to_qt(end), length), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _refresh_selections(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for key, layer in self._type_layers.items():
            if key not in self.hidden_types:
                selections.extend(layer)
        selections.extend(self._actor_layer)
        for layer in self._outside_layers.values():
            selections.extend(layer)
        selections.extend(self._find_layer)
        selections.extend(self._flash_layer)
        self.setExtraSelections(selections)

    def set_outside_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Add or replace a named layer of selections (cursors into the current ``document()``).

        Layers are dropped when the text is rebuilt; ``text_rebuilt`` says when to add them again.
        """
        if selections:
            self._outside_layers[name] = list(selections)
        else:
            self._outside_layers.pop(name, None)
        self._refresh_selections()

    # ------------------------------------------------------------------ types on and off

    def set_type_visible(self, key: str, visible: bool) -> None:
        if visible:
            self.hidden_types.discard(key)
        else:
            self.hidden_types.add(key)
        self._refresh_selections()

    def highlight_counts(self) -> Counter[str]:
        """How many type highlights are on screen now, per type (read back from the view)."""
        counts: Counter[str] = Counter()
        for selection in self.extraSelections():
            if selection.format.property(LAYER_PROPERTY) == "type":
                counts[selection.format.property(TYPE_PROPERTY)] += 1
        return counts

    # ------------------------------------------------------------------ actor marks and stepping

    def select_actor(self, actor: Actor | None, move: bool = True) -> None:
        """Mark every mention of ``actor`` (None clears) and go to the first one."""
        self._selected_actor = actor
        self._mention_index = -1
        self._actor_layer = []
        if actor is not None:
            palette = self.palette()
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_background(actor.type, palette, strength=2.3))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
            fmt.setFontWeight(QFont.Weight.DemiBold)
            fmt.setProperty(LAYER_PROPERTY, "actor")
            self._actor_layer = [self._selection(m.start, m.end, fmt) for m in actor.mentions]
        self._refresh_selections()
        if actor is not None and actor.mentions and move:
            self.step_mention(1)

    def step_mention(self, step: int) -> bool:
        """Go to the next (``step`` = 1) or previous (-1) mention of the selected actor."""
        actor = self._selected_actor
        if actor is None or not actor.mentions:
            return False
        mentions = sorted(actor.mentions, key=lambda m: m.start)
        if self._mention_index < 0:
            here = self.offsets.to_py(self.textCursor().selectionStart())
            after = [i for i, m in enumerate(mentions) if m.start >= here]
            index = (after[0] if after else 0) if step > 0 else ((after[0] - 1) if after else len(mentions) - 1)
        else:
            index = self._mention_index + step
        index %= len(mentions)
        self._mention_index = index
        mention = mentions[index]
        self.select_range(mention.start, mention.end)
        self.mention_stepped.emit(index + 1, len(mentions))
        return True

    # ------------------------------------------------------------------ going to places

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to_offset(start)

    def show_range(self, start: int, end: int, caret: int | None = None) -> None:
        """Scroll ``[start, end)`` into view, put the caret at ``caret`` (default ``start``) and flash it."""
        self._place_caret(start, caret)
        self.flash(start, end)

    def mark_event(self, ranges: list[tuple[int, int]], caret: int | None = None) -> None:
        """Show an event's clause (the first range) and its other sources: a flash that settles into a
        mark, which stays until the reader moves on (the caret leaves the clause, another event or an
        actor is chosen, Esc, or `clear_mark`)."""
        if not ranges:
            return
        start = ranges[0][0]
        self._flash_floor = 0.0  # moving the caret must not clear the mark it is about to make
        self._place_caret(start, caret)
        self._flash_floor = MARK_STEADY
        self._start_flash(ranges)

    def clear_mark(self) -> None:
        """Take the chosen event's mark away."""
        if self._flash_floor or self._flash_layer:
            self._flash_floor = 0.0
            self._flash_ranges = []
            self._flash.stop()
            self._on_flash_step(0.0)

    def event_marked(self) -> list[tuple[int, int]]:
        """The ranges marked for the chosen event (its clause first), [] when none is."""
        return list(self._flash_ranges) if self._flash_floor else []

    def _place_caret(self, start: int, caret: int | None) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start if caret is None else caret))
        self.setTextCursor(cursor)
        self.scroll_to_offset(start)

    def _on_caret_moved(self) -> None:
        """The reader moved on: the caret left the marked clause."""
        if not self._flash_floor or not self._flash_ranges:
            return
        here = self.offsets.to_py(self.textCursor().position())
        start, end = self._flash_ranges[0]
        if not start <= here <= end:
            self.clear_mark()

    def scroll_to_offset(self, offset: int) -> None:
        """Bring ``offset`` to about a third of the way down the view, unless it is already well in view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset))
        rect = self.cursorRect(cursor)
        height = self.viewport().height()
        if height * 0.1 <= rect.top() <= height * 0.75:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - height // 3)

    def flash(self, start: int, end: int) -> None:
        """Flash ``[start, end)`` for a moment (a note's text); a marked event's clause stays marked."""
        self._flash_floor = 0.0
        self._start_flash([(start, end)])

    def _start_flash(self, ranges: list[tuple[int, int]]) -> None:
        self._flash_ranges = list(ranges)
        self._flash.stop()
        self._flash.start()
        self._on_flash_step(1.0)  # visible now, not at the animation's first tick

    @Slot(object)
    def _on_flash_step(self, value: float) -> None:
        strength = max(float(value), self._flash_floor)
        if strength <= 0.01 or not self._flash_ranges:
            self._flash_layer = []
        else:
            palette = self.palette()
            base, tint = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
            self._flash_layer = []
            for n, (start, end) in enumerate(self._flash_ranges):
                fmt = QTextCharFormat()
                fmt.setBackground(blend(base, tint, 0.55 * strength * (1 if n == 0 else SOURCE_SHARE)))
                if self._flash_floor:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if n else QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(tint)
                fmt.setProperty(LAYER_PROPERTY, "flash" if value > self._flash_floor else "mark")
                self._flash_layer.append(self._selection(start, end, fmt))
        self._refresh_selections()

    def flash_active(self) -> bool:
        return bool(self._flash_layer)

    # ------------------------------------------------------------------ find in text

    def find_text(self, needle: str, backward: bool = False) -> tuple[int, int]:
        """Select the next match of ``needle`` (wrapping); returns (match number, total), (0, 0) if none."""
        self._find_layer = []
        if not needle:
            self._refresh_selections()
            return 0, 0
        doc = self.document()
        fmt = QTextCharFormat()
        palette = self.palette()
        fmt.setBackground(blend(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.3))
        fmt.setProperty(LAYER_PROPERTY, "find")
        matches: list[QTextCursor] = []
        cursor = QTextCursor(doc)
        while len(matches) < 5000:
            cursor = doc.find(needle, cursor)
            if cursor.isNull():
                break
            matches.append(QTextCursor(cursor))
        for match in matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = match, fmt
            self._find_layer.append(selection)
        self._refresh_selections()
        if not matches:
            return 0, 0
        here = self.textCursor()
        if backward:
            before = [i for i, m in enumerate(matches) if m.selectionEnd() <= here.selectionStart()]
            index = before[-1] if before else len(matches) - 1
        else:
            after = [i for i, m in enumerate(matches) if m.selectionStart() >= here.selectionEnd()]
            if here.hasSelection() and here.selectedText().casefold() != needle.casefold():
                after = [i for i, m in enumerate(matches) if m.selectionStart() >= here.selectionStart()]
            index = after[0] if after else 0
        self.setTextCursor(matches[index])
        self.ensureCursorVisible()
        return index + 1, len(matches)

    def clear_find(self) -> None:
        self._find_layer = []
        self._refresh_selections()

    # ------------------------------------------------------------------ zoom

    def zoom_by(self, steps: int) -> None:
        self._zoom_steps = max(-6, min(14, self._zoom_steps + steps))
        self._apply_zoom()

    def reset_zoom(self) -> None:
        self._zoom_steps = 0
        self._apply_zoom()

    @property
    def zoom_steps(self) -> int:
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        self._zoom_steps = 0
        self.zoom_by(steps)

    def _apply_zoom(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._base_point_size * (1.1**self._zoom_steps)))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._update_reading_column()

    # ------------------------------------------------------------------ tooltips, links, painting

    def hits_at(self, offset: int) -> list[Hit]:
        return find_spans(self._hover_spans, offset)

    def offset_at(self, point: QPoint) -> int | None:
        """The ``Document.text`` offset of the character under ``point`` (viewport coordinates), if any.

        ``cursorForPosition`` snaps to the nearest caret position even far from any text, so the
        point is checked against the character's own box (between its caret and the next one).
        """
        position = self.cursorForPosition(point).position()
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1
        for candidate in (position - 1, position):
            if not 0 <= candidate < last:
                continue
            cursor.setPosition(candidate)
            left = self.cursorRect(cursor)
            cursor.setPosition(candidate + 1)
            right = self.cursorRect(cursor)
            same_line = abs(left.top() - right.top()) < 2
            if same_line and left.x() <= point.x() < right.x() and left.top() - 2 <= point.y() <= left.bottom() + 8:
                return self.offsets.to_py(candidate)
        return None

    def tooltip_at(self, point: QPoint) -> str:
        offset = self.offset_at(point)
        if offset is None:
            return ""
        return tooltip_html(self.hits_at(offset), self.analysis)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast(QHelpEvent, event)
            text = self.tooltip_at(help_event.pos())
            href = self.anchorAt(help_event.pos())
            if href:
                link = f"Opens in your browser when clicked: {html.escape(href)}"
                text = f"{text}<hr>{link}" if text else link
            if text:
                QToolTip.showText(help_event.globalPos(), text, self.viewport(), QRect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._pending_text_paint:
            self._pending_text_paint = False
            self.text_painted.emit()
        if self._pending_highlight_paint:
            self._pending_highlight_paint = False
            self.highlights_painted.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_reading_column()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh_colours()

    def _colour_key(self) -> tuple[int, ...]:
        palette = self.palette()
        roles = (QPalette.ColorRole.Base, QPalette.ColorRole.Text, QPalette.ColorRole.Link, QPalette.ColorRole.AlternateBase)
        return tuple(palette.color(role).rgba() for role in roles)

    def refresh_colours(self) -> None:
        """The system switched between light and dark: rebuild formats and highlights, keep the place."""
        key = self._colour_key()
        if key == self._built_colours or self.briefing is None:
            return
        self._built_colours = key
        scroll = self.verticalScrollBar().value()
        caret = self.textCursor().position()
        self.setDocument(build_text_document(self.briefing, self.offsets, self.font(), self.palette(), parent=self))
        self._update_reading_column()
        self._find_layer, self._flash_layer = [], []
        self._outside_layers = {}
        if self._flash_floor and self._flash_ranges:
            self._on_flash_step(0.0)  # the marked event stays marked in the new colours
        if self._building and self.analysis is not None:
            self.set_analysis(self.analysis)  # restart: the half-built highlights point into the old text
        else:
            self._rebuild_type_layers()
            self.select_actor(self._selected_actor, move=False)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(caret, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(scroll)
        self.text_rebuilt.emit()

    def _update_reading_column(self) -> None:
        """Centre a column of comfortable width instead of lines as long as the window."""
        doc = self.document()
        width = self.viewport().width()
        column = self.fontMetrics().averageCharWidth() * READING_COLUMN_CHARS
        side = max(16.0, (width - column) / 2)
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) < 1:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(20)
        fmt.setBottomMargin(40)
        frame.setFrameFormat(fmt)

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        """Links open in the system browser, and only when clicked; other schemes are ignored."""
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)

    def loadResource(self, type_: int, name: QUrl | str) -> object:
        """Never fetch anything: the text is built from Document.text, and nothing remote is loaded."""
        return None
