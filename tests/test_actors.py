"""Actors across a document: names, pronouns and titles resolved to one actor, on gold parses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import conllu

import eventx
from eventx._actors._resolution import document_actors
from eventx._documents import document_from_input
from eventx._graph import sentences_from_document

V = "VERB/0/root/Tense=Past|VerbForm=Fin"  # a finite past-tense root verb
HE = "He/he/PRON/2/nsubj/Number=Sing|PronType=Prs"

ZELENSKY_MET_MACRON = ("Ukrainian/ADJ/2/amod President/PROPN/3/nmod:desc Volodymyr/PROPN/5/nsubj "
                       "Zelensky/PROPN/3/flat met/meet/VERB/0/root/Tense=Past|VerbForm=Fin Macron/PROPN/5/obj "
                       "./PUNCT/5/punct")
FRENCH_MACRON_MET_PUTIN = ("French/ADJ/2/amod President/PROPN/3/nmod:desc Emmanuel/PROPN/5/nsubj Macron/PROPN/3/flat "
                           "met/meet/VERB/0/root/Tense=Past|VerbForm=Fin Putin/PROPN/5/obj ./PUNCT/5/punct")
MACRON_MET_TRUMP = ("French/ADJ/2/amod President/PROPN/3/nmod:desc Emmanuel/PROPN/5/nsubj Macron/PROPN/3/flat "
                    "met/meet/VERB/0/root/Tense=Past|VerbForm=Fin US/PROPN/7/compound President/PROPN/8/nmod:desc "
                    "Donald/PROPN/5/obj Trump/PROPN/8/flat ./PUNCT/5/punct")
GM_NAMED_BARRA = ("General/PROPN/2/compound Motors/PROPN/3/nsubj named/name/VERB/0/root/Tense=Past|VerbForm=Fin "
                  "Lisa/PROPN/3/obj Barra/PROPN/4/flat ./PUNCT/3/punct")


_EXTRACTOR = eventx.Extractor()  # rules only: a gold parse needs no model
FELLOW_GOULD_DAVIES = ("The/the/DET/3/det senior/ADJ/3/amod fellow/NOUN/6/nsubj ,/PUNCT/5/punct "
                       "Gould-Davies/PROPN/6/nsubj expressed/express/VERB/0/root/Tense=Past|VerbForm=Fin "
                       "concern/NOUN/6/obj ./PUNCT/6/punct")

def actors(*sentences: str) -> list:
    """Every actor mention of a gold-parsed document, the participants of its events included."""
    doc = document_from_input(conllu(*sentences))
    events = _EXTRACTOR.extract_document(doc)
    return document_actors(sentences_from_document(doc), doc.text, events)


def mention(found: list, text: str, occurrence: int = 0):
    matches = [p for p in found if p.text == text]
    assert len(matches) > occurrence, f"no mention {text!r} (#{occurrence}) among {[p.text for p in found]}"
    return matches[occurrence]


@pytest.mark.parametrize(("sentences", "text", "occurrence", "canonical"), [
    # a pronoun subject: the subject of the sentence before, not its nearer object
    ((ZELENSKY_MET_MACRON, f"{HE} criticized/criticize/{V.replace('0/root', '0/root')} Russia/PROPN/2/obj ./PUNCT/2/punct"),
     "He", 0, "Ukrainian President Volodymyr Zelensky"),
    # a short name: the fullest name of the document
    ((ZELENSKY_MET_MACRON, "Zelensky/PROPN/2/nsubj left/leave/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/2/punct"),
     "Zelensky", 0, "Ukrainian President Volodymyr Zelensky"),
    # "it" skips a person for an organisation
    ((GM_NAMED_BARRA, "It/it/PRON/2/nsubj/Number=Sing|PronType=Prs grew/grow/VERB/0/root/Tense=Past|VerbForm=Fin "
                      "./PUNCT/2/punct"),
     "It", 0, "General Motors"),
    # "she" skips an organisation for a person
    ((GM_NAMED_BARRA, "She/she/PRON/2/nsubj/Number=Sing|PronType=Prs spoke/speak/VERB/0/root/Tense=Past|VerbForm=Fin "
                      "./PUNCT/2/punct"),
     "She", 0, "Lisa Barra"),
    # an acronym of a name is that name
    ((GM_NAMED_BARRA, "GM/PROPN/2/nsubj grew/grow/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/2/punct"),
     "GM", 0, "General Motors"),
    # a possessive in its own clause may be the subject's
    (("Barra/PROPN/2/nsubj praised/praise/VERB/0/root/Tense=Past|VerbForm=Fin her/her/PRON/4/nmod:poss/"
      "Number=Sing|Poss=Yes|PronType=Prs team/NOUN/2/obj ./PUNCT/2/punct",),
     "her", 0, "Barra"),
    # an object pronoun is not its own clause's subject
    (("Obama/PROPN/2/nsubj met/meet/VERB/0/root/Tense=Past|VerbForm=Fin Biden/PROPN/2/obj ./PUNCT/2/punct",
      "Obama/PROPN/2/nsubj praised/praise/VERB/0/root/Tense=Past|VerbForm=Fin him/he/PRON/2/obj/"
      "Number=Sing|PronType=Prs ./PUNCT/2/punct"),
     "him", 0, "Biden"),
    # "they": a plural
    (("The/the/DET/2/det rebels/rebel/NOUN/3/nsubj/Number=Plur attacked/attack/VERB/0/root/Tense=Past|VerbForm=Fin "
      "Mekelle/PROPN/3/obj ./PUNCT/3/punct",
      "They/they/PRON/2/nsubj/Number=Plur|PronType=Prs retreated/retreat/VERB/0/root/Tense=Past|VerbForm=Fin "
      "./PUNCT/2/punct"),
     "They", 0, "The rebels"),
    # a title with one person carrying it in the document
    ((FRENCH_MACRON_MET_PUTIN, "The/the/DET/2/det president/NOUN/3/nsubj left/leave/VERB/0/root/Tense=Past|VerbForm=Fin "
                               "./PUNCT/3/punct"),
     "The president", 0, "French President Emmanuel Macron"),
    # ... and with two: ambiguous, it stays itself
    ((MACRON_MET_TRUMP, "The/the/DET/2/det president/NOUN/3/nsubj left/leave/VERB/0/root/Tense=Past|VerbForm=Fin "
                        "./PUNCT/3/punct"),
     "The president", 0, "The president"),
    # a demonym in the description picks the one of that country
    ((MACRON_MET_TRUMP, "The/the/DET/3/det French/ADJ/3/amod leader/NOUN/4/nsubj left/leave/VERB/0/root/"
                        "Tense=Past|VerbForm=Fin ./PUNCT/4/punct"),
     "The French leader", 0, "French President Emmanuel Macron"),
    # an organisation is no antecedent of "he", and a seat of government stays an organisation
    (("The/the/DET/2/det Kremlin/PROPN/3/nsubj confirmed/confirm/VERB/0/root/Tense=Past|VerbForm=Fin "
      "talks/talk/NOUN/3/obj/Number=Plur ./PUNCT/3/punct",
      f"{HE} left/leave/{V} ./PUNCT/2/punct"),
     "He", 0, "He"),
    # a month is no antecedent, however near
    (("Gates/PROPN/2/nsubj spoke/speak/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/2/punct",
      f"In/in/ADP/2/case June/PROPN/4/obl {HE.replace('/2/', '/4/')} retired/retire/VERB/0/root/Tense=Past|VerbForm=Fin "
      "./PUNCT/4/punct"),
     "He", 0, "Gates"),
    # nor is a speaker's "I"
    (("Gates/PROPN/2/nsubj spoke/speak/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/2/punct",
      "I/I/PRON/2/nsubj/Number=Sing|Person=1|PronType=Prs left/leave/VERB/0/root/Tense=Past|VerbForm=Fin "
      "./PUNCT/2/punct",
      f"{HE} retired/retire/{V} ./PUNCT/2/punct"),
     "He", 0, "Gates"),
    # a lower-case noun before a name ends its title: the name is the person's
    (("Apple/PROPN/2/compound executive/NOUN/3/compound Steve/PROPN/5/nsubj Jobs/PROPN/3/flat "
      "resigned/resign/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/5/punct",
      "Jobs/PROPN/2/nsubj left/leave/VERB/0/root/Tense=Past|VerbForm=Fin ./PUNCT/2/punct"),
     "Jobs", 0, "Apple executive Steve Jobs"),
    # a description and a name a parser made two subjects, with a comma between: one actor
    ((FELLOW_GOULD_DAVIES,), "The senior fellow", 0, "Gould-Davies"),
    ((FELLOW_GOULD_DAVIES, f"{HE} criticized/criticize/{V} Washington/PROPN/2/obj ./PUNCT/2/punct"),
     "He", 0, "Gould-Davies"),
])
def test_canonical_names(sentences, text, occurrence, canonical):
    assert mention(actors(*sentences), text, occurrence).canonical == canonical


def test_one_actor_id_per_actor_and_none_shared_across_actors():
    found = actors(ZELENSKY_MET_MACRON,
                   f"{HE} criticized/criticize/{V} Russia/PROPN/2/obj ./PUNCT/2/punct",
                   "Zelensky/PROPN/2/nsubj thanked/thank/VERB/0/root/Tense=Past|VerbForm=Fin Macron/PROPN/2/obj "
                   "./PUNCT/2/punct")
    zelensky = {p.actor_id for p in found if p.text in ("Ukrainian President Volodymyr Zelensky", "He", "Zelensky")}
    macron = {p.actor_id for p in found if p.text == "Macron"}
    assert len(zelensky) == 1 and len(macron) == 1 and zelensky != macron
    assert all(isinstance(p.actor_id, int) for p in found)


def test_different_first_names_are_different_people():
    found = actors("Donald/PROPN/3/nsubj Trump/PROPN/1/flat met/meet/VERB/0/root/Tense=Past|VerbForm=Fin "
                   "Melania/PROPN/3/obj Trump/PROPN/4/flat ./PUNCT/3/punct")
    assert mention(found, "Donald Trump").actor_id != mention(found, "Melania Trump").actor_id


def test_pronouns_carry_the_country_and_sector_of_their_actor():
    found = actors(ZELENSKY_MET_MACRON, f"{HE} criticized/criticize/{V} Russia/PROPN/2/obj ./PUNCT/2/punct")
    he = mention(found, "He")
    assert (he.country, he.sector) == ("UKR", "GOV")
    assert mention(found, "Russia").country == "RUS"


def test_events_get_actor_fields_and_places_their_gazetteer_entry(extractor):
    text = conllu(ZELENSKY_MET_MACRON,
                  "He/he/PRON/2/nsubj/Number=Sing|PronType=Prs spoke/speak/VERB/0/root/Tense=Past|VerbForm=Fin "
                  "in/ADP/4/case Paris/PROPN/2/obl ./PUNCT/2/punct")
    events = extractor.extract_document(text)
    spoke = next(e for e in events if e.trigger.lemma == "speak")
    [he] = spoke.who
    assert he.canonical == "Ukrainian President Volodymyr Zelensky" and he.actor_id is not None
    assert spoke.where is not None and spoke.where.country == "FRA" and spoke.where.geonames_id is not None
    assert spoke.where.latitude == pytest.approx(48.85, abs=0.1) and spoke.where.sector is None
    for event in events:
        for p in (*event.who, *event.whom):
            assert p.actor_id is not None and p.canonical


SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"


@pytest.fixture(scope="module")
def seed_events(extractor):
    return extractor.extract(SEED.read_text(encoding="utf-8"), reference_date="2025-02-17")


@pytest.mark.model
@pytest.mark.parametrize(("clause", "person"), [
    ("He criticized the administration", "Gould-Davies"),
    ("He also planned to show Kellogg", "Zelensky"),
    ("He acknowledged the need for NATO", "Rutte"),
    ("he believes", "Biden"),
    ("He acknowledged the importance", "Biden"),
])
def test_seed_pronoun_subjects_resolve_to_their_person(seed_events, clause, person):
    text = SEED.read_text(encoding="utf-8")
    start = text.index(clause)
    pronouns = [p for e in seed_events for p in e.who if p.start == start]
    assert pronouns, f"no event with the subject of {clause!r}"
    assert all(person in (p.canonical or "") for p in pronouns), [p.canonical for p in pronouns]


@pytest.mark.model
@pytest.mark.parametrize(("name", "country"), [
    ("Macron", "FRA"), ("Putin", "RUS"), ("Zelensky", "UKR"), ("Starmer", "GBR"), ("Lavrov", "RUS"),
])
def test_seed_leaders_carry_country_and_government(seed_events, name, country):
    found = [p for e in seed_events for p in (*e.who, *e.whom) if name in p.text and p.text.endswith(name)]
    assert found, f"no participant named {name}"
    assert {(p.country, p.sector) for p in found} == {(country, "GOV")}
    assert len({p.actor_id for p in found}) == 1


@pytest.mark.data
def test_actor_gold_offsets_index_the_meantime_texts(data_dir):
    from eventx.evaluate._actors import load_gold
    from eventx.evaluate._meantime import read_meantime_document

    gold = load_gold()
    texts = {name: read_meantime_document(data_dir / "meantime" / "corpus_gm" / name, "gm").text
             for name in {g["document"] for g in gold}}
    assert len(gold) == 91 and len(texts) == 5
    for g in gold:
        assert texts[g["document"]][g["start"]:g["end"]] == g["mention"]
