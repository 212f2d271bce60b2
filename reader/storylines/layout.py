"""Where the dossier's pictures put things: a time axis and a force-directed network, without Qt.

The network layout is Fruchterman and Reingold's spring embedder (1991), started from a circle so
the same network is always drawn the same way; the actor of the dossier is pinned at the centre.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

Point = tuple[float, float]


def spring_layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], centre: str | None = None, iterations: int = 120
) -> dict[str, Point]:
    """Positions in [-1, 1]² for `nodes`; `edges` are (a, b, weight); `centre` stays at (0, 0)."""
    if not nodes:
        return {}
    n = len(nodes)
    pos = {
        node: (0.0, 0.0) if node == centre else (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
        for i, node in enumerate(nodes)
    }
    if n == 1:
        return pos
    k = math.sqrt(4.0 / n)
    temperature = 0.2
    weights: dict[tuple[str, str], float] = {}
    for a, b, w in edges:
        if a != b and a in pos and b in pos:
            weights[(a, b)] = weights.get((a, b), 0.0) + w
    for _ in range(iterations):
        shift = {node: [0.0, 0.0] for node in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(math.hypot(dx, dy), 1e-3)
                force = k * k / d
                shift[a][0] += dx / d * force
                shift[a][1] += dy / d * force
                shift[b][0] -= dx / d * force
                shift[b][1] -= dy / d * force
        for (a, b), w in weights.items():
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 1e-3)
            force = d * d / k * min(3.0, 1.0 + math.log1p(w))
            shift[a][0] -= dx / d * force
            shift[a][1] -= dy / d * force
            shift[b][0] += dx / d * force
            shift[b][1] += dy / d * force
        for node in nodes:
            if node == centre:
                continue
            sx, sy = shift[node]
            length = max(math.hypot(sx, sy), 1e-9)
            step = min(length, temperature)
            x = pos[node][0] + sx / length * step
            y = pos[node][1] + sy / length * step
            pos[node] = (max(-1.0, min(1.0, x)), max(-1.0, min(1.0, y)))
        temperature *= 0.97
    return pos


def time_positions(days: Sequence[dt.date | None]) -> tuple[list[float | None], dt.date | None, dt.date | None]:
    """Each day as a share of the span from the first to the last (None stays None), and that span."""
    known = [d for d in days if d is not None]
    if not known:
        return [None for _ in days], None, None
    first, last = min(known), max(known)
    span = max((last - first).days, 1)
    return [None if d is None else (d - first).days / span for d in days], first, last


def ticks(first: dt.date, last: dt.date, most: int = 8) -> list[dt.date]:
    """Round dates to label a time axis: first days of months (or of years, on a long span)."""
    span = (last - first).days
    if span <= 62:
        step = max(1, span // most or 1)
        return [first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
    months = (last.year - first.year) * 12 + last.month - first.month
    every = max(1, math.ceil(months / most))
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        day = dt.date(year, month, 1)
        if day >= first and (month - 1) % every == 0:
            out.append(day)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out or [first]
