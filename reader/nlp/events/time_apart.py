"""How far a clause told as after or before its main clause lies from it, as a date.

"The party submitted a motion on Wednesday, a day after he declared martial law": the declaring is
Tuesday's, not Wednesday's. A clause marked by "after" or "before" whose measure is counted ("a
day", "two weeks", "three years") is dated by moving the main clause's date back (after) or
forward (before) by that measure; the result is never finer than the main date nor than the
measure ("a month after" a day is a month). A measure without a count ("days after", "hours
before") or one the main date is too coarse for gives no date.
"""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.timex import calendar as cal
from reader.nlp.timex.values import point_date

#: Marks of a clause told at another time than its main one ("after the troops opened fire").
_OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till"})

#: The units a clause may be told apart by, in days where a unit is a fixed number of them.
_DAY_UNITS = {"day": 1, "week": 7}
_MONTH_UNITS = {"month": "M", "year": "Y"}
_COUNTS = {"a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
#: Which way the clause lies from the main one, by the word that marks it.
_DIRECTION = {"after": -1, "before": 1}
#: How precise the main date must be for a unit to move it: a day for days, a month for months.
_FINE_ENOUGH = {"D": ("day",), "M": ("day", "month"), "Y": ("day", "month", "year")}


def measure_of(clause: Token, mark: Token) -> Token | None:
    """The unit noun a clause is told apart by: "two days after ..." (on the clause or its mark), or
    "a day after he declared" (the clause a relative clause of "day")."""
    units = _DAY_UNITS.keys() | _MONTH_UNITS.keys()
    if clause.dep_ == "relcl" and clause.head.lemma_.lower() in units:
        return clause.head
    for tok in (clause, mark):
        for child in tok.children:
            if child.dep_ == "npadvmod" and child.lemma_.lower() in units:
                return child
    return None


def count_of(unit: Token) -> int | None:
    """ "a day" 1, "two weeks" 2, "3 years" 3; None for "days" alone."""
    for child in unit.children:
        if child.dep_ in ("nummod", "det", "quantmod"):
            word = child.lower_
            if word.isdigit():
                return int(word)
            if word in _COUNTS and (child.dep_ != "det" or unit.tag_ in ("NN", "NNP")):
                return _COUNTS[word]
    return None


def date_apart(clause: Token, mark: Token, main_date: str | None, precision: str | None, toward: int = 1) -> str | None:
    """The clause's date, `main_date` (of `precision`: "day", "month"...) moved by the measure it is
    told apart by, as precise as the unit; None when it cannot be counted. `toward` -1 turns it round: the
    main clause's date from the dated thing its mark takes ("a day after the attack on 7 October")."""
    direction = _DIRECTION.get(mark.lower_)
    unit = measure_of(clause, mark)
    count = count_of(unit) if unit is not None else None
    base = point_date(main_date) if main_date else None
    if direction is None or unit is None or count is None or base is None:
        return None
    name = unit.lemma_.lower()
    step, amount = ("D", count * _DAY_UNITS[name]) if name in _DAY_UNITS else (_MONTH_UNITS[name], count)
    return cal.shift_value(base, toward * direction * amount, step) if precision in _FINE_ENOUGH[step] else None


def time_mark(clause: Token) -> Token | None:
    """The "after", "before", "since" or "until" a clause is told at another time than its main one by."""
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in _OTHER_TIME_MARKS), None)
