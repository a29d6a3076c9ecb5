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
    pytest.param(  # CAMEO 0811 ease restrictions on political freedoms -> CONCEDE
        "The/DET/2/det government/NOUN/3/nsubj expanded/expand/VERB/0/root/" + PAST + " political/ADJ/5/amod "
        "freedoms/freedom/NOUN/3/obj ./PUNCT/3/punct",
        "expand freedom", "CONCEDE", id="expand-freedoms"),
    pytest.param(  # widening rights is the same concession (CAMEO 0833 accede to demands for rights)
        "Kuwait/PROPN/2/nsubj extended/extend/VERB/0/root/" + PAST + " voting/NOUN/4/compound "
        "rights/right/NOUN/2/obj to/ADP/6/case women/woman/NOUN/2/obl ./PUNCT/2/punct",
        "extend right", "CONCEDE", id="extend-rights"),
    pytest.param(  # an easing promised is still CONCEDE (manual: CONCEDE + future stays CONCEDE)
        "The/DET/2/det junta/NOUN/4/nsubj will/AUX/4/aux restore/VERB/0/root/VerbForm=Inf civil/ADJ/6/amod "
        "liberties/liberty/NOUN/4/obj ./PUNCT/4/punct",
        "restore liberty", "CONCEDE", id="will-restore-liberties"),
]


@pytest.mark.parametrize(("parse", "lemma", "expected"), TYPES)
def test_plover_type(extractor, parse, lemma, expected):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == expected


INF = "VerbForm=Inf"
GER = "VerbForm=Ger"

# (gold parse, trigger lemma, expected PLOVER type): an attack an actor is readied for is
# MOBILIZE (manual MOBILIZE: 'military posturing ... readiness'; THREATEN is 'typically verbal')
READINESS = [
    pytest.param(
        "The/DET/2/det army/NOUN/3/nsubj prepared/prepare/VERB/0/root/" + PAST + " to/PART/5/mark "
        "resume/VERB/3/xcomp/" + INF + " shelling/shell/VERB/5/xcomp/" + GER + " rebel/NOUN/8/compound "
        "positions/position/NOUN/6/obj ./PUNCT/3/punct",
        "shell", "MOBILIZE", id="prepared-to-resume-shelling"),
    pytest.param(
        "Troops/troop/NOUN/3/nsubj were/be/AUX/3/cop poised/poise/ADJ/0/root to/PART/5/mark "
        "attack/VERB/3/xcomp/" + INF + " the/DET/7/det city/NOUN/5/obj ./PUNCT/3/punct",
        "attack", "MOBILIZE", id="poised-to-attack"),
    pytest.param(  # a stated intention stays a threat
        "The/DET/2/det army/NOUN/3/nsubj plans/plan/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin to/PART/5/mark "
        "attack/VERB/3/xcomp/" + INF + " the/DET/7/det city/NOUN/5/obj ./PUNCT/3/punct",
        "attack", "THREATEN", id="plans-to-attack"),
    pytest.param(  # readiness for a meeting is still a commitment
        "Iran/PROPN/2/nsubj prepared/prepare/VERB/0/root/" + PAST + " to/PART/4/mark "
        "meet/VERB/2/xcomp/" + INF + " the/DET/6/det envoy/NOUN/4/obj ./PUNCT/2/punct",
        "meet", "AGREE", id="prepared-to-meet"),
]


@pytest.mark.parametrize(("parse", "lemma", "expected"), READINESS)
def test_readiness_type(extractor, parse, lemma, expected):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == expected


# (gold parse, trigger lemma, expected type, who texts, whom texts): a deployment of a peacekeeping
# or relief force is AID (CAMEO 074 provide military protection or peacekeeping; manual MOBILIZE:
# forces mobilized for relief are AID); the force is what is provided, never its recipient
PEACEKEEPING = [
    pytest.param(
        "The/DET/2/det deployment/NOUN/6/nsubj of/ADP/5/case NATO/PROPN/5/compound "
        "peacekeepers/peacekeeper/NOUN/2/nmod arrived/arrive/VERB/0/root/" + PAST + " in/ADP/8/case "
        "Bosnia/PROPN/6/obl ./PUNCT/6/punct",
        "deployment", "AID", ["NATO peacekeepers"], ["Bosnia"], id="deployment-of-peacekeepers-arrived"),
    pytest.param(
        "NATO/PROPN/2/nsubj deployed/deploy/VERB/0/root/" + PAST + " peacekeeping/NOUN/4/compound "
        "troops/troop/NOUN/2/obj in/ADP/6/case Bosnia/PROPN/2/obl ./PUNCT/2/punct",
        "deploy", "AID", ["NATO"], ["Bosnia"], id="deployed-peacekeeping-troops"),
    pytest.param(  # other troops are a mobilisation
        "Russia/PROPN/2/nsubj deployed/deploy/VERB/0/root/" + PAST + " troops/troop/NOUN/2/obj "
        "in/ADP/5/case Belarus/PROPN/2/obl ./PUNCT/2/punct",
        "deploy", "MOBILIZE", ["Russia"], ["troops"], id="deployed-troops"),
]


@pytest.mark.parametrize(("parse", "lemma", "expected", "who", "whom"), PEACEKEEPING)
def test_peacekeeping_deployment(extractor, parse, lemma, expected, who, whom):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == expected
    assert [p.text for p in event.who] == who
    assert [p.text for p in event.whom] == whom
