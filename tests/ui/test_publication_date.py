"""A publication date set in the window is the briefing's: kept in the library, used when it is opened again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox
from test_notes import TIMEOUT_MS, close_window, make_library_window, open_in_library

from reader.store import Library
from reader.ui.dialogs import PublicationDateDialog

pytestmark = pytest.mark.gui


def test_a_date_set_in_the_window_is_stored_in_the_library_and_used_again(qtbot, fake_engine, settings, dialogs, tmp_path, fake_file):
    db = tmp_path / "library.db"
    window = make_library_window(qtbot, fake_engine, settings, db)
    try:
        briefing_id = open_in_library(qtbot, window, fake_file)
        assert window.document.published is None
        assert window.analysis.dates[0].value == "XXXX-05-15"
        chosen = dt.date(2025, 5, 20)
        with qtbot.waitSignal(window.analysis_shown, timeout=TIMEOUT_MS):
            window.set_publication_date(chosen)
        assert window.analysis.dates[0].value == "2025-05-15"
        assert "set by you" in window.header.meta.text()
    finally:
        close_window(window)

    with Library.open(db) as lib:
        stored = lib.get_briefing(briefing_id).document
        assert (stored.published, stored.published_origin) == (chosen, "option")
        assert lib.list_briefings()[0].published == chosen
        assert {e.published for e in lib.timeline()} == {chosen}
        assert "2025-05-20" in lib.export(briefing_id, "md")
        assert lib.analysis_for(briefing_id).dates[0].value == "2025-05-15"  # the cached analysis is the dated one

    # The file says no date: opened again, the window uses the one the reader set, without asking.
    again = make_library_window(qtbot, fake_engine, settings, db)
    try:
        open_in_library(qtbot, again, fake_file)
        assert (again.document.published, again.document.published_origin) == (chosen, "option")
        assert again.analysis.dates[0].value == "2025-05-15"
        assert "Published" in again.header.meta.text() and "set by you" in again.header.meta.text()
    finally:
        close_window(again)


def test_the_date_dialog_starts_at_the_date_found_and_tabs_through_its_fields(qtbot):
    found = PublicationDateDialog(dt.date(2024, 12, 4), "dateline")
    qtbot.addWidget(found)
    assert found.date() == dt.date(2024, 12, 4) and "from the dateline" in found.intro.text()
    found.show()
    qtbot.waitExposed(found)
    found.date_edit.setFocus()
    sections = []
    for _ in range(3):
        sections.append(found.date_edit.currentSection())
        qtbot.keyClick(found.date_edit, Qt.Key.Key_Tab)
    assert sections == [QDateEdit.Section.DaySection, QDateEdit.Section.MonthSection, QDateEdit.Section.YearSection]
    assert found.focusWidget() in found.findChildren(QDialogButtonBox)[0].buttons()
    assert found.weekday.text() == "Wed 4 December 2024"

    none = PublicationDateDialog(None, "none")
    qtbot.addWidget(none)
    assert none.date() == dt.date.today()
    assert "today" in none.intro.text()
