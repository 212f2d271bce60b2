"""Rows of the library's tables to records and back, and a cached analysis joined to its document."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from reader.model import Analysis, Document, briefing_title, content_hash
from reader.store.anchoring import ANCHORED, Anchor
from reader.store.records import Note


def document_row(document: Document) -> dict[str, Any]:
    return {
        "title": briefing_title(document),
        "text": document.text,
        "format": document.format,
        "source": document.source,
        "content_hash": content_hash(document.text),
        "published": document.published.isoformat() if document.published else None,
        "published_origin": document.published_origin,
        "structure": json.dumps(
            {
                "blocks": [[b.kind, b.start, b.end, b.level] for b in document.blocks],
                "marks": [[m.kind, m.start, m.end, m.href] for m in document.marks],
                "warnings": list(document.warnings),
            },
            ensure_ascii=False,
        ),
    }


def document_from_row(row: dict[str, Any]) -> Document:
    structure = json.loads(row.get("structure") or "{}")
    return Document.from_dict(
        {
            "text": row["text"],
            "title": row["title"],
            "source": row["source"],
            "published": row["published"],
            "published_origin": row["published_origin"],
            "format": row["format"],
            **structure,
        }
    )


def note_row(note: Note) -> dict[str, Any]:
    anchor = note.anchor
    return {
        "id": note.id,
        "briefing_id": note.briefing_id,
        "kind": note.kind,
        "start_offset": anchor.start if anchor else None,
        "end_offset": anchor.end if anchor else None,
        "quote": anchor.quote if anchor else None,
        "prefix": anchor.prefix if anchor else None,
        "suffix": anchor.suffix if anchor else None,
        "status": note.status,
        "actor_name": note.actor_name,
        "event_id": note.event_id,
        "color": note.color,
        "body": note.body,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "deleted_at": note.deleted_at,
    }


def note_from_row(row: dict[str, Any]) -> Note:
    anchor = None
    if row.get("quote"):
        anchor = Anchor(row["start_offset"], row["end_offset"], row["quote"], row["prefix"] or "", row["suffix"] or "")
    return Note(
        id=row["id"],
        kind=row["kind"],
        body=row["body"] or "",
        briefing_id=row["briefing_id"],
        anchor=anchor,
        status=row["status"] or ANCHORED,
        actor_name=row["actor_name"],
        event_id=row["event_id"],
        color=row["color"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        deleted_at=row["deleted_at"],
    )


def iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def analysis_with_document(data: dict[str, Any], document: Document) -> Analysis:
    """A cached analysis (stored without its document) joined to the briefing's document."""
    analysis = Analysis.from_dict({**data, "document": {"text": ""}})
    analysis.document = document
    return analysis


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
