"""The CAMEO trigger lexicon and the modality cue lists, loaded once per process from resources/lexicons.

The lexicon (``cameo_lexicon.jsonl``) maps a lemma and part of speech to a CAMEO event code, built
from the codebook's descriptions (04 Consult: meet, host, visit, phone...). An entry may carry
conditions that must hold in the parse before it applies, so that "take a village" is Fight while
"take advantage" is nothing:

- ``object``: the direct object's lemma (or ``@PERSON``/``@PEOPLE`` (people or a people)/``@GPE``/``@PLACE``/``@ACTOR``/``@ANY``) must be listed;
  ``@EVENT`` is any noun with an entry of its own: a light verb ("carry out *an attack*", "express
  *concern*") with ``defer`` takes its category from that noun;
- ``not_object``: none of these may be the object ("meet *the deadline*");
- ``particle``: a particle or adverb child ("walk *away*", "crack *down*");
- ``prep``: a preposition child ("call *for*", "travel *to*");
- ``compound``: a compound modifier of a noun ("*phone* call", "*prisoner* exchange");
- ``xcomp`` / ``ccomp``: an infinitival / clausal complement ("ready *to work*");
- ``speech``: a speech verb, whose clausal complement is a separate, reported event;
- ``defer``: the act is named by the complement ("decision *to suspend* aid" is a suspension);
- ``object_only``: a noun that is an act only as a light verb's object ("expressed *concern*");
- ``subject``: the subject's lemma must be listed ("*sales* dropped 42%"); the subject joins the trigger;
- ``field_too``: the entry adds a reading and hides none of the field dictionary's ("*kept* rates unchanged");
- ``predicative``: the object is given a name or quality ("called the ruling *a victory*");
- ``complement``: a predicative complement's lemma must be listed ("was declared *dead*");
- ``person_doer`` / ``doer_needed``: the doer must be a person / must be named ("*he* described it as").

Entries with conditions are tried before plain ones, so the most specific reading wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Token

from reader.jsonl import read_jsonl
from reader.nlp.events.lex_entry import ENTITY_SLOTS as ENTITY_SLOTS
from reader.nlp.events.lex_entry import LexEntry as LexEntry
from reader.nlp.events.lex_entry import category_of as category_of
from reader.nlp.events.petrarch_verbs import PetrarchIndex
from reader.nlp.events.subjects import raised_subjects
from reader.resources import resource

#: The category of a verb no lexicon codes, kept when it is done by a named actor to someone or something.
OTHER_ACT = "ACT"
#: Object slots that are not entity types.
OTHER_SLOTS = frozenset({"@ANY", "@EVENT"})


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry that applies to a token, with the extra words that belong to the trigger."""

    entry: LexEntry
    extra: tuple[int, ...] = ()


@dataclass(slots=True)
class Lexicon:
    entries: dict[tuple[str, str], list[LexEntry]]
    labels: dict[str, str]
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    relative_days: dict[str, int] = field(default_factory=dict)
    #: the field's verb dictionary (PETRARCH2), consulted for lemmas our own entries do not cover
    petrarch: PetrarchIndex | None = None
    _hashes: frozenset[int] = frozenset()
    _hash_array: np.ndarray | None = None
    _ours: frozenset[str] = frozenset()

    def key_hashes(self) -> frozenset[int]:
        """Hashes of every lemma with an entry, to find candidate tokens from the Doc's arrays."""
        if not self._hashes:
            lemmas = {lemma for lemma, _ in self.entries}
            verbs = {lemma for lemma, pos in self.entries if pos == "VERB"}
            if self.petrarch is not None:
                lemmas |= self.petrarch.lemmas
                verbs |= self.petrarch.lemmas
            # inflected forms too, for the verbs the lemmatizer gets wrong ("staged" -> "stag")
            forms = {form for verb in verbs for form in inflections(verb)}
            self._hashes = frozenset(hash_string(word) for word in lemmas | forms)
        return self._hashes

    def key_hash_array(self) -> np.ndarray:
        """`key_hashes` sorted in an array, to test a Doc's LOWER and LEMMA columns at once."""
        if self._hash_array is None:
            self._hash_array = np.unique(np.fromiter(self.key_hashes(), dtype=np.uint64))
        return self._hash_array

    def speech_verb(self, lemma: str) -> bool:
        """Whether an entry of this verb is a speech verb ("say", "tell", "add")."""
        return any(e.speech for e in self.entries.get((lemma, "VERB"), ()))

    def knows_verb(self, lemma: str) -> bool:
        """Whether our entries or the field's dictionary have this verb."""
        return (lemma, "VERB") in self.entries or (self.petrarch is not None and lemma in self.petrarch.lemmas)

    def _field_entries(self, lemma: str, pos: str) -> list[LexEntry]:
        """PETRARCH's readings of a lemma we have no entry for: its patterns ("strike a deal",
        "pull out of"), and its plain reading unless the verb is too general to be an act alone."""
        if self.petrarch is None or pos != "VERB":
            return []
        if not self._ours:
            self._ours = frozenset(lemma for (lemma, p), found in self.entries.items()
                                   if p == "VERB" and not all(e.subjects or e.field_too for e in found))
        if lemma in self._ours:
            return []  # our own entries decide ("strike" a target is a fight, not PETRARCH's reading)
        generic = lemma in self.cue("generic_verb")
        return [e for e in self.petrarch.entries(lemma) if e.pos == pos and (e.specificity or not generic)]

    def label(self, category: str) -> str:
        return self.labels.get(category, "")

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    def match(self, token: Token) -> Match | None:
        """The most specific entry whose conditions hold for this token, if any."""
        pos = _lexicon_pos(token)
        if pos is None or (pos == "NOUN" and token.lower_ in self.cue("figure_noun") and token.dep_ != "dobj"):
            return None  # "its sales rose" is no sale; "made profits", "boosted sales" name what was done
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in self.cue("heading_verb"):
            return None  # "an inquiry led by Sir Alan Budd will report": who heads it, no act
        lemma = token.lemma_.lower()
        keys = {lemma, token.lower_}
        candidates: list[LexEntry] = []
        for key in keys:
            candidates.extend(self.entries.get((key, pos), ()))
        if not candidates and pos == "VERB":
            for key in base_forms(token.lower_, token.tag_):
                if (key, pos) in self.entries or (self.petrarch is not None and key in self.petrarch.lemmas):
                    lemma = key  # the small model's lemma can be wrong on rarer verbs ("staged" -> "stag")
                    candidates.extend(self.entries.get((key, pos), ()))
                    break
        if not candidates:
            candidates = self._field_entries(lemma, pos)
        if not candidates:
            return None
        candidates.sort(key=lambda e: -e.specificity)
        parts = _Parts(token)
        for entry in candidates:
            extra = _conditions_hold(entry, parts, self)
            if extra is not None:
                return Match(entry, extra)
        if all(e.subjects or e.field_too for e in candidates) and candidates[0].source == "ours":
            # a figure's entries ("sales *dropped*") never hide the verb's other readings ("*dropped* the charges")
            for entry in sorted(self._field_entries(lemma, pos), key=lambda e: -e.specificity):
                extra = _conditions_hold(entry, parts, self)
                if extra is not None:
                    return Match(entry, extra)
        return None


def base_forms(word: str, tag: str) -> list[str]:
    """Candidate base forms of an inflected verb, for when the lemmatizer missed it."""
    out: list[str] = []
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        stem = word[:-2]
        out += [stem + "e", stem]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])  # "planned" -> "plan"
        if stem.endswith("i"):
            out.append(stem[:-1] + "y")  # "carried" -> "carry"
    elif tag == "VBZ" and word.endswith("s"):
        out += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
        if word.endswith("ies"):
            out.append(word[:-3] + "y")
    elif tag == "VBG" and word.endswith("ing"):
        stem = word[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out


def inflections(verb: str) -> tuple[str, ...]:
    """Regular inflections of a verb ("stage" -> "staged", "stages", "staging")."""
    if verb.endswith("e"):
        return (verb + "d", verb + "s", verb[:-1] + "ing")
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return (verb[:-1] + "ied", verb[:-1] + "ies", verb + "ing")
    return (verb + "ed", verb + "s", verb + "es", verb + "ing")


def _lexicon_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN") and not token.ent_type_:
        return "NOUN"
    if token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ == "acomp"):
        return "ADJ"
    return None


#: Particles of a two-word noun of an act ("bail out", "crack down", "pull out") the parser may hang elsewhere.
_NOUN_PARTICLES = frozenset({"out", "down", "up", "off"})


def _thing_meant(pronoun: Token) -> Token | None:
    """ "The Fed, which cut its rates in September, is expected to lower them again": the object an "it" or a
    "them" stands for, when a verb before it in its sentence took one of that number."""
    plural = {"them": True, "it": False}.get(pronoun.lower_)
    if plural is None or pronoun.dep_ != "dobj":
        return None
    return next((t for t in reversed(pronoun.doc[pronoun.sent.start : pronoun.head.i]) if t.dep_ == "dobj"
                 and t.pos_ == "NOUN" and (t.tag_ == "NNS") == plural), None)


class _Parts:
    """A token's children and objects, read from the parse once for all the entries tried on it
    (a verb has up to a dozen; each used to walk the children again)."""

    __slots__ = ("_objects", "_words", "children", "token")

    def __init__(self, token: Token) -> None:
        self.token = token
        self.children = list(token.children)
        after = token.nbor(1) if token.pos_ == "NOUN" and token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ in _NOUN_PARTICLES and after.head.i != token.i:
            self.children.append(after)  # "the US's $700bn bail out of the banks": the parser hung "out" on the verb before
        self._objects: list[Token] | None = None
        self._words: list[tuple[str, str]] | None = None

    @property
    def objects(self) -> list[Token]:
        if self._objects is None:
            self._objects = _object_of(self.token, self.children)
        return self._objects

    @property
    def object_words(self) -> list[tuple[str, str]]:
        """Each object's lemma and lower-case form, read once for the dozens of words an entry may list."""
        if self._words is None:
            words = [(o.lemma_.lower(), o.lower_) for o in self.objects]
            # "martial law", "state of emergency": an object named by two or three words
            words.extend((f"{m.lower_} {o.lemma_.lower()}", f"{m.lower_} {o.lower_}") for o in self.objects
                         for m in o.children if m.dep_ in ("amod", "compound") and m.i == o.i - 1)
            # "the run-off", "a walk-out": one word the tokenizer split at its hyphen
            words.extend((f"{doc[o.i - 2].lower_}-{o.lemma_.lower()}", f"{doc[o.i - 2].lower_}-{o.lower_}") for o in self.objects
                         if o.i > 1 and (doc := o.doc)[o.i - 1].text == "-" and not doc[o.i - 1].whitespace_)
            words.extend((f"{o.lemma_.lower()} of {g.lower_}", f"{o.lower_} of {g.lower_}") for o in self.objects
                         for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
            for n in (m for o in self.objects if (m := _thing_meant(o)) is not None):  # ("declaring it": martial law)
                words.extend([(n.lemma_.lower(), n.lower_), *((f"{c.lower_} {n.lemma_.lower()}", f"{c.lower_} {n.lower_}")
                                                              for c in n.lefts if c.dep_ in ("amod", "compound"))])
            self._words = words
        return self._words

    def has_object(self, entry_words: frozenset[str], slots: tuple[str, ...], lex: Lexicon | None) -> bool:
        """An object is one of the words, or fills one of the slots (`_object_ok`); an "@EVENT" slot is
        not filled by where the verb leads ("led to the bailout")."""
        if entry_words and any(lemma in entry_words or lower in entry_words for lemma, lower in self.object_words):
            return True
        # "were not considered safe under a ruling": a verb that judges has no act for its object
        judged = any(c.dep_ in ("acomp", "oprd") for c in self.children)
        return any(_object_ok(slot, o, lex) for o in self.objects for slot in slots
                   if slot != "@EVENT" or not (_prepositional(o, self.token) or judged and o.dep_ == "pobj"))


def _object_of(token: Token, children: list[Token]) -> list[Token]:
    objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
    direct = [c for c in objs if c.dep_ == "dobj"]
    if len(direct) > 1 and direct[0].pos_ == "PRON":
        objs = [c for c in objs if c.dep_ != "dobj" or c.i == direct[0].i]  # "would make it the worst loss": what it is
    objs.extend(raised_subjects(token))  # "the embargo is likely to be lifted"
    # "close 789 dealerships": the small model often reads a counted object as an adverbial noun
    objs.extend(c for c in children if c.dep_ == "npadvmod" and c.i > token.i and c.pos_ == "NOUN"
                and any(g.dep_ == "nummod" for g in c.children))
    if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
        objs.append(token.head)
    if token.tag_ == "VBD" and not objs and not any(c.dep_ == "cc" for c in children) and any(
            c.dep_ in ("conj", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > token.i
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in children):
        # "Any deals struck with the US are likely to fail": the parser reads a participle after its noun
        # as that noun's verb, and the sentence's own verb as joined to it
        objs.extend(c for c in children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    # "agree to a ceasefire", "engage in talks": the object of a required preposition (what one becomes is no
    # preposition's: "became accountable to ministers" is no minister)
    for c in children:
        if c.dep_ == "prep" and token.lemma_ != "become":
            objs.extend(g for g in c.children if g.dep_ == "pobj")
    # "fired dozens of rockets", "a barrage of missiles": what is counted is the object
    # and "won 69 of the 240 seats", "won 89 out of 150 seats", "£40bn of tax rises": what the number counts
    objs.extend(g for o in list(objs) if counts_what_follows(o) or o.tag_ == "CD" or _sum_of_money(o)
                for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
    objs.extend(g for c in children if c.dep_ == "prep" and c.lower_ == "out"
                for of in c.children if of.lower_ == "of" for g in of.children if g.dep_ == "pobj")
    # "The LDP won 191 seats, while Komeito won 24": a bare number counts what the same verb beside it counted
    if token.dep_ in ("conj", "advcl") and token.head.lemma_ == token.lemma_ and any(o.tag_ == "CD" and o.dep_ == "dobj" for o in objs):
        objs.extend(o for o in token.head.children if o.dep_ == "dobj" and any(g.dep_ == "nummod" for g in o.children))
    # "called the election days after taking office": the model reads the span as the object, the object as its compound
    objs.extend(c for o in list(objs) if o.dep_ == "dobj" and o.lemma_.lower() in _SPAN_UNITS and o.i + 1 < len(o.doc)
                and o.doc[o.i + 1].lower_ in ("after", "before", "later", "earlier") for c in o.children if c.dep_ == "compound")
    return objs


#: Units of time that, counted, measure the act their "of" names ("began two days of exercises").
_SPAN_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def counts_what_follows(tok: Token) -> bool:
    """ "a wave of strikes", "two days of live-fire exercises": the act is what follows "of"."""
    return tok.lower_ in QUANTITY_HEADS or (tok.lemma_.lower() in _SPAN_UNITS and any(c.dep_ == "nummod" for c in tok.children))


def _sum_of_money(tok: Token) -> bool:
    """ "£40bn", "$5 million": a sum, by its entity or its currency sign."""
    return tok.ent_type_ == "MONEY" or any(c.tag_ == "$" for c in tok.children)


#: Nouns that count or gather what follows their "of" ("dozens of rockets", "a wave of strikes").
QUANTITY_HEADS = frozenset({
    "dozens", "hundreds", "thousands", "millions", "scores", "tens", "series", "barrage",
    "wave", "waves", "volley", "salvo", "string", "couple", "pair", "handful", "batch", "round", "set", "lot", "lots",
    "number",
    # shares of a whole ("80% of the bill had been met", "half of the cost"): the whole is the object
    "%", "percent", "cent", "half", "third", "quarter", "majority", "bulk", "rest", "share", "part", "parts", "most", "much", "portion",
    "proportion", "fraction",
})


def _quoted_name(obj: Token) -> bool:
    """ 'called the decision "a formalised coup"': the model hangs a quoted name on the object it names."""
    return any(a.dep_ == "appos" and a.i > obj.i and a.left_edge.i > 0 and a.doc[a.left_edge.i - 1].text in ('"', "“", "‘", "'")
               for a in obj.children)


def _object_ok(slot: str, obj: Token, lex: Lexicon | None = None) -> bool:
    if slot == "@ANY":
        return True
    if slot == "@EVENT":
        # "carried out an attack", "expressed concern": the light verb's object names the act
        return lex is not None and obj.pos_ in ("NOUN", "PROPN") and not obj.ent_type_ and bool(
            lex.entries.get((obj.lemma_.lower(), "NOUN")) or lex.entries.get((obj.lower_, "NOUN")))
    if slot == "@MONEY" and _is_rate(obj):
        return False  # "workers earn $28 an hour": a rate of pay is a state, not a result
    if slot in ENTITY_SLOTS:
        # "charged him": a personal pronoun is a person (not "them", as often things)
        return obj.ent_type_ in ENTITY_SLOTS[slot] or slot == "@PERSON" and (obj.lower_ in ("him", "her") or obj.dep_ == "nsubjpass" and obj.lower_ in ("he", "she"))
    return obj.lemma_.lower() == slot or obj.lower_ == slot


#: prepositions of where an act leads ("led *to* the bailout"), not of what it is
RESULT_PREPS = frozenset({"to", "into", "toward", "towards"})


def _prepositional(obj: Token, verb: Token) -> bool:
    """Where the verb leads, not what it does: a light verb's act is its object ("led the talks",
    "joined in the protests", "launched a wave of strikes"), not the end it comes to ("led to the
    bailout", "brought the total to 677 orders")."""
    return obj.dep_ == "pobj" and obj.head.head.i == verb.i and obj.head.lower_ in RESULT_PREPS


def _is_rate(amount: Token) -> bool:
    """ "$28 an hour", "$3 billion a year", "$5 per share": an amount per unit."""
    return any((c.dep_ == "npadvmod" and any(d.lower_ in ("a", "an", "every", "each") for d in c.children))
               or (c.dep_ == "prep" and c.lower_ == "per") for c in amount.children)


def _conditions_hold(entry: LexEntry, parts: _Parts, lex: Lexicon | None = None) -> tuple[int, ...] | None:
    extra: list[int] = []
    children = parts.children
    if entry.objects and not parts.has_object(entry.object_words, entry.object_slots, lex):
        return None
    if entry.not_objects and any(_object_ok(slot, o) for o in parts.objects for slot in entry.not_objects):
        return None
    if entry.particle:
        # ("walked out of talks": the model reads "out" as a preposition with "of" under it)
        part = [c for c in children if c.lower_ == entry.particle and (c.dep_ in ("prt", "advmod") or c.dep_ == "prep" and any(
            g.dep_ == "prep" and (entry.prep is None or g.lower_ == entry.prep) for g in c.children))]
        if not part:
            return None
        extra.append(part[0].i)
    if entry.prep and not any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == entry.prep and not _dated(c)
                              or c.dep_ == "prep" and c.lower_ == entry.particle and any(g.lower_ == entry.prep for g in c.children)
                              or c.dep_ == "prt" and c.lower_ == entry.prep and any(o.dep_ == "dobj" for o in children)
                              for c in children) and not (entry.prep == "as" and _predicated_object(children)) \
            and not _clause_after(entry.prep, children):
        return None  # "called Xi on Tuesday" is no "call on", "called an election for May" no "call for"
    if entry.prep in _NOUN_PARTICLES and parts.token.pos_ == "NOUN":
        extra.extend(c.i for c in children if c.lower_ == entry.prep and c.i == parts.token.i + 1)  # "bail out"
    if entry.not_prep and any(c.dep_ == "prep" and c.lower_ == entry.not_prep for c in children):
        return None  # "hails from Leeds" says where one comes from; it praises nobody
    if entry.compound:
        comp = [
            c
            for c in children
            if c.dep_ in ("compound", "amod", "nmod")
            and (c.lemma_.lower() in entry.compound or c.lower_ in entry.compound or ("@ACTOR" in entry.compound and c.ent_type_))
        ]
        if not comp:
            return None
        extra.extend(c.i for c in comp if "@ACTOR" not in entry.compound)
    if entry.xcomp and not any(c.dep_ in ("xcomp", "ccomp", "acl", "advcl") and is_infinitive(c) for c in children):
        return None
    if entry.ccomp and not any(c.dep_ == "ccomp" for c in children):
        return None
    if entry.predicative and not (any(c.dep_ == "oprd" for c in children) and any(
            c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT") for c in children) or any(
            c.dep_ == "dobj" and (_quoted_name(c) or any(a.dep_ == "appos" and a.left_edge.i == c.i + 1 and a.left_edge.is_quote
                                                         for a in c.children)) for c in children)):
        return None  # "called the dam a threat", 'called the ruling "a coup"' (read as an apposition); not "a feature
        # called Launchpad", "what Moscow calls X": a name
    if entry.complements and not any(c.dep_ in ("oprd", "acomp") and c.lemma_.lower() in entry.complements
                                     or c.dep_ == "ccomp" and c.pos_ == "NOUN" and c.lemma_.lower() in entry.complements
                                     for c in children) \
            and not any(c.lemma_.lower() in entry.complements and c.pos_ == "NOUN" for o in parts.objects for c in (o, *o.children)
                        if c is o or c.dep_ == "appos"):
        return None  # "declared dead", and "declared (Maduro) the winner" as the model parses it (also as a ccomp)
    if entry.subjects:
        # a figure must be someone's ("Norland's exports fell"); a weapon hits whoever fired it or not ("a missile hit"),
        # and a court or a government acts whether named or not ("the court ordered": the one named before)
        subj = [c for c in children if c.dep_ == "nsubj" and (c.lemma_.lower() in entry.subjects or c.lower_ in entry.subjects)
                and (_owned_figure(c) or entry.code in ("LAW", "OFFICE") or lex is not None and c.lemma_.lower() in lex.cue("weapon_noun"))]
        if not subj:
            return None
        if entry.code != "LAW":
            extra.append(subj[0].i)  # ("the court ordered": the court is who acts, not part of what it did)
    return tuple(extra)


def _predicated_object(children: list[Token]) -> bool:
    """ "described the raid *as* an invasion": the parser often hangs the "as" on the object."""
    return any(g.dep_ == "prep" and g.lower_ == "as" for o in children if o.dep_ == "dobj" for g in o.children)


def _clause_after(prep: str, children: list[Token]) -> bool:
    """ "called *for* the results to be released": the parser makes the preposition the mark of a clause."""
    return any(c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == prep and m.i < c.i for m in c.children)
               and is_infinitive(c) for c in children)


def _dated(prep: Token) -> bool:
    """A preposition that only gives a time ("on Tuesday", "for May")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def names_an_act(word: str, lex: Lexicon) -> bool:
    """A word one of the lexicon's nouns or verbs is ("protested the *award*", "lifted the *ban*")."""
    return (word, "NOUN") in lex.entries or (word, "VERB") in lex.entries


def doer_subject(tok: Token, lex: Lexicon) -> bool:
    """ "judges dismissed the appeal": a subject an entry asks for that is who acts, not an act or a figure
    ("talks collapsed", "exports rose"): no part of the trigger nor of the row's words."""
    words = {tok.lemma_.lower(), tok.lower_}
    return tok.dep_ in ("nsubj", "nsubjpass") and not any(names_an_act(w, lex) for w in words) and not words & lex.cue(
        "moving_figure")


def _owned_figure(noun: Token) -> bool:
    """A figure of a named country's economy or a named company ("Norland's exports", "the Japanese
    economy", "Norcom's profits", "Norcom share prices", "shares in Norcom", "unemployment in Norland"),
    not of a market at large ("car sales", "oil prices")."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod") and child.ent_type_ in _FIGURE_OWNERS:
            return True
        if child.dep_ == "compound" and any(o.dep_ in ("poss", "compound") and o.ent_type_ in _FIGURE_OWNERS for o in child.children):
            return True  # "Norcom share prices", "Norland's jobless rate" with the owner one noun further
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "at") and any(
                o.dep_ == "pobj" and o.ent_type_ in _FIGURE_OWNERS for o in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "from" and any(  # "the death toll from floods in Spain"
                _owned_figure(o) for o in child.children if o.dep_ == "pobj"):
            return True
    return False


#: Who a figure can belong to: a country (or its people's adjective) or a named company or body.
_FIGURE_OWNERS = ("GPE", "NORP", "ORG")


def is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or token.tag_ == "VB"


@cache
def load_lexicon() -> Lexicon:
    """Read the lexicon, the CAMEO root labels and the cue lists (once per process)."""
    cues: dict[str, frozenset[str]] = {}
    relative_days: dict[str, int] = {}
    for data in _read_jsonl("event_cues.jsonl"):
        if data["kind"] == "relative_day":
            for word in data["words"]:
                name, _, offset = word.partition(":")
                relative_days[name] = int(offset or 0)
        cues[data["kind"]] = frozenset(w.lower() for w in data["words"])
    entries: dict[tuple[str, str], list[LexEntry]] = {}
    for data in _read_jsonl("cameo_lexicon.jsonl"):
        entry = LexEntry(
            lemma=data["lemma"],
            pos=data["pos"],
            code=data["code"],
            objects=tuple(data.get("object", ())),
            not_objects=tuple(data.get("not_object", ())),
            particle=data.get("particle"),
            prep=data.get("prep"),
            not_prep=data.get("not_prep"),
            compound=tuple(data.get("compound", ())),
            xcomp=bool(data.get("xcomp")),
            ccomp=bool(data.get("ccomp")),
            speech=bool(data.get("speech")),
            defer=bool(data.get("defer")),
            object_only=bool(data.get("object_only")),
            subjects=_subject_words(data, cues),
            field_too=bool(data.get("field_too")),
            predicative=bool(data.get("predicative")),
            complements=tuple(data.get("complement", ())),
            person_doer=bool(data.get("person_doer")),
            doer_needed=bool(data.get("doer_needed")),
        )
        entries.setdefault((entry.lemma, entry.pos), []).append(entry)
    labels = {d["code"]: d["label"] for d in _read_jsonl("cameo_categories.jsonl")}
    for (lemma, pos), found in entries.items():
        for entry in found:
            if category_of(entry.code) not in labels:
                raise ValueError(f"cameo_lexicon.jsonl: {lemma}/{pos} has code {entry.code!r}, not a known category")
            unknown = [s for s in (*entry.objects, *entry.not_objects) if s.startswith("@") and s not in ENTITY_SLOTS and s not in OTHER_SLOTS]
            if unknown:
                raise ValueError(f"cameo_lexicon.jsonl: {lemma}/{pos} has object slot {unknown[0]!r}; known: "
                                 f"{', '.join(sorted([*ENTITY_SLOTS, *OTHER_SLOTS]))}")
    return Lexicon(entries, labels, cues, relative_days, petrarch=PetrarchIndex())


#: A subject slot: any noun of the "moving_figure" cue list (exports, sales, the jobless rate, ...).
FIGURE_SLOT = "@FIGURE"


def _subject_words(data: dict[str, Any], cues: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """The subject lemmas an entry lists, with the figure slot spelt out from its cue list (one list
    for the thirty-odd verbs a figure moves by, kept in one place)."""
    words: list[str] = []
    for word in data.get("subject", ()):
        if word == FIGURE_SLOT:
            words.extend(sorted(cues.get("moving_figure", ())))
        elif word.startswith("@"):
            raise ValueError(f"cameo_lexicon.jsonl: {data['lemma']}/{data['pos']} has subject slot {word!r}; known: {FIGURE_SLOT}")
        else:
            words.append(word)
    return tuple(words)


def _read_jsonl(name: str) -> list[dict[str, Any]]:
    return read_jsonl(resource("lexicons", name))
