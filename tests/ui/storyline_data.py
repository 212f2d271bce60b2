"""A small library with storylines for the window tests: analyses written by hand (no engine)."""

from __future__ import annotations

import datetime as dt

from reader.model import Actor, Analysis, Document, Event, Mention
from reader.store import Library

ACTORS = {"A1": "Russia", "A2": "Ukraine", "A3": "Turkey"}


def _event(eid, text, trigger, category, agents, targets=(), date=None, precision="day", modality="asserted", start=0):
    return Event(
        id=eid, start=start, end=start + len(text), text=text, trigger=trigger, trigger_start=start, trigger_end=start + 1,
        category=category, category_label="", summary=text, actors=[*agents, *targets], agents=list(agents),
        targets=list(targets), date=date, date_precision=precision if date else None, modality=modality,
    )


def add(library: Library, published: str, events: list[tuple]) -> str:
    """A briefing whose text is its events' clauses, one per line."""
    text, made, offset = "", [], 0
    for i, (clause, *rest) in enumerate(events, 1):
        made.append(_event(f"E{i}", clause, *rest, start=offset))
        text += clause + "\n"
        offset = len(text)
    document = Document(text=text, title=events[0][0][:50], published=dt.date.fromisoformat(published), source=text[:30])
    briefing_id = library.add_document(document)
    actors = [Actor(i, n, "GPE", mentions=[Mention(text.find(n), text.find(n) + len(n), n)]) for i, n in ACTORS.items() if n in text]
    library.put_analysis(briefing_id, Analysis(document=document, actors=actors, events=made))
    return briefing_id


def fill(library: Library) -> dict[str, str]:
    """Two reports of a prisoner swap that disagree, a denial, talks announced then held, a visit announced
    and never reported, and attacks with a receiver (the network)."""
    ids = {}
    ids["swap"] = add(library, "2025-05-20", [
        ("Russia and Ukraine exchanged 1,000 prisoners on Monday.", "exchanged", "08", ["A1", "A2"], (), "2025-05-19"),
        ("Russia attacked Ukraine's power grid on Sunday.", "attacked", "19", ["A1"], ["A2"], "2025-05-18"),
    ])
    ids["swap2"] = add(library, "2025-05-21", [
        ("Ukraine and Russia exchanged 1,200 prisoners on Monday.", "exchanged", "08", ["A2", "A1"], (), "2025-05-19"),
        ("Ukraine accused Russia of shelling Kharkiv.", "accused", "11", ["A2"], ["A1"], "2025-05-20"),
    ])
    ids["talks"] = add(library, "2025-04-01", [
        ("Russia and Ukraine will resume talks in Turkey next week.", "resume", "04", ["A1", "A2"], ("A3",), "2025-W15", "week", "hypothetical"),
        ("Turkey will host the talks.", "host", "04", ["A3"], ["A1", "A2"], "2025-W15", "week", "hypothetical"),
    ])
    ids["held"] = add(library, "2025-04-09", [
        ("Russia and Ukraine resumed talks in Turkey on Tuesday.", "resumed", "04", ["A1", "A2"], ("A3",), "2025-04-08"),
    ])
    ids["visit"] = add(library, "2025-01-10", [
        ("Turkey's president is due to visit Ukraine in March.", "visit", "04", ["A3"], ["A2"], "2025-03", "month", "hypothetical"),
    ])
    return ids

