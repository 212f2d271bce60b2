"""The text of a Doc, joined once per document.

``Doc.text`` joins every token's text on each access (about 1 ms per 1,000 tokens); three of
our pipeline components, actors, dates and events each need it, so it is kept in
``Doc.user_data`` the first time it is asked for (no component changes the text: merging or
splitting tokens keeps it). ``Doc.from_docs`` warns about user-data keys it cannot merge, so the
chunks of a long text are told to `forget_text` before they are joined.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc

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


def indices_where(doc: Doc, attr: int, words: Iterable[str]) -> list[int]:
    """Indices of the tokens whose `attr` (ORTH, LOWER...) is one of `words`, read from the Doc's
    array: iterating a Doc makes a Token object per word, which dominates a scan of a long text."""
    if not len(doc):
        return []
    wanted = {hash_string(w) for w in words}
    if not wanted:
        return []
    column = doc.to_array([attr]).tolist()
    return [i for i, h in enumerate(column) if h in wanted]


def indices_flagged(doc: Doc, flag: int) -> list[int]:
    """Indices of the tokens with a boolean attribute set (IS_SPACE, IS_PUNCT...), read from the array."""
    if not len(doc):
        return []
    return [i for i, on in enumerate(doc.to_array([flag]).tolist()) if on]
