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


# The child blocks inside the progress callback after the first chunk, so the parent's Ctrl+C
# always lands in the middle of the analysis (synchronised on the progress line, no sleep).
CTRL_C_ANALYZE = """
import signal
import sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell's background job starts with SIGINT ignored
import reader.engine
reader.engine.CHUNK_CHARS = 2000
import reader.cli
shown = reader.cli._ProgressLine.__call__
def call_then_wait(self, done, total):
    shown(self, done, total)
    if 0 < done < total:
        sys.stdin.read()  # until the parent's SIGINT interrupts it
reader.cli._ProgressLine.__call__ = call_then_wait
sys.exit(reader.cli.main(["analyze", sys.argv[1]]))
"""


def test_a_long_analysis_shows_progress_and_ctrl_c_exits_cleanly(tmp_path):
    """Issue 12, item 6: progress on stderr for a long text; Ctrl+C stops it with one clear line."""
    import signal
    import subprocess
    import sys
    from pathlib import Path

    text = "\n\n".join(f"Paragraph {i}: Vladimir Putin met Recep Tayyip Erdogan in Ankara on 15 May." for i in range(200))
    path = write(tmp_path, "long.txt", text)
    proc = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_ANALYZE, str(path)],
        cwd=Path(__file__).resolve().parents[1], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if "parsing," in line and "parsing, 0%" not in line:
            proc.send_signal(signal.SIGINT)
            break
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, "".join(lines) + err
    assert "Traceback" not in err and out == ""
    assert any("parsing, 0% of" in line and "(Ctrl+C cancels)" in line for line in lines)
    import re

    assert re.fullmatch(rf"briefing: {re.escape(str(path))}: analysis cancelled \(Ctrl\+C\) at \d+%; nothing was written\n", err)
