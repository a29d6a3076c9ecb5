"""Parse threads: extract_many's batches in threads of one process; stanza's own processors
shared by the threads, any other processor used by one thread at a time (no model: fake
batches and a fake pipeline; the model-backed comparison with one thread is in test_scale.py)."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest
import torch

from eventx._batch import Batch, parse_threads, threaded_runs
from eventx._parse import _parsing
from eventx._parse._parsing import parse_texts, processor_locks, processors_in_order


@pytest.fixture
def two_torch_threads():
    """torch on two threads in this test (its default on a 2-core machine), restored after."""
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield
    torch.set_num_threads(before)


def batches(n: int) -> list[Batch]:
    return [Batch(start, [f"text {start}"], [None]) for start in range(n)]


class Recorder:
    """A ``run_batch`` that notes, for each batch, its thread and torch's thread count there."""

    def __init__(self, fail_at: int | None = None) -> None:
        self.seen: dict[int, tuple[str, int]] = {}
        self.fail_at = fail_at

    def __call__(self, batch: Batch) -> list[object]:
        time.sleep(0.01)  # let the other thread take the next batch
        self.seen[batch.start] = (threading.current_thread().name, torch.get_num_threads())
        if batch.start == self.fail_at:
            raise RuntimeError(f"batch {batch.start} failed")
        return [batch.start]


def test_batches_come_back_in_input_order_from_the_threads_with_a_share_of_torch(two_torch_threads):
    recorder = Recorder()
    runs = list(threaded_runs(recorder, iter(batches(9)), 2))
    assert [(b.start, outcomes) for b, outcomes in runs] == [(i, [i]) for i in range(9)]
    assert {name.startswith("eventx-parse") for name, _ in recorder.seen.values()} == {True}
    assert {count for _, count in recorder.seen.values()} == {1}  # two threads of torch shared out
    assert torch.get_num_threads() == 2  # the caller's own count, untouched
    started_later: list[int] = []  # and the default a new thread starts with is the caller's again
    later = threading.Thread(target=lambda: started_later.append(torch.get_num_threads()))
    later.start()
    later.join()
    assert started_later == [2]


def test_a_lone_batch_runs_in_the_calling_thread_with_all_of_torch(two_torch_threads):
    recorder = Recorder()
    assert [b.start for b, _ in threaded_runs(recorder, iter(batches(1)), 2)] == [0]
    assert recorder.seen == {0: (threading.current_thread().name, 2)}


def test_one_thread_runs_every_batch_here_and_reads_one_batch_at_a_time():
    read: list[int] = []

    def source():
        for batch in batches(3):
            read.append(batch.start)
            yield batch

    recorder = Recorder()
    runs = threaded_runs(recorder, source(), 1)
    next(runs)
    assert read == [0]
    assert [b.start for b, _ in runs] == [1, 2]
    assert {name for name, _ in recorder.seen.values()} == {threading.current_thread().name}


def test_a_failing_batch_raises_in_its_turn_after_the_earlier_ones(two_torch_threads):
    runs = threaded_runs(Recorder(fail_at=3), iter(batches(8)), 2)
    assert [next(runs)[0].start for _ in range(3)] == [0, 1, 2]
    with pytest.raises(RuntimeError, match="batch 3 failed"):
        next(runs)
    assert torch.get_num_threads() == 2


def test_closing_early_drops_the_queued_batches(two_torch_threads):
    recorder = Recorder()
    runs = threaded_runs(recorder, iter(batches(50)), 2)
    next(runs)
    runs.close()
    assert len(recorder.seen) <= 4 + 2  # the batches in flight, not the rest of the input
    assert torch.get_num_threads() == 2


@pytest.mark.parametrize(("requested", "torch_threads", "expected"), [
    (None, 2, 2), (None, 8, 2), (None, 1, 1), (1, 2, 1), (3, 2, 3),
])
def test_parse_threads_default_to_two_where_torch_has_two(requested, torch_threads, expected, monkeypatch):
    monkeypatch.setattr(torch, "get_num_threads", lambda: torch_threads)
    assert parse_threads(requested) == expected


# -- each processor under its lock ----------------------------------------------------------

class FakeProcessor:
    """Notes whether its lock was held while it ran, and what ran at the same time."""

    def __init__(self, name: str, locks: dict, log: list) -> None:
        self.name, self.locks, self.log = name, locks, log

    def bulk_process(self, docs):
        self.log.append((self.name, self.locks[self.name].locked() if self.locks else None))
        return docs


class FakePipeline:
    def __init__(self, names, log, locks=None):
        self.locks = {} if locks is None else locks
        self.processors = {name: FakeProcessor(name, self.locks, log) for name in names}


def test_processors_run_in_stanzas_order_each_under_its_lock():
    log: list = []
    pipeline = FakePipeline(["depparse", "pos", "tokenize", "lemma", "mwt"], log)  # any dict order
    pipeline.locks.update(processor_locks(pipeline))
    assert [name for name, _ in processors_in_order(pipeline)] == ["tokenize", "mwt", "pos", "lemma", "depparse"]
    docs = parse_texts(pipeline, ["One text.", "Another."], locks=pipeline.locks)
    assert [d.text for d in docs] == ["One text.", "Another."]
    assert log == [(name, True) for name in ("tokenize", "mwt", "pos", "lemma", "depparse")]
    assert not any(lock.locked() for lock in pipeline.locks.values())


def test_without_locks_the_processors_run_as_in_a_pipeline_call():
    log: list = []
    docs = parse_texts(FakePipeline(["tokenize", "pos"], log), ["A text."])
    assert len(docs) == 1 and log == [("tokenize", None), ("pos", None)]
    assert parse_texts(FakePipeline(["tokenize"], log), []) == []


def test_two_threads_are_never_in_one_locked_processor_at_once():
    inside: dict[str, int] = {"tokenize": 0, "pos": 0}
    overlaps: list[str] = []

    class Slow:
        def __init__(self, name):
            self.name = name

        def bulk_process(self, docs):
            inside[self.name] += 1
            if inside[self.name] > 1:
                overlaps.append(self.name)
            time.sleep(0.02)
            inside[self.name] -= 1
            return docs

    class Pipeline:
        processors = {"tokenize": Slow("tokenize"), "pos": Slow("pos")}

    pipeline = Pipeline()
    locks = processor_locks(pipeline)
    workers = [threading.Thread(target=parse_texts, args=(pipeline, ["A text."]), kwargs={"locks": locks})
               for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert overlaps == []


# -- the heap frozen during a corpus run -------------------------------------------------------

def test_the_heap_is_frozen_during_the_runs_and_given_back_after(two_torch_threads, monkeypatch):
    import gc

    calls: list[str] = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 0)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    seen: list[list[str]] = []

    def run(batch: Batch) -> list[object]:
        seen.append(list(calls))
        return [batch.start]

    runs = threaded_runs(run, iter(batches(5)), 2)
    assert [b.start for b, _ in runs] == list(range(5))
    assert seen == [["freeze"]] * 5  # every batch ran with the starting heap frozen
    assert calls == ["freeze", "unfreeze"]
    closed = threaded_runs(run, iter(batches(50)), 2)
    next(closed)
    closed.close()  # closed early: given back too
    assert calls == ["freeze", "unfreeze"] * 2


def test_a_heap_someone_else_froze_or_a_collector_turned_off_is_left_alone(monkeypatch):
    import gc

    from eventx._batch import frozen_heap

    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 5)  # a program froze objects before forking, say
    with frozen_heap():
        pass
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 0)
    monkeypatch.setattr(gc, "isenabled", lambda: False)  # the collector is off
    with frozen_heap():
        pass
    assert calls == []
    monkeypatch.setattr(gc, "isenabled", lambda: True)
    with frozen_heap():
        assert calls == ["freeze"]
    assert calls == ["freeze", "unfreeze"]


# -- which stanza processors threads share ------------------------------------------------------

def _bare(name: str):
    """A stanza processor of the pipeline name ``name``, of stanza's own class, not set up."""
    import importlib

    module = importlib.import_module(f"stanza.pipeline.{name}_processor")
    cls = getattr(module, _parsing.SHARED_PROCESSORS[name])
    return cls.__new__(cls)


@pytest.mark.parametrize("name", sorted(_parsing.SHARED_PROCESSORS))
def test_stanzas_own_processors_are_shared_on_the_stanza_version_read(name, monkeypatch):
    import stanza

    monkeypatch.setattr(stanza, "__version__", "1.15.0")
    processor = _bare(name)
    assert _parsing.shared_processor(name, processor)
    monkeypatch.setattr(stanza, "__version__", "1.16.0")  # code nobody read for it: a lock
    assert not _parsing.shared_processor(name, processor)


def test_a_variant_another_class_or_another_name_runs_under_a_lock(monkeypatch):
    import stanza

    monkeypatch.setattr(stanza, "__version__", "1.15.0")
    variant = _bare("pos")
    variant._variant = object()
    assert not _parsing.shared_processor("pos", variant)
    assert not _parsing.shared_processor("depparse", _bare("pos"))  # stanza's class, another name
    POSProcessor = type("POSProcessor", (), {})  # the same name, not stanza's
    assert not _parsing.shared_processor("pos", POSProcessor())
    assert not _parsing.shared_processor("sentiment", _bare("pos"))


def test_shared_processors_get_no_lock_the_others_one_each(monkeypatch):
    import stanza

    monkeypatch.setattr(stanza, "__version__", "1.15.0")

    class Pipeline:
        processors = {"tokenize": _bare("tokenize"), "pos": type("Custom", (), {})(), "depparse": _bare("depparse")}

    locks = processor_locks(Pipeline())
    assert list(locks) == ["tokenize", "pos", "depparse"]
    assert isinstance(locks["tokenize"], contextlib.nullcontext)
    assert isinstance(locks["depparse"], contextlib.nullcontext)
    assert isinstance(locks["pos"], type(threading.Lock()))


def test_a_processor_kept_under_a_lock_says_why(monkeypatch, caplog):
    import logging

    import stanza

    monkeypatch.setattr(stanza, "__version__", "1.16.0")

    class Pipeline:
        processors = {"tokenize": _bare("tokenize"), "pos": type("Custom", (), {})()}

    with caplog.at_level(logging.DEBUG, logger="eventx"):
        locks = processor_locks(Pipeline())
    assert all(isinstance(lock, type(threading.Lock())) for lock in locks.values())
    assert "the tokenize processor runs under a lock: stanza 1.16.0's code was not read for sharing" in caplog.text
    assert "the pos processor runs under a lock: not stanza's own processor" in caplog.text
