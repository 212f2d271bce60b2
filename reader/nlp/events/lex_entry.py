"""One trigger-lexicon entry (ours or PETRARCH's), and the event categories its code names."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Object slots a condition can name instead of a lemma.
ENTITY_SLOTS = {"@PERSON": ("PERSON",), "@PEOPLE": ("PERSON", "NORP"), "@GPE": ("GPE",), "@ORG": ("ORG",), "@PLACE": ("GPE", "LOC", "FAC"),
                "@ACTOR": ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"),
                "@MONEY": ("MONEY",), "@PRODUCT": ("PRODUCT",)}

@dataclass(frozen=True, slots=True)
class LexEntry:
    lemma: str
    pos: str
    code: str
    objects: tuple[str, ...] = ()
    #: objects that rule the entry out ("meet *the demand*" is not a meeting)
    not_objects: tuple[str, ...] = ()
    particle: str | None = None
    prep: str | None = None
    #: a preposition that rules the entry out ("hails *from* Leeds" is no praise)
    not_prep: str | None = None
    compound: tuple[str, ...] = ()
    xcomp: bool = False
    ccomp: bool = False
    speech: bool = False
    defer: bool = False
    #: "ours" (cameo_lexicon.jsonl) or "petrarch" (the field dictionary, held to a stricter standard)
    source: str = "ours"
    #: a noun that names an act only as a light verb's object ("expressed *concern*", "gave a *briefing*")
    object_only: bool = False
    #: the subject's lemma must be listed: a figure that moves ("*sales* dropped", "*exports* rose")
    subjects: tuple[str, ...] = ()
    #: a reading added beside the field dictionary's, which still applies when this one does not
    #: ("kept *rates* unchanged" is economic; "keep" otherwise reads as PETRARCH reads it)
    field_too: bool = False
    #: the object is given a name or quality ("called the ruling *a victory*", "called the sanctions *illegal*")
    predicative: bool = False
    #: a predicative complement's lemma must be listed: "was declared *dead*" is a death, not a statement
    complements: tuple[str, ...] = ()
    #: only a person does it: "Mr Straw suggested the vote would wait" is said, "the figures suggest" is not
    person_doer: bool = False
    #: someone must be named doing it: "Blair described Africa as a scar" is said, "he is described as a
    #: grandfather" (no one describing) is the text's own word
    doer_needed: bool = False
    #: how many conditions the entry sets: the most specific entry that holds wins (worked out once;
    #: every candidate of every verb of a batch is sorted by it)
    specificity: int = field(init=False, repr=False, compare=False)
    #: the object slots that are words, as a set, and those that are slots ("@EVENT", "@PERSON"...)
    object_words: frozenset[str] = field(init=False, repr=False, compare=False)
    object_slots: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        specificity = (bool(self.objects) + bool(self.particle) + bool(self.prep) + bool(self.compound) + self.xcomp
                       + self.ccomp + bool(self.subjects) + self.predicative + bool(self.complements))
        object.__setattr__(self, "specificity", specificity)
        object.__setattr__(self, "object_words", frozenset(s for s in self.objects if not s.startswith("@")))
        object.__setattr__(self, "object_slots", tuple(s for s in self.objects if s.startswith("@")))

    @property
    def category(self) -> str:
        return category_of(self.code)


def category_of(code: str) -> str:
    """The top-level category of an event code: CAMEO's two-digit root ("042" -> "04"), or one of
    our own categories for acts CAMEO has none for ("VOTE", "OFFICE", "LAW", "ECON", "DISASTER")."""
    return code[:2] if code[:2].isdigit() else code
