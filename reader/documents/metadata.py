"""Publication dates and titles written in the text itself: datelines, ISO dates, a title line.

A dateline is a short line near the top that states when the piece appeared ("Published:
20 May 2025", "Posted on 3 March 2024", "22 May 2025 12:30 GMT", "2025-05-22"). Only full
dates with a year count: a date without a year cannot anchor anything. Nothing here ever
falls back to today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_DATE_FORMS = [
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 20.05.2025 is day-first wherever it is written with dots.
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?!\.?\d)"),
    # 2025/05/20
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?!\d)"),
]
#: 20/05/2025 or 05/20/2025: used only when one of the two numbers cannot be a month.
_SLASHED = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})(?![\d/])")

_KEYWORD = re.compile(
    r"^\W*(?P<kw>first published|published|posted|dated?|updated|last updated|last modified|modified)\b"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
#: Words allowed around a date on a bare dateline: times, zones, weekdays, "by Name"...
_MAX_OTHER_WORDS = 5
_TIME_OR_ZONE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]m)?|[AP]M|[ap]m|[A-Z]{2,5}|[+-]\d{2}:?\d{2}|UTC[+-]?\d*|"
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|at|on))$"
)

#: How far from the top a dateline may be: lines and characters.
DATELINE_MAX_LINES = 8
DATELINE_MAX_CHARS = 2000


def _build(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first full calendar date in `text` as (date, start, end), or None."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _DATE_FORMS:
        for m in pattern.finditer(text):
            date = _build(int(m["year"]), _month_number(m["month"]), int(m["day"]))
            if date is None:
                continue
            if best is None or m.start() < best[1]:
                best = (date, m.start(), m.end())
            break
    for m in _SLASHED.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            date = _build(int(m["year"]), b, a)
        elif b > 12 >= a:
            date = _build(int(m["year"]), a, b)
        else:
            continue
        if date and (best is None or m.start() < best[1]):
            best = (date, m.start(), m.end())
        break
    return best


def parse_date(value: object) -> dt.date | None:
    """A date from a metadata value: a date/datetime object or a string holding one full date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        found = find_date(value)
        return found[0] if found else None
    return None


def dateline_date(line: str) -> tuple[dt.date, bool] | None:
    """If `line` is a dateline, its date and whether it names an update rather than publication."""
    line = line.strip()
    if not line or len(line) > 120:
        return None
    keyword = _KEYWORD.match(line)
    found = find_date(line)
    if found is None:
        return None
    date, start, end = found
    if keyword:
        return date, "updated" in keyword["kw"].lower() or "modified" in keyword["kw"].lower()
    if len(line) > 80 or line.endswith(".") and not line.endswith(("a.m.", "p.m.")):
        return None
    other = [w for w in re.split(r"[\s,|·•/()\[\]—–-]+", line[:start] + " " + line[end:]) if w]
    loose = [w for w in other if not _TIME_OR_ZONE.match(w)]
    return (date, False) if len(loose) <= _MAX_OTHER_WORDS else None


def find_dateline(lines: Iterable[tuple[int, str]]) -> tuple[dt.date, int] | None:
    """The publication date from the first lines, given as (offset, line) pairs.

    Returns (date, offset of the dateline). A "Published"/"Posted" line wins over an
    "Updated" one; a bare date line counts as publication.
    """
    updated: tuple[dt.date, int] | None = None
    for seen, (offset, line) in enumerate(lines):
        if seen >= DATELINE_MAX_LINES or offset > DATELINE_MAX_CHARS:
            break
        found = dateline_date(line)
        if found is None:
            continue
        date, is_update = found
        if not is_update:
            return date, offset
        updated = updated or (date, offset)
    return updated


#: "NAIROBI, Kenya (AP) _": a wire-service place line, not a headline.
_WIRE_LINE = re.compile(r"^[A-Z][A-Z .'-]+,.*\((?:AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg)\)", re.IGNORECASE)


def looks_like_title(line: str) -> bool:
    """A first line that reads as a headline: short, and not a sentence ending with a period."""
    line = line.strip()
    return (
        0 < len(line) <= 150
        and not line.endswith((".", ",", ";", ":", "_", "-", "–", "—"))
        and not _WIRE_LINE.match(line)
        and dateline_date(line) is None
    )
