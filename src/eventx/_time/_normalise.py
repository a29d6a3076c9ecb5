"""TIMEX3 values for calendar candidates (dates, months, years, quarters…).

Each resolver takes a :class:`~._candidate.Candidate` and the :class:`Context`
(reference date, tense, what the document mentioned last) and returns
``(value, type)`` or ``None`` to drop the candidate.  Relative expressions are
computed with ``datetime`` arithmetic; dateparser is not involved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from . import _lexicon as lx
from . import _values as vl
from ._detect import DAY, MON, SEASON, YEAR, Candidate

__all__ = ["Context", "RESOLVERS", "resolve"]

_MONTHS = {k: v for k, v in lx.MONTHS.items()}


@attrs.define
class Context:
    """What a resolver may use: the text, reference date, tense and discourse."""

    text: str
    reference: dt.date | None
    tense_fn: Callable[[int, int], str | None]
    last_day: dt.date | None = None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    last_decade: int | None = None

    def tense(self, cand: Candidate) -> str | None:
        return self.tense_fn(cand.start, cand.end)

    def near(self, cand: Candidate, pattern: str, window: int = 150) -> bool:
        lo, hi = max(0, cand.start - window), min(len(self.text), cand.end + window)
        return re.search(pattern, self.text[lo:hi], re.IGNORECASE) is not None


def month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".")]


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group(0))


def number_value(word: str | None) -> float | None:
    """``"two"`` → 2, ``"24"`` → 24, ``"twenty-four"`` → 24; vague/None → None."""
    if not word:
        return 1
    w = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        w = w.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w) if "." in w else int(w)
    if w in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[w]
    parts = re.split(r"[\s-]", w)
    if len(parts) == 2 and all(p in lx.NUMBER_WORDS for p in parts):
        return lx.NUMBER_WORDS[parts[0]] + lx.NUMBER_WORDS[parts[1]]
    return None


# A month/day without a year is taken in the reference year when it lies
# within this many days of the reference, else the nearest occurrence.
SAME_YEAR_DAYS = 150
# ... unless the clause's tense contradicts that reading and it lies more than
# this many days away on the wrong side ("sales fell in March", written in
# October, is last March; "will open in June", written in August, is next June).
TENSE_OVERRIDE_DAYS = 90


def infer_year(ctx: Context, cand: Candidate, month: int, day: int = 15) -> int | None:
    """The year of a month/day written without one, from reference and tense."""
    ref = ctx.reference
    if ref is None:
        return None
    options = [dt.date(ref.year + k, month, min(day, 28)) for k in (-1, 0, 1)]
    same = options[1]
    if abs((same - ref).days) <= SAME_YEAR_DAYS:
        best = same
    else:
        best = min(options, key=lambda d: (abs((d - ref).days), d.year != ref.year))
    gap = (best - ref).days
    before = re.search(r"([A-Za-z]+)\W*$", ctx.text[max(0, cand.start - 20):cand.start])
    side = lx.DATE_SIDE_BEFORE.get(before.group(1).lower()) if before else None
    if side == "past" and gap > 0:
        return max(d for d in options if d <= ref).year
    if abs(gap) > TENSE_OVERRIDE_DAYS:
        tense = ctx.tense(cand)
        if tense == "past" and gap > 0:
            best = max(d for d in options if d <= ref)
        elif tense == "future" and gap < 0:
            best = min(d for d in options if d >= ref)
    return best.year


# The far end of a range written with the year only once: "from March to May
# 2023", "between March 5 and May 9, 2023".  TimeML tags the two ends
# separately, and the first takes the year written after the second.
_RANGE_END = re.compile(
    rf"\s*(?:-|\u2013|(?i:to|until|till|through|and))\s+(?:(?i:early|late|mid)[\s-]+)?"
    rf"(?:(?P<mon>{MON})(?:\s+{DAY})?|{DAY}\s+(?P<mon2>{MON})|(?P<season>{SEASON})),?\s+(?:(?i:of)\s+)?"
    rf"(?P<year>{YEAR})(?!\w)"
)


def range_end_year(ctx: Context, cand: Candidate, month: int) -> int | None:
    """The year of ``month`` when ``cand`` opens a range whose far end has one."""
    m = _RANGE_END.match(ctx.text, cand.end)
    if m is None:
        return None
    year = int(m["year"])
    if m["season"]:
        end_month = lx.SEASON_START_MONTH[lx.SEASONS[m["season"].lower()]]
    else:
        end_month = month_number(m["mon"] or m["mon2"])
    return year - 1 if month > end_month else year  # "from November to March 2024": November 2023


def _date_value(ctx: Context, cand: Candidate, month: int, day: int, year: int | None) -> str | None:
    if year is None:
        year = range_end_year(ctx, cand, month)
    if year is None:
        year = infer_year(ctx, cand, month, day)
        if year is None:
            return f"XXXX-{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(c: Candidate, ctx: Context):
    g = c.groups
    if g["d"] is None:
        month = int(g["m"])
        return (vl.month_value(int(g["y"]), month), "DATE") if 1 <= month <= 12 else None
    try:
        dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    base = f"{g['y']}-{g['m']}-{g['d']}"
    return (f"{base}T{g['H']}:{g['M']}", "TIME") if g["H"] else (base, "DATE")


def _numeric(c: Candidate, ctx: Context):
    g = c.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if len(g["y"]) == 2:
        y += 1900 if y > 30 else 2000
    month, day = (a, b) if a <= 12 else (b, a)
    value = _date_value(ctx, c, month, day, y)
    return (value, "DATE") if value else None


def _mdy(c: Candidate, ctx: Context):
    g = c.groups
    year = int(g["year"]) if g["year"] else None
    value = _date_value(ctx, c, month_number(g["mon"]), day_number(g["day"]), year)
    return (value, "DATE") if value else None


def _month(c: Candidate, ctx: Context):
    g = c.groups
    month = month_number(g["mon"])
    written = _written_year(g)
    if written is not None:
        return vl.month_value(written, month), "DATE"
    ref = ctx.reference
    rel = (g["rel"] or "").lower()
    if g["relyear"]:
        if ref is None:
            return f"XXXX-{month:02d}", "DATE"
        return vl.month_value(ref.year + lx.RELATIVE_SHIFT[g["relyear"].lower()], month), "DATE"
    range_year = range_end_year(ctx, c, month)
    if range_year is not None:
        return vl.month_value(range_year, month), "DATE"
    if ref is None:
        return f"XXXX-{month:02d}", "DATE"
    shift = lx.RELATIVE_SHIFT.get(re.sub(r"\s+", " ", rel)) if rel else None
    if shift is not None and shift < 0:
        year = ref.year if month < ref.month else ref.year - 1
    elif shift is not None and shift > 0:
        year = ref.year if month > ref.month else ref.year + 1
    elif shift == 0:
        year = ref.year
    else:
        year = infer_year(ctx, c, month)
    return vl.month_value(year, month), "DATE"


def _year(c: Candidate, ctx: Context):
    g = c.groups
    if g["year"]:
        return g["year"], "DATE"
    y = int(g["fyear"] if g["fyear"] else g["syear"][1:])
    return str(y + (1900 if y > 30 else 2000)), "DATE"


def _decade(c: Candidate, ctx: Context):
    g = c.groups
    if g["dec"]:
        return g["dec"], "DATE"
    digit = int(g["dec2"])
    century = 19
    if ctx.reference is not None and ctx.reference.year >= 2000 and digit * 10 <= ctx.reference.year - 2000:
        century = 20
    return f"{century}{digit}", "DATE"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_word(c: Candidate, ctx: Context):
    return f"19{_DECADE_WORDS[c.groups['word'].lower()]}", "DATE"


def _century(c: Candidate, ctx: Context):
    n = lx.ORDINALS.get(c.groups["ord"].lower())
    if not n or n < 1:
        return None
    return f"{n - 1:02d}", "DATE"


def _season(c: Candidate, ctx: Context):
    g = c.groups
    code = lx.SEASONS[g["season"].lower()]
    written = _written_year(g) or range_end_year(ctx, c, lx.SEASON_START_MONTH[code])
    if written is not None:
        return f"{written:04d}-{code}", "DATE"
    ref = ctx.reference
    if ref is None:
        return f"XXXX-{code}", "DATE"
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    # "the summer" is no "this summer": which one, the clause's tense decides
    shift = lx.RELATIVE_SHIFT.get(rel) if rel and rel != "the" else None
    return f"{_season_year(ref, code, shift, ctx.tense(c) if shift is None else None)}-{code}", "DATE"


def _season_year(ref: dt.date, code: str, shift: int | None, tense: str | None = None) -> int:
    """The year of the season ``code`` that "last" (-1), "next" (1), "this" (0)
    or, with ``shift`` None, the clause's ``tense`` picks near ``ref``."""
    start = lx.SEASON_START_MONTH[code]
    start_date = dt.date(ref.year if start != 12 else ref.year - (ref.month < 3), start, 1)
    year = start_date.year
    if shift is not None and shift < 0:
        return year if vl.add_months(start_date, 3) <= ref else year - 1
    if shift is not None and shift > 0:
        return year if start_date > ref else year + 1
    if tense == "past" and start_date > ref:
        return year - 1
    if tense == "future" and vl.add_months(start_date, 3) <= ref:
        return year + 1
    return year


def _seasons(c: Candidate, ctx: Context):
    """ "the past three summers": the recurring season (TimeML SET); "two winters ago": that one."""
    g = c.groups
    code = lx.SEASONS[lx.SEASON_PLURALS[g["season"].lower()]]
    if not g["dir"]:
        return f"XXXX-{code}", "SET"
    n = number_value(g["num"])
    if ctx.reference is None or n is None or not float(n).is_integer():
        return f"XXXX-{code}", "DATE"
    return f"{_season_year(ctx.reference, code, -1) - int(n) + 1:04d}-{code}", "DATE"


def _holiday(c: Candidate, ctx: Context):
    g = c.groups
    name = re.sub(r"\s+", " ", g["name"])
    spec = lx.HOLIDAYS_FIXED.get(name) or lx.HOLIDAYS_MOVABLE.get(name)

    def on(year: int) -> dt.date:
        if isinstance(spec, tuple) and len(spec) == 2:
            return dt.date(year, *spec)
        if isinstance(spec, tuple):
            return vl.nth_weekday(year, *spec)
        if spec == "election":  # the Tuesday after the first Monday of November
            return vl.nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
        offset = int(spec[6:] or 0) if spec != "easter" else 0
        return vl.easter(year) + dt.timedelta(days=offset)

    if g["year"]:
        return on(int(g["year"])).isoformat(), "DATE"
    ref = ctx.reference
    if ref is None:
        if isinstance(spec, tuple) and len(spec) == 2:
            return f"XXXX-{spec[0]:02d}-{spec[1]:02d}", "DATE"
        return "XXXX-XX-XX", "DATE"
    rel = (g["rel"] or "").lower()
    this = on(ref.year)
    if rel == "last" or (not rel and ctx.tense(c) == "past"):
        day = this if this < ref else on(ref.year - 1)
    elif rel == "next" or (not rel and ctx.tense(c) == "future"):
        day = this if this >= ref else on(ref.year + 1)
    else:
        day = this
    return day.isoformat(), "DATE"


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}


def _spoken_number(words: str) -> int | None:
    total = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "oh":
            continue
        if w in _SPOKEN_TENS:
            total += _SPOKEN_TENS[w]
        elif w in lx.NUMBER_WORDS and isinstance(lx.NUMBER_WORDS[w], int):
            total += lx.NUMBER_WORDS[w]
        else:
            return None
    return total


def spoken_year(words: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "twenty oh-one" → 2001 (broadcast transcripts)."""
    hi_word, lo_word = re.split(r"\s+", words.strip().lower(), maxsplit=1)
    hi = _spoken_number(hi_word)
    lo = 0 if lo_word == "hundred" else _spoken_number(lo_word)
    if hi is None or lo is None or lo > 99:
        return None
    return hi * 100 + lo


def _written_year(g: dict[str, str | None]) -> int | None:
    """The year after a month or season: "2012", "'98" or "nineteen ninety-four"."""
    if g.get("year"):
        return int(g["year"])
    if g.get("syear"):
        y = int(g["syear"][1:])
        return y + (1900 if y > 30 else 2000)
    if g.get("spoken"):
        return spoken_year(g["spoken"])
    return None


def _spoken_year(c: Candidate, ctx: Context):
    year = spoken_year(c.groups["spoken"])
    return (f"{year:04d}", "DATE") if year is not None else None


def _year_2000(c: Candidate, ctx: Context):
    words = c.groups["word"].lower().split()
    extra = _spoken_number(words[-1]) if "and" in words else 0
    return f"{2000 + (extra or 0):04d}", "DATE"


def _in_the_unit(c: Candidate, ctx: Context):
    unit = c.groups["unit"].lower()
    ref = ctx.reference
    if ref is None:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX"}[unit], "DATE"
    if unit == "day":
        return (ctx.last_day or ref).isoformat(), "DATE"
    if unit == "week":
        return vl.iso_week(ref), "DATE"
    if unit == "month":
        return vl.month_value(ref.year, ref.month), "DATE"
    return str(ref.year), "DATE"


RESOLVERS: dict[str, Callable[[Candidate, Context], "tuple[str, str] | None"]] = {
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _mdy,
    "dmy": _mdy,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "decade_word": _decade_word,
    "century": _century,
    "season": _season,
    "seasons": _seasons,
    "holiday": _holiday,
    "in_the_unit": _in_the_unit,
    "spoken_year": _spoken_year,
    "year_2000": _year_2000,
}


def resolve(cand: Candidate, ctx: Context) -> "tuple[str, str] | None":
    """``(value, type)`` for ``cand`` or ``None`` when it is not a time after all."""
    from ._fiscal import FISCAL_RESOLVERS
    from ._relative import RELATIVE_RESOLVERS

    fn = RESOLVERS.get(cand.kind) or FISCAL_RESOLVERS.get(cand.kind) or RELATIVE_RESOLVERS[cand.kind]
    return fn(cand, ctx)
