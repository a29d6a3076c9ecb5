"""Event-level evaluation against NewsReader MEANTIME (English, CAT XML).

The reader rebuilds each article's text from its tokens and maps the gold
annotation (event mentions, ``HAS_PARTICIPANT`` roles, ``TLINK`` anchors to
TIMEX3) onto character offsets of that text; the scorer runs an extractor on the
text and compares.  See ``docs/evaluation.md`` for the matching definition.

``airbus`` and ``apple`` are the development part, ``gm`` the test part; the
command scores both and prints the gap (test - dev).

Run: ``python -m eventx.evaluate meantime [--part dev|test] [--corpora ...] [--limit N]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import align_triggers, format_gap, format_table, overlap, prf, ratio
from eventx.evaluate._matching import data_dir as _data_dir
from eventx.evaluate._meantime_gold import (
    DEV_CORPORA,
    TEST_CORPORA,
    GoldArgument,
    GoldEvent,
    GoldTimex,
    MeantimeDoc,
    read_meantime_corpora,
    read_meantime_document,
)

__all__ = [
    "DEV_CORPORA", "TEST_CORPORA", "GoldArgument", "GoldEvent", "GoldTimex", "MeantimeDoc",
    "evaluate_meantime", "format_report", "format_split", "main", "meantime_statistics", "split_corpora",
    "read_meantime_corpora", "read_meantime_document",
]

SLOTS = ("who", "whom", "where", "when", "when_text")
#: Slots whose F1 the dev / test summary compares.
GAP_SLOTS = ("who", "whom", "where", "when")


def split_corpora(corpora: Sequence[str]) -> dict[str, list[str]]:
    """The requested corpora by part: ``{"dev": [...], "test": [...]}``, in the
    order given. :data:`DEV_CORPORA` are dev; every other corpus (``gm``, or
    one the maintainers hold back) is test, so nothing new is tuned on by
    accident. A part with no corpus is left out."""
    parts = {"dev": [c for c in corpora if c in DEV_CORPORA],
             "test": [c for c in corpora if c not in DEV_CORPORA]}
    return {name: names for name, names in parts.items() if names}


def _reference_date(dct: str | None) -> str | None:
    if dct and len(dct) >= 10 and dct[4] == "-" and dct[7] == "-":
        return dct[:10]
    return None


def _slot_hit(slot: str, g: GoldEvent, p: Any) -> tuple[bool, bool, bool]:
    """(gold has the slot, prediction has it, prediction matches gold)."""
    if slot in ("when", "when_text"):
        gold_vals = getattr(g, slot)
        pv = p.when.value if p.when is not None else None
        return bool(gold_vals), pv is not None, pv is not None and pv in gold_vals
    gold_args = getattr(g, slot)
    pred = p.where if slot == "where" else getattr(p, slot)
    pred = () if pred is None else (pred,) if slot == "where" else tuple(pred)
    hit = any(overlap(a.start, a.end, q.start, q.end) for a in gold_args for q in pred)
    return bool(gold_args), bool(pred), hit


def evaluate_meantime(
    extract: Callable[[str, str | None], list[Any]],
    data_dir: str | Path | None = None,
    *,
    corpora: Sequence[str] = DEV_CORPORA,
    limit: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    error_slots: Sequence[str] = ("who", "whom"),
) -> dict[str, Any]:
    """Score ``extract(text, reference_date) -> list[Event]`` on MEANTIME.

    With ``errors`` (a list), each matched event with a wrong slot among
    ``error_slots`` (missed, spurious or another phrase or value) is appended to it
    as a dict: the sentence, the trigger, ``wrong`` (those slots), and the gold and
    predicted phrases of *who*, *whom* and *where* and values of *when*.

    Returns a dict with ``corpora`` (those found), ``documents``, ``trigger``
    (recall, approximate precision in annotated sentences), ``slots`` (per slot
    gold/predicted/correct counts over matched events, P/R/F1, and
    ``recall_all`` over every gold event), ``negation`` and ``per_corpus``.
    """
    docs = read_meantime_corpora(data_dir, corpora, limit)
    zero = {"gold": 0, "predicted": 0, "correct": 0, "gold_all": 0}
    slots = {s: dict(zero) for s in SLOTS}
    trig = dict.fromkeys(("gold", "matched", "predicted", "predicted_annotated",
                          "matched_annotated", "typed_annotated", "typed_matched"), 0)
    neg = dict.fromkeys(("n", "correct", "gold_neg", "predicted_neg", "correct_neg"), 0)
    per_corpus: dict[str, dict[str, int]] = {}
    for doc in docs:
        predicted = list(extract(doc.text, _reference_date(doc.dct)))
        align = align_triggers([e.spans for e in doc.events],
                               [(p.trigger.start, p.trigger.end) for p in predicted])
        pc = per_corpus.setdefault(doc.corpus, {"documents": 0, "gold": 0, "matched": 0})
        pc["documents"] += 1
        pc["gold"] += len(doc.events)
        pc["matched"] += len(align)
        trig["gold"] += len(doc.events)
        trig["matched"] += len(align)
        trig["predicted"] += len(predicted)
        matched_preds = set(align.values())
        for pi, p in enumerate(predicted):
            if p.trigger.start < doc.annotated_end:
                trig["predicted_annotated"] += 1
                trig["matched_annotated"] += pi in matched_preds
                if p.type is not None:
                    trig["typed_annotated"] += 1
                    trig["typed_matched"] += pi in matched_preds
        for gi, g in enumerate(doc.events):
            for s in SLOTS:
                slots[s]["gold_all"] += bool(getattr(g, s))
            if gi not in align:
                continue
            p = predicted[align[gi]]
            wrong: list[str] = []
            for s in SLOTS:
                has_g, has_p, hit = _slot_hit(s, g, p)
                slots[s]["gold"] += has_g
                slots[s]["predicted"] += has_p
                slots[s]["correct"] += has_g and has_p and hit
                if s in error_slots and (has_g or has_p) and not (has_g and has_p and hit):
                    wrong.append(s)
            if wrong and errors is not None:
                errors.append({**_role_error(doc, g, p), "wrong": wrong})
            if g.polarity in ("POS", "NEG"):
                gneg, pneg = g.polarity == "NEG", bool(p.negated)
                neg["n"] += 1
                neg["correct"] += gneg == pneg
                neg["gold_neg"] += gneg
                neg["predicted_neg"] += pneg
                neg["correct_neg"] += gneg and pneg
    for counts in slots.values():
        counts.update(prf(counts["correct"], counts["predicted"], counts["gold"]))
        counts["recall_all"] = ratio(counts["correct"], counts["gold_all"])
    trig["recall"] = ratio(trig["matched"], trig["gold"])
    trig["precision_approx"] = ratio(trig["matched_annotated"], trig["predicted_annotated"])
    trig["f1_approx"] = prf(trig["matched_annotated"], trig["predicted_annotated"],
                            trig["gold"])["f1"] if trig["predicted_annotated"] else 0.0
    trig["typed_precision_approx"] = ratio(trig["typed_matched"], trig["typed_annotated"])
    neg["accuracy"] = ratio(neg["correct"], neg["n"])
    neg.update(prf(neg["correct_neg"], neg["predicted_neg"], neg["gold_neg"]))
    for pc in per_corpus.values():
        pc["recall"] = ratio(pc["matched"], pc["gold"])
    return {
        "corpora": sorted(per_corpus), "documents": len(docs), "trigger": trig,
        "slots": slots, "negation": neg, "per_corpus": per_corpus,
    }


def _role_error(doc: MeantimeDoc, gold: GoldEvent, predicted: Any) -> dict[str, Any]:
    """One matched event with a wrong slot, for the dev error dump."""
    stop = doc.text.rfind(". ", 0, predicted.trigger.start)
    start = max(stop + 2 if stop >= 0 else 0, doc.text.rfind("\n", 0, predicted.trigger.start) + 1)
    ends = [i for i in (doc.text.find(". ", predicted.trigger.end), doc.text.find("\n", predicted.trigger.end)) if i >= 0]
    return {
        "doc": doc.corpus, "sentence": doc.text[start:min(ends) + 1 if ends else None],
        "trigger": predicted.trigger.text, "type": predicted.type,
        "gold_who": [doc.text[a.start:a.end] for a in gold.who],
        "pred_who": [q.text for q in predicted.who],
        "gold_whom": [doc.text[a.start:a.end] for a in gold.whom],
        "pred_whom": [q.text for q in predicted.whom],
        "gold_where": [doc.text[a.start:a.end] for a in gold.where],
        "pred_where": [] if predicted.where is None else [predicted.where.text],
        "gold_when": list(gold.when),
        "pred_when": [] if predicted.when is None else [f"{predicted.when.text} = {predicted.when.value}"],
    }


def meantime_statistics(docs: Sequence[MeantimeDoc]) -> dict[str, dict[str, int]]:
    """Per-corpus counts of documents, gold events and events with each slot."""
    stats: dict[str, dict[str, int]] = {}
    for doc in docs:
        st = stats.setdefault(doc.corpus, dict.fromkeys(
            ("documents", "events", "neg", *SLOTS, "warnings"), 0))
        st["documents"] += 1
        st["events"] += len(doc.events)
        st["neg"] += sum(e.polarity == "NEG" for e in doc.events)
        st["warnings"] += len(doc.warnings)
        for s in SLOTS:
            st[s] += sum(bool(getattr(e, s)) for e in doc.events)
    return stats


def format_report(result: dict[str, Any]) -> str:
    """The tables :func:`main` prints."""
    t, n = result["trigger"], result["negation"]
    lines = [
        f"MEANTIME corpora: {', '.join(result['corpora']) or '(none found)'}; "
        f"documents: {result['documents']}",
        f"triggers: gold {t['gold']}, matched {t['matched']}, recall {t['recall']:.3f}",
        f"  approximate precision in annotated sentences: all {t['precision_approx']:.3f} "
        f"({t['matched_annotated']}/{t['predicted_annotated']}), typed "
        f"{t['typed_precision_approx']:.3f} ({t['typed_matched']}/{t['typed_annotated']})",
        "",
        format_table(
            ["slot (matched events)", "gold", "pred", "correct", "P", "R", "F1", "R(all gold)"],
            [[s, c["gold"], c["predicted"], c["correct"], c["precision"], c["recall"], c["f1"],
              c["recall_all"]] for s, c in result["slots"].items()],
        ),
        "",
        f"negation on {n['n']} matched POS/NEG events: accuracy {n['accuracy']:.3f}; "
        f"NEG P {n['precision']:.3f} R {n['recall']:.3f} F1 {n['f1']:.3f} "
        f"(gold NEG {n['gold_neg']}, predicted {n['predicted_neg']})",
    ]
    return "\n".join(lines)


def format_split(dev: dict[str, Any], test: dict[str, Any]) -> str:
    """Dev, test and the gap (test - dev): trigger recall and the slots' F1."""
    rows = [("trigger recall", dev["trigger"]["recall"], test["trigger"]["recall"])]
    rows += [(f"{s} F1", dev["slots"][s]["f1"], test["slots"][s]["f1"]) for s in GAP_SLOTS]
    return format_gap(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score the default :class:`eventx.Extractor` on MEANTIME.

    Scores the development part (airbus, apple) and the test part (gm) of the
    requested corpora separately, prints each, then dev, test and the gap.
    """
    ap = argparse.ArgumentParser(prog="python -m eventx.evaluate meantime", description=__doc__)
    ap.add_argument("--corpora", nargs="+", default=[*DEV_CORPORA, *TEST_CORPORA],
                    help="corpora to score (default: all; airbus apple are the development part, "
                         "gm and any other corpus the test part)")
    ap.add_argument("--part", choices=("dev", "test"), default=None,
                    help="score only the requested corpora of this part")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    ap.add_argument("--data-dir", default=None, help="shared data folder (default $EVENTX_DATA)")
    ap.add_argument("--json", default=None, help="also write the result dict to this file")
    ap.add_argument("--stats", action="store_true", help="print gold statistics only (no model)")
    ap.add_argument("--errors", default=None,
                    help="write the dev part's matched events with a wrong who or whom here (JSON lines; "
                         "never the test part's)")
    ap.add_argument("--error-slots", nargs="+", choices=GAP_SLOTS, default=["who", "whom"],
                    help="the slots --errors reports (default: who whom)")
    args = ap.parse_args(argv)
    corpora = [c for arg in args.corpora for c in arg.split(",") if c]
    parts = split_corpora(corpora)
    if args.part is not None:
        parts = {args.part: parts[args.part]} if args.part in parts else {}
    if not parts:
        ap.error(f"no {args.part} corpus among {' '.join(corpora)}")
    if args.stats:
        docs = read_meantime_corpora(args.data_dir, corpora, args.limit)
        stats = meantime_statistics(docs)
        print(format_table(["corpus", "documents", "events", "neg", *SLOTS, "warnings"],
                           [[c, *s.values()] for c, s in stats.items()]))
        return 0
    from eventx.evaluate._parse_cache import evaluation_extractor  # lazy: loading the models is slow

    ex = evaluation_extractor()
    base = _data_dir(args.data_dir) / "meantime"
    results: dict[str, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    for name, names in parts.items():
        results[name] = evaluate_meantime(lambda t, d: ex.extract(t, reference_date=d), args.data_dir,
                                          corpora=names, limit=args.limit,
                                          errors=errors if name == "dev" and args.errors else None,
                                          error_slots=args.error_slots)
        missing = [c for c in names if not (base / f"corpus_{c}").is_dir()]
        print(f"[{name} part] requested corpora: {' '.join(names)}"
              + (f"; not found under {base}: {' '.join(missing)}" if missing else ""))
        print(format_report(results[name]) + "\n")
    if len(results) == 2:
        print("[dev / test]")
        print(format_split(results["dev"], results["test"]))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.errors:
        Path(args.errors).write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
