"""Item models for the side panels: actors grouped by type, and the events timeline."""

from __future__ import annotations

import bisect

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.model import ACTOR_TYPES, MODALITIES, Actor, Analysis, Document, Event
from reader.report import plural, shown_aliases
from reader.ui.colours import swatch_colour, type_style
from reader.ui.date_words import describe_short, describe_value

ActorRole = Qt.ItemDataRole.UserRole + 1
TypeRole = Qt.ItemDataRole.UserRole + 2
EventRole = Qt.ItemDataRole.UserRole + 10
DateTextRole = Qt.ItemDataRole.UserRole + 11
DateSortRole = Qt.ItemDataRole.UserRole + 12
PositionRole = Qt.ItemDataRole.UserRole + 13
SearchTextRole = Qt.ItemDataRole.UserRole + 14
ActorIdsRole = Qt.ItemDataRole.UserRole + 15
ModalityRole = Qt.ItemDataRole.UserRole + 16
TierRole = Qt.ItemDataRole.UserRole + 17  # DATED, YEAR_UNKNOWN or UNDATED
ParagraphRole = Qt.ItemDataRole.UserRole + 18  # the event's paragraph, counted from 1
ParagraphTextRole = Qt.ItemDataRole.UserRole + 19  # the first words of that paragraph

#: The timeline's three parts, in order: dated events by date, those whose year is unknown by
#: month and day, then the undated ones in text order, under their paragraph.
DATED, YEAR_UNKNOWN, UNDATED = 0, 1, 2

_GROUP = 0  # internalId of top-level (type) rows; actor rows store their group's row + 1

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid "root" index, shared as a default argument


def _palette() -> QPalette:
    app = QApplication.instance()
    return app.palette() if isinstance(app, QApplication) else QPalette()


class ActorTreeModel(QAbstractItemModel):
    """Two levels: one row per actor type ("People (4)"), its actors beneath, most mentioned first."""

    HEADERS = ("Actor", "#")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[Actor]]] = []

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        groups: dict[str, list[Actor]] = {}
        for actor in analysis.actors if analysis else []:
            groups.setdefault(actor.type, []).append(actor)
        order = {t: i for i, t in enumerate(ACTOR_TYPES)}
        self._groups = [
            (key, sorted(actors, key=lambda a: (-len(a.mentions), a.name.casefold())))
            for key, actors in sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        ]
        self.endResetModel()

    def actor_index(self, actor_id: str) -> QModelIndex:
        for g, (_key, actors) in enumerate(self._groups):
            for r, actor in enumerate(actors):
                if actor.id == actor_id:
                    return self.createIndex(r, 0, g + 1)
        return QModelIndex()

    def group_keys(self) -> list[str]:
        return [key for key, _ in self._groups]

    # Qt model interface

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return ("Actors found in the briefing, by type", "Mentions in the text")[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            key, actors = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == 0:
                    return type_style(key).label
                return str(sum(len(a.mentions) for a in actors))
            if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
                return swatch_colour(key, _palette())
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{len(actors)} {type_style(key).label.lower()} ({key})"
            if role == TypeRole:
                return key
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        key, actors = self._groups[index.internalId() - 1]
        actor = actors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return actor.name if index.column() == 0 else str(len(actor.mentions))
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = shown_aliases(actor)  # what the article highlights, as the CLI's report says
            tip = f"{actor.name} — {type_style(key).singular}, {plural(len(actor.mentions), 'mention')}"
            if aliases:
                tip += "\nAlso called: " + ", ".join(aliases)
            if actor.roles:
                tip += "\nRoles: " + ", ".join(actor.roles)
            if actor.description:
                tip += f"\n{actor.description[:1].upper()}{actor.description[1:]} (Phoenix dictionary)"
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ActorRole:
            return actor
        if role == TypeRole:
            return key
        return None


def event_date_key(value: str | None) -> str:
    """Sort key: resolved ISO-like values sort as text; anything unresolved sorts after them."""
    if value and value[:1].isdigit():
        return value
    return "~"


def date_tier(value: str | None) -> int:
    """DATED ("2025-05-15", "2022-03"), YEAR_UNKNOWN ("XXXX-05-15") or UNDATED (none, "PAST_REF"...)."""
    if value and value[:1].isdigit():
        return DATED
    if value and value.startswith("XXXX-") and value[5:6].isdigit():
        return YEAR_UNKNOWN
    return UNDATED


def event_sort_key(event: Event) -> str:
    """Dated events by date, then those without a year by month and day, then the rest in text order."""
    tier = date_tier(event.date)
    if tier == DATED:
        return f"{DATED}|{event.date}|{event.start:09d}"
    if tier == YEAR_UNKNOWN:
        return f"{YEAR_UNKNOWN}|{event.date[5:] if event.date else ''}|{event.start:09d}"
    return f"{UNDATED}|{event.start:09d}"


def paragraph_spans(document: Document) -> list[tuple[int, int]]:
    """The briefing's paragraphs (headings and list items count), in text order: its blocks, else its lines."""
    spans = sorted((b.start, b.end) for b in document.blocks if b.kind != "page" and b.end > b.start)
    if spans:
        return spans
    out, start = [], 0
    for line in document.text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def first_words(text: str, limit: int = 48) -> str:
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return words[:limit].rsplit(" ", 1)[0] + "…"


class EventListModel(QAbstractListModel):
    """One row per event, as found; the proxy orders and filters them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._names: dict[str, str] = {}
        self._dates: list[str] = []
        self._sort_keys: list[str] = []
        self._actor_ids: list[set[str]] = []
        self._search: list[str] = []
        self._tiers: list[int] = []
        self._paragraphs: list[int] = []
        self._paragraph_words: dict[int, str] = {}

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._events = list(analysis.events) if analysis else []
        self._names = {a.id: a.name for a in analysis.actors} if analysis else {}
        # Sorting and filtering ask for these again and again: compute them once per analysis.
        self._dates = [describe_short(e.date) for e in self._events]
        self._sort_keys = [event_sort_key(e) for e in self._events]
        self._tiers = [date_tier(e.date) for e in self._events]
        self._actor_ids = [set(e.actors) | set(e.agents) | set(e.targets) for e in self._events]
        self._search = [self._search_text(e) for e in self._events]
        self._paragraphs, self._paragraph_words = [], {}
        if analysis is not None:
            spans = paragraph_spans(analysis.document)
            starts = [start for start, _end in spans]
            for event in self._events:
                number = max(1, bisect.bisect_right(starts, event.start))
                self._paragraphs.append(number)
                if number not in self._paragraph_words and spans:
                    start, end = spans[number - 1]
                    self._paragraph_words[number] = first_words(analysis.document.text[start:end])
        self.endResetModel()

    def modality_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(MODALITIES, 0)
        for event in self._events:
            counts[event.modality] = counts.get(event.modality, 0) + 1
        return counts

    def _search_text(self, event: Event) -> str:
        names = " ".join(self._names.get(i, "") for i in (*event.actors, *event.agents, *event.targets))
        return " ".join(
            filter(None, (event.summary, event.text, event.category_label, event.attribution, event.trigger, names))
        ).casefold()

    def event_at(self, row: int) -> Event:
        return self._events[row]

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        row = index.row()
        event = self._events[row]
        if role == EventRole:
            return event
        if role == DateSortRole:
            return self._sort_keys[row]
        if role == PositionRole:
            return event.start
        if role == DateTextRole:
            return self._dates[row]
        if role == ActorIdsRole:
            return self._actor_ids[row]
        if role == ModalityRole:
            return event.modality
        if role == TierRole:
            return self._tiers[row]
        if role == ParagraphRole:
            return self._paragraphs[row]
        if role == ParagraphTextRole:
            return self._paragraph_words.get(self._paragraphs[row], "")
        if role == SearchTextRole:
            return self._search[row]
        if role == Qt.ItemDataRole.DisplayRole:
            date = self._dates[row]
            return f"{date}: {event.summary}" if date else event.summary
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [event.text.strip()]
            if event.date:
                lines.append(f"When: {describe_value(event.date)} ({event.date})")
            if event.place:
                lines.append(f"Where: {self._names.get(event.place, event.place)}")
            if event.category_label:
                lines.append(f"Category: {event.category} {event.category_label}")
            if event.sources:
                lines.append("Also reported in: " + " · ".join(f"“{first_words(s.text, 60)}”" for s in event.sources))
            return "\n".join(lines)
        return None


class EventFilterProxy(QSortFilterProxyModel):
    """Filters events by free text and by the actor selected in the actors panel; sorts by date or position."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._actor_id: str | None = None
        self._modalities: frozenset[str] = frozenset(MODALITIES)
        #: By date (dated, then year unknown, then undated under their paragraph) or as in the text.
        self.chronological = True
        self.setSortRole(DateSortRole)
        self.setDynamicSortFilter(True)

    def set_text_filter(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", text.strip().casefold()))

    def set_actor_filter(self, actor_id: str | None) -> None:
        self._refilter(lambda: setattr(self, "_actor_id", actor_id))

    def set_modalities(self, modalities: frozenset[str]) -> None:
        """Show only events of these modalities (asserted, reported, hypothetical, negated)."""
        self._refilter(lambda: setattr(self, "_modalities", frozenset(modalities)))

    @property
    def modalities(self) -> frozenset[str]:
        return self._modalities

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    @property
    def actor_filter(self) -> str | None:
        return self._actor_id

    def set_chronological(self, chronological: bool) -> None:
        self.chronological = chronological
        self.setSortRole(DateSortRole if chronological else PositionRole)
        self.sort(0)

    def group_header(self, row: int) -> str:
        """The heading drawn above `row`: "Undated · paragraph 3 · “first words…”" at the first
        undated event of a paragraph (by date only), else ""."""
        if not self.chronological:
            return ""
        index = self.index(row, 0)
        if index.data(TierRole) != UNDATED:
            return ""
        paragraph = index.data(ParagraphRole)
        if row > 0:
            previous = self.index(row - 1, 0)
            if previous.data(TierRole) == UNDATED and previous.data(ParagraphRole) == paragraph:
                return ""
        words = index.data(ParagraphTextRole)
        return f"Undated · paragraph {paragraph}" + (f" · “{words}”" if words else "")

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._actor_id is not None and self._actor_id not in index.data(ActorIdsRole):
            return False
        if len(self._modalities) < len(MODALITIES) and index.data(ModalityRole) not in self._modalities:
            return False
        if self._needle:
            return all(word in index.data(SearchTextRole) for word in self._needle.split())
        return True
