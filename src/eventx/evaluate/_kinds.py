"""Entity kinds of participants on news: ``Participant.kind`` against MEANTIME's entity types.

MEANTIME types every entity (``ENTITY ent_type``: PER, ORG, LOC, PRO, FIN, MIX)
and links its mentions to it (``REFERS_TO``). For each *named* mention
(``syntactic_type="NAM"``) of a person, organisation or place that an extracted
participant (who, whom or where) has its head in, the scorer compares the
participant's kind: PER ↔ PERSON, ORG ↔ ORG, LOC ↔ GPE or LOC. It measures
what the NER model (or the word-table fallback) contributes on news text, which
GUM's test set (``python -m eventx.evaluate ner``) says little about.

Run: ``python -m eventx.evaluate kinds [--corpora airbus apple] [--model-dir DIR]``.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import data_dir, format_table, ratio
from eventx.evaluate._meantime import read_meantime_document

__all__ = ["GOLD_KINDS", "evaluate_kinds", "named_mentions"]

#: MEANTIME entity types scored, and the eventx kinds that count as right.
GOLD_KINDS = {"PER": frozenset({"PERSON"}), "ORG": frozenset({"ORG"}), "LOC": frozenset({"GPE", "LOC"})}


def named_mentions(path: Path, tokens: dict[str, tuple[int, int]]) -> list[tuple[int, int, str]]:
    """``(start, end, ent_type)`` of the named mentions of scored types in one MEANTIME file."""
    root = ET.parse(path).getroot()
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None or relations is None:
        return []
    types = {e.get("m_id"): e.get("ent_type") for e in markables.iter("ENTITY")}
    refers = {s.get("m_id"): types.get(r.find("target").get("m_id"))  # type: ignore[union-attr]
              for r in relations.iter("REFERS_TO") if r.find("target") is not None for s in r.iter("source")}
    out = []
    for mention in markables.iter("ENTITY_MENTION"):
        ent_type = refers.get(mention.get("m_id"))
        spans = [tokens[a.get("t_id", "")] for a in mention.iter("token_anchor") if a.get("t_id") in tokens]
        if mention.get("syntactic_type") == "NAM" and ent_type in GOLD_KINDS and spans:
            out.append((min(s for s, _ in spans), max(e for _, e in spans), ent_type))
    return out


def evaluate_kinds(extractor: Any, corpora: Sequence[str] = ("airbus", "apple"),
                   root: Path | None = None) -> dict[str, Any]:
    """Kind accuracy per MEANTIME type over named mentions that head an extracted participant."""
    root = root or data_dir() / "meantime"
    counts: dict[str, Counter[str]] = {t: Counter() for t in GOLD_KINDS}
    for corpus in corpora:
        paths = sorted((root / f"corpus_{corpus}").glob("*.xml"))
        docs = [read_meantime_document(p, corpus) for p in paths]
        for path, doc, events in zip(paths, docs, extractor.extract_many([d.text for d in docs],
                                                                          reference_date=[d.dct for d in docs])):
            participants = {(p.start, p.end): p for e in events
                            for p in (*e.who, *e.whom, *([e.where] if e.where else []))}
            for start, end, ent_type in named_mentions(path, doc.tokens):
                found = [p for p in participants.values() if start <= _head_start(p) < end]
                if found:
                    kind = found[0].kind
                    counts[ent_type]["right" if kind in GOLD_KINDS[ent_type] else ("none" if kind is None else "wrong")] += 1
    rows = {t: {**c, "n": sum(c.values()), "accuracy": ratio(c["right"], sum(c.values()))} for t, c in counts.items()}
    total = Counter[str]()
    for c in counts.values():
        total.update(c)
    rows["all"] = {**total, "n": sum(total.values()), "accuracy": ratio(total["right"], sum(total.values()))}
    return {"corpora": list(corpora), "kinds": rows}


def _head_start(participant: Any) -> int:
    """Offset of the participant's head word inside the document."""
    at = participant.text.rfind(participant.head)
    return participant.start + max(at, 0)


def format_report(result: dict[str, Any]) -> str:
    rows = [[t, r["n"], r.get("right", 0), r.get("wrong", 0), r.get("none", 0), f"{r['accuracy']:.3f}"]
            for t, r in result["kinds"].items()]
    return (f"MEANTIME corpora: {', '.join(result['corpora'])} (named mentions heading a participant)\n"
            + format_table(["gold type", "n", "right", "wrong", "no kind", "accuracy"], rows))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventx.evaluate kinds", description=__doc__)
    parser.add_argument("--corpora", nargs="+", default=["airbus", "apple"])
    parser.add_argument("--model-dir", type=Path, default=None, help="model folder (default: bundled)")
    args = parser.parse_args(argv)
    from eventx.evaluate._parse_cache import evaluation_extractor

    print(format_report(evaluate_kinds(evaluation_extractor(model_dir=args.model_dir), args.corpora)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
