"""Cold start and memory, each round in a fresh Python process (no timing assertions).

The benchmark time is the whole child process (interpreter start included); the child
also measures itself with ``time.perf_counter`` and reports on stdout as JSON:

* ``import_s`` — ``import eventx``;
* ``load_s`` — ``eventx.Extractor().pipeline`` (imports stanza/torch, loads the models);
* ``cold_start_s`` — the two together (what ``report.py`` calls the cold start);
* ``peak_rss_mb_loaded`` / ``peak_rss_mb_after_extract`` — the child's peak resident
  set (``getrusage(RUSAGE_SELF).ru_maxrss``) after the load, and after extracting the
  seed article.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
SEED_DATE = "2025-02-17"
MARK = "EVENTX_BENCH_RESULT "

pytestmark = pytest.mark.model

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import eventx
t1 = time.perf_counter()
extractor = eventx.Extractor()
extractor.pipeline
t2 = time.perf_counter()

def peak_rss_mb():
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux

out = {"import_s": t1 - t0, "load_s": t2 - t1, "cold_start_s": t2 - t0, "peak_rss_mb_loaded": peak_rss_mb()}
if len(sys.argv) > 1:
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    events = extractor.extract(text, reference_date=sys.argv[2])
    t3 = time.perf_counter()
    out.update(first_extract_s=t3 - t2, total_s=t3 - t0, events=len(events), peak_rss_mb_after_extract=peak_rss_mb())
print(MARK + json.dumps(out))
""".replace("MARK", repr(MARK))


def _child(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=900)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(MARK)]
    if proc.returncode != 0 or not lines:
        pytest.fail(f"cold-start child failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1][len(MARK):])


def _summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean of the timings over the rounds, max of the peak RSS values."""
    info: dict[str, Any] = {"child_runs": len(runs)}
    for key in runs[0]:
        values = [r[key] for r in runs if r.get(key) is not None]
        if not values:
            info[key] = None
        elif key.startswith("peak_rss"):
            info[key] = round(max(values), 1)
        elif key.endswith("_s"):
            info[key] = round(sum(values) / len(values), 4)
        else:
            info[key] = values[-1]
    return info


def test_bench_cold_start(benchmark):
    """Fresh process: ``import eventx`` + first ``Extractor().pipeline`` load."""
    benchmark.group = "cold start"
    runs: list[dict[str, Any]] = []
    benchmark.pedantic(lambda: runs.append(_child()), rounds=3, iterations=1, warmup_rounds=0)
    benchmark.extra_info.update(_summarise(runs))


def test_bench_cold_first_extract(benchmark):
    """Fresh process: import + load + ``extract`` of the seed article (time to first result, peak RSS)."""
    benchmark.group = "cold start"
    runs: list[dict[str, Any]] = []
    benchmark.pedantic(lambda: runs.append(_child(str(SEED), SEED_DATE)), rounds=2, iterations=1, warmup_rounds=0)
    info = _summarise(runs)
    assert info["events"]
    benchmark.extra_info.update(info)
