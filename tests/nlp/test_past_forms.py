"""Past forms spelt like their base ("cut", "quit") that the small model reads as nouns."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.nlp.pipeline import load_pipeline

PUBLISHED = dt.date(2024, 3, 20)


def parse(text: str, repair: bool = True):
    nlp = load_pipeline()
    if repair:
        return nlp(text)
    with nlp.select_pipes(disable=["past_forms"]):
        return nlp(text)


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The central bank cut rates on Thursday.", "cut"),  # a noun with a subject and an object
        ("Vestland's central bank cut rates by 250 basis points on Thursday.", "cut"),  # one long noun phrase
    ],
)
def test_a_past_form_read_as_a_noun_becomes_the_verb(sentence, verb):
    assert not word(parse(sentence, repair=False), verb).tag_.startswith("VB")  # the model's own reading
    doc = parse(sentence)
    tok = word(doc, verb)
    assert (tok.tag_, tok.pos_, tok.lemma_) == ("VBD", "VERB", verb)
    assert any(c.dep_ == "nsubj" for c in tok.children)
    assert doc.text == sentence  # the words and offsets never change


def test_a_bare_participle_with_a_subject_is_a_past_tense():
    sentence = "The central bank cut interest rates on Thursday."
    assert word(parse(sentence, repair=False), "cut").tag_ == "VBN"  # the model's own reading
    assert word(parse(sentence), "cut").tag_ == "VBD"
    assert word(parse("Rates were cut on Thursday."), "cut").tag_ == "VBN"


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [("A tax cut for the rich.", "cut"), ("The budget cut was approved on Monday.", "cut"),
     ("The hit on the economy was severe.", "hit")],
)
def test_a_past_form_that_is_a_noun_stays_a_noun(sentence, noun):
    assert not word(parse(sentence), noun).tag_.startswith("VB")


def test_the_act_of_a_misread_past_form_is_a_row(engine):
    text = "Rates news\n\nVestland's central bank cut rates by 250 basis points on Thursday."
    analysis = engine.analyze(document_from_text(text, published=PUBLISHED))
    (event,) = [e for e in analysis.events if e.trigger == "cut"]
    assert event.category == "ECON" and event.date == "2024-03-14"


@pytest.mark.parametrize("text", [
    "Syria news\n\nFrance said it would judge the group by its actions. Norway, which backs some of the rebel factions, "
    "called for an orderly transition.",
    "Trevor Lane, chairman of the Commission for Rural Equality, called on Mr Hale to denounce the suggestion.",
])
def test_a_past_tense_read_as_a_clause_of_the_name_before_it_is_the_main_verb(text):
    assert word(parse(text, repair=False), "called").dep_ == "acl"  # the model's own reading: one noun phrase
    called = word(parse(text), "called")
    assert called.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in called.children)


def test_a_participle_after_a_name_stays_a_clause_of_it():
    doc = parse("The documents leaked to the press on Monday showed the plan.")
    assert word(doc, "leaked").dep_ != "ROOT"


@pytest.mark.parametrize("repair", [True, False])
def test_a_past_tense_read_as_an_adjective_after_an_aside_is_the_main_verb(repair):
    """ "The president, Anna Berg, dissolved parliament": with no verb in the sentence, the model reads
    "dissolved" as an adjective of "parliament"; re-parsed, it is the sentence's verb."""
    doc = parse("The president, Frank-Walter Lund, dissolved parliament on December 27th.", repair)
    dissolved = word(doc, "dissolved")
    assert (dissolved.dep_ == "ROOT") is repair
