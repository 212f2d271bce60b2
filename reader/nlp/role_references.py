"""Role references: "the Turkish president", "the Lib Dem spokesman", "the Glasgow Kelvin MP" -> the one
person the text gave that role (and country, body or seat) before.

A title after "the" (or a possessive) is a reference when exactly one person of the text holds a role
with those words; a country before it must be theirs, a party before it or a body after "of the" must be
in their own title (``reader.nlp.role_bodies``). A place-name before a title held for a seat ("the
Glasgow Kelvin MP", "the Texas governor") is the seat: it is part of the reference, not a place acted on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.tokens import Doc

from reader.nlp.doc_text import indices_where, text_of
from reader.nlp.gazetteer import Gazetteer
from reader.nlp.offices import offices
from reader.nlp.role_bodies import PAST_HOLDER, body_after_of, body_before, holds_office_of, titled_by

#: Words that open a role reference before its title.
_OPENERS = ("the", "its", "his", "her", "their")
#: How many capitalised words a seat's name may take ("the Glasgow Kelvin MP").
_SEAT_WORDS = 3


def role_references(doc: Doc, gaz: Gazetteer, people: Sequence[Any], title_before: Callable[[int], tuple[str, str | None, int]],
                    taken: set[int]) -> list[tuple[int, int, str]]:
    """(first token, end token, person key) of every role reference; `people` are the clusters with roles."""
    if not people:
        return []
    table, headline_end = offices(), text_of(doc).find("\n")  # a headline drops "the": "Chancellor rallies voters"
    role_words = {c.key: [frozenset(w.lower() for w in form.split()) for r in c.roles
                          for form in (r, *table.other_words(r, c.country_key))] for c in people}
    out = []
    for i in indices_where(doc, LOWER, gaz.title_heads):
        tok = doc[i]
        if tok.i in taken or tok.lower_ in ("counterpart", "counterparts") or tok.dep_ == "pobj" and tok.head.lower_ == "as":
            continue  # (nor "would deliver better as the leader": an office held in thought, not a holder)
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 4 and (doc[j].lower_ in gaz.title_heads or doc[j].lower_ in gaz.title_modifiers):
            j += 1
        if j < len(doc) and doc[j].ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            continue  # a title in front of a name ("Secretary of State Condoleezza Rice", "Their leader, Andreas Babler,")
        if j < len(doc) and doc[j - 1].lower_ == "of" and doc[j].is_title:
            continue  # the head of something named: "the president of Nokia" is not the president
        role, country, first = title_before(tok.i + 1)
        party = body_before(doc, first) if country is None else first  # "the Lib Dem spokesman"
        seat = _seat_before(doc, first) if country is None and tok.lower_ in gaz.seat_titles else None
        if seat is None and (party == 0 or doc[party - 1].lower_ not in _OPENERS) and country is None \
                and not doc[party].idx < headline_end:
            continue
        if any(i in taken for i in range(first, tok.i + 1) if doc[i].ent_type_ == "PERSON"):
            continue
        said = {w.lower() for w in role.split()}
        words = said - gaz.soft_modifiers
        # "the chancellor" is not the former chancellor, nor "the former chancellor" the sitting one (it
        # may be the one named earlier); "the chairman of the Commission for ..." is that body's
        body = None if seat is not None else list(doc[party:first]) or None
        candidates = [
            c for c in people
            if any(words <= r and not (r - words) & gaz.other_office_modifiers and r & PAST_HOLDER == said & PAST_HOLDER
                   for r in role_words[c.key])
            and (country is None or c.country_key == country or holds_office_of(gaz, c.roles, country))
            and titled_by(doc, c.mentions, body_after_of(doc, j))
            and titled_by(doc, c.mentions, body, gaz, c.roles)
        ]
        if len({c.key for c in candidates}) > 1 and doc[first].idx > headline_end:
            # "The new president has promised": of several holders, the one the text named before (others come later)
            candidates = [c for c in candidates if any(m.start < doc[first].idx for m in c.mentions)]
        if len({c.key for c in candidates}) != 1:
            continue
        out.append((first if seat is None else seat, tok.i + 1, candidates[0].key))
    return out


def _seat_before(doc: Doc, first: int) -> int | None:
    """The first word of a place-name between "the" and a title held for a seat ("the Glasgow Kelvin MP")."""
    k = first - 1
    while k >= 0 and first - k <= _SEAT_WORDS and doc[k].is_alpha and doc[k].text[:1].isupper() \
            and doc[k].lower_ not in _OPENERS and doc[k].ent_type_ not in ("PERSON", "ORG", "NORP"):
        k -= 1
    if k < 0 or k == first - 1 or doc[k].lower_ not in _OPENERS:
        return None
    return k + 1
