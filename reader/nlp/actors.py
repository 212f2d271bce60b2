"""Group entity mentions into actors: one actor per real-world entity.

- Places, demonyms, capitals and metonyms that the gazetteer linked (``Span.kb_id_``) join
  their country: "Russian", "Moscow" and "the Kremlin" are all Russia.
- People: full names head clusters; a lone surname or first name joins the full name it belongs to
  (the nearest one before it when two people share it); accents and case do not matter ("Erdogan" =
  "Erdoğan"); honorifics and possessives are not part of a name; "X, also known as Y" makes Y an alias of X.
- Titles before a name give the person a role and a country ("Turkish President Recep Tayyip Erdoğan");
  later role references ("the Turkish president") resolve to that person (``reader.nlp.role_bodies``).
- "the Trump Administration" is the government of Trump's country when the text gave it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from reader.model import ACTOR_TYPES, Actor, Mention
from reader.nlp.actor_links import link, merge_into, person_of_surname
from reader.nlp.doc_text import text_of
from reader.nlp.entity_shapes import PEERAGE, SURNAME_HONORIFICS
from reader.nlp.figures import figures
from reader.nlp.full_names import people_named_with_honorific
from reader.nlp.gazetteer import Gazetteer, fold, gazetteer
from reader.nlp.offices import offices
from reader.nlp.people import describe_people
from reader.nlp.role_references import role_references

_POSSESSIVE = ("’s", "'s", "’", "'")
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’"})
#: Generational suffixes: "Marcos Jr" is called "Marcos".
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Verbs that give their subject an office named after them ("was sworn in as president", "became chancellor").
_OFFICE_TAKING = frozenset({"swear", "elect", "re-elect", "reelect", "appoint", "name", "become", "install", "inaugurate"})


@dataclass(slots=True)
class _Cluster:
    key: str
    type: str
    name: str = ""
    mentions: list[Mention] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    country_key: str | None = None
    name_tokens: tuple[str, ...] = ()
    #: forms that are aliases ("Abu Mazen"), never chosen as the display name
    alias_forms: set[str] = field(default_factory=set)


def _clean(text: str) -> str:
    for suffix in _POSSESSIVE:
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _strip_article(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


class _NameOwners:
    """Who a lone name refers to: by surname first, then first name, then a middle name
    ("Faki" of "Moussa Faki Mahamat"); between several people, the one named last before it.

    Indexed by name word so that a book-length text costs one lookup per mention (a scan over
    every full name made long texts quadratic)."""

    def __init__(self, full: list[tuple[int, _Cluster]]) -> None:
        full.sort(key=lambda m: m[0])
        self.parts: tuple[dict[str, list[tuple[int, _Cluster]]], ...] = ({}, {}, {})
        for start, c in full:
            toks = c.name_tokens
            self.parts[0].setdefault(toks[-1], []).append((start, c))
            self.parts[1].setdefault(toks[0], []).append((start, c))
            for word in dict.fromkeys(toks[1:-1]):
                self.parts[2].setdefault(word, []).append((start, c))

    def owner_by(self, word: str, pos: int) -> tuple[_Cluster, int] | None:
        """The owner and which of its words matched: 0 surname, 1 first name, 2 a middle name."""
        for index, part in enumerate(self.parts):
            mentions = part.get(word)
            if not mentions:
                continue
            if len({c.key for _, c in mentions}) == 1:
                return mentions[0][1], index
            k = bisect_left(mentions, pos, key=lambda m: m[0])
            return (mentions[k - 1][1] if k else mentions[0][1]), index
        near = self._misspelt(word)
        return (near, 0) if near else None

    def _misspelt(self, word: str) -> _Cluster | None:
        """'Mr Peston' after 'Robert Preston': a surname one letter from exactly one full name's."""
        if len(word) < 5:
            return None
        # but "William" is not "Rowan Williams" misspelt: a surname made of a given name and "s"
        # ("Edwards", "Roberts") is another name
        near = {c.key: c for surname, mentions in self.parts[0].items()
                if len(surname) >= 5 and _one_edit(word, surname) and word + "s" != surname for _, c in mentions}
        return next(iter(near.values())) if len(near) == 1 else None


class _Resolver:
    def __init__(self, doc: Doc, gaz: Gazetteer) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.gaz = gaz
        self.clusters: dict[str, _Cluster] = {}
        self.person_of_mention: dict[int, str] = {}

    # -- clusters ------------------------------------------------------------------------------
    def cluster(self, key: str, type_: str, name: str = "") -> _Cluster:
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = _Cluster(key=key, type=type_, name=name)
        return c

    def add(self, cluster: _Cluster, start: int, end: int) -> None:
        text = self.text[start:end]
        cluster.mentions.append(Mention(start, end, text))
        cluster.forms[_strip_article(_clean(text))] += 1

    # -- people --------------------------------------------------------------------------------
    def name_tokens(self, ent: Span) -> tuple[str, ...]:
        """The words of a name that identify the person: no nickname in quotes ("Ferdinand
        “Bongbong” Marcos Jr"), no generational suffix ("Jr"), no honorific the tagger took in ("with
        Tanzania Mr Brown said": "Mr Brown" is Brown), case and accents folded."""
        words: list[str] = []
        quoted = False
        for t in ent:
            if t.text in _QUOTE_MARKS or not words and t.text in SURNAME_HONORIFICS and t.i + 1 < ent.end:
                quoted = quoted != (t.text in _QUOTE_MARKS)
                continue
            if not quoted and (t.is_alpha or "-" in t.text or "." in t.text):
                words.append(fold(t.text))
        while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
            words.pop()
        return tuple(words)

    def people(self, ents: list[Span]) -> None:
        persons = [e for e in ents if e.label_ == "PERSON"]
        # full-name mentions by last name, in text order: a name only matches one that ends alike
        by_last: dict[str, list[tuple[int, _Cluster]]] = {}
        for ent in persons:
            toks = self.name_tokens(ent)
            start_char = ent.start_char
            royal = self._royal_title(ent)
            if royal is not None:
                toks, start_char = (fold(royal.text), *toks), royal.idx
            if len(toks) < 2:
                continue
            same = by_last.setdefault(toks[-1], [])
            match = next((c for _, c in reversed(same) if self._same_person(toks, c.name_tokens)), None)
            if match is None:
                match = self.cluster(f"person:{len(self.clusters)}", "PERSON")
                match.name_tokens = toks
            elif len(toks) > len(match.name_tokens):
                match.name_tokens = toks
            same.append((start_char, match))
            self.add(match, start_char, ent.end_char)
            self.person_of_mention[ent.start] = match.key
        owners = _NameOwners([m for same in by_last.values() for m in same])
        singles = [(ent, toks) for ent in persons
                   if len(toks := self.name_tokens(ent)) == 1 and self._royal_title(ent) is None]
        # "Mr Flight" in the text: then "Mr Howard" is someone else, not Howard Flight by his first name
        # ("Mr Xi" of Xi Jinping is his family name first, and no "Mr Jinping" stands beside it)
        by_surname = {found[0].key for ent, toks in singles
                      if self._after_honorific(ent) and (found := owners.owner_by(toks[0], ent.start_char)) and found[1] == 0}
        for ent, toks in singles:
            found = owners.owner_by(toks[0], ent.start_char)
            match = found[0] if found else None
            if found and found[1] == 1 and found[0].key in by_surname and self._after_honorific(ent):
                match = None
            if match is None:
                key = f"person:single:{toks[0]}"
                match = self.cluster(key, "PERSON")
                match.name_tokens = toks
            self.add(match, ent.start_char, ent.end_char)
            self.person_of_mention[ent.start] = match.key

    def _royal_title(self, ent: Span) -> Token | None:
        """ "Prince Charles", "King Abdullah": a royal is known by title and given name together, so the
        pair is the full name, and a later bare "Charles" is the prince rather than Charles Kennedy
        by his first name (a person outside a royal house is referred to by surname)."""
        if ent.start == 0 or len(self.name_tokens(ent)) != 1:
            return None
        title = self.doc[ent.start - 1]
        return title if title.text in self.gaz.royal_titles else None

    def _after_honorific(self, ent: Span) -> bool:
        """ "Mr Howard": an honorific that goes with a surname (not "Sir", which goes with a first name)."""
        return ent.start > 0 and self.doc[ent.start - 1].text in SURNAME_HONORIFICS

    @staticmethod
    def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        if not a or not b or a[-1] != b[-1]:
            return False
        if (a[0] in _PEER_TITLES) != (b[0] in _PEER_TITLES):
            # "Lady Boothroyd" is "Betty Boothroyd" ennobled, "Lord Callaghan" is "Jim Callaghan"
            a, b = (a[1:], b) if a[0] in _PEER_TITLES else (a, b[1:])
            if not a or not b:
                return False
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        return set(short) <= set(long_) or short[0][:1] == long_[0][:1]

    # -- roles ---------------------------------------------------------------------------------
    def title_before(self, start: int) -> tuple[str, str | None, int]:
        """Title words and country directly before token `start`: ("President", "country:TR", first token)."""
        doc, gaz = self.doc, self.gaz
        i = start - 1
        words: list[str] = []
        while i >= 0 and (doc[i].lower_ in gaz.title_heads or doc[i].lower_ in gaz.title_modifiers):
            words.insert(0, doc[i].text)
            i -= 1
        country = None
        j = i
        if j >= 0 and doc[j].text in _POSSESSIVE:
            j -= 1
        if j >= 0:
            form = gaz.lookup(doc[j].text)
            if form is not None and form.place.key.startswith(("country:", "territory:", "org:")):
                country = form.place.key
                i = j
        while words and words[0].lower() in ("of",):
            words.pop(0)
        has_head = any(w.lower() in gaz.title_heads for w in words)
        if not has_head:
            return "", None, start
        first = j if country else i + 1
        k = first - 1
        while k > first - 3 and k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha:
            k -= 1  # a party between ("ex-Conservative chancellor")
        if k >= 1 and doc[k].text == "-" and doc[k - 1].lower_ == "ex" and not doc[k - 1].whitespace_:
            words.insert(0, "former")  # "ex-chancellor Ken Clarke" held the office once
            first = k - 1
        return " ".join(words), country, first

    def assign_roles(self, ents: list[Span]) -> None:
        for ent in ents:
            if ent.label_ != "PERSON" or ent.start not in self.person_of_mention:
                continue
            role, country, _ = self.title_before(ent.start)
            if not role:
                role, country = self.title_in_apposition(ent.end)
            if not role:
                role, country = self.title_taken(ent)
            c = self.clusters[self.person_of_mention[ent.start]]
            if role and role not in c.roles:
                c.roles.append(role)
            if country and c.country_key is None:
                c.country_key = country

    def assign_offices(self, on: dt.date | None) -> None:
        """The office each person named in full held on the publication date, from the table of
        office holders: "the chancellor" in a 2005 report is Gordon Brown though it never says so."""
        if on is None:
            return
        for c in self.clusters.values():
            for term in offices().held_on(" ".join(c.name_tokens), on) if c.type == "PERSON" else ():
                if all(term.office.lower() != role.lower() for role in c.roles):
                    c.roles.append(term.office)
                c.country_key = c.country_key or term.of

    def title_in_apposition(self, end: int) -> tuple[str, str | None]:
        """ "Jane Ridley, the health secretary, said": the title set after a name between commas."""
        doc, gaz = self.doc, self.gaz
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("the", "its", "his", "her"):
            return "", None
        j = end + 2
        while j < len(doc) and j - end <= 6 and (doc[j].lower_ in gaz.title_heads or doc[j].lower_ in gaz.title_modifiers
                                                 or gaz.lookup(doc[j].text) is not None):
            j += 1
        if j == end + 2 or (j < len(doc) and doc[j].text not in (",", ".", ";", ")")):
            return "", None
        role, country, _ = self.title_before(j)
        return role, country

    def title_taken(self, ent: Span) -> tuple[str, str | None]:
        """ "Prabowo Subianto was sworn in as Indonesia's president", "Keir Starmer, who became prime minister":
        the office a verb of taking one gives its subject (so "the new president" later is that person)."""
        root = ent.root
        verbs = [root.head] if root.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in root.children if c.dep_ == "relcl" and any(g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass")
                                                                        for g in c.children)]
        for verb in verbs:
            if verb.lemma_.lower() not in _OFFICE_TAKING:
                continue
            for c in verb.children:
                noun = c if c.dep_ in ("attr", "oprd") else next(
                    (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "as" else None
                if noun is not None and noun.lower_ in self.gaz.title_heads:
                    role, country, _ = self.title_before(noun.i + 1)
                    return role, country
        return "", None

    def role_references(self, taken: set[int]) -> list[tuple[int, int, str]]:
        """'the Turkish president' -> the person earlier given that country and role."""
        people = [c for c in self.clusters.values() if c.type == "PERSON" and c.roles]
        return role_references(self.doc, self.gaz, people, self.title_before, taken)

def extract_actors(doc: Doc, published: dt.date | None = None) -> list[Actor]:
    gaz = gazetteer()
    r = _Resolver(doc, gaz)
    all_ents = doc.ents  # built from the tokens on each access: read once
    ents = people_named_with_honorific(doc, [e for e in all_ents if e.label_ in ACTOR_TYPES or e.kb_id_.startswith("govt:")])
    r.people(ents)
    r.assign_roles(ents)
    r.assign_offices(published)
    governments: list[Span] = []
    for ent in ents:
        kb = ent.kb_id_
        if ent.label_ == "PERSON":
            continue
        if kb.startswith("govt:"):
            governments.append(ent)
            continue
        if kb:
            place = gaz.places.get(kb)
            if place is None:
                continue
            form = gaz.lookup(_strip_article(_clean(ent.text)))
            if form is not None and form.kind == "capital" and kb.startswith("country:") and _used_as_place(ent):
                # "talks in Riyadh", "flew to Aleppo": the city itself, linked to its country;
                # "Moscow insisted" stays Russia's government
                name = _strip_article(_clean(ent.text))
                c = r.cluster(f"city:{fold(name)}", "GPE", name)
                c.country_key = kb
                r.add(c, ent.start_char, ent.end_char)
                continue
            seat = gaz.seats.get(_strip_article(_clean(ent.text)), "")
            if seat and any(e.kb_id_ == seat for e in ents):  # "Brussels says" beside the EU: the EU
                kb, place = seat, gaz.places[seat]
            c = r.cluster(kb, "GPE" if kb.startswith("country:") else place.label, place.name)
        elif (person := person_of_surname(r, ent)) is not None:
            c = person  # "Argentina's Milei wins" typed a place, beside "Javier Milei" in the text
        else:
            c = r.cluster(f"{ent.label_}:{fold(_strip_article(_clean(ent.text)))}", ent.label_)
            if ent.label_ == "ORG" and _genitive_name(ent):
                c.name = f"{_strip_article(_clean(ent.text))}'s"  # "Moody's downgraded": the name is "Moody's"
        r.add(c, ent.start_char, ent.end_char)
    for ent in governments:
        surname = fold(ent.kb_id_.removeprefix("govt:"))
        person = next((c for c in r.clusters.values() if c.type == "PERSON" and c.name_tokens[-1:] == (surname,)), None)
        if person is not None and person.country_key:
            place = gaz.places[person.country_key]
            c = r.cluster(person.country_key, "GPE", place.name)
        else:
            label = f"{ent.kb_id_.removeprefix('govt:')} {ent.text}"
            c = r.cluster(f"ORG:{fold(label)}", "ORG", label)
        # the mention is the government word alone ("Trump" in "the Trump Administration" stays the
        # person's), and the alias is what is highlighted, so the window and the report agree
        r.add(c, ent.start_char, ent.end_char)
    taken = {i for e in all_ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    references = [(doc[first:end], key) for first, end, key in r.role_references(taken)]
    if references:
        # a role reference replaces what the model made of those words ("Turkish" as Turkey); one
        # pass over the mentions, with the references' spans in order
        spans = sorted((span.start_char, span.end_char) for span, _ in references)
        starts = [a for a, _ in spans]
        for c in r.clusters.values():
            c.mentions = [m for m in c.mentions if not _overlaps_any(m.start, m.end, starts, spans)]
        for span, key in references:
            r.add(r.clusters[key], span.start_char, span.end_char)
    _aliases(doc, all_ents, r, gaz)
    _merge_short_organisation_names(r)
    _broadcasters_services(r)
    link(doc, r, gaz)
    actors = _build(r, gaz)
    describe_people(actors, published)
    return actors


_NAME_GLUE = frozenset({"of", "the", "and", "for", "&", "de"})
#: Prepositions before a city that make it the place of something, not a government that acts.
_PLACE_PREPS = frozenset({"in", "at", "to", "from", "near", "outside", "into", "across", "through", "around", "toward",
                          "towards", "via", "within", "inside", "throughout", "between", "off", "beyond"})


_PEER_TITLES = frozenset(fold(t) for t in PEERAGE)
#: Nouns whose "of X" is the city X, not its country's government ("the Mayor of London").
_CITY_PARTS = frozenset({"city", "capital", "town", "streets", "centre", "center", "outskirts", "suburbs", "heart",
                         "mayor", "mayors", "council", "people", "residents", "citizens", "bishop", "university",
                         "port", "district", "districts", "area", "areas", "part", "parts", "north", "south",
                         "east", "west", "east end", "police", "markets", "museum", "museums"})


def _used_as_place(ent: Span) -> bool:
    """A capital named as a location: after a preposition of place, in "the city of X", or as a
    modifier ("London-based", "the Riyadh talks")."""
    root = ent.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ in _PLACE_PREPS:
            return True
        if prep.lower_ == "of" and prep.head.lower_ in _CITY_PARTS:
            return True
    if root.dep_ in ("compound", "amod", "npadvmod") and root.head.pos_ in ("NOUN", "ADJ", "VERB"):
        return True
    end = ent.end
    return end < len(ent.doc) and ent.doc[end].text in ("-",) and end + 1 < len(ent.doc) and ent.doc[end + 1].lower_ == "based"


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w and w.lower() not in _NAME_GLUE and w[0].isalpha()).upper()


def _overlaps_any(start: int, end: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping each other)."""
    k = bisect_left(starts, end)
    return k > 0 and spans[k - 1][1] > start


def _merge_short_organisation_names(r: _Resolver) -> None:
    """'Apple' after 'Apple Computer', 'IMF' after 'International Monetary Fund', 'the Commission' after the
    gazetteer's 'European Commission' (its last word, when only one named organisation ends so): one organisation."""
    orgs = [c for c in r.clusters.values() if c.type == "ORG" and c.key.startswith("ORG:") and c.mentions]
    # the longer names by first word, by initials and (known ones) by last word, so that a long text is not quadratic
    by_word: dict[str, list[_Cluster]] = {}
    for c in [*orgs, *(c for c in r.clusters.values() if c.type == "ORG" and c.key.startswith("org:") and c.mentions)]:
        for f in c.forms:
            if " " in f:
                by_word.setdefault(f.split()[0] if c.key.startswith("ORG:") else "\1" + f.split()[-1], []).append(c)
                by_word.setdefault("\0" + _initials(f), []).append(c)
    for short in orgs:
        form = _strip_article(_clean(short.mentions[0].text))
        if " " in form:
            continue
        pool = by_word.get(form, []) + by_word.get("\1" + form, []) + (
            by_word.get("\0" + form, []) if form.isupper() and len(form) > 1 else [])
        longer = [c for c in pool if c is not short and c.mentions]
        if len({c.key for c in longer}) != 1:
            continue
        merge_into(r, longer[0], short)


def _broadcasters_services(r: _Resolver) -> None:
    """ "told BBC Radio 4", "BBC News political editor", "shown on BBC One": a broadcaster's channels
    and services, named by the broadcaster's name and more words, are the broadcaster (a medium the
    field's dictionary lists as media; "UN Security Council" is not the UN)."""
    by_head: dict[str, list[_Cluster]] = {}
    for c in r.clusters.values():
        if c.type != "ORG" or not c.mentions:
            continue
        form = _strip_article(_clean(c.mentions[0].text))
        by_head.setdefault(form.split()[0] if form else "", []).append(c)
    for head, group in by_head.items():
        if len(group) < 2 or "media" not in figures().organisation_types(head):
            continue
        keep = next((c for c in group if _strip_article(_clean(c.mentions[0].text)) == head), group[0])
        for other in group:
            if other is not keep:
                merge_into(r, keep, other)


def _aliases(doc: Doc, all_ents: Sequence[Span], r: _Resolver, gaz: Gazetteer) -> None:
    """'Mahmoud Abbas, also known as Abu Mazen': the second name is an alias of the first."""
    ents = [e for e in all_ents if e.label_ == "PERSON"]
    by_start = {e.start: e for e in ents}
    first_words = {cue[0] for cue in gaz.alias_cues if cue}
    for ent in ents:
        i = ent.end
        if i < len(doc) and doc[i].text in (",", "("):
            i += 1
        if i >= len(doc) or doc[i].lower_ not in first_words:
            continue  # no cue starts here (most names)
        for cue in gaz.alias_cues:
            words = tuple(t.lower_ for t in doc[i : i + len(cue)])
            if words != cue:
                continue
            j = i + len(cue)
            alias = by_start.get(j)
            if alias is None:
                end = j
                while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
                    end += 1
                if end == j:
                    break
                alias = doc[j:end]
            owner_key = r.person_of_mention.get(ent.start)
            alias_key = r.person_of_mention.get(alias.start)
            if owner_key is None:
                break
            owner = r.clusters[owner_key]
            if alias_key and alias_key != owner_key:
                merged = r.clusters.pop(alias_key)
                owner.mentions.extend(merged.mentions)
                owner.forms.update(merged.forms)
                for k, v in list(r.person_of_mention.items()):
                    if v == alias_key:
                        r.person_of_mention[k] = owner_key
            elif alias_key is None:  # ("Mohamed Dagalo, known as Hemedti": the model may type the alias a place)
                for key in [k for k, c in r.clusters.items() if c.type != "PERSON" and c.mentions and ":" in k
                            and k.split(":")[0] in ("GPE", "LOC", "NORP") and {m.text for m in c.mentions} == {alias.text}]:
                    owner.mentions.extend(r.clusters.pop(key).mentions)
                if not any(m.start == alias.start_char for m in owner.mentions):
                    r.add(owner, alias.start_char, alias.end_char)
            owner.forms[alias.text] = max(owner.forms[alias.text], 1)
            owner.alias_forms.add(alias.text)
            break


def _genitive_name(ent: Span) -> bool:
    """ "Moody's downgraded", "by Sainsbury's": a name written as a genitive (the model ends it before "'s") that owns
    nothing: its verb follows, or it ends a subject or phrase; not "Hamas's leader", "as the Treasury's and"."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text not in ("'s", "’s") or ent.root.dep_ == "poss":
        return False
    after = doc[ent.end + 1]
    if after.pos_ == "AUX" or after.tag_ in ("VBD", "VBZ", "VBP", "MD") or after.tag_ == "VBN" and ent.root.dep_ == "nsubj":
        return True
    return ent.root.dep_ in ("nsubj", "nsubjpass", "pobj") and after.pos_ in ("ADP", "PUNCT") and after.text not in ("'", "’")


def _display_name(c: _Cluster) -> str:
    if c.name:
        return c.name
    forms = [f for f, n in c.forms.items() if f and n > 0 and f not in c.alias_forms]
    if c.type == "PERSON":
        # a role reference ("Turkish president") is not a name
        forms = [f for f in forms if f[:1].isupper() and f.split()[-1].lower() not in gazetteer().title_heads] or forms
    if not forms:
        return c.mentions[0].text if c.mentions else "?"
    if c.type == "PERSON":
        # the fullest form; between spellings of equal length, the one with accents
        fullest: str = max(forms, key=lambda f: (len(f.split()), sum(ord(ch) > 127 for ch in f), c.forms[f], len(f)))
        return fullest
    # an organisation's spelled-out name beats its acronym ("International Monetary Fund", not "IMF")
    spelled_out: str = max(forms, key=lambda f: (c.type == "ORG" and " " in f, c.forms[f], len(f)))
    return spelled_out


def _build(r: _Resolver, gaz: Gazetteer) -> list[Actor]:
    clusters = [c for c in r.clusters.values() if c.mentions]
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.mentions[0].start)
    ids = {c.key: f"A{i + 1}" for i, c in enumerate(clusters)}
    actors = []
    for c in clusters:
        name = _display_name(c)
        aliases = sorted({f for f, n in c.forms.items() if f and f != name and n > 0}, key=lambda f: (-c.forms[f], f))
        country = ids.get(c.country_key) if c.country_key else None
        roles = list(c.roles)
        if c.country_key and roles and c.country_key in gaz.places:
            roles = [f"{role} ({gaz.places[c.country_key].name})" for role in roles]
        actors.append(
            Actor(id=ids[c.key], name=name, type=c.type, aliases=aliases, mentions=c.mentions, roles=roles, country=country)
        )
    return actors


def actor_index(actors: list[Actor]) -> dict[int, str]:
    """Map every character offset inside a mention to its actor id (for events and the window)."""
    index: dict[int, str] = {}
    for actor in actors:
        for m in actor.mentions:
            for i in range(m.start, m.end):
                index[i] = actor.id
    return index

