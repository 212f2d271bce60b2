"""Prefixed verbs: "re-elected", "co-operate", "fast-tracked" are one word.

spaCy's English tokenizer splits a hyphen between letters, and the small model then parses the
prefix as the verb ("Norland *re* -elected ..."): the act is lost or mislabelled. The prefixes in
the ``verb_prefix`` cue list are kept on their word by the tokenizer's ``token_match`` (other
hyphenated words, "Russian-Ukrainian", "pro-Kremlin", are still split), and ``prefixed_verbs``,
after the lemmatizer, gives such a verb the lemma of the verb after the hyphen ("elect"), which
is what the event lexicons know, unless the English lemmatizer knows the joined verb ("co-operate"
is "cooperate").

It also mends a lemma the rule lemmatizer gets wrong where two verbs fit a form: "hopes", "hoped" and
"hoping" are "hop" to it, "fined" is "fin", "staged" is "stag"; a form whose "-e" verb the event
lexicons know (as an entry or a cue word) and whose shorter verb they do not gets the "-e" verb.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from reader.nlp.doc_text import indices_where, text_of
from reader.nlp.events.lexicon import base_forms, load_lexicon


def prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(load_lexicon().cue("verb_prefix"), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(map(re.escape, prefixes)) + r")-[^\W\d_]+$", re.IGNORECASE)


def keep_prefixed_words(nlp: Language) -> None:
    """Make the tokenizer keep "re-elected" whole (keeping any token_match it already has)."""
    ours = prefix_pattern().match
    tokenizer: Any = nlp.tokenizer
    before = tokenizer.token_match
    if before is None:
        tokenizer.token_match = ours
    else:
        tokenizer.token_match = lambda text: before(text) or ours(text)


@Language.factory("prefixed_verbs")
def make_prefixed_verbs(nlp: Language, name: str) -> PrefixedVerbs:
    return PrefixedVerbs(nlp)


class PrefixedVerbs:
    """A prefixed verb's lemma is the verb after the hyphen: "re-elected" -> "elect"; an irregular past
    the tagger took for a base form ("retook") gets its verb's lemma."""

    def __init__(self, nlp: Language) -> None:
        self.prefixes = load_lexicon().cue("verb_prefix")
        words = "|".join(map(re.escape, sorted(self.prefixes, key=len, reverse=True)))
        self.pattern = re.compile(r"\b(?:" + words + r")-[^\W\d_]+", re.IGNORECASE)
        self.known: frozenset[str] = frozenset()
        self.irregular: dict[str, str] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups: Any = nlp.get_pipe("lemmatizer")
            tables = lookups.lookups
            if tables.has_table("lemma_index"):
                self.known = frozenset(tables.get_table("lemma_index").get("verb", ()))
            if tables.has_table("lemma_exc"):
                self.irregular = {form: lemmas[0] for form, lemmas in tables.get_table("lemma_exc").get("verb", {}).items()}
        #: irregular past forms that are no base form ("retook", "overtook"): tagged as a base form, the
        #: lemmatizer keeps them as they are and the act is lost
        self.pasts: frozenset[str] = frozenset(
            form for form, lemma in self.irregular.items() if form != lemma and form not in self.known)
        #: "hopes", "hoped", "hoping" -> "hope" (not "hop"): see the module doc
        lexicon = load_lexicon()
        named = {w for cue in lexicon.cues.values() for w in cue} | {lemma for lemma, pos in lexicon.entries if pos == "VERB"}
        self.e_forms: dict[str, str] = {
            form: verb for verb in named if verb.endswith("e") and verb[:-1] in self.known and verb[:-1] not in named
            and not lexicon.knows_verb(verb[:-1]) for form in (verb + "s", verb + "d", verb[:-1] + "ing")}

    def __call__(self, doc: Doc) -> Doc:
        for i in indices_where(doc, LOWER, self.pasts):
            tok = doc[i]
            if tok.tag_ in ("VB", "VBP") and tok.lemma_ == tok.lower_:
                tok.lemma_ = self.irregular[tok.lower_]  # "the army *retook* the town": "retake"
        for i in indices_where(doc, LOWER, self.e_forms):
            tok = doc[i]
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ + "e" == self.e_forms[tok.lower_]:
                tok.lemma_ = self.e_forms[tok.lower_]  # "the government *hopes* to agree": "hope"
        # found in the text, not by a walk over every token: a long briefing has few of them
        for match in self.pattern.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is None or len(span) != 1 or span[0].pos_ not in ("VERB", "AUX"):
                continue
            tok = span[0]
            prefix, _, tail = tok.text.lower().partition("-")
            tok.lemma_ = self.prefixed_lemma(prefix, tail, tok.tag_)
        return doc

    def prefixed_lemma(self, prefix: str, tail: str, tag: str) -> str:
        """ "co-operate" is "cooperate" (an act the lexicons know), "re-elected" is "elect" (the
        lexicons know "elect", not "reelect"), "re-opened" is "reopen" (a verb English knows)."""
        lemma = self.verb_lemma(tail, tag)
        joined = prefix + lemma
        lexicon = load_lexicon()
        if lexicon.knows_verb(joined):
            return joined
        if lexicon.knows_verb(lemma):
            return lemma
        return joined if joined in self.known else lemma

    def verb_lemma(self, word: str, tag: str) -> str:
        if word in self.irregular:
            return self.irregular[word]
        if word in self.known:
            return word
        for form in base_forms(word, tag):
            if form in self.known:
                return form
        forms = base_forms(word, tag)
        return forms[0] if forms else word


def stance_word(doc: Doc, start: int, end: int) -> bool:
    """ "pro-Western parties", "anti-European campaigners", "Pro-Russian separatists": a name made into a
    stance toward it, which names no actor."""
    words = [t.lower_ for t in doc[max(start - 2, 0) : end]]
    # (a name that goes on after the stance is a body's: "the Pro-Life Alliance")
    return len(words) >= 3 and words[:2] in (["pro", "-"], ["anti", "-"]) or (
        end - start == 3 and [t.lower_ for t in doc[start : start + 2]] in (["pro", "-"], ["anti", "-"]))
