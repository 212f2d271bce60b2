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

A page's lines are kept as one array per field rather than one object per line: a 200-page
report has some 20,000 lines, and a page's furniture band, gutters, reading order, line pitch
and column edges are then found by numpy over the page at once (where Python cost some 150 to
1,000 machine instructions a line for each pass), with Python only for the few lines that
need a decision and for the paragraph loop.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from reader.documents.parts import Part
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
_BROKEN = re.compile(r"(\w+)\ufffe(\w*)")
_WORD_END = re.compile(r"(\w+)$")
_WORD_START = re.compile(r"^(\w+)")
#: A hyphenated compound written inside a line ("well-known"). Starting at a word boundary
#: finds the same words as without it (a match never starts inside a word), without trying
#: every letter of every word.
_COMPOUND = re.compile(r"\b\w+-\w+")

Floats = npt.NDArray[np.float64]
Indices = npt.NDArray[np.intp]


@dataclass(slots=True)
class PageLines:
    """One page's lines, an array per field, in PDFium's order until `reading_order` sorts them.

    Each line has its text, left and right edge, top (points from the foot of the page), font
    size, whether it ends in a hyphen that may break a word, and (once in reading order) its
    column: -1 for a line across a gutter. `band` lists the lines in the page's top or bottom
    band, where running headers and footers live (for `remove_furniture`, which empties it);
    `edges` has each column's left and right edge.
    """

    index: int
    width: float
    height: float
    texts: list[str]
    lefts: Floats
    rights: Floats
    tops: Floats
    sizes: Floats
    hyphens: npt.NDArray[np.bool_]
    band: list[int]
    columns: Indices = field(default_factory=lambda: np.zeros(0, np.intp))
    edges: dict[int, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def from_lines(
        cls,
        index: int,
        width: float,
        height: float,
        texts: list[str],
        lefts: Any,
        rights: Any,
        tops: Any,
        bottoms: Any,
        sizes: Any,
        hyphens: Any,
    ) -> PageLines:
        """A page from its lines' fields (sequences or arrays), in PDFium's order."""
        tops, bottoms = np.asarray(tops, np.float64), np.asarray(bottoms, np.float64)
        low, high = height * _BAND, height * (1 - _BAND)
        band = np.flatnonzero((bottoms >= high) | (tops <= low)).tolist()
        return cls(
            index, width, height, list(texts), np.asarray(lefts, np.float64), np.asarray(rights, np.float64), tops,
            np.asarray(sizes, np.float64), np.asarray(hyphens, np.bool_), band,
        )

    def __len__(self) -> int:
        return len(self.texts)

    def take(self, picks: Indices) -> None:
        """Keep the lines at `picks` (indices into every field), in that order."""
        self.texts = np.asarray(self.texts, dtype=object)[picks].tolist() if len(picks) else []
        self.lefts, self.rights, self.tops = self.lefts[picks], self.rights[picks], self.tops[picks]
        self.sizes, self.hyphens = self.sizes[picks], self.hyphens[picks]

    def drop(self, gone: list[int]) -> None:
        """Remove the lines at `gone` (ascending indices)."""
        for k in reversed(gone):
            del self.texts[k]
        kept = np.ones(len(self.lefts), np.bool_)
        kept[gone] = False
        self.lefts, self.rights, self.tops = self.lefts[kept], self.rights[kept], self.tops[kept]
        self.sizes, self.hyphens = self.sizes[kept], self.hyphens[kept]


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


def _gutters(lefts: Any, rights: Any) -> list[float]:
    """x positions of the vertical strips that separate columns on a page with these line edges.

    A sweep over the lines' left and right edges finds the stretches crossed by at most a few
    lines (a full-width title may cross); each at least 6 pt wide with three lines on either
    side is a gutter. Where a line ends at the x another begins, the end counts first. The sort
    and the running sum are numpy's; Python visits only the few shallow edges.
    """
    count = len(lefts)
    if count < 6:
        return []
    tolerance = max(1, count // 20)
    # Right edges first: a stable sort by x alone then puts an end before a start at the same x.
    xs = np.concatenate((rights, lefts))
    order = xs.argsort(kind="stable")
    depths = (order >= count).cumsum() * 2 - np.arange(1, 2 * count + 1)  # starts so far less ends so far
    shallow = (depths <= tolerance).nonzero()[0].tolist()
    edges = xs[order].tolist()
    left, right = edges[0], edges[-1]
    # A run of shallow edges opens a gap at its first edge; the next edge, deeper, closes it.
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
    gutters: list[float] = []
    for gap_start, x in gaps:
        if x - gap_start >= 6 and left < gap_start and x < right:
            middle = (gap_start + x) / 2
            # at least three lines end left of the middle and three begin right of it
            if (np.asarray(rights) <= middle).sum() >= 3 and (np.asarray(lefts) >= middle).sum() >= 3:
                gutters.append(middle)
    return gutters


def reading_order(page: PageLines) -> None:
    """Put the page's lines column by column, between full-width lines; give each its column, and each column its edges.

    Without columns, PDFium's order stays. With them, the lines are sorted top to bottom (to the
    nearest point), then left to right, keeping PDFium's order among equals; each stretch
    between full-width lines is then read column by column, the full-width line after it.
    """
    count = len(page)
    if not count:
        return
    gutters = _gutters(page.lefts, page.rights)
    if not gutters:
        page.columns = np.zeros(count, np.intp)
        page.edges = {0: (page.lefts.min().item(), page.rights.max().item())}
        return
    tops = page.tops
    if math.isfinite(tops.sum()):
        rows = -np.trunc(tops + 0.5)
    else:  # as before: a top that is not a number is refused here
        rows = np.array([-int(top + 0.5) for top in tops.tolist()], np.float64)
    by_row = np.lexsort((page.lefts, rows))  # stable: by row, then x, then PDFium's order
    boundaries = np.array(gutters)
    columns = boundaries.searchsorted(page.lefts, "right")
    end_columns = boundaries.searchsorted(page.rights, "left")
    full_width = columns != end_columns  # a gutter lies under the line: it starts in one column and ends in another
    if not full_width.any():  # each column is one stretch of the order
        order = by_row[columns[by_row].argsort(kind="stable")]
        page.take(order)
        page.columns = columns = columns[order]
        distinct = sorted(set(columns.tolist()))
        starts = columns.searchsorted(distinct)
        page.edges = dict(
            zip(
                distinct,
                zip(np.minimum.reduceat(page.lefts, starts).tolist(), np.maximum.reduceat(page.rights, starts).tolist(), strict=True),
                strict=True,
            )
        )
        return
    else:  # by (full-width lines before, column), the full-width line after its stretch's columns
        crossing = full_width[by_row]
        stretches = np.cumsum(crossing) - crossing
        slots = np.where(crossing, len(gutters) + 1, columns[by_row])
        order = by_row[np.lexsort((slots, stretches))]
        columns = np.where(full_width, -1, columns)
    page.take(order)
    page.columns = columns = columns[order]
    for column in sorted(set(columns.tolist())):
        in_column = columns == column
        page.edges[column] = (page.lefts[in_column].min().item(), page.rights[in_column].max().item())


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
    body = _median(np.concatenate([page.sizes for page in pages]))
    joined = "\n".join(texts)  # every line's text, for the tests over all of them
    del texts
    mended = "\ufffe" in joined
    hyphenated: set[str] = set()
    if "-" in joined and (mended or any(page.hyphens.any() for page in pages)):
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
        if not page.texts:
            continue
        index = page.index
        span = None
        for text, left, right, top, size, hyphen, column in zip(
            page.texts,
            page.lefts.tolist(),
            page.rights.tolist(),
            page.tops.tolist(),
            page.sizes.tolist(),
            page.hyphens.tolist(),
            page.columns.tolist(),
            strict=True,
        ):
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
                space, drop_hyphen = _after_hyphen(parts[-1], text, hyphenated)
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
            prev_text, prev_left, prev_right, prev_top, prev_size = text, left, right, top, size
            prev_hyphen, prev_column, prev_page = hyphen, column, index
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


def _after_hyphen(before: str, text: str, hyphenated: set[str]) -> tuple[bool, bool]:
    """Whether `text` continues a paragraph after the line `before`, ending in a hyphen, with a space, and whether the hyphen goes."""
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

    Taken over all pages at once: the steps between one page's last line and the next page's first are left out.
    """
    tops = np.concatenate([page.tops for page in pages])
    sizes = np.concatenate([page.sizes for page in pages])
    columns = np.concatenate([page.columns for page in pages])
    step = tops[:-1] - tops[1:]
    same = (columns[:-1] == columns[1:]) & (sizes[:-1] == sizes[1:])
    page_ends = list(itertools.accumulate(len(page) for page in pages))
    same[[end - 1 for end in page_ends if 0 < end < len(tops)]] = False
    steps = step[same & (step > 0) & (step < 4 * sizes[:-1])]
    return _median(steps) if len(steps) else 0.0


def _median(values: Floats) -> float:
    """The median as `statistics.median` takes it; `np.median` would import numpy.ma on its first call (40 ms)."""
    ordered: list[float] = np.sort(values).tolist()
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


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
