"""The storyline evaluation on 42 BBC articles of six stories (see storyline_eval.py and bbc_gold.py).

The issue's goals: pairwise precision and recall of "same act" of 0.8 each, and at most one false
contradiction per ten items. Precision is held at its goal; recall at what is measured (0.832, 0.866
without near-duplicate articles, since 2026-12-04), at or above its goal, so that a change that loses joins is seen.
(It was 0.839 / 0.889 until a mention the first judging missed was added to bbc_gold: "the Tories
announced they would back the government's plans", an announced act the matcher keeps apart from
the decision it reports.)
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def figures(engine, shared_dir):
    from . import storyline_eval

    library, files = storyline_eval.build(engine)
    return storyline_eval.score(library, files), storyline_eval.score(library, files, skip_near_duplicates=True)


def test_every_judged_mention_is_an_event(figures):
    whole, _ = figures
    # One act is known to be lost: "The chancellor is expected to freeze petrol duty" in a text that
    # never says who the chancellor is (it once went to the shadow chancellor named later: wrong).
    assert len(whole.unmapped) <= 1, whole.unmapped


def test_same_act_precision(figures):
    whole, distinct = figures
    assert whole.precision >= 0.8, whole.wrong
    assert distinct.precision >= 0.8, distinct.wrong


def test_same_act_recall(figures):
    whole, distinct = figures
    assert whole.recall >= 0.83, whole.missed
    assert distinct.recall >= 0.86, distinct.missed


def test_at_most_one_false_contradiction_per_ten_items(figures):
    whole, _ = figures
    assert whole.false_per_10_items <= 1.0, whole.false_conflicts
