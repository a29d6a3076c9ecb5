"""Soak test: run thousands of generated inputs through eventx and check that nothing crashes.

    python benchmarks/soak.py --examples 10000 [--seed N] [--processes K] [--batch-size B]
                              [--max-seconds S] [--out DIR]

The inputs come from the generators of ``tests/nasty.py`` (the ones the property suite
uses): seed-article sentences with nasty pieces put in, nasty pieces alone, arbitrary
Unicode. Each input goes through ``Extractor.extract_many`` (batched) and
``extract_times``; every span must satisfy ``text[start:end] == text`` and lie inside the
text. A batch that raises is rerun text by text to find the culprit. Each failing input is
saved to ``DIR/crash-<seed>-<n>.txt`` (the text, UTF-8 with surrogates escaped) with
``.json`` beside it (error, traceback, the text as a JSON string). Prints the count, the
crashes and the elapsed time; exits 1 when there were crashes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from nasty import random_example  # noqa: E402

REFERENCE = "2025-02-17"


def _check_span(text: str, span: Any, what: str) -> None:
    if not 0 <= span.start <= span.end <= len(text):
        raise AssertionError(f"{what} {span!r} out of range for a text of {len(text)} chars")
    if text[span.start:span.end] != span.text:
        raise AssertionError(f"{what} {span!r}: the text there is {text[span.start:span.end]!r}")


def check(text: str, events: list[Any], times: list[Any]) -> None:
    """Raise ``AssertionError`` when a span is not grounded in ``text``."""
    for event in events:
        spans = [("trigger", event.trigger), *(("who", p) for p in event.who), *(("whom", p) for p in event.whom)]
        spans += [(name, s) for name, s in (("where", event.where), ("when", event.when)) if s is not None]
        for what, span in spans:
            _check_span(text, span, what)
        event.to_dict()
    for t in times:
        _check_span(text, t, "time")


def _run_one(extractor: Any, text: str) -> str | None:
    """The error of one text (traceback), or ``None``."""
    import eventx

    try:
        events = extractor.extract(text, reference_date=REFERENCE)
        check(text, events, eventx.extract_times(text, reference_date=REFERENCE))
    except Exception:  # noqa: BLE001 - every failure is recorded with its input
        return traceback.format_exc()
    return None


def soak(texts: list[tuple[int, str]], batch_size: int, out: Path, seed: int, max_seconds: float | None = None,
         every: int = 256) -> tuple[int, list[tuple[int, str, str]]]:
    """Run ``(number, text)`` pairs; return how many ran and the ``(number, text, traceback)``
    failures. Each failure is saved to ``out`` at once, and a progress line printed every
    ``every`` inputs, so a run cut short still leaves its findings. Stops after the batch
    that passes ``max_seconds``."""
    import eventx

    extractor = eventx.Extractor()
    crashes: list[tuple[int, str, str]] = []
    started, done, shown = time.perf_counter(), 0, 0

    def crashed(number: int, text: str, error: str) -> None:
        crashes.append((number, text, error))
        path = save_crash(out, seed, number, text, error)
        print(f"CRASH #{number} {text[:60]!r} -> {path}\n    {error.strip().splitlines()[-1]}", flush=True)

    for at in range(0, len(texts), batch_size):
        batch = texts[at:at + batch_size]
        try:
            results = list(extractor.extract_many([t for _, t in batch], reference_date=REFERENCE,
                                                  batch_size=batch_size))
            for (number, text), events in zip(batch, results):
                try:
                    check(text, events, eventx.extract_times(text, reference_date=REFERENCE))
                except Exception:  # noqa: BLE001
                    crashed(number, text, traceback.format_exc())
        except Exception:  # noqa: BLE001 - find the text that broke the batch
            for number, text in batch:
                error = _run_one(extractor, text)
                if error is not None:
                    crashed(number, text, error)
        done += len(batch)
        if max_seconds is not None and time.perf_counter() - started > max_seconds:
            print(f"  time limit: stopped after {done}/{len(texts)} inputs", flush=True)
            break
        if done - shown >= every:
            shown = done
            elapsed = time.perf_counter() - started
            print(f"  {done}/{len(texts)} inputs, {len(crashes)} crashes, {elapsed:.0f} s", flush=True)
    return done, crashes


def _soak_part(args: tuple[list[tuple[int, str]], int, Path, int, float | None]) -> tuple[int, list[tuple[int, str, str]]]:
    import torch

    torch.set_num_threads(1)  # k processes share the cores
    return soak(*args)


def save_crash(out: Path, seed: int, number: int, text: str, error: str) -> Path:
    """Write the failing input (and its error) to ``out``; return the text file's path."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"crash-{seed}-{number}.txt"
    path.write_text(text, encoding="utf-8", errors="backslashreplace")
    path.with_suffix(".json").write_text(json.dumps({"seed": seed, "number": number, "text": text,
                                                     "error": error}, ensure_ascii=True, indent=1))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000, help="inputs to generate (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--processes", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per stanza batch (default 32)")
    parser.add_argument("--max-seconds", type=float, default=None,
                        help="stop (after the current batch) once this many seconds have passed")
    parser.add_argument("--out", type=Path, default=Path("build/soak"), help="folder for crash inputs")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    texts = [(n, random_example(rng)) for n in range(args.examples)]
    chars = sum(len(t) for _, t in texts)
    print(f"soak: {len(texts)} inputs ({chars} characters), seed {args.seed}, {args.processes} process(es)",
          flush=True)
    started = time.perf_counter()
    if args.processes > 1:
        parts = [(texts[i::args.processes], args.batch_size, args.out, args.seed, args.max_seconds)
                 for i in range(args.processes)]
        with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
            results = pool.map(_soak_part, parts)
    else:
        results = [soak(texts, args.batch_size, args.out, args.seed, args.max_seconds)]
    elapsed = time.perf_counter() - started
    count = sum(n for n, _ in results)
    crashes = sorted((c for _, part in results for c in part), key=lambda c: c[0])
    for number, text, _ in crashes:
        print(f"crash #{number}: {text[:60]!r} ({args.out}/crash-{args.seed}-{number}.txt)")
    print(f"soak: {count} inputs, {len(crashes)} crashes, {elapsed:.1f} s ({count / elapsed:.1f} inputs/s)")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
