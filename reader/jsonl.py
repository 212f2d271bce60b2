"""The one reader of the JSON-lines resource files, and the schema of each of them.

Every `*.jsonl` under resources/ has a `Schema` in `SCHEMAS`: the keys each line holds and
their JSON types. `read_jsonl` decodes a file and checks every line against its schema, so a
typo in a rule file is one error naming the file and the line when the rules load, not a
KeyError deep in an analysis. The two large indexed dictionaries (phoenix_people.jsonl and
friends) are read lazily by reader/nlp/figures.py through `decode_line`; their header line
is checked there with `check`, their rows by the builders that read them, and every row by
tests/test_resources.py.

A type is written as a word: "str", "int", "bool", "object", "array", "[str]" (a list of
strings), and "str|null" or "str|[str]" for either; a key ending in "?" may be absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import BriefingError


class ResourceFileError(BriefingError):
    """A resource file that does not hold what its schema says (an error at start-up)."""


_SIMPLE: dict[str, Callable[[Any], bool]] = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
    "[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
}


def _matches(spec: str, value: Any) -> bool:
    return any(_SIMPLE[part](value) for part in spec.split("|"))


@dataclass(frozen=True)
class Schema:
    """What every line of one file holds. `rows` is "object" (keys as in `keys`) or "array"."""

    keys: Mapping[str, str] = field(default_factory=dict)
    rows: str = "object"
    #: Lines starting with // are comments (the timex rule files explain themselves).
    comments: bool = False
    #: The first line's own schema, for a file whose line 1 is an index (the Phoenix dictionaries).
    header: Schema | None = None

    def __post_init__(self) -> None:
        for spec in self.keys.values():
            unknown = [part for part in spec.split("|") if part not in _SIMPLE]
            if unknown:
                raise ValueError(f"unknown type {unknown[0]!r} in a schema")

    def problem(self, value: Any) -> str | None:
        """Why `value` is not a line of this file, or None."""
        if self.rows == "array":
            return None if isinstance(value, list) else f"expected a JSON array, got {type(value).__name__}"
        if not isinstance(value, dict):
            return f"expected a JSON object, got {type(value).__name__}"
        known = {key.rstrip("?") for key in self.keys}
        extra = sorted(set(value) - known)
        if extra:
            return f"unknown key {extra[0]!r} (known: {', '.join(sorted(known))})"
        for key, spec in self.keys.items():
            name = key.rstrip("?")
            if name not in value:
                if not key.endswith("?"):
                    return f"missing key {name!r}"
                continue
            if not _matches(spec, value[name]):
                return f"{name!r} should be {spec}, not {json.dumps(value[name])[:60]}"
        return None


def decode_line(path: Path, number: int, line: str | bytes) -> Any:
    """One line's JSON; ResourceFileError naming the file and the line when it is not JSON."""
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ResourceFileError(f"{path.name} line {number}: not JSON ({exc})") from None


def check(path: Path, number: int, value: Any, schema: Schema) -> None:
    """ResourceFileError naming the file and the line unless `value` fits `schema`."""
    problem = schema.problem(value)
    if problem is not None:
        raise ResourceFileError(f"{path.name} line {number}: {problem}")


def read_jsonl(path: Path, schema: Schema | None = None) -> list[dict[str, Any]]:
    """Every line of `path` (blank lines skipped), each checked against its schema.

    `schema` defaults to the file's entry in `SCHEMAS`; a file with an index line (a `header`
    schema) gives its rows only.
    """
    schema = schema or schema_for(path)
    rows: list[Any] = []
    try:
        with path.open(encoding="utf-8") as handle:
            lines = list(handle)
    except OSError as exc:
        raise ResourceFileError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or (schema.comments and line.startswith("//")):
            continue
        value = decode_line(path, number, line)
        if number == 1 and schema.header is not None:
            check(path, number, value, schema.header)
            continue
        check(path, number, value, schema)
        rows.append(value)
    return rows


def schema_for(path: Path) -> Schema:
    try:
        return SCHEMAS[f"{path.parent.name}/{path.name}"]
    except KeyError:
        raise ResourceFileError(f"{path.parent.name}/{path.name}: no schema for this file in reader/jsonl.py") from None


_INDEX = {"format": "str", "count": "int", "keys": "object"}

#: Every resource file, by folder/name.
SCHEMAS: dict[str, Schema] = {
    "timex/rules.jsonl": Schema({"name": "str", "kind": "str", "near": "[str]", "pattern": "str"}, comments=True),
    "timex/fixed.jsonl": Schema({"pattern": "str", "type": "str", "value": "str"}, comments=True),
    "patterns/entity_rules.jsonl": Schema(
        {
            "rule": "str",
            "label": "str",
            "words": "[str]",
            "from": "[str]",
            "why": "str",
            "bridge?": "[str]",
            "only_known_places?": "bool",
            "words_from?": "str",
            "name_shape?": "bool",
        }
    ),
    "lexicons/cameo_categories.jsonl": Schema({"code": "str", "label": "str", "quad_class": "int", "quad_class_name": "str"}),
    "lexicons/cameo_lexicon.jsonl": Schema(
        {
            "lemma": "str",
            "pos": "str",
            "code": "str",
            "object?": "[str]",
            "not_object?": "[str]",
            "particle?": "str",
            "prep?": "str",
            "not_prep?": "str",
            "compound?": "[str]",
            "xcomp?": "bool",
            "ccomp?": "bool",
            "speech?": "bool",
            "defer?": "bool",
            "object_only?": "bool",
            "subject?": "[str]",
            "field_too?": "bool",
            "predicative?": "bool",
            "complement?": "[str]",
            "person_doer?": "bool",
            "doer_needed?": "bool",
        }
    ),
    "lexicons/petrarch_verbs.jsonl": Schema(
        {
            "lemma": "str",
            "pos": "str",
            "code": "str",
            "source": "str",
            "pattern": "str",
            "object?": "[str]",
            "not_object?": "[str]",
            "particle?": "str",
            "prep?": "str",
        }
    ),
    "lexicons/event_cues.jsonl": Schema({"kind": "str", "why": "str", "words": "[str]"}),
    "lexicons/organisations.jsonl": Schema({"name": "str", "forms": "[str]", "seat_forms?": "[str]", "member_forms?": "[str]"}),
    "lexicons/places.jsonl": Schema(
        {
            "kind": "str",
            "iso?": "str|[str]",
            "forms?": "[str]",
            "demonyms?": "[str]",
            "capital_forms?": "[str]",
            "name?": "str",
            "label?": "str",
            "why?": "str",
        }
    ),
    "lexicons/offices.jsonl": Schema({"office": "str", "of": "str", "forms?": "[str]", "terms": "array"}, comments=True),
    "lexicons/titles.jsonl": Schema({"kind": "str", "words?": "[str]", "phrases?": "[str]", "why?": "str"}),
    "lexicons/phoenix_agents.jsonl": Schema(
        {"forms": "[str]", "cameo": "str", "sector": "str", "label": "str"}, header=Schema(_INDEX)
    ),
    "lexicons/phoenix_organisations.jsonl": Schema(
        {"name": "str", "forms": "[str]", "cameo": "str", "type": "str", "country": "str|null", "source": "str"},
        header=Schema({**_INDEX, "codes": "object"}),
    ),
    "lexicons/phoenix_people.jsonl": Schema(
        rows="array",
        header=Schema({**_INDEX, "fields": "[str]", "surnames": "object", "countries": "object"}),
    ),
}
