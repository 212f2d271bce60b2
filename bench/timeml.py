"""TempEval-3 style date evaluation: analyse every document of a TimeML set, then score it.

    python -m bench.timeml ../shared/corpus/timeml/tbaq-timebank.jsonl [--out analyses.jsonl] [--misses]
        [--types DATE,TIME,DURATION,SET] [--lines N] [--limit N]

Each gold record becomes a Document (`document_from_text(rec["text"])`, published = its `dct`)
analysed by the real Engine; the analyses are written one JSON per line and the shared scorer
(../shared/eval/score_timeml.py) prints extent and value F1. `--lines N` keeps only the dates
in the first N lines: MEANTIME annotates only the title, the dateline and the opening sentences,
so without it every later date counts as a false positive. `--limit N` analyses the first N
documents only (for a quick run). Scores are not a target to fit: rules are developed on
TBAQ and MEANTIME, and TE3 platinum is only measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.documents import document_from_text
from reader.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_timeml.py"


def read_gold(path: Path, limit: int | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return records[:limit] if limit else records


def analyse(records: list[dict], out: Path, lines: int | None = None, engine: Engine | None = None) -> float:
    """Analyse the gold texts with their creation dates; returns the seconds spent in the engine."""
    engine = engine or Engine()
    documents = [document_from_text(r["text"], published=dt.date.fromisoformat(r["dct"])) for r in records]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for analysis in engine.analyze_many(documents):
            data = analysis.to_dict()
            if lines:
                text = data["document"]["text"]
                breaks = [i for i, ch in enumerate(text) if ch == "\n"]
                limit = breaks[lines - 1] if len(breaks) >= lines else len(text)
                data["dates"] = [d for d in data["dates"] if d["start"] < limit]
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")
    return time.perf_counter() - started


def score(gold: Path, out: Path, misses: bool = False, types: str | None = None) -> str:
    """Run the shared scorer and return what it printed."""
    command = [sys.executable, str(SCORER), str(gold), str(out)]
    if types:
        command += ["--types", types]
    if misses:
        command.append("--misses")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.stdout + result.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeml", description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--types")
    parser.add_argument("--lines", type=int)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    if not SCORER.exists():
        print(f"bench.timeml: the scorer {SCORER} is missing (../shared)", file=sys.stderr)
        return 2
    records = read_gold(args.gold, args.limit)
    if args.limit:
        gold = Path(tempfile.mkstemp(suffix=".jsonl")[1])
        gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    else:
        gold = args.gold
    out = args.out or Path(tempfile.mkstemp(suffix=".analyses.jsonl")[1])
    seconds = analyse(records, out, args.lines)
    print(f"{args.gold.name}: {len(records)} documents analysed in {seconds:.1f} s -> {out}")
    print(score(gold, out, args.misses, args.types), end="")
    if gold != args.gold:
        gold.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
