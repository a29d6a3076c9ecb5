"""PLOVER JSON records (Event.to_plover): the manual's fields and coding conventions,
on gold parses (no model needed) and on the seed article (model)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import conllu, only

import eventx
from eventx._outputs._plover_json import sentence_span

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
INF = "VerbForm=Inf"
REFERENCE = "2025-02-20"
CRITICIZED = "Vance/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " Europe/PROPN/2/obj ./PUNCT/2/punct"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"

#: The categories of the PLOVER manual (draft 2.0).
PLOVER_CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_NULLABLE_STR = {"type": ["string", "null"]}
_LIST_OR_NULL = {"type": ["array", "null"], "items": {"type": "string"}, "minItems": 1}
_ENTITY = {
    "type": "object",
    "required": ["entity_text"],
    "properties": {"entity_text": {"type": "string"}, "code": _NULLABLE_STR, "sector": _NULLABLE_STR,
                   "identifier_id": _NULLABLE_STR, "identifier_text": _NULLABLE_STR},
}
#: The manual's "PLOVER JSON" table and its entity, text and location objects: the
#: required fields (id, date, actor, event) and the types of every field eventx fills.
PLOVER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "date", "actor", "event"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "has_event": {"type": "boolean"},
        "date": _DATE,
        "time": _NULLABLE_STR,
        "enddate": {"anyOf": [_DATE, {"type": "null"}]},
        "actor": {"type": "array", "items": _ENTITY},
        "recipient": {"type": "array", "items": _ENTITY},
        "event": {"type": "array", "minItems": 1, "items": {"enum": PLOVER_CATEGORIES}},
        "event_loc": {"anyOf": [{"type": "null"}, {
            "type": "object", "required": ["extracted_place"],
            "properties": {"extracted_place": {"type": "string"}, "resolved_place": _NULLABLE_STR,
                           "geonameid": {"type": ["integer", "null"]}, "lat": {"type": ["number", "null"]},
                           "lon": {"type": ["number", "null"]}, "country_code": _NULLABLE_STR}}]},
        "event_text": {"type": "array", "items": {"type": "string"}},
        "quad_code": {"enum": [1, 2, 3, 4]},
        "event_scale": {"type": "number", "minimum": -10, "maximum": 10},
        "mode": _LIST_OR_NULL,
        "context": _LIST_OR_NULL,
        "text": _NULLABLE_STR,
        "text_info": {"type": "object", "required": ["sequence"],
                      "properties": {"sequence": {"type": "integer", "minimum": 0},
                                     "start": {"type": "integer"}, "end": {"type": "integer"}}},
        "coder": {"type": "string"},
        "coded_date": _DATE,
    },
}
VALIDATOR = jsonschema.Draft202012Validator(PLOVER_SCHEMA)

#: sentence → PLOVER event, mode, context, actors, recipients, date, enddate, eventx type
RECORDS = [
    pytest.param("Rubio/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Lavrov/PROPN/2/obj in/ADP/5/case "
                 "Riyadh/PROPN/2/obl on/ADP/7/case Tuesday/PROPN/2/obl ./PUNCT/2/punct", "meet",
                 ("CONSULT", None, None, ["Rubio", "Lavrov"], [], "2025-02-18", None),
                 id="meeting-all-actors-dated-by-its-time"),
    pytest.param("Rubio/PROPN/3/nsubj will/AUX/3/aux meet/VERB/0/root/" + INF + " Lavrov/PROPN/3/obj on/ADP/6/case "
                 "Tuesday/PROPN/3/obl ./PUNCT/3/punct", "meet",
                 ("AGREE", None, None, ["Rubio"], ["Lavrov"], REFERENCE, None), id="future-consult-is-agree"),
    pytest.param("Rubio/PROPN/4/nsubj and/CCONJ/3/cc Lavrov/PROPN/1/conj met/meet/VERB/0/root/" + PAST + " ./PUNCT/4/punct",
                 "meet", ("CONSULT", None, None, ["Rubio", "Lavrov"], [], REFERENCE, None), id="reciprocal-all-actors"),
    pytest.param("Macron/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Kyiv/PROPN/2/obj ./PUNCT/2/punct", "visit",
                 ("CONSULT", ["visit"], None, ["Macron"], [], REFERENCE, None), id="visit-mode"),
    pytest.param("Macron/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Zelensky/PROPN/2/obj ./PUNCT/2/punct", "visit",
                 ("CONSULT", ["visit"], None, ["Macron"], ["Zelensky"], REFERENCE, None), id="visitor-actor-host-recipient"),
    pytest.param(CRITICIZED, "criticize", ("ACCUSE", ["disapprove"], None, ["Vance"], ["Europe"], REFERENCE, None),
                 id="disapprove-is-accuse-disapprove"),
    # "reforms" (WordNet noun.act, naming no entity) is what is demanded, no recipient: PLOVER recipients are actors
    pytest.param("Protesters/protester/NOUN/2/nsubj demanded/demand/VERB/0/root/" + PAST + " reforms/reform/NOUN/2/obj "
                 "./PUNCT/2/punct", "demand", ("REQUEST", None, None, ["Protesters"], [], REFERENCE, None),
                 id="demand-is-request"),
    pytest.param("Russia/PROPN/4/nsubj did/do/AUX/4/aux not/PART/4/advmod attack/VERB/0/root/" + INF
                 + " Ukraine/PROPN/4/obj ./PUNCT/4/punct", "attack",
                 ("ASSAULT", None, ["negation"], ["Russia"], ["Ukraine"], REFERENCE, None), id="negation-context"),
    pytest.param("Rebels/rebel/NOUN/3/nsubj could/AUX/3/aux attack/VERB/0/root/" + INF + " the/DET/5/det town/NOUN/3/obj "
                 "./PUNCT/3/punct", "attack", ("ASSAULT", None, ["hypothetical"], ["Rebels"], ["the town"], REFERENCE, None),
                 id="hypothetical-context"),
    pytest.param("Japan/PROPN/3/nsubj will/AUX/3/aux send/VERB/0/root/" + INF + " aid/NOUN/3/obj to/ADP/6/case "
                 "Haiti/PROPN/3/obl ./PUNCT/3/punct", "send aid", ("AGREE", None, None, ["Japan"], ["Haiti"], REFERENCE, None),
                 id="future-aid-is-agree-without-auxiliary"),
    # "the deal" (WordNet noun.act, naming no entity) is no recipient: PLOVER recipients are actors
    pytest.param("Iran/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod accept/VERB/0/root/" + INF + " the/DET/6/det "
                 "deal/NOUN/4/obj ./PUNCT/4/punct", "accept", ("REJECT", None, None, ["Iran"], [], REFERENCE, None),
                 id="refusal-is-reject-without-auxiliary"),
    pytest.param("Troops/troop/NOUN/2/nsubj withdrew/withdraw/VERB/0/root/" + PAST + " last/ADJ/4/amod week/NOUN/2/obl:tmod "
                 "./PUNCT/2/punct", "withdraw", ("RETREAT", None, None, ["Troops"], [], "2025-02-10", "2025-02-16"),
                 id="week-is-date-and-enddate"),
]


@pytest.mark.parametrize(("parse", "lemma", "expected"), RECORDS)
def test_record_coding(extractor, parse, lemma, expected):
    event = only(extractor.extract_document(conllu(parse), reference_date=REFERENCE), lemma)
    record = event.to_plover(document_id="doc", date=REFERENCE)
    VALIDATOR.validate(record)
    got = (record["event"][0], record["mode"], record["context"], [a["entity_text"] for a in record["actor"]],
           [r["entity_text"] for r in record["recipient"]], record["date"], record["enddate"])
    assert got == expected
    assert record["eventx"]["type"] == event.type and record["eventx"]["modality"] == event.modality
    assert record["event_text"] == [event.trigger.text]
    assert record["id"] == f"doc-{event.sentence}-{event.trigger.start}-{event.trigger.end}"


def test_record_fields(extractor):
    doc = extractor.extract_document(conllu(RECORDS[0].values[0]), reference_date=REFERENCE)
    record = only(doc, "meet").to_plover(date=dt.date(2025, 2, 20))
    assert record["quad_code"] == 1 and record["event_scale"] == 2.5
    assert record["event_loc"]["extracted_place"] == "Riyadh"
    assert record["coder"] == f"eventx {eventx.__version__}"
    assert record["coded_date"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert record["has_event"] is True
    assert record["text"] is None and record["text_info"] == {"sequence": 0}  # no document given
    assert record["id"].startswith("eventx-0-")


def test_text_is_the_events_sentence(extractor):
    parse = conllu("Talks/talk/NOUN/2/nsubj ended/end/VERB/0/root/" + PAST + " ./PUNCT/2/punct",
                   CRITICIZED)
    event = only(extractor.extract_document(parse), "criticize")
    text = "Talks ended. Vance criticized Europe."
    assert text[event.trigger.start:event.trigger.end] == "criticized"  # the text the parse rebuilds
    record = event.to_plover(document_id="d1", date=REFERENCE, text=text)
    assert record["text"] == "Vance criticized Europe."
    info = record["text_info"]
    assert info["sequence"] == 1 and text[info["start"]:info["end"]] == record["text"]
    no_id = event.to_plover(date=REFERENCE, text=text)
    assert re.fullmatch(r"eventx-[0-9a-f]{12}-1-\d+-\d+", no_id["id"])  # a hash of the document


SENTENCES = [
    pytest.param("U.S. President Trump met Putin. Talks followed.", "met", "U.S. President Trump met Putin.", id="initials"),
    pytest.param("Mr. Smith resigned. Gen. Lee met Dr. Kim on Jan. 5. It rained.", "met",
                 "Gen. Lee met Dr. Kim on Jan. 5.", id="titles-and-months"),
    pytest.param("Headline Without A Point\n\nLeaders met in Paris.", "met", "Leaders met in Paris.", id="blank-line"),
    pytest.param("He said: \"We will meet.\" Others left.", "meet", "He said: \"We will meet.\"", id="closing-quote"),
    pytest.param("Why did they meet? Nobody knows.", "meet", "Why did they meet?", id="question"),
    pytest.param("They met", "met", "They met", id="no-end"),
]


@pytest.mark.parametrize(("text", "word", "sentence"), SENTENCES)
def test_sentence_span(text, word, sentence):
    start = text.index(word)
    left, right = sentence_span(text, start, start + len(word))
    assert text[left:right] == sentence


def test_no_plover_category(extractor):
    crime = extractor.extract_document(conllu("Smugglers/smuggler/NOUN/2/nsubj stole/steal/VERB/0/root/" + PAST
                                              + " fuel/NOUN/2/obj ./PUNCT/2/punct"))
    with pytest.raises(ValueError, match="'CRIME' has no PLOVER category"):
        only(crime, "steal").to_plover(date=REFERENCE)
    untyped = eventx.Event(type=None, quad=None, trigger=eventx.Trigger("said", 0, 4, "say"))
    with pytest.raises(ValueError, match="None has no PLOVER category"):
        untyped.to_plover(date=REFERENCE)


def test_bad_arguments(extractor):
    event = only(extractor.extract_document(conllu(CRITICIZED)), "criticize")
    with pytest.raises(ValueError, match="needs a date"):
        event.to_plover()
    with pytest.raises(ValueError, match="not a valid date|is not a date"):
        event.to_plover(date="2025-13-45")
    with pytest.raises(TypeError, match="date must be"):
        event.to_plover(date=20250220)
    with pytest.raises(TypeError, match="document_id must be"):
        event.to_plover(document_id=7, date=REFERENCE)
    with pytest.raises(TypeError, match="text must be"):
        event.to_plover(date=REFERENCE, text=b"Vance criticized Europe.")
    for wrong in ("Vance", "Vance praised Europe."):
        with pytest.raises(ValueError, match="does not match the event's offsets"):
            event.to_plover(date=REFERENCE, text=wrong)


@pytest.mark.model
def test_seed_article_records(extractor):
    text = SEED.read_text(encoding="utf-8")
    events = extractor.extract(text, reference_date="2025-02-17")
    records = [e.to_plover(document_id="seed", date="2025-02-17", text=text) for e in events
               if e.type not in (None, "CRIME")]
    assert len(records) >= 20
    for record in records:
        VALIDATOR.validate(record)
        info = record["text_info"]
        assert text[info["start"]:info["end"]] == record["text"]
        assert all(text[a["start"]:a["end"]] == a["entity_text"] for a in record["actor"] + record["recipient"])
    assert len({r["id"] for r in records}) == len(records)
    meet = next(r for r in records if r["event_text"] == ["meet"])
    assert meet["event"] == ["AGREE"] and meet["eventx"]["type"] == "AGREE"  # "are expected to meet": a future meeting
    assert {"Secretary of State Marco Rubio", "Russian Foreign Minister Sergey Lavrov"} <= {
        a["entity_text"] for a in meet["actor"]}
    assert meet["text"].startswith("Secretary of State Marco Rubio and Russian Foreign Minister")
