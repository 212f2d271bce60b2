"""The library view on a 10,000-briefing library: listing, first paint, sort, filter, search and rendering.

    python -m bench.library_view [--db /tmp/briefing-bench/fts.db]

Uses the synthetic library `bench.store_fts` builds (run that first), copied to a temporary
folder so the benchmark never writes to it. Prints milliseconds per step; every step but the
listing (which runs on the library worker) happens on the GUI thread, so each is a freeze.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ["minister", "referendum", '"prime minister"', "negot*", "Blair election"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/briefing-bench/fts.db")
    args = parser.parse_args()
    source = Path(args.db)
    if not source.exists():
        print(f"{source}: no library; build it with: python -m bench.store_fts", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.store import Library
    from reader.ui.library_view import LibraryView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        shutil.copyfile(source, db)
        with Library.open(db) as lib:
            started = time.perf_counter()
            rows = lib.list_briefings(sort="imported")
            listing = time.perf_counter() - started
            view = LibraryView()
            view.resize(1200, 400)
            view.show()

            def timed(step) -> float:
                started = time.perf_counter()
                step()
                app.processEvents()
                return (time.perf_counter() - started) * 1000

            paint = timed(lambda: view.set_briefings(rows))
            sort = timed(lambda: view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
            sort_notes = timed(lambda: view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder))
            filtering = timed(lambda: view.filter.setText("minister"))
            print(
                f"{len(rows)} briefings: list_briefings {listing * 1000:.0f} ms (worker thread); on the GUI thread: "
                f"model + first paint {paint:.0f} ms, sort by title {sort:.0f} ms, by notes {sort_notes:.0f} ms, "
                f"filter {filtering:.0f} ms ({view.proxy.rowCount()} rows)"
            )
            for query in QUERIES:
                started = time.perf_counter()
                hits = lib.search(query, limit=20)
                seconds = time.perf_counter() - started
                render = timed(lambda q=query, h=hits, s=seconds: view.set_search_results(q, h, s))
                print(f"search {query!r}: query {seconds * 1000:.1f} ms, render {render:.1f} ms, {len(hits)} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
