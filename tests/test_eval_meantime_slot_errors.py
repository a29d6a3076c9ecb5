"""The MEANTIME dev error dump for where and when (``error_slots``)."""

from __future__ import annotations

from pathlib import Path

from test_eval_meantime import data, event, fake_extract, part, span  # noqa: F401 - ``data`` is a fixture

from eventx import TimeExpression
from eventx.evaluate._meantime import evaluate_meantime


def test_where_and_when_errors_are_listed_with_their_values(data: Path) -> None:  # noqa: F811
    def extract(text: str, reference_date: str | None) -> list:
        s, e = span(text, "Monday")
        # the negated attack: gold where Paris and when 2010-05-03; here another place and day
        return [event(text, "attack", 1, where=part(text, "rebels"), when=TimeExpression("Monday", s, e, "2010-05-04"))]

    errors: list[dict] = []
    evaluate_meantime(extract, data, corpora=("airbus",), errors=errors, error_slots=("where", "when"))
    assert len(errors) == 1
    error = errors[0]
    assert error["wrong"] == ["where", "when"]
    assert error["gold_where"] == ["Paris"] and error["pred_where"] == ["rebels"]
    assert error["gold_when"] == ["2010-05-03"] and error["pred_when"] == ["Monday = 2010-05-04"]


def test_right_where_and_when_are_no_errors(data: Path) -> None:  # noqa: F811
    errors: list[dict] = []
    evaluate_meantime(fake_extract, data, corpora=("airbus",), errors=errors, error_slots=("where", "when"))
    assert errors == []
