"""A full name the model left untagged, given as a person's by a later "Mr Surname".

"Ashok Vishwanathan of Operation Black Vote said ..." and, a paragraph on, "Mr Vishwanathan
said": the small English model often leaves an unfamiliar full name untagged in the first
sentence yet the honorific makes the surname a person later (``_untagged_after_honorific`` in
``reader.nlp.components``). The row of the first saying then has no speaker, or the body after
"of" as its doer. Two or three capitalised proper nouns ending in that surname, before its first
tagged mention and in no other name, are the same person's full name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.entity_candidate import Candidate

#: At most this many given names before the surname ("Ashok Vishwanathan", "Mary Ann Cole").
MAX_GIVEN = 2


def full_names_before(doc: Doc, cands: list[Candidate], honorifics: frozenset[str],
                      is_title_word: Callable[[Token], bool]) -> list[Candidate]:
    """New person candidates for the untagged full names of surnames an honorific makes people."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    first_seen: dict[str, int] = {}
    for c in cands:
        if c.label == "PERSON" and c.end - c.start == 1 and c.start > 0 and doc[c.start - 1].text in honorifics:
            word = doc[c.start].text
            first_seen[word] = min(first_seen.get(word, c.start), c.start)
    out: list[Candidate] = []
    for word, first in first_seen.items():
        for i in indices_where(doc, ORTH, (word,)):
            if i >= first or i in taken:
                continue
            j = i
            while j > 0 and i - j < MAX_GIVEN and _given_name(doc[j - 1], taken, is_title_word):
                j -= 1
            if j < i:
                out.append(Candidate(j, i + 1, "PERSON"))
                taken.update(range(j, i + 1))
    return out


def _given_name(tok: Token, taken: set[int], is_title_word: Callable[[Token], bool]) -> bool:
    return tok.i not in taken and tok.tag_ == "NNP" and tok.is_alpha and tok.is_title and not is_title_word(tok)
