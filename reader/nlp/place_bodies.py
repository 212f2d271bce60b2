"""Bodies named after a place, where the small model tags only the place.

- "The UK Independence Party has lost ...": after "the", a country followed by capitalised words
  that hold a noun for a body ("Party", "Chamber", "Office") is that body's name.
- "Bank Indonesia cut rates": "Bank" run into a country's name is that bank.
- "members of London UKIP": a place run into an acronym the text also uses alone is the place's
  branch of that body: the body is the actor, and the place stays a place.

Both work on the entity candidates after the gazetteer has added the places it knows
(``reader.nlp.components``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.entity_shapes import ORG_HEADS
from reader.nlp.gazetteer import gazetteer

#: Head nouns of a body named after its country ("the UK Independence Party", "the US Chamber of Commerce").
_PLACE_BODY_HEADS = ORG_HEADS | frozenset({"party", "chamber", "army", "navy", "force", "guard", "marines"})


def place_heading_a_body(doc: Doc, cands: list[Candidate]) -> None:
    """'The UK Independence Party has lost ...': the small model tags the country alone; after "the",
    a country followed by capitalised words that hold a noun for a body is that body's name."""
    people = {c.start for c in cands if c.label == "PERSON"}
    titles = gazetteer().title_heads
    for c in cands:
        if c.label != "GPE" or c.start == 0 or doc[c.start - 1].lower_ != "the":
            continue
        j, last_head = c.end, 0
        # the name stops at a person's name or a title ("the US Navy Secretary John Smith")
        while j < len(doc) and j not in people and doc[j].lower_ not in titles and (
                doc[j].is_title and doc[j].is_alpha
                or (doc[j].lower_ in ("of", "for", "and") and j + 1 < len(doc) and doc[j + 1].is_title)):
            if doc[j].lower_ in _PLACE_BODY_HEADS:
                last_head = j + 1
            j += 1
        if not last_head:
            continue
        for o in cands:
            if o is not c and c.end <= o.start < j:
                o.start = o.end = -1  # swallowed
        c.end, c.label, c.kb = j, "ORG", ""
    cands[:] = [c for c in cands if c.start >= 0]
    bank_named_for_country(doc, cands)


#: Words that, capitalised before a country's name, make it a bank's ("Bank Indonesia", "Bank Negara Malaysia").
_BANK_WORDS = ("Bank", "Banco", "Banque", "Banca")


def bank_named_for_country(doc: Doc, cands: list[Candidate]) -> None:
    """ "Bank Indonesia cut its policy rate": the small model tags the country alone; "Bank" (or "Bank
    Negara") run into a country's name, and not the end of a longer name ("the World Bank"), is that bank."""
    inside = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "GPE" or not c.kb.startswith("country:") and _country(doc, c) is None:
            continue
        start = c.start - 2 if c.start >= 2 and doc[c.start - 1].text == "Negara" else c.start - 1
        if start < 0 or doc[start].text not in _BANK_WORDS or start in inside:
            continue
        if start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start and doc[start - 1].ent_type_ not in (
                "DATE", "TIME"):
            continue  # "the Asian Development Bank Indonesia office" (but "In January Bank Indonesia cut")
        c.start, c.label, c.kb = start, "ORG", ""


def _country(doc: Doc, c: Candidate) -> str | None:
    form = gazetteer().lookup(doc[c.start : c.end].text)
    return form.place.key if form is not None and form.place.key.startswith("country:") else None


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def place_before_acronym(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "London UKIP" beside "UKIP" alone: the place, then the body the acronym names."""
    out: list[Candidate] = []
    for c in cands:
        if c.label == "ORG" and not c.kb and c.end - c.start == 2 and _ACRONYM.match(word := doc[c.end - 1].text):
            alone = any(t.text == word for t in doc if t.i != c.end - 1)
            if alone and _known_place(doc, c.start):
                out.extend([Candidate(c.start, c.start + 1, "GPE"), Candidate(c.end - 1, c.end, "ORG")])
                continue
        out.append(c)
    return out


def _known_place(doc: Doc, i: int) -> bool:
    form = gazetteer().lookup(doc[i].text)
    return form is not None and not form.place.key.startswith("org:")


def country_before_body(doc: Doc, outer: Candidate, body: Candidate) -> list[Candidate] | None:
    """ "The US Federal Reserve": the model's organisation that is a country's name before a body the
    gazetteer knows by name is that country and that body, one actor with "the Fed" (None otherwise)."""
    if outer.label != "ORG" or body.end != outer.end or not body.kb.startswith("org:") or body.start <= outer.start:
        return None
    form = gazetteer().lookup(doc[outer.start : body.start].text)
    if form is None or not form.place.key.startswith("country:") or form.kind == "capital":
        return None  # ("London UKIP" is the party's London branch: see place_before_acronym)
    return [Candidate(outer.start, body.start, form.label, form.place.key), body]
