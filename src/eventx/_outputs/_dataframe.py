"""Events as a pandas ``DataFrame``: :func:`eventx.to_dataframe` (the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eventx._exceptions import ExtractionError
from eventx._types import Event, Participant

__all__ = ["COLUMNS", "DTYPES", "event_row", "to_dataframe"]

#: The columns of :func:`to_dataframe`, in order.
COLUMNS = (
    "document", "type", "quad", "trigger", "trigger_lemma", "trigger_start", "trigger_end",
    "who", "who_canonical", "who_country", "who_sector",
    "whom", "whom_canonical", "whom_country", "whom_sector",
    "where", "where_country", "when", "when_value", "when_type", "earliest", "latest",
    "negated", "modality", "sentence",
)
#: Column dtypes other than ``object`` (dates as ``datetime64``, missing as ``NaT``). Dates
#: are kept to the second, whose range (years ±2.9e11) holds "October 1492" and "the
#: year 3000", where nanoseconds would end in 1677 and 2262.
DTYPES = {"trigger_start": "int64", "trigger_end": "int64", "negated": "bool", "sentence": "int64",
          "earliest": "datetime64[s]", "latest": "datetime64[s]"}
#: How the values of several participants are joined in one cell.
JOINER = "; "


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError("eventx.to_dataframe needs pandas: pip install 'eventx-nlp[pandas]'") from exc
    return pandas


def _joined(values: Iterable[str | None]) -> str | None:
    """Distinct non-empty values in order, joined; ``None`` when there are none."""
    kept = list(dict.fromkeys(v for v in values if v))
    return JOINER.join(kept) if kept else None


def _people(prefix: str, people: Sequence[Participant]) -> dict[str, Any]:
    return {
        prefix: JOINER.join(p.text for p in people) or None,
        f"{prefix}_canonical": _joined(p.canonical for p in people),
        f"{prefix}_country": _joined(p.country for p in people),
        f"{prefix}_sector": _joined(p.sector for p in people),
    }


def event_row(document: Any, event: Event) -> dict[str, Any]:
    """The row of one event: a value for each of :data:`COLUMNS` (also used by :mod:`eventx.dask`)."""
    when = event.when
    return {
        "document": document, "type": event.type, "quad": event.quad,
        "trigger": event.trigger.text, "trigger_lemma": event.trigger.lemma,
        "trigger_start": event.trigger.start, "trigger_end": event.trigger.end,
        **_people("who", event.who), **_people("whom", event.whom),
        "where": None if event.where is None else event.where.text,
        "where_country": None if event.where is None else event.where.country,
        "when": None if when is None else when.text,
        "when_value": None if when is None else when.value,
        "when_type": None if when is None else when.type,
        "earliest": None if when is None else when.earliest,
        "latest": None if when is None else when.latest,
        "negated": event.negated, "modality": event.modality, "sentence": event.sentence,
    }


def _documents(events: Iterable[Any]) -> Iterable[tuple[int, list[Event] | ExtractionError]]:
    """``(position, events or error)`` per document: a flat iterable of events is one
    document, an iterable of lists (``extract_many`` results) one per list."""
    flat: list[Event] = []
    nested = 0
    for position, item in enumerate(events):
        if isinstance(item, Event):
            if nested:
                raise TypeError(f"events[{position}] is an Event among lists of events: pass one or the other")
            flat.append(item)
            continue
        if flat:
            raise TypeError(f"events[{position}] is a {type(item).__name__} among events: pass one or the other")
        nested += 1
        if isinstance(item, ExtractionError):
            yield position, item
        elif isinstance(item, (list, tuple)) and all(isinstance(e, Event) for e in item):
            yield position, list(item)
        else:
            raise TypeError(f"events[{position}] must be an Event, a list of Events or an ExtractionError, "
                            f"got {type(item).__name__}")
    if flat:
        yield 0, flat


# Returns a pandas.DataFrame; annotated Any so that the docs build, which has no
# pandas inventory to link to, stays free of unresolved references.
def to_dataframe(events: Iterable[Any], *, document_ids: Sequence[Any] | None = None) -> Any:
    """One row per event, in flat columns, for analysis with pandas.

    Args:
        events: The events of one document (a list of :class:`~eventx.Event`), or
            the results of :meth:`~eventx.Extractor.extract_many`: an iterable with one
            list of events per document, where an ``ExtractionError``
            (``errors="record"``) stands for a document that failed.
        document_ids: One id per document for the ``document`` column (default:
            the document's position, ``0`` for a single list of events).

    Returns:
        A ``pandas.DataFrame`` with these columns: ``document``, ``type``,
        ``quad``, ``trigger``, ``trigger_lemma``, ``trigger_start``, ``trigger_end``;
        ``who`` and ``whom`` (the participants' texts joined by ``"; "``) with
        ``_canonical``, ``_country``, ``_sector`` (their distinct known values,
        joined); ``where``, ``where_country``; ``when`` (the text), ``when_value``,
        ``when_type``, ``earliest``, ``latest`` (``datetime64``, ``NaT`` when
        unknown); ``negated``, ``modality``, ``sentence``. No events give an empty
        frame with these columns. Failed documents have no rows; their errors are
        in ``frame.attrs["errors"]``, one dict (``document``, ``error_type``,
        ``message``) each.

    Raises:
        ImportError: pandas is not installed (``pip install 'eventx-nlp[pandas]'``).
        TypeError: An item is neither an event, a list of events nor an ``ExtractionError``.
        ValueError: ``document_ids`` has fewer ids than there are documents.
    """
    pd = _pandas()
    if isinstance(events, (str, bytes, Event)) or not isinstance(events, Iterable):
        raise TypeError(f"events must be an iterable of events or of lists of events, got {type(events).__name__}")
    if document_ids is not None and (isinstance(document_ids, (str, bytes)) or not isinstance(document_ids, Sequence)):
        raise TypeError(f"document_ids must be a sequence, got {type(document_ids).__name__}")
    rows, errors = [], []
    for position, content in _documents(events):
        if document_ids is not None and position >= len(document_ids):
            raise ValueError(f"document_ids has {len(document_ids)} ids, but there are more documents")
        document = position if document_ids is None else document_ids[position]
        if isinstance(content, ExtractionError):
            errors.append({"document": document, "error_type": content.error_type, "message": content.message})
        else:
            rows.extend(event_row(document, event) for event in content)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column, dtype in DTYPES.items():
        frame[column] = frame[column].astype(dtype)
    frame.attrs["errors"] = errors
    return frame
