"""Exceptions and warnings raised by eventx.

The hierarchy::

    EventxError
    ├── ModelError            the stanza models cannot be found or loaded
    ├── OntologyError         an ontology file is missing or malformed
    ├── ParseInputError       a CoNLL-U string or stanza Document cannot be used
    └── ExtractionError       one document of a batch failed (raised, or yielded as a record)

    UserWarning
    └── LanguageWarning       a text does not look like English; it yields no events

Bad arguments (a number where text is expected, an unparseable reference date)
raise the built-in :class:`TypeError` or :class:`ValueError`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["EventxError", "ExtractionError", "LanguageWarning", "ModelError", "OntologyError", "ParseInputError"]


class EventxError(Exception):
    """Base class of every error eventx raises on purpose."""


class ModelError(EventxError):
    """The stanza models cannot be found or loaded; the message says what to do."""


class OntologyError(EventxError):
    """An ontology (trigger lexicon) file is missing or malformed."""


class ParseInputError(EventxError, ValueError):
    """A CoNLL-U string or stanza Document given to ``extract_document`` is unusable."""


class ExtractionError(EventxError):
    """One document of a batch could not be processed.

    With ``errors="record"`` it is yielded in the document's place (a record, not
    raised); with ``errors="raise"`` it is raised from the original exception.

    Attributes:
        index: Position of the document in the input (0-based).
        error_type: Name of the original exception's class (``"ValueError"``).
        message: The original exception's message.
    """

    def __init__(self, index: int, error_type: str, message: str) -> None:
        super().__init__(index, error_type, message)
        self.index = index
        self.error_type = error_type
        self.message = message

    def __str__(self) -> str:
        return f"document {self.index}: {self.error_type}: {self.message}"

    def __repr__(self) -> str:
        return f"ExtractionError(index={self.index!r}, error_type={self.error_type!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ExtractionError):
            return NotImplemented
        return (self.index, self.error_type, self.message) == (other.index, other.error_type, other.message)

    def __hash__(self) -> int:
        return hash((self.index, self.error_type, self.message))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``index``, ``error_type``, ``message``."""
        return {"index": self.index, "error_type": self.error_type, "message": self.message}


class LanguageWarning(UserWarning):
    """A text does not look like English; eventx returns no events for it."""
