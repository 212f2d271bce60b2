"""Names joined by a possessive: "Council of Europe's Commission", "Marine Le Pen's National Rally".

The small model often tags an owner and what it owns as one name, or tags the owner with its "'s"
and leaves the owned body's name untagged. Either way the owner and the body are two actors.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from reader.nlp.entity_candidate import Candidate

POSSESSIVE_MARKS = ("’s", "'s")

#: Plural common nouns a name's possessive belongs to ("Republican People's Party", "Workers' Party"): one name.
COMMON_OWNERS = frozenset({"people", "peoples", "workers", "women", "farmers", "children", "citizens", "veterans",
                           "pensioners", "students", "nations", "soldiers", "teachers", "miners"})
#: At most this many capitalised words make the owned body's name ("National Rally", "Launch Services").
MAX_OWNED_WORDS = 4


def split_at_possessive(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Council of Europe’s Commission ...' is two bodies, the second belonging to the first (not "the
    Republican People's Party", whose owner is a common noun)."""
    out: list[Candidate] = []
    for c in cands:
        cut = next((i for i in range(c.start + 1, c.end - 1) if doc[i].text in POSSESSIVE_MARKS), None)
        if cut is None or c.label not in ("ORG", "FAC", "GPE", "LOC", "PERSON") or doc[cut - 1].lower_ in COMMON_OWNERS:
            out.append(c)
            continue
        out.append(type(c)(c.start, cut, "ORG" if c.label == "PERSON" else c.label, c.kb))
        out.append(type(c)(cut + 1, c.end, "ORG" if c.label == "PERSON" else c.label))
    return out


def owned_bodies(doc: Doc, cands: list[Candidate], in_title: Callable[[Token], bool]) -> list[Candidate]:
    """ "those of Marine Le Pen's National Rally": capitalised proper nouns the model left untagged right
    after a name's possessive are a body of that owner (not a title: "Britain's Prime Minister")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = list(cands)
    for c in cands:
        if c.label not in ("ORG", "PERSON", "GPE") or c.end >= len(doc) or doc[c.end - 1].text not in POSSESSIVE_MARKS:
            continue
        j = c.end
        while (j < len(doc) and j - c.end < MAX_OWNED_WORDS and j not in taken and doc[j].tag_ in ("NNP", "NNPS")
               and doc[j].is_alpha and doc[j].is_title and not in_title(doc[j])):
            j += 1
        if j - c.end >= 2 and (j == len(doc) or not doc[j].is_title) and not any(in_title(t) for t in doc[c.end : j + 1]):
            out.append(Candidate(c.end, j, "ORG"))
            taken.update(range(c.end, j))
    return out
