"""Where an export may go: never onto the library, never onto a database, never over a file unasked.

`briefing export ID --out library.db` once replaced the whole library with Markdown. An export
target is refused when it is the open library or one of its companion files (`-wal`, `-shm`,
`-journal`), when it is any SQLite database (another library, a backup), when it is not an
ordinary file (a folder, a device), and, unless the reader said so (`--force`, or confirming
the window's save dialog), when a file is already there.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.store.database import SQLITE_HEADER, StoreError

#: Files SQLite keeps beside a database while it is open or after a crash.
COMPANIONS = ("-wal", "-shm", "-journal")


def check_export_target(target: str | os.PathLike[str], library: str | os.PathLike[str] | None, force: bool) -> Path:
    """The target as given, or StoreError saying why it must not be written (and what to do)."""
    out = Path(target)
    if library is not None and _is_library_file(out, Path(library)):
        raise StoreError(f"{out}: this is the library itself (or one of its files); an export never replaces it. Choose another file.")
    for suffix in COMPANIONS:
        if out.name.endswith(suffix) and _is_sqlite(out.with_name(out.name[: -len(suffix)])):
            raise StoreError(f"{out}: this belongs to the database {out.name[: -len(suffix)]}; choose another file")
    if out.is_dir():
        raise StoreError(f"{out}: is a folder; give a file name for the export")
    if not out.exists():
        if out.is_symlink():
            raise StoreError(f"{out}: a link to nothing (or a loop of links); choose another file")
        return out
    if not out.is_file():
        raise StoreError(f"{out}: not an ordinary file; leave out --out to write to standard output")
    if _is_sqlite(out):
        raise StoreError(f"{out}: this is an SQLite database (a library or its backup?); an export never replaces one")
    if not force:
        raise StoreError(f"{out}: already exists; it was left untouched. Pass --force to replace it")
    return out


def _is_library_file(out: Path, library: Path) -> bool:
    names = [library, *(library.with_name(library.name + s) for s in COMPANIONS)]
    try:
        wanted = out.resolve()
    except (OSError, RuntimeError):
        return False
    for name in names:
        try:
            if wanted == name.resolve() or (out.exists() and name.exists() and out.samefile(name)):
                return True
        except (OSError, RuntimeError):
            continue
    return False


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
