"""News feeds saved as files (.xml, .rss, .atom): each entry is a briefing of its own.

feedparser reads RSS 0.9x/1.0/2.0 and Atom from the file's bytes (given bytes, it never
fetches anything). Each entry keeps its title, its link (as the document's `part`, which tells
entries of one feed apart in the library) and its date (published, else updated). Its text is
the entry's full content when the feed carries it, else its summary, read by the offline HTML
reader when it is markup. Nothing is fetched: an entry with only a title and a link has no
text here and is left out, with a warning.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

from reader.documents.parts import Part, from_document
from reader.errors import DocumentError

MAX_FEED_BYTES = 10 * 1024 * 1024
#: A feed is tens of entries; thousands is an archive dump, refused whole rather than half read.
MAX_ENTRIES = 500


def read_feed(path: Path) -> list[Part]:
    import feedparser

    data = path.read_bytes()
    if len(data) > MAX_FEED_BYTES:
        raise DocumentError(f"the feed is larger than the {MAX_FEED_BYTES // 1048576} MiB limit")
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise DocumentError(f"the feed is malformed ({parsed.get('bozo_exception')}); no entry could be read")
        raise DocumentError("the feed has no entries")
    if len(entries) > MAX_ENTRIES:
        raise DocumentError(
            f"the feed holds {len(entries):,} entries, more than the {MAX_ENTRIES} one file may bring in; "
            "nothing was read. Split it or keep the newest entries"
        )
    feed_title = " ".join(str(parsed.get("feed", {}).get("title", "") or "").split())
    parts, empty = [], 0
    for number, entry in enumerate(entries, 1):
        part = entry_part(entry, number, feed_title)
        if part is None:
            empty += 1
        else:
            parts.append(part)
    if not parts:
        raise DocumentError("the feed's entries hold no text (only titles and links; nothing is fetched)")
    if empty:
        parts[0].warnings.append(f"{empty} entr{'y' if empty == 1 else 'ies'} of the feed held no text and were left out")
    if parsed.get("bozo"):
        parts[0].warnings.append(f"the feed is not well-formed ({parsed.get('bozo_exception')}); it was read leniently")
    return parts


def entry_part(entry: Any, number: int, feed_title: str) -> Part | None:
    """One feed entry as a Part, or None when it carries no text."""
    from reader.documents.from_text import document_from_text

    body, kind = "", "text/plain"
    for content in entry.get("content") or []:
        if len(content.get("value") or "") > len(body):
            body, kind = content.get("value") or "", content.get("type") or "text/html"
    if not body.strip():
        detail = entry.get("summary_detail") or {}
        body, kind = entry.get("summary") or "", detail.get("type") or "text/html"
    if not body.strip():
        return None
    fmt = "html" if "html" in kind or "xml" in kind else "txt"
    try:
        part = from_document(document_from_text(body, fmt=fmt), "feed")
    except DocumentError:
        return None
    part.title = " ".join(str(entry.get("title") or "").split()) or part.title
    part.source = feed_title or part.source
    part.part = str(entry.get("link") or entry.get("id") or f"entry {number}")
    date = _entry_date(entry)
    if date is not None:
        part.published, part.origin = date, "feed"
    return part


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date as written (its own time zone), else as feedparser normalised it (UTC)."""
    import email.utils

    for key in ("published", "updated"):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(raw).date()
            except (TypeError, ValueError, IndexError):
                continue
        when = entry.get(f"{key}_parsed")
        if when:
            return dt.datetime.fromtimestamp(calendar.timegm(when), dt.UTC).date()
    return None
