"""The library commands of `briefing`, run in-process with a fake engine."""

import json
import sys

import pytest

from reader.cli import main

from .fakes import FakeEngine, write

TEXT = "Talks in Istanbul.\nErdoğan met Zelensky on Thursday.\n"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.engine.Engine", FakeEngine)
    return str(tmp_path / "cli.db")


def test_import_list_search_note_export(db, tmp_path, capsys):
    folder = tmp_path / "in"
    write(folder, "a.txt", TEXT)
    write(folder, "b.txt", "Zelensky spoke in Kyiv.\n")
    assert main(["import", str(folder), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "2 added" in err and "[2/2]" in err
    assert main(["import", str(folder), "--db", db]) == 0
    assert "2 unchanged" in capsys.readouterr().err

    assert main(["list", "--db", db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    bid = next(b["id"] for b in listed if b["title"] == "a.txt")

    assert main(["note", "add", bid[:8], "--quote", "on Thursday", "--body", "Which Thursday?", "--db", db]) == 0
    note_id = capsys.readouterr().out.strip()
    assert len(note_id) == 32

    assert main(["notes", bid[:8], "--db", db]) == 0
    assert "Which Thursday?" in capsys.readouterr().out

    assert main(["search", "thursday", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "[Thursday]" in out and "note" in out

    out_file = tmp_path / "events.csv"
    assert main(["export", bid[:8], "--format", "csv", "--out", str(out_file), "--db", db]) == 0
    assert out_file.read_text(encoding="utf-8").startswith("date,category")
    assert main(["export", bid[:8], "--db", db]) == 0
    assert "Which Thursday?" in capsys.readouterr().out


def test_import_with_a_publication_date(db, tmp_path, capsys):
    write(tmp_path, "a.txt", TEXT)
    assert main(["import", str(tmp_path / "a.txt"), "--published", "2025-05-20", "--db", db, "-q"]) == 0
    assert main(["list", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["published"] == "2025-05-20"
    with pytest.raises(SystemExit):
        main(["import", str(tmp_path / "a.txt"), "--published", "20 May", "--db", db])


def test_environment_variable_is_the_default_db(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFING_DB", db)
    write(tmp_path, "a.txt", TEXT)
    assert main(["import", str(tmp_path / "a.txt")]) == 0
    assert main(["list", "--db", db]) == 0
    assert "a.txt" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["notes", "nosuchid"],
        ["note", "add", "nosuchid", "--quote", "x", "--body", "y"],
        ["export", "nosuchid"],
    ],
)
def test_bad_input_gives_one_line_and_non_zero(db, argv, capsys):
    assert main([*argv, "--db", db]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("briefing: ") and "\n" not in err


def test_import_reports_bad_files_and_continues(db, tmp_path, capsys):
    good = write(tmp_path, "good.txt", TEXT)
    bad = write(tmp_path, "empty.txt", "")
    assert main(["import", str(bad), str(good), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "1 added" in err and "1 failed" in err


def test_corrupt_library_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "library.db"
    path.write_text("not a database at all")
    assert main(["list", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not a Briefing Reader library" in err
    assert path.read_text() == "not a database at all"


CTRL_C_IMPORT = """
import sys
sys.path.insert(0, sys.argv[1])
from store.fakes import FakeEngine

class GatedEngine(FakeEngine):
    def analyze_many(self, documents, batch_size=4):
        for n, analysis in enumerate(super().analyze_many(documents), start=1):
            if n == 6:  # the parent presses Ctrl+C after the fifth briefing, then lets this one go
                sys.stdin.readline()
            yield analysis

import reader.engine
reader.engine.Engine = GatedEngine
from reader.cli import main
sys.exit(main(["import", sys.argv[2], "--db", sys.argv[3]]))
"""


def test_ctrl_c_cancels_the_import_and_keeps_what_was_imported(tmp_path):
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from reader.store import Library

    root = Path(__file__).resolve().parents[2]
    for i in range(60):
        write(tmp_path / "in", f"{i:02}.txt", f"Briefing {i}.\nErdoğan met Zelensky.\n")
    db = tmp_path / "lib.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_IMPORT, str(root / "tests"), str(tmp_path / "in"), str(db)],
        cwd=root,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("[5/"):  # the import waits for us before its sixth briefing
            proc.send_signal(signal.SIGINT)
            break
    err = proc.communicate("go\n", timeout=60)[1]
    assert proc.returncode == 130, err
    assert "import cancelled" in err and "kept" in err
    with Library.open(db) as lib:
        kept = lib.count_briefings()
    assert 5 <= kept < 60


def _library_with_a_note(db, tmp_path, capsys):
    write(tmp_path, "a.txt", TEXT)
    assert main(["import", str(tmp_path / "a.txt"), "--db", db, "-q"]) == 0
    assert main(["list", "--db", db, "--json"]) == 0
    bid = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["note", "add", bid, "--quote", "on Thursday", "--body", "Which Thursday? ✓", "--db", db]) == 0
    capsys.readouterr()
    return bid


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_never_replaces_the_library(db, tmp_path, capsys, suffix):
    """Issue 12, item 1: `export --out` naming the library exited 0 and replaced it with Markdown."""
    bid = _library_with_a_note(db, tmp_path, capsys)
    assert main(["export", bid, "--db", db, "--format", "md", "--out", db + suffix, "--force"]) == 1
    err = capsys.readouterr().err
    assert "library itself" in err and err.count("\n") == 1
    from reader.store import Library

    with Library.open(db) as lib:
        assert [n.body for n in lib.all_notes()] == ["Which Thursday? ✓"]


def test_export_never_overwrites_without_force(db, tmp_path, capsys):
    bid = _library_with_a_note(db, tmp_path, capsys)
    out = tmp_path / "mine.md"
    out.write_text("my own file")
    assert main(["export", bid, "--db", db, "--out", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    assert out.read_text() == "my own file"
    assert main(["export", bid, "--db", db, "--out", str(out), "--force"]) == 0
    assert "Which Thursday? ✓" in out.read_text(encoding="utf-8")
    other = tmp_path / "other.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert main(["export", bid, "--db", db, "--out", str(other), "--force"]) == 1
    assert "SQLite database" in capsys.readouterr().err


FULL_DISK_EXPORT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
# Writes past 64 KiB fail from here on, as they do on a full disk (EFBIG instead of ENOSPC).
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 16, 1 << 16))
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a full disk is Linux behaviour")
def test_a_failed_export_leaves_the_previous_export_whole(db, tmp_path, capsys):
    """Issue 12, item 2: the target was truncated first, so a full disk left a fragment of it."""
    import subprocess
    from pathlib import Path

    long_text = "Talks in Istanbul.\n" + "Erdoğan met Zelensky on Thursday. " * 4000
    write(tmp_path, "long.txt", long_text)
    assert main(["import", str(tmp_path / "long.txt"), "--db", db, "-q"]) == 0
    assert main(["list", "--db", db, "--json"]) == 0
    bid = json.loads(capsys.readouterr().out)[0]["id"]
    out = tmp_path / "export.md"
    out.write_text("yesterday's export\n")
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK_EXPORT, "export", bid, "--db", db, "--out", str(out), "--force"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "cannot write" in proc.stderr and proc.stderr.count("\n") == 1
    assert out.read_text() == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_long_open_says_each_step_on_stderr_once_per_tenth(capsys):
    from reader.store.cli import OpenProgressLine

    line = OpenProgressLine(delay=0)
    for percent in range(101):
        line(f"Reading the library: {percent}%")
    line("Checking the library…")
    line("Upgrading the library (step 1 of 2)…")
    line("Upgrading the library (step 2 of 2)…")
    line.end()
    err = capsys.readouterr().err.splitlines()
    assert err[:11] == [f"briefing: Reading the library: {p}%" for p in range(0, 101, 10)]
    assert err[11:] == [
        "briefing: Checking the library…",
        "briefing: Upgrading the library (step 1 of 2)…",
        "briefing: Upgrading the library (step 2 of 2)…",
    ]
    quiet = OpenProgressLine()  # a library that opens within a second says nothing
    quiet("Checking the library…")
    assert capsys.readouterr().err == ""


def test_the_command_line_upgrades_an_older_library_and_says_where_the_backup_is(tmp_path, capsys):
    from .older import old_library

    path = tmp_path / "library.db"
    old_library(path)
    assert main(["list", "--db", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert [b["id"] for b in json.loads(captured.out)] == ["b1"]
    assert "upgraded the library; the previous version is saved as" in captured.err
