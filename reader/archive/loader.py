"""`briefing import --analyses DIR`: shards read and prepared in a second process, one writer.

Parsing a shard's JSON and building a briefing's rows is about half the work of a bulk load
(measured with cProfile on 10,000 analyses); the other half is SQLite's. So a reader process
decompresses, checks and parses the shards and hands `reader.store.bulk.Prepared` records
(plain strings and lists: cheap to pickle) to this process, which only writes. The pipe
between them is the backpressure: the reader waits while the writer is a few hundred records
behind. Like the analysis workers, the reader ignores SIGINT (the writer decides what to keep),
and it exits when the writer is gone.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from reader.archive.shards import ArchiveFolder, ShardError
from reader.store.bulk import Prepared, prepare

#: Prepared records per message.
CHUNK = 100


def _produce(conn: Connection, path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        folder = ArchiveFolder.open(path)
        for shard in sorted(folder.shards, key=lambda s: s.number):
            lines = folder.read_lines(shard)
            for start in range(0, len(lines), CHUNK):
                conn.send(("records", [prepare(line) for line in lines[start : start + CHUNK]]))
        conn.send(("end",))
    except ShardError as exc:
        with contextlib.suppress(OSError):
            conn.send(("error", str(exc)))
    except (BrokenPipeError, EOFError, OSError):
        return  # the writer is gone
    except Exception as exc:  # a record that is not an analysis: say which folder, in one line
        with contextlib.suppress(OSError):
            conn.send(("error", f"{path}: cannot read the analyses ({type(exc).__name__}: {exc})"))


def prepared_records(folder: Path) -> Iterator[Prepared]:
    """Every analysis of the folder's finished shards, in shard order, prepared in another process."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    ignoring = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if ignoring else None
    try:
        process = context.Process(target=_produce, args=(child, str(folder)), name="briefing-shard-reader", daemon=True)
        process.start()
    finally:
        if ignoring:
            signal.signal(signal.SIGINT, previous)
    child.close()
    try:
        while True:
            try:
                message = parent.recv()
            except EOFError:
                raise ShardError(f"{folder}: the process reading the shards stopped (killed, or out of memory)") from None
            if message[0] == "end":
                return
            if message[0] == "error":
                raise ShardError(message[1])
            yield from message[1]
    finally:
        parent.close()
        if process.is_alive():
            process.terminate()
        process.join(5)
