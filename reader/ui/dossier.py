"""An actor's dossier: every briefing naming it, its storyline items in time, its co-actors, its notes,
what is new since the reader last read it, and the two pictures (reader/ui/dossier_pictures.py).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.colours import category_colour
from reader.ui.dossier_pictures import NetworkView, TimeAxisView

OpenRole = Qt.ItemDataRole.UserRole + 70  # (briefing id, offset)
ActorNameRole = Qt.ItemDataRole.UserRole + 71


class DossierView(QWidget):
    open_requested = Signal(str, int)
    dossier_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = ""
        self.heading = QLabel("Choose an actor and press Dossier (or Ctrl+Shift+D on an actor of the briefing).")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.items = QTreeWidget(self)
        self.items.setHeaderLabels(["Date", "Act", "Briefings"])
        self.items.setRootIsDecorated(False)
        self.items.setAccessibleName("The actor's acts in time")
        self.items.header().resizeSection(0, 96)
        self.items.header().resizeSection(1, 380)
        self.briefings = QTreeWidget(self)
        self.briefings.setHeaderLabels(["Published", "Briefing"])
        self.briefings.setRootIsDecorated(False)
        self.briefings.setAccessibleName("Briefings naming the actor")
        self.co_actors = QTreeWidget(self)
        self.co_actors.setHeaderLabels(["With", "Acts"])
        self.co_actors.setRootIsDecorated(False)
        self.co_actors.setAccessibleName("Co-actors")
        self.co_actors.header().resizeSection(0, 200)
        self.notes = QTreeWidget(self)
        self.notes.setHeaderLabels(["Note", "On"])
        self.notes.setRootIsDecorated(False)
        self.notes.setAccessibleName("Notes on the actor and its acts")
        self.notes.header().resizeSection(0, 300)
        lists = QTabWidget(self)
        lists.addTab(self.items, "In time")
        lists.addTab(self.briefings, "Briefings")
        lists.addTab(self.co_actors, "Co-actors")
        lists.addTab(self.notes, "Notes")
        self.lists = lists
        self.timeline = TimeAxisView(self)
        self.timeline.setAccessibleName("The actor's acts on a time axis, coloured by category")
        self.network = NetworkView(self)
        self.network.setAccessibleName("Who acts on whom")
        pictures = QSplitter(Qt.Orientation.Vertical, self)
        pictures.addWidget(self.timeline)
        pictures.addWidget(self.network)
        pictures.setSizes([160, 300])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(lists)
        split.addWidget(pictures)
        split.setSizes([460, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        for tree in (self.items, self.briefings, self.notes):
            tree.itemActivated.connect(self._open)
            tree.itemDoubleClicked.connect(self._open)
        self.co_actors.itemActivated.connect(self._other)
        self.co_actors.itemDoubleClicked.connect(self._other)
        for picture in (self.timeline, self.network):
            picture.source_clicked.connect(self.open_requested)
        self.network.actor_clicked.connect(lambda name: self.dossier_requested.emit(name) if name != self.name else None)

    def set_dossier(self, dossier, titles: dict[str, str]) -> None:
        self.name = dossier.name
        new_items, new_briefings = set(dossier.new_items), set(dossier.new_briefings)
        since = dossier.seen_at[:16].replace("T", " ") if dossier.seen_at else None
        news = (
            f"<b>{len(new_items)}</b> new act{'s' * (len(new_items) != 1)} and <b>{len(new_briefings)}</b> new "
            f"briefing{'s' * (len(new_briefings) != 1)} since you last read it ({html.escape(since)})"
            if since
            else "first time read"
        )
        self.heading.setText(
            f"<big><b>{html.escape(dossier.name)}</b></big> — {len(dossier.briefings)} briefings, "
            f"{len(dossier.items)} acts, {len(dossier.co_actors)} co-actors, {len(dossier.notes)} notes · {news}"
        )
        bold = QFont(self.font())
        bold.setBold(True)
        self.items.clear()
        rows = []
        for item in dossier.items:
            row = QTreeWidgetItem([item.date or "undated", item.summary, str(len(item.briefings))])
            row.setForeground(0, QBrush(QColor(category_colour(item.category)).darker(120)))
            row.setData(0, OpenRole, (item.sources[0].briefing_id, item.sources[0].start))
            tip = item.summary + "".join(f"\nDisagree on {c.field}" for c in item.conflicts)
            row.setToolTip(1, tip)
            if item.id in new_items and since:
                row.setFont(1, bold)
            rows.append(row)
        self.items.addTopLevelItems(rows)
        self.briefings.clear()
        brows = []
        for b in dossier.briefings:
            row = QTreeWidgetItem([b.published.isoformat() if b.published else "", b.title])
            row.setData(0, OpenRole, (b.id, 0))
            if b.id in new_briefings and since:
                row.setFont(1, bold)
            brows.append(row)
        self.briefings.addTopLevelItems(brows)
        self.co_actors.clear()
        self.co_actors.addTopLevelItems([self._co_row(name, count) for name, count in dossier.co_actors])
        self.notes.clear()
        nrows = []
        for note in dossier.notes:
            on = f"the actor {note.actor_name}" if note.actor_name else titles.get(note.briefing_id or "", "")
            row = QTreeWidgetItem([" ".join(note.body.split())[:120], on])
            if note.briefing_id and note.anchor is not None:
                row.setData(0, OpenRole, (note.briefing_id, note.anchor.start))
            nrows.append(row)
        self.notes.addTopLevelItems(nrows)
        self.timeline.set_items(dossier.items)
        sources = {i.id: (i.sources[0].briefing_id, i.sources[0].start) for i in dossier.items}
        self.network.set_network(dossier.name, dossier.edges, sources)

    def _co_row(self, name: str, count: int) -> QTreeWidgetItem:
        row = QTreeWidgetItem([name, str(count)])
        row.setData(0, ActorNameRole, name)
        row.setToolTip(0, f"Open the dossier of {name}")
        return row

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        target = row.data(0, OpenRole)
        if target:
            self.open_requested.emit(target[0], int(target[1]))

    def _other(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        name = row.data(0, ActorNameRole)
        if name:
            self.dossier_requested.emit(name)
