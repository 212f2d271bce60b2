"""How a row calls a person: by the one word the briefing uses for them ("Abiy", "Blair"), unless another
person shares it; the family name where it is written first ("Xi Jinping")."""

from __future__ import annotations

import re

from reader.nlp.entity_shapes import SURNAME_PARTICLES
from reader.nlp.events.lexicon import Lexicon
from reader.nlp.events.participants import ActorIndex

NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


def family_name(words: list[str], lex: Lexicon) -> str:
    """The family name of a name in words: the last, or the first where it is written first ("Xi
    Jinping", "Kim Jong Un", "Moon Jae-in"; not "Kim Howells")."""
    first = words[0].lower()  # (cue words are read lower-cased)
    if len(words) > 1 and (first in lex.cue("family_name_first") or first in lex.cue("family_name_first_two_part")
                           and (len(words) > 2 or "-" in words[1])):
        return words[0]
    last = len(words) - 1
    if last > 0 and re.fullmatch(r"[IVX]+", words[last]):
        return " ".join(words[last - 1 :])  # "Felipe VI", "Charles III": a monarch by name and number
    while last > 0 and words[last - 1].lower() in SURNAME_PARTICLES:
        last -= 1  # "Le Pen", "von der Leyen", "bin Laden": the particles are part of it
    return " ".join(words[last:])


class ShortNames:
    """The short name of each actor of one document, worked out once."""

    def __init__(self, index: ActorIndex, text: str) -> None:
        self.index = index
        self.text = text
        self._surnames: dict[str, int] | None = None
        self._short: dict[str, str] = {}

    def of(self, actor_id: str) -> str:
        """A person by the one word the briefing calls them ("Abiy", "Faki", "Blair") when no
        other person shares it; everyone else in full."""
        known = self._short.get(actor_id)
        if known is None:
            known = self._short[actor_id] = self._find_short_name(actor_id)
        return known

    def _find_short_name(self, actor_id: str) -> str:
        name = self.index.name_of(actor_id)
        actor = self.index.by_id.get(actor_id)
        if actor is None or actor.type != "PERSON":
            return name
        words = [w for w in name.split() if w.rstrip(".") not in NAME_SUFFIXES]
        if len(words) < 2 or "of" in words:
            return name  # "the Prince of Wales" is never "Wales"
        alone: dict[str, int] = {}
        for m in actor.mentions:
            parts = m.text.split()
            if len(parts) == 1 and parts[0][:1].isupper() and parts[0] in words:  # not "the Cardinal"
                # "Sir Edward", "Dame Judi": a knight's first name goes with the title, never alone
                before = self.text[max(0, m.start - 5) : m.start]
                key = next((f"{t}{parts[0]}" for t in ("Sir ", "Dame ") if before.endswith(t)), parts[0])
                alone[key] = alone.get(key, 0) + 1
        family = family_name(words, self.index.lexicon)
        short = max(alone, key=lambda w: (alone[w], w == family)) if alone else family
        if self._surname_count().get(short, 0) > 1:
            return name
        return short

    def _surname_count(self) -> dict[str, int]:
        if self._surnames is None:
            counts: dict[str, int] = {}
            for actor in self.index.actors:
                if actor.type == "PERSON":
                    words = [w for w in actor.name.split() if w.rstrip(".") not in NAME_SUFFIXES]
                    if words:
                        family = family_name(words, self.index.lexicon)
                        counts[family] = counts.get(family, 0) + 1
            self._surnames = counts
        return self._surnames
