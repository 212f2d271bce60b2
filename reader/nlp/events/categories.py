"""An event's code: its trigger's, else the act its complement names ("decision *to suspend* aid"
is a suspension), and a threat when a coercive act is announced rather than done."""

from __future__ import annotations

from spacy.tokens import Token

from reader.model import Event
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.lex_entry import LexEntry, category_of
from reader.nlp.events.lexicon import OTHER_ACT, RESULT_PREPS, Lexicon, Match, counts_what_follows
from reader.nlp.events.subjects import subject_tokens

#: "an address she gave *during* a lecture tour": what a light verb did while, not what it did.
_WHILE_PREPS = frozenset({"during", "amid", "amidst"})

#: CAMEO roots of coercive acts: saying one will do them is a threat.
_COERCIVE = frozenset({"15", "16", "17", "18", "19", "20"})


def assign_code(c: EventClause, lex: Lexicon, matches: dict[int, Match],
                children_of: dict[int, list[EventClause]]) -> None:
    """Set `c.code` and `c.complement`; `children_of` holds the clauses nested in each clause."""
    entry = c.match.entry
    c.code = entry.code
    if c.manner is not None and category_of(c.code) == "01":
        c.code = c.manner.entry.code  # "Criticising the decision, he said it was a mistake": a criticism
    comp = complement(c.trigger, entry, matches, lex)
    c.complement = comp
    if category_of(entry.code) == "13":
        comp = None  # "threatened sanctions against Norland": a threat, whatever it threatens
    depth = 0
    while comp is not None and depth < 3:
        inner = matches[comp.i].entry
        c.code = inner.code
        comp = complement(comp, inner, matches, lex) if inner.defer else None
        depth += 1
    if entry.lemma == "pass" and c.code == OTHER_ACT and any(
            s.lemma_.lower() in lex.cue("legislature_noun") for s in subject_tokens(c.head)):
        c.code = "LAW"  # "the House passed the Ukraine portion": what a chamber passes is a measure
    if (category_of(c.code) == "LAW" or category_of(c.code) == "03" and any(
            o.dep_ == "dobj" and o.lemma_.lower() in lex.cue("law_noun") for o in c.trigger.children)) and (
            purpose := _coercive_purpose(c.trigger, matches)) is not None:
        c.code = purpose  # "passed a law to ban surrogacy abroad": CAMEO codes a law by what it forces
    if entry.lemma in lex.cue("words_of_force_verb") and category_of(c.code) == "19" and _person_subject(c.head):
        c.code = "111"  # "Mr Cable attacked Labour's 'unfair' taxes": a person's attack is in words
    elif category_of(c.code) == "19" and _person_subject(c.head) and _attack_in_words(c, lex):
        c.code = "111"  # "Mr Kennedy renewed his attack on the war in Iraq": so is the attack he makes
    if c.code == "010" and (judged := _judgement(c.trigger, lex)) is not None:
        c.code = judged  # "said the bill had been badly drawn up", "called the agreement good news"
    if entry.lemma in lex.cue("mandative_verb") and _mandates(c.trigger):
        c.code = "100"  # "Moscow insisted that Kyiv pull its forces out": a demand, not a statement
    threat_carrier = entry.lemma in lex.cue("threat_carrier")
    if (entry.speech or threat_carrier) and not c.neg and entry.lemma not in lex.cue("denial_verb"):
        # "Trump said he would place tariffs", "China vowed to retaliate": announcing a coercive
        # act one has not done yet is a threat (CAMEO 13); denying one, or not saying it, is none
        for nested in children_of.get(id(c), ()):
            coercive = category_of(nested.match.entry.code) in _COERCIVE or _retaliates(nested.trigger, lex) and any(
                ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll") for ch in nested.head.children)
            own = _speakers_own_act(c, nested) if nested.hyp and coercive else False
            if own:
                c.unthreatening_code, c.code = c.code, "130"
                c.threat_by = nested if own == "named" else None
                break
        if threat_carrier and _vows_retaliation(c.trigger, lex):
            c.code = "130"


#: CAMEO roots a law's purpose may have that code the law itself: rejecting, coercing, sanctioning.
_LAW_PURPOSES = frozenset({"12", "16", "17"})


def _coercive_purpose(trigger: Token, matches: dict[int, Match]) -> str | None:
    """The code of what a law, decree or ruling is passed "to" do, when that is coercive ("a law to ban
    surrogacy", "a decree to try to bypass the ruling", "came into effect to extend the ban")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "nsubjpass"))]
    for head in heads:
        for verb in head.children:
            if verb.dep_ not in ("acl", "relcl", "advcl", "xcomp") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
                continue
            for _ in range(3):  # "to try to bypass": what is tried
                match = matches.get(verb.i)
                if match is not None and category_of(match.entry.code) in _LAW_PURPOSES:
                    return match.entry.code
                verb = next((x for x in verb.children if x.dep_ == "xcomp"), verb)
    return None


#: Nouns whose infinitive announces what one means to do ("a plan to attack", "its decision to impose").
_INTENT_NOUNS = frozenset({"plan", "intention", "decision", "move", "bid", "pledge", "promise", "vow", "readiness",
                           "determination", "intent", "threat", "ultimatum"})

#: who may be the speaker again in what the speaker says ("Trump said *he* would place tariffs")
_SPEAKER_AGAIN = frozenset({"i", "we", "he", "she", "it", "they"})


def _speakers_own_act(saying: EventClause, nested: EventClause) -> bool | str:
    """A threat announces the speaker's own act: "vowed to retaliate", "said he would place tariffs",
    "said Norland would impose sanctions" (Norland speaking); not "said people should only be punished
    after a trial", "said the Home Office should consider removing them", which judge others' acts.
    "named" when a name is the subject: whether it is the speaker is known once both have doers."""
    if any(c.dep_ == "auxpass" for c in nested.head.children):
        return False
    noun = nested.head.head
    if nested.head.dep_ in ("acl", "relcl") and noun.pos_ == "NOUN" and noun.lemma_.lower() not in _INTENT_NOUNS:
        return False  # "was not the only way to fight terrorism": a purpose named, not one announced
    subject = subject_tokens(nested.head)
    if not subject or nested.head.dep_ == "xcomp":
        return True
    speaker = {t.lower_ for s in subject_tokens(saying.head) for t in s.subtree}
    if any(s.lower_ in _SPEAKER_AGAIN or s.lower_ in speaker for s in subject):
        return True
    # a name may be the speaker's other name ("Beijing said China would"): the doers decide, once known
    return "named" if any(s.ent_type_ or s.pos_ == "PROPN" for s in subject) else False


def _judgement(saying: Token, lex: Lexicon) -> str | None:
    """A criticism (111) or praise (051) when what the saying reports, or what it calls its object, judges
    it: "said the plan was wrong", "had been badly drawn up", "called the decision a betrayal", "described
    the plan as a shambles"; "called the agreement good news" (not "was not wrong", nor "was badly hit":
    a harm suffered judges nobody)."""
    bad, good, done_badly = lex.cue("criticism_word"), lex.cue("praise_word"), lex.cue("badly_done_verb")
    judged: list[Token] = [c for c in saying.children if c.dep_ == "oprd"]
    judged += [g for c in saying.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    for clause in (c for c in saying.children if c.dep_ == "ccomp"):
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        judged += [c for c in clause.children if c.dep_ in ("acomp", "attr")]
        for done in (clause, *(c for c in clause.children if c.dep_ == "acomp")):  # "had been badly drawn up"
            if done.lemma_.lower() in done_badly and any(c.lower_ in ("badly", "poorly") for c in done.children):
                return "111"
    for word in judged:
        qualities = {word.lower_, *(f"{c.lower_} {word.lower_}" for c in word.children if c.dep_ == "amod")}
        if qualities & bad:
            return "111"
        if qualities & good:
            return "051"
    return None


def _person_subject(verb: Token) -> bool:
    """The verb's subject is a person's name ("Mr Cable", "Vince Cable"), not a force, state or group, and
    what is attacked no place ("Putin attacked Ukraine" is his army's war)."""
    places = any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in verb.children)
    return not places and any(s.ent_type_ == "PERSON" for s in subject_tokens(verb))


def _attack_in_words(c: EventClause, lex: Lexicon) -> bool:
    """The trigger's own noun is an attack of the words-of-force kind ("renewed *his attack* on the war"),
    made on no place and nothing a force attacks ("launched an attack on rebel positions")."""
    doc = c.head.doc
    force = lex.cue("words_of_force_verb")
    nouns = [t for t in (*(doc[i] for i in c.match.extra), *c.head.children)
             if t.pos_ == "NOUN" and t.dep_ in ("dobj", "compound", "pobj") and t.lemma_.lower() in force]
    if not nouns:
        return False
    on = [g for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in ("on", "against") for g in p.children
          if g.dep_ == "pobj"]
    return not any(g.ent_type_ in ("GPE", "LOC", "FAC") or g.lower_ in lex.cue("military_target_noun") for g in on)


def _mandates(verb: Token) -> bool:
    """ "insisted that Kyiv *pull* its forces out": a clause in the bare subjunctive, with a subject of
    its own and no auxiliary, says what must be done ("insisted he *had been* involved" says what is)."""
    return any(c.dep_ == "ccomp" and c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children)
               and not any(g.dep_ in ("aux", "auxpass") for g in c.children) for c in verb.children)


def _vows_retaliation(trig: Token, lex: Lexicon) -> bool:
    """'vowed to retaliate', 'pledged to hit back', 'vowed to respond with resolute measures': an
    answer in kind promised to someone is a threat, whatever the answer's own verb codes as."""
    return any(comp.dep_ == "xcomp" and _retaliates(comp, lex) for comp in trig.children)


def _retaliates(verb: Token, lex: Lexicon) -> bool:
    """An answer in kind: "retaliate", "hit back", "respond with resolute measures / in kind / forcefully"
    (not "respond to the letters"); said of oneself as still to come, a threat ("said Israel would respond
    forcefully to any violation")."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.cue("retaliation_verb"):
        return False
    if lemma in ("hit", "strike"):
        return any(ch.dep_ in ("prt", "advmod") and ch.lower_ == "back" for ch in verb.children)
    if lemma == "respond":
        return any((ch.dep_ == "prep" and ch.lower_ in ("with", "in")) or ch.dep_ == "advmod" for ch in verb.children)
    return True


def complement(trig: Token, entry: LexEntry, matches: dict[int, Match], lex: Lexicon) -> Token | None:
    """The act a deferring head ("decision to suspend") or a speech verb's object ("announced sanctions") names.
    The object of a verb that takes its hearer as object ("told a Commons inquiry") is who was told."""
    if not (entry.defer or entry.speech):
        return None
    hearer_object = entry.speech and trig.lemma_.lower() in lex.cue("hearer_object_verb")
    # "joined in the protests": with no object of its own, a light verb's act may follow a preposition
    bare = not any(child.dep_ == "dobj" for child in trig.children)
    circumstance = lex.cue("temporal_prep_excluded") | _WHILE_PREPS
    for child in trig.children:
        if entry.defer and child.dep_ in ("xcomp", "acl", "ccomp") and child.i in matches and not (
                child.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)):
            return child  # not a clause with a subject of its own ("How can they fight crime?")
        if entry.defer and child.dep_ == "prep" and (child.lower_ in ("of", "on") or bare and child.lower_ not in RESULT_PREPS
                                                     and child.lower_ not in circumstance):
            for g in child.children:
                if g.dep_ == "pobj" and g.i in matches:
                    return g
        if entry.defer and bare and child.dep_ == "prep" and child.lower_ not in circumstance and (
                purpose := _purpose_of_object(child, matches)) is not None:
            return purpose  # "went to great lengths to reassure them": what the lengths were gone to for
        if child.dep_ == "dobj" and child.i in matches and matches[child.i].entry.pos == "NOUN" and not hearer_object:
            return child
        if entry.defer and child.dep_ == "nsubjpass" and child.i in matches and matches[child.i].entry.pos == "NOUN":
            return child  # "a complaint has been made by the Board": the passive light verb's act is its subject
        if entry.defer and child.dep_ == "dobj" and counts_what_follows(child):
            # "increased the number of attacks", "launched a wave of strikes": the act is what is counted
            for g in (g for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children):
                if g.dep_ == "pobj" and g.i in matches and matches[g.i].entry.pos == "NOUN":
                    return g
    return None


def _purpose_of_object(prep: Token, matches: dict[int, Match]) -> Token | None:
    return next((v for g in prep.children if g.dep_ == "pobj" for v in g.children if v.dep_ in ("acl", "relcl")
                 and v.i in matches and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)), None)


def confirm_threats(built: list[tuple[EventClause, Event]], lex: Lexicon, country_of: dict[str, str]) -> None:
    """ "Beijing said China would impose sanctions" is a threat (one actor), as is "Netanyahu said Israel would
    respond forcefully" (a leader for their country); "Ms Blears said the police would target Muslims" is
    not: the named subject of the announced act must be among the speaker's doers or their countries."""
    rows = {id(c): ev for c, ev in built}
    for c, ev in built:
        if c.threat_by is None:
            continue
        announced = rows.get(id(c.threat_by))
        sides = {*ev.agents, *(country_of[a] for a in ev.agents if a in country_of)}
        if announced is None or not set(announced.agents) & sides:
            c.code = c.unthreatening_code
            ev.category = category_of(c.code)
            ev.category_label = lex.label(ev.category)
