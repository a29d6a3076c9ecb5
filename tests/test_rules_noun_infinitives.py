"""Who acts in the *to*-infinitive of an eventive noun: the noun's own agent (PropBank ARG0:
possessor, *by* phrase, nationality), else the subject of a predicate noun or of the verb whose
object the noun is; never the noun itself. A noun that names no event is the subject itself."""

from __future__ import annotations

import pytest
from conftest import roles_of

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
INF = "VerbForm=Inf"

# (gold parse, trigger lemma of the infinitive, expected who texts, expected whom texts)
CONTROLLERS = [
    pytest.param(
        "President/PROPN/2/compound Putin/PROPN/4/nmod:poss 's/PART/2/case decision/NOUN/8/nsubj to/PART/6/mark "
        "invade/VERB/4/acl/" + INF + " Ukraine/PROPN/6/obj angered/anger/VERB/0/root/" + PAST
        + " NATO/PROPN/8/obj ./PUNCT/8/punct",
        "invade", ["President Putin"], ["Ukraine"], id="possessor-of-the-noun"),
    pytest.param(
        "The/DET/2/det decision/NOUN/8/nsubj by/ADP/4/case Iran/PROPN/2/nmod to/PART/6/mark "
        "expel/VERB/2/acl/" + INF + " diplomats/diplomat/NOUN/6/obj surprised/surprise/VERB/0/root/" + PAST
        + " Europe/PROPN/8/obj ./PUNCT/8/punct",
        "expel", ["Iran"], ["diplomats"], id="by-phrase-of-the-noun"),
    pytest.param(
        "Boeing/PROPN/2/nsubj won/win/VERB/0/root/" + PAST + " a/DET/4/det contract/NOUN/2/obj to/PART/6/mark "
        "supply/VERB/4/acl/" + INF + " tankers/tanker/NOUN/6/obj ./PUNCT/2/punct",
        "supply", ["Boeing"], ["tankers"], id="subject-of-the-verb-above"),
    pytest.param(
        "Executives/executive/NOUN/4/nsubj are/be/AUX/4/cop/" + PRES + " in/ADP/4/case negotiations/negotiation/NOUN/0/root "
        "to/PART/6/mark buy/VERB/4/acl/" + INF + " the/DET/8/det studio/NOUN/6/obj ./PUNCT/4/punct",
        "buy", ["Executives"], ["the studio"], id="subject-of-a-predicate-noun"),
    pytest.param(
        "McCain/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " against/ADP/5/case the/DET/5/det deal/NOUN/2/obl "
        "to/PART/7/mark lease/VERB/5/acl/" + INF + " tankers/tanker/NOUN/7/obj ./PUNCT/2/punct",
        "lease", [], ["tankers"], id="no-agent-is-no-who"),
    pytest.param(  # a noun that names no event is the infinitive's subject
        "Apple/PROPN/2/nsubj bought/buy/VERB/0/root/" + PAST + " a/DET/4/det company/NOUN/2/obj "
        "to/PART/6/mark make/VERB/4/acl/" + INF + " chips/chip/NOUN/6/obj ./PUNCT/2/punct",
        "make", ["a company"], ["chips"], id="non-eventive-noun-is-the-subject"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), CONTROLLERS)
def test_infinitive_of_an_eventive_noun(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)
