"""The `briefing` command line: the same engine as the window, scriptable."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

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
    return parser


def cmd_analyze(args: argparse.Namespace) -> int:
    from reader.documents import load_documents
    from reader.engine import Engine

    engine = Engine()
    failures = 0
    results = []
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
            try:
                analysis = engine.analyze(document)
            except BriefingError as exc:
                print(f"briefing: {exc}", file=sys.stderr)
                failures += 1
                continue
            _print_analysis(analysis, args.format, results)
    if args.format == "json" and results:
        payload = results[0] if len(results) == 1 else {"analyses": results}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    return 1 if failures else 0


def _print_analysis(analysis, fmt: str, results: list) -> None:
    from reader.report import markdown_report, text_report

    if fmt == "jsonl":
        print(json.dumps(analysis.to_dict(), ensure_ascii=False), flush=True)
    elif fmt == "json":
        results.append(analysis.to_dict())
    elif fmt == "markdown":
        print(markdown_report(analysis))
    else:
        print(text_report(analysis, color=sys.stdout.isatty()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
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
