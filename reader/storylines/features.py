"""What the matcher compares of one event: its act, its dates, its numbers, whether it is announced.

Everything here is a pure function of an event's fields and its clause: no SQL, no Qt, no spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------- the act: trigger family

#: Irregular verb forms to their base form (the engine keeps the trigger as written).
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "met": "meet", "won": "win", "held": "hold", "left": "leave",
    "gave": "give", "given": "give", "took": "take", "taken": "take", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "began": "begin", "begun": "begin", "came": "come", "went": "go",
    "gone": "go", "made": "make", "sought": "seek", "fought": "fight", "struck": "strike", "stood": "stand",
    "shot": "shoot", "sent": "send", "spent": "spend", "lost": "lose", "paid": "pay", "laid": "lay",
    "led": "lead", "brought": "bring", "bought": "buy", "chose": "choose", "chosen": "choose", "drove": "drive",
    "flew": "fly", "froze": "freeze", "frozen": "freeze", "kept": "keep", "spoke": "speak", "spoken": "speak",
    "swore": "swear", "sworn": "swear", "threw": "throw", "thrown": "throw", "withdrew": "withdraw",
    "withdrawn": "withdraw", "overthrew": "overthrow", "undertook": "undertake", "beat": "beat",
    "beaten": "beat", "broke": "break", "broken": "break", "wrote": "write", "written": "write",
    "ran": "run", "sat": "sit", "hid": "hide", "hidden": "hide", "bore": "bear", "borne": "bear",
    "forbade": "forbid", "forgave": "forgive", "got": "get", "heard": "hear", "knew": "know",
    "known": "know", "lent": "lend", "meant": "mean", "put": "put", "quit": "quit", "read": "read",
    "saw": "see", "seen": "see", "set": "set", "shut": "shut", "sold": "sell", "stole": "steal",
    "taught": "teach", "thought": "think", "understood": "understand", "woke": "wake", "wore": "wear",
    "upheld": "uphold", "overturned": "overturn", "cut": "cut", "hit": "hit", "let": "let", "bid": "bid",
    "dealt": "deal", "fled": "flee", "found": "find", "slew": "slay", "slain": "slay", "arose": "arise",
}

#: Words of a trigger that do not name the act ("has announced", "did not resign").
_AUXILIARY = frozenset(
    "a an the to be is are was were been being has have had having do does did will would shall should "
    "can could may might must not n't never no also again".split()
)

#: Acts written with different verbs: the family each phrase belongs to (phrases as stems, see `stem`).
FAMILIES = {
    "resign": "resign", "resignation": "resign", "quit": "resign", "step down": "resign", "stand down": "resign", "step asid": "resign",
    "sack": "dismiss", "fir": "dismiss", "oust": "dismiss", "dismiss": "dismiss", "remov": "dismiss",
    "meet": "meet", "talk": "meet", "hold talk": "meet", "hold meet": "meet",
    "announcement": "announce", "announc": "announce", "unveil": "announce", "launch": "announce", "publish": "announce", "set out": "announce",
    "ban": "ban", "outlaw": "ban", "prohibit": "ban",
    "releas": "release", "fr": "release",
    "exchang": "exchange", "swap": "exchange", "trad": "exchange",
    "kil": "kill", "slay": "kill", "murder": "kill",
    "attack": "attack", "strik": "attack", "bomb": "attack", "shel": "attack",
    "say": "say", "tel": "say", "stat": "say", "add": "say", "insist": "say", "claim": "say", "argu": "say",
    "stress": "say", "comment": "say", "not": "say", "explain": "say", "writ": "say", "declar": "say",
    "criticis": "criticise", "criticiz": "criticise", "condemn": "criticise", "accus": "criticise",
    "blast": "criticise", "attack verbal": "criticise",
    "resum": "resume", "restart": "resume", "reopen": "resume",
    "visit": "visit", "travel": "visit", "tour": "visit",
    "approv": "approve", "back": "approve", "pass": "approve", "endors": "approve", "support": "approve",
    "reject": "reject", "rebuff": "reject", "refus": "reject", "turn down": "reject",
    "deni": "deny",
    "call": "call", "cal": "call",
    "elect": "elect", "win": "elect", "vot": "vote",
    "arrest": "arrest", "detain": "arrest", "seiz": "arrest", "captur": "arrest",
    "sign": "sign", "agr": "agree", "reach": "agree",
    "plan": "plan", "propos": "plan",
    "rais": "raise", "increas": "raise", "boost": "raise", "ris": "raise",
    "cut": "cut", "reduc": "cut", "lower": "cut",
}

#: Acts whose verb says little on its own: "said" in two briefings is rarely the same statement,
#: so their clauses must also share words beyond their actors.
WEAK_FAMILIES = frozenset({"say", "criticise", "call", "plan", "announce"})
WEAK_CATEGORIES = frozenset({"01", "ACT"})
#: CAMEO's verbal categories (cooperation 01-05, conflict 10-14): a statement; the clauses must share a word.
VERBAL_CATEGORIES = frozenset({"02", "03", "04", "05", "10", "11", "12", "13", "14"})


def stem(word: str) -> str:
    """A crude stem that maps the forms of one verb to one key ("resigned", "resigns" -> "resign")."""
    w = word.casefold().strip(".,;:!?\"'()")
    w = IRREGULAR.get(w, w)
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "i"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith(("ed", "es")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w.rstrip("e") or w


#: Nouns of acts and the verb stems they come from, by ending (of the stem): "decision" -> "decid",
#: "refusal" -> "refus", "agreement" -> "agr"; "-ation" keeps "at" unless the shorter stem is known.
_NOMINAL = (("ssion", 3, ""), ("sion", 4, "d"), ("ation", 5, ""), ("ition", 5, ""), ("tion", 3, ""), ("ment", 4, ""),
            ("anc", 3, ""), ("enc", 3, ""), ("al", 2, ""), ("ur", 2, ""))


def verb_stem(word_stem: str) -> str:
    """The verb stem of a noun of an act, so that "his resignation", "the decision" and "refusal" compare
    with "resigned", "decided" and "refused"; any other stem as it is."""
    if word_stem in FAMILIES or len(word_stem) < 6:
        return word_stem
    for ending, cut, add in _NOMINAL:
        if word_stem.endswith(ending):
            base = word_stem[:-cut] + add
            if ending == "ation" and base not in FAMILIES:
                base += "at"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiou":  # as `stem` does: "discuss"
                base = base[:-1]
            return base.rstrip("e") or base
    return word_stem


def _family_of(words: list[str]) -> str:
    stems = [verb_stem(stem(w)) for w in words]
    for size in (len(stems), 2, 1):
        phrase = " ".join(stems[:size])
        if phrase in FAMILIES:
            return FAMILIES[phrase]
    return stems[0]


@lru_cache(maxsize=8192)
def trigger_family(trigger: str) -> str:
    """The family of an act's trigger: "stepped down", "resigned" and "resignation" are all "resign".
    Cached: matching asks it of both sides of every candidate pair, and a library's triggers repeat."""
    words = [w for w in re.findall(r"[A-Za-z']+", trigger) if w.casefold() not in _AUXILIARY]
    if not words:
        return stem(trigger) if trigger.strip() else ""
    governed = _GOVERNED.match(trigger)
    if governed and stem(governed["governor"]) in _governing_stems():
        # "plans to close", "expected to report", "began selling": the act is the closing, the reporting
        return trigger_family(governed["act"] or governed["gerund"])
    return _family_of(words)


#: "plans to close", "began selling": a verb, then the act as an infinitive or a gerund
_GOVERNED = re.compile(r"^\W*(?:(?:is|are|was|were|be|been|has|have|had|will|would)\s+)*(?P<governor>[A-Za-z]+)\s+(?:to\s+(?P<act>[A-Za-z].*)|(?P<gerund>[A-Za-z]+ing\b.*))$")


@lru_cache(maxsize=1)
def _governing_stems() -> frozenset[str]:
    """Stems of the verbs that govern an act without being one (the engine's `phase_governor` cue),
    which the engine shows in a trigger before the act ("plans to close"): the act is what is matched."""
    from reader.jsonl import read_jsonl
    from reader.resources import resource

    return frozenset(stem(w) for d in read_jsonl(resource("lexicons", "event_cues.jsonl"))
                     if d["kind"] == "phase_governor" for w in d["words"])


#: Verbs that tell of an act of the teller's own, announced, decided or pledged: the act they tell of is
#: the event's act ("announced his decision to quit" is the quitting another briefing reports).
TELLING = frozenset({"announce", "decid", "pledg", "vow", "promis", "intend", "resolv"})
_DETERMINERS = r"(?:his|her|their|its|our|my|your|the|a|an|this|that)"
#: After the telling verb: "(his decision) to VERB", "that he would VERB", "(their) NOUN-of-an-act".
_TOLD_VERB = re.compile(
    rf"^\W*(?:{_DETERMINERS}\s+)?(?:(?!not\b|never\b)[a-z-]+\s+)?to\s+(?!{_DETERMINERS}\b)(?P<act>[a-z]+(?:\s+[a-z]+){{0,2}})"
    r"|^\W*that\s+[a-z]+\s+(?:would|will|was\s+to|is\s+to)\s+(?P<later>[a-z]+(?:\s+[a-z]+){0,2})",
    re.I,
)
_TOLD_NOUN = re.compile(rf"^\W*{_DETERMINERS}\s+(?P<noun>[a-z]+)\b", re.I)


def act_family(trigger: str, text: str) -> str:
    """The family of the act an event stands for: its trigger's, or, when the trigger only tells of an act
    ("announced his decision to quit", "pledged to oppose", "announced their support"), the act told."""
    family = trigger_family(trigger)
    if family not in TELLING or not trigger.strip():
        return family
    at = text.casefold().find(trigger.casefold())
    if at < 0:
        return family
    after = text[at + len(trigger) :]
    if m := _TOLD_VERB.match(after):
        told = trigger_family(m["act"] or m["later"])
        return told if told and told not in TELLING else family
    if m := _TOLD_NOUN.match(after):
        noun = stem(m["noun"])
        told = verb_stem(noun)
        told = FAMILIES.get(told, told)
        # A noun of an act ("resignation", "support"), not "a new party" nor "his decision not to".
        if (noun in FAMILIES or told != noun) and told not in TELLING:
            return told
    return family


_STOP = frozenset(
    "a an the and or but of to in on at by for with from as that this these those it its is are was were be been "
    "has have had will would could should may might can not no he she they we you i his her their our them him "
    "who whom which what when where there than then also said says say told after before over into about more "
    "mr mrs ms dr sir new last next year years week month day today yesterday tomorrow bbc radio news programme "
    "show interview statement spokesman spokeswoman leader secretary minister chairman correspondent reported "
    "reporter asked added insisted claimed warned hypothetical".split()
)


def content_words(text: str, names: set[str]) -> frozenset[str]:
    """Stems of the clause's content words, its actors' names left out (for the weak acts' overlap)."""
    name_words = {w for name in names for w in name.split()}
    return frozenset(
        stem(w) for w in re.findall(r"[a-z][a-z'-]{2,}", text.casefold()) if w not in _STOP and w not in name_words
    )


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# ---------------------------------------------------------------- dates

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 value can mean: "2005-03" is March 2005, "2005-W10" its week; None when unresolved."""
    if not value or value[:1] == "X" or not value[:1].isdigit():
        return None
    value = value.split("T", 1)[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _months(int(m[1]), int(m[2]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            h = int(m[2])
            return _months(int(m[1]), 6 * h - 5, 6 * h)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
            first, last = _SEASONS[m[2]]
            return _months(int(m[1]), first, last)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            return dt.date(max(1, int(value) * 100), 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    if last > 12:
        year_end, last = year + 1, last - 12
    else:
        year_end = year
    end = dt.date(year_end + (last == 12), 1 if last == 12 else last + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end


#: How far apart two reports of one act may put it, by the coarser precision of the two (days).
SLACK = {"day": 3, "week": 3, "month": 10, "quarter": 20, "half": 30, "season": 20, "year": 0, "decade": 0, "century": 0}
#: An undated act is taken to be near its briefing's publication date: this many days before or after
#: (a statement, category 01, is news of the day; another act may be told weeks later as background).
UNDATED_BEFORE, UNDATED_AFTER, UNDATED_STATEMENT_BEFORE = 45, 3, 14
#: An undated announcement may be fulfilled this many days after it was made.
ANNOUNCED_WITHIN = 90


def precision_of(value: str | None, given: str | None) -> str | None:
    if given:
        return given
    interval = date_interval(value)
    if interval is None:
        return None
    days = (interval[1] - interval[0]).days
    return "day" if days == 0 else "week" if days <= 6 else "month" if days <= 31 else "year"


# ---------------------------------------------------------------- numbers in the clause

@dataclass(frozen=True, slots=True)
class Figure:
    """A number the clause gives of one kind: people, prisoners, casualties, money or percent."""

    kind: str
    value: float
    text: str
    approximate: bool = False


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_APPROX = re.compile(r"\b(?:about|around|nearly|almost|some|more than|over|at least|up to|roughly|approximately|an estimated|fewer than|less than)\s+$", re.I)
_KINDS = {
    "prisoners": r"prisoners?|detainees?|hostages?|captives?|pows?|inmates?",
    "casualties": r"dead|deaths?|killed|died|casualties|wounded|injured|bodies|fatalities|victims",
    "people": r"people|persons?|civilians?|soldiers?|troops|refugees?|migrants?|workers?|voters?|protesters?|"
    r"demonstrators?|mps|members|residents?|children|women|men|staff|officers?|asylum seekers?|jobs",
}
_HARMED = re.compile(r"\b(?:kill\w*|dead|died|die|wounded|injured|injuring|massacred|slain|lost their lives)\b", re.I)
_NUMBER = rf"(?P<num>{_NUM}|{'|'.join(_WORD_NUMBERS)})(?:\s*(?P<scale>{'|'.join(_SCALE)})\b)?"
_MONEY = re.compile(rf"(?P<cur>£|\$|€|US\$)\s?(?P<num>{_NUM})(?:\s*(?P<scale>{'|'.join(_SCALE)})\b)?", re.I)
_MONEY_WORDS = re.compile(rf"\b{_NUMBER}\s+(?P<cur>pounds|dollars|euros)\b", re.I)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s?(?:%|per ?cent\b|percent\b)", re.I)
_COUNT = re.compile(
    rf"\b{_NUMBER}\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>{'|'.join(f'(?P<{k}>{v})' for k, v in _KINDS.items())})\b", re.I
)


def _value(num: str, scale: str | None) -> float:
    key = num.casefold()
    base = float(_WORD_NUMBERS[key]) if key in _WORD_NUMBERS else float(num.replace(",", ""))
    return base * _SCALE.get((scale or "").casefold(), 1.0)


def figures(text: str) -> list[Figure]:
    """The people, prisoners, casualties, money and percentages the clause states."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str], num: str, scale: str | None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        approx = bool(_APPROX.search(text[max(0, m.start() - 20) : m.start()]))
        found.append(Figure(kind, _value(num, scale), m.group(0).strip(), approx))

    for m in _MONEY.finditer(text):
        add("money", m, m["num"], m["scale"])
    for m in _MONEY_WORDS.finditer(text):
        add("money", m, m["num"], m["scale"])
    for m in _PERCENT.finditer(text):
        add("percent", m, m["num"], None)
    for m in _COUNT.finditer(text):
        if re.fullmatch(r"(1[89]|20)\d\d", m["num"]):  # a year, not a count
            continue
        kind = next(k for k in _KINDS if m[k])
        around = text[max(0, m.start() - 25) : m.start()] + " " + text[m.end() : m.end() + 25]
        if kind == "people" and _HARMED.search(around):  # "killed 12 people", "30 civilians were killed"
            kind = "casualties"
        add(kind, m, m["num"], m["scale"])
    return found


def figures_disagree(a: list[Figure], b: list[Figure]) -> bool:
    """True when both give figures of one kind and none of one side is near any of the other."""
    if not a or not b:
        return False
    for x in a:
        for y in b:
            if x.value == y.value:
                return False
            tolerance = 0.15 if (x.approximate or y.approximate) else 0.005
            if abs(x.value - y.value) <= tolerance * max(x.value, y.value):
                return False
    return True


# ---------------------------------------------------------------- announcements

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll)\b|\b(?:is|are|was|were)\s+(?:due|set|scheduled|expected|planned|going|to be held)\s+to\b"
    r"|\b(?:is|are|was|were)\s+to\s+(?!have\b)[a-z]+|\bplans?\s+to\b|\bplanned\b|\bscheduled\b|\bwould\b",
    re.I,
)
_CONDITION = re.compile(r"\b(?:if|unless|could|might|may|whether)\b|\?", re.I)


def announcement(
    text: str, modality: str, interval: tuple[dt.date, dt.date] | None, published: dt.date | None
) -> bool:
    """An act announced, planned or scheduled: dated after its briefing, or told as what will happen."""
    if modality == "negated":
        return False
    if interval is not None and published is not None and interval[0] > published:
        return modality != "hypothetical" or not _CONDITION.search(text)
    if modality != "hypothetical":
        return False
    return bool(_FUTURE.search(text)) and not _CONDITION.search(text)
