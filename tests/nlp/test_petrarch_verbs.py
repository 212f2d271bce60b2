"""The PETRARCH verb-dictionary converter on hand-written snippets, its loader's checks, and the resource.

No spaCy pipeline is loaded: the converter is plain text processing and the loader reads JSON.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from reader.nlp.events.lexicon import LexEntry
from reader.nlp.events.petrarch_verbs import (
    PetrarchLexiconError,
    petrarch_lex_entries,
    read_petrarch_verbs,
    to_lex_entry,
)
from reader.resources import resource

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("convert_petrarch_verbs", ROOT / "scripts" / "convert_petrarch_verbs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


conv = _load_script()

CODES = frozenset({"010", "020", "042", "043", "051", "070", "0841", "111", "141", "154", "160", "173", "190"})

SYNSETS = """
####### SYNONYM SETS #######
&FOOD
+FOOD
+PROVISIONS_
+COMMISSARIAT

&TREATY
+TREATY
+PACT
+WRITTEN_AGREEMENT
+CEASE-FIRE

####### VERB PATTERNS #######
"""


def entries(block: str, codes: frozenset[str] = CODES) -> list[dict]:
    rows, _ = conv.convert(SYNSETS + block, codes)
    return rows


def stats(block: str):
    return conv.convert(SYNSETS + block, CODES)[1]


def find(rows: list[dict], **want) -> list[dict]:
    """The rows whose listed keys have these values (None: the key is absent)."""
    return [r for r in rows if all(r.get(k) == v for k, v in want.items())]


def dropped(block: str) -> dict[str, int]:
    return dict(stats(block).patterns_dropped)


# -- verbs ---------------------------------------------------------------------------------------


def test_verbs_take_their_own_code_or_the_block_code():
    rows = entries("""
--- RUSH [070] ---
RUSH
SPEED {SPEEDING SPEEDS SPED }  # an irregular verb: the primary form is the lemma
HURRY [154]
""")
    assert find(rows, lemma="rush", code="070", pattern="RUSH")
    assert find(rows, lemma="speed", code="070")
    assert find(rows, lemma="hurry", code="154", pattern="HURRY [154]")
    assert all(r["pos"] == "VERB" and r["source"] == "petrarch" for r in rows)


def test_null_code_verbs_only_carry_their_patterns():
    rows = entries("""
--- ACCELERATE [---] ---
EXPEDITE
- * AID [070]
""")
    assert rows == [
        {"lemma": "expedite", "pos": "VERB", "code": "070", "object": ["aid"], "source": "petrarch", "pattern": "* AID [070]"}
    ]


def test_multi_word_verbs_become_particle_prep_or_object():
    rows = entries("""
--- CANCEL [---] ---
+CALL_OFF [160]
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
+TAKE_LEAVE {+TAKES_LEAVE +TOOK_LEAVE} [160]
+LIVE_UP_TO [051]
+SET_IN_MOTION [042]
""")
    assert find(rows, lemma="call", particle="off", code="160", prep=None, object=None)
    assert find(rows, lemma="ask", prep="for", code="020", particle=None)
    assert find(rows, lemma="take", object=["leave"], code="160")
    assert find(rows, lemma="live", particle="up", prep="to", code="051")
    assert find(rows, lemma="set", prep="in", object=["motion"], code="042")


def test_a_word_that_is_particle_or_preposition_gets_both_readings_unless_a_noun_follows():
    rows = entries("""
--- YIELD [---] ---
+GIVE_IN [080]
- * (IN COURT) [173]
""", codes=CODES | {"080"})
    readings = find(rows, lemma="give", code="080")
    assert {(r.get("particle"), r.get("prep")) for r in readings} == {("in", None), (None, "in")}
    assert find(rows, lemma="give", prep="in", object=["court"], code="173")


def test_verb_drops_hyphen_coordination_auxiliary_and_words_before_the_verb():
    s = stats("""
--- MIX [010] ---
RE-OPEN
+KILLED_AND {}
+IS_DETERMINED {+WAS_DETERMINED}
WIRE_+TAP
SAY
""")
    assert dict(s.verbs_dropped) == {
        "hyphenated verb (not one spaCy token)": 1,
        "coordinated verbs": 1,
        "auxiliary verb": 1,
        "words before the verb": 1,
    }
    assert s.verbs == 5


def test_inflected_forms_are_traced_to_their_lemma():
    rows = entries("""
--- BURN [190] ---
BURN
BURNT
LOSE
LOSING
--- ANGER [---] ---
ANGER
+ANGERED_BY {}
- * (AT &FOOD) [111]
""")
    assert {r["lemma"] for r in rows} == {"burn", "lose", "anger"}
    assert find(rows, lemma="anger", prep="by", code="111") == []  # by and at: two prepositions
    assert find(rows, lemma="anger", prep="at", code="111")


def test_a_verb_listed_twice_keeps_its_first_block():
    rows = entries("""
--- FIRST [010] ---
SLAM
--- SECOND [111] ---
SLAM
- * PLAN [111]
""")
    assert [(r["code"], r.get("object")) for r in rows] == [("010", None)]


# -- patterns ------------------------------------------------------------------------------------


def test_pattern_shapes_kept():
    rows = entries("""
--- RUSH [---] ---
RUSH
- * AID [070]
- * &FOOD [070]
- * (TO BORDER) [154]
- * (TO) [042:043]
- * (BEFORE COURT) [:173]
- * DOWN [190]
- * UP RESISTANCE [111]
- * (ASIDE RIFT) [010]
- * OFF (FOR) [042]
- * ATTACK (AGAINST) [190]
- * FROM + [160]
- * (WITH +) [051]
- * OFF (FROM ^) [043]
- * (TO A VOTE) [020]
- * DEMONSTRATIONS [141]
""")
    shape = {(tuple(r.get("object", ())), r.get("particle"), r.get("prep")): r["code"] for r in rows}
    assert shape == {
        (("aid",), None, None): "070",
        (("food", "provision", "commissariat"), None, None): "070",
        (("border",), None, "to"): "154",
        ((), None, "to"): "042",  # [X:Y]: X
        (("court",), None, "before"): "173",  # [:Y]: Y
        ((), "down", None): "190",
        (("resistance",), "up", None): "111",
        (("rift",), "aside", None): "010",
        ((), "off", "for"): "042",
        (("attack",), None, "against"): "190",
        (("@ACTOR",), None, "from"): "160",
        (("@ACTOR",), None, "with"): "051",
        ((), "off", "from"): "043",
        (("vote",), None, "to"): "020",
        (("demonstration",), None, None): "141",
    }
    assert find(rows, object=["border"])[0]["pattern"] == "* (TO BORDER) [154]"


def test_pattern_shapes_dropped_with_their_reason():
    assert dropped("""
--- RUSH [---] ---
RUSH
- &FOOD * [154]
- * {ARMS SHIPMENT} [070]
- * POLICE (TO BORDER) [154]
- * (TO PRESS) (FOR OUSTER) [020]
- * SERIES (OF ATTACKS) [190]
- % &FOOD * [190]
- * &WEATHER [190]
- * AID [1952]
- * SIT-IN [141]
- * {AIR_STRIKE} [190]
- * &FOOD + [190]
""") == {
        "words before the verb": 2,
        "noun phrase with modifiers ({...})": 1,
        "two nouns (object and prepositional object)": 1,
        "two prepositional phrases": 1,
        "of-phrase after a noun (attaches to the noun)": 1,
        "undefined synset": 1,
        "code not in the CAMEO list (1952)": 1,
        "noun is not a plain word (hyphen, digit, marker)": 1,
        "multi-word noun": 1,
        "words after the object or preposition": 1,
    }


def test_synsets_keep_one_word_members_as_lemmas():
    rows = entries("""
--- SIGN [---] ---
SIGN
- * &TREATY [051]
""")
    # WRITTEN_AGREEMENT is two tokens and CEASE-FIRE three: a lemma condition sees one
    assert rows[0]["object"] == ["treaty", "pact"]


def test_null_code_patterns_become_not_object_on_default_entries():
    rows = entries("""
--- CANCEL [---] ---
ABORT [160]
HALT
+CALL_OFF [160]
- * SEARCH [---]
- * &FOOD [---]
- * (WITH WARNING) [---]
""")
    blocked = ["search", "food", "provision", "commissariat"]
    assert find(rows, lemma="abort", code="160", not_object=blocked)
    assert find(rows, lemma="call", particle="off", not_object=blocked)
    assert not find(rows, lemma="halt")
    assert dropped("""
--- CANCEL [---] ---
ABORT [160]
- * (WITH WARNING) [---]
--- AVERT [---] ---
AVERT
- * ATTACK [---]
""") == {
        "[---] pattern needing a particle or preposition": 1,
        "[---] pattern, block verbs have no default code": 1,
    }


def test_a_later_identical_condition_replaces_an_earlier_one():
    block = """
--- ASK [---] ---
ASK
- * SUPPORT [020]
- * SUPPORT [051]
"""
    assert [r["code"] for r in entries(block)] == ["051"]
    assert stats(block).pairs_dropped["superseded by a later identical condition"] == 1


def test_verb_and_pattern_conditions_that_clash_are_dropped():
    s = stats("""
--- TAKE [---] ---
+TAKE_LEAVE
- * AID [070]
""")
    assert s.pairs_dropped == {"verb phrase and pattern both need an object": 1}


def test_block_header_and_counts():
    s = stats("""
--- ONE [010] ---
SAY
- * AID [070]
~ a (a b ATTACK) SAY = a b 015
--- TWO [---] ---
WARN
""")
    assert (s.blocks, s.verbs, s.patterns, s.synsets, s.transformations) == (2, 2, 1, 2, 1)
    assert s.kinds == {"plain verb": 1, "object": 1}
    assert "entries 2" in s.report()


def test_conversion_is_sorted_and_deterministic():
    block = """
--- ZED [010] ---
WARN
ASK
- * AID [070]
- * (TO BORDER) [154]
"""
    first, second = conv.to_jsonl(entries(block)), conv.to_jsonl(entries(block))
    assert first == second
    lemmas = [json.loads(line)["lemma"] for line in first.splitlines()]
    assert lemmas == sorted(lemmas)


@pytest.mark.parametrize(
    ("word", "lemmas"),
    [
        ("TALKS", ("talk",)),
        ("HOSTILITIES", ("hostility",)),
        ("MARCHES", ("march",)),
        ("SERVICEMEN", ("serviceman", "servicemen")),
        ("GUNMEN", ("gunman",)),
        ("PROCESS", ("process",)),
        ("CRISES", ("crisis",)),
        ("NEWS", ("news",)),
        ("AID", ("aid",)),
    ],
)
def test_noun_lemmas(word, lemmas):
    assert conv.noun_lemmas(word) == lemmas


def test_code_pairs():
    valid = frozenset({"042", "043", "173"})
    assert conv.pick_code("042:043", valid) == "042"
    assert conv.pick_code(":173", valid) == "173"
    assert conv.pick_code("---", valid) is None
    with pytest.raises(conv.DropError, match="not in the CAMEO list"):
        conv.pick_code("080!", valid)


# -- loader --------------------------------------------------------------------------------------

GOOD = {"lemma": "rush", "pos": "VERB", "code": "154", "object": ["border"], "prep": "to", "source": "petrarch", "pattern": "* (TO BORDER) [154]"}


def write(tmp_path: Path, *rows) -> Path:
    path = tmp_path / "petrarch_verbs.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_loader_reads_checked_entries(tmp_path):
    other = {"lemma": "abort", "pos": "VERB", "code": "160", "not_object": ["search"]}
    path = write(tmp_path, GOOD, other, {**GOOD, "lemma": "hurry"})
    rows = read_petrarch_verbs(path)
    assert rows[0] == {**GOOD, "object": ("border",)}
    assert rows[0]["object"] is rows[2]["object"]  # equal lists are one shared tuple
    entries_ = petrarch_lex_entries(path)
    assert entries_[0] == LexEntry("rush", "VERB", "154", objects=("border",), prep="to", source="petrarch")
    assert entries_[1].not_objects == ("search",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lemma": ""}, "lemma must be one lower-case word"),
        ({"lemma": "Rush"}, "lemma must be one lower-case word"),
        ({"lemma": "pull out"}, "lemma must be one lower-case word"),
        ({"code": "1952x"}, "code must be a CAMEO event code"),
        ({"code": "2101"}, "code must be a CAMEO event code"),
        ({"code": "01"}, "code must be a CAMEO event code"),
        ({"code": 154}, "code must be a CAMEO event code"),
        ({"pos": "PROPN"}, "pos must be one of"),
        ({"objects": ["border"]}, "unknown key(s) objects"),
        ({"object": []}, "'object' must be a non-empty list"),
        ({"object": "border"}, "'object' must be a non-empty list"),
        ({"object": ["@TARGET"]}, "'object' holds '@TARGET'"),
        ({"prep": "to the"}, "'prep' must be one lower-case word"),
        ({"speech": "yes"}, "'speech' must be true or false"),
        ({"source": "tabari"}, "source must be 'petrarch'"),
    ],
)
def test_loader_names_the_bad_line(tmp_path, change, message):
    path = write(tmp_path, GOOD, "", {**GOOD, **change})
    with pytest.raises(PetrarchLexiconError, match=r"petrarch_verbs\.jsonl line 3: ") as err:
        read_petrarch_verbs(path)
    assert message in str(err.value)


def test_loader_rejects_missing_keys_and_broken_json(tmp_path):
    with pytest.raises(PetrarchLexiconError, match="line 1: missing 'code'"):
        read_petrarch_verbs(write(tmp_path, {"lemma": "rush", "pos": "VERB"}))
    with pytest.raises(PetrarchLexiconError, match="line 2: "):
        read_petrarch_verbs(write(tmp_path, GOOD, '{"lemma": "rush",'))
    with pytest.raises(PetrarchLexiconError, match="line 1: not a JSON object"):
        read_petrarch_verbs(write(tmp_path, "[1, 2]"))
    with pytest.raises(PetrarchLexiconError, match="line 2: Extra data"):
        read_petrarch_verbs(write(tmp_path, GOOD, json.dumps(GOOD) + ", " + json.dumps(GOOD)))


def test_loader_can_check_codes_against_a_list(tmp_path):
    path = write(tmp_path, GOOD)
    assert read_petrarch_verbs(path, valid_codes={"154"})
    with pytest.raises(PetrarchLexiconError, match="line 1: code '154' is not in the CAMEO code list"):
        read_petrarch_verbs(path, valid_codes={"190"})


# -- the committed resource ------------------------------------------------------------------------


def test_committed_resource_loads():
    rows = read_petrarch_verbs()
    assert len(rows) > 5_000
    assert all(r["source"] == "petrarch" and r["pattern"] for r in rows)
    assert isinstance(to_lex_entry(rows[0]), LexEntry)


def test_committed_resource_is_what_the_script_makes(shared_dir):
    source = shared_dir / "corpus" / "petrarch" / "dictionaries" / "CAMEO.2.0.txt"
    codes_path = shared_dir / "corpus" / "petrarch" / "cameo_eventcodes.tsv"
    if not source.is_file() or not codes_path.is_file():
        pytest.skip("the PETRARCH dictionary is not in ../shared")
    codes = conv.read_codes(codes_path)
    rows, _ = conv.convert(source.read_text(encoding="utf-8"), codes)
    committed = resource("lexicons", "petrarch_verbs.jsonl").read_text(encoding="utf-8")
    assert conv.to_jsonl(rows) == committed, "rerun scripts/convert_petrarch_verbs.py"
    assert read_petrarch_verbs(valid_codes=codes)
