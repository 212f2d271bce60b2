"""Same act or not, and what the sources of one act disagree on: pure functions over `StoryEvent`s.

Two events of different briefings are one act when all of these hold, and the item says so:

1. the same act: the same category and the same trigger family ("resigned" and "stepped down");
2. at least one participant in common, by name or alias, folded (after the reader's corrections
   and the alias book);
3. compatible dates: each side's date widened by the slack of its precision (a day: 3 days; a
   month: 10), or, undated, the days around its briefing's publication, overlap;
4. for acts whose verb says little ("said", category 01 or ACT), clauses sharing words besides
   their actors' names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from reader.model import Event
from reader.storylines.features import (
    ANNOUNCED_WITHIN,
    SLACK,
    UNDATED_AFTER,
    UNDATED_BEFORE,
    WEAK_CATEGORIES,
    WEAK_FAMILIES,
    announcement,
    content_words,
    date_interval,
    figures,
    figures_disagree,
    precision_of,
    trigger_family,
    word_overlap,
)
from reader.storylines.records import Conflict, ConflictValue, Match, StoryEvent

#: Clauses of weak acts must share at least this share of the shorter one's content words.
WEAK_OVERLAP = 0.34


def fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def story_event(
    event: Event,
    briefing_id: str,
    published: dt.date | None,
    names: dict[str, str],
    aliases: dict[str, list[str]],
    canonical: Callable[[str], str] = lambda name: name,
) -> StoryEvent:
    """The matcher's view of one event: `names` and `aliases` by actor id, `canonical` the alias book."""

    def named(ids: list[str]) -> list[str]:
        return list(dict.fromkeys(canonical(names[i]) for i in ids if i in names))

    agents, targets = named(event.agents), named(event.targets)
    others = [n for n in named(event.actors) if n not in agents and n not in targets]
    keys: dict[str, None] = {}
    for actor_id in dict.fromkeys(event.agents + event.targets + event.actors):
        if actor_id not in names:
            continue
        for name in (canonical(names[actor_id]), names[actor_id], *aliases.get(actor_id, [])):
            if len(name) > 2:
                keys[fold(name)] = None
    interval = date_interval(event.date)
    precision = precision_of(event.date, event.date_precision) if interval else None
    text = event.text
    announced = announcement(text, event.modality, interval, published)
    story = StoryEvent(
        briefing_id=briefing_id,
        event_id=event.id,
        start=event.start,
        end=event.end,
        text=text,
        trigger=event.trigger,
        category=event.category,
        family=trigger_family(event.trigger),
        summary=event.summary,
        date=event.date if interval else None,
        precision=precision,
        modality=event.modality,
        published=published,
        agents=agents,
        targets=targets,
        others=others,
        keys=list(keys),
        figures=figures(text),
        words=content_words(text, set(keys)),
        interval=interval,
        announced=announced,
    )
    story.window = window_of(story)
    if announced:
        story.due = interval[1] if interval is not None else None
    return story


def window_of(event: StoryEvent) -> tuple[dt.date, dt.date] | None:
    """The days a report of the same act may put it on."""
    if event.interval is not None:
        slack = dt.timedelta(days=SLACK.get(event.precision or "day", 0))
        return event.interval[0] - slack, event.interval[1] + slack
    if event.published is None:
        return None
    if event.announced:
        return event.published, event.published + dt.timedelta(days=ANNOUNCED_WITHIN)
    return event.published - dt.timedelta(days=UNDATED_BEFORE), event.published + dt.timedelta(days=UNDATED_AFTER)


def _describe_date(event: StoryEvent) -> str:
    if event.date:
        return f"{event.date} ({event.precision or 'day'})"
    return f"undated, published {event.published.isoformat()}" if event.published else "undated"


def match(a: StoryEvent, b: StoryEvent, book: Callable[[str], str] = lambda key: key) -> Match | None:
    """Why `a` and `b` are one act, or None. `book` maps a folded name to its folded canonical name."""
    if a.briefing_id == b.briefing_id or a.category != b.category or not a.family or a.family != b.family:
        return None
    shared = {book(k) for k in a.keys} & {book(k) for k in b.keys}
    if not shared:
        return None
    if a.window is None or b.window is None or a.window[0] > b.window[1] or b.window[0] > a.window[1]:
        return None
    reasons = [
        f"same act: category {a.category}, trigger family '{a.family}' ({a.trigger!r} / {b.trigger!r})",
        "participants in common: " + ", ".join(sorted(shared)),
        f"compatible dates: {_describe_date(a)} ~ {_describe_date(b)}",
    ]
    overlap = word_overlap(a.words, b.words)
    if a.category in WEAK_CATEGORIES or a.family in WEAK_FAMILIES:
        if overlap < WEAK_OVERLAP:
            return None
        reasons.append(f"the clauses share words: {', '.join(sorted(a.words & b.words)[:6])}")
    score = len(shared) + overlap + (1.0 if a.date and b.date else 0.0)
    return Match(score, tuple(reasons))


# ---------------------------------------------------------------- what the sources disagree on

def conflicts(sources: list[StoryEvent]) -> list[Conflict]:
    """Date, figures, participants and whether it happened: each disagreement with its values side by side."""
    found: list[Conflict] = []
    if len({s.briefing_id for s in sources}) < 2:
        return found
    found += _date_conflict(sources)
    found += _figure_conflicts(sources)
    found += _participant_conflicts(sources)
    happened = [s for s in sources if s.happened]
    denied = [s for s in sources if s.modality == "negated"]
    if happened and denied:
        found.append(
            Conflict(
                "happened",
                [_value("yes" if s.happened else "no (denied or negated)", s) for s in happened[:3] + denied[:3]],
            )
        )
    return found


def _value(value: str, source: StoryEvent) -> ConflictValue:
    return ConflictValue(value, source.briefing_id, source.event_id, source.text)


def _date_conflict(sources: list[StoryEvent]) -> list[Conflict]:
    """Two sources whose own dates, each as precise as it is (a day, a week, a month), cannot both hold."""
    dated = [s for s in sources if s.interval is not None and s.precision in ("day", "week", "month") and s.happened]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            assert a.interval is not None and b.interval is not None
            if a.briefing_id != b.briefing_id and (a.interval[1] < b.interval[0] or b.interval[1] < a.interval[0]):
                values = {s.date: s for s in dated}
                return [Conflict("date", [_value(str(d), s) for d, s in sorted(values.items(), key=lambda kv: str(kv[0]))])]
    return []


def _figure_conflicts(sources: list[StoryEvent]) -> list[Conflict]:
    found = []
    kinds = sorted({f.kind for s in sources for f in s.figures})
    for kind in kinds:
        having = [(s, [f for f in s.figures if f.kind == kind]) for s in sources]
        having = [(s, fs) for s, fs in having if fs]
        clash = any(
            a.briefing_id != b.briefing_id and figures_disagree(fa, fb)
            for i, (a, fa) in enumerate(having)
            for b, fb in having[i + 1 :]
        )
        if clash:
            found.append(Conflict(kind, [_value(", ".join(f.text for f in fs), s) for s, fs in having]))
    return found


def _participant_conflicts(sources: list[StoryEvent]) -> list[Conflict]:
    """Sources that name different doers (or different receivers) of the act, none in common."""
    found = []
    for role in ("agents", "targets"):
        named = [(s, {fold(n) for n in getattr(s, role)}) for s in sources if getattr(s, role)]
        clash = any(
            a.briefing_id != b.briefing_id and not (na & nb)
            for i, (a, na) in enumerate(named)
            for b, nb in named[i + 1 :]
        )
        if clash:
            found.append(Conflict(role, [_value(", ".join(getattr(s, role)), s) for s, _ in named]))
    return found


# ---------------------------------------------------------------- grouping into items

class Groups:
    """Union-find over events, keeping pairs the reader set apart in different groups."""

    def __init__(self, keys: Iterable[tuple[str, str]], apart: set[frozenset[tuple[str, str]]]) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in self.parent}
        self.apart = apart

    def find(self, key: tuple[str, str]) -> tuple[str, str]:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def allowed(self, a: tuple[str, str], b: tuple[str, str]) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        return not any(frozenset((x, y)) in self.apart for x in self.members[ra] for y in self.members[rb])

    def union(self, a: tuple[str, str], b: tuple[str, str], force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and not self.allowed(a, b)):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True

    def groups(self) -> list[set[tuple[str, str]]]:
        return [set(m) for r, m in self.members.items() if self.parent[r] == r]
