"""Fixtures for the window tests: a window per test, one real engine per session, no blocking dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from ui_helpers import FAKE_TEXT, FakeEngine, make_window

from reader.ui.qt_compat import guard_none_refcount

guard_none_refcount()  # the suite must not abort on a PySide6 release with the None refcount bug


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every window test has its QApplication, whichever worker and order it runs in (a widget
    made without one aborts the process)."""
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    """Every message box the code opens, recorded instead of shown (so a test never blocks)."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def window(qtbot, engine, settings, dialogs):
    """The real window with the real (session-wide) engine."""
    w = make_window(qtbot, engine, settings)
    yield w
    w.service.cancel()
    w.service.wait(60_000)


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def fake_window(qtbot, fake_engine, settings, dialogs):
    w = make_window(qtbot, fake_engine, settings)
    yield w
    w.service.cancel()
    w.service.wait(10_000)


@pytest.fixture
def fake_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.md"
    path.write_text(FAKE_TEXT, encoding="utf-8")
    return path
