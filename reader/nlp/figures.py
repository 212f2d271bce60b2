"""Political figures, organisations and agent nouns from the Phoenix/PETRARCH dictionaries.

Evidence for the extent, type and country of a name, and a short description of a person
("Turkish government figure (2004)"). The data is made by ``scripts/convert_phoenix_actors.py``
(its docstring lists every conversion rule) into ``resources/lexicons/phoenix_*``; it is MIT
licensed, see ``resources/lexicons/LICENSE-phoenix.txt``.

Loading is lazy and happens once per process: :func:`figures` is cached, and each of its three
files is opened on first use (:meth:`Figures.load` opens them all, at start-up say). Opening a
file parses only its first line, the index from lookup key (:func:`name_key`) to row numbers,
and checks it; a row is parsed, checked and turned into a :class:`Person`,
:class:`Organisation` or :class:`Agent` when a lookup first returns it. A malformed line raises
:class:`FiguresError` naming the file and line; :meth:`Figures.check` checks every row (the
tests do). Measured on the shipped files (2 shared cores): opening all three and one lookup
in each takes about 35 ms and 19 MB in a fresh process; parsing every row up front would
take 110-160 ms. Qt-free; needs only the gazetteer's ``fold``, and the gazetteer itself for
country adjectives in :meth:`Figures.describe`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from reader.nlp.gazetteer import fold
from reader.resources import resource

PEOPLE_FILE = "phoenix_people.jsonl"
ORGANISATIONS_FILE = "phoenix_organisations.jsonl"
AGENTS_FILE = "phoenix_agents.jsonl"

#: CAMEO sector code -> (label of the sector, adjective for "a ... figure")
SECTORS: dict[str, tuple[str, str]] = {
    "GOV": ("government", "government"),
    "MIL": ("military", "military"),
    "REB": ("rebels", "rebel"),
    "INS": ("insurgents", "insurgent"),
    "SEP": ("separatists", "separatist"),
    "UAF": ("armed group", "armed-group"),
    "OPP": ("opposition", "opposition"),
    "PTY": ("political party", "party"),
    "JUD": ("judiciary", "judicial"),
    "LEG": ("legislature", "parliamentary"),
    "ELI": ("elite", "political"),
    "COP": ("police", "police"),
    "SPY": ("intelligence", "intelligence"),
    "BUS": ("business", "business"),
    "MED": ("media", "media"),
    "CVL": ("civilians", "civil-society"),
    "PPL": ("people", "civil-society"),
    "EDU": ("education", "academic"),
    "HLH": ("health", "health"),
    "LAB": ("labour", "labour"),
    "AGR": ("agriculture", "agricultural"),
    "DEV": ("development", "development"),
    "ENV": ("environment", "environmental"),
    "HRI": ("human rights", "human-rights"),
    "REF": ("refugees", "refugee"),
    "CRM": ("criminals", "criminal"),
    "RAD": ("radicals", "radical"),
    "MOD": ("moderates", "moderate"),
    "REL": ("religion", "religious"),
    "MUS": ("Muslims", "Muslim"),
    "CHR": ("Christians", "Christian"),
    "JEW": ("Jews", "Jewish"),
    "HIN": ("Hindus", "Hindu"),
    "BUD": ("Buddhists", "Buddhist"),
    "IGO": ("intergovernmental organisation", "international-organisation"),
    "NGO": ("non-governmental organisation", "NGO"),
    "NGM": ("non-governmental movement", "activist"),
    "MNC": ("multinational company", "business"),
    "IMG": ("international militant group", "militant"),
}
#: former states (CAMEO code) the gazetteer does not know
_FORMER_STATES = {
    "USR": "Soviet",
    "SUN": "Soviet",
    "DDR": "East German",
    "YUG": "Yugoslav",
    "FRY": "Yugoslav",
    "CSK": "Czechoslovak",
    "SCG": "Serbian-Montenegrin",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FiguresError(ValueError):
    """A resource file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Role:
    """A CAMEO role: sector ("GOV"), inclusive dates (None: open), the full CAMEO code."""

    sector: str
    start: date | None
    end: date | None
    code: str

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    forms: tuple[str, ...]
    country: str | None  # ISO 3166 alpha-2 (former states: ISO 3166-3 alpha-2, e.g. SU)
    cameo: str | None  # CAMEO country code ("TUR")
    roles: tuple[Role, ...]
    titles: tuple[str, ...]  # from title+name forms: "Prime Minister"
    source: str  # "C:48489": dictionary file letter and line


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    forms: tuple[str, ...]
    cameo: str
    type: str  # IGO, NGO, business, armed group, party, government, military, ...
    country: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Agent:
    forms: tuple[str, ...]
    sector: str
    label: str
    cameo: str


_KEY_PUNCT = str.maketrans({"-": " ", "\u2010": " ", "\u2013": " ", ".": " ", "\u2019": "'", "\u2018": "'"})


def name_key(text: str) -> str:
    """Lookup key of a name: `fold` (case, accents), hyphens and dots as spaces, single spaces.

    "Ban Ki-moon" = "Ban Ki Moon", "K. Annan" = "K Annan", "Erdoğan" = "ERDOGAN".
    """
    return " ".join(fold(text).translate(_KEY_PUNCT).split())


def _fail(path: Path, line: int, what: str) -> FiguresError:
    return FiguresError(f"{path}:{line}: {what}")


def _strings(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


def _iso_date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not an ISO date")
    return date.fromisoformat(value)


class _Table:
    """One indexed JSON-lines file: line 1 holds the indexes, row n is on line n + 2.

    Only line 1 is parsed when the table is opened (the indexes are checked then); a row is
    parsed and checked the first time it is asked for, so a cold start pays for the indexes
    (about 15 ms for the people) and not for 18,000 people (110-160 ms to parse them all).
    """

    def __init__(self, path: Path, kind: str, indexes: tuple[str, ...]) -> None:
        self.path = path
        try:
            with path.open("rb") as fh:
                head = fh.readline()
                self._blob_offset = len(head)
        except OSError as exc:
            raise FiguresError(f"{path}: cannot read ({exc.strerror})") from None
        try:
            header = json.loads(head)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise _fail(path, 1, f"index line is not JSON ({exc})") from None
        if not isinstance(header, dict) or header.get("format") != f"{kind}/1":
            raise _fail(path, 1, f"expected an index object with format {kind}/1")
        count = header.get("count")
        if not isinstance(count, int) or count < 0:
            raise _fail(path, 1, "count must be a non-negative integer")
        self.count = count
        self.header = header
        self.indexes: dict[str, dict[str, int | list[int]]] = {}
        for name in indexes:
            index = header.get(name)
            if not isinstance(index, dict):
                raise _fail(path, 1, f"missing index {name!r}")
            for key, rows in index.items():
                if type(rows) is int:
                    if not 0 <= rows < count:
                        raise _fail(path, 1, f"index {name!r}: row {rows} of {key!r} out of range")
                elif not (isinstance(rows, list) and rows and all(type(r) is int and 0 <= r < count for r in rows)):
                    raise _fail(path, 1, f"index {name!r}: bad rows {rows!r} for {key!r}")
            self.indexes[name] = index
        self._lines: list[bytes] | None = None
        self._rows: dict[int, object] = {}

    def rows_for(self, index: str, key: str) -> tuple[int, ...]:
        found = self.indexes[index].get(key)
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else tuple(found)

    def raw(self, i: int) -> tuple[int, object]:
        """(line number, parsed JSON) of row `i`."""
        if self._lines is None:
            blob = self.path.read_bytes()[self._blob_offset :]
            lines = blob.split(b"\n")
            if lines and not lines[-1]:
                lines.pop()
            if len(lines) != self.count:
                raise _fail(self.path, 1, f"count says {self.count} rows, the file has {len(lines)}")
            self._lines = lines
        line = i + 2
        try:
            return line, json.loads(self._lines[i])
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise _fail(self.path, line, f"not JSON ({exc})") from None

    def get(self, i: int, build: Any) -> Any:
        """Row `i` built by `build(value)`; a malformed row raises FiguresError naming its line."""
        row = self._rows.get(i)
        if row is None:
            line, value = self.raw(i)
            try:
                row = build(value)
            except (TypeError, ValueError, KeyError, IndexError) as exc:
                raise _fail(self.path, line, f"malformed entry ({exc})") from None
            self._rows[i] = row
        return row


def _build_person(value: object) -> Person:
    if not (isinstance(value, list) and len(value) == 7):
        raise ValueError("expected [name, forms, country, cameo, roles, titles, source]")
    name, forms, country, cameo, roles, titles, source = value
    if not (isinstance(name, str) and name and _strings(forms)):
        raise ValueError("name and forms must be non-empty strings")
    if not (country is None or (isinstance(country, str) and len(country) == 2)):
        raise ValueError(f"country {country!r} is not ISO alpha-2")
    if not (cameo is None or isinstance(cameo, str)) or not isinstance(titles, list) or not isinstance(source, str):
        raise ValueError("bad cameo, titles or source")
    if not isinstance(roles, list):
        raise ValueError("roles must be a list")
    built = []
    for r in roles:
        if not (isinstance(r, list) and len(r) in (3, 4) and r[0] in SECTORS):
            raise ValueError(f"bad role {r!r}: expected [sector, start, end(, code)]")
        code = r[3] if len(r) == 4 else f"{cameo or ''}{r[0]}"
        built.append(Role(r[0], _iso_date(r[1]), _iso_date(r[2]), code))
    return Person(name, tuple(forms), country, cameo, tuple(built), tuple(titles), source)


def _build_organisation(value: object) -> Organisation:
    if not isinstance(value, dict):
        raise ValueError("expected an object")
    org = Organisation(value["name"], tuple(value["forms"]), value["cameo"], value["type"], value["country"], value["source"])
    if not (isinstance(org.name, str) and org.name and _strings(list(org.forms))):
        raise ValueError("name and forms must be non-empty strings")
    if not (isinstance(org.cameo, str) and isinstance(org.type, str)):
        raise ValueError("cameo and type must be strings")
    if not (org.country is None or (isinstance(org.country, str) and len(org.country) == 2)):
        raise ValueError(f"country {org.country!r} is not ISO alpha-2")
    return org


def _build_agent(value: object) -> Agent:
    if not isinstance(value, dict):
        raise ValueError("expected an object")
    agent = Agent(tuple(value["forms"]), value["sector"], value["label"], value["cameo"])
    if not _strings(list(agent.forms)) or agent.sector not in SECTORS:
        raise ValueError(f"bad forms or unknown sector {agent.sector!r}")
    return agent


class Figures:
    """Lookups over one resource directory (see :func:`figures`); each file opens on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @cached_property
    def _people(self) -> _Table:
        return _Table(self.directory / PEOPLE_FILE, "phoenix-people", ("keys", "surnames"))

    @cached_property
    def _organisations(self) -> _Table:
        return _Table(self.directory / ORGANISATIONS_FILE, "phoenix-organisations", ("keys",))

    @cached_property
    def _agents(self) -> _Table:
        return _Table(self.directory / AGENTS_FILE, "phoenix-agents", ("keys",))

    def load(self) -> Figures:
        """Open all three files now (at start-up, say) instead of on first use."""
        _ = self._people, self._organisations, self._agents
        return self

    def check(self) -> None:
        """Parse and check every row (slow: for tests and the converter, not for start-up)."""
        for table, build in ((self._people, _build_person), (self._organisations, _build_organisation), (self._agents, _build_agent)):
            for i in range(table.count):
                table.get(i, build)

    # -- people ---------------------------------------------------------------------------------
    def people(self, text: str) -> tuple[Person, ...]:
        """Every person one of whose name forms is `text` (case, accents, hyphens do not matter)."""
        table = self._people
        return tuple(table.get(i, _build_person) for i in table.rows_for("keys", name_key(text)))

    def person(self, text: str) -> Person | None:
        """The person named `text` when exactly one has that form."""
        found = self.people(text)
        return found[0] if len(found) == 1 else None

    def by_surname(self, text: str) -> tuple[Person, ...]:
        """Every person with surname `text` ("Erdogan", "bin Laden"), in dictionary order."""
        table = self._people
        return tuple(table.get(i, _build_person) for i in table.rows_for("surnames", name_key(text)))

    def given_name(self, word: str) -> bool:
        """Whether three or more people of the dictionary have `word` as their first name ("Jack
        Law" is a person, not a law)."""
        return self._first_names.get(name_key(word), 0) >= 3

    @cached_property
    def _first_names(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for key in self.person_keys():
            first, _, rest = key.partition(" ")
            if rest:
                counts[first] = counts.get(first, 0) + 1
        return counts

    def person_keys(self) -> Iterable[str]:
        """Every person lookup key (folded full forms), e.g. to build a phrase matcher."""
        return self._people.indexes["keys"].keys()

    # -- organisations and agents -----------------------------------------------------------------
    def organisations(self, text: str) -> tuple[Organisation, ...]:
        """Every organisation one of whose forms is `text` ("the" in front does not matter)."""
        table = self._organisations
        key = name_key(text)
        rows = table.rows_for("keys", key) or (table.rows_for("keys", key[4:]) if key.startswith("the ") else ())
        return tuple(table.get(i, _build_organisation) for i in rows)

    def organisation_types(self, text: str) -> set[str]:
        """The types ("media", "armed group", ...) of the organisations named `text`; empty if none."""
        return {o.type for o in self.organisations(text)}

    def organisation(self, text: str) -> Organisation | None:
        found = self.organisations(text)
        return found[0] if len(found) == 1 else None

    def organisation_keys(self) -> Iterable[str]:
        return self._organisations.indexes["keys"].keys()

    def organisation_by_code(self, code: str) -> Organisation | None:
        """The first organisation with exactly this CAMEO code ("IGOWSTNAT" -> NATO)."""
        i = self._organisations.header.get("codes", {}).get(code)
        return self._organisations.get(i, _build_organisation) if type(i) is int else None

    def agent(self, text: str) -> Agent | None:
        """The agent noun `text` ("president", "foreign ministers") with its sector."""
        rows = self._agents.rows_for("keys", name_key(text))
        return self._agents.get(rows[0], _build_agent) if rows else None

    def agent_keys(self) -> Iterable[str]:
        return self._agents.indexes["keys"].keys()

    # -- descriptions -------------------------------------------------------------------------
    def role_on(self, person: Person, on: date | None = None) -> tuple[Role | None, bool]:
        """The role that describes `person` on `on` and whether it had already ended ("former").

        On a date: the dated role active then (the latest begun), else the default (undated)
        role, else the last role that ended before it (former). Without a date: the role that
        ends last (an open end is last), else the default role.
        """
        dated = [r for r in person.roles if r.dated]
        default = next((r for r in person.roles if not r.dated), None)
        if on is not None:
            active = [r for r in dated if r.active(on)]
            if active:
                return max(active, key=lambda r: r.start or date.min), False
            if default is not None:
                return default, False
            ended = [r for r in dated if r.end is not None and r.end < on]
            if ended:
                return max(ended, key=lambda r: r.end or date.min), True
            return None, False
        if dated:
            return max(dated, key=lambda r: (r.end or date.max, r.start or date.min)), False
        return default, False

    def describe(self, person: Person, on: date | None = None) -> str:
        """'Turkish government figure (2004)', 'British opposition figure', 'former Afghan political figure (2010)'."""
        role, former = self.role_on(person, on)
        words: list[str] = []
        if role is not None and role.sector in _ORGANISATION_SECTORS:
            org = self.organisation_by_code(role.code)
            # "NATO figure" rather than "North Atlantic Treaty Organization figure"
            short = next((f for f in org.forms if f.isupper() and " " not in f), org.name) if org else None
            words.append(short or SECTORS[role.sector][1])
        else:
            cameo = role.code[:3] if role is not None and len(role.code) >= 6 else person.cameo
            iso = person.country if cameo == person.cameo else self._people.header.get("countries", {}).get(cameo)
            adjective = _adjective(iso, cameo)
            if adjective:
                words.append(adjective)
            if role is not None:
                words.append(SECTORS[role.sector][1])
        text = " ".join([*(["former"] if former else []), *words, "figure"])
        return f"{text} ({on.year})" if on is not None else text


_ORGANISATION_SECTORS = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG"})


@cache
def _demonyms() -> dict[str, str]:
    """ISO alpha-2 -> the gazetteer's first demonym ("TR" -> "Turkish") or the country name."""
    from reader.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    out: dict[str, str] = {}
    for text, form in gaz.forms.items():
        if form.kind == "demonym" and form.place.key.startswith("country:"):
            out.setdefault(form.place.key.removeprefix("country:"), text)
    for key, place in gaz.places.items():
        if key.startswith("country:"):
            out.setdefault(key.removeprefix("country:"), place.name)
    return out


def _adjective(iso: str | None, cameo: str | None) -> str | None:
    if cameo in _FORMER_STATES:
        return _FORMER_STATES[cameo]
    if iso is None:
        return None
    return _demonyms().get(iso)


@cache
def figures(directory: Path | None = None) -> Figures:
    """The figures of `directory` (default: the shipped ``resources/lexicons``), once per process."""
    return Figures(directory if directory is not None else resource("lexicons"))
