"""who / whom rules on gold parses (no model needed): one table per construction."""

from __future__ import annotations

import pytest
from conftest import conllu, only, roles_of

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
INF = "VerbForm=Inf"
PASS = "Tense=Past|VerbForm=Part|Voice=Pass"

# (gold parse, trigger lemma, expected type, expected who texts, expected whom texts)
ARGUMENTS = [
    pytest.param(  # nsubj / obj
        "Russia/PROPN/2/nsubj attacked/attack/VERB/0/root/" + PAST + " Ukraine/PROPN/2/obj ./PUNCT/2/punct",
        "attack", "ASSAULT", ["Russia"], ["Ukraine"], id="subject-object"),
    pytest.param(  # passive: nsubj:pass is whom, the by-phrase is who
        "Ukraine/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root/" + PASS
        + " by/ADP/5/case Russia/PROPN/3/obl:agent ./PUNCT/3/punct",
        "attack", "ASSAULT", ["Russia"], ["Ukraine"], id="passive-agent"),
    pytest.param(  # symmetric partner through "with"
        "Macron/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " with/ADP/4/case Trump/PROPN/2/obl ./PUNCT/2/punct",
        "speak", "CONSULT", ["Macron"], ["Trump"], id="symmetric-with"),
    pytest.param(  # full named span, head = the name
        "US/PROPN/4/compound President/PROPN/4/compound Donald/PROPN/4/compound Trump/PROPN/5/nsubj "
        "criticized/criticize/VERB/0/root/" + PAST + " NATO/PROPN/5/obj ./PUNCT/5/punct",
        "criticize", "DISAPPROVE", ["US President Donald Trump"], ["NATO"], id="full-named-span"),
    pytest.param(  # iobj and obj are both recipients
        "Germany/PROPN/2/nsubj sent/send/VERB/0/root/" + PAST + " Ukraine/PROPN/2/iobj weapons/weapon/NOUN/2/obj ./PUNCT/2/punct",
        "send", "AID", ["Germany"], ["Ukraine", "weapons"], id="iobj-obj"),
    pytest.param(  # "against" marks the target
        "Thousands/thousand/NUM/2/nsubj protested/protest/VERB/0/root/" + PAST
        + " against/ADP/5/case the/DET/5/det government/NOUN/2/obl ./PUNCT/2/punct",
        "protest", "PROTEST", ["Thousands"], ["the government"], id="against-target"),
]

ROBUSTNESS = [
    pytest.param(  # a conjunct hung on a word of the first name (a caseless nmod) is still a conjunct
        "Secretary/PROPN/10/nsubj of/ADP/3/case State/PROPN/1/nmod Marco/PROPN/1/nmod Rubio/PROPN/4/flat and/CCONJ/8/cc "
        "Foreign/ADJ/8/amod Minister/PROPN/4/conj Lavrov/PROPN/8/flat criticized/criticize/VERB/0/root/" + PAST
        + " NATO/PROPN/10/obj ./PUNCT/10/punct",
        "criticize", "DISAPPROVE", ["Secretary of State Marco Rubio", "Foreign Minister Lavrov"], ["NATO"],
        id="conjunct-on-a-name-part"),
    pytest.param(  # a past-tense verb read as a participle modifying its object, the subject left as the root
        "Israeli/ADJ/2/amod helicopters/helicopter/NOUN/0/root and/CCONJ/4/cc tanks/tank/NOUN/2/conj "
        "shelled/shell/VERB/6/amod/Tense=Past|VerbForm=Part positions/position/NOUN/2/conj ./PUNCT/2/punct",
        "shell", "ASSAULT", ["Israeli helicopters", "tanks"], ["positions"], id="verb-misread-as-modifier"),
    pytest.param(  # ... but a participle after a determiner is a modifier
        "Officials/official/NOUN/0/root at/ADP/5/case the/DET/5/det planned/plan/VERB/5/amod/Tense=Past|VerbForm=Part "
        "summit/NOUN/1/nmod", "plan", None, [], [], id="participle-after-determiner"),
    pytest.param(  # a passive subject on a verb with no passive morphology is a parser slip
        "Leaders/leader/NOUN/2/nsubj:pass gathered/gather/VERB/0/root/" + PAST + " in/ADP/4/case Paris/PROPN/2/obl ./PUNCT/2/punct",
        "gather", "CONSULT", ["Leaders"], [], id="active-verb-nsubj-pass"),
    pytest.param(  # a clause modifier glued to a name stays out of the name's span
        "Macron/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " with/ADP/4/case Trump/PROPN/2/obl ahead/ADV/4/nmod "
        "of/ADP/8/case the/DET/8/det talks/talk/NOUN/5/obl ./PUNCT/2/punct",
        "speak", "CONSULT", ["Macron"], ["Trump"], id="trailing-attachment"),
]

ROBUSTNESS.append(pytest.param(  # "ahead" and its "of" phrase, both hung on the name, leave it
    "Macron/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " with/ADP/4/case Trump/PROPN/2/obl ahead/ADV/4/advmod "
    "of/ADP/8/case the/DET/8/det talks/talk/NOUN/4/nmod ./PUNCT/2/punct",
    "speak", "CONSULT", ["Macron"], ["Trump"], id="trailing-adverb-with-of"))

ROBUSTNESS.append(pytest.param(  # a preposition hung on a modifier still marks the phrase
    "Macron/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " with/ADP/4/case US/PROPN/5/compound Trump/PROPN/2/obl ./PUNCT/2/punct",
    "speak", "CONSULT", ["Macron"], ["US Trump"], id="preposition-on-modifier"))

INHERITANCE = [
    pytest.param(  # coordination of subjects + raising through passive "expected"
        "Rubio/PROPN/5/nsubj:pass and/CCONJ/3/cc Lavrov/PROPN/1/conj are/be/AUX/5/aux:pass "
        "expected/expect/VERB/0/root/" + PASS + " to/PART/7/mark meet/VERB/5/xcomp/" + INF + " ./PUNCT/5/punct",
        "meet", "AGREE", ["Rubio", "Lavrov"], ["Rubio", "Lavrov"], id="raising-coordination"),  # future meeting
    pytest.param(  # subject control
        "Iran/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark close/VERB/2/xcomp/" + INF
        + " the/DET/6/det strait/NOUN/4/obj ./PUNCT/2/punct",
        "close", None, ["Iran"], ["the strait"], id="subject-control"),
    pytest.param(  # object control: urge X to withdraw
        "The/DET/2/det UN/PROPN/3/nsubj urged/urge/VERB/0/root/" + PAST + " Israel/PROPN/3/obj "
        "to/PART/6/mark withdraw/VERB/3/xcomp/" + INF + " ./PUNCT/3/punct",
        "withdraw", "RETREAT", ["Israel"], [], id="object-control"),
    pytest.param(  # coordinated verbs share the subject
        "Police/NOUN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " the/DET/4/det suspect/NOUN/2/obj "
        "and/CCONJ/6/cc charged/charge/VERB/2/conj/" + PAST + " him/he/PRON/6/obj ./PUNCT/2/punct",
        "charge", "DISAPPROVE", ["Police"], ["him"], id="verb-coordination"),
    pytest.param(  # relative clause: "who" stands for its antecedent
        "The/DET/2/det leaders/leader/NOUN/7/nsubj who/PRON/4/nsubj/PronType=Rel met/meet/VERB/2/acl:relcl/" + PAST
        + " in/ADP/6/case Paris/PROPN/4/obl criticized/criticize/VERB/0/root/" + PAST + " Vance/PROPN/7/obj ./PUNCT/7/punct",
        "meet", "CONSULT", ["The leaders"], [], id="relative-clause"),
    pytest.param(  # participial modifier (active): the noun is the actor
        "Officials/official/NOUN/5/nsubj meeting/meet/VERB/1/acl/VerbForm=Ger in/ADP/4/case Riyadh/PROPN/2/obl "
        "discussed/discuss/VERB/0/root/" + PAST + " trade/NOUN/5/obj ./PUNCT/5/punct",
        "meet", "CONSULT", ["Officials"], [], id="participle-active"),
    pytest.param(  # participial modifier (passive): the noun is the recipient
        "Troops/troop/NOUN/0/root deployed/deploy/VERB/1/acl/" + PASS + " to/ADP/4/case Ukraine/PROPN/2/obl",
        "deploy", "MOBILIZE", [], ["Troops"], id="participle-passive"),
    pytest.param(  # apposition: prefer the named phrase
        "Trump/PROPN/3/nmod:poss 's/PART/1/case envoy/NOUN/8/nsubj ,/PUNCT/6/punct Keith/PROPN/6/compound "
        "Kellogg/PROPN/3/appos ,/PUNCT/6/punct visited/visit/VERB/0/root/" + PAST + " Kyiv/PROPN/8/obj ./PUNCT/8/punct",
        "visit", "CONSULT", ["Keith Kellogg"], [], id="apposition"),  # a visited city is where, not whom
    pytest.param(  # participial adverbial clause shares the subject
        "Zelensky/PROPN/2/nsubj spoke/speak/VERB/0/root/" + PAST + " ,/PUNCT/4/punct praising/praise/VERB/2/advcl/VerbForm=Ger "
        "Macron/PROPN/4/obj ./PUNCT/2/punct",
        "praise", "SUPPORT", ["Zelensky"], ["Macron"], id="participial-advcl"),
]

PREDICATES = [
    pytest.param(  # light verb: the noun gives the type, the oblique the target
        "The/DET/2/det EU/PROPN/3/nsubj imposed/impose/VERB/0/root/" + PAST + " sanctions/sanction/NOUN/3/obj "
        "on/ADP/6/case Russia/PROPN/3/obl ./PUNCT/3/punct",
        "impose sanction", "SANCTION", ["The EU"], ["Russia"], id="light-verb-impose"),
    pytest.param(
        "Leaders/leader/NOUN/2/nsubj held/hold/VERB/0/root/" + PAST + " talks/talk/NOUN/2/obj with/ADP/5/case "
        "Zelensky/PROPN/3/nmod ./PUNCT/2/punct",
        "hold talk", "CONSULT", ["Leaders"], ["Zelensky"], id="light-verb-hold-talks"),
    pytest.param(  # phrasal trigger made of verb + object
        "Ukraine/PROPN/2/nsubj took/take/VERB/0/root/" + PAST + " part/NOUN/2/obj in/ADP/6/case the/DET/6/det "
        "talks/talk/NOUN/2/obl ./PUNCT/2/punct",
        "take part", "CONSULT", ["Ukraine"], [], id="phrasal-take-part"),
    pytest.param(  # verb + oblique with its preposition
        "Workers/worker/NOUN/2/nsubj went/go/VERB/0/root/" + PAST + " on/ADP/4/case strike/NOUN/2/obl ./PUNCT/2/punct",
        "go on strike", "PROTEST", ["Workers"], [], id="phrasal-go-on-strike"),
    pytest.param(  # "put/placed under": the passive subject is the target
        "A/DET/3/det US/PROPN/3/compound national/NOUN/6/nsubj:pass has/AUX/6/aux been/be/AUX/6/aux:pass "
        "put/put/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass under/ADP/8/case investigation/NOUN/6/obl "
        "in/ADP/10/case Italy/PROPN/6/obl ./PUNCT/6/punct",
        # who: the investigation's actor goes unnamed, so the place it happens in is coded (place_source_types)
        "put under investigation", "INVESTIGATE", ["Italy"], ["A US national"], id="light-verb-put-under"),
    pytest.param(  # eventive noun with "between" participants
        "The/DET/2/det meeting/NOUN/7/nsubj between/ADP/4/case Rubio/PROPN/2/nmod and/CCONJ/6/cc Lavrov/PROPN/4/conj "
        "ended/end/VERB/0/root/" + PAST + " ./PUNCT/7/punct",
        "meeting", "CONSULT", ["Rubio", "Lavrov"], ["Rubio", "Lavrov"], id="noun-between"),
    pytest.param(  # eventive noun with "with" partner
        "Talks/talk/NOUN/0/root with/ADP/3/case Lavrov/PROPN/1/nmod",
        "talk", "CONSULT", [], ["Lavrov"], id="noun-with"),
    pytest.param(  # possessive actor and "of" target
        "Russia/PROPN/3/nmod:poss 's/PART/1/case invasion/NOUN/6/nsubj of/ADP/5/case Ukraine/PROPN/3/nmod "
        "shocked/shock/VERB/0/root/" + PAST + " Europe/PROPN/6/obj ./PUNCT/6/punct",
        "invasion", "ASSAULT", ["Russia"], ["Ukraine"], id="noun-possessive"),
]


@pytest.mark.parametrize(("parse", "lemma", "type_", "who", "whom"), ARGUMENTS + ROBUSTNESS + INHERITANCE + PREDICATES)
def test_roles(extractor, parse, lemma, type_, who, whom):
    events = extractor.extract_document(conllu(parse))
    event = only(events, lemma)
    assert event.type == type_
    assert [p.text for p in event.who] == who
    assert [p.text for p in event.whom] == whom


def test_participant_head_and_offsets(extractor):
    text = conllu(ARGUMENTS[3].values[0])
    event = extractor.extract_document(text)[0]
    (who,) = event.who
    assert who.head == "Trump"
    doc_text = "US President Donald Trump criticized NATO."
    assert doc_text[who.start:who.end] == who.text
    assert doc_text[event.trigger.start:event.trigger.end] == "criticized"


def test_reporting_verbs_are_untyped_events(extractor):
    parse = ("Macron/PROPN/2/nsubj said/say/VERB/0/root/" + PAST + " Russia/PROPN/4/nsubj attacked/attack/VERB/2/ccomp/"
             + PAST + " Ukraine/PROPN/4/obj ./PUNCT/2/punct")
    events = extractor.extract_document(conllu(parse))
    said, attacked = only(events, "say"), only(events, "attack")
    assert said.type is None and [p.text for p in said.who] == ["Macron"]
    assert attacked.type == "ASSAULT" and [p.text for p in attacked.who] == ["Russia"]


def test_according_to_is_a_reporting_event(extractor):
    parse = ("Troops/troop/NOUN/2/nsubj withdrew/withdraw/VERB/0/root/" + PAST + " ,/PUNCT/2/punct according/accord/VERB/6/case "
             "to/ADP/4/fixed officials/official/NOUN/2/obl ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "accord to")
    assert event.type is None
    assert event.trigger.text == "according to"
    assert [p.text for p in event.who] == ["officials"]


TARGETS = [
    pytest.param(  # coordinated actors of a symmetric event act on each other
        "Israel/PROPN/4/nsubj and/CCONJ/3/cc Hamas/PROPN/1/conj agreed/agree/VERB/0/root/" + PAST + " ./PUNCT/4/punct",
        "agree", ["Israel", "Hamas"], ["Israel", "Hamas"], id="reciprocal"),
    pytest.param(  # a verb without a PropBank partner argument reads no reciprocal (attend.01)
        "Leaders/leader/NOUN/4/nsubj and/CCONJ/3/cc guests/guest/NOUN/1/conj attended/attend/VERB/0/root/" + PAST
        + " ./PUNCT/4/punct",
        "attend", ["Leaders", "guests"], [], id="no-partner-no-reciprocal"),
    pytest.param(  # the target of a typed verb lies in its complement
        "Iran/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark close/VERB/2/xcomp/" + INF
        + " the/DET/6/det strait/NOUN/4/obj ./PUNCT/2/punct",
        "threaten", ["Iran"], ["the strait"], id="complement-object"),
    pytest.param(
        "Rebels/rebel/NOUN/2/nsubj demanded/demand/VERB/0/root/" + PAST + " that/SCONJ/6/mark the/DET/5/det "
        "government/NOUN/6/nsubj resign/VERB/2/ccomp/" + INF + " ./PUNCT/2/punct",
        "demand", ["Rebels"], ["the government"], id="complement-subject"),
    pytest.param(  # unknown inflections reach the lexicon through suffix rules
        "Prisoners/prisoner/NOUN/2/nsubj rioted/rioted/VERB/0/root/" + PAST + " ./PUNCT/2/punct",
        "riot", ["Prisoners"], [], id="suffix-lemma"),
    pytest.param(  # ... also short stems and irregular participles
        "A/DET/2/det businessman/NOUN/4/nsubj is/be/AUX/4/aux suing/VERB/0/root/VerbForm=Ger the/DET/6/det "
        "UN/PROPN/4/obj ./PUNCT/4/punct",
        "sue", ["A businessman"], ["the UN"], id="suffix-lemma-short-stem"),
    pytest.param(
        "Forces/force/NOUN/3/nsubj have/AUX/3/aux retaken/VERB/0/root/Tense=Past|VerbForm=Part the/DET/5/det "
        "village/NOUN/3/obj ./PUNCT/3/punct",
        "retake", ["Forces"], ["the village"], id="suffix-lemma-en-participle"),
    pytest.param(
        "Guerrillas/guerrilla/NOUN/2/nsubj overran/VERB/0/root/" + PAST + " the/DET/4/det town/NOUN/2/obj ./PUNCT/2/punct",
        "overrun", ["Guerrillas"], ["the town"], id="suffix-lemma-ran"),
    pytest.param(  # a second subject on a reporting verb belongs to its subjectless complement
        "The/DET/3/det Red/PROPN/3/compound Cross/PROPN/4/nsubj said/say/VERB/0/root/" + PAST + " US/PROPN/6/compound "
        "forces/force/NOUN/4/nsubj must/AUX/8/aux leave/VERB/4/ccomp/" + INF + " ./PUNCT/4/punct",
        "leave", ["US forces"], [], id="stray-subject-goes-to-complement"),
    pytest.param(  # a participle the tagger calls finite is the clause's verb, not a passive modifier
        "Albanians/Albanian/PROPN/6/obl demonstrated/demonstrate/VERB/1/acl/Mood=Ind|Tense=Past|VerbForm=Fin "
        "in/ADP/4/case Serbia/PROPN/2/obl radio/NOUN/6/nsubj said/say/VERB/0/root/" + PAST + " ./PUNCT/6/punct",
        "demonstrate", ["Albanians"], ["Serbia"], id="finite-acl-is-active"),
    pytest.param(  # "it" of a control adjective is its subject, even when parsed as an expletive
        "Syria/PROPN/2/nsubj says/say/VERB/0/root/Mood=Ind|Tense=Pres|VerbForm=Fin it/it/PRON/5/expl/Number=Sing|Person=3 "
        "is/be/AUX/5/cop willing/willing/ADJ/2/ccomp to/PART/7/mark withdraw/VERB/5/xcomp/" + INF
        + " troops/troop/NOUN/7/obj ./PUNCT/2/punct",
        "withdraw", ["Syria"], ["troops"], id="expletive-of-control-adjective"),
    pytest.param(  # ... but Voice=Pass keeps the passive reading
        "Benin/PROPN/2/nsubj admitted/admit/VERB/0/root/" + PAST + " Africans/African/PROPN/2/obj "
        "ordered/order/VERB/3/acl/Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Pass out/ADP/7/case of/ADP/7/case "
        "Nigeria/PROPN/4/obl ./PUNCT/2/punct",
        "order", [], ["Africans"], id="finite-acl-marked-passive"),
    pytest.param(  # a present participle is active: its "by" phrase is no agent
        "Benin/PROPN/3/nsubj was/be/AUX/3/aux refusing/refuse/VERB/0/root/Tense=Pres|VerbForm=Part "
        "Ghanaians/Ghanaian/PROPN/3/obj ,/PUNCT/9/punct by/ADP/9/case far/ADV/9/advmod the/DET/9/det "
        "group/NOUN/3/obl ./PUNCT/3/punct",
        "refuse", ["Benin"], ["Ghanaians"], id="present-participle-is-active"),
    pytest.param(  # a passive clause with its own subject inherits no agent
        "Albanians/Albanian/PROPN/2/nsubj demonstrated/demonstrate/VERB/0/root/" + PAST + " in/ADP/4/case "
        "Serbia/PROPN/2/obl where/ADV/9/advmod 24/NUM/7/nummod people/person/NOUN/9/nsubj:pass were/be/AUX/9/aux:pass "
        "killed/kill/VERB/2/advcl/Tense=Past|VerbForm=Part|Voice=Pass ./PUNCT/2/punct",
        "kill", [], ["24 people"], id="passive-clause-inherits-no-agent"),
    pytest.param(  # a root noun and its coordinated subject, the participle hung on the last one
        "President/PROPN/0/root Fabius/PROPN/1/flat and/CCONJ/5/cc a/DET/5/det group/NOUN/1/conj "
        "held/hold/VERB/5/acl/Tense=Past|VerbForm=Part talks/talk/NOUN/6/obj with/ADP/9/case "
        "leaders/leader/NOUN/6/obl of/ADP/11/case Romania/PROPN/9/nmod on/ADP/13/case Tuesday/PROPN/11/nmod ./PUNCT/1/punct",
        "hold talk", ["President Fabius", "a group"], ["leaders of Romania"], id="coordinated-subjects-of-misread-root"),
    pytest.param(  # a subject hung under a bare time word, its noun tagged as an adjective
        "A/DET/3/det top/ADJ/3/amod official/ADJ/4/amod today/NOUN/5/obl:unmarked praised/praise/VERB/0/root/" + PAST
        + " Haiti/PROPN/5/obj ./PUNCT/5/punct",
        "praise", ["A top official"], ["Haiti"], id="subject-under-time-word"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), TARGETS)
def test_targets(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)


def test_time_words_stay_out_of_participants(extractor):
    parse = ("A/DET/3/det top/ADJ/3/amod official/NOUN/5/nsubj today/NOUN/3/nmod:tmod praised/praise/VERB/0/root/" + PAST
             + " Haiti/PROPN/5/obj ./PUNCT/5/punct")
    event = only(extractor.extract_document(conllu(parse), reference_date="2025-02-17"), "praise")
    assert [p.text for p in event.who] == ["A top official"]


def test_stray_subject_leaves_the_reporting_verb(extractor):
    parse = ("The/DET/3/det Red/PROPN/3/compound Cross/PROPN/4/nsubj said/say/VERB/0/root/" + PAST + " US/PROPN/6/compound "
             "forces/force/NOUN/4/nsubj must/AUX/8/aux leave/VERB/4/ccomp/" + INF + " ./PUNCT/4/punct")
    event = only(extractor.extract_document(conllu(parse)), "say")
    assert [p.text for p in event.who] == ["The Red Cross"]


def test_a_noun_in_another_oblique_takes_nothing_from_the_verb(extractor):
    parse = ("Germany/PROPN/2/nsubj suspended/suspend/VERB/0/root/" + PAST + " aid/NOUN/2/obj after/ADP/6/case "
             "the/DET/6/det coup/NOUN/2/obl ./PUNCT/2/punct")
    events = extractor.extract_document(conllu(parse))
    assert [p.text for p in only(events, "coup").who] == []
    assert [p.text for p in only(events, "aid").who] == ["Germany"]


def test_split_names_are_merged(extractor):
    parse = ("North/PROPN/3/nsubj Korea/PROPN/3/nsubj expelled/expel/VERB/0/root/" + PAST + " inspectors/inspector/NOUN/3/obj "
             "./PUNCT/3/punct")
    event = only(extractor.extract_document(conllu(parse)), "expel")
    assert [p.text for p in event.who] == ["North Korea"]


PRONOUNS = [
    pytest.param("Syria/PROPN/2/nsubj says/say/VERB/0/root/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin "
                 "it/PRON/5/nsubj/Number=Sing|Person=3|PronType=Prs will/AUX/5/aux withdraw/VERB/2/ccomp/VerbForm=Inf ./PUNCT/2/punct",
                 "withdraw", ["Syria"], id="it-reported-by-country"),
    pytest.param("The/DET/2/det rebels/rebel/NOUN/3/nsubj/Number=Plur said/say/VERB/0/root/" + PAST
                 + " they/PRON/6/nsubj/Number=Plur|Person=3|PronType=Prs will/AUX/6/aux release/VERB/3/ccomp/VerbForm=Inf "
                 "hostages/hostage/NOUN/6/obj ./PUNCT/3/punct", "release", ["The rebels"], id="they-reported-by-plural"),
    pytest.param("Macron/PROPN/2/nsubj/Number=Sing said/say/VERB/0/root/" + PAST
                 + " they/PRON/5/nsubj/Number=Plur|Person=3|PronType=Prs will/AUX/5/aux withdraw/VERB/2/ccomp/VerbForm=Inf ./PUNCT/2/punct",
                 "withdraw", ["they"], id="no-agreement-keeps-pronoun"),
]


@pytest.mark.parametrize(("parse", "lemma", "who"), PRONOUNS)
def test_reported_pronouns(extractor, parse, lemma, who):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert [p.text for p in event.who] == who


def test_inverted_reporter_is_the_speaker(extractor):
    parse = ("Talks/talk/NOUN/2/nsubj failed/fail/VERB/0/root/" + PAST + " ,/PUNCT/4/punct said/say/VERB/2/parataxis/" + PAST
             + " Angers/PROPN/4/obj ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "say")
    assert [p.text for p in event.who] == ["Angers"] and event.whom == ()


@pytest.mark.parametrize(("parse", "lemma", "is_event"), [
    ("The/DET/2/det development/NOUN/3/nsubj stalled/stall/VERB/0/root/" + PAST, "development", True),
    ("The/DET/2/det order/NOUN/3/nsubj arrived/arrive/VERB/0/root/" + PAST, "order", True),
    ("The/DET/2/det government/NOUN/3/nsubj resigned/resign/VERB/0/root/" + PAST, "government", False),
    ("The/DET/2/det building/NOUN/3/nsubj collapsed/collapse/VERB/0/root/" + PAST, "building", False),
])
def test_untyped_eventive_nouns(extractor, parse, lemma, is_event):
    events = extractor.extract_document(conllu(parse))
    found = [e for e in events if e.trigger.lemma == lemma]
    assert bool(found) is is_event
    assert all(e.type is None for e in found)


NOMINAL_SOURCES = [
    pytest.param("The/DET/2/det ILO/PROPN/3/nsubj reiterated/reiterate/VERB/0/root/" + PAST + " its/its/PRON/5/nmod:poss/Poss=Yes "
                 "demand/NOUN/3/obj ./PUNCT/3/punct", "demand", ["The ILO"], id="possessive-pronoun"),
    pytest.param("Qatar/PROPN/2/nsubj launched/launch/VERB/0/root/" + PAST + " a/DET/5/det mediation/NOUN/5/compound "
                 "effort/NOUN/2/obj ./PUNCT/2/punct", "mediation", ["Qatar"], id="support-verb-through-compound"),
    pytest.param("Refugees/refugee/NOUN/2/nsubj continued/continue/VERB/0/root/" + PAST + " a/DET/5/det hunger/NOUN/5/compound "
                 "strike/NOUN/2/obj ./PUNCT/2/punct", "strike", ["Refugees"], id="aspectual-verb"),
    pytest.param("The/DET/2/det party/NOUN/3/nsubj issued/issue/VERB/0/root/" + PAST + " a/DET/5/det statement/NOUN/3/obj "
                 "demanding/demand/VERB/5/acl/VerbForm=Ger talks/talk/NOUN/6/obj ./PUNCT/3/punct", "demand", ["The party"],
                 id="participle-of-an-issued-document"),
    pytest.param("Boeing/PROPN/2/nsubj challenged/challenge/VERB/0/root/" + PAST + " the/DET/4/det award/NOUN/2/obj ./PUNCT/2/punct",
                 "award", [], id="not-through-ordinary-verbs"),
    pytest.param("Palestinian/ADJ/2/amod riots/riot/NOUN/3/nsubj continued/continue/VERB/0/root/" + PAST, "riot",
                 ["Palestinian"], id="nationality-adjective"),
    pytest.param("US/PROPN/3/compound -/PUNCT/1/punct Russia/PROPN/4/compound discussions/discussion/NOUN/5/nsubj "
                 "began/begin/VERB/0/root/" + PAST, "discussion", ["US", "Russia"], id="hyphenated-name-compound"),
    pytest.param("The/DET/3/det Paris/PROPN/3/compound meeting/NOUN/4/nsubj ended/end/VERB/0/root/" + PAST, "meeting", [],
                 id="city-compound-is-a-place"),
]


@pytest.mark.parametrize(("parse", "lemma", "who"), NOMINAL_SOURCES)
def test_nominal_sources(extractor, parse, lemma, who):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert [p.text for p in event.who] == who


def test_a_common_noun_keeps_its_modifiers(extractor):
    parse = ("Israel/PROPN/2/nsubj evacuated/evacuate/VERB/0/root/" + PAST + " settlements/settlement/NOUN/2/obj "
             "in/ADP/7/case the/DET/7/det Gaza/PROPN/7/compound Strip/PROPN/3/nmod ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "evacuate")
    assert [p.text for p in event.whom] == ["settlements in the Gaza Strip"]


def test_a_participant_is_not_also_the_place(extractor):
    parse = ("The/DET/2/det meeting/NOUN/0/root between/ADP/4/case US/PROPN/2/nmod and/CCONJ/7/cc Russian/ADJ/7/amod "
             "officials/official/NOUN/4/conj")
    event = only(extractor.extract_document(conllu(parse)), "meeting")
    assert event.where is None and [p.text for p in event.who] == ["US", "Russian officials"]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), [
    ("Three/NUM/2/nummod soldiers/soldier/NOUN/3/nsubj died/die/VERB/0/root/" + PAST, "die", [], ["Three soldiers"]),
    ("Prices/price/NOUN/2/nsubj rose/rise/VERB/0/root/" + PAST, "rise", [], ["Prices"]),
    ("Police/NOUN/2/nsubj increased/increase/VERB/0/root/" + PAST + " patrols/patrol/NOUN/2/obj", "increase", ["Police"], ["patrols"]),
])
def test_unaccusative_subjects_undergo_the_event(extractor, parse, lemma, who, whom):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert [p.text for p in event.who] == who and [p.text for p in event.whom] == whom


def test_participle_with_an_object_is_active(extractor):
    parse = ("Guerrillas/guerrilla/NOUN/7/nsubj wounded/wound/VERB/1/acl/Tense=Past|VerbForm=Part two/NUM/4/nummod "
             "soldiers/soldier/NOUN/2/obj ,/PUNCT/7/punct police/police/NOUN/7/nsubj said/say/VERB/0/root/" + PAST)
    event = only(extractor.extract_document(conllu(parse)), "wound")
    assert [p.text for p in event.who] == ["Guerrillas"] and [p.text for p in event.whom] == ["two soldiers"]


def test_misattached_conjunct_is_its_own_participant(extractor):
    parse = ("Secretary/PROPN/7/nsubj of/ADP/3/case State/PROPN/1/nmod Rubio/PROPN/1/nmod and/CCONJ/6/cc Lavrov/PROPN/1/nmod "
             "met/meet/VERB/0/root/" + PAST + " ./PUNCT/7/punct")
    event = only(extractor.extract_document(conllu(parse)), "meet")
    assert [p.text for p in event.who] == ["Secretary of State Rubio", "Lavrov"]


def test_root_noun_with_participle_reads_as_a_clause(extractor):
    parse = ("European/ADJ/2/amod leaders/leader/NOUN/0/root gathered/gather/VERB/2/acl/Tense=Past|VerbForm=Part "
             "in/ADP/5/case Paris/PROPN/3/obl ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "gather")
    assert [p.text for p in event.who] == ["European leaders"] and event.where.text == "Paris"


def test_light_verb_unknown_to_the_lemmatizer(extractor):
    parse = ("Clinton/PROPN/2/nsubj imposed/imposed/VERB/0/root/" + PAST + " sanctions/sanction/NOUN/2/obj "
             "on/ADP/5/case Iran/PROPN/2/obl ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "impose sanction")
    assert event.type == "SANCTION" and [p.text for p in event.who] == ["Clinton"] and [p.text for p in event.whom] == ["Iran"]


def test_control_object_read_as_indirect_object(extractor):
    """"tells airlines not to buy": the addressee, even as a parser's ``iobj``, is who of the infinitive."""
    parse = ("The/DET/2/det minister/NOUN/3/nsubj told/tell/VERB/0/root/" + PAST + " airlines/airline/NOUN/3/iobj "
             "not/PART/7/advmod to/PART/7/mark buy/buy/VERB/3/xcomp/" + INF + " aircraft/NOUN/7/obj ./PUNCT/3/punct")
    event = only(extractor.extract_document(conllu(parse)), "buy")
    assert [p.text for p in event.who] == ["airlines"] and [p.text for p in event.whom] == ["aircraft"]


_PASS = "Tense=Past|VerbForm=Part|Voice=Pass"
# (gold parse, trigger lemma, expected who texts, expected whom texts)
BETWEEN_PARTIES = [
    pytest.param(  # the "between" phrase of a passive verb without agent names the parties
        "They/they/PRON/2/nsubj/Case=Nom|Number=Plur|Person=3|PronType=Prs signed/sign/VERB/0/root/"
        "Mood=Ind|Tense=Past|VerbForm=Fin an/DET/4/det agreement/NOUN/2/obj reached/reach/VERB/4/acl/" + _PASS
        + " between/ADP/9/case the/DET/9/det two/NUM/9/nummod companies/company/NOUN/5/obl ./PUNCT/2/punct",
        "reach", ["the two companies"], [], id="passive-between"),  # an agreement names an event, no whom
    pytest.param(  # a "by" agent comes first
        "The/DET/2/det memo/NOUN/4/nsubj:pass was/be/AUX/4/aux:pass drafted/draft/VERB/0/root/" + _PASS
        + " by/ADP/6/case lawyers/lawyer/NOUN/4/obl:agent between/ADP/9/case the/DET/9/det "
        "firms/firm/NOUN/4/obl ./PUNCT/4/punct",
        "draft", ["lawyers"], ["The memo"], id="passive-by-first"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), BETWEEN_PARTIES)
def test_between_parties(extractor, parse, lemma, who, whom):
    """A passive verb without agent takes the parties of its *between* phrase as who."""
    assert roles_of(extractor, parse, lemma) == (who, whom)
