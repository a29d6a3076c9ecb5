"""where / when / negation / modality rules on gold parses (no model needed)."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
INF = "VerbForm=Inf"

PLACES = [
    pytest.param("European/ADJ/2/amod leaders/leader/NOUN/3/nsubj gathered/gather/VERB/0/root/" + PAST
                 + " in/ADP/5/case Paris/PROPN/3/obl ./PUNCT/3/punct", "gather", "Paris", id="in-city"),
    pytest.param("Vance/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " at/ADP/7/case the/DET/7/det Munich/PROPN/7/compound "
                 "Security/PROPN/7/compound Conference/PROPN/2/obl ./PUNCT/2/punct", "speak", "the Munich Security Conference",
                 id="at-event-venue"),
    pytest.param("Rebels/rebel/NOUN/2/nsubj attacked/attack/VERB/0/root/" + PAST + " near/ADP/5/case the/DET/5/det town/NOUN/2/obl "
                 "of/ADP/7/case Goma/PROPN/5/nmod ./PUNCT/2/punct", "attack", "the town of Goma", id="near-town-of"),
    pytest.param("Talks/talk/NOUN/0/root with/ADP/3/case Lavrov/PROPN/1/nmod in/ADP/5/case Riyadh/PROPN/1/nmod",
                 "talk", "Riyadh", id="eventive-noun"),
    pytest.param("They/they/PRON/2/nsubj chose/choose/VERB/0/root/" + PAST + " Paris/PROPN/2/obj ,/PUNCT/7/punct where/ADV/7/advmod/PronType=Rel "
                 "leaders/leader/NOUN/7/nsubj met/meet/VERB/3/acl:relcl/" + PAST + " ./PUNCT/2/punct", "meet", "Paris",
                 id="where-clause"),
    pytest.param("Vance/PROPN/8/nsubj ,/PUNCT/4/punct who/PRON/4/nsubj/PronType=Rel spoke/speak/VERB/1/acl:relcl/" + PAST
                 + " in/ADP/6/case Munich/PROPN/4/obl ,/PUNCT/4/punct criticized/criticize/VERB/0/root/" + PAST
                 + " Europe/PROPN/8/obj ./PUNCT/8/punct", "criticize", None, id="not-borrowed-from-other-predicate"),
    pytest.param("Leaders/leader/NOUN/2/nsubj met/meet/VERB/0/root/" + PAST + " in/ADP/4/case February/PROPN/2/obl ./PUNCT/2/punct",
                 "meet", None, id="time-is-not-place"),
    pytest.param("He/he/PRON/2/nsubj spoke/speak/VERB/0/root/" + PAST + " in/ADP/4/case exchange/NOUN/2/obl ./PUNCT/2/punct",
                 "speak", None, id="abstract-noun-is-not-place"),
]


@pytest.mark.parametrize(("parse", "lemma", "where"), PLACES)
def test_where(extractor, parse, lemma, where):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert (event.where.text if event.where else None) == where


TIMES = [
    pytest.param("Rubio/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Lavrov/PROPN/2/obj on/ADP/5/case Tuesday/PROPN/2/obl ./PUNCT/2/punct",
                 "2025-02-20", "meet", "2025-02-18", id="weekday-past"),
    pytest.param("Rubio/PROPN/3/nsubj will/AUX/3/aux meet/VERB/0/root/" + INF + " Lavrov/PROPN/3/obj on/ADP/6/case Tuesday/PROPN/3/obl ./PUNCT/3/punct",
                 "2025-02-20", "meet", "2025-02-25", id="weekday-future"),
    pytest.param("Protesters/protester/NOUN/2/nsubj marched/march/VERB/0/root/" + PAST + " yesterday/NOUN/2/obl:tmod ./PUNCT/2/punct",
                 "2025-02-17", "march", "2025-02-16", id="yesterday"),
    pytest.param("Troops/troop/NOUN/2/nsubj withdrew/withdraw/VERB/0/root/" + PAST + " last/ADJ/4/amod week/NOUN/2/obl:tmod ./PUNCT/2/punct",
                 "2025-02-17", "withdraw", "2025-W07", id="last-week"),
    pytest.param("Talks/talk/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass held/hold/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass "
                 "in/ADP/6/case March/PROPN/6/compound 2024/NUM/3/obl ./PUNCT/3/punct", "2025-02-17", "hold talk", "2024-03",
                 id="month-year"),
]


@pytest.mark.parametrize(("parse", "reference", "lemma", "value"), TIMES)
def test_when(extractor, parse, reference, lemma, value):
    event = only(extractor.extract_document(conllu(parse), reference_date=reference), lemma)
    assert event.when is not None and event.when.value == value


def test_when_goes_to_the_predicate_that_governs_it(extractor):
    parse = ("Macron/PROPN/2/nsubj said/say/VERB/0/root/" + PAST + " on/ADP/4/case Monday/PROPN/2/obl that/SCONJ/8/mark "
             "leaders/leader/NOUN/8/nsubj would/AUX/8/aux meet/VERB/2/ccomp/" + INF + " next/ADJ/10/amod week/NOUN/8/obl:tmod ./PUNCT/2/punct")
    events = extractor.extract_document(conllu(parse), reference_date="2025-02-19")
    assert only(events, "say").when.value == "2025-02-17"
    assert only(events, "meet").when.value == "2025-W09"


def test_durations_are_not_when(extractor):
    parse = ("Fighters/fighter/NOUN/2/nsubj attacked/attack/VERB/0/root/" + PAST + " for/ADP/5/case three/NUM/5/nummod "
             "hours/hour/NOUN/2/obl ./PUNCT/2/punct")
    assert only(extractor.extract_document(conllu(parse), reference_date="2025-02-17"), "attack").when is None


NEGATION_AND_MODALITY = [
    pytest.param("Ukraine/PROPN/4/nsubj would/AUX/4/aux not/PART/4/advmod take/VERB/0/root/" + INF + " part/NOUN/4/obj ./PUNCT/4/punct",
                 "take part", True, "hypothetical", id="would-not"),
    pytest.param("Iran/PROPN/4/nsubj has/have/AUX/4/aux never/ADV/4/advmod attacked/attack/VERB/0/root/Tense=Past|VerbForm=Part "
                 "Israel/PROPN/4/obj ./PUNCT/4/punct", "attack", True, "asserted", id="never"),
    pytest.param("Russia/PROPN/2/nsubj refused/refuse/VERB/0/root/" + PAST + " to/PART/4/mark negotiate/VERB/2/xcomp/" + INF + " ./PUNCT/2/punct",
                 "negotiate", True, "asserted", id="refused-to"),
    pytest.param("There/PRON/2/expl were/be/VERB/0/root/" + PAST + " no/DET/4/det talks/talk/NOUN/2/nsubj ./PUNCT/2/punct",
                 "talk", True, "asserted", id="no-noun"),
    pytest.param("Rubio/PROPN/3/nsubj will/AUX/3/aux visit/VERB/0/root/" + INF + " Kyiv/PROPN/3/obj ./PUNCT/3/punct",
                 "visit", False, "future", id="will"),
    pytest.param("Russia/PROPN/3/nsubj could/AUX/3/aux attack/VERB/0/root/" + INF + " ./PUNCT/3/punct",
                 "attack", False, "hypothetical", id="could"),
    pytest.param("Zelensky/PROPN/2/nsubj plans/plan/VERB/0/root/" + PRES + " to/PART/4/mark visit/VERB/2/xcomp/" + INF
                 + " Paris/PROPN/4/obj ./PUNCT/2/punct", "visit", False, "intended", id="plan-to"),
    pytest.param("Leaders/leader/NOUN/3/nsubj:pass are/be/AUX/3/aux:pass expected/expect/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass "
                 "to/PART/5/mark meet/VERB/3/xcomp/" + INF + " ./PUNCT/3/punct", "meet", False, "future", id="expected-to"),
    pytest.param("If/SCONJ/3/mark Russia/PROPN/3/nsubj attacks/attack/VERB/6/advcl/" + PRES + " ,/PUNCT/3/punct NATO/PROPN/6/nsubj "
                 "responds/respond/VERB/0/root/" + PRES + " ./PUNCT/6/punct", "attack", False, "hypothetical", id="conditional"),
    pytest.param("Leaders/leader/NOUN/2/nsubj welcomed/welcome/VERB/0/root/" + PAST + " the/DET/5/det upcoming/ADJ/5/amod "
                 "visit/NOUN/2/obj ./PUNCT/2/punct", "visit", False, "future", id="upcoming-noun"),
    pytest.param("Zelensky/PROPN/2/nsubj said/say/VERB/0/root/" + PAST + " Ukraine/PROPN/6/nsubj would/AUX/6/aux not/PART/6/advmod "
                 "take/VERB/2/ccomp/" + INF + " part/NOUN/6/obj ./PUNCT/2/punct", "take part", True, "future",
                 id="reported-would-is-future"),
]


@pytest.mark.parametrize(("parse", "lemma", "negated", "modality"), NEGATION_AND_MODALITY)
def test_negation_and_modality(extractor, parse, lemma, negated, modality):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.negated is negated
    assert event.modality == modality


INTENT = [
    pytest.param("The/DET/2/det UN/PROPN/4/nsubj will/AUX/4/aux provide/VERB/0/root/" + INF + " aid/NOUN/4/obj ./PUNCT/4/punct",
                 "provide aid", "AGREE", id="future-aid-is-agree"),
    pytest.param("Russia/PROPN/3/nsubj will/AUX/3/aux attack/VERB/0/root/" + INF + " Kyiv/PROPN/3/obj ./PUNCT/3/punct",
                 "attack", "THREATEN", id="future-attack-is-threaten"),
    pytest.param("Russia/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod attack/VERB/0/root/" + INF + " ./PUNCT/4/punct",
                 "attack", "ASSAULT", id="negated-keeps-type"),
    pytest.param("Rubio/PROPN/3/nsubj will/AUX/3/aux meet/VERB/0/root/" + INF + " Lavrov/PROPN/3/obj ./PUNCT/3/punct",
                 "meet", "AGREE", id="future-meeting-is-agree"),
    # CAMEO2PLOVER 0356 (express intent to de-escalate) is AGREE; the PLOVER manual keeps
    # a future concession CONCEDE
    pytest.param("Nigeria/PROPN/3/nsubj will/AUX/3/aux withdraw/VERB/0/root/" + INF + " troops/troop/NOUN/3/obj ./PUNCT/3/punct",
                 "withdraw", "AGREE", id="future-withdrawal-is-agree"),
    pytest.param("Israel/PROPN/3/nsubj will/AUX/3/aux apologize/VERB/0/root/" + INF + " ./PUNCT/3/punct",
                 "apologize", "CONCEDE", id="future-concession-stays-concede"),
    pytest.param("Nigeria/PROPN/3/nsubj will/AUX/3/aux withdraw/VERB/0/root/" + INF + " troops/troop/NOUN/3/obj unless/SCONJ/8/mark "
                 "elections/election/NOUN/8/nsubj:pass are/be/AUX/8/aux:pass held/hold/VERB/3/advcl/Tense=Past|VerbForm=Part|Voice=Pass "
                 "./PUNCT/3/punct", "withdraw", "THREATEN", id="unless-condition-is-threaten"),
    pytest.param("Rebels/rebel/NOUN/3/nsubj have/AUX/3/aux sworn/swear/VERB/0/root/Tense=Past|VerbForm=Part to/PART/5/mark "
                 "fight/VERB/3/xcomp/" + INF + " ./PUNCT/3/punct", "fight", "THREATEN", id="sworn-to-fight-is-threaten"),
]


@pytest.mark.parametrize(("parse", "lemma", "type_"), INTENT)
def test_plover_codes_commitments_and_threats(extractor, parse, lemma, type_):
    """PLOVER codes a future cooperative event as the commitment (AGREE) and a conflictual one as the threat
    (THREATEN) it is; future withdrawals and concessions are CONCEDE."""
    assert only(extractor.extract_document(conllu(parse)), lemma).type == type_


CODING = [
    pytest.param("Russia/PROPN/2/nsubj said/say/VERB/0/root/" + PAST + " Sudan/PROPN/5/nsubj must/AUX/5/aux return/VERB/2/ccomp/" + INF
                 + " the/DET/7/det helicopter/NOUN/5/obj ./PUNCT/2/punct", "say", "DEMAND", ["Sudan"], id="reported-obligation-is-demand"),
    pytest.param("Syria/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod accept/VERB/0/root/" + INF + " refugees/refugee/NOUN/4/obj ./PUNCT/4/punct",
                 "accept", "REJECT", ["refugees"], id="negated-agree-is-reject"),
    pytest.param("North/PROPN/2/compound Korea/PROPN/3/nsubj tried/try/VERB/0/root/" + PAST + " to/PART/5/mark hack/VERB/3/xcomp/" + INF
                 + " computers/computer/NOUN/5/obj ./PUNCT/3/punct", "hack", "COERCE", ["computers"], id="attempt-is-not-a-threat"),
    pytest.param("Syrian/ADJ/2/amod officers/officer/NOUN/3/nsubj ended/end/VERB/0/root/" + PAST + " mediation/NOUN/5/compound "
                 "efforts/effort/NOUN/3/obj between/ADP/8/case rival/ADJ/8/amod militias/militia/NOUN/5/nmod ./PUNCT/3/punct",
                 "mediation", "SANCTION", ["rival militias"], id="halted-mediation-is-sanction"),
    pytest.param("Iran/PROPN/2/nsubj broke/break/VERB/0/root/" + PAST + " off/ADP/2/compound:prt talks/talk/NOUN/2/obj "
                 "with/ADP/7/case the/DET/7/det IAEA/PROPN/4/nmod ./PUNCT/2/punct",
                 "talk", "SANCTION", ["the IAEA"], id="broken-off-talks-are-sanction"),
    pytest.param("The/DET/2/det sides/side/NOUN/3/nsubj ended/end/VERB/0/root/" + PAST + " two/NUM/5/nummod days/day/NOUN/3/obj "
                 "of/ADP/7/case talks/talk/NOUN/5/nmod ./PUNCT/3/punct",
                 "talk", "CONSULT", [], id="concluded-talks-stay-consult"),
    pytest.param("Leaders/leader/NOUN/2/nsubj ended/end/VERB/0/root/" + PAST + " their/their/PRON/4/nmod:poss/Poss=Yes "
                 "talks/talk/NOUN/2/obj with/ADP/7/case a/DET/7/det statement/NOUN/2/obl ./PUNCT/2/punct",
                 "talk", "CONSULT", [], id="ended-talks-are-concluded"),
    pytest.param("The/DET/2/det EU/PROPN/3/nsubj froze/freeze/VERB/0/root/" + PAST + " its/its/PRON/5/nmod:poss/Poss=Yes "
                 "cooperation/NOUN/3/obj with/ADP/7/case Niger/PROPN/5/nmod ./PUNCT/3/punct",
                 "cooperation", "SANCTION", ["Niger"], id="frozen-cooperation-is-sanction"),
    pytest.param("French/ADJ/4/amod and/CCONJ/3/cc Egyptian/ADJ/4/amod warships/warship/NOUN/5/nsubj "
                 "launched/launch/VERB/0/root/" + PAST + " war/NOUN/7/compound games/game/NOUN/5/obj ./PUNCT/5/punct",
                 "war game", "COOPERATE", [], id="joint-war-games-are-cooperate"),
    pytest.param("China/PROPN/2/nsubj launched/launch/VERB/0/root/" + PAST + " war/NOUN/4/compound games/game/NOUN/2/obj "
                 "./PUNCT/2/punct", "war game", "MOBILIZE", [], id="single-country-war-games-are-mobilize"),
    pytest.param("Russia/PROPN/4/nsubj and/CCONJ/3/cc Belarus/PROPN/1/conj deployed/deploy/VERB/0/root/" + PAST
                 + " troops/troop/NOUN/4/obj ./PUNCT/4/punct", "deploy", "MOBILIZE", ["troops"],
                 id="coordinated-deployment-stays-mobilize"),
    pytest.param("Israelis/Israeli/PROPN/2/nsubj failed/fail/VERB/0/root/" + PAST + " to/PART/4/mark reach/VERB/2/xcomp/" + INF
                 + " agreement/NOUN/4/obj ./PUNCT/2/punct", "reach agreement", "REJECT", [], id="failed-agreement-is-reject"),
]


@pytest.mark.parametrize(("parse", "lemma", "type_", "whom"), CODING)
def test_plover_coding_of_statements(extractor, parse, lemma, type_, whom):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert event.type == type_
    assert [p.text for p in event.whom] == whom


def test_vague_references_are_not_when(extractor):
    parse = "Leaders/leader/NOUN/3/nsubj recently/ADV/3/advmod met/meet/VERB/0/root/" + PAST + " ./PUNCT/3/punct"
    assert only(extractor.extract_document(conllu(parse), reference_date="2025-02-17"), "meet").when is None
