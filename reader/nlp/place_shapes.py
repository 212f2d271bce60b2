"""Entity shapes told by the words around a name: a compass word that begins a region's name, a
place or a person said to be one in apposition. Used by `entity_shapes.reshape`.

The small model splits "West Darfur" into a bloc ("the West") and Darfur, and leaves "North
Darfur" as Darfur; it types "El Fasher, the last city in Darfur" as an organisation and "his
brother, Abdelrahim" as one too. The words beside the name say what it is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.nlp.entity_candidate import Candidate

#: Words that begin a region's name before a place ("West Darfur", "North Kivu", "Southern Lebanon").
COMPASS_WORDS = frozenset({
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Northeast", "Northwest", "Southeast", "Southwest", "Upper", "Lower", "Greater",
})
#: Nouns that say a name in apposition is a settled place ("El Fasher, the last city in Darfur").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "capital", "port", "region", "province", "district", "state", "county",
    "island", "enclave", "governorate", "oblast", "municipality", "suburb", "township",
})
#: Nouns for kin: a name set beside one is a person ("his brother, Abdelrahim").
KIN_NOUNS = frozenset({
    "brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "cousin", "nephew",
    "niece", "uncle", "aunt", "widow", "widower", "grandson", "granddaughter", "stepson", "stepdaughter",
})


def shape_by_neighbours(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Apply the rules of this module in turn."""
    cands = _compass_regions(doc, cands)
    _places_in_apposition(doc, cands)
    _kin_in_apposition(doc, cands)
    return cands


def _compass_regions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "in West Darfur", "fighting in North Kivu": a capitalised compass word right before a place
    begins that place's name; a one-word entity the model made of it ("the West") goes."""
    by_end = {c.end: c for c in cands}
    dropped: set[int] = set()
    for c in cands:
        if c.label not in ("GPE", "LOC") or c.start == 0:
            continue
        word = doc[c.start - 1]
        if word.text not in COMPASS_WORDS:
            continue
        alone = by_end.get(c.start)
        if alone is not None and alone.end - alone.start != 1:
            continue  # "the Central African Republic" and the like are names of their own
        if alone is not None:
            dropped.add(id(alone))
        c.start, c.kb = c.start - 1, ""  # a region of its own, not the place it lies in
    return [c for c in cands if id(c) not in dropped]


def _places_in_apposition(doc: Doc, cands: list[Candidate]) -> None:
    """ "El Fasher, the last major city in Darfur, ...", "Rafah, a town on the border": a name that a
    noun for a settled place describes is that place."""
    for c in cands:
        if c.label not in ("ORG", "PERSON") or c.kb or c.end >= len(doc) or doc[c.end].text != ",":
            continue
        head = doc[c.end - 1]
        if any(ch.dep_ == "appos" and _lemma(ch) in PLACE_NOUNS and ch.i > head.i for ch in head.children):
            c.label = "GPE"


def _kin_in_apposition(doc: Doc, cands: list[Candidate]) -> None:
    """ "Mr Dagalo's brother, Abdelrahim, ...": a one-word name set beside a noun for kin is a person."""
    for c in cands:
        if c.label == "PERSON" or c.kb or c.end - c.start != 1:
            continue
        tok = doc[c.start]
        if tok.dep_ == "appos" and _lemma(tok.head) in KIN_NOUNS and tok.head.i < tok.i:
            c.label = "PERSON"


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()
