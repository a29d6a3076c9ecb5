"""Train the lemmatizer's seq2seq part on word types, its dictionary on every token.

stanza's lemmatizer is a dictionary (the most frequent lemma of each word/UPOS pair
of the training data, with a word-only fallback) plus a character seq2seq model that
the pipeline runs only on words the dictionary lacks (``skip_seq2seq``). The seq2seq
therefore matters only for unseen words, and a frequent word's thousand copies teach
it nothing its one copy does not; training it on every token costs about ten times
as long on the CPU. This runs stanza's own trainer unchanged on:

- ``lemma.train.types.conllu``: the distinct (word, UPOS, lemma) triples of the
  training file, as stanza's loader reads them (goeswith pieces dropped,
  ``CorrectForm`` used), one word per sentence;
- ``lemma.dev.unseen.conllu``: the dev words whose form the training data lacks, so
  that stanza's model selection (best dev score) scores exactly the words the
  seq2seq will see;

and then rebuilds the saved model's dictionary from every token of the training
file (stanza's own :meth:`Trainer.train_dict`), the dictionary a ``--dict_only``
model of the same file has. Both derived files are written next to ``--output_file``.

Run as ``python -m eventx.training._lemma <stanza lemmatizer flags>``; the LEMMA_SEQ2SEQ
component of :mod:`eventx.training._components` does.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["keep_token_dictionary", "train_lemmatizer", "type_triples"]


def _flag(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def _with_flag(argv: list[str], name: str, value: str) -> list[str]:
    out = list(argv)
    out[out.index(name) + 1] = value
    return out


def _training_triples(path: Path) -> list[list[str]]:
    """(word, UPOS, lemma) of every token of a training file, as stanza's lemma trainer reads them."""
    from stanza.models.lemma.data import DataLoader
    from stanza.utils.conll import CoNLL

    return DataLoader.load_doc(CoNLL.conll2doc(input_file=str(path)), caseless=False, skip_blank_lemmas=False,
                               evaluation=False)


def type_triples(triples: list[list[str]]) -> list[tuple[str, str, str]]:
    """The distinct triples, in order of first appearance."""
    return list(dict.fromkeys(tuple(t[:3]) for t in triples))


def _one_word_sentences(triples: list[tuple[str, str, str]]) -> str:
    return "".join(f"1\t{w}\t{lemma}\t{pos}\t_\t_\t0\troot\t_\t_\n\n" for w, pos, lemma in triples)


def _unseen_dev_words(dev: Path, known: set[str]) -> list[tuple[str, str, str]]:
    from stanza.models.common.doc import LEMMA, TEXT, UPOS
    from stanza.utils.conll import CoNLL

    words = CoNLL.conll2doc(input_file=str(dev)).get([TEXT, UPOS, LEMMA])
    return [(w, pos or "_", lemma or "_") for w, pos, lemma in words if w not in known]


def train_lemmatizer(argv: list[str]) -> Path:
    """Run stanza's lemma trainer with ``argv`` on word types; return the model file.

    ``argv`` are stanza's flags; ``--train_file``, ``--eval_file``, ``--output_file``,
    ``--save_dir`` and ``--save_name`` must be among them.
    """
    from stanza.models import lemmatizer

    train, dev = Path(_flag(argv, "--train_file")), Path(_flag(argv, "--eval_file"))
    scratch = Path(_flag(argv, "--output_file")).parent
    scratch.mkdir(parents=True, exist_ok=True)
    tokens = _training_triples(train)
    types = type_triples(tokens)
    unseen = _unseen_dev_words(dev, {w for w, _, _ in types})
    if not unseen:  # a tiny smoke-test slice: select on every dev word instead
        unseen = _unseen_dev_words(dev, set())
    types_file, unseen_file = scratch / "lemma.train.types.conllu", scratch / "lemma.dev.unseen.conllu"
    types_file.write_text(_one_word_sentences(types), encoding="utf-8")
    unseen_file.write_text(_one_word_sentences(unseen), encoding="utf-8")
    print(f"lemma: {len(tokens)} training tokens, {len(types)} types; {len(unseen)} dev words unseen in training",
          flush=True)
    lemmatizer.main(_with_flag(_with_flag(argv, "--train_file", str(types_file)), "--eval_file", str(unseen_file)))
    model_file = Path(_flag(argv, "--save_dir")) / _flag(argv, "--save_name")
    keep_token_dictionary(model_file, tokens)
    return model_file


def keep_token_dictionary(model_file: Path, tokens: list[list[str]]) -> None:
    """Rewrite ``model_file``'s dictionary as stanza builds it from ``tokens`` (every training token)."""
    from stanza.models.lemma.trainer import Trainer

    trainer = Trainer(model_file=str(model_file), device="cpu")
    trainer.pos_dict = {}
    trainer.train_dict(tokens)
    trainer.save(str(model_file))


def main(argv: list[str] | None = None) -> None:
    train_lemmatizer(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    main()
