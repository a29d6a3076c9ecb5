"""Long documents in pieces: cut a text into chunks stanza parses one at a time.

A 5 MB text parsed in one stanza call holds every word of it as Python objects
at once (gigabytes). :meth:`Extractor.extract` instead parses a long text chunk
by chunk and moves each chunk's events back into the coordinates of the whole
text, so peak memory depends on the chunk size, not on the document length.

Chunks end at the most natural boundary that keeps them under
:data:`MAX_CHUNK_CHARS`: a blank line (a paragraph end) first, then a line
break, then a sentence end, then any whitespace, and only for a run of
characters with none of those a hard cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from eventx._types import Event

__all__ = ["MAX_CHUNK_CHARS", "chunk_spans", "shift_events"]

#: Texts longer than this are parsed in chunks of at most this many characters.
#: Large enough that news articles are one chunk (their events are exactly those
#: of a single parse), small enough that stanza's memory for a chunk stays modest.
MAX_CHUNK_CHARS = 20_000

#: Where a chunk may end, best first. The separator stays with the text before it,
#: so every chunk after the first starts at the first character of its paragraph,
#: line, sentence or word.
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),                    # a blank line: a paragraph ends
    re.compile(r"\n\s*"),                              # a line break
    re.compile(r"(?<=[.!?])[\"'\u2019\u201d)\]]*\s+"),  # a sentence end (closing quotes kept with it)
    re.compile(r"\s+"),                                # between words
)


def chunk_spans(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` spans of consecutive chunks that together cover ``text``.

    A text of at most ``max_chars`` characters is one chunk. The spans are
    produced lazily, in order, and each is at most ``max_chars`` long.

    Raises:
        ValueError: ``max_chars`` < 1.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    if not text:
        return
    yield from _split(text, 0, len(text), 0, max_chars)


def _segments(text: str, start: int, end: int, level: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut after each separator of ``level`` (found lazily)."""
    pos = start
    for match in _BOUNDARIES[level].finditer(text, start, end):
        if match.end() > pos and match.start() > start:
            yield pos, match.end()
            pos = match.end()
    if pos < end:
        yield pos, end


def _split(text: str, start: int, end: int, level: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Chunks of ``text[start:end]``: segments of ``level`` packed greedily, a segment
    too long on its own cut at the next, finer level."""
    if end - start <= max_chars:
        yield start, end
        return
    if level == len(_BOUNDARIES):  # no boundary at all: hard cuts
        for cut in range(start, end, max_chars):
            yield cut, min(cut + max_chars, end)
        return
    chunk_start = chunk_end = start
    for seg_start, seg_end in _segments(text, start, end, level):
        if seg_end - chunk_start <= max_chars:
            chunk_end = seg_end
            continue
        if chunk_end > chunk_start:
            yield chunk_start, chunk_end
        if seg_end - seg_start <= max_chars:
            chunk_start, chunk_end = seg_start, seg_end
        else:
            yield from _split(text, seg_start, seg_end, level + 1, max_chars)
            chunk_start = chunk_end = seg_end
    if chunk_end > chunk_start:
        yield chunk_start, chunk_end


def _shift_span(span: Any, chars: int) -> Any:
    return attrs.evolve(span, start=span.start + chars, end=span.end + chars)


def _shift_value(value: Any, chars: int) -> Any:
    """A span (any attrs object with ``start``/``end``), or a tuple of spans, moved by ``chars``."""
    if isinstance(value, tuple):
        return tuple(_shift_value(v, chars) for v in value)
    if attrs.has(type(value)) and hasattr(value, "start") and hasattr(value, "end"):
        return _shift_span(value, chars)
    return value


def shift_events(events: Iterable[Event], chars: int, sentences: int) -> list[Event]:
    """``events`` of a chunk moved into the whole text's coordinates: every span's
    offsets by ``chars`` (the chunk's start), ``sentence`` by ``sentences`` (the
    sentences of the chunks before it)."""
    if chars == 0 and sentences == 0:
        return list(events)
    moved = []
    for event in events:
        changes = {f.name: _shift_value(getattr(event, f.name), chars)
                   for f in attrs.fields(type(event)) if f.name != "sentence"}
        moved.append(attrs.evolve(event, sentence=event.sentence + sentences, **changes))
    return moved
