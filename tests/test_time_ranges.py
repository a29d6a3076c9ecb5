"""Year ranges, ranges written with the year once, and the time layer's totality."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventx._time import TimeTagger, extract_times
from eventx._time import _normalise as normalise
from eventx._time import _values as vl

REF = "2025-02-17"


def _expressions(text: str, ref: str | None = REF) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        (e.text, e.value, e.granularity, e.earliest and e.earliest.isoformat(), e.latest and e.latest.isoformat())
        for e in extract_times(text, reference_date=ref)
    ]


# A compact year range written as one token: value = first year, bounds = both years whole.
YEAR_RANGES = [
    ("He starred in the 2014-15 season.", ("2014-15", "2014", "year", "2014-01-01", "2015-12-31")),
    ("It was the expedition of 1957-58.", ("1957-58", "1957", "year", "1957-01-01", "1958-12-31")),
    ("Revenue grew in 2010-11.", ("2010-11", "2010", "year", "2010-01-01", "2011-12-31")),
    ("Revenue grew in 2010/11.", ("2010/11", "2010", "year", "2010-01-01", "2011-12-31")),
    ("The FY2023/24 budget was cut.", ("FY2023/24", "2023", "year", "2023-01-01", "2024-12-31")),
    ("It ran from 1999-2000.", ("1999-2000", "1999", "year", "1999-01-01", "2000-12-31")),
    ("He starred in the 2014\u201315 season.", ("2014\u201315", "2014", "year", "2014-01-01", "2015-12-31")),
    ("Turnover fell in fiscal 2014-15.", ("fiscal 2014-15", "2014", "year", "2014-01-01", "2015-12-31")),
    ("A decline over 1990-95 followed.", ("1990-95", "1990", "year", "1990-01-01", "1995-12-31")),
    ("The 1999-00 season was short.", ("1999-00", "1999", "year", "1999-01-01", "2000-12-31")),
    ("FY23 results are due.", ("FY23", "2023", "year", "2023-01-01", "2023-12-31")),
    ("FY2024 results are due.", ("FY2024", "2024", "year", "2024-01-01", "2024-12-31")),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_RANGES)
def test_compact_year_range_is_one_year_expression(text, expected):
    assert _expressions(text) == [expected]


# Not ranges: the second number is no later year, or the whole is an amount or a full date.
NOT_RANGES = [
    ("The file is from 2012-03.", [("2012-03", "2012-03", "month", "2012-03-01", "2012-03-31")]),
    ("The file is from 2014-12.", [("2014-12", "2014-12", "month", "2014-12-01", "2014-12-31")]),
    ("The file is dated 2010-11-05.", [("2010-11-05", "2010-11-05", "day", "2010-11-05", "2010-11-05")]),
    ("It raised $1999-2000 in cash.", []),
    ("Some 1500-2000 people came.", []),
    ("The code 2014-14 is void.", []),
    ("Part 1999-3000 is void.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOT_RANGES)
def test_not_a_year_range(text, expected):
    assert _expressions(text) == expected


# TimeML marks the two ends of a written-out range separately; a year written once
# at the far end belongs to both.
SPLIT_RANGES = [
    ("Sales rose from March to May 2023.",
     [("March", "2023-03"), ("May 2023", "2023-05")]),
    ("Sales rose between 2010 and 2012.",
     [("2010", "2010"), ("2012", "2012")]),
    ("Sales rose from November to March 2024.",
     [("November", "2023-11"), ("March 2024", "2024-03")]),
    ("Talks ran between March 5 and May 9, 2023.",
     [("March 5", "2023-03-05"), ("May 9, 2023", "2023-05-09")]),
    ("Talks ran from 5 March to 9 May 2023.",
     [("5 March", "2023-03-05"), ("9 May 2023", "2023-05-09")]),
    ("Sales rose in March and in May 2023.",  # not a range: March takes the reference year's
     [("March", "2025-03"), ("May 2023", "2023-05")]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_RANGES)
def test_range_ends_are_tagged_separately(text, expected):
    assert [(e.text, e.value) for e in extract_times(text, reference_date=REF)] == expected


# --- totality: impossible values are skipped, never raised -----------------

IMPOSSIBLE = [
    "It is due on 2025-13-45.",
    "It is due on Feb 30.",
    "It is due on April 31, 2020.",
    "It is due on 31 April.",
    "Meet at 10:61.",
    "It happened in year 0000.",
    "It happened in 0000-01.",
    "It happened in 99999.",
    "It happened in 2025-13.",
    "It lasted 1" + "0" * 400 + " years.",
    "It happened 1" + "0" * 12 + " days ago.",
]


@pytest.mark.parametrize("text", IMPOSSIBLE)
@pytest.mark.parametrize("ref", [REF, None, dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_impossible_values_never_raise(text, ref):
    for e in extract_times(text, reference_date=ref):
        assert text[e.start:e.end] == e.text
        assert e.earliest is None or e.latest is None or e.earliest <= e.latest


@pytest.mark.parametrize("text", ["yesterday", "tomorrow", "next year", "last week", "in March", "on Monday",
                                  "this winter", "two days ago", "the following decade", "Christmas"])
@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_relative_times_at_the_ends_of_the_calendar_are_skipped_not_raised(text, ref):
    found = extract_times(text, reference_date=ref)
    assert all(e.earliest is None or dt.MINYEAR <= e.earliest.year <= dt.MAXYEAR for e in found)


@pytest.mark.parametrize("value", ["2025-13", "2025-13-45", "2014-W53", "2025-02-30", "0000", "2025-02-17T25"])
def test_bounds_refuses_impossible_values(value):
    with pytest.raises(ValueError):
        vl.bounds(value)


def test_unbuildable_candidate_is_skipped_and_the_rest_kept(monkeypatch):
    """A resolver value the calendar cannot hold drops that expression only."""
    monkeypatch.setitem(normalise.RESOLVERS, "year", lambda cand, ctx: ("2014-W53", "DATE"))
    found = TimeTagger().tag("In 2014 it rained on March 3, 2014.", REF)
    assert [(e.text, e.value) for e in found] == [("March 3, 2014", "2014-03-03")]


# --- property tests --------------------------------------------------------

_PIECES = [
    "0", "1", "2", "9", "12", "13", "15", "24", "29", "30", "31", "45", "53", "58", "61", "99", "00",
    "0000", "1957", "1999", "2000", "2010", "2014", "9999", "99999",
    "January", "Feb", "Feb.", "March", "April", "May", "Sept.", "Dec.", "Monday", "Fri.",
    "-", "/", "\u2013", ":", " ", ", ", "FY", "Q", "W", "T", "H",
    "fiscal", "the", "last", "next", "ago", "years", "days", "from", "to", "between", "and",
    "p.m.", "quarter", "first", "summer", "today", "tomorrow", "of", "in", "'9", "century", "1st", "decade",
]
_REFS = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
_DATE_LIKE = st.lists(st.sampled_from(_PIECES), max_size=12).flatmap(
    lambda parts: st.sampled_from([" ".join(parts), "".join(parts)]))


def _check_total(text: str, ref: dt.date | None) -> None:
    for e in TimeTagger(cache_size=0).tag(text, ref):
        assert text[e.start:e.end] == e.text
        if e.earliest is not None and e.latest is not None:
            assert e.earliest <= e.latest, e


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=80), ref=_REFS)
def test_never_raises_on_arbitrary_text(text, ref):
    _check_total(text, ref)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_DATE_LIKE, ref=_REFS)
def test_never_raises_on_date_like_text(text, ref):
    _check_total(text, ref)


@pytest.mark.model
@pytest.mark.parametrize("text", ["Messi scored 30 goals in the 2014-15 season.",
                                  "Scientists joined the expedition of 1957-58."])
def test_extract_events_reads_year_ranges(text):
    """The issue's reproduction: these raised ``ValueError: month must be in 1..12``."""
    import eventx

    whens = [e.when for e in eventx.extract_events(text, reference_date=REF) if e.when is not None]
    assert [(w.granularity, w.earliest.month, w.latest.month) for w in whens] == [("year", 1, 12)]
    assert whens[0].latest.year == whens[0].earliest.year + 1
