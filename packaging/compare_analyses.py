"""Compare two `briefing analyze --json` outputs: the installed package's and the source tree's.

    python packaging/compare_analyses.py INSTALLED.json SOURCE.json

Exits 0 when they are the same analysis. Only the engine version may differ (see VOLATILE);
a field added later that legitimately differs between runs (a timing, a cache path) goes there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Dotted paths of fields allowed to differ between two runs of the same code. The engine
#: version carries a digest of the engine's sources, which a frozen bundle does not ship.
VOLATILE: tuple[str, ...] = ("engine_version",)


def drop_volatile(data: object, prefix: str = "") -> object:
    if isinstance(data, dict):
        return {k: drop_volatile(v, f"{prefix}{k}.") for k, v in data.items() if f"{prefix}{k}" not in VOLATILE}
    if isinstance(data, list):
        return [drop_volatile(v, prefix) for v in data]
    return data


def differences(a: object, b: object, path: str = "$") -> list[str]:
    """Human-readable paths where two JSON values differ (at most a few per branch)."""
    if type(a) is not type(b):
        return [f"{path}: {type(a).__name__} != {type(b).__name__}"]
    if isinstance(a, dict):
        out = [f"{path}.{k}: only in one" for k in sorted(set(a) ^ set(b))]
        for k in sorted(set(a) & set(b)):
            out += differences(a[k], b[k], f"{path}.{k}")
        return out
    if isinstance(a, list):
        out = [f"{path}: {len(a)} items != {len(b)} items"] if len(a) != len(b) else []
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            out += differences(x, y, f"{path}[{i}]")
        return out
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def main(argv: list[str]) -> int:
    installed, source = (drop_volatile(json.loads(Path(p).read_text())) for p in argv[:2])
    diff = differences(installed, source)
    if diff:
        print(f"compare: {len(diff)} differences between {argv[0]} and {argv[1]}:")
        for line in diff[:20]:
            print(f"  {line}")
        return 1
    counts = {k: len(v) for k, v in installed.items() if isinstance(v, list)} if isinstance(installed, dict) else {}
    print(f"compare: identical analyses {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
