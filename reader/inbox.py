"""An inbox folder: every briefing file dropped into it is imported into the library.

Qt-free: the window watches the folder and calls `Inbox.scan` then `Inbox.import_ready` on a
library worker; tests call them directly. Nothing in the folder is ever moved, renamed or
deleted: a file that cannot be read stays where it is and is listed in `problems` with its
reason until it changes or goes. A file still being written (its size or time changed since
the last look, or modified within `SETTLE_SECONDS`) waits for the next scan, so a half-copied
PDF is never read. Files already handled are skipped until they change; the library itself
also ignores a text it already has.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.store.records import ImportReport

#: A file modified more recently than this may still be being written.
SETTLE_SECONDS = 2.0
#: Names that browsers, office programs and copy tools give files while they write them.
_PARTIAL = (".part", ".crdownload", ".download", ".tmp", ".partial", ".swp")


@dataclass(frozen=True, slots=True)
class _Seen:
    size: int
    mtime_ns: int


@dataclass
class Inbox:
    """The state of one inbox folder between scans (kept by the window while it runs)."""

    folder: Path
    clock: Callable[[], float] = time.time
    #: path -> what it looked like when it was handled (imported, unchanged or failed).
    handled: dict[Path, _Seen] = field(default_factory=dict)
    #: path -> what it looked like at the last scan, for files not handled yet.
    waiting: dict[Path, _Seen] = field(default_factory=dict)
    #: path -> why it could not be read; cleared when the file changes or disappears.
    problems: dict[Path, str] = field(default_factory=dict)

    def scan(self) -> list[Path]:
        """Files that are new or changed and have stopped changing: ready to import."""
        ready: list[Path] = []
        present: set[Path] = set()
        try:
            entries = sorted(self.folder.iterdir())
        except OSError:
            return []
        for path in entries:
            if not _candidate(path):
                continue
            try:
                info = path.stat()
            except OSError:
                continue
            present.add(path)
            seen = _Seen(info.st_size, info.st_mtime_ns)
            if self.handled.get(path) == seen:
                continue
            self.problems.pop(path, None)
            settled = self.waiting.get(path) == seen or self.clock() - info.st_mtime >= SETTLE_SECONDS
            if settled and seen.size > 0:
                ready.append(path)
            else:
                self.waiting[path] = seen
        for gone in [p for p in (*self.handled, *self.problems, *self.waiting) if p not in present]:
            self.handled.pop(gone, None)
            self.problems.pop(gone, None)
            self.waiting.pop(gone, None)
        return ready

    def import_ready(self, library: Any, engine: Any, cancel: Callable[[], bool] | None = None) -> ImportReport:
        """Scan, then import what is ready; record what was handled and why files failed."""
        ready = self.scan()
        if not ready:
            return ImportReport()
        signatures = {}
        for path in ready:
            try:
                info = path.stat()
            except OSError:
                continue
            signatures[path] = _Seen(info.st_size, info.st_mtime_ns)
        report = library.import_paths(list(signatures), engine, cancel=cancel)
        failed = {Path(p).resolve(): reason for p, reason in report.failed}
        for path, seen in signatures.items():
            if report.cancelled:
                break
            self.waiting.pop(path, None)
            self.handled[path] = seen
            reason = failed.get(path.resolve())
            if reason is not None:
                self.problems[path] = reason.removeprefix(f"{path}: ").removeprefix(f"{path.resolve()}: ")
        imported: ImportReport = report
        return imported


def _candidate(path: Path) -> bool:
    name = path.name
    if name.startswith((".", "~$", "~")) or name.lower().endswith(_PARTIAL):
        return False
    # Files of any type are tried: the loader reads a file by what it is, or says why not.
    return path.is_file()


def describe(report: ImportReport, problems: int) -> str:
    """The quiet one-line notice after an inbox import."""
    added = len(report.added) + len(report.updated)
    parts = [f"Inbox: {added} briefing{'s' if added != 1 else ''} imported"] if added else []
    if report.failed:
        parts.append(f"{len(report.failed)} file{'s' if len(report.failed) != 1 else ''} could not be read")
    if not parts and problems:
        parts.append(f"{problems} file{'s' if problems != 1 else ''} could not be read")
    return "; ".join(parts)
