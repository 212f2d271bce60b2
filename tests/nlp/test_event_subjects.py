"""Who does an act, on parses built by hand (spacy.blank): the readings the small model gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from reader.nlp.events.subjects import headline_doer, passive_agent, subject_tokens


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_headline_name_read_as_the_root_does_the_act_hung_on_it():
    # "Harmon to outline goals": the model makes the name the root and the verb its complement
    for dep in ("xcomp", "relcl", "acl", "advcl"):
        doc = parse(["Harmon", "to", "outline", "goals"], [0, 2, 0, 2], ["ROOT", "aux", dep, "dobj"],
                    ["PROPN", "PART", "VERB", "NOUN"])
        doer = headline_doer(doc[2])
        assert doer is not None and doer.i == 0
        assert [t.i for t in subject_tokens(doc[2])] == [0]


def test_a_headline_name_read_as_a_verb_under_the_saying_does_the_act():
    # "Harmon to outline goals, minister says": the tagger makes the name a verb hung on the saying
    doc = parse(["Harmon", "to", "outline", "goals", ",", "minister", "says"], [6, 2, 0, 2, 6, 6, 6],
                ["advcl", "aux", "advcl", "dobj", "punct", "nsubj", "ROOT"],
                ["VERB", "PART", "VERB", "NOUN", "PUNCT", "NOUN", "VERB"])
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert [t.i for t in subject_tokens(doc[2])] == [0]
    doc.ents = []  # no name: the saying's subject, as before
    assert [t.i for t in subject_tokens(doc[2])] == [5]


def test_a_purpose_infinitive_after_a_common_noun_has_no_headline_doer():
    # "efforts to outline goals": no name, and words between the noun and "to" are no headline shape
    doc = parse(["efforts", "to", "outline", "goals"], [0, 2, 0, 2], ["ROOT", "aux", "acl", "dobj"],
                ["NOUN", "PART", "VERB", "NOUN"])
    assert headline_doer(doc[2]) is None
    doc = parse(["Harmon", "said", "to", "outline", "goals"], [0, 0, 3, 0, 3], ["ROOT", "dep", "aux", "xcomp", "dobj"],
                ["PROPN", "VERB", "PART", "VERB", "NOUN"])
    assert headline_doer(doc[3]) is None


def test_a_passive_shares_no_doer_with_the_verb_it_hangs_on():
    # "Police raided the house and were attacked": the police were acted on
    doc = parse(["Police", "raided", "the", "house", "and", "were", "attacked"], [1, 1, 3, 1, 1, 6, 1],
                ["nsubj", "ROOT", "det", "dobj", "cc", "auxpass", "conj"], ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "AUX", "VERB"])
    assert subject_tokens(doc[6]) == []
    doc = parse(["Police", "raided", "the", "house", "and", "arrested", "him"], [1, 1, 3, 1, 1, 1, 5],
                ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "dobj"], ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "PRON"])
    assert [t.i for t in subject_tokens(doc[5])] == [0]



def test_a_raising_passive_joined_to_an_act_shares_its_doer_with_the_complement():
    # "Dahl met Holm and is expected to sign a deal": she is who will sign; "were attacked" is done to her
    words = ["Dahl", "met", "Holm", "and", "is", "expected", "to", "sign", "a", "deal"]
    heads = [1, 1, 1, 1, 5, 1, 7, 5, 9, 7]
    deps = ["nsubj", "ROOT", "dobj", "cc", "auxpass", "conj", "aux", "xcomp", "det", "dobj"]
    pos = ["PROPN", "VERB", "PROPN", "CCONJ", "AUX", "VERB", "PART", "VERB", "DET", "NOUN"]
    lemmas = ["Dahl", "meet", "Holm", "and", "be", "expect", "to", "sign", "a", "deal"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert [t.text for t in subject_tokens(doc[7])] == ["Dahl"]
    attacked = Doc(spacy.blank("en").vocab, words=["Dahl", "met", "Holm", "and", "was", "attacked"],
                   heads=[1, 1, 1, 1, 5, 1], deps=["nsubj", "ROOT", "dobj", "cc", "auxpass", "conj"],
                   pos=["PROPN", "VERB", "PROPN", "CCONJ", "AUX", "VERB"], lemmas=["Dahl", "meet", "Holm", "and", "be", "attack"])
    assert subject_tokens(attacked[5]) == []


def test_a_past_tense_the_parser_hung_on_the_root_name_before_it_is_that_names_act():
    # "Varga named Holm as minister": the small model's reading, the verb an acl of the root name
    words = ["Varga", "named", "Holm", "as", "minister"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 1, 1, 3], deps=["ROOT", "acl", "oprd", "prep", "pobj"],
              pos=["PROPN", "VERB", "PROPN", "ADP", "NOUN"], tags=["NNP", "VBD", "NNP", "IN", "NN"])
    assert [t.text for t in subject_tokens(doc[1])] == ["Varga"]
    # a participle stays a description: "Varga, named minister in May" (VBN) has no doer here
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 1, 1, 3], deps=["ROOT", "acl", "oprd", "prep", "pobj"],
              pos=["PROPN", "VERB", "PROPN", "ADP", "NOUN"], tags=["NNP", "VBN", "NNP", "IN", "NN"])
    assert subject_tokens(doc[1]) == []


def test_whoever_is_allowed_or_asked_to_act_is_the_doer_of_the_act_not_of_the_asking():
    # "Boeing was allowed to bid": Boeing would bid; who allowed it is not said
    words = ["Boeing", "was", "allowed", "to", "bid"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 4, 2], deps=["nsubjpass", "auxpass", "ROOT", "aux", "xcomp"],
              pos=["PROPN", "AUX", "VERB", "PART", "VERB"], lemmas=["Boeing", "be", "allow", "to", "bid"])
    assert [t.i for t in subject_tokens(doc[4])] == [0]
    assert subject_tokens(doc[2]) == []
    # "Boeing was seen to bid" is no control: nobody is named as the bidder
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 4, 2], deps=["nsubjpass", "auxpass", "ROOT", "aux", "xcomp"],
              pos=["PROPN", "AUX", "VERB", "PART", "VERB"], lemmas=["Boeing", "be", "see", "to", "bid"])
    assert subject_tokens(doc[4]) == []



def test_a_second_subject_right_after_the_verb_is_its_object():
    # the small model reads "Halm pardoned leader Kovac" with two subjects; the one right after the verb is its object
    doc = parse(["Halm", "pardoned", "leader", "Kovac"], [1, 1, 3, 1], ["nsubj", "ROOT", "compound", "nsubj"],
                ["PROPN", "VERB", "NOUN", "PROPN"])
    assert [t.text for t in subject_tokens(doc[1])] == ["Halm"]
    # two subjects both before the verb stay: "Brandt and Lind, the ministers, said"
    doc = parse(["Brandt", ",", "Lind", "said"], [3, 0, 3, 3], ["nsubj", "punct", "nsubj", "ROOT"],
                ["PROPN", "PUNCT", "PROPN", "VERB"])
    assert [t.text for t in subject_tokens(doc[3])] == ["Brandt", "Lind"]


def test_an_act_as_the_subject_names_no_doer_but_its_own():
    # "Selling the stake to Russia would hurt Norcom": Russia is where the stake goes, not the doer
    words = ["Selling", "the", "stake", "to", "Russia", "would", "hurt", "Norcom"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 2, 0, 0, 3, 6, 6, 6],
              deps=["csubj", "det", "dobj", "prep", "pobj", "aux", "ROOT", "dobj"],
              pos=["VERB", "DET", "NOUN", "ADP", "PROPN", "AUX", "VERB", "PROPN"],
              tags=["VBG", "DT", "NN", "IN", "NNP", "MD", "VB", "NNP"])
    assert subject_tokens(doc[6]) == []
    # "Norland's selling the stake would hurt Norcom": the act's own doer
    words = ["Norland", "'s", "selling", "the", "stake", "would", "hurt", "Norcom"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 0, 6, 4, 2, 6, 6, 6],
              deps=["poss", "case", "nsubj", "det", "dobj", "aux", "ROOT", "dobj"],
              pos=["PROPN", "PART", "VERB", "DET", "NOUN", "AUX", "VERB", "PROPN"],
              tags=["NNP", "POS", "VBG", "DT", "NN", "MD", "VB", "NNP"])
    assert [t.text for t in subject_tokens(doc[6])] == ["Norland"]
    # "Welcoming the ruling, Maeve Sherlock said": a fronted clause the parser took for the subject
    words = ["Welcoming", "the", "ruling", ",", "Maeve", "Sherlock", ",", "said"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 2, 0, 0, 5, 0, 5, 7],
              deps=["csubj", "det", "dobj", "punct", "compound", "npadvmod", "punct", "ROOT"],
              pos=["VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"],
              tags=["VBG", "DT", "NN", ",", "NNP", "NNP", ",", "VBD"])
    assert [t.text for t in subject_tokens(doc[7])] == ["Welcoming"]


def test_a_name_set_off_at_the_head_of_its_clause_is_its_subject():
    # "Lane, meanwhile, may have approached the border": the parser hangs the name on the verb
    words = ["Lane", ",", "meanwhile", ",", "may", "have", "approached", "the", "border"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 6, 6, 6, 6, 6, 6, 8, 6],
              deps=["npadvmod", "punct", "advmod", "punct", "aux", "aux", "ROOT", "det", "dobj"],
              pos=["PROPN", "PUNCT", "ADV", "PUNCT", "AUX", "AUX", "VERB", "DET", "NOUN"],
              tags=["NNP", ",", "RB", ",", "MD", "VB", "VBN", "DT", "NN"])
    doc.ents = [Span(doc, 0, 1, label="PERSON")]
    assert [t.text for t in subject_tokens(doc[6])] == ["Lane"]
    doc.ents = []  # no name: a word of time or measure, not a doer ("Monday, talks may have begun")
    assert subject_tokens(doc[6]) == []


def test_a_name_hung_on_a_fronted_phrase_just_before_its_verb_is_its_subject():
    # "In response to the comments, Ann Halvorsen, leader of the group, said": the model's reading
    words = ["In", "response", "to", "the", "comments", ",", "Ann", "Halvorsen", ",", "leader", "of", "the", "group",
             ",", "said"]
    heads = [14, 0, 1, 4, 2, 4, 7, 4, 7, 7, 9, 12, 10, 14, 14]
    deps = ["prep", "pobj", "prep", "det", "pobj", "punct", "compound", "appos", "punct", "appos", "prep", "det",
            "pobj", "punct", "ROOT"]
    pos = ["ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN",
           "PUNCT", "VERB"]
    doc = parse(words, heads, deps, pos)
    doc.ents = [Span(doc, 6, 8, label="PERSON")]
    assert [t.text for t in subject_tokens(doc[14])] == ["Halvorsen"]
    doc.ents = []  # no name: "In response to the comments, the group's leader, said" gives no doer
    assert subject_tokens(doc[14]) == []


def parse_tagged(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_modal_complement_whose_subject_the_parser_lost_does_not_lend_the_sayers():
    # "Hale said certain MPs would get a chance to vote": the model hangs "MPs" on the saying and
    # leaves "would get" with no subject; the sayer is not who would vote
    words = ["Hale", "said", "MPs", "would", "get", "a", "chance", "to", "vote"]
    doc = parse_tagged(words, [1, 1, 1, 4, 1, 6, 4, 8, 6],
                       ["nsubj", "ROOT", "dobj", "aux", "ccomp", "det", "dobj", "aux", "acl"],
                       ["PROPN", "VERB", "NOUN", "AUX", "VERB", "DET", "NOUN", "PART", "VERB"],
                       ["NNP", "VBD", "NNS", "MD", "VB", "DT", "NN", "TO", "VB"])
    assert subject_tokens(doc[8]) == []
    assert subject_tokens(doc[4]) == []


def test_an_act_joined_to_such_a_complement_is_still_the_sayers():
    # "Hale insisted Dolan will have a role, and praised his work", "..., arguing it is right"
    words = ["Hale", "insisted", "Dolan", "will", "have", "a", "role", "and", "praised", "it", "arguing"]
    doc = parse_tagged(words, [1, 1, 1, 4, 1, 6, 4, 4, 4, 8, 4],
                       ["nsubj", "ROOT", "dobj", "aux", "ccomp", "det", "dobj", "cc", "conj", "dobj", "advcl"],
                       ["PROPN", "VERB", "PROPN", "AUX", "VERB", "DET", "NOUN", "CCONJ", "VERB", "PRON", "VERB"],
                       ["NNP", "VBD", "NNP", "MD", "VB", "DT", "NN", "CC", "VBD", "PRP", "VBG"])
    assert [t.i for t in subject_tokens(doc[8])] == [0]
    assert [t.i for t in subject_tokens(doc[10])] == [0]


def test_who_after_a_title_set_after_a_name_is_the_person():
    # "Ida Lund, head of the bank, who raised rates, said": "who" hangs on "bank" but is Lund
    words = ["Ida", "Lund", ",", "head", "of", "the", "bank", ",", "who", "raised", "rates", ",", "said"]
    heads = [1, 12, 1, 1, 3, 6, 4, 6, 9, 6, 9, 12, 12]
    deps = ["compound", "nsubj", "punct", "appos", "prep", "det", "pobj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT"]
    pos = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB"]
    doc = parse(words, heads, deps, pos)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [t.i for t in subject_tokens(doc[9])] == [1]
    doc = parse(words, heads, deps, pos)  # no person named: the noun it hangs on, as before
    assert [t.i for t in subject_tokens(doc[9])] == [6]
    words[8] = "which"  # "which" is never a person
    doc = parse(words, heads, deps, pos)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [t.i for t in subject_tokens(doc[9])] == [6]


def test_a_name_after_a_title_that_the_parser_made_the_root_does_the_act():
    # "Boeing's chief executive, Dave Calhoun, announced in March": the model makes "executive" the root
    # and "announced" a participle on it; the person named after the title announced it, not Boeing
    words = ["Acme", "'s", "chief", "executive", ",", "Dave", "Hale", ",", "announced", "in", "March"]
    heads = [3, 0, 3, 3, 3, 6, 3, 3, 3, 8, 9]
    deps = ["poss", "case", "amod", "ROOT", "punct", "compound", "appos", "punct", "acl", "prep", "pobj"]
    pos = ["PROPN", "PART", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "ADP", "PROPN"]
    doc = parse(words, heads, deps, pos)
    doc.ents = [Span(doc, 5, 7, label="PERSON")]
    assert [t.i for t in subject_tokens(doc[8])] == [6]
    doc = parse(words, heads, deps, pos)  # no person named: the title's owner, as before
    assert [t.i for t in subject_tokens(doc[8])] == [0]


def test_a_by_phrase_hung_on_a_passives_second_object_names_its_doer():
    # "Voters were promised cuts by the Greens": the model hangs "by" on "cuts"
    words = ["Voters", "were", "promised", "cuts", "by", "the", "Greens", "."]
    doc = parse(words, [2, 2, 2, 2, 3, 6, 4, 2], ["nsubjpass", "auxpass", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
                ["NOUN", "AUX", "VERB", "NOUN", "ADP", "DET", "PROPN", "PUNCT"])
    doc.ents = [Span(doc, 6, 7, label="ORG")]
    assert [t.i for t in passive_agent(doc[2])] == [6]
    assert [t.i for t in subject_tokens(doc[2])] == [6]
    doc.ents = [Span(doc, 6, 7, label="DATE")]  # "promised cuts by March": a deadline, no doer
    assert passive_agent(doc[2]) == [] and subject_tokens(doc[2]) == []
    doc = parse(["Greens", "promised", "cuts", "by", "the", "Tories"], [1, 1, 1, 2, 5, 3],
                ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"], ["PROPN", "VERB", "NOUN", "ADP", "DET", "PROPN"])
    doc.ents = [Span(doc, 5, 6, label="ORG")]
    assert passive_agent(doc[1]) == []  # not a passive: "by" belongs to the object


def test_names_joined_before_a_floating_both_are_the_subject():
    # "talks, Manila and Beijing both said": the model hangs the names on "talks" and makes "both" the subject
    words = ["talks", ",", "Manila", "and", "Beijing", "both", "said"]
    doc = parse(words, [6, 0, 0, 2, 2, 6, 6], ["npadvmod", "punct", "conj", "cc", "conj", "nsubj", "ROOT"],
                ["NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PRON", "VERB"])
    assert [t.text for t in subject_tokens(doc[6])] == ["Manila", "Beijing"]
    doc = parse(["They", "both", "said"], [2, 2, 2], ["nsubj", "advmod", "ROOT"], ["PRON", "ADV", "VERB"])
    assert [t.text for t in subject_tokens(doc[2])] == ["They"]


def test_a_subject_inside_words_quoted_after_the_verb_is_not_its_doer():
    # 'Mr Hale quit in 1987, declaring "today Leeds, tomorrow Paris"': the model makes a quoted name
    # the participle's subject; the one who declared is the one who quit
    words = ["Hale", "quit", ",", "declaring", '"', "today", "Leeds", ",", "tomorrow", "Paris", '"']
    doc = parse(words, [1, 1, 1, 1, 3, 6, 3, 6, 9, 6, 3],
                ["nsubj", "ROOT", "punct", "advcl", "punct", "compound", "nsubj", "punct", "compound", "appos", "punct"],
                ["PROPN", "VERB", "PUNCT", "VERB", "PUNCT", "NOUN", "PROPN", "PUNCT", "NOUN", "PROPN", "PUNCT"])
    assert [t.i for t in subject_tokens(doc[3])] == [0]
    unquoted = parse(["Hale", "quit", ",", "declaring", "Leeds", "won"], [1, 1, 1, 1, 5, 3],
                     ["nsubj", "ROOT", "punct", "advcl", "nsubj", "ccomp"], ["PROPN", "VERB", "PUNCT", "VERB", "PROPN", "VERB"])
    unquoted[4].head = unquoted[3]  # a subject after the verb with no quotation mark stays the parser's
    assert [t.i for t in subject_tokens(unquoted[3])] == [4]


def test_a_present_tense_clause_with_no_subject_nor_mark_takes_no_other_clauses_subject():
    # "the men are behaving like schoolboys and the Greens claim ...": the parser makes the Greens an object
    # and "claim" an adverbial clause of "behaving"
    words = ["the", "men", "are", "behaving", "like", "boys", "and", "Greens", "claim", "it", "failed"]
    heads = [1, 3, 3, 3, 3, 4, 5, 5, 3, 10, 8]
    deps = ["det", "nsubj", "aux", "ROOT", "prep", "pobj", "cc", "conj", "advcl", "nsubj", "ccomp"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "CCONJ", "PROPN", "VERB", "PRON", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              tags=["DT", "NNS", "VBP", "VBG", "IN", "NNS", "CC", "NNPS", "VBP", "PRP", "VBD"])
    assert subject_tokens(doc[8]) == []
    # a participle set after its clause still shares its subject
    doc = Doc(spacy.blank("en").vocab, words=["the", "men", "left", ",", "citing", "threats"], heads=[1, 2, 2, 2, 2, 4],
              deps=["det", "nsubj", "ROOT", "punct", "advcl", "dobj"], pos=["DET", "NOUN", "VERB", "PUNCT", "VERB", "NOUN"],
              tags=["DT", "NNS", "VBD", ",", "VBG", "NNS"])
    assert [t.i for t in subject_tokens(doc[4])] == [1]


def test_a_clause_said_by_the_relative_pronouns_noun_is_not_that_nouns_act():
    # "the army, which said [personnel] seized rifles": the parser loses the subject of "seized"
    words = ["army", ",", "which", "said", "personnel", "wielding", "knives", "seized", "rifles"]
    heads = [0, 0, 3, 0, 5, 3, 5, 3, 7]
    deps = ["ROOT", "punct", "nsubj", "relcl", "nsubj", "ccomp", "dobj", "ccomp", "dobj"]
    pos = ["NOUN", "PUNCT", "PRON", "VERB", "NOUN", "VERB", "NOUN", "VERB", "NOUN"]
    doc = parse(words, heads, deps, pos)
    assert [t.i for t in subject_tokens(doc[7])] != [0]
    # "something he says will boost their cause": the noun does what he says
    words = ["something", "he", "says", "will", "boost", "it"]
    doc = parse(words, [0, 2, 0, 4, 2, 4], ["ROOT", "nsubj", "relcl", "aux", "ccomp", "dobj"],
                ["PRON", "PRON", "VERB", "AUX", "VERB", "PRON"])
    assert [t.i for t in subject_tokens(doc[4])] == [0]


def test_a_passive_infinitive_is_done_to_the_subject_of_the_verb_or_copula_above_it():
    from reader.nlp.events.subjects import raised_subjects

    # "Dahl is expected to be arrested"
    doc = parse(["Dahl", "is", "expected", "to", "be", "arrested"], [2, 2, 2, 5, 5, 2],
                ["nsubjpass", "auxpass", "ROOT", "aux", "auxpass", "xcomp"], ["PROPN", "AUX", "VERB", "PART", "AUX", "VERB"])
    assert [t.i for t in raised_subjects(doc[5])] == [0]
    # "The ban is likely to be lifted": the copula's subject, over the adjective
    doc = parse(["The", "ban", "is", "likely", "to", "be", "lifted"], [1, 2, 2, 2, 6, 6, 3],
                ["det", "nsubj", "ROOT", "acomp", "aux", "auxpass", "xcomp"], ["DET", "NOUN", "AUX", "ADJ", "PART", "AUX", "VERB"])
    assert [t.i for t in raised_subjects(doc[6])] == [1]
    # "Dahl is expected to resign": an active infinitive is his own act, not done to him
    doc = parse(["Dahl", "is", "expected", "to", "resign"], [2, 2, 2, 4, 2],
                ["nsubjpass", "auxpass", "ROOT", "aux", "xcomp"], ["PROPN", "AUX", "VERB", "PART", "VERB"])
    assert raised_subjects(doc[4]) == []


def test_a_second_subject_inside_a_quotation_is_not_the_sayer():
    # '"The government seem wrong," he said': the model hangs the quoted subject on "said" as well
    doc = parse(['"', "The", "government", "seem", "wrong", ",", '"', "he", "said"], [8, 2, 8, 8, 3, 8, 8, 8, 8],
                ["punct", "det", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "ROOT"],
                ["PUNCT", "DET", "NOUN", "VERB", "ADJ", "PUNCT", "PUNCT", "PRON", "VERB"])
    assert [t.text for t in subject_tokens(doc[8])] == ["he"]
