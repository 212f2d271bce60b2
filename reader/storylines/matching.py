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
import re
from collections.abc import Callable, Iterable

from reader.model import Event
from reader.storylines.features import (
    ANNOUNCED_WITHIN,
    FAMILIES,
    SLACK,
    UNDATED_AFTER,
    UNDATED_BEFORE,
    UNDATED_STATEMENT_BEFORE,
    VERBAL_CATEGORIES,
    WEAK_FAMILIES,
    Figure,
    act_family,
    announcement,
    content_words,
    date_interval,
    figures,
    figures_disagree,
    precision_of,
    stem,
    trigger_family,
    word_overlap,
)
from reader.storylines.records import Conflict, ConflictValue, Match, StoryEvent

#: Families of the table that name one act whatever the category ("resign", "ban", "release"...).
SPECIFIC_FAMILIES = frozenset(FAMILIES.values()) - WEAK_FAMILIES
#: Clauses of weak acts must share at least this share of the shorter one's content words.
WEAK_OVERLAP = 0.34


def fold(name: str) -> str:
    """A name as names are compared: case, hyphens and punctuation folded ("Kilroy-Silk" = "kilroy silk")."""
    return " ".join(re.sub(r"[-‐–—'’.,()\"]+", " ", name).split()).casefold()


#: Words of a name that do not tell one actor from another.
_GENERIC = frozenset(
    "the party leader government minister ministers secretary office department council house national united "
    "kingdom british new labour conservative democrats liberal union european state states people group "
    "committee commission chairman spokesman of and for mr mrs ms sir lord lady".split()
)


def _tokens(name: str) -> set[str]:
    """Distinctive words of a name, and its acronym ("UK Independence Party" -> "ukip")."""
    words = re.sub(r"[-‐–—'’.,()\"]+", " ", name).split()
    found = {t for t in (w.casefold() for w in words) if len(t) >= 3 and t not in _GENERIC}
    initials = "".join(w if (w.isupper() and len(w) <= 3) else w[0] for w in words if w[:1].isupper())
    if len(initials) >= 3:
        found.add(initials.casefold())
    return found


def same_actor(a: str, b: str) -> bool:
    """Two names that may stand for one actor: equal when folded, or sharing a distinctive word ("Mr Hockney")."""
    return fold(a) == fold(b) or bool(_tokens(a) & _tokens(b))


def overlapping(a: list[str], b: list[str]) -> bool:
    return any(same_actor(x, y) for x in a for y in b)


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
        for token in _tokens(canonical(names[actor_id])):  # "ukip", "blunkett": found under any name like it
            keys[f"~{token}"] = None
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
        family=act_family(event.trigger, text),
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
        words=content_words(f"{text} {event.summary.partition(':')[2]}", set(keys)),
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
    before = UNDATED_STATEMENT_BEFORE if event.category == "01" else UNDATED_BEFORE
    return event.published - dt.timedelta(days=before), event.published + dt.timedelta(days=UNDATED_AFTER)


def _describe_date(event: StoryEvent) -> str:
    if event.date:
        return f"{event.date} ({event.precision or 'day'})"
    return f"undated, published {event.published.isoformat()}" if event.published else "undated"


def same_category(a: str, b: str) -> bool:
    """One category, or one side's is ACT (an act no category has: the other side's may be the right one)."""
    return a == b or "ACT" in (a, b)


def act_category(event: StoryEvent) -> str:
    """The category of the act itself. An act told by another verb ("announced his decision to quit",
    "pledged to oppose") has the telling verb's category, a statement's: its own is unknown, ACT."""
    return "ACT" if event.family != trigger_family(event.trigger) else event.category


def dates_agree(a: StoryEvent, b: StoryEvent) -> bool:
    """Whether the days each side may put the act on overlap (undated: near its publication).

    Two clauses of one briefing that put an act of one family on days apart are two acts (the
    swap's stage on Friday, another on Saturday): they never stand in one item.
    """
    if a.briefing_id == b.briefing_id:
        if a.family != b.family or a.interval is None or b.interval is None or "day" not in (a.precision, b.precision):
            return True
        return max((b.interval[0] - a.interval[1]).days, (a.interval[0] - b.interval[1]).days) < 1
    if a.window is None or b.window is None:
        return True
    return not (a.window[0] > b.window[1] or b.window[0] > a.window[1])


def roles_agree(a: StoryEvent, b: StoryEvent) -> bool:
    """Both name receivers: one side's takes part in the other's act; else, both naming doers, the same of those."""
    if a.briefing_id == b.briefing_id:
        return True
    if a.targets and b.targets:
        # The receiver pins the act down: with it in common the doers may differ (a contradiction).
        return overlapping(a.targets, b.participants) or overlapping(b.targets, a.participants)
    if a.agents and b.agents:
        return overlapping(a.agents, b.participants) or overlapping(b.agents, a.participants)
    return True


def compatible(a: StoryEvent, b: StoryEvent) -> bool:
    return dates_agree(a, b) and roles_agree(a, b)


_DEONTIC = re.compile(r"\b(?:should|must|ought|unless|if|could|might)\b", re.I)


def _days_apart(a: StoryEvent, b: StoryEvent) -> int:
    """Days between two dates given to the day (0 when either is less precise or undated)."""
    if a.interval is None or b.interval is None or a.precision != "day" or b.precision != "day":
        return 0
    return max((b.interval[0] - a.interval[1]).days, (a.interval[0] - b.interval[1]).days, 0)


def _same_day(a: StoryEvent, b: StoryEvent) -> bool:
    """Both dated to the day, and to the same day: the date pins the act down."""
    return a.precision == b.precision == "day" and a.interval is not None and a.interval == b.interval


def _wished(event: StoryEvent) -> bool:
    """An act wished, demanded or conditional ("should resign", "will vote against it unless...")."""
    return event.modality == "hypothetical" and bool(_DEONTIC.search(event.text))


def _same_act_other_verb(a: StoryEvent, b: StoryEvent, category: str) -> bool:
    """One CAMEO category, other verbs ("to back the plans" / "deciding to back identity cards"): the clauses
    share two content words besides their verbs, and a third of the shorter's."""
    if category in ("ACT", "01"):
        return False
    common = (a.words & b.words) - {a.family, b.family}
    return len(common) >= 2 and word_overlap(a.words, b.words) >= 0.3


def match(a: StoryEvent, b: StoryEvent, book: Callable[[str], str] = lambda key: key) -> Match | None:
    """Why `a` and `b` are one act, or None. `book` maps a folded name to its folded canonical name."""
    ca, cb = act_category(a), act_category(b)
    if a.briefing_id == b.briefing_id or not same_category(ca, cb) or not a.family:
        return None
    if a.family != b.family and (ca != cb or not _same_act_other_verb(a, b, ca)):
        return None
    shared = {book(k) for k in a.keys} & {book(k) for k in b.keys}
    if not shared:
        alike = [f"{x} ~ {y}" for x in a.participants for y in b.participants if same_actor(x, y)]
        if not alike:
            return None
        shared = set(alike[:3])
    if a.window is None or b.window is None or not compatible(a, b):
        return None
    if _wished(a) != _wished(b):
        return None  # "should resign", "will vote unless...": not the act that happened
    if _days_apart(a, b) > DATE_TOLERANCE_DAYS and any(
        figures_disagree(s_figs(a, kind), s_figs(b, kind)) for kind in {f.kind for f in a.figures}
    ):
        return None  # other days and other figures: the swap's next stage, not the same one told twice
    reasons = [
        f"same act: category {ca if ca == cb else ca + '/' + cb}, "
        + (f"trigger family '{a.family}'" if a.family == b.family else f"clauses alike ('{a.family}' / '{b.family}')")
        + f" ({a.trigger!r} / {b.trigger!r})",
        "participants in common: " + ", ".join(sorted({k.lstrip("~") for k in shared if not k.startswith("~")} or {k.lstrip("~") for k in shared})),
        f"compatible dates: {_describe_date(a)} ~ {_describe_date(b)}",
    ]
    overlap = word_overlap(a.words, b.words)
    common = a.words & b.words
    other_words = common - {a.family, b.family, stem(a.trigger.split()[-1]) if a.trigger.split() else ""}
    # Who acts and on whom, both the same: the act is pinned down even when the clauses share no word.
    both_roles = bool(a.targets and b.targets) and overlapping(a.agents, b.agents) and overlapping(a.targets, b.targets)
    if "01" in (ca, cb) or a.family in WEAK_FAMILIES:
        if not (overlap >= WEAK_OVERLAP and len(common) >= 2 and overlapping(a.agents, b.agents)):
            return None
    elif ca == cb == "ACT" and a.family not in SPECIFIC_FAMILIES:
        if not (both_roles or (len(other_words) >= 2 and overlap >= 0.25)):
            return None
    elif {ca, cb} & VERBAL_CATEGORIES and not both_roles and not other_words and not _same_day(a, b):
        # A statement: clauses that share nothing say different things, unless both say next to nothing.
        if max(len(a.words - {a.family}), len(b.words - {b.family})) >= 3:
            return None
    if both_roles:
        reasons.append("the same doer and receiver")
    if other_words:
        reasons.append(f"the clauses share words: {', '.join(sorted(other_words)[:6])}")
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
    # A denial contradicts a report of the same doer's act, not a clause the parser read as negated elsewhere.
    denied = [s for s in sources if s.modality == "negated" and any(overlapping(s.agents, h.agents) for h in happened)]
    if happened and denied and {s.briefing_id for s in happened} != {s.briefing_id for s in denied}:
        found.append(
            Conflict(
                "happened",
                [_value("yes" if s.happened else "no (denied or negated)", s) for s in happened[:3] + denied[:3]],
            )
        )
    return found


def _value(value: str, source: StoryEvent) -> ConflictValue:
    return ConflictValue(value, source.briefing_id, source.event_id, source.text)


#: Dates this many days apart or fewer are not a contradiction (a report's day, a day's lag, time zones).
DATE_TOLERANCE_DAYS = 1


def _date_conflict(sources: list[StoryEvent]) -> list[Conflict]:
    """Two sources whose own dates, each as precise as it is (a day, a week, a month), cannot both hold."""
    dated = [s for s in sources if s.interval is not None and s.precision in ("day", "week", "month") and s.happened]
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            assert a.interval is not None and b.interval is not None
            gap = max((b.interval[0] - a.interval[1]).days, (a.interval[0] - b.interval[1]).days)
            # A day apart is left alone: "on Wednesday" and "after Wednesday's resignation" are often one day.
            if a.briefing_id != b.briefing_id and gap > DATE_TOLERANCE_DAYS:
                values = {s.date: s for s in dated}
                return [Conflict("date", [_value(str(d), s) for d, s in sorted(values.items(), key=lambda kv: str(kv[0]))])]
    return []


def _by_briefing(sources: list[StoryEvent]) -> dict[str, list[StoryEvent]]:
    found: dict[str, list[StoryEvent]] = {}
    for s in sources:
        found.setdefault(s.briefing_id, []).append(s)
    return found


def _figure_conflicts(sources: list[StoryEvent]) -> list[Conflict]:
    """Briefings whose clauses give figures of one kind, none near any the other gives."""
    found = []
    kinds = sorted({f.kind for s in sources for f in s.figures})
    per = _by_briefing(sources)
    for kind in kinds:
        having = {b: [f for s in ss for f in s.figures if f.kind == kind] for b, ss in per.items()}
        having = {b: fs for b, fs in having.items() if fs}
        ids = sorted(having)
        if any(figures_disagree(having[a], having[b]) for i, a in enumerate(ids) for b in ids[i + 1 :]):
            found.append(
                Conflict(kind, [_value(", ".join(f.text for f in s_figs(s, kind)), s) for s in sources if s_figs(s, kind)])
            )
    return found


def s_figs(source: StoryEvent, kind: str) -> list[Figure]:
    return [f for f in source.figures if f.kind == kind]


def _participant_conflicts(sources: list[StoryEvent]) -> list[Conflict]:
    """Briefings that name different doers (or receivers) of the act, none of one like any of the other's."""
    found = []
    per = _by_briefing([s for s in sources if s.happened])
    for role in ("agents", "targets"):
        named = {b: [n for s in ss for n in getattr(s, role)] for b, ss in per.items()}
        named = {b: ns for b, ns in named.items() if ns}
        ids = sorted(named)
        if any(not overlapping(named[a], named[b]) for i, a in enumerate(ids) for b in ids[i + 1 :]):
            found.append(
                Conflict(role, [_value(", ".join(getattr(s, role)), s) for s in sources if s.happened and getattr(s, role)])
            )
    return found


# ---------------------------------------------------------------- grouping into items

class Groups:
    """Union-find over events. Two groups join only when every pair across them has dates that agree and
    most have doers that agree, so a chain of near matches cannot make one act of several; pairs the
    reader set apart never join."""

    def __init__(
        self,
        keys: Iterable[tuple[str, str]],
        apart: set[frozenset[tuple[str, str]]],
        dates: Callable[[tuple[str, str], tuple[str, str]], bool] = lambda a, b: True,
        roles: Callable[[tuple[str, str], tuple[str, str]], bool] = lambda a, b: True,
    ) -> None:
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in self.parent}
        self.apart = apart
        self.dates = dates
        self.roles = roles

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
        pairs = [(x, y) for x in self.members[ra] for y in self.members[rb]]
        if any(frozenset(p) in self.apart or not self.dates(*p) for p in pairs):
            return False
        # Roles are read less surely than dates: a merge may carry a few pairs whose doers differ, not most.
        return 2 * sum(not self.roles(*p) for p in pairs) <= len(pairs)

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
