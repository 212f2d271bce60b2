"""The events of every briefing on one time line, optionally of one actor (under any of its names)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reader.model import ENGINE_VERSION, Document, Event
from reader.store.actor_index import NameFolds
from reader.store.briefings import Briefings
from reader.store.connection import Connection, chunks
from reader.store.correction_log import CorrectionLog
from reader.store.corrections import Correction, _key, alias_book, apply_corrections_in_place, canonical_name
from reader.store.records import TimelineEntry
from reader.store.rows import analysis_with_document
from reader.store.timeline_index import first_page, page_after, timeline_order


class Timeline:
    """Reads the cached analyses in bulk; only briefings with corrections are fully rebuilt."""

    def __init__(self, conn: Connection, briefings: Briefings, corrections: CorrectionLog) -> None:
        self.conn = conn
        self.briefings = briefings
        self.corrections = corrections
        #: The names of the actor index by folded key, read once and then only as they grow.
        self.name_folds = NameFolds()

    def entries(
        self, actor: str | None = None, limit: int | None = None, offset: int = 0, after: TimelineEntry | None = None
    ) -> list[TimelineEntry]:
        """Events of every briefing in date order (undated last), optionally only those involving `actor`;
        `limit` entries from `offset` on, or those that follow `after` (the next page of a view that
        loads as it scrolls: with the entry, a page costs what the first does, however deep).

        Reads the cached analyses in bulk; only briefings with corrections are fully rebuilt.
        A page of dated events comes from the date index instead, and an actor's from the actor
        index (reader/store/actor_index.py): only the briefings it may hold are read.
        """
        offset = 0 if after is not None else max(offset, 0)
        if limit is not None:  # a page of a large library, from the indexes
            page = page_after(self, after, limit, actor) if after is not None else first_page(self, offset + limit, actor)
            if page is not None:
                return page[offset:]
        summaries = {s.id: s for s in self.briefings.list_briefings(sort="published", actor=actor, top_actors=0)}
        entries: list[TimelineEntry] = []
        with self.conn.translating():
            global_corrections = self.corrections.for_briefing()
            local = self.corrections.local()
            book = alias_book(global_corrections)
            target = _key(canonical_name(actor, book)) if actor else None
            for chunk in chunks(list(summaries), 500):
                rows = self.conn.db.execute(
                    f"""SELECT b.id, a.data FROM briefings b JOIN analyses a
                          ON a.content_hash = b.content_hash AND a.engine_version = ?
                        WHERE b.id IN ({",".join("?" * len(chunk))})""",
                    [ENGINE_VERSION, *chunk],
                ).fetchall()
                for briefing_id, data in rows:
                    summary = summaries[briefing_id]
                    for event, names in self._timeline_events(json.loads(data), global_corrections + local.get(briefing_id, []), briefing_id):
                        involved = [names.get(i, i) for i in dict.fromkeys(event.agents + event.targets + event.actors)]
                        if target and not any(_key(canonical_name(n, book)) == target for n in involved):
                            continue
                        entries.append(
                            TimelineEntry(
                                briefing_id=briefing_id,
                                briefing_title=summary.title,
                                published=summary.published,
                                event=event,
                                agents=[names.get(i, i) for i in event.agents],
                                targets=[names.get(i, i) for i in event.targets],
                                actors=involved,
                            )
                        )
        entries.sort(key=timeline_order)
        if after is not None:
            entries = [e for e in entries if timeline_order(e) > timeline_order(after)]
        return entries[offset : offset + limit] if limit is not None else entries[offset:]

    @staticmethod
    def _timeline_events(
        data: dict[str, Any], corrections: list[Correction], briefing_id: str
    ) -> Iterator[tuple[Event, dict[str, str]]]:
        """(event, actor names by id) of one cached analysis; corrections applied when there are any."""
        if corrections:
            analysis = apply_corrections_in_place(analysis_with_document(data, Document(text="")), corrections, briefing_id)
            names = {a.id: a.name for a in analysis.actors}
            for event in analysis.events:
                yield event, names
            return
        names = {a["id"]: a["name"] for a in data.get("actors", [])}
        for event in data.get("events", []):
            yield Event.from_dict(event), names

