"""Text in memory (a file's decoded bytes, a paste, a mail's body) made into a `Document`.

The shared steps after a format reader (txt, md, html): web furniture trimmed at either end,
a dateline found near the top, the publication date by precedence (see reader/documents/loader.py).
Format readers of containers (mail, feeds) use `document_from_text` for the bodies they hold.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from reader.documents.boilerplate import trim_head, trim_tail
from reader.documents.metadata import find_dateline, looks_like_title, parse_date
from reader.documents.textnorm import normalize_text
from reader.errors import DocumentError, missing_part
from reader.model import Block, Document, Mark

_FORMAT_ALIASES = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md", "html": "html", "htm": "html"}
_FORMAT_NAMES = {"txt": "text", "md": "Markdown", "html": "HTML"}

#: File signatures of formats people save briefings in by mistake, with what to tell them.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
)
#: Share of control characters (or replaced bytes) above which a file is not text.
_BINARY_SHARE = 0.10
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_SAMPLE_BYTES = 64 * 1024
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Text from a file's bytes, with warnings about anything that had to be guessed or replaced.

    UTF-8 is tried first; `declared` (an HTML page's own charset) is the second choice.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return text, ["the file is UTF-16; it was read as such", *_replaced_warning(text)]
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(f"this is {what}, not a text briefing; save it as .txt, .md or .html first")
    if b"\x00" in data[:_SAMPLE_BYTES]:
        raise DocumentError("binary data (NUL bytes), not a text briefing")
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if declared and declared not in ("utf-8", "utf-8-sig"):
            text = data.decode(declared, errors="replace")
            warnings.append(f"the page is not UTF-8; it was read as {declared}, the encoding it declares")
            warnings.extend(_replaced_warning(text))
        elif not _UTF8_MULTIBYTE.search(data) and _decodes_as_cp1252(data):
            text = data.decode("cp1252")
            warnings.append("the file is not valid UTF-8; it was read as Windows-1252 (cp1252), check accented letters")
        else:
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
            warnings.append(
                f"the file is not valid UTF-8 (first bad byte at {exc.start}); "
                f"{bad} undecodable byte sequence(s) were replaced with U+FFFD"
            )
            if bad > _BINARY_SHARE * max(len(text), 1):
                raise DocumentError("mostly undecodable bytes: binary data, not a text briefing") from None
    sample = text[:_SAMPLE_BYTES]
    if sample and len(_CONTROL_CHARS.findall(sample)) > _BINARY_SHARE * len(sample):
        raise DocumentError("mostly control characters: binary data, not a text briefing")
    return text, warnings


def _decodes_as_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _replaced_warning(text: str) -> list[str]:
    bad = text.count("\ufffd")
    return [f"{bad} undecodable character(s) were replaced with U+FFFD"] if bad else []


# -- from text ---------------------------------------------------------------------------------


@dataclass
class _Parsed:
    """What a format reader found, before the shared steps (boilerplate, dateline, option)."""

    text: str
    blocks: list[Block]
    marks: list[Mark] = field(default_factory=list)
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    origin: str = "none"
    warnings: list[str] = field(default_factory=list)


def document_from_text(text: str, fmt: str = "txt", source: str = "", published: dt.date | None = None) -> Document:
    """Build a Document from text already in memory (pasted text, tests, the store).

    `fmt` is "txt", "md" or "html"; `source` is used when the text names no source itself.
    Raises DocumentError when there is nothing to analyse.
    """
    kind = _FORMAT_ALIASES.get(fmt.lower().lstrip("."))
    if kind is None:
        raise DocumentError(f"unknown format {fmt!r}; expected txt, md or html")
    text = normalize_text(text)
    if not text.strip():
        raise DocumentError("the text is empty" if not text else "the text holds only white space")
    if kind == "md":
        parsed = _from_markdown(text)
    elif kind == "html":
        parsed = _from_html(text)
    else:
        parsed = _from_plain(text)
    if not parsed.text.strip():
        raise DocumentError(f"no readable text in this {_FORMAT_NAMES[kind]} file")
    if kind != "txt":
        trim_furniture(parsed)
    if parsed.published is None:
        _apply_dateline(parsed)
    document = Document(
        text=parsed.text,
        title=parsed.title,
        source=parsed.source or source,
        published=parsed.published,
        published_origin=parsed.origin if parsed.published else "none",
        format=kind,
        blocks=parsed.blocks,
        marks=parsed.marks,
        warnings=parsed.warnings,
    )
    if published is not None:
        date = published.date() if isinstance(published, dt.datetime) else published
        document.published, document.published_origin = date, "option"
    return document


def _from_plain(text: str) -> _Parsed:
    from reader.documents.txt_reader import read_plain

    text = text.strip()
    warnings: list[str] = []
    end, dropped = trim_tail(text)
    if dropped and end > 0:
        text = text[:end]
        warnings.append(_furniture_warning(dropped))
    start, dropped = trim_head(text)
    if dropped and start < len(text):
        text = text[start:].lstrip()
        warnings.append(_furniture_warning(dropped, "start"))
    text, blocks = read_plain(text)
    first = blocks[0] if blocks else None
    title = text[first.start : first.end] if first is not None and first.kind == "heading" else ""
    return _Parsed(text, blocks, title=title, warnings=warnings)


def _from_markdown(text: str) -> _Parsed:
    try:
        from reader.documents.md_reader import front_matter_fields, read_markdown

        result = read_markdown(text)
    except ImportError as exc:
        raise missing_part(exc, "read Markdown") from None
    title, source, raw_date = front_matter_fields(result.meta)
    date = parse_date(raw_date) if raw_date is not None else None
    parsed = _Parsed(result.text, result.blocks, result.marks, warnings=result.warnings, source=source)
    parsed.published, parsed.origin = date, "front-matter"
    if not title:
        heading = next((b for b in result.blocks if b.kind == "heading"), None)
        first = result.blocks[0] if result.blocks else None
        if heading is not None:
            title = result.text[heading.start : heading.end]
        elif first is not None and len(result.blocks) > 1 and looks_like_title(result.text[first.start : first.end]):
            title = result.text[first.start : first.end]
    parsed.title = title
    return parsed


def _from_html(text: str) -> _Parsed:
    try:
        from reader.documents.html_reader import read_html

        result = read_html(text)
    except ImportError as exc:  # trafilatura without lxml_html_clean, say: one clear line, no traceback
        raise missing_part(exc, "read HTML") from None
    return _Parsed(
        result.text,
        result.blocks,
        result.marks,
        title=result.title,
        source=result.source,
        published=result.published,
        origin="html-meta",
        warnings=result.warnings,
    )


class _Trimmable(Protocol):
    """A reader's result before the shared steps: the loader's own, or a container's Part."""

    text: str
    blocks: list[Block]
    marks: list[Mark]
    warnings: list[str]


_Spanned = TypeVar("_Spanned", Block, Mark)


def trim_furniture(parsed: _Trimmable) -> None:
    """Cut web furniture from both ends of a rebuilt text, moving the blocks and marks with it."""
    end, dropped = trim_tail(parsed.text)
    if dropped and end > 0:
        parsed.text = parsed.text[:end]
        parsed.blocks = [_clip(b, 0, end) for b in parsed.blocks if b.start < end]
        parsed.marks = [_clip(m, 0, end) for m in parsed.marks if m.start < end]
        parsed.warnings.append(_furniture_warning(dropped))
    start, dropped = trim_head(parsed.text)
    if dropped and start < len(parsed.text):
        start += len(parsed.text[start:]) - len(parsed.text[start:].lstrip())
        parsed.text = parsed.text[start:]
        parsed.blocks = [_clip(b, start, len(parsed.text) + start) for b in parsed.blocks if b.end > start]
        parsed.marks = [_clip(m, start, len(parsed.text) + start) for m in parsed.marks if m.end > start]
        parsed.warnings.append(_furniture_warning(dropped, "start"))


def _clip(item: _Spanned, start: int, end: int) -> _Spanned:
    """Limit `item` to [start, end) and make its offsets relative to `start`."""
    item.start = max(item.start, start) - start
    item.end = min(item.end, end) - start
    return item


def _furniture_warning(dropped: list[str], where: str = "end") -> str:
    shown = ", ".join(repr(line if len(line) <= 40 else line[:37] + "...") for line in dropped[:3])
    more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
    return f"dropped web page furniture at the {where} of the text: {shown}{more}"


def _apply_dateline(parsed: _Parsed) -> None:
    lines = []
    pos = 0
    for line in parsed.text.split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    found = find_dateline(lines)
    if found is not None:
        parsed.published, parsed.origin = found[0], "dateline"
