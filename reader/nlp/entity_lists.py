"""Names in one list are one kind of thing.

"He visits Manchester, Liverpool, Leicester, Somerset and Torbay", "at Heathrow, Gatwick and
Glasgow airports": the small model tags most members of such a list as places and a few, the
towns it does not know, as people. A one-word "person" in a list of places is a place, of the kind
most of its neighbours are, unless the text says it is a person (an honorific before it) or the
field's dictionary knows the name as one. Likewise a one-word "place" the gazetteer does
not know, listed among organisations ("the GMB and Unison, the TGWU and Amicus"), is one of them
(a person listed with parties stays a person).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc

from reader.nlp.entity_candidate import Candidate
from reader.nlp.figures import figures

#: Labels of places; a list with two of them is a list of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words that start the name of a department or office held "for" a list of portfolios.
PORTFOLIO_HEADS = frozenset({"Department", "Ministry", "Office", "Secretary", "Minister", "State", "Committee", "Commission"})
#: What may stand between two members of a list.
_SEPARATORS = frozenset({",", "and", "or"})


def places_in_lists(doc: Doc, cands: list[Candidate], honorifics: frozenset[str]) -> None:
    """Relabel, in place, one-word people listed among places (see the module docstring)."""
    ordered = sorted(cands, key=lambda c: c.start)
    run: list[Candidate] = []
    for c in ordered:
        if run and not _joined(doc, run[-1], c):
            _settle(doc, run, honorifics)
            run = []
        run.append(c)
    _settle(doc, run, honorifics)


#: Plural nouns for companies and other bodies: a list of names they introduce ("automakers such as
#: Bentley and Aston Martin") is a list of bodies.
BODY_PLURALS = frozenset({
    "automakers", "carmakers", "companies", "firms", "brands", "banks", "lenders", "insurers", "airlines",
    "carriers", "retailers", "manufacturers", "makers", "producers", "suppliers", "groups", "businesses",
    "broadcasters", "publishers", "charities", "unions", "parties", "organisations", "organizations",
})
#: Words that introduce the members of a kind ("such as", "including", "like").
_INTRODUCERS = frozenset({"including", "like", "as"})


def bodies_in_lists(doc: Doc, cands: list[Candidate], honorifics: frozenset[str]) -> None:
    """Relabel, in place, the people listed after a plural noun for bodies ("British automakers such as
    Bentley and Aston Martin"; the model took the second for a person) as organisations, unless the
    text or the field's dictionary says one is a person."""
    for c in sorted(cands, key=lambda c: c.start):
        if c.label != "PERSON" or c.kb or c.start < 2:
            continue
        k = c.start - 1
        while k > 0 and (doc[k].lower_ in _SEPARATORS or doc[k].lower_ == "the" or any(o.end == k + 1 for o in cands)):
            k = next((o.start - 1 for o in cands if o.end == k + 1), k - 1)  # back over earlier members
        if doc[k].lower_ not in _INTRODUCERS or (doc[k].lower_ == "as" and doc[k - 1].lower_ != "such"):
            continue
        noun = doc[k - 2] if doc[k].lower_ == "as" else doc[k - 1]
        if noun.lower_ not in BODY_PLURALS or doc[c.start - 1].text in honorifics or figures().people(doc[c.start : c.end].text):
            continue
        if c.label == "PERSON" and c.end - c.start > 1 and figures().given_name(doc[c.start].text):
            continue  # "companies such as Apple and Jack Dorsey's": a first name many people have
        c.label = "ORG"


def _joined(doc: Doc, a: Candidate, b: Candidate) -> bool:
    separators = 0
    for i in range(a.end, b.start):  # read up to the first word that is no separator: most pairs stop at once
        word = doc[i].lower_
        if word == "the":
            continue  # "Unison, the TGWU and Amicus"
        separators += 1
        if word not in _SEPARATORS or separators > 2:
            return False
    return separators > 0


def _settle(doc: Doc, run: list[Candidate], honorifics: frozenset[str]) -> None:
    places = Counter(c.label for c in run if c.label in PLACE_LABELS)
    # bodies the model is sure of: known ones and acronyms ("the GMB", "the TGWU"); a town it took
    # for an organisation ("Merseyside, Bristol and Leeds") does not make a list of bodies
    bodies = sum(c.label == "ORG" and (bool(c.kb) or _acronym(doc[c.start : c.end].text)) for c in run)
    strays: tuple[str, ...]
    if bodies >= 2 and bodies > sum(places.values()):
        label, strays = "ORG", ("GPE", "LOC")  # people are listed with parties: they stay people
    elif sum(places.values()) >= 2:
        label, strays = places.most_common(1)[0][0], ("PERSON",)
    else:
        return
    for c in run:
        if c.label not in strays or c.end - c.start != 1 or c.kb:
            continue
        if c.start > 0 and doc[c.start - 1].text in honorifics:
            continue  # "Blackpool, Mr Hendry and Leeds": the text says he is a man
        if figures().people(doc[c.start].text):
            continue
        c.label = label


def join_portfolios(doc: Doc, cands: list[Candidate], known: Callable[[str], bool]) -> list[Candidate]:
    """ "the Department for Education and Skills", "Secretary of State for Culture, Media and Sport":
    a department or office "for" a list of portfolios is one name to the list's last word (the model
    ends it at the first "and", leaving "Skills" an organisation of its own); the office of a
    Secretary of State is a title, no body at all. A known name after "and" is a body of its own
    ("the Ministry of Defence and Nato")."""
    out: list[Candidate] = []
    absorbed: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: c.start):
        if any(a <= c.start < b for a, b in absorbed):
            continue
        words = doc[c.start : c.end]
        if c.label != "ORG" or c.kb or words[0].text not in PORTFOLIO_HEADS or len(words) < 3 or words[1].lower_ not in ("for", "of"):
            out.append(c)
            continue
        end, last = c.end, False
        while not last and end + 1 < len(doc) and doc[end].lower_ in _SEPARATORS and doc[end + 1].is_title:
            item = end + 1
            while item + 1 < len(doc) and doc[item + 1].is_title:
                item += 1
            if known(doc[end + 1 : item + 1].text):
                break
            last = doc[end].lower_ != ","
            end = item + 1
        if not last:
            out.append(c)
            continue
        absorbed.append((c.end, end))
        if doc[c.start].text == "State" and c.start >= 2 and doc[c.start - 1].lower_ == "of":
            continue  # "Secretary of State for ...": a title
        out.append(Candidate(c.start, end, c.label, c.kb))
    return out


#: Last words of a body's name that a list of its fields comes before ("Foreign Affairs and Security Committee").
_BODY_HEADS = frozenset({"Committee", "Commission", "Council", "Agency", "Authority", "Board", "Directorate", "Service"})


def join_fields_of_a_body(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the Knesset's Foreign Affairs and Security Committee": the model makes the field before "and"
    an organisation of its own; a name no dictionary knows, before "and" and a name ending in a word
    for a body, is the first part of that body's name."""
    ordered = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    skip: set[int] = set()
    for n, c in enumerate(ordered):
        if id(c) in skip:
            continue
        nxt = ordered[n + 1] if n + 1 < len(ordered) else None
        if (nxt is not None and c.label == "ORG" and nxt.label == "ORG" and not c.kb and nxt.start == c.end + 1
                and doc[c.end].lower_ == "and" and doc[nxt.end - 1].text in _BODY_HEADS
                and doc[c.end - 1].text not in _BODY_HEADS and all(t.is_title for t in doc[c.start : nxt.end] if t.is_alpha and t.lower_ != "and")):
            out.append(Candidate(c.start, nxt.end, "ORG", nxt.kb))
            skip.add(id(nxt))
            continue
        out.append(c)
    return out


def _acronym(text: str) -> bool:
    return len(text) >= 2 and text.isalpha() and text.isupper()
