"""Load the bundled model files with torch's fast unpickler, after checking they are the bundled ones.

stanza loads every model file with ``torch.load(..., weights_only=True)``: torch's
restricted unpickler, written in Python, which refuses anything but tensors and plain
containers, so that a model file from elsewhere cannot run code. It is slow on files
holding many Python objects: the word list of ``pretrain.pt`` and the vocabularies of
``ner.pt`` take it about a second of a cold start, against a tenth of that for the C
unpickler (``weights_only=False``).

The models bundled with eventx are part of the package, as trusted as its code. While
the pipeline loads (:func:`trusted_model_loads`), a ``torch.load`` of a file whose
SHA-256 is that of a bundled file (:data:`BUNDLED_SHA256`) reads the file's bytes once,
checks their hash and unpickles those same bytes with ``weights_only=False``; any
other file (another model folder, a retrained model, a file that changed) goes to
stanza's call unchanged. The objects are the same either way (the tests compare them),
so the parses are too. ``EVENTX_FAST=0`` keeps stanza's loading as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["BUNDLED_SHA256", "trusted_model_loads"]

#: SHA-256 of the bundled model files that are worth the check (the small ones load
#: fast either way). A retrained model has another hash and loads the safe, slow way
#: until its hash is put here (the tests say when a bundled file and this table differ).
BUNDLED_SHA256 = {
    "pretrain.pt": "d17dd660daf1218ba3f1580d22c452b663c5cee0ff4f11ac1775c40e9b5718e9",
    "ner.pt": "936cf5ce4f3cdd589718d6a7184cfc2cc9ff6b479dca2dff69bc701a247ef419",
    "pos.pt": "a859c95e27ef02f99ad2c8525702c305f36ea1431c96c04ff484c0b83c1240ab",
    "depparse.pt": "5ff995868814e3b497b0d20f25da0f585c1216cb09e2e5e593f9efd744a360a1",
}
_TRUSTED = frozenset(BUNDLED_SHA256.values())

_LOCK = threading.Lock()


def _bundled_bytes(target: Any) -> bytes | None:
    """The bytes of ``target`` (a path) when their SHA-256 is a bundled file's, else ``None``."""
    if not isinstance(target, (str, os.PathLike)):
        return None
    try:
        if os.path.basename(os.fspath(target)) not in BUNDLED_SHA256:
            return None
        with open(target, "rb") as handle:
            data = handle.read()
    except (OSError, TypeError, ValueError):
        return None
    return data if hashlib.sha256(data).hexdigest() in _TRUSTED else None


@contextlib.contextmanager
def trusted_model_loads() -> Iterator[None]:
    """While active, ``torch.load`` unpickles bundled model files with the C unpickler (see above)."""
    if os.environ.get("EVENTX_FAST", "1") == "0":
        yield
        return
    import torch

    original = torch.load

    def load(f: Any, *args: Any, **kwargs: Any) -> Any:
        data = _bundled_bytes(f) if kwargs.get("weights_only") else None
        if data is None:
            return original(f, *args, **kwargs)
        return original(io.BytesIO(data), *args, **{**kwargs, "weights_only": False})

    with _LOCK:  # two pipelines loading at once must not save each other's wrapper
        torch.load = load
        try:
            yield
        finally:
            torch.load = original
