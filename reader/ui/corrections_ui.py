"""Context-menu actions that correct the analysis: actors, mentions and events.

Each action asks what it needs (a name, a type, a date...) and hands a `Correction` to the
session, which stores it in the library and shows the corrected analysis. Renames, types and
merges are global (the reader's alias book, every briefing); the rest belong to this briefing.
The asking is kept apart from the building (`*_correction` functions) so both can be tested.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from reader.jsonl import read_jsonl
from reader.model import ACTOR_TYPES, Actor, Event, Mention
from reader.resources import resource
from reader.store.corrections import (
    DISMISS_EVENT,
    EVENT_CATEGORY,
    EVENT_DATE,
    MERGE,
    NOT_ACTOR,
    RENAME,
    RETYPE,
    SPLIT,
    Correction,
)
from reader.ui.colours import type_style


class CorrectionSink(Protocol):
    """What the menus need from the session."""

    @property
    def briefing_id(self) -> str | None: ...

    def correct(self, correction: Correction) -> None: ...
    def add_actor_note(self, actor: Actor) -> None: ...
    def add_event_note(self, event: Event) -> None: ...
    def show_briefings_mentioning(self, name: str) -> None: ...
    def show_timeline(self, name: str) -> None: ...
    def other_actor_names(self, actor: Actor) -> list[str]: ...


@cache
def cameo_categories() -> list[tuple[str, str]]:
    """The 20 CAMEO top-level categories and our own for acts beyond CAMEO, as (code, label)."""
    return [(row["code"], row["label"]) for row in read_jsonl(resource("lexicons", "cameo_categories.jsonl"))]


# ---------------------------------------------------------------------- building corrections


def rename_correction(actor: Actor, new_name: str) -> Correction | None:
    name = " ".join(new_name.split())
    if not name or name == actor.name:
        return None
    return Correction(RENAME, actor.name, name)


def retype_correction(actor: Actor, new_type: str) -> Correction | None:
    if new_type == actor.type or new_type not in ACTOR_TYPES:
        return None
    return Correction(RETYPE, actor.name, new_type)


def merge_correction(actor: Actor, into: str) -> Correction | None:
    name = " ".join(into.split())
    if not name or name.casefold() == actor.name.casefold():
        return None
    return Correction(MERGE, actor.name, name)


def not_actor_correction(actor: Actor, briefing_id: str) -> Correction:
    return Correction(NOT_ACTOR, actor.name, briefing_id=briefing_id)


def split_correction(actor: Actor, mention: Mention, briefing_id: str, new_name: str = "") -> Correction:
    return Correction(
        SPLIT, actor.name, " ".join(new_name.split()) or mention.text, briefing_id=briefing_id, start=mention.start, end=mention.end
    )


def _event_correction(kind: str, event: Event, briefing_id: str, value: str = "", label: str = "") -> Correction:
    return Correction(kind, event.text, value, briefing_id=briefing_id, trigger=event.trigger, start=event.start, label=label)


def dismiss_correction(event: Event, briefing_id: str) -> Correction:
    return _event_correction(DISMISS_EVENT, event, briefing_id)


def event_date_correction(event: Event, briefing_id: str, value: str) -> Correction | None:
    value = value.strip()
    if value == (event.date or ""):
        return None
    return _event_correction(EVENT_DATE, event, briefing_id, value)


def event_category_correction(event: Event, briefing_id: str, code: str) -> Correction | None:
    labels = dict(cameo_categories())
    if code not in labels or code == event.category:
        return None
    return _event_correction(EVENT_CATEGORY, event, briefing_id, code, labels[code])


# ---------------------------------------------------------------------- menus


def fill_actor_menu(menu: QMenu, actor: Actor, sink: CorrectionSink, parent: QWidget) -> None:
    """Notes, library look-ups and corrections for one actor."""
    enabled = sink.briefing_id is not None
    name = actor.name if len(actor.name) <= 40 else actor.name[:39] + "…"
    note = menu.addAction(f"Add Note on {name}", lambda: sink.add_actor_note(actor))
    note.setEnabled(enabled)
    menu.addAction(f"All Briefings Mentioning {name}", lambda: sink.show_briefings_mentioning(actor.name)).setEnabled(enabled)
    menu.addAction(f"Timeline of {name}", lambda: sink.show_timeline(actor.name)).setEnabled(enabled)
    menu.addSeparator()
    menu.addAction("Rename…", lambda: ask_rename(actor, sink, parent)).setEnabled(enabled)
    types = menu.addMenu("Change Type")
    types.setEnabled(enabled)
    for key in ACTOR_TYPES:
        action = types.addAction(f"{type_style(key).singular} ({key})")
        action.setCheckable(True)
        action.setChecked(key == actor.type)
        action.triggered.connect(lambda _=False, k=key: _send(sink, retype_correction(actor, k)))
    menu.addAction("Merge With…", lambda: ask_merge(actor, sink, parent)).setEnabled(enabled)
    menu.addAction("Not an Actor", lambda: _send(sink, not_actor_correction(actor, sink.briefing_id or ""))).setEnabled(
        enabled
    )


def fill_mention_menu(menu: QMenu, actor: Actor, mention: Mention, sink: CorrectionSink, parent: QWidget) -> None:
    """For a right-click on a mention in the text: split it off its actor, or the actor's actions."""
    enabled = sink.briefing_id is not None
    text = mention.text if len(mention.text) <= 30 else mention.text[:29] + "…"
    menu.addAction(f"Split “{text}” Off {actor.name}…", lambda: ask_split(actor, mention, sink, parent)).setEnabled(
        enabled and len(actor.mentions) > 0
    )
    sub = menu.addMenu(actor.name if len(actor.name) <= 40 else actor.name[:39] + "…")
    fill_actor_menu(sub, actor, sink, parent)


def fill_event_menu(menu: QMenu, event: Event, sink: CorrectionSink, parent: QWidget) -> None:
    enabled = sink.briefing_id is not None
    menu.addAction("Add Note on This Event", lambda: sink.add_event_note(event)).setEnabled(enabled)
    menu.addSeparator()
    menu.addAction("Dismiss Event", lambda: _send(sink, dismiss_correction(event, sink.briefing_id or ""))).setEnabled(
        enabled
    )
    menu.addAction("Edit Date…", lambda: ask_event_date(event, sink, parent)).setEnabled(enabled)
    categories = menu.addMenu("Change Category")
    categories.setEnabled(enabled)
    for code, label in cameo_categories():
        action = categories.addAction(f"{code} {label}")
        action.setCheckable(True)
        action.setChecked(code == event.category)
        action.triggered.connect(
            lambda _=False, c=code: _send(sink, event_category_correction(event, sink.briefing_id or "", c))
        )


def _send(sink: CorrectionSink, correction: Correction | None) -> None:
    if correction is not None and sink.briefing_id is not None:
        sink.correct(correction)


# ---------------------------------------------------------------------- asking


def ask_rename(actor: Actor, sink: CorrectionSink, parent: QWidget) -> None:
    name, ok = QInputDialog.getText(
        parent, "Rename actor", f"New name for {actor.name} (in every briefing):", text=actor.name
    )
    if ok:
        _send(sink, rename_correction(actor, name))


def ask_merge(actor: Actor, sink: CorrectionSink, parent: QWidget) -> None:
    names = sink.other_actor_names(actor)
    name, ok = QInputDialog.getItem(
        parent, "Merge actors", f"Merge {actor.name} into (in every briefing):", names, 0, True
    )
    if ok:
        _send(sink, merge_correction(actor, name))


def ask_split(actor: Actor, mention: Mention, sink: CorrectionSink, parent: QWidget) -> None:
    name, ok = QInputDialog.getText(
        parent,
        "Split a mention off",
        f"“{mention.text}” is not {actor.name}. Who is it? (another actor's name, or a new one)",
        text=mention.text,
    )
    if ok and sink.briefing_id is not None:
        _send(sink, split_correction(actor, mention, sink.briefing_id, name))


def ask_event_date(event: Event, sink: CorrectionSink, parent: QWidget) -> None:
    value, ok = QInputDialog.getText(
        parent,
        "Event date",
        "Date of the event as YYYY-MM-DD, YYYY-MM or YYYY (empty: no date):",
        text=event.date or "",
    )
    if ok and sink.briefing_id is not None:
        value = value.strip()
        if value and not _plausible_date(value):
            QMessageBox.information(parent, "Event date", f"{value!r} is not a date like 2024-05-15; nothing was changed.")
            return
        _send(sink, event_date_correction(event, sink.briefing_id, value))


def _plausible_date(value: str) -> bool:
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(p.isdigit() or p.upper().startswith("W") for p in parts)
