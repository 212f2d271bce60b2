"""Which body an office after "of the", or a party before it, belongs to, for role references.

"Last month the chairman of the Commission for Racial Equality called for quotas" is not the
"Labour party chairman Ian McCartney" the report named before; "the leader of the British National
Party" is the "BNP leader Nick Griffin" of the headline. A role reference with a named body after
"of the" resolves only to a person whose own title, in the few words before a mention of them,
names that body by a word of its name or its initials; "the Lib Dem spokesman" only to a person
titled with "Lib Dem" (not the Tory spokesman).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from reader.model import Mention
from reader.nlp.gazetteer import Gazetteer

#: How many words before a name its title may take ("Labour party chairman Ian McCartney").
TITLE_WINDOW = 4
_LINKS = frozenset({"of", "for", "and", "on", "the", "&"})


def body_after_of(doc: Doc, j: int) -> list[Token] | None:
    """The capitalised words of the body named at `j`, right after "of the" ("Commission for Racial
    Equality"); None when no such body is named there or it is a place ("the president of the United
    States" is the country's)."""
    if j < 1 or j + 1 >= len(doc) or doc[j - 1].lower_ != "of" or doc[j].lower_ != "the":
        return None
    first = doc[j + 1]
    if not first.is_title or first.ent_type_ == "GPE":
        return None
    words = []
    for tok in doc[j + 1 : j + 9]:
        if tok.is_title or tok.is_upper and tok.is_alpha:
            words.append(tok)
        elif tok.lower_ not in _LINKS:
            break
    return words


def titled_by(doc: Doc, mentions: Iterable[Mention], body: list[Token] | None, gaz: Gazetteer | None = None,
              roles: Iterable[str] = ()) -> bool:
    """Whether a mention of a person has a word of `body`'s name, or its initials, in the title before it
    (True when no body is named), or the person holds an office of that body ("the Lib Dem leader")."""
    if body is None:
        return True
    if gaz is not None and (known := gaz.lookup(" ".join(t.text for t in body))) is not None \
            and holds_office_of(gaz, roles, known.place.key):
        return True
    names = {t.text for t in body}
    initials = "".join(t.text[0] for t in body if t.lower_ not in _LINKS)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        title = {t.text for t in doc[max(0, span.start - TITLE_WINDOW) : span.start]}
        if title & names or len(initials) > 1 and initials in title:
            return True
    return False


def holds_office_of(gaz: Gazetteer, roles: Iterable[str], key: str) -> bool:
    """Whether one of a person's offices is that of the body `key` names: Tony Blair, a British prime
    minister, is also "the Labour leader" in 2005 (from the table of office holders)."""
    body = gaz.places.get(key)
    return body is not None and any(body.name.lower() in role.lower() for role in roles)


#: Title words of someone who no longer holds the office.
PAST_HOLDER = frozenset({"former", "late"})


def body_before(doc: Doc, first: int) -> int:
    """Where "the" + up to two capitalised words before a title start ("the *Lib Dem* spokesman"), or
    `first` when the title has no such words before it."""
    k = first
    while k > first - 2 and k > 1 and doc[k - 1].is_title and doc[k - 1].is_alpha and doc[k - 1].lower_ != "the":
        k -= 1
    return k if k < first and doc[k - 1].lower_ == "the" else first
