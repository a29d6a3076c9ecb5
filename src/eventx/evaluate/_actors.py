"""Document actors: does "He" (or "Barra", "GM") resolve to the right person or organisation?

The gold (``actors_gold.json`` beside this module) lists 91 pronoun and short-name
mentions of actors in five MEANTIME ``gm`` articles, each with the fullest name the
article gives its actor. It was written by hand before the resolver existed and
the resolver was not tuned on it. For each gold mention the scorer takes the
actor mention :func:`eventx._actors._resolution.document_actors` finds at the same offset
(any mention of the document, not only event participants) and counts it right
when its ``canonical`` contains the gold name, case aside ("Mary Barra" in
"Mary Barra"; "General Motors" in "The United States's largest car manufacturer
General Motors"). A gold mention with no mention found at its offset is a miss.

Run: ``python -m eventx.evaluate actors [--model-dir DIR] [--show-errors]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import data_dir, format_table, ratio
from eventx.evaluate._meantime import read_meantime_document

__all__ = ["evaluate_actors", "load_gold"]

#: Gold mentions that are pronouns; the rest are short names ("Barra", "GM").
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"})


def load_gold() -> list[dict[str, Any]]:
    """The gold mentions: ``document``, ``mention``, ``start``, ``end``, ``canonical``."""
    path = resources.files("eventx.evaluate") / "actors_gold.json"
    return list(json.loads(path.read_text(encoding="utf-8"))["mentions"])


def evaluate_actors(extractor: Any, root: Path | None = None) -> dict[str, Any]:
    """Accuracy of ``canonical`` over the gold mentions, for pronouns, short names and all."""
    from eventx._actors._resolution import document_actors
    from eventx._graph import sentences_from_document

    root = root or data_dir() / "meantime" / "corpus_gm"
    gold = load_gold()
    names = sorted({g["document"] for g in gold})
    docs = [read_meantime_document(root / name, "gm") for name in names]
    started = time.perf_counter()
    parsed = extractor._parse([d.text for d in docs])
    parse_s = time.perf_counter() - started
    found: dict[str, list[Any]] = {}
    actors_s = 0.0
    for name, doc, stanza_doc in zip(names, docs, parsed):
        events = extractor.extract_document(stanza_doc)
        started = time.perf_counter()
        found[name] = document_actors(sentences_from_document(stanza_doc), doc.text, events)
        actors_s += time.perf_counter() - started
    counts: dict[str, Counter[str]] = {"pronoun": Counter(), "short name": Counter()}
    errors = []
    for g in gold:
        group = "pronoun" if g["mention"].lower() in PRONOUNS else "short name"
        at = [p for p in found[g["document"]] if p.start == g["start"]]
        exact = [p for p in at if p.end == g["end"]]
        p = (exact or at or [None])[0]
        if p is None:
            counts[group]["missed"] += 1
            errors.append((g, None))
        elif g["canonical"].lower() in (p.canonical or "").lower():
            counts[group]["right"] += 1
        else:
            counts[group]["wrong"] += 1
            errors.append((g, p.canonical))
    rows = {}
    for group, c in [*counts.items(), ("all", counts["pronoun"] + counts["short name"])]:
        n = sum(c.values())
        rows[group] = {"n": n, "right": c["right"], "wrong": c["wrong"], "missed": c["missed"],
                       "accuracy": ratio(c["right"], n)}
    return {"documents": len(names), "rows": rows, "errors": errors, "parse_s": parse_s, "actors_s": actors_s}


def format_report(result: dict[str, Any], show_errors: bool = False) -> str:
    rows = [[group, r["n"], r["right"], r["wrong"], r["missed"], f"{r['accuracy']:.3f}"]
            for group, r in result["rows"].items()]
    out = (f"MEANTIME gm, {result['documents']} articles, hand-written gold (pronoun and short-name actor mentions)\n"
           + format_table(["mentions", "n", "right", "wrong", "missed", "accuracy"], rows)
           + f"\nactor resolution {result['actors_s']:.2f} s for the documents (stanza parse {result['parse_s']:.1f} s)")
    if show_errors:
        out += "\n" + "\n".join(f"  {g['document'][:12]} {g['start']:5d} {g['mention']!r}: gold {g['canonical']!r}, "
                                f"got {got!r}" for g, got in result["errors"])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventx.evaluate actors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dir", type=Path, default=None, help="model folder (default: bundled)")
    parser.add_argument("--show-errors", action="store_true", help="list the mentions resolved wrongly")
    args = parser.parse_args(argv)
    from eventx.evaluate._parse_cache import evaluation_extractor

    print(format_report(evaluate_actors(evaluation_extractor(model_dir=args.model_dir)), args.show_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
