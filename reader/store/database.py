"""Open the library database safely: refuse what is not ours, back up before upgrading.

Safety rules, in order: a file at the path that is not an SQLite database is never opened
(SQLite would not overwrite it, but we refuse before touching it at all); an SQLite file that
is not a Briefing Reader library, or one from a newer version, is refused; before an older
library is upgraded a backup copy is written next to it. Connections use WAL (readers never
block the writer, a crash never tears a page), foreign keys and a busy timeout, so two app
instances on one library either take turns or get a clear "in use" message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlite_utils import Database

from reader.errors import BriefingError
from reader.store import migrations as schema

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long a write waits for another instance's transaction before giving up (milliseconds).
BUSY_TIMEOUT_MS = 5000


class StoreError(BriefingError):
    """The library database cannot be opened or written (corrupt, foreign, newer, unreadable)."""


class LibraryBusyError(StoreError):
    """Another program holds the library's write lock for longer than the busy timeout."""


def check_library_file(path: Path) -> None:
    """Raise StoreError unless `path` is absent, empty, or starts like an SQLite database."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory; give the path of a library file (e.g. library.db)")
    if not path.exists():
        return
    if not path.is_file():  # /dev/null, a pipe: SQLite would "open" it and leave a -journal beside it
        raise StoreError(f"{path}: not a regular file; give the path of a library file (e.g. library.db)")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the library ({exc.strerror or exc})") from None
    if head and head != SQLITE_HEADER:
        raise StoreError(
            f"{path}: this file is not a Briefing Reader library (not an SQLite database); "
            "it was left untouched. Move it away or choose another path with --db."
        )


def connect(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: bool = False) -> Database:
    """Open (creating if needed) the database at `path` with the library's connection settings.

    `read_only` opens an existing library without writing a byte (file or folder not writable).
    """
    check_library_file(path)
    if read_only:
        return _connect_read_only(path, busy_timeout_ms)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the library folder ({exc.strerror or exc})") from None
    try:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the library ({exc})") from None
    db = Database(conn)
    try:
        # Reading the schema is the first thing that fails on a damaged file.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        db.execute("PRAGMA foreign_keys = ON")
        # Refuse other programs' databases before WAL mode rewrites their header.
        check_ownership(db, path)
        db.enable_wal()
        # FULL: a committed note survives a power cut too, not only a crash of the app.
        db.execute("PRAGMA synchronous = FULL")
        # Up to 32 MB of page cache: full-text queries on a large library read the same index pages.
        db.execute("PRAGMA cache_size = -32000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate(exc, path) from None
    except StoreError:
        conn.close()
        raise
    return db


def _connect_read_only(path: Path, busy_timeout_ms: int) -> Database:
    """A read-only connection; `immutable` when SQLite cannot create the WAL index beside the file."""
    if not path.is_file():
        raise StoreError(f"{path}: no library here, and this folder is read-only so none can be created")
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    last: sqlite3.Error | None = None
    # A WAL library whose -shm file is missing cannot be opened with mode=ro in a read-only
    # folder; immutable=1 reads the file as it is, which is right when nobody can write to it.
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(uri + flags, uri=True, timeout=busy_timeout_ms / 1000, check_same_thread=False)
        except sqlite3.Error as exc:
            last = exc
            continue
        db = Database(conn)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            db.execute("PRAGMA cache_size = -32000")
            check_ownership(db, path)
            return db
        except sqlite3.OperationalError as exc:
            conn.close()
            last = exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise translate(exc, path) from None
        except StoreError:
            conn.close()
            raise
    raise StoreError(f"{path}: cannot open the read-only library ({last})")


def translate(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """One clear sentence for an SQLite error."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return LibraryBusyError(
            f"{path}: the library is in use by another program that is writing to it; try again in a moment"
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(
            f"{path}: the library file is damaged ({message}); it was left untouched. "
            f"`briefing repair --db {path}` copies what is readable into a new library; "
            "or restore a backup (library.db.bak-*), or choose another path with --db."
        )
    if "readonly" in message or "read-only" in message:
        return StoreError(f"{path}: the library is read-only; nothing can be saved to it (reading still works)")
    if "disk" in message and "full" in message:
        return StoreError(f"{path}: the disk is full; nothing more can be saved")
    return StoreError(f"{path}: library error: {message}")


@contextlib.contextmanager
def translating(path: Path | str) -> Iterator[None]:
    """Turn SQLite errors raised inside the block into StoreError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc


def backup_path(path: Path, version: int) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return path.with_name(f"{path.name}.bak-v{version}-{stamp}")


def write_backup(db: Database, path: Path, version: int, progress: Callable[[str], None] | None = None) -> Path:
    """Copy the whole database (a consistent snapshot, WAL included) next to `path`.

    Copied 16 MB at a time so that `progress` can say how far it got: at 100,000 briefings the
    copy is 1.9 GB and takes seconds.
    """
    from reader.atomic import WriteError, atomic_target

    target = backup_path(path, version)

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None and total:
            progress(f"Backing up the library before upgrading: {(total - remaining) * 100 // total}%")

    try:
        # Complete or absent: a backup cut short by a full disk would look like a good one.
        with atomic_target(target, overwrite=False) as tmp:
            dest = sqlite3.connect(str(tmp))
            try:
                page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
                db.conn.backup(dest, pages=max(1, (16 << 20) // page_size), progress=step)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
    except (WriteError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: the library was not upgraded, because its backup could not be written ({exc})") from None
    return target


def migrate(db: Database, path: Path | None, progress: Callable[[str], None] | None = None) -> Path | None:
    """Bring the schema up to date; returns the backup written first, if any.

    Refuses an SQLite file that has tables but is not a library, and a library written by a
    newer version of the reader (upgrading it could lose what that version stores). Every
    step runs in one transaction: a failed upgrade leaves the library as it was. `progress`
    hears of each step (the backup and each migration), so a long upgrade is never silent.
    """
    applied = check_ownership(db, path)
    if not schema.migrations.pending(db):
        return None
    backup = None
    if applied and path is not None:
        backup = write_backup(db, path, len(applied), progress)
    # One writer upgrades; a second instance waits here, then finds nothing pending.
    db.execute("BEGIN IMMEDIATE")
    try:
        pending = [m.name for m in schema.migrations.pending(db)]
        for number in range(1, len(pending) + 1):
            if progress is not None and applied:
                progress(f"Upgrading the library (step {number} of {len(pending)})…")
            schema.migrations.apply(db, stop_before=pending[number:number + 1] or None)
        if progress is not None and applied:
            progress("Saving the upgraded library…")
    except BaseException:
        db.rollback()
        raise
    db.commit()
    return backup


def check_ownership(db: Database, path: Path | None) -> list[str]:
    """The migrations applied so far; StoreError for a foreign database or a newer library."""
    tables = set(db.table_names())
    applied = [m.name for m in schema.migrations.applied(db)]
    ours = [t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))]
    where = path or "the library"
    if ours and not applied:
        raise StoreError(
            f"{where}: this SQLite database is not a Briefing Reader library; it was left untouched. "
            "Choose another path with --db."
        )
    unknown = [name for name in applied if name not in schema.known_names()]
    if unknown:
        raise StoreError(
            f"{where}: the library was written by a newer version of the reader "
            f"(schema step {unknown[-1]}); update the reader to open it"
        )
    return applied
