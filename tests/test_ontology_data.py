"""Schema and content checks for the bundled PLOVER ontology (``eventx/data/plover.json``).

Plain data tests: no stanza model is loaded.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN",
    "SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT",
}
QUADS = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"}
EXPECTED_QUADS = {
    "AGREE": "VERBAL_COOPERATION", "CONSULT": "VERBAL_COOPERATION",
    "SUPPORT": "VERBAL_COOPERATION", "CONCEDE": "VERBAL_COOPERATION",
    "COOPERATE": "MATERIAL_COOPERATION", "AID": "MATERIAL_COOPERATION", "RETREAT": "MATERIAL_COOPERATION",
    "INVESTIGATE": "VERBAL_CONFLICT", "DEMAND": "VERBAL_CONFLICT", "DISAPPROVE": "VERBAL_CONFLICT",
    "REJECT": "VERBAL_CONFLICT", "THREATEN": "VERBAL_CONFLICT",
    "PROTEST": "MATERIAL_CONFLICT", "SANCTION": "MATERIAL_CONFLICT", "MOBILIZE": "MATERIAL_CONFLICT",
    "COERCE": "MATERIAL_CONFLICT", "ASSAULT": "MATERIAL_CONFLICT", "CRIME": "MATERIAL_CONFLICT",
}
MIN_PER_TYPE = 15
MIN_TOTAL = 500


@pytest.fixture(scope="module")
def plover() -> dict:
    text = (resources.files("eventx") / "data" / "plover.json").read_text(encoding="utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def index(plover: dict) -> dict[tuple[str, str], str]:
    return {(t["lemma"], t["pos"]): t["type"] for t in plover["triggers"]}


def test_header(plover: dict) -> None:
    assert plover["name"] == "PLOVER"
    assert isinstance(plover["version"], str) and plover["version"]
    assert "CC BY-SA 4.0" in plover["source"]
    assert "\n" not in plover["source"]
    assert set(plover) == {"name", "version", "source", "types", "triggers", "intent"}


def test_exactly_the_18_types(plover: dict) -> None:
    assert set(plover["types"]) == PLOVER_TYPES
    assert len(plover["types"]) == 18


def test_type_fields(plover: dict) -> None:
    for name, spec in plover["types"].items():
        assert set(spec) == {"quad", "definition", "example"}, name
        assert spec["quad"] in QUADS, name
        assert 0 < len(spec["definition"]) <= 200, name
        assert spec["example"].strip() and spec["example"] == spec["example"].strip(), name


def test_quads_follow_the_manual(plover: dict) -> None:
    assert {name: spec["quad"] for name, spec in plover["types"].items()} == EXPECTED_QUADS


def test_trigger_fields(plover: dict) -> None:
    for t in plover["triggers"]:
        assert set(t) - {"_source"} == {"lemma", "pos", "type"}, t  # "_source": the manual or CAMEO code behind it
        assert t["pos"] in {"VERB", "NOUN"}, t
        assert t["type"] in PLOVER_TYPES, t


def test_lemmas_lower_case_and_stripped(plover: dict) -> None:
    for t in plover["triggers"]:
        lemma = t["lemma"]
        assert lemma == lemma.strip() and lemma == lemma.lower() and lemma, t
        assert "  " not in lemma, t
        words = lemma.split()
        assert len(words) <= 4, t
        assert not {"the", "a", "an"} & set(words[1:]), t  # no articles in multi-word triggers


def test_no_duplicate_lemma_pos(plover: dict) -> None:
    counts = Counter((t["lemma"], t["pos"]) for t in plover["triggers"])
    dups = {k: n for k, n in counts.items() if n > 1}
    assert not dups


def test_counts(plover: dict) -> None:
    per_type = Counter(t["type"] for t in plover["triggers"])
    assert len(plover["triggers"]) >= MIN_TOTAL
    thin = {name: per_type[name] for name in PLOVER_TYPES if per_type[name] < MIN_PER_TYPE}
    assert not thin


def test_every_type_has_a_single_word_verb_and_noun(plover: dict) -> None:
    for name in PLOVER_TYPES:
        pos = {t["pos"] for t in plover["triggers"] if t["type"] == name and " " not in t["lemma"]}
        assert pos == {"VERB", "NOUN"}, name


@pytest.mark.parametrize("lemma", ["say", "tell", "state", "be", "have", "do", "get", "make", "give", "take", "go", "come"])
def test_reporting_and_generic_verbs_absent(index: dict, lemma: str) -> None:
    assert (lemma, "VERB") not in index
    assert (lemma, "NOUN") not in index


def test_multi_word_heads_are_not_reporting_verbs(plover: dict) -> None:
    for t in plover["triggers"]:
        if " " in t["lemma"]:
            assert t["lemma"].split()[0] not in {"say", "tell", "state"}, t


@pytest.mark.parametrize(("lemma", "pos", "expected"), [
    ("agree", "VERB", "AGREE"),
    ("agreement", "NOUN", "AGREE"),
    ("reach agreement", "VERB", "AGREE"),
    ("meet", "VERB", "CONSULT"),
    ("talk", "NOUN", "CONSULT"),
    ("talks", "NOUN", "CONSULT"),
    ("negotiate", "VERB", "CONSULT"),
    ("visit", "VERB", "CONSULT"),
    ("take part", "VERB", "CONSULT"),
    ("hold talks", "VERB", "CONSULT"),
    ("praise", "VERB", "SUPPORT"),
    ("sign agreement", "VERB", "SUPPORT"),
    ("pardon", "VERB", "CONCEDE"),
    ("lift ban", "VERB", "CONCEDE"),
    ("back down", "VERB", "CONCEDE"),
    ("cooperate", "VERB", "COOPERATE"),
    ("extradite", "VERB", "COOPERATE"),
    ("donate", "VERB", "AID"),
    ("aid", "NOUN", "AID"),
    ("withdraw", "VERB", "RETREAT"),
    ("pull out", "VERB", "RETREAT"),
    ("step down", "VERB", "RETREAT"),
    ("ceasefire", "NOUN", "RETREAT"),
    ("investigate", "VERB", "INVESTIGATE"),
    ("probe", "NOUN", "INVESTIGATE"),
    ("demand", "VERB", "DEMAND"),
    ("call for", "VERB", "DEMAND"),
    ("urge", "VERB", "DEMAND"),
    ("criticize", "VERB", "DISAPPROVE"),
    ("criticise", "VERB", "DISAPPROVE"),
    ("condemn", "VERB", "DISAPPROVE"),
    ("criticism", "NOUN", "DISAPPROVE"),
    ("lash out", "VERB", "DISAPPROVE"),
    ("reject", "VERB", "REJECT"),
    ("veto", "NOUN", "REJECT"),
    ("threaten", "VERB", "THREATEN"),
    ("ultimatum", "NOUN", "THREATEN"),
    ("protest", "VERB", "PROTEST"),
    ("protest", "NOUN", "PROTEST"),
    ("strike", "NOUN", "PROTEST"),
    ("go on strike", "VERB", "PROTEST"),
    ("take to street", "VERB", "PROTEST"),
    ("sanction", "NOUN", "SANCTION"),
    ("sanction", "VERB", "SANCTION"),
    ("embargo", "NOUN", "SANCTION"),
    ("expel", "VERB", "SANCTION"),
    ("mobilize", "VERB", "MOBILIZE"),
    ("mobilise", "VERB", "MOBILIZE"),
    ("deploy", "VERB", "MOBILIZE"),
    ("arrest", "VERB", "COERCE"),
    ("crackdown", "NOUN", "COERCE"),
    ("crack down", "VERB", "COERCE"),
    ("attack", "VERB", "ASSAULT"),
    ("attack", "NOUN", "ASSAULT"),
    ("strike", "VERB", "ASSAULT"),
    ("airstrike", "NOUN", "ASSAULT"),
    ("strike air", "NOUN", "ASSAULT"),
    ("open fire", "VERB", "ASSAULT"),
    ("invasion", "NOUN", "ASSAULT"),
    ("steal", "VERB", "CRIME"),
    ("smuggle", "VERB", "CRIME"),
    ("kidnap", "VERB", "ASSAULT"),  # PLOVER ASSAULT mode "abduct": abduct, kidnap, hijack
    ("lift blockade", "VERB", "RETREAT"),  # CAMEO 0872 "ease military blockade"
    ("peacekeeping", "NOUN", "AID"),  # CAMEO 074 "provide military protection or peacekeeping"
])
def test_expected_types(index: dict, lemma: str, pos: str, expected: str) -> None:
    assert index.get((lemma, pos)) == expected


def test_noun_headed_phrases_have_a_head_word(plover: dict) -> None:
    # a noun phrase entry is tried on its head noun even when that noun alone is no
    # trigger ("war games": *game* is not one); the head comes first
    for t in plover["triggers"]:
        if t["pos"] == "NOUN" and " " in t["lemma"]:
            assert all(w.isalpha() or "-" in w for w in t["lemma"].split()), t
