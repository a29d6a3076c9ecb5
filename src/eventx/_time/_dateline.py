"""Datelines: the date printed at the very top of a news article."""

from __future__ import annotations

import datetime as dt
import re

from . import _lexicon as lx
from ._detect import DAY, MON, WD, YEAR

__all__ = ["find_dateline_date"]

_DATE = (
    rf"(?:(?:{WD}),?\s+)?(?:(?P<mon>{MON})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})"
    rf"|(?P<day2>{DAY})\s+(?P<mon2>{MON}),?\s+(?P<year2>{YEAR})"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))"
)
# "WASHINGTON, March 3, 2025 —", "Feb 17, 2025 (Reuters) -", "17 February 2025"
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?\s*(?:\([^)]{1,30}\))?\s*[,:\-\u2013\u2014]\s*)?"
    + _DATE
    + r"\s*(?:\([^)\n]{1,30}\))?\s*(?:[-\u2013\u2014:|]|\n|$)"
)
_MONTH_ABBR = {k.rstrip("."): v for k, v in lx.MONTHS.items()}


def _make(year: str, month: str, day: str) -> dt.date | None:
    try:
        mon = int(month) if month.isdigit() else _MONTH_ABBR[month.rstrip(".")]
        return dt.date(int(year), mon, int(re.match(r"\d+", day).group(0)))
    except (KeyError, ValueError, AttributeError):
        return None


def find_dateline_date(text: str) -> dt.date | None:
    """The date of a dateline at the very top of ``text``, or ``None``.

    Recognised: ``"WASHINGTON, March 3, 2025 —"``, ``"Feb 17, 2025 (Reuters) -"``,
    ``"17 February 2025"`` and a first line that is only a date (any format
    dateparser reads with day, month and year).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    m = _DATELINE.match(text)
    if m:
        if m["mon"]:
            return _make(m["year"], m["mon"], m["day"])
        if m["mon2"]:
            return _make(m["year2"], m["mon2"], m["day2"])
        return _make(m["iy"], m["im"], m["id"])
    first = text.lstrip().split("\n", 1)[0].strip()
    if 6 <= len(first) <= 40 and re.search(r"\d", first) and re.search(r"\d{4}", first):
        from ._parser import parse_absolute

        value = parse_absolute(first)
        if value is not None:
            return value.date() if isinstance(value, dt.datetime) else value
    return None
