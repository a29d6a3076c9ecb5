"""The character model once per distinct word (:mod:`eventx._parse._charmodel`) and the
tokenizer's decoding token by token (:mod:`eventx._parse._decoding`): stanza's results on
real inputs, the fallbacks, the self-checks and the switch."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("stanza")
import stanza
import torch
from stanza.models.common import char_model
from stanza.models.tokenization import utils as tokenize_utils
from torch.nn.utils.rnn import PackedSequence

from eventx._parse import _charmodel, _decoding, _speedups

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"


@pytest.fixture(scope="module")
def texts(data_dir):
    """The seed article and six MEANTIME articles (two of each corpus)."""
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    found = [SEED.read_text(encoding="utf-8")]
    for corpus in ("airbus", "apple", "gm"):
        docs = sorted(read_meantime_corpora(data_dir, corpora=(corpus,)), key=lambda d: d.name)
        if len(docs) < 2:
            pytest.fail(f"MEANTIME corpus {corpus} has {len(docs)} articles under {data_dir}")
        found += [d.text for d in docs[:2]]
    return found


def _patched(name):
    _speedups.install()
    assert name in _speedups.installed()
    return _speedups._installed[name]


def _unpack(x):
    return x.data if isinstance(x, PackedSequence) else x


# -- the character model ------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.data
def test_character_vectors_are_stanzas_on_articles(extractor, texts, monkeypatch):
    """Every batch the tagger, the parser and the entity tagger give their character
    models over seven articles: the same packing, the vectors within float rounding of
    stanza's (in float32: in bfloat16, eventx._parse._precision, both move by its rounding)."""
    monkeypatch.setenv("EVENTX_PRECISION", "fp32")
    original, patched = _patched("charmodel")
    processors = extractor.pipeline.processors
    owners = {id(processors[name]._trainer.model.charmodel): name for name in ("pos", "depparse", "ner")}
    words = dict.fromkeys(owners.values(), 0)

    def recording(self, *args):
        expected, got = original(self, *args), patched(self, *args)
        assert isinstance(got, type(expected))
        if isinstance(expected, PackedSequence):
            assert torch.equal(got.batch_sizes, expected.batch_sizes)
        assert _unpack(got).shape == _unpack(expected).shape
        assert torch.allclose(_unpack(got), _unpack(expected), rtol=1e-5, atol=1e-6)
        words[owners[id(self)]] += len(args[-1])
        return expected

    char_model.CharacterModel.forward = recording
    try:
        assert len(extractor._parse(list(texts))) == len(texts)
    finally:
        char_model.CharacterModel.forward = patched
    assert words["pos"] > 1000 and words["depparse"] > 1000 and words["ner"] > 100, words


def _model(rec_dropout=0.0, bidirectional=False, attention=True):
    args = {"char_emb_dim": 4, "char_hidden_dim": 3, "char_num_layers": 1, "char_rec_dropout": rec_dropout,
            "dropout": 0.0}
    return char_model.CharacterModel(args, {"char": list(range(12))}, bidirectional=bidirectional,
                                     attention=attention).eval()


@pytest.mark.parametrize(("model", "reason"), [
    (_model(), None),
    (_model(bidirectional=True, attention=False), None),
    (_model().train(), "training mode"),
    (_model(rec_dropout=0.2), "the character LSTM is not a plain batch-first torch LSTM"),
])
def test_unsupported(model, reason):
    assert _charmodel.unsupported(model) == reason


def test_two_layers_and_padded_output_are_stanzas():
    original, patched = _patched("charmodel")
    args = {"char_emb_dim": 4, "char_hidden_dim": 3, "char_num_layers": 2, "char_rec_dropout": 0, "dropout": 0.0}
    batch = _charmodel._tiny_batch()
    for bidirectional, attention, pad in ((False, True, True), (True, False, False)):
        torch.manual_seed(2)
        model = char_model.CharacterModel(args, {"char": list(range(12))}, pad=pad, bidirectional=bidirectional,
                                          attention=attention).eval()
        with torch.no_grad():
            expected, got = original(model, *batch), patched(model, *batch)
        assert torch.allclose(_unpack(got), _unpack(expected), rtol=1e-5, atol=1e-6)


def test_unsupported_model_goes_to_stanza(caplog):
    seen = []
    patched = _charmodel.make_forward(lambda *args: seen.append(args) or "stanza's")
    model, batch = _model(rec_dropout=0.2), _charmodel._tiny_batch()
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert patched(model, *batch) == "stanza's"
    assert seen == [(model, *batch)]
    assert "plain batch-first" in caplog.text


def test_charmodel_self_check_catches_a_difference():
    original, _ = _patched("charmodel")
    assert _charmodel.self_check(original, _charmodel.make_forward(original))

    def shifted(self, *args):
        res = original(self, *args)
        return PackedSequence(res.data + 1e-3, res.batch_sizes) if isinstance(res, PackedSequence) else res + 1e-3

    assert not _charmodel.self_check(original, shifted)


# -- the tokenizer's decoding -------------------------------------------------------------


def _tokens(doc):
    return [[(t.text, t.start_char, t.end_char, [w.text for w in t.words], t.misc) for t in s.tokens]
            for s in doc.sentences]


@pytest.mark.model
@pytest.mark.data
def test_tokens_and_sentences_are_stanzas_on_articles(extractor, texts):
    original, patched = _patched("decode")
    tokenizer = extractor.pipeline.processors["tokenize"]
    results = {}
    for name, decode in (("stanza", original), ("patched", patched)):
        tokenize_utils.decode_predictions = decode
        try:
            with _speedups.inference():
                results[name] = [_tokens(d) for d in tokenizer.bulk_process([stanza.Document([], text=t)
                                                                              for t in texts])]
        finally:
            tokenize_utils.decode_predictions = patched
    assert sum(len(d) for d in results["stanza"]) > 100
    assert results["patched"] == results["stanza"]


@pytest.mark.model
def test_decoding_counts_and_offsets_are_stanzas(extractor):
    """The whole return value (unknown characters, characters read, sentences of token
    dictionaries) on the tokenizer's own predictions for a text with odd characters."""
    from stanza.models.tokenization.data import TokenizationDataset

    original, patched = _patched("decode")
    tokenizer = extractor.pipeline.processors["tokenize"]
    text = SEED.read_text(encoding="utf-8")[:1500] + "\n\nÜber 3,5 % — 1.000,00 $ «quoted»  ok\u0097 \t x ☃☃ can't."
    dataset = TokenizationDataset(tokenizer.config, input_text=text, vocab=tokenizer.vocab, evaluation=True)
    trainer = tokenizer.trainer
    with _speedups.inference():
        preds, raw = tokenize_utils.predict(trainer, dataset, 32, 1000, True, 0)
    expected = original(tokenizer.vocab, None, text, raw, [p.copy() for p in preds], False, False, False)
    got = patched(tokenizer.vocab, None, text, raw, [p.copy() for p in preds], False, False, False)
    assert expected[0] > 0  # unknown characters were counted
    assert got == expected


def test_decoding_leftover_text_raises_as_stanza():
    original, patched = _patched("decode")
    vocab, mwt, text, raws, preds, *_ = _decoding._cases()[0]
    preds = [np.where(np.arange(len(p)) == len(p) - 1, 0, p) for p in preds]  # no token end at the end
    for decode in (original, patched):
        with pytest.raises(ValueError, match="still text left"):
            decode(vocab, mwt, text, raws, preds, False, False, False)


def test_la_ittb_goes_to_stanza():
    seen = []
    patched = _decoding.make_decode(lambda *args: seen.append(args) or "stanza's")
    assert patched(None, None, None, [], [], False, False, True) == "stanza's"
    assert seen == [(None, None, None, [], [], False, False, True)]


def test_decode_self_check_catches_a_difference():
    original, _ = _patched("decode")
    assert _decoding.self_check(original, _decoding.make_decode(original))

    def one_sentence(*args):
        oov, offset, doc = original(*args)
        return oov, offset, [[token for sentence in doc for token in sentence]]

    assert not _decoding.self_check(original, one_sentence)


# -- the switch -----------------------------------------------------------------------------


def test_switch_keeps_stanzas_code(monkeypatch):
    originals = {name: _patched(name)[0] for name in ("charmodel", "decode")}
    _speedups.uninstall()
    try:
        assert char_model.CharacterModel.forward is originals["charmodel"]
        assert tokenize_utils.decode_predictions is originals["decode"]
        monkeypatch.setenv(_speedups.ENV_SWITCH, "0")
        assert _speedups.install() == []
        assert char_model.CharacterModel.forward is originals["charmodel"]
        assert tokenize_utils.decode_predictions is originals["decode"]
    finally:
        monkeypatch.delenv(_speedups.ENV_SWITCH)
        assert {"charmodel", "decode"} <= set(_speedups.install())
    assert char_model.CharacterModel.forward.__wrapped__ is originals["charmodel"]
    assert tokenize_utils.decode_predictions.__wrapped__ is originals["decode"]
