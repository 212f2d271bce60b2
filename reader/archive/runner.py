"""`briefing analyze-archive`: the engine on a Dask cluster, writing shards this process owns.

The client (this process) finds the files, reads them into Documents and sends them to the
cluster in groups of `FILES_PER_SHARD` files; each group is one task. A worker analyses the
group with an Engine it loads once per process, isolating failures per document, and returns
the shard already compressed; the client writes it and its sidecar (reader/archive/shards.py).
So the workers need no shared filesystem, only `pip install briefing-reader` (the same
version: the engine version is checked on every worker before anything is sent), and the
client never holds more than `IN_FLIGHT_PER_WORKER` groups per worker in memory.

A failing document is recorded in its shard's sidecar with the reason and the run goes on; a
group whose worker died (Dask retries it on another worker first) is reported and left for
the next run. Running the same command again resumes: files already in a shard are skipped.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.archive import pool
from reader.archive.pool import _resolve
from reader.archive.shards import ArchiveFolder, encode_shard
from reader.errors import BriefingError
from reader.model import ENGINE_VERSION, Document

#: Files per task (and per shard): ~64 BBC articles is ~10 s of one core, so scheduling costs
#: nothing next to it and a resumed run repeats little.
FILES_PER_SHARD = 64
MIN_FILES_PER_SHARD = 8
IN_FLIGHT_PER_WORKER = 2
#: Seconds between two looks at Ctrl+C while the cluster works.
POLL_S = 0.5
#: Called as progress(documents done, documents known, last shard name).
Progress = Callable[[int, int, str], None]

_ENGINES: dict[str, Any] = {}


class ClusterError(BriefingError):
    """The scheduler cannot be reached, or its workers run another engine version."""


@dataclass(slots=True)
class ArchiveReport:
    files: int = 0
    skipped: int = 0  # files already in a shard (a resumed run)
    documents: int = 0
    shards: int = 0
    #: Paths that are not there, or hold no briefing (in no shard; the manifest lists them).
    missing: list[dict[str, str]] = field(default_factory=list)
    #: Documents of this run that failed, with their reasons (also in their shards' sidecars).
    failures: list[dict[str, str]] = field(default_factory=list)
    #: Groups whose worker died; their files are in no shard and the next run retries them.
    lost: list[dict[str, str]] = field(default_factory=list)
    cancelled: bool = False
    workers: int = 0


def worker_engine_version() -> str:
    """Run on each worker: the engine version its installed reader would write."""
    return ENGINE_VERSION


def analyse_group(documents: list[Document], load_failures: list[dict[str, str]], engine_spec: str = pool.ENGINE) -> tuple[bytes, int, list[dict[str, str]], float]:
    """On a worker: (compressed shard, documents in it, failures, peak MB). Never raises for a document."""
    from reader.archive.pool import peak_rss_mb

    engine = _ENGINES.get(engine_spec)
    if engine is None:
        engine = _ENGINES[engine_spec] = _resolve(engine_spec)()
    failures = list(load_failures)
    try:
        analyses = list(engine.analyze_many(documents))
    except Exception:  # one bad document spoils its nlp.pipe batch: find it by analysing one at a time
        analyses = []
        for document in documents:
            try:
                analyses.extend(engine.analyze_many([document]))
            except Exception as exc:
                failures.append({"source": document.source, "reason": _reason(exc)})
    rows = [a.to_dict() for a in analyses]
    return encode_shard(rows), len(rows), failures, peak_rss_mb()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, BriefingError):
        return str(exc)
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
    return f"{type(exc).__name__}: {exc}{where}"


def connect(scheduler: str) -> tuple[Any, Any]:
    """(client, cluster or None) for `local:N` (a LocalCluster of N processes) or a scheduler address."""
    from distributed import Client, LocalCluster

    if scheduler.startswith("local"):
        count = scheduler.partition(":")[2]
        workers = int(count) if count.isdigit() and int(count) > 0 else None
        if count and workers is None:
            raise ClusterError(f"{scheduler!r}: write local:N with N a number of worker processes (1 or more)")
        from reader.archive.sizing import default_workers

        # One thread per process: spaCy holds the GIL, so a second thread in a worker gains nothing.
        # Its processes start with SIGINT ignored (kept across exec): Ctrl+C in a terminal reaches
        # the whole process group, and only this client decides what to keep.
        # The cluster's own log (a cancelled task, a closing worker) is not the reader's to show.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
        logging.getLogger("distributed").setLevel(logging.ERROR)
        ignoring = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if ignoring else None
        try:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]  # distributed is not typed
                n_workers=workers or default_workers(), threads_per_worker=1, processes=True, dashboard_address=None
            )
        finally:
            if ignoring:
                signal.signal(signal.SIGINT, previous)
        return Client(cluster), cluster  # type: ignore[no-untyped-call]
    try:
        return Client(scheduler, timeout="20s"), None  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None


def check_workers(client: Any) -> int:
    """The number of workers; ClusterError when one has another engine version than this client."""
    versions = client.run(worker_engine_version)
    if not versions:
        raise ClusterError("the cluster has no workers")
    other = {address: v for address, v in versions.items() if v != ENGINE_VERSION}
    if other:
        address, version = next(iter(other.items()))
        raise ClusterError(
            f"worker {address} runs engine {version}, this client {ENGINE_VERSION}; install the same "
            "briefing-reader on the workers and here (pip install briefing-reader==<version>)"
        )
    return len(versions)


def _groups(files: Sequence[Path], size: int) -> list[list[Path]]:
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def _load(group: list[Path], published: dt.date | None) -> tuple[list[Document], list[dict[str, str]]]:
    """The group's documents, sources named as `briefing import` names them, and files that failed."""
    from reader.documents import load_documents

    documents: list[Document] = []
    failures: list[dict[str, str]] = []
    for path in group:
        try:
            loaded = load_documents(path, published=published)
        except Exception as exc:  # a loader bug must not stop the archive either
            failures.append({"source": str(path), "reason": _reason(exc)})
            continue
        for document in loaded:
            document.source = f"{path}#{document.part}" if document.part else str(path)
            documents.append(document)
    return documents, failures


def analyze_archive(
    paths: Sequence[str | Path],
    out: str | Path,
    scheduler: str,
    published: dt.date | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    files_per_shard: int = FILES_PER_SHARD,
    engine: str | None = None,
) -> ArchiveReport:
    """Analyse every briefing under `paths` on the cluster into shards in `out`; resumes a run there.

    `engine` is the workers' engine as "module:callable" (default: `reader.archive.pool.ENGINE`).
    """
    engine = engine or pool.ENGINE
    from reader.store.importer import expand_paths

    folder = ArchiveFolder.open(out, create=True)
    folder.check_version(ENGINE_VERSION, "add to them")
    files, missing = expand_paths(paths)
    report = ArchiveReport(files=len(files), missing=[{"source": p, "reason": r} for p, r in missing])
    done = folder.done_files()
    todo = [f for f in files if str(f) not in done]
    report.skipped = len(files) - len(todo)
    client, cluster = connect(scheduler)
    try:
        report.workers = check_workers(client)
        # Enough groups for every worker to have work until near the end (a short tail), none too big.
        size = max(1, min(files_per_shard, max(MIN_FILES_PER_SHARD, -(-len(todo) // (report.workers * 8)))))
        groups = _groups(todo, size)
        _run(client, folder, groups, published, progress, cancel, report, engine)
    finally:
        folder.write_manifest(ENGINE_VERSION, report.missing + report.lost, complete=not report.cancelled and not report.lost)
        client.close()
        if cluster is not None:
            cluster.close()
    return report


def _run(client: Any, folder: ArchiveFolder, groups: list[list[Path]], published: dt.date | None, progress: Progress | None, cancel: Callable[[], bool] | None, report: ArchiveReport, engine: str) -> None:
    from distributed import wait

    window = max(1, report.workers * IN_FLIGHT_PER_WORKER)
    numbers = iter(range(folder.next_number(), folder.next_number() + len(groups)))
    queue = list(enumerate(groups))
    known = folder.documents()
    total_estimate = known + sum(len(g) for g in groups)
    futures: dict[Any, tuple[int, list[Path]]] = {}

    def submit() -> None:
        if not queue or (cancel is not None and cancel()):
            return
        _, group = queue.pop(0)
        documents, load_failures = _load(group, published)
        future = client.submit(analyse_group, documents, load_failures, engine, pure=False)
        futures[future] = (next(numbers), group)

    for _ in range(window):
        submit()
    done = known
    while futures:
        if cancel is not None and cancel():  # stop now: groups still out are redone by the next run
            report.cancelled = True
            client.cancel(list(futures))
            break
        try:
            finished, _ = wait(list(futures), timeout=POLL_S, return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
        except TimeoutError:
            continue  # nothing yet: look at Ctrl+C again (a cluster that lost its workers waits for new ones)
        for future in finished:
            number, group = futures.pop(future)
            try:
                payload, count, failures, _peak = future.result()
            except Exception as exc:  # the worker died on it (KilledWorker after Dask's retries), or the task broke
                reason = _reason(exc)
                report.lost.extend({"source": str(p), "reason": f"not analysed: {reason}"} for p in group)
            else:
                record = folder.write_shard(number, payload, ENGINE_VERSION, [str(p) for p in group], count, failures)
                report.documents += count
                report.shards += 1
                report.failures.extend(failures)
                done += count
                folder.write_manifest(ENGINE_VERSION, report.missing + report.lost, complete=False)
                if progress is not None:
                    progress(done, max(done, total_estimate), record.name)
            submit()
