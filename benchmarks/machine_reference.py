"""A fixed workload that says how fast the machine is *right now*.

The corpus benchmarks run on shared virtual machines whose speed changes by a factor of
three within hours (the same code gave 100.5, 55.7 and 32.8 MEANTIME sentences/s in
three ``make bench`` runs of one day), so a throughput figure alone cannot tell a
faster eventx from a faster hour. This workload does not depend on eventx: a
bidirectional LSTM and a linear layer in torch (the kind of work that is ~80 % of the
stanza parse) and a pure-Python loop over dicts and strings (the kind of work eventx's
own rules do), fixed sizes, fixed seed, torch's thread setting left as the pipeline
has it. ``test_bench_extract.py`` runs it before and after each round of the corpus benchmarks
(outside the timing) and records its times; ``report.py`` shows their median next to
the throughput and :data:`BASELINE_S`, the workload's time on the idle development
machine. It shows contention for the CPU (another job on the 2 cores: 0.5-7 s instead
of 0.2); it did not show the slow phase of the 2026-12-03 06:30 run (0.23 s while the
parse ran 1.8x slower than at 02:10, eventx's pure-Python rules 2.4x), which a small
workload that stays in the CPU caches does not feel: read it as "was the machine
busy", not as a conversion factor.

Run alone before an A/B measurement to see the machine's state::

    .venv/bin/python benchmarks/machine_reference.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

#: Seconds the workload took on the idle 2-core development VM (the lowest median of
#: ``machine_reference.py --rounds 5`` seen, 2026-12-03).
BASELINE_S = 0.18
#: Share of the workload's time spent in torch (the rest is the Python loop), chosen
#: near the stanza networks' share of the parse.
TORCH_SHARE = 0.8


def _torch_part(repeats: int) -> None:
    import torch

    gen = torch.Generator().manual_seed(0)
    lstm = torch.nn.LSTM(100, 200, bidirectional=True, batch_first=True)
    linear = torch.nn.Linear(400, 400)
    x = torch.randn(16, 40, 100, generator=gen)
    with torch.no_grad():
        for _ in range(repeats):
            out, _ = lstm(x)
            linear(out).relu_()


def _python_part(repeats: int) -> int:
    words = [f"w{i % 997}" for i in range(5000)]
    total = 0
    for _ in range(repeats):
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
            if word.endswith("7") and word.startswith("w1"):
                total += len(word)
        total += len(counts)
    return total


def run_once() -> float:
    """Wall seconds of one run of the workload (about :data:`BASELINE_S` on a fast machine)."""
    start = time.perf_counter()
    _torch_part(12)
    _python_part(60)
    return time.perf_counter() - start


def measure(rounds: int = 3) -> list[float]:
    """``rounds`` runs of the workload after one untimed warm-up run (torch's first call
    allocates and picks kernels)."""
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    run_once()
    return [run_once() for _ in range(rounds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    times = measure(args.rounds)
    median = statistics.median(times)
    print(f"machine reference: median {median:.3f} s over {len(times)} rounds "
          f"({', '.join(f'{t:.3f}' for t in times)}); baseline {BASELINE_S:.3f} s: "
          f"{median / BASELINE_S:.2f}x the idle VM's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
