"""Group entity mentions into actors: one actor per real-world entity."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.model import ACTOR_TYPES, Actor, Mention


def extract_actors(doc: Doc) -> list[Actor]:
    by_key: dict[tuple[str, str], Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_TYPES:
            continue
        key = (ent.label_, ent.text)
        actor = by_key.get(key)
        if actor is None:
            actor = by_key[key] = Actor(id=f"A{len(by_key) + 1}", name=ent.text, type=ent.label_)
        actor.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(by_key.values())
