"""Clause helpers shared by the role stages: which words are nominal, which verbs
passive, and which words are a verb's subjects (with the parser slips undone)."""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node
from eventx._kinds import DEMONYMS

__all__ = ["headline_participle", "is_measure", "is_passive", "nominal", "subjects_of"]

#: Punctuation that ends a sentence of running text (a headline ends without it), and
#: the closing quotes and brackets that may follow it.
SENTENCE_END = frozenset({".", "!", "?"})
CLOSERS = frozenset({"''", '"', "'", "”", "’", ")", "]"})
#: The most words a headline has: English front-page headlines run to about six to
#: twelve words (Mardh 1980, *Headlinese*); a longer unpunctuated sentence is cut-off text.
HEADLINE_WORDS = 15


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


def headline_participle(verb: Node) -> bool:
    """The bare past form heading a headline, a passive participle: headlines report
    past events in the simple present and drop the passive auxiliary ("First Airbus
    A380 *delivered*", "Boeing *allowed* to bid"; Mardh 1980, *Headlinese*; Biber et
    al. 1999, *Longman Grammar* 4.2.3). A headline opens the text, is short and has no
    final punctuation; the verb is its past-tense root, with a subject, no object and no auxiliary."""
    sentence = verb.sentence
    if (verb.deprel != "root" or verb.upos != "VERB" or verb.feats.get("Tense") != "Past" or sentence is None
            or sentence.index != 0):
        return False
    words = [n.text for n in sentence.nodes if n.text not in CLOSERS]
    ends_with_stop = bool(words) and words[-1][-1:] in SENTENCE_END  # no words left: closers only, no stop
    return (0 < sum(n.upos != "PUNCT" for n in sentence.nodes) <= HEADLINE_WORDS and not ends_with_stop
            and any(c.deprel == "nsubj" for c in verb.children)
            and not any(c.deprel in ("obj", "iobj", "aux", "aux:pass", "cop") for c in verb.children))


def is_passive(verb: Node) -> bool:
    """Passive morphology: a passive auxiliary, or a past participle / Voice=Pass (a
    present participle, "was *refusing*", is active), or a headline's bare past form."""
    return (verb.feats.get("Voice") == "Pass" or headline_participle(verb)
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
