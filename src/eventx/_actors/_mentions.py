"""Actor mentions of a document: the names, pronouns and event participants that
:mod:`._actors` puts into one cluster per actor.

A name's words come from the parse where it is sound (the ``PROPN`` head, its
``flat``/``compound`` parts and the words qualifying it: "*UK Prime Minister*
Keir Starmer"), else from the run of capitalised words of the phrase. A title
before the name makes the mention a person, whatever the entity tagger said.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs

from eventx._actors._coding import is_country_word
from eventx._graph import Node, Sentence
from eventx._kinds import PERSON_TITLES
from eventx._spans import name_parts, participant
from eventx._time._lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from eventx._types import Event, Participant

__all__ = ["NON_PERSON_KINDS", "OBJECT_RELS", "PRONOUN_AGREEMENT", "SUBJECT_RELS", "Mention", "collect_mentions",
           "initials", "tokens"]

#: Personal pronouns resolved, with the agreement they ask of their antecedent.
PRONOUN_AGREEMENT = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "person"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "plural"),
}
#: First- and second-person pronouns: a speaker or addressee, never an antecedent.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
#: Month and weekday names, capitalised like names but naming times.
TIME_NAMES = frozenset(m for m in MONTHS if m not in MONTH_ABBREVIATIONS and m != "May") | frozenset(
    d for d in WEEKDAYS if not d.endswith("."))  # not "May" (Theresa May), not "Mar", "Sun."
#: Lower-case words inside an organisation's name, which do not end a title ("Doctors *without* Borders").
NAME_INNER_WORDS = frozenset({"and", "in", "on", "at", "to", "without", "against", "du", "la", "le", "y"})
#: Relations of a clause's subject.
SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass", "nsubj:outer"})
#: Relations of an object pronoun, which cannot corefer with its own clause's subject.
OBJECT_RELS = frozenset({"obj", "iobj"})
#: Relations joining the words of one name ("Donald *Trump*", "*Volodymyr* Zelensky").
NAME_RELS = frozenset({"flat", "flat:name", "compound", "fixed", "goeswith"})
#: Relations of the words before a name that belong to its canonical form ("*Russian* President").
NAME_QUALIFIER_RELS = frozenset({"amod", "compound", "det", "flat", "nmod:poss", "nmod:desc"})
#: Kinds that are no person.
NON_PERSON_KINDS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
#: Lower-case words that may sit inside a name ("Secretary *of* State", "Bank *of* England").
NAME_JOINERS = frozenset({"of", "the", "for", "de", "al", "bin", "van", "von", "der"})

_POSSESSIVE = re.compile(r"\s*['’]s?$")


@attrs.define
class Mention:
    """One mention of an actor; ``actor`` is its cluster's index once clustered (mutable
    for that reason: mentions live only inside one resolution)."""

    start: int
    end: int
    text: str
    kind: str | None
    sentence: int
    node: Node | None
    agreement: str | None  # "person", "thing", "plural" or None (a name of unknown kind)
    pronoun: bool = False
    named: bool = False
    name_words: tuple[str, ...] = ()
    name_text: str = ""
    actor: int = -1

    @property
    def subject(self) -> bool:
        return self.node is not None and self.node.deprel in SUBJECT_RELS

    @property
    def root_subject(self) -> bool:
        return self.subject and self.node is not None and self.node.governor is not None \
            and self.node.governor.deprel == "root"


def tokens(text: str) -> list[str]:
    """The words of ``text``, edge punctuation and possessive ``'s`` stripped."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    # a mention's words are asked for again by each title and description of the document
    return tuple(_POSSESSIVE.sub("", t.strip(",.;:()\"“”‘’")) for t in text.split())


def _name_run(text: str) -> list[str]:
    """The last run of capitalised words of ``text`` (lower-case joiners inside it kept), without "The"."""
    run: list[str] = []
    for token in tokens(text):
        if token[:1].isupper():
            run.append(token)
        elif token.lower() not in NAME_JOINERS or not run:
            run = []
    while run and run[0] in ("The", "A", "An"):
        run = run[1:]
    return run


def _name_nodes(node: Node) -> list[Node]:
    """The words of the name ``node`` heads, in order, and the words before them that
    qualify it ("*UK Prime Minister* Keir Starmer", "*the* Kremlin")."""
    parts = name_parts(node)
    found = {n.index: n for n in parts}
    stack = list(parts)
    while stack:  # qualifiers and their own qualifiers ("*French* President" above "Emmanuel")
        for child in stack.pop().children:
            if (child.index < node.index and child.index not in found and child.deprel in NAME_QUALIFIER_RELS
                    and child.upos in ("ADJ", "PROPN", "NOUN", "DET")):
                found[child.index] = child
                stack.append(child)
    return sorted(found.values(), key=lambda n: n.index)


def _split_title(words: list[str], kind: str | None) -> tuple[tuple[str, ...], bool]:
    """(the name words after the last title, country word or lower-case noun, whether a
    title or noun was there: "UK Prime Minister *Keir Starmer*", "Apple executive *Steve
    Jobs*"); an organisation's or place's name is kept whole ("General Motors")."""
    words = [w for w in words if w.lower() not in NAME_JOINERS and w.lower() not in NAME_INNER_WORDS]
    first = 1 if kind == "ORG" else 0  # an organisation may open with a title word ("General Motors")
    titled = any(w.lower() in PERSON_TITLES or w.islower() for w in words[first:-1])
    if kind in NON_PERSON_KINDS and not titled:
        return tuple(w for w in words if w[:1].isupper()), False
    for i in range(len(words) - 1, first - 1, -1):
        if words[i].lower() in PERSON_TITLES or words[i].islower() or is_country_word(words[i]):
            return tuple(words[i + 1:]), titled
    return tuple(w for w in words if w[:1].isupper()), titled


def initials(words: Iterable[str]) -> str:
    """The initials of the capitalised words ("General Motors" → "GM")."""
    return "".join(w[0] for w in words if w[:1].isupper())


def _agreement(kind: str | None, node: Node | None, named: bool) -> str | None:
    plural = node is not None and node.feats.get("Number") == "Plur"
    if plural:
        return "plural"
    if kind == "PERSON":
        return "person"
    if kind in NON_PERSON_KINDS or not named:
        return "thing"
    return None


def _is_name_head(node: Node) -> bool:
    """``node`` heads a name of its own, not a word inside a longer one."""
    if node.upos != "PROPN" or node.text in TIME_NAMES:  # "*August* 24" names no actor
        return False
    governor = node.governor
    if governor is None or governor.upos != "PROPN":
        return True
    if node.deprel in NAME_RELS or node.base_rel in NAME_RELS:
        return False
    # "Secretary of *State*", "Secretary of State Marco *Rubio*" (a caseless nmod): inside the name
    return not (node.base_rel == "nmod" and node.deprel != "nmod:poss")


def collect_mentions(sentences: list[Sentence], text: str, events: Iterable[Event]) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for sentence in sentences:
        for node in sentence:
            if node.upos == "PROPN" and _is_name_head(node):  # the cheap test first: most words are no name
                p = participant(node, text)
                if (p.start, p.end) not in found:  # the first mention of a span stays
                    found[(p.start, p.end)] = _mention(p, sentence.index, node, text)
            elif node.upos == "PRON" and node.text.lower() in PRONOUN_AGREEMENT and node.base_rel != "expl":
                if (node.start, node.end) not in found:
                    found[(node.start, node.end)] = Mention(
                        start=node.start, end=node.end, text=node.text, kind=None, sentence=sentence.index,
                        node=node, agreement=PRONOUN_AGREEMENT[node.text.lower()], pronoun=True)
    for event in events:
        for p in (*event.who, *event.whom, *([event.where] if event.where else [])):
            if (p.start, p.end) not in found:
                sentence = sentences[event.sentence] if event.sentence < len(sentences) else None
                node = None if sentence is None else _span_head(sentence, p)
                found[(p.start, p.end)] = _mention(p, event.sentence, node, text)
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def _span_head(sentence: Sentence, p: Participant) -> Node | None:
    """The word of ``p``'s span whose governor is outside it (its head word, if that is one)."""
    inside = [n for n in sentence if p.start <= n.start and n.end <= p.end]
    heads = [n for n in inside if n.governor is None or not p.start <= n.governor.start < p.end]
    return next((n for n in heads if n.text == p.head), heads[0] if heads else None)


def _mention(p: Participant, sentence: int, node: Node | None, text: str) -> Mention:
    lower = p.text.lower()
    if lower in PRONOUN_AGREEMENT or lower in SPEAKER_PRONOUNS:  # "I", "we": the speaker, no antecedent
        return Mention(start=p.start, end=p.end, text=p.text, kind=None, sentence=sentence, node=node,
                        agreement=PRONOUN_AGREEMENT.get(lower, "speaker"), pronoun=True)
    if p.text in TIME_NAMES:
        return Mention(start=p.start, end=p.end, text=p.text, kind=None, sentence=sentence, node=node,
                       agreement="time")
    kind, name_text, names, titled = p.kind, p.text, (), False
    if p.head[:1].isupper() and (node is None or node.upos == "PROPN"):
        nodes = [] if node is None else [n for n in _name_nodes(node) if p.start <= n.start and n.end <= p.end]
        words = [_POSSESSIVE.sub("", n.text) for n in nodes if n.upos != "DET"]
        names, titled = _split_title(words, kind)
        if nodes and names:
            name_text = text[nodes[0].start:nodes[-1].end]
        else:  # a name the parser broke up ("Russian President" read as a conjunct): its words
            words = _name_run(p.text)
            names, titled = _split_title(words, kind)
        if names and not titled:  # a title the parser hung elsewhere, still before the name
            words_of_text = tokens(p.text)
            last = words_of_text.index(names[-1]) if names[-1] in words_of_text else 0
            titled = any(t.lower() in PERSON_TITLES for t in words_of_text[(1 if kind == "ORG" else 0):last])
            if titled:
                names, _ = _split_title(words, "PERSON")
    if titled and names:
        kind = "PERSON"  # a title before the name decides, whatever a tagger said ("Russian President … Putin")
    named = bool(names)  # a bare title ("President") names no one
    return Mention(start=p.start, end=p.end, text=p.text, kind=kind, sentence=sentence, node=node,
                    agreement=_agreement(kind, node, named), named=named, name_words=names,
                    name_text=_POSSESSIVE.sub("", name_text) if named else p.text)
