"""Item models and the event delegate, checked with Qt's own model tester."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from ui_helpers import FAKE_TEXT, FakeEngine

from reader.documents import document_from_text
from reader.model import Event
from reader.ui.delegates import EventDelegate, modality_label
from reader.ui.models import ActorRole, ActorTreeModel, EventFilterProxy, EventListModel, EventRole, TypeRole


def fake_analysis():
    return FakeEngine().analyze(document_from_text(FAKE_TEXT, fmt="md"))


def test_actor_tree_groups_by_type_with_counts(qtmodeltester):
    model = ActorTreeModel()
    analysis = fake_analysis()
    model.set_analysis(analysis)
    qtmodeltester.check(model)
    assert model.group_keys() == ["PERSON", "GPE"]
    people = model.index(0, 0)
    assert people.data() == "People"
    assert model.index(0, 1).data() == "3"
    assert model.rowCount(people) == 1
    child = model.index(0, 0, people)
    assert child.data(ActorRole).name == "Mara Velkova"
    assert child.data(TypeRole) == "PERSON"
    places = model.index(1, 0)
    counts = [int(model.index(r, 1, places).data()) for r in range(model.rowCount(places))]
    assert counts == sorted(counts, reverse=True)
    assert model.parent(child) == people
    assert not model.parent(people).isValid()
    found = model.actor_index(child.data(ActorRole).id)
    assert found == child
    assert not model.actor_index("nope").isValid()
    assert not (model.flags(people) & Qt.ItemFlag.ItemIsSelectable)
    model.set_analysis(None)
    assert model.rowCount() == 0


def test_event_model_and_proxy(qtmodeltester):
    model = EventListModel()
    model.set_analysis(fake_analysis())
    qtmodeltester.check(model)
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4
    dates = [proxy.index(r, 0).data(EventRole).date for r in range(4)]
    assert dates[:2] == ["XXXX-05-15", "XXXX-06-02"] and dates[2:] == [None, None]
    proxy.set_chronological(False)
    starts = [proxy.index(r, 0).data(EventRole).start for r in range(4)]
    assert starts == sorted(starts)
    proxy.set_text_filter("ministry")  # the attribution is searchable
    assert proxy.rowCount() == 1
    proxy.set_text_filter("velkova visit")  # every word must match
    assert proxy.rowCount() == 1
    proxy.set_text_filter("")
    velkova = next(a for a in fake_analysis().actors if a.name == "Mara Velkova")
    proxy.set_actor_filter(velkova.id)
    assert 0 < proxy.rowCount() < 4
    proxy.set_actor_filter(None)
    assert proxy.rowCount() == 4


def make_event(modality: str, **extra) -> Event:
    return Event(
        id="E1", start=0, end=10, text="x met y.", trigger="met", trigger_start=2, trigger_end=5,
        category="04", category_label="Consult", summary="x met y", modality=modality, **extra,
    )


def test_modality_is_said_plainly():
    assert modality_label(make_event("asserted")) == ""
    assert modality_label(make_event("reported", attribution="a Sudanese official")) == "reported by a Sudanese official"
    repeated = make_event("reported", attribution="a Sudanese official")
    repeated.summary = "Ethiopia: offer (reported by a Sudanese official)"
    assert modality_label(repeated) == ""  # not said twice
    assert "hypothetical" in modality_label(make_event("hypothetical"))
    assert "negated" in modality_label(make_event("negated"))


def test_delegate_paints_every_modality(qtbot):
    view = QListView()
    qtbot.addWidget(view)
    model = EventListModel()
    analysis = fake_analysis()
    analysis.events = [make_event(m, attribution="a spokesman") for m in ("asserted", "reported", "hypothetical", "negated")]
    model.set_analysis(analysis)
    view.setModel(model)
    delegate = EventDelegate(view)
    image = QImage(400, 80, QImage.Format.Format_ARGB32)
    sizes = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = QRect(0, 0, 400, 80)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        delegate.paint(painter, option, index)
        painter.end()
        sizes.append(delegate.sizeHint(option, index).height())
        inked = sum(image.pixelColor(x, y) != image.pixelColor(399, 79) for x in range(0, 400, 4) for y in range(0, 60, 3))
        assert inked > 20  # the chip and the text were drawn
    assert sizes[0] < sizes[1] == sizes[2] == sizes[3]  # a modality line only when there is something to say
