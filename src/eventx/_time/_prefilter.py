"""Skip a time pattern on a text that cannot hold one of its matches.

Running the ~40 candidate patterns of :mod:`._detect` over a whole article is most of
the time layer's cost: a pattern that opens with a lookbehind gives Python's regex
engine no first character to jump to, so it tries every position of the text. Most
patterns can only match where one of a few words is: "century", a season, "quarter"
or "half"... This module reads each pattern's syntax tree (``re``'s own parser) and
derives such words, the *needed words*: a set of lower-case ASCII strings at least
one of which every match contains. A text whose lower-cased form contains none of
them has no match, so :func:`find_candidates <._detect.find_candidates>` does not
scan it for that pattern. Its candidates are exactly those of the full scan.

The derivation only ever drops requirements it cannot prove (character classes,
optional parts, anything it does not know give "no needed word"), so it errs towards
scanning. The lower-cased text stands in for the text as the regex engine sees it
under ``(?i:...)``: an ASCII letter of a pattern matches, case-insensitively, only
its two ASCII cases and the few other characters in :data:`ASCII_LOOKALIKES`; a text
containing one of those is always scanned in full (:func:`folded`).
"""

from __future__ import annotations

from typing import Any

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["ASCII_LOOKALIKES", "folded", "needed_words"]

#: The non-ASCII characters that Python's regex engine matches case-insensitively to
#: an ASCII character (KELVIN SIGN ~ k, LATIN SMALL LETTER LONG S ~ s, DOTLESS I and
#: I WITH DOT ABOVE ~ i); the tests check the list against every code point.
ASCII_LOOKALIKES = frozenset("\u212a\u017f\u0131\u0130")

#: Needed words of fewer characters than this are not worth a look-up (they are everywhere).
_MIN_WORD = 3

_ASSERTIONS = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
_REPEATS = frozenset(op for op in (getattr(_sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                     if op is not None)
_GROUPS = frozenset(op for op in (getattr(_sre, name, None) for name in ("SUBPATTERN", "ATOMIC_GROUP"))
                    if op is not None)


def _group_body(op: Any, av: Any) -> Any:
    return av if op is getattr(_sre, "ATOMIC_GROUP", None) else av[-1]  # SUBPATTERN: (group, flags..., body)


def _flatten(items: Any) -> list[tuple[Any, Any]]:
    """The items of a sequence with groups opened in place (a group does not change what it consumes)."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in _GROUPS:
            out.extend(_flatten(_group_body(op, av)))
        else:
            out.append((op, av))
    return out


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sets each of which is needed: the longest shortest word, then the fewest words."""
    good = [o for o in options if o and min(map(len, o)) >= _MIN_WORD]
    return max(good, key=lambda o: (min(map(len, o)), -len(o))) if good else None


def _sequence(items: Any) -> frozenset[str] | None:
    """Needed words of a sequence: its longest runs of ASCII literals (assertions consume
    nothing, so they do not break a run) and the needed words of its mandatory parts."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in _flatten(items):
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op in _ASSERTIONS:
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        part = _item(op, av)
        if part is not None:
            options.append(part)
    if run:
        options.append(frozenset({"".join(run)}))
    return _best(options)


def _item(op: Any, av: Any) -> frozenset[str] | None:
    """Needed words of one item that is not a literal: an alternation needs one of each
    branch's, a repeat of at least once its body's; anything else is not known."""
    if op is _sre.BRANCH:
        words: set[str] = set()
        for branch in av[1]:
            needed = _sequence(branch)
            if needed is None:
                return None
            words |= needed
        return frozenset(words)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2])
    return None


def needed_words(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII words at least one of which every match of ``pattern`` contains
    (compared with :func:`folded` text); ``None`` when none can be derived."""
    try:
        return _sequence(_sre_parse.parse(pattern))
    except Exception:  # pragma: no cover - a regex syntax tree of another shape: scan always
        return None


def folded(text: str) -> str | None:
    """``text`` lower-cased for :func:`needed_words` look-ups, or ``None`` when it holds
    a character the regex engine matches to an ASCII one case-insensitively but
    ``str.lower`` does not turn into it (then every pattern is scanned)."""
    if not text.isascii() and not ASCII_LOOKALIKES.isdisjoint(text):
        return None
    return text.lower()
