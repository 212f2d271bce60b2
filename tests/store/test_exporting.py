import csv
import io
import json

from reader.model import Document
from reader.store.exporting import EVENT_COLUMNS, sentence_around

from .fakes import write

TEXT = "Talks in Istanbul.\nErdoğan met Zelensky on Thursday. Russia stayed away.\nTurkey and Ukraine agreed.\n"


def _imported(library, fake_engine, tmp_path):
    library.import_paths([write(tmp_path, "a.txt", TEXT)], fake_engine)
    return library.list_briefings()[0].id


def test_sentence_around():
    text = "First one. Second, with a clause here. Third?\nFourth line"
    start = text.index("clause")
    assert sentence_around(text, start, start + 6) == "Second, with a clause here."
    assert sentence_around(text, text.index("Fourth"), len(text)) == "Fourth line"


def test_events_as_csv_and_json_have_the_same_rows(library, fake_engine, tmp_path):
    bid = _imported(library, fake_engine, tmp_path)
    rows = list(csv.DictReader(io.StringIO(library.export(bid, "csv"))))
    data = json.loads(library.export(bid, "json"))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert len(rows) == len(data) == 2
    first = data[0]
    assert first["agents"] == "Erdoğan" and first["targets"] == "Zelensky"  # names, not ids
    assert first["sentence"] == "Erdoğan met Zelensky on Thursday. Russia stayed away."  # the fake event is the line
    assert first["briefing"] == "a.txt" and first["briefing_id"] == bid
    assert rows[0]["summary"] == first["summary"] and rows[0]["date"] == "2025-05-15"


def test_briefing_markdown_has_events_notes_and_text(library, fake_engine, tmp_path):
    bid = _imported(library, fake_engine, tmp_path)
    library.add_note(bid, "Why *Thursday*?", quote="on Thursday")
    library.add_note(bid, "", quote="Russia", color="yellow")
    library.add_actor_note("Turkey", "Host country")
    md = library.export(bid, "md")
    assert md.startswith("# a.txt")
    assert "## Events" in md and "- **2025-05-15** · Consult · Erdoğan met Zelensky\n" in md  # names already in the summary
    assert "> on Thursday" in md and "Why *Thursday*?" in md
    assert "Highlighted (yellow)" in md and "On Turkey" in md
    assert md.rstrip().endswith("Turkey and Ukraine agreed.")


def test_notes_markdown_marks_orphans(library, fake_engine, tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    library.import_paths([path], fake_engine)
    bid = library.list_briefings()[0].id
    library.add_note(bid, "gone soon", quote="Russia stayed away.")
    path.write_text(TEXT.replace(" Russia stayed away.", ""), encoding="utf-8")
    library.import_paths([path], fake_engine)
    md = library.export_notes(bid)
    assert "no longer in the text" in md and "gone soon" in md and "> Russia stayed away." in md


def test_unanalysed_briefing_exports_markdown_but_not_events(library):
    bid = library.add_document(Document(text="Plain text only."))
    assert "Not analysed yet" in library.export(bid, "md")
    try:
        library.export(bid, "csv")
    except Exception as exc:  # StoreError, one line
        assert "not been analysed" in str(exc)
    else:
        raise AssertionError("events exported from nothing")


def test_csv_export_neutralises_formulas(library):
    """Issue 12, item 3: a title or a sentence starting with = or @ went out as a live formula."""
    from reader.model import Document

    from .fakes import fake_analysis

    text = "=cmd|' /C calc'!A0\n@SUM(1+1) Erdoğan met Zelensky in Istanbul.\n-Turkey and Ukraine agreed.\n"
    document = Document(text=text, title="=cmd|' /C calc'!A0", source="evil.txt")
    bid = library.add_document(document)
    library.put_analysis(bid, fake_analysis(document))
    rows = list(csv.DictReader(io.StringIO(library.export(bid, "csv"))))
    assert rows, "the fake engine finds the two events"
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"]
    assert rows[0]["briefing"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["sentence"].startswith("'@SUM(1+1)")
    assert rows[1]["sentence"].startswith("'-Turkey")
