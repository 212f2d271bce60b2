"""Names in one list are one kind of thing.

"He visits Manchester, Liverpool, Leicester, Somerset and Torbay", "at Heathrow, Gatwick and
Glasgow airports": the small model tags most members of such a list as places and a few, the
towns it does not know, as people. A one-word "person" in a list of places is a place, of the kind
most of its neighbours are, unless the text says it is a person (an honorific before it) or the
field's dictionary knows the name as one.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.figures import figures

#: Labels of places; a list with two of them is a list of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: What may stand between two members of a list.
_SEPARATORS = frozenset({",", "and", "or"})


def places_in_lists(doc: Doc, cands: list[Candidate], honorifics: frozenset[str]) -> None:
    """Relabel, in place, one-word people listed among places (see the module docstring)."""
    ordered = sorted(cands, key=lambda c: c.start)
    run: list[Candidate] = []
    for c in ordered:
        if run and not _joined(doc, run[-1], c):
            _settle(doc, run, honorifics)
            run = []
        run.append(c)
    _settle(doc, run, honorifics)


def _joined(doc: Doc, a: Candidate, b: Candidate) -> bool:
    between = doc[a.end : b.start]
    return 0 < len(between) <= 2 and all(t.lower_ in _SEPARATORS for t in between)


def _settle(doc: Doc, run: list[Candidate], honorifics: frozenset[str]) -> None:
    places = Counter(c.label for c in run if c.label in PLACE_LABELS)
    if sum(places.values()) < 2:
        return
    label = places.most_common(1)[0][0]
    for c in run:
        if c.label != "PERSON" or c.end - c.start != 1 or c.kb:
            continue
        if c.start > 0 and doc[c.start - 1].text in honorifics:
            continue  # "Blackpool, Mr Hendry and Leeds": the text says he is a man
        if figures().people(doc[c.start].text):
            continue
        c.label = label
