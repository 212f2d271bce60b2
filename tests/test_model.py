import datetime as dt

from reader.model import Actor, Analysis, DateMention, Document, Event, Mention


def test_analysis_round_trips_through_dict():
    doc = Document(text="Ankara refused.", title="T", published=dt.date(2025, 5, 22), published_origin="option")
    analysis = Analysis(
        document=doc,
        actors=[Actor("A1", "Turkey", "GPE", ["Ankara"], [Mention(0, 6, "Ankara")])],
        dates=[DateMention(0, 6, "x", "DATE", "2025")],
        events=[Event("E1", 0, 15, "Ankara refused.", "refused", 7, 14, "12", "Reject", "Turkey: refused")],
    )
    again = Analysis.from_dict(analysis.to_dict())
    assert again.to_dict() == analysis.to_dict()
    assert again.document.id == doc.id


def test_document_id_depends_on_text_only():
    assert Document(text="a", title="x").id == Document(text="a", title="y").id
    assert Document(text="a").id != Document(text="b").id
