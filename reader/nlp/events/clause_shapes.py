"""Shapes of a clause read off its tokens alone: its marker, its own subject, its tense, whether it
is a question, a restated attribution or a participle describing a noun. Used by `clauses`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Token

from reader.nlp.doc_text import text_of
from reader.nlp.events.lexicon import Lexicon, Match, is_infinitive
from reader.nlp.events.subjects import VERBAL
from reader.nlp.events.text_regions import CLOSING_MARKS, OPENING_MARKS, quoted_tokens

_S = TypeVar("_S")

_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they"})
#: entity types of who can act or speak
_DOERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})



def closes_quotation_before(verb: Token) -> bool:
    """ '"...," added Mr Duncan', '"...," he said': the saying right after the quotation closes."""
    doc = verb.doc
    subject = {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}
    j = verb.i - 1
    while j >= 0 and j in subject:
        j -= 1
    return j >= 0 and doc[j].text in CLOSING_MARKS and (j + 1 == verb.i or j + 1 in subject)


def opens_quotation_after(verb: Token) -> bool:
    """ 'He added: "...', 'He told BBC News: "...': the saying opens the quotation, after its own
    words alone (a stray mark later in its sentence does not)."""
    doc = verb.doc
    j = verb.i + 1
    while j < len(doc) and j - verb.i <= 10 and doc[j].text not in OPENING_MARKS and doc[j].pos_ not in ("VERB", "AUX"):
        j += 1
    return j < len(doc) and doc[j].text in OPENING_MARKS and (j == verb.i + 1 or doc[j - 1].text in (":", ","))


#: Prepositions that place an act in time or setting ("Trump, on April 22nd, said"); "of", "from" and
#: "for" tell whom the one named speaks for ("Mike Hobday, of the League Against Cruel Sports").
_SITUATING_PREPS = frozenset({"on", "at", "in", "during", "after", "before", "while", "speaking"})


def set_off_aside(name: Token) -> Token | None:
    """What is set off by commas after a name and tells what the one named was doing, or when
    ("Vance, speaking during a visit to India, announced", "Trump, on April 22nd, said"): no part
    of who is named."""
    doc = name.doc
    for child in name.children:
        if (child.i > name.i and child.dep_ in ("acl", "prep") and child.left_edge.i > 0
                and doc[child.left_edge.i - 1].text == ","
                and (child.tag_ == "VBG" if child.dep_ == "acl" else child.lower_ in _SITUATING_PREPS)):
            return child
    return None


def title_owner(name: Token) -> Token | None:
    """The owner of a title set beside a name: "Kenya's president, William Ruto," and "William Ruto,
    Kenya's president,": Kenya."""
    beside = name.head if name.dep_ == "appos" else next((c for c in name.children if c.dep_ == "appos"), None)
    if beside is None or beside.tag_ != "NN" or beside.ent_type_:
        return None
    return next((c for c in beside.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def restated_speech(verb: Token) -> bool:
    """ "he said" after a quotation that is itself what the speaker named before it said (a house
    style of some news agencies): the same words, not a second saying."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children) and any(
        c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children)


#: Pronouns a relative clause of saying refers back through: "anything he said".
_INDEFINITE_WORDS = frozenset({"anything", "everything", "something", "nothing", "all", "whatever"})


def words_referred_to(verb: Token) -> bool:
    """ "That's what he said", "he could not trust anything Blair told him", "I agree with what Mr Fox has
    said": a verb of saying whose words are only pointed at (a "what" before it, or a relative clause on
    "anything") tells of no statement made here ("something he says will boost their cause" does)."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if verb.dep_ == "relcl" and verb.head.lower_ in _INDEFINITE_WORDS:
        return True
    return any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") and c.i < verb.i for c in verb.children)


def is_question(tok: Token) -> bool:
    """The sentence ends with a question mark (white space and closing quotes aside), and the
    question is not a quotation after the word ('unveiled a poster under the words "How can they...?"')."""
    sent = tok.sent
    for t in reversed(sent):
        if t.is_space or t.text in ('"', "”", "’", "'", ")"):
            continue
        if t.text != "?":
            return False
        return not any(q.text in ('"', "“") for q in tok.doc[tok.i + 1 : t.i])
    return False


def present_tense(verb: Token) -> bool:
    """ "halts", "takes effect", "is signed": the verb group is in the present tense."""
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP") for t in group) and not any(t.tag_ in ("VBD", "MD") for t in group)


def mark_of(tok: Token) -> str:
    """The word that subordinates a clause ("if", "when", "because"); "if" for a condition told by
    inversion ("Had Russia attacked Poland, ...", "Were China to invade, ...")."""
    for child in tok.children:
        if child.dep_ == "mark":
            return child.lower_
    return "if" if tok.dep_ == "advcl" and _inverted_condition(tok) else ""


def _inverted_condition(clause: Token) -> bool:
    first = clause.left_edge
    if first.lower_ not in ("had", "were", "should") or not (
            first.i == clause.i or first.head.i == clause.i and first.dep_ in ("aux", "auxpass")):
        return False
    subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subject) and first.i < subject[0].i


#: Marks of a clause told at the time of its main one, in the present when that one is still to come.
TIME_MARKS = frozenset({"while", "whilst", "when", "once", "until", "till", "after", "before"})


def shares_main_time(clause: Token, mark: str) -> bool:
    """Whether an adverbial clause takes its main clause's hedge: one with no subject of its own
    ("resigned, citing ill health"), or one of time in the present tense ("Israel will withdraw while
    the army deploys": the deploying is still to come too)."""
    return not has_own_subject_or_aux(clause) or mark in TIME_MARKS and present_tense(clause)


def has_own_subject_or_aux(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children) or tok.pos_ == "AUX"


def own_hyp(tok: Token, lex: Lexicon) -> bool:
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in lex.cue("modal"):
            return True
        if child.dep_ == "advmod" and child.lower_ in lex.cue("hedge_adverb"):
            return True
    return False


def speaker_tokens(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "nsubj":
            return [child]
        if child.dep_ == "agent":
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def participle_before_its_noun(tok: Token) -> bool:
    """ "She said *proposed* casinos will differ": a participle with neither subject nor auxiliary,
    whose complement's subject comes right after it, describes that subject (the parser made it the verb)."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    return any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") and g.left_edge.i == tok.i + 1 for g in c.children)
               for c in tok.children)


#: degree words that make a participle after "be" a quality ("more united", "very worried")
_DEGREE = frozenset({"more", "most", "less", "least", "very", "so", "too", "increasingly", "deeply", "fully"})


def graded_participle(tok: Token) -> bool:
    """ "Labour is more ideologically united than ever", "she was very worried": a participle after
    "be" that is graded tells a state, not an act ("the party was united by its leader" is one)."""
    return tok.tag_ == "VBN" and tok.dep_ == "acomp" and any(
        t.lower_ in _DEGREE for c in tok.lefts if c.dep_ == "advmod" for t in c.subtree)


def _alternative_word(tok: Token) -> bool:
    """ "than" after "rather", "of" after "instead": the word that introduces an alternative."""
    word = tok.lower_
    if word not in ("than", "of") or tok.i == 0:
        return False  # asked of every child the walk meets: the word first, its neighbour only then
    before = tok.doc[tok.i - 1].lower_
    return (word == "than" and before == "rather") or (word == "of" and before == "instead")


def opens_alternative(tok: Token) -> bool:
    """ "rather" before "than", "instead" before "of": where an alternative set aside begins."""
    return tok.lower_ in ("rather", "instead") and tok.i + 1 < len(tok.doc) and _alternative_word(tok.doc[tok.i + 1])


def alternative_not_taken(parent: Token, child: Token) -> bool:
    """ "*Rather than recall* the devices, Jobs said...", "chose to borrow *rather than raise* taxes",
    "*instead of meeting* the unions": the alternative set aside is nobody's act."""
    if _alternative_word(child):
        # "instead of meeting the unions", "rather than storing content": an act under the word (the
        # parse of 'said instead of the "bonfire" there had been an explosion' leaves "of" alone)
        return any(g.dep_ == "pcomp" or g.pos_ in ("VERB", "AUX") for g in child.children)
    if child.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "ccomp"):
        return False
    if any(g.dep_ == "mark" and _alternative_word(g) for g in child.children):
        return True  # "Rather than recall the devices, ...": the verb is marked as the alternative
    # "borrow rather than raise": the parse hangs "than" on the first verb as the conjunction of the
    # second (so a "than" conjunction of the child's own is not about the child); a second verb with
    # a subject of its own is a clause of its own ("rather than storing content, Apple TV connects")
    return child.dep_ == "conj" and not has_own_subject_or_aux(child) and any(
        c.dep_ in ("cc", "mark", "prep") and c.i < child.i and _alternative_word(c) for c in parent.children)


def quoted_saying(verb: Token, lex: Lexicon) -> Token | None:
    """ "Interfax quoted Lavrov *as saying* ...": the saying a report attributes to the one it quotes
    (who then is the speaker, and the report the source); None for any other shape."""
    if verb.lemma_.lower() not in lex.cue("quoting_verb") or not any(
            c.dep_ == "dobj" and (c.ent_type_ in _DOERS or c.lemma_.lower() in lex.cue("quoted_speaker_noun"))
            for c in verb.children):
        return None  # "quoted its five-year plan as saying": a document is quoted, no one speaks
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for saying in prep.children:
                if saying.dep_ in ("pcomp", "pobj") and saying.tag_ == "VBG" and lex.speech_verb(saying.lemma_.lower()):
                    return saying
    return None


def quoting_verb_of(saying: Token, lex: Lexicon) -> Token | None:
    """The "quoted" of a saying that `quoted_saying` finds, if this is one."""
    prep = saying.head
    if prep.dep_ == "prep" and prep.lower_ == "as":
        found = quoted_saying(prep.head, lex)
        if found is not None and found.i == saying.i:
            return prep.head
    return None


def infinitive_right_after(head: Token, verb: Token) -> bool:
    """Only "to", adverbs, particles and the verb's own passive "be" between a head and the verb after it
    ("ready *to* resume", "is *yet to* unveil", "began *to* sell", "wants *to be* elected")."""
    return all(t.lower_ == "to" or t.pos_ in ("ADV", "PART") or t.dep_ == "auxpass" and t.head.i == verb.i
               for t in head.doc[head.i + 1 : verb.i])


def arranged(verb: Token) -> bool:
    """ "Galloway is to stand", "the Tories are yet to unveil their plans": "be" and an infinitive right
    after it, said of who will act (not "the aim is to withdraw", "was wrong to dismiss")."""
    be = verb.head
    if verb.dep_ != "xcomp" or be.lemma_ != "be" or not be.i < verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or not infinitive_right_after(be, verb):
        return False
    # (or a named people's or country's own: "Israeli forces are to withdraw")
    return any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in _PERSONAL or c.ent_type_ in _DOERS or any(
        g.dep_ in ("amod", "compound", "poss") and g.ent_type_ in _DOERS for g in c.children)) for c in be.children)


def performative_wish(ev_head: Token, trigger: Token, lex: Lexicon) -> bool:
    """ "We would like to thank our engineers", "I want to stress that ...": a present wish to thank,
    stress or congratulate does so in the saying; not "wanted to thank" nor "would like to meet". So does
    a speaker's "I can assure you", "we must stress" (the first person only: "they can confirm" may not)."""
    wish = trigger.head if trigger.dep_ == "xcomp" else ev_head
    if trigger.lemma_.lower() not in lex.cue("performative_verb"):
        return False
    if wish.i == trigger.i:
        modals = [c.lower_ for c in trigger.children if c.dep_ == "aux" and c.tag_ == "MD"]
        return modals in (["can"], ["must"]) and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in trigger.children)
    if wish.lemma_.lower() not in ("like", "want", "wish"):
        return False
    modals = [c.lower_ for c in wish.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if wish.lemma_.lower() == "like":
        return modals in (["would"], ["'d"])
    return wish.tag_ in ("VBP", "VBZ") and not modals


def relative_clause_speaker(dep: str, clause: Token, matches: dict[int, Match], speaker: _S) -> _S | None:
    """Who speaks a clause under words said: a relative clause is part of them ("said the deal, which
    had failed, ..."), unless it only says who vouches for the noun ("TikTok, which the authorities say
    was used": the relative word inside what the saying reports), the writer's aside."""
    if dep != "relcl":
        return None
    m = matches.get(clause.i)
    own = m is not None and m.entry.speech and any(c.dep_ == "nsubj" for c in clause.children) and any(
        g.tag_ in ("WDT", "WP") for c in clause.children if c.dep_ == "ccomp" for g in c.children)
    return speaker if not own or clause.i in quoted_tokens(clause.doc) else None  # (quoted: all the speaker's)


def quoting_verb_over_lead(verb: Token, clause: Token, quoted: Callable[[], set[int]]) -> bool:
    """ 'Jobs resigned in a letter stating, "I have always said ..."': the parser hangs the writer's
    sentence before a quotation on a verb of saying inside it; the quotation cannot report it.
    (`quoted`: the document's quoted tokens, worked out once.)"""
    return clause.dep_ == "ccomp" and clause.i < verb.i and verb.i in quoted() and clause.i not in quoted()


def lead_in_before_colon(verb: Token, clause: Token) -> bool:
    """ "Other carmakers saw sales slip: Norcom reported a 39% loss": a clause set before a colon
    introduces the sentence, one before a semicolon stands on its own ("Trump wrote that she had agreed;
    Sheinbaum said ..."); neither is what the verb after it reports."""
    if clause.dep_ not in ("ccomp", "parataxis") or clause.i > verb.i:
        return False
    last = max(t.i for t in clause.subtree if not t.is_punct)  # the parser may hang the colon on the clause
    between = verb.doc[last + 1 : verb.i]
    return any(t.text in (":", ";") for t in between) and not any(t.text in CLOSING_MARKS for t in between)


def body_simple_present(verb: Token) -> bool:
    """A verb in the simple present (no auxiliary) below the first line: a headline's present is its past."""
    return (verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and 0 <= text_of(verb.doc).find("\n") < verb.idx)


def state_in_present(verb: Token) -> bool:
    """ "The phone features stereo speakers", "Norcom operates a fleet of 30": a verb in the simple
    present tells what is so, not what happened; not in a headline (whose present is
    its past), nor with a date of its own ("the plane arrives on 11 November": a schedule), nor
    with a clause it governs, which the walk reads through it."""
    if not body_simple_present(verb):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") or any(
        t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in verb.children)


def impersonal_report(verb: Token, lex: Lexicon) -> list[int] | None:
    """ "It is reported that ...", "..., it is understood": a passive of saying with a dummy "it"
    tells no one's statement; the tokens of what it reports (hearsay), or None for any other verb."""
    if verb.lemma_.lower() not in lex.cue("raising_reported") or verb.tag_ != "VBN" or not any(
            c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in verb.children):
        return None
    return [t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree]


def other_arguments(tok: Token) -> list[Token]:
    """The other parties of the verb `tok` is an argument of ("*The government* offered the Norwegian
    government aid": the Norwegian government), a subject and its verb's other arguments being different
    parties: each argument's head, with its owner when it is the same word ("the *Norwegian* government");
    not "the British men" it wrote to, nor a clause it governs ("the government said Norway would ...")."""
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "pobj") else tok
    while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")]
    heads += [g for c in verb.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    mine = {t.i for t in tok.subtree}
    return [t for h in heads if h.i not in mine for t in (h, *(
        c for c in h.children if c.dep_ in ("amod", "compound", "poss") and h.lower_ == tok.lower_))]


def yet_to_come(verb: Token, lex: Lexicon) -> bool:
    """ "keep fighting until Israel halts its offensive", "once the deal is signed": a time clause in
    the present tense tells an act still to come, not one that happened."""
    if verb.dep_ != "advcl" or not present_tense(verb):
        return False
    # the parser makes "when" an adverb of the clause rather than its mark
    marks = {mark_of(verb), *(c.lower_ for c in verb.children if c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < verb.i)}
    return bool(marks & lex.cue("prospective_mark"))


def negating_phrase_head(act: Token, lex: Lexicon) -> Token | None:
    """ "refrained *from* attacking", "stopped short *of* accusing", "held off *on* sanctioning": the verb
    whose phrase (the lexicon's `negating_phrase` cue: verb, particles or adverbs, preposition) says the act
    after the preposition was not done; None when there is none."""
    prep = act.head
    if act.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep":
        return None
    head = prep.head
    if head.dep_ in ("advmod", "prt") and head.head.i < head.i:  # "stopped short of": the adverb holds "of"
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    between = [t.lower_ for t in head.doc[head.i + 1 : prep.i] if t.dep_ in ("advmod", "prt") and t.head.i == head.i]
    return head if " ".join([head.lemma_.lower(), *between, prep.lower_]) in lex.cue("negating_phrase") else None


def raising_hedge(tok: Token, lex: Lexicon) -> str | None:
    """ "Israel is said to be watching", "he is thought to have fled": a passive verb of saying
    or thinking with an infinitive hedges that infinitive; it is nobody's statement."""
    lemma = tok.lemma_.lower()
    if lemma in lex.cue("raising_reported"):
        kind = "reported"
    elif lemma in lex.cue("raising_hypothetical"):
        kind = "hypothetical"
    else:
        return None
    if tok.tag_ != "VBN" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return None
    if not any(c.dep_ == "xcomp" and is_infinitive(c) for c in tok.children):
        return None
    return kind


def ahead_of(noun: Token, prep: Token, lex: Lexicon) -> bool:
    """ "on the verge *of* signing", "the threat *of* an attack": what follows the "of" of a `not_yet_noun`
    is ahead, aimed at or feared, not done (whether or not the noun is an act itself); so is what follows
    the "for" of an `aimed_for_noun` ("a warrant *for* his arrest", "calls *for* his release")."""
    if prep.lower_ != "for":
        return prep.lower_ == "of" and noun.lemma_.lower() in lex.cue("not_yet_noun")
    sought = lex.cue("aimed_for_noun")  # ("a warrant was issued for his arrest": the parser hangs "for" on the verb)
    return noun.lower_ in sought or noun.pos_ in ("VERB", "AUX") and (any(
        c.dep_ in ("dobj", "nsubjpass") and c.lower_ in sought for c in noun.children)
        or noun.lemma_.lower() in lex.cue("aimed_for_verb"))  # "calling for his resignation"


def aim_held(act: Token, lex: Lexicon) -> Token | None:
    """ "Norway *has* no plans to recognise", "*has* every intention of suing": the "have" whose object
    (a `not_yet_noun`) the act is for, which the row's words start at; None when there is none."""
    noun = act.head.head if act.dep_ == "pcomp" and act.head.lower_ == "of" else act.head if act.dep_ == "acl" else None
    if noun is None or noun.lemma_.lower() not in lex.cue("not_yet_noun") or noun.dep_ != "dobj":
        return None
    return noun.head if noun.head.lemma_ == "have" and noun.head.i < noun.i else None


def adjective_complement(adj: Token) -> int:
    """ "ready *to resume* talks", "willing *to contribute* $20m": the verb an adjective of intent is
    for, just after "to", is the act the reader scans for (the label already names it); -1 when none."""
    for ch in adj.rights:
        if ch.dep_ in ("xcomp", "ccomp", "acl", "advcl") and ch.pos_ in ("VERB", "AUX") and 0 < ch.i - adj.i <= 3 \
                and any(t.lower_ == "to" for t in adj.doc[adj.i + 1 : ch.i]) and infinitive_right_after(adj, ch):
            return ch.i
    return -1


#: A model designation: "A330", "737", "787-9", "KC-45" (not "Number 10", not a year).
_MODEL = re.compile(r"(?:[A-Z]{1,3}-?\d{2,4}|\d{3,4})(?:-\d{1,3})?[A-Z]?")


def maker_of_model(name: Token) -> bool:
    """ "the *Airbus* A330 jetliner crashed", "a *Boeing* 737 operated by Norair": a maker's name before a
    model designation names what the thing is, not who acted."""
    doc = name.doc
    if name.i + 1 >= len(doc) or name.ent_type_ != "ORG" or name.dep_ not in ("nmod", "compound"):
        return False
    model = doc[name.i + 1].text
    year = model.isdigit() and len(model) == 4 and model[:2] in ("19", "20")
    return _MODEL.fullmatch(model) is not None and not year


def means_head(act: Token) -> Token | None:
    """ "Jobs *started* by hinting at the incident", "*justified* his choice by saying": the verb that
    an act after "by" is the means of, told a few words before it; the row's words start there, since
    what the act was done for is what the reader scans for. None when there is none."""
    prep = act.head
    if act.dep_ != "pcomp" or act.tag_ != "VBG" or prep.lower_ != "by" or prep.dep_ != "prep":
        return None
    head = prep.head
    return head if head.pos_ == "VERB" and 0 < act.i - head.i <= 8 else None


def shares_negation(verb: Token, conj: Token) -> bool:
    """ "did not sign or ratify", "did not sign and ratify": a verb after "or" or "nor", or a bare verb that
    shares the negated auxiliary, is not done either; a verb after "but" ("is not a party, but says") or a
    finite verb of its own ("did not sign the treaty and criticised Norway") is."""
    between = {c.lower_ for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.i}
    if between & {"but", "yet"}:
        return False
    return bool(between & {"or", "nor"}) or conj.tag_ == "VB" and any(c.dep_ == "aux" for c in verb.children)


def restated_as_claim(verb: Token, clause: Token, lex: Lexicon) -> bool:
    """ "Norland accused Vestland of spying, a charge Vestland denied": the parser makes the clause before
    the comma what "denied" says and "a charge" its subject; the clause is an act of its own, which the
    charge names (the accusation was made whatever the denial)."""
    noun = restating_noun(verb, lex)
    return noun is not None and clause.i < noun.i


def restating_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The "charge" of "..., a charge Vestland denied": a `claim_noun` the parser hung on the verb before
    it, with the verb's true subject after it (not "..., a report said")."""
    doc = verb.doc
    return next((c for c in verb.lefts if c.pos_ == "NOUN" and c.lemma_.lower() in lex.cue("claim_noun")
                 and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","  # set off after the clause it names
                 and any(t.pos_ in ("PROPN", "PRON") and t.head.i in (c.i, verb.i) for t in doc[c.i + 1 : verb.i])), None)


def restating_appositive(noun: Token, lex: Lexicon) -> bool:
    """ "City experts say there is a black hole, *a claim denied by the chancellor*": a claim noun set after
    what was said, with a clause of its own, is the writer's word on it, not more of what was said."""
    doc = noun.doc
    return (noun.dep_ in ("appos", "attr", "npadvmod") and noun.head.i < noun.i  # (the parser's choice)
            and noun.lemma_.lower() in lex.cue("claim_noun") and noun.left_edge.i > 0
            and doc[noun.left_edge.i - 1].text == "," and any(
                g.dep_ in ("relcl", "acl") and any(h.dep_ in ("nsubj", "agent") for h in g.children) for g in noun.children))


def side_spoken_for(tok: Token, verb: Token) -> bool:
    """ "For the Lib Dems, Simon Hughes said ...", "Mark Oaten, for the Lib Dems, said": a side named in
    a "for" phrase set off before the saying is the one the speaker speaks for, not someone the words
    are about."""
    while tok.dep_ in ("compound", "flat", "amod", "det") and tok.head.i > tok.i:
        tok = tok.head
    prep, doc = tok.head, tok.doc
    on_saying = prep.head.i == verb.i or prep.head.dep_ == "nsubj" and prep.head.head.i == verb.i
    return tok.dep_ == "pobj" and prep.lower_ == "for" and on_saying and prep.i < verb.i \
        and (prep.i == prep.sent.start or doc[prep.i - 1].text == ",") and tok.ent_type_ in _DOERS - {"PERSON"} \
        and tok.right_edge.i + 1 < verb.i and doc[tok.right_edge.i + 1].text == ","


def brokered_gathering(tok: Token, lex: Lexicon) -> bool:
    """ "Talks brokered by Qatar collapsed": a participle with a doer that describes talks which are
    the subject of an act; who brokered them is told in that act's row, not a row of its own."""
    noun = tok.head
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) \
        and noun.lower_ in lex.cue("meeting_noun") and noun.dep_ in ("nsubj", "nsubjpass")


def as_aside(clause: Token, match: Match | None, lex: Lexicon) -> bool:
    """ "as he said", "as expected", "as agreed before": an aside on the main clause; "as a
    cross-party amendment was rejected" is an act of its own, told alongside."""
    if clause.pos_ not in VERBAL:
        return True
    if clause.lemma_.lower() in lex.cue("aside_verb") or (match is not None and match.entry.speech):
        # "as he said"; but "As the bankers' association reported that late payments rose, ..." says
        # what it reported: a statement of its own
        return not any(c.dep_ == "ccomp" for c in clause.children)
    return not own_subject(clause)


#: Words that count people without a number ("dozens of people were killed").
_COUNT_WORDS = frozenset({"dozens", "hundreds", "thousands", "scores", "several", "many"})


def counted_casualties(verb: Token, code: str, violence: frozenset[str] = frozenset()) -> bool:
    """ "Ten soldiers were killed in Mali", "at least 23 people were shot", "the war has killed tens of
    thousands": people counted as struck by force are a row, though no one who struck them is named."""
    if code[:2] not in ("18", "19", "20") and code != "DISASTER":
        return False
    return any(s.dep_ == "nsubjpass" and (s.tag_ == "NNS" and _counted(s) or _one_person_harmed(s, verb)) for s in verb.children) or (
        bool(violence) and toll_of_violence(verb, violence))


#: Verbs whose passive subject can only be someone hurt: "a firefighter was killed", "a man was stabbed".
_HARMED = frozenset({"kill", "shoot", "wound", "injure", "stab", "murder"})


def _one_person_harmed(subject: Token, verb: Token) -> bool:
    """ "In Austria, a firefighter was killed": one unnamed person struck (not "the man", told of before)."""
    return verb.lemma_ in _HARMED and subject.tag_ == "NN" and not subject.ent_type_ and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in subject.children)


def toll_of_violence(verb: Token, violence: frozenset[str]) -> bool:
    """ "The war in Sudan has killed tens of thousands", "Fighting killed 150 people": a noun of violence
    that counts the people it struck, with no one named as its doer ("Israeli strikes killed 40": Israel's)."""
    return any(s.dep_ == "nsubj" and (s.lemma_.lower() in violence or s.lower_ in violence) and not any(
        ch.dep_ in ("amod", "compound", "poss", "nmod") and ch.ent_type_ for ch in s.children) for s in verb.children) \
        and any(o.dep_ == "dobj" and _counted(o) for o in verb.children)


def _counted(people: Token) -> bool:
    return people.tag_ in ("NNS", "CD") and (people.lower_ in _COUNT_WORDS or any(
        ch.dep_ in ("nummod", "quantmod") or ch.lower_ in _COUNT_WORDS for ch in people.children))


def since_frame(verb: Token, child: Token) -> bool:
    """ "has failed to act since taking office", "has faced protests since he was sworn in", "was the first
    attack since he took office": an undated act after "since" on a perfect or a record is the time a
    state runs from, not news of its own ("since the bank cut rates in May" is dated, and stays; "since
    the talks failed, X has ..." may say why)."""
    clause = child if child.dep_ == "advcl" and mark_of(child) == "since" else next(
        (g for g in child.children if g.dep_ == "pcomp"), None) if child.dep_ == "prep" and child.lower_ == "since" else None
    if clause is None or clause.pos_ not in VERBAL:
        return False
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    # "was the first of its kind / the biggest protest since he took office": a record counted from it
    ranked = verb.lemma_ == "be" and any(c.dep_ == "attr" and any(
        t.tag_ == "JJS" or t.lower_ in ("first", "last") for t in (c, *c.children)) for c in verb.children) or (
        verb.tag_ == "JJS" or verb.ent_type_ == "ORDINAL" or verb.lower_ in ("first", "last"))  # "..., the third since he"
    # (a frame is short: not a clause the parser ran on past a quotation's end, "since Prisoner Cell Block H."
    # Labour had broken promises ..., he said")
    return (perfect or ranked) and not any(t.ent_type_ in ("DATE", "TIME") or t.text in CLOSING_MARKS for t in clause.subtree)


def place_of_apposed_title(tok: Token) -> bool:
    """ "named Pam Bondi, a former attorney general of Florida": the place of a person's title set beside
    the name describes the person; it is not acted on."""
    title = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return title is not None and title.dep_ == "appos" and title.head.ent_type_ == "PERSON"


def own_subject(clause: Token) -> bool:
    """The clause names its own subject ("if *Germany* agrees"), rather than sharing its head's."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def act_before_or_after(verb: Token) -> bool:
    """ "lifted martial law hours after declaring it", "was suspended after violating federal law": an act told
    as before or after another, with an object of its own, is an act of its own."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in ("after", "before") and any(
        c.dep_ == "dobj" for c in verb.children)
