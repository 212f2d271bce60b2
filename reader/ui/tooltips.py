"""What the article says under the mouse: the actor, date or event at a position, as tooltip HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from reader.model import Actor, Analysis, DateMention, Event
from reader.report import shown_aliases
from reader.ui.colours import type_style
from reader.ui.date_words import describe_value


@dataclass(slots=True)
class Hit:
    """Something under the mouse: an actor mention, a date, or an event's trigger."""

    kind: str
    start: int
    end: int
    item: Any  # an Actor, a DateMention or an Event, as `kind` says


def build_hover_spans(analysis: Analysis) -> list[tuple[int, int, Hit]]:
    spans: list[tuple[int, int, Hit]] = []
    for actor in analysis.actors:
        for m in actor.mentions:
            spans.append((m.start, m.end, Hit("actor", m.start, m.end, actor)))
    for date in analysis.dates:
        spans.append((date.start, date.end, Hit("date", date.start, date.end, date)))
    for event in analysis.events:
        if event.trigger_end > event.trigger_start:
            spans.append((event.trigger_start, event.trigger_end, Hit("event", event.trigger_start, event.trigger_end, event)))
    spans.sort(key=lambda s: (s[0], s[1]))
    return spans


def tooltip_html(hits: list[Hit], analysis: Analysis | None) -> str:
    parts = []
    for hit in hits:
        if hit.kind == "actor":
            parts.append(actor_tooltip(hit.item))
        elif hit.kind == "date":
            parts.append(date_tooltip(hit.item))
        elif hit.kind == "event":
            parts.append(event_tooltip(hit.item, analysis))
    return "<hr>".join(parts)


def _lines(*lines: str) -> str:
    """Tooltip lines that never wrap mid-line (Qt wraps rich-text tooltips at a narrow width)."""
    return "<br>".join(f"<nobr>{line}</nobr>" for line in lines if line)


def actor_tooltip(actor: Actor) -> str:
    e = html.escape
    count = len(actor.mentions)
    others = shown_aliases(actor)
    description = actor.description or ""
    return _lines(
        f"<b>{e(actor.name)}</b>",
        f"{e(type_style(actor.type).singular)} ({e(actor.type)}) · {count} mention{'s' * (count != 1)}",
        "Also called: " + e(", ".join(others)) if others else "",
        "Roles: " + e(", ".join(dict.fromkeys(actor.roles))) if actor.roles else "",
        e(description[:1].upper() + description[1:]) + " <i>(Phoenix dictionary)</i>" if description else "",
    )


def date_tooltip(date: DateMention) -> str:
    e = html.escape
    words = describe_value(date.value, date.type, date.mod)
    label = type_style(date.type).singular
    return _lines(f"<b>{e(date.text)}</b> → {e(words)}", f"{e(label)} · <code>{e(date.value)}</code>")


def event_tooltip(event: Event, analysis: Analysis | None) -> str:
    e = html.escape
    return _lines(
        f"<b>{e(event.summary or event.text)}</b>",
        e(event.category_label or event.category),
        e(modality_words(event)) if event.modality != "asserted" else "",
    )


def modality_words(event: Event) -> str:
    if event.modality == "reported":
        return f"reported by {event.attribution}" if event.attribution else "reported"
    if event.modality == "hypothetical":
        return "hypothetical: may or may not happen"
    if event.modality == "negated":
        return "negated: the text says this did not happen"
    return event.modality
