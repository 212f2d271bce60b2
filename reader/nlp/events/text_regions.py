"""Regions of a text that are not its own telling: a news dateline, and the words between quotation marks."""

from __future__ import annotations

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc

from reader.nlp.doc_text import indices_flagged, indices_where, text_of

#: Marks that open or close a quotation, as tokens ("``...''" as some sources type it: "`" twice, then "''").
OPENING_MARKS = ('"', "“", "`")
CLOSING_MARKS = ('"', "”", "''")


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of a news dateline ("NAIROBI, Kenya (AP) _"): where it was filed, not who acted."""
    out: set[int] = set()
    full = text_of(doc)
    for sent in doc.sents:
        opening = sent[:16]
        text = full[opening.start_char : opening.end_char]  # as opening.text, without the walk
        if not any(sep in text for sep in ("—", "–", "_", "--", "―", " - ")):
            continue
        for tok in opening:
            if tok.text in ("—", "–", "_", "--", "―", "-") and tok.i > sent.start:
                before = doc[sent.start : tok.i]
                # a plain hyphen only after a place in capitals ("BERLIN, Nov 7 -"), not "Mr Lane - the ..."
                capitals = tok.text != "-" or any(t.is_upper and t.is_alpha and len(t) > 2 for t in before)
                if capitals and all(t.is_punct or t.is_space or t.pos_ in ("PROPN", "NUM") or t.is_upper for t in before):
                    out.update(range(sent.start, tok.i))
                break
    return out


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens between quotation marks, a paragraph at most ("..." and “...”; not ' ', which
    is also an apostrophe)."""
    out: set[int] = set()
    # only the marks and line breaks change the state: read them from the Doc's arrays, not each word's Token
    marks = indices_where(doc, ORTH, OPENING_MARKS + CLOSING_MARKS)
    breaks = [i for i in indices_flagged(doc, IS_SPACE) if "\n" in doc[i].text]
    inside, previous = False, -1
    for i in sorted({*marks, *breaks}):
        text = doc[i].text
        if inside:
            out.update(range(previous + 1, i))
        if "\n" in text and doc[i].is_space:
            inside = False
        elif text == '"':
            opens = _opens(doc, i)
            inside = opens if opens is not None else not inside
        elif text != "`" or "`" in (doc[i - 1].text, doc[min(i + 1, len(doc) - 1)].text):
            inside = text in ("“", "`")
        previous = i
    if inside:
        out.update(range(previous + 1, len(doc)))
    return out


def _opens(doc: Doc, i: int) -> bool | None:
    """Whether a straight quotation mark opens (set after a space, glued to the next word) or closes
    (glued to the word before, a space after) a quotation; None when its place does not say. A writer
    who opens a new quotation without closing the one before ('"We don't hear it. "You don't...')
    would otherwise turn every later quotation inside out."""
    tok = doc[i]
    before = i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space
    after = bool(tok.whitespace_) or i + 1 == len(doc) or doc[i + 1].is_space
    if before and not after:
        return True
    if after and not before:
        return False
    return None
