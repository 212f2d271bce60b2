"""The reader's library: briefings, cached analyses, notes and corrections in SQLite.

The window and the CLI use `Library` and the plain records it returns; nothing here imports Qt.
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
