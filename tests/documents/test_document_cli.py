"""`briefing analyze` on bad files: one line on stderr, a non-zero exit, and no model load."""

import pytest
from doc_checks import DATA

from reader.cli import main


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.txt", None, "no such file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary data"),
        ("empty.md", b"", "empty"),
        ("slides.pptx", b"text", "unknown file type"),
        ("shell.html", b"<html><body><script>x()</script></body></html>", "no readable text"),
    ],
)
def test_bad_file_prints_one_line_and_fails(tmp_path, capsys, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code = main(["analyze", str(path)])
    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"briefing: {path}: ")
    assert expected in lines[0]
    assert "Traceback" not in err


def test_directory_argument(capsys):
    code = main(["analyze", str(DATA)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == f"briefing: {DATA}: is a directory, not a briefing file"
