"""The dossier pictures' geometry without Qt: the spring layout and the time axis."""

from __future__ import annotations

import datetime as dt
import math

from reader.storylines.layout import spring_layout, ticks, time_positions


def test_the_layout_is_the_same_every_time_inside_the_square_with_the_actor_in_the_middle():
    nodes = ["Ukraine", "Russia", "Turkey", "Poland", "Kharkiv"]
    edges = [("Russia", "Ukraine", 3.0), ("Turkey", "Russia", 1.0), ("Poland", "Ukraine", 1.0), ("Ukraine", "Kharkiv", 1.0)]
    first = spring_layout(nodes, edges, centre="Ukraine")
    assert first == spring_layout(nodes, edges, centre="Ukraine")
    assert first["Ukraine"] == (0.0, 0.0)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert len({(round(x, 3), round(y, 3)) for x, y in first.values()}) == len(nodes)


def test_actors_that_act_on_each_other_are_drawn_closer():
    nodes = ["A", "B", "C", "D"]
    pos = spring_layout(nodes, [("A", "B", 5.0), ("C", "D", 5.0)])
    def d(a, b):
        return math.dist(pos[a], pos[b])
    assert d("A", "B") < d("A", "C") and d("C", "D") < d("B", "D")


def test_time_positions_and_ticks():
    days = [dt.date(2025, 1, 1), None, dt.date(2025, 3, 1), dt.date(2025, 1, 31)]
    shares, first, last = time_positions(days)
    assert shares[0] == 0 and shares[1] is None and shares[2] == 1 and 0 < shares[3] < 1
    assert (first, last) == (dt.date(2025, 1, 1), dt.date(2025, 3, 1))
    assert ticks(dt.date(2024, 11, 15), dt.date(2025, 6, 1))[0] == dt.date(2024, 12, 1)
    assert len(ticks(dt.date(2025, 5, 1), dt.date(2025, 5, 20))) >= 5
    assert time_positions([None]) == ([None], None, None)
