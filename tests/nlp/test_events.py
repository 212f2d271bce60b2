"""Events on hand-made sentences: category lookup, clause splitting, modality, attribution, order."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.model import Event
from reader.nlp.events import load_lexicon, sort_events

PUBLISHED = dt.date(2024, 3, 20)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def names(analysis, ids: list[str]) -> set[str]:
    return {analysis.actor(i).name for i in ids}


def by_trigger(analysis, trigger: str) -> list[Event]:
    return [e for e in analysis.events if any(w.startswith(trigger) for w in e.trigger.lower().split())]


def only(analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if any(w.startswith(trigger) for w in e.trigger.lower().split())]
    assert len(found) == 1, [e.summary for e in analysis.events]
    return found[0]


# -- category lookup -------------------------------------------------------------------------


def test_lexicon_is_loaded_once_and_has_all_root_labels():
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert [lex.label(f"{n:02d}") != "" for n in range(1, 21)] == [True] * 20
    assert lex.label("04") == "Consult"


@pytest.mark.parametrize(
    ("sentence", "word", "category"),
    [
        ("The rebels took the town overnight.", "took", "19"),
        ("The rebels took advantage of the confusion.", "took", None),
        ("The delegation walked away from the deal.", "walked", "12"),
        ("The delegation walked to the hotel.", "walked", None),
        ("The two leaders held a phone call.", "call", "04"),
        ("The two leaders held talks.", "held", "04"),
        ("The government refused to extend the deadline.", "refused", "12"),
        ("The ministry decided to suspend the grain exports.", "suspend", "16"),
        ("The army invaded the northern province.", "invaded", "19"),
        ("The council condemned the shelling.", "condemned", "11"),
        ("The party would introduce a grant for first-time buyers.", "introduce", "ECON"),
        ("The government introduced a bill to ban smoking.", "introduced", "LAW"),
        ("The Treasury will meet its spending commitments.", "meet", None),
        ("The senator hails from the same state.", "hails", None),
        ("The chancellor unveiled a rise in child tax credit.", "unveiled", "ECON"),
        ("The presenter revealed that the minister had been popular.", "revealed", "01"),
        ("The minister hinted that the tax would rise.", "hinted", "01"),
        ("The minister conceded that the plan had failed.", "conceded", "01"),
        ("The opposition warned of rising obesity levels.", "warned", "01"),
        ("Moscow warned Kyiv against joining the alliance.", "warned", "13"),
        ("The opposition attacked the government's U-turns.", "attacked", "11"),
        ("The opposition leader questioned the prime minister's judgment.", "questioned", "11"),
        ("A Labour government would tax the rich more.", "tax", "ECON"),
        ("The treasury levied a charge on imports.", "levied", "ECON"),
        ("The senator hailed the agreement.", "hailed", "05"),
    ],
)
def test_category_lookup_respects_conditions(engine, sentence, word, category):
    doc = engine.nlp(sentence)
    token = next(t for t in doc if t.text == word)
    match = load_lexicon().match(token)
    assert (match.entry.category if match else None) == category


def test_deferring_head_takes_its_complements_category(engine):
    analysis = analyze(engine, "Germany announced a decision to suspend military aid to Belarus.")
    categories = {e.trigger: e.category for e in analysis.events}
    assert "16" in categories.values(), analysis.events


# -- clause splitting ------------------------------------------------------------------------


def test_three_acts_in_one_sentence_give_three_events(engine):
    text = "Egypt condemned the raid, Jordan recalled its ambassador, and Qatar offered to mediate."
    analysis = analyze(engine, text)
    by_trigger = {e.trigger: e for e in analysis.events}
    assert set(by_trigger) == {"condemned", "recalled", "offered"}
    assert [by_trigger[t].category for t in ("condemned", "recalled", "offered")] == ["11", "16", "03"]
    spans = sorted((e.start, e.end) for e in analysis.events)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "clause spans must not overlap"
    assert names(analysis, by_trigger["offered"].agents) == {"Qatar"}
    for e in analysis.events:
        assert e.text == text[e.start : e.end]
        assert e.text != text.rstrip(".")


def test_complements_and_conditions_belong_to_their_act(engine):
    analysis = analyze(engine, "Brazil offered to send a delegation to Argentina if Chile attended the summit.")
    assert len(analysis.events) == 1, [e.summary for e in analysis.events]
    event = analysis.events[0]
    assert event.trigger == "offered" and event.category == "03"
    assert event.modality == "asserted"
    assert "Chile" in names(analysis, event.actors)


def test_speech_gives_the_saying_and_the_said(engine):
    text = "Poland said that Belarus had closed the border crossing and attacked Lithuania."
    analysis = analyze(engine, text)
    say = only(analysis, "said")
    attack = only(analysis, "attacked")
    assert say.modality == "asserted" and say.category == "01"
    assert attack.modality == "reported" and attack.attribution == "Poland"
    assert names(analysis, attack.agents) == {"Belarus"} and names(analysis, attack.targets) == {"Lithuania"}
    assert say.end <= attack.start


def test_a_saying_told_twice_is_one_row(engine):
    # 'X said: "...," he said.': the same words attributed twice in one sentence
    analysis = analyze(engine, 'Shadow chancellor Oliver Letwin said: "There is a black hole in the finances," he said.')
    assert [e.trigger for e in analysis.events] == ["said"]
    assert analysis.events[0].modality == "asserted"


def test_a_saying_quoted_inside_a_quotation_is_reported_by_who_closes_it(engine):
    # the parse makes the quoted "the prime minister said" the main verb and "he said" its complement
    text = ('Prime Minister Keir Starmer spoke on Sunday.\nDarren Jones was asked about the plan. '
            '"Yes it has ended, the prime minister said that himself this morning," he said.')
    analysis = analyze(engine, text)
    outer, inner = sorted(by_trigger(analysis, "said"), key=lambda e: -e.start)
    assert names(analysis, outer.agents) == {"Darren Jones"} and outer.modality == "asserted"
    # the morning inside the quotation is the prime minister's saying's, not the one that quotes it
    assert outer.date != "2024-03-20TMO"
    assert names(analysis, inner.agents) == {"Keir Starmer"}
    assert (inner.modality, inner.attribution) == ("reported", "Darren Jones")


def test_a_pronoun_after_a_quotation_takes_the_name_beside_the_last_subject(engine):
    # "The minister Tom Jones was asked ...": the subject names him by apposition
    text = ('Anna Smith spoke on Sunday.\nThe minister Tom Jones was asked about the plan. '
            '"It is over, the president told me that on Friday," he said.')
    said = only(analyze(engine, text), "said")
    assert said.summary.startswith("Jones:") and said.date is None


def test_a_participle_before_a_saying_names_that_saying(engine):
    analysis = analyze(engine, "Criticising the decision, Boris Johnson said it was a mistake.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("said", "11")]
    # a question put to the speaker is nothing the speaker did, nor anything done
    analysis = analyze(engine, "Asked if he would welcome BNP votes, Michael Howard said he wanted every vote.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("said", "01")]
    # an act of another kind stays a row of its own
    analysis = analyze(engine, "Visiting Kyiv on Monday, Antony Blinken said the aid would continue.")
    assert [e.trigger for e in analysis.events] == ["Visiting", "said"]


def test_speaking_before_a_saying_is_that_saying(engine):
    """ "Speaking in Harrogate, X said": where the saying was made, one row with it, which stays a statement."""
    analysis = analyze(engine, "Speaking in Harrogate, Charles Kennedy said the party would win.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("said", "01")]
    analysis = analyze(engine, "Speaking to the BBC, Michael Howard said the plan was ready.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("said", "01")]
    # what the saying says may still make it a criticism; speaking does not
    analysis = analyze(engine, "Speaking to the BBC, Michael Howard said the plan was wrong.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("said", "11")]
    analysis = analyze(engine, "Commenting on the decision, a Labour spokesman said it was a mistake.")
    assert [e.trigger for e in analysis.events] == ["said"]


def test_heaping_praise_is_praise(engine):
    analysis = analyze(engine, "Tony Blair heaped praise on Gordon Brown.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("heaped", "05")]


def test_among_those_killed_names_who_was_killed(engine):
    analysis = analyze(engine, "The commander, Sergei Shevchenko, was among those killed in battle.")
    killed = only(analysis, "killed")
    assert names(analysis, killed.targets) == {"Sergei Shevchenko"} and not killed.agents
    assert killed.text.startswith("The commander, Sergei Shevchenko, was among those killed")


def test_increasing_the_number_of_attacks_is_attacking(engine):
    analysis = analyze(engine, "Hamas increased the number of attacks on Israel.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("increased", "19")]


def test_events_without_actors_are_dropped(engine):
    analysis = analyze(engine, "The talks were held in a hotel. Nothing was agreed.")
    assert analysis.events == []


# -- modality and attribution -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("France may impose new sanctions on Iran.", "impose", "hypothetical"),
        ("France will probably recall its ambassador from Mali.", "recall", "hypothetical"),
        ("Japan plans to visit Vietnam in May.", "visit", "hypothetical"),
        ("Sweden did not sign the treaty with Norway.", "sign", "negated"),
        ("Spain reportedly expelled two Moroccan diplomats.", "expelled", "reported"),
        ("Hungary refused to join the sanctions against Russia.", "refused", "asserted"),
        ("Kenya hosted the summit with Uganda on Monday.", "hosted", "asserted"),
    ],
)
def test_modality(engine, text, trigger, modality):
    analysis = analyze(engine, text)
    event = only(analysis, trigger)
    assert event.modality == modality, event.summary


def test_according_to_names_the_source(engine):
    analysis = analyze(engine, "According to Italian officials, Libya offered to release the fishermen.")
    event = only(analysis, "offered")
    assert event.modality == "reported"
    assert event.attribution and "Italian officials" in event.attribution


def test_rejection_is_asserted_not_negated(engine):
    event = only(analyze(engine, "Turkey refused to recognise the annexation of Cyprus."), "refused")
    assert (event.category, event.modality) == ("12", "asserted")


# -- participants, places, dates --------------------------------------------------------------


def test_place_and_own_date(engine):
    event = only(analyze(engine, "Canada sent a delegation to Mexico on 12 March."), "sent")
    assert event.place == "Mexico"
    assert event.date == "2024-03-12"
    assert event.category == "04"


def test_pronoun_it_is_the_speaking_country(engine):
    analysis = analyze(engine, "Russia announced that it had captured another village in Ukraine.")
    event = only(analysis, "captured")
    assert "Russia" in names(analysis, event.agents)
    assert event.place == "Ukraine"


def test_gathering_noun_takes_the_date_given_earlier(engine):
    text = (
        "Serbia and Kosovo held talks in Brussels on 4 March. "
        "The talks yielded an agreement on vehicle plates."
    )
    event = only(analyze(engine, text), "yield")
    assert event.date == "2024-03-04"
    assert event.category == "05"


def test_summary_is_scannable(engine):
    analysis = analyze(engine, "Chile condemned Peru over the border incident.")
    event = only(analysis, "condemned")
    assert event.summary == "Chile: condemned Peru over the border incident"


def test_summary_names_a_person_by_surname_and_keeps_the_negation(engine):
    analysis = analyze(engine, "Foreign Minister Badr Abdelatty told reporters that Egypt will not accept a fait accompli.")
    event = only(analysis, "told")
    assert event.summary.startswith("Abdelatty: told reporters that Egypt will not accept a fait accompli")


def test_a_clause_before_a_colon_is_no_part_of_what_the_verb_after_it_reports(engine):
    text = "Other carmakers also saw their sales slip: Dunmore Motors and Fordham Motors both reported a 39% loss."
    event = only(analyze(engine, text), "reported")
    assert event.summary == "Dunmore Motors, Fordham Motors: reported a 39% loss"


@pytest.mark.parametrize("text", [
    "Markets fell. Jane Halm warned that the deletion of millions of government e-mails could harm the public's right to know.",
    'Markets fell. "The deletion of millions of government e-mails would surely harm the public and the press," Jane Halm said.',
])
def test_a_summary_cut_short_does_not_end_on_a_word_that_leads_on(engine, text):
    (event,) = [e for e in analyze(engine, text).events if e.trigger in ("warned", "said")]
    last = event.summary.rstrip("”").rstrip("…").split()[-1]
    assert event.summary.rstrip("”").endswith("…") and last.lower() not in ("the", "a", "of", "and", "could", "would")


def test_summary_of_a_passive_starts_with_its_subject(engine):
    analysis = analyze(engine, "Tuesday's meeting is being hosted by British Prime Minister Tony Blair.")
    event = only(analysis, "hosted")
    assert event.summary.startswith("Tuesday's meeting: is being hosted by")


@pytest.mark.parametrize("text, trigger, start", [
    ('Mr Lowe said: "I\'m determined to cut fees."', "determined", "Lowe: I'm determined to cut fees"),
    ('"I\'ve met Dr Ruto twice," Ms Okafor said.', "met", "Okafor: I've met Dr Ruto twice"),
])
def test_a_summary_keeps_the_pronoun_a_contracted_verb_is_written_onto(engine, text, trigger, start):
    """Not "Lowe: 'm determined to cut fees": the clitic alone is no word a reader can scan."""
    assert only(analyze(engine, text), trigger).summary.startswith(start)


# -- order -----------------------------------------------------------------------------------


def _ev(start: int, date: str | None) -> Event:
    return Event(id="", start=start, end=start + 1, text="x", trigger="x", trigger_start=start, trigger_end=start + 1,
                 category="01", category_label="", summary="", date=date)


def test_sort_is_chronological_then_undated_in_text_order():
    events = [_ev(0, None), _ev(10, "2025-05-15"), _ev(20, "2022-03"), _ev(30, None), _ev(40, "2025-05"), _ev(50, "PAST_REF")]
    ordered = sort_events(events)
    assert [e.start for e in ordered] == [20, 40, 10, 0, 30, 50]
    assert [e.id for e in ordered] == ["E1", "E2", "E3", "E4", "E5", "E6"]


# -- plain coreference -----------------------------------------------------------------------


def test_counterpart_is_the_person_of_that_country(engine):
    text = ("Polish President Andrzej Duda visited Kyiv on Monday. "
            "Lithuanian President Gitanas Nauseda later phoned his Polish counterpart.")
    analysis = analyze(engine, text)
    visit = only(analysis, "visited")
    assert visit.place == "Kyiv" and names(analysis, visit.agents) == {"Andrzej Duda"}
    phone = only(analysis, "phoned")
    assert names(analysis, phone.targets) == {"Andrzej Duda"}
    assert phone.summary.startswith("Nauseda → Duda: phoned his Polish counterpart")


def test_his_country_is_the_speakers_country(engine):
    analysis = analyze(engine, "Kenyan President William Ruto said his country was ready to send police officers to Haiti.")
    ready = only(analysis, "ready")
    assert names(analysis, ready.agents) == {"Kenya"}
    assert ready.modality == "reported" and "William Ruto" in ready.attribution


def test_the_two_sides_are_the_parties_of_the_talks(engine):
    text = "Serbia and Kosovo held talks in Brussels on 4 March. The EU later urged both sides to implement the deal."
    urge = only(analyze(engine, text), "urged")
    assert urge.targets and len(urge.targets) == 2


def test_no_parse_no_events():
    import spacy

    from reader.nlp.events import extract_events

    doc = spacy.blank("en")("Germany attacked France on Monday.")
    assert extract_events(doc, [], [], None) == []


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("Vietnam denied that it had attacked Cambodia.", "attacked", "negated"),
        ("A possible visit by Narendra Modi to Nepal dominated the news.", "visit", "hypothetical"),
        ("Ghana is likely to expel Nigerian traders.", "expel", "hypothetical"),
        ("Peru is expected to sign a trade pact with Chile.", "sign", "hypothetical"),
    ],
)
def test_more_hedges(engine, text, trigger, modality):
    event = only(analyze(engine, text), trigger)
    assert event.modality == modality, event.summary


def test_coordinated_acts_share_their_day(engine):
    analysis = analyze(engine, "Antony Blinken flew to Cairo on 5 March and met Egyptian officials.")
    assert only(analysis, "met").date == "2024-03-05"


def test_talks_with_someone_are_not_an_earlier_conference(engine):
    text = ("Jordan will host a regional conference in May. "
            "After talks with Mahmoud Abbas, the Jordanian king said the region needed calm.")
    analysis = analyze(engine, text)
    talks = [e for e in analysis.events if e.trigger == "talks"]
    assert all(e.date is None for e in talks), [(e.summary, e.date) for e in analysis.events]


def test_the_group_is_the_organisation_just_named(engine):
    from reader.documents import document_from_text

    text = "Hamas said it was not bound by the declaration. A spokesman for the group said attacks might resume."
    analysis = engine.analyze(document_from_text(text))
    hamas = next(a.id for a in analysis.actors if a.name == "Hamas")
    spokesman = [e for e in analysis.events if "spokesman" in e.text and e.trigger == "said"]
    assert spokesman and hamas in spokesman[0].agents


def test_raising_passives_keep_their_doer(engine):
    from reader.documents import document_from_text

    analysis = engine.analyze(document_from_text("NATO is expected to send 60,000 troops to enforce the agreement."))
    nato = next(a.id for a in analysis.actors if a.name == "NATO")
    sends = [e for e in analysis.events if e.trigger.endswith("send")]
    assert sends and nato in sends[0].agents and sends[0].modality == "hypothetical"


def test_opening_talks_and_arriving_for_them_are_consultations(engine):
    from reader.documents import document_from_text

    text = "Warren Christopher opened the negotiations on Wednesday. The presidents of Serbia and Croatia arrived for peace talks."
    analysis = engine.analyze(document_from_text(text))
    assert {e.trigger: e.category for e in analysis.events} == {"opened the negotiations": "04", "arrived": "04"}


def test_a_planned_act_says_it_was_planned(engine):
    event = only(analyze(engine, "Fordham Motors plans to close 1,100 dealerships."), "plans")
    assert event.summary.startswith("Fordham Motors: plans to close 1,100 dealerships")
    assert event.modality == "hypothetical" and event.trigger == "plans to close"
    # the doer is named outside the infinitive; the event's text reaches back to it
    assert event.text == "Fordham Motors plans to close 1,100 dealerships"


@pytest.mark.parametrize(
    ("sentence", "trigger", "summary"),
    [
        ('Lena Holm made her case by saying, "It was the cheapest."',
         "made her case by saying", "Holm: made her case by saying, “It was the cheapest”"),
        ("Anna Berg started by hinting at the incident.", "started by hinting", "Berg: started by hinting at the incident"),
    ],
)
def test_an_act_done_by_means_of_another_shows_what_it_was_for(engine, sentence, trigger, summary):
    """ "divesting ... by selling": the act after "by" is the means; the verb it serves is what the row says."""
    (event,) = analyze(engine, sentence).events
    assert event.trigger == trigger and event.summary.startswith(summary)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Fordham Motors is willing to contribute $20 million to the search.", "willing to contribute"),
        ("Norland is ready to resume talks with Vestia.", "ready to resume"),
        ("Vestia said it was prepared to lift the blockade.", "prepared to lift"),
    ],
)
def test_an_adjective_of_intent_is_shown_with_the_act_it_is_for(engine, sentence, trigger):
    event = only(analyze(engine, sentence), trigger.split()[0])
    # the willingness is what happened (CAMEO's intent to cooperate); its act is named with it
    assert event.trigger == trigger and event.category == "03"


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # the governing verb is a candidate of the generic rule but no act of its own
        ("Dana Whitlock has chosen to step down as chief executive of Fordham Motors.", "chosen to step down", "asserted"),
        ("Fordham Motors reported losing $4.8 billion in the fourth quarter.", "reported losing", "asserted"),
        ("Fordham Motors avoided losing $4.8 billion last year.", "avoided losing", "negated"),
        # a wish to thank thanks (see test_events_modality)
        ("Fordham Motors would like to thank Dana Whitlock for her work.", "like to thank", "asserted"),
        ("Fordham Motors would like to buy Norcom for $4 billion.", "like to buy", "hypothetical"),
    ],
)
def test_a_governing_verb_that_is_no_act_is_shown_with_the_act(engine, sentence, trigger, modality):
    (event,) = analyze(engine, sentence).events
    assert event.trigger == trigger and event.modality == modality
    assert trigger in event.summary.split(": ", 1)[1].split(" (")[0]


def test_an_act_told_in_a_participle_clause_reaches_back_to_its_doer(engine):
    text = "The Electoral Commission called for a recount on Monday, ordering officials to stop counting."
    event = only(analyze(engine, text), "ordering")
    assert event.text.startswith("The Electoral Commission called")
    assert event.summary == "Electoral Commission: ordering officials to stop counting"


@pytest.mark.parametrize(
    ("text", "row", "source"),
    [
        ("The Electoral Commission called for a recount on Monday, citing flaws in the count.", "called", "citing"),
        ("Michael Howard has backed stem cell research, saying it is important to look ahead.", "backed", "saying"),
        ("Addressing a conference in Wyoming, Ben Bernanke said that the prospects appear good.", "said", "Addressing"),
    ],
)
def test_a_participle_that_voices_or_frames_its_clauses_act_is_a_source_of_that_row(engine, text, row, source):
    (event,) = analyze(engine, text).events
    assert event.trigger.startswith(row)
    assert any(source in s.text for s in event.sources)


def test_a_participle_of_someone_else_stays_a_row_of_its_own(engine):
    analysis = analyze(engine, "Norland Airways cancelled the flights on Monday, prompting Vestia to protest.")
    assert len(analysis.events) >= 1 and all(not e.sources for e in analysis.events)


def test_a_doer_named_only_by_a_pronoun_does_not_widen_the_text(engine):
    analysis = analyze(engine, "Norland Airways said on Monday that it plans to close 40 dealerships.")
    event = only(analysis, "plans")
    assert event.text == "plans to close 40 dealerships"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Norland Airways has negotiated the purchase of 22 new jets.", "negotiated the purchase"),
        ("Senator Jane Ridley won an order from Norland Airways for 60 jets.", "won an order"),
        # a noun that is the same word as an act's verb
        ("Boeing protested the award.", "protested the award"),
        # not an act that judges another: "the raid" is the other act (storylines would take the two for one)
        ("Hamas condemned the raid.", "condemned"),
        # what the act named by the noun is for, said just after it
        ("The EU made the decision to ban the airlines.", "made the decision to ban"),
        ("Boeing signed a contract to supply 20 jets.", "signed a contract to supply"),
        # however many words tell what the object costs, and wherever "to" follows it
        ("Boeing has won a 13 billion dollar contract to supply the air force with tankers.",
         "won a 13 billion dollar contract to supply"),
        # but not across a comma: what follows it is no longer the act's object
        ("Boeing won the order, to the delight of Seattle.", "won the order"),
    ],
)
def test_an_act_whose_object_is_a_noun_of_an_act_is_told_by_both_words(engine, text, trigger):
    assert only(analyze(engine, text), trigger.split()[0]).trigger == trigger


def test_a_speech_verbs_object_stays_out_of_its_trigger(engine):
    # "announced a plan": the plan is what was said, told by the summary, not a second act word
    assert only(analyze(engine, "Toyota announced a plan to build a factory in Ohio."), "announced").trigger == "announced"


def test_a_headline_name_to_verb_is_a_plan_of_that_name(engine):
    text = "Harmon to visit Kyiv next week\n\nJohn Harmon, the foreign minister of Norland, spoke in Oslo on Friday."
    analysis = analyze(engine, text)
    event = only(analysis, "visit")
    assert names(analysis, event.agents) == {"John Harmon"}
    assert event.modality == "hypothetical" and event.date == "2024-W13"


def test_a_counted_object_the_parser_reads_as_an_adverb_still_qualifies(engine):
    # the small model parses "789 dealerships" here as an adverbial noun, not the object
    event = only(analyze(engine, "General Motors will close 789 dealerships."), "close")
    assert event.category == "ECON"


@pytest.mark.parametrize("text, category", [
    ("Iran vowed to retaliate against Israel.", "13"),
    ("Beijing pledged to hit back.", "13"),
    ("The Chinese government has vowed to respond with resolute measures.", "13"),
    ("Germany promised to respond to the letters of the families.", "03"),
    ("Britain pledged to strike a deal.", "03"),
])
def test_vowing_an_answer_in_kind_is_a_threat(engine, text, category):
    (event,) = analyze(engine, text).events
    assert event.category == category, event.summary


@pytest.mark.parametrize("text, category", [
    ("Norland threatened sanctions against Ostland.", "13"),
    ("Norland announced sanctions against Ostland.", "16"),
])
def test_a_threat_of_an_act_is_a_threat_and_an_announced_act_the_act(engine, text, category):
    (event,) = analyze(engine, text).events
    assert event.category == category, event.summary


def test_an_unresolved_he_is_no_attribution(engine):
    text = ("The police spokesman said the paper handed the file over on Monday. "
            "The Directorate of Professional Standards is investigating the loss, he said.")
    event = only(analyze(engine, text), "investigating")
    assert event.modality == "reported" and event.attribution is None
    assert "reported by he" not in event.summary


@pytest.mark.parametrize("text, trigger, summary", [
    ("The talks brought in the finance ministers of the Arctic Council, which Norway now chairs.", "chairs",
     "Norway: chairs the Arctic Council"),
    ("The reforms, which Parliament approved in March, came into force.", "approved", "Parliament: approved the reforms in March"),
    ("Germany rejected the plan that France proposed on Monday.", "proposed", "France: proposed the plan on Monday"),
])
def test_a_relative_clause_says_what_its_verb_acts_on(engine, text, trigger, summary):
    assert only(analyze(engine, text), trigger).summary == summary


def test_a_law_taking_effect_in_listed_places_has_them_all_as_its_places(engine):
    a = analyze(engine, "The Act comes into effect in England, Wales and Northern Ireland on 1 January.")
    event = only(a, "comes")
    assert event.category == "LAW" and event.targets == [] and event.agents == []
    assert {a.actor(i).name for i in event.actors} == {"England", "Wales", "Northern Ireland"}


@pytest.mark.parametrize(
    ("text", "trigger", "country", "summary"),
    [
        ("Germany's exports rose 5% in March.", "exports rose", "Germany", "Germany: exports rose 5% in March"),
        ("Brazilian inflation fell to 4% last month.", "inflation fell", "Brazil", "Brazil: inflation fell to 4% last month"),
    ],
)
def test_a_countrys_economic_figure_that_moves_is_an_economic_event_of_that_country(engine, text, trigger, country, summary):
    analysis = analyze(engine, text)
    event = only(analysis, trigger.split()[0])
    assert (event.trigger, event.category, event.summary) == (trigger, "ECON", summary)
    assert names(analysis, event.agents) == {country}


def test_a_city_force_is_aimed_at_is_its_target(engine):
    analysis = analyze(engine, "Hamas fired rockets at Tel Aviv on Monday.")
    assert names(analysis, only(analysis, "fired").targets) == {"Tel Aviv"}


@pytest.mark.parametrize("text", ["Germany's exports to France rose 5% in March.", "Germany's imports from China rose 5% in March."])
def test_a_trade_partner_does_not_own_the_figure(engine, text):
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "rose").agents) == {"Germany"}


def test_a_figure_of_no_one_named_is_no_event(engine):
    assert analyze(engine, "Car sales rose 5% in March.").events == []


def test_a_figures_reading_does_not_hide_the_verbs_other_readings(engine):
    # "ease" has a figure reading ("inflation eased") and the field dictionary's ("eased sanctions")
    event = only(analyze(engine, "The United States eased sanctions on Germany on Monday."), "eased")
    assert event.category == "08"


@pytest.mark.parametrize(
    ("text", "trigger", "category"),
    [
        ("Senator Jane Ridley will stand down at the next election.", "stand down", "OFFICE"),
        ("Jane Ridley will stand trial in March.", "stand", "17"),
        ("Germany said it would stand by Norway.", "stand by", "05"),
        ("Jane Ridley made an address to the Senate on Monday.", "made", "01"),
    ],
)
def test_standing_down_and_the_other_readings_of_stand(engine, text, trigger, category):
    event = only(analyze(engine, text), trigger.split()[0])
    assert event.category == category


def test_a_headline_name_the_parser_takes_for_the_root_of_a_complement(engine):
    # "Harmon ROOT <- to outline (xcomp)": the small model's other reading of "NAME to VERB"
    text = "Harmon to outline trade goals\n\nJohn Harmon, the foreign minister of Norland, spoke in Oslo on Friday."
    analysis = analyze(engine, text)
    event = only(analysis, "outline")
    assert names(analysis, event.agents) == {"John Harmon"} and event.modality == "hypothetical"


def test_a_passive_clause_does_not_take_the_speakers_subject_as_its_doer(engine):
    # the model hangs "licences would be removed" on "said" without its subject
    analysis = analyze(engine, "Jane Ridley said fines would be levied on employers and licences would be removed for fraud.")
    assert [e.trigger for e in analysis.events if "Jane Ridley" in names(analysis, e.agents)] == ["said"]


def test_a_verb_coordinated_with_a_plan_verb_is_not_planned(engine):
    text = "The German government considered a range of options but agreed unanimously to introduce a ban."
    assert only(analyze(engine, text), "agreed").modality == "asserted"


def test_a_question_quoted_after_the_act_does_not_make_the_act_a_question(engine):
    text = 'Germany unveiled a poster under the words "How can they fight crime when they fight each other?"'
    event = only(analyze(engine, text), "unveiled")
    assert (event.category, event.modality) == ("01", "asserted")


def test_a_plural_figure_noun_is_no_act_but_a_sale_is(engine):
    assert [e.trigger for e in analyze(engine, "Fordham Motors said on Monday that its sales in Germany were lower.").events] == ["said"]
    assert only(analyze(engine, "Germany halted the sale of tanks to Norway on Monday."), "halted").category == "16"


def test_a_doer_the_parser_read_into_a_date_phrase_is_the_doer(engine):
    # the small model parses "On Monday Germany" as one phrase under "On"
    analysis = analyze(engine, "On Monday Germany said that it had cut tariffs on Norwegian fish.")
    said = only(analysis, "said")
    assert names(analysis, said.agents) == {"Germany"} and said.date == "2024-03-18"
    assert only(analysis, "cut").attribution == "Germany"


def test_a_planned_act_reported_takes_no_date_from_the_telling(engine):
    analysis = analyze(engine, "On Monday Germany announced that it would cut tariffs on Norwegian fish.")
    assert only(analysis, "announced").date == "2024-03-18"
    assert only(analysis, "cut").date is None


def test_a_participle_the_parser_makes_a_verb_before_its_noun_is_no_act(engine):
    analysis = analyze(engine, "Culture Secretary Tessa Jowell said proposed super-casinos will be different from their US rivals.")
    assert [e.trigger for e in analysis.events] == ["said"]
    # with its own doer it is the act
    assert only(analyze(engine, "Norland proposed new casinos will be built in Oslo."), "proposed").category == "03"


@pytest.mark.parametrize("text, trigger, summary", [
    # the act's own clause hangs on its doer: the row keeps it, not the bare verb
    ("Norland Airways, which manufactures and sells small jets, issued a warning.", "sells",
     "Norland Airways: sells small jets"),
    ("Norland Airways, which has never sold tanks, issued a warning.", "sold", "Norland Airways: has never sold tanks"),
])
def test_an_act_in_a_relative_clause_on_its_doer_is_told_in_its_words(engine, text, trigger, summary):
    assert only(analyze(engine, text), trigger).summary == summary


def test_a_quotation_opened_in_an_earlier_sentence_is_what_was_said(engine):
    text = ("Norland said on Monday it was ready to help. “The first thing is calm. "
            "We believe that is achievable,” Jane Ridley said.")
    said = [e for e in analyze(engine, text).events if e.trigger == "said" and "Ridley" in e.summary]
    assert said[0].summary == "Ridley: said “We believe that is achievable”"


def test_what_is_said_before_the_saying_without_quotation_marks_is_not_quoted(engine):
    text = 'Norway and Sweden are making "intensive efforts" to end the dispute, the broadcaster NRK said on Tuesday.'
    said = only(analyze(engine, text), "said")
    assert "“" not in said.summary and "Norway and Sweden are making intensive efforts" in said.summary
    said = only(analyze(engine, "The crisis was deepening, the broadcaster NRK said."), "said")
    assert said.summary.endswith("said the crisis was deepening")


def test_a_saying_set_into_its_claim(engine):
    analysis = analyze(engine, "Norland, John Harmon said, attended the summit.")
    said, attended = only(analysis, "said"), only(analysis, "attended")
    assert said.summary == "Harmon: said Norland attended the summit"
    assert attended.modality == "reported" and attended.attribution == "John Harmon"
    assert only(analyze(engine, "The switch, John Harmon said, would happen next year."), "said").summary == (
        "Harmon: said the switch would happen next year")


@pytest.mark.parametrize("text, trigger, agents", [
    ("Norland's ambassador to Vestia said the talks would resume.", "said", {"Norland"}),
    ("The Norland envoy to the United Nations, John Harmon, said the vote was a mistake.", "said", {"John Harmon", "Norland"}),
    # what a text is about does not say what the text says
    ("A new book about Norland, by John Harmon, says there is animosity between the two men.", "says", {"John Harmon"}),
    # nor does where a person comes from
    ("Mr John Harmon, 32, from Leeds, said he was questioned.", "said", {"John Harmon"}),
])
def test_a_place_a_subject_names_but_is_not_is_no_doer(engine, text, trigger, agents):
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, trigger).agents) == agents


def test_what_a_concern_is_about_stays_its_target(engine):
    analysis = analyze(engine, "Norland expressed concern about Vestia.")
    assert names(analysis, only(analysis, "expressed").targets) == {"Vestia"}


def test_the_group_named_just_before_does_an_act_no_dictionary_codes(engine):
    analysis = analyze(engine, "Norland Airways lost money in May. The company sacked 300 workers on Friday.")
    assert names(analysis, only(analysis, "sacked").agents) == {"Norland Airways"}
    # nobody named before it: no row without a doer
    assert not by_trigger(analyze(engine, "The weather was bad in May. The party launched its campaign."), "launched")


@pytest.mark.parametrize("text, trigger", [
    ("Normally, John Harmon flies on an aircraft of Norland Airways.", "flies"),
    ("Norland usually hosts the talks in Oslo.", "hosts"),
])
def test_a_norm_is_no_act(engine, text, trigger):
    assert not by_trigger(analyze(engine, text), trigger)


def test_a_repeated_act_is_still_an_act(engine):
    assert by_trigger(analyze(engine, "The Norland navy regularly conducts patrols near Vestia."), "conducts")


def test_a_total_sums_a_figure_and_says_nothing(engine):
    analysis = analyze(engine, "Norland Airways sold 13 jets last year, totaling $2 billion.")
    assert not by_trigger(analysis, "totaling")


def test_a_name_set_off_by_commas_before_a_verb_left_without_a_subject_does_it(engine):
    # the small model hangs "shadow ... Osborne" on the opening phrase and leaves "said" without a subject
    text = 'Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said: "This was more talk."'
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "said").agents) == {"George Osborne"}


def test_a_name_the_parser_read_as_the_opening_phrases_object_does_the_verb(engine):
    analysis = analyze(engine, "In a speech to the Foreign Policy Centre Mr Straw said the Tory leader was clever.")
    assert "Mr Straw" in names(analysis, only(analysis, "said").agents)


@pytest.mark.parametrize("text, trigger", [
    ("On March 20th the Central Bank of Norland kept its policy rate unchanged at 5.25%.", "kept"),
    ("The Bank of England left interest rates on hold.", "left"),
])
def test_a_rate_kept_or_left_where_it_was_is_an_economic_decision(engine, text, trigger):
    assert only(analyze(engine, text), trigger).category == "ECON"


def test_an_added_reading_hides_none_of_the_field_dictionarys(engine):
    # "leave" has our entry for rates, and PETRARCH's readings still apply to the rest
    assert by_trigger(analyze(engine, "John Harmon leaves behind a company that only he could have built."), "leaves")


def test_the_government_is_that_of_the_country_the_briefing_is_about(engine):
    text = "Germany raised taxes in May. Germany cut spending in June. The government unveiled a stimulus package."
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "unveiled").agents) == {"Germany"}
    # two countries named as often: whose government it is stays open
    text = "Germany raised taxes in May. France cut spending in June. The government unveiled a stimulus package."
    analysis = analyze(engine, text)
    assert not any(names(analysis, e.agents) for e in by_trigger(analysis, "unveiled"))


@pytest.mark.parametrize("text", [
    # a government named later is not the one an earlier bare "the government" meant
    "Relief efforts grew. The government has formally offered aid to the Norwegian government.",
    # nor is a subject the same party as its verb's object
    "Norway sent aid in May. Norway sent troops in June. The government offered the Norwegian government more aid.",
])
def test_the_government_is_not_the_other_party_of_its_own_act(engine, text):
    analysis = analyze(engine, text)
    assert "Norway" not in names(analysis, only(analysis, "offered").agents)


def test_the_central_bank_is_that_of_the_country_the_briefing_is_about(engine):
    text = "Germany raised taxes in May. Germany cut spending in June. The central bank cut its policy rate by 25 basis points."
    analysis = analyze(engine, text)
    (rate,) = [e for e in analysis.events if "policy rate" in e.summary]
    assert names(analysis, rate.agents) == {"Germany"}
    # another bank is not the state's
    text = "Germany raised taxes in May. Germany cut spending in June. The commercial bank cut its lending rate."
    analysis = analyze(engine, text)
    assert not any(names(analysis, e.agents) for e in analysis.events if "lending rate" in e.summary)



def test_a_country_named_only_as_a_place_is_not_the_one_a_briefing_is_about(engine):
    from reader.nlp.events.participants import ActorIndex

    text = ("Germany raised taxes. Aid to France rose, flights to France fell and talks in France began. "
            "Germany cut spending.")
    analysis = analyze(engine, text)
    index = ActorIndex.build(engine.nlp(text), analysis.actors, load_lexicon())
    assert index.by_id[index.home_country()].name == "Germany"


@pytest.mark.parametrize("text, date", [
    ("Norland's defence minister John Harmon accused Vestland of violating an earlier truce on Tuesday.", None),
    ("On Monday John Harmon accused Vestland of violating the truce.", "2024-03-18"),
    ("John Harmon on Monday blamed Vestland for starting the war in 2019.", "2024-03-18"),
])
def test_a_date_of_the_act_an_accusation_judges_is_not_the_accusations(engine, text, date):
    assert analyze(engine, text).events[0].date == date


@pytest.mark.parametrize("text, date", [
    ('Union leader John Harmon added: "Christmas Day and Easter Monday are special days for everyone."', None),
    ("John Harmon said the next day would be quiet.", None),
    ("John Harmon said on Monday the union planned a strike.", "2024-03-18"),
    ("John Harmon said in January the union planned a strike.", "2024-01"),
])
def test_a_date_inside_what_is_said_does_not_date_the_saying(engine, text, date):
    """A date that is the subject of the clause said is what is talked about; one before that
    subject stands where the parser hangs the saying's own day."""
    assert only(analyze(engine, text), "said" if "said" in text else "added").date == date


@pytest.mark.parametrize("text, trigger, category", [
    ("Portugal will hold a snap poll in March.", "hold", "VOTE"),
    ("The Portuguese government fell on Tuesday.", "fell", "OFFICE"),
    ("The Dutch coalition collapsed in July.", "collapsed", "OFFICE"),
])
def test_polls_held_and_governments_that_fall_are_acts(engine, text, trigger, category):
    assert only(analyze(engine, text), trigger).category == category


def test_a_poll_of_voters_conducted_and_prices_that_fall_are_no_vote_or_office(engine):
    assert all(e.category != "VOTE" for e in analyze(engine, "The Times conducted a poll of 1,000 Danish voters.").events)
    assert not by_trigger(analyze(engine, "Prices in Portugal fell in March."), "fell")


def test_suspecting_someone_accuses_and_suspecting_that_is_an_opinion(engine):
    assert only(analyze(engine, "Norway suspects Russia of jamming GPS signals."), "suspects").category == "11"
    text = 'Spokesman John Harmon said: "I suspect the right way to tackle it is to fund the clubs."'
    assert not by_trigger(analyze(engine, text), "suspect")


def test_a_person_who_suggests_says_and_figures_that_suggest_do_not(engine):
    event = only(analyze(engine, "John Harmon has suggested the vote is unlikely to be held until 2026."), "suggested")
    assert event.category == "01"
    assert not by_trigger(analyze(engine, "The figures suggest the economy of Norland is slowing."), "suggest")
    assert not by_trigger(analyze(engine, "A Norland poll suggests voters back the plan."), "suggests")


@pytest.mark.parametrize("text, trigger, category", [
    ("The Conservatives have expressed serious misgivings about the plans.", "expressed", "01"),
    ("Vestland expressed anger at the raid.", "expressed", "11"),
    ("John Harmon expressed condolences to the families.", "expressed", "01"),
    ("Downing Street has stressed Mr Blair's support for the home secretary.", "stressed", "01"),
    ("Norland emphasised that the talks would go on.", "emphasised", "01"),
])
def test_feelings_expressed_and_points_stressed_are_statements(engine, text, trigger, category):
    assert only(analyze(engine, text), trigger).category == category


def test_a_court_striking_down_a_law_is_a_legal_act_not_a_fight(engine):
    text = "Norland's Constitutional Court struck down on Thursday key parts of a media law."
    assert only(analyze(engine, text), "struck").category == "LAW"


def test_a_claim_told_by_a_title_and_a_name_is_reported_by_the_name(engine):
    analysis = analyze(engine, "The prime minister, Karin Vold, said Vestia had attacked the border post.")
    assert only(analysis, "attacked").attribution == "Karin Vold"
    # (what she says she does herself is her saying's row: "said she respected the ruling" is one row)


@pytest.mark.parametrize("text, trigger, category", [
    ("Lena Moberg called a snap election in September.", "called", "VOTE"),
    ("Jon Holm will seek an exemption from the tariffs.", "seek", "02"),
    ("Norland Motors seeks bankruptcy protection.", "seeks", "ECON"),
    ("The Norland government plans to return failed asylum seekers to Vestia.", "return", "17"),
    ("Mr Tomas Varga is expected to name a successor this week.", "name", "OFFICE"),
    ("Liam Hart attacked the government's six new pledges as vacuous.", "attacked", "11"),
    ("Mr Liam Hart attacked Mr Jon Moberg over his remarks.", "attacked", "11"),
    ("Norland attacked Vestia's border posts.", "attacked", "19"),
    ("Ms Kari Dahl is expected to form a government by mid-August.", "form", "OFFICE"),
])
def test_calling_an_election_and_seeking_a_deal_or_protection(engine, text, trigger, category):
    assert only(analyze(engine, text), trigger).category == category


def test_a_relative_clause_on_the_subject_of_an_expected_act_is_no_hedge_of_its_own(engine):
    analysis = analyze(engine, "Lena Moberg, who called the early vote in September, is expected to win.")
    assert only(analysis, "called").modality == "asserted"


@pytest.mark.parametrize("text", [
    "Ms Karin Vold was forced to resign in January over the scandal.",
    "The scandal forced Ms Karin Vold to resign in January.",
    "Ms Karin Vold was compelled to resign in January.",
])
def test_being_forced_to_act_is_the_act_done_and_dated_in_the_past(engine, text):
    event = only(analyze(engine, text), "forc") if "forc" in text else only(analyze(engine, text), "compelled")
    assert (event.category, event.modality, event.date) == ("OFFICE", "asserted", "2024-01")
    assert names(analyze(engine, text), event.actors) == {"Karin Vold"}


@pytest.mark.parametrize("text, modality", [
    ("Ms Karin Vold had to resign in January.", "asserted"),
    ("Ms Karin Vold has to resign by June.", "hypothetical"),
])
def test_having_to_act_is_done_in_the_past_and_an_obligation_in_the_present(engine, text, modality):
    event = only(analyze(engine, text), "resign")
    assert event.modality == modality
    assert event.summary.startswith(("Vold: had to", "Vold: has to"))


def test_a_place_that_only_locates_a_thing_is_no_target(engine):
    analysis = analyze(engine, "Karl Moberg praised the work of teachers in France.")
    event = only(analysis, "praised")
    assert names(analysis, event.targets) == set()
    assert "France" in names(analysis, event.actors)


def test_a_relative_clause_after_an_amount_speaks_of_what_the_amount_measures(engine):
    text = "The ministry unveiled a package of tax cuts worth 2% of GDP, which the opposition Labour Front denounced."
    assert only(analyze(engine, text), "denounced").summary == "Labour Front: denounced tax cuts"


def test_where_an_act_took_place_does_not_do_its_deeds(engine):
    text = "Vestland and Norland signed a trade agreement in Oslo on Monday that removes tariffs on fish and timber."
    analysis = analyze(engine, text)
    assert not [e for e in analysis.events if "Oslo" in names(analysis, e.agents)]


def test_an_act_told_as_a_participle_after_its_noun_is_led_by_the_noun(engine):
    text = "The clash was the deadliest since a ceasefire brokered by Turkey in 2022."
    assert only(analyze(engine, text), "brokered").summary == "a ceasefire: brokered by Turkey in 2022"


def test_a_planned_act_with_no_one_doing_it_is_no_row(engine):
    assert analyze(engine, "Plans to impose sanctions on Vestia were shelved.").events == []
    # a pronoun no one is found for still says someone acts ("It also plans to cut jobs")
    assert len(analyze(engine, "It also plans to cut jobs at two Norland Motors plants.").events) == 1


def test_a_planned_act_undergone_by_someone_stays(engine):
    event = only(analyze(engine, "Ms Karin Vold will be forced to resign in April."), "forced")
    assert event.modality == "hypothetical"



def test_a_source_ends_at_a_dash_and_a_lead_keeps_no_open_quotation_mark():
    import spacy
    from spacy.tokens import Doc

    from reader.nlp.events.summary import phrase_text

    # "the radio message – late Saturday": the parser hangs the date on the message
    words = ["the", "radio", "message", "–", "late", "Saturday"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 5, 2],
              deps=["det", "compound", "ROOT", "punct", "amod", "npadvmod"])
    assert phrase_text(doc, [doc[2]]) == "the radio message"
    # 'a “complex ambush” by the rebels' cut at the noun: no quotation mark left open
    words = ["a", "“", "complex", "ambush"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 3], deps=["det", "punct", "amod", "ROOT"])
    assert phrase_text(doc, [doc[3]]) == "a complex ambush"


def test_a_pronoun_subject_of_a_passive_is_acted_on_and_heads_the_row(engine):
    analysis = analyze(engine, "Dana Whitlock arrived in Oslo on Monday. She was greeted by Tomas Varga.")
    greeted = only(analysis, "greeted")
    names = {a.id: a.name for a in analysis.actors}
    # "she" is not the doer named after "by", though the doer is the clause's subject for other pronouns
    assert [names[a] for a in greeted.agents] == ["Tomas Varga"] and [names[t] for t in greeted.targets] == ["Dana Whitlock"]
    assert greeted.summary == "Whitlock: was greeted by Tomas Varga"
    # and with nobody named after "by", the row still says whom it is about first
    forced = only(analyze(engine, "Tomas Varga spoke on Monday. He was forced to bat away question after question."), "forced")
    assert forced.summary == "Varga: was forced to bat away question after question"


def test_what_a_relative_clause_of_saying_is_about_does_the_said_act(engine):
    # "something he says will boost their cause": the something boosts it, not the one who says so
    text = "Campaign chairman Tomas Varga hoped for a late flurry of votes, something he says will boost their cause."
    analysis = analyze(engine, text)
    assert not [e for e in analysis.events if e.trigger.startswith("boost")]
    assert only(analysis, "says").summary == "Varga: says something will boost their cause"
    says = only(analyze(engine, "Norland signed the treaty, which Vestia says will end the war."), "says")
    assert says.summary == "Vestia: says the treaty will end the war"


def test_a_row_ends_at_a_dash_and_keeps_its_brackets_closed(engine):
    event = only(analyze(engine, "Tomas Varga praised Norland Airways (NA) - the new carrier - on Monday."), "praised")
    assert event.summary == "Varga: praised Norland Airways (NA)"
    event = only(analyze(engine, "Dana Whitlock denied the forecasts were too optimistic - but refused to rule out cuts."), "denied")
    assert event.summary == "Whitlock: denied the forecasts were too optimistic"


def test_a_quoted_row_keeps_its_quotation_whole_and_marked(engine):
    """Straight quotation marks are shown opened and closed; a comma between two adjectives or after
    an opening phrase of the quotation does not end the row; a quotation opened before the row's first
    word leaves no stray closing mark."""
    said = only(analyze(engine, 'Helen Marsh said: "Voters want a credible, principled party which listens to them."'),
                "said")
    assert said.summary == "Marsh: said: “Voters want a credible, principled party which listens to them”"
    said = only(analyze(engine, 'Peter Dolan said: "Like Labour, the Greens are soft on crime."'), "said")
    assert said.summary == "Dolan: said: “Like Labour, the Greens are soft on crime”"
    said = only(analyze(engine, 'Peter Dolan said: "Ah right, well you might be, but you are wrong."'), "said")
    assert said.summary == "Dolan: said: “Ah right, well you might be…”"
    called = only(analyze(engine, 'The Greens called it a "vote now, pay later" budget.'), "called")
    assert called.summary.endswith("called it a “vote now, pay later” budget")
    condemned = only(analyze(engine, 'Richard Hale "totally condemned" the deletion of the files.'), "condemned")
    assert "”" not in condemned.summary and "condemned the deletion of the files" in condemned.summary


def test_a_passive_row_does_not_name_its_doer_twice(engine):
    overtaken = only(analyze(engine, "Dana Whitlock warned that otherwise it would be overtaken by the likes of Vestia."), "overtaken")
    assert overtaken.summary == "would be overtaken by the likes of Vestia (hypothetical)"
    # whom it happens to heads the row instead, when the words do not name it
    compensated = only(analyze(engine, "Norland Airways said it will be compensated by Vestia Aero for the delay."), "compensated")
    assert compensated.summary.startswith("Norland Airways: will be compensated by Vestia Aero")


def test_a_country_named_before_its_currency_takes_no_part(engine):
    text = "Sweden's central bank raised rates on Monday to defend the krona against the US dollar."
    analysis = analyze(engine, text)
    (raised,) = analysis.events
    assert [a.name for a in analysis.actors if a.id in raised.targets] == []


def test_a_relative_clause_without_a_pronoun_acts_on_its_noun(engine):
    backed = only(analyze(engine, "The group vowed to keep fighting, a position Norland has publicly backed."), "backed")
    assert backed.summary == "Norland: has publicly backed a position"
    # but not a verb whose noun may belong to a preposition, nor a time
    agree = only(analyze(engine, "These are proposals Norland did not agree with."), "agree")
    assert "agree proposals" not in agree.summary


def test_a_quotation_opened_before_the_last_one_closed_does_not_turn_the_next_inside_out(engine):
    # the writer opens a second quotation without closing the first; the later one is still read right
    text = ('Mr Halvorsen spoke on Monday. "We do not hear that argument: it is a wasted vote. "You do not hear it '
            'because it is not," he said. But he said Mr Whitlock had lost the trust of the people. '
            '"There is a lack of trust in Dana Whitlock as prime minister," he said.')
    analysis = analyze(engine, text)
    names = {a.id: a.name for a in analysis.actors}
    sayings = [e for e in analysis.events if e.trigger == "said"]
    # one statement: the later sayings (one of them after a reported act) are sources of the first
    assert [names[e.agents[0]] for e in sayings] == ["Halvorsen"]
    assert [s.text for s in sayings[0].sources] == ["he said", "he said"]


@pytest.mark.parametrize("text, trigger, row, doer", [
    ("Norland's new media law came into force on Monday.", "came", "Norland's new media law: came into force", "Norland"),
    ("The ban on smoking in Vestia's pubs took effect on Monday.", "took", "The ban: took effect", "Vestia"),
])
def test_a_law_taking_effect_heads_its_row_and_its_country_enacted_it(engine, text, trigger, row, doer):
    analysis = analyze(engine, text)
    event = only(analysis, trigger)
    assert event.summary.startswith(row)
    assert names(analysis, event.agents) == {doer}


def test_a_long_unnamed_doer_is_shown_up_to_its_noun(engine):
    text = "Eight protesters carrying placards against the new hunting law stormed the chamber in Oslo."
    assert only(analyze(engine, text), "stormed").summary.startswith("Eight protesters: stormed the chamber")


def test_a_knight_called_by_his_first_name_keeps_the_title_in_the_row(engine):
    text = "Sir Oliver Crane chaired the inquiry. On Monday Sir Oliver told reporters he would step down."
    row = only(analyze(engine, text), "told").summary
    assert row.startswith("Sir Oliver")


def test_an_act_still_to_come_is_dated_by_its_deadline_a_done_one_is_not(engine):
    planned = only(analyze(engine, "Norland Steel said on Thursday it would close two plants by the end of 2025."), "close")
    assert planned.date == "2025"
    # a span's end does not date an act already done ("had fallen by March", "has grown since 2019")
    done = analyze(engine, "Norland's exports had fallen by a third by March, while imports have grown since 2019.")
    assert all(e.date in (None, "2024-03-20") for e in done.events if e.trigger.startswith(("fallen", "grown")))


def test_a_relative_whose_heads_its_row_as_the_one_it_describes(engine):
    text = "Mr Doug Smith, whose retirement was announced by Pensions Secretary Alan Jones in November, is made a Commander."
    assert only(analyze(engine, text), "announced").summary.startswith("Smith's retirement: was announced")


def test_the_day_a_plan_was_announced_does_not_date_the_plan(engine):
    analysis = engine.analyze(document_from_text("Norland Steel said on Thursday it would close two plants.",
                                                 published=dt.date(2005, 3, 2)))
    assert {e.trigger.split()[0]: e.date for e in analysis.events} == {"said": "2005-02-24", "close": None}


def test_an_event_noun_naming_its_verbs_own_act_is_one_row(engine):
    # "engaged in negotiations": the negotiations are the engaging, not a second act beside it
    analysis = analyze(engine, "Britain is engaged in intensive negotiations with France this weekend.")
    assert [e.trigger for e in analysis.events] == ["engaged"]
    assert "France" in names(analysis, analysis.events[0].targets)
    # the passive tells a state its subject takes part in: the subject is the doer
    assert names(analysis, analysis.events[0].agents) == {"United Kingdom"}


def test_what_is_set_off_after_a_speakers_name_is_not_who_speaks(engine):
    text = ("Vice President JD Moran, speaking during a visit to India, announced that Norway and India "
            "had agreed on terms.\nMeanwhile, President Tom Hale, on 22 April, said his government would cut "
            "the tariffs on Chinese imports, though not end them.")
    analysis = analyze(engine, text)
    announced = only(analysis, "announced")
    assert names(analysis, announced.agents) == {"JD Moran"}  # not India, where he was
    agreed = only(analysis, "agreed")
    assert agreed.attribution == "Vice President JD Moran"
    assert only(analysis, "cut").attribution == "President Tom Hale"
    assert only(analysis, "said").date == "2023-04-22"  # said: the last 22 April before publication


def test_those_two_nations_are_the_pair_named_last(engine):
    text = ("Norway and Sweden traded blame all week. On Monday Ireland imposed tariffs on steel, in measures "
            "also targeting Mexico and Canada. Ireland has paused the tariffs on those two nations following talks.")
    analysis = analyze(engine, text)
    assert {"Mexico", "Canada"} <= names(analysis, only(analysis, "paused").targets)


def test_a_deal_struck_read_as_a_subject_is_still_what_was_struck(engine):
    # the parser makes "deals" the subject of "struck" and "are" a verb joined to it
    analysis = analyze(engine, "Trade deals struck with Norway are likely to be tentative.")
    assert [(e.trigger, e.category) for e in analysis.events] == [("struck", "05")]


def test_a_stance_toward_a_place_is_not_that_place(engine):
    analysis = analyze(engine, "Four pro-Western parties led by Anna Berg split the remaining seats with Norway.")
    assert all("the West" not in names(analysis, e.agents) for e in analysis.events)


def test_a_passive_subject_named_beside_it_heads_the_row(engine):
    text = "The coalition won 36 seats, and its candidate, Duma Boko, was sworn in as president on 8 November."
    sworn = only(analyze(engine, text), "sworn")
    assert sworn.summary.startswith("Boko")


def test_quotation_marks_typed_as_backticks_are_quotation_marks(engine):
    # some sources type quotations ``...'': a date inside one does not date the saying, and the row
    # shows the words in quotation marks
    text = "Tom Hale of Norbank said: ``There is not the panic that there was in November, and we are calm.''"
    said = only(analyze(engine, text), "said")
    assert said.date is None
    assert "“There is not the panic" in said.summary and "``" not in said.summary


def test_the_date_of_a_baseline_does_not_date_the_act(engine):
    analysis = analyze(engine, "The Liberal Party won only 4 seats, down from 38 in the previous election in 2019.")
    assert only(analysis, "won").date != "2019"


def test_an_act_named_in_what_is_reported_is_not_the_reporters(engine):
    analysis = analyze(engine, 'In recent days, Norwegian media have reported "progress" in indirect negotiations with Hamas.')
    negotiations = only(analysis, "negotiations")
    assert not negotiations.summary.startswith("Norwegian media")
    # an act named beside the saying is the speaker's own
    talks = only(analyze(engine, "Turkey said after talks with Russia that the deal would hold."), "talks")
    assert names(analyze(engine, "Turkey said after talks with Russia that the deal would hold."), talks.agents) == {"Turkey"}


def test_his_after_a_person_named_only_by_a_post_is_not_someone_named_before(engine):
    text = "President Tom Hale imposed tariffs.\nThe French foreign minister met his German counterpart."
    analysis = analyze(engine, text)
    met = only(analysis, "met")
    assert "Tom Hale" not in names(analysis, met.targets)


def test_plural_counterparts_are_their_country_not_its_one_person_named(engine):
    text = ("President Joe Biden proposed tariffs.\n"
            "British officials are engaged in negotiations with their US counterparts this weekend.")
    analysis = analyze(engine, text)
    engaged = only(analysis, "engaged")
    assert names(analysis, engaged.targets) == {"United States"}


def test_the_one_told_is_not_the_party_in_what_was_told(engine):
    text = ("The Green Party would cut taxes, Peter Dolan has said. "
            "Mr Dolan told the Daily Courier the party would also reduce the number of advisers.")
    analysis = analyze(engine, text)
    courier = [a.id for a in analysis.actors if "Courier" in a.name]
    assert courier
    assert not [e for e in analysis.events if e.trigger.startswith("reduce") and set(e.agents) & set(courier)]


def test_the_one_a_report_quotes_as_saying_is_the_speaker_and_the_report_the_source(engine):
    analysis = analyze(engine, "Budget airlines cut fares. The Jakarta Post quoted Jusman Djamal as saying that "
                               "Indonesia would buy Boeing jets instead.")
    (saying,) = by_trigger(analysis, "saying")
    assert names(analysis, saying.agents) == {"Jusman Djamal"} and not by_trigger(analysis, "quoted")
    assert saying.modality == "reported" and saying.attribution == "The Jakarta Post"
    (buy,) = by_trigger(analysis, "buy")
    assert names(analysis, buy.agents) == {"Indonesia"} and buy.modality == "hypothetical"


def test_whom_a_document_was_sent_to_did_not_write_it_but_who_commissioned_it_did(engine):
    analysis = analyze(engine, "Passport row grows\n\nA letter sent to Martin Mubanga said his passport would not be "
                               "issued. A report commissioned by the Home Office said the plan would fail.")
    (said,) = by_trigger(analysis, "said")
    assert names(analysis, said.agents) == {"Home Office"}


def test_attending_with_nothing_attended_named_takes_the_date_of_the_gathering_just_named(engine):
    text = ("Tuesday's meeting on trade is being hosted by the Norwegian prime minister, Jane Halm. "
            "Also due to attend are Chinese Foreign Minister Wang Yi and officials from 20 countries.")
    attend = only(analyze(engine, text), "attend")
    hosted = only(analyze(engine, text), "hosted")
    assert hosted.date is not None and attend.date == hosted.date
    # a gathering two sentences back is too far to be the one meant
    rows = [e for e in analyze(engine, text + " Markets rose. Wang Yi will attend.").events if e.trigger == "attend"]
    assert [e.date for e in rows][-1] is None


@pytest.mark.parametrize(("text", "trigger"), [
    ("Markets fell. Jane Halm, the MP for Vik and Bergen, was attacked in a park in Oslo.", "attacked"),
    ("Markets fell. Jane Halm, the MP for Leeds, said the plan was wrong.", "said"),
])
def test_an_mps_constituency_takes_no_part_in_what_the_mp_does_or_suffers(engine, text, trigger):
    analysis = analyze(engine, text)
    named = {analysis.actor(i).name for i in only(analysis, trigger).actors}
    assert "Jane Halm" in named and not named & {"Vik", "Bergen", "Leeds"}


def test_the_party_a_candidate_stands_for_is_no_seat(engine):
    analysis = analyze(engine, "Markets fell. A prospective candidate for the Scottish Green Party has resigned.")
    assert "Scottish Green Party" in {analysis.actor(i).name for i in only(analysis, "resigned").actors}


@pytest.mark.parametrize("text, trigger, target", [
    ("Senator Ann Halvorsen was expelled from the party because of her opposition to the war on Vestland.",
     "expelled", "Ann Halvorsen"),
    ("The Norland minister cancelled the visit to Oslo due to the strike in Vestland.", "cancelled", None),
])
def test_a_name_in_the_cause_of_an_act_is_not_what_it_was_done_to(engine, text, trigger, target):
    analysis = analyze(engine, text)
    (event,) = [e for e in analysis.events if e.trigger.startswith(trigger)]
    assert "Vestland" not in names(analysis, event.targets)
    assert "Vestland" in names(analysis, event.actors)  # still one of the row's actors
    if target:
        assert target in names(analysis, event.targets)


@pytest.mark.parametrize(
    "sentence",
    ["The Airbus A320 crashed into a field near Lyon on Monday.",
     "The Boeing 737-800 jetliner crashed into a field near Lyon on Monday."],
)
def test_a_makers_name_before_a_model_is_not_the_doer(engine, sentence):
    """ "The Airbus A320 crashed": the plane did, not the company that built it."""
    (event,) = [e for e in analyze(engine, sentence).events if e.trigger == "crashed"]
    assert event.agents == [] and event.summary.startswith("The ")


def test_a_year_after_a_name_is_no_model(engine):
    analysis = analyze(engine, "The Labour 2005 manifesto promised lower taxes.")
    (event,) = analysis.events
    assert names(analysis, event.agents) == {"Labour"}


@pytest.mark.parametrize(
    ("words", "entity", "maker"),
    [(["The", "Airbus", "A320", "jet"], "ORG", True), (["A", "Boeing", "737", "jet"], "ORG", True),
     (["A", "Number", "10", "spokeswoman"], "GPE", False), (["A", "Vestco", "10", "jet"], "ORG", False)],
)
def test_what_reads_as_a_model_designation(words, entity, maker):
    """ "Number 10" (Downing Street) is a place that speaks, and two digits make no model."""
    import spacy
    from spacy.tokens import Doc, Span

    from reader.nlp.events.clause_shapes import maker_of_model

    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 1, 3], deps=["det", "nmod", "nummod", "ROOT"],
              pos=["DET", "PROPN", "NUM", "NOUN"])
    doc.ents = [Span(doc, 1, 2, label=entity)]
    assert maker_of_model(doc[1]) is maker


def test_an_act_noun_a_field_verb_is_done_to_by_a_named_doer_is_an_event(engine):
    """ "The merger was blocked by the European Commission": the merger is what is blocked, not a doer."""
    analysis = analyze(engine, "The merger was blocked by the European Commission on Tuesday.")
    (event,) = analysis.events
    assert event.trigger == "blocked" and names(analysis, event.agents) == {"European Commission"}


def test_a_passive_act_noun_with_no_doer_leaves_the_clause_that_names_one(engine):
    analysis = analyze(engine, "That lawsuit was settled in 1991, out of court, with Norcom paying $26.5 million.")
    assert [e.trigger for e in analysis.events] == ["paying"]


def test_a_headline_participle_with_its_doer_is_headed_by_whom_it_was_done_to(engine):
    """ "MP attacked by muggers in Kenya": not "muggers in Kenya: attacked by muggers in Kenya"."""
    (event,) = analyze(engine, "Minister attacked by protesters in Oslo\n\nA minister has been hurt.").events
    assert event.summary == "Minister: attacked by protesters in Oslo"


def test_a_passive_joined_to_another_is_headed_by_their_subject(engine):
    """ "The fee would be set locally, but administered by the agency": not "Agency: administered by the agency"."""
    text = "The fee would be set locally, but administered by the Norland Revenue Agency which they say would save £3m."
    (event,) = [e for e in analyze(engine, text).events if e.trigger == "administered"]
    assert event.summary.startswith("The fee: administered by the Norland Revenue Agency")


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [("Ms Berg said the plan, which was announced in May, would cost £5bn.", "Berg: said the plan would cost £5bn"),
     ("Mr Dahl said the minister, a former banker, had misled parliament.",
      "Dahl: said the minister had misled parliament"),
     ("Mr Dahl met the minister, a former banker, in Oslo on Monday.", "Dahl: met the minister in Oslo on Monday"),
     # what is called for goes on after the aside, and after the noun it hangs on
     ("Mr Dahl called for the defence minister, Tom Lane, to be sacked.", "Dahl → Lane: called for the defence minister to be sacked"),
     ("Mr Dahl called for the full advice to be published.", "Dahl: called for the full advice to be published")],
)
def test_an_aside_after_the_subject_of_what_is_said_is_left_out_of_the_summary(engine, sentence, summary):
    """ "said the plan, which was announced in May" stopped before what was said of the plan."""
    (event,) = analyze(engine, sentence).events
    assert event.summary == summary


@pytest.mark.parametrize(
    ("sentence", "trigger", "summary"),
    [("Egypt backs the army, while Qatar is thought to favour the rebels.", "backs", "Egypt: backs the army"),
     ("Egypt sent aid to the army, though Qatar stayed neutral.", "sent", "Egypt: sent aid to the army"),
     ("Mr Dahl said that, although the jets cost €2bn, the airline would buy them.", "said", "Dahl: said that, although")],
)
def test_a_clause_with_its_own_subject_after_a_comma_is_left_out_of_the_summary(engine, sentence, trigger, summary):
    """ "..., while Qatar ...": another's act, not more of this one; but inside what is said it is what is said."""
    (event,) = [e for e in analyze(engine, "Cabinet row\n\n" + sentence).events if e.trigger.startswith(trigger)]
    assert event.summary.startswith(summary) and (trigger == "said" or event.summary.endswith(summary.split()[-1]))


@pytest.mark.parametrize(
    ("text", "trigger", "summary"),
    [("The party attacked Labour's six new pledges as vacuous.", "pledges", "Labour: six new pledges"),
     ("Mr Blair rejected the Tories' sunset clause proposals.", "proposals", "Conservative Party: sunset clause proposals"),
     ('Party officials said the Peter Hain "mongrel" attack was the latest example.', "attack", "Hain: mongrel attack")],
)
def test_a_noun_told_as_an_act_keeps_the_words_that_say_which(engine, text, trigger, summary):
    """ "Labour: pledges" says nothing; "Labour: six new pledges" says which (the doer's words are the doer)."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + text), trigger)
    assert event.summary.split(" (")[0] == summary


@pytest.mark.parametrize(
    ("text", "trigger", "summary"),
    [("Aid was sent after the Asian tsunami.", "tsunami", "Asian tsunami"),
     ("Fans were blamed for the 1989 Hillsborough disaster.", "disaster", "1989 Hillsborough disaster")],
)
def test_a_disaster_named_by_its_place_is_nobodys_act(engine, text, trigger, summary):
    """ "Asia: tsunami" made Asia the doer; the place is where it struck."""
    (event,) = by_trigger(analyze(engine, "Cabinet row\n\n" + text), trigger)
    assert event.category == "DISASTER" and event.agents == [] and len(event.targets) == 1
    assert event.summary == summary


def test_a_quotation_of_the_first_verb_is_not_the_second_verbs(engine):
    """ 'called the decision "a betrayal" and threatened strikes': the words quoted are the calling's."""
    text = 'Cabinet row\n\nUnion leader Karl Brenner called the decision "a betrayal" and threatened strikes at two plants.'
    (threat,) = by_trigger(analyze(engine, text), "threatened")
    assert threat.summary == "Brenner: threatened strikes at two plants"


def test_the_day_in_an_aside_on_the_subject_does_not_date_the_act(engine):
    """ "The government, formed in September, suffered a defeat on Tuesday": Tuesday's defeat."""
    text = "Vote lost\n\nNorland's government, formed in September, suffered a defeat in parliament on Tuesday."
    (event,) = by_trigger(engine.analyze(document_from_text(text, published=dt.date(2024, 12, 5))), "suffered")
    assert event.date == "2024-12-03"


@pytest.mark.parametrize(("sentence", "short"), [
    ("Vladimir Putin and Xi Jinping held talks at the summit in Moscow on Tuesday.", "Putin, Xi:"),
    ("Kim Jong Un fired missiles into the sea near Japan on Tuesday.", "Kim:"),
    ("Foreign Office minister Kim Howells visited Baghdad on Tuesday.", "Howells:"),
    ("Lee Anderson visited Baghdad on Tuesday.", "Anderson:"),
])
def test_a_person_is_named_by_the_family_name_wherever_it_is_written(engine, sentence, short):
    (event,) = analyze(engine, "Summit\n\n" + sentence).events
    assert event.summary.startswith(short)



def test_the_doer_of_a_passive_with_two_objects_is_named_after_by(engine):
    analysis = analyze(engine, "Cabinet row\n\nVoters were promised tax cuts by the Greens Party.")
    event = only(analysis, "promised")
    assert [analysis.actor(a).name for a in event.agents] == ["Greens Party"]
    assert event.targets == []


def test_the_party_after_a_passive_is_the_one_that_acted_in_it(engine):
    text = "Cabinet row\n\nPensioners were promised fuel vouchers by the Greens Party. The party says the plan would save £100."
    analysis = analyze(engine, text)
    says = only(analysis, "says")
    assert [analysis.actor(a).name for a in says.agents] == ["Greens Party"]
    # a body of the party did it: "the party" is the party, not its body
    text = "Cabinet row\n\nThe plan was ratified by the Greens Party's National Executive Committee. The party says it will save £100."
    says = only(analyze(engine, text), "says")
    assert [analyze(engine, text).actor(a).name for a in says.agents] == ["Greens Party"]
    # an "it" there is the plan, not the party
    text = "Cabinet row\n\nThe plan was unveiled by the Greens Party. It would cut fuel bills by £100."
    assert [e.trigger for e in analyze(engine, text).events] == ["unveiled"]


def test_an_act_noun_between_named_parties_is_theirs_not_the_subject_of_the_sentence(engine):
    analysis = analyze(engine, "Cabinet row\n\nMr Baume was never at the meetings between Mr Lane and Ms Ward.")
    meetings = only(analysis, "meetings")
    assert {analysis.actor(a).name for a in meetings.agents} == {"Lane", "Ward"}
    assert "Baume" not in meetings.summary


def test_an_arranged_act_the_field_dictionary_codes_is_a_row_dated_apart_from_its_cause(engine):
    # "is to go on trial": "be to" arranges it; "in 2000" is the crash's year, not the trial's
    text = "Cabinet row\n\nMr Lane is to go on trial for manslaughter over the rail crash in 2000."
    event = only(analyze(engine, text), "go")
    assert event.modality == "hypothetical" and event.category == "17"
    assert event.date is None
    text = "Cabinet row\n\nMr Lane is to go on trial for manslaughter over the rail crash in Hatfield in 2000."
    assert only(analyze(engine, text), "go").date is None
    # the crash under the planned trial happened
    text = "Cabinet row\n\nMr Lane is to go on trial for manslaughter over the Hatfield rail crash in 2000."
    crash = only(analyze(engine, text), "crash")
    assert crash.modality == "asserted" and crash.date == "2000"
    # a done act keeps the year the parser hangs on its verb
    assert only(analyze(engine, "Cabinet row\n\nMr Lane was charged over the rail crash in 2000."), "charged").date == "2000"


@pytest.mark.parametrize("sentence, lead", [
    ("Ten soldiers were killed in Norland on Sunday.", "Ten soldiers:"),
    ("At least 23 people were killed in Vik when police opened fire.", "At least 23 people:"),
    ("Dozens of people were injured in Vik.", "Dozens of people:"),
])
def test_people_counted_as_killed_or_hurt_at_a_named_place_are_a_row(engine, sentence, lead):
    event = only(analyze(engine, f"Cabinet row\n\n{sentence}"), sentence.split(" were ")[1].split()[0])
    assert event.summary.startswith(lead)
    assert event.category == "18"


def test_people_struck_uncounted_or_nowhere_named_are_no_row(engine):
    assert not [e for e in analyze(engine, "Cabinet row\n\nThe soldiers were killed in Norland.").events if e.trigger == "killed"]
    assert not [e for e in analyze(engine, "Cabinet row\n\nTen soldiers were killed.").events if e.trigger == "killed"]


def test_who_reports_an_act_is_named_without_the_clause_describing_them(engine):
    text = "Cabinet row\n\nThe IMF, which approved a $976m loan to Kenya in January, said it was closely monitoring the situation."
    (monitoring,) = [e for e in analyze(engine, text).events if e.trigger == "monitoring"]
    assert monitoring.attribution == "The IMF"


@pytest.mark.parametrize("sentence, trigger", [
    ("Mr Lane took office in September 2022.", "took"),
    ("Ms Ward will leave office in May.", "leave"),
    ("Mr Lane assumed the presidency in 2019.", "assumed"),
])
def test_taking_and_leaving_office_is_an_office_act(engine, sentence, trigger):
    assert only(analyze(engine, f"Cabinet row\n\n{sentence}"), trigger).category == "OFFICE"


def test_an_undated_act_a_state_runs_from_is_no_row(engine):
    text = ("Cabinet row\n\nSince taking office, the Lane government has failed to act. Ms Ward has faced criticism since she resigned. "
            "It was the biggest protest since Mr Berg took office.")
    assert [e.trigger for e in analyze(engine, text).events if e.trigger in ("taking", "resigned", "took")] == []
    # a dated one is news of its own, and "since" meaning "because" is no time frame
    text = "Cabinet row\n\nPrices have risen since the Bank of England cut rates in May."
    assert only(analyze(engine, text), "cut").date == "2023-05"
    text = "Cabinet row\n\nMr Lane resigned since Ms Ward had attacked him."
    assert only(analyze(engine, text), "attacked")


def test_a_state_body_in_a_headline_without_its_article_is_the_home_countrys(engine):
    text = ("Norway: Central bank raises rates as krone slides\n\n"
            "Norway's central bank raised its benchmark rate to 5% on Wednesday. Norway's exports fell.")
    raised = only(analyze(engine, text), "raised")
    assert raised.sources  # the headline's act is the lead's, one row


def test_a_persons_doctors_speak_for_themselves_and_his_troops_fight_for_him(engine):
    text = "Cabinet row\n\nMr Lane underwent surgery on Monday, but his doctors said he was recovering well."
    assert not [e for e in analyze(engine, text).events if e.trigger == "said"]
    analysis = analyze(engine, "Cabinet row\n\nMr Lane said his troops would attack.")
    assert [analysis.actor(a).name for a in only(analysis, "attack").agents] == ["Lane"]


def test_taking_over_as_a_post_is_an_office_act(engine):
    assert only(analyze(engine, "Cabinet row\n\nMr Berg will take over as governor on 1 January."), "take").category == "OFFICE"


def test_a_day_inside_the_first_of_two_clauses_does_not_date_the_second(engine):
    text = ("Cabinet row\n\nVolkswagen announced last month that it would close three plants in Norland, "
            "and the IG Metall union has threatened strikes.")
    analysis = analyze(engine, text)
    assert only(analysis, "announced").date == "2024-02"
    assert only(analysis, "threatened").date != "2024-02"
    # a day set before both frames both
    text = "Cabinet row\n\nIn May, Volkswagen closed a plant in Norland, and the IG Metall union threatened strikes."
    assert only(analyze(engine, text), "threatened").date == "2023-05"


def test_a_threat_made_on_a_condition_is_made(engine):
    text = "Cabinet row\n\nThe IG Metall union has threatened strikes if job cuts go ahead."
    assert only(analyze(engine, text), "threatened").modality == "asserted"


def test_a_victory_or_defeat_in_an_election_is_a_vote(engine):
    text = "Cabinet row\n\nDonald Trump's victory in the US presidential election on November 5th raises the prospect of tariffs."
    event = only(analyze(engine, text), "victory")
    assert event.category == "VOTE" and event.date == "2023-11-05"
    # not any victory: "in the war of words" is no election
    assert not analyze(engine, "Cabinet row\n\nLabour's victory in the war of words surprised no one.").events


@pytest.mark.parametrize("sentence, trigger", [
    ("The RSF has tightened its siege of El Fasher.", "tightened"),
    ("Israel imposed a blockade on Gaza.", "imposed"),
    ("Russian troops laid siege to Mariupol.", "laid"),
])
def test_a_siege_or_blockade_tightened_laid_or_imposed_is_a_blockade(engine, sentence, trigger):
    event = only(analyze(engine, f"Cabinet row\n\n{sentence}"), trigger)
    assert event.category == "19"


def test_a_country_label_alone_makes_the_home_country(engine):
    text = "Sudan: Talks stall as fighting spreads\n\nThe army boycotted a fresh round of talks with the RSF in Geneva."
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "boycotted").agents) == {"Sudan"}


def test_one_a_relative_clause_describes_undergoes_its_passive(engine):
    text = "Cabinet row\n\nMr Leslie, who was elected in 1997, said the age would be cut."
    elected = only(analyze(engine, text), "elected")
    assert elected.summary.startswith("Leslie: was elected in 1997")  # by the name he goes by, as when he acts
    assert elected.date == "1997"


def test_people_clashing_clash_in_words_and_police_with_protesters_by_force(engine):
    assert only(analyze(engine, "Cabinet row\n\nMr Blair clashed with Mr Howard over tax."), "clashed").category == "11"
    assert only(analyze(engine, "Cabinet row\n\nPolice clashed with protesters in Nairobi."), "clashed").category == "19"


def test_hitting_back_at_a_claim_is_criticism(engine):
    text = "Cabinet row\n\nMr Tomaney hit back at Mr Mallon's claim that an assembly would help."
    assert only(analyze(engine, text), "hit").category == "11"


def test_an_act_noun_whose_doer_the_parser_hung_deep_is_a_row_and_due_to_a_cause_is_no_plan(engine):
    text = ("Markets fall\n\nThis is due to the turmoil in the financial world, including the bailout of large "
            "insurance firm AIG by the US Federal Reserve.")
    analysis = analyze(engine, text)
    bailout = only(analysis, "bailout")
    assert names(analysis, bailout.agents) == {"Federal Reserve", "United States"}  # (one actor with "the Fed")
    assert bailout.modality == "asserted"


def test_a_bail_out_written_as_two_words_is_a_bailout(engine):
    analysis = analyze(engine, "Markets fall\n\nThe US Government's bail out of the banks cost $700bn.")
    assert only(analysis, "bail").category == "07"
    assert not analyze(engine, "Cabinet row\n\nMr Lane was granted bail.").events


def test_what_a_chamber_passes_is_a_law(engine):
    assert only(analyze(engine, "Cabinet row\n\nThe House passed the Ukraine portion by 311 votes to 112."), "passed").category == "LAW"
    assert only(analyze(engine, "Cabinet row\n\nMr Lane passed the ball."), "passed").category == "ACT"


def test_it_after_a_thing_acted_on_is_that_thing(engine):
    text = "Cabinet row\n\nThe Senate is expected to approve the package, and Mr Biden has said he will sign it immediately."
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "sign").targets) == set()
    # but "it" after troops sent is the sender's act
    analysis = analyze(engine, "Cabinet row\n\nNorland sent troops to Vestland. The UN condemned it.")
    assert "Norland" in names(analysis, only(analysis, "condemned").targets)


def test_announcing_tax_rises_or_job_cuts_is_the_economic_act_the_headline_names(engine):
    text = ("Reeves raises taxes by £40bn to rebuild public services\n\n"
            "The chancellor, Rachel Reeves, announced £40bn of tax rises in her first budget on Wednesday.")
    announced = only(analyze(engine, text), "announced")
    assert announced.category == "ECON" and announced.sources  # one row with the headline
    assert only(analyze(engine, "Cabinet row\n\nAcme Corp announced job cuts on Monday."), "announced").category == "ECON"


def test_a_law_passed_to_ban_or_restrict_is_coded_by_what_it_forces(engine):
    assert only(analyze(engine, "Cabinet row\n\nItaly passed a law to ban surrogacy abroad."), "passed").category == "17"
    # a law for anything else stays a law
    assert only(analyze(engine, "Cabinet row\n\nParliament passed a law to cut taxes."), "passed").category == "LAW"


def test_a_bill_proposed_to_restrict_trade_is_coded_by_what_it_restricts(engine):
    text = "Cabinet row\n\nUS lawmakers have also proposed a bill to restrict exports of artificial intelligence models."
    proposed = only(analyze(engine, text), "proposed")
    assert proposed.category == "16"
    assert "to restrict exports" in proposed.summary  # its purpose is in its words, no row of its own
    assert only(analyze(engine, "Cabinet row\n\nThe US restricted exports of chips to China."), "restricted").category == "16"
    # a bill's purpose is not done: no row asserts the sanctions
    analysis = analyze(engine, "Cabinet row\n\nCongress introduced a bill to impose sanctions on Russia.")
    assert [e.trigger for e in analysis.events] == ["introduced"]


def test_going_to_great_lengths_is_what_it_is_for(engine):
    assert only(analyze(engine, "Cabinet row\n\nMr Lane went to great lengths to attack the plan."), "went").category == "11"


def test_a_purpose_named_in_what_is_said_is_no_threat(engine):
    text = "Cabinet row\n\nMr Blair said Mr Bush had learned military force was not the only way to fight terrorism."
    assert only(analyze(engine, text), "said").category == "01"
    assert only(analyze(engine, "Cabinet row\n\nMr Lane said he had a plan to attack Vestland."), "said").category == "13"


def test_a_side_named_before_a_saying_is_the_one_spoken_for(engine):
    # "For the Greens, X said": the party speaks through its spokesman; its words are not about it
    analysis = analyze(engine, "Cabinet row\n\nFor the Green Party, Carla Voss said the budget was a missed chance.")
    said = only(analysis, "said")
    assert names(analysis, said.agents) == {"Carla Voss", "Green Party"} and not said.targets
    analysis = analyze(engine, "Cabinet row\n\nCarla Voss, for the Green Party, said the budget was a missed chance.")
    said = only(analysis, "said")
    assert names(analysis, said.agents) == {"Carla Voss", "Green Party"} and not said.targets
    analysis = analyze(engine, "Cabinet row\n\nCarla Voss said the plan was good for the Green Party.")
    assert names(analysis, only(analysis, "said").agents) == {"Carla Voss"}  # a "for" inside the words: not hers
    # she goes on speaking: the same statement, one row (the party spoke through her the first time)
    text = ("Cabinet row\n\nFor the Green Party, Carla Voss said the budget was a missed chance. She added "
            "that the cuts would hurt.")
    analysis = analyze(engine, text)
    assert [e.trigger for e in analysis.events] == ["said"] and len(analysis.events[0].sources) == 1



def test_a_pronoun_after_a_sentence_the_parser_left_without_a_subject_is_its_first_clauses(engine):
    # "Ms Kerr denied Mr Lane, her deputy, said ...": the root "said" has no subject; she is the topic
    text = ("Cabinet row\n\nMr Lane met Mr Ward on Monday. But Ms Kerr denied Mr Lane, her deputy, said the plans "
            "were dead. She also said the talks went well.")
    analysis = analyze(engine, text)
    said = [e for e in analysis.events if e.trigger == "said"]
    assert [names(analysis, e.agents) for e in said] == [{"Kerr"}]


def test_the_country_as_a_subject_is_the_one_just_named(engine):
    text = "Cabinet row\n\nKenya's parliament approved a bill on Monday. Mr Ruto said the country would cut taxes."
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "cut").agents) == {"Kenya"}
    # two named just before: no one
    analysis = analyze(engine, "Cabinet row\n\nKenya and Uganda signed a deal. The country will cut taxes in May.")
    assert not by_trigger(analysis, "cut")


def test_it_after_a_body_and_its_country_label_is_the_body(engine):
    analysis = analyze(engine, "Cabinet row\n\nTelvora, a Kenyan mobile operator, said it would cut prices.")
    assert names(analysis, only(analysis, "cut").agents) == {"Telvora"}



def test_an_act_joined_to_a_participle_set_off_inside_the_first_is_the_first_doers(engine):
    analysis = analyze(engine, "Cabinet row\n\nAcmeco reported a loss, hit by a tax bill, and cut its dividend.")
    cut = only(analysis, "cut")
    assert names(analysis, cut.agents) == {"Acmeco"} and cut.category == "ECON"


def test_a_date_that_says_which_thing_is_meant_does_not_date_the_act(engine):
    analysis = analyze(engine, "Cabinet row\n\nMr Lane said the 2022 election was stolen.")
    assert only(analysis, "said").date is None
    analysis = analyze(engine, "Cabinet row\n\nThe court voted on Wednesday to put Mr Lane on trial over the 2022 election.")
    assert only(analysis, "voted").date == "2024-03-20"
    text = "Cabinet row\n\nThe court confirmed Tom Lane as the winner of the October 9th presidential election."
    assert only(analyze(engine, text), "confirmed").date is None
    # a date that sets the act in time still does
    assert only(analyze(engine, "Cabinet row\n\nLabour won 40 seats in the 2022 election."), "won").date == "2022"
    assert only(analyze(engine, "Cabinet row\n\nMr Lane won the 2022 election."), "won").date == "2022"


def test_a_day_after_what_someone_called_a_thing_dates_the_main_act(engine):
    """ "on what it called terrorist camps in Vestia on May 7th": the parser hangs the day on "called"."""
    text = "Cabinet row\n\nNorland launched missile strikes on what it called terrorist camps in Vestia on March 7th."
    assert only(analyze(engine, text), "launched").date == "2024-03-07"
    text = "Cabinet row\n\nNorland condemned what Vestia did on March 7th, when it shelled the border."
    assert only(analyze(engine, text), "condemned").date is None


def test_then_puts_an_act_after_the_day_the_story_last_gave(engine):
    text = ("Cabinet row\n\nMr Tom Lane met Vestia's president in Vik on 9 March. He then travelled to Oslo, "
            "where he held talks with the prime minister.")
    analysis = analyze(engine, text)
    assert only(analysis, "met").date == "2024-03-09"
    assert only(analysis, "travelled").date is None and only(analysis, "held").date is None
    text = "Cabinet row\n\nMr Tom Lane met Vestia's president in Vik on 9 March. He travelled to Oslo."
    assert only(analyze(engine, text), "travelled").date == "2024-03-09"


def test_a_date_after_for_on_a_verb_with_an_object_dates_the_object_not_the_act(engine):
    """ "called an election for 17 November": the calling was Thursday; the date is the election's."""
    text = "Cabinet row\n\nMr Tom Lane dissolved parliament on Monday and called an election for 17 May."
    assert only(analyze(engine, text), "called").date == "2024-03-18"
    text = "Cabinet row\n\nNorland Steel cut its output forecast for the year on 12 March."
    assert only(analyze(engine, text), "cut").date == "2024-03-12"
    # with nothing else to date it, the object's date is still the best a reader has
    text = "Cabinet row\n\nNorland Steel cut its output forecast for 2023."
    assert only(analyze(engine, text), "cut").date == "2023"


def test_the_year_of_a_treaty_or_a_law_does_not_date_the_act(engine):
    text = "Cabinet row\n\nMr Tom Lane said a Tory government would withdraw from the 1951 refugee convention."
    assert only(analyze(engine, text), "withdraw").date is None
    text = "Cabinet row\n\nNorland broke the 2015 accord with Vestia last year."
    assert only(analyze(engine, text), "broke").date == "2023"


def test_a_days_act_heads_its_summary_whole(engine):
    killed = only(analyze(engine, "Cabinet row\n\nMonday's attack killed ten people in Vik."), "killed")
    assert killed.summary.startswith("Monday's attack")


def test_a_datelines_day_is_not_the_day_of_the_act_it_opens(engine):
    text = ("Coalition falls\n\nBERLIN, March 20 - Chancellor Ann Kerr fired Finance Minister Tom Lind on Tuesday, "
            "bringing down her coalition.")
    analysis = analyze(engine, text)
    fired = only(analysis, "fired")
    assert fired.date == "2024-03-19" and names(analysis, fired.agents) == {"Ann Kerr"}
    # the dateline stays no one's act, and a plain dash after a name is no dateline
    analysis = analyze(engine, "Coalition falls\n\nMr Lane - the new leader - said on Tuesday the plan was dead.")
    assert names(analysis, only(analysis, "said").agents) == {"Lane"}


def test_a_partys_name_of_two_words_stays_whole(engine):
    text = "Coalition falls\n\nMr Lind's Free Democrats quit the government. The Christian Democrat leader said so."
    analysis = analyze(engine, text)
    assert {a.name for a in analysis.actors} >= {"Free Democrats", "Christian Democrats"}
    assert "Democrats" not in {a.name for a in analysis.actors}


def test_an_act_told_as_before_or_after_the_main_one_does_not_take_its_day(engine):
    text = ("Cabinet row\n\nThe Lebanese army said on Monday it had retaken the palace from Hezbollah, two years "
            "after the group seized it.")
    analysis = analyze(engine, text)
    assert only(analysis, "said").date == "2024-03-18" and only(analysis, "seized").date == "2022"  # two years before
    analysis = analyze(engine, "Cabinet row\n\nMr Lane resigned on Monday after the board rejected his plan.")
    assert only(analysis, "resigned").date == "2024-03-18" and only(analysis, "rejected").date is None


def test_talks_brokered_by_a_mediator_that_collapsed_are_one_row_with_the_mediator(engine):
    """The mediator takes part in the row but did not collapse the talks (nor is Jeddah a party)."""
    text = "Cabinet row\n\nTalks in Jeddah brokered by Qatar and Egypt collapsed on Monday."
    analysis = analyze(engine, text)
    assert [e.trigger for e in analysis.events] == ["collapsed"]
    (collapsed,) = analysis.events
    assert not collapsed.agents and {"Qatar", "Egypt"} <= names(analysis, collapsed.actors)
    assert collapsed.date == "2024-03-18"
    analysis = analyze(engine, "Cabinet row\n\nTalks brokered by Qatar and Egypt in Jeddah collapsed on Monday.")
    assert not only(analysis, "collapsed").agents
    analysis = analyze(engine, "Cabinet row\n\nTalks between Norland and Vestia, hosted by Egypt, resumed on Monday.")
    assert names(analysis, only(analysis, "resumed").agents) == {"Norland", "Vestia"}
    assert "Egypt" in names(analysis, only(analysis, "resumed").actors)
    analysis = analyze(engine, "Cabinet row\n\nThe deal, mediated by Egypt, requires Norland to withdraw its troops.")
    assert "Egypt" not in names(analysis, only(analysis, "requires").agents)


def test_a_report_written_by_a_group_says_what_the_group_says(engine):
    analysis = analyze(engine, "Cabinet row\n\nA report written by Amnesty International said the army had killed 40 people.")
    assert names(analysis, only(analysis, "said").agents) == {"Amnesty International"}


def test_a_pledge_told_after_its_words_says_them(engine):
    text = "Cabinet row\n\nThe party would stand up for the forgotten majority, Tom Lane pledged as he unveiled the plan."
    assert only(analyze(engine, text), "pledged").summary == "Lane: pledged the party would stand up for the forgotten majority"


def test_a_kin_of_a_leader_speaks_for_herself(engine):
    text = "Cabinet row\n\nTom Lane, the brother of Prime Minister Ann Lane, said the plan was dead."
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "said").agents) == {"Tom Lane"}


def test_a_dateline_is_no_part_of_what_is_said(engine):
    text = ("Missiles fired\n\nSEOUL, March 20 - Norland fired two missiles into the sea on Monday, "
            "South Korea's military said.")
    said = only(analyze(engine, text), "said")
    assert "SEOUL" not in said.summary and said.summary.endswith("said Norland fired two missiles into the sea on Monday")


def test_a_hyphenated_given_name_stays_whole(engine):
    analysis = analyze(engine, "Cabinet row\n\nActing President Choi Sang-mok ordered the army to stay ready.")
    assert "Choi Sang-mok" in {a.name for a in analysis.actors}
    assert only(analysis, "ordered").summary.startswith("Choi:")


@pytest.mark.parametrize(("sentence", "trigger", "date"), [
    ("The opposition filed a motion against Mr Lane on 12 March, a day after he declared a state of emergency.",
     "declared", "2024-03-11"),
    ("Mr Lane resigned on 12 March, two weeks after the board rejected his plan.", "rejected", "2024-02-27"),
    ("Mr Lane met Mr Hale in Paris on 12 March, three days before he flew to Berlin.", "flew", "2024-03-15"),
    ("Mr Lane resigned in March 2024, a month after the board rejected his plan.", "rejected", "2024-02"),
    ("Mr Lane resigned on 12 March, days after the board rejected his plan.", "rejected", None),
])
def test_an_act_told_a_counted_span_after_or_before_the_main_one_is_dated_that_far_from_it(engine, sentence, trigger,
                                                                                          date):
    assert only(analyze(engine, f"Cabinet row\n\n{sentence}"), trigger).date == date


def test_a_date_after_a_semicolon_is_no_date_of_the_clause_before_it(engine):
    text = ("Cabinet row\n\nThe ethics committee of the Greens had been investigating Tom Lane; the Justice "
            "Department of Vestland closed its own inquiry last year without bringing charges.")
    analysis = analyze(engine, text)
    assert only(analysis, "investigating").date is None and only(analysis, "closed").date == "2023"


def test_a_dateline_is_no_part_of_the_unnamed_doer_after_it(engine):
    text = ("Motion filed\n\nOSLO - Norway's opposition parties submitted a motion on Wednesday to impeach "
            "President Tom Lane.")
    event = only(analyze(engine, text), "submitted")
    assert event.summary.startswith("Norway's opposition parties: submitted")


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("The central bank of Norway kept its policy rate unchanged at 6.5% on 7 March, and is unlikely to cut rates "
     "soon.", "cut"),
    ("Mr Lane flew to Cairo on 5 March and will meet Mr Hale.", "meet"),
])
def test_an_act_still_to_come_joined_to_a_dated_act_is_not_done_that_day(engine, sentence, trigger):
    analysis = analyze(engine, f"Rates news\n\n{sentence}")
    assert by_trigger(analysis, trigger)[0].date is None and analysis.events[0].date is not None


def test_counted_casualties_with_no_place_named_are_in_the_country_the_briefing_is_about(engine):
    text = ("Norway: unrest deepens\n\nAt least 130 people have been killed in protests since the election, "
            "according to a local rights group.")
    analysis = analyze(engine, text)
    killed = only(analysis, "killed")
    assert names(analysis, killed.actors) == {"Norway"} and killed.summary.startswith("At least 130 people")
    # with no country the briefing is about, no row names a place the text does not
    assert not analyze(engine, "Unrest deepens\n\nAt least 130 people have been killed in protests.").events


def test_a_hyphen_inside_a_word_does_not_cut_the_source_short(engine):
    text = "Norway: unrest\n\nAt least 30 people have been killed, according to Vigil, a local civil-society group."
    assert only(analyze(engine, text), "killed").attribution == "Vigil, a local civil-society group"


@pytest.mark.parametrize(("sentence", "trigger", "doer"), [
    ("Tom Lane, the Republican nominee, said the cut showed the economy was bad.", "said", "Lane"),
    ("Vodacom, a South African operator, said it would cut prices.", "said", "Vodacom"),
])
def test_a_party_or_country_describing_the_doer_in_apposition_is_no_doer(engine, sentence, trigger, doer):
    event = only(analyze(engine, f"Fed news\n\n{sentence}"), trigger)
    assert event.summary.startswith(f"{doer}:") and len(event.agents) == 1


def test_what_was_done_before_or_after_an_act_takes_no_part_in_it(engine):
    """ "After serving in the Attlee government, he became chancellor": Attlee is no party to becoming it."""
    text = "Cabinet row\n\nAfter serving as a junior minister in the Peru government, Mr Tom Lane resigned from the cabinet."
    assert only(analyze(engine, text), "resigned").targets == []
    text = "Cabinet row\n\nAfter leaving Peru in a reshuffle, Mr Tom Lane became a disability minister."
    became = only(analyze(engine, text), "became")
    assert became.category == "OFFICE" and became.targets == []
    text = "Cabinet row\n\nOfficials want the prison service to become more accountable to ministers."
    assert not [e for e in analyze(engine, text).events if e.category == "OFFICE"]



# -- who the text means, in shapes found in 2005 reports and 2024 analyses --------------------------


def test_bare_prosecutors_are_the_home_countrys(engine):
    """ "Prosecutors have opened an investigation": the country the briefing is about (as "Police raided")."""
    text = ("Chile's president resigned on Monday after a vote in Chile's parliament. Chile faces an election.\n\n"
            "Prosecutors have opened an investigation into the deal.")
    analysis = analyze(engine, text)
    opened = only(analysis, "opened")
    assert names(analysis, opened.agents) == {"Chile"} and opened.category == "09"


def test_a_personal_pronoun_fills_a_person_object(engine):
    """ "charged him", "sacked her": an act on a person, as "charged Mr Dahl" is."""
    analysis = analyze(engine, "Cabinet row\n\nLars Dahl resigned on Monday. Norland's prosecutors charged him on Friday.")
    assert only(analysis, "charged").category == "17"


def test_where_a_bodys_leader_sits_does_not_act(engine):
    """ "The leader of the Conservatives on the Welsh assembly has resigned": the party's, not Wales's."""
    analysis = analyze(engine, "Cabinet row\n\nThe leader of the Conservatives on the Welsh assembly has resigned.")
    assert names(analysis, only(analysis, "resigned").agents) == {"Conservative Party"}


def test_him_in_a_contest_to_succeed_him_is_not_who_would_succeed(engine):
    """ "would not stand in any contest to succeed him": a pronoun object is never its own clause's doer, so the
    speaker is not who would succeed (but "Dahl wanted to sack him" is Dahl's wish about another)."""
    analysis = analyze(engine, "Cabinet row\n\nNick Bourne said he would not stand in any contest to succeed him.")
    assert not by_trigger(analysis, "succeed")
    analysis = analyze(engine, "Cabinet row\n\nPrime Minister Lars Dahl wanted to sack him.")
    assert names(analysis, only(analysis, "wanted").agents) == {"Lars Dahl"}


def test_a_quoted_name_for_a_thing_is_a_statement(engine):
    """ 'called the decision "a formalised coup"': the model hangs the quoted name on the object as an apposition."""
    text = 'Cabinet row\n\nPrime Minister Lars Dahl called the decision "a formalised coup d\'etat".'
    called = only(analyze(engine, text), "called")
    assert called.summary.startswith("Dahl: called the decision")


@pytest.mark.parametrize(("text", "summary"), [
    ("Several of his ministers were arrested on Tuesday.", "Several of his ministers: were arrested"),
    ("Two of the Norland MPs were suspended on Tuesday.", "Two of the Norland MPs: were suspended"),
])
def test_a_counted_share_of_a_group_heads_its_passive_row(engine, text, summary):
    analysis = analyze(engine, "Cabinet row\n\nPresident Lars Dahl sacked the cabinet on Monday. " + text)
    (event,) = [e for e in analysis.events if e.trigger != "sacked"]
    assert event.summary.startswith(summary)


@pytest.mark.parametrize(("text", "category"), [
    ("Britain walked out of talks with France on Monday.", "16"),
    ("Britain pulled out of talks with France on Monday.", "16"),
    ("Britain pulled out of Iraq on Monday.", "08"),
])
def test_walking_or_pulling_out_of_talks_is_one_act(engine, text, category):
    """The model reads "out" as a preposition with "of" under it: the phrase is still the verb's, and the talks
    it leaves are part of that act, not a second row."""
    analysis = analyze(engine, "Cabinet row\n\n" + text)
    (event,) = analysis.events
    assert event.trigger == "pulled out" or event.trigger == "walked out"
    assert event.category == category and names(analysis, event.agents) == {"United Kingdom"}


def test_one_elected_then_becoming_leader_does_the_becoming(engine):
    """ "was first elected in 1999 and became leader in 2000": the one acted on in the passive acts in the active verb."""
    analysis = analyze(engine, "Cabinet row\n\nNick Bourne was first elected to the assembly in 1999 and became leader of the group in 2000.")
    became = only(analysis, "became")
    assert names(analysis, became.agents) == {"Nick Bourne"} and became.date == "2000"


def test_a_person_named_with_his_party_still_makes_a_saying_that_needs_a_person(engine):
    """ "suggested" is a saying only when a person says it ("the figures suggest" is evidence); "Labour's Lars Dahl"
    names the person and his party, and the saying stays."""
    analysis = analyze(engine, "Cabinet row\n\nLabour's Lars Dahl has suggested the plan was flawed.")
    assert names(analysis, only(analysis, "suggested").agents) == {"Lars Dahl", "Labour"}


def test_whose_names_the_one_the_relative_clause_describes(engine):
    """ "Reeves, whose October budget raised contributions by £25bn": her budget, her act."""
    text = "Cabinet row\n\nChancellor Rachel Reeves, whose budget raised employers' contributions by £25bn, said it was fair."
    analysis = analyze(engine, text)
    raised = only(analysis, "raised")
    assert names(analysis, raised.agents) == {"Rachel Reeves"} and raised.category == "ECON"
    # but "whose grandmother died" is hers, not his
    died = only(analyze(engine, "Cabinet row\n\nMichael Howard, whose grandmother died in Auschwitz, said it was wrong."), "died")
    assert not died.agents


@pytest.mark.parametrize("text", ["Norland increased taxes on fuel.", "Norland raised national insurance contributions.",
                                  "Norland cut pensions and benefits."])
def test_fiscal_decisions_are_economic_acts(engine, text):
    analysis = analyze(engine, "Budget row\n\nThe government of Norland met on Monday. " + text)
    assert [e.category for e in analysis.events if e.trigger in ("increased", "raised", "cut")] == ["ECON"]


def test_an_aside_after_a_preposed_report_is_not_what_was_said(engine):
    """ "Inflation rose to 2.6%, the ONS said on Wednesday, its highest level in eight months": the aside describes
    the figure; the row is the saying and what it said."""
    text = ("Prices\n\nInflation rose to 2.6% in November, the Office for National Statistics said on Wednesday, "
            "its highest level in eight months.")
    said = only(analyze(engine, text), "said")
    assert said.summary == "Office for National Statistics: said on Wednesday inflation rose to 2.6% in November"


def test_the_year_of_a_law_the_report_names_does_not_date_the_report(engine):
    """ "said the 1977 emergency powers law Mr Trump had invoked did not give him ...": 1977 says which law."""
    text = ("Court ruling\n\nThe Court of International Trade said the 1977 emergency powers law President Lars Dahl "
            "had invoked did not give him unlimited power.")
    assert only(analyze(engine, text), "said").date != "1977"


def test_the_administration_is_the_country_of_the_leader_just_named(engine):
    """With no country the briefing is about, "the administration" after "Chile's president, X" is Chile's."""
    text = ("Tariffs\n\nA trade court ruled on Wednesday that Chile's president, Lars Dahl, had exceeded his authority. "
            "The administration immediately filed an appeal.")
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "filed").agents) == {"Chile"}


def test_a_country_before_its_party_is_no_doer_with_it(engine):
    """ "Austria's far-right Freedom Party won": the party won, not the Austrian state."""
    analysis = analyze(engine, "Election\n\nAustria's far-right Freedom Party won the election on Sunday.")
    won = only(analysis, "won")
    assert names(analysis, won.agents) == {"Freedom Party"} and won.summary.startswith("Freedom Party: won")


def test_her_captors_are_not_her(engine):
    """ "Her captors had threatened to kill her": who holds her acts, not she (as "his critics say" is not he)."""
    text = ("Hostage\n\nThe Italian journalist Giuliana Sgrena was seized by gunmen outside a mosque on 4 February. "
            "Her captors had threatened to kill her unless Italy withdrew its troops from Iraq.")
    analysis = analyze(engine, text)
    assert "Giuliana Sgrena" not in names(analysis, only(analysis, "threatened").agents)
    assert only(analysis, "seized").category == "18"


def test_the_members_of_a_chamber_the_text_names_act_for_it(engine):
    """ "MPs voted by 300 to 200": the House of Commons the briefing names (not "Labour MPs", a party's)."""
    text = ("Terror bill\n\nThe bill was debated in the House of Commons on Monday. MPs voted by 300 to 200 to back the bill. "
            "Labour MPs criticised the bill.")
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, "voted").agents) == {"House of Commons"}
    assert "House of Commons" not in names(analysis, only(analysis, "criticised").agents)


def test_an_act_a_day_after_a_dated_act_is_dated_the_day_after(engine):
    """ "began firing rockets into Israel a day after Hamas's attack on 7 October 2023": 8 October (the attack's own
    row keeps the 7th)."""
    text = "Ceasefire\n\nHezbollah began firing rockets into Israel a day after Hamas's attack on 7 October 2023."
    analysis = analyze(engine, text)
    assert only(analysis, "began").date == "2023-10-08"
    assert only(analysis, "attack").date == "2023-10-07"


def test_one_unnamed_person_killed_at_a_named_place_is_a_row(engine):
    analysis = analyze(engine, "Floods\n\nIn Austria, a firefighter was killed while pumping water from a basement.")
    killed = only(analysis, "killed")
    assert killed.summary.startswith("a firefighter: was killed") and "Austria" in names(analysis, killed.actors)
    # a thing hit is no casualty: no one counted, no one named
    assert not by_trigger(analyze(engine, "Floods\n\nA building was hit in Kyiv."), "hit")


def test_a_date_inside_the_act_a_verb_judges_is_that_acts(engine):
    text = ("Cabinet row\n\nMs Ann Lane had criticised the bank's decision to raise rates in July. "
            "Tom Lane praised the deal signed in March.")
    analysis = analyze(engine, text)
    assert only(analysis, "criticised").date is None and only(analysis, "praised").date is None
    # an act of its own keeps the date told after its object's clause
    assert only(analyze(engine, "Cabinet row\n\nTom Lane signed a deal to supply gas in March."), "signed").date == "2024-03"


def test_a_second_subject_the_parser_gives_a_raising_verb_is_not_its_passives_patient(engine):
    text = ("Cabinet row\n\nHome Secretary Tom Lane said on Monday that migration helped the economy. "
            "The home secretary, whose five-year blueprint for immigration and asylum is expected to be "
            "published on Monday, also rejected claims that the immigration debate encouraged bigotry.")
    analysis = analyze(engine, text)
    assert not any(e.summary.startswith("The home secretary: is expected") for e in analysis.events)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Cabinet row\n\nThe news came at a rare press conference held by Calder Motors on Friday.", "press conference held"),
        ("Cabinet row\n\nA ceasefire brokered by Turkey took effect in 2022.", "ceasefire brokered"),
    ],
)
def test_a_participle_on_an_act_noun_is_told_with_the_noun(engine, sentence, trigger):
    """ "a press conference held by Apple": the act held is named by its noun, which the trigger shows."""
    assert any(e.trigger == trigger for e in analyze(engine, sentence).events)


def test_a_day_that_names_which_act_dates_no_other(engine):
    """ "accused him of ordering Saturday's attack": Saturday is the attack's, not the saying's, nor the day
    "hours later" counts from; "condemned Monday's attack" is not Monday's, but "missed Monday's vote" is."""
    text = ("Strike kills commander\n\nA Norland air strike on Vestia killed a senior commander on Tuesday evening, the "
            "Norland military said.\n\nThe Norland army said it had targeted Tom Lane and accused him of ordering "
            "Saturday's attack on the town of Brekke.\n\nHours later, the Vestia Front said its leader, Ann Lane, had "
            "been killed in Oslo.")
    analysis = engine.analyze(document_from_text(text, published=dt.date(2024, 7, 31)))
    assert only(analysis, "accused").date is None
    assert only(analysis, "attack").date == "2024-07-27"
    assert {e.date for e in analysis.events if e.summary.startswith("Vestia Front: said")} == {"2024-07-30"}
    analysis = analyze(engine, "Cabinet row\n\nNorland condemned Monday's attack on Vestia.")
    assert only(analysis, "condemned").date is None
    analysis = analyze(engine, "Cabinet row\n\nMr Tom Lane has been under fire for missing Monday's vote on the bill.")
    assert only(analysis, "missing").date == "2024-03-18"


def test_a_relative_raised_passive_is_headed_by_the_one_it_describes(engine):
    text = ("Cabinet row\n\nThe decision leaves Ann Lane as the only challenger to Tom Lane, who is expected to be "
            "confirmed as party leader next month.")
    (confirmed,) = [e for e in analyze(engine, text).events if "confirmed" in e.trigger]
    assert confirmed.summary.startswith("Tom Lane: ") or confirmed.summary.startswith("Lane: ")


def test_a_year_in_the_name_of_a_law_dates_no_act(engine):
    analysis = analyze(engine, "Cabinet row\n\nPresident Tom Lane said on Monday that he would not sign the Finance Bill 2024.")
    assert only(analysis, "sign").date is None
    assert only(analysis, "said").date == "2024-03-18"


def test_a_pronouns_bare_act_noun_as_a_subject_points_back_and_is_no_row(engine):
    text = ("Cabinet row\n\nForeign Secretary Tom Lane has ruled himself out of the race to lead the party. "
            "His decision leaves Ann Lane as the only likely challenger.")
    analysis = analyze(engine, text)
    assert [e.trigger for e in analysis.events] == ["ruled himself out"]
    # with words of its own it is an act ("his decision to resign") and so is an object's ("condemned his attack")
    text = "Cabinet row\n\nTom Lane resigned on Monday. His decision to quit surprised Ann Lane."
    assert any(e.trigger.startswith("decision") for e in analyze(engine, text).events)


def test_an_act_told_before_or_after_another_is_a_row_of_its_own(engine):
    """ "lifted martial law on Wednesday, hours after declaring it": the declaring is news of its own (not of
    Wednesday: hours before it), and the lifting's words end before "hours after"."""
    text = ("Martial law lifted\n\nPresident Tom Lane lifted martial law on Wednesday morning, hours after declaring it in "
            "a late-night television address.")
    analysis = analyze(engine, text)
    declaring = only(analysis, "declaring")
    assert declaring.category == "17" and declaring.date is None and names(analysis, declaring.agents) == {"Tom Lane"}
    assert only(analysis, "lifted").summary == "Lane: lifted martial law on Wednesday morning"
    # a plan's "before" act is still to come
    text = "Cabinet row\n\nTom Lane will visit an orphanage in Oslo before chairing a meeting of the Norland Council in Bergen."
    assert only(analyze(engine, text), "chairing").modality == "hypothetical"


def test_a_participle_set_off_from_its_act_noun_by_a_comma_is_told_alone(engine):
    analysis = analyze(engine, "Cabinet row\n\nThe deal, brokered by Turkey and Egypt, requires Norland to withdraw its troops.")
    assert any(e.trigger == "brokered" for e in analysis.events)


@pytest.mark.parametrize(
    ("text", "act", "doer"),
    [
        ("Siemens had been suspended since July 24, 2003 after violating federal law.", "violating", "Siemens"),
        ("Tom Lane was arrested on Monday after attacking a police officer in Oslo.", "attacking", "Tom Lane"),
    ],
)
def test_who_undergoes_a_passive_does_the_act_told_after_it(engine, text, act, doer):
    """ "was suspended after violating federal law": the one suspended is the one who violated it (a passive
    has no doer of its own to lend the act told with it)."""
    analysis = analyze(engine, text)
    assert names(analysis, only(analysis, act).agents) == {doer}


def test_a_comma_inside_a_date_does_not_end_a_summary(engine):
    analysis = analyze(engine, "Siemens had been suspended since July 24, 2003 after violating federal law.")
    assert only(analysis, "suspended").summary == "Siemens: had been suspended since July 24, 2003"


def test_an_announcement_by_a_named_body_before_another_act_is_an_act_with_its_content_reported(engine):
    """ "presented a plan following the announcement by GM that it had filed for bankruptcy": the announcement came
    first, by GM, and what it said GM did is GM's act, as GM reports it (not a reaction to words, as in "welcomed
    Putin's statement")."""
    analysis = analyze(engine, "Barack Obama presented a reorganization plan following the announcement by General "
                               "Motors that it had filed for bankruptcy.")
    announcement = only(analysis, "announcement")
    assert names(analysis, announcement.agents) == {"General Motors"}
    assert announcement.summary == "General Motors: announcement that it had filed for bankruptcy"
    filed = only(analysis, "filed")
    assert names(analysis, filed.agents) == {"General Motors"} and filed.modality == "reported"
    # a demand's object is no act done
    analysis = analyze(engine, "The Board of Deputies is demanding an investigation by the Standards Board.")
    assert not by_trigger(analysis, "investigation")


def test_a_relative_clause_on_a_person_does_not_take_the_main_clauses_day(engine):
    """ "Mr Lane, who has ruled out resigning, will address the nation on Thursday": the ruling out is not Thursday's
    (but "on the day a report was published" is that day's), and what he rules out is no act of his."""
    analysis = analyze(engine, "Tom Lane, who has ruled out resigning himself, will address the nation on Thursday evening.")
    ruled = only(analysis, "ruled")
    assert ruled.date is None and ruled.summary == "Lane: has ruled out resigning himself"
    assert not by_trigger(analysis, "resigning")
    assert only(analysis, "address").date is not None


def test_a_date_after_but_dates_the_second_verb_only(engine):
    text = "Fed cuts rates again but signals fewer reductions in 2025\n\nThe Federal Reserve met on Wednesday."
    assert only(analyze(engine, text), "cuts").date != "2025"


def test_what_someone_uses_a_means_to_do_is_their_act_told_with_the_means(engine):
    """ "used a special power to push through the budget": the user pushes it through (not the power, as "urged
    X to" leaves the act to X), and the row tells the means."""
    analysis = analyze(engine, "Michel Barnier had used a special constitutional power on Monday to push through a "
                               "social security budget without a vote.")
    push = only(analysis, "push")
    assert names(analysis, push.agents) == {"Michel Barnier"}
    assert push.summary.startswith("Barnier: had used a special constitutional power on Monday to push through")
    analysis = analyze(engine, "Tony Blair urged Gordon Brown to cut taxes.")
    assert names(analysis, only(analysis, "urged").targets) == {"Gordon Brown"}


def test_calling_something_a_quoted_name_is_a_statement(engine):
    # the parser reads the quoted name as an apposition of the object
    analysis = analyze(engine, "Calin Georgescu, who won the first round on November 24th, called the ruling "
                               "\"a formalised coup d'état\".")
    assert only(analysis, "called").summary == "Georgescu: called the ruling “a formalised coup d'état”"


def test_the_court_named_before_rules_as_that_court(engine):
    analysis = analyze(engine, "Romania's Constitutional Court on Friday annulled the first round of the presidential "
                               "election. The court ordered that the entire election process be rerun.")
    ordered = only(analysis, "ordered")
    assert ordered.category == "LAW" and ordered.summary == "Constitutional Court: ordered that the entire election process be rerun"


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping"])
def test_what_someone_hopes_to_do_is_not_done(engine, verb):
    """The rule lemmatizer reads "hopes", "hoped", "hoping" as forms of "hop": the hope was lost and the act asserted."""
    analysis = analyze(engine, f"Argentina {verb} to agree a new loan programme with the IMF by April.")
    agree = only(analysis, "agree")
    assert agree.modality == "hypothetical" and "hop" in agree.summary


def test_a_source_named_after_according_to_is_the_attribution_not_the_rows_words(engine):
    analysis = analyze(engine, "At least 21 people were killed in Mozambique, according to the interior minister, "
                               "Pascoal Ronda, including two police officers.")
    killed = only(analysis, "killed")
    assert killed.attribution == "the interior minister, Pascoal Ronda" and "according" not in killed.summary


def test_the_fate_of_a_named_party_is_its_act_and_an_arrest_of_one_is_done_to_it(engine):
    """ "after the bankruptcy of Lehman Brothers": Lehman's bankruptcy (the "of" names whose it is); "the arrest of
    Tom Lane could inflame the protests": he is arrested, not the doer."""
    analysis = analyze(engine, "Markets fell after the bankruptcy of Lehman Brothers.")
    assert names(analysis, only(analysis, "bankruptcy").agents) == {"Lehman Brothers"}
    analysis = analyze(engine, "Cabinet row\n\nThe resignation of Tom Lane in May shocked the party.")
    assert names(analysis, only(analysis, "resignation").agents) == {"Tom Lane"}
    analysis = analyze(engine, "Cabinet row\n\nThe arrest of Tom Lane on Monday could inflame the protests.")
    assert not any(names(analysis, e.agents) == {"Tom Lane"} for e in by_trigger(analysis, "arrest"))


def test_a_long_first_line_is_a_lead_not_a_headline_to_merge(engine):
    """ "WASHINGTON (CNN) — The US Treasury said Monday that ...": a whole paragraph on the first line is no headline,
    so its saying is not folded into the next paragraph's first act of words."""
    text = ("WASHINGTON (CNN) — The US Treasury Department said Monday that Chinese state-sponsored hackers had broken "
            "into its computer systems and accessed unclassified documents, in what officials described as a major "
            "incident.\n\nThe hackers gained access through a software provider, according to a letter the department "
            "sent to lawmakers.")
    analysis = analyze(engine, text)
    said = only(analysis, "said")
    assert said.summary.startswith("US Treasury Department: said Monday that") and not said.sources
    broken = only(analysis, "broken")
    assert names(analysis, broken.agents) == {"China"} and broken.modality == "reported"


@pytest.mark.parametrize("text", ["Russian hackers hacked the party's email accounts.",
                                  "Chinese hackers infiltrated eight American telecommunications companies."])
def test_breaking_into_computers_is_an_act(engine, text):
    (event,) = analyze(engine, text).events
    assert event.category == "ACT"


def test_a_participle_after_a_saying_set_into_its_report_is_the_sayers(engine):
    analysis = analyze(engine, "Bashar al-Assad left the country after talks with the rebels, Russia's foreign ministry said, "
                               "adding that he had given instructions for a peaceful transfer of power.")
    assert names(analysis, only(analysis, "adding").agents) == {"Russia"}


def test_a_finite_verb_after_a_saying_participles_modal_words_is_the_main_doers(engine):
    """The parser joins "and is expected to block it" to "should remain" inside what "saying" reports."""
    analysis = analyze(engine, "Joe Biden has opposed the deal since March, saying that US Steel should remain "
                               "American-owned, and is widely expected to block it.")
    assert names(analysis, only(analysis, "expected").agents) == {"Joe Biden"}


def test_who_is_named_after_before_or_after_takes_part_but_is_not_acted_on(engine):
    """ "entered Aleppo after a push from their stronghold in Idlib": Idlib is not entered; "Gordon Brown is touring
    Africa after a week of questions about reports in the UK": the UK is not toured. When nobody else is named, the
    row keeps them, as it did ("MPs voted for the bill after concessions from Mr Clarke")."""
    analysis = engine.analyze(document_from_text(
        "Anna Berg is touring Africa after a week of questions about her plans for Norway."))
    (touring,) = [e for e in analysis.events if e.trigger.startswith("touring")]
    names = {a.id: a.name for a in analysis.actors}
    assert "Norway" not in {names[t] for t in touring.targets} and "Norway" in {names[a] for a in touring.actors}
    analysis = engine.analyze(document_from_text("MPs voted 272-219 in favour of the bill after concessions from Karl Lund."))
    (voted,) = [e for e in analysis.events if e.trigger.startswith("voted")]
    assert {a.name for a in analysis.actors if a.id in voted.targets} == {"Karl Lund"}


def test_an_act_allowed_by_an_arranged_passive_is_its_subjects(engine):
    """ "Norland's state airline is to be allowed to fly to Vestia again": the airline flies (the subject hangs on
    the "be" that arranges the passive, not on "allowed")."""
    analysis = engine.analyze(document_from_text("Karl Lund's airline Fjordair is to be allowed to fly to Vestia again, "
                                                 "the ministry said."))
    (fly,) = [e for e in analysis.events if e.trigger.startswith("allowed to fly")]
    assert "Fjordair" in {a.name for a in analysis.actors if a.id in fly.agents}


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("The Vestia Herald cites a rise in unemployment numbers released Thursday by the Norland Statistics Office.",
         "released", "Norland Statistics Office"),
        ("Local councils would elect police chiefs, under plans unveiled by the Norland Freedom Party.", "unveiled",
         "Norland Freedom Party"),
    ],
)
def test_a_publication_told_inside_another_clause_is_its_publishers_row(engine, sentence, trigger, doer):
    """ "figures released by the statistics office", "plans unveiled by the party": making them public is an act of
    the one named after "by", wherever the phrase stands."""
    analysis = engine.analyze(document_from_text(sentence))
    (event,) = [e for e in analysis.events if e.trigger.startswith(trigger)]
    assert {a.name for a in analysis.actors if a.id in event.agents} == {doer}


@pytest.mark.parametrize(
    ("sentence", "trigger", "doers"),
    [
        ("Russia's troops advancing on Kyiv shelled the city on Monday.", "shelled", {"Russia"}),
        ("Police investigating Karl Lund's murder dismissed the game's influence.", "dismissed", set()),
        ("A senior official, speaking to the BBC's Anna Berg, said the figures were poor.", "said", set()),
        ("Militants belonging to Hamas attacked the base on Sunday.", "attacked", {"Hamas"}),
    ],
)
def test_what_a_group_is_doing_names_no_side_of_theirs(engine, sentence, trigger, doers):
    """ "troops advancing on Kyiv", "police investigating X's murder": a present participle tells what the people do,
    and whom it names is not who they are ("militants belonging to Hamas" are Hamas's)."""
    analysis = engine.analyze(document_from_text(sentence))
    found = [e for e in analysis.events if e.trigger.startswith(trigger)]
    assert all({a.name for a in analysis.actors if a.id in e.agents} == doers for e in found)
    assert found or not doers
