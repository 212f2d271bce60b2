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
from spacy.tokens import Doc, Span, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.entity_candidate import Candidate
from reader.nlp.entity_shapes import SURNAME_HONORIFICS, SURNAME_PARTICLES

#: At most this many given names before the surname ("Ashok Vishwanathan", "Mary Ann Cole").
MAX_GIVEN = 2


def full_names_before(doc: Doc, cands: list[Candidate], honorifics: frozenset[str],
                      is_title_word: Callable[[Token], bool]) -> list[Candidate]:
    """New person candidates for the untagged full names of surnames an honorific makes people."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    first_seen: dict[tuple[str, ...], int] = {}
    for c in cands:
        words = tuple(t.text for t in doc[c.start : c.end])
        # "Mr Vishwanathan", and "Ms Le Pen", "Mrs von der Leyen": a surname after its particles
        if c.label == "PERSON" and c.start > 0 and doc[c.start - 1].text in honorifics and _surname_words(words):
            first_seen[words] = min(first_seen.get(words, c.start), c.start)
    out: list[Candidate] = []
    for words, first in first_seen.items():
        for i in indices_where(doc, ORTH, (words[0],)):
            end = i + len(words)
            if i >= first or any(k in taken for k in range(i, end)) or tuple(t.text for t in doc[i:end]) != words:
                continue
            j = i
            while j > 0 and i - j < MAX_GIVEN and _given_name(doc[j - 1], taken, is_title_word):
                j -= 1
            if j < i:
                out.append(Candidate(j, end, "PERSON"))
                taken.update(range(j, end))
    return out


def _given_name(tok: Token, taken: set[int], is_title_word: Callable[[Token], bool]) -> bool:
    return tok.i not in taken and tok.tag_ == "NNP" and tok.is_alpha and tok.is_title and not is_title_word(tok)


def people_named_with_honorific(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "The Fabian Society's Sundar Katwala said ... Mr Katwala added", "Marine Le Pen's party ... Ms Le
    Pen said": a first name and a surname the model typed as a place or an organisation are the person
    the text calls "Mr Katwala" or "Ms Le Pen"."""
    surnames = {tuple(t.text for t in e) for e in ents if e.label_ == "PERSON" and e.start > 0
                and doc[e.start - 1].text in SURNAME_HONORIFICS and _surname_words(tuple(t.text for t in e))}
    if not surnames:
        return ents
    return [Span(doc, e.start, e.end, label="PERSON")
            if e.label_ != "PERSON" and not e.kb_id_ and any(
                len(s) < len(e) <= len(s) + 2 and tuple(t.text for t in e[len(e) - len(s):]) == s for s in surnames)
            and all(t.text[:1].isupper() and t.is_alpha for t in e) else e
            for e in ents]


def _surname_words(words: tuple[str, ...]) -> bool:
    """One word, or a surname after its particles ("Le Pen", "von der Leyen")."""
    return len(words) == 1 or len(words) <= 4 and all(w.lower() in SURNAME_PARTICLES for w in words[:-1])


def given_names_before(doc: Doc, cands: list[Candidate], is_title_word: Callable[[Token], bool],
                       known: Callable[[str], bool]) -> None:
    """ "the governor of the central bank, Sahap Kavcioglu, on March 20th": the model tagged the surname
    alone; capitalised proper nouns right before a person's name that begins an aside (after a comma or a
    bracket) are its given names (at most `MAX_GIVEN`, none a title or a known place or body)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "PERSON" or c.end - c.start != 1:
            continue
        j = c.start
        while j > 0 and c.start - j < MAX_GIVEN and _given_name(doc[j - 1], taken, is_title_word) and not known(doc[j - 1].text):
            j -= 1
        if j < c.start and j > 0 and doc[j - 1].text in (",", "("):
            taken.update(range(j, c.start))
            c.start = j


def surname_read_as_nationality(doc: Doc, cands: list[Candidate]) -> None:
    """ "Mr Han", "the prime minister, Han Duck-soo,": the model tags a surname that is also a people's name
    as that people (NORP); after a surname honorific, or before a hyphenated given name, it is a person's."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "NORP" or c.end - c.start != 1 or not doc[c.start].is_title:
            continue
        if c.start > 0 and doc[c.start - 1].text in SURNAME_HONORIFICS:
            c.label = "PERSON"
        elif c.end + 2 < len(doc) and doc[c.end].is_title and doc[c.end + 1].text == "-" and doc[c.end + 2].is_lower \
                and not doc[c.end].whitespace_ and not doc[c.end + 1].whitespace_ and not {c.end, c.end + 2} & taken:
            c.end, c.label = c.end + 3, "PERSON"  # "Han Duck-soo"


def last_name_after(doc: Doc, cands: list[Candidate], is_title_word: Callable[[Token], bool]) -> None:
    """ "President Yoon Suk Yeol over ...", "Deputy Speaker Sylvia Heal agreed": the model stops a person's name one
    word short; a capitalised proper noun right after it, in no entity, no title or honorific, and not in a
    headline (where every word is capitalised), is the rest of the name."""
    body = doc.text.find("\n")
    taken = {i for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "PERSON" or c.end >= len(doc) or c.end in taken:
            continue
        tok = doc[c.end]
        if (body < 0 or tok.idx > body) and tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not tok.ent_type_ \
                and not is_title_word(tok):
            c.end += 1
            taken.add(tok.i)
