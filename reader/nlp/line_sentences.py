"""Sentence starts set before the parser: a line of its own is a sentence of its own."""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from reader.nlp.gazetteer import gazetteer


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: a headline or dateline is never parsed into the first sentence.

    Runs before the parser, which keeps boundaries set in advance. The loaders join hard-wrapped
    lines, so a newline left in the text is a real break (paragraph, heading, list item). A line's
    first or last word alone is no sentence: the parser would cut "Israel" off the lead "Israel and
    Hamas agreed ..." after some headlines, and "Tories" off the headline "Tax to rise, say Tories",
    losing a doer; so the word after the first, and the last after any but an end mark, start none.
    """
    if len(doc) < 2:
        return doc
    spaces = doc.to_array([IS_SPACE]).tolist()
    for i, space in enumerate(spaces):
        if not space or "\n" not in doc[i].text:
            continue
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
            if i + 2 < len(doc) and not spaces[i + 1] and not spaces[i + 2]:
                doc[i + 2].is_sent_start = False
        if i >= 2 and not spaces[i - 1] and not spaces[i - 2] and doc[i - 2].text not in _END_MARKS:
            doc[i - 1].is_sent_start = False
    label = country_label(doc)
    first_line = next((k for k in range(len(doc)) if spaces[k] and "\n" in doc[k].text), len(doc))
    if label is None and first_line <= _HEADLINE_WORDS:
        # "Campbell: E-mail row 'silly fuss'": a speaker's label is part of its headline's one sentence
        for k in range(1, first_line - 1):
            if doc[k].text == ":" and not spaces[k + 1]:
                doc[k + 1].is_sent_start = False
    if label is not None and label + 2 < len(doc) and not spaces[label + 1]:
        # "Argentina: Milei's reforms clear the Senate": the country labels the headline, which is one sentence
        doc[label + 1].is_sent_start = True
        end = next((k for k in range(label + 2, len(doc)) if spaces[k]), len(doc))
        for k in range(label + 2, end):
            doc[k].is_sent_start = False
    return doc


def country_label(doc: Doc) -> int | None:
    """The colon after a country's name that labels the first line ("Argentina: reforms clear the
    Senate", the analysts' house style), if the text starts so."""
    label = next((t.i for t in doc[:5] if t.text == ":"), None)
    if label and not any(t.is_space for t in doc[:label]) and _is_country(doc[:label].text):
        return label
    return None


def _is_country(words: str) -> bool:
    form = gazetteer().lookup(words)
    return form is not None and form.place.key.startswith("country:")


#: the most words a first line may have to be read as a headline
_HEADLINE_WORDS = 20
#: what may end a sentence before a line's last word ("... he said. Yes")
_END_MARKS = frozenset({".", "!", "?", ":", ";", '"', "”", "'", "’", ")"})
