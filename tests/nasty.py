"""Nasty pieces of text and seeded generators of news-like inputs, shared by the
property suite (``tests/test_properties.py``) and the soak command (``benchmarks/soak.py``).

The pieces are what real scraped news carries besides prose: impossible dates, invisible
and bidirectional marks, HTML remnants, emoji sequences, very long tokens, tables,
control characters, other scripts. Each generator takes a :class:`random.Random`, so a
seed reproduces a run.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

__all__ = ["LONG_SHARE", "NASTY_PIECES", "SEED_SENTENCES", "nasty_piece", "nasty_text", "news_text", "random_example",
           "random_unicode"]

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

#: Impossible or odd dates and times.
_DATES = [
    "2025-13-45", "Feb 30", "February 30, 2025", "10:61", "25:00", "week 53", "the 2014-15 season",
    "1999-2000", "the 1990s", "2025-02-29", "0000-00-00", "31/02/2025", "Q5 2025", "FY2025-26",
    "on 32 January", "at 24:60 GMT", "in the year 99999", "since -5 BC", "on Monday the 35th",
    "between 2020-01-01 and 2019-12-31", "9999-99-99T99:99:99Z", "last 0 days", "in 1e9 years",
    "the 2014-2015 and 2015-16 seasons", "May 2025-April 2026", "12/31/-1",
]

#: Invisible, bidirectional and otherwise odd code points, alone and inside words.
_MARKS = [
    "\u200b", "\u200e", "\u202e", "\ufeff", "Ru\u200bbio met La\u200evrov", "\u202eParis\u202c",
    "\ufeffPolice arrested two men.", "\u00ad", "soft\u00adhyphen", "\u2028", "\u2029", "\u0301", "e\u0301",
    "\U000e0001", "\ufffd", "\ufff9", "\u061c",
]

#: HTML and markup remnants.
_HTML = [
    "<p>", "</p>", "&amp;", "&nbsp;", "&#8217;", "&lt;b&gt;", "<script>alert('x')</script>",
    "<div class=\"ad\">Advertisement</div>", "<br/>", "<!-- comment -->", "[[link]]", "**bold**",
    "<a href=\"https://example.com/a?b=c&amp;d=e\">Reuters</a>",
]

#: Emoji, ZWJ sequences, flags and skin tones.
_EMOJI = [
    "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸🇷🇺", "👍🏽", "❤️", "🔥🔥🔥", "Police 🚓 arrested him",
]

#: Control characters, NUL, line separators.
_CONTROL = [
    "\x00", "a\x00b", "\x01\x02\x03", "\x07", "\x1b[31m", "\x7f", "\r\n", "\r", "\t\t", "\x0b\x0c",
    "line one\r\nline two\r\n", "\x85",
]

#: Lone surrogates: legal in a Python ``str`` (they come from bad decoding), illegal in UTF-8.
_SURROGATES = ["\ud800", "\udfff", "a\udc80b", "Rubio\ud83d met"]

#: Other scripts.
_SCRIPTS = [
    "مرحبا بالعالم", "שלום עולם", "普京周二在莫斯科会见了美国特使。", "東京で会議が開かれた。", "서울에서 회담이 열렸다.",
    "Путин встретился с Уиткоффом в Москве.", "नई दिल्ली में बैठक हुई।", "ΑΘΗΝΑ", "ไทย",
]

#: Punctuation only, numbers, and tables of numbers.
_PUNCT_NUMBERS = [
    "...", "!?!?", "—", "''", "\"\"", "(((", ")))", "- - -", "*", "#", "@", "%", "$$$", "„“", "«»", "…",
    "1 2 3 4 5", "3.14159", "-0", "1,000,000", "10e10", "50%", "$1.2bn", "¾",
    "| Year | GDP |\n|---|---|\n| 2024 | 1.2 |\n| 2025 | 1.4 |",
    "2023\t2024\t2025\n10.1\t11.2\t12.3\n", "1 | 2 | 3\n4 | 5 | 6",
]


#: Apostrophes and clitics the multi-word token expander meets: possessives of names it never
#: saw, stacked and stray clitics, curly and straight quotes, all capitals.
_CLITICS = [
    "Qatar's", "Boeing’s", "'s", "''s", "s'", "’’", "'s's", "O'Neil's", "rock'n'roll's", "1990's", "don't's",
    "y'all", "Y'ALL'S", "’s’s’s", "won't've", "the Jones'", "U.S.'s", "AT&T's", "McDonald’s's", "IT'S", "'''''",
]


def _long_pieces() -> list[str]:
    url = "https://www.example.com/news/" + "/".join(["section-" + str(i) for i in range(60)]) + "?id=" + "9" * 40
    return [
        url[:500],
        "#" + "Breaking" * 10,
        "a" * 80,
        "x" * 10_000,
        " ".join(["word"] * 2_000),
        "Police arrested " + url[:500] + " on Monday.",
    ]


_SHORT_PIECES: tuple[str, ...] = tuple(
    _DATES + _MARKS + _HTML + _EMOJI + _CONTROL + _SURROGATES + _SCRIPTS + _PUNCT_NUMBERS + _CLITICS)
_LONG_PIECES: tuple[str, ...] = tuple(_long_pieces())

#: Every nasty piece, in a fixed order.
NASTY_PIECES: tuple[str, ...] = _SHORT_PIECES + _LONG_PIECES

#: Share of the generators' pieces that are long ones (up to 10,000 characters): enough to
#: meet them, few enough to keep a soak run's inputs short.
LONG_SHARE = 0.005

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z])")


def _seed_sentences() -> tuple[str, ...]:
    sentences = []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    return tuple(sentences)


#: Sentences of the seed article(s), split at sentence ends.
SEED_SENTENCES: tuple[str, ...] = _seed_sentences()

_SEPARATORS = (" ", " ", " ", "\n", "\n\n", "", "\t", "\r\n")


def nasty_piece(rng: random.Random) -> str:
    """One nasty piece; a long one with probability :data:`LONG_SHARE`."""
    return rng.choice(_LONG_PIECES if rng.random() < LONG_SHARE else _SHORT_PIECES)


def random_unicode(rng: random.Random, max_len: int = 60) -> str:
    """A string of arbitrary code points, surrogates and controls included, biased to the BMP."""
    chars = []
    for _ in range(rng.randint(0, max_len)):
        roll = rng.random()
        if roll < 0.5:
            chars.append(chr(rng.randint(0x20, 0x7E)))
        elif roll < 0.9:
            chars.append(chr(rng.randint(0, 0xFFFF)))
        else:
            chars.append(chr(rng.randint(0, 0x10FFFF)))
    return "".join(chars)


def news_text(rng: random.Random, max_sentences: int = 3, nasty_share: float = 0.5) -> str:
    """One to ``max_sentences`` seed sentences, shuffled, joined, with nasty pieces put
    between them or inside them (at a word boundary or in the middle of a word)."""
    sentences = rng.sample(SEED_SENTENCES, k=min(len(SEED_SENTENCES), rng.randint(1, max_sentences)))
    parts: list[str] = []
    for sentence in sentences:
        if rng.random() < nasty_share:
            piece = nasty_piece(rng)
            where = rng.randint(0, len(sentence))
            if rng.random() < 0.7:  # move to a word boundary
                space = sentence.find(" ", where)
                where = len(sentence) if space < 0 else space
            sentence = sentence[:where] + rng.choice((" ", "")) + piece + rng.choice((" ", "")) + sentence[where:]
        parts.append(sentence)
    out = parts[0]
    for part in parts[1:]:
        out += rng.choice(_SEPARATORS) + part
    return out


def nasty_text(rng: random.Random, max_pieces: int = 4) -> str:
    """Nasty pieces only, joined by random separators."""
    pieces = [nasty_piece(rng) for _ in range(rng.randint(1, max_pieces))]
    return "".join(p + rng.choice(_SEPARATORS) for p in pieces)


def random_example(rng: random.Random) -> str:
    """One soak input: news-like text most of the time, else nasty pieces or arbitrary Unicode."""
    roll = rng.random()
    if roll < 0.6:
        return news_text(rng)
    if roll < 0.85:
        return nasty_text(rng)
    return random_unicode(rng)
