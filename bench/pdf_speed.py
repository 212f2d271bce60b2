"""PDF reading speed and peak memory: our reader against pypdfium2's raw text extraction.

    python -m bench.pdf_speed [--runs 3] [--pages 200] [--with-pdfminer] [--with-raw-c]

Writes the test files first (reportlab, from the `test` extra): a two-column report of
`--pages` pages with a running header and page footer, a 20-page one, and a one-column
3-page memo. Each file is then read in a fresh process, alternating: "raw" opens it with
pypdfium2 and takes every page's text with `get_text_range()` (the floor: PDFium alone);
"ours" is `reader.documents.pdf_reader.read_pdf` (lines, furniture, columns, hyphens,
paragraphs, pages). Reports pages per second (median of the runs) and peak RSS of the
process, and ours / raw twice: in elapsed time (what the issue asks) and in the CPU time of
the reading process, which other work on a shared machine inflates far less (a run that waits
for a core counts its wait in elapsed time only). `--with-pdfminer` adds pdfminer.six's layout
analysis (`extract_pages`), the alternative we measured before choosing PDFium (install
pdfminer.six first). `--with-raw-c` adds "raw-c": the same raw text taken through PDFium's C
API (`pypdfium2.raw`, as our reader loads its pages) without pypdfium2's page objects, and
prints ours / raw-c too: the part of the overhead that is not pypdfium2's own bookkeeping.
The files are removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_files(folder: Path, pages: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests" / "documents"))
    from file_makers import write_lines_pdf, write_report_pdf

    paragraph = (
        "Turkish mediators met the Russian and Ukrainian delegations in Istanbul on 15 May, where they "
        "discussed a ceasefire, an exchange of prisoners and the safety of shipping in the Black Sea. Both "
        "sides said they would report back to their capitals before the next round of talks, officials said."
    )
    # about 14 paragraphs of this length fill one two-column A4 page at 10 pt
    per_page = 14
    files = [
        write_report_pdf(folder / f"report-{pages}p.pdf", [f"{i}. {paragraph}" for i in range(int(pages * per_page))]),
        write_report_pdf(folder / "report-20p.pdf", [f"{i}. {paragraph}" for i in range(int(20 * per_page))]),
        write_lines_pdf(folder / "memo-3p.pdf", [[paragraph[j : j + 80] for j in range(0, len(paragraph), 80)] * 6] * 3),
    ]
    return files


def work(method: str, path: str) -> dict:
    """One timed read in this process (run through a subprocess so peak memory is its own).

    Modules are imported before the clock starts: start-up is not reading.
    """
    import pypdfium2 as pdfium

    from reader.documents.pdf_reader import read_pdf

    if method == "pdfminer":
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer
    started, cpu_started = time.perf_counter(), time.process_time()
    if method == "raw":
        pdf = pdfium.PdfDocument(path)
        pages = len(pdf)
        chars = 0
        for i in range(pages):
            page = pdf[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        pdf.close()
    elif method == "raw-c":
        import pypdfium2.raw as pdfium_c

        from reader.documents.pdf_reader import _page_text

        pdf = pdfium.PdfDocument(path)
        pages = len(pdf)
        chars = 0
        for i in range(pages):
            page = pdfium_c.FPDF_LoadPage(pdf.raw, i)
            textpage = pdfium_c.FPDFText_LoadPage(page)
            chars += len(_page_text(textpage))
            pdfium_c.FPDFText_ClosePage(textpage)
            pdfium_c.FPDF_ClosePage(page)
        pdf.close()
    elif method == "ours":
        part = read_pdf(Path(path))
        pages = sum(1 for b in part.blocks if b.kind == "page")
        chars = len(part.text)
    else:
        pages = chars = 0
        for page in extract_pages(path):
            pages += 1
            chars += sum(len(el.get_text()) for el in page if isinstance(el, LTTextContainer))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pages": pages, "chars": chars, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb}


def run_one(method: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.pdf_speed", "--worker", method, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--with-pdfminer", action="store_true")
    parser.add_argument("--with-raw-c", action="store_true", help="also raw text through the C API")
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(work(*args.worker)))
        return 0
    methods = ["raw"] + (["raw-c"] if args.with_raw_c else []) + ["ours"] + (["pdfminer"] if args.with_pdfminer else [])
    folder = Path(tempfile.mkdtemp(prefix="briefing-pdf-bench-"))
    try:
        worst = _compare(make_files(folder, args.pages), methods, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"worst overhead: {worst:.2f}x elapsed (target <= 1.3x)")
    return 0


def _compare(files: list[Path], methods: list[str], runs: int) -> float:
    """Each file read `runs` times by each method, alternating; prints the table; the worst elapsed ratio."""
    print(f"{'file':18} {'method':9} {'pages':>5} {'pages/s':>8} {'peak MB':>8} {'chars':>9}")
    worst = 0.0
    for path in files:
        results: dict[str, list[dict]] = {m: [] for m in methods}
        for _ in range(runs):
            for method in methods:  # alternating, so both see the same machine load
                results[method].append(run_one(method, path))
        medians, cpu_medians = {}, {}
        for method in methods:
            rows = results[method]
            seconds = statistics.median(r["seconds"] for r in rows)
            medians[method] = seconds
            cpu_medians[method] = statistics.median(r["cpu_seconds"] for r in rows)
            first = rows[0]
            print(
                f"{path.name:18} {method:9} {first['pages']:5} {first['pages'] / seconds:8.0f} "
                f"{max(r['peak_mb'] for r in rows):8.0f} {first['chars']:9}"
            )
        ratio = medians["ours"] / medians["raw"]
        worst = max(worst, ratio)
        cpu_ratio = cpu_medians["ours"] / cpu_medians["raw"]
        print(f"{path.name:18} overhead  ours / raw = {ratio:.2f}x elapsed, {cpu_ratio:.2f}x CPU")
        if "raw-c" in medians:
            print(
                f"{path.name:18} overhead  ours / raw-c = {medians['ours'] / medians['raw-c']:.2f}x elapsed, "
                f"{cpu_medians['ours'] / cpu_medians['raw-c']:.2f}x CPU"
            )
    return worst


if __name__ == "__main__":
    sys.exit(main())
