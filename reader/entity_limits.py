"""No actor out of a run of characters that is not words: a name is made of words of sane length.

A 200 KB line without spaces (base64, a minified script pasted by mistake) was tagged as one
50,000-character ORG, and `briefing list` printed it. An entity is dropped when it is longer
than `MAX_ENTITY_CHARS`, or when any whitespace-delimited run of characters it touches is
longer than `MAX_WORD_CHARS` (the longest place names in use are under 60 letters). This runs
on the parsed Doc before actors are built, so events never name a dropped entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from reader.nlp.doc_text import text_of

MAX_ENTITY_CHARS = 120
MAX_WORD_CHARS = 60
_WORD = re.compile(r"\S+")


def plausible_entity(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is short enough and made only of words of sane length."""
    if end - start > MAX_ENTITY_CHARS:
        return False
    lo, hi = max(0, start - MAX_WORD_CHARS - 1), min(len(text), end + MAX_WORD_CHARS + 1)
    for word in _WORD.finditer(text, lo, hi):
        if word.end() > start and word.start() < end and len(word.group()) > MAX_WORD_CHARS:
            return False
    return True


def drop_runaway_entities(doc: Doc) -> Doc:
    """Remove implausible entities from `doc.ents` (in place); returns the doc."""
    ents = doc.ents  # built from the tokens on each access: read once
    text = text_of(doc)
    kept = [e for e in ents if plausible_entity(text, e.start_char, e.end_char)]
    if len(kept) != len(ents):
        doc.ents = kept
    return doc
