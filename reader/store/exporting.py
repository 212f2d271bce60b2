"""Export a briefing, its events and its notes as Markdown, CSV and JSON (pure functions).

One event row has the same columns in CSV and JSON, so a spreadsheet and a script read the
same thing: date, category, summary, agents, targets, place, modality, the source sentence
and the briefing it came from. Actor ids are replaced by the (corrected) actor names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from reader.csvsafe import csv_text
from reader.model import Analysis, Event
from reader.store.records import ACTOR_NOTE, BRIEFING_NOTE, EVENT_NOTE, Briefing, Note

EVENT_COLUMNS = (
    "date",
    "category",
    "category_label",
    "summary",
    "agents",
    "targets",
    "place",
    "modality",
    "attribution",
    "sentence",
    "briefing",
    "briefing_id",
    "start",
    "end",
)
FORMATS = ("md", "csv", "json")

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding [start, end), found by punctuation: no spaCy needed."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = len(text)
    after = _SENTENCE_END.search(text, max(end - 1, begin))
    if after:
        stop = after.end()
    return " ".join(text[begin:stop].split())


def event_rows(analysis: Analysis, briefing: Briefing) -> list[dict[str, Any]]:
    """One row per event, ids replaced by actor names, in text order."""
    names = {a.id: a.name for a in analysis.actors}
    text = analysis.document.text

    def named(ids: Iterable[str]) -> str:
        return "; ".join(names.get(i, i) for i in ids)

    rows = []
    for event in sorted(analysis.events, key=lambda e: (e.start, e.end)):
        rows.append(
            {
                "date": event.date or "",
                "category": event.category,
                "category_label": event.category_label,
                "summary": event.summary,
                "agents": named(event.agents),
                "targets": named(event.targets),
                "place": names.get(event.place, event.place) if event.place else "",
                "modality": event.modality,
                "attribution": event.attribution or "",
                "sentence": sentence_around(text, event.start, event.end),
                "briefing": briefing.title,
                "briefing_id": briefing.id,
                "start": event.start,
                "end": event.end,
            }
        )
    return rows


def events_csv(rows: Iterable[dict[str, Any]]) -> str:
    """Event rows as CSV; cells that a spreadsheet would run as formulas are neutralised."""
    return csv_text(rows, EVENT_COLUMNS)


def events_json(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n"


def _quote_block(text: str) -> str:
    return "\n".join("> " + line if line.strip() else ">" for line in text.strip().splitlines())


def _note_heading(note: Note) -> str:
    if note.kind == ACTOR_NOTE:
        return f"On {note.actor_name}"
    if note.kind == BRIEFING_NOTE:
        return "On the whole briefing"
    where = "event" if note.kind == EVENT_NOTE else ("highlight" if note.is_highlight else "passage")
    if note.orphaned:
        return f"On a {where} no longer in the text"
    return f"On a {where}"


def notes_markdown(notes: Iterable[Note], title: str = "") -> str:
    """Notes as Markdown: what each is attached to, the quoted passage, then the note itself."""
    parts = [f"# Notes: {title}" if title else "# Notes", ""]
    count = 0
    for note in notes:
        count += 1
        parts.append(f"## {_note_heading(note)}")
        parts.append("")
        if note.anchor is not None:
            parts += [_quote_block(note.anchor.quote), ""]
        if note.body.strip():
            parts += [note.body.strip(), ""]
        elif note.color:
            parts += [f"*Highlighted ({note.color}).*", ""]
        parts += [f"*Written {note.created_at[:16].replace('T', ' ')}, last changed {note.updated_at[:16].replace('T', ' ')} UTC.*", ""]
    if not count:
        parts += ["*No notes.*", ""]
    return "\n".join(parts)


def _event_line(event: Event, names: dict[str, str]) -> str:
    who = "; ".join(names.get(i, i) for i in event.agents)
    whom = "; ".join(names.get(i, i) for i in event.targets)
    parties = f"{who} → {whom}" if who and whom else who or whom
    bits = [f"**{event.date or 'undated'}**", event.category_label or event.category, event.summary]
    line = " · ".join(b for b in bits if b)
    if parties and not any(name and name in event.summary for name in (who, whom, *who.split("; "), *whom.split("; "))):
        line += f" ({parties})"
    if event.modality != "asserted":
        line += f" — *{event.modality}*"
    return "- " + line


def briefing_markdown(briefing: Briefing, analysis: Analysis | None, notes: Iterable[Note]) -> str:
    """The briefing with its events and notes, as one Markdown file."""
    doc = briefing.document
    meta = []
    if doc.published:
        meta.append(f"Published {doc.published.isoformat()}")
    if doc.source:
        meta.append(f"Source: {doc.source}")
    meta.append(f"Library id {briefing.id}")
    parts = [f"# {briefing.title}", "", "*" + " · ".join(meta) + "*", ""]
    if analysis is not None:
        names = {a.id: a.name for a in analysis.actors}
        actors = sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name))
        if actors:
            parts += ["## Actors", ""]
            parts += [f"- {a.name} ({a.type}, {len(a.mentions)} mention{'s' if len(a.mentions) != 1 else ''})" for a in actors]
            parts.append("")
        parts += ["## Events", ""]
        events = sorted(analysis.events, key=lambda e: (e.start, e.end))
        parts += [_event_line(e, names) for e in events] or ["*No events found.*"]
        parts.append("")
    else:
        parts += ["*Not analysed yet.*", ""]
    notes_md = notes_markdown(notes)
    parts += ["#" + line if line.startswith("#") else line for line in notes_md.splitlines()]
    parts += ["", "## Text", "", doc.text.strip(), ""]
    return "\n".join(parts)
