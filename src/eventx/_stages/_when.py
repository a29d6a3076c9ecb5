"""Stage 5a: when — attach the document's time expressions to the frames that govern them.

The time layer (:mod:`eventx._time`) finds and normalises every expression in
the text; here each DATE/TIME expression is placed in the parse (its head word
is the one whose governor lies outside the span) and given to the nearest frame
above it. Durations, sets and vague references ("now", "recently": PRESENT_REF,
PAST_REF, FUTURE_REF) are never an event's time, and neither are the bounds of a
range ("since 2003", "from 2009 to 2011") or a year that is part of a name
("Worldwide Developers Conference 2010"). An event with no time of its own shares
the time of the event it serves: a subjectless *-ing* adjunct ("crashed in June,
*killing* 228 people") and the event noun of a support verb ("*made* its maiden
*flight* on 11 December"). An event in the present with none gets the article's
dateline ("Boeing *says*…" under "March 01, 2008"). The tense of the
governing clause is handed back to the time layer so weekdays resolve the right
way ("met on Thursday" → the previous Thursday, "will meet on Thursday" → the next).
"""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node, Sentence
from eventx._stages._frames import Frame
from eventx._tables import load_table
from eventx._types import TimeExpression

__all__ = ["TenseOracle", "TimeIndex", "clause_tense"]

#: TIMEX3 types that can be an event's time.
ANCHORING_TYPES = frozenset({"DATE", "TIME"})
#: How many governors up a time expression may look for its frame.
MAX_CLIMB = 3

_TABLES = load_table("time_anchors.json")
BOUNDARY_PREPOSITIONS = frozenset(_TABLES["boundary_prepositions"])
RANGE_END_PREPOSITIONS = frozenset(_TABLES["range_end_prepositions"])
NAME_RELATIONS = frozenset(_TABLES["name_relations"])
SUPPORT_VERBS = frozenset(_TABLES["support_verbs"])
SEQUENCE_ADVERBS = frozenset(_TABLES["sequence_adverbs"])
DATELINE_SENTENCES: int = _TABLES["dateline_sentences"]
#: Words a dateline sentence may hold besides its date: "WASHINGTON, March 3, 2025 —".
DATELINE_EXTRA_UPOS = frozenset({"PUNCT", "PROPN", "SYM"})


def _head_of(nodes: list[Node]) -> Node:
    inside = {n.index for n in nodes}
    return next((n for n in nodes if n.head not in inside), nodes[0])


def _bounds_only(head: Node) -> bool:
    """The expression headed by ``head`` bounds an event rather than placing it in
    time: "suspended *since July 24, 2003*", "from 2009 *to 2011*", "between 2014
    *and 2016*" (``boundary_prepositions``, ``range_end_prepositions``)."""
    case = head.case_lemma()
    if case in BOUNDARY_PREPOSITIONS:
        return True
    governor = head.governor
    if governor is None:
        return False
    if head.deprel == "conj" and governor.case_lemma() in BOUNDARY_PREPOSITIONS:
        return True
    return case in RANGE_END_PREPOSITIONS and any(
        n is not head and n.case_lemma() in BOUNDARY_PREPOSITIONS for n in [governor, *governor.children])


def _in_name(head: Node, expr: TimeExpression) -> bool:
    """A bare year that is part of a name: "Worldwide Developers Conference *2010*"."""
    governor = head.governor
    return (expr.granularity == "year" and head.deprel in NAME_RELATIONS
            and governor is not None and governor.upos == "PROPN")


def clause_tense(node: Node) -> str | None:
    """``past``, ``present`` or ``future`` for the clause a word belongs to, if known."""
    climbed = 0
    while node.upos not in ("VERB", "AUX") and node.governor is not None and climbed < MAX_CLIMB:
        node, climbed = node.governor, climbed + 1
    chain = [node]
    while chain[-1].deprel == "xcomp" and chain[-1].governor is not None:
        chain.append(chain[-1].governor)  # "are expected to meet" reads its tense from "expected"
    for verb in chain:
        lemma = verb.lemma.lower()
        auxes = [a.lemma.lower() for a in verb.kids("aux")]
        if any(g.MODAL_AUXILIARIES.get(a) == "future" for a in auxes):
            return "future"
        if g.MODALITY_VERBS.get(lemma) == "future" and verb is not node:
            return "future"
    for verb in chain:
        auxes = verb.kids("aux", "aux:pass", "cop")
        if verb.feats.get("VerbForm") == "Part" and auxes:
            # a participle's own Tense=Past is no tense: "is held" is present, "was held"
            # past, and a perfect ("has won") places the event before the time of writing
            if any(a.lemma.lower() == "have" for a in auxes):
                return "past"
            tenses = [a.feats.get("Tense") for a in auxes]
        else:
            tenses = [verb.feats.get("Tense")] + [a.feats.get("Tense") for a in auxes]
        if "Past" in tenses:
            return "past"
        if "Pres" in tenses:
            return "present"
    return None


class TimeIndex:
    """The time expressions of one document, placed in its sentences."""

    def __init__(self, sentences: list[Sentence], times: list[TimeExpression]) -> None:
        self._sentences = sentences
        self._by_head: dict[tuple[int, int], TimeExpression] = {}
        self._words: set[tuple[int, int]] = set()
        self._dateline: tuple[int, TimeExpression] | None = None
        for sentence in sentences:
            for expr in times:
                if expr.end <= sentence.start or expr.start >= sentence.end:
                    continue
                nodes = [n for n in sentence if n.start < expr.end and n.end > expr.start]
                if not nodes:
                    continue
                self._words.update((sentence.index, n.index) for n in nodes)
                if self._dateline is None and _is_dateline(sentence, nodes, expr):
                    self._dateline = (sentence.index, expr)
                if expr.type in ANCHORING_TYPES and not expr.value.endswith("_REF"):
                    head = _head_of(nodes)
                    if not _bounds_only(head) and not _in_name(head, expr):
                        self._by_head.setdefault((sentence.index, head.index), expr)

    def is_time(self, node: Node) -> bool:
        """Whether ``node`` lies inside a time expression."""
        return (node.sentence.index, node.index) in self._words  # type: ignore[union-attr]

    def attach(self, frames: list[Frame]) -> dict[int, TimeExpression]:
        """Map ``id(frame)`` to the time expression it governs, nearest frame first."""
        host_of: dict[tuple[int, int], Frame] = {}
        for frame in frames:
            for host in frame.hosts:
                host_of.setdefault((frame.sentence.index, host.index), frame)
        found: dict[int, TimeExpression] = {}
        for (s_index, n_index), expr in self._by_head.items():
            frame = None
            node: Node | None = self._sentences[s_index].nodes[n_index]
            climbed = 0
            while node is not None and climbed <= MAX_CLIMB:
                governor = node.governor
                if governor is None:
                    break
                frame = host_of.get((s_index, governor.index))
                if frame is not None or governor.upos in ("VERB", "AUX"):
                    break  # a verb that is not an event (or "be") stops the climb
                node, climbed = governor, climbed + 1
            if frame is not None:
                found.setdefault(id(frame), expr)
        for frame in frames:  # events that share the time of the event they belong to
            if id(frame) in found:
                continue
            owner = _time_owner(frame)
            source = None if owner is None else host_of.get((frame.sentence.index, owner.index))
            if source is not None and id(source) in found:
                found[id(frame)] = found[id(source)]
        if self._dateline is not None:  # the present of a news article is its dateline
            line, dateline = self._dateline
            for frame in frames:
                if id(frame) not in found and frame.sentence.index > line and _present(frame):
                    found[id(frame)] = dateline
        return found


def _is_dateline(sentence: Sentence, nodes: list[Node], expr: TimeExpression) -> bool:
    """``expr`` is a day date that is its sentence, near the top: "March 01, 2008"."""
    if sentence.index >= DATELINE_SENTENCES or expr.type != "DATE" or expr.granularity != "day":
        return False
    inside = {n.index for n in nodes}
    return all(n.index in inside or n.upos in DATELINE_EXTRA_UPOS for n in sentence)


def _present(frame: Frame) -> bool:
    """The event is in the simple present ("Boeing *says*", "the store *sells*", "does
    not *sell*"), the present progressive ("*is stepping* down"), or a main clause in
    the present passive ("it *is expected*"): it holds
    at the time of writing (TimeML: the event overlaps the document time)."""
    verb = frame.verb
    if verb is None:
        return False
    auxes = [a for a in verb.children if a.deprel == "aux"]  # not aux:pass
    if verb.feats.get("VerbForm") == "Fin":
        return verb.feats.get("Tense") == "Pres" and not auxes
    if verb.feats.get("VerbForm") == "Inf":
        return len(auxes) == 1 and auxes[0].lemma.lower() == "do" and auxes[0].feats.get("Tense") == "Pres"
    if _ing_form(verb) and len(auxes) == 1 and auxes[0].lemma.lower() == "be" and auxes[0].feats.get("Tense") == "Pres":
        return True  # the present progressive: "is stepping down"
    passive = [a for a in verb.children if a.deprel in ("aux:pass", "cop")]
    # "is to be held" (an infinitive be) is a plan, not the present
    return (verb.deprel == "root" and not auxes and any(a.feats.get("Tense") == "Pres" for a in passive)
            and not any(a.feats.get("VerbForm") == "Inf" for a in passive))


def _ing_form(node: Node) -> bool:
    """An *-ing* form: a gerund or a present participle (UD English ``VerbForm``)."""
    form = node.feats.get("VerbForm")
    return form == "Ger" or (form == "Part" and node.feats.get("Tense") == "Pres")


def _time_owner(frame: Frame) -> Node | None:
    """The word whose event ``frame`` happens at the same time as, when it has no time
    of its own: the verb a subjectless *-ing* adjunct hangs on ("called for a re-run on
    June 18, *citing* flaws"; not one that comes "later"), or the support verb of an event noun ("*made* its
    maiden *flight* on 11 December")."""
    node = frame.verb or frame.anchor
    governor = node.governor
    if governor is None:
        return None
    if (frame.verb is not None and node.deprel == "advcl" and _ing_form(node)
            and not node.kids("mark", "nsubj", "nsubj:pass")
            and not any(a.lemma.lower() in SEQUENCE_ADVERBS for a in node.kids("advmod"))):
        return governor
    if frame.verb is None and node.deprel == "obj" and governor.lemma.lower() in SUPPORT_VERBS:
        return governor
    return None


class TenseOracle:
    """Tells the time layer the tense of the clause that governs a span of the text."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self._sentences = sentences

    def __call__(self, start: int, end: int) -> str | None:
        for sentence in self._sentences:
            if sentence.start <= start < sentence.end or sentence.start < end <= sentence.end:
                nodes = [n for n in sentence if n.start < end and n.end > start]
                if nodes:
                    inside = {n.index for n in nodes}
                    head = next((n for n in nodes if n.head not in inside), nodes[0])
                    return clause_tense(head)
        return None
