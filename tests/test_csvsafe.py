"""CSV cells a spreadsheet would run as formulas are neutralised (issue 12, item 3)."""

from __future__ import annotations

import csv
import io

import pytest

from reader.csvsafe import csv_text, neutralise


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"])
def test_formula_starts_get_a_quote(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Talks in Istanbul", "", " =not first", "a=b", 12, -3, None])
def test_everything_else_is_kept(cell):
    assert neutralise(cell) == cell


def test_csv_text_neutralises_every_cell_and_keeps_quoting():
    text = csv_text([{"a": '=HYPERLINK("http://x","y")', "b": -1}], ["a", "b"])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["a", "b"], ["'=HYPERLINK(\"http://x\",\"y\")", "-1"]]
