"""The MEANTIME dev error dump: matched events whose who or whom is wrong."""

from __future__ import annotations

from pathlib import Path

from test_eval_meantime import data, fake_extract  # noqa: F401 - ``data`` is a fixture

from eventx.evaluate._meantime import evaluate_meantime


def test_errors_list_the_matched_events_with_a_wrong_role(data: Path) -> None:  # noqa: F811
    errors: list[dict] = []
    evaluate_meantime(fake_extract, data, corpora=("airbus",), errors=errors)
    # the first attack has the gold who and whom; the second has a wrong who and no whom
    assert len(errors) == 1
    error = errors[0]
    assert error["doc"] == "airbus" and error["trigger"] == "attack" and error["type"] == "ASSAULT"
    assert error["pred_who"] == ["town"] and error["pred_whom"] == []
    assert error["gold_who"] and error["gold_whom"]
    assert error["trigger"] in error["sentence"]


def test_no_errors_collected_by_default(data: Path) -> None:  # noqa: F811
    result = evaluate_meantime(fake_extract, data, corpora=("airbus",))
    assert "errors" not in result
