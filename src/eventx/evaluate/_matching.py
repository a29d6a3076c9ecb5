"""Shared helpers for the event scorers: the data directory, detokenisation,
span overlap and trigger alignment, actor-text matching, P/R/F1 and tables."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "align_triggers",
    "data_dir",
    "detokenise",
    "format_gap",
    "format_table",
    "overlap",
    "prf",
    "ratio",
    "text_match",
]

#: Words ignored when two actor strings are compared token by token.
_STOPWORDS = frozenset(
    "a an the of and or in on at for to from by with its their his her our "
    "'s s who which that this these those".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)


def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The shared data folder.

    ``path`` when given, else the ``EVENTX_DATA`` environment variable, else
    ``../shared/data`` (relative to the working directory, falling back to the
    same path relative to the repository root).
    """
    if path is not None:
        return Path(path)
    env = os.environ.get("EVENTX_DATA")
    if env:
        return Path(env)
    here = Path("../shared/data")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "”", "’", "'", "...",
     "'s", "'re", "'ve", "'ll", "'d", "'m", "n't"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "`", "“", "‘", "£", "€", "#"})


def detokenise(
    sentences: Sequence[Sequence[tuple[str, str]]], headlines: int = 1
) -> tuple[str, dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """Rebuild text from ``sentences`` of ``(token id, token)`` pairs.

    Tokens are joined by single spaces, except before closing punctuation and
    clitics (``, . ; : ! ? ) % 's n't``…) and after opening brackets, opening
    quotes and currency signs (``( [ $ £ €``…); straight double quotes alternate between
    opening and closing.  Sentences are separated by a newline; each of the first
    ``headlines`` sentences (title, dateline) is followed by a blank line.
    Returns the text, ``{token id: (start, end)}`` and each sentence's span.
    """
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for s_idx, sent in enumerate(sentences):
        if s_idx:
            sep = "\n\n" if s_idx <= headlines else "\n"
            parts.append(sep)
            pos += len(sep)
        s_start, glue, open_quote = pos, True, False
        for t_id, tok in sent:
            no_before = tok in _NO_SPACE_BEFORE or tok.lower() in _NO_SPACE_BEFORE
            if tok == '"':
                no_before, open_quote = open_quote, not open_quote
            if not glue and not no_before:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            offsets[t_id] = (pos, pos + len(tok))
            pos += len(tok)
            glue = tok in _NO_SPACE_AFTER or tok.endswith("$") or (tok == '"' and open_quote)
        sent_spans.append((s_start, pos))
    return "".join(parts), offsets, sent_spans


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters shared by the half-open spans ``[a_start, a_end)`` and
    ``[b_start, b_end)`` (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def align_triggers(
    gold: Sequence[Sequence[tuple[int, int]]], predicted: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """One-to-one alignment of gold triggers to predicted triggers.

    ``gold[i]`` lists the ``(start, end)`` spans of gold trigger ``i``'s tokens;
    ``predicted[j]`` is predicted trigger ``j``'s span.  A pair is a candidate
    when the predicted span overlaps at least one gold token.  Candidates are
    taken greedily, best first: the same span (the whole gold mention or one of
    its tokens), then more gold tokens overlapped, then the nearer start, then
    the earlier prediction; each gold and each predicted trigger is used once.
    Returns ``{gold index: predicted index}``.
    """
    pairs = []
    for gi, spans in enumerate(gold):
        g_start, g_end = min(s for s, _ in spans), max(e for _, e in spans)
        for pi, (ps, pe) in enumerate(predicted):
            n_tok = sum(1 for s, e in spans if overlap(s, e, ps, pe))
            if n_tok:
                exact = (ps, pe) == (g_start, g_end) or (ps, pe) in spans
                pairs.append(((exact, n_tok, -abs(ps - g_start), -pi), gi, pi))
    pairs.sort(key=lambda x: x[0], reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def ratio(num: int | float, den: int | float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0."""
    return num / den if den else 0.0


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p, r = ratio(correct, predicted), ratio(correct, gold)
    return {"precision": p, "recall": r, "f1": ratio(2 * p * r, p + r)}


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def text_match(predicted: str, gold: str) -> bool:
    """Whether two actor strings refer to the same mention, leniently.

    True when, case-insensitively, one is a substring of the other, or they
    share a content word (stop words such as "the", "of" are ignored).
    """
    p, g = predicted.strip().lower(), gold.strip().lower()
    if not p or not g:
        return False
    if p in g or g in p:
        return True
    return bool(_content_words(p) & _content_words(g))


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def format_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain-text table, first column left-aligned, the others right-aligned."""
    body = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]

    def line(cells: Sequence[str]) -> str:
        out = [cells[0].ljust(widths[0])]
        out += [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        return "  ".join(out).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(list(headers)), sep, *(line(r) for r in body)])


def format_gap(rows: Iterable[tuple[str, float, float]]) -> str:
    """The dev / test / gap table: one ``(figure, dev, test)`` row per figure,
    the gap being ``test - dev`` (negative when the rules do worse on the part
    nobody tuned on)."""
    return format_table(["figure", "dev", "test", "gap (test - dev)"],
                        [[name, dev, test, f"{test - dev:+.3f}"] for name, dev, test in rows])
