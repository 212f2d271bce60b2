"""Every planted contradiction and announcement is found (tests/storylines/planted.py), nothing on agreeing reports."""

from __future__ import annotations

import pytest

from . import planted


@pytest.fixture(scope="module")
def found(engine):
    return planted.contradictions(engine), planted.announcements(engine), planted.false_alarms(engine)


def test_every_planted_contradiction_is_flagged_on_its_field(found):
    contradictions, _, _ = found
    assert [f for f in contradictions if not f.ok] == []


def test_every_announcement_has_its_status(found):
    _, announcements, _ = found
    assert [f for f in announcements if not f.ok] == []


def test_agreeing_reports_are_one_item_without_a_conflict(found):
    _, _, alarms = found
    assert alarms == [[] for _ in planted.AGREEING]
