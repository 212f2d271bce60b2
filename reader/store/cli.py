"""Library commands of the `briefing` CLI (import, list, search, notes, note add, export)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from reader.interrupts import Interrupts
from reader.paths import DB_ENV


def register_library_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the library subcommands to the `briefing` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        help=f"library database file (default: ${DB_ENV}, else library.db in the user data directory)",
    )

    p = sub.add_parser("import", parents=[common], help="import briefing files or folders into the library")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files (.txt, .md, .html) or folders")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress, only problems and the summary")
    from reader.archive.cli import add_import_options, register_archive_command

    add_import_options(p)
    p.add_argument(
        "--published",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date of every imported file (overrides front matter, HTML metadata and datelines)",
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", parents=[common], help="list the briefings in the library")
    p.add_argument("--sort", choices=("imported", "published", "title", "notes"), default="imported")
    p.add_argument("--reverse", action="store_true", help="oldest / A first")
    p.add_argument("--actor", metavar="NAME", help="only briefings mentioning this actor")
    p.add_argument("--limit", type=_positive, metavar="N")
    p.add_argument("--json", action="store_true", help="one JSON array")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("search", parents=[common], help="full-text search across briefings and notes")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("notes", parents=[common], help="show a briefing's notes")
    p.add_argument("id", metavar="ID", help="briefing id (a unique prefix is enough)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_notes)

    note = sub.add_parser("note", help="add a note")
    note_sub = note.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    p = note_sub.add_parser("add", parents=[common], help="add a note to a briefing")
    p.add_argument("id", metavar="ID", help="briefing id (a unique prefix is enough)")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--quote", metavar="TEXT", help="the exact passage the note is about")
    target.add_argument("--actor", metavar="NAME", help="attach the note to an actor (shown in every briefing naming it)")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="use the N-th occurrence of --quote")
    p.add_argument("--body", required=True, metavar="MARKDOWN", help="the note (Markdown)")
    p.add_argument("--color", metavar="COLOUR", help="highlight colour (e.g. yellow)")
    p.set_defaults(handler=cmd_note_add)

    p = sub.add_parser("export", parents=[common], help="export a briefing, its events or its notes")
    p.add_argument("id", metavar="ID", help="briefing id (a unique prefix is enough)")
    p.add_argument(
        "--format",
        choices=("md", "csv", "json", "notes"),
        default="md",
        help="md: briefing with events and notes; csv/json: one row per event; notes: notes as Markdown",
    )
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output (never the library itself)")
    p.add_argument("--force", action="store_true", help="replace the --out file if it exists (never a database)")
    p.set_defaults(handler=cmd_export)


    p = sub.add_parser(
        "repair", parents=[common], help="copy what is readable from a damaged library into a new one (the old one is kept)"
    )
    p.add_argument("--out", metavar="FILE", help="the new library (default: LIBRARY.repaired-<time>.db beside it)")
    p.set_defaults(handler=cmd_repair)
    register_archive_command(sub, common)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of results (1 or more)")
    return number


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class OpenProgressLine:
    """What a long open is doing (the check, the backup and the steps of an upgrade), on stderr.

    Silent for its first second, in which a small library has opened; then one updating line on
    a terminal, and a line per step and per tenth of a step otherwise.
    """

    def __init__(self, delay: float = 1.0) -> None:
        self.start, self.delay, self.tty = time.monotonic(), delay, sys.stderr.isatty()
        self.shown = False
        self._said = ""

    def __call__(self, message: str) -> None:
        if time.monotonic() - self.start < self.delay:
            return
        percent = message.rpartition(": ")[2].rstrip("%")
        said = message.rpartition(": ")[0] + (f": {int(percent) // 10}" if percent.isdigit() else "") if ": " in message else message
        if self.tty:
            print(f"\r\033[Kbriefing: {message}", end="", file=sys.stderr, flush=True)
        elif said != self._said:
            print(f"briefing: {message}", file=sys.stderr, flush=True)
        self._said, self.shown = said, True

    def end(self) -> None:
        if self.tty and self.shown:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def open_library(db: Path | None) -> Any:
    """`Library.open` with its progress on stderr when it takes more than a moment."""
    from reader.store import Library

    line = OpenProgressLine()
    try:
        return Library.open(db, progress=line)
    finally:
        line.end()


def _open(args: argparse.Namespace, write: bool = False) -> Any:
    """The library; a command that writes is refused at once (one line) when it is damaged or read-only."""
    library = open_library(args.db)
    if library.backup is not None:
        print(f"briefing: upgraded the library; the previous version is saved as {library.backup}", file=sys.stderr)
    if library.refusal is not None:
        if write:
            library.close()
            library.require_writable()
        print(f"briefing: {library.refusal}", file=sys.stderr)  # said once; reading goes on
    return library


def cmd_import(args: argparse.Namespace) -> int:
    from reader.archive.cli import cmd_import_analyses, import_hook
    from reader.archive.pool import worker_summary

    if bool(args.paths) == bool(args.analyses):
        print("briefing: give the files or folders to import, or --analyses DIR (not both)", file=sys.stderr)
        return 2
    tty = sys.stderr.isatty()
    shown_failures = 0

    from reader.store.records import ImportReport

    # The library fills this report as it goes; progress() prints failures as they happen.
    report = ImportReport()

    def progress(done: int, total: int, path: str) -> None:
        nonlocal shown_failures
        while shown_failures < len(report.failed):
            print(("\r\033[K" if tty else "") + f"briefing: {report.failed[shown_failures][1]}", file=sys.stderr)
            shown_failures += 1
        if args.quiet:
            return
        line = f"[{done}/{total}] {Path(path).name}"
        if tty:
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    engine, pool = (None, None) if args.analyses else import_hook(args)
    try:
        with _open(args, write=True) as library, Interrupts("stopping after the current batch") as interrupts:
            if args.analyses:
                cmd_import_analyses(args, library, progress, lambda: interrupts.requested, report)
            else:
                library.import_paths(
                    args.paths,
                    engine,
                    progress=progress,
                    cancel=lambda: interrupts.requested,
                    published=args.published,
                    report=report,
                )
    finally:
        if pool is not None:
            pool.close()
    if tty and not args.quiet:
        print("\r\033[K", end="", file=sys.stderr)
    if worker_summary(pool) and not args.quiet:
        print(f"briefing: {worker_summary(pool)}", file=sys.stderr)
    for _, message in report.failed[shown_failures:]:
        print(f"briefing: {message}", file=sys.stderr)
    summary = (
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
    )
    if report.stopped:
        kept = len(report.added) + len(report.updated)
        print(f"briefing: {report.stopped}", file=sys.stderr)
        print(f"briefing: import stopped; {summary}. The {kept} briefing(s) stored before it are kept.", file=sys.stderr)
        return 1
    if report.cancelled:
        print(f"briefing: import cancelled; {summary}. Everything imported so far is kept.", file=sys.stderr)
        return 130
    print(f"briefing: {summary}", file=sys.stderr)
    return 1 if report.failed else 0


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as library:
        summaries = library.list_briefings(sort=args.sort, descending=not args.reverse, actor=args.actor, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": s.id,
                        "title": s.title,
                        "published": s.published.isoformat() if s.published else None,
                        "source": s.source,
                        "imported_at": s.imported_at,
                        "notes": s.note_count,
                        "top_actors": s.top_actors,
                    }
                    for s in summaries
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    if not summaries:
        print("briefing: the library is empty" if not args.actor else f"briefing: no briefing mentions {args.actor}", file=sys.stderr)
        return 0
    for s in summaries:
        published = s.published.isoformat() if s.published else "----------"
        notes = f"{s.note_count} note{'s' if s.note_count != 1 else ''}" if s.note_count else ""
        actors = ", ".join(_clip(name, 40) for name in s.top_actors)
        print("  ".join(part for part in (s.id[:10], published, _clip(s.title, 100), f"({notes})" if notes else "", f"[{actors}]" if actors else "") if part))
    return 0


def _clip(text: str, limit: int) -> str:
    """A name as a list shows it: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as library:
        hits = library.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([{"kind": h.kind, "briefing_id": h.briefing_id, "note_id": h.note_id, "title": h.title, "snippet": h.marked()} for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print(f"briefing: nothing matches {args.query!r}", file=sys.stderr)
        return 1
    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    for hit in hits:
        where = (hit.briefing_id or "-")[:10]
        print(f"{where}  {hit.kind:8}  {hit.title}")
        print("    " + " ".join(hit.marked(*bold).split()))
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    with _open(args) as library:
        briefing_id = library.resolve_id(args.id)
        notes = library.notes_for(briefing_id)
        if args.json:
            print(json.dumps([_note_json(n) for n in notes], ensure_ascii=False, indent=1))
        else:
            print(library.export_notes(briefing_id), end="")
    return 0


def _note_json(note: Any) -> dict[str, Any]:
    return {
        "id": note.id,
        "kind": note.kind,
        "status": note.status,
        "quote": note.anchor.quote if note.anchor else None,
        # An orphaned note's quote is no longer in the text: its old offsets would point at other words.
        "start": note.anchor.start if note.anchor and not note.orphaned else None,
        "end": note.anchor.end if note.anchor and not note.orphaned else None,
        "actor": note.actor_name,
        "color": note.color,
        "body": note.body,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
    }


def cmd_note_add(args: argparse.Namespace) -> int:
    with _open(args, write=True) as library:
        briefing_id = library.resolve_id(args.id)
        if args.actor:
            note = library.add_actor_note(args.actor, args.body, briefing_id=briefing_id, color=args.color)
        else:
            note = library.add_note(briefing_id, args.body, quote=args.quote, occurrence=args.occurrence, color=args.color)
    print(note.id)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from reader.atomic import atomic_write
    from reader.store.targets import check_export_target

    with _open(args) as library:
        if args.out:
            check_export_target(args.out, library.path, args.force)
        briefing_id = library.resolve_id(args.id)
        if args.format == "notes":
            content = library.export_notes(briefing_id)
        else:
            content = library.export(briefing_id, args.format)
        if args.out:
            # Checked again just before writing: the file may have appeared meanwhile.
            atomic_write(check_export_target(args.out, library.path, args.force), content)
            print(f"briefing: wrote {args.out}", file=sys.stderr)
            return 0
    sys.stdout.write(content)
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from reader.paths import default_library_path
    from reader.store.repair import repair

    source = Path(args.db).expanduser() if args.db else default_library_path()
    report = repair(source, Path(args.out).expanduser() if args.out else None)
    print(f"briefing: {report.summary()}", file=sys.stderr)
    print(
        f"briefing: {source} was left untouched. Use the repaired library with --db {report.target} "
        f"(or set ${DB_ENV}), or move it into place once you have checked it.",
        file=sys.stderr,
    )
    return 0
