"""``python -m eventx.evaluate {meantime,plover,tempeval,ud,ner,kinds,actors} [options]``: one command per evaluation.

``python -m eventx.evaluate report FILE [NAME ...]`` runs the named evaluations
(default: all) with their default options and writes what each printed, with the
date, the eventx version and the command, to the Markdown file ``FILE`` (the
docs' accuracy page includes it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def _commands() -> dict[str, Callable[[Sequence[str] | None], int | None]]:
    from eventx.evaluate import _actors, _kinds, _meantime, _plover, _tempeval, _ud

    commands = {"tempeval": _tempeval.main, "plover": _plover.main, "meantime": _meantime.main, "ud": _ud.main,
                "kinds": _kinds.main, "actors": _actors.main}
    try:
        from eventx.evaluate import _ner

        commands["ner"] = _ner.main
    except ImportError:  # the entity-tagger evaluation ships with the NER component
        pass
    return commands


#: The runs a report makes: PLOVER and MEANTIME each print their dev part, test part and the gap.
REPORT_RUNS: dict[str, list[list[str]]] = {
    "tempeval": [[]], "plover": [[]], "meantime": [[]],
    "ud": [[]], "ner": [[]], "kinds": [["--corpora", "airbus", "apple", "gm"]], "actors": [[]],
}


def report(path: Path, names: Sequence[str]) -> int:
    """Run evaluations and write their output to a Markdown file.

    Raises:
        ValueError: A name is not an evaluation this installation has.
    """
    import eventx

    commands = _commands()
    unknown = [n for n in names if n not in commands]
    if unknown:
        raise ValueError(f"no evaluation named {', '.join(map(repr, unknown))}; choose from {', '.join(commands)}")
    parts = [f"Measured on {dt.date.today().isoformat()} with eventx {eventx.__version__} and the bundled models; "
             "each block is what the command printed.\n"]
    for name in names or [n for n in REPORT_RUNS if n in commands]:
        for args in REPORT_RUNS.get(name, [[]]):
            out = io.StringIO()
            started = time.perf_counter()
            with contextlib.redirect_stdout(out):
                commands[name](args)
            took = time.perf_counter() - started
            command = " ".join(["python -m eventx.evaluate", name, *args])
            parts.append(f"### `{command}`\n\n({took:.0f} s on this machine)\n\n```text\n{out.getvalue().rstrip()}\n```\n")
            print(f"{command}: done in {took:.0f} s", file=sys.stderr)
    path.write_text("\n".join(parts), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to one evaluation's command line, or write a report."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = _commands()
    if argv[:1] == ["report"]:
        parser = argparse.ArgumentParser(prog="python -m eventx.evaluate report",
                                         description="Run evaluations and write what each printed to a Markdown file.")
        parser.add_argument("file", type=Path, metavar="FILE", help="the Markdown file to write")
        parser.add_argument("names", nargs="*", metavar="NAME",
                            help=f"evaluations to run (default: all of {', '.join(n for n in REPORT_RUNS if n in commands)})")
        options = parser.parse_args(argv[1:])
        try:
            return report(options.file, options.names)
        except ValueError as exc:
            parser.error(str(exc))
    if not argv or argv[0] not in commands:
        print(f"usage: python -m eventx.evaluate {{{','.join(commands)}}} [options]   (-h after a name for its options)\n"
              "       python -m eventx.evaluate report FILE [NAME ...]", file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
