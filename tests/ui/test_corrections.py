"""Corrections from the panels' context menus: stored, applied at once, kept across windows and briefings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMenu
from test_notes import TIMEOUT_MS, close_window, make_library_window, open_in_library

from reader.store import Library
from reader.ui import corrections_ui
from reader.ui.corrections_ui import (
    cameo_categories,
    dismiss_correction,
    event_category_correction,
    event_date_correction,
    fill_actor_menu,
    merge_correction,
    rename_correction,
    retype_correction,
    split_correction,
)
from reader.ui.models import ActorRole

pytestmark = pytest.mark.gui


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def lib_window(qtbot, fake_engine, settings, dialogs, db):
    window = make_library_window(qtbot, fake_engine, settings, db)
    yield window
    close_window(window)


def actor_names(window) -> list[str]:
    """Names in the actors panel (read from the model, as the reader sees them)."""
    model = window.actors_model
    names = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            names.append(model.index(r, 0, group).data(ActorRole).name)
    return names


def correct_and_wait(qtbot, window, correction) -> None:
    session = window.library_session
    with qtbot.waitSignals([session.corrector.correction_stored, window.analysis_shown], timeout=TIMEOUT_MS):
        session.corrector.correct(correction)


def actor(window, name: str):
    return next(a for a in window.analysis.actors if a.name == name)


def test_rename_shows_at_once_and_persists_across_windows_and_briefings(
    qtbot, fake_engine, settings, dialogs, db, fake_file, tmp_path
):
    window = make_library_window(qtbot, fake_engine, settings, db)
    open_in_library(qtbot, window, fake_file)
    correct_and_wait(qtbot, window, rename_correction(actor(window, "Borduria"), "Republic of Borduria"))
    assert "Republic of Borduria" in actor_names(window)
    assert "Borduria" not in actor_names(window)
    close_window(window)

    again = make_library_window(qtbot, fake_engine, settings, db)
    try:
        open_in_library(qtbot, again, fake_file)
        assert "Republic of Borduria" in actor_names(again)
        other = tmp_path / "other.txt"
        other.write_text("Borduria closed its embassy in Klow.\n", encoding="utf-8")
        open_in_library(qtbot, again, other)  # a briefing the rename was never made in
        assert "Republic of Borduria" in actor_names(again)
    finally:
        close_window(again)
    with Library.open(db) as lib:
        assert [c.kind for c in lib.corrections()] == ["rename"]


def test_rename_through_the_actors_menu(qtbot, lib_window, fake_file, monkeypatch):
    open_in_library(qtbot, lib_window, fake_file)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Kingdom of Syldavia", True))
    menu = QMenu()
    fill_actor_menu(menu, actor(lib_window, "Syldavia"), lib_window.library_session.corrector, lib_window)
    with qtbot.waitSignal(lib_window.analysis_shown, timeout=TIMEOUT_MS):
        next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    assert "Kingdom of Syldavia" in actor_names(lib_window)


def test_change_type_and_not_an_actor(qtbot, lib_window, fake_file):
    open_in_library(qtbot, lib_window, fake_file)
    correct_and_wait(qtbot, lib_window, retype_correction(actor(lib_window, "Klow"), "LOC"))
    assert actor(lib_window, "Klow").type == "LOC"
    menu = QMenu()
    fill_actor_menu(menu, actor(lib_window, "Syldavia"), lib_window.library_session.corrector, lib_window)
    with qtbot.waitSignal(lib_window.analysis_shown, timeout=TIMEOUT_MS):
        next(a for a in menu.actions() if a.text() == "Not an Actor").trigger()
    assert "Syldavia" not in actor_names(lib_window)
    assert all(a.name != "Syldavia" for a in lib_window.analysis.actors)


def test_merge_two_actors(qtbot, lib_window, fake_file):
    open_in_library(qtbot, lib_window, fake_file)
    assert "Borduria" in lib_window.library_session.corrector.other_actor_names(actor(lib_window, "Syldavia"))
    mentions = len(actor(lib_window, "Syldavia").mentions) + len(actor(lib_window, "Borduria").mentions)
    correct_and_wait(qtbot, lib_window, merge_correction(actor(lib_window, "Syldavia"), "Borduria"))
    assert "Syldavia" not in actor_names(lib_window)
    assert len(actor(lib_window, "Borduria").mentions) == mentions


def test_split_a_mention_off(qtbot, lib_window, fake_file):
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    velkova = actor(lib_window, "Mara Velkova")
    last = velkova.mentions[-1]
    correct_and_wait(qtbot, lib_window, split_correction(velkova, last, briefing_id, "Ivo Velkova"))
    assert "Ivo Velkova" in actor_names(lib_window)
    assert len(actor(lib_window, "Mara Velkova").mentions) == len(velkova.mentions) - 1


def test_the_article_menu_offers_split_on_a_mention(qtbot, lib_window, fake_file):
    open_in_library(qtbot, lib_window, fake_file)
    from test_ui_main_window import point_inside

    mention = actor(lib_window, "Borduria").mentions[0]
    menu = QMenu()
    lib_window.library_session.corrector.fill_article_menu(menu, point_inside(lib_window.article, mention.start, mention.end))
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("Split “Borduria” Off Borduria") for t in texts)
    assert "Add &Note" in texts


def test_event_corrections(qtbot, lib_window, fake_file):
    briefing_id = open_in_library(qtbot, lib_window, fake_file)
    events = lib_window.analysis.events
    first, second = events[0], events[1]
    count = len(events)
    correct_and_wait(qtbot, lib_window, dismiss_correction(first, briefing_id))
    assert len(lib_window.analysis.events) == count - 1
    assert all(e.text != first.text for e in lib_window.analysis.events)
    correct_and_wait(qtbot, lib_window, event_date_correction(second, briefing_id, "2024-06-03"))
    assert next(e for e in lib_window.analysis.events if e.text == second.text).date == "2024-06-03"
    correct_and_wait(qtbot, lib_window, event_category_correction(second, briefing_id, "13"))
    changed = next(e for e in lib_window.analysis.events if e.text == second.text)
    assert (changed.category, changed.category_label) == ("13", "Threaten")
    assert lib_window.events_model.rowCount() == count - 1


def test_cameo_list_and_no_op_corrections():
    codes = [code for code, _label in cameo_categories()]
    # CAMEO's twenty, then ours for acts beyond CAMEO
    assert codes[:20] == [f"{n:02d}" for n in range(1, 21)]
    assert codes[20:] == ["VOTE", "OFFICE", "LAW", "ECON", "DISASTER", "ACT"]
    from reader.model import Actor

    a = Actor("A1", "Borduria", "GPE")
    assert rename_correction(a, "  Borduria ") is None
    assert retype_correction(a, "GPE") is None
    assert merge_correction(a, "borduria") is None
    assert corrections_ui._plausible_date("2024-05") and not corrections_ui._plausible_date("May 5")


def test_undo_the_last_correction(qtbot, lib_window, fake_file, db):
    open_in_library(qtbot, lib_window, fake_file)
    session = lib_window.library_session
    correct_and_wait(qtbot, lib_window, rename_correction(actor(lib_window, "Klow"), "Klow City"))
    assert "Klow City" in actor_names(lib_window)
    assert session.corrector.undo_correction_action.isEnabled()
    with qtbot.waitSignal(lib_window.analysis_shown, timeout=TIMEOUT_MS):
        session.corrector.undo_correction_action.trigger()
    assert "Klow" in actor_names(lib_window) and "Klow City" not in actor_names(lib_window)
    with Library.open(db) as lib:
        assert lib.corrections() == []


def test_right_clicks_open_the_menus_with_the_corrections(qtbot, lib_window, fake_file, monkeypatch):
    """The real context-menu path: a right-click on a mention, an actor row and an event row."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication
    from test_ui_main_window import point_inside

    open_in_library(qtbot, lib_window, fake_file)
    shown: list[list[str]] = []

    def fake_popup(menu, _pos):
        texts = []
        for action in menu.actions():
            texts.append(action.text())
            if action.menu() is not None:
                texts += [f"> {a.text()}" for a in action.menu().actions()]
        shown.append(texts)

    monkeypatch.setattr(lib_window.library_session.corrector, "popup", fake_popup)

    def right_click(widget, pos: QPoint) -> None:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
        QApplication.sendEvent(widget, event)

    mention = actor(lib_window, "Syldavia").mentions[0]
    right_click(lib_window.article.viewport(), point_inside(lib_window.article, mention.start, mention.end))
    assert "Add &Note" in shown[-1] and any(t.startswith("Split “Syldavia”") for t in shown[-1])

    view = lib_window.actors_view
    index = lib_window.actors_model.actor_index(actor(lib_window, "Klow").id)
    right_click(view.viewport(), view.visualRect(index).center())
    assert shown[-1][:3] == ["Add Note on Klow", "All Briefings Mentioning Klow", "Timeline of Klow"]
    assert "Not an Actor" in shown[-1] and "> Place (LOC)" in shown[-1] and "> Country or city (GPE)" in shown[-1]

    events = lib_window.events_view
    right_click(events.viewport(), events.visualRect(lib_window.events_proxy.index(0, 0)).center())
    assert shown[-1][0] == "Add Note on This Event" and "Dismiss Event" in shown[-1]
    assert "> 04 Consult" in shown[-1]


def test_corrections_hold_when_dates_are_resolved_against_another_day(qtbot, lib_window, fake_file, fake_engine):
    import datetime as dt

    open_in_library(qtbot, lib_window, fake_file)
    correct_and_wait(qtbot, lib_window, rename_correction(actor(lib_window, "Klow"), "Klow City"))
    runs = len(fake_engine.calls)
    with qtbot.waitSignal(lib_window.analysis_shown, timeout=TIMEOUT_MS):
        lib_window.set_publication_date(dt.date(2023, 3, 1))
    assert len(fake_engine.calls) == runs + 1  # another day: analysed again (not from the cache)
    assert "Klow City" in actor_names(lib_window)
    assert any(d.value.startswith("2023-") for d in lib_window.analysis.dates)
