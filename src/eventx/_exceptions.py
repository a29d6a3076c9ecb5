"""Exceptions raised by eventx.

The hierarchy::

    EventxError
    ├── ModelError            the stanza models cannot be found or loaded
    ├── OntologyError         an ontology file is missing or malformed
    └── ParseInputError       a CoNLL-U string or stanza Document cannot be used

Bad arguments (a number where text is expected, an unparseable reference date)
raise the built-in :class:`TypeError` or :class:`ValueError`.
"""

from __future__ import annotations

__all__ = ["EventxError", "ModelError", "OntologyError", "ParseInputError"]


class EventxError(Exception):
    """Base class of every error eventx raises on purpose."""


class ModelError(EventxError):
    """The stanza models cannot be found or loaded; the message says what to do."""


class OntologyError(EventxError):
    """An ontology (trigger lexicon) file is missing or malformed."""


class ParseInputError(EventxError, ValueError):
    """A CoNLL-U string or stanza Document given to ``extract_document`` is unusable."""
