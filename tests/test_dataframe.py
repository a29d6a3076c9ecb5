"""eventx.to_dataframe: flat columns, extract_many results with errors, empty input."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import attrs
import pandas as pd
import pytest
from conftest import conllu

import eventx
from eventx._outputs._dataframe import COLUMNS

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
MET = ("Rubio/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Lavrov/PROPN/2/obj in/ADP/5/case Riyadh/PROPN/2/obl "
       "on/ADP/7/case Tuesday/PROPN/2/obl ./PUNCT/2/punct")
CRITICIZED = "Vance/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " Europe/PROPN/2/obj ./PUNCT/2/punct"


def _person(text, start, **fields):
    return eventx.Participant(text=text, start=start, end=start + len(text), head=text.split()[-1], kind="PERSON",
                              **fields)


#: A hand-built event whose participants carry resolved fields.
RESOLVED = eventx.Event(
    type="CONSULT", quad="VERBAL_COOPERATION", trigger=eventx.Trigger("met", 22, 25, "meet"),
    who=(_person("Marco Rubio", 0, canonical="Marco Rubio", country="USA", sector="GOV"),
         _person("Sergey Lavrov", 16, canonical="Sergey Lavrov", country="RUS", sector="GOV"),
         _person("an aide", 0, country="USA")),
    whom=(),
    where=eventx.Participant("Riyadh", 29, 35, "Riyadh", "GPE", country="SAU"),
    when=eventx.TimeExpression("Tuesday", 39, 46, "2025-02-18", "DATE", "day", dt.date(2025, 2, 18), dt.date(2025, 2, 18)),
    modality="future", sentence=2)


@pytest.fixture(scope="module")
def gold(extractor):
    return (extractor.extract_document(conllu(MET), reference_date="2025-02-20"),
            extractor.extract_document(conllu(CRITICIZED)))


def test_one_document(gold):
    frame = eventx.to_dataframe(gold[0])
    assert list(frame.columns) == list(COLUMNS)
    row = frame.iloc[0]
    assert (row.document, row.type, row.quad, row.trigger, row.trigger_lemma) == (0, "CONSULT", "VERBAL_COOPERATION",
                                                                                    "met", "meet")
    assert (row.who, row.whom, row["where"], row.when, row.when_value, row.when_type) == (
        "Rubio", "Lavrov", "Riyadh", "Tuesday", "2025-02-18", "DATE")
    assert row.earliest == pd.Timestamp("2025-02-18") and row.latest == pd.Timestamp("2025-02-18")
    assert (row.negated, row.modality, row.sentence) == (False, "asserted", 0)
    assert (row.trigger_start, row.trigger_end) == (gold[0][0].trigger.start, gold[0][0].trigger.end)


def test_resolved_fields_are_joined():
    row = eventx.to_dataframe([RESOLVED]).iloc[0]
    assert row.who == "Marco Rubio; Sergey Lavrov; an aide"
    assert row.who_canonical == "Marco Rubio; Sergey Lavrov"  # only known values
    assert row.who_country == "USA; RUS" and row.who_sector == "GOV"  # distinct, in order
    assert row.whom is None and row.whom_country is None
    assert (row["where"], row.where_country) == ("Riyadh", "SAU")
    assert (row.modality, row.sentence) == ("future", 2)


def test_extract_many_results(gold):
    error = eventx.ExtractionError(1, "ValueError", "bad input")
    frame = eventx.to_dataframe([gold[0], error, gold[1], []])
    assert frame["document"].tolist() == [0] * len(gold[0]) + [2] * len(gold[1])
    assert frame.attrs["errors"] == [{"document": 1, "error_type": "ValueError", "message": "bad input"}]
    named = eventx.to_dataframe(iter([gold[0], error, gold[1]]), document_ids=["a", "b", "c"])
    assert set(named["document"]) == {"a", "c"} and named.attrs["errors"][0]["document"] == "b"
    assert named[named.document == "c"].iloc[0].type == "DISAPPROVE"


@pytest.mark.parametrize("empty", [[], iter(()), [[], []]])
def test_empty(empty):
    frame = eventx.to_dataframe(empty)
    assert frame.empty and list(frame.columns) == list(COLUMNS)
    assert frame.attrs["errors"] == []
    assert str(frame["negated"].dtype) == "bool" and str(frame["earliest"].dtype).startswith("datetime64")


def test_dtypes(gold):
    frame = eventx.to_dataframe(gold[0] + gold[1])
    assert str(frame["trigger_start"].dtype) == "int64" and str(frame["sentence"].dtype) == "int64"
    assert frame["earliest"].isna().tolist() == [e.when is None for e in gold[0] + gold[1]]


BAD = [
    pytest.param("Rubio met Lavrov", TypeError, "must be an iterable", id="a-string"),
    pytest.param(RESOLVED, TypeError, "must be an iterable", id="one-event"),
    pytest.param([RESOLVED, [RESOLVED]], TypeError, "among events", id="mixed-flat-first"),
    pytest.param([[RESOLVED], RESOLVED], TypeError, "among lists", id="mixed-nested-first"),
    pytest.param([{"type": "CONSULT"}], TypeError, r"events\[0\] must be", id="a-dict"),
    pytest.param([[RESOLVED, "x"]], TypeError, r"events\[0\] must be", id="a-list-with-junk"),
]


@pytest.mark.parametrize(("events", "error", "message"), BAD)
def test_bad_input(events, error, message):
    with pytest.raises(error, match=message):
        eventx.to_dataframe(events)


def test_bad_document_ids():
    with pytest.raises(ValueError, match="document_ids has 1 ids"):
        eventx.to_dataframe([[RESOLVED], [RESOLVED]], document_ids=["a"])
    with pytest.raises(TypeError, match="document_ids must be a sequence"):
        eventx.to_dataframe([[RESOLVED]], document_ids="a")


def test_without_pandas_names_the_extra():
    code = ("import sys; sys.modules['pandas'] = None\nimport eventx\n"
            "try:\n    eventx.to_dataframe([])\nexcept ImportError as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'eventx-nlp[pandas]'" in out


@pytest.mark.parametrize(("earliest", "latest"), [
    (dt.date(1492, 10, 12), dt.date(1492, 10, 12)),  # before 1677, where nanoseconds begin
    (dt.date(2300, 1, 1), dt.date(2300, 12, 31)),  # after 2262, where they end
    (dt.datetime(2025, 2, 18, 10, 30), dt.datetime(2025, 2, 18, 10, 30)),
])
def test_dates_outside_the_nanosecond_range_are_kept(earliest, latest):
    when = eventx.TimeExpression("then", 39, 43, earliest.isoformat()[:10], "DATE", "day", earliest, latest)
    row = eventx.to_dataframe([attrs.evolve(RESOLVED, when=when)]).iloc[0]
    assert (row.earliest.to_pydatetime(), row.latest.to_pydatetime()) == tuple(
        d if isinstance(d, dt.datetime) else dt.datetime.combine(d, dt.time()) for d in (earliest, latest))
