"""The speed-ups change no result: the compiled tree decoder gives stanza's trees, and
typing names with the entity tagger only where needed gives the same events."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

import numpy as np
import pytest

from eventx._parse import _decoder

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_7d62ded530ff2750.txt"
SEED_DATE = "2025-02-17"

pytest.importorskip("stanza")
ufal = pytest.importorskip("ufal.chu_liu_edmonds", reason="the compiled decoder is the optional 'fast' extra")
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root  # noqa: E402

DEPPARSE = importlib.import_module("stanza.models.depparse.model")


def _matrix(seed: int) -> np.ndarray:
    """A score matrix as the parser makes them (float32 log-probabilities), of size
    2..60; every fourth has ties (integer scores), every fourth has -inf arcs."""
    rng = np.random.default_rng(seed)
    size = int(rng.integers(2, 61))
    style = seed % 4
    if style == 0:
        return np.log(rng.dirichlet(np.full(size, 0.3), size=size)).astype(np.float32)
    if style == 1:
        return (rng.normal(size=(size, size)) - 4).astype(np.float32)
    if style == 2:
        return rng.integers(-5, 0, size=(size, size)).astype(np.float32)
    scores = rng.normal(size=(size, size)) - 4
    scores[rng.random((size, size)) < 0.2] = -np.inf
    scores[:, 0] = np.where(np.isinf(scores[:, 0]), -6.0, scores[:, 0])
    return scores.astype(np.float32)


@pytest.mark.parametrize("seed", range(240))
def test_decoder_gives_stanzas_tree(seed):
    scores = _matrix(seed)
    expected = chuliu_edmonds_one_root(scores.copy())
    got = _decoder.decode_one_root(scores.copy())
    assert got.dtype == expected.dtype
    assert got.tolist() == expected.tolist()


def test_decoder_leaves_its_input_alone():
    scores = _matrix(7)
    before = scores.copy()
    _decoder.decode_one_root(scores)
    assert np.array_equal(scores, before)


@pytest.fixture
def stanza_decoder_restored():
    """Whatever the test does to the patch, stanza's module and ours are put back."""
    saved_name, saved_original = DEPPARSE.chuliu_edmonds_one_root, _decoder._original
    yield
    DEPPARSE.chuliu_edmonds_one_root = saved_name
    _decoder._original = saved_original


def test_install_patches_the_parser(stanza_decoder_restored, monkeypatch):
    monkeypatch.delenv(_decoder.ENV_SWITCH, raising=False)
    _decoder.uninstall()
    assert _decoder.active_decoder() == "stanza"
    assert _decoder.install() is True
    assert DEPPARSE.chuliu_edmonds_one_root is _decoder.decode_one_root
    assert _decoder.active_decoder() == "ufal.chu_liu_edmonds"
    assert _decoder.install() is True  # idempotent
    _decoder.uninstall()
    assert DEPPARSE.chuliu_edmonds_one_root is chuliu_edmonds_one_root


def _stanza_side(monkeypatch, caplog) -> str:
    monkeypatch.delenv(_decoder.ENV_SWITCH, raising=False)
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert _decoder.install() is False
    assert getattr(DEPPARSE, "chuliu_edmonds_one_root", None) is not _decoder.decode_one_root
    return caplog.text


def test_falls_back_when_the_function_is_missing(stanza_decoder_restored, monkeypatch, caplog):
    _decoder.uninstall()
    monkeypatch.delattr(DEPPARSE, "chuliu_edmonds_one_root")
    assert "not found" in _stanza_side(monkeypatch, caplog)


def test_falls_back_when_the_signature_changed(stanza_decoder_restored, monkeypatch, caplog):
    _decoder.uninstall()
    monkeypatch.setattr(DEPPARSE, "chuliu_edmonds_one_root", lambda scores, single_root=True: scores)
    assert "signature" in _stanza_side(monkeypatch, caplog)


def test_falls_back_when_the_self_check_fails(stanza_decoder_restored, monkeypatch, caplog):
    _decoder.uninstall()
    monkeypatch.setattr(DEPPARSE, "chuliu_edmonds_one_root", lambda scores: np.zeros(len(scores), dtype=np.int64))
    assert "self-check" in _stanza_side(monkeypatch, caplog)


def test_environment_switch_keeps_stanzas_decoder(stanza_decoder_restored, monkeypatch, caplog):
    _decoder.uninstall()
    monkeypatch.setenv(_decoder.ENV_SWITCH, "0")
    with caplog.at_level(logging.DEBUG, logger="eventx"):
        assert _decoder.install() is False
    assert _decoder.active_decoder() == "stanza"


@pytest.mark.model
def test_seed_article_parse_identical_with_and_without_the_patch(extractor, stanza_decoder_restored):
    text = SEED.read_text(encoding="utf-8")
    pipeline = extractor.pipeline
    _decoder.install()
    assert _decoder.active_decoder() == "ufal.chu_liu_edmonds"
    fast = "{:C}".format(pipeline(text))
    _decoder.uninstall()
    assert _decoder.active_decoder() == "stanza"
    slow = "{:C}".format(pipeline(text))
    assert fast == slow


# -- the entity tagger only where needed ---------------------------------------------


def _events(extractor, text, reference, scope, monkeypatch):
    from eventx._parse._parsing import ALL, NEEDED

    monkeypatch.setattr(extractor, "_entity_scope", {"all": ALL, "needed": NEEDED}[scope])
    return [e.to_dict() for e in extractor.extract(text, reference_date=reference)]


def _same_events(extractor, text, reference, monkeypatch):
    everywhere = _events(extractor, text, reference, "all", monkeypatch)
    where_needed = _events(extractor, text, reference, "needed", monkeypatch)
    assert everywhere  # a test on an article without events would prove nothing
    assert any(p["kind"] for e in everywhere for p in e["who"] + e["whom"])
    assert where_needed == everywhere


@pytest.mark.model
def test_seed_article_events_identical_with_ner_where_needed(extractor, monkeypatch):
    _same_events(extractor, SEED.read_text(encoding="utf-8"), SEED_DATE, monkeypatch)


#: One article of each MEANTIME corpus (the first by file name), and one more.
MEANTIME_PICKS = (("airbus", 0), ("apple", 0), ("gm", 0), ("gm", 7))


@pytest.mark.model
@pytest.mark.data
@pytest.mark.parametrize(("corpus", "position"), MEANTIME_PICKS)
def test_meantime_events_identical_with_ner_where_needed(extractor, data_dir, monkeypatch, corpus, position):
    from eventx.evaluate._meantime_gold import read_meantime_corpora

    docs = sorted(read_meantime_corpora(data_dir, corpora=(corpus,)), key=lambda d: d.name)
    if len(docs) <= position:
        pytest.fail(f"MEANTIME corpus {corpus} has {len(docs)} articles under {data_dir}")
    doc = docs[position]
    _same_events(extractor, doc.text, doc.dct[:10] if doc.dct else None, monkeypatch)


def test_entity_scope_is_checked():
    from eventx._parse._parsing import parse_texts

    with pytest.raises(ValueError, match="entity_scope"):
        parse_texts(object(), ["text"], entity_scope="some")


@pytest.mark.parametrize(("sentence", "needed"), [
    ("Airbus/PROPN/2/nsubj said/VERB/0/root ./PUNCT/2/punct", True),
    ("They/PRON/2/nsubj met/VERB/0/root in/ADP/4/case Paris/PROPN/2/obl ./PUNCT/2/punct", True),
    ("He/PRON/2/nsubj fired/VERB/0/root the/DET/4/det CEO/NOUN/2/obj ./PUNCT/2/punct", True),
    ("Shares/NOUN/2/nsubj fell/VERB/0/root ./PUNCT/2/punct", True),
    ("The/DET/2/det company/NOUN/3/nsubj said/VERB/0/root ./PUNCT/3/punct", False),
    ("I/PRON/2/nsubj agree/VERB/0/root ./PUNCT/2/punct", False),
    ("But/CCONJ/3/cc I/PRON/3/nsubj disagree/VERB/0/root ./PUNCT/3/punct", False),
    ("Prices/NOUN/2/nsubj rose/VERB/0/root ./PUNCT/2/punct", True),
])
def test_sentences_sent_to_the_entity_tagger(sentence, needed):
    from conftest import conllu

    from eventx._documents import document_from_input
    from eventx._kinds import may_need_entity_tags

    doc = document_from_input(conllu(sentence))
    assert may_need_entity_tags(doc.sentences[0]) is needed


def test_long_tied_matrix_keeps_the_compiled_decoder(monkeypatch):
    """Past EXACT_TIE_LIMIT words a tie no longer sends the matrix to stanza's Python search
    (minutes on a line of one repeated word); the result is still a one-root tree."""
    n = _decoder.EXACT_TIE_LIMIT + 10
    scores = np.full((n, n), -1.0)  # every arc ties
    monkeypatch.setattr(_decoder, "_stanza", lambda s: pytest.fail("stanza's decoder was called"))
    tree = _decoder.decode_one_root(scores)
    assert tree[0] == 0 and (tree[1:] == 0).sum() == 1 and len(tree) == n

