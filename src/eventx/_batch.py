"""Batches for :meth:`Extractor.extract_many`: reading the input, per-document
failures, parse threads, worker processes.

The input is read lazily, ``batch_size`` texts at a time, into :class:`Batch`
objects. A batch runs in this process (:meth:`Extractor._run_batch`), in one of a
few threads of this process (:func:`threaded_runs`), or in a pool of worker
processes (:func:`parallel_runs`); either way each document's outcome is its list
of events or a :class:`Failure`, and the caller turns failures into raised or
yielded :class:`~eventx.ExtractionError` records.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import itertools
import multiprocessing
import os
import traceback
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Union

import attrs

from eventx._documents import check_text
from eventx._exceptions import ExtractionError
from eventx._time import coerce_reference_date
from eventx._types import Event

__all__ = ["ERRORS", "Batch", "Failure", "Outcome", "check_many_options", "frozen_heap", "parallel_runs",
           "parse_threads", "read_batches", "threaded_runs", "worker_threads"]

#: Values of ``extract_many(errors=...)``.
ERRORS = ("raise", "record")
#: Batches queued per worker process: enough to keep every worker busy, few enough
#: that a lazy input is never read far ahead (memory stays bounded).
_BATCHES_AHEAD = 2


@attrs.frozen
class Failure:
    """Why one document gave no events.

    Attributes:
        error_type: Name of the exception's class.
        message: Its message.
        cause: The exception itself (in a worker process: its traceback as text).
        bad_input: The item was not a ``str`` or its reference date was invalid
            (raised as such with ``errors="raise"``, not wrapped).
    """

    error_type: str
    message: str
    cause: BaseException = attrs.field(eq=False)
    bad_input: bool = False

    @classmethod
    def of(cls, exc: BaseException, *, bad_input: bool = False) -> Failure:
        return cls(type(exc).__name__, str(exc), exc, bad_input)

    def error(self, index: int) -> ExtractionError:
        """The record of the document at ``index``."""
        return ExtractionError(index, self.error_type, self.message)


Outcome = Union[list[Event], Failure]


@attrs.define
class Batch:
    """Up to ``batch_size`` consecutive documents of the input.

    Attributes:
        start: Position of the first one in the input.
        texts: The texts (``None`` where the item was bad input).
        references: Their reference dates, coerced.
        invalid: Offset in the batch → the failure of a bad item.
        fatal: An error that ends the input after this batch (the input
            iterator raised, or the reference dates ran out); raised once every
            document before it has been yielded.
    """

    start: int
    texts: list[str | None] = attrs.field(factory=list)
    references: list[Any] = attrs.field(factory=list)
    invalid: dict[int, Failure] = attrs.field(factory=dict)
    fatal: BaseException | None = None


def check_many_options(batch_size: object, n_process: object, errors: object, progress: object,
                       threads: object = None) -> None:
    """Raise ``ValueError`` for a bad ``extract_many`` option (``TypeError`` for a non-bool ``progress``)."""
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
        raise ValueError(f"n_process must be a positive int (1 = no worker processes), got {n_process!r}")
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be None or a positive int, got {threads!r}")
    if n_process > 1 and threads not in (None, 1):
        raise ValueError(f"threads={threads!r} with n_process={n_process}: worker processes parse with one "
                         "thread each; use threads only with n_process=1")
    if errors not in ERRORS:
        raise ValueError(f"errors must be 'raise' or 'record', got {errors!r}")
    if not isinstance(progress, bool):
        raise TypeError(f"progress must be a bool, got {type(progress).__name__}")


def read_batches(texts: Iterator[Any], references: Iterator[Any], batch_size: int) -> Iterator[Batch]:
    """The input, lazily, in batches; bad items become failures in their batch."""
    start = 0
    while True:
        batch = Batch(start)
        try:
            for text in itertools.islice(texts, batch_size):
                position = start + len(batch.texts)
                try:
                    reference = next(references)
                except StopIteration:
                    batch.fatal = ValueError(f"reference_date has fewer items than texts ({position})")
                    break
                try:
                    check_text(text, f"texts[{position}]")
                    reference = coerce_reference_date(reference)
                except (TypeError, ValueError) as exc:
                    batch.invalid[len(batch.texts)] = Failure.of(exc, bad_input=True)
                    text, reference = None, None
                batch.texts.append(text)
                batch.references.append(reference)
        except Exception as exc:  # the caller's iterator failed: end after what was read
            batch.fatal = exc
        if batch.texts or batch.fatal is not None:
            yield batch
        if batch.fatal is not None or len(batch.texts) < batch_size:
            return
        start += len(batch.texts)


def worker_threads(n_process: int) -> int:
    """Torch threads per worker process: the usable cores shared out, at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores // n_process)


# -- parse threads ---------------------------------------------------------------------

def parse_threads(requested: int | None) -> int:
    """Parse threads for ``extract_many`` in this process: ``requested``, else two where
    torch may use two or more threads here (its default: one per core), else one.

    On two cores, two parses at once with one torch thread each beat one parse with two:
    stanza's small LSTM and matrix operations leave torch's second thread waiting much of
    the time, and the Python work between them (building stanza's documents, the tree
    decoder, eventx's rules) runs on one core only; see the performance page.
    """
    if requested is not None:
        return requested
    import torch

    return 2 if torch.get_num_threads() >= 2 else 1


#: Whether :func:`threaded_runs` freezes the heap it starts with (:func:`frozen_heap`).
freeze_heap = True


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Python's cyclic garbage collector leaves the objects that exist on entry alone until exit.

    A corpus run allocates stanza documents fast (tens of objects per word), so the
    collector's full passes come often, and each one walks every object of the process
    (torch, stanza and the models alone are about 230,000): on the 90 MEANTIME articles the
    full passes took about 2 s of a 19 s run, all of it holding the interpreter lock.
    ``gc.freeze`` moves the objects that exist now out of those passes, ``gc.unfreeze`` puts
    them back. Nothing happens when the collector is off or something else has frozen
    objects (a program preparing to fork): that state is the caller's.
    """
    if not freeze_heap or not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def threaded_runs(run_batch: Callable[[Batch], list[Outcome]], batches: Iterator[Batch], threads: int
                  ) -> Iterator[tuple[Batch, list[Outcome]]]:
    """Each batch with ``run_batch(batch)``, in input order, run by ``threads`` threads of
    this process, each with its share of torch's threads (the caller's count divided
    among them, at least one); the caller's own setting is untouched.

    A lone batch (the whole input fits in one) runs in the calling thread with all of
    torch's threads. At most a few batches per thread are read ahead of the one being
    yielded. The threads are shut down (queued batches dropped, running ones finished)
    when the generator is exhausted, closed or fails. The heap is frozen meanwhile
    (:func:`frozen_heap`).
    """
    with frozen_heap():
        yield from _threaded_runs(run_batch, batches, threads)


def _threaded_runs(run_batch: Callable[[Batch], list[Outcome]], batches: Iterator[Batch], threads: int
                   ) -> Iterator[tuple[Batch, list[Outcome]]]:
    import torch

    first = list(itertools.islice(batches, 2 if threads > 1 else 1))
    if len(first) < 2:
        yield from ((batch, run_batch(batch)) for batch in itertools.chain(first, batches))
        return
    caller_threads = torch.get_num_threads()
    share = max(1, caller_threads // threads)

    def run_with_share(batch: Batch) -> list[Outcome]:
        # torch's thread count is per thread once set; setting it also sets the default of
        # threads started later, which the caller's count is restored as
        torch.set_num_threads(share)
        try:
            return run_batch(batch)
        finally:
            torch.set_num_threads(caller_threads)

    executor = ThreadPoolExecutor(threads, thread_name_prefix="eventx-parse")
    pending: collections.deque[tuple[Batch, Future]] = collections.deque()
    try:
        for batch in itertools.chain(first, batches):
            pending.append((batch, executor.submit(run_with_share, batch)))
            while len(pending) >= _BATCHES_AHEAD * threads:
                head, future = pending.popleft()
                yield head, future.result()
        while pending:
            head, future = pending.popleft()
            yield head, future.result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# -- worker processes ------------------------------------------------------------------

_worker_extractor: Any = None


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process (the ``__cause__``
    of the :class:`~eventx.ExtractionError` raised in the parent)."""

    def __str__(self) -> str:
        return str(self.args[0])


def _start_worker(options: dict[str, Any], threads: int) -> None:
    """Pool initializer: torch's threads, and this process's one Extractor (loaded on first use)."""
    global _worker_extractor
    import torch

    from eventx._extractor import Extractor

    torch.set_num_threads(threads)
    _worker_extractor = Extractor(**options)


def _run_in_worker(batch: Batch) -> tuple[list[Outcome], list[tuple[type[Warning], str]]]:
    """One batch in a worker: its outcomes, and the warnings it gave (re-issued by the parent)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        outcomes = _worker_extractor._run_batch(batch)
    portable = [o if not isinstance(o, Failure) else attrs.evolve(
        o, cause=_RemoteTraceback("".join(traceback.format_exception(o.cause)))) for o in outcomes]
    return portable, [(w.category, str(w.message)) for w in caught]


class _Pool:
    """A ``spawn`` process pool that can be restarted after a worker dies."""

    def __init__(self, options: dict[str, Any], n_process: int) -> None:
        self._args = (options, worker_threads(n_process))
        self._n_process = n_process
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self._n_process, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=self._args)

    def submit(self, batch: Batch) -> Future:
        return self._executor.submit(_run_in_worker, batch)

    def restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def _one_by_one(pool: _Pool, batch: Batch) -> tuple[list[Outcome], list[tuple[type[Warning], str]]]:
    """A batch whose worker died, again one document per task: only a document that
    kills its worker again becomes a failure."""
    outcomes: list[Outcome] = []
    caught: list[tuple[type[Warning], str]] = []
    for offset, (text, reference) in enumerate(zip(batch.texts, batch.references)):
        if offset in batch.invalid:
            outcomes.append(batch.invalid[offset])
            continue
        single = Batch(batch.start + offset, [text], [reference])
        try:
            (outcome,), single_caught = pool.submit(single).result()
        except BrokenProcessPool as exc:
            pool.restart()
            outcome, single_caught = Failure("BrokenProcessPool", f"the worker process died: {exc}", exc), []
        outcomes.append(outcome)
        caught.extend(single_caught)
    return outcomes, caught


def parallel_runs(options: dict[str, Any], batches: Iterator[Batch], n_process: int
                  ) -> Iterator[tuple[Batch, list[Outcome]]]:
    """Each batch with its outcomes, in input order, computed by ``n_process``
    worker processes (``spawn``), each holding one ``Extractor(**options)``.

    At most a few batches per worker are read ahead of the one being yielded.
    The pool is shut down when the generator is exhausted, closed or fails.
    """
    pool = _Pool(options, n_process)
    pending: collections.deque[list[Any]] = collections.deque()

    def finish_head() -> tuple[Batch, list[Outcome]]:
        batch, future = pending.popleft()
        try:
            outcomes, caught = future.result()
        except BrokenProcessPool:
            pool.restart()
            outcomes, caught = _one_by_one(pool, batch)
            for item in pending:  # their futures died with the pool
                item[1] = pool.submit(attrs.evolve(item[0], fatal=None))
        for category, message in caught:
            warnings.warn(message, category, stacklevel=4)
        return batch, [batch.invalid.get(offset, outcome) for offset, outcome in enumerate(outcomes)]

    try:
        for batch in batches:
            pending.append([batch, pool.submit(attrs.evolve(batch, fatal=None))])
            while len(pending) >= _BATCHES_AHEAD * n_process:
                yield finish_head()
        while pending:
            yield finish_head()
    finally:
        pool.close()
