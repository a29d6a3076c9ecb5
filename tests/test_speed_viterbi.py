"""The entity tagger's batched Viterbi decode (:mod:`eventx._parse._viterbi`) gives stanza's
paths: on random score tables here, and on the seed article's entity tags with the real model."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("stanza")

from eventx._parse import _speedups, _viterbi

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
NER_TRAINER = importlib.import_module("stanza.models.ner.trainer")
viterbi_decode = importlib.import_module("stanza.models.common.crf").viterbi_decode


def test_the_guard_holds_for_this_stanza():
    assert _viterbi.predict_guard() is None
    assert _viterbi.self_check()


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("ties", [False, True])
def test_paths_are_stanzas_sentence_by_sentence(seed, ties):
    rng = np.random.default_rng(seed)
    count, tags = int(rng.integers(1, 9)), int(rng.integers(1, 12))
    lengths = [int(n) for n in rng.integers(1, 30, size=count)]
    lengths[0] = 1  # a one-word sentence in every batch
    shape = (count, max(lengths), tags)
    if ties:
        scores = rng.integers(-2, 1, size=shape).astype(np.float32)
        transitions = rng.integers(-1, 1, size=(tags, tags)).astype(np.float32)
    else:
        scores = rng.normal(size=shape).astype(np.float32)
        transitions = rng.normal(size=(tags, tags)).astype(np.float32)
    scores[:, max(lengths) - 1:] = np.nan if seed % 2 else 1e9  # what lies in the padding never matters
    scores[np.arange(count), np.array(lengths) - 1] = rng.normal(size=(count, tags)).astype(np.float32)
    expected = [[int(x) for x in viterbi_decode(scores[i, :n], transitions)[0]] for i, n in enumerate(lengths)]
    assert _viterbi.batch_paths(scores, transitions, lengths) == expected


def test_the_self_check_catches_a_wrong_decode(monkeypatch):
    right = _viterbi.batch_paths

    def from_the_padded_end(scores, transitions, lengths):  # reads the padding
        return [path[-n:] for path, n in zip(right(scores, transitions, [scores.shape[1]] * len(lengths)), lengths)]

    monkeypatch.setattr(_viterbi, "batch_paths", from_the_padded_end)
    assert not _viterbi.self_check()


@pytest.mark.model
def test_seed_article_entity_tags_are_stanzas(extractor):
    text = SEED.read_text(encoding="utf-8")

    def tags():
        return [[t.ner for t in doc.iter_tokens()] for doc in extractor._parse([text, "Hi.", "Airbus met Boeing."])]

    assert "entity_tags" in _speedups.install()
    stanzas, patched = _speedups._installed["entity_tags"]
    with_patch = tags()
    try:
        NER_TRAINER.Trainer.predict = stanzas
        assert tags() == with_patch
    finally:
        NER_TRAINER.Trainer.predict = patched
    assert any(tag != "O" for doc in with_patch for tag in doc)
