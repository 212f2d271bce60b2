"""`briefing analyze`: output shapes and one clear line for bad input."""

import json

from reader.cli import main


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BRIEF = "Published: 20 May 2025\n\nMoscow insisted that Kyiv withdraw. Turkish President Recep Tayyip Erdoğan hosted talks on 15 May.\n"


def test_json_contract(tmp_path, capsys, engine):
    path = write(tmp_path, "b.txt", BRIEF)
    assert main(["analyze", str(path), "--published", "2025-05-22", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"document", "actors", "dates", "events"}
    assert {"id", "title", "published", "source", "text"} <= set(data["document"])
    assert data["document"]["published"] == "2025-05-22"
    text = data["document"]["text"]
    for actor in data["actors"]:
        assert {"id", "name", "type", "aliases", "mentions"} <= set(actor)
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for date in data["dates"]:
        assert {"start", "end", "text", "type", "value"} <= set(date)
        assert date["type"] in ("DATE", "TIME", "DURATION", "SET")
    for event in data["events"]:
        assert {"id", "start", "end", "text", "trigger", "category", "category_label", "summary", "actors",
                "agents", "targets", "date", "place", "modality"} <= set(event)


def test_jsonl_one_line_per_file(tmp_path, capsys, engine):
    a = write(tmp_path, "a.txt", BRIEF)
    b = write(tmp_path, "b.md", "# Title\n\nAnkara refused the offer.\n")
    assert main(["analyze", str(a), str(b), "--jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["document"]["text"] for line in lines)


def test_text_and_markdown_reports(tmp_path, capsys, engine):
    path = write(tmp_path, "a.txt", BRIEF)
    assert main(["analyze", str(path), "--published", "2025-05-22"]) == 0
    out = capsys.readouterr().out
    assert "Actors" in out and "Recep Tayyip Erdoğan" in out and "Timeline" in out
    assert main(["analyze", str(path), "--markdown"]) == 0
    assert "## Actors" in capsys.readouterr().out


def test_missing_file_is_one_clear_line(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.txt")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such file" in err[0]


def test_bad_published_date_is_refused(tmp_path, capsys):
    path = write(tmp_path, "a.txt", BRIEF)
    try:
        main(["analyze", str(path), "--published", "22/05/2025"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_no_publication_date_is_said(tmp_path, capsys, engine):
    path = write(tmp_path, "a.txt", "Ankara refused the offer on 15 May.\n")
    assert main(["analyze", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "no publication date" in captured.err
    assert json.loads(captured.out)["document"]["published"] is None
