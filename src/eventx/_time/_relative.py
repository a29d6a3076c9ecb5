"""TIMEX3 values for relative, clock, duration, set and vague candidates."""

from __future__ import annotations

import datetime as dt
import re

from . import _lexicon as lx
from . import _values as vl
from ._detect import DAY, MON, Candidate
from ._normalise import RESOLVERS, Context, day_number, infer_year, month_number, number_value
from ._reference import resolve_weekday

__all__ = ["RELATIVE_RESOLVERS"]


def _norm(word: str | None) -> str:
    return re.sub(r"\s+", " ", (word or "").lower().strip())


def _unit(word: str) -> str:
    w = word.lower()
    return lx.UNIT_PLURALS.get(w, w)


def _pod_code(word: str | None) -> str | None:
    return lx.PARTS_OF_DAY[_norm(word)][0] if word else None


def _day_text(day: dt.date | None, pod: str | None = None) -> str:
    base = day.isoformat() if day is not None else "XXXX-XX-XX"
    return f"{base}T{pod}" if pod else base


def _anchor_day(c: Candidate, ctx: Context) -> str | None:
    """The day value of the candidate a clock time was merged with."""
    from ._normalise import resolve

    if c.anchor is None:
        return ctx.reference.isoformat() if ctx.reference else None
    got = resolve(c.anchor, ctx)
    if got is None:
        return None
    return got[0][:10]


def _clock(c: Candidate, ctx: Context):
    g = c.groups
    if g["word"]:
        hhmm = lx.CLOCK_WORDS[g["word"].lower()]
    elif g["h2"] is not None:
        hhmm = f"{int(g['h2']):02d}:{g['m2']}"
    else:
        hour = int(g["h"]) % 12
        if g["ampm"].lower().startswith("p"):
            hour += 12
        hhmm = f"{hour:02d}:{g['m'] or '00'}"
    day = _anchor_day(c, ctx) or "XXXX-XX-XX"
    return f"{day}T{hhmm}", "TIME"


_TODAYS_NOUN = re.compile(r"'s\s+([A-Za-z-]+)(?:\s+([A-Za-z]+))?")
_OF_TODAY = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?([A-Za-z]+)\s+of\s+$")


def _generic_today(c: Candidate, ctx: Context) -> bool:
    """ "today's world", "in today's fast-paced economy", "the Russia of today"."""
    if c.groups["word"].lower() != "today" or c.groups["pod"] or c.groups["mod"]:
        return False
    m = _TODAYS_NOUN.match(ctx.text, c.end)
    if m:  # the noun, or the noun after one adjective ("today's personal computers")
        return any(w and w.lower() in lx.TODAY_GENERIC_NOUNS for w in m.groups())
    m = _OF_TODAY.search(ctx.text, max(0, c.start - 40), c.start)
    return bool(m) and (m.group(1)[0].isupper() or m.group(1).lower() in lx.TODAY_GENERIC_NOUNS)


def _deictic(c: Candidate, ctx: Context):
    g = c.groups
    if _generic_today(c, ctx):
        return "PRESENT_REF", "DATE"
    offset, pod = lx.DEICTIC_DAYS[g["word"].lower()]
    pod = _pod_code(g["pod"]) or pod
    day = ctx.reference + dt.timedelta(days=offset) if ctx.reference else None
    return _day_text(day, pod), ("TIME" if pod else "DATE")


def _this_pod(c: Candidate, ctx: Context):
    g = c.groups
    pod = _pod_code(g["pod"])
    rel = g["rel"].lower()
    if rel == "the":
        if g["mod"] or pod == "NI":
            return None
        base = ctx.last_day or ctx.reference
    elif rel == "last":
        base = ctx.reference - dt.timedelta(days=1) if ctx.reference else None
    else:
        base = ctx.reference
    return _day_text(base, pod), "TIME"


_WD_SHIFT = {"last": -1, "past": -1, "this past": -1, "the previous": -1, "the preceding": -1,
             "next": 1, "this coming": 1, "coming": 1, "the following": 1, "the next": 1, "this": 0}


_WD_THEN_DATE = re.compile(rf",?\s+(?P<mon>{MON})\s+(?P<day>{DAY})")


def _weekday(c: Candidate, ctx: Context):
    g = c.groups
    wd = lx.WEEKDAYS[g["wd"]]
    m = _WD_THEN_DATE.match(ctx.text, c.end)
    if m and ctx.reference is not None and not g["pod"]:  # "Saturday, April 25": trust the date
        month, day = month_number(m["mon"]), day_number(m["day"])
        try:
            date = dt.date(infer_year(ctx, c, month, day), month, day)
        except ValueError:
            date = None
        if date is not None and date.weekday() == wd:
            return date.isoformat(), "DATE"
    pod = _pod_code(g["pod"])
    rel = _norm(g["rel"])
    typ = "TIME" if pod else "DATE"
    if rel in ("the following", "the next", "the previous", "the preceding") and ctx.last_day:
        day = resolve_weekday(ctx.last_day, wd, None, _WD_SHIFT[rel])
    elif ctx.reference is None:
        return f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), typ
    else:
        day = resolve_weekday(ctx.reference, wd, ctx.tense(c), _WD_SHIFT.get(rel))
    return _day_text(day, pod), typ


def _calendar_value(unit: str, ref: dt.date, shift: int) -> str | None:
    if unit == "day":
        return (ref + dt.timedelta(days=shift)).isoformat()
    if unit in ("week", "weekend"):
        week = vl.iso_week(ref + dt.timedelta(weeks=shift))
        return week + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return vl.month_value(*vl.shift_month(ref.year, ref.month, shift))
    if unit == "quarter":
        y, q = vl.shift_quarter(*vl.quarter_of(ref), shift)
        return f"{y}-Q{q}"
    if unit == "year":
        return str(ref.year + shift)
    if unit == "decade":
        return str(ref.year // 10 + shift)
    if unit == "century":
        return f"{ref.year // 100 + shift:02d}"
    return None


_UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
               "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def _duration_value(n: float | None, unit: str) -> str:
    letters, is_time = lx.UNITS[unit]
    mult = 1
    m = re.match(r"(\d+)(\w+)", letters)
    if m:
        mult, letters = int(m[1]), m[2]
    if n is None:
        parts = [("X", letters, is_time)]
    else:
        parts = _split_amount(n * mult, letters, is_time)
    if letters == "WE":
        return f"P{parts[0][0]}WE"
    date = "".join(a + u for a, u, t in parts if not t)
    time = "".join(a + u for a, u, t in parts if t)
    return "P" + date + (f"T{time}" if time else "")


def _split_amount(total: float, letters: str, is_time: bool) -> list[tuple[str, str, bool]]:
    """``2.5`` years -> ``[("2", "Y"), ("6", "M")]``: a fraction goes to the next smaller unit."""
    if float(total).is_integer():
        return [(str(int(total)), letters, is_time)]
    whole = int(total)
    smaller = lx.FRACTION_UNITS.get((letters, is_time))
    rest = (total - whole) * smaller[1] if smaller else 0.0
    if smaller is None or not float(round(rest, 6)).is_integer():
        return [(f"{total:g}", letters, is_time)]
    parts = [(str(whole), letters, is_time)] if whole else []
    return parts + [(str(int(round(rest))), smaller[0], smaller[2])]


def _rel_unit(c: Candidate, ctx: Context):
    g = c.groups
    rel = _norm(g["rel"])
    unit = _unit(g["unit"])
    if rel in ("the past", "the last", "the next", "the coming", "past") and not g["mod"] and unit != "day":
        return _duration_value(1, unit), "DURATION"
    shift = lx.RELATIVE_SHIFT[rel]
    if rel in ("the previous", "the following", "the same", "the prior", "the preceding", "that"):
        base = ctx.last_day if unit in ("day", "week", "weekend") else None
        if unit == "month" and ctx.last_month is not None:
            return vl.month_value(*vl.shift_month(*ctx.last_month, shift)), "DATE"
        if unit == "year" and ctx.last_year is not None:
            return str(ctx.last_year + shift), "DATE"
        if unit == "quarter" and ctx.last_quarter is not None:
            y, q = vl.shift_quarter(*ctx.last_quarter, shift)
            return f"{y}-Q{q}", "DATE"
        if unit == "decade" and ctx.last_decade is not None:  # "the 1990s and the following decade"
            return str(ctx.last_decade + shift), "DATE"
        if unit == "century" and ctx.last_decade is not None:
            return f"{ctx.last_decade // 10 + shift:02d}", "DATE"
        base = base or ctx.reference
    else:
        base = ctx.reference
    if base is None:
        return _UNRESOLVED[unit], "DATE"
    value = _calendar_value(unit, base, shift)
    if unit == "quarter" and value:
        ctx.last_quarter = (int(value[:4]), int(value[-1]))
    return value, "DATE"


def _anaphoric_day(c: Candidate, ctx: Context):
    rel = _norm(c.groups["rel"])
    base = ctx.last_day or ctx.reference
    if base is None:
        return "XXXX-XX-XX", "DATE"
    if "morning" in rel:
        return _day_text(base + dt.timedelta(days=1), "MO"), "TIME"
    if any(w in rel for w in ("previous", "before", "preceding", "prior")):
        return (base - dt.timedelta(days=1)).isoformat(), "DATE"
    if any(w in rel for w in ("following", "next", "after")):
        return (base + dt.timedelta(days=1)).isoformat(), "DATE"
    return base.isoformat(), "DATE"


_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}


def _shifted(base: dt.date, unit: str, amount: float) -> str | None:
    n = int(amount) if float(amount).is_integer() else None
    if n is None:
        return None
    if unit in ("day", "night"):
        return (base + dt.timedelta(days=n)).isoformat()
    if unit in ("week", "fortnight"):
        return vl.iso_week(base + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return vl.iso_week(base + dt.timedelta(weeks=n)) + "-WE"
    if unit == "month":
        return vl.month_value(*vl.shift_month(base.year, base.month, n))
    if unit == "quarter":
        y, q = vl.shift_quarter(*vl.quarter_of(base), n)
        return f"{y}-Q{q}"
    if unit in ("year", "decade", "century") and not dt.MINYEAR <= base.year + n * _UNIT_YEARS[unit] <= dt.MAXYEAR:
        return None  # "20,000 years ago": no calendar year; the caller keeps the duration
    if unit == "year":
        return f"{base.year + n:04d}"
    if unit == "decade":
        return f"{base.year // 10 + n:03d}"
    if unit == "century":
        return f"{base.year // 100 + n:02d}"
    if unit in ("hour", "minute", "second"):
        moment = dt.datetime.combine(base, dt.time(12)) if not isinstance(base, dt.datetime) else base
        return None if not isinstance(base, dt.datetime) else (moment + dt.timedelta(
            **{unit + "s": n})).strftime("%Y-%m-%dT%H:%M")
    return None


QUARTER_WINDOW = 400


def _ago(c: Candidate, ctx: Context):
    g = c.groups
    unit = _unit(g["unit"])
    direction = lx.DIRECTION_WORDS[_norm(g["dir"])]
    amount = number_value(g["num"]) if g["num"] else None
    if amount is None:
        if unit == "year" and direction < 0 and ctx.reference is not None and g["num"]:
            return f"{ctx.reference.year // 10}X", "DATE"
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "DATE"
    word = _norm(g["dir"])
    deictic = word in ("ago", "from now", "hence", "back")
    if unit == "year" and amount == 1 and ctx.last_quarter is not None and ctx.near(c, r"\b(?:quarter|period)\b", QUARTER_WINDOW):
        y, q = vl.shift_quarter(*ctx.last_quarter, -4 * (1 if direction < 0 else -1))
        return f"{y}-Q{q}", "DATE"
    if deictic or unit not in ("day", "night", "week"):
        base = ctx.reference
    else:
        base = ctx.last_day or ctx.reference
    if unit in ("hour", "minute", "second"):
        return _duration_value(amount, unit), "DURATION"
    if base is None:
        return _UNRESOLVED.get(unit, "XXXX-XX-XX"), "DATE"
    value = _shifted(base, unit, amount * direction)
    return (value, "DATE") if value else (_duration_value(amount, unit), "DURATION")


def _duration(c: Candidate, ctx: Context):
    g = c.groups
    unit = _unit(g["unit"])
    if g["det"] and g["det"].lower() == "the" and unit == "weekend" and not g["num"] and not g["rel"]:
        if ctx.reference is None:
            return "XXXX-WXX-WE", "DATE"
        tense = ctx.tense(c)
        ref = ctx.reference
        shift = -1 if tense == "past" and ref.weekday() < 5 else (1 if tense == "future" and ref.weekday() >= 5 else 0)
        return vl.iso_week(ref + dt.timedelta(weeks=shift)) + "-WE", "DATE"
    vague = g["num"] and number_value(g["num"]) is None
    amount = None if vague else number_value(g["num"])
    if amount is not None and (g["half"] or g["half2"]):
        amount += 0.5
    if amount is not None and g["frac"]:
        amount += lx.FRACTIONS[g["frac"]]
    if not g["num"] and _norm(g["unit"]) in lx.UNIT_PLURALS:
        amount = None  # "years", "coming weeks", "recent months"
    return _duration_value(amount, unit), "DURATION"


def _set_every(c: Candidate, ctx: Context):
    g = c.groups
    pod = _pod_code(g["pod"] or g["pod2"])
    if g["wd"]:
        return f"XXXX-WXX-{lx.WEEKDAYS[g['wd']] + 1}" + (f"T{pod}" if pod else ""), "SET"
    if g["mon"]:
        return f"XXXX-{lx.MONTHS[g['mon'].rstrip('.')]:02d}", "SET"
    if g["season"]:
        return f"XXXX-{lx.SEASONS[g['season'].lower()]}", "SET"
    if pod and not g["unit"]:
        return f"XXXX-XX-XXT{pod}", "SET"
    amount = number_value(g["num"]) or 1
    if g["other"]:
        amount *= 2
    return _duration_value(amount, _unit(g["unit"])), "SET"


def _set_rate(c: Candidate, ctx: Context):
    return _duration_value(1, _unit(c.groups["unit"])), "SET"


def _set_word(c: Candidate, ctx: Context):
    return lx.SET_WORDS[c.groups["word"].lower()], "SET"


def _set_plural_wd(c: Candidate, ctx: Context):
    g = c.groups
    pod = _pod_code(g["pod"])
    wd = lx.WEEKDAYS[g["wd"][:-1]]
    return f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), "SET"


def _vague(c: Candidate, ctx: Context):
    word = _norm(c.groups["word"])
    if word in lx.FUTURE_ONLY_IN_NONPAST and ctx.tense(c) == "past":
        before = re.findall(r"[\w']+", ctx.text[max(0, c.start - 20):c.start].lower())
        if not before or before[-1] not in lx.LOOKAHEAD_WORDS:
            return None
    return lx.VAGUE_WORDS[word], "DATE"


def _pod_mod(c: Candidate, ctx: Context):
    return _day_text(ctx.reference, _pod_code(c.groups["pod"])), "TIME"


RELATIVE_RESOLVERS = {
    "pod_mod": _pod_mod,
    "clock": _clock,
    "deictic": _deictic,
    "this_pod": _this_pod,
    "weekday": _weekday,
    "rel_unit": _rel_unit,
    "anaphoric_day": _anaphoric_day,
    "ago": _ago,
    "duration": _duration,
    "set_every": _set_every,
    "set_rate": _set_rate,
    "set_word": _set_word,
    "set_plural_wd": _set_plural_wd,
    "vague": _vague,
}
assert not set(RELATIVE_RESOLVERS) & set(RESOLVERS)
