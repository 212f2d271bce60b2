"""What a file really is, from its first bytes: its name can be wrong ("report.txt" that is a PDF).

`sniff` looks at the start of the file (and, for ZIP and OLE containers, at the names of the
parts inside) and returns the format it finds, or None for text of no particular kind. The
loader reads a file by what it is and warns when the name said otherwise.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

#: Formats whose content is recognisable, and how to name them to the user.
NAMES = {
    "pdf": "a PDF document",
    "docx": "a Word document (.docx)",
    "odt": "an OpenDocument text (.odt)",
    "msg": "an Outlook message (.msg)",
    "eml": "an e-mail message (.eml)",
    "feed": "a news feed (RSS or Atom)",
    "html": "a web page",
    "zip": "a ZIP archive",
    "ole": "an old Microsoft Office document (.doc, .xls or .ppt)",
}
#: Formats that are binary containers: a file named so whose bytes do not match is refused.
BINARY = frozenset(("pdf", "docx", "odt", "msg"))

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FEED = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss\b|feed\b[^>]*Atom|rdf:RDF\b)", re.S | re.I)
_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html\b)", re.I)
#: The first line of a saved e-mail is one of its headers.
_MAIL_HEADER = re.compile(
    rb"^(?:Return-Path|Received|From|Delivered-To|X-[\w-]+|MIME-Version|Message-ID|Date|To|Subject|"
    rb"Content-Type|DKIM-Signature|ARC-[\w-]+|Authentication-Results)\s*:",
    re.I,
)


def sniff(path: Path, head: bytes) -> str | None:
    """The format of the file whose first bytes are `head` ("pdf", "docx", "msg"...), or None."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(_OLE):
        return _ole_kind(path)
    if _FEED.match(head[:2048]):
        return "feed"
    if _HTML.match(head[:1024]):
        return "html"
    if _MAIL_HEADER.match(head.lstrip(b"\r\n")[:200]) and (b"\n\n" in head or b"\r\n\r\n" in head):
        return "eml"
    return None


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:5000])
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype")[:100].startswith(b"application/vnd.oasis.opendocument"):
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        pass
    return "zip"


def _ole_kind(path: Path) -> str:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if any(entry[0].startswith("__substg1.0_") for entry in ole.listdir(streams=True, storages=False)):
                return "msg"
    except (OSError, ValueError) as exc:  # olefile raises OSError for a broken container
        del exc
    return "ole"


def guess_format(text: str) -> str:
    """Pasted text: Markdown if it looks like it (headings, lists, emphasis), else plain text."""
    lines = [line.lstrip() for line in text.splitlines()[:200]]
    if text.lstrip().lower().startswith(("<!doctype html", "<html")):
        return "html"
    markdownish = sum(line.startswith(("# ", "## ", "### ", "- ", "* ", "> ", "---")) for line in lines)
    return "md" if markdownish >= 2 or "**" in text else "txt"
