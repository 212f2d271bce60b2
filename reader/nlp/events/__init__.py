"""Clause-level events: who did what to whom, when, where, and how sure the text is.

The pipeline: look every token up in the CAMEO trigger lexicon (``lexicon``), walk each
sentence's dependency tree to keep one trigger per act and give each act its tokens
(``clauses``), resolve who takes part (``participants``) and when (``timing``), then state how
sure the text is:

- ``negated``: "did not sign", "never met", or the complement of "failed to";
- ``hypothetical``: a modal or future auxiliary (may, might, could, would, will), a hedge
  (probably, likely), a condition ("if"), or the complement of "plans / expects / tries to";
- ``reported``: what a speech verb reports ("X said that ..."), "reportedly", "according to X",
  "as X confirmed"; the attribution is who says so, as written;
- ``asserted`` otherwise. "Refused to join sanctions" is an asserted rejection, not a negation:
  the lexicon makes "refuse" the act and its complement part of it.

Events that name no actor are dropped: the sidebar lists acts by actors.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

from reader.model import Actor, DateMention, Event
from reader.nlp.doc_text import indices_flagged, text_of, token_starts
from reader.nlp.events.categories import assign_code, confirm_threats
from reader.nlp.events.clause_shapes import (
    counted_casualties,
    place_of_apposed_title,
    side_spoken_for,
    toll_of_violence,
)
from reader.nlp.events.clauses import ClauseFinder
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.group_kinds import group_doer
from reader.nlp.events.lexicon import Lexicon, category_of, load_lexicon
from reader.nlp.events.merging import merge_same_acts, sort_events
from reader.nlp.events.participants import PLACE_TYPES, ActorIndex, RefContext
from reader.nlp.events.reported import content_tokens
from reader.nlp.events.side_parties import go_between, reason_for
from reader.nlp.events.subjects import VERBAL, raised_patient, subject_tokens
from reader.nlp.events.summary import Summaries, phrase_text
from reader.nlp.events.timing import EventDates
from reader.nlp.events.trigger_words import TriggerWords
from reader.nlp.gazetteer import gazetteer
from reader.nlp.timex.values import date_precision

__all__ = ["extract_events", "load_lexicon", "sort_events"]

_EDGE_PUNCT = set(" \n\t,;:.—–-\"'“”‘’()[]")
_TRAVEL_NOUNS = {"visit", "trip", "journey", "tour", "delegation", "mission"}
#: Subjects that are rules, for acts that take effect: "the Act comes into force", "the ban took effect".
_RULE_NOUNS = {"act", "law", "ban", "bill", "rule", "rules", "regulation", "regulations", "measure", "measures",
               "legislation", "decree", "directive", "tariff", "tariffs", "sanctions", "curfew", "treaty"}


def extract_events(
    doc: Doc, actors: list[Actor], dates: list[DateMention], published: dt.date | None
) -> list[Event]:
    """Events of one parsed document, sorted as `sort_events` explains."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return []  # events need the dependency parse
    lex = load_lexicon()
    starts = token_starts(doc)
    index = ActorIndex.build(doc, actors, lex, starts)
    finder = ClauseFinder(lex, index)
    finder.find_candidates(doc)
    if not finder.matches:
        return []
    clauses: list[EventClause] = []
    for sent in doc.sents:
        clauses.extend(finder.run(sent))
    if not clauses:
        return []
    timing = EventDates(doc, dates, lex, index, starts, published)
    builder = _Builder(doc, lex, index, finder, timing)
    for c in clauses:
        if c.parent is not None:
            builder.children_of.setdefault(id(c.parent), []).append(c)
    built = [(c, ev) for c in clauses if (ev := builder.build(c)) is not None]
    countries = {p: c for p, c in index.country_of.items() if index.type_of(c) == "GPE"}
    confirm_threats(built, lex, countries)
    return sort_events(merge_same_acts(doc, built, lex.cue("framing_participle"), countries))



#: Prepositions of a time before or after another act, told by a gerund ("after serving in the government").
_BEFORE_AFTER = frozenset({"after", "before", "since", "upon", "following"})
#: Verbal acts a speaker reports of himself ("said he welcomed", "said he opposed"; praise is 051): the saying is the act.
_SAID_OF_ONESELF = frozenset({"01", "02", "11"})

class _Builder:
    def __init__(self, doc: Doc, lex: Lexicon, index: ActorIndex, finder: ClauseFinder, timing: EventDates) -> None:
        self.doc = doc
        self.lex = lex
        self.index = index
        self.finder = finder
        self.words = TriggerWords(doc, lex, finder)
        self.violence = lex.cue("violence_noun")
        self.timing = timing
        self.agents_of: dict[int, list[str]] = {}
        self.agent_tokens_of: dict[int, list[Token]] = {}
        self.dates: dict[int, str | None] = {}
        self.children_of: dict[int, list[EventClause]] = {}
        self._texts: dict[tuple[int, int], str] = {}
        self.datelines = index.dateline_tokens()
        #: token indices of paragraph breaks ("\n\n" white-space tokens)
        spaces = indices_flagged(doc, IS_SPACE)
        self.breaks = [i for i in spaces if "\n\n" in doc[i].text]
        self.ref_candidates = index.reference_candidates() - self.datelines
        self.title_tokens = self._title_tokens()
        self.summaries = Summaries(doc, index, timing.text, self.children_of, self._label, finder.raising, self.words.governor)

    # -- one event ---------------------------------------------------------------------------

    def build(self, c: EventClause) -> Event | None:
        doc, index = self.doc, self.index
        assign_code(c, self.lex, self.finder.matches, self.children_of)
        speaker_ids = tuple(self.agents_of.get(id(c.speaker), ())) if c.speaker else ()
        parent_subject = tuple(self.agents_of.get(id(c.parent), ())) if c.parent else ()
        if c.head.dep_ == "relcl":
            # "The claims, which he denies, are being examined by Judge Ward": not Ward
            parent_subject = tuple(a for a in parent_subject if index.mentioned_before(a, c.head.i))
        agent_toks = self._agent_tokens(c)
        ctx = RefContext(speaker=speaker_ids, subject=parent_subject)
        outside = self._outside_block(c)
        agents: list[str] = []
        group_places: list[str] = []  # "French farmers": France takes part, the farmers act
        for tok in agent_toks:
            found = self._body_led_by(tok) or index.phrase_actors(tok, ctx, outside, group_places)
            # (a pronoun owner too, "His party, PTI,", but not of a title: "Its chief executive, Ken Lewis," speaks for it)
            spoken_for = any(t.lower_ in gazetteer().title_heads for t in (tok, *tok.children) if t.i <= tok.i)
            owners = {a for ch in tok.children if ch.dep_ == "poss"
                      for a in index.ids_at(ch.i) or (index.token_refs(ch, ctx) if ch.pos_ == "PRON" and not spoken_for else [])}
            if owners and tok.lower_ in self.lex.cue("followers_noun"):
                group_places.extend(owners)  # "his supporters say": he takes part, as France in "French farmers", not he
            elif owners:  # "Mr Trump's first choice for attorney general, Matt Gaetz, withdrew": Gaetz, not Trump
                named = {a for ch in tok.subtree if ch.dep_ == "appos" for a in index.ids_at(ch.i)}  # ("His party, PTI,")
                owners = owners - named if named & set(found) else set()
            agents.extend(a for a in found if a not in owners)
        if not agents:
            agents = self._gathering_parties(c, agent_toks)
        agents = list(dict.fromkeys(agents))
        struck: list[str] = []
        if agent_toks and (self._is_disaster(agent_toks[0]) or toll_of_violence(c.head, self.violence)) \
                or c.is_noun and c.code == "DISASTER":
            # "The earthquake in Norland killed 40 people", "the Asian tsunami", "the war in Sudan has killed tens of
            # thousands": nobody named did it; the place was struck
            c.code = "DISASTER"
            struck, agents = agents, []
        self.agents_of[id(c)] = agents
        self.agent_tokens_of[id(c)] = agent_toks

        skip: set[int] = set()
        bound = set(c.bound)
        for tok in agent_toks:
            if tok.i in bound or tok.head.i == c.head.i:
                skip.update(t.i for t in tok.subtree)
        for tok in c.attribution_tokens:
            skip.update(t.i for t in tok.subtree)
        # "After leaving Peru in a reshuffle, he became minister": Peru takes part in the row, not as acted on
        aside = {t.i for tok in c.head.children if tok.dep_ == "prep" and tok.lower_ in _BEFORE_AFTER and any(
            g.dep_ == "pcomp" and g.tag_ == "VBG" for g in tok.children) for t in tok.subtree}
        # ("entered the city after a push from their stronghold in Idlib": where they came from is not entered either)
        after: dict[int, list[str]] = {t.i: [] for tok in c.head.children if tok.dep_ == "prep" and tok.lower_ in _BEFORE_AFTER
                                       and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in tok.children) for t in tok.subtree}
        own_ctx = RefContext(speaker=speaker_ids, subject=tuple(agents) or parent_subject)
        targets: list[str] = []
        place: str | None = None
        place_ids: list[str] = [a for a in dict.fromkeys(group_places) if a not in agents]
        place_tok: Token | None = None
        reasons: list[str] = []
        for i in sorted(bound & self.ref_candidates):
            if i in skip or i in self.timing.by_token or i in outside:
                continue
            tok = doc[i]
            if index.only_describes(tok) or place_of_apposed_title(tok) or tok.dep_ == "poss" and any(
                    ch.dep_ == "appos" and index.ids_at(ch.i) for ch in tok.head.children):
                continue  # ("named Pam Bondi, a former attorney general of Florida": Florida is not named; nor is
                # he in "his wife, Bushra Bibi, was sentenced")
            # "He was greeted by Chirac": a passive's subject is not the doer named after "by"
            passive_subject = tok.dep_ == "nsubjpass" and tok.head.i == c.head.i
            refs = index.token_refs(tok, ctx if passive_subject else own_ctx)
            if not refs:
                continue
            if place is None and self._is_place(tok, c) and all(index.type_of(r) in PLACE_TYPES for r in refs):
                place = self._place_name(tok, refs[0])
                place_ids.extend(refs)
                place_tok = tok
                continue
            if place is not None and place_tok is not None and self._listed_with(tok, place_tok):
                place_ids.extend(r for r in refs if index.type_of(r) in PLACE_TYPES)  # "in Nairobi and Dar es Salaam"
                continue
            if self._where_a_thing_is(tok, c) and all(index.type_of(r) in PLACE_TYPES for r in refs):
                # "urged them to develop a sense of belonging in Britain", "an attack on a base in Togo":
                # where a thing is takes part as a place, not as the one acted on (when the act has a doer)
                (place_ids if agents else targets).extend(refs)
                continue
            if agents and c.match.entry.speech and side_spoken_for(tok, c.head):
                agents.extend(r for r in refs if r not in agents)  # "For the Lib Dems, Simon Hughes said"
                continue
            if reason_for(tok, c.head) or go_between(tok, c.head) or i in aside or i in after:
                after.get(i, reasons).extend(refs)  # "expelled because of his opposition to ...": not acted on
                continue
            targets.extend(r for r in refs if r not in agents)
        targets.extend(struck)
        (reasons if agents or targets else targets).extend(r for refs in after.values() for r in refs)  # (else no row at all)
        if not agents and not targets and self._has_subject(c) and not any(ch.dep_ == "nsubjpass" for ch in c.head.children):
            # "Assad left the country and has been granted asylum": the one who left is the one granted it
            # ("he resigned and was arrested": whom the pronoun stands for)
            targets = [a for s in c.head.head.children if s.dep_ == "nsubj" for a in index.token_refs(s, ctx)]
        if c.code == "DISASTER" and not agents and not targets:
            targets = place_ids  # "An earthquake killed 40 people in Turkey": the place was struck
        targets = [t for t in dict.fromkeys(targets) if t not in place_ids or t in agents or c.code == "DISASTER"]
        # "Polish President Andrzej Duda": the title's country takes part, but the person acts
        in_clause = set(bound)
        for tok in agent_toks:
            in_clause.update(t.i for t in tok.subtree)
        paragraph = outside.breaks_only()
        title_ids = [index.by_token[i] for i in sorted(self.title_tokens & in_clause) if i not in paragraph]
        if not (agents or targets or place_ids or c.link == "speech") and counted_casualties(c.head, c.code, self.violence):
            place_ids = [home] if (home := index.home_country()) else []  # "130 people have been killed in protests"
        actor_ids = list(dict.fromkeys([*agents, *targets, *place_ids, *title_ids, *reasons]))
        unnamed_doer = not agents and not targets and bool(place_ids) and (
            group_doer(agent_toks) or self._law_in_force(c, agent_toks) or counted_casualties(c.head, c.code, self.violence)
            or any(t.pos_ in ("NOUN", "PROPN") and t.i in c.match.extra for t in agent_toks))  # "fighting resumed in X"
        if (c.match.entry.person_doer and not any(index.type_of(a) == "PERSON" for a in agents)  # ("Plaid's Llwyd": his party too)
                or c.match.entry.doer_needed and not agents):
            agents = targets = []  # "the figures suggest": evidence, not a saying
            unnamed_doer = False
        if (not agents and not targets and not unnamed_doer) or not self._field_reading_holds(
                c, agents or (["group"] if unnamed_doer else []), agent_toks, ctx):
            self.dates[id(c)] = self.timing.date_of(c, self.dates, self._span(c))
            return None
        start, end = self._with_doer(c, self._span(c), agent_toks if agents else [], outside)
        date = self.timing.date_of(c, self.dates, (start, end), tuple(agents))
        self.dates[id(c)] = date
        c.hyp = c.hyp and not self.timing.past_act_under_plan(c, date) or self.timing.scheduled(c, date)  # "Voters go to
        # the polls on Sunday": still to come; "to go on trial over the crash in 2000": the crash happened
        modality, attribution = self._modality(c, speaker_ids)
        if not agents and modality != "asserted" and not agent_toks and not self._has_subject(c):
            # "Plans to impose sanctions on Vestia were shelved": a planned, reported or denied act with
            # no subject at all tells the reader nothing ("the chancellor is expected to freeze duty",
            # "it plans to cut jobs" and "the bill would be debated" stay). MEANTIME: 5 rows fewer, none
            # a gold event; dev in-gold share 0.740 -> 0.747, recall unchanged
            return None
        if modality == "reported" and c.link == "speech" and agents and set(agents) <= set(speaker_ids) and (
                category_of(c.code) in _SAID_OF_ONESELF or c.code.startswith("051")) and not any(
                a.lower_ == "had" for a in c.head.children):  # ("said he had told her on Monday": an act before)
            return None  # "Blunkett said he welcomed the investigation": the saying's row says it
        t_start, t_end = self.words.trigger_range(c)
        start, end = min(start, t_start), max(end, t_end)  # "plans to close": the text holds its trigger
        # "Norland's new media law came into force": the law heads the row (Norland still enacted it)
        takes_effect = self._law_in_force(c, agent_toks) and bool(set(c.match.entry.objects) & {"effect", "force"})
        summary = self.summaries.summary(c, agents, targets, agent_toks, modality, attribution, takes_effect)
        return Event(
            id="",
            start=start,
            end=end,
            text=self._text(start, end),
            trigger=self._text(t_start, t_end),
            trigger_start=t_start,
            trigger_end=t_end,
            category=category_of(c.code),
            category_label=self.lex.label(category_of(c.code)),
            summary=summary,
            actors=actor_ids,
            agents=agents,
            targets=targets,
            date=date,
            place=place,
            modality=modality,
            attribution=attribution,
            date_precision=date_precision(date),
        )

    # -- parts -------------------------------------------------------------------------------

    def _law_in_force(self, c: EventClause, agent_toks: list[Token]) -> bool:
        """ "The Act comes into effect in England and Wales on 1 January": a law, a ban or a rule that
        takes effect in named places is an act of those places' governments, though none is named."""
        return c.match.entry.code == "LAW" and any(t.lower_ in _RULE_NOUNS for t in agent_toks)

    @staticmethod
    def _has_subject(c: EventClause) -> bool:
        """The clause has a passive subject, named or not ("Ms Vold will be forced to resign", "the bill would be
        debated next Monday", or shared: "Assad left and has been granted asylum"); an active one would be among
        the agent tokens."""
        head = c.head
        return any(t.dep_ == "nsubjpass" for t in head.children) or raised_patient(head) is not None or head.dep_ == "conj" and any(
            t.dep_ == "auxpass" for t in head.children) and not any(t.tag_ == "MD" for t in head.children) and any(
            t.dep_ == "nsubj" for t in head.head.children) and "\n" not in text_of(head.doc)[head.head.idx : head.idx] and any(
            t.dep_ == "cc" and head.head.i < t.i < head.i for t in head.head.children)  # (not "forgets rights were suspended")

    @staticmethod
    def _listed_with(tok: Token, place: Token) -> bool:
        """ "in England, Wales and Northern Ireland": every place of the list, however the parser chains it."""
        for _ in range(6):
            if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.i == place.i:
                return True
        return False

    def _field_reading_holds(self, c: EventClause, agents: list[str], agent_toks: list[Token], ctx: RefContext) -> bool:
        """A trigger found only in the field dictionary must name its doer ("this undermined the
        credibility of Russia's intentions" is no act by anyone): the dictionary was written to code
        verbs between two named actors (see also `ClauseFinder._field_trigger_fits`)."""
        if c.match.entry.source == "ours":
            return True
        # "Apple (was) swamped by pre-orders": what befell a named party, told with its cause
        return bool(agents) or c.match.entry.source == "generic" and any(
            ch.dep_ == "agent" for ch in c.trigger.children) and any(
            ch.dep_ == "nsubjpass" and self.index.ids_at(ch.i) for ch in c.trigger.children)

    def _body_led_by(self, tok: Token) -> list[str]:
        """ "The Hamas-run health ministry said", "Rebel forces led by Hayat Tahrir al-Sham entered Damascus": an
        unnamed body run or led by a named one acts as that one (not as the home country, nor as nobody)."""
        if tok.pos_ != "NOUN":
            return []
        ids = self.index.ids_at
        run = [a for ch in tok.children if ch.dep_ in ("amod", "compound") and ch.lower_ in ("run", "controlled", "led")
               for g in ch.subtree if g.i < ch.i for a in ids(g.i)]
        return run or [a for ch in tok.children if ch.dep_ == "acl" and ch.lemma_ in ("lead", "run", "control")
                       for by in ch.children if by.dep_ == "agent" for g in by.subtree for a in ids(g.i)]

    def _is_disaster(self, tok: Token) -> bool:
        """A noun for a disaster ("the earthquake", "floods"), by the lexicon's own entries."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        entries = self.lex.entries.get((tok.lemma_.lower(), "NOUN")) or self.lex.entries.get((tok.lower_, "NOUN")) or []
        return any(e.code == "DISASTER" for e in entries)

    def _agent_tokens(self, c: EventClause) -> list[Token]:
        trig = c.trigger
        if c.is_noun:
            poss = [ch for ch in trig.children if ch.dep_ == "poss"]
            undergone = trig.lemma_.lower() in self.lex.cue("undergone_act_noun")
            if poss:  # (not "his arrest", "your detention by the US": the owner undergoes it, the "by" does it)
                return poss if not undergone else [g for ch in trig.children if ch.dep_ in ("prep", "agent")
                                                   and ch.lower_ == "by" for g in ch.children if g.dep_ == "pobj"]
            mods = [ch for ch in trig.children if ch.dep_ in ("compound", "amod", "nmod") and self.index.ids_at(ch.i)]
            if mods:
                return mods
            of = [o for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "of" for o in ch.children
                  if o.dep_ == "pobj" and self.index.ids_at(o.i)]
            if of and trig.lemma_.lower() in self.lex.cue("own_fate_noun"):
                return of  # "the bankruptcy of Lehman Brothers": Lehman's (not the sentence's subject's)
            if of and trig.lower_ in self.lex.cue("undergone_act_noun") and trig.dep_ in ("nsubj", "nsubjpass"):
                return []  # "detention of Muslims could ...": the Muslims are detained (the "of" names the target)
            # "the bailout of AIG by the Fed": the parser may hang the "by" on the "of" object
            heads = [trig, *(o for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "of" for o in ch.children)]
            heads += [a for h in heads[1:] for a in h.children if a.dep_ == "appos"]  # "of insurer AIG by the Fed"
            by = [g for h in heads for ch in h.children if ch.dep_ in ("prep", "agent") and ch.lower_ == "by"
                  for g in ch.children if g.dep_ == "pobj"]
            if by:
                return by
            between = [t for ch in trig.children if ch.dep_ == "prep" and ch.lower_ == "between"
                       for g in ch.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]
            if len(between) >= 2:
                return between  # "Mr Baume was never at meetings between Mr Brown and Mr Blair": theirs
            # "Following a phone call with Putin, Erdoğan said": the other party is the clause's subject
            verb, below = trig.head, trig
            while (verb.pos_ not in VERBAL or verb.dep_ == "prep") and verb.head.i != verb.i:
                verb, below = verb.head, verb
            if verb.pos_ not in VERBAL or below.dep_ == "dobj" and self.lex.speech_verb(verb.lemma_.lower()):
                return []  # "Israeli media reported progress in negotiations with Hamas": not the media's
            return subject_tokens(verb)
        toks = subject_tokens(c.head)
        # "would not stand in any contest to succeed him": "him" is never its own doer (but "Blair wanted to sack him")
        bound = [o for o in c.head.children if o.dep_ == "dobj" and o.lower_ in ("him", "her")] if toks and c.head.dep_ in ("acl", "advcl") else []
        return [] if bound and set(self.index.token_refs(bound[0], RefContext())) & {
            a for t in toks for a in self.index.token_refs(t, RefContext())} else toks

    def _outside_block(self, c: EventClause) -> _Outside:
        """Tokens that cannot take part: a dateline, or text across a paragraph break from the
        trigger (a heading the parser joined to the sentence)."""
        k = bisect_left(self.breaks, c.trigger.i)
        before = self.breaks[k - 1] if k > 0 else -1
        after = self.breaks[k] if k < len(self.breaks) else len(self.doc)
        return _Outside(self.datelines, before, after, self.title_tokens)

    def _gathering_parties(self, c: EventClause, agent_toks: list[Token]) -> list[str]:
        """ "The negotiations yielded an agreement": the parties of the talks named earlier."""
        for tok in [c.trigger, *agent_toks] if c.is_noun else agent_toks:
            if self.timing.refers_back(tok):
                parties = self.timing.gathering_actors(tok)
                if parties:
                    return list(parties)
        return []

    def _is_place(self, tok: Token, c: EventClause) -> bool:
        """A place of the act itself: attached to its verb (or the verbs it governs directly,
        "offered to *travel to Turkey*"), to its object ("took a village *in Ukraine*"), or to a
        visit or gathering in the clause ("during a visit *to Kyiv*"); not a place deeper down
        ("welcomed a statement that Russia was ready to resume talks *in Istanbul*")."""
        trig = c.trigger
        if tok.dep_ == "dobj" and tok.head.i == trig.i and trig.lemma_.lower() in ("visit", "tour"):
            return True  # "visited Kyiv"
        if tok.dep_ != "pobj":
            return False
        prep, low = tok.head, tok.head.lower_
        gov = prep.head
        if low == "to" and gov.lemma_.lower() not in self.lex.cue("motion_verb") and gov.lower_ not in _TRAVEL_NOUNS:
            return False
        if low != "to" and low not in self.lex.cue("place_prep") or low == "at" and gov.i == trig.i and category_of(c.code) in ("19", "20"):
            return False  # "fired rockets at Tel Aviv": what force is aimed at is struck, not where it was used
        heads = {trig.i, c.head.i}
        frontier = [trig, c.head]
        while frontier:  # the verbs the trigger governs directly: xcomp chains
            verb = frontier.pop()
            for child in verb.children:
                if child.dep_ == "xcomp" and child.i not in heads:
                    heads.add(child.i)
                    frontier.append(child)
        if gov.i in heads:
            return True
        if gov.pos_ in ("NOUN", "PROPN"):
            if gov.dep_ in ("dobj", "nsubjpass", "attr") and gov.head.i in heads:
                return True
            travel = gov.lower_ in _TRAVEL_NOUNS or gov.lemma_.lower() in self.lex.cue("meeting_noun")
            if gov.dep_ == "pobj" and gov.head.head.i in heads and (travel or gov.head.head.pos_ in VERBAL):
                return True
        return False

    def _where_a_thing_is(self, tok: Token, c: EventClause) -> bool:
        """A place that only locates a thing named below the act ("a sense of belonging *in
        Britain*"): "in" on a noun that is no act ("the war in Ukraine" keeps Ukraine) and no party
        of the trigger itself."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "in":
            return False
        thing = tok.head.head
        return (thing.pos_ == "NOUN" and not self.words.act_noun(thing) and thing.head.i != c.trigger.i
                and thing.i != c.trigger.i)

    def _place_name(self, tok: Token, actor_id: str) -> str:
        """The place as written when it is a proper name ("Addis Ababa"), else its actor's name."""
        lo = hi = tok.i
        if tok.ent_iob_ in ("B", "I"):
            while tok.doc[lo].ent_iob_ == "I" and lo > 0:
                lo -= 1
            while hi + 1 < len(tok.doc) and tok.doc[hi + 1].ent_iob_ == "I":
                hi += 1
        span = tok.doc[lo : hi + 1]
        if tok.pos_ == "PROPN" and span.text:
            text = span.text
            return text[4:] if text.lower().startswith("the ") else text
        return self.index.name_of(actor_id)

    def _modality(self, c: EventClause, speaker_ids: tuple[str, ...]) -> tuple[str, str | None]:
        attribution = None
        if c.attribution_tokens:
            attribution = phrase_text(self.doc, c.attribution_tokens)
            if all(t.pos_ == "PRON" for t in c.attribution_tokens):
                meant = [a for t in c.attribution_tokens for a in self.index.token_refs(t, RefContext())]
                attribution = ", ".join(self.index.name_of(a) for a in dict.fromkeys(meant)) or None
        elif c.speaker is not None:
            toks = self.agent_tokens_of.get(id(c.speaker), [])
            named = [a for t in toks for a in t.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
            if len(toks) == 1 and len(named) == 1:
                toks = named  # "The prime minister, Karin Vold, said": reported by Karin Vold
            attribution = phrase_text(self.doc, toks) if toks else None
            if toks and all(t.pos_ == "PRON" for t in toks):
                # "he said": name who "he" is; "reported by he" says nothing, so no name if none is known
                speakers = self.agents_of.get(id(c.speaker))
                attribution = ", ".join(self.index.name_of(a) for a in speakers) if speakers else None
        if c.neg:
            return "negated", attribution
        if c.hyp:
            return "hypothetical", attribution
        if c.speaker is not None or c.reported_adverb or c.attribution_tokens:
            return "reported", attribution
        return "asserted", None

    def _span(self, c: EventClause) -> tuple[int, int]:
        region = set(c.owned)
        for n in self.children_of.get(id(c), ()):
            if n.is_noun:
                region.update(n.owned)
        if c.match.entry.speech:
            # what was said is not the saying: "Poling said both sides may have withheld the
            # details" is a statement by Poling, not his assertion of the withholding
            region -= content_tokens(c)
        lo = hi = c.trigger.i
        while lo - 1 in region:
            lo -= 1
        while hi + 1 in region:
            hi += 1
        doc = self.doc
        def loose(t: Token) -> bool:
            # "%" is punctuation to spaCy, but "fell to 9%" ends with the figure's unit
            return (t.is_punct and t.dep_ == "punct") or t.is_space or t.dep_ == "cc"

        while lo < c.trigger.i and loose(doc[lo]):
            lo += 1
        while hi > c.trigger.i and loose(doc[hi]):
            hi -= 1
        start = doc[lo].idx
        # a sentence the parser ran across a heading or paragraph break: keep the trigger's block
        text = text_of(doc)[start : doc[hi].idx + len(doc[hi].text)]  # as doc[lo : hi + 1].text, without the walk
        t0, t1 = c.trigger.idx - start, c.trigger.idx + len(c.trigger.text) - start
        cut = text.rfind("\n\n", 0, t0)
        head = cut + 2 if cut >= 0 else 0
        cut = text.find("\n\n", t1)
        tail = cut if cut >= 0 else len(text)
        self._texts[(start + head, start + tail)] = text[head:tail]
        return start + head, start + tail

    def _with_doer(self, c: EventClause, span: tuple[int, int], agent_toks: list[Token], outside: _Outside) -> tuple[int, int]:
        """'GM plans to *close* 1,100 dealerships', 'The office called for a re-run, *citing* flaws': the
        doer of an act told in a dependent clause is named outside the clause; the event's text
        reaches back (or on) to that name, so that the row's highlight shows who acts."""
        start, end = span
        sent = c.trigger.sent
        for tok in agent_toks:
            if tok.sent != sent or tok.i in outside or tok.pos_ == "PRON":
                continue
            lo, hi = tok.left_edge, tok
            if lo.i in outside:
                lo = tok
            if lo.idx < start:
                start = lo.idx
            elif hi.idx >= end:
                end = hi.idx + len(hi.text)
        if span != (start, end):
            self._texts.pop(span, None)
        return start, end

    def _text(self, start: int, end: int) -> str:
        """Document text between two token boundaries (without joining the whole Doc)."""
        known = self._texts.get((start, end))
        if known is not None:
            return known
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.text if span is not None else ""

    def _label(self, c: EventClause) -> str:
        doc, trig, entry = self.doc, c.trigger, c.match.entry
        words = [doc[i] for i in sorted({trig.i, *c.match.extra})]
        if entry.pos == "NOUN":
            label = " ".join(w.lower_ for w in words)
        else:
            label = " ".join(w.lemma_.lower() if w.i == trig.i else w.lower_ for w in words)
        if c.complement is not None:
            comp = c.complement
            if comp.pos_ in VERBAL:
                label += f" to {comp.lemma_.lower()}"
            elif comp.dep_ == "dobj":
                label += f" {comp.lower_}"
            else:
                label += f" of {comp.lower_}"
        elif entry.objects:
            objs = [ch for ch in trig.children if ch.dep_ in ("dobj", "attr")]
            if objs and not objs[0].ent_type_:
                label += f" {objs[0].lower_}"
        elif entry.pos == "ADJ":
            comps = [ch for ch in trig.children if ch.dep_ in ("xcomp", "ccomp", "acl", "advcl")]
            if comps:
                label += f" to {comps[0].lemma_.lower()}"
        return label

    def _title_tokens(self) -> set[int]:
        """Country words in a person's title ("*Polish* President Andrzej Duda") naming that person's country."""
        out: set[int] = set()
        index, doc = self.index, self.doc
        for i, actor_id in index.by_token.items():
            if index.type_of(actor_id) not in ("GPE", "NORP"):
                continue
            tok = doc[i]
            for _ in range(4):
                if tok.dep_ not in ("amod", "compound", "nmod", "flat") or tok.head.i == tok.i:
                    break
                tok = tok.head
                # "Sudanese army chief Abdel Fattah al-Burhan": the name may be an apposition
                named = [tok, *(a for a in tok.children if a.dep_ == "appos")]
                people = [p for p in (index.by_token.get(t.i) for t in named) if p and index.type_of(p) == "PERSON"]
                if people:
                    if any(index.country_of.get(p) == actor_id for p in people):
                        out.add(i)
                    break
        return out

class _Outside:
    """Token indices outside the trigger's paragraph, or in a dateline (a set-like test)."""

    __slots__ = ("after", "before", "datelines", "titles")

    def __init__(self, datelines: set[int], before: int, after: int, titles: set[int]) -> None:
        self.datelines, self.before, self.after, self.titles = datelines, before, after, titles

    def __contains__(self, i: int) -> bool:
        return i <= self.before or i >= self.after or i in self.datelines or i in self.titles

    def breaks_only(self) -> _Outside:
        """The same test without the title words (they take part, they just do not act)."""
        return _Outside(self.datelines, self.before, self.after, set())
