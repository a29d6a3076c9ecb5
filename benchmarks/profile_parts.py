"""Where the end-to-end time goes: each stanza processor, the tree decoder, eventx's rules, the time layer.

Usage::

    .venv/bin/python benchmarks/profile_parts.py [--docs N] [--batch-size B] [--cprofile FILE] [--markdown FILE]

Runs :meth:`eventx.Extractor.extract_many` with one parse thread (``threads=1``: the timers add
up each part's time, which two parse threads would overlap) over the MEANTIME articles
(``$EVENTX_DATA/meantime``) once to warm up on a few articles, then once timed, with a wall-clock timer around each
processor's ``bulk_process``, around depparse's tree decoder (whatever
``stanza.models.depparse.model.chuliu_edmonds_one_root`` is at run time: stanza's own or
:mod:`eventx._parse._decoder`'s), around the time layer (``TimeTagger.tag``) and around eventx's
per-document stage (rules = that stage minus the time layer). It prints the table
"part | seconds | share of pipeline time". Timers, not cProfile, give the shares: the
profiler's per-call overhead would inflate the pure-Python parts (the decoder, the rules)
against torch's C++ kernels. ``--cprofile FILE`` also writes a cProfile dump of a second
run and prints its top functions, for digging further.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MEANTIME_CORPORA = ("airbus", "apple", "gm")
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")


def _timed(fn: Callable[..., Any], key: str, totals: dict[str, float], cpu: dict[str, float]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[key] += time.perf_counter() - start
            cpu[key] += time.process_time() - start_cpu

    return wrapper


class Instrumented:
    """Timers around the parts of one extractor, removed on exit."""

    def __init__(self, extractor: Any) -> None:
        self.extractor = extractor
        self.totals: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self._undo: list[Callable[[], None]] = []

    def _wrap(self, owner: Any, name: str, key: str) -> None:
        original = getattr(owner, name)
        had_own = name in vars(owner) if not isinstance(owner, type) else True
        setattr(owner, name, _timed(original, key, self.totals, self.cpu))
        self._undo.append(lambda: setattr(owner, name, original) if had_own else delattr(owner, name))

    def __enter__(self) -> Instrumented:
        import stanza.models.depparse.model as depparse_model

        from eventx import _extractor
        from eventx._time import TimeTagger

        for name, processor in self.extractor.pipeline.processors.items():
            self._wrap(processor, "bulk_process", name)
            self._wrap(processor, "process", name + " (direct)")
        self._wrap(depparse_model, "chuliu_edmonds_one_root", "decoder")
        self._wrap(TimeTagger, "tag", "time layer")
        self._wrap(_extractor.Extractor, "_document_events", "eventx stage")
        return self

    def __exit__(self, *exc: object) -> None:
        for undo in reversed(self._undo):
            undo()


def table(totals: dict[str, float], wall: float) -> list[tuple[str, float]]:
    """(part, seconds) rows: processors in pipeline order, the decoder inside depparse,
    eventx's rules (its stage less the time layer), the time layer, the rest."""
    rows: list[tuple[str, float]] = []
    for name in PROCESSORS:
        seconds = totals.get(name, 0.0) or totals.get(name + " (direct)", 0.0)
        if name == "depparse":
            rows.append(("depparse (network, batching)", seconds - totals.get("decoder", 0.0)))
            rows.append(("depparse: tree decoder", totals.get("decoder", 0.0)))
        else:
            rows.append((name, seconds))
    rows.append(("eventx rules", totals.get("eventx stage", 0.0) - totals.get("time layer", 0.0)))
    rows.append(("time layer", totals.get("time layer", 0.0)))
    rows.append(("other (document set-up, NER selection, glue)", wall - sum(s for _, s in rows)))
    return rows


def format_table(rows: list[tuple[str, float]], wall: float, sentences: int, words: int, header: str) -> str:
    lines = [header, "", "| part | seconds | share of pipeline time |", "|---|---:|---:|"]
    lines += [f"| {part} | {seconds:.2f} | {100 * seconds / wall:.1f} % |" for part, seconds in rows]
    lines.append(f"| **total (wall)** | **{wall:.2f}** | 100 % |")
    lines += ["", f"{sentences} sentences, {words} words: {sentences / wall:.1f} sentences/s, {words / wall:.0f} words/s."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=None, help="use only the first N MEANTIME articles")
    parser.add_argument("--batch-size", type=int, default=None, help="extract_many batch size (default: eventx's)")
    parser.add_argument("--cprofile", default=None, help="also write a cProfile dump of a second run to FILE")
    parser.add_argument("--markdown", default=None, help="also write the table to FILE (for the docs)")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch.set_num_threads(N) first (1 gives the steadiest CPU-time shares on a busy machine)")
    parser.add_argument("--entity-scope", choices=("needed", "all"), default="needed",
                        help="sentences the entity tagger reads (default: only where needed, as eventx does)")
    args = parser.parse_args(argv)

    import torch

    import eventx
    from eventx._extractor import DEFAULT_BATCH_SIZE

    if args.threads:
        torch.set_num_threads(args.threads)
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = sorted(read_meantime_corpora(corpora=MEANTIME_CORPORA, limit=args.docs), key=lambda d: d.name)
    if not docs:
        parser.error("no MEANTIME articles found (set EVENTX_DATA to the shared data folder)")
    texts = [d.text for d in docs]
    refs = [d.dct[:10] if d.dct and len(d.dct) >= 10 and d.dct[4] == "-" else None for d in docs]
    batch_size = args.batch_size or DEFAULT_BATCH_SIZE

    extractor = eventx.Extractor()
    extractor._entity_scope = args.entity_scope
    # one parse thread: the timers add up each part's time, which two threads would overlap
    many = functools.partial(extractor.extract_many, threads=1)
    list(many(texts[:2], reference_date=refs[:2]))  # load and warm up
    parsed: list[Any] = []
    parse = extractor._parse
    extractor._parse = lambda batch: parsed.extend(parse(batch)) or parsed[-len(batch):]  # type: ignore[method-assign]
    with Instrumented(extractor) as timers:
        start, start_cpu = time.perf_counter(), time.process_time()
        list(many(texts, reference_date=refs, batch_size=batch_size))
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    del extractor._parse
    sentences = sum(len(d.sentences) for d in parsed)
    words = sum(len(s.words) for d in parsed for s in d.sentences)
    from eventx._parse import _decoder

    header = (f"MEANTIME, {len(texts)} articles, `extract_many` batch size {batch_size}, "
              f"tree decoder: {_decoder.active_decoder()}, entity tagger: {args.entity_scope} sentences, "
              f"one parse thread, torch threads: {torch.get_num_threads()}")
    text = format_table(table(timers.totals, wall), wall, sentences, words, header)
    text += "\n\nCPU time (process_time, all threads):\n\n" + format_table(
        table(timers.cpu, cpu), cpu, sentences, words, header).split("\n", 2)[2].replace("(wall)", "(CPU)").replace(
        "sentences/s", "sentences per CPU second").replace("words/s", "words per CPU second")
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text + "\n", encoding="utf-8")

    if args.cprofile:
        profile = cProfile.Profile()
        profile.enable()
        list(many(texts, reference_date=refs, batch_size=batch_size))
        profile.disable()
        profile.dump_stats(args.cprofile)
        print(f"\ncProfile dump: {args.cprofile}; top 25 functions by own time:")
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
