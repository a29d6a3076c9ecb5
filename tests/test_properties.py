"""Property-based robustness: ``extract_events`` and ``extract_times`` return on any text,
and every span they give is grounded in it.

Inputs: arbitrary Unicode (lone surrogates and control characters included), news-like
text stitched from the seed article with nasty pieces put in (``tests/nasty.py``), and the
nasty pieces themselves, each one alone and inside a sentence.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (default; small, for every run) and ``soak``
(large, for a long run). ``benchmarks/soak.py`` runs the same generators without
hypothesis over ten thousand inputs and more.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nasty import NASTY_PIECES, SEED_SENTENCES

import eventx

settings.register_profile(
    "ci", max_examples=100, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "soak", max_examples=5_000, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

#: Examples per property: a model-backed example is one stanza parse (slow), a
#: time-layer example is cheap.
EVENT_EXAMPLES = {"ci": 30, "soak": 1_000}.get(PROFILE, 30)
TIME_EXAMPLES = {"ci": 200, "soak": 10_000}.get(PROFILE, 200)

REFERENCE = "2025-02-17"

#: Pieces for the model-backed generators: the 10,000-character ones are parsed once each
#: in ``test_extract_events_on_every_nasty_piece`` rather than drawn again and again.
SHORT_PIECES = tuple(p for p in NASTY_PIECES if len(p) <= 600)

#: Pieces that make one sentence of hundreds of words (a 10,000-character line of words).
LONG_LINES = tuple(p for p in NASTY_PIECES if len(p.split()) > 200)

SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "", "\t", "\r\n"])

#: Any code point, lone surrogates (a valid ``str``, e.g. from a bad decode) and controls included.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=200)


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """One to three seed sentences, shuffled, with nasty pieces inserted at random points."""
    sentences = draw(st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=3))
    parts = []
    for sentence in sentences:
        for _ in range(draw(st.integers(0, 2))):
            at = draw(st.integers(0, len(sentence)))
            piece = draw(st.sampled_from(SHORT_PIECES) | ANY_TEXT)
            sentence = sentence[:at] + draw(SEPARATORS) + piece + draw(SEPARATORS) + sentence[at:]
        parts.append(sentence)
    joined = parts[0]
    for part in parts[1:]:
        joined += draw(SEPARATORS) + part
    return joined


NASTY_TEXTS = st.lists(st.tuples(st.sampled_from(SHORT_PIECES), SEPARATORS), min_size=1, max_size=4).map(
    lambda pairs: "".join(piece + sep for piece, sep in pairs))

ALL_TEXTS = ANY_TEXT | news_texts() | NASTY_TEXTS


def check_span(text: str, span: object, what: str) -> None:
    start, end, span_text = span.start, span.end, span.text  # type: ignore[attr-defined]
    assert 0 <= start <= end <= len(text), f"{what} {span!r} out of range for a text of {len(text)} chars"
    assert text[start:end] == span_text, f"{what} {span!r}: the text there is {text[start:end]!r}"


def check_events(text: str, events: list[eventx.Event]) -> None:
    assert isinstance(events, list)
    for event in events:
        check_span(text, event.trigger, "trigger")
        for p in event.who:
            check_span(text, p, "who")
        for p in event.whom:
            check_span(text, p, "whom")
        if event.where is not None:
            check_span(text, event.where, "where")
        if event.when is not None:
            check_span(text, event.when, "when")
        event.to_dict()  # serialisable without error


def check_times(text: str, times: list[eventx.TimeExpression]) -> None:
    assert isinstance(times, list)
    for t in times:
        check_span(text, t, "time")


# -- the time layer (no model) -------------------------------------------------------


@settings(max_examples=TIME_EXAMPLES)
@given(text=ALL_TEXTS)
def test_extract_times_returns_grounded_spans(text):
    check_times(text, eventx.extract_times(text, reference_date=REFERENCE))


@settings(max_examples=TIME_EXAMPLES // 4)
@given(text=ALL_TEXTS)
def test_extract_times_without_reference_date(text):
    check_times(text, eventx.extract_times(text))


@pytest.mark.parametrize("piece", NASTY_PIECES, ids=range(len(NASTY_PIECES)))
def test_extract_times_on_every_nasty_piece(piece):
    for text in (piece, f"The army attacked the town {piece} and withdrew on Friday.", piece * 3):
        check_times(text, eventx.extract_times(text, reference_date=REFERENCE))


# -- events (stanza parses) ----------------------------------------------------------


@pytest.mark.model
@settings(max_examples=EVENT_EXAMPLES)
@given(text=news_texts())
def test_extract_events_on_news_with_nasty_pieces(text, extractor):
    check_events(text, extractor.extract(text, reference_date=REFERENCE))


@pytest.mark.model
@settings(max_examples=EVENT_EXAMPLES)
@given(text=ANY_TEXT | NASTY_TEXTS)
def test_extract_events_on_arbitrary_text(text, extractor):
    check_events(text, extractor.extract(text, reference_date=REFERENCE))


@pytest.mark.model
def test_extract_events_on_every_nasty_piece(extractor):
    """Each piece alone and as the object of a verb, parsed in one batch; when the batch
    raises, each text is run alone, and failures are listed with their input."""
    pieces = [p for p in NASTY_PIECES if p not in LONG_LINES]
    texts = [*pieces, *(f"Police arrested {piece} in Paris on Monday." for piece in pieces)]
    failures = []
    try:
        for text, events in zip(texts, extractor.extract_many(texts, reference_date=REFERENCE), strict=True):
            check_events(text, events)
    except Exception:  # noqa: BLE001 - rerun one by one to name the failing inputs
        for text in texts:
            try:
                check_events(text, extractor.extract(text, reference_date=REFERENCE))
            except Exception as error:  # noqa: BLE001 - collected and reported with the input below
                failures.append(f"{text[:80]!r}: {type(error).__name__}: {error}")
    assert failures == []


@pytest.mark.model
# A line of one repeated word has tied arc scores; past EXACT_TIE_LIMIT words the compiled
# decoder (the `fast` extra, installed with `test`) decodes it in seconds, where stanza's
# Python search took tens of CPU minutes.
@pytest.mark.parametrize("line", LONG_LINES)
def test_extract_events_on_a_line_of_thousands_of_words(line, extractor):
    check_events(line, extractor.extract(line, reference_date=REFERENCE))


# -- <UNK>: tokens longer than stanza's max_seqlen ------------------------------------

LONG_URL = "https://www.example.com/news/world/" + "-".join(["ceasefire"] * 12) + "/index.html?ref=front-page"
LONG_HASHTAG = "#" + "StandWithTheWorkersOfTheFactory" * 4


@pytest.mark.model
@pytest.mark.parametrize("token", [LONG_URL, LONG_HASHTAG, "a" * 150])
def test_long_token_keeps_its_text_and_offsets(token, extractor):
    assert len(token) > 100  # longer than stanza's max_seqlen: stanza prints it as <UNK>
    text = f"Hackers attacked {token} on Monday."
    events = extractor.extract(text, reference_date=REFERENCE)
    check_events(text, events)
    spans = [s for e in events for s in (e.trigger, *e.who, *e.whom, *filter(None, [e.where]))]
    assert all("<UNK>" not in s.text for s in spans)
    attack = next(e for e in events if e.trigger.lemma == "attack")
    assert [p.text for p in attack.whom] == [token]
    assert (attack.whom[0].start, attack.whom[0].end) == (text.index(token), text.index(token) + len(token))
    assert attack.whom[0].head == token


@pytest.mark.model
def test_long_token_trigger_keeps_its_lemma(extractor):
    """The graph takes a too-long token's text from the document, so no node says <UNK>."""
    from eventx._graph import sentences_from_document

    text = f"Protesters shared {LONG_URL} and {LONG_HASHTAG} widely."
    nodes = [n for s in sentences_from_document(extractor._parse([text])[0]) for n in s]
    assert not any("<UNK>" in (n.text + n.lemma) for n in nodes)
    long_nodes = [n for n in nodes if len(n.text) > 100]
    assert long_nodes and all(text[n.start:n.end] == n.text == n.lemma for n in long_nodes)
