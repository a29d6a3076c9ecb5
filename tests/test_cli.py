"""The ``eventx`` command: inputs, formats, streaming, error records, resume, exit status.

Most tests run ``main([...])`` in-process with a stand-in for :class:`eventx.Extractor`
whose ``extract_many`` turns each word of a text into an event, so the command's own
logic (reading, batching, writing, resuming) is tested without loading the models. The
``model`` tests at the end run the real command on real text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventx import Event, ExtractionError, ModelError, Participant, Trigger
from eventx._cli._main import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"

#: The stand-in's lexicon: these words are typed events, every other word an untyped predicate.
TYPES = {"met": "CONSULT", "attacked": "ASSAULT", "arrested": "COERCE"}


def fake_events(text: str) -> list[Event]:
    """One event per word; a text containing FAIL fails; KILL interrupts the run (Ctrl-C)."""
    if "KILL" in text:
        raise KeyboardInterrupt
    events, start = [], 0
    for sentence, word in enumerate(text.split()):
        start = text.index(word, start)
        end = start + len(word)
        events.append(Event(type=TYPES.get(word), quad=None, trigger=Trigger(word, start, end, word),
                            who=(Participant("Police", 0, 6, "Police", "ORG"),), sentence=sentence))
        start = end
    return events


class FakeExtractor:
    """Stands in for eventx.Extractor with extract_many's API: lazy, in order, error records."""

    instances: list[FakeExtractor] = []

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        self.fed: list[str] = []
        self.dates: list[object] = []
        self.calls: list[dict] = []
        FakeExtractor.instances.append(self)

    @property
    def pipeline(self):
        return "loaded"

    def extract_many(self, texts, *, reference_date=None, batch_size=16, n_process=1, errors="raise",
                     progress=False):
        self.calls.append({"batch_size": batch_size, "n_process": n_process, "errors": errors})
        return self._iter(texts, reference_date)

    def _iter(self, texts, reference_date):
        # as the real extract_many: a str/date/None is every text's date, any other
        # iterable gives one per text, read right after its text
        per_text = reference_date is not None and not isinstance(reference_date, (str, dt.date))
        dates = iter(reference_date) if per_text else None
        for index, text in enumerate(texts):  # one at a time: the caller must feed lazily
            self.fed.append(text)
            self.dates.append(next(dates) if per_text else reference_date)
            if "FAIL" in text:
                yield ExtractionError(index, "RuntimeError", "stanza broke")
            else:
                yield fake_events(text)


@pytest.fixture
def fake(monkeypatch):
    """The Extractor the CLI builds is a FakeExtractor; returns a function giving the last one."""
    FakeExtractor.instances = []
    monkeypatch.setattr("eventx._extractor.Extractor", FakeExtractor)
    return lambda: FakeExtractor.instances[-1]


def set_stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def records(*items: dict) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


@pytest.fixture
def corpus(tmp_path):
    """A directory of three articles (one nested) and a file that is not *.txt."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text("Police arrested protesters", encoding="utf-8")
    (root / "a.txt").write_text("Leaders met", encoding="utf-8")
    (root / "sub" / "c.txt").write_text("", encoding="utf-8")
    (root / "notes.md").write_text("ignored met", encoding="utf-8")
    return root


# -- inputs -------------------------------------------------------------------------

def test_directory_is_read_recursively_in_path_order(fake, corpus, capsys):
    assert main([str(corpus), "--per-document"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [str(corpus / "a.txt"), str(corpus / "b.txt"), str(corpus / "sub" / "c.txt")]
    assert [[e["trigger"]["text"] for e in r["events"]] for r in rows] == [["Leaders", "met"],
                                                                          ["Police", "arrested", "protesters"], []]


def test_glob_chooses_the_files_of_a_directory(fake, corpus, capsys):
    assert main([str(corpus), "--glob", "*.md"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {str(corpus / "notes.md")}


def test_files_and_stdin_mixed(fake, corpus, monkeypatch, capsys):
    set_stdin(monkeypatch, "Rebels attacked")
    assert main([str(corpus / "a.txt"), "-", "--per-document"]) == 0
    assert [r["id"] for r in jsonl(capsys.readouterr().out)] == [str(corpus / "a.txt"), "-"]


def test_no_argument_reads_one_article_from_stdin(fake, monkeypatch, capsys):
    set_stdin(monkeypatch, "Rebels attacked\nthe town")
    assert main([]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert [(r["id"], r["trigger"]["text"]) for r in rows] == [("-", "Rebels"), ("-", "attacked"), ("-", "the"),
                                                               ("-", "town")]


def test_jsonl_records_from_stdin_with_ids_and_dates(fake, monkeypatch, capsys):
    set_stdin(monkeypatch, records({"id": "x1", "text": "Leaders met", "date": "2025-03-01"},
                                   {"id": 7, "text": "Rebels attacked"}) + "\n")
    assert main(["--input-format", "jsonl", "-d", "2025-02-17", "--per-document"]) == 0
    rows = jsonl(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["x1", 7]
    assert [str(d) for d in fake().dates] == ["2025-03-01", "2025-02-17"]  # the record's own date wins


def test_jsonl_record_without_id_is_named_by_its_line(fake, tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    path.write_text(records({"text": "Leaders met"}), encoding="utf-8")
    assert main([str(path), "--input-format", "jsonl", "--per-document"]) == 0
    assert jsonl(capsys.readouterr().out)[0]["id"] == f"{path}:1"


BAD_LINES = [
    ("{not json", "JSONDecodeError", "-:2"),
    ('{"id": "n", "txt": "typo"}', "ValueError", "n"),
    ('{"id": "t", "text": 42}', "TypeError", "t"),
    ('["a", "list"]', "TypeError", "-:2"),
    ('{"id": ["x"], "text": "Leaders met"}', "TypeError", "-:2"),
    ('{"id": "d", "text": "Leaders met", "date": "not a date"}', "ValueError", "d"),
]


@pytest.mark.parametrize(("line", "error_type", "record_id"), BAD_LINES)
def test_a_bad_jsonl_line_is_an_error_record_and_the_run_goes_on(fake, monkeypatch, capsys, line, error_type,
                                                                  record_id):
    set_stdin(monkeypatch, records({"id": "a", "text": "Leaders met"}) + line + "\n"
              + records({"id": "c", "text": "Rebels attacked"}))
    assert main(["--input-format", "jsonl", "--per-document"]) == 1
    captured = capsys.readouterr()
    assert [r["id"] for r in jsonl(captured.out)] == ["a", "c"]
    assert f"record 1 ({record_id}) failed: {error_type}:" in captured.err


def test_a_file_that_is_not_utf8_is_an_error_record(fake, tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 met")
    (tmp_path / "good.txt").write_text("Leaders met", encoding="utf-8")
    assert main([str(tmp_path), "--per-document"]) == 1
    captured = capsys.readouterr()
    assert [r["id"] for r in jsonl(captured.out)] == [str(tmp_path / "good.txt")]
    assert "UnicodeDecodeError" in captured.err


# -- extraction errors -----------------------------------------------------------------

def test_failed_documents_go_to_the_errors_file(fake, monkeypatch, tmp_path, capsys):
    set_stdin(monkeypatch, records({"id": "a", "text": "Leaders met"}, {"id": "b", "text": "FAIL here"},
                                   {"id": "c", "text": "Rebels attacked"}) + "oops\n")
    errors = tmp_path / "errors.jsonl"
    assert main(["--input-format", "jsonl", "--errors", str(errors)]) == 1
    captured = capsys.readouterr()
    assert {r["id"] for r in jsonl(captured.out)} == {"a", "c"}
    assert jsonl(errors.read_text(encoding="utf-8")) == [
        {"id": "b", "index": 1, "error_type": "RuntimeError", "message": "stanza broke"},
        {"id": "-:4", "index": 3, "error_type": "JSONDecodeError",
         "message": "Expecting value: line 1 column 1 (char 0)"}]
    assert "2 records failed" in captured.err
    assert fake().calls == [{"batch_size": 16, "n_process": 1, "errors": "record"}]


def test_batch_size_and_processes_reach_extract_many(fake, corpus, capsys):
    assert main([str(corpus), "--batch-size", "2", "--n-process", "3"]) == 0
    assert fake().calls == [{"batch_size": 2, "n_process": 3, "errors": "record"}]


def test_unloadable_models_stop_the_run_with_status_2(monkeypatch, corpus, capsys):
    class NoModels(FakeExtractor):
        """extract_many raises ModelError (in both error modes) when it comes to parse."""

        def _iter(self, texts, reference_date):
            next(iter(texts))
            raise ModelError("no models in /nowhere")
            yield

    monkeypatch.setattr("eventx._extractor.Extractor", NoModels)
    assert main([str(corpus)]) == 2
    assert capsys.readouterr().err.strip() == "eventx: error: no models in /nowhere"


# -- streaming ------------------------------------------------------------------------------

def test_documents_are_written_before_later_input_is_read(fake, monkeypatch, tmp_path):
    out = tmp_path / "out.jsonl"
    seen: list[int] = []

    class WatchedStdin:
        """Checks, as each line is read, that every earlier document is already in the file."""

        @property
        def buffer(self):
            for number in range(5):
                written = len(out.read_text(encoding="utf-8").splitlines()) if out.exists() else 0
                seen.append(written)
                yield (json.dumps({"id": number, "text": "Leaders met"}) + "\n").encode("utf-8")

    monkeypatch.setattr(sys, "stdin", WatchedStdin())
    assert main(["--input-format", "jsonl", "--per-document", "--batch-size", "1", "-o", str(out)]) == 0
    assert seen == [0, 1, 2, 3, 4]  # line k is read only once documents 0..k-1 are on disk: no read-ahead
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == [0, 1, 2, 3, 4]


# -- formats ---------------------------------------------------------------------------------

def test_jsonl_has_one_line_per_event_with_the_record_id(fake, corpus, capsys):
    assert main([str(corpus / "a.txt")]) == 0
    rows = jsonl(capsys.readouterr().out)
    expected = [{"id": str(corpus / "a.txt"), **e.to_dict()} for e in fake_events("Leaders met")]
    assert rows == expected


def test_json_is_one_array_of_documents(fake, corpus, capsys):
    assert main([str(corpus), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [(d["id"], len(d["events"])) for d in documents] == [(str(corpus / "a.txt"), 2),
                                                               (str(corpus / "b.txt"), 3),
                                                               (str(corpus / "sub" / "c.txt"), 0)]


def test_json_of_no_document_is_an_empty_array(fake, monkeypatch, capsys):
    set_stdin(monkeypatch, "")
    assert main(["--input-format", "jsonl", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_table_shows_typed_events_unless_all(fake, corpus, capsys):
    assert main([str(corpus / "b.txt"), str(corpus / "sub" / "c.txt"), "-f", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{corpus / 'b.txt'}: 1 event (2 untyped predicates not shown: --all)"
    assert lines[1].split() == ["sent", "type", "trigger", "who", "whom", "where", "when", "neg", "modality"]
    assert lines[2].split() == ["1", "COERCE", "arrested", "Police", "asserted"]
    assert lines[3:] == ["", f"{corpus / 'sub' / 'c.txt'}: 0 events"]
    assert main([str(corpus / "b.txt"), "-f", "table", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{corpus / 'b.txt'}: 3 events"
    assert [line.split()[1] for line in lines[2:]] == ["-", "COERCE", "-"]


def test_table_is_the_default_on_a_terminal_and_jsonl_elsewhere(fake, corpus, monkeypatch, capsys):
    assert main([str(corpus / "a.txt")]) == 0
    assert jsonl(capsys.readouterr().out)  # captured output is not a terminal
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main([str(corpus / "a.txt")]) == 0
    assert capsys.readouterr().out.startswith(f"{corpus / 'a.txt'}: 1 event")


def test_plover_writes_one_record_per_plover_event(fake, corpus, capsys):
    assert main([str(corpus / "b.txt"), "-f", "plover", "-d", "2025-02-17"]) == 0
    text = "Police arrested protesters"
    expected = [e.to_plover(document_id=str(corpus / "b.txt"), date=dt.date(2025, 2, 17), text=text)
                for e in fake_events(text) if e.type is not None]
    assert len(expected) == 1 and jsonl(capsys.readouterr().out) == expected


def test_plover_without_a_date_fails_the_document(fake, corpus, capsys):
    assert main([str(corpus / "b.txt"), str(corpus / "a.txt"), "-f", "plover", "--per-document"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"record 0 ({corpus / 'b.txt'}) failed: ValueError: a PLOVER record needs a date" in captured.err


def test_progress_bar_goes_to_stderr(fake, corpus, capsys):
    assert main([str(corpus), "--progress"]) == 0
    captured = capsys.readouterr()
    assert "3/3" in captured.err and "doc" in captured.err
    assert "3/3" not in captured.out


def test_a_closed_pipe_ends_the_run_quietly(fake, corpus, monkeypatch, capsys):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main([str(corpus)]) == 141
    assert capsys.readouterr().err == ""


# -- resume ---------------------------------------------------------------------------------

RESUME_RECORDS = [{"id": f"r{i}", "text": text} for i, text in
                  enumerate(["Leaders met", "", "Police arrested protesters", "Rebels attacked", "They met again"])]


def run_jsonl(monkeypatch, out: Path, items, *extra: str) -> int:
    set_stdin(monkeypatch, records(*items))
    return main(["--input-format", "jsonl", "-o", str(out), *extra])


@pytest.mark.parametrize("per_document", [[], ["--per-document"]])
def test_resume_after_a_truncated_output_finishes_exactly_once(fake, monkeypatch, tmp_path, per_document):
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, full, RESUME_RECORDS, *per_document) == 0
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[:4], *per_document) == 0
    # an interruption while writing r3: its line is half on disk and its log entry is missing
    data = out.read_bytes()
    out.write_bytes(data[:-5])
    log = Path(str(out) + ".done")
    log.write_bytes(b"".join(log.read_bytes().splitlines(keepends=True)[:-1]))
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS, "--resume", *per_document) == 0
    assert fake().fed == ["Rebels attacked", "They met again"]  # r0-r2 (r1 has no events) were done
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_resume_redoes_documents_the_output_lost(fake, monkeypatch, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS) == 0
    complete = out.read_text(encoding="utf-8")
    out.write_text(complete.splitlines(keepends=True)[0] + '{"id": "r0", "ty', encoding="utf-8")  # log intact
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS, "--resume") == 0
    assert fake().fed == [r["text"] for r in RESUME_RECORDS]  # r0's first line alone does not finish it
    assert out.read_text(encoding="utf-8") == complete


def test_interrupted_run_exits_130_and_resumes(fake, monkeypatch, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    items = RESUME_RECORDS[:3] + [{"id": "k", "text": "KILL"}] + RESUME_RECORDS[3:]
    assert run_jsonl(monkeypatch, out, items, "--per-document") == 130
    assert "interrupted" in capsys.readouterr().err
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["r0", "r1", "r2"]
    items[3] = {"id": "k", "text": "Troops attacked"}
    assert run_jsonl(monkeypatch, out, items, "--per-document", "--resume") == 0
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["r0", "r1", "r2", "k", "r3", "r4"]
    assert "resuming: 3 documents already in" in capsys.readouterr().err


def test_failed_records_are_retried_on_resume(fake, monkeypatch, tmp_path):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    items = [{"id": "a", "text": "Leaders met"}, {"id": "b", "text": "FAIL"}]
    assert run_jsonl(monkeypatch, out, items, "--errors", str(errors)) == 1
    items[1] = {"id": "b", "text": "Rebels attacked"}
    assert run_jsonl(monkeypatch, out, items, "--errors", str(errors), "--resume") == 0
    assert fake().fed == ["Rebels attacked"]
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["a", "a", "b", "b"]
    assert [r["id"] for r in jsonl(errors.read_text(encoding="utf-8"))] == ["b"]  # appended to, not truncated


def test_resume_with_nothing_to_resume_is_a_fresh_run(fake, monkeypatch, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[:1], "--resume") == 0
    assert [r["trigger"]["text"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["Leaders", "met"]


def test_a_run_without_resume_starts_afresh(fake, monkeypatch, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[:1]) == 0
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[3:4]) == 0
    assert [r["id"] for r in jsonl(out.read_text(encoding="utf-8"))] == ["r3", "r3"]


@pytest.mark.parametrize(("first", "then", "message"), [
    (["--per-document"], ["--resume"], "other output options (format=jsonl, per_document=True)"),
    ([], ["--resume", "-f", "json"], "--resume works with --format jsonl or plover, not json"),
])
def test_resume_refuses_other_options(fake, monkeypatch, tmp_path, capsys, first, then, message):
    out = tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[:1], *first) == 0
    before = out.read_bytes()
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS, *then) == 2
    assert message in capsys.readouterr().err
    assert out.read_bytes() == before


def test_resume_refuses_an_output_without_its_log(fake, monkeypatch, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x"}\n', encoding="utf-8")
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS, "--resume") == 2
    assert "has no resume log" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="the lock is POSIX flock")
def test_a_second_run_on_the_same_output_is_refused(fake, monkeypatch, tmp_path, capsys):
    import fcntl

    out = tmp_path / "out.jsonl"
    assert run_jsonl(monkeypatch, out, RESUME_RECORDS[:1]) == 0
    before = out.read_bytes(), Path(str(out) + ".done").read_bytes()
    with open(str(out) + ".done", "ab") as running:  # as a run still writing holds it
        fcntl.flock(running.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        for extra in ([], ["--resume"]):
            assert run_jsonl(monkeypatch, out, RESUME_RECORDS, *extra) == 2
            assert "another eventx run is writing" in capsys.readouterr().err
    assert (out.read_bytes(), Path(str(out) + ".done").read_bytes()) == before


# -- usage errors and help ----------------------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["--resume"], "--resume needs --output FILE"),
    (["-o", "x.jsonl", "--resume", "-f", "table"], "--resume works with --format jsonl or plover"),
    (["--per-document", "-f", "table"], "--per-document applies to --format jsonl or plover"),
    (["--all"], "--all applies to --format table"),
    (["/nonexistent/file.txt"], "no such file or directory: '/nonexistent/file.txt'"),
    (["-d", "not a date"], "reference_date 'not a date' is not a date"),
    (["--batch-size", "0"], "must be at least 1, got 0"),
    (["--n-process", "two"], "'two' is not an integer"),
    (["--format", "xml"], "invalid choice: 'xml'"),
])
def test_usage_errors_exit_2(fake, monkeypatch, tmp_path, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    set_stdin(monkeypatch, "Leaders met")
    assert main(args) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_directory_without_matching_files_is_a_usage_error(fake, corpus, capsys):
    assert main([str(corpus), "--glob", "*.xml"]) == 2
    assert "no file matching '*.xml' under directory" in capsys.readouterr().err


def test_help_documents_exit_status(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--input-format", "--glob", "--output", "--resume", "--per-document", "--errors", "--n-process",
                   "--batch-size", "--progress", "--all", "exit status", "130"):
        assert option in text


# -- end to end, with the models -------------------------------------------------------------

def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventx", *args], input=stdin, capture_output=True, text=True)


@pytest.mark.model
def test_seed_article_table():
    result = run_cli(str(SEED), "--reference-date", "2025-02-17", "--format", "table")
    assert result.returncode == 0, result.stderr
    title, header, *rows = result.stdout.splitlines()
    assert title.startswith(f"{SEED}: ") and header.split()[:3] == ["sent", "type", "trigger"]
    assert any(row.split()[1:3] == ["CONSULT", "gathered"] for row in rows)
    assert all(row.split()[1] != "-" for row in rows)  # typed events only


@pytest.mark.model
def test_jsonl_records_with_a_bad_one(tmp_path):
    errors = tmp_path / "errors.jsonl"
    stdin = records({"id": "a", "text": "Police arrested a man in Paris."}, {"id": "b", "text": None},
                    {"id": "c", "text": "Leaders met in Riyadh on Tuesday.", "date": "2025-02-17"})
    result = run_cli("--input-format", "jsonl", "--errors", str(errors), stdin=stdin)
    assert result.returncode == 1, result.stderr
    rows = jsonl(result.stdout)
    assert ("a", "COERCE") in {(r["id"], r["type"]) for r in rows}
    met = [r for r in rows if r["id"] == "c" and r["trigger"]["text"] == "met"]
    assert met and met[0]["when"]["value"] == "2025-02-11"  # the Tuesday before the record's date
    assert jsonl(errors.read_text(encoding="utf-8")) == [
        {"id": "b", "index": 1, "error_type": "TypeError", "message": "'text' must be a string, got NoneType"}]


@pytest.mark.model
def test_resume_after_a_truncated_output(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in [("a", "Police arrested a man."), ("b", "Leaders met in Riyadh."),
                       ("c", "Rebels attacked the town.")]:
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    assert run_cli(str(corpus), "-o", str(full)).returncode == 0
    assert run_cli(str(corpus), "-o", str(out)).returncode == 0
    out.write_bytes(out.read_bytes()[:-10])  # the last line cut: an interrupted write
    result = run_cli(str(corpus), "-o", str(out), "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    assert jsonl(out.read_text(encoding="utf-8"))


def test_fake_events_match_the_event_model():
    """The stand-in's events are real Events: their offsets point into the text."""
    text = "Police arrested  protesters"
    for event in fake_events(text):
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
