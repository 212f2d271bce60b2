"""Sidebar rows a reader can scan: who acts, then the clause in its own words.

"Abdelatty: told reporters Egypt will not accept a fait accompli" rather than "Badr Abdelatty: tell":
the doer by the one word the briefing calls them, the clause from its verb group on (never
invented, at most a few words), whom the words only point at ("his Polish counterpart" -> Duda),
and how sure the text is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from reader.model import ACTOR_TYPES
from reader.nlp.events.clause_shapes import (
    negating_phrase_head,
    opens_alternative,
    restating_appositive,
    restating_noun,
    set_off_aside,
)
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.lexicon import QUANTITY_HEADS, doer_subject
from reader.nlp.events.participants import ActorIndex, RefContext
from reader.nlp.events.reported import QUOTES, content_tokens, said_around, splits_quotation
from reader.nlp.events.short_names import ShortNames
from reader.nlp.events.subjects import raised_subjects, relative_is_subject
from reader.nlp.events.text_regions import CLOSING_MARKS, OPENING_MARKS

_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|without)\b|n['’]t\b", re.IGNORECASE)
_EDGE_PUNCT = set(" \n\t,;:.—–-\"'“”‘’()[]")


#: Words a cut-short summary does not end on ("could harm the…"): they only lead on to the next.
_LEADING_WORDS = frozenset({"the", "a", "an", "of", "to", "in", "on", "for", "with", "and", "or", "but", "by", "that",
                            "at", "as", "from", "into", "than", "his", "her", "their", "its", "our", "my", "your",
                            "this", "these", "those", "which", "who", "whose", "is", "are", "was", "were", "be",
                            "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "not"})


def _head_words(head: Token) -> str:
    """A noun phrase up to its noun ("New rules", "The ban"), or the noun alone when that is long too."""
    left = [t for t in head.subtree if t.i <= head.i]
    words = " ".join(head.doc[left[0].i : head.i + 1].text.split())
    return words if len(words.split()) <= 6 else head.text


def _noun_words(noun: Token, doers: list[Token], extra: tuple[int, ...] = ()) -> tuple[str, range]:
    """A noun told as an act with the words before it that say which, not its doer's ("rail crash"), and its
    particle ("bail out")."""
    mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound", "nummod", "nmod") and not any(t in d.subtree for d in doers)]
    # (not before a dash set off by a space: "one key point- al-Qaeda attacks")
    breaks = [t.i + 1 for t in noun.doc[max(0, noun.i - 6) : noun.i] if t.is_punct and t.text not in QUOTES and not t.is_space
              and (t.whitespace_ or noun.doc[t.i - 1].whitespace_)]
    start = max([min((t.left_edge.i for t in mods), default=noun.i), *breaks])
    end = noun.doc[noun.i + 1].right_edge.i + 1 if noun.i + 1 in extra else noun.i + 1  # "bail out of the banks"
    words = "".join(t.whitespace_ if t.text in QUOTES else t.text_with_ws for t in noun.doc[start:end])
    return " ".join(words.split()), range(start, end)


def phrase_text(doc: Doc, toks: list[Token]) -> str | None:
    if not toks:
        return None
    lo = min(t.left_edge.i for t in toks)
    hi = max(t.right_edge.i for t in toks)
    for t in toks:
        if t.pos_ == "PROPN" and (aside := set_off_aside(t)) is not None:
            hi = min(hi, aside.left_edge.i - 2)  # "Trump, on April 22nd, said": Trump
        for c in t.children:
            if c.dep_ == "relcl" and c.left_edge.i > t.i + 1 and doc[c.left_edge.i - 1].text == ",":
                hi = min(hi, c.left_edge.i - 2)  # "The IMF, which approved a loan in January, said": the IMF
    for i in range(max(t.i for t in toks) + 1, hi + 1):
        if doc[i].text == "," and i + 1 <= hi and doc[i + 1].dep_ == "prep" and doc[i + 1].lower_ in ("including", "among"):
            hi = i - 1  # "according to the minister, Pascoal Ronda, including two police officers": the minister
            break
        if doc[i].text in ("–", "—") or doc[i].text == "-" and doc[i - 1].whitespace_:  # (not "civil-society")
            hi = i - 1  # "the contingent's last radio message – late Saturday": the phrase ends at the dash
            break
    while hi > lo and doc[hi].tag_ == "POS":
        hi -= 1  # "the QCA's report": the QCA
    first = min(t.i for t in toks)
    lo = max([lo, *(i + 1 for i in range(lo, first) if doc[i].text in ("–", "—", "-") and doc[i].whitespace_)])
    start = lo  # ("SEOUL - South Korea's opposition parties": the phrase starts after a dateline's dash)
    while start < hi and doc[start].ent_type_ in ("DATE", "TIME") and start < first:
        start += 1  # "On Monday Germany said": the parser's "Monday Germany" is Germany
    lo = lo if doc[start].tag_ == "POS" else start  # but "Monday's attack" is the attack of that day
    text = doc[lo : hi + 1].text.strip().strip("".join(_EDGE_PUNCT))
    return _balanced(text) or None


def _clitic(tok: Token) -> bool:
    """ "'m", "'re", "'ll", "'ve", "'d", "'s" written onto the word before it."""
    return tok.text[:1] in ("'", "’") and tok.pos_ in ("AUX", "VERB") and len(tok.text) > 1


def _balanced(text: str) -> str:
    """Without its quotation marks when one is left open ('a “complex ambush' cut before the “ closes)."""
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return " ".join(text.replace("“", "").replace("”", "").replace('"', "").split())
    return text


class Summaries:
    """Writes the summary of each event of one document (see the module docstring)."""

    def __init__(self, doc: Doc, index: ActorIndex, text: str, children_of: dict[int, list[EventClause]],
                 label: Callable[[EventClause], str], raising: dict[int, str] | None = None,
                 governor: Callable[[Token], Token | None] | None = None) -> None:
        self.doc = doc
        self.index = index
        self.text = text
        self.children_of = children_of
        self._label = label
        self._short_name = ShortNames(index, text).of
        #: "is said / thought to" hedges by token index (the clause finder's)
        self.raising = raising if raising is not None else {}
        #: the verb whose complement an act is ("plans to close"), shown with it
        self._governor = governor or (lambda tok: None)

    def summary(self, c: EventClause, agents: list[str], targets: list[str], agent_toks: list[Token],
                 modality: str, attribution: str | None, subject_heads: bool = False) -> str:
        """ "Abdelatty: told reporters Egypt will not accept a fait accompli": who acts, then the
        clause in its own words from the verb on (short, never invented), then how sure it is.
        `subject_heads`: the subject names what the clause is about, whoever the doer ("the new law:
        came into force")."""
        agent_toks = [t for t in agent_toks if t.ent_type_ not in ("DATE", "TIME")]  # "last Friday's bombing"
        restated = restating_noun(c.head, self.index.lexicon)  # "..., a charge Vestland denied"
        passive = restated is None and any(ch.dep_ in ("auxpass", "nsubjpass") for ch in c.head.children)
        subject = [ch for ch in c.head.children if ch.dep_ == "nsubjpass"] if passive else []
        by_agent = c.head.tag_ == "VBN" and any(ch.dep_ == "agent" for ch in c.head.children)
        denied_by = by_agent and c.head.dep_ == "acl" and restating_appositive(c.head.head, self.index.lexicon)
        if denied_by:
            restated, by_agent = c.head.head, False  # "..., a claim denied by the chancellor": "Brown: denied the claim"
        if by_agent and c.head.dep_ == "acl" and c.head.head.pos_ in ("NOUN", "PROPN"):
            # "a ceasefire brokered by Turkey in 2022": "a ceasefire: brokered by Turkey in 2022"
            passive, subject = True, [c.head.head]
        elif by_agent and c.head.dep_ == "conj" and not subject:
            # "The rate would be set locally, but administered by the Inland Revenue": the rate heads it
            passive, subject = True, [ch for ch in c.head.head.children if ch.dep_ == "nsubjpass"]
        elif not subject and passive and (raised := raised_subjects(c.head)):
            subject = raised  # "Kuchma is expected to be arrested": "Kuchma: is expected to be arrested"
        relative = c.head if c.head.dep_ == "relcl" else c.head.head if c.head.dep_ == "xcomp" else c.head
        if subject and subject[0].lower_ in ("who", "which", "that") and relative.dep_ == "relcl":
            subject = [relative.head]  # "Mr Leslie, who was elected (is expected to be confirmed)": Mr Leslie heads it
        if subject and not any(t.pos_ == "PRON" for t in subject):
            # "the meeting is being hosted by Blair": the sentence's subject heads it, the doer follows
            head = subject[0]
            left = [t for t in head.subtree if t.i <= head.i]  # "Tuesday's meeting", not its "on Palestinian reform"
            end = next((ch.right_edge.i for ch in head.children if ch.dep_ == "prep" and ch.lower_ == "of"
                        and ch.i == head.i + 1 and (head.lower_ in QUANTITY_HEADS or head.pos_ in ("NUM", "ADJ", "DET", "PRON"))), head.i)
            who = " ".join(self.doc[left[0].i : end + 1].text.split()) if left else head.text  # "Dozens of people"
            who = _balanced(who)  # 'a “complex ambush”' cut before its end
            named = {a for ch in head.children if ch.dep_ == "appos" for a in self.index.ids_at(ch.i)
                     if self.index.type_of(a) == "PERSON"}
            if head.pos_ == "PROPN" and all(t.dep_ in ("compound", "amod") for t in left if t.i != head.i):
                # "Prime Minister Lars Dahl was arrested": "Dahl", as when he acts
                named |= {a for a in self.index.ids_at(head.i) if self.index.type_of(a) == "PERSON"}
            if len(named) == 1:
                who = self._short_name(named.pop())  # "its candidate, Duma Boko, was sworn in": Boko
            if left and left[0].lower_ == "whose" and relative.dep_ == "relcl":
                # "Mr Smith, whose retirement was announced (is expected to be announced)": the one it describes
                owner = relative.head
                ids = self.index.ids_at(owner.i)
                name = self._short_name(ids[0]) if len(ids) == 1 else owner.text
                who = f"{name}'s{who[len('whose'):]}"
            agent_toks = subject
        elif subject_heads and agent_toks:
            who = _head_words(agent_toks[0])
        else:
            who = ", ".join(self._short_name(a) for a in agents)
        if subject and subject[0].lower_ in ("he", "she", "i"):  # "it" is as often a thing as a country or a firm
            # "he was forced to bat away questions", "he was greeted by Chirac": whom the pronoun stands
            # for heads the row, as a named subject would ("Blair: was greeted by Jacques Chirac"; "I": the one speaker)
            meant = [a for a in targets if a in self.index.token_refs(subject[0], RefContext())] or (
                targets if subject[0].lower_ == "i" and len(targets) == 1 else [])
            if meant:
                who, agent_toks = ", ".join(self._short_name(a) for a in meant), subject
        if not who and targets and not subject and c.head.dep_ == "conj" and any(ch.dep_ == "auxpass" for ch in c.head.children):
            shared = [a for s in c.head.head.children if s.dep_ == "nsubj" for a in self.index.token_refs(s, RefContext())]
            who = ", ".join(self._short_name(a) for a in targets if a in shared)  # "he resigned and was arrested": Kim
        if not who and agent_toks and not any(t.pos_ == "PRON" for t in agent_toks) and agent_toks[0].i not in c.match.extra \
                and not agent_toks[0].text[:1].isdigit():
            # (not "Fighting: fighting resumed in Vestland": an act named as the subject is in the words;
            # not "204 to 85: suspending Mr Yoon", a tally the parser took for the doer of "passed by")
            who = phrase_text(self.doc, agent_toks[:1]) or ""
        if len(who.split()) > 6 and not (agent_toks and agent_toks[0].pos_ == "PRON"):  # (not "its: meeting")
            # "New rules on visas for foreign students living in Norland": the words up to the noun
            who = _head_words(agent_toks[0]) if agent_toks else ""
        words = self._clause_words(c, agent_toks, agents)
        words = f"{c.trigger.text} the {restated.text}" if restated is not None and (words == c.trigger.text or denied_by) else words
        if c.is_noun and words == c.trigger.text:  # "Tories: proposals" -> "Tories: sunset clause proposals"
            words, shown = _noun_words(c.trigger, [] if c.code == "DISASTER" else agent_toks, c.match.extra)
            if c.code == "DISASTER" or any(t.i in shown for t in agent_toks):  # "Asian tsunami", "Brixton riots"
                who, targets = "", [t for t in targets if not any(t in self.index.ids_at(i) for i in shown)]
        if passive and agents and who == ", ".join(self._short_name(a) for a in agents) and all(
                self._named_in(a, words) for a in agents):
            # "it would be overtaken by the likes of China": not "China: ... by the likes of China"; whom
            # it happens to heads the row if the words do not name it
            who = ", ".join(self._short_name(t) for t in targets if not self._named_in(t, words))
        if not words:
            words = self._label(c)
        elif (antecedent := self._relative_object(c)) and antecedent.lower() not in words.lower():
            # "the G8, which Britain now chairs": "chairs the G8"; "the reforms, which ...": "approved the reforms"
            at = words.find(c.trigger.text)
            if at >= 0:
                at += len(c.trigger.text)
                words = f"{words[:at]} {antecedent}{words[at:]}"
        in_subject: set[str] = set()
        if passive and agent_toks:  # "a man from Leicester was detained": Leicester is not whom it was done to
            placed: list[str] = []
            in_subject = {*self.index.phrase_actors(agent_toks[0], RefContext(), places=placed), *placed}
        implicit = [t for t in targets if not self._named_in(t, words) and t not in in_subject
                    and not (who and self._named_in(t, who))]
        if who and implicit:
            # "phoned his Polish counterpart": name whom the words only point at
            text = f"{who} → {', '.join(self._short_name(t) for t in implicit)}: {words}"
        elif who:
            text = f"{who}: {words}"
        elif targets:
            text = f"{words} ({', '.join(self._short_name(t) for t in targets)})"
        else:
            text = words
        if modality == "negated" and not _NEGATION.search(words) and not self._says_not_done(words, c):
            text += " (not so)"  # "Neither Manila nor Beijing has released ...": the words alone read as a fact
        if modality == "hypothetical":
            text += " (hypothetical)"
        elif modality == "reported":
            text += f" (reported by {attribution})" if attribution and len(attribution) <= 60 else " (reported)"
        return text

    def _relative_object(self, c: EventClause) -> str | None:
        """What a relative clause's verb acts on when its object is the relative pronoun: the noun
        phrase the clause hangs on, up to its head ("the G8" of "the G8, which Britain now chairs")."""
        head = c.head
        if head.dep_ != "relcl" or head is not c.trigger:
            return None
        if any(ch.dep_ in ("dobj", "pobj") and ch.lower_ in ("which", "that", "whom") for ch in head.children):
            pronoun = next(ch for ch in head.children if ch.lower_ in ("which", "that", "whom"))
            j = pronoun.i - 1
            if j >= 0 and self.doc[j].text == ",":
                j -= 1
        elif any(ch.dep_ == "ccomp" and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.lower_ not in ("which", "that", "who")
                                                for g in ch.children) for ch in head.children) and head.head.i < head.i \
                and not relative_is_subject(head):
            j = head.head.i  # "something he says will boost their cause": says something will boost it
            if self.doc[j].pos_ == "PRON" and self.doc[j].lower_.startswith(("some", "any", "every", "no")):
                return self.doc[j].lower_
        elif _zero_relative(head):
            j = head.head.i  # "a position Iran has publicly backed": backed a position
        else:
            return None
        if j < 0 or self.doc[j].pos_ not in ("NOUN", "PROPN"):
            return None
        noun = _past_quantity(self.doc[j])  # the noun just before the pronoun, which the parser may hang the clause elsewhere than
        first = noun.i
        while first - 1 >= 0 and self.doc[first - 1].dep_ in ("det", "compound", "amod", "nummod") and \
                first <= self.doc[first - 1].head.i <= noun.i and noun.i - first < 5:  # ("the October 26th election")
            first -= 1
        words = self.doc[first : noun.i + 1].text.split()
        if words and self.doc[first].dep_ == "det":
            words[0] = words[0].lower()
        return " ".join(words)

    def _names_doer(self, noun: Token, agent_ids: list[str]) -> bool:
        """ "The Supreme Court ordered", "three Appeal Court judges dismissed": the noun or its compound is the doer
        (not "Norland's coalition fell apart", whose owner is)."""
        return any(set(self.index.ids_at(t.i)) & set(agent_ids) for t in (noun, *noun.children) if t.dep_ != "poss")

    def _named_in(self, actor_id: str, words: str) -> bool:
        actor = self.index.by_id.get(actor_id)
        if actor is None:
            return False
        forms = {actor.name, *actor.aliases, *(w for w in actor.name.split() if len(w) > 2)}
        return any(f and f in words for f in forms)

    def _says_not_done(self, words: str, c: EventClause) -> bool:
        """ "failed to reach a deal", "stopped buying gas", "unwilling to send", "refrained from attacking": the
        words say the act did not happen, so no "(not so)" after them."""
        stems = tuple(w[:-1] if w.endswith("e") else w for w in self.index.lexicon.cue("negating_governor"))
        return any(word.lower().startswith(stems) for word in words.split()) or (
            negating_phrase_head(c.trigger, self.index.lexicon) is not None)  # the row's words start at the phrase

    def _clause_words(self, c: EventClause, agent_toks: list[Token], agent_ids: list[str], limit: int = 14) -> str:
        """The clause from its verb group on ("will not accept a fait accompli"), at most `limit` words."""
        doc, trig = self.doc, c.trigger
        if c.match.entry.speech and trig.dep_ == "parataxis" and not any(
                ch.dep_ in ("ccomp", "xcomp", "parataxis") for ch in trig.children):
            claim = [doc[i] for i in said_around(trig) if not doc[i].is_space]
            while claim and claim[-1].is_punct:
                claim.pop()
            if claim:
                kept = claim[:limit]
                while len(claim) > limit and len(kept) > 1 and kept[-1].lower_ in _LEADING_WORDS:
                    kept.pop()
                text = "".join(t.text + (" " if t.whitespace_ or k + 1 < len(kept) and kept[k + 1].i != t.i + 1 else "")
                               for k, t in enumerate(kept))
                if kept[0].pos_ != "PROPN" and not kept[0].text.isupper():
                    text = text[:1].lower() + text[1:]  # "said the switch would ..."
                return f"{trig.text} {' '.join(text.split())}" + ("…" if len(claim) > limit else "")
        region = set(c.owned)
        for n in self.children_of.get(id(c), ()):
            if n.is_noun:
                region.update(n.owned)
        if c.match.entry.speech:
            region |= content_tokens(c)
        elif c.is_noun and c.content is not None:
            region |= c.content  # "GM: announcement that it had filed for bankruptcy"
        skip: set[int] = set()
        own = range(c.head.left_edge.i, c.head.right_edge.i + 1)
        for tok in agent_toks:
            if tok.i < trig.i or c.match.entry.speech:  # "..., said Mr Hogg": the sayer heads the row
                # not the act's own clause when it hangs on its doer ("Caterpillar, which sells ...")
                hangs_on_doer = tok.is_ancestor(c.head)
                skip.update(t.i for t in tok.subtree
                            if not hangs_on_doer or t.i not in own or t.i < trig.i and not _verb_group(t))
            elif c.is_noun and tok.head.lower_ == "by" and tok.head.head.i == trig.i:
                # "the announcement by GM", "a call by Mr Kennedy for a delay": who heads the row is not told twice
                skip.update([tok.head.i, *(t.i for t in tok.subtree)])
        first = glued_start(doc, trig.i)
        heads = [c.head, trig] if c.head is not trig else [trig]
        for h in heads:
            for child in h.children:
                if child.i < first and child.i not in skip and (
                    child.dep_ in ("aux", "auxpass", "neg") or (child.dep_ == "det" and child.lower_ == "no")
                    or (child.dep_ == "advmod" and child.lower_ in ("never", "not"))
                ):
                    first = child.i
            if h is not trig and h.i < first:
                first = h.i
        named = [doc[i] for i in c.match.extra if i < trig.i and doc[i].dep_ in ("nsubj", "nsubjpass")
                 and not (doer_subject(doc[i], self.index.lexicon) and self._names_doer(doc[i], agent_ids))]
        if named:
            # "talks collapsed on Friday": the act whose fate the verb tells is part of the row
            act = named[0]
            # "Fordham Motors sales dropped": the named owner already heads the row ("Fordham share prices fell":
            # only the name, the "share" is the figure's own word; "a three-party coalition" keeps its three)
            owner = {t.i for ch in act.children if ch.dep_ in ("poss", "compound", "nmod", "amod") and ch.i < act.i
                     for t in ch.subtree if t.ent_type_ in ACTOR_TYPES or t.dep_ == "case"}
            words = [t.i for t in act.subtree if t.dep_ != "det" and t.i <= act.i and t.i not in owner]
            skip -= set(range(min(words), act.i + 1))
            first = min(first, min(words))
            region = region | set(range(first, trig.i))
        hedge = c.head.head
        if c.head.dep_ == "xcomp" and hedge.i in self.raising:
            # "is thought to have met": the hedge is part of what the row says
            first = min([first, hedge.i, *(ch.i for ch in hedge.children if ch.dep_ in ("aux", "auxpass") and ch.i < hedge.i)])
            region = region | set(range(first, trig.i))
        gov = self._governor(trig) if c.head is trig else None
        if gov is not None:
            # "GM plans to close plants": the row says the act was planned, not that it was done
            first = min([first, gov.i, *(ch.i for ch in gov.children if ch.dep_ in ("aux", "auxpass", "neg") and ch.i < gov.i)])
            region = region | set(range(first, trig.i))
        if first > 0 and _clitic(doc[first]) and not doc[first - 1].whitespace_ and doc[first - 1].pos_ == "PRON":
            # "I'm determined to cut taxes": the pronoun the verb is written onto stays with it
            first -= 1
            skip.discard(first)
            region = region | {first}
        # "resigned after admitting a link", "lifted it hours after declaring it": an act told before or after is a row of
        # its own; its "after" (and "hours") leads nowhere here
        skip |= {t.i for p in doc[first:c.head.right_edge.i + 1] if p.dep_ == "prep" and p.lower_ in ("after", "before")
                 and any(g.dep_ == "pcomp" and g.i not in region for g in p.children) for t in (p, *p.lefts)}
        # "were killed in Mozambique, according to the minister": the source is the row's attribution, not its words
        sources = self.index.lexicon.cue("attribution_phrase")
        skip |= {t.i for p in c.head.children if p.dep_ == "prep" and p.lower_ in sources and p.i > trig.i
                 for t in (*p.subtree, *(doc[p.i - 1 : p.i] if doc[p.i - 1].text == "," else ()))}
        out: list[Token] = []
        i = first
        truncated = False
        counted = marks = 0  # quotation marks and the colon before a quotation are not counted
        while i < len(doc) and (i in region or i == trig.i):
            tok = doc[i]
            # " - " set between spaces is a dash, unless inside a name ("Wal - Mart")
            spaced_dash = tok.text == "-" and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_) \
                and tok.ent_iob_ != "I"
            if tok.text == "," and (closing := _aside_end(doc, i)) is not None and closing + 1 in region:
                i = closing + 1  # "said the plan, which was announced in May, would cost £5bn": the aside goes
                continue
            if (tok.is_space and "\n" in tok.text) or ((tok.text in (",", ";", "–", "—") or spaced_dash)
                                                      and counted >= 5 and not _lists_modifiers(doc, i)
                                                      and not (marks % 2 and _closes_soon(doc, i)) and not _quotes_next(doc, i)):
                break  # "offered to share data every month, an offer welcomed by...": one clause
            if tok.text == "," and counted and _clause_of_its_own_next(doc, i, (c.head.i, trig.i)):
                break  # "backs the army, while Qatar is thought to favour the RSF": another's act
            if counted >= limit and tok.text not in (*CLOSING_MARKS, ".", "!", "?"):
                truncated = True
                break
            if i not in skip:
                out.append(tok)
                counted += tok.text not in _UNCOUNTED
                marks += tok.text in _UNCOUNTED and tok.text != ":"
            i += 1
        while out and ((out[-1].is_punct and out[-1].text != "%" and not _closes_bracket(out)) or out[-1].is_space
                       or out[-1].dep_ == "cc" or opens_alternative(out[-1]) or truncated and out[-1].lower_ in _LEADING_WORDS
                       or out[-1].dep_ == "prep" and any(ch.dep_ in ("pobj", "pcomp") for ch in out[-1].children)):
            # "chose to borrow from the IMF rather", "could harm the…", "ruling out the euro despite [saying ...]"
            # (its object a row of its own): words that lead nowhere
            out.pop()
        if not out:
            return ""
        # a space where words were left out after a word written against them ("the plan[, which ...,] would")
        joined = "".join(t.text_with_ws if k + 1 == len(out) or out[k + 1].i == t.i + 1 or t.whitespace_ else t.text + " "
                         for k, t in enumerate(out))
        text = _curly(" ".join(joined.split()).replace("``", "“").replace("''", "”"))
        closing = text.find("”")
        if closing >= 0 and "“" not in text[:closing]:
            # 'Thomas "totally condemned" the deletion': the quotation opened before the row's first word
            text = " ".join((text[:closing] + text[closing + 1 :]).split())
        if text.count("“") == text.count("”") + 1 and text.rfind("“") > text.rfind("”"):
            # 'said “We are shocked that the Air Force…”': the quotation goes on past the clause
            after = doc[out[-1].i + 1 : out[-1].i + 3]
            closes = len(after) > 0 and (after[0].text in CLOSING_MARKS or (
                after[0].text in (".", "!", "?") and len(after) > 1 and after[1].text in CLOSING_MARKS))
            text += "”" if closes and not truncated else "…”"
        else:
            text += "…" if truncated else ""
        if c.match.entry.speech and splits_quotation(trig):
            text = trig.text  # '"History shows alliances fail," he said, "even if ...": the quotation's first part
        preposed = text == trig.text and any(  # "We will win, he pledged": nothing after it, its words set off before
            ch.dep_ == "ccomp" and ch.i < trig.i and doc[ch.right_edge.i + 1].text == "," for ch in trig.children)
        if (c.match.entry.speech or preposed) and (text == trig.text or len(out) <= 2 or not any(
                j > trig.i and not doc[j].is_punct for j in content_tokens(c))):
            # "'We have an opportunity,' he added", "'..., ' Lord Falconer told the BBC": what was
            # said comes before the saying
            dateline = {k for i in self.index.dateline_tokens() for k in (i, i + 1)}  # "SEOUL, March 10 -": not said
            said = sorted(j for j in content_tokens(c) if j < trig.i and not doc[j].is_space and j not in dateline)
            if said and (comma := text.find(", ", text.find(trig.text) + len(trig.text))) >= 0:
                text = text[:comma]  # "..., the ONS said on Wednesday, its highest level in years": an aside on what was said
            if said:
                raw = self.text[doc[said[0]].idx : doc[said[-1]].idx + len(doc[said[-1]])]
                quoted = raw.lstrip()[:1] in QUOTES or raw.lstrip().startswith("``") or said[0] in self.index.quoted_tokens()
                raw = raw.replace("``", "").replace("''", "")  # marks of texts typed as ``...''
                quote = "".join(ch for ch in raw if ch not in QUOTES).split()
                more = "…" if len(quote) > limit else ""
                cut = quote[:limit]
                while more and len(cut) > 1 and cut[-1].lower() in _LEADING_WORDS:
                    cut.pop()
                quote_text = " ".join(cut).rstrip(",.;:")
                if quote_text and quoted:
                    text += f" “{quote_text}{more}”"
                elif quote_text:
                    # "Prices will rise, the bank said": said, not quoted, so no capital a sentence starts with
                    opening = doc[said[0]]
                    if opening.pos_ != "PROPN" and opening.ent_type_ in ("", "CARDINAL", "DATE", "ORDINAL", "QUANTITY") \
                            and opening.text != "I" and not (opening.text.isupper() and len(opening.text) > 1):  # (not "UN")
                        quote_text = quote_text[:1].lower() + quote_text[1:]
                    text += f" {quote_text}{more}"
        return text


#: Nouns a relative clause without a pronoun tells the time, place or manner of ("the day he arrived").
_CIRCUMSTANCE_NOUNS = frozenset({"day", "time", "year", "week", "month", "moment", "way", "place", "reason", "night",
                                 "morning", "evening", "period", "point", "hour", "era", "extent", "manner"})


def _zero_relative(verb: Token) -> bool:
    """ "a position Iran has publicly backed": a relative clause with a subject of its own, no pronoun
    and no object, whose noun is what the verb acts on."""
    noun = verb.head
    if noun.i > verb.i or noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _CIRCUMSTANCE_NOUNS:
        return False
    kids = list(verb.children)
    subject = [c for c in kids if c.dep_ == "nsubj"]
    # not "whose grandmother died", and nothing of a verb that takes a preposition or a particle, whose
    # noun may be that preposition's ("proposals they did not agree with") or no object at all
    return (bool(subject) and not any(t.tag_ in ("WDT", "WP", "WP$") for s in subject for t in s.subtree)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "nsubjpass", "prep", "prt", "agent")
                        or c.tag_ in ("WDT", "WP", "WRB") for c in kids))


_UNCOUNTED = frozenset((*OPENING_MARKS, *CLOSING_MARKS, "``", ":"))


def _closes_soon(doc: Doc, i: int) -> bool:
    """'called it a "vote now, pay later" Budget': a short quotation is kept whole across its comma."""
    return any(t.text in CLOSING_MARKS for t in doc[i + 1 : i + 5])


def _aside_end(doc: Doc, i: int) -> int | None:
    """The comma closing an aside set off after a noun at the comma `i` ("the plan, which was announced
    in May, would cost", "the minister, a former banker, had misled"), when the noun's own verb comes
    after it, or the verb's own words after its object's aside: the clause goes on past the aside.
    None when the comma opens no such aside."""
    if i + 1 >= len(doc):
        return None
    aside = doc[i + 1]
    while aside.head.i != aside.i and aside.head.left_edge.i == i + 1 and aside.head.i > i:
        aside = aside.head
    noun = aside.head
    end = aside.right_edge.i + 1
    if aside.dep_ not in ("relcl", "appos", "acl") or aside.left_edge.i != i + 1 or noun.i >= i \
            or end + 1 >= len(doc) or doc[end].text != ",":
        return None
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return end if noun.right_edge.i in (end - 1, end) and noun.head.i > end else None
    # "met the minister, a former banker, in Oslo on Monday", "called for the minister, Kim, to be sacked": the
    # verb's own words go on after it
    after = doc[end + 1]
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    after = after.head if after.dep_ in ("aux", "auxpass") and after.head.i > after.i else after
    return end if verb is not None and after.head.i in (verb.i, noun.i) and after.dep_ in (
        "prep", "advmod", "npadvmod", "xcomp", "advcl") else None


def _clause_of_its_own_next(doc: Doc, i: int, heads: tuple[int, int]) -> bool:
    """A comma before a clause with a subject of its own set on the row's verb ("..., while Qatar stayed
    neutral"); not one inside what a saying says ("said that, although ..., the aircraft ...")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.dep_ == "mark" and nxt.head.dep_ == "advcl" and nxt.head.head.i in heads and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in nxt.head.children)


def _quotes_next(doc: Doc, i: int) -> bool:
    """'justified the choice by saying, "We ...': a verb's comma before the words it quotes ends no clause."""
    return 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "VERB" and doc[i + 1].text in OPENING_MARKS


def _lists_modifiers(doc: Doc, i: int) -> bool:
    """'a credible, principled party', 'on July 24, 2003': a comma between two modifiers of one noun, or inside
    a date, ends no clause."""
    if not 0 < i < len(doc) - 1:
        return False
    before, after = doc[i - 1], doc[i + 1]
    if doc[i].ent_type_ == "DATE" and doc[i].ent_iob_ == "I" and after.ent_iob_ == "I" and after.like_num:
        return True  # "since July 24, 2003": the comma inside a date
    return before.dep_ == "amod" and after.dep_ == "amod" and before.head.i == after.head.i > after.i


def _curly(text: str) -> str:
    """Straight double quotation marks as opening and closing ones, so that a quotation the row cuts
    short can be seen to go on ('said: “People want a credible, principled party…”')."""
    out = []
    for k, ch in enumerate(text):
        if ch == '"':
            opening = k == 0 or text[k - 1] in " (:[—–"
            out.append("“" if opening else "”")
        else:
            out.append(ch)
    return "".join(out)


def _closes_bracket(words: list[Token]) -> bool:
    """The last word closes a bracket the words opened ("Singapore Airlines (SIA)")."""
    return words[-1].text == ")" and sum(t.text == "(" for t in words) >= sum(t.text == ")" for t in words)


def _verb_group(tok: Token) -> bool:
    """An auxiliary or negation that the row keeps before its verb ("has not sold")."""
    return tok.dep_ in ("aux", "auxpass", "neg") or (tok.dep_ == "advmod" and tok.lower_ in ("never", "not"))


def glued_start(doc: Doc, i: int) -> int:
    """The first token of a hyphenated word ending at token `i`: "fast-tracked" is one verb."""
    while i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        i -= 2
    return i


def _past_quantity(noun: Token) -> Token:
    """ "a package of tax cuts worth 2% of GDP, which the opposition denounced": what a relative clause
    after an amount's "of X" speaks of is the thing the amount measures ("tax cuts"), not X."""
    tok = noun
    for _ in range(4):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "of":
            break
        amount = prep.head
        if not (amount.text == "%" or amount.tag_ == "CD" or any(c.dep_ == "nummod" for c in amount.children)):
            break
        up = amount
        while up.dep_ in ("npadvmod", "amod", "quantmod", "nummod") and up.head.i != up.i:
            up = up.head
        if up.pos_ not in ("NOUN", "PROPN") or up.i == amount.i:
            break
        tok = up
    return tok
