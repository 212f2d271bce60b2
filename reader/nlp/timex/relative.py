"""Rule kinds relative to a point: today and yesterday, "last week", "two years ago", "the next
day", "the eve of the talks", durations, clock times, sets ("every Monday") and fixed words."""

from __future__ import annotations

import datetime as dt
import re

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.lexicon import event_synonyms, fixed_words, lexicon, number_value
from reader.nlp.timex.tagger import Candidate
from reader.nlp.timex.values import (
    _SCALED_UNITS,
    POD,
    Resolved,
    ResolverBase,
    _month,
    _unit,
    _weekday,
    handles,
    point_date,
)


class RelativeExpressions(ResolverBase):
    @handles("deictic")
    def _deictic(self, cand: Candidate) -> list[Resolved]:
        word = cand.need("word").lower()
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

    @handles("rel_unit")
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

    @handles("year_ago")
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

    @handles("hours_apart")
    def _hours_apart(self, cand: Candidate) -> list[Resolved]:
        """ "Hours earlier, Putin signed ...", "minutes later": the day the text last gave (an act hours
        from another is dated by it as "that day" is)."""
        return self._point(cand, cal.shift_value(self.ctx.anchor_day, 0, "D"))

    @handles("anaphoric")
    def _anaphoric(self, cand: Candidate) -> list[Resolved]:
        rel = cand.need("rel").lower()
        unit_word = cand.need("unit").lower()
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
        named = _unit(unit_word)
        if named == "D":
            return self._point(cand, self._day_from_text(shift))
        base = point_date(self.ctx.last_point[0]) if self.ctx.last_point else self.ref
        return self._point(cand, cal.shift_value(base, shift, named or "Y"))

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

    @handles("event_anchor")
    def _event_anchor(self, cand: Candidate) -> list[Resolved]:
        anchor = cand.need("anc").lower()
        noun = cand.need("noun").lower()
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
    @handles("duration")
    def _duration(self, cand: Candidate) -> list[Resolved]:
        num_text = cand.need("num")
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

    @handles("vague_duration")
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

    @handles("clock")
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
                isoday = _weekday(cand.group("weekday"))
                if isoday is None:
                    return []
                base = point_date(cal.weekday(base, isoday, self.direction_at(cand.start)))
        day = cal.day_value(base) if base else "XXXX-XX-XX"
        if word:
            if word in ("noon", "midday", "mid-day"):
                return self._point(cand, f"{day}T12:00", "TIME")
            if word == "midnight":
                return self._point(cand, f"{day}T24:00", "TIME")
            pod = "AF" if "afternoon" in word else "MO"
            return self._point(cand, f"{day}T{pod}", "TIME", "MID")
        hour, minute = int(cand.need("hour")), int(cand.group("minute") or 0)
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

    @handles("set")
    def _set(self, cand: Candidate) -> list[Resolved]:
        if cand.group("pod"):
            return [Resolved(cand.start, cand.end, "SET", f"XXXX-XX-XXT{POD[cand.need('pod').lower()]}", cand.mod)]
        if cand.group("weekdays"):
            isoday = _weekday(cand.need("weekdays")[:-1])
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

    @handles("fixed")
    def _fixed(self, cand: Candidate) -> list[Resolved]:
        phrase = cand.match.group(0)
        for word in fixed_words():
            if word.regex.fullmatch(phrase):
                return [Resolved(cand.start, cand.end, word.type, word.value, cand.mod if word.type != "SET" else None)]
        return []
