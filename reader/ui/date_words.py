"""TIMEX3 values said in words, for tooltips and the timeline ("2025-05-15" → "Thu 15 May 2025").

A reader should never have to decode ``XXXX-05-15`` or ``PT2H``; this module is plain Python
(no Qt) so it is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
QUARTERS = {"Q1": "first quarter", "Q2": "second quarter", "Q3": "third quarter", "Q4": "fourth quarter"}
HALVES = {"H1": "first half", "H2": "second half"}
PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "some time in the past", "FUTURE_REF": "some time in the future"}
MODS = {
    "APPROX": "about",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "START": "the start of",
    "MID": "the middle of",
    "END": "the end of",
}
DURATION_UNITS = {
    "Y": ("year", "years"),
    "M": ("month", "months"),
    "W": ("week", "weeks"),
    "D": ("day", "days"),
    "H": ("hour", "hours"),
    "TM": ("minute", "minutes"),
    "S": ("second", "seconds"),
    "DE": ("decade", "decades"),
    "CE": ("century", "centuries"),
    "Q": ("quarter", "quarters"),
}
SET_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute"}

_DATE = re.compile(r"^(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?$")
_DATETIME = re.compile(r"^(?P<date>[\dX]{4}(?:-[\dX]{2}){0,2})T(?P<time>.+)$")
_WEEK = re.compile(r"^(?P<year>\d{4}|XXXX)-W(?P<week>\d{2}|XX)(?:-(?P<wd>\d|WE))?$")
_PART = re.compile(r"^(?P<year>\d{4}|XXXX)-(?P<part>SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(?P<digits>\d{3})X?$")
_CENTURY = re.compile(r"^(?P<digits>\d{2})(?:XX)?$")
_CLOCK = re.compile(r"^(?P<h>\d{2})(?::(?P<m>\d{2}))?(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$")
_DURATION_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|X)(?P<unit>DE|CE|[YMWDHS]|Q)")


def describe_value(value: str, type_: str = "DATE", mod: str | None = None) -> str:
    """The value in words; unknown shapes come back as they are rather than guessed."""
    words = _describe(value.strip(), type_.upper())
    if mod and mod in MODS and words:
        words = f"{MODS[mod]} {words}"
    return words


def _describe(value: str, type_: str) -> str:
    if not value or value in ("XXXX", "XXXX-XX", "XXXX-XX-XX"):
        return "not resolved"
    if value in REFERENCES:
        return REFERENCES[value]
    if type_ == "SET" or value.startswith("R"):
        return _describe_set(value)
    if value.startswith("P"):
        return describe_duration(value)
    if m := _DATETIME.match(value):
        return _describe_datetime(m["date"], m["time"])
    if m := _DATE.match(value):
        return _describe_date(m["year"], m["month"], m["day"])
    if m := _WEEK.match(value):
        return _describe_week(m["year"], m["week"], m["wd"])
    if m := _PART.match(value):
        part = m["part"]
        name = SEASONS.get(part) or QUARTERS.get(part) or HALVES[part]
        if m["year"] == "XXXX":
            return f"{name} (year unknown)"
        return f"{name} {m['year']}" if part in SEASONS else f"{name} of {m['year']}"
    if m := _DECADE.match(value):
        return f"the {m['digits']}0s"
    if m := _CENTURY.match(value):
        return f"the {_ordinal(int(m['digits']) + 1)} century"
    return value


def _describe_date(year: str, month: str | None, day: str | None) -> str:
    known_year = year != "XXXX"
    if month is None:
        return year if known_year else "not resolved"
    if month == "XX":
        return f"some time in {year}" if known_year else "not resolved"
    month_name = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
    if day is None or day == "XX":
        return f"{month_name} {year}" if known_year else f"{month_name} (year unknown)"
    if not known_year:
        return f"{int(day)} {month_name} (year unknown)"
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return f"{year}-{month}-{day}"
    return f"{WEEKDAYS[date.weekday()][:3]} {date.day} {month_name} {date.year}"


def _describe_datetime(date_part: str, time_part: str) -> str:
    date_words = _describe(date_part, "DATE") if date_part.strip("X-") else ""
    if time_part in PARTS_OF_DAY:
        when = PARTS_OF_DAY[time_part]
    elif m := _CLOCK.match(time_part):
        when = f"{m['h']}:{m['m'] or '00'}"
        if m["tz"]:
            when += " UTC" if m["tz"] == "Z" else f" (UTC{m['tz']})"
    else:
        when = time_part
    if not date_words or date_words == "not resolved":
        return when
    return f"{date_words}, {when}"


def _describe_week(year: str, week: str, weekday: str | None) -> str:
    if weekday == "WE":
        head = "the weekend of week"
    elif weekday:
        head = f"{WEEKDAYS[int(weekday) - 1]} of week"
    else:
        head = "week"
    if week == "XX":
        return "a weekend" if weekday == "WE" else "some week"
    text = f"{head} {int(week)}"
    return f"{text} of {year}" if year != "XXXX" else f"{text} (year unknown)"


def describe_duration(value: str) -> str:
    """``PT2H`` → "2 hours"; ``P1Y6M`` → "1 year 6 months"; ``PXD`` → "some days"."""
    body = value[1:]
    if not body:
        return value
    parts: list[str] = []
    in_time = False
    pos = 0
    while pos < len(body):
        if body[pos] == "T":
            in_time = True
            pos += 1
            continue
        m = _DURATION_PART.match(body, pos)
        if not m:
            return value
        unit = m["unit"]
        if in_time and unit == "M":
            unit = "TM"
        singular, plural = DURATION_UNITS[unit]
        n = m["n"]
        if n == "X":
            parts.append(f"some {plural}")
        else:
            number = float(n)
            count = int(number) if number.is_integer() else number
            parts.append(f"{count} {singular if count == 1 else plural}")
        pos = m.end()
    return " ".join(parts) if parts else value


def _describe_set(value: str) -> str:
    body = value.lstrip("R").lstrip("0123456789/") if value.startswith("R") else value
    m = re.fullmatch(r"P(?:T)?(\d+|X)?(DE|CE|[YMWDH]|Q)", body)
    if m:
        n, unit = m.groups()
        unit = "TM" if body.startswith("PT") and unit == "M" else unit
        name = SET_UNITS.get(unit, DURATION_UNITS.get(unit, (unit,))[0])
        if n in (None, "1", "X"):
            return f"every {name}"
        return f"every {n} {DURATION_UNITS[unit][1]}"
    if m := _WEEK.match(body):
        if m["wd"] and m["wd"] != "WE":
            return f"every {WEEKDAYS[int(m['wd']) - 1]}"
        if m["wd"] == "WE":
            return "every weekend"
    if m := _DATETIME.match(body):
        if m["time"] in PARTS_OF_DAY and not m["date"].strip("X-"):
            return f"every {PARTS_OF_DAY[m['time']]}"
    if m := _DATE.match(body):
        if m["year"] == "XXXX" and m["month"] and m["month"] != "XX" and (m["day"] in (None, "XX")):
            return f"every {MONTHS[int(m['month']) - 1]}"
    return f"repeating ({value})"


def describe_short(value: str | None, type_: str = "DATE") -> str:
    """Compact form for the timeline: "Thu 15 May 2025" → "15 May 2025"; unknown → ""."""
    if not value:
        return ""
    words = describe_value(value, type_)
    if words == "not resolved":
        return ""
    m = re.fullmatch(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (\w+) (\d{4})(.*)", words)
    if m:
        return f"{m[1]} {m[2][:3]} {m[3]}{m[4]}"
    return words


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe_date(date: dt.date) -> str:
    """A publication date as the header shows it: "Wed 4 December 2024"."""
    return f"{WEEKDAYS[date.weekday()][:3]} {date.day} {MONTHS[date.month - 1]} {date.year}"
