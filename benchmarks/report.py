"""Turn a pytest-benchmark JSON file into ``docs/_generated/performance.md`` and ``.png``.

Usage::

    .venv/bin/python benchmarks/report.py [build/benchmarks.json] [--out docs/_generated]

The derived figures (throughput, eventx's share of the parse time, batching speed-up,
cold start, peak RSS, ms per time expression) are computed from the means in the JSON
and the counts the benchmarks put in ``extra_info``; a figure whose benchmarks are not
in the file is shown as "n/a".
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path
from typing import Any

from machine_reference import BASELINE_S

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "build" / "benchmarks.json"
DEFAULT_OUT = ROOT / "docs" / "_generated"

#: Benchmark names (test function names) the key figures are computed from.
SEED = "test_bench_extract_seed_article"
MANY = "test_bench_extract_many_meantime"
PARSE = "test_bench_stanza_parse_meantime"
EXTRACT_DOC = "test_bench_extract_document_meantime"
BATCHED = "test_bench_batching_extract_many"
ONE_BY_ONE = "test_bench_batching_one_by_one"
COLD = "test_bench_cold_start"
COLD_EXTRACT = "test_bench_cold_first_extract"
TIMES = ("test_bench_extract_times_seed_article", "test_bench_extract_times_tempeval_document")

#: Display order of the benchmark groups (others after them, no group last).
GROUP_ORDER = ("end to end", "eventx share", "batching", "cold start")
SHARE_GOAL_PCT = 5.0
#: End-to-end goal over MEANTIME on 2 cores (issue 13).
THROUGHPUT_GOAL = 100.0


# -- formatting ----------------------------------------------------------------------


def fmt_seconds(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if value == 0:
        return "0 s"
    if value < 1e-3:
        return f"{value * 1e6:.1f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def fmt_number(value: float | None, digits: int = 1, unit: str = "") -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def _short(name: str) -> str:
    return name.removeprefix("test_bench_")


# -- derived figures -----------------------------------------------------------------


def _group(bench: dict[str, Any]) -> str:
    return bench.get("group") or "time layer"


def _ordered(data: dict[str, Any]) -> list[dict[str, Any]]:
    def key(b: dict[str, Any]) -> tuple[int, str, str]:
        group = _group(b)
        return (GROUP_ORDER.index(group) if group in GROUP_ORDER else len(GROUP_ORDER), group, b["name"])

    return sorted(data.get("benchmarks", []), key=key)


def _index(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["name"]: b for b in data.get("benchmarks", [])}


def _mean(bench: dict[str, Any] | None) -> float | None:
    return bench["stats"]["mean"] if bench else None


def _info(bench: dict[str, Any] | None, key: str) -> Any:
    return (bench or {}).get("extra_info", {}).get(key)


def _rate(bench: dict[str, Any] | None, key: str) -> float | None:
    """``extra_info[key]`` per second of the benchmark's mean."""
    count, mean = _info(bench, key), _mean(bench)
    return count / mean if count is not None and mean else None


def _reference(bench: dict[str, Any] | None) -> float | None:
    """Median seconds of the machine reference workload run before and after each of the benchmark's rounds."""
    times = _info(bench, "machine_reference_s")
    return statistics.median(times) if times else None


def derived(bench: dict[str, Any]) -> list[str]:
    """The derived figures of one benchmark, as short "label value" strings."""
    name, mean, out = bench["name"], _mean(bench), []
    if _rate(bench, "sentences") is not None:
        out.append(f"{_rate(bench, 'sentences'):,.1f} sentences/s")
    if _rate(bench, "words") is not None:
        out.append(f"{_rate(bench, 'words'):,.0f} words/s")
    if _rate(bench, "events") is not None and name not in (*TIMES, COLD, COLD_EXTRACT):
        out.append(f"{_rate(bench, 'events'):,.1f} events/s")
    if _reference(bench) is not None:
        out.append(f"machine reference {_reference(bench):.3f} s")
    if name in (BATCHED, ONE_BY_ONE) and _rate(bench, "documents") is not None:
        out.append(f"{_rate(bench, 'documents'):,.2f} articles/s")
    if name in TIMES and _info(bench, "expressions") and mean:
        out.append(f"{mean * 1e3 / _info(bench, 'expressions'):.2f} ms per time expression")
    if name in (COLD, COLD_EXTRACT):
        if _info(bench, "cold_start_s") is not None:
            out.append(f"import + load {_info(bench, 'cold_start_s'):.2f} s "
                       f"(import {_info(bench, 'import_s'):.2f} s)")
        if _info(bench, "first_extract_s") is not None:
            out.append(f"first extract {_info(bench, 'first_extract_s'):.2f} s")
        for key, label in (("peak_rss_mb_loaded", "peak RSS loaded"),
                           ("peak_rss_mb_after_extract", "peak RSS after extract")):
            if _info(bench, key) is not None:
                out.append(f"{label} {_info(bench, key):,.0f} MB")
    return out


def key_figures(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(figure, value, goal) rows of the summary table."""
    b = _index(data)
    rows: list[tuple[str, str, str]] = []

    share = None
    if _mean(b.get(PARSE)) and _mean(b.get(EXTRACT_DOC)) is not None:
        share = 100 * _mean(b[EXTRACT_DOC]) / _mean(b[PARSE])
    rows.append(("eventx share of the stanza parse time (MEANTIME)", fmt_number(share, 2, " %"),
                 _goal(share is not None and share <= SHARE_GOAL_PCT, share, f"≤ {SHARE_GOAL_PCT:g} %")))

    speedup = None
    if _mean(b.get(BATCHED)) and _mean(b.get(ONE_BY_ONE)) is not None:
        speedup = _mean(b[ONE_BY_ONE]) / _mean(b[BATCHED])
    rows.append((f"batching speed-up, extract_many vs extract ({_info(b.get(BATCHED), 'documents') or 100} articles)",
                 fmt_number(speedup, 2, "x"), ""))

    for bench, label in ((b.get(MANY), "end to end, extract_many over MEANTIME"),
                         (b.get(SEED), "end to end, extract on the seed article")):
        rate = _rate(bench, "sentences")
        goal = "" if bench is not b.get(MANY) else _goal(rate is not None and rate >= THROUGHPUT_GOAL, rate,
                                                           f"≥ {THROUGHPUT_GOAL:g} on 2 cores")
        rows.append((f"{label}: sentences/s", fmt_number(rate), goal))
        rows.append((f"{label}: words/s", fmt_number(_rate(bench, "words"), 0), ""))
        rows.append((f"{label}: events/s", fmt_number(_rate(bench, "events")), ""))
    many_reference = _reference(b.get(MANY))
    if many_reference is not None:
        rows.append(("machine reference workload around the extract_many rounds (median; `benchmarks/machine_reference.py`)",
                     f"{many_reference:.3f} s", f"{BASELINE_S:g} s on the idle development VM"))
    rows.append(("eventx alone (extract_document): sentences/s", fmt_number(_rate(b.get(EXTRACT_DOC), "sentences")), ""))

    cold = b.get(COLD)
    rows.append(("cold start: import eventx + first pipeline load", _fmt_s(_info(cold, "cold_start_s")), ""))
    rows.append(("… of which import eventx", _fmt_s(_info(cold, "import_s")), ""))
    rows.append(("time to first result (fresh process, seed article, in-process timing)",
                 _fmt_s(_info(b.get(COLD_EXTRACT), "total_s")), ""))
    rows.append(("peak RSS after the pipeline load", fmt_number(_info(cold, "peak_rss_mb_loaded"), 0, " MB"), ""))
    rows.append(("peak RSS after extracting the seed article",
                 fmt_number(_info(b.get(COLD_EXTRACT), "peak_rss_mb_after_extract"), 0, " MB"), ""))

    for name, label in zip(TIMES, ("seed article", "TempEval-3 wsj_0918")):
        bench = b.get(name)
        per = _mean(bench) * 1e3 / _info(bench, "expressions") if bench and _info(bench, "expressions") else None
        rows.append((f"time normalisation alone, {label}: ms per time expression", fmt_number(per, 2), ""))
    return rows


def _fmt_s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _goal(met: bool, value: float | None, goal: str) -> str:
    if value is None:
        return goal
    return f"{goal} — {'met' if met else 'not met'}"


# -- Markdown --------------------------------------------------------------------------


def machine_lines(data: dict[str, Any]) -> list[str]:
    machine = data.get("machine_info", {})
    cpu = machine.get("cpu", {}) or {}
    commit = data.get("commit_info", {}) or {}
    brand = cpu.get("brand_raw") or machine.get("processor") or "unknown"
    lines = [
        f"- CPU: {brand} ({machine.get('machine', '?')})",
        f"- cores: {cpu.get('count', '?')}",
        f"- Python: {machine.get('python_implementation', '')} {machine.get('python_version', '?')} "
        f"on {machine.get('system', '?')} {machine.get('release', '')}".rstrip(),
        f"- date: {data.get('datetime', '?')}",
        f"- pytest-benchmark: {data.get('version', '?')}",
    ]
    if commit.get("id"):
        lines.append(f"- commit: {commit['id'][:12]}{' (uncommitted changes)' if commit.get('dirty') else ''}")
    return lines


def markdown(data: dict[str, Any], source: str) -> str:
    benches = _ordered(data)
    caps = {str(_info(b, "docs_cap")) for b in benches if _info(b, "docs_cap") is not None}
    # no top-level heading: docs/performance.md includes this under its own, and a
    # second H1 would give the page a second entry in the sidebar
    out = [
        f"Generated by `benchmarks/report.py` from `{source}` — do not edit by hand.",
        "Means are wall-clock seconds per call; see `benchmarks/README.md` for what each",
        "benchmark measures and how to rerun them.",
        "",
    ]
    if caps:
        out += [f"> **Quick-check run** (`EVENTX_BENCH_DOCS={', '.join(sorted(caps))}`): only part of MEANTIME "
                "was used; these numbers are not comparable with a full run.", ""]
    out += ["### Machine", "", *machine_lines(data), "", "### Key figures", "",
            "| figure | value | goal |", "|---|---:|---|"]
    out += [f"| {figure} | {value} | {goal} |" for figure, value, goal in key_figures(data)]
    out += ["", "### Benchmarks", "", "| group | benchmark | mean | stddev | rounds | derived |",
            "|---|---|---:|---:|---:|---|"]
    for b in benches:
        s = b["stats"]
        out.append(f"| {_group(b)} | `{_short(b['name'])}` | {fmt_seconds(s['mean'])} | "
                   f"{fmt_seconds(s['stddev'])} | {s['rounds']} | {'; '.join(derived(b)) or ''} |")
    # the plot is shown by docs/performance.md itself: an image link here would resolve
    # against the including page's folder, not this file's
    return "\n".join(out) + "\n"


# -- chart -------------------------------------------------------------------------------


def chart(data: dict[str, Any], path: Path) -> bool:
    """Bar chart: mean seconds per benchmark (log scale, stddev as error bars) and
    sentences/s of those that report sentences.  ``False`` when matplotlib is missing."""
    try:
        import matplotlib
    except ImportError:
        print("matplotlib is not installed (pip install 'eventx-nlp[bench]'): no chart written", file=sys.stderr)
        return False
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    benches = _ordered(data)
    if not benches:
        return False
    groups = list(dict.fromkeys(_group(b) for b in benches))
    colours = {g: plt.get_cmap("tab10")(i % 10) for i, g in enumerate(groups)}
    throughput = [(b, _rate(b, "sentences")) for b in benches if _rate(b, "sentences")]

    fig, axes = plt.subplots(1, 2 if throughput else 1, figsize=(13 if throughput else 8, 0.45 * len(benches) + 1.8),
                             squeeze=False)
    ax = axes[0][0]
    names = [_short(b["name"]) for b in benches]
    means = [b["stats"]["mean"] for b in benches]
    errors = [b["stats"]["stddev"] for b in benches]
    ax.barh(names, means, xerr=errors, color=[colours[_group(b)] for b in benches], capsize=3)
    ax.set_xscale("log")
    ax.set_xlim(min(means) / 3, max(m + e for m, e in zip(means, errors)) * 8)
    ax.set_xlabel("mean seconds per call (log scale)")
    ax.invert_yaxis()
    ax.set_title("Time per benchmark")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colours[g]) for g in groups]
    ax.legend(handles, groups, loc="best", fontsize="small")
    for y, (mean, error) in enumerate(zip(means, errors)):
        ax.annotate(fmt_seconds(mean), (mean + error, y), xytext=(5, 0), textcoords="offset points",
                    va="center", fontsize="x-small")
    if throughput:
        ax2 = axes[0][1]
        ax2.barh([_short(b["name"]) for b, _ in throughput], [r for _, r in throughput],
                 color=[colours[_group(b)] for b, _ in throughput])
        ax2.set_xscale("log")
        ax2.invert_yaxis()
        ax2.set_xlabel("sentences per second (log scale)")
        for y, (_, r) in enumerate(throughput):
            ax2.annotate(f"{r:,.1f}", (r, y), xytext=(5, 0), textcoords="offset points", va="center", fontsize="x-small")
        ax2.set_xlim(min(r for _, r in throughput) / 3, max(r for _, r in throughput) * 8)
        ax2.set_title("Throughput")
    machine = data.get("machine_info", {})
    cpu = (machine.get("cpu") or {}).get("brand_raw") or machine.get("processor") or ""
    fig.suptitle(f"eventx benchmarks — {cpu} ({(machine.get('cpu') or {}).get('count', '?')} cores), "
                 f"{data.get('datetime', '')[:19]}", fontsize="medium")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", nargs="?", default=str(DEFAULT_JSON), help="pytest-benchmark JSON (default %(default)s)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default %(default)s)")
    args = parser.parse_args(argv)
    source = Path(args.json)
    if not source.is_file():
        parser.error(f"{source} not found; run `pytest benchmarks --benchmark-only --benchmark-json={source}` first")
    data = json.loads(source.read_text(encoding="utf-8"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    png = out / "performance.png"
    has_png = chart(data, png)
    try:
        shown = source.resolve().relative_to(ROOT)
    except ValueError:
        shown = source
    md = out / "performance.md"
    md.write_text(markdown(data, str(shown)), encoding="utf-8")
    print(f"wrote {md}" + (f" and {png}" if has_png else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
