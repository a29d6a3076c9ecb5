"""stanza's character model once per distinct word, on rows of one length each.

The tagger, the parser and the entity tagger read every word's characters through
stanza's ``CharacterModel`` (``stanza.models.common.char_model``): a character LSTM over
the words of a batch, packed with their unequal lengths, then an attention-weighted sum
of its outputs (tagger, parser) or its final states (entity tagger). In eval mode a
word's vector depends on its characters only, yet stanza computes it for every word of
the batch (a news batch repeats most of its words: about 44 % of them are distinct), and
torch's LSTM on packed rows of unequal lengths runs step by step over shrinking batches,
several times slower per character than on a batch of rows of one length.

:func:`make_forward` builds a replacement of ``CharacterModel.forward`` that, in eval
mode, runs the LSTM once per distinct word (``torch.unique`` over the padded character
ids), the distinct words of each length together as one unpadded batch, and scatters
the vectors back to every word; the rest (restoring the word order, packing per
sentence) is stanza's code. On rows of one length the LSTM reads exactly what the packed
LSTM reads (no padding), so the vectors are stanza's up to float rounding of matrix
products of another shape (about 1e-7). In training mode, or for a character model this
was not written for (an LSTM with recurrent dropout, stanza's ``LSTMwRecDropout``), stanza's
own ``forward`` runs. :mod:`eventx._parse._speedups` installs it, guarded and self-checked
like its other patches (``EVENTX_FAST=0`` keeps stanza's code).
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


def _vectors(model: Any, chars: Any, lengths: Any) -> Any:
    """The character model's vector of each row of ``chars`` (distinct rows, their lengths)."""
    import torch

    lstm = model.charlstm.lstm
    layers = model.charlstm_h_init.size(0)
    out = None
    for length in torch.unique(lengths).tolist():
        rows = torch.nonzero(lengths == length).squeeze(1)
        embs = model.dropout(model.char_emb(chars.index_select(0, rows)[:, :length]))
        size = (layers, rows.numel(), model.charlstm_h_init.size(2))
        hx = (model.charlstm_h_init.expand(*size).contiguous(), model.charlstm_c_init.expand(*size).contiguous())
        output, (h, _) = lstm(embs, hx)
        if model.attn:
            weights = torch.sigmoid(model.char_attn(model.dropout(output)))
            reps = (output * weights).sum(1)
        else:
            reps = h[-2:].transpose(0, 1).contiguous().view(rows.numel(), -1)
        if out is None:
            out = reps.new_empty(chars.size(0), reps.size(1))
        out.index_copy_(0, rows, reps)
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
        res = _vectors(self, distinct, distinct_lengths).index_select(0, inverse)
        res = tensor_unsort(res, word_orig_idx)
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
