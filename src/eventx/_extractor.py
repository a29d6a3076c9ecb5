"""The reusable :class:`Extractor` and the stage pipeline it runs per document.

parse (:mod:`eventx._parse`) → frames → roles → targets → place → time, negation and
modality (the rule stages, :mod:`eventx._stages`, in that order) → type
(:mod:`eventx._ontology`) → actors resolved and coded across the document
(:mod:`eventx._actors`) → :class:`~eventx.Event`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any, Union

from eventx._actors._resolution import resolve_actors
from eventx._batch import (
    Batch,
    Failure,
    Outcome,
    check_many_options,
    parallel_runs,
    parse_threads,
    read_batches,
    threaded_runs,
)
from eventx._documents import check_text, document_from_input
from eventx._exceptions import ExtractionError, LanguageWarning, ModelError
from eventx._grammar import PLACE_TARGET_TYPES, REPORTING_VERBS
from eventx._graph import Node, Sentence, sentences_from_document
from eventx._ontology import Ontology, load_ontology
from eventx._parse._chunks import MAX_CHUNK_CHARS, chunk_spans, shift_events
from eventx._parse._language import looks_english
from eventx._parse._models import BUNDLED, load_pipeline, resolve_model_dir
from eventx._parse._parsing import NEEDED, parse_texts, processor_locks
from eventx._spans import participant, participants
from eventx._stages._frames import Frame, find_frames
from eventx._stages._modality import (
    frame_halted,
    frame_joint,
    frame_modality,
    frame_negated,
    frame_peacekeeping,
    frame_ready,
    frame_unless,
    peacekeeping_roles,
)
from eventx._stages._places import frame_place, inside, partners_and_place, unnamed_actor_place
from eventx._stages._roles import frame_roles
from eventx._stages._targets import is_actor, named_place
from eventx._stages._when import TenseOracle, TimeIndex
from eventx._time import TimeTagger, coerce_reference_date, find_dateline_date
from eventx._types import Event, Participant, TimeExpression, Trigger

__all__ = ["DEFAULT_BATCH_SIZE", "Extractor", "ReferenceDate"]

ReferenceDate = Union[str, dt.date, dt.datetime, None]

#: Documents handed to stanza at once by :meth:`Extractor.extract_many`.
DEFAULT_BATCH_SIZE = 16


class Extractor:
    """Extracts events; loads the stanza pipeline once, on first use.

    One Extractor can be shared between threads: the pipeline is loaded once,
    under a lock, and the threads' parses overlap: stanza's own processors (on the
    stanza versions read for it; see :doc:`/scaling`) run in several threads at once,
    any other processor under a lock of its own;
    the rules and the time layer, whose caches are thread-safe, run in the calling
    threads. :meth:`extract_many` uses this itself (``threads``); for more
    parallelism, use processes: ``extract_many(texts, n_process=k)``.

    Args:
        model_dir: A folder of stanza models to use instead of the bundled ones
            (default: ``$EVENTX_MODEL_DIR``, else the bundled models).
        models: ``"bundled"`` (default) or ``"stanza"`` for stanza's official
            English models, fetched beforehand with ``eventx download``.
        ontology: Path to an ontology JSON file (see :doc:`/concepts`), or
            ``None`` for PLOVER.
        device: Torch device for stanza (``"cpu"`` by default).

    Raises:
        OntologyError: The ontology file is missing or malformed (at construction).
        ModelError: The models cannot be found or loaded (on first use).
    """

    def __init__(self, *, model_dir: str | os.PathLike[str] | None = None, models: str = BUNDLED,
                 ontology: str | os.PathLike[str] | None = None, device: str = "cpu") -> None:
        self._model_dir = resolve_model_dir(model_dir, models)
        self._device = device
        self.ontology: Ontology = load_ontology(ontology)
        self._pipeline: Any = None
        self._processor_locks: dict[str, Any] = {}
        self._times = TimeTagger()
        # What a worker process needs to build the same Extractor (extract_many(n_process=k), eventx.dask).
        self._options: dict[str, Any] = {
            "model_dir": self._model_dir, "models": models, "device": device,
            "ontology": os.path.abspath(ontology) if isinstance(ontology, (str, os.PathLike)) else ontology,
        }
        # Guards the lazy pipeline load (a processor threads may not share then runs under its own lock).
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        where = "stanza" if self._model_dir is None else str(self._model_dir)
        return f"Extractor(models={where!r}, ontology={self.ontology.name!r}, loaded={self._pipeline is not None})"

    #: Which sentences the entity tagger reads: only those where a tag can give a
    #: participant its kind (:mod:`eventx._parse._parsing`), or ``"all"`` (for comparisons).
    _entity_scope = NEEDED

    @property
    def pipeline(self) -> Any:
        """The stanza ``Pipeline`` (loaded on first access)."""
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    pipeline = load_pipeline(self._model_dir, device=self._device)
                    self._processor_locks = processor_locks(pipeline)
                    self._pipeline = pipeline
        return self._pipeline

    def extract(self, text: str, *, reference_date: ReferenceDate = None) -> list[Event]:
        """Events of one text, in text order.

        A text longer than 20,000 characters (``eventx._parse._chunks.MAX_CHUNK_CHARS``)
        is parsed in chunks cut at paragraph ends (else line
        breaks, sentence ends, spaces), one chunk at a time, so memory stays
        bounded however long the text is. Offsets still point into ``text``,
        sentence indices run on across chunks, and relative dates resolve
        against ``reference_date`` or else the dateline at the top of the whole
        text. Shorter texts are parsed in one piece.

        A text (or chunk) that does not look like English gives a
        :class:`~eventx.LanguageWarning` naming it and no events; it is not parsed.

        Args:
            text: The article.
            reference_date: The document creation date relative expressions
                ("yesterday", "on Monday") resolve against; when ``None``, a
                dateline at the top of the text is used if there is one.

        Raises:
            TypeError: ``text`` is not a ``str`` or ``reference_date`` has a wrong type.
            ValueError: ``reference_date`` is a string that is not a date.
            ModelError: The models cannot be loaded.
        """
        check_text(text)
        reference = coerce_reference_date(reference_date)
        return self._text_events(text, reference)

    def extract_many(self, texts: Iterable[str], *, reference_date: ReferenceDate | Iterable[ReferenceDate] = None,
                     batch_size: int = DEFAULT_BATCH_SIZE, n_process: int = 1, threads: int | None = None,
                     errors: str = "raise", progress: bool = False) -> Iterator[list[Event] | ExtractionError]:
        """Events of many texts, parsed by stanza in batches; yields one item per text, in input order.

        Never a silently shorter result: every text yields its list of events
        (``[]`` for a blank one, and for one that does not look like English,
        with a :class:`~eventx.LanguageWarning` naming it), or with
        ``errors="record"`` an :class:`~eventx.ExtractionError` in its place.
        Texts longer than 20,000 characters are parsed in chunks, as by :meth:`extract`.
        While it parses in this process, the objects that existed when it started are
        left out of Python's cyclic garbage collector (``gc.freeze``, undone at the end;
        see :doc:`/scaling`).

        Args:
            texts: The articles (any iterable; consumed lazily, a few batches ahead
                at most, so an input larger than memory works).
            reference_date: One date for all texts, or an iterable (a list, a pandas
                Series, a generator) with one per text, read lazily in step with
                ``texts``.
            batch_size: Texts handed to stanza at once (and to a worker process at once).
            n_process: Worker processes. ``1`` parses here; ``k > 1`` starts ``k``
                processes (``spawn``), each building one Extractor with this one's
                configuration once and parsing with ``cores // k`` torch threads.
                The pool is shut down when the generator is exhausted or closed.
                Results are the same as with ``1``, in the same order.
            threads: With ``n_process=1``: batches parsed at once by threads of this
                process, each stanza processor used by one thread at a time and torch's
                threads shared out among them. ``None`` (default): two where torch may
                use two or more threads (one per core by default), else one; an input
                of one batch always runs in the calling thread. Results are the same
                as with ``1``, in the same order. With ``n_process > 1``: ``None`` or ``1``.
            errors: ``"raise"`` (default): a document that fails raises
                :class:`~eventx.ExtractionError` (index, error type, message)
                from the original exception, after every earlier document was
                yielded. ``"record"``: the ``ExtractionError`` is yielded in the
                document's place and the run goes on; a non-``str`` item or a bad
                reference date in the sequence is such a record too. When stanza
                fails on a whole batch, its documents are retried one by one, so
                only the bad one fails.
            progress: Show a tqdm progress bar (documents done) on stderr, when
                stderr is a terminal.

        Yields:
            Each text's events (a list), or its ``ExtractionError`` with ``errors="record"``.

        Raises:
            TypeError: ``errors="raise"`` and an item is not a ``str`` (its position
                is in the message); ``progress`` is not a bool.
            ValueError: ``batch_size`` or ``n_process`` < 1, ``threads`` neither None nor
                a positive int (or > 1 with ``n_process > 1``), ``errors`` unknown, a
                bad reference date, or a reference-date sequence shorter than
                ``texts`` (raised when it runs out, in both modes).
            ExtractionError: ``errors="raise"`` and a document failed.
            ModelError: The models cannot be loaded (in both modes).
        """
        check_many_options(batch_size, n_process, errors, progress, threads)
        if reference_date is None or isinstance(reference_date, (str, bytes, dt.date)) \
                or not isinstance(reference_date, Iterable):
            references: Iterator[Any] = itertools.repeat(coerce_reference_date(reference_date))
        else:  # one per text, read in step with the texts (a generator works: nothing is held)
            references = iter(reference_date)
        total = len(texts) if isinstance(texts, Sized) else None  # for the progress bar
        return self._iter_many(iter(texts), references, batch_size, n_process, threads, errors, progress, total)

    def _iter_many(self, texts: Iterator[Any], references: Iterator[Any], batch_size: int, n_process: int,
                   threads: int | None, errors: str, progress: bool, total: int | None = None
                   ) -> Iterator[list[Event] | ExtractionError]:
        from tqdm import tqdm

        batches = read_batches(texts, references, batch_size)
        if n_process == 1:
            runs: Iterator[tuple[Batch, list[Outcome]]] = threaded_runs(self._run_batch, batches,
                                                                         parse_threads(threads))
        else:
            runs = parallel_runs(self._options, batches, n_process)
        bar = tqdm(desc="eventx", unit="doc", total=total, file=sys.stderr, disable=None if progress else True)
        try:
            for batch, outcomes in runs:
                for offset, outcome in enumerate(outcomes):
                    if isinstance(outcome, Failure):
                        if errors == "raise":
                            if outcome.bad_input:
                                raise outcome.cause
                            raise outcome.error(batch.start + offset) from outcome.cause
                        yield outcome.error(batch.start + offset)
                    else:
                        yield outcome
                    bar.update()
                if batch.fatal is not None:
                    raise batch.fatal
        finally:
            bar.close()
            runs.close()  # type: ignore[attr-defined]  # shuts a worker pool down

    def _run_batch(self, batch: Batch) -> list[Outcome]:
        """The outcome of every document of ``batch``: short texts parsed in one stanza
        call (one by one when that call fails), long ones chunk by chunk."""
        outcomes: list[Outcome] = [[] for _ in batch.texts]
        together = []
        for offset, text in enumerate(batch.texts):
            if offset in batch.invalid:
                outcomes[offset] = batch.invalid[offset]
            elif text is not None and text.strip():
                what = f"texts[{batch.start + offset}]"
                if len(text) > MAX_CHUNK_CHARS:
                    outcomes[offset] = self._guarded(self._text_events, text, batch.references[offset], what)
                elif self._looks_english(text, what):
                    together.append(offset)
        try:
            docs: list[Any] | None = self._parse([batch.texts[i] for i in together]) if together else []
        except ModelError:
            raise
        except Exception:  # one bad text fails stanza's whole batch: retry one by one below
            docs = None
        for k, offset in enumerate(together):
            text, reference = batch.texts[offset], batch.references[offset]
            if docs is None:
                outcomes[offset] = self._guarded(self._parsed_events, text, reference)
            else:
                outcomes[offset] = self._guarded(self._document_events, docs[k], text, reference)
        return outcomes

    @staticmethod
    def _guarded(stage: Callable[..., list[Event]], *args: Any) -> Outcome:
        """``stage(*args)``, or the :class:`Failure` it raised (a model that cannot load is no
        per-document failure: it is raised)."""
        try:
            return stage(*args)
        except ModelError:
            raise
        except Exception as exc:
            return Failure.of(exc)

    def _text_events(self, text: str, reference: dt.date | None, what: str = "text") -> list[Event]:
        """Events of a checked text: parsed whole, or chunk by chunk when long; none for a
        text (or chunk) that does not look English (``what`` names it in the warning)."""
        if not text.strip():
            return []
        if len(text) <= MAX_CHUNK_CHARS:
            return self._parsed_events(text, reference) if self._looks_english(text, what) else []
        if reference is None:  # the dateline of the document, not of a chunk
            reference = find_dateline_date(text[:MAX_CHUNK_CHARS])
        events: list[Event] = []
        sentences = 0
        for start, end in chunk_spans(text, MAX_CHUNK_CHARS):
            chunk = text[start:end]
            if not chunk.strip() or not self._looks_english(chunk, f"{what} (characters {start}-{end})"):
                continue
            doc = self._parse([chunk])[0]
            events.extend(shift_events(self._document_events(doc, chunk, reference), start, sentences))
            sentences += len(doc.sentences)
        return events

    def _parsed_events(self, text: str, reference: dt.date | None) -> list[Event]:
        return self._document_events(self._parse([text])[0], text, reference)

    @staticmethod
    def _looks_english(text: str, what: str) -> bool:
        """Whether to parse ``text``; if not, a :class:`~eventx.LanguageWarning` names it."""
        if looks_english(text):
            return True
        warnings.warn(f"{what} does not look like English: no events (the models are English-only)",
                      LanguageWarning, stacklevel=3)
        return False

    def extract_document(self, doc: Any, *, reference_date: ReferenceDate = None) -> list[Event]:
        """Events of an already-parsed document: no stanza parsing is done.

        Args:
            doc: A stanza ``Document`` with POS, lemmas and dependencies, or a
                CoNLL-U string. Offsets point into ``doc.text`` (rebuilt from the
                tokens when the input has none).
            reference_date: As for :meth:`extract`.

        Raises:
            ParseInputError: The document has no dependency parse or the CoNLL-U is invalid.
            TypeError: ``doc`` is of another type.
        """
        reference = coerce_reference_date(reference_date)
        doc = document_from_input(doc)
        return self._document_events(doc, doc.text, reference)

    # -- the stages ---------------------------------------------------------------

    def _parse(self, texts: list[str]) -> list[Any]:
        """Stage 1: stanza ``Document`` parses of non-empty texts, in order (the one place stanza
        runs), each stanza processor that threads may not share under its lock."""
        pipeline = self.pipeline  # loads it, and the processors' locks with it
        return parse_texts(pipeline, texts, entity_scope=self._entity_scope, locks=self._processor_locks)

    def _document_events(self, doc: Any, text: str, reference: dt.date | None) -> list[Event]:
        sentences = sentences_from_document(doc)
        if reference is None:
            reference = find_dateline_date(text)
        frames = [f for s in sentences for f in find_frames(s, self.ontology)]
        self._type_reports(frames)
        times = self._times.tag(text, reference, tense=TenseOracle(sentences))
        index = TimeIndex(sentences, times)
        when = index.attach(frames)
        spans: dict[tuple[Node, ...], tuple[Participant, ...]] = {}  # role heads → their participants
        events = [self._event(frame, text, index, when.get(id(frame)), spans) for frame in frames]
        return resolve_actors(events, sentences, text)  # the document's actors, countries and places

    def _type_reports(self, frames: list[Frame]) -> None:
        """Type a reporting verb by what its reported clause does, where the ontology
        says so: "Russia said Sudan *must* return the helicopter" is a DEMAND by Russia."""
        if not self.ontology.reported_types:
            return
        by_host = {(f.sentence.index, h.index): f for f in frames for h in f.hosts}
        for frame in frames:
            if frame.type is not None or frame.verb is None or frame.lemma not in REPORTING_VERBS:
                continue
            for clause in frame.verb.kids("ccomp", "parataxis"):
                reported = by_host.get((frame.sentence.index, clause.index))
                if reported is not None and not frame_negated(reported):
                    frame.type = self.ontology.reported_type(frame_modality(reported)) or frame.type

    def _event(self, frame: Frame, text: str, index: TimeIndex, when: TimeExpression | None,
               spans: dict[tuple[Node, ...], tuple[Participant, ...]]) -> Event:
        who, whom = frame_roles(frame, index.is_time)
        place = frame_place(frame, index.is_time, frozenset(who) | frozenset(whom))
        start = min(n.start for n in frame.trigger)
        end = max(n.end for n in frame.trigger)
        negated, modality = frame_negated(frame), frame_modality(frame)
        peacekeeping = frame_peacekeeping(frame, whom)
        event_type = self.ontology.coded_type(frame.type, modality, negated, unless=frame_unless(frame),
                                                halted=frame_halted(frame), joint=frame_joint(frame, who),
                                                ready=frame_ready(frame), peacekeeping=peacekeeping)
        if peacekeeping and frame.type in self.ontology.peacekeeping_types:
            who, whom = peacekeeping_roles(who, whom)
        # a place is never the partner of a meeting, also of one coded as a commitment (future → AGREE)
        whom, place = partners_and_place(frame.type, whom, place)
        # ... nor is the place of the actor the target of an event that has a recipient
        # ("A court *in Moscow* sentenced the activist")
        if (place is not None and event_type in PLACE_TARGET_TYPES and not any(is_actor(n) for n in whom)
                and not inside(place, whom) and not (whom and inside(place, who))):
            whom += [n for n in (named_place(place, frame),) if n is not None and n not in whom]
        # ... and the named place of an attack, arrest or investigation whose actor goes unnamed its actor
        who = unnamed_actor_place(event_type, who, place, frame)
        return Event(
            type=event_type,
            quad=self.ontology.quad(event_type),
            trigger=Trigger(text=text[start:end], start=start, end=end, lemma=frame.lemma),
            who=_participants(who, text, index, spans),
            whom=_participants(whom, text, index, spans),
            where=None if place is None else participant(place, text, index.is_time),
            when=when,
            negated=negated,
            modality=modality,
            sentence=frame.sentence.index,
        )


def _participants(heads: list[Node], text: str, index: TimeIndex,
                  spans: dict[tuple[Node, ...], tuple[Participant, ...]]) -> tuple[Participant, ...]:
    """:func:`~eventx._spans.participants` of ``heads``, computed once per document for
    the same heads (``spans``): the subject of several verbs, the object of a light verb
    and its noun are the role heads of more than one frame."""
    key = tuple(heads)
    found = spans.get(key)
    if found is None:
        found = spans[key] = participants(heads, text, index.is_time)
    return found
