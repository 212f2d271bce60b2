"""The analysis engine's Python API: documents in, `Analysis` out. No Qt here.

    engine = Engine()
    analysis = engine.analyze(load_document("briefing.md"))
    for analysis in engine.analyze_many(documents):   # batched through nlp.pipe
        ...
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from reader.entity_limits import drop_runaway_entities
from reader.model import Analysis, Document
from reader.nlp.actors import extract_actors
from reader.nlp.doc_text import forget_text, remember_text
from reader.nlp.events import extract_events
from reader.nlp.pipeline import DEFAULT_MODEL, load_pipeline
from reader.nlp.timex import extract_dates

#: Documents per `nlp.pipe` batch, chosen with bench/engine_speed.py on the BBC corpus:
#: throughput gains little past 16 while peak memory keeps growing with the batch.
DEFAULT_BATCH_SIZE = 16

#: Texts longer than this are analysed in paragraph-aligned chunks (spaCy's parser needs
#: about 1 GB per 100,000 characters of one Doc).
CHUNK_CHARS = 50_000

#: Called as progress(characters parsed, characters in all) before the first chunk of a long
#: text and after each one; an exception it raises (AnalysisCancelledError) stops the analysis there.
Progress = Callable[[int, int], None]

#: A sentence that asks every stage for its resources (names, dates, the verb lexicons).
_WARM_UP = "On Monday President Jacques Chirac of France said talks with Germany would resume."
#: a date for the warm-up, so that the table of office holders loads with the rest
_WARM_UP_DATE = dt.date(2005, 3, 1)


class Engine:
    """Loads the pipeline on first use and turns Documents into Analyses."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def load(self) -> Engine:
        """Load the model and the lexicons now (for a background warm-up); returns self.

        What is loaded here lives as long as the process, so `gc.freeze` takes it out of the
        cyclic collector's full passes, which otherwise walk it again and again during a batch
        (bench/gc_passes.py measures them).
        """
        self.finish(self.nlp(_WARM_UP), Document(_WARM_UP, published=_WARM_UP_DATE))
        gc.freeze()
        return self

    def analyze(self, document: Document, published: dt.date | None = None, progress: Progress | None = None) -> Analysis:
        """Analyse one document; `published` overrides the document's own date.

        `progress` hears about each chunk of a long text (see `Progress`), and can cancel.
        """
        if published is not None:
            document = replace(document, published=published, published_origin="option")
        doc = self._parse(document.text, progress)
        return self.finish(doc, document)

    def analyze_many(
        self, documents: Iterable[Document], batch_size: int = DEFAULT_BATCH_SIZE
    ) -> Iterator[Analysis]:
        """Analyse many documents through `nlp.pipe`, yielding results in input order."""
        short: list[Document] = []
        for document in documents:
            if len(document.text) > CHUNK_CHARS:
                yield from self._flush(short, batch_size)
                short = []
                yield self.analyze(document)
            else:
                short.append(document)
                if len(short) >= batch_size:
                    yield from self._flush(short, batch_size)
                    short = []
        yield from self._flush(short, batch_size)

    def _flush(self, documents: list[Document], batch_size: int) -> Iterator[Analysis]:
        if not documents:
            return
        for document, doc in zip(documents, self.nlp.pipe((d.text for d in documents), batch_size=batch_size), strict=True):
            yield self.finish(doc, document)

    def _parse(self, text: str, progress: Progress | None = None) -> Doc:
        if len(text) <= CHUNK_CHARS:
            return self.nlp(text)
        chunks = list(split_text(text, CHUNK_CHARS))
        if progress is None:
            docs = list(self.nlp.pipe(chunks, batch_size=4))
        else:  # one chunk at a time, so progress (and a cancel) comes every CHUNK_CHARS
            progress(0, len(text))
            docs, done = [], 0
            for doc in self.nlp.pipe(chunks, batch_size=1):
                docs.append(doc)
                done += len(doc.text)
                progress(done, len(text))
        for chunk in docs:
            forget_text(chunk)  # the pipeline kept each chunk's text; the joined Doc keeps its own
        return Doc.from_docs(docs, ensure_whitespace=False)

    def finish(self, doc: Doc, document: Document) -> Analysis:
        """Everything after spaCy: actors, dates, events for one parsed document."""
        if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(document.text):
            remember_text(doc, document.text)
        drop_runaway_entities(doc)
        actors = extract_actors(doc, document.published)
        dates = extract_dates(doc, document.published)
        events = extract_events(doc, actors, dates, document.published)
        return Analysis(document=document, actors=actors, dates=dates, events=events)


def split_text(text: str, limit: int) -> Iterator[str]:
    """Cut text into pieces of at most `limit` characters at paragraph (else line, else space) ends.

    The pieces concatenate back to exactly `text`, so offsets survive `Doc.from_docs`.
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > limit // 4:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        yield text[start : start + cut]
        start += cut
    if start < len(text):
        yield text[start:]
