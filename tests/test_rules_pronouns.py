"""A singular demonstrative pronoun standing alone as a subject points at what the text
said (discourse deixis: "*This* brings the total to 230"), so it is no actor; a
demonstrative determiner, or one as an object, is kept."""

from __future__ import annotations

import pytest
from conftest import roles_of

PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"
DEM = "Number=Sing|PronType=Dem"

# (gold parse, trigger lemma, expected who texts, expected whom texts)
DEMONSTRATIVES = [
    pytest.param(
        "This/this/PRON/2/nsubj/" + DEM + " surprised/surprise/VERB/0/root/" + PAST
        + " investors/investor/NOUN/2/obj ./PUNCT/2/punct",
        "surprise", [], ["investors"], id="this-as-subject"),
    pytest.param(
        "That/that/PRON/2/nsubj/" + DEM + " imperils/imperil/VERB/0/root/" + PRES
        + " Boeing/PROPN/2/obj ./PUNCT/2/punct",
        "imperil", [], ["Boeing"], id="that-as-subject"),
    pytest.param(  # a determiner: the phrase names a thing
        "This/this/DET/2/det/" + DEM + " plane/NOUN/3/nsubj carries/carry/VERB/0/root/" + PRES
        + " 300/NUM/5/nummod passengers/passenger/NOUN/3/obj ./PUNCT/3/punct",
        "carry", ["This plane"], ["300 passengers"], id="this-as-determiner"),
    pytest.param(  # an object demonstrative is kept
        "Jobs/PROPN/2/nsubj showed/show/VERB/0/root/" + PAST + " this/this/PRON/2/obj/" + DEM + " ./PUNCT/2/punct",
        "show", ["Jobs"], ["this"], id="this-as-object"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), DEMONSTRATIVES)
def test_demonstrative_subjects(extractor, parse, lemma, who, whom):
    assert roles_of(extractor, parse, lemma) == (who, whom)


INT = "PronType=Int"
# (gold parse, trigger lemma, expected who texts, expected whom texts)
PROPOSITIONS = [
    pytest.param(  # "what" heading a free relative or question names a proposition
        "We/we/PRON/2/nsubj want/want/VERB/0/root/" + PRES + " to/PART/4/mark know/know/VERB/2/xcomp "
        "what/what/PRON/4/obj/" + INT + " happened/happen/VERB/5/acl:relcl/" + PAST + " ./PUNCT/2/punct",
        "know", ["We"], [], id="what-free-relative"),
    pytest.param(  # "that" on a reporting verb is the complementiser a parser took for its object
        "He/he/PRON/2/nsubj kept/keep/VERB/0/root/" + PAST + " saying/say/VERB/2/xcomp that/that/PRON/3/obj/" + DEM
        + " ,/PUNCT/7/punct prices/price/NOUN/7/nsubj rose/rise/VERB/3/parataxis/" + PAST + " ./PUNCT/2/punct",
        "say", ["He"], [], id="that-complementiser"),
    pytest.param(  # a demonstrative object of another verb is kept
        "Jobs/PROPN/2/nsubj showed/show/VERB/0/root/" + PAST + " that/that/PRON/2/obj/" + DEM + " ./PUNCT/2/punct",
        "show", ["Jobs"], ["that"], id="that-object-kept"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), PROPOSITIONS)
def test_propositional_objects(extractor, parse, lemma, who, whom):
    """A pronoun standing for a proposition is no whom (interrogative / free-relative
    *what*, UD PronType=Int; a complementiser *that* misread as an object)."""
    assert roles_of(extractor, parse, lemma) == (who, whom)


PLUR = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
SING = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
THEY = "Case=Nom|Number=Plur|Person=3|PronType=Prs"
# (gold parse, trigger lemma, expected who texts, expected whom texts)
ORGANISATION_THEY = [
    pytest.param(  # a name the text makes plural by its verb is what "they" stands for (notional concord)
        "Airbus/PROPN/3/nsubj/Number=Sing have/have/AUX/3/aux/" + PLUR + " announced/announce/VERB/0/root/"
        "Tense=Past|VerbForm=Part that/SCONJ/7/mark they/they/PRON/7/nsubj/" + THEY + " will/AUX/7/aux "
        "build/build/VERB/3/ccomp/VerbForm=Inf the/DET/9/det jets/jet/NOUN/7/obj ./PUNCT/3/punct",
        "build", ["Airbus"], ["the jets"], id="plural-verb-name"),
    pytest.param(  # a singular verb leaves "they" unresolved
        "Airbus/PROPN/2/nsubj/Number=Sing says/say/VERB/0/root/" + SING + " they/they/PRON/5/nsubj/" + THEY
        + " will/AUX/5/aux build/build/VERB/2/ccomp/VerbForm=Inf the/DET/7/det jets/jet/NOUN/5/obj ./PUNCT/2/punct",
        "build", ["they"], ["the jets"], id="singular-verb-name"),
]


@pytest.mark.parametrize(("parse", "lemma", "who", "whom"), ORGANISATION_THEY)
def test_organisation_they(extractor, parse, lemma, who, whom):
    """"They" in a reported clause stands for the reporter's name when the text treats the
    name as plural (British English: "Airbus have announced that they…")."""
    assert roles_of(extractor, parse, lemma) == (who, whom)
