"""A tiny engine that needs no spaCy, and file helpers, for the library tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.model import Actor, Analysis, Document, Event, Mention

#: Names the fake engine "recognises": every occurrence becomes a mention.
KNOWN = {"Erdoğan": "PERSON", "Zelensky": "PERSON", "Turkey": "GPE", "Ukraine": "GPE", "Russia": "GPE"}


def fake_analysis(document: Document) -> Analysis:
    """Actors for every known name in the text; one event per line naming two of them."""
    actors: list[Actor] = []
    for i, (name, kind) in enumerate(KNOWN.items()):
        mentions = []
        pos = document.text.find(name)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(name), name))
            pos = document.text.find(name, pos + 1)
        if mentions:
            actors.append(Actor(f"A{i}", name, kind, mentions=mentions))
    events = []
    offset = 0
    for n, line in enumerate(document.text.split("\n")):
        inside = [a for a in actors if any(offset <= m.start < offset + len(line) for m in a.mentions)]
        if len(inside) >= 2:
            events.append(
                Event(
                    id=f"E{n}",
                    start=offset,
                    end=offset + len(line),
                    text=line,
                    trigger="met",
                    trigger_start=offset,
                    trigger_end=offset + 3,
                    category="04",
                    category_label="Consult",
                    summary=f"{inside[0].name} met {inside[1].name}",
                    actors=[a.id for a in inside],
                    agents=[inside[0].id],
                    targets=[inside[1].id],
                    date="2025-05-15",
                    place=None,
                )
            )
        offset += len(line) + 1
    return Analysis(document=document, actors=actors, events=events)


class FakeEngine:
    """Counts what it analyses, so tests can prove a cached briefing is not analysed again."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyze_many(self, documents: Iterable[Document], batch_size: int = 4) -> Iterator[Analysis]:
        """Like the real engine, reads a whole batch of documents before yielding their analyses."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Document]) -> Iterator[Analysis]:
        for document in batch:
            self.analysed.append(document.source)
            yield fake_analysis(document)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
