"""``python -m eventx.evaluate {meantime,ner,plover,tempeval,ud} [options]``: one command per evaluation."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence


def _commands() -> dict[str, Callable[[Sequence[str] | None], int | None]]:
    from eventx.evaluate import _meantime, _ner, _plover, _tempeval, _ud

    return {"meantime": _meantime.main, "ner": _ner.main, "plover": _plover.main, "tempeval": _tempeval.main,
            "ud": _ud.main}


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to one evaluation's command line."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = _commands()
    if not argv or argv[0] not in commands:
        print(f"usage: python -m eventx.evaluate {{{','.join(commands)}}} [options]   (-h after a name for its options)",
              file=sys.stderr)
        return 2
    return commands[argv[0]](argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
