"""A peer's full title: "Lord Phillips of Sudbury" is one person, not Lord Phillips and a town.

The small English model tags "Lord Phillips" as a person and "Sudbury" as a place, so the place
takes part in what the peer does ("the amendment tabled by Lord Phillips of Sudbury" had Sudbury
among its doers). After a peer's rank, "of" and a capitalised name (the territorial designation)
belong to the person's name, and the place the model found there is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate

#: Ranks of a peer whose title names a place after "of".
PEER_RANKS = frozenset({"Lord", "Baroness", "Lady", "Viscount", "Viscountess", "Earl", "Countess", "Baron"})
#: At most this many words of the place after "of" ("of Clifton upon Dunsmore").
_PLACE_WORDS = 3


def join_peerage_titles(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Extend a peer's name over "of" and the place of the title (see module doc)."""
    drop: set[int] = set()
    for c in cands:
        if c.label != "PERSON" or c.end + 1 >= len(doc) or doc[c.end].lower_ != "of" or not _ranked(doc, c):
            continue
        end = c.end + 1
        while end < len(doc) and end - c.end <= _PLACE_WORDS and (
                doc[end].is_title and doc[end].ent_type_ != "DATE" or doc[end].lower_ in ("upon", "le")):
            end += 1
        while end > c.end + 1 and not doc[end - 1].is_title:
            end -= 1
        if end == c.end + 1:
            continue
        drop.update(id(o) for o in cands if o is not c and c.end <= o.start < end)
        c.end = end
    return [c for c in cands if id(c) not in drop]


def _ranked(doc: Doc, c: Candidate) -> bool:
    """The name starts with a peer's rank, or has one straight before it."""
    return doc[c.start].text in PEER_RANKS or c.start > 0 and doc[c.start - 1].text in PEER_RANKS
