"""Cached analyses, keyed by the text's hash and the engine version, and the actor index built from them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from reader.model import ENGINE_VERSION, Analysis, Document, content_hash
from reader.store.connection import Connection, now
from reader.store.correction_log import CorrectionLog
from reader.store.corrections import _key, apply_corrections_in_place
from reader.store.database import StoreError
from reader.store.rows import analysis_with_document, document_from_row

#: The publication date a cached analysis was made against (absent in analyses cached before it
#: was kept: those count as made against the briefing's date).
PUBLISHED_KEY = "published"


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


class Analyses:
    """The analysis cache: one engine run per text and engine version, corrections applied on the way out."""

    def __init__(
        self, conn: Connection, corrections: CorrectionLog, indexed: Callable[[str, Analysis | None], None] | None = None
    ) -> None:
        self.conn = conn
        self.corrections = corrections
        #: Called in the same transaction with a briefing's corrected analysis (None: none cached) each
        #: time its actor index is rebuilt: the storylines follow (reader/store/storylines.py).
        self.indexed = indexed

    def put(self, briefing_id: str, analysis: Analysis) -> None:
        """Cache an analysis of the briefing's current text (keyed by content hash + engine version)."""
        db = self.conn.db
        with self.conn.translating(), self.conn.writing():
            row = self.conn.briefing_row(briefing_id)
            if content_hash(analysis.document.text) != row["content_hash"]:
                raise StoreError(f"briefing {briefing_id}: the analysis is of another text")
            data = analysis.to_dict()
            del data["document"]
            data[PUBLISHED_KEY] = _iso(analysis.document.published)
            version = analysis.engine_version or ENGINE_VERSION
            db.execute("DELETE FROM analyses WHERE content_hash = ? AND engine_version != ?", [row["content_hash"], version])
            db.table("analyses").upsert(
                {
                    "content_hash": row["content_hash"],
                    "engine_version": version,
                    "data": json.dumps(data, ensure_ascii=False),
                    "created_at": now(),
                },
                pk=("content_hash", "engine_version"),
            )
            self.refresh_actor_index(briefing_id, analysis_with_document(data, document_from_row(row)))

    def cached(self, digest: str, document: Document) -> Analysis | None:
        """The cached analysis of this text for this engine version, as the engine made it."""
        row = self.conn.db.execute(
            "SELECT data FROM analyses WHERE content_hash = ? AND engine_version = ?", [digest, ENGINE_VERSION]
        ).fetchone()
        if not row:
            return None
        data = json.loads(row[0])
        if data.get(PUBLISHED_KEY, _iso(document.published)) != _iso(document.published):
            return None  # made against another publication date than the briefing has now
        return analysis_with_document(data, document)

    def corrected(self, analysis: Analysis, briefing_id: str) -> Analysis:
        return apply_corrections_in_place(analysis, self.corrections.for_briefing(briefing_id), briefing_id)

    def drop_unused(self, digest: str) -> None:
        """Forget the analysis of a text no briefing has any more."""
        self.conn.db.execute(
            "DELETE FROM analyses WHERE content_hash = ? AND NOT EXISTS (SELECT 1 FROM briefings WHERE content_hash = ?)",
            [digest, digest],
        )

    def refresh_actor_index(self, briefing_id: str, analysis: Analysis | None = None) -> None:
        """The briefing's corrected actors in `briefing_actors` (what the library view filters and ranks by)."""
        db = self.conn.db
        if analysis is None:
            row = self.conn.briefing_row(briefing_id)
            analysis = self.cached(row["content_hash"], document_from_row(row))
        db.execute("DELETE FROM briefing_actors WHERE briefing_id = ?", [briefing_id])
        if analysis is None:
            if self.indexed is not None:
                self.indexed(briefing_id, None)
            return
        corrected = self.corrected(analysis, briefing_id)
        if self.indexed is not None:
            self.indexed(briefing_id, corrected)
        rows: dict[str, dict[str, Any]] = {}
        for actor in corrected.actors:
            key = _key(actor.name)
            if key in rows:
                rows[key]["mentions"] += len(actor.mentions)
            else:
                rows[key] = {
                    "briefing_id": briefing_id,
                    "name_key": key,
                    "name": actor.name,
                    "type": actor.type,
                    "mentions": len(actor.mentions),
                }
        if rows:
            db.table("briefing_actors").insert_all(rows.values())

    def changed_corrections(self, briefing_id: str | None) -> None:
        # Global renames and merges are read through the alias book at query time; a
        # briefing's own corrections change its actor index.
        if briefing_id is not None:
            self.refresh_actor_index(briefing_id)
