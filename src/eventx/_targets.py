"""Stage 3b: targets PLOVER codes where the grammar names no recipient actor.

The roles stage finds *whom* from objects and partner obliques. Event coding
(PLOVER, ICEWS) wants the *actor* an event is directed at, which news often
names one step further away:

- inside a non-actor object: "accepted demands *from Shona rebels*", "an
  investigation into crimes committed *by Croat forces*";
- in a protest's purpose clause: "a hunger strike to demand the resignation *of
  President Ben Bella*";
- in the place of an event with no recipient at all: "demonstrated *in
  Serbia*", "imposed a curfew *in Algiers*" (types in ``place_target_types``).

Word tables are in ``data/grammar.json``.
"""

from __future__ import annotations

from collections import deque

from eventx import _grammar as g
from eventx._frames import Frame
from eventx._graph import Node
from eventx._kinds import DEMONYMS, KNOWN_ORGS, ORG_WORDS, PERSON_NOUNS

__all__ = ["demand_target", "inner_actor", "is_actor", "named_place"]

#: Relations followed down from a non-actor phrase to an actor inside it.
INNER_RELS = frozenset({"nmod", "acl", "obl:agent", "obl", "nmod:poss", "conj"})
#: How many words below the phrase head an inner actor may lie.
MAX_DEPTH = 4


def _named(node: Node) -> bool:
    """A name, or a noun with a name or nationality in front ("Shona rebels", "Palestinian homes")."""
    if node.upos == "PROPN" or node.lemma.lower() in KNOWN_ORGS:
        return True
    return any((c.deprel == "compound" and c.upos == "PROPN") or (c.deprel == "amod" and c.lemma.lower() in DEMONYMS)
               for c in node.children)


def is_actor(node: Node) -> bool:
    """Whether ``node`` heads a phrase that names an actor (a name, a person or organisation noun)."""
    lemma = node.lemma.lower()
    return _named(node) or lemma in PERSON_NOUNS or node.text.lower() in PERSON_NOUNS or lemma in ORG_WORDS


def inner_actor(phrase: Node, exclude: frozenset[Node] = frozenset()) -> Node | None:
    """The nearest named actor below ``phrase`` through prepositional modifiers and
    agent phrases of participles, or ``None``."""
    queue: deque[tuple[Node, int]] = deque([(phrase, 0)])
    while queue:
        node, depth = queue.popleft()
        if depth == MAX_DEPTH:
            continue
        for child in node.children:
            if child.base_rel not in INNER_RELS or child in exclude:
                continue
            case = child.case_lemma()
            if child.base_rel in ("nmod", "obl") and child.deprel not in ("nmod:poss", "obl:agent") \
                    and case not in g.INNER_ACTOR_PREPOSITIONS:
                continue
            if child.upos in ("NOUN", "PROPN") and _named(child):
                return child
            queue.append((child, depth + 1))
    return None


def demand_target(frame: Frame, exclude: frozenset[Node] = frozenset()) -> Node | None:
    """The actor a purpose clause of ``frame`` makes demands of: "a hunger strike to
    *demand* the resignation of X", "demonstrated … *calling for* independence from Iraq"."""
    hosts = list(frame.hosts)
    if frame.nominal and frame.anchor.governor is not None and frame.anchor.base_rel == "obj":
        hosts.append(frame.anchor.governor)  # "continued their hunger strike *to demand*…"
    for host in hosts:
        for clause in host.children:
            if clause.deprel not in ("advcl", "xcomp", "acl") or clause.lemma.lower() not in g.DEMAND_VERBS:
                continue
            for argument in clause.children:
                if argument.base_rel in ("obj", "obl") and argument not in exclude:
                    found = argument if _named(argument) and argument.upos == "PROPN" else inner_actor(argument, exclude)
                    if found is not None:
                        return found
    return None


def named_place(place: Node) -> Node | None:
    """``place`` when it is a name ("in *Serbia*"), else a name it is "of" or "in"
    ("the town *of Cizre*", "a jail *in northern Israel*")."""
    if place.upos == "PROPN":
        return place
    for child in place.children:
        if child.base_rel == "nmod" and child.upos == "PROPN" and child.case_lemma() in ("of", "in"):
            return child
    return None
