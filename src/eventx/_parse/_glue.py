"""Small exact replacements around stanza's networks: the discarded CRF loss, the
vocabulary look-ups and the padded id tables, with their self-checks.

Installed, guarded and switched off (``EVENTX_FAST=0``) by :mod:`eventx._parse._speedups`,
which lists every patch; see there for what each one replaces and why.
"""

from __future__ import annotations

import contextvars
import importlib
import inspect
from collections.abc import Callable
from operator import attrgetter
from typing import Any

__all__ = ["check_crf", "check_long_tensor", "check_map", "check_unmap", "crf_forward", "inside", "long_tensor",
           "ner_discards_the_loss", "source_lacks", "vocab_map", "vocab_unmap"]

#: True inside :func:`eventx._parse._speedups.inference`: the CRF loss is skipped only there.
inside: contextvars.ContextVar[bool] = contextvars.ContextVar("eventx_inference", default=False)
_MISSING = object()


def crf_forward(original: Callable[..., Any]) -> Callable[..., Any]:
    def forward(self: Any, inputs: Any, masks: Any, tag_indices: Any) -> Any:
        import torch

        if inside.get() and not self.training and not torch.is_grad_enabled():
            return inputs.new_zeros(()), self._transitions  # the loss is discarded by predict
        return original(self, inputs, masks, tag_indices)

    forward.__wrapped__ = original  # type: ignore[attr-defined]
    return forward


def vocab_map(original: Callable[..., Any], base: type) -> Callable[..., Any]:
    plain_lookup = (base.unit2id, base.normalize_unit)

    def map(self: Any, units: Any) -> list[Any]:
        cls = type(self)
        if (cls.unit2id, cls.normalize_unit) != plain_lookup or getattr(self, "lower", True):
            return original(self, units)
        get = self._unit2id.get
        ids = [get(unit, _MISSING) for unit in units]
        if _MISSING in ids:  # unknown units: stanza's UNK id (a KeyError where there is none, as stanza)
            unknown = self._unit2id["<UNK>"]
            ids = [unknown if i is _MISSING else i for i in ids]
        return ids

    map.__wrapped__ = original  # type: ignore[attr-defined]
    return map


def vocab_unmap(original: Callable[..., Any], base: type) -> Callable[..., Any]:
    plain_lookup = base.id2unit

    def unmap(self: Any, ids: Any) -> list[Any]:
        if type(self).id2unit is not plain_lookup:
            return original(self, ids)
        units = self._id2unit
        return [units[i] for i in ids]

    unmap.__wrapped__ = original  # type: ignore[attr-defined]
    return unmap


def long_tensor(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_long_tensor(tokens_list: Any, batch_size: int, pad_id: int = 0) -> Any:
        import numpy as np
        import torch

        if (not isinstance(tokens_list, list) or not tokens_list
                or not all(type(row) is list for row in tokens_list)
                or any(row and isinstance(row[0], list) for row in tokens_list)):
            return original(tokens_list, batch_size, pad_id)
        width = max(len(row) for row in tokens_list)
        ids = np.full((batch_size, width), pad_id, dtype=np.int64)
        for i, row in enumerate(tokens_list):
            ids[i, :len(row)] = row
        return torch.from_numpy(ids)

    get_long_tensor.__wrapped__ = original  # type: ignore[attr-defined]
    return get_long_tensor


def ner_discards_the_loss() -> str | None:
    return source_lacks(importlib.import_module("stanza.models.ner.trainer"), "Trainer.predict",
                        "may use the CRF loss", ("_, logits, trans = self.model(",), what="ner")


def check_crf(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    import torch

    crf = owner(5).eval()
    inputs = torch.randn(2, 4, 5)
    masks = torch.zeros(2, 4, dtype=torch.bool)
    tags = torch.zeros(2, 4, dtype=torch.long)
    with torch.no_grad():
        _, expected = original(crf, inputs, masks, tags)
        token = inside.set(True)
        try:
            loss, got = patched(crf, inputs, masks, tags)
        finally:
            inside.reset(token)
    return got is expected and float(loss) == 0.0


def _tiny_vocab() -> Any:
    vocab_module = importlib.import_module("stanza.models.common.vocab")
    units = ["<PAD>", "<UNK>", "<EMPTY>", "<ROOT>", "a", "b"]
    return vocab_module.CharVocab.load_state_dict(
        {"lang": "en", "idx": 0, "cutoff": 0, "lower": False,
         "_id2unit": units, "_unit2id": {unit: i for i, unit in enumerate(units)}})


def check_map(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    vocab = _tiny_vocab()
    units = [*"abcab", None, "", "<PAD>"]
    return bool(patched(vocab, units) == original(vocab, units) and patched(vocab, []) == original(vocab, []))


def check_unmap(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    vocab = _tiny_vocab()
    ids = [4, 5, 1, 0, 3, 2]
    return bool(patched(vocab, ids) == original(vocab, ids) and patched(vocab, []) == original(vocab, []))


def check_long_tensor(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    import torch

    for rows, batch in (([[3, 4, 5], [6], [7, 8]], 3), ([[1], [2, 3]], 4), ([[9, 9], []], 2)):
        expected, got = original(rows, batch), patched(rows, batch)
        if got.dtype != expected.dtype or not torch.equal(got, expected):
            return False
    return bool(torch.equal(original([[1, 2]], 1, 7), patched([[1, 2]], 1, 7)))


def source_lacks(module: Any, name: str, otherwise: str, expected: tuple[str, ...], what: str = "pos") -> str | None:
    """Why ``module``'s ``name`` (``Class.method``) is not the code a patch replaces: its
    source is unreadable or lacks one of the ``expected`` lines; None where all are there
    (``what`` names the stanza model in the reason)."""
    try:
        source = inspect.getsource(attrgetter(name)(module))
    except (OSError, TypeError, AttributeError):
        return f"stanza's {what} {name} is not readable"
    if not all(line in source for line in expected):
        return f"stanza's {what} {name} {otherwise}"
    return None
