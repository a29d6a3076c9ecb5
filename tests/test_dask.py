"""eventx.dask: Bags and DataFrames of articles → events, per-worker Extractors, error records."""

from __future__ import annotations

import subprocess
import sys

import pytest

dask = pytest.importorskip("dask", reason="the dask extra is not installed: pip install 'eventx-nlp[dask]'")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from test_scale import GOLD_TEXT, GoldParser  # noqa: E402

import eventx  # noqa: E402
import eventx.dask as eventx_dask  # noqa: E402

DATE = "2025-02-20"


@pytest.fixture
def gold_workers(monkeypatch):
    """Workers whose Extractor parses with gold parses (no model), run in this process."""
    ex = eventx.Extractor(model_dir="/nonexistent/models")
    monkeypatch.setattr(ex, "_parse", GoldParser())
    monkeypatch.setattr(eventx_dask, "_worker_extractor", lambda options: ex)
    with dask.config.set(scheduler="synchronous"):
        yield ex


def test_missing_dask_names_the_extra():
    code = ("import sys; sys.modules['dask'] = None\n"
            "try:\n    import eventx.dask\nexcept ImportError as e:\n    print(e)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install \"eventx-nlp[dask]\"" in out


def test_bag_of_texts_ids_are_positions_across_partitions(gold_workers):
    bag = db.from_sequence([GOLD_TEXT, "", GOLD_TEXT, 42, GOLD_TEXT], npartitions=3)
    rows = eventx_dask.extract_bag(bag, reference_date="2025-02-17").compute()
    events = [r for r in rows if "error" not in r]
    assert [r["id"] for r in events] == [0, 2, 4]
    assert all(r["type"] == "ASSAULT" and r["when"]["value"] == "2025-02-16" for r in events)
    assert [r for r in rows if "error" in r] == [
        {"id": 3, "error": {"index": 3, "error_type": "TypeError", "message": "text must be a str, got int"}}]


def test_bag_of_records_keeps_ids_and_dates(gold_workers):
    records = [{"id": "a", "text": GOLD_TEXT, "date": "2025-03-10"}, {"id": "b", "text": GOLD_TEXT},
               {"id": "c", "text": "BAD text"}]
    rows = eventx_dask.extract_bag(db.from_sequence(records, npartitions=2), reference_date=DATE).compute()
    assert [(r["id"], r.get("when", {}).get("value")) for r in rows if "error" not in r] == [
        ("a", "2025-03-09"), ("b", "2025-02-19")]
    (error,) = [r for r in rows if "error" in r]
    assert error["id"] == "c" and error["error"]["error_type"] == "RuntimeError"


def test_dataframe_has_flat_columns_and_error_rows(gold_workers):
    frame = pd.DataFrame({"id": ["x", "y", "z"], "text": [GOLD_TEXT, None, ""], "date": [DATE, DATE, None]})
    result = eventx_dask.extract_dataframe(dd.from_pandas(frame, npartitions=2))
    assert list(result.columns) == list(eventx_dask.EVENT_COLUMNS)
    computed = result.compute()
    assert list(computed.columns) == list(eventx_dask.EVENT_COLUMNS)
    event = computed[computed["id"] == "x"].iloc[0]
    assert (event["type"], event["trigger"], event["trigger_start"], event["who"], event["whom"]) == (
        "ASSAULT", "attacked", 7, "Russia", "Ukraine")
    assert (event["when_value"], bool(event["negated"]), event["modality"]) == ("2025-02-19", False, "asserted")
    # the same row as eventx.to_dataframe: resolved codes and the interval's dates too
    assert (event["who_country"], event["whom_country"], event["when_type"]) == ("RUS", "UKR", "DATE")
    assert event["earliest"] == pd.Timestamp("2025-02-19") and str(computed["earliest"].dtype) == "datetime64[s]"
    error = computed[computed["id"] == "y"].iloc[0]
    assert error["error"].startswith("TypeError") and pd.isna(error["type"])
    assert "z" not in set(computed["id"])  # an empty text has no events


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"text": "body"}, "text column 'body'"),
    ({"id": "doc"}, "id column 'doc'"),
    ({"date": "day"}, "date column 'day'"),
])
def test_dataframe_columns_are_checked(kwargs, match):
    ddf = dd.from_pandas(pd.DataFrame({"id": [1], "text": ["t"]}), npartitions=1)
    with pytest.raises(ValueError, match=match):
        eventx_dask.extract_dataframe(ddf, **kwargs)


def test_unknown_extractor_option():
    with pytest.raises(TypeError, match="unknown Extractor options"):
        eventx_dask.extract_bag(db.from_sequence(["t"]), batchsize=3)


@pytest.mark.model
def test_local_cluster_with_two_worker_processes():
    from dask.distributed import Client, LocalCluster

    texts = ["Rubio met Lavrov in Riyadh on Tuesday.", "Protesters clashed with police in Paris on Monday.",
             "Russia attacked Ukraine yesterday.", "The minister visited Kyiv on Friday."]
    expected = [{"id": i, **e.to_dict()} for i, events in enumerate(eventx.Extractor().extract_many(
        texts, reference_date=DATE)) for e in events]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        rows = eventx_dask.extract_bag(db.from_sequence(texts, npartitions=2), reference_date=DATE).compute()
        frame = dd.from_pandas(pd.DataFrame({"id": list(range(len(texts))), "text": texts}), npartitions=2)
        flat = eventx_dask.extract_dataframe(frame, date=None).compute()
        workers = client.run(lambda: len(eventx_dask._extractors))  # one Extractor per worker, reused
    assert rows == expected
    assert len(flat) == len(expected) and list(flat["trigger"]) == [r["trigger"]["text"] for r in expected]
    assert sorted(workers.values()) == [1, 1]


def test_lazy_partitions_are_read_once(gold_workers):
    bag = db.from_sequence(["1", "2", "3"], npartitions=2).map(lambda n: GOLD_TEXT)  # map: iterator partitions
    rows = eventx_dask.extract_bag(bag).compute()
    assert [r["id"] for r in rows] == [0, 1, 2]
