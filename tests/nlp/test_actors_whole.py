"""Names whole and typed by the whole document, on sentences of our own (issue: actors that hold)."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text

PUBLISHED = dt.date(2024, 7, 1)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def owner(analysis, form: str):
    """The one actor whose mentions include `form` exactly (fails if none or several)."""
    found = [a for a in analysis.actors if any(m.text == form for m in a.mentions)]
    assert len(found) == 1, (form, [(a.name, a.type, [m.text for m in a.mentions]) for a in analysis.actors])
    return found[0]


def test_honorific_and_surname_join_the_full_name(engine):
    a = analyze(engine, "Tony Blair spoke first. Later Mr Blair met reporters in London.")
    assert owner(a, "Tony Blair") is owner(a, "Blair") or owner(a, "Tony Blair").id == owner(a, "Blair").id


def test_a_peer_keeps_the_title_that_is_his_name(engine):
    a = analyze(engine, "Lord Strathclyde, Tory leader in the Lords, warned ministers.")
    assert owner(a, "Lord Strathclyde").type == "PERSON"


@pytest.mark.parametrize(
    ("text", "long_form", "acronym"),
    [
        ("The Palestinian Authority said it was ready. Israel shared information with the PA on Monday.",
         "Palestinian Authority", "PA"),
        ("Fighters of the Central African Republic crossed the border. The CAR government protested.",
         "Central African Republic", "CAR"),
        ("The Council of Asia’s Committee against Torture and Abuse (CATA) published a report. The CATA warned Laos.",
         "Committee against Torture and Abuse", "CATA"),
        ("The Philippine Department of Foreign Affairs said the talks failed. The DFA said China lied.",
         "Philippine Department of Foreign Affairs", "DFA"),
    ],
)
def test_an_acronym_is_its_long_form(engine, text, long_form, acronym):
    a = analyze(engine, text)
    assert owner(a, acronym).id == owner(a, long_form).id


def test_ministry_of_x_is_the_x_ministry(engine):
    a = analyze(engine, "The Russian Defence Ministry denied the report. Later the Russian Ministry of Defence issued a statement.")
    assert owner(a, "Russian Defence Ministry").id == owner(a, "Russian Ministry of Defence").id


def test_the_short_name_of_a_house_is_the_house(engine):
    a = analyze(engine, "The House of Lords debated the bill. Labour peers in the Lords opposed it.")
    assert owner(a, "House of Lords").id == owner(a, "Lords").id


def test_a_misspelt_surname_joins_the_one_full_name_it_nearly_matches(engine):
    a = analyze(engine, "The new book by Robert Preston caused a row. Mr Peston said he stood by it.")
    assert owner(a, "Peston").id == owner(a, "Robert Preston").id


def test_a_given_name_is_not_a_misspelt_surname_made_of_it(engine):
    a = analyze(engine, "Peter Roberts chaired the inquiry. Robert said the findings were clear.")
    assert owner(a, "Robert").id != owner(a, "Peter Roberts").id


@pytest.mark.parametrize(
    ("text", "royal", "bare", "other"),
    [
        ("King Harald and Harald Berg met in Oslo. Later Harald said the talks had gone well.",
         "King Harald", "Harald", "Harald Berg"),
        ("Queen Ingrid opened the session. Ingrid Lund, the finance minister, spoke next. Ingrid praised the staff.",
         "Queen Ingrid", "Ingrid", "Ingrid Lund"),
    ],
)
def test_a_royal_is_named_by_title_and_given_name(engine, text, royal, bare, other):
    # a bare given name is the royal's: outside a royal house people are referred to by surname
    a = analyze(engine, text)
    assert owner(a, bare).id == owner(a, royal).id != owner(a, other).id
    assert owner(a, royal).name == royal


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 1946 Winston Churchill warned of a new divide in Europe. As Churchill said, the system is imperfect. "
         "Later Winston Churchill decided the cards had to go.", "Winston Churchill"),
        ("Tony Blair and Camilla Parker Bowles are awaiting the reaction. Later Mrs Parker Bowles said she was "
         "hopeful. The bishop said he was pleased that Mrs Camilla Parker Bowles had decided to marry.",
         "Camilla Parker Bowles"),
    ],
)
def test_a_full_name_tagged_once_as_an_organisation_is_the_person(engine, text, name):
    a = analyze(engine, text)
    assert [x.type for x in a.actors if x.name == name] == ["PERSON"]


@pytest.mark.parametrize("group", ["G7", "G8", "G20", "BRICS", "ECOWAS", "OPEC+"])
def test_groupings_are_organisations(engine, group):
    a = analyze(engine, f"Leaders of the {group} met in Rome to discuss trade.")
    assert owner(a, group).type == "ORG"


def test_a_bill_is_a_law_not_an_organisation(engine):
    a = analyze(engine, "MPs voted for the Prevention of Terrorism Bill on Monday.")
    assert all(a_.type != "ORG" for a_ in a.actors if "Bill" in a_.name)


def test_a_place_after_a_town_and_a_comma_is_a_place(engine):
    a = analyze(engine, "Tony Blair gave the speech in Chatham, Kent, on Thursday.")
    assert owner(a, "Kent").type in ("GPE", "LOC")


def test_a_name_ending_in_a_landform_noun_is_a_place(engine):
    a = analyze(engine, "The reef is known as Ayungin Shoal in the Philippines.")
    assert owner(a, "Ayungin Shoal").type in ("LOC", "FAC", "GPE")


def test_a_nickname_in_quotes_stays_inside_the_name(engine):
    a = analyze(engine, "President Ferdinand “Bongbong” Marcos Jr warned China. Later President Marcos met Joe Biden.")
    names = {a_.name for a_ in a.actors if a_.type == "PERSON"}
    marcos = [a_ for a_ in a.actors if "Marcos" in a_.name]
    assert len(marcos) == 1, names


def test_time_zones_contractions_and_lower_case_words_are_no_actors(engine):
    a = analyze(engine, "The programme airs at 1130 GMT. Beijing won’t say. The jihadist fighters fled.")
    texts = {m.text for a_ in a.actors for m in a_.mentions}
    assert not texts & {"GMT", "won’t", "n’t", "jihadist"}


def test_one_name_one_actor_whatever_the_model_calls_each_mention(engine):
    a = analyze(engine, "Supplies reached the BRP Sierra Madre on Monday. The Sierra Madre was grounded in 1999.")
    assert len({owner(a, "Sierra Madre").id}) == 1


def test_capital_that_acts_is_its_government_and_a_capital_as_place_is_a_city(engine):
    a = analyze(engine, "Moscow insisted on its demands. The talks were held in Riyadh, and the delegates later flew to Moscow.")
    mentions = {m.text: act for act in a.actors for m in act.mentions}
    acting = [act for act in a.actors if act.type == "GPE" and act.name == "Russia"]
    assert acting, [(x.name, x.type, [m.text for m in x.mentions]) for x in a.actors]
    city = [act for act in a.actors if act.name == "Riyadh"]
    assert city and city[0].type == "GPE"
    assert mentions.get("Riyadh") is not None


def test_common_words_that_are_capital_names_stay_words(engine):
    a = analyze(engine, "Victoria Nuland and Hamilton Jordan met in the hall.")
    assert all(act.type == "PERSON" for act in a.actors if act.name.startswith(("Victoria", "Hamilton")))


def test_brackets_after_an_acronym_spell_it_out(engine):
    a = analyze(engine, "Rebels of the FLA (Front de Libération de l'Azawad) attacked. The FLA said it won.")
    long_form = "Front de Libération de l'Azawad"
    assert owner(a, "FLA").id == owner(a, long_form).id


def test_the_feature_known_as_names_the_place_before(engine):
    text = ("Ships gathered near Scarborough Shoal and the Paracel Islands. Talks failed over the reef, "
            "known as Panatag Shoal in the Philippines and Huangyan Dao in China.")
    a = analyze(engine, text)
    shoal = owner(a, "Scarborough Shoal")
    assert owner(a, "Panatag Shoal").id == shoal.id
    assert owner(a, "Huangyan Dao").id == shoal.id


def test_a_name_tagged_once_is_the_actor_wherever_it_recurs(engine):
    a = analyze(engine, "The Royal Navy sent a ship. Officers of the Royal Navy later denied it, and the Royal Navy apologised.")
    navy = owner(a, "Royal Navy") if any(m.text == "Royal Navy" for x in a.actors for m in x.mentions) else None
    assert navy is not None and len([m for m in navy.mentions if m.text == "Royal Navy"]) == 3


def test_a_lone_word_called_a_person_once_and_a_group_elsewhere_is_one_actor(engine):
    a = analyze(engine, "Tuareg rebels attacked the convoy. A Tuareg spokesman said the Tuareg fighters withdrew.")
    tuareg = [x for x in a.actors if x.name == "Tuareg"]
    assert len(tuareg) <= 1


def test_a_name_in_apposition_to_a_party_is_the_party(engine):
    a = analyze(engine, "Ms Rossi's party, the Fratelli di Roma, and its allies pledged support to families.")
    assert owner(a, "Fratelli di Roma").type == "ORG"


def test_a_body_of_a_broadcaster_is_not_the_broadcaster(engine):
    a = analyze(engine, "The RAI journalists protested. The Union of Journalists of RAI called a strike against RAI.")
    assert owner(a, "Union of Journalists of RAI").id != next(x.id for x in a.actors if x.name == "RAI")


def test_two_names_joined_by_and_are_two_bodies(engine):
    a = analyze(engine, "Income from the Duchy of Lancaster and Duchy of Cornwall rose last year.")
    assert owner(a, "Duchy of Lancaster").id != owner(a, "Duchy of Cornwall").id


@pytest.mark.parametrize(
    "name", ["Ursula von der Leyen", "Osama bin Laden", "Luiz Inácio Lula da Silva", "Charles de Gaulle",
             "Abu Mohammed al-Julani"],
)
def test_particles_stay_inside_a_name(engine, name):
    a = analyze(engine, f"{name} met the press on Monday.")
    assert owner(a, name).type == "PERSON"


def test_a_dateline_is_not_part_of_the_person_after_it(engine):
    a = analyze(engine, "NAIROBI, Kenya (AP) — Raila Odinga said on Monday that talks had failed.")
    assert owner(a, "Raila Odinga").type == "PERSON"


def test_a_name_right_after_a_body_noun_is_that_body(engine):
    text = ("A senior MP criticised the farming department Agrifo over delays. "
            "An Agrifo spokesman said the work was under way.")
    a = analyze(engine, text)
    assert owner(a, "Agrifo").type == "ORG"
    assert len([x for x in a.actors if x.name == "Agrifo"]) == 1
    assert owner(analyze(engine, "The group's founder John Smith spoke in Leeds."), "John Smith").type == "PERSON"


def test_an_ennobled_person_is_the_same_person(engine):
    a = analyze(engine, "Joan Halley has called for reform. Lady Halley said peers should lead the way.")
    assert owner(a, "Joan Halley").id == owner(a, "Lady Halley").id
    b = analyze(engine, "Lord Strathclyde spoke first. Later Lord Strathclyde met reporters.")
    assert owner(b, "Lord Strathclyde").name == "Lord Strathclyde"


def test_a_person_with_a_landform_surname_stays_a_person(engine):
    a = analyze(engine, "He pleaded for the life of a British lecturer, Dennis Hills, who was under a death sentence.")
    assert owner(a, "Dennis Hills").type == "PERSON"
    assert owner(analyze(engine, "Israel annexed the Golan Heights in 1981."), "the Golan Heights").type != "PERSON"


def test_a_capitalised_noun_the_text_also_writes_in_lower_case_is_no_actor(engine):
    text = ("Forty Britons died in the Cyclone which struck the coast on Sunday. "
            "Aid is going to the villages hit by the cyclone, the Foreign Office said.")
    a = analyze(engine, text)
    assert not [x for x in a.actors if "cyclone" in x.name.lower()], [(x.name, x.type) for x in a.actors]


def test_a_surname_that_is_also_a_noun_stays_a_person(engine):
    text = "Gordon Brown met the unions on Monday. Mr Brown said the brown envelope was empty, and the rice was cold."
    a = analyze(engine, text)
    assert owner(a, "Gordon Brown").type == "PERSON" and owner(a, "Brown").id == owner(a, "Gordon Brown").id


def test_a_ships_name_is_no_actor(engine):
    text = ("Two ships, the supply ship Perseverance and the frigate HMS Lowestoft, reached the port on Friday. "
            "A third vessel, the Marigold, is also being sent, the Defence Ministry said.")
    a = analyze(engine, text)
    names = {x.name for x in a.actors}
    assert not names & {"Perseverance", "HMS Lowestoft", "Lowestoft", "Marigold"}, names


def test_a_place_named_after_a_country_is_a_place_of_its_own(engine):
    a = analyze(engine, "Patrol boats clashed in the South China Sea on Monday. The envoys met in Port Sudan.")
    assert owner(a, "South China Sea").name == "South China Sea"
    assert owner(a, "Port Sudan").name == "Port Sudan"
    assert not [x for x in a.actors if x.name in ("China", "Sudan")], [x.name for x in a.actors]


def test_a_military_title_before_a_known_person_is_no_organisation(engine):
    text = ("The files held the security arrangements for Gen Pervez Musharraf's visit this week. "
            "Gen Musharraf met the prime minister on Monday.")
    a = analyze(engine, text)
    person = owner(a, "Pervez Musharraf")
    assert person.type == "PERSON" and owner(a, "Musharraf").id == person.id
    assert not [x for x in a.actors if x.name.startswith("Gen ")]


def test_a_company_named_after_a_title_stays_a_company(engine):
    a = analyze(engine, "General Electric Company said profits rose in March.")
    assert owner(a, "General Electric Company").type == "ORG"


def test_mr_and_a_first_name_of_someone_called_by_his_surname_is_another_person(engine):
    text = ("Sacked MP Howard Pike says he will stand again. Mr Pike met his lawyers on Monday. "
            "At a news conference, Mr Howard insisted he had played by the party's rules.")
    a = analyze(engine, text)
    assert owner(a, "Pike").id == owner(a, "Howard Pike").id
    assert owner(a, "Howard").id != owner(a, "Howard Pike").id


def test_mr_and_a_family_name_written_first_is_that_person(engine):
    a = analyze(engine, "President Xi Jinping visited Paris on Monday. Mr Xi met the French president.")
    assert owner(a, "Xi").id == owner(a, "Xi Jinping").id


def test_a_bracket_glued_to_a_name_stays_out_of_it(engine):
    a = analyze(engine, "A candidate left the Northern Unity Party(NUP) on Monday. The NUP said nothing.")
    names = [m.text for x in a.actors for m in x.mentions]
    assert "Northern Unity Party" in names and not [n for n in names if "(" in n or ")" in n], names


def test_glued_brackets_split_on_a_blank_pipeline():
    import spacy

    from reader.nlp.brackets import split_glued_brackets

    nlp = spacy.blank("en")
    split_glued_brackets(nlp)
    assert [t.text for t in nlp("the Party(BNP) and f(x) and (alone)")] == [
        "the", "Party", "(", "BNP", ")", "and", "f", "(", "x", ")", "and", "(", "alone", ")"]


def test_a_title_held_of_a_place_acts_as_its_holder(engine):
    a = analyze(engine, "The Prince of Wales met farmers in Devon on Monday.")
    holder = owner(a, "Prince of Wales")
    assert holder.type == "PERSON"
    assert [e.summary.split(":")[0] for e in a.events] == ["Prince of Wales"]


@pytest.mark.parametrize(
    "text",
    ["The minister told BBC One's Breakfast with Frost that the plan would go ahead.",
     "Speaking on the BBC's Sunday Live, the minister said the plan would go ahead."],
)
def test_a_broadcasters_programme_is_no_actor(engine, text):
    a = analyze(engine, text)
    assert [x.name for x in a.actors] in (["BBC One"], ["BBC"])


def test_a_broadcasters_person_stays_a_person(engine):
    a = analyze(engine, "Labour's Gordon Brown said the BBC's Greg Dyke had resigned.")
    assert owner(a, "Greg Dyke").type == "PERSON"


def test_letters_after_a_name_are_no_part_of_it(engine):
    a = analyze(engine, "The chairman of the Bar Council, Guy Mansfield QC has warned there was a real risk. "
                        "Mr Mansfield said more. Judge Richard Pell, QC told the hearing the votes were forged.")
    assert owner(a, "Guy Mansfield").id == owner(a, "Mansfield").id
    assert owner(a, "Guy Mansfield").type == "PERSON"
    assert not any(m.text == "QC" for x in a.actors for m in x.mentions)


def test_a_town_before_airport_is_no_person(engine):
    a = analyze(engine, "Last year 185,000 people were tested at Heathrow and Gatwick airports.")
    assert owner(a, "Gatwick").type == "FAC"


def test_portfolios_before_a_title_are_no_bodies(engine):
    a = analyze(engine, "Her call was backed by Culture, Media and Sport Secretary Tessa Jowell.")
    assert [(x.name, x.type) for x in a.actors] == [("Tessa Jowell", "PERSON")]


@pytest.mark.parametrize(("text", "person"), [
    ("Lib Dem Norman Baker said the figures were wrong.", "Norman Baker"),
    ("Tory Michael Ancram said the plan was flawed.", "Michael Ancram"),
])
def test_a_party_run_into_a_name_is_the_party_beside_the_person(engine, text, person):
    a = analyze(engine, text)
    assert owner(a, person).type == "PERSON"
    assert any(x.type == "ORG" for x in a.actors)


def test_a_broadcasters_channels_are_the_broadcaster(engine):
    a = analyze(engine, "Mr Blair told BBC Radio 4's Today programme he was sad. BBC News political editor "
                        "Andrew Marr said the bill was in trouble. The UN Security Council and the UN met.")
    assert owner(a, "BBC Radio 4").id == owner(a, "BBC News").id
    assert owner(a, "UN Security Council").id != owner(a, "UN").id


@pytest.mark.parametrize("title", ["MSP", "MLA", "MEP", "MP"])
def test_a_members_title_before_a_name_is_not_part_of_it(engine, title):
    a = analyze(engine, f"{title} Karen Whitfield wants the shops shut. Ms Whitfield said voters agreed.")
    assert owner(a, "Karen Whitfield").name == "Karen Whitfield"


@pytest.mark.parametrize(
    "text",
    [
        "Jack Law, chief executive of the charity Drink Aware, said the remark was ill-advised.",
        "Jack Law said the remark was ill-advised. Mr Law added that it had done damage.",
        "Jack Law said the remark was ill-advised.",
    ],
)
def test_a_person_whose_surname_is_law_stays_a_person(engine, text):
    assert owner(analyze(engine, text), "Jack Law").type == "PERSON"


def test_a_ministry_word_before_secretary_is_part_of_the_title(engine):
    text = ("Tariff talks\n\nThe US commerce secretary expects an announcement. Commerce Secretary Howard Lutz "
            "spoke to reporters on Monday.")
    lutz = owner(analyze(engine, text), "Howard Lutz")
    assert lutz.roles == ["Commerce Secretary"]


def test_an_abbreviation_with_or_without_dots_is_one_name(engine):
    a = analyze(engine, "The U.S. State Department said the talks would resume. The US State Department added that "
                        "it was hopeful.")
    assert owner(a, "U.S. State Department") is owner(a, "US State Department")


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [("Cabinet row\n\nThe army chief, General Waqar-uz-Salam, announced her resignation on Monday.",
      "Waqar-uz-Salam", "Waqar-uz-Salam"),
     ("Cabinet row\n\nField Marshal Khalid Haftari visited Moscow on Tuesday.", "Khalid Haftari", "Haftari")],
)
def test_a_name_after_a_military_rank_is_a_person(engine, text, name, short):
    """The model left "General Waker-uz-Zaman" untagged: the act had no doer."""
    a = analyze(engine, text)
    assert [x.name for x in a.actors if x.type == "PERSON"] == [name]
    assert a.events[0].summary.startswith(short + ":")


def test_a_surname_with_its_particle_is_whole_and_joins_the_full_name(engine):
    """ "Marine Le Pen ... Ms Le Pen said": one person, "Le Pen" in the rows, not "Pen"."""
    text = ("Cabinet row\n\nColette Le Brun said on Monday that her party would vote against the budget. "
            "Ms Le Brun said the French would be poorer.")
    a = analyze(engine, text)
    person = owner(a, "Le Brun")
    assert person.name == "Colette Le Brun" and owner(a, "Colette Le Brun") is person
    assert {e.summary.split(":")[0] for e in a.events} == {"Le Brun"}


def test_a_rank_word_starting_a_company_name_makes_no_person(engine):
    a = analyze(engine, "Cabinet row\n\nGeneral Dynamics said sales rose. Analysts said General Assembly votes mattered.")
    assert not [x.name for x in a.actors if x.type == "PERSON"]


def test_organisations_of_the_2020s_the_field_dictionary_lacks_are_bodies(engine):
    """ "Hayat Tahrir al-Sham entered Damascus" was typed a person ("al-Sham: entered")."""
    a = analyze(engine, "Cabinet row\n\nHayat Tahrir al-Sham entered Damascus early on Sunday. Georgian Dream won the vote.")
    assert {x.name: x.type for x in a.actors}["Hayat Tahrir al-Sham"] == "ORG"


def test_a_surname_the_model_typed_as_a_place_is_the_person_of_that_surname():
    """ "Argentina's Milei wins ..." over a lead naming the president in full: one person, not a place."""
    from spacy.tokens import Span

    from reader.nlp.actors import extract_actors
    from reader.nlp.pipeline import load_pipeline

    doc = load_pipeline()("Norway's Peleg wins backing\n\nPresident Tomas Peleg, who took office in May, cut spending.")
    peleg = next(t.i for t in doc if t.text == "Peleg")
    doc.ents = [e for e in doc.ents if not (e.start <= peleg < e.end)] + [Span(doc, peleg, peleg + 1, label="GPE")]
    people = [a for a in extract_actors(doc) if a.type == "PERSON"]
    assert [(a.name, [m.text for m in a.mentions]) for a in people] == [("Tomas Peleg", ["Peleg", "Tomas Peleg"])]
    assert not [a for a in extract_actors(doc) if a.name == "Peleg"]


def test_the_partys_adjective_is_the_party(engine):
    a = analyze(engine, "The Tories launched a poster. Mr Tom Lane warned that a Conservative government would cut taxes.")
    assert owner(a, "Conservative").id == owner(a, "Tories").id and owner(a, "Tories").type == "ORG"


def test_an_alias_the_model_typed_as_a_place_is_the_person_each_time():
    """ "Tomas Peleg, known as Tiko, ... sanctions on Tiko": the alias is the person's, not a place."""
    from spacy.tokens import Span

    from reader.nlp.actors import extract_actors
    from reader.nlp.pipeline import load_pipeline

    doc = load_pipeline()("The militia is led by Tomas Peleg, known as Tiko. Norway imposed sanctions on Tiko in May.")
    tiko = [t.i for t in doc if t.text == "Tiko"]
    doc.ents = [e for e in doc.ents if not any(e.start <= k < e.end for k in tiko)] + [
        Span(doc, k, k + 1, label="GPE") for k in tiko]
    actors = extract_actors(doc)
    assert not [a for a in actors if a.name == "Tiko"]
    (peleg,) = [a for a in actors if a.name == "Tomas Peleg"]
    assert [m.text for m in peleg.mentions] == ["Tomas Peleg", "Tiko", "Tiko"]


def test_the_last_word_of_a_known_organisation_is_that_organisation(engine):
    a = analyze(engine, "The European Commission fined Norland. Norland will challenge the Commission's decision in court.")
    assert owner(a, "Commission").id == owner(a, "European Commission").id


@pytest.mark.parametrize(("text", "who"), [
    ("The European Union froze the funds. Brussels says judicial independence remains inadequate.", "European Union"),
    ("Belgium's prime minister spoke on Monday. Brussels says it will raise taxes.", "Belgium"),
])
def test_brussels_as_a_doer_is_the_eu_when_the_text_names_it(engine, text, who):
    a = analyze(engine, text)
    assert owner(a, "Brussels").name == who


def test_a_known_party_after_a_lower_case_article_is_found(engine):
    """ "The leader of the Conservatives on the Welsh assembly": the model tags no entity; the gazetteer's match
    starts at the lower-case "the", and the name after it is what is capitalised."""
    analysis = analyze(engine, "The leader of the Conservatives on the Welsh assembly has resigned.")
    assert owner(analysis, "the Conservatives").name == "Conservative Party"
