"""Who held an office on a date: heads of state and government and some leading ministers.

A 2005 report calls Tony Blair "the prime minister" and Gordon Brown "the chancellor" and often
never says which is which: the writer knows the reader knows. ``resources/lexicons/offices.jsonl``
(compiled by hand from the public record; see the README) lists the holders of a set of offices
with the dates of their terms, so that a person the text names gets the office held on the
publication date, and a later "the chancellor" resolves to them like a title the text gave
(``reader.nlp.actors``). Nobody the text does not name is added, and a name must be given in full
somewhere in the text ("Gordon Brown", not only "Mr Brown"): the table never decides who a
surname is.

Each line of the file is one office: its title ("Chancellor of the Exchequer"), the gazetteer key
of the country or body (``country:GB``, ``org:nato``), other words for it ("premier"), and its
terms as ``[holder, first day, last day or null]``. Lines starting with ``//`` are comments. A
malformed line, an unknown country key or a term that ends before it starts is an error naming
the file and the line when the table loads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.jsonl import ResourceFileError, read_jsonl
from reader.nlp.figures import name_key
from reader.nlp.gazetteer import gazetteer
from reader.resources import resource

OFFICES_FILE = "offices.jsonl"


@dataclass(frozen=True, slots=True)
class Term:
    office: str
    #: gazetteer key of the country or body ("country:GB")
    of: str
    holder: str
    start: dt.date
    end: dt.date | None

    def covers(self, on: dt.date) -> bool:
        """True when `on` lies in the term (a hand-over day counts for both holders)."""
        return self.start <= on and (self.end is None or on <= self.end)


class Offices:
    """The terms of every office, looked up by the holder's name."""

    def __init__(self, terms: list[Term], forms: dict[tuple[str, str], tuple[str, ...]]) -> None:
        self._by_name: dict[str, list[Term]] = {}
        for term in terms:
            for key in _name_keys(term.holder):
                self._by_name.setdefault(key, []).append(term)
        self._forms = forms

    def other_words(self, office: str, of: str | None) -> tuple[str, ...]:
        """Other words for the office of that country ("premier" for the British prime minister)."""
        return self._forms.get((office.lower(), of or ""), ())

    def held_on(self, name: str, on: dt.date) -> list[Term]:
        """The offices the person called `name` (in full: two words or more) held on `on`."""
        if len(name.split()) < 2:
            return []
        for key in _name_keys(name):
            found = [t for t in self._by_name.get(key, ()) if t.covers(on)]
            if found:
                return found
        return []


def _name_keys(name: str) -> list[str]:
    """The full name's key, then first and last name alone: "George W. Bush" is "George Bush"."""
    words = name_key(name).split()
    keys = [" ".join(words)]
    if len(words) > 2:
        keys.append(f"{words[0]} {words[-1]}")
    return keys


def _date(value: object, where: str) -> dt.date:
    if not isinstance(value, str):
        raise ResourceFileError(f"{where}: {value!r} is not an ISO date")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ResourceFileError(f"{where}: {value!r} is not an ISO date") from None


def load_offices(path: Path) -> Offices:
    """Read and check the table (ResourceFileError naming the line when something is wrong)."""
    places = gazetteer().places
    terms: list[Term] = []
    forms: dict[tuple[str, str], tuple[str, ...]] = {}
    for number, row in enumerate(read_jsonl(path), start=1):
        where = f"{path.name} office {number} ({row['office']} of {row['of']})"
        if row["of"] not in places:
            raise ResourceFileError(f"{where}: {row['of']!r} is not a gazetteer key")
        forms[row["office"].lower(), row["of"]] = tuple(row.get("forms", ()))
        for term in row["terms"]:
            if not (isinstance(term, list) and len(term) == 3 and isinstance(term[0], str) and term[0].strip()):
                raise ResourceFileError(f"{where}: a term is [holder, from, to or null], not {term!r}")
            start = _date(term[1], where)
            end = None if term[2] is None else _date(term[2], where)
            if end is not None and end < start:
                raise ResourceFileError(f"{where}: {term[0]}'s term ends before it starts")
            terms.append(Term(row["office"], row["of"], term[0], start, end))
    return Offices(terms, forms)


@cache
def offices(directory: Path | None = None) -> Offices:
    """The shipped table (or the one in `directory`), read once per process."""
    return load_offices((directory or resource("lexicons")) / OFFICES_FILE)
