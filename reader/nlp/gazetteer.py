"""Place, organisation and title knowledge, from the `countryinfo` package plus our lexicons.

Countries, their capitals and demonyms come from `countryinfo` (a maintained data package);
`resources/lexicons/places.jsonl` only adds what it lacks (short forms such as "US",
plurals, regions, disputed territories, metonyms such as "the Kremlin"). Everything is keyed
so that "Russian", "Moscow" and "Russia" all point at one entry, ``country:RU``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

from reader.jsonl import read_jsonl
from reader.resources import resource


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, region, territory or organisation."""

    key: str  # "country:RU", "region:europe", "territory:crimea", "org:nato"
    name: str  # canonical display name
    label: str  # spaCy label the entity should carry: GPE, LOC, NORP, ORG


@dataclass(frozen=True, slots=True)
class Form:
    """A surface form and what it means: the place itself, its capital, demonym or institution."""

    place: Place
    kind: str  # "name", "capital", "demonym", "institution"

    @property
    def label(self) -> str:
        if self.kind == "demonym":
            return "NORP"
        return self.place.label


@dataclass(slots=True)
class Gazetteer:
    forms: dict[str, Form] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    #: military ranks before a name ("General", "Field Marshal"): a person follows, but they are not trimmed
    ranks: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    #: "Prince", "King": titles that with one given name make a royal's name ("Prince Charles")
    royal_titles: frozenset[str] = frozenset()
    title_modifiers: frozenset[str] = frozenset()
    #: titles held for a seat: a place-name before one is the seat ("the Glasgow Kelvin MP")
    seat_titles: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    #: words that qualify a role without changing who holds it ("former", "then")
    soft_modifiers: frozenset[str] = frozenset({"former", "then", "acting", "interim", "outgoing", "incoming", "new", "late"})
    #: words that make a different office of a role: the shadow home secretary is not the home secretary,
    #: and "the minister" is not the prime minister
    other_office_modifiers: frozenset[str] = frozenset(
        {"shadow", "deputy", "vice", "assistant", "junior", "under", "associate", "prime", "first"})
    alias_cues: tuple[tuple[str, ...], ...] = ()
    #: a city that, as a doer, stands for an organisation seated there when the text names it ("Brussels says")
    seats: dict[str, str] = field(default_factory=dict)
    #: the members of a chamber, as a doer, stand for it when the text names it ("Peers voted by 249 to 119")
    members: dict[str, str] = field(default_factory=dict)

    def lookup(self, text: str) -> Form | None:
        return self.forms.get(text)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Erdoğan' and 'Erdogan' fold alike."""
    if text.isascii():
        return text.lower()  # nothing to decompose (most names: the character loop below is slow)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return read_jsonl(path)


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def _add(forms: dict[str, Form], text: str, form: Form, population: dict[str, int], override: bool = False) -> None:
    """Add a form; on a clash between countries the more populous one keeps it ('Indian' is India)."""
    text = text.strip()
    if not text or not _latin(text):
        return
    old = forms.get(text)
    if old is None or override:
        forms[text] = form
        return
    if old.place.key.startswith("country:") and form.place.key.startswith("country:"):
        if population.get(form.place.key, 0) > population.get(old.place.key, 0) and old.kind == form.kind:
            forms[text] = form


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (about 40 ms)."""
    from countryinfo import all_countries

    gaz = Gazetteer()
    population: dict[str, int] = {}
    extra = _read_jsonl(resource("lexicons", "places.jsonl"))
    withdrawn = {iso for e in extra if e["kind"] == "withdrawn" for iso in e["iso"]}
    # countryinfo's own annotations promise keys some entries lack: read its records as plain data
    infos = [cast(dict[str, Any], c.info()) for c in all_countries()]
    infos = [info for info in infos if (info.get("ISO") or {}).get("alpha2") not in withdrawn]
    # several entries can share one ISO code (England, Wales... under GB): the most populous names it
    infos.sort(key=lambda info: -int(info.get("population") or 0))
    for info in infos:
        iso = (info.get("ISO") or {}).get("alpha2")
        name = info.get("name")
        if not iso or not name:
            continue
        key = f"country:{iso}"
        if key not in gaz.places:
            gaz.places[key] = Place(key, name.removeprefix("The "), "GPE")
            population[key] = int(info.get("population") or 0)
        place = gaz.places[key]
        _add(gaz.forms, name, Form(place, "name"), population)
        for alt in info.get("altSpellings") or []:
            # two- and three-letter codes ("TR", "RUS") are too ambiguous in running text
            if len(alt) > 3:
                _add(gaz.forms, alt, Form(place, "name"), population)
        capitals: str | list[str] = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            _add(gaz.forms, capital, Form(place, "capital"), population)
        for demonym in (info.get("demonym") or "").split(","):
            _add(gaz.forms, demonym, Form(place, "demonym"), population)
    for entry in extra:
        kind = entry["kind"]
        if kind == "withdrawn":
            continue
        if kind in ("country", "institution"):
            found = gaz.places.get(f"country:{entry['iso']}")
            if found is None:
                continue
            place = found
            if kind == "institution":
                for text in entry["forms"]:
                    _add(gaz.forms, text, Form(place, "institution"), population, override=True)
                continue
        else:
            place = Place(f"{kind}:{fold(entry['name'])}", entry["name"], entry["label"])
            gaz.places[place.key] = place
        for text in entry.get("forms", []):
            _add(gaz.forms, text, Form(place, "name"), population, override=True)
        for text in entry.get("capital_forms", []):
            _add(gaz.forms, text, Form(place, "capital"), population, override=True)
        for text in entry.get("demonyms", []):
            _add(gaz.forms, text, Form(place, "demonym"), population, override=True)
    for entry in _read_jsonl(resource("lexicons", "organisations.jsonl")):
        place = Place(f"org:{fold(entry['name'])}", entry["name"], "ORG")
        gaz.places[place.key] = place
        for text in entry["forms"]:
            _add(gaz.forms, text, Form(place, "name"), population, override=True)
        gaz.seats.update((text, place.key) for text in entry.get("seat_forms", []))
        gaz.members.update((text.lower(), entry["name"]) for text in entry.get("member_forms", []))
    # "the United States" and "United States": the article is not part of the name
    for text in [t for t in gaz.forms if t.startswith(("the ", "The "))]:
        gaz.forms.setdefault(text[4:], gaz.forms[text])
    titles = {e["kind"]: e for e in _read_jsonl(resource("lexicons", "titles.jsonl"))}
    gaz.honorifics = frozenset(titles["honorific"]["words"])
    gaz.ranks = frozenset(titles["rank"]["words"])
    gaz.title_heads = frozenset(titles["head"]["words"])
    gaz.royal_titles = frozenset(titles["royal"]["words"])
    gaz.title_modifiers = frozenset(titles["modifier"]["words"])
    gaz.seat_titles = frozenset(titles["seat"]["words"])
    gaz.government_words = frozenset(titles["government"]["words"])
    gaz.alias_cues = tuple(tuple(p.split()) for p in titles["alias_cue"]["phrases"])
    return gaz
