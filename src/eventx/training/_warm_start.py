"""Continue training the tagger from a trained model file: "train it for longer".

stanza's tagger trainer always starts from random weights, so training a shipped
tagger for longer would mean repeating all of its steps first (3,400 steps, over
an hour on one core). This runs stanza's own trainer unchanged except for its
starting point: the network is loaded from ``--init-from`` (weights, vocabulary and
configuration; the trainer's flags override the configuration) and the training
data is indexed with that model's vocabulary, so every row of the loaded word,
character and tag tables keeps its meaning. The optimiser starts fresh, at a fifth of
the tagger's learning rate (:data:`FINE_TUNE_LR`): a fresh Adam at the full rate first
undoes part of what the file learnt. Model selection is stanza's: the file is saved
whenever the dev score beats the best one seen in this run.

Run as ``python -m eventx.training._warm_start --init-from FILE <tagger flags>``;
:func:`eventx.training.train_component` builds that command for ``init_from``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

#: Components that can start from a trained file (stanza's parser has its own
#: ``--checkpoint`` resume; the other trainers are one pass or cheap).
WARM_STARTABLE = ("pos",)
#: The learning rate of a continued run, a fifth of stanza's tagger default (0.003). Measured
#: on the bundled tagger (EWT dev, all tags right; 93.24 to start): at 0.003 the dev score fell
#: to 93.00, 93.22, 92.35 at steps 200-600; at 0.0006 it rose to 93.30, 93.53, 93.72 (step 1,200).
FINE_TUNE_LR = "0.0006"


def warm_start_tagger(init_from: Path, trainer_argv: list[str]) -> None:
    """Run stanza's tagger trainer with ``trainer_argv``, starting from ``init_from``.

    Raises:
        FileNotFoundError: ``init_from`` does not exist.
    """
    if not init_from.is_file():
        raise FileNotFoundError(f"--init-from: no model file {init_from}")
    import torch
    from stanza.models import tagger
    from stanza.models.pos.data import Dataset
    from stanza.models.pos.trainer import Trainer
    from stanza.models.pos.vocab import MultiVocab

    checkpoint = torch.load(init_from, map_location="cpu", weights_only=True)
    vocab = MultiVocab.load_state_dict(checkpoint["vocab"])

    def loaded_vocab(*_args: Any, **_kwargs: Any) -> MultiVocab:
        return vocab

    def trainer_from_file(*args: Any, model_file: str | None = None, **kwargs: Any) -> Trainer:
        # the trainer builds its first Trainer without a file; give it the starting model
        kwargs.pop("vocab", None)
        return Trainer(*args, model_file=model_file or str(init_from), **kwargs)

    original_init_vocab, original_trainer = Dataset.init_vocab, tagger.Trainer
    Dataset.init_vocab = staticmethod(loaded_vocab)
    tagger.Trainer = trainer_from_file
    try:
        tagger.main(trainer_argv)
    finally:
        Dataset.init_vocab, tagger.Trainer = staticmethod(original_init_vocab), original_trainer


def main(argv: list[str] | None = None) -> None:
    given = sys.argv[1:] if argv is None else argv
    if len(given) < 2 or given[0] != "--init-from":
        raise SystemExit("usage: python -m eventx.training._warm_start --init-from FILE <stanza tagger flags>")
    warm_start_tagger(Path(given[1]), given[2:])


if __name__ == "__main__":
    main()
