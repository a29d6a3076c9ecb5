"""The public API: names, value objects, and the errors bad input gets (no model needed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import conllu

import eventx

SENTENCE = conllu("Russia/PROPN/2/nsubj attacked/attack/VERB/0/root/Tense=Past|VerbForm=Fin Ukraine/PROPN/2/obj "
                  "yesterday/NOUN/2/obl:tmod ./PUNCT/2/punct")


def test_all_is_sorted_and_complete():
    assert eventx.__all__ == sorted(eventx.__all__)
    for name in eventx.__all__:
        assert hasattr(eventx, name), name
        if name != "__version__":
            assert getattr(eventx, name).__doc__, f"{name} has no docstring"


def test_version_comes_from_metadata():
    from importlib.metadata import version

    assert eventx.__version__ == version("eventx-nlp")


def test_import_does_not_load_stanza():
    code = "import sys, eventx; print(json.dumps(['stanza' in sys.modules, 'torch' in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [False, False]


def test_to_dict_has_exactly_the_documented_keys(extractor):
    event = extractor.extract_document(SENTENCE, reference_date="2025-02-17")[0]
    data = event.to_dict()
    assert list(data) == ["type", "quad", "trigger", "who", "whom", "where", "when", "negated", "modality", "sentence"]
    assert data["trigger"] == {"text": "attacked", "start": 7, "end": 15, "lemma": "attack"}
    assert data["when"]["value"] == "2025-02-16" and data["where"] is None
    assert list(data["who"][0]) == ["text", "start", "end", "head", "kind", "canonical", "actor_id", "country",
                                    "sector", "latitude", "longitude", "geonames_id"]
    json.dumps(data)  # JSON-ready


def test_every_span_indexes_the_text(extractor):
    doc_text = "Russia attacked Ukraine yesterday."
    for event in extractor.extract_document(SENTENCE, reference_date="2025-02-17"):
        spans = [event.trigger, *event.who, *event.whom, event.where, event.when]
        for span in filter(None, spans):
            assert doc_text[span.start:span.end] == span.text


def test_value_objects_are_frozen(extractor):
    import attrs

    event = extractor.extract_document(SENTENCE)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.type = "AID"


@pytest.mark.parametrize(("call", "error"), [
    (lambda ex: ex.extract(42), TypeError),
    (lambda ex: ex.extract(b"bytes"), TypeError),
    (lambda ex: ex.extract("text", reference_date=20250217), TypeError),
    (lambda ex: ex.extract("text", reference_date="not a date at all"), ValueError),
    (lambda ex: list(ex.extract_many(["ok"], batch_size=0)), ValueError),
    (lambda ex: list(ex.extract_many([None])), TypeError),
    (lambda ex: list(ex.extract_many(["ok"], n_process=0)), ValueError),
    (lambda ex: list(ex.extract_many(["ok"], errors="ignore")), ValueError),
    (lambda ex: ex.extract_document(42), TypeError),
    (lambda ex: ex.extract_document(""), eventx.ParseInputError),
    (lambda ex: ex.extract_document("1\tonly\tthree\n\n"), eventx.ParseInputError),
    (lambda ex: ex.extract_document(conllu("a/DET/2/det b/NOUN/1/root")), eventx.ParseInputError),  # a cycle
], ids=["int-text", "bytes-text", "int-date", "bad-date-string", "batch-size", "none-in-many", "n-process",
        "errors-mode", "int-doc", "empty-conllu", "bad-conllu", "cyclic-heads"])
def test_bad_input_gets_a_clear_error(extractor, call, error):
    with pytest.raises(error):
        call(extractor)


def test_empty_text_gives_no_events_without_loading_models():
    ex = eventx.Extractor(model_dir="/nonexistent/models")  # would fail if it loaded
    assert ex.extract("   \n") == []


def test_document_without_parse_is_refused(extractor):
    plain = "# text = Hi.\n1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
    with pytest.raises(eventx.ParseInputError, match="dependency parse"):
        extractor.extract_document(plain)


def test_missing_model_folder_says_what_to_do(tmp_path):
    with pytest.raises(eventx.ModelError, match="does not exist"):
        eventx.Extractor(model_dir=tmp_path / "absent").pipeline
    (tmp_path / "tokenize.pt").write_bytes(b"")
    with pytest.raises(eventx.ModelError, match="lacks"):
        eventx.Extractor(model_dir=tmp_path).pipeline


def test_corrupt_model_files_give_a_model_error(tmp_path):
    from eventx._parse._models import MODEL_FILES

    for name in MODEL_FILES.values():
        (tmp_path / name).write_bytes(b"not a torch file")
    with pytest.raises(eventx.ModelError, match="could not be loaded"):
        eventx.Extractor(model_dir=tmp_path).pipeline


def test_unknown_models_name():
    with pytest.raises(ValueError, match="models must be"):
        eventx.Extractor(models="spacy")


def test_environment_variable_picks_the_model_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTX_MODEL_DIR", str(tmp_path))
    with pytest.raises(eventx.ModelError, match=str(tmp_path)):
        eventx.Extractor().pipeline


def test_custom_ontology(tmp_path):
    path = tmp_path / "mini.json"
    path.write_text(json.dumps({"name": "mini", "types": {"HIT": {"quad": None}},
                                "triggers": [{"lemma": "attack", "pos": "VERB", "type": "HIT"}]}))
    ex = eventx.Extractor(ontology=path)
    (event,) = [e for e in ex.extract_document(SENTENCE) if e.trigger.lemma == "attack"]
    assert (event.type, event.quad) == ("HIT", None)


@pytest.mark.parametrize(("content", "match"), [
    ("not json", "not valid JSON"),
    ('{"types": {}}', "'types' \\(object\\) and 'triggers'"),
    ('{"types": {"A": {}}, "triggers": [{"lemma": "x", "type": "B"}]}', "unknown type 'B'"),
    ('{"types": {"A": {}}, "triggers": [{"lemma": "x", "pos": "ADV", "type": "A"}]}', "VERB/NOUN"),
    ('{"types": {"A": {}}, "triggers": [], "intent": {"halted_types": {"A": "C"}}}', "unknown types \\['C'\\]"),
    ('{"types": {"A": {}}, "triggers": [], "intent": {"joint_types": {"D": "A"}}}', "unknown types \\['D'\\]"),
])
def test_malformed_ontology(tmp_path, content, match):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(eventx.OntologyError, match=match):
        eventx.Extractor(ontology=path)


def test_missing_ontology_file(tmp_path):
    with pytest.raises(eventx.OntologyError, match="not found"):
        eventx.Extractor(ontology=tmp_path / "nope.json")


def test_exception_tree():
    for error in (eventx.ModelError, eventx.OntologyError, eventx.ParseInputError):
        assert issubclass(error, eventx.EventxError)
    assert issubclass(eventx.ParseInputError, ValueError)


def test_stanza_document_without_offsets_gets_them(extractor):
    from stanza.utils.conll import CoNLL

    doc = CoNLL.conll2doc(input_str=SENTENCE)
    assert doc.text is None
    (attacked,) = [e for e in extractor.extract_document(doc) if e.trigger.lemma == "attack"]
    assert (attacked.trigger.start, attacked.who[0].text) == (7, "Russia")
