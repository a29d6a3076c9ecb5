"""The TempEval-3 scorer on a tiny inline TimeML document."""

from __future__ import annotations

import datetime as dt

import pytest

from eventx.evaluate._tempeval import (
    corpus_files,
    evaluate_tempeval,
    format_report,
    main,
    read_timeml,
    split_of,
)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-21" temporalFunction="false" functionInDocument="CREATION_TIME">March 21, 2013</TIMEX3></DCT>
<TITLE>Header with <TIMEX3 tid="t90" type="DATE" value="2013-03-20" functionInDocument="NONE">yesterday</TIMEX3> outside TEXT</TITLE>
<TEXT>
Officials <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-20" temporalFunction="true" functionInDocument="NONE">yesterday</TIMEX3> that AT&amp;T <EVENT eid="e2" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t2" type="DATE" value="2013-W11" functionInDocument="NONE">last week</TIMEX3>.
Talks lasted <TIMEX3 tid="t3" type="DURATION" value="P3D" functionInDocument="NONE">three days</TIMEX3> and will resume <TIMEX3 tid="t4" type="DATE" value="2013-03-28" functionInDocument="NONE">next Thursday</TIMEX3>.
The deal was signed <TIMEX3 tid="t5" type="DATE" value="2012-SU" functionInDocument="NONE">in the summer of 2012</TIMEX3>, in the <TIMEX3 tid="t6" type="DATE" value="2012-Q3" functionInDocument="NONE">third quarter</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml_recovers_text_offsets_and_dct():
    doc = read_timeml(TML)
    assert doc.doc_id == "TEST001"
    assert doc.dct == dt.date(2013, 3, 21)
    assert "AT&T" in doc.text and "<" not in doc.text
    assert [g.text for g in doc.timexes] == [
        "yesterday", "last week", "three days", "next Thursday", "in the summer of 2012", "third quarter",
    ]
    for g in doc.timexes:
        assert doc.text[g.start:g.end] == g.text
    assert all(g.value != "2013-03-21" for g in doc.timexes)  # the DCT itself is not scored


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "tempeval3"
    (root / "TimeBank").mkdir(parents=True)
    (root / "TimeBank" / "TEST001.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_evaluate_tempeval_counts(corpus):
    result = evaluate_tempeval(corpus, corpora=("TimeBank",))
    total = result["total"]
    assert result["corpora"]["TimeBank"] == total
    assert total["documents"] == 1 and total["gold"] == 6
    # every gold expression is found (relaxed span recall 1.0)
    assert total["span_recall"] == 1.0
    # "in the summer of 2012" is tagged "the summer of 2012": relaxed match, not strict
    assert total["strict_f1"] < total["span_f1"]
    assert total["value_correct"] == 6
    assert total["value_f1"] == pytest.approx(2 * 6 / (total["predicted"] + 6))
    assert total["type_accuracy"] == 1.0


def test_evaluate_tempeval_writes_errors_and_limit(corpus, tmp_path):
    errors = tmp_path / "errors.tsv"
    result = evaluate_tempeval(corpus, corpora=("TimeBank",), limit=1, errors_path=errors)
    assert result["total"]["documents"] == 1
    assert errors.exists()


def test_missing_data_dir_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate_tempeval(tmp_path / "nowhere")


def test_main_prints_table(corpus, capsys):
    assert main(["--data-dir", str(corpus), "--corpus", "TimeBank"]) == 0
    out = capsys.readouterr().out
    assert "TimeBank" in out and "total" in out and "value F1" in out


def test_format_report_has_one_row_per_corpus(corpus):
    text = format_report(evaluate_tempeval(corpus, corpora=("TimeBank",), split="dev"))
    assert len(text.splitlines()) == 4
    assert text.splitlines()[-1].startswith("total dev")


def test_format_report_all_adds_dev_test_and_gap_rows(corpus):
    lines = format_report(evaluate_tempeval(corpus, corpora=("TimeBank",))).splitlines()
    assert [line.split()[0] for line in lines[2:]] == ["TimeBank", "total", "dev", "test", "gap", "(gap"]


# --- the dev/test split ---------------------------------------------------

@pytest.mark.parametrize(("position", "part"), [(0, "dev"), (1, "dev"), (2, "test"), (3, "dev"), (5, "test"), (8, "test")])
def test_split_rule_every_third_document_is_test(position, part):
    assert split_of(position) == part


@pytest.fixture
def seven_docs(tmp_path):
    """Seven copies of the test document, written out of name order."""
    folder = tmp_path / "tempeval3" / "TimeBank"
    folder.mkdir(parents=True)
    for name in ["g", "c", "a", "f", "b", "e", "d"]:
        (folder / f"{name}.tml").write_text(TML.replace("TEST001", name.upper()), encoding="utf-8")
    return tmp_path


def test_split_follows_file_name_order_and_is_disjoint_and_covering(seven_docs):
    root = seven_docs / "tempeval3"
    dev = [p.stem for p in corpus_files(root, "TimeBank", "dev")]
    test = [p.stem for p in corpus_files(root, "TimeBank", "test")]
    every = [p.stem for p in corpus_files(root, "TimeBank", "all")]
    assert every == ["a", "b", "c", "d", "e", "f", "g"]
    assert test == ["c", "f"]
    assert dev == ["a", "b", "d", "e", "g"]
    assert sorted(dev + test) == every


def test_evaluate_split_counts_add_up(seven_docs):
    result = evaluate_tempeval(seven_docs, corpora=("TimeBank",))
    dev, test = result["splits"]["dev"], result["splits"]["test"]
    assert (dev["documents"], test["documents"]) == (5, 2)
    assert dev["gold"] + test["gold"] == result["total"]["gold"] == 7 * 6
    assert result["gap"]["value_f1"] == pytest.approx(test["value_f1"] - dev["value_f1"])
    only_test = evaluate_tempeval(seven_docs, corpora=("TimeBank",), split="test")
    assert only_test["total"]["documents"] == 2 and "splits" not in only_test


def test_unknown_split_is_refused(seven_docs):
    with pytest.raises(ValueError, match="split"):
        evaluate_tempeval(seven_docs, split="train")


@pytest.mark.parametrize("option", ["--split", "--part"])  # --part as the MEANTIME and PLOVER commands say
def test_main_split_option(seven_docs, capsys, option):
    assert main(["--data-dir", str(seven_docs), "--corpus", "TimeBank", option, "dev"]) == 0
    out = capsys.readouterr().out
    assert "total dev" in out and "gap" not in out


@pytest.mark.data
def test_tbaq_split_is_disjoint_and_covers_every_document(data_dir):
    root = data_dir / "tempeval3"
    for corpus in ("TimeBank", "AQUAINT"):
        dev = {p.name for p in corpus_files(root, corpus, "dev")}
        test = {p.name for p in corpus_files(root, corpus, "test")}
        every = {p.name for p in corpus_files(root, corpus, "all")}
        assert dev and test and not dev & test
        assert dev | test == every
        assert len(test) == len(every) // 3


@pytest.mark.data
def test_report_writes_what_the_evaluation_printed(tmp_path, data_dir, monkeypatch):
    from eventx.evaluate.__main__ import main

    monkeypatch.setenv("EVENTX_DATA", str(data_dir))
    out = tmp_path / "accuracy.md"
    assert main(["report", str(out), "tempeval"]) == 0
    text = out.read_text()
    assert "python -m eventx.evaluate tempeval" in text and "value F1" in text


@pytest.mark.parametrize("argv", [["report", "--help"], ["report"], ["report", "out.md", "nosuch"]])
def test_report_command_line_refuses_what_it_cannot_do(tmp_path, monkeypatch, capsys, argv):
    """``--help`` prints usage instead of becoming the file name; a missing file or an
    unknown evaluation name is an error, not a silent skip."""
    from eventx.evaluate.__main__ import main

    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(argv)
    captured = capsys.readouterr()
    assert "usage: python -m eventx.evaluate report" in captured.out + captured.err
    assert not list(tmp_path.iterdir())
