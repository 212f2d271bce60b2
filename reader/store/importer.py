"""Import: walk files and folders, read each into documents, analyse new texts in batches, store each.

Each briefing is stored in its own short transaction as soon as it is analysed, so cancelling
(or a crash, or a full disk) keeps every briefing finished before it.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.documents import SUPPORTED_SUFFIXES, load_documents
from reader.documents.loader import missing_path_message
from reader.errors import DocumentError
from reader.model import Analysis, Document, content_hash
from reader.store.analyses import Analyses
from reader.store.briefings import AnalysisEngine, Briefings
from reader.store.connection import Connection
from reader.store.database import StoreError
from reader.store.records import ImportReport

#: Called as progress(done, total, path) after each file of an import.
Progress = Callable[[int, int, str], None]


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to import (folders searched recursively, hidden ones skipped) and paths that failed."""
    files: list[Path] = []
    failed: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                failed.append((str(path), f"{path}: no briefing files ({', '.join(SUPPORTED_SUFFIXES)}) in this folder"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        elif path.is_symlink():  # a dangling link or a loop: the same words as `briefing analyze`
            failed.append((str(path), missing_path_message(path)))
        else:
            failed.append((str(path), f"{path}: no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, failed


class Importer:
    """Loads files into briefings and analyses through the library's parts."""

    def __init__(self, conn: Connection, briefings: Briefings, analyses: Analyses) -> None:
        self.conn = conn
        self.briefings = briefings
        self.analyses = analyses

    def run(
        self,
        paths: Iterable[str | Path],
        engine: AnalysisEngine,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        published: dt.date | None = None,
        report: ImportReport | None = None,
    ) -> ImportReport:
        """Import files and folders, analysing new texts in batches through `engine.analyze_many`.

        A file already in the library with the same text is a no-op; a file whose text changed
        since it was imported updates its briefing in place (its notes are re-anchored). Files
        that cannot be read are reported and skipped. Each briefing is stored in its own short
        transaction as soon as it is analysed, so cancelling (or a crash) keeps every briefing
        finished before it. `cancel` is polled between files. Pass `report` to watch it fill.
        """
        self.conn.require_writable()
        files, failed = expand_paths(paths)
        report = report if report is not None else ImportReport()
        report.failed.extend(failed)
        total, done = len(files), 0
        waiting: deque[tuple[Path, Document, str | None]] = deque()

        def tick(path: Path) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, total, str(path))

        def cancelled() -> bool:
            if cancel is not None and cancel():
                report.cancelled = True
            return report.cancelled

        def to_analyse() -> Iterator[Document]:
            nonlocal total
            for path in files:
                if cancelled():
                    return
                try:
                    documents = load_documents(path, published=published)
                except DocumentError as exc:
                    report.failed.append((str(path), str(exc)))
                    tick(path)
                    continue
                total += len(documents) - 1
                for document in documents:  # a feed's entries, a mail and its attachments: one "#part" each
                    document.source = f"{path}#{document.part}" if document.part else str(path)
                    with self.conn.translating():
                        state, briefing_id = self.briefings.classify(document)
                        if state == "unchanged":
                            report.unchanged.append(document.source)
                            tick(path)
                            continue
                        cached = self.analyses.cached(content_hash(document.text), document)
                        if cached is not None:
                            self._store_imported(document, briefing_id, cached, report)
                            tick(path)
                            continue
                    waiting.append((path, document, briefing_id))
                    yield document

        try:
            for analysis in engine.analyze_many(to_analyse()):
                path, document, briefing_id = waiting.popleft()
                with self.conn.translating():
                    self._store_imported(document, briefing_id, analysis, report)
                tick(path)
                if cancelled():
                    break
        except StoreError as exc:  # a full disk, say: stop, and say what was kept (each briefing committed alone)
            report.stopped = str(exc)
        return report

    def _store_imported(
        self, document: Document, briefing_id: str | None, analysis: Analysis, report: ImportReport
    ) -> None:
        with self.conn.writing():
            if briefing_id is None:
                digest = content_hash(document.text)
                if self.conn.db.execute("SELECT 1 FROM briefings WHERE content_hash = ?", [digest]).fetchone():
                    # The same text came twice in one batch: the first copy was stored meanwhile.
                    report.unchanged.append(document.source)
                    return
                briefing_id = self.briefings.add_document(document)
                report.added.append(briefing_id)
            else:
                self.briefings.update_document(briefing_id, document)
                report.updated.append(briefing_id)
            self.analyses.put(briefing_id, analysis)
