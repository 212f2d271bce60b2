"""Parties counted as a group: "the two leaders", "the three countries", "both men" stand for the
ones named just before; "both sides" for the pair the text is about (`two_sides`).

"Mali, Burkina Faso and Niger left the bloc in January. The three countries signed a treaty in July":
the treaty's signers are the three named, and a row that leaves them out says nobody signed. The
count is the check: the sentence that names exactly that many actors of the noun's kind (or joins
that many with "and") is the one meant; a sentence that names more, with no such list, leaves the
group unresolved rather than guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from reader.model import Actor
from reader.nlp.doc_text import sentences_back
from reader.nlp.events.lexicon import Lexicon

#: Words that count the group, and how many they count.
_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
#: How many sentences back the named parties are looked for.
_SENTENCES_BACK = 3
#: The cue list of a noun's kind, and the actor types it may stand for.
_KINDS = (("counted_people_noun", ("PERSON",)), ("counted_country_noun", ("GPE", "NORP")), ("counted_body_noun", ("ORG",)))


class _Index(Protocol):
    doc: Doc
    lexicon: Lexicon

    def ids_at(self, i: int) -> list[str]: ...

    def type_of(self, actor_id: str) -> str | None: ...


class _SidesIndex(_Index, Protocol):
    by_id: dict[str, Actor]
    mention_ends: list[tuple[int, str]]
    split: dict[str, list[str]]
    pairs: list[tuple[int, list[str]]]
    gathering_parties: list[tuple[int, list[str]]]


def group_count(tok: Token) -> int:
    """How many "the two leaders" or "both countries" counts; 0 when the group is not counted or is
    not one named before ("two countries signed": two new ones)."""
    both = any(c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj", "amod") for c in tok.children)
    if both:
        return 2
    counted = [c for c in tok.children if c.dep_ == "nummod" and c.lower_ in _COUNTS]
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
    return _COUNTS[counted[0].lower_] if counted and definite and tok.tag_ in ("NNS", "NNPS") else 0


def counted_parties(index: _Index, tok: Token, pronoun_refs: Callable[[Token], list[str]]) -> list[str]:
    """The actors "the three countries" (a counted group noun) stands for, or none; `pronoun_refs`
    resolves a pronoun naming one of the people counted."""
    n = group_count(tok)
    if not n:
        return []
    low = tok.lower_
    types = next((t for cue, t in _KINDS if low in index.lexicon.cue(cue)), None)
    if types is None or (n == 2 and "GPE" in types):
        return []  # two countries are the pair `two_sides` finds ("Russian-Ukrainian talks ... the two sides")
    doc = index.doc
    sent = tok.sent
    spans = [doc[sent.start : tok.i]]
    while len(spans) <= _SENTENCES_BACK and spans[-1].start > 0:
        before = doc[spans[-1].start - 1].sent
        spans.append(before)
    for span in spans:
        found = _named_in(index, span, types, n, pronoun_refs)
        if found is not None:
            return found
    return []


def _named_in(index: _Index, span: Span, types: tuple[str, ...], n: int,
              pronoun_refs: Callable[[Token], list[str]]) -> list[str] | None:
    """The `n` actors of the types the span names, or those of a list of `n` joined by "and" in it;
    [] when it names more with no such list (the group is not resolved), None when it names fewer."""
    ids: list[str] = []
    lists: list[list[str]] = []
    for tok in span:
        refs = index.ids_at(tok.i)
        if not refs and "PERSON" in types and tok.lower_ in _PERSON_PRONOUNS and tok.dep_ in _ARGUMENTS:
            refs = pronoun_refs(tok)  # "she was confronted by a threat from Trump": two people
        mine = [a for a in refs if index.type_of(a) in types]
        ids.extend(a for a in mine if a not in ids)
        if mine and tok.dep_ != "conj" and any(c.dep_ == "conj" for c in tok.children):
            joined = [mine[0], *(a for c in tok.conjuncts for a in index.ids_at(c.i)[:1] if index.type_of(a) in types)]
            lists.append(list(dict.fromkeys(joined)))
    if len(ids) == n:
        return ids
    exact = [group for group in lists if len(group) == n]
    if exact:
        return exact[-1]
    return [] if len(ids) > n else None


def last_pair_named(index: _Index, tok: Token, types: tuple[str, ...]) -> list[str]:
    """The last two actors of the types named joined by "and" before `tok` ("Mexico and Canada")."""
    doc = index.doc
    for k in range(tok.i - 1, max(tok.i - 80, 0), -1):
        conj = doc[k]
        if conj.dep_ != "conj" or len(list(conj.head.conjuncts)) != 1:
            continue
        ids = [index.ids_at(t.i) for t in (conj.head, conj)]
        if all(len(x) == 1 and index.type_of(x[0]) in types for x in ids) and ids[0] != ids[1]:
            return [ids[0][0], ids[1][0]]
    return []


def two_sides(index: _SidesIndex, tok: Token, country_types: tuple[str, ...]) -> list[str]:
    """A pair named as one ("Russian-Ukrainian") just before; else the two most named countries, each
    named more than once."""
    for end, actor_id in reversed(index.mention_ends):
        if end < tok.i and actor_id in index.split and len(index.split[actor_id]) == 2 and tok.i - end < 80:
            return list(index.split[actor_id])
    for end, pair in reversed(index.pairs):
        if end < tok.i and tok.i - end < 80:
            return list(pair)
    for end, parties in reversed(index.gathering_parties):
        if end < tok.i and len(parties) == 2:
            return list(parties)
    if (met := _who_met(index, tok)) is not None:
        return met  # "X met Y in Beijing, and the two sides signed agreements"
    if any(c.lower_ in ("these", "those") for c in tok.children):
        pair = last_pair_named(index, tok, country_types)
        if pair:
            return pair  # "targeting Mexico and Canada ... paused tariffs on those two nations"
    counts: Counter[str] = Counter()
    for end, actor_id in index.mention_ends:
        if end >= tok.i:
            break
        actor = index.by_id.get(actor_id)
        if actor is None:
            continue
        for part in index.split.get(actor_id, [actor_id]):
            if index.type_of(part) in country_types:
                counts[part] += 1
    top = counts.most_common(3)
    if len(top) >= 2 and top[1][1] >= 2 and (len(top) == 2 or top[1][1] > top[2][1]):
        return [top[0][0], top[1][0]]  # (a place named once, "speaking in Burnley", is no side)
    return []


#: Verbs whose subject and object are the two sides of a meeting.
_MEETING_VERBS = frozenset({"meet", "host", "receive", "phone", "call"})


def _who_met(index: _Index, tok: Token) -> list[str] | None:
    """The one named subject and the one named object of a meeting verb in this sentence, before "the two
    sides", or in the sentence before: the sides of the meeting."""
    doc = index.doc
    start = sentences_back(tok, 1)
    for verb in reversed(doc[start : tok.i]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MEETING_VERBS:
            continue
        subject = {a for c in verb.children if c.dep_ == "nsubj" for a in index.ids_at(c.i)}
        met = {a for c in verb.children if c.dep_ == "dobj" for a in index.ids_at(c.i)}
        if len(subject) == 1 and len(met) == 1 and subject != met:
            return [*subject, *met]
    return None
