"""Bad input: every case gives one DocumentError naming the file and the problem."""

import datetime as dt
import os
from pathlib import Path

import pytest
from doc_checks import DATA

from reader.documents import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, document_from_text, load_document
from reader.errors import DocumentError


def refused(path, match: str) -> str:
    with pytest.raises(DocumentError, match=match) as info:
        load_document(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_missing_file(tmp_path):
    refused(tmp_path / "nowhere.txt", "no such file")


def test_directory(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    refused(folder, "is a directory")


def test_special_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    refused(fifo, "not a regular file")


@pytest.mark.parametrize("name", ["slides.pptx", "table.csv", "README"])
def test_unknown_extension(tmp_path, name):
    path = tmp_path / name
    path.write_text("Some text.", encoding="utf-8")
    message = refused(path, "unknown file type")
    assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


def test_nul_bytes_are_binary(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"Some text\x00\x01\x02 and more")
    refused(path, "binary data")


def test_known_binary_signature_is_named(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    refused(path, "PNG image")


@pytest.mark.parametrize("name", ["report.pdf", "notes.docx", "mail.msg"])
def test_a_binary_name_on_text_is_refused(tmp_path, name):
    path = tmp_path / name
    path.write_text("Some text.", encoding="utf-8")
    refused(path, "is not .*content does not match")


def test_mostly_control_characters_are_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 9)) * 200 + b"a few words")
    refused(path, "binary data")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.md"
    path.write_bytes(b"")
    refused(path, "empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n   \n")
    refused(path, "only white space")


def test_too_large_is_refused_quickly_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(20 * 1000 * 1000)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    message = refused(path, "larger than the 5.0 MiB limit")
    assert "19.1 MiB" in message


def test_just_above_the_limit(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    refused(path, "limit")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Secret text.", encoding="utf-8")
    if os.geteuid() == 0:  # root reads anything: simulate the refusal

        def deny(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", deny)
    else:
        path.chmod(0)
    refused(path, "permission denied")


def test_markdown_without_text(tmp_path):
    path = tmp_path / "meta-only.md"
    path.write_text("---\ntitle: Nothing here\n---\n\n![](picture.png)\n", encoding="utf-8")
    refused(path, "no readable text in this Markdown file")


def test_html_without_text(tmp_path):
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script src='app.js'></script></head><body><div id='app'></div></body></html>", encoding="utf-8")
    refused(path, "no readable text in this HTML file")


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Talks in Zürich — day one.\nBad byte: \xff here.".encode().replace(b"\xc3\xbf", b"\xff"))
    doc = load_document(path)
    assert "Zürich" in doc.text
    assert "\ufffd" in doc.text
    assert any("not valid UTF-8" in w and "U+FFFD" in w for w in doc.warnings)


def test_windows_1252_is_recognised(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The café owner said “no”.".encode("cp1252"))
    doc = load_document(path)
    assert doc.text == "The café owner said “no”."
    assert any("Windows-1252" in w for w in doc.warnings)


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Talks resumed on Monday.".encode("utf-16"))
    doc = load_document(path)
    assert doc.text == "Talks resumed on Monday."
    assert any("UTF-16" in w for w in doc.warnings)


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\n\nBody text.\n")
    doc = load_document(path)
    assert doc.text == "Title\n\nBody text."
    assert doc.warnings == []


def test_published_argument_wins(tmp_path):
    doc = load_document(DATA / "page.html", published=dt.date(2000, 1, 1))
    assert (doc.published, doc.published_origin) == (dt.date(2000, 1, 1), "option")


def test_document_from_text_rejects_empty_and_unknown_format():
    with pytest.raises(DocumentError, match="empty"):
        document_from_text("")
    with pytest.raises(DocumentError, match="unknown format"):
        document_from_text("Text.", fmt="pdf")


def test_fifty_kilobytes_of_markdown_load(tmp_path):
    """Its speed (under 0.1 s) is measured by `python -m bench.markdown_load`, not here: no test times itself."""
    sample = (DATA / "front-matter.md").read_text(encoding="utf-8")
    body = sample.split("---\n", 2)[2].replace("Share this article\n", "")
    path = tmp_path / "long.md"
    path.write_text(sample.split("Share this")[0] + body * (50_000 // len(body)), encoding="utf-8")
    doc = load_document(path)
    assert len(doc.text) > 40_000 and doc.title


def test_html_declared_charset_is_used_when_not_utf8(tmp_path):
    path = tmp_path / "old.html"
    page = '<html><head><meta charset="iso-8859-2"><title>Łódź</title></head><body><p>Prezydent odwiedził Łódź w środę rano.</p></body></html>'
    path.write_bytes(page.encode("iso-8859-2"))
    doc = load_document(path)
    assert "Łódź w środę" in doc.text
    assert any("iso8859-2" in w for w in doc.warnings)
