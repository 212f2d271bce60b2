"""Phoenix/PETRARCH conversion (scripts/convert_phoenix_actors.py) and the figures lookups."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from reader.nlp.figures import Figures, FiguresError, figures, name_key

ROOT = Path(__file__).resolve().parents[2]
LEXICONS = ROOT / "resources" / "lexicons"
GENERATED = ("phoenix_people.jsonl", "phoenix_organisations.jsonl", "phoenix_agents.jsonl")

COUNTRIES = """\
# a comment line
TURKEY_  [TUR]
+TURKISH_
+ANKARA_

RECEP_TAYYIP_ERDOGAN_  # CountryInfo.txt
+ERDOGAN_
+PRIME_MINISTER_RECEP_ERDOGAN
+ERDOĞAN
\t[TURELI 720101-021118]
\t[TURGOV 021118-030314]
\t[TURGOV >030314]
\t[TURELI]
UNITED_KINGDOM_  [GBR]
+BRITISH_
MICHAEL_HOWARD_  # CountryInfo.txt
\t[GBROPP 031106-051206]
JAMES_BYRNES_  # CountryInfo.txt
\t[USAELI 18970101-450703]
\t[USAGOV 450703-470121]
\t[USAGOV 9908223-911221]
OSAMA_AL_NUJAIFI_  # CountryInfo.txt
\t[IRQGOV <100101]
"""

INTERNATIONAL = """\
UNITED_NATIONS_ [IGOUNO]
NATO_
+NORTH_ATLANTIC_TREATY_ORGANIZATION_
\t[IGOWSTNAT]
KOFI_ANNAN_
+SECRETARY-GENERAL_KOFI_ANNAN
\t[IGOUNO 970101-061231]
\t[ELI]
GREENPEACE_\t[NGOENV]# NGO_Actors
MERCK_AND_COMPANY_INC_\t[MNCUSAHLH]\t# Major Pharmaceuticals
"""

MILNONSTATE = """\
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13
+ADEN_ISLAMIC_ARMY_

OSAMA_BIN_LADEN_
+BIN_LADEN
\t[IMGMUSALQ]
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
PRESIDENT [~GOVPRS] # ns 6/26/01
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
POLICE {} [~COP]
!MINIST!_OF_DEFENCE [~GOVMIL]
OPPOSITION_LEADER [~OPP]
ISLAMIC_EXTREMIST
"""


@pytest.fixture(scope="module")
def conv():
    """The converter script, imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("convert_phoenix_actors", ROOT / "scripts" / "convert_phoenix_actors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def snippets(conv, tmp_path_factory):
    """Hand-written snippets of each format, converted and written to a resource directory."""
    source = tmp_path_factory.mktemp("source")
    for name, text in (
        (conv.COUNTRIES, COUNTRIES),
        (conv.INTERNATIONAL, INTERNATIONAL),
        (conv.MILNONSTATE, MILNONSTATE),
        (conv.AGENTS, AGENTS),
        (conv.VERBS, "SAY [010]\n"),
    ):
        (source / name).write_text(text, encoding="utf-8")
    people, orgs, agents, stats = conv.convert(source)
    out = tmp_path_factory.mktemp("lexicons")
    conv.write(out, people, orgs, agents)
    return {"people": people, "orgs": orgs, "agents": agents, "stats": stats, "out": out, "source": source}


def _person(snippets, name):
    return next(p for p in snippets["people"] if p["name"] == name)


# -- converter --------------------------------------------------------------------------------------
def test_two_digit_years_follow_the_tabari_century_rule(conv):
    assert conv.parse_date("021118") == "2002-11-18"
    assert conv.parse_date("300101") == "2030-01-01"
    assert conv.parse_date("310101") == "1931-01-01"
    assert conv.parse_date("18970101") == "1897-01-01"
    assert conv.parse_date("9908223") is None  # seven digits: a typo
    assert conv.parse_date("100931") is None  # no 31 September


def test_restrictions_open_and_closed(conv):
    stats = conv.Stats()
    assert conv.parse_restriction("TURGOV >030314", stats, "x") == conv.Role("TURGOV", "2003-03-14", None)
    assert conv.parse_restriction("AFGELI <070723", stats, "x") == conv.Role("AFGELI", None, "2007-07-23")
    assert conv.parse_restriction("TURGOV 021118-030314", stats, "x") == conv.Role("TURGOV", "2002-11-18", "2003-03-14")
    assert conv.parse_restriction("TURELI", stats, "x") == conv.Role("TURELI", None, None)
    assert conv.parse_restriction("MNEGOV 20121204", stats, "x") == conv.Role("MNEGOV", "2012-12-04", None)
    assert conv.parse_restriction("---", stats, "x") is None
    assert conv.parse_restriction("EGYGOV 20121207-20120802", stats, "x") is None
    assert stats.counts["role: end before start (restriction dropped)"] == 1


def test_natural_case(conv):
    assert conv.natural_case("OSAMA BIN LADEN") == "Osama bin Laden"
    assert conv.natural_case("JOHN MCCAIN") == "John McCain"
    assert conv.natural_case("MIGUEL D'ESCOTO BROCKMANN") == "Miguel d'Escoto Brockmann"
    assert conv.natural_case("MICHAEL O'KENNEDY") == "Michael O'Kennedy"
    assert conv.natural_case("MUHAMMAD AL-BARADEI") == "Muhammad al-Baradei"
    assert conv.natural_case("BAN KI-MOON", korean=True) == "Ban Ki-moon"
    assert conv.natural_case("GEORGE H. W. BUSH") == "George H. W. Bush"
    assert conv.natural_case("JFK") == "JFK"


def test_person_with_synonyms_accents_titles_and_roles(snippets):
    erdogan = _person(snippets, "Recep Tayyip Erdoğan")  # the accent of the ERDOĞAN synonym
    assert erdogan["forms"][:2] == ["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"]
    assert {"Erdogan", "Erdoğan"} <= set(erdogan["forms"])
    assert not any("Minister" in f for f in erdogan["forms"])  # a title+name form is no name form
    assert erdogan["titles"] == ["Prime Minister"]  # ... but the title is kept
    assert erdogan["keys"] == ["recep tayyip erdogan", "erdogan"]
    assert erdogan["surnames"] == ["erdogan"]
    assert (erdogan["country"], erdogan["cameo"]) == ("TR", "TUR")
    assert erdogan["roles"] == [
        ["ELI", "1972-01-01", "2002-11-18"],
        ["GOV", "2002-11-18", "2003-03-14"],
        ["GOV", "2003-03-14", None],  # >030314: open end
        ["ELI", None, None],  # the default role
    ]


def test_places_are_left_to_the_gazetteer_and_bad_dates_dropped(snippets):
    names = {p["name"] for p in snippets["people"]} | {o["name"] for o in snippets["orgs"]}
    assert not names & {"Turkey", "Turkish", "Ankara", "United Kingdom"}
    assert _person(snippets, "James Byrnes")["roles"] == [["ELI", "1897-01-01", "1945-07-03"], ["GOV", "1945-07-03", "1947-01-21"]]
    assert snippets["stats"].counts["role: malformed date (restriction dropped)"] == 1


def test_people_from_the_other_files(snippets):
    annan = _person(snippets, "Kofi Annan")  # a title+name synonym marks a person among IGOs
    assert annan["roles"] == [["IGO", "1997-01-01", "2006-12-31", "IGOUNO"], ["ELI", None, None]]
    assert annan["country"] is None and annan["titles"] == ["Secretary-General"]
    osama = _person(snippets, "Osama bin Laden")
    assert {"bin laden", "laden"} <= set(osama["surnames"])


def test_organisations(snippets):
    orgs = {o["name"]: o for o in snippets["orgs"]}
    nato = orgs["North Atlantic Treaty Organization"]
    assert nato["forms"] == ["NATO", "North Atlantic Treaty Organization"]
    assert (nato["cameo"], nato["type"], nato["country"]) == ("IGOWSTNAT", "IGO", None)
    aden = orgs["Aden Abyan Islamic Army"]
    assert "AAIA" in aden["forms"] and "Aden Islamic Army" in aden["forms"]
    assert (aden["type"], aden["country"]) == ("armed group", "YE")
    assert orgs["Greenpeace"]["type"] == "NGO"
    merck = orgs["Merck and Company Inc"]
    assert "Merck and Company" in merck["forms"] and (merck["type"], merck["country"]) == ("business", "US")


def test_agents(snippets):
    agents = {a["forms"][0]: a for a in snippets["agents"]}
    assert agents["president"]["forms"] == ["president", "presidents"]
    assert (agents["president"]["sector"], agents["president"]["label"], agents["president"]["cameo"]) == ("GOV", "government", "~GOVPRS")
    assert agents["attorney general"]["forms"] == ["attorney general", "attorneys general"]
    assert agents["police"]["forms"] == ["police"]
    assert agents["minister of defence"]["forms"] == ["minister of defence", "ministers of defence", "ministry of defence", "ministries of defence"]
    assert agents["opposition leader"]["sector"] == "OPP"
    assert "islamic extremist" not in agents  # no code: skipped, as PETRARCH does


def test_regeneration_is_deterministic(conv, snippets, tmp_path):
    people, orgs, agents, _ = conv.convert(snippets["source"])
    again = tmp_path / "again"
    conv.write(again, people, orgs, agents)
    for name in GENERATED:
        assert (again / name).read_bytes() == (snippets["out"] / name).read_bytes()


# -- loader and lookups -----------------------------------------------------------------------------
def test_lookups_ignore_case_accents_and_hyphens(snippets):
    fig = Figures(snippets["out"])
    erdogan = fig.person("ERDOGAN")
    assert erdogan is not None and erdogan.name == "Recep Tayyip Erdoğan"
    assert fig.people("recep tayyip erdoğan") == (erdogan,)
    assert fig.by_surname("Erdoğan") == (erdogan,)
    assert fig.person("Erdogan's") is None
    assert [p.name for p in fig.by_surname("bin Laden")] == ["Osama bin Laden"]
    assert fig.organisation("the NATO").name == "North Atlantic Treaty Organization"
    assert fig.organisation("North-Atlantic Treaty Organization") is not None
    assert fig.organisation_types("NATO") == {"IGO"} and fig.organisation_types("Nobody Known") == set()
    assert fig.agent("Foreign-Ministers") is None
    assert fig.agent("Presidents").sector == "GOV"
    assert name_key("  Ban  Ki-moon ") == "ban ki moon"
    assert "erdogan" in set(fig.person_keys())
    fig.check()


def test_describe_uses_the_role_active_on_the_date(snippets):
    fig = Figures(snippets["out"])
    erdogan = fig.person("Erdogan")
    assert fig.describe(erdogan, date(2004, 6, 1)) == "Turkish government figure (2004)"
    assert fig.describe(erdogan, date(1990, 1, 1)) == "Turkish political figure (1990)"
    assert fig.describe(erdogan) == "Turkish government figure"  # the open-ended role
    howard = fig.person("Michael Howard")
    assert fig.describe(howard) == "British opposition figure"
    assert fig.describe(howard, date(2010, 1, 1)) == "former British opposition figure (2010)"
    assert fig.describe(fig.person("Kofi Annan"), date(2004, 1, 1)) == "United Nations figure (2004)"
    assert fig.describe(fig.person("Osama bin Laden")) == "militant figure"  # no organisation with its code here
    role, former = fig.role_on(howard, date(2004, 1, 1))
    assert (role.sector, role.code, former) == ("OPP", "GBROPP", False)


# -- validation ---------------------------------------------------------------------------------
def _copy(snippets, tmp_path) -> Path:
    for name in GENERATED:
        (tmp_path / name).write_bytes((snippets["out"] / name).read_bytes())
    return tmp_path


def test_a_malformed_index_line_names_the_file_and_line(snippets, tmp_path):
    d = _copy(snippets, tmp_path)
    (d / "phoenix_people.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(FiguresError, match=r"phoenix_people\.jsonl:1: index line is not JSON"):
        Figures(d).people("x")


def test_an_index_row_out_of_range_is_refused(snippets, tmp_path):
    d = _copy(snippets, tmp_path)
    path = d / "phoenix_agents.jsonl"
    head, rest = path.read_text(encoding="utf-8").split("\n", 1)
    header = json.loads(head)
    header["keys"]["president"] = 999
    path.write_text(json.dumps(header) + "\n" + rest, encoding="utf-8")
    with pytest.raises(FiguresError, match=r"phoenix_agents\.jsonl:1: .*out of range"):
        Figures(d).agent("president")


def test_a_malformed_row_names_its_line(snippets, tmp_path):
    d = _copy(snippets, tmp_path)
    path = d / "phoenix_people.jsonl"
    lines = path.read_text(encoding="utf-8").split("\n")
    row = json.loads(lines[1])  # row 0 is on line 2: Erdoğan
    row[4] = [["XXX", "2004-01-01", None]]  # unknown sector
    lines[1] = json.dumps(row, ensure_ascii=False)
    path.write_text("\n".join(lines), encoding="utf-8")
    fig = Figures(d)
    with pytest.raises(FiguresError, match=r"phoenix_people\.jsonl:2: malformed entry .*bad role"):
        fig.person("Erdogan")
    with pytest.raises(FiguresError, match=r"phoenix_people\.jsonl:2:"):
        Figures(d).check()


def test_a_row_count_mismatch_is_refused(snippets, tmp_path):
    d = _copy(snippets, tmp_path)
    path = d / "phoenix_organisations.jsonl"
    path.write_text(path.read_text(encoding="utf-8").rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    with pytest.raises(FiguresError, match=r"count says"):
        Figures(d).organisation("NATO")


# -- the shipped resources ----------------------------------------------------------------------------
def test_shipped_resources_load_and_describe():
    fig = figures()
    assert fig is figures()  # once per process
    erdogan = fig.person("Recep Tayyip Erdogan")
    assert erdogan.name == "Recep Tayyip Erdoğan" and erdogan.country == "TR"
    assert fig.describe(erdogan, date(2004, 6, 1)) == "Turkish government figure (2004)"
    assert fig.organisation("NATO").type == "IGO"
    assert fig.agent("prime minister").sector == "GOV"


@pytest.mark.slow
def test_shipped_resources_are_well_formed():
    figures().check()


@pytest.mark.slow
def test_committed_resources_equal_a_fresh_conversion(conv, shared_dir, tmp_path):
    source = shared_dir / "corpus" / "petrarch" / "dictionaries"
    if not source.is_dir():
        pytest.skip("the Phoenix dictionaries are not in ../shared")
    people, orgs, agents, _ = conv.convert(source)
    conv.write(tmp_path, people, orgs, agents)
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (LEXICONS / name).read_bytes(), f"{name}: run scripts/convert_phoenix_actors.py"
