"""The `briefing` commands of issue 17: `analyze-archive`, and `import --workers` / `--analyses`.

Hooked into reader/store/cli.py with a few lines (`add_import_options`, `import_hook`), so they
move with the store's restructuring unchanged.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from reader.interrupts import Interrupts

#: What to run when Dask is not installed (the `archive` extra).
INSTALL_DASK = "pip install 'briefing-reader[archive]'  (or: pip install 'dask[distributed]')"


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """`--workers N` and `--analyses DIR` for `briefing import`."""
    parser.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help="analyse in N worker processes (default: one per core, as memory allows; 1: in this process)",
    )
    parser.add_argument(
        "--analyses",
        metavar="DIR",
        help="load the analyses `briefing analyze-archive` wrote to DIR (no analysis here; engine version checked)",
    )


def register_archive_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "analyze-archive",
        help="analyse an archive on a Dask cluster into compressed shards (resumable)",
        description="Analyse every briefing under PATH on a Dask cluster into gzip JSONL shards with a manifest. "
        "Running the same command again resumes; `briefing import --analyses DIR` loads the result.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the shards and manifest.json")
    p.add_argument(
        "--scheduler",
        default="local",
        metavar="ADDRESS",
        help="a Dask scheduler (tcp://host:8786), or local:N for N worker processes here (default: local, one per core)",
    )
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date of every file")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress, only problems and the summary")
    p.set_defaults(handler=cmd_analyze_archive)


def _workers(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers (1 or more)")
    return number


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _dask_missing() -> str | None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return f"analyze-archive needs Dask, which is not installed; install it with: {INSTALL_DASK}"
    return None


class _Line:
    """Progress on stderr: one updating line on a terminal, one line per step otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet, self.tty = quiet, sys.stderr.isatty()

    def show(self, line: str) -> None:
        if self.quiet:
            return
        if self.tty:
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.tty and not self.quiet:
            print("\r\033[K", end="", file=sys.stderr)


def cmd_analyze_archive(args: argparse.Namespace) -> int:
    missing = _dask_missing()
    if missing:
        print(f"briefing: {missing}", file=sys.stderr)
        return 1
    from reader.archive.runner import analyze_archive

    line = _Line(args.quiet)
    with Interrupts("stopping; the shards written so far are kept") as interrupts:
        report = analyze_archive(
            args.paths,
            args.out,
            args.scheduler,
            published=args.published,
            progress=lambda done, total, shard: line.show(f"[{done}/{total}] {shard}"),
            cancel=lambda: interrupts.requested,
        )
    line.clear()
    for failure in report.missing + report.failures + report.lost:
        print(f"briefing: {failure['source']}: {failure['reason']}", file=sys.stderr)
    summary = (
        f"{report.documents} analysed into {report.shards} shard(s) by {report.workers} worker(s), "
        f"{report.skipped} file(s) already done, {len(report.failures) + len(report.missing)} failed"
    )
    if report.lost:
        summary += f", {len(report.lost)} file(s) left for the next run"
    where = Path(args.out) / "manifest.json"
    if report.cancelled:
        print(f"briefing: stopped; {summary}. Run the same command again to resume ({where}).", file=sys.stderr)
        return 130
    print(f"briefing: {summary}; {where}", file=sys.stderr)
    return 1 if report.failures or report.missing or report.lost else 0


def cmd_import_analyses(args: argparse.Namespace, library: Any, progress: Any, cancel: Any, report: Any) -> None:
    """`briefing import --analyses DIR` into an open library (the caller prints the summary)."""
    from reader.archive.shards import ArchiveFolder
    from reader.model import ENGINE_VERSION
    from reader.store.bulk import load_analyses

    folder = ArchiveFolder.open(args.analyses)
    if not folder.shards:
        raise_error(f"{folder.path}: no finished shards here (written by `briefing analyze-archive --out`)")
    folder.check_version(ENGINE_VERSION, "load them into this library")

    from reader.archive.loader import prepared_records

    load_analyses(library, prepared_records(folder.path), folder.documents(), progress=progress, cancel=cancel, report=report)


def raise_error(message: str) -> None:
    from reader.errors import BriefingError

    raise BriefingError(message)


def import_hook(args: argparse.Namespace) -> tuple[Any, Any]:
    """(engine for `Library.import_paths`, pool to close or None), as --workers and the machine say."""
    from reader.archive.pool import import_engine

    def in_process() -> Any:
        from reader.engine import Engine

        return Engine()

    return import_engine(in_process, args.paths, args.workers)
