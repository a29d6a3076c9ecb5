"""The candidate span the time grammar matches, before it is normalised."""

from __future__ import annotations

import attrs

__all__ = ["Candidate"]


@attrs.frozen
class Candidate:
    """One matched span: its kind (the pattern name) and the match groups."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    priority: int
    anchor: Candidate | None = None
