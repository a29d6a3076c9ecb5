"""Stage 4: where — the place an event happens.

A locative oblique or nominal modifier of one of the frame's own hosts ("met *in
Paris*", "talks *in Riyadh*", "*at* the Munich Security Conference", "*near* the
town of Goma"), a place-name compound of an eventive noun ("the *Paris* meeting"),
or the noun a "where"-clause modifies ("the city *where* they met"), or the named
destination of the motion a purpose clause serves ("flew *to Paris* to meet…").
A place attached to another predicate of the sentence is otherwise never borrowed.
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._frames import Frame
from eventx._graph import Node
from eventx._kinds import is_city, is_place_name

__all__ = ["frame_place"]

#: Relations under which a locative phrase hangs from its predicate.
LOCATIVE_RELS = frozenset({"obl", "obl:lmod", "nmod", "obl:npmod"})


def _place_like(node: Node) -> bool:
    if node.upos == "PROPN":
        return True
    if node.lemma.lower() in g.PLACE_NOUNS:
        return True
    return is_place_name(node.text)


def frame_place(frame: Frame, is_time: Callable[[Node], bool], participants: frozenset[Node] = frozenset()) -> Node | None:
    """The head of the place phrase of ``frame``, or ``None``.

    Args:
        frame: The event candidate.
        is_time: Whether a word heads a time expression (those are never places:
            "in February", "on Monday").
        participants: Heads already taken as who/whom (never also the place).
    """
    if frame.reporting:
        return None
    # the nouns of a phrase trigger carry places too ("imposed a curfew *in Cizre*")
    hosts = frame.hosts + [n for n in frame.trigger if n.upos == "NOUN" and n not in frame.hosts]
    for host in hosts:
        for child in host.children:
            if child.deprel not in LOCATIVE_RELS or is_time(child) or child in frame.trigger or child in participants:
                continue
            if child.case_lemma() in g.PLACE_PREPOSITIONS and _place_like(child):
                return child
    if frame.nominal:
        for child in frame.anchor.children:
            if child.deprel == "compound" and child.upos == "PROPN" and is_city(child.text):
                return child
    clause = frame.verb or frame.anchor
    if clause.deprel == "acl:relcl" and clause.governor is not None:
        if any(c.lemma.lower() == "where" for c in clause.children if c.base_rel == "advmod"):
            return clause.governor
    return _destination(clause, is_time)


def _destination(clause: Node, is_time: Callable[[Node], bool]) -> Node | None:
    """The named destination of the motion verb whose purpose ``clause`` is: "sent
    experts *to Bosnia* to investigate" (also when the parser hung it on the object)."""
    motion = clause.governor
    if (clause.deprel not in ("advcl", "xcomp") or motion is None or motion.lemma.lower() not in g.MOTION_VERBS
            or not any(m.lemma.lower() == "to" for m in clause.kids("mark"))):
        return None
    phrases = [*motion.children, *(m for o in motion.kids("obj") for m in o.kids("nmod"))]
    return next((p for p in phrases if p.base_rel in ("obl", "nmod") and p.case_lemma() in ("to", "into")
                 and p.upos == "PROPN" and not is_time(p)), None)
