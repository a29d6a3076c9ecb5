"""Participant spans: from a role's head word to the full phrase an analyst wants.

"US President Donald Trump" rather than "Trump"; one participant per conjunct of
a coordination; the named apposition when the head is a common noun ("Trump's
envoy, Keith Kellogg" → "Keith Kellogg"); never the relative clause or the
apposition glued on.
"""

from __future__ import annotations

from collections.abc import Callable

from eventx import _grammar as g
from eventx._graph import Node, no_time
from eventx._kinds import entity_kind
from eventx._types import Participant

__all__ = ["expand_conjuncts", "participant", "participants"]

#: Marks that join two parties' names into one compound ("US-Russia", "Israeli–Palestinian").
HYPHENS = frozenset({"-", "–", "—", "/"})

#: Possessive clitics (UD ``case``) a tokenizer may leave on the possessor's word.
POSSESSIVE_CLITICS = ("'s", "’s", "'", "’")

#: Punctuation and coordinators trimmed from the edges of a span.
EDGE_TRIM_UPOS = frozenset({"PUNCT", "CCONJ"})


def is_misread_verb(verb: Node) -> bool:
    """A past-tense verb a tagger took for a participle modifying the noun after it, in a
    sentence whose root became a noun: "Israeli tanks *shelled* positions…", "Red Cross
    officials *suspended* aid deliveries…". A modifier after a determiner or adjective
    ("the *planned* summit") or in a sentence with a verb before it is not one."""
    sentence = verb.sentence
    if verb.upos != "VERB" or verb.deprel != "amod" or sentence is None:
        return False
    root = next((n for n in sentence.nodes if n.deprel == "root"), None)
    before = [n for n in sentence.nodes if n.index < verb.index]
    return (root is not None and root.upos in ("NOUN", "PROPN") and root.index < verb.index
            and not any(n.upos in ("VERB", "AUX") for n in before) and before[-1].upos in ("NOUN", "PROPN", "NUM"))


def is_conjunct(node: Node) -> bool:
    """A coordinated nominal: ``conj``, or a dependent that opens with a coordinator and
    has no preposition, which a parser attached under another relation ("Secretary …
    Rubio *and … Lavrov*" with *Lavrov* as ``nmod``)."""
    if node.upos not in g.NOMINAL_UPOS:
        return False
    if node.deprel == "conj":
        # not the object of a verb misread as its modifier ("tanks *shelled* positions")
        return not any(is_misread_verb(c) for c in node.children)
    if node.deprel == "compound" and node.upos == "PROPN" and any(
            c.base_rel == "punct" and c.text in HYPHENS and c.index > node.index for c in node.children):
        return True  # "US-Russia talks": two parties joined by a hyphen
    return (node.base_rel in ("nmod", "appos", "compound") and node.case_lemma() is None
            and any(c.deprel == "cc" and c.index < node.index for c in node.children))


def name_parts(head: Node) -> list[Node]:
    """``head`` and the words of its name a parser hung below it without a preposition
    ("Secretary of State *Marco* Rubio" with *Marco* as a caseless ``nmod``)."""
    out, stack = [head], [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.upos == "PROPN" and (child.deprel in ("flat", "compound") or (
                    child.base_rel == "nmod" and child.deprel != "nmod:poss" and child.case_lemma() is None)):
                out.append(child)
                stack.append(child)
    return out


def _conjuncts_of(head: Node) -> list[Node]:
    """The heads coordinated with ``head``, also those hung on a word of its name."""
    return [c for part in name_parts(head) for c in part.children if is_conjunct(c)]


def expand_conjuncts(head: Node) -> list[Node]:
    """``head`` and the heads coordinated with it ("Rubio and Lavrov" → two)."""
    out, stack = [], [head]
    while stack:
        node = stack.pop(0)
        out.append(node)
        stack.extend(_conjuncts_of(node))
    return out


def _named_apposition(head: Node) -> Node:
    if head.upos != "PROPN":
        for child in head.children:
            if child.deprel == "appos" and child.upos == "PROPN":
                return child
    return head


def _trailing_attachments(head: Node) -> set[int]:
    """Modifiers after a name that a parser glued to it but that belong to the clause
    ("Trump *ahead of the talks*", "Lavrov *in Riyadh*"). *of* phrases stay ("Bank of
    England"), and so do names inside names ("Institute *for Strategic Studies*",
    "Secretary of State Marco *Rubio*"). A common noun keeps its modifiers: "settlements
    *in the Gaza Strip*" is one phrase."""
    if head.upos != "PROPN":
        return set()
    dropped = {child.index for child in head.children
               if child.base_rel in ("nmod", "obl", "advmod") and child.index > head.index
               and child.case_lemma() != "of" and child.upos != "PROPN"}
    # an *of* phrase that completes a dropped adverb goes with it ("*ahead* of the talks")
    dropped |= {child.index for child in head.children
                if child.base_rel == "nmod" and child.case_lemma() == "of"
                and any(c.deprel == "case" and c.index - 1 in dropped for c in child.children)}
    return dropped


def _possessor_end(node: Node, text: str) -> int:
    """Where ``node`` ends without a possessive clitic a tokenizer left on it ("*Putin*'s
    decision", "*Russia*’s invasion" as one word): UD splits the clitic off as the
    possessor's ``case`` dependent, no part of its span. Only a word that is a possessor or
    a compound ends so; elsewhere "'s" is part of a name ("McDonald's" as a subject)."""
    word = text[node.start:node.end]
    if node.deprel not in ("nmod:poss", "compound") or node.upos not in ("PROPN", "NOUN"):
        return node.end
    clitic = next((c for c in POSSESSIVE_CLITICS if word.endswith(c) and len(word) > len(c) + 1), None)
    if clitic is None or (clitic in ("'", "’") and not word[:-1].endswith("s")):
        return node.end
    return node.end - len(clitic)


def participant(head: Node, text: str, is_time: Callable[[Node], bool] = no_time) -> Participant:
    """The participant whose syntactic head is ``head``; ``text`` is the document text.

    Words of time expressions a parser attached to the phrase ("officials *today*")
    are left out.
    """
    head = _named_apposition(head)
    nodes = head.sentence.subtree(head, exclude=g.SPAN_EXCLUDED_RELS)  # type: ignore[union-attr]
    # conjuncts are participants of their own; a verb misread as a modifier, and the object
    # it was hung on, belong to the clause
    misread = [c for c in head.children if is_misread_verb(c) or any(is_misread_verb(x) for x in c.children)]
    apart = {d.index for c in [*_conjuncts_of(head), *misread]
             for d in head.sentence.subtree(c)}  # type: ignore[union-attr]
    nodes = [n for n in nodes if n.index not in apart]
    # a time modifier anywhere in the phrase ("leaders of the new government *on Tuesday*")
    timed_heads = [c for c in head.children if is_time(c)] + [
        n for n in nodes if n is not head and is_time(n) and n.base_rel in ("nmod", "obl", "advmod")]
    timed = {d.index for c in timed_heads for d in head.sentence.subtree(c)}  # type: ignore[union-attr]
    nodes = [n for n in nodes if n.index not in timed]
    dropped = _trailing_attachments(head)
    if dropped:
        keep = {n.index for n in nodes} - {d.index for i in dropped
                                           for d in head.sentence.subtree(head.sentence.nodes[i])}  # type: ignore[union-attr]
        nodes = [n for n in nodes if n.index in keep]
    while len(nodes) > 1 and (nodes[0].upos in EDGE_TRIM_UPOS or nodes[0].deprel == "case"):
        nodes = nodes[1:]
    while len(nodes) > 1 and nodes[-1].upos in EDGE_TRIM_UPOS:
        nodes = nodes[:-1]
    start, end = min(n.start for n in nodes), _possessor_end(nodes[-1], text)
    span_text = text[start:end]
    # a flat name ("Donald Trump") is headed by its first word in UD; the surname is
    # what readers call its head
    flat = [c for c in head.children if c.deprel == "flat" and c.index > head.index]
    word = flat[-1] if flat else head
    return Participant(text=span_text, start=start, end=end, head=text[word.start:_possessor_end(word, text)],
                       kind=entity_kind(head, nodes, span_text))


def _merge_adjacent(found: list[Participant], text: str) -> list[Participant]:
    """Join capitalised participants separated by nothing but spaces: a name a parser
    split in two ("North" + "Korea" as two subjects) is one participant."""
    merged: list[Participant] = []
    for p in found:
        last = merged[-1] if merged else None
        if (last is not None and last.end <= p.start and not text[last.end:p.start].strip()
                and last.text[:1].isupper() and p.text[:1].isupper()):
            merged[-1] = Participant(text=text[last.start:p.end], start=last.start, end=p.end, head=p.head,
                                     kind=p.kind or last.kind)
        else:
            merged.append(p)
    return merged


def participants(heads: list[Node], text: str, is_time: Callable[[Node], bool] = no_time) -> tuple[Participant, ...]:
    """Participants for role heads, conjuncts expanded, time words and duplicates dropped, in text order."""
    seen: dict[tuple[int, int], Participant] = {}
    for head in heads:
        for conjunct in expand_conjuncts(head):
            if is_time(conjunct):
                continue
            p = participant(conjunct, text, is_time)
            seen.setdefault((p.start, p.end), p)
    return tuple(_merge_adjacent(sorted(seen.values(), key=lambda p: p.start), text))
