"""Subjects a clause without one borrows: through control and raising, coordination,
participial modifiers and infinitives of nouns (UD ``xcomp``/``acl``/``conj``
guidelines). Split from :mod:`eventx._stages._roles`, which uses it for who and whom.
"""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node
from eventx._stages._clauses import subjects_of
from eventx._stages._noun_roles import infinitive_controllers
from eventx._stages._targets import is_actor

__all__ = ["MAX_CLIMB", "controllers", "inherited_subject"]

#: How far subject inheritance may climb (guards against cyclic or odd parses).
MAX_CLIMB = 8


def _follows(verb: Node, noun: Node) -> bool:
    """``verb`` comes right after the phrase of ``noun`` in a sentence that ends like one
    (a headline fragment, "Troops deployed to Ukraine", keeps its passive reading)."""
    sentence = noun.sentence
    if sentence is None or sentence.nodes[-1].text not in (".", "!", "?"):
        return False
    phrase = sentence.subtree(noun, exclude=("acl", "acl:relcl", "punct"))
    return verb.index == max(n.index for n in phrase) + 1


def _coordination_root(noun: Node) -> Node | None:
    """The root noun of a sentence whose first conjunct ``noun`` is not (reached from
    ``noun`` through ``conj``, then names and appositions), or ``None``."""
    if noun.deprel != "conj" or noun.upos not in ("NOUN", "PROPN"):
        return None
    node = noun.governor
    for _ in range(MAX_CLIMB):
        if node is None:
            return None
        if node.deprel == "root":
            return node if node.upos in ("NOUN", "PROPN") else None
        if node.deprel not in ("appos", "flat", "conj"):
            return None
        node = node.governor
    return None


def _infinitive(verb: Node) -> bool:
    """A *to*-infinitive clause ("decision *to invade*")."""
    return verb.feats.get("VerbForm") == "Inf" and any(c.lemma.lower() == "to" for c in verb.kids("mark"))


def controllers(verb: Node) -> list[Node]:
    """The object of a control verb, which is the subject of its infinitive; a parser
    sometimes calls it an indirect object ("*tells* airlines not to buy")."""
    return verb.kids("obj") or verb.kids("iobj")


def _object_participle(verb: Node) -> bool:
    """A bare passive participle complement after an object ("see *Dreamliners*
    *delivered*", "had the plane *repaired*"): its controller, the object, is its
    patient (UD ``xcomp``; a passive participle without auxiliary)."""
    return (verb.feats.get("VerbForm") == "Part" and verb.feats.get("Tense") == "Past"
            and not verb.kids("aux", "aux:pass", "mark", "obj"))


def inherited_subject(verb: Node) -> tuple[list[Node], str]:
    """The subject a clause without one borrows, and the role it plays there.

    Returns:
        ``(heads, role)``: role ``"who"`` normally, ``"whom"`` when a passive
        participle modifies its noun ("troops *deployed* to Ukraine").
    """
    node = verb
    for _ in range(MAX_CLIMB):
        governor = node.governor
        if governor is None:
            return [], "who"
        rel = node.deprel
        if rel == "xcomp":
            objects = controllers(governor)
            if objects and _object_participle(node):
                return objects, "whom"  # "will see *Dreamliners* delivered": the object undergoes it
            if governor.lemma.lower() in g.OBJECT_CONTROL_VERBS and objects:
                return objects, "who"
        elif rel == "acl":
            nominal_controllers = infinitive_controllers(governor) if _infinitive(node) else None
            if nominal_controllers is not None:
                return nominal_controllers, "who"
            # a past participle with a direct object, or one the tagger calls finite, is a
            # finite verb the parser misread ("guerrillas *wounded* two soldiers", "100
            # Albanians *demonstrated* in Serbia"), not a passive modifier
            passive = node.feats.get("Voice") == "Pass" or (
                (node.xpos == "VBN" or node.feats.get("VerbForm") == "Part" and node.feats.get("Tense") == "Past")
                and node.feats.get("VerbForm") != "Fin")
            passive = passive and not node.kids("obj")
            # a "sentence" whose root is a noun with a participle right after it is a finite
            # clause the parser misread ("European leaders *gathered* in Paris.")
            if governor.deprel == "root" and governor.upos in ("NOUN", "PROPN") and _follows(node, governor):
                passive = False
            # ... also after the last of coordinated subjects ("President Fabius and a group
            # of deputies *held* talks" with the participle on *group*)
            root = _coordination_root(governor)
            if root is not None and not passive and _follows(node, governor):
                return [root, governor], "who"
            if not passive and not is_actor(governor) and governor.base_rel == "obj" and governor.governor is not None:
                # "the party issued *a declaration* demanding…": the issuer demands
                issuers = [s for s in subjects_of(governor.governor) if is_actor(s)]
                if issuers:
                    return issuers, "who"
            return [governor], "whom" if passive else "who"
        elif rel.startswith("acl:relcl"):
            return [], "who"
        elif not (rel in g.SUBJECT_SHARING_RELS or rel.split(":")[0] in g.SUBJECT_SHARING_RELS):
            return [], "who"
        if rel.startswith("advcl") and any(c.deprel == "mark" and c.lemma.lower() in g.CONDITIONAL_MARKERS
                                           for c in node.children):
            return [], "who"
        subjects = subjects_of(governor) or governor.kids("nsubj:pass") if rel == "xcomp" else subjects_of(governor)
        if subjects:
            return subjects, "who"
        node = governor
    return [], "who"
