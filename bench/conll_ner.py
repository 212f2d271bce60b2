"""Does `briefing_entities` help or hurt general NER? CoNLL-2003 test, raw model vs ours.

    python -m bench.conll_ner [--docs N]

Sentences are regrouped into their 231 articles (one Doc per article, so document-level
consistency rules can work), both pipelines tag them, and entity-level precision, recall and
F1 are computed with exact spans, mapping spaCy labels to CoNLL's (PERSON->PER, GPE/LOC->LOC,
ORG->ORG, NORP and the rest of the name labels->MISC; numbers and dates ignored). Demonyms
are MISC in CoNLL and NORP in spaCy, so linking them to countries changes nothing here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy

from reader.nlp.pipeline import DEFAULT_MODEL, add_briefing_components

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "MISC",
          "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def articles(limit: int | None) -> list[tuple[str, set[tuple[int, int, str]]]]:
    by_doc: dict[int, list[dict]] = defaultdict(list)
    with (SHARED / "corpus" / "conll2003" / "test.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            by_doc[rec["doc_id"]].append(rec)
    out = []
    for doc_id in sorted(by_doc)[:limit]:
        text, gold, offset = [], set(), 0
        for rec in by_doc[doc_id]:
            for ent in rec["entities"]:
                gold.add((offset + ent["start"], offset + ent["end"], ent["label"]))
            text.append(rec["text"])
            offset += len(rec["text"]) + 1
        out.append(("\n".join(text), gold))
    return out


def score(nlp, docs) -> dict[str, tuple[float, float, float]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for doc, (_, gold) in zip(nlp.pipe(t for t, _ in docs), docs, strict=True):
        pred = {(e.start_char, e.end_char, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS}
        for label in ("PER", "LOC", "ORG", "MISC"):
            p = {x for x in pred if x[2] == label}
            g = {x for x in gold if x[2] == label}
            tp[label] += len(p & g)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    return _figures(tp, fp, fn, ("PER", "LOC", "ORG", "MISC"))


#: Actor types as CoNLL labels, for the mentions `briefing analyze` reports.
ACTOR_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def score_actors(docs) -> dict[str, tuple[float, float, float]]:
    """What the reader shows: every actor mention of `Engine.analyze`, typed by its actor (a
    demonym such as "Russian" is MISC in CoNLL, so it is left out like MISC)."""
    import datetime as dt

    from reader.documents import document_from_text
    from reader.engine import Engine
    from reader.nlp.gazetteer import gazetteer

    engine, gaz = Engine(), gazetteer()
    tp, fp, fn = Counter(), Counter(), Counter()
    documents = [document_from_text(t, published=dt.date(1996, 12, 6)) for t, _ in docs]
    for analysis, (_, gold) in zip(engine.analyze_many(documents), docs, strict=True):
        pred = set()
        for actor in analysis.actors:
            label = ACTOR_LABELS.get(actor.type)
            for m in actor.mentions:
                form = gaz.lookup(m.text)
                if label and not (form is not None and form.kind == "demonym"):
                    pred.add((m.start, m.end, label))
        for label in ("PER", "LOC", "ORG"):
            p = {x for x in pred if x[2] == label}
            g = {x for x in gold if x[2] == label}
            tp[label] += len(p & g)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    return _figures(tp, fp, fn, ("PER", "LOC", "ORG"))


def _figures(tp: Counter, fp: Counter, fn: Counter, labels: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for label in (*labels, "ALL"):
        t = sum(tp.values()) if label == "ALL" else tp[label]
        f_p = sum(fp.values()) if label == "ALL" else fp[label]
        f_n = sum(fn.values()) if label == "ALL" else fn[label]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--actors", action="store_true", help="also score the actor mentions `briefing analyze` reports")
    args = ap.parse_args(argv)
    if not (SHARED / "corpus" / "conll2003").is_dir():
        print("../shared/corpus/conll2003 not found")
        return 2
    docs = articles(args.docs)
    raw = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    ours = add_briefing_components(spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"]))
    a, b = score(raw, docs), score(ours, docs)
    print(f"CoNLL-2003 test, {len(docs)} articles; exact-span P / R / F1")
    for label in a:
        print(f"  {label:4}  raw {a[label][0]:.3f} {a[label][1]:.3f} {a[label][2]:.3f}   "
              f"ours {b[label][0]:.3f} {b[label][1]:.3f} {b[label][2]:.3f}   F1 change {b[label][2] - a[label][2]:+.3f}")
    if args.actors:
        c = score_actors(docs)
        print("Actor mentions of `briefing analyze` (PER/ORG/LOC; exact spans): P / R / F1")
        for label, (p, r, f) in c.items():
            print(f"  {label:4}  {p:.3f} {r:.3f} {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
