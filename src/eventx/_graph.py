"""A light, read-only view of a stanza sentence as a dependency graph.

stanza's ``Word`` objects are rich but slow to query repeatedly (feats are
strings, children are not indexed). The extraction stages only need labels,
lemmas, offsets and children, so each sentence is converted once into
:class:`Node` objects with their children indexed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from eventx import _grammar as g
from eventx._ontology import suffix_candidates

__all__ = ["Node", "Sentence", "no_time", "sentences_from_document", "word_lemma"]


#: Not computed yet (a cached value may be ``None``).
_UNKNOWN = object()

#: Each relation's universal part (``obl`` for ``obl:tmod``), by relation: a few dozen
#: relations, split once each.
_BASE_RELS: dict[str, str] = {}


class Node:
    """One syntactic word of a sentence, with its children indexed.

    ``start``/``end`` are character offsets into the document text; words of a
    multi-word token ("Russia's" → Russia + 's) have their own where stanza aligns them
    with the token's text, else share the token's.
    """

    __slots__ = ("index", "text", "lemma", "upos", "xpos", "feats", "deprel", "base_rel", "head",
                 "start", "end", "children", "ner", "sentence", "_case")

    def __init__(self, index: int, text: str, lemma: str, upos: str, xpos: str, feats: dict[str, str],
                 deprel: str, head: int, start: int, end: int, ner: str | None) -> None:
        self.index = index  # 0-based position in the sentence
        self.text = text
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.deprel = deprel
        #: The universal part of the relation (``obl`` for ``obl:tmod``); read on every rule
        #: step, so computed once here.
        base = _BASE_RELS.get(deprel)
        if base is None:
            base = deprel.split(":", 1)[0]
            if len(_BASE_RELS) < 1024:  # a CoNLL-U input may bring any labels: bounded
                _BASE_RELS[deprel] = base
        self.base_rel = base
        self.head = head  # 0-based index of the governor, -1 for the root
        self.start = start
        self.end = end
        self.ner = ner
        #: Its dependents in sentence order; a tuple (the leaves, about two words in three,
        #: share the empty one), set once by :class:`Sentence`.
        self.children: tuple[Node, ...] = ()
        self.sentence: Sentence | None = None
        self._case: Any = _UNKNOWN  # case_lemma(), computed on first use

    @property
    def governor(self) -> Node | None:
        """The head of this word, or ``None`` for the root."""
        return None if self.head < 0 else self.sentence.nodes[self.head]  # type: ignore[union-attr]

    def kids(self, *deprels: str) -> list[Node]:
        """Children whose relation (full, or universal part) is one of ``deprels``."""
        return [c for c in self.children if c.deprel in deprels or c.base_rel in deprels]

    def case_lemma(self) -> str | None:
        """The lemma of this nominal's preposition (``case``), multi-word ones joined.

        A preposition a parser hung on a modifier instead of the head ("*with* US
        President Trump" with *with* under *US*) still counts when it opens the phrase.
        Computed once per word (the rules ask it of the same words many times; the
        graph does not change once built).
        """
        if self._case is _UNKNOWN:
            self._case = self._case_lemma()
        return self._case  # type: ignore[no-any-return]

    def _case_lemma(self) -> str | None:
        case = next((c for c in self.children if c.deprel == "case"), None)
        if case is None:
            first = self._leftmost()
            if first is not self and first.deprel == "case" and first.index < self.index:
                case = first
        if case is None:
            return None
        fixed = [f.lemma for f in case.children if f.deprel == "fixed"]
        return " ".join([case.lemma, *fixed]).lower()

    def _leftmost(self) -> Node:
        node = self
        while node.children and node.children[0].index < node.index:
            node = min(node.children, key=lambda c: c.index)
        return node

    def __repr__(self) -> str:
        return f"Node({self.index}:{self.text}/{self.upos}/{self.deprel}->{self.head})"


class Sentence:
    """The nodes of one sentence and its position in the document."""

    __slots__ = ("index", "nodes", "start", "end")

    def __init__(self, index: int, nodes: list[Node]) -> None:
        self.index = index
        self.nodes = nodes
        dependents: dict[int, list[Node]] = {}
        for node in nodes:
            node.sentence = self
            if node.head >= 0:
                found = dependents.get(node.head)
                if found is None:
                    dependents[node.head] = [node]
                else:
                    found.append(node)
        for head, found in dependents.items():
            nodes[head].children = tuple(found)
        self.start = min((n.start for n in nodes), default=0)
        self.end = max((n.end for n in nodes), default=0)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes)

    def subtree(self, node: Node, exclude: Iterable[str] = ()) -> list[Node]:
        """``node`` and its descendants, skipping top-level children whose relation is excluded."""
        excluded = set(exclude)
        out = [node]
        stack = [c for c in node.children if c.deprel not in excluded and c.base_rel not in excluded]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(current.children)
        return sorted(out, key=lambda n: n.index)


def no_time(node: Node) -> bool:
    """The default ``is_time`` of the rule stages: no word is part of a time expression."""
    return False


#: Parsed feature strings: a document repeats a few hundred of them thousands of times.
#: The dicts are shared between nodes, so nodes never change their ``feats``.
_FEATS_CACHE: dict[str, dict[str, str]] = {}
_FEATS_CACHE_MAX = 4096


def _feats(raw: str | None) -> dict[str, str]:
    if not raw or raw == "_":
        return {}
    feats = _FEATS_CACHE.get(raw)
    if feats is None:
        feats = dict(part.split("=", 1) for part in raw.split("|") if "=" in part)
        if len(_FEATS_CACHE) < _FEATS_CACHE_MAX:
            _FEATS_CACHE[raw] = feats
    return feats


#: What stanza's tokenizer puts in place of a token longer than its ``max_seqlen`` (a long
#: URL or hashtag); the token keeps its real offsets.
TOO_LONG_TOKEN = "<UNK>"


def _real_text(token: Any, text: str | None) -> str | None:
    """The document text of a token stanza replaced with ``<UNK>``, else ``None``."""
    if token.text != TOO_LONG_TOKEN or text is None or token.start_char is None or len(token.words) != 1:
        return None
    real = text[token.start_char:token.end_char]
    return real if real and real != TOO_LONG_TOKEN else None


def _word_offset(word: Any, which: str, token: Any) -> int:
    """A word's own offset where stanza gives one inside its token ("Russia's" → *Russia*
    0-6 and *'s* 6-8: UD's ``case`` clitic is no part of the possessor's span), else the
    token's (a contraction stanza could not align keeps the whole token)."""
    own, start, end = getattr(word, which, None), token.start_char, token.end_char
    if own is None or start is None or end is None or not start <= own <= end:
        return getattr(token, which)
    return own


def _first_known(form: str, rules: tuple[tuple[str, str], ...], known: Callable[[str], bool]) -> str | None:
    """The first suffix-rule candidate of ``form`` that ``known`` accepts, or None; None too
    for a form that is a known lemma itself ("set", "read", "bid")."""
    if known(form):
        return None
    return next((c for c in suffix_candidates(form, rules) if known(c)), None)


@functools.lru_cache(maxsize=16384)
def _verb_lemma(form: str) -> str | None:
    """The lemma of an inflected verb form the lemmatizer left as it is ("barred" → "bar"):
    the first suffix-rule candidate PropBank knows as a verb, or None (see grammar.json
    ``inflected_verb_tags``)."""
    return _first_known(form, g.LEMMA_SUFFIX_RULES, g.PROPBANK_VERBS.__contains__)


@functools.lru_cache(maxsize=16384)
def _noun_lemma(form: str) -> str | None:
    """The singular of a plural noun the lemmatizer left as it is ("deliveries" →
    "delivery", "glitches" → "glitch"): the first plural-rule candidate that PropBank
    knows as a noun or that the eventive-noun table lists, or None (see grammar.json
    ``inflected_noun_tags``)."""
    return _first_known(form, g.PLURAL_SUFFIX_RULES, _known_noun)


def _known_noun(word: str) -> bool:
    """A noun lemma the role tables know: a PropBank noun alias or an eventive noun."""
    return word in g.NOUN_ROLESETS or word in g.EVENTIVE_NOUNS


def word_lemma(text: str, lemma: str | None, upos: str, xpos: str) -> str:
    """The word's lemma: the lemmatizer's, or for an inflected verb or plural noun it
    returned unchanged (the bundled lemmatizer is a dictionary: "sells", "barred",
    "deliveries" stay as they are), the lemma the suffix rules and PropBank's verbs or
    nouns give."""
    if not lemma:
        return text
    if lemma.lower() == text.lower():
        if upos == "VERB" and xpos in g.INFLECTED_VERB_TAGS:
            return _verb_lemma(text.lower()) or lemma
        if upos == "NOUN" and xpos in g.INFLECTED_NOUN_TAGS:
            return _noun_lemma(text.lower()) or lemma
    return lemma


def sentences_from_document(doc: Any) -> list[Sentence]:
    """Convert a parsed stanza ``Document`` (with character offsets) into sentences.

    A token stanza printed as ``<UNK>`` because it was too long gets its text (and
    lemma) back from the document text, so rules and lemmas see the real word.
    """
    sentences = []
    text = getattr(doc, "text", None)
    for s_index, sent in enumerate(doc.sentences):
        nodes: list[Node] = []
        for token in sent.tokens:
            ner = getattr(token, "ner", None)
            real = _real_text(token, text) if token.text == TOO_LONG_TOKEN else None
            start, end = token.start_char, token.end_char
            words = token.words
            several = len(words) > 1  # a multi-word token: each word keeps its own offsets
            for word in words:
                # each stanza attribute is a property: read once
                form, upos, xpos = word.text, word.upos or "X", word.xpos or ""
                nodes.append(Node(
                    len(nodes), real or form, real or word_lemma(form, word.lemma, upos, xpos), upos,
                    xpos, _feats(word.feats), word.deprel or "dep", (word.head or 0) - 1,
                    _word_offset(word, "start_char", token) if several else start,
                    _word_offset(word, "end_char", token) if several else end, ner,
                ))
        sentences.append(Sentence(s_index, nodes))
    return sentences
