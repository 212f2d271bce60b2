"""Rule kinds for calendar points: dates written out, months, years, decades, quarters, seasons,
holidays and weekdays, with or without a year (then read against the text's story so far)."""

from __future__ import annotations

import datetime as dt
import re

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.lexicon import lexicon
from reader.nlp.timex.tagger import Candidate
from reader.nlp.timex.values import (
    _ENDED,
    _NARRATIVE_YEAR,
    MOD_OF_POINT,
    POD,
    Resolved,
    ResolverBase,
    _int,
    _month,
    _weekday,
    handles,
    ordinal_value,
    point_date,
    spelled_year,
)

# "fall" as a noun of falling: "the fall of the regime", "a fall in prices", "the fall from power"
_NOUN_FALL = re.compile(r"\s+(?:of|in|from|to|by)\b(?!\s+\d{4})")


class CalendarPoints(ResolverBase):
    # -- calendar dates ------------------------------------------------------------------------
    @handles("ymd")
    def _ymd(self, cand: Candidate) -> list[Resolved]:
        year, month, day = int(cand.need("year")), int(cand.need("mnum")), int(cand.need("day"))
        if not cal.valid_day(year, month, day):
            return []
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if cand.group("hour"):
            return self._point(cand, f"{value}T{cand.group('hour')}:{cand.group('minute')}", "TIME")
        return self._point(cand, value)

    @handles("dotted")
    def _dotted(self, cand: Candidate) -> list[Resolved]:
        """'15.05.2025': day first, the way it is written where dots are used."""
        year, month, day = int(cand.need("year")), int(cand.need("mnum")), int(cand.need("day"))
        if not cal.valid_day(year, month, day):
            return []
        return self._point(cand, f"{year:04d}-{month:02d}-{day:02d}")

    @handles("numeric")
    def _numeric(self, cand: Candidate) -> list[Resolved]:
        a, b = int(cand.need("n1")), int(cand.need("n2"))
        four = cand.group("year")  # the pattern fills either the four-digit year or the two-digit one
        year = int(four) if four else cal.year_from_two_digits(int(cand.need("yy")), self.ref)
        # month first unless impossible: the TimeML corpora and most English wire copy are American
        month, day = (a, b) if a <= 12 else (b, a)
        if not cal.valid_day(year, month, day):
            return []
        return self._point(cand, f"{year:04d}-{month:02d}-{day:02d}")

    @handles("mdy")
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

    @handles("month_pair")
    def _month_pair(self, cand: Candidate) -> list[Resolved]:
        m1, m2, year = _month(cand.group("month")), _month(cand.group("month2")), int(cand.need("year"))
        first_end = cand.match.end("month")
        if first_end < len(self.text) and self.text[first_end] == ".":
            first_end += 1
        if m1 is None or m2 is None:
            return []
        first = Resolved(cand.start, first_end, "DATE", cal.month_value(year, m1), cand.mod)
        second = Resolved(cand.match.start("month2"), cand.end, "DATE", cal.month_value(year, m2))
        return [first, second]

    @handles("day_pair")
    def _day_pair(self, cand: Candidate) -> list[Resolved]:
        month, d1, d2, year = _month(cand.group("month")), int(cand.need("day")), int(cand.need("day2")), _int(cand.group("year"))  # the year is optional
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

    @handles("dm_pair")
    def _dm_pair(self, cand: Candidate) -> list[Resolved]:
        """'3 June and 5 July 2021': the year written once belongs to both days."""
        year = int(cand.need("year"))
        m1, m2 = _month(cand.group("month")), _month(cand.group("month2"))
        d1, d2 = int(cand.need("day")), int(cand.need("day2"))
        if m1 is None or m2 is None or not cal.valid_day(year, m1, d1) or not cal.valid_day(year, m2, d2):
            return []
        split = min(cand.match.start("day2"), cand.match.start("month2"))
        first_end = max(cand.match.end("day"), cand.match.end("month"))
        return [
            Resolved(cand.start, first_end, "DATE", f"{year:04d}-{m1:02d}-{d1:02d}", cand.mod),
            Resolved(split, cand.end, "DATE", f"{year:04d}-{m2:02d}-{d2:02d}"),
        ]

    @handles("month_year")
    def _month_year(self, cand: Candidate) -> list[Resolved]:
        month = _month(cand.group("month"))
        return [] if month is None else self._point(cand, cal.month_value(int(cand.need("year")), month))

    @handles("month")
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
            if base is None:
                return []
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

    @handles("year")
    def _year(self, cand: Candidate) -> list[Resolved]:
        if cand.group("spelled"):
            year = spelled_year(cand.need("spelled"))
            if year is None:
                return []
        elif cand.group("yy"):
            year = cal.year_from_two_digits(int(cand.need("yy")), self.ref)
        else:
            year = int(cand.need("year"))
        return self._point(cand, f"{year:04d}")

    @handles("year_range")
    def _year_range(self, cand: Candidate) -> list[Resolved]:
        """'the pandemic of 2009-2010': two years, each a date of its own (TimeML writes a range as
        its two ends)."""
        first, second = int(cand.need("year")), int(cand.need("year2"))
        if second <= first:
            return []
        return [Resolved(cand.start, cand.match.end("year"), "DATE", f"{first:04d}", cand.mod),
                Resolved(cand.match.start("year2"), cand.end, "DATE", f"{second:04d}")]

    @handles("decade")
    def _decade(self, cand: Candidate) -> list[Resolved]:
        if cand.group("dec"):
            value = cand.group("dec")
        elif cand.group("dec2"):
            digit = int(cand.need("dec2"))
            century = 19 if self.ref is None or digit * 10 > self.ref.year % 100 else self.ref.year // 100
            value = f"{century}{digit}"
        else:
            words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            value = f"19{words.index(cand.need('decw').lower()) + 2}"
        mod = MOD_OF_POINT.get((cand.group("pmod") or "").lower().rstrip("-")) or cand.mod
        return self._point(cand, value, mod=mod)

    @handles("century")
    def _century(self, cand: Candidate) -> list[Resolved]:
        ordinal = ordinal_value(cand.group("ord"))
        if not ordinal or ordinal < 1:
            return []
        return self._point(cand, cal.century_value(ordinal))

    @handles("quarter")
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
            if year is None and self.ref is not None:
                if yrel:
                    year = self.ref.year + {"this": 0, "last": -1, "next": 1}[yrel]
                else:
                    year = cal.quarter_year(self.ref, ordinal, self.direction_at(cand.match.start()))
                    if ago and year is not None:
                        year -= 1
            return [] if year is None else self._point(cand, f"{year:04d}-Q{ordinal}")
        ended = _ENDED.match(self.text, cand.end)
        if ended and not qrel and self.ref is not None:
            month, day = _month(ended.group("month")), int(ended.group("day"))
            if month is None:
                return []
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

    @handles("half")
    def _half(self, cand: Candidate) -> list[Resolved]:
        half = 1 if cand.need("half").lower() == "first" else 2
        year = _int(cand.group("year"))
        if year is None:
            if self.ref is None:
                return self._point(cand, f"XXXX-H{half}")
            yrel = (cand.group("yrel") or "").lower()
            year = self.ref.year + {"last": -1, "next": 1}.get(yrel, 0)
        return self._point(cand, f"{year:04d}-H{half}")

    @handles("season")
    def _season(self, cand: Candidate) -> list[Resolved]:
        code = lexicon()["seasons"][cand.need("season").lower()]
        year = _int(cand.group("year"))
        rel = (cand.group("rel") or "").lower()
        if cand.need("season").lower() == "fall" and year is None and (not rel or _NOUN_FALL.match(cand.match.string, cand.end)):
            return []  # the verb, or the noun: "the fall of the regime", "a fall in prices"
        if rel == "in":
            rel = ""
        if year is None:
            year = cal.season_year(self.ref, code, rel, self.direction_at(cand.match.start("season")))
        return self._point(cand, cal.season_value(year, code))

    @handles("holiday")
    def _holiday(self, cand: Candidate) -> list[Resolved]:
        name = cand.group("holiday")
        spec = lexicon()["holidays"].get(name)
        if spec is None:
            return []
        rel = (cand.group("rel") or "").lower()
        shift = -1 if rel in ("last", "this past") else 1 if rel in ("next", "the coming") else 0
        value = cal.holiday(self.ref, spec, self.direction_at(cand.match.start("holiday")), _int(cand.group("year")), shift)
        return self._point(cand, value)

    @handles("weekday")
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
