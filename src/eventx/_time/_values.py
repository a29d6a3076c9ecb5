"""TIMEX3 value strings: building them and reading their calendar bounds."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import _lexicon as lx

__all__ = ["bounds", "day_value", "easter", "iso_week", "month_value", "quarter_of", "shift_month"]

_POD_HOURS = {code: (first, last) for code, first, last in lx.PARTS_OF_DAY.values()}


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def shift_quarter(year: int, q: int, delta: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + delta
    return idx // 4, idx % 4 + 1


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = shift_month(d.year, d.month, n)
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2})(?::(\d{2}))?|(MO|AF|EV|NI|MI)))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-(Q[1-4]|H[12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def bounds(value: str) -> tuple[str | None, dt.date | None, dt.date | None]:
    """``(granularity, earliest, latest)`` of a resolved TIMEX3 DATE/TIME value.

    Unresolved values (with ``X``), durations, sets and vague references give
    ``(None, None, None)``.

    Raises:
        ValueError: ``value`` has a date form but names no calendar date
            (``"2025-13"``, ``"2025-02-30"``, ``"2014-W53"``, ``"0000"``).
    """
    m = _DAY.match(value)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is not None:
            hour = int(m[4])
            minute = int(m[5]) if m[5] else None
            if hour == 24:
                t = dt.datetime.combine(d, dt.time(23, 59, 59))
                return "minute", t, t
            start = dt.datetime.combine(d, dt.time(hour, minute or 0))
            end = start if minute is not None else start.replace(minute=59, second=59)
            return ("minute" if minute is not None else "hour"), start, end
        if m[6]:
            first, last = _POD_HOURS[m[6]]
            return ("hour", dt.datetime.combine(d, dt.time(first)),
                    dt.datetime.combine(d, dt.time(last, 59, 59)))
        return "day", d, d
    m = _MONTH.match(value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return "month", dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    m = _WEEK.match(value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return "week", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return "week", monday, monday + dt.timedelta(days=6)
    m = _QUARTER.match(value)
    if m:
        y, code = int(m[1]), m[2]
        months = 3 if code[0] == "Q" else 6
        first = (int(code[1]) - 1) * months + 1
        last = first + months - 1
        return ("quarter" if code[0] == "Q" else "half", dt.date(y, first, 1),
                dt.date(y, last, calendar.monthrange(y, last)[1]))
    m = _SEASON.match(value)
    if m:
        y, start_month = int(m[1]), lx.SEASON_START_MONTH[m[2]]
        ey, em = shift_month(y, start_month, 2)
        return "season", dt.date(y, start_month, 1), dt.date(ey, em, calendar.monthrange(ey, em)[1])
    m = _YEAR.match(value)
    if m:
        y = int(m[1])
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = _DECADE.match(value)
    if m:
        y = int(m[1]) * 10
        return "decade", dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
    m = _CENTURY.match(value)
    if m:
        y = int(m[1]) * 100
        return "century", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None, None, None


# Granularity of values with X placeholders, first match wins.
_UNRESOLVED_GRANULARITY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T(?:MO|AF|EV|NI|MI|\d{2})$"), "hour"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T\d{2}:\d{2}$"), "minute"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}-\d(?:T\w+)?$"), "day"),
    (re.compile(r"^[\dX]{4}-W[\dX]{2}(?:-WE)?$"), "week"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}-Q[\dX]$"), "quarter"),
    (re.compile(r"^[\dX]{4}-H[\dX]$"), "half"),
    (re.compile(r"^[\dX]{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}$"), "year"),
    (re.compile(r"^[\dX]{3}$"), "decade"),
    (re.compile(r"^[\dX]{2}$"), "century"),
)


def granularity_of(value: str) -> str | None:
    """The granularity of a value, resolved or not (``"XXXX-WXX"`` → week)."""
    g, _, _ = bounds(value)
    if g is not None:
        return g
    for pattern, name in _UNRESOLVED_GRANULARITY:
        if pattern.match(value):
            return name
    return None
