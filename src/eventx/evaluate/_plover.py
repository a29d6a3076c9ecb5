"""Event-type and actor evaluation against the PLOVER gold-standard records.

Each English record is one sentence with a gold event type, source actors and
target actors.  The scorer runs an extractor on the sentence and checks that
the gold type is among the extracted types, and that an extracted event of that
type has a ``who`` (``whom``) matching a gold source (target).

The records are split by position into a fixed development part and a test
part (:func:`plover_part`): every third English record, positions 2, 5, 8, …
(0-based), is test.  Rules are tuned on dev misses only; the test part says
whether they generalise.  See ``docs/evaluation.md``.

Run: ``python -m eventx.evaluate plover [--part dev|test] [--misses misses.jsonl]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import data_dir, format_gap, format_table, ratio, text_match

__all__ = ["LEGACY_TYPES", "PARTS", "evaluate_plover", "format_report", "load_plover_records", "main",
           "plover_part"]

#: Labels of the GSR records and of draft manuals that PLOVER 18 renamed: the
#: records say FIGHT where PLOVER 18 says ASSAULT; the draft manual's REQUEST
#: and ACCUSE are PLOVER 18's DEMAND and DISAPPROVE.
LEGACY_TYPES: Mapping[str, str] = {
    "FIGHT": "ASSAULT",
    "REQUEST": "DEMAND",
    "ACCUSE": "DISAPPROVE",
}
DEFAULT_FILE = ("plover", "PLOVER_GSR_CAMEO.public.json")
#: The two fixed parts of the records: tune on ``dev``, report ``test``.
PARTS = ("dev", "test")
#: Every ``TEST_EVERY``-th record (the last of each run of three) is test.
TEST_EVERY = 3


def plover_part(position: int) -> str:
    """The part (``"dev"`` or ``"test"``) of the record at ``position``.

    ``position`` is the 0-based index of the record among the English event
    records in file order (the ``DOCUMENT`` record and other languages are not
    counted).  Positions 2, 5, 8, … (``position % 3 == 2``) are test, the rest
    dev: a rule fixed once, before any tuning, that spreads every type and
    every stretch of the file over both parts.

    Raises:
        ValueError: ``position`` is negative.
        TypeError: ``position`` is not an int.
    """
    if not isinstance(position, int) or isinstance(position, bool):
        raise TypeError(f"position must be an int, got {type(position).__name__}")
    if position < 0:
        raise ValueError(f"position must be >= 0, got {position}")
    return "test" if position % TEST_EVERY == TEST_EVERY - 1 else "dev"


def _actors(value: Any) -> list[str]:
    """The ``actorText`` strings of a source/target field (a list of dicts; some
    records hold ``""`` or a stray string instead, read as no actors)."""
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value
            if isinstance(a, dict) and str(a.get("actorText") or "").strip()]


def load_plover_records(
    path: str | Path | None = None, *, type_map: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The English event records (``DOCUMENT`` records and other languages are
    skipped), each as ``{"id", "position", "part", "text", "date", "gold_type",
    "original_type", "sources", "targets"}`` with the type mapped through
    ``type_map`` (default :data:`LEGACY_TYPES`) and the part from
    :func:`plover_part`."""
    path = Path(path) if path is not None else data_dir().joinpath(*DEFAULT_FILE)
    tmap = LEGACY_TYPES if type_map is None else type_map
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for r in records:
        event, text = r.get("event"), r.get("text")
        if not event or event == "DOCUMENT" or not text or r.get("language", "en") != "en":
            continue
        position = len(out)
        out.append({
            "id": r.get("id", ""), "position": position, "part": plover_part(position), "text": text, "date": r.get("date") or None,
            "gold_type": tmap.get(event, event), "original_type": event,
            "sources": _actors(r.get("source")), "targets": _actors(r.get("target")),
        })
    return out


def _summary(event: Any) -> dict[str, Any]:
    return {
        "type": event.type, "trigger": event.trigger.text,
        "who": [p.text for p in event.who], "whom": [p.text for p in event.whom],
        "negated": event.negated,
    }


def _new_counts() -> dict[str, int]:
    return dict.fromkeys(("records", "type_hit", "source_n", "source_hit",
                          "target_n", "target_hit"), 0)


def _rates(c: dict[str, Any]) -> dict[str, Any]:
    c["type_recall"] = ratio(c["type_hit"], c["records"])
    c["source_rate"] = ratio(c["source_hit"], c["source_n"])
    c["target_rate"] = ratio(c["target_hit"], c["target_n"])
    return c


def evaluate_plover(
    extract: Callable[[str, str | None], list[Any]],
    path: str | Path | None = None,
    *,
    limit: int | None = None,
    type_map: Mapping[str, str] | None = None,
    part: str | None = None,
) -> dict[str, Any]:
    """Score ``extract(text, reference_date) -> list[Event]`` on the PLOVER records.

    Per record: *type hit* when the gold type is among the extracted events'
    types; *source hit* (records with a source) when an extracted event of the
    gold type has a ``who`` participant whose text matches a gold source
    ``actorText`` (:func:`~eventx.evaluate._matching.text_match`); *target hit*
    likewise with ``whom`` and the targets (records with a target).

    ``part`` (``"dev"`` or ``"test"``, see :func:`plover_part`) scores only
    that part; ``None`` scores every record.  ``limit`` applies after it.

    Returns ``overall`` and ``per_type`` counts and rates, ``predicted_types``
    (how often each type was extracted), and ``misses``: one entry per record
    with any miss, holding the gold data and the extracted events.
    """
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)} or None, got {part!r}")
    records = load_plover_records(path, type_map=type_map)
    if part is not None:
        records = [r for r in records if r["part"] == part]
    if limit is not None:
        records = records[:limit]
    overall = _new_counts()
    per_type: dict[str, dict[str, Any]] = {}
    predicted_types: dict[str, int] = {}
    misses: list[dict[str, Any]] = []
    for rec in records:
        events = list(extract(rec["text"], rec["date"]))
        gold = rec["gold_type"]
        for e in events:
            key = str(e.type)
            predicted_types[key] = predicted_types.get(key, 0) + 1
        same = [e for e in events if e.type == gold]
        type_hit = bool(same)
        src_hit = any(text_match(p.text, s) for e in same for p in e.who for s in rec["sources"])
        tgt_hit = any(text_match(p.text, t) for e in same for p in e.whom for t in rec["targets"])
        row = per_type.setdefault(gold, _new_counts())
        missed = []
        for counts in (overall, row):
            counts["records"] += 1
            counts["type_hit"] += type_hit
            if rec["sources"]:
                counts["source_n"] += 1
                counts["source_hit"] += src_hit
            if rec["targets"]:
                counts["target_n"] += 1
                counts["target_hit"] += tgt_hit
        if not type_hit:
            missed.append("type")
        if rec["sources"] and not src_hit:
            missed.append("source")
        if rec["targets"] and not tgt_hit:
            missed.append("target")
        if missed:
            misses.append({**rec, "missed": missed, "events": [_summary(e) for e in events]})
    return {
        "part": part or "all",
        "records": len(records),
        "overall": _rates(overall),
        "per_type": {t: _rates(c) for t, c in sorted(per_type.items())},
        "predicted_types": dict(sorted(predicted_types.items())),
        "misses": misses,
    }


def format_report(result: dict[str, Any]) -> str:
    """The per-type table :func:`main` prints (overall last)."""
    headers = ["type", "records", "type hit", "type R", "src n", "src hit", "src rate",
               "tgt n", "tgt hit", "tgt rate"]

    def row(name: str, c: dict[str, Any]) -> list[Any]:
        return [name, c["records"], c["type_hit"], c["type_recall"], c["source_n"],
                c["source_hit"], c["source_rate"], c["target_n"], c["target_hit"],
                c["target_rate"]]

    rows = [row(t, c) for t, c in result["per_type"].items()]
    rows.append(row("ALL", result["overall"]))
    return format_table(headers, rows)


def format_split(dev: dict[str, Any], test: dict[str, Any]) -> str:
    """Dev, test and the gap (test - dev) for type recall, source and target."""
    d, t = dev["overall"], test["overall"]
    return format_gap([(name, d[key], t[key]) for name, key in (
        ("type recall", "type_recall"), ("source", "source_rate"), ("target", "target_rate"))])


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score the default :class:`eventx.Extractor` on PLOVER.

    By default both parts are scored: the dev part's per-type table, then
    dev, test and the gap.  ``--misses`` writes the misses of the dev part
    only (of the test part only with ``--part test``), so that rules are
    written from dev errors.
    """
    ap = argparse.ArgumentParser(prog="python -m eventx.evaluate plover", description=__doc__)
    ap.add_argument("--path", default=None, help="GSR JSON file (default "
                    "$EVENTX_DATA/plover/PLOVER_GSR_CAMEO.public.json)")
    ap.add_argument("--part", choices=PARTS, default=None,
                    help="score one part only (default: dev and test, and the gap)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records of each part")
    ap.add_argument("--misses", default=None, help="write the missed records here (JSON lines; "
                    "the dev part's unless --part test)")
    ap.add_argument("--json", default=None, help="also write the result dict to this file")
    args = ap.parse_args(argv)
    from eventx.evaluate._parse_cache import evaluation_extractor  # lazy: loading the models is slow

    ex = evaluation_extractor()

    def extract(text: str, date: str | None) -> list[Any]:
        return ex.extract(text, reference_date=date)

    parts = [args.part] if args.part else list(PARTS)
    results = {p: evaluate_plover(extract, args.path, limit=args.limit, part=p) for p in parts}
    shown = results[parts[0]]
    counts = " + ".join(f"{results[p]['records']} {p}" for p in parts)
    print(f"PLOVER records: {counts} "
          f"(test = every third record, positions 2, 5, 8, ...; legacy labels mapped: "
          f"{', '.join(f'{k}->{v}' for k, v in LEGACY_TYPES.items())})")
    print(f"\n[{parts[0]} part] per type")
    print(format_report(shown))
    print("predicted types:", ", ".join(f"{k} {v}" for k, v in shown["predicted_types"].items()))
    if len(parts) == 2:
        print("\n[dev / test]")
        print(format_split(results["dev"], results["test"]))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as fh:
            for miss in shown["misses"]:
                fh.write(json.dumps(miss, ensure_ascii=False) + "\n")
        print(f"{len(shown['misses'])} {parts[0]} records with misses written to {args.misses}")
    if args.json:
        Path(args.json).write_text(json.dumps(results if len(parts) == 2 else shown, indent=2),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
