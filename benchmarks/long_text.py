"""Peak memory on one very long text: chunked parsing keeps it bounded.

    python benchmarks/long_text.py [--mb 5] [--whole] [--every 30]

Builds a text of ``--mb`` megabytes (the seed article repeated, a blank line between
copies), loads the models, then runs ``Extractor.extract`` on it once. Prints the
resident set size after loading, then every ``--every`` seconds while it parses, and at
the end the peak (``getrusage(RUSAGE_SELF).ru_maxrss``), the time and the events.
``--whole`` parses the text in one stanza call, as eventx did before it cut long texts
into chunks (``eventx._parse._chunks.MAX_CHUNK_CHARS``), for comparison: memory then
grows with the text.
"""

from __future__ import annotations

import argparse
import resource
import sys
import threading
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_7d62ded530ff2750.txt"


def rss_mb() -> float:
    """The current resident set size, from ``/proc/self/status`` (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def long_text(megabytes: float) -> str:
    article = SEED.read_text(encoding="utf-8").strip()
    copies = int(megabytes * 1_000_000 / (len(article.encode("utf-8")) + 2)) + 1
    return "\n\n".join([article] * copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the text in megabytes (default 5)")
    parser.add_argument("--whole", action="store_true", help="one stanza call for the whole text (no chunks)")
    parser.add_argument("--every", type=float, default=30.0, help="seconds between RSS lines (default 30)")
    args = parser.parse_args(argv)

    import eventx
    from eventx._parse import _chunks

    if args.whole:
        _chunks.MAX_CHUNK_CHARS = sys.maxsize
        import eventx._extractor as extractor_module

        extractor_module.MAX_CHUNK_CHARS = sys.maxsize
    text = long_text(args.mb)
    extractor = eventx.Extractor()
    started = time.perf_counter()
    extractor.pipeline  # noqa: B018 - load the models before measuring the parse
    loaded = rss_mb()
    print(f"text: {len(text):,} characters ({len(text.encode('utf-8')) / 1e6:.2f} MB), "
          f"{'one stanza call' if args.whole else f'chunks of {_chunks.MAX_CHUNK_CHARS:,} characters'}", flush=True)
    print(f"models loaded in {time.perf_counter() - started:.1f} s: RSS {loaded:.0f} MB", flush=True)

    done = threading.Event()

    def report() -> None:
        t0 = time.perf_counter()
        while not done.wait(args.every):
            print(f"  {time.perf_counter() - t0:6.0f} s: RSS {rss_mb():.0f} MB, peak {peak_mb():.0f} MB", flush=True)

    threading.Thread(target=report, daemon=True).start()
    t0 = time.perf_counter()
    events = extractor.extract(text, reference_date="2025-02-17")
    done.set()
    print(f"done: {len(events):,} events in {time.perf_counter() - t0:.0f} s; RSS after loading {loaded:.0f} MB, "
          f"peak {peak_mb():.0f} MB, now {rss_mb():.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
