"""The parser's labels scored for the chosen heads only (:mod:`eventx._parse._labels`) give
stanza's heads and labels: on small random parsers here, on whole articles in
tests/test_speed_patches.py (CoNLL-U and events with and without every patch)."""

from __future__ import annotations

import pytest

pytest.importorskip("stanza")
import torch
from stanza.models.common import biaffine
from stanza.models.depparse import model as parser_module

from eventx._parse import _labels, _speedups

ALL_PATCHES = [patch.name for patch in _speedups.PATCHES]


@pytest.fixture
def both():
    """(stanza's predict, the patched one), every patch in place afterwards."""
    assert _speedups.install() == ALL_PATCHES
    original, patched = _speedups._installed["labels"]
    yield original, patched
    assert _speedups.install() == ALL_PATCHES


def test_the_guard_holds_for_this_stanza():
    assert _labels.parser_guard() is None


@pytest.mark.parametrize("seed", range(25))
def test_heads_and_labels_are_stanzas(seed, both):
    original, patched = both
    parser, inputs, sentlens = _labels._tiny_parser(seed)
    with torch.no_grad():
        expected = original(parser, *inputs)
        got = patched(parser, *inputs)
    assert [len(s) for s in got] == [n - 1 for n in sentlens]
    assert got == expected


def test_labels_differ_across_words(both):
    """The check would prove little if every word got the same label."""
    _, patched = both
    parser, inputs, _ = _labels._tiny_parser(4)
    with torch.no_grad():
        labels = {label for sentence in patched(parser, *inputs) for _, label in sentence}
    assert len(labels) > 2


def test_constraint_repair_and_training_run_stanzas_predict(both, monkeypatch):
    original, patched = both
    parser, inputs, _ = _labels._tiny_parser(5)
    assert _labels._eligible(parser, False) is parser.deprel.scorer.W_bilin
    assert _labels._eligible(parser, True) is None
    deferred = []
    monkeypatch.setattr(_labels, "PendingPairScores", lambda *args: deferred.append(args))
    with torch.no_grad():
        assert patched(parser, *inputs, resolve_head_constraints=True) == \
            original(parser, *inputs, resolve_head_constraints=True)
    assert deferred == []
    parser.train()
    assert _labels._eligible(parser, False) is None
    parser.eval()
    parser.args["use_arc_embedding"] = True
    assert _labels._eligible(parser, False) is None


def test_other_scorers_get_the_full_tensor(both):
    bilinear = biaffine.PairwiseBilinear(4, 4, 3)
    torch.nn.init.normal_(bilinear.weight)
    left, right = torch.randn(2, 5, 4), torch.randn(2, 5, 4)
    with torch.no_grad():
        assert bilinear(left, right).shape == (2, 5, 5, 3)


def test_the_deferral_ends_with_a_failing_forward(both, monkeypatch):
    _, patched = both
    parser, inputs, _ = _labels._tiny_parser(6)

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(parser_module.GraphParser, "forward_scores", broken)
    with pytest.raises(RuntimeError, match="boom"):
        patched(parser, *inputs)
    assert _labels._deferred.get() is None


def test_a_changed_parser_keeps_stanzas_predict(monkeypatch):
    monkeypatch.setattr(parser_module.GraphParser, "forward_scores",
                        lambda self, *args: (self.unlabeled, self.deprel(args[0]).softmax(3)))
    assert "label scores" in _labels.parser_guard()


@pytest.mark.parametrize("seed", range(5))
def test_pending_scores_are_the_full_tensors_at_the_chosen_pairs(seed):
    """The label scores of the chosen pairs, computed on the real words only, are stanza's
    full ``n × n × labels`` tensor read at those pairs (to float rounding), padding rows and
    all: a padded row never enters the product."""
    generator = torch.Generator().manual_seed(seed)
    bilinear = biaffine.PairwiseBilinear(7, 7, 5)
    torch.nn.init.normal_(bilinear.weight, generator=generator)
    torch.nn.init.normal_(bilinear.bias, generator=generator)
    left, right = torch.randn(3, 6, 7, generator=generator), torch.randn(3, 6, 7, generator=generator)
    lengths = [6, 4, 2]  # sentences 1 and 2 padded to 6
    sentences = torch.tensor([i for i, n in enumerate(lengths) for _ in range(1, n)])
    dependents = torch.tensor([j for n in lengths for j in range(1, n)])
    heads = torch.randint(0, 2, (len(dependents),), generator=generator)
    with torch.no_grad():
        full = bilinear(left, right)[sentences, dependents, heads]
        left[1, 4:] = right[1, 4:] = float("nan")  # padding: read by stanza's product, never by eventx's
        left[2, 2:] = right[2, 2:] = float("nan")
        got = _labels.PendingPairScores(bilinear, left, right).best_labels(sentences, dependents, heads)
    assert torch.equal(got, full.max(1)[1])


def test_the_weight_layout_follows_in_place_changes_and_goes_with_its_weight():
    """The head-first product reads the weight laid out once (``_by_second_index``); a weight
    changed in place is laid out again, and the layout is dropped with its weight."""
    import gc

    bilinear = biaffine.PairwiseBilinear(3, 3, 2)
    torch.nn.init.normal_(bilinear.weight)
    left, right = torch.randn(1, 4, 3), torch.randn(1, 4, 3)
    sentences, dependents, heads = torch.zeros(3, dtype=torch.long), torch.tensor([1, 2, 3]), torch.tensor([0, 3, 0])

    def labels():
        with torch.no_grad():
            return _labels.PendingPairScores(bilinear, left, right).best_labels(sentences, dependents, heads)

    def stanzas():
        with torch.no_grad():
            return bilinear(left, right)[sentences, dependents, heads].max(1)[1]

    assert torch.equal(labels(), stanzas())
    key = id(bilinear.weight)
    assert key in _labels._BY_SECOND
    with torch.no_grad():
        bilinear.weight.mul_(-1)  # every label's score flips: another best label somewhere
        bilinear.bias.zero_()
    assert torch.equal(labels(), stanzas())
    del bilinear
    gc.collect()
    assert key not in _labels._BY_SECOND


@pytest.mark.parametrize("seed", range(5))
def test_one_head_with_many_dependents_and_heads_with_one(seed):
    """Dependents grouped by head (a root with six dependents, heads with one): each gets the
    score of its own head."""
    generator = torch.Generator().manual_seed(seed)
    bilinear = biaffine.PairwiseBilinear(5, 5, 9)
    torch.nn.init.normal_(bilinear.weight, generator=generator)
    left, right = torch.randn(2, 8, 5, generator=generator), torch.randn(2, 8, 5, generator=generator)
    sentences = torch.tensor([0] * 7 + [1] * 3)
    dependents = torch.tensor([1, 2, 3, 4, 5, 6, 7, 1, 2, 3])
    heads = torch.tensor([0, 0, 1, 0, 0, 4, 0, 2, 0, 2])
    with torch.no_grad():
        full = bilinear(left, right)[sentences, dependents, heads]
        got = _labels.PendingPairScores(bilinear, left, right).best_labels(sentences, dependents, heads)
    assert torch.equal(got, full.max(1)[1])


def test_no_pair_no_label():
    bilinear = biaffine.PairwiseBilinear(3, 3, 2)
    empty = torch.zeros(0, dtype=torch.long)
    with torch.no_grad():
        got = _labels.PendingPairScores(bilinear, torch.randn(1, 2, 3), torch.randn(1, 2, 3)).best_labels(empty, empty,
                                                                                                           empty)
    assert got.shape == (0,) and got.dtype == torch.long
