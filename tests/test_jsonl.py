"""Every resource file has a schema, and every line of every file fits it (rows of the large
indexed dictionaries included, which the engine reads lazily)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.jsonl import SCHEMAS, ResourceFileError, Schema, read_jsonl, schema_for

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FILES = sorted(RESOURCES.rglob("*.jsonl"))


def test_every_resource_file_has_a_schema_and_every_schema_a_file():
    assert {f"{p.parent.name}/{p.name}" for p in FILES} == set(SCHEMAS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_fits_its_schema(path: Path):
    rows = read_jsonl(path)
    assert rows
    schema = schema_for(path)
    if schema.header is not None:  # the index line counts the rows
        header = json.loads(path.open(encoding="utf-8").readline())
        assert header["count"] == len(rows)


def test_a_line_that_breaks_the_schema_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "rules.jsonl"
    path.write_text('// a comment\n{"name": "a", "kind": "year", "near": [], "pattern": "x"}\n{"name": "b", "kind": 3}\n')
    schema = Schema({"name": "str", "kind": "str", "near": "[str]", "pattern": "str"}, comments=True)
    with pytest.raises(ResourceFileError, match=r"rules\.jsonl line 3: 'kind' should be str"):
        read_jsonl(path, schema)
    path.write_text('{"name": "a", "kind": "year", "near": [], "pattern": "x", "nera": []}\n')
    with pytest.raises(ResourceFileError, match=r"line 1: unknown key 'nera'"):
        read_jsonl(path, schema)
    path.write_text('{"name": "a"\n')
    with pytest.raises(ResourceFileError, match=r"line 1: not JSON"):
        read_jsonl(path, schema)
