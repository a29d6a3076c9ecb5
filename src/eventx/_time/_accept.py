"""Acceptance checks: which matches of the time grammar are times after all.

Each check takes a :class:`~._candidate.Candidate` and the text and says
whether the match is a time: the modal "may", a number that is an amount, an
age ("a 6-year-old boy"), "fall" as a verb or a noun are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import _lexicon as lx
from ._candidate import Candidate

__all__ = ["ACCEPT", "is_prenominal_adverb", "year_range_last"]

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
    return last if first < last <= first + 100 else None  # "1999-3000" is no span of years


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
    if not g["num"] and (g["adj"] or "").lower() == "-long" and unit not in ("second", "seconds"):
        return True  # "a day-long meeting", "a decades-long battle"
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


def is_prenominal_adverb(c: Candidate, text: str) -> bool:
    """ "its quarterly dividend", "future earnings": not times."""
    word = (c.groups.get("word") or "").lower() if c.kind in ("set_word", "vague") else ""
    if word not in ("quarterly", "future"):
        return False
    m = re.match(r" ([a-z][a-z-]*)\b", text[c.end:c.end + 30])
    return bool(m) and m.group(1) not in _FUNCTION_WORDS


ACCEPT: dict[str, Callable[[Candidate, str], bool]] = {
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
