"""Every file the reader writes goes through here: a crash, a kill or a full disk leaves the old
file or the new one, never a fragment of either.

The bytes go to a temporary file beside the target (same folder, so the same filesystem),
are flushed to the disk (fsync), and only then take the target's name with `os.replace`,
which is atomic; the folder is synced too, so the rename itself survives a power cut. A
failure at any step removes the temporary file and leaves the target as it was.

    atomic_write(path, text)                      # exports, settings
    with atomic_target(path) as tmp:              # writers that want a path (PDF, SQLite backup)
        QPdfWriter(str(tmp)) ...

`overwrite=False` refuses to replace an existing file, atomically (the temporary file is
hard-linked to the target name, which fails if the name is taken).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from reader.errors import BriefingError

#: Temporary files are named `.NAME.` + random + this suffix (a kill -9 can leave one behind).
TEMP_SUFFIX = ".briefing-tmp"
_CHUNK = 1 << 16


class WriteError(BriefingError):
    """A file could not be written; the file that was there (if any) is unchanged."""


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OSError, naming a full disk plainly."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8", overwrite: bool = True) -> Path:
    """Write `data` to `path` atomically; returns the path. Raises WriteError, old file intact."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_target(path, overwrite=overwrite) as tmp:
        fd = os.open(tmp, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view[:_CHUNK])
                view = view[written:]
        finally:
            os.close(fd)
    return Path(path)


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block succeeds it becomes `path` atomically.

    The block writes the temporary file however it likes (and closes it). A new file gets the
    usual permissions (0666 less the umask); a replaced one keeps the permissions it had.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # write through the link; the link itself stays
    folder = target.parent if str(target.parent) else Path()
    existing = _existing_mode(target)
    if existing is not None and not overwrite:
        raise WriteError(f"{target}: already exists; it was left untouched")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise WriteError(f"{target}: cannot write ({describe_os_error(exc)}); nothing was changed") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _sync_file(tmp)
        tmp.chmod(existing if existing is not None else _default_mode())
        if overwrite:
            tmp.replace(target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise WriteError(f"{target}: already exists; it was left untouched") from None
            tmp.unlink()
        _sync_folder(folder)
    except OSError as exc:
        _discard(tmp)
        raise WriteError(f"{target}: cannot write ({describe_os_error(exc)}); nothing was changed") from None
    except BaseException:
        _discard(tmp)
        raise


def _existing_mode(target: Path) -> int | None:
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(f"{target}: cannot write ({describe_os_error(exc)})") from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{target}: not a regular file; the reader only writes ordinary files")
    return stat.S_IMODE(info.st_mode)


def _default_mode() -> int:
    """0666 less the umask, read without os.umask (which would change it for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; folders cannot be opened for syncing on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
