"""Forms of one organisation or place that the model keeps apart, joined by what the document shows.

- an acronym is the long form whose initials it spells ("PA" = Palestinian Authority, "DFA" =
  Philippine Department of Foreign Affairs, "JNIM" = Jama'at Nusrat al-Islam wal-Muslimin), or the
  name it follows in brackets ("... Intolerance (ECRI)"); once defined, every later use of it is a
  mention, even where the model did not tag it;
- word order does not make another body: "Ministry of Defence" is the "Defence Ministry";
- a short name is the one longer name it ends ("the Lords" = House of Lords) or starts;
- a name without its country is the one body of that name with it ("the Ministry of Defense"
  after "the Russian Ministry of Defense");
- one name is one actor whatever type the model gave each mention ("the Sierra Madre" tagged once
  as a facility and once as an organisation).

Everything works from the document itself: nothing here names a body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING, Any

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from reader.model import Mention
from reader.nlp.doc_text import indices_where
from reader.nlp.events.clause_shapes import other_arguments
from reader.nlp.gazetteer import Gazetteer, fold

if TYPE_CHECKING:
    from reader.nlp.actors import _Cluster, _Resolver

#: Words an acronym skips ("Commission against Racism and Intolerance" is ECRI's "C, R, I").
GLUE = frozenset({"of", "the", "and", "for", "&", "de", "against", "on", "in", "to", "du", "des", "la", "le", "y"})
#: Prefixes joined to a word whose initial the acronym takes from after the hyphen ("al-Islam" -> I).
_ARTICLE_PREFIX = re.compile(r"^(?:(?:al|el|wal|ul|an|ad|as|ash|at|az|ar)-|[ld]')", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+]{1,6}$")
_REORDER = re.compile(
    r"^(?P<pre>(?:\S+ )*?)(?P<head>ministry|department|office|minister|secretary|commission|committee) of (?P<what>.+)$")
_NON_PERSON = ("ORG", "GPE", "LOC", "FAC", "NORP")


def link(doc: Doc, r: _Resolver, gaz: Gazetteer) -> None:
    """Merge the clusters of `r` that are one body or place (see the module docstring)."""
    _merge_same_names(r, gaz)
    _the_government(doc, r)
    _untagged_uses(doc, r)
    _acronyms(doc, r, gaz)
    _place_aliases(doc, r)


#: an abbreviation written with dots ("u.s.", "u.n.", "e.u.")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def normal_name(form: str, gaz: Gazetteer) -> str:
    """'the Ministry of Defense' -> 'defense ministry': case, articles, word order and the dots of an
    abbreviation ("U.S. State Department" = "US State Department") aside."""
    text = fold(form).strip()
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = text.removeprefix("the ")
    m = _REORDER.match(text)
    if m:
        text = f"{m['pre']}{m['what']} {m['head']}"
    return " ".join(text.split())


def _without_country(name: str, gaz: Gazetteer) -> str | None:
    """'russian defense ministry' -> 'defense ministry' when the first word is a country or demonym;
    'reserve bank of australia' -> 'reserve bank' when the name ends "of" a country."""
    first, _, rest = name.partition(" ")
    if not rest:
        return None
    form = gaz.lookup(first.capitalize()) or gaz.lookup(first.upper())
    if form is not None and form.place.key.startswith("country:"):
        return rest
    head, sep, last = name.rpartition(" of ")
    if sep and " " in head and " " not in last:
        form = gaz.lookup(last.capitalize()) or gaz.lookup(last.upper())
        if form is not None and form.place.key.startswith("country:"):
            return head
    return None


def merge_into(r: _Resolver, keep: _Cluster, other: _Cluster) -> None:
    """Move `other`'s mentions and forms into `keep` (the one actor both are)."""
    keep.mentions.extend(other.mentions)
    keep.forms.update(other.forms)
    keep.alias_forms |= other.alias_forms
    other.mentions = []
    other.forms = Counter()


def _unique(clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters in order, each once (a cluster is a mutable record: compared by identity)."""
    seen: set[int] = set()
    unique = []
    for c in clusters:
        if id(c) not in seen:
            seen.add(id(c))
            unique.append(c)
    return unique


def _live(r: _Resolver) -> list[_Cluster]:
    return [c for c in r.clusters.values() if c.mentions and c.type in _NON_PERSON]


def _merge_same_names(r: _Resolver, gaz: Gazetteer) -> None:
    # a name the model called a person here and a group or place there ("Tuareg", "Lib Dems") is
    # one actor: the person reading loses unless it has more mentions or a full name
    people: dict[str, _Cluster] = {}
    for c in r.clusters.values():
        if c.type == "PERSON" and c.mentions and not c.roles:
            forms = {fold(f) for f, n in c.forms.items() if n > 0}
            if len(forms) == 1:
                people.setdefault(next(iter(forms)), c)
    for c in _live(r):
        names = {fold(f) for f, n in c.forms.items() if n > 0}
        for name in names & set(people):
            person = people.pop(name)
            if len(person.mentions) <= len(c.mentions) or " " in name:
                merge_into(r, c, person)
    # and a full name the model tagged just once as an organisation ("Camilla Parker Bowles are
    # awaiting") beside a person named more often is that person (a company the model reads as a
    # person now and then, "Northrop Grumman", keeps its organisation reading)
    full_names: dict[str, _Cluster] = {}
    for c in r.clusters.values():
        if c.type == "PERSON" and c.mentions:
            for form, n in c.forms.items():
                if n > 0 and " " in form:
                    full_names.setdefault(fold(form), c)
    for c in _live(r):
        names = {fold(f) for f, n in c.forms.items() if n > 0}
        owner = full_names.get(next(iter(names))) if len(names) == 1 else None
        if owner is not None and not c.key.startswith(("country:", "org:")) and len(c.mentions) == 1 < len(owner.mentions):
            merge_into(r, owner, c)
    clusters = _live(r)
    by_name: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for form, n in c.forms.items():
            if n > 0 and form:
                by_name.setdefault(normal_name(form, gaz), []).append(c)
    # one name, one actor: the same words in any order of "X Ministry"/"Ministry of X", any type
    for group in by_name.values():
        live = [c for c in _unique(group) if c.mentions]
        if len(live) < 2 or len({c.key.split(":")[0] for c in live if c.key.startswith(("country:", "org:"))}) > 1:
            continue
        keep = max(live, key=lambda c: (c.key.startswith(("country:", "org:", "region:", "territory:")), len(c.mentions)))
        for other in live:
            if other is not keep and not other.key.startswith(("country:", "org:")):
                merge_into(r, keep, other)
    # "the Ministry of Defense" after "the Russian Ministry of Defense": the one body of that name
    clusters = _live(r)
    names_of = {c.key: {normal_name(f, gaz) for f, n in c.forms.items() if n > 0 and f} for c in clusters}
    with_country: dict[str, list[_Cluster]] = {}
    plain: dict[str, list[_Cluster]] = {}
    ends_with: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for name in names_of[c.key]:
            stripped = _without_country(name, gaz)
            if stripped is not None:
                with_country.setdefault(stripped, []).append(c)
            plain.setdefault(name, []).append(c)
            head, sep, last = name.rpartition(" of ")
            if sep and head.split()[-1:] in (["house"], ["chamber"]) and " " not in last:
                ends_with.setdefault(last, []).append(c)  # "the Lords" of "House of Lords", not "RAI"
    for stripped, owners in with_country.items():
        owners = _unique(owners)
        shorts = [o for o in _unique(plain.get(stripped, [])) if all(o is not w for w in owners) and not o.key.startswith(("country:", "org:"))]
        if len(owners) == 1 and len(shorts) == 1 and owners[0].mentions and shorts[0].mentions:
            merge_into(r, owners[0], shorts[0])
    # "the Lords" is the one "House of Lords": a one-word name that ends one house's name
    for short_c in _live(r):
        short_forms = [n for n in names_of.get(short_c.key, ()) if n]
        if len(short_forms) != 1 or " " in short_forms[0] or short_c.key.startswith(("country:", "org:")):
            continue
        longer = [c for c in _unique(ends_with.get(short_forms[0], [])) if c is not short_c and c.mentions]
        if len(longer) == 1:
            merge_into(r, longer[0], short_c)


def initials(name: str) -> str:
    """'Palestinian Authority' -> 'PA'; 'US Trade Representative' -> 'USTR' (an acronym keeps its letters);
    "Jama'at Nusrat al-Islam wal-Muslimin" -> 'JNIM'."""
    out = []
    for word in name.replace("’", "'").split():
        if word.lower() in GLUE:
            continue
        word = _ARTICLE_PREFIX.sub("", word)
        if not word[:1].isalpha():
            continue
        if word.isupper() and len(word) <= 4:
            out.append(word)  # "US" in "US Trade Representative"
        else:
            out.append(word[0].upper())
    return "".join(out)


_NAME_WORD = re.compile(r"[A-Z][\w'’.]*(?:-[\w'’]+)*|[a-z]{1,4}")


def _claim(r: _Resolver, c: Any, start: int, end: int, text: str) -> None:
    """Make [start, end) a mention of cluster `c` alone: no other actor keeps a mention overlapping it."""
    for other in r.clusters.values():
        other.mentions = [x for x in other.mentions if not (x.start < end and start < x.end)]
    c.mentions.append(Mention(start, end, text))
    c.forms[text] += 1


def _spelled_before(r: _Resolver, c: Any, m: Mention, text: str) -> None:
    """Give cluster `c` the name before its bracketed acronym `m` when the name's initials (hyphenated
    parts and capitalised words, small words aside) spell it and no single actor holds the name yet."""
    bracket = text.rfind("(", 0, m.start)
    window = text[max(0, bracket - 80) : bracket]
    words = list(_NAME_WORD.finditer(window))
    for k in range(len(words) - 1, -1, -1):
        first = words[k]
        if not first.group()[0].isupper():
            continue
        between = window[first.start() : words[-1].end()]
        if not re.fullmatch(r"[\w'’.\- ]+", between):
            return  # a comma or another bracket: no longer one name
        letters = "".join(part[0].upper() for word in between.split() for part in word.split("-")
                          if part[:1].isupper() or (part[:1].isalpha() and len(part) > 4))
        if letters == m.text:
            start = bracket - len(window) + first.start()
            end = start + len(between)
            if not any(x.start <= start and end <= x.end for o in r.clusters.values() for x in o.mentions):
                _claim(r, c, start, end, between)  # unless it is one actor's name already
            return
        if len(letters) > len(m.text):
            return


def _bracketed_initials(text: str, m: Mention) -> bool:
    """Whether the mention is followed by its own initials in brackets: "Hayat Tahrir al-Sham (HTS)"."""
    hit = re.match(r"\s*\((?P<acr>[A-Z][A-Z0-9&+]{1,6})\)", text[m.end : m.end + 12])
    return hit is not None and " " in m.text and initials(m.text) == hit["acr"]


def _acronyms(doc: Doc, r: _Resolver, gaz: Gazetteer) -> None:
    clusters = _live(r)
    spelled: dict[str, set[str]] = {}
    for c in clusters:
        for form, n in c.forms.items():
            if n <= 0 or " " not in form:
                continue
            for name in (form, " ".join(form.split()[1:])):
                key = initials(name)
                if len(key) >= 2:
                    spelled.setdefault(key, set()).add(c.key)
    text = r.text
    # "Hayat Tahrir al-Sham (HTS)": a name the model took for a person's whose initials the brackets
    # after it spell is a body's (no person is written with the letters of their name after it)
    for c in r.clusters.values():
        if c.type == "PERSON" and any(_bracketed_initials(text, m) for m in c.mentions):
            c.type = "ORG"
            clusters.append(c)
    # "Commission against Racism and Intolerance (ECRI)": the bracketed letters name what precedes them
    for c in clusters:
        for m in list(c.mentions):
            after = text[m.end : m.end + 12]
            hit = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&+]{1,7})\)", after)
            if hit and _ACRONYM.match(hit["acr"].upper()):
                spelled[hit["acr"]] = {c.key}
    # "the opposition Pakistan Tehreek-e-Insaf (PTI)": the words the model left untagged before the
    # bracketed letters, when their initials spell them, are the organisation's name
    for c in clusters:
        for m in list(c.mentions):
            if _ACRONYM.match(m.text) and text[max(0, m.start - 2) : m.start].endswith("("):
                _spelled_before(r, c, m, text)
    # "JNIM (Jama'at Nusrat al-Islam wal-Muslimin)": the brackets spell out the acronym before them
    for c in clusters:
        for m in list(c.mentions):
            if not _ACRONYM.match(m.text):
                continue
            hit = re.match(r"\s*\((?P<long>[^()]{4,80})\)", text[m.end : m.end + 90])
            if hit and initials(hit["long"]) == m.text:
                _claim(r, c, m.end + hit.start("long"), m.end + hit.end("long"), hit["long"])
                spelled[m.text] = {c.key}
    if not spelled:
        return
    # acronyms the model tagged as actors of their own (even as a person: "the CATA")
    for c in [*clusters, *(p for p in r.clusters.values() if p.type == "PERSON" and p.mentions)]:
        if not c.mentions or c.key.startswith(("country:", "org:")):
            continue
        forms = {f for f, n in c.forms.items() if n > 0}
        acr = next((f for f in forms if _ACRONYM.match(f)), None)
        targets = spelled.get(acr or "", set()) - {c.key}
        if len(targets) == 1 and len(forms) == 1:
            merge_into(r, r.clusters[next(iter(targets))], c)
    # and every use of a known acronym the model did not tag
    covered = sorted((m.start, m.end) for c in r.clusters.values() for m in c.mentions)
    starts = [a for a, _ in covered]
    for i in indices_where(doc, ORTH, spelled):
        tok = doc[i]
        owners = spelled.get(tok.text)
        if not owners or len(owners) != 1 or not tok.is_upper:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        k = bisect_right(starts, start)
        if (k and covered[k - 1][1] > start) or (k < len(covered) and covered[k][0] < end):
            continue
        target = r.clusters.get(next(iter(owners)))
        if target is not None and target.mentions:
            target.mentions.append(Mention(start, end, tok.text))
            target.forms[tok.text] += 1


#: Nouns for a place that the text may go on to name ("the reef, known as ...").
FEATURE_NOUNS = frozenset({
    "reef", "shoal", "island", "islands", "atoll", "river", "strait", "bay", "gulf", "peninsula", "region", "province",
    "town", "city", "village", "enclave", "territory", "area", "mountain", "valley", "lake", "sea", "base", "airport",
    "port", "border", "crossing", "camp", "district", "ship", "vessel", "outpost",
})
_KNOWN_AS = re.compile(r"^,?\s*(?:which is |also |better |widely |popularly )?(?:known|referred to|called)\s+as\s+|^,?\s*called\s+")


MARITIME = frozenset({"reef", "shoal", "atoll", "cay", "bank", "rock", "rocks", "shoals", "reefs"})
_KINDS = (MARITIME, frozenset({"island", "isle", "islet"}), frozenset({"town", "city", "village"}),
          frozenset({"river", "canal"}), frozenset({"mountain", "peak", "hill"}))


def _kind(word: str) -> frozenset[str]:
    return next((k for k in _KINDS if word in k), frozenset({word}))


def _place_aliases(doc: Doc, r: _Resolver) -> None:
    """'the reef, known as Ayungin Shoal in the Philippines and Ren'ai Jiao in China': the names
    that follow are the place named before (the last reef-like place, "Second Thomas Shoal"),
    not new places."""
    mentions = sorted(((m.start, m.end, c) for c in r.clusters.values() if c.mentions for m in c.mentions),
                      key=lambda x: x[0])
    starts = [m[0] for m in mentions]
    text = r.text
    for i in indices_where(doc, LOWER, FEATURE_NOUNS):
        tok = doc[i]
        if not any(ch.lower_ == "the" for ch in tok.children):
            continue
        after = text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 40]
        cue = _KNOWN_AS.match(after)
        if cue is None:
            continue
        k = bisect_right(starts, tok.idx)
        before = [c for _, _, c in mentions[max(0, k - 40) : k]
                  if c.type in ("LOC", "FAC", "GPE") and not c.key.startswith("country:")]
        if not before:
            continue
        kind = _kind(tok.lower_)
        alike = [c for c in before if c.name_tokens[-1:] and c.name_tokens[-1] in kind
                 or any(f.split()[-1].lower() in kind for f in c.forms if f)]
        referent = (alike or before)[-1]
        pos = tok.idx + len(tok.text) + cue.end()
        limit = text.find(".", pos)
        limit = len(text) if limit < 0 else limit
        for start, end, other in mentions[bisect_right(starts, pos - 1) :]:
            if start >= limit:
                break
            gap = text[pos:start]
            if gap.strip(" ,") and not re.fullmatch(r"[\s,]*(?:(?:in|by|for|to)\s[^,]*?)?(?:,?\s*(?:and|or)\s+)?", gap):
                break
            pos = end
            if other is referent or other.key.startswith("country:"):
                continue
            if other.type in ("LOC", "FAC", "GPE", "PERSON", "ORG") and other.mentions:
                merge_into(r, referent, other)


def _untagged_uses(doc: Doc, r: _Resolver) -> None:
    """A name the document gave an actor is that actor wherever else it is written: the model
    tags "the Lords" once and misses it the next time."""
    first_words: dict[str, list[tuple[tuple[str, ...], _Cluster]]] = {}
    for c in r.clusters.values():
        if not c.mentions or c.type not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        for form, n in c.forms.items():
            words = tuple(form.split())
            if n <= 0 or not words or not all(w[:1].isupper() or w in GLUE for w in words):
                continue
            if len(words) == 1 and (len(form) < 4 or not form[:1].isupper()):
                continue  # "US", "EU" are the gazetteer's; short single words are too ambiguous
            first_words.setdefault(words[0], []).append((words, c))
    if not first_words:
        return
    covered = sorted((m.start, m.end) for c in r.clusters.values() for m in c.mentions)
    starts = [a for a, _ in covered]
    for i in indices_where(doc, ORTH, first_words):
        tok = doc[i]
        options = first_words[tok.text]
        if tok.is_sent_start and len(options[0][0]) == 1:
            continue  # a capital at the start of a sentence says nothing
        for words, c in sorted(options, key=lambda o: -len(o[0])):
            span = doc[tok.i : tok.i + len(words)]
            if tuple(t.text for t in span) != words:
                continue
            start, end = span.start_char, span.end_char
            k = bisect_right(starts, start)
            if (k and covered[k - 1][1] > start) or (k < len(covered) and covered[k][0] < end):
                break
            c.mentions.append(Mention(start, end, span.text))
            c.forms[span.text] += 1
            break


def _the_government(doc: Doc, r: _Resolver) -> None:
    """'The government's response was to pass a decree': in a briefing about one country, "the
    government" (or "government" before a noun: "government legislation") with no other country
    named with it is that country's. A country is the
    briefing's when it is named at least three times and twice as often as any other, or when its
    government is the one the text names ("the UK government")."""
    countries = [c for c in r.clusters.values() if c.key.startswith("country:") and c.mentions]
    counts = sorted(((len(c.mentions), c) for c in countries), key=lambda x: -x[0])
    dominant = None
    if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        dominant = counts[0][1]
    named = _named_governments(doc, countries)
    # "The UK government is planning to return children to Albania ... the government said": a
    # government the text names is the one meant, whichever country is named most; of several,
    # the most named country's if it is one of them, else the first named (the briefing's own)
    after = -1
    if named and (dominant is None or dominant not in [c for _, c in named]):
        # a government named later in the text is not the one an earlier bare "the government" meant
        after, dominant = named[0]
    if dominant is None:
        return
    country = dominant
    own = [(m.start, m.end) for m in country.mentions]
    covered = sorted((m.start, m.end) for c in r.clusters.values() for m in c.mentions)
    starts = [a for a, _ in covered]
    for i in indices_where(doc, LOWER, ("government",)):
        tok = doc[i]
        # "government legislation", "government officials": the word as a modifier means the same
        modifier = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and not list(tok.children)
        if tok.ent_type_ or not (modifier or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)):
            continue
        if any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.lower_ != "the" for c in tok.children):
            continue  # "the Italian government", "the Meloni government" are named otherwise
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("members", "member"):
            continue
        if i < after or any(a <= t.idx < b for t in other_arguments(tok) for a, b in own):
            continue  # "The government offered the Indonesian government aid": two governments
        start, end = tok.idx, tok.idx + len(tok.text)
        k = bisect_right(starts, start)
        if (k and covered[k - 1][1] > start) or (k < len(covered) and covered[k][0] < end):
            continue
        country.mentions.append(Mention(start, end, tok.text))


def _named_governments(doc: Doc, countries: list[_Cluster]) -> list[tuple[int, _Cluster]]:
    """(token index, country) of each "UK government", "Italy's government", "government of Mali"."""
    by_start = {m.start: c for c in countries for m in c.mentions}
    out: list[tuple[int, _Cluster]] = []
    for i in indices_where(doc, LOWER, ("government",)):
        tok = doc[i]
        owners = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for owner in owners:
            cluster = by_start.get(owner.idx) or by_start.get(owner.left_edge.idx)
            if cluster is not None:
                out.append((i, cluster))
                break
    return out


def person_of_surname(r: _Resolver, ent: Span) -> _Cluster | None:
    """The one person whose surname a single word the model typed as a place (unknown to the gazetteer) is."""
    if ent.label_ not in ("GPE", "LOC", "NORP") or len(ent) != 1:
        return None
    word = fold(ent.text)
    found = [c for c in r.clusters.values() if c.type == "PERSON" and len(c.name_tokens) > 1 and c.name_tokens[-1] == word]
    return found[0] if len(found) == 1 else None
