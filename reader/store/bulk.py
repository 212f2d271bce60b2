"""Loading analyses made elsewhere (`briefing analyze-archive` shards) into a library, fast.

The result is the library a plain `import_paths` of the same files would have made: the same
rules (a known text is unchanged; a changed text from a known source updates its briefing and
re-anchors its notes), the same rows, the same analysis JSON, the same actor index. Only the
cost differs: `import_paths` commits each briefing alone because it waits seconds for spaCy
between two of them, while analyses read from disk arrive in microseconds, and a commit
(synchronous=FULL: an fsync) per briefing would cap a load at a few hundred a second. So a
load commits every `BATCH` (2,000) briefings, and new briefings take a direct path (rows written
from the analysis as stored, no round trip through the model classes) unless the library has
global corrections, whose actor index must go through `apply_corrections`.

The kill -9 promise holds per batch: a batch is one transaction, so a crash keeps every batch
committed before it and nothing of the one it was in; loading the same shards again skips
what is there (by content hash). Progress is reported for a briefing only once it is committed.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reader.model import ENGINE_VERSION, Analysis, Document, content_hash
from reader.store.actor_index import index_analyses
from reader.store.analyses import PUBLISHED_KEY
from reader.store.connection import now
from reader.store.corrections import _key
from reader.store.database import StoreError, translating
from reader.store.library import Library
from reader.store.list_filter import index_briefings
from reader.store.records import ImportReport
from reader.store.rows import document_row

#: Briefings per transaction. Measured on 30,000 BBC analyses: CPU 48 s at 500 a transaction, 38 s at
#: 2,000 and at 5,000 (fewer, larger full-text segments to write and merge); a kill loses at most this many.
BATCH = 2000
#: WAL pages between two checkpoints during a load (~400 MB): measured on 30,000 BBC analyses,
#: 402 briefings/s with SQLite's default of 1,000 and 555 with this, the machine equally busy.
CHECKPOINT_PAGES = 100_000
#: Called as progress(done, total, source) after each briefing is committed.
Progress = Callable[[int, int, str], None]


def load_analyses(
    library: Library,
    records: Iterable[Prepared | dict[str, Any]],
    total: int,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    report: ImportReport | None = None,
    batch: int = BATCH,
) -> ImportReport:
    """Store each `Analysis.to_dict()` record (document included) as `import_paths` would.

    Records may come `prepare`d already (reader/archive/loader.py does that in another process).
    """
    library.require_writable()
    report = report if report is not None else ImportReport()
    with translating(library.conn.where), _loading(library.db):
        return _load(library, records, total, progress, cancel, report, batch)


@contextlib.contextmanager
def _loading(db: Database) -> Iterator[None]:
    """Connection settings for a bulk load, restored after it.

    A page cache of 256 MB instead of 32: at 100,000 briefings the actor index, the content-hash
    index and the search index outgrow 32 MB and every insert would read pages back from disk.
    synchronous=NORMAL instead of FULL: in WAL mode a commit then survives a crash or kill of the
    process (what the load promises), and only a power cut can take back the last batches,
    never damaging the file; the load writes nothing that the shards do not hold, and running it
    again restores what a power cut took. Notes, written elsewhere, keep FULL.
    A checkpoint every `CHECKPOINT_PAGES` pages instead of 1,000: the indexes' pages, changed by
    every batch, are copied into the file once per checkpoint instead of once per batch.
    """
    settings = {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("cache_size", "synchronous", "wal_autocheckpoint")}
    db.execute("PRAGMA cache_size = -256000")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        for name, value in settings.items():
            db.execute(f"PRAGMA {name} = {int(value)}")
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _load(
    library: Library,
    records: Iterable[Prepared | dict[str, Any]],
    total: int,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
    report: ImportReport,
    batch: int,
) -> ImportReport:
    done = 0
    committed: list[str] = []
    where = library.conn.where
    try:
        with translating(where):
            fast = not library.db.execute("SELECT 1 FROM corrections WHERE briefing_id IS NULL LIMIT 1").fetchone()
        iterator = iter(records)
        while True:
            if cancel is not None and cancel():
                report.cancelled = True
                break
            taken = 0
            fresh: list[tuple[str, str]] = []
            with translating(where), library.conn.writing() as db:
                db.execute("INSERT INTO indexes_deferred VALUES (1)")  # this transaction only; see _index_fresh
                for record in iterator:
                    committed.append(_store(library, record, report, fast, fresh))
                    taken += 1
                    if taken >= batch or (cancel is not None and cancel()):
                        break
                _index_fresh(db, fresh)
                db.execute("DELETE FROM indexes_deferred")
            for source in committed:  # said only now: these are on disk
                done += 1
                if progress is not None:
                    progress(done, total, source)
            committed.clear()
            if taken == 0 or (taken < batch and not (cancel is not None and cancel())):
                break
    except StoreError as exc:  # a full disk: the batches committed before it are kept
        report.stopped = str(exc)
    return report


@dataclass(slots=True)
class Prepared:
    """One analysis made ready for the library: everything a new briefing's rows need, as text.

    `prepare` is pure (no library), so it can run in another process while this one writes;
    its strings cross a pipe far faster than the JSON they came from can be parsed again.
    """

    source: str
    digest: str
    engine_version: str
    #: The briefings row without id and timestamps (`reader.store.rows.document_row`).
    row: dict[str, Any]
    #: The analysis as the library stores it: `Analysis.to_dict()` without the document, as JSON.
    data: str
    #: The actor index rows without the briefing id: [name_key, name, type, mentions].
    actors: list[list[Any]]
    #: The whole record as JSON, for the rare briefing that takes `import_paths`' own path.
    line: str


def prepare(record: dict[str, Any] | str) -> Prepared:
    """A record (`Analysis.to_dict()`, or its JSON line as a shard holds it) made ready to store."""
    line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
    data = json.loads(line) if isinstance(record, str) else record
    document = Document.from_dict(data["document"])
    analysis = {k: v for k, v in data.items() if k != "document"}
    # the date it was analysed against, as Analyses.put records it (a cached analysis is only
    # returned for the same publication date)
    analysis[PUBLISHED_KEY] = document.published.isoformat() if document.published else None
    actors: dict[str, list[Any]] = {}
    for actor in analysis.get("actors", []):
        key = _key(actor["name"])
        mentions = len(actor.get("mentions", []))
        if key in actors:
            actors[key][3] += mentions
        else:
            actors[key] = [key, actor["name"], actor["type"], mentions]
    return Prepared(
        source=document.source,
        digest=content_hash(document.text),
        engine_version=data.get("engine_version") or "",
        row=document_row(document),
        data=json.dumps(analysis, ensure_ascii=False),
        actors=list(actors.values()),
        line=line,
    )


def _index_fresh(db: Database, fresh: list[tuple[str, str]]) -> None:
    """The actor index and the list filter's indexes for the batch's new briefings, one statement each.

    Their insert triggers stand idle while the loader's row is in `indexes_deferred`: fired for each
    of 100,000 briefings and 1.4 million actor rows they cost the load a fifth to a half of its time.
    """
    if fresh:
        index_briefings(db, [briefing_id for briefing_id, _digest in fresh])
        index_analyses(db, [digest for _id, digest in fresh], ENGINE_VERSION)


def _store(library: Library, record: Prepared | dict[str, Any], report: ImportReport, fast: bool, fresh: list[tuple[str, str]]) -> str:
    """One record inside the open transaction; returns its source for the progress line.

    A new briefing written straight from its rows goes into `fresh`, to be indexed with its batch;
    one that takes `import_paths`' own path is indexed by the triggers, as it would be there.
    """
    p = record if isinstance(record, Prepared) else prepare(record)
    if p.engine_version != ENGINE_VERSION:
        raise StoreError(f"{p.source}: analysed by engine {p.engine_version or 'unknown'}, not {ENGINE_VERSION}")
    db = library.db
    # `Library._classify`'s rules, on the prepared hash: a known text is unchanged, a known source changed.
    if db.execute("SELECT 1 FROM briefings WHERE content_hash = ? LIMIT 1", [p.digest]).fetchone():
        report.unchanged.append(p.source)
        return p.source
    changed = db.execute("SELECT id FROM briefings WHERE source = ? ORDER BY imported_at DESC LIMIT 1", [p.source]).fetchone()
    if changed or not fast:
        data = json.loads(p.line)
        document = Document.from_dict(data["document"])
        db.execute("DELETE FROM indexes_deferred")
        library.importer._store_imported(document, changed[0] if changed else None, Analysis.from_dict(data), report)
        db.execute("INSERT INTO indexes_deferred VALUES (1)")
    else:
        briefing_id = _insert_new(db, p)
        report.added.append(briefing_id)
        fresh.append((briefing_id, p.digest))
    return p.source


def _insert_new(db: Database, p: Prepared) -> str:
    """A new briefing, its analysis and its actor index, written straight from the prepared rows."""
    briefing_id = p.digest[:16]  # Document.id
    stamp = now()
    row = {"id": briefing_id, **p.row, "imported_at": stamp, "updated_at": stamp}
    columns = ", ".join(row)
    db.execute(f"INSERT INTO briefings ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    db.execute("DELETE FROM analyses WHERE content_hash = ? AND engine_version != ?", [p.digest, ENGINE_VERSION])
    db.execute(
        "INSERT INTO analyses (content_hash, engine_version, data, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (content_hash, engine_version) DO UPDATE SET data = excluded.data, created_at = excluded.created_at",
        [p.digest, ENGINE_VERSION, p.data, stamp],
    )
    if p.actors:
        db.conn.executemany(
            "INSERT INTO briefing_actors (briefing_id, name_key, name, type, mentions) VALUES (?, ?, ?, ?, ?)",
            [[briefing_id, *actor] for actor in p.actors],
        )
    return briefing_id
