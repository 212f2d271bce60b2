"""The vertical strips that split a PDF page into columns, found from its lines' left and right edges.

Pure Python, for `pdf_layout.reading_order`; tested against a plain sweep in
tests/documents/test_pdf_layout.py.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
from operator import itemgetter


def gutters(lefts: list[float], rights: list[float]) -> list[float]:
    """x positions of the vertical strips that separate columns on a page with these line edges."""
    return gutter_sweep(lefts, rights)[0]


def gutter_sweep(lefts: list[float], rights: list[float]) -> tuple[list[float], list[float], list[float]]:
    """x positions of the vertical strips that separate columns on a page with these line edges,
    and the lines' right and left edges sorted (empty for fewer than six lines).

    A sweep over the lines' left and right edges finds the stretches crossed by at most a few
    lines (a full-width title may cross); each at least 6 pt wide with three lines on either
    side is a gutter. Where a line ends at the x another begins, the end counts first.

    Three ways to the same strips: a page where no x has three lines ending before it and three
    beginning after it has none; a page whose edges take few distinct values (justified
    columns, at most a sixth of its lines for each side) is swept value by value
    (`_shallow_by_value`); any other, edge by edge (`_shallow_by_edge`).
    """
    count = len(lefts)
    if count < 6:
        return [], [], []
    tolerance = max(1, count // 20)
    ends, starts = sorted(rights), sorted(lefts)
    if math.isnan(sum(ends) + sum(starts)):  # no order among the edges: the edge sweep as it sorts them
        gaps, left, right = _shallow_by_edge(lefts, rights, tolerance)
    elif ends[2] > starts[-3]:
        return [], ends, starts
    else:
        # few distinct values: told cheaply from right edges that tie with the next at some of
        # four places in their order, then counted up to a limit
        limit, fifth = count // 6, count // 5
        ties = (ends[fifth] == ends[fifth + 1]) + (ends[2 * fifth] == ends[2 * fifth + 1])
        ties += (ends[3 * fifth] == ends[3 * fifth + 1]) + (ends[4 * fifth] == ends[4 * fifth + 1])
        end_values = _distinct(ends, limit) if ties >= 2 else None
        start_values = _distinct(starts, limit) if end_values is not None else None
        if end_values is not None and start_values is not None:
            values = sorted({*end_values, *start_values})
            gaps, left, right = _shallow_by_value(values, starts, ends, tolerance)
        else:
            gaps, left, right = _shallow_by_edge(lefts, rights, tolerance)
    gutters: list[float] = []
    for gap_start, x in gaps:
        if x - gap_start >= 6 and left < gap_start and x < right:
            middle = (gap_start + x) / 2
            # at least three lines end left of the middle and three begin right of it
            if bisect.bisect_right(ends, middle) >= 3 and count - bisect.bisect_left(starts, middle) >= 3:
                gutters.append(middle)
    return gutters, ends, starts


def _distinct(ordered: list[float], limit: int) -> list[float] | None:
    """The distinct values of the sorted `ordered`, by bisection from one to the next; None past `limit` of them."""
    found: list[float] = []
    k, count = 0, len(ordered)
    while k < count:
        if len(found) >= limit:
            return None
        value = ordered[k]
        found.append(value)
        k = bisect.bisect_right(ordered, value, k)
    return found


def _shallow_by_edge(lefts: list[float], rights: list[float], tolerance: int) -> tuple[list[tuple[float, float]], float, float]:
    """The stretches crossed by at most `tolerance` lines, as (start, end), and the first and last edge.

    The edges sorted by x, right edges first where they tie with left ones (a stable sort of
    rights + lefts), with the running count of lines crossed after each: a run of edges with
    at most `tolerance` opens a stretch at its first edge; the next edge, deeper, closes it.
    The sort and the running sum run in C; Python visits each edge once, the few shallow ones twice.
    """
    count = len(lefts)
    xs = rights + lefts
    in_order = itemgetter(*sorted(range(2 * count), key=xs.__getitem__))
    edges = in_order(xs)
    depths = itertools.accumulate(in_order([-1] * count + [1] * count))
    shallow = [k for k, depth in enumerate(depths) if depth <= tolerance]
    gaps = []
    run_start = last = -2
    for k in shallow:
        if k != last + 1:
            if run_start >= 0:
                gaps.append((edges[run_start], edges[last + 1]))
            run_start = k
        last = k
    if run_start >= 0 and last + 1 < len(edges):
        gaps.append((edges[run_start], edges[last + 1]))
    return gaps, edges[0], edges[-1]


def _shallow_by_value(
    values: list[float], starts: list[float], ends: list[float], tolerance: int
) -> tuple[list[tuple[float, float]], float, float]:
    """What `_shallow_by_edge` finds, from the distinct x values of the edges (`values`, sorted).

    Past all edges at x, the lines crossed are those begun at or before x less those ended
    there (bisections in the sorted `starts` and `ends`). A stretch of values with at most
    `tolerance` opens at its first value and is closed by the next value: the edge sweep's runs
    open at the same x (at a right edge there, the last one being shallow) and close at the
    same x (at a left edge of the next deeper value). Its runs that open and close at one x are
    of no width, so no gutter; a stretch that never closes is none in either.
    """
    crossed = list(
        map(
            operator.sub,
            map(bisect.bisect_right, itertools.repeat(starts), values),
            map(bisect.bisect_right, itertools.repeat(ends), values),
        )
    )
    gaps = []
    opened = -1
    for k, depth in enumerate(crossed):
        if depth <= tolerance:
            if opened < 0:
                opened = k
        elif opened >= 0:
            gaps.append((values[opened], values[k]))
            opened = -1
    return gaps, values[0], values[-1]
