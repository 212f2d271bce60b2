"""Word: headings, paragraphs, lists, tables, marks, properties; ZIP bombs and damaged files."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from doc_checks import assert_consistent, block_texts
from file_makers import write_docx, write_zip_bomb_docx

from reader.documents import load_document
from reader.errors import DocumentError


def test_structure_becomes_blocks(tmp_path):
    path = write_docx(
        tmp_path / "brief.docx",
        ["Erdoğan met Putin on 11 May.", "Talks resumed in Istanbul."],
        heading="Istanbul talks",
        bullets=["Prisoner exchange", "Ceasefire"],
        table=[["Side", "Delegation"], ["Russia", "Medinsky"]],
    )
    document = load_document(path)
    assert block_texts(document, "heading") == ["Istanbul talks"]
    assert block_texts(document, "list_item") == ["Prisoner exchange", "Ceasefire"]
    assert "Side\tDelegation" in block_texts(document, "paragraph")
    assert document.title == "Istanbul talks" and document.format == "docx"
    assert_consistent(document)


def test_title_and_date_from_the_properties_when_the_text_has_none(tmp_path):
    created = dt.datetime(2025, 5, 22, 8, 0, tzinfo=dt.UTC)
    document = load_document(write_docx(tmp_path / "p.docx", ["Putin spoke."], title="From properties", created=created))
    assert document.title == "From properties"
    assert (document.published, document.published_origin) == (dt.date(2025, 5, 22), "properties")


def test_a_dateline_in_the_text_wins_over_the_properties(tmp_path):
    created = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    path = write_docx(tmp_path / "d.docx", ["Published: 3 March 2024", "Putin spoke."], created=created)
    document = load_document(path)
    assert (document.published, document.published_origin) == (dt.date(2024, 3, 3), "dateline")


def test_bold_and_italic_runs_become_marks(tmp_path):
    import docx

    word = docx.Document()
    paragraph = word.add_paragraph("Plain ")
    paragraph.add_run("bold").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("italic").italic = True
    word.save(str(tmp_path / "m.docx"))
    document = load_document(tmp_path / "m.docx")
    assert [(m.kind, document.text[m.start : m.end]) for m in document.marks] == [("strong", "bold"), ("em", "italic")]


def test_a_zip_bomb_is_refused_without_unpacking(tmp_path, monkeypatch):
    path = write_zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2 * 1024 * 1024
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *a, **k: pytest.fail("a part was unpacked"))
    with pytest.raises(DocumentError, match="ZIP bomb"):
        load_document(path)


def test_a_damaged_docx_gets_one_message(tmp_path):
    good = write_docx(tmp_path / "good.docx", ["Text."]).read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(DocumentError, match=r"damaged|not a \.docx"):
        load_document(broken)


def test_a_zip_that_is_not_word_is_named(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(DocumentError, match=r"no word/document\.xml"):
        load_document(path)


@pytest.mark.parametrize(("name", "match"), [("old.doc", "old Microsoft Office"), ("text.odt", "OpenDocument")])
def test_formats_we_do_not_read_say_what_to_do(tmp_path, name, match):
    path = tmp_path / name
    if name.endswith(".odt"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    else:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(DocumentError, match=rf"{match}.*save it as \.docx or PDF"):
        load_document(path)
