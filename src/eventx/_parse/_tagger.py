"""stanza's part-of-speech tagger: its tags read back for the real words only.

The network returns one padded tensor per tag column (``upos``, ``xpos``, ``feats``: one row
per sentence of the batch, as long as the longest one); stanza's ``Trainer.predict`` turns
every row to Python lists and every id, padding included, back into its tag, then keeps the
first ``sentlens[i]`` of each row. On a batch of news sentences two positions in three are
padding, and a feature column turns each padding position into a ``key=<PAD>`` string per
feature key. :func:`make_predict` runs stanza's network call unchanged, takes the real words'
ids out of each column with one mask, and turns each distinct id (or id row, for the
features) of the batch into its tag once, through the vocabulary's own ``unmap``: the same
tags. It keeps stanza's code for vocabularies eventx does not know (another class, or one
that overrides ``map``/``unmap``); :mod:`eventx._parse._speedups` installs it guarded and
self-checked like its other patches (``EVENTX_FAST=0`` keeps stanza's code). The tagger's
input ids are :mod:`eventx._parse._inputs`'.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from eventx._parse._glue import source_lacks
from eventx._parse._inputs import _plain, _vocabs

__all__ = ["make_predict", "predict_guard", "self_check_predict"]

_TRAINER = "stanza.models.pos.trainer"
_DATA = "stanza.models.pos.data"


# -- the tag read-back -----------------------------------------------------------------------


def _units(vocab: Any, rows: list[Any]) -> list[Any]:
    """``vocab.unmap(rows)``, unmapping each distinct id (or id row) once."""
    if not rows:
        return []
    if type(rows[0]) is list:
        keys = list(map(tuple, rows))
        distinct = list(dict.fromkeys(keys))
        units = vocab.unmap([list(key) for key in distinct])
        if not all(type(unit) is str for unit in units):  # lists (a composite without separator)
            return vocab.unmap(rows)
        table = dict(zip(distinct, units))
        return [table[key] for key in keys]
    distinct = list(dict.fromkeys(rows))
    table = dict(zip(distinct, vocab.unmap(distinct)))
    return [table[i] for i in rows]


def make_predict(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's pos ``Trainer.predict`` (same parameters and returns)."""

    def predict(self: Any, batch: Any, unsort: bool = True, extra_columns: bool = False) -> Any:
        import torch

        columns = getattr(self.model, "tag_columns", None)
        if columns is None or not all(_plain(self.vocab[column.name]) for column in columns):
            return original(self, batch, unsort, extra_columns)
        trainer = importlib.import_module(_TRAINER)
        device = next(self.model.parameters()).device
        inputs, orig_idx, word_orig_idx, sentlens, wordlens, text = trainer.unpack_batch(batch, device)
        word, word_mask, wordchars, wordchars_mask, tags, pretrained = inputs

        self.model.eval()
        batch_size = word.size(0)
        _, preds = self.model(word, word_mask, wordchars, wordchars_mask, tags, pretrained, word_orig_idx,
                              sentlens, wordlens, text)
        lens = [int(n) for n in sentlens]
        width = max((int(pred.shape[1]) for pred in preds), default=0)
        real = torch.arange(width).unsqueeze(0) < torch.tensor(lens).unsqueeze(1)

        def sequences(output: bool) -> list[list[Any]]:
            return [_units(self.vocab[column.name], pred[real[:, :pred.shape[1]].to(pred.device)].tolist())
                    for column, pred in zip(columns, preds) if column.output == output]

        def tokens(seqs: list[list[Any]]) -> list[Any]:
            if not seqs:
                return [[] for _ in range(batch_size)]
            words = [list(word) for word in zip(*seqs)]
            result, start = [], 0
            for n in lens:
                result.append(words[start:start + n])
                start += n
            return trainer.utils.unsort(result, orig_idx) if unsort else result

        pred_tokens = tokens(sequences(True))
        if not extra_columns:
            return pred_tokens
        return pred_tokens, tokens(sequences(False))

    predict.__wrapped__ = original  # type: ignore[attr-defined]
    return predict


def predict_guard() -> str | None:
    """Why the read-back patch cannot go in (stanza's ``predict`` is not what it expects), or None."""
    trainer = importlib.import_module(_TRAINER)
    why_not = source_lacks(trainer, "Trainer.predict", "reads the tags in another way", (
                "_, preds = self.model(word, word_mask, wordchars, wordchars_mask, tags, pretrained, "
                "word_orig_idx, sentlens, wordlens, text)",
                "self.vocab[column.name].unmap(sent) for sent in pred.tolist()",
                "zip(self.model.tag_columns, preds)", "if column.output == output",
                "[[[seq[i][j] for seq in seqs] for j in range(sentlens[i])] for i in range(batch_size)]",
                "utils.unsort(result, orig_idx) if unsort else result"))
    if why_not:
        return why_not
    if not callable(getattr(trainer, "unpack_batch", None)) or not callable(getattr(trainer.utils, "unsort", None)):
        return "stanza's pos trainer has no unpack_batch or utils.unsort"
    return None


# -- self-checks -----------------------------------------------------------------------------


def _columns() -> tuple[Any, ...]:
    columns = importlib.import_module("stanza.models.pos.tag_columns")
    extra = columns.UPOS_COLUMN._replace(name="extra", output=False)
    return (*columns.DEFAULT_TAG_COLUMNS, extra)


def _random_case(seed: int) -> tuple[Any, Any]:
    """(a trainer stand-in whose network returns random tag ids, padding included; a batch of 1-4
    sentences of 0-6 words in random original order) for the read-back's checks."""
    import random
    from types import SimpleNamespace

    import torch

    vocabs, columns = _vocabs(), _columns()
    data_module = importlib.import_module(_DATA)

    class Model(torch.nn.Module):
        def __init__(self, preds: list[Any]) -> None:
            super().__init__()
            self.weight = torch.nn.Parameter(torch.zeros(1))
            self.tag_columns, self.preds = columns, preds

        def forward(self, *inputs: Any) -> Any:
            return 0.0, self.preds

    rng = random.Random(seed)
    generator = torch.Generator().manual_seed(seed)
    lens = sorted((rng.randrange(0 if seed else 1, 7) for _ in range(rng.randrange(1, 5))), reverse=True)
    width = max(lens)
    preds = []
    for column in columns:
        vocab = vocabs[column.name]
        parts = [len(v) for v in vocab._id2unit.values()] if isinstance(vocab._id2unit, dict) else None
        size = (len(lens), width, len(parts)) if parts else (len(lens), width)
        preds.append(torch.randint(0, min(parts) if parts else len(vocab), size, generator=generator))
    order = list(range(len(lens)))
    rng.shuffle(order)
    ids = torch.zeros(len(lens), width, dtype=torch.long)
    batch = data_module.DataBatch(ids, ids == 0, ids, ids == 0, [None] * len(columns), ids, order, [],
                                  [torch.tensor(n) for n in lens], [], [], order)
    return SimpleNamespace(model=Model(preds), vocab=vocabs), batch


def self_check_predict(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement returns stanza's tags on random network outputs (padding filled with random ids,
    composite columns, an extra column, sorted and unsorted, with and without extra columns)."""
    for seed in range(4):
        trainer, batch = _random_case(seed)
        for unsort, extra in ((True, False), (False, False), (True, True)):
            if patched(trainer, batch, unsort, extra) != original(trainer, batch, unsort, extra):
                return False
    return True
