"""Who a pronoun or a role word refers to, on hand-made sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text

PUBLISHED = dt.date(2024, 3, 20)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def doers(analysis, trigger: str) -> list[list[str]]:
    names = {a.id: a.name for a in analysis.actors}
    return [[names.get(x, x) for x in e.agents] for e in analysis.events if e.trigger.split()[0] == trigger]


def doers_or_targets(analysis, trigger: str) -> list[list[str]]:
    names = {a.id: a.name for a in analysis.actors}
    return [[names.get(x, x) for x in (e.agents or e.targets)] for e in analysis.events if e.trigger.split()[0] == trigger]


def test_she_is_not_the_man_named_just_before(engine):
    text = ("Mr Tom Lane is suing the publisher over the book. He wants access to Mrs Ann Ward's letters. "
            "She denies he ever wrote to her.")
    (agents,) = doers(analyze(engine, text), "denies")
    assert agents == ["Ann Ward"]


def test_he_still_refers_to_the_previous_subject(engine):
    text = "Mr Tom Lane met Mrs Ann Ward in Oslo. He denied any wrongdoing."
    (agents,) = doers(analyze(engine, text), "denied")
    assert agents == ["Tom Lane"]


def test_a_name_that_names_a_thing_is_not_who_he_is(engine):
    """ "a junior minister in the Attlee government, he...": Attlee names the government; "he" is
    the man the paragraph is about."""
    text = ("Jim Callaghan was elected for Cardiff in 1945. After serving as a junior minister in the "
            "Attlee government, he refused to support Harold Wilson.")
    (agents,) = doers(analyze(engine, text), "refused")
    assert agents == ["Jim Callaghan"]


def test_a_pronoun_in_a_relative_clause_is_not_the_doer_named_after_it(engine):
    text = ("Mr Tom Lane resigned from the board in May. "
            "The claims, which he has denied, are being investigated by Sir Peter Holt.")
    analysis = analyze(engine, text)
    (agents,) = doers(analysis, "denied")
    assert "Peter Holt" not in agents


def test_the_shadow_minister_is_not_the_minister(engine):
    text = ("Shadow home secretary Paul Reid said the plan was flawed. "
            "The home secretary defended the scheme on Monday.")
    analysis = analyze(engine, text)
    reid = next(a for a in analysis.actors if a.name == "Paul Reid")
    assert not any(m.text.lower() == "home secretary" for m in reid.mentions)


def test_the_government_is_the_one_the_text_names_not_the_most_named_country(engine):
    text = ("The Norwegian government is planning to send migrants back to Albania. Albania has not agreed. "
            "Officials in Albania were not told. Albania's ministers met on Monday. "
            "The government said the plan was lawful.")
    analysis = analyze(engine, text)
    (agents,) = doers(analysis, "said")
    assert agents == ["Norway"]


def test_a_name_before_a_state_body_is_the_doer_of_an_uncoded_act(engine):
    analysis = analyze(engine, "The Norwegian government returned 40 asylum seekers to Albania.")
    (agents,) = doers(analysis, "returned")
    assert agents == ["Norway"]
    analysis = analyze(engine, "A Norwegian sailor lost a thumb in the clash.")
    assert not doers(analysis, "lost")  # a nationality on a person is not a state acting


def test_a_possessive_in_a_reported_clause_is_its_subjects_and_an_object_never_is(engine):
    text = "The watchdog said agriculture department Agrifo had improved its capacity to deal with outbreaks."
    analysis = analyze(engine, text)
    (improved,) = [e for e in analysis.events if e.trigger == "improved"]
    names = {a.id: a.name for a in analysis.actors}
    assert [names[t] for t in improved.targets] == []  # not the watchdog that said so
    text = "Mr Tom Lane said Mr Sam Ward had criticised him in Oslo."
    (criticised,) = [e for e in analyze(engine, text).events if e.trigger == "criticised"]
    assert criticised.summary.startswith("Ward → Lane")


def test_he_in_a_quotation_is_not_the_one_quoted(engine):
    text = ('Mr Sam Ward resigned on Monday. Speaking later, Mr Tom Lane said: "He has misled the board '
            'and has shown poor leadership."')
    assert doers(analyze(engine, text), "misled") == [["Sam Ward"]]


def test_he_in_a_quotation_running_on_over_sentences_is_not_its_speaker(engine):
    text = ('School visit\n\nMr Peter Ward spoke to pupils on Monday. Mr Tom Lane added: "Here, Mr Ward was talking to teenagers. '
            '"I think in this instance he has done a lot of really good things and he will be regretting this remark."')
    assert doers(analyze(engine, text), "regretting") == [["Peter Ward"]]


def test_he_in_a_quotation_its_sayer_closes_is_not_the_sayer(engine):
    text = ('Aid targets\n\nMr Peter Ward set new targets for aid on Monday. Mr Tom Lane accused Mr Ward of missing '
            'his old ones. "There is no point in him demanding praise for new targets when he has so woefully failed '
            'to meet the ones he already has," added Mr Lane.')
    assert doers(analyze(engine, text), "failed") == [["Peter Ward"]]


def test_an_object_pronoun_is_not_its_clauses_subject(engine):
    text = "Aid targets\n\nMr Peter Ward set new targets on Monday. Mr Tom Lane accused him of missing his old ones."
    (accused,) = [e for e in analyze(engine, text).events if e.trigger == "accused"]
    assert accused.summary.startswith("Lane → Ward")


def test_the_mayor_of_a_capital_belongs_to_the_city_not_the_country(engine):
    analysis = analyze(engine, "The Mayor of London said the scheme would go ahead. Britain backed it.")
    kinds = {a.name: a for a in analysis.actors}
    assert "London" in kinds and kinds["London"].id != kinds["United Kingdom"].id


def test_a_chain_of_he_reaches_back_to_the_name(engine):
    text = ("Mr Sam Oduya was born in 1912. He enlisted in the navy in 1942. He rose to lieutenant. "
            "He joined the cabinet in 1964. He resisted devaluation for three years.")
    assert doers(analyze(engine, text), "resisted") == [["Sam Oduya"]]


def test_an_earlier_he_in_the_sentence_is_who_a_later_he_is(engine):
    text = ("Mr Sam Oduya led the party for a decade. When he refused to support Mr Tom Lane over the "
            "manifesto in 1968, he said he would not resign.")
    for agents in doers(analyze(engine, text), "said"):
        assert "Tom Lane" not in agents


def test_a_name_inside_a_quotation_does_not_say_it(engine):
    text = ('Mr Tom Lane said the news was sad. "I knew what a blow the death of his wife Ann Oduya was," '
            'he said.')
    names = [agents for agents in doers(analyze(engine, text), "said")]
    assert ["Ann Oduya"] not in names


def test_his_wife_named_is_the_wife_not_him(engine):
    text = "Mr Sam Oduya met reporters. His wife Ann Oduya died aged 91."
    assert doers(analyze(engine, text), "died") == [["Ann Oduya"]]


def test_the_and_a_word_of_an_organisations_name_is_that_organisation(engine):
    text = ("The families took their case to the Northern Rail Appeals Commission. "
            "The commission ruled on 3 May that the fares were unlawful.")
    assert doers(analyze(engine, text), "ruled") == [["Northern Rail Appeals Commission"]]


def test_a_plural_name_and_a_singular_noun_are_the_same_organisation(engine):
    text = "Pacific Coral Airlines bought ten jets last year. The airline signed a deal with Airbus on Monday."
    assert doers(analyze(engine, text), "signed") == [["Pacific Coral Airlines"]]


def test_another_kind_of_the_same_noun_is_not_the_named_one(engine):
    text = "Shares in the Royal Bank of Scotland fell. The central bank raised interest rates in March."
    assert doers(analyze(engine, text), "raised") == []


def test_it_after_an_indefinite_noun_is_that_generic_thing(engine):
    text = ("Speaking at the Harbour Club, Mr Tom Lane said it was vital for a political party to be "
            "credible on what it promised.")
    a = analyze(engine, text)
    assert doers(a, "promised") == []
    assert doers(analyze(engine, "Russia has said it will retaliate against any sanctions."), "retaliate") == [["Russia"]]


def test_a_persons_supporters_are_not_that_person(engine):
    assert doers(analyze(engine, "Mr Tom Lane's supporters met the Irish delegation in Dublin."), "met") == [[]]
    assert doers(analyze(engine, "Russia's troops attacked the town on Monday."), "attacked") == [["Russia"]]


def test_a_name_the_parser_left_hanging_before_its_verb_is_the_doer(engine):
    text = ("Mr Tom Lane names Russia as the state of gravest concern. And he is also worried about Pakistan "
            "after one of its top nuclear scientists, Abdul Qadeer Khan, admitted leaking nuclear secrets.")
    assert doers(analyze(engine, text), "admitted") == [["Abdul Qadeer Khan"]]


def test_after_and_a_name_before_a_verb_is_the_verbs_doer(engine):
    text = ("The deal is thought to have been hammered out on Thursday night after Japan, one of the "
            "biggest creditor nations, finally signed up to it.")
    assert doers(analyze(engine, text), "signed") == [["Japan"]]


def test_government_before_a_noun_is_the_briefings_government(engine):
    text = ("Portugal has tightened its laws. Portugal passed a decree in May. Portugal was criticised. "
            "In October government legislation came into effect to extend the ban.")
    a = analyze(engine, text)
    assert doers(a, "came") == [["Portugal"]]


def test_it_after_a_thing_that_ends_the_sentence_before_is_that_thing(engine):
    """ "Boeing will start building it and the aircraft should fly in 2008. It will carry 300
    people": "it" is the aircraft, the last subject, not Boeing, the first."""
    text = ("Northrop will begin production in 2006 and the aircraft should enter service in 2008. "
            "It will carry 300 passengers to Sydney.")
    assert doers(analyze(engine, text), "carry") in ([], [[]])
    text = "Northrop will begin production in 2006 and the airline should hire pilots. It will fly to Sydney."
    assert doers(analyze(engine, text), "fly") in ([], [[]])
    # the first subject when nothing comes after it, or when what does is a body of the first
    text = "Northrop will begin production in 2006. It will open a plant in Ohio."
    assert doers(analyze(engine, text), "open") == [["Northrop"]]
    text = "Northrop will begin production in 2006 and the company should hire 300 people. It will open a plant in Ohio."
    assert doers(analyze(engine, text), "open") == [["Northrop"]]


def test_he_after_what_unnamed_people_said_is_whom_they_spoke_of(engine):
    text = ("Dr Ann Ward was shot at her home in May. Before the shooting, Mr Tom Lane had travelled widely, "
            "investigators said. He has been arrested a dozen times during protests.")
    assert doers_or_targets(analyze(engine, text), "arrested") == [["Tom Lane"]]
    # one person who says it is the one "he" goes on with
    text = ("Mr Tom Lane was shot at his home in May. Mr Jim Reed said Mr Lane had travelled widely. "
            "He later met the chief constable in Leeds.")
    assert doers(analyze(engine, text), "met") == [["Jim Reed"]]


def test_it_after_a_makers_model_is_the_model_not_the_maker(engine):
    text = "The last Airbus 300 was handed over to Lufthansa in 2007. It marked the end of an era for the industry."
    assert doers(analyze(engine, text), "marked") in ([], [[]])
    text = "Airbus handed over its last A300 to Lufthansa in 2007. It marked the end of an era for the industry."
    assert doers(analyze(engine, text), "marked") == [["Airbus"]]


def test_a_region_a_minister_is_for_is_his_brief_not_a_doer(engine):
    text = "The Minister for Africa, Lord Tom Collins, met Kenyan President William Ruto in Nairobi on Monday."
    assert doers(analyze(engine, text), "met") == [["Tom Collins"]]
    # a country or nation he is the minister for is whose minister he is
    text = "The health minister for Wales, Jeremy Miles, visited the hospital in Cardiff on Monday."
    assert sorted(*doers(analyze(engine, text), "visited")) == ["Jeremy Miles", "Wales"]


def test_it_after_an_indefinite_object_is_still_the_country(engine):
    text = "China said it would send an envoy next week, and it would also host talks in May."
    assert doers(analyze(engine, text), "host") == [["China"]]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The Liberal Democrats are trying to capitalise on the feud. On Wednesday they unveiled a poster.",
         "unveiled", [["Liberal Democrats"]]),
        ("Germany and Norway met in Oslo in May and they agreed to cut tariffs.", "agreed", [["Germany", "Norway"]]),
        ("The protesters marched on the German embassy on Monday. They attacked the building.", "attacked", []),
    ],
)
def test_they_is_a_group_named_in_the_plural_or_several_actors_as_the_subject_just_before(engine, text, trigger, expected):
    assert [sorted(d) for d in doers(analyze(engine, text), trigger)] == expected


def test_i_in_a_quotation_is_its_speaker(engine):
    analysis = analyze(engine, 'Jane Ridley said on Monday: "I will ask Parliament to renew the law in the new year."')
    assert doers(analysis, "ask") == [["Jane Ridley"]]
    assert doers(analyze(engine, "I will ask Parliament to renew the law in the new year."), "ask") in ([], [[]])


def test_the_title_set_after_a_name_is_that_persons_role(engine):
    text = "Jane Ridley, the health secretary, attacked the ruling. The health secretary insisted it was for Parliament to decide."
    assert doers(analyze(engine, text), "insisted") == [["Jane Ridley"]]


def test_a_pronoun_in_a_clause_set_before_its_main_clause_is_the_subject_named_after_it(engine):
    text = "Before he resigned the post of interior minister on Wednesday, Karl Moberg had been in charge of policing."
    assert doers(analyze(engine, text), "resigned") == [["Karl Moberg"]]


def test_cataphora_gives_way_to_a_person_named_before(engine):
    text = "Mr Tom Lane flew to Oslo. When he landed, Mr Jon Holm spoke to the press."
    assert doers(analyze(engine, text), "landed") in ([["Tom Lane"]], [])


@pytest.mark.parametrize("first", [
    "Mr Karl Moberg's own comments on migration had prompted censure.",
    "Mr Karl Moberg's own comments on migration had prompted censure - he told refugees to go home.",
])
def test_he_after_a_sentence_about_a_persons_things_is_that_person(engine, first):
    text = first + " And he also urged employers to hire locally."
    assert doers(analyze(engine, text), "urged") == [["Karl Moberg"]]


def test_a_participle_after_an_infinitive_is_done_by_the_one_who_urged(engine):
    text = ('Karl Moberg urged people from ethnic minorities to develop a "sense of belonging" in Norland, '
            "telling them to speak Norse at home.")
    assert doers(analyze(engine, text), "telling") == [["Karl Moberg"]]


def test_an_office_of_a_named_actor_speaks_for_it_not_for_the_city_it_is_in(engine):
    assert doers(analyze(engine, "The Albanian embassy in London said it had not heard of the scheme."), "said") == [["Albania"]]
    assert doers(analyze(engine, "Officials in Kyiv said the talks had failed."), "said") == [["Kyiv"]]


def test_two_new_parties_are_not_the_two_sides_named_before(engine):
    text = ("Germany criticised France on Monday. France rejected the criticism from Germany. "
            "Ms Kari Dahl began talks with two smaller parties.")
    analysis = analyze(engine, text)
    (talks,) = [e for e in analysis.events if e.trigger.startswith("began")]
    assert talks.targets == []


def test_a_common_noun_is_not_a_one_word_name_it_shares(engine):
    # a headline's "Visa" (tagged as the company) is not "the visa" of the story
    text = ("Visa row mandarin made Sir Tom\n\nHe and other civil servants were criticised for failing to recall how "
            "the visa for the nanny came to be fast-tracked.")
    analysis = analyze(engine, text)
    names = {a.id: a.name for a in analysis.actors}
    assert all(names.get(t) != "Visa" for e in analysis.events for t in e.targets)


def test_it_in_what_an_unnamed_thing_said_is_that_thing_not_the_last_name(engine):
    text = "The company, whose shares were suspended by the regulator Finsa on Monday, said it would appeal."
    assert doers(analyze(engine, text), "appeal") in ([], [[]])


def test_the_militants_are_the_one_armed_group_named_before(engine):
    a = analyze(engine, "Hamas said it would not stop. On Monday the militants fired rockets at the town.")
    fired = next(e for e in a.events if e.trigger.split()[0] == "fired")
    assert [x.name for x in a.actors if x.id in fired.agents] == ["Hamas"]
    # with two armed groups named, the text does not say which
    a = analyze(engine, "Hamas and Hezbollah said they would not stop. On Monday the militants fired rockets at the town.")
    assert not any(e.trigger.split()[0] == "fired" for e in a.events)


def test_the_militants_are_left_alone_beside_a_group_the_dictionary_does_not_know(engine):
    # "JNIM, al-Qaeda's affiliate": the militants may be JNIM's, which the dictionary does not type
    a = analyze(engine, "Vestbrigade, an affiliate of al-Qaeda, claimed the raid. The militants attacked a police post.")
    assert not any(e.trigger.split()[0] == "attacked" for e in a.events)


def test_a_speaker_is_not_the_man_named_in_what_he_says(engine):
    """ "Mr Vance's first task was to rebuild trust, he said": a speaker does not call himself by
    name; "he" is the one the paragraph is about."""
    text = ("Opposition leader Tom Reed welcomed the result on Monday. "
            "Mr Vance's first task was to rebuild trust at home, he said.")
    (agents,) = doers(analyze(engine, text), "said")
    assert agents == ["Tom Reed"]


@pytest.mark.parametrize("text, trigger, speaker", [
    # the clause before is the writer's when the verb says something of its own
    ("Mr Tom Reed's own comments had prompted censure - he told refugees to go back home.", "told", "Tom Reed"),
    # a saying the parse hangs under the pronoun's saying is the same speaker's
    ('Ms Ann Hale said she hoped "that people would benefit from the plan" Asked about waiting lists, '
     "she said waiting times were falling.", "said", "Ann Hale"),
])
def test_a_speaker_named_before_the_pronoun_outside_what_it_says_is_who_it_is(engine, text, trigger, speaker):
    found = doers(analyze(engine, text), trigger)
    assert found and all(agents == [speaker] for agents in found)


def test_he_is_the_speaker_named_after_a_role_of_an_organisation(engine):
    """'said the general secretary of the union Solid, Tom Varga': the parser hangs the name on the union."""
    analysis = analyze(engine, '"It is the best decision for our plants," said the general secretary of the union Solid, '
                               'Tom Varga.\n"I am delighted that the company has done the right thing," he told reporters.')
    assert doers(analysis, "told") == [["Tom Varga"]]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "the carmaker" speaking is the company named before; what it said is what the next sentence is about
        ("Cuts ahead\n\nFordham Motors will cut 4,000 jobs in Europe, the carmaker said on Wednesday. "
         "The company reported an operating loss of €310m for the quarter.", "reported", [["Fordham Motors"]]),
        # a person speaking of a body: the body is what the sentence is about
        ("New party\n\nMr Tom Lane said Veritas would announce its policies soon. "
         "The party will hold a leadership election in May.", "hold", [["Veritas"]]),
        # not a thing that says it: "it" is the report
        ("Vote fraud\n\nThe report said the Norland government should consider fines for voters. "
         "It said incentives to register were gimmicks.", "said", []),
    ],
)
def test_the_body_a_sentence_of_saying_is_about(engine, text, trigger, expected):
    assert doers(analyze(engine, text), trigger) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a public body acting on a firm: "the company" is the firm, not the body that is the subject
        ("Probe\n\nThe European Commission opened proceedings against Acme Corp on Tuesday. "
         "The company denied wrongdoing.", [["Acme Corp"]]),
        ("Probe\n\nThe Constitutional Court fined Acme Corp on Tuesday. The company denied wrongdoing.", [["Acme Corp"]]),
        # a firm as the subject stays the one meant
        ("Probe\n\nOn Tuesday, Acme Corp sued the European Commission. The company denied wrongdoing.", [["Acme Corp"]]),
        # two firms: nobody
        ("Probe\n\nThe European Commission fined Acme Corp and Norcom Inc on Tuesday. The company denied wrongdoing.", []),
    ],
)
def test_the_company_is_a_firm_not_the_public_body_before_it(engine, text, expected):
    assert doers(analyze(engine, text), "denied") == expected


def test_a_kind_of_firm_with_a_word_saying_which_is_not_the_firm_named_before(engine):
    text = "Deal\n\nNordair will sell its stake in Acme Bank. The young computer maker agreed to pay $80m."
    assert doers(analyze(engine, text), "agreed") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Norlandic airline Nordair bought 12 jets last year. The airline approached Boeing about a deal.", [["Nordair"]]),
     # no one was given that kind before: "the airline" is someone else, and the row has no named doer
     ("Northrop bought 12 jets last year. The airline approached Boeing about a deal.", [])],
)
def test_the_kind_of_firm_is_the_one_the_text_gave_that_kind(engine, text, expected):
    assert doers(analyze(engine, "Jets\n\n" + text), "approached") == expected


def test_he_after_a_sentence_with_an_unnamed_subject_is_the_one_person_it_names(engine):
    """ "Prosecutors issued a warrant for Mr Gonzalez. He fled to Spain": not the man named a sentence before."""
    text = ("Mr Ivo Berg blamed the unrest on his rivals. Prosecutors issued an arrest warrant for Mr Tom Lane "
            "on Monday. He fled to Spain a week later.")
    assert doers(analyze(engine, text), "fled") == [["Tom Lane"]]


def test_him_after_a_plural_unnamed_subject_is_the_one_person_its_sentence_names(engine):
    """ "European leaders rallied behind Zelensky. Starmer hosted him": leaders are no "him"; not Trump before."""
    text = ("Mr Tom Lane wrote on social media afterwards. European leaders rallied behind Ivo Berg on Saturday. "
            "Ann Ward hosted him in London on Sunday.")
    analysis = analyze(engine, text)
    names = {a.id: a.name for a in analysis.actors}
    assert [[names[t] for t in e.targets] for e in analysis.events if e.trigger == "hosted"] == [["Ivo Berg"]]


def test_he_after_an_unnamed_person_as_subject_is_that_person(engine):
    """ "the Pakistani president met Prime Minister Tony Blair. He is due to visit Manchester": not Blair."""
    text = ("On Monday the Norland president met Prime Minister Tom Lane in London. He is due to visit "
            "the Norland community in Leeds on Tuesday.")
    assert all("Tom Lane" not in d for d in doers_or_targets(analyze(engine, text), "due"))


def test_a_chain_of_he_passes_over_a_sentence_that_names_someone_else(engine):
    text = ("Ivo Berg joined the service in 1975. It was then run by Anton Kral. Through his teacher, he made "
            "an approach to the embassy. He spied for Norland for two years.")
    assert doers(analyze(engine, text), "spied") != [["Anton Kral"]]


def test_it_after_a_countrys_body_as_subject_is_that_country(engine):
    """ "Ukraine's military did not confirm the loss. It said ...": the saying had no row."""
    text = "Norland's military did not confirm the loss. It said its air defences had shot down 50 drones."
    assert doers(analyze(engine, text), "said") == [["Norland"]]


def test_he_after_a_title_whose_name_follows_its_body_is_that_name(engine):
    """ "The head of the Valencia regional government, Carlos Mazon, has rejected calls to resign. He said":
    Mazon, not the prime minister named before."""
    text = ("Mr Tom Lane promised aid on Sunday. The head of the Bergen regional government, Ivo Berg, has rejected "
            "calls to resign. He said he had not been told of the severity of the storm.")
    assert doers(analyze(engine, text), "said") == [["Ivo Berg"]]


def test_they_after_people_named_beside_their_titles_is_those_people(engine):
    text = ("The king, Felipe VI, and the prime minister, Tom Lane, were pelted with mud when they visited the town of "
            "Bergen on Sunday.")
    (event,) = [e for e in analyze(engine, text).events if e.trigger == "visited"]
    a = analyze(engine, text)
    assert sorted(a.actor(x).name for x in event.agents) == ["Felipe VI", "Tom Lane"]
    assert event.summary.startswith("Felipe VI, Lane:")


def test_he_after_a_sentence_about_his_body_is_its_owner(engine):
    text = ("Mr Tom Lane will be sworn in on January 7th. His National Democratic Congress (NDC) also won a majority. "
            "He has promised to renegotiate the loan from the World Bank.")
    assert doers(analyze(engine, text), "promised") == [["Tom Lane"]]
    # not when the subject is a person of its own, named beside the title
    text = ("Mr Tom Lane said taxes would rise. His party leader, Mr Piet Hals, argued for cuts. "
            "\"Labour are wasting money,\" he said.")
    speakers = [e.attribution for e in analyze(engine, text).events if e.modality == "reported"]
    assert speakers and all("Hals" in (s or "") for s in speakers)


def test_its_after_a_body_named_again_by_its_head_word_is_that_body(engine):
    text = ("Egypt's central bank raised its rate, clearing the way for a deal with the International Monetary Fund. "
            "The fund agreed on Monday to expand its lending, and its board approved the deal on March 29th.")
    assert doers(analyze(engine, text), "approved") == [["International Monetary Fund"]]


def test_a_possessive_in_what_someone_is_accused_of_is_the_accused(engine):
    analysis = analyze(engine, "Iran accused Israel of breaking its promise to stop the strikes.")
    assert doers(analysis, "promise") == [["Israel"]]
    analysis = analyze(engine, "The Tories accused Mr Tom Lane of breaking his promise on taxes.")
    assert doers(analysis, "promise") == [["Tom Lane"]]


def test_the_owner_of_a_subject_named_beside_it_or_of_its_followers_does_not_act(engine):
    text = "Mr Tom Lane was jailed on Monday. His party, the Freedom Party, called the verdict a mockery of justice."
    assert doers(analyze(engine, text), "called") == [["Freedom Party"]]
    text = "Mr Tom Lane was jailed on Monday. His wife, Ann Lane, was sentenced to seven years."
    analysis = analyze(engine, text)
    sentenced = [e for e in analysis.events if e.trigger.startswith("sentenced")]
    assert [[analysis.actor(t).name for t in e.targets] for e in sentenced] == [["Ann Lane"]]
    text = "Mr Tom Lane was convicted again on Monday. His supporters say the verdicts are politically motivated."
    assert doers(analyze(engine, text), "say") in ([], [[]])


def test_a_former_holder_of_an_office_is_not_its_holder_today(engine):
    # (the sitting prime minister as of the publication date, from the dated offices table)
    text = ("Pakistan's former prime minister jailed for 14 years\n\nShehbaz Sharif, the prime minister, said on "
            "Monday that the courts were independent.")
    analysis = engine.analyze(document_from_text(text, published=dt.date(2025, 1, 20)))
    jailed = [e for e in analysis.events if e.trigger == "jailed"]
    assert jailed and all(analysis.actor(t).name != "Shehbaz Sharif" for e in jailed for t in e.targets)


def test_the_bank_after_a_central_bank_is_that_bank(engine):
    """A bare "the bank" after a country's central bank acts for that country, as the central bank did."""
    text = ("Rates on hold\n\nSweden's central bank kept its benchmark rate at 4% on Tuesday, and Norway's exports fell. "
            "The bank said in a statement that inflation was easing. The bank is expected to resume cuts in September.")
    analysis = analyze(engine, text)
    assert doers(analysis, "said") == [["Sweden"]]
    assert doers(analysis, "expected") == [["Sweden"]]
    # with no central bank named, "the bank" is no reference to a country
    text = "Bank row\n\nSweden fined Nordbanken on Monday. The bank said it would appeal."
    assert doers(analyze(engine, text), "said") in ([], [[]], [["Nordbanken"]])


def test_the_junta_is_the_state_and_it_after_it_too(engine):
    text = ("Troops out\n\nNiger has ordered France to withdraw its troops. Niger's foreign minister said the order "
            "was final. The junta welcomed the decision. It had earlier banned French aircraft from its airspace.")
    analysis = analyze(engine, text)
    assert doers(analysis, "welcomed") == [["Niger"]]
    assert doers(analysis, "banned") == [["Niger"]]


def test_a_party_a_leader_owns_acts_without_its_leader(engine):
    """ "Yoon's own People Power Party called for ...": the party calls, not its leader."""
    text = ("Crisis in Seoul\n\nPresident Tom Yoon lifted martial law on Wednesday. Yoon's own Unity Power Party "
            "called for the defence minister to be sacked.")
    assert doers(analyze(engine, text), "called") == [["Unity Power Party"]]


def test_the_party_after_its_leader_spoke_of_himself_is_his_titles_party(engine):
    """ "UKIP leader Roger Knapman said he was not surprised. The party had refused ...": his party."""
    text = ("Lane quits\n\nTom Lane has resigned from the Unity Party. Unity Party leader Roger Holt said he was not "
            "surprised. The party had refused to back Mr Lane's bid for the leadership last month.")
    assert doers(analyze(engine, text), "refused") == [["Unity Party"]]


def test_whose_casualty_a_person_is_did_not_act_with_him(engine):
    """ "resigned, the latest casualty of the ruling Communist Party's anti-graft drive": the party is not a doer."""
    text = ("Vietnam's president resigns amid anti-graft campaign\n\nHANOI - Vietnam's President Vo Van Thuong resigned "
            "on Wednesday after just over a year in office, the latest casualty of the ruling Communist Party's "
            "sweeping anti-corruption drive.")
    assert doers(analyze(engine, text), "resigned") == [["Vo Van Thuong"]]
