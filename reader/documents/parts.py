"""What the readers of rich formats (PDF, Word, e-mail, feeds) hand back, and the steps they share.

A file of these formats may hold several briefings (a feed's entries, a mail and the reports
attached to it), so each reader returns a list of `Part`s; `finish` turns one into a
`Document` the same way for every format: the publication date falls back to a dateline in
the text, and a date passed by the user overrides everything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reader.documents.metadata import find_dateline
from reader.model import Block, Document, Mark


@dataclass
class Part:
    """One briefing read from a file, before the shared steps."""

    text: str
    blocks: list[Block]
    fmt: str
    marks: list[Mark] = field(default_factory=list)
    title: str = ""
    source: str = ""
    published: dt.date | None = None
    #: Where `published` came from ("properties", "mail-header", "feed", "html-meta"...).
    origin: str = "none"
    warnings: list[str] = field(default_factory=list)
    #: Which piece of a multi-briefing file this is (a feed entry's link, "attachment: x.pdf").
    part: str = ""


def finish(part: Part, published: dt.date | None = None) -> Document:
    """The Document for `part`; `published` (the user's own date) overrides any date found."""
    date, origin = part.published, part.origin if part.published else "none"
    if date is None:
        found = _dateline(part.text)
        if found is not None:
            date, origin = found, "dateline"
    if published is not None:
        date = published.date() if isinstance(published, dt.datetime) else published
        origin = "option"
    return Document(
        text=part.text,
        title=part.title,
        source=part.source,
        published=date,
        published_origin=origin,
        format=part.fmt,
        blocks=part.blocks,
        marks=part.marks,
        warnings=part.warnings,
        part=part.part,
    )


def from_document(document: Document, fmt: str) -> Part:
    """A Part from a Document built by the text readers (an HTML mail body, a feed entry)."""
    return Part(
        text=document.text,
        blocks=document.blocks,
        fmt=fmt,
        marks=document.marks,
        title=document.title,
        source=document.source,
        published=document.published if document.published_origin != "dateline" else None,
        origin=document.published_origin,
        warnings=list(document.warnings),
    )


def _dateline(text: str) -> dt.date | None:
    lines, pos = [], 0
    for line in text[:4000].split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    found = find_dateline(lines)
    return found[0] if found else None
