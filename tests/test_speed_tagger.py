"""The tagger's read-back and input ids (:mod:`eventx._parse._tagger`) are stanza's: on random
network outputs and small vocabularies here, and on the seed article's sentences with the real
tagger (its tags, and the samples its data loader builds, with and without the patches)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

pytest.importorskip("stanza")
import torch

from eventx._parse import _inputs, _speedups, _tagger

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
ALL_PATCHES = [patch.name for patch in _speedups.PATCHES]
POS_DATA = importlib.import_module("stanza.models.pos.data")


@pytest.fixture
def both():
    """name → (stanza's function, the patched one), every patch in place afterwards."""
    assert _speedups.install() == ALL_PATCHES
    yield {name: _speedups._installed[name] for name in ("tagger_tags", "tagger_ids")}
    assert _speedups.install() == ALL_PATCHES


def test_the_guards_hold_for_this_stanza():
    assert _tagger.predict_guard() is None
    assert _inputs.tagger_preprocess_guard() is None


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize(("unsort", "extra"), [(True, False), (False, False), (True, True), (False, True)])
def test_tags_are_stanzas_on_random_outputs(seed, unsort, extra, both):
    original, patched = both["tagger_tags"]
    trainer, batch = _tagger._random_case(seed)
    assert patched(trainer, batch, unsort, extra) == original(trainer, batch, unsort, extra)


def test_random_outputs_give_varied_tags(both):
    """The check would prove little if every word got the same tags."""
    _, patched = both["tagger_tags"]
    tags = {tuple(word) for seed in range(10) for sentence in patched(*_tagger._random_case(seed)) for word in sentence}
    assert len(tags) > 20
    assert any("|" in word[2] for word in tags) and any("=" in word[2] for word in tags)


def test_unknown_vocabulary_runs_stanzas_predict(both, monkeypatch):
    original, patched = both["tagger_tags"]
    trainer, batch = _tagger._random_case(3)

    class Other(type(trainer.vocab["upos"])):
        pass

    trainer.vocab["upos"].__class__ = Other
    seen = []
    replacement = _tagger.make_predict(lambda *args: seen.append(args) or "stanza's")
    assert replacement(trainer, batch) == "stanza's" and len(seen) == 1


def _raw(words: list[list[str]]) -> list[list[list[str]]]:
    return [[list(word) for word in sentence] for sentence in words]


SENTENCES = [
    [["The", "_", "_", "_"], ["Cats", "_", "_", "_"], ["zébra", "_", "_", "_"], ["", "_", "_", "_"]],
    [["a", "DET", "Xq", "Tense=Past"], ["the", "NOUN", "Nc", "Number=Sing|Tense=Past"], ["x", "VERB", "_", "Foo=Bar"]],
    [],
]


@pytest.mark.parametrize("pretrained", [True, False])
def test_samples_are_stanzas_on_small_vocabularies(pretrained, both):
    from types import SimpleNamespace

    original, patched = both["tagger_ids"]
    vocabs = _inputs._vocabs()
    pretrain = vocabs["pretrain"] if pretrained else None
    dataset = SimpleNamespace(tag_names=["upos", "xpos", "feats"])
    expected = original(dataset, _raw(SENTENCES), vocabs, pretrain, {})
    got = patched(dataset, _raw(SENTENCES), vocabs, pretrain, {})
    assert got == expected
    # composite ids are fresh lists per word, as stanza's
    first = got[1].tags[2]
    assert first[0] is not first[1]


def test_malformed_features_raise_as_stanzas(both):
    from types import SimpleNamespace

    original, patched = both["tagger_ids"]
    dataset = SimpleNamespace(tag_names=["upos", "xpos", "feats"])
    broken = [[["a", "DET", "X", "Number"]]]
    for function in (original, patched):
        with pytest.raises(ValueError):
            function(dataset, _raw(broken), _inputs._vocabs(), None, {})


def _pos_run(extractor, docs):
    pos = extractor.pipeline.processors["pos"]
    for doc in docs:
        for sentence in doc.sentences:
            for word in sentence.words:
                word.upos = word.xpos = word.feats = None
    with _speedups.inference():
        pos.bulk_process(docs)
    return [(w.upos, w.xpos, w.feats) for d in docs for s in d.sentences for w in s.words]


@pytest.mark.model
def test_seed_article_tags_and_samples_are_stanzas(extractor, both):
    import stanza

    text = SEED.read_text(encoding="utf-8")
    with _speedups.inference():
        docs = extractor.pipeline([stanza.Document([], text=text), stanza.Document([], text="Hi.")],
                                  processors=["tokenize", "mwt"])
    with_patches = _pos_run(extractor, docs)
    pos = extractor.pipeline.processors["pos"]
    # the samples of the tagged article (tags present) and of the untagged one are stanza's
    for tagged in (True, False):
        if not tagged:
            for doc in docs:
                for sentence in doc.sentences:
                    for word in sentence.words:
                        word.upos = word.xpos = word.feats = None
        dataset = POS_DATA.Dataset(docs[0], pos.config, pos.pretrain, vocab=pos.vocab, evaluation=True)
        raw = POS_DATA.Dataset.load_doc(docs[0], dataset.tag_columns)
        for function in both["tagger_ids"]:
            assert function(dataset, raw, pos.vocab, dataset.pretrain_vocab, pos.config) == dataset.data
    _speedups.uninstall()
    _speedups.install([name for name in ALL_PATCHES if not name.startswith("tagger_")])
    assert with_patches == _pos_run(extractor, docs)
    assert len({tags[0] for tags in with_patches}) > 8
