"""Abstract nouns are no participants of untyped events (WordNet acts, states and
times; as subjects also ideas and events: eventx/data/noun_classes.json), unless the text makes them entities; on gold parses."""

from __future__ import annotations

import pytest
from conftest import conllu, only

from eventx._stages._abstract import ABSTRACT_NOUNS

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"

# (gold parse, trigger lemma, expected who texts, expected whom texts)
CASES = [
    pytest.param(  # an act as object: no whom
        "The/DET/2/det airline/NOUN/3/nsubj delayed/delay/VERB/0/root/" + PAST + " the/DET/5/det tour/NOUN/3/obj ./PUNCT/3/punct",
        "delay", ["The airline"], [], id="act-object"),
    pytest.param(  # a state as subject: no who
        "A/DET/2/det glitch/NOUN/3/nsubj plagued/plague/VERB/0/root/" + PAST
        + " the/DET/5/det airline/NOUN/3/obj ./PUNCT/3/punct",
        "plague", [], ["the airline"], id="state-subject"),
    pytest.param(  # a time as object
        "The/DET/2/det merger/NOUN/3/nsubj ended/end/VERB/0/root/" + PAST + " an/DET/5/det era/NOUN/3/obj ./PUNCT/3/punct",
        "end", [], [], id="time-object"),
    pytest.param(  # counted: 4,300 jobs are what the company cut (a financial / countable object)
        "Airbus/PROPN/2/nsubj eliminated/eliminate/VERB/0/root/" + PAST + " 4,300/NUM/4/nummod jobs/job/NOUN/2/obj ./PUNCT/2/punct",
        "eliminate", ["Airbus"], ["4,300 jobs"], id="counted-noun-stays"),
    pytest.param(  # capitalised inside the sentence: a name the tagger took for a common noun
        "Apple/PROPN/2/nsubj hired/hire/VERB/0/root/" + PAST + " Steve/PROPN/4/compound Jobs/job/NOUN/2/obj ./PUNCT/2/punct",
        "hire", ["Apple"], ["Steve Jobs"], id="capitalised-name-stays"),
    pytest.param(  # an of complement naming an entity: the phrase denotes the thing
        "Boeing/PROPN/2/nsubj improved/improve/VERB/0/root/" + PAST + " the/DET/4/det technology/NOUN/2/obj of/ADP/7/case "
        "its/PRON/7/nmod:poss engines/engine/NOUN/4/nmod ./PUNCT/2/punct",
        "improve", ["Boeing"], ["the technology of its engines"], id="of-entity-stays"),
    pytest.param(  # ... but not an of complement that is itself abstract
        "Boeing/PROPN/2/nsubj improved/improve/VERB/0/root/" + PAST + " the/DET/4/det technology/NOUN/2/obj of/ADP/6/case "
        "travel/NOUN/4/nmod ./PUNCT/2/punct",
        "improve", ["Boeing"], [], id="of-abstract-goes"),
    pytest.param(  # an idea as subject is no actor
        "The/DET/2/det theory/NOUN/3/nsubj worried/worry/VERB/0/root/" + PAST + " investors/investor/NOUN/3/obj ./PUNCT/3/punct",
        "worry", [], ["investors"], id="idea-subject"),
    pytest.param(  # ... but an idea as object may be the product a text is about
        "Reporters/reporter/NOUN/2/nsubj obtained/obtain/VERB/0/root/" + PAST + " a/DET/4/det prototype/NOUN/2/obj "
        "./PUNCT/2/punct",
        "obtain", ["Reporters"], ["a prototype"], id="idea-object-stays"),
    pytest.param(  # an entity noun is untouched
        "The/DET/2/det company/NOUN/3/nsubj delayed/delay/VERB/0/root/" + PAST + " the/DET/5/det aircraft/NOUN/3/obj "
        "./PUNCT/3/punct",
        "delay", ["The company"], ["the aircraft"], id="entity-object-stays"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), CASES)
def test_abstract_participants(extractor, parse, lemma, who, whom):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type is None
    assert [p.text for p in event.who] == who
    assert [p.text for p in event.whom] == whom


TYPED_CASES = [
    pytest.param(  # an act with no entity in its phrase is no target (PLOVER targets are actors)
        "Russia/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " the/DET/4/det project/NOUN/2/obj ./PUNCT/2/punct",
        "criticize", "DISAPPROVE", [], id="act-target-goes"),
    pytest.param(  # ... one whose phrase names an entity stays: PLOVER codes that entity
        "Russia/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " Ukraine/PROPN/5/nmod:poss 's/PART/3/case "
        "project/NOUN/2/obj ./PUNCT/2/punct",
        "criticize", "DISAPPROVE", ["Ukraine's project"], id="act-target-of-a-name-stays"),
    pytest.param(  # ... also through a person or organisation noun
        "Russia/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " crimes/crime/NOUN/2/obj committed/commit/VERB/3/acl "
        "by/ADP/6/case troops/troop/NOUN/4/obl:agent ./PUNCT/2/punct",
        "criticize", "DISAPPROVE", ["crimes"], id="act-target-of-an-actor-stays"),
    pytest.param(  # an entity target is untouched
        "Russia/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " the/DET/4/det government/NOUN/2/obj ./PUNCT/2/punct",
        "criticize", "DISAPPROVE", ["the government"], id="entity-target-stays"),
]


@pytest.mark.parametrize(("parse", "lemma", "event_type", "whom"), TYPED_CASES)
def test_typed_event_targets(extractor, parse, lemma, event_type, whom):
    """A typed event's abstract target (WordNet act, state, time) stays only where its
    phrase names an entity ("criticized *Ukraine's* project")."""
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == event_type
    assert [p.text for p in event.whom] == whom


@pytest.mark.parametrize(("noun", "listed"), [
    ("search", "noun.act"), ("glitch", "noun.state"), ("era", "noun.time"), ("plan", "noun.cognition"),
    ("accident", "noun.event"), ("efficiency", None), ("index", None),
    # entities and the classes left unlisted (products, prices, contracts for MEANTIME)
    ("aircraft", None), ("company", None), ("share", None), ("software", None), ("price", None), ("contract", None),
])
def test_bundled_table(noun, listed):
    assert ABSTRACT_NOUNS.get(noun) == listed


LEXNAMES = ["03\tnoun.Tops\t1", "04\tnoun.act\t1", "06\tnoun.artifact\t1", "10\tnoun.communication\t1",
            "26\tnoun.state\t1"]
INDEX_SENSE = [
    "search%1:04:00:: 00001 1 14", "search%1:06:00:: 00002 2 0",  # mostly an act: listed
    "work%1:04:00:: 00003 1 90", "work%1:06:00:: 00004 2 120",  # mostly an artifact: an entity
    "glitch%1:26:00:: 00005 1 0",  # untagged: its first sense decides
    "proposal%1:10:00:: 00006 1 17",  # a message: abstract, but its class is not listed
    "search%2:35:00:: 00007 1 5", "ice_age%1:26:00:: 00008 1 0",  # a verb, a multi-word noun: skipped
]


def test_wordnet_table_derivation(tmp_path):
    from eventx.training._wordnet import build_table, main, read_senses

    table = build_table(read_senses(INDEX_SENSE, LEXNAMES))
    assert table["abstract_nouns"] == {"noun.act": ["search"], "noun.cognition": [], "noun.event": [],
                                       "noun.state": ["glitch"], "noun.time": []}
    (tmp_path / "index.sense").write_text("\n".join(INDEX_SENSE) + "\n")
    (tmp_path / "lexnames").write_text("\n".join(LEXNAMES) + "\n")
    out = tmp_path / "noun_classes.json"
    assert main([str(tmp_path), "--out", str(out)]) == 0
    assert '"search"' in out.read_text()
