"""Who does a verb: its subject, followed through control, coordination, participles and the
parser's usual slips (a name hung on the wrong verb, "after X" read as a phrase)."""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.events.text_regions import CLOSING_MARKS, OPENING_MARKS

VERBAL = ("VERB", "AUX")
#: Verbs whose object is the means of what the infinitive after it does: their subject does it ("used a
#: special power to push through the budget"), not their object, as after "urged X to" or "allowed X to"
MEANS_VERBS = frozenset({"use", "employ", "invoke", "exploit", "spend"})
RELATIVE_PRONOUNS = {"which", "who", "whom", "that", "whose"}


def _sayer_acts_again(said: Token, verb: Token) -> bool:
    """ 'saying that the "Fed was asleep" and called for cuts', 'said the ruling was "in line with opinion" and
    praised the judges': after a quotation closes, a verb joined to what was said is the sayer's next act
    (not 'should "stick to his guns" and not apologise', 'would be "irresponsible" and would damage ties':
    with a modal, what was said goes on)."""
    if said.dep_ != "ccomp" or said.head.pos_ != "VERB" or any(c.dep_ == "aux" and c.tag_ == "MD" for t in (said, verb)
                                                                  for c in t.children):
        return False
    doc = verb.doc  # a closing mark leans on the word before it (a straight '"' opens as well as closes)
    return any(t.text in CLOSING_MARKS and not doc[t.i - 1].whitespace_ for t in doc[said.i + 1 : verb.i])


def is_purpose(tok: Token) -> bool:
    """An infinitival adjunct: "phoned them *to discuss* ways" is the phone call's purpose (passive too: "called
    for the results *to be released*")."""
    return (tok.tag_ == "VB" or tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in tok.children)
            and (any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
                 or tok.dep_ == "relcl" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "for")) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)  # ("called for the advice *to be published*")


def _stray_name_before(verb: Token) -> Token | None:
    """ "... after one of its scientists, Abdul Qadeer Khan, admitted leaking secrets": the parser hung
    the name on the main verb as an adverbial noun and made "admitted" its conjunct; the name just
    before the verb, not the main clause's subject, is who admitted."""
    j = verb.i - 1
    if j >= 0 and verb.doc[j].text == ",":
        j -= 1
    if j < 0:
        return None
    name = verb.doc[j]
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    if name.pos_ == "PROPN" and name.dep_ == "npadvmod" and name.head.i == verb.head.i and name.ent_type_ == "PERSON":
        return name
    return None


#: Prepositions that also open a clause: "after Japan finally signed up", "before Iran agreed".
_SUBORDINATING_PREPS = frozenset({"after", "before", "until", "since", "once", "because"})


def _subject_read_as_object(verb: Token) -> Token | None:
    """ "... after Japan, one of the biggest creditors, finally signed up to it": the parser read
    "after Japan" as a phrase and left "signed" without a subject; the noun it took for the
    preposition's object, just before the verb (its apposition aside), is who signed."""
    j = verb.i - 1
    while j >= 0 and (verb.doc[j].is_punct or verb.doc[j].dep_ in ("advmod", "neg", "aux")):
        j -= 1
    if j < 0:
        return None
    tok = verb.doc[j]
    for _ in range(8):  # up from the noun just before the verb, through "one of the biggest creditors"
        if tok.dep_ == "pobj" and tok.head.lower_ in _SUBORDINATING_PREPS:
            return tok if tok.pos_ in ("PROPN", "NOUN") else None
        if tok.dep_ not in ("appos", "pobj", "prep", "compound", "amod", "det", "nummod") or tok.head.i >= verb.i:
            return None
        tok = tok.head
    return None


#: Passives whose subject does their complement: "was resolved to", "is expected / set / due to",
#: and hedges ("Poland is said / thought to have attacked": Poland is who attacked).
_RAISING_PASSIVES = frozenset({
    "resolve", "determine", "commit", "prepare", "dedicate",
    "expect", "set", "schedule", "slate", "poise", "due", "plan", "tip",
    "say", "report", "allege", "rumour", "rumor", "claim", "understand", "think", "believe", "fear",
    "suspect", "presume", "assume", "estimate", "suppose", "deem", "consider", "know", "reckon", "forecast",
    "predict", "project", "anticipate",
})
#: Passives for a state its subject is in by taking part: "are engaged / involved in talks".
_STATE_PASSIVES = frozenset({"engage", "involve"})
#: Participles of speaking after a passive: what its subject said while it was done to them.
#: sayings set into what they report ("X left the country, the ministry said, adding ..."), whose sayer a
#: participle after them continues
_SET_IN_SAYINGS = frozenset({"say", "tell", "announce", "state", "report", "claim", "confirm", "insist"})
_SPEAKING_PARTICIPLES = frozenset({"call", "say", "vow", "urge", "promise", "pledge", "warn", "insist", "argue", "accuse",
                                   "praise", "thank", "declare", "announce", "tell"})
#: Passives of object control: "Boeing was allowed / selected / asked to bid" - Boeing is who would
#: bid (not who allowed or asked: that verb's own doer is left unnamed)
_CONTROL_PASSIVES = frozenset({
    "allow", "permit", "authorise", "authorize", "clear", "select", "choose", "pick", "ask", "invite", "urge",
    "order", "instruct", "tell", "encourage", "require", "force", "compel", "oblige", "pressure", "persuade",
})


def _modal_complement_without_subject(verb: Token) -> bool:
    """A complement clause after its verb with a modal of its own and no subject the parser found."""
    return (verb.dep_ == "ccomp" and verb.head.pos_ in VERBAL and verb.head.i < verb.i
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children))


def _finite_after_modal_in_participles_words(said: Token, verb: Token) -> bool:
    """`verb`, joined after a comma and "and" to a modal verb inside what a participle of saying reports, has a
    finite auxiliary of its own ("is", "has", "was") and no subject."""
    saying = said.head
    return (said.dep_ == "ccomp" and saying.tag_ == "VBG" and saying.dep_ == "advcl" and saying.head.pos_ in VERBAL
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in said.children)
            and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "VBD") for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and verb.left_edge.i >= 2 and verb.doc[verb.left_edge.i - 1].lower_ == "and"
            and verb.doc[verb.left_edge.i - 2].text == ",")


def _personal_antecedent(noun: Token) -> Token:
    """ "Lord Condon, head of the ICC's anti-corruption unit, who made the call": "who" is the person the
    title set after the name describes, though the parser hangs the clause on the title's last noun."""
    h = noun
    for _ in range(5):
        if h.ent_type_ == "PERSON":
            return h
        if h.dep_ == "appos" and h.head.ent_type_ == "PERSON":
            return h.head
        if h.dep_ not in ("pobj", "prep", "poss", "compound", "case"):
            break
        h = h.head
    return noun


#: Entity types a "by" on a passive's object may name as the doer (not "by March", "by 5%").
_DOER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def passive_agent(verb: Token) -> list[Token]:
    """Who does a passive verb: its "by" phrase, or one the parser hung on the verb's second object
    ("Voters were promised tax cuts *by the Conservatives*": the party promised, the voters did not)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for c in verb.children:
        if c.dep_ == "agent" and (passive or verb.tag_ != "VBD"):  # "fled to India *by helicopter*": a means
            return [g for g in c.children if g.dep_ == "pobj"]
    if not passive:
        return []
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                named = [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in _DOER_ENTITIES]
                return [t for g in named for t in (g, *g.conjuncts)]
    return []


def _names_before_floating_quantifier(subject: Token) -> list[Token]:
    """ "Following talks, Manila and Beijing both said": the parser makes "both" the subject and hangs the
    names on the phrase before them; the names joined just before the quantifier are who said it."""
    if subject.lower_ not in ("both", "all", "each") or subject.i == 0:
        return []
    names = [subject.doc[subject.i - 1]]
    while names[-1].pos_ == "PROPN" and names[-1].dep_ == "conj" and names[-1].head.pos_ == "PROPN":
        names.append(names[-1].head)
    return names[::-1] if len(names) > 1 and names[0].pos_ == "PROPN" else []


def _quoted_after(verb: Token, subject: Token) -> bool:
    """A subject the parser found after its verb, past a quotation mark opened after the verb."""
    return subject.i > verb.i and any(t.text in OPENING_MARKS for t in verb.doc[verb.i + 1:subject.left_edge.i + 1])


def joined_to_inner_participle(tok: Token) -> Token | None:
    """ "Acme reported a loss, hit by a tax bill, and cut its dividend": the parser joined the second act
    to the participle set off inside the first; the first act (whose doer cuts) when it did."""
    head = tok.head
    first = head.head.head
    if tok.dep_ == "conj" and head.dep_ == "acl" and head.tag_ == "VBN" and tok.tag_ in ("VBD", "VBZ", "VBP", "VB") \
            and first.pos_ in VERBAL and first.i < head.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return first
    return None


def subject_tokens(tok: Token, depth: int = 0) -> list[Token]:
    """The tokens heading the doer of a verb, following control, coordination and participles."""
    if depth > 6:
        return []
    subj = [c for c in tok.children if c.dep_ == "nsubj"] or [c for c in tok.children if c.dep_ == "csubj"]
    if not subj and tok.lemma_ == "be" and any(c.dep_ in ("acomp", "prep") and c.i < tok.i for c in tok.children):
        # "Also due to attend are Condoleezza Rice, Kofi Annan ...": the inverted subject
        subj = [c for c in tok.children if c.dep_ == "attr" and c.i > tok.i]
    if not subj and (dated := _subject_inside_date_phrase(tok)) is not None:
        subj = [dated]
    if not subj and (named := _name_set_off_before(tok)) is not None:
        subj = [named]
    if not subj and not any(c.dep_ == "nsubjpass" for c in tok.children):
        # "Kopp, meanwhile, may have crossed the border": a name set off at the head of its clause,
        # which the parser hung on the verb as a modifier, is the clause's subject
        subj = [c for c in tok.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i == tok.left_edge.i
                and c.ent_type_ in ("PERSON", "ORG", "GPE") and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","][:1]
    if not subj and not any(c.dep_ == "nsubjpass" for c in tok.children):
        subj = _fronted_appositive(tok)
    if subj and all(_quoted_after(tok, s) for s in subj):
        # 'declaring "today Brent South, tomorrow Soweto"': words quoted after the verb are what it
        # says; the parser's subject inside them is no doer, the clause's own is found as without one
        subj = []
    if len(subj) > 1 and any(s.i < tok.i for s in subj):
        # "Halm on Tuesday pardoned opposition leader Marta Kovac": a second "subject" that starts right
        # after the verb is its object, misread
        subj = [s for s in subj if not (s.i > tok.i and s.left_edge.i == tok.i + 1)]
    if len(subj) > 1 and (outside := [s for s in subj if not _quote_between(s, tok)]) and len(outside) < len(subj):
        subj = outside  # '"The government ... seem intent on history," he said': the parser's second subject is quoted
    if subj:
        s = subj[0]
        if (joined := _names_before_floating_quantifier(s)):
            return joined
        if s.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            return [_personal_antecedent(tok.head) if s.lower_ in ("who", "whom") else tok.head]
        if s.tag_ == "VBG" and s.pos_ in ("VERB", "AUX") and len(subj) == 1 and not any(c.dep_ == "punct" for c in s.children):
            # "Selling the stake to Russia would hurt Norcom": an act is the subject; whoever it names
            # is not the doer, only the act's own ("Norland's selling the stake would ..."); not
            # "Welcoming the ruling, Maeve Sherlock said", a fronted clause the parser took for the subject
            return [c for c in s.children if c.dep_ in ("poss", "nsubj")]
        # every coordinated doer ("A, B and C"), and every subject the parser attached twice
        return list(dict.fromkeys(t for s in subj for t in (s, *s.conjuncts)))
    agent = passive_agent(tok)
    if agent:
        return agent
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if passive:
        # "was resolved / determined / committed to": the subject is the one who intends
        # and raising passives: "NATO is expected / set / due to send troops" - NATO is the doer
        intent = tok.lemma_.lower() in _RAISING_PASSIVES
        if tok.lemma_.lower() in _STATE_PASSIVES and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            return passive  # "officials are engaged in talks": they are the ones talking
        return passive if intent and any(c.dep_ == "xcomp" for c in tok.children) else []
    head = tok.head
    if head.i == tok.i:
        return []
    if any(c.dep_ == "auxpass" for c in tok.children) and not (
            tok.dep_ == "conj" and tok.lemma_.lower() in _RAISING_PASSIVES and any(c.dep_ == "xcomp" for c in tok.children)):
        # "Police raided the house and were attacked", "He said licences would be removed": whoever a
        # passive shares a subject with is acted on, not the doer (but "Dahl began talks and *is
        # expected to* form a government": she is who will form it)
        return []
    dep = tok.dep_
    if dep in ("pcomp", "pobj") and tok.tag_ == "VBG" and head.lower_ == "as" and head.dep_ == "prep":
        # "quoted Lavrov as saying", "described the plan as being flawed": the object is the one who says
        objects = [c for c in head.head.children if c.dep_ == "dobj"]
        if objects:
            return objects
    if dep == "dep" and (subject := _subject_read_as_object(tok)) is not None:
        return [subject]
    if (first := joined_to_inner_participle(tok)) is not None:
        return subject_tokens(first, depth + 1)
    if dep == "conj" and head.pos_ in VERBAL:
        stray = _stray_name_before(tok)
        if stray is not None:
            return [stray]
        if _sayer_acts_again(head, tok):
            return subject_tokens(head.head, depth + 1)
        if _modal_complement_without_subject(head):
            # "insisted Mr Brown will have a role, and praised his handling": the parser joined the
            # saying's second act to what was said; it is the sayer's
            return subject_tokens(head.head, depth + 1)
        if _finite_after_modal_in_participles_words(head, tok):
            # "Biden has opposed the deal, saying that US Steel should remain American, and is expected to block it":
            # a finite verb cannot share what was said's modal; it goes on the clause the participle hangs on
            return subject_tokens(head.head.head, depth + 1)
        passive = [c for c in head.children if c.dep_ == "nsubjpass"]
        if passive and tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in head.children) \
                and any(c.dep_ in ("dobj", "attr") for c in tok.children):
            # "Ishiba was elected on Tuesday and named a cabinet", "... and became leader": the one acted on acts in
            # the active verb with an object ("has been criticised and challenged in the courts" shares the passive)
            return list(dict.fromkeys(t for s in passive for t in (s, *s.conjuncts)))
        return subject_tokens(head, depth + 1)
    if dep == "acomp":
        return subject_tokens(head, depth + 1)
    if dep == "advcl" and tok.tag_ == "VBG" and head.dep_ == "xcomp" and head.head.pos_ in VERBAL and tok.i > 0 \
            and tok.doc[tok.i - 1].text == ",":
        # "urged people to develop a sense of belonging, telling them to speak English": a participle
        # set off after an infinitive tells what the one who urged did, not the people urged
        return subject_tokens(head.head, depth + 1)
    if dep == "ccomp" and head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        if relative_is_subject(head):
            return []  # "the army, which said [Chinese personnel ...] seized eight rifles": the army says it
        return [head.head]  # "something he says will boost their cause": what the relative clause is about does it
    if (headline := headline_doer(tok)) is not None:
        return [headline]
    if _modal_complement_without_subject(tok):
        # "said he was certain MPs would get a chance": a clause with a modal of its own has its own
        # subject, which the parser lost; the one who says it is not the one who will do it
        return []
    if dep == "advcl" and _modal_complement_without_subject(head):
        # "does not believe abortion should be an issue, arguing ...": the participle is the believer's
        return subject_tokens(head.head, depth + 1)
    if dep == "advcl" and tok.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("mark", "aux", "auxpass") for c in tok.children):
        # "the two men are behaving like schoolboys and the Lib Dems claim ...": a present tense with no subject nor
        # mark is a clause of its own whose subject the parser took for an object; not the other clause's subject's
        return []
    if dep == "advcl" and tok.tag_ == "VBG" and (told := next((c for c in head.children if c.dep_ == "parataxis"
                                                               and c.i < tok.i and c.lemma_.lower() in _SET_IN_SAYINGS
                                                               and any(g.dep_ == "nsubj" for g in c.children)), None)):
        return subject_tokens(told, depth + 1)  # "Assad left, the ministry said, adding that ...": the ministry adds
    if dep in ("xcomp", "ccomp", "advcl", "acl") and head.pos_ in VERBAL:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if dep == "xcomp" and objs and head.lemma_.lower() not in MEANS_VERBS:
            return objs
        if dep == "xcomp" and head.lemma_.lower() in _CONTROL_PASSIVES or (
                dep == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _SPEAKING_PARTICIPLES):
            # ("was sworn in as president, calling on China to stop": the one sworn in calls)
            passive = [c for c in head.children if c.dep_ == "nsubjpass"]
            if not passive and head.dep_ == "xcomp" and head.head.lemma_ == "be":
                # "Boeing's units are to be allowed to bid": the subject hangs on the "be" the passive is arranged by
                passive = [t for c in head.head.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)]
            if passive:
                return passive
        return subject_tokens(head, depth + 1)
    if past_tense_on_root_name(tok):
        return [head]
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        titled = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < tok.i]
        if dep == "acl" and (tok.tag_ == "VBD" or head.dep_ == "ROOT") and titled:
            return titled[:1]  # "Boeing's chief executive, Dave Calhoun, announced": read as the title's clause
        poss = [c for c in head.children if c.dep_ == "poss"]
        if dep == "acl" and tok.tag_ == "VBN" and head.dep_ == "ROOT":
            return []  # "Taiwan's new president sworn in": a headline's passive, done to the president, not by Taiwan
        if dep == "acl" and tok.tag_ == "VBG" and poss and tok.lemma_ in _SET_IN_SAYINGS | _SPEAKING_PARTICIPLES:
            return [head]  # "Mr Flight's allies saying they had support": the allies say it, as "his allies said" would
        if poss or dep == "relcl" or not is_purpose(tok):
            return poss
        # "Boeing won a contract to supply the air force": who holds the contract does the supplying
        if head.dep_ in ("dobj", "attr") and head.head.pos_ in VERBAL:
            return subject_tokens(head.head, depth + 1)
        return []
    if dep == "xcomp" and head.pos_ == "ADJ":
        return subject_tokens(head.head, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        verb = head.head.head if head.head.dep_ == "advmod" and head.head.pos_ == "ADV" else head.head  # "stopped short of"
        if verb.pos_ in VERBAL:
            doers = subject_tokens(verb, depth + 1)
            if not doers and tok.tag_ == "VBG" and not passive_agent(verb):
                # "Boeing was suspended after violating federal law": who underwent the passive did the act told with it
                return [t for c in verb.children if c.dep_ == "nsubjpass" for t in (c, *c.conjuncts)]
            return doers
        det = {c.lower_ for c in verb.children if c.dep_ == "det"}
        if verb.dep_ == "dobj" and verb.head.lemma_ == "have" and head.lower_ == "of" and det & {"no", "any", "every", "the"}:
            return subject_tokens(verb.head, depth + 1)  # "Norway has no intention of attacking" (not "a job of")
        if verb.dep_ == "pobj" and verb.head.lower_ in ("on", "in") and verb.head.head.lemma_ == "be" and "the" in det:
            return subject_tokens(verb.head.head, depth + 1)  # "Norway was on the verge of / in the process of signing"
    return []


def _fronted_appositive(verb: Token) -> list[Token]:
    """ "In response to the comments, Ann Halvorsen, leader of the group, said": the parser hangs the
    name on the noun of the fronted phrase as its appositive; a name that ends just before the verb
    (after its own title) is the verb's subject."""
    for c in verb.children:
        if c.dep_ != "prep" or c.i > verb.i:
            continue
        for t in c.subtree:
            if (t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "GPE")
                    and (t.right_edge.i == verb.i - 1 or (t.right_edge.i == verb.i - 2 and verb.doc[verb.i - 1].text == ","))):
                return [t]
    return []


def past_tense_on_root_name(verb: Token) -> bool:
    """ "President Tomas Varga named Lena Holm as foreign minister": a verb the tagger reads as a past
    tense, which the parser hangs on the name just before it as the sentence's root, is that name's act
    (and no part of the name's phrase)."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and verb.i == head.i + 1
            and (head.pos_ == "PROPN" or bool(head.ent_type_)))


#: entity types of a name that can head a clause as its doer
_NAMED_DOERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def headline_doer(verb: Token) -> Token | None:
    """ "Blair to visit Iraq next week": a headline's "NAME to VERB" (a plan announced) has no finite
    verb; the parser makes the name the root and hangs the verb on it. The name is the doer."""
    head = verb.head
    to = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.dep_ not in ("relcl", "acl", "advcl", "xcomp") or to is None or to.lower_ != "to" or to.dep_ != "aux" \
            or to.head.i != verb.i or to.i == 0:
        return None
    name = verb.doc[to.i - 1]
    if name.i != head.i:
        # "Automaker GM to cut 10,000 jobs": the line's first word read as its verb, the name as its object
        opens = head.i == head.sent.start == 0 and head.dep_ == "ROOT" and name.head.i == head.i
        return name if opens and (name.pos_ == "PROPN" or name.ent_type_ in _NAMED_DOERS) else None
    # "Trump to make announcement on tariffs, commerce secretary says": the name at the line's start,
    # tagged a verb, hung on the saying
    first = head.i == head.sent.start and head.ent_type_ in _NAMED_DOERS
    if (head.dep_ != "ROOT" and not first) or not (head.pos_ == "PROPN" or head.ent_type_):
        return None
    return head


def _subject_inside_date_phrase(verb: Token) -> Token | None:
    """ "On Monday Germany said": the parser reads "Monday Germany" as one noun phrase under "On", so
    the verb has no subject; the name after the date is it."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i or prep.lower_ not in ("on", "in", "by", "since", "at"):
            continue
        for name in prep.children:
            if name.dep_ == "pobj" and name.ent_type_ in _NAMED_DOERS and any(
                    c.dep_ in ("compound", "nmod", "npadvmod") and c.ent_type_ in ("DATE", "TIME") for c in name.children):
                return name
    return None


def _name_set_off_before(verb: Token) -> Token | None:
    """ "Responding to the speech, shadow chief secretary George Osborne, said", "In a speech to the
    Foreign Policy Centre Mr Straw said": the parser hung the name on the opening phrase and left the
    finite verb without a subject; a person's name just before the verb (set off by commas, or
    read as the object of the opening preposition) is who did it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
        return None
    doc = verb.doc
    j = verb.i - 1
    comma = doc[j].text == ","
    j -= comma
    name = doc[j]
    if name.ent_type_ != "PERSON" or name.pos_ != "PROPN" or name.dep_ in ("nsubj", "nsubjpass", "compound"):
        return None
    if not comma:
        return name if name.dep_ == "pobj" and name.head.i < name.i else None
    first = name.i
    while first > 0 and doc[first - 1].ent_type_ == "PERSON" and doc[first].ent_iob_ != "B":
        first -= 1
    return name if first > 0 and doc[first - 1].text == "," else None


def relative_is_subject(verb: Token) -> bool:
    """A relative clause whose own subject is its relative pronoun ("the army, *which* said ..."): the noun it
    describes does the clause's verb, not what that verb governs."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in verb.children)


def among_those(verb: Token) -> list[int] | None:
    """ "X was among those killed", "two journalists were among the people arrested": the tokens of
    the copula clause whose subject the participle happened to, or None."""
    group = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or group.dep_ != "pobj" or group.lower_ not in ("those", "people"):
        return None
    among = group.head
    copula = among.head
    if among.lower_ != "among" or copula.lemma_ != "be":
        return None
    subjects = [c for c in copula.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    return [*(t.i for s in subjects for t in s.subtree), copula.i, among.i, *(t.i for t in group.subtree if t.i < verb.i)]


def raised_subjects(verb: Token) -> list[Token]:
    """ "Kuchma is expected to be arrested", "the embargo is likely to be lifted", "he hopes to be elected": a
    passive infinitive with no subject of its own is done to the subject of the verb or adjective above it."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    head = verb.head.head if verb.head.dep_ == "acomp" else verb.head  # "is likely to be": the copula's subject
    # the one nearest: a second is the parser's slip ("The home secretary, whose plan is expected to be published, rejected")
    return [s for s in head.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < head.i][-1:]


def raised_patient(verb: Token) -> list[int] | None:
    """The tokens of the subject a passive infinitive is done to (`raised_subjects`), or None."""
    return [t.i for s in raised_subjects(verb) for t in s.subtree] or None


def _quote_between(subject: Token, verb: Token) -> bool:
    """A quotation mark stands between the subject and its verb."""
    lo, hi = sorted((subject.i, verb.i))
    return any(t.text in OPENING_MARKS or t.text in CLOSING_MARKS for t in subject.doc[lo + 1 : hi])


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun is an argument of, climbing "the round *of negotiations*" chains."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            return cur.head if cur.head.pos_ in VERBAL else None
        if cur.dep_ == "pobj":
            prep = cur.head
            if prep.head.pos_ in VERBAL and prep.lower_ in ("in", "at", "during"):
                return prep.head
            cur = prep.head
            continue
        return None
    return None


def by_phrase(noun: Token) -> list[Token]:
    """Who a noun's "by" names ("the announcement by GM", "allegations by the Vestia Front")."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
