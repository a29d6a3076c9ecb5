"""who / whom in financial news on gold parses (no model needed).

Stock-market and company news is a domain the rules were not tuned on (MEANTIME's
held-out ``gm`` corpus): these made-up sentences pin down its constructions — price
and index movements with extents ("rose 3 % to $ 80"), forecasts ("analysts expect
earnings to rise"), acquisitions, and light verbs with eventive objects.
"""

from __future__ import annotations

import pytest
from conftest import conllu, only, roles_of

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
INF = "VerbForm=Inf"
PASS = "Tense=Past|VerbForm=Part|Voice=Pass"

# (gold parse, trigger lemma, expected who texts, expected whom texts)
FINANCE = [
    pytest.param(  # a percentage is an extent: the index undergoes the fall
        "Shares/share/NOUN/2/nsubj fell/fall/VERB/0/root/" + PAST + " 5/NUM/4/nummod %/SYM/2/obj ./PUNCT/2/punct",
        "fall", [], ["Shares"], id="shares-fell-percent"),
    pytest.param(  # points and the level reached are no participants
        "The/DET/2/det Dow/PROPN/3/nsubj rose/rise/VERB/0/root/" + PAST + " 120/NUM/5/nummod points/point/NOUN/3/obj "
        "to/ADP/7/case 10,500/NUM/3/obl ./PUNCT/3/punct",
        "rise", [], ["The Dow"], id="index-rose-points-to-level"),
    pytest.param(  # "X rose 12 % to $ 5 billion"
        "Revenue/revenue/NOUN/2/nsubj rose/rise/VERB/0/root/" + PAST + " 12/NUM/4/nummod %/SYM/2/obj to/ADP/6/case "
        "$/SYM/2/obl 5/NUM/6/nummod billion/NUM/7/compound ./PUNCT/2/punct",
        "rise", [], ["Revenue"], id="revenue-rose-percent-to-sum"),
    pytest.param(  # a subject with its "of" phrase, an extent in "percent"
        "Sales/sale/NOUN/5/nsubj of/ADP/4/case the/DET/4/det iPhone/PROPN/1/nmod jumped/jump/VERB/0/root/" + PAST
        + " 40/NUM/7/nummod percent/NOUN/5/obj ./PUNCT/5/punct",
        "jump", [], ["Sales of the iPhone"], id="sales-of-product-jumped"),
    pytest.param(  # a price level reached with "to" is no participant
        "Oil/oil/NOUN/2/compound prices/price/NOUN/3/nsubj climbed/climb/VERB/0/root/" + PAST
        + " to/ADP/5/case $/SYM/3/obl 80/NUM/5/nummod ./PUNCT/3/punct",
        "climb", [], ["Oil prices"], id="prices-climbed-to-level"),
    pytest.param(  # a currency's "against" phrase leaves its subject an undergoer, and is no
        # participant (gain.01 has no role for it: PropBank preposition_argument_verbs)
        "The/DET/2/det euro/NOUN/3/nsubj gained/gain/VERB/0/root/" + PAST + " against/ADP/6/case the/DET/6/det "
        "dollar/NOUN/3/obl ./PUNCT/3/punct",
        "gain", [], ["The euro"], id="currency-gained-against"),
    pytest.param(  # raising to object: the analysts expect, the earnings rise
        "Analysts/analyst/NOUN/2/nsubj expect/expect/VERB/0/root/" + PRES + " earnings/earning/NOUN/2/obj "
        "to/PART/5/mark rise/rise/VERB/2/xcomp/" + INF + " ./PUNCT/2/punct",
        "rise", [], ["earnings"], id="analysts-expect-earnings-to-rise"),
    pytest.param(  # an acquisition: buyer and bought company; the price is no participant
        "Microsoft/PROPN/2/nsubj acquired/acquire/VERB/0/root/" + PAST + " LinkedIn/PROPN/2/obj for/ADP/5/case "
        "$/SYM/2/obl 26/NUM/5/nummod billion/NUM/6/compound ./PUNCT/2/punct",
        "acquire", ["Microsoft"], ["LinkedIn"], id="acquisition"),
    pytest.param(  # an ordinary agentive sale
        "Investors/investor/NOUN/2/nsubj sold/sell/VERB/0/root/" + PAST + " shares/share/NOUN/2/obj of/ADP/5/case "
        "Ford/PROPN/3/nmod ./PUNCT/2/punct",
        "sell", ["Investors"], ["shares of Ford"], id="investors-sold-shares"),
    pytest.param(  # job cuts: the company acts on the jobs
        "General/PROPN/2/compound Motors/PROPN/3/nsubj cut/cut/VERB/0/root/" + PAST + " 5,000/NUM/5/nummod "
        "jobs/job/NOUN/3/obj ./PUNCT/3/punct",
        "cut", ["General Motors"], ["5,000 jobs"], id="company-cut-jobs"),
    pytest.param(  # a light verb's eventive object is the predicate it carries, not a participant
        "The/DET/2/det company/NOUN/3/nsubj made/make/VERB/0/root/" + PAST + " a/DET/5/det bid/NOUN/3/obj "
        "for/ADP/7/case Chrysler/PROPN/5/nmod ./PUNCT/3/punct",
        "make", ["The company"], [], id="light-verb-made-a-bid"),
    pytest.param(  # ... and the noun keeps its own arguments
        "The/DET/2/det company/NOUN/3/nsubj made/make/VERB/0/root/" + PAST + " a/DET/5/det bid/NOUN/3/obj "
        "for/ADP/7/case Chrysler/PROPN/5/nmod ./PUNCT/3/punct",
        "bid", ["The company"], ["Chrysler"], id="light-verb-noun-keeps-arguments"),
    pytest.param(  # an extraposed "it" stands for the clause: no participant
        "It/it/PRON/3/nsubj:pass is/be/AUX/3/aux:pass expected/expect/VERB/0/root/" + PASS + " that/SCONJ/7/mark "
        "profits/profit/NOUN/7/nsubj will/AUX/7/aux fall/fall/VERB/3/ccomp/" + INF + " ./PUNCT/3/punct",
        "expect", [], [], id="expletive-it"),
    pytest.param(  # ... and the complement keeps its subject
        "It/it/PRON/3/nsubj:pass is/be/AUX/3/aux:pass expected/expect/VERB/0/root/" + PASS + " that/SCONJ/7/mark "
        "profits/profit/NOUN/7/nsubj will/AUX/7/aux fall/fall/VERB/3/ccomp/" + INF + " ./PUNCT/3/punct",
        "fall", [], ["profits"], id="expletive-it-complement"),
    pytest.param(  # an event named by a noun is related to the event, not a participant in it
        "The/DET/2/det decision/NOUN/3/nsubj came/come/VERB/0/root/" + PAST + " on/ADP/5/case Friday/PROPN/3/obl "
        "./PUNCT/3/punct",
        "come", [], [], id="event-nominal-subject"),
    pytest.param(
        "GM/PROPN/2/nsubj unveiled/unveil/VERB/0/root/" + PAST + " a/DET/4/det plan/NOUN/2/obj ./PUNCT/2/punct",
        "unveil", ["GM"], [], id="event-nominal-object"),
    pytest.param(  # a deverbal noun (suffix) with a PropBank noun alias names an event too
        "The/DET/2/det announcement/NOUN/3/nsubj came/come/VERB/0/root/" + PAST + " on/ADP/5/case Friday/PROPN/3/obl "
        "./PUNCT/3/punct",
        "come", [], [], id="deverbal-event-nominal-subject"),
    pytest.param(
        "GM/PROPN/2/nsubj announced/announce/VERB/0/root/" + PAST + " a/DET/5/det major/ADJ/5/amod "
        "restructuring/NOUN/2/obj ./PUNCT/2/punct",
        "announce", ["GM"], [], id="deverbal-event-nominal-object"),
    pytest.param(  # ... but not one without a PropBank noun alias ("shipment": a thing shipped)
        "Boeing/PROPN/2/nsubj delayed/delay/VERB/0/root/" + PAST + " the/DET/4/det shipment/NOUN/2/obj ./PUNCT/2/punct",
        "delay", ["Boeing"], ["the shipment"], id="no-propbank-alias-is-a-participant"),
    pytest.param(  # a contract is a thing won (no PropBank noun alias), so a participant
        "Airbus/PROPN/2/nsubj won/win/VERB/0/root/" + PAST + " a/DET/4/det contract/NOUN/2/obj ./PUNCT/2/punct",
        "win", ["Airbus"], ["a contract"], id="contract-is-a-participant"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), FINANCE)
def test_financial_news_roles(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)


def test_a_referential_it_is_a_participant(extractor):
    """Only an extraposed *it* (with a clause after it) is dropped: "It was delayed" keeps it."""
    parse = ("It/it/PRON/3/nsubj:pass was/be/AUX/3/aux:pass delayed/delay/VERB/0/root/" + PASS + " ./PUNCT/3/punct")
    event = only(extractor.extract_document(conllu(parse)), "delay")
    assert [p.text for p in event.whom] == ["It"]


def test_an_ordinary_verb_keeps_its_eventive_object(extractor):
    """Only light verbs carry their object as the predicate: "Congress rejected the proposal"."""
    parse = ("Congress/PROPN/2/nsubj approved/approve/VERB/0/root/" + PAST + " the/DET/4/det proposal/NOUN/2/obj ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "approve")
    assert [p.text for p in event.whom] == ["the proposal"]
