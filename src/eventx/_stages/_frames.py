"""Stage 2: find the predicates of a sentence and the words that host their arguments.

A :class:`Frame` is one event candidate: its trigger words, its type from the
ontology, and its *hosts* — the words whose dependents carry its roles. A plain
verb hosts its own arguments; in a light-verb construction ("impose sanctions on
X") the verb hosts the subject and obliques while the noun gives the type; a
control verb that only adds modality ("are expected to meet") is absorbed into
the frame of its complement and hosts the subject it shares.
"""

from __future__ import annotations

import functools

import attrs

from eventx import _grammar as g
from eventx._graph import Node, Sentence
from eventx._ontology import Ontology, suffix_candidates

__all__ = ["Frame", "find_frames", "suffix_forms", "table_lemma"]

#: Function words of a trigger's own words that belong to a multi-word trigger's lemma.
TRIGGER_FUNCTION_RELS = ("case", "compound:prt")

#: Relations of function words that never head a predicate.
FUNCTION_RELS = frozenset({"aux", "aux:pass", "cop", "case", "mark", "det", "fixed", "flat", "compound:prt"})


@attrs.define(eq=False)
class Frame:
    """One event candidate in a sentence.

    Attributes:
        sentence: The sentence.
        anchor: The predicate word: the verb, or the eventive noun.
        trigger: The words of the trigger (one, or several for phrases and light verbs).
        lemma: The lemmas of the trigger's words, space-joined in text order.
        type: Ontology type or ``None``.
        verb: The verb that hosts subject/objects/obliques (the anchor itself for
            verbal frames, the light verb for "hold talks", ``None`` for a bare noun).
        absorbed: Control verbs folded into this frame ("expected" in "expected to meet").
        reporting: The frame is "according to" (its source is the governed noun).
    """

    sentence: Sentence
    anchor: Node
    trigger: list[Node]
    lemma: str
    type: str | None
    verb: Node | None
    absorbed: list[Node] = attrs.Factory(list)
    reporting: bool = False

    @property
    def nominal(self) -> bool:
        """The event is expressed by a noun."""
        return self.anchor.upos != "VERB"

    @property
    def hosts(self) -> list[Node]:
        """Every word whose dependents may carry this frame's roles, time or place."""
        out = [self.anchor]
        if self.verb is not None and self.verb is not self.anchor:
            out.append(self.verb)
        return out + self.absorbed


def _lemma(node: Node, ontology: Ontology, pos: str) -> str:
    """The node's lemma as the lexicon spells it (see :meth:`Ontology.known_lemma`)."""
    return ontology.known_lemma(node.lemma, node.text, pos, g.LEMMA_SUFFIX_RULES)


def _match_phrase(head: Node, ontology: Ontology, pos: str) -> tuple[list[Node], str, tuple[str, ...]] | None:
    """The longest multi-word entry headed by ``head`` whose other words are among its dependents."""
    for entry in ontology.phrases_for(_lemma(head, ontology, pos), pos):
        matched: list[Node] = []  # a matched preposition is recorded by the noun it marks
        pool = [c for c in head.children if c.base_rel != "punct"]
        for word in entry.words[1:]:
            found = next((c for c in pool if c.lemma.lower() == word or c.text.lower() == word), None)
            if found is None:
                # an oblique's preposition: "go on strike" matches on + strike, "call for" on "for"
                if any(c.case_lemma() == word for c in pool):
                    continue
                break
            matched.append(found)
        else:
            return matched, entry.type, entry.words
    return None


def eventive_noun(node: Node) -> bool:
    """An untyped noun that names an event ("the *development*", "the *order*"): a
    deverbal suffix or the eventive-noun table, minus the non-eventive exceptions."""
    lemma = node.lemma.lower()
    if lemma in g.NON_EVENTIVE_NOUNS or node.upos != "NOUN":
        return False
    return lemma in g.EVENTIVE_NOUNS or (len(lemma) > 5 and lemma.endswith(g.EVENTIVE_NOUN_SUFFIXES))


def _noun_type(node: Node, ontology: Ontology) -> str | None:
    return ontology.lookup(_lemma(node, ontology, "NOUN"), "NOUN")


@functools.lru_cache(maxsize=8192)
def suffix_forms(word: str) -> tuple[str, ...]:
    """The grammar's suffix-rule candidates of ``word``, in rule order (see
    :func:`eventx._ontology.suffix_candidates`), computed once per word: the rules
    read the same words again and again."""
    return tuple(suffix_candidates(word, g.LEMMA_SUFFIX_RULES))


def table_lemma(node: Node, table: frozenset[str] | dict[str, str]) -> str:
    """The node's lemma as a word table spells it: a form the lemmatizer did not know
    ("imposed" left as is) is tried with the suffix rules ("impose")."""
    lemma = node.lemma.lower()
    if lemma in table or lemma != node.text.lower():
        return lemma
    return next((c for c in suffix_forms(lemma) if c in table), lemma)


def _light_noun(verb: Node, ontology: Ontology) -> Node | None:
    """The eventive noun a light verb carries ("hold [talks]", "go on [strike]")."""
    lemma = table_lemma(verb, g.LIGHT_VERBS)
    if lemma not in g.LIGHT_VERBS:
        return None
    preps = g.LIGHT_VERB_PREPOSITIONS.get(lemma, frozenset())
    for child in verb.children:
        if child.upos != "NOUN":
            continue
        if child.deprel == "obj" or (child.base_rel == "obl" and child.case_lemma() in preps):
            if _noun_type(child, ontology):
                return child
    return None


def _is_absorbed(verb: Node, ontology: Ontology) -> bool:
    """A control verb that only contributes modality to its complement."""
    lemma = table_lemma(verb, g.MODALITY_VERBS)
    return (lemma in g.MODALITY_VERBS and ontology.lookup(lemma, "VERB") is None
            and any(c.deprel == "xcomp" and c.upos in ("VERB", "NOUN", "ADJ") for c in verb.children))


def _trigger_lemma(head: Node, words: list[Node], ontology: Ontology, head_lemma: str | None = None) -> str:
    """The lemmas of a trigger's own words ("took part" → "take part"): a verb first, then its words in text order.

    A lexicon entry may name words that are not part of the trigger ("speak with"
    matches the *with* of an oblique); those never leak into the lemma, so events
    group by what the text says ("spoke with" → "speak").
    """
    pos = "NOUN" if head.upos == "NOUN" else "VERB"
    head_lemma = head_lemma or _lemma(head, ontology, pos)
    first, last = min(n.index for n in words), max(n.index for n in words)
    # a trigger word's own preposition or particle inside the span is part of it ("went *on* strike")
    inner = [c for n in words for c in n.kids(*TRIGGER_FUNCTION_RELS) if first < c.index < last]
    rest = sorted({*words, *inner} - {head}, key=lambda n: n.index)
    if pos == "NOUN":  # a noun phrase reads in text order ("war games" → "war game")
        return " ".join(head_lemma if n is head else n.lemma.lower() for n in sorted([head, *rest], key=lambda n: n.index))
    # a verb leads its phrase as a dictionary spells it, also when passive ("talks were held" → "hold talk")
    return " ".join([head_lemma, *(n.lemma.lower() for n in rest)])


def _span_lemma(nodes: list[Node]) -> str:
    return " ".join(n.lemma.lower() for n in sorted(nodes, key=lambda n: n.index))


def find_frames(sentence: Sentence, ontology: Ontology) -> list[Frame]:
    """Every event candidate of ``sentence``, in word order."""
    frames: list[Frame] = []
    consumed: set[int] = set()
    absorbed: dict[int, Node] = {}  # index of the complement → the control verb above it
    for node in sentence:
        if node.upos in ("VERB", "ADJ") and _is_absorbed(node, ontology):
            complement = next(c for c in node.children if c.deprel == "xcomp")
            absorbed[complement.index] = node
    absorbing = {id(verb) for verb in absorbed.values()}  # the control verbs, each asked once above
    for node in sentence:
        if node.deprel in FUNCTION_RELS or node.index in consumed:
            if node.deprel == "case" and node.lemma.lower() == "accord":
                frames.append(_according_to(sentence, node))
            continue
        if node.upos == "VERB":
            if id(node) in absorbing or node.lemma.lower() in g.NON_EVENT_VERBS and not _light_noun(node, ontology):
                continue
            frame = _verb_frame(sentence, node, ontology, consumed)
        elif node.upos == "NOUN" and (phrase := _match_phrase(node, ontology, "NOUN")):
            # a phrase entry counts even when its head alone is no trigger ("war games")
            words = [node, *phrase[0]]
            frame = Frame(sentence, node, words, _trigger_lemma(node, words, ontology), phrase[1], verb=None)
        elif node.upos == "NOUN" and ((noun_type := _noun_type(node, ontology)) or eventive_noun(node)):
            frame = Frame(sentence, node, [node], _lemma(node, ontology, "NOUN"), noun_type, verb=None)
        else:
            continue
        frame.absorbed = _absorbing_chain(frame.anchor if frame.verb is None else frame.verb, absorbed)
        frames.append(frame)
    return sorted(frames, key=lambda f: f.anchor.index)


def _verb_frame(sentence: Sentence, verb: Node, ontology: Ontology, consumed: set[int]) -> Frame:
    phrase = _match_phrase(verb, ontology, "VERB")
    if phrase:
        words = [verb, *phrase[0]]
        consumed.update(n.index for n in phrase[0])
        return Frame(sentence, verb, words, _trigger_lemma(verb, words, ontology), phrase[1], verb=verb)
    noun = _light_noun(verb, ontology)
    if noun is not None:
        consumed.add(noun.index)
        words = [verb, noun]
        return Frame(sentence, noun, words, _trigger_lemma(verb, words, ontology, table_lemma(verb, g.LIGHT_VERBS)),
                     _noun_type(noun, ontology), verb=verb)
    lemma = _lemma(verb, ontology, "VERB")
    return Frame(sentence, verb, [verb], lemma, ontology.lookup(lemma, "VERB"), verb=verb)


def _absorbing_chain(node: Node, absorbed: dict[int, Node]) -> list[Node]:
    chain = []
    while node.index in absorbed:
        node = absorbed[node.index]
        chain.append(node)
    return chain


def _according_to(sentence: Sentence, case: Node) -> Frame:
    """ "according to X": a reporting event whose source is X (the governor of *according*)."""
    words = [case, *[c for c in case.children if c.deprel == "fixed"]]
    return Frame(sentence, case, words, _span_lemma(words), None, verb=None, reporting=True)
