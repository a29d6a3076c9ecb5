"""Actors across a document: who "He", "Zelensky" and "the president" are.

A stage after the events are built, reading the parse and the events and
returning new events (data flows one way). Every mention of an actor — each
event participant, each name in the parse (a ``PROPN`` phrase), each personal
pronoun — is put in a cluster, one per actor, in text order:

* a **name** joins the latest actor with the same name: equal last name words
  with no clash of first names ("Zelensky" ↔ "Ukrainian President Volodymyr
  Zelensky"), one name the start of the other ("Ford" ↔ "Ford Motor Company"),
  or an acronym of the other ("GM" ↔ "General Motors");
* a **pronoun** (he, she, it, they and their object and possessive forms) joins
  the first compatible earlier mention (he/she: a person; it: a singular
  non-person; they: a plural or an organisation), searched sentence by sentence
  back from the pronoun — the subjects of a sentence before its other mentions,
  the nearest first in the pronoun's own sentence, in reading order before it;
  an object pronoun skips its own clause's subject ("Obama praised *him*");
* a **description with a title** ("the president", "the French leader") joins
  the one earlier person whose mentions carry the title (and country), and
  stays its own actor when several or none do; other descriptions ("the
  company") join an earlier identical one.

Each actor's ``canonical`` is its fullest name (most name words, then longest);
``actor_id`` numbers the actors of the document from 0 in order of first
mention — places included, as PLOVER's location is an entity too. ``country`` and
``sector`` come from the mention's own words, else from the canonical name's,
else from the actor's other names (:mod:`._coding`); ``where`` participants get
their gazetteer entry (country, coordinates, GeoNames id).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import attrs

from eventx._coding import ActorCode, code_actor, code_place, is_country_word
from eventx._graph import Node, Sentence
from eventx._kinds import PERSON_TITLES
from eventx._spans import name_parts, participant
from eventx._types import Event, Participant

__all__ = ["document_actors", "resolve_actors"]

#: Personal pronouns resolved, with the agreement they ask of their antecedent.
PRONOUN_AGREEMENT = {
    **dict.fromkeys(("he", "him", "his", "himself", "she", "her", "hers", "herself"), "person"),
    **dict.fromkeys(("it", "its", "itself"), "thing"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "plural"),
}
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
#: Kinds of places, which get gazetteer codes and no sector.
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
#: Titles a definite description may be headed by besides the person titles ("the French *leader*").
DESCRIPTION_TITLES = PERSON_TITLES | {"leader", "head", "premier"}
#: Generic titles, which fit any person of the government sector ("the *leader*").
GENERIC_TITLES = frozenset({"leader", "head"})
#: Lower-case words that may sit inside a name ("Secretary *of* State", "Bank *of* England").
NAME_JOINERS = frozenset({"of", "the", "for", "de", "al", "bin", "van", "von", "der"})

_POSSESSIVE = re.compile(r"\s*['’]s?$")


@attrs.define
class _Mention:
    """One mention of an actor; ``actor`` is its cluster's index once clustered."""

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


def _tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", t.strip(",.;:()\"“”‘’")) for t in text.split()]


def _name_run(text: str) -> list[str]:
    """The last run of capitalised words of ``text`` (lower-case joiners inside it kept), without "The"."""
    run: list[str] = []
    for token in _tokens(text):
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
    """(the name words after the last title or country word, whether a title was there);
    an organisation's or place's name is kept whole ("General Motors")."""
    words = [w for w in words if w[:1].isupper()]
    first = 1 if kind == "ORG" else 0  # an organisation may open with a title word ("General Motors")
    titled = any(w.lower() in PERSON_TITLES for w in words[first:-1])
    if kind in NON_PERSON_KINDS and not titled:
        return tuple(words), False
    for i in range(len(words) - 1, first - 1, -1):
        if words[i].lower() in PERSON_TITLES or is_country_word(words[i]):
            return tuple(words[i + 1:]), titled
    return tuple(words), titled


def _initials(words: Iterable[str]) -> str:
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
    if node.upos != "PROPN":
        return False
    governor = node.governor
    if governor is None or governor.upos != "PROPN":
        return True
    if node.deprel in NAME_RELS or node.base_rel in NAME_RELS:
        return False
    # "Secretary of *State*", "Secretary of State Marco *Rubio*" (a caseless nmod): inside the name
    return not (node.base_rel == "nmod" and node.deprel != "nmod:poss")


def _collect(sentences: list[Sentence], text: str, events: Iterable[Event]) -> list[_Mention]:
    found: dict[tuple[int, int], _Mention] = {}
    for sentence in sentences:
        for node in sentence:
            if _is_name_head(node):
                p = participant(node, text)
                found.setdefault((p.start, p.end), _mention(p, sentence.index, node, text))
            elif node.upos == "PRON" and node.text.lower() in PRONOUN_AGREEMENT and node.base_rel != "expl":
                found.setdefault((node.start, node.end), _Mention(
                    start=node.start, end=node.end, text=node.text, kind=None, sentence=sentence.index, node=node,
                    agreement=PRONOUN_AGREEMENT[node.text.lower()], pronoun=True))
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


def _mention(p: Participant, sentence: int, node: Node | None, text: str) -> _Mention:
    lower = p.text.lower()
    if lower in PRONOUN_AGREEMENT:
        return _Mention(start=p.start, end=p.end, text=p.text, kind=None, sentence=sentence, node=node,
                        agreement=PRONOUN_AGREEMENT[lower], pronoun=True)
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
            tokens = _tokens(p.text)
            last = tokens.index(names[-1]) if names[-1] in tokens else 0
            titled = any(t.lower() in PERSON_TITLES for t in tokens[(1 if kind == "ORG" else 0):last])
            if titled:
                names, _ = _split_title(words, "PERSON")
    if titled and names:
        kind = "PERSON"  # a title before the name decides, whatever a tagger said ("Russian President … Putin")
    named = bool(names)  # a bare title ("President") names no one
    return _Mention(start=p.start, end=p.end, text=p.text, kind=kind, sentence=sentence, node=node,
                    agreement=_agreement(kind, node, named), named=named, name_words=names,
                    name_text=_POSSESSIVE.sub("", name_text) if named else p.text)


def _kinds_clash(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b and "PERSON" in (a, b)


def _same_name(m: _Mention, other: _Mention) -> bool:
    a, b = m.name_words, other.name_words
    if not a or not b or _kinds_clash(m.kind, other.kind):
        return False
    if a == b:
        return True
    if len(a) == 1 and a[0].isupper() and len(a[0]) > 1 and a[0] == _initials(b) and len(b) > 1:
        return True  # "GM" ↔ "General Motors"
    if len(b) == 1 and b[0].isupper() and len(b[0]) > 1 and b[0] == _initials(a) and len(a) > 1:
        return True
    kinds = {m.kind, other.kind}
    if a[-1] == b[-1] and kinds <= {"PERSON", None}:
        # one surname; first names, where both give one, agree ("Donald Trump" ≠ "Melania Trump")
        return len(a) == 1 or len(b) == 1 or a[-2] == b[-2]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    # "Ford" ↔ "Ford Motor Company"; no place or person is the start of a longer name ("Ukraine Crisis")
    return "ORG" in kinds and kinds <= {"ORG", None} and long_[:len(short)] == short


def _compatible(pronoun: _Mention, candidate: _Mention) -> bool:
    want = pronoun.agreement
    have = candidate.agreement
    if candidate.pronoun:
        return have == want
    if want == "person":
        return have in ("person", None)
    if want == "thing":
        return have in ("thing", None) and candidate.kind != "PERSON"
    return have == "plural" or (candidate.named and candidate.kind == "ORG")


def _candidates(pronoun: _Mention, by_sentence: dict[int, list[_Mention]]) -> Iterable[_Mention]:
    """Earlier mentions in the order a reader looks for the antecedent: the pronoun's own
    sentence (subjects, then others, nearest first), then each earlier sentence (its
    main subject, its other subjects, the rest, in reading order)."""
    own = [m for m in by_sentence.get(pronoun.sentence, []) if m.end <= pronoun.start and m.actor >= 0]
    own.reverse()
    # an object pronoun is never its own clause's subject ("Obama praised *him*"), wherever that actor is named
    excluded = {m.actor for m in own if pronoun.node is not None and pronoun.node.deprel in OBJECT_RELS
                and m.subject and m.node is not None and m.node.head == pronoun.node.head}
    yield from (m for m in own if m.subject and m.actor not in excluded)
    yield from (m for m in own if not m.subject and m.actor not in excluded)
    for index in range(pronoun.sentence - 1, -1, -1):
        mentions = [m for m in by_sentence.get(index, []) if m.actor >= 0 and m.actor not in excluded]
        yield from (m for m in mentions if m.root_subject)
        yield from (m for m in mentions if m.subject and not m.root_subject)
        yield from (m for m in mentions if not m.subject)


def _description_title(m: _Mention) -> str | None:
    """The title heading a definite description ("the French *leader*"), if ``m`` is one."""
    tokens = _tokens(m.text)
    if m.named or len(tokens) < 2 or tokens[0].lower() != "the" or m.agreement == "plural":
        return None
    title = tokens[-1].lower()
    middle = tokens[1:-1]
    if title in DESCRIPTION_TITLES and all(is_country_word(t) or t.islower() for t in middle):
        return title
    return None


def _title_actor(m: _Mention, title: str, actors: list[list[_Mention]], codes: list[ActorCode]) -> int | None:
    country = code_actor(m.text).country
    fits = []
    for index, mentions in enumerate(actors):
        named = [x for x in mentions if x.named]
        if not named or any(x.agreement not in ("person", None) for x in named):
            continue
        titled = any(title in (t.lower() for t in _tokens(x.text)) for x in named)
        if not titled and not (title in GENERIC_TITLES and codes[index].sector == "GOV"):
            continue
        if country is not None and codes[index].country != country:
            continue
        fits.append(index)
    return fits[0] if len(fits) == 1 else None


def _fullest(mentions: list[_Mention]) -> _Mention:
    named = [m for m in mentions if m.named] or [m for m in mentions if not m.pronoun] or mentions
    return max(named, key=lambda m: (len(m.name_words), len(m.name_text or m.text), -m.start))


def _appositions(mentions: list[_Mention], text: str) -> dict[int, _Mention]:
    """For each mention in apposition to an earlier one ("Keith Kellogg, *Trump's envoy*",
    "Senior fellow …, *Gould-Davies*"), keyed by ``id``, that earlier mention."""
    by_node = {id(m.node): m for m in mentions if m.node is not None and not m.pronoun}
    links: dict[int, _Mention] = {}

    def link(a: _Mention, b: _Mention) -> None:
        first, second = (a, b) if (a.start, a.end) < (b.start, b.end) else (b, a)
        links.setdefault(id(second), first)

    for m in mentions:
        if m.node is None or m.pronoun or m.node.governor is None:
            continue
        if m.node.deprel == "appos":
            other = by_node.get(id(m.node.governor))
            if other is not None and other is not m:
                link(other, m)
    # two subjects of one verb with only a comma between, one a name and one a description:
    # an apposition the parser split ("Senior fellow …, Gould-Davies expressed …")
    subjects: dict[tuple[int, int], list[_Mention]] = {}
    for m in mentions:
        if m.node is not None and not m.pronoun and m.node.deprel in SUBJECT_RELS:
            subjects.setdefault((m.sentence, m.node.head), []).append(m)
    for group in subjects.values():
        for a, b in zip(group, group[1:]):
            if a.named != b.named and text[a.end:b.start].strip() == ",":
                link(a, b)
    return links


def _cluster(mentions: list[_Mention], text: str) -> list[list[_Mention]]:
    actors: list[list[_Mention]] = []
    codes: list[ActorCode] = []
    by_sentence: dict[int, list[_Mention]] = {}
    descriptions: dict[str, int] = {}
    appositions = _appositions(mentions, text)
    for m in mentions:
        actor = None
        if id(m) in appositions:
            actor = appositions[id(m)].actor
        elif m.pronoun:
            actor = next((c.actor for c in _candidates(m, by_sentence) if _compatible(m, c)), None)
        elif m.named:
            actor = next((c for c in range(len(actors) - 1, -1, -1)
                          if any(_same_name(m, other) for other in actors[c] if other.named)), None)
        else:
            title = _description_title(m)
            if title is not None:
                actor = _title_actor(m, title, actors, codes)
            if actor is None:
                actor = descriptions.get(m.text.lower().removeprefix("the "))
        if actor is None:
            actor = len(actors)
            actors.append([])
            codes.append(ActorCode())
            if not m.named and not m.pronoun:
                descriptions.setdefault(m.text.lower().removeprefix("the "), actor)
        m.actor = actor
        actors[actor].append(m)
        if m.named or not m.pronoun:
            canonical = _fullest(actors[actor])
            codes[actor] = code_actor(canonical.name_text or canonical.text, canonical.kind)
        by_sentence.setdefault(m.sentence, []).append(m)
    return actors


def _resolved(actors: list[list[_Mention]]) -> dict[tuple[int, int], Participant]:
    """Every mention as a :class:`Participant` carrying its actor's fields."""
    out: dict[tuple[int, int], Participant] = {}
    canon_codes: list[tuple[str, ActorCode, list[ActorCode]]] = []
    for mentions in actors:
        fullest = _fullest(mentions)
        named_codes = [code_actor(m.text, m.kind) for m in mentions if m.named]
        canonical = fullest.name_text or fullest.text
        canon_codes.append((canonical, code_actor(canonical, fullest.kind), named_codes))
    for actor_id, mentions in enumerate(actors):
        canonical, canon_code, named_codes = canon_codes[actor_id]
        for m in mentions:
            own = ActorCode() if m.pronoun else code_actor(m.text, m.kind)
            chain = [own, canon_code, *named_codes]
            country = next((c.country for c in chain if c.country), None)
            sector = next((c.sector for c in chain if c.sector), None)
            kind = m.kind or next((x.kind for x in mentions if x.kind), None)
            if kind in PLACE_KINDS:
                sector = None
            out[(m.start, m.end)] = Participant(
                text=m.text, start=m.start, end=m.end, head=m.text if m.node is None else m.node.text, kind=kind,
                canonical=canonical,
                actor_id=actor_id, country=country, sector=sector)
    return out


def document_actors(sentences: list[Sentence], text: str, events: Iterable[Event] = ()) -> list[Participant]:
    """Every actor mention of a document — names, pronouns and the participants of
    ``events`` — with ``canonical``, ``actor_id``, ``country`` and ``sector`` set, in text order."""
    actors = _cluster(_collect(sentences, text, events), text)
    return sorted(_resolved(actors).values(), key=lambda p: (p.start, p.end))


def resolve_actors(events: list[Event], sentences: list[Sentence], text: str) -> list[Event]:
    """``events`` with every participant's actor fields filled in across the document.

    ``where`` participants also get their place's country, coordinates and GeoNames
    id (:func:`._coding.code_place`), a name several cities share going to one in a
    country the document mentions.
    """
    if not events:
        return events
    resolved = {(p.start, p.end): p for p in document_actors(sentences, text, events)}
    mentioned = [c for c, _ in Counter(p.country for p in resolved.values() if p.country).most_common()]

    def fill(p: Participant) -> Participant:
        found = resolved.get((p.start, p.end))
        if found is None:
            return p
        return attrs.evolve(p, canonical=found.canonical, actor_id=found.actor_id, country=found.country,
                            sector=found.sector)

    def place(p: Participant | None) -> Participant | None:
        if p is None:
            return None
        filled = fill(p)
        code = code_place(filled.canonical or p.text, mentioned)
        return attrs.evolve(filled, country=code.country or filled.country, sector=None, latitude=code.latitude,
                            longitude=code.longitude, geonames_id=code.geonames_id)

    return [attrs.evolve(e, who=tuple(fill(p) for p in e.who), whom=tuple(fill(p) for p in e.whom),
                         where=place(e.where)) for e in events]
