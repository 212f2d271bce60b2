"""The clause an event is read from, and what a token inherits from the clause above it: the
records `clauses.ClauseFinder` builds and the rest of the events package reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from reader.nlp.events.clause_shapes import body_simple_present, has_own_subject_or_aux, mark_of
from reader.nlp.events.lexicon import Match
from reader.nlp.events.subjects import VERBAL


@dataclass(slots=True)
class Ctx:
    """What a token inherits from above it."""

    owner: EventClause | None = None
    hyp: bool = False
    neg: bool = False
    speaker: EventClause | None = None


@dataclass(eq=False, slots=True)
class EventClause:
    trigger: Token
    match: Match
    #: the clause's head: the trigger, or the copula of an adjective trigger ("is *ready* to")
    head: Token
    parent: EventClause | None
    link: str
    hyp: bool = False
    neg: bool = False
    speaker: EventClause | None = None
    conditional: bool = False
    #: source named by "according to X", "as X confirmed", or the speaker of a speech verb
    attribution_tokens: list[Token] = field(default_factory=list)
    reported_adverb: bool = False
    #: tokens owned by this event and bound to it (not in a free sub-clause)
    bound: list[int] = field(default_factory=list)
    owned: list[int] = field(default_factory=list)
    #: complement whose act names this one ("decision *to suspend*")
    complement: Token | None = None
    #: for a coordinated act, the event of the verb it is coordinated with
    sibling: EventClause | None = None
    code: str = ""
    #: a threat read from what the speaker says its named subject will do; it holds only if that
    #: subject turns out to be the speaker ("Beijing said China would impose sanctions")
    threat_by: EventClause | None = None
    unthreatening_code: str = ""
    nested: list[EventClause] = field(default_factory=list)
    #: what a speech verb reports (`reported.content_tokens`), read once per clause
    content: frozenset[int] | None = None
    #: the kind of saying a participle before it named ("*Criticising* the plan, he said")
    manner: Match | None = None

    @property
    def is_noun(self) -> bool:
        return self.match.entry.pos == "NOUN"


#: CAMEO roots of asking, offering and demanding: what they ask for is not yet done ("called for talks with X")
_ASKING = frozenset({"02", "03", "10"})


def names_owners_act(noun: Token, match: Match, owner: EventClause | None) -> bool:
    """The event noun is the argument of a verb of its own kind, or what a verb of asking asks for,
    and has no doer of its own: "engaged in talks with X", "called for dialogue with X" are one act."""
    if owner is None or owner.is_noun:
        return False
    if owner.match.entry.category != match.entry.category:
        asked = noun.dep_ == "dobj" or noun.dep_ == "pobj" and noun.head.lower_ == "for"
        own_doer = any(c.dep_ in ("poss", "compound", "nmod", "amod") and c.ent_type_ or c.lower_ == "by" for c in noun.children)
        if owner.match.entry.category not in _ASKING or not asked or own_doer:
            return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb.i in (owner.head.i, owner.trigger.i) and not any(c.dep_ == "poss" for c in noun.children)


def fronted_manner_of(verb: Token, owner: EventClause | None) -> bool:
    """A participle before a saying, sharing its speaker and no conjunction of its own ("Defending
    the plans, he said"): what kind of saying it was; or what it answered ("Asked if he would
    resign, he said"), which the speaker did not do."""
    return (owner is not None and owner.match.entry.speech and verb.tag_ in ("VBG", "VBN") and verb.i < owner.trigger.i
            and not mark_of(verb) and not has_own_subject_or_aux(verb))


def held_in_present(noun: Token) -> bool:
    """ "The US, which has a mutual defence treaty with the Philippines": an act noun that something simply
    has, in the present, is what is so (not "had talks with", which were held)."""
    verb = noun.head  # (a date makes it a schedule, "has talks with Vestia on Monday"; a headline's present is its past)
    return (noun.dep_ == "dobj" and verb.lemma_ == "have" and body_simple_present(verb)
            and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree))


def told_as_done(ev: EventClause) -> bool:
    """An asserted act in the simple past or a perfect ("criticised", "has confirmed", "had met")."""
    verb = ev.head
    if ev.hyp or verb.pos_ not in VERBAL:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.lower_ == "to" for c in auxes):
        return False
    perfect = verb.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in auxes)
    return perfect or (verb.tag_ == "VBD" and not auxes)
