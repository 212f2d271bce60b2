"""Import throughput into the library against raw spaCy, in one process, on the same texts.

    python -m bench.store_import [--limit 417] [--db /tmp/briefing-bench/import.db]

The 417 BBC politics articles (../shared/corpus/bbc-politics/txt), in chunks of 128: raw
`nlp.pipe` over a chunk's texts with the engine's own pipeline (the floor: spaCy alone), then
`Library.import_paths` on the same files into a fresh library (loading, spaCy through
`Engine.analyze_many`, our actor, date and event extraction, and one SQLite transaction per
briefing with the FTS index kept up to date by triggers), alternating so both see the same load. Then the same import again (every file unchanged: a no-op by content
hash), and re-opening every analysed briefing from the cache (`Library.analysis_for`, no spaCy).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-politics" / "txt"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=417, help="how many articles (default: all 417)")
    parser.add_argument("--db", type=Path, default=Path("/tmp/briefing-bench/import.db"))
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
        return 2

    from reader.documents import load_document
    from reader.engine import DEFAULT_BATCH_SIZE, Engine
    from reader.store import Library

    files = sorted(CORPUS.glob("*.txt"))[: args.limit]
    folder = Path(tempfile.mkdtemp(prefix="briefing-import-"))
    for f in files:  # a private copy: the import reads a folder, and ../shared stays untouched
        shutil.copy(f, folder / f.name)
    texts = [load_document(f).text for f in files]
    engine = Engine().load()
    for _ in engine.nlp.pipe(texts[:4]):  # warm-up
        pass
    print(f"{len(files)} articles, {sum(len(t) for t in texts) / 1e6:.2f} M characters; batch size {DEFAULT_BATCH_SIZE}")

    args.db.parent.mkdir(parents=True, exist_ok=True)
    for old in args.db.parent.glob(args.db.name + "*"):
        old.unlink()
    # Raw spaCy and the import alternate chunk by chunk, so both see the same machine load
    # (the 2 cores are shared; a quiet minute for one and a busy one for the other skews a ratio).
    raw = imported = 0.0
    tokens = 0
    chunk = 8 * DEFAULT_BATCH_SIZE
    with Library.open(args.db) as lib:
        from reader.store.records import ImportReport

        report = ImportReport()
        for start in range(0, len(files), chunk):
            t0 = time.perf_counter()
            tokens += sum(len(doc) for doc in engine.nlp.pipe(texts[start : start + chunk], batch_size=DEFAULT_BATCH_SIZE))
            raw += time.perf_counter() - t0
            t0 = time.perf_counter()
            lib.import_paths([folder / f.name for f in files[start : start + chunk]], engine, report=report)
            imported += time.perf_counter() - t0
        print(f"raw nlp.pipe:         {raw:6.1f} s  {tokens / raw:7.0f} tokens/s  ({tokens} tokens)")
        print(
            f"Library.import_paths: {imported:6.1f} s  {tokens / imported:7.0f} tokens/s  "
            f"{len(files) / imported:.1f} files/s  import/raw throughput {raw / imported:.2f}  "
            f"({len(report.added)} added, {len(report.unchanged)} duplicates of an earlier text, {len(report.failed)} failed)"
        )
        t0 = time.perf_counter()
        again = lib.import_paths([folder], engine)
        print(f"re-import, unchanged: {(time.perf_counter() - t0) * 1000:6.0f} ms for {len(again.unchanged)} files")
        times = []
        for briefing_id in report.added:
            t = time.perf_counter()
            lib.analysis_for(briefing_id)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"re-open from cache:   median {statistics.median(times):.2f} ms, "
            f"p95 {statistics.quantiles(times, n=20)[-1]:.2f} ms per briefing (analysis + corrections, no spaCy)"
        )
        analyses = [lib.get_analysis(briefing_id) for briefing_id in report.added]
    # The store's own share: the same briefings and analyses written into a second library, one
    # transaction each (synchronous=FULL, FTS triggers on), as the import does.
    second = args.db.with_name("store-only.db")
    for old in second.parent.glob(second.name + "*"):
        old.unlink()
    with Library.open(second) as lib2:
        t0 = time.perf_counter()
        for analysis in analyses:
            with lib2.conn.writing():
                lib2.put_analysis(lib2.add_document(analysis.document), analysis)
        stored = time.perf_counter() - t0
    print(f"storing alone:        {stored:6.1f} s  {stored / len(analyses) * 1000:.1f} ms per briefing ({stored / imported:.0%} of the import)")
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*")) / 1e6
    print(f"library on disk: {size:.1f} MB; peak RSS {peak_rss_mb():.0f} MB")
    shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
