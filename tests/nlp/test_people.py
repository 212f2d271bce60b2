"""The field's dictionary of political figures: descriptions, countries and evidence of type."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Span

from reader.documents import document_from_text
from reader.nlp.pipeline import add_briefing_components


def test_a_known_figure_is_described_as_of_the_publication_date(engine):
    text = "Recep Tayyip Erdogan met Tony Blair in Ankara. Erdogan said Turkey was ready."
    analysis = engine.analyze(document_from_text(text, published=dt.date(2004, 6, 1)))
    erdogan = next(a for a in analysis.actors if a.name.startswith("Recep"))
    assert erdogan.description == "Turkish government figure (2004)"
    turkey = next(a for a in analysis.actors if a.name == "Turkey")
    assert erdogan.country == turkey.id  # the dictionary gives the country the text named


def test_a_surname_alone_or_an_unknown_name_is_not_described(engine):
    analysis = engine.analyze(document_from_text("Mr Blair spoke. Jane Qwertyuiop replied.", published=dt.date(2004, 6, 1)))
    assert all(a.description is None for a in analysis.actors)


def test_the_dictionary_types_a_group_the_model_took_for_a_person():
    nlp = add_briefing_components(spacy.blank("en"))
    doc = nlp.make_doc("Hezbollah fighters attacked the border post.")
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    doc = nlp.get_pipe("briefing_entities")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Hezbollah", "ORG")]
