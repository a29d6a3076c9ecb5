"""The ``eventx`` command: stream the events of texts, directories or JSONL records; fetch stanza's models.

Inputs are read lazily (:mod:`._cli_input`), parsed in batches by
:meth:`Extractor.extract_many <eventx.Extractor.extract_many>` with per-document
error records, and written as they come (:mod:`._cli_output`). Exit status: 0 when
every record succeeded, 1 when any failed (the run goes on), 2 for a usage error,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventx._cli._input import DEFAULT_GLOBS, FailedRecord, InputError, Record, expand_inputs, read_records
from eventx._cli._output import (
    DocumentWriter,
    ErrorWriter,
    JsonArrayWriter,
    LineWriter,
    TableWriter,
    Target,
    open_line_output,
)
from eventx._exceptions import EventxError, ExtractionError

__all__ = ["main"]

FORMATS = ("table", "jsonl", "json", "plover")
#: Formats with one line per event (or document), which ``--resume`` can continue.
LINE_FORMATS = ("jsonl", "plover")
EXIT_OK, EXIT_FAILED_RECORDS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141

EPILOG = """\
exit status: 0 all records succeeded; 1 some records failed (each is reported, the
others are written); 2 usage error (bad option, missing file, unloadable models);
130 interrupted (Ctrl-C; finished documents are kept, continue with --resume);
141 standard output was closed by its reader (eventx ... | head).

examples:
  eventx article.txt -d 2025-02-17                      # a table on a terminal
  eventx corpus/ -o events.jsonl --progress             # every *.txt under corpus/
  eventx corpus/ -o events.jsonl --resume               # continue an interrupted run
  cat records.jsonl | eventx --input-format jsonl --per-document --errors errors.jsonl
"""


class UsageError(Exception):
    """The command line cannot be run as given (exit status 2)."""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an integer") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventx", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Extract events (who did what to whom, where, when) from English news texts, and write\n"
                    "each document's events as soon as they are known.\n"
                    "`eventx download` fetches stanza's official models instead.")
    inputs = parser.add_argument_group("input")
    inputs.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="text files (one article each), directories (searched recursively, see --glob), "
                             "or - for standard input (the default)")
    inputs.add_argument("--input-format", choices=("text", "jsonl"), default="text",
                        help="text: a file is one article, its id is its path (default); jsonl: one "
                             '{"id": ..., "text": ..., "date": ...} record per line')
    inputs.add_argument("--glob", metavar="PATTERN", default=None,
                        help="file names read inside directories "
                             "(default: *.txt, or *.jsonl with --input-format jsonl)")
    inputs.add_argument("--reference-date", "-d", metavar="DATE", default=None,
                        help="document date (2025-02-17) for records without their own 'date'; relative "
                             "expressions resolve against it")
    output = parser.add_argument_group("output")
    output.add_argument("--format", "-f", choices=FORMATS, default=None,
                        help="table (default on a terminal), jsonl (default otherwise: one line per event), "
                             "json (one array of documents) or plover (PLOVER JSON records, one per line)")
    output.add_argument("--output", "-o", metavar="FILE", default=None, help="write here instead of standard output")
    output.add_argument("--per-document", action="store_true",
                        help='jsonl/plover: one {"id": ..., "events": [...]} line per document, empty ones included')
    output.add_argument("--all", action="store_true", dest="all_events",
                        help="table: show every predicate, not only the events the ontology types")
    output.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same --output FILE (jsonl/plover): skip the "
                             "records FILE.done lists as finished, append the rest")
    output.add_argument("--errors", metavar="FILE", default=None,
                        help="write failed records as JSON lines (id, index, error_type, message) here "
                             "(default: one line each on standard error)")
    run = parser.add_argument_group("processing")
    run.add_argument("--batch-size", type=_positive_int, default=None, metavar="N",
                     help="texts handed to the parser at once (default: 16)")
    run.add_argument("--n-process", type=_positive_int, default=1, metavar="K", help="parser processes (default: 1)")
    run.add_argument("--progress", action="store_true", help="show a progress bar on standard error")
    models = parser.add_argument_group("models")
    models.add_argument("--model-dir", default=None, metavar="DIR", help="folder of stanza models (default: bundled)")
    models.add_argument("--stanza-models", action="store_true", help="use stanza's official English models")
    models.add_argument("--ontology", default=None, metavar="FILE", help="ontology JSON file (default: PLOVER)")
    return parser


def _download(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eventx download",
                                     description="Fetch stanza's official English models (needs internet), "
                                                 "for use with Extractor(models='stanza').")
    parser.add_argument("--dir", default=None, help="stanza resources folder (default: stanza's own)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    import stanza

    kwargs = {"model_dir": args.dir} if args.dir else {}
    stanza.download("en", processors="tokenize,mwt,pos,lemma,depparse,ner", **kwargs)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``eventx`` and ``python -m eventx``; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["download"]:
        return _download(argv[1:])
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (eventx ... | head): stop quietly
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except (UsageError, InputError, EventxError, OSError, ValueError, TypeError) as exc:
        print(f"eventx: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("eventx: interrupted; finished documents are kept", file=sys.stderr)
        return EXIT_INTERRUPTED


def _check_options(args: argparse.Namespace, fmt: str) -> None:
    if args.resume and args.output is None:
        raise UsageError("--resume needs --output FILE (the file to continue)")
    if args.resume and fmt not in LINE_FORMATS:
        raise UsageError(f"--resume works with --format {' or '.join(LINE_FORMATS)}, not {fmt}")
    if args.per_document and fmt not in LINE_FORMATS:
        raise UsageError(f"--per-document applies to --format {' or '.join(LINE_FORMATS)}, not {fmt}")
    if args.all_events and fmt != "table":
        raise UsageError(f"--all applies to --format table ({fmt} has every event; "
                         "plover every event of a PLOVER category)")
    if fmt == "plover":
        from eventx._types import Event

        if not hasattr(Event, "to_plover"):
            raise UsageError("--format plover needs Event.to_plover, which this eventx version lacks")


def _run(args: argparse.Namespace) -> int:
    to_terminal = args.output is None and sys.stdout.isatty()
    fmt = args.format or ("table" if to_terminal else "jsonl")
    _check_options(args, fmt)
    from eventx._time import coerce_reference_date

    default_date = coerce_reference_date(args.reference_date)
    sources = expand_inputs(args.inputs, args.glob or DEFAULT_GLOBS[args.input_format])
    from eventx._extractor import DEFAULT_BATCH_SIZE, Extractor

    extractor = Extractor(model_dir=args.model_dir, models="stanza" if args.stanza_models else "bundled",
                          ontology=args.ontology)
    with contextlib.ExitStack() as stack:
        done: set[Any] = set()
        if args.output is not None and fmt in LINE_FORMATS:
            options = {"format": fmt, "per_document": args.per_document}
            target, log, done = open_line_output(args.output, options, args.resume)
            stack.callback(target.close)
            stack.callback(log.close)
        else:
            log = None
            target = Target(file=open(args.output, "wb")) if args.output else Target(stream=sys.stdout)
            stack.callback(target.close)
        errors = ErrorWriter(open(args.errors, "a" if args.resume else "w", encoding="utf-8")
                             if args.errors else None)
        stack.callback(errors.close)
        writer: DocumentWriter
        if fmt in LINE_FORMATS:
            writer = LineWriter(target, plover=fmt == "plover", per_document=args.per_document, log=log)
        elif fmt == "json":
            writer = JsonArrayWriter(target)
        else:
            writer = TableWriter(target, all_events=args.all_events)
        stack.callback(writer.close)
        if done:
            print(f"eventx: resuming: {len(done)} documents already in {args.output}", file=sys.stderr)
        bar = _progress_bar(args.progress, None if args.input_format == "jsonl" else len(sources))
        stack.callback(bar.close)
        records = read_records(sources, args.input_format, default_date)
        _stream(extractor, records, done, writer, errors, bar, batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
                n_process=args.n_process, one_date=args.input_format == "text", default_date=default_date)
    if errors.count:
        print(f"eventx: {errors.count} {'record' if errors.count == 1 else 'records'} failed", file=sys.stderr)
        return EXIT_FAILED_RECORDS
    return EXIT_OK


def _progress_bar(enabled: bool, total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True)


def _stream(extractor: Any, records: Iterable[Record | FailedRecord], done: set[Any], writer: DocumentWriter,
            errors: ErrorWriter, bar: Any, *, batch_size: int, n_process: int, one_date: bool,
            default_date: Any) -> None:
    """Feed the records to ``extract_many`` lazily and write each result as it comes, in input order."""
    # Records on their way through extract_many, failed ones included, so each result meets
    # its record and failures are reported in input order.
    pending: deque[Record | FailedRecord] = deque()
    # One date per text fed, appended before the text is handed over and taken by
    # extract_many right after it (it reads dates in step with texts), so the queue holds
    # a batch's dates at most, not the whole run's (a scalar when every record shares a date).
    dates: deque[Any] = deque()

    def date_of_each_text() -> Iterator[Any]:
        while True:
            yield dates.popleft()

    def texts() -> Iterator[str]:
        for item in records:
            if isinstance(item, Record) and item.id in done:
                bar.update()
                continue
            pending.append(item)
            if isinstance(item, Record):
                dates.append(item.date)
                yield item.text

    def report_failed() -> Record | None:
        while pending:
            item = pending.popleft()
            if isinstance(item, Record):
                return item
            errors.write(item)
            bar.update()
        return None

    results = extractor.extract_many(texts(), reference_date=default_date if one_date else date_of_each_text(),
                                     batch_size=batch_size, n_process=n_process, errors="record")
    try:
        for result in results:
            record = report_failed()
            assert record is not None, "extract_many yielded more results than texts"
            if isinstance(result, ExtractionError):
                errors.write(FailedRecord(record.id, record.index, result.error_type, result.message))
            else:
                try:
                    writer.document(record, result)
                except (ValueError, TypeError) as exc:  # a PLOVER record needs a date: nothing of it is written
                    errors.write(FailedRecord.from_exception(record.id, record.index, exc))
            bar.update()
        report_failed()
    finally:
        close = getattr(results, "close", None)
        if close is not None:  # stop worker processes on an interruption
            close()

