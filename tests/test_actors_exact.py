"""The actors across the document without repeated work: the same events as before, on gold parses."""

from __future__ import annotations

import attrs
import pytest
from conftest import conllu

import eventx
from eventx._actors import _resolution
from eventx._actors._coding import code_place
from eventx._documents import document_from_input
from eventx._graph import sentences_from_document
from eventx._types import Participant

_EXTRACTOR = eventx.Extractor()  # rules only: a gold parse needs no model

MACRON_MET_PUTIN_IN_PARIS = (
    "French/ADJ/2/amod President/PROPN/3/nmod:desc Emmanuel/PROPN/5/nsubj Macron/PROPN/3/flat "
    "met/meet/VERB/0/root/Tense=Past|VerbForm=Fin Putin/PROPN/5/obj in/ADP/8/case Paris/PROPN/5/obl "
    "and/CCONJ/10/cc praised/praise/VERB/5/conj/Tense=Past|VerbForm=Fin him/he/PRON/10/obj ./PUNCT/5/punct")
HE_VISITED_MOSCOW = ("He/he/PRON/2/nsubj/Number=Sing|PronType=Prs visited/visit/VERB/0/root/Tense=Past|VerbForm=Fin "
                     "Moscow/PROPN/2/obj ./PUNCT/2/punct")


def _resolve_with_evolve(events, sentences, text):
    """``resolve_actors`` as it was before the participants were filled once each (2026-12-03)."""
    resolved = {(p.start, p.end): p for p in _resolution.document_actors(sentences, text, events)}
    from collections import Counter

    mentioned = [c for c, _ in Counter(p.country for p in resolved.values() if p.country).most_common()]

    def fill(p):
        found = resolved.get((p.start, p.end))
        if found is None:
            return p
        return attrs.evolve(p, canonical=found.canonical, actor_id=found.actor_id, country=found.country,
                            sector=found.sector)

    def place(p):
        if p is None:
            return None
        filled = fill(p)
        code = code_place(filled.canonical or p.text, mentioned)
        return attrs.evolve(filled, country=code.country or filled.country, sector=None, latitude=code.latitude,
                            longitude=code.longitude, geonames_id=code.geonames_id)

    return [attrs.evolve(e, who=tuple(fill(p) for p in e.who), whom=tuple(fill(p) for p in e.whom),
                         where=place(e.where)) for e in events]


@pytest.mark.parametrize("sentences", [(MACRON_MET_PUTIN_IN_PARIS,), (MACRON_MET_PUTIN_IN_PARIS, HE_VISITED_MOSCOW)])
def test_resolve_actors_equals_the_evolve_version(sentences, monkeypatch):
    doc = document_from_input(conllu(*sentences))
    captured = []
    resolve = _resolution.resolve_actors
    monkeypatch.setattr("eventx._extractor.resolve_actors", lambda *a: captured.append(a) or resolve(*a))
    events = _EXTRACTOR.extract_document(doc)
    assert events and captured
    (raw, graph, text), = captured
    assert resolve(raw, graph, text) == _resolve_with_evolve(raw, graph, text) == events
    assert sentences_from_document(doc)  # the document parsed as given
    assert any(e.where is not None and e.where.geonames_id for e in events)  # a place coded, Paris or Moscow


def test_with_fields_is_evolve():
    assert _resolution.PARTICIPANT_FIELDS == tuple(a.name for a in attrs.fields(Participant))
    assert all(a.init and a.converter is None and a.validator is None and not a.kw_only and a.alias == a.name
               for a in attrs.fields(Participant))
    p = Participant(text="the Kremlin", start=3, end=14, head="Kremlin", kind="FAC", latitude=1.5)
    changes = {"canonical": "Kremlin", "actor_id": 2, "country": "RUS", "sector": "GOV"}
    assert _resolution._with_fields(p, **changes) == attrs.evolve(p, **changes)  # noqa: SLF001
