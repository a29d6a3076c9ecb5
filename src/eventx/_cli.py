"""The ``eventx`` command: print the events of files (or stdin), or fetch stanza's models."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from eventx._exceptions import EventxError
from eventx._types import Event

__all__ = ["main"]

FORMATS = ("jsonl", "json", "table")
TABLE_COLUMNS = ("doc", "sent", "type", "trigger", "who", "whom", "where", "when", "neg", "modality")


def _names(participants: Sequence[object]) -> str:
    return "; ".join(p.text for p in participants)  # type: ignore[attr-defined]


def _table_row(doc: str, event: Event) -> list[str]:
    return [doc, str(event.sentence), event.type or "-", event.trigger.text, _names(event.who), _names(event.whom),
            event.where.text if event.where else "", event.when.value if event.when else "",
            "yes" if event.negated else "", event.modality]


def write_events(results: list[tuple[str, list[Event]]], fmt: str, out: TextIO) -> None:
    """Write ``(document name, events)`` pairs in one of :data:`FORMATS`."""
    if fmt == "json":
        json.dump([{"document": name, "events": [e.to_dict() for e in evs]} for name, evs in results],
                  out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "jsonl":
        for name, events in results:
            for event in events:
                out.write(json.dumps({"document": name, **event.to_dict()}, ensure_ascii=False) + "\n")
    else:
        rows = [list(TABLE_COLUMNS)] + [_table_row(name, e) for name, evs in results for e in evs]
        widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(TABLE_COLUMNS))]
        for row in rows:
            out.write("  ".join(cell[:40].ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")


def _download(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eventx download",
                                     description="Fetch stanza's official English models (needs internet), "
                                                 "for use with Extractor(models='stanza').")
    parser.add_argument("--dir", default=None, help="stanza resources folder (default: stanza's own)")
    args = parser.parse_args(argv)
    import stanza

    kwargs = {"model_dir": args.dir} if args.dir else {}
    stanza.download("en", processors="tokenize,mwt,pos,lemma,depparse,ner", **kwargs)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``eventx`` and ``python -m eventx``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["download"]:
        return _download(argv[1:])
    parser = argparse.ArgumentParser(
        prog="eventx", description="Print the events (who did what to whom, where, when) of English news texts. "
                                   "`eventx download` fetches stanza's official models instead.")
    parser.add_argument("files", nargs="*", help="text files, one article each (default: stdin)")
    parser.add_argument("--reference-date", "-d", default=None, help="document date, e.g. 2025-02-17")
    parser.add_argument("--format", "-f", choices=FORMATS, default="table")
    parser.add_argument("--model-dir", default=None, help="folder of stanza models (default: bundled)")
    parser.add_argument("--stanza-models", action="store_true", help="use stanza's official English models")
    parser.add_argument("--ontology", default=None, help="ontology JSON file (default: PLOVER)")
    args = parser.parse_args(argv)

    from eventx._extractor import Extractor

    try:
        texts = [(name, open(name, encoding="utf-8").read()) for name in args.files] or [("-", sys.stdin.read())]
    except OSError as exc:
        parser.error(str(exc))
    try:
        extractor = Extractor(model_dir=args.model_dir, models="stanza" if args.stanza_models else "bundled",
                              ontology=args.ontology)
        results = list(zip([n for n, _ in texts],
                           extractor.extract_many([t for _, t in texts], reference_date=args.reference_date)))
    except (EventxError, ValueError, TypeError) as exc:
        print(f"eventx: error: {exc}", file=sys.stderr)
        return 2
    write_events(results, args.format, sys.stdout)
    return 0
