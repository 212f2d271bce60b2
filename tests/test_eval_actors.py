"""The issue's actor figures on the shared briefing, scored by ../shared/eval/score.py."""

import datetime as dt
import importlib.util
import json

import pytest

from reader.documents import load_document

pytestmark = pytest.mark.eval


def load_scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("briefing_score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(engine, shared_dir):
    scorer = load_scorer(shared_dir)
    document = load_document(shared_dir / "eval" / "istanbul-talks.txt", published=dt.date(2025, 5, 22))
    analysis = json.loads(json.dumps(engine.analyze(document).to_dict()))
    gold = json.loads((shared_dir / "eval" / "istanbul-talks.gold.json").read_text(encoding="utf-8"))
    out = scorer.score_actors(analysis, gold, analysis["document"]["text"])
    out.pop("_mapping")
    return out


def test_every_core_actor_is_found(figures):
    assert figures["actor_core_recall"] == 1.0, figures["actor_missing"]


def test_every_merge_holds(figures):
    assert figures["actor_merges"] == "4/4"


def test_no_type_errors(figures):
    assert figures["actor_type_errors"] == 0, figures["actor_type_error_list"]


def test_actor_precision(figures):
    assert figures["actor_precision"] >= 0.9
