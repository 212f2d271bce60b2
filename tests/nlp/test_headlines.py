"""Headlinese on hand-made headlines: a present-tense verb the small model tags as a plural noun."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.documents import document_from_text
from reader.nlp.headlines import HeadlineVerbs, is_headline
from reader.nlp.pipeline import load_pipeline

PUBLISHED = dt.date(2024, 3, 20)
BODY = "\n\nThe company said more on Monday."


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def triggers(analysis) -> list[str]:
    return [e.trigger.lower() for e in analysis.events]


def parse_without_repair(text: str):
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["headline_verbs"]):
        return nlp(text)


@pytest.mark.parametrize(
    ("headline", "verb"),
    [
        ("Acme Corp files for bankruptcy", "files"),
        ("Orlan Motors posts first annual loss since 1990", "posts"),
        ("Norway pledges £1bn to flood relief", "pledges"),
    ],
)
def test_a_headline_verb_tagged_as_a_noun_is_read_as_the_verb(engine, headline, verb):
    doc = parse_without_repair(headline + BODY)
    assert doc[[t.text for t in doc].index(verb)].tag_ != "VBZ"  # the model's own reading
    analysis = analyze(engine, headline + BODY)
    (event,) = [e for e in analysis.events if e.trigger.split()[0] == verb]
    assert event.modality == "asserted"
    assert event.summary.split(":")[0].strip()  # the row names its doer


def test_the_words_and_offsets_never_change(engine):
    text = "Acme Corp files for bankruptcy" + BODY
    doc = load_pipeline()(text)
    assert doc.text == text
    files = doc[2]
    assert (files.text, files.tag_, files.pos_, files.lemma_) == ("files", "VBZ", "VERB", "file")
    assert files.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in files.children)
    assert [s.text.strip() for s in doc.sents][1] == "The company said more on Monday."


def test_a_title_case_verb_is_kept_out_of_the_name(engine):
    analysis = analyze(engine, "Orlan Motors Posts First Annual Loss" + BODY)
    (posts,) = [e for e in analysis.events if e.trigger.split()[0] == "Posts"]
    assert posts.summary.startswith("Orlan Motors:")


def test_a_noun_the_tagger_is_sure_of_stays_a_noun(engine):
    # "arms" could be the verb "arm", but the tagger scores that reading far below the noun
    doc = load_pipeline()("Ruritania China arms ban 'to be eased'" + BODY)
    arms = next(t for t in doc if t.text == "arms")
    assert arms.tag_ == "NNS"


def test_a_sentence_is_not_a_headline():
    nlp = load_pipeline()
    doc = nlp("Acme Corp files are in the archive. Orlan posts grow.")
    assert not any(is_headline(s) for s in doc.sents)
    long_line = "Acme Corp files " + " ".join(["papers"] * 30)
    assert not any(is_headline(s) for s in nlp(long_line).sents)


def test_a_line_with_its_own_finite_verb_is_left_alone():
    nlp = load_pipeline()
    doc = nlp("Acme Corp says it files for bankruptcy" + BODY)
    assert not is_headline(next(iter(doc.sents)))


def test_a_verb_tagged_right_but_parsed_as_part_of_a_noun_phrase_is_read_as_the_verb(engine):
    # the model tags "questions" VBZ yet makes it a compound of "trust", and the line has its own
    # finite verb, so the repair of untagged headline verbs would not look at it
    headline = "Senator Halvorsen questions trust of Ridley"
    questions = parse_without_repair(headline + BODY)[2]
    assert (questions.tag_, questions.dep_) == ("VBZ", "compound")
    (event,) = [e for e in analyze(engine, headline + BODY).events if e.trigger.startswith("questions")]
    assert event.summary.startswith("Halvorsen: questions")


def test_only_verbs_the_lexicons_know_are_tried():
    nlp = load_pipeline()
    component = HeadlineVerbs(nlp, "test", verbs=lambda lemma: False)
    doc = parse_without_repair("Acme Corp files for bankruptcy" + BODY)
    assert component.candidate(next(iter(doc.sents))) is None


def test_a_headline_infinitive_announces_a_plan(engine):
    analysis = analyze(engine, "Ruritania to sign trade pact with Vestia" + BODY)
    (sign,) = [e for e in analysis.events if e.trigger.split()[0] == "sign"]
    assert sign.modality == "hypothetical"


def test_verbal_attack_on_a_policy_is_criticism_not_force(engine):
    analysis = analyze(engine, "Senator Joan Avery attacked the cost of the asylum scheme on Monday.")
    (attack,) = [e for e in analysis.events if e.trigger == "attacked"]
    assert attack.category.startswith("11")


@pytest.mark.parametrize(
    ("headline", "verb", "doers"),
    [
        ("Norland, Vestland sign trade pact", "sign", 2),  # the headline's comma is an "and"
        ("Talks between Norland and Vestland collapse", "collapse", 2),
    ],
)
def test_a_plural_subjects_verb_in_its_base_form_is_read_as_the_verb(engine, headline, verb, doers):
    doc = parse_without_repair(headline + BODY)
    assert doc[[t.text for t in doc].index(verb)].tag_ not in ("VBP", "VBZ")  # the model's own reading
    (event,) = [e for e in analyze(engine, headline + BODY).events if e.trigger.split()[0] == verb]
    assert len(event.agents) == doers
    assert event.modality == "asserted"


@pytest.mark.parametrize(
    ("headline", "verb", "noun"),
    [
        ("Ridley details Vestland flood toll", "details", "toll"),  # the model gave the verb no subject
        ("Halvorsen rejects asylum criticisms", "rejects", "criticisms"),  # a second "verb" after the first
    ],
)
def test_a_headline_verb_whose_object_was_read_as_a_clause_is_parsed_again(headline, verb, noun):
    before = parse_without_repair(headline + BODY)
    assert before[[t.text for t in before].index(noun)].tag_ == "VBZ" or not any(
        c.dep_ == "nsubj" for c in before[[t.text for t in before].index(verb)].children)
    doc = load_pipeline()(headline + BODY)
    verb_tok = doc[[t.text for t in doc].index(verb)]
    assert any(c.dep_ == "nsubj" for c in verb_tok.children)
    assert doc[[t.text for t in doc].index(noun)].dep_ == "dobj"


def test_two_clauses_of_a_headline_are_left_as_the_model_reads_them():
    # "Acme cuts jobs, shares fall": the comma starts a second clause; nothing is parsed again
    text = "Acme cuts jobs, shares fall" + BODY
    before = [(t.tag_, t.dep_, t.head.i) for t in parse_without_repair(text)]
    assert [(t.tag_, t.dep_, t.head.i) for t in load_pipeline()(text)] == before


@pytest.mark.parametrize(
    ("headline", "verb", "subjects"),
    [
        ("Norland, Vestland agree ceasefire", "agree", {"Norland", "Vestland"}),  # model: "agree ceasefire", a noun
        ("Halvorsen, Ridley agree to share intelligence", "agree", {"Halvorsen", "Ridley"}),  # model: Ridley alone
        ("Vestland Greens unveil election slogan", "unveil", {"Greens"}),  # model: a compound
    ],
)
def test_names_before_a_plural_verb_in_a_headline_are_its_subjects(headline, verb, subjects):
    before = parse_without_repair(headline + BODY)
    verb_before = before[[t.text for t in before].index(verb)]
    subjects_before = {c.text for c in verb_before.children if c.dep_ == "nsubj"}
    assert subjects_before != subjects or verb_before.dep_ != "ROOT"
    doc = load_pipeline()(headline + BODY)
    verb_tok = doc[[t.text for t in doc].index(verb)]
    subject = next(c for c in verb_tok.children if c.dep_ == "nsubj")
    assert verb_tok.dep_ == "ROOT" and {subject.text, *(c.text for c in subject.conjuncts)} == subjects


def test_a_plural_verb_ending_in_s_keeps_its_plural_tag():
    # "discuss" ends in -s but is the base form: tagged VBP, the comma read as "and", both names its subjects
    doc = load_pipeline()("Norland, Vestland discuss trade pact" + BODY)
    discuss = doc[3]
    assert discuss.tag_ == "VBP"
    subject = next(c for c in discuss.children if c.dep_ == "nsubj")
    assert {subject.text, *(c.text for c in subject.conjuncts)} == {"Norland", "Vestland"}


@pytest.mark.parametrize(
    ("headline", "verb", "subject"),
    [("Party leader Erik Dahl arrested", "arrested", "Dahl"),
     ("Norland minister sacked over leak", "sacked", "minister"),
     ("Acme fraud clampdown urged", "urged", "clampdown")],
)
def test_a_headlines_bare_past_form_is_a_passive(headline, verb, subject):
    """ "BNP leader Nick Griffin arrested": the "was" a headline leaves out; its subject was acted on."""
    doc = load_pipeline()(headline + BODY)
    past = next(t for t in doc if t.text == verb)
    assert past.tag_ == "VBN"
    assert [c.text for c in past.children if c.dep_ == "nsubjpass"] == [subject]
    model = parse_without_repair(headline + BODY)
    assert [c.text for c in model[past.i].children if c.dep_ == "nsubj"] == [subject]  # the model's reading


def test_the_one_arrested_in_a_headline_is_no_doer(engine):
    (event,) = [e for e in analyze(engine, "Party leader Erik Dahl arrested" + BODY).events if e.trigger == "arrested"]
    assert event.agents == [] and len(event.targets) == 1
    assert event.summary == "Dahl: arrested"  # by the name he goes by, as when he acts


@pytest.mark.parametrize("headline", ["Election deal faltered over Heath role", "Shares slumped after the results"])
def test_a_past_form_told_of_its_subjects_own_act_stays_active(headline):
    doc = load_pipeline()(headline + BODY)
    root = doc[: len(headline.split())].root
    assert root.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in root.children)


def test_a_past_form_with_an_object_is_an_active_headline():
    doc = load_pipeline()("Norland rebels seized the capital" + BODY)
    seized = next(t for t in doc if t.text == "seized")
    assert [c.text for c in seized.children if c.dep_ == "nsubj"] == ["rebels"]


def test_a_headline_passive_and_its_lead_are_one_act(engine):
    """ "Civic Party candidate suspended" names who was acted on; its lead says who did it: one row."""
    text = ("Civic Party candidate suspended\n\nThe Civic Party has suspended a candidate for comments about "
            "judges, a spokesman said on Monday.")
    rows = [e for e in analyze(engine, text).events if e.trigger == "suspended"]
    assert len(rows) == 1 and [s.text for s in rows[0].sources] == ["Civic Party candidate suspended"]
    assert rows[0].summary.startswith("Civic Party: has suspended a candidate")


@pytest.mark.parametrize("lead", [
    "Peru's president, Dina Boluarte, withdrew a finance bill on Monday after deadly protests.",
    "Dina Boluarte, Peru's president, withdrew a finance bill on Monday after deadly protests.",
])
def test_a_headline_country_and_its_leader_in_the_lead_are_one_act(engine, lead):
    """ "Peru withdraws finance bill": the lead says which of its leaders did it: one row, the lead's."""
    rows = [e for e in analyze(engine, "Peru withdraws finance bill\n\n" + lead).events if e.category == "08"]
    assert len(rows) == 1 and rows[0].trigger == "withdrew"
    assert [s.text for s in rows[0].sources] == ["Peru withdraws finance bill"]


def test_a_headline_told_the_other_way_round_in_the_lead_is_one_act(engine):
    """ "Bundestag defeats government" / "The government suffered a defeat in the Bundestag": one vote, the lead's row."""
    text = "Bundestag defeats government over pensions\n\nGermany's government suffered a fresh defeat in the Bundestag on Monday."
    rows = [e for e in analyze(engine, text).events if e.category == "VOTE"]
    assert len(rows) == 1 and rows[0].trigger.startswith("suffered")
    assert [s.text for s in rows[0].sources] == ["Bundestag defeats government over pensions"]


def test_a_bill_passed_in_the_headline_is_the_vote_in_the_lead(engine):
    text = "Senate passes budget bill\n\nNorland's Senate voted 66 to 34 on Friday to approve the budget bill."
    rows = [e for e in analyze(engine, text).events if e.category in ("VOTE", "LAW")]
    assert len(rows) == 1 and rows[0].trigger == "voted" and [s.text for s in rows[0].sources] == ["Senate passes budget bill"]


def test_a_strike_and_the_strike_back_are_two_acts(engine):
    text = "Israel strikes Iran\n\nIran struck Israel with missiles on Tuesday."
    assert len([e for e in analyze(engine, text).events if e.category == "19"]) == 2


def test_a_headline_country_and_another_countrys_leader_are_two_acts(engine):
    text = "Peru withdraws finance bill\n\nChile's president, Gabriel Boric, withdrew a finance bill on Monday."
    assert len([e for e in analyze(engine, text).events if e.category == "08"]) == 2


@pytest.mark.parametrize(("headline", "verb", "role"),
                         [("Dahl declared winner as rivals cry fraud", "declared", "winner"),
                          ("Erik Dahl named Acme chief", "named", "chief")])
def test_a_bare_past_form_with_the_role_it_gives_is_a_passive(headline, verb, role):
    """ "Maduro declared winner": the role a passive gives, with no article, is no object of an active verb."""
    doc = load_pipeline()(headline + BODY)
    past = next(t for t in doc if t.text == verb)
    assert past.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in past.children)
    assert [c.text for c in past.children if c.dep_ == "oprd"] == [role]


def test_a_past_form_with_an_object_that_has_an_article_stays_active():
    doc = load_pipeline()("Norland rebels named the general" + BODY)
    named = next(t for t in doc if t.text == "named")
    assert any(c.dep_ == "nsubj" for c in named.children)


def test_a_role_given_in_a_headline_and_its_lead_are_one_act(engine):
    text = ("Erik Dahl declared winner\n\nNorland's election board declared Erik Dahl the winner of Sunday's "
            "presidential election on Monday.")
    rows = [e for e in analyze(engine, text).events if e.trigger == "declared"]
    assert len(rows) == 1 and [s.text for s in rows[0].sources] == ["Erik Dahl declared winner"]
    assert rows[0].category == "VOTE"


@pytest.mark.parametrize(("headline", "verb"), [("Norland's Dahl sacks general as troops retreat", "sacks"),
                                                ("Vestland's Berg withdraws bill as protests spread", "withdraws")])
def test_a_headline_verb_read_as_a_noun_beside_a_subordinate_clause_is_read_as_the_verb(headline, verb):
    """ "Kenya's Ruto withdraws bill as protests spread": the only finite verb the tagger saw was the
    clause after "as", so the headline was never tried again."""
    doc = load_pipeline()(headline + BODY)
    tok = next(t for t in doc if t.text == verb)
    assert tok.tag_ == "VBZ" and any(c.dep_ == "nsubj" for c in tok.children)


def test_a_headline_verb_the_model_ran_into_a_name_ends_the_name(engine):
    """ "Lane rejects Welsh assembly powers call": the model tags "Lane rejects Welsh assembly" as one body."""
    text = ("Lane rejects Welsh assembly powers call\n\nWelsh Secretary Tom Lane has dismissed calls for the "
            "assembly to make its own laws.")
    analysis = analyze(engine, text)
    assert not [a for a in analysis.actors if "rejects" in a.name]
    assert [a.name for a in analysis.actors if a.type == "PERSON"] == ["Tom Lane"]


def test_a_headline_noun_with_a_passive_participle_is_acted_on_not_its_owner_acting(engine):
    """ "Peru's new president sworn in": not Peru swearing anyone in."""
    text = "Peru's new president sworn in as Chile holds drills\n\nMr Tom Lane was sworn in as Peru's president on Monday."
    rows = [e for e in analyze(engine, text).events if e.category == "OFFICE"]
    assert all(not e.agents for e in rows) and len(rows) == 1


def test_a_headline_naming_whom_the_leads_act_before_or_after_names_joins_the_lead(engine):
    """ "Candidate resigns over BNP link" / "... has resigned after admitting a link to the BNP": one act, though the
    BNP is named in the admitting, a row of its own."""
    text = ("Candidate resigns over Vestia Front link\n\nA candidate for the Norland Party has resigned after admitting a "
            "brief attachment to the Vestia Front.")
    analysis = engine.analyze(document_from_text(text, published=dt.date(2005, 3, 1)))
    (resigned,) = [e for e in analysis.events if e.trigger == "resigned"]
    assert len(resigned.sources) == 1 and not any(e.trigger == "resigns" for e in analysis.events)
