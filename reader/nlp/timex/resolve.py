"""Turn one tagged candidate into TIMEX3 (type, value, mod), reading the text's running context.

The context remembers the last day the text resolved ("the next day"), the last point of any
granularity ("a year earlier" after "the third quarter") and which events were dated
("the eve of the talks").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.lexicon import event_synonyms, fixed_words, lexicon, number_value
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

_GRANULARITY = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "D"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T"), "D"),
    (re.compile(r"^\d{4}-W\d{2}$"), "W"),
    (re.compile(r"^\d{4}-\d{2}$"), "M"),
    (re.compile(r"^\d{4}-Q\d$"), "Q"),
    (re.compile(r"^\d{4}$"), "Y"),
]


def granularity(value: str) -> str | None:
    for regex, name in _GRANULARITY:
        if regex.match(value):
            return name
    return None


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
    return lexicon()["months"].get(name.rstrip(".").capitalize()) or lexicon()["months"].get(name.rstrip("."))


def _weekday(name: str | None) -> int | None:
    if not name:
        return None
    return lexicon()["weekdays"].get(name.rstrip(".").capitalize())


def ordinal_value(text: str | None) -> int | None:
    """'third' -> 3, '20th' -> 20, 'last' -> -1."""
    if not text:
        return None
    word = text.lower()
    if word in lexicon()["ordinals"]:
        return lexicon()["ordinals"][word]
    digits = re.match(r"^(\d+)(?:st|nd|rd|th)$", word)
    return int(digits.group(1)) if digits else None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _unit(word: str | None) -> str | None:
    return lexicon()["units"].get((word or "").lower())


def spelled_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    words = words.lower().replace(" hundred", "").replace(" and", "")
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip()
        return 2000 + int(number_value(rest) or 0) if rest else 2000
    head, _, tail = words.partition(" ")
    century, rest = number_value(head), number_value(tail)
    if century is None or rest is None:
        return None
    return int(century) * 100 + int(rest)


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


class Resolver:
    """Resolves candidates in reading order; `direction_at(char)` and `nouns_at(char)` read the parse."""

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
    def resolve(self, cand: Candidate) -> list[Resolved]:
        handler = getattr(self, f"_{cand.kind}", None)
        if handler is None:
            return []
        try:
            out = handler(cand)
        except (ValueError, OverflowError, KeyError, TypeError, IndexError):
            return []
        for item in out:
            self._remember(item)
        return out

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
            if day is not None:
                self.ctx.last_day = day
                self.ctx.last_day_at = item.start
                self.ctx.events.append((day, self.nouns_at(item.start)))

    def _point(self, cand: Candidate, value: str | None, type_: str = "DATE", mod: str | None = None) -> list[Resolved]:
        if value is None:
            return []
        return [Resolved(cand.start, cand.end, type_, value, mod or cand.mod)]

    @property
    def ref(self) -> dt.date | None:
        return self.ctx.published

    # -- calendar dates ------------------------------------------------------------------------
    def _ymd(self, cand: Candidate) -> list[Resolved]:
        year, month, day = int(cand.group("year")), int(cand.group("mnum")), int(cand.group("day"))
        if not cal.valid_day(year, month, day):
            return []
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if cand.group("hour"):
            return self._point(cand, f"{value}T{cand.group('hour')}:{cand.group('minute')}", "TIME")
        return self._point(cand, value)

    def _dotted(self, cand: Candidate) -> list[Resolved]:
        """'15.05.2025': day first, the way it is written where dots are used."""
        year, month, day = int(cand.group("year")), int(cand.group("mnum")), int(cand.group("day"))
        if not cal.valid_day(year, month, day):
            return []
        return self._point(cand, f"{year:04d}-{month:02d}-{day:02d}")

    def _numeric(self, cand: Candidate) -> list[Resolved]:
        a, b = int(cand.group("n1")), int(cand.group("n2"))
        year = _int(cand.group("year")) or cal.year_from_two_digits(int(cand.group("yy")), self.ref)
        # month first unless impossible: the TimeML corpora and most English wire copy are American
        month, day = (a, b) if a <= 12 else (b, a)
        if not cal.valid_day(year, month, day):
            return []
        return self._point(cand, f"{year:04d}-{month:02d}-{day:02d}")

    def _mdy(self, cand: Candidate) -> list[Resolved]:
        month, day, year = _month(cand.group("month")), _int(cand.group("day")), _int(cand.group("year"))
        if month is None or day is None:
            return []
        if year is not None:
            if not cal.valid_day(year, month, day):
                return []
            return self._point(cand, f"{year:04d}-{month:02d}-{day:02d}")
        if day == 0 or day > 31:
            return []
        isoday = _weekday(cand.group("weekday"))
        if isoday is not None and self.ref is not None:
            # "Saturday 12 February": the year in which that day is a Saturday settles it
            years = [y for y in (self.ref.year, self.ref.year - 1, self.ref.year + 1)
                     if cal.valid_day(y, month, day) and dt.date(y, month, day).isoweekday() == isoday]
            if len(years) == 1:
                return self._point(cand, f"{years[0]:04d}-{month:02d}-{day:02d}")
        direction = self.direction_at(cand.match.start())
        narrative = self._narrative_year(cand.start, direction)
        if narrative is not None and cal.valid_day(narrative, month, day):
            return self._point(cand, f"{narrative:04d}-{month:02d}-{day:02d}")
        return self._point(cand, cal.month_day(self.ref, month, day, direction))

    def _narrative_year(self, at: int, direction: int) -> int | None:
        """The year a story told in the past is at: "The deal was signed in 2019. On June 12 the
        leaders met again" is 2019, when the paragraph gave that year and the clause is past."""
        if direction != cal.PAST or self.ctx.last_point is None or self.ref is None or not self.ctx.last_point_frames:
            return None
        value, gran = self.ctx.last_point
        if gran not in ("Y", "M", "Q") or not value[:4].isdigit():
            return None
        year = int(value[:4])
        if year >= self.ref.year or "\n" in self.text[self.ctx.last_point_at : at]:
            return None
        return year

    def _month_pair(self, cand: Candidate) -> list[Resolved]:
        m1, m2, year = _month(cand.group("month")), _month(cand.group("month2")), int(cand.group("year"))
        first_end = cand.match.end("month")
        if first_end < len(self.text) and self.text[first_end] == ".":
            first_end += 1
        first = Resolved(cand.start, first_end, "DATE", cal.month_value(year, m1), cand.mod)
        second = Resolved(cand.match.start("month2"), cand.end, "DATE", cal.month_value(year, m2))
        return [first, second]

    def _day_pair(self, cand: Candidate) -> list[Resolved]:
        month, d1, d2, year = _month(cand.group("month")), int(cand.group("day")), int(cand.group("day2")), _int(cand.group("year"))
        if month is None:
            return []
        if year is None:
            direction = self.direction_at(cand.match.start())
            v1, v2 = cal.month_day(self.ref, month, d1, direction), cal.month_day(self.ref, month, d2, direction)
            if v1 and v2 and v1[:4] != v2[:4]:
                v1 = v2[:4] + v1[4:]
        else:
            v1 = f"{year:04d}-{month:02d}-{d1:02d}" if cal.valid_day(year, month, d1) else None
            v2 = f"{year:04d}-{month:02d}-{d2:02d}" if cal.valid_day(year, month, d2) else None
        if v1 is None or v2 is None:
            return []
        # "15 and 16 May" / "May 15 and 16": the first day ends at its digits, the second takes the rest
        first = Resolved(cand.start, cand.match.end("day"), "DATE", v1, cand.mod)
        second = Resolved(cand.match.start("day2"), cand.end, "DATE", v2)
        return [first, second]

    def _dm_pair(self, cand: Candidate) -> list[Resolved]:
        """'3 June and 5 July 2021': the year written once belongs to both days."""
        year = int(cand.group("year"))
        m1, m2 = _month(cand.group("month")), _month(cand.group("month2"))
        d1, d2 = int(cand.group("day")), int(cand.group("day2"))
        if m1 is None or m2 is None or not cal.valid_day(year, m1, d1) or not cal.valid_day(year, m2, d2):
            return []
        split = min(cand.match.start("day2"), cand.match.start("month2"))
        first_end = max(cand.match.end("day"), cand.match.end("month"))
        return [
            Resolved(cand.start, first_end, "DATE", f"{year:04d}-{m1:02d}-{d1:02d}", cand.mod),
            Resolved(split, cand.end, "DATE", f"{year:04d}-{m2:02d}-{d2:02d}"),
        ]

    def _month_year(self, cand: Candidate) -> list[Resolved]:
        return self._point(cand, cal.month_value(int(cand.group("year")), _month(cand.group("month"))))

    def _month(self, cand: Candidate) -> list[Resolved]:
        month = _month(cand.group("month"))
        rel = (cand.group("rel") or "").lower()
        if month is None:
            return []
        if self.ref is None:
            return self._point(cand, f"XXXX-{month:02d}")
        yrel = (cand.group("yrel") or "").lower()
        if yrel in _NARRATIVE_YEAR:
            # "March of that year", "in June of the following year": the year the text is telling
            base = point_date(self.ctx.last_point[0]) if self.ctx.last_point else self.ref
            return self._point(cand, cal.month_value(base.year + _NARRATIVE_YEAR[yrel], month))
        if yrel:
            return self._point(cand, cal.month_value(self.ref.year + {"last": -1, "next": 1}.get(yrel, 0), month))
        if rel in ("last", "past"):
            year = self.ref.year if month < self.ref.month else self.ref.year - 1
            return self._point(cand, cal.month_value(year, month))
        if rel in ("next", "coming"):
            year = self.ref.year if month > self.ref.month else self.ref.year + 1
            return self._point(cand, cal.month_value(year, month))
        if rel == "this":
            return self._point(cand, cal.month_value(self.ref.year, month))
        return self._point(cand, cal.month_only(self.ref, month, self.direction_at(cand.match.start())))

    def _year(self, cand: Candidate) -> list[Resolved]:
        if cand.group("spelled"):
            year = spelled_year(cand.group("spelled"))
            if year is None:
                return []
        elif cand.group("yy"):
            year = cal.year_from_two_digits(int(cand.group("yy")), self.ref)
        else:
            year = int(cand.group("year"))
        return self._point(cand, f"{year:04d}")

    def _year_range(self, cand: Candidate) -> list[Resolved]:
        """'the pandemic of 2009-2010': two years, each a date of its own (TimeML writes a range as
        its two ends)."""
        first, second = int(cand.group("year")), int(cand.group("year2"))
        if second <= first:
            return []
        return [Resolved(cand.start, cand.match.end("year"), "DATE", f"{first:04d}", cand.mod),
                Resolved(cand.match.start("year2"), cand.end, "DATE", f"{second:04d}")]

    def _decade(self, cand: Candidate) -> list[Resolved]:
        if cand.group("dec"):
            value = cand.group("dec")
        elif cand.group("dec2"):
            digit = int(cand.group("dec2"))
            century = 19 if self.ref is None or digit * 10 > self.ref.year % 100 else self.ref.year // 100
            value = f"{century}{digit}"
        else:
            words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            value = f"19{words.index(cand.group('decw').lower()) + 2}"
        mod = MOD_OF_POINT.get((cand.group("pmod") or "").lower().rstrip("-")) or cand.mod
        return self._point(cand, value, mod=mod)

    def _century(self, cand: Candidate) -> list[Resolved]:
        ordinal = ordinal_value(cand.group("ord"))
        if not ordinal or ordinal < 1:
            return []
        return self._point(cand, cal.century_value(ordinal))

    def _quarter(self, cand: Candidate) -> list[Resolved]:
        text = cand.match.group(0).lower()
        ordinal = _int(cand.group("qn")) or ordinal_value(cand.group("ord"))
        qrel = re.findall(r"latest|last|current|this|previous|prior|past|comparable|same|next|coming|year-earlier|year-ago|year-before", text)
        if ordinal is None and not qrel and not text.startswith("the"):
            return []
        if ordinal == -1:
            ordinal = 4  # "the final quarter"
        if ordinal is not None and not 1 <= ordinal <= 4:
            return []
        year = _int(cand.group("year")) or _int(cand.group("year2"))
        yrel = (cand.group("yrel") or cand.group("yrel2") or "").lower()
        ago = any(w in ("year-earlier", "year-ago", "year-before", "comparable") for w in qrel)
        if self.ref is None and year is None:
            return self._point(cand, f"XXXX-Q{ordinal}" if ordinal else "XXXX-QX")
        if ordinal is not None:
            if year is None:
                if yrel:
                    year = self.ref.year + {"this": 0, "last": -1, "next": 1}[yrel]
                else:
                    year = cal.quarter_year(self.ref, ordinal, self.direction_at(cand.match.start()))
                    if ago:
                        year -= 1
            return self._point(cand, f"{year:04d}-Q{ordinal}")
        ended = _ENDED.match(self.text, cand.end)
        if ended and not qrel and self.ref is not None:
            month, day = _month(ended.group("month")), int(ended.group("day"))
            year = _int(ended.group("year"))
            end_value = f"{year}-{month:02d}-{day:02d}" if year else cal.month_day(self.ref, month, day, cal.PAST)
            end_day = point_date(end_value or "")
            if end_day is not None:
                return self._point(cand, f"{end_day.year:04d}-Q{cal.quarter_of(end_day)}")
        base = None
        if self.ctx.last_point and self.ctx.last_point[1] == "Q" and not {"latest", "last", "past", "previous", "prior"} & set(qrel):
            base = self.ctx.last_point[0]
        if base is None:
            base = cal.shift_value(self.ref, -1, "Q")
        if any(w in ("current", "this") for w in qrel):
            base = cal.shift_value(self.ref, 0, "Q")
        elif any(w in ("next", "coming") for w in qrel):
            base = cal.shift_value(self.ref, 1, "Q")
        if ago:
            base = f"{int(base[:4]) - 1:04d}{base[4:]}"
        return self._point(cand, base)

    def _half(self, cand: Candidate) -> list[Resolved]:
        half = 1 if cand.group("half").lower() == "first" else 2
        year = _int(cand.group("year"))
        if year is None:
            if self.ref is None:
                return self._point(cand, f"XXXX-H{half}")
            yrel = (cand.group("yrel") or "").lower()
            year = self.ref.year + {"last": -1, "next": 1}.get(yrel, 0)
        return self._point(cand, f"{year:04d}-H{half}")

    def _season(self, cand: Candidate) -> list[Resolved]:
        code = lexicon()["seasons"][cand.group("season").lower()]
        year = _int(cand.group("year"))
        rel = (cand.group("rel") or "").lower()
        if cand.group("season").lower() == "fall" and not rel and year is None:
            return []  # the verb
        if rel == "in":
            rel = ""
        if year is None:
            year = cal.season_year(self.ref, code, rel, self.direction_at(cand.match.start("season")))
        return self._point(cand, cal.season_value(year, code))

    def _holiday(self, cand: Candidate) -> list[Resolved]:
        name = cand.group("holiday")
        spec = lexicon()["holidays"].get(name)
        if spec is None:
            return []
        rel = (cand.group("rel") or "").lower()
        shift = -1 if rel in ("last", "this past") else 1 if rel in ("next", "the coming") else 0
        value = cal.holiday(self.ref, spec, self.direction_at(cand.match.start("holiday")), _int(cand.group("year")), shift)
        return self._point(cand, value)

    def _weekday(self, cand: Candidate) -> list[Resolved]:
        isoday = _weekday(cand.group("weekday"))
        if isoday is None:
            return []
        rel = (cand.group("rel") or "").lower()
        shift = -1 if rel in ("last", "this past", "past") else 1 if rel in ("next", "coming", "this coming") else 0
        direction = self.direction_at(cand.match.start("weekday"))
        value = cal.weekday(self.ref, isoday, direction, shift)
        pod = cand.group("pod")
        if pod:
            return self._point(cand, f"{value}T{POD[pod.lower()]}", "TIME")
        return self._point(cand, value)

    def _deictic(self, cand: Candidate) -> list[Resolved]:
        word = cand.group("word").lower()
        pod = (cand.group("pod") or "").lower()
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1, "this": 0, "last": -1,
                   "the day before yesterday": -2, "the day after tomorrow": 2, "earlier today": 0, "later today": 0}
        offset = offsets.get(word)
        if offset is None:
            return []
        if word == "last" and pod != "night":
            return []
        if self.ref is None:
            value = "XXXX-XX-XX"
        else:
            value = cal.day_value(self.ref + dt.timedelta(days=offset))
        if word in ("tonight", "overnight"):
            pod = "night"
        if pod:
            mod = "START" if word == "earlier today" else "END" if word == "later today" else None
            return self._point(cand, f"{value}T{POD[pod]}", "TIME", mod)
        return self._point(cand, value)

    def _rel_unit(self, cand: Candidate) -> list[Resolved]:
        rel = (cand.group("rel") or "").lower()
        unit_word = (cand.group("unit") or "").lower()
        if rel in ("year-end", "year end", "year's end", "the end of the year", "the turn of the year"):
            return self._point(cand, cal.shift_value(self.ref, 0, "Y"), mod=cand.mod or "END")
        if rel in ("month-end", "the end of the month"):
            return self._point(cand, cal.shift_value(self.ref, 0, "M"), mod=cand.mod or "END")
        unit = {"fiscal year": "Y", "financial year": "Y", "year-end": "Y"}.get(unit_word) or _unit(unit_word)
        if unit is None:
            return []
        if unit == "Y" and rel.startswith("the") and re.match(r"\s+(?:ended|ending|ends|that ended|to)\b", self.text[cand.end : cand.end + 20]):
            return [Resolved(cand.start, cand.end, "DURATION", "P1Y", cand.mod)]
        if rel in ("the following", "the preceding", "the prior", "the previous", "that", "the same"):
            return self._anaphoric_unit(cand, rel, unit)
        shift = {"last": -1, "past": -1, "the past": -1, "the last": -1, "previous": -1, "the previous": -1,
                 "this past": -1, "next": 1, "coming": 1, "the next": 1, "the coming": 1, "this coming": 1}.get(rel, 0)
        if unit == "D":
            if rel in ("the", "this", "the whole"):
                return self._point(cand, cal.shift_value(self.ctx.anchor_day, 0, "D"))
            return []
        if unit == "WE" and shift == 0 and self.ref is not None:
            # "the weekend" in a Monday paper is the one just gone; later in the week the next one
            direction = self.direction_at(cand.match.start())
            if direction == cal.PAST or (direction in (cal.NEAREST, cal.NOW) and self.ref.isoweekday() <= 2):
                shift = -1
        if unit == "WE" and shift == -1 and self.ref is not None and self.ref.isoweekday() >= 6:
            shift = 0
        return self._point(cand, cal.shift_value(self.ref, shift, unit), mod=cand.mod)

    def _year_ago(self, cand: Candidate) -> list[Resolved]:
        """'the year-earlier period', 'year-ago': the same period a year before the one in view."""
        out = self._point(cand, cal.shift_value(self.ref, -1, "Y"))
        if self.ctx.last_point is not None and self.ctx.last_point[1] in ("Q", "M"):
            value, gran = self.ctx.last_point
            base = point_date(value)
            if base is not None:
                out = self._point(cand, cal.shift_value(base, -4 if gran == "Q" else -12, gran))
        for item in out:
            item.lookback = True
        return out

    def _anaphoric_unit(self, cand: Candidate, rel: str, unit: str) -> list[Resolved]:
        shift = {"the following": 1, "the preceding": -1, "the prior": -1, "the previous": -1}.get(rel, 0)
        base = point_date(self.ctx.last_point[0]) if self.ctx.last_point else None
        if unit == "D":
            base = self.ctx.anchor_day
        base = base or self.ref
        return self._point(cand, cal.shift_value(base, shift, unit))

    def _anaphoric(self, cand: Candidate) -> list[Resolved]:
        rel = cand.group("rel").lower()
        unit_word = cand.group("unit").lower()
        shifts = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1,
                  "the same": 0, "that": 0}
        if rel in ("the week", "the month", "the year"):
            # "the week before" the day or month the text last gave
            if unit_word not in ("before", "after", "earlier", "later"):
                return []
            unit = {"the week": "W", "the month": "M", "the year": "Y"}[rel]
            base = point_date(self.ctx.last_point[0]) if self.ctx.last_point else self.ref
            return self._point(cand, cal.shift_value(base, -1 if unit_word in ("before", "earlier") else 1, unit))
        if rel in ("the day", "the night"):
            if unit_word not in ("before", "after"):
                return []
            value = self._day_from_text(-1 if unit_word == "before" else 1)
            if rel == "the night":
                return self._point(cand, f"{value}TNI", "TIME")
            return self._point(cand, value)
        shift = shifts.get(rel)
        if shift is None or unit_word in ("before", "after"):
            return []
        if unit_word in POD:
            return self._point(cand, f"{self._day_from_text(shift)}T{POD[unit_word]}", "TIME")
        unit = _unit(unit_word)
        if unit == "D":
            return self._point(cand, self._day_from_text(shift))
        base = point_date(self.ctx.last_point[0]) if self.ctx.last_point else self.ref
        return self._point(cand, cal.shift_value(base, shift, unit or "Y"))

    def _day_from_text(self, shift: int) -> str:
        """The day `shift` days from the last day the text gave (or the publication date).

        Without any year ("On 15 May ... the next day" and no publication date) the month and
        day still follow: XXXX-05-16.
        """
        day = self.ctx.anchor_day
        if day is not None:
            return cal.day_value(day + dt.timedelta(days=shift))
        if self.ctx.partial_day is not None:
            return "XXXX" + (self.ctx.partial_day + dt.timedelta(days=shift)).isoformat()[4:]
        return "XXXX-XX-XX"

    def _event_anchor(self, cand: Candidate) -> list[Resolved]:
        anchor = cand.group("anc").lower()
        noun = cand.group("noun").lower()
        offsets = lexicon()["anchor_offsets"]
        lemma = noun[:-1] if noun.endswith("s") and noun not in ("talks",) else noun
        lemma = "talk" if noun == "talks" else lemma
        related = event_synonyms().get(lemma, frozenset({lemma}))
        for day, lemmas in reversed(self.ctx.events):
            if lemmas & related:
                if anchor.startswith("week"):
                    return self._point(cand, cal.shift_value(day, -1 if anchor.endswith("before") else 1, "W"))
                value = cal.day_value(day + dt.timedelta(days=offsets.get(anchor, 0)))
                if anchor in POD:
                    return self._point(cand, f"{value}T{POD[anchor]}", "TIME")
                return self._point(cand, value)
        return []

    # -- durations, times, sets ---------------------------------------------------------------------
    def _duration(self, cand: Candidate) -> list[Resolved]:
        num_text = cand.group("num")
        unit = _unit(cand.group("unit"))
        if unit is None:
            return []
        after = self.text[cand.end : cand.end + 5].lower()
        if re.match(r"[- ]old\b", after):
            return []  # an age, not a period
        if num_text.lower() in ("a", "an") and unit == "S":
            return []  # "a second round"
        if unit == "Q" and ("-" in cand.match.group(0) or num_text.lower() in ("a", "an")):
            return []  # "three-quarters", "a quarter of the seats" are fractions
        amount = number_value(num_text)
        mod = cand.mod
        if "couple" in num_text.lower():
            mod = mod or "APPROX"
        if (cand.group("half") or cand.group("frac")) and amount is not None:
            amount += 0.5
        suffix = (cand.group("rel_suffix") or "").strip().lower().removeprefix("or so ").strip()
        if suffix:
            return self._shifted(cand, amount, unit, suffix, mod)
        return [Resolved(cand.start, cand.end, "DURATION", cal.duration_value(amount, unit), mod)]

    def _shifted(self, cand: Candidate, amount: float | None, unit: str, suffix: str, mod: str | None) -> list[Resolved]:
        backward = suffix in ("ago", "earlier", "before", "previously", "back", "before that", "prior")
        if amount is None:
            return self._point(cand, "PAST_REF" if backward else "FUTURE_REF", mod=mod)
        from_text = suffix in ("earlier", "later", "before", "after", "before that", "after that", "prior")
        step = int(amount) if amount == int(amount) else amount
        sign = -1 if backward else 1
        if unit in ("H", "MIN", "S"):
            # "an hour later": TimeML keeps the span itself
            return [Resolved(cand.match.start("num") if not cand.mod else cand.start, cand.match.end("unit"), "DURATION",
                             cal.duration_value(amount, unit), mod)]
        if unit in _SCALED_UNITS:
            unit, factor = _SCALED_UNITS[unit]
            step *= factor
        if not isinstance(step, int):
            return self._point(cand, "PAST_REF" if backward else "FUTURE_REF", mod=mod)
        base = self.ref
        base_gran = None
        if from_text and self.ctx.last_point is not None:
            base = point_date(self.ctx.last_point[0]) or base
            base_gran = self.ctx.last_point[1]
            if unit == "D":
                base = self.ctx.anchor_day
        elif self.ctx.last_point is not None and self.ctx.last_point[1] == "Q" and unit == "Y":
            base_gran = "Q"
            base = point_date(self.ctx.last_point[0]) or base
        if base is None:
            return self._point(cand, cal.shift_value(None, 0, unit), mod=mod)
        if unit == "Y" and base_gran == "Q":
            out = self._point(cand, cal.shift_value(base, sign * 4 * step, "Q"), mod=mod)
        else:
            out = self._point(cand, cal.shift_value(base, sign * step, unit), mod=mod)
        for item in out:
            item.lookback = unit == "Y"
        return out

    def _vague_duration(self, cand: Candidate) -> list[Resolved]:
        unit = _unit(cand.group("unit"))
        suffix = (cand.group("rel_suffix") or "").strip().lower()
        if unit is None:
            return []
        if suffix in ("ago", "earlier"):
            return self._point(cand, "PAST_REF")
        if suffix == "later":
            return self._point(cand, "FUTURE_REF")
        return [Resolved(cand.start, cand.end, "DURATION", cal.duration_value(None, unit), cand.mod)]

    def _clock(self, cand: Candidate) -> list[Resolved]:
        word = (cand.group("word") or "").lower()
        day_word = (cand.group("day") or "").lower()
        base = self.ref
        if self.ctx.last_day is not None and self.same_sentence(self.ctx.last_day_at, cand.start):
            base = self.ctx.last_day
        if day_word:
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}.get(day_word)
            if offset is not None and base is not None:
                base = base + dt.timedelta(days=offset)
            elif cand.group("weekday") and base is not None:
                base = point_date(cal.weekday(base, _weekday(cand.group("weekday")), self.direction_at(cand.start)))
        day = cal.day_value(base) if base else "XXXX-XX-XX"
        if word:
            if word in ("noon", "midday", "mid-day"):
                return self._point(cand, f"{day}T12:00", "TIME")
            if word == "midnight":
                return self._point(cand, f"{day}T24:00", "TIME")
            pod = "AF" if "afternoon" in word else "MO"
            return self._point(cand, f"{day}T{pod}", "TIME", "MID")
        hour, minute = int(cand.group("hour")), int(cand.group("minute") or 0)
        ampm = (cand.group("ampm") or "").lower().replace(".", "")
        if ampm:
            if not 1 <= hour <= 12:
                return []
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        if hour > 24 or minute > 59:
            return []
        tz = (cand.group("tz") or "").upper()
        zone = "Z" if tz in ("GMT", "UTC") else ""
        return self._point(cand, f"{day}T{hour:02d}:{minute:02d}{zone}", "TIME")

    def _set(self, cand: Candidate) -> list[Resolved]:
        if cand.group("pod"):
            return [Resolved(cand.start, cand.end, "SET", f"XXXX-XX-XXT{POD[cand.group('pod').lower()]}", cand.mod)]
        if cand.group("weekdays"):
            isoday = _weekday(cand.group("weekdays")[:-1])
            return [Resolved(cand.start, cand.end, "SET", f"XXXX-WXX-{isoday}", cand.mod)]
        if cand.group("weekday"):
            return [Resolved(cand.start, cand.end, "SET", f"XXXX-WXX-{_weekday(cand.group('weekday'))}", cand.mod)]
        if cand.group("month"):
            return [Resolved(cand.start, cand.end, "SET", f"XXXX-{_month(cand.group('month')):02d}", cand.mod)]
        unit = _unit(cand.group("unit"))
        if unit is None:
            return []
        if cand.group("per"):
            # "$5 million a year": the rate's unit of time is the SET, not the amount
            return [Resolved(cand.match.start("per"), cand.end, "SET", cal.duration_value(1, unit))]
        every = {"other": 2}.get((cand.group("num") or "").lower()) or number_value(cand.group("num") or "one") or 1
        return [Resolved(cand.start, cand.end, "SET", cal.duration_value(every, unit), cand.mod)]

    def _fixed(self, cand: Candidate) -> list[Resolved]:
        phrase = cand.match.group(0)
        for word in fixed_words():
            if word.regex.fullmatch(phrase):
                return [Resolved(cand.start, cand.end, word.type, word.value, cand.mod if word.type != "SET" else None)]
        return []
