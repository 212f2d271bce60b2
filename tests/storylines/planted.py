"""Planted cases for storylines: short briefings of our own with contradictions and announcements.

Each contradiction is two briefings reporting one act that disagree on one field; each announcement
is a briefing announcing an act and, for some, a later one reporting it. `run(engine)` imports each
case into a library of its own and says what was found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: (field, (text, published), (text, published)): the field the two must be flagged as disagreeing on.
CONTRADICTIONS = [
    ("date", ("Russia and Ukraine exchanged 300 prisoners on March 3, officials in Kyiv said.", "2025-03-10"),
     ("Russia and Ukraine exchanged 300 prisoners on March 7.", "2025-03-11")),
    ("prisoners", ("Russia and Ukraine exchanged 1,000 prisoners on Monday.", "2025-05-20"),
     ("Ukraine and Russia exchanged 1,200 prisoners on Monday, Kyiv said.", "2025-05-21")),
    ("money", ("The World Bank lent Kenya $500 million on Monday to rebuild roads.", "2025-02-04"),
     ("The World Bank lent Kenya $750 million on Monday.", "2025-02-05")),
    ("casualties", ("Israeli troops killed 12 people in Rafah on Tuesday.", "2025-06-04"),
     ("Israeli troops killed 30 people in Rafah on Tuesday, Gaza's health ministry said.", "2025-06-04")),
    ("percent", ("Germany raised its defence budget by 10 percent on Wednesday.", "2025-07-03"),
     ("Germany raised its defence budget by 15 percent on Wednesday.", "2025-07-03")),
    ("people", ("Police arrested 40 protesters in Tbilisi on Saturday.", "2025-03-02"),
     ("Police arrested 400 protesters in Tbilisi on Saturday.", "2025-03-02")),
    ("happened", ("Iran and the United States held secret talks in Oman on Sunday.", "2025-04-14"),
     ("Iran denied that it held talks with the United States in Oman on Sunday.", "2025-04-15")),
    ("agents", ("French troops freed the Italian hostages in Mali on Friday.", "2025-08-02"),
     ("American troops freed the Italian hostages in Mali on Friday.", "2025-08-02")),
]

#: Two reports of one act that agree: nothing may be flagged.
AGREEING = [
    (("Russia and Ukraine exchanged 390 prisoners on Friday.", "2025-05-24"),
     ("Ukraine and Russia exchanged 390 prisoners on Friday, the first stage of a larger swap.", "2025-05-25")),
    (("The World Bank lent Kenya about $500 million on Monday.", "2025-02-04"),
     ("The World Bank lent Kenya $520 million on Monday.", "2025-02-05")),
]

AS_OF = dt.date(2025, 6, 1)
#: (status as of AS_OF, announcing briefing, later briefing or None).
ANNOUNCEMENTS = [
    ("happened", ("Russia and Ukraine will resume talks in Istanbul next week.", "2025-04-01"),
     ("Russia and Ukraine resumed talks in Istanbul on Tuesday.", "2025-04-09")),
    ("happened", ("The Bank of England is expected to cut interest rates on Thursday.", "2025-02-03"),
     ("The Bank of England cut interest rates on Thursday.", "2025-02-07")),
    ("overdue", ("Turkish President Recep Tayyip Erdogan is due to visit Berlin in March.", "2025-01-10"), None),
    ("overdue", ("Serbia will hold a referendum on the constitution in April.", "2025-02-12"), None),
    ("upcoming", ("European Union leaders will meet in Brussels on June 26.", "2025-05-20"), None),
]


@dataclass
class Found:
    kind: str
    expected: str
    got: list[str]

    @property
    def ok(self) -> bool:
        return self.expected in self.got


def _library(engine: Any, briefings: list[tuple[str, str]]) -> tuple[Any, list[str]]:
    from reader.model import Document
    from reader.store import Library

    library = Library.in_memory()
    ids = []
    for text, published in briefings:
        document = Document(text=text, published=dt.date.fromisoformat(published), source=text[:30])
        briefing_id = library.add_document(document)
        library.put_analysis(briefing_id, engine.analyze(document))
        ids.append(briefing_id)
    return library, ids


def contradictions(engine: Any) -> list[Found]:
    found = []
    for field, a, b in CONTRADICTIONS:
        library, _ = _library(engine, [a, b])
        got = [c.field for item in library.storylines.items() for c in item.conflicts]
        found.append(Found("contradiction", field, got))
    return found


def false_alarms(engine: Any) -> list[list[str]]:
    out = []
    for a, b in AGREEING:
        library, _ = _library(engine, [a, b])
        items = library.storylines.items()
        out.append(["no item"] if not items else [c.field for item in items for c in item.conflicts])
    return out


def announcements(engine: Any) -> list[Found]:
    found = []
    for status, announced, later in ANNOUNCEMENTS:
        library, ids = _library(engine, [announced] + ([later] if later else []))
        got = [
            a.status + ("" if a.happened_in is None or a.happened_in.briefing_id == ids[-1] else " (linked elsewhere)")
            for a in library.storylines.upcoming(as_of=AS_OF)
            if a.source.briefing_id == ids[0]
        ]
        found.append(Found("announcement", status, got))
    return found
