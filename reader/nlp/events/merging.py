"""One act, one row: a headline and the lead that report the same act, a statement its speaker
continues ("..., he said"), and a noun that names an act told before ("his resignation") become one
event with several source clauses; and the rows' order in the sidebar."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from reader.model import Event, SourceClause
from reader.nlp.doc_text import text_of
from reader.nlp.events.clause_shapes import act_before_or_after
from reader.nlp.events.event_clause import EventClause
from reader.nlp.events.reported import QUOTES
from reader.nlp.events.subjects import subject_tokens

#: the most words a first line may have to be a headline (as line_sentences reads one)
_HEADLINE_WORDS = 20


def merge_same_acts(doc: Doc, built: list[tuple[EventClause, Event]], framing: frozenset[str] = frozenset(),
                    country_of: Mapping[str, str] | None = None) -> list[Event]:
    """One act, one row: a headline and the lead that report the same act, a statement its speaker
    continues in the next sentences ("..., he said"), and a participle that frames or voices its
    clause's act (`framing` lemmas, or a speech verb) are one event with several sources."""
    built = _fold_participles(built, framing)
    built.sort(key=lambda pair: pair[1].start)
    text = text_of(doc)
    headline_end = text.find("\n")
    if len(text[:headline_end].split()) > _HEADLINE_WORDS:
        headline_end = -1  # "WASHINGTON (CNN) — The US Treasury said Monday ...": a lead paragraph, no headline
    # a headline act whose own verb comes back in the lead merges with that clause, not with an earlier
    # act of the same category ("Trump to make announcement" / "his tariffs" / "will make an announcement");
    # a saying ("..., secretary says") also with the same saying in the paragraph after the lead
    rows = {id(c): ev for c, ev in built}
    told_with: dict[int, set[str]] = {}
    for c, ev in built:
        if c.parent is not None and id(c.parent) in rows and act_before_or_after(c.head):
            told_with.setdefault(id(rows[id(c.parent)]), set()).update(ev.actors)
    where = _Lead(headline_end, _paragraph_end(text, headline_end, 1), _paragraph_end(text, headline_end, 2), text,
                  country_of or {}, told_with)
    same_verb: dict[int, int] = {}
    for hc, hev in built:
        if hev.start < headline_end:
            end = where.second_end if hc.match.entry.speech else where.first_end
            for lc, lev in built:
                if (headline_end < lev.start < end and lc.match.entry.lemma == hc.match.entry.lemma
                        and _shares_parties(hev, lev, where)):
                    same_verb[id(hev)] = id(lev)
                    break
    out: list[tuple[EventClause, Event]] = []
    for c, ev in built:
        found = _same_act_as(c, ev, out, where, same_verb)
        if found is None:
            out.append((c, ev))
            continue
        k, lead_wins = found
        old = out[k][1]
        keep, other = (ev, old) if lead_wins else (old, ev)
        _absorb(keep, other)
        if lead_wins:
            out[k] = (c, keep)
    return [ev for _, ev in _fold_act_nouns(out, headline_end)]


def _fold_act_nouns(built: list[tuple[EventClause, Event]], headline_end: int) -> list[tuple[EventClause, Event]]:
    """ "Mr Betts-Green resigned after being questioned. [...] Mr Betts-Green's resignation": a noun that
    names an act its doers were already told doing, further down the story, is that act told again (not
    an act done in words: "his statement", "her pledge" may be any of several; not on another day)."""
    out: list[tuple[EventClause, Event]] = []
    for c, ev in built:
        earlier = None
        if c.is_noun and ev.agents and ev.start > headline_end and ev.category not in _IN_WORDS:
            earlier = next((prev for pc, prev in out if headline_end < prev.start < ev.start and prev.category == ev.category
                            and set(prev.agents) == set(ev.agents)
                            and (None in (prev.date, ev.date) or prev.date == ev.date)
                            and (ev.category not in _REPEATED or set(ev.targets) <= set(prev.targets)
                                 and ev.date in (None, prev.date))), None)
        if earlier is None:
            out.append((c, ev))
        else:
            _absorb(earlier, ev)
    return out


def _fold_participles(built: list[tuple[EventClause, Event]], framing: frozenset[str]) -> list[tuple[EventClause, Event]]:
    """ "The Tories criticised the plan, *saying* it would fail", "Yudhoyono postponed the visit, *citing*
    the ban", "*Addressing* a conference, the bank chief said": the participle tells how or why its
    clause's doer acted, not a second act; it becomes a source of that row (same doers only)."""
    by_head = {c.head.i: ev for c, ev in built}
    out: list[tuple[EventClause, Event]] = []
    for c, ev in built:
        verb = c.head
        host = by_head.get(verb.head.i) if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
        if (host is None or not ev.agents or set(ev.agents) != set(host.agents)
                or not (c.match.entry.speech or c.match.entry.lemma in framing)):
            out.append((c, ev))
            continue
        _absorb(host, ev)
    return out


def _absorb(keep: Event, other: Event) -> None:
    """`other` becomes one of `keep`'s source clauses (with its own sources, actors and date)."""
    keep.sources = sorted([*keep.sources, SourceClause(other.start, other.end, other.text), *other.sources],
                          key=lambda src: src.start)
    keep.actors = list(dict.fromkeys([*keep.actors, *other.actors]))
    if keep.date is None:
        keep.date, keep.date_precision = other.date, other.date_precision


def _same_act_as(c: EventClause, ev: Event, earlier: list[tuple[EventClause, Event]], where: _Lead,
                 same_verb: dict[int, int]) -> tuple[int, bool] | None:
    """(index of the earlier event of the same act, whether the new one should be the row)."""
    if not ev.agents:
        return None
    headline_end = where.headline_end
    if headline_end >= 0 and headline_end < ev.start < where.second_end:
        in_lead = ev.start < where.first_end  # else the paragraph after it: the same saying only
        # the headline states the act its lead reports: the lead's first act of the same category
        # (or verb), with a doer in common; the lead's fuller clause is the row, whatever else the lead tells first
        for k, (pc, prev) in enumerate(earlier):
            # the same kind of act, or the same verb read two ways ("agree ceasefire" / "agreed to a ceasefire")
            if prev.start < headline_end and not prev.sources and same_verb.get(id(prev), id(ev)) == id(ev) and (
                    (in_lead and _same_kind(prev.category, ev.category))
                    or ((in_lead or pc.match.entry.speech) and pc.match.entry.lemma == c.match.entry.lemma)
                    or (in_lead and _said_in_words(prev) and c.match.entry.speech and ev.modality == "asserted")):
                same_kind_between = any(other.category == ev.category and other.start > headline_end
                                        for _, other in earlier[k + 1:])
                # "Nile water talks resume in Geneva" names no one: its lead tells who
                if _shares_parties(prev, ev, where) and (not same_kind_between or same_verb.get(id(prev)) == id(ev)):
                    return k, True
    latest = True  # no row of its own between `prev` and `ev` (what a saying reports is no row of its own)
    for k in range(len(earlier) - 1, max(-1, len(earlier) - 7), -1):
        pc, prev = earlier[k]
        if headline_end >= 0 and prev.start < headline_end < ev.start < where.second_end:
            continue
        if pc.parent is not None and pc.parent.match.entry.speech and c.match.entry.speech:
            continue  # "X said the talks were useful. 'We will meet again,' he said": the talks are X's words
        between = where.text[prev.end : ev.start]
        if "\n" in between and not (latest and _next_paragraph(between) and _pronoun_speaker(c)
                                     and ev.date in (None, prev.date)):
            return None  # a statement continues within its paragraph, or as "he said" in the next (same day)
        # ("Hughes, for the Lib Dems, said ... He added": the party spoke through him the first time)
        if (c.match.entry.speech and pc.match.entry.speech and set(ev.agents) <= set(prev.agents)
                and prev.modality == ev.modality == "asserted" and c.parent is None and pc.parent is None
                and _continues(c) and (ev.category == "01" or set(ev.targets) <= set(prev.actors))):
            # (not "He also threatened a tariff on goods from China": someone new is acted on; whom he tells is no one new)
            return k, False
        if set(prev.agents) != set(ev.agents):
            return None  # someone else acted in between
        latest = False
    return None


@dataclass(frozen=True, slots=True)
class _Lead:
    """Where the headline ends, and the lead with it, then the paragraph after the lead (a lead may
    only set the scene: "A day into the trade war, the president continued to insist ... //
    Commerce Secretary Lutnick said ...")."""

    headline_end: int
    first_end: int
    second_end: int
    text: str = ""
    #: person -> the country whose office he holds ("Kenya's president, William Ruto")
    country_of: Mapping[str, str] = field(default_factory=dict)
    #: a row -> who takes part in the acts told before or after it ("resigned after admitting a link to the BNP")
    told_with: Mapping[int, set[str]] = field(default_factory=dict)


#: Force a side uses again and again: "an Israeli strike" further down is the act told before only if it names
#: no target or day the first did not ("carried out an air strike on a depot" / "killed in an Israeli strike on
#: Beirut in September" are two strikes; "struck Aleppo overnight, marking the first Russian air strikes on the
#: city" is one).
_REPEATED = frozenset({"18", "19", "20"})

#: CAMEO's acts done in words: statements, appeals, intentions, demands, disapproval, rejection, threats.
_IN_WORDS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


#: Categories that tell one act in two ways: a bill "passed" (LAW) is the vote on it ("voted 366 to 34 to approve").
_KIN = {"VOTE": "LAW"}


def _same_kind(a: str, b: str) -> bool:
    return _KIN.get(a, a) == _KIN.get(b, b)


def _shares_parties(headline: Event, lead: Event, where: _Lead) -> bool:
    """A doer in common (or the country of the lead's doer), or a headline that names no doer ("UKIP candidate suspended", "Nile water talks
    resume") and no one the lead's act, with the acts told before or after it, leaves out."""
    country_of = where.country_of
    if set(headline.agents) & set(lead.agents):
        return True
    if headline.agents and set(headline.agents) <= {country_of.get(a, a) for a in lead.agents}:
        return True  # "Kenya withdraws bill" / "Kenya's president, William Ruto, withdrew": the country he leads
    if headline.category == "VOTE" and headline.agents and set(headline.agents) <= set(lead.targets) and set(
            headline.targets) <= set(lead.agents):
        return True  # "Bundestag defeats government" / "The government suffered a defeat in the Bundestag": one vote,
        # told the other way round ("Israel strikes Iran" / "Iran struck Israel" are two acts)
    return not headline.agents and set(headline.targets) <= set(lead.actors) | set(where.told_with.get(id(lead), ()))


def _said_in_words(headline_act: Event) -> bool:
    """ "Kennedy calls for Iraq exit plans" / "Blair should set out an exit strategy, Kennedy has said":
    a headline act done in words is what its doer's saying in the lead tells."""
    return headline_act.category in _IN_WORDS


def _paragraph_end(text: str, headline_end: int, paragraphs: int) -> int:
    """The offset where the `paragraphs`-th paragraph after the headline ends (a dateline, "March 01,
    2008", or a byline is no paragraph); the text's end when it has fewer."""
    if headline_end < 0:
        return -1
    seen, start = 0, headline_end + 1
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if len(text[start:end].split()) > 5:
            seen += 1
            if seen == paragraphs:
                return end
        start = end + 1
    return len(text) + 1


def _next_paragraph(between: str) -> bool:
    """The text between two rows crosses one paragraph break at most (a quotation may fill it)."""
    return between.count("\n\n") + (between.replace("\n\n", "").count("\n")) <= 1


def _pronoun_speaker(c: EventClause) -> bool:
    """ "'We will meet again,' he said": a saying whose speaker is only a pronoun."""
    subject = subject_tokens(c.head)
    return bool(subject) and all(t.pos_ == "PRON" for t in subject)


def _continues(c: EventClause) -> bool:
    """ "'We will meet again,' he said": a saying whose speaker is only a pronoun, or whose words are
    a quotation, carries on the statement before it rather than starting a new one."""
    return _pronoun_speaker(c) or any(t.text in QUOTES for t in c.trigger.sent)


def sort_events(events: list[Event]) -> list[Event]:
    """Chronological order; then events without a usable date, in text order, after the last dated one.

    A date is usable when its value starts with a year ("2025", "2025-05", "2025-05-15"); ISO
    values of different precision compare as strings, so "2025-05" sorts before "2025-05-15"
    (the month is known to have started by then). Ties keep text order. Ids are given after
    sorting ("E1" is the earliest).
    """

    def key(ev: Event) -> tuple[int, str, int, int]:
        if ev.date and ev.date[:4].isdigit():
            return (0, ev.date, ev.start, ev.trigger_start)
        return (1, "", ev.start, ev.trigger_start)

    ordered = sorted(events, key=key)
    for n, ev in enumerate(ordered, 1):
        ev.id = f"E{n}"
    return ordered
