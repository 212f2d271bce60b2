"""Analyses on disk: gzip-compressed JSONL shards, a sidecar per shard, and a manifest.

    OUT/shard-000001.jsonl.gz   one `Analysis.to_dict()` per line (the document with its text)
    OUT/shard-000001.json       its sidecar: engine version, the files it covers, failures, sha256
    OUT/manifest.json           the summary: engine version, counts, every failure with its reason

Why a sidecar per shard rather than one growing manifest: a shard is done exactly when its
sidecar exists. Both are written atomically (reader/atomic.py), the data file first, so a
kill at any moment leaves either a finished shard or one that a resumed run writes again; the
manifest is a summary rebuilt from the sidecars after every shard, never the only record.
Resuming never re-reads the data files, and a manifest of a million files is not rewritten
a thousand times.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.atomic import atomic_write
from reader.errors import BriefingError

FORMAT = 1
MANIFEST = "manifest.json"
_SIDECAR = re.compile(r"^shard-(\d{6})\.json$")


class ShardError(BriefingError):
    """An analyses folder that cannot be read or written, or is of another engine version."""


def shard_name(number: int) -> str:
    return f"shard-{number:06d}.jsonl.gz"


def encode_shard(analyses: list[dict[str, Any]]) -> bytes:
    """The compressed JSONL of a shard (done on the worker, so compression runs in parallel too)."""
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in analyses)
    # Level 6 is gzip's default; the BBC corpus shrinks about 5x and it costs little next to spaCy.
    return gzip.compress(lines.encode("utf-8"), compresslevel=6, mtime=0)


@dataclass(slots=True)
class ShardRecord:
    """A finished shard, as its sidecar says."""

    number: int
    engine_version: str
    files: list[str]
    documents: int
    failures: list[dict[str, str]] = field(default_factory=list)
    sha256: str = ""
    written: str = ""

    @property
    def name(self) -> str:
        return shard_name(self.number)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "shard": self.name,
            "engine_version": self.engine_version,
            "documents": self.documents,
            "files": self.files,
            "failures": self.failures,
            "sha256": self.sha256,
            "written": self.written,
        }

    @classmethod
    def from_dict(cls, number: int, data: dict[str, Any]) -> ShardRecord:
        return cls(
            number=number,
            engine_version=data["engine_version"],
            files=list(data.get("files", [])),
            documents=int(data.get("documents", 0)),
            failures=list(data.get("failures", [])),
            sha256=data.get("sha256", ""),
            written=data.get("written", ""),
        )


class ArchiveFolder:
    """The --out folder of an archive run: its finished shards, and the writing of new ones."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.shards: list[ShardRecord] = []

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> ArchiveFolder:
        folder = cls(Path(path).expanduser())
        if not folder.path.is_dir():
            if not create:
                raise ShardError(f"{folder.path}: no such folder of analyses (written by `briefing analyze-archive --out`)")
            try:
                folder.path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ShardError(f"{folder.path}: cannot create the folder ({exc.strerror or exc})") from None
        for sidecar in sorted(folder.path.iterdir()):
            match = _SIDECAR.match(sidecar.name)
            if not match:
                continue
            try:
                data = json.loads(sidecar.read_text(encoding="utf-8"))
                folder.shards.append(ShardRecord.from_dict(int(match.group(1)), data))
            except (OSError, ValueError, KeyError) as exc:
                raise ShardError(f"{sidecar}: cannot read this shard's record ({exc})") from None
        return folder

    @property
    def engine_version(self) -> str | None:
        """The engine version of the shards here (None when there are none yet)."""
        versions = {s.engine_version for s in self.shards}
        if len(versions) > 1:
            raise ShardError(f"{self.path}: shards of several engine versions ({', '.join(sorted(versions))})")
        return next(iter(versions), None)

    def check_version(self, version: str, doing: str) -> None:
        """Refuse (one sentence) to add to or load from shards written by another engine version."""
        found = self.engine_version
        if found is not None and found != version:
            raise ShardError(
                f"{self.path}: these analyses were made by engine {found}, and this reader's engine is {version}; "
                f"cannot {doing}. Run `briefing analyze-archive` again into a new --out folder with this version "
                "(or import the original files, which analyses them)"
            )

    def done_files(self) -> set[str]:
        return {f for s in self.shards for f in s.files}

    def next_number(self) -> int:
        return max((s.number for s in self.shards), default=0) + 1

    def write_shard(self, number: int, payload: bytes, engine_version: str, files: list[str], documents: int, failures: list[dict[str, str]]) -> ShardRecord:
        """Write the data file, then its sidecar (the mark that it is done), both atomically."""
        record = ShardRecord(
            number=number,
            engine_version=engine_version,
            files=files,
            documents=documents,
            failures=failures,
            sha256=hashlib.sha256(payload).hexdigest(),
            written=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        atomic_write(self.path / record.name, payload)
        atomic_write(self.path / f"shard-{number:06d}.json", json.dumps(record.to_dict(), ensure_ascii=False, indent=1))
        self.shards.append(record)
        return record

    def write_manifest(self, engine_version: str, extra_failures: list[dict[str, str]], complete: bool) -> Path:
        """The summary of everything here, rebuilt from the sidecars (plus failures not in a shard)."""
        failures = [{**f, "shard": s.name} for s in self.shards for f in s.failures] + list(extra_failures)
        manifest = {
            "format": FORMAT,
            "engine_version": engine_version,
            "updated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "complete": complete,
            "counts": {
                "shards": len(self.shards),
                "files": sum(len(s.files) for s in self.shards),
                "documents": sum(s.documents for s in self.shards),
                "failures": len(failures),
            },
            "shards": [{"name": s.name, "documents": s.documents, "failures": len(s.failures)} for s in self.shards],
            "failures": failures,
        }
        return atomic_write(self.path / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))

    def documents(self) -> int:
        return sum(s.documents for s in self.shards)

    def read(self, record: ShardRecord) -> Iterator[dict[str, Any]]:
        """The analyses of one shard, after checking its bytes against the sidecar's sha256."""
        for line in self.read_lines(record):
            yield json.loads(line)

    def read_lines(self, record: ShardRecord) -> list[str]:
        """The JSON lines of one shard (one analysis each), checked against the sidecar's sha256."""
        path = self.path / record.name
        try:
            payload = path.read_bytes()
        except OSError as exc:
            raise ShardError(f"{path}: cannot read the shard ({exc.strerror or exc})") from None
        if record.sha256 and hashlib.sha256(payload).hexdigest() != record.sha256:
            raise ShardError(f"{path}: the shard is damaged (its checksum differs from shard-{record.number:06d}.json)")
        try:
            text = gzip.decompress(payload).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise ShardError(f"{path}: the shard is damaged ({exc})") from None
        return [line for line in text.splitlines() if line]
