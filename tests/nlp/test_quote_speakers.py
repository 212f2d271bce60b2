"""A speaker named after the quotation with a participle straight after the name."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from reader.documents import document_from_text
from reader.nlp.pipeline import load_pipeline
from reader.nlp.quote_speakers import (
    QuoteSpeakers,
    said_before_speaker,
    speaker_after_what_is_said,
    speaker_held_by_participle,
    speaker_read_as_object,
)

INVERTED = '"We waited too long," said bank analyst Paul Berg commenting on the decision.'


def misparsed() -> Doc:
    """The small model's reading of INVERTED: "Paul Berg commenting" a clause that "said" reports."""
    words = ['"', "We", "waited", "too", "long", ",", '"', "said", "bank", "analyst", "Paul", "Berg",
             "commenting", "on", "the", "decision", "."]
    heads = [2, 2, 7, 4, 2, 7, 7, 7, 11, 11, 11, 12, 7, 12, 15, 13, 7]
    deps = ["punct", "nsubj", "ccomp", "advmod", "advmod", "punct", "punct", "ROOT", "compound", "compound",
            "compound", "nsubj", "ccomp", "prep", "det", "pobj", "punct"]
    tags = ["``", "PRP", "VBD", "RB", "RB", ",", "''", "VBD", "NN", "NN", "NNP", "NNP", "VBG", "IN", "DT", "NN", "."]
    lemmas = ['"', "we", "wait", "too", "long", ",", '"', "say", "bank", "analyst", "Paul", "Berg", "comment",
              "on", "the", "decision", "."]
    spaces = [False, True, True, True, False, False, True, True, True, True, True, True, True, True, True, False, False]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def test_the_name_is_given_back_to_the_verb_of_saying():
    doc = misparsed()
    assert speaker_held_by_participle(doc[7]) == (doc[11], doc[12])
    QuoteSpeakers(lambda lemma: lemma == "say")(doc)
    assert (doc[11].dep_, doc[11].head.i) == ("nsubj", 7)
    assert (doc[12].dep_, doc[12].head.i) == ("advcl", 7)
    assert [t.text for t in doc] == [t.text for t in misparsed()]  # the words never change


def test_a_verb_that_is_no_saying_is_left_alone():
    doc = misparsed()
    QuoteSpeakers(lambda lemma: False)(doc)
    assert (doc[11].dep_, doc[11].head.i) == ("nsubj", 12)


def test_a_speaker_set_off_by_a_comma_is_already_read_right():
    doc = load_pipeline()('"We will not give up," said Anna Lind, adding that talks would resume.')
    said = next(t for t in doc if t.text == "said")
    assert speaker_held_by_participle(said) is None
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["Lind"]


def test_the_row_is_the_speakers_saying(engine):
    analysis = engine.analyze(document_from_text(INVERTED, published=dt.date(2024, 3, 20)))
    (event,) = analysis.events
    assert event.trigger == "said" and event.modality == "asserted"
    assert event.summary.startswith("Berg: said “We waited too long”")


@pytest.mark.parametrize(
    ("headline", "summary"),
    [("Economy heading wrong way, says Dahl", "Dahl: says economy heading wrong way"),
     ("No election TV debate, says Dahl", "Dahl: says no election TV debate")],
)
def test_a_headline_speaker_after_the_comma_is_the_speaker(engine, headline, summary):
    """ "UK heading wrong way, says Howard": the name ending the line says it; what it says is not denied."""
    text = headline + "\n\nErik Dahl spoke in Oslo on Monday."
    (event,) = [e for e in engine.analyze(document_from_text(text, published=dt.date(2024, 3, 20))).events
                if e.trigger == "says"]
    assert event.summary == summary and event.modality == "asserted"


def test_a_name_that_is_no_speakers_object_is_left_alone():
    doc = load_pipeline()("Norland, says its foreign minister, will not sign the treaty.")
    says = next(t for t in doc if t.text == "says")
    assert speaker_read_as_object(says) is None


@pytest.mark.parametrize(
    ("text", "summary"),
    [("The tone of the campaign, said Mr Dahl, would be more conversational than rhetorical.",
      "Dahl: said the tone of the campaign would be more conversational than rhetorical"),
     ("The tone of the campaign, said Mr Dahl, will change.", "Dahl: said the tone of the campaign will change"),
     ('But the department responsible for the change suffered from an "unusually high turnover" of staff, which had'
      ' "seriously interfered" with its work, said the Home Affairs Select Committee.',
      "Home Affairs Select Committee: said the department responsible for the change suffered from an unusually high"
      " turnover of staff…")],
)
def test_a_speaker_after_the_comma_in_a_body_sentence_is_the_speaker(engine, text, summary):
    """ "The tone, said Mr Dahl, will change": what is said before the comma is no speaker of its own."""
    analysis = engine.analyze(document_from_text("Cabinet row\n\n" + text, published=dt.date(2024, 3, 20)))
    (event,) = [e for e in analysis.events if e.trigger == "said"]
    assert event.summary == summary


def test_what_is_said_becomes_the_subject_of_the_reported_clause():
    doc = load_pipeline()("The tone of the campaign, said Mr Dahl, will change.")
    said = next(t for t in doc if t.text == "said")
    tone, change = next(t for t in doc if t.text == "tone"), next(t for t in doc if t.text == "change")
    assert (tone.dep_, tone.head.i) == ("nsubj", change.i)
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["Dahl"]
    assert said_before_speaker(said) is None  # repaired once: one subject left


def test_a_speaker_after_a_comma_with_one_subject_is_left_alone():
    doc = load_pipeline()("Prices rose, said Mr Dahl.")
    said = next(t for t in doc if t.text == "said")
    assert said_before_speaker(said) is None


@pytest.mark.parametrize(("text", "doer", "speaker"), [
    ("Fordham Motors agreed on Sunday to pay a fine over two fatal crashes of its jets, the Norland Justice Ministry "
     "said in a court filing.", "Fordham Motors", "Norland Justice Ministry"),
    ("Boeing agreed on Sunday to plead guilty to a criminal fraud charge over two fatal crashes of its 737 Max jets, "
     "the US Justice Department said in a court filing.", "Boeing", "US Justice Department"),
])
def test_a_speaker_between_a_comma_and_a_final_saying_is_the_speaker(engine, text, doer, speaker):
    """The model reads "the Norland Justice Ministry" as an apposition to "jets" and "said" as a second verb
    joined to "agreed": the ministry says what Fordham agreed."""
    analysis = engine.analyze(document_from_text("Fine row\n\n" + text, published=dt.date(2024, 3, 20)))
    said = next(e for e in analysis.events if e.trigger == "said")
    agreed = next(e for e in analysis.events if e.trigger == "agreed")
    assert [analysis.actor(a).name for a in said.agents] == [speaker]
    assert agreed.modality == "reported" and [analysis.actor(a).name for a in agreed.agents] == [doer]


def test_a_second_saying_after_and_keeps_its_own_subject():
    doc = load_pipeline()("Fordham agreed to pay a fine, and the families said they were angry.")
    said = next(t for t in doc if t.text == "said")
    assert [t.text for t in said.children if t.dep_ == "nsubj"] == ["families"]
    assert speaker_after_what_is_said(said) is None
