"""The modality a clause carries in its own words ("would", "reportedly", "if", "neither ... nor", "no talks"),
apart from the walk that finds clauses and passes down what governs them."""

from __future__ import annotations

from reader.nlp.events.clause_shapes import (
    arranged,
    as_aside,
    is_question,
    mark_of,
    own_hyp,
    performative_wish,
    speaker_tokens,
)
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.lexicon import Lexicon, Match
from reader.nlp.events.subjects import VERBAL, headline_doer


def own_modality(ev: EventClause, lex: Lexicon, matches: dict[int, Match]) -> None:
    """Set the hedges, negation and attribution a clause carries in its own words: its modal and adverbs, a
    condition, "according to", a question, a headline's "to" (what governs it is passed down the walk)."""
    heads = [ev.head] if ev.head is ev.trigger else [ev.head, ev.trigger]
    for h in heads:
        for child in h.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and low in ("never",)):
                ev.neg = True
            elif (child.dep_ in ("aux", "auxpass") and low in lex.cue("modal")) or (
                child.dep_ == "advmod" and low in lex.cue("hedge_adverb")
            ):
                ev.hyp = True
            elif child.dep_ == "advmod" and low in lex.cue("reported_adverb"):
                ev.reported_adverb = True
            elif child.dep_ == "advcl" and mark_of(child) in lex.cue("conditional_mark"):
                # "offered to travel if Putin attended", "ruled that, if the order is contested, the
                # venue is a federal court": the condition is on the complement, not the act
                ev.conditional = True  # (a threat names its condition: "threatened strikes if cuts go ahead")
                if not any(c.dep_ in ("xcomp", "ccomp") for c in h.children) and not ev.match.entry.code.startswith("13"):
                    ev.hyp = True
            elif child.dep_ == "prep" and low in lex.cue("attribution_phrase"):
                ev.attribution_tokens = [g for g in child.subtree if g.dep_ == "pobj"][:1]
            elif child.dep_ == "advcl" and mark_of(child) == "as" and child.i < ev.trigger.i:
                if child.i in matches and matches[child.i].entry.speech and as_aside(child, matches.get(child.i), lex):
                    ev.attribution_tokens = speaker_tokens(child)
            elif child.dep_ == "parataxis" and child.i in matches and matches[child.i].entry.speech:
                # "Norland, the minister said, will attend": said set into the claim it makes
                ev.attribution_tokens = speaker_tokens(child)
    for subject in (c for c in ev.head.children if c.dep_ in ("nsubj", "nsubjpass")):
        # "Neither the ministry nor the Kremlin commented", "No country has recognised it"
        if subject.lower_ in ("nobody", "none", "nothing", "neither") or any(
            c.lower_ in ("neither", "no") and c.dep_ in ("preconj", "det") for c in subject.children
        ):
            ev.neg = True
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in ev.head.children):
        ev.neg = True  # "Sweden neither signed nor ratified the treaty"
    if ev.is_noun:
        for child in ev.trigger.children:
            if child.dep_ == "amod" and child.lower_ in lex.cue("hypothetical_modifier"):
                ev.hyp = True  # "a possible visit", "the planned talks"
            elif child.dep_ == "det" and child.lower_ == "no":
                ev.neg = True  # "no talks with Moscow"
    if ev.is_noun and ev.trigger.dep_ in ("nsubj", "nsubjpass") and ev.trigger.head.pos_ in VERBAL:
        if own_hyp(ev.trigger.head, lex):
            ev.hyp = True  # "the decision could come in July": not taken yet
    if is_question(ev.trigger):
        ev.hyp = True  # "Will Iran retaliate?" asks; it does not assert
    if arranged(ev.head):
        ev.hyp = True  # "Galloway is to stand against King": arranged, not done
    if ev.hyp and performative_wish(ev.head, ev.trigger, lex):
        ev.hyp = False  # "would like to thank": the thanks are given
    if (ev.head.dep_ == "ROOT" or headline_doer(ev.head) is not None) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in ev.head.children):
        ev.hyp = True  # a headline's "Minister to unveil plan" announces; it has not happened
    if ev.is_noun and ev.trigger.dep_ == "pobj" and ev.trigger.head.lower_ not in lex.cue("concession_prep"):
        # "the talks" under "might step up its targeting": the governing verb's hedges apply (not to what
        # "despite" grants: "will act despite Bush's refusal to sign" tells a refusal made)
        verb = ev.trigger.head
        while verb.dep_ in ("prep", "pobj", "dobj") and verb.head.i != verb.i and verb.pos_ not in VERBAL:
            verb = verb.head
        if verb.pos_ in VERBAL and own_hyp(verb, lex):
            ev.hyp = True
