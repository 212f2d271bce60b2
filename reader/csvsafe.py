"""Every CSV the reader writes goes through `csv_text`, so no cell is read as a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab
or a carriage return) as a formula: a briefing title such as `=cmd|' /C calc'!A0` would run a
command when the export is opened. As OWASP advises for CSV injection, such a cell is
prefixed with a single quote, which spreadsheets show as text; quotes and commas inside cells
are escaped by the csv module as usual. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """The value as a cell that cannot be read as a formula (strings only; numbers are kept)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV text with a header line, every cell neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writerow({c: neutralise(c) for c in columns})
    for row in rows:
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    return out.getvalue()
