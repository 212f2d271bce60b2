"""Plain date arithmetic that produces TIMEX3 values; no spaCy, no regexes.

Direction is an int: -1 the text looks back (past tense), +1 it looks forward (future),
0 unknown (take the nearest occurrence; for a weekday, the one just gone), 2 the present
progressive ("Tuesday's meeting is being hosted": the closest weekday either side). A reference date of None means the year is unknown:
values then keep ``X`` placeholders instead of guessing from today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

PAST, NEAREST, FUTURE, NOW = -1, 0, 1, 2
#: "called an election for 17 November": the nearest occurrence with no lean to the past (a thing called or
#: forecast for a day lies after the calling as often as news looks back); a weekday so named lies ahead.
EVEN = 3

#: News looks back more often than ahead: with no tense to go by, a future occurrence must be this
#: much nearer than the past one to win ("the Oct. 23 slaying" in a May paper is last October's).
FUTURE_DISTANCE_WEIGHT = 1.5


def _distance(candidate: int, here: int, direction: int = NEAREST) -> float:
    gap = candidate - here
    return gap * (1.0 if direction == EVEN else FUTURE_DISTANCE_WEIGHT) if gap > 0 else -gap


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def month_day(ref: dt.date | None, month: int, day: int, direction: int) -> str | None:
    """'15 May' with no year: the occurrence the tense points to, else the nearest one."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if ref is None:
        return f"XXXX-{month:02d}-{day:02d}" if valid_day(2000, month, day) else None
    candidates = [dt.date(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1) if valid_day(y, month, day)]
    if not candidates:
        return None
    if direction == PAST:
        # a few days of slack: wire copy is often dated the day after it was written
        pool = [c for c in candidates if c <= ref + dt.timedelta(days=2)]
    elif direction == FUTURE:
        pool = [c for c in candidates if c >= ref - dt.timedelta(days=2)]
    else:
        pool = candidates
    pool = pool or candidates
    return day_value(min(pool, key=lambda c: _distance(c.toordinal(), ref.toordinal(), direction)))


def month_only(ref: dt.date | None, month: int, direction: int) -> str:
    """'February' alone: the month of the year the tense points to, else the nearest one."""
    if ref is None:
        return f"XXXX-{month:02d}"
    here = ref.year * 12 + ref.month - 1
    candidates = [(y * 12 + month - 1, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == PAST:
        pool = [c for c in candidates if c[0] <= here]
    elif direction == FUTURE:
        pool = [c for c in candidates if c[0] >= here]
    else:
        pool = candidates
    pool = pool or candidates
    _, year = min(pool, key=lambda c: _distance(c[0], here, direction))
    return month_value(year, month)


def weekday(ref: dt.date | None, isoday: int, direction: int, shift: int = 0) -> str:
    """'Tuesday': the one of the publication week the tense points to (news: past unless future).

    ``shift`` is -1 for 'last Tuesday' and +1 for 'next Tuesday'.
    """
    if ref is None:
        return f"XXXX-WXX-{isoday}"
    delta = isoday - ref.isoweekday()
    if shift == 0 and direction == NOW and delta:
        ahead, behind = delta % 7, delta % 7 - 7
        return day_value(ref + dt.timedelta(days=min((ahead, behind), key=lambda d: _distance(d, 0))))
    if shift < 0 or (shift == 0 and direction not in (FUTURE, EVEN)):
        if delta > 0 or (shift < 0 and delta == 0):
            delta -= 7
    else:
        if delta < 0 or (shift > 0 and delta == 0):
            delta += 7
    return day_value(ref + dt.timedelta(days=delta))


def shift_value(ref: dt.date | None, amount: int, unit: str) -> str:
    """The calendar unit `amount` units away from `ref`, at that unit's granularity."""
    if ref is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}.get(unit, "XXXX")
    if unit == "D":
        return day_value(ref + dt.timedelta(days=amount))
    if unit == "W":
        return week_value(ref + dt.timedelta(weeks=amount))
    if unit == "WE":
        return week_value(ref + dt.timedelta(weeks=amount)) + "-WE"
    if unit == "M":
        d = add_months(ref, amount)
        return month_value(d.year, d.month)
    if unit == "Q":
        index = ref.year * 4 + quarter_of(ref) - 1 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "Y":
        return f"{ref.year + amount:04d}"
    if unit == "DE":
        return f"{(ref.year // 10 + amount):03d}"
    if unit == "CE":
        return f"{(ref.year // 100 + amount):02d}"
    return f"{ref.year + amount:04d}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, 'Y') -> P2Y, (2, 'H') -> PT2H, (None, 'D') -> PXD, decades in years."""
    time_unit = unit in ("H", "MIN", "S")
    letter = {"MIN": "M", "DE": "DE", "CE": "CE", "WE": "WE", "2W": "W"}.get(unit, unit)
    if amount is None:
        number = "X"
    else:
        if unit == "2W":
            amount *= 2
        if unit == "DE":
            letter, amount = "Y", amount * 10
        elif unit == "CE":
            letter, amount = "Y", amount * 100
        elif unit == "WE":
            letter = "WE"
        if amount != int(amount):
            # 1.5 years -> P18M, 1.5 hours -> PT90M: TIMEX3 values are whole numbers
            smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
            if unit in smaller:
                sub, factor = smaller[unit]
                return duration_value(round(amount * factor), sub)
        number = str(int(amount))
    return f"PT{number}{letter}" if time_unit else f"P{number}{letter}"


def season_value(year: int | None, code: str) -> str:
    return f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"


def season_year(ref: dt.date | None, code: str, relation: str, direction: int) -> int | None:
    """Which year a season belongs to: 'last spring' is last year's, 'this summer' this year's."""
    if ref is None:
        return None
    if relation == "this":
        return ref.year
    if relation == "last":
        return ref.year - 1
    if relation in ("this past", "the past"):
        return ref.year - 1 if _season_index(code) >= _season_index(_season_of(ref)) else ref.year
    if relation in ("next", "the coming"):
        return ref.year + 1 if _season_index(code) <= _season_index(_season_of(ref)) else ref.year
    if direction == PAST and _season_index(code) > _season_index(_season_of(ref)):
        return ref.year - 1
    return ref.year


_SEASONS = ("WI", "SP", "SU", "FA")


def _season_index(code: str) -> int:
    return _SEASONS.index(code) if code in _SEASONS else 0


def _season_of(d: dt.date) -> str:
    return _SEASONS[(d.month % 12) // 3]


def quarter_year(ref: dt.date | None, quarter: int, direction: int) -> int | None:
    """'the third quarter' without a year: this year's, unless the text looks back past it."""
    if ref is None:
        return None
    current = quarter_of(ref)
    if direction == PAST and quarter > current:
        return ref.year - 1
    return ref.year


def century_value(ordinal: int) -> str:
    """'the 20th century' -> '19' (TIMEX3 writes the leading digits of the years)."""
    return f"{ordinal - 1:02d}"


def year_from_two_digits(yy: int, ref: dt.date | None) -> int:
    """'FY24' -> 2024; '98 -> 1998: the century that puts the year nearest the reference."""
    base = ref.year if ref else 2000
    candidates = [c * 100 + yy for c in (base // 100 - 1, base // 100, base // 100 + 1)]
    return min(candidates, key=lambda y: abs(y - base))


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(spec: str, year: int) -> dt.date:
    """A holiday in `year` from its lexicon spec: 'MM-DD', 'nth M WEEKDAY N', 'last M WEEKDAY', 'easter OFFSET'."""
    parts = spec.split()
    if parts[0] == "easter":
        return easter(year) + dt.timedelta(days=int(parts[1]))
    if parts[0] == "nth":
        month, isoday, nth = int(parts[1]), int(parts[2]), int(parts[3])
        first = dt.date(year, month, 1)
        offset = (isoday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    if parts[0] == "last":
        month, isoday = int(parts[1]), int(parts[2])
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.isoweekday() - isoday) % 7)
    month, day = (int(x) for x in spec.split("-"))
    return dt.date(year, month, day)


def holiday(ref: dt.date | None, spec: str, direction: int, year: int | None = None, shift: int = 0) -> str:
    """'Christmas', 'last Thanksgiving', 'Easter 2024' as a day value."""
    if year is not None:
        return day_value(holiday_date(spec, year))
    if ref is None:
        return f"XXXX-{spec}" if re.match(r"^\d\d-\d\d$", spec) else "XXXX-XX-XX"
    candidates = [holiday_date(spec, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if shift < 0 or (shift == 0 and direction == PAST):
        pool = [c for c in candidates if c < ref] if shift < 0 else [c for c in candidates if c <= ref]
    elif shift > 0 or direction == FUTURE:
        pool = [c for c in candidates if c > ref] if shift > 0 else [c for c in candidates if c >= ref]
    else:
        pool = candidates
    pool = pool or candidates
    return day_value(min(pool, key=lambda c: abs((c - ref).days)))
