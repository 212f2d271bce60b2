"""Which persons the text marks as men or women, from the honorifics before their mentions ("Mr
Lane sued Mrs Ward. She denies it": "she" is Mrs Ward)."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.model import Actor
from reader.nlp.events.lexicon import Lexicon


def person_genders(doc: Doc, actors: list[Actor], starts: dict[int, int], lexicon: Lexicon) -> dict[str, str]:
    """Person id -> "m" / "f" from the honorifics before its mentions; none where they disagree."""
    male, female = lexicon.cue("male_honorific"), lexicon.cue("female_honorific")
    out: dict[str, str] = {}
    for actor in actors:
        if actor.type != "PERSON":
            continue
        seen = set()
        for m in actor.mentions:
            at = starts.get(m.start)
            if at:
                word = doc[at - 1].lower_
                if word in male:
                    seen.add("m")
                elif word in female:
                    seen.add("f")
        if len(seen) == 1:
            out[actor.id] = seen.pop()
    return out
