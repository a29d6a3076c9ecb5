"""The exact speed-ups of stanza's inference (:mod:`eventx._parse._speedups`) change no result:
each replacement against stanza's function, the install guards, and CoNLL-U and events with
and without them on the seed article, MEANTIME articles and odd inputs."""

from __future__ import annotations

import importlib
import logging
import random
from pathlib import Path

import attrs
import pytest

pytest.importorskip("stanza")
import torch
from stanza.models.common import crf as crf_module
from stanza.models.common import data as data_module
from stanza.models.common import vocab as vocab_module

from eventx._parse import _glue, _speedups

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
SEED_DATE = "2025-02-17"
ALL_PATCHES = [patch.name for patch in _speedups.PATCHES]


@pytest.fixture
def patches_restored(monkeypatch):
    """Whatever a test does, every patch is back in place afterwards."""
    monkeypatch.delenv(_speedups.ENV_SWITCH, raising=False)
    yield
    _speedups.uninstall()
    monkeypatch.delenv(_speedups.ENV_SWITCH, raising=False)
    assert _speedups.install() == ALL_PATCHES


def _original(name):
    _speedups.install()
    return _speedups._installed[name][0]


def test_every_patch_installs(patches_restored):
    _speedups.uninstall()
    stanzas = data_module.get_long_tensor
    assert _speedups.installed() == []
    assert crf_module.CRFLoss.forward.__name__ == "forward" and not hasattr(crf_module.CRFLoss.forward, "__wrapped__")
    assert _speedups.install() == ALL_PATCHES
    assert _speedups.install() == ALL_PATCHES  # idempotent
    for module in ("stanza.models.depparse.data", "stanza.models.pos.data", "stanza.models.ner.data",
                   "stanza.models.common.char_model"):
        assert importlib.import_module(module).get_long_tensor is data_module.get_long_tensor
    _speedups.uninstall()
    assert importlib.import_module("stanza.models.depparse.data").get_long_tensor is stanzas
    assert data_module.get_long_tensor is stanzas


@pytest.mark.parametrize("threads", [1, 3])
def test_self_checks_run_on_one_thread_and_give_the_callers_setting_back(threads, patches_restored, monkeypatch):
    """The self-checks run tiny models on one torch thread (a thread pool only slows them);
    the caller's thread count is back afterwards, also when a check raises."""
    seen = []
    tokenizer = next(patch for patch in _speedups.PATCHES if patch.name == "tokenizer")

    def check(original, patched, owner):
        seen.append(torch.get_num_threads())
        raise RuntimeError("a changed stanza")

    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        _speedups.uninstall()
        with monkeypatch.context() as patched:
            patched.setattr(_speedups, "PATCHES", (attrs.evolve(tokenizer, check=check),))
            assert _speedups.install() == []
        assert seen == [1]
        assert torch.get_num_threads() == threads
    finally:
        torch.set_num_threads(before)


def _ragged(rng: random.Random) -> list[list[int]]:
    return [[rng.randrange(0, 500) for _ in range(rng.randrange(0, 12))] for _ in range(rng.randrange(1, 9))]


@pytest.mark.parametrize("seed", range(40))
def test_long_tensor_is_stanzas(seed, patches_restored):
    original = _original("long_tensor")
    rng = random.Random(seed)
    rows = _ragged(rng)
    if not any(rows):
        rows[0].append(3)
    batch = len(rows) + rng.randrange(0, 3)
    pad = rng.choice([0, 1, 7])
    expected = original(rows, batch, pad)
    got = data_module.get_long_tensor(rows, batch, pad)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert torch.equal(got, expected)


def test_long_tensor_leaves_nested_input_to_stanza():
    seen = []
    patched = _glue.long_tensor(lambda *args: seen.append(args) or "stanza's")
    assert patched([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], 2) == "stanza's"
    assert patched([], 0) == "stanza's"
    assert len(seen) == 2


def _pipeline_vocabs(extractor):
    """Every vocabulary of the loaded pipeline's processors (chars, words, tags, features)."""
    found = []
    for processor in extractor.pipeline.processors.values():
        vocab = getattr(processor, "vocab", None)
        items = getattr(vocab, "_vocabs", None) or {}
        found += [v for v in items.values() if isinstance(v, vocab_module.BaseVocab)]
    return found


@pytest.mark.model
def test_vocab_map_and_unmap_are_stanzas(extractor, patches_restored):
    map_original, unmap_original = _original("vocab_map"), _original("vocab_unmap")
    words = SEED.read_text(encoding="utf-8").split() + ["", "Ünïcödé", "🙂", "<PAD>", "<UNK>", "zzqxj"]
    # the vocabularies that take units one by one (characters, words, tags); the composite
    # ones (features) parse their units and keep stanza's code
    vocabs = [v for v in _pipeline_vocabs(extractor) if not isinstance(v, vocab_module.CompositeVocab)]
    assert len(vocabs) >= 4
    for vocab in vocabs:
        units = [c for w in words for c in w] + words
        assert vocab.map(units) == map_original(vocab, units)
        ids = list(range(len(vocab._id2unit)))
        assert vocab.unmap(ids) == unmap_original(vocab, ids)


def test_crf_loss_skipped_only_inside_inference(patches_restored):
    crf = crf_module.CRFLoss(6).eval()
    inputs, masks = torch.randn(3, 5, 6), torch.zeros(3, 5, dtype=torch.bool)
    tags = torch.randint(0, 6, (3, 5))
    with torch.no_grad():
        loss_outside, trans = crf(inputs, masks, tags)
    assert float(loss_outside) != 0.0 and trans is crf._transitions
    with _speedups.inference():
        assert torch.is_inference_mode_enabled()
        loss_inside, trans_inside = crf(inputs, masks, tags)
    assert float(loss_inside) == 0.0 and trans_inside is crf._transitions
    crf.train()
    with _speedups.inference():  # training mode: the loss is computed
        assert float(crf(inputs, masks, tags)[0]) == float(loss_outside)


def test_switch_keeps_stanzas_code(patches_restored, monkeypatch, caplog):
    from eventx._parse import _decoder

    _speedups.uninstall()
    monkeypatch.setenv(_speedups.ENV_SWITCH, "0")
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert _speedups.install() == []
    assert "EVENTX_FAST=0" in caplog.text
    with _speedups.inference():
        assert not torch.is_inference_mode_enabled()
    saved = _decoder._module().chuliu_edmonds_one_root
    try:
        _decoder.uninstall()
        assert _decoder.install() is False
    finally:
        _decoder._module().chuliu_edmonds_one_root = saved


def test_changed_signature_keeps_stanzas_code(patches_restored, monkeypatch, caplog):
    _speedups.uninstall()
    monkeypatch.setattr(crf_module.CRFLoss, "forward", lambda self, inputs, masks: None)
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert "crf" not in _speedups.install()
    assert "speed-up crf left out" in caplog.text
    monkeypatch.undo()


def test_failed_guard_keeps_stanzas_code(patches_restored, caplog):
    _speedups.uninstall()
    patch = next(p for p in _speedups.PATCHES if p.name == "crf")
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert _speedups._install_one(attrs.evolve(patch, guard=lambda: "stanza changed")) is False
    assert "stanza changed" in caplog.text
    assert "crf" not in _speedups.installed()


def test_the_ner_guard_holds_for_this_stanza():
    assert _glue.ner_discards_the_loss() is None


def test_failed_self_check_keeps_stanzas_code(patches_restored, caplog):
    _speedups.uninstall()
    patch = next(p for p in _speedups.PATCHES if p.name == "long_tensor")
    broken = attrs.evolve(patch, make=lambda original, owner: (lambda tokens_list, batch_size, pad_id=0: torch.zeros(1)))
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert _speedups._install_one(broken) is False
    assert "self-check" in caplog.text


# -- whole parses with and without -----------------------------------------------------


def _both_ways(extractor, texts, references):
    """(CoNLL-U, events) of ``texts`` with every speed-up, then with stanza's own code but
    for the tokenizer on unpadded rows (the one patch that changes results, where stanza's
    tokens depend on the batch; tests/test_tokenizer_rows.py compares it with stanza's)."""
    def run():
        parsed = extractor._parse(list(texts))
        conllu = [f"{doc:C}" for doc in parsed]
        events = [[e.to_dict() for e in extractor.extract(t, reference_date=r)] for t, r in zip(texts, references)]
        return conllu, events

    assert _speedups.install() == ALL_PATCHES
    fast = run()
    _speedups.uninstall()
    assert _speedups.install(["tokenizer"]) == ["tokenizer"]
    _speedups.use_inference_mode = False
    try:
        slow = run()
    finally:
        _speedups.use_inference_mode = True
    return fast, slow


@pytest.mark.model
def test_seed_article_identical_with_and_without(extractor, patches_restored):
    (fast_conllu, fast_events), (slow_conllu, slow_events) = _both_ways(
        extractor, [SEED.read_text(encoding="utf-8")], [SEED_DATE])
    assert fast_events[0]  # an article without events would prove little
    assert fast_conllu == slow_conllu
    assert fast_events == slow_events


@pytest.mark.model
@pytest.mark.data
def test_meantime_articles_identical_with_and_without(extractor, data_dir, patches_restored):
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = []
    for corpus in ("airbus", "apple", "gm"):
        found = sorted(read_meantime_corpora(data_dir, corpora=(corpus,)), key=lambda d: d.name)
        if len(found) < 2:
            pytest.fail(f"MEANTIME corpus {corpus} has {len(found)} articles under {data_dir}")
        docs += found[:2]
    texts = [d.text for d in docs]
    references = [d.dct[:10] if d.dct else None for d in docs]
    (fast_conllu, fast_events), (slow_conllu, slow_events) = _both_ways(extractor, texts, references)
    assert sum(len(e) for e in fast_events) > 20
    assert any("B-" in c or "S-" in c for c in fast_conllu)  # the entity tagger ran
    assert fast_conllu == slow_conllu
    assert fast_events == slow_events


@pytest.mark.model
def test_odd_inputs_identical_with_and_without(extractor, patches_restored):
    from nasty import nasty_text, news_text

    rng = random.Random(20261202)
    texts = [news_text(rng) for _ in range(6)] + [nasty_text(rng) for _ in range(6)]
    texts = [t for t in texts if t.strip()]
    (fast_conllu, fast_events), (slow_conllu, slow_events) = _both_ways(extractor, texts, [None] * len(texts))
    assert fast_conllu == slow_conllu
    assert fast_events == slow_events


# -- no optimizers at load -------------------------------------------------------------

NO_TRAINING_SCRIPT = """
import sys, eventx
from stanza.models.common import utils
before = (utils.get_optimizer, utils.get_split_optimizer)
eventx.Extractor().pipeline
assert (utils.get_optimizer, utils.get_split_optimizer) == before, "stanza's functions were not restored"
print("torch._dynamo" in sys.modules)
"""


@pytest.mark.model
def test_loading_builds_no_training_optimizers():
    """stanza's tokenizer and tagger would build Adam optimizers at load, importing
    torch._dynamo (seconds of cold start); the load skips them and restores stanza's
    functions afterwards."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", NO_TRAINING_SCRIPT], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
