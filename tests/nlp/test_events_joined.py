"""Acts joined to others, on sentences of our own: verbs coordinated after a passive or a quotation,
"for X to be done", a means after "by", and the dates a clause lends its main clause."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.model import Event

PUBLISHED = dt.date(2024, 10, 5)


def analyze(engine, text: str):
    return engine.analyze(document_from_text("Cabinet row\n\n" + text, published=PUBLISHED))


def only(analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if e.trigger.lower().startswith(trigger)]
    assert len(found) == 1, [e.summary for e in analysis.events]
    return found[0]


def doers(analysis, event: Event) -> list[str]:
    return [analysis.actor(i).name for i in event.agents]


def test_an_active_verb_after_a_passive_is_done_by_the_one_acted_on(engine):
    """ "Ishiba was elected on Tuesday and named a cabinet": no row for the cabinet before."""
    a = analyze(engine, "Mr Tom Lane was elected prime minister by parliament on Tuesday and named a cabinet of 19 ministers.")
    named = only(a, "named")
    assert doers(a, named) == ["Tom Lane"] and named.category == "OFFICE"


def test_a_participle_that_shares_the_passive_is_not_the_subjects_act(engine):
    a = analyze(engine, "The Norland scheme has been widely criticised by charities and challenged in the courts.")
    assert not [e for e in a.events if e.trigger.startswith("challenged") and e.agents]


def test_a_by_phrase_of_an_active_verb_is_a_means_not_a_doer(engine):
    """ "resigned on Monday and fled to India by military helicopter": the helicopter made it a passive."""
    a = analyze(engine, "Anna Berg resigned as prime minister of Norland on Monday and fled to Sweden by military helicopter.")
    fled = only(a, "fled")
    assert doers(a, fled) == ["Anna Berg"] and fled.date == "2024-09-30"


@pytest.mark.parametrize("sentence", ["Sweden, Norway and Denmark have called for the full results to be released.",
                                      "Sweden called for the prisoners to be freed on Monday."])
def test_a_call_for_something_to_be_done_is_an_appeal_told_whole(engine, sentence):
    """The parser makes "for" the mark of the clause after it: the appeal had no row (or ended at "called")."""
    called = only(analyze(engine, sentence), "called")
    assert called.category == "02" and called.summary.endswith(("to be released", "to be freed on Monday"))


def test_the_sayer_acts_again_after_the_words_quoted(engine):
    """ 'saying that the "bank was asleep" and called for cuts': the bank called for nothing."""
    a = analyze(engine, 'Last Friday, Tom Lane went on a tirade on television, saying that the "Norbank was asleep" '
                        "and called for it to cut rates immediately.")
    assert doers(a, only(a, "called")) == ["Tom Lane"]


def test_a_verb_joined_after_a_quotation_closes_is_the_sayers(engine):
    a = analyze(engine, 'Anna Berg said the court\'s ruling was "in line with opinion" and praised the judges.')
    assert doers(a, only(a, "praised")) == ["Anna Berg"]
    # a straight quotation mark opening the words that go on is no closing one
    a = analyze(engine, 'Auditor Sir Tom Lane said the Home Office had paid 97% of the £1.3bn submitted by contractors '
                        'since 2001, "but has not agreed a final settlement with 57 contractors".')
    assert "Tom Lane" not in doers(a, only(a, "agreed"))


def test_what_was_said_goes_on_after_a_quoted_word(engine):
    a = analyze(engine, 'Tom Lane said lifting the embargo would be "irresponsible" and would damage ties with Norland.')
    assert not [e for e in a.events if e.trigger.startswith("damage") and "Tom Lane" in doers(a, e)]


@pytest.mark.parametrize(("sentence", "trigger", "category"),
                         [("Tom Lane beat Anna Berg in a run-off vote on Friday.", "beat", "VOTE"),
                          ("Labour defeated the Conservatives in the general election.", "defeated", "VOTE"),
                          ("Norland defeated Vestland in the war.", "defeated", "19")])
def test_beating_someone_in_a_vote_is_an_election_result(engine, sentence, trigger, category):
    assert only(analyze(engine, sentence), trigger).category == category


def test_an_act_to_come_is_not_dated_by_the_past_act_it_follows(engine):
    """ "will impose tariffs, after states failed to block them in a vote on Friday": not Friday's."""
    a = analyze(engine, "The EU will impose tariffs on Norland cars for five years, after member states failed to "
                        "block the measure in a vote on Friday.")
    assert only(a, "impose").date is None
    a = analyze(engine, "Norway recalled its envoy after the talks collapsed on Friday.")
    assert only(a, "recalled").date == "2024-10-04"


def test_a_past_tense_joined_to_what_would_be_done_is_the_sayers_act(engine):
    """ "said they would not recognise the result and accused the government": the accusing was done, not
    something the groups would do."""
    a = analyze(engine, "Tom Lane said he would not recognise the result and accused Vestland of stealing the election.")
    accused = only(a, "accused")
    assert accused.modality == "asserted" and doers(a, accused) == ["Tom Lane"]


@pytest.mark.parametrize("sentence", [
    'A Civic Party spokesman said: "The Liberal Democrats would restrict access to higher education and put a cap on '
    'aspiration, restricting the ambitions of students."',
    "Tom Lane said the Liberal Democrats would restrict access to higher education and put a cap on aspiration, "
    "restricting the ambitions of students.",
])
def test_a_base_form_spelt_like_its_past_stays_with_what_would_be_done(engine, sentence):
    """ "would restrict access and put a cap": "put" may be the base form the tagger read as a past, and
    words quoted go on."""
    a = analyze(engine, sentence)
    assert [(e.modality, doers(a, e)) for e in a.events if e.trigger.startswith("restricting")] == [
        ("hypothetical", ["Liberal Democrats"])]


def test_a_past_tense_after_an_aside_ending_in_a_noun_is_the_names_act(engine):
    """ "President X, who is at odds with the government, called on Georgians to protest": the model hung
    "called" on "government" and the whole sentence on the name; the call had no doer."""
    a = analyze(engine, "President Anna Berg, who is at odds with the government, called on Norlanders to protest "
                        "in Oslo on Monday.")
    called = only(a, "called")
    assert doers(a, called) == ["Anna Berg"] and called.category == "02"


def test_a_particle_reading_of_a_preposition_needs_an_object(engine):
    a = analyze(engine, 'Speaking outside the Oslo Primary School, Mr Tom Lane said: "It is not acceptable for the '
                        'rest of the world to stand by."')
    assert not [e for e in a.events if e.trigger.startswith("stand")]


def test_a_state_held_since_a_date_is_not_dated_by_the_sentence(engine):
    a = analyze(engine, "The Civic Party, which has governed Norland since 2012, won 54% of the vote in "
                        "Saturday's election.")
    assert [e.date for e in a.events if e.trigger.startswith("governed")] in ([], [None])
    assert only(a, "won").date == "2024-10-05"
    a = analyze(engine, "Acme Motors has posted its first annual loss since 1992.")
    assert only(a, "posted").date == "2024-10-05"


@pytest.mark.parametrize(("sentence", "doer"), [
    ("The war in Norland has killed tens of thousands of people.", None),
    ("Fighting has killed 150 people in Norland, according to the United Nations.", None),
    ("Israeli strikes killed 40 people in Gaza on Monday.", "Israel"),
])
def test_the_toll_of_violence_has_no_doer_unless_one_is_named(engine, sentence, doer):
    """ "The war in Sudan has killed tens of thousands" made Sudan the killer."""
    a = analyze(engine, sentence)
    killed = only(a, "killed")
    if doer is None:
        assert killed.category == "DISASTER" and not killed.agents
        assert [a.actor(t).name for t in killed.targets] == ["Norland"]
    else:
        assert doers(a, killed) == [doer] and killed.category != "DISASTER"


def test_the_owner_of_a_subject_whose_name_is_set_beside_it_does_not_act(engine):
    """ "Mr Trump's first choice for attorney general, Matt Gaetz, withdrew": Gaetz withdrew, not Trump."""
    a = analyze(engine, "Mr Tom Lane's first choice for attorney general, Anna Berg, withdrew from consideration last month.")
    assert doers(a, only(a, "withdrew")) == ["Anna Berg"]


def test_a_body_run_by_a_named_one_speaks_for_it(engine):
    """ "The Hamas-run health ministry said": not the briefing's home country."""
    a = analyze(engine, "Qatar suspended its role in the talks on Monday. Qatar said it would wait. The Hamas-run health "
                        "ministry said at least 30 people were killed in strikes on Saturday.")
    assert [doers(a, e) for e in a.events if "30 people" in e.summary] == [["Hamas"]]


def test_an_act_counted_from_in_a_record_is_no_row_of_its_own(engine):
    """ "..., the third since Mr Milei took office": the taking of office was told already, and is no news here."""
    a = analyze(engine, "Mr Tom Lane took office in December 2023. Unions staged a general strike on October 30th to "
                        "protest against the cuts, the third since Mr Lane took office.")
    assert [e.date for e in a.events if e.trigger.startswith("took")] == ["2023-12"]


def test_forces_led_by_a_named_group_act_as_that_group(engine):
    a = analyze(engine, "Rebel forces led by the Civic Front entered Oslo early on Sunday.")
    assert doers(a, only(a, "entered")) == ["Civic Front"]


def test_a_passive_joined_to_an_active_verb_is_done_to_its_subject(engine):
    """ "Assad left the country and has been granted asylum in Moscow, Russian state media reported": no row."""
    a = analyze(engine, "President Tom Lane left the country and has been granted asylum in Moscow, Norland state media "
                        "reported.")
    granted = only(a, "granted")
    assert [a.actor(t).name for t in granted.targets] == ["Tom Lane"] and granted.modality == "reported"


def test_a_past_clause_of_time_after_what_would_be_done_is_the_writers(engine):
    """ "said on Wednesday that he would not sign the bill, a day after protesters stormed parliament and at
    least 22 people were killed": the killing was reported by the president and undated."""
    a = analyze(engine, "Norland's president, Tom Lane, said on Wednesday that he would not sign a finance bill that "
                        "would have raised taxes, a day after protesters stormed parliament and at least 22 people were killed "
                        "in Oslo.")
    killed = only(a, "killed")
    assert killed.modality == "asserted" and killed.date == "2024-10-01"


def test_a_span_after_an_act_told_in_the_story_moves_its_date(engine):
    """ "Erdogan dismissed the governor on March 20th. The move came two days after the bank raised its rate":
    the raise was on the 18th, not the 20th."""
    a = analyze(engine, "Tom Lane dismissed the governor of Norbank on March 20th. The move came two days after "
                        "Norbank raised its policy rate by 200 basis points.")
    assert only(a, "raised").date == "2024-03-18"


def test_a_meeting_owned_by_a_pronoun_is_headed_by_its_owners_name(engine):
    a = analyze(engine, "The Central Bank of the Republic of Norland (CBRN) raised its policy rate on March 18th. We expect "
                        "the CBRN to keep its policy rate unchanged at its next meeting on April 15th.")
    assert [e.summary.split(":")[0] for e in a.events if e.trigger.startswith("meeting")] in (
        [], ["CBRN"], ["Central Bank of the Republic of Norland"])



def test_a_passive_joined_to_a_pronouns_act_is_done_to_whom_it_stands_for(engine):
    a = analyze(engine, "Prosecutors charged Tom Lane with fraud. He resigned on October 1st and was arrested three days later.")
    arrested = only(a, "arrested")
    assert [a.actor(t).name for t in arrested.targets] == ["Tom Lane"]
    assert arrested.summary.startswith("Lane: was arrested") and arrested.date == "2024-10-04"


def test_a_clause_before_a_semicolon_is_not_what_the_later_verb_reports(engine):
    a = analyze(engine, "Mr Lane wrote that the talks had failed; Ms Ward said that the talks would go on.")
    wrote = only(a, "wrote")
    assert wrote.modality == "asserted" and wrote.attribution is None and "reported" not in wrote.summary


def test_a_date_after_a_semicolon_is_the_next_clauses(engine):
    a = analyze(engine, "Mr Tom Lane ordered the French troops out of the country; the last of them left in December 2023.")
    assert only(a, "ordered").date is None


def test_who_a_condition_names_is_no_party_to_the_act(engine):
    a = analyze(engine, "If Germany agrees, the European Union will impose sanctions on Iran.")
    imposed = only(a, "impose")
    assert [a.actor(t).name for t in imposed.targets] == ["Iran"] and imposed.modality == "hypothetical"
    # the words of the condition stay in the row's clause
    a = analyze(engine, "The World Bank may fund a station if the three sides agree.")
    assert only(a, "fund").text.endswith("if the three sides agree")


def test_a_passive_the_parser_joined_without_and_shares_no_subject(engine):
    """ "He forgets rights were suspended": the parser joins "suspended" to "forgets" with no "and"."""
    a = analyze(engine, "Mr Tom Lane spoke on Monday. He also forgets basic Human Rights were suspended then.")
    assert not [e for e in a.events if e.trigger.startswith("suspended") and e.targets]


def test_a_relative_clause_acting_on_its_noun_names_the_whole_noun(engine):
    a = analyze(engine, "The resolution rejected the October 26th election, which the Georgian Dream party won with 54% of the vote.")
    assert "won the October 26th election" in only(a, "won").summary


def test_an_act_noun_something_simply_has_is_no_act(engine):
    a = analyze(engine, "The United States, which has a mutual defence treaty with the Philippines, condemned the raid.")
    assert not [e for e in a.events if e.trigger.startswith("treaty")]
    # a date makes it a schedule; a past "had" held them
    a = analyze(engine, "Iran has talks with the European Union in Geneva on Monday.")
    assert [e for e in a.events if e.trigger.startswith("talks")]
    a = analyze(engine, "Iran had talks with the European Union in Geneva.")
    assert [e for e in a.events if e.trigger.startswith("talks")]


def test_what_a_body_said_in_a_relative_clause_is_not_its_own_act(engine):
    a = analyze(engine, "A sailor was hurt, according to the Armed Forces of the Philippines, which said Chinese personnel "
                        "wielding knives seized eight rifles and damaged the engines.")
    said = only(a, "said")
    assert said.summary.startswith("Armed Forces of the Philippines: said Chinese personnel")


def test_who_mediated_the_frame_of_an_act_takes_part_but_is_not_acted_on(engine):
    a = analyze(engine, "Russia and Ukraine exchanged 103 prisoners each on Monday in a deal mediated by the United Arab Emirates.")
    swap = only(a, "exchanged")
    assert swap.targets == [] and "United Arab Emirates" in [a.actor(x).name for x in swap.actors]
    a = analyze(engine, "Israel and Hamas agreed to a truce at talks hosted by Qatar.")
    assert only(a, "agreed").targets == []


def test_the_owner_of_an_act_it_undergoes_is_acted_on_and_a_warrant_is_not_the_arrest(engine):
    a = analyze(engine, "Iran demanded Mr Tom Lane's release on Monday. Mr Tom Lane's resignation shocked the party.")
    assert doers(a, only(a, "resignation")) == ["Tom Lane"]
    a = analyze(engine, "Mr Tom Lane flew to Madrid on Sunday after a warrant was issued for his arrest.")
    assert not [e for e in a.events if e.trigger.startswith("arrest")]
    a = analyze(engine, "Police have detained Mr Tom Lane. His arrest angered the opposition.")
    assert all(not e.agents for e in a.events if e.trigger.startswith("arrest"))


def test_declaring_someone_the_winner_however_parsed_is_an_election_result(engine):
    a = analyze(engine, "The electoral council declared Mr Tom Lane the winner without publishing detailed results.")
    assert only(a, "declared").category == "VOTE"


def test_a_new_subject_after_and_does_its_own_act(engine):
    """ "stormed parliament in Caracas and police shot dead": the police shot (the home country's), not the
    protesters; the storming ends at the city."""
    a = analyze(engine, "Peru's president withdrew the tax bill on Monday. Protesters stormed parliament in Caracas "
                        "and police shot dead at least 22 people. Peru has been in turmoil since May.")
    assert only(a, "stormed").summary.endswith("stormed parliament in Caracas")
    shot = only(a, "shot")
    assert doers(a, shot) == ["Peru"] and "rotesters" not in shot.summary


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "modality"),
    [
        # the speaker's next act in words, after what he reports in a tense put back
        ("Mr Tom Lane said Labour had missed its targets and accused ministers of fiddling the figures.", "accused",
         "Tom Lane", "asserted"),
        ("Mr Tom Lane said Labour had missed its targets and urged ministers to resign.", "urged", "Tom Lane", "asserted"),
        # a past tense cannot share the reported clause's "would"; a spoken act after a state is the speaker's
        ("Mr Tom Lane said the chancellor would play a central role and praised his record.", "praised", "Tom Lane",
         "asserted"),
        # a phrase quoted inside what is reported does not make the rest the speaker's words
        ('Mr Tom Lane said the chancellor would play a "central role" and praised his record.', "praised", "Tom Lane",
         "asserted"),
        ("Mr Tom Lane said the deal was a sham and accused Labour of lying.", "accused", "Tom Lane", "asserted"),
        ("Peru said its troops would continue to fight and shelled the border on Monday.", "shelled", "Peru", "asserted"),
        ("Mr Tom Lane said he had made an error of judgement but insisted he had not lied.", "insisted", "Tom Lane",
         "asserted"),
        ("Mr Tom Lane said he was not happy with Vestia and threatened further sanctions.", "threatened", "Tom Lane",
         "asserted"),
        # what the reported doer did next stays his
        ("Mr Tom Lane said Labour had missed its targets and fiddled the figures.", "fiddled", "Labour", "reported"),
        ("Mr Tom Lane said Labour had missed its targets and had accused ministers of lying.", "accused", "Labour",
         "reported"),
    ],
)
def test_the_speakers_act_after_what_he_reports(engine, text, trigger, doer, modality):
    a = analyze(engine, text)
    event = only(a, trigger)
    assert doers(a, event) == [doer] and event.modality == modality


def test_a_speaking_participle_after_a_passive_is_said_by_the_one_it_was_done_to(engine):
    """ "was sworn in as president, calling on China to stop": the one sworn in calls."""
    a = analyze(engine, "Mr Tom Lane was sworn in as Norland's president on Monday, calling on Vestia to end its blockade.")
    calling = only(a, "calling")
    assert doers(a, calling) == ["Tom Lane"]
