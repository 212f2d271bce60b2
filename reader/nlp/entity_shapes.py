"""Shape rules for entity spans: whole names, and no spans that cannot be names.

The small model cuts names at quotation marks ("Ferdinand “Bongbong” Marcos Jr" becomes three
entities), tags an honorific and a surname as an organisation ("Mr Blair"), leaves a peer's title
out of his name ("Lord Strathclyde" is the name; "Strathclyde" alone is a place), runs an entity
into the next words ("HMS Chatham - have"), and tags time zones, contractions and lower-case words.
Each rule here works on the candidate list of `BriefingEntities` before it becomes ``doc.ents``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Token

from reader.nlp.doc_text import indices_where
from reader.nlp.entity_candidate import Candidate
from reader.nlp.figures import figures
from reader.nlp.peerages import join_peerage_titles
from reader.nlp.place_shapes import hyphen_syllable, shape_by_neighbours
from reader.nlp.possessive_names import split_at_possessive

if TYPE_CHECKING:
    from reader.nlp.gazetteer import Gazetteer

#: Titles that are part of a British peer's name when one name follows ("Lord Strathclyde").
PEERAGE = frozenset({"Lord", "Lady", "Baroness", "Baron", "Earl", "Viscount", "Countess", "Duke", "Duchess"})
#: Honorifics that go with a surname ("Mr Howard"; not "Sir", which goes with a first name).
SURNAME_HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof."})
#: Titles held "of" a place, which then name their holder ("the Duke of Edinburgh").
TITLES_OF_PLACE = PEERAGE | {"Prince", "Princess", "Marquess", "Marchioness", "Archbishop", "Bishop"}
#: Time zones the model takes for organisations ("1130 GMT").
TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "PST", "PDT", "MSK", "IST", "JST"})
#: Lower-case words that belong inside a name ("Jama'at Nusrat al-Islam", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van",
    "von", "la", "le", "du", "des", "of", "the", "and", "for", "on", "y", "e", "zu", "ter", "ten", "wal", "against",
})
#: Heads of organisation names that go on over a preposition ("Committee against Torture").
ORG_HEADS = frozenset({
    "commission", "committee", "council", "office", "ministry", "department", "agency", "institute", "centre", "center",
    "court", "tribunal", "authority", "board", "league", "union", "association", "organisation", "organization",
    "foundation", "fund", "front", "movement", "alliance", "coalition", "federation", "society", "service", "bureau",
    "initiative", "programme", "program", "forum", "network", "corps", "directorate", "secretariat", "panel", "group",
})
#: Prepositions before a date ("on Monday", "in March", "since 2004").
_DATE_PREPOSITIONS = frozenset({"on", "in", "at", "since", "until", "by", "from", "before", "after"})
_DAY_AND_MONTH_NAMES = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
})
#: Legal forms that end a company's name ("Chrysler LLC", "Fiat SpA"); the model often tags them apart.
COMPANY_FORMS = frozenset({
    "llc", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co", "co.", "plc", "spa", "s.p.a.", "ag", "gmbh", "nv", "n.v.",
    "sa", "s.a.", "llp", "lp", "bv", "b.v.", "ab", "asa", "oyj", "se", "pty", "kgaa",
})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,6}s$")
_OPEN_QUOTES = frozenset({"“", '"', "‘", "'"})
_CLOSE_QUOTES = frozenset({"”", '"', "’", "'"})


def reshape(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Apply every shape rule, in an order where each sees the previous one's output."""
    cands = _split_at_inner_honorific(doc, cands, gaz)
    cands = _join_quoted_nicknames(doc, cands)
    cands = _join_particles(doc, cands)
    cands = join_peerage_titles(doc, cands)
    cands = _split_at_bracket(doc, cands)
    cands = _join_company_forms(doc, cands)
    cands = _join_coordinated_first_word(doc, cands)
    cands = split_at_possessive(doc, cands)
    cands = _person_after_government_body(doc, cands)
    cands = _split_coordinated_names(doc, cands)
    cands = _pair_of_people(doc, cands)
    cands = _named_in_apposition(doc, cands)
    _named_after_body_noun(doc, cands, gaz)
    _speaker_typed_as_thing(doc, cands)
    _vessel_names(doc, cands)
    _extend_over_glue(doc, cands)
    out: list[Candidate] = []
    for c in cands:
        trimmed = trim_trailing_words(doc, _honorific_leads(doc, c, gaz))
        if trimmed is not None and _can_be_a_name(doc, trimmed):
            out.append(trimmed)
    _place_after_place(doc, out)
    out = shape_by_neighbours(doc, out)
    return _programmes_of_broadcasters(doc, _titles_of_places(doc, _post_nominals(doc, out)))


def _split_at_inner_honorific(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """ "a speech to the Foreign Policy Centre Mr Straw said": an honorific inside a name starts a person
    the model ran into the name before it."""
    out: list[Candidate] = []
    for c in cands:
        inner = [k for k in range(c.start + 1, c.end - 1) if doc[k].text in gaz.honorifics and doc[k + 1].text[:1].isupper()]
        if not inner or c.label == "PERSON" or doc[inner[0] - 1].text in gaz.honorifics:
            out.append(c)
            continue
        k = inner[0]
        out += [Candidate(c.start, k, c.label, c.kb), Candidate(k, c.end, "PERSON")]
    return out


def _honorific_leads(doc: Doc, c: Candidate, gaz: Gazetteer) -> Candidate:
    """'Mr Blair' is a person whatever label it got; a peer's title stays in his name."""
    if c.label != "PERSON" and doc[c.start].text in gaz.honorifics and c.end - c.start >= 2:
        if all(t.text[:1].isupper() for t in doc[c.start + 1 : c.end] if t.is_alpha):
            c.label, c.kb = "PERSON", ""
            if not (doc[c.start].text in PEERAGE and c.end - c.start == 2):
                c.start += 1
    if c.label == "PERSON" and c.end - c.start == 1 and c.start > 0 and doc[c.start - 1].text in PEERAGE:
        c.start -= 1  # "Lord Strathclyde": the model leaves the title out
    return c


#: entity labels for amounts, dates and times, which are no names and keep their lower-case words
_AMOUNT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def trim_trailing_words(doc: Doc, c: Candidate | None) -> Candidate | None:
    """'HMS Chatham - have', 'LGBT+ people continue': a name does not end in a lower-case word."""
    if c is None:
        return None
    if c.label in _AMOUNT_LABELS:
        return c  # "$4.8 billion", "the fourth quarter": an amount or a date ends in a lower-case word
    end = c.end
    while end - c.start > 1:
        tok = doc[end - 1]
        lower_word = tok.is_alpha and tok.text.islower() and tok.lower_ not in NAME_PARTICLES
        if c.label == "PERSON" and hyphen_syllable(doc, end - 1):
            break  # "Lee Jae-myung": a given name's syllable after its hyphen
        if not (lower_word or tok.text in ("-", "–", "—") or tok.is_space):
            break
        end -= 1
    while end - c.start > 1 and doc[end - 1].lower_ in NAME_PARTICLES and doc[end - 1].text.islower():
        end -= 1  # "... of": a particle never ends a name
    for i in range(c.start + 1, end - 1):
        # "the Commons on Monday", "Parliament in March 2005": a date the model ran into the name
        if doc[i].lower_ in _DATE_PREPOSITIONS and all(
                t.text in _DAY_AND_MONTH_NAMES or t.like_num or t.is_punct for t in doc[i + 1 : end]):
            end = i
            break
    c.end = end
    return c


def _can_be_a_name(doc: Doc, c: Candidate) -> bool:
    """No time zones, contractions, lower-case words or plural acronyms ('UAVs') as actors."""
    if c.label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
        return True
    tokens = doc[c.start : c.end]
    if c.kb:
        return True  # the gazetteer knows it
    if tokens.text in TIME_ZONES or all(t.like_num or t.is_punct for t in tokens):
        return False  # (the model's "288" in "needed 288 votes" as a building)
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens if not t.is_punct):
        return False  # "jihadist", "n’t"
    if len(tokens) == 1 and c.label in ("ORG", "PERSON"):
        tok = tokens[0]
        if _PLURAL_ACRONYM.match(tok.text):
            return False  # "UAVs", "MPs": a plural of a common noun
        if tok.tag_ in ("JJ", "RB") and (tok.is_sent_start or tok.i > 0 and doc[tok.i - 1].is_space):
            return False  # "Controversial new casinos...": a sentence's first word, an adjective
    return True


def _join_quoted_nicknames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Ferdinand “Bongbong” Marcos Jr': first name, nickname in quotes and surname are one person."""
    by_start = {c.start: c for c in cands}
    out: list[Candidate] = []
    skip: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in skip:
            continue
        i = c.end
        if c.label == "PERSON" and i + 2 < len(doc) and doc[i].text in _OPEN_QUOTES:
            j = i + 1
            while j < len(doc) and j - i <= 4 and doc[j].text not in _CLOSE_QUOTES:
                j += 1
            tail = by_start.get(j + 1)
            if j < len(doc) and doc[j].text in _CLOSE_QUOTES and tail is not None and tail.label == "PERSON" and all(
                t.text[:1].isupper() for t in doc[i + 1 : j]
            ):
                for other in cands:
                    if other is not c and c.start <= other.start and other.end <= tail.end:
                        skip.add(id(other))
                c.end = tail.end
        out.append(c)
    return [c for c in out if id(c) not in skip]


#: Particles inside a surname: "Ursula von der Leyen", "Lula da Silva", "Osama bin Laden".
SURNAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "bin",
                               "ibn", "al", "el", "la", "le", "ter", "ten", "zu"})


def _join_particles(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Ursula von der Leyen': a person's name goes on over surname particles into the capitalised
    word after them, whatever the model made of that word (it took "Leyen" for a place)."""
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    for c in cands:
        if c.label != "PERSON" or id(c) in drop:
            continue
        base = c.end
        while base - c.start > 1 and doc[base - 1].lower_ in SURNAME_PARTICLES and doc[base - 1].text.islower():
            base -= 1  # the model may have taken "Ursula von der" and left "Leyen" out
        j = base
        while j < len(doc) and j - base < 3 and doc[j].lower_ in SURNAME_PARTICLES and doc[j].text.islower():
            j += 1
        if j == base or j >= len(doc) or not doc[j].text[:1].isupper() or not doc[j].is_alpha:
            continue
        nxt = by_start.get(j)
        if nxt is not None and nxt.kb:
            continue  # "Charles de Gaulle" is whole already; "President of France" is not a surname
        end = nxt.end if nxt is not None else j + 1
        if nxt is not None:
            drop.add(id(nxt))
        c.end = end
    return [c for c in cands if id(c) not in drop]


def _split_at_bracket(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Transport and General Workers Union (TGWU': a name the model ran into the bracket after it is
    the name, and the bracketed letters a name of their own (which the acronym rule then joins)."""
    out: list[Candidate] = []
    for c in cands:
        k = next((i for i in range(c.start + 1, c.end) if doc[i].text == "("), None)
        if k is None:
            out.append(c)
            continue
        out.append(type(c)(c.start, k, c.label, c.kb))
        end = next((i for i in range(k + 1, c.end) if doc[i].text == ")"), c.end)
        if end > k + 1:
            out.append(type(c)(k + 1, end, c.label))
    return out


def _join_company_forms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Chrysler LLC': a legal form just after an organisation's name is part of it, whether the model
    tagged the form as an organisation of its own or left it out; a legal form alone is no name."""
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    for c in cands:
        if id(c) in drop:
            continue
        if _only_company_forms(doc, c):
            drop.add(id(c))
            continue
        if c.label != "ORG" or c.end >= len(doc) or not _company_form(doc[c.end].text):
            continue
        nxt = by_start.get(c.end)
        if nxt is not None and not _only_company_forms(doc, nxt):
            continue
        if nxt is not None:
            drop.add(id(nxt))
        c.end += 1
    return [c for c in cands if id(c) not in drop]


def _join_coordinated_first_word(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'The Public and Commercial Services Union': a capitalised word and "and" before an organisation's
    name, hanging on a word of that name, begin it (the model leaves them out, or tags the word alone)."""
    alone = {c.start: c for c in cands if c.end - c.start == 1 and not c.kb and c.label not in ("PERSON", "GPE", "LOC")}
    taken = {i for c in cands for i in range(c.start, c.end)}
    drop: set[int] = set()
    for c in cands:
        k = c.start - 2
        if c.label != "ORG" or k < 0 or doc[k + 1].lower_ not in ("and", "&") or (k in taken and k not in alone):
            continue
        word = doc[k]
        if word.is_sent_start or not word.is_alpha or not word.text[:1].isupper():
            continue  # a first word is capitalised whatever it is
        if c.start <= word.head.i < c.end and word.dep_ in ("nmod", "amod", "compound", "conj"):
            if k in alone:
                drop.add(id(alone[k]))
            c.start = k
    return [c for c in cands if id(c) not in drop]


def _only_company_forms(doc: Doc, c: Candidate) -> bool:
    return all(_company_form(doc[i].text) for i in range(c.start, c.end))


def _company_form(word: str) -> bool:
    # the form is written capitalised ("LLC", "Inc.", "SpA"): "co" or "sa" in lower case are other words
    return word.lower() in COMPANY_FORMS and word[:1].isupper()


#: Capitalised words for a government body that end a title ("Chief Secretary to the Treasury").
_GOVERNMENT_BODY_WORDS = frozenset({
    "treasury", "exchequer", "office", "department", "ministry", "cabinet", "commission", "council",
    "pentagon", "kremlin", "parliament", "senate", "congress", "assembly", "government", "executive",
})


def _person_after_government_body(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Chief Secretary to the Treasury Darren Jones said': the model runs the body that ends a title
    into the person after it: after a body's word, two words that are a first name many people of
    the field's dictionary share and a surname, or a name whose last word the text names a person
    with elsewhere ("Jones added"), are that person."""
    surnames = {doc[c.end - 1].text for c in cands if c.label == "PERSON"}
    out: list[Candidate] = []
    for c in cands:
        first, last = c.end - 2, c.end - 1
        if (c.label == "PERSON" or c.end - c.start < 3 or doc[first - 1].lower_ not in _GOVERNMENT_BODY_WORDS
                or not all(doc[k].is_alpha and doc[k].is_title for k in (first, last))
                or not (figures().given_name(doc[first].text) or doc[last].text in surnames)):
            out.append(c)
            continue
        out += [type(c)(c.start, first, c.label, c.kb), type(c)(first, c.end, "PERSON")]
    return out


def _split_coordinated_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Duchy of Lancaster and Duchy of Cornwall' is two bodies: a name that starts again after
    "and" with its own first word is a second name, not one long one."""
    out: list[Candidate] = []
    for c in cands:
        first = doc[c.start].text
        cut = next((i for i in range(c.start + 2, c.end - 1)
                    if doc[i].lower_ == "and" and doc[i + 1].text == first and first[:1].isupper()), None)
        if cut is None or c.kb:
            out.append(c)
            continue
        out.append(type(c)(c.start, cut, c.label))
        out.append(type(c)(cut + 1, c.end, c.label))
    return out


def _pair_of_people(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Blair and Brown criticised by MPs': two surnames the text gives to people elsewhere, joined by
    "and" and tagged as one organisation, are those two people."""
    surnames = {doc[c.end - 1].text for c in cands if c.label == "PERSON"}
    out: list[Candidate] = []
    for c in cands:
        words = doc[c.start : c.end]
        if (c.label != "PERSON" and not c.kb and len(words) == 3 and words[1].lower_ in ("and", "&")
                and words[0].text in surnames and words[2].text in surnames):
            out.append(type(c)(c.start, c.start + 1, "PERSON"))
            out.append(type(c)(c.end - 1, c.end, "PERSON"))
        else:
            out.append(c)
    return out


def _extend_over_glue(doc: Doc, cands: list[Candidate]) -> None:
    """'Commission against Racism and Intolerance', 'Office for National Statistics': an
    organisation's name goes on over a preposition into capitalised words that are no actor of
    their own."""
    actor_starts = {i for c in cands if c.kb or c.label not in ("ORG", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT")
                    for i in range(c.start, c.end)}
    for c in cands:
        if c.label != "ORG" or c.kb or c.end + 1 >= len(doc) or doc[c.end].lower_ not in ("against", "for", "on", "of"):
            continue
        if doc[c.end - 1].lower_ not in ORG_HEADS:
            continue
        j = c.end + 1
        while j < len(doc) and (doc[j].text[:1].isupper() or (doc[j].lower_ == "and" and j + 1 < len(doc)
                                                               and doc[j + 1].text[:1].isupper())):
            if j in actor_starts:
                break
            j += 1
        if j > c.end + 1 and doc[j - 1].text[:1].isupper() and (j - 1 not in actor_starts):
            inner = [o for o in cands if o is not c and c.end < o.start < j]
            for o in inner:
                o.start = o.end = -1  # swallowed
            c.end = j
    cands[:] = [c for c in cands if c.start >= 0]


#: Nouns for a body that a name in apposition names ("her party, the Fratelli d'Italia,").
BODY_NOUNS = frozenset({
    "party", "group", "movement", "alliance", "coalition", "union", "company", "firm", "newspaper", "agency",
    "organisation", "organization", "militia", "faction", "bank", "broadcaster", "channel", "network", "council",
})


def _name_word(text: str) -> bool:
    """A word of a name: capitalised, or an elided particle before a capital ("d’Italia", "l'Azawad")."""
    if text[:1].isupper():
        return True
    return len(text) > 2 and text[1] in "'’" and text[2:3].isupper()


def _person_dictionary_name(text: str) -> bool:
    """A name the field's dictionary of political figures holds: the model's person is kept."""
    return bool(figures().people(text))


def _named_in_apposition(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """'Ms Meloni's party, the Fratelli d'Italia, ...': capitalised words set off by commas right
    after a noun for a body are that body's name, whatever the model made of them."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    out = list(cands)
    for i in indices_where(doc, LOWER, BODY_NOUNS):
        tok = doc[i]
        if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != ",":
            continue
        j = tok.i + 2
        if doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and k - j < 6 and (_name_word(doc[k].text) or (k > j and doc[k].lower_ in NAME_PARTICLES)):
            k += 1
        if k == j or k >= len(doc) or doc[k].text not in (",", "(", ".", ";", "–", "—"):
            continue
        if not _name_word(doc[k - 1].text) or (k - j == 1 and doc[j].is_sent_start):
            continue
        same = [c for c in out if c.start == j and c.end == k]
        if same and same[0].label == "PERSON" and _held_post_of(tok):
            continue  # "the head of the intelligence agency, Hassan Rashad": who heads it
        if same and not same[0].kb and (same[0].label != "PERSON" or not _person_dictionary_name(doc[j:k].text)):
            same[0].label = "ORG"  # the model's "facility", "group of people" or person is the body named
        elif not any(i in taken for i in range(j, k)):
            out.append(type(cands[0])(j, k, "ORG") if cands else _candidate(j, k))
    return out


#: Nouns for whoever holds a post in a body: "the head of the agency, X" names the head.
_POST_NOUNS = frozenset({"head", "chief", "director", "leader", "boss", "chairman", "chairwoman", "chair",
                         "president", "founder", "spokesman", "spokeswoman", "spokesperson", "commander"})


def _held_post_of(body: Token) -> bool:
    """The body noun ends "the head of the ... agency": a post in it, not the body, is what comes next."""
    return body.dep_ == "pobj" and body.head.lower_ == "of" and body.head.head.lower_ in _POST_NOUNS


#: Nouns for a public or private body whose name may follow directly ("agriculture department Defra").
NAMING_BODY_NOUNS = BODY_NOUNS | frozenset({
    "department", "ministry", "watchdog", "regulator", "committee", "authority", "institute", "foundation",
    "charity", "fund", "court", "tribunal", "commission", "consortium", "conglomerate", "carrier", "airline",
    "manufacturer", "maker", "lender", "insurer", "retailer", "broadcaster", "publisher", "think-tank",
})


def _named_after_body_noun(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> None:
    """'the agriculture department Defra', 'rights group Amnesty': a name right after a noun for a
    body is that body's, even where the small model took a short unknown word for a person."""
    bodies: set[str] = set()
    for c in cands:
        if c.label != "PERSON" or c.kb or c.start == 0:
            continue
        before = doc[c.start - 1]
        if before.is_lower and before.lower_ in NAMING_BODY_NOUNS:
            c.label = "ORG"
            bodies.add(doc[c.start : c.end].text)
    tagged = {i for c in cands for i in range(c.start, c.end)}
    for noun in (t for t in doc[:-1] if t.is_lower and t.lower_ in NAMING_BODY_NOUNS):
        end = noun.i + 1  # "the Islamist movement Ennahda won": a name the model did not tag at all
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in tagged and not doc[end].ent_type_ \
                and doc[end].text not in gaz.honorifics and doc[end].lower_ not in gaz.title_heads:  # ("watchdog Sir Philip")
            end += 1
        if end > noun.i + 1:
            cands.append(Candidate(noun.i + 1, end, "ORG"))
            bodies.add(doc[noun.i + 1 : end].text)
    if bodies:  # one reading per name: "a Defra spokesman" is the same body
        for c in cands:
            if c.label == "PERSON" and not c.kb and doc[c.start : c.end].text in bodies:
                c.label = "ORG"


#: Verbs whose subject speaks: a name doing them is a person or a body, never a product.
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "warn", "note", "explain", "write", "argue", "insist", "claim"})


def _speaker_typed_as_thing(doc: Doc, cands: list[Candidate]) -> None:
    """' "The case is getting stronger," said Lars Eide, the bank's chief economist': two or three
    capitalised words the small model typed as a product or a work, that say something, are a person."""
    for c in cands:
        if c.kb or c.label not in ("PRODUCT", "WORK_OF_ART") or not 2 <= c.end - c.start <= 3:
            continue
        words = doc[c.start : c.end]
        last = words[-1]
        if not all(_name_word(t.text) and t.is_alpha for t in words):
            continue
        if last.dep_ == "nsubj" and last.head.lemma_.lower() in _SPEECH_LEMMAS:
            c.label = "PERSON"


#: Nouns for a ship or boat, and the prefixes of ships' names: what they name is a vessel, not an actor.
VESSEL_NOUNS = frozenset({
    "ship", "vessel", "frigate", "destroyer", "warship", "cruiser", "corvette", "submarine", "tanker",
    "ferry", "yacht", "trawler", "freighter", "liner", "tug", "dredger", "gunboat", "minesweeper",
})
VESSEL_PREFIXES = frozenset({"HMS", "USS", "RFA", "HMAS", "HMCS", "HMNZS"})  # not "SS": SS Lazio is a club


def _vessel_names(doc: Doc, cands: list[Candidate]) -> None:
    """'the auxiliary ship Diligence', 'a second vessel, the Bayleaf', 'HMS Chatham': a ship's name
    is no person, place or organisation acting; it stays marked as a thing (PRODUCT)."""
    names: set[str] = set()
    for c in cands:
        if c.kb or c.label == "PRODUCT":
            continue
        first = doc[c.start]
        j = c.start - 1
        while j >= 0 and (doc[j].lower_ == "the" or doc[j].text == ","):
            j -= 1
        after_vessel = j >= 0 and doc[j].is_lower and doc[j].lower_ in VESSEL_NOUNS
        if (first.text in VESSEL_PREFIXES and c.end - c.start > 1) or after_vessel:
            c.label = "PRODUCT"
            names.add(doc[c.start : c.end].text)
    if names:  # the same name elsewhere in the text is the same ship
        for c in cands:
            if not c.kb and doc[c.start : c.end].text in names:
                c.label = "PRODUCT"


def _candidate(start: int, end: int) -> Candidate:
    return Candidate(start, end, "ORG")


def _place_after_place(doc: Doc, cands: list[Candidate]) -> None:
    """'in Chatham, Kent': a one-word name right after a place and a comma is the wider place."""
    by_end = {c.end: c for c in cands}
    for c in cands:
        if c.label != "PERSON" or c.end - c.start != 1 or c.start < 2 or doc[c.start - 1].text != ",":
            continue
        before = by_end.get(c.start - 1)
        if before is not None and before.label in ("GPE", "LOC") and c.end < len(doc) and not doc[c.end].text[:1].isupper():
            c.label = "GPE"


def _titles_of_places(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the Duke of Edinburgh said", "the Prince of Wales met farmers": a title held of a place is the
    person who holds it, not the place acting (nor the title alone a person called "Duke")."""
    firsts = [i for i in indices_where(doc, ORTH, TITLES_OF_PLACE) if i < len(doc) - 2 and doc[i + 1].lower_ == "of"]
    if not firsts:
        return cands
    by_start = {c.start: c for c in cands}
    people: list[Candidate] = []
    for i in firsts:
        place = by_start.get(i + 2)
        end = place.end if place is not None else i + 2
        while place is None and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1  # "the Archbishop of Canterbury": a place the model did not tag
        if end > i + 2:
            people.append(Candidate(i, end, "PERSON"))
    return [*(c for c in cands if not any(c.overlaps(p) for p in people)), *people]


#: Lower-case words inside a programme's title ("Breakfast with Frost", "The World at One").
_TITLE_GLUE = frozenset({"with", "of", "the", "and", "at", "on", "in", "for"})


def _broadcaster(doc: Doc, c: Candidate) -> bool:
    """An organisation the field's dictionary lists as media, by its name or its first word
    ("BBC One" is the BBC's channel)."""
    if c.label != "ORG":
        return False
    names = (doc[c.start : c.end].text, doc[c.start].text)
    return any("media" in figures().organisation_types(name) for name in names)


def _programmes_of_broadcasters(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "told BBC One's Breakfast with Frost", "the BBC's Newsnight": the name after a broadcaster's
    possessive is its programme, a work and not an actor (the model made "Breakfast" a place and
    "Frost" a person)."""
    programmes: list[Candidate] = []
    for c in cands:
        start = c.end + 1
        if start >= len(doc) or doc[c.end].text not in ("'s", "’s") or not doc[start].is_title:
            continue
        if not _broadcaster(doc, c):
            continue
        end = start + 1
        while end < len(doc) and (doc[end].is_title or doc[end].like_num or (
                doc[end].lower_ in _TITLE_GLUE and end + 1 < len(doc) and doc[end + 1].is_title)):
            end += 1
        if any(o.start == start and o.end == end and o.label == "PERSON" for o in cands):
            continue  # "the BBC's Greg Dyke": one of its people
        programmes.append(Candidate(start, end, "WORK_OF_ART"))
    if not programmes:
        return cands
    return [*(c for c in cands if not any(c.overlaps(p) for p in programmes)), *programmes]


#: Letters after a British name for an office or honour held ("Guy Mansfield QC", "Ann Clwyd MP").
POST_NOMINALS = frozenset({"QC", "KC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE"})


def _post_nominals(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the Bar Council's chairman, Guy Mansfield QC, warned": a name before the letters of a
    barrister's or a member's office is a person's, and the letters are no part of it (nor, alone
    after a comma, "Richard Mawrey, QC", anybody)."""
    out: list[Candidate] = []
    for c in cands:
        if doc[c.end - 1].text not in POST_NOMINALS:
            out.append(c)
        elif c.end - c.start >= 3 and all(t.is_title for t in doc[c.start : c.end - 1]):
            out.append(Candidate(c.start, c.end - 1, "PERSON"))
        elif c.end - c.start > 1:
            out.append(c)
    return out
