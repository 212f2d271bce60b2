"""The reader's library: briefings, cached analyses, notes and corrections in SQLite.

The window and the CLI use `Library` and the plain records it returns; nothing here imports Qt.
`Library` is a facade over focused parts on one connection: briefings.py (and their analyses,
analyses.py), notes.py, correction_log.py, search.py, timeline.py, and importer.py, which
walks folders and loads files.
One `Library` is one SQLite connection: call it from one thread at a time (the window runs
all calls on one worker thread). What each part of the window calls:

- Library view: `list_briefings(sort=, descending=, actor=, title_contains=, published_from=,
  published_to=, limit=, offset=)` -> `BriefingSummary`; `search(query)` -> `SearchHit`
  (`parts()` gives (text, matched) pieces of the snippet); `briefings_mentioning(name)`;
  `timeline(actor=)` -> `TimelineEntry`; `import_paths(paths, engine, progress=, cancel=)`.
- Opening a briefing: `store_document(document)` -> ("added" | "updated" | "unchanged", id),
  `get_briefing(id)`, `analysis_for(id, engine=None)` (cached, corrected;
  None when not analysed and no engine given), `reanchor_notes(id)` (the one write: anchors
  follow a changed text), `notes_for(id)` (a read; orphans last).
- Notes panel: `add_note(id, body, start=, end=, color=)`, `add_actor_note(name, body)`,
  `add_event_note(id, event, body)`, `update_note(note_id, body=, color=)` (autosave: one
  short transaction), `delete_note` / `restore_note` / `deleted_notes`.
- Correction menus: `add_correction(Correction(kind, target, value, briefing_id=...))`,
  `corrections(id)`, `delete_correction`; `apply_corrections` is the pure function behind it.
- Export: `export(id, "md" | "csv" | "json")`, `export_notes(id)`.
Errors are `StoreError` (one sentence); `LibraryBusyError` when another instance holds the lock.
"""

from reader.store.anchoring import Anchor, make_anchor, reanchor
from reader.store.corrections import Correction, apply_corrections
from reader.store.database import LibraryBusyError, StoreError
from reader.store.library import Library
from reader.store.records import Briefing, BriefingSummary, ImportReport, Note, SearchHit, TimelineEntry

__all__ = [
    "Anchor",
    "Briefing",
    "BriefingSummary",
    "Correction",
    "ImportReport",
    "Library",
    "LibraryBusyError",
    "Note",
    "SearchHit",
    "StoreError",
    "TimelineEntry",
    "apply_corrections",
    "make_anchor",
    "reanchor",
]
