"""where: places that hang elsewhere in the parse, and places that are never partners (gold parses, no model)."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
INF = "VerbForm=Inf"

# (gold parse, trigger lemma, expected where text, expected whom texts or None when the row is not about whom)
PLACES = [
    pytest.param(  # the place of the subject, when the event has none of its own
        "A/DET/2/det court/NOUN/5/nsubj in/ADP/4/case Moscow/PROPN/2/nmod sentenced/sentence/VERB/0/root/" + PAST
        + " the/DET/7/det activist/NOUN/5/obj ./PUNCT/5/punct", "sentence", "Moscow", ["the activist"],
        id="place-of-subject"),  # ... and the subject's place is no target of an event with a recipient
    pytest.param(  # the venue of an eventive noun in a temporal oblique
        "Vance/PROPN/2/nsubj criticized/criticize/VERB/0/root/" + PAST + " Europe/PROPN/2/obj during/ADP/6/case a/DET/6/det "
        "speech/NOUN/2/obl at/ADP/11/case the/DET/11/det Munich/PROPN/11/compound Security/PROPN/11/compound "
        "Conference/PROPN/6/nmod ./PUNCT/2/punct", "criticize", "the Munich Security Conference", ["Europe"],
        id="venue-of-eventive-noun"),
    pytest.param(  # a place noun taken as a target: the named place inside it is where
        "Gunmen/gunman/NOUN/2/nsubj killed/kill/VERB/0/root/" + PAST + " 30/NUM/4/nummod people/person/NOUN/2/obj "
        "at/ADP/7/case a/DET/7/det mosque/NOUN/2/obl in/ADP/9/case Peshawar/PROPN/7/nmod ./PUNCT/2/punct",
        "kill", "Peshawar", ["30 people"], id="place-inside-a-setting"),  # the mosque is the setting, no target
    pytest.param(  # "at" after a verb with no actor for its object is the target ("shots", an act, is none)
        "Soldiers/soldier/NOUN/2/nsubj fired/fire/VERB/0/root/" + PAST + " shots/shot/NOUN/2/obj at/ADP/6/case "
        "the/DET/6/det embassy/NOUN/2/obl ./PUNCT/2/punct", "fire", None, ["the embassy"],
        id="at-phrase-as-target"),
    pytest.param(  # the event's own place comes first
        "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " protesters/protester/NOUN/2/obj in/ADP/5/case "
        "Paris/PROPN/2/obl outside/ADP/8/case the/DET/8/det embassy/NOUN/3/nmod ./PUNCT/2/punct",
        "arrest", "Paris", None, id="own-place-first"),
    pytest.param(  # a purpose noun happens at the destination of the motion it serves
        "Rubio/PROPN/3/nsubj will/AUX/3/aux travel/VERB/0/root/" + INF + " to/ADP/5/case Riyadh/PROPN/3/obl "
        "next/ADJ/7/amod week/NOUN/3/obl:tmod for/ADP/9/case talks/talk/NOUN/3/obl ./PUNCT/3/punct",
        "talk", "Riyadh", [], id="destination-of-purpose-noun"),
    pytest.param(  # a relative where-clause on the object
        "Rubio/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Beijing/PROPN/2/obj ,/PUNCT/7/punct where/ADV/7/advmod/PronType=Rel "
        "he/PRON/7/nsubj met/meet/VERB/3/acl:relcl/" + PAST + " Xi/PROPN/7/obj ./PUNCT/2/punct",
        "meet", "Beijing", ["Xi"], id="where-clause-on-object"),
    pytest.param(  # a where-clause the parser hung on the verb after a comma (advcl): the place before the comma
        "Macron/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Beijing/PROPN/2/obj ,/PUNCT/7/punct "
        "where/ADV/7/advmod/PronType=Rel he/PRON/7/nsubj met/meet/VERB/2/advcl/" + PAST + " Xi/PROPN/9/compound "
        "Jinping/PROPN/7/obj ./PUNCT/2/punct", "meet", "Beijing", ["Xi Jinping"], id="where-clause-as-adverbial"),
    pytest.param(  # a subordinate where-clause with no place before it places nothing
        "He/PRON/2/nsubj met/meet/VERB/0/root/" + PAST + " Xi/PROPN/2/obj where/ADV/6/advmod he/PRON/6/nsubj "
        "lives/live/VERB/2/advcl/Mood=Ind|Tense=Pres|VerbForm=Fin ./PUNCT/2/punct", "meet", None, ["Xi"],
        id="where-clause-without-antecedent"),
    pytest.param(  # a visited city is where a CONSULT happens, never its partner
        "Rubio/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Beijing/PROPN/2/obj ./PUNCT/2/punct",
        "visit", "Beijing", [], id="visited-city-is-where"),
    pytest.param(  # a capital that is a party stays a partner
        "Kyiv/PROPN/2/nsubj held/hold/VERB/0/root/" + PAST + " talks/talk/NOUN/2/obj with/ADP/5/case Moscow/PROPN/3/nmod ./PUNCT/2/punct",
        "hold talk", None, ["Moscow"], id="capital-as-party"),
    pytest.param(  # a visited country is the host: the recipient PLOVER codes
        "Rubio/PROPN/2/nsubj visited/visit/VERB/0/root/" + PAST + " Ukraine/PROPN/2/obj ./PUNCT/2/punct",
        "visit", None, ["Ukraine"], id="visited-country-is-host"),
    pytest.param(  # "on" marks a noun's theme, not its place
        "The/DET/2/det EU/PROPN/3/nsubj announced/announce/VERB/0/root/" + PAST + " sanctions/sanction/NOUN/3/obj "
        "on/ADP/6/case Russia/PROPN/4/nmod ./PUNCT/3/punct", "announce sanction", None, None,
        id="theme-preposition-is-no-place"),
    pytest.param(  # a name that is no known place places nothing
        "Musk/PROPN/2/nsubj bought/buy/VERB/0/root/" + PAST + " a/DET/4/det stake/NOUN/2/obj in/ADP/6/case "
        "Twitter/PROPN/4/nmod ./PUNCT/2/punct", "buy", None, ["a stake in Twitter"], id="unknown-name-is-no-place"),
    pytest.param(  # the place in a participant's title is no place of the event
        "The/DET/2/det mayor/NOUN/5/nsubj of/ADP/4/case London/PROPN/2/nmod met/meet/VERB/0/root/" + PAST
        + " Xi/PROPN/5/obj ./PUNCT/5/punct", "meet", None, ["Xi"], id="place-in-a-title"),
    pytest.param(  # the place of an origin is not where the motion happens
        "Rubio/PROPN/2/nsubj returned/return/VERB/0/root/" + PAST + " from/ADP/5/case a/DET/5/det summit/NOUN/2/obl "
        "in/ADP/7/case Paris/PROPN/5/nmod ./PUNCT/2/punct", "return", None, None, id="place-of-an-origin"),
    pytest.param(  # a city a motion starts from is neither where nor the partner of the talks it serves
        "Rubio/PROPN/3/nsubj will/AUX/3/aux travel/VERB/0/root/" + INF + " from/ADP/5/case Paris/PROPN/3/obl "
        "for/ADP/7/case talks/talk/NOUN/3/obl ./PUNCT/3/punct", "travel", None, [], id="origin-of-travel"),
    pytest.param(  # the place of a cause is not where the event happens
        "The/DET/2/det EU/PROPN/3/nsubj banned/ban/VERB/0/root/" + PAST + " flights/flight/NOUN/3/obj due/ADP/7/case "
        "to/ADP/5/fixed accidents/accident/NOUN/3/obl in/ADP/10/case the/DET/10/det country/NOUN/7/nmod ./PUNCT/3/punct",
        "ban", None, None, id="place-of-a-cause"),
    pytest.param(  # a superlative's range compares, it does not place
        "The/DET/3/det largest/large/ADJ/3/amod/Degree=Sup jet/NOUN/8/nsubj:pass in/ADP/6/case the/DET/6/det "
        "world/NOUN/3/nmod was/AUX/8/aux:pass grounded/ground/VERB/0/root/" + PAST + "|Voice=Pass ./PUNCT/8/punct",
        "ground", None, None, id="superlative-range"),
    pytest.param(  # a clause the parser made an oblique keeps its place to itself
        "The/DET/2/det plane/NOUN/4/nsubj:pass was/AUX/4/aux:pass set/VERB/0/root/" + PAST + "|Voice=Pass "
        "to/ADP/6/case land/VERB/4/obl/VerbForm=Inf in/ADP/8/case Paris/PROPN/6/nmod ./PUNCT/4/punct",
        "set", None, None, id="clause-as-oblique"),
    pytest.param(  # a place in another clause is never borrowed
        "Xi/PROPN/7/nsubj ,/PUNCT/4/punct who/PRON/4/nsubj lives/live/VERB/1/acl:relcl/Mood=Ind|Tense=Pres|VerbForm=Fin "
        "in/ADP/6/case Beijing/PROPN/4/obl met/meet/VERB/0/root/" + PAST + " Rubio/PROPN/7/obj ./PUNCT/7/punct",
        "meet", None, ["Rubio"], id="place-in-another-clause"),
    pytest.param(  # an organisation's seat places its own verb, not the event
        "Apple/PROPN/7/nsubj ,/PUNCT/3/punct based/base/VERB/1/acl/VerbForm=Part in/ADP/5/case Cupertino/PROPN/3/obl "
        ",/PUNCT/3/punct sued/sue/VERB/0/root/" + PAST + " Samsung/PROPN/7/obj ./PUNCT/7/punct",
        "sue", None, ["Samsung"], id="seat-of-an-organisation"),
    pytest.param(  # a bombed city is the target (PLOVER ASSAULT), not where: it is the object, no locative
        "Russia/PROPN/2/nsubj bombed/bomb/VERB/0/root/" + PAST + " Kyiv/PROPN/2/obj ./PUNCT/2/punct",
        "bomb", None, ["Kyiv"], id="bombed-city-is-target"),
    pytest.param(  # the place of an attacked building is where
        "Protesters/protester/NOUN/2/nsubj attacked/attack/VERB/0/root/" + PAST + " the/DET/5/det US/PROPN/5/compound "
        "embassy/NOUN/2/obj in/ADP/7/case Baghdad/PROPN/5/nmod ./PUNCT/2/punct", "attack", "Baghdad", None,
        id="place-of-a-target"),
    pytest.param(  # a journey happens at its destination
        "The/DET/2/det plane/NOUN/4/nsubj:pass was/AUX/4/aux:pass flown/fly/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass "
        "to/ADP/6/case Toulouse/PROPN/4/obl ./PUNCT/4/punct", "fly", "Toulouse", None, id="destination-of-a-journey"),
    pytest.param(  # a journey carried by a light verb: the verb hosts the noun's destination
        "A380/PROPN/2/nsubj makes/make/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin maiden/ADJ/4/amod "
        "flight/NOUN/2/obj to/ADP/6/case US/PROPN/2/obl", "flight", "US", None, id="destination-on-a-light-verb"),
    pytest.param(  # a light verb hosts the place of the eventive noun it carries
        "The/DET/2/det jet/NOUN/3/nsubj made/make/VERB/0/root/" + PAST + " its/PRON/7/nmod:poss first/ADJ/7/amod "
        "test/NOUN/7/compound flight/NOUN/3/obj in/ADP/9/case Everett/PROPN/3/obl ./PUNCT/3/punct", "test", "Everett",
        None, id="place-on-a-light-verb"),
    pytest.param(  # a verb with an event of its own is no light verb: its place is its own
        "Jobs/PROPN/2/nsubj announced/announce/VERB/0/root/" + PAST + " the/DET/4/det development/NOUN/2/obj "
        "in/ADP/6/case Paris/PROPN/2/obl ./PUNCT/2/punct", "development", None, None, id="place-of-a-heavy-verb"),
    pytest.param(  # "over" compares: only a known place after it places the event
        "Qatar/PROPN/2/nsubj chose/choose/VERB/0/root/" + PAST + " the/DET/5/det Airbus/PROPN/5/compound "
        "A350/PROPN/2/obj over/ADP/7/case Boeing/PROPN/2/obl ./PUNCT/2/punct", "choose", None, ["the Airbus A350"],
        id="loose-preposition-with-a-name"),
    pytest.param(  # ... as a known place does
        "The/DET/2/det plane/NOUN/3/nsubj circled/circle/VERB/0/root/" + PAST + " over/ADP/5/case Paris/PROPN/3/obl "
        "./PUNCT/3/punct", "circle", "Paris", None, id="loose-preposition-with-a-place"),
    pytest.param(  # "on" a product is its theme, no place
        "Video/NOUN/4/nsubj:pass can/AUX/4/aux be/AUX/4/aux:pass stored/store/VERB/0/root/VerbForm=Part|Voice=Pass "
        "on/ADP/7/case the/DET/7/det iPod/PROPN/4/obl ./PUNCT/4/punct", "store", None, None, id="theme-on-a-product"),
    pytest.param(  # a place in front of verbs that share a subject places each of them
        "In/ADP/2/case China/PROPN/6/obl ,/PUNCT/2/punct airliners/airliner/NOUN/6/nsubj:pass are/be/AUX/6/aux:pass "
        "selected/select/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass and/CCONJ/8/cc "
        "purchased/purchase/VERB/6/conj/Tense=Past|VerbForm=Part|Voice=Pass by/ADP/11/case the/DET/11/det "
        "government/NOUN/8/obl:agent ./PUNCT/6/punct", "purchase", "China", None, id="fronted-place-of-conjuncts"),
    pytest.param(  # a place after the first verb is its own
        "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " protesters/protester/NOUN/2/obj "
        "in/ADP/5/case Paris/PROPN/2/obl and/CCONJ/7/cc released/release/VERB/2/conj/" + PAST + " them/PRON/7/obj "
        "./PUNCT/2/punct", "release", None, None, id="place-after-the-first-conjunct"),
    pytest.param(  # a country a journey goes to is where, and stays the host PLOVER codes as recipient
        "Rubio/PROPN/2/nsubj travelled/travel/VERB/0/root/" + PAST + " to/ADP/4/case Ukraine/PROPN/2/obl ./PUNCT/2/punct",
        "travel", "Ukraine", ["Ukraine"], id="journey-to-a-host-country"),
    pytest.param(  # a journey whose verb the lemmatizer left inflected
        "The/DET/2/det jet/NOUN/3/nsubj crashed/crashed/VERB/0/root/" + PAST + " into/ADP/7/case the/DET/7/det "
        "Atlantic/PROPN/7/compound Ocean/PROPN/3/obl ./PUNCT/3/punct", "crashed", "the Atlantic Ocean", None,
        id="journey-with-an-inflected-lemma"),
    pytest.param(  # a departure happens at the place it leaves
        "The/DET/2/det departure/NOUN/6/nsubj:pass from/ADP/4/case France/PROPN/2/nmod was/AUX/6/aux:pass "
        "delayed/delay/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass ./PUNCT/6/punct", "departure", "France", None,
        id="departure-from-a-place"),
    pytest.param(  # an occasion gives way to the place it names
        "Apple/PROPN/2/nsubj introduced/introduce/VERB/0/root/" + PAST + " the/DET/4/det iPhone/PROPN/2/obj at/ADP/8/case "
        "the/DET/8/det Macworld/PROPN/8/compound Conference/PROPN/2/obl in/ADP/11/case San/PROPN/11/compound "
        "Francisco/PROPN/8/nmod ./PUNCT/2/punct", "introduce", "San Francisco", None, id="place-of-an-occasion"),
    pytest.param(  # sending is no journey: the addressee is no place
        "Kyiv/PROPN/2/nsubj sent/send/VERB/0/root/" + PAST + " a/DET/4/det letter/NOUN/2/obj to/ADP/6/case "
        "Russia/PROPN/2/obl ./PUNCT/2/punct", "send", None, None, id="sending-has-no-destination-place"),
    pytest.param(  # a destination that is no known place places nothing
        "The/DET/2/det party/NOUN/3/nsubj came/come/VERB/0/root/" + PAST + " to/ADP/5/case power/NOUN/3/obl ./PUNCT/3/punct",
        "come", None, None, id="destination-that-is-no-place"),
]


@pytest.mark.parametrize(("parse", "lemma", "where", "whom"), PLACES)
def test_where(extractor, parse, lemma, where, whom):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert (event.where.text if event.where else None) == where
    if whom is not None:
        assert [p.text for p in event.whom] == whom


def _with_entities(text: str, tags: dict[str, str]) -> str:
    """CoNLL-U ``text`` with entity tags (``ner=`` in MISC) on the words in ``tags``."""
    rows = []
    for row in text.split("\n"):
        cols = row.split("\t")
        if len(cols) == 10 and cols[1] in tags:
            tag = f"ner={tags[cols[1]]}"
            cols[9] = tag if cols[9] == "_" else f"{cols[9]}|{tag}"
        rows.append("\t".join(cols))
    return "\n".join(rows)


# (gold parse, entity tags, trigger lemma, expected where text, expected whom texts)
TAGGED = [
    pytest.param(  # the object of a meeting verb is a partner even when the entity tagger calls it a place
        "Macron/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Xi/PROPN/4/compound Jinping/PROPN/2/obj ./PUNCT/2/punct",
        {"Xi": "B-LOC", "Jinping": "E-LOC"}, "meet", None, ["Xi Jinping"], id="person-tagged-as-place"),
    pytest.param(  # a place the meeting is in stays the place
        "Macron/PROPN/2/nsubj met/meet/VERB/0/root/" + PAST + " Xi/PROPN/2/obj at/ADP/6/case the/DET/6/det "
        "Kremlin/PROPN/2/obl ./PUNCT/2/punct", {"Kremlin": "S-FAC"}, "meet", "the Kremlin", ["Xi"],
        id="facility-oblique-is-where"),
    pytest.param(  # a visited place tagged as one is where
        "Macron/PROPN/2/nsubj toured/tour/VERB/0/root/" + PAST + " the/DET/5/det Gaza/PROPN/5/compound "
        "Strip/PROPN/2/obj ./PUNCT/2/punct", {"Gaza": "B-LOC", "Strip": "E-LOC"}, "tour", "the Gaza Strip", [],
        id="visited-place-is-where"),
]


@pytest.mark.parametrize(("parse", "tags", "lemma", "where", "whom"), TAGGED)
def test_where_with_entity_tags(extractor, parse, tags, lemma, where, whom):
    event = only(extractor.extract_document(_with_entities(conllu(parse), tags)), lemma)
    assert (event.where.text if event.where else None) == where
    assert [p.text for p in event.whom] == whom


# the issue's sentences through the bundled models: (text, trigger lemma, where, whom)
ISSUE = [
    ("A court in Moscow sentenced the activist to five years.", "sentence", "Moscow", ["the activist"]),
    ("Gunmen killed 30 people at a mosque in Peshawar on Friday.", "kill", "Peshawar", ["30 people"]),
    ("Macron visited Beijing, where he met Xi Jinping.", "meet", "Beijing", ["Xi Jinping"]),
    ("Rubio will travel to Riyadh next week for talks.", "talk", "Riyadh", []),
]


@pytest.fixture(scope="module")
def issue_events(extractor):
    return list(extractor.extract_many([text for text, *_ in ISSUE]))


@pytest.mark.model
@pytest.mark.parametrize("row", range(len(ISSUE)), ids=[lemma for _, lemma, *_ in ISSUE])
def test_where_with_the_bundled_models(issue_events, row):
    _, lemma, where, whom = ISSUE[row]
    event = only(issue_events[row], lemma)
    assert (event.where.text if event.where else None) == where
    assert [p.text for p in event.whom] == whom
