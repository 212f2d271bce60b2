"""Render the storyline screenshots in docs/: the Storylines dock, Upcoming, a dossier with its two
pictures, and the events sidebar's marks, from briefings of our own analysed by the real engine.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_storylines.py [--out docs]

The briefings below are invented for this picture (they follow a story the way news does: talks
announced, held, a swap reported twice with different figures, an attack denied).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BRIEFINGS = [
    ("2025-05-16", "Istanbul talks open",
     "Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks since 2022. "
     "Turkish Foreign Minister Hakan Fidan opened the meeting. Russia and Ukraine agreed to exchange 1,000 prisoners "
     "each, Ukrainian Defence Minister Rustem Umerov said. Russia and Ukraine will meet again in Istanbul on June 2."),
    ("2025-05-20", "Trump and Putin speak",
     "Donald Trump and Vladimir Putin spoke by telephone on Monday. Putin said Russia would work with Ukraine on a "
     "memorandum. The European Union will adopt a new sanctions package against Russia on June 20. "
     "Ukrainian President Volodymyr Zelensky is due to visit Washington in July."),
    ("2025-05-24", "First stage of the swap",
     "Russia and Ukraine exchanged 390 prisoners on Friday in the first stage of the swap agreed in Istanbul. "
     "Zelensky said more would follow. Russian drones attacked Kyiv on Friday night, killing 15 people."),
    ("2025-05-25", "Second stage of the swap",
     "Russia and Ukraine exchanged 307 prisoners on Saturday. Russia and Ukraine exchanged 390 prisoners on Friday, "
     "Moscow said. Russian drones attacked Kyiv on Friday night, killing 12 people, the city's mayor said."),
    ("2025-05-26", "Kremlin denial",
     "The Kremlin denied that Russian drones attacked Kyiv on Friday night. Russia and Ukraine exchanged 303 prisoners "
     "on Sunday, the last stage of the swap."),
    ("2025-06-03", "Second round in Istanbul",
     "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of talks. Turkish President "
     "Recep Tayyip Erdogan welcomed the delegations. Ukraine gave Russia a list of 400 abducted children."),
    ("2025-06-04", "Accusations after the talks",
     "Ukraine accused Russia of shelling Kharkiv on Tuesday. Turkey praised Russia and Ukraine for the prisoner swap. "
     "The European Union imposed new sanctions on Russia on Tuesday. Poland sent air defence systems to Ukraine."),
]


def wait(app, condition, seconds: float = 120.0) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return condition()


def build_library(path: Path) -> dict[str, str]:
    from reader.engine import Engine
    from reader.model import Document
    from reader.store import Library

    engine = Engine().load()
    ids = {}
    with Library.open(path) as library:
        for published, title, text in BRIEFINGS:
            document = Document(text=text, title=title, published=dt.date.fromisoformat(published), source=title)
            ids[title] = library.add_document(document)
            library.put_analysis(ids[title], engine.analyze(document))
    return ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import build_window

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "library.db"
        ids = build_library(db)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(settings=settings, warm_up=False, library_path=db)
        window.resize(1500, 950)
        window.show()
        session = window.library_session
        session.worker.start()
        wait(app, lambda: session.worker.ready)
        storylines = session.storylines
        storylines.as_of = dt.date(2025, 7, 15)
        shown: list[int] = []
        storylines.marks_shown.connect(shown.append)
        session.browser.open_briefing(ids["Second stage of the swap"])
        wait(app, lambda: window.analysis is not None and bool(shown) and shown[-1] > 0)
        wait(app, lambda: False, 1.0)
        window.grab().save(str(args.out / "storylines-sidebar.png"))
        print(f"events sidebar marks: {shown[-1] if shown else 0} events marked")

        got: list[int] = []
        storylines.storylines_shown.connect(got.append)
        storylines.show_storylines()
        wait(app, lambda: bool(got))
        view = storylines.view
        view.resize(1400, 560)
        top = view.tree.topLevelItem(0)
        for i in range(view.tree.topLevelItemCount()):
            if view.tree.topLevelItem(i).text(3):
                top = view.tree.topLevelItem(i)
        top.setExpanded(True)
        view.tree.setCurrentItem(top)
        wait(app, lambda: False, 0.5)
        view.grab().save(str(args.out / "storylines.png"))
        print(f"storylines: {got[-1]} items")

        upcoming: list[int] = []
        storylines.upcoming_shown.connect(upcoming.append)
        storylines.show_upcoming()
        wait(app, lambda: bool(upcoming))
        wait(app, lambda: False, 0.5)
        view.grab().save(str(args.out / "storylines-upcoming.png"))
        print(f"upcoming: {upcoming[-1]} announcements")

        dossiers: list[str] = []
        storylines.dossier_shown.connect(dossiers.append)
        storylines.show_dossier("Ukraine")
        wait(app, lambda: bool(dossiers))
        view.resize(1400, 700)
        wait(app, lambda: False, 0.5)
        view.dossier.timeline.refit()
        view.dossier.network.refit()
        view.grab().save(str(args.out / "storylines-dossier.png"))
        print(f"dossier of {dossiers[-1]}: {view.dossier.timeline.dots} dots, {view.dossier.network.edges_drawn} edges")
        window.close()
        window.service.wait(5000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
