"""Who takes part: token → actor lookup, and the references the text makes plain.

Resolution is deliberately conservative (an event with a wrong actor is worse than one with
fewer actors):

- names: the actor whose mention covers the token; a hyphenated pair ("Russian-Ukrainian")
  that is one mention stands for the actors its parts name when those parts are actors too;
- "he/his/she/her": the speaker when inside what that speaker said, else the one person named
  earlier in the sentence (or the subject of the previous sentence) when there is exactly one;
- "it/its": the governing clause's subject when that is a country or organisation, else the one
  such actor named earlier in the sentence; "we/our" inside a quote: the speaker's country;
- "his country": the person's country (``Actor.country``, else the demonym in a title such as
  "Ukrainian President ...");
- "his Russian counterpart": the person of that country who shares the possessor's role, else
  the country itself (unless an apposition names the person);
- "the two sides" / "both countries": a pair named as one just before ("Russian-Ukrainian"),
  else the two parties of the last talks that named them ("talks between X and Y"), else the
  two countries clearly most mentioned so far;
- a dateline ("NAIROBI, Kenya (AP) _") and text across a paragraph break never take part.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.symbols import NOUN as NOUN_SYMBOL
from spacy.symbols import PRON as PRON_SYMBOL
from spacy.tokens import Doc, Token

from reader.model import Actor
from reader.nlp.doc_text import (
    hashed_in,
    sentences_back,
    sorted_hashes,
    text_of,
    token_range,
    token_starts,
)
from reader.nlp.entity_shapes import SURNAME_HONORIFICS
from reader.nlp.events.clause_shapes import maker_of_model, other_arguments, set_off_aside, title_owner
from reader.nlp.events.counted_parties import counted_parties, two_sides
from reader.nlp.events.genders import person_genders
from reader.nlp.events.group_kinds import civil_group, of_state, own_people
from reader.nlp.events.lexicon import Lexicon
from reader.nlp.events.pronouns import COUNTRY_TYPES, Pronouns
from reader.nlp.events.side_parties import brokered, struck_or_discussed
from reader.nlp.events.text_regions import dateline_tokens, quoted_tokens
from reader.nlp.figures import figures
from reader.nlp.gazetteer import gazetteer
from reader.nlp.line_sentences import country_label
from reader.nlp.place_shapes import KIN_NOUNS

#: what a group of people can be "of" or "in" without being its state: a country, a region, a town
#: (not a NORP: "Conservative voters" are the party's, "Muslim voters" a community's)
PLACE_TYPES = ("GPE", "LOC", "FAC")
#: Dependencies under which a noun phrase stops being "the same phrase".
CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "csubj", "parataxis"}


class TokenSet(Protocol):
    """Token indices to leave out: a set, or anything that can say whether it holds one."""

    def __contains__(self, i: int, /) -> bool: ...


@dataclass(slots=True)
class ActorIndex:
    doc: Doc
    actors: list[Actor]
    lexicon: Lexicon
    by_token: dict[int, str] = field(default_factory=dict)
    by_id: dict[str, Actor] = field(default_factory=dict)
    #: person id -> country actor id, from Actor.country or a demonym in a title before the name
    country_of: dict[str, str] = field(default_factory=dict)
    #: actor id -> token index of each mention's last token, in text order
    mention_ends: list[tuple[int, str]] = field(default_factory=list)
    #: hyphenated single mentions ("Russian-Ukrainian") -> the actors of their parts
    split: dict[str, list[str]] = field(default_factory=dict)
    #: (token index, [a, b]) where two countries are named as a pair
    pairs: list[tuple[int, list[str]]] = field(default_factory=list)
    #: (token index, actor ids) of gatherings that name their parties ("talks between X and Y");
    #: filled by the event dating, which finds the gatherings
    gathering_parties: list[tuple[int, list[str]]] = field(default_factory=list)
    #: person id -> "m" or "f" where an honorific says so ("Mr Blunkett", "Mrs Quinn")
    gender: dict[str, str] = field(default_factory=dict)
    #: a word of an organisation's name (folded) -> (token index of each mention's end, actor id), in
    #: text order: "the commission" after "the Special Immigration Appeals Commission"
    name_words: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    #: token indices inside a direct quotation (filled on first use)
    _quoted: set[int] | None = None
    #: the country actor the text is about ("" when none stands out; filled on first use)
    _home: str | None = None
    #: tokens of a news dateline (filled on first use)
    _datelines: set[int] | None = None
    #: organisations that may be an armed group: True where the field's dictionary types them so,
    #: False where it does not know them (filled on first use)
    _armed: dict[str, bool] | None = None
    _pronouns: Pronouns | None = None

    def pronouns(self) -> Pronouns:
        """Who this document's pronouns refer to (`pronouns.py`)."""
        if self._pronouns is None:
            self._pronouns = Pronouns(self)
        return self._pronouns

    @classmethod
    def build(cls, doc: Doc, actors: list[Actor], lexicon: Lexicon, starts: dict[int, int] | None = None) -> ActorIndex:
        index = cls(doc, actors, lexicon)
        index.by_id = {a.id: a for a in actors}
        starts = token_starts(doc) if starts is None else starts
        by_form: dict[str, str] = {}
        for actor in actors:
            for form in [actor.name, *actor.aliases, *(m.text for m in actor.mentions)]:
                by_form.setdefault(form.lower(), actor.id)
        for actor in actors:
            for m in actor.mentions:
                tokens = token_range(doc, starts, m.start, m.end)
                if tokens is None:
                    continue
                last = tokens.start
                for i in tokens:
                    index.by_token.setdefault(i, actor.id)
                    last = i
                index.mention_ends.append((last, actor.id))
            if "-" in actor.name and actor.id not in index.split:
                parts = [by_form.get(p.strip().lower()) for p in actor.name.split("-")]
                if len(parts) > 1 and all(parts) and actor.id not in parts:
                    index.split[actor.id] = list(dict.fromkeys(p for p in parts if p))
        index.mention_ends.sort()
        for last, actor_id in index.mention_ends:
            actor = index.by_id[actor_id]
            if actor.type != "ORG":
                continue
            for word in {_fold(w) for w in actor.name.split() if w[:1].isupper() and w.isalpha() and len(w) > 3}:
                if word not in NOT_A_NAME_HEAD:
                    index.name_words.setdefault(word, []).append((last, actor_id))
        # "Russian-Ukrainian": two countries named as one pair
        for i in sorted(index.by_token):
            right = index.by_token.get(i + 2)
            if right and i + 2 < len(doc) and doc[i + 1].text in ("-", "–", "/"):
                left = index.by_token[i]
                if left != right and index.type_of(left) in COUNTRY_TYPES and index.type_of(right) in COUNTRY_TYPES:
                    index.pairs.append((i + 2, [left, right]))
        index.gender = person_genders(doc, actors, starts, lexicon)
        for actor in actors:  # (a body too: "Japan's ruling Liberal Democratic Party" is Japan's)
            if actor.type not in ("PERSON", "ORG"):
                continue
            if actor.country and actor.country in index.by_id:
                index.country_of[actor.id] = actor.country
                continue
            for m in actor.mentions:
                at = starts.get(m.start)
                if at is None:
                    continue
                head = doc[at]
                while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i < at + 6:
                    head = head.head
                for tok in [*head.subtree][: max(0, at - head.left_edge.i)]:
                    owner = index.by_token.get(tok.i)
                    if owner and owner != actor.id and index.by_id[owner].type in COUNTRY_TYPES:
                        index.country_of[actor.id] = owner
                        break
                by = title_owner(head)
                if by is not None and (owner := index.by_token.get(by.i)) and index.by_id[owner].type in COUNTRY_TYPES:
                    index.country_of[actor.id] = owner  # "Kenya's president, William Ruto"
                if actor.id in index.country_of:
                    break
        return index

    def reference_candidates(self) -> set[int]:
        """Tokens that may name or refer to an actor: mentions, pronouns, "counterpart", "country"..."""
        lex = self.lexicon
        nouns = (lex.cue("counterpart_role") | lex.cue("own_country_noun") | lex.cue("both_sides") | lex.cue("armed_people_noun")
                 | lex.cue("national_body_noun"))  # "accused the police of abducting activists"
        out = set(self.by_token)
        if len(self.doc):
            columns = self.doc.to_array([POS, LOWER])
            pos, lower = columns[:, 0], columns[:, 1]
            out.update(np.flatnonzero(hashed_in(lower, sorted_hashes(nouns)) | (pos == int(PRON_SYMBOL))).tolist())
            if self.name_words:
                strings = self.doc.vocab.strings
                nouns_at = np.flatnonzero(pos == int(NOUN_SYMBOL))
                out.update(i for i, h in zip(nouns_at.tolist(), lower[nouns_at].tolist(), strict=True)
                           if _fold(strings[h]) in self.name_words)
        return out

    def dateline_tokens(self) -> set[int]:
        """Tokens of a news dateline ("NAIROBI, Kenya (AP) _"): where it was filed, not who acted."""
        if self._datelines is None:
            self._datelines = dateline_tokens(self.doc)
        return self._datelines

    # -- basic lookups ---------------------------------------------------------------------

    def ids_at(self, i: int) -> list[str]:
        actor_id = self.by_token.get(i)
        if actor_id is None:
            return []
        return self.split.get(actor_id, [actor_id])

    def type_of(self, actor_id: str) -> str:
        actor = self.by_id.get(actor_id)
        return actor.type if actor else ""

    def name_of(self, actor_id: str) -> str:
        actor = self.by_id.get(actor_id)
        return actor.name if actor else actor_id

    # -- references ------------------------------------------------------------------------

    def phrase_actors(self, head: Token, ctx: RefContext, skip: TokenSet | None = None,
                      places: list[str] | None = None) -> list[str]:
        """Actors a noun phrase names or plainly refers to (stopping at nested clauses).

        The country or place of a group of its people who are not its state ("French farmers",
        "Britain's trade unions", "protesters in Paris") goes to `places`, not among the actors.
        """
        out: list[str] = []
        stack = [head]
        while stack:
            tok = stack.pop()
            if skip and tok.i in skip or tok.i > 1 and self.doc[tok.i - 1].text == "-" and self.doc[tok.i - 2].lower_ in ("pro", "anti"):
                continue  # "pro-Western parties" are not the West
            if maker_of_model(tok):
                continue  # "the Airbus A330 jetliner crashed": its maker did nothing
            refs = self.token_refs(tok, ctx)
            out.extend(refs)
            placed = self._group_places(tok, ctx, skip, places) if not refs and civil_group(tok, self.lexicon) else set()
            resolved_noun = bool(refs) and tok.pos_ == "NOUN"
            # "his wife Audrey": the person named is the one meant, not whose wife she is
            named_person = not resolved_noun and tok.pos_ == "NOUN" and any(
                c.dep_ in ("appos", "compound") and any(self.type_of(a) == "PERSON" for a in self.ids_at(c.i))
                for c in tok.children)
            # "Mr Flight's supporters say": people of a person's are not that person ("Russia's troops" are Russia's)
            followers = not refs and tok.tag_ == "NNS" and tok.pos_ == "NOUN"
            posted = not refs and tok.lower_ in self.lexicon.cue("posted_role")
            person = bool(refs) and all(self.type_of(a) == "PERSON" for a in refs)
            thing = not refs and tok.pos_ == "NOUN"
            # "the Albanian embassy in London said": an office of a named actor is that actor's, wherever it is
            office = thing and any(c.dep_ in ("poss", "amod", "compound") and self.ids_at(c.i) for c in tok.children)
            # "the leader of the Conservatives on the Welsh assembly": where a named body's office is
            role = thing and tok.lower_ in self.lexicon.cue("office_noun") and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            # "a trade agreement in Oslo": where an act took place does not do its deeds (a disaster's is struck)
            act = thing and (tok.lower_ in self.lexicon.cue("meeting_noun") or any(  # ("Talks in Geneva": a venue)
                e.code != "DISASTER" for e in self.lexicon.entries.get((tok.lemma_.lower(), "NOUN"), ())))
            for child in tok.children:
                if child.i in placed:
                    continue
                if child.dep_ in CLAUSE_DEPS or child.dep_ == "punct" or (child.dep_ == "acl" and (child.tag_ == "VBD" or (
                        child.tag_ == "VBG" and child.lemma_.lower() not in self.lexicon.cue("affiliation_participle")))):
                    continue  # a past tense hung on a name is its own clause; "troops advancing on Kyiv" name no side of theirs
                if person and child.dep_ == "compound" and self.doc[child.i + 1].text in SURNAME_HONORIFICS:
                    continue  # "a deal with Tanzania Mr Brown said": the name starts at "Mr"
                if person and child.dep_ == "acl" and child.i == getattr(set_off_aside(tok), "i", -1):
                    continue  # "Vance, speaking during a visit to India, announced": not India
                if (child.dep_ == "poss" or child.dep_ == "amod" and child.tag_ != "NN") and tok.dep_ == "appos" and not (
                        refs or of_state(tok)):
                    continue  # "Germany, France's largest trading partner" is not France, "Trump, the Republican nominee" no party
                if child.dep_ == "prep" and tok.pos_ == "ADJ" and tok.dep_ == "amod" and not of_state(tok.head):
                    continue  # "an artist critical of Welsh arts funding", "a lawyer close to the government"
                if child.dep_ == "prep" and (posted and child.lower_ == "to" or child.lower_ in ("to", "from")
                                             and tok.lower_ in self.lexicon.cue("moving_figure")):
                    continue  # "Norland's ambassador / exports to Vestia": Vestia is the host or the buyer, not the side
                if child.dep_ == "prep" and child.lower_ == "for" and (tok.lower_ in self.lexicon.cue("seat_holder") and not any(
                        self._a_party(g) for g in child.children if g.dep_ == "pobj") or (regions := [
                        a for g in child.children if g.dep_ == "pobj" for a in self.ids_at(g.i)]) and all(self.type_of(a) == "LOC" for a in regions)):
                    continue  # "the Minister for Africa met", "the MP for Vik was attacked": a brief or a seat, never a party
                if child.dep_ == "prep" and child.lower_ in ("about", "regarding", "concerning") and tok.pos_ == "NOUN":
                    continue  # "a book about Norland says": what it is about does not say it
                if child.dep_ == "prep" and (child.lower_ in ("in", "at") and (office or act) or child.lower_ in ("in", "at", "on") and role):
                    continue  # where the office is, or where the act took place
                if child.dep_ == "prep" and child.lower_ in ("on", "against") and struck_or_discussed(tok, self.lexicon):
                    if places is not None:  # "a Russian missile attack on Kyiv killed 12": Kyiv was struck, it did not strike
                        places.extend(self.phrase_actors(child, ctx, skip))
                    continue
                if child.dep_ == "prep" and child.lower_ == "of" and tok.lemma_.lower() in KIN_NOUNS | _ON_THE_OTHER_SIDE:
                    continue  # "Kim Yo Jong, the sister of leader Kim Jong Un, said": not her brother (nor "the latest
                    # casualty of the party's anti-graft drive" the party)
                if child.dep_ == "prep" and child.lower_ in ("from", "in") and person:
                    continue  # "Mr Mubanga, 32, from Wembley, said": where a person is from does not say it
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "on") and refs and all(
                        self.type_of(a) in PLACE_TYPES for g in child.children for a in self.ids_at(g.i)):
                    continue  # "talks brokered by the US in Jeddah", "the Conservatives on the Welsh assembly": where a named side is
                if followers and child.dep_ == "poss" and (child.lower_ in ("his", "her") and (
                        own_people(tok) or tok.lower_ in self.lexicon.cue("followers_noun")) or any(
                        self.type_of(a) == "PERSON" for a in self.ids_at(child.i))):
                    continue  # "his doctors said": not he (but "his troops" fight for him, "his comments" are his)
                if (resolved_noun or named_person) and child.dep_ in ("poss", "amod", "compound") and not (
                        named_person and self.ids_at(child.i) and child.dep_ == "compound"):
                    continue  # "his country" is the country, "his Russian counterpart" the person
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                    continue
                if child.dep_ == "amod" and (ids := self.ids_at(child.i)) and all(self.type_of(a) == "NORP" for a in ids) and (any(
                        c.dep_ == "appos" and self.ids_at(c.i) for c in tok.children) or tok.dep_ == "compound" and self.ids_at(tok.head.i)):
                    continue  # "the Islamist movement Ennahda": what the named body is, no party of its own
                if refs and child.dep_ == "poss" and tok.pos_ == "PROPN" and all(self.type_of(a) == "ORG" for a in refs) and (
                        owners := self.ids_at(child.i)) and all(self.type_of(a) == "PERSON" for a in owners):
                    continue  # "Yoon's own People Power Party called for": the party, not its leader
                if refs and child.dep_ in ("poss", "compound") and self._a_party_name(refs) and (owners := self.ids_at(child.i)) and all(
                        self.type_of(a) in COUNTRY_TYPES for a in owners):
                    if places is not None:
                        places.extend(owners)
                    continue  # "Austria's Freedom Party won": the country takes part as where, the party acts (not the state)
                if child.dep_ in ("compound", "amod", "nmod", "poss") and (owners := self.ids_at(child.i)) and all(
                        self.type_of(a) in COUNTRY_TYPES for a in owners) and self._firm_kind(tok, refs):
                    continue  # "United States airframer Boeing said": the firm acts, the country is where it is from
                if (thing or not refs and tok.pos_ == "PROPN") and child.dep_ == "acl" and child.tag_ == "VBN":
                    # "a letter sent to Mr Mubanga said": its addressee did not write it ("a report by" did)
                    agents = [c for c in child.children if c.dep_ == "agent"]
                    if not brokered(tok, child, self.lexicon):
                        stack.extend(agents)
                    elif places is not None:  # "talks mediated by Qatar collapsed": Qatar takes part, the talks' sides act
                        places.extend(a for c in agents for a in self.phrase_actors(c, ctx, skip))
                    continue
                stack.append(child)
        return list(dict.fromkeys(out))

    def _group_places(self, group: Token, ctx: RefContext, skip: TokenSet | None,
                      places: list[str] | None) -> set[int]:
        """A civil group's modifiers and "in"/"from" phrase that say where its people are: their places
        go to `places`; the indices of those children are returned, for the caller to pass over."""
        placed: set[int] = set()
        for child in group.children:
            if not (child.dep_ in ("poss", "amod", "compound", "nmod")
                    or (child.dep_ == "prep" and child.lower_ in ("in", "from"))):
                continue
            found = self.phrase_actors(child, ctx, skip)
            if found and all(self.type_of(a) in PLACE_TYPES for a in found):
                placed.add(child.i)
                if places is not None:
                    places.extend(found)
        return placed

    def only_describes(self, tok: Token) -> bool:
        """A name that only describes a noun of another kind takes no part in the act: "his Polish
        counterpart" (the counterpart does), "the US dollar", "the Japanese yen" (a currency), "the MP for Vik"."""
        cue = self.lexicon.cue
        if tok.dep_ in ("amod", "compound", "conj") and tok.head.lower_ in cue("counterpart_role"):
            return True
        if tok.dep_ == "conj" and tok.head.dep_ == "amod" and tok.head.head.lower_ in cue("counterpart_role"):
            return True
        seat = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "pobj" else tok  # "the MP for Vik and Bergen"
        if seat.dep_ == "pobj" and seat.head.lower_ == "for" and seat.head.head.lower_ in cue("seat_holder"):
            return not self._a_party(seat)  # a constituency, not a party to what its member does or suffers
        return tok.dep_ in ("amod", "compound", "nmod") and tok.head.lemma_.lower() in cue("currency_noun")

    def _a_party_name(self, refs: list[str]) -> bool:
        """ "Freedom Party", "Social Democrats": an organisation whose name says it is a party."""
        return all(self.type_of(a) == "ORG" and self.name_of(a).split()[-1].lower() in self.lexicon.cue("party_name_word")
                   for a in refs)

    def _firm_kind(self, tok: Token, refs: list[str]) -> bool:
        """ "Japanese carmaker Toyota", "Boeing, the US airframer": an organisation the text calls a kind of
        firm; or that kind with the firm's name beside it ("the British carrier BA")."""
        kinds = self.lexicon.cue("company_noun")
        if refs:
            return all(self.type_of(a) == "ORG" for a in refs) and any(
                c.dep_ in ("compound", "appos") and c.lower_ in kinds for c in tok.children)
        names = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ in ("compound", "appos") else [])
        return tok.lower_ in kinds and any(
            (ids := self.ids_at(n.i)) and all(self.type_of(a) == "ORG" for a in ids) for n in names)

    def _a_party(self, tok: Token) -> bool:
        """ "a candidate for the UK Independence Party": the party a member stands for, not a seat."""
        return any(self.type_of(a) == "ORG" for a in self.ids_at(tok.i))

    def token_refs(self, tok: Token, ctx: RefContext) -> list[str]:
        ids = self.ids_at(tok.i)
        if ids:
            return ids
        low = tok.lower_
        if low in ("who", "whom", "which", "that") and tok.dep_ in ("nsubjpass", "dobj") and tok.head.dep_ == "relcl":
            antecedent = tok.head.head  # "Mr Leslie, who was elected in 1997": the one it describes
            # ("The finance minister, Sri Mulyani Indrawati, who was reappointed": the parse hangs it on the title)
            set_beside = [c for c in antecedent.children if c.dep_ == "appos" and c.i < tok.i and self.ids_at(c.i)]
            antecedent = set_beside[-1] if set_beside else antecedent
            return self.token_refs(antecedent, ctx) if antecedent.pos_ in ("PROPN", "NOUN") else []
        if low == "whose" and tok.dep_ == "poss" and (clause := tok.head).dep_ in ("nsubj", "nsubjpass", "dobj") and (
                clause.head.dep_ == "relcl" and clause.head.head.pos_ in ("PROPN", "NOUN") and clause.lower_ not in KIN_NOUNS):
            return self.token_refs(clause.head.head, ctx)  # "Reeves, whose budget raised taxes": hers (not "whose mother")
        if tok.pos_ == "PRON":
            return self.pronouns().pronoun(tok, ctx)
        if low in (members := gazetteer().members) and tok.tag_ in ("NNS", "NNPS") and not any(
                c.dep_ in ("poss", "compound", "amod", "nmod") for c in tok.children):
            return [a.id for a in self.actors if a.name == members[low]]  # "Peers voted": the House of Lords named
        if tok.pos_ == "NOUN":
            cues = self.lexicon
            if low in cues.cue("counterpart_role"):
                return self.pronouns().counterparts(tok, ctx)
            if low in cues.cue("own_country_noun"):
                poss = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
                if poss and not any(c.dep_ in ("amod", "compound") for c in tok.children):
                    owners = self.pronouns().pronoun(poss[0], ctx)
                    countries = [self.country_of.get(o, o if self.type_of(o) != "PERSON" else "") for o in owners]
                    return [c for c in countries if c]
                if low in cues.cue("country_noun") and tok.dep_ in ("nsubj", "nsubjpass") and self.bare_definite(tok):
                    return self.the_country(tok)
            if self.ids_at(tok.i + 1) and tok.nbor().pos_ == "PROPN" and (low in cues.cue("group_noun") or low in cues.cue("company_noun")):
                return []  # "the state oil company Pemex": the name after the noun is the one meant, not one before
            if low in cues.cue("group_noun") and tok.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children
            ):
                # "told the Sunday Times the party would ...": whoever is told is not the party meant
                told = tuple(a for t in tok.sent if t.dep_ in ("dobj", "dative") and t.head.lemma_.lower()
                             in cues.cue("hearer_object_verb") for a in self.ids_at(t.i))
                if low in ("company", "firm"):
                    return self.pronouns().firm_before(tok, told)
                return self.pronouns().only_before(tok, ("ORG",), exclude=told, passive_doer=True)
            if low in cues.cue("company_noun") and self.bare_definite(tok) and (kind := self.pronouns().kind_named_before(tok)):
                return kind  # "the airline": the one named "airline Aer Lingus" ("Acme Airlines" is by its name)
            if low in cues.cue("armed_people_noun") and tok.tag_ == "NNS" and self.bare_definite(tok):
                return self.armed_group_before(tok)
            if counted := counted_parties(self, tok, lambda t: self.token_refs(t, RefContext())):
                return counted  # "the two leaders", "the three countries": the ones named just before
            if low in cues.cue("both_sides") and tok.tag_ in ("NNS", "NNPS"):
                # "both sides", "the two countries"; not "talks with two smaller parties" (two new ones)
                if any(c.lower_ == "both" for c in tok.children) or (
                        any(c.lower_ == "two" for c in tok.children)
                        and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)):
                    return two_sides(self, tok, COUNTRY_TYPES)
            named = self.named_by_head(tok) if _fold(low) in self.name_words else []
            if not named and low == "bank" and self.bare_definite(tok):
                return self._central_bank_before(tok)
            return named or self.state_body(tok)
        return []

    def state_body(self, tok: Token) -> list[str]:
        """ "the government", "the junta", "the central bank": a state's body with nothing saying whose is the
        government of the country the briefing is about (not the party its verb acts on: "offered the Norwegian
        government aid")."""
        low, cues = tok.lower_, self.lexicon
        if not (low in cues.cue("national_body_noun") and (self.bare_definite(tok) or (
                low in cues.cue("unarticled_body") and tok.n_lefts + tok.n_rights == 0 and tok.dep_ != "compound"))
                or self._national_phrase(tok)):
            return []
        home = self.home_country() or self._country_of_person_before(tok)
        return [home] if home and not any(home in self.ids_at(t.i) for t in other_arguments(tok)) else []

    def _country_of_person_before(self, tok: Token) -> str | None:
        """ "President Trump imposed tariffs ... The administration filed an appeal": with no country the briefing is
        about, the country of the last person named (in this sentence or the two before) whose country is known."""
        start = sentences_back(tok, 2)
        at = bisect_left(self.mention_ends, (tok.i, ""))
        for last, actor_id in reversed(self.mention_ends[:at]):
            if last < start:
                break
            if self.type_of(actor_id) == "PERSON" and self.type_of(self.country_of.get(actor_id, "")) == "GPE":
                return self.country_of[actor_id]
        return None

    def _national_phrase(self, tok: Token) -> bool:
        """ "the central bank cut its rate": "the", one adjective and a noun that together name a state's body."""
        mods = [c for c in tok.children if c.dep_ not in ("det", "punct")]
        headline = text_of(self.doc).find("\n", 0, tok.idx) < 0  # "Central bank raises rates": a headline drops "the"
        return ((headline or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)) and len(mods) == 1
                and mods[0].dep_ == "amod" and mods[0].i == tok.i - 1
                and f"{mods[0].lower_} {tok.lower_}" in self.lexicon.cue("national_body_phrase"))

    def _central_bank_before(self, tok: Token) -> list[str]:
        """ "Chile's central bank kept its rate ... The bank is expected to resume cuts": a bare "the bank" after
        a central bank is that bank, which acts for its country (the one before "central bank", else the home one)."""
        for prev in reversed(self.doc[: tok.i]):
            if prev.lower_ == "bank" and any(c.dep_ == "amod" and c.lower_ == "central" for c in prev.children):
                owners = [a for c in prev.children if c.dep_ in ("poss", "amod", "compound") for a in self.ids_at(c.i)
                          if self.type_of(a) in COUNTRY_TYPES]
                home = self.home_country()
                return owners[:1] or ([home] if home else [])
        return []

    @staticmethod
    def bare_definite(tok: Token) -> bool:
        """ "the government", "the finance ministry": "the" and nothing saying whose ("accused the police *of
        abducting* activists": a preposition before a verb says of what, the parser hangs it on the noun)."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
            c.dep_ in ("poss", "amod", "nmod", "appos") or c.dep_ == "compound" and c.ent_type_ or c.lower_ == "shadow"
            or c.dep_ == "prep" and not any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in tok.children)

    def the_country(self, tok: Token) -> list[str]:
        """ "the country could not keep borrowing": the one country named in this sentence or the one
        before, else the country the briefing is about (no one where two were named just before)."""
        start = sentences_back(tok, 1)
        lo, hi = bisect_left(self.mention_ends, (start, "")), bisect_left(self.mention_ends, (tok.i, ""))
        countries = self._countries()
        named = {a for _, a in self.mention_ends[lo:hi] if a in countries}
        home = self.home_country()
        return list(named) if len(named) == 1 else [home] if home and not named else []

    def _countries(self) -> set[str]:
        gaz = gazetteer()
        return {a.id for a in self.actors if a.type == "GPE"
                and (form := gaz.lookup(a.name)) is not None and form.place.key.startswith("country:")}

    def home_country(self) -> str | None:
        """The country a briefing is about, when one acts in it more than any other (twice or more): whose
        "the government" and "the finance ministry" are when the text does not say. Only mentions as a doer
        or owner count ("Britain offered", "Germany's exports"), not as a place or a topic ("aid
        to Indonesia", "the Iraq war"), where a story of one's government abroad names the other most."""
        if self._home is None:
            countries = self._countries()
            # a headline labelled with its country ("Argentina: reforms clear the Senate") is about it
            label_end = country_label(self.doc)
            counts: Counter[str] = Counter()
            for last, actor_id in self.mention_ends:
                if actor_id in countries and last + 1 == label_end:
                    counts[actor_id] += 2  # the label names the country the whole briefing is about
                elif actor_id in countries and self.doc[last].dep_ in ("nsubj", "nsubjpass", "poss"):
                    counts[actor_id] += 1
            ranked = counts.most_common(2)
            top = ranked[0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
            self._home = top[0] if top else ""
        return self._home or None

    def named_by_head(self, tok: Token) -> list[str]:
        """ "The Special Immigration Appeals Commission ... The commission ruled": "the" and a word of an
        organisation's name mean the one last named with it, in this paragraph or the one before;
        its other words must fit the name too ("the central bank" is not the Royal Bank of Scotland)."""
        if tok.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return []
        if tok.i in self.quoted_tokens() and not self.in_quotation(tok):
            return []
        earliest = tok.i - 250
        found = [(last, a) for last, a in self.name_words.get(_fold(tok.lower_), ()) if earliest <= last < tok.i]
        if not found:
            return []
        actor_id = found[-1][1]
        name = {_fold(w) for w in self.name_of(actor_id).lower().split()}
        if len(name) < 2:
            return []  # "the visa" is no company called Visa: a one-word name is more than its common noun
        modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.is_alpha]
        if any(_fold(m.lower_) not in name for m in modifiers):
            return []
        return [actor_id]

    def in_quotation(self, tok: Token) -> bool:
        """Inside a quotation, and not the sayer of an aside in it ('"...," he said, "..."': an
        unclosed quotation mark, common in the BBC's paragraphs, does not make "he" quoted)."""
        if tok.i not in self.quoted_tokens():
            return False
        head = tok.head
        return not (tok.dep_ == "nsubj" and self.lexicon.speech_verb(head.lemma_.lower()))

    def quoted_tokens(self) -> set[int]:
        """Tokens between quotation marks, a paragraph at most (`text_regions.quoted_tokens`)."""
        if self._quoted is None:
            self._quoted = quoted_tokens(self.doc)
        return self._quoted

    def armed_group_before(self, tok: Token) -> list[str]:
        """ "Hamas said ... the militants fired rockets": the one armed group (so the field's dictionary
        types it) named before, not a guess between two; an organisation the dictionary does not know
        may be the one meant ("JNIM, al-Qaeda's affiliate in the Sahel": the militants are JNIM's), so
        one named before leaves the reference unresolved too."""
        if self._armed is None:
            kinds: dict[str, bool] = {}
            for a in self.actors:
                if a.type == "ORG":
                    types = {t for form in (a.name, *a.aliases) for t in figures().organisation_types(form)}
                    if not types or "armed group" in types:
                        kinds[a.id] = "armed group" in types
            self._armed = kinds
        named = [a for a in self._armed if self.mentioned_before(a, tok.i)]
        return named if len(named) == 1 and self._armed[named[0]] else []

    def mentioned_before(self, actor_id: str, i: int) -> bool:
        """Whether some mention of the actor ends before token `i`."""
        at = bisect_left(self.mention_ends, (i, ""))
        return any(a == actor_id for _, a in self.mention_ends[:at])

    def agrees(self, actor_id: str, gender: str | None) -> bool:
        """A pronoun of this gender may refer to the actor (an unknown gender agrees with both)."""
        return gender is None or self.gender.get(actor_id, gender) == gender


#: Words of organisations' names that, after "the", usually mean something else: "the government"
#: and "the state" are resolved as governments, "the people", "the party" by the sentence.
NOT_A_NAME_HEAD = frozenset({"government", "state", "states", "people", "national", "international", "united",
                             "party", "group", "news", "times", "post", "daily", "world", "new"})


#: Nouns for one on the other side of someone's act: a name after their "of" did not act with them.
_ON_THE_OTHER_SIDE = frozenset({"casualty", "victim", "target", "critic", "opponent", "rival", "enemy", "foe"})


def _fold(word: str) -> str:
    """A name's word and a noun compared singular ("Airlines" and "the airline")."""
    word = word.lower()
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


@dataclass(slots=True)
class RefContext:
    """What a pronoun in a clause may refer to: who is speaking, who is the clause's subject."""

    speaker: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
