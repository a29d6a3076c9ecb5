"""A/B speed of the exact speed-ups, interleaved in one process, with an identity check.

Usage::

    .venv/bin/python benchmarks/compare.py [--docs N] [--rounds R] [--variants a,b,...]

Each round runs every variant once over the same MEANTIME articles
(``Extractor.extract_many``), in turn, so a busy machine slows them alike; the report
gives each variant's median seconds, its ratio to the first variant, and whether its
events (``Event.to_dict()`` of every event of every article) are identical to the first
variant's. Variants:

* ``baseline`` — stanza's tree decoder, the entity tagger on every sentence;
* ``decoder`` — the compiled decoder (:mod:`eventx._parse._decoder`), entity tagger on every sentence;
* ``ner`` — stanza's decoder, the entity tagger only where needed (:mod:`eventx._parse._parsing`);
* ``both`` — the compiled decoder and the entity tagger only where needed (eventx's default).
* ``threads1`` / ``threads2`` — ``both`` with ``torch.set_num_threads(1 / 2)``;
* ``batch8`` / ``batch32`` / ``batch64`` — ``both`` with that ``extract_many`` batch size;
* ``exact`` — ``both`` with every exact speed-up of :mod:`eventx._parse._speedups` (eventx's
  default since they exist; ``both`` and the others above run without them);
* ``exact:NAME+NAME`` — ``both`` with only those speed-ups (``inference`` is
  ``torch.inference_mode``; the others are the patch names in ``_speedups.PATCHES``).

Times are CPU seconds (``time.process_time``, all threads of the process), the steadiest
measure on a shared machine, with wall seconds beside them; ``--threads 1`` sets
``torch.set_num_threads(1)`` first.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections.abc import Iterator
from typing import Any

MEANTIME_CORPORA = ("airbus", "apple", "gm")


@contextlib.contextmanager
def variant(extractor: Any, name: str) -> Iterator[int | None]:
    """Set ``extractor`` (and torch, stanza) up as variant ``name``; yields the batch size to use."""
    import torch

    from eventx._parse import _decoder, _speedups
    from eventx._parse._parsing import ALL, NEEDED

    threads = torch.get_num_threads()
    fast_decoder = name not in ("baseline", "ner")
    scope = ALL if name in ("baseline", "decoder") else NEEDED
    (_decoder.install if fast_decoder else _decoder.uninstall)()
    extractor._entity_scope = scope
    _speedups.uninstall()
    if name == "exact":
        _speedups.install()
    elif name.startswith("exact:"):
        _speedups.install(name.removeprefix("exact:").split("+"))
    _speedups.use_inference_mode = name == "exact" or "inference" in name.removeprefix("exact:").split("+")
    if name.startswith("threads"):
        torch.set_num_threads(int(name.removeprefix("threads")))
    try:
        yield int(name.removeprefix("batch")) if name.startswith("batch") else None
    finally:
        torch.set_num_threads(threads)
        _decoder.install()
        _speedups.install()
        _speedups.use_inference_mode = True
        extractor._entity_scope = NEEDED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=None, help="use only the first N MEANTIME articles")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default="baseline,decoder,ner,both,exact")
    parser.add_argument("--threads", type=int, default=None, help="torch.set_num_threads(N) first")
    args = parser.parse_args(argv)

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)

    import eventx
    from eventx._extractor import DEFAULT_BATCH_SIZE
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = sorted(read_meantime_corpora(corpora=MEANTIME_CORPORA, limit=args.docs), key=lambda d: d.name)
    texts = [d.text for d in docs]
    refs = [d.dct[:10] if d.dct and len(d.dct) >= 10 and d.dct[4] == "-" else None for d in docs]
    names = args.variants.split(",")
    extractor = eventx.Extractor()
    list(extractor.extract_many(texts[:2], reference_date=refs[:2]))  # load, warm up
    parsed = extractor._parse(texts)
    sentences = sum(len(d.sentences) for d in parsed)
    words = sum(len(s.words) for d in parsed for s in d.sentences)

    seconds: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, list[float]] = {n: [] for n in names}
    outputs: dict[str, list[Any]] = {}
    for _ in range(args.rounds):
        for name in names:
            with variant(extractor, name) as batch_size:
                start, start_cpu = time.perf_counter(), time.process_time()
                results = list(extractor.extract_many(texts, reference_date=refs,
                                                      batch_size=batch_size or DEFAULT_BATCH_SIZE))
                seconds[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
            outputs.setdefault(name, [[e.to_dict() for e in events] for events in results])

    first = names[0]
    base, base_cpu = statistics.median(seconds[first]), statistics.median(cpu[first])
    print(f"{len(texts)} MEANTIME articles, {sentences} sentences, {words} words; {args.rounds} interleaved rounds, "
          f"torch threads: {torch.get_num_threads()}\n")
    print("| variant | median CPU s | CPU ratio vs " + first + " | median wall s | sentences/s (wall) | "
          "wall ratio vs " + first + " | events identical |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in names:
        median, median_cpu = statistics.median(seconds[name]), statistics.median(cpu[name])
        same = "yes" if outputs[name] == outputs[first] else "**NO**"
        print(f"| {name} | {median_cpu:.2f} | {base_cpu / median_cpu:.3f}x | {median:.2f} | {sentences / median:.1f} | "
              f"{base / median:.3f}x | {same} |")
    print("\nall rounds, CPU s:", {n: [round(s, 2) for s in v] for n, v in cpu.items()})
    print("all rounds, wall s:", {n: [round(s, 2) for s in v] for n, v in seconds.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
