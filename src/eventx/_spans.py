"""Participant spans: from a role's head word to the full phrase an analyst wants.

"US President Donald Trump" rather than "Trump"; one participant per conjunct of
a coordination; the named apposition when the head is a common noun ("Trump's
envoy, Keith Kellogg" → "Keith Kellogg"); never the relative clause or the
apposition glued on.
"""

from __future__ import annotations

from eventx import _grammar as g
from eventx._graph import Node
from eventx._kinds import entity_kind
from eventx._types import Participant

__all__ = ["expand_conjuncts", "participant", "participants"]

#: Punctuation and coordinators trimmed from the edges of a span.
EDGE_TRIM_UPOS = frozenset({"PUNCT", "CCONJ"})


def expand_conjuncts(head: Node) -> list[Node]:
    """``head`` and the heads coordinated with it ("Rubio and Lavrov" → two)."""
    out, stack = [], [head]
    while stack:
        node = stack.pop(0)
        out.append(node)
        stack.extend(c for c in node.children if c.deprel == "conj" and c.upos in g.NOMINAL_UPOS)
    return out


def _named_apposition(head: Node) -> Node:
    if head.upos != "PROPN":
        for child in head.children:
            if child.deprel == "appos" and child.upos == "PROPN":
                return child
    return head


def _trailing_attachments(head: Node) -> set[int]:
    """Modifiers after a name that a parser glued to it but that belong to the clause
    ("Trump *ahead of the talks*", "Lavrov *in Riyadh*"); "of" phrases stay ("Bank of England")."""
    if head.upos != "PROPN":
        return set()
    return {c.index for c in head.children
            if c.base_rel in ("nmod", "obl", "advmod") and c.index > head.index and c.case_lemma() != "of"}


def participant(head: Node, text: str) -> Participant:
    """The participant whose syntactic head is ``head``; ``text`` is the document text."""
    head = _named_apposition(head)
    nodes = head.sentence.subtree(head, exclude=g.SPAN_EXCLUDED_RELS)  # type: ignore[union-attr]
    dropped = _trailing_attachments(head)
    if dropped:
        keep = {n.index for n in nodes} - {d.index for i in dropped
                                           for d in head.sentence.subtree(head.sentence.nodes[i])}  # type: ignore[union-attr]
        nodes = [n for n in nodes if n.index in keep]
    while len(nodes) > 1 and nodes[0].upos in EDGE_TRIM_UPOS:
        nodes = nodes[1:]
    while len(nodes) > 1 and nodes[-1].upos in EDGE_TRIM_UPOS:
        nodes = nodes[:-1]
    start, end = min(n.start for n in nodes), max(n.end for n in nodes)
    span_text = text[start:end]
    return Participant(text=span_text, start=start, end=end, head=text[head.start:head.end],
                       kind=entity_kind(head, nodes, span_text))


def participants(heads: list[Node], text: str) -> tuple[Participant, ...]:
    """Participants for role heads, conjuncts expanded, duplicates dropped, in text order."""
    seen: dict[tuple[int, int], Participant] = {}
    for head in heads:
        for conjunct in expand_conjuncts(head):
            p = participant(conjunct, text)
            seen.setdefault((p.start, p.end), p)
    return tuple(sorted(seen.values(), key=lambda p: p.start))
