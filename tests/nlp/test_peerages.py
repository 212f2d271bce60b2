"""A peer's full title is one person's name: "Lord Phillips of Sudbury"."""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from reader.documents import document_from_text
from reader.nlp.entity_candidate import Candidate
from reader.nlp.peerages import join_peerage_titles


def words(text: str) -> Doc:
    return Doc(spacy.blank("en").vocab, words=text.split())


def test_the_place_of_a_peers_title_joins_the_name_and_is_no_place():
    doc = words("an amendment tabled by Lord Phillips of Sudbury on Monday")
    person, place = Candidate(4, 6, "PERSON"), Candidate(7, 8, "GPE")
    assert join_peerage_titles(doc, [person, place]) == [Candidate(4, 8, "PERSON")]


def test_a_name_without_a_rank_or_a_lower_case_word_after_of_is_left_alone():
    doc = words("a speech by Tom Phillips of Sudbury on Monday")
    cands = [Candidate(3, 5, "PERSON"), Candidate(6, 7, "GPE")]
    assert join_peerage_titles(doc, list(cands)) == cands
    doc = words("the view of Lord Phillips of the committee")
    assert join_peerage_titles(doc, [Candidate(4, 5, "PERSON")]) == [Candidate(4, 5, "PERSON")]


def test_the_peer_acts_and_the_town_does_not(engine):
    text = "Lords vote\n\nPeers backed an amendment tabled by Lord Phillips of Sudbury on Monday."
    analysis = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1)))
    assert [a.name for a in analysis.actors if a.type == "PERSON"] in (["Lord Phillips of Sudbury"], ["Phillips of Sudbury"])
    assert not [a for a in analysis.actors if a.name == "Sudbury"]
