"""PDF briefings: the text layer, in reading order, without the page furniture, fully offline.

PDFium (through pypdfium2, chosen by measurement: see the README) parses each page and gives
its text as lines. We take two character boxes and the font size per line (first and last
character), which costs little next to PDFium's own parsing, and hand every page's lines to
`pdf_layout`, which rebuilds the reading: furniture, columns, paragraphs, pages.

PDFium is not thread-safe, so every call into it holds one lock. Limits keep time and memory
bounded: at most `MAX_PAGES` pages, checked before any page is read; the file is read by
PDFium from disk, never copied whole into Python.
"""

from __future__ import annotations

import codecs
import ctypes
import functools
import gc
import itertools
import math
import operator
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from reader.documents.parts import Part
from reader.documents.pdf_layout import PageLines, build_part
from reader.documents.textnorm import normalize_text
from reader.errors import DocumentError

MAX_PAGES = 500
#: One line of PDFium's text, from its first to its last visible character.
_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
#: The bytes of printable ASCII, and the line ends PDFium's text is cut at.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\r\n"
_DOUBLE_SPACE = re.compile("  ")
#: PDFium reports a hyphen that ends a line as U+FFFE; soft hyphens and U+2010 occur too.
_HYPHENS = ("-", "\u00ad", "\x02", "\u2010", "\ufffe")

_LOCK = threading.Lock()
#: Runs an iterator to its end in C, keeping nothing (for calls made for their effect).
_exhaust: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend

#: PDFium's load error codes (fpdfview.h) and what to tell the reader.
_LOAD_ERRORS = {
    2: "the file could not be opened",
    3: "the PDF is damaged or not a PDF (its structure cannot be read)",
    4: "the PDF is protected by a password; open it in a PDF viewer and save an unprotected copy",
    5: "the PDF is protected by a password; open it in a PDF viewer and save an unprotected copy",
    6: "the PDF uses an unsupported kind of encryption; save an unprotected copy first",
}


def read_pdf(path: Path) -> Part:
    """The PDF at `path` as one Part; DocumentError for scans, passwords and damaged files."""
    with _collector_paused():
        return _read_pdf(path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a PDF is read.

    A 200-page report makes some 20,000 lines, each several objects, none in a cycle, and the
    collections they would set off rescan them all again and again (about 3% of the reading
    time); they are freed by reference counting once the Part is built.
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
    """The printed page number when the PDF's page label is a plain number, else the position.

    A page without a label (PDFium's label of at most 2 bytes: none, or its terminating NUL) is
    told by one C call, without pypdfium2's buffer for the label's text.
    """
    import pypdfium2.raw as raw

    try:
        label = pdf.get_page_label(index) if raw.FPDF_GetPageLabel(pdf.raw, index, None, 0) > 2 else ""
    except Exception:
        label = ""
    return int(label) if label and label.isdigit() and int(label) < 100_000 else index + 1


def _read_page(pdf: Any, index: int) -> PageLines:
    """The page's lines in PDFium's order, with the page's size.

    The page and its text are loaded, read and closed through PDFium's C API (`pypdfium2.raw`)
    rather than pypdfium2's page objects, whose bookkeeping (a finalizer and a parent's record
    for every page and text page, made and undone again) cost about 5% of reading a page.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    page = raw.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        textpage = raw.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            text = _page_text(textpage)
            lines = _measure_lines(textpage, index, width, height, text, *_line_spans(text))
        finally:
            raw.FPDFText_ClosePage(textpage)
    finally:
        raw.FPDF_ClosePage(page)
    return lines


def _page_text(textpage: Any) -> str:
    """All of a text page's text, as pypdfium2's `PdfTextPage.get_text_range()` gives it.

    Characters at either end that have no place in the text (PDFium's text index -1) are left
    out of the range asked for, so that PDFium reads nothing beyond it; the text is UTF-16,
    its undecodable units dropped.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count == -1:
        raise pdfium.PdfiumError("Failed to get character count.")
    first, last = 0, count - 1
    while True:
        if first > last:
            return ""
        text_start = raw.FPDFText_GetTextIndexFromCharIndex(textpage, first)
        if text_start == -1:
            first += 1
            continue
        text_end = raw.FPDFText_GetTextIndexFromCharIndex(textpage, last)
        if text_end == -1:
            last -= 1
            continue
        break
    size = text_end + 2 - text_start  # with the terminating NUL
    buffer = (ctypes.c_ushort * size)()
    written = raw.FPDFText_GetText(textpage, first, last - first + 1, buffer)
    assert size >= written, f"Buffer too small: {size} vs {written}"
    return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")


def _line_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Each line of PDFium's text without the spaces around it, and where its first and last character are.

    Done a page at a time by `map` over the split text, so no Python runs per line; the
    positions are those of `_LINE.finditer` (a test checks). A page whose lines have no space
    around them and none empty, the usual one, needs only the split's own positions.
    """
    segments, step = _segments(text)
    starts = list(itertools.accumulate(map(operator.add, map(len, segments), itertools.repeat(step)), initial=0))
    texts = list(map(str.strip, segments))
    if texts == segments and all(texts):  # strip gives back the very same string when nothing is stripped
        return texts, starts[:-1], list(map(operator.sub, starts[1:], itertools.repeat(step + 1)))
    ends = map(operator.add, starts, map(len, segments))
    firsts = itertools.compress(map(operator.sub, ends, map(len, map(str.lstrip, segments))), texts)
    lasts = itertools.compress(map(operator.add, starts, map(len, map(str.rstrip, segments))), texts)
    return list(filter(None, texts)), list(firsts), list(map(operator.sub, lasts, itertools.repeat(1)))


def _segments(text: str) -> tuple[list[str], int]:
    """PDFium's text cut at every line end, and the length of each cut (1 or 2).

    PDFium ends its lines with CRLF, and a CR or LF on its own also ends a line.
    """
    segments = text.split("\r\n")
    if "\r" in text or "\n" in text:
        rest = "".join(segments)
        if "\r" in rest or "\n" in rest:
            return text.replace("\r", "\n").split("\n"), 1
    return segments, 2


def _measure_lines(
    raw_page: Any,
    index: int,
    width: float,
    height: float,
    page_text: str,
    texts: list[str],
    firsts: list[int],
    lasts: list[int],
) -> PageLines:
    """The page's lines with their boxes and font sizes, and their text cleaned.

    Two loose character boxes (first and last character) and the first one's font size per
    line, through PDFium's C API (see `_char_api`), mapped over the page's lines; the boxes
    land in one buffer, each field read from it in one go. A page of printable ASCII (`page_text`, the usual
    one) is cleaned in a few tests over the whole page.
    """
    count = len(texts)
    if not count:
        return PageLines.from_lines(index, width, height, [], [], [], [], [], [], [])
    box, font_size = _char_api()
    floats, first_boxes, last_boxes = _box_slots(max(16, 1 << (count - 1).bit_length()))
    _exhaust(map(box, itertools.repeat(raw_page), firsts, first_boxes))
    _exhaust(map(box, itertools.repeat(raw_page), lasts, last_boxes))
    sizes = list(map(font_size, itertools.repeat(raw_page), firsts))
    # A line's two boxes are eight floats: the first character's left, top, right, bottom, then
    # the last one's. Each field is read as a strided view; the last character's top and bottom
    # only when they differ from the first one's (compared in C, as floats).
    end = 8 * count
    lefts, tops, rights, bottoms = (_floats(floats[field:end:8]) for field in (0, 1, 6, 3))
    if not min(sizes) > 0 or math.isnan(sum(sizes)):  # some line without a font size: its box's height stands in
        sizes = [size if size > 0 else top - bottom for size, top, bottom in zip(sizes, tops, bottoms, strict=True)]
    hyphens: list[bool]
    if _printable_ascii(page_text):  # of the hyphens, only "-" is printable ASCII
        if "-" in page_text:
            hyphens = [t[-1] == "-" and len(t) > 1 and t[-2].isalpha() for t in texts]
        else:
            hyphens = [False] * count
        if _DOUBLE_SPACE.search(page_text):  # (the regular expression finds it faster than `in`)
            texts = [" ".join(t.split()) if "  " in t else t for t in texts]
    else:
        texts, hyphens = map(list, zip(*map(_clean_line, texts), strict=True))
    # a line's top and bottom are those of both characters (the same, unless their fonts differ)
    # (often they differ in the last bits: `max` and `min` written out, as they choose)
    if floats[1:end:8] != floats[5:end:8]:
        tops = [last if last > top else top for top, last in zip(tops, _floats(floats[5:end:8]), strict=True)]
    if floats[3:end:8] != floats[7:end:8]:
        bottoms = [last if last < bottom else bottom for bottom, last in zip(bottoms, _floats(floats[7:end:8]), strict=True)]
    if not all(texts):  # the clean-up left nothing of a line
        kept = list(itertools.compress(itertools.count(), texts))
        texts, hyphens = [texts[k] for k in kept], [hyphens[k] for k in kept]
        lefts, rights, tops, bottoms, sizes = ([values[k] for k in kept] for values in (lefts, rights, tops, bottoms, sizes))
    return PageLines.from_lines(index, width, height, texts, lefts, rights, tops, bottoms, sizes, hyphens)


def _printable_ascii(text: str) -> bool:
    """Whether `text` is printable ASCII but for its line ends: `isprintable` costs 5 times more per character."""
    return text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII)


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
    PDFium's own work (about 0.85 against 0.25 µs a call here): these pointers to the same
    functions take the text page handle, a Python int and a rectangle's address as they are,
    and keep the GIL (a call is far shorter than releasing and taking it back). The box
    call's result, false only for a character index outside the page, is not read.
    """
    import ctypes

    import pypdfium2.raw as raw

    def bare(function: Any, restype: Any) -> Any:
        return ctypes.PYFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value or 0)

    return bare(raw.FPDFText_GetLooseCharBox, None), bare(raw.FPDFText_GetFontSize, ctypes.c_double)


@functools.cache
def _box_slots(capacity: int) -> tuple[memoryview[float], list[Any], list[Any]]:
    """A buffer of two boxes a line for `capacity` lines, seen as floats, and pointers to each line's first and second box.

    Made once per size (a power of two) and reused by every page, under the PDFium lock.
    """
    import ctypes

    import pypdfium2.raw as raw

    rects = (raw.FS_RECTF * (2 * capacity))()
    size = ctypes.sizeof(raw.FS_RECTF)
    assert size == 4 * ctypes.sizeof(ctypes.c_float)
    firsts = [ctypes.byref(rects, 2 * line * size) for line in range(capacity)]
    lasts = [ctypes.byref(rects, (2 * line + 1) * size) for line in range(capacity)]
    # the view keeps the buffer alive, and so do the pointers
    return memoryview(rects).cast("B").cast("f"), firsts, lasts


def _floats(view: memoryview[float]) -> list[float]:
    """The values of a view of C floats as Python floats (typeshed has `tolist` give ints)."""
    return cast("list[float]", view.tolist())
