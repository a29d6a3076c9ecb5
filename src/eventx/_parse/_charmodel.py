"""stanza's character model once per distinct word, on rows of similar lengths.

The tagger, the parser and the entity tagger read every word's characters through
stanza's ``CharacterModel`` (``stanza.models.common.char_model``): a character LSTM over
the words of a batch, packed with their unequal lengths, then an attention-weighted sum
of its outputs (tagger, parser) or its final states (entity tagger). In eval mode a
word's vector depends on its characters only, yet stanza computes it for every word of
the batch (a news batch repeats most of its words: about 44 % of them are distinct), and
torch's LSTM on packed rows of unequal lengths runs step by step over shrinking batches,
several times slower per character than on a batch of rows of one length.

:func:`make_forward` builds a replacement of ``CharacterModel.forward`` that, in eval
mode, computes the vector of each distinct word of the batch once (``torch.unique`` over
the padded character ids) and scatters the vectors back to every word; the rest
(restoring the word order, packing per sentence) is stanza's code. A one-way model with
attention (the tagger's, the parser's) runs its LSTM on the distinct words in padded
batches of rows of similar lengths (longest at most 4/3 of the shortest): a one-way LSTM's
output at a character never reads the padding after the word, and the outputs after a
word's end are masked out of the sum, as stanza's packed sequence leaves them out. Any
other model (the entity tagger's two-way one, which keeps its final states) runs
stanza's own forward once over the distinct words. The vectors are stanza's up to float
rounding of matrix products of another shape (about 1e-7). In training mode, or for a
character model this was not written for (an LSTM with recurrent dropout, stanza's
``LSTMwRecDropout``), stanza's own ``forward`` runs. :mod:`eventx._parse._speedups`
installs it, guarded and self-checked like its other patches (``EVENTX_FAST=0`` keeps
stanza's code).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

__all__ = ["make_forward", "self_check", "unsupported"]

logger = logging.getLogger("eventx")

#: The attributes of stanza's CharacterModel the replacement reads.
_ATTRIBUTES = ("char_emb", "charlstm", "charlstm_h_init", "charlstm_c_init", "attn", "pad", "dropout")


def unsupported(model: Any) -> str | None:
    """Why the replacement cannot run ``model`` (a stanza CharacterModel), or None."""
    import torch

    if model.training:
        return "training mode"
    if any(not hasattr(model, name) for name in _ATTRIBUTES) or (model.attn and not hasattr(model, "char_attn")):
        return "not the CharacterModel this was written for"
    lstm = getattr(model.charlstm, "lstm", None)
    if type(lstm) is not torch.nn.LSTM or not lstm.batch_first or getattr(lstm, "proj_size", 0):
        return "the character LSTM is not a plain batch-first torch LSTM"
    return None


def _attention_vectors(model: Any, chars: Any, lengths: Any) -> Any:
    """A one-way character model's attention-weighted sums for each row of ``chars``
    (distinct rows, their ``lengths``): rows of similar lengths in one padded batch, each
    row's outputs after its end (which its earlier outputs never read) masked out."""
    import torch

    lstm = model.charlstm.lstm
    order = torch.argsort(lengths, descending=True, stable=True)
    sorted_lengths = lengths.index_select(0, order).tolist()
    layers, hidden = model.charlstm_h_init.size(0), model.charlstm_h_init.size(2)
    out = None
    start = 0
    while start < len(sorted_lengths):
        width = sorted_lengths[start]
        stop = start + 1
        while stop < len(sorted_lengths) and sorted_lengths[stop] * 4 >= width * 3:
            stop += 1
        rows = order[start:stop]
        embs = model.dropout(model.char_emb(chars.index_select(0, rows)[:, :width]))
        size = (layers, stop - start, hidden)
        hx = (model.charlstm_h_init.expand(*size).contiguous(), model.charlstm_c_init.expand(*size).contiguous())
        output = lstm(embs, hx)[0]
        weights = torch.sigmoid(model.char_attn(model.dropout(output)))
        inside = torch.arange(width, device=chars.device).unsqueeze(0) < lengths.index_select(0, rows).unsqueeze(1)
        reps = (output * weights * inside.unsqueeze(2)).sum(1)
        if out is None:
            out = reps.new_empty(chars.size(0), reps.size(1))
        out.index_copy_(0, rows, reps)
        start = stop
    return out


def _stanza_vectors(model: Any, original: Callable[..., Any], chars: Any, lengths: Any) -> Any:
    """stanza's own forward over the distinct rows (one batch, sorted by length as stanza
    sorts): its vector for each row of ``chars``."""
    import torch

    order = torch.argsort(lengths, descending=True, stable=True)
    sorted_lengths = lengths.index_select(0, order).tolist()
    rows = chars.index_select(0, order)[:, :sorted_lengths[0]]
    reps = original(model, rows, rows.eq(0), list(range(len(sorted_lengths))), [len(sorted_lengths)],
                    sorted_lengths)  # one "sentence" of the distinct words, in this order
    reps = reps[0] if model.pad else reps.data
    out = reps.new_empty(reps.shape)
    out.index_copy_(0, order, reps)
    return out


def make_forward(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's ``CharacterModel.forward`` (same parameters and returns)."""

    def forward(self: Any, chars: Any, chars_mask: Any, word_orig_idx: Any, sentlens: Any, wordlens: Any) -> Any:
        import torch
        from stanza.models.common.utils import tensor_unsort
        from torch.nn.utils.rnn import pack_sequence, pad_packed_sequence

        why_not = unsupported(self)
        if why_not or chars.dim() != 2 or chars.size(0) != len(wordlens) or not len(wordlens):
            logger.debug("character model once per distinct word: stanza's forward (%s)", why_not or "input")
            return original(self, chars, chars_mask, word_orig_idx, sentlens, wordlens)
        distinct, inverse = torch.unique(chars, dim=0, return_inverse=True)
        lengths = torch.as_tensor(wordlens, dtype=torch.long, device=chars.device)
        distinct_lengths = lengths.new_zeros(distinct.size(0)).scatter_(0, inverse, lengths)
        if self.attn and not self.charlstm.lstm.bidirectional:
            vectors = _attention_vectors(self, distinct, distinct_lengths)
        else:
            vectors = _stanza_vectors(self, original, distinct, distinct_lengths)
        res = tensor_unsort(vectors.index_select(0, inverse), word_orig_idx)
        res = pack_sequence(res.split(sentlens))
        if self.pad:
            res = pad_packed_sequence(res, batch_first=True)[0]
        return res

    forward.__wrapped__ = original  # type: ignore[attr-defined]
    return forward


# -- self-check: tiny random character models, stanza's forward and this one ---------------------


def _tiny_models() -> list[Any]:
    import torch
    from stanza.models.common.char_model import CharacterModel

    args = {"char_emb_dim": 6, "char_hidden_dim": 5, "char_num_layers": 1, "char_rec_dropout": 0, "dropout": 0.5}
    generator = torch.Generator().manual_seed(18)
    models = []
    for bidirectional, attention, pad in ((False, True, False), (True, False, False), (True, True, True)):
        model = CharacterModel(args, {"char": list(range(12))}, pad=pad, bidirectional=bidirectional,
                               attention=attention)
        with torch.no_grad():
            for parameter in model.parameters():
                parameter.copy_(torch.randn(parameter.shape, generator=generator))
        models.append(model.eval())
    return models


def _tiny_batch() -> tuple[Any, ...]:
    """Words (character ids, with repeats) of three sentences, sorted as stanza's data sorts them."""
    import torch
    from stanza.models.common.data import sort_all

    sentences = [[[5, 6, 7], [3], [5, 6, 7], [8, 9, 10, 11, 4]], [[3], [2, 2], [5, 6, 8]], [[8, 9, 10, 11, 4], [7]]]
    words = [word for sentence in sentences for word in sentence]
    (words,), orig_idx = sort_all([words], [len(word) for word in words])
    lengths = [len(word) for word in words]
    chars = torch.zeros(len(words), max(lengths), dtype=torch.long)
    for i, word in enumerate(words):
        chars[i, :len(word)] = torch.tensor(word)
    return chars, chars.eq(0), orig_idx, [len(s) for s in sentences], lengths


def self_check(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement's vectors match stanza's (to float rounding) on tiny random models
    (one-way with attention, two-way with final states, padded output) in eval mode, and
    are stanza's own in training mode."""
    import torch
    from torch.nn.utils.rnn import PackedSequence

    batch = _tiny_batch()
    with torch.no_grad():
        for model in _tiny_models():
            expected, got = original(model, *batch), patched(model, *batch)
            if isinstance(expected, PackedSequence):
                if not isinstance(got, PackedSequence) or not torch.equal(got.batch_sizes, expected.batch_sizes):
                    return False
                expected, got = expected.data, got.data
            if got.shape != expected.shape or not torch.allclose(got, expected, rtol=1e-5, atol=1e-6):
                return False
        model.train()
        try:
            torch.manual_seed(0)
            expected = original(model, *batch)
            torch.manual_seed(0)
            got = patched(model, *batch)
        finally:
            model.eval()
    return bool(torch.equal(got, expected))
