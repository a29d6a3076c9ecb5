"""whom on news outside the PLOVER domain (MEANTIME): constructions whose patient a
rule of English gives; on gold parses."""

from __future__ import annotations

import pytest
from conftest import roles_of

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
PASS = "Tense=Past|VerbForm=Part|Voice=Pass"
PART = "Tense=Past|VerbForm=Part"

# (gold parse, trigger lemma, expected who texts, expected whom texts)
PASSIVE_CONJUNCTS = [
    pytest.param(  # the shared subject of a passive conjunct is its patient
        "The/DET/2/det winglet/NOUN/3/nsubj struck/strike/VERB/0/root/" + PAST + " the/DET/5/det hangar/NOUN/3/obj "
        "and/CCONJ/8/cc was/be/AUX/8/aux:pass crumpled/crumple/VERB/3/conj/" + PASS + " ./PUNCT/3/punct",
        "crumple", [], ["The winglet"], id="passive-conjunct"),
    pytest.param(  # ... with its agent
        "The/DET/2/det jet/NOUN/3/nsubj left/leave/VERB/0/root/" + PAST + " the/DET/5/det hangar/NOUN/3/obj "
        "and/CCONJ/8/cc was/be/AUX/8/aux:pass towed/tow/VERB/3/conj/" + PASS + " by/ADP/11/case a/DET/11/det "
        "tractor/NOUN/8/obl:agent ./PUNCT/3/punct",
        "tow", ["a tractor"], ["The jet"], id="passive-conjunct-agent"),
    pytest.param(  # a passive conjunct of a passive verb shares its patient
        "Airliners/airliner/NOUN/3/nsubj:pass are/be/AUX/3/aux:pass selected/select/VERB/0/root/" + PASS
        + " and/CCONJ/5/cc purchased/purchase/VERB/3/conj/" + PASS + " by/ADP/8/case the/DET/8/det "
        "government/NOUN/5/obl:agent ./PUNCT/3/punct",
        "purchase", ["the government"], ["Airliners"], id="passive-conjunct-of-passive"),
    pytest.param(  # a passive participle's noun is its patient, with an agent too
        "The/DET/2/det jet/NOUN/9/nsubj:pass ,/PUNCT/4/punct made/make/VERB/2/acl/" + PASS + " by/ADP/6/case "
        "Airbus/PROPN/4/obl:agent ,/PUNCT/4/punct was/be/AUX/9/aux:pass delivered/deliver/VERB/0/root/" + PASS
        + " ./PUNCT/9/punct",
        "make", ["Airbus"], ["The jet"], id="participle-with-agent"),
    pytest.param(  # ... but a noun that names an event (WordNet noun.event) is no patient
        "The/DET/2/det ceremony/NOUN/9/nsubj:pass ,/PUNCT/4/punct planned/plan/VERB/2/acl/" + PASS + " by/ADP/6/case "
        "Airbus/PROPN/4/obl:agent ,/PUNCT/4/punct was/be/AUX/9/aux:pass delayed/delay/VERB/0/root/" + PASS
        + " ./PUNCT/9/punct",
        "plan", ["Airbus"], [], id="participle-event-noun"),
    pytest.param(  # ... nor one that names an act (WordNet noun.act)
        "The/DET/2/det tour/NOUN/9/nsubj:pass ,/PUNCT/4/punct planned/plan/VERB/2/acl/" + PASS + " by/ADP/6/case "
        "Airbus/PROPN/4/obl:agent ,/PUNCT/4/punct was/be/AUX/9/aux:pass delayed/delay/VERB/0/root/" + PASS
        + " ./PUNCT/9/punct",
        "plan", ["Airbus"], [], id="participle-act-noun"),
    pytest.param(  # a past participle without a passive auxiliary is a perfect's second conjunct: active
        "Apple/PROPN/3/nsubj has/have/AUX/3/aux released/release/VERB/0/root/" + PART + " the/DET/5/det phone/NOUN/3/obj "
        "and/CCONJ/7/cc updated/update/VERB/3/conj/" + PART + " the/DET/9/det software/NOUN/7/obj ./PUNCT/3/punct",
        "update", ["Apple"], ["the software"], id="perfect-conjunct-active"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), PASSIVE_CONJUNCTS)
def test_passive_conjuncts(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse, trigger lemma, expected who texts, expected whom texts)
LIGHT_VERB_NOUNS = [
    pytest.param(  # take_place.03 "occur": the noun is the predicate, no object
        "The/DET/2/det ceremony/NOUN/3/nsubj took/take/VERB/0/root/" + PAST + " place/NOUN/3/obj on/ADP/6/case "
        "Monday/PROPN/3/obl ./PUNCT/3/punct",
        "take", [], [], id="take-place"),
    pytest.param(  # take_effect (affect.xml)
        "The/DET/2/det tariffs/tariff/NOUN/3/nsubj took/take/VERB/0/root/" + PAST + " effect/NOUN/3/obj "
        "on/ADP/6/case Monday/PROPN/3/obl ./PUNCT/3/punct",
        "take", ["The tariffs"], [], id="take-effect"),
    pytest.param(  # the same verb with an ordinary object keeps it
        "Apple/PROPN/2/nsubj took/take/VERB/0/root/" + PAST + " the/DET/4/det stake/NOUN/2/obj ./PUNCT/2/punct",
        "take", ["Apple"], ["the stake"], id="take-object-stays"),
    pytest.param(  # a light verb's eventive object is the predicate it carries
        "Airbus/PROPN/2/nsubj took/take/VERB/0/root/" + PAST + " delivery/NOUN/2/obj ./PUNCT/2/punct",
        "take", ["Airbus"], [], id="take-delivery"),
    pytest.param(  # a noun with a PropBank noun sense (case.03 "a formal argument") may name a thing
        "Apple/PROPN/2/nsubj gave/give/VERB/0/root/" + PAST + " free/ADJ/4/amod cases/case/NOUN/2/obj "
        "./PUNCT/2/punct",
        "give", ["Apple"], ["free cases"], id="give-things"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), LIGHT_VERB_NOUNS)
def test_light_verb_nouns(extractor, parse, lemma, who, whom):
    """The noun of a PropBank light-verb or multiword alias ("take place", "pay
    attention") is the predicate the verb carries, not its whom."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse with the lemma a lemmatizer left unchanged, trigger lemma, expected who texts, expected whom texts)
UNSEEN_FORMS = [
    pytest.param(  # "crashed" looked up as crash: no agent used intransitively, its subject undergoes
        "The/DET/2/det jetliner/NOUN/3/nsubj crashed/crashed/VERB/0/root/" + PAST + " into/ADP/6/case the/DET/6/det "
        "ocean/NOUN/3/obl ./PUNCT/3/punct",
        "crashed", [], ["The jetliner"], id="undergoer-unseen-form"),
    pytest.param(  # "plunged" looked up as plunge: its measure is an extent (PropBank EXT), no whom
        "The/DET/2/det Nikkei/PROPN/3/nsubj plunged/plunged/VERB/0/root/" + PAST + " 9/NUM/5/nummod "
        "%/SYM/3/obj ./PUNCT/3/punct",
        "plunged", [], ["The Nikkei"], id="extent-unseen-form"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), UNSEEN_FORMS)
def test_role_tables_on_unseen_forms(extractor, parse, lemma, who, whom):
    """The PropBank role tables are looked up with the suffix rules where the lemmatizer
    returned an unseen form unchanged (as the trigger lexicon is)."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse, trigger lemma, expected who texts, expected whom texts)
HEADLINE_PARTICIPLES = [
    pytest.param(  # headlinese: a bare past form is a passive without its auxiliary
        "First/ADJ/3/amod Airbus/PROPN/3/compound A380/PROPN/4/nsubj delivered/deliver/VERB/0/root/" + PAST,
        "deliver", [], ["First Airbus A380"], id="headline-passive"),
    pytest.param(  # ... with its agent
        "Airbus/PROPN/2/nsubj fined/fine/VERB/0/root/" + PAST + " by/ADP/5/case European/ADJ/5/amod "
        "regulators/regulator/NOUN/2/obl",
        "fine", ["European regulators"], ["Airbus"], id="headline-passive-agent"),
    pytest.param(  # a headline's present tense is active
        "Boeing/PROPN/2/nsubj protests/protest/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin "
        "award/NOUN/2/obj",
        "protest", ["Boeing"], [], id="headline-present-active"),
    pytest.param(  # a past form with an object is active
        "Boeing/PROPN/2/nsubj won/win/VERB/0/root/" + PAST + " tanker/NOUN/4/compound contract/NOUN/2/obj",
        "win", ["Boeing"], ["tanker contract"], id="headline-object-active"),
    pytest.param(  # a sentence with final punctuation is running text: active
        "Boeing/PROPN/2/nsubj protested/protest/VERB/0/root/" + PAST + " ./PUNCT/2/punct",
        "protest", ["Boeing"], [], id="sentence-past-active"),
    pytest.param(  # a long unpunctuated sentence is cut-off running text, no headline
        "The/DET/3/det aircraft/NOUN/3/compound maker/NOUN/4/nsubj protested/protest/VERB/0/root/" + PAST + " "
        "on/ADP/6/case Monday/PROPN/4/obl after/ADP/12/case the/DET/12/det long/ADJ/12/amod and/CCONJ/11/cc "
        "costly/ADJ/9/conj delay/NOUN/4/obl of/ADP/17/case the/DET/17/det new/ADJ/17/amod "
        "tanker/NOUN/17/compound award/NOUN/12/nmod",
        "protest", ["The aircraft maker"], [], id="long-unpunctuated-active"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), HEADLINE_PARTICIPLES)
def test_headline_participles(extractor, parse, lemma, who, whom):
    """A short first sentence without final punctuation is a headline, whose bare past
    form is a passive participle (headlinese): its subject is whom."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse, trigger lemma, expected who texts, expected whom texts)
CHANGE_NOUNS = [
    pytest.param(  # NomBank: the "in" phrase of a noun of scalar change is its ARG1
        "The/DET/2/det increase/NOUN/5/nsubj in/ADP/4/case profits/profit/NOUN/2/nmod "
        "surprised/surprise/VERB/0/root/" + PAST + " analysts/analyst/NOUN/5/obj ./PUNCT/5/punct",
        "increase", [], ["profits"], id="increase-in"),
    pytest.param(
        "Shares/share/NOUN/2/nsubj slid/slide/VERB/0/root/" + PAST + " after/ADP/5/case a/DET/5/det "
        "drop/NOUN/2/obl in/ADP/8/case oil/NOUN/8/compound prices/price/NOUN/5/nmod ./PUNCT/2/punct",
        "drop", [], ["oil prices"], id="drop-in"),
    pytest.param(  # a city is where the change happens
        "The/DET/2/det fall/NOUN/5/nsubj in/ADP/4/case Tokyo/PROPN/2/nmod worried/worry/VERB/0/root/" + PAST
        + " investors/investor/NOUN/5/obj ./PUNCT/5/punct",
        "fall", [], [], id="fall-in-city"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), CHANGE_NOUNS)
def test_change_nouns(extractor, parse, lemma, who, whom):
    """The *in* phrase of a noun whose PropBank verb has an extent role names what changes."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse, trigger lemma, expected who texts, expected whom texts)
COMPOUND_THEMES = [
    pytest.param(  # NomBank: a common-noun modifier of a nominalisation is its ARG1
        "The/DET/3/det price/NOUN/3/compound rise/NOUN/4/nsubj worried/worry/VERB/0/root/" + PAST
        + " investors/investor/NOUN/4/obj ./PUNCT/4/punct",
        "rise", [], ["price"], id="price-rise"),
    pytest.param(
        "GM/PROPN/2/nsubj reported/report/VERB/0/root/" + PAST + " higher/ADJ/5/amod car/NOUN/5/compound "
        "sales/sale/NOUN/2/obj ./PUNCT/2/punct",
        "sale", [], ["car"], id="car-sales"),
    pytest.param(  # a person or organisation noun is the agent, no theme
        "The/DET/3/det police/NOUN/3/compound investigation/NOUN/4/nsubj ended/end/VERB/0/root/" + PAST
        + " ./PUNCT/4/punct",
        "investigation", [], [], id="police-investigation"),
    pytest.param(  # a name keeps its actor reading
        "The/DET/3/det Boeing/PROPN/3/compound investigation/NOUN/4/nsubj ended/end/VERB/0/root/" + PAST
        + " ./PUNCT/4/punct",
        "investigation", ["Boeing"], [], id="name-compound-actor"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), COMPOUND_THEMES)
def test_compound_themes(extractor, parse, lemma, who, whom):
    """A common-noun compound modifier of an eventive noun with an ARG1 names what
    undergoes the event; person and organisation nouns and names are actors."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


# (gold parse, trigger lemma, expected who texts, expected whom texts)
POSSESSED_THEMES = [
    pytest.param(  # NomBank: a thing that possesses a nominalisation is its ARG1 (deliver.01)
        "The/DET/2/det aircraft/NOUN/4/nmod:poss '/'s/PART/2/case delivery/NOUN/6/nsubj:pass was/be/AUX/6/aux:pass "
        "delayed/delay/VERB/0/root/" + PAST + " ./PUNCT/6/punct",
        "delivery", [], ["The aircraft"], id="aircraft-delivery"),
    pytest.param(  # fly.01: the aircraft is ARG1
        "The/DET/2/det plane/NOUN/5/nmod:poss 's/'s/PART/2/case maiden/ADJ/5/amod flight/NOUN/6/nsubj "
        "failed/fail/VERB/0/root/" + PAST + " ./PUNCT/6/punct",
        "flight", [], ["The plane"], id="plane-flight"),
    pytest.param(  # a person or organisation noun is the agent
        "The/DET/2/det company/NOUN/4/nmod:poss 's/'s/PART/2/case delivery/NOUN/6/nsubj:pass was/be/AUX/6/aux:pass "
        "delayed/delay/VERB/0/root/" + PAST + " ./PUNCT/6/punct",
        "delivery", ["The company"], [], id="company-delivery"),
    pytest.param(  # a name stays the agent
        "Boeing/PROPN/3/nmod:poss 's/'s/PART/1/case delivery/NOUN/5/nsubj:pass was/be/AUX/5/aux:pass "
        "delayed/delay/VERB/0/root/" + PAST + " ./PUNCT/5/punct",
        "delivery", ["Boeing"], [], id="name-delivery"),
    pytest.param(  # an of phrase names the patient: the possessor keeps the agent reading
        "The/DET/2/det army/NOUN/4/nmod:poss 's/'s/PART/2/case delivery/NOUN/0/root of/ADP/6/case aid/NOUN/4/nmod "
        "./PUNCT/4/punct",
        "delivery", ["The army"], ["aid"], id="of-patient"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), POSSESSED_THEMES)
def test_possessed_themes(extractor, parse, lemma, who, whom):
    """A common noun naming no person or organisation, as the possessor of an eventive
    noun with an agent and a patient, is the patient; names and person or organisation
    nouns are agents."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
# (gold parse, trigger lemma, expected who texts, expected whom texts)
ZERO_RELATIVES = [
    pytest.param(  # the gap of a zero object relative is the modified noun
        "Apple/PROPN/2/nsubj owns/own/VERB/0/root/" + PRES + " the/DET/4/det music/NOUN/2/obj it/it/PRON/6/nsubj "
        "sells/sell/VERB/4/acl:relcl/" + PRES + " ./PUNCT/2/punct",
        "sell", ["it"], ["the music"], id="zero-relative-object"),
    pytest.param(  # a stranded preposition: the noun is its complement, no object
        "Smith/PROPN/2/nsubj left/leave/VERB/0/root/" + PAST + " the/DET/4/det company/NOUN/2/obj he/he/PRON/6/nsubj "
        "worked/work/VERB/4/acl:relcl/" + PAST + " for/ADP/6/obl ./PUNCT/2/punct",
        "work", ["he"], [], id="stranded-preposition"),
    pytest.param(  # a clause with its own object has no gap there
        "Apple/PROPN/2/nsubj named/name/VERB/0/root/" + PAST + " the/DET/4/det day/NOUN/2/obj it/it/PRON/6/nsubj "
        "sells/sell/VERB/4/acl:relcl/" + PRES + " phones/phone/NOUN/6/obj ./PUNCT/2/punct",
        "sell", ["it"], ["phones"], id="relative-with-object"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), ZERO_RELATIVES)
def test_zero_relatives(extractor, parse, lemma, who, whom):
    """A relative clause without a relative pronoun, with a subject and no object,
    relativises its object: the modified noun is whom."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


INF = "VerbForm=Inf"
# (gold parse, trigger lemma, expected who texts, expected whom texts)
OBJECT_PARTICIPLES = [
    pytest.param(  # a bare passive participle after an object: the object undergoes it
        "The/DET/2/det deal/NOUN/4/nsubj will/AUX/4/aux see/see/VERB/0/root/" + INF + " jets/jet/NOUN/4/obj "
        "delivered/deliver/VERB/4/xcomp/" + PART + " to/ADP/8/case airlines/airline/NOUN/6/obl ./PUNCT/4/punct",
        "deliver", [], ["jets"], id="see-object-delivered"),
    pytest.param(  # a to-infinitive after the object stays active (object control)
        "Regulators/regulator/NOUN/2/nsubj allowed/allow/VERB/0/root/" + PAST + " Boeing/PROPN/2/obj to/PART/5/mark "
        "deliver/deliver/VERB/2/xcomp/" + INF + " jets/jet/NOUN/5/obj ./PUNCT/2/punct",
        "deliver", ["Boeing"], ["jets"], id="object-control-infinitive"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), OBJECT_PARTICIPLES)
def test_object_participles(extractor, parse, lemma, who, whom):
    """The object that controls a bare passive participle complement is its whom."""
    assert roles_of(extractor, parse, lemma) == (who, whom)
