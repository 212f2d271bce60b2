"""The compiled attribute rules set exactly what spaCy's `AttributeRuler` sets."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from reader.nlp.attribute_rules import CompiledAttributeRules, compile_model_ruler, compile_rules

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

#: one pattern of each shape the model uses, and rules that overlap on purpose
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB", "MORPH": "Number=Sing|Person=3"}},
    {"patterns": [[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    # a later rule wins over an earlier one on the same token and attribute
    {"patterns": [[{"TAG": "VBZ", "LOWER": "has"}]], "attrs": {"POS": "AUX", "LEMMA": "have"}},
    {"patterns": [[{"LOWER": "has", "DEP": {"IN": ["ROOT", "ccomp"]}}]], "attrs": {"POS": "VERB"}},
    # a rule for the second token of two, counted from the start and from the end
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT"]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
]

SENTENCES = [
    # (words, tags, deps); heads are left to the Doc (each token its own head)
    (["He", "has", "n't", "gon", "na", "go"], ["PRP", "VBZ", "RB", "VB", "TO", "VB"],
     ["nsubj", "ROOT", "neg", "aux", "aux", "xcomp"]),
    (["There", "is", "nothin'", "for", "y'", "all"], ["EX", "VBZ", "NN", "IN", "PRP", "DT"],
     ["expl", "ROOT", "attr", "prep", "pobj", "det"]),
    (["That", "was", "it", "\n", "y", "all"], ["DT", "VBD", "PRP", "_SP", "PRP", "DT"],
     ["nsubj", "ROOT", "attr", "dep", "nsubj", "appos"]),
    (["She", "has", "a", "plan", "\n\n"], ["PRP", "VBZ", "DT", "NN", "_SP"], ["nsubj", "ccomp", "det", "dobj", ""]),
    (["It", "has", "been", "done"], ["PRP", "VBZ", "VBN", "VBN"], ["nsubjpass", "aux", "auxpass", "ROOT"]),
    (["gon"], ["VB"], ["ROOT"]),  # the first token of a two-token rule at the end of the text
    (["all"], ["DT"], [""]),  # no parse: a missing label is neither "det" nor an empty NOT_IN value
]


def _docs(nlp) -> list[Doc]:
    docs = []
    for words, tags, deps in SENTENCES:
        spaces = [not w.isspace() and i + 1 < len(words) and not words[i + 1].isspace() for i, w in enumerate(words)]
        doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags)
        for token, dep in zip(doc, deps, strict=True):
            token.dep_ = dep
        docs.append(doc)
    return docs


def _ruler_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    return nlp


def test_compiled_rules_set_what_the_ruler_sets():
    nlp = _ruler_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    compiled = CompiledAttributeRules(nlp.vocab.strings)
    patterns = compile_rules(ruler.patterns)
    assert patterns is not None
    compiled.use(patterns, ruler.attrs)
    for spacy_doc, our_doc in zip(_docs(nlp), _docs(nlp), strict=True):
        ruler(spacy_doc)
        compiled(our_doc)
        assert our_doc.to_array(COLUMNS).tolist() == spacy_doc.to_array(COLUMNS).tolist(), spacy_doc.text


def test_the_rules_do_what_the_patterns_say():
    """Not only the same as spaCy: the overlapping rules were meant to do this."""
    nlp = _ruler_nlp()
    compile_model_ruler(nlp)
    he, has, nt, gon, na, go = nlp.get_pipe("attribute_ruler")(_docs(nlp)[0])
    assert (has.pos_, has.lemma_) == ("VERB", "have")  # the ROOT rule comes after the AUX one
    assert (nt.pos_, nt.lemma_) == ("PART", "not")
    assert na.lemma_ == "to" and gon.lemma_ == ""
    there, is_, nothing, _, y, all_ = nlp.get_pipe("attribute_ruler")(_docs(nlp)[1])
    assert is_.pos_ == "VERB" and nothing.lemma_ == "nothing" and y.lemma_ == "you"
    space = nlp.get_pipe("attribute_ruler")(_docs(nlp)[3])[-1]
    assert (space.pos_, space.dep_) == ("SPACE", "")  # no label before: none given
    has = nlp.get_pipe("attribute_ruler")(_docs(nlp)[4])[1]
    assert has.pos_ == "AUX"  # the tag says VERB, the later "aux" rule says AUX


def test_model_ruler_replaced_in_place():
    nlp = _ruler_nlp()
    nlp.add_pipe("sentencizer")
    assert compile_model_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "sentencizer"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRules)
    assert not compile_model_ruler(nlp)  # once is enough


def test_a_pattern_not_compiled_keeps_the_model_ruler():
    for pattern in ([{"LOWER": "very", "OP": "+"}], [{"LENGTH": {">=": 3}}], [{"ENT_TYPE": "GPE"}]):
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns([*PATTERNS, {"patterns": [pattern], "attrs": {"POS": "ADV"}}])
        assert not compile_model_ruler(nlp), pattern
        assert not isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRules)


def test_no_ruler_nothing_to_do():
    assert not compile_model_ruler(spacy.blank("en"))
