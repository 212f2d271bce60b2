"""File → Open and drag and drop take PDF, Word, mail and feeds like any briefing."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
from file_makers import write_docx, write_feed, write_report_pdf

pytestmark = pytest.mark.gui

PARAGRAPHS = [f"Borduria and Syldavia met in Klow on {i} May to discuss the water accord." for i in range(1, 60)]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "feed"])
def test_open_each_format(qtbot, fake_window, tmp_path, fmt):
    if fmt == "pdf":
        path = write_report_pdf(tmp_path / "a.pdf", PARAGRAPHS)
    elif fmt == "docx":
        path = write_docx(tmp_path / "a.docx", PARAGRAPHS, heading="Water talks")
    else:
        when = dt.datetime(2025, 5, 22, tzinfo=dt.UTC)
        path = write_feed(tmp_path / "a.rss", [("Water talks", "https://x.example/1", PARAGRAPHS[:3], when)] * 2)
    with qtbot.waitSignal(fake_window.document_shown, timeout=30_000):
        fake_window.open_path(path)
    assert fake_window.document.format == fmt
    assert PARAGRAPHS[0] in fake_window.document.text


def test_drop_a_pdf(qtbot, fake_window, tmp_path):
    path = write_report_pdf(tmp_path / "dropped.pdf", PARAGRAPHS)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(fake_window.document_shown, timeout=30_000):
        fake_window.dropEvent(event)
    assert fake_window.document.format == "pdf"
