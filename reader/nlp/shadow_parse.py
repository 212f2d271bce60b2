"""Parse a sentence again with one word put before its verb, and keep the new parse.

The small model reads a verb it is unsure of as a noun when the words around it are those of a noun
phrase: a headline's "Chrysler *files* for bankruptcy", a report's "the central bank *cut* rates".
With an auxiliary before it ("will file", "did cut") the same words parse as a sentence. The line is
parsed again that way, off the document, and the new heads, dependencies and tags are copied back;
the document's words and offsets never change (the auxiliary's own dependents become the verb's).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

#: The pipes that make a parse, run in this order on the rewritten line.
PARSE_PIPES = ("tok2vec", "tagger", "parser")


def reparse_with_auxiliary(nlp: Language, sent: Span, k: int, auxiliary: str, verb: str, tag: str,
                           words: list[str] | None = None) -> bool:
    """Parse `sent` again with `auxiliary` before its `k`-th word, read as `verb` (`words`, when given,
    are the sentence's words to parse instead of its own); when that makes the word a verb with a
    subject before it, copy the parse back with the word tagged `tag`. Whether it was copied."""
    doc = sent.doc
    words = list(words) if words is not None else [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    spaces[-1] = False
    shadow = Doc(doc.vocab, words=[*words[:k], auxiliary, verb, *words[k + 1 :]],
                 spaces=[*spaces[:k], True, spaces[k], *spaces[k + 1 :]])
    for name in PARSE_PIPES:
        shadow = nlp.get_pipe(name)(shadow)
    new_verb = shadow[k + 1]
    if not new_verb.tag_.startswith("VB"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < new_verb.i for c in new_verb.children):
        return False  # the rewritten line is still not a sentence with this subject: leave it

    def back(j: int) -> int:
        return j if j < k else (k if j == k else j - 1)

    arr: Any = doc.to_array([HEAD, DEP, TAG])
    for i in range(len(sent)):
        s = i if i < k else i + 1
        head = back(shadow[s].head.i)
        row = sent.start + i
        arr[row, 0] = ((sent.start + head) - row) % 2**64  # a relative head, signed, stored unsigned
        arr[row, 1] = shadow[s].dep
        arr[row, 2] = doc.vocab.strings.add(tag) if i == k else shadow[s].tag
    doc.from_array([HEAD, DEP, TAG], arr)
    return True
