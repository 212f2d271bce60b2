"""Helpers shared by the window tests: a deterministic fake engine and a window factory."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from typing import ClassVar

from reader.model import Actor, Analysis, DateMention, Document, Event, Mention

#: Generous: the model loads in the first test, on a machine other jobs share.
ANALYSIS_TIMEOUT_MS = 180_000


def make_window(qtbot, engine, settings):
    from reader.ui.main_window import MainWindow

    window = MainWindow(engine=engine, settings=settings, warm_up=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


class FakeEngine:
    """A deterministic stand-in for the engine: string search for a few invented names and dates.

    ``gate``, when given, holds every analysis until it is set, to test what happens to
    results that arrive late.
    """

    NAMES: ClassVar[dict[str, str]] = {"Mara Velkova": "PERSON", "Velkova": "PERSON", "Borduria": "GPE", "Syldavia": "GPE", "Klow": "GPE"}
    MONTHS: ClassVar[dict[str, int]] = {"May": 5, "June": 6}

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.calls: list[str] = []

    def load(self) -> FakeEngine:
        return self

    def analyze_many(self, documents):
        for document in documents:
            yield self.analyze(document)

    def analyze(self, document: Document, published: dt.date | None = None, progress=None) -> Analysis:
        self.calls.append(document.text[:20])
        if self.gate is not None:
            self.gate.wait(30)
        if published is not None:
            document = dataclasses.replace(document, published=published, published_origin="option")
        text = document.text
        actors: dict[str, Actor] = {}
        taken: set[int] = set()
        for name, type_ in self.NAMES.items():
            canonical = "Mara Velkova" if name == "Velkova" else name
            for m in re.finditer(rf"\b{re.escape(name)}\b", text):
                if m.start() in taken:
                    continue
                taken.update(range(m.start(), m.end()))
                actor = actors.setdefault(
                    canonical, Actor(f"A{len(actors) + 1}", canonical, type_, aliases=[canonical])
                )
                if name not in actor.aliases:
                    actor.aliases.append(name)
                actor.mentions.append(Mention(m.start(), m.end(), m.group()))
        dates = []
        for m in re.finditer(r"\b(\d{1,2}) (May|June)\b", text):
            year = f"{document.published.year:04d}" if document.published else "XXXX"
            value = f"{year}-{self.MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
            dates.append(DateMention(m.start(), m.end(), m.group(), "DATE", value))
        events = []
        for n, m in enumerate(re.finditer(r"[^.\n]*\b(met|signed|may visit|did not attack)\b[^.\n]*\.", text)):
            clause = m.group().strip()
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            trigger = m.group(1)
            modality = {"may visit": "hypothetical", "did not attack": "negated"}.get(trigger, "asserted")
            if "according to" in clause.lower():
                modality = "reported"
            ids = [a.id for a in actors.values() if any(start <= x.start < start + len(clause) for x in a.mentions)]
            date = next((d.value for d in dates if start <= d.start < start + len(clause)), None)
            events.append(
                Event(
                    id=f"E{n + 1}",
                    start=start,
                    end=start + len(clause),
                    text=clause,
                    trigger=trigger,
                    trigger_start=m.start(1),
                    trigger_end=m.end(1),
                    category={"met": "04", "signed": "06", "may visit": "04", "did not attack": "19"}[trigger],
                    category_label={"met": "Consult", "signed": "Cooperate", "may visit": "Consult", "did not attack": "Fight"}[trigger],
                    summary=f"{trigger}: {clause[:40]}",
                    actors=ids,
                    agents=ids[:1],
                    targets=ids[1:],
                    date=date,
                    modality=modality,
                    attribution="a ministry spokesman" if modality == "reported" else None,
                )
            )
        return Analysis(document=document, actors=list(actors.values()), dates=dates, events=events)


FAKE_TEXT = """# Talks in Klow

Mara Velkova met the Syldavia delegation in Klow on 15 May.

According to a ministry spokesman, Borduria signed the water accord on 2 June.

- Velkova may visit Borduria next year.
- Syldavia did not attack the border post.

Emoji 🙂 before Borduria keep offsets honest: Velkova again.
"""
