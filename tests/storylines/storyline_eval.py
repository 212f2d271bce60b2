"""The storyline evaluation: pairwise precision and recall of "same act" on BBC stories judged by hand.

    python tests/storylines/storyline_eval.py [--show]

It also runs the planted cases of planted.py (short briefings of our own) and says how many were found.

The 42 BBC politics articles of ../shared/corpus (2004–05) named in bbc_gold.py, on six stories, are
analysed with the publication dates written there and imported into a library in memory; the
storylines it builds are compared with the acts judged by hand in bbc_gold.py. No text of the
corpus is kept here: an act is a list of (file, snippet) mentions, the snippet being a few words of
the clause, and it stands for the event whose clause (or one of its source clauses) holds it.

Pairs are of events of different briefings. A pair the matcher makes is right when both events are
mentions of one act; it is wrong when they are mentions of two acts, or when one is a mention of an
act and the other is not (strict: an event nobody judged counts against it). A pair of mentions of
one act that the matcher does not make, or that the engine gives no event for, is missed. The false
contradictions are every conflict flagged on any item of two briefings or more, less those written
down in bbc_gold.REAL_CONFLICTS as disagreements the texts really have.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus" / "bbc-politics" / "txt"
sys.path.insert(0, str(HERE))

try:
    from .bbc_gold import ACTS, ARTICLES, NEAR_DUPLICATES, REAL_CONFLICTS
except ImportError:  # run as a script
    from bbc_gold import ACTS, ARTICLES, NEAR_DUPLICATES, REAL_CONFLICTS  # type: ignore[no-redef]


@dataclass
class Figures:
    true_pairs: int = 0
    false_pairs: int = 0
    gold_pairs: int = 0
    found_gold: int = 0
    unmapped: list[tuple[str, str, str]] = field(default_factory=list)
    items: int = 0
    flagged: int = 0
    false_conflicts: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        made = self.true_pairs + self.false_pairs
        return self.true_pairs / made if made else 1.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def false_per_10_items(self) -> float:
        return 10 * len(self.false_conflicts) / self.items if self.items else 0.0


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def build(engine: Any) -> tuple[Any, dict[str, str]]:
    """The library of the evaluation's articles (in memory), and file name by briefing id."""
    from reader.documents import load_document
    from reader.store import Library

    library = Library.in_memory()
    files: dict[str, str] = {}
    for _story, articles in ARTICLES.items():
        for name, published in articles:
            document = load_document(CORPUS / name, published=dt.date.fromisoformat(published))
            briefing_id = library.add_document(document)
            files[briefing_id] = name
            library.put_analysis(briefing_id, engine.analyze(document))
    return library, files


def _event_for(analysis: Any, snippet: str) -> str | None:
    """The event whose clause or a source clause holds the snippet (the shortest such clause)."""
    wanted = _norm(snippet)
    found = []
    for event in analysis.events:
        clauses = [event.text, *(s.text for s in event.sources)]
        for clause in clauses:
            if wanted in _norm(clause):
                found.append((len(clause), event.id))
    return min(found)[1] if found else None


def score(library: Any, files: dict[str, str], skip_near_duplicates: bool = False) -> Figures:
    figures = Figures()
    ids = {name: bid for bid, name in files.items()}
    analyses = {bid: library.analysis_for(bid) for bid in files}
    act_of: dict[tuple[str, str], str] = {}
    mentions: dict[str, list[tuple[str, str]]] = {}
    for act, cited in ACTS.items():
        for name, snippet in cited:
            bid = ids[name]
            event_id = _event_for(analyses[bid], snippet)
            if event_id is None:
                figures.unmapped.append((act, name, snippet))
                mentions.setdefault(act, []).append((bid, f"missing:{snippet}"))
                continue
            act_of[(bid, event_id)] = act
            mentions.setdefault(act, []).append((bid, event_id))

    def near(a: str, b: str) -> bool:
        return skip_near_duplicates and frozenset((files[a], files[b])) in NEAR_DUPLICATES

    items = library.storylines.items(min_briefings=2)
    together: set[frozenset[tuple[str, str]]] = set()
    for item in items:
        keys = [(s.briefing_id, s.event_id) for s in item.sources]
        for a, b in combinations(keys, 2):
            if a[0] == b[0] or near(a[0], b[0]):
                continue
            together.add(frozenset((a, b)))
            if a not in act_of and b not in act_of:
                continue
            if act_of.get(a) == act_of.get(b):
                figures.true_pairs += 1
            else:
                figures.false_pairs += 1
                figures.wrong.append(f"{item.summary[:70]!r}: {files[a[0]]} {act_of.get(a, '-')} / {files[b[0]]} {act_of.get(b, '-')}")
    for act, cited in mentions.items():
        for a, b in combinations(cited, 2):  # pairs of judged mentions, two in one row or not
            if a[0] == b[0] or near(a[0], b[0]):
                continue
            figures.gold_pairs += 1
            if frozenset((a, b)) in together:
                figures.found_gold += 1
            else:
                figures.missed.append(f"{act}: {files[a[0]]} {a[1]} / {files[b[0]]} {b[1]}")
    figures.items = len(items)
    for item in items:
        acts = {act_of.get((s.briefing_id, s.event_id)) for s in item.sources} - {None}
        for conflict in item.conflicts:
            figures.flagged += 1
            if not any(conflict.field in REAL_CONFLICTS.get(act or "", ()) for act in acts):
                figures.false_conflicts.append(
                    f"{conflict.field} on {item.summary[:60]!r}: "
                    + " | ".join(f"{v.value} ({files[v.briefing_id]})" for v in conflict.values)
                )
    return figures


def report(figures: Figures, label: str) -> str:
    return (
        f"{label}: same-act pairs made {figures.true_pairs + figures.false_pairs} "
        f"(right {figures.true_pairs}, wrong {figures.false_pairs}), gold pairs {figures.gold_pairs} "
        f"(found {figures.found_gold}); precision {figures.precision:.3f}, recall {figures.recall:.3f}; "
        f"items of 2+ briefings {figures.items}, conflicts flagged {figures.flagged}, false {len(figures.false_conflicts)} "
        f"({figures.false_per_10_items:.2f} per 10 items); mentions without an event {len(figures.unmapped)}"
    )


def main() -> int:
    if not CORPUS.is_dir():
        print(f"{CORPUS} is missing: this evaluation needs ../shared", file=sys.stderr)
        return 2
    from reader.engine import Engine

    library, files = build(Engine().load())
    whole = score(library, files)
    distinct = score(library, files, skip_near_duplicates=True)
    print(f"{sum(len(a) for a in ARTICLES.values())} articles, {len(ARTICLES)} stories, {len(ACTS)} acts judged, "
          f"{sum(len(m) for m in ACTS.values())} mentions")
    print(report(whole, "all pairs"))
    print(report(distinct, "without near-duplicate articles"))
    try:
        from . import planted
    except ImportError:  # run as a script
        import planted  # type: ignore[no-redef]
    engine = Engine().load()
    contradictions, announced = planted.contradictions(engine), planted.announcements(engine)
    alarms = planted.false_alarms(engine)
    print(f"planted contradictions flagged on their field: {sum(f.ok for f in contradictions)}/{len(contradictions)}; "
          f"announcements with the right status: {sum(f.ok for f in announced)}/{len(announced)}; "
          f"agreeing pairs flagged: {sum(bool(a) for a in alarms)}/{len(alarms)}")
    if "--show" in sys.argv:
        for title, rows in (("wrong", whole.wrong), ("missed", whole.missed), ("unmapped", whole.unmapped),
                            ("false conflicts", whole.false_conflicts)):
            print(f"\n{title}:")
            for row in rows:
                print("  ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
