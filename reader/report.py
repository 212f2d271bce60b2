"""Readable reports of an analysis: for the terminal and as Markdown.

The words here are the window's words: the same title (`briefing_title`), the names an actor
is highlighted under (`shown_aliases`: what its mentions say, not the engine's alias list),
category labels instead of bare codes, and one mark of how sure the text is (`modality_mark`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from reader.model import Actor, Analysis, Event, briefing_title

TYPE_TITLES = {
    "PERSON": "People",
    "GPE": "Countries, cities, states",
    "ORG": "Organisations",
    "NORP": "Groups",
    "LOC": "Places",
    "FAC": "Facilities",
}

#: The marks the engine ends a summary with when the clause is not a plain fact.
_SUMMARY_MARK = re.compile(r"\((?:hypothetical|reported(?: by [^()]*)?|not so)\)$")

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 mention", "2 mentions" (`words` for an irregular plural)."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def _folded(name: str) -> str:
    return _LEADING_THE.sub("", " ".join(name.split())).casefold()


def shown_aliases(actor: Actor) -> list[str]:
    """The other names the text gives the actor, as its highlighted mentions say them, in text order.

    What the window highlights is what is listed: "the Trump Administration" is two mentions
    (Trump, the person, and Administration, the government), so the government's list says
    "Administration". A form that differs from the name only by case or a leading "the" is the
    name itself.
    """
    seen = {_folded(actor.name)}
    shown: list[str] = []
    for mention in sorted(actor.mentions, key=lambda m: m.start):
        text = " ".join(mention.text.split())
        key = _folded(text)
        if text and key not in seen:
            seen.add(key)
            shown.append(text)
    return shown


def summary_has_mark(event: Event) -> bool:
    """Whether the summary already ends with the engine's mark ("(hypothetical)", "(reported by X)")."""
    return bool(_SUMMARY_MARK.search(event.summary.rstrip()))


def modality_mark(event: Event) -> str:
    """The one mark a report adds after a summary: "" for a fact or when the summary carries its own."""
    if event.modality == "asserted" or summary_has_mark(event):
        return ""
    return f" ({event.modality})"


def category_words(event: Event) -> str:
    """ "Consult" for CAMEO's 04, "Elections and votes" for VOTE; the code when there is no label."""
    return event.category_label or event.category or "uncategorised"


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
    lines = [bold(briefing_title(doc))]
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
            aliases = shown_aliases(actor)
            extra = f"  (also: {', '.join(aliases)})" if aliases else ""
            lines.append(f"    {actor.name} ×{len(actor.mentions)}{extra}")
    lines.append("")
    lines.append(bold(f"Dates ({len(analysis.dates)})"))
    for date in analysis.dates:
        lines.append(f"  {date.text!r:32} {date.type:9} {date.value}")
    lines.append("")
    lines.append(bold(f"Timeline ({plural(len(analysis.events), 'event')})"))
    for event in analysis.events:
        page = analysis.document.page_at(event.start)
        where = f" (p. {page})" if page is not None else ""
        lines.append(f"  {_date_label(event.date):12} [{category_words(event)}] {event.summary}{modality_mark(event)}{where}")
    return "\n".join(lines)


def markdown_report(analysis: Analysis) -> str:
    doc = analysis.document
    out = [f"# {briefing_title(doc)}", ""]
    if doc.source:
        out.append(f"- Source: {doc.source}")
    out.append(f"- Published: {doc.published.isoformat() if doc.published else 'unknown'}")
    out += ["", "## Actors", ""]
    for kind, actors in _actors_by_type(analysis).items():
        out.append(f"### {TYPE_TITLES.get(kind, kind)}")
        out.append("")
        for actor in actors:
            aliases = shown_aliases(actor)
            extra = f" — also {', '.join(aliases)}" if aliases else ""
            out.append(f"- **{actor.name}** ({plural(len(actor.mentions), 'mention')}){extra}")
        out.append("")
    out += ["## Dates", "", "| Text | Type | Value |", "|---|---|---|"]
    out += [f"| {d.text} | {d.type} | {d.value} |" for d in analysis.dates]
    out += ["", "## Timeline", "", "| Date | Category | Event | Modality |", "|---|---|---|---|"]
    for e in analysis.events:
        page = analysis.document.page_at(e.start)
        where = f" (p. {page})" if page is not None else ""
        code = f"{e.category} " if e.category[:1].isdigit() and e.category_label else ""
        out.append(f"| {_date_label(e.date)} | {code}{category_words(e)} | {e.summary}{where} | {e.modality} |")
    return "\n".join(out) + "\n"
