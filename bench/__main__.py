"""`python -m bench [NAME [ARGS...]]`: list the benchmarks, or run one by name.

Each benchmark is a module of this package with its own `main(argv)`; run it alone with
`python -m bench.NAME --help` to see its options.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> dict[str, str]:
    out = {}
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        out[info.name] = ((module.__doc__ or "").strip().splitlines() or [""])[0]
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print("benchmarks (run one with ./dev bench NAME [ARGS], or python -m bench.NAME --help):")
        for name, line in sorted(available().items()):
            print(f"  {name:16} {line}")
        return 0
    module = importlib.import_module(f"bench.{argv[0]}")
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
