"""When an act happened: the clause's own date, else a dated gathering it refers to, else its governor's.

Rules, in order:
1. a DATE/TIME expression bound to the clause (not one after "since", "until"... which bounds a
   span rather than dating the act), nearest the trigger;
2. "on the eve of the talks": the date of the talks shifted by the cue's day offset;
3. the clause's trigger or subject is a gathering noun ("the talks", "the negotiations") with no
   date of its own: the date last given to a gathering in the text ("the 15 May negotiations");
   Attending with nothing attended named ("Also due to attend are ...") dates by the gathering
   just named;
4. the date of the governing event (what a speaker said takes the saying's date), or of the
   first of two coordinated acts that share their subject ("flew to Cairo on 5 June and met").
An act told as done (asserted, in the simple past or a perfect) is never dated after publication:
such a date belongs to something else in the sentence ("an election in May").
DURATION and SET expressions never date an event.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from reader.model import DateMention
from reader.nlp.doc_text import (
    hashed_in,
    indices_where,
    sentences_back,
    sorted_hashes,
    text_of,
    token_range,
    token_starts,
)
from reader.nlp.events.clause_shapes import act_before_or_after, body_simple_present
from reader.nlp.events.date_labels import names_a_thing
from reader.nlp.events.event_clause import EventClause, told_as_done
from reader.nlp.events.lexicon import Lexicon
from reader.nlp.events.participants import ActorIndex, RefContext
from reader.nlp.events.subjects import VERBAL, governing_verb, subject_tokens
from reader.nlp.events.time_apart import date_apart, time_mark
from reader.nlp.timex.tense import before_complement_subject
from reader.nlp.timex.values import date_precision, point_date

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Prepositions whose act noun is the cause or topic of the clause ("charged over the crash", "an
#: inquiry into the war"): a date on that noun is its own (not "arrested after the protest on Monday").
_CAUSE_PREPS = frozenset({"over", "for", "about", "into"})
#: Marks of a clause that frames the time of the one it hangs on ("When the government was elected in 2022, ...").
_FRAME_MARKS = frozenset({"when", "while", "after", "once", "as", "before"})
_TIME_UNITS = frozenset({"day", "week", "month", "year", "decade", "hour"})
#: How a date before a noun hangs on it when it says which one is meant ("the 2022 election", "Monday's vote").
_PREMODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
#: Prepositions of a topic or a cause: a dated noun they take is what the act is about.
_TOPIC_PREPS = _CAUSE_PREPS | {"against", "regarding", "concerning"}

class EventDates:
    def __init__(self, doc: Doc, dates: list[DateMention], lexicon: Lexicon, index: ActorIndex,
                 starts: dict[int, int] | None = None, published: dt.date | None = None) -> None:
        self.doc = doc
        self.published = published
        self._frame_dates: list[tuple[int, str]] | None = None
        self._text: str | None = None
        self.lex = lexicon
        self.index = index
        #: (token index, actor ids) for gathering nouns that name their parties ("Russian-Ukrainian talks")
        self.gathering_parties: list[tuple[int, list[str]]] = []
        self.by_token: dict[int, DateMention] = {}
        #: the syntactic root token of each date expression, by the expression's start offset
        self.root_of: dict[int, int] = {}
        starts = token_starts(doc) if starts is None else starts
        dateline = index.dateline_tokens()  # "BERLIN, Nov 7 -": the day it was filed, not of an act
        for d in dates:
            if d.type not in ("DATE", "TIME"):
                continue
            tokens = token_range(doc, starts, d.start, d.end)
            if tokens is None or tokens.start in dateline:
                continue
            for i in tokens:
                self.by_token[i] = d
            self.root_of[d.start] = doc[tokens.start : max(tokens.stop, tokens.start + 1)].root.i
        self._relative_words: set[int] | None = None
        self.gathering: list[tuple[int, str]] = self._gathering_dates()
        index.gathering_parties = self.gathering_parties

    # -- dates of tokens ---------------------------------------------------------------------

    def _usable(self, i: int, deadline: bool = False) -> DateMention | None:
        d = self.by_token.get(i)
        if d is None:
            return None
        root = self.doc[self.root_of.get(d.start, i)]
        head = root.head
        if head.dep_ == "prep" or head.pos_ == "ADP" or head.pos_ == "SCONJ":
            if head.lower_ in self.lex.cue("temporal_prep_excluded") and not (deadline and head.lower_ == "by"):
                return None
        return d

    def _date_in(self, tokens: list[int], anchor: Token, deadline: bool = False) -> str | None:
        """The calendar date nearest the anchor; vague references ("now", "earlier") date nothing.
        `deadline`: an act still to come takes the date it is due by ("will close two plants by 2025")."""
        best: tuple[int, str, int] | None = None
        for i in tokens:
            d = self._usable(i, deadline)
            if d is None or not d.value or not (d.value[:1].isdigit() or d.value[:1] == "X") or names_a_thing(
                    self.doc[self.root_of.get(d.start, i)], anchor, self.by_token.__contains__):
                continue
            distance = abs(i - anchor.i)
            if best is None or distance < best[0]:
                best = (distance, d.value, i)
        return (self._after_dated_act(best[2], best[1], anchor) or best[1]) if best else None

    def _after_dated_act(self, i: int, value: str, anchor: Token) -> str | None:
        """ "fired rockets a day after Hamas's attack on 7 October 2023": the date of the act "after" takes, moved
        by the measure ("a day") to the act of the clause (8 October); None when the date is not so placed."""
        prep = self.doc[self.root_of.get(self.by_token[i].start, i)].head
        noun = prep.head
        if prep.lower_ not in ("on", "in") or noun.dep_ != "pobj" or noun.head.lower_ not in ("after", "before") or noun.i == anchor.i:
            return None  # (the attack's own row keeps its day)
        mark = noun.head
        return date_apart(mark.head, mark, value, date_precision(value), toward=-1)

    def _covers(self, i: int, tok: Token) -> bool:
        d = self.by_token.get(i)
        return d is not None and d.start <= tok.idx < d.end

    def _gathering_dates(self) -> list[tuple[int, str]]:
        """(token index, date) for every gathering noun that carries a date of its own, in order."""
        out: list[tuple[int, str]] = []
        named: list[int] = []
        if len(self.doc):
            wanted = sorted_hashes(self.lex.cue("meeting_noun"))
            columns = self.doc.to_array([LOWER, LEMMA])
            named = np.flatnonzero(hashed_in(columns[:, 0], wanted) | hashed_in(columns[:, 1], wanted)).tolist()
        for i in named:
            tok = self.doc[i]
            if tok.pos_ != "NOUN":
                continue
            # "the eve of the talks" is a date *about* the talks, not their date
            inside = [t.i for t in tok.subtree if not self._covers(t.i, tok)]
            value = self._date_in(inside, tok)
            if value is None:
                verb = governing_verb(tok)
                if verb is not None:
                    # only a date on the verb itself ("hosted ... on 15 May"), not one deeper down
                    cand = [g.i for c in verb.children if c.dep_ in ("prep", "npadvmod")
                            for g in ([c] if c.dep_ == "npadvmod" else [p for p in c.children if p.dep_ == "pobj"])
                            if g.i in self.by_token]
                    value = self._date_in(cand, verb)
            if value is not None:
                out.append((tok.i, value))
                parties = self._parties(tok)
                if parties:
                    self.gathering_parties.append((tok.i, parties))
        return out

    def _parties(self, tok: Token) -> list[str]:
        out: list[str] = []
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                for g in child.subtree:
                    out.extend(a for a in self.index.ids_at(g.i) if self.index.type_of(a) not in ("LOC", "FAC")
                               and not (self.index.type_of(a) == "GPE" and child.dep_ == "compound"))
            elif child.dep_ == "prep" and child.lower_ in ("between", "with", "among"):
                for g in child.subtree:
                    out.extend(self.index.ids_at(g.i))
        if not out:
            # "Serbia and Kosovo held talks": the parties are who held them
            verb = governing_verb(tok)
            if verb is not None and verb.lemma_.lower() not in ("host", "attend", "follow"):
                for subj in subject_tokens(verb):
                    out.extend(self.index.phrase_actors(subj, RefContext()))
        return list(dict.fromkeys(out))

    def gathering_actors(self, tok: Token) -> list[str]:
        """The parties of the gathering a bare "the talks" refers to: the last one named before it."""
        value: list[str] = []
        kind = self._kind(tok)
        for i, ids in self.gathering_parties:
            if i > tok.i:
                break
            if self._kind(self.doc[i]) == kind:
                value = ids
        return value

    def _kind(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        return lemma if lemma in self.lex.cue("distinct_gathering") else "talks"

    def refers_back(self, tok: Token) -> bool:
        """ "the talks", "these negotiations" point back; "talks with X" is a gathering of its own."""
        nouns = self.lex.cue("meeting_noun")
        if tok.lower_ not in nouns and tok.lemma_.lower() not in nouns:
            return False
        return any(c.dep_ == "det" and c.lower_ in self.lex.cue("definite_determiner") for c in tok.children)

    def gathering_date(self, tok: Token) -> str | None:
        value = None
        kind = self._kind(tok)
        for i, v in self.gathering:
            if i > tok.i:
                break
            if self._kind(self.doc[i]) == kind:
                value = v
        return value

    # -- events ------------------------------------------------------------------------------

    def _in_own_clause(self, i: int, ev: EventClause) -> bool:
        """False for a date inside a subordinate clause with its own subject ("where they had been
        interrupted in 2022"), or inside the act a verb judges ("accused X of violating the truce on
        Tuesday"): that date belongs to the subordinate act."""
        tok = self.doc[i]
        if self._across_quotation(i, ev) or self._names_which_thing(i, ev):
            return False
        if before_complement_subject(i, ev.head):
            return False  # "said on Thursday it would close plants": the parser hangs the saying's day on the closing
        if ev.hyp and self._dates_act_noun_before(tok, ev):
            return False  # "will go on trial over the rail crash in 2000": the crash's year, not the trial's
        lo, hi = sorted((ev.head.i, i))
        if any(t.text == ";" and t.dep_ == "punct" for t in self.doc[lo + 1 : hi]):
            return False  # "ordered the troops out; the last of them left in December": another clause's date
        stop = {ev.head.i, ev.trigger.i}
        for _ in range(12):
            if tok.i in stop:
                return True
            if tok.head.i == tok.i:
                # "Volkswagen announced last month ..., and the union has threatened strikes": the day
                # inside the first of two clauses with their own subjects is not the second's ("In
                # May, X did A and Y did B" frames both)
                if any(c.text == ";" and min(ev.head.i, i) < c.i < max(ev.head.i, i) for c in tok.children):
                    return False  # "X had been investigating the claims; Y closed its inquiry last year"
                branch = next((a for a in ev.head.ancestors if a.head.i == tok.i and a.i != tok.i), ev.head)
                if ev.hyp and branch.dep_ == "conj" and branch.i > i:
                    return False  # "kept rates on hold on 7 June, and is unlikely to cut them": not done that day
                return not (ev.head.dep_ == "conj" and i > tok.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in ev.head.children))
            if tok.pos_ in VERBAL and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and not (
                    tok.lemma_.lower() in self.lex.cue("naming_verb") and any(c.lower_ == "what" for c in tok.children)):
                return False  # (but "strikes on what it called camps on May 7th" names the place only: the strikes' day)
            if tok.pos_ in VERBAL and tok.head.head.i in stop and (tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for") or (
                    tok.dep_ == "acl" and tok.head.dep_ == "dobj" and _judges(ev))):
                return False  # "accused X of violating the truce on Tuesday", "praised the deal signed in March": that act's day
            if tok.dep_ == "conj" and tok.pos_ in VERBAL and tok.head.i in stop and tok.i < i and any(
                    c.dep_ == "cc" and c.lower_ == "but" for c in tok.head.children):
                return False  # "Fed cuts rates but signals fewer cuts in 2025": the second verb's year (not "flew to
                # Cairo and met Sisi on 5 June": one trip)
            if tok.i != i and tok.dep_ in ("prep", "advmod", "mark") and (tok.lower_ in ("than", "compared", "versus") or (
                    tok.lower_ == "from" and tok.head.lower_ in ("down", "up"))):
                return False  # "won 4 seats, down from 38 in 2019", "compared with 3% in 2023": the baseline's date
            tok = tok.head
        return True

    def _names_which_thing(self, i: int, ev: EventClause) -> bool:
        """ "on trial over the 2022 election", "a row about Monday's vote", "the winner of the 9 October election",
        "the 1951 convention", "condemned Monday's attack": a date that says which one is meant, not when the act
        was (but "in the 2022 election", "won the 2022 election" and "Monday's attack killed" do date it)."""
        trigger = ev.trigger.i
        d = self.by_token[i]
        root = self.doc[self.root_of.get(d.start, i)]
        noun = root.head
        if root.dep_ in ("nummod", "appos") and noun.i == root.i - 1 and noun.text[:1].isupper() and noun.lemma_.lower() in \
                self.lex.cue("instrument_noun"):
            return True  # "would not sign the Finance Bill 2024": the year is in the law's name
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
            noun = noun.head  # "the 1977 emergency powers law": the law's year
        marked = root.dep_ == "poss" or any(c.dep_ == "det" and c.i < root.i for c in noun.children)
        of_noun = noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"  # "the winner of the 9 October election"
        if not (marked and root.dep_ in _PREMODIFIER_DEPS and noun.i > root.i and noun.pos_ == "NOUN") or noun.i == trigger:
            return False
        if noun.lemma_.lower() in self.lex.cue("instrument_noun"):
            return True  # "withdraw from the 1951 refugee convention": the year the convention was made
        judged = root.dep_ == "poss" and noun.dep_ == "dobj" and (noun.head.i != trigger or _judges(ev)) and \
            noun.head.lemma_.lower() not in self.lex.cue("attendance_verb")
        return judged or noun.dep_ == "pobj" and (noun.head.lower_ in _TOPIC_PREPS or of_noun)  # ("of ordering Saturday's attack")

    def _dates_act_noun_before(self, tok: Token, ev: EventClause) -> bool:
        """ "over the rail crash in 2000": a date phrase right after an act named as the cause or topic of
        the clause dates that act, wherever the parser hangs it."""
        prep = tok.head if tok.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("in", "on") or prep.i == 0:
            return False
        noun = self.doc[prep.i - 1]
        while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at", "near") and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "the rail crash in Hatfield in 2000": the place said, then the year
        return (noun.pos_ == "NOUN" and noun.i != ev.trigger.i and noun.dep_ == "pobj" and noun.head.lower_ in _CAUSE_PREPS
                and bool(self.lex.entries.get((noun.lemma_.lower(), "NOUN"))))

    def _in_aside_participle(self, i: int, ev: EventClause) -> bool:
        """A date in a participle that describes a noun of the clause ("the government, *formed in
        September*"), not the clause's act."""
        tok, stop = self.doc[i], {ev.head.i, ev.trigger.i}
        while tok.i not in stop and tok.head.i != tok.i:
            if tok.pos_ in VERBAL and tok.dep_ == "acl" and tok.head.i not in stop:
                return True
            tok = tok.head
        return False

    def _across_quotation(self, i: int, ev: EventClause) -> bool:
        """'"... told me so on Friday," he said': a day inside a quotation is not the saying's, nor
        one outside it the day of what is quoted."""
        quoted = self.index.quoted_tokens()
        return (i in quoted) != (ev.trigger.i in quoted)

    def date_of(self, ev: EventClause, resolved: dict[int, str | None], span: tuple[int, int] | None = None,
                actors: tuple[str, ...] = ()) -> str | None:
        value = self._date_of(ev, resolved, span, actors)
        if value is not None and self._after_publication(value) and told_as_done(ev):
            # "parties campaign for an election in May, although Blair has not confirmed any timing":
            # what the text tells as done cannot lie after the day it was written; May is the election's.
            # The clause is then dated as if it named no day ("fell apart on 6 November when Scholz
            # sacked his minister over the 2025 budget": the sacking is the sentence's 6 November)
            fallback = self._date_of(ev, resolved, span, actors, own_dates=False)
            if fallback is not None and not self._after_publication(fallback):
                return fallback
            return self._lead_perfect(ev)
        return value

    def _after_publication(self, value: str) -> bool:
        """After publication by more than the two days a dateline may lag its story ("on Monday, Oct. 26" on a Sunday)."""
        start = point_date(value)
        return self.published is not None and start is not None and start > self.published + dt.timedelta(days=2)

    def past_act_under_plan(self, ev: EventClause, value: str | None) -> bool:
        """ "is to go on trial over the rail crash in 2000": an act noun under a planned act, dated a
        year before publication, happened; the plan's hedge is not its own."""
        start = point_date(value) if value else None
        return (ev.is_noun and ev.parent is not None and ev.parent.hyp and start is not None
                and self.published is not None and start.year < self.published.year)

    def scheduled(self, ev: EventClause, value: str | None) -> bool:
        """ "Voters go to the polls on Sunday": a simple present dated after publication is a schedule, still to come."""
        return value is not None and body_simple_present(ev.head) and self._after_publication(value)

    def _lead_perfect(self, ev: EventClause) -> str | None:
        """The publication date for a lead in the present perfect ("Abbas has said he will not tolerate attacks")."""
        verb, trig = ev.head, ev.trigger
        perfect = verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children)
        if perfect and self.published is not None and trig.idx < 1500 and self.text.count("\n", 0, trig.idx) <= 2:
            return self.published.isoformat()
        return None

    def _date_of(self, ev: EventClause, resolved: dict[int, str | None], span: tuple[int, int] | None,
                 actors: tuple[str, ...], own_dates: bool = True) -> str | None:
        lo, hi = span or (0, self.doc[-1].idx + len(self.doc[-1].text) + 1)
        bound = [i for i in ev.bound if own_dates and i in self.by_token and lo <= self.doc[i].idx < hi
                 and self._in_own_clause(i, ev)]
        # "called an election for 17 November", "cut its forecast for the year on 28 May": the object's time
        objects = [i for i in bound if self._dates_the_object(i, ev)]
        bound = [i for i in bound if i not in objects]
        # "the government, formed in September, suffered a defeat on Tuesday": the verb's own day first
        direct = [i for i in bound if not self._in_aside_participle(i, ev)]
        own = self._date_in(direct or bound, ev.trigger, deadline=ev.hyp)
        if own is not None and own[:1].isdigit():
            return own
        shifted = self._relative_day(ev)
        if shifted is not None:
            return shifted
        if own is not None:
            return own
        if any(c.dep_ == "prep" and c.lower_ == "since" for c in ev.head.children) and not any(
                t.lower_ in ("first", "last") or t.tag_ == "JJS" for o in ev.head.children if o.dep_ == "dobj" for t in o.subtree):
            # "the party that has governed Georgia since 2012": a state since then, not the sentence's day (but "has
            # posted its first loss since 1992" is news)
            return None
        candidates = [ev.trigger] if ev.is_noun else []
        candidates += [c for c in ev.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for tok in candidates:
            if self.refers_back(tok):
                value = self.gathering_date(tok)
                if value is not None:
                    return value
        value = self._attended_gathering(ev.trigger)
        if value is not None:
            return value
        if ev.parent is not None and ev.link in ("advcl", "relcl"):
            mark, main = time_mark(ev.head), resolved.get(id(ev.parent))
            if mark is not None and (apart := date_apart(ev.head, mark, main, date_precision(main))) is not None:
                return apart  # "on Wednesday, a day after he declared martial law": Tuesday
            if mark is not None and ev.link == "relcl" and self._at_other_time(ev.head, main):
                return None
        if ev.parent is not None and act_before_or_after(ev.head):
            main = resolved.get(id(ev.parent))  # "lifted it on Wednesday, hours after declaring it": not Wednesday's
            return None if date_precision(main) in ("day", "time") else main
        if ev.parent is not None and ev.link in ("speech", "advcl", "adjunct"):
            if ev.link == "speech" and ev.hyp:
                return None  # "announced on Monday that they would back the plans": the backing is not Monday's
            if ev.link == "advcl" and self._at_other_time(ev.head, resolved.get(id(ev.parent))):
                return None  # "said on Friday, two years after the group seized it": the seizing is not Friday's
            return resolved.get(id(ev.parent))
        if ev.link == "conj" and ev.sibling is not None and (not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in ev.head.children) or time_mark(ev.sibling.head) is not None):
            # (and "a day after protesters stormed parliament and 22 people were killed": one clause of time)
            # "flew to Cairo on 5 June and met al-Sisi": one subject, one day (not "kept rates on hold on
            # 7 June and is unlikely to cut them": what is still to come is not done that day)
            return None if ev.hyp and not ev.sibling.hyp else resolved.get(id(ev.sibling))
        return self._context_date(ev, actors) or self._date_in(objects, ev.trigger, deadline=ev.hyp)

    def _dates_the_object(self, i: int, ev: EventClause) -> bool:
        """A date after "for" on a verb with an object says when the object is (the election called,
        the year forecast, the profit reported), not when the act was: the act's date only failing all else."""
        d = self.by_token[i]
        prep = self.doc[self.root_of.get(d.start, i)].head
        verb = prep.head
        return (prep.lower_ == "for" and verb.i in (ev.head.i, ev.trigger.i)
                and any(c.dep_ == "dobj" for c in verb.children))

    def _at_other_time(self, clause: Token, main_date: str | None) -> bool:
        """A clause told as after or before its main clause ("after the troops opened fire") shares the
        main clause's year or month ("in 1989"), not its day, nor any date a span apart ("a year before")."""
        mark = time_mark(clause)
        if mark is None:
            return False
        span_apart = any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for t in (clause, mark) for c in t.children)
        return span_apart or date_precision(main_date) in ("day", "time")

    def _attended_gathering(self, trig: Token) -> str | None:
        """ "Tuesday's meeting is hosted by Blair. Also due to attend are Rice and Annan": attending,
        with nothing said to be attended, is attending the gathering just named (this sentence or the
        one before), on its date."""
        if trig.lemma_.lower() not in self.lex.cue("attendance_verb") or any(
                c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in trig.children):
            return None
        first = sentences_back(trig, 1)
        k = bisect_left(self.gathering, first, key=lambda g: g[0])
        near = [v for i, v in self.gathering[k:] if i < trig.i]
        return near[-1] if near else None

    def _context_date(self, ev: EventClause, actors: tuple[str, ...] = ()) -> str | None:
        """When the clause has no date of its own: the sentence's ("When the government was
        elected in September 2022, Meloni went to great lengths"), else, for a story told in the
        simple past, the date the paragraph last framed a clause with ("In 2016 the court
        ruled. Manila welcomed the ruling."), else the publication date for a lead in the present
        perfect ("Abbas has said he will not tolerate attacks")."""
        trig = ev.trigger
        sent = trig.sent
        value = self._date_in([i for i in range(sent.start, sent.end) if i in self.by_token and self._frames_event(i, ev)], trig)
        if value is not None and value[:1].isdigit():
            if ev.head.dep_ == "relcl" and time_mark(ev.head) is None and any(
                    t.lower_ in ("who", "whom", "whose", "which") for c in ev.head.children for t in (c, *c.children)):
                # "Mr Macron, who has ruled out resigning, will speak on Thursday": not Thursday's (but "the launch on
                # Tuesday, where Brown was joined by Milburn", "on the day a report was published" are that day's)
                return None
            return self._told_against(ev, value, ("advcl", "relcl"))  # the sentence's date is its main clause's
        verb = ev.head if ev.head.pos_ in VERBAL else None
        if verb is None or ev.hyp:
            return None
        past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ not in ("had",)
                                        for c in verb.children)
        text = self.text
        start = text.rfind("\n", 0, trig.idx) + 1
        if past:
            # the story goes on only with a doer it was telling of: "Hassan was abducted on 19
            # October. Galloway, who was expelled from Labour, ..." does not date the expulsion
            frames = self._frames()
            k = bisect_left(frames, trig.idx, key=lambda f: f[0])
            if not k or frames[k - 1][0] < start or not set(actors) & self._actors_of_sentence(frames[k - 1][0]) or any(
                    c.dep_ == "advmod" and c.lower_ in _LATER_WORDS for v in (verb, *verb.ancestors) for c in v.children):
                return None  # (and "He then travelled to Washington": after that day, not on it)
            return self._told_against(ev, frames[k - 1][1], ("advcl",))  # "The move came two days after the bank raised rates"
        return self._lead_perfect(ev)

    def _told_against(self, ev: EventClause, value: str, deps: tuple[str, ...]) -> str | None:
        """The date of a clause told as after or before the time `value` of the clause it hangs on: that far
        from it ("two days after"), none when only the order is told, else `value`."""
        mark = time_mark(ev.head)
        if mark is None or ev.head.dep_ not in deps:
            return value
        return date_apart(ev.head, mark, value, date_precision(value)) or (None if self._at_other_time(ev.head, value) else value)

    def _actors_of_sentence(self, char: int) -> set[str]:
        """Actor ids named in the sentence holding character `char`."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return set()
        sent = span[0].sent
        return {a for i in range(sent.start, sent.end) for a in self.index.ids_at(i)}

    @property
    def text(self) -> str:
        """The document's text, joined once (``Doc.text`` joins every token on each call)."""
        if self._text is None:
            self._text = text_of(self.doc)
        return self._text

    def _frames_event(self, i: int, ev: EventClause) -> bool:
        """Whether the date at token i dates the event's sentence for it: a date in a clause of its
        own dates that clause ("as it did in 2021"), unless the clause is a time frame ("When the
        government was elected in September 2022, ...") or the date stands before that clause's
        subject ("said in January it planned")."""
        if self._in_own_clause(i, ev):
            return True
        if self._across_quotation(i, ev) or ev.hyp and self._dates_act_noun_before(self.doc[i], ev) or self._names_which_thing(i, ev):
            return False  # (nor "said the 1977 law Trump had invoked did not": the law's year)
        heads = {ev.head.i, ev.trigger.i}
        if ev.is_noun and ev.trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and ev.trigger.head.pos_ in VERBAL:
            heads.add(ev.trigger.head.i)  # "a disastrous attack ... led to casualties five years ago"
        tok = self.doc[i]
        for _ in range(12):
            head = tok.head
            if head.i == tok.i:
                return False
            if tok.pos_ in VERBAL and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                subject = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
                temporal = tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _FRAME_MARKS for c in tok.children) \
                    and not any(c.lower_ in ("did", "does", "do") for c in tok.children)
                # before the subject, not the subject ("Christmas Day is a special day" dates nothing said)
                preposed = i < subject.i and tok.dep_ in ("ccomp", "advcl") and not self._is_subject_date(i, subject)
                if not (temporal or preposed) or head.i not in heads and head.pos_ not in VERBAL:
                    return False
                if temporal and ev.hyp and (tok.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in tok.children)):
                    return False  # "will impose tariffs, after states failed to block them on Friday": not Friday's
                if head.i in heads:
                    return True
            if tok.i in heads:
                return True
            tok = head
        return False

    def _is_subject_date(self, i: int, subject: Token) -> bool:
        """Whether the date at token i is the subject itself, one of subjects joined by "and", or says
        which thing the subject is ("said the 2022 election was stolen")."""
        d = self.by_token[i]
        root = self.doc[self.root_of.get(d.start, i)]
        if subject.pos_ == "NOUN" and root.head.i == subject.i and root.dep_ in _PREMODIFIER_DEPS:
            return True
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        return root.i == subject.i

    def _frames(self) -> list[tuple[int, str]]:
        """(offset, value) of every calendar date that dates its clause, in text order."""
        if self._frame_dates is None:
            out = []
            seen: set[int] = set()
            for i, d in sorted(self.by_token.items()):
                if d.start in seen or not d.value[:1].isdigit():
                    continue
                seen.add(d.start)
                root = self.doc[self.root_of.get(d.start, i)]
                head = root.head
                verb = head.head if root.dep_ == "pobj" else head
                framed = (root.dep_ == "pobj" and head.lower_ in ("in", "on", "during") and verb.pos_ in VERBAL) or (
                    root.dep_ in ("npadvmod", "advmod") and verb.pos_ in VERBAL)
                while framed and verb.dep_ == "conj" and verb.head.i != verb.i:
                    verb = verb.head
                # only a main clause moves the story on ("since the talks collapsed in 2023" does not)
                if framed and verb.dep_ == "ROOT":
                    out.append((d.start, d.value))
            self._frame_dates = out
        return self._frame_dates

    def _relative_day(self, ev: EventClause) -> str | None:
        nouns = self.lex.cue("meeting_noun")
        if self._relative_words is None:
            self._relative_words = set(indices_where(self.doc, LOWER, self.lex.relative_days))
        for i in self._relative_words.intersection(ev.bound):
            tok = self.doc[i]
            offset = self.lex.relative_days.get(tok.lower_)
            if offset is None or tok.dep_ != "pobj":
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                for g in prep.children:
                    if g.dep_ == "pobj" and (g.lower_ in nouns or g.lemma_.lower() in nouns):
                        value = self.gathering_date(g)
                        if value and _ISO_DAY.match(value) and self.refers_back(g):
                            day = dt.date.fromisoformat(value) + dt.timedelta(days=offset)
                            return day.isoformat()
        return None


#: Adverbs that put an act after the time the story last gave ("He then travelled to Washington").
_LATER_WORDS = frozenset({"then", "subsequently", "thereafter", "eventually"})  # ("later", "afterwards": that day, mostly)


def _judges(ev: EventClause) -> bool:
    """Praise, defence, disapproval, rejection: an act judging another, which keeps its own date ("criticised X")."""
    return (ev.code or ev.match.entry.code).startswith(("051", "052", "11", "12"))
