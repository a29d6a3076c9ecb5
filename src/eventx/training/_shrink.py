"""Halve the bundled model files: float32 weights stored as float16.

stanza copies a checkpoint's tensors into float32 modules when it loads
(``load_state_dict`` converts dtypes), so a half-precision file runs exactly as
a float32 model whose weights were rounded to 11 significant bits. The models
page reports scores measured on the shrunk files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["shrink_model_file"]


def _halve(value: Any) -> Any:
    import torch

    if isinstance(value, torch.Tensor) and value.dtype == torch.float32:
        return value.half()
    if isinstance(value, dict):
        return type(value)((k, _halve(v)) for k, v in value.items())
    return value


def shrink_model_file(path: Path) -> tuple[int, int]:
    """Rewrite ``path`` with float16 weights and no optimizer state; return (bytes before, after)."""
    import torch

    before = path.stat().st_size
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    if isinstance(checkpoint, dict):
        checkpoint.pop("optimizer", None)
        checkpoint = {k: (_halve(v) if k == "model" else v) for k, v in checkpoint.items()}
    torch.save(checkpoint, path)
    return before, path.stat().st_size
