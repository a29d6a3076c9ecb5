"""Candidate time spans: a pattern grammar built from the word tables.

Every pattern is a named regular expression; :func:`find_candidates` runs them
all, drops the matches their kind's acceptance check refuses (the modal
"may", a number that is an amount, "fall" as a verb…; see :mod:`._accept`), and keeps the longest
non-overlapping matches in text order.  The character offsets of the result
are the regex offsets, so ``text[start:end]`` is always the span.
"""

from __future__ import annotations

import functools
import re

import attrs

from . import _lexicon as lx
from ._accept import ACCEPT, is_prenominal_adverb
from ._candidate import Candidate
from ._prefilter import ASCII_LOOKALIKES, folded, needed_words

__all__ = ["Candidate", "find_candidates"]


def _alt(words, *, ci: bool = False) -> str:
    """A regex alternation of ``words``, longest first, spaces as ``\\s+``."""
    parts = sorted(set(words), key=len, reverse=True)
    return _ci(parts, _words_body(parts)) if ci else f"(?:{_words_body(parts)})"


def _words_body(parts: list[str]) -> str:
    """The alternation of ``parts`` (longest first), escaped, spaces as ``\\s+``; its
    prefix-tree form is recorded in :data:`_TRIES`."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    tree = _trie(parts, ci=False)
    if tree is not None:
        _TRIES[f"(?:{body})"] = f"(?:{tree})"
    return body


def _ci(words, body: str) -> str:
    """``body`` (an alternation of ``words``) case-insensitive, behind a look-ahead for the
    words' first letters: the same matches, but the regex engine tries the alternatives one
    by one only where a word can start (it cannot skip case-insensitive ones by itself)."""
    firsts = {w[0] for w in words}
    if not words or any(c.isspace() or not c.isascii() for c in firsts):
        return f"(?i:{body})"
    flat = f"(?i:(?=[{''.join(re.escape(c) for c in sorted(firsts))}])(?:{body}))"
    tree = _trie(sorted(words, key=len, reverse=True), ci=True)
    if tree is not None and body == "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)):
        _TRIES[flat] = f"(?:{tree})"
    return flat


#: Each word alternation of the patterns (``(?:...)``, or the case-insensitive one of
#: :func:`_ci`), mapped to the same alternation as a prefix tree (:func:`_trie`);
#: :func:`_scanners` compiles the patterns with the trees.
_TRIES: dict[str, str] = {}


def _letter_class(letter: str) -> str:
    """A case-sensitive class of what ``(?i:letter)`` matches: both ASCII cases and the
    non-ASCII look-alikes (KELVIN SIGN for k, LONG S for s...)."""
    same = sorted({letter.lower(), letter.upper()} | {c for c in ASCII_LOOKALIKES if re.fullmatch(f"(?i:{letter})", c)})
    return f"[{''.join(same)}]"


def _trie(parts: list[str], *, ci: bool) -> str | None:
    """The alternation of ``parts`` (longest first) as a prefix tree: ``year|years|month``
    → ``year(?:s|)|month``; with ``ci``, case-insensitive, each ASCII letter a class of
    what it matches case-insensitively (``[Yy]ear...``).

    A regex engine tries the branches of ``w1|w2|...`` in order; longest first, the
    words that match at one position (each a prefix of the next) come longest first.
    The tree tries a longer continuation before ending a word, so the same words match
    in the same order: the same matches, also where the rest of a pattern backtracks;
    but at a word's start the engine reads one branch per letter, not one per word, and
    skips a branch whose first character (a literal or class) differs without entering it.
    That holds when at most one branch of a node can match a character, also
    case-insensitively; so a set with two branches differing only in case (without
    ``ci``), a non-ASCII word (whose case-insensitive matches are not just its two cases),
    a word with other white space or two spaces running, or an empty word keeps the flat
    alternation (``None``).
    """
    if not parts or any(not w or not w.isascii() or "  " in w or any(c.isspace() and c != " " for c in w)
                        for w in parts):
        return None
    root: dict[str, dict] = {}
    for word in parts:
        node = root
        for char in word:
            node = node.setdefault(char.lower() if ci else char, {})
        node[""] = {}  # a word ends here

    def unit(key: str) -> str:
        if key == " ":
            return r"\s+"
        return _letter_class(key) if ci and key.isalpha() else re.escape(key)

    def branches(node: dict[str, dict]) -> list[str] | None:
        keys = [k for k in node if k]
        if len({k.lower() for k in keys}) < len(keys):
            return None
        out = []
        for key in keys:
            rest = branches(node[key])
            if rest is None:
                return None
            if len(rest) == 1:
                out.append(unit(key) + rest[0])
            elif rest:
                out.append(f"{unit(key)}(?:{'|'.join(rest)})")
            else:
                out.append(unit(key))
        if "" in node and out:
            out.append("")  # the word ending here, after every longer one
        return out

    found = branches(root)
    return None if found is None else "|".join(found)


# --- building blocks ------------------------------------------------------
_FULL_MONTHS = [m for m in lx.MONTHS if m not in lx.MONTH_ABBREVIATIONS]
MON = (
    "(?:" + _alt(_FULL_MONTHS) + "|"
    + "(?:" + _alt(lx.MONTH_ABBREVIATIONS) + r")(?:\.|(?=\s+\d)))"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%])"
# after a month and a day any four-digit number is a year ("October 12, 1492"); elsewhere
# years before 1500 are left alone, as "1200 workers" is more often an amount
DATE_YEAR = r"(?:1\d\d\d|20\d\d)(?![\d%])"
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
UNIT = _ci(_ALL_UNITS, _words_body(sorted(_ALL_UNITS, key=len, reverse=True))) + r"\b"
UNIT_SG = _ci(list(lx.UNITS), _words_body(sorted(lx.UNITS, key=len, reverse=True))) + r"\b"
CAL_UNIT = _ci(list(lx.CALENDAR_UNITS), _words_body(sorted(lx.CALENDAR_UNITS, key=len, reverse=True))) + r"\b"
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
        rf"(?:,?\s+(?P<year>{DATE_YEAR}))?" + E),
    ("dmy", B + rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MON})"
        rf"(?:,?\s+(?P<year>{DATE_YEAR}))?" + E),
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


@functools.cache
def _scanners() -> list[tuple[str, re.Pattern[str], int, frozenset[str] | None]]:
    """(kind, compiled pattern, priority, needed words) per pattern, built on first use
    (compiling them is a tenth of a second that ``import eventx`` need not wait for).
    The needed words are those one of which each match contains (``None``: unknown); a
    text without any of them is not scanned for that pattern (:mod:`._prefilter`)."""
    return [(kind, re.compile(_with_tries(rx)), prio, needed_words(rx)) for prio, (kind, rx) in enumerate(_PATTERNS)]


def _with_tries(pattern: str) -> str:
    """``pattern`` with its word alternations as prefix trees (:func:`_trie`): the same
    matches, found faster. The needed words are read from the flat alternations."""
    for flat in sorted(_TRIES, key=len, reverse=True):
        pattern = pattern.replace(flat, _TRIES[flat])
    return pattern


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


def find_candidates(text: str, *, prefilter: bool = True) -> list[Candidate]:
    """All accepted, non-overlapping candidate spans of ``text`` in order.

    ``prefilter=False`` scans the text with every pattern, also those whose needed
    words it lacks (the same candidates, slower: for the tests).
    """
    found: list[Candidate] = []
    low = folded(text) if prefilter else None
    for kind, rx, prio, needed in _scanners():
        if low is not None and needed is not None and not any(word in low for word in needed):
            continue
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            start = m.start()
            if kind == "duration" and m.group("det") and m.group("num") and _HYPHEN_AFTER_NUM.match(text, m.end("num")):
                start = m.start("num")  # "a 10-year deal": the article is not part of the adjective
            cand = Candidate(kind, start, m.end(), m.groupdict(), prio)
            if kind == "anaphoric_day":
                cand = _day_before_clause(cand, text)
            check = ACCEPT.get(kind)
            if check is None or check(cand, text):
                found.append(cand)
    found = [c for c in found if not is_prenominal_adverb(c, text)]
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
