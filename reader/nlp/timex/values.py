"""What resolving a date works with: the result, the text's running context, value helpers, and
`ResolverBase`, which the rule kinds of points.py and relative.py extend (see resolve.py).

The context remembers the last day the text resolved ("the next day"), the last point of any
granularity ("a year earlier" after "the third quarter") and which events were dated
("the eve of the talks").
"""


from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.lexicon import lexicon, number_value
from reader.nlp.timex.tagger import Candidate


@dataclass(slots=True)
class Resolved:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    #: "a year earlier" points back from the period in view without becoming the new focus.
    lookback: bool = False


@dataclass(slots=True)
class Context:
    """What the text has established so far, in reading order."""

    published: dt.date | None
    last_day: dt.date | None = None
    #: Where the text gave `last_day` (a character offset).
    last_day_at: int = -1
    #: The last yearless day ("XXXX-05-15") as that day in the leap year 2000, for "the next day".
    partial_day: dt.date | None = None
    #: (value, granularity) of the last resolved calendar point.
    last_point: tuple[str, str] | None = None
    #: Where the text gave `last_point` (a character offset), and whether it dated a clause ("In
    #: 2016, the court ruled") rather than a thing ("the August 1988 cease-fire").
    last_point_at: int = -1
    last_point_frames: bool = False
    #: Dated events: (day, lemmas of the nouns around the date).
    events: list[tuple[dt.date, frozenset[str]]] = field(default_factory=list)

    @property
    def anchor_day(self) -> dt.date | None:
        return self.last_day or self.published


_YEARLESS_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")

#: The calendar steps a resolved value moves by, from its precision (`date_precision`).
_GRANULARITY = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def granularity(value: str) -> str | None:
    return _GRANULARITY.get(date_precision(value) or "")


def point_date(value: str) -> dt.date | None:
    """A representative day for a point value (the first day of a month, quarter or year)."""
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value[:10])
        if m := re.match(r"^(\d{4})-W(\d{2})$", value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := re.match(r"^(\d{4})-(\d{2})$", value):
            return dt.date(int(m[1]), int(m[2]), 1)
        if m := re.match(r"^(\d{4})-Q(\d)$", value):
            return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := re.match(r"^(\d{4})$", value):
            return dt.date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


def _month(name: str | None) -> int | None:
    if not name:
        return None
    found: int | None = lexicon()["months"].get(name.rstrip(".").capitalize()) or lexicon()["months"].get(name.rstrip("."))
    return found


def _weekday(name: str | None) -> int | None:
    if not name:
        return None
    found: int | None = lexicon()["weekdays"].get(name.rstrip(".").capitalize())
    return found


def ordinal_value(text: str | None) -> int | None:
    """'third' -> 3, '20th' -> 20, 'last' -> -1."""
    if not text:
        return None
    word = text.lower()
    if word in lexicon()["ordinals"]:
        found: int = lexicon()["ordinals"][word]
        return found
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)$", word)
    return int(digits.group(1)) if digits else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _unit(word: str | None) -> str | None:
    found: str | None = lexicon()["units"].get((word or "").lower())
    return found


def spelled_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    words = words.lower().replace(" hundred", "").replace(" and", "")
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip()
        return 2000 + int(number_value(rest) or 0) if rest else 2000
    head, _, tail = words.partition(" ")
    century, later = number_value(head), number_value(tail)
    if century is None or later is None:
        return None
    return int(century) * 100 + int(later)


#: Units counted in another one when shifting a date: "two decades ago" is twenty years back.
_SCALED_UNITS = {"DE": ("Y", 10), "CE": ("Y", 100), "2W": ("W", 2), "WE": ("W", 1)}

_ENDED = re.compile(
    r"\s+(?:ended|ending|that ended|which ended)\s+(?:on\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)\b(?:,\s+(?P<year>(?:19|20)\d\d))?"
)

#: "of that year", "of the following year": the year relative to the one the text is telling.
_NARRATIVE_YEAR = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
                   "the prior": -1}

POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
MOD_OF_POINT = {"early": "START", "mid": "MID", "late": "END"}

#: A rule kind's resolver: the candidate in, its TIMEX3 values out (none when it is no date).
Handler = Callable[[Any, Candidate], list[Resolved]]
_HandlerT = TypeVar("_HandlerT", bound=Handler)


def handles(kind: str) -> Callable[[_HandlerT], _HandlerT]:
    """Marks a method as the resolver of the rules of `kind` (rules.jsonl's "kind")."""

    def mark(method: _HandlerT) -> _HandlerT:
        method.rule_kind = kind  # type: ignore[attr-defined]
        return method

    return mark


class ResolverBase:
    """The running context every rule kind reads and feeds; `direction_at(char)` and `nouns_at(char)` read the parse."""

    def __init__(
        self,
        text: str,
        published: dt.date | None,
        direction_at: Callable[[int], int],
        nouns_at: Callable[[int], frozenset[str]],
        same_sentence: Callable[[int, int], bool] = lambda a, b: False,
        frames_at: Callable[[int], bool] = lambda a: False,
    ) -> None:
        self.same_sentence = same_sentence
        self.frames_at = frames_at
        self.text = text
        self.ctx = Context(published)
        self.direction_at = direction_at
        self.nouns_at = nouns_at

    # -- bookkeeping -------------------------------------------------------------------------
    def _remember(self, item: Resolved) -> None:
        yearless = _YEARLESS_DAY.match(item.value)
        if yearless and cal.valid_day(2000, int(yearless[1]), int(yearless[2])):
            self.ctx.partial_day = dt.date(2000, int(yearless[1]), int(yearless[2]))
        gran = granularity(item.value)
        if gran is None or item.lookback:
            return
        self.ctx.last_point = (item.value, gran)
        self.ctx.last_point_at = item.start
        self.ctx.last_point_frames = self.frames_at(item.start)
        if gran == "D":
            day = point_date(item.value)
            # "accused him of ordering Saturday's attack": a day that names which act, framing no clause, is no
            # day the story is at ("Hours later, ..." is not Saturday)
            naming = self.text.startswith(("'s", "’s"), item.end) and not self.ctx.last_point_frames
            if day is not None and not naming:
                self.ctx.last_day = day
                self.ctx.last_day_at = item.start
            if day is not None:
                self.ctx.events.append((day, self.nouns_at(item.start)))

    def _point(self, cand: Candidate, value: str | None, type_: str = "DATE", mod: str | None = None) -> list[Resolved]:
        if value is None:
            return []
        return [Resolved(cand.start, cand.end, type_, value, mod or cand.mod)]

    @property
    def ref(self) -> dt.date | None:
        return self.ctx.published


#: TIMEX3 value shapes, finest first, and the precision each gives an event's date.
_PRECISION = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def date_precision(value: str | None) -> str | None:
    """How precise a TIMEX3 value is: "2025-05-15" a day, "2025-W20" a week, "2025" a year."""
    if not value:
        return None
    for regex, name in _PRECISION:
        if regex.match(value):
            return name
    return None
