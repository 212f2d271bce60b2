"""Role references (`reader.nlp.role_references`): a title after "the" is the one person given that role."""

from __future__ import annotations

import spacy

from reader.documents import document_from_text
from reader.nlp.role_references import _seat_before


def test_a_place_name_between_the_and_a_title_is_the_seat():
    doc = spacy.blank("en")("But the Hartwell Vale MP denied it")
    assert _seat_before(doc, 4) == 2
    assert _seat_before(spacy.blank("en")("But the MP denied it"), 2) is None  # nothing between
    assert _seat_before(spacy.blank("en")("Then Hartwell Vale MP Tom Lane denied it"), 3) is None  # no "the"


def test_the_seat_and_title_of_a_named_mp_is_that_mp(engine):
    """ "The Hartwell Vale MP" after "the MP Tom Lane" is Mr Lane: the seat is part of the reference, not a
    place, and "He denied" after it is his."""
    text = ("Lane expelled\n\nLabour has expelled the MP Tom Lane after a panel found him guilty of misconduct.\n\n"
            "The Hartwell Vale MP was accused of urging voters to back other candidates. He denied the charges.")
    analysis = engine.analyze(document_from_text(text))
    lane = next(a for a in analysis.actors if a.name == "Tom Lane")
    assert any(m.text == "Hartwell Vale MP" for m in lane.mentions)
    assert "Hartwell Vale" not in {a.name for a in analysis.actors}
    denied = next(e for e in analysis.events if e.trigger.startswith("denied"))
    assert [analysis.actor(i).name for i in denied.agents] == ["Tom Lane"]


def test_a_seat_before_a_title_no_named_person_holds_is_no_reference(engine):
    text = ("Lane expelled\n\nLabour has expelled the party treasurer Tom Lane.\n\n"
            "The Hartwell Vale MP said the decision was unfair.")
    analysis = engine.analyze(document_from_text(text))
    lane = next(a for a in analysis.actors if a.name == "Tom Lane")
    assert not any("MP" in m.text for m in lane.mentions)


def test_an_office_taken_gives_the_role_and_the_new_holder_is_referred_back_to(engine):
    """ "sworn in as Norland's president" gives the role; "The new president" is then that person, though
    other presidents are named later in the text, and "He" after it too."""
    text = ("Lane sworn in\n\nTom Lane was sworn in as Norland's president on 20 October. Jane Ward became finance "
            "minister.\n\nThe new president has promised free meals for schoolchildren. He has also pledged to lift "
            "growth to 8%.\n\nMr Lane met Vestian President Ivo Berg in Vik on 9 November.")
    analysis = engine.analyze(document_from_text(text))
    promised = next(e for e in analysis.events if e.trigger.startswith("promised"))
    pledged = next(e for e in analysis.events if e.trigger.startswith("pledged"))
    assert [analysis.actor(i).name for i in promised.agents] == ["Tom Lane"]
    assert [analysis.actor(i).name for i in pledged.agents] == ["Tom Lane"]
    ward = next(a for a in analysis.actors if a.name == "Jane Ward")
    assert not any("president" in m.text for m in ward.mentions)



def test_a_role_named_in_apposition_is_that_person_not_an_earlier_holder(engine):
    """ "Their leader, Andreas Babler, called the result a bitter day": after "its leader Herbert Kickl", the
    apposition says who this leader is."""
    text = ("Austria's Freedom Party won the election, but its leader Herbert Kickl is unlikely to become chancellor. "
            "The Social Democrats came third. Their leader, Andreas Babler, called the result \"a bitter day\".")
    analysis = engine.analyze(document_from_text(text))
    (called,) = [e for e in analysis.events if e.trigger == "called"]
    assert {analysis.actor(a).name for a in called.agents} == {"Andreas Babler"}
