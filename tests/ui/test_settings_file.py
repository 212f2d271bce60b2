"""The window's settings go through the atomic writer (issue 12, item 2: "settings" among every file)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray, QSettings
from ui_helpers import FakeEngine

from reader.ui.settings_file import SettingsFile

pytestmark = pytest.mark.gui


def test_values_round_trip_and_the_file_is_replaced_whole(tmp_path, monkeypatch):
    path = tmp_path / "cfg" / "settings.json"
    settings = SettingsFile(path)
    settings.setValue("window/geometry", QByteArray(b"\x01\x02\xff"))
    settings.setValue("recent_files", ["/a.md", "/b.txt"])
    settings.setValue("view/zoom", 2)
    settings.sync()
    again = SettingsFile(path)
    assert again.value("window/geometry") == QByteArray(b"\x01\x02\xff")
    assert again.value("recent_files") == ["/a.md", "/b.txt"] and again.value("view/zoom") == 2
    assert again.value("missing", "default") == "default"

    written = []
    monkeypatch.setattr("reader.ui.settings_file.atomic_write", lambda p, text: written.append((p, text)))
    again.setValue("view/zoom", 3)
    again.sync()
    assert written and written[-1][0] == path and json.loads(written[-1][1])["view/zoom"] == 3


def test_a_failed_save_keeps_the_old_settings(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    settings = SettingsFile(path)
    settings.setValue("view/zoom", 1)
    settings.sync()
    before = path.read_bytes()

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.atomic.os.write", full_disk)
    settings.setValue("recent_files", ["/x.md"] * 100)
    settings.sync()  # logged, not raised
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_an_unreadable_file_is_moved_aside_and_old_qsettings_carry_over(tmp_path):
    legacy = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    legacy.setValue("recent_files", ["/kept.md"])
    legacy.sync()
    assert SettingsFile(tmp_path / "new.json", legacy=legacy).value("recent_files") == ["/kept.md"]
    broken = tmp_path / "settings.json"
    broken.write_text("{ not json")
    assert SettingsFile(broken).value("recent_files") is None
    assert [p.read_text() for p in tmp_path.glob("settings.json.unreadable-*")] == ["{ not json"]


def test_the_window_saves_through_it(qtbot, tmp_path, dialogs):
    from reader.ui.main_window import MainWindow

    path = tmp_path / "settings.json"
    window = MainWindow(engine=FakeEngine(), settings=SettingsFile(path), warm_up=False)
    qtbot.addWidget(window)
    window.show()
    window.close()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert "window/geometry" in saved and "view/zoom" in saved
