"""Is a text English? A fast, deterministic check run before parsing.

The bundled models are English-only: a German or Chinese article parses into nonsense
and yields made-up events. :func:`looks_english` says ``False`` only on positive
evidence of another language, so that English news never raises a false alarm:

* mostly letters of a non-Latin script (Cyrillic, CJK, Arabic, Hebrew, Devanagari…); or
* among the Latin-script words, the function words of one other language
  (``eventx/data/language.json``: German, French, Spanish, Italian, Portuguese, Dutch,
  with every word that is also English left out) are frequent and outnumber the English
  ones.

Short texts, numbers and tables, lists of names and English with foreign names count as
English: there is too little evidence to say otherwise. Why not a language-ID model: the
check needs no dependency and no model file, takes microseconds per thousand characters,
and its answer can be explained word by word.
"""

from __future__ import annotations

import re
from collections import Counter

from eventx._tables import load_table

__all__ = ["looks_english"]

_DATA = load_table("language.json")

#: The commonest English function words.
ENGLISH_WORDS: frozenset[str] = frozenset(_DATA["english"])

#: For each other language, its commonest function words that are not English words.
OTHER_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words) for lang, words in _DATA["other"].items()}

#: Fewer letters than this: too short to tell, counts as English.
MIN_LETTERS = 20

#: Fewer Latin-script words than this: too few to weigh function words.
MIN_WORDS = 10

#: Share of letters outside the Latin script above which a text is not English.
MAX_NON_LATIN_SHARE = 0.5

#: Share of one other language's function words among the words from which a text is
#: not English (when they also outnumber the English ones); English news scores ≤ 0.05 on
#: every language, paragraphs of those languages 0.3 and more.
MIN_OTHER_SHARE = 0.15

#: Anything that is not a letter (a letter: a word character, not a digit or an underscore).
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
#: Runs of letters of the Latin script: Basic Latin, Latin-1, Latin Extended-A/B, Extended Additional.
#: ("don't" is two runs, "don" and "t"; neither is a function word of another language.)
_LATIN_RUN = re.compile(f"[{_LATIN}]+")
#: A word for the function-word count: two or more Latin letters (single letters such as
#: the "e" of "E-mail" or an initial tell nothing).
_WORD = re.compile(f"[{_LATIN}]{{2,}}")
#: URLs and e-mail addresses, whose parts ("com", "de", "gob") are no words of any language.
_ADDRESS = re.compile(r"\S+@\S+|\S*://\S+|www\.\S+")

def looks_english(text: str) -> bool:
    """Whether ``text`` may be English (``False`` only on clear evidence of another language).

    Args:
        text: Any text.

    Returns:
        ``False`` when most letters are of a non-Latin script, or when the function words
        of German, French, Spanish, Italian, Portuguese or Dutch are frequent and outnumber
        the English ones; ``True`` otherwise, also for short, empty and numbers-only texts.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> looks_english("Rubio met Lavrov in Riyadh on Tuesday.")
        True
        >>> looks_english("Der Außenminister traf sich am Dienstag mit seinem russischen Amtskollegen in Riad, "
        ...               "um über ein Ende des Krieges in der Ukraine zu sprechen.")
        False
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    letters = _NOT_LETTER.sub("", text)
    if len(letters) < MIN_LETTERS:
        return True
    non_latin = len(_LATIN_RUN.sub("", letters))
    if non_latin / len(letters) > MAX_NON_LATIN_SHARE:
        return False
    counts = Counter(_WORD.findall(_ADDRESS.sub(" ", text).lower()))
    words = sum(counts.values())
    if words < MIN_WORDS:
        return True
    english = sum(counts[w] for w in ENGLISH_WORDS.intersection(counts))
    other = max(sum(counts[w] for w in vocabulary.intersection(counts)) for vocabulary in OTHER_WORDS.values())
    return not (other >= MIN_OTHER_SHARE * words and other > english)
