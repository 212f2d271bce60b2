"""The dossier's two pictures, drawn with QGraphicsScene: the actor's acts on a time axis, coloured by
category, and who acts on whom, edges coloured by CAMEO quad class. Every mark is clickable: an act
opens its first source, an edge the act behind it, another actor that actor's dossier.
"""

from __future__ import annotations

import datetime as dt
import html
import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from reader.storylines.layout import spring_layout, ticks, time_positions
from reader.ui.colours import BEYOND_CAMEO, QUAD_CLASSES, category_class, category_colour

SourceRole = 0  # QGraphicsItem.data keys
ActorKey = 1

#: The legend of the network: the four quad classes and our categories' colour for "other acts".
EDGE_LEGEND = [(name, colour) for _codes, name, colour in QUAD_CLASSES] + [("other acts", "#94a3b8")]


def _palette(widget: QWidget) -> QPalette:
    return widget.palette()


class _Picture(QGraphicsView):
    """A scene that fits the view and reports clicks on its items."""

    source_clicked = Signal(str, int)  # briefing id, offset of the clause
    actor_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(160)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fitInView(self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and item.data(SourceRole) is None and item.data(ActorKey) is None:
            item = item.parentItem()
        if item is not None and item.data(SourceRole) is not None:
            briefing_id, start = item.data(SourceRole)
            self.source_clicked.emit(briefing_id, int(start))
            return
        if item is not None and item.data(ActorKey) is not None:
            self.actor_clicked.emit(item.data(ActorKey))
            return
        super().mousePressEvent(event)

    def _text(self, text: str, size: float = 9, bold: bool = False) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        font = QFont(self.font())
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.setBrush(_palette(self).color(QPalette.ColorRole.Text))
        return item

    def refit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10)
        self.scene().setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)


class TimeAxisView(_Picture):
    """The actor's storyline items on a time axis, one row per category, dots sized by their briefings."""

    WIDTH, ROW = 760.0, 26.0

    def set_items(self, items: list) -> None:
        scene = self.scene()
        scene.clear()
        days = [i.sources[0].interval[0] if i.sources and i.sources[0].interval else _published(i) for i in items]
        shares, first, last = time_positions(days)
        dated = [(item, share) for item, share in zip(items, shares, strict=True) if share is not None]
        if not dated or first is None or last is None:
            scene.addItem(self._text("No dated act of this actor in the library yet."))
            self.refit()
            return
        categories = sorted({item.category for item, _ in dated}, key=_category_order)
        rows = {c: i for i, c in enumerate(categories)}
        left = 150.0
        height = self.ROW * len(categories)
        muted = QPen(_palette(self).color(QPalette.ColorRole.Mid), 1)
        scene.addLine(left, height + 6, left + self.WIDTH, height + 6, muted)
        for tick in ticks(first, last):
            x = left + self.WIDTH * ((tick - first).days / max((last - first).days, 1))
            scene.addLine(x, height + 3, x, height + 10, muted)
            label = self._text(tick.strftime("%d %b %Y" if (last - first).days <= 62 else "%b %Y"), 8)
            label.setPos(x - label.boundingRect().width() / 2, height + 12)
            scene.addItem(label)
        for category, row in rows.items():
            y = row * self.ROW + self.ROW / 2
            scene.addLine(left, y, left + self.WIDTH, y, QPen(_palette(self).color(QPalette.ColorRole.Midlight), 1, Qt.PenStyle.DotLine))
            name = self._text(f"{category} · {_category_name(category)}"[:26], 8)
            name.setPos(4, y - name.boundingRect().height() / 2)
            scene.addItem(name)
        for item, share in dated:
            radius = 4.0 + min(6.0, 1.5 * (len(item.briefings) - 1))
            x = left + self.WIDTH * share
            y = rows[item.category] * self.ROW + self.ROW / 2
            dot = QGraphicsEllipseItem(x - radius, y - radius, 2 * radius, 2 * radius)
            colour = category_colour(item.category)
            dot.setBrush(QBrush(colour))
            pen = QPen(QColor("#111111") if item.conflicts else colour.darker(130), 2 if item.conflicts else 1)
            dot.setPen(pen)
            first_source = item.sources[0]
            dot.setData(SourceRole, (first_source.briefing_id, first_source.start))
            dot.setToolTip(_item_tip(item))
            dot.setCursor(Qt.CursorShape.PointingHandCursor)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
            scene.addItem(dot)
        self.dots = len(dated)
        self.refit()


class NetworkView(_Picture):
    """Who acts on whom: an arrow from doer to receiver per category, coloured by its quad class."""

    SIZE = 150.0

    def set_network(self, centre: str, edges: list, sources: dict[str, tuple[str, int]] | None = None) -> None:
        """`sources`: item id -> (briefing id, offset) of its first report, what a click on an edge opens."""
        self._sources = sources or {}
        scene = self.scene()
        scene.clear()
        self.edges_drawn = 0
        if not edges:
            scene.addItem(self._text(f"No act of {centre} with a doer and a receiver yet."))
            self.refit()
            return
        names = list(dict.fromkeys([centre] + [n for e in edges for n in (e.agent, e.target)]))
        weights = [(e.agent, e.target, float(e.count)) for e in edges]
        positions = spring_layout(names, weights, centre=centre if centre in names else None)
        at = {n: QPointF(p[0] * self.SIZE, p[1] * self.SIZE) for n, p in positions.items()}
        pairs: dict[tuple[str, str], int] = {}
        for edge in sorted(edges, key=lambda e: (_category_order(e.category), e.agent, e.target)):
            bend = pairs.get((edge.agent, edge.target), 0)
            pairs[(edge.agent, edge.target)] = bend + 1
            self._arrow(at[edge.agent], at[edge.target], edge, bend)
        for name, point in at.items():
            self._node(name, point, name == centre)
        self._legend()
        self.refit()

    def _arrow(self, a: QPointF, b: QPointF, edge, bend: int) -> None:
        colour = category_colour(edge.category)
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = max(math.hypot(dx, dy), 1e-6)
        nx, ny = -dy / length, dx / length
        offset = 18.0 * (bend + 1)
        control = QPointF((a.x() + b.x()) / 2 + nx * offset, (a.y() + b.y()) / 2 + ny * offset)
        start = a + QPointF(dx / length * 16, dy / length * 16)
        end = b - QPointF(dx / length * 18, dy / length * 18)
        path = QPainterPath(start)
        path.quadTo(control, end)
        line = QGraphicsPathItem(path)
        line.setPen(QPen(colour, 1.5 + min(4.0, edge.count - 1), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        line.setToolTip(f"{edge.agent} → {edge.target}: {edge.category} {_category_name(edge.category)} ({edge.count})")
        source = next((self._sources[i] for i in edge.items if i in self._sources), None)
        line.setData(SourceRole, source)
        line.setCursor(Qt.CursorShape.PointingHandCursor)
        self.scene().addItem(line)
        tx, ty = end.x() - control.x(), end.y() - control.y()
        tl = max(math.hypot(tx, ty), 1e-6)
        ux, uy = tx / tl, ty / tl
        head = QPolygonF([end, end - QPointF(ux * 10 - uy * 5, uy * 10 + ux * 5), end - QPointF(ux * 10 + uy * 5, uy * 10 - ux * 5)])
        arrow = self.scene().addPolygon(head, QPen(colour), QBrush(colour))
        arrow.setData(SourceRole, source)
        self.edges_drawn += 1

    def _node(self, name: str, point: QPointF, centre: bool) -> None:
        palette = _palette(self)
        radius = 14.0 if centre else 10.0
        node = QGraphicsEllipseItem(point.x() - radius, point.y() - radius, 2 * radius, 2 * radius)
        node.setBrush(QBrush(palette.color(QPalette.ColorRole.Highlight) if centre else palette.color(QPalette.ColorRole.Base)))
        node.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.5))
        node.setData(ActorKey, name)
        node.setToolTip(f"{name}: open the dossier" if not centre else name)
        node.setCursor(Qt.CursorShape.PointingHandCursor)
        node.setZValue(2)
        self.scene().addItem(node)
        label = self._text(name[:28], 9, bold=centre)
        label.setPos(point.x() - label.boundingRect().width() / 2, point.y() + radius + 2)
        label.setZValue(3)
        label.setData(ActorKey, name)
        self.scene().addItem(label)

    def _legend(self) -> None:
        rect = self.scene().itemsBoundingRect()
        x, y = rect.left(), rect.bottom() + 16
        for name, colour in EDGE_LEGEND:
            swatch = self.scene().addRect(QRectF(x, y, 18, 4), QPen(Qt.PenStyle.NoPen), QBrush(QColor(colour)))
            swatch.setToolTip(name)
            label = self._text(name, 8)
            label.setPos(x + 22, y - 6)
            self.scene().addItem(label)
            x += 34 + label.boundingRect().width()


def _published(item) -> dt.date | None:
    days = [s.published for s in item.sources if s.published]
    return min(days) if days else None


def _category_order(category: str) -> tuple[int, str]:
    return (1, category) if category in BEYOND_CAMEO or not category[:2].isdigit() else (0, category)


def _category_name(category: str) -> str:
    return BEYOND_CAMEO[category][0] if category in BEYOND_CAMEO else category_class(category)


def _item_tip(item) -> str:
    lines = [f"{item.date or 'undated'} · {item.category} · {len(item.briefings)} briefing(s)", item.summary]
    for conflict in item.conflicts:
        lines.append(f"Disagree on {conflict.field}: " + " | ".join(v.value for v in conflict.values))
    lines.append("Click to open the first report.")
    return "\n".join(html.unescape(line) for line in lines)
