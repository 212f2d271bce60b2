"""Readable reports of an analysis: for the terminal and as Markdown."""

from __future__ import annotations

from collections import defaultdict

from reader.model import Actor, Analysis

TYPE_TITLES = {
    "PERSON": "People",
    "GPE": "Countries, cities, states",
    "ORG": "Organisations",
    "NORP": "Groups",
    "LOC": "Places",
    "FAC": "Facilities",
}


def _actors_by_type(analysis: Analysis) -> dict[str, list[Actor]]:
    groups: dict[str, list[Actor]] = defaultdict(list)
    for actor in sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)):
        groups[actor.type].append(actor)
    return groups


def _date_label(value: str | None) -> str:
    return value or "undated"


def text_report(analysis: Analysis, color: bool = False) -> str:
    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    doc = analysis.document
    lines = [bold(doc.title or doc.source or "Untitled briefing")]
    meta = []
    if doc.source:
        meta.append(doc.source)
    meta.append(f"published {doc.published.isoformat()}" if doc.published else "publication date unknown")
    lines.append("  " + " · ".join(meta))
    lines.append("")
    lines.append(bold(f"Actors ({len(analysis.actors)})"))
    for kind, actors in _actors_by_type(analysis).items():
        lines.append(f"  {TYPE_TITLES.get(kind, kind)}")
        for actor in actors:
            aliases = [a for a in actor.aliases if a != actor.name]
            extra = f"  (also: {', '.join(aliases)})" if aliases else ""
            lines.append(f"    {actor.name} ×{len(actor.mentions)}{extra}")
    lines.append("")
    lines.append(bold(f"Dates ({len(analysis.dates)})"))
    for date in analysis.dates:
        lines.append(f"  {date.text!r:32} {date.type:9} {date.value}")
    lines.append("")
    lines.append(bold(f"Timeline ({len(analysis.events)} events)"))
    for event in analysis.events:
        hedge = "" if event.modality == "asserted" else f" [{event.modality}]"
        page = analysis.document.page_at(event.start)
        where = f" (p. {page})" if page is not None else ""
        lines.append(f"  {_date_label(event.date):12} {event.category:>2} {event.summary}{hedge}{where}")
    return "\n".join(lines)


def markdown_report(analysis: Analysis) -> str:
    doc = analysis.document
    out = [f"# {doc.title or doc.source or 'Untitled briefing'}", ""]
    if doc.source:
        out.append(f"- Source: {doc.source}")
    out.append(f"- Published: {doc.published.isoformat() if doc.published else 'unknown'}")
    out += ["", "## Actors", ""]
    for kind, actors in _actors_by_type(analysis).items():
        out.append(f"### {TYPE_TITLES.get(kind, kind)}")
        out.append("")
        for actor in actors:
            aliases = [a for a in actor.aliases if a != actor.name]
            extra = f" — also {', '.join(aliases)}" if aliases else ""
            out.append(f"- **{actor.name}** ({len(actor.mentions)} mentions){extra}")
        out.append("")
    out += ["## Dates", "", "| Text | Type | Value |", "|---|---|---|"]
    out += [f"| {d.text} | {d.type} | {d.value} |" for d in analysis.dates]
    out += ["", "## Timeline", "", "| Date | CAMEO | Event | Modality |", "|---|---|---|---|"]
    for e in analysis.events:
        page = analysis.document.page_at(e.start)
        where = f" (p. {page})" if page is not None else ""
        out.append(f"| {_date_label(e.date)} | {e.category} {e.category_label} | {e.summary}{where} | {e.modality} |")
    return "\n".join(out) + "\n"
