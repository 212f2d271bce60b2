"""Find the clauses that are acts: one trigger per act, with the tokens that belong to it.

One walk down each sentence's dependency tree decides, token by token, whether a lexicon trigger starts an
event of its own. The state carried down says how the token hangs from the nearest event above it:

- ``free``: an independent clause (root, coordinated verb, participial or finite adverbial clause, relative
  clause, what a speech verb reports): a trigger here is a new event;
- ``arg``: an argument or complement of an event ("refused *to join the sanctions*", "offered *to travel*",
  "*if Putin attended*"): part of that act, never an event of its own, so a sentence with one act gives one row;
- ``adjunct``: a prepositional adjunct of an event ("*Following a phone call with Putin*, Erdoğan said"):
  verbs stay part of the act, but an event noun with its own participants is an act;
- ``inert``: text set against the act or naming its source ("*Unlike the US*, Turkey...", "*as he wrote*"):
  neither an event nor a participant.

Each token also gets an owner (the nearest event above it, or itself): an event's text is the contiguous run
of tokens it owns around its trigger, so a sentence with a saying and a said thing gives two spans, not one
sentence dump.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX as AUX_SYMBOL
from spacy.symbols import VERB as VERB_SYMBOL
from spacy.tokens import Span, Token

from reader.nlp.doc_text import hashed_in, indices_where, sentences_back
from reader.nlp.events.clause_shapes import (
    act_before_or_after,
    ahead_of,
    alternative_not_taken,
    arranged,
    as_aside,
    brokered_gathering,
    closes_quotation_before,
    graded_participle,
    has_own_subject_or_aux,
    impersonal_report,
    lead_in_before_colon,
    mark_of,
    negating_phrase_head,
    opens_alternative,
    own_hyp,
    own_subject,
    participle_before_its_noun,
    quoted_saying,
    quoting_verb_of,
    quoting_verb_over_lead,
    raising_hedge,
    relative_clause_speaker,
    restated_as_claim,
    restated_speech,
    restating_appositive,
    shares_main_time,
    shares_negation,
    since_frame,
    speaker_tokens,
    state_in_present,
    words_referred_to,
    yet_to_come,
)
from reader.nlp.events.event_clause import Ctx, EventClause, fronted_manner_of, held_in_present, names_owners_act
from reader.nlp.events.lexicon import OTHER_ACT, LexEntry, Lexicon, Match, category_of
from reader.nlp.events.own_modality import own_modality
from reader.nlp.events.participants import PLACE_TYPES, ActorIndex
from reader.nlp.events.reported import content_tokens, running_quotation_speaker
from reader.nlp.events.subjects import (
    VERBAL,
    among_those,
    by_phrase,
    joined_to_inner_participle,
    raised_patient,
    raised_subjects,
    subject_tokens,
)
from reader.nlp.events.subjects import is_purpose as _is_purpose

FREE, ARG, ADJUNCT, INERT = "free", "arg", "adjunct", "inert"
#: Dependencies of an event that are complements or arguments: part of the same act.
ARG_DEPS = {"xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "csubj", "csubjpass", "attr", "dative", "oprd",
            "acomp", "agent", "acl", "pobj", "pcomp", "neg", "aux", "auxpass", "mark", "prt", "compound",
            "amod", "poss", "det", "nummod", "appos", "case", "expl", "quantmod", "predet", "nmod"}
ADJUNCT_DEPS = {"prep", "npadvmod", "advmod", "intj", "meta", "dep"}
INDEPENDENT_DEPS = {"relcl", "parataxis", "advcl", "conj"}
#: CAMEO roots of acts done in words that say what kind of saying it was (appeal, praise or defend,
#: demand, disapprove, reject, threaten): a participle of one before a saying names that saying. A
#: plain statement ("Citing sources, the paper reported") stays a row of its own, unless it is speaking
#: itself ("Speaking in Harrogate, he said": the cue list speaking_verb).
SPEECH_ACT_CATEGORIES = frozenset({"02", "05", "10", "11", "12", "13"})
#: Acts that a body sentence in the simple present still reports ("Russia rejects the claims",
#: "workers protest the cuts"); any other present verb there tells what is so.
STANCE_CATEGORIES = frozenset({"01", "02", "05", "10", "11", "12", "13", "14"})


class ClauseFinder:
    def __init__(self, lexicon: Lexicon, index: ActorIndex) -> None:
        self.lex, self.index = lexicon, index
        self.events: list[EventClause] = []
        self.matches: dict[int, Match] = {}
        #: heads of adjective triggers ("was" in "was ready to"), which head their clause
        self.adjective_heads: set[int] = set()
        self._hyp_cache: dict[int, bool] = {}
        self._sorted: list[int] | None = None
        #: token indices of verbs and auxiliaries, in order (read from the Doc's array with the candidates)
        self._verbal: list[int] = []
        #: whether the Doc sets any alternative aside ("rather than", "instead of"): most do not
        self._alternatives = False
        self.by_head: dict[int, EventClause] = {}
        #: subjects of the verb above a passive infinitive -> its clause ("the embargo is likely to be lifted")
        self.raised_into: dict[int, EventClause] = {}
        #: "is said / thought to": the hedging verb's token -> "reported" or "hypothetical"
        self.raising: dict[int, str] = {}
        #: tokens under a "said to" hedge: what they describe is someone else's claim
        self.hearsay: set[int] = set()
        #: the head of a claim noun's content clause -> who the noun says made the claim
        self.claimants: dict[int, list[Token]] = {}
        #: questions put to a speaker ("*Asked* if he would resign, he said"): nothing in them was done
        self.questions: set[int] = set()

    def find_candidates(self, doc: Any) -> None:
        """Look up, once per Doc, the tokens whose lemma or form has a lexicon entry."""
        if not len(doc):
            return
        keys = self.lex.key_hash_array()
        verb, aux = int(VERB_SYMBOL), int(AUX_SYMBOL)
        columns = doc.to_array([LOWER, LEMMA, POS])
        pos_of = columns[:, 2]
        keyed = hashed_in(columns[:, 0], keys) | hashed_in(columns[:, 1], keys)
        self._verbal = np.flatnonzero((pos_of == verb) | (pos_of == aux)).tolist()
        self._alternatives = any(opens_alternative(doc[i]) for i in indices_where(doc, LOWER, ("rather", "instead")))
        asked = np.flatnonzero(keyed | (pos_of == verb))
        for i, is_keyed, pos in zip(asked.tolist(), keyed[asked].tolist(), pos_of[asked].tolist(), strict=True):
            if is_keyed:
                if (m := self.lex.match(tok := doc[i])) is not None:
                    self.matches[i] = m
                    if m.entry.pos == "ADJ" and tok.dep_ == "acomp":
                        self.adjective_heads.add(tok.head.i)
                    continue
            if pos == verb:
                # any other verb may still be an act between named actors ("Apple unveils the iPod")
                tok = doc[i]
                if tok.lemma_.lower() not in self.lex.cue("not_an_act") and raising_hedge(tok, self.lex) is None:
                    self.matches[i] = Match(LexEntry(tok.lemma_.lower(), "VERB", OTHER_ACT, source="generic"))

    def run(self, sent: Span) -> list[EventClause]:
        start = len(self.events)
        found = self._match_list()
        k = bisect_left(found, sent.start)
        if k == len(found) or found[k] >= sent.end:
            return []  # no trigger in this sentence
        k = bisect_left(self._verbal, sent.start)
        if k == len(self._verbal) or self._verbal[k] >= sent.end:
            return []  # a heading or a list of links: nobody does anything in it (no verb)
        speaker = running_quotation_speaker(sent, self.events, self.index.quoted_tokens(), self.lex)
        stack: list[tuple[Token, str, Ctx, str]] = [(sent.root, FREE, Ctx(speaker=speaker), "root")]
        while stack:
            tok, mode, ctx, link = stack.pop()
            i = tok.i
            # most tokens are neither a trigger nor the copula of one: no call to decide
            maybe = i in self.matches or (mode == FREE and i in self.adjective_heads)
            ev = self._maybe_event(tok, mode, ctx, link) if maybe else None
            owner = ev if ev is not None else ctx.owner
            if owner is not None:
                owner.owned.append(i)
                if mode in (ARG, ADJUNCT) or ev is not None:
                    owner.bound.append(i)
            for child in tok.children:  # depth-first in any sibling order: parents still come first
                cmode, cctx, clink = self._transition(tok, ev, child, mode, ctx)
                if child.dep_ in ("ccomp", "csubj") and not cctx.hyp and (mark_of(child) in self.lex.cue("question_mark") or (
                        tok.lemma_.lower() in self.lex.cue("finding_out_verb") and any(c.lower_ == "how" for c in child.lefts))):
                    cctx = Ctx(cctx.owner, True, cctx.neg, cctx.speaker)  # "unclear whether Norland attacked", "see how X reacts"
                stack.append((child, cmode, cctx, clink))
        return self.events[start:]

    def _match_list(self) -> list[int]:
        if self._sorted is None:
            self._sorted = sorted(self.matches)
        return self._sorted

    # -- decisions ---------------------------------------------------------------------------

    def _maybe_event(self, tok: Token, mode: str, ctx: Ctx, link: str) -> EventClause | None:
        match = self.matches.get(tok.i)
        trigger, head = tok, tok
        if match is None and mode == FREE and tok.i in self.adjective_heads:
            # "Turkey was ready to help": the adjective is the trigger, the copula heads the clause
            for child in tok.children:
                if child.dep_ == "acomp" and child.i in self.matches and self.matches[child.i].entry.pos == "ADJ":
                    match, trigger = self.matches[child.i], child
                    break
        if match is None:
            return None
        if match.entry.source == "generic" or match.entry.code == OTHER_ACT:
            match = self._outcome_of_act(tok) or match
        if brokered_gathering(tok, self.lex) and tok.head.head.i in self.by_head:
            return None  # "Talks brokered by Qatar collapsed": the talks' row, with Qatar in it
        if match.entry.speech and link == "speech" and restated_speech(tok):
            return None  # 'Letwin said: "There is a black hole," he said.': one saying, told twice
        if quoted_saying(tok, self.lex) is not None or match.entry.speech and words_referred_to(tok):
            return None  # "Interfax quoted Lavrov as saying": Lavrov's saying is the act; "what he said": no saying
        if link == "advcl" and ctx.owner is not None and fronted_manner_of(tok, ctx.owner) and (
                match.entry.category in SPEECH_ACT_CATEGORIES or match.entry.lemma in self.lex.cue("speaking_verb")):
            if tok.tag_ == "VBG":
                if match.entry.category in SPEECH_ACT_CATEGORIES:
                    ctx.owner.manner = match  # "Criticising the decision, he said": a criticism
            else:
                self.questions.add(tok.i)
            return None  # "Defending the plans, he told Today: ...": the defending is that telling
        if (reported := impersonal_report(tok, self.lex)) is not None:
            self.hearsay.update(reported)
            return None  # "X plans to sue, it is reported": nobody's statement, a hedge on what is reported
        hedge = raising_hedge(tok, self.lex)
        if hedge is not None:
            self.raising[tok.i] = hedge  # "is said to be watching": a hedge on the watching, not a saying
            return None
        pos = match.entry.pos
        if match.entry.source != "ours" and not self._field_trigger_fits(tok):
            return None
        if match.entry.source == "generic" and not self._generic_act(tok):
            return None
        if tok.dep_ == "relcl" and not match.entry.speech and category_of(match.entry.code) != "01" and state_in_present(tok):
            self.questions.add(tok.i)  # nothing it governs happened either ("which discourages X from criticising")
            return None  # "Turkey, which occupies northern Cyprus", "Ms Dunwoody, who chairs the committee": what is so
        if (pos == "VERB" and tok.dep_ in ("ROOT", "conj") and not match.entry.speech and category_of(match.entry.code) not in STANCE_CATEGORIES
                and state_in_present(tok)):
            return None  # "The airline offers flights to Dubai", "the device connects to a computer": what is so
        if pos == "ADJ" and trigger is tok:
            return None  # an adjective only triggers through its copula
        if pos == "VERB" and (tok.dep_ in ("amod", "compound", "nmod") or participle_before_its_noun(tok) or graded_participle(tok)):
            return None  # "Western-supplied tanks": a participle describing a thing, not an act
        if mode == INERT:
            return None
        if any(c.dep_ == "advmod" and c.lower_ in self.lex.cue("habitual_adverb")
               or c.dep_ == "advcl" and any(g.dep_ in ("mark", "advmod") and g.lower_ in self.lex.cue("habitual_mark")
                                            for g in c.children) for c in head.children):
            return None  # "the president normally flies on Garuda", "loses money whenever the yen rises": a habit
        if pos == "NOUN":
            if match.entry.object_only or tok.dep_ in ("compound", "amod", "nmod") or not self._noun_has_participants(tok):
                return None  # "investigation departments" names departments, not an investigation
            if mode == ARG and not self._own_act_in_argument(tok, ctx.owner):
                return None
            if tok.i in self.raised_into:
                return None  # "the EU's embargo is likely to be lifted": the lifting's row (the embargo is no new act)
            if names_owners_act(tok, match, ctx.owner) or held_in_present(tok):
                return None  # "engaged in talks with Washington": the talks are the engaging, one act
        elif mode != FREE and not (mode == ARG and match.entry.source != "generic" and self._own_act_in_argument(tok, ctx.owner)) \
                and not (mode == ADJUNCT and match.entry.source == "ours" and act_before_or_after(tok)):
            return None
        # a negation above an event noun is about the verb ("did not attend the talks": they happened); an act with
        # its own doer inside another ("will not tolerate attacks such as Hamas's bombing") keeps none of its hedges
        own_act = pos == "NOUN" and mode == ARG or mode != FREE and pos == "VERB" and not act_before_or_after(tok)
        # (or "the rules announced by X"; but "will visit Tanzania before chairing a meeting": both still to come)
        ev = EventClause(trigger=trigger, match=match, head=head, parent=ctx.owner, link=link,
                         hyp=(ctx.hyp and not own_act) or yet_to_come(head, self.lex), neg=ctx.neg and not own_act and pos != "NOUN",
                         speaker=ctx.speaker)
        if link == "conj":
            ev.sibling = self.by_head.get(tok.head.i)
        self.by_head[head.i] = ev
        if ctx.owner is not None and pos == "NOUN" and mode == ADJUNCT:
            ctx.owner.nested.append(ev)
        own_modality(ev, self.lex, self.matches)
        if (quoting := quoting_verb_of(tok, self.lex)) is not None:
            ev.attribution_tokens = subject_tokens(quoting)
        if tok.i in self.hearsay:
            ev.reported_adverb = True
            ev.attribution_tokens = ev.attribution_tokens or self.claimants.get(tok.i, [])
        parent = ctx.owner
        if parent is not None and link in ("advcl", "conj") and not has_own_subject_or_aux(head):
            # "struck a school, killing 30, according to X": the participle shares the source
            ev.reported_adverb = ev.reported_adverb or parent.reported_adverb
            ev.attribution_tokens = ev.attribution_tokens or parent.attribution_tokens
        if link == "conj" and ev.sibling is not None and not has_own_subject_or_aux(head):
            # "According to officials, Lund met X and proposed talks": both the officials' word (a source named before
            # both; not one set after the first verb: "said the advice..., according to the code, and demanded")
            ev.reported_adverb = ev.reported_adverb or ev.sibling.reported_adverb
            source = ev.sibling.attribution_tokens
            if source and source[0].i < ev.sibling.trigger.i:
                ev.attribution_tokens = ev.attribution_tokens or source
        if pos == "VERB" and tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and _is_purpose(tok):
            ev.hyp, ev.neg = True, False  # "a contract to supply tankers", "a bill to impose": not (yet) done (nor
            # undone by a negation above: "did not give him power to impose tariffs" tells a power, not an act)
        self.raised_into.update((s.i, ev) for s in raised_subjects(tok))
        if (among := among_those(tok) or raised_patient(tok)) is not None:
            # "Shevchenko was among those killed in battle", "he is expected to be charged": he is who was killed, charged
            ev.owned.extend(among)
            ev.bound.extend(among)
        self.events.append(ev)
        return ev

    def _field_trigger_fits(self, tok: Token) -> bool:
        """A verb found only in the field dictionary is an act when it is done (or guessed done: "is believed to have
        assured"), by someone: not an aim ("an effort to promote a settlement"), nor something an act noun does ("a possible
        visit by Modi dominated the news": Modi only visits; "the merger was blocked by the Commission" is done to one)."""
        to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if to_infinitive and tok.dep_ in ("acl", "advcl", "xcomp", "ccomp", "relcl") and not arranged(tok):  # "is to go on trial"
            if not (tok.head.pos_ in (*VERBAL, "ADJ") and tok.head.lemma_.lower() in self.lex.cue("hypothetical_governor")
                    or tok.dep_ == "xcomp" and raising_hedge(tok.head, self.lex) is not None):
                return False
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN") and not self.index.ids_at(child.i) \
                    and not (child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in tok.children)):
                lemma = child.lemma_.lower()
                if self.lex.entries.get((lemma, "NOUN")) or self.lex.entries.get((child.lower_, "NOUN")):
                    return False
            if child.dep_ == "agent" and self.matches[tok.i].entry.source != "generic" and any(
                    g.dep_ == "pobj" and g.pos_ == "NOUN" and not self.index.ids_at(g.i) and (g.i in self.matches or (
                        self.lex.petrarch is not None and g.lemma_.lower() in self.lex.petrarch.lemmas)) for g in child.children):
                return False  # "the show was dominated by a dispute between Airbus and Boeing": what the dispute did
        return True

    def _outcome_of_act(self, tok: Token) -> Match | None:
        """'The talks collapsed', 'negotiations resumed on Monday': a verb saying what became of an
        act named as its subject is that act's event (the talks' category), at the verb."""
        if tok.lemma_.lower() not in self.lex.cue("outcome_verb"):
            return None
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in self.matches:
                entry = self.matches[child.i].entry
                if entry.pos != "NOUN" or entry.source != "ours" or entry.object_only:
                    continue
                # only an act that names its own parties ("talks between Israel and Hamas"): "the talks" may be others
                named = self._noun_has_participants(child) and not (child.tag_ in ("NNS", "NNPS") and not any(
                    g.dep_ == "prep" or self.index.ids_at(g.i) for g in child.children))
                if not (named or self._at_named_place(tok) or any(brokered_gathering(g, self.lex) for g in child.children)):
                    continue  # "fighting resumed in northern Vestland" names it by place, "talks brokered by Qatar" by broker
                return Match(LexEntry(tok.lemma_.lower(), "VERB", entry.code, source="ours"), (child.i,))
        return None

    def _at_named_place(self, verb: Token) -> bool:
        """The verb says where, by a place's name ("resumed *in northern Vestland*")."""
        return any(child.dep_ == "prep" and child.lower_ in self.lex.cue("place_prep") and any(
            self.index.type_of(a) in PLACE_TYPES for t in child.subtree for a in self.index.ids_at(t.i))
            for child in verb.children)

    def _own_act_in_argument(self, tok: Token, owner: EventClause | None) -> bool:
        """ "Egypt condemned Russia's attack", "... the sanctions imposed by the EU": the attack, the imposing
        are acts of their own doers, rows of their own; but "carried out an attack", "the decision to ban"
        name one act, and "his visit" under "ended" is the same."""
        if owner is None or owner.match.entry.defer or owner.match.entry.speech:
            return False
        participle = tok.dep_ == "acl" and tok.tag_ == "VBN"
        if tok.dep_ not in ("dobj", "pobj", "nsubjpass") and not participle:
            return False
        told_before = tok.head.lower_ in ("after", "before", "following")
        if self.matches[tok.i].entry.code.startswith("01") and not told_before:
            return False  # "welcomed Putin's statement": a reaction to words, not a second act (but "presented a plan
            # following the announcement by GM that it had filed for bankruptcy": the announcement came first)
        own = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" and self.index.ids_at(g.i)
               ] if participle else [c for c in tok.children if c.dep_ == "poss" and self.index.ids_at(c.i)]
        if not own and told_before:  # "following the announcement by GM"
            own = [g for g in by_phrase(tok) if self.index.ids_at(g.i)]
        if not own:
            return False
        doers = {a for s in subject_tokens(owner.head) for a in self.index.ids_at(s.i)}
        if not doers and tok.dep_ == "nsubjpass" and bool({tok.lemma_.lower(), tok.lower_} & owner.match.entry.object_words):
            return False  # "the EU's embargo was lifted": an object the verb's entry names, done to by nobody named, is its act
        return not doers or any(a not in doers for c in own for a in self.index.ids_at(c.i))

    def _generic_act(self, tok: Token) -> bool:
        """A verb no dictionary codes is an act only between named parties: its subject names an
        actor ("Apple unveiled the iPod") and it acts on something ("... the iPod", "... to Ryanair")."""
        if state_in_present(tok):
            return False
        subject = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] or raised_subjects(tok)
        if not subject and tok.dep_ == "conj" and (tok.tag_ == "VBD" or tok.tag_ in ("VB", "VBN") and any(
                c.dep_ == "aux" and c.tag_ != "TO" for c in tok.children)
                and not any(c.dep_ == "auxpass" for c in tok.children)):
            # "Apple is the maker of the iPod and launched the iTunes Store", "Nokia will keep its marks and will license
            # some to Siemens", "... and has since licensed some": a past, perfect or modal act after "and" shares the
            # first verb's doer (not what is being done, "and is pursuing a plan", nor a passive: not the doer)
            subject = [c for c in tok.head.children if c.dep_ == "nsubj"]
        heads = [t for s in subject for t in (s, *s.conjuncts)]
        # "the UK government returned ...", "the Pakistani president arrived ...": a name before a state
        # body or an office names the doer
        bodies = self.lex.cue("state_body_noun") | self.lex.cue("group_noun") | self.lex.cue("office_noun")
        named = [*heads, *(c for t in heads if t.lemma_.lower() in bodies or t.lower_ in bodies
                           for c in t.children if c.dep_ in ("compound", "amod", "poss") and c.i < t.i)]
        # "observers from the OSCE arrived", "rebel forces led by HTS entered": people sent or led by a named body
        named += [g for t in heads if t.pos_ == "NOUN" for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                  or c.dep_ == "acl" and c.lemma_ == "lead" for g in c.subtree if g.dep_ == "pobj"]
        if not subject or not any(self.index.ids_at(t.i) or t.pos_ == "PRON" or self._group_named_before(t) for t in named):
            return False
        if subject[0].pos_ == "PRON" and subject[0].lower_ not in ("he", "she", "they", "it", "we"):
            return False
        return any(c.dep_ in ("dobj", "dative", "agent") or (c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children))
                   for c in tok.children)

    def _group_named_before(self, tok: Token) -> bool:
        """ "The party launched its campaign": "the" and a group noun, with an organisation named in this
        sentence or the one before, which the participants then resolve it to."""
        if tok.lower_ not in self.lex.cue("group_noun") | self.lex.cue("company_noun") or tok.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        start = sentences_back(tok, 1)
        return any(self.index.type_of(a) == "ORG" for i in range(start, tok.i) for a in self.index.ids_at(i))

    def _noun_has_participants(self, tok: Token) -> bool:
        """An event noun is an act of its own only when the text says whose act it is.

        Not when it describes another noun ("the importance *of dialogue*"), nor a generic plural
        ("Russian attacks"); a place before a gathering ("the Istanbul talks") is its venue.
        """
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            if tok.head.head.i not in self.matches:
                return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and (tok.head.head.pos_ in VERBAL or tok.head.head.dep_ == "dobj"):
            return False  # "described the plan as a disaster": what the plan is called, not a second act
        children = list(tok.children)
        if any(c.dep_ == "poss" for c in children):
            # not "His decision leaves X as the only challenger": a pronoun's bare act noun points back to an act told before
            return not (all(c.pos_ == "PRON" for c in children if c.dep_ == "poss") and tok.dep_ in ("nsubj", "nsubjpass")
                        and not any(c.dep_ in ("prep", "acl", "relcl", "compound", "nmod", "nummod") for c in children))
        if tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in children):
            if tok.lemma_.lower() not in self.lex.cue("meeting_noun"):
                return False
        # a place before a gathering or an attack is where it happened ("the Kenya bombing")
        placed = tok.lower_ in self.lex.cue("meeting_noun") or tok.lemma_.lower() in self.lex.cue("meeting_noun") or (
            self.matches[tok.i].entry.category in ("04", "18", "19", "20") if tok.i in self.matches else False)
        for child in children:
            if child.dep_ in ("compound", "amod", "nmod"):
                ids = self.index.ids_at(child.i)
                if placed and child.dep_ != "amod":
                    ids = [a for a in ids if self.index.type_of(a) not in ("GPE", "LOC", "FAC")]
                if ids:
                    return True
            if child.dep_ == "prep" and child.lower_ in ("with", "by", "between", "among"):
                if any(self.index.ids_at(g.i) or g.pos_ == "PRON" for g in child.subtree if g.i != child.i):
                    return True
            if child.dep_ == "prep" and child.lower_ == "of" and any(
                    g.dep_ in ("prep", "agent") and g.lower_ == "by" and any(self.index.ids_at(d.i) for d in g.subtree)
                    for o in child.children for g in o.subtree):
                return True  # "the bailout of AIG by the Fed": the parser hangs the doer on the "of" object
            if child.dep_ == "prep" and child.lower_ == "of" and (tok.lemma_.lower() in self.lex.cue("own_fate_noun") or tok.lower_ in (
                    self.lex.cue("own_fate_noun") | self.lex.cue("undergone_act_noun"))) and any(
                    self.index.ids_at(o.i) for o in child.children if o.dep_ == "pobj"):
                return True  # "the bankruptcies of Lehman Brothers and WorldCom", "the arrest of Mr Lund"
        return False

    def _tells_quotation(self, ev: EventClause, child: Token) -> bool:
        quoted = self.index.quoted_tokens()
        return (ev.trigger.i in quoted and child.i > ev.trigger.i and child.i not in quoted
                and child.i in self.matches and self.matches[child.i].entry.speech and closes_quotation_before(child))

    def _as_aside(self, clause: Token) -> bool:
        return as_aside(clause, self.matches.get(clause.i), self.lex)

    def _transition(self, tok: Token, ev: EventClause | None, child: Token, mode: str, ctx: Ctx) -> tuple[str, Ctx, str]:
        dep = child.dep_
        lex = self.lex
        if mode == INERT or tok.i in self.questions:
            return INERT, ctx, "inert"
        if dep == "ccomp" and (reported := impersonal_report(tok, lex)) is not None:
            self.hearsay.update(reported)  # "It is understood that ...": hearsay, whether or not a trigger
        if dep == "prep" and child.lower_ in lex.cue("concession_prep"):
            # "despite a report, which said ...": granted as true, so told in rows of its own, not the act's parties
            return FREE, Ctx(ev or ctx.owner, False, False, ev.speaker if ev else ctx.speaker), "parataxis"
        if (dep == "prep" and child.lower_ in lex.cue("contrast_prep") or self._alternatives and alternative_not_taken(tok, child)
                or since_frame(tok, child)):
            return INERT, ctx, "inert"
        if dep in ("appos", "attr", "npadvmod") and restating_appositive(child, lex):
            return FREE, Ctx(ctx.owner, False, False, None), "parataxis"
        if ((dep in ("acl", "ccomp") or dep == "relcl" and mark_of(child) == "that") and child.pos_ in VERBAL and tok.pos_ in ("NOUN", "PROPN")
                and tok.lemma_.lower() in lex.cue("claim_noun") and has_own_subject_or_aux(child)):
            # "allegations (that) he fast-tracked a visa": an act of its own, said rather than shown (by whoever the
            # noun names: "the announcement by GM that it had filed for bankruptcy")
            self.hearsay.update(t.i for t in child.subtree)
            self.claimants[child.i] = [c for c in tok.children if c.dep_ == "poss"] or by_phrase(tok)
            if mode != FREE and tok.lemma_.lower() in lex.cue("speculation_noun"):
                return mode, ctx, "arg"  # "echoing our expectation that tensions would ...": no row of its own
            unsure = ctx.hyp or any(c.dep_ == "det" and c.lower_ in lex.cue("negator") for c in tok.children)  # "no evidence"
            return FREE, Ctx(ev or ctx.owner, unsure, ctx.neg, None), "claim"
        if ev is not None:
            entry = ev.match.entry
            if dep == "conj" and (child.pos_ in VERBAL or child.i in self.matches):
                inherit = not has_own_subject_or_aux(child)
                neg = ctx.neg or inherit and ev.neg and shares_negation(tok, child)  # "did not sign or ratify"
                return mode, Ctx(ctx.owner, (ctx.hyp or ev.hyp) if inherit else ctx.hyp, neg, ctx.speaker), "conj"
            if lead_in_before_colon(ev.trigger, child) or quoting_verb_over_lead(ev.trigger, child, self.index.quoted_tokens):
                return FREE, Ctx(ctx.owner, False, False, None), "parataxis"  # "Others saw sales slip: X reported"
            if dep == "ccomp" and restated_as_claim(ev.trigger, child, lex):  # "X accused Y, a charge Y denied"
                ev.content = content_tokens(ev) - {t.i for t in child.subtree}  # the denial does not say the accusing
                return FREE, Ctx(ctx.owner, False, False, None), "parataxis"
            if dep == "ccomp" and entry.speech:
                if self._tells_quotation(ev, child):
                    # '"It has ended, the minister said that himself," he said': the saying after the
                    # quotation tells it; the one inside is part of what is quoted
                    ev.attribution_tokens = ev.attribution_tokens or speaker_tokens(child)
                    return FREE, Ctx(ctx.owner, False, False, None), "parataxis"
                denied = ev.trigger.lemma_.lower() in lex.cue("denial_verb")
                unsure = denied and (ev.hyp or ev.neg)  # "would neither confirm nor deny that it had sent troops"
                return FREE, Ctx(ev, unsure, denied and not unsure, ev), "speech"
            if dep == "acl" and ev.is_noun and entry.code.startswith("01") and child.pos_ in VERBAL \
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                ev.content = frozenset(t.i for t in child.subtree)
                return FREE, Ctx(ev, False, False, ev), "speech"  # "the announcement by GM that it had filed for bankruptcy"
            if dep == "ccomp" and child.i < ev.trigger.i and has_own_subject_or_aux(child):
                # "Egypt condemned the raid, Jordan recalled...": a preposed clause is a list item
                return FREE, Ctx(ev, False, False, ev.speaker), "parataxis"
            if dep in ("advcl", "xcomp") and child.tag_ == "VBG" and category_of(entry.code) == "12" and not has_own_subject_or_aux(
                    child) and child.i == max([ev.trigger.i, *(c.i for c in ev.trigger.children if c.dep_ == "prt")]) + 1:
                return ARG, Ctx(ev, ctx.hyp, True, ctx.speaker), "arg"  # "has ruled out resigning": what is rejected, not done
            if dep == "advcl":
                mark = mark_of(child)
                if mark == "as" and self._as_aside(child):
                    return INERT, ctx, "inert"
                if mark in lex.cue("conditional_mark") and own_subject(child):
                    return INERT, Ctx(ev, True, ctx.neg, ctx.speaker), "inert"  # "if Germany agrees": no party to the act
                if mark in lex.cue("conditional_mark") or _is_purpose(child):
                    return ARG, Ctx(ev, True if mark in lex.cue("conditional_mark") else ctx.hyp, ctx.neg, ctx.speaker), "arg"
                return FREE, Ctx(ev, ev.hyp if shares_main_time(child, mark) else False, False, ev.speaker), "advcl"
            if dep == "parataxis" or dep == "relcl" and not _is_purpose(child):  # ("a bill to impose": its purpose)
                return FREE, Ctx(ev, False, False, relative_clause_speaker(dep, child, self.matches, ev.speaker)), dep
            if dep == "prep":
                if child.lower_ in lex.cue("non_event_prep") or child.lower_ in lex.cue("attribution_phrase") or child.i in ev.match.extra:
                    return ARG, Ctx(ev, ctx.hyp, ctx.neg, ctx.speaker), "arg"  # (the trigger's own "out of": "walked out of talks")
                return ADJUNCT, Ctx(ev, ev.hyp or ahead_of(tok, child, lex), ev.neg, ev.speaker), "adjunct"  # "the threat of"
            if dep in ADJUNCT_DEPS:
                return ADJUNCT, Ctx(ev, ev.hyp, ev.neg, ev.speaker), "adjunct"
            return ARG, Ctx(ev, ev.hyp, ev.neg, ev.speaker), "arg"
        if mode != FREE:
            if dep == "prep" and child.lower_ in lex.cue("non_event_prep"):
                return ARG, ctx, "arg"
            if (first := joined_to_inner_participle(child)) is not None and (ev := self.by_head.get(first.i)) is not None:
                return FREE, Ctx(ev, ev.hyp, ev.neg, ev.speaker), "conj"  # "reported a loss, hit by a bill, and cut"
            if dep == "parataxis" or dep == "relcl" and not _is_purpose(child) or (dep == "advcl" and mark_of(child) not in lex.cue("conditional_mark")
                                                 and not (mark_of(child) == "as" and self._as_aside(child))
                                                 and not _is_purpose(child)):
                # "aid to Kyiv, *which was followed by* Waltz's announcement": a clause of its own
                return FREE, Ctx(ctx.owner, False, False, relative_clause_speaker(dep, child, self.matches, ctx.speaker)), dep
            if dep == "acl" and child.tag_ == "VBN" and any(c.dep_ == "agent" for c in child.children) and (
                    child.lemma_.lower() in lex.cue("publishing_verb") and child.i in self.matches):
                return FREE, Ctx(ctx.owner, False, False, None), "relcl"  # "cites figures released by the Labor Department"
            return mode, ctx, "arg"
        # a token that is not an event, in free context
        if dep == "advcl" and mark_of(child) == "as" and self._as_aside(child):
            return INERT, ctx, "inert"
        if dep == "advcl" and mark_of(child) in lex.cue("conditional_mark"):  # (its own subject: no party to the act)
            return (INERT, ctx, "inert") if own_subject(child) else (ARG, Ctx(ctx.owner, True, ctx.neg, ctx.speaker), "arg")
        if dep == "prep" and (child.lower_ in lex.cue("non_event_prep") or child.lower_ in lex.cue("attribution_phrase")):
            return ARG, ctx, "arg"
        hyp, neg = ctx.hyp, ctx.neg
        hedge = self.raising.get(tok.i) if tok.i in self.raising else raising_hedge(tok, self.lex) if dep == "xcomp" else None
        if hedge is not None and dep == "xcomp":
            self.raising[tok.i] = hedge
            if hedge == "hypothetical":
                return FREE, Ctx(ctx.owner, True, neg, ctx.speaker), dep
            self.hearsay.update(t.i for t in child.subtree)
            return FREE, Ctx(ctx.owner, hyp, neg, ctx.speaker), dep
        if dep in ("pcomp", "pobj"):  # "refrained from attacking", "no intention of attacking"
            neg = neg or negating_phrase_head(child, lex) is not None
            hyp = hyp or ahead_of(tok.head, tok, lex)
        if tok.pos_ in VERBAL or tok.pos_ == "ADJ":
            own = self._hyp_cache.get(tok.i)
            if own is None:
                own = self._hyp_cache[tok.i] = own_hyp(tok, lex)
            lemma = tok.lemma_.lower()
            governs = dep in ("xcomp", "dobj", "prep", "pobj", "acomp", "attr", "nsubjpass") or (
                dep in ("advcl", "conj") and not has_own_subject_or_aux(child)) or (
                dep == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children))  # "not cause X to"
            if governs:
                # "considered options but agreed to act": a plan verb governs its complement, not one joined to it;
                # "allows X to dissolve" leaves the act to X ("was allowed to resign", "Boeing allowed to bid" tell of a permission)
                hyp = hyp or own or (lemma in lex.cue("hypothetical_governor") and dep not in ("conj", "advcl")
                                     and not (lemma == "due" and dep == "prep")) or (  # "due to events": a cause
                    dep == "xcomp" and lemma in lex.cue("obligation_governor") and tok.tag_ not in ("VBD", "VBN")) or (
                    dep in ("xcomp", "ccomp") and lemma in lex.cue("permission_governor")
                    and any(c.dep_ in ("dobj", "nsubj") for c in (*tok.children, *child.children) if c.i > tok.i))
                neg = neg or (dep == "xcomp" and lemma in lex.cue("negating_governor")) or any(
                    c.dep_ == "neg" for c in tok.children) and (dep != "conj" or shares_negation(tok, child))
            elif (dep == "ccomp" and lemma in lex.cue("hypothetical_governor") or dep == "advcl" and _is_purpose(child)
                  or dep == "csubj" and own):
                # "working with all parties to reach a ceasefire": what it is for has not happened; "merging
                # the two agencies might have provided an answer": weighed, not done
                hyp = True
            elif dep == "advcl" and shares_main_time(child, mark_of(child) or "") and any(
                    arranged(x) for x in tok.children if x.dep_ == "xcomp"):
                hyp = True  # "Israeli forces are to withdraw, while the Lebanese army deploys": arranged as well
            elif dep in ("relcl", "ccomp", "advcl", "parataxis", "conj", "csubj"):
                hyp, neg = False, False
        elif dep in ("relcl", "parataxis") or dep == "acl" and any(c.dep_ == "agent" for c in child.children):
            # "Moberg, who called the vote, is expected to win", "to run the campaign, a role carried out by
            # Brown in 1997": a clause of its own
            hyp, neg = False, False
        return FREE, Ctx(ctx.owner, hyp, neg, ctx.speaker), dep
