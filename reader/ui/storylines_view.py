"""The Storylines dock: acts reported by several briefings (with what they disagree on and why they
were joined), what was announced, and an actor's dossier. Like the library view, it only asks
(signals) and shows (setters); reader/ui/storylines_controller.py runs the library calls.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.colours import BEYOND_CAMEO, category_colour
from reader.ui.dossier import DossierView

ItemRole = Qt.ItemDataRole.UserRole + 60  # an item's id (top-level rows)
SourceRole = Qt.ItemDataRole.UserRole + 61  # (briefing id, event id, start) of a source row
STATUS_COLOURS = {"upcoming": "#0ea5e9", "happened": "#16a34a", "overdue": "#dc2626"}
CATEGORIES = [("", "Every category")] + [(f"{i:02d}", f"{i:02d}") for i in range(1, 21)] + [(c, c) for c in BEYOND_CAMEO] + [("ACT", "ACT")]


class StorylinesView(QWidget):
    """Storylines, Upcoming and Dossier, in tabs."""

    refresh_requested = Signal()  # the filters changed
    upcoming_requested = Signal()
    dossier_requested = Signal(str)  # actor name
    open_requested = Signal(str, int)  # briefing id, offset
    split_requested = Signal(str, list)  # item id, [(briefing id, event id)]
    merge_requested = Signal(list)  # item ids
    undo_requested = Signal()

    STORYLINES_TAB, UPCOMING_TAB, DOSSIER_TAB = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = QLineEdit(self)
        self.actor.setPlaceholderText("Actor (any name or alias)")
        self.actor.setClearButtonEnabled(True)
        self.category = QComboBox(self)
        for code, label in CATEGORIES:
            self.category.addItem(label, code)
        self.since, self.until = QDateEdit(self), QDateEdit(self)
        for edit, day in ((self.since, QDate(1900, 1, 1)), (self.until, QDate(2100, 12, 31))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(1900, 1, 1))
            edit.setSpecialValueText("any")
            edit.setDate(edit.minimumDate() if day.year() == 1900 else day)
        self.until.setDate(self.until.minimumDate())
        self.contradictions = QCheckBox("Contradictions only", self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Date", "Act", "Briefings", "Sources disagree on"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAccessibleName("Storylines across briefings")
        self.tree.setUniformRowHeights(True)
        for column, width in ((0, 124), (1, 420), (2, 70)):
            self.tree.header().resizeSection(column, width)
        self.detail = QTextBrowser(self)
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName("Why the sources were joined")
        self.split_button = QPushButton("Split off selected sources")
        self.merge_button = QPushButton("Merge selected items")
        self.undo_button = QPushButton("Undo last split or merge")
        self.dossier_button = QPushButton("Dossier")
        self.status = QLabel("")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        filters = QHBoxLayout()
        filters.addWidget(self.actor, 2)
        filters.addWidget(self.dossier_button)
        filters.addWidget(self.category)
        filters.addWidget(QLabel("from"))
        filters.addWidget(self.since)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.until)
        filters.addWidget(self.contradictions)
        buttons = QHBoxLayout()
        for button in (self.split_button, self.merge_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([700, 300])
        story_tab = QWidget(self)
        s_layout = QVBoxLayout(story_tab)
        s_layout.setContentsMargins(4, 4, 4, 4)
        s_layout.addLayout(filters)
        s_layout.addWidget(split, 1)
        s_layout.addLayout(buttons)

        self.upcoming = QTreeWidget(self)
        self.upcoming.setHeaderLabels(["Due", "Status", "Announced", "Announced in", "Reported in"])
        self.upcoming.setRootIsDecorated(False)
        self.upcoming.setUniformRowHeights(True)
        self.upcoming.setAccessibleName("Announced acts by due date")
        for column, width in ((0, 100), (1, 80), (2, 380), (3, 200)):
            self.upcoming.header().resizeSection(column, width)
        self.upcoming_status = QLabel("")
        self.upcoming_status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        upcoming_tab = QWidget(self)
        u_layout = QVBoxLayout(upcoming_tab)
        u_layout.setContentsMargins(4, 4, 4, 4)
        u_layout.addWidget(self.upcoming, 1)
        u_layout.addWidget(self.upcoming_status)

        self.dossier = DossierView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(story_tab, "Storylines")
        self.tabs.addTab(upcoming_tab, "Upcoming")
        self.tabs.addTab(self.dossier, "Dossier")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.actor.returnPressed.connect(self.refresh_requested)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh_requested.emit())
        self.since.dateChanged.connect(lambda _d: self.refresh_requested.emit())
        self.until.dateChanged.connect(lambda _d: self.refresh_requested.emit())
        self.contradictions.toggled.connect(lambda _c: self.refresh_requested.emit())
        self.dossier_button.clicked.connect(lambda: self.dossier_requested.emit(self.actor.text().strip()))
        self.tree.currentItemChanged.connect(lambda current, _old: self._show_detail(current))
        self.tree.itemActivated.connect(self._open_item)
        self.tree.itemDoubleClicked.connect(self._open_item)
        self.upcoming.itemActivated.connect(self._open_item)
        self.upcoming.itemDoubleClicked.connect(self._open_item)
        self.split_button.clicked.connect(self._split)
        self.merge_button.clicked.connect(self._merge)
        self.undo_button.clicked.connect(self.undo_requested)
        self.tabs.currentChanged.connect(lambda i: self.upcoming_requested.emit() if i == self.UPCOMING_TAB else None)
        self.dossier.open_requested.connect(self.open_requested)
        self.dossier.dossier_requested.connect(self.dossier_requested)
        self._items: dict[str, object] = {}

    # ------------------------------------------------------------------ filters

    def filters(self) -> dict:
        since = self.since.date() if self.since.date() != self.since.minimumDate() else None
        until = self.until.date() if self.until.date() != self.until.minimumDate() else None
        return {
            "actor": self.actor.text().strip() or None,
            "category": self.category.currentData() or None,
            "since": dt.date(since.year(), since.month(), since.day()) if since else None,
            "until": dt.date(until.year(), until.month(), until.day()) if until else None,
            "contradictions": self.contradictions.isChecked(),
        }

    # ------------------------------------------------------------------ storylines

    def set_items(self, items: list, titles: dict[str, str]) -> None:
        self.tabs.setCurrentIndex(self.STORYLINES_TAB)
        self.tree.clear()
        self._items = {i.id: i for i in items}
        self._titles = titles
        rows = []
        for item in items:
            fields = ", ".join(c.field for c in item.conflicts)
            row = QTreeWidgetItem([item.date or "undated", item.summary, str(len(item.briefings)), fields])
            row.setData(0, ItemRole, item.id)
            chip = QColor(category_colour(item.category))
            row.setForeground(0, QBrush(chip.darker(120)))
            row.setToolTip(1, f"{item.category}: {item.summary}")
            if item.conflicts:
                row.setForeground(3, QBrush(QColor("#dc2626")))
            for source in item.sources:
                child = QTreeWidgetItem(
                    [source.date or "", " ".join(source.text.split()), source.modality, titles.get(source.briefing_id, "")]
                )
                child.setData(0, SourceRole, (source.briefing_id, source.event_id, source.start))
                child.setToolTip(1, f"{titles.get(source.briefing_id, '')}\n{source.text}")
                if source.modality in ("negated", "hypothetical"):
                    child.setForeground(1, QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)))
                row.addChild(child)
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        if rows:
            rows[0].setExpanded(True)
            self.tree.setCurrentItem(rows[0])
        what = "contradicting " if self.contradictions.isChecked() else ""
        self.status.setText(f"{len(items)} {what}act{'s' * (len(items) != 1)} reported by two briefings or more")

    def _item_of(self, row: QTreeWidgetItem | None):
        while row is not None and row.parent() is not None:
            row = row.parent()
        return self._items.get(row.data(0, ItemRole)) if row is not None else None

    def _show_detail(self, row: QTreeWidgetItem | None) -> None:
        item = self._item_of(row)
        if item is None:
            self.detail.setHtml("")
            return
        parts = [f"<p><b>{html.escape(item.summary)}</b><br><small>{html.escape(item.category)} · "
                 f"{html.escape(item.date or 'undated')} · {len(item.briefings)} briefings</small></p>"]
        if item.conflicts:
            parts.append("<p><b>The sources disagree</b></p><table cellspacing=4>")
            for conflict in item.conflicts:
                values = "".join(
                    f"<td>{html.escape(v.value)}<br><small>{html.escape(self._titles.get(v.briefing_id, v.briefing_id[:8]))}</small></td>"
                    for v in conflict.values
                )
                parts.append(f"<tr><td><b>{html.escape(conflict.field)}</b></td>{values}</tr>")
            parts.append("</table>")
        reasons = [(s, s.why) for s in item.sources if s.why]
        if reasons:
            parts.append("<p><b>Why these are one act</b></p><ul>")
            for source, why in reasons:
                title = html.escape(self._titles.get(source.briefing_id, source.briefing_id[:8]))
                parts.append(f"<li>{title}: " + "; ".join(html.escape(r) for r in why.get("reasons", [])) + "</li>")
            parts.append("</ul>")
        self.detail.setHtml("".join(parts))

    def _open_item(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        source = row.data(0, SourceRole)
        if source:
            self.open_requested.emit(source[0], int(source[2]))
            return
        item = self._item_of(row)
        if item is not None and item.sources:
            self.open_requested.emit(item.sources[0].briefing_id, item.sources[0].start)

    def _split(self) -> None:
        rows = [r for r in self.tree.selectedItems() if r.data(0, SourceRole)]
        items = {self._item_of(r).id for r in rows if self._item_of(r) is not None}
        if len(items) != 1:
            self.status.setText("Select the sources to split off, all of one item")
            return
        self.split_requested.emit(items.pop(), [tuple(r.data(0, SourceRole)[:2]) for r in rows])

    def _merge(self) -> None:
        ids = list(dict.fromkeys(self._item_of(r).id for r in self.tree.selectedItems() if self._item_of(r) is not None))
        if len(ids) < 2:
            self.status.setText("Select two items or more to merge")
            return
        self.merge_requested.emit(ids)

    # ------------------------------------------------------------------ upcoming

    def set_upcoming(self, announcements: list, titles: dict[str, str], as_of: dt.date) -> None:
        self.upcoming.clear()
        rows = []
        for a in announcements:
            row = QTreeWidgetItem(
                [
                    a.due.isoformat() if a.due else "no date",
                    a.status,
                    a.summary,
                    titles.get(a.source.briefing_id, ""),
                    titles.get(a.happened_in.briefing_id, "") if a.happened_in else "",
                ]
            )
            row.setForeground(1, QBrush(QColor(STATUS_COLOURS.get(a.status, "#64748b"))))
            target = a.happened_in if a.happened_in is not None else a.source
            row.setData(0, SourceRole, (target.briefing_id, target.event_id, target.start))
            row.setToolTip(2, a.source.text)
            rows.append(row)
        self.upcoming.addTopLevelItems(rows)
        counts = {s: sum(a.status == s for a in announcements) for s in ("upcoming", "overdue", "happened")}
        self.upcoming_status.setText(
            f"As of {as_of.isoformat()}: {counts['upcoming']} upcoming, {counts['overdue']} overdue, {counts['happened']} happened"
        )

    def show_dossier(self, dossier, titles: dict[str, str]) -> None:
        self.tabs.setCurrentIndex(self.DOSSIER_TAB)
        if self.actor.text().strip() != dossier.name:
            self.actor.blockSignals(True)
            self.actor.setText(dossier.name)
            self.actor.blockSignals(False)
        self.dossier.set_dossier(dossier, titles)
