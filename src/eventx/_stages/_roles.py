"""Stage 3: who and whom — the heads of a frame's actor and recipient phrases.

Roles come from UD relations (see the concepts page of the docs for the table):
``nsubj`` and passive agents are *who*; ``obj``, ``iobj``, ``nsubj:pass`` and
the partner obliques of a type ("spoke *with* X", "sanctions *on* X") are
*whom*. A clause with no subject of its own borrows one through control,
raising, coordination and participial modifiers.
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node, no_time
from eventx._kinds import DEMONYMS
from eventx._spans import expand_conjuncts, is_misread_verb
from eventx._stages._abstract import EVENT_CLASSES, SUBJECT_CLASSES, abstract_noun, names_entity
from eventx._stages._clauses import headline_participle, is_measure, is_passive, nominal, subjects_of
from eventx._stages._complements import complement_targets
from eventx._stages._frames import Frame, eventive_noun, table_lemma
from eventx._stages._inherit import MAX_CLIMB, controllers, inherited_subject
from eventx._stages._noun_roles import agrees, nominal_roles, support_verb
from eventx._stages._targets import coded_targets, is_actor

__all__ = ["frame_roles", "inherited_subject", "undergoer_subject"]

#: Words that head an object phrase only when a parser split "more than N people".
COMPARATIVE_QUANTIFIERS = frozenset({"more", "less", "fewer", "over", "up"})
#: Singular demonstratives that, alone as a subject, point at what the text said (discourse deixis).
DEICTIC_DEMONSTRATIVES = frozenset({"this", "that"})
#: Verbs whose subject undergoes the event when they take no object (PropBank: no agent, or ARG1 as intransitive subject).
UNDERGOER_VERBS = g.NO_AGENT_VERBS | g.UNDERGOER_SUBJECT_VERBS


def _resolve_relative(node: Node) -> Node:
    """A relative pronoun ("who met…") stands for the noun its clause modifies."""
    if node.lemma.lower() in g.RELATIVE_PRONOUNS and node.feats.get("PronType") == "Rel":
        clause = node.governor
        while clause is not None and clause.deprel != "acl:relcl" and clause.governor is not None:
            clause = clause.governor
        if clause is not None and clause.deprel == "acl:relcl" and clause.governor is not None:
            return clause.governor
    return node


def _partner_obliques(host: Node, event_type: str | None) -> list[Node]:
    """Obliques whose preposition marks a partner: the type's ("sanctions *on* X") and
    *with* / *against*. For an untyped event these are partners only where PropBank
    annotates such a phrase as a numbered argument of the verb ("merged *with* X",
    "competes *with* X"), and a *for* phrase where it annotates it as the ARG1 ("bid
    *for* the contract"); elsewhere they are adjuncts ("fitted *with* winglets", "sold
    *for* $5")."""
    if event_type is None:
        lemma = host.lemma.lower()
        preps = frozenset(p for p, verbs in g.PREPOSITION_ARGUMENT_VERBS.items() if lemma in verbs)
    else:
        preps = g.WHOM_PREPOSITIONS.get(event_type, g.WHOM_PREPOSITIONS["*"]) | g.WHOM_PREPOSITIONS["*"]
    return [c for c in host.children
            if c.deprel in g.OBLIQUE_RELS and c.deprel != "obl:agent" and c.case_lemma() in preps and nominal(c)]


def _inverted_reporter(verb: Node) -> list[Node]:
    """The speaker after a reporting verb that a parser took for its object
    ("…, said *Angers*", "…, said *the official*")."""
    if verb.lemma.lower() not in g.REPORTING_VERBS:
        return []
    quoted = verb.deprel == "parataxis" or any(c.base_rel in ("ccomp", "parataxis") and c.index < verb.index
                                                for c in verb.children)
    return [c for c in verb.kids("obj") if c.index > verb.index and c.upos in ("PROPN", "NOUN")][:1] if quoted else []


def _misread_clause(verb: Node) -> tuple[list[Node], list[Node]]:
    """Roles of a verb misread as a modifier (see :func:`eventx._spans.is_misread_verb`):
    the sentence root is who, the modified noun whom."""
    if not is_misread_verb(verb) or verb.sentence is None:
        return [], []
    root = next(n for n in verb.sentence.nodes if n.deprel == "root")
    governor = verb.governor
    whom = [governor] if governor is not None and governor.index > verb.index else []
    # an object the parser left as a bare oblique ("hosted Japanese Prime Minister …")
    whom += [c for c in verb.children if c.deprel in ("obj", "obl") and c.case_lemma() is None and nominal(c)]
    return [root], whom


def _subject_under_time_word(verb: Node) -> list[Node]:
    """The subject a parser hung under a bare time word before the verb: "A top U.S.
    *official* today praised…" parsed with *official* as a modifier of *today*."""
    for time in verb.children:
        if time.deprel in g.BARE_TIME_RELS and time.index < verb.index:
            before = [c for c in time.children if c.index < time.index and c.deprel in ("amod", "compound", "nmod")
                      and nominal(c)]
            if before:
                return [before[-1]]
    return []


def _compared_objects(verb: Node) -> list[Node]:
    """The noun of an object a parser split at "than": "arrested *more than 100
    Palestinians*" with *more* as the object and *Palestinians* a "than" oblique."""
    if not any(c.base_rel == "obj" and c.lemma.lower() in COMPARATIVE_QUANTIFIERS for c in verb.children):
        return []
    return [c for c in verb.children if c.base_rel == "obl" and c.case_lemma() == "than" and nominal(c)]


def _verbal_roles(frame: Frame, verb: Node) -> tuple[list[Node], list[Node]]:
    trigger = {n.index for n in frame.trigger}
    who = subjects_of(verb) or _inverted_reporter(verb)
    whom: list[Node] = []
    if not who:
        who, whom = _misread_clause(verb)
    if not who:
        who = _subject_under_time_word(verb)
    if is_passive(verb):
        whom += [c for c in verb.children if c.deprel == "nsubj:pass"]
        if headline_participle(verb):  # "First Airbus A380 *delivered*": the subject is its patient
            whom += [n for n in who if n.deprel == "nsubj"]
            who = [n for n in who if n.deprel != "nsubj"]
        who += [c for c in verb.children if c.deprel == "obl:agent"
                or (c.base_rel == "obl" and c.case_lemma() in g.AGENT_PREPOSITIONS)]
        if not who:  # "an agreement *reached* between the two companies": the parties act
            who = [c for c in verb.children if c.base_rel == "obl" and c.case_lemma() in g.RECIPROCAL_VERB_PREPOSITIONS
                   and nominal(c)]
    if not whom and verb.deprel == "conj" and _passive_voice(verb):
        # a passive conjunct's borrowed subject is its patient: "the winglet struck the
        # hangar and *was crumpled*" (UD: the shared subject is the conjunct's nsubj:pass)
        inherited, role = inherited_subject(verb)
        whom = inherited if role == "who" else []
        if not whom and verb.governor is not None and _passive_voice(verb.governor):
            whom = verb.governor.kids("nsubj:pass")  # "airliners are selected and *purchased* by…"
    if not whom and verb.deprel == "acl" and _passive_voice(verb):
        # a passive participle's noun is its patient, agent or not: "the superjumbo, *made* by Airbus";
        # a noun that names an event is no participant ("a ceremony *attended* by leaders")
        inherited, role = inherited_subject(verb)
        whom = [n for n in inherited if not _names_event(n, verb)] if role == "whom" else []
    if not who:
        for control in frame.absorbed:
            # "analysts *expect* earnings to rise": the object controls the infinitive
            controlling = controllers(control) if control.lemma.lower() in g.OBJECT_CONTROL_VERBS else []
            who = controlling or subjects_of(control) or control.kids("nsubj:pass")
            if who:
                break
        else:
            host = frame.absorbed[-1] if frame.absorbed else verb
            inherited, role = inherited_subject(host)
            if role == "whom" and not whom:
                whom = inherited
            elif role == "who" and not (is_passive(verb) and whom):
                # a passive clause with its own subject shares no agent: "X demonstrated in
                # Serbia, where 24 people *were killed*" — X did not kill them
                who = inherited
    whom += [c for c in verb.children if c.deprel in g.OBJECT_RELS and c.index not in trigger and nominal(c)
             and c not in who and not _extent(verb, c) and not _carried_predicate(frame, verb, c)]
    whom += _compared_objects(verb)
    whom += _relative_gap(verb, who, whom)
    whom += [c for c in _partner_obliques(verb, frame.type) if c.index not in trigger]
    who = [n for n in who if not _expletive(verb, n)]
    whom = [n for n in whom if not _expletive(verb, n)]
    # a partner oblique is no object: "the euro *gained* against the dollar"
    objects = [n for n in whom if n.deprel in g.OBJECT_RELS and n.governor is verb]
    if who and not objects and verb is frame.anchor and undergoer_subject(frame, verb):
        who, whom = [], who + [n for n in whom if n not in who]  # "prices rose", "three soldiers died"
    return who, whom


def _relative_gap(verb: Node, who: list[Node], whom: list[Node]) -> list[Node]:
    """The noun a zero object relative clause modifies is the clause's object: "the
    music *it sells*", "the shares *the fund bought*" (UD ``acl:relcl`` with no relative
    pronoun: the gap is the object when the clause has its own subject and no object,
    clause or stranded preposition). Verbs without an agent take no object."""
    governor = verb.governor
    if verb.deprel != "acl:relcl" or governor is None or whom or not who or not nominal(governor):
        return []
    if any(c.feats.get("PronType") == "Rel" or c.lemma.lower() in g.RELATIVE_PRONOUNS for c in verb.children):
        return []
    if any(c.base_rel in ("obj", "iobj", "ccomp", "xcomp", "nsubj:pass", "expl") or c.upos == "ADP" for c in verb.children):
        return []
    return [] if verb.lemma.lower() in g.NO_AGENT_VERBS or not any(c.base_rel == "nsubj" for c in verb.children) else [governor]


def _passive_voice(verb: Node) -> bool:
    """A passive clause by its auxiliary or voice (UD ``aux:pass``, Voice=Pass); a bare past
    participle may be a perfect's second conjunct ("has released and *updated*")."""
    return verb.feats.get("Voice") == "Pass" or any(c.deprel == "aux:pass" for c in verb.children)


def _carried_predicate(frame: Frame, verb: Node, node: Node) -> bool:
    """The eventive object of a light verb in an untyped event ("*made* the decision",
    "*took* delivery"), or the noun of a PropBank light-verb or multiword alias ("*took*
    place", take_place.03 "occur"; "*took* part"; "*gave* a refund"): PropBank reads the
    noun as the predicate the verb carries, not as a participant. A noun that merely has
    a PropBank noun sense is no event here ("*give* free cases": case.03 is "a formal
    argument", these are things)."""
    if frame.type is not None or node.upos != "NOUN":
        return False
    lemma, noun = verb.lemma.lower(), node.lemma.lower()
    return lemma in g.LIGHT_VERB_CONSTRUCTIONS and eventive_noun(node) or noun in g.LIGHT_VERB_NOUNS.get(lemma, ())


def _event_nominal(node: Node, verb: Node | None) -> bool:
    """A noun that names an event both as an eventive noun (the table, or a deverbal suffix:
    "the *announcement*") and for PropBank (a noun alias of a verb roleset): "the
    *decision* came", "unveiled a *plan*", "announced a *restructuring*". Such a
    phrase is another event, no recipient. What a verb measures with an extent is a
    quantity, though: "*sales* jumped 40 %"."""
    lemma = node.lemma.lower()
    measured = verb is not None and any(_extent(verb, c) for c in verb.children)
    return node.upos == "NOUN" and eventive_noun(node) and lemma in g.NOUN_ROLESETS and not measured


def _names_event(node: Node, verb: Node) -> bool:
    """A noun that names an event or act, by its WordNet supersense (``noun.event``,
    ``noun.act``: "a *ceremony* attended by", "a *tour* planned by") or as an eventive
    noun with a PropBank roleset (:func:`_event_nominal`). Participants are entities
    (MEANTIME links only entity mentions); an occurrence is an event of its own."""
    return abstract_noun(node, EVENT_CLASSES) or _event_nominal(node, verb)


def _discourse_deictic(node: Node) -> bool:
    """A singular demonstrative pronoun standing alone as a subject ("*This* brings the
    total to 230", "*That* imperils the deal") points at what the text said, a
    proposition or event (discourse deixis), not at an actor."""
    return (node.upos == "PRON" and node.feats.get("PronType") == "Dem" and node.lemma.lower() in DEICTIC_DEMONSTRATIVES
            and node.base_rel == "nsubj")


def _propositional(node: Node) -> bool:
    """A pronoun that stands for a proposition, not an entity: *what* as an interrogative
    or a free relative ("want to know *what* happened"; UD PronType=Int), and a
    demonstrative *that* on a reporting verb, the complementiser a parser took for its
    object ("by saying *that*, …")."""
    if node.upos != "PRON":
        return False
    lemma, verb = node.lemma.lower(), node.governor
    return (lemma == "what" or node.feats.get("PronType") == "Int"
            or lemma == "that" and verb is not None and verb.lemma.lower() in g.REPORTING_VERBS)


def _expletive(verb: Node, node: Node) -> bool:
    """An extraposition *it* ("*It* is expected that profits will fall"): the subject
    stands for the verb's clausal complement (UD ``expl``), naming no participant."""
    return (node.lemma.lower() == "it" and node.upos == "PRON" and node.base_rel == "nsubj"
            and any(c.base_rel in ("ccomp", "csubj") and c.index > node.index for c in verb.children))


def _extent(verb: Node | None, node: Node) -> bool:
    """A measure on a verb with a PropBank extent role ("dropped *9.62 %*"): no
    participant. Money elsewhere is one ("paid *$5 billion*")."""
    return verb is not None and table_lemma(verb, g.EXTENT_VERBS) in g.EXTENT_VERBS and is_measure(node)


def undergoer_subject(frame: Frame, verb: Node) -> bool:
    """Whether the subject of ``verb`` used without an object undergoes the event
    (PropBank: the verb has no agent, or its intransitive subject is ARG1: "the
    Nikkei *dropped* 9.62 %"). Only for untyped events: a typed trigger has the
    ontology's sense, not PropBank's main one ("*declined* to comment" is no fall),
    and PLOVER codes the actor of a typed event as its source ("troops *withdrew*")."""
    lemma = table_lemma(verb, UNDERGOER_VERBS)
    return frame.type is None and lemma in UNDERGOER_VERBS


def frame_roles(frame: Frame, is_time: Callable[[Node], bool] = no_time) -> tuple[list[Node], list[Node]]:
    """The heads of the *who* and *whom* phrases of ``frame`` (before coordination is expanded).

    Args:
        frame: The event candidate.
        is_time: Whether a word heads a time expression ("demanded *on Tuesday*"
            is no partner); such words are never roles.
    """
    if frame.reporting:
        source = frame.anchor.governor
        return ([source] if source is not None else []), []
    who: list[Node] = []
    whom: list[Node] = []
    if frame.verb is not None:
        who, whom = _verbal_roles(frame, frame.verb)
    support = support_verb(frame.anchor) if frame.verb is None else None
    # the eventive nouns of the trigger ("held *talks* with X", "the *meeting* between X and Y")
    for noun in frame.trigger:
        if noun.upos == "NOUN":
            noun_who, noun_whom = nominal_roles(frame, noun, is_time)
            acting = who or (subjects_of(support) if support is not None else [])
            if acting:
                # the verb's subject acts: "accepted demands *from Shona rebels*", "launched a
                # mediation effort *between the Emirates and Saudi Arabia*" are directed at them
                moved = [n for n in noun_who if n.upos in ("NOUN", "PROPN") and n not in acting]
                noun_whom += moved
                noun_who = [n for n in noun_who if n not in moved]
            who = who or noun_who
            whom += [n for n in noun_whom if n not in whom]
    if support is not None:  # "X gave *the Ivory Coast* 5 million dollars of aid"
        who = who or subjects_of(support)
        whom = whom or [c for c in support.kids("iobj") if nominal(c)]
    verb = frame.verb
    who = [resolve_reported_pronoun(_resolve_relative(n)) for n in who
           if nominal(n) and not is_time(n) and not _extent(verb, n) and not _discourse_deictic(n)]
    whom = [_resolve_relative(n) for n in whom if n not in who and not is_time(n) and not _extent(verb, n)
            and not (frame.type is None and _event_nominal(n, verb)) and not _propositional(n)]
    if frame.type is None:  # an untyped event's participants are entities, no abstractions
        who = [n for n in who if not abstract_noun(n, SUBJECT_CLASSES)]
        whom = [n for n in whom if not abstract_noun(n)]
    if frame.type is not None:  # a typed event's target is an actor, or an act that names one
        whom = [n for n in whom if not (abstract_noun(n) and not names_entity(n))]
        if not whom:
            whom = _reciprocal(frame, who) or complement_targets(frame, is_time)
        whom += coded_targets(frame, who, whom, is_time)
    return who, whom


def _reciprocal(frame: Frame, who: list[Node]) -> list[Node]:
    """Coordinated actors of a symmetric event act on each other ("X and Y met"). A verb
    trigger reads so only if PropBank gives it a partner (a *with* argument: meet,
    negotiate, sign); "leaders and guests *attended*" (attend.01: the thing attended)
    names no party to the other."""
    if frame.type not in g.SYMMETRIC_TYPES:
        return []
    verb = frame.verb
    if verb is not None and verb is frame.anchor and verb.lemma.lower() not in g.PREPOSITION_ARGUMENT_VERBS["with"]:
        return []
    return list(who) if coordinated_actors(who) else []


def coordinated_actors(who: list[Node]) -> bool:
    """Whether ``who`` names several parties by coordination ("X and Y", "*French and
    Egyptian* warships"); two subject heads of one clause are a name the parser split
    ("Secretary / Tom King promised…"), not two parties."""
    return (any(len(expand_conjuncts(h)) > 1 for h in who)
            or any(m.kids("conj") for h in who for m in h.kids("amod", "compound"))
            or any(_coordinated_nationalities(h) for h in who))


def _coordinated_nationalities(noun: Node) -> bool:
    """Two nationality adjectives joined by a coordinator, both parsed as modifiers of the
    noun: "*French and Egyptian* warships"."""
    nationalities = [m for m in noun.kids("amod") if m.lemma.lower() in DEMONYMS]
    return len(nationalities) > 1 and any(m.kids("cc") for m in nationalities[1:])


def resolve_reported_pronoun(node: Node) -> Node:
    """A third-person subject pronoun in a clause reported or intended by its sentence's
    subject stands for that subject: "*Syria* says *it* is willing to withdraw",
    "the rebels said *they* would release…" (number and gender permitting)."""
    if node.upos != "PRON" or node.feats.get("Person") != "3" or node.feats.get("PronType") == "Rel":
        return node
    clause = node.governor
    for _ in range(MAX_CLIMB):
        if clause is None or clause.deprel not in ("ccomp", "xcomp", "conj") or clause.governor is None:
            return node
        governor = clause.governor
        subjects = [s for s in subjects_of(governor) if s.upos in ("PROPN", "NOUN")]
        if subjects:
            return subjects[0] if agrees(node.lemma.lower(), subjects[0]) else node
        clause = governor
    return node
