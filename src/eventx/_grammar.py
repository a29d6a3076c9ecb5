"""The word tables of ``eventx/data/grammar.json``, loaded once as frozen sets and maps.

Dependency-label sets live here too, as module-level constants: they are the
structural half of the rules, the word tables the lexical half.
"""

from __future__ import annotations

from eventx._tables import load_table

_DATA = load_table("grammar.json")
#: Derived from the PropBank frames by ``python -m eventx.training propbank`` (CC BY-SA 4.0).
_PROPBANK = load_table("propbank.json")

NON_EVENT_VERBS = frozenset(_DATA["non_event_verbs"])
LIGHT_VERBS = frozenset(_DATA["light_verbs"])
#: Light verbs whose eventive object is the predicate, not a participant (PropBank light-verb constructions).
LIGHT_VERB_CONSTRUCTIONS = frozenset(_DATA["light_verb_constructions"])
ASPECTUAL_VERBS = frozenset(_DATA["aspectual_verbs"])
LIGHT_VERB_PREPOSITIONS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["light_verb_prepositions"].items()}
REPORTING_VERBS = frozenset(_DATA["reporting_verbs"])
MODALITY_VERBS: dict[str, str] = dict(_DATA["modality_verbs"])
NEGATING_VERBS = frozenset(_DATA["negating_verbs"])
OBJECT_CONTROL_VERBS = frozenset(_DATA["object_control_verbs"])
MODAL_AUXILIARIES: dict[str, str] = dict(_DATA["modal_auxiliaries"])
MODAL_ADJECTIVES: dict[str, str] = dict(_DATA["modal_adjectives"])
CONDITIONAL_MARKERS = frozenset(_DATA["conditional_markers"])
NEGATION_WORDS = frozenset(_DATA["negation_words"])
PLACE_PREPOSITIONS = frozenset(_DATA["place_prepositions"])
PLACE_NOUNS = frozenset(_DATA["place_nouns"])
WHOM_PREPOSITIONS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["whom_prepositions"].items()}
NOUN_ARGUMENT_PREPOSITIONS: dict[str, str] = dict(_DATA["noun_argument_prepositions"])
AGENT_PREPOSITIONS = frozenset(_DATA["agent_prepositions"])
SYMMETRIC_TYPES = frozenset(_DATA["symmetric_types"])
#: Verbs whose main PropBank roleset has no agent ("fall", "die", "arrive"): the subject undergoes the event.
NO_AGENT_VERBS = frozenset(_PROPBANK["no_agent_verbs"])
#: Verbs whose subject undergoes the event when they take no object ("the market *dropped* 7 %").
UNDERGOER_SUBJECT_VERBS = frozenset(_PROPBANK["undergoer_subject_verbs"])
#: Partner preposition ("with", "against") -> verbs whose PropBank examples make such a phrase a numbered argument.
PREPOSITION_ARGUMENT_VERBS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _PROPBANK["preposition_argument_verbs"].items()}
#: Verb -> nouns it forms a PropBank light-verb or multiword predicate with ("take place", "make a decision").
LIGHT_VERB_NOUNS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _PROPBANK["light_verb_nouns"].items()}
#: Every one-word verb lemma of the PropBank frames: what an unlemmatized verb form is checked against.
PROPBANK_VERBS = frozenset(_PROPBANK["verbs"])
#: Penn Treebank tags of inflected verb forms ("sells" VBZ, "barred" VBD/VBN, "selling" VBG).
INFLECTED_VERB_TAGS = frozenset(_DATA["inflected_verb_tags"])
#: Eventive noun -> (PropBank roleset, agent role number or "", patient role number or "").
NOUN_ROLESETS: dict[str, tuple[str, str, str]] = {k: (v[0], v[1], v[2]) for k, v in _PROPBANK["nouns"].items()}
#: Penn Treebank tag of plural common nouns ("deliveries" NNS).
INFLECTED_NOUN_TAGS = frozenset(_DATA["inflected_noun_tags"])
#: English regular plural endings -> singular endings, tried in order ("deliveries" -> "delivery").
PLURAL_SUFFIX_RULES: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _DATA["plural_suffix_rules"])
#: Verbs whose main PropBank roleset has an extent (EXT) role: their measures are no participants.
EXTENT_VERBS = frozenset(_PROPBANK["extent_verbs"])
MEASURE_UNITS = frozenset(_DATA["measure_units"])
EVENTIVE_NOUN_SUFFIXES = tuple(_DATA["eventive_noun_suffixes"])
EVENTIVE_NOUNS = frozenset(_DATA["eventive_nouns"])
NON_EVENTIVE_NOUNS = frozenset(_DATA["non_eventive_nouns"])
COMPLEMENT_PARTNER_PREPOSITIONS = frozenset(_DATA["complement_partner_prepositions"])
PLACE_TARGET_TYPES = frozenset(_DATA["place_target_types"])
PLACE_SOURCE_TYPES = frozenset(_DATA["place_source_types"])
INNER_ACTOR_PREPOSITIONS = frozenset(_DATA["inner_actor_prepositions"])
DEMAND_VERBS = frozenset(_DATA["demand_verbs"])
TARGET_OBLIQUE_PREPOSITIONS = frozenset(_DATA["target_oblique_prepositions"])
CONDITION_TARGET_TYPES = frozenset(_DATA["condition_target_types"])
INFINITIVE_COMPLEMENT_TYPES = frozenset(_DATA["infinitive_complement_types"])
HALTING_VERBS = frozenset(_DATA["halting_verbs"])
HALTING_EXCEPTIONS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["halting_exceptions"].items()}
SUPPORT_OBLIQUE_PREPOSITIONS = frozenset(_DATA["support_oblique_prepositions"])
CONCESSIVE_MARKERS = frozenset(_DATA["concessive_markers"])
JOINT_MODIFIERS = frozenset(_DATA["joint_modifiers"])
READINESS_VERBS = frozenset(_DATA["readiness_verbs"])
#: Prepositions naming the parties of an agentless passive ("reached *between* X and Y").
RECIPROCAL_VERB_PREPOSITIONS = frozenset(_DATA["reciprocal_verb_prepositions"])
PEACEKEEPING_WORDS = frozenset(_DATA["peacekeeping_words"])
MOTION_VERBS = frozenset(_DATA["motion_verbs"])
LEMMA_SUFFIX_RULES: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _DATA["lemma_suffix_rules"])

#: Relations of a verb's subject.
SUBJECT_RELS = frozenset({"nsubj"})
#: Relations of a verb's direct and indirect object.
OBJECT_RELS = frozenset({"obj", "iobj"})
#: Obliques and nominal modifiers: where prepositional arguments hang.
OBLIQUE_RELS = frozenset({"obl", "obl:agent", "obl:lmod", "obl:npmod", "nmod", "obl:arg"})
#: Relations through which a clause without a subject borrows its governor's.
SUBJECT_SHARING_RELS = frozenset({"xcomp", "conj", "advcl"})
#: Relations of words that never belong to a participant span when hanging off its head.
SPAN_EXCLUDED_RELS = frozenset({
    "conj", "cc", "appos", "acl", "parataxis", "punct", "advcl", "dep", "discourse", "list",
    "vocative", "reparandum", "orphan", "dislocated", "ccomp", "xcomp", "case", "mark", "cop", "aux",
})
#: Parts of speech a participant head may have.
NOMINAL_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
#: Relations of a bare time phrase ("*today*", "*next week*") on its head.
BARE_TIME_RELS = frozenset({"obl:unmarked", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:unmarked"})
#: Relative pronouns stand for the noun their clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
