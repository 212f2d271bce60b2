"""The words that name an act (an event's `trigger`): the verb, a governing verb that is no act of its
own ("plans to close"), an object that is itself a noun of an act ("negotiated the purchase") and the
act such a noun is for ("the decision to ban")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.nlp.events.clause_shapes import (
    adjective_complement,
    aim_held,
    infinitive_right_after,
    means_head,
    negating_phrase_head,
)
from reader.nlp.events.clauses import ClauseFinder
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.lexicon import Lexicon, doer_subject, names_an_act
from reader.nlp.events.subjects import MEANS_VERBS, VERBAL
from reader.nlp.events.summary import glued_start

#: CAMEO codes of acts that judge or answer another act (statements, appeals, praise, demands,
#: disapproval, rejection, threats): their object noun is that other act, not part of the trigger
#: (with it, storylines took "backed the proposals" of one story for another's backing: pair precision
#: 0.898 -> 0.865 on the storyline evaluation, for one more MEANTIME event)
_JUDGING = ("01", "02", "051", "10", "11", "12", "13")

#: how many words an object that names an act, or what that act is for, may lie from the word before it
#: ("won a 13 billion pound *contract*", "signed a contract with the ministry *to supply*")
_OBJECT_REACH = 6


class TriggerWords:
    """The trigger words of one document's acts."""

    def __init__(self, doc: Doc, lex: Lexicon, finder: ClauseFinder) -> None:
        self.doc = doc
        self.lex = lex
        self.finder = finder

    def trigger_range(self, c: EventClause) -> tuple[int, int]:
        idx = [c.trigger.i, glued_start(self.doc, c.trigger.i), *[i for i in c.match.extra if abs(i - c.trigger.i) <= 2
                                                                   and not doer_subject(self.doc[i], self.lex)]]
        gov = self.governor(c.trigger) if c.head is c.trigger else None
        if gov is not None:
            idx.append(gov.i)
        judging = (c.code or "").startswith(_JUDGING)
        if c.trigger.dep_ == "acl" and c.trigger.tag_ == "VBN" and 0 < c.trigger.i - c.trigger.head.i <= 2 and not judging and not any(
                t.is_punct for t in self.doc[c.trigger.head.i + 1 : c.trigger.i]) and (
                self.act_noun(c.trigger.head) or c.trigger.head.lemma_.lower() in self.lex.cue("meeting_noun")):
            # "a press conference held by Apple", "a ceasefire brokered by Turkey": the act held is named by its noun
            # (not "a claim denied by the chancellor": the denial judges another's act)
            noun = c.trigger.head
            idx.extend([noun.i, *(t.i for t in noun.lefts if t.dep_ == "compound" and t.i == noun.i - 1)])
        if c.match.entry.pos == "ADJ":
            idx.append(adjective_complement(c.trigger))  # "willing *to contribute*": the act it is ready for
        if not c.is_noun and not c.match.entry.speech:
            # "won an order", "negotiated the purchase", "opened the negotiations": an act whose object is
            # a noun of an act is told by both words ("condemned the raid" judges someone else's act; "launched
            # an attack on the plans", an attack in words, is the launcher's own)
            own = c.match.entry.defer or not c.match.entry.code.startswith(_JUDGING)
            force = self.lex.cue("words_of_force_verb")
            idx.extend(ch.i for ch in c.trigger.rights if ch.dep_ == "dobj" and 0 < ch.i - c.trigger.i <= _OBJECT_REACH
                       and not any(t.dep_ == "punct" for t in self.doc[c.trigger.i + 1 : ch.i])
                       and self.act_noun(ch) and (not judging or own and ch.lemma_.lower() in force))
        idx.extend(self._purpose_of_act_noun(self.doc[i]) for i in list(idx) if i == c.trigger.i and c.is_noun or i != c.trigger.i)
        idx = [i for i in idx if i >= 0]
        lo, hi = min(idx), max(idx)
        return self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi].text)

    def _purpose_of_act_noun(self, noun: Token) -> int:
        """'made the decision *to ban*', 'a contract *to buy*': the act a noun of an act is for, told just
        after it, belongs to the trigger (-1 when there is none)."""
        if noun.pos_ not in ("NOUN", "PROPN") or not self.act_noun(noun):
            return -1
        for ch in noun.rights:
            if ch.dep_ in ("acl", "relcl") and ch.pos_ in VERBAL and 2 <= ch.i - noun.i <= _OBJECT_REACH and self.doc[
                    ch.i - 1].lower_ == "to" and not any(t.dep_ == "punct" for t in self.doc[noun.i + 1 : ch.i]):
                return ch.i
        return -1

    def act_noun(self, tok: Token) -> bool:
        """A noun that names an act: one of the lexicon's nouns, or the same word as one of its verbs
        ("protested the *award*", "lifted the *ban*")."""
        return names_an_act(tok.lemma_.lower(), self.lex)

    def governor(self, trig: Token) -> Token | None:
        """'GM *plans to* close plants', 'Apple *began* selling films', 'Boeing was *allowed to* bid': the
        verb whose complement the act is, when it is no act of its own, says the act was planned, begun
        or permitted, so the summary shows it; only just before the act. (Widening the trigger and the
        clause to it instead found 3 more MEANTIME events but cost participant precision 0.801 -> 0.788
        and hedge agreement 0.930 -> 0.921: MEANTIME annotates the plan as an asserted event of its own.)"""
        head = trig.head
        if (phrase := negating_phrase_head(trig, self.lex) or aim_held(trig, self.lex) or means_head(trig)) is not None:
            return None if phrase.i in self.finder.by_head else phrase  # "refrained from attacking", "has no plans to"
        if trig.dep_ == "xcomp" and head.lemma_.lower() in MEANS_VERBS and head.i not in self.finder.by_head \
                and 0 < trig.i - head.i <= 10 and any(c.dep_ == "dobj" and head.i < c.i < trig.i and c.tag_ not in ("WDT", "WP")
                                                      for c in head.children):
            return head  # "had used a special power on Monday to push through the budget": the means tells the act (not
            # "weapons which could be used by China to threaten Taiwan", whose doer and means the row would leave out)
        if trig.dep_ != "xcomp" or trig.pos_ not in VERBAL or not 0 < trig.i - head.i <= 3:
            return None
        governors = self.lex.cue("phase_governor") if head.pos_ in VERBAL else self.lex.cue(
            "negating_governor") | self.lex.cue("hypothetical_governor")
        if head.i in self.finder.by_head or head.lemma_.lower() not in governors:
            return None  # (an adjective: "is unwilling to send its minister", "is likely to retaliate")
        return head if infinitive_right_after(head, trig) else None
