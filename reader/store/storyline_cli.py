"""`briefing storylines`, `briefing upcoming`, `briefing dossier`: the storylines of the library on the command line.

The JSON shapes are those of the issue: an item is {"id", "category", "summary", "date",
"sources": [{"briefing_id", "event_id", "start", "end", "quote", "modality", "date"}],
"conflicts": [{"field", "values": [{"value", "briefing_id"}]}]}; an announcement is {"summary",
"due", "status", "source": {"briefing_id", "quote"}, "happened_in": {...} | null}.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from reader.paths import DB_ENV


def register_storyline_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help=f"library database file (default: ${DB_ENV}, else the data directory)")
    common.add_argument("--json", action="store_true", help="JSON instead of text")

    p = sub.add_parser("storylines", parents=[common], help="acts reported by several briefings, and what they disagree on")
    p.add_argument("--actor", metavar="NAME", help="only items this actor takes part in")
    p.add_argument("--contradictions", action="store_true", help="only items whose sources disagree")
    p.add_argument("--category", metavar="CODE", help="only this category (04, VOTE...)")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--all", action="store_true", help="acts of one briefing too")
    p.add_argument("--limit", type=int, metavar="N")
    p.add_argument("--rebuild", action="store_true", help="match every analysed briefing again first (an older library)")
    p.set_defaults(handler=cmd_storylines)

    p = sub.add_parser("upcoming", parents=[common], help="announced acts by due date: upcoming, happened or overdue")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="the day that decides what is overdue (default: today)")
    p.set_defaults(handler=cmd_upcoming)

    p = sub.add_parser("dossier", parents=[common], help="everything the library knows of one actor")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--peek", action="store_true", help="do not mark the dossier as read")
    p.set_defaults(handler=cmd_dossier)

    p = sub.add_parser("split-item", parents=[common], help="take sources out of a storyline item (remembered)")
    p.add_argument("item", metavar="ITEM")
    p.add_argument("sources", nargs="+", metavar="BRIEFING:EVENT", help="the sources to move into an item of their own")
    p.set_defaults(handler=cmd_split)

    p = sub.add_parser("merge-items", parents=[common], help="join storyline items into one (remembered)")
    p.add_argument("items", nargs="+", metavar="ITEM")
    p.set_defaults(handler=cmd_merge)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _open(args: argparse.Namespace) -> Any:
    from reader.store.cli import open_library

    library = open_library(args.db)
    if library.refusal is not None:
        print(f"briefing: {library.refusal}", file=sys.stderr)
    return library


def _catch_up(library: Any) -> None:
    """Briefings the library held before it had storylines are matched first (once), with progress."""
    left = library.storylines.pending()
    if not left or library.refusal is not None:
        return
    total = left
    while left:
        print(f"briefing: matching the briefings from before storylines: {total - left}/{total}", file=sys.stderr)
        left = library.storylines.match_pending(200)
    print(f"briefing: matched {total} briefings from before storylines", file=sys.stderr)


def _dump(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def cmd_storylines(args: argparse.Namespace) -> int:
    with _open(args) as library:
        if not args.rebuild:
            _catch_up(library)
        if args.rebuild:
            library.require_writable()
            count = library.storylines.rebuild()
            print(f"briefing: matched the events of {count} briefings again", file=sys.stderr)
        items = library.storylines.items(
            actor=args.actor,
            category=args.category,
            since=args.since,
            until=args.until,
            contradictions=args.contradictions,
            min_briefings=1 if args.all else 2,
            limit=args.limit,
        )
    if args.json:
        _dump([i.to_dict() for i in items])
        return 0
    if not items:
        print("briefing: no storyline matches" if (args.actor or args.contradictions) else "briefing: no act is reported by two briefings yet", file=sys.stderr)
        return 0
    for item in items:
        print(f"{item.date or 'undated':12} {item.category:8} {item.summary}  [{len(item.briefings)} briefings] {item.id}")
        for s in item.sources:
            print(f"    {s.briefing_id[:10]} {s.event_id:5} {s.modality:12} {s.date or '-':12} {' '.join(s.text.split())[:100]}")
        for c in item.conflicts:
            print(f"    ! {c.field}: " + " | ".join(f"{v.value} ({v.briefing_id[:10]})" for v in c.values))
    return 0


def cmd_upcoming(args: argparse.Namespace) -> int:
    with _open(args) as library:
        _catch_up(library)
        found = library.storylines.upcoming(as_of=args.as_of)
    if args.json:
        _dump([a.to_dict() for a in found])
        return 0
    if not found:
        print("briefing: nothing announced in the library", file=sys.stderr)
        return 0
    for a in found:
        due = a.due.isoformat() if a.due else "no date"
        line = f"{due:12} {a.status:9} {a.summary}  ({a.source.briefing_id[:10]})"
        if a.happened_in is not None:
            line += f"  -> reported in {a.happened_in.briefing_id[:10]}"
        print(line)
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    with _open(args) as library:
        _catch_up(library)
        dossier = library.storylines.dossier(args.name, library.list_briefings(sort="published", actor=args.name, top_actors=0))
        if not args.peek and library.refusal is None:
            library.storylines.mark_dossier_seen(args.name)
    if args.json:
        _dump(dossier.to_dict())
        return 0
    if not dossier.briefings and not dossier.items:
        print(f"briefing: no briefing names {args.name}", file=sys.stderr)
        return 0
    print(f"{dossier.name}: {len(dossier.briefings)} briefings, {len(dossier.items)} storyline items"
          + (f"; last read {dossier.seen_at[:16].replace('T', ' ')}" if dossier.seen_at else ""))
    print("\nBriefings:")
    for b in dossier.briefings:
        new = " (new)" if b.id in dossier.new_briefings and dossier.seen_at else ""
        print(f"  {b.published.isoformat() if b.published else '----------'}  {b.title}{new}")
    print("\nIn time:")
    for item in dossier.items:
        new = " (new)" if item.id in dossier.new_items and dossier.seen_at else ""
        flag = " !" + ",".join(c.field for c in item.conflicts) if item.conflicts else ""
        print(f"  {item.date or 'undated':12} {item.category:8} {item.summary} [{len(item.briefings)}]{flag}{new}")
    if dossier.co_actors:
        print("\nWith: " + ", ".join(f"{n} ({c})" for n, c in dossier.co_actors))
    for note in dossier.notes:
        print(f"\nNote: {note.body}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    moved = []
    for source in args.sources:
        briefing, _, event = source.partition(":")
        if not event:
            print(f"briefing: {source!r} is not BRIEFING:EVENT", file=sys.stderr)
            return 2
        moved.append((briefing, event))
    with _open(args) as library:
        library.require_writable()
        moved = [(library.resolve_id(b), e) for b, e in moved]
        kept, new = library.storylines.split(args.item, moved)
    print(new)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with _open(args) as library:
        library.require_writable()
        print(library.storylines.merge(args.items))
    return 0
