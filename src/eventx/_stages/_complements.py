"""Complement targets: the target of a typed verb of saying or intending lies in the
clause it governs ("threatened to close *the strait*", "demanded that *the
government* resign"), or in a noun's *that*-clause ("its demand that *Israel*
ease restrictions").
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node, no_time
from eventx._stages._clauses import nominal, subjects_of
from eventx._stages._frames import Frame

__all__ = ["complement_targets"]


def _complement_clauses(frame: Frame) -> list[Node]:
    """Clauses that say what a frame asks, threatens or promises: the complements of
    its verb, or a "that"-clause of its noun ("its demand *that Israel ease*…")."""
    if frame.verb is not None:
        # an infinitive a parser took for a purpose clause ("threatened on Monday *to break*…")
        clauses = [c for c in frame.verb.children if c.deprel in ("xcomp", "ccomp")
                   or (c.deprel == "advcl" and frame.type in g.INFINITIVE_COMPLEMENT_TYPES
                       and any(m.lemma.lower() == "to" for m in c.kids("mark")))]
        # and the complement of the complement ("threatened to ban *voting in East Jerusalem*")
        return clauses + [n for c in clauses for n in c.kids("xcomp")]
    noun = frame.anchor
    hosts = [noun]
    if noun.base_rel == "obj" and noun.governor is not None:
        hosts.append(noun.governor)  # "reiterated its demand *that Israel ease*…" hung on the verb
    return [c for h in hosts for c in h.children if c.deprel in ("ccomp", "acl", "advcl") and c.index > noun.index
            and any(m.lemma.lower() == "that" for m in c.kids("mark"))]


def complement_targets(frame: Frame, is_time: Callable[[Node], bool] = no_time) -> list[Node]:
    """The target of a typed verb of saying or intending lies in its complement clause:
    "threatened to close *the strait*", "demanded that *the government* resign",
    "offered to hand over suspects *to Britain*", "threatened to ban voting *in East
    Jerusalem*" (a named partner, place or object is preferred)."""
    for clause in _complement_clauses(frame):
        subjects = [c for c in subjects_of(clause) if c.deprel != "nsubj:pass" and nominal(c) and c.upos != "PRON"]
        objects = [c for c in clause.children if c.deprel in g.OBJECT_RELS and nominal(c)]
        partners = [c for c in clause.children if c.base_rel == "obl" and c.case_lemma() in g.COMPLEMENT_PARTNER_PREPOSITIONS
                    and nominal(c)]
        # "break relations *with Russia*": a partner the parser hung on the object
        partners += [m for o in objects for m in o.children if m.base_rel == "nmod"
                     and m.case_lemma() in g.COMPLEMENT_PARTNER_PREPOSITIONS and nominal(m)]
        places = [c for c in clause.children if c.base_rel == "obl" and c.case_lemma() in g.PLACE_PREPOSITIONS
                  and c.upos == "PROPN"]
        candidates = (subjects if clause.deprel != "xcomp" else []) + partners + places + objects
        candidates = [c for c in candidates if not is_time(c)]
        named = [c for c in candidates if c.upos == "PROPN"]
        if named or candidates:
            return named[:1] or candidates[:1]
    return []
