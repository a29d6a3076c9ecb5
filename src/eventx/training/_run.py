"""Run stanza's trainers for the bundled components."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from eventx.training._components import COMPONENTS, OPTIONAL, SEED, Component
from eventx.training._data import build_treebank
from eventx.training._ner import prepare_ner
from eventx.training._warm_start import FINE_TUNE_LR, WARM_STARTABLE


def _paths(work_dir: Path, out_dir: Path) -> dict[str, str]:
    return {
        "ud": str(work_dir / "ud" / "UD_English-EWT"),
        "tokenize": str(work_dir / "data" / "tokenize"),
        "mwt": str(work_dir / "data" / "mwt"),
        "ner": str(work_dir / "data" / "ner"),
        "scratch": str(work_dir / "scratch"),
        "out": str(out_dir),
    }


def _stanza_env(work_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["UDBASE"] = str(work_dir / "ud")
    env["DATA_ROOT"] = str(work_dir / "data")
    return env


def prepare_data(work_dir: Path, *, include_gum: bool = True, max_sentences: int | None = None) -> None:
    """Build the treebank under ``work_dir`` and run stanza's data preparers on it (and write the GUM NER data)."""
    work_dir = work_dir.resolve()
    build_treebank(work_dir / "ud", include_gum=include_gum, max_sentences=max_sentences)
    prepare_ner(work_dir, max_sentences=max_sentences)
    (work_dir / "scratch").mkdir(parents=True, exist_ok=True)
    for preparer in ("prepare_tokenizer_treebank", "prepare_mwt_treebank"):
        subprocess.run(
            [sys.executable, "-m", f"stanza.utils.datasets.{preparer}", "UD_English-EWT"],
            check=True, env=_stanza_env(work_dir), cwd=work_dir,
        )


def trainer_command(component: Component, work_dir: Path, out_dir: Path, steps: int | None = None,
                    *, quick: bool = False, init_from: Path | None = None) -> list[str]:
    """The full ``python -m <trainer> ...`` command line for one component.

    ``quick`` adds its smoke-test flags; ``init_from`` starts from that trained file
    (through :mod:`eventx.training._warm_start`, at its fine-tuning learning rate) instead
    of random weights.
    """
    paths = _paths(work_dir.resolve(), out_dir.resolve())
    if init_from is None:
        runner = ["-m", component.module]
    elif component.name in WARM_STARTABLE:
        runner = ["-m", "eventx.training._warm_start", "--init-from", str(init_from.resolve())]
    else:
        raise ValueError(f"{component.name} cannot start from a trained file (only {', '.join(WARM_STARTABLE)})")
    argv = [sys.executable, *runner, *(a.format(**paths) for a in component.args)]
    argv += ["--seed", str(SEED), "--cpu"]
    if component.steps_flag:
        argv += [component.steps_flag, str(steps if steps is not None else component.steps)]
    if init_from is not None:
        argv += ["--lr", FINE_TUNE_LR]
    if quick:
        argv += list(component.quick_args)
    return argv


def train_component(name: str, work_dir: Path, out_dir: Path, *, steps: int | None = None,
                    threads: int | None = None, quick: bool = False, init_from: Path | None = None) -> Path:
    """Train one component and return the path of its model file.

    Args:
        name: A key of :data:`~eventx.training.COMPONENTS` (or of ``OPTIONAL``).
        work_dir: Folder prepared by :func:`prepare_data`.
        out_dir: Where the model file is written.
        steps: Override the component's default training length.
        threads: Torch intra-op threads (``OMP_NUM_THREADS``) for this trainer.
        quick: A smoke run: evaluate after every step so a few steps still save a model.
        init_from: A trained model file of this component to continue from ("train
            for longer"; the tagger only); the data is indexed with its vocabulary.
    """
    component = COMPONENTS[name] if name in COMPONENTS else OPTIONAL[name]
    out_dir.mkdir(parents=True, exist_ok=True)
    env = _stanza_env(work_dir.resolve())
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)
    subprocess.run(trainer_command(component, work_dir, out_dir, steps, quick=quick, init_from=init_from), check=True, env=env, cwd=work_dir)
    return out_dir / component.filename
