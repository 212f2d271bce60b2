"""The body an office after "of the" belongs to, and whether a person's title names it."""

from __future__ import annotations

import spacy

from reader.model import Mention
from reader.nlp.role_bodies import body_after_of, titled_by


def doc_of(text: str):
    return spacy.blank("en")(text)


def test_the_capitalised_words_after_of_the_name_the_body():
    doc = doc_of("the chairman of the Commission for Racial Equality said")
    assert [t.text for t in body_after_of(doc, 3)] == ["Commission", "Racial", "Equality"]
    assert body_after_of(doc_of("the chairman of the party said"), 3) is None
    assert body_after_of(doc_of("the chairman of Acme said"), 3) is None  # no "the": another rule's


def test_a_title_names_the_body_by_a_word_or_its_initials():
    body = list(doc_of("British National Party"))
    for title, ties in (("BNP leader Nick Griffin", True), ("National Party leader Nick Griffin", True),
                        ("Labour party leader Nick Griffin", False)):
        doc = doc_of(f"{title} spoke.")
        start = title.index("Nick")
        assert titled_by(doc, [Mention(start, start + len("Nick Griffin"), "Nick Griffin")], body) is ties, title
    assert titled_by(doc_of("He spoke."), [], None)  # no body named: any holder may be meant
