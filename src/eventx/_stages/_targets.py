"""Stage 3b: targets PLOVER codes where the grammar names no recipient actor.

The roles stage finds *whom* from objects and partner obliques. Event coding
(PLOVER, ICEWS) wants the *actor* an event is directed at, which news often
names one step further away:

- inside a non-actor object: "accepted demands *from Shona rebels*", "an
  investigation into crimes committed *by Croat forces*";
- in a protest's purpose clause: "a hunger strike to demand the resignation *of
  President Ben Bella*";
- in its obliques: "withdraw its troops *from Lebanon*", "hack into the
  computers *of South Korean officers*", or a clause it goes against: "declined to
  resign despite pressure *by the Anti-Corruption Commission*";
- in the condition of a threat: "threatened to stop talks if *the United
  States* goes ahead";
- in the place of an event with no recipient at all: "demonstrated *in
  Serbia*", "imposed a curfew *in Algiers*" (types in ``place_target_types``).

These apply only to typed events whose *whom* names no actor, and never take a
time expression.

Word tables are in ``data/grammar.json``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node, no_time
from eventx._kinds import DEMONYMS, KNOWN_ORGS, ORG_WORDS, PERSON_NOUNS, ner_kind
from eventx._stages._frames import Frame

__all__ = ["coded_targets", "inner_actor", "is_actor", "named_place"]

#: Relations followed down from a non-actor phrase to an actor inside it.
INNER_RELS = frozenset({"nmod", "acl", "obj", "obl:agent", "obl", "nmod:poss", "conj"})
#: Possessive pronouns: "withdraw *its* troops" names the actor's own, not a target.
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})
#: How many words below the phrase head an inner actor may lie.
MAX_DEPTH = 4
#: Relations of clauses that may state an event's purpose or demand.
PURPOSE_RELS = frozenset({"advcl", "xcomp", "acl"})
#: Entity kinds of names that are places but no polity ("the *Europe Bridge*", "the
#: *Rhine*"): PLOVER codes an actor by the country it is associated with, so such a
#: name is no party an event is directed at while a polity or actor is named inside it.
NON_PARTY_KINDS = frozenset({"LOC", "FAC"})
#: Prepositions of the party a demand is made of ("demand reforms *from* X").
DEMANDED_OF = frozenset({"from", "of", "by"})


def _proper_adjective(node: Node) -> bool:
    """A nationality or other capitalised adjective inside a sentence ("*Zambian* people")."""
    return node.lemma.lower() in DEMONYMS or (node.upos == "ADJ" and node.text[:1].isupper() and node.index > 0)


def _named(node: Node) -> bool:
    """A name, or a noun with a name or nationality in front ("Shona rebels", "Palestinian
    homes", "President Suharto's government")."""
    if node.upos == "PROPN" or node.lemma.lower() in KNOWN_ORGS:
        return True
    return any((c.deprel in ("compound", "nmod:poss") and c.upos == "PROPN") or (c.deprel == "amod" and _proper_adjective(c))
               for c in node.children)


def is_actor(node: Node) -> bool:
    """Whether ``node`` heads a phrase that names another actor (a name, a person or
    organisation noun, not one owned by the subject: "withdraw *its troops*")."""
    if any(c.text.lower() in OWN_POSSESSIVES for c in node.kids("nmod:poss")) and not _named(node):
        return False
    lemma = node.lemma.lower()
    return _named(node) or lemma in PERSON_NOUNS or node.text.lower() in PERSON_NOUNS or lemma in ORG_WORDS


def _party(node: Node) -> bool:
    """An actor that is no mere place or facility name (:data:`NON_PARTY_KINDS`)."""
    return is_actor(node) and not (node.upos == "PROPN" and ner_kind(node) in NON_PARTY_KINDS)


def _agent_like(node: Node) -> bool:
    """An actor that is a name, person or organisation itself, not a thing with a
    name on it: "disperse *demonstrators*", but not "waving *EU flags*"."""
    lemma = node.lemma.lower()
    return is_actor(node) and (node.upos == "PROPN" or lemma in PERSON_NOUNS or node.text.lower() in PERSON_NOUNS
                               or lemma in ORG_WORDS or lemma in KNOWN_ORGS)


def inner_actor(phrase: Node, exclude: frozenset[Node] = frozenset(),
                is_time: Callable[[Node], bool] = no_time) -> Node | None:
    """The nearest named actor below ``phrase`` through prepositional modifiers and
    agent phrases of participles, or ``None``; a time word ("on *Sunday*") is passed
    through, never returned. A place or facility name ("spanning *the Rhine* from
    France") is returned only when no other actor is found."""
    queue: deque[tuple[Node, int]] = deque([(phrase, 0)])
    place: Node | None = None
    while queue:
        node, depth = queue.popleft()
        if depth == MAX_DEPTH:
            continue
        for child in node.children:
            # a bare time phrase is never an actor, but a parser hangs what follows on it
            # ("a meeting next week *of Palestinian factions*")
            if child.deprel in g.BARE_TIME_RELS or is_time(child):
                queue.append((child, depth + 1))
                continue
            if child.base_rel not in INNER_RELS or child in exclude:
                continue
            case = child.case_lemma()
            if child.base_rel in ("nmod", "obl") and child.deprel not in ("nmod:poss", "obl:agent") \
                    and case not in g.INNER_ACTOR_PREPOSITIONS:
                continue
            if child.upos in ("NOUN", "PROPN") and _named(child):
                if child.upos != "PROPN" or ner_kind(child) not in NON_PARTY_KINDS:
                    return child
                place = place or child
            queue.append((child, depth + 1))
    return place


def _hosts(frame: Frame) -> list[Node]:
    hosts = list(frame.hosts)
    if frame.nominal and frame.anchor.governor is not None and frame.anchor.base_rel == "obj":
        hosts.append(frame.anchor.governor)  # "continued their hunger strike *to demand*…"
    return hosts


def _purpose_clauses(frame: Frame) -> list[Node]:
    """The clauses that may say what ``frame`` is for: its hosts' adverbial, open and
    participial clauses, a participle the parser hung on one of its arguments
    ("demonstrated in the city … *calling for*…", "blocked roads *leading* to…"), and
    the clauses inside those ("joining demonstrators *in demanding*…")."""
    clauses = []
    for host in _hosts(frame):
        clauses += [c for c in host.children if c.deprel in PURPOSE_RELS]
        clauses += [c for a in host.children if a.base_rel in ("obj", "obl") for c in a.kids("acl")
                    if c.feats.get("VerbForm") == "Ger" or c.feats.get("VerbForm") == "Part" and c.feats.get("Tense") == "Pres"]
    return clauses + [n for c in clauses for n in c.children if n.deprel in PURPOSE_RELS and n not in clauses]


def _purpose_target(frame: Frame, exclude: frozenset[Node], is_time: Callable[[Node], bool]) -> Node | None:
    """The actor a purpose clause of ``frame`` acts on or makes demands of: "opened fire
    to disperse *demonstrators*", "a hunger strike to *demand* the resignation of X",
    "demonstrated … *calling for* independence from Iraq"."""
    for clause in _purpose_clauses(frame):
        demands = clause.lemma.lower() in g.DEMAND_VERBS
        for argument in clause.children:
            if argument.base_rel not in ("obj", "obl") or argument in exclude:
                continue
            if is_time(argument):
                continue
            if _agent_like(argument) and (argument.base_rel == "obj" or demands and argument.case_lemma() in DEMANDED_OF):
                return argument
            found = inner_actor(argument, exclude, is_time) if demands else None
            if found is not None:
                return found
    return None


def _oblique_target(frame: Frame, exclude: frozenset[Node], is_time: Callable[[Node], bool]) -> Node | None:
    """A named actor in (or inside) an oblique of ``frame``: "withdraw its troops *from
    Lebanon*", "hack into the computers of *South Korean officers*", "a strike *over* a
    bill signed by *the Labour Minister*" (a noun's modifier is its oblique)."""
    for host in frame.hosts:
        for child in host.children:
            oblique = child.deprel == "obl" or (host is frame.anchor and frame.nominal and child.deprel == "nmod")
            if not oblique or child in exclude or is_time(child) or child in frame.trigger:
                continue
            if child.case_lemma() not in g.TARGET_OBLIQUE_PREPOSITIONS:
                continue
            found = child if child.upos in ("NOUN", "PROPN") and _named(child) else inner_actor(child, exclude, is_time)
            if found is not None:
                return found
    return None


def _concessive_target(frame: Frame, exclude: frozenset[Node], is_time: Callable[[Node], bool]) -> Node | None:
    """The actor inside a *despite* clause of ``frame`` or of its complement: "declined to
    resign despite growing pressure *by the Anti-Corruption Commission*"."""
    for host in (h for f in frame.hosts for h in (f, *f.kids("xcomp"))):
        for clause in host.kids("advcl"):
            if any(m.lemma.lower() in g.CONCESSIVE_MARKERS for m in clause.kids("mark")):
                found = inner_actor(clause, exclude, is_time)
                if found is not None:
                    return found
    return None


def _condition_target(frame: Frame, exclude: frozenset[Node], is_time: Callable[[Node], bool]) -> Node | None:
    """The subject of a threat's condition: "… *if the United States* goes ahead", also
    when the parser hung the condition on a complement of the complement ("threatened to
    stop negotiations to reduce weapons *if the United States*…")."""
    if frame.type not in g.CONDITION_TARGET_TYPES:
        return None
    level, clauses = list(frame.hosts), []
    for _ in range(MAX_DEPTH):
        clauses += [c for h in level for c in h.kids("advcl")]
        level = [c for h in level for c in h.kids("xcomp", "advcl")]
    for clause in clauses:
        if any(m.lemma.lower() in g.CONDITIONAL_MARKERS for m in clause.kids("mark")):
            subjects = [s for s in clause.kids("nsubj") if s.upos in ("NOUN", "PROPN") and s not in exclude
                        and not is_time(s)]
            if subjects:
                return subjects[0]
    return None


def _stranded_object(frame: Frame, exclude: frozenset[Node]) -> Node | None:
    """A named object the parser hung on an absorbed control verb after the event's own
    verb, which has none: in "resume *shelling* rebel-held territory" the gerund's object
    is attached to *resume* (UD: the object of a gerund complement is the gerund's)."""
    anchor = frame.anchor
    if frame.verb is not anchor or any(c.deprel in g.OBJECT_RELS for c in anchor.children):
        return None
    for control in frame.absorbed:
        for obj in control.kids("obj"):
            if obj.index > anchor.index and obj not in exclude and obj.upos in ("NOUN", "PROPN") and is_actor(obj):
                return obj
    return None


def coded_targets(frame: Frame, who: list[Node], whom: list[Node], is_time: Callable[[Node], bool]) -> list[Node]:
    """Targets event coding adds to a typed frame whose ``whom`` names no actor."""
    if frame.type is None or any(_party(n) for n in whom):
        return []
    found = _coded_targets(frame, who, whom, is_time)
    # a place name already the target gives way only to a party named inside it
    if found and any(is_actor(n) for n in whom) and not _party(found[0]):
        return []
    return found


def _coded_targets(frame: Frame, who: list[Node], whom: list[Node], is_time: Callable[[Node], bool]) -> list[Node]:
    taken = frozenset(who) | frozenset(whom)
    sentence = frame.anchor.sentence
    # a trigger noun of a verb phrase is searched like an object: "shortened the curfew
    # imposed *in Sudan*"
    nouns = [n for n in frame.trigger if n.upos == "NOUN"] if frame.verb is not None else []
    for head in [*whom, *nouns]:
        inner = inner_actor(head, taken, is_time)
        # a name already inside the phrase's own span is matched through it
        if inner is not None and sentence is not None and inner not in sentence.subtree(head, exclude=g.SPAN_EXCLUDED_RELS):
            return [inner]
    stranded = _stranded_object(frame, taken)
    if stranded is not None:
        return [stranded]
    for find in (_purpose_target, _condition_target, _oblique_target, _concessive_target):
        found = find(frame, taken, is_time)
        if found is not None:
            return [found]
    return []


def named_place(place: Node, frame: Frame | None = None) -> Node | None:
    """``place`` when it is a name ("in *Serbia*"), else a name it is "of" or "in"
    ("the town *of Cizre*", "a jail *in northern Israel*"), else another named locative
    oblique of ``frame`` ("rioted at this jail *in northern Israel*", both hung on the verb)."""
    if place.upos == "PROPN":
        return place
    for child in place.children:
        if child.base_rel == "nmod" and child.upos == "PROPN" and child.case_lemma() in ("of", "in"):
            return child
    for host in frame.hosts if frame is not None else ():
        for child in host.children:
            if child.base_rel == "obl" and child.upos == "PROPN" and child.case_lemma() in g.PLACE_PREPOSITIONS:
                return child
    return None
