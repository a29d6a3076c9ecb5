"""Output side of the ``eventx`` command: event writers, error records and the resume log.

Every writer writes a document as soon as its events are known and flushes, so an
interrupted run keeps every finished document. For the line formats (``jsonl``,
``plover``) written to a file, a sidecar log ``FILE.done`` records each finished
document's id and the byte length of ``FILE`` after it; ``--resume`` reads it back
(see :func:`open_line_output`).
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Sequence
from typing import IO, Any, Protocol, TextIO

from eventx._cli._input import STDIN, FailedRecord, InputError, Record, RecordId
from eventx._types import Event, Participant

__all__ = ["DONE_SUFFIX", "DocumentWriter", "ErrorWriter", "JsonArrayWriter", "LineWriter", "TableWriter", "Target",
           "open_line_output"]

#: The resume log of ``--output FILE`` is ``FILE.done``.
DONE_SUFFIX = ".done"
#: Marks the first line of a resume log, so another file is never taken for one.
DONE_LOG_KIND = "eventx resume log"
TABLE_COLUMNS = ("sent", "type", "trigger", "who", "whom", "where", "when", "neg", "modality")
#: Table cells longer than this are cut, ending in "…".
MAX_CELL = 40


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


class Target:
    """Where output goes: a text stream (stdout), or a file written as UTF-8 bytes so its offsets are known."""

    def __init__(self, stream: TextIO | None = None, file: IO[bytes] | None = None) -> None:
        self._stream, self._file = stream, file

    def write(self, text: str) -> None:
        """Write ``text`` and flush it, so it survives an interruption."""
        if self._file is not None:
            self._file.write(text.encode("utf-8"))
            self._file.flush()
        else:
            assert self._stream is not None
            self._stream.write(text)
            self._stream.flush()

    def offset(self) -> int:
        """Bytes written to the file so far (files only)."""
        assert self._file is not None
        return self._file.tell()

    def close(self) -> None:
        """Close the file (a stream such as stdout stays open)."""
        if self._file is not None:
            self._file.close()


class DoneLog:
    """The sidecar ``FILE.done``: one ``{"id", "end"}`` line per finished document."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file

    def mark(self, record_id: RecordId, end: int) -> None:
        """Record that document ``record_id`` is complete in the output's first ``end`` bytes."""
        self._file.write((_json({"id": record_id, "end": end}) + "\n").encode("utf-8"))
        self._file.flush()

    def close(self) -> None:
        """Close the log file."""
        self._file.close()


def open_line_output(path: str, options: dict[str, Any], resume: bool) -> tuple[Target, DoneLog, set[RecordId]]:
    """Open ``--output FILE`` for a line format, with its resume log ``FILE.done``.

    A new run truncates both. With ``resume``, the ids in the log are the finished
    documents; the output is cut back to the end of the last of them (dropping the
    lines of a document that was being written, and a half-written last line) and
    appended to, so a document is never skipped unfinished nor written twice.

    Args:
        path: The output file.
        options: The output options (format, per-document); a resumed run must use the same.
        resume: Continue an earlier run instead of starting afresh.

    Returns:
        The output target, the log, and the ids of the documents already done.

    Raises:
        InputError: The run cannot be resumed (the log is missing or the options differ),
            or another run is writing the same output (it holds a lock on the log).
    """
    log_path = path + DONE_SUFFIX
    header = (_json({"kind": DONE_LOG_KIND, **options}) + "\n").encode("utf-8")
    log = open(log_path, "ab")  # opened without truncating: another run may hold it
    try:
        _lock(log, path)
        if resume and log.tell() > 0:
            done, log_end, out_end = _read_done_log(log_path, header, _size(path))
            log.truncate(log_end)
            if log_end == 0:  # not even the header survived: start the log again
                log.write(header)
            with open(path, "ab") as f:  # creates a missing output, keeps an existing one
                f.truncate(out_end)
            out = open(path, "ab")
        else:
            if resume and _size(path) > 0:
                raise InputError(f"cannot resume: {path!r} has no resume log {log_path!r} "
                                 "(was it written with --output?)")
            done = set()
            log.truncate(0)
            log.write(header)
            out = open(path, "wb")
        log.flush()
    except BaseException:
        log.close()
        raise
    return Target(file=out), DoneLog(log), done


def _lock(log: IO[bytes], path: str) -> None:
    """Hold an exclusive lock on the log while the run lasts, so two runs never write one output."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        return
    try:
        fcntl.flock(log.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError(f"another eventx run is writing {path!r} (its resume log is locked)") from None


def _size(path: str) -> int:
    return os.path.getsize(path) if os.path.exists(path) else 0


def _read_done_log(log_path: str, header: bytes, output_size: int) -> tuple[set[RecordId], int, int]:
    """The finished ids, the byte length of the log's valid part, and the output length they cover."""
    with open(log_path, "rb") as f:
        lines = f.readlines()
    if not lines or not lines[0].endswith(b"\n"):
        return set(), 0, 0
    try:
        found = json.loads(lines[0])
    except ValueError:
        found = None
    if not isinstance(found, dict) or found.get("kind") != DONE_LOG_KIND:
        raise InputError(f"cannot resume: {log_path!r} is not an eventx resume log")
    expected = json.loads(header)
    if found != expected:
        was = ", ".join(f"{k}={v}" for k, v in found.items() if k != "kind")
        raise InputError(f"cannot resume: {log_path!r} was written with other output options ({was})")
    done: set[RecordId] = set()
    log_end, out_end = len(lines[0]), 0
    for line in lines[1:]:
        try:
            entry = json.loads(line) if line.endswith(b"\n") else None
        except ValueError:
            entry = None
        # stop at a half-written line, or at a document the (truncated) output no longer holds
        if not isinstance(entry, dict) or not isinstance(entry.get("end"), int) or entry["end"] > output_size:
            break
        done.add(entry["id"])
        log_end, out_end = log_end + len(line), entry["end"]
    return done, log_end, out_end


class DocumentWriter(Protocol):
    """What every output format does: write one document's events, then finish."""

    def document(self, record: Record, events: Sequence[Event]) -> None:
        """Write the events of one document."""

    def close(self) -> None:
        """Finish the output (also after an interruption)."""


class LineWriter:
    """JSON lines: one per event (``{"id", **event}``) or, with ``per_document``, one per document.

    Args:
        target: Where the lines go.
        plover: Write ``Event.to_plover()`` records (events of a PLOVER category only) instead of ``to_dict()``.
        per_document: One ``{"id", "events": [...]}`` line per document, empty documents included.
        log: The resume log to mark each finished document in (file output only).
    """

    def __init__(self, target: Target, *, plover: bool = False, per_document: bool = False,
                 log: DoneLog | None = None) -> None:
        self._target, self._plover, self._per_document, self._log = target, plover, per_document, log

    def _event(self, record: Record, event: Event) -> dict[str, Any]:
        if self._plover:
            return event.to_plover(document_id=str(record.id), date=record.date, text=record.text)
        return event.to_dict()

    def document(self, record: Record, events: Sequence[Event]) -> None:
        """Write the events of one document (all its lines in one write).

        Raises:
            ValueError: A PLOVER record cannot be made (no date); nothing of the document is written.
        """
        if self._plover:  # PLOVER records exist only for events of a PLOVER category
            from eventx._outputs._plover_json import plover_category

            events = [e for e in events if plover_category(e.type) is not None]
        if self._per_document:
            text = _json({"id": record.id, "events": [self._event(record, e) for e in events]}) + "\n"
        elif self._plover:
            text = "".join(_json(self._event(record, e)) + "\n" for e in events)
        else:
            text = "".join(_json({"id": record.id, **e.to_dict()}) + "\n" for e in events)
        if text:
            self._target.write(text)
        if self._log is not None:
            self._log.mark(record.id, self._target.offset())

    def close(self) -> None:
        """Nothing to finish: every line is complete when written."""


class JsonArrayWriter:
    """One JSON array of ``{"id", "events": [...]}`` objects, written element by element."""

    def __init__(self, target: Target) -> None:
        self._target, self._count = target, 0

    def document(self, record: Record, events: Sequence[Event]) -> None:
        """Write the object of one document."""
        item = json.dumps({"id": record.id, "events": [e.to_dict() for e in events]}, indent=2, ensure_ascii=False)
        self._target.write(("[\n" if self._count == 0 else ",\n") + textwrap.indent(item, "  "))
        self._count += 1

    def close(self) -> None:
        """Close the array, so an interrupted run still leaves valid JSON."""
        self._target.write("[]\n" if self._count == 0 else "\n]\n")


class TableWriter:
    """A human-readable table per document: a title line, a header row, one row per event.

    Args:
        target: Where the table goes.
        all_events: Show every predicate, not only the events the ontology types.
    """

    def __init__(self, target: Target, *, all_events: bool = False) -> None:
        self._target, self._all, self._count = target, all_events, 0

    def document(self, record: Record, events: Sequence[Event]) -> None:
        """Write the table of one document."""
        shown = list(events) if self._all else [e for e in events if e.type is not None]
        name = "<stdin>" if record.id == STDIN else str(record.id)
        hidden = len(events) - len(shown)
        title = f"{name}: {len(shown)} {'event' if len(shown) == 1 else 'events'}"
        if hidden:
            title += f" ({hidden} untyped {'predicate' if hidden == 1 else 'predicates'} not shown: --all)"
        rows = [list(TABLE_COLUMNS)] + [_table_row(e) for e in shown] if shown else []
        widths = [max((len(r[i]) for r in rows), default=0) for i in range(len(TABLE_COLUMNS))]
        lines = [title] + ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
        self._target.write(("\n" if self._count else "") + "\n".join(lines) + "\n")
        self._count += 1

    def close(self) -> None:
        """Nothing to finish."""


def _cell(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _names(participants: Sequence[Participant]) -> str:
    return "; ".join(p.text for p in participants)


def _table_row(event: Event) -> list[str]:
    cells = [str(event.sentence), event.type or "-", event.trigger.text, _names(event.who), _names(event.whom),
             event.where.text if event.where else "", event.when.value if event.when else "",
             "yes" if event.negated else "", event.modality]
    return [_cell(" ".join(c.split())) for c in cells]  # one line per row, whatever the text's line breaks


class ErrorWriter:
    """Failed records: JSON lines to ``--errors FILE``, else one readable line each on stderr."""

    def __init__(self, file: TextIO | None = None) -> None:
        self._file, self.count = file, 0

    def write(self, failed: FailedRecord) -> None:
        """Report one failed record."""
        self.count += 1
        if self._file is not None:
            self._file.write(_json(failed.to_dict()) + "\n")
            self._file.flush()
        else:
            print(f"eventx: record {failed.index} ({failed.id}) failed: {failed.error_type}: {failed.message}",
                  file=sys.stderr, flush=True)

    def close(self) -> None:
        """Close the errors file."""
        if self._file is not None:
            self._file.close()
