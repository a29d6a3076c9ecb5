"""PLOVER JSON records: :meth:`eventx.Event.to_plover`.

The field names, entity, location and text objects follow the "PLOVER JSON" table
of the PLOVER manual (draft 2.0); how eventx's types, modality and negation map
onto PLOVER's ``event``, ``mode`` and ``context`` fields is the data table
``eventx/data/plover_record.json``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
from typing import TYPE_CHECKING, Any

from eventx._tables import load_table
from eventx._time import coerce_reference_date

if TYPE_CHECKING:
    from eventx._types import Event, Participant

__all__ = ["plover_category", "plover_record", "sentence_span"]

#: Characters that may close a sentence after its final punctuation.
_CLOSERS = "\"'”’)]"
#: A sentence end: final punctuation, closers, whitespace, then what starts a sentence.
_SENTENCE_END = re.compile(r"[.!?][" + re.escape(_CLOSERS) + r"]*(?=\s+[\"'“‘(\[A-Z0-9])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@functools.cache
def _table() -> dict[str, Any]:
    return load_table("plover_record.json")


@functools.cache
def _ontology_absorbs() -> tuple[frozenset[str], frozenset[str]]:
    """Record categories that already state a modality (future → AGREE/THREATEN) or a
    negation (REJECT), taken from the PLOVER ontology's own intent table."""
    from eventx._ontology import load_ontology

    ontology = load_ontology()
    future = {*ontology.intent_types.values(), _table()["future_agree"]["event"]}
    if ontology.unless_type:
        future.add(ontology.unless_type)
    return frozenset(future), frozenset(ontology.negated_types.values())


def plover_category(event_type: str | None) -> tuple[str, str | None] | None:
    """The PLOVER category and mode of an eventx type (``"DISAPPROVE"`` →
    ``("ACCUSE", "disapprove")``), or ``None`` when PLOVER has no category for it
    (``None``, ``"CRIME"``, types of another ontology)."""
    entry = _table()["categories"].get(event_type) if isinstance(event_type, str) else None
    return None if entry is None else (entry["event"], entry.get("mode"))


def _is_abbreviation(text: str, point: int) -> bool:
    """Whether the word ending at ``text[point]`` (a ".") is an abbreviation or initial."""
    start = point
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    word = text[start:point]
    if not word:
        return False
    initial = len(word) == 1 and word.isalpha()
    return "." in word or initial or word.lower() in _table()["sentence_abbreviations"]


@functools.lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Every sentence end of ``text``, sorted (cached: a document's events share them)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if not _is_abbreviation(text, m.start())]
    ends += [m.start() for m in _BLANK_LINE.finditer(text)]
    return tuple(sorted(ends))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around ``text[start:end]`` as ``(start, end)``, cut at
    the nearest sentence ends outside the span (see ``plover_record.json``), with the
    surrounding whitespace stripped. It always contains ``text[start:end]``."""
    ends = _sentence_ends(text)
    before = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(ends, end)
    left = ends[before - 1] if before else 0
    right = ends[after] if after < len(ends) else len(text)
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


@functools.lru_cache(maxsize=8)
def _text_prefix(text: str) -> str:
    """The id prefix of a document without an id: a hash of its text."""
    return "eventx-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _spans(event: Event) -> list[tuple[int, int]]:
    spans = [(event.trigger.start, event.trigger.end)]
    spans += [(p.start, p.end) for p in (*event.who, *event.whom, *([event.where] if event.where else []))]
    return spans


def _entity(p: Participant, prefix: str) -> dict[str, Any]:
    """PLOVER's entity object; ``start``/``end``/``kind`` are eventx's additions. The
    identifier is the document's actor id qualified by the record's id prefix, so it
    is unique across documents that have distinct ids."""
    return {
        "entity_text": p.text,
        "code": p.country,
        "sector": p.sector,
        "identifier_id": None if p.actor_id is None else f"{prefix}:{p.actor_id}",
        "identifier_text": p.canonical,
        "start": p.start,
        "end": p.end,
        "kind": p.kind,
    }


def _location(p: Participant | None) -> dict[str, Any] | None:
    """PLOVER's location object (Mordecai/Geonames field names)."""
    if p is None:
        return None
    return {
        "extracted_place": p.text,
        "resolved_place": p.canonical,
        "geonameid": p.geonames_id,
        "lat": p.latitude,
        "lon": p.longitude,
        "country_code": p.country,
        "start": p.start,
        "end": p.end,
    }


def _iso_day(value: dt.date) -> str:
    return value.isoformat()[:10]


def _dates(event: Event, document_date: dt.date | None) -> dict[str, str | None]:
    """``date``/``time``/``enddate``: the event's own time when it is asserted and
    resolves to a day or a range of days, else the document's date."""
    when = event.when
    if event.modality == "asserted" and when is not None and when.earliest is not None:
        latest = when.latest if when.latest is not None else when.earliest
        time = when.value.split("T", 1)[1] if when.type == "TIME" and "T" in when.value else None
        enddate = _iso_day(latest) if _iso_day(latest) != _iso_day(when.earliest) else None
        return {"date": _iso_day(when.earliest), "time": time, "enddate": enddate}
    if document_date is None:
        raise ValueError("a PLOVER record needs a date and the event's own time does not give one: "
                         "pass date= (the document's publication date)")
    return {"date": _iso_day(document_date), "time": None, "enddate": None}


def _coding(event: Event) -> tuple[str, list[str] | None, list[str] | None]:
    """PLOVER ``event`` category, ``mode`` list and ``context`` list (auxiliary modes)."""
    table = _table()
    category = plover_category(event.type)
    if category is None:
        raise ValueError(f"event type {event.type!r} has no PLOVER category (trigger {event.trigger.text!r}); "
                         "PLOVER records exist only for PLOVER types")
    plover, mode = category
    future = table["future_agree"]
    if event.modality in future["modalities"] and event.type in future["types"] and not event.negated:
        plover, mode = future["event"], None
    if mode is None and plover == event.type:
        mode = table["modes_by_trigger"].get(plover, {}).get(event.trigger.lemma)
    absorbs_future, absorbs_negation = _ontology_absorbs()
    refusal = event.negated and plover in absorbs_negation  # "will not accept" is a REJECT now
    context = []
    if event.negated and not refusal:
        context.append(table["auxiliary_negated"])
    auxiliary = table["auxiliary_by_modality"].get(event.modality)
    if auxiliary and not (auxiliary == "future" and (refusal or plover in absorbs_future)):
        context.append(auxiliary)
    return plover, ([mode] if mode else None), (context or None)


def _parties(event: Event, plover: str, mode: list[str] | None) -> tuple[list[Participant], list[Participant]]:
    """``actor`` and ``recipient`` participants: every party is an actor in a
    consultation with no visitor and host; a recipient that is also an actor (a
    reciprocal event, "A and B met") is not repeated as recipient."""
    rule = _table()["all_actors"]
    actors = list(event.who)
    seen = {(p.start, p.end) for p in actors}
    if plover in rule["categories"] and not set(mode or ()) & set(rule["unless_modes"]):
        actors += [p for p in event.whom if (p.start, p.end) not in seen]
        return actors, []
    return actors, [p for p in event.whom if (p.start, p.end) not in seen]


def plover_record(event: Event, document_id: str | None = None, date: Any = None,
                  text: str | None = None) -> dict[str, Any]:
    """The PLOVER JSON record of ``event``; see :meth:`eventx.Event.to_plover`."""
    if document_id is not None and not isinstance(document_id, str):
        raise TypeError(f"document_id must be a str or None, got {type(document_id).__name__}")
    if text is not None and not isinstance(text, str):
        raise TypeError(f"text must be the document as a str or None, got {type(text).__name__}")
    trigger = event.trigger
    if text is not None and (text[trigger.start:trigger.end] != trigger.text
                             or any(end > len(text) for _, end in _spans(event))):
        raise ValueError("text does not match the event's offsets: pass the document the event was extracted from")
    try:
        document_date = coerce_reference_date(date)
    except TypeError:
        raise TypeError(f"date must be a str, date, datetime or None, got {type(date).__name__}") from None
    plover, mode, context = _coding(event)
    table = _table()
    if document_id is not None:
        prefix = document_id
    elif text is not None:
        prefix = _text_prefix(text)
    else:
        prefix = "eventx"
    actors, recipients = _parties(event, plover, mode)
    actor_records = [_entity(p, prefix) for p in actors]
    recipient_records = [_entity(p, prefix) for p in recipients]
    text_info: dict[str, Any] = {"sequence": event.sentence}
    sentence = None
    if text is not None:
        spans = _spans(event)
        start, end = sentence_span(text, min(s for s, _ in spans), max(e for _, e in spans))
        sentence, text_info["start"], text_info["end"] = text[start:end], start, end
    from eventx import __version__  # the package imports this module's caller first: no cycle at import time

    score_key = f"{plover}:{mode[0]}" if mode else plover
    return {
        "id": f"{prefix}-{event.sentence}-{event.trigger.start}-{event.trigger.end}",
        "has_event": True,
        **_dates(event, document_date),
        "actor": actor_records,
        "recipient": recipient_records,
        "event": [plover],
        "event_loc": _location(event.where),
        "event_text": [event.trigger.text],
        "quad_code": table["quad_codes"][plover],
        "event_scale": table["scores"].get(score_key, table["scores"].get(plover)),
        "mode": mode,
        "context": context,
        "text": sentence,
        "text_info": text_info,
        "coder": f"eventx {__version__}",
        "coded_date": dt.datetime.now(dt.timezone.utc).date().isoformat(),
        "eventx": {"type": event.type, "quad": event.quad, "modality": event.modality, "negated": event.negated,
                   "trigger": event.trigger.to_dict(),
                   "when": None if event.when is None else event.when.to_dict()},
    }
