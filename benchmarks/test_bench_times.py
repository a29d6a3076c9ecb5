"""Speed of the time tagger (pytest-benchmark; no timing assertions)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventx._time import TimeTagger, extract_times

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_7d62ded530ff2750.txt"


def _data_dir() -> Path:
    return Path(os.environ.get("EVENTX_DATA", "../shared/data"))


def test_bench_extract_times_seed_article(benchmark):
    text = SEED.read_text(encoding="utf-8")
    extract_times(text, reference_date="2025-02-17")  # build the parser outside the timing
    tagger = TimeTagger(cache_size=0)  # no result cache: time the real work
    found = benchmark(tagger.tag, text, "2025-02-17")
    assert found  # the article mentions "the past week", "recent"...
    benchmark.extra_info["expressions"] = len(found)


def test_bench_extract_times_tempeval_document(benchmark):
    tml = _data_dir() / "tempeval3" / "TimeBank" / "wsj_0918.tml"
    if not tml.exists():
        pytest.skip(f"TempEval-3 data not found at {tml} (set EVENTX_DATA to the shared data folder)")
    from eventx.evaluate._tempeval import read_timeml

    doc = read_timeml(tml.read_text(encoding="utf-8"))
    tagger = TimeTagger(cache_size=0)
    found = benchmark(tagger.tag, doc.text, doc.dct)
    assert found
    benchmark.extra_info["expressions"] = len(found)
    benchmark.extra_info["characters"] = len(doc.text)
