"""The body an office after "of the" belongs to, and whether a person's title names it."""

from __future__ import annotations

import spacy

from reader.model import Mention
from reader.nlp.role_bodies import body_after_of, body_before, titled_by


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


def test_a_party_between_the_and_a_title_starts_at_the_party():
    doc = doc_of("But the Lib Dem spokesman questioned it")
    assert body_before(doc, 4) == 2  # "Lib Dem spokesman"
    assert body_before(doc_of("But the spokesman questioned it"), 2) == 2
    assert body_before(doc_of("Then Lib Dem spokesman Vince Cable said"), 3) == 3  # no "the": a title before a name


def test_a_party_role_reference_is_the_person_titled_with_that_party(engine):
    from reader.documents import document_from_text

    text = ("Budget row\n\nLib Dem spokesman Vince Cable said the public did not know who to believe. Mr Brown "
            "earmarked £1bn for councils. But the Lib Dem spokesman questioned it. He urged the government to act.")
    analysis = engine.analyze(document_from_text(text))
    (urged,) = [e for e in analysis.events if e.trigger == "urged"]
    assert [analysis.actor(a).name for a in urged.agents] == ["Vince Cable"]
    text = text.replace("But the Lib Dem spokesman", "But the Tory spokesman")
    analysis = engine.analyze(document_from_text(text))
    cable = next(a for a in analysis.actors if a.name == "Vince Cable")
    assert [text[m.start:m.end] for m in cable.mentions] == ["Vince Cable"]  # the Tory spokesman is someone else
