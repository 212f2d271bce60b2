from reader.model import Actor, Analysis, Document, Event, Mention
from reader.store.corrections import (
    DISMISS_EVENT,
    EVENT_CATEGORY,
    EVENT_DATE,
    MERGE,
    NOT_ACTOR,
    RENAME,
    RETYPE,
    SPLIT,
    Correction,
    alias_book,
    apply_corrections,
    canonical_name,
)

TEXT = "Erdoğan met Zelensky. President Erdoğan of Turkey spoke. Ankara agreed."


def analysis() -> Analysis:
    doc = Document(text=TEXT)

    def m(word: str, nth: int = 0) -> Mention:
        pos = -1
        for _ in range(nth + 1):
            pos = TEXT.index(word, pos + 1)
        return Mention(pos, pos + len(word), word)

    return Analysis(
        document=doc,
        actors=[
            Actor("A1", "Erdoğan", "ORG", mentions=[m("Erdoğan"), m("Erdoğan", 1)]),
            Actor("A2", "Zelensky", "PERSON", mentions=[m("Zelensky")]),
            Actor("A3", "Turkey", "GPE", mentions=[m("Turkey")]),
            Actor("A4", "Ankara", "GPE", mentions=[m("Ankara")]),
        ],
        events=[
            Event("E1", 0, 20, TEXT[0:20], "met", 8, 11, "04", "Consult", "Erdoğan met Zelensky", ["A1", "A2"], ["A1"], ["A2"]),
            Event("E2", 57, 71, TEXT[57:71], "agreed", 64, 70, "05", "Cooperate", "Ankara agreed", ["A4"], ["A4"], []),
        ],
    )


def names(a: Analysis) -> list[str]:
    return [actor.name for actor in a.actors]


def test_apply_is_pure_and_copies():
    original = analysis()
    before = original.to_dict()
    corrected = apply_corrections(original, [Correction(RENAME, "Erdoğan", "Recep Tayyip Erdoğan")])
    assert original.to_dict() == before
    assert names(corrected)[0] == "Recep Tayyip Erdoğan"
    assert "Erdoğan" in corrected.actors[0].aliases


def test_retype_and_not_actor():
    bid = Document(text=TEXT).id
    corrected = apply_corrections(
        analysis(), [Correction(RETYPE, "erdoğan", "PERSON"), Correction(NOT_ACTOR, "Zelensky", briefing_id=bid)]
    )
    assert corrected.actors[0].type == "PERSON"
    assert "Zelensky" not in names(corrected)
    assert corrected.events[0].targets == [] and "A2" not in corrected.events[0].actors


def test_merge_moves_mentions_and_event_roles():
    corrected = apply_corrections(analysis(), [Correction(MERGE, "Ankara", "Turkey")])
    turkey = next(a for a in corrected.actors if a.name == "Turkey")
    assert "Ankara" not in names(corrected)
    assert [m.text for m in turkey.mentions] == ["Turkey", "Ankara"]
    assert "Ankara" in turkey.aliases
    assert corrected.events[1].agents == ["A3"]


def test_merge_into_an_actor_absent_from_the_briefing_renames():
    corrected = apply_corrections(analysis(), [Correction(MERGE, "Zelensky", "Volodymyr Zelensky")])
    assert "Volodymyr Zelensky" in names(corrected)


def test_split_a_mention_off():
    a = analysis()
    second = a.actors[0].mentions[1]
    bid = a.document.id
    corrected = apply_corrections(a, [Correction(SPLIT, "Erdoğan", "Emine Erdoğan", briefing_id=bid, start=second.start, end=second.end)])
    assert len(corrected.actors[0].mentions) == 1
    split = next(x for x in corrected.actors if x.name == "Emine Erdoğan")
    assert split.mentions[0].start == second.start and split.type == "ORG"


def test_event_corrections_match_by_clause_text():
    bid = Document(text=TEXT).id
    a = analysis()
    corrections = [
        Correction(EVENT_DATE, TEXT[0:20], "2025-05-16", briefing_id=bid, trigger="met"),
        Correction(EVENT_CATEGORY, TEXT[0:20], "03", briefing_id=bid, label="Intend to cooperate"),
        Correction(DISMISS_EVENT, TEXT[57:71], briefing_id=bid, trigger="agreed", start=57),
    ]
    corrected = apply_corrections(a, corrections)
    assert len(corrected.events) == 1
    event = corrected.events[0]
    assert (event.date, event.category, event.category_label) == ("2025-05-16", "03", "Intend to cooperate")


def test_an_event_correction_follows_its_act_when_a_newer_engine_tells_it_with_more_words():
    bid = Document(text=TEXT).id
    a = analysis()
    # made by an engine whose event was "met Zelensky" with the trigger "met"; today's event is wider
    corrections = [Correction(EVENT_DATE, TEXT[8:20], "2025-05-16", briefing_id=bid, trigger="met", start=8)]
    assert apply_corrections(a, corrections).events[0].date == "2025-05-16"
    # another act over other words is not taken for it
    elsewhere = [Correction(DISMISS_EVENT, TEXT[8:20], briefing_id=bid, trigger="agreed", start=8)]
    assert len(apply_corrections(a, elsewhere).events) == 2


def test_briefing_corrections_stay_in_their_briefing():
    c = Correction(RENAME, "Zelensky", "Z.", briefing_id="someotherbriefing")
    assert names(apply_corrections(analysis(), [c])) == names(analysis())
    # ...unless the library says this analysis is that briefing (its text changed since import).
    assert "Z." in names(apply_corrections(analysis(), [c], briefing_id="someotherbriefing"))


def test_briefing_correction_overrides_the_alias_book():
    bid = Document(text=TEXT).id
    later_global = Correction(RENAME, "Erdoğan", "Global name", created_at="2030-01-01")
    earlier_local = Correction(RENAME, "Erdoğan", "Local name", briefing_id=bid, created_at="2020-01-01")
    assert names(apply_corrections(analysis(), [later_global, earlier_local]))[0] == "Local name"


def test_alias_book_follows_chains_and_survives_cycles():
    book = alias_book([Correction(RENAME, "Erdogan", "Erdoğan"), Correction(MERGE, "Erdoğan", "Recep Tayyip Erdoğan"), Correction(RENAME, "A", "B"), Correction(RENAME, "B", "A")])
    assert canonical_name("ERDOGAN", book) == "Recep Tayyip Erdoğan"
    assert canonical_name("Nobody", book) == "Nobody"
    assert canonical_name("A", book) in {"A", "B"}


def test_validation():
    bad = [
        Correction("explode", "x"),
        Correction(RENAME, "x", ""),
        Correction(RETYPE, "x", "ANIMAL"),
        Correction(NOT_ACTOR, "x"),  # not global
        Correction(SPLIT, "x", briefing_id="b"),
    ]
    for c in bad:
        try:
            c.validate()
        except ValueError:
            continue
        raise AssertionError(f"{c} accepted")
