"""Scaling: extract_many's error records, laziness, processes and progress; long
documents in chunks; one Extractor shared between threads."""

from __future__ import annotations

import datetime as dt

import io
import itertools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import conllu

import eventx
import eventx._extractor as extractor_module
from eventx._documents import document_from_input
from eventx._parse._chunks import chunk_spans, shift_events

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
SEED_DATE = "2025-02-17"

GOLD_TEXT = "Russia attacked Ukraine yesterday."
GOLD_PARSES = {
    GOLD_TEXT: conllu("Russia/PROPN/2/nsubj attacked/attack/VERB/0/root/Tense=Past|VerbForm=Fin "
                      "Ukraine/PROPN/2/obj yesterday/NOUN/2/obl:tmod ./PUNCT/2/punct"),
    "March 3, 2025": conllu("March/PROPN/0/root 3/NUM/1/nummod ,/PUNCT/4/punct 2025/NUM/1/nmod:tmod"),
}


class GoldParser:
    """Stands in for stanza: gold parses of known texts; fails a whole call holding "BAD"."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> list:
        self.calls.append(list(texts))
        if any("BAD" in t for t in texts):
            raise RuntimeError("stanza choked")
        return [document_from_input(GOLD_PARSES[t.strip()]) for t in texts]


@pytest.fixture
def gold_extractor(monkeypatch):
    """An Extractor whose parser is :class:`GoldParser` (its models would fail to load)."""
    ex = eventx.Extractor(model_dir="/nonexistent/models")
    parser = GoldParser()
    monkeypatch.setattr(ex, "_parse", parser)
    ex.parser_calls = parser.calls
    return ex


def summary(result):
    """A comparable summary of one extract_many item."""
    if isinstance(result, eventx.ExtractionError):
        return result
    return [(e.type, e.trigger.start, e.trigger.text, e.sentence, e.when and e.when.value) for e in result]


# -- chunks (no model) --------------------------------------------------------------


@pytest.mark.parametrize(("text", "max_chars", "expected"), [
    ("short text", 100, ["short text"]),
    ("", 10, []),
    ("one para.\n\ntwo para.\n\nthree para.", 24, ["one para.\n\ntwo para.\n\n", "three para."]),
    ("one line\ntwo line\n\nthree", 12, ["one line\n", "two line\n\n", "three"]),
    ("First one. Second one. Third one.", 24, ["First one. Second one. ", "Third one."]),
    ("aaaa bbbb cccc dddd", 10, ["aaaa bbbb ", "cccc dddd"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("para one is long enough.\n\nshort.", 20, ["para one is long ", "enough.\n\n", "short."]),
], ids=["one-chunk", "empty", "paragraphs", "lines", "sentences", "words", "hard-cut", "finer-inside-paragraph"])
def test_chunks_cut_at_the_best_boundary(text, max_chars, expected):
    spans = list(chunk_spans(text, max_chars))
    assert [text[s:e] for s, e in spans] == expected
    assert all(e - s <= max_chars for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text  # contiguous, nothing lost


def test_chunks_of_a_long_text_cover_it_and_respect_the_limit():
    seed = SEED.read_text(encoding="utf-8")
    text = "\n\n".join([seed] * 40)
    spans = list(chunk_spans(text, 20_000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(e - s <= 20_000 for s, e in spans)
    assert all(text[s - 2:s] == "\n\n" for s, _ in spans[1:])  # at paragraph starts


def test_chunk_size_must_be_positive():
    with pytest.raises(ValueError, match="max_chars"):
        list(chunk_spans("text", 0))


def test_shift_events_moves_every_span(gold_extractor):
    (event,) = gold_extractor.extract(GOLD_TEXT, reference_date=SEED_DATE)
    (moved,) = shift_events([event], 100, 7)
    text = "x" * 100 + GOLD_TEXT
    assert moved.sentence == event.sentence + 7
    for span in [moved.trigger, *moved.who, *moved.whom, moved.when]:
        assert text[span.start:span.end] == span.text


def test_long_text_is_parsed_in_chunks_with_whole_text_offsets(gold_extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "MAX_CHUNK_CHARS", 40)
    text = "March 3, 2025\n\n" + "\n\n".join([GOLD_TEXT] * 4)
    events = gold_extractor.extract(text)
    assert len(gold_extractor.parser_calls) == 5  # one parse per chunk, one chunk per paragraph here
    assert [e.sentence for e in events] == [1, 2, 3, 4]  # the dateline chunk is sentence 0
    for event in events:
        for span in [event.trigger, *event.who, *event.whom, event.when]:
            assert text[span.start:span.end] == span.text
        assert event.when.value == "2025-03-02"  # "yesterday" against the dateline at the top


# -- extract_many: options, records, laziness (no model) --------------------------------


@pytest.mark.parametrize(("options", "error", "match"), [
    ({"errors": "ignore"}, ValueError, "errors must be 'raise' or 'record'"),
    ({"n_process": 0}, ValueError, "n_process must be a positive int"),
    ({"n_process": 1.5}, ValueError, "n_process must be a positive int"),
    ({"batch_size": 0}, ValueError, "batch_size must be a positive int"),
    ({"threads": 0}, ValueError, "threads must be None or a positive int"),
    ({"threads": True}, ValueError, "threads must be None or a positive int"),
    ({"threads": 2, "n_process": 2}, ValueError, "use threads only with n_process=1"),
    ({"progress": "yes"}, TypeError, "progress must be a bool"),
    ({"reference_date": "not a date"}, ValueError, None),
])
def test_bad_options_fail_at_the_call(options, error, match):
    ex = eventx.Extractor(model_dir="/nonexistent/models")
    with pytest.raises(error, match=match):
        ex.extract_many(["text"], **options)  # before the first item is read


def test_record_mode_yields_an_error_in_place_of_each_bad_item(gold_extractor):
    texts = [GOLD_TEXT, 42, "   ", None, GOLD_TEXT]
    dates = [SEED_DATE, SEED_DATE, SEED_DATE, SEED_DATE, "2025-02-31"]
    results = list(gold_extractor.extract_many(texts, reference_date=dates, errors="record", batch_size=2))
    assert len(results) == len(texts)
    assert summary(results[0]) == [("ASSAULT", 7, "attacked", 0, "2025-02-16")]
    assert results[1] == eventx.ExtractionError(1, "TypeError", "texts[1] must be a str, got int")
    assert results[2] == []
    assert results[3] == eventx.ExtractionError(3, "TypeError", "texts[3] must be a str, got NoneType")
    assert isinstance(results[4], eventx.ExtractionError) and results[4].index == 4
    assert results[4].error_type == "ValueError"


def test_raise_mode_yields_every_earlier_document_first(gold_extractor):
    results = gold_extractor.extract_many([GOLD_TEXT, GOLD_TEXT, 42, GOLD_TEXT], batch_size=4)
    assert summary(next(results))[0][2] == "attacked"
    assert summary(next(results))[0][2] == "attacked"
    with pytest.raises(TypeError, match=r"texts\[2\] must be a str, got int"):
        next(results)


def test_a_failing_batch_is_retried_one_by_one(gold_extractor):
    texts = [GOLD_TEXT, "BAD text", GOLD_TEXT]
    results = list(gold_extractor.extract_many(texts, errors="record", batch_size=3))
    assert gold_extractor.parser_calls == [texts, [GOLD_TEXT], ["BAD text"], [GOLD_TEXT]]
    assert results[1] == eventx.ExtractionError(1, "RuntimeError", "stanza choked")
    assert summary(results[0]) == summary(results[2]) != []


def test_raise_mode_raises_extraction_error_from_the_original(gold_extractor):
    results = gold_extractor.extract_many([GOLD_TEXT, "BAD text"], batch_size=2)
    assert summary(next(results))
    with pytest.raises(eventx.ExtractionError) as info:
        next(results)
    assert (info.value.index, info.value.error_type) == (1, "RuntimeError")
    assert isinstance(info.value.__cause__, RuntimeError)


def test_a_rule_crash_fails_only_its_document(gold_extractor, monkeypatch):
    real = gold_extractor._document_events

    def crash_on_second(doc, text, reference, calls=itertools.count()):
        if next(calls) == 1:
            raise KeyError("rule bug")
        return real(doc, text, reference)

    monkeypatch.setattr(gold_extractor, "_document_events", crash_on_second)
    results = list(gold_extractor.extract_many([GOLD_TEXT] * 3, errors="record"))
    assert [type(r).__name__ for r in results] == ["list", "ExtractionError", "list"]
    assert results[1].error_type == "KeyError"


@pytest.mark.parametrize(("threads", "batches_ahead"), [(1, 1), (2, 4)])
def test_input_is_read_lazily_and_its_failure_comes_after_earlier_documents(gold_extractor, threads, batches_ahead):
    read = []

    def texts():
        for i in range(20):
            read.append(i)
            yield GOLD_TEXT
        raise OSError("disk gone")

    results = gold_extractor.extract_many(texts(), batch_size=2, errors="record", threads=threads)
    next(results)
    assert read == list(range(2 * batches_ahead))  # one batch read (two batches per parse thread), no more
    assert len([next(results) for _ in range(19)]) == 19
    with pytest.raises(OSError, match="disk gone"):
        next(results)


def test_short_reference_sequence_raises_after_the_documents_it_covers(gold_extractor):
    results = gold_extractor.extract_many([GOLD_TEXT] * 3, reference_date=[SEED_DATE, SEED_DATE], errors="record")
    assert len([next(results), next(results)]) == 2
    with pytest.raises(ValueError, match="fewer items than texts"):
        next(results)


def _when_of_yesterday(events) -> str:
    (event,) = events
    return event.when.value


@pytest.mark.parametrize(("threads", "handed_first"), [(1, [17, 18]), (2, [17, 18, 19, 20])])
def test_reference_dates_from_a_generator_are_read_in_step_with_the_texts(gold_extractor, threads, handed_first):
    handed: list[int] = []

    def dates():
        for day in (17, 18, 19, 20):
            handed.append(day)
            yield f"2025-02-{day}"

    results = gold_extractor.extract_many([GOLD_TEXT] * 4, reference_date=dates(), batch_size=2, threads=threads)
    first = next(results)
    assert handed == handed_first  # one batch's dates (with two threads: the batches in flight), no more
    rest = list(results)
    assert [_when_of_yesterday(e) for e in [first, *rest]] == ["2025-02-16", "2025-02-17", "2025-02-18",
                                                                 "2025-02-19"]


@pytest.mark.parametrize("dates", [("2025-02-17", "2025-03-01"), iter(["2025-02-17", "2025-03-01"])],
                         ids=["tuple", "iterator"])
def test_any_iterable_gives_one_reference_date_per_text(gold_extractor, dates):
    results = list(gold_extractor.extract_many([GOLD_TEXT] * 2, reference_date=dates))
    assert [_when_of_yesterday(e) for e in results] == ["2025-02-16", "2025-02-28"]


@pytest.mark.parametrize("date", ["2025-02-17", dt.date(2025, 2, 17), dt.datetime(2025, 2, 17, 9, 30)])
def test_a_single_date_is_shared_by_every_text(gold_extractor, date):
    results = list(gold_extractor.extract_many([GOLD_TEXT] * 3, reference_date=date))
    assert [_when_of_yesterday(e) for e in results] == ["2025-02-16"] * 3


def test_a_reference_date_of_a_wrong_type_is_a_type_error(gold_extractor):
    with pytest.raises(TypeError):
        gold_extractor.extract_many([GOLD_TEXT], reference_date=20250217)


def test_model_errors_are_raised_not_recorded():
    ex = eventx.Extractor(model_dir="/nonexistent/models")
    with pytest.raises(eventx.ModelError):
        list(ex.extract_many(["A text to parse."], errors="record"))


def test_progress_bar_counts_documents_on_a_terminal(gold_extractor, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stderr = Terminal()
    monkeypatch.setattr("sys.stderr", stderr)
    results = list(gold_extractor.extract_many([GOLD_TEXT, "", GOLD_TEXT], progress=True))
    assert len(results) == 3
    assert "3/" in stderr.getvalue() or "3doc" in stderr.getvalue().replace(" ", "")


def test_no_progress_bar_off_a_terminal(gold_extractor, capsys):
    list(gold_extractor.extract_many([GOLD_TEXT], progress=True))
    assert capsys.readouterr().err == ""


# -- with the models ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.model
def test_short_text_gives_the_events_of_one_whole_parse(extractor, seed_text):
    reference = eventx._time.coerce_reference_date(SEED_DATE)
    whole = extractor._document_events(extractor._parse([seed_text])[0], seed_text, reference)
    assert [e.to_dict() for e in extractor.extract(seed_text, reference_date=SEED_DATE)] == [
        e.to_dict() for e in whole]


@pytest.mark.model
def test_chunked_seed_keeps_offsets_and_sentence_order(extractor, seed_text, monkeypatch):
    whole = extractor.extract(seed_text, reference_date=SEED_DATE)
    monkeypatch.setattr(extractor_module, "MAX_CHUNK_CHARS", 1500)
    chunked = extractor.extract(seed_text, reference_date=SEED_DATE)
    for event in chunked:
        for span in filter(None, [event.trigger, *event.who, *event.whom, event.where, event.when]):
            assert seed_text[span.start:span.end] == span.text
    assert [e.sentence for e in chunked] == sorted(e.sentence for e in chunked)
    # chunks end at paragraph ends, where stanza's sentences end anyway
    assert [(e.trigger.start, e.type, e.sentence) for e in chunked] == [
        (e.trigger.start, e.type, e.sentence) for e in whole]


@pytest.mark.model
def test_threads_share_one_extractor(seed_text):
    ex = eventx.Extractor()  # a fresh one: the first calls race to load the pipeline
    texts = [p for p in seed_text.split("\n\n") if len(p) > 80][:6]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: ex.extract(t, reference_date=SEED_DATE), texts))
    sequential = [ex.extract(t, reference_date=SEED_DATE) for t in texts]
    assert threaded == sequential and any(threaded)


@pytest.mark.model
def test_two_processes_give_exactly_the_events_of_one(extractor, seed_text):
    texts = [p for p in seed_text.split("\n\n") if len(p) > 80][:5]
    texts.insert(2, 42)
    one = list(extractor.extract_many(texts, reference_date=SEED_DATE, errors="record", batch_size=2))
    two = list(extractor.extract_many(texts, reference_date=SEED_DATE, errors="record", batch_size=2, n_process=2))
    assert two == one
    assert one[2] == eventx.ExtractionError(2, "TypeError", "texts[2] must be a str, got int")
    assert sum(len(r) for r in one if isinstance(r, list)) > 0


@pytest.mark.model
def test_two_parse_threads_give_exactly_the_events_of_one(extractor, seed_text):
    texts = [p for p in seed_text.split("\n\n") if len(p) > 80][:7]
    texts.insert(3, 42)
    one = list(extractor.extract_many(texts, reference_date=SEED_DATE, errors="record", batch_size=2, threads=1))
    two = list(extractor.extract_many(texts, reference_date=SEED_DATE, errors="record", batch_size=2, threads=2))
    assert two == one
    assert one[3] == eventx.ExtractionError(3, "TypeError", "texts[3] must be a str, got int")
    assert sum(len(r) for r in one if isinstance(r, list)) > 0


@pytest.mark.model
def test_threads_sharing_stanzas_processors_get_the_events_of_one_thread(extractor, seed_text):
    """On the stanza version read for it, the loaded pipeline's processors run unlocked, so
    four threads parse in the same processors at once: each text's events are those of a
    run in one thread."""
    import importlib.metadata
    import threading

    from eventx._parse._parsing import SHARED_ON_STANZA, shared_processor

    texts = [p for p in seed_text.split("\n\n") if len(p) > 80][:8]
    alone = [extractor.extract(t, reference_date=SEED_DATE) for t in texts]
    shared = {name for name, p in extractor.pipeline.processors.items() if shared_processor(name, p)}
    if ".".join(importlib.metadata.version("stanza").split(".")[:2]) in SHARED_ON_STANZA:
        assert shared == {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"}
    results: dict[int, list] = {}
    start = threading.Barrier(4)

    def work(offset: int) -> None:
        start.wait()
        for i in range(offset, len(texts), 4):
            results[i] = extractor.extract(texts[i], reference_date=SEED_DATE)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [results[i] for i in range(len(texts))] == alone


# -- not English (no model) -----------------------------------------------------------------

GERMAN = ("Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die Lage in der "
          "Ukraine gesprochen, und die beiden haben eine gemeinsame Erklärung abgegeben, die noch am Abend "
          "veröffentlicht wurde.")


def test_a_text_that_is_not_english_warns_and_is_not_parsed(gold_extractor):
    with pytest.warns(eventx.LanguageWarning, match=r"^text does not look like English"):
        assert gold_extractor.extract(GERMAN) == []
    with pytest.warns(eventx.LanguageWarning, match=r"^texts\[1\] does not look like English"):
        results = list(gold_extractor.extract_many([GOLD_TEXT, GERMAN, GOLD_TEXT]))
    assert [len(r) for r in results] == [1, 0, 1]
    assert gold_extractor.parser_calls == [[GOLD_TEXT, GOLD_TEXT]]


def test_a_chunk_that_is_not_english_is_skipped(gold_extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "MAX_CHUNK_CHARS", 240)  # one chunk per paragraph
    text = "\n\n".join([GOLD_TEXT, GERMAN, GOLD_TEXT])
    with pytest.warns(eventx.LanguageWarning, match=r"text \(characters 36-\d+\) does not look like English"):
        events = gold_extractor.extract(text, reference_date=SEED_DATE)
    assert [text[e.trigger.start:e.trigger.end] for e in events] == ["attacked", "attacked"]
    assert events[1].trigger.start == text.rindex("attacked")
