from reader.documents import document_from_text
from reader.engine import split_text


def test_split_text_concatenates_back():
    text = ("Para one is here.\n\n" * 50) + "tail without break " * 40
    pieces = list(split_text(text, 200))
    assert "".join(pieces) == text
    assert all(len(p) <= 200 for p in pieces)


def test_long_document_offsets_survive_chunking(engine, monkeypatch):
    import reader.engine as eng

    monkeypatch.setattr(eng, "CHUNK_CHARS", 300)
    text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara." for i in range(20))
    analysis = engine.analyze(document_from_text(text))
    assert analysis.actors
    for actor in analysis.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_a_long_text_reports_progress_per_chunk(engine, monkeypatch):
    """Issue 12, item 6: a long analysis says how far it is."""
    import reader.engine as eng

    monkeypatch.setattr(eng, "CHUNK_CHARS", 300)
    text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara." for i in range(20))
    calls: list[tuple[int, int]] = []
    engine.analyze(document_from_text(text), progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, len(text)) and calls[-1] == (len(text), len(text))
    assert len(calls) == len(list(split_text(text, 300))) + 1
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_a_long_analysis_can_be_cancelled_between_chunks(engine, monkeypatch):
    import pytest

    import reader.engine as eng
    from reader.errors import AnalysisCancelledError

    monkeypatch.setattr(eng, "CHUNK_CHARS", 300)
    text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara." for i in range(20))
    seen: list[int] = []

    def stop_after_two(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 3:
            raise AnalysisCancelledError("stopped by the reader")

    with pytest.raises(AnalysisCancelledError):
        engine.analyze(document_from_text(text), progress=stop_after_two)
    assert len(seen) == 3 and seen[-1] < len(text)
    # the engine is still usable afterwards
    assert engine.analyze(document_from_text("Putin met Erdogan in Ankara.")).actors


def test_joining_chunks_warns_about_no_kept_text(engine, monkeypatch):
    """The pipeline keeps each chunk's text in user_data (doc_text.text_of, asked by three components);
    the chunks forget it before Doc.from_docs, which would warn about a key it cannot merge, and the
    joined Doc's kept text is the whole text, not a chunk's."""
    import warnings

    import reader.engine as eng
    from reader.nlp.doc_text import text_of

    monkeypatch.setattr(eng, "CHUNK_CHARS", 300)
    text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara." for i in range(20))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = engine._parse(text)
    assert text_of(doc) == text


def test_loading_freezes_what_it_loaded(engine):
    """Engine.load warms every stage's resources and takes them out of the cyclic collector's
    full passes (bench/gc_passes.py)."""
    import gc

    assert gc.get_freeze_count() > 0
