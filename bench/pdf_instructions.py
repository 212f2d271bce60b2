"""PDF reading in machine instructions and L1 data misses (valgrind): our reader against raw PDFium.

    python -m bench.pdf_instructions [--pages 20] [--cache]

Elapsed time on a shared machine swings by a tenth from one run to the next; instruction
counts do not. Writes the files of `bench.pdf_speed` (a `--pages` two-column report and the
3-page memo; the 200-page one takes valgrind minutes), then runs each of "none" (imports
only), "raw" and "ours" (as in `bench.pdf_speed`) under callgrind, and prints what reading
adds over the imports, ours / raw. `--cache` runs cachegrind instead and also compares the
L1 data-cache misses, where the interpreter's memory traffic shows (time grows faster than
instructions). Needs valgrind (`apt-get install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.pdf_speed import ROOT, make_files

METHODS = ("none", "raw", "ours")


def work(method: str, path: str) -> None:
    """The read alone, after the same imports for every method (what valgrind counts beyond "none")."""
    import pypdfium2 as pdfium

    from reader.documents.pdf_reader import read_pdf

    if method == "raw":
        pdf = pdfium.PdfDocument(path)
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        pdf.close()
    elif method == "ours":
        read_pdf(Path(path))


def count(method: str, path: Path, cache: bool) -> dict[str, int]:
    """Instructions (and with `cache`, L1 data misses) of one process running `work(method, path)`."""
    tool = ["--tool=cachegrind", "--cache-sim=yes", "--cachegrind-out-file=/dev/null"] if cache else ["--tool=callgrind", "--callgrind-out-file=/dev/null"]
    out = subprocess.run(
        ["valgrind", *tool, sys.executable, "-m", "bench.pdf_instructions", "--worker", method, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    ).stderr
    if cache:
        refs = re.search(r"I\s+refs:\s+([\d,]+)", out)
        misses = re.search(r"D1\s+misses:\s+([\d,]+)", out)
        assert refs and misses, out[-2000:]
        return {"instructions": int(refs.group(1).replace(",", "")), "d1_misses": int(misses.group(1).replace(",", ""))}
    collected = re.search(r"Collected : (\d+)", out)
    assert collected, out[-2000:]
    return {"instructions": int(collected.group(1))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--cache", action="store_true", help="cachegrind: also L1 data misses")
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        work(*args.worker)
        return 0
    if not shutil.which("valgrind"):
        print("valgrind is needed: apt-get install valgrind", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="briefing-pdf-instructions-"))
    try:
        report, _, memo = make_files(folder, args.pages)
        for path in (report, memo):
            with ThreadPoolExecutor(2) as pool:
                counts = dict(zip(METHODS, pool.map(lambda m, p=path: count(m, p, args.cache), METHODS), strict=True))
            line = f"{path.name:18}"
            for measure in counts["none"]:
                raw = counts["raw"][measure] - counts["none"][measure]
                ours = counts["ours"][measure] - counts["none"][measure]
                line += f"  {measure}: raw {raw / 1e6:8.1f} M, ours {ours / 1e6:8.1f} M, ours / raw = {ours / raw:.3f}"
            print(line)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
