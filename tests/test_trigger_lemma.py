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


# -- inflected verbs the dictionary lemmatizer left as they are -----------------------------------

from eventx._graph import word_lemma  # noqa: E402

# (form, lemmatizer's lemma, UPOS, XPOS, expected lemma)
WORD_LEMMAS = [
    pytest.param("sells", "sells", "VERB", "VBZ", "sell", id="3rd-singular"),
    pytest.param("unveils", "unveils", "VERB", "VBZ", "unveil", id="3rd-singular-unseen"),
    pytest.param("barred", "barred", "VERB", "VBD", "bar", id="doubled-consonant-past"),
    pytest.param("expelled", "expelled", "VERB", "VBN", "expel", id="doubled-consonant-participle"),
    pytest.param("imposed", "imposed", "VERB", "VBN", "impose", id="silent-e"),
    pytest.param("justified", "justified", "VERB", "VBD", "justify", id="y-to-ied"),
    pytest.param("suing", "suing", "VERB", "VBG", "sue", id="gerund-silent-e"),
    pytest.param("Unveils", "Unveils", "VERB", "VBZ", "unveil", id="headline-capital"),
    pytest.param("set", "set", "VERB", "VBD", "set", id="form-is-a-propbank-verb"),
    pytest.param("went", "go", "VERB", "VBD", "go", id="lemmatizer-knew-it"),
    pytest.param("sells", "sells", "NOUN", "NNS", "sells", id="not-a-verb"),
    pytest.param("sells", "sells", "VERB", "VB", "sells", id="base-form-tag"),
    pytest.param("xyzzied", "xyzzied", "VERB", "VBD", "xyzzied", id="no-propbank-verb-no-change"),
    pytest.param("sold", None, "VERB", "VBD", "sold", id="no-lemma-keeps-the-form"),
    pytest.param("deliveries", "deliveries", "NOUN", "NNS", "delivery", id="plural-ies"),
    pytest.param("delays", "delays", "NOUN", "NNS", "delay", id="plural-s"),
    pytest.param("Expansions", "Expansions", "NOUN", "NNS", "expansion", id="plural-capital"),
    pytest.param("cases", "cases", "NOUN", "NNS", "case", id="plural-es-no-noun-then-s"),
    pytest.param("news", "news", "NOUN", "NN", "news", id="singular-tag-no-change"),
    pytest.param("widgets", "widgets", "NOUN", "NNS", "widgets", id="no-propbank-noun-no-change"),
    pytest.param("talks", "talk", "NOUN", "NNS", "talk", id="lemmatizer-knew-the-noun"),
]


@pytest.mark.parametrize(("form", "lemma", "upos", "xpos", "expected"), WORD_LEMMAS)
def test_inflected_word_left_unlemmatized_gets_its_lemma(form, lemma, upos, xpos, expected):
    assert word_lemma(form, lemma, upos, xpos) == expected


UNVEILS = (
    "# text = Apple unveils new iPod\n"
    "1\tApple\tApple\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n"
    "2\tunveils\tunveils\tVERB\tVBZ\tMood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\tnew\tnew\tADJ\tJJ\tDegree=Pos\t4\tamod\t_\t_\n"
    "4\tiPod\tiPod\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\t_\n\n"
)


def test_trigger_lemma_of_an_unlemmatized_verb(extractor):
    events = extractor.extract_document(UNVEILS)
    assert {e.trigger.text: e.trigger.lemma for e in events}.get("unveils") == "unveil"


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "lemma"), [
    pytest.param("Airbus unveils a new jet in Paris.", "unveils", "unveil", id="unveils"),
    pytest.param("The court barred the merger last year.", "barred", "bar", id="barred"),
])
def test_trigger_lemma_from_raw_text(extractor, text, trigger, lemma):
    triggers = {e.trigger.text: e.trigger.lemma for e in extractor.extract(text)}
    assert triggers.get(trigger) == lemma, triggers
