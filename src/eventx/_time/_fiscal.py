"""TIMEX3 values for quarters, fiscal years, year ranges and "a year earlier" comparisons.

Financial news compares a reporting period with the same period a year
before; these resolvers keep track of the last quarter the document
mentioned (``Context.last_quarter``) so "the quarter", "the year-earlier
period" and "a year ago" (near a quarter mention) resolve to quarters.
"""

from __future__ import annotations

import datetime as dt
import re

from . import _lexicon as lx
from . import _values as vl
from ._accept import year_range_last
from ._candidate import Candidate
from ._normalise import Context

__all__ = ["FISCAL_RESOLVERS", "range_latest"]


def _quarter(c: Candidate, ctx: Context):
    g = c.groups
    n = lx.ORDINALS.get(g["ord"].lower())
    half = g["unit"].lower() == "half"
    top = 2 if half else 4
    if n == -1:
        n = top
    if not n or n > top:
        return None
    code = f"H{n}" if half else f"Q{n}"
    year: int | None = None
    if g["year"] or g["qyear"]:
        year = int(g["year"] or g["qyear"])
    elif g["relyear"] and ctx.reference is not None:
        year = ctx.reference.year + lx.RELATIVE_SHIFT[g["relyear"].lower()]
    elif ctx.reference is not None:
        ref = ctx.reference
        year = ref.year
        first_month = (n - 1) * (6 if half else 3) + 1
        if dt.date(year, first_month, 1) > ref and ctx.tense(c) != "future":
            year -= 1
    if year is None:
        return f"XXXX-{code}", "DATE"
    if g["ya"]:
        year -= 1
    if not half:
        ctx.last_quarter = (year, n)
    return f"{year}-{code}", "DATE"


def _anaphoric_quarter(c: Candidate, ctx: Context):
    g = c.groups
    which = re.sub(r"\s+", " ", (g["which"] or "").lower())
    unit = g["unit"].lower()
    if unit == "period" and which in ("", "same", "first", "second", "third", "fourth"):
        return None
    if which in ("first", "second", "third", "fourth"):
        return None
    base = ctx.last_quarter
    if which in ("latest", "most recent", "just-ended", "just ended", "latest fiscal", "recent") and ctx.reference:
        base = None
    if base is None:
        if ctx.reference is None:
            return "XXXX-QX", "DATE"
        y, q = vl.quarter_of(ctx.reference)
        base = vl.shift_quarter(y, q, -1) if which not in ("current",) else (y, q)
    if which in ("year-earlier", "year-ago", "year earlier", "comparable"):
        base = vl.shift_quarter(*base, -4)
    elif which in ("previous", "prior", "preceding"):
        base = vl.shift_quarter(*base, -1)
    elif which not in ("same",):
        ctx.last_quarter = base
    return f"{base[0]}-Q{base[1]}", "DATE"


def _year_earlier(c: Candidate, ctx: Context):
    if ctx.last_quarter is not None and ctx.near(c, r"\b(?:quarter|period)\b"):
        y, q = vl.shift_quarter(*ctx.last_quarter, -4)
        return f"{y}-Q{q}", "DATE"
    base = ctx.last_year if ctx.last_year is not None else (ctx.reference.year if ctx.reference else None)
    return (str(base - 1), "DATE") if base is not None else ("XXXX", "DATE")


def _year_period(c: Candidate, ctx: Context):
    year = int(c.groups["year"])
    if ctx.last_quarter is not None:
        return f"{year}-Q{ctx.last_quarter[1]}", "DATE"
    return str(year), "DATE"


def _the_year(c: Candidate, ctx: Context):
    which = re.sub(r"\s+", " ", (c.groups["which"] or "").lower())
    after = ctx.text[c.end:c.end + 12].lower()
    if re.match(r"\s+(?:ended|ending|to|through)\b", after):
        return "P1Y", "DURATION"
    if ctx.reference is None:
        return "XXXX", "DATE"
    year = ctx.reference.year
    if which.startswith(("latest", "previous", "prior")):
        year -= 1
    return str(year), "DATE"


def _year_end(c: Candidate, ctx: Context):
    word = c.groups["word"].lower()
    if ctx.reference is None:
        return ("XXXX" if "year" in word else "XXXX-XX"), "DATE"
    if "month" in word:
        return vl.month_value(ctx.reference.year, ctx.reference.month), "DATE"
    return str(ctx.reference.year), "DATE"


def _year_range(c: Candidate, ctx: Context):
    """ "2014-15", "FY2023/24": the first year; :func:`range_latest` gives the end."""
    return c.groups["y1"], "DATE"


def range_latest(c: Candidate) -> dt.date | None:
    """The last day of the span a "year_range" candidate names, else ``None``."""
    if c.kind != "year_range":
        return None
    last = year_range_last(c)
    return dt.date(last, 12, 31) if last is not None else None


FISCAL_RESOLVERS = {
    "year_range": _year_range,
    "quarter": _quarter,
    "anaphoric_quarter": _anaphoric_quarter,
    "year_earlier": _year_earlier,
    "year_period": _year_period,
    "the_year": _the_year,
    "year_end": _year_end,
}
