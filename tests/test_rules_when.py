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


TITLE = "Boeing/PROPN/2/nsubj wins/win/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin order/NOUN/2/obj"
DATELINE = "March/PROPN/0/root 01/NUM/1/nummod ,/PUNCT/4/punct 2008/NUM/1/nmod:tmod"
PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"

# (body sentence under a title and a dateline "March 01, 2008", trigger lemma, expected when value or None)
DATELINED = [
    pytest.param("Boeing/PROPN/2/nsubj says/say/VERB/0/root/" + PRES + " demand/NOUN/4/nsubj grows/grow/VERB/2/ccomp/" + PRES
                 + " ./PUNCT/2/punct", "say", "2008-03-01", id="simple-present-is-the-dateline"),
    pytest.param("The/DET/2/det store/NOUN/5/nsubj does/do/AUX/5/aux/" + PRES + " not/PART/5/advmod sell/VERB/0/root/" + INF
                 + " films/film/NOUN/5/obj ./PUNCT/5/punct", "sell", "2008-03-01", id="do-support-present"),
    pytest.param("Airbus/PROPN/3/nsubj:pass is/be/AUX/3/aux:pass/" + PRES + " owned/own/VERB/0/root/" + PART
                 + "|Voice=Pass by/ADP/5/case EADS/PROPN/3/obl ./PUNCT/3/punct", "own", "2008-03-01", id="present-passive"),
    pytest.param("Papermaster/PROPN/3/nsubj is/be/AUX/3/aux/" + PRES + " stepping/step/VERB/0/root/Tense=Pres|VerbForm=Part "
                 "down/ADP/3/compound:prt ./PUNCT/3/punct", "step down", "2008-03-01", id="present-progressive"),
    pytest.param("Boeing/PROPN/2/nsubj won/win/VERB/0/root/" + PAST + " an/DET/4/det order/NOUN/2/obj ./PUNCT/2/punct",
                 "win", None, id="past-has-no-default"),
    pytest.param("Boeing/PROPN/3/nsubj has/have/AUX/3/aux/" + PRES + " won/win/VERB/0/root/" + PART + " an/DET/5/det "
                 "order/NOUN/3/obj ./PUNCT/3/punct", "win", None, id="present-perfect-has-no-default"),
    pytest.param("Boeing/PROPN/3/nsubj will/AUX/3/aux deliver/VERB/0/root/" + INF + " jets/jet/NOUN/3/obj ./PUNCT/3/punct",
                 "deliver", None, id="future-has-no-default"),
    pytest.param("The/DET/2/det show/NOUN/4/nsubj:pass is/be/AUX/4/aux:pass/" + PRES + " held/hold/VERB/0/root/" + PART
                 + "|Voice=Pass in/ADP/6/case June/PROPN/4/obl ./PUNCT/4/punct", "hold", "2008-06", id="own-time-first"),
    pytest.param("The/DET/2/det show/NOUN/6/nsubj:pass is/be/AUX/6/aux:pass/" + PRES + " to/PART/6/mark be/AUX/6/aux:pass/"
                 + INF + " held/hold/VERB/0/root/" + PART + "|Voice=Pass ./PUNCT/6/punct", "hold", None,
                 id="is-to-be-is-a-plan"),
]


@pytest.mark.parametrize(("body", "lemma", "value"), DATELINED)
def test_present_events_take_the_dateline(extractor, body, lemma, value):
    """TimeML: an event in the present overlaps the time of writing, which a dateline states."""
    events = extractor.extract_document(conllu(TITLE, DATELINE, body), reference_date="2008-03-01")
    event = only([e for e in events if e.sentence == 2], lemma)
    assert (event.when.value if event.when else None) == value
    if event.when is not None and value == "2008-03-01":
        assert event.when.text == "March 01, 2008"


def test_no_dateline_no_default(extractor):
    """Without a dateline in the text, a present-tense event has no time (the reference date alone is not written)."""
    body = "Boeing/PROPN/2/nsubj says/say/VERB/0/root/" + PRES + " demand/NOUN/4/nsubj grows/grow/VERB/2/ccomp/" + PRES
    events = extractor.extract_document(conllu(TITLE, body + " ./PUNCT/2/punct"), reference_date="2008-03-01")
    assert only([e for e in events if e.sentence == 1], "say").when is None


def test_headline_keeps_no_time(extractor):
    """The headline comes before the dateline: its present is the headline present, no time."""
    body = "Boeing/PROPN/2/nsubj says/say/VERB/0/root/" + PRES + " demand/NOUN/4/nsubj grows/grow/VERB/2/ccomp/" + PRES
    events = extractor.extract_document(conllu(TITLE, DATELINE, body + " ./PUNCT/2/punct"), reference_date="2008-03-01")
    assert only([e for e in events if e.sentence == 0], "win").when is None
