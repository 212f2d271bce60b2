"""Actor resolution on hand-made sentences through the real model."""

import pytest

from reader.documents import document_from_text


def actors_of(engine, text):
    return engine.analyze(document_from_text(text)).actors


def by_name(actors, name):
    found = [a for a in actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in actors]}"
    return found[0]


def test_titles_honorifics_and_surnames_merge(engine):
    actors = actors_of(engine, "Mr Blair met Tony Blair's aides in London. Later Blair said no.")
    blair = by_name(actors, "Tony Blair")
    assert len(blair.mentions) == 3
    assert all(m.text in ("Blair", "Tony Blair") for m in blair.mentions)


def test_an_honorific_the_tagger_took_into_a_name_does_not_split_the_person(engine):
    # with no comma after the place, the model tags "Mr Dahl" whole, honorific and all
    text = "Tom Dahl signed a deal with Tanzania. On top of the deal with Tanzania Mr Dahl said Norway would do more."
    analysis = engine.analyze(document_from_text(text))
    person = by_name(analysis.actors, "Tom Dahl")
    assert len(person.mentions) == 2
    assert not [a for a in analysis.actors if a.name == "Mr Dahl"]
    said = next(e for e in analysis.events if e.trigger == "said")
    assert said.agents == [person.id]  # the place before "Mr" is no part of the name


def test_accents_do_not_split_a_person(engine):
    text = "Turkish President Recep Tayyip Erdoğan hosted talks. Later Erdogan said Erdoğan's country was ready."
    person = by_name(actors_of(engine, text), "Recep Tayyip Erdoğan")
    assert {"Erdogan", "Erdoğan"} <= set(person.aliases)
    assert person.roles == ["President (Turkey)"]


def test_also_known_as_makes_an_alias(engine):
    text = "Palestinian President Mahmoud Abbas, also known as Abu Mazen, met the envoy. Abu Mazen said no."
    actors = actors_of(engine, text)
    abbas = by_name(actors, "Mahmoud Abbas")
    assert "Abu Mazen" in abbas.aliases
    assert not [a for a in actors if a.name == "Abu Mazen"]


def test_capitals_and_demonyms_link_to_the_country(engine):
    actors = actors_of(engine, "Moscow insisted on its terms, Ankara refused, and Russian officials left Turkey.")
    russia = by_name(actors, "Russia")
    turkey = by_name(actors, "Turkey")
    assert {m.text for m in russia.mentions} == {"Moscow", "Russian"}
    assert {m.text for m in turkey.mentions} == {"Ankara", "Turkey"}
    assert russia.type == turkey.type == "GPE"


def test_role_reference_resolves_to_the_person(engine):
    text = "Turkish President Recep Tayyip Erdoğan hosted the talks. The Turkish president said they went well."
    person = by_name(actors_of(engine, text), "Recep Tayyip Erdoğan")
    assert any(m.text == "Turkish president" for m in person.mentions)


def test_administration_is_the_leaders_country(engine):
    text = "US President Joe Biden spoke. The Biden administration then imposed sanctions."
    actors = actors_of(engine, text)
    us = by_name(actors, "United States")
    assert "administration" in us.aliases
    # one span each, as the window highlights them: "Biden" the person, "administration" the government
    assert any(m.text == "administration" for m in us.mentions)
    biden = by_name(actors, "Joe Biden")
    assert biden.country == us.id
    assert len(biden.mentions) == 2


def test_mentions_never_overlap_and_slice_the_text(engine):
    text = "Ukraine’s lead negotiator David Arakhamia met Russian-Ukrainian mediators. Victoria Nuland visited Kyiv."
    actors = actors_of(engine, text)
    spans = sorted((m.start, m.end) for a in actors for m in a.mentions)
    for (_, e0), (s1, _) in zip(spans, spans[1:], strict=False):
        assert e0 <= s1
    for a in actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    assert by_name(actors, "Victoria Nuland").type == "PERSON"
    assert by_name(actors, "David Arakhamia").roles == ["lead negotiator (Ukraine)"]


def test_hyphenated_surname_is_found_everywhere(engine):
    text = "Ex-chat show host Robert Kilroy-Silk quit. Labour is glad to see the back of Mr Kilroy-Silk."
    person = by_name(actors_of(engine, text), "Robert Kilroy-Silk")
    assert [m.text for m in person.mentions] == ["Robert Kilroy-Silk", "Kilroy-Silk"]


def test_role_reference_needs_a_compatible_role(engine):
    text = "Trade Secretary Patricia Hewitt spoke. The shadow secretary disagreed."
    person = by_name(actors_of(engine, text), "Patricia Hewitt")
    assert [m.text for m in person.mentions] == ["Patricia Hewitt"]


@pytest.mark.parametrize(("reference", "refers"), [("the chairman of the Fair Trade Commission", False),
                                                   ("the chairman", True),
                                                   ("the chairman of the Civic Party", True),
                                                   ("the chairman of the CP", True)])
def test_the_holder_of_an_office_of_another_body_is_someone_else(engine, reference, refers):
    """ "the chairman of the Fair Trade Commission" is not the party chairman named before."""
    text = f"CP chairman Tomas Varga announced a review. Last month {reference} called for quotas."
    person = by_name(actors_of(engine, text), "Tomas Varga")
    assert (len(person.mentions) == 2) is refers, [m.text for m in person.mentions]


@pytest.mark.parametrize(
    ("title", "reference", "refers"),
    [
        ("ex-Conservative chancellor", "The chancellor", False),
        ("former chancellor", "The chancellor", False),
        ("ex-chancellor", "The ex-chancellor", True),
        ("former chancellor", "The former chancellor", True),
        ("chancellor", "The chancellor", True),
    ],
)
def test_a_former_holder_of_an_office_is_not_the_holder(engine, title, reference, refers):
    text = f"Mr Halvorsen spoke on Monday. Earlier, {title} Tomas Varga welcomed the rules. {reference} said they would help."
    person = by_name(actors_of(engine, text), "Tomas Varga")
    assert (len(person.mentions) == 2) is refers, [m.text for m in person.mentions]


def test_a_name_after_a_title_is_a_person(engine):
    text = "The African Union, whose chairperson, Moussa Faki Mahamat, travelled widely, met Faki's aides."
    person = by_name(actors_of(engine, text), "Moussa Faki Mahamat")
    assert person.type == "PERSON" and len(person.mentions) == 2


def test_office_words_are_not_names(engine):
    text = "Secretary of State Antony Blinken spoke. The Liberal Democrat leader and Tory MPs objected. Mr Wellington left."
    actors = actors_of(engine, text)
    names = {a.name for a in actors}
    assert "State" not in names and "Liberal" not in names and "Democrat" not in names
    assert by_name(actors, "Liberal Democrats").type == "ORG"
    assert by_name(actors, "Conservative Party").type == "ORG"
    assert by_name(actors, "Wellington").type == "PERSON"


def test_short_organisation_names_join_the_long_one(engine):
    text = "Apple Computer unveiled a laptop. Apple said sales rose. The International Atomic Agency (IAA) agreed; the IAA staff left."
    actors = actors_of(engine, text)
    assert "Apple" in by_name(actors, "Apple Computer").aliases
    assert "IAA" in by_name(actors, "International Atomic Agency").aliases


def test_a_title_in_front_of_a_name_is_not_a_role_reference(engine):
    text = "US Secretary of State Condoleezza Rice visited Jerusalem. The US secretary of state left on Monday."
    person = by_name(actors_of(engine, text), "Condoleezza Rice")
    assert "US Secretary" not in person.aliases
    assert person.roles == ["Secretary of State (United States)"]


def test_a_name_the_model_typed_as_a_place_is_the_person_an_honorific_names():
    import spacy
    from spacy.tokens import Span

    from reader.nlp.actors import extract_actors

    doc = spacy.blank("en").make_doc("Sundar Katwala spoke on Monday . Mr Katwala added more . Port Talbot agreed .")
    doc.ents = [Span(doc, 0, 2, label="FAC"), Span(doc, 7, 8, label="PERSON"), Span(doc, 11, 13, label="GPE")]
    actors = {a.name: (a.type, [m.text for m in a.mentions]) for a in extract_actors(doc)}
    assert actors["Sundar Katwala"] == ("PERSON", ["Sundar Katwala", "Katwala"])
    assert actors["Port Talbot"][0] == "GPE"  # no "Mr Talbot" in the text: the place stays a place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The opposition Norland Tehreek-e-Adl (NTA) welcomed the decision on Monday.", "Norland Tehreek-e-Adl"),
        ("The Qualifications and Curriculum Authority (QCA) went to ministers last December.", "Qualifications and Curriculum Authority"),
    ],
)
def test_the_words_before_a_bracketed_acronym_that_spell_it_name_it(engine, text, name):
    actors = actors_of(engine, text)
    org = by_name(actors, name)
    assert org.type == "ORG" and {m.text for m in org.mentions} >= {name}
    assert not [a for a in actors if a.name == "Norland"]  # no part of the name is an actor of its own


def test_a_name_read_as_a_persons_with_its_initials_bracketed_after_it_is_a_body(engine):
    text = ("Rebel forces led by Harakat Tahrir al-Wasat (HTW) captured the city on Sunday. "
            "HTW fighters entered the palace on Monday.")
    actors = actors_of(engine, text)
    group = by_name(actors, "Harakat Tahrir al-Wasat")
    assert group.type == "ORG" and [m.text for m in group.mentions].count("HTW") == 2
    # a person's name followed by letters that are not its initials stays a person's
    person = by_name(actors_of(engine, "Tom Lane (AP) said on Monday that talks had failed."), "Tom Lane")
    assert person.type == "PERSON"


def test_names_after_an_honorific_are_a_person_even_when_the_model_leaves_them_out(engine):
    text = "Cardinal Tomasz Wielgo-Varga will ask the congregation to pray. The cardinal said so. Mr Halvorsen agreed."
    actors = actors_of(engine, text)
    cardinal = by_name(actors, "Tomasz Wielgo-Varga")
    assert cardinal.type == "PERSON" and [m.text for m in cardinal.mentions][-1] == "cardinal"
    assert by_name(actors, "Halvorsen").type == "PERSON"
    # a title after the honorific is no name
    assert not actors_of(engine, "The Lord Chancellor spoke on Monday.")


def test_the_short_form_of_a_seat_of_government_is_its_country(engine):
    # "Downing St" as headlines and news copy write it, not an actor called "St"
    actors = actors_of(engine, "Downing St said a similar offer might be made to the Vestian government.")
    uk = by_name(actors, "United Kingdom")
    assert [m.text for m in uk.mentions] == ["Downing St"]
    assert not [a for a in actors if a.name in ("St", "Downing")]


def test_a_body_of_a_country_is_the_body_its_short_name_means(engine):
    text = ("The Central Bank of Norway raised rates on Tuesday. Economists said the Central Bank "
            "would raise them again. Treasurer Jim Chalmers declined to comment.")
    actors = actors_of(engine, text)
    banks = [a for a in actors if "Central Bank" in a.name]
    assert len(banks) == 1 and len(banks[0].mentions) == 2
    assert by_name(actors, "Jim Chalmers").type == "PERSON"  # "Treasurer" is his title


def test_a_stance_toward_a_name_is_no_mention_of_it(engine):
    actors = actors_of(engine, "Pro-Russian separatists and anti-European campaigners met pro-Western parties in Oslo.")
    assert [a.name for a in actors] == ["Oslo"]


def test_a_first_name_before_a_known_surname_is_another_person(engine):
    """The model misses "Cherie Blair" after a headline; the surname alone would join her to Tony."""
    actors = actors_of(engine, "Headline\n\nCherie Blair criticised Bush in an address. Tony Blair said nothing. "
                               "Prime Minister Blair spoke later.")
    names = sorted(a.name for a in actors if a.type == "PERSON")
    assert "Cherie Blair" in names and "Tony Blair" in names
    tony = by_name(actors, "Tony Blair")
    assert [m.text for m in tony.mentions] == ["Tony Blair", "Blair"]


@pytest.mark.parametrize("text", [
    "Markets fell. Moody's downgraded Norway's credit rating on Friday. Moody's analysts expect more cuts.",
    "Markets fell. Sainsbury's said its profits rose, and Sainsbury's shares climbed.",
])
def test_a_name_written_as_a_genitive_keeps_its_s(engine, text):
    # the model ends the name before "'s"; where it owns nothing it is the name's own
    name = text.split(". ")[1].split("'s")[0] + "'s"
    assert len(by_name(actors_of(engine, text), name).mentions) == 2


def test_an_organisations_possessive_is_not_its_name(engine):
    actors = actors_of(engine, "Markets fell. Oxfam's director said aid was late. It was the same as the Treasury's and the bank's.")
    assert not [a for a in actors if a.name.endswith("'s")]
