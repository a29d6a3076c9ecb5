"""*with* / *against* phrases of an untyped event are participants only where PropBank's
examples make them a numbered argument of the verb, and *for* phrases where they make
them its ARG1 (propbank.json ``preposition_argument_verbs``); a typed event keeps its
ontology's partner prepositions."""

from __future__ import annotations

import pytest
from conftest import roles_of

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PASS = "Tense=Past|VerbForm=Part|Voice=Pass"

# (gold parse, trigger lemma, expected who texts, expected whom texts)
PARTNERS = [
    pytest.param(  # merge.01 ARG2 "with …": a participant
        "GM/PROPN/2/nsubj merged/merge/VERB/0/root/" + PAST + " with/ADP/4/case Chrysler/PROPN/2/obl ./PUNCT/2/punct",
        "merge", ["GM"], ["Chrysler"], id="merge-with-argument"),
    pytest.param(  # compete.01 ARG1 (COM) "with …"
        "Airbus/PROPN/2/nsubj competes/compete/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin with/ADP/4/case "
        "Boeing/PROPN/2/obl ./PUNCT/2/punct",
        "compete", ["Airbus"], ["Boeing"], id="compete-with-argument"),
    pytest.param(  # no example makes "with" an argument of "manufacture": a material, no participant
        "The/DET/2/det jet/NOUN/4/nsubj:pass was/be/AUX/4/aux:pass manufactured/manufacture/VERB/0/root/" + PASS
        + " with/ADP/6/case composites/composite/NOUN/4/obl ./PUNCT/4/punct",
        "manufacture", [], ["The jet"], id="manufacture-with-adjunct"),
    pytest.param(  # ... nor of "celebrate": company, no participant
        "Boeing/PROPN/2/nsubj celebrated/celebrate/VERB/0/root/" + PAST + " the/DET/4/det delivery/NOUN/2/obj "
        "with/ADP/6/case customers/customer/NOUN/2/obl ./PUNCT/2/punct",
        "celebrate", ["Boeing"], [], id="celebrate-with-adjunct"),
    pytest.param(  # bid.01 ARG1 "for …": the theme
        "Boeing/PROPN/2/nsubj bid/VERB/0/root/" + PAST + " for/ADP/5/case the/DET/5/det contract/NOUN/2/obl "
        "./PUNCT/2/punct",
        "bid", ["Boeing"], ["the contract"], id="bid-for-theme"),
    pytest.param(  # sell.01's "for" phrase is the price (ARG3), no patient
        "GM/PROPN/2/nsubj sold/sell/VERB/0/root/" + PAST + " the/DET/4/det unit/NOUN/2/obj for/ADP/7/case "
        "$/SYM/7/compound 5/NUM/2/obl ./PUNCT/2/punct",
        "sell", ["GM"], ["the unit"], id="sell-for-price"),
    pytest.param(  # a typed event keeps its partners ("protested against …", PROTEST)
        "Thousands/thousand/NUM/2/nsubj protested/protest/VERB/0/root/" + PAST
        + " against/ADP/5/case the/DET/5/det government/NOUN/2/obl ./PUNCT/2/punct",
        "protest", ["Thousands"], ["the government"], id="typed-event-keeps-partner"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), PARTNERS)
def test_partner_obliques(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)
