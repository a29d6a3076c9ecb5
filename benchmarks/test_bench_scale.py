"""Process-level scaling: ``extract_many(n_process=1 | 2)`` and ``eventx.dask`` on 1 | 2 workers.

Each benchmark is one pedantic round over the MEANTIME articles (``$EVENTX_BENCH_DOCS``
caps their number for a quick check), timed from a cold start: the worker processes
start and load their models inside the timing, because a corpus run pays for that too.
The speed-ups (2 vs 1) and a digest of the events (the same in every run of a group) go into ``extra_info``. On a machine with fewer free cores than
workers they are meaningless: run them on an otherwise idle machine.

    .venv/bin/python -m pytest benchmarks/test_bench_scale.py --benchmark-json build/bench_scale.json
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from typing import Any

import pytest

import eventx

pytestmark = [pytest.mark.model, pytest.mark.data]

#: The MEANTIME corpora read (as in test_bench_extract.py).
MEANTIME_CORPORA = ("airbus", "apple", "gm")
#: Worker counts compared.
WORKERS = (1, 2)

_SECONDS: dict[str, float] = {}


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[str | None]]:
    """The MEANTIME articles' texts and creation dates, sorted by file name."""
    from eventx.evaluate._matching import data_dir
    from eventx.evaluate._meantime import read_meantime_corpora

    base = data_dir() / "meantime"
    if not base.is_dir():
        pytest.skip(f"MEANTIME data not found at {base} (set EVENTX_DATA to the shared data folder)")
    limit = int(os.environ["EVENTX_BENCH_DOCS"]) if os.environ.get("EVENTX_BENCH_DOCS") else None
    docs = sorted(read_meantime_corpora(corpora=MEANTIME_CORPORA, limit=limit), key=lambda d: d.name)
    if not docs:
        pytest.skip(f"no MEANTIME articles under {base}")
    dates = [d.dct[:10] if d.dct and len(d.dct) >= 10 and d.dct[4] == "-" else None for d in docs]
    return [d.text for d in docs], dates


def _timed(benchmark: Any, key: str, fn: Any) -> Any:
    """One pedantic round of ``fn``; its result. Records the seconds under ``key``."""
    seconds: list[float] = []

    def run() -> Any:
        start = time.perf_counter()
        try:
            return fn()
        finally:
            seconds.append(time.perf_counter() - start)

    result = benchmark.pedantic(run, rounds=1, iterations=1, warmup_rounds=0)
    _SECONDS[key] = seconds[-1]
    benchmark.extra_info.update(seconds=round(seconds[-1], 2), cpu_count=os.cpu_count(),
                                load_average_1min=round(os.getloadavg()[0], 2))
    if os.environ.get("EVENTX_BENCH_DOCS"):
        benchmark.extra_info["docs_cap"] = int(os.environ["EVENTX_BENCH_DOCS"])
    return result


def _digest(rows: Any) -> str:
    """A short digest of the events, to show that every run gave the same ones."""
    return hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _speedup(benchmark: Any, prefix: str) -> None:
    one, two = _SECONDS.get(f"{prefix}1"), _SECONDS.get(f"{prefix}2")
    if one and two:
        benchmark.extra_info["speedup_2_vs_1"] = round(one / two, 3)


@pytest.mark.parametrize("n_process", WORKERS)
def test_bench_extract_many_processes(benchmark, corpus, n_process):
    """``Extractor().extract_many(n_process=k)`` over MEANTIME, models loaded inside the timing."""
    benchmark.group = "processes"
    texts, dates = corpus

    def run() -> list[Any]:
        return list(eventx.Extractor().extract_many(texts, reference_date=dates, n_process=n_process,
                                                    errors="record"))

    results = _timed(benchmark, f"processes{n_process}", run)
    assert len(results) == len(texts)
    assert not [r for r in results if isinstance(r, eventx.ExtractionError)]
    benchmark.extra_info["events_digest"] = _digest([{"id": i, **e.to_dict()} for i, r in enumerate(results) for e in r])
    benchmark.extra_info.update(documents=len(texts), n_process=n_process, events=sum(map(len, results)),
                                documents_per_s=round(len(texts) / _SECONDS[f"processes{n_process}"], 2))
    _speedup(benchmark, "processes")


@pytest.mark.parametrize("workers", WORKERS)
def test_bench_dask_workers(benchmark, corpus, workers):
    """``eventx.dask.extract_bag`` on a LocalCluster of k one-thread worker processes (cluster
    started outside the timing; the workers load their models inside it)."""
    pytest.importorskip("dask", reason="the dask extra is not installed")
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from eventx.dask import extract_bag

    benchmark.group = "dask"
    texts, dates = corpus
    records = [{"id": i, "text": t, "date": d} for i, (t, d) in enumerate(zip(texts, dates))]
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        bag = db.from_sequence(records, npartitions=4 * workers)
        rows = _timed(benchmark, f"dask{workers}", lambda: extract_bag(bag).compute())
    assert not [r for r in rows if "error" in r]
    benchmark.extra_info["events_digest"] = _digest(sorted(rows, key=lambda r: (r["id"], r["trigger"]["start"])))
    benchmark.extra_info.update(documents=len(texts), workers=workers, events=len(rows),
                                documents_per_s=round(len(texts) / _SECONDS[f"dask{workers}"], 2))
    _speedup(benchmark, "dask")
