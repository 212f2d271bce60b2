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
