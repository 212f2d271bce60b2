"""Date figures on ../shared: TempEval-3 value F1 on TBAQ TimeBank and the shared briefing's date accuracy.

TBAQ is the development set the rules were written against; the floor sits a little under what the
tagger reached (value F1 0.814) so that a regression fails. TE3 platinum is measured with
`python -m bench.timeml`, never tested here, so that nothing is tuned to it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys

import pytest

from reader.documents import document_from_text, load_document

pytestmark = pytest.mark.eval

TBAQ_VALUE_F1_FLOOR = 0.79


def test_tempeval_value_f1_on_tbaq_timebank(engine, shared_dir, tmp_path):
    gold = shared_dir / "corpus" / "timeml" / "tbaq-timebank.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [document_from_text(r["text"], published=dt.date.fromisoformat(r["dct"])) for r in records]
    out = tmp_path / "analyses.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for analysis in engine.analyze_many(documents):
            fh.write(json.dumps(analysis.to_dict()) + "\n")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_timeml.py"), str(gold), str(out)],
        capture_output=True, text=True, check=True,
    )
    value_f1 = float(re.search(r"value_f1 ([\d.]+)", result.stdout).group(1))
    assert value_f1 >= TBAQ_VALUE_F1_FLOOR, result.stdout


def test_date_value_accuracy_on_the_shared_briefing(engine, shared_dir):
    spec = importlib.util.spec_from_file_location("briefing_score", shared_dir / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    document = load_document(shared_dir / "eval" / "istanbul-talks.txt", published=dt.date(2025, 5, 22))
    analysis = json.loads(json.dumps(engine.analyze(document).to_dict()))
    gold = json.loads((shared_dir / "eval" / "istanbul-talks.gold.json").read_text(encoding="utf-8"))
    figures = scorer.score_dates(analysis, gold, analysis["document"]["text"])
    assert figures["date_value_accuracy"] >= 0.95, figures["date_errors"]
    optional = {g["text"]: g["value"] for g in gold["dates"] if g.get("optional")}
    values = {d["text"]: d["value"] for d in analysis["dates"]}
    assert values.get("the eve of the talks") == optional["the eve of the talks"]
    assert values.get("less than two hours") == optional["less than two hours"]
