"""The window's side panels: the actors tree on the left, the events timeline on the right.

Each says how wide it wants to be for what it shows (`preferred_width`): the actors panel for
its longest name, the timeline for its summaries on two lines. reader/ui/layout.py gives them
that width when the window has room; a name or summary that does not fit wraps, never elides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import MODALITIES, Actor, Analysis
from reader.ui.colours import category_chip
from reader.ui.delegates import CHIP_GAP, PAD, ActorDelegate, EventDelegate, sources_label
from reader.ui.models import ActorTreeModel, DateTextRole, EventFilterProxy, EventListModel, EventRole

MODALITY_CHIPS = {
    "asserted": ("Asserted", "Events the text states as fact"),
    "reported": ("Reported", "Events the text reports someone saying (according to, said, reportedly)"),
    "hypothetical": ("Hypothetical", "Events that may or may not happen (may, plans, if, expected to)"),
    "negated": ("Negated", "Events the text says did not happen"),
}


class ModalityChips(QWidget):
    """A chip per modality present in the briefing, with its count; unchecking one hides those events."""

    changed = Signal(frozenset)  # the modalities shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        self.chips: dict[str, QToolButton] = {}
        for key in MODALITIES:
            label, tip = MODALITY_CHIPS[key]
            chip = QToolButton(self)
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.setAutoRaise(False)
            chip.setToolTip(f"{tip}. Click to hide or show them.")
            chip.setAccessibleName(f"Show {label.lower()} events")
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.toggled.connect(self._emit)
            chip.hide()
            row.addWidget(chip)
            self.chips[key] = chip
        row.addStretch(1)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Label the chips with this briefing's counts; a modality it has none of gets no chip. All are shown again."""
        for key, chip in self.chips.items():
            count = counts.get(key, 0)
            chip.blockSignals(True)
            chip.setChecked(True)
            chip.blockSignals(False)
            chip.setText(f"{MODALITY_CHIPS[key][0]} {count}")
            chip.setVisible(count > 0)
        self._emit()

    def shown(self) -> frozenset[str]:
        return frozenset(key for key, chip in self.chips.items() if chip.isChecked())

    def _emit(self, *_args) -> None:
        self.changed.emit(self.shown())


class ActorsPanel(QWidget):
    """Actors by type, with their mention counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActorTreeModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(ActorDelegate(self.view))
        self.view.setUniformRowHeights(False)  # a long name wraps to a second line
        self.view.setAlternatingRowColors(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column: sizing it to its contents asks every row for its data on each reset.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("99999") + 12)
        self.view.setAccessibleName("Actors")
        self.view.setAccessibleDescription("Actors found in the briefing, by type; select one to mark its mentions")
        header.sectionResized.connect(self._on_column_resized)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 0, 6)
        title = QLabel("<b>&Actors</b>")
        title.setBuddy(self.view)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        self.hint = QLabel("Select an actor to mark its mentions (F3 / Shift+F3 to step).")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.hint)
        self._wrap_width = -1

    def _on_column_resized(self, column: int, _old: int, new: int) -> None:
        """Names wrap to the column: when it changes width, rows are measured again."""
        if column == 0 and new != self._wrap_width:
            self._wrap_width = new
            self.view.doItemsLayout()

    def preferred_width(self) -> int:
        """Wide enough for every actor's name on one line, its count, and the tree around them."""
        view = self.view
        fm = view.fontMetrics()
        style = view.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        widest = 0
        for group in range(self.model.rowCount()):
            group_index = self.model.index(group, 0)
            label = str(group_index.data() or "")
            widest = max(widest, fm.horizontalAdvance(label) + view.iconSize().width() + 16 + view.indentation())
            for row in range(self.model.rowCount(group_index)):
                name = str(self.model.index(row, 0, group_index).data() or "")
                widest = max(widest, fm.horizontalAdvance(name) + 2 * view.indentation())
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        margins = self.column.contentsMargins()
        chrome = 2 * view.frameWidth() + scroll + margins.left() + margins.right()
        return widest + margin + view.header().sectionSize(1) + chrome + 4


class EventsPanel(QWidget):
    """The events timeline: by date or in text order, filtered by words and by the selected actor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EventListModel(self)
        self.proxy = EventFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.delegate = EventDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # summaries wrap again when the width changes
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # long timelines lay out in slices
        self.view.setBatchSize(60)
        self.view.setAccessibleName("Events timeline")
        self.view.setAccessibleDescription("Events by date, undated ones under their paragraph; Enter shows the clause")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter events…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter events")
        self.order = QComboBox(self)
        self.order.addItems(["By date", "As in the text"])
        self.order.setToolTip("Order of the timeline")
        self.order.setAccessibleName("Order of the timeline")
        self.modality_chips = ModalityChips(self)
        self.modality_chips.changed.connect(self.proxy.set_modalities)
        self.actor_filter_label = QLabel("")
        self.actor_filter_label.setWordWrap(True)
        self.actor_filter_clear = QToolButton(self)
        self.actor_filter_clear.setText("Show all")
        self.actor_filter_clear.setAutoRaise(True)
        actor_filter_row = QHBoxLayout()
        actor_filter_row.addWidget(self.actor_filter_label, 1)
        actor_filter_row.addWidget(self.actor_filter_clear)
        self.actor_filter_label.hide()
        self.actor_filter_clear.hide()
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 6, 6)
        title_row = QHBoxLayout()
        title = QLabel("<b>&Events</b>")
        title.setBuddy(self.view)
        title_row.addWidget(title, 1)
        title_row.addWidget(self.order)
        layout.addLayout(title_row)
        layout.addWidget(self.filter)
        layout.addWidget(self.modality_chips)
        layout.addLayout(actor_filter_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self.order.currentIndexChanged.connect(lambda i: self.proxy.set_chronological(i == 0))

    def set_actor(self, actor: Actor | None) -> None:
        """Show only the events of `actor` (all when None), and say so above the list."""
        self.proxy.set_actor_filter(actor.id if actor else None)
        if actor is None:
            self.actor_filter_label.hide()
            self.actor_filter_clear.hide()
        else:
            self.actor_filter_label.setText(f"Events with <b>{actor.name}</b>")
            self.actor_filter_label.show()
            self.actor_filter_clear.show()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.model.set_analysis(analysis)
        self.modality_chips.set_counts(self.model.modality_counts())

    def preferred_width(self) -> int:
        """Wide enough for the date line of every event and most summaries on two lines."""
        view = self.view
        base, bold, small = EventDelegate.fonts(view.font())
        fm_small, fm_bold = QFontMetrics(small), QFontMetrics(bold)
        first_line, two_lines = [], []
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            event = index.data(EventRole)
            date = index.data(DateTextRole) or "undated"
            first_line.append(
                fm_small.horizontalAdvance(category_chip(event.category)) + 10 + CHIP_GAP + fm_bold.horizontalAdvance(date)
                + CHIP_GAP + fm_small.horizontalAdvance(sources_label(event) + " · Consult")
            )
            summary = " ".join((event.summary or event.text).split())
            # Half the line, and room for the word that does not fit at the break.
            two_lines.append(QFontMetrics(EventDelegate.summary_font(event, base)).horizontalAdvance(summary) * 0.55 + 24)
        if not first_line:
            return 0
        two_lines.sort()
        summaries = two_lines[int(len(two_lines) * 0.85)] if len(two_lines) > 1 else two_lines[0]
        style = view.style()
        scroll = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        margins = self.column.contentsMargins()
        chrome = 2 * view.frameWidth() + scroll + margins.left() + margins.right() + 2 * PAD
        return int(max(max(first_line), summaries)) + chrome

    def update_empty(self, analysis: Analysis | None, has_document: bool) -> None:
        """The line shown instead of an empty list: why it is empty."""
        if analysis is None:
            text = "Events appear here when the analysis is done." if has_document else ""
        elif not analysis.events:
            text = "No events were found in this briefing."
        elif self.proxy.rowCount() == 0:
            text = "No event matches the filters."
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
