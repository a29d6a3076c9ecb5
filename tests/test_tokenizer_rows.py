"""The tokenizer on unpadded rows (:mod:`eventx._parse._tokenizer`): each paragraph
tokenised as stanza tokenises it alone, whatever the other paragraphs of its batch; the
install guard, the fallbacks and the switch."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("stanza")
import stanza
import torch
from stanza.models.tokenization import utils as tokenize_utils

from eventx._parse import _speedups, _tokenizer

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"


def _tokens(doc):
    return [[(t.text, t.start_char, t.end_char, len(t.words)) for t in s.tokens] for s in doc.sentences]


def _tokenize(extractor, texts, predict):
    """Tokens of each text, all texts in one tokenizer call, with ``predict`` as stanza's predict."""
    saved = tokenize_utils.predict
    tokenize_utils.predict = predict
    try:
        tokenizer = extractor.pipeline.processors["tokenize"]
        with _speedups.inference():
            return [_tokens(d) for d in tokenizer.bulk_process([stanza.Document([], text=t) for t in texts])]
    finally:
        tokenize_utils.predict = saved


def _predicts(extractor):
    extractor.pipeline  # loads and installs
    assert "tokenizer" in _speedups.installed()
    patched = tokenize_utils.predict
    return patched, patched.__wrapped__


def _paragraphs(text):
    return [p for p in text.split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def meantime_texts(data_dir):
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = sorted(read_meantime_corpora(data_dir, corpora=("airbus", "apple", "gm")), key=lambda d: d.name)
    if len(docs) < 30:
        pytest.fail(f"{len(docs)} MEANTIME articles under {data_dir}, expected at least 30")
    return [d.text for d in docs[:30]]


@pytest.mark.model
def test_seed_paragraphs_as_stanza_alone(extractor):
    patched, stanzas = _predicts(extractor)
    paragraphs = _paragraphs(SEED.read_text(encoding="utf-8"))
    assert len(paragraphs) > 3
    alone = [_tokenize(extractor, [p], stanzas)[0] for p in paragraphs]
    assert [_tokenize(extractor, [p], patched)[0] for p in paragraphs] == alone
    assert _tokenize(extractor, paragraphs, patched) == alone  # all in one batch


@pytest.mark.model
def test_features_are_stanzas(extractor):
    from stanza.models.tokenization.data import TokenizationDataset

    tokenizer = extractor.pipeline.processors["tokenize"]
    text = SEED.read_text(encoding="utf-8") + "\n\nÜber 3,5 % — 1.000,00 $ «quoted»  ok\u0097 \t x"
    dataset = TokenizationDataset(tokenizer.config, input_text=text, vocab=tokenizer.vocab, evaluation=True)
    table, cache = _tokenizer._feature_table(dataset), {}
    assert table is not None
    for para in dataset.data:
        units, _, feats, _ = dataset.para_to_sentences(para)[0]
        got_units, got_feats = _tokenizer._features(dataset, para, [u for u, _ in para], table, cache)
        assert np.array_equal(got_units, units) and got_units.dtype == units.dtype
        assert np.array_equal(got_feats, feats) and got_feats.shape == feats.shape


@pytest.mark.model
@pytest.mark.data
def test_meantime_paragraphs_as_stanza_alone(extractor, meantime_texts):
    """Every paragraph of 5 articles (a title, a date line, a body of 1,000-3,000 characters,
    read in stanza's windows) in one batch gives the tokens stanza gives it alone."""
    patched, stanzas = _predicts(extractor)
    paragraphs = [p for text in meantime_texts[:5] for p in _paragraphs(text)]
    assert any(len(p) > 1000 for p in paragraphs)
    alone = [_tokenize(extractor, [p], stanzas)[0] for p in paragraphs]
    assert _tokenize(extractor, paragraphs, patched) == alone


@pytest.mark.model
@pytest.mark.data
def test_an_article_alone_and_in_a_batch_of_30(extractor, meantime_texts):
    patched, _ = _predicts(extractor)
    batched = _tokenize(extractor, meantime_texts, patched)
    for i in (7, 29):
        assert _tokenize(extractor, [meantime_texts[i]], patched)[0] == batched[i]


# -- guards and fallbacks ---------------------------------------------------------------


class _Fake:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


def _fake_trainer(layers=1, **args):
    lstm = torch.nn.LSTM(3, 2, num_layers=layers, batch_first=True, bidirectional=True)
    return _Fake(model=_Fake(charmodel=None, rnn=lstm), args={"conv_res": None, **args})


def _fake_dataset(**args):
    return _Fake(data=[], para_to_sentences=None, eval=True, args={"use_dictionary": False, **args})


@pytest.mark.parametrize(("trainer", "dataset", "reason"), [
    (_fake_trainer(), _fake_dataset(), None),
    (_Fake(args={}), _fake_dataset(), "not a stanza tokenizer"),
    (_fake_trainer(), _Fake(eval=True, args={}), "not a stanza tokenizer"),
    (_fake_trainer(), _Fake(data=[], para_to_sentences=None, eval=False, args={}), "training data"),
    (_Fake(model=_Fake(charmodel=object()), args={}), _fake_dataset(), "character language model"),
    (_fake_trainer(conv_res="1,9"), _fake_dataset(), "convolutions"),
    (_fake_trainer(), _fake_dataset(use_dictionary=True), "dictionary"),
    (_fake_trainer(layers=2), _fake_dataset(), "not a one-layer bidirectional LSTM"),
    (_fake_trainer(hierarchical=True), _fake_dataset(), "rnn2 is not"),
])
def test_unsupported(trainer, dataset, reason):
    got = _tokenizer.unsupported(trainer, dataset)
    assert got == reason if reason is None else reason in got


def test_unsupported_input_goes_to_stanza(caplog):
    seen = []
    patched = _tokenizer.make_predict(lambda *args: seen.append(args) or "stanza's")
    trainer, dataset = _fake_trainer(conv_res="1,9"), _fake_dataset()
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert patched(trainer, dataset, 32, 1000, True, 0) == "stanza's"
    assert seen == [(trainer, dataset, 32, 1000, True, 0)]
    assert "residual convolutions" in caplog.text


def test_self_check_catches_a_difference():
    original = tokenize_utils.predict.__wrapped__ if hasattr(tokenize_utils.predict, "__wrapped__") \
        else tokenize_utils.predict
    assert _tokenizer.self_check(original, _tokenizer.make_predict(original))

    def off_by_one(*args):
        preds, raw = original(*args)
        preds = [np.where(p == 0, 1, p) for p in preds]  # a word end after every character
        return preds, raw

    assert not _tokenizer.self_check(original, off_by_one)


def test_changed_output_predictions_keeps_stanzas_predict(monkeypatch):
    monkeypatch.setattr(tokenize_utils, "output_predictions", lambda *args: None)
    assert "calls predict differently" in _speedups._tokenizer_calls_predict()


def test_the_guard_holds_for_this_stanza():
    assert _speedups._tokenizer_calls_predict() is None


def test_switch_keeps_stanzas_predict(monkeypatch):
    original = _speedups._installed.get("tokenizer", (tokenize_utils.predict,))[0]
    _speedups.uninstall()
    try:
        assert tokenize_utils.predict is original
        monkeypatch.setenv(_speedups.ENV_SWITCH, "0")
        assert _speedups.install() == []
        assert tokenize_utils.predict is original
    finally:
        monkeypatch.delenv(_speedups.ENV_SWITCH)
        assert "tokenizer" in _speedups.install()
    assert tokenize_utils.predict.__wrapped__ is original
