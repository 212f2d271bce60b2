"""Organisations the field's dictionary knows by their whole name, which the small model splits:
"Lockheed Martin" tagged as the organisation "Lockheed" and the person "Martin" is one company."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.figures import figures

#: labels the model gives to the parts of a split organisation's name
_PARTS = frozenset({"ORG", "PERSON", "GPE", "NORP", "PRODUCT", "FAC"})
#: how many words past a tagged name may still belong to it
_REACH = 2


def join_split_bodies(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """A name the model tagged, with the capitalised words right after it (tagged or not), that the
    dictionary knows as an organisation, and not as a person, is that organisation (a whole name read as a
    person's is relabelled by `BriefingEntities._type_by_dictionary`)."""
    if not cands:
        return cands
    figs = figures()
    by_start = {c.start: c for c in cands}
    tagged = {i for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    skip_to = -1
    for c in sorted(cands, key=lambda c: c.start):
        if c.start < skip_to:
            continue
        joined = None
        if c.label in _PARTS and not c.kb:
            end = c.end
            for _ in range(_REACH):
                if end >= len(doc) or not doc[end].is_title or not doc[end].is_alpha:
                    break
                nxt = by_start.get(end)
                if nxt is not None:
                    if nxt.label not in _PARTS or nxt.kb:
                        break
                    end = nxt.end
                elif end in tagged:
                    break
                else:
                    end += 1
                text = doc[c.start : end].text
                if figs.organisations(text) and not figs.people(text):
                    joined = Candidate(c.start, end, "ORG")
                    break
        if joined is None:
            out.append(c)
        else:
            out.append(joined)
            skip_to = joined.end
    return out
