"""Read a briefing file safely and hand it to the right format reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.errors import DocumentError
from reader.model import Block, Document

#: Larger files are refused: a briefing is tens of kilobytes; 5 MiB is a long book.
MAX_FILE_BYTES = 5 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def load_document(path: str | Path, published: dt.date | None = None) -> Document:
    """Load a .txt/.md/.html briefing; `published` overrides any date found in the file."""
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"{p}: no such file")
    if p.is_dir():
        raise DocumentError(f"{p}: is a directory, not a briefing file")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{p}: unknown file type {suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"{p}: {size / 1048576:.1f} MiB is larger than the {MAX_FILE_BYTES // 1048576} MiB limit")
    data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{p}: binary data, not a text briefing")
    warnings: list[str] = []
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw = data.decode("utf-8", errors="replace")
        warnings.append("the file is not valid UTF-8; undecodable bytes were replaced with U+FFFD")
    if not raw.strip():
        raise DocumentError(f"{p}: the file is empty")
    fmt = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}.get(suffix, "txt")
    doc = document_from_text(raw, fmt=fmt, source=str(p), published=published)
    doc.warnings[:0] = warnings
    return doc


def document_from_text(text: str, fmt: str = "txt", source: str = "", published: dt.date | None = None) -> Document:
    """Build a Document from text already in memory (pasted text, tests, the store)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            blocks.append(Block("paragraph", pos, pos + len(para)))
        pos += len(para) + 1
    doc = Document(text=text, source=source, format=fmt, blocks=blocks)
    if published is not None:
        doc.published, doc.published_origin = published, "option"
    return doc
