"""PLOVER gold-standard scorer, with a fake extractor on inline records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventx
from eventx._types import Event, Participant, Trigger
from eventx.evaluate._matching import data_dir
from eventx.evaluate._plover import evaluate_plover, load_plover_records, main, plover_part

T_ASSAULT = "Israeli soldiers beat up Palestinian detainees."
T_AGREE = "The United States and Jordan have agreed upon a new pact."
T_REQUEST = "Rebels demanded that the government release prisoners."
T_MISS = "Protesters marched in the capital."

RECORDS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "docs"},
    {"id": "X-1", "event": "FIGHT", "text": T_ASSAULT, "language": "en", "date": "2000-01-01",
     "source": [{"actorText": "Israeli soldiers"}], "target": [{"actorText": "Palestinian"}]},
    {"id": "X-2", "event": "AGREE", "text": T_AGREE, "language": "en", "date": "2000-01-01",
     "source": [{"actorText": "United States"}, {"actorText": "Jordan"}], "target": ""},
    {"id": "X-3", "event": "DEMAND", "text": T_REQUEST, "language": "en", "date": "2000-01-01",
     "source": [{"actorText": "Rebels"}], "target": [{"actorText": "government"}]},
    {"id": "X-4", "event": "PROTEST", "text": T_MISS, "language": "en", "date": "2000-01-01",
     "source": [{"actorText": "Protesters"}], "target": "diplomatic"},
    {"id": "X-5", "event": "AGREE", "text": "Les deux pays sont d'accord.", "language": "fr",
     "source": [{"actorText": "pays"}]},
]


def part(text: str, word: str) -> Participant:
    start = text.index(word)
    return Participant(word, start, start + len(word), word.split()[-1])


def event(text: str, trigger: str, type_: str | None, who: tuple[str, ...] = (),
          whom: tuple[str, ...] = ()) -> Event:
    start = text.index(trigger)
    trig = Trigger(trigger, start, start + len(trigger), trigger)
    return Event(type=type_, quad=None, trigger=trig,
                 who=tuple(part(text, w) for w in who), whom=tuple(part(text, w) for w in whom))


def fake_extract(text: str, reference_date: str | None) -> list[Event]:
    assert reference_date == "2000-01-01"
    if text == T_ASSAULT:  # type, source ("soldiers" shares a word) and target right
        return [event(text, "beat up", "ASSAULT", ("soldiers",), ("Palestinian detainees",))]
    if text == T_AGREE:  # type and source right ("The United States and Jordan" contains them)
        return [event(text, "agreed", "AGREE", ("The United States and Jordan",))]
    if text == T_REQUEST:  # the actors sit on an event of the wrong type: source/target missed
        return [event(text, "demanded", "DISAPPROVE", ("Rebels",), ("government",)),
                event(text, "release", "DEMAND")]
    return [event(text, "marched", None, ("Protesters",))]  # untyped: everything missed


@pytest.fixture()
def gsr(tmp_path: Path) -> Path:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


def test_loader_skips_documents_and_other_languages_and_maps_legacy_types(gsr: Path) -> None:
    recs = load_plover_records(gsr)
    assert [r["id"] for r in recs] == ["X-1", "X-2", "X-3", "X-4"]
    assert [r["gold_type"] for r in recs] == ["ASSAULT", "AGREE", "DEMAND", "PROTEST"]
    assert recs[0]["original_type"] == "FIGHT"
    assert recs[1]["targets"] == [] and recs[3]["targets"] == []  # "" and a stray string
    assert recs[1]["sources"] == ["United States", "Jordan"]
    assert load_plover_records(gsr, type_map={})[0]["gold_type"] == "FIGHT"


def test_scores_follow_the_matching_definition(gsr: Path) -> None:
    res = evaluate_plover(fake_extract, gsr)
    o = res["overall"]
    assert res["records"] == 4
    assert (o["records"], o["type_hit"]) == (4, 3)
    assert (o["source_n"], o["source_hit"]) == (4, 2)
    assert (o["target_n"], o["target_hit"]) == (2, 1)  # only records with a target count
    assert (o["type_recall"], o["source_rate"], o["target_rate"]) == (0.75, 0.5, 0.5)
    pt = res["per_type"]
    assert set(pt) == {"ASSAULT", "AGREE", "DEMAND", "PROTEST"}
    req = pt["DEMAND"]
    assert (req["type_hit"], req["source_hit"], req["target_hit"]) == (1, 0, 0)
    assert pt["PROTEST"]["type_recall"] == 0.0
    assert res["predicted_types"] == {
        "DISAPPROVE": 1, "AGREE": 1, "ASSAULT": 1, "None": 1, "DEMAND": 1}
    misses = {m["id"]: m["missed"] for m in res["misses"]}
    assert misses == {"X-3": ["source", "target"], "X-4": ["type", "source"]}
    assert evaluate_plover(fake_extract, gsr, limit=1)["records"] == 1


def test_main_writes_misses(gsr: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    class FakeExtractor:
        def extract(self, text: str, reference_date: str | None = None) -> list[Event]:
            return fake_extract(text, reference_date)

    monkeypatch.setattr(eventx, "Extractor", FakeExtractor, raising=False)
    misses = tmp_path / "misses.jsonl"
    assert main(["--path", str(gsr), "--misses", str(misses)]) == 0
    out = capsys.readouterr().out
    assert "ALL" in out and "gap (test - dev)" in out
    # X-3 (position 2) is the test part: its misses are not written by default
    lines = [json.loads(line) for line in misses.read_text(encoding="utf-8").splitlines()]
    assert [m["id"] for m in lines] == ["X-4"]
    assert lines[0]["events"][0]["trigger"] == "marched"
    # dev: 3 records, 2 type hits; test: X-3 alone, a type hit with no source
    gap_rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("type", "source"))}
    assert gap_rows["type"][2:] == ["0.667", "1.000", "+0.333"]
    assert gap_rows["source"][1:] == ["0.667", "0.000", "-0.667"]
    assert main(["--path", str(gsr), "--part", "test", "--misses", str(misses)]) == 0
    assert "DEMAND" in capsys.readouterr().out
    assert [json.loads(line)["id"] for line in misses.read_text(encoding="utf-8").splitlines()] == ["X-3"]


@pytest.mark.parametrize(("position", "part"), [
    (0, "dev"), (1, "dev"), (2, "test"), (3, "dev"), (4, "dev"), (5, "test"), (8, "test"), (158, "test"),
    (160, "dev"),
])
def test_every_third_record_is_test(position: int, part: str) -> None:
    assert plover_part(position) == part


@pytest.mark.parametrize(("bad", "error"), [(-1, ValueError), (2.0, TypeError), (True, TypeError)])
def test_part_rejects_bad_positions(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        plover_part(bad)  # type: ignore[arg-type]


def test_parts_are_disjoint_and_cover_the_records(gsr: Path) -> None:
    recs = load_plover_records(gsr)
    assert [(r["position"], r["part"]) for r in recs] == [(0, "dev"), (1, "dev"), (2, "test"), (3, "dev")]
    dev = evaluate_plover(fake_extract, gsr, part="dev")
    test = evaluate_plover(fake_extract, gsr, part="test")
    assert (dev["part"], dev["records"], test["part"], test["records"]) == ("dev", 3, "test", 1)
    assert dev["overall"]["type_hit"] + test["overall"]["type_hit"] == evaluate_plover(fake_extract, gsr)["overall"]["type_hit"]
    with pytest.raises(ValueError, match="part"):
        evaluate_plover(fake_extract, gsr, part="train")


@pytest.mark.data
def test_real_plover_file_loads() -> None:
    path = data_dir() / "plover" / "PLOVER_GSR_CAMEO.public.json"
    if not path.is_file():
        pytest.skip(f"PLOVER GSR not found at {path}: set EVENTX_DATA to the shared data folder")
    recs = load_plover_records(path)
    assert len(recs) >= 100
    assert all(r["text"] and r["gold_type"] not in ("FIGHT", "DOCUMENT") for r in recs)
    assert sum(bool(r["sources"]) for r in recs) >= 0.9 * len(recs)
    test = [r for r in recs if r["part"] == "test"]
    assert len(test) == len(recs) // 3 and {r["position"] % 3 for r in test} == {2}
