"""The time layer: find time expressions in English news and give TIMEX3 values.

Public entry points: :class:`TimeTagger`, :func:`extract_times`,
:func:`coerce_reference_date` and :func:`find_dateline_date`.

The reference date of relative expressions ("yesterday", "last week") is the
``reference_date`` argument; without one, a dateline date at the top of the
text; without either, relative expressions keep an unresolved TIMEX3 value
with ``X`` placeholders ("XXXX-XX-XX", "XXXX-WXX") and no ``earliest``/``latest``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from .._types import TimeExpression
from . import _values as vl
from ._dateline import find_dateline_date
from ._detect import Candidate, find_candidates
from ._fiscal import range_latest
from ._normalise import Context, resolve
from ._parser import get_parser
from ._reference import coerce_reference_date, guess_tense

__all__ = ["TimeTagger", "coerce_reference_date", "extract_times", "find_dateline_date"]

Tense = Callable[[int, int], "str | None"]
# Expressions computed from another mention ("a year earlier", "the
# year-earlier quarter") do not become the new anchor themselves.
_ANAPHORIC_KINDS = frozenset({"ago", "year_earlier", "anaphoric_quarter", "duration", "anaphoric_day"})
_REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


class TimeTagger:
    """Finds and normalises time expressions; reusable and cheap to call.

    Holds one English-only dateparser ``DateDataParser`` (built lazily, only
    used for absolute dates in unusual formats) and an LRU cache of results
    keyed on ``(text, reference date)`` for calls without a ``tense`` callable.
    """

    def __init__(self, cache_size: int = 256) -> None:
        self._cached = functools.lru_cache(maxsize=cache_size)(self._tag_uncached)

    @property
    def parser(self):
        """The shared English-only ``dateparser.date.DateDataParser``."""
        return get_parser()

    def tag(
        self,
        text: str,
        reference_date: str | dt.date | dt.datetime | None = None,
        *,
        tense: Tense | None = None,
    ) -> list[TimeExpression]:
        """Every time expression in ``text``, in order.

        Args:
            text: The text to tag.
            reference_date: The date relative expressions are resolved against
                (``str``/``date``/``datetime``); when ``None``, a dateline date
                at the top of the text, else expressions stay unresolved.
            tense: Optional ``(start, end) -> "past" | "present" | "future" | None``
                giving the tense of the clause governing a span; weekday names
                resolve by it.  Without it a word-based heuristic is used.

        Raises:
            TypeError: ``text`` is not a ``str`` or ``reference_date`` has a bad type.
            ValueError: ``reference_date`` is a string that is not a date.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        ref = coerce_reference_date(reference_date)
        if ref is None:
            ref = find_dateline_date(text)
        ref_day = ref.date() if isinstance(ref, dt.datetime) else ref
        if tense is not None:
            return self._tag_uncached(text, ref_day, tense)
        return list(self._cached(text, ref_day, None))

    def _tag_uncached(self, text: str, ref: dt.date | None, tense: Tense | None) -> tuple[TimeExpression, ...]:
        tense_fn = tense or functools.partial(guess_tense, text)
        ctx = Context(text=text, reference=ref, tense_fn=tense_fn)
        out: list[TimeExpression] = []
        for cand in find_candidates(text):
            try:
                got = resolve(cand, ctx)
                if got is None or got[0] is None:
                    continue
                expr = _build(text, cand, *got)
            except _UNBUILDABLE:
                # A value the calendar cannot hold ("2025-13", week 53 of a 52-week year,
                # a year past 9999 counted from an extreme reference date): not a time.
                continue
            if cand.kind not in _ANAPHORIC_KINDS:
                _remember(ctx, expr)
            out.append(expr)
        return tuple(out)


# What building a value from an impossible date raises: dt.date/fromisocalendar
# (ValueError), date arithmetic past year 1 or 9999 (OverflowError), an int of a
# huge digit string (ValueError), and table look-ups (KeyError, IndexError).
_UNBUILDABLE = (ValueError, OverflowError, KeyError, IndexError)


def _build(text: str, cand: Candidate, value: str, typ: str) -> TimeExpression:
    """The expression for a resolved candidate.

    Raises:
        ValueError: ``value`` names no calendar date ("2025-13").
    """
    granularity = earliest = latest = None
    if typ in ("DATE", "TIME") and value not in _REF_VALUES:
        granularity, earliest, latest = vl.bounds(value)
        if granularity is None:
            granularity = vl.granularity_of(value)
        latest = range_latest(cand) or latest
    return TimeExpression(
        text=text[cand.start:cand.end], start=cand.start, end=cand.end, value=value, type=typ,
        granularity=granularity, earliest=earliest, latest=latest,
    )


def _remember(ctx: Context, expr: TimeExpression) -> None:
    """Update the discourse state anaphoric expressions resolve against."""
    if expr.earliest is None:
        return
    first = expr.earliest.date() if isinstance(expr.earliest, dt.datetime) else expr.earliest
    if expr.granularity in ("day", "hour", "minute"):
        ctx.last_day = first
    if expr.granularity in ("day", "hour", "minute", "month"):
        ctx.last_month = (first.year, first.month)
    if expr.granularity in ("day", "hour", "minute", "week", "month", "quarter", "season", "year", "half"):
        ctx.last_year = first.year
    if expr.granularity == "quarter":
        ctx.last_quarter = vl.quarter_of(first)
    if expr.granularity is not None:  # every calendar value lies in a decade: "the following decade"
        ctx.last_decade = first.year // 10


_DEFAULT: TimeTagger | None = None


def extract_times(
    text: str, *, reference_date: str | dt.date | dt.datetime | None = None
) -> list[TimeExpression]:
    """Every time expression in ``text`` (see :meth:`TimeTagger.tag`)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = TimeTagger()
    return _DEFAULT.tag(text, reference_date)
