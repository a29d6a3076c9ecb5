"""The time patterns compiled with their word alternations as prefix trees find exactly the
matches of the flat alternations (eventx._time._detect._trie, _with_tries)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventx._time import _detect
from eventx._time._prefilter import ASCII_LOOKALIKES

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"

#: Texts where the words of several alternations are prefixes of one another, in odd cases,
#: with look-alike letters and odd white space.
TEXTS = [
    "Three years ago, years earlier; a year ago, the past few weeks, weekends and a weekend.",
    "A FORTNIGHT AGO, fortnights later, four decades-long talks, 10-year deal, a half hour back.",
    "On Mondays and Mon. 3 and MON. 4, Tues., Tue. 5; in Sept. 2014 and September 2015, Sep 9.",
    "the \u212aelvin-day, the \u017fummer, \u0130stanbul Monday, \u0131ndependence Day, Christmas Eve 2014",
    "a  couple  of\tyears\nago; twenty-one years; a number of months; several centuries; nineteen ninety-four",
    "It rose 5 %, fell in the third quarter of fiscal 2014, the year-earlier quarter; mid-morning, late evening.",
]


def _matches(compile_pattern, texts):
    out = []
    for kind, rx in _detect._PATTERNS:
        compiled = compile_pattern(rx)
        out.append([(kind, m.span(), m.groupdict()) for t in texts for m in compiled.finditer(t)])
    return out


def test_every_pattern_finds_the_flat_matches():
    texts = [*TEXTS, SEED.read_text(encoding="utf-8")]
    flat = _matches(re.compile, texts)
    assert _matches(lambda rx: re.compile(_detect._with_tries(rx)), texts) == flat
    assert sum(map(len, flat)) > 50


def test_the_scanners_use_the_trees():
    assert _detect._TRIES
    assert sum(_detect._with_tries(rx) != rx for _, rx in _detect._PATTERNS) >= 10


@pytest.mark.parametrize(("words", "ci", "tree"), [
    (["years", "year", "month"], False, "year(?:s|)|month"),
    (["centuries", "century"], False, "centur(?:ies|y)"),
    (["a couple", "a"], False, r"a(?:\s+couple|)"),
    (["Sk", "at"], True, "[Ss\u017f][Kk\u212a]|[Aa][Tt]"),
    (["May", "may"], False, None),  # two branches differ only in case: flat
    (["caf\u00e9", "cafe"], False, None),  # non-ASCII: flat
    (["two  words"], False, None),
    (["tab\there"], False, None),
])
def test_tree(words, ci, tree):
    assert _detect._trie(words, ci=ci) == tree


@pytest.mark.parametrize("words", [
    ["years", "year", "yr", "month", "months", "mon", "a", "an", "and a half", "a half"],
    ["Sept", "Sep", "September", "Se", "Sx", "Sept."],
])
@pytest.mark.parametrize("ci", [False, True])
def test_tree_matches_like_the_flat_alternation_under_backtracking(words, ci):
    """Followed by a part that makes the engine backtrack into the alternation, the tree
    gives every match the flat alternation gives, at every position."""
    parts = sorted(set(words), key=len, reverse=True)
    tree = _detect._trie(parts, ci=ci)
    assert tree is not None
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    flat = f"(?i:{flat})" if ci else f"(?:{flat})"
    text = " ".join([*words, *(w.upper() for w in words), "years ago", "a half hour", "Septembers", "\u017fept",
                     "months\u212a", "and a  half"])
    for tail in ("", r"\w", r"\s+\w", r"(?![\w])", r"s?\b"):
        a = [m.span() for m in re.finditer(f"(?:{flat}){tail}", text)]
        b = [m.span() for m in re.finditer(f"(?:{tree}){tail}", text)]
        assert a == b, tail


def test_letter_classes_match_what_the_letter_matches_case_insensitively():
    every = "".join(map(chr, range(0x2200))) + "".join(ASCII_LOOKALIKES)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        want = {m.group() for m in re.finditer(f"(?i:{letter})", every)}
        got = {m.group() for m in re.finditer(_detect._letter_class(letter), every)}
        assert got == want, letter
