"""The benchmark tooling that is not itself timed: the machine reference workload and
the report's use of its times (``benchmarks/machine_reference.py``, ``benchmarks/report.py``)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def tools(monkeypatch_module: pytest.MonkeyPatch):
    monkeypatch_module.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("machine_reference"), importlib.import_module("report")


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_reference_runs_and_times(tools):
    reference, _ = tools
    times = reference.measure(rounds=2)
    assert len(times) == 2 and all(t > 0 for t in times)


@pytest.mark.parametrize("bad", [0, -1])
def test_bad_arguments(tools, bad):
    reference, _ = tools
    with pytest.raises(ValueError):
        reference.measure(rounds=bad)


def _bench(name: str, mean: float, **extra: object) -> dict:
    return {"name": name, "group": "end to end", "stats": {"mean": mean, "stddev": 0.0, "rounds": 1},
            "extra_info": extra}


def test_report_shows_reference_median(tools):
    reference, report = tools
    slow = 3 * reference.BASELINE_S
    data = {"benchmarks": [_bench(report.MANY, 20.0, sentences=1000, machine_reference_s=[slow, slow, 99.0])]}
    rows = {figure: value for figure, value, _ in report.key_figures(data)}
    assert rows["end to end, extract_many over MEANTIME: sentences/s"] == "50.0"
    shown = [value for figure, value in rows.items() if figure.startswith("machine reference workload")]
    assert shown == [f"{slow:.3f} s"]  # the median of the three times
    assert f"machine reference {slow:.3f} s" in report.derived(data["benchmarks"][0])


def test_report_without_reference_has_no_reference_row(tools):
    _, report = tools
    data = {"benchmarks": [_bench(report.MANY, 20.0, sentences=1000)]}
    assert not any("machine reference" in figure for figure, _, _ in report.key_figures(data))


def teardown_module() -> None:
    for name in ("machine_reference", "report"):
        sys.modules.pop(name, None)
