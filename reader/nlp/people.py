"""What the field's dictionary of political figures says about the people a briefing names.

A person is matched by a full name (two words or more, as written or among the actor's
aliases) to one entry of the Phoenix dictionary (``reader.nlp.figures``); a bare surname is never
enough, and two dictionary people of one name are left alone. The match gives the actor a short
description as of the publication date ("Turkish government figure (2004)"), and the person's
country when the text named that country and gave the person none.
"""

from __future__ import annotations

import datetime as dt

from reader.model import Actor
from reader.nlp.figures import Person, figures
from reader.nlp.gazetteer import gazetteer


def known_person(actor: Actor) -> Person | None:
    """The one dictionary person the actor's full name (or a full alias) names, if any."""
    figs = figures()
    for form in [actor.name, *actor.aliases]:
        if len(form.split()) < 2:
            continue
        found = figs.people(form)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None


def describe_people(actors: list[Actor], published: dt.date | None) -> None:
    """Fill `description` (and a missing `country`) of the people the dictionary knows."""
    countries = {}
    gaz = gazetteer()
    for actor in actors:
        if actor.type == "GPE":
            key = next((k for k, p in gaz.places.items() if p.name == actor.name and k.startswith("country:")), None)
            if key:
                countries[key.removeprefix("country:")] = actor.id
    for actor in actors:
        if actor.type != "PERSON":
            continue
        person = known_person(actor)
        if person is None:
            continue
        actor.description = figures().describe(person, published)
        if actor.country is None and person.country in countries:
            actor.country = countries[person.country]
