"""Candidate time spans: a pattern grammar built from the word tables.

Every pattern is a named regular expression; :func:`find_candidates` runs them
all, drops the matches their kind's acceptance check refuses (the modal
"may", a number that is an amount, "fall" as a verb…), and keeps the longest
non-overlapping matches in text order.  The character offsets of the result
are the regex offsets, so ``text[start:end]`` is always the span.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from . import _lexicon as lx

__all__ = ["Candidate", "find_candidates", "year_range_last"]


@attrs.frozen
class Candidate:
    """One matched span: its kind (the pattern name) and the match groups."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    priority: int
    anchor: Candidate | None = None


def _alt(words, *, ci: bool = False) -> str:
    """A regex alternation of ``words``, longest first, spaces as ``\\s+``."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    return f"(?i:{body})" if ci else f"(?:{body})"


# --- building blocks ------------------------------------------------------
_FULL_MONTHS = [m for m in lx.MONTHS if m not in lx.MONTH_ABBREVIATIONS]
MON = (
    "(?:" + _alt(_FULL_MONTHS) + "|"
    + "(?:" + _alt(lx.MONTH_ABBREVIATIONS) + r")(?:\.|(?=\s+\d)))"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
SHORT_YEAR = r"'\d\d(?![\d%])"
# "nineteen ninety-four", "twenty oh-one": years read out in broadcast transcripts
_SPOKEN_LO = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
              r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred"
              r"|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine)")
SPOKEN_YEAR = rf"(?i:(?:nineteen|eighteen|twenty)\s+(?:{_SPOKEN_LO}))(?![\w-])"
WD = "(?:" + _alt(w for w in lx.WEEKDAYS if not w.endswith(".")) + "|" + _alt(
    w for w in lx.WEEKDAYS if w.endswith(".")) + ")"
WD_PLURAL = _alt(w + "s" for w in lx.WEEKDAYS if not w.endswith("."))
_NUMW = [w for w in lx.NUMBER_WORDS if w not in ("a", "an")]
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS9 = "(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = (  # "2,000" whole: else "000 years" would match after the comma
    r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?|(?i:" + _TENS + r"[\s-]" + _UNITS9 + ")|" + _alt(_NUMW, ci=True) + ")"
)
VAGUE_NUM = _alt(lx.VAGUE_QUANTITIES, ci=True)
FRAC = _alt(lx.FRACTIONS)
_ALL_UNITS = list(lx.UNITS) + list(lx.UNIT_PLURALS)
UNIT = r"(?i:" + "|".join(sorted(_ALL_UNITS, key=len, reverse=True)) + r")\b"
UNIT_SG = r"(?i:" + "|".join(sorted(lx.UNITS, key=len, reverse=True)) + r")\b"
CAL_UNIT = r"(?i:" + "|".join(sorted(lx.CALENDAR_UNITS, key=len, reverse=True)) + r")\b"
POD = _alt([p for p in lx.PARTS_OF_DAY if p != "overnight"], ci=True)
SEASON = _alt(lx.SEASONS, ci=True)
SEASON_PLURAL = _alt(lx.SEASON_PLURALS, ci=True)
ORD = _alt(lx.ORDINALS, ci=True)
REL = _alt(lx.RELATIVE_SHIFT, ci=True)
MOD = _alt(lx.MODIFIERS, ci=True)
REL_NOTHE = _alt([w for w in lx.RELATIVE_SHIFT if w != "the"], ci=True)
B = r"(?<![\w'-])"  # left word boundary that also refuses "mid-" splits
E = r"(?![\w])"

_PATTERNS: list[tuple[str, str]] = [
    # "2014-15", "1957-58", "2010/11", "1999-2000", "FY2023/24": a span of years written as one token;
    # listed before "iso" so it wins the tie with the month reading of "2010-11" (see _accept_year_range)
    ("year_range", B + rf"(?:(?P<fiscal>FY\s?|(?i:fiscal)(?:\s+(?i:year))?\s+))?(?P<y1>{YEAR})[-/\u2013]"
        r"(?P<y2>\d{4}|\d{2})(?![-/\u2013]\d|%)" + E),
    ("iso", B + r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2}))?)?" + E),
    ("numeric", B + r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})" + E),
    ("mdy", B + rf"(?:(?P<wd>{WD}),?\s+)?(?:(?P<mod>{MOD})\s+)?(?P<mon>{MON})\s+(?P<day>{DAY})"
        rf"(?:,?\s+(?P<year>{YEAR}))?" + E),
    ("dmy", B + rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MON})"
        rf"(?:,?\s+(?P<year>{YEAR}))?" + E),
    ("month", B + rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<rel>{REL_NOTHE})\s+)?(?P<mon>{MON})"
        rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>{SHORT_YEAR})|(?P<spoken>{SPOKEN_YEAR}))"
        rf"|\s+(?P<relyear>(?i:this|last|next))\s+year)?" + E),
    ("year", B + rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<fiscal>(?i:fiscal)(?:\s+year)?\s+|FY\s?))?"
        rf"(?:(?P<year>{YEAR})|(?<=fiscal )(?P<syear>{SHORT_YEAR})|(?:(?<=FY)|(?<=FY ))(?P<fyear>\d\d))" + E),
    ("spoken_year", B + rf"(?:(?i:the\s+year)\s+)?(?P<spoken>{SPOKEN_YEAR})" + E),
    ("year_2000", B + r"(?i:the\s+year\s+)(?P<word>(?i:two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?))" + E),
    ("pod_mod", B + rf"(?P<mod>(?i:mid|late|early))[\s-](?P<pod>(?i:morning|afternoon|evening))" + E),
    ("decade", B + rf"(?:(?i:the)\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<dec>(?:1[5-9]|20)\d)0'?s|'(?P<dec2>\d)0'?s)" + E),
    ("decade_word", B + rf"(?:(?i:the)\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))" + E),
    ("century", B + rf"(?:(?i:the)\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?P<ord>{ORD})\s+(?i:century)" + E),
    ("season", B + rf"(?:(?P<rel>{REL})\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<syear>{SHORT_YEAR})|(?P<spoken>{SPOKEN_YEAR})))?" + E),
    # "the past three summers" (a set, as TimeML tags it), "two winters ago"
    ("seasons", B + rf"(?:(?P<rel>(?i:the\s+)?(?i:past|last|next|coming|previous))\s+)?(?P<num>{NUM})\s+"
        rf"(?P<season>{SEASON_PLURAL})(?:\s+(?P<dir>(?i:ago)))?" + E),
    ("quarter", B + rf"(?:(?i:the)\s+)?(?:(?P<ya>(?i:year-earlier|year-ago|comparable\s+year-ago|comparable\s+year-earlier))\s+)?(?:(?P<rel>{REL_NOTHE})\s+)?(?:(?P<qyear>{YEAR})\s+)?(?P<ord>{ORD})"
        rf"[\s-]+(?:(?i:fiscal|calendar)[\s-]+)?(?P<unit>(?i:quarter|half))"
        rf"(?:\s+(?:of\s+)?(?:(?:(?i:fiscal)\s+)?(?P<year>{YEAR})|(?P<relyear>(?i:this|last|next))\s+year))?" + E),
    ("anaphoric_quarter", B + r"(?i:the\s+)(?P<which>(?i:latest|current|most\s+recent|year-earlier|year-ago|"
        r"same|comparable|previous|prior|recent|just-ended|just\s+ended|preceding|first|latest\s+fiscal|"
        r"year\s+earlier|second|third|fourth))?\s*(?P<unit>(?i:quarter|period))" + E),
    ("year_period", B + rf"(?i:the)\s+(?P<year>{YEAR})\s+(?P<unit>(?i:quarter|period))" + E),
    ("the_year", B + rf"(?i:the)\s+(?:(?P<which>(?i:full|fiscal|full\s+fiscal|latest\s+fiscal|current\s+fiscal|previous\s+fiscal|prior\s+fiscal))\s+)?(?P<unit>(?i:year))(?!-)" + E),
    ("year_end", B + rf"(?:(?P<around>(?i:around|about))\s+)?(?P<word>(?i:year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year|"
        rf"the\s+end\s+of\s+(?:the|this)\s+month|month[\s-]end|the\s+end\s+of\s+the\s+month))" + E),
    ("in_the_unit", B + rf"(?P<mod>(?i:earlier|later|early|late))\s+(?i:in|this)\s+(?:the\s+)?(?P<unit>(?i:year|month|week|day))" + E),
    ("year_earlier", B + r"(?P<word>(?i:year-earlier|year-ago|a\s+year-earlier|a\s+year-ago))" + E),
    ("clock", B + rf"(?:(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
        rf"|(?P<h2>\d{{1,2}}):(?P<m2>\d{{2}})(?!\d)|(?P<word>(?i:noon|midnight|midday)))"
        rf"(?:\s+(?P<tz>[A-Z]{{2}}T|GMT|UTC|[A-Z]ST|[A-Z]DT))?" + E),
    ("deictic", B + rf"(?:(?P<mod>{MOD})\s+)?(?P<word>(?i:today|tonight|tomorrow|yesterday|overnight))"
        rf"(?:\s+(?P<pod>{POD}))?" + E),
    ("this_pod", B + rf"(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<rel>(?i:this|last|the))\s+(?P<pod>{POD})" + E),
    ("weekday", B + rf"(?:(?P<mod>{MOD})\s+)?(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|coming|"
        rf"past|the\s+following|the\s+previous|the\s+next|the\s+preceding))\s+)?(?P<wd>{WD})"
        rf"(?:,?\s+(?P<pod>{POD}))?" + E),
    ("rel_unit", B + rf"(?:(?P<mod>{MOD})\s+(?:(?i:in|of)\s+)?)?(?P<rel>{REL_NOTHE})\s+(?P<unit>{CAL_UNIT})" + E),
    ("anaphoric_day", B + r"(?P<rel>(?i:the\s+(?:previous|following|next|same|preceding|prior)\s+day|"
        r"the\s+day\s+before|the\s+day\s+after|that\s+day|the\s+next\s+morning|the\s+following\s+morning))" + E),
    ("vague", B + rf"(?P<word>{_alt(lx.VAGUE_WORDS, ci=True)})" + E),
    ("ago", B + rf"(?:(?P<num>{NUM}|{VAGUE_NUM}|(?i:a|an))[\s-]+)?(?P<unit>{UNIT})\s+(?P<dir>(?i:ago|earlier|from\s+now|hence|back))" + E),
    ("set_rate", B + rf"(?P<q>(?i:a|an|per))\s+(?P<unit>{UNIT_SG})" + E),
    ("set_word", B + rf"(?P<word>{_alt(lx.SET_WORDS, ci=True)})" + E),
    ("duration", B + rf"(?:(?P<det>(?i:the|a|an))\s+)?(?:(?P<rel>(?i:past|last|next|coming|first|previous|"
        rf"final|following|preceding|remaining|latest|prior|same|recent))\s+)?(?:(?P<num>{NUM}|{VAGUE_NUM})(?:\s*(?P<frac>{FRAC}))?[\s-]+"
        rf"(?:(?P<more>{_alt(lx.COUNT_EXTENSIONS, ci=True)})\s+)?)?"
        rf"(?P<half>(?i:and\s+a\s+half)\s+)?(?P<unit>{UNIT})(?P<half2>\s+(?i:and\s+a\s+half)\b)?"
        rf"(?P<adj>-(?i:long|old))?" + E),
    ("set_every", B + rf"(?P<q>(?i:every|each|per))\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<num>{NUM})\s+)?"
        rf"(?:(?P<unit>{UNIT})|(?P<wd>{WD})|(?P<pod>{POD})|(?P<mon>{MON})|(?P<season>{SEASON}))"
        rf"(?:\s+(?P<pod2>{POD}))?" + E),
    ("set_plural_wd", rf"(?<=\b[Oo]n )(?P<wd>{WD_PLURAL})(?:\s+(?P<pod>{POD}))?" + E),
    ("holiday", B + rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>{_alt(list(lx.HOLIDAYS_FIXED) + list(lx.HOLIDAYS_MOVABLE))})"
        rf"(?:\s+(?P<year>{YEAR}))?" + E),
]
_COMPILED = [(kind, re.compile(rx), prio) for prio, (kind, rx) in enumerate(_PATTERNS)]

# --- acceptance checks ----------------------------------------------------
_PREP_BEFORE_MONTH = re.compile(
    r"(?i:\b(?:in|since|by|until|till|through|from|to|during|before|after|of|last|next|this|"
    r"early|late|mid|between|and|or|for|on)\s*-?)$"
)
_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'-]*)[\s-]*$")


def _next_word(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos)
    return m.group(1) if m else ""


def _prev_word(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


def _accept_month(c: Candidate, text: str) -> bool:
    g = c.groups
    if g["year"] or g["syear"] or g["rel"] or g["mod"] or g["relyear"]:
        return True
    mon = g["mon"] or ""
    before = text[max(0, c.start - 20):c.start]
    if _prev_word(text, c.start).lower() in ("the", "a", "an", "annual", "this") and re.match(r"\s+(?:of|for|on|to)\b", text[c.end:]):
        return False  # "the annual March for Life"
    if mon == "May" or mon.startswith(("Mar", "Jan")) and len(mon) <= 4:
        return bool(_PREP_BEFORE_MONTH.search(before.rstrip() + ("" if before.endswith("-") else "")))
    # a month name directly before a capitalised word is usually a name ("March Madness")
    nxt = _next_word(text, c.end)
    if nxt[:1].isupper() and text[c.end:c.end + 1] == " " and not _PREP_BEFORE_MONTH.search(before.rstrip()):
        return False
    return True


# "1992 levels" stays a year (see _accept_year); "1500-2000 people" is an amount
_NON_YEAR_AFTER = re.compile(r"\s*(?:(?:[-\u2013/]\d{2,4})?[-\u2013]?\s*(?:[a-z]+s\b|percent|people|\$)|,\d|\.\d)")


def _accept_year(c: Candidate, text: str) -> bool:
    if c.groups["fiscal"] or c.groups["mod"]:
        return True
    before = text[max(0, c.start - 3):c.start]
    if re.search(r"[$£€#]\s*$|\d[.,]?$|No\.\s*$", before):
        return False
    after = text[c.end:c.end + 20]
    if _NON_YEAR_AFTER.match(after):
        nxt = _next_word(text, c.end).lower()
        if nxt not in ("as", "was", "is", "has", "results", "levels", "figures", "and", "earnings"):
            return False
    prev = _prev_word(text, c.start).lower()
    return prev not in lx.NOT_YEAR_PREVIOUS


def year_range_last(c: Candidate) -> int | None:
    """The last year of a "year_range" candidate, or ``None`` when the second
    number is no later year ("2014-12" is an ISO month, "2014-13" nothing)."""
    first, second = int(c.groups["y1"]), c.groups["y2"]
    if len(second) == 4:
        last = int(second)
    elif first % 100 == 99 and second == "00":
        last = first + 1  # "1999-00"
    else:
        last = first - first % 100 + int(second)
    return last if first < last <= 9999 else None


def _accept_year_range(c: Candidate, text: str) -> bool:
    if year_range_last(c) is None:
        return False
    if c.groups["fiscal"]:
        return True
    before = text[max(0, c.start - 3):c.start]
    if re.search(r"[$£€#]\s*$|\d[.,]?$|No\.\s*$", before) or re.match(r"\s*(?:people|percent|\$)", text[c.end:]):
        return False  # "$1999-2000", "1500-2000 people": amounts
    return _prev_word(text, c.start).lower() not in lx.NOT_YEAR_PREVIOUS


def _accept_season(c: Candidate, text: str) -> bool:
    g = c.groups
    word = (g["season"] or "").lower()
    if g["year"] or g["syear"] or g["spoken"]:
        return True
    if word in ("fall", "spring") and re.match(r"\s+(?:of|in|from)\s+(?!(?:the\s+)?(?:year|\d))", text[c.end:]):
        return False  # "the fall of Saigon", "the fall in prices": the noun, not the season
    if g["rel"] or g["mod"]:
        return True
    if word in ("fall", "spring"):
        prev = _prev_word(text, c.start).lower()
        return prev in ("in", "during", "since", "by", "until", "through", "this", "last", "next", "the",
                        "early", "late", "that", "of", "over")
    return True


def _accept_vague(c: Candidate, text: str) -> bool:
    word = (c.groups["word"] or "").lower()
    nxt = _next_word(text, c.end).lower()
    if nxt == "of" and word in ("the future", "future", "the past", "the present", "current"):
        return False
    if word == "soon" and re.search(r"\bas\s+$", text[max(0, c.start - 4):c.start]):
        return False  # "as soon as the threats end"
    if nxt in lx.VAGUE_REFUSED_BEFORE.get(word, ()):
        return False
    if word in lx.VAGUE_NEEDS_FOLLOWER:
        return nxt not in lx.VAGUE_BAD_FOLLOWERS and bool(nxt) and text[c.end:c.end + 1] == " "
    if word == "now":
        return text[c.end:c.end + 1] != "-"
    if word == "one day":
        return _prev_word(text, c.start).lower() in ("will", "would", "could", "might", "may", "should")
    return True


def _accept_duration(c: Candidate, text: str) -> bool:
    g = c.groups
    unit = (g["unit"] or "").lower()
    if g["num"] and re.fullmatch(r"\d{4}", g["num"]):
        return False  # "the 1988 quarter" is a year, not 1988 quarters
    if g["num"] or g["rel"]:
        num = (g["num"] or "").lower()
        if g["adj"] and g["adj"].lower() == "-old" or re.match(r"[\s-]+old\b", text[c.end:c.end + 6]):
            return False  # ages ("a 6-year-old boy", "37 years old") are not times
        if unit in ("quarter", "quarters") and re.match(r"\s+of\b", text[c.end:]):
            return False  # "three-quarters of its food"
        if unit in ("second", "seconds") and not re.match(r"[\d\s]|a\b|one|two|three|several|few", num or "x"):
            return False
        if unit == "second" and not num:
            return False  # "the last second" / ordinal "second"
        if unit == "quarter" and not num:
            return False  # handled by the quarter grammar
        if unit in ("night", "nights") and not num:
            return False
        if num and re.fullmatch(r"\d+\.\d+", num) and not g["adj"]:
            return True
        return True
    if g["det"] and g["det"].lower() == "the" and unit == "weekend":
        return True
    if g["det"] and g["det"].lower() in ("a", "an"):
        if unit in ("second", "quarter", "night", "weekend", "century", "semester"):
            return False
        # "a year" after a rate word is a set, handled elsewhere; "a decade", "a week" are durations
        return not _rate_context(c, text)
    if unit in lx.UNIT_PLURALS and unit not in ("seconds", "nights", "quarters", "weekends") and not g["det"]:
        prev = _prev_word(text, c.start).lower()
        return prev in ("for", "in", "over", "within", "after", "took", "take", "takes", "lasted", "last",
                        "spent", "spend")
    return False


def _accept_ago(c: Candidate, text: str) -> bool:
    g = c.groups
    word = (g["dir"] or "").lower()
    if not g["num"] and word != "ago":
        return False
    if word in ("before", "after", "later", "earlier", "back"):
        # "two years after the war": the span is only the duration
        return not re.match(r"\s+(?:the|a|an|his|her|their|its|he|she|they|it|we|I|[a-z]+ed)\b", text[c.end:])
    return True


_RATE_STRONG = re.compile(r"(?:once|twice|times|\d%|percent)\s+$")
# "four flights a week", "$33 million a year": a count or amount per unit
_RATE_WEAK = re.compile(r"(?:\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|"
                        r"million|billion)\s+(?:[a-z]+\s+)?[a-z]+s|\d|million|billion|thousand)\s+$")


def _accept_set_rate(c: Candidate, text: str) -> bool:
    return bool(_RATE_STRONG.search(text[max(0, c.start - 40):c.start].lower()))


def _rate_context(c: Candidate, text: str) -> bool:
    before = text[max(0, c.start - 40):c.start].lower()
    return bool(_RATE_STRONG.search(before) or _RATE_WEAK.search(before))


def _accept_holiday(c: Candidate, text: str) -> bool:
    nxt = _next_word(text, c.end)
    return not (text[c.end:c.end + 1] == " " and nxt.lower() in lx.HOLIDAY_MODIFIER_NOUNS)


def _accept_clock(c: Candidate, text: str) -> bool:
    g = c.groups
    if g["h2"] is not None:
        h, m = int(g["h2"]), int(g["m2"])
        before = text[max(0, c.start - 2):c.start]
        return h <= 24 and m < 60 and not re.search(r"\d[.,:]?$", before)
    if g["h"] is not None:
        return 1 <= int(g["h"]) <= 12
    return True


def _accept_weekday(c: Candidate, text: str) -> bool:
    nxt = _next_word(text, c.end)
    # "Friday's" is fine; a weekday before another capitalised name ("Good Friday Agreement")
    return not (text[c.end:c.end + 1] == " " and nxt in ("Agreement", "Prayers", "Times", "Night"))


def _accept_mdy(c: Candidate, text: str) -> bool:
    return not (c.groups["mon"] == "May" and not c.groups["year"] and _next_word(text, c.end).lower() in ("percent",))


_FUNCTION_WORDS = frozenset(
    "and or but to in on at for from by with of as than since until after before over during "
    "because while when if so that which who is are was were be been has have had will would "
    "could should may might can do does did not also then".split()
)


def _is_prenominal_adverb(c: Candidate, text: str) -> bool:
    """ "its quarterly dividend", "future earnings": not times."""
    word = (c.groups.get("word") or "").lower() if c.kind in ("set_word", "vague") else ""
    if word not in ("quarterly", "future"):
        return False
    m = re.match(r" ([a-z][a-z-]*)\b", text[c.end:c.end + 30])
    return bool(m) and m.group(1) not in _FUNCTION_WORDS


_ACCEPT: dict[str, Callable[[Candidate, str], bool]] = {
    "month": _accept_month,
    "year": _accept_year,
    "year_range": _accept_year_range,
    "season": _accept_season,
    "seasons": lambda c, text: bool(c.groups["rel"] or c.groups["dir"]),  # "three summers" alone is no time
    "vague": _accept_vague,
    "duration": _accept_duration,
    "set_rate": _accept_set_rate,
    "ago": _accept_ago,
    "holiday": _accept_holiday,
    "clock": _accept_clock,
    "weekday": _accept_weekday,
    "mdy": _accept_mdy,
}


_DAY_CONNECTIVE = re.compile(r"(?P<day>(?i:the\s+day))\s+(?i:before|after)$")
_CLAUSE_AFTER = re.compile(r"\s+(?!(?i:yesterday|tomorrow)\b)[A-Za-z]")


def _day_before_clause(c: Candidate, text: str) -> Candidate:
    """ "Oct. 12, the day before the plunge": in apposition to a date, only "the
    day" is the time (that same date); "the day after his death" stays whole."""
    m = _DAY_CONNECTIVE.match(c.groups["rel"] or "")
    if not m or not _CLAUSE_AFTER.match(text, c.end) or not re.search(r"\w\.?,\s*$", text[max(0, c.start - 4):c.start]):
        return c
    return attrs.evolve(c, end=c.start + m.end("day"), groups={**c.groups, "rel": m["day"]})


_HYPHEN_AFTER_NUM = re.compile(rf"(?:\s*{FRAC})?-")


def find_candidates(text: str) -> list[Candidate]:
    """All accepted, non-overlapping candidate spans of ``text`` in order."""
    found: list[Candidate] = []
    for kind, rx, prio in _COMPILED:
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            start = m.start()
            if kind == "duration" and m.group("det") and m.group("num") and _HYPHEN_AFTER_NUM.match(text, m.end("num")):
                start = m.start("num")  # "a 10-year deal": the article is not part of the adjective
            cand = Candidate(kind, start, m.end(), m.groupdict(), prio)
            if kind == "anaphoric_day":
                cand = _day_before_clause(cand, text)
            check = _ACCEPT.get(kind)
            if check is None or check(cand, text):
                found.append(cand)
    found = [c for c in found if not _is_prenominal_adverb(c, text)]
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return _merge_clock_with_day(taken, text)


_DAY_KINDS = frozenset({"weekday", "mdy", "dmy", "deictic", "anaphoric_day", "iso", "numeric", "holiday"})
_CLOCK_THEN_DAY = re.compile(r",?\s+(?:(?i:on|of)\s+)?$")
_DAY_THEN_CLOCK = re.compile(r",?\s+(?:(?i:at|around|about)\s+)?$")


def _merge_clock_with_day(cands: list[Candidate], text: str) -> list[Candidate]:
    """Join "3 p.m. Friday" / "Friday at 3 p.m." into one clock candidate anchored on the day."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cur = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None:
            gap = text[cur.end:nxt.start]
            if cur.kind == "clock" and nxt.kind in _DAY_KINDS and _CLOCK_THEN_DAY.fullmatch(gap):
                out.append(attrs.evolve(cur, end=nxt.end, anchor=nxt))
                i += 2
                continue
            if (cur.kind in _DAY_KINDS and nxt.kind == "clock" and _DAY_THEN_CLOCK.fullmatch(gap)
                    and not (cur.groups.get("pod"))):
                out.append(attrs.evolve(nxt, start=cur.start, anchor=cur))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out
