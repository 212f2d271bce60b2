"""A speaker named after the quotation, with a participle straight after the name.

'"It took too long," said Renaissance analyst Paul Berg commenting on the decision': the verb of
saying comes before its speaker, and the small English model makes the name the subject of the
participle and the participle a clause that the verb of saying reports. The saying is left with
no speaker and the comment reads as an act someone else reported. ``quote_speakers`` runs after
the lemmatizer and hangs the name back on the verb of saying as its subject, and the participle
on it as an adverbial clause (what the speaker did while saying it); the words and their offsets
never change. With a comma after the name ("said Anna Lind, adding that ...") the model reads the
sentence right and nothing is touched.

Headlines put the speaker last the same way, after a comma and no quotation marks: "UK heading
wrong way, says Howard". The model makes what is said the subject and the name an object, a
preposition or a loose dependent; the name that ends the line becomes the subject again and what
was said the verb's complement.

In a body sentence the verb of saying can come after a comma with its speaker straight after it: "The
tone of the campaign, said Mr Milburn, would be lighter" or "... had interfered with its work, said
the Home Affairs Committee." The model then gives the verb two subjects, what is said before the
comma and the speaker after it, and the first one wins. What is said becomes the subject of the
clause the verb reports (or, with none, that clause itself); the speaker keeps the verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

from reader.nlp.doc_text import indices_where, text_of
from reader.nlp.events.lexicon import load_lexicon

#: A closing quotation mark, then (after a comma at most) a lower-case word: the verb, if any.
_AFTER_QUOTE = re.compile(r"(?:[\"”’]|'')\s*,?\s*([a-z]+)\b")
#: A comma, a lower-case word (the verb, if any), then a capitalised word ending the line.
_BEFORE_LAST_NAME = re.compile(r",[ \t]+([a-z]+)[ \t]+[A-Z][\w.' -]*$", re.MULTILINE)
#: A comma, a lower-case word (the verb, if any), then the next word.
_BEFORE_SPEAKER = re.compile(r",[ \t]+([a-z]+)[ \t]+\w")


@Language.factory("quote_speakers")
def make_quote_speakers(nlp: Language, name: str) -> QuoteSpeakers:
    return QuoteSpeakers()


class QuoteSpeakers:
    """Give a verb of saying the speaker the parser hung elsewhere: on its participle after a quotation,
    or as its object at the end of a headline (see module doc)."""

    def __init__(self, is_speech: Callable[[str], bool] | None = None) -> None:
        self._is_speech = is_speech or load_lexicon().speech_verb

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        # found in the text, not by a walk over every token: a briefing quotes a few dozen times at most
        text = text_of(doc)
        for verb in self._speech_verbs(doc, _AFTER_QUOTE.finditer(text)):
            found = speaker_held_by_participle(verb)
            if found is not None:
                name, participle = found
                name.head, name.dep_ = verb, "nsubj"
                participle.dep_ = "advcl"
        for verb in self._speech_verbs(doc, _BEFORE_LAST_NAME.finditer(text)):
            inverted = speaker_read_as_object(verb)
            if inverted is not None:
                name, said = inverted
                name.dep_, said.dep_ = "nsubj", "ccomp"
        for i in indices_where(doc, LOWER, _SAYING_FORMS):
            verb = doc[i]
            if self._is_speech(verb.lemma_.lower()) and (found_speaker := speaker_after_what_is_said(verb)) is not None:
                speaker, said = found_speaker
                speaker.head, speaker.dep_ = verb, "nsubj"
                verb.head, verb.dep_ = verb, "ROOT"
                said.head, said.dep_ = verb, "ccomp"
                for mark in [c for c in said.rights if c.i > verb.i]:
                    mark.head = verb  # the full stop ends the saying's sentence
        for verb in self._speech_verbs(doc, _BEFORE_SPEAKER.finditer(text)):
            found_said = said_before_speaker(verb)
            if found_said is not None:
                said, clause = found_said
                if clause is None:
                    said.dep_ = "ccomp"
                    continue
                if clause.head.i == verb.i:  # the aside is the reported clause's, as the model reads it when right
                    clause.head, clause.dep_ = clause, verb.dep_
                    verb.head, verb.dep_ = clause, "parataxis"
                    for mark in [c for c in verb.rights if c.i > clause.i]:
                        mark.head = clause  # the full stop ends the sentence, not the aside
                said.head, said.dep_ = clause, "nsubj"
        return doc

    def _speech_verbs(self, doc: Doc, matches: Iterator[re.Match[str]]) -> Iterator[Token]:
        for match in matches:
            span = doc.char_span(match.start(1), match.end(1))
            if span is not None and len(span) == 1 and span[0].tag_ in ("VBD", "VBZ", "VBP") \
                    and self._is_speech(span[0].lemma_.lower()):
                yield span[0]


def speaker_held_by_participle(verb: Token) -> tuple[Token, Token] | None:
    """(the name, the participle) when `verb` has no subject and its clausal complement is a participle
    whose subject is a name starting right after `verb` and ending right before the participle."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    for clause in verb.rights:
        if clause.dep_ not in ("ccomp", "xcomp", "dep") or clause.tag_ != "VBG":
            continue
        for name in clause.lefts:
            if (name.dep_ == "nsubj" and name.tag_ in ("NNP", "NNPS") and name.left_edge.i == verb.i + 1
                    and name.right_edge.i == clause.i - 1):
                return name, clause
    return None


def speaker_read_as_object(verb: Token) -> tuple[Token, Token] | None:
    """(the name, what was said) when `verb` follows a comma, a name hung on it ends the sentence, and
    the subject it was given comes before the comma ("UK heading wrong way, says Howard")."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    end = verb.sent.end
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    names = [t for t in doc[verb.i + 1 : end] if t.head.i == verb.i]
    if len(names) != 1 or names[0].dep_ == "nsubj" or not all(t.tag_ in ("NNP", "NNPS") for t in doc[verb.i + 1 : end]):
        return None
    said = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < verb.i - 1]
    return (names[0], said[0]) if len(said) == 1 else None


def said_before_speaker(verb: Token) -> tuple[Token, Token | None] | None:
    """(what is said, the clause it is the subject of, if any) when `verb` follows a comma and has two
    subjects: one before the comma and a speaker starting right after `verb` ("The tone of the campaign,
    said Mr Milburn, would be lighter"). The clause is the one after the speaker, with no subject of its
    own, that the verb reports or is an aside in."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    before = [s for s in subjects if s.i < verb.i - 1]
    after = [s for s in subjects if s.i > verb.i and s.dep_ == "nsubj" and s.left_edge.i == verb.i + 1]
    if len(before) != 1 or len(after) != 1 or len(subjects) != 2:
        return None
    speaker = after[0]
    if verb.dep_ == "parataxis" and _subjectless(verb.head) and verb.head.i > speaker.i:
        return before[0], verb.head
    if verb.dep_ != "ROOT":
        return before[0], None
    for clause in verb.rights:
        if clause.i > speaker.i and clause.dep_ == "ccomp" and _subjectless(clause):
            return before[0], clause
    return before[0], None


#: Forms of the verbs of saying that end a sentence after their speaker ("..., the ministry said in a filing").
_SAYING_FORMS = ("said", "says", "told", "added", "stated", "warned", "announced", "reported", "claimed", "insisted",
                 "argued", "noted", "explained", "confirmed", "acknowledged", "admitted", "estimated", "wrote")


def speaker_after_what_is_said(verb: Token) -> tuple[Token, Token] | None:
    """(the speaker, what is said) when a sentence ends "..., the US Justice Department said in a court
    filing" and the model read the speaker as an apposition to the clause's last noun and the verb as a
    second verb joined to the first: a noun phrase of a few words between a comma and the verb, no "and"."""
    doc = verb.doc
    first = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or first.dep_ != "ROOT" or first.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "ccomp", "dobj", "cc") for c in verb.children):
        return None
    k = verb.i - 1
    while k > first.i and verb.i - k <= 6 and doc[k].text != "," and doc[k].dep_ != "cc":
        k -= 1
    phrase = doc[k + 1 : verb.i]
    if doc[k].text != "," or not len(phrase) or any(t.dep_ == "cc" or t.is_punct for t in phrase):
        return None
    roots = [t for t in phrase if not (k < t.head.i < verb.i)]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or roots[0].dep_ not in ("appos", "conj", "npadvmod", "dobj", "pobj"):
        return None
    return roots[0], first


def _subjectless(clause: Token) -> bool:
    return clause.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)
