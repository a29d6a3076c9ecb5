"""Stage 4: where — the place an event happens.

A locative oblique or nominal modifier of one of the frame's own hosts ("met *in
Paris*", "talks *in Riyadh*", "*at* the Munich Security Conference", "*near* the
town of Goma"), a place-name compound of an eventive noun ("the *Paris* meeting"),
or the noun a "where"-clause modifies ("the city *where* they met", "visited *Beijing*,
where he met Xi"), or the named destination of the motion a purpose clause or purpose
noun serves ("flew *to Paris* to meet…", "will travel *to Riyadh* for talks"), else
the place of one of the event's own arguments ("A court *in Moscow* sentenced…",
"during a speech *at the Munich Security Conference*"). A place attached to another
predicate of the sentence is otherwise never borrowed. Places are never the partners
of meetings and cooperation, nor is the setting of an action on an actor its target
("killed 30 people *at a mosque*", :func:`partners_and_place`).
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node
from eventx._kinds import is_city, is_place_name, ner_kind
from eventx._stages._frames import Frame, suffix_forms
from eventx._stages._noun_roles import halting_verb, support_verb
from eventx._stages._targets import is_actor, named_place
from eventx._tables import load_table

__all__ = ["frame_place", "inside", "partners_and_place", "unnamed_actor_place"]

_DATA = load_table("places.json")
ARGUMENT_PLACE_PREPOSITIONS = frozenset(_DATA["argument_place_prepositions"])
ARGUMENT_OBLIQUE_PREPOSITIONS = frozenset(_DATA["argument_oblique_prepositions"])
SUPERLATIVE_ADVERBS = frozenset(_DATA["superlative_adverbs"])
PURPOSE_PREPOSITIONS = frozenset(_DATA["purpose_prepositions"])
DESTINATION_PREPOSITIONS = frozenset(_DATA["destination_prepositions"])
ORIGIN_PREPOSITIONS = frozenset(_DATA["origin_prepositions"])
TRAVEL_WORDS = frozenset(_DATA["travel_words"])
DEPARTURE_WORDS = frozenset(_DATA["departure_words"])
OCCASION_NOUNS = frozenset(_DATA["occasion_nouns"])
PLACE_NEVER_PARTNER_TYPES = frozenset(_DATA["place_never_partner_types"])
PLACE_KINDS = frozenset(_DATA["place_kinds"])
VISIT_VERBS = frozenset(_DATA["visit_verbs"])
SETTING_PREPOSITIONS = frozenset(_DATA["setting_prepositions"])
LOOSE_PREPOSITIONS = frozenset(_DATA["loose_place_prepositions"])

#: Relations under which a locative phrase hangs from its predicate.
LOCATIVE_RELS = frozenset({"obl", "obl:lmod", "nmod", "obl:npmod"})
#: Arguments of a predicate whose own locative modifier can place the event.
ARGUMENT_RELS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl"})
#: Word classes of an argument that can carry a place (a clause the parser made an
#: oblique, "set *to land* in the US", carries its own event's place).
ARGUMENT_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _place_like(node: Node) -> bool:
    if node.upos == "PROPN":
        return True
    if node.lemma.lower() in g.PLACE_NOUNS:
        return True
    return is_place_name(node.text)


def frame_place(frame: Frame, is_time: Callable[[Node], bool], participants: frozenset[Node] = frozenset()) -> Node | None:
    """The head of the place phrase of ``frame``, or ``None``; an occasion found there
    gives way to its own place (:func:`_occasion_place`).

    Args:
        frame: The event candidate.
        is_time: Whether a word heads a time expression (those are never places:
            "in February", "on Monday").
        participants: Heads already taken as who/whom (never also the place).
    """
    if frame.reporting:
        return None
    place = _place(frame, is_time, participants)
    return None if place is None else _occasion_place(place, is_time)


def _occasion_place(place: Node, is_time: Callable[[Node], bool]) -> Node:
    """The known place of an occasion (``occasion_nouns``) the event happens at, when it
    names one: "introduced the iPhone at the Macworld Conference *in San Francisco*";
    else the occasion ("during a speech at *the Munich Security Conference*")."""
    if place.lemma.lower() not in OCCASION_NOUNS:
        return place
    return next((c for c in place.kids("nmod") if c.case_lemma() in ARGUMENT_PLACE_PREPOSITIONS
                 and not is_time(c) and _known_place(c)), place)


def _place(frame: Frame, is_time: Callable[[Node], bool], participants: frozenset[Node]) -> Node | None:
    """The place of ``frame`` as its own phrases, its where-clause, its journey or its
    arguments give it (:func:`frame_place`)."""
    # the nouns of a phrase trigger carry places too ("imposed a curfew *in Cizre*")
    hosts = frame.hosts + [n for n in frame.trigger if n.upos == "NOUN" and n not in frame.hosts]
    # ... and the light verb of a bare eventive noun hosts the noun's arguments
    # (PropBank light-verb constructions): "made its maiden flight *to the US*"
    support = _light_verb(frame)
    if support is not None:
        hosts.append(support)
    for host in hosts:
        for child in host.children:
            if child.deprel not in LOCATIVE_RELS or is_time(child) or child in frame.trigger or child in participants:
                continue
            case = child.case_lemma()
            if case in g.PLACE_PREPOSITIONS and (_known_place(child) if case in LOOSE_PREPOSITIONS else _place_like(child)):
                return child
    shared = _fronted_place(frame, is_time, participants)
    if shared is not None:
        return shared
    travel = _travel_destination(hosts, frame, is_time) or _departure_origin(hosts, is_time)
    if travel is not None:
        return travel
    if frame.nominal:
        for child in frame.anchor.children:
            if child.deprel == "compound" and child.upos == "PROPN" and is_city(child.text):
                return child
    clause = frame.verb or frame.anchor
    antecedent = _where_antecedent(clause)
    if antecedent is not None:
        return antecedent
    place = _destination(clause, is_time) or _arrival(frame, is_time)
    if place is None:
        place = _argument_place(hosts, frame, is_time, participants)
    return place


def _arrival(frame: Frame, is_time: Callable[[Node], bool]) -> Node | None:
    """The named place a noun event goes to when it is the subject of a verb of motion:
    "the first deployment of NATO troops has arrived *in Bosnia*"."""
    noun, verb = frame.anchor, frame.anchor.governor
    if not frame.nominal or noun.deprel != "nsubj" or verb is None or verb.lemma.lower() not in g.MOTION_VERBS:
        return None
    return next((c for c in verb.children if c.base_rel == "obl" and c.upos == "PROPN" and not is_time(c)
                 and c.case_lemma() in g.PLACE_PREPOSITIONS | DESTINATION_PREPOSITIONS), None)


def _light_verb(frame: Frame) -> Node | None:
    """The verb of a PropBank light-verb construction, or an aspectual verb, above a bare
    eventive noun ("*made* its maiden flight", "*continued* their strike"); a verb with
    an event of its own ("*announced* the development") is none."""
    support = support_verb(frame.anchor) if frame.verb is None else None
    if support is None or support.lemma.lower() not in g.LIGHT_VERB_CONSTRUCTIONS | g.ASPECTUAL_VERBS:
        return None
    return None if halting_verb(support) else support


def _fronted_place(frame: Frame, is_time: Callable[[Node], bool], participants: frozenset[Node]) -> Node | None:
    """The place phrase in front of a coordination of verbs that share their subject:
    "*In China*, airliners are selected and *purchased* by the government" (UD hangs the
    shared dependents of conjuncts on the first one; one in front of it scopes over all)."""
    verb = frame.verb
    first = verb.governor if verb is not None and verb.deprel == "conj" else None
    if first is None or first.upos != "VERB" or verb.kids("nsubj", "nsubj:pass", "csubj"):
        return None
    for child in first.children:
        if (child.index < first.index and child.deprel in LOCATIVE_RELS and child.case_lemma() in g.PLACE_PREPOSITIONS
                and not is_time(child) and child not in participants and _known_place(child)):
            return child
    return None


def _where_antecedent(clause: Node) -> Node | None:
    """The place a relative *where*-clause modifies: "the city *where* they met" (UD
    ``acl:relcl``), also when the parser hung a clause after a comma on the verb instead
    ("visited *Beijing*, where he met Xi" as ``advcl``): then the place phrase of that
    verb that ends right before the comma."""
    governor = clause.governor
    if governor is None or not any(c.lemma.lower() == "where" for c in clause.kids("advmod")):
        return None
    if clause.deprel == "acl:relcl":
        return governor
    sentence = clause.sentence
    if clause.base_rel != "advcl" or sentence is None:
        return None
    opening = sentence.subtree(clause)[0]
    if opening.text != "," or opening.index == 0:
        return None
    before = sentence.nodes[opening.index - 1]
    for phrase in governor.children:
        if (phrase.base_rel in ("obj", "obl") and phrase is not clause and _place_like(phrase)
                and max(n.index for n in sentence.subtree(phrase)) == before.index):
            return phrase
    return None


def _travel_destination(hosts: list[Node], frame: Frame, is_time: Callable[[Node], bool]) -> Node | None:
    """The known place a journey goes to, when the event is one (``travel_words``):
    "travelling *to the U.S.*", "a maiden flight *to the US*", "crashed *into the Atlantic*"
    (on the journey's own word or the light verb that carries it: "made a flight *to the US*").
    A country gone to may also be the host of a meeting the journey is coded as, its
    recipient (PLOVER): it is then both."""
    journey = _travel_word(frame.anchor)
    for host in hosts:
        if not _travel_word(host) and not (journey and host.lemma.lower() in g.LIGHT_VERB_CONSTRUCTIONS):
            continue
        for child in host.children:
            if (child.base_rel in ("obl", "nmod") and child.case_lemma() in DESTINATION_PREPOSITIONS
                    and not is_time(child) and child not in frame.trigger
                    and _known_place(child)):
                return child
    return None


def _departure_origin(hosts: list[Node], is_time: Callable[[Node], bool]) -> Node | None:
    """The known place a departure (``departure_words``) leaves: "the departure *from
    France* of the A380"."""
    for host in hosts:
        if host.lemma.lower() in DEPARTURE_WORDS:
            for child in host.children:
                if (child.base_rel in ("obl", "nmod") and child.case_lemma() in ORIGIN_PREPOSITIONS
                        and not is_time(child) and _known_place(child)):
                    return child
    return None


def _travel_word(node: Node) -> bool:
    """A word of ``travel_words``, also one the lemmatizer left inflected ("crashed" as
    its own lemma), read through the lexicon's suffix rules like the triggers are."""
    lemma = node.lemma.lower()
    if lemma in TRAVEL_WORDS:
        return True
    return lemma == node.text.lower() and any(c in TRAVEL_WORDS for c in suffix_forms(lemma))


def _purpose_of_motion(clause: Node) -> Node | None:
    """The motion verb whose purpose ``clause`` is: a *to*-infinitive ("flew to Paris
    *to meet*…") or a purpose noun ("will travel to Riyadh *for talks*")."""
    motion = clause.governor
    if motion is None or motion.lemma.lower() not in g.MOTION_VERBS:
        return None
    if clause.deprel in ("advcl", "xcomp") and any(m.lemma.lower() == "to" for m in clause.kids("mark")):
        return motion
    if clause.upos == "NOUN" and clause.base_rel == "obl" and clause.case_lemma() in PURPOSE_PREPOSITIONS:
        return motion
    return None


def _destination(clause: Node, is_time: Callable[[Node], bool]) -> Node | None:
    """The named destination of the motion whose purpose ``clause`` is: "sent
    experts *to Bosnia* to investigate" (also when the parser hung it on the object)."""
    motion = _purpose_of_motion(clause)
    if motion is None:
        return None
    phrases = [*motion.children, *(m for o in motion.kids("obj") for m in o.kids("nmod"))]
    return next((p for p in phrases if p.base_rel in ("obl", "nmod") and p.case_lemma() in DESTINATION_PREPOSITIONS
                 and p.upos == "PROPN" and not is_time(p)), None)


def _known_place(node: Node) -> bool:
    """A place name ("Paris", "San Francisco" with its compound), a place noun, or a name
    the entity tagger calls a place."""
    if node.lemma.lower() in g.PLACE_NOUNS or is_place_name(node.text) or is_place_name(_compound_name(node)):
        return True
    return node.upos == "PROPN" and ner_kind(node) in ("GPE", "LOC", "FAC")


def _compound_name(node: Node) -> str:
    """The name a proper noun heads with its proper-noun compounds and flat parts right
    beside it ("San Francisco", "New York")."""
    parts = {c.index: c for c in node.kids("compound", "flat") if c.upos == "PROPN"}
    first = last = node.index
    while first - 1 in parts:
        first -= 1
    while last + 1 in parts:
        last += 1
    return " ".join(node.sentence.nodes[i].text for i in range(first, last + 1)) if node.sentence else node.text


def _argument_place(hosts: list[Node], frame: Frame, is_time: Callable[[Node], bool],
                    participants: frozenset[Node]) -> Node | None:
    """The locative modifier of one of the event's arguments, when the event has no
    place of its own: "A court *in Moscow* sentenced…", "criticized Europe during a
    speech *at the Munich Security Conference*". Only prepositions of location proper
    count, and only known places: "sanctions *on Russia*" and "a stake *in Twitter*"
    place nothing. Obliques count only as the setting of the event
    (``argument_oblique_prepositions``), and superlatives never: "the largest jet *in
    the world*" compares, it does not place."""
    for host in hosts:
        for argument in host.children:
            if argument.deprel not in ARGUMENT_RELS and argument.base_rel not in ARGUMENT_RELS:
                continue
            if is_time(argument) or argument in frame.trigger or argument.upos not in ARGUMENT_UPOS:
                continue
            if argument.base_rel == "obl" and argument.case_lemma() not in ARGUMENT_OBLIQUE_PREPOSITIONS:
                continue
            if _superlative(argument):
                continue
            for child in argument.kids("nmod"):
                if (child.case_lemma() in ARGUMENT_PLACE_PREPOSITIONS and not is_time(child)
                        and child not in participants and _known_place(child)):
                    return child
    return None


def _superlative(node: Node) -> bool:
    """``node`` has a superlative modifier: "the *largest* jet", "the *most* valuable company"."""
    return any(m.feats.get("Degree") == "Sup" or any(a.lemma.lower() in SUPERLATIVE_ADVERBS for a in m.kids("advmod"))
               for m in node.kids("amod"))


def partners_and_place(event_type: str | None, whom: list[Node], place: Node | None) -> tuple[list[Node], Node | None]:
    """Move places out of the partners of meetings and cooperation, and settings out of
    any event's partners ("killed 30 people *at a mosque*", :func:`_setting`).

    "Rubio visited *Beijing*" is a CONSULT at Beijing, not with it (PLOVER: the
    recipient of a visit is its host, an actor). A city, a place noun or a name of
    kind ``LOC``/``FAC`` among the partners of a type in ``place_never_partner_types``
    (or a city a visit goes to) becomes the place when the event has none,
    and is dropped from *whom*. A place the motion starts from ("travelled *from
    Paris* for talks") is dropped and places nothing. A country or capital named as a
    party ("talks with Ukraine", "talks with Moscow") stays a partner.

    Args:
        event_type: The event's (coded) type.
        whom: The partner heads.
        place: The place head found so far, or ``None``.
    """
    whom = [n for n in whom if not _setting(n)]
    if event_type not in PLACE_NEVER_PARTNER_TYPES:
        return whom, place
    origins = [n for n in whom if _is_origin(n)]
    places = [n for n in whom if n not in origins and _is_location(n)]
    if not places:
        return [n for n in whom if n not in origins], place
    return [n for n in whom if n not in places and n not in origins], place if place is not None else places[0]


def _setting(node: Node) -> bool:
    """A place phrase after a verb that already has an actor for its object: "killed 30
    people *at a mosque*" (the setting, ``setting_prepositions``), unlike "fired *at
    the crowd*" or "threw stones *at the embassy*", where the phrase is the target."""
    governor = node.governor
    return (governor is not None and node.base_rel == "obl" and node.case_lemma() in SETTING_PREPOSITIONS
            and _known_place(node) and any(is_actor(o) for o in governor.kids("obj")))


def _is_origin(node: Node) -> bool:
    """A named place a motion starts from: "travelled *from Paris*"."""
    governor = node.governor
    return (governor is not None and governor.lemma.lower() in g.MOTION_VERBS and node.base_rel == "obl"
            and node.case_lemma() in ORIGIN_PREPOSITIONS and node.upos == "PROPN" and _known_place(node))


def _is_location(node: Node) -> bool:
    """A place noun, a name of a place kind, or a city that is gone to ("visited *Beijing*").
    A capital that is a party stays one ("talks with *Moscow*"), and so does a visited
    country: PLOVER codes the host of a visit as its recipient."""
    if node.upos == "NOUN":
        return node.lemma.lower() in g.PLACE_NOUNS
    if node.upos != "PROPN":
        return False
    governor = node.governor
    visited = governor is not None and governor.lemma.lower() in VISIT_VERBS | g.MOTION_VERBS
    if ner_kind(node) in PLACE_KINDS:
        # one meets people and hosts them; a place is the object only of a visit: "met
        # *Xi Jinping*" is a partner even when the entity tagger calls the name a place
        return visited or node.base_rel != "obj" or is_place_name(node.text)
    gone_to = visited and (node.base_rel == "obj" or node.base_rel == "obl"
                           and node.case_lemma() in DESTINATION_PREPOSITIONS)
    # a visited country stays the host, the recipient PLOVER codes for a visit
    return gone_to and is_city(node.text)


def inside(node: Node, heads: list[Node]) -> bool:
    """``node`` lies in the phrase of one of ``heads`` ("the Gaza Strip" in "settlements in the Gaza Strip")."""
    ancestor: Node | None = node
    while ancestor is not None:
        if ancestor in heads:
            return True
        ancestor = ancestor.governor
    return False


def unnamed_actor_place(event_type: str | None, who: list[Node], place: Node | None, frame: Frame) -> list[Node]:
    """The actor of an event of a ``place_source_types`` type that names none: the named
    place it happens in ("a roadside bombing *near the town of Samarra*", "was put under
    investigation *in Italy*"), as the PLOVER manual codes an unidentified actor by the
    country it is associated with; else ``who`` unchanged."""
    if who or place is None or event_type not in g.PLACE_SOURCE_TYPES:
        return who
    named = named_place(place, frame)
    return who if named is None else [named]
