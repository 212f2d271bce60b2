"""`briefing repair`: copy everything readable from a damaged library into a new one.

The damaged file is only ever read (SQLite's read-only mode), so whatever a later tool could
still rescue from it stays there. Rows are copied table by table; when a damaged page stops
a table scan, the rest of the table is read row by row, so one bad page costs the rows on
that page, not the table. The new library gets the current schema and rebuilds its search
index from the copied rows. A note whose briefing could not be read is kept, in the bin
(detached, with its quote), as deleting a briefing does; nothing the reader wrote is dropped
while it can be read. The new file appears under its name only once it is complete.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.atomic import WriteError, atomic_target
from reader.store.database import StoreError

#: Tables copied, parents before children. Of the storylines only what the reader made is copied (their
#: splits and merges, the dossiers read); the items are matched again from the copied analyses.
TABLES = ("briefings", "analyses", "corrections", "notes", "briefing_actors", "story_corrections", "dossier_seen")


@dataclass
class RepairReport:
    target: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    notes_to_bin: int = 0

    def summary(self) -> str:
        parts = [f"{self.copied.get(t, 0)} {t.replace('_', ' ')}" for t in ("briefings", "notes", "corrections")]
        text = f"copied {', '.join(parts)} into {self.target}"
        lost = {t: n for t, n in self.unreadable.items() if n}
        if lost:
            text += "; unreadable: " + ", ".join(f"{n} row(s) of {t}" for t, n in lost.items())
        if self.notes_to_bin:
            text += f"; {self.notes_to_bin} note(s) whose briefing was unreadable are in the bin"
        return text


def default_target(source: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return source.with_name(f"{source.stem}.repaired-{stamp}{source.suffix or '.db'}")


def repair(source: Path, target: Path | None = None) -> RepairReport:
    """Copy what is readable from `source` into the new library `target`; `source` is not changed."""
    from reader.store.library import Library

    target = target or default_target(source)
    if not source.is_file():
        raise StoreError(f"{source}: no library file here to repair")
    if target.exists():
        raise StoreError(f"{target}: already exists; choose a new file for the repaired library")
    report = RepairReport(target)
    uri = "file:" + urllib.parse.quote(str(source.resolve())) + "?mode=ro"
    try:
        old = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{source}: cannot be read at all ({exc})") from None
    try:
        with atomic_target(target, overwrite=False) as tmp:
            tmp.unlink()  # the library creates its own file (and WAL) here
            with Library.open(tmp) as new:
                _copy(old, new.db.conn, report)
                new.storylines.rebuild()  # matched again from what was readable, with the reader's splits
                new.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                problems = new.db.execute("PRAGMA integrity_check").fetchone()[0]
                if problems != "ok":
                    raise StoreError(f"{target}: the repaired library did not pass its check ({problems})")
            for suffix in ("-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    except WriteError as exc:
        raise StoreError(str(exc)) from None
    finally:
        old.close()
    return report


def _copy(old: sqlite3.Connection, new: sqlite3.Connection, report: RepairReport) -> None:
    existing = _tables(old)
    new.execute("PRAGMA foreign_keys = OFF")
    new.execute("BEGIN")
    for table in TABLES:
        if table not in existing:
            continue
        columns = [r[1] for r in new.execute(f"PRAGMA table_info({table})")]
        copied = lost = 0
        sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        wanted = [c for c in columns if c in _columns(old, table)]
        for row, ok in _readable_rows(old, table, wanted):
            if not ok:
                lost += 1
                continue
            values = dict(zip(wanted, row, strict=True))
            new.execute(sql, [values.get(c) for c in columns])
            copied += 1
        report.copied[table], report.unreadable[table] = copied, lost
    report.notes_to_bin = _detach_orphans(new)
    new.execute("COMMIT")
    new.execute("PRAGMA foreign_keys = ON")


def _detach_orphans(new: sqlite3.Connection) -> int:
    """Notes and rows whose briefing was lost: notes go to the bin, index rows are dropped."""
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    missing = "briefing_id IS NOT NULL AND briefing_id NOT IN (SELECT id FROM briefings)"
    moved = new.execute(
        f"UPDATE notes SET deleted_at = coalesce(deleted_at, ?), briefing_id = NULL WHERE {missing} AND kind != 'actor'",
        [stamp],
    ).rowcount
    new.execute(f"UPDATE notes SET briefing_id = NULL WHERE {missing}")
    new.execute(f"DELETE FROM corrections WHERE {missing}")
    new.execute(f"DELETE FROM briefing_actors WHERE {missing}")
    return moved


def _readable_rows(old: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple[Any, bool]]:
    """(row, True) for every readable row; (None, False) for each row lost to damage, as far as known."""
    select = f"SELECT {', '.join(columns)} FROM {table}"
    seen: set[int] = set()
    try:
        for row in old.execute(f"SELECT rowid, {', '.join(columns)} FROM {table} ORDER BY rowid"):
            seen.add(row[0])
            yield row[1:], True
        return
    except sqlite3.DatabaseError:
        pass
    # A damaged page stopped the scan: read the remaining rowids one at a time.
    try:
        top = old.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = None  # unknown: go on until a long run of rowids yields nothing
    rowid, since_found = max(seen, default=0), 0
    while (rowid < top) if top is not None else since_found < 10_000:
        rowid += 1
        since_found += 1
        try:
            row = old.execute(f"{select} WHERE rowid = ?", [rowid]).fetchone()
        except sqlite3.DatabaseError:
            yield None, False
            continue
        if row is not None:
            since_found = 0
            yield row, True


def _tables(conn: sqlite3.Connection) -> set[str]:
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the library's list of tables is unreadable ({exc}); nothing can be copied") from None


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
