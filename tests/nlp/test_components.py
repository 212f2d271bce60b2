"""briefing_entities on spacy.blank("en"): the gazetteer and rules without any statistical model."""

import pytest
import spacy
from spacy.tokens import Span

from reader.nlp.pipeline import add_briefing_components


@pytest.fixture(scope="module")
def blank():
    return add_briefing_components(spacy.blank("en"))


def ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_gazetteer_adds_countries_capitals_and_demonyms(blank):
    doc = blank("Moscow insisted and the Turkish side refused; Ukraine agreed.")
    assert ("Moscow", "GPE", "country:RU") in ents(doc)
    assert ("Turkish", "NORP", "country:TR") in ents(doc)
    assert ("Ukraine", "GPE", "country:UA") in ents(doc)


def test_lowercase_words_are_not_places(blank):
    doc = blank("they told us that china plates broke")
    assert ents(doc) == []


def test_model_entities_are_corrected(blank):
    doc = blank.make_doc("a visit to Kyiv and the annexation of Crimea on his Truth Social site")
    doc.ents = [
        Span(doc, 3, 4, label="PERSON"),
        Span(doc, 8, 9, label="ORG"),
        Span(doc, 11, 13, label="GPE"),
    ]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ("Kyiv", "GPE", "country:UA") in ents(doc)
    assert ("Crimea", "GPE", "territory:crimea") in ents(doc)
    assert ("Truth Social", "ORG", "org:truth social") in ents(doc)


def test_named_agreements_are_law_not_places(blank):
    doc = blank.make_doc("brokering the Black Sea Grain Export Deal in July")
    doc.ents = [Span(doc, 1, 7, label="LOC")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Black Sea Grain Export Deal", "LAW", "")]


def test_one_reading_per_name_and_government_reference(blank):
    doc = blank.make_doc("Donald Trump spoke . Trump left . the Trump Administration agreed")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 4, 5, label="ORG"), Span(doc, 7, 10, label="ORG")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ("Trump", "PERSON", "") in ents(doc)
    assert ("Administration", "ORG", "govt:Trump") in ents(doc)
    assert not any(label == "ORG" and text == "Trump" for text, label, _ in ents(doc))


def test_title_words_before_a_name_are_not_an_organisation(blank):
    doc = blank.make_doc("US National Security Advisor Mike Waltz announced")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("US", "GPE", "country:US"), ("Mike Waltz", "PERSON", "")]


def test_the_body_before_its_chief_executive_is_an_organisation(blank):
    """ "Acme Motor Company CEO Jane Roe": the company she runs, not a portfolio of her title."""
    doc = blank.make_doc("Acme Motor Company CEO Jane Roe announced")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 6, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Acme Motor Company", "ORG", ""), ("Jane Roe", "PERSON", "")]


def test_a_country_before_a_body_the_gazetteer_knows_is_that_country_and_that_body(blank):
    """ "the US Federal Reserve": one actor with "the Fed", and the country beside it (not "London UKIP": a branch)."""
    doc = blank.make_doc("the US Federal Reserve raised rates")
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert [(text, label) for text, label, _ in ents(doc)] == [("US", "GPE"), ("Federal Reserve", "ORG")]


def test_a_known_company_read_as_a_persons_name_is_the_company(blank):
    doc = blank.make_doc("the Pentagon said Lockheed Martin would build it")
    doc.ents = [Span(doc, 3, 5, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ("Lockheed Martin", "ORG") in [(text, label) for text, label, _ in ents(doc)]


def test_possessives_and_honorifics_are_trimmed(blank):
    doc = blank.make_doc("Mr Blair ’s plan")
    doc.ents = [Span(doc, 0, 3, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Blair", "PERSON", "")]


@pytest.mark.parametrize(
    ("text", "start", "end", "name"),
    [("debated in the Norland Assembly on Monday .", 2, 7, "Norland Assembly"),
     ("the Vestia Council since March 2004 has", 0, 6, "Vestia Council"),
     ("the Committee on Foreign Relations met", 1, 5, "Committee on Foreign Relations")],
)
def test_a_date_the_model_ran_into_a_name_is_cut_off(blank, text, start, end, name):
    doc = blank.make_doc(text)
    doc.ents = [Span(doc, start, end, label="ORG")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert [e[0] for e in ents(doc)] == [name]


def test_place_chains_split_into_their_countries(blank):
    doc = blank.make_doc("the Russian - Ukrainian talks")
    doc.ents = [Span(doc, 1, 4, label="NORP")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert [e[2] for e in ents(doc)] == ["country:RU", "country:UA"]


def test_a_line_break_ends_a_sentence(blank):
    doc = blank("Summit ends with a pledge\n\nLeaders declared an end to violence.\nA list item follows")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["Summit", "Leaders", "A"]


def test_line_sentences_runs_before_the_parser(engine):
    names = engine.nlp.pipe_names
    assert names.index("line_sentences") < names.index("parser")
    doc = engine.nlp("Talks end with a pledge\n\nMahmoud Abbas and Ariel Sharon declared a truce.")
    assert [s.text.strip() for s in doc.sents] == ["Talks end with a pledge", "Mahmoud Abbas and Ariel Sharon declared a truce."]


@pytest.mark.parametrize("headline", ["Row deepens", "Ceasefire agreed", "Talks end with a pledge"])
def test_a_lines_first_word_is_never_a_sentence_of_its_own(engine, headline):
    """The parser would cut "Israel" off the lead after some headlines, losing a doer."""
    doc = engine.nlp(f"{headline}\n\nIsrael and Hamas agreed to a ceasefire. Egypt welcomed it.")
    assert [s.text.strip() for s in doc.sents] == [headline, "Israel and Hamas agreed to a ceasefire.", "Egypt welcomed it."]


def test_a_headlines_last_word_is_never_a_sentence_of_its_own(engine):
    doc = engine.nlp("Tax to rise, say Tories\n\nNational Insurance will rise, Michael Howard said.")
    assert [s.text.strip() for s in doc.sents] == ["Tax to rise, say Tories", "National Insurance will rise, Michael Howard said."]


@pytest.mark.parametrize(("headline", "sentences"), [
    ("Argentina: Milei's reforms clear the Senate", ["Argentina:", "Milei's reforms clear the Senate"]),
    ("South Korea: Yoon lifts martial law", ["South Korea:", "Yoon lifts martial law"]),
    ("Campbell: E-mail row 'silly fuss'", ["Campbell: E-mail row 'silly fuss'"]),  # a speaker's label is no country
])
def test_a_country_labelling_a_headline_is_a_sentence_of_its_own(engine, headline, sentences):
    doc = engine.nlp(f"{headline}\n\nThe vote was close.")
    assert [s.text.strip() for s in doc.sents] == [*sentences, "The vote was close."]


def test_today_states_own_their_names_and_capitals(blank):
    doc = blank("Belgrade denied it. Bosnia and Bosnian officials agreed.")
    assert [e[2] for e in ents(doc)] == ["country:RS", "country:BA", "country:BA"]


def test_a_name_before_a_landform_is_a_place(blank):
    doc = blank.make_doc("troops near the Drina river")
    doc.ents = [Span(doc, 3, 4, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Drina", "LOC", "")]


def test_a_name_never_ends_in_a_dash_whatever_step_lengthened_it(engine):
    doc = engine.nlp("He will line up alongside Jane Ridley - the woman appointed as the party's election chief.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Jane Ridley"]


def test_a_datelines_place_and_dash_are_no_part_of_the_name_after_them(engine):
    doc = engine.nlp("OSLO - Norway's opposition parties submitted a motion on Wednesday.")
    assert "OSLO - Norway" not in [e.text for e in doc.ents] and "Norway" in [e.text for e in doc.ents]


def test_a_backbencher_is_a_title_not_part_of_the_name(engine):
    doc = engine.nlp("Backbencher Jane Ridley said the row was damaging.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Jane Ridley"]


def test_two_surnames_of_people_tagged_as_one_organisation_are_the_two_people(blank):
    doc = blank.make_doc("Ridley and Harmon criticised by MPs . Jane Ridley and Olaf Harmon spoke . Marks and Spencer grew .")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 7, 9, label="PERSON"), Span(doc, 10, 12, label="PERSON"),
                Span(doc, 14, 17, label="ORG")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert [(e[0], e[1]) for e in ents(doc)] == [
        ("Ridley", "PERSON"), ("Harmon", "PERSON"), ("Jane Ridley", "PERSON"), ("Olaf Harmon", "PERSON"),
        ("Marks and Spencer", "ORG")]


def test_a_known_body_with_an_article_is_no_person(blank):
    doc = blank.make_doc("The Lib Dems accused Mr Brown of ducking the issue")
    doc.ents = [Span(doc, 0, 3, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc)[0] == ("Lib Dems", "ORG", "org:liberal democrats")


def test_a_known_party_run_into_a_persons_name_is_split_off(blank):
    doc = blank.make_doc("Lib Dem MP Lembit Opik said so")
    doc.ents = [Span(doc, 0, 5, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Lib Dem", "ORG", "org:liberal democrats"), ("Lembit Opik", "PERSON", "")]


def test_acronyms_of_things_are_no_names(blank):
    doc = blank.make_doc("makers of EVs and a GP in Leeds")
    doc.ents = [Span(doc, 2, 3, label="ORG"), Span(doc, 5, 6, label="ORG"), Span(doc, 7, 8, label="GPE")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("Leeds", "GPE", "")]


def test_a_departments_mixed_case_acronym_is_a_body(blank):
    doc = blank.make_doc("the MoD said the DfES agreed with McCain")
    doc.ents = [Span(doc, 1, 2, label="GPE"), Span(doc, 4, 5, label="PERSON"), Span(doc, 7, 8, label="PERSON")]
    doc = blank.get_pipe("briefing_entities")(doc)
    assert ents(doc) == [("MoD", "ORG", ""), ("DfES", "ORG", ""), ("McCain", "PERSON", "")]
