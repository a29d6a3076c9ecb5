"""Input side of the ``eventx`` command: records from text files, directories, stdin and JSONL.

Everything is read lazily, one record at a time, so a corpus larger than memory
streams through. A record that cannot be read (bad JSON, no ``text``, a file that
is not UTF-8) becomes a :class:`FailedRecord` in its place instead of stopping the run.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Union

import attrs

from eventx._time import coerce_reference_date

__all__ = ["STDIN", "FailedRecord", "InputError", "Record", "expand_inputs", "read_records"]

#: The name standing for standard input on the command line (and the id of its plain-text record).
STDIN = "-"

#: Default ``--glob`` pattern per input format, for directories.
DEFAULT_GLOBS = {"text": "*.txt", "jsonl": "*.jsonl"}

RecordId = Union[str, int]
ReferenceDate = Union[dt.date, dt.datetime, None]


class InputError(Exception):
    """A command-line input cannot be used at all (a missing file): a usage error, exit status 2."""


@attrs.frozen
class Record:
    """One document to extract events from.

    Attributes:
        id: The record's ``id`` field (JSONL) or the file's path (text input).
        text: The document text.
        date: Its reference date (the record's ``date``, else ``--reference-date``).
        index: Position of the record in the whole input (0-based, bad records included).
    """

    id: RecordId
    text: str
    date: ReferenceDate
    index: int


@attrs.frozen
class FailedRecord:
    """A record that could not be read or whose extraction failed.

    Attributes:
        id: The record's id, or ``SOURCE:LINE`` when a JSONL line has no usable id.
        index: Position of the record in the whole input (0-based).
        error_type: Name of the exception class (``"JSONDecodeError"``, ``"ValueError"``…).
        message: What went wrong.
    """

    id: RecordId
    index: int
    error_type: str
    message: str

    @classmethod
    def from_exception(cls, record_id: RecordId, index: int, exc: BaseException) -> FailedRecord:
        """The failed record for ``exc`` raised while reading record ``record_id``."""
        return cls(record_id, index, type(exc).__name__, str(exc))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``id``, ``index``, ``error_type``, ``message``."""
        return attrs.asdict(self)


def expand_inputs(names: Iterable[str], glob: str) -> list[str]:
    """The input sources named on the command line, directories expanded recursively.

    Args:
        names: Paths of files or directories, or ``"-"`` for standard input.
        glob: File name pattern matched inside directories (``"*.txt"``).

    Returns:
        File paths (and ``"-"``), a directory's files sorted by path.

    Raises:
        InputError: A name does not exist, or a directory holds no file matching ``glob``.
    """
    sources: list[str] = []
    for name in names:
        path = Path(name)
        if name == STDIN:
            sources.append(STDIN)
        elif path.is_dir():
            found = sorted(str(p) for p in path.rglob(glob) if p.is_file())
            if not found:
                raise InputError(f"no file matching {glob!r} under directory {name!r} (see --glob)")
            sources.extend(found)
        elif path.exists():
            sources.append(name)
        else:
            raise InputError(f"no such file or directory: {name!r}")
    return sources or [STDIN]


def read_records(sources: Iterable[str], input_format: str, default_date: ReferenceDate,
                 stdin: Any = None) -> Iterator[Record | FailedRecord]:
    """Records of ``sources`` in order, read lazily.

    Args:
        sources: Paths from :func:`expand_inputs` (``"-"`` is standard input).
        input_format: ``"text"`` (a file is one document, its id is its path) or
            ``"jsonl"`` (one ``{"id", "text", "date"}`` object per line).
        default_date: The date of records that do not carry their own.
        stdin: The standard-input stream (default ``sys.stdin``).
    """
    index = 0
    for source in sources:
        if input_format == "jsonl":
            items: Iterable[Record | FailedRecord] = _jsonl_records(source, default_date, index, stdin)
        else:
            items = [_text_record(source, default_date, index, stdin)]
        for item in items:
            yield item
            index += 1


def _text_record(source: str, date: ReferenceDate, index: int, stdin: Any) -> Record | FailedRecord:
    try:
        if source == STDIN:
            text = (stdin or sys.stdin).read()
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        return FailedRecord.from_exception(source, index, exc)
    return Record(source, text, date, index)


def _binary_lines(source: str, stdin: Any) -> Iterator[bytes]:
    if source != STDIN:
        with open(source, "rb") as f:
            yield from f
        return
    stream = stdin or sys.stdin
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is not None:
        yield from buffer
    else:  # a text stream without a byte buffer (io.StringIO)
        for line in stream:
            yield line.encode("utf-8")


def _jsonl_records(source: str, default_date: ReferenceDate, start: int,
                   stdin: Any) -> Iterator[Record | FailedRecord]:
    index = start
    for number, raw in enumerate(_binary_lines(source, stdin), start=1):
        if not raw.strip():  # blank lines are not records (a trailing newline, spacing)
            continue
        where = f"{source}:{number}"
        try:
            yield _parse_line(raw, where, default_date, index)
        except (ValueError, TypeError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            yield FailedRecord.from_exception(_id_of(raw, where), index, exc)
        index += 1


def _parse_line(raw: bytes, where: str, default_date: ReferenceDate, index: int) -> Record:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise TypeError(f"a record must be a JSON object, got {type(data).__name__}")
    record_id = data.get("id", where)
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int)):
        raise TypeError(f"'id' must be a string or an integer, got {type(record_id).__name__}")
    if "text" not in data:
        raise ValueError("record has no 'text' field")
    text = data["text"]
    if not isinstance(text, str):
        raise TypeError(f"'text' must be a string, got {type(text).__name__}")
    date = data.get("date")
    return Record(record_id, text, default_date if date is None else coerce_reference_date(date), index)


def _id_of(raw: bytes, where: str) -> RecordId:
    """The id of a bad line when it can be read, else ``SOURCE:LINE``."""
    try:
        record_id = json.loads(raw.decode("utf-8")).get("id", where)
    except (ValueError, AttributeError):
        return where
    return record_id if isinstance(record_id, (str, int)) and not isinstance(record_id, bool) else where
