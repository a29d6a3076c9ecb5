"""Events from Dask collections: a Bag of texts or records, or a DataFrame of articles.

Needs the ``dask`` extra (``pip install "eventx-nlp[dask]"``: Dask with bags and
dataframes, ``distributed`` and pandas). Every worker process builds one
:class:`~eventx.Extractor` per configuration, once (a module-level cache), and
parses each partition with :meth:`~eventx.Extractor.extract_many`, in batches.
A document that fails becomes an error record; nothing is raised for it and
nothing is dropped. See :doc:`/scaling`.

Example:
    >>> import dask.bag as db
    >>> from eventx.dask import extract_bag
    >>> texts = db.from_sequence(["Rubio met Lavrov in Riyadh on Tuesday."], npartitions=1)
    >>> [(e["id"], e["type"]) for e in extract_bag(texts, reference_date="2025-02-20").compute()]
    [(0, 'CONSULT')]
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import os
import threading
from collections.abc import Iterable
from typing import Any

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised by a test that hides dask
    raise ImportError(
        f"eventx.dask needs Dask and pandas ({exc.name or exc} is missing): "
        "install the extra with `pip install \"eventx-nlp[dask]\"`") from exc

from eventx._exceptions import ExtractionError
from eventx._extractor import DEFAULT_BATCH_SIZE, Extractor
from eventx._outputs._dataframe import COLUMNS, DTYPES, event_row
from eventx._types import Event

__all__ = ["EVENT_COLUMNS", "extract_bag", "extract_dataframe"]

#: Nullable pandas dtypes for the columns :func:`eventx.to_dataframe` types, since an
#: error row leaves them empty.
_NULLABLE = {"int64": "Int64", "bool": "boolean"}
#: Columns of :func:`extract_dataframe`, in order, with their pandas dtypes: ``id``
#: (it takes the dtype of the input's id column), the columns of
#: :func:`eventx.to_dataframe` after its ``document``, then ``error``.
EVENT_COLUMNS: dict[str, str] = {
    "id": "object",
    **{name: _NULLABLE.get(DTYPES.get(name, "object"), DTYPES.get(name, "object")) for name in COLUMNS[1:]},
    "error": "object",
}

_extractors: dict[str, Extractor] = {}
_extractors_lock = threading.Lock()


def _worker_extractor(options: dict[str, Any]) -> Extractor:
    """This process's Extractor for ``options``, built on first use."""
    key = json.dumps(options, sort_keys=True, default=os.fspath)
    with _extractors_lock:
        extractor = _extractors.get(key)
        if extractor is None:
            extractor = _extractors[key] = Extractor(**options)
        return extractor


def _options(config: dict[str, Any]) -> dict[str, Any]:
    """The Extractor configuration workers rebuild; checked here, on the client
    (a bad ontology or model name fails now, not in every worker)."""
    unknown = set(config) - {"model_dir", "models", "ontology", "device"}
    if unknown:
        raise TypeError(f"unknown Extractor options {sorted(unknown)}; "
                        "expected model_dir, models, ontology, device")
    return Extractor(**config)._options  # the models themselves load lazily, in the workers


def _is_missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (str, dt.date)) and bool(pd.isna(value)))


def _read_item(item: Any, position: int, default_date: Any) -> tuple[Any, Any, Any]:
    """``(id, text, date)`` of a bag item: a text (its id is its position) or a
    ``{"id", "text", "date"}`` record (the record's date wins)."""
    if isinstance(item, dict):
        date = item.get("date")
        return item.get("id", position), item.get("text"), default_date if _is_missing(date) else date
    return position, item, default_date


def _extract(options: dict[str, Any], items: list[tuple[Any, Any, Any]], batch_size: int,
             start: int) -> list[tuple[Any, list[Event] | ExtractionError]]:
    """``(id, events or error)`` for each ``(id, text, date)``; errors carry the
    position in the whole collection (``start`` + offset)."""
    extractor = _worker_extractor(options)
    texts = [k for k, (_, text, _) in enumerate(items) if isinstance(text, str)]
    results = dict(zip(texts, extractor.extract_many(
        [items[k][1] for k in texts], reference_date=[items[k][2] for k in texts], batch_size=batch_size,
        threads=1, errors="record")))  # dask's workers and threads are the parallelism here
    out: list[tuple[Any, list[Event] | ExtractionError]] = []
    for k, (doc_id, text, _) in enumerate(items):
        result = results.get(k)
        if result is None:
            result = ExtractionError(start + k, "TypeError", f"text must be a str, got {type(text).__name__}")
        elif isinstance(result, ExtractionError):
            result = ExtractionError(start + k, result.error_type, result.message)
        out.append((doc_id, result))
    return out


def _bag_partition(partition: Iterable[Any], start: int, options: dict[str, Any], reference_date: Any,
                   batch_size: int) -> list[dict[str, Any]]:
    items = [_read_item(item, start + k, reference_date) for k, item in enumerate(partition)]
    rows: list[dict[str, Any]] = []
    for doc_id, result in _extract(options, items, batch_size, start):
        if isinstance(result, ExtractionError):
            rows.append({"id": doc_id, "error": result.to_dict()})
        else:
            rows.extend({"id": doc_id, **event.to_dict()} for event in result)
    return rows


def extract_bag(bag: db.Bag, *, reference_date: Any = None, batch_size: int = DEFAULT_BATCH_SIZE,
                **extractor_options: Any) -> db.Bag:
    """A Bag of event dicts from a Bag of texts or of ``{"id", "text", "date"}`` records.

    Each event is ``{"id": ..., **Event.to_dict()}``: the record's ``id``, or for
    a plain text its position in the bag (0-based). A document that fails
    (not a ``str``, a bad date, a crash) gives one ``{"id": ..., "error":
    {"index", "error_type", "message"}}`` instead of its events. Documents
    without events give nothing. Lazy, like every Bag operation.

    Args:
        bag: The texts or records.
        reference_date: The date of documents without their own ``date``.
        batch_size: Texts handed to stanza at once, within a partition.
        **extractor_options: ``model_dir``, ``models``, ``ontology``, ``device``,
            as for :class:`~eventx.Extractor`.

    Raises:
        TypeError: An unknown option.
        OntologyError: The ontology cannot be loaded (checked at once).
    """
    options = _options(extractor_options)
    parts = bag.to_delayed()
    rows, start = [], 0
    for part in parts:  # each partition's offset: the lengths of those before it (lazy)
        part = dask.delayed(list)(part)  # a partition may be an iterator: read it once, use it twice
        rows.append(dask.delayed(_bag_partition)(part, start, options, reference_date, batch_size))
        start = dask.delayed(operator.add)(start, dask.delayed(len)(part))
    return db.from_delayed(rows)


def _flat_row(doc_id: Any, event: Event) -> dict[str, Any]:
    row = event_row(doc_id, event)  # the same row as eventx.to_dataframe, keyed by the article id
    return {"id": row.pop("document"), **row, "error": None}


def _frame_partition(frame: pd.DataFrame, text: str, date: str | None, id: str, options: dict[str, Any],
                     batch_size: int, dtypes: dict[str, Any]) -> pd.DataFrame:
    dates = frame[date] if date is not None else [None] * len(frame)
    items = [(doc_id, body, None if _is_missing(day) else day)
             for doc_id, body, day in zip(frame[id], frame[text], dates)]
    rows: list[dict[str, Any]] = []
    for doc_id, result in _extract(options, items, batch_size, 0):
        if isinstance(result, ExtractionError):
            rows.append({"id": doc_id, "error": f"{result.error_type}: {result.message}"})
        else:
            rows.extend(_flat_row(doc_id, event) for event in result)
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


def extract_dataframe(ddf: dd.DataFrame, text: str = "text", date: str | None = "date", id: str = "id",
                      *, batch_size: int = DEFAULT_BATCH_SIZE, **extractor_options: Any) -> dd.DataFrame:
    """A DataFrame with one row per event from a DataFrame with one row per article.

    The columns are :data:`EVENT_COLUMNS`: ``id`` (the article's), then the
    columns of :func:`eventx.to_dataframe` (``type`` … ``sentence``; the same
    values, with nullable integer and boolean dtypes), and ``error``: ``None`` on
    event rows; an article that fails gives one row with only ``id`` and
    ``error`` (``"TypeError: ..."``) set. Articles without events give no row.

    Args:
        ddf: The articles.
        text: Column of the texts.
        date: Column of the reference dates (``str``, ``date`` or timestamps;
            missing values mean none), or ``None`` for no dates. Ignored when the
            frame has no such column and it was left at its default.
        id: Column of the article ids.
        batch_size: Texts handed to stanza at once, within a partition.
        **extractor_options: As for :func:`extract_bag`.

    Raises:
        ValueError: ``text`` or ``id`` is not a column (or ``date``, when given explicitly).
    """
    columns = list(ddf.columns)
    for name, what in ((text, "text"), (id, "id")):
        if name not in columns:
            raise ValueError(f"{what} column {name!r} is not in the DataFrame (columns: {columns})")
    if date is not None and date not in columns:
        if date != "date":
            raise ValueError(f"date column {date!r} is not in the DataFrame (columns: {columns})")
        date = None
    options = _options(extractor_options)
    dtypes = dict(EVENT_COLUMNS, id=ddf[id].dtype)
    meta = pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})
    return ddf.map_partitions(_frame_partition, text, date, id, options, batch_size, dtypes, meta=meta)
