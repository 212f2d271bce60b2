"""Past forms the tagger took for nouns: "the central bank *cut* rates", "Mr Smith *quit* the party".

A verb whose past is spelt as its base ("cut", "quit", "hit", "shut") has no "-ed" to tell the
small model it is a verb; after a noun it is often read as one more noun of the phrase: "The central
bank cut rates on Thursday" comes out with "cut" a noun that has "bank" for its subject and "rates"
for its object, "Turkey's central bank cut rates by 250 basis points" as one long noun phrase with
no verb at all. The act is lost.

``past_forms`` runs after the parser (and the headline pass). A word of that kind that the event
lexicons know as a verb, tagged a noun or an adjective right after a noun or pronoun, is read as
the sentence's past-tense verb when the parse already gives it a subject, or when the sentence has
no finite verb and the word is followed by what could be its object ("rates", "its", "250"). The
sentence is parsed again with "did" before the word ("the central bank did cut rates") and the new
parse copied back with the word tagged VBD, if it then has a subject (`reparse_with_auxiliary`).
"A tax cut for the rich" (no object after it) and "the budget cut was approved" (a finite verb and
no subject of its own) are left as they are. On the 417 BBC politics articles the model reads 4 such
past tenses, with a subject or object of their own, as nouns; two of them now give a row ("Mr
Kilroy-Silk quit UKIP last week"). Such a word tagged a participle with a subject before it and no
auxiliary ("the central bank *cut* interest rates", parsed right) is tagged VBD.

A past tense after a name and an aside can be parsed as a clause of the name, the whole sentence one
noun phrase: "Turkey, which backs some of the factions, called for an orderly transition" ("called" an
`acl` of "Turkey"). A past tense (VBD, not a participle) that is a clause of the sentence's root noun,
not right after it, is re-parsed the same way ("did call"). Of the 417 BBC articles, 4 sentences
have that shape; one row gains its doer ("Trevor Phillips, chairman of the Commission, called on Mr
Clarke to ..."). So is one made a clause of the last noun of an aside after the root name ("Salome
Zourabichvili, who is at odds with the government, called on Georgians to protest").

With no verb in the sentence, a past tense right after an aside can be read as an adjective of its
object: "The president, Frank-Walter Steinmeier, dissolved parliament" ("dissolved" an `amod` of
"parliament"). It is re-parsed the same way ("did dissolve"). None of the 417 BBC articles, the
dev briefings or MEANTIME has that shape; analyses of 2024-25 written for this check do.

A past tense joined to a verb under a modal in what someone said cannot share the modal: "Four groups
said they would not recognise the result and accused the government" has "accused" joined to
"recognise", so the accusing read as something they would do. Such a past tense is joined to the
past-tense saying instead, unless it is spelt like its base ("would restrict access and put a cap":
the tagger's past may be wrong) or the words are quoted.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.events.clause_shapes import TIME_MARKS
from reader.nlp.events.lexicon import base_forms, load_lexicon
from reader.nlp.events.text_regions import quoted_tokens
from reader.nlp.headlines import has_finite_verb, headline_shape
from reader.nlp.shadow_parse import reparse_with_auxiliary

#: Verbs whose past tense and participle are spelt as the base form.
SAME_PAST = frozenset({"cut", "quit", "hit", "shut", "set", "put", "split", "bid", "hurt", "cast", "spread",
                       "shed", "burst", "let", "upset", "slit", "thrust", "broadcast", "forecast", "recast"})
_NOUNISH = frozenset({"NN", "NNP", "JJ"})
_SUBJECT_END = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP"})
_NAME_END = _SUBJECT_END - {"PRP"}
#: Tags of a word that can open the object of the verb ("cut rates", "cut its", "cut 250 jobs").
_OBJECT_START = frozenset({"NN", "NNS", "NNP", "NNPS", "DT", "PRP$", "PRP", "CD", "JJ"})


@Language.factory("past_forms")
def make_past_forms(nlp: Language, name: str) -> PastForms:
    return PastForms(nlp, name)


class PastForms:
    """Re-parse a sentence whose past-tense verb the model took for a noun (see module doc)."""

    def __init__(self, nlp: Language, name: str, verbs: Callable[[str], bool] | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self._is_verb = verbs or load_lexicon().knows_verb
        self._forms = frozenset(w for w in SAME_PAST if self._is_verb(w))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        done: set[int] = set()
        for i in indices_where(doc, LOWER, self._forms):
            tok = doc[i]
            if tok.tag_ == "VBN" and _bare_participle_with_subject(tok):
                tok.tag_ = "VBD"  # "the central bank cut interest rates": a past tense, not a participle
                continue
            sent = tok.sent
            if sent.start in done or not self.misread(tok, sent):
                continue
            if reparse_with_auxiliary(self.nlp, sent, i - sent.start, "did", tok.lower_, "VBD"):
                done.add(sent.start)
        for i in indices_where(doc, TAG, ("VBD",)):
            if (saying := past_joined_to_modal_clause(doc[i])) is not None:
                _attach_conjunct(doc[i], saying)
        # a past tense read as a clause of a noun, or as an adjective after an aside (the two never share a
        # sentence: the second has no finite verb)
        for i in indices_where(doc, TAG, ("VBN", "VBD")):
            tok = doc[i]
            clause_of_noun = tok.dep_ == "acl" and tok.tag_ == "VBD"
            if not (clause_of_noun or tok.dep_ == "amod"):
                continue  # (the cheap test first: most past tenses are neither)
            sent = tok.sent
            if sent.start in done or not (clause_of_noun and self.main_verb_read_as_clause_of_noun(tok)
                                          or past_read_as_modifier_after_aside(tok)):
                continue
            base = next((f for f in base_forms(tok.lower_, "VBD") if self._is_verb(f)), None)
            if base is not None and reparse_with_auxiliary(self.nlp, sent, i - sent.start, "did", base, "VBD"):
                done.add(sent.start)
        return doc

    @staticmethod
    def main_verb_read_as_clause_of_noun(tok: Token) -> bool:
        """ "Turkey, which backs the rebels, called for calm" read as a noun phrase: "called" a clause of
        "Turkey", the sentence's root, or of a noun of the aside after it; a past tense (not a participle)."""
        head, root = tok.head, tok.sent.root
        if root.tag_ not in _NAME_END or tok.i <= root.i + 1:
            return False
        # or of the last noun of the aside: "Salome Zourabichvili, who is at odds with the government, called on"
        return head.i == root.i or (tok.doc[tok.i - 1].text == "," and root.i < head.i < tok.i
                                    and any(a.i == root.i for a in head.ancestors))

    @staticmethod
    def misread(tok: Token, sent: Span) -> bool:
        """The word is a verb the model read as a noun: after a noun or pronoun, with a subject of its
        own, or the sentence's only candidate for a verb with an object after it."""
        if tok.tag_ not in _NOUNISH or not tok.text.islower() or tok.i == sent.start or tok.i + 1 >= sent.end:
            return False
        if tok.doc[tok.i - 1].tag_ not in _SUBJECT_END or headline_shape(sent):
            return False
        if any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children):
            return True
        return tok.doc[tok.i + 1].tag_ in _OBJECT_START and not has_finite_verb(sent)


def past_joined_to_modal_clause(tok: Token) -> Token | None:
    """ "Four groups said they would not recognise the result and accused the government": a past tense
    cannot share "would" with the verb it is joined to; it is joined to the past-tense saying above
    that verb (returned), as the sayer's next act; so is a past clause of time set off by a comma ("said
    he would not sign the bill, a day after protesters stormed parliament")."""
    head = tok.head
    if tok.dep_ == "advcl":
        # 'said he would not sign the bill, a day after protesters stormed parliament': the writer's time of the saying
        left = tok.left_edge.i
        if not (left > 0 and tok.doc[left - 1].text == "," and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS
                                                                   for c in tok.children)):
            return None
    elif tok.dep_ != "conj":
        return None
    while head.dep_ == "xcomp" and head.head != head:
        head = head.head  # "said its troops would continue to fight and shelled the border"
    if head.tag_ != "VB" or head.dep_ != "ccomp" or head.head.tag_ != "VBD" or tok.lower_ in SAME_PAST:
        return None  # ("would restrict access and put a cap": "put" may be the base form the tagger misread)
    if tok.i in quoted_tokens(tok.doc):
        return None  # 'said: "... would restrict access and ..."': the words quoted go on (a phrase quoted before does not)
    own_subject = tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children) or own_subject or any(
            c.dep_ == "aux" for c in tok.children):
        return None
    return head.head


#: Words that open a clause telling when ("a day after protesters stormed parliament", "as troops withdrew").
_TIME_MARKS = TIME_MARKS | {"as", "since"}


def _attach_conjunct(tok: Token, head: Token) -> None:
    """Join `tok` (and the "and" before it) to `head` instead."""
    for c in list(tok.head.children):
        if c.dep_ == "cc" and c.i < tok.i and c.i > tok.head.i:
            c.head = head
    tok.head = head


def past_read_as_modifier_after_aside(tok: Token) -> bool:
    """ "The president, Frank-Walter Steinmeier, dissolved parliament": with no verb in the sentence, the
    model reads the past tense after the aside as an adjective of the noun after it (its object)."""
    sent = tok.sent
    return (tok.dep_ == "amod" and tok.head.i == tok.i + 1 and tok.i > sent.start + 1 and tok.doc[tok.i - 1].text == ","
            and sent.root.tag_ in _SUBJECT_END and not has_finite_verb(sent))


def _bare_participle_with_subject(tok: Token) -> bool:
    """A participle with a subject before it and no auxiliary: the parse is a sentence's, the tag wrong."""
    return not any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in tok.children) and any(
        c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
