"""eventx's own work (everything after the stanza parse), checked for identical output and timed.

Usage (parses from the evaluations' parse cache, so no stanza run once it is warm)::

    export EVENTX_DATA=../shared/data EVENTX_PARSE_CACHE=build/parse-cache
    .venv/bin/python benchmarks/rules_exact.py dump build/events-before.pkl
    ...  # a change meant to leave every event as it was
    .venv/bin/python benchmarks/rules_exact.py compare build/events-before.pkl
    .venv/bin/python benchmarks/rules_exact.py time 5

``dump`` writes the events of the 90 MEANTIME articles and of every English PLOVER record
(the ``Event`` objects, their ``to_dict()`` JSON and, for PLOVER types, their
``to_plover()`` record); ``compare`` extracts them again and exits 1, naming the texts,
if any differs. ``time N`` times ``Extractor._document_events`` (what
``extract_document`` runs on a parsed Document) over the MEANTIME articles, N rounds
in batches of 16 documents as ``extract_many`` holds them, and prints the CPU seconds
(``time.process_time``) of each round as JSON: the first round includes loading the
tables, later rounds are the steady state. ``time-actors N`` times only the actors across
the document (``resolve_actors``) on the same articles, its inputs captured from one run.
To compare two versions, run each in its own process, interleaved
(``PYTHONPATH=<a copy of src>``), and take medians.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from typing import Any

BATCH = 16


def _inputs(plover: bool = True) -> list[tuple[str, str | None]]:
    from eventx.evaluate._meantime import _reference_date, read_meantime_corpora
    from eventx.evaluate._plover import load_plover_records

    out = [(d.text, _reference_date(d.dct)) for d in read_meantime_corpora(None, ("airbus", "apple", "gm"), None)]
    if plover:
        out += [(r["text"], r["date"]) for r in load_plover_records()]
    return out


def _serialised(events: list[Any], text: str, date: str | None) -> list[str]:
    from eventx._outputs._plover_json import plover_category

    rows = []
    for e in events:
        rows.append(json.dumps(e.to_dict(), sort_keys=True, default=str))
        record = e.to_plover(text=text, date=date) if plover_category(e.type) else None
        rows.append(json.dumps(record, sort_keys=True, default=str))
    return rows


def _time(extractor: Any, rounds: int) -> list[float]:
    from eventx._time import coerce_reference_date

    items = _inputs(plover=False)
    references = [coerce_reference_date(d) for _, d in items]
    times = []
    for _ in range(rounds):
        total = 0.0
        for b in range(0, len(items), BATCH):
            docs = extractor._parse([t for t, _ in items[b:b + BATCH]])  # noqa: SLF001 - cached parses
            start = time.process_time()
            for (text, _), doc, reference in zip(items[b:b + BATCH], docs, references[b:b + BATCH]):
                extractor._document_events(doc, text, reference)  # noqa: SLF001 - eventx's work only
            total += time.process_time() - start
            del docs
        times.append(total)
    return times


def _time_actors(extractor: Any, rounds: int) -> list[float]:
    """CPU seconds of ``resolve_actors`` alone on the 90 MEANTIME articles, per round
    (its inputs captured from one run of eventx's work, outside the timing)."""
    from eventx import _extractor

    calls: list[tuple[Any, ...]] = []
    resolve = _extractor.resolve_actors

    def capture(*args: Any) -> Any:
        calls.append(args)
        return resolve(*args)

    _extractor.resolve_actors = capture  # type: ignore[assignment]
    try:
        _time(extractor, 1)
    finally:
        _extractor.resolve_actors = resolve  # type: ignore[assignment]
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for args in calls:
            resolve(*args)
        times.append(time.process_time() - start)
    return times


def main(argv: list[str]) -> int:
    from eventx.evaluate._parse_cache import evaluation_extractor

    if len(argv) < 2 or argv[0] not in ("dump", "compare", "time", "time-actors"):
        print(__doc__)
        return 2
    extractor = evaluation_extractor()
    if argv[0] in ("time", "time-actors"):
        print(json.dumps((_time if argv[0] == "time" else _time_actors)(extractor, int(argv[1]))))
        return 0
    items = _inputs()
    events = [extractor.extract(text, reference_date=date) for text, date in items]
    data = {"events": events, "json": [_serialised(e, t, d) for e, (t, d) in zip(events, items)]}
    print(f"{len(items)} texts, {sum(map(len, events))} events")
    if argv[0] == "dump":
        with open(argv[1], "wb") as fh:
            pickle.dump(data, fh)
        return 0
    with open(argv[1], "rb") as fh:
        before = pickle.load(fh)  # noqa: S301 - a file this script wrote
    differ = [i for i in range(len(items))
              if before["events"][i] != events[i] or before["json"][i] != data["json"][i]]
    print("identical" if not differ else f"differ in {len(differ)} texts: {differ[:20]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
