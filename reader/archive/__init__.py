"""Analysing archives that outgrow one core and one machine (issue 17).

- `pool`: `WorkerPool`, an engine whose `analyze_many` runs in worker processes on this
  machine, so `Library.import_paths` stays the one writer (`briefing import --workers N`).
- `sizing`: how many workers this machine can hold (cores, bounded by available memory).
- `shards`: analyses as gzip-compressed JSONL shards with a manifest, written atomically.
- `runner`: `briefing analyze-archive` on a Dask cluster, resumable, one failure never stops it.
- `cli`: the command-line hooks.

The bulk loader that reads shards into a library is `reader.store.bulk`. Nothing here imports Qt.
"""
