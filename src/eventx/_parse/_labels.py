"""The parser's relation labels scored for the chosen heads only, not for every word pair.

stanza's graph parser (``GraphParser``) scores, for every sentence of a batch, a
relation label for **every** (dependent, head) pair: the deep biaffine label scorer
ends in ``einsum("NLJO,NMJ->NLMO")``, an ``n × n × 51`` tensor per sentence; its
prediction then takes the best label of every pair (``max(3)``), computes the
log-probabilities of all of them (``log_softmax(deprel_scores, 3)``, read only when
``resolve_head_constraints`` repairs a tree, which the pipeline does not ask for), and
finally reads one label per word: the one at the head the tree decoder chose. So
nearly all of that work is thrown away.

Two replacements, installed by :mod:`eventx._parse._speedups` like its other patches:

* ``PairwiseBilinear.forward`` returns a :class:`PendingPairScores` instead of the full
  tensor when, and only when, it is the label scorer of the parser whose ``predict``
  is running (a context variable names that one module); every other call is stanza's.
  The pending scores hold the scorer's two inputs; the contraction runs later, for
  the chosen (dependent, head) pairs only, the head's side first and once per distinct
  head (news sentences have about 0.4 distinct heads per word: a head has 2.5 dependents).
* ``GraphParser.predict`` runs stanza's own ``forward_scores`` (embeddings, LSTM, the arc
  scorers with the linearisation and distance terms: the arc scores, hence the trees,
  are stanza's bit for bit), decodes each tree with the decoder stanza's module names
  (the compiled one where :mod:`eventx._parse._decoder` installed it), then finishes
  the label contraction for the ``n`` chosen pairs of each sentence only and takes
  each pair's best label with the same ``max``.

The label scores of a chosen pair are the same sums over the same 201 × 201 products
as stanza's; only the order and the matrix routines that add them up differ, so a score
can differ from stanza's in its last bits, and a label could change only where its two best
labels score the same to about 1e-6. The tests compare labels and heads with stanza's
on a random scorer at load (the self-check) and on the seed article and MEANTIME
articles; :func:`eventx.evaluate` ``ud`` gives the treebank scores. Any other parser
(an ensemble, arc embeddings, ``resolve_head_constraints=True``, training mode) runs
stanza's ``predict``.
"""

from __future__ import annotations

import contextvars
import importlib
import inspect
import weakref
from collections.abc import Callable
from typing import Any

__all__ = ["PendingPairScores", "make_pairwise_forward", "make_predict", "parser_guard", "self_check"]

#: The label scorer (a ``PairwiseBilinear``) whose pair scores are left pending, if any.
_deferred: contextvars.ContextVar[Any] = contextvars.ContextVar("eventx_deferred_labels", default=None)

_MODEL_MODULE = "stanza.models.depparse.model"


class PendingPairScores:
    """stanza's pairwise label scores, not yet computed: the label scorer's two inputs.

    ``scores[n, l, m, o] = Σ_i Σ_j left[n, l, i] · weight[i, j, o] · right[n, m, j] + bias[o]``,
    computed by :meth:`best_labels` for the chosen pairs only.
    """

    __slots__ = ("bias", "left", "right", "weight")

    def __init__(self, bilinear: Any, left: Any, right: Any) -> None:
        self.left, self.right = left, right
        self.weight, self.bias = bilinear.weight, bilinear.bias

    def best_labels(self, sentences: Any, dependents: Any, heads: Any) -> Any:
        """Best label index of each (sentence, dependent, head) triple (1-d long tensors).

        The head's side of the product is contracted first, once per distinct head:
        ``Σ_j weight[i, j, o] · right[n, m, j]`` for each chosen head ``m`` (a news
        sentence's words have about 0.4 distinct heads per word: 12,418 for 30,989 words
        in the 90 MEANTIME articles), then each dependent's ``Σ_i left[n, l, i] · …`` with
        its head's result, read in place from a per-head block of the dependents (no
        per-word copy of the ``(I, O)`` result). stanza sums over ``i`` first; the sums
        are of the same products in another order, so a score can differ from stanza's in
        its last bits (see the module docstring).
        """
        import torch

        if len(heads) == 0:  # no word to label
            return heads.new_empty(0)
        width = self.right.shape[1]
        key = sentences * width + heads
        distinct, group, counts = torch.unique(key, return_inverse=True, return_counts=True)
        right = self.right[distinct // width, distinct % width]  # (H, J)
        by_head = torch.mm(right, _by_second_index(self.weight)).view(len(distinct), self.weight.shape[0], -1)
        # each dependent's place in its head's block: its rank among the head's dependents
        order = torch.argsort(group, stable=True)
        starts = torch.cumsum(counts, 0) - counts
        rank = torch.empty_like(group)
        rank[order] = torch.arange(len(group)) - starts[group[order]]
        left = self.left.new_zeros(len(distinct), int(counts.max()), self.left.shape[2])
        left[group, rank] = self.left[sentences, dependents]
        scores = torch.bmm(left, by_head)[group, rank]  # (words, O)
        scores = scores + self.bias
        return scores.max(1)[1]


#: The label weight ``(I, J, O)`` laid out as ``(J, I·O)`` for the head-first product,
#: by ``id`` of the weight: made once per weight tensor (again if it is changed in place).
_BY_SECOND: dict[int, tuple[Any, int, Any]] = {}


def _by_second_index(weight: Any) -> Any:
    key = id(weight)
    cached = _BY_SECOND.get(key)
    if cached is None or cached[0]() is not weight or cached[1] != weight._version:
        laid_out = weight.detach().permute(1, 0, 2).reshape(weight.shape[1], -1).contiguous()
        dropped = weakref.ref(weight, lambda _: _BY_SECOND.pop(key, None))  # no copy outlives its weight
        cached = _BY_SECOND[key] = (dropped, weight._version, laid_out)
    return cached[2]


def make_pairwise_forward(original: Callable[..., Any]) -> Callable[..., Any]:
    """``PairwiseBilinear.forward`` that leaves the running parser's label scores pending."""

    def forward(self: Any, input1: Any, input2: Any) -> Any:
        if _deferred.get() is self:
            return PendingPairScores(self, input1, input2)
        return original(self, input1, input2)

    forward.__wrapped__ = original  # type: ignore[attr-defined]
    return forward


def _eligible(model: Any, resolve_head_constraints: bool) -> Any:
    """The label scorer to defer, or None where stanza's ``predict`` must run."""
    module = importlib.import_module(_MODEL_MODULE)
    biaffine = importlib.import_module("stanza.models.common.biaffine")
    if resolve_head_constraints or model.training or type(model) is not module.GraphParser:
        return None
    if model.args.get("use_arc_embedding"):
        return None
    bilinear = getattr(getattr(getattr(model, "deprel", None), "scorer", None), "W_bilin", None)
    return bilinear if isinstance(bilinear, biaffine.PairwiseBilinear) else None


def make_predict(original: Callable[..., Any]) -> Callable[..., Any]:
    """``GraphParser.predict`` that scores labels for the decoded heads only."""

    def predict(self: Any, word: Any, word_mask: Any, wordchars: Any, wordchars_mask: Any, upos: Any, xpos: Any,
                ufeats: Any, pretrained: Any, lemma: Any, head: Any, deprel: Any, word_orig_idx: Any, sentlens: Any,
                wordlens: Any, text: Any, resolve_head_constraints: bool = False) -> Any:
        inputs = (word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma, head, deprel,
                  word_orig_idx, sentlens, wordlens, text)
        bilinear = _eligible(self, resolve_head_constraints)
        if bilinear is None:
            return original(self, *inputs, resolve_head_constraints=resolve_head_constraints)
        token = _deferred.set(bilinear)
        try:
            unlabeled_scores, label_scores, *_ = self.forward_scores(*inputs)
        finally:
            _deferred.reset(token)
        return _decode(self, unlabeled_scores, label_scores, sentlens)

    predict.__wrapped__ = original  # type: ignore[attr-defined]
    return predict


def _decode(model: Any, unlabeled_scores: Any, label_scores: Any, sentlens: Any) -> list[list[list[Any]]]:
    """stanza's ``decode_graph_predictions`` without ``resolve_head_constraints``, labels of the chosen heads."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    module = importlib.import_module(_MODEL_MODULE)
    prefix = importlib.import_module("stanza.models.common.vocab").VOCAB_PREFIX_SIZE
    arc_log_probs = F.log_softmax(unlabeled_scores, 2).detach().cpu().numpy()  # as stanza's forward
    decode = module.chuliu_edmonds_one_root  # looked up now: the compiled decoder where it is installed
    trees = [decode(arc_log_probs[i][:length, :length]) for i, length in enumerate(sentlens)]
    sentences = np.concatenate([np.full(length - 1, i) for i, length in enumerate(sentlens)]).astype(np.int64)
    dependents = np.concatenate([np.arange(1, length) for length in sentlens]).astype(np.int64)
    heads = np.concatenate([np.asarray(tree[1:], dtype=np.int64) for tree in trees])
    if isinstance(label_scores, PendingPairScores):
        best = label_scores.best_labels(torch.from_numpy(sentences), torch.from_numpy(dependents),
                                        torch.from_numpy(heads)).cpu().numpy()
    else:  # the label scorer was not deferred: stanza's full tensor
        best = label_scores.max(3)[1].cpu().numpy()[sentences, dependents, heads]
    labels = model.vocab["deprel"].unmap([int(b) + prefix for b in best])
    result, start = [], 0
    for tree, length in zip(trees, sentlens):
        result.append([[tree[1 + j], labels[start + j]] for j in range(length - 1)])
        start += length - 1
    return result


def parser_guard() -> str | None:
    """Why the patch cannot go in (stanza's parser code is not what it expects), or None."""
    module = importlib.import_module(_MODEL_MODULE)
    parser = getattr(module, "GraphParser", None)
    try:
        scores = inspect.getsource(parser.forward_scores)  # type: ignore[union-attr]
        decode = inspect.getsource(parser.decode_graph_predictions)  # type: ignore[union-attr]
    except (OSError, TypeError, AttributeError):
        return "stanza's GraphParser code is not readable"
    # forward_scores must hand the label scores back untouched (a pending object is no tensor)
    uses = scores.count("deprel_scores")
    if uses != 3 or "deprel_scores = self.deprel(" not in scores or \
            "return unlabeled_scores, deprel_scores," not in scores:
        return "stanza's GraphParser.forward_scores uses the label scores in another way"
    if "labels[j+1][h]" not in decode or "tree = chuliu_edmonds_one_root(scores)" not in decode:
        return "stanza's GraphParser.decode_graph_predictions reads the labels in another way"
    if not callable(getattr(module, "chuliu_edmonds_one_root", None)):
        return "stanza's depparse model has no chuliu_edmonds_one_root"
    return None


# -- self-check -------------------------------------------------------------------------------


class _Labels:
    """A deprel vocabulary stand-in: stanza's four prefix units, then ``rel0``, ``rel1``…"""

    def __init__(self, count: int) -> None:
        prefix = importlib.import_module("stanza.models.common.vocab").VOCAB_PREFIX_SIZE
        self.units = [f"<p{i}>" for i in range(prefix)] + [f"rel{i}" for i in range(count)]

    def unmap(self, ids: Any) -> list[str]:
        return [self.units[i] for i in ids]


def _tiny_parser(seed: int) -> tuple[Any, tuple[Any, ...], list[int]]:
    """A ``GraphParser`` with small random scorers and a fixed 'LSTM output', and its inputs."""
    import torch
    from torch import nn

    module = importlib.import_module(_MODEL_MODULE)
    biaffine = importlib.import_module("stanza.models.common.biaffine")
    generator = torch.Generator().manual_seed(seed)
    parser = module.GraphParser.__new__(module.GraphParser)
    nn.Module.__init__(parser)
    parser.args = {"use_arc_embedding": False, "linearization": True, "distance": True}
    relations = 7
    for name, outputs in (("unlabeled", 1), ("deprel", relations), ("linearization", 1), ("distance", 1)):
        scorer = biaffine.DeepBiaffineScorer(10, 10, 6, outputs, pairwise=True)
        for parameter in scorer.parameters():
            parameter.data = torch.randn(parameter.shape, generator=generator)
        setattr(parser, name, scorer)
    parser.drop = nn.Dropout(0.5)
    parser.vocab = {"deprel": _Labels(relations)}
    parser.eval()
    sentlens = [9, 6, 3, 2]
    batch, width = len(sentlens), max(sentlens)
    lstm_outputs = torch.randn(batch, width, 10, generator=generator)
    parser.embed = lambda *args: lstm_outputs
    word = torch.zeros(batch, width, dtype=torch.long)
    head = torch.zeros(batch, width - 1, dtype=torch.long)
    inputs = (word, word == 0, None, None, None, None, None, None, None, head, None, None, sentlens, None, None)
    return parser, inputs, sentlens


def self_check(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """Heads and labels of the patched ``predict`` equal stanza's on small random parsers."""
    import torch

    with torch.no_grad():
        for seed in (1, 2, 3):
            parser, inputs, _ = _tiny_parser(seed)
            if patched(parser, *inputs) != original(parser, *inputs):
                return False
    return True
