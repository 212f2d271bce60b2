"""The issue's bar: the shared briefing as PDF, Word, newsletter e-mail and feed entry scores as the .txt.

Every file is written here from ../shared/eval/istanbul-talks.txt (nothing is committed) and
scored with ../shared/eval/score.py against its gold file.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from file_makers import FOOTER, HEADER, newsletter_email, write_docx, write_feed, write_report_pdf
from test_eval_actors import load_scorer

from reader.documents import load_document, load_documents

pytestmark = [pytest.mark.eval, pytest.mark.slow]

PUBLISHED = dt.date(2025, 5, 22)
FIGURES = (
    "actor_core_recall",
    "actor_merges",
    "actor_type_errors",
    "date_value_accuracy",
    "event_recall",
    "speculative_as_asserted",
)


def score(engine, scorer, gold, document) -> dict:
    analysis = json.loads(json.dumps(engine.analyze(document).to_dict()))
    text = analysis["document"]["text"]
    figures = scorer.score_actors(analysis, gold, text)
    mapping = figures.pop("_mapping")
    figures.update(scorer.score_dates(analysis, gold, text))
    figures.update(scorer.score_events(analysis, gold, text, mapping))
    return figures


@pytest.fixture(scope="module")
def kit(shared_dir):
    scorer = load_scorer(shared_dir)
    gold = json.loads((shared_dir / "eval" / "istanbul-talks.gold.json").read_text(encoding="utf-8"))
    source = shared_dir / "eval" / "istanbul-talks.txt"
    return scorer, gold, source


@pytest.fixture(scope="module")
def files(kit, tmp_path_factory):
    _, _, source = kit
    paragraphs = source.read_text(encoding="utf-8").split("\n")
    folder = tmp_path_factory.mktemp("formats")
    pdf = write_report_pdf(folder / "istanbul.pdf", paragraphs, title="Istanbul talks")
    when = dt.datetime(2025, 5, 22, 9, 30, tzinfo=dt.UTC)
    mail = folder / "istanbul.eml"
    mail.write_bytes(newsletter_email(paragraphs, "The Istanbul talks", date=when))
    return {
        "pdf": pdf,
        "docx": write_docx(folder / "istanbul.docx", paragraphs, title="Istanbul talks", created=when),
        "eml": mail,
        "feed": write_feed(folder / "istanbul.rss", [("The Istanbul talks", "https://monitor.example/1", paragraphs, when)]),
    }


@pytest.fixture(scope="module")
def baseline(engine, kit):
    scorer, gold, source = kit
    return score(engine, scorer, gold, load_document(source, published=PUBLISHED))


def test_the_txt_itself_meets_the_bar(baseline):
    assert baseline["actor_core_recall"] == 1.0
    assert baseline["actor_merges"] == "4/4"
    assert baseline["date_value_accuracy"] >= 0.95
    assert baseline["event_recall"] >= 0.9
    assert baseline["speculative_as_asserted"] == 0


@pytest.mark.parametrize("fmt", ["pdf", "docx", "eml", "feed"])
def test_each_format_scores_as_the_txt(engine, kit, files, baseline, fmt):
    scorer, gold, _ = kit
    document = load_documents(files[fmt], published=PUBLISHED if fmt == "pdf" else None)[0]
    figures = score(engine, scorer, gold, document)
    assert {k: figures[k] for k in FIGURES} == {k: baseline[k] for k in FIGURES}
    assert figures["event_missed"] == baseline["event_missed"]


def test_no_running_header_or_footer_reaches_the_text(files):
    document = load_document(files["pdf"], published=PUBLISHED)
    for word in (HEADER, FOOTER, "Page 1", "Page 2"):
        assert word not in document.text
    assert [b.level for b in document.blocks if b.kind == "page"] == [1, 2]


@pytest.mark.parametrize(("fmt", "origin"), [("eml", "mail-header"), ("feed", "feed"), ("docx", "properties")])
def test_dates_come_from_the_headers(files, fmt, origin):
    document = load_documents(files[fmt])[0]
    assert (document.published, document.published_origin) == (PUBLISHED, origin)
