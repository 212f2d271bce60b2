"""Child process of the archive tests: `briefing analyze-archive` with a fake engine on the workers.

    python archive_child.py ENGINE OUT FOLDER WORKERS
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader.archive import pool  # noqa: E402
from reader.cli import main  # noqa: E402

if __name__ == "__main__":
    pool.ENGINE = sys.argv[1]
    sys.exit(main(["analyze-archive", sys.argv[3], "--out", sys.argv[2], "--scheduler", f"local:{sys.argv[4]}"]))
