"""Read a briefing file safely and hand it to the right format reader.

Accepted: UTF-8 text files named ``.txt``/``.text`` (plain text), ``.md``/``.markdown``
(CommonMark with tables and YAML front matter) and ``.html``/``.htm`` (a saved web page; only
its main text is kept, nothing is fetched); and, through `reader.documents.rich`, ``.pdf``,
``.docx``, ``.eml``, ``.msg`` and feeds (``.xml``/``.rss``/``.atom``), which may hold several
briefings (`load_documents`). A file is read by what its bytes are (`sniff`), with a warning
when its name says otherwise. Text files larger than ``MAX_FILE_BYTES`` (5 MiB) are refused
before they are read (containers have larger limits): a briefing is tens of kilobytes.

Every problem with a file raises one `DocumentError` whose message names the file and says
what is wrong in one line: missing, a directory or special file, permission denied, an
unknown extension, too large, binary (NUL bytes, a PDF/Word/image signature, or mostly
control characters), empty, or Markdown/HTML with no readable text. Bytes that are not valid
UTF-8 do not stop the load: an HTML page is read in the charset its <meta> declares; a file
with no UTF-8 multi-byte sequence at all is read as Windows-1252 (the usual culprit);
otherwise the bad bytes become U+FFFD. `Document.warnings` says which. UTF-16 with a BOM is
read as such.

The publication date is taken, in this order, from the `published` argument ("option"),
Markdown front matter ("front-matter") or HTML metadata ("html-meta"), then a dateline near
the top of the text ("dateline"); otherwise it stays None ("none"), never today's date.
Trailing web furniture ("Short link:", "Share this", "Related articles"...) is cut from the
end of the text with a warning; nothing before it moves.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from reader.documents.boilerplate import trim_head, trim_tail
from reader.documents.metadata import find_dateline, looks_like_title, parse_date
from reader.documents.textnorm import normalize_text
from reader.errors import DocumentError, missing_part
from reader.model import Block, Document, Mark

MAX_FILE_BYTES = 5 * 1024 * 1024
#: Larger limits for containers, whose bytes are mostly images, fonts and compression.
_MAX_BYTES = {"pdf": 100 * 1024 * 1024, "docx": 50 * 1024 * 1024, "eml": 30 * 1024 * 1024, "msg": 30 * 1024 * 1024}
SUPPORTED_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown", ".html", ".htm",
    ".pdf", ".docx", ".eml", ".msg", ".xml", ".rss", ".atom",
)  # fmt: skip
_FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".pdf": "pdf", ".docx": "docx", ".eml": "eml", ".msg": "msg", ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".odt": "odt", ".doc": "ole",
}  # fmt: skip
#: Formats read by the readers of rich formats (`reader.documents.rich`), possibly several briefings a file.
_RICH = frozenset(("pdf", "docx", "eml", "msg", "feed"))
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


#: The one message for a path that is a loop of symbolic links (import and analyze alike).
SYMLINK_LOOP = "a loop of symbolic links, not a briefing file"


def missing_path_message(p: Path) -> str:
    """Why a path that does not resolve to a file cannot be read (the same words everywhere)."""
    try:
        _check_file(p)
    except DocumentError as exc:
        return str(exc)
    return f"{p}: no such file or folder"


def load_document(path: str | os.PathLike[str], published: dt.date | None = None) -> Document:
    """Load one briefing; `published` overrides any date found in the file.

    A file holding several briefings (a feed, a mail with attached reports) gives its first,
    with a warning saying how many there are: `load_documents` reads them all.
    """
    documents = load_documents(path, published)
    if len(documents) > 1:
        documents[0].warnings.append(
            f"this file holds {len(documents)} briefings; the first is shown. Import it into the library to read them all"
        )
    return documents[0]


def load_documents(path: str | os.PathLike[str], published: dt.date | None = None) -> list[Document]:
    """Every briefing in a file, in order: one for most files, one per entry of a feed, a mail
    then its attached reports. All or nothing: a file that fails gives no document at all."""
    from reader.documents.sniff import sniff

    p = Path(path)
    named = _check_file(p)
    _check_size(p, named or "pdf")  # before a byte is read: a 2 GB "briefing" costs nothing
    head = _read_head(p)
    found = sniff(p, head)
    fmt, warnings = _resolve_format(p, named, found)
    if fmt in _RICH:
        from reader.documents.rich import read_rich

        _check_size(p, fmt)
        try:
            documents = read_rich(p, fmt, published)
        except DocumentError as exc:
            raise DocumentError(f"{p}: {exc}") from None
        except ImportError as exc:  # e.g. pypdfium2 missing from the installation: one line, no traceback
            raise DocumentError(f"{p}: {missing_part(exc, f'read this {fmt} file')}") from None
        for document in documents:
            document.warnings[:0] = warnings
        return documents
    _check_size(p, fmt)
    data = _read_bytes(p)
    try:
        text, decoded = decode_bytes(data, declared_charset(data) if fmt == "html" else None)
        document = document_from_text(text, fmt=fmt, source=str(p), published=published)
    except DocumentError as exc:
        raise DocumentError(f"{p}: {exc}") from None
    document.warnings[:0] = warnings + decoded
    return [document]


def _resolve_format(p: Path, named: str | None, found: str | None) -> tuple[str, list[str]]:
    """Read a file by what it is: its content wins over its name, with a warning."""
    from reader.documents.sniff import BINARY, NAMES

    readable = _RICH | {"txt", "md", "html"}
    suffix = p.suffix.lower() or "(no extension)"
    if found in readable and named != found and not (found == "html" and named in ("md", "txt")):
        if named in ("txt", "md") and found in ("eml", "feed"):
            return named, []  # text that merely looks like mail or a feed stays what it is named
        return found, [f"the file is named {suffix} but is {NAMES[found]}; it was read as such"]
    if named == "docx" and found == "zip":
        raise DocumentError(f"{p}: the Word file is damaged or not a .docx (there is no word/document.xml inside)")
    if found in ("zip", "ole", "odt") or named in ("ole", "odt"):
        what = NAMES[found or named or "zip"]
        hint = "save it as .docx or PDF" if (found or named) in ("ole", "odt") else "unpack it and open the briefings inside"
        raise DocumentError(f"{p}: this is {what}, which the reader does not open; {hint}")
    if named in BINARY and found != named:
        raise DocumentError(f"{p}: the file is named {suffix} but is not {NAMES[named]} (its content does not match)")
    if named is None:
        raise DocumentError(
            f"{p}: unknown file type {suffix}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    return named, []


def _read_head(p: Path) -> bytes:
    try:
        with p.open("rb") as fh:
            return fh.read(8192)
    except PermissionError:
        raise DocumentError(f"{p}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read: {exc.strerror or exc}") from None


def _check_size(p: Path, fmt: str) -> None:
    limit = _MAX_BYTES.get(fmt, MAX_FILE_BYTES)
    size = p.stat().st_size
    if size > limit:
        raise DocumentError(f"{p}: {_size(size)} is larger than the {_size(limit)} limit for a briefing")


def _check_file(p: Path) -> str | None:
    """The format `p`'s suffix names (None when unknown), after checking it is a readable regular file."""
    try:
        info = p.stat()
    except FileNotFoundError:
        raise DocumentError(f"{p}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{p}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError(f"{p}: {SYMLINK_LOOP}") from None
        raise DocumentError(f"{p}: cannot open: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DocumentError(f"{p}: is a directory, not a briefing file")
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{p}: not a regular file")
    if info.st_size == 0:
        raise DocumentError(f"{p}: the file is empty")
    return _FORMATS.get(p.suffix.lower())


def _read_bytes(p: Path) -> bytes:
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise DocumentError(f"{p}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(f"{p}: larger than the {_size(MAX_FILE_BYTES)} limit for a briefing")
    return data


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 1048576 else f"{n / 1024:.0f} KiB"


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
        _trim_furniture(parsed)
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


def _trim_furniture(parsed: _Parsed) -> None:
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


def _clip(item: Block | Mark, start: int, end: int) -> Block | Mark:
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
