"""The package's data tables (``eventx/data/*.json``): the linguistic knowledge the
stages read, kept out of the code. Read once per process by the module that owns each."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["load_table"]


def load_table(name: str) -> Any:
    """The parsed JSON file ``eventx/data/<name>`` (``name`` with its ``.json``)."""
    return json.loads((resources.files("eventx") / "data" / name).read_text(encoding="utf-8"))
