"""when: which time expressions place an event in time (gold parses, no model)."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
INF = "VerbForm=Inf"
PART = "Tense=Past|VerbForm=Part"

# (gold parse, reference date, trigger lemma, expected when value or None)
ANCHORS = [
    pytest.param(  # a year in an oblique places the event
        "Airbus/PROPN/2/nsubj delivered/deliver/VERB/0/root/" + PAST + " six/NUM/4/nummod jets/jet/NOUN/2/obj "
        "in/ADP/6/case 2009/NUM/2/obl ./PUNCT/2/punct", "2010-05-01", "deliver", "2009", id="year-oblique"),
    pytest.param(  # "since" bounds the event (TimeML BEGUN_BY), it does not say when it happened
        "Boeing/PROPN/4/nsubj:pass had/have/AUX/4/aux been/be/AUX/4/aux:pass suspended/suspend/VERB/0/root/" + PART
        + "|Voice=Pass since/ADP/6/case July/PROPN/4/obl 24/NUM/6/nummod ,/PUNCT/9/punct 2003/NUM/6/nmod:tmod "
        "./PUNCT/4/punct", "2005-03-06", "suspend", None, id="since-is-a-bound"),
    pytest.param(  # both ends of a from-to range are bounds
        "Airbus/PROPN/3/nsubj will/AUX/3/aux deliver/VERB/0/root/" + INF + " six/NUM/5/nummod jets/jet/NOUN/3/obj "
        "from/ADP/7/case 2009/NUM/3/obl to/ADP/9/case 2011/NUM/7/nmod ./PUNCT/3/punct", "2007-06-09", "deliver", None,
        id="from-to-range"),
    pytest.param(  # both ends of a between-and range are bounds
        "Airbus/PROPN/3/nsubj will/AUX/3/aux deliver/VERB/0/root/" + INF + " jets/jet/NOUN/3/obj between/ADP/6/case "
        "2014/NUM/3/obl and/CCONJ/8/cc 2016/NUM/6/conj ./PUNCT/3/punct", "2007-06-09", "deliver", None,
        id="between-and-range"),
    pytest.param(  # "until" still says when the delayed event happens
        "The/DET/2/det delivery/NOUN/4/nsubj:pass was/be/AUX/4/aux:pass delayed/delay/VERB/0/root/" + PART
        + "|Voice=Pass until/ADP/6/case October/PROPN/4/obl 2007/NUM/6/nummod ./PUNCT/4/punct", "2006-10-05", "delay",
        "2007-10", id="until-is-an-anchor"),
    pytest.param(  # a year that is part of a name is no time of the event
        "Apple/PROPN/2/nsubj unveiled/unveil/VERB/0/root/" + PAST + " iPhone/PROPN/2/obj at/ADP/7/case "
        "Worldwide/PROPN/6/compound Developers/PROPN/7/compound Conference/PROPN/2/obl 2010/NUM/7/nummod "
        "./PUNCT/2/punct", "2010-06-08", "unveil", None, id="year-in-a-name"),
    pytest.param(  # a year that modifies a common noun stays a time
        "Apple/PROPN/2/nsubj unveiled/unveil/VERB/0/root/" + PAST + " iPhone/PROPN/2/obj in/ADP/5/case "
        "June/PROPN/2/obl 2010/NUM/5/nummod ./PUNCT/2/punct", "2010-06-08", "unveil", "2010-06", id="month-year-stays"),
]


@pytest.mark.parametrize(("parse", "reference", "lemma", "value"), ANCHORS)
def test_when_anchor(extractor, parse, reference, lemma, value):
    event = only(extractor.extract_document(conllu(parse), reference_date=reference), lemma)
    assert (event.when.value if event.when else None) == value


def test_bound_is_still_a_time_word(extractor):
    """A bound is no anchor, but its words stay time words: never a place or a participant."""
    parse = ("Boeing/PROPN/4/nsubj:pass had/have/AUX/4/aux been/be/AUX/4/aux:pass suspended/suspend/VERB/0/root/" + PART
             + "|Voice=Pass since/ADP/6/case July/PROPN/4/obl 2003/NUM/6/nummod ./PUNCT/4/punct")
    event = only(extractor.extract_document(conllu(parse), reference_date="2005-03-06"), "suspend")
    assert event.when is None and event.where is None
    assert all("July" not in p.text for p in [*event.who, *event.whom])


SHARED = [
    pytest.param(  # a subjectless -ing adjunct happens at the time of the event it hangs on
        "The/DET/2/det jet/NOUN/3/nsubj crashed/crash/VERB/0/root/" + PAST + " in/ADP/5/case June/PROPN/3/obl ,/PUNCT/7/punct "
        "killing/kill/VERB/3/advcl/VerbForm=Ger 228/NUM/9/nummod people/person/NOUN/7/obj ./PUNCT/3/punct",
        "2009-07-30", "kill", "2009-06", id="ing-adjunct-shares"),
    pytest.param(  # ... unless it says it came later
        "He/he/PRON/2/nsubj fought/fight/VERB/0/root/" + PAST + " cancer/NOUN/2/obj in/ADP/5/case 2004/NUM/2/obl ,/PUNCT/8/punct "
        "later/ADV/8/advmod revealing/reveal/VERB/2/advcl/VerbForm=Ger a/DET/10/det transplant/NOUN/8/obj ./PUNCT/2/punct",
        "2011-01-17", "reveal", None, id="later-ing-adjunct-does-not"),
    pytest.param(  # an -ing clause with its own subject keeps to itself
        "Airbus/PROPN/2/nsubj lost/lose/VERB/0/root/" + PAST + " orders/order/NOUN/2/obj in/ADP/5/case 2005/NUM/2/obl ,/PUNCT/8/punct "
        "Boeing/PROPN/8/nsubj winning/win/VERB/2/advcl/VerbForm=Ger them/PRON/8/obj ./PUNCT/2/punct",
        "2006-01-01", "win", None, id="ing-clause-with-subject"),
    pytest.param(  # the event noun of a support verb has the verb's time
        "The/DET/2/det plane/NOUN/3/nsubj made/make/VERB/0/root/" + PAST + " its/PRON/6/nmod:poss maiden/ADJ/6/amod "
        "flight/NOUN/3/obj on/ADP/8/case December/PROPN/3/obl 11/NUM/8/nummod ./PUNCT/3/punct",
        "2010-01-25", "flight", "2009-12-11", id="support-verb-noun"),
]


@pytest.mark.parametrize(("parse", "reference", "lemma", "value"), SHARED)
def test_when_shared(extractor, parse, reference, lemma, value):
    event = only(extractor.extract_document(conllu(parse), reference_date=reference), lemma)
    assert (event.when.value if event.when else None) == value
