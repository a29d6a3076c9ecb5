"""Speed of event extraction (pytest-benchmark; timings are recorded, never asserted).

* end to end: ``Extractor.extract`` on the seed article, ``extract_many`` over MEANTIME;
* eventx's own share: ``extract_document`` on parsed MEANTIME articles vs the stanza
  parse of the same articles (goal: eventx ≤ 5 % of the parse time);
* batching: ``extract_many`` vs one ``extract`` call per article over 100 articles.

Before and after each round of the end-to-end and parse benchmarks, outside their
timing, the fixed workload of ``machine_reference.py`` runs and its times go to
``extra_info["machine_reference_s"]``: the machine's speed at that moment, which
``report.py`` shows beside the throughput.

Derived numbers (sentences/s, events/s, ratios) go to ``extra_info``;
``benchmarks/report.py`` turns the JSON into ``docs/_generated/performance.md``.
The stanza pipeline, the MEANTIME articles and their parses are built once per
module, outside the timed code.  (No ``benchmarks/conftest.py`` on purpose: a second
top-level ``conftest`` module would shadow the one ``tests/`` imports from when both
folders are collected together.)

Environment:

* ``EVENTX_MODEL_DIR`` — model folder to benchmark (default: the bundled models).
* ``EVENTX_DATA`` — the shared data folder holding ``meantime/`` (default
  ``../shared/data``); the MEANTIME benchmarks skip when it is missing.
* ``EVENTX_BENCH_ROUNDS`` — rounds of the corpus-sized benchmarks (default 1;
  one round already parses the whole corpus, see README.md).
* ``EVENTX_BENCH_DOCS`` — cap on the MEANTIME articles used (default: all), also
  replacing the 100 articles of the batching benchmarks; for quick checks of the
  benchmark code only, the numbers are then not comparable.
"""

from __future__ import annotations

import itertools
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import eventx
import machine_reference  # benchmarks/ is on sys.path: pytest inserts a test file's folder
from eventx._extractor import DEFAULT_BATCH_SIZE
from eventx._parse import _decoder

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
SEED_DATE = "2025-02-17"
#: All MEANTIME corpora the reader knows (dev then test); missing ones are left out.
MEANTIME_CORPORA = ("airbus", "apple", "gm")
#: Rounds of the benchmarks that are cheap (one article, or extraction without parsing).
SMALL_ROUNDS = 3
#: Articles of the batching benchmark, and the length each is cut to (at a sentence end).
BATCH_ARTICLES = 100
BATCH_CHARS = 1500

pytestmark = pytest.mark.model

#: Means of benchmarks that ran earlier in this session, for the ratios between two
#: benchmarks put in ``extra_info`` (``report.py`` recomputes them from the JSON anyway).
_MEANS: dict[str, float] = {}


# -- helpers -----------------------------------------------------------------------


def _recording(fn: Callable[..., Any], durations: list[float]) -> Callable[..., Any]:
    """``fn``, also appending its wall time to ``durations``."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            durations.append(time.perf_counter() - start)

    return timed


def _mean(benchmark: Any, durations: list[float]) -> float | None:
    """pytest-benchmark's mean when it timed the run, else ours (``--benchmark-disable``
    runs the code once without statistics)."""
    stats = getattr(getattr(benchmark, "stats", None), "stats", None)
    if stats is not None and getattr(stats, "mean", None):
        return float(stats.mean)
    return statistics.mean(durations) if durations else None


def _per_second(count: float, seconds: float | None) -> float | None:
    return round(count / seconds, 2) if seconds else None


def _run(benchmark: Any, fn: Callable[[], Any], rounds: int, key: str | None = None,
         reference: bool = False) -> tuple[Any, float | None]:
    """Time ``fn`` for ``rounds`` rounds of one call; its last result and the mean seconds.

    With ``reference``, the machine reference workload runs before and after each round
    (untimed) and its times are recorded in ``extra_info["machine_reference_s"]``.
    """
    durations: list[float] = []
    references: list[float] = []
    probe = None
    if reference:
        machine_reference.run_once()  # warm-up: torch's first call allocates

        def probe() -> None:
            references.append(round(machine_reference.run_once(), 4))

    result = benchmark.pedantic(_recording(fn, durations), setup=probe, teardown=probe, rounds=rounds, iterations=1,
                                warmup_rounds=0)
    if references:
        benchmark.extra_info["machine_reference_s"] = references
    mean = _mean(benchmark, durations)
    if key is not None and mean:
        _MEANS[key] = mean
    benchmark.extra_info["rounds_requested"] = rounds
    if os.environ.get("EVENTX_BENCH_DOCS"):  # a quick check: report.py flags it
        benchmark.extra_info["docs_cap"] = int(os.environ["EVENTX_BENCH_DOCS"])
    return result, mean


def _parse_batched(ex: eventx.Extractor, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE) -> list[Any]:
    """Parse ``texts`` as :meth:`eventx.Extractor.extract_many` does: ``batch_size``
    texts per call of its stage 1 (the stanza run, entity tagger only where needed), in
    its default parse threads."""
    from eventx._batch import Batch, parse_threads, threaded_runs

    batches = (Batch(i, texts[i:i + batch_size]) for i in range(0, len(texts), batch_size))
    runs = threaded_runs(lambda batch: ex._parse(batch.texts), batches, parse_threads(None))
    return [doc for _, docs in runs for doc in docs]


def _reference_date(doc: Any) -> str | None:
    """The MEANTIME document creation date as ``YYYY-MM-DD`` (``None`` when absent or odd)."""
    dct = doc.dct or ""
    return dct[:10] if len(dct) >= 10 and dct[4] == "-" and dct[7] == "-" else None


def _truncate(doc: Any, limit: int = BATCH_CHARS) -> str:
    """The article up to the end of its last sentence ending within ``limit`` characters
    (at least its first sentence)."""
    ends = [end for _, end in doc.sentences if end <= limit]
    if ends:
        return doc.text[:max(ends)]
    if doc.sentences:
        return doc.text[:doc.sentences[0][1]]
    return doc.text[:limit]


def _sentences(docs: list[Any]) -> int:
    return sum(len(d.sentences) for d in docs)


def _words(docs: list[Any]) -> int:
    return sum(len(s.words) for d in docs for s in d.sentences)


# -- fixtures ----------------------------------------------------------------------


def _int_env(name: str, default: int | None) -> int | None:
    value = os.environ.get(name)
    if not value:
        return default
    number = int(value)
    if number < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number


@pytest.fixture(scope="module")
def corpus_rounds() -> int:
    """Rounds of the benchmarks that process a whole corpus (each round is minutes on 2 cores)."""
    return _int_env("EVENTX_BENCH_ROUNDS", 1)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bench_extractor() -> eventx.Extractor:
    """One extractor for the module, its stanza pipeline loaded (and warmed up
    on one short sentence) before any timing."""
    ex = eventx.Extractor()
    ex.pipeline("Protesters clashed with police in Paris on Monday.")
    return ex


@pytest.fixture(scope="module")
def seed_parsed(bench_extractor: eventx.Extractor, seed_text: str) -> Any:
    """The seed article's parse, made once outside the timing (for its sentence and word counts)."""
    return bench_extractor.pipeline(seed_text)


@pytest.fixture(scope="module")
def meantime_docs() -> list[Any]:
    """All MEANTIME articles of the corpora present, sorted by file name."""
    from eventx.evaluate._matching import data_dir
    from eventx.evaluate._meantime import read_meantime_corpora

    base = data_dir() / "meantime"
    if not base.is_dir():
        pytest.skip(f"MEANTIME data not found at {base} (set EVENTX_DATA to the shared data folder)")
    docs = read_meantime_corpora(corpora=MEANTIME_CORPORA, limit=_int_env("EVENTX_BENCH_DOCS", None))
    if not docs:
        pytest.skip(f"no MEANTIME articles under {base} (expected corpus_airbus/, corpus_apple/, corpus_gm/)")
    return sorted(docs, key=lambda d: d.name)


@pytest.fixture(scope="module")
def meantime_parsed(bench_extractor: eventx.Extractor, meantime_docs: list[Any]) -> list[Any]:
    """The stanza parses of the MEANTIME articles, made once, outside any timing."""
    return _parse_batched(bench_extractor, [d.text for d in meantime_docs])


@pytest.fixture(scope="module")
def batch_texts(meantime_docs: list[Any]) -> tuple[list[str], list[str | None]]:
    """100 articles for the batching benchmarks: the MEANTIME articles cut to their
    first ~1500 characters (whole sentences), cycled to 100 when there are fewer
    (with ``EVENTX_BENCH_DOCS`` set, that many articles instead: a quick check only)."""
    count = _int_env("EVENTX_BENCH_DOCS", BATCH_ARTICLES) or BATCH_ARTICLES
    docs = list(itertools.islice(itertools.cycle(meantime_docs), min(count, BATCH_ARTICLES)))
    return [_truncate(d) for d in docs], [_reference_date(d) for d in docs]


# -- 1. end to end ----------------------------------------------------------------


def test_bench_extract_seed_article(benchmark, bench_extractor, seed_text, seed_parsed):
    """``Extractor.extract`` on the seed article (parse + extraction), pipeline already loaded."""
    benchmark.group = "end to end"
    events, mean = _run(benchmark, lambda: bench_extractor.extract(seed_text, reference_date=SEED_DATE),
                        SMALL_ROUNDS)
    assert events
    sentences, words = _sentences([seed_parsed]), _words([seed_parsed])
    benchmark.extra_info.update(
        documents=1, characters=len(seed_text), sentences=sentences, words=words, events=len(events),
        sentences_per_s=_per_second(sentences, mean), words_per_s=_per_second(words, mean),
        events_per_s=_per_second(len(events), mean),
    )


@pytest.mark.data
def test_bench_extract_many_meantime(benchmark, bench_extractor, meantime_docs, meantime_parsed, corpus_rounds):
    """``Extractor.extract_many`` over every MEANTIME article (default batch size)."""
    benchmark.group = "end to end"
    texts = [d.text for d in meantime_docs]
    refs = [_reference_date(d) for d in meantime_docs]
    results, mean = _run(benchmark, lambda: list(bench_extractor.extract_many(texts, reference_date=refs)),
                         corpus_rounds, reference=True)
    assert len(results) == len(texts)
    sentences, words, events = _sentences(meantime_parsed), _words(meantime_parsed), sum(map(len, results))
    benchmark.extra_info.update(
        documents=len(texts), characters=sum(map(len, texts)), sentences=sentences, words=words, events=events,
        batch_size=DEFAULT_BATCH_SIZE, tree_decoder=_decoder.active_decoder(),
        sentences_per_s=_per_second(sentences, mean), words_per_s=_per_second(words, mean),
        events_per_s=_per_second(events, mean),
    )


# -- 2. eventx's own share of the time -------------------------------------------


@pytest.mark.data
def test_bench_stanza_parse_meantime(benchmark, bench_extractor, meantime_docs, corpus_rounds):
    """The stanza parse alone of every MEANTIME article (batched as in ``extract_many``)."""
    benchmark.group = "eventx share"
    texts = [d.text for d in meantime_docs]
    parsed, mean = _run(benchmark, lambda: _parse_batched(bench_extractor, texts), corpus_rounds, key="parse",
                        reference=True)
    sentences = _sentences(parsed)
    benchmark.extra_info.update(
        documents=len(texts), characters=sum(map(len, texts)), sentences=sentences, words=_words(parsed),
        batch_size=DEFAULT_BATCH_SIZE, sentences_per_s=_per_second(sentences, mean),
    )
    share = _share()
    if share is not None:
        benchmark.extra_info["eventx_share_pct"] = share


@pytest.mark.data
def test_bench_extract_document_meantime(benchmark, bench_extractor, meantime_docs, meantime_parsed):
    """``Extractor.extract_document`` on the already-parsed MEANTIME articles: eventx's own work,
    with the heap that exists before each round out of the collector's full passes, as
    ``extract_many`` runs it (``_batch.frozen_heap``): else the 90 parsed articles this module
    holds make every full pass walk them (about 0.3 s a pass, one pass in every other round)."""
    from eventx._batch import frozen_heap

    benchmark.group = "eventx share"
    refs = [_reference_date(d) for d in meantime_docs]

    def extract_all() -> list[list[eventx.Event]]:
        with frozen_heap():
            return [bench_extractor.extract_document(doc, reference_date=ref)
                    for doc, ref in zip(meantime_parsed, refs)]

    results, mean = _run(benchmark, extract_all, SMALL_ROUNDS, key="extract_document")
    sentences, events = _sentences(meantime_parsed), sum(map(len, results))
    benchmark.extra_info.update(
        documents=len(results), sentences=sentences, events=events,
        sentences_per_s=_per_second(sentences, mean), events_per_s=_per_second(events, mean),
    )
    share = _share()
    if share is not None:
        benchmark.extra_info["eventx_share_pct"] = share


def _share() -> float | None:
    """extract_document time as % of the parse time, when both ran in this session."""
    if "parse" in _MEANS and "extract_document" in _MEANS:
        return round(100 * _MEANS["extract_document"] / _MEANS["parse"], 2)
    return None


# -- 3. batching --------------------------------------------------------------------


@pytest.mark.data
def test_bench_batching_extract_many(benchmark, bench_extractor, batch_texts, corpus_rounds):
    """``extract_many`` over 100 articles (first ~1500 characters each), default batch size."""
    benchmark.group = "batching"
    texts, refs = batch_texts
    results, mean = _run(benchmark, lambda: list(bench_extractor.extract_many(texts, reference_date=refs)),
                         corpus_rounds, key="batched")
    _batch_info(benchmark, texts, results, mean)


@pytest.mark.data
def test_bench_batching_one_by_one(benchmark, bench_extractor, batch_texts, corpus_rounds):
    """The same 100 articles with one ``extract`` call each."""
    benchmark.group = "batching"
    texts, refs = batch_texts
    results, mean = _run(
        benchmark, lambda: [bench_extractor.extract(t, reference_date=r) for t, r in zip(texts, refs)],
        corpus_rounds, key="one_by_one",
    )
    _batch_info(benchmark, texts, results, mean)


def _batch_info(benchmark: Any, texts: list[str], results: list[list[eventx.Event]], mean: float | None) -> None:
    assert len(results) == len(texts)
    events = sum(map(len, results))
    benchmark.extra_info.update(
        documents=len(texts), characters=sum(map(len, texts)), truncated_to_chars=BATCH_CHARS,
        batch_size=DEFAULT_BATCH_SIZE, events=events, documents_per_s=_per_second(len(texts), mean),
        events_per_s=_per_second(events, mean),
    )
    if "batched" in _MEANS and "one_by_one" in _MEANS:
        benchmark.extra_info["batching_speedup"] = round(_MEANS["one_by_one"] / _MEANS["batched"], 3)
