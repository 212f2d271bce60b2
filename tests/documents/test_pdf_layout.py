"""PDF layout: the gutter sweep against a plain one, reading order, furniture and paragraphs from lines alone."""

from __future__ import annotations

import itertools
import random

from reader.documents import pdf_gutters, pdf_layout
from reader.documents.pdf_layout import PageLines, build_part


def _page(lines, index=0, width=595.0, height=842.0):
    """A PageLines from (text, left, right, top, size) lines; bottoms 10 pt under the tops."""
    texts, lefts, rights, tops, sizes = (list(values) for values in zip(*lines, strict=True))
    return PageLines.from_lines(index, width, height, texts, lefts, rights, tops, [t - 10 for t in tops], sizes, [False] * len(texts))


def _sweep(edges):
    """The gutter sweep written plainly (sorted edge tuples, one step at a time), to check `pdf_gutters.gutters`."""
    tolerance = max(1, len(edges) // 20)
    points = sorted([(x0, 1) for x0, _ in edges] + [(x1, -1) for _, x1 in edges])
    left, right = points[0][0], points[-1][0]
    gutters, depth, gap_start = [], 0, None
    for x, step in points:
        depth += step
        if depth <= tolerance and gap_start is None:
            gap_start = x
        elif depth > tolerance and gap_start is not None:
            if x - gap_start >= 6 and left < gap_start and x < right:
                middle = (gap_start + x) / 2
                if sum(x1 <= middle for _, x1 in edges) >= 3 and sum(x0 >= middle for x0, _ in edges) >= 3:
                    gutters.append(middle)
            gap_start = None
    return gutters


def _layouts(seed=15, count=400):
    """Random pages of one to three columns, a few titles across them, some zero-width lines."""
    rnd = random.Random(seed)
    for _ in range(count):
        columns = rnd.choice([1, 2, 2, 3])
        width = (500 - 20 * (columns - 1)) / columns
        edges = []
        for _ in range(rnd.randint(6, 80)):
            if rnd.random() < 0.05:  # a title across the columns
                x0, x1 = 50.0, 50.0 + rnd.choice([200, 480])
            else:
                column = rnd.randrange(columns)
                x0 = 50.0 + column * (width + 20) + rnd.choice([0, 0, 12])
                x1 = x0 + rnd.choice([width - 12, width, rnd.uniform(0, width)])
            if rnd.random() < 0.03:
                x1 = x0  # a single zero-width character: its end and start tie
            edges.append((x0, x1))
        yield rnd, edges


def _justified(seed=19, count=400):
    """Layouts whose lines mostly share their edges (justified columns), with ties and zero widths."""
    for rnd, edges in _layouts(seed, count):
        yield rnd, [(x0, x1 if rnd.random() < 0.1 else round(x1 / 40) * 40.0) for x0, x1 in edges]


def test_gutters_match_the_plain_sweep_on_many_layouts():
    for _, edges in itertools.chain(_layouts(), _justified()):
        lefts, rights = [x0 for x0, _ in edges], [x1 for _, x1 in edges]
        assert pdf_gutters.gutters(lefts, rights) == _sweep(edges)


def test_the_sweep_by_value_finds_the_gutters_of_the_sweep_by_edge(monkeypatch):
    """Whichever way `gutter_sweep` takes, the gutters are the plain sweep's."""

    def by_value(lefts, rights, tolerance):
        values = sorted({*lefts, *rights})
        return pdf_gutters._shallow_by_value(values, sorted(lefts), sorted(rights), tolerance)

    monkeypatch.setattr(pdf_gutters, "_shallow_by_edge", by_value)
    for _, edges in itertools.chain(_layouts(seed=20), _justified(seed=21)):
        lefts, rights = [x0 for x0, _ in edges], [x1 for _, x1 in edges]
        assert pdf_gutters.gutters(lefts, rights) == _sweep(edges)


def _plain_order(lines, gutters):
    """The reading order written plainly: rows then x, each stretch between full-width lines column by column."""
    ordered, pending = [], [[] for _ in range(len(gutters) + 1)]
    for line in sorted(lines, key=lambda ln: (-int(ln[3] + 0.5), ln[1])):
        _, x0, x1, _, _ = line
        column = sum(x0 >= g for g in gutters)
        if column != sum(x1 > g for g in gutters):
            ordered += [(*ln, c) for c, part in enumerate(pending) for ln in part] + [(*line, -1)]
            pending = [[] for _ in pending]
        else:
            pending[column].append(line)
    return ordered + [(*ln, c) for c, part in enumerate(pending) for ln in part]


def test_reading_order_matches_the_plain_one_on_many_layouts():
    """Lines in random order, and (as PDFium mostly gives them) already in reading order."""
    for rnd, edges in _layouts(seed=16, count=300):
        lines = [(f"line {k}", x0, x1, 780.0 - 12 * (k % 30) + rnd.choice([0, 0.2, 0.7]), 10.0) for k, (x0, x1) in enumerate(edges)]
        gutters = pdf_gutters.gutters([line[1] for line in lines], [line[2] for line in lines])
        in_order = [line[:5] for line in _plain_order(lines, gutters)] if gutters else lines
        for given in (lines, in_order):
            page = _page(given)
            pdf_layout.reading_order(page)
            got = list(zip(page.texts, page.lefts, page.rights, page.tops, page.sizes, page.columns, strict=True))
            assert got == (_plain_order(given, gutters) if gutters else [(*ln, 0) for ln in given])
            edges = {c: (min(ln[1] for ln in got if ln[5] == c), max(ln[2] for ln in got if ln[5] == c)) for c in set(page.columns)}
            assert page.edges == edges


def test_a_header_on_every_page_and_the_page_numbers_are_dropped():
    body = [(f"Body line {k} of the page.", 72.0, 500.0, 700.0 - 14 * k, 10.0) for k in range(10)]
    pages = [_page([("Weekly Monitor", 72.0, 200.0, 800.0, 8.0), *body, (str(i + 1), 290.0, 300.0, 40.0, 8.0)], index=i) for i in range(3)]
    part = build_part(pages, [1, 2, 3])
    assert "Weekly Monitor" not in part.text and "Body line 9" in part.text
    assert "(6 lines)" in part.warnings[0]
    assert [b.level for b in part.blocks if b.kind == "page"] == [1, 2, 3]


def test_compound_words_are_the_ones_found_without_the_word_boundary():
    """`_COMPOUND` starts at a word boundary to try fewer places; it must find the same words."""
    import re

    plain = re.compile(r"\w+-\w+")
    rnd = random.Random(17)
    for _ in range(20_000):
        text = "".join(rnd.choice("ab_9é-- \n.,Ωж'") for _ in range(rnd.randint(0, 30)))
        assert pdf_layout._COMPOUND.findall(text) == plain.findall(text)


def _random_pages(rnd, count):
    """Pages of random lines: sentence ends, hyphens, headings and odd sizes, gaps, jumps between columns."""
    words = ["talks", "negoti-", "ations", "Russian-", "Ukrainian", "well-known", "well-", "known", "said.", "end!", "why?"]
    words += ["note:", "“quote”", "a", "Istanbul", "x\ufffey", "cease\ufffefire", "(p)", "it'"]
    pages = []
    for index in range(count):
        lines, top = [], 780.0
        for _ in range(rnd.choice([0, 1, 2, 5, 20, 60])):
            text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 8)))
            left = 50.0 + rnd.choice([0, 0, 0, 170, 340]) + rnd.choice([0, 0, 0, 12, 0.4])
            right = left + rnd.choice([160, 160, 160, rnd.uniform(5, 160)])
            size = rnd.choice([10.0] * 6 + [9.0, 12.0, 16.0, 10.5, 11.6, float("nan")])
            top -= rnd.choice([12.5, 12.5, 12.5, 18.5, 30, -300, 0, 0.3])
            lines.append((text, left, right, top, size))
        page = _page(lines, index=index) if lines else PageLines.from_lines(index, 595, 842, [], [], [], [], [], [], [])
        page.hyphens = [t.endswith("-") and t[-2].isalpha() for t in page.texts]
        pages.append(page)
    return pages


def test_paragraphs_match_the_loop_that_tests_every_line(monkeypatch):
    """`build_part` tests only the lines `_lines_to_test` names; testing every line must give the same Part."""
    from copy import deepcopy

    from reader.errors import DocumentError

    def part(pages):
        try:
            got = build_part(deepcopy(pages), list(range(1, len(pages) + 1)))
        except DocumentError as error:
            return str(error)
        return got.text, got.blocks, got.title, got.warnings

    rnd = random.Random(18)
    cases = [_random_pages(rnd, rnd.randint(1, 5)) for _ in range(600)]
    fast = [part(pages) for pages in cases]
    monkeypatch.setattr(pdf_layout, "_lines_to_test", lambda page, gap: list(range(len(page.texts) + 1)))
    assert [part(pages) for pages in cases] == fast
    assert sum(isinstance(got, tuple) for got in fast) > 400
