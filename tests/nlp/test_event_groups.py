"""Who acts when the doer is a group: a country's people who are not its state, sources close to someone."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text

PUBLISHED = dt.date(2024, 3, 20)


def one_event(engine, text: str, trigger: str):
    analysis = engine.analyze(document_from_text(text, published=PUBLISHED))
    names = {a.id: a.name for a in analysis.actors}
    (event,) = [e for e in analysis.events if e.trigger.split()[0] == trigger]
    return event, [names[a] for a in event.agents], [names[a] for a in event.actors]


@pytest.mark.parametrize(
    ("sentence", "trigger", "row", "country"),
    [
        ("French farmers blocked roads in Paris on Tuesday.", "blocked", "French farmers: blocked roads", "France"),
        ("Germany's carmakers cut 2,000 jobs last year.", "cut", "Germany's carmakers: cut 2,000 jobs", "Germany"),
        ("Protesters in Kenya stormed the parliament building on Tuesday.", "stormed", "Protesters in Kenya: stormed",
         "Kenya"),
        ("Thousands of Spanish students marched through the capital on Friday.", "marched",
         "Thousands of Spanish students: marched", "Spain"),
        ("Two of Britain's biggest trade unions could merge next year.", "merge",
         "Two of Britain's biggest trade unions: could merge", "United Kingdom"),
    ],
)
def test_a_civil_group_acts_and_its_country_only_takes_part(engine, sentence, trigger, row, country):
    event, agents, actors = one_event(engine, sentence, trigger)
    assert agents == []
    assert event.summary.startswith(row)
    assert country in actors


@pytest.mark.parametrize(
    ("sentence", "trigger", "country"),
    [
        ("Russian troops shelled the town of Kupiansk on Monday.", "shelled", "Russia"),
        ("Iraqi police arrested two men in Basra on Monday.", "arrested", "Iraq"),
        ("A Chinese spokesman condemned the sanctions on Monday.", "condemned", "China"),
    ],
)
def test_troops_police_and_spokesmen_act_for_their_country(engine, sentence, trigger, country):
    _, agents, _ = one_event(engine, sentence, trigger)
    assert agents == [country]


def test_where_the_people_done_to_come_from_is_not_whom_it_was_done_to(engine):
    # the places of a passive's subject are its people's, not whom the act was done to
    text = "Five men from Norfolk and a woman from Derby have been arrested and released on bail."
    event, _, _ = one_event(engine, text, "arrested")
    assert event.summary.startswith("Five men: have been arrested")


def test_whom_a_doer_is_close_to_or_critical_of_does_not_act(engine):
    analysis = engine.analyze(document_from_text(
        "Sources close to Mr Tom Lane said two more councillors would resign. "
        "An artist critical of Welsh arts funding has denied comparing the plan with dictatorships.",
        published=PUBLISHED))
    names = {a.id: a.name for a in analysis.actors}
    rows = {e.trigger.split()[0]: [names[a] for a in e.agents] for e in analysis.events}
    assert rows.get("said") != ["Tom Lane"]
    assert "Wales" not in rows.get("denied", [])
    # ministers are the state they are responsible for
    _, agents, _ = one_event(engine, "Ministers responsible for Wales met in Cardiff on Monday.", "met")
    assert agents == ["Wales"]


def test_the_owner_in_an_apposition_of_relation_does_not_act(engine):
    # "its largest trading partner" says whose partner, not who imposed; "finance minister" acts for her state
    _, agents, _ = one_event(engine, "Germany, France's largest trading partner, imposed tariffs on French steel.",
                             "imposed")
    assert agents == ["Germany"]
    _, agents, _ = one_event(engine, "Hans Brandt, Germany's finance minister, said the budget was sound.", "said")
    assert agents == ["Hans Brandt", "Germany"]


def test_a_noun_naming_an_act_already_told_is_that_act_told_again(engine):
    """ "Anna Berg resigned ... Ms Berg's resignation came after a row": one act, one row, two sources."""
    text = ("Cabinet row\n\nAnna Berg resigned as health minister on Monday.\n\nOpposition leaders had called for her to go for weeks. "
            "Ms Berg's resignation came after a row over expenses.")
    events = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1))).events
    # (the leaders' call for her to go is an appeal of its own)
    assert [e.trigger for e in events] == ["resigned", "called"]
    assert [text[s.start:s.end] for s in events[0].sources] == ["Ms Berg's resignation"]


def test_a_strike_named_further_down_is_another_strike_unless_target_or_day_is_the_same(engine):
    """Force a side uses again and again: "a Norland strike on Vik in September" is not the strike told before
    (which takes no date from it); the same target, or the same day, makes it that strike told again."""
    text = ("Border clashes\n\nNorland accused Vestia of breaking the truce. It then carried out an air strike on a depot "
            "near the border.\n\nVestia's defence minister was killed in a Norland strike on Vik in September.")
    events = engine.analyze(document_from_text(text, published=dt.date(2025, 1, 20))).events
    (carried,) = [e for e in events if e.trigger.startswith("carried")]
    assert not carried.sources and carried.date is None
    text = "Border clashes\n\nNorland carried out an air strike on Vik on Monday.\n\nThe Norland strike on Vik destroyed a bridge."
    events = engine.analyze(document_from_text(text, published=dt.date(2025, 1, 20))).events
    assert [e.trigger for e in events if e.category.startswith("19")] == ["carried out an air strike"]
    text = ("Border clashes\n\nRussian warplanes struck rebel positions in Aleppo and Idlib overnight, the defence "
            "ministry said, marking the first Russian air strikes on the city since 2016.")
    events = engine.analyze(document_from_text(text, published=dt.date(2024, 11, 30))).events
    assert [e.trigger for e in events if e.category.startswith("19")] == ["struck"]  # the city is no new target


def test_a_speaker_going_on_to_act_on_someone_new_is_a_row_of_its_own(engine):
    """ "He also threatened a tariff on goods from China" after a saying about Canada and Mexico is a new threat;
    "He told BBC News ..." goes on with the statement (whom he tells is no one acted on)."""
    text = ("Trade war\n\nKarl Lund said on Monday that he would impose a 25% tariff on all imports from Canada and "
            "Mexico. He also threatened an additional 10% tariff on goods from China.")
    events = engine.analyze(document_from_text(text, published=dt.date(2024, 12, 20))).events
    assert [e.trigger for e in events if e.trigger.startswith("threatened")] == ["threatened"]
    text = ("Trade war\n\nKarl Lund said on Monday that the tariffs would stay. He told BBC News: \"We will not back "
            "down.\"")
    events = engine.analyze(document_from_text(text, published=dt.date(2024, 12, 20))).events
    assert [e.trigger for e in events if e.category == "01"] == ["said"]


def test_a_noun_naming_an_act_done_in_words_is_not_folded_into_the_first(engine):
    """ "Her statement" may be any of the statements she made; it is not folded into the first (and, a pronoun's
    bare act noun pointing back, it is no row of its own either)."""
    text = "Cabinet row\n\nAnna Berg said on Monday the talks had been useful.\n\nHer statement came after weeks of pressure."
    events = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1))).events
    assert [e.trigger for e in events] == ["said"] and not events[0].sources
    text = "Cabinet row\n\nAnna Berg said on Monday the talks had been useful.\n\nMs Berg's statement came after weeks of pressure."
    events = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1))).events
    assert [e.trigger for e in events] == ["said", "statement"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "firm", "country"),
    [
        ("Norwegian airframer Fjordair announced a new jet on Monday.", "announced", "Fjordair", "Norway"),
        ("The British carrier Skyline Airways bought ten planes from Airbus on Monday.", "bought", "Skyline Airways",
         "United Kingdom"),
        ("Calder Motors, the US carmaker, said on Monday it would cut 2,000 jobs.", "said", "Calder Motors", "United States"),
        ("Sudan's paramilitary Rapid Support Forces (RSF) captured the town of Singa on Saturday.", "captured",
         "Rapid Support Forces", "Sudan"),
    ],
)
def test_a_firm_called_a_kind_of_firm_of_a_country_acts_without_the_country(engine, sentence, trigger, firm, country):
    """ "Japanese carmaker Toyota said", "Sudan's paramilitary RSF": where the firm or the armed group is from is no
    second doer (nor a target); a state's own forces still act for it (below)."""
    event, agents, actors = one_event(engine, sentence, trigger)
    assert agents == [firm] and country not in agents


def test_a_state_body_named_with_its_country_still_acts_for_it(engine):
    _, agents, _ = one_event(engine, "Russia's defence ministry said on Monday it had shot down two drones.", "said")
    assert "Russia" in agents
    _, agents, _ = one_event(engine, "Russia's army captured the town of Pokrovsk on Monday.", "captured")
    assert agents == ["Russia"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "struck"),
    [
        ("A Norland missile attack on Vestia killed 12 people on Monday.", "killed", "Norland", "Vestia"),
        ("A Norland air strike on a suburb of Oslo killed a senior commander on Tuesday.", "killed", "Norland", "Norway"),
    ],
)
def test_the_place_an_attack_was_on_was_struck_and_did_not_strike(engine, sentence, trigger, doer, struck):
    event, agents, actors = one_event(engine, sentence, trigger)
    assert agents == [doer] and struck in actors
