"""The window's side panels: the actors tree on the left, the events timeline on the right."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import Actor, Analysis
from reader.ui.delegates import EventDelegate
from reader.ui.models import ActorTreeModel, EventFilterProxy, EventListModel


class ActorsPanel(QWidget):
    """Actors by type, with their mention counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActorTreeModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column: sizing it to its contents asks every row for its data on each reset.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("99999") + 12)
        self.view.setAccessibleName("Actors")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 0, 6)
        layout.addWidget(QLabel("<b>Actors</b>"))
        layout.addWidget(self.view, 1)
        self.hint = QLabel("Select an actor to mark its mentions (F3 / Shift+F3 to step).")
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.hint)


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
        self.view.setItemDelegate(EventDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # long timelines lay out in slices
        self.view.setBatchSize(60)
        self.view.setAccessibleName("Events timeline")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter events…")
        self.filter.setClearButtonEnabled(True)
        self.order = QComboBox(self)
        self.order.addItems(["By date", "As in the text"])
        self.order.setToolTip("Order of the timeline")
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 6, 6)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel("<b>Events</b>"), 1)
        title_row.addWidget(self.order)
        layout.addLayout(title_row)
        layout.addWidget(self.filter)
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

    def update_empty(self, analysis: Analysis | None, has_document: bool) -> None:
        """The line shown instead of an empty list: why it is empty."""
        if analysis is None:
            text = "Events appear here when the analysis is done." if has_document else ""
        elif not analysis.events:
            text = "No events were found in this briefing."
        elif self.proxy.rowCount() == 0:
            text = "No event matches the filter."
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
