"""eventx: who did what to whom, where and when — structured events from English news.

>>> import eventx
>>> [e.type for e in eventx.extract_events("Protesters clashed with police in Paris.")]
['ASSAULT']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from eventx._api import extract_events
from eventx._exceptions import (
    EventxError,
    ExtractionError,
    LanguageWarning,
    ModelError,
    OntologyError,
    ParseInputError,
)
from eventx._extractor import Extractor
from eventx._outputs._dataframe import to_dataframe
from eventx._outputs._render import EventView, render, render_html
from eventx._time import extract_times
from eventx._types import Event, Participant, TimeExpression, Trigger

try:
    __version__ = version("eventx-nlp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Event",
    "EventView",
    "EventxError",
    "ExtractionError",
    "Extractor",
    "LanguageWarning",
    "ModelError",
    "OntologyError",
    "ParseInputError",
    "Participant",
    "TimeExpression",
    "Trigger",
    "__version__",
    "extract_events",
    "extract_times",
    "render",
    "render_html",
    "to_dataframe",
]
