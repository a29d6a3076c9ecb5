"""The time layer's candidate scan skips patterns a text cannot match, with the same candidates
(eventx._time._prefilter, the look-ahead guards of eventx._time._detect)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from eventx._time import _detect
from eventx._time._detect import find_candidates
from eventx._time._prefilter import ASCII_LOOKALIKES, folded, needed_words

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"

#: Every code point past ASCII (lone surrogates included: a str may hold them).
_NON_ASCII = "".join(map(chr, range(128, 0x110000)))


@pytest.fixture(scope="module")
def ci_matches() -> dict[str, tuple[set[str], set[str]]]:
    """Per printable ASCII character: the non-ASCII characters ``(?i:c)`` matches, and those ``(?i:[c])`` matches."""
    out = {}
    for c in string.printable.strip() + " ":
        literal = {m.group() for m in re.finditer(f"(?i:{re.escape(c)})", _NON_ASCII)}
        in_class = {m.group() for m in re.finditer(f"(?i:[{re.escape(c)}])", _NON_ASCII)}
        out[c] = (literal, in_class)
    return out


def test_lookalikes_are_all_non_ascii_characters_matching_ascii_ones(ci_matches):
    """folded() scans everything when a text holds one; the list must be complete for this Python."""
    found = set().union(*(literal for literal, _ in ci_matches.values()))
    assert found == set(ASCII_LOOKALIKES)


def test_case_insensitive_class_matches_what_the_literal_matches(ci_matches):
    """The first-letter look-ahead (a class) lets through every character the words' letters match."""
    for c, (literal, in_class) in ci_matches.items():
        assert literal == in_class, c


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"(?i:century)", {"century"}),
    (r"(?<![\w'-])(?i:century)(?![\w])", {"century"}),
    (r"ab\bcd", {"abcd"}),  # an assertion consumes nothing: the letters stay one run
    (r"x(?:jan|feb)\d", {"jan", "feb"}),
    (r"(?:foo)?bar", {"bar"}),
    (r"(?:abc)*def", {"def"}),
    (r"(?:abcd)+\d", {"abcd"}),
    (r"(?P<a>quarter)\s+(?:of\s+)?(?P<y>\d{4})", {"quarter"}),
    (r"Mon\.|Monday", {"mon"}),  # re's parser takes the common prefix out of the branches
    (r"(?:summer|fall)\s+(?:spring|\d+)", {"summer", "fall"}),
    (r"\d+", None),
    (r"ab|cd", None),  # too short to be worth a look-up
    (r"(?:abc)?", None),
    (r"abc|\d", None),  # one branch needs no word
    (r"[Cc]entury", {"entury"}),
])
def test_needed_words(pattern, needed):
    assert needed_words(pattern) == (None if needed is None else frozenset(needed))


def test_folded_text():
    assert folded("Last SUMMER") == "last summer"
    assert folded("the \u017fummer") is None  # LONG S matches "s" case-insensitively: scan in full


#: Texts with and without the needed words, odd characters among them.
TEXTS = [
    "Protesters clashed with police in Paris on Monday.",
    "The company's second-quarter profit fell 12 percent from a year earlier, its first decline in a decade.",
    "In the 1990s, and again three years ago, the summit was held each spring; it met twice a year since 2014-15.",
    "Talks resume next week; the ceasefire expires at 3 p.m. Friday, Jan. 17, 2025.",
    "The \u017fummer of 2014 was hot.",  # long s: the full scan finds the season
    "It lasted 5 \u212aelvin-days, or a fortnight.",
    "Production will resume in the fall, the CEO said on Thanksgiving.",
    "Nothing here is a time at all.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_candidates_as_the_full_scan(text):
    assert find_candidates(text) == find_candidates(text, prefilter=False)


def test_same_candidates_on_the_seed_article():
    text = SEED.read_text(encoding="utf-8")
    assert find_candidates(text) == find_candidates(text, prefilter=False)


def test_every_match_holds_a_needed_word():
    """Over the seed article and the texts above, every raw match of a pattern with needed
    words contains one of them (what makes skipping a pattern safe)."""
    texts = [*TEXTS, SEED.read_text(encoding="utf-8")]
    checked = 0
    for kind, rx, _, needed in _detect._scanners():
        if needed is None:
            continue
        for text in texts:
            for m in rx.finditer(text):
                if m.end() > m.start() and folded(m.group()) is not None:
                    assert any(w in folded(m.group()) for w in needed), (kind, m.group())
                    checked += 1
    assert checked > 20


@pytest.mark.data
def test_same_candidates_on_meantime(data_dir):
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = read_meantime_corpora(corpora=("airbus", "apple", "gm"))
    assert docs
    for doc in docs:
        assert find_candidates(doc.text) == find_candidates(doc.text, prefilter=False), doc.name
