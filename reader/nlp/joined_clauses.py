"""Clauses joined by "and" that the parser hung on the wrong verb.

A new subject after "and" joined to the object before it. "Protesters stormed parliament in Nairobi and police shot dead 22 people": with no comma before
"and", the small English model reads "police" as a second place ("in Nairobi and police") and
"shot" as a clause of "stormed" with no subject of its own, so the shooting reads as the
protesters' act and the storming's summary runs on into "and police". Straight after such a
noun, a verb in a tense of its own that hangs on the same verb as the noun's phrase and has no
subject is the start of a new clause: ``joined_clauses`` runs after the parser and makes the
noun that verb's subject and the verb a clause joined to the first ("... , and police shot").
With a comma or an article ("and the police shot") the model reads it right and nothing is
touched; a noun joined to a subject ("protesters and police clashed") is left alone.

An act of the speaker joined ("and", "but") to what he said. "Mr Lane said Labour had missed its targets and accused
ministers of fiddling the figures": the model joins "accused" to "missed", so Labour accuses. What is
reported is put back a tense ("had missed"); a verb of saying or of a spoken act after "and" ("accused",
"urged", "called", "promised"), with no subject nor auxiliary of its own, is the speaker's next act and
is joined to the verb of saying ("... had missed targets and fiddled the figures" stays Labour's); so is
one after a state ("said the plan was flawed and accused ..."). (A past tense after a clause with "would",
which it cannot share, is joined to the saying already by `past_forms`.)
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.events.lexicon import load_lexicon

#: Verbs with a tense of their own: a participle ("troops deployed in the area") is no new clause.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Where the first noun stands in the first clause: an object or a preposition's object.
_OBJECT_DEPS = frozenset({"dobj", "pobj"})
#: Tags, not parts of speech: this runs before the attribute ruler sets those.
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


@Language.factory("joined_clauses")
def make_joined_clauses(nlp: Language, name: str) -> JoinedClauses:
    return JoinedClauses()


class JoinedClauses:
    """Give a verb after "and NOUN" the noun as its subject when the parser joined the noun to an
    object before it, and the speaker his own act the parser joined to what he said (see module doc)."""

    def __init__(self) -> None:
        lexicon = load_lexicon()
        self._is_speech = lexicon.speech_verb
        self._spoken_acts = lexicon.cue("spoken_act_verb")

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for k in indices_where(doc, LOWER, ("and", "but")):
            i = k + 1  # the word straight after "and"
            if i + 1 >= len(doc) or doc[i].dep_ != "conj":
                continue
            if (verb := _new_clause_verb(doc[i], doc[i + 1])) is not None:
                noun, first = doc[i], verb.head
                cc = [c for c in noun.head.children if c.dep_ == "cc" and c.i == k]
                noun.head, noun.dep_ = verb, "nsubj"
                verb.dep_ = "conj"
                for c in cc:
                    c.head = first
            elif (said := self._speakers_act(doc[i])) is not None:
                for c in doc[i].head.children:
                    if c.dep_ == "cc" and c.i == k:
                        c.head = said
                doc[i].head = said
        return doc

    def _speakers_act(self, verb: Token) -> Token | None:
        """The verb of saying `verb` is the speaker's next act after (see module doc)."""
        reported = verb.head
        while reported.dep_ == "xcomp" and reported.head != reported:
            reported = reported.head  # "said its fighters would continue to resist and struck the palace"
        said = reported.head
        if verb.tag_ not in ("VBD", "VBN") or reported.dep_ != "ccomp" or said.tag_ != "VBD" or not self._is_speech(said.lemma_):
            return None
        if any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children) or not any(
                c.dep_ in _SUBJECT_DEPS for c in reported.children):
            return None
        if verb.lemma_.lower() not in self._spoken_acts and not self._is_speech(verb.lemma_):
            return None
        # what is reported is put back a tense ("had missed"), or is a state ("said the plan was flawed and accused")
        return said if any(c.dep_ == "aux" and c.lower_ == "had" for c in reported.children) or reported.lemma_ == "be" else None

def _new_clause_verb(noun: Token, verb: Token) -> Token | None:
    """The verb straight after `noun` when it starts a clause of its own with `noun` as its subject."""
    if noun.tag_ not in _NOUN_TAGS or noun.head.dep_ not in _OBJECT_DEPS:
        return None
    if any(True for _ in noun.children):
        return None  # "in Nairobi and police": a bare noun
    if verb.tag_ not in _FINITE or verb.dep_ not in ("conj", "advcl") or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return None
    first = verb.head
    if not first.tag_.startswith("VB") or first.i > noun.i:
        return None
    step = noun.head  # up the noun phrase to the first verb, through nouns and prepositions only
    while step != first:
        if step.tag_ not in _NOUN_TAGS | {"IN", "CD"} or step.head == step:
            return None
        step = step.head
    return verb
