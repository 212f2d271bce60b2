"""Brackets glued to a word: "the British National Party(BNP)" is a name and an acronym.

Scraped and pasted text often loses the space before an opening bracket. spaCy's English
tokenizer then keeps "Party(BNP" as one token, so the name runs into its acronym and a bracket
ends up inside an actor's span. An infix rule splits an opening bracket between a letter and a
word character; the text and its offsets are unchanged.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.util import compile_infix_regex

#: "(" after a letter and before a word character: "Party(BNP)", "Sales(in 2024)".
GLUED_OPEN_BRACKET = r"(?<=[^\W\d_])\((?=\w)"


def split_glued_brackets(nlp: Language) -> None:
    """Add the infix rule to the tokenizer (once)."""
    tokenizer: Any = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or ())
    if GLUED_OPEN_BRACKET in infixes:
        return
    tokenizer.infix_finditer = compile_infix_regex([*infixes, GLUED_OPEN_BRACKET]).finditer
