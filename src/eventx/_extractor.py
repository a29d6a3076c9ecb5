"""The reusable :class:`Extractor` and the stage pipeline it runs per document.

parse (stanza) → frames (:mod:`._frames`) → roles (:mod:`._roles`, :mod:`._spans`)
→ place and time (:mod:`._places`, :mod:`._when`) → negation and modality
(:mod:`._modality`) → type (:mod:`._ontology`) → :class:`~eventx.Event`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Union

from eventx._documents import check_text, document_from_input
from eventx._frames import Frame, find_frames
from eventx._grammar import PLACE_TARGET_TYPES, REPORTING_VERBS
from eventx._graph import Sentence, sentences_from_document
from eventx._modality import frame_halted, frame_joint, frame_modality, frame_negated, frame_unless
from eventx._models import BUNDLED, load_pipeline, resolve_model_dir
from eventx._ontology import Ontology, load_ontology
from eventx._places import frame_place
from eventx._roles import frame_roles
from eventx._targets import is_actor, named_place
from eventx._spans import participant, participants
from eventx._time import TimeTagger, coerce_reference_date, find_dateline_date
from eventx._types import Event, TimeExpression, Trigger
from eventx._when import TimeIndex, clause_tense

__all__ = ["DEFAULT_BATCH_SIZE", "Extractor", "ReferenceDate"]

ReferenceDate = Union[str, dt.date, dt.datetime, None]

#: Documents handed to stanza at once by :meth:`Extractor.extract_many`.
DEFAULT_BATCH_SIZE = 16


class Extractor:
    """Extracts events; loads the stanza pipeline once, on first use.

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
        self._times = TimeTagger()

    def __repr__(self) -> str:
        where = "stanza" if self._model_dir is None else str(self._model_dir)
        return f"Extractor(models={where!r}, ontology={self.ontology.name!r}, loaded={self._pipeline is not None})"

    @property
    def pipeline(self) -> Any:
        """The stanza ``Pipeline`` (loaded on first access)."""
        if self._pipeline is None:
            self._pipeline = load_pipeline(self._model_dir, device=self._device)
        return self._pipeline

    def extract(self, text: str, *, reference_date: ReferenceDate = None) -> list[Event]:
        """Events of one text, in text order.

        Args:
            text: The article.
            reference_date: The document creation date relative expressions
                ("yesterday", "on Monday") resolve against; when ``None``, a
                dateline at the top of the text is used if there is one.

        Raises:
            TypeError: ``text`` is not a ``str`` or ``reference_date`` has a wrong type.
            ValueError: ``reference_date`` is a string that is not a date.
        """
        check_text(text)
        reference = coerce_reference_date(reference_date)
        if not text.strip():
            return []
        return self._document_events(self._parse([text])[0], text, reference)

    def extract_many(self, texts: Iterable[str], *, reference_date: ReferenceDate | Sequence[ReferenceDate] = None,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[list[Event]]:
        """Events of many texts, parsed by stanza in batches; yields one list per text, in order.

        Args:
            texts: The articles (any iterable; consumed lazily, ``batch_size`` at a time).
            reference_date: One date for all texts, or a sequence with one per text.
            batch_size: Texts handed to stanza at once.

        Raises:
            TypeError: An item is not a ``str`` (its position is in the message).
            ValueError: ``batch_size`` < 1, a bad reference date, or a
                reference-date sequence shorter than ``texts``.
        """
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        if isinstance(reference_date, (list, tuple)):
            references: Iterator[Any] = iter(reference_date)
        else:
            references = itertools.repeat(reference_date)
        return self._iter_many(iter(texts), references, batch_size)

    def _iter_many(self, texts: Iterator[str], references: Iterator[Any], batch_size: int) -> Iterator[list[Event]]:
        position = 0
        while batch := list(itertools.islice(texts, batch_size)):
            refs = []
            for offset, text in enumerate(batch):
                check_text(text, f"texts[{position + offset}]")
                try:
                    refs.append(coerce_reference_date(next(references)))
                except StopIteration:
                    raise ValueError(f"reference_date has fewer items than texts ({position + offset})") from None
            todo = [i for i, t in enumerate(batch) if t.strip()]
            parsed = self._parse([batch[i] for i in todo]) if todo else []
            docs = dict(zip(todo, parsed))
            for i, text in enumerate(batch):
                yield self._document_events(docs[i], text, refs[i]) if i in docs else []
            position += len(batch)

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
        """Stage 1: stanza ``Document`` parses of non-empty texts, in order (the one place stanza runs)."""
        import stanza

        return self.pipeline([stanza.Document([], text=t) for t in texts])

    def _document_events(self, doc: Any, text: str, reference: dt.date | None) -> list[Event]:
        sentences = sentences_from_document(doc)
        if reference is None:
            reference = find_dateline_date(text)
        frames = [f for s in sentences for f in find_frames(s, self.ontology)]
        self._type_reports(frames)
        times = self._times.tag(text, reference, tense=_TenseOracle(sentences))
        index = TimeIndex(sentences, times)
        when = index.attach(frames)
        return [self._event(frame, text, index, when.get(id(frame))) for frame in frames]

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

    def _event(self, frame: Frame, text: str, index: TimeIndex, when: TimeExpression | None) -> Event:
        who, whom = frame_roles(frame, index.is_time)
        place = frame_place(frame, index.is_time, frozenset(who) | frozenset(whom))
        start = min(n.start for n in frame.trigger)
        end = max(n.end for n in frame.trigger)
        negated, modality = frame_negated(frame), frame_modality(frame)
        event_type = self.ontology.coded_type(frame.type, modality, negated, unless=frame_unless(frame),
                                                halted=frame_halted(frame), joint=frame_joint(frame, who))
        if place is not None and event_type in PLACE_TARGET_TYPES and not any(is_actor(n) for n in whom):
            whom += [n for n in (named_place(place, frame),) if n is not None and n not in whom]
        return Event(
            type=event_type,
            quad=self.ontology.quad(event_type),
            trigger=Trigger(text=text[start:end], start=start, end=end, lemma=frame.lemma),
            who=participants(who, text, index.is_time),
            whom=participants(whom, text, index.is_time),
            where=None if place is None else participant(place, text, index.is_time),
            when=when,
            negated=negated,
            modality=modality,
            sentence=frame.sentence.index,
        )


class _TenseOracle:
    """Tells the time layer the tense of the clause that governs a span of the text."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences

    def __call__(self, start: int, end: int) -> str | None:
        for sentence in self._sentences:
            if sentence.start <= start < sentence.end or sentence.start < end <= sentence.end:
                nodes = [n for n in sentence if n.start < end and n.end > start]
                if nodes:
                    inside = {n.index for n in nodes}
                    head = next((n for n in nodes if n.head not in inside), nodes[0])
                    return clause_tense(head)
        return None
