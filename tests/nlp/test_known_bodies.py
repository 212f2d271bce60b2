import spacy

from reader.nlp.entity_candidate import Candidate
from reader.nlp.known_bodies import join_split_bodies


def cands(doc, spans):
    return [Candidate(s, e, label) for s, e, label in spans]


def test_an_organisation_the_model_split_into_a_body_and_a_person_is_one_body():
    doc = spacy.blank("en").make_doc("Lockheed Martin won the contract .")
    out = join_split_bodies(doc, cands(doc, [(0, 1, "ORG"), (1, 2, "PERSON")]))
    assert [(c.start, c.end, c.label) for c in out] == [(0, 2, "ORG")]


def test_the_untagged_rest_of_a_known_name_joins_it():
    doc = spacy.blank("en").make_doc("Lockheed Martin won the contract .")
    out = join_split_bodies(doc, cands(doc, [(0, 1, "ORG")]))
    assert [(c.start, c.end, c.label) for c in out] == [(0, 2, "ORG")]


def test_names_the_dictionary_does_not_know_whole_stay_apart():
    doc = spacy.blank("en").make_doc("Boeing Smith said so .")
    out = join_split_bodies(doc, cands(doc, [(0, 1, "ORG"), (1, 2, "PERSON")]))
    assert [(c.start, c.end, c.label) for c in out] == [(0, 1, "ORG"), (1, 2, "PERSON")]
