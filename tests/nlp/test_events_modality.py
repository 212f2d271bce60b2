"""How sure the text is, on hand-made sentences: hedges, raising verbs, questions, and spans of sayings."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.model import Event

PUBLISHED = dt.date(2024, 3, 20)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def by_trigger(analysis, trigger: str) -> list[Event]:
    return [e for e in analysis.events if e.trigger.lower().startswith(trigger)]


def test_a_saying_does_not_span_what_was_said(engine):
    text = "Analyst Jane Porter said both sides may have withheld the written details from Vietnam."
    analysis = analyze(engine, text)
    (said,) = by_trigger(analysis, "said")
    assert said.modality == "asserted"
    assert text[said.start : said.end] == "Analyst Jane Porter said"
    assert "withheld" in said.summary  # the row still says what was said


def test_a_quotation_before_the_saying_is_not_its_span(engine):
    text = '"We have an opportunity and the world must not let it slip away," Mahmud Nasser added.'
    analysis = analyze(engine, text)
    (added,) = by_trigger(analysis, "added")
    assert "opportunity" not in added.text
    assert "opportunity" in added.summary


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("``", "''")])
def test_a_saying_between_two_parts_of_a_quotation_shows_the_first(engine, opening, closing):
    text = (f"Analyst Jane Ridley has doubts. {opening}History would show that such mergers rarely work,{closing} "
            f"Ridley said, {opening}even though they may look good on paper.{closing}")
    (said,) = by_trigger(analyze(engine, text), "said")
    assert said.summary == "Ridley: said “History would show that such mergers rarely work”"
    assert text[said.start : said.end] == "Ridley said"  # ``...'' is a quotation too: not the saying's span


def test_a_speaker_saying_what_he_himself_thinks_or_says_is_one_row(engine):
    """ "Lane said he welcomed the inquiry": the saying is the act (one row, which says what); an act he
    reports of himself from before ("had told her on Monday"), or an offer, is its own row."""
    analysis = analyze(engine, "Mr Tom Lane has denied any wrongdoing and said he welcomed the inquiry.")
    assert not by_trigger(analysis, "welcomed")
    (said,) = by_trigger(analysis, "said")
    assert "welcomed the inquiry" in said.summary
    analysis = analyze(engine, "Mr Tom Lane said he had told Ms Ann Ward of the reshuffle on Monday morning.")
    assert by_trigger(analysis, "told")
    analysis = analyze(engine, "Norland has offered to send 120 troops to Vestia, the Norland government said.")
    assert by_trigger(analysis, "offered")


def test_how_someone_will_act_under_a_verb_of_finding_out_is_an_open_question(engine):
    """ "We will know when we see how Vestia reacts": not done; "explained how Vestia attacked" was told."""
    analysis = analyze(engine, '"We will only know for sure when we see how Vestia reacts to the next mission," Mr Tom Lane said.')
    (reacts,) = by_trigger(analysis, "reacts")
    assert reacts.modality == "hypothetical"
    analysis = analyze(engine, "Mr Tom Lane explained how Vestia attacked the boat.")
    (attacked,) = by_trigger(analysis, "attacked")
    assert attacked.modality != "hypothetical"


def test_a_field_dictionary_act_guessed_done_is_a_hypothetical_row(engine):
    """ "is believed to have assured": the field dictionary's verb under a raising hedge is an act, guessed."""
    analysis = analyze(engine, "Benjamin Netanyahu is believed to have assured the White House that Israel would not.")
    (assured,) = by_trigger(analysis, "assured")
    assert assured.modality == "hypothetical"


def test_what_someone_is_allowed_to_do_is_not_done(engine):
    """ "The constitution allows the president to dissolve the assembly": a power, not an act; "was
    allowed to resign" tells of a permission given."""
    analysis = analyze(engine, "Senegal's constitution allows President Faye to dissolve the National Assembly.")
    (dissolve,) = by_trigger(analysis, "dissolve")
    assert dissolve.modality == "hypothetical"
    for text in ("Boeing was allowed to bid for launch contracts again.", "Boeing allowed to bid for launch contracts\n\nIt won."):
        analysis = analyze(engine, text)
        assert all(e.modality == "asserted" for e in analysis.events) and analysis.events, text


def test_said_to_is_a_hedge_not_a_saying(engine):
    analysis = analyze(engine, "Poland is said to have attacked the convoy near Brest.")
    assert not by_trigger(analysis, "said")
    (attack,) = by_trigger(analysis, "attacked")
    assert attack.modality == "reported"


@pytest.mark.parametrize("text", [
    "Markets fell. Jane Halm sued the ministry, it is reported.",
    "Markets fell. It is understood that Jane Halm sued the ministry.",
])
def test_it_is_reported_is_a_hedge_not_a_saying(engine, text):
    analysis = analyze(engine, text)
    assert not [e for e in analysis.events if e.trigger in ("reported", "understood")]
    (sued,) = by_trigger(analysis, "sued")
    assert sued.modality == "reported"


def test_thought_to_makes_the_act_hypothetical(engine):
    analysis = analyze(engine, "Hungary is thought to have sent troops to Serbia.")
    assert not by_trigger(analysis, "thought")
    (sent,) = by_trigger(analysis, "sent")
    assert sent.modality == "hypothetical"


def test_appear_to_makes_the_act_hypothetical(engine):
    analysis = analyze(engine, "Chad and Niger appear to have cooperated with Sudan.")
    (act,) = by_trigger(analysis, "cooperated")
    assert act.modality == "hypothetical"


def test_a_question_asserts_nothing(engine):
    analysis = analyze(engine, "Will Iran attack Israel?")
    (attack,) = by_trigger(analysis, "attack")
    assert attack.modality == "hypothetical"


def test_what_a_clause_asks_whether_is_not_asserted(engine):
    for text in ("It is unclear whether Norland attacked the convoy.",
                 "Reporters asked whether Norland had attacked the convoy.",
                 "Ministers wanted to know if Norland had attacked the convoy."):
        (event,) = by_trigger(analyze(engine, text), "attacked")
        assert event.modality == "hypothetical", text
    # a time or reason clause still tells what happened
    (event,) = by_trigger(analyze(engine, "Vestia protested after Norland attacked the convoy."), "attacked")
    assert event.modality == "asserted"


def test_an_act_a_verb_would_cause_or_allow_someone_to_do_takes_its_hedges(engine):
    # the parser reads "cause Norland to retreat" as a clause of its own; it is the verb's complement
    (event,) = by_trigger(analyze(engine, '"These sanctions will not cause Norland to retreat," Jane Ridley said.'), "retreat")
    assert event.modality == "negated"
    (event,) = by_trigger(analyze(engine, "The ruling will allow Norland to sue Vestia."), "sue")
    assert event.modality == "hypothetical"


def test_a_condition_on_what_was_ruled_or_said_does_not_hedge_the_ruling(engine):
    text = "If the order is to be contested, Jane Ridley ruled that the only proper venue is the high court."
    (event,) = by_trigger(analyze(engine, text), "ruled")
    assert event.modality == "asserted"
    text = "If Vestia attacks, Jane Ridley said, Norland will retaliate."
    (event,) = by_trigger(analyze(engine, text), "said")
    assert event.modality == "asserted"
    # a condition on the act itself still hedges it
    (event,) = by_trigger(analyze(engine, "Norland will sue Vestia if the talks fail."), "sue")
    assert event.modality == "hypothetical"


def test_an_event_noun_under_a_modal_verb_is_hypothetical(engine):
    analysis = analyze(engine, "The EU's decision on tariffs could come as early as July.")
    (decision,) = by_trigger(analysis, "decision")
    assert decision.modality == "hypothetical"


def test_a_negated_verb_does_not_negate_the_event_noun_under_it(engine):
    analysis = analyze(engine, "After Hamas's bombing in Tel Aviv, Israel did not retaliate.")
    (bombing,) = by_trigger(analysis, "bombing")
    assert bombing.modality != "negated"


def test_an_allegation_reports_its_content(engine):
    analysis = analyze(engine, "In the book he alleges that Tony Blair told Gordon Brown he would resign.")
    (told,) = by_trigger(analysis, "told")
    assert told.modality == "reported"


def test_suggesting_does_not_assert_what_it_suggests(engine):
    analysis = analyze(engine, "There was information suggesting Hamas fighters had attacked Israel from Syria.")
    assert all(e.modality != "asserted" for e in by_trigger(analysis, "attacked"))


def test_neither_nor_negates(engine):
    analysis = analyze(engine, "Neither the Kremlin nor the Russian Defence Ministry commented on the deaths in Mali.")
    assert all(e.modality == "negated" for e in by_trigger(analysis, "commented"))
    assert by_trigger(analysis, "commented")


def test_a_negation_outside_the_summarised_words_is_said(engine):
    analysis = analyze(engine, "Neither Manila nor Beijing has released the text of the agreement.")
    (released,) = by_trigger(analysis, "released")
    assert released.modality == "negated" and released.summary.endswith("(not so)")


def test_what_allegations_and_reports_say_is_reported(engine):
    for text in ("The interview was recorded before allegations that Senator Joan Avery fast-tracked a visa.",
                 "There were reports that Norland troops attacked the village of Brill.",
                 "Claims that Norland shelled the port were dismissed by Vestia."):
        analysis = analyze(engine, text)
        acts = [e for e in analysis.events if e.category in ("ACT", "19") or e.category.startswith("19")]
        assert acts, text
        assert all(e.modality == "reported" for e in acts), text


def test_a_report_a_ministry_published_is_not_hearsay(engine):
    analysis = analyze(engine, "The report that the ministry published on Monday criticised Norland.")
    (criticised,) = by_trigger(analysis, "criticised")
    assert criticised.modality == "asserted"


def test_an_as_clause_with_its_own_subject_is_an_act_and_an_aside_is_not(engine):
    analysis = analyze(engine, "Turnout fell sharply as Norland troops shelled the port of Brill.")
    assert by_trigger(analysis, "shelled")
    analysis = analyze(engine, "Norland shelled the port, as Vestia had predicted.")
    assert not by_trigger(analysis, "predicted")


def test_a_saying_after_its_quotation_shows_the_quotation_not_the_sayer_again(engine):
    text = '"We oppose the scheme because the welfare of children is ignored," said Mr Andrew Hogg.'
    (said,) = by_trigger(analyze(engine, text), "said")
    assert said.summary.startswith("Hogg: said “We oppose the scheme")


def test_what_was_said_before_an_unquoted_saying_loses_its_sentence_capital(engine):
    """ "A Chinese vessel rammed a boat on Monday, the Philippine military said": "said a Chinese vessel
    rammed ...", as for any other opening word, while "said UN staff ..." keeps its capitals."""
    text = "A Chinese coast guard vessel rammed a Philippine supply boat on Monday, the Philippine military said."
    (said,) = by_trigger(analyze(engine, text), "said")
    assert "said a Chinese coast guard vessel rammed" in said.summary
    text = "UN staff left Gaza on Monday, the Norland army said."
    (said,) = by_trigger(analyze(engine, text), "said")
    assert "said UN staff left" in said.summary


def test_a_saying_to_someone_after_its_quotation_shows_the_quotation(engine):
    text = '"We need to look very carefully at the relationship," Lord Falconer told the BBC.'
    (told,) = by_trigger(analyze(engine, text), "told")
    assert "We need to look very carefully" in told.summary


def test_a_time_clause_in_the_present_tells_an_act_still_to_come(engine):
    analysis = analyze(engine, "The group has vowed to keep fighting until Norland halts its offensive in Vestia.")
    (halts,) = by_trigger(analysis, "halts")
    assert halts.modality == "hypothetical"
    analysis = analyze(engine, "Hamas will release the hostages once Norland withdraws its troops.")
    (withdraws,) = by_trigger(analysis, "withdraws")
    assert withdraws.modality == "hypothetical"
    # in the past tense it happened
    analysis = analyze(engine, "Norland withdrew its troops before Hamas released the hostages.")
    (released,) = by_trigger(analysis, "released")
    assert released.modality == "asserted"


def test_unwilling_or_unable_to_act_is_not_the_act_and_the_row_says_so_once(engine):
    (send,) = [e for e in analyze(engine, "Ostland is reportedly unwilling to send its foreign minister.").events]
    assert send.modality == "negated"
    assert send.summary == "Ostland: unwilling to send its foreign minister"
    (failed,) = analyze(engine, "Norland failed to reach a deal with Vestia on Monday.").events
    assert failed.modality == "negated" and "(not so)" not in failed.summary


@pytest.mark.parametrize(("text", "summary"), [
    ("Norland refrained from attacking Ostland.", "Norland: refrained from attacking Ostland"),
    ("Vestia stopped short of accusing Norland of the raid.", "Vestia: stopped short of accusing Norland of the raid"),
    ("Ostland held off on sanctioning Vestia.", "Ostland: held off on sanctioning Vestia"),
    ("Tarnland shied away from condemning Norland.", "Tarnland: shied away from condemning Norland"),
    ("Norland declined to condemn Ostland.", "Norland: declined to condemn Ostland"),
    ("Norland came close to attacking Ostland.", "Norland: came close to attacking Ostland"),
])
def test_an_act_a_phrase_says_was_not_done_is_negated_and_the_row_says_so_once(engine, text, summary):
    """ "refrained from", "stopped short of", "declined to": the act after them did not happen."""
    (row,) = analyze(engine, text).events
    assert (row.modality, row.summary) == ("negated", summary)


def test_an_act_on_the_verge_of_happening_is_hypothetical_and_its_doer_the_subject(engine):
    (signing,) = analyze(engine, "Norland was on the verge of signing a deal with Ostland.").events
    assert (signing.modality, signing.summary) == ("hypothetical", "Norland: signing a deal with Ostland (hypothetical)")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Norland has no intention of attacking Ostland.", "attacking"),
    ("Norland has the aim of sanctioning Ostland.", "sanctioning"),
    ("Vestia warned of the threat of an attack on Ostland by Norland.", "attack"),
])
def test_an_act_aimed_at_or_feared_is_not_shown_as_done(engine, text, trigger):
    """ "no intention of", "the prospect of", "the threat of": the act after "of" has not happened."""
    rows = [e for e in analyze(engine, text).events if trigger in e.trigger]
    assert rows and all(r.modality != "asserted" for r in rows)


@pytest.mark.parametrize(("text", "summary"), [
    ("Norland has no plans to recognise Vestland.", "Norland: has no plans to recognise Vestland (hypothetical)"),
    ("Norland has every intention of suing Ostland.", "Norland: has every intention of suing Ostland (hypothetical)"),
])
def test_a_plan_held_or_disowned_is_in_the_rows_words(engine, text, summary):
    (row,) = analyze(engine, text).events
    assert row.summary == summary


@pytest.mark.parametrize("verb", ["forecast", "predicted", "expected"])
def test_a_forecast_act_is_its_subjects_and_hypothetical(engine, verb):
    (cut,) = analyze(engine, f"Norland's central bank is {verb} to cut interest rates in June.").events
    assert (cut.modality, cut.category, cut.summary) == (
        "hypothetical", "ECON", f"Norland: is {verb} to cut interest rates in June (hypothetical)")


@pytest.mark.parametrize(("text", "modalities"), [
    ("Norland did not sign or ratify the treaty with Vestland.", {"sign": "negated", "ratify": "negated"}),
    ("Norland neither signed nor ratified the treaty with Vestland.", {"signed": "negated", "ratified": "negated"}),
    ("Norland did not sign the treaty but criticised Vestland.", {"sign": "negated", "criticised": "asserted"}),
    ("Norland did not sign the treaty and criticised Vestland.", {"sign": "negated", "criticised": "asserted"}),
    ("Norland is not a party to the treaty, but says Vestland violated it.", {"says": "asserted"}),
])
def test_a_negation_reaches_a_coordinated_verb_only_when_it_shares_it(engine, text, modalities):
    """ "did not sign or ratify": neither was done; "did not sign ... but criticised": the criticism was."""
    rows = {e.trigger.split()[0]: e.modality for e in analyze(engine, text).events}
    assert {k: rows.get(k) for k in modalities} == modalities


@pytest.mark.parametrize(
    ("text", "denial"),
    [("Norway accused Sweden of violating the treaty, a charge Sweden denied.", "Sweden: denied the charge"),
     # the model reads the noun as the denial's subject or object, or its name as a second subject
     ("Norland accused Vestland of spying, a charge Vestland denied.", "Vestland: denied a charge"),
     ("Cabinet row\n\nNorland accused Vestland of spying, a charge Vestland denied.", "Vestland: denied the charge"),
     ("Vestia's president, Tomas Brel, has accused Norland of arming rebels, a charge Norland denies.",
      "Norland: denies the charge")],
)
def test_an_accusation_its_target_denies_was_still_made(engine, text, denial):
    # the model parses the clause before the comma as what "denied" says
    analysis = analyze(engine, text)
    (accused,) = by_trigger(analysis, "accused")
    (denied,) = by_trigger(analysis, "deni")
    assert accused.modality == "asserted" and denied.summary == denial
    (said,) = by_trigger(analyze(engine, "Norland attacked Vestland, a report said."), "attacked")
    assert said.modality == "reported"  # a report is no name after the noun


def test_no_evidence_that_an_act_happened_leaves_it_open(engine):
    (attacked,) = by_trigger(analyze(engine, "There is no evidence that Norland attacked Ostland."), "attacked")
    assert attacked.modality == "hypothetical"
    (attacked,) = by_trigger(analyze(engine, "There is evidence that Norland attacked Ostland."), "attacked")
    assert attacked.modality == "reported"


def test_a_preposition_after_a_verb_negates_nothing_by_itself(engine):
    (attacked,) = by_trigger(analyze(engine, "Norland attacked Ostland from the sea after stopping in Vestia."), "attacked")
    assert attacked.modality == "asserted"


def test_an_act_coordinated_with_a_sourced_one_has_the_same_source(engine):
    text = ("According to two officials, Norland's foreign minister, Ida Lund, met Ostland's ambassador on Sunday "
            "and proposed a meeting in Tarn.")
    analysis = analyze(engine, text)
    assert {e.trigger.split()[0]: (e.modality, e.attribution) for e in analysis.events} == {
        "met": ("reported", "two officials"), "proposed": ("reported", "two officials")}


def test_a_source_named_after_the_first_verb_is_not_the_seconds(engine):
    text = ("Ms Clara Holm said the full advice should have been published, according to the ministerial code, "
            "and demanded an inquiry into the matter.")
    (demanded,) = by_trigger(analyze(engine, text), "demanded")
    assert demanded.attribution != "the ministerial code"


def test_an_alternative_set_aside_is_nobodys_act(engine):
    """ "Rather than X", "instead of X": what was not done is no row, and what was done stays."""
    analysis = analyze(engine, "Rather than recall the phones or offer a refund, Vestia said it will send a free case to buyers.")
    assert not by_trigger(analysis, "recall") and [e.summary for e in by_trigger(analysis, "offer")] == []
    assert by_trigger(analysis, "said") and by_trigger(analysis, "send")
    analysis = analyze(engine, "Rather than sanction Norland, the Union offered talks with Lund.")
    assert not by_trigger(analysis, "sanction") and by_trigger(analysis, "offer")


def test_the_alternative_after_the_act_taken_leaves_the_act(engine):
    """ "chose to borrow rather than raise taxes": the parse hangs "than" on the act taken, which stays."""
    analysis = analyze(engine, "The Norland government chose to borrow from the IMF rather than raise taxes.")
    assert by_trigger(analysis, "chose") or by_trigger(analysis, "borrow")
    assert not by_trigger(analysis, "raise")


def test_a_clause_of_its_own_after_an_alternative_stays(engine):
    """ "rather than storing content on the device, Vestia TV connects to a computer": the parse may hang
    the second clause on the first beside "than"; with a subject of its own, it is an act."""
    analysis = analyze(engine, "Vestia has taken a different approach to the market; rather than storing content on the "
                               "device, Vestia TV connects to a computer in Lund and plays the content stored there.")
    assert by_trigger(analysis, "connects") and not by_trigger(analysis, "storing")


def test_an_act_with_an_alternative_after_it_stays(engine):
    """ "accused the party of signing up to a deal ..., rather than sticking to...": the "than" under the
    act marks what was not done, not the act."""
    analysis = analyze(engine, "Mr Lund accused the Norland party of signing up to a deal with the Tories in Europe, "
                               "rather than sticking to an independent stance.")
    assert by_trigger(analysis, "deal") or by_trigger(analysis, "signing")
    assert not by_trigger(analysis, "sticking")


def test_a_summary_does_not_end_on_the_word_that_opens_an_alternative(engine):
    """ "chose to borrow from the IMF rather": the alternative is left out of the row, so is its "rather"."""
    analysis = analyze(engine, "The Norland government chose to borrow from the IMF rather than raise taxes.")
    (row,) = [e for e in analysis.events if "borrow" in e.summary]
    assert not row.summary.endswith("rather") and row.summary.endswith(("IMF", "Fund"))


def test_what_a_plain_verb_is_done_for_has_not_happened(engine):
    # "working ... to reach a ceasefire": the working is no act of the lexicon; its purpose is still to come
    analysis = analyze(engine, "Norway and Sweden are working with all parties to reach a ceasefire in Vestland.")
    (reach,) = by_trigger(analysis, "reach")
    assert reach.modality == "hypothetical"
    # a clause of its own inside that purpose, with its own doer, keeps its own modality
    text = "Mr Hale brought Ms Dahl back to run the campaign, a role successfully carried out by Mr Berg in 2001."
    (carried,) = by_trigger(analyze(engine, text), "carried")
    assert carried.modality == "asserted"


def test_what_cited_sources_say_is_reported(engine):
    # the parser hangs the "that" clause on "sources": what they say, not shown
    text = "The broadcaster NRK said on Thursday citing sources that a Norbank delegation arrived in Oslo to meet ministers."
    (arrived,) = by_trigger(analyze(engine, text), "arrived")
    assert arrived.modality == "reported"


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # "is to" with who will act: arranged, not done
        ("Peter Dolan is to visit Thailand and Indonesia this week.", "visit", "hypothetical"),
        ("The Greens are yet to unveil their manifesto.", "unveil", "hypothetical"),
        # "the aim is to", "was wrong to": not an arrangement of the doer's
        ("The Home Office had been wrong to dismiss the concerns of its staff.", "dismiss", "asserted"),
    ],
)
def test_be_to_with_its_doer_as_subject_is_an_arrangement(engine, sentence, trigger, modality):
    (event,) = by_trigger(analyze(engine, sentence), trigger)
    assert event.modality == modality


def test_a_when_clause_in_the_present_tells_an_act_still_to_come(engine):
    """The parser makes "when" an adverb, not the clause's mark; the present still points ahead."""
    analysis = analyze(engine, "Mrs Hale will speak when the Bill is debated in the Commons on Monday. "
                               "When Peter Dolan visited Paris, he met Jacques Morel.")
    (debated,) = by_trigger(analysis, "debated")
    assert debated.modality == "hypothetical"
    (visited,) = by_trigger(analysis, "visited")
    assert visited.modality == "asserted"


def test_a_headline_plan_is_hypothetical_though_its_first_word_is_read_as_a_verb(engine):
    text = ("Automaker GM to cut 10,000 jobs at Opel\n\n"
            "The US car maker General Motors said that it would axe 10,000 jobs at its European division.")
    (event,) = by_trigger(analyze(engine, text), "cut")
    assert event.modality == "hypothetical" and event.summary.startswith("General Motors: to cut 10,000 jobs")


@pytest.mark.parametrize(("text", "trigger"), [
    ("Markets rose. Dunmore Air would like to thank its engineers for their hard work.", "thank"),
    ("Markets rose. Jane Halm wants to stress that the deal is fair.", "stress"),
])
def test_a_wish_to_thank_or_stress_does_so(engine, text, trigger):
    (event,) = [e for e in analyze(engine, text).events if trigger in e.trigger]
    assert event.modality == "asserted"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Markets rose. Jane Halm would like to meet the Norwegian prime minister.", "meet"),  # a wish, not a meeting
    ("Markets rose. Jane Halm wanted to thank the Norwegian prime minister.", "thank"),  # a past wish
])
def test_a_wish_to_do_anything_else_is_hypothetical(engine, text, trigger):
    events = [e for e in analyze(engine, text).events if trigger in e.trigger]
    assert events and all(e.modality == "hypothetical" for e in events)


@pytest.mark.parametrize("text", [
    "Tensions rose. Had Russia attacked Poland, NATO would have responded.",
    "Tensions rose. Were China to invade Taiwan, the US would respond.",
])
def test_a_condition_told_by_inversion_is_no_act(engine, text):
    # as "If Russia had attacked Poland, ...": the condition did not happen
    assert not [e for e in analyze(engine, text).events if e.trigger in ("attacked", "invade") and e.modality == "asserted"]
    assert not [e for e in analyze(engine, text.replace("Had Russia attacked", "If Russia had attacked")).events
                if e.trigger == "attacked" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Tensions rose. China is poised to announce new tariffs on Norwegian salmon.",
    "Tensions rose. China is about to announce new tariffs on Norwegian salmon.",
])
def test_poised_to_and_about_to_tell_an_act_still_to_come(engine, text):
    (event,) = [e for e in analyze(engine, text).events if "announce" in e.trigger]
    assert event.modality == "hypothetical"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Tensions rose. There are signs that Russia is preparing an offensive against Ukraine.", "preparing"),
    ("Tensions rose. Concerns that China is building bases near Taiwan grew.", "building"),
])
def test_what_signs_or_fears_point_to_is_not_shown_as_fact(engine, text, trigger):
    (event,) = [e for e in analyze(engine, text).events if e.trigger.startswith(trigger)]
    assert event.modality != "asserted"


def test_a_relative_clause_after_a_claim_noun_is_still_asserted(engine):
    (event,) = by_trigger(analyze(engine, "Tensions rose. The report that Norway signed last year was leaked."), "signed")
    assert event.modality == "asserted"


def test_an_expectation_under_another_act_is_no_row_of_its_own(engine):
    text = ("Tensions rose. Norway imposed tariffs on Swedish fish, confirming our expectation that Norway and Sweden "
            "would clash over fishing rights.")
    assert not by_trigger(analyze(engine, text), "clash")


def test_a_denial_that_is_not_made_leaves_what_it_is_about_open(engine):
    analysis = analyze(engine, "Tensions rose. Norway would neither confirm nor deny that it had sent troops to Sweden.")
    (sent,) = by_trigger(analysis, "sent")
    assert sent.modality == "hypothetical"  # not "negated": nobody denied it
    assert not [e for e in analysis.events if e.category == "13"]  # nor is a denial a threat
    (sent,) = by_trigger(analyze(engine, "Tensions rose. Norway denied that it had sent troops to Sweden."), "sent")
    assert sent.modality == "negated"


def test_a_simple_present_dated_after_publication_is_a_schedule(engine):
    # published 2024-03-20, a Wednesday: "on Sunday" is the 24th
    (vote,) = by_trigger(analyze(engine, "Election news\n\nVoters in Norway go to the polls on Sunday."), "go")
    assert vote.category == "VOTE" and vote.modality == "hypothetical"
    (voted,) = by_trigger(analyze(engine, "Election news\n\nVoters in Norway went to the polls on Sunday."), "went")
    assert voted.modality == "asserted"


@pytest.mark.parametrize(
    ("sentence", "triggers"),
    [('"That is what he said and that is what I say," Ms Berg told reporters.', ["told"]),
     ("Mr Dahl said he could never trust anything Ms Berg told him.", ["said", "trust"]),
     ("Voters agree with what Ms Berg has said.", ["agree"]),
     ("We had what Erik Dahl said, and we have what others have said.", [])],
)
def test_words_only_pointed_at_are_no_saying(engine, sentence, triggers):
    """ "That's what he said", "anything she told him": no statement is made there."""
    events = engine.analyze(document_from_text("Row deepens\n\n" + sentence, published=PUBLISHED)).events
    assert [e.trigger for e in events] == triggers


def test_a_relative_saying_that_says_something_is_a_saying(engine):
    text = "Row deepens\n\nMs Berg hoped for a late flurry of votes - something she says will help her party."
    events = engine.analyze(document_from_text(text, published=PUBLISHED)).events
    assert any(e.trigger == "says" for e in events)


def test_a_first_persons_can_assure_performs_the_saying(engine):
    """ "I can assure you": the assurance is given in the saying (so reported by its speaker), not possible."""
    text = 'Row deepens\n\n"I can assure you that the plant will stay open," Lena Holm said.'
    (event,) = [e for e in engine.analyze(document_from_text(text, published=PUBLISHED)).events if e.trigger == "assure"]
    assert event.modality == "reported"


@pytest.mark.parametrize("sentence", [
    'City experts say there is a £10bn "black hole" in the public finances, a claim denied by the chancellor.',
    "City experts say there is a £10bn black hole in the public finances, a claim the chancellor denies.",
])
def test_a_claim_restated_after_what_is_said_is_the_writers_word_on_it(engine, sentence):
    """The denial is told by the writer, not by the experts whose claim it is."""
    text = "Budget row\n\nChancellor Gordon Brown spoke on Monday. " + sentence
    (event,) = [e for e in engine.analyze(document_from_text(text, published=PUBLISHED)).events if e.trigger.startswith("den")]
    assert event.modality == "asserted" and event.summary.startswith("Brown: den") and "claim" in event.summary



def test_an_act_as_the_subject_of_a_modal_verb_is_weighed_not_done(engine):
    text = "Cabinet row\n\nMinisters thought merging the Norland Prison Service with the councils might have provided an answer."
    assert by_trigger(analyze(engine, text), "merging") == []  # a weighed act with no doer: no row
    text = "Cabinet row\n\nMr Berg said merging the Norland Prison Service with the councils would cut costs."
    (said,) = by_trigger(analyze(engine, text), "said")
    assert said.modality == "asserted"


def test_a_sentence_a_quotation_runs_on_into_is_the_words_of_who_opened_it(engine):
    text = ('Cabinet row\n\nMr Lane said: "I do not trust his figures. Ms Ward and I are making the same decisions." '
            "He also said that Mr Berg was wrong.")
    analysis = analyze(engine, text)
    (making,) = by_trigger(analysis, "making")
    assert making.modality == "reported"
    names = {analysis.actor(a).name for a in making.agents}
    assert names == {"Ward", "Lane"}  # "I" is the one who said it
    # "he" after the quotation is the one who said it, not a subject in the words quoted
    (also,) = [e for e in by_trigger(analysis, "said") if "Berg" in e.summary]
    assert [analysis.actor(a).name for a in also.agents] == ["Lane"]


def test_a_saying_between_quotation_marks_left_unclosed_is_not_the_words_of_the_one_before(engine):
    # the source never closes the first quotation: the next saying sits between marks, but is the text's
    text = ('Cabinet row\n\nMr Lane said: "The speech confirms what we have always said - he has no vision. '
            'Of the family on the stage, Mr Berg said: "Mr Lane is entitled to pose with his family."')
    analysis = analyze(engine, text)
    said = [e for e in by_trigger(analysis, "said") if "Berg" in e.summary]
    assert len(said) == 1 and said[0].modality == "asserted"


def test_a_relative_clause_inside_words_said_is_the_speakers_too(engine):
    text = "Budget row\n\nMr Jeffries said his party would not be blamed for a shutdown that the Greens had engineered."
    engineered = next(e for e in analyze(engine, text).events if e.trigger.startswith("engineered"))
    assert engineered.modality == "reported"
    text = "Budget row\n\nMr Lane backed a plan that Norway had drawn up."
    drawn = next(e for e in analyze(engine, text).events if e.trigger.startswith("drawn"))
    assert drawn.modality == "asserted"  # not said: the text's own telling


def test_a_saying_with_its_own_speaker_in_a_relative_clause_is_no_part_of_the_words_around_it(engine):
    text = ("Budget row\n\nThe European Commission said on Thursday it was stepping up its monitoring of Zapchat, "
            "which Norwegian officials say was used to promote Mr Lane.")
    (say,) = by_trigger(analyze(engine, text), "say")
    assert say.modality == "asserted" and say.attribution is None
    # a saying inside what is claimed, told in a relative clause, is still the claimant's word
    text = ("Budget row\n\nThe new book claims Mr Hale hosted a dinner in May where Tom Lane told Mr Hale he would "
            "stand down before the election.")
    (told,) = by_trigger(analyze(engine, text), "told")
    assert told.modality == "reported"
    # inside a quotation the aside is the speaker's too
    text = ('Budget row\n\nTom Lane said: "The budget will not contain the tax rises which Norway says '
            'are inevitable."')
    (says,) = by_trigger(analyze(engine, text), "says")
    assert says.modality == "reported"


def test_a_clause_of_time_in_the_present_under_an_act_to_come_is_to_come_too(engine):
    text = ("Ceasefire news\n\nUnder the deal, Norway will withdraw its troops from the border over 60 days, while "
            "the Swedish army deploys to the area.")
    (deploys,) = by_trigger(analyze(engine, text), "deploys")
    assert deploys.modality == "hypothetical"
    text = "Ceasefire news\n\nNorway withdrew its troops while the Swedish army deployed to the area."
    (deployed,) = by_trigger(analyze(engine, text), "deployed")
    assert deployed.modality == "asserted"


def test_an_act_a_body_is_likely_to_do_is_a_row_still_to_come(engine):
    # "retaliate" is the field dictionary's verb alone: its reading holds under "likely to" as under "will"
    for text, trigger in (("War news\n\nRussia is likely to retaliate.", "likely to retaliate"),
                          ("War news\n\nRussia is unlikely to retaliate against Ukraine.", "unlikely to retaliate")):
        (event,) = analyze(engine, text).events
        assert event.trigger == trigger and event.modality == "hypothetical" and event.summary.startswith("Russia:")


def test_a_sentence_before_a_quotation_is_not_reported_by_a_verb_inside_it(engine):
    """ 'Lane resigned in a letter stating, "I have always said ..."': the parser hangs "resigned" on
    the quoted "said"; the writer tells the resignation."""
    text = ('Lane quits\n\nTom Lane resigned in a letter to Acme\'s board of directors stating, " I have always said '
            'if there ever came a day when I could no longer meet my duties, I would be the first to let you know.\n'
            'Unfortunately, that day has come. "')
    (resigned,) = [e for e in engine.analyze(document_from_text(text, published=dt.date(2011, 8, 25))).events
                   if e.trigger == "resigned"]
    assert resigned.modality == "asserted" and resigned.attribution is None


@pytest.mark.parametrize("text", [
    "Under the deal, Hamas is to free 33 hostages, and Israeli forces are to withdraw from the strip.",
    "Under the deal, Russian troops are to withdraw from the border by May.",
])
def test_a_named_peoples_forces_that_are_to_act_have_not_acted(engine, text):
    """ "Israeli forces are to withdraw": arranged, as "Hamas is to free" is, not done."""
    analysis = engine.analyze(document_from_text("Truce\n\n" + text, published=dt.date(2025, 1, 16)))
    (withdraw,) = [e for e in analysis.events if e.trigger == "withdraw"]
    assert withdraw.modality == "hypothetical"


# -- a passive infinitive done to the subject above it ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "trigger", "summary", "target"),
    [("Prime Minister Lars Dahl is expected to be arrested.", "expected", "Dahl: is expected to be arrested", "Lars Dahl"),
     ("Prime Minister Lars Dahl is likely to be charged with fraud.", "likely", "Dahl: likely to be charged with fraud",
      "Lars Dahl"),
     ("Prime Minister Lars Dahl wants to be elected president.", "wants", "Dahl: wants to be elected president", "Lars Dahl"),
     ("The EU's embargo on Vestia is likely to be lifted next year.", "likely", "The EU's embargo: likely to be lifted next year",
      "Vestia")],
)
def test_a_passive_infinitive_is_done_to_the_subject_above_it(engine, sentence, trigger, summary, target):
    """ "Dahl is expected to be arrested": Dahl is whom the arrest would be done to, and it has not happened; the
    subject's own act noun ("the EU's embargo") is what is lifted, no second row."""
    analysis = analyze(engine, "Cabinet row\n\n" + sentence)
    (event,) = analysis.events
    assert event.trigger.lower().startswith(trigger) and event.modality == "hypothetical"
    assert event.summary.startswith(summary) and not event.agents
    assert target in {analysis.actor(i).name for i in event.targets}


def test_an_act_noun_its_passive_verb_names_is_that_act(engine):
    """ "The EU's embargo was lifted": one lifting (no new embargo), done to the embargo's parties."""
    analysis = analyze(engine, "Cabinet row\n\nThe EU's embargo on Vestia was lifted on Monday.")
    (event,) = analysis.events
    assert (event.trigger, event.category) == ("lifted", "08")
    assert event.summary.startswith("The EU's embargo: was lifted on Monday")
    assert {analysis.actor(i).name for i in event.targets} == {"European Union", "Vestia"}


def test_what_a_passive_earmarks_is_not_yet_done(engine):
    (event,) = analyze(engine, "Cabinet row\n\nA further 200 jobs at Norland Steel have been earmarked to be cut.").events
    assert event.modality == "hypothetical"


def test_a_speaker_told_something_heads_the_row_not_who_told_him(engine):
    """ "I was told by people who ...," Mr Dahl said: Dahl was told; the tellers' words stay in the summary."""
    text = '"I was told by people who were running a nursery that they were worried," Mr Lars Dahl said.'
    (told,) = by_trigger(analyze(engine, "Cabinet row\n\n" + text), "told")
    assert told.summary.startswith("Dahl: was told by people who were running a nursery")


@pytest.mark.parametrize("sentence", ["Norland will condemn the sanctions imposed by the EU.",
                                      "Norland did not condemn the sanctions imposed by the EU."])
def test_an_act_with_its_own_doer_keeps_none_of_the_hedges_above_it(engine, sentence):
    """ "will not condemn the sanctions imposed by the EU": the EU did impose them, whatever Norland does."""
    (imposed,) = by_trigger(analyze(engine, "Cabinet row\n\n" + sentence), "sanctions imposed")
    assert imposed.modality == "asserted"


def test_a_power_to_act_that_was_not_given_is_no_denied_act(engine):
    """ "did not give him power to impose tariffs": a power, not an imposing that did not happen."""
    text = "Cabinet row\n\nThe court said the law did not give President Lars Dahl power to impose tariffs on Norland."
    assert all(e.modality != "negated" for e in by_trigger(analyze(engine, text), "impose"))


def test_an_act_told_as_a_claims_content_is_reported_by_whoever_the_claim_is(engine):
    """ "Allegations by the Vestia Front that Norland had shelled Brekke": reported by the Vestia Front."""
    text = "Cabinet row\n\nAllegations by the Vestia Front that Norland had shelled the town of Brekke were rejected."
    (shelled,) = by_trigger(analyze(engine, text), "shelled")
    assert shelled.modality == "reported" and shelled.attribution == "the Vestia Front"


@pytest.mark.parametrize("sentence", [
    "The opposition said it would file an impeachment motion against President Tom Lane, and thousands of protesters "
    "gathered outside parliament calling for his resignation.",
    "Dr Ann Lane has called for an investigation by the information commissioner Tom Berg.",
])
def test_what_someone_calls_or_presses_for_is_sought_not_done(engine, sentence):
    events = [e for e in analyze(engine, "Cabinet row\n\n" + sentence).events if e.trigger in ("resignation", "investigation")]
    assert events and all(e.modality == "hypothetical" for e in events)


def test_a_time_clause_beside_an_arranged_act_is_arranged_too(engine):
    """ "Turkish forces are to withdraw, while the Syrian army deploys": both are the deal's terms, not yet done;
    a past tense beside it ("after the army deployed in May") was done."""
    analysis = analyze(engine, "Under the deal, Turkish forces are to withdraw from the region over 60 days, while the "
                               "Syrian army deploys south of the river.")
    (deploys,) = by_trigger(analysis, "deploys")
    assert deploys.modality == "hypothetical"
    analysis = analyze(engine, "Turkish forces are to withdraw from the region, after the Syrian army deployed there in May.")
    (deployed,) = by_trigger(analysis, "deployed")
    assert deployed.modality == "asserted"
