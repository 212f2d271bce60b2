"""spaCy components of our own, registered with `Language.factory`.

`briefing_entities` runs after the model's `ner` and corrects what the small English model is
known to get wrong in briefings, with knowledge shipped as data:

- places, demonyms, capitals and organisations from the gazetteer (``countryinfo`` plus
  ``resources/lexicons/*.jsonl``): "Kyiv" tagged PERSON becomes GPE, "Russian" is linked to
  Russia, "Truth Social" is an organisation; every such entity carries the gazetteer key in
  ``Span.kb_id_`` (``country:RU``) so actor resolution can merge "Moscow" into Russia;
- label rules from ``resources/patterns/entity_rules.jsonl`` ("... Deal" is LAW, a name that
  heads "social-media site" is ORG, what is annexed is a territory);
- one document, one reading of a name: once "Donald Trump" is a person, a lone "Trump" tagged
  ORG is a person too, and "the Trump Administration" splits into the person and a
  government reference (``kb_id_ = "govt:Trump"``);
- titles are not names: "US National Security" before "Advisor Mike Waltz" is a title,
  not an organisation; honorifics ("Mr") and possessives ("’s") are trimmed off entities.

It also works on ``spacy.blank("en")`` (no ``ner``): then only the gazetteer and rules apply.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from reader.jsonl import read_jsonl
from reader.nlp.doc_text import indices_where, text_of
from reader.nlp.entity_candidate import Candidate
from reader.nlp.entity_lists import bodies_in_lists, join_fields_of_a_body, join_portfolios, places_in_lists
from reader.nlp.entity_shapes import SURNAME_PARTICLES, reshape, trim_trailing_words
from reader.nlp.figures import figures
from reader.nlp.full_names import full_names_before, given_names_before, last_name_after, surname_read_as_nationality
from reader.nlp.gazetteer import Form, Gazetteer, gazetteer
from reader.nlp.hyphenated import stance_word
from reader.nlp.known_bodies import join_split_bodies
from reader.nlp.place_bodies import country_before_body, place_before_acronym, place_heading_a_body
from reader.nlp.place_shapes import COMPASS_WORDS, common_word_opening_a_sentence
from reader.nlp.possessive_names import owned_bodies
from reader.nlp.tables import team_spans
from reader.resources import resource

#: Phoenix organisation types whose names are never a person's.
_GROUP_TYPES = frozenset({"armed group", "IGO", "NGO", "party"})
POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
ARTICLES = frozenset({"the", "The"})
#: Labels spaCy uses for names; numbers, dates and quantities are left to the date tagger.
_EDGE_PUNCT = frozenset({"-", "–", "—", ",", ";", ":", "(", ")", '"', "“", "”"})
_NOT_NAME_POS = frozenset({"ADV", "ADP", "PRON", "CCONJ", "SCONJ", "VERB", "AUX", "PART", "INTJ"})
#: Acronyms in mixed case, as British departments write theirs ("MoD", "DfES", "DoH"); places are not
#: written so.
_DEPARTMENT_ACRONYM = re.compile(r"^[A-Z][a-z]{1,2}[A-Z]{1,3}[a-z]?$")
#: The label of an entity rule that says its words are no name at all ("EV", "GDP").
NOT_A_NAME = "-"
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


def load_rules() -> list[dict[str, Any]]:
    return read_jsonl(resource("patterns", "entity_rules.jsonl"))


#: Words that make a longer name containing a country's or a city's a place of its own.
GEOGRAPHIC_FEATURES = frozenset({
    "sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "river", "lake", "mountains", "mount",
    "peninsula", "island", "islands", "isles", "basin", "valley", "desert", "coast", "shoal", "reef", "canal",
    "sound", "plateau", "delta", "port", "highlands", "plains", "archipelago", "cape", "corridor", "heights",
})


class BriefingEntities:
    """Correct and enrich `doc.ents` with the gazetteer and the label rules (see module doc)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gaz: Gazetteer = gazetteer()
        self.rules = load_rules()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("GAZETTEER", [nlp.make_doc(text) for text in self.gaz.forms])

    # -- helpers -------------------------------------------------------------------------------
    def _form(self, doc: Doc, start: int, end: int) -> Form | None:
        return self.gaz.lookup(doc[start:end].text)

    def _gazetteer_matches(self, doc: Doc) -> list[Candidate]:
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        out = []
        for span in filter_spans(spans):
            form = self.gaz.lookup(span.text)
            if form is not None:
                out.append(Candidate(span.start, span.end, form.label, form.place.key))
        return out

    def _trim(self, doc: Doc, cand: Candidate) -> Candidate | None:
        """Drop possessives, leading articles and honorifics/titles from an entity's edges."""
        start, end = cand.start, cand.end
        while end > start and doc[end - 1].text in POSSESSIVE:
            end -= 1
        # white space and dashes at the edges ("Scotland\n -")
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
            end -= 1
        while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
            start += 1
        if start >= end or any(t.is_space and "\n" in t.text for t in doc[start:end]):
            return None
        # "OSLO - Norway": a dateline's place in capitals and its spaced dash are no part of the name after them
        start = max([start, *(k + 1 for k in range(start + 1, end - 1) if doc[k].text in ("-", "–", "—")
                              and doc[k].whitespace_ and doc[k - 1].whitespace_ and doc[k + 1].is_title
                              and all(t.is_upper or t.is_punct for t in doc[start:k]))])
        # sentence adverbs and the like swallowed by the model ("Later Blair"), unless the field's
        # dictionary knows the whole as a person's name ("Luiz Inácio Lula da Silva" first in a sentence)
        while end - start > 1 and doc[start].pos_ in _NOT_NAME_POS and doc[start].text not in ARTICLES:
            if cand.label == "PERSON" and figures().people(doc[start:end].text):
                break
            start += 1
        # "Acme Corp Posts" in a title-case headline: the sentence's verb is no part of the name
        while end - start > 1 and doc[end - 1].tag_ in ("VBZ", "VBD") and doc[end - 1].dep_ == "ROOT":
            end -= 1
        # "Hain rejects Welsh assembly": a headline's verb the model ran into a name ends it
        end = next((k for k in range(start + 1, end) if doc[k].dep_ == "ROOT" and doc[k].tag_ in ("VBZ", "VBD", "VBP")), end)
        if cand.label != "PERSON":
            while start < end and doc[start].text in ARTICLES:
                start += 1
            # "State" of "Secretary of State": title words alone are no name
            if all(self._is_title_word(t) for t in doc[start:end]) and (
                (start > 0 and self._is_title_word(doc[start - 1])) or (end < len(doc) and self._is_title_word(doc[end]))
            ):
                return None
        else:
            if doc[start].text in ARTICLES and end - start > 1:
                # "The Lib Dems accused...": no person's name takes an article; a body the gazetteer knows does
                form = self.gaz.lookup(doc[start + 1 : end].text)
                if form is not None:
                    return Candidate(start + 1, end, form.place.label, form.place.key)
                start += 1
            # "Tory MPs": a group of office holders, not a person; keep what names the group
            if end - start > 1 and doc[end - 1].lower_ in self.gaz.title_heads:
                while end > start and self._is_title_word(doc[end - 1]):
                    end -= 1
                if start == end:
                    return None
                form = self.gaz.lookup(doc[start:end].text)
                return Candidate(start, end, form.label, form.place.key) if form else None
            gaz = self.gaz
            while end - start > 1 and (
                doc[start].text in gaz.honorifics
                or doc[start].lower_ in gaz.title_heads
                or (doc[start].lower_ in gaz.title_modifiers and doc[start].is_title)
                or (self.gaz.lookup(doc[start].text) is not None and self._is_title_word(doc[start + 1]))
            ):
                start += 1
        if start >= end:
            return None
        return Candidate(start, end, cand.label, cand.kb)

    def _looks_like_a_name(self, span: Span) -> bool:
        """Two to four capitalised words, none of them a known place or organisation."""
        words = [t for t in span if not t.is_punct]
        return 2 <= len(words) <= 4 and all(
            t.text[:1].isupper() and self.gaz.lookup(t.text) is None and t.lower_ not in self.gaz.title_heads
            for t in words
        )

    def _known_name(self, text: str) -> bool:
        """A place, body or person the gazetteer or the field's dictionary knows."""
        return self.gaz.lookup(text) is not None or bool(figures().organisations(text) or figures().people(text))

    def _is_title_word(self, tok: Any) -> bool:
        low = tok.lower_
        return tok.text in self.gaz.honorifics or low in self.gaz.title_heads or low in self.gaz.title_modifiers

    # -- the component -------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        cands = [Candidate(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
        cands = owned_bodies(doc, cands, lambda t: t.lower_ in self.gaz.title_heads or t.text in self.gaz.honorifics)
        cands = [t for c in cands if (t := self._trim(doc, c)) is not None]
        cands = [*cands, *self._untagged_after_honorific(doc, cands)]
        cands = [*cands, *full_names_before(doc, cands, self.gaz.honorifics, self._is_title_word)]
        given_names_before(doc, cands, self._is_title_word, self._known_name)
        surname_read_as_nationality(doc, cands)
        last_name_after(doc, cands, self._is_title_word)
        cands = self._body_before_person(doc, cands)
        cands = reshape(doc, cands, self.gaz)
        cands = [c for c in self._merge_gazetteer(doc, cands) if not common_word_opening_a_sentence(doc, c)]
        place_heading_a_body(doc, cands)
        cands = place_before_acronym(doc, cands)
        cands = self._apply_rules(doc, cands)
        for c in cands:
            if c.label in ("GPE", "LOC", "PERSON", "NORP") and not c.kb and _DEPARTMENT_ACRONYM.match(doc[c.start : c.end].text):
                c.label = "ORG"  # "the MoD's performance", "the DfES said": a department's acronym, no place
        places_in_lists(doc, cands, self.gaz.honorifics)
        bodies_in_lists(doc, cands, self.gaz.honorifics)
        cands = join_portfolios(doc, cands, self._known_name)
        cands = join_fields_of_a_body(doc, cands)
        cands = self._one_reading_per_name(doc, cands)
        cands = self._common_words(doc, cands)
        self._titled_people(doc, cands)
        cands = self._drop_title_prefixes(doc, cands)
        cands = self._table_sides(doc, cands)
        cands = self._whole_by_dictionary(doc, cands)
        cands = join_split_bodies(doc, cands)
        self._type_by_dictionary(doc, cands)
        # the steps after the shape rules may lengthen a name again: it still ends in a name word
        cands = [t for c in cands if (t := trim_trailing_words(doc, c)) is not None and not stance_word(doc, t.start, t.end)]
        spans = [Span(doc, c.start, c.end, label=c.label, kb_id=c.kb) for c in cands]
        doc.ents = filter_spans(spans)
        return doc

    def _body_before_person(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """ "Lib Dem Norman Baker", "Tory MP Michael Ancram": a party or body the gazetteer knows, run
        by the model into the name of one of its people, is that body beside the person."""
        out: list[Candidate] = []
        for c in cands:
            split = None
            if c.label == "PERSON" and not c.kb and c.end - c.start >= 3:
                for k in (2, 1):
                    form = self.gaz.lookup(doc[c.start : c.start + k].text)
                    if form is None or not form.place.key.startswith("org:"):
                        continue
                    rest = c.start + k
                    while rest < c.end and self._is_title_word(doc[rest]):
                        rest += 1
                    if c.end - rest >= 2 and all(t.is_title for t in doc[rest : c.end]):
                        split = [Candidate(c.start, c.start + k, form.place.label, form.place.key),
                                 Candidate(rest, c.end, "PERSON")]
                    break
            out.extend(split or [c])
        return out

    def _untagged_after_honorific(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """ "Cardinal Cormac Murphy O'Connor", "Mr Katwala": capitalised names right after an honorific,
        which the model left untagged, are a person (not "Lord Chancellor": a title follows there)."""
        taken = {i for c in cands for i in range(c.start, c.end)}
        starts = {c.start: c for c in cands}
        out: list[Candidate] = []
        for i in indices_where(doc, ORTH, self.gaz.honorifics | self.gaz.ranks):
            if doc[i].text in self.gaz.ranks and not self._rank_of_someone(doc, i):
                continue
            j = i + 1
            while j < len(doc) and j - i <= 6 and j not in taken:
                word = doc[j]
                if word.text == "-" and not doc[j - 1].whitespace_ and not word.whitespace_ and j > i + 1:
                    j += 1  # "Wielgo-Varga"
                    continue
                inner = (word.is_alpha and doc[j - 1].text == "-" and j + 2 < len(doc) and doc[j + 1].text == "-"
                         and not word.whitespace_ and doc[j + 2].is_title)  # "Waker-*uz*-Zaman"
                if not inner and not (word.tag_ in ("NNP", "NNPS") and word.text[:1].isupper()
                                      and word.text.replace("'", "").replace("’", "").isalpha()):
                    break
                j += 1
            if doc[j - 1].text == "-":
                j -= 1
            if j == i + 1 or i in taken or doc[i + 1].lower_ in self.gaz.title_heads or doc[i + 1].lower_ in self.gaz.title_modifiers:
                continue
            rest = starts.get(j)
            if rest is not None and not rest.kb and rest.label in ("PERSON", "ORG", "GPE", "NORP") and rest.end - j <= 3:
                # "Cardinal Cormac" before the "Murphy-O'Connor" the model tagged (as an organisation)
                rest.start, rest.label = i + 1, "PERSON"
            else:
                out.append(Candidate(i + 1, j, "PERSON"))
            taken.update(range(i, j))
        return out

    def _rank_of_someone(self, doc: Doc, i: int) -> bool:
        """ "the army chief, General Waker-uz-Zaman", "Field Marshal Khalifa Haftar": a rank after a comma
        or a title names the person after it ("General Electric said" is left to the model)."""
        before = doc[i - 1] if i else None
        return before is not None and (before.text in (",", "(") or before.lower_ in self.gaz.title_heads
                                       or before.lower_ in self.gaz.title_modifiers or before.text == "Field")

    def _whole_by_dictionary(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """A name the model tagged as a person somewhere ("Erdogan") is whole where capitalised
        words before it make a full name the field's dictionary knows ("Recep Tayyip Erdogan"),
        tagged or not: the text says it is a person, the dictionary says where the name starts."""
        words = {doc[c.end - 1].text for c in cands if c.label == "PERSON" and doc[c.end - 1].is_title}
        if not words:
            return cands
        figs = figures()
        taken = {i: c for c in cands for i in range(c.start, c.end)}
        out = list(cands)
        for i in indices_where(doc, ORTH, words):
            start = i
            while start > 0 and i - start < 5 and doc[start - 1].is_alpha and (
                    doc[start - 1].is_title or doc[start - 1].lower_ in SURNAME_PARTICLES) \
                    and (start - 1 not in taken or taken[start - 1].label == "PERSON"):
                start -= 1
            if start == i:
                continue
            for first in range(start, i):
                if not doc[first].is_title:
                    continue
                if len(figs.people(doc[first : i + 1].text)) == 1:
                    inside = [c for c in out if first <= c.start and c.end <= i + 1]
                    if all(c.label == "PERSON" or not c.kb for c in inside):
                        out = [c for c in out if c not in inside]
                        out.append(Candidate(first, i + 1, "PERSON"))
                    break
        out.sort(key=lambda c: c.start)
        return out

    def _type_by_dictionary(self, doc: Doc, cands: list[Candidate]) -> None:
        """The field's dictionary as evidence of type: a full name it knows only as a political
        figure is a person ("Ahmed Shah Massoud" tagged as a place), and a name it knows only as
        an armed group or international body, or a name of two words or more it knows only as a
        body, is an organisation ("Hezbollah", "Lockheed Martin" tagged as a person).
        Only names of two words or more for people, and never what the gazetteer knows."""
        figs = figures()
        for c in cands:
            if c.kb or c.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
                continue
            text = doc[c.start : c.end].text
            if c.label != "PERSON" and c.end - c.start >= 2 and self.gaz.lookup(text) is None:
                if len(figs.people(text)) == 1 and not figs.organisations(text):
                    c.label = "PERSON"
            elif c.label == "PERSON":
                orgs = figs.organisations(text)
                if orgs and not figs.people(text) and (all(o.type in _GROUP_TYPES for o in orgs) or c.end - c.start >= 2):
                    c.label = "ORG"  # (a full name it knows as a body of any kind: "Lockheed Martin")

    def _table_sides(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Names standing as sides in a results-table line are organisations (see tables.py)."""
        text = text_of(doc)
        sides = list(team_spans(text)) if "\n" in text or len(doc) < 60 else []
        if not sides:
            return cands
        out = list(cands)
        for start, end, result in sides:
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None or not len(span):
                continue
            known = self.gaz.lookup(span.text) or self.gaz.lookup(span.text.title())
            if not result and known is not None and known.place.key.startswith("country:"):
                continue  # "Germany 2.1 1.5 0.8": a country with its figures
            out = [c for c in out if not (c.start < span.end and span.start < c.end)]
            out.append(Candidate(span.start, span.end, "ORG"))
        out.sort(key=lambda c: c.start)
        return out

    def _merge_gazetteer(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        person_words = self._person_words(doc, cands)
        result = list(cands)
        for g in self._gazetteer_matches(doc):
            form = self._form(doc, g.start, g.end)
            assert form is not None
            if g.start > 0 and doc[g.start - 1].text in self.gaz.honorifics:
                continue  # "Mr Wellington" is a person, whatever the gazetteer says
            overlapping = [c for c in result if c.overlaps(g)]
            if not overlapping:
                if not doc[g.start + (g.end - g.start > 1 and doc[g.start].text == "the")].text[:1].isupper():
                    continue  # (but "the leader of the Conservatives": the name after the article)
                if form.kind == "capital" and g.end < len(doc) and doc[g.end].pos_ == "PROPN":
                    continue  # "Victoria Nuland": a capital's name used as a first name
                result.append(g)
                continue
            if any(c.start < g.start or c.end > g.end for c in overlapping):
                # the model's entity is longer: keep it unless it is a chain of places ("Russian-Ukrainian")
                (outer,) = overlapping[:1]
                if (split := country_before_body(doc, outer, g)) is not None:
                    result.remove(outer)
                    result.extend(split)  # "the US Federal Reserve"
                    continue
                if outer.label in ("LOC", "GPE", "FAC") and (any(
                        t.is_title and t.lower_ in GEOGRAPHIC_FEATURES
                        for t in doc[outer.start : outer.end] if not g.start <= t.i < g.end)
                        or doc[outer.start].text in COMPASS_WORDS and outer.end - outer.start >= 2):
                    continue  # "the South China Sea", "Port Sudan", "Lake Victoria", "West Darfur": a place of its own
                if outer.label in ("NORP", "GPE") and self._is_place_chain(doc, outer):
                    result.remove(outer)
                    result.extend(self._split_chain(doc, outer))
                elif outer.label not in ("PERSON", "ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"):
                    result.remove(outer)
                    result.append(g)
                continue
            # the model's entity lies inside (or equals) the gazetteer match
            if any(c.label == "PERSON" for c in overlapping) and not self._place_not_person(doc, g, person_words):
                continue
            for c in overlapping:
                result.remove(c)
            result.append(g)
        return result

    def _is_place_chain(self, doc: Doc, cand: Candidate) -> bool:
        words = [t for t in doc[cand.start : cand.end] if t.text not in ("-", "–", "and", "/")]
        return len(words) > 1 and all(self.gaz.lookup(t.text) is not None for t in words)

    def _split_chain(self, doc: Doc, cand: Candidate) -> list[Candidate]:
        out = []
        for tok in doc[cand.start : cand.end]:
            form = self.gaz.lookup(tok.text)
            if form is not None:
                out.append(Candidate(tok.i, tok.i + 1, form.label, form.place.key))
        return out

    def _place_not_person(self, doc: Doc, g: Candidate, person_words: set[str]) -> bool:
        """A PERSON the model saw in a gazetteer name is a place unless the text treats it as a name."""
        text = doc[g.start : g.end].text
        if text in person_words:
            return False
        prev = doc[g.start - 1] if g.start > 0 else None
        return not (prev is not None and prev.text in self.gaz.honorifics)

    def _person_words(self, doc: Doc, cands: list[Candidate]) -> set[str]:
        """Words that are part of multi-word person names in this document."""
        words: set[str] = set()
        for c in cands:
            if c.label == "PERSON" and c.end - c.start > 1:
                words.update(t.text for t in doc[c.start : c.end] if t.is_alpha and t.text[:1].isupper())
        return words

    def _apply_rules(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        for rule in self.rules:
            words = set(rule["words"])
            if rule.get("words_from") == "title_heads":
                words |= self.gaz.title_heads
            elif rule.get("words_from") == "honorifics":
                words |= {w.lower() for w in self.gaz.honorifics}
            for c in cands:
                if c.label not in rule["from"] or c.kb.startswith(("country:", "org:")):
                    continue
                kind = rule["rule"]
                if kind == "label_by_last_word":
                    hit = doc[c.end - 1].lower_ in words and not (c.label == "PERSON" and self._said_to_be_a_person(doc, c))
                elif kind == "label_by_next_words":
                    hit = c.end < len(doc) and doc[c.end].lower_ in words
                elif kind == "label_by_whole_text":
                    whole = doc[c.start : c.end].text.lower()
                    hit = whole in words
                else:
                    i = c.start - 1
                    while i >= 0 and doc[i].lower_ in rule.get("bridge", []):
                        i -= 1
                    hit = i >= 0 and i < c.start - 0 and doc[i].lower_ in words
                    if hit and rule.get("only_known_places"):
                        hit = self.gaz.lookup(doc[c.start : c.end].text) is not None
                    if hit and rule.get("name_shape"):
                        hit = self._looks_like_a_name(doc[c.start : c.end])
                if hit:
                    c.label = rule["label"]
        return [c for c in cands if c.label != NOT_A_NAME]

    def _said_to_be_a_person(self, doc: Doc, c: Candidate) -> bool:
        """ "a British lecturer, Dennis Hills, who ...": the text itself says the name is a person's
        (a relative "who" or a title after it, an honorific or title before it, a person noun it names,
        its last word after an honorific elsewhere, a first name many people have)."""
        after = [t for t in doc[c.end : c.end + 2] if t.text != ","]
        if after and after[0].lower_ in ("who", "whom", "whose"):
            return True
        before = [t for t in doc[max(0, c.start - 2) : c.start] if t.text != ","]
        if before and (before[-1].text in self.gaz.honorifics or before[-1].lower_ in self.gaz.title_heads):
            return True
        if c.end < len(doc) and doc[c.end].text == "," and any(t.lower_ in self.gaz.title_heads for t in doc[c.end + 1 : c.end + 4]):
            return True  # "Jack Law, chief executive of Alcohol Focus Scotland, said"
        last = doc[c.end - 1].text
        if any(t.text == last and t.i > 0 and doc[t.i - 1].text in self.gaz.honorifics for t in doc):
            return True  # "Mr Law said"
        if c.end - c.start == 2 and figures().given_name(doc[c.start].text):
            return True  # "Jack Law said"
        return bool(before) and figures().agent(before[-1].text) is not None and before[-1].pos_ == "NOUN"

    def _one_reading_per_name(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Once a word is part of a person's full name, its lone uses are that person too."""
        surnames: set[str] = set()
        tails: set[str] = set()  # "Kilroy-Silk" of "Robert Kilroy-Silk"
        firsts: set[str] = set()  # relabel a mistyped "Abiy", but never tag an untagged first name
        for c in cands:
            if c.label == "PERSON" and c.end - c.start > 1:
                tails.add(doc[c.start + 1 : c.end].text)
                if doc[c.start].is_alpha and self.gaz.lookup(doc[c.start].text) is None:
                    firsts.add(doc[c.start].text)
                # every name word but the first ("Faki" of "Moussa Faki Mahamat", "Trump" of "Donald Trump")
                for tok in doc[c.start + 1 : c.end]:
                    if tok.is_alpha and tok.is_title and len(tok) > 2 and self.gaz.lookup(tok.text) is None:
                        surnames.add(tok.text)
        if not surnames and not firsts:
            return cands
        gov = self.gaz.government_words
        out: list[Candidate] = []
        for c in cands:
            tokens = doc[c.start : c.end]
            if c.label != "PERSON" and not c.kb:
                # "the Trump Administration" -> person "Trump" + government reference "Administration"
                if len(tokens) >= 2 and tokens[-1].lower_ in gov and all(t.text in surnames for t in tokens[:-1]):
                    out.append(Candidate(c.start, c.end - 1, "PERSON"))
                    out.append(Candidate(c.end - 1, c.end, "ORG", f"govt:{tokens[:-1].text}"))
                    continue
                if (len(tokens) == 1 and tokens[0].text in surnames | firsts) or tokens.text in tails:
                    c.label = "PERSON"
            out.append(c)
        taken = {i for c in out for i in range(c.start, c.end)}
        for i in indices_where(doc, ORTH, surnames):
            tok = doc[i]
            if tok.i in taken or not tok.is_title:
                continue
            if any(0 <= j < len(doc) and doc[j].text in ("-", "–") for j in (tok.i - 1, tok.i + 1)):
                continue  # a piece of a hyphenated name is not the name
            first = tok.i - 1
            if first >= 0 and first not in taken and doc[first].tag_ == "NNP" and doc[first].is_title \
                    and doc[first].is_alpha and not self._is_title_word(doc[first]) and self.gaz.lookup(doc[first].text) is None:
                # "Cherie Blair" untagged beside "Tony Blair": another person of the same surname
                out.append(Candidate(first, tok.i + 1, "PERSON"))
                taken.update((first, tok.i))
                continue
            out.append(Candidate(tok.i, tok.i + 1, "PERSON"))
            taken.add(tok.i)
        # untagged uses of a multi-word surname ("Mr Kilroy-Silk")
        by_first: dict[str, list[list[str]]] = {}
        for tail in tails:
            words = tail.split("-") if "-" in tail and " " not in tail else None
            if words:
                by_first.setdefault(words[0], []).append(words)
        for i in indices_where(doc, ORTH, by_first):
            tok = doc[i]
            for words in by_first.get(tok.text, ()):
                n = 2 * len(words) - 1
                span = doc[tok.i : tok.i + n]
                if len(span) == n and [t.text for t in span] == [p for w in words for p in (w, "-")][:n]:
                    if not any(i in taken for i in range(tok.i, tok.i + n)):
                        out.append(Candidate(tok.i, tok.i + n, "PERSON"))
                        taken.update(range(tok.i, tok.i + n))
        # "the Biden administration": a surname followed by a government word
        for c in list(out):
            if c.label == "PERSON" and c.end < len(doc) and doc[c.end - 1].text in surnames:
                nxt = doc[c.end]
                if nxt.lower_ in gov and nxt.i not in taken:
                    out.append(Candidate(nxt.i, nxt.i + 1, "ORG", f"govt:{doc[c.end - 1].text}"))
                    taken.add(nxt.i)
        return out

    def _titled_people(self, doc: Doc, cands: list[Candidate]) -> None:
        """ "security arrangements for Gen Pervez Musharraf's visit": a title before a person's name
        the model took for an organisation; the name is the person when the field's dictionary knows
        it or the text names that person elsewhere ("General Electric Company" stays a company)."""
        surnames = {doc[c.end - 1].text for c in cands if c.label == "PERSON"}
        for c in cands:
            if c.label not in ("ORG", "FAC") or c.kb or c.end - c.start < 2:
                continue
            title, rest = doc[c.start], doc[c.start + 1 : c.end]
            if not (title.is_title and self._is_title_word(title)) or not rest[-1].is_title:
                continue
            if rest[-1].text in surnames or figures().people(rest.text):
                c.start, c.label = c.start + 1, "PERSON"

    def _common_words(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """ "died in the Tsunami which struck": a lone capitalised word the text also writes in lower
        case as a noun ("hit by the tsunami") is that noun, not a place or a person, unless it is a
        known place, part of a longer name in the text or a name the field's dictionary knows."""
        # an organisation only when the tagger too reads the word as a noun ("the Commission" is one)
        lone = [c for c in cands if c.end - c.start == 1 and not c.kb and (
            c.label in ("GPE", "LOC", "PERSON", "FAC") or (c.label == "ORG" and doc[c.start].pos_ == "NOUN"))]
        if not lone:
            return cands
        in_names = {t.lower_ for c in cands if c.end - c.start > 1 for t in doc[c.start : c.end]}
        asked = {doc[c.start].lower_ for c in lone if doc[c.start].is_title} - in_names
        # the lower-case forms, looked up in the Doc's array (a Token per word would cost ~10 ms a briefing)
        written_low = {doc[i].text for i in indices_where(doc, ORTH, asked) if doc[i].pos_ == "NOUN"}
        common = {
            id(c) for c in lone
            if (word := doc[c.start]).is_title and word.lower_ in written_low
            and self.gaz.lookup(word.text) is None and not figures().people(word.text)
        }
        return [c for c in cands if id(c) not in common] if common else cands

    def _drop_title_prefixes(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """'US National Security' before 'Advisor Mike Waltz' is part of a title, not an organisation."""
        starts = {c.start: c for c in cands}
        out: list[Candidate] = []
        for c in cands:
            if c.label in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART", "GPE") and not c.kb and c.end < len(doc):
                j = c.end
                # "Culture, Media and Sport Secretary Tessa Jowell": the portfolios listed before the title
                while j + 1 < len(doc) and doc[j].lower_ in (",", "and") and doc[j + 1].is_title and (
                        doc[j + 1].lower_ not in self.gaz.title_heads and doc[j + 1].lower_ not in self.gaz.title_modifiers
                        and not self._known_name(doc[j + 1].text)):  # "in Edinburgh, Wales Secretary Peter Hain"
                    j += 2
                first_head = j
                while j < len(doc) and doc[j].lower_ in self.gaz.title_heads:
                    j += 1
                person = starts.get(j)
                runs_it = c.label == "ORG" and first_head == c.end and doc[first_head].lower_ in _BODY_LEADERS
                if j > first_head and person is not None and person.label == "PERSON" and not runs_it:
                    out.extend(self._split_chain(doc, c))
                    continue
            out.append(c)
        return out


#: titles of whoever runs a body: the organisation before one is theirs, not a portfolio ("Apple CEO Tim Cook",
#: "Ford Motor Company CEO Alan Mulally"; but "Home Secretary", "National Security Advisor" name no body)
_BODY_LEADERS = frozenset({"ceo", "cfo", "chairman", "chairwoman", "chairperson", "founder", "co-founder"})


@Language.factory("briefing_entities")
def make_briefing_entities(nlp: Language, name: str) -> BriefingEntities:
    return BriefingEntities(nlp, name)
