"""Events against other people's gold: MEANTIME (participants) and PETRARCH2 (CAMEO categories).

    python -m bench.events_eval meantime [--limit N] [--misses]
    python -m bench.events_eval petrarch [--show-misses]
    python -m bench.events_eval bbc

bbc: the 417 BBC politics articles of ../shared/corpus/bbc-politics/txt (no gold) go through
`Engine.analyze_many` as published on 2005-03-01; it prints how many rows the sidebars hold, how
many of them carry other sources (a headline, a continued statement), and how many headlines
yield a row or a source: what a change to "one act, one row" does to the reader's lists.

meantime: every gold text of ../shared/corpus/meantime/meantime_en.jsonl goes through
`Engine.analyze_many` with `published` set to the gold DCT; the analyses are written to
/tmp/briefing-meantime-analyses.jsonl and ../shared/eval/score_meantime.py prints its summary
(event recall, participant recall and precision, hedge agreement, rows per gold event), then how
many headline events are found and how many of the missed a row holds as a source clause.

petrarch: the PETRARCH2 unit-test sentences whose expected codes are real CAMEO (`is_cameo`).
Their actors are invented names ("Arnor", "Gondor") that no English model knows, so every proper
noun the parse finds is made an actor for this check: what is measured is the trigger lexicon,
not actor recognition. The main event of a sentence is the one nearest the root of the parse
that is not a bare statement (01), else the nearest; it agrees when its top-level category is
one of the expected roots. Caution: PETRARCH's unit tests code verbs through a test dictionary
that was not copied and is often not CAMEO's meaning ("condemned" -> 122, "welcomed a
resumption of ties" -> 041, "postponed their meeting" -> 191), so this measures agreement with
that dictionary, not the correctness of the categories.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from reader.documents import document_from_text
from reader.engine import Engine
from reader.model import Actor, Mention
from reader.nlp.actors import extract_actors
from reader.nlp.events import extract_events
from reader.nlp.timex import extract_dates

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MEANTIME = SHARED / "corpus" / "meantime" / "meantime_en.jsonl"
PETRARCH = SHARED / "corpus" / "petrarch" / "unittest_records.jsonl"
MEANTIME_OUT = Path("/tmp/briefing-meantime-analyses.jsonl")
BBC = SHARED / "corpus" / "bbc-politics" / "txt"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_meantime(limit: int | None, misses: bool) -> int:
    gold = read_jsonl(MEANTIME)
    if limit:
        gold = gold[:limit]
        gold_path = Path("/tmp/briefing-meantime-gold-subset.jsonl")
        gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    else:
        gold_path = MEANTIME
    engine = Engine()
    docs = [document_from_text(g["text"], published=dt.date.fromisoformat(g["dct"])) for g in gold]
    t0 = time.perf_counter()
    with MEANTIME_OUT.open("w", encoding="utf-8") as fh:
        for analysis in engine.analyze_many(docs):
            fh.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
    print(f"analysed {len(docs)} MEANTIME texts in {time.perf_counter() - t0:.1f} s -> {MEANTIME_OUT}")
    cmd = [sys.executable, str(SHARED / "eval" / "score_meantime.py"), str(gold_path), str(MEANTIME_OUT)]
    if misses:
        cmd.append("--misses")
    code = subprocess.run(cmd, check=False).returncode
    counted, found, in_sources = headline_figures(gold, read_jsonl(MEANTIME_OUT))
    print(f"headlines: gold events counted {counted}, found {found}; of the {counted - found} missed, "
          f"{in_sources} lie in a source clause of a row (a headline merged with its lead as one act)")
    return code


def headline_figures(gold: list[dict], analyses: list[dict]) -> tuple[int, int, int]:
    """Gold events of the headline (first line) counted and found as `score_meantime.py` counts and
    finds them (texts identical, which they are here), and how many of the missed lie inside one of
    a row's `sources`: the scorer reads a row's own span only."""
    counted = found = in_sources = 0
    for doc, out in zip(gold, analyses, strict=True):
        text = out["document"]["text"]
        first_line = text.find("\n")
        entities = {e["m_id"]: e for e in doc["entities"] if "start" in e}
        for ev in doc["events"]:
            if "start" not in ev or text != doc["text"] or ev["start"] >= first_line:
                continue
            named = [p for p in ev.get("participants", []) if p["role"] in ("Arg0", "Arg1")
                     and entities.get(p["m_id"], {}).get("type") in ("PER", "ORG", "LOC")
                     and entities[p["m_id"]].get("syntactic_type") == "NAM"]
            if not named:
                continue
            counted += 1
            words = {ev["text"].lower(), (ev.get("pred") or "").lower()} - {""}
            if any(e["start"] <= ev["start"] < e["end"] and any(w in e["trigger"].lower() or e["trigger"].lower() in w
                                                                 for w in words) for e in out["events"]):
                found += 1
            elif any(s["start"] <= ev["start"] < s["end"] for e in out["events"] for s in e.get("sources", [])):
                in_sources += 1
    return counted, found, in_sources


def run_bbc() -> int:
    paths = sorted(BBC.glob("*.txt"))
    docs = [document_from_text(p.read_text(encoding="utf-8", errors="replace"), published=dt.date(2005, 3, 1))
            for p in paths]
    rows = with_sources = headlines = 0
    for analysis in Engine().analyze_many(docs):
        text = analysis.document.text
        headline_end = text.find("\n")
        rows += len(analysis.events)
        with_sources += sum(1 for e in analysis.events if e.sources)
        headlines += any(e.start < headline_end or any(s.start < headline_end for s in e.sources)
                         for e in analysis.events)
    print(f"{len(docs)} BBC politics articles: {rows} rows, {with_sources} with other sources; "
          f"{headlines} headlines yield a row or a source")
    return 0


def proper_noun_actors(doc, actors: list[Actor]) -> list[Actor]:
    """The engine's actors plus one actor per uncovered proper noun (the test names are invented)."""
    covered = {i for a in actors for m in a.mentions for i in range(m.start, m.end)}
    extra: dict[str, Actor] = {}
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.idx in covered:
            continue
        actor = extra.get(tok.text)
        if actor is None:
            actor = extra[tok.text] = Actor(id=f"P{len(extra) + 1}", name=tok.text, type="ORG")
        actor.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text))
    return actors + list(extra.values())


def main_event(doc, events):
    """The event nearest the root of the parse; past a bare statement to what it reports (as PETRARCH does)."""
    if not events:
        return None
    starts = {t.idx: t for t in doc}

    def depth(event) -> int:
        tok = starts.get(event.trigger_start)
        n = 0
        while tok is not None and tok.head.i != tok.i and n < 50:
            tok, n = tok.head, n + 1
        return n

    ranked = sorted(events, key=lambda e: (depth(e), e.start))
    for event in ranked:
        if event.category != "01":
            return event
    return ranked[0]


def run_petrarch(show_misses: bool) -> int:
    records = [r for r in read_jsonl(PETRARCH) if r.get("expected") and any(e.get("is_cameo") for e in r["expected"])]
    engine = Engine()
    agree = found = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    t0 = time.perf_counter()
    for record, doc in zip(records, engine.nlp.pipe(r["text"] for r in records), strict=True):
        published = dt.date.fromisoformat(record["date"]) if record.get("date") else None
        actors = proper_noun_actors(doc, extract_actors(doc))
        events = extract_events(doc, actors, extract_dates(doc, published), published)
        roots = {e["root"] for e in record["expected"] if e.get("is_cameo")}
        event = main_event(doc, events)
        got = event.category if event else "--"
        found += event is not None
        if got in roots:
            agree += 1
        else:
            confusion[(min(roots), got)] += 1
            misses.append(f"{record['id']}: want {sorted(roots)} got {got} ({event.trigger if event else ''}) | {record['text'][:110]}")
    n = len(records)
    print(f"PETRARCH2 records with real CAMEO codes: {n} ({time.perf_counter() - t0:.1f} s)")
    if show_misses:
        print("\n".join(misses))
    print("most frequent disagreements (want, got):", ", ".join(f"{w}->{g} x{c}" for (w, g), c in confusion.most_common(8)))
    print(f"summary: category_agreement {agree / n:.3f} ({agree}/{n}) main_event_found {found / n:.3f} "
          f"agreement_when_found {agree / found if found else 0:.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.events_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("yardstick", choices=("meantime", "petrarch", "bbc"))
    parser.add_argument("--limit", type=int, default=None, help="meantime: only the first N texts")
    parser.add_argument("--misses", action="store_true", help="list the misses")
    args = parser.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        print(f"events_eval: {SHARED / 'corpus'} is not present", file=sys.stderr)
        return 2
    if args.yardstick == "meantime":
        return run_meantime(args.limit, args.misses)
    if args.yardstick == "bbc":
        return run_bbc()
    return run_petrarch(args.misses)


if __name__ == "__main__":
    sys.exit(main())
