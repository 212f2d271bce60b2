"""Entity shapes told by the words around a name: a compass word that begins a region's name, a
place, a person or an organisation said to be one in apposition, a given name written with a hyphen. Used by `entity_shapes.reshape`.

The small model splits "West Darfur" into a bloc ("the West") and Darfur, and leaves "North
Darfur" as Darfur; it types "El Fasher, the last city in Darfur" as an organisation and "his
brother, Abdelrahim" as one too. The words beside the name say what it is.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.entity_candidate import Candidate
from reader.nlp.gazetteer import gazetteer

#: Words that begin a region's name before a place ("West Darfur", "North Kivu", "Southern Lebanon").
COMPASS_WORDS = frozenset({
    "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
    "Northeast", "Northwest", "Southeast", "Southwest", "Upper", "Lower", "Greater",
})
#: Nouns that say a name in apposition is a settled place ("El Fasher, the last city in Darfur").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "capital", "port", "region", "province", "district", "state", "county",
    "island", "enclave", "governorate", "oblast", "municipality", "suburb", "township",
})
#: Nouns for a business or body: a name one describes is an organisation ("Safaricom, the largest
#: telecoms company, ..."), which the model often leaves untagged when it does not know the name.
ORG_NOUNS = frozenset({
    "company", "firm", "group", "bank", "lender", "insurer", "airline", "carrier", "carmaker", "automaker",
    "manufacturer", "maker", "retailer", "operator", "conglomerate", "producer", "supplier", "developer",
    "broker", "miner", "giant", "utility", "agency", "charity", "union", "association", "subsidiary",
})
#: Nouns for kin: a name set beside one is a person ("his brother, Abdelrahim").
KIN_NOUNS = frozenset({
    "brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "cousin", "nephew",
    "niece", "uncle", "aunt", "widow", "widower", "grandson", "granddaughter", "stepson", "stepdaughter", "grandmother",
    "grandfather", "stepfather", "stepmother", "parents", "grandparents",
})


def shape_by_neighbours(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Apply the rules of this module in turn."""
    cands = _compass_regions(doc, cands)
    _places_in_apposition(doc, cands)
    _kin_in_apposition(doc, cands)
    _people_by_title_in_apposition(doc, cands)
    _hyphenated_given_names(doc, cands)
    found = _bodies_after_their_kind(doc, cands)
    _parties_before_party(doc, cands)
    return cands + found + _bodies_in_apposition(doc, cands + found)


#: Labels the model gives a business or party it does not know ("the state miner Codelco" GPE, "the
#: shipping group Maersk" PRODUCT, "the ruling Morena party" LOC).
_MISREAD_BODY_LABELS = frozenset({"GPE", "LOC", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})


#: Nouns for a business that are also a person's trade.
_ALSO_A_TRADE = frozenset({"miner", "producer", "developer", "broker", "operator", "maker", "supplier", "giant"})


def _bodies_after_their_kind(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the state miner Codelco", "the national statistics agency Indec": a name right after a
    lower-case noun for a business or body, in a phrase opened by "the" or "a", is an organisation."""
    starts = {c.start: c for c in cands}
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[Candidate] = []
    for i in indices_where(doc, LOWER, ORG_NOUNS):  # (read from the Doc's array: this runs on every briefing)
        kind = doc[i]
        if i + 1 >= len(doc) or kind.pos_ != "NOUN" or not kind.text.islower():
            continue
        first = doc[i + 1]
        if not _opened_by_article(kind) or not first.text[:1].isupper() or first.ent_type_ in ("DATE", "TIME"):
            continue
        named = starts.get(first.i)
        if named is not None:
            if named.label in _MISREAD_BODY_LABELS and not named.kb and (named.label != "PERSON" or (
                    named.end - named.start == 1 and _lemma(kind) not in _ALSO_A_TRADE)):
                named.label = "ORG"  # (not "the miner Arthur Scargill", "the producer Lane")
            continue
        end = first.i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in taken:
            end += 1
        if end > first.i and _lemma(doc[end - 1]) not in gazetteer().title_heads:
            found.append(Candidate(first.i, end, "ORG"))
    return found


def _opened_by_article(kind: Token) -> bool:
    """The noun phrase the kind noun sits in opens with "the" or "a" ("the state oil company Pemex")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") and c.i < kind.i
               for c in (*kind.children, *kind.head.children))


def _parties_before_party(doc: Doc, cands: list[Candidate]) -> None:
    """ "the ruling Morena party": a name right before a lower-case "party" is that party."""
    for c in cands:
        if c.label in _MISREAD_BODY_LABELS and not c.kb and c.end < len(doc) and doc[c.end].lower_ == "party" \
                and doc[c.end].text.islower():
            c.label = "ORG"


def _hyphenated_given_names(doc: Doc, cands: list[Candidate]) -> None:
    """ "Lee Jae-myung", "Choi Sang-mok": a lower-case syllable glued by a hyphen to a name's last word
    is part of the name (the tokenizer splits it off; the model, or a trim of lower-case words, drops it)."""
    for c in cands:
        while c.label == "PERSON" and c.end + 1 < len(doc) and hyphen_syllable(doc, c.end + 1):
            c.end += 2


#: English words that make a compound of a name ("Bush-style", "Saudi-led"): no syllable of a given name.
COMPOUND_TAILS = frozenset({
    "style", "era", "led", "backed", "like", "based", "born", "type", "esque", "linked", "friendly", "owned",
    "controlled", "inspired", "allied", "leaning", "appointed", "supporting", "supported", "funded", "run",
    "made", "built", "brokered", "sponsored", "dominated", "held", "bound", "wide", "free", "only", "related",
})


def hyphen_syllable(doc: Doc, i: int) -> bool:
    """Token i is a lower-case syllable glued by a hyphen to a capitalised word ("Jae-*myung*")."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_title and not doc[i - 2].whitespace_ \
        and not doc[i - 1].whitespace_ and doc[i].is_alpha and doc[i].text.islower() and doc[i].text not in COMPOUND_TAILS


def _compass_regions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "in West Darfur", "fighting in North Kivu": a capitalised compass word right before a place
    begins that place's name; a one-word entity the model made of it ("the West") goes."""
    by_end = {c.end: c for c in cands}
    dropped: set[int] = set()
    for c in cands:
        if c.label not in ("GPE", "LOC") or c.start == 0:
            continue
        word = doc[c.start - 1]
        if word.text not in COMPASS_WORDS:
            continue
        alone = by_end.get(c.start)
        if alone is not None and alone.end - alone.start != 1:
            continue  # "the Central African Republic" and the like are names of their own
        if alone is not None:
            dropped.add(id(alone))
        c.start, c.kb = c.start - 1, ""  # a region of its own, not the place it lies in
    return [c for c in cands if id(c) not in dropped]


def _places_in_apposition(doc: Doc, cands: list[Candidate]) -> None:
    """ "El Fasher, the last major city in Darfur, ...", "Rafah, a town on the border", "the town of
    Kidal": a name that a noun for a settled place describes is that place."""
    for c in cands:
        if c.label not in ("ORG", "PERSON") or c.kb or c.end >= len(doc) or doc[c.end].text != ",":
            continue
        head = doc[c.end - 1]
        if any(ch.dep_ == "appos" and _lemma(ch) in PLACE_NOUNS and ch.i > head.i for ch in head.children):
            c.label = "GPE"
    for c in cands:  # "the northern town of Kidal", "the city of Kharkiv": the place the noun names
        head = doc[c.end - 1]
        if c.label in ("ORG", "PERSON", "NORP") and not c.kb and c.start >= 2 and doc[c.start - 1].lower_ == "of" \
                and head.dep_ == "pobj" and head.head.i == c.start - 1 and _lemma(doc[c.start - 2]) in PLACE_NOUNS \
                and doc[c.start - 2].pos_ == "NOUN":
            c.label = "GPE"


def _kin_in_apposition(doc: Doc, cands: list[Candidate]) -> None:
    """ "Mr Dagalo's brother, Abdelrahim, ...": a one-word name set beside a noun for kin is a person."""
    for c in cands:
        if c.label == "PERSON" or c.kb or c.end - c.start != 1:
            continue
        tok = doc[c.start]
        if tok.dep_ == "appos" and _lemma(tok.head) in KIN_NOUNS and tok.head.i < tok.i:
            c.label = "PERSON"


#: Labels the small model gives a foreign name it does not know ("Yoon Suk Yeol" as a work of art, "Kemi
#: Badenoch" as a place); a place the gazetteer knows keeps its label (it has a key).
_NAME_MISTYPES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "NORP", "EVENT", "LAW", "GPE", "LOC"})


def _people_by_title_in_apposition(doc: Doc, cands: list[Candidate]) -> None:
    """ "Yoon Suk Yeol, South Korea's president, declared ...", "Han Duck-soo, the prime minister,": a
    name of two or more capitalised words set beside a title held by one person, or described by a
    clause on "who" ("Kemi Badenoch, who was elected leader"), is that person, whatever the model typed
    it as (a body may take "who" in British English: "The Conservatives, who oppose the fees", so not one)."""
    for c in cands:
        end = c.end
        while end + 1 < len(doc) and hyphen_syllable(doc, end + 1):
            end += 2  # "Han Duck-*soo*": trimmed off a name the model did not type as a person
        if c.label not in _NAME_MISTYPES or c.kb or c.end - c.start < 2 or end >= len(doc) or doc[end].text != ",":
            continue
        words = [t for t in doc[c.start : end] if t.is_alpha]
        if not words or not all(t.text[:1].isupper() or hyphen_syllable(doc, t.i) for t in words):
            continue
        head = doc[end - 1]
        who = c.label not in ("ORG", "NORP") and any(
            ch.dep_ == "relcl" and any(g.lower_ == "who" and g.i == end + 1 for g in ch.children) for ch in head.children)
        if who or _described_by_title(head, ("det", "poss", "compound", "amod")):
            c.label = "PERSON"


#: Nouns a capitalised common word opening a sentence modifies as that word: "Labour unions called off a
#: strike" are trade unions, "Labour costs rose" wages, not the Labour Party's.
COMMON_COMPOUND_HEADS = frozenset({
    "union", "unions", "market", "markets", "cost", "costs", "shortage", "shortages", "law", "laws",
    "rights", "productivity", "dispute", "disputes", "camp", "camps", "migration",
    "migrants", "inspectors", "standards", "regulations", "exploitation", "mobility", "participation",
})


def common_word_opening_a_sentence(doc: Doc, c: Candidate) -> bool:
    """A one-word organisation's name opening its sentence that modifies a noun read as the common word it
    also is ("Labour unions", "Labour costs"; not "Labour MPs", "Labour leader")."""
    if c.label != "ORG" or c.end - c.start != 1 or c.end >= len(doc) or not doc[c.start].is_sent_start:
        return False  # (a people's adjective is never this: "Israeli strikes killed 40")
    word, head = doc[c.start], doc[c.end]
    return word.head.i == head.i and word.dep_ in ("compound", "amod", "nmod") and head.lower_ in COMMON_COMPOUND_HEADS


def _bodies_in_apposition(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Safaricom, the country's largest telecoms company, warned": an untagged name that opens its
    sentence, set off by a comma and described by a noun for a business or body, is an organisation (and
    one of two words or more described by a title one person holds is that person)."""
    for c in cands:  # one the model typed as a people or a person ("Vodacom, a mobile operator")
        if c.label in ("NORP", "PERSON") and not c.kb and c.end < len(doc) and doc[c.end].text == "," \
                and _described_as_body(doc[c.end - 1]):
            c.label = "ORG"
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[Candidate] = []
    for sent in doc.sents if doc.has_annotation("DEP") else ():
        end = sent.start
        while end < sent.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in taken:
            end += 1
        if end == sent.start or end >= sent.end or doc[end].text != ",":
            continue
        if _described_as_body(doc[end - 1]):
            found.append(Candidate(sent.start, end, "ORG"))
        elif end - sent.start >= 2 and _described_by_title(doc[end - 1]):
            found.append(Candidate(sent.start, end, "PERSON"))  # "Mehmet Simsek, the finance minister, has won"
    return found


def _described_by_title(head: Token, modifiers: tuple[str, ...] = ("det", "poss")) -> bool:
    """A title one person holds set beside the name, with a word of its own ("the finance minister")."""
    heads = gazetteer().title_heads
    return any(ch.dep_ == "appos" and ch.i > head.i and ch.pos_ == "NOUN" and _lemma(ch) in heads and not ch.text.endswith("s")
               and any(d.dep_ in modifiers for d in ch.children) for ch in head.children)


def _described_as_body(head: Token) -> bool:
    return any(ch.dep_ == "appos" and ch.pos_ == "NOUN" and _lemma(ch) in ORG_NOUNS and ch.i > head.i
               and any(d.dep_ in ("det", "poss") for d in ch.children) for ch in head.children)


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()
