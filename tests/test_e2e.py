"""End to end with the bundled stanza models: the seed article, batching, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import eventx

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
REFERENCE = "2025-02-17"


@pytest.fixture(scope="module")
def seed_events(extractor):
    return extractor.extract(SEED.read_text(encoding="utf-8"), reference_date=REFERENCE)


def _event(events, trigger_text, *, who=None):
    found = [e for e in events if e.trigger.text == trigger_text
             and (who is None or any(who in p.text for p in e.who))]
    assert found, f"no {trigger_text!r} event (who ~ {who!r}) among {[e.trigger.text for e in events]}"
    return found[0]


def _texts(participants):
    return " | ".join(p.text for p in participants)


def test_seed_gathered(seed_events):
    event = _event(seed_events, "gathered")
    assert event.type == "CONSULT" and event.quad == "VERBAL_COOPERATION"
    assert "European leaders" in _texts(event.who)
    assert event.where is not None and event.where.text == "Paris"


def test_seed_spoke(seed_events):
    event = _event(seed_events, "spoke")
    assert event.type == "CONSULT"
    assert "Macron" in _texts(event.who) and "Trump" in _texts(event.whom)


def test_seed_meet(seed_events):
    event = _event(seed_events, "meet", who="Rubio")
    assert event.type == "AGREE" and event.modality == "future"  # PLOVER: a future meeting is AGREE
    assert len(event.who) == 2 and "Lavrov" in _texts(event.who)


def test_seed_criticized(seed_events):
    event = _event(seed_events, "criticized", who="Vance")
    assert event.type == "DISAPPROVE"
    assert "European leaders" in _texts(event.whom)


def test_seed_take_part(seed_events):
    event = _event(seed_events, "take part")
    assert event.type == "CONSULT" and event.negated
    assert "Ukraine" in _texts(event.who)


def test_seed_kinds(seed_events):
    spoke = _event(seed_events, "spoke")
    assert {p.kind for p in spoke.who} == {"PERSON"} and {p.kind for p in spoke.whom} == {"PERSON"}
    assert _event(seed_events, "gathered").where.kind == "GPE"


def test_the_bundled_entity_tagger_types_names_the_tables_do_not_know(extractor):
    assert "ner" in extractor.pipeline.processors
    event = _event(extractor.extract("Zelensky criticized Boeing on Monday."), "criticized")
    assert [(p.text, p.kind) for p in event.who] == [("Zelensky", "PERSON")]  # from the entity tagger
    assert [(p.text, p.kind) for p in event.whom] == [("Boeing", "ORG")]  # a known organisation


@pytest.mark.parametrize("text, words", [
    ("Qatar's emir visited Paris.", ["Qatar", "'s", "emir"]),  # names the expander's dictionary never saw
    ("He met the president's envoy.", ["president", "'s", "envoy"]),
    ("The Trump administration’s statements strained relations.", ["administration", "’s", "statements"]),
    ("GM's sales fell.", ["GM", "'s", "sales"]),
    ("It's the government's fault.", ["It", "'s", "the", "government", "'s"]),
])
def test_possessive_clitics_are_words_of_their_own(extractor, text, words):
    """UD English: "Apple's" is one token of two words; the parser needs both."""
    parsed = [w.text for w in extractor.pipeline(text).sentences[0].words]
    start = parsed.index(words[0])
    assert parsed[start:start + len(words)] == words


def test_seed_spans_index_the_text(seed_events):
    text = SEED.read_text(encoding="utf-8")
    for event in seed_events:
        for span in filter(None, [event.trigger, *event.who, *event.whom, event.where, event.when]):
            assert text[span.start:span.end] == span.text


TEXTS = [
    "Police arrested two protesters in Berlin on Monday.",
    "",
    "The European Union imposed new sanctions on Iran last week. Tehran condemned the decision.",
    "Israel and Hamas agreed to a ceasefire after talks in Cairo.",
]


def test_extract_many_matches_extract(extractor):
    batched = list(extractor.extract_many(TEXTS, reference_date=REFERENCE, batch_size=3))
    assert batched == [extractor.extract(t, reference_date=REFERENCE) for t in TEXTS]
    assert batched[1] == []


def test_extract_many_takes_one_reference_date_per_text(extractor):
    a, b = extractor.extract_many([TEXTS[0]] * 2, reference_date=["2025-02-18", "2025-03-04"])
    assert [e.when.value for e in a if e.when] == ["2025-02-17"]
    assert [e.when.value for e in b if e.when] == ["2025-03-03"]


def test_extract_document_on_a_parse_matches_extract(extractor):
    text = TEXTS[2]
    assert extractor.extract_document(extractor.pipeline(text), reference_date=REFERENCE) == \
        extractor.extract(text, reference_date=REFERENCE)


def test_module_level_function():
    events = eventx.extract_events(TEXTS[0], reference_date=REFERENCE)
    assert any(e.type == "COERCE" for e in events)


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "eventx", *args], input=stdin, capture_output=True, text=True)


def test_cli_jsonl_on_the_seed():
    result = _cli(str(SEED), "--reference-date", REFERENCE, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["type"] == "CONSULT" and r["trigger"]["text"] == "gathered" for r in rows)
    assert all(r["id"] == str(SEED) for r in rows)


def test_cli_reads_stdin_and_prints_a_table():
    result = _cli("--format", "table", stdin=TEXTS[0])
    assert result.returncode == 0, result.stderr
    title, header, *rows = result.stdout.splitlines()
    assert title.startswith("<stdin>: ") and header.split()[:3] == ["sent", "type", "trigger"]
    assert any("COERCE" in row and "arrested" in row for row in rows)


def test_cli_json_groups_by_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXTS[3], encoding="utf-8")
    result = _cli(str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)
    assert doc["id"] == str(path) and doc["events"]


@pytest.mark.parametrize("args", [["/nonexistent/file.txt"], ["--reference-date", "not a date"]])
def test_cli_errors_exit_2(args):
    result = _cli(*args, stdin="Police arrested a man.")
    assert result.returncode == 2
    assert "error" in result.stderr
