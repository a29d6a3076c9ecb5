"""Find and load the stanza pipeline: bundled models, a model folder, or stanza's own.

Resolution order:

1. ``Extractor(model_dir=...)``, else the ``EVENTX_MODEL_DIR`` environment variable:
   a folder holding the bundled file names (``tokenize.pt``, ``mwt.pt``, ``pos.pt``,
   ``lemma.pt``, ``depparse.pt``; ``pretrain.pt``, the word vectors of the tagger and
   parser, when they were trained with vectors; ``ner.pt`` optional).
2. ``Extractor(models="stanza")``: stanza's official English models from the
   standard stanza resources folder (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``),
   fetched beforehand with ``eventx download``.
3. Otherwise the models bundled inside the package (``eventx/models/en``).

The network is never touched here (``download_method=None``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from eventx._exceptions import ModelError

__all__ = ["BUNDLED", "MODEL_FILES", "STANZA", "bundled_model_dir", "load_pipeline", "resolve_model_dir"]

#: Processor → file name inside a model folder, in pipeline order.
MODEL_FILES = {"tokenize": "tokenize.pt", "mwt": "mwt.pt", "pos": "pos.pt", "lemma": "lemma.pt", "depparse": "depparse.pt"}
#: Optional processors, loaded when their file is present.
OPTIONAL_FILES = {"ner": "ner.pt"}
#: Word vectors shared by the tagger and the parser (absent for models trained without).
PRETRAIN_FILE = "pretrain.pt"
#: Names accepted by ``Extractor(models=...)``.
BUNDLED, STANZA = "bundled", "stanza"
ENV_MODEL_DIR = "EVENTX_MODEL_DIR"


def bundled_model_dir() -> Path:
    """The folder of the models shipped inside the package."""
    return Path(str(resources.files("eventx") / "models" / "en"))


def resolve_model_dir(model_dir: str | os.PathLike[str] | None, models: str) -> Path | None:
    """The model folder to load, or ``None`` for stanza's official models."""
    if models not in (BUNDLED, STANZA):
        raise ValueError(f"models must be {BUNDLED!r} or {STANZA!r}, got {models!r}")
    if model_dir is not None:
        return Path(model_dir)
    if models == STANZA:
        return None
    env = os.environ.get(ENV_MODEL_DIR)
    return Path(env) if env else bundled_model_dir()


def _check_folder(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        raise ModelError(f"model folder {folder} does not exist. Pass an existing folder as "
                         f"Extractor(model_dir=...) / ${ENV_MODEL_DIR}, or unset it to use the bundled models.")
    paths = {proc: folder / name for proc, name in MODEL_FILES.items()}
    missing = [str(p.name) for p in paths.values() if not p.is_file()]
    if missing:
        raise ModelError(f"model folder {folder} lacks {', '.join(missing)}. A complete folder holds "
                         f"{', '.join(MODEL_FILES.values())}; rebuild them with `python -m eventx.training` "
                         f"or reinstall eventx-nlp to restore the bundled ones.")
    paths.update({proc: folder / name for proc, name in OPTIONAL_FILES.items() if (folder / name).is_file()})
    return paths


def _quiet_stanza() -> None:
    logging.getLogger("stanza").setLevel(logging.WARNING)


_OPTIMIZER_PATCH_LOCK = threading.Lock()


@contextlib.contextmanager
def _no_training_optimizer() -> Iterator[None]:
    """While the pipeline loads, stanza builds no optimizers.

    stanza's tokenizer and tagger build their Adam optimizers when they load, even
    for prediction, and torch's optimizer constructor imports ``torch._dynamo``:
    about 1.5 s of a cold start, for objects used only to train, which a pipeline
    never does. So ``get_optimizer`` returns ``None`` and ``get_split_optimizer`` an
    empty dict (what stanza iterates over) while it loads. Functions stanza does not
    have are left alone.
    """
    from stanza.models.common import utils

    stubs = {"get_optimizer": lambda *args, **kwargs: None, "get_split_optimizer": lambda *args, **kwargs: {}}
    with _OPTIMIZER_PATCH_LOCK:  # two pipelines loading at once must not save each other's stubs
        originals = {name: getattr(utils, name) for name in stubs if callable(getattr(utils, name, None))}
        for name in originals:
            setattr(utils, name, stubs[name])
        try:
            yield
        finally:
            for name, function in originals.items():
                setattr(utils, name, function)


def load_pipeline(model_dir: Path | None, *, device: str = "cpu", **options: Any) -> Any:
    """Build the stanza pipeline (imports stanza on first use only).

    Raises:
        ModelError: A model is missing or cannot be loaded; the message says what to do.
    """
    _quiet_stanza()
    import stanza

    from eventx._parse import _decoder, _speedups
    from eventx._parse._trusted import trusted_model_loads

    _decoder.install()  # stanza's tree decoder → the compiled one, same trees (see _decoder)
    _speedups.install()  # exact speed-ups of stanza's inference, same parses (see _speedups)
    processors = "tokenize,mwt,pos,lemma,depparse"
    if model_dir is None:
        stanza_dir = os.environ.get("STANZA_RESOURCES_DIR", str(Path.home() / "stanza_resources"))
        try:
            with _no_training_optimizer():
                return stanza.Pipeline(lang="en", dir=stanza_dir, processors=processors + ",ner",
                                       download_method=None, logging_level="ERROR", device=device, **options)
        except Exception as exc:  # stanza raises FileNotFoundError, KeyError, RuntimeError… here
            raise ModelError(f"stanza's English models could not be loaded from {stanza_dir} ({exc}). "
                             "Run `eventx download` on a machine with internet access first.") from exc
    paths = _check_folder(model_dir)
    kwargs = {f"{proc}_model_path": str(path) for proc, path in paths.items()}
    pretrain = model_dir / PRETRAIN_FILE
    pretrain_path = str(pretrain) if pretrain.is_file() else None
    if "ner" in paths and pretrain_path:
        kwargs["ner_pretrain_path"] = pretrain_path
    resources_file = bundled_model_dir() / "resources.json"
    try:
        with _no_training_optimizer(), trusted_model_loads():  # bundled files: the fast unpickler (_trusted)
            return stanza.Pipeline(
                lang="en", dir=str(model_dir), processors=",".join(paths), download_method=None,
                resources_filepath=str(resources_file), allow_unknown_language=True,
                logging_level="ERROR", device=device, pos_pretrain_path=pretrain_path,
                depparse_pretrain_path=pretrain_path, tokenize_no_ssplit=False, **kwargs, **options,
            )
    except Exception as exc:
        raise ModelError(f"the models in {model_dir} could not be loaded ({type(exc).__name__}: {exc}). "
                         "The files may be corrupt, from an incompatible stanza version, or trained with word vectors "
                         f"whose {PRETRAIN_FILE} is missing; rebuild them with "
                         "`python -m eventx.training` or reinstall eventx-nlp.") from exc
