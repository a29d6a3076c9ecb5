"""PLOVER event types of the trigger lexicon (``data/plover.json``) on gold parses: the
entries cite the PLOVER manual or its CAMEO-to-PLOVER table (``_source``)."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"

# (gold parse, trigger lemma, expected PLOVER type)
TYPES = [
    pytest.param(  # CAMEO 0863 allow delivery of humanitarian aid -> RETREAT (access)
        "Sudan/PROPN/2/nsubj allowed/allow/VERB/0/root/" + PAST + " the/DET/4/det delivery/NOUN/2/obj "
        "of/ADP/6/case food/NOUN/4/nmod ./PUNCT/2/punct",
        "allow delivery", "RETREAT", id="allow-delivery"),
    pytest.param(  # PLOVER manual, RETREAT: allowing the entry of observers or peacekeepers
        "Iraq/PROPN/2/nsubj permitted/permit/VERB/0/root/" + PAST + " the/DET/4/det entry/NOUN/2/obj "
        "of/ADP/6/case inspectors/inspector/NOUN/4/nmod ./PUNCT/2/punct",
        "permit entry", "RETREAT", id="permit-entry"),
    pytest.param(  # CAMEO 0861 receive deployment of peacekeepers -> RETREAT (access)
        "Angola/PROPN/2/nsubj accepted/accept/VERB/0/root/" + PAST + " UN/PROPN/4/compound "
        "peacekeepers/peacekeeper/NOUN/2/obj ./PUNCT/2/punct",
        "accept peacekeeper", "RETREAT", id="accept-peacekeepers"),
    pytest.param(  # allowing anything else stays a concession
        "The/DET/2/det court/NOUN/3/nsubj allowed/allow/VERB/0/root/" + PAST + " the/DET/5/det appeal/NOUN/3/obj "
        "./PUNCT/3/punct",
        "allow", "CONCEDE", id="allow-alone"),
]


@pytest.mark.parametrize(("parse", "lemma", "expected"), TYPES)
def test_plover_type(extractor, parse, lemma, expected):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == expected
