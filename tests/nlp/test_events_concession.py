"""What "despite" grants, on hand-made sentences: a true act told in rows of its own, not the main act's parties,
hedges or words; and the row words around it ("by" doers not told twice, no preposition left hanging)."""

from __future__ import annotations

import datetime as dt

from reader.documents import document_from_text
from reader.model import Event

PUBLISHED = dt.date(2024, 3, 20)


def analyze(engine, text: str):
    return engine.analyze(document_from_text(text, published=PUBLISHED))


def by_trigger(analysis, trigger: str) -> list[Event]:
    return [e for e in analysis.events if e.trigger.lower().startswith(trigger)]


def names(analysis, ids: list[str]) -> set[str]:
    by_id = {a.id: a.name for a in analysis.actors}
    return {by_id[i] for i in ids}


def test_a_report_granted_by_despite_is_its_bodys_saying(engine):
    analysis = analyze(engine, "Shares rose on Friday despite a report released by the Norland Statistics Office, "
                               "which said the economy shed 60,000 jobs in March.")
    (said,) = by_trigger(analysis, "said")
    assert names(analysis, said.agents) == {"Norland Statistics Office"}
    assert said.modality == "asserted"


def test_a_refusal_granted_under_a_future_act_is_not_hedged(engine):
    """ "will act despite Karl Lund's refusal to sign": the refusal was made; only the acting is to come."""
    analysis = analyze(engine, "Norland will act on emissions despite Karl Lund's refusal to sign the Oslo accord.")
    (refusal,) = by_trigger(analysis, "refusal")
    assert refusal.modality == "asserted"
    assert names(analysis, refusal.agents) == {"Karl Lund"}
    (act,) = by_trigger(analysis, "act")
    assert act.modality == "hypothetical"


def test_who_objects_despite_is_no_party_to_the_act(engine):
    analysis = analyze(engine, "Anna Berg has defended plans to end the arms embargo on Vestia despite objections "
                               "from Norland and Ostland.")
    (defended,) = by_trigger(analysis, "defended")
    assert not names(analysis, defended.targets) & {"Norland", "Ostland"}


def test_a_call_granted_by_despite_is_its_callers_row(engine):
    analysis = analyze(engine, "Karl Lund has vowed to press on with the new tax despite a call by Anna Berg for a delay.")
    (call,) = by_trigger(analysis, "call")
    assert names(analysis, call.agents) == {"Anna Berg"}
    assert call.summary == "Berg: call for a delay"  # not "call by Anna Berg for a delay": she heads the row
    (vowed,) = by_trigger(analysis, "vowed")
    assert "Berg" not in names(analysis, vowed.targets)


def test_a_row_does_not_end_on_a_preposition_whose_object_is_another_row(engine):
    analysis = analyze(engine, "Mr Lund denied that he was ruling out membership of the euro despite saying "
                               "there would be no vote this year.")
    (ruling,) = by_trigger(analysis, "ruling out")
    assert "despite" not in ruling.summary  # (the saying is a row of its own)


def test_allies_saying_are_not_the_person_whose_allies_they_are(engine):
    analysis = analyze(engine, "The vote came despite Mr Lund's allies saying they had enough support to force a ballot.")
    assert not any("Karl Lund" in names(analysis, e.agents) or "Lund" in names(analysis, e.agents)
                   for e in by_trigger(analysis, "saying"))
