"""The text of a Doc, joined once per document.

``Doc.text`` joins every token's text on each access (about 1 ms per 1,000 tokens); three of
our pipeline components, actors, dates and events each need it, so it is kept in
``Doc.user_data`` the first time it is asked for (no component changes the text: merging or
splitting tokens keeps it). ``Doc.from_docs`` warns about user-data keys it cannot merge, so the
chunks of a long text are told to `forget_text` before they are joined.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import IDX
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc, Token

_KEY = "briefing:text"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell `text_of` the text a Doc was made from (spaCy keeps it exactly), so that a book-length
    document is not joined again from its tokens."""
    doc.user_data[_KEY] = text


def forget_text(doc: Doc) -> None:
    """Drop the kept text (a chunk about to be joined into a longer Doc)."""
    doc.user_data.pop(_KEY, None)


#: word sets -> their sorted hashes: the cue lists are asked for again on every document
_SORTED: dict[frozenset[str], np.ndarray] = {}


def sorted_hashes(words: Iterable[str]) -> np.ndarray:
    """The words' hashes as a sorted array, to test a whole column of the Doc at once (`hashed_in`)."""
    key = words if isinstance(words, frozenset) else frozenset(words)
    found = _SORTED.get(key)
    if found is None:
        found = np.unique(np.fromiter((hash_string(w) for w in key), dtype=np.uint64))
        if len(_SORTED) < 512:  # a bound, should a caller pass a new set each time
            _SORTED[key] = found
    return found


def hashed_in(column: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """A mask of the column's entries (LOWER, LEMMA... hashes) that are among `wanted` (sorted):
    a binary search in numpy, where turning the column into Python ints cost more than the test."""
    if not len(wanted) or not len(column):
        return np.zeros(len(column), dtype=bool)
    at = np.minimum(np.searchsorted(wanted, column), len(wanted) - 1)
    return np.asarray(wanted[at] == column)


def indices_where(doc: Doc, attr: int, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose `attr` (ORTH, LOWER...) is one of `words`, read from the Doc's
    array: iterating a Doc makes a Token object per word, which dominates a scan of a long text."""
    if not len(doc):
        return []
    wanted = sorted_hashes(words)
    if not len(wanted):
        return []
    found: list[int] = np.flatnonzero(hashed_in(doc.to_array(attr), wanted)).tolist()
    return found


def indices_flagged(doc: Doc, flag: int) -> list[int]:
    """Indices of the tokens with a boolean attribute set (IS_SPACE, IS_PUNCT...), read from the array."""
    if not len(doc):
        return []
    found: list[int] = np.flatnonzero(doc.to_array(flag)).tolist()
    return found


def token_starts(doc: Doc) -> dict[int, int]:
    """Character offset -> token index, read from the Doc's array (iterating Tokens is slow)."""
    return dict(zip(doc.to_array(IDX).tolist(), range(len(doc)), strict=True)) if len(doc) else {}


def token_range(doc: Doc, starts: dict[int, int], start: int, end: int) -> range | None:
    """The tokens a character range [start, end) covers (expanded to whole tokens), or None."""
    i = starts.get(start)
    if i is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        i = span.start
    j = i
    while j < len(doc) and doc[j].idx < end:
        j += 1
    return range(i, j)


def sentences_back(tok: Token, count: int) -> int:
    """The first token of the sentence `count` sentences before `tok`'s (its own with 0, the first one at most):
    the window "this sentence or the one before" that references look back over."""
    start = tok.sent.start
    for _ in range(count):
        if not start:
            break
        start = tok.doc[start - 1].sent.start
    return start
