"""Is the library safe to write to? Checked once when it is opened.

Two reasons to keep a library for reading only:

- It is damaged. `PRAGMA quick_check` reads every page of the file and checks the structure
  of every table and index (not that each index agrees with its table, which `integrity_check`
  adds at several times the cost). A damaged page used to be found only by the export that
  happened to read it, after imports and notes had been written around it. Writing into a
  damaged file can spread the damage, so nothing more is written; reading goes on where the
  pages are sound, and the message names the ways out: `briefing repair`, which copies what is
  readable into a new library and leaves this one untouched, or the automatic backup the
  reader wrote before its last upgrade of the library, when there is one.
- It cannot be written: the file or its folder is read-only (a read-only share, a backup
  medium, another user's folder). SQLite needs to create files beside the library, so such a
  library is opened read-only; reading, search and export work, and saving says why not.

`quick_check` reads the whole file: 3.7–4.4 s at 100,000 briefings. It walks each table and index
in its own order, which on disk is page after scattered page: from a cold page cache that is one
random read per page (14 s for the 1.9 GB library here, and 5.5 minutes once on a disk shared
with other jobs). So the file is first read front to back (`read_ahead`, 3.5 s cold, 0.2 s warm),
and the check then finds every page in memory. The window cannot wait even that
long for its library, so it opens with the check in the background (`BackgroundCheck`, on a
read-only connection of its own). Until the check has passed, the library's connection is
query-only and every write waits for the verdict (`Connection.settle_check`): a sound library
then takes the write, a damaged one refuses it with the same message as a check at open.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

#: quick_check stops after this many problems; the first one is shown.
MAX_PROBLEMS = 20
#: What the open of a large library says while it works ("Checking the library…"): for a progress line.
Progress = Callable[[str], None]
_CHUNK = 8 << 20


def _memory() -> int | None:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # not every platform says
        return None


def read_ahead(path: Path, progress: Progress | None = None) -> None:
    """Read the library file front to back so that `quick_check` finds its pages in the page cache.

    Sequential reads cost a fraction of the random ones the check would make from a cold cache.
    A file larger than half the memory is left alone: it would push its own first pages out.
    """
    try:
        size = path.stat().st_size
        limit = _memory()
        if size < 4 * _CHUNK or size > (limit // 2 if limit else 2 << 30):
            return
        buffer = bytearray(_CHUNK)
        done, said = 0, -1
        with path.open("rb", buffering=0) as handle:
            while n := handle.readinto(buffer):
                done += n
                percent = done * 100 // size
                if progress is not None and percent != said:
                    progress(f"Reading the library: {percent}%")
                    said = percent
    except OSError:  # the check itself will say what is wrong with the file
        return


def unwritable_reason(path: Path) -> str | None:
    """Why the library at `path` cannot be written to, or None when it can."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return "the library file is read-only"
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is not writable"
    return None


def quick_check(db: Database) -> list[str]:
    """The problems `PRAGMA quick_check` finds (an empty list when the file is sound)."""
    try:
        rows = db.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:  # damage bad enough that the check itself stops
        return [str(exc)]
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


class BackgroundCheck:
    """`quick_check` of the library file on a thread and a read-only connection of its own."""

    def __init__(self, path: Path, on_done: Callable[[], None] | None = None) -> None:
        self.path = path
        #: Called on the check's thread once the problems are known (before `wait` returns them).
        self.on_done = on_done
        self._problems: list[str] = []
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="briefing-library-check", daemon=True)

    def start(self) -> BackgroundCheck:
        self._thread.start()
        return self

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> list[str] | None:
        """The problems found (empty when sound), or None when the check is still running after `timeout`."""
        return list(self._problems) if self._done.wait(timeout) else None

    def _run(self) -> None:
        from reader.store.database import BUSY_TIMEOUT_MS, StoreError, _connect_read_only

        try:
            db = _connect_read_only(self.path, BUSY_TIMEOUT_MS)
        except StoreError as exc:  # damage bad enough that the file does not open a second time
            self._problems = [str(exc)]
        else:
            try:
                read_ahead(self.path)
                self._problems = quick_check(db)
            finally:
                db.close()
        if self.on_done is not None:
            self.on_done()
        self._done.set()


def backups_of(path: Path) -> list[Path]:
    """The automatic backups the reader wrote beside the library (before upgrades), newest first."""
    found = [p for p in path.parent.glob(path.name + ".bak-*") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def damaged_message(path: Path, problems: list[str]) -> str:
    """One paragraph: what is wrong, that nothing will be written, and the ways out."""
    first = problems[0] if problems else "unknown damage"
    more = f" and {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
    ways = [f"`briefing repair --db {path}` copies everything readable into a new library and keeps this file untouched"]
    backups = backups_of(path)
    if backups:
        ways.append(
            f"or restore the automatic backup {backups[0].name} (written before the library was last upgraded; "
            "later changes are not in it)"
        )
    return (
        f"{path}: the library is damaged ({first}{more}); nothing will be saved to it, so no note is written "
        f"into a damaged file. Reading may still work. Way out: {' '.join(ways)}."
    )


def read_only_message(path: Path, reason: str) -> str:
    return (
        f"{path}: opened read-only ({reason}); reading, search and export work, "
        "but nothing can be saved. Copy the library to a writable folder to change it."
    )


def check_on_open(db: Database, path: Path, unwritable: str | None, progress: Progress | None = None) -> str | None:
    """Why nothing may be saved to the library just opened (damaged or read-only), or None.

    A damaged library's connection is also made query-only, so no write can slip through.
    """
    read_ahead(path, progress)
    if progress is not None:
        progress("Checking the library…")
    problems = quick_check(db)
    if problems:
        db.execute("PRAGMA query_only = ON")
        return damaged_message(path, problems)
    if unwritable is not None:
        return read_only_message(path, unwritable)
    return None


def refuse_upgrade(db: Database, refusal: str) -> None:
    """A library that needs upgrading cannot be read without writing; say so instead of failing later."""
    from reader.store.database import StoreError
    from reader.store.migrations import migrations

    if migrations.pending(db):
        raise StoreError(f"{refusal} It must be set up or upgraded before it can be read, and that means writing to it.")
