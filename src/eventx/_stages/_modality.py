"""Stage 5b: negation and modality of a frame.

Negation: a negator on the predicate or its hosts ("not", "never", "no talks"),
or a negating control verb above it ("*refused* to meet", "*failed* to agree").
Modality: modal auxiliaries ("will" → future, "could" → hypothetical), the
absorbed control verb ("expected to" → future, "plan to" → intended), a
conditional clause ("if they meet"), or a modal adjective on an eventive noun
("the *upcoming* visit", "*potential* deployment").
Halting: a noun event stopped by the verb above it ("*suspended* aid"), which
the ontology may code as another type (PLOVER: SANCTION); likewise a joint one
("*joint* exercises", PLOVER: COOPERATE), or one an actor is readied for ("*prepared*
to resume shelling", PLOVER: MOBILIZE).
"""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node
from eventx._stages._frames import Frame
from eventx._stages._noun_roles import halting_verb
from eventx._stages._roles import coordinated_actors

__all__ = ["frame_halted", "frame_joint", "frame_modality", "frame_negated", "frame_peacekeeping", "frame_ready", "frame_unless",
           "peacekeeping_roles"]

#: When several cues apply, the strongest one (first here) wins.
MODALITY_PRECEDENCE = ("hypothetical", "obligation", "intended", "future", "asserted")

#: Relations a negator hangs under.
NEGATOR_RELS = frozenset({"advmod", "det", "cc:preconj", "neg"})


def _negated_by_child(node: Node) -> bool:
    return any(c.base_rel in NEGATOR_RELS and c.lemma.lower() in g.NEGATION_WORDS - {"without"}
               or c.deprel == "mark" and c.lemma.lower() == "without"
               for c in node.children)


def frame_negated(frame: Frame) -> bool:
    """Whether the text says the event did not (or will not) happen."""
    if any(_negated_by_child(host) for host in frame.hosts):
        return True
    # an absorbed negating verb: "*failed* to reach agreement"
    if any(control.lemma.lower() in g.NEGATING_VERBS for control in frame.absorbed):
        return True
    # "refused to take part", "failed to agree": the negating verb governs the complement
    top = frame.absorbed[-1] if frame.absorbed else (frame.verb or frame.anchor)
    governor = top.governor
    return top.deprel == "xcomp" and governor is not None and governor.lemma.lower() in g.NEGATING_VERBS


def _reported_past(node: Node) -> bool:
    """The clause is reported by a past-tense verb ("said that they *would* meet")."""
    governor = node.governor
    return (node.deprel in ("ccomp", "parataxis") and governor is not None
            and governor.feats.get("Tense") == "Past")


def frame_modality(frame: Frame) -> str:
    """One of ``asserted``, ``future``, ``intended``, ``obligation``, ``hypothetical``."""
    found = set()
    hosts = frame.hosts
    for host in hosts:
        for aux in host.kids("aux"):
            value = g.MODAL_AUXILIARIES.get(aux.lemma.lower()) or g.MODAL_AUXILIARIES.get(aux.text.lower())
            if value == "hypothetical" and aux.lemma.lower() in ("would", "'d") and _reported_past(hosts[-1]):
                value = "future"  # sequence of tenses: "said Ukraine would not take part"
            if value:
                found.add(value)
    for control in frame.absorbed:
        found.add(g.MODALITY_VERBS.get(control.lemma.lower(), "asserted"))
    top = hosts[-1]
    if top.base_rel == "advcl" and any(c.deprel == "mark" and c.lemma.lower() in g.CONDITIONAL_MARKERS
                                       for c in top.children):
        found.add("hypothetical")
    if frame.nominal:
        for mod in frame.anchor.kids("amod"):
            value = g.MODAL_ADJECTIVES.get(mod.lemma.lower()) or g.MODAL_ADJECTIVES.get(mod.text.lower())
            if value:
                found.add(value)
    return next((m for m in MODALITY_PRECEDENCE if m in found), "asserted")


def frame_unless(frame: Frame) -> bool:
    """The frame (or the clause it is the complement of) carries an *unless* condition:
    "will withdraw its force *unless* elections are held"."""
    hosts = [*frame.hosts, *(h.governor for h in frame.hosts if h.deprel in ("xcomp", "ccomp") and h.governor)]
    return any(m.lemma.lower() == "unless" for h in hosts for c in h.kids("advcl") for m in c.kids("mark"))


def frame_halted(frame: Frame) -> bool:
    """The frame is a noun event that a verb stops: "*suspended* aid", "*ended* mediation
    efforts", "*broke off* talks", "*withdrew* from the talks"."""
    noun = frame.anchor
    if frame.verb is not None:
        return False
    if noun.deprel == "compound" and noun.governor is not None:
        noun = noun.governor  # "ended *mediation* efforts"
    verb = noun.governor
    # the object or oblique itself: "ended two days *of talks*" concluded them
    return (verb is not None and noun.base_rel in ("obj", "obl") and verb.upos == "VERB"
            and halting_verb(verb, frame.anchor))


def frame_joint(frame: Frame, who: list[Node]) -> bool:
    """The event is done jointly: a *joint* modifier on a trigger noun ("*joint* military
    exercises") or coordinated actors of a noun event ("French and Egyptian warships
    launched war games")."""
    joint = any(m.lemma.lower() in g.JOINT_MODIFIERS for n in frame.trigger for m in n.kids("amod", "advmod"))
    # coordinated actors make an exercise joint; "Israel and Hamas mobilized" is not
    return joint or (any(n.upos == "NOUN" for n in frame.trigger) and coordinated_actors(who))


def frame_ready(frame: Frame) -> bool:
    """An actor is readied for the event by a control verb of readiness ("*prepared* to
    resume shelling", "*poised* to attack"; grammar.json ``readiness_verbs``)."""
    return any(_readiness_lemma(control) in g.READINESS_VERBS for control in frame.absorbed)


def _readiness_lemma(node: Node) -> str:
    """The lemma of a readiness verb, or its text where the tagger read it as an
    adjective with another lemma ("*ready*")."""
    lemma = node.lemma.lower()
    return lemma if lemma in g.READINESS_VERBS else node.text.lower()


def peacekeeping_force(node: Node) -> bool:
    """A peacekeeping or relief force: a noun of ``peacekeeping_words`` or one they modify
    ("*peacekeepers*", "NATO *peacekeeping* troops", "*relief* workers")."""
    return (node.lemma.lower() in g.PEACEKEEPING_WORDS
            or any(m.lemma.lower() in g.PEACEKEEPING_WORDS for m in node.kids("amod", "compound")))


def frame_peacekeeping(frame: Frame, whom: list[Node]) -> bool:
    """The frame deploys a peacekeeping or relief force: its whom ("deployed
    *peacekeepers*") or the *of* phrase of its noun ("the deployment *of peacekeeping
    troops*")."""
    themes = [*whom, *(c for c in frame.anchor.kids("nmod") if frame.nominal and c.case_lemma() == "of")]
    return any(peacekeeping_force(n) for n in themes)


def peacekeeping_roles(who: list[Node], whom: list[Node]) -> tuple[list[Node], list[Node]]:
    """who and whom of a peacekeeping deployment: the force deployed is what is provided
    (PropBank deploy.01 ARG1), never its recipient; with no deployer named it stands for
    the side that provides it ("the deployment of *NATO peacekeeping troops*")."""
    forces = [n for n in whom if peacekeeping_force(n)]
    return (who or forces), [n for n in whom if n not in forces]
