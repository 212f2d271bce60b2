"""PDF briefings: the text layer, in reading order, without the page furniture, fully offline.

PDFium (through pypdfium2, chosen by measurement: see the README) parses each page and gives
its text as lines. We take two character boxes and the font size per line (first and last
character), which costs little next to PDFium's own parsing, and rebuild the reading from
those lines:

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

PDFium is not thread-safe, so every call into it holds one lock. Limits keep time and memory
bounded: at most `MAX_PAGES` pages, checked before any page is read; the file is read by
PDFium from disk, never copied whole into Python.
"""

from __future__ import annotations

import bisect
import functools
import gc
import itertools
import math
import re
import statistics
import struct
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from reader.documents.parts import Part
from reader.documents.textnorm import normalize_text
from reader.errors import DocumentError
from reader.model import Block

MAX_PAGES = 500
#: A document with fewer visible characters than this per page has no usable text layer.
_MIN_CHARS_PER_PAGE = 20
#: Share of the page height at the top and bottom where running headers and footers live.
_BAND = 0.12
#: One line of PDFium's text, from its first to its last visible character.
_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
#: Two FS_RECTF (left, top, right, bottom as C floats), the first and the last character's box:
#: of the first its left, top and bottom, of the last its top, right and bottom.
_TWO_RECTS = struct.Struct("=2f4xf4x3f")
#: A line of the top or bottom band ending in "Page 3" or "p. 3 of 12" is a footer even on one page.
_PAGE_MARK = re.compile(r"(?:^|\s)(?:page|p\.|seite|pagina)\s*\d{1,5}(?:\s*(?:of|/|von|de)\s*\d{1,5})?$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:page|p\.|seite|pagina)?\s*[\divxlc]{1,6}(?:\s*(?:of|/|von|de)\s*\d{1,5})?$", re.IGNORECASE)
#: PDFium reports a hyphen that ends a line as U+FFFE; soft hyphens and U+2010 occur too.
_HYPHENS = ("-", "\u00ad", "\x02", "\u2010", "\ufffe")
#: The last character of a line that ends a sentence.
_SENTENCE_END = frozenset(".!?:\"”’')»")
_BROKEN = re.compile(r"(\w+)\ufffe(\w*)")
_WORD_END = re.compile(r"(\w+)$")
_WORD_START = re.compile(r"^(\w+)")
#: A hyphenated compound written inside a line ("well-known").
_COMPOUND = re.compile(r"\w+-\w+")

_LOCK = threading.Lock()

#: PDFium's load error codes (fpdfview.h) and what to tell the reader.
_LOAD_ERRORS = {
    2: "the file could not be opened",
    3: "the PDF is damaged or not a PDF (its structure cannot be read)",
    4: "the PDF is protected by a password; open it in a PDF viewer and save an unprotected copy",
    5: "the PDF is protected by a password; open it in a PDF viewer and save an unprotected copy",
    6: "the PDF uses an unsupported kind of encryption; save an unprotected copy first",
}


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    column: int = 0
    #: The raw last character before clean-up (a soft hyphen is removed by the clean-up).
    hyphen: bool = False


def read_pdf(path: Path) -> Part:
    """The PDF at `path` as one Part; DocumentError for scans, passwords and damaged files."""
    with _collector_paused():
        return _read_pdf(path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a PDF is read.

    A 200-page report makes some 20,000 line objects, none in a cycle, and the collections
    they would set off rescan them all again and again (about 3% of the reading time); they are
    freed by reference counting once the Part is built.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_pdf(path: Path) -> Part:
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise DocumentError(_LOAD_ERRORS.get(exc.err_code or 0, f"the PDF cannot be read ({exc})")) from None
        try:
            count = len(pdf)
            if count > MAX_PAGES:
                raise DocumentError(
                    f"the PDF has {count:,} pages, more than the {MAX_PAGES} a briefing may have; "
                    "split out the part you want to read"
                )
            if count == 0:
                raise DocumentError("the PDF has no pages")
            meta = _metadata(pdf)
            pages = [_read_page(pdf, i) for i in range(count)]
            labels = [_label(pdf, i) for i in range(count)]
        finally:
            pdf.close()
    return build_part(pages, labels, meta.get("Title", ""))


def _metadata(pdf: Any) -> dict[str, str]:
    try:
        return {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)}
    except Exception:  # a broken info dictionary is no reason to refuse the text
        return {}


def _label(pdf: Any, index: int) -> int:
    """The printed page number when the PDF's page label is a plain number, else the position."""
    try:
        label = pdf.get_page_label(index)
    except Exception:
        label = ""
    return int(label) if label and label.isdigit() and int(label) < 100_000 else index + 1


def _read_page(pdf: Any, index: int) -> tuple[list[_Line], float, float]:
    """The page's lines in PDFium's order, with the page's width and height.

    Two loose character boxes (first and last character) and one font size per line, through
    PDFium's C API (see `_char_api`); both boxes land in one buffer read with one unpack. This
    runs once a line of every page: a line of printable ASCII, the usual one, takes the short way.
    """
    import ctypes

    import pypdfium2.raw as raw

    box, font_size = _char_api()
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            raw_page = textpage.raw
            rects = (raw.FS_RECTF * 2)()
            first_box, last_box = ctypes.byref(rects), ctypes.byref(rects, ctypes.sizeof(raw.FS_RECTF))
            unpack = _TWO_RECTS.unpack_from
            lines = []
            segments, step = _segments(text)
            start = -step
            for segment in segments:
                start += step
                stripped = segment.strip()
                if not stripped:
                    start += len(segment)
                    continue
                # the line starts the segment unless PDFium put spaces before it
                first = start if segment[0] == stripped[0] else start + segment.index(stripped)
                start += len(segment)
                box(raw_page, first, first_box)
                box(raw_page, first + len(stripped) - 1, last_box)
                size = font_size(raw_page, first)
                left, top, bottom, last_top, right, last_bottom = unpack(rects)
                if stripped.isascii() and stripped.isprintable():  # of the hyphens, only "-" is printable ASCII
                    hyphen = stripped[-1] == "-" and len(stripped) > 1 and stripped[-2].isalpha()
                    if "  " in stripped:
                        stripped = " ".join(stripped.split())
                else:
                    stripped, hyphen = _clean_line(stripped)
                    if not stripped:
                        continue
                lines.append(
                    _Line(
                        stripped,
                        left,
                        right,
                        last_top if last_top > top else top,
                        last_bottom if last_bottom < bottom else bottom,
                        size if size > 0 else top - bottom,
                        index,
                        0,
                        hyphen,
                    )
                )
        finally:
            textpage.close()
    finally:
        page.close()
    return lines, width, height


def _segments(text: str) -> tuple[list[str], int]:
    """PDFium's text cut at every line end, and the length of each cut (1 or 2).

    Splitting finds the same lines as `_LINE.finditer`, for less: PDFium ends its lines with
    CRLF, and a CR or LF on its own also ends a line.
    """
    if text.count("\r\n") == text.count("\r") == text.count("\n"):
        return text.split("\r\n"), 2
    return text.replace("\r", "\n").split("\n"), 1


def _clean_line(stripped: str) -> tuple[str, bool]:
    """A line with other than printable ASCII: its end-of-line hyphen marked, its characters normalized."""
    hyphen = stripped.endswith(_HYPHENS) and len(stripped) > 1 and stripped[-2].isalpha()
    if hyphen:
        stripped = stripped[:-1] + "-"
    if not (stripped.isascii() and stripped.isprintable()):
        stripped = normalize_text(stripped)
    if "  " in stripped:
        stripped = " ".join(stripped.split())
    return stripped, hyphen


@functools.cache
def _char_api() -> tuple[Any, Any]:
    """PDFium's loose character box and font size, called without ctypes' argument conversion.

    pypdfium2 declares argument types for every function, and converting them cost more than
    PDFium's own work (about 0.85 against 0.25 µs a call here, three calls a line): these two
    pointers to the same functions take the text page handle, a Python int and a rectangle's
    address as they are.
    """
    import ctypes

    import pypdfium2.raw as raw

    def bare(function: Any, restype: Any) -> Any:
        pointer = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
        pointer.restype = restype
        return pointer

    return bare(raw.FPDFText_GetLooseCharBox, ctypes.c_int), bare(raw.FPDFText_GetFontSize, ctypes.c_double)


# -- furniture ------------------------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def remove_furniture(pages: list[tuple[list[_Line], float, float]]) -> tuple[list[list[_Line]], list[str]]:
    """Each page's lines without running headers, footers and page numbers, and what was dropped.

    Only the few lines in a page's top or bottom band are keyed and tested; the others pass.
    """
    seen: Counter[str] = Counter()
    bands = []
    for lines, _, height in pages:
        low, high = height * _BAND, height * (1 - _BAND)
        band = [line for line in lines if line.bottom >= high or line.top <= low]
        keys = [_key(line.text) for line in band]
        seen.update(set(keys))
        bands.append(zip(band, keys, strict=True))
    needed = max(2, math.ceil(0.4 * len(pages)))
    kept_pages: list[list[_Line]] = []
    dropped: list[str] = []
    for (lines, _, _), band_keys in zip(pages, bands, strict=True):
        gone = [
            line
            for line, key in band_keys
            if seen[key] >= needed or _PAGE_NUMBER.match(line.text) or _PAGE_MARK.search(line.text)
        ]
        if gone:
            dropped.extend(line.text for line in gone)
            ids = {id(line) for line in gone}
            kept_pages.append([line for line in lines if id(line) not in ids])
        else:
            kept_pages.append(list(lines))
    return kept_pages, dropped


# -- columns ----------------------------------------------------------------------------------


def _gutters(lines: list[_Line], width: float) -> list[float]:
    """x positions of the vertical strips that separate columns on this page.

    A sweep over the lines' left and right edges finds the stretches crossed by at most a few
    lines (a full-width title may cross); each at least 6 pt wide with three lines on either
    side is a gutter. Where a line ends at the x another begins, the end counts first. The
    sort and the running sum run in C; Python visits each edge once, and the few shallow ones twice.
    """
    count = len(lines)
    if count < 6:
        return []
    tolerance = max(1, count // 20)
    # Right edges first: a stable sort by x alone then puts an end before a start at the same x.
    xs = [line.x1 for line in lines] + [line.x0 for line in lines]
    in_order = itemgetter(*sorted(range(2 * count), key=xs.__getitem__))
    edges = in_order(xs)
    depths = itertools.accumulate(in_order([-1] * count + [1] * count))
    shallow = [k for k, depth in enumerate(depths) if depth <= tolerance]
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
    ends, starts = sorted(xs[:count]), sorted(xs[count:])
    for gap_start, x in gaps:
        if x - gap_start >= 6 and left < gap_start and x < right:
            middle = (gap_start + x) / 2
            # at least three lines end left of the middle and three begin right of it
            if bisect.bisect_right(ends, middle) >= 3 and count - bisect.bisect_left(starts, middle) >= 3:
                gutters.append(middle)
    return gutters


def reading_order(lines: list[_Line], width: float) -> list[_Line]:
    """The page's lines column by column, between full-width lines; PDFium's order without columns."""
    gutters = _gutters(lines, width)
    if not gutters:
        return lines
    ordered: list[_Line] = []
    pending: list[list[_Line]] = [[] for _ in range(len(gutters) + 1)]

    def flush() -> None:
        for column in pending:
            ordered.extend(column)
            column.clear()

    # top to bottom (to the nearest point), then left to right
    keys = [(-int(line.top + 0.5), line.x0) for line in lines]
    gutter = gutters[0] if len(gutters) == 1 else None
    right_of, left_of = bisect.bisect_right, bisect.bisect_left
    for index in sorted(range(len(lines)), key=keys.__getitem__):
        line = lines[index]
        if gutter is not None:  # two columns, the usual case: the bisections written out
            column = 1 if line.x0 >= gutter else 0
            full_width = column != (1 if line.x1 > gutter else 0)
        else:
            column = right_of(gutters, line.x0)
            full_width = column != left_of(gutters, line.x1)
        if full_width:  # a gutter lies under the line
            flush()
            line.column = -1
            ordered.append(line)
            continue
        line.column = column
        pending[column].append(line)
    flush()
    return ordered


# -- paragraphs -------------------------------------------------------------------------------


def build_part(pages: list[tuple[list[_Line], float, float]], labels: list[int], meta_title: str = "") -> Part:
    """Text, blocks and pages from every page's lines (the pure part, tested without PDFium).

    This runs once a line, so the common tests are written out in the loop and only a line
    ending a sentence goes through `_ends_paragraph`.
    """
    kept, dropped = remove_furniture(pages)
    ordered = [reading_order(lines, width) for lines, (_, width, _) in zip(kept, pages, strict=True)]
    all_lines = list(itertools.chain.from_iterable(ordered))
    empty = [labels[i] for i, page in enumerate(ordered) if not page]
    joined = "\n".join([line.text for line in all_lines])  # every line's text, for the tests over all of them
    visible = len(joined) - len(all_lines) + 1 if all_lines else 0
    if visible < _MIN_CHARS_PER_PAGE * max(1, len(pages) - len(empty)) or not all_lines:
        raise DocumentError(
            "the PDF has no text layer (a scanned image?); nothing was read. "
            "Run it through OCR (for example ocrmypdf) and open the result"
        )
    body = statistics.median([line.size for line in all_lines])
    hyphenated = {word.lower() for word in _COMPOUND.findall(joined)} if "-" in joined else set()
    mended = "\ufffe" in joined
    del joined  # as long as the whole text: not kept while the text is built again below
    if mended:  # PDFium joined a line broken after a hyphen and marked the spot
        for line in all_lines:
            if "\ufffe" in line.text:
                line.text = _BROKEN.sub(lambda m: _mend(m, hyphenated), line.text)
    pitch = _line_pitch(ordered)
    edges = _column_edges(ordered)
    heading_size, title_size, size_step, gap = body * 1.15, body * 1.5, 0.15 * body, 1.3 * pitch

    parts: list[str] = []
    length = 0
    blocks: list[Block] = []
    page_spans: dict[int, list[int]] = {}
    span: list[int] = []
    span_page = -1
    current = Block("", 0, 0)
    prev: _Line | None = None
    for line in all_lines:
        size = line.size
        kind = "heading" if size >= heading_size else "paragraph"
        if prev is None or kind != current.kind or abs(prev.size - size) > size_step:
            new_block = True
        else:
            same_flow = prev.page == line.page and prev.column == line.column and line.top < prev.top
            if same_flow and pitch and prev.top - line.top > gap:
                new_block = True
            elif prev.text[-1] not in _SENTENCE_END:
                new_block = False
            else:
                new_block = _ends_paragraph(prev, line, same_flow, edges)
        if new_block:
            current.end = length
            sep = "\n\n" if length else ""
            parts.append(sep)
            length += len(sep)
            current = Block(kind, length, length, 1 if size >= title_size else 2 if kind == "heading" else 0)
            blocks.append(current)
            text = line.text
        elif prev is not None and prev.hyphen:
            text, trim = _join(parts[-1], prev, line, hyphenated)
            if trim:
                parts[-1] = parts[-1][:-1]
                length -= 1
                page_spans[prev.page][1] = min(page_spans[prev.page][1], length)
        else:
            text = " " + line.text
        start = length
        parts.append(text)
        length += len(text)
        if line.page != span_page:
            span_page = line.page
            span = page_spans.setdefault(span_page, [start, length])
        span[1] = length
        prev = line
    current.end = length

    text = "".join(parts)
    for page, (start, end) in sorted(page_spans.items()):
        blocks.append(Block("page", start, min(end, len(text)), labels[page]))
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


def _join(before: str, prev: _Line, line: _Line, hyphenated: set[str]) -> tuple[str, bool]:
    """The text that continues a paragraph with `line`, and whether to drop the hyphen before it."""
    if prev.hyphen and line.text[:1].isalpha():
        head = _WORD_END.search(before[:-1])
        tail = _WORD_START.match(line.text)
        compound = f"{head.group(1)}-{tail.group(1)}".lower() if head and tail else ""
        if line.text[0].islower() and compound not in hyphenated:
            return line.text, True  # "negoti-" + "ations": the hyphen only broke the word
        return line.text, False  # "Russian-" + "Ukrainian": a real hyphen, no space after it
    return " " + line.text, False


def _mend(m: re.Match[str], hyphenated: set[str]) -> str:
    """A word broken at a line end by a hyphen: joined, unless the hyphen is part of it."""
    head, tail = m.group(1), m.group(2)
    if tail[:1].islower() and f"{head}-{tail}".lower() not in hyphenated:
        return head + tail
    return f"{head}-{tail}"


def _line_pitch(ordered: list[list[_Line]]) -> float:
    """The usual distance between baselines of consecutive body lines in one column of a page."""
    steps = []
    for page in ordered:
        steps += [
            a.top - b.top
            for a, b in zip(page, page[1:], strict=False)
            if a.column == b.column and a.size == b.size and 0 < a.top - b.top < 4 * a.size
        ]
    return statistics.median(steps) if steps else 0.0


def _column_edges(ordered: list[list[_Line]]) -> dict[tuple[int, int], tuple[float, float]]:
    """The left and right edge of every (page, column); a page's lines all carry its number."""
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for page in ordered:
        if not page:
            continue
        columns = {line.column for line in page}
        for column in columns:
            lines = page if len(columns) == 1 else [line for line in page if line.column == column]
            edges[(page[0].page, column)] = (min([line.x0 for line in lines]), max([line.x1 for line in lines]))
    return edges


def _ends_paragraph(
    prev: _Line, line: _Line, same_flow: bool, edges: dict[tuple[int, int], tuple[float, float]]
) -> bool:
    """Whether `prev`, ending a sentence, also ends its paragraph (a short line, or an indent after it)."""
    if not same_flow and line.text[:1].islower():
        return False  # a new column or page: the sentence runs on
    left, right = edges.get((prev.page, prev.column), (prev.x0, prev.x1))
    # Short: the next line's first word would have fitted after it, so the writer ended it there.
    char_width = (prev.x1 - prev.x0) / max(1, len(prev.text))
    space = line.text.find(" ")
    first_word = (space if space > 0 else len(line.text)) + 1
    short = prev.x1 + first_word * char_width < right - 0.5 * char_width or prev.x1 < right - 0.3 * (right - left)
    if short or not same_flow:
        return short
    return line.x0 > edges.get((line.page, line.column), (line.x0, 0))[0] + 1.5 * line.size


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title or title.lower() in ("untitled", "document") or re.search(r"\.(docx?|odt|rtf|txt|indd)$", title, re.I):
        return ""
    return title.removeprefix("Microsoft Word - ")
