"""Word briefings (.docx): headings, paragraphs, lists and tables as text, through python-docx.

The body is walked in order (paragraphs and tables as Word keeps them): a paragraph styled
Title or Heading N is a heading, one styled as a list or carrying list numbering is a list item,
a table row is one line with its cells separated by tabs, as the HTML reader does. Bold,
italic and hyperlinks become marks. The title and date come from the text (first heading,
dateline) and, when the text has none, from the document properties.

A .docx is a ZIP archive, so it is checked before python-docx opens it: a bounded number of
parts, each of a bounded unpacked size and compression ratio (a ZIP bomb unpacks a few hundred
kilobytes into gigabytes). python-docx reads a part whole and parses its XML without
resolving entities, so these checks bound memory.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from reader.documents.builder import TextBuilder
from reader.documents.parts import Part, _dateline
from reader.errors import DocumentError

MAX_PARTS = 2000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: Word's XML compresses about 10:1; far beyond this is a bomb, not a document.
MAX_RATIO = 200
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def check_zip(path: Path, what: str = "Word file") -> None:
    """Refuse archives that would unpack to more than a briefing can be (a ZIP bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError(f"the {what} is damaged (not a readable ZIP archive: {exc})") from None
    if len(members) > MAX_PARTS:
        raise DocumentError(f"the {what} holds {len(members):,} parts, more than {MAX_PARTS:,}; refused")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_PART_BYTES or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise DocumentError(
                f"the {what} has a part ({member.filename}) that unpacks to {member.file_size / 1048576:.0f} MiB "
                f"from {member.compress_size / 1024:.0f} KiB (a ZIP bomb?); refused"
            )
    if total > MAX_TOTAL_BYTES:
        raise DocumentError(f"the {what} unpacks to {total / 1048576:.0f} MiB (a ZIP bomb?); refused")


def read_docx(path: Path) -> Part:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError(f"the Word file is damaged or not a .docx ({type(exc).__name__}: {exc})") from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a broken part
        raise DocumentError(f"the Word file is damaged ({type(exc).__name__}: {exc})") from None
    builder = TextBuilder()
    _walk(document, builder)
    text, blocks, marks = builder.finish()
    part = Part(text=text, blocks=blocks, fmt="docx", marks=marks)
    props = document.core_properties
    heading = next((b for b in blocks if b.kind == "heading"), None)
    part.title = text[heading.start : heading.end] if heading else " ".join((props.title or "").split())
    if _dateline(text) is None:
        date = props.created or props.modified
        if isinstance(date, dt.datetime) and date.year > 1980:
            part.published, part.origin = date.date(), "properties"
    return part


def _walk(document: Any, builder: TextBuilder) -> None:
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            _table(item, builder)
        else:
            _paragraph(item, builder)


def _paragraph(paragraph: Any, builder: TextBuilder) -> None:
    kind, level = _kind(paragraph)
    builder.open_block(kind, level)
    _inline(paragraph, builder)
    builder.close_block()


def _kind(paragraph: Any) -> tuple[str, int]:
    try:
        style = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, ValueError):
        style = ""
    if style.lower() == "title":
        return "heading", 1
    m = _HEADING_STYLE.match(style)
    if m:
        return "heading", int(m.group(1))
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    if numbered or style.lower().startswith("list"):
        level = 1
        if numbered and ppr.numPr.ilvl is not None and ppr.numPr.ilvl.val is not None:
            level = int(ppr.numPr.ilvl.val) + 1
        return "list_item", min(level, 4)
    return "paragraph", 0


def _inline(paragraph: Any, builder: TextBuilder) -> None:
    from docx.text.hyperlink import Hyperlink

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            address = item.address or ""
            if address:
                builder.open_mark("link", address)
            for run in item.runs:
                _run(run, builder)
            if address:
                builder.close_mark()
        else:
            _run(item, builder)


def _run(run: Any, builder: TextBuilder) -> None:
    kinds = [k for k, on in (("strong", run.bold), ("em", run.italic)) if on]
    for kind in kinds:
        builder.open_mark(kind)
    builder.text(run.text)
    for _ in kinds:
        builder.close_mark()


def _table(table: Any, builder: TextBuilder) -> None:
    for row in table.rows:
        builder.open_block("paragraph")
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(id(cell._tc))
            builder.separator("\t")
            builder.text(" ".join(p.text for p in cell.paragraphs))
        builder.close_block()
