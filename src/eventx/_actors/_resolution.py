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

from collections import Counter
from collections.abc import Iterable

import attrs

from eventx._actors._coding import ActorCode, code_actor, code_place, is_country_word
from eventx._actors._mentions import OBJECT_RELS, SUBJECT_RELS, Mention, collect_mentions, initials, tokens
from eventx._graph import Sentence
from eventx._kinds import PERSON_TITLES
from eventx._types import Event, Participant

__all__ = ["document_actors", "resolve_actors"]

#: Kinds of places, which get gazetteer codes and no sector.
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
#: Titles a definite description may be headed by besides the person titles ("the French *leader*").
DESCRIPTION_TITLES = PERSON_TITLES | {"leader", "head", "premier"}
#: Generic titles, which fit any person of the government sector ("the *leader*").
GENERIC_TITLES = frozenset({"leader", "head"})


def _kinds_clash(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b and "PERSON" in (a, b)


def _same_name(m: Mention, other: Mention) -> bool:
    a, b = m.name_words, other.name_words
    if not a or not b or _kinds_clash(m.kind, other.kind):
        return False
    if a == b:
        return True
    if len(a) == 1 and a[0].isupper() and len(a[0]) > 1 and a[0] == initials(b) and len(b) > 1:
        return True  # "GM" ↔ "General Motors"
    if len(b) == 1 and b[0].isupper() and len(b[0]) > 1 and b[0] == initials(a) and len(a) > 1:
        return True
    kinds = {m.kind, other.kind}
    if a[-1] == b[-1] and kinds <= {"PERSON", None}:
        # one surname; first names, where both give one, agree ("Donald Trump" ≠ "Melania Trump")
        return len(a) == 1 or len(b) == 1 or a[-2] == b[-2]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    # "Ford" ↔ "Ford Motor Company"; no place or person is the start of a longer name ("Ukraine Crisis")
    return "ORG" in kinds and kinds <= {"ORG", None} and long_[:len(short)] == short


def _compatible(pronoun: Mention, candidate: Mention) -> bool:
    want = pronoun.agreement
    have = candidate.agreement
    if candidate.pronoun:
        return have == want
    if want == "person":
        return have in ("person", None)
    if want == "thing":
        return have in ("thing", None) and candidate.kind != "PERSON"
    return have == "plural" or (candidate.named and candidate.kind == "ORG")


def _candidates(pronoun: Mention, by_sentence: dict[int, list[Mention]]) -> Iterable[Mention]:
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


def _description_title(m: Mention) -> str | None:
    """The title heading a definite description ("the French *leader*"), if ``m`` is one."""
    words = tokens(m.text)
    if m.named or len(words) < 2 or words[0].lower() != "the" or m.agreement == "plural":
        return None
    title = words[-1].lower()
    middle = words[1:-1]
    if title in DESCRIPTION_TITLES and all(is_country_word(t) or t.islower() for t in middle):
        return title
    return None


def _title_actor(m: Mention, title: str, actors: list[list[Mention]]) -> int | None:
    country = code_actor(m.text).country
    fits = []
    for index, mentions in enumerate(actors):
        named = [x for x in mentions if x.named]
        if not named or any(x.agreement not in ("person", None) for x in named):
            continue
        fullest = _fullest(mentions)
        code = code_actor(fullest.name_text or fullest.text, fullest.kind)
        titled = any(title in (t.lower() for t in tokens(x.text)) for x in named)
        if not titled and not (title in GENERIC_TITLES and code.sector == "GOV"):
            continue
        if country is not None and code.country != country:
            continue
        fits.append(index)
    return fits[0] if len(fits) == 1 else None


def _name_keys(m: Mention) -> set[tuple[str, str]]:
    """Index keys under which a name's possible matches are filed (see :func:`_same_name`)."""
    words = m.name_words
    keys = {("word", words[-1]), ("word", words[0])}
    if len(words) > 1:
        keys.add(("initials", initials(words)))
    else:
        keys.add(("initials", words[0]))
    return keys


def _fullest(mentions: list[Mention]) -> Mention:
    named = [m for m in mentions if m.named] or [m for m in mentions if not m.pronoun] or mentions
    return max(named, key=lambda m: (len(m.name_words), len(m.name_text or m.text), -m.start))


def _appositions(mentions: list[Mention], text: str) -> dict[int, Mention]:
    """For each mention in apposition to an earlier one ("Keith Kellogg, *Trump's envoy*",
    "Senior fellow …, *Gould-Davies*"), keyed by ``id``, that earlier mention."""
    by_node = {id(m.node): m for m in mentions if m.node is not None and not m.pronoun}
    links: dict[int, Mention] = {}

    def link(a: Mention, b: Mention) -> None:
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
    subjects: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if m.node is not None and not m.pronoun and m.node.deprel in SUBJECT_RELS:
            subjects.setdefault((m.sentence, m.node.head), []).append(m)
    for group in subjects.values():
        for a, b in zip(group, group[1:]):
            if a.named != b.named and text[a.end:b.start].strip() == ",":
                link(a, b)
    return links


def _cluster(mentions: list[Mention], text: str) -> list[list[Mention]]:
    actors: list[list[Mention]] = []
    by_sentence: dict[int, list[Mention]] = {}
    by_name: dict[tuple[str, str], set[int]] = {}
    descriptions: dict[str, int] = {}
    appositions = _appositions(mentions, text)
    for m in mentions:
        actor = None
        if id(m) in appositions:
            actor = appositions[id(m)].actor
        elif m.pronoun:
            actor = next((c.actor for c in _candidates(m, by_sentence) if _compatible(m, c)), None)
        elif m.named:
            filed = set().union(*(by_name.get(key, ()) for key in _name_keys(m)))
            actor = next((c for c in sorted(filed, reverse=True)
                          if any(_same_name(m, other) for other in actors[c] if other.named)), None)
        else:
            title = _description_title(m)
            if title is not None:
                actor = _title_actor(m, title, actors)
            if actor is None:
                actor = descriptions.get(m.text.lower().removeprefix("the "))
        if actor is None:
            actor = len(actors)
            actors.append([])
            if not m.named and not m.pronoun:
                descriptions.setdefault(m.text.lower().removeprefix("the "), actor)
        m.actor = actor
        actors[actor].append(m)
        if m.named:
            for key in _name_keys(m):
                by_name.setdefault(key, set()).add(actor)
        by_sentence.setdefault(m.sentence, []).append(m)
    return actors


def _resolved(actors: list[list[Mention]]) -> dict[tuple[int, int], Participant]:
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
    actors = _cluster(collect_mentions(sentences, text, events), text)
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
    # events share participant objects (the subject of several verbs): each is filled once
    filled: dict[int, Participant] = {}
    placed: dict[int, Participant] = {}

    def fill(p: Participant) -> Participant:
        done = filled.get(id(p))
        if done is None:
            found = resolved.get((p.start, p.end))
            done = p if found is None else _with_fields(p, canonical=found.canonical, actor_id=found.actor_id,
                                                        country=found.country, sector=found.sector)
            filled[id(p)] = done
        return done

    def place(p: Participant | None) -> Participant | None:
        if p is None:
            return None
        done = placed.get(id(p))
        if done is None:
            with_actor = fill(p)
            code = code_place(with_actor.canonical or p.text, mentioned)
            done = placed[id(p)] = _with_fields(with_actor, country=code.country or with_actor.country, sector=None,
                                                latitude=code.latitude, longitude=code.longitude,
                                                geonames_id=code.geonames_id)
        return done

    return [attrs.evolve(e, who=tuple(map(fill, e.who)), whom=tuple(map(fill, e.whom)), where=place(e.where))
            for e in events]


#: The fields of :class:`Participant`, in the order of its ``__init__``'s arguments.
PARTICIPANT_FIELDS = tuple(a.name for a in attrs.fields(Participant))


def _with_fields(p: Participant, **changes: object) -> Participant:
    """``attrs.evolve(p, **changes)`` without its generic work per call (``Participant``
    has no converters, validators or private names)."""
    return Participant(*[changes[name] if name in changes else getattr(p, name) for name in PARTICIPANT_FIELDS])
