"""The `briefing` command line: the same engine as the window, scriptable."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any

from reader import __version__
from reader.errors import BriefingError, missing_part


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Analyse news and analytical briefings: actors, resolved dates, events; keep notes.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = sub.add_parser("analyze", help="analyse briefing files and print what was found")
    analyze.add_argument(
        "files", nargs="+", metavar="FILE", help="briefings: .txt, .md, .html, .pdf, .docx, .eml, .msg, or a feed (.xml, .rss, .atom)"
    )
    analyze.add_argument(
        "--published",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="publication date (overrides front matter, HTML metadata and datelines)",
    )
    fmt = analyze.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format", action="store_const", const="json", help="one JSON object")
    fmt.add_argument(
        "--jsonl", dest="format", action="store_const", const="jsonl", help="one JSON line per briefing (a feed: one per entry)"
    )
    fmt.add_argument("--markdown", dest="format", action="store_const", const="markdown", help="a Markdown report")
    analyze.set_defaults(format="text", handler=cmd_analyze)

    from reader.store.cli import register_library_commands

    register_library_commands(sub)
    from reader.store.storyline_cli import register_storyline_commands

    register_storyline_commands(sub)
    return parser


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.documents import load_documents
    from reader.engine import Engine

    engine = Engine()
    failures = 0
    results: list[dict[str, Any]] = []
    for path in args.files:
        try:
            documents = load_documents(path, published=args.published)
        except BriefingError as exc:
            print(f"briefing: {exc}", file=sys.stderr)
            failures += 1
            continue
        for document in documents:
            where = f"{path}#{document.part}" if document.part else path
            for warning in document.warnings:
                print(f"briefing: {where}: warning: {warning}", file=sys.stderr)
            if document.published is None:
                print(
                    f"briefing: {where}: no publication date found; dates without a year stay "
                    "unresolved (XXXX-MM-DD). Pass --published YYYY-MM-DD to resolve them.",
                    file=sys.stderr,
                )
            shown = _ProgressLine(where)
            try:
                analysis = engine.analyze(document, progress=shown)
            except KeyboardInterrupt:
                shown.clear()
                print(f"briefing: {where}: analysis cancelled (Ctrl+C) {shown.where()}; nothing was written", file=sys.stderr)
                return 130
            except BriefingError as exc:
                shown.clear()
                print(f"briefing: {exc}", file=sys.stderr)
                failures += 1
                continue
            shown.clear()
            _print_analysis(analysis, args.format, results)
    if args.format == "json" and results:
        payload = results[0] if len(results) == 1 else {"analyses": results}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    return 1 if failures else 0


def _print_analysis(analysis: Any, fmt: str, results: list[dict[str, Any]]) -> None:
    from reader.report import markdown_report, text_report

    if fmt == "jsonl":
        print(json.dumps(analysis.to_dict(), ensure_ascii=False), flush=True)
    elif fmt == "json":
        results.append(analysis.to_dict())
    elif fmt == "markdown":
        print(markdown_report(analysis))
    else:
        print(text_report(analysis, color=sys.stdout.isatty()))


class _ProgressLine:
    """Progress of a long analysis on stderr: one updating line on a terminal, a line per tenth otherwise."""

    def __init__(self, path: str) -> None:
        self.path, self.tty = path, sys.stderr.isatty()
        self.done = self.total = 0
        self._said = -1

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        percent = done * 100 // max(total, 1)
        what = "finding actors, dates and events" if done >= total else f"parsing, {percent}%"
        line = f"briefing: {self.path}: {what} of {total:,} characters… (Ctrl+C cancels)"
        if self.tty:
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        elif percent // 10 > self._said // 10 or done >= total:
            print(line, file=sys.stderr, flush=True)
        self._said = percent

    def where(self) -> str:
        if not self.total:
            return "before it started"
        if self.done >= self.total:
            return "after parsing"
        return f"at {self.done * 100 // self.total}%"

    def clear(self) -> None:
        if self.tty and self.total:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen build re-runs itself as an analysis worker (import --workers)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        code: int = args.handler(args)
        return code
    except BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:  # an incomplete installation: one line, never a traceback
        print(f"briefing: {missing_part(exc, 'run ' + args.command)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
