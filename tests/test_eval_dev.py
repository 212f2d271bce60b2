"""The dev set (../shared/eval/dev/: nine briefings nobody tuned for) against the issues' bars.

Each briefing is analysed with its publication date and scored by ../shared/eval/score.py, exactly
as ../shared/eval/score_set.py does; the mean figures must hold the bars of the actors-and-dates
and the events issues. A figure that only holds on the shared briefing is not enough.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from reader.documents import load_document

pytestmark = pytest.mark.eval

RATES = ("actor_core_recall", "actor_precision", "date_value_accuracy", "event_recall", "event_recall_one_to_one",
         "event_in_gold_share", "event_date_accuracy", "event_category_accuracy")


@pytest.fixture(scope="module")
def dev(engine, shared_dir) -> dict:
    spec = importlib.util.spec_from_file_location("briefing_score_dev", shared_dir / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = []
    for gold_path in sorted((shared_dir / "eval" / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.parent / Path(gold["document"]).name
        document = load_document(text_path, published=dt.date.fromisoformat(gold["published"]))
        analysis = json.loads(json.dumps(engine.analyze(document).to_dict()))
        text = analysis["document"]["text"]
        figures = scorer.score_actors(analysis, gold, text)
        mapping = figures.pop("_mapping")
        figures.update(scorer.score_dates(analysis, gold, text))
        figures.update(scorer.score_events(analysis, gold, text, mapping))
        figures["briefing"] = gold_path.name.removesuffix(".gold.json")
        rows.append(figures)
    if not rows:
        pytest.skip("../shared/eval/dev holds no briefings")
    mean = {k: sum(r[k] for r in rows) / len(rows) for k in RATES}
    mean["merges_ok"] = sum(int(r["actor_merges"].split("/")[0]) for r in rows)
    mean["merges"] = sum(int(r["actor_merges"].split("/")[1]) for r in rows)
    mean["type_errors"] = [e for r in rows for e in r["actor_type_error_list"]]
    mean["speculative_as_asserted"] = sum(r["speculative_as_asserted"] for r in rows)
    mean["rows"] = rows
    return mean


def _where(dev: dict, key: str) -> dict[str, float]:
    return {r["briefing"]: r[key] for r in dev["rows"]}


def test_core_actors(dev):
    assert dev["actor_core_recall"] >= 0.95, {r["briefing"]: r["actor_missing"] for r in dev["rows"]}


def test_actor_precision(dev):
    assert dev["actor_precision"] >= 0.90, _where(dev, "actor_precision")


def test_every_merge(dev):
    assert dev["merges_ok"] == dev["merges"], {r["briefing"]: r["actor_merges"] for r in dev["rows"]}


def test_at_most_one_type_error_in_the_set(dev):
    assert len(dev["type_errors"]) <= 1, dev["type_errors"]


def test_date_values(dev):
    assert dev["date_value_accuracy"] >= 0.95, {r["briefing"]: r["date_errors"] for r in dev["rows"]}


def test_event_recall(dev):
    assert dev["event_recall"] >= 0.85, {r["briefing"]: r["event_missed"] for r in dev["rows"]}
    assert dev["event_recall_one_to_one"] >= 0.80, _where(dev, "event_recall_one_to_one")


def test_events_shown_are_mostly_gold(dev):
    assert dev["event_in_gold_share"] >= 0.70, _where(dev, "event_in_gold_share")


def test_event_dates_and_categories(dev):
    assert dev["event_date_accuracy"] >= 0.75, _where(dev, "event_date_accuracy")
    assert dev["event_category_accuracy"] >= 0.75, _where(dev, "event_category_accuracy")


def test_no_speculative_clause_shown_as_fact(dev):
    assert dev["speculative_as_asserted"] == 0, _where(dev, "speculative_as_asserted")
