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
* ``batch8`` / ``batch32`` / ``batch64`` — ``both`` with that ``extract_many`` batch size.
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

    from eventx._parse import _decoder
    from eventx._parse._parsing import ALL, NEEDED

    threads = torch.get_num_threads()
    fast_decoder = name not in ("baseline", "ner")
    scope = ALL if name in ("baseline", "decoder") else NEEDED
    (_decoder.install if fast_decoder else _decoder.uninstall)()
    extractor._entity_scope = scope
    if name.startswith("threads"):
        torch.set_num_threads(int(name.removeprefix("threads")))
    try:
        yield int(name.removeprefix("batch")) if name.startswith("batch") else None
    finally:
        torch.set_num_threads(threads)
        _decoder.install()
        extractor._entity_scope = NEEDED


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=None, help="use only the first N MEANTIME articles")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default="baseline,decoder,ner,both")
    args = parser.parse_args(argv)

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
    outputs: dict[str, list[Any]] = {}
    for _ in range(args.rounds):
        for name in names:
            with variant(extractor, name) as batch_size:
                start = time.perf_counter()
                results = list(extractor.extract_many(texts, reference_date=refs,
                                                      batch_size=batch_size or DEFAULT_BATCH_SIZE))
                seconds[name].append(time.perf_counter() - start)
            outputs.setdefault(name, [[e.to_dict() for e in events] for events in results])

    first = names[0]
    base = statistics.median(seconds[first])
    print(f"{len(texts)} MEANTIME articles, {sentences} sentences, {words} words; {args.rounds} interleaved rounds\n")
    print("| variant | median s | sentences/s | words/s | speed-up vs " + first + " | events identical |")
    print("|---|---:|---:|---:|---:|---|")
    for name in names:
        median = statistics.median(seconds[name])
        same = "yes" if outputs[name] == outputs[first] else "**NO**"
        print(f"| {name} | {median:.2f} | {sentences / median:.1f} | {words / median:.0f} | "
              f"{base / median:.2f}x | {same} |")
    print("\nall rounds (s):", {n: [round(s, 2) for s in v] for n, v in seconds.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
