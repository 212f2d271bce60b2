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
end of the text with a warning; nothing before it moves. Every document gets its one title
here (`reader.model.briefing_title`): the one its format gives, else its first heading, else
the file's name.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

from reader.documents.from_text import declared_charset, decode_bytes, document_from_text
from reader.errors import DocumentError, missing_part
from reader.model import Document, briefing_title

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
            document.title = briefing_title(document, p.name)
        return documents
    _check_size(p, fmt)
    data = _read_bytes(p)
    try:
        text, decoded = decode_bytes(data, declared_charset(data) if fmt == "html" else None)
        document = document_from_text(text, fmt=fmt, source=str(p), published=published)
    except DocumentError as exc:
        raise DocumentError(f"{p}: {exc}") from None
    document.warnings[:0] = warnings + decoded
    document.title = briefing_title(document, p.name)
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
