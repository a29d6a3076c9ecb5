"""Coded targets on gold parses: the actor an event is directed at, where the grammar's
object names none (see ``eventx._stages._targets``)."""

from __future__ import annotations

import pytest
from conftest import conllu, only

PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
INF = "VerbForm=Inf"

# (gold parse, trigger lemma, expected type, expected whom texts, expected where text)
CODED_TARGETS = [
    pytest.param(  # a named actor inside a non-actor object, through a participle's agent
        "Police/NOUN/2/nsubj launched/launch/VERB/0/root/" + PAST + " an/DET/4/det investigation/NOUN/2/obj "
        "into/ADP/6/case crimes/crime/NOUN/4/nmod committed/commit/VERB/6/acl/Tense=Past|VerbForm=Part|Voice=Pass "
        "by/ADP/10/case Croat/PROPN/10/compound forces/force/NOUN/7/obl:agent ./PUNCT/2/punct",
        "launch investigation", "INVESTIGATE", ["crimes", "Croat forces"], None, id="inner-actor"),
    pytest.param(  # a protest's target is whom its purpose clause makes demands of
        "Fundamentalists/fundamentalist/NOUN/2/nsubj continued/continue/VERB/0/root/" + PAST
        + " their/their/PRON/4/nmod:poss strike/NOUN/2/obj to/PART/6/mark demand/VERB/2/advcl/" + INF
        + " the/DET/8/det resignation/NOUN/6/obj of/ADP/11/case President/PROPN/11/compound Bella/PROPN/8/nmod ./PUNCT/2/punct",
        "strike", "PROTEST", ["President Bella"], None, id="demand-purpose-clause"),
    pytest.param(  # the place of an event with no recipient is its target
        "Albanians/Albanian/PROPN/2/nsubj demonstrated/demonstrate/VERB/0/root/" + PAST + " in/ADP/4/case Serbia/PROPN/2/obl "
        "./PUNCT/2/punct",
        "demonstrate", "PROTEST", ["Serbia"], "Serbia", id="place-target"),
    pytest.param(  # ... through "the town of"
        "Authorities/authority/NOUN/2/nsubj imposed/impose/VERB/0/root/" + PAST + " a/DET/4/det curfew/NOUN/2/obj "
        "in/ADP/7/case the/DET/7/det town/NOUN/4/nmod of/ADP/9/case Cizre/PROPN/7/nmod ./PUNCT/2/punct",
        "impose curfew", "COERCE", ["Cizre"], "the town of Cizre", id="place-target-of-name"),
    pytest.param(  # a named place beside the one found first
        "Prisoners/prisoner/NOUN/2/nsubj rioted/riot/VERB/0/root/" + PAST + " at/ADP/5/case this/DET/5/det jail/NOUN/2/obl "
        "in/ADP/8/case northern/ADJ/8/amod Israel/PROPN/2/obl ./PUNCT/2/punct",
        "riot", "PROTEST", ["northern Israel"], "this jail", id="place-target-beside-the-place"),
    pytest.param(  # two subject heads of one clause are a split name, not two parties
        "Secretary/PROPN/4/nsubj Tom/PROPN/4/nsubj King/PROPN/2/flat promised/promise/VERB/0/root/" + PAST
        + " to/PART/6/mark continue/VERB/4/xcomp/" + INF + " aid/NOUN/6/obj to/ADP/9/case Mozambique/PROPN/6/obl ./PUNCT/4/punct",
        "promise", "AGREE", ["Mozambique"], None, id="split-name-is-not-reciprocal"),
    pytest.param(  # where people meet is not whom they meet
        "Leaders/leader/NOUN/2/nsubj met/meet/VERB/0/root/" + PAST + " in/ADP/4/case Paris/PROPN/2/obl ./PUNCT/2/punct",
        "meet", "CONSULT", [], "Paris", id="no-place-target-for-meetings"),
    pytest.param(  # a named place in the threatened clause beats its common-noun object
        "Israel/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark ban/VERB/2/xcomp/" + INF
        + " voting/NOUN/4/obj in/ADP/8/case East/PROPN/8/compound Jerusalem/PROPN/4/obl ./PUNCT/2/punct",
        "threaten", "THREATEN", ["East Jerusalem"], None, id="complement-place"),
    pytest.param(  # an infinitive parsed as a purpose clause is still the complement
        "Azerbaijan/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark break/VERB/2/advcl/" + INF
        + " relations/relation/NOUN/4/obj with/ADP/7/case Russia/PROPN/5/nmod ./PUNCT/2/punct",
        "threaten", "THREATEN", ["Russia"], None, id="complement-advcl-nested-partner"),
    pytest.param(  # the "that"-clause of an eventive noun
        "The/DET/2/det ILO/PROPN/3/nsubj repeated/repeat/VERB/0/root/" + PAST + " its/its/PRON/5/nmod:poss/Poss=Yes "
        "demand/NOUN/3/obj that/SCONJ/8/mark Israel/PROPN/8/nsubj ease/VERB/5/acl/VerbForm=Fin "
        "restrictions/restriction/NOUN/8/obj ./PUNCT/3/punct",
        "demand", "DEMAND", ["Israel"], None, id="noun-that-clause"),
    pytest.param(  # ... also when the parser hung it on the verb above the noun
        "The/DET/2/det ILO/PROPN/3/nsubj repeated/repeat/VERB/0/root/" + PAST + " its/its/PRON/5/nmod:poss/Poss=Yes "
        "demand/NOUN/3/obj that/SCONJ/8/mark Israel/PROPN/8/nsubj ease/VERB/3/advcl/VerbForm=Fin "
        "restrictions/restriction/NOUN/8/obj ./PUNCT/3/punct",
        "demand", "DEMAND", ["Israel"], None, id="noun-that-clause-on-the-verb"),
    pytest.param(  # the indirect object of a support verb receives the noun's event
        "The/DET/2/det EU/PROPN/3/nsubj gave/give/VERB/0/root/" + PAST + " the/DET/6/det Ivory/PROPN/6/compound "
        "Coast/PROPN/3/iobj millions/million/NOUN/3/obj of/ADP/9/case aid/NOUN/7/nmod ./PUNCT/3/punct",
        "aid", "AID", ["the Ivory Coast"], None, id="support-verb-iobj"),
    pytest.param(  # the actor's own troops are no target; the place they leave is
        "Syria/PROPN/2/nsubj withdrew/withdraw/VERB/0/root/" + PAST + " its/its/PRON/4/nmod:poss/Poss=Yes troops/troop/NOUN/2/obj "
        "from/ADP/6/case Lebanon/PROPN/2/obl ./PUNCT/2/punct",
        "withdraw", "RETREAT", ["its troops", "Lebanon"], None, id="oblique-target-after-own-object"),
    pytest.param(  # a named actor inside an oblique
        "Korea/PROPN/2/nsubj hacked/hack/VERB/0/root/" + PAST + " into/ADP/5/case the/DET/5/det computers/computer/NOUN/2/obl "
        "of/ADP/8/case Korean/ADJ/8/amod officers/officer/NOUN/5/nmod ./PUNCT/2/punct",
        "hack", "COERCE", ["Korean officers"], None, id="inner-actor-of-oblique"),
    pytest.param(  # a capitalised adjective names the actor too
        "Mwanawasa/PROPN/2/nsubj reneged/renege/VERB/0/root/" + PAST + " on/ADP/5/case his/his/PRON/5/nmod:poss/Poss=Yes "
        "commitment/NOUN/2/obl to/ADP/9/case the/DET/9/det Zambian/ADJ/9/amod people/person/NOUN/5/nmod ./PUNCT/2/punct",
        "renege", "REJECT", ["the Zambian people"], None, id="proper-adjective"),
    pytest.param(  # whoever must meet a threat's condition is its target
        "Russia/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark stop/VERB/2/xcomp/" + INF
        + " talks/talk/NOUN/4/obj if/SCONJ/10/mark the/DET/9/det United/PROPN/9/compound States/PROPN/10/nsubj "
        "goes/go/VERB/4/advcl/Mood=Ind|Tense=Pres|VerbForm=Fin ahead/ADV/10/advmod ./PUNCT/2/punct",
        "threaten", "THREATEN", ["talks", "the United States"], None, id="condition-target"),
    pytest.param(  # ... hung on the complement of the complement
        "Russia/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark stop/VERB/2/xcomp/" + INF
        + " talks/talk/NOUN/4/obj to/PART/7/mark reduce/VERB/4/xcomp/" + INF + " arms/arm/NOUN/7/obj "
        "if/SCONJ/11/mark Washington/PROPN/11/nsubj deploys/deploy/VERB/7/advcl/Mood=Ind|Tense=Pres|VerbForm=Fin "
        "missiles/missile/NOUN/11/obj ./PUNCT/2/punct",
        "threaten", "THREATEN", ["talks", "Washington"], None, id="condition-target-deep"),
    pytest.param(  # the actor a refusal goes against, inside a "despite" clause of its complement
        "Awori/PROPN/3/nsubj has/AUX/3/aux declined/decline/VERB/0/root/Tense=Past|VerbForm=Part to/PART/5/mark "
        "resign/VERB/3/xcomp/" + INF + " despite/SCONJ/7/mark growing/grow/VERB/5/advcl/VerbForm=Ger pressure/NOUN/7/obj "
        "by/ADP/11/case the/DET/11/det Commission/PROPN/8/nmod ./PUNCT/3/punct",
        "decline", "REJECT", ["the Commission"], None, id="concessive-clause"),
    pytest.param(  # a trigger noun is searched like an object
        "Bashir/PROPN/2/nsubj shortened/shorten/VERB/0/root/" + PAST + " the/DET/5/det nightly/ADJ/5/amod curfew/NOUN/2/obj "
        "imposed/impose/VERB/5/acl/Tense=Past|VerbForm=Part|Voice=Pass in/ADP/8/case Sudan/PROPN/6/obl ./PUNCT/2/punct",
        "shorten curfew", "CONCEDE", ["Sudan"], None, id="inner-actor-of-trigger-noun"),
    pytest.param(  # the partners of the eventive noun a trigger noun is a compound of
        "The/DET/2/det emir/NOUN/3/nsubj launched/launch/VERB/0/root/" + PAST + " a/DET/6/det mediation/NOUN/6/compound "
        "effort/NOUN/3/obj between/ADP/9/case the/DET/9/det Emirates/PROPN/6/nmod and/CCONJ/12/cc Saudi/PROPN/12/compound "
        "Arabia/PROPN/9/conj ./PUNCT/3/punct",
        "mediation", "CONSULT", ["the Emirates", "Saudi Arabia"], None, id="compound-head-partners"),
    pytest.param(  # ... also when the parser hung them on a time word
        "The/DET/2/det emir/NOUN/3/nsubj launched/launch/VERB/0/root/" + PAST + " a/DET/6/det mediation/NOUN/6/compound "
        "effort/NOUN/3/obj on/ADP/8/case Saturday/PROPN/6/nmod between/ADP/11/case the/DET/11/det Emirates/PROPN/8/nmod "
        "and/CCONJ/13/cc Qatar/PROPN/11/conj ./PUNCT/3/punct",
        "mediation", "CONSULT", ["the Emirates", "Qatar"], None, id="partners-hung-on-a-time-word"),
    pytest.param(  # a second subject on a reporting verb belongs to its subjectless complement
        "The/DET/3/det Red/PROPN/3/compound Cross/PROPN/4/nsubj said/say/VERB/0/root/" + PAST + " US/PROPN/4/nsubj "
        "and/CCONJ/8/cc British/ADJ/8/amod forces/force/NOUN/5/conj must/AUX/10/aux ensure/VERB/4/ccomp/" + INF
        + " security/NOUN/10/obj ./PUNCT/4/punct",
        "say", "DEMAND", ["US", "British forces"], None, id="stray-subject-of-complement"),
    pytest.param(  # a demand clause hung on a participle of the protest's place
        "Kurds/Kurd/PROPN/2/nsubj demonstrated/demonstrate/VERB/0/root/" + PAST + " in/ADP/5/case the/DET/5/det "
        "city/NOUN/2/obl calling/call/VERB/5/acl/VerbForm=Ger for/ADP/8/case independence/NOUN/6/obl from/ADP/10/case "
        "Iraq/PROPN/8/nmod ./PUNCT/2/punct",
        "demonstrate", "PROTEST", ["Iraq"], "the city", id="demand-participle-on-an-argument"),
    pytest.param(  # a demand clause inside a participle of the protest's object, past a time word
        "Algerians/Algerian/PROPN/2/nsubj blocked/block/VERB/0/root/" + PAST + " roads/road/NOUN/2/obj "
        "leading/lead/VERB/3/acl/VerbForm=Ger to/ADP/6/case town/NOUN/4/obl on/ADP/8/case Sunday/PROPN/4/obl "
        "to/PART/10/mark press/VERB/4/advcl/" + INF + " demands/demand/NOUN/10/obj from/ADP/14/case "
        "the/DET/14/det government/NOUN/11/nmod of/ADP/16/case Bouteflika/PROPN/14/nmod ./PUNCT/2/punct",
        "block", "PROTEST", ["roads", "Bouteflika"], None, id="nested-demand-clause"),
    pytest.param(  # a bare time phrase is passed through on the way to an inner actor
        "Jihad/PROPN/2/nsubj rejected/reject/VERB/0/root/" + PAST + " an/DET/4/det invitation/NOUN/2/obj "
        "to/PART/6/mark attend/VERB/4/acl/" + INF + " a/DET/8/det meeting/NOUN/6/obj next/ADJ/10/amod "
        "week/NOUN/6/obl:unmarked of/ADP/13/case Palestinian/ADJ/13/amod factions/faction/NOUN/10/nmod ./PUNCT/2/punct",
        "reject", "REJECT", ["an invitation", "Palestinian factions"], None, id="through-bare-time-phrase"),
    pytest.param(  # an event in the purpose clause of a sending happens at its destination
        "The/DET/2/det UN/PROPN/3/nsubj sent/send/VERB/0/root/" + PAST + " experts/expert/NOUN/3/obj "
        "to/ADP/6/case Bosnia/PROPN/4/nmod to/PART/8/mark investigate/VERB/3/advcl/" + INF + " the/DET/10/det "
        "killings/killing/NOUN/8/obj ./PUNCT/3/punct",
        "investigate", "INVESTIGATE", ["Bosnia", "the killings"], "Bosnia", id="destination-of-purpose"),
    pytest.param(  # a noun event's modifier is its oblique
        "Workers/worker/NOUN/2/nsubj began/begin/VERB/0/root/" + PAST + " a/DET/4/det strike/NOUN/2/obj "
        "over/ADP/7/case a/DET/7/det bill/NOUN/4/nmod signed/sign/VERB/7/acl/Tense=Past|VerbForm=Part|Voice=Pass "
        "by/ADP/11/case Minister/PROPN/11/compound Milovanovic/PROPN/8/obl:agent ./PUNCT/2/punct",
        "begin strike", "PROTEST", ["Minister Milovanovic"], None, id="inner-actor-of-noun-modifier"),
    pytest.param(  # the actor a purpose clause acts on
        "Police/NOUN/2/nsubj opened/open/VERB/0/root/" + PAST + " fire/NOUN/2/obj to/PART/5/mark disperse/VERB/2/advcl/" + INF
        + " demonstrators/demonstrator/NOUN/5/obj ./PUNCT/2/punct",
        "open fire", "ASSAULT", ["demonstrators"], None, id="purpose-object"),
    pytest.param(  # ... an actor itself, not a thing with a name on it
        "Thousands/thousand/NOUN/2/nsubj rallied/rally/VERB/0/root/" + PAST + " in/ADP/4/case Tbilisi/PROPN/2/obl "
        "waving/wave/VERB/2/advcl/VerbForm=Ger EU/PROPN/7/compound flags/flag/NOUN/5/obj ./PUNCT/2/punct",
        "rally", "PROTEST", ["Tbilisi"], "Tbilisi", id="purpose-object-is-no-thing"),
    pytest.param(  # whom a phrase's noun names as its source, when the verb has its own subject
        "The/DET/2/det government/NOUN/3/nsubj accepted/accept/VERB/0/root/" + PAST + " demands/demand/NOUN/3/obj "
        "from/ADP/7/case Shona/PROPN/7/compound rebels/rebel/NOUN/4/nmod ./PUNCT/3/punct",
        "accept demand", "CONCEDE", ["Shona rebels"], None, id="phrase-noun-source-is-target"),
    pytest.param(  # the complement of the complement
        "Israel/PROPN/2/nsubj threatened/threaten/VERB/0/root/" + PAST + " to/PART/4/mark ban/VERB/2/xcomp/" + INF
        + " voting/vote/VERB/4/xcomp/VerbForm=Ger in/ADP/8/case East/PROPN/8/compound Jerusalem/PROPN/5/obl ./PUNCT/2/punct",
        "threaten", "THREATEN", ["East Jerusalem"], None, id="nested-complement"),
    pytest.param(  # a named place inside a non-actor object: the event's place, not a second target
        "Officials/official/NOUN/2/nsubj suspended/suspend/VERB/0/root/" + PAST + " aid/NOUN/4/compound "
        "deliveries/delivery/NOUN/2/obj in/ADP/6/case Baghdad/PROPN/4/nmod ./PUNCT/2/punct",
        "suspend", "SANCTION", ["aid deliveries in Baghdad"], "Baghdad", id="place-inside-object-span"),
    pytest.param(  # the place of a typed event is added to a recipient that names no actor
        "Police/NOUN/2/nsubj demolished/demolish/VERB/0/root/" + PAST + " homes/home/NOUN/2/obj "
        "in/ADP/5/case Hebron/PROPN/2/obl ./PUNCT/2/punct",
        "demolish", "ASSAULT", ["homes", "Hebron"], "Hebron", id="place-added-to-non-actor"),
    pytest.param(  # ... never to an untyped one
        "Police/NOUN/2/nsubj painted/paint/VERB/0/root/" + PAST + " walls/wall/NOUN/2/obj "
        "in/ADP/5/case Hebron/PROPN/2/obl ./PUNCT/2/punct",
        "paint", None, ["walls"], "Hebron", id="untyped-keeps-its-object"),
    pytest.param(  # "on Tuesday" is a time, not the partner of a demand
        "Russia/PROPN/2/nsubj said/say/VERB/0/root/" + PAST + " on/ADP/4/case Tuesday/PROPN/2/obl that/SCONJ/8/mark "
        "Sudan/PROPN/8/nsubj must/AUX/8/aux return/VERB/2/ccomp/" + INF + " the/DET/10/det helicopter/NOUN/8/obj ./PUNCT/2/punct",
        "say", "DEMAND", ["Sudan"], None, id="time-is-no-partner"),
    pytest.param(  # a gerund's object the parser hung on the aspectual verb above it
        "The/DET/2/det army/NOUN/3/nsubj resumed/resume/VERB/0/root/" + PAST + " shelling/shell/VERB/3/xcomp/VerbForm=Ger "
        "Albanian/ADJ/6/amod territory/NOUN/3/obj ./PUNCT/3/punct",
        "shell", "ASSAULT", ["Albanian territory"], None, id="object-stranded-on-aspectual-verb"),
    pytest.param(  # ... not when the gerund has its own object
        "The/DET/2/det army/NOUN/3/nsubj resumed/resume/VERB/0/root/" + PAST + " shelling/shell/VERB/3/xcomp/VerbForm=Ger "
        "Albanian/ADJ/6/amod positions/position/NOUN/4/obj ./PUNCT/3/punct",
        "shell", "ASSAULT", ["Albanian positions"], None, id="gerund-with-its-own-object"),
]


@pytest.mark.parametrize(("parse", "lemma", "type_", "whom", "where"), CODED_TARGETS)
def test_coded_targets(extractor, parse, lemma, type_, whom, where):
    event = only(extractor.extract_document(conllu(parse), reference_date="2025-02-17"), lemma)
    assert event.type == type_
    assert [p.text for p in event.whom] == whom
    assert (event.where.text if event.where else None) == where


def test_a_named_object_needs_no_coded_target(extractor):
    parse = ("Israel/PROPN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " Palestinians/Palestinian/PROPN/2/obj "
             "in/ADP/5/case Hebron/PROPN/2/obl ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "arrest")
    assert [p.text for p in event.whom] == ["Palestinians"] and event.where.text == "Hebron"


def test_an_object_split_at_than_is_whole_again(extractor):
    parse = ("Soldiers/soldier/NOUN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " more/more/ADJ/2/obj than/ADP/6/case "
             "100/NUM/6/nummod Palestinians/Palestinian/PROPN/2/obl ./PUNCT/2/punct")
    event = only(extractor.extract_document(conllu(parse)), "arrest")
    assert [p.text for p in event.whom] == ["100 Palestinians"]



# (gold parse, trigger lemma, expected who texts): an attack, arrest, investigation or sanction
# whose actor goes unnamed is coded by the named place it happens in (PLOVER manual: actors
# coded by country; sector UAF, unidentified armed forces); other types and named actors keep theirs
PLACE_SOURCES = [
    pytest.param(
        "A/DET/2/det national/NOUN/5/nsubj:pass has/have/AUX/5/aux been/be/AUX/5/aux:pass "
        "arrested/arrest/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass in/ADP/7/case Italy/PROPN/5/obl ./PUNCT/5/punct",
        "arrest", ["Italy"], id="agentless-arrest"),
    pytest.param(
        "A/DET/2/det bombing/NOUN/8/nsubj near/ADP/5/case the/DET/5/det town/NOUN/2/nmod of/ADP/7/case "
        "Samarra/PROPN/5/nmod killed/kill/VERB/0/root/" + PAST + " soldiers/soldier/NOUN/8/obj ./PUNCT/8/punct",
        "bombing", ["Samarra"], id="agentless-bombing"),
    pytest.param(  # a named actor stays
        "Police/NOUN/2/nsubj arrested/arrest/VERB/0/root/" + PAST + " activists/activist/NOUN/2/obj "
        "in/ADP/5/case Italy/PROPN/2/obl ./PUNCT/2/punct",
        "arrest", ["Police"], id="named-actor-stays"),
    pytest.param(  # a protest's unnamed actor is not the place
        "Protests/protest/NOUN/3/nsubj were/be/AUX/3/aux:pass held/hold/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass "
        "in/ADP/5/case Italy/PROPN/3/obl ./PUNCT/3/punct",
        "protest", [], id="protest-keeps-no-actor"),
]


@pytest.mark.parametrize(("parse", "lemma", "who"), PLACE_SOURCES)
def test_unnamed_actor_is_coded_by_place(extractor, parse, lemma, who):
    event = only(extractor.extract_document(conllu(parse)), lemma)
    assert [p.text for p in event.who] == who


# (gold parse, entity tags, trigger lemma, expected whom texts): a place or facility name
# (entity tag LOC/FAC) is no party an event is directed at: the polity named inside it is the
# target PLOVER codes ('blocked the Europe Bridge spanning the Rhine from France to Germany')
FACILITY = [
    pytest.param(
        "Workers/worker/NOUN/2/nsubj blocked/block/VERB/0/root/" + PAST + " the/DET/5/det Europe/PROPN/5/compound "
        "Bridge/PROPN/2/obj spanning/span/VERB/5/acl the/DET/8/det Rhine/PROPN/6/obj from/ADP/10/case "
        "France/PROPN/6/obl ./PUNCT/2/punct",
        {"Europe": "B-LOC", "Bridge": "E-LOC", "Rhine": "S-LOC", "France": "S-GPE"}, "block",
        ["the Europe Bridge", "France"], id="facility-name-then-country"),
    pytest.param(  # with no polity inside, the place name stays the only target
        "Workers/worker/NOUN/2/nsubj blocked/block/VERB/0/root/" + PAST + " the/DET/5/det Europe/PROPN/5/compound "
        "Bridge/PROPN/2/obj spanning/span/VERB/5/acl the/DET/8/det Rhine/PROPN/6/obj ./PUNCT/2/punct",
        {"Europe": "B-LOC", "Bridge": "E-LOC", "Rhine": "S-LOC"}, "block",
        ["the Europe Bridge"], id="facility-name-alone"),
    pytest.param(  # a country is a party: nothing is added
        "Workers/worker/NOUN/2/nsubj blockaded/blockade/VERB/0/root/" + PAST + " Germany/PROPN/2/obj "
        "from/ADP/5/case France/PROPN/2/obl ./PUNCT/2/punct",
        {"Germany": "S-GPE", "France": "S-GPE"}, "blockade", ["Germany"], id="country-is-a-party"),
]


@pytest.mark.parametrize(("parse", "tags", "lemma", "whom"), FACILITY)
def test_facility_name_is_no_party(extractor, parse, tags, lemma, whom):
    from test_rules_places import _with_entities

    event = only(extractor.extract_document(_with_entities(conllu(parse), tags)), lemma)
    assert [p.text for p in event.whom] == whom


# issue #11 part 4: a place never becomes whom of a consultation or cooperation, also with the
# rules that code a place as target or actor of other types
MEETING_PLACES = [
    pytest.param("Leaders/leader/NOUN/2/nsubj met/meet/VERB/0/root/" + PAST + " in/ADP/4/case Geneva/PROPN/2/obl ./PUNCT/2/punct",
                 {"Geneva": "S-GPE"}, "meet", id="meet-in-city"),
    pytest.param("Talks/talk/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass held/hold/VERB/0/root/Tense=Past|VerbForm=Part|Voice=Pass "
                 "in/ADP/5/case Geneva/PROPN/3/obl ./PUNCT/3/punct", {"Geneva": "S-GPE"}, "talk", id="agentless-talks"),
    pytest.param("Officials/official/NOUN/2/nsubj cooperated/cooperate/VERB/0/root/" + PAST + " in/ADP/6/case the/DET/6/det "
                 "Balkans/PROPN/6/compound region/NOUN/2/obl ./PUNCT/2/punct", {"Balkans": "S-LOC"}, "cooperate",
                 id="cooperate-in-region"),
]


@pytest.mark.parametrize(("parse", "tags", "lemma"), MEETING_PLACES)
def test_a_place_is_never_whom_of_a_meeting(extractor, parse, tags, lemma):
    from test_rules_places import _with_entities

    event = only(extractor.extract_document(_with_entities(conllu(parse), tags)), lemma)
    assert event.type in ("CONSULT", "COOPERATE")
    names = [n for n in tags if tags[n].startswith(("S-", "E-"))]
    assert not any(name in p.text for p in event.whom for name in names)
