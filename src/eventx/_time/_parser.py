"""The one dateparser instance, created lazily and used only for absolute dates.

dateparser is a helper for absolute dates written in odd formats (and for
reference-date strings); it never sees relative expressions, and the language
is fixed to English so it never runs language detection.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from typing import Any

__all__ = ["get_parser", "parse_absolute"]

_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time", "custom-formats"],
}
_lock = threading.Lock()
_parser: Any = None


def get_parser() -> Any:
    """The shared ``DateDataParser`` (English only), built on first use."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                from dateparser.date import DateDataParser

                _parser = DateDataParser(languages=["en"], settings=_SETTINGS)
    return _parser


@functools.lru_cache(maxsize=4096)
def parse_absolute(string: str) -> dt.date | dt.datetime | None:
    """A full absolute date (day, month and year all present) or ``None``."""
    try:
        data = get_parser().get_date_data(string)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    value = getattr(data, "date_obj", None)
    if value is None:
        return None
    if value.hour == value.minute == value.second == 0 and ":" not in string:
        return value.date()
    return value
