"""The Storylines dock, the dossier's two pictures, the events sidebar's marks, and the window wiring."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from storyline_data import fill
from test_notes import TIMEOUT_MS, close_window, make_library_window

from reader.store import Library
from reader.ui.dossier_pictures import NetworkView, TimeAxisView
from reader.ui.storyline_marks import BADGES, MarkingDelegate, badges, mark_tooltip
from reader.ui.storylines_view import SourceRole, StorylinesView

pytestmark = pytest.mark.gui
AS_OF = dt.date(2025, 6, 1)


@pytest.fixture
def library():
    lib = Library.in_memory()
    ids = fill(lib)
    yield lib, ids
    lib.close()


def titles(lib):
    return {b.id: b.title for b in lib.list_briefings(top_actors=0)}


def test_storylines_list_items_their_conflicts_and_why_they_were_joined(qtbot, library):
    lib, ids = library
    view = StorylinesView()
    qtbot.addWidget(view)
    view.set_items(lib.storylines.items(), titles(lib))
    rows = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    assert len(rows) == 2  # the swap, and the talks announced then held
    swap = next(r for r in rows if "prisoners" in r.text(1))
    assert swap.text(2) == "2" and swap.text(3) == "prisoners" and swap.childCount() == 2
    view.tree.setCurrentItem(swap)
    detail = view.detail.toPlainText()
    assert "The sources disagree" in detail and "1,000 prisoners" in detail and "1,200 prisoners" in detail
    assert "Why these are one act" in detail and "trigger family 'exchange'" in detail
    with qtbot.waitSignal(view.open_requested) as opened:
        view.tree.itemActivated.emit(swap.child(1), 0)
    assert opened.args[0] in (ids["swap"], ids["swap2"])


def test_split_merge_and_filters_ask_the_controller(qtbot, library):
    lib, _ = library
    view = StorylinesView()
    qtbot.addWidget(view)
    view.set_items(lib.storylines.items(), titles(lib))
    swap = next(view.tree.topLevelItem(i) for i in range(2) if "prisoners" in view.tree.topLevelItem(i).text(1))
    swap.child(1).setSelected(True)
    with qtbot.waitSignal(view.split_requested) as split:
        view.split_button.click()
    assert split.args[0] == swap.data(0, Qt.ItemDataRole.UserRole + 60) and split.args[1] == [swap.child(1).data(0, SourceRole)[:2]]
    view.tree.clearSelection()
    for i in range(2):
        view.tree.topLevelItem(i).setSelected(True)
    with qtbot.waitSignal(view.merge_requested) as merged:
        view.merge_button.click()
    assert len(merged.args[0]) == 2
    with qtbot.waitSignal(view.refresh_requested):
        view.contradictions.setChecked(True)
    view.actor.setText("Ukraine")
    assert view.filters()["contradictions"] and view.filters()["actor"] == "Ukraine" and view.filters()["since"] is None


def test_upcoming_lists_announcements_by_due_date_with_their_status(qtbot, library):
    lib, ids = library
    view = StorylinesView()
    qtbot.addWidget(view)
    view.set_upcoming(lib.storylines.upcoming(as_of=AS_OF), titles(lib), AS_OF)
    rows = [view.upcoming.topLevelItem(i) for i in range(view.upcoming.topLevelItemCount())]
    visit = next(r for r in rows if "visit" in r.text(2))
    talks = next(r for r in rows if "resume talks" in r.text(2))
    assert (visit.text(0), visit.text(1)) == ("2025-03-31", "overdue")
    assert (talks.text(0), talks.text(1)) == ("2025-04-13", "happened")
    assert talks.data(0, SourceRole)[0] == ids["held"]  # opens where it was reported
    assert [r.text(0) for r in rows] == sorted(r.text(0) for r in rows)
    assert "overdue" in view.upcoming_status.text()


def test_the_dossier_pictures_draw_every_dated_act_and_every_pair(qtbot, library):
    lib, ids = library
    view = StorylinesView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    dossier = lib.storylines.dossier("Russia", lib.briefings_mentioning("Russia"))
    view.show_dossier(dossier, titles(lib))
    timeline, network = view.dossier.timeline, view.dossier.network
    assert timeline.dots == len(dossier.items) >= 4
    assert network.edges_drawn == len(dossier.edges) >= 2
    assert "Russia" in view.dossier.heading.text() and "first time read" in view.dossier.heading.text()
    assert view.dossier.co_actors.topLevelItemCount() >= 2


def test_clicking_a_dot_opens_its_source_and_a_node_its_dossier(qtbot, library):
    lib, ids = library
    dossier = lib.storylines.dossier("Russia", lib.briefings_mentioning("Russia"))
    timeline = TimeAxisView()
    qtbot.addWidget(timeline)
    timeline.resize(800, 200)
    timeline.show()
    timeline.set_items(dossier.items)
    dot = next(i for i in timeline.scene().items() if i.data(0) is not None)
    centre = timeline.mapFromScene(dot.sceneBoundingRect().center())
    with qtbot.waitSignal(timeline.source_clicked) as clicked:
        qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert clicked.args[0] in ids.values()
    network = NetworkView()
    qtbot.addWidget(network)
    network.resize(600, 500)
    network.show()
    network.set_network("Russia", dossier.edges)
    node = next(i for i in network.scene().items() if i.data(1) == "Ukraine")
    with qtbot.waitSignal(network.actor_clicked) as actor:
        qtbot.mouseClick(network.viewport(), Qt.MouseButton.LeftButton, pos=network.mapFromScene(node.sceneBoundingRect().center()))
    assert actor.args == ["Ukraine"]


def test_sidebar_marks_paint_badges_and_say_what_they_mean(qtbot, library):
    lib, ids = library
    marks = lib.storylines.marks(ids["swap"], as_of=AS_OF)
    assert [text for text, _ in badges(marks["E1"])] == ["×2", "≠"]
    assert "disagree on: prisoners" in mark_tooltip(marks["E1"])
    visit = lib.storylines.marks(ids["visit"], as_of=AS_OF)["E1"]
    assert visit.overdue and "overdue" in [t for t, _ in badges(visit)]
    from PySide6.QtWidgets import QListView, QStyledItemDelegate

    from reader.ui.models import EventListModel

    model = EventListModel()
    model.set_analysis(lib.analysis_for(ids["swap"]))
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = MarkingDelegate(QStyledItemDelegate(view), view)
    delegate.set_marks(marks)
    view.setItemDelegate(delegate)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    image: QImage = view.viewport().grab().toImage()
    red = QColor(BADGES["conflict"])
    assert any(image.pixelColor(x, y) == red for x in range(image.width() - 60, image.width()) for y in range(0, 24))


def test_the_window_marks_the_sidebar_and_opens_the_dock_the_upcoming_view_and_a_dossier(qtbot, fake_engine, settings, dialogs, tmp_path):
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        ids = fill(lib)
    window = make_library_window(qtbot, fake_engine, settings, db)
    try:
        session, storylines = window.library_session, window.library_session.storylines
        storylines.as_of = AS_OF
        with qtbot.waitSignal(storylines.marks_shown, timeout=TIMEOUT_MS, check_params_cb=lambda n: n > 0):
            session.browser.open_briefing(ids["swap"])
        assert window.events_view.itemDelegate() is storylines.marks
        with qtbot.waitSignal(storylines.storylines_shown, timeout=TIMEOUT_MS) as shown:
            storylines.show_action.trigger()
        assert shown.args == [2] and storylines.dock.isVisible()
        with qtbot.waitSignal(storylines.upcoming_shown, timeout=TIMEOUT_MS) as upcoming:
            storylines.upcoming_action.trigger()
        assert upcoming.args[0] >= 3
        with qtbot.waitSignal(storylines.dossier_shown, timeout=TIMEOUT_MS):
            storylines.show_dossier("Ukraine")
        with qtbot.waitSignal(window.document_shown, timeout=TIMEOUT_MS):
            storylines.open_source(ids["held"], 0)
        qtbot.waitUntil(lambda: session.briefing_id == ids["held"], timeout=TIMEOUT_MS)
    finally:
        close_window(window)
    with Library.open(db) as lib:
        assert lib.storylines.dossier("Ukraine", []).seen_at is not None


def test_a_library_from_before_storylines_is_matched_when_the_dock_first_opens(
        qtbot, fake_engine, settings, dialogs, tmp_path, from_before_storylines):
    db = tmp_path / "library.db"
    with Library.open(db) as lib:
        fill(lib)
    from_before_storylines(db)
    window = make_library_window(qtbot, fake_engine, settings, db)
    try:
        storylines = window.library_session.storylines
        qtbot.waitUntil(storylines.show_action.isEnabled, timeout=TIMEOUT_MS)  # the library is open
        with qtbot.waitSignal(storylines.storylines_shown, timeout=TIMEOUT_MS) as shown:
            storylines.show_action.trigger()
        assert shown.args == [2]  # as in a library that always had them
    finally:
        close_window(window)
    with Library.open(db) as lib:
        assert lib.storylines.pending() == 0
