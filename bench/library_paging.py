"""The window's library at 100,000 briefings: opening without waiting for quick_check, the list and timeline a page at a time.

    python -m bench.library_paging [--db /tmp/briefing-bench/library-100k/library.db] [--runs 5]

Uses the library bench/library_100k.py builds, copied to a temporary folder beside it first
(`--copy-to`, so the benchmark never writes to the shared one; `--in-place` skips the copy when
the file is already a private copy). In a fresh process each, it measures:

- `Library.open` as the CLI does it (quick_check at open) against the window's open
  (`check_in_background=True`): the time to an open library, and to the check's verdict;
- through a real `LibraryWorker` and `LibraryView` (the window's classes, offscreen), once while
  the check still runs beside and once after its verdict, from the GUI thread's ask to rows on screen: the list's first page, the next pages as the view scrolls,
  a sort by title, and the unfiltered timeline's first and next pages; and the longest the GUI
  thread was busy with any one page (the rest runs on the library's thread).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_OPEN = r"""
import json, sys, time
from reader.store import Library
t0 = time.perf_counter()
lib = Library.open(sys.argv[1], check_in_background=sys.argv[2] == "1")
opened = time.perf_counter() - t0
lib.settle_check()
checked = time.perf_counter() - t0
ok = lib.refusal is None
lib.close()
print(json.dumps({"opened": opened * 1000, "checked": checked * 1000, "ok": ok}))
"""

_VIEW = r"""
import json, os, sys, time, types
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reader.ui.library_browser import LibraryBrowser
from reader.ui.library_view import LibraryView
from reader.ui.library_worker import LibraryWorker

app = QApplication([])
worker = LibraryWorker(sys.argv[1]).start()
t0 = time.perf_counter()
assert worker.wait_ready(60)
opened = (time.perf_counter() - t0) * 1000
view = LibraryView()
view.resize(1200, 500)
view.show()
app.processEvents()
# The browser's own fetches, without a window around them.
browser = types.SimpleNamespace(session=types.SimpleNamespace(submit=worker.submit, status=print), library_view=view)
fetch_briefings = lambda *a: LibraryBrowser._fetch_briefings(browser, *a)
fetch_timeline = lambda *a: LibraryBrowser._fetch_timeline(browser, *a)
gui = []

def until(signal, ask):
    done = []
    signal.connect(lambda *_: done.append(1))
    t = time.perf_counter()
    ask()
    while not done:
        s = time.perf_counter()
        app.processEvents()
        gui.append((time.perf_counter() - s) * 1000)
        time.sleep(0.001)
    s = time.perf_counter()
    app.processEvents()  # the paint of the new rows
    gui.append((time.perf_counter() - s) * 1000)
    return (time.perf_counter() - t) * 1000

r = {"opened": opened, "checking_after_open": worker.checking}
while sys.argv[2] == "1" and worker.checking:  # measure after the check's verdict: no read of the whole file beside
    app.processEvents()
    time.sleep(0.01)
r["list_first"] = until(view.model.first_page_loaded, lambda: view.load_briefings(fetch_briefings))
r["list_next"] = [until(view.model.page_loaded, view.model.fetchMore) for _ in range(10)]
r["rows"] = view.model.rowCount()
r["total"] = view.model.total
r["sort_title"] = until(view.model.first_page_loaded, lambda: view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
r["timeline_first"] = until(view.timeline_model.first_page_loaded, lambda: view.load_timeline("", fetch_timeline))
r["timeline_next"] = [until(view.timeline_model.page_loaded, view.timeline_model.fetchMore) for _ in range(10)]
r["timeline_rows"] = view.timeline_model.rowCount()
r["gui_max"] = max(gui)
worker.close(60)
print(json.dumps(r))
"""


def _run(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench: a measuring process failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench/library-100k/library.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copy-to", type=Path, default=None, help="folder for the private copy (default: a temporary one)")
    parser.add_argument("--in-place", action="store_true", help="measure --db itself (it must be a private copy)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db}: no library; build it with: python -m bench.library_100k", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(dir=args.copy_to) as tmp:
        db = args.db if args.in_place else Path(tmp) / "library.db"
        if not args.in_place:
            shutil.copyfile(args.db, db)
        print(f"{db} ({db.stat().st_size / 1e9:.2f} GB); load average {os.getloadavg()[0]:.1f}", flush=True)
        for label, flag in (("quick_check at open (the CLI)", "0"), ("check in the background (the window)", "1")):
            runs = [_run(_OPEN, str(db), flag) for _ in range(args.runs)]
            opened = statistics.median(r["opened"] for r in runs)
            checked = statistics.median(r["checked"] for r in runs)
            print(f"Library.open, {label}: open in median {opened:.0f} ms, verdict at {checked:.0f} ms "
                  f"(runs: {[round(r['opened']) for r in runs]} / {[round(r['checked']) for r in runs]} ms; sound: {all(r['ok'] for r in runs)})", flush=True)
        for after_check in ("0", "1") * max(1, args.runs // 2):
            r = _run(_VIEW, str(db), after_check)
            print(
                f"window ({'after the check' if after_check == '1' else 'while the check runs'}): library open after {r['opened']:.0f} ms (check still running: {r['checking_after_open']}); "
                f"list first page {r['list_first']:.0f} ms, next 10 pages median {statistics.median(r['list_next']):.0f} ms "
                f"(max {max(r['list_next']):.0f}; {r['rows']:,} of {r['total']:,} rows), sort by title {r['sort_title']:.0f} ms; "
                f"timeline first page {r['timeline_first']:.0f} ms, next 10 median {statistics.median(r['timeline_next']):.0f} ms "
                f"(max {max(r['timeline_next']):.0f}; {r['timeline_rows']:,} rows); longest GUI-thread step {r['gui_max']:.0f} ms",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
