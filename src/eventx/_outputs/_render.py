"""An HTML view of events over their text, in the manner of displaCy:
:func:`eventx.render_html` and :func:`eventx.render` (for notebooks).

The text is shown with every trigger and participant span marked once, coloured by
its role (the trigger by its event type's quad) and labelled; spans that nest are
nested marks, and spans that cross are split into pieces so the HTML stays well
formed. A table under the text lists each event with its roles, which says what the
marks cannot (which actor goes with which trigger). Self-contained: inline CSS
(``eventx/data/render.css``), no script, nothing fetched.
"""

from __future__ import annotations

import functools
import html
import os
from collections.abc import Iterable
from importlib import resources

import attrs

from eventx._types import Event, Participant, TimeExpression

__all__ = ["EventView", "render", "render_html"]

#: Roles in the order they win a span's colour when a span has several.
ROLES = ("trigger", "who", "whom", "where", "when")
_Span = Participant | TimeExpression


@functools.cache
def _css() -> str:
    return (resources.files("eventx") / "data" / "render.css").read_text(encoding="utf-8")


@attrs.define
class _Mark:
    """One marked span: its roles, labels and tooltip lines, gathered over all events."""

    start: int
    end: int
    roles: list[str] = attrs.Factory(list)
    labels: list[str] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    quad: str | None = None

    def add(self, role: str, label: str, note: str, quad: str | None = None) -> None:
        for values, value in ((self.roles, role), (self.labels, label), (self.notes, note)):
            if value not in values:
                values.append(value)
        self.quad = self.quad or quad

    def classes(self) -> str:
        role = min(self.roles, key=ROLES.index)
        names = ["ex-" + role]
        if role == "trigger" and self.quad:
            names.append("ex-q-" + "".join(c if c.isalnum() else "_" for c in self.quad.lower()))
        return " ".join(names)

    def open_tag(self) -> str:
        title = html.escape("\n".join(self.notes), quote=True)
        return f'<mark class="{self.classes()}" title="{title}">'

    def close_tag(self, last: bool) -> str:
        label = f'<span class="ex-label">{html.escape(" · ".join(self.labels))}</span>' if last else ""
        return label + "</mark>"


def _check_span(text: str, span: _Span | Event, what: str) -> None:
    inner = span.trigger if isinstance(span, Event) else span
    if not (0 <= inner.start < inner.end <= len(text)) or text[inner.start:inner.end] != inner.text:
        raise ValueError(f"{what} {inner.text!r} at {inner.start}-{inner.end} does not index the text: "
                         "pass the text the events were extracted from")


def _trigger_label(event: Event) -> str:
    flags = [f for f in ("not" if event.negated else "", "" if event.modality == "asserted" else event.modality) if f]
    return " · ".join([event.type or "untyped", *flags])


def _marks(text: str, events: list[Event]) -> list[_Mark]:
    marks: dict[tuple[int, int], _Mark] = {}

    def mark(span: _Span | Event, role: str, label: str, note: str, quad: str | None = None) -> None:
        _check_span(text, span, role)
        inner = span.trigger if isinstance(span, Event) else span
        key = (inner.start, inner.end)
        marks.setdefault(key, _Mark(*key)).add(role, label, note, quad)

    for number, event in enumerate(events, start=1):
        name = f"event {number} ({event.trigger.text})"
        mark(event, "trigger", _trigger_label(event), f"{name}: {event.type or 'no type'} {event.quad or ''}".strip(),
             event.quad)
        for role, spans in (("who", event.who), ("whom", event.whom), ("where", [event.where] if event.where else []),
                            ("when", [event.when] if event.when else [])):
            for span in spans:
                label = f"when {span.value}" if isinstance(span, TimeExpression) else role
                mark(span, role, label, f"{role} of {name}")
    return sorted(marks.values(), key=lambda m: (m.start, -m.end))


def _marked_text(text: str, marks: list[_Mark]) -> str:
    """The text with the marks as nested ``<mark>`` elements; a mark that crosses the
    end of an enclosing one is closed there and reopened after it."""
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    boundaries = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    position = 0
    for boundary in boundaries:
        out.append(html.escape(text[position:boundary]))
        position = boundary
        ending = [i for i, m in enumerate(stack) if m.end == boundary]
        if ending:
            above = stack[ending[0]:]
            out.extend(m.close_tag(last=m.end == boundary) for m in reversed(above))
            stack = stack[:ending[0]]
            for m in above:
                if m.end != boundary:
                    out.append(m.open_tag())
                    stack.append(m)
        for m in starts.get(boundary, []):
            out.append(m.open_tag())
            stack.append(m)
    return "".join(out)


def _cell(spans: Iterable[_Span]) -> str:
    parts = []
    for span in spans:
        value = f" → {span.value}" if isinstance(span, TimeExpression) else ""
        parts.append(html.escape(span.text + value))
    return "<br>".join(parts)


def _table(events: list[Event]) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("#", "type", "trigger", "who", "whom", "where", "when", "modality",
                                              "sentence"))
    rows = []
    for number, event in enumerate(events, start=1):
        quad = "ex-q-" + "".join(c if c.isalnum() else "_" for c in (event.quad or "").lower())
        modality = ("not " if event.negated else "") + event.modality
        cells = [str(number), f'<span class="ex-trigger {quad}">{html.escape(event.type or "untyped")}</span>',
                 html.escape(event.trigger.text), _cell(event.who), _cell(event.whom),
                 _cell([event.where] if event.where else []), _cell([event.when] if event.when else []),
                 html.escape(modality), str(event.sentence)]
        classes = ["", ' class="ex-type"'] + [""] * 7
        rows.append("<tr>" + "".join(f"<td{c}>{v}</td>" for c, v in zip(classes, cells)) + "</tr>")
    return f'<table class="ex-events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


_LEGEND = ('<div class="ex-legend">' + "".join(
    f'<span class="{cls}">{name}</span>' for cls, name in (
        ("ex-who", "who"), ("ex-whom", "whom"), ("ex-where", "where"), ("ex-when", "when"),
        ("ex-trigger ex-q-verbal_cooperation", "verbal cooperation"),
        ("ex-trigger ex-q-material_cooperation", "material cooperation"),
        ("ex-trigger ex-q-verbal_conflict", "verbal conflict"),
        ("ex-trigger ex-q-material_conflict", "material conflict"))) + "</div>")


@attrs.frozen
class EventView:
    """Events over their text, shown as HTML; a notebook displays it directly.

    Attributes:
        text: The document the events were extracted from.
        events: The events shown (those without a type left out unless ``include_untyped``).
        hidden: How many events without a type were left out.
    """

    text: str
    events: tuple[Event, ...]
    hidden: int = 0

    def html(self, *, page: bool = False) -> str:
        """The view as an HTML fragment (``<div class="eventx-view">`` with its
        ``<style>``), or with ``page=True`` a complete HTML document."""
        events = list(self.events)
        note = ""
        if self.hidden:
            note = (f'<p class="ex-note">{self.hidden} event{"s" * (self.hidden != 1)} without an event type '
                    "not shown (include_untyped=True shows them).</p>")
        body = (f'<div class="eventx-view"><style>{_css()}</style>{_LEGEND}'
                f'<div class="ex-text">{_marked_text(self.text, _marks(self.text, events))}</div>'
                f"{_table(events) if events else ''}{note}</div>")
        if not page:
            return body
        return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                f"<title>eventx: {len(events)} events</title></head><body>{body}</body></html>\n")

    def _repr_html_(self) -> str:
        return self.html()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the view as a complete HTML page (UTF-8) to ``path``."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.html(page=True))


def render(text: str, events: Iterable[Event], *, include_untyped: bool = False) -> EventView:
    """The events of ``text`` as an :class:`EventView` (shown in a notebook; ``.html()``, ``.save(path)``).

    Args:
        text: The document the events were extracted from (their offsets index it).
        events: Its events.
        include_untyped: Also mark events whose type is ``None`` (reporting verbs
            and other predicates outside the ontology); by default they are left
            out and counted in a note under the view.

    Raises:
        TypeError: ``text`` is not a ``str`` or an item of ``events`` is not an ``Event``.
        ValueError: A span's offsets do not index ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if isinstance(events, (str, bytes, Event)) or not isinstance(events, Iterable):
        raise TypeError(f"events must be an iterable of Event, got {type(events).__name__}")
    events = list(events)
    for i, event in enumerate(events):
        if not isinstance(event, Event):
            raise TypeError(f"events[{i}] must be an Event, got {type(event).__name__}")
    shown = tuple(e for e in events if include_untyped or e.type is not None)
    view = EventView(text, shown, hidden=len(events) - len(shown))
    _marks(text, list(events))  # check every event's offsets now, shown or not
    return view


def render_html(text: str, events: Iterable[Event], *, include_untyped: bool = False, page: bool = True) -> str:
    """Self-contained HTML showing ``events`` over ``text``: triggers and who / whom /
    where / when spans marked and labelled, and a table of the events.

    Args:
        text: The document the events were extracted from.
        events: Its events.
        include_untyped: Also mark events whose type is ``None``.
        page: A complete HTML document (default), or only the ``<div>`` fragment
            for embedding in a page.

    Raises:
        TypeError: ``text`` is not a ``str`` or an item of ``events`` is not an ``Event``.
        ValueError: A span's offsets do not index ``text``.

    Example:
        >>> import eventx
        >>> text = "Rubio met Lavrov."
        >>> met = eventx.Event("CONSULT", "VERBAL_COOPERATION", eventx.Trigger("met", 6, 9, "meet"),
        ...                    who=(eventx.Participant("Rubio", 0, 5, "Rubio"),))
        >>> html = eventx.render_html(text, [met], page=False)
        >>> '<span class="ex-label">CONSULT</span></mark>' in html
        True
    """
    return render(text, events, include_untyped=include_untyped).html(page=page)
