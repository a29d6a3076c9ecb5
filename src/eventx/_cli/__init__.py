"""The ``eventx`` command: :mod:`~eventx._cli._main` (arguments, the run),
:mod:`~eventx._cli._input` (files, folders, JSONL records) and
:mod:`~eventx._cli._output` (JSONL, tables, PLOVER records, resume logs)."""
