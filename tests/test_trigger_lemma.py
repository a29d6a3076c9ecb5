"""``Event.trigger.lemma`` is the lemma of the trigger's own words (gold parses, no model)."""

from __future__ import annotations

import pytest
from conftest import conllu

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PASS = "Tense=Past|VerbForm=Part|Voice=Pass"

# (gold parse, trigger text, expected trigger lemma)
TRIGGERS = [
    pytest.param("Macron/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " with/ADP/4/case Trump/PROPN/2/obl ./PUNCT/2/punct",
                 "spoke", "speak", id="lexicon-preposition-does-not-leak"),
    pytest.param("Ukraine/PROPN/2/nsubj took/take/VERB/0/root/" + PAST + " part/NOUN/2/obj in/ADP/6/case the/DET/6/det "
                 "talks/talk/NOUN/2/obl ./PUNCT/2/punct", "took part", "take part", id="verb-object-phrase"),
    pytest.param("Workers/worker/NOUN/2/nsubj went/go/VERB/0/root/" + PAST + " on/ADP/4/case strike/NOUN/2/obl ./PUNCT/2/punct",
                 "went on strike", "go on strike", id="inner-preposition-belongs"),
    pytest.param("Talks/talk/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass held/hold/VERB/0/root/" + PASS + " ./PUNCT/3/punct",
                 "Talks were held", "hold talk", id="passive-light-verb-verb-first"),
    pytest.param("The/DET/2/det EU/PROPN/3/nsubj imposed/impose/VERB/0/root/" + PAST + " new/ADJ/5/amod sanctions/sanction/NOUN/3/obj "
                 "./PUNCT/3/punct", "imposed new sanctions", "impose sanction", id="modifier-inside-span-left-out"),
    pytest.param("The/DET/2/det talks/talk/NOUN/3/nsubj ended/end/VERB/0/root/" + PAST + " ./PUNCT/3/punct",
                 "talks", "talk", id="noun"),
]


@pytest.mark.parametrize(("parse", "text", "lemma"), TRIGGERS)
def test_trigger_lemma_is_the_lemma_of_the_trigger_words(extractor, parse, text, lemma):
    events = extractor.extract_document(conllu(parse))
    triggers = {e.trigger.text: e.trigger.lemma for e in events}
    assert triggers.get(text) == lemma, triggers
