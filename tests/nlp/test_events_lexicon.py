"""Which clauses are acts, on hand-made sentences: light verbs, the field dictionary, categories beyond CAMEO."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.model import Event
from reader.nlp.events import load_lexicon

PUBLISHED = dt.date(2024, 3, 20)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def by_trigger(analysis, trigger: str) -> list[Event]:
    return [e for e in analysis.events if e.trigger.lower().startswith(trigger)]


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Hamas carried out an attack on an Israeli base last week.", "carried", "19"),
        ("Israeli officials gave a briefing to foreign ambassadors on Monday.", "gave", "01"),
        ("The European Commission expressed concern about the new law.", "expressed", "01"),
        ("Giorgia Meloni brought lawsuits against three Italian journalists.", "brought", "11"),
        ("Britain staged a walkout at the United Nations.", "staged", "14"),
        # a figure named in the plural is still what the light verb did ("its sales rose" is no sale)
        ("Northwind Motors made profits of $868 million in 2009.", "made", "ECON"),
        # what is counted is the object: "dozens of rockets" are rockets
        ("Hezbollah fired dozens of rockets at towns in the north.", "fired", "19"),
        # stepping up attacks is an attack
        ("Hamas increased the number of rocket attacks on Israel.", "increased", "19"),
        # military exercises and drills show force (CAMEO 15), counted in days or not
        ("China staged large-scale drills around the island last week.", "staged", "15"),
        ("Taiwan's military began two days of live-fire exercises on Monday.", "began", "15"),
        # cuts and hikes resumed, announced or delivered are economic decisions
        ("Sweden's central bank will resume cuts in September.", "resume", "ECON"),
        ("Ghana defaulted on most of its external debt in December 2022.", "defaulted", "ECON"),
        ("Ghana secured a $3bn bailout from the IMF in May 2023.", "secured", "ECON"),
        # a person quitting or leaving an organisation gives up a post; fighting an election contests it
        ("Tom Lane quits the BBC after 20 years", "quits", "OFFICE"),
        ("Tom Lane said he would fight the general election.", "fight", "VOTE"),
        # a rate lifted or a rates policy ended is an economic decision
        ("The Bank of Japan lifted the rate to a range of 0% to 0.1%.", "lifted", "ECON"),
        ("Japan ends negative rates in historic shift", "ends", "ECON"),
    ],
)
def test_a_light_verb_takes_the_act_of_its_object(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Norland's coast guard fired water cannon at a Vestland vessel.", "19"),
        ("Norland's troops fired at Vestland's border posts.", "19"),
        ("Norland's police fired tear gas at protesters.", "17"),
        ("President Ida Lund fired the minister at a cabinet meeting.", "OFFICE"),
        ("President Ida Lund fired her chief adviser.", "OFFICE"),
    ],
)
def test_firing_at_someone_is_force_and_firing_someone_an_office(engine, sentence, category):
    (event,) = by_trigger(analyze(engine, sentence), "fired")
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ('Responding to the report, Mr Ian Dahl also attacked Labour\'s "unfair" and over-complicated taxes.', "11"),
        ("Michael Howard will attack the Lib Dems for wanting to abolish faith schools.", "11"),
        ("Russian troops attacked Ukrainian positions near Kharkiv.", "19"),
        ("Vladimir Putin attacked Ukraine in February.", "19"),
    ],
)
def test_a_person_attacks_in_words_and_troops_or_a_leader_on_a_country_by_force(engine, sentence, category):
    (event,) = by_trigger(analyze(engine, "Budget row\n\n" + sentence), "attack")
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Kenyan police shot dead at least 23 protesters in Nairobi.", "18"),
        ("Kenyan police shot 23 protesters dead in Nairobi.", "18"),
        ("A gunman shot Senator Tom Hale outside his home in Nairobi.", "18"),
        ("Russian forces shot down a Ukrainian drone over Kursk.", "19"),
    ],
)
def test_shooting_people_is_an_assault_and_shooting_down_a_fight(engine, sentence, category):
    (event,) = by_trigger(analyze(engine, sentence), "shot")
    assert event.category == category


@pytest.mark.parametrize("sentence", [
    "Shares in Fordham Motors shot up 5% in Detroit on Monday.",
    "Director Ida Lund shot her new film in Nairobi.",
    "Prime Minister Ida Lund shot basketball hoops with students in Nairobi.",
])
def test_shooting_that_harms_nobody_is_no_assault(engine, sentence):
    assert all(e.category != "18" for e in analyze(engine, sentence).events)


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Shadow home secretary Ian Dahl said the bill had been clearly very badly drawn-up.", "11"),
        ("Mr Ian Dahl said the plan was wrong.", "11"),
        ("Mr Ian Dahl said the decision was a mistake.", "11"),
        ("Mr Ian Dahl said the plan was not wrong.", "01"),
        ("Mr Ian Dahl said the economy had been badly hit by the floods.", "01"),
        ("Mr Ian Dahl said the plan was ready.", "01"),
        ("Ms Ida Lund called the decision a betrayal.", "11"),
        ("Mr Ian Dahl described the plan as a shambles.", "11"),
        ('US President Joe Biden called the agreement "good news".', "05"),
        ("Mr Ian Dahl said the deal was a breakthrough.", "05"),
        ("Mr Ian Dahl called Ms Ida Lund a friend.", "01"),
    ],
)
def test_a_saying_that_judges_its_subject_bad_or_good_is_a_criticism_or_praise(engine, sentence, category):
    (event,) = [e for e in analyze(engine, "Terror bill\n\n" + sentence).events if e.trigger in ("said", "called", "described")]
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("On Monday, MPs voted 272-219 in favour of the Bill after key concessions from Mr Ian Dahl.", "05"),
        ("Norland voted for the resolution at the UN on Monday.", "05"),
        ("Labour MPs voted against the Bill on Monday.", "12"),
        ("Voters in Norland voted for Labour on Monday.", "VOTE"),
    ],
)
def test_a_vote_for_a_proposal_approves_it_and_one_against_rejects_it(engine, sentence, category):
    (event,) = by_trigger(analyze(engine, "Terror bill\n\n" + sentence), "voted")
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Labour came third in the by-election.", "came third"),
        ("The Liberal Democrats finished second in the poll.", "finished second"),
        ("The Liberal Democrats will take three key seats from the Conservatives.", "take"),
    ],
)
def test_a_place_or_seats_won_in_a_vote_are_a_vote(engine, sentence, trigger):
    (event,) = by_trigger(analyze(engine, "Election\n\n" + sentence), trigger)
    assert event.category == "VOTE"


@pytest.mark.parametrize("sentence", [
    "Safety came first for Fordham Motors, Ida Lund said.",  # nobody named came first
    "A BBC spokesman said Robert Kilroy-Silk took his seat as the show began.",  # a seat in a studio
])
def test_coming_first_or_taking_a_seat_elsewhere_is_no_vote(engine, sentence):
    assert all(e.category != "VOTE" for e in analyze(engine, "Studio row\n\n" + sentence).events)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Fordham Motors will pay a fine of $243.6m, according to the filing.", "pay"),
        ("Fordham Motors paid damages of $5m to the families in March.", "paid"),
        ("Fordham Motors pleaded guilty to fraud on Sunday.", "pleaded"),
        ("Mr Ian Dahl pleaded not guilty to fraud charges on Sunday.", "pleaded"),
    ],
)
def test_paying_a_fine_and_pleading_to_a_charge_are_legal_acts(engine, sentence, trigger):
    (event,) = by_trigger(analyze(engine, "Fraud case\n\n" + sentence), trigger)
    assert event.category == "LAW" and event.modality in ("asserted", "hypothetical")


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("The Federal Reserve is expected to hold interest rates steady at its meeting this month.", "expected", "ECON"),
        ("China announced extra duties of up to 15% on US farm products on Tuesday.", "announced", "16"),
        ("Canada retaliated within hours with tariffs on American goods.", "retaliated", "16"),
        ("Iran retaliated with missile strikes on Israel.", "retaliated", "19"),
    ],
)
def test_rates_held_and_tariffs_answered_are_economic_acts(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, "Tariffs\n\n" + sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Russia and Ukraine agreed a ceasefire in March.", "08"),
        ("Russia and Ukraine agreed to a ceasefire in March.", "08"),
        ("Britain and France agreed a deal on migrants in March.", "05"),
        ("Britain and France agreed to a deal on migrants in March.", "05"),
    ],
)
def test_agreeing_a_ceasefire_or_a_deal_is_that_act_with_or_without_to(engine, sentence, category):
    (event,) = by_trigger(analyze(engine, sentence), "agreed")
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Kenyan teachers staged a strike in Nairobi on Monday.", "staged", "14"),
        ("Teachers in Kenya held a one-day strike on Monday.", "held", "14"),
        ("Israel carried out strikes on Rafah on Monday.", "carried out", "19"),
        ("Israel conducted strikes in southern Lebanon on Monday.", "conducted", "19"),
    ],
)
def test_a_strike_staged_is_a_protest_and_one_carried_out_a_fight(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize("sentence", [
    "In the Gulf War 80% of the bill had been met through help from European and Arab nations.",
    "Half of the cost was met by Norway and Sweden.",
])
def test_a_share_of_a_bill_met_is_no_meeting(engine, sentence):
    assert not by_trigger(analyze(engine, "Budget row\n\n" + sentence), "met")


@pytest.mark.parametrize("sentence", [
    "Reporters fired questions at President Ida Lund.",
    "Ida Lund will use her budget to fire both barrels at the opposition parties.",
])
def test_firing_words_at_someone_is_neither_force_nor_an_office(engine, sentence):
    assert not by_trigger(analyze(engine, sentence), "fire")


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Jonathan Baume spoke of competing agendas between Gordon Brown and Tony Blair.", "spoke", "01"),
        ("Cardinal Murphy-O'Connor has spoken out about the war in Iraq.", "spoken", "01"),
        ("David Blunkett quit as home secretary last week.", "quit", "OFFICE"),
        # the object of "tell" is who hears it, not what was said: the inquiry is no investigation
        ("Bills could be made tougher, Helen Marsh told a Commons inquiry.", "told", "01"),
        ("Helen Marsh told the investigation that the papers were lost.", "told", "01"),
    ],
)
def test_speaking_of_a_thing_is_a_statement_and_quitting_leaves_an_office(engine, sentence, trigger, category):
    """Our entries beside the conditioned ones ("speak to a leader" is a consultation): without them
    these were acts of no category. ("quit" alone stays one: a plain entry joined different
    resignations across the storyline evaluation's articles, pair precision 0.898 -> 0.839.)"""
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    "sentence",
    ["Fordham Motors lost $4.8 billion in the fourth quarter.", "Fordham Motors made $868 million last year.",
     "Norland Bank earned $2 billion in 2023.", "Norland Bank generated $3 billion in revenue in 2023."],
)
def test_a_result_in_money_is_an_economic_act(engine, sentence):
    (event,) = analyze(engine, sentence).events
    assert event.category == "ECON"


def test_bidding_for_a_contract_is_business_and_whoever_is_allowed_to_bid_bids(engine):
    (event,) = analyze(engine, "Fordham Aerospace was allowed to bid for launch contracts again.").events
    assert event.category == "ECON" and event.trigger == "allowed to bid" and event.summary.startswith("Fordham Aerospace:")


def test_a_rate_of_pay_is_no_result(engine):
    assert not analyze(engine, "Workers at Fordham Motors earn $28 an hour.").events


@pytest.mark.parametrize(("field", "slot"), [("object", "@MONY"), ("subject", "@FIGURES")])
def test_an_unknown_slot_is_refused_at_load(monkeypatch, field, slot):
    from reader.nlp.events import lexicon

    rows = [{"lemma": "rise", "pos": "VERB", "code": "ECON", field: [slot]}]
    monkeypatch.setattr(lexicon, "_read_jsonl", lambda name: rows if name == "cameo_lexicon.jsonl" else lexicon.read_jsonl(lexicon.resource("lexicons", name)))
    lexicon.load_lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=slot):
            lexicon.load_lexicon()
    finally:
        monkeypatch.undo()
        lexicon.load_lexicon.cache_clear()


@pytest.mark.parametrize(
    ("text", "trigger", "owner", "summary"),
    [
        ("Analysts were surprised. Norcom's profits rose 10% in May.", "profits rose", "Norcom", "Norcom: profits rose 10% in May"),
        ("Analysts were surprised. Fordham Motors sales dropped 42% in May.", "sales dropped", "Fordham Motors",
         "Fordham Motors: sales dropped 42% in May"),
        ("Analysts were surprised. Unemployment in Norway fell to 9%.", "fell", "Norway", "Norway: Unemployment fell to 9%"),
        ("Analysts were surprised. Norway's jobless rate rose to 5%.", "rate rose", "Norway", "Norway: jobless rate rose to 5%"),
    ],
)
def test_a_named_companys_or_countrys_figure_that_moves_is_a_result(engine, text, trigger, owner, summary):
    analysis = analyze(engine, text)
    (event,) = analysis.events
    assert (event.trigger, event.category, event.summary) == (trigger, "ECON", summary)
    assert {analysis.actor(i).name for i in event.agents} == {owner}
    assert analysis.document.text[event.start:event.end].endswith(summary[-3:])  # "to 9%": the unit too


def test_a_number_before_an_act_noun_is_no_owner_to_drop(engine):
    (event,) = analyze(engine, "Analysts were surprised. Norland's three-party coalition fell apart on Monday.").events
    assert event.summary == "Norland: three-party coalition fell apart on Monday"


@pytest.mark.parametrize("text", [
    "Analysts were surprised. Norcom shares fell 5% on Monday.",  # a share price's move is market data
    "Analysts were surprised. Oil prices rose sharply in May.",  # nobody's figure
    "Analysts were surprised. Car sales rose 5% in March.",
])
def test_a_price_or_a_figure_of_no_one_named_is_no_result(engine, text):
    assert analyze(engine, text).events == []


@pytest.mark.parametrize("text", [
    "Analysts were surprised.\n\nThe airline already offers flights to Dubai.",
    "Analysts were surprised.\n\nThe new device connects to a computer over a wireless network.",
    "Analysts were surprised.\n\nTwelve of them represent Labour.",
])
def test_a_body_sentence_in_the_simple_present_tells_what_is_so(engine, text):
    assert analyze(engine, text).events == []


@pytest.mark.parametrize(("text", "trigger"), [
    ("Analysts were surprised.\n\nRussia rejects the claims.", "rejects"),  # a stance is still taken
    ("Dunmore Steel offers $40 million for Polish mill\n\nAnalysts were surprised.", "offers"),  # a headline's present is its past
    ("Analysts were surprised.\n\nThe airline offers flights to Dubai from 4 May.", "offers"),  # a schedule
])
def test_a_present_that_still_reports_an_act(engine, text, trigger):
    assert by_trigger(analyze(engine, text), trigger)


def test_an_act_noun_that_is_only_a_light_verbs_object_is_no_row_alone(engine):
    analysis = analyze(engine, "The Biden administration's policy plans were discussed.")
    assert not by_trigger(analysis, "plans")


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Voters in Norland voted for Labour on Monday.", "voted", "VOTE"),  # a vote for a bill approves it (05)
        ("Kenya elected William Ruto in 2022.", "elected", "VOTE"),
        ("Boris Johnson resigned as prime minister.", "resigned", "OFFICE"),
        ("Emmanuel Macron appointed Michel Barnier prime minister.", "appointed", "OFFICE"),
        ("A court in Rome ruled against the Italian government.", "ruled", "LAW"),
        ("Italy passed a law on surrogacy.", "passed", "LAW"),
        ("Turkey raised interest rates again.", "raised", "ECON"),
        ("Volkswagen reported record profits.", "reported", "ECON"),
        ("Poland charged Jan Kowalski with espionage.", "charged", "17"),
    ],
)
def test_acts_beyond_cameo_have_categories_of_their_own(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category
    assert event.category_label == load_lexicon().label(category)


def test_the_field_dictionary_adds_verbs_our_lexicon_lacks(engine):
    lex = load_lexicon()
    assert ("brandish", "VERB") in lex.entries  # ours
    assert not lex.entries.get(("usurp", "VERB")) and lex.petrarch is not None and lex.petrarch.entries("usurp")
    analysis = analyze(engine, "Russia usurped French influence in Mali.")
    (event,) = by_trigger(analysis, "usurped")
    assert event.category == "06" or event.category.isdigit()


def test_a_field_reading_needs_a_named_doer_and_a_done_act(engine):
    assert not by_trigger(analyze(engine, "This usurped French influence in Mali."), "usurped")
    assert not by_trigger(analyze(engine, "Russia made an effort to usurp French influence in Mali."), "usurp")


def test_headline_and_lead_reporting_one_act_are_one_row(engine):
    text = "Chile condemns Peru over border clash\nChile on Tuesday condemned Peru over a clash on the border."
    analysis = analyze(engine, text)
    rows = [e for e in analysis.events if e.category == "11"]
    assert len(rows) == 1
    assert rows[0].trigger == "condemned" and [s.text for s in rows[0].sources] == ["Chile condemns Peru over border clash"]


def test_a_headline_naming_the_country_merges_with_its_lead_naming_the_countrys_parties(engine):
    """ "Portugal's ruling coalition loses its majority" / "Portugal's ruling Freedom Party and its junior partner
    ... lost their majority": the parties the lead names are the country's; one vote, one row."""
    text = ("Portugal's ruling coalition loses its majority\n\nPortugal's ruling Freedom Party and its junior partner, "
            "the Farmers' League, lost their majority in the lower house in an early election held on October 27th.")
    rows = [e for e in analyze(engine, text).events if e.category == "VOTE"]
    assert [e.trigger for e in rows] == ["lost"]
    assert [s.text for s in rows[0].sources] == ["Portugal's ruling coalition loses its majority"]


def test_a_headline_merges_with_its_lead_even_when_the_lead_tells_another_act_first(engine):
    text = ("Fiat files for bankruptcy\nMay 1, 2009\n"
            "Chrysler agreed a deal with Renault, and Fiat filed for bankruptcy on Thursday.")
    rows = [e for e in analyze(engine, text).events if "bankruptcy" in e.text]
    assert len(rows) == 1
    assert rows[0].trigger == "filed" and [s.text for s in rows[0].sources] == ["Fiat files for bankruptcy"]


def test_a_headline_merges_with_its_lead_when_the_verb_is_read_two_ways(engine):
    # "agree ceasefire" and "agreed to a ceasefire" get different categories; one verb, one act
    text = ("Vestland and Norland agree ceasefire after week of border clashes\n\n"
            "Vestland and Norland agreed on Sunday to a ceasefire along their disputed border.")
    rows = [e for e in analyze(engine, text).events if "agree" in e.trigger]
    assert len(rows) == 1 and len(rows[0].sources) == 1


def test_a_headline_merges_with_the_first_act_of_its_kind_in_the_lead(engine):
    # the lead's first sanction is the headline's act, not a later one by a doer the headline names
    text = ("Norland hits Vesta with tariffs\n\nOn Monday the Norland trade office announced tariffs on Vesta. "
            "Norland also revoked licences held by Vestan firms.")
    revoked = next(e for e in analyze(engine, text).events if e.trigger == "revoked")
    assert not revoked.sources


def test_a_headline_act_done_in_words_is_the_saying_of_its_doer_in_the_lead(engine):
    # "calls for" (an appeal) and "has said" are one act: the saying is the row, the headline its source
    text = ("Halvorsen calls for Vestland border talks\n\n"
            "Norland should open talks with Vestland on the border, Senator Ann Halvorsen has said.")
    rows = [e for e in analyze(engine, text).events if e.start < text.find("\n")
            or any(s.start < text.find("\n") for s in e.sources)]
    assert len(rows) == 1
    assert rows[0].trigger == "said" and [s.text for s in rows[0].sources] == ["Halvorsen calls for Vestland border talks"]


def test_a_headline_that_names_no_doer_merges_with_the_lead_that_does(engine):
    text = ("Border talks resume in Geneva after a year of stalemate\n\n"
            "Norland and Vestland returned to the negotiating table in Geneva on Monday.")
    events = analyze(engine, text).events
    assert len(events) == 1
    assert [s.text for s in events[0].sources] == ["Border talks resume in Geneva after a year of stalemate"]


def test_a_headline_act_done_by_hand_stays_apart_from_its_doers_saying(engine):
    text = ("Halvorsen visits Vestland\n\n"
            "Senator Ann Halvorsen said the two countries would talk about trade.")
    events = analyze(engine, text).events
    (visit,) = [e for e in events if e.trigger == "visits"]
    assert not visit.sources and not any(e.sources for e in events)


def test_a_statement_continued_by_its_speaker_is_one_row(engine):
    text = ('Kofi Annan said the talks were useful. "We will meet again soon," he said. '
            "Ban Ki-moon said nothing.")
    analysis = analyze(engine, text)
    annan = [e for e in analysis.events if e.trigger == "said" and "Annan" in e.summary]
    assert len(annan) == 1 and len(annan[0].sources) == 1


def test_a_statement_its_speaker_continues_in_the_next_paragraph_is_one_row(engine):
    text = ("Border row\n\nSenator Ann Halvorsen said the border talks with Vestland were useful.\n\n"
            "\u201cWe will meet again within the month,\u201d she said.")
    sayings = [e for e in analyze(engine, text).events if e.trigger == "said"]
    assert len(sayings) == 1 and [s.text for s in sayings[0].sources] == ["she said"]


def test_a_new_paragraph_that_names_its_speaker_or_another_day_is_a_new_statement(engine):
    named = ("Border row\n\nSenator Ann Halvorsen said the border talks with Vestland were useful.\n\n"
             "Ms Halvorsen said the next round would be held in Oslo.")
    assert len([e for e in analyze(engine, named).events if e.trigger == "said"]) == 2
    other_day = ("Border row\n\nSenator Ann Halvorsen said on Monday the border talks with Vestland were useful.\n\n"
                 "She told parliament on Friday that the next round would be held in Oslo.")
    sayings = [e for e in analyze(engine, other_day).events if e.trigger in ("said", "told")]
    assert len(sayings) == 2 and not any(e.sources for e in sayings)


def test_a_verb_the_lemmatizer_misses_is_still_found():
    from reader.nlp.events.lexicon import base_forms

    assert "stage" in base_forms("staged", "VBD")
    assert "carry" in base_forms("carried", "VBD")
    assert "plan" in base_forms("planned", "VBN")


def test_a_verb_no_dictionary_codes_is_an_act_between_named_parties(engine):
    (event,) = by_trigger(analyze(engine, "Airbus outbid Boeing for the Qantas order."), "outbid")
    assert event.category == "ACT" and event.category_label == "Other act"


def test_an_uncoded_verb_without_a_named_doer_or_an_object_is_no_row(engine):
    assert not by_trigger(analyze(engine, "The weather outbid everyone."), "outbid")
    assert not by_trigger(analyze(engine, "Airbus stumbled."), "stumbled")
    assert not by_trigger(analyze(engine, "Airbus remains the market leader."), "remains")


def test_an_uncoded_passive_with_a_named_party_and_its_cause_is_a_row(engine):
    """ "Airbus was swamped by orders": what befell a named party, with what did it; no doer is named."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\nAirbus was swamped by orders on Monday."), "swamped")
    assert event.agents == [] and len(event.targets) == 1
    assert event.summary == "Airbus: was swamped by orders on Monday"
    assert not by_trigger(analyze(engine, "Cabinet row\n\nAirbus was swamped on Monday."), "swamped")


def test_an_uncoded_verb_after_and_takes_the_doer_of_the_verb_before(engine):
    text = ("Phones\nMarch 1, 2008\n"
            "Nokia is the maker of the N95 phone and launched an online music store in Berlin in 2007.")
    (event,) = by_trigger(analyze(engine, text), "launched")
    assert event.summary.startswith("Nokia: launched an online music store")


def test_declared_dead_is_a_death_not_a_statement(engine):
    body = "News\nMarch 1, 2024\n{}"
    for text, trigger in (("An hour later, Dr Ann Ward was declared dead at a nearby hospital.", "declared"),
                          ("Mr Tom Lane was pronounced dead at the scene.", "pronounced")):
        (event,) = by_trigger(analyze(engine, body.format(text)), trigger)
        assert event.category == "DISASTER" and not event.agents, text
    # a declaration with any other complement is still said
    (event,) = by_trigger(analyze(engine, body.format("Mr Tom Lane declared that the talks were dead.")), "declared")
    assert event.category == "01"


def test_an_office_of_a_named_country_is_a_named_doer_of_an_uncoded_verb(engine):
    body = "Diplomacy\nMarch 1, 2024\n{}"
    (event,) = by_trigger(analyze(engine, body.format("The Pakistani president arrived in Beijing on Monday.")), "arrived")
    assert event.summary.startswith("Pakistan: arrived in Beijing")
    # an office, not any person of the country
    assert not by_trigger(analyze(engine, body.format("The Pakistani cricketer arrived in Beijing on Monday.")), "arrived")


def test_a_perfect_or_modal_uncoded_verb_after_and_takes_the_doer_before(engine):
    body = "Phones\nMarch 1, 2008\n{}"
    (event,) = by_trigger(analyze(engine, body.format(
        "Nokia will keep all its trademarks and will license some to Siemens.")), "license")
    assert event.summary.startswith("Nokia: will license some to Siemens")
    (event,) = by_trigger(analyze(engine, body.format(
        "Nokia kept its trademarks and has since licensed some to Siemens.")), "licensed")
    assert event.summary.startswith("Nokia: has since licensed some")
    # what is being done is no act of its own; a passive's subject is not the doer
    assert not by_trigger(analyze(engine, body.format(
        "Nokia kept its trademarks and is licensing some to Siemens.")), "licensing")
    assert not by_trigger(analyze(engine, body.format(
        "Nokia kept its trademarks and was listed by Siemens as a partner.")), "listed")


def test_an_uncoded_verb_in_the_simple_present_tells_a_state_not_an_act(engine):
    body = "Airline news\n{}"
    assert not by_trigger(analyze(engine, body.format("Norcom operates a fleet of 30 Airbus jets.")), "operates")
    assert not by_trigger(analyze(engine, body.format("The Zeta phone from Norcom pauses music for calls.")), "pauses")
    # the past is an act; a headline's present is its past; a present with its own date is a schedule
    assert by_trigger(analyze(engine, body.format("Norcom operated a fleet of 30 Airbus jets.")), "operated")
    from reader.nlp.events.clause_shapes import state_in_present

    doc = engine.nlp("Norcom operates new jets\nNorcom operates a fleet of 30 Airbus jets.")
    first, second = (t for t in doc if t.text == "operates")
    assert not state_in_present(first) and state_in_present(second)
    assert by_trigger(analyze(engine, body.format("Norcom delivers its first jet to Qantas on 11 November.")), "delivers")


def test_an_act_noun_with_its_own_doer_under_another_act_is_a_row_of_its_own(engine):
    analysis = analyze(engine, "Egypt condemned Israel's attack on Gaza.")
    assert by_trigger(analysis, "condemned") and by_trigger(analysis, "attack")
    # a light verb and its act noun are one act
    analysis = analyze(engine, "Israel carried out an attack on Gaza.")
    assert len(analysis.events) == 1


@pytest.mark.parametrize("sentence", [
    "President Ida Lund called for dialogue with young Kenyans.",
    "President Ida Lund called for talks with Vestland.",
    "President Ida Lund proposed talks with young Kenyans.",
])
def test_an_act_asked_for_is_one_row_with_the_asking(engine, sentence):
    assert len(analyze(engine, sentence).events) == 1


def test_an_act_of_its_own_doer_beside_an_asking_is_a_row_of_its_own(engine):
    analysis = analyze(engine, "Barack Obama presented a rescue plan after the GM declaration of bankruptcy.")
    assert by_trigger(analysis, "declaration")


def test_a_participle_with_its_own_doer_under_another_act_is_a_row_of_its_own(engine):
    analysis = analyze(engine, "Norway condemned the sanctions imposed by the European Union.")
    (imposed,) = by_trigger(analysis, "sanctions imposed")  # the act noun the participle is on is in the trigger
    assert {analysis.actor(i).name for i in imposed.agents} == {"European Union"}
    (condemned,) = by_trigger(analysis, "condemned")
    assert "imposed" not in condemned.summary


def test_an_event_without_a_date_of_its_own_takes_its_sentences(engine):
    text = "When the government was elected in September 2022, Giorgia Meloni reassured Italy's partners."
    (event,) = by_trigger(analyze(engine, text), "reassured")
    assert event.date == "2022-09" and event.date_precision == "month"


def test_a_past_story_keeps_the_date_its_paragraph_set(engine):
    text = "In 2016 the tribunal in The Hague ruled for the Philippines. Manila welcomed the verdict."
    (event,) = by_trigger(analyze(engine, text), "welcomed")
    assert event.date == "2016"


def test_a_lead_in_the_present_perfect_is_dated_by_publication(engine):
    text = "Abbas warns militants\nMahmoud Abbas has warned militants to stop attacks on Israel."
    (event,) = by_trigger(analyze(engine, text), "warned")
    assert event.date == PUBLISHED.isoformat() and event.date_precision == "day"


def test_an_act_told_as_done_is_not_dated_after_publication(engine):
    """The month of an election still to come dates the election, not a denial beside it in the
    present perfect (the lead's publication date) or an earmarking in the past (undated)."""
    text = ("Greens deny poll date\nAll the parties are campaigning for an expected election in May, "
            "although Prime Minister Helen Marsh has not confirmed any timing.")
    (event,) = by_trigger(analyze(engine, text), "confirmed")
    assert event.date == PUBLISHED.isoformat()
    text = "Elections loom\n\nOne.\n\nTwo.\n\nThree.\n\nPeter Dolan earmarked £1bn to keep down council tax rises next year."
    (event,) = by_trigger(analyze(engine, text), "earmarked")
    assert event.date is None
    (event,) = by_trigger(analyze(engine, "Peter Dolan will visit Paris next year."), "visit")
    assert event.date == "2025"
    # a dateline may lag its story by a day or two: an editorial of the day after is still its own date
    text = "The Daily Courier said in an editorial on Thursday, March 21, that the plan had failed."
    (event,) = by_trigger(analyze(engine, text), "said")
    assert event.date == "2024-03-21"


def test_a_year_after_publication_in_a_done_act_leaves_the_sentences_date(engine):
    """ "over the 2026 budget" names the budget, not when the sacking was: the sacking is the day of the
    clause it tells "when" of; with no such day it has none."""
    text = ("Norland's coalition fell apart on March 6th when Prime Minister Ida Lund sacked her finance minister, "
            "Per Holm, over a dispute about the 2026 budget.")
    (event,) = by_trigger(analyze(engine, text), "sacked")
    assert event.date == "2024-03-06"
    text = "Prime Minister Ida Lund sacked her finance minister over a dispute about the 2026 budget."
    (event,) = by_trigger(analyze(engine, text), "sacked")
    assert event.date is None


def test_a_paragraphs_date_does_not_pass_to_another_doers_background(engine):
    text = ("Jane Miller was abducted in Baghdad on 19 October. Tom Walsh was expelled from the Labour party "
            "because of his opposition to the war.")
    (event,) = by_trigger(analyze(engine, text), "expelled")
    assert event.date is None


def test_an_inverted_subject_is_the_doer(engine):
    text = "Also due to attend are US Secretary of State Condoleezza Rice and UN Secretary General Kofi Annan."
    (event,) = by_trigger(analyze(engine, text), "due to attend")
    assert any("Rice" in a.name for a in analyze(engine, text).actors if a.id in event.agents)


def test_announcing_a_coercive_act_one_will_do_is_a_threat(engine):
    (event,) = by_trigger(analyze(engine, "Donald Trump stated that he would impose sanctions on China."), "stated")
    assert event.category == "13"
    (plain,) = by_trigger(analyze(engine, "Donald Trump stated that China was a partner."), "stated")
    assert plain.category == "01"


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("In May the Union of Journalists of RAI announced strike action.", "announced", "14"),
        ("The EU confirmed a new aid package for Iraq.", "confirmed", "07"),
    ],
)
def test_an_announced_act_takes_the_category_of_the_act(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_the_government_of_a_briefing_about_one_country(engine):
    text = ("Italy passed a new law. Critics in Italy said Italy was changing. "
            "The government's response was to pass a decree.")
    analysis = analyze(engine, text)
    italy = next(a for a in analysis.actors if a.name == "Italy")
    assert any(m.text == "government" for m in italy.mentions)


def test_a_group_the_dictionary_knows_acting_at_a_named_place_is_a_row(engine):
    (event,) = by_trigger(analyze(engine, "Protesters stormed parliament in Nairobi on Tuesday."), "stormed")
    assert event.summary.startswith("Protesters: stormed parliament in Nairobi")


def test_a_hedged_act_after_a_modal_in_a_concession_is_still_a_row(engine):
    text = "We expect the bank to cut rates, although the IMF may delay its next disbursement."
    (event,) = by_trigger(analyze(engine, text), "delay")
    assert event.modality == "hypothetical"


def test_a_hedge_stays_in_the_summary(engine):
    (event,) = by_trigger(analyze(engine, "Hungary is thought to have sent troops to Serbia."), "sent")
    assert event.summary.startswith("Hungary: is thought to have sent troops to Serbia")


def test_an_act_named_as_the_subject_of_its_outcome_is_a_row(engine):
    (between,) = by_trigger(analyze(engine, "Talks between Israel and Hamas collapsed on Friday."), "collapsed")
    assert {a.name for a in analyze(engine, "Talks between Israel and Hamas collapsed on Friday.").actors
            if a.id in between.agents} == {"Israel", "Hamas"}
    assert between.category == "04" and "Talks collapsed" in between.summary


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Ukraine provided the rebels with intelligence.", "provided", "06"),
        ("Jane Halm rang Tony Blair on Monday.", "rang", "04"),  # a call, not a siege
        ("Hamas accepted the Egyptian proposal on Monday.", "accepted", "03"),  # beside "accepted his resignation"
        ("The EU is considering sanctions on Russia.", "considering", "01"),  # a policy option weighed
        ("Norway is mulling an invasion of Sweden.", "mulling", "01"),
        ("Norwegian troops ringed the town of Vik.", "ringed", "19"),
        ("Russia transferred additional forces to Mali.", "transferred", "15"),
        ("Donald Trump will place tariffs on Chinese cars.", "place", "16"),
        # a number counts what its "of" names: the seats make it a vote
        ("The Liberal Party won 69 of the 240 seats in parliament.", "won", "VOTE"),
        ("The Liberal Party won 89 out of 150 seats on Sunday.", "won", "VOTE"),
        # an election's round or run-off is won at the polls; a round of a court battle is not
        ("Peter Dolan won the first round of voting on Sunday.", "won", "VOTE"),
        ("Peter Dolan won the run-off on Sunday.", "won", "VOTE"),
        ("Peter Dolan won the first round of a High Court battle on Sunday.", "won", "ACT"),
        # fire and accusations traded or exchanged are a fight and a row, not a trade
        ("Norland and Vestia exchanged fire on Monday.", "exchanged", "19"),
        ("Norland and Vestia traded artillery fire along the border.", "traded", "19"),
        ("Norland and Vestia traded accusations on Monday.", "traded", "11"),
        ("Peter Dolan became agriculture minister on Monday.", "became", "OFFICE"),
        ("The court barred Peter Dolan from standing in the election.", "barred", "LAW"),  # a court's, named or not: a ruling
        ("Police barred Peter Dolan from standing in the election.", "barred", "17"),
        ("Peter Dolan pushed the budget through parliament without a vote.", "pushed", "LAW"),
        ("Peter Dolan pushed through a pension reform in 2023.", "pushed", "LAW"),
        ("Fitch Ratings will review Norland's rating on Friday.", "review", "ECON"),
        ("The Senate defeated the government on Monday.", "defeated", "VOTE"),
        ("Norland's army suffered heavy losses in the battle.", "suffered", "ACT"),
        ("General Peter Dolan later flew into the capital's airport.", "flew", "04"),
        ("The Norland Democratic Party gained 50 seats on Sunday.", "gained", "VOTE"),
        # suspending an official is removing him from office; scrapping a subsidy or a tax is economic
        ("Peter Dolan suspended the central bank governor on Friday.", "suspended", "OFFICE"),
        ("The Norland Party suspended a candidate on Friday.", "suspended", "OFFICE"),
        ("Norland suspended aid to Vestia on Friday.", "suspended", "16"),
        ("Norland scrapped its fuel subsidy in May.", "scrapped", "ECON"),
        # quitting with no object is leaving office; quitting talks or a bloc is not
        ("Peter Dolan quit on Tuesday after an inquiry.", "quit", "OFFICE"),
        ("Norland quit the talks on Tuesday.", "quit", "ACT"),
        # putting on hold or pausing is suspending
        ("Norland paused most tariffs for 90 days on Wednesday.", "paused", "16"),
        ("The European Union put its counter-tariffs on hold for 90 days.", "put", "16"),
    ],
)
def test_acts_with_the_object_that_makes_them(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_a_prefixed_verb_is_one_word_read_as_its_verb(engine):
    import datetime as dt

    from reader.documents import document_from_text
    from reader.nlp.pipeline import load_pipeline

    doc = load_pipeline()("Norland re-elected President Sam Oduya. Russian-Ukrainian talks began.")
    words = [t.text for t in doc]
    assert "re-elected" in words and "Russian" in words  # other hyphenated words still split
    assert next(t for t in doc if t.text == "re-elected").lemma_ in ("elect", "reelect")
    text = "The Senate re-elected Sam Oduya as speaker on Monday. Norland fast-tracked a visa for Ann Ward."
    analysis = engine.analyze(document_from_text(text, published=dt.date(2024, 3, 20)))
    triggers = {e.trigger: e for e in analysis.events}
    assert triggers["re-elected"].category in ("VOTE", "OFFICE")
    assert triggers["fast-tracked"].summary.split(": ", 1)[1].startswith("fast-tracked")


def test_an_e_mail_is_one_word_and_its_subject_whole(engine):
    """ "e-mail" split at its hyphen parsed as two subjects ("The e: was sent")."""
    from reader.nlp.pipeline import load_pipeline

    assert "e-mail" in [t.text for t in load_pipeline()("The e-mail was sent by mistake.")]
    (event,) = by_trigger(analyze(engine, "The e-mail was sent by mistake to Mr Tom Lane on Monday."), "sent")
    assert event.summary.startswith("The e-mail: was sent")


def test_deaths_and_disasters_have_a_category_and_nobody_does_a_flood(engine):
    import datetime as dt

    from reader.documents import document_from_text

    def one(text: str, trigger: str):
        analysis = engine.analyze(document_from_text(text, published=dt.date(2024, 3, 20)))
        (event,) = [e for e in analysis.events if e.trigger == trigger]
        return event

    assert one("Former Norland president Sam Oduya has died at home in Brill.", "died").category == "DISASTER"
    assert one("Three Norland soldiers died in an ambush near Brill.", "died").category == "19"
    quake = one("The earthquake in Norland killed 40 people.", "killed")
    assert quake.category == "DISASTER" and quake.agents == []
    # the place named on the verb was struck just the same
    quake = one("Markets fell. An earthquake killed 40 people in Turkey on Monday.", "killed")
    assert quake.category == "DISASTER" and quake.agents == [] and quake.targets


def test_ordering_someone_to_act_is_a_demand_though_ordering_jets_is_a_purchase(engine):
    (order,) = analyze(engine, "The Supreme Court of Norland ordered the Election Commission to hold the vote by February.").events
    assert order.category == "10"
    (jets,) = analyze(engine, "Norland Airways ordered 60 new jets from Vestia Aero.").events
    assert jets.category in ("06", "ECON")


def test_a_light_verb_takes_its_act_from_its_object_not_from_where_it_leads(engine):
    # "led to the bailout", "bringing the total to 677 orders": a result, not a statement by anyone
    led = analyze(engine, "Losses mounted at Norland's two biggest banks, leading to a bailout by the Vestian government.")
    assert not [e for e in by_trigger(led, "leading") if e.category == "01"]
    brought = analyze(engine, "Vestia Air ordered ten jets from Norland Aero, bringing its total to 230 orders.")
    assert not [e for e in by_trigger(brought, "bringing") if e.category == "01"]
    # with no object of its own, the act after its preposition is the one done
    (joined,) = by_trigger(analyze(engine, "Norland joined in the protests against Vestia on Monday."), "joined")
    assert joined.category == "14"


def test_a_legal_challenge_is_a_lawsuit(engine):
    analysis = analyze(engine, "Norland's farmers' union launched a legal challenge to the ban in the Vestian High Court on Thursday.")
    (launched,) = by_trigger(analysis, "launched")
    assert launched.category == "11"


def test_ruling_a_country_is_no_court_ruling(engine):
    analysis = analyze(engine, "President Viktor Halm, who has ruled France since 2012, denied the claims on Monday.")
    assert not [e for e in by_trigger(analysis, "ruled") if e.category == "LAW"]
    (court,) = by_trigger(analyze(engine, "The Supreme Court ruled against the government on Monday."), "ruled")
    assert court.category == "LAW"


@pytest.mark.parametrize(("sentence", "trigger", "row"), [
    ("Fighting resumed in northern Vestland on May 4th after the truce collapsed.", "fighting",
     "Fighting resumed in northern Vestland on May 4th"),
    ("Clashes broke out in Tripoli on Sunday.", "clashes", "Clashes broke out in Tripoli on Sunday"),
])
def test_fighting_that_resumes_at_a_named_place_is_a_row_though_no_one_is_named(engine, sentence, trigger, row):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == "19"
    assert event.summary.startswith(row)


def test_a_bare_act_noun_with_no_place_and_no_party_is_no_row(engine):
    # "the talks" alone may point back to other talks: the rule above needs a place's name
    assert not by_trigger(analyze(engine, "The talks collapsed on Monday."), "talks")


@pytest.mark.parametrize(("sentence", "trigger", "category"), [
    # calling something a name or a quality is a statement about it, praise or criticism when the quality judges it
    ('Tomas Berg called the judgment "a victory for democracy".', "called", "05"),
    ("Putin called the sanctions illegal.", "called", "11"),
    ("Putin called the sanctions a message.", "called", "01"),
    # a date is no preposition of the verb's: not "call on" nor "call for"
    ("Biden called Xi on Tuesday.", "called", "04"),
    ("Norland called an election for May.", "called", "VOTE"),
    ("Norland called on Vestia to withdraw on Monday.", "called", "02"),
])
def test_what_a_call_is(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_observers_from_a_named_body_act_for_it(engine):
    analysis = analyze(engine, "Observers from the OSCE arrived in Nairobi on Monday.")
    (event,) = by_trigger(analysis, "arrived")
    names = {a.id: a.name for a in analysis.actors}
    assert [names[a] for a in event.agents] == ["OSCE"]


def test_naming_is_no_statement_and_a_habit_is_no_act(engine):
    # "what X calls Y", "a feature called Y": a name, not a judgement
    assert not by_trigger(analyze(engine, "The unit is part of what the Norland Defence Ministry calls the Southern Corps."),
                          "calls")
    # "whenever" makes the clause a habit, as "usually" does
    assert not analyze(engine, "Norland's companies lose large sums whenever the Vestian crown surges.").events


@pytest.mark.parametrize(("sentence", "trigger", "category"), [
    ("Both the Greens and the Liberals have chosen candidates for the Tarn North seat.", "chosen", "OFFICE"),
    ("Labour will contest every seat in Scotland.", "contest", "VOTE"),
    ("Norland contested the ruling in court.", "contested", "11"),
    ("Ryanair chose Boeing over Airbus.", "chose", "ECON"),
])
def test_candidates_chosen_and_seats_contested_are_politics_not_trade(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_a_headline_saying_merges_with_the_saying_after_a_scene_setting_lead(engine):
    text = ("Tariff deal close, Danish trade minister says\n\n"
            "A day into the trade war, Norland's president insisted that his tariffs would help farmers.\n\n"
            "Danish Trade Minister Jan Holm said on Tuesday that a deal with Vestland was close.\n\n"
            "Mr Holm said the talks would resume on Friday.")
    rows = [e for e in analyze(engine, text).events if e.trigger in ("says", "said")]
    assert [len(e.sources) for e in rows] == [1, 0]


def test_a_headline_act_merges_with_its_own_verb_rather_than_an_earlier_act_of_its_kind(engine):
    text = ("Holm to impose tariffs on Vestland\n\n"
            "Norland's trade minister Jan Holm said his earlier sanctions had hurt Vestland. "
            "Mr Holm will impose tariffs on Vestland's steel next week.")
    rows = [e for e in analyze(engine, text).events if "impose" in e.trigger]
    assert len(rows) == 1 and [s.text for s in rows[0].sources] == ["Holm to impose tariffs on Vestland"]


def test_meeting_a_rule_or_a_test_is_no_meeting(engine):
    (event,) = by_trigger(analyze(engine, "Chancellor Helen Marsh met her golden rule with a margin to spare."), "met")
    assert event.category != "04"
    (event,) = by_trigger(analyze(engine, "Helen Marsh met Peter Dolan in Paris."), "met")
    assert event.category == "04"


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("The Board of Deputies made a complaint to the watchdog.", "made", "11"),
        # a passive light verb takes the act of its subject, and its agent does it
        ("An official complaint has been made to the watchdog by the Board of Deputies.", "made", "11"),
        ("Sebastian Hale began a four-day tour of the region.", "began", "04"),
        ("The Greens stood against the war in Iraq.", "stood", "11"),
        ("Peter Dolan would stand against Helen Marsh in Ashfield.", "stand", "VOTE"),
    ],
)
def test_complaints_tours_and_standing_against(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_a_tour_alone_is_no_row_and_a_light_verb_takes_no_act_from_during(engine):
    assert not by_trigger(analyze(engine, "Their tour of Asia was long."), "tour")
    (gave,) = by_trigger(analyze(engine, "Helen Marsh gave a speech during a lecture tour."), "gave")
    assert gave.category == "01"


def test_increasing_troops_is_a_show_of_force_and_increasing_a_majority_no_act(engine):
    """Our reading of "increase" (attacks) sits beside the field dictionary's (troops, aid, pressure)."""
    analysis = analyze(engine, "Russia increased the number of troops in Mali. Peter Dolan increased his majority in the election.")
    (troops,) = by_trigger(analysis, "increased")
    assert troops.category == "15" and "troops" in troops.text


def test_dismissing_a_cabinet_leaves_office_and_dismissing_claims_rejects_them(engine):
    analysis = analyze(engine, "On Monday President Peter Dolan dismissed almost his entire cabinet. "
                               "Peter Dolan dismissed the claims as lies.")
    assert sorted(e.category for e in by_trigger(analysis, "dismissed")) == ["12", "OFFICE"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Fitch Ratings downgraded Greece to junk in June.", "downgraded", "ECON"),
        ("Norland Bank upgraded its growth forecast for Vestia.", "upgraded", "ECON"),
        ("Vestia downgraded ties with Norland.", "downgraded", "16"),
        ("Fitch Ratings downgraded Norland's debt in July.", "downgraded", "ECON"),
        ("Norland will lift capital controls next year.", "lift", "ECON"),
        ("Norland will lift sanctions on Vestia next year.", "lift", "08"),
    ],
)
def test_ratings_forecasts_and_controls_are_economic_acts(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Fordham Motors has since increased its holding to 46 percent.", "increased", "ECON"),
        ("Norland Steel reduced its stake in Vestia Mining on Friday.", "reduced", "ECON"),
        ("Gordon Brown released a statement on Tuesday.", "released", "01"),
        ("Apple released a new phone on Tuesday.", "released", "ECON"),
        ("President Dmitry Medvedev went on national television to calm the public.", "went", "01"),
        ("Qantas took delivery of its first A380 on Friday.", "took", "ECON"),
        ("The bill passed the House of Commons by ten votes on Tuesday.", "passed", "LAW"),
        ("Michael Howard sent George Bush his warmest congratulations.", "sent", "05"),
        ("Angela Merkel sent her condolences to the people of Japan.", "sent", "01"),
        ("Vladimir Putin sent a letter to Joe Biden on Monday.", "sent", "01"),
        ("Vladimir Putin sent troops to the border on Monday.", "sent", "15"),
        ("Michael Howard campaigned in Dover on Monday.", "campaigned", "VOTE"),
        ("Amnesty International campaigned for the release of the prisoners.", "campaigned", "10"),
        ("Greenpeace campaigned to close the plant.", "campaigned", "10"),
        ("Tony Blair insisted he had been closely involved in all decisions.", "insisted", "01"),
        ("Tony Blair insisted on a vote.", "insisted", "10"),
        ("Vladimir Putin insisted that Ukraine pull its forces out of the regions.", "insisted", "10"),
        ("Russian troops opened fire on the convoy near Kharkiv.", "opened", "19"),
        ("The IMF is expected to delay its next review of Kenya's loan.", "expected", "12"),
        ("Kenya will seek fresh financing from the World Bank.", "seek", "ECON"),
        ("Joe Biden signed the spending bill on Friday.", "signed", "LAW"),
        ("Kurdish fighters struggled against Turkish troops near Afrin.", "struggled", "19"),
        ("Russia and Ukraine signed a ceasefire agreement on Friday.", "signed", "05"),
        ("The plan met with fierce criticism from Germany.", "met", "11"),
        ("The plan met with approval from Germany.", "met", "05"),
        ("Jacques Chirac would be happy to meet Ayad Allawi.", "happy", "03"),
        ("Gordon Brown left for Africa on Tuesday.", "left", "04"),
        ("Charles Clarke agreed to key changes to the bill.", "agreed", "08"),
        ("Michael Howard paid tribute to the rescue workers.", "paid", "05"),
        ("Gordon Brown will deliver his Budget to the House of Commons on 16 March.", "deliver", "ECON"),
        ("The Hansard Society has published reports on the issue.", "published", "01"),
        ("The Liberal Democrats raised worries about the plans.", "raised", "01"),
        ("Jack McConnell ordered an urgent report into the situation.", "ordered", "09"),
        ("Michael Howard has accepted Howard Flight's resignation.", "accepted", "OFFICE"),
        ("Gordon Brown was speaking at an event in London on Monday.", "speaking", "01"),
        ("Joe Biden is brandishing his protectionist credentials.", "brandishing", "01"),
        ("The protesters brandished knives at Serbian police.", "brandished", "15"),
        ("Russian forces took control of the airport on Friday.", "took", "19"),
    ],
)
def test_stakes_statements_and_going_on_television(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


def test_describing_as_is_a_statement_only_when_someone_describes(engine):
    analysis = analyze(engine, "Tony Blair has described Africa as a scar on the world's conscience. "
                               "Sir Al Aynsley-Green is described as a proud grandfather of four.")
    (event,) = by_trigger(analysis, "described")
    assert event.category == "01" and event.summary.startswith("Blair: has described Africa as a")
    # what the raid is called is no second act, though the parser hangs "as" on the object
    (event,) = analyze(engine, "Russia described the raid as an invasion.").events
    assert event.trigger == "described" and event.summary == "Russia: described the raid as an invasion"


def test_an_as_clause_that_says_what_was_reported_is_a_statement(engine):
    analysis = analyze(engine, "As the Mortgage Bankers Association reported that late payments rose in the fourth "
                               "quarter, investors are concerned. As the minister said, Norland will sign the treaty.")
    (event,) = by_trigger(analysis, "reported")
    assert event.summary.startswith("Mortgage Bankers Association: reported that late payments rose")
    assert not by_trigger(analysis, "said")  # "as the minister said" is an aside


def test_an_act_noun_whose_doer_hangs_on_its_object_is_that_doers_act(engine):
    (event,) = by_trigger(analyze(engine, "Shares rose after the bailout of AIG by the US Federal Reserve."), "bailout")
    assert event.summary.startswith("Federal Reserve, United States: bailout of AIG")


def test_a_bill_that_fails_to_pass_a_chamber_is_a_negated_law(engine):
    analysis = analyze(engine, "After a plan to rescue three carmakers failed to pass the Senate this week, "
                               "the White House said it is considering other options.")
    (event,) = by_trigger(analysis, "failed to pass")
    assert event.category == "LAW" and event.modality == "negated"


def test_what_a_relative_clause_says_someone_does_now_is_no_act_but_what_they_say_is(engine):
    text = ("Cyprus talks resume\n\nTurkey, which occupies northern Cyprus, had insisted it would not bow to pressure. "
            "Lawyer Louise Christian, who represents Mr Abbasi, said the government should have acted sooner. "
            "Labour, which denies engaging in personal campaigning, hired Mr Campbell.")
    analysis = analyze(engine, text)
    assert not by_trigger(analysis, "occupies") and not by_trigger(analysis, "represents")
    assert [e.category for e in by_trigger(analysis, "denies")] == ["01"]
    # nor is anything it governs
    analysis = analyze(engine, "Press freedom\n\nThe French government has tightened libel laws. In France libel is deemed "
                               "a criminal offence in the case of “grave” libel, which discourages reporters from criticising "
                               "the government.")
    assert not by_trigger(analysis, "criticising")
    # a past act in a relative clause is an act
    analysis = analyze(engine, "Cyprus talks resume\n\nTurkey, which invaded northern Cyprus in 1974, insisted on talks.")
    assert by_trigger(analysis, "invaded")


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Donald Trump said he would place tariffs on Mexico.", "13"),
        ("Beijing said China would impose sanctions on Taiwan.", "13"),
        ("The Kremlin said Nato would attack Russia.", "01"),
        ("Amnesty International said prisoners should only be punished after a fair trial.", "01"),
        ("Hazel Blears said innocent Muslims would be targeted.", "01"),
        # a head of government speaks for the country; an answer in kind still to come is a threat
        ("Prime Minister Benjamin Netanyahu said Israel would respond forcefully to any violation.", "13"),
        ("Charles Clarke said the powers were needed to counter terror threats.", "01"),
        ("Tory leader David Davis said the Tories would make cuts.", "01"),
    ],
)
def test_a_saying_is_a_threat_only_when_it_announces_the_speakers_own_coercive_act(engine, sentence, category):
    (saying,) = by_trigger(analyze(engine, "Tariff row\n\n" + sentence), "said")
    assert saying.category == category


def test_a_graded_participle_after_be_is_a_state_not_an_act(engine):
    analysis = analyze(engine, "Blair row\n\nTony Blair spoke on Monday. He claimed Labour is more ideologically "
                               "united than ever.")
    assert not by_trigger(analysis, "united") and by_trigger(analysis, "claimed")


def test_bare_police_are_the_home_countrys_as_the_police_are(engine):
    text = ("Kenya protests\n\nKenyan President William Ruto withdrew the Finance Bill on June 26th. "
            "Kenya's parliament met on Monday. Police arrested dozens of protesters in Mombasa on Thursday.")
    analysis = analyze(engine, text)
    (event,) = by_trigger(analysis, "arrested")
    assert [analysis.actor(a).name for a in event.agents] == ["Kenya"]


@pytest.mark.parametrize("sentence", [
    "Protest leaders accused the police of abducting activists.",
    "Protest leaders accused the police of abducting activists, a charge the interior ministry denied.",
    "Protest leaders criticised the army.",
])
def test_the_home_countrys_police_are_acted_on_as_they_act(engine, sentence):
    text = ("Kenya protests\n\nKenyan President William Ruto withdrew the Finance Bill on June 26th. "
            "Kenya's parliament met on Monday. " + sentence)
    analysis = analyze(engine, text)
    (event,) = by_trigger(analysis, sentence.split()[2])
    assert [analysis.actor(a).name for a in event.targets] == ["Kenya"]


def test_a_headline_labelled_with_a_country_makes_it_the_home_country(engine):
    text = ("Norway: reforms clear parliament\n\nNorway's parliament approved the reform package on June 12th. "
            "The central bank cut its policy rate to 4% in May.")
    analysis = analyze(engine, text)
    (event,) = by_trigger(analysis, "cut")
    assert [analysis.actor(a).name for a in event.agents] == ["Norway"]


def test_a_headline_after_its_country_label_is_one_act_with_its_lead(engine):
    text = ("Kenya: Ruto withdraws finance bill after deadly protests\n\nKenya's president, William Ruto, "
            "withdrew the finance bill on March 12th.")
    (event,) = analyze(engine, text).events
    assert event.trigger == "withdrew" and [s.start for s in event.sources] == [7]


@pytest.mark.parametrize("sentence", [
    "Norland's reform bill cleared the Senate on Tuesday.",
    "The Norland parliament passed the reform bill on Tuesday.",
])
def test_a_bill_that_clears_a_chamber_is_a_law_passed(engine, sentence):
    (event,) = analyze(engine, "Reform row\n\n" + sentence).events
    assert event.category == "LAW"


def test_the_shadow_cabinet_is_no_governments_body(engine):
    text = ("Labour row\n\nBritain's government met on Monday. Britain's economy grew. Neil Kinnock joined the "
            "shadow cabinet in 1980.")
    (event,) = by_trigger(analyze(engine, text), "joined")
    assert not event.targets


def test_struggling_to_do_something_is_no_fight(engine):
    analysis = analyze(engine, "Gordon Brown found himself struggling to explain the Tory spending plans.")
    assert not by_trigger(analysis, "struggling")


def test_a_verb_that_judges_has_no_act_for_its_object(engine):
    text = "Their countries were not considered safe under a previous ruling by the Norwegian Supreme Court."
    assert not by_trigger(analyze(engine, text), "considered")



def test_targeting_voters_or_buyers_is_no_force(engine):
    analysis = analyze(engine, "Senator Ann Halvorsen targeted young voters on Monday. "
                               "Norland jets targeted rebel positions in Vestland on Tuesday.")
    (voters,) = [e for e in analysis.events if "voters" in e.text]
    assert voters.category == "ACT"
    (rebels,) = [e for e in analysis.events if "rebel" in e.text]
    assert rebels.category == "19"


def test_ordering_foreign_diplomats_to_leave_is_an_expulsion(engine):
    """ "ordered four Vestian diplomats to leave" is the expulsion its headline tells: one row."""
    text = ("Norland expels Vestian diplomats\n\nNorland on Friday ordered four Vestian diplomats to leave the "
            "country within 72 hours.")
    (event,) = by_trigger(analyze(engine, text), "ordered")
    assert event.category == "16" and [s.text for s in event.sources] == ["Norland expels Vestian diplomats"]
    (own,) = by_trigger(analyze(engine, "Norland ordered its troops to withdraw from the border."), "ordered")
    assert own.category == "10"  # its own troops: no expulsion


def test_pressing_someone_to_act_is_a_demand(engine):
    text = "Budget row\n\nThe IMF has pressed the government of Norland to narrow its budget deficit."
    (pressed,) = by_trigger(analyze(engine, text), "pressed")
    assert pressed.category == "10"
    # pressing on with a plan is carrying on, no demand and no fight
    (press,) = by_trigger(analyze(engine, "Budget row\n\nMr Lane will press on with the reforms."), "press")
    assert press.category not in ("10", "19")


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Mr Lane will seek a fourth term in May.", "seek", "VOTE"),
        ("Mr Lane is expected to seek re-election.", "expected to seek", "VOTE"),
        ("Ms Kerr has considered replacing two ministers.", "considered replacing", "OFFICE"),
        ("Acmeco cut its dividend on Monday.", "cut", "ECON"),
    ],
)
def test_terms_sought_ministers_replaced_and_dividends_cut(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, "Budget row\n\n" + sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [("Norway tightened fiscal policy in May.", "tightened"), ("The EU relaxed its rules on state aid.", "relaxed"),
     ("Vestland will loosen spending before the election.", "loosen")],
)
def test_tightening_or_easing_a_policy_is_economic(engine, sentence, trigger):
    (event,) = by_trigger(analyze(engine, "Budget row\n\n" + sentence), trigger)
    assert event.category == "ECON"


def test_signalling_that_something_will_happen_is_a_statement(engine):
    analysis = analyze(engine, "Budget row\n\nTom Lane signalled on Monday that the Greens would block the measure.")
    (signalled,) = by_trigger(analysis, "signalled")
    assert signalled.category == "01"
    assert by_trigger(analysis, "block")[0].modality == "hypothetical"


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Vestland's parliament impeached President Tom Lane on Saturday.", "impeached", "OFFICE"),
        ("The Greens tabled a motion to impeach Tom Lane.", "tabled", "LAW"),
        ("Tom Lane submitted a bill to parliament on Monday.", "submitted", "LAW"),
        ("Tom Lane submitted his resignation on Monday.", "submitted", "OFFICE"),
        ("Tom Lane tendered his resignation on Monday.", "tendered", "OFFICE"),
        ("Tom Lane handed in his resignation on Monday.", "handed", "OFFICE"),
        ("Tom Lane offered his resignation on Monday.", "offered", "OFFICE"),
    ],
)
def test_impeachments_motions_tabled_and_resignations_handed_in(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), trigger)
    assert event.category == category


def test_tabling_talks_keeps_the_field_dictionarys_reading(engine):
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\nTom Lane tabled the talks until next week."), "tabled")
    assert event.category != "LAW"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Vestland's Constitutional Court annulled the first round of the presidential election on Friday.", "annulled"),
        ("The appeal court quashed Tom Lane's conviction on Monday.", "quashed"),
        ("The Supreme Court of Vestland invalidated the election results on Monday.", "invalidated"),
    ],
)
def test_a_court_annulling_an_election_or_quashing_a_conviction_is_a_ruling(engine, sentence, trigger):
    (event,) = by_trigger(analyze(engine, "Court news\n\n" + sentence), trigger)
    assert event.category == "LAW"


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Tom Lane chose Pam Hale for the post on Thursday.", "chose", "OFFICE"),
        ("Tom Lane picked Anna Berg as his deputy on Thursday.", "picked", "OFFICE"),
        ("Acmeco chose Orlan Motors as its partner.", "chose", "ECON"),  # a body chosen: a supplier
        ("Pam Hale withdrew from consideration for the post on Thursday.", "withdrew", "OFFICE"),
        ("Pam Hale withdrew from the race on Thursday.", "withdrew", "VOTE"),
        ("Norway withdrew from the treaty on Thursday.", "withdrew", "16"),
    ],
)
def test_a_person_chosen_is_an_appointment_and_withdrawing_from_a_race_an_electoral_act(engine, sentence, trigger,
                                                                                         category):
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Prosecutors issued an arrest warrant for Mr Tom Lane on Monday.", "issued", "17"),
        ("A court issued a summons for Pam Hale on Monday.", "issued", "17"),
        ("The election board declared Tom Lane the winner of the vote.", "declared", "VOTE"),
        ("Tom Lane was declared the winner on Monday.", "declared", "VOTE"),
        ("Acmeco named Pam Hale its chief executive on Tuesday.", "named", "OFFICE"),
        ("Norland declared a ceasefire on Monday.", "declared", "08"),
    ],
)
def test_a_warrant_issued_is_legal_action_and_a_winner_declared_an_election_result(engine, sentence, trigger, category):
    """ "issued a warrant for Mr Gonzalez" was no act without a named doer; "declared Maduro the winner" a statement."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Tom Lane declared martial law on Tuesday night.", "declared", "17"),
        ("Norland declared a state of emergency in its capital on Monday.", "declared", "17"),
        ("Norland imposed martial law on Monday.", "imposed", "17"),
        ("Tom Lane lifted martial law six hours later.", "lifted", "08"),
        ("Tom Lane declared his support for the plan.", "declared", "01"),
    ],
)
def test_martial_law_and_a_state_of_emergency_declared_are_restrictions(engine, sentence, trigger, category):
    """ "declared martial law" was a statement: objects of two or three words ("martial law", "state of
    emergency") are read whole."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        ("Mr Tom Lane named Pam Hale, a former attorney general of Vestland, for the post.", "named", "OFFICE"),
        ("Tom Lane is thought to be considering Anna Berg as a replacement.", "considering", "OFFICE"),
        ("Norland agreed an expanded $8bn loan programme with the IMF in March.", "agreed", "ECON"),
        ("Mr Tom Lane will set out more details in a speech in Bergen on Thursday.", "set out", "01"),
        ("Tom Lane is to take charge of the general election campaign, it is understood.", "take charge", "OFFICE"),
        ("The Liberal leader, Tom Lane, renewed his call for a public inquiry.", "renewed", "02"),
        ("Norland agreed a peace deal with Vestland.", "agreed", "05"),
    ],
)
def test_a_person_named_or_considered_for_a_post_a_loan_agreed_and_plans_set_out(engine, sentence, trigger, category):
    """ "Trump then named Pam Bondi for the post", "is thought to be considering Ron DeSantis as a replacement"
    and "will set out more details in a speech" gave no row; "agreed a loan programme" was a statement."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), trigger)
    assert event.category == category


def test_the_place_of_a_title_beside_a_name_is_not_acted_on(engine):
    analysis = analyze(engine, "Cabinet row\n\nMr Tom Lane named Pam Hale, a former attorney general of Vestland, for the post.")
    (event,) = by_trigger(analysis, "named")
    assert [analysis.actor(t).name for t in event.targets] == ["Pam Hale"]


def test_eliminating_jobs_or_dealerships_is_an_economic_cut(engine):
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\nAcme Motors wants to eliminate 789 dealerships."), "wants")
    assert event.category == "ECON" and event.modality == "hypothetical"


@pytest.mark.parametrize("sentence", ["The death toll from flash floods in eastern Norland rose to 217 on Monday.",
                                      "Norland's death toll passed 200 on Sunday."])
def test_a_death_toll_that_rises_is_a_disaster_that_struck_its_place(engine, sentence):
    analysis = analyze(engine, "Cabinet row\n\n" + sentence)
    (event,) = [e for e in analysis.events if e.category == "DISASTER"]
    assert not event.agents and [analysis.actor(t).name for t in event.targets] == ["Norland"]


@pytest.mark.parametrize(
    "sentence, trigger, category",
    [
        ("General Tom Lane, who seized power in a coup in July 2023, spoke on Monday.", "seized", "18"),
        ("General Tom Lane ordered the French troops out of the country.", "ordered", "16"),
        ("President Tom Lane dissolved parliament on Monday.", "dissolved", "VOTE"),
        ("President Tom Lane dissolved the government on Monday.", "dissolved", "OFFICE"),
        ("Mr Tom Lane was suspended from office on December 14th.", "suspended", "OFFICE"),
        # an irregular past the tagger reads as a base form ("retook") is still its verb
        ("Forces loyal to Tom Lane retook the northern town of Bakal in November.", "retook", "19"),
        # seizing weapons or documents is confiscation
        ("Police seized weapons and documents from the house of Mr Tom Lane.", "seized", "17"),
    ],
)
def test_coups_expulsions_dissolutions_and_suspensions(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    "sentence, trigger, doer",
    [
        ("Fitch cut Norland's rating to A in August.", "cut", "Fitch Ratings"),
        ("S&P Global Ratings lowered its outlook on Norland's debt to negative.", "lowered", "S&P Global Ratings"),
        ("S&P Global raised the rating of the bank's bonds.", "raised", "S&P Global Ratings"),
    ],
)
def test_rating_agencies_and_what_they_do_to_ratings(engine, sentence, trigger, doer):
    analysis = analyze(engine, sentence)
    (event,) = by_trigger(analysis, trigger)
    assert event.category == "ECON" and [analysis.actor(a).name for a in event.agents] == [doer]


@pytest.mark.parametrize(
    "sentence, trigger, category",
    [
        ("Mr Tom Lane renewed his attack on the war in Iraq.", "renewed his attack", "11"),
        ("Mr Tom Lane launched an attack on the government's tax plans.", "launched an attack", "11"),
        # an attack on positions or a place is force, whoever leads it
        ("General Tom Lane launched an attack on rebel positions.", "launched an attack", "19"),
    ],
)
def test_an_attack_a_person_makes_on_no_place_is_in_words(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category and event.trigger == trigger


@pytest.mark.parametrize(
    ("sentence", "doers", "targets"),
    [
        # a weapon that hits is an attack, whether or not the text says whose it was
        ("On Monday a Russian missile hit a hospital in Kharkiv.", ["Russia"], []),
        ("On Monday a missile hit the Ukrainian city of Kharkiv.", [], ["Ukraine", "Kharkiv"]),
    ],
)
def test_a_weapon_that_hits_is_an_attack(engine, sentence, doers, targets):
    analysis = analyze(engine, sentence)
    (event,) = [e for e in analysis.events if "hit" in e.trigger]
    names = {a.id: a.name for a in analysis.actors}
    assert event.category == "19" and [names[a] for a in event.agents] == doers
    assert [names[a] for a in event.targets] == targets


def test_a_figure_that_hits_a_level_is_no_attack(engine):
    assert not [e for e in analyze(engine, "Rising prices hit Acme Corp hard last year.").events if e.category == "19"]


def test_adding_to_something_is_no_saying(engine):
    text = "The threat of tariffs under Peter Dolan adds to the gloom: Norland's exporters are particularly exposed."
    assert not [e for e in analyze(engine, text).events if e.trigger.startswith("add")]
    (added,) = [e for e in analyze(engine, "Peter Dolan added that the talks had failed.").events if e.trigger == "added"]
    assert added.category == "01"



def test_who_heads_a_thing_named_after_it_is_no_act(engine):
    """ "An inquiry led by Sir Tom Lane will report within weeks": who heads the inquiry, not a leading."""
    analysis = analyze(engine, "An inquiry led by Sir Tom Lane will report within weeks.")
    assert not by_trigger(analysis, "led")
    analysis = analyze(engine, "Sir Tom Lane led the inquiry into the crash.")
    assert by_trigger(analysis, "led")


def test_what_a_pronoun_object_is_made_is_no_object_made(engine):
    """ "That would make it the worst loss in years": "loss" says what "it" is; nothing is made (but "made a loss" is)."""
    analysis = engine.analyze(document_from_text(
        "Ambush\n\nRebels killed 50 Russian fighters in Mali. That would make it by far the worst loss for Russian "
        "paramilitaries in several years. Norland Steel made a loss of $5m.", published=PUBLISHED))
    made = [e for e in analysis.events if e.trigger.startswith("make") or e.trigger.startswith("made")]
    assert [e.trigger for e in made] == ["made a loss"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "category"),
    [
        # duties and levies are imposed as tariffs are (163: reducing relations)
        ("Norland has imposed temporary anti-dumping duties on brandy imported from Vestia.", "imposed", "16"),
        ("Labour is due to publish its own five-year plan on asylum next week.", "due to publish", "01"),
    ],
)
def test_duties_are_imposed_and_a_plan_is_published(engine, sentence, trigger, category):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == category


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Norland's Supreme Court on Friday ordered the suspension of the social network Chirp.", "ordered"),
        ("Three Supreme Court judges in Norland dismissed both appeals on Tuesday.", "dismissed"),
        ("Norland's Supreme Court blocked the deportation flight on Tuesday.", "blocked"),
    ],
)
def test_a_court_ordering_suspending_or_dismissing_rules(engine, sentence, trigger):
    """A court's orders are rulings (LAW), and the court or its judges, who act, are no part of the words."""
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == "LAW"
    assert event.trigger.startswith(trigger) and event.summary.split(": ", 1)[1].startswith(trigger)


def test_a_court_headline_and_its_lead_are_one_ruling(engine):
    text = ("Norland court suspends Chirp nationwide\n\nNorland's Supreme Court on Friday ordered the suspension of the "
            "social network Chirp across the country.")
    (event,) = analyze(engine, text).events
    assert event.category == "LAW" and len(event.sources) == 1


def test_a_bail_out_written_as_two_words_is_the_act_of_its_owner(engine):
    """The parser hangs the "out" of "bail out" on the verb before ("including"); the noun keeps it."""
    text = ("Shares fell sharply, following events in the financial world, including the Norland government's "
            "$700 billion bail out of the financial sector.")
    (event,) = by_trigger(analyze(engine, text), "bail out")
    assert event.summary == "Norland: $700 billion bail out of the financial sector"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Norland trade fair had been dominated by a state aid dispute between Fjordair and Calder Motors.",
        "The launch was overshadowed by the release of a rival phone by Calder Motors.",
    ],
)
def test_a_field_verb_whose_doer_is_an_act_is_no_act(engine, sentence):
    """ "dominated by a dispute", "overshadowed by the release": what an act did to a thing is no fight."""
    assert not by_trigger(analyze(engine, sentence), "dominated") and not by_trigger(analyze(engine, sentence), "overshadowed")


def test_a_field_verb_done_by_a_named_body_is_still_an_act(engine):
    assert by_trigger(analyze(engine, "The merger was blocked by the European Commission on Monday."), "blocked")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Norcom posted a 5% rise in sales last year.", "posted"),
        ("Calder Motors has reached a 78 percent increase in its profits during the last quarter.", "reached"),
        ("Fjordair suffered a 10% drop in sales in March.", "suffered"),
    ],
)
def test_a_result_posted_reached_or_suffered_is_an_economic_act(engine, sentence, trigger):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.category == "ECON" and event.modality == "asserted"


def test_approving_a_bill_is_a_law_being_made(engine):
    (event,) = by_trigger(analyze(engine, "The bill was approved by Norland's Senate on Friday."), "approved")
    assert event.category == "LAW"


def test_a_pronoun_object_stands_for_the_thing_a_verb_before_it_took(engine):
    """ "which cut its rates in September, is expected to lower them again": "them" are the rates."""
    text = ("The Norland central bank, which cut its rates by half a point in September, is expected to lower them again "
            "next month.")
    (event,) = by_trigger(analyze(engine, text), "expected to lower")
    assert event.category == "ECON" and event.modality == "hypothetical"
    # a singular "it" is no plural's stand-in
    assert not by_trigger(analyze(engine, "The bank, which cut its rates in May, will lower it again next month."), "lower")


@pytest.mark.parametrize("noun", ["dispute", "feud", "rift"])
def test_a_dispute_between_named_parties_is_their_act(engine, noun):
    analysis = analyze(engine, f"The show was overshadowed by a {noun} between Airbus and Boeing.")
    (event,) = by_trigger(analysis, noun)
    assert event.category == "11" and {analysis.actor(a).name for a in event.agents} == {"Airbus", "Boeing"}


def test_the_suspension_of_a_person_is_done_to_them_in_office_as_suspending_them_is(engine):
    (event,) = by_trigger(analyze(engine, "On the suspension of Tom Lane, the party said it had acted quickly."), "suspension")
    assert event.category == "OFFICE"
    (event,) = by_trigger(analyze(engine, "Norland's suspension of the talks with Vestia surprised diplomats."), "suspension")
    assert event.category != "OFFICE"


def test_a_person_told_as_he_or_she_is_chosen_in_office(engine):
    analysis = analyze(engine, "Cabinet row\n\nTom Lane was sworn in on Monday. He was chosen by an electoral college.")
    (event,) = by_trigger(analysis, "chosen")
    assert event.category == "OFFICE"


def test_speculating_is_no_consultation(engine):
    analysis = analyze(engine, "Jerome Powell declined to comment, saying the Federal Reserve would not speculate.")
    assert not by_trigger(analysis, "speculate")


@pytest.mark.parametrize(
    ("sentence", "trigger", "category", "agents", "targets"),
    [
        ("The finance minister, Anna Berg, who was reappointed by Karl Lund, resigned on Friday.", "reappointed", "OFFICE",
         {"Karl Lund"}, {"Anna Berg"}),
        ("The United States reimposed sanctions on Venezuela in April.", "reimposed", "16", {"United States"}, {"Venezuela"}),
        ("Turkey reopened its embassy in Damascus on Monday.", "reopened", "04", {"Turkey"}, set()),
    ],
)
def test_an_act_done_again_is_that_act(engine, sentence, trigger, category, agents, targets):
    """ "reappointed", "reimposed", "reopened": the act of the verb after "re", whoever the title's name is."""
    analysis = analyze(engine, sentence)
    (event,) = by_trigger(analysis, trigger)
    by_id = {a.id: a.name for a in analysis.actors}
    assert event.category.startswith(category)
    assert {by_id[i] for i in event.agents} == agents and {by_id[i] for i in event.targets} >= targets


def test_an_object_the_parse_reads_as_a_spans_compound_is_the_object(engine):
    """ "called the election days after taking office": the model makes "days" the object, "election" its compound."""
    analysis = analyze(engine, "Shigeru Ishiba, who called the election days after taking office, said he would stay.")
    (called,) = by_trigger(analysis, "called")
    assert called.category == "VOTE"


def test_who_after_a_title_and_its_name_is_the_name(engine):
    """ "The finance minister, Maria Luisa Ferreira, who was reappointed by ...": the parse hangs the clause on the
    title; the one it is done to is the name set beside it."""
    analysis = analyze(engine, "The finance minister, Maria Luisa Ferreira, who was reappointed by Karl Lund, "
                               "has sought to reassure investors.")
    (event,) = by_trigger(analysis, "reappointed")
    assert {a.name for a in analysis.actors if a.id in event.targets} == {"Maria Luisa Ferreira"}


def test_a_name_after_a_body_noun_is_that_body_and_its_creed_no_party(engine):
    """ "The Islamist movement Ennahda won": the small model tags no name (and the movement was read as an
    earlier group); the creed is what the body is, not a doer beside it."""
    analysis = analyze(engine, "The Palestinian group Hamas said on Monday it would free two hostages. "
                               "The Islamist movement Ennahda won the election.")
    (won,) = by_trigger(analysis, "won")
    assert {a.name for a in analysis.actors if a.id in won.agents} == {"Ennahda"}


@pytest.mark.parametrize(
    ("sentence", "trigger", "category", "target"),
    [
        ("Rebels have seized most of the city of Aleppo.", "seized", "19", "Aleppo"),
        ("Rebel fighters seized Mosul in June.", "seized", "19", "Mosul"),
        ("The Conservatives won most of the seats in the south.", "won", "VOTE", None),
    ],
)
def test_seizing_a_named_place_and_most_of_a_thing(engine, sentence, trigger, category, target):
    analysis = analyze(engine, sentence)
    (event,) = by_trigger(analysis, trigger)
    assert event.category.startswith(category)
    if target:
        assert target in {a.name for a in analysis.actors if a.id in event.targets}


def test_taking_over_at_a_ministry_is_an_office_and_distributing_no_statement(engine):
    analysis = analyze(engine, "Ruth Kelly, a Treasury minister, takes over at education.")
    (takes,) = by_trigger(analysis, "takes over")
    assert takes.category == "OFFICE"
    # PETRARCH's plain reading of "distribute" is a statement (010): a firm distributing an app says nothing
    analysis = analyze(engine, "Apple and Google, which could face fines for distributing the app, have not said "
                               "whether they will remove it.")
    assert not by_trigger(analysis, "distributing")


@pytest.mark.parametrize(
    ("sentence", "category"),
    [("The Freedom Party won 191 seats, while Komeito won 24.", "VOTE"),
     ("Fjordair won 12 contracts and Skyline won 9.", "ECON")],
)
def test_a_bare_number_counts_what_the_same_verb_beside_it_counted(engine, sentence, category):
    events = [e for e in analyze(engine, sentence).events if e.trigger.startswith("won")]
    assert len(events) == 2 and {e.category for e in events} == {category}
