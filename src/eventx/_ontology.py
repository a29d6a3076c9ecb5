"""Event-type ontologies: a trigger lexicon mapping lemmas to event types.

The default is PLOVER (``eventx/data/plover.json``). Another ontology is a JSON
file of the same shape, passed as ``Extractor(ontology=path)``::

    {"name": "...",
     "types": {"TYPE": {"quad": "QUAD or null", "definition": "...", "example": "..."}},
     "triggers": [{"lemma": "meet", "pos": "VERB", "type": "TYPE"},
                  {"lemma": "take part", "pos": "VERB", "type": "TYPE"}]}

A multi-word trigger's first word is the syntactic head's lemma; the others are
lemmas of its dependents (a particle, an object, or an oblique with its preposition).
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from eventx._exceptions import OntologyError

__all__ = ["Ontology", "TriggerEntry", "load_ontology"]

#: Parts of speech a trigger may have.
TRIGGER_POS = frozenset({"VERB", "NOUN"})


def suffix_candidates(word: str, suffix_rules: Sequence[tuple[str, str]]) -> Iterator[str]:
    """Possible lemmas of an inflected form by the suffix rules, in rule order
    ("imposed" → "impos", "impose", …; doubled consonants undone: "shelled" → "shell")."""
    for suffix, replacement in suffix_rules:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            stem = word[: -len(suffix)]
            yield stem + replacement
            if stem[-1:] == stem[-2:-1]:
                yield stem[:-1]


@attrs.frozen
class TriggerEntry:
    """One lexicon entry: ``words[0]`` is the head lemma, the rest its dependents' lemmas."""

    words: tuple[str, ...]
    pos: str
    type: str


@attrs.frozen
class Ontology:
    """A loaded ontology: event types with their quads, and the trigger lexicon."""

    name: str
    quads: dict[str, str | None]
    single: dict[tuple[str, str], str]
    phrases: dict[tuple[str, str], tuple[TriggerEntry, ...]]
    intent_modalities: frozenset[str] = frozenset()
    intent_types: dict[str, str] = attrs.Factory(dict)
    intent_types_by_type: dict[str, str] = attrs.Factory(dict)
    negated_types: dict[str, str] = attrs.Factory(dict)
    reported_types: dict[str, str] = attrs.Factory(dict)
    unless_type: str | None = None
    halted_types: dict[str, str] = attrs.Factory(dict)
    joint_types: dict[str, str] = attrs.Factory(dict)
    readiness_types: dict[str, str] = attrs.Factory(dict)
    peacekeeping_types: dict[str, str] = attrs.Factory(dict)
    #: known_lemma's answers, by (lemma, text, pos): news repeats its words
    _lemma_cache: dict[tuple[str, str, str], str] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def reported_type(self, modality: str) -> str | None:
        """The type of a reporting event whose reported clause has ``modality``
        ("said Sudan *must* return…" → DEMAND), if the ontology codes one."""
        return self.reported_types.get(modality)

    def coded_type(self, event_type: str | None, modality: str, negated: bool, *, unless: bool = False,
                   halted: bool = False, joint: bool = False, ready: bool = False,
                   peacekeeping: bool = False) -> str | None:
        """The type an event is coded as, given its modality: with an ``intent`` section
        (PLOVER has one) a future or intended event is coded as the commitment or threat
        it is ("will provide aid", "will meet" → AGREE, "will attack" → THREATEN; by
        type before quad: "will withdraw" → CONCEDE), and any
        future or intended event on an *unless* condition (``unless``) as a threat. An
        event a verb stops (``halted``: "*suspended* aid") is first coded by
        ``halted_types`` (PLOVER: SANCTION), and a joint one ("*joint* exercises",
        two coordinated actors) by ``joint_types`` (PLOVER: COOPERATE), and one an actor is
        prepared for (``ready``: "*prepared* to resume shelling") by ``readiness_types``
        (PLOVER: MOBILIZE) unless negated; a deployment of a peacekeeping or relief force
        (``peacekeeping``) is coded by ``peacekeeping_types`` (PLOVER: AID) before its modality."""
        if event_type is None:
            return None
        if halted:
            event_type = self.halted_types.get(event_type, event_type)
        if joint:
            event_type = self.joint_types.get(event_type, event_type)
        if peacekeeping:
            event_type = self.peacekeeping_types.get(event_type, event_type)
        if negated:
            return self.negated_types.get(event_type, event_type)
        if ready and event_type in self.readiness_types:
            return self.readiness_types[event_type]
        if modality not in self.intent_modalities:
            return event_type
        if unless and self.unless_type:
            return self.unless_type
        if event_type in self.intent_types_by_type:  # a type's own rule wins over its quad's
            return self.intent_types_by_type[event_type]
        return self.intent_types.get(self.quad(event_type) or "", event_type)

    def quad(self, event_type: str | None) -> str | None:
        """The quad category of ``event_type`` (``None`` for ``None``)."""
        return None if event_type is None else self.quads.get(event_type)

    def lookup(self, lemma: str, pos: str) -> str | None:
        """The type of a single-word trigger, or ``None``."""
        return self.single.get((lemma.lower(), pos))

    def phrases_for(self, head_lemma: str, pos: str) -> tuple[TriggerEntry, ...]:
        """Multi-word entries headed by ``head_lemma``, longest first."""
        return self.phrases.get((head_lemma.lower(), pos), ())

    def knows(self, lemma: str, pos: str) -> bool:
        """Whether ``lemma`` is a trigger or heads a multi-word trigger."""
        key = (lemma, pos)
        return key in self.single or key in self.phrases

    def known_lemma(self, lemma: str, text: str, pos: str, suffix_rules: Sequence[tuple[str, str]]) -> str:
        """The lexicon's form of a word: its lemma when known; for a word the lemmatizer
        left unchanged (unseen in training), the first suffix-rule candidate the lexicon
        knows ("rioted" → "riot"); else the lemma. Answers are cached per word (the
        suffix rules are the grammar's one table)."""
        key = (lemma, text, pos)
        if key not in self._lemma_cache:
            self._lemma_cache[key] = self._known_lemma(lemma.lower(), text.lower(), pos, suffix_rules)
        return self._lemma_cache[key]

    def _known_lemma(self, lemma: str, text: str, pos: str, suffix_rules: Sequence[tuple[str, str]]) -> str:
        if self.knows(lemma, pos) or self.knows(text, pos):
            return lemma if self.knows(lemma, pos) else text
        if lemma != text:  # the lemmatizer knew the word ("refugees" → "refugee"): trust it
            return lemma
        return next((c for c in suffix_candidates(text, suffix_rules) if self.knows(c, pos)), lemma)


def _type_map(intent: dict[str, Any], name: str) -> dict[str, str]:
    """An ``intent`` section mapping a type to the type it is coded as; keys starting
    with ``_`` (``_source``, ``_comment``) cite the resource and are skipped."""
    return {str(k): str(v) for k, v in (intent.get(name) or {}).items() if not str(k).startswith("_")}


def _parse(data: Any, origin: str) -> Ontology:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict) or not isinstance(data.get("triggers"), list):
        raise OntologyError(f"{origin}: an ontology is a JSON object with 'types' (object) and 'triggers' (list)")
    quads = {}
    for name, spec in data["types"].items():
        quads[str(name)] = spec.get("quad") if isinstance(spec, dict) else None
    single: dict[tuple[str, str], str] = {}
    phrases: dict[tuple[str, str], list[TriggerEntry]] = defaultdict(list)
    for i, entry in enumerate(data["triggers"]):
        try:
            words = tuple(str(entry["lemma"]).lower().split())
            pos, event_type = str(entry.get("pos", "VERB")).upper(), str(entry["type"])
        except (KeyError, TypeError) as exc:
            raise OntologyError(f"{origin}: trigger #{i} needs 'lemma' and 'type': {entry!r}") from exc
        if not words or pos not in TRIGGER_POS:
            raise OntologyError(f"{origin}: trigger #{i} has an empty lemma or a pos other than VERB/NOUN: {entry!r}")
        if event_type not in quads:
            raise OntologyError(f"{origin}: trigger #{i} ({' '.join(words)}) has unknown type {event_type!r}")
        if len(words) == 1:
            single[(words[0], pos)] = event_type
        else:
            phrases[(words[0], pos)].append(TriggerEntry(words, pos, event_type))
    ordered = {key: tuple(sorted(v, key=lambda e: -len(e.words))) for key, v in phrases.items()}
    intent = data.get("intent") or {}
    intent_types = {str(k): str(v) for k, v in (intent.get("types_by_quad") or {}).items()}
    intent_types_by_type = {str(k): str(v) for k, v in (intent.get("types_by_type") or {}).items()
                            if not str(k).startswith("_")}
    negated_types = {str(k): str(v) for k, v in (intent.get("negated_types") or {}).items()}
    reported_types = {str(k): str(v) for k, v in (intent.get("reported_types_by_modality") or {}).items()}
    unless_type = intent.get("unless_type")
    unless_type = None if unless_type is None else str(unless_type)
    halted_types, joint_types, readiness_types, peacekeeping_types = (
        _type_map(intent, name) for name in ("halted_types", "joint_types", "readiness_types", "peacekeeping_types"))
    unknown = {*intent_types.values(), *intent_types_by_type, *intent_types_by_type.values(), *negated_types, *negated_types.values(), *reported_types.values(),
               *halted_types, *halted_types.values(), *joint_types, *joint_types.values(),
               *readiness_types, *readiness_types.values(), *peacekeeping_types, *peacekeeping_types.values(),
               *([unless_type] if unless_type else [])} - set(quads)
    if unknown:
        raise OntologyError(f"{origin}: intent maps to unknown types {sorted(unknown)}")
    return Ontology(name=str(data.get("name", origin)), quads=quads, single=single, phrases=ordered,
                    intent_modalities=frozenset(intent.get("modalities") or ()), intent_types=intent_types,
                    intent_types_by_type=intent_types_by_type,
                    negated_types=negated_types, reported_types=reported_types, unless_type=unless_type,
                    halted_types=halted_types, joint_types=joint_types, readiness_types=readiness_types,
                    peacekeeping_types=peacekeeping_types)


def load_ontology(source: str | os.PathLike[str] | dict[str, Any] | None = None) -> Ontology:
    """Load an ontology from a JSON file path, an already-parsed dict, or the PLOVER default.

    Raises:
        OntologyError: The file is missing, not JSON, or malformed.
        TypeError: ``source`` is of another type.
    """
    if source is None:
        text = (resources.files("eventx") / "data" / "plover.json").read_text(encoding="utf-8")
        return _parse(json.loads(text), "plover.json")
    if isinstance(source, dict):
        return _parse(source, "<dict>")
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"ontology must be a path, a dict or None, got {type(source).__name__}")
    path = Path(source)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise OntologyError(f"ontology file not found: {path}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise OntologyError(f"ontology file {path} is not valid JSON: {exc}") from exc
    return _parse(data, str(path))
