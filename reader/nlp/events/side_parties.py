"""Parties to an act that are not acted on: who mediated the frame it was done in, and what its
cause names. Used by the event builder to keep them among the act's actors but out of its targets.
"""

from __future__ import annotations

from spacy.tokens import Token

from reader.nlp.events.lexicon import Lexicon


def go_between(tok: Token, verb: Token) -> bool:
    """ "exchanged 103 prisoners each in a deal mediated by the UAE", "at talks hosted by Qatar": who
    mediated the frame an act was done in takes part but is not acted on (unlike "condemned the sanctions
    imposed by the EU", the act's own object)."""
    for anc in (tok, *tok.ancestors):
        if anc.i == verb.i:
            return False
        if anc.dep_ == "agent" and anc.head.dep_ == "acl" and anc.head.tag_ == "VBN" and anc.head.i != verb.i:
            noun = anc.head.head
            if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
                return False
            while noun.dep_ in ("pobj", "prep") and noun.i != verb.i:
                noun = noun.head  # ("agreed to a truce at talks hosted by Qatar")
            return noun.i == verb.i
    return False


#: Two-word prepositions of cause: "because of", "due to", "owing to", "thanks to".
_CAUSE = {"because": "of", "due": "to", "owing": "to", "thanks": "to"}


def reason_for(tok: Token, verb: Token) -> bool:
    """ "was expelled because of his opposition to the war on Iraq", "cancelled due to the strike in
    France": a name inside the act's cause is not what the act was done to."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return False
        if anc.lower_ in _CAUSE and any(c.lower_ == _CAUSE[anc.lower_] for c in anc.children) \
                or anc.lower_ in _CAUSE.values() and anc.i > 0 and _CAUSE.get(anc.doc[anc.i - 1].lower_) == anc.lower_:
            return True
    return False


def brokered(noun: Token, participle: Token, lex: Lexicon) -> bool:
    """ "talks mediated by Qatar", "the deal, brokered by the US": a gathering or a pact someone brought about;
    whoever did takes part in what it then does, but does not do it."""
    cue = lex.cue
    return participle.lemma_.lower() in cue("go_between_verb") and (
        noun.lemma_.lower() in cue("meeting_noun") | cue("pact_noun") or noun.lower_ in cue("meeting_noun"))


def struck_or_discussed(noun: Token, lex: Lexicon) -> bool:
    """An attack or a strike (what it is "on" was struck), or talks (what they are "on" is their topic): either
    way no doer."""
    entries = lex.entries.get((noun.lemma_.lower(), "NOUN"), ())
    return noun.lower_ in lex.cue("meeting_noun") or any(e.code[:2] in ("18", "19", "20") for e in entries)
