"""Clause helpers shared by the role stages: which words are nominal, which verbs
passive, and which words are a verb's subjects (with the parser slips undone)."""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node
from eventx._kinds import DEMONYMS

__all__ = ["is_measure", "is_passive", "nominal", "subjects_of"]


def nominal(node: Node) -> bool:
    """A word that may head a participant: a noun, pronoun, number…, a nationality
    adjective, or an adjective with a determiner (a noun the tagger missed: "a top
    *official*")."""
    return node.upos in g.NOMINAL_UPOS or (node.upos == "ADJ" and (
        node.lemma.lower() in DEMONYMS or any(c.deprel == "det" for c in node.children)))


def is_measure(node: Node) -> bool:
    """An extent or a measure, never a participant (PropBank EXT): a number with a
    unit of measure or currency on it or over it ("9.62 *%*", "678 *points*",
    "*$* 5 billion")."""
    words = [node, *node.children]
    numbered = node.upos == "NUM" or any(c.deprel == "nummod" or c.upos == "NUM" for c in node.children)
    return numbered and any(w.lemma.lower() in g.MEASURE_UNITS or w.text.lower() in g.MEASURE_UNITS for w in words)


def is_passive(verb: Node) -> bool:
    """Passive morphology: a passive auxiliary, or a past participle / Voice=Pass (a
    present participle, "was *refusing*", is active)."""
    return (verb.feats.get("Voice") == "Pass"
            or (verb.feats.get("VerbForm") == "Part" and verb.feats.get("Tense") != "Pres")
            or any(c.deprel == "aux:pass" for c in verb.children))


def _own_subjects(verb: Node) -> list[Node]:
    return [c for c in verb.children if c.deprel in g.SUBJECT_RELS or c.deprel == "nsubj:outer"
            or (c.deprel == "nsubj:pass" and not is_passive(verb)) or (c.deprel == "expl" and _control_adjective(verb))]


def _control_adjective(word: Node) -> bool:
    """An adjective that lends its subject to an infinitive ("it is *willing* to
    withdraw"): its "it" is a real subject, not the expletive a parser may call it."""
    return (word.upos == "ADJ" and g.MODALITY_VERBS.get(word.lemma.lower()) == "intended"
            and any(c.deprel == "xcomp" for c in word.children))


def _stray_subjects(verb: Node) -> list[Node]:
    """Subjects the parser gave ``verb`` that belong to its complement clause: "the Red
    Cross said *US and British forces* must ensure security" with two subjects on *said*
    and none on *ensure*."""
    subjects = _own_subjects(verb)
    if not any(s.index < verb.index for s in subjects):
        return []
    late = [s for s in subjects if s.index > verb.index]
    if not late:
        return []
    last = max(s.index for s in late)
    return late if any(c.index > last and not _own_subjects(c) for c in verb.kids("ccomp")) else []


def subjects_of(verb: Node) -> list[Node]:
    """Subjects of ``verb``; a ``nsubj:pass`` on a verb with no passive morphology is a
    parser slip ("leaders gathered" read as passive) and counts as the subject, and a
    complement clause takes the subjects stranded on its governor (see :func:`_stray_subjects`)."""
    own = _own_subjects(verb)
    if not own and verb.deprel == "ccomp" and verb.governor is not None:
        return _stray_subjects(verb.governor)
    stray = _stray_subjects(verb)
    return [s for s in own if s not in stray]
