"""Time to the first result in fresh processes, two versions interleaved.

Usage::

    export EVENTX_DATA=../shared/data
    git archive HEAD src | tar -x -C /tmp/before    # the version to compare with
    .venv/bin/python benchmarks/first_extract.py 5 /tmp/before/src src

Each round starts one fresh process per source folder (``PYTHONPATH``), in turn, which
imports eventx, loads the pipeline and extracts the seed article, as
``test_bench_coldstart.py`` does; it reports the CPU seconds of the process
(``time.process_time``, all threads) and the wall seconds of each step: ``import``,
``load`` (``Extractor().pipeline``), ``first_extract`` (the seed article, a cold
process: stanza's first batches, eventx's tables, the gazetteer) and ``second_extract``
(the same article again: what the first costs beyond the steady state). Prints each
run as JSON, then the medians per folder.

``first_extract.py own 5 A B`` times eventx's own work only, without stanza and torch
(whose threads make CPU time noisy on a loaded machine): the seed article's parse is
read from the evaluations' parse cache (``EVENTX_PARSE_CACHE``, this checkout's models),
then ``first_extract`` is eventx's work on it in a fresh process (tables, gazetteer)
and ``second_extract`` the same again.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
SEED_DATE = "2025-02-17"
MARK = "EVENTX_FIRST_EXTRACT "

CHILD = r"""
import json, sys, time
clock = lambda: (time.process_time(), time.perf_counter())
marks = [clock()]
import eventx
marks.append(clock())
extractor = eventx.Extractor()
extractor.pipeline
marks.append(clock())
text = open(sys.argv[1], encoding="utf-8").read()
events = extractor.extract(text, reference_date=sys.argv[2])
marks.append(clock())
again = extractor.extract(text, reference_date=sys.argv[2])
marks.append(clock())
assert again == events
out = {"events": len(events)}
for i, step in enumerate(("import", "load", "first_extract", "second_extract")):
    out[step + "_cpu"] = marks[i + 1][0] - marks[i][0]
    out[step + "_wall"] = marks[i + 1][1] - marks[i][1]
print(MARK + json.dumps(out))
""".replace("MARK", repr(MARK))

#: eventx's own work only (``own`` mode): the seed article's parse read from the evaluations'
#: parse cache (``EVENTX_PARSE_CACHE``, the checkout's models), then eventx's work on it twice.
OWN_CHILD = r"""
import json, sys, time
from pathlib import Path
clock = lambda: (time.process_time(), time.perf_counter())
marks = [clock()]
import eventx
from eventx._time import coerce_reference_date
from eventx.evaluate._parse_cache import evaluation_extractor
marks.append(clock())
extractor = evaluation_extractor(model_dir=Path(sys.argv[3]))
text = open(sys.argv[1], encoding="utf-8").read()
doc = extractor._parse([text])[0]
reference = coerce_reference_date(sys.argv[2])
marks.append(clock())
events = extractor._document_events(doc, text, reference)
marks.append(clock())
again = extractor._document_events(doc, text, reference)
marks.append(clock())
assert again == events
out = {"events": len(events)}
for i, step in enumerate(("import", "parse_from_cache", "first_extract", "second_extract")):
    out[step + "_cpu"] = marks[i + 1][0] - marks[i][0]
    out[step + "_wall"] = marks[i + 1][1] - marks[i][1]
print(MARK + json.dumps(out))
""".replace("MARK", repr(MARK))
MODELS = Path(__file__).resolve().parents[1] / "src" / "eventx" / "models" / "en"


def run(src: str, own: bool = False) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    args = [OWN_CHILD, str(SEED), SEED_DATE, str(MODELS)] if own else [CHILD, str(SEED), SEED_DATE]
    proc = subprocess.run([sys.executable, "-c", *args], capture_output=True, text=True,
                          env=env, timeout=900, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(MARK)]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{src}: child failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1][len(MARK):])  # type: ignore[no-any-return]


def main(argv: list[str]) -> int:
    own = argv[:1] == ["own"]
    argv = argv[1:] if own else argv
    if len(argv) < 2 or not argv[0].isdigit():
        print(__doc__)
        return 2
    rounds, sources = int(argv[0]), argv[1:]
    runs: dict[str, list[dict[str, float]]] = {src: [] for src in sources}
    for r in range(rounds):
        for src in sources:
            result = run(src, own)
            runs[src].append(result)
            print(json.dumps({"round": r, "src": src, **{k: round(v, 3) for k, v in result.items()}}), flush=True)
    for src, results in runs.items():
        medians = {key: round(statistics.median(x[key] for x in results), 3) for key in results[0] if key != "events"}
        print(json.dumps({"src": src, "median_of": len(results), **medians}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
