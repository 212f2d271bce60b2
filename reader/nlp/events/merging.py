"""One act, one row: a headline and the lead that report the same act, and a statement its
speaker continues ("..., he said"), become one event with several source clauses; and the rows'
order in the sidebar."""

from __future__ import annotations

from spacy.tokens import Doc

from reader.model import Event, SourceClause
from reader.nlp.doc_text import text_of
from reader.nlp.events.clauses import EventClause
from reader.nlp.events.subjects import subject_tokens
from reader.nlp.events.summary import QUOTES


def merge_same_acts(doc: Doc, built: list[tuple[EventClause, Event]]) -> list[Event]:
    """One act, one row: a headline and the lead that report the same act, and a statement its
    speaker continues in the next sentences ("..., he said"), are one event with several sources."""
    built.sort(key=lambda pair: pair[1].start)
    text = text_of(doc)
    headline_end = text.find("\n")
    # a headline act whose own verb comes back in the lead merges with that clause, not with an earlier
    # act of the same category ("Trump to make announcement" / "his tariffs" / "will make an announcement");
    # a saying ("..., secretary says") also with the same saying in the paragraph after the lead
    same_verb: dict[int, int] = {}
    for hc, hev in built:
        if hev.start < headline_end:
            for lc, lev in built:
                if (headline_end < lev.start and _in_lead(text, headline_end, lev.start, lines=2 if hc.match.entry.speech else 1)
                        and lc.match.entry.lemma == hc.match.entry.lemma and set(lev.agents) & set(hev.agents)):
                    same_verb[id(hev)] = id(lev)
                    break
    out: list[tuple[EventClause, Event]] = []
    for c, ev in built:
        found = _same_act_as(c, ev, out, text, headline_end, same_verb)
        if found is None:
            out.append((c, ev))
            continue
        k, lead_wins = found
        old = out[k][1]
        keep, other = (ev, old) if lead_wins else (old, ev)
        keep.sources = sorted([*keep.sources, SourceClause(other.start, other.end, other.text), *other.sources],
                              key=lambda src: src.start)
        keep.actors = list(dict.fromkeys([*keep.actors, *other.actors]))
        if keep.date is None:
            keep.date, keep.date_precision = other.date, other.date_precision
        if lead_wins:
            out[k] = (c, keep)
    return [ev for _, ev in out]


def _same_act_as(c: EventClause, ev: Event, earlier: list[tuple[EventClause, Event]], text: str,
                 headline_end: int, same_verb: dict[int, int]) -> tuple[int, bool] | None:
    """(index of the earlier event of the same act, whether the new one should be the row)."""
    if not ev.agents:
        return None
    if headline_end >= 0 and headline_end < ev.start and _in_lead(text, headline_end, ev.start, lines=2):
        lead = _in_lead(text, headline_end, ev.start)  # else the paragraph after it: the same saying only
        # the headline states the act its lead reports: the lead's first act of the same category
        # (or verb), with a doer in common; the lead's fuller clause is the row, whatever else the lead tells first
        for k, (pc, prev) in enumerate(earlier):
            # the same kind of act, or the same verb read two ways ("agree ceasefire" / "agreed to a ceasefire")
            if prev.start < headline_end and not prev.sources and same_verb.get(id(prev), id(ev)) == id(ev) and (
                    (lead and prev.category == ev.category)
                    or ((lead or pc.match.entry.speech) and pc.match.entry.lemma == c.match.entry.lemma)):
                same_kind_between = any(other.category == ev.category and other.start > headline_end
                                        for _, other in earlier[k + 1:])
                if set(prev.agents) & set(ev.agents) and (not same_kind_between or same_verb.get(id(prev)) == id(ev)):
                    return k, True
    for k in range(len(earlier) - 1, max(-1, len(earlier) - 7), -1):
        pc, prev = earlier[k]
        if headline_end >= 0 and prev.start < headline_end < ev.start and _in_lead(text, headline_end, ev.start, lines=2):
            continue
        if "\n" in text[prev.end : ev.start]:
            return None  # a statement continues within its paragraph only
        if (c.match.entry.speech and pc.match.entry.speech and set(prev.agents) == set(ev.agents)
                and prev.modality == ev.modality == "asserted" and c.parent is None and pc.parent is None
                and _continues(c)):
            return k, False
        if set(prev.agents) != set(ev.agents):
            return None  # someone else acted in between
    return None


def _in_lead(text: str, headline_end: int, start: int, lines: int = 1) -> bool:
    """Whether `start` lies in the first `lines` paragraphs after the headline (blank and short lines aside).
    Two lines take in the paragraph after a lead that only sets the scene ("A day into the trade
    war, the president continued to insist ... // Commerce Secretary Lutnick said ...")."""
    # a dateline ("March 01, 2008") or a byline is no paragraph
    return sum(1 for line in text[headline_end:start].split("\n")[1:-1] if len(line.split()) > 5) < lines


def _continues(c: EventClause) -> bool:
    """ "'We will meet again,' he said": a saying whose speaker is only a pronoun, or whose words are
    a quotation, carries on the statement before it rather than starting a new one."""
    subject = subject_tokens(c.head)
    if subject and all(t.pos_ == "PRON" for t in subject):
        return True
    return any(t.text in QUOTES for t in c.trigger.sent)


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
