"""Abstract nouns: phrases that name no participant.

Who and whom are entities, in the event-data tradition (who did what to whom)
and in MEANTIME, which links only entity mentions (persons, organisations,
places, products, financial objects): "*the search* failed", "experienced
*issues*" name an act or a state, no actor. Which nouns are abstract comes from
WordNet's supersenses (``eventx/data/noun_classes.json``, built by ``python -m
eventx.training wordnet``: the nouns whose senses are mostly acts, states,
times, ideas or events). A subject of any of these classes is no actor ("*the
plan* worried investors"); an object only of the first three: ideas and events
(designs, models, features, episodes) are often the products a text is about
("obtained *a prototype*"). A noun is an entity all the same where the text says so: the
entity tagger marked it, it is one of the person and organisation nouns of
``kinds.json``, it is capitalised inside the sentence (a name), it is counted or
priced ("4,300 *jobs*"), or its ``of`` complement names an entity ("a *range* of
jets").
"""

from __future__ import annotations

from eventx._graph import Node
from eventx._kinds import DEMONYMS, ORG_WORDS, PERSON_NOUNS, ner_kind
from eventx._tables import load_table

__all__ = ["ABSTRACT_NOUNS", "EVENT_CLASSES", "OBJECT_CLASSES", "SUBJECT_CLASSES", "abstract_noun", "names_entity"]

#: One-word noun → the WordNet supersense (act, state, time, cognition, event) of its dominant senses.
ABSTRACT_NOUNS: dict[str, str] = {lemma: name for name, lemmas in load_table("noun_classes.json")["abstract_nouns"].items()
                                  for lemma in lemmas}
#: The classes that name no actor as a subject ("*the decision* came", "*the crisis* hit").
SUBJECT_CLASSES = frozenset({"noun.act", "noun.state", "noun.time", "noun.cognition", "noun.event"})
#: The classes that name no participant as an object ("received *criticism*", "ended *an era*").
OBJECT_CLASSES = frozenset({"noun.act", "noun.state", "noun.time"})
#: The classes of nouns that name an occurrence, not a thing ("a *ceremony*", "a *tour*").
EVENT_CLASSES = frozenset({"noun.event", "noun.act"})
#: How deep a chain of ``of`` complements is followed ("a *series* of tests of the engines").
MAX_OF_DEPTH = 3


def _capitalised_name(node: Node) -> bool:
    """A capitalised word inside a sentence: a name the tagger took for a common noun
    ("Steve *Jobs*", "the iPod *Touch*")."""
    sentence = node.sentence
    first = sentence is not None and bool(sentence.nodes) and sentence.nodes[0] is node
    return node.text[:1].isupper() and not first


def _counted(node: Node) -> bool:
    """A noun counted or priced ("4,300 *jobs*", "a $40 billion *deal*"): a number or
    currency sign on it names countable things or a financial object."""
    return any(c.deprel == "nummod" or c.upos in ("NUM", "SYM") for c in node.children)


def _of_entity(node: Node, classes: frozenset[str], depth: int) -> bool:
    """An ``of`` complement naming an entity: "a *range* of jets", "*control* of the
    company" denote the thing itself or its parts."""
    return any(c.deprel == "nmod" and c.case_lemma() == "of" and c.upos in ("NOUN", "PROPN", "PRON")
               and not (c.upos == "NOUN" and depth < MAX_OF_DEPTH and _abstract(c, classes, depth + 1))
               for c in node.children)


def _abstract(node: Node, classes: frozenset[str], depth: int) -> bool:
    if node.upos != "NOUN" or ner_kind(node) is not None:
        return False
    lemma = node.lemma.lower()
    if ABSTRACT_NOUNS.get(lemma) not in classes or lemma in PERSON_NOUNS or node.text.lower() in PERSON_NOUNS or lemma in ORG_WORDS:
        return False
    return not (_capitalised_name(node) or _counted(node) or _of_entity(node, classes, depth))


def abstract_noun(node: Node, classes: frozenset[str] = OBJECT_CLASSES) -> bool:
    """Whether ``node`` is a common noun of one of the WordNet ``classes`` (by default
    an act, state or time: "*the search*", "*glitches*", "*the era*"), no entity."""
    return _abstract(node, classes, 0)


def _entity_word(word: Node) -> bool:
    lemma = word.lemma.lower()
    return (word.upos == "PROPN" or ner_kind(word) is not None or lemma in DEMONYMS
            or word.upos == "NOUN" and (lemma in PERSON_NOUNS or word.text.lower() in PERSON_NOUNS or lemma in ORG_WORDS))


def names_entity(node: Node) -> bool:
    """Whether the phrase of ``node`` names an entity inside it: a name, an entity-tagged
    word, a nationality, a person or organisation noun ("boycott *Algeria's* elections",
    "an investigation into crimes committed by Croat *forces*"). PLOVER codes that entity
    as the target of an act directed at it."""
    sentence = node.sentence
    words = sentence.subtree(node) if sentence is not None else [node]
    return any(_entity_word(w) for w in words)
