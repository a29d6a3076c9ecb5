"""The graph view computes once what the rules read often: the same values as computing them each time."""

from __future__ import annotations

import pytest
from stanza.utils.conll import CoNLL

from eventx import _graph
from conftest import conllu


@pytest.mark.parametrize("raw", ["Number=Sing", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin",
                                 "Foreign=Yes|Typo", "_", "", None])
def test_cached_feats_are_the_parsed_feats(raw):
    direct = {} if not raw or raw == "_" else dict(p.split("=", 1) for p in raw.split("|") if "=" in p)
    assert _graph._feats(raw) == direct
    assert _graph._feats(raw) == direct  # the cached copy, second time


def test_base_rel_is_the_universal_part():
    doc = CoNLL.conll2doc(reconstruct_text=True, input_str=conllu(
        "Russia/PROPN/2/nsubj said/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl:tmod ./PUNCT/2/punct"))
    nodes = _graph.sentences_from_document(doc)[0].nodes
    assert [(n.deprel, n.base_rel) for n in nodes] == [
        ("nsubj", "nsubj"), ("root", "root"), ("case", "case"), ("obl:tmod", "obl"), ("punct", "punct")]
    assert [n.feats for n in nodes] == [{}] * 5


@pytest.mark.parametrize(("rows", "index", "case"), [
    # the preposition is the nominal's own case dependent
    (["talks/NOUN/0/root with/ADP/3/case Iran/PROPN/1/nmod"], 2, "with"),
    # a multi-word preposition: its fixed words joined
    (["talks/NOUN/0/root because/ADP/4/case of/ADP/2/fixed war/NOUN/1/nmod"], 3, "because of"),
    # the parser hung the preposition on a modifier that opens the phrase
    (["met/VERB/0/root with/ADP/3/case US/PROPN/4/compound Trump/PROPN/1/obl"], 3, "with"),
    # no preposition at all
    (["met/VERB/0/root Trump/PROPN/1/obj"], 1, None),
])
def test_cached_case_lemma_is_the_computed_one(rows, index, case):
    doc = CoNLL.conll2doc(reconstruct_text=True, input_str=conllu(*rows))
    node = _graph.sentences_from_document(doc)[0].nodes[index]
    assert node._case_lemma() == case
    assert node.case_lemma() == case
    assert node.case_lemma() == case  # the cached answer, second time
