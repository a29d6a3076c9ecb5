"""eventx.render_html / eventx.render: the marks, their nesting and labels, escaping,
and the per-event table, checked by parsing the HTML (html.parser). The look is
checked in a real browser by docs/screenshot.py (see docs/outputs.md)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from conftest import conllu

import eventx

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
MET = ("Rubio/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Lavrov/PROPN/2/obj in/ADP/5/case Riyadh/PROPN/2/obl "
       "on/ADP/7/case Tuesday/PROPN/2/obl ./PUNCT/2/punct")
VOID = {"meta", "br", "img", "hr", "link", "input"}


class _Tree(HTMLParser):
    """Well-formedness check and the marks: (text inside, class, label, depth)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict] = []  # open marks, innermost last, while parsing
        self.done: list[dict] = []
        self.tags: list[tuple[str, dict]] = []
        self.data: list[str] = []
        self.in_label = False
        self.in_style = False
        self.text_level: int | None = None  # depth of <div class="ex-text"> while inside it
        self.shown: list[str] = []  # the document text as shown, labels left out

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "mark":
            self.marks.append({"class": attrs.get("class", ""), "title": attrs.get("title", ""), "text": "",
                               "label": "", "depth": len(self.marks)})
        if tag == "span" and "ex-label" in (attrs.get("class") or ""):
            self.in_label = True
        self.in_style = tag == "style"
        if tag == "div" and attrs.get("class") == "ex-text":
            self.text_level = len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        if len(self.stack) == self.text_level:
            self.text_level = None
        self.stack.pop()
        if tag == "mark":
            self.done.append(self.marks.pop())
        if tag == "span":
            self.in_label = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            return
        self.data.append(data)
        if self.text_level is not None and not self.in_label:
            self.shown.append(data)
        for mark in self.marks:
            if self.in_label:
                if mark is self.marks[-1]:
                    mark["label"] += data
            else:
                mark["text"] += data


def _parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    assert tree.stack == [], f"unclosed {tree.stack}"
    return tree


@pytest.fixture(scope="module")
def met(extractor):
    events = extractor.extract_document(conllu(MET), reference_date="2025-02-20")
    return "Rubio met Lavrov in Riyadh on Tuesday.", events


def test_marks_and_labels(met):
    text, events = met
    tree = _parse(eventx.render_html(text, events))
    got = {(m["text"], m["class"], m["label"]) for m in tree.done}
    assert got == {("met", "ex-trigger ex-q-verbal_cooperation", "CONSULT"), ("Rubio", "ex-who", "who"),
                   ("Lavrov", "ex-whom", "whom"), ("Riyadh", "ex-where", "where"),
                   ("Tuesday", "ex-when", "when 2025-02-18")}
    assert "".join(tree.shown) == text
    table = [a for t, a in tree.tags if t == "table"]
    assert table == [{"class": "ex-events"}]
    assert sum(1 for t, _ in tree.tags if t == "tr") == 1 + len(events)


def test_page_and_fragment(met):
    text, events = met
    page = eventx.render_html(text, events)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    fragment = eventx.render_html(text, events, page=False)
    assert fragment.startswith('<div class="eventx-view"><style>') and "<html" not in fragment
    # self-contained: no script, no external resource
    lowered = page.lower()
    assert "<script" not in lowered and "http://" not in lowered and "https://" not in lowered
    assert "@import" not in lowered and "url(" not in lowered


def test_text_is_escaped():
    text = '<script>alert("x")</script> & Rubio met "Lavrov" <b>'
    start = text.index("met")
    event = eventx.Event("CONSULT", "<img src=x onerror=alert(1)>", eventx.Trigger("met", start, start + 3, "meet"),
                         who=(eventx.Participant("Rubio", start - 6, start - 1, "Rubio"),))
    markup = eventx.render_html(text, [event])
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    tree = _parse(markup)
    assert "".join(tree.shown) == text  # shown as text
    assert not [t for t, _ in tree.tags if t in ("script", "img", "b")]


def test_overlapping_and_crossing_spans_stay_well_formed():
    text = "the upcoming visit of Keith Kellogg to Kyiv"
    visit = text.index("visit")
    kellogg = text.index("Keith")
    events = [
        eventx.Event("SUPPORT", "VERBAL_COOPERATION", eventx.Trigger("upcoming", 4, 12, "upcoming"),
                     whom=(eventx.Participant(text[0:35], 0, 35, "visit"),)),
        eventx.Event("CONSULT", "VERBAL_COOPERATION", eventx.Trigger("visit", visit, visit + 5, "visit"),
                     who=(eventx.Participant("Keith Kellogg", kellogg, kellogg + 13, "Kellogg"),),
                     # crosses the first event's whom: starts inside it, ends after it
                     where=eventx.Participant("Kellogg to Kyiv", kellogg + 6, len(text), "Kyiv"),
                     modality="future"),
    ]
    tree = _parse(eventx.render_html(text, events))
    by_label = {}
    for m in tree.done:
        by_label.setdefault(m["label"], []).append(m)
    assert by_label["whom"][0]["text"] == text[0:35] and by_label["whom"][0]["depth"] == 0
    assert by_label["CONSULT · future"][0]["text"] == "visit" and by_label["CONSULT · future"][0]["depth"] == 1
    where = [m for m in tree.done if m["class"] == "ex-where"]
    assert "".join(m["text"] for m in where) == "Kellogg to Kyiv"  # split in two pieces, label on the last
    assert len(where) == 2 and [m["label"] for m in where] == ["", "where"]
    assert "".join(tree.shown) == text  # every character once, in order


def test_shared_span_has_every_role():
    text = "Rubio and Lavrov met."
    who = (eventx.Participant("Rubio", 0, 5, "Rubio"), eventx.Participant("Lavrov", 10, 16, "Lavrov"))
    event = eventx.Event("CONSULT", "VERBAL_COOPERATION", eventx.Trigger("met", 17, 20, "meet"), who=who, whom=who)
    tree = _parse(eventx.render_html(text, [event]))
    labels = {m["text"]: (m["class"], m["label"]) for m in tree.done}
    assert labels["Rubio"] == ("ex-who", "who · whom") and labels["Lavrov"] == ("ex-who", "who · whom")


def test_untyped_events_are_counted_not_marked():
    text = "He said Rubio met Lavrov."
    said = eventx.Event(None, None, eventx.Trigger("said", 3, 7, "say"))
    met = eventx.Event("CONSULT", "VERBAL_COOPERATION", eventx.Trigger("met", 14, 17, "meet"))
    view = eventx.render(text, [said, met])
    assert view.events == (met,) and view.hidden == 1
    tree = _parse(view._repr_html_())
    assert [m["text"] for m in tree.done] == ["met"]
    assert "1 event without an event type not shown" in "".join(tree.data)
    shown = _parse(eventx.render_html(text, [said, met], include_untyped=True))
    assert {(m["text"], m["label"]) for m in shown.done} == {("said", "untyped"), ("met", "CONSULT")}


def test_no_events():
    tree = _parse(eventx.render_html("Nothing happened.", []))
    assert tree.done == [] and "".join(tree.shown) == "Nothing happened."


def test_save(tmp_path, met):
    text, events = met
    path = tmp_path / "view.html"
    eventx.render(text, events).save(path)
    assert path.read_text(encoding="utf-8") == eventx.render_html(text, events)


BAD = [
    pytest.param(b"Rubio met Lavrov.", [], TypeError, "text must be a str", id="bytes-text"),
    pytest.param("Rubio met Lavrov.", "met", TypeError, "events must be an iterable", id="string-events"),
    pytest.param("Rubio met Lavrov.", [{"type": "CONSULT"}], TypeError, r"events\[0\] must be an Event", id="dict"),
    pytest.param("Someone else.", None, ValueError, "does not index the text", id="wrong-text"),
]


@pytest.mark.parametrize(("text", "events", "error", "message"), BAD)
def test_bad_input(met, text, events, error, message):
    if events is None:
        events = met[1]
    with pytest.raises(error, match=message):
        eventx.render_html(text, events)


def test_time_value_in_table():
    text = "Leaders met on Tuesday."
    when = eventx.TimeExpression("Tuesday", 15, 22, "2025-02-18", "DATE", "day", dt.date(2025, 2, 18), dt.date(2025, 2, 18))
    event = eventx.Event("CONSULT", "VERBAL_COOPERATION", eventx.Trigger("met", 8, 11, "meet"), when=when, negated=True)
    tree = _parse(eventx.render_html(text, [event]))
    cells = "".join(tree.data)
    assert "Tuesday → 2025-02-18" in cells and "not asserted" in cells
