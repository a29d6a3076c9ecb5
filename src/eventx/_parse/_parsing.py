"""The stanza run of stage 1, with the entity tagger only where its tags can matter.

eventx reads the entity tagger's tags in one place: the kind of a participant whose
kind the word tables and the gazetteer leave open (:func:`eventx._kinds.entity_kind`).
So :func:`parse_texts` runs the pipeline without ``ner``, then the ``ner`` processor on
the sentences :func:`eventx._kinds.may_need_entity_tags` keeps (those with a proper
noun), as one batch. The tags land on the same ``Token`` objects, and every token of the
other sentences is tagged ``O``, so each returned ``Document`` looks like a full run and
``doc.ents`` is rebuilt. The tagger reads one sentence at a time (a BiLSTM-CRF over its
words), so a sentence gets the tags it gets in a full run; the tests compare the events
of both ways on real articles.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from eventx._kinds import may_need_entity_tags
from eventx._parse._speedups import inference

__all__ = ["ALL", "ENTITY_SCOPES", "NEEDED", "SHARED_ON_STANZA", "SHARED_PROCESSORS", "parse_texts", "processor_locks",
           "processors_in_order", "shared_processor"]

#: ``entity_scope`` values: the entity tagger on every sentence, or only where needed.
ALL, NEEDED = "all", "needed"
ENTITY_SCOPES = (ALL, NEEDED)
OUTSIDE = "O"
#: The stanza processors that threads may run at the same time, by pipeline name and class, on
#: the stanza versions whose code was read for it: each call of their ``process`` /
#: ``bulk_process`` builds its own dataset and batches, their models only read their
#: parameters (eval mode, no gradients: torch's grad mode is per thread), and eventx's
#: replacements of their internals (:mod:`eventx._parse._speedups`) keep their per-call
#: state in context variables, which are per thread. Read on stanza 1.15: no method these
#: processors, their trainers, models or data classes run at inference assigns to an
#: attribute of the processor, trainer or model. Any other processor (a variant, another
#: stanza version) runs under a lock of its own.
SHARED_PROCESSORS = {"tokenize": "TokenizeProcessor", "mwt": "MWTProcessor", "pos": "POSProcessor",
                     "lemma": "LemmaProcessor", "depparse": "DepparseProcessor", "ner": "NERProcessor"}
#: The stanza versions (major.minor) :data:`SHARED_PROCESSORS` was read on.
SHARED_ON_STANZA = ("1.15",)

logger = logging.getLogger("eventx")


def parse_texts(pipeline: Any, texts: Sequence[str], *, entity_scope: str = NEEDED,
                locks: Mapping[str, contextlib.AbstractContextManager[Any]] | None = None) -> list[Any]:
    """stanza ``Document`` parses of ``texts``, in order.

    The processors run one after the other over all the texts, in the order
    ``pipeline(docs)`` runs them. With ``locks`` (a context manager per processor name, see
    :func:`processor_locks`), each processor runs under its own: a lock for a processor that
    is not known to be safe in two threads at once, nothing for one that is.

    Args:
        pipeline: A loaded ``stanza.Pipeline``.
        texts: Non-empty texts.
        entity_scope: :data:`NEEDED` (default) or :data:`ALL` (every sentence through
            the entity tagger, as a plain pipeline call does).
        locks: The processors' locks, or None (the caller runs one parse at a time).

    Raises:
        ValueError: ``entity_scope`` is neither.
    """
    import stanza

    if entity_scope not in ENTITY_SCOPES:
        raise ValueError(f"entity_scope must be one of {ENTITY_SCOPES}, got {entity_scope!r}")
    docs = [stanza.Document([], text=t) for t in texts]
    if not docs:
        return docs
    with inference():  # torch.inference_mode and the scope of the exact speed-ups (_speedups)
        for name, processor in processors_in_order(pipeline):
            with locks[name] if locks is not None else contextlib.nullcontext():
                if name == "ner" and entity_scope == NEEDED:
                    tag_entities(processor, docs, may_need_entity_tags)
                else:
                    docs = processor.bulk_process(docs)
    return docs


def processors_in_order(pipeline: Any) -> list[tuple[str, Any]]:
    """The pipeline's processors by name, in the order ``pipeline(docs)`` runs them."""
    from stanza.pipeline.core import PIPELINE_NAMES

    return [(name, pipeline.processors[name]) for name in PIPELINE_NAMES if pipeline.processors.get(name)]


def processor_locks(pipeline: Any) -> dict[str, contextlib.AbstractContextManager[Any]]:
    """What each of the pipeline's processors runs under, for :func:`parse_texts`: nothing
    for one that threads may share (:func:`shared_processor`), else a lock of its own (and
    a debug message on the ``eventx`` logger saying why)."""
    import threading

    locks: dict[str, contextlib.AbstractContextManager[Any]] = {}
    for name, processor in processors_in_order(pipeline):
        why = _why_locked(name, processor)
        if why is None:
            locks[name] = contextlib.nullcontext()
        else:
            locks[name] = threading.Lock()
            logger.debug("the %s processor runs under a lock: %s", name, why)
    return locks


def shared_processor(name: str, processor: Any) -> bool:
    """Whether threads may run ``processor`` at the same time: stanza's own processor class
    for ``name`` (:data:`SHARED_PROCESSORS`), no variant in its place, on a stanza version
    whose code was read for it (:data:`SHARED_ON_STANZA`)."""
    return _why_locked(name, processor) is None


def _why_locked(name: str, processor: Any) -> str | None:
    """Why threads may not share ``processor``, or None when they may."""
    import stanza

    cls = type(processor)
    if (cls.__name__ != SHARED_PROCESSORS.get(name) or not cls.__module__.startswith("stanza.pipeline.")
            or hasattr(processor, "_variant")):
        return "not stanza's own processor"
    if ".".join(stanza.__version__.split(".")[:2]) not in SHARED_ON_STANZA:
        return f"stanza {stanza.__version__}'s code was not read for sharing"
    return None


def tag_entities(ner: Any, docs: list[Any], wanted: Callable[[Any], bool]) -> int:
    """Run the ``ner`` processor on the sentences of ``docs`` that ``wanted`` keeps, tag
    the tokens of the others ``O``; returns how many sentences were tagged."""
    from stanza.models.common.doc import Document

    chosen = []
    for doc in docs:
        for sentence in doc.sentences:
            if wanted(sentence):
                chosen.append(sentence)
            else:
                for token in sentence.tokens:
                    token.ner = OUTSIDE
                    token.multi_ner = (OUTSIDE,) * len(getattr(ner, "trainers", [None]))
    if chosen:
        batch = Document([])
        batch.sentences = chosen
        batch.num_tokens = sum(len(s.tokens) for s in chosen)
        batch.num_words = sum(len(s.words) for s in chosen)
        ner.process(batch)
    for doc in docs:
        doc.build_ents()
    return len(chosen)
