"""The reading of a PDF rebuilt from its pages' lines: furniture, columns, paragraphs, pages.

`pdf_reader` gives every page as a `PageLines`; this module, pure Python and tested without
PDFium, turns them into a Part:

- **Furniture**: lines in the top or bottom band of a page that recur on many pages once digits
  are ignored ("Regional Monitor", "Page 3 of 12") are running headers and footers; a line there
  that is only a page number goes too. Dropped lines are named in one warning.
- **Columns**: a vertical strip crossed by (almost) no line splits a page into columns; each
  stretch between full-width lines (a title over both columns) is read column by column.
  A page without such a strip keeps PDFium's content order.
- **Paragraphs**: a larger vertical gap, a change of font size (a heading) or a short line
  ending a sentence starts a new block; a paragraph running on into the next column or page
  is joined. A word hyphenated at a line end is joined ("negoti-" + "ations"); a hyphen before
  a capital ("Russian-" + "Ukrainian") or seen elsewhere in the document is kept.
- **Pages**: each page's text is recorded as a ``page`` block (level = page number), so any
  offset can say "p. 3".

A page's lines are kept as one list per field rather than one object per line: a 200-page
report has some 20,000 lines, each costing Python time in every pass, so a page's furniture
band, gutters, reading order, line pitch and column edges are found with sorts, comparisons of
whole lists and `itemgetter` (all in C) where they can be, and a reading order moves only the
fields that differ from line to line. bench/pdf_speed.py and bench/pdf_instructions.py
measure it against PDFium's raw text.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from reader.documents.parts import Part
from reader.documents.pdf_gutters import gutter_sweep
from reader.errors import DocumentError
from reader.model import Block

#: A document with fewer visible characters than this per page has no usable text layer.
_MIN_CHARS_PER_PAGE = 20
#: Share of the page height at the top and bottom where running headers and footers live.
_BAND = 0.12
#: A line of the top or bottom band ending in "Page 3" or "p. 3 of 12" is a footer even on one page.
_PAGE_MARK = re.compile(r"(?:^|\s)(?:page|p\.|seite|pagina)\s*\d{1,5}(?:\s*(?:of|/|von|de)\s*\d{1,5})?$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page|p\.|seite|pagina)?\s*[\divxlc]{1,6}(?:\s*(?:of|/|von|de)\s*\d{1,5})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
#: The last character of a line that ends a sentence.
_SENTENCE_END = frozenset(".!?:\"”’')»")
_LAST = itemgetter(-1)
_BROKEN = re.compile(r"(\w+)\ufffe(\w*)")
_WORD_END = re.compile(r"(\w+)$")
_WORD_START = re.compile(r"^(\w+)")
#: A hyphenated compound written inside a line ("well-known"). Starting at a word boundary
#: finds the same words as without it (a match never starts inside a word), without trying
#: every letter of every word.
_COMPOUND = re.compile(r"\b\w+-\w+")


@dataclass(slots=True)
class PageLines:
    """One page's lines, a list per field, in PDFium's order until `reading_order` sorts them.

    Each line has its text, left and right edge, top (points from the foot of the page), font
    size, whether it ends in a hyphen that may break a word, and (once in reading order) its
    column: -1 for a line across a gutter. `band` lists the lines in the page's top or bottom
    band, where running headers and footers live (for `remove_furniture`, which empties it);
    `edges` has each column's left and right edge, and `by_column` says whether each column's
    lines follow one another (no line crosses a gutter). `steps` has, once the lines are in
    reading order, how far each line's top is under the one before (empty until then).
    """

    index: int
    width: float
    height: float
    texts: list[str]
    lefts: list[float]
    rights: list[float]
    tops: list[float]
    sizes: list[float]
    hyphens: list[bool]
    band: list[int]
    columns: list[int] = field(default_factory=list)
    edges: dict[int, tuple[float, float]] = field(default_factory=dict)
    by_column: bool = True
    steps: list[float] = field(default_factory=list)

    @classmethod
    def from_lines(
        cls,
        index: int,
        width: float,
        height: float,
        texts: list[str],
        lefts: list[float],
        rights: list[float],
        tops: list[float],
        bottoms: list[float],
        sizes: list[float],
        hyphens: list[bool],
    ) -> PageLines:
        """A page from its lines' fields, in PDFium's order; the lines' bottoms only place the band."""
        low, high = height * _BAND, height * (1 - _BAND)
        count = itertools.count
        in_band = {
            *itertools.compress(count(), map(operator.ge, bottoms, itertools.repeat(high))),
            *itertools.compress(count(), map(operator.le, tops, itertools.repeat(low))),
        }
        return cls(index, width, height, texts, lefts, rights, tops, sizes, hyphens, sorted(in_band))

    def __len__(self) -> int:
        return len(self.texts)

    def take(self, picks: list[int]) -> None:
        """Keep the lines at `picks` (indices into every field), in that order.

        Font sizes that are all the same and hyphens that are all false stay as they are.
        """
        self.steps = []
        pick: Any = itemgetter(*picks) if len(picks) > 1 else lambda values: [values[k] for k in picks]
        self.texts, self.lefts, self.rights, self.tops = (
            list(pick(self.texts)), list(pick(self.lefts)), list(pick(self.rights)), list(pick(self.tops))
        )
        sizes, hyphens = self.sizes, self.hyphens
        if len(sizes) != len(picks) or (sizes and sizes.count(sizes[0]) != len(sizes)):
            self.sizes = list(pick(sizes))
        if len(hyphens) != len(picks) or any(hyphens):
            self.hyphens = list(pick(hyphens))

    def drop(self, gone: list[int]) -> None:
        """Remove the lines at `gone` (ascending indices) from every field."""
        self.steps = []
        for values in (self.texts, self.lefts, self.rights, self.tops, self.sizes, self.hyphens):
            for k in reversed(gone):
                del values[k]


# -- furniture ------------------------------------------------------------------------------


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def remove_furniture(pages: list[PageLines]) -> list[str]:
    """Drop running headers, footers and page numbers from every page; the text of what was dropped.

    Only the few lines in a page's top or bottom band are keyed and tested; the others pass.
    """
    seen: Counter[str] = Counter()
    bands = []
    for page in pages:
        keys = [_key(page.texts[k]) for k in page.band]
        seen.update(set(keys))
        bands.append(zip(page.band, keys, strict=True))
    needed = max(2, math.ceil(0.4 * len(pages)))
    dropped: list[str] = []
    for page, band_keys in zip(pages, bands, strict=True):
        texts = page.texts
        gone = [
            k for k, key in band_keys if seen[key] >= needed or _PAGE_NUMBER.match(texts[k]) or _PAGE_MARK.search(texts[k])
        ]
        page.band = []
        if gone:
            dropped.extend(texts[k] for k in gone)
            page.drop(gone)
    return dropped


# -- columns ----------------------------------------------------------------------------------


def reading_order(page: PageLines) -> None:
    """Put the page's lines column by column, between full-width lines; give each its column, and each column its edges.

    Without columns, PDFium's order stays. With them, the lines are sorted top to bottom (to the
    nearest point), then left to right, keeping PDFium's order among equals: a stable sort by x,
    then one by row. Each stretch between full-width lines is then read column by column, the
    full-width line after it: a stable sort by (full-width lines before, column).
    """
    count = len(page)
    if not count:
        return
    lefts, rights, tops = page.lefts, page.rights, page.tops
    gutters, ends, starts = gutter_sweep(lefts, rights)
    if not gutters:
        page.columns = [0] * count
        page.edges = {0: (min(lefts), max(rights))}
        return
    if len(gutters) == 1:  # two columns, the usual case: the bisections written out
        gutter = gutters[0]
        columns = [1 if left >= gutter else 0 for left in lefts]
        end_columns = [1 if right > gutter else 0 for right in rights]
    else:
        columns = list(map(bisect.bisect_right, itertools.repeat(gutters), lefts))
        end_columns = list(map(bisect.bisect_left, itertools.repeat(gutters), rights))
    if columns == end_columns:  # no line crosses a gutter: each column is one stretch of the order
        # Usually PDFium gives the lines in this order already (by column, row, x): then they stay.
        if not _in_column_order(page, columns):
            rows = _rows(tops)
            keys = list(zip(columns, map(operator.neg, rows), lefts, strict=True))
            if math.isnan(sum(lefts)) or keys != sorted(keys):
                by_row = sorted(sorted(range(count), key=lefts.__getitem__), key=rows.__getitem__, reverse=True)
                page.take(sorted(by_row, key=columns.__getitem__))
                columns.sort()
        page.columns = columns
        lefts, rights = page.lefts, page.rights
        if len(gutters) == 1 and 0 < columns.count(0) < count and not math.isnan(sum(lefts) + sum(rights)):
            # each column's outer edges are the page's; its inner ones the nearest to the gutter
            gutter = gutters[0]
            page.edges[0] = (starts[0], ends[bisect.bisect_right(ends, gutter) - 1])
            page.edges[1] = (starts[bisect.bisect_left(starts, gutter)], ends[-1])
            return
        for column in set(columns):
            start, end = bisect.bisect_left(columns, column), bisect.bisect_right(columns, column)
            page.edges[column] = (min(lefts[start:end]), max(rights[start:end]))
        return
    rows = _rows(tops)
    # a gutter lies under a full-width line: it starts in one column and ends in another
    by_row = sorted(sorted(range(count), key=lefts.__getitem__), key=rows.__getitem__, reverse=True)
    full_width = list(map(operator.ne, columns, end_columns))
    after = len(gutters) + 1
    stretches = itertools.accumulate(map(full_width.__getitem__, by_row), initial=0)
    key = {k: (stretch, after if full_width[k] else columns[k]) for k, stretch in zip(by_row, stretches, strict=False)}
    order = sorted(by_row, key=key.__getitem__)
    for k in itertools.compress(itertools.count(), full_width):
        columns[k] = -1
    page.take(order)
    page.columns = [columns[k] for k in order]
    page.by_column = False
    for column in set(page.columns):
        in_column = [c == column for c in page.columns]
        page.edges[column] = (
            min(itertools.compress(page.lefts, in_column)),
            max(itertools.compress(page.rights, in_column)),
        )


def _rows(tops: list[float]) -> list[int]:
    """Each line's row: its top to the nearest point."""
    if min(tops) >= -0.5:  # rows counted upwards, so sorted from the top down; floor is int for these
        return list(map(math.floor, map(operator.add, tops, itertools.repeat(0.5))))
    return [int(top + 0.5) for top in tops]


def _in_column_order(page: PageLines, columns: list[int]) -> bool:
    """Whether the page's lines already follow one another by column, row and x, told without their rows.

    True only when the columns never go back and, within each, every line's top is more than
    1 pt under the one before (so its row is lower; see `_rows`); then the page keeps these
    steps. Anything else, rows that tie included, is left to the sort's own test, as are tops
    that are not finite, under -0.5 or near 2**52 (where adding 0.5 rounds).
    """
    tops, lefts = page.tops, page.lefts
    total = sum(tops)
    if not (math.isfinite(total) and total < 2.0**51 and min(tops) >= -0.5) or math.isnan(sum(lefts)):
        return False
    if columns != sorted(columns):
        return False
    steps = list(map(operator.sub, tops, itertools.islice(tops, 1, None)))
    for column in set(columns):  # the step into the next column does not count
        start, end = bisect.bisect_left(columns, column), bisect.bisect_right(columns, column)
        if end - start > 1 and not min(steps[start : end - 1]) > 1.0:
            return False
    page.steps = steps
    return True


# -- paragraphs -------------------------------------------------------------------------------


def build_part(pages: list[PageLines], labels: list[int], meta_title: str = "") -> Part:
    """Text, blocks and pages from every page's lines (the pure part, tested without PDFium).

    This runs once a line, so the common tests are written out in the loop and only a line
    ending a sentence goes through `_ends_paragraph`.
    """
    dropped = remove_furniture(pages)
    for page in pages:
        reading_order(page)
    empty = [labels[page.index] for page in pages if not page.texts]
    texts = list(itertools.chain.from_iterable(page.texts for page in pages))
    visible = sum(map(len, texts))
    if visible < _MIN_CHARS_PER_PAGE * max(1, len(pages) - len(empty)) or not texts:
        raise DocumentError(
            "the PDF has no text layer (a scanned image?); nothing was read. "
            "Run it through OCR (for example ocrmypdf) and open the result"
        )
    body = statistics.median(itertools.chain.from_iterable(page.sizes for page in pages))
    joined = "\n".join(texts)  # every line's text, for the tests over all of them
    del texts
    mended = "\ufffe" in joined
    hyphenated: set[str] = set()
    if "-" in joined and (mended or any(any(page.hyphens) for page in pages)):
        hyphenated = {word.lower() for word in _COMPOUND.findall(joined)}
    del joined  # as long as the whole text: not kept while the text is built again below
    if mended:  # PDFium joined a line broken after a hyphen and marked the spot
        for page in pages:
            if any("\ufffe" in text for text in page.texts):
                page.texts = [_BROKEN.sub(lambda m: _mend(m, hyphenated), text) for text in page.texts]
    pitch = _line_pitch(pages)
    heading_size, title_size, size_step, gap = body * 1.15, body * 1.5, 0.15 * body, 1.3 * pitch

    parts: list[str] = []  # the text's pieces: each line, and the space or blank line before it
    length = 0
    blocks: list[Block] = []
    page_spans: dict[int, list[int]] = {}
    current = Block("", 0, 0)  # of no kind: the first line starts a block
    kind_now = current.kind
    sentence_end = _SENTENCE_END
    earlier_edges: dict[int, tuple[float, float]] = {}  # the columns of the page before, for a line ending it
    prev_text, prev_left, prev_right, prev_top, prev_size = "", 0.0, 0.0, 0.0, 0.0
    prev_hyphen, prev_column, prev_page = False, 0, -1
    for page in pages:
        texts = page.texts
        if not texts:
            continue
        index = page.index
        lefts, rights, tops, sizes, hyphens, columns = page.lefts, page.rights, page.tops, page.sizes, page.hyphens, page.columns
        span = None
        tested = _lines_to_test(page, gap if pitch else 0.0)
        # Each tested line goes through every test; the lines after it up to the next one only
        # continue its paragraph with a space, so they are joined in one piece.
        for k, following in itertools.pairwise(tested):
            text, left, right, top, size, column = texts[k], lefts[k], rights[k], tops[k], sizes[k], columns[k]
            kind = "heading" if size >= heading_size else "paragraph"
            if kind != kind_now or (size != prev_size and abs(prev_size - size) > size_step):
                new_block = True
            else:
                same_flow = prev_page == index and prev_column == column and top < prev_top
                if same_flow and pitch and prev_top - top > gap:
                    new_block = True
                elif prev_text[-1] not in sentence_end:
                    new_block = False
                else:
                    new_block = _ends_paragraph(
                        (prev_text, prev_left, prev_right),
                        (page.edges if prev_page == index else earlier_edges).get(prev_column),
                        (text, left, size),
                        page.edges.get(column),
                        same_flow,
                    )
            if new_block:
                current.end = length
                if length:
                    parts.append("\n\n")
                    length += 2
                kind_now = kind
                current = Block(kind, length, length, 1 if size >= title_size else 2 if kind == "heading" else 0)
                blocks.append(current)
                start = length
            elif prev_hyphen:
                space, drop_hyphen = _after_hyphen(prev_text, text, hyphenated)
                if drop_hyphen:
                    parts[-1] = parts[-1][:-1]
                    length -= 1
                    page_spans[prev_page][1] = min(page_spans[prev_page][1], length)
                start = length
                if space:
                    parts.append(" ")
                    length += 1
            else:
                start = length
                parts.append(" ")
                length += 1
            parts.append(text)
            length += len(text)
            if span is None:
                span = page_spans.setdefault(index, [start, length])
            last = following - 1
            if last > k:
                run = " ".join(texts[k + 1 : following])
                parts += (" ", run)
                length += 1 + len(run)
                text, left, right, top, size, column = texts[last], lefts[last], rights[last], tops[last], sizes[last], columns[last]
            prev_text, prev_left, prev_right, prev_top, prev_size = text, left, right, top, size
            prev_hyphen, prev_column, prev_page = hyphens[last], column, index
        if span is not None:
            span[1] = length
        earlier_edges = page.edges
    current.end = length

    text = "".join(parts)
    for page_index, (start, end) in sorted(page_spans.items()):
        blocks.append(Block("page", start, min(end, len(text)), labels[page_index]))
    warnings = []
    if dropped:
        shown = ", ".join(repr(t if len(t) <= 40 else t[:37] + "...") for t in list(dict.fromkeys(dropped))[:3])
        warnings.append(f"dropped running headers, footers and page numbers ({len(dropped)} lines): {shown}")
    if empty:
        listed = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
        warnings.append(f"page(s) {listed} have no text layer (scanned?); their content is missing")
    headings = [b for b in blocks if b.kind == "heading"]
    title = _clean_title(meta_title) or (text[headings[0].start : headings[0].end] if headings else "")
    return Part(text=text, blocks=blocks, fmt="pdf", title=title, warnings=warnings)


def _lines_to_test(page: PageLines, gap: float) -> list[int]:
    """Where the paragraph loop must test a line, in order, and the number of lines after them.

    The first line of a page is always tested. Any other is tested when the line before it ends
    in a sentence end or a hyphen that may break a word, when its font size differs from that
    line's (or either is not a number), or (with a `gap`) when it lies more than `gap` under
    that line in the same column. A line that is none of these continues its paragraph with a
    space, whatever else holds. The tests run over the whole page in C.
    """
    texts, sizes, count = page.texts, page.sizes, len(page.texts)
    after_line = itertools.count(1)
    ends = map(_SENTENCE_END.__contains__, map(_LAST, texts))
    if any(page.hyphens):
        ends = map(operator.or_, ends, page.hyphens)
    tested = set(itertools.compress(after_line, ends))
    if sizes.count(sizes[0]) != count or sizes[0] != sizes[0]:
        tested.update(itertools.compress(itertools.count(1), map(operator.ne, sizes, itertools.islice(sizes, 1, None))))
    if gap:
        tops, columns = page.tops, page.columns
        steps = page.steps or map(operator.sub, tops, itertools.islice(tops, 1, None))
        tested.update(
            k for k in itertools.compress(itertools.count(1), map(operator.gt, steps, itertools.repeat(gap))) if columns[k] == columns[k - 1]
        )
    tested.discard(count)
    return [0, *sorted(tested), count]


def _after_hyphen(before: str, text: str, hyphenated: set[str]) -> tuple[bool, bool]:
    """After the line `before`, ending in a hyphen: whether `text` follows with a space, and whether the hyphen goes."""
    if text[:1].isalpha():
        head = _WORD_END.search(before[:-1])
        tail = _WORD_START.match(text)
        compound = f"{head.group(1)}-{tail.group(1)}".lower() if head and tail else ""
        if text[0].islower() and compound not in hyphenated:
            return False, True  # "negoti-" + "ations": the hyphen only broke the word
        return False, False  # "Russian-" + "Ukrainian": a real hyphen, no space after it
    return True, False


def _mend(m: re.Match[str], hyphenated: set[str]) -> str:
    """A word broken at a line end by a hyphen: joined, unless the hyphen is part of it."""
    head, tail = m.group(1), m.group(2)
    if tail[:1].islower() and f"{head}-{tail}".lower() not in hyphenated:
        return head + tail
    return f"{head}-{tail}"


def _line_pitch(pages: list[PageLines]) -> float:
    """The usual distance between baselines of consecutive body lines in one column of a page.

    Taken over each run of consecutive lines of one column and one font size: its steps (kept
    on the page for the paragraph loop), sorted in C, are cut to the range that counts (more
    than 0, less than 4 font sizes) by bisection.
    """
    steps: list[float] = []
    for page in pages:
        tops = page.tops
        if len(tops) < 2:
            continue
        if math.isnan(sum(tops)):  # no order among the steps: each tested on its own
            steps += [
                above - below
                for above, below, size, size_below, column, column_below in zip(
                    tops, tops[1:], page.sizes, page.sizes[1:], page.columns, page.columns[1:], strict=False
                )
                if column == column_below and size == size_below and 0 < above - below < 4 * size
            ]
            continue
        if not page.steps:
            page.steps = list(map(operator.sub, tops, itertools.islice(tops, 1, None)))
        for start, end, size in _runs(page):
            if end - start > 1:
                run = sorted(page.steps[start : end - 1])
                steps += run[bisect.bisect_right(run, 0.0) : bisect.bisect_left(run, 4 * size)]
    return statistics.median(steps) if steps else 0.0


def _runs(page: PageLines) -> list[tuple[int, int, float]]:
    """Where each run of consecutive lines of one column and one font size starts and ends, and its size."""
    sizes, columns = page.sizes, page.columns
    if page.by_column and sizes.count(sizes[0]) == len(sizes):
        return [(bisect.bisect_left(columns, c), bisect.bisect_right(columns, c), sizes[0]) for c in sorted(set(columns))]
    runs = []
    start = 0
    for (_, size), run in itertools.groupby(zip(columns, sizes, strict=True)):
        end = start + len(list(run))
        runs.append((start, end, size))
        start = end
    return runs


def _ends_paragraph(
    prev: tuple[str, float, float],
    prev_edges: tuple[float, float] | None,
    line: tuple[str, float, float],
    line_edges: tuple[float, float] | None,
    same_flow: bool,
) -> bool:
    """Whether the line `prev` (text, left, right), ending a sentence, also ends its paragraph.

    It does when it is short, or when `line` (text, left, font size) is indented after it.
    """
    prev_text, prev_left, prev_right = prev
    text, left, size = line
    if not same_flow and text[:1].islower():
        return False  # a new column or page: the sentence runs on
    column_left, column_right = prev_edges or (prev_left, prev_right)
    # Short: the next line's first word would have fitted after it, so the writer ended it there.
    char_width = (prev_right - prev_left) / max(1, len(prev_text))
    space = text.find(" ")
    first_word = (space if space > 0 else len(text)) + 1
    short = (
        prev_right + first_word * char_width < column_right - 0.5 * char_width
        or prev_right < column_right - 0.3 * (column_right - column_left)
    )
    if short or not same_flow:
        return short
    return left > (line_edges or (left, 0))[0] + 1.5 * size


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title or title.lower() in ("untitled", "document") or re.search(r"\.(docx?|odt|rtf|txt|indd)$", title, re.I):
        return ""
    return title.removeprefix("Microsoft Word - ")
