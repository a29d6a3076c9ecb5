"""Stage 3, nouns: who and whom of an eventive noun, and the verbs around one.

An eventive noun's arguments hang on it as nominal modifiers: its possessor
("*Russia's* invasion"), and prepositional phrases whose preposition says the role
(``noun_argument_prepositions`` in ``grammar.json``: "the attack *by* rebels *on*
the convoy"). A noun whose PropBank roleset has no agent ("the Nikkei's *fall*")
makes its possessor the undergoer. The verb above a noun may support it ("*held*
talks"), or stop it ("*suspended* aid").
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node
from eventx._kinds import DEMONYMS, ORG_WORDS, PERSON_NOUNS, is_city, ner_kind
from eventx._stages._clauses import nominal, subjects_of
from eventx._stages._frames import Frame, eventive_noun

__all__ = ["agentless_noun", "agrees", "governing_verb", "halting_verb", "infinitive_controllers", "nominal_roles",
           "support_verb"]


#: Possessive pronouns and the personal pronoun whose agreement they follow.
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
#: Entity-tagger kinds that name an agent: a person, organisation, country or group.
AGENT_KINDS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def governing_verb(noun: Node) -> Node | None:
    """The verb whose object ``noun`` is, directly or through a modifier
    ("*launched* a mediation effort", "*gave* 5 million dollars of aid")."""
    node = noun
    for _ in range(3):
        governor = node.governor
        if governor is None or node.base_rel not in ("obj", "nmod", "compound", "obl"):
            return None
        if governor.upos == "VERB":
            # "went *on* strike" supports the noun, "suspended aid *after* the coup" does not
            supported = node.base_rel != "obl" or node.case_lemma() in g.SUPPORT_OBLIQUE_PREPOSITIONS
            return governor if supported else None
        node = governor
    return None


def support_verb(noun: Node) -> Node | None:
    """The light or aspectual verb above an eventive noun ("*held* talks", "*continued*
    their strike"), if the verb above it is one."""
    verb = governing_verb(noun)
    return verb if verb is not None and (verb.lemma.lower() in g.LIGHT_VERBS | g.ASPECTUAL_VERBS
                                         or halting_verb(verb)) else None


def halting_verb(verb: Node, noun: Node | None = None) -> bool:
    """A verb that stops the event its object names ("*suspended* aid", "*broke off*
    talks"); with ``noun``, also not one it merely concludes ("*ended* their talks")."""
    lemma = verb.lemma.lower()
    if noun is not None and noun.lemma.lower() in g.HALTING_EXCEPTIONS.get(lemma, ()):
        return False
    return lemma in g.HALTING_VERBS or any(f"{lemma} {p.lemma.lower()}" in g.HALTING_VERBS
                                           for p in verb.kids("compound:prt"))


def _possessor(noun: Node, poss: Node) -> Node:
    """A possessive pronoun on an eventive noun stands for the subject of the verb
    above it when they agree: "the ILO reiterated *its* demand" → the ILO."""
    personal = POSSESSIVE_PRONOUNS.get(poss.text.lower())
    verb = governing_verb(noun) if personal else None
    subjects = [s for s in subjects_of(verb) if s.upos in ("PROPN", "NOUN")] if verb is not None else []
    if personal and subjects and agrees(personal, subjects[0]):
        return subjects[0]
    return poss


def _modifier_actors(noun: Node) -> list[Node]:
    """Actors named by modifiers of an eventive noun: a nationality adjective
    ("*Palestinian* riots") or a name compound that is not a city ("*US-Russia*
    discussions"; "the *Paris* meeting" names a place)."""
    return [c for c in noun.children
            if (c.deprel == "amod" and c.lemma.lower() in DEMONYMS)
            or (c.deprel == "compound" and c.upos == "PROPN" and not is_city(c.text))]


def _compound_theme(noun: Node, modifier: Node) -> bool:
    """A compound modifier of an eventive noun that names what undergoes the event
    ("*A380* delays", "*737* replacement", "*price* rise"): the object reading of a
    compound nominalisation (NomBank: a prenominal modifier of a deverbal noun is mostly
    its ARG1), for a noun whose PropBank roleset has an ARG1. A common noun of a person
    or organisation, or a word the entity tagger marks as one, is the agent instead; a
    name stays with :func:`_modifier_actors`."""
    roleset = g.NOUN_ROLESETS.get(noun.lemma.lower())
    if roleset is None or not roleset[2] or modifier.index > noun.index or not nominal(modifier):
        return False
    if _agentive(modifier):
        return False  # "*police* investigation", "*government* decision": the agent
    return modifier.upos in ("NOUN", "NUM")


def _agentive(word: Node) -> bool:
    """A word that can name an agent: a person or organisation noun of ``kinds.json``, or
    a word the entity tagger marks as a person, organisation, country or group."""
    lemma = word.lemma.lower()
    return ner_kind(word) in AGENT_KINDS or lemma in ORG_WORDS or lemma in PERSON_NOUNS


def _possessed_theme(noun: Node, possessor: Node) -> bool:
    """A thing as the possessor of an eventive noun whose PropBank roleset has an agent and
    a patient: "the *aircraft's* delivery", "the *plane's* maiden flight" (deliver.01,
    fly.01 ARG1). A possessor of a nominalisation is its agent or its patient (NomBank,
    Meyers 2007: "the city's destruction" is ARG1); a common noun that names no person,
    organisation or group cannot be the agent, so it is the patient. Names and pronouns
    stay agents ("*Boeing's* delivery", "*its* launch")."""
    roleset = g.NOUN_ROLESETS.get(noun.lemma.lower())
    if roleset is None or not roleset[1] or not roleset[2]:
        return False
    # the governor test leaves out a possessive pronoun read as the verb's subject ("its launch")
    return possessor.upos == "NOUN" and possessor.governor is noun and not _agentive(possessor)


def _argument_hosts(noun: Node, is_time: Callable[[Node], bool]) -> list[Node]:
    """The words whose modifiers are an eventive noun's arguments: the noun, the eventive
    noun it is a compound of (the partners of "mediation *efforts* between X and Y"
    belong to *mediation*), and a time word a parser hung the arguments on ("talks on
    *Saturday* between X and Y")."""
    head = noun.governor
    hosts = [noun, head] if noun.deprel == "compound" and head is not None and eventive_noun(head) else [noun]
    return hosts + [c for h in hosts for c in h.children if c.base_rel == "nmod" and is_time(c)]


def agentless_noun(noun: Node) -> bool:
    """An eventive noun whose PropBank roleset has no agent ("the Nikkei's *fall*",
    "the *death* of three soldiers"): its possessor undergoes the event."""
    roleset = g.NOUN_ROLESETS.get(noun.lemma.lower())
    return roleset is not None and not roleset[1]


def _changed_quantity(noun: Node, phrase: Node) -> bool:
    """The *in* phrase of a noun of scalar change names what changes: "a 78 percent
    *increase* in its profits", "a *drop* in sales" (NomBank: ARG1 of increase.01,
    drop.01). The noun's PropBank verb has an extent role (the verbs of ``extent_verbs``);
    a place is where the change happens ("a fall in Tokyo")."""
    roleset = g.NOUN_ROLESETS.get(noun.lemma.lower())
    if roleset is None or roleset[0].split(".")[0] not in g.EXTENT_VERBS:
        return False
    return ner_kind(phrase) not in ("GPE", "LOC", "FAC") and not is_city(phrase.text)


def nominal_roles(frame: Frame, noun: Node, is_time: Callable[[Node], bool]) -> tuple[list[Node], list[Node]]:
    possessors = [_possessor(noun, p) if p.upos == "PRON" else p for p in noun.kids("nmod:poss")]
    who: list[Node] = [] if agentless_noun(noun) else possessors
    whom: list[Node] = list(possessors) if agentless_noun(noun) else []
    for child in (c for host in _argument_hosts(noun, is_time) for c in host.children):
        if child.base_rel != "nmod" or child.deprel == "nmod:poss" or not nominal(child):
            continue
        role = g.NOUN_ARGUMENT_PREPOSITIONS.get(child.case_lemma() or "")
        if role is None and child.case_lemma() == "in" and _changed_quantity(noun, child):
            role = "whom"
        if role == "who":
            who.append(child)
        elif role == "whom":
            whom.append(child)
    if agentless_noun(noun):
        whom += [m for m in _modifier_actors(noun) if m not in whom]
    elif not who:
        who = _modifier_actors(noun)
    if not whom:
        whom = [m for m in noun.kids("compound") if m not in who and _compound_theme(noun, m)]
    if not whom:
        whom = [p for p in who if p.deprel == "nmod:poss" and _possessed_theme(noun, p)]
        who = [n for n in who if n not in whom]
    return who, whom


def infinitive_controllers(noun: Node) -> list[Node] | None:
    """Who acts in the infinitive an eventive noun takes ("*Putin's* decision to invade",
    "*Boeing* announced plans to cut jobs"): the noun's own agent (PropBank: the ARG0 of
    the noun's roleset, its possessor or *by* phrase), else the subject of the verb whose
    object the noun is, as for a participle on an object ("*the party* issued a declaration
    demanding…"); ``None`` when ``noun`` is no eventive noun ("the first company to
    sell…" is itself the subject)."""
    if not eventive_noun(noun):
        return None
    if agentless_noun(noun):
        return []
    possessors = [_possessor(noun, p) if p.upos == "PRON" else p for p in noun.kids("nmod:poss")]
    agents = possessors + [c for c in noun.children if c.base_rel == "nmod" and c.deprel != "nmod:poss"
                           and g.NOUN_ARGUMENT_PREPOSITIONS.get(c.case_lemma() or "") == "who" and nominal(c)]
    agents = agents or _modifier_actors(noun)
    # a predicate noun has its own subject: "executives are *in negotiations* … to arrange"
    agents = agents or subjects_of(noun)
    verb = governing_verb(noun) if not agents and noun.base_rel == "obj" else None
    return agents or (subjects_of(verb) if verb is not None else [])


def agrees(lemma: str, antecedent: Node) -> bool:
    """Whether the personal pronoun ``lemma`` can stand for ``antecedent``."""
    number = antecedent.feats.get("Number", "Sing")
    if lemma in ("he", "she"):
        return number == "Sing" and antecedent.upos in ("PROPN", "NOUN")
    if lemma == "it":
        return number == "Sing"
    # "they" also stands for collective nouns ("the government said they…") and for the name
    # of an organisation, which British English treats as plural ("Airbus have announced that
    # they…"; notional concord, Quirk et al. 1985 10.35)
    return lemma == "they" and (number == "Plur" or antecedent.lemma.lower() in ORG_WORDS or ner_kind(antecedent) == "ORG"
                                or _plural_verb(antecedent))


def _plural_verb(subject: Node) -> bool:
    """The text makes ``subject`` plural by its verb: a finite plural form ("Airbus
    *have* announced", UD Number=Plur) on a subject that is not a pronoun."""
    verb = subject.governor
    if subject.base_rel != "nsubj" or subject.upos == "PRON" or verb is None:
        return False
    return any(w.feats.get("Number") == "Plur" and w.feats.get("VerbForm") == "Fin"
               for w in (verb, *verb.kids("aux", "aux:pass", "cop")))
