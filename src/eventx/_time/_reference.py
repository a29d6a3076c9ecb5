"""The reference date: coercing user input, the tense heuristic, weekdays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import _lexicon as lx

__all__ = ["coerce_reference_date", "guess_tense", "resolve_weekday"]

Tense = Callable[[int, int], "str | None"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$")


def coerce_reference_date(value: object) -> dt.date | dt.datetime | None:
    """Turn a user-supplied reference date into a ``date``/``datetime``.

    Accepts ``None``, a ``datetime.date``, a ``datetime.datetime`` or a string
    (ISO ``"2025-02-17"``, ``"2025-02-17T10:00"``, or a written date such as
    ``"17 February 2025"``, parsed with dateparser).

    Raises:
        TypeError: for any other type.
        ValueError: for a string that is not a date.
    """
    if value is None or isinstance(value, (dt.date, dt.datetime)):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"reference_date must be str, date, datetime or None, got {type(value).__name__}"
        )
    m = _ISO.match(value)
    if m:
        try:
            if m[4] is None:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            return dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
        except ValueError as exc:
            raise ValueError(f"reference_date {value!r} is not a valid date: {exc}") from None
    from ._parser import parse_absolute  # local import: dateparser is heavy

    parsed = parse_absolute(value.strip())
    if parsed is None:
        raise ValueError(f"reference_date {value!r} is not a date")
    return parsed


_SENTENCE_END = re.compile(r"[.!?;]['\"]*\s+(?=[A-Z\"'(`])|\n\s*\n")
_TOKEN = re.compile(r"[A-Za-z']+")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, end + 400)
    right = m.start() + 1 if m else min(len(text), end + 400)
    return left, right


# Cues after the span count as this many times farther away: the verb that
# governs a time adverbial usually comes before it ("met on Monday and will ...").
AFTER_WEIGHT = 3


def guess_tense(text: str, start: int, end: int) -> str | None:
    """A light tense guess for the clause around ``text[start:end]``.

    The nearest cue word in the sentence wins: future cues ("will", "next",
    "to be", "scheduled") give ``"future"``; past forms ("said", "met", an
    ``-ed`` verb) give ``"past"``.  ``None`` when the sentence has no cue.
    """
    left, right = _sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    lowered = text[left:right].lower()
    masked: list[tuple[int, int]] = []  # cue words inside these spans do not count

    def consider(pos: int, tense: str) -> None:
        nonlocal best
        if start <= pos < end:
            return
        dist = start - pos if pos < start else (pos - end) * AFTER_WEIGHT
        if best is None or dist < best[0]:
            best = (dist, tense)

    for phrases, tense in ((lx.PAST_PHRASES, "past"), (lx.NOT_CUE_PHRASES, None)):
        for phrase in phrases:
            for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", lowered):
                masked.append((left + m.start(), left + m.end()))
                if tense:
                    consider(left + m.start(), tense)

    def is_masked(pos: int) -> bool:
        return any(lo <= pos < hi for lo, hi in masked)

    for phrase in lx.FUTURE_PHRASES:
        for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", lowered):
            if not is_masked(left + m.start()):
                consider(left + m.start(), "future")
    previous = ""
    for m in _TOKEN.finditer(text, left, right):
        word, prev_word, previous = m.group(0).lower(), previous, m.group(0).lower()
        if start <= m.start() < end or is_masked(m.start()):
            continue
        if word in lx.FUTURE_CUES:
            tense = "future"
        elif word in lx.PAST_CUES or (
            word.endswith("ed") and len(word) > 4 and word not in lx.NOT_PAST_ED
            and prev_word not in lx.NOT_PAST_AFTER
        ):
            tense = "past"
        else:
            continue
        consider(m.start(), tense)
    return best[1] if best else None


def resolve_weekday(reference: dt.date, weekday: int, tense: str | None, shift: int | None = None) -> dt.date:
    """The date of ``weekday`` near ``reference``.

    ``shift`` (from "last"/"next"/"this") wins; otherwise future tense gives
    the next such day (the reference excluded) and past, present or unknown
    tense the news convention: the most recent such day within the past six
    days, or the reference date itself when it is that weekday (wire reports
    dated Friday say "officials said Friday").
    """
    diff = (weekday - reference.weekday()) % 7  # days forward to the next one (0 = same day)
    if shift is not None and shift < 0:
        return reference - dt.timedelta(days=(7 - diff) if diff else 7)
    if shift is not None and shift > 0:
        return reference + dt.timedelta(days=diff or 7)
    if shift == 0:  # "this Friday": the one in the current week
        return reference + dt.timedelta(days=weekday - reference.weekday())
    if tense == "future":
        return reference + dt.timedelta(days=diff or 7)
    # past and present/unknown: the most recent such day, the reference itself
    # included (news reports say "officials said Friday" on that Friday)
    return reference - dt.timedelta(days=(7 - diff) % 7)
