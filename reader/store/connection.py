"""What every part of the library shares: one connection, where it is, and whether it may write."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from reader.store.database import StoreError, translating

if TYPE_CHECKING:
    from reader.store.integrity import BackgroundCheck


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Connection:
    """One SQLite connection of the library and the rules for writing through it."""

    def __init__(self, db: Database, path: Path | None, refusal: str | None) -> None:
        self.db = db
        self.path = path
        self.where = str(path) if path else "the library"
        #: Why nothing may be saved (a damaged or read-only library), said in full; None when writable.
        self.refusal = refusal
        #: The integrity check still running in the background; writes wait for it (see integrity.py).
        self.pending_check: BackgroundCheck | None = None

    def defer_check(self, check: BackgroundCheck) -> None:
        """Take no write until `check` has passed: query-only now, every write waits for the verdict."""
        self.db.execute("PRAGMA query_only = ON")
        self.pending_check = check

    def settle_check(self, timeout: float | None = None) -> bool:
        """Wait for the background check and apply its verdict here (the connection's thread); False while it runs."""
        check = self.pending_check
        if check is None:
            return True
        problems = check.wait(timeout)
        if problems is None:
            return False
        from reader.store.integrity import damaged_message

        self.pending_check = None
        if problems:
            self.refusal = damaged_message(check.path, problems)  # query_only stays on
        else:
            self.db.execute("PRAGMA query_only = OFF")
        return True

    def translating(self) -> contextlib.AbstractContextManager[None]:
        """SQLite errors as StoreError naming this library."""
        return translating(self.where)

    def require_writable(self) -> None:
        """StoreError saying why, when the library is damaged or read-only (called before every write).

        While the integrity check runs in the background, this waits for it first.
        """
        if self.pending_check is not None:
            self.settle_check()
        if self.refusal is not None:
            raise StoreError(self.refusal)

    @contextlib.contextmanager
    def writing(self) -> Iterator[Database]:
        """`db.atomic()` that takes the write lock first (BEGIN IMMEDIATE) when it opens the transaction.

        A deferred transaction that reads and then writes cannot wait for another instance's
        write lock (SQLite reports "locked" at once to avoid a deadlock); asking for the lock
        up front lets the busy timeout do its job, so two instances simply take turns.
        """
        self.require_writable()
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            with self.db.atomic():
                yield self.db
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def one(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row, None when there is none."""
        row = self.db.execute(sql, args).fetchone()
        return row[0] if row else None

    def briefing_row(self, briefing_id: str) -> dict[str, Any]:
        rows = list(self.db.table("briefings").rows_where("id = ?", [briefing_id]))
        if not rows:
            raise StoreError(f"no briefing with id {briefing_id!r} in {self.where}")
        return rows[0]


def chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
