"""Headlinese: "Chrysler files for bankruptcy", "Watchdog probes e-mail deletions".

Headlines drop the articles and auxiliaries the small English model leans on, so a present-tense
verb that is also a plural noun ("files", "posts", "plans", "probes", "requests") is tagged as a
noun and the headline parsed as one long noun phrase: the act it announces is lost. Of the 417
BBC politics titles in the corpus, 186 come out with no finite verb at all.

``headline_verbs`` runs right after the parser. On a line that reads as a headline (its own
sentence, no closing full stop, no finite verb) it looks for a word ending in -s whose base form
is a verb the event lexicons know, right after a name or a body of people ("GM", "Watchdog",
"MPs"), to which the tagger gives the verb reading a score not far below the noun's, and parses the line again with "will" before the verb's base form ("Chrysler will file
for bankruptcy"), a shape the model parses reliably. The new tags and dependencies are copied
back (the verb tagged VBZ: the headline's tense is kept); the words and their offsets never
change. The attribute ruler and lemmatizer run after it as usual.

A headline the tagger reads right can still be misparsed: "Kennedy questions trust of Blair" has its
verb tagged VBZ but made a compound of "trust", "Apple releases SDK, announces update" makes the
first verb the subject of the second. A VBZ verb the lexicons know, right after the headline's
subject, that holds such a noun's place is re-parsed the same way, and so is one whose object the
model read as a clause of its own ("Kennedy calls for Iraq exit plans" with "for" a conjunction).

A plural subject takes the verb's base form, which the model also reads as a noun or a modifier
("Norland, Vestland sign trade pact", "Talks with Vestland collapse", "Lib Dems unveil slogan"); such
a verb after a plural noun, a capitalised plural name or names joined by "and" or a comma is
re-parsed with "will" before it, the headline's comma read as "and" ("Israel, Hamas agree
ceasefire": both are its subjects), and tagged VBP.

A headline tells what someone does in the present ("Police arrest BNP leader"); its bare past form is
a passive with the auxiliary dropped: "BNP leader Nick Griffin arrested", "EU fraud clampdown urged",
"UKIP candidate suspended". The model reads the subject as the one who acted. A past form that is the
line's main verb, with a subject before it and no auxiliary, object or complement, is made a passive
participle (its subject the one acted on, a "by" after it the one who acted), unless the verb is one
an act of its subject is told with ("Talks faltered", `intransitive_verb`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from reader.nlp.doc_text import text_of
from reader.nlp.events.lexicon import base_forms, load_lexicon
from reader.nlp.figures import figures
from reader.nlp.shadow_parse import reparse_with_auxiliary

_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”", "`", "``", "''"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
#: Dependencies a finite verb right after a name does not have in a sentence the model read right.
_NOT_A_VERBS_PLACE = frozenset({"nsubj", "nsubjpass", "csubj", "compound", "amod", "npadvmod", "dep"})
_CLOSING = frozenset({".", "!", "?", ";", ":", "…"})
#: Dependents of a past form that make it an active verb: what it does, to whom, or its auxiliary.
_ACTIVE_PAST = frozenset({"aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr", "acomp", "oprd", "nsubjpass"})
#: A headline is short; a longer line without a full stop is a list item or a caption.
MAX_TOKENS = 25
#: How far below its best tag the tagger may score VBZ for a word still to be read as the verb.
MAX_SCORE_GAP = 6.0
#: A line short enough to be a headline (the text of one, at most this many characters).
_SHORT_LINE = re.compile(r"(?m)^[^\n]{1,200}$")


@Language.factory("headline_verbs")
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp, name)


class HeadlineVerbs:
    """Re-parse headlines whose verb the model took for a plural noun (see module doc)."""

    def __init__(self, nlp: Language, name: str, verbs: Callable[[str], bool] | None = None,
                 intransitive: frozenset[str] | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self._is_verb = verbs or load_lexicon().knows_verb
        self._intransitive = intransitive if intransitive is not None else load_lexicon().cue("intransitive_verb")
        self._role_giving = load_lexicon().cue("role_giving_verb")

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        # lines found in the text, not by a walk over every sentence: a long report has few
        for match in _SHORT_LINE.finditer(text_of(doc)):
            line = match.group(0).rstrip()
            if not line.strip() or line.rstrip("\"'’”»)").endswith(tuple(_CLOSING)):
                continue
            span = doc.char_span(match.start(), match.start() + len(line), alignment_mode="expand")
            if span is None or not len(span):
                continue
            sent = span[0].sent
            if sent.end < span.end and doc[sent.end - 1].text == ":":
                sent = doc[sent.end].sent  # "Kenya: Ruto withdraws finance bill": the headline after its country
            if not headline_shape(sent):
                continue
            finite = has_finite_verb(sent)
            # ("Ruto withdraws bill as protests spread": the only finite verb the tagger saw is the subordinate clause's)
            found = self.candidate(sent) if not finite or not _finite_main_verb(sent) else None
            if found is None and finite:
                found = self.misread_verb(sent) or _name_pair_verb(sent)
            if found is not None:
                self._reparse(doc, sent, *found)
            elif (verb := self.dropped_auxiliary(sent)) is not None:
                _make_passive(verb)
        return doc

    def dropped_auxiliary(self, sent: Span) -> Token | None:
        """ "BNP leader Nick Griffin arrested": the line's main verb in a bare past form, with its subject
        before it and nothing it does to anything after it: a passive whose "was" a headline leaves out."""
        verb = sent.root
        if verb.tag_ not in ("VBD", "VBN") or not verb.text.isalpha() or not verb.text.islower():
            return None
        bases = {verb.text.lower(), *base_forms(verb.text.lower(), verb.tag_)}
        # ("sacked over leak" with "leak" a clause of its own: a misread noun does not count; "declared
        # winner": a bare noun is the role a passive gives)
        if any(c.dep_ in _ACTIVE_PAST and (c.dep_ not in ("ccomp", "xcomp") or c.tag_.startswith("VB"))
               and not (bases & self._role_giving and role_noun(c)) for c in verb.children):
            return None
        if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            return None
        return None if bases & self._intransitive else verb

    def misread_verb(self, sent: Span) -> tuple[int, bool] | None:
        """'Apple releases iPhone SDK, announces update': the model tagged the first verb VBZ but made it
        the subject of the second; the index in `sent` of such a verb after a name, if any."""
        for j, tok in enumerate(sent):
            if j == 0 or tok.tag_ not in ("VBZ", "VBP") or not tok.text.isalpha():
                continue
            if tok.dep_ not in _NOT_A_VERBS_PLACE and not (tok.dep_ == "ROOT" and (
                    _split_after(sent, j) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))):
                continue
            if tok.tag_ == "VBP":  # "Norland, Vestland agree ceasefire" read as "agree ceasefire", a noun phrase
                if tok.text.islower() and self._is_verb(tok.text) and _plural_subject_before(sent, j):
                    return j, True
                continue
            if not any(self._is_verb(form) for form in base_forms(tok.text.lower(), "VBZ")):
                continue
            # the tagger is sure of the verb here, so a capitalised first word is enough of a subject
            first = j == 1 and sent[0].text[:1].isupper() and sent[0].tag_ in ("NN", "NNS", "NNP", "NNPS")
            if first or _subject_before(sent, j):
                return j, False
        return None

    def candidate(self, sent: Span) -> tuple[int, bool] | None:
        """The index in `sent` of the word that is the headline's verb, if any, and whether it is the
        base form a plural subject takes (else the -s form)."""
        words = [t for t in sent if t.is_alpha]
        title_case = len(words) >= 3 and sum(t.text[0].isupper() for t in words) > len(words) * 0.6
        for j, tok in enumerate(sent):
            if j == 0 or tok.tag_ not in ("NNS", "NNPS", "NN", "NNP"):
                continue
            text = tok.text
            if not text.endswith("s") or text.endswith("ss") or not text.isalpha():
                continue
            if not text.islower() and not (title_case and text[0].isupper() and text[1:].islower()):
                continue
            if not any(self._is_verb(form) for form in base_forms(text.lower(), "VBZ")):
                continue
            if _subject_before(sent, j) and self._verb_plausible(sent, j):
                return j, False
        for j, tok in enumerate(sent):
            # "Norland, Vestland sign trade pact", "Talks with Vestland collapse": a plural subject's
            # verb in its base form, tagged a noun
            if (j > 0 and tok.tag_ in ("NN", "NNP", "VB") and tok.text.isalpha() and tok.text.islower()
                    and self._is_verb(tok.text) and _plural_subject_before(sent, j)
                    and self._verb_plausible(sent, j, "VBP")):
                return j, True
        return None

    def _verb_plausible(self, sent: Span, j: int, tag: str = "VBZ") -> bool:
        """The tagger itself gives the verb reading a score near its best: "GM *posts* first loss"
        (4.5 below the noun reading) yes, "EU China *arms* ban" (7.7 below) no."""
        words = [t.text for t in sent]
        words[j] = words[j].lower()  # "Acme Files For Bankruptcy": title case hides the verb
        line = Doc(sent.doc.vocab, words=words)
        line = self.nlp.get_pipe("tok2vec")(line)
        tagger: Any = self.nlp.get_pipe("tagger")
        scores = tagger.model.predict([line])[0][j]
        labels = list(tagger.labels)
        return float(scores.max() - scores[labels.index(tag)]) <= MAX_SCORE_GAP

    def _reparse(self, doc: Doc, sent: Span, k: int, plural: bool) -> None:
        verb = sent[k]
        third_person = not plural
        base = next(form for form in base_forms(verb.text.lower(), "VBZ") if self._is_verb(form)) if third_person else verb.text
        words = [t.text for t in sent]
        if not third_person:  # "Norland, Vestland sign pact": the headline's comma is an "and"
            words[:k] = ["and" if w == "," and 0 < i < k - 1 and sent[i - 1].tag_ == sent[i + 1].tag_ == "NNP" else w
                         for i, w in enumerate(words[:k])]
        reparse_with_auxiliary(self.nlp, sent, k, "will", base, "VBZ" if third_person else "VBP", words)


def role_noun(tok: Token) -> bool:
    """ "winner", "GM chief": a singular noun with no article, the role a passive headline gives."""
    return tok.dep_ in ("dobj", "oprd") and tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _make_passive(verb: Token) -> None:
    verb.tag_ = "VBN"
    for child in verb.children:
        if role_noun(child):
            child.dep_ = "oprd"
        elif child.dep_ == "nsubj" and child.i < verb.i:
            child.dep_ = "nsubjpass"
        elif child.dep_ == "prep" and child.lower_ == "by" and child.i > verb.i:
            child.dep_ = "agent"


def is_headline(sent: Span) -> bool:
    """A line of its own, short, with no closing full stop and no finite verb."""
    return headline_shape(sent) and not has_finite_verb(sent)


def has_finite_verb(sent: Span) -> bool:
    """Whether a sentence has a finite verb (a present or past tense, or a modal)."""
    return any(t.tag_ in _FINITE for t in sent)


def _finite_main_verb(sent: Span) -> bool:
    """A finite verb of the line that does not open with a subordinating word ("as", "after", "while")."""
    return any(t.tag_ in _FINITE and not any(c.dep_ == "mark" for c in t.children) for t in sent)


def headline_shape(sent: Span) -> bool:
    """A line of its own, short, with no closing full stop."""
    doc = sent.doc
    if not 2 <= len(sent) <= MAX_TOKENS:
        return False
    before = doc[sent.start - 1] if sent.start > 0 else None
    if before is not None and "\n" not in before.text + before.whitespace_ and not (
            before.text == ":" and (before.sent.start == 0 or "\n" in doc[before.sent.start - 1].text)):
        return False  # a line of its own, or what follows the label of one ("Kenya: ...")
    before_end = doc[sent.end - 1]
    if sent.end < len(doc) and "\n" not in before_end.text + before_end.whitespace_ and not doc[sent.end].is_space:
        return False
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _QUOTES), None)
    return last is not None and last.text not in _CLOSING


def _subject_before(sent: Span, j: int) -> bool:
    """A name or a body of people right before position `j` (quotes aside): the verb's subject."""
    i = j - 1
    while i >= 0 and sent[i].text in _QUOTES:
        i -= 1
    if i < 0:
        return False
    left: Token = sent[i]
    if left.tag_ in ("NNP", "NNPS") and left.text[:1].isupper():
        return True
    return left.tag_ in ("NN", "NNS") and figures().agent(left.text) is not None


def _split_after(sent: Span, j: int) -> bool:
    """ "Howard rebuts asylum criticisms", "Kennedy calls for Iraq exit plans": after the headline's verb
    the model read a second finite verb (or a clause's "for") where a noun phrase goes on; a comma,
    colon, dash or "and" before it would start a second clause ("Acme cuts jobs, shares fall")."""
    for tok in sent[j + 1 :]:
        if tok.text in (",", ":", ";", "-", "–", "—", "and", "but", "as") or tok.text in _QUOTES:
            return False
        if tok.tag_ in _FINITE or (tok.dep_ == "mark" and tok.head.tag_.startswith("NN")):
            return True
    return False


def _plural_subject_before(sent: Span, j: int) -> bool:
    """A plural subject ends right before position `j`: a plural noun or name ("Rebels", "Lib Dems"),
    or names joined by "and" or a comma ("Norland, Vestland"), perhaps after a phrase ("Talks with X")."""
    left = [t for t in sent[:j] if t.text not in _QUOTES]
    if left and left[-1].text[:1].isupper() and left[-1].text.endswith("s") and left[-1].tag_ in ("NNP", "NNPS", "JJ"):
        return True  # "Lib Dems", "Houthis" (tagged an adjective): a plural name
    if not left or left[-1].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
        return False
    if left[0].tag_ in ("NNS", "NNPS") or left[-1].tag_ in ("NNS", "NNPS"):
        return True
    names = [t for t in left if t.tag_ in ("NNP", "NNPS")]
    return len(names) >= 2 and any(t.text in (",", "and", "&") for t in left) and left[0].tag_ in ("NNP", "NNPS")


def _name_pair_verb(sent: Span) -> tuple[int, bool] | None:
    """ "Israel, Hamas agree ceasefire": the model reads the verb right but makes only the second name
    its subject (the first a modifier); the index of the verb, to be parsed again with "and"."""
    for j, tok in enumerate(sent):
        if tok.tag_ in _FINITE:
            words = [t for t in sent[:j] if t.text != ","]
            commas = [t.i - sent.start for t in sent[:j] if t.text == ","]
            if tok.tag_ != "VBP" or len(commas) != 1 or not words or any(t.tag_ not in ("NNP", "NNPS") for t in words):
                return None
            first = sent[commas[0] - 1]  # the last word of the first name
            return (j, True) if 0 < commas[0] < j - 1 and first.dep_ not in ("nsubj", "conj") else None
    return None
