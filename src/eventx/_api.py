"""Module-level convenience functions: thin wrappers over a shared default :class:`Extractor`."""

from __future__ import annotations

import threading

from eventx._extractor import Extractor, ReferenceDate
from eventx._types import Event

__all__ = ["default_extractor", "extract_events"]

_lock = threading.Lock()
_default: Extractor | None = None


def default_extractor() -> Extractor:
    """The process-wide :class:`Extractor` used by :func:`extract_events` (created on first
    call, once, even when several threads call at once)."""
    global _default
    with _lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract_events(text: str, reference_date: ReferenceDate = None) -> list[Event]:
    """Extract the events of ``text``.

    The first call loads the bundled stanza models (a few seconds); later calls
    reuse them, from any thread (the default :class:`Extractor` is thread-safe).
    For many texts use :meth:`Extractor.extract_many`, which batches and can
    run worker processes.

    Args:
        text: An English news article.
        reference_date: The date the article was written (``"2025-02-17"``, a
            ``date`` or ``datetime``); relative dates resolve against it. When
            ``None``, a dateline at the top of the text is used if present.

    Returns:
        The events, in text order.

    Example:
        >>> events = extract_events("Rubio met Lavrov in Riyadh on Tuesday.", reference_date="2025-02-20")
        >>> e = events[0]
        >>> e.type, e.who[0].text, e.whom[0].text, e.where.text, e.when.value
        ('CONSULT', 'Rubio', 'Lavrov', 'Riyadh', '2025-02-18')
    """
    return default_extractor().extract(text, reference_date=reference_date)
