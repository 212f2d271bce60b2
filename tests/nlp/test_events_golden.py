"""Golden file: the events of the project's own sample briefing.

A change in what the sample yields must be looked at, not slipped in: the test regenerates the
events and compares them with tests/golden/sample-events.json. After checking a change is an
improvement, rewrite the file with ``UPDATE_GOLDEN=1 pytest tests/nlp/test_events_golden.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.documents import load_document
from reader.model import MODALITIES
from reader.resources import sample_briefing

BEYOND_CAMEO = {"VOTE", "OFFICE", "LAW", "ECON", "DISASTER", "ACT"}
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "sample-events.json"


def readable_events(analysis) -> list[dict]:
    """Events with actor names instead of ids, so a diff reads as a change in meaning."""
    name = {a.id: a.name for a in analysis.actors}
    rows = []
    for e in analysis.events:
        rows.append({
            "id": e.id,
            "text": e.text,
            "span": [e.start, e.end],
            "trigger": e.trigger,
            "category": f"{e.category} {e.category_label}",
            "agents": [name.get(i, i) for i in e.agents],
            "targets": [name.get(i, i) for i in e.targets],
            "date": e.date,
            "place": e.place,
            "modality": e.modality,
            "attribution": e.attribution,
            "summary": e.summary,
        })
    return rows


def test_sample_events_match_the_golden_file(engine):
    analysis = engine.analyze(load_document(sample_briefing()))
    assert len({e.id for e in analysis.events}) == len(analysis.events)
    for e in analysis.events:
        assert analysis.document.text[e.start : e.end] == e.text
        assert e.start <= e.trigger_start < e.trigger_end <= e.end
        assert e.category in {f"{n:02d}" for n in range(1, 21)} | BEYOND_CAMEO and e.category_label
        assert e.modality in MODALITIES
        assert (e.agents or e.targets) and set(e.agents) | set(e.targets) <= set(e.actors)
    got = readable_events(analysis)
    if os.environ.get("UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want, "sample events changed; check and rerun with UPDATE_GOLDEN=1"
