"""Dates that label a thing rather than tell when an act was done.

"Scholz dismissed Lindner after disputes over how to fill a hole in the 2025 budget": 2025 names the
budget, told below another noun ("disputes") through a preposition of what it is about; the dismissal
is not dated by it. "Won the 2024 election" is: the election is the act's own occasion; so is "the 1981
Brixton riots" for the riots, and "unveiled the slogan at the spring conference", where the parser hung
a place or time on the object noun.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

#: Prepositions whose object is what a noun is about or made of ("a row over", "details of"), not where or when.
_THING_PREPS = frozenset({"of", "over", "about", "for", "concerning", "regarding", "on"})
_MODIFIER_DEPS = ("compound", "nmod", "amod", "nummod")


def names_a_thing(root: Token, anchor: Token, is_date: Callable[[int], bool]) -> bool:
    """Whether the date whose head word is `root` labels a thing below another noun, not the act at `anchor`."""
    noun = root.head
    while is_date(noun.i) and noun.dep_ in _MODIFIER_DEPS:
        noun = noun.head  # ("its 2006 autumn conference": the date's own words, then the thing)
    if root.dep_ not in _MODIFIER_DEPS or noun.pos_ != "NOUN" or noun.i == anchor.i:
        return False
    current, about = noun.head, False
    for _ in range(8):
        if current.i == anchor.i or current.head.i == current.i:
            return False
        if current.pos_ in ("NOUN", "PROPN"):
            return about
        about = about or current.lower_ in _THING_PREPS
        current = current.head
    return False
