"""stanza's part-of-speech tagger: its tags read back for the real words only, its input ids looked up once per unit.

Two pieces of Python around the tagger's network (``stanza.models.pos``), replaced by ones
that return the same values:

* The tag read-back (``Trainer.predict``). The network returns one padded tensor per tag
  column (``upos``, ``xpos``, ``feats``: one row per sentence of the batch, as long as the
  longest one); stanza turns every row to Python lists and every id, padding included,
  back into its tag, then keeps the first ``sentlens[i]`` of each row. On a batch of news
  sentences two positions in three are padding, and a feature column turns each padding
  position into a ``key=<PAD>`` string per feature key. :func:`make_predict` runs stanza's
  network call unchanged, takes the real words' ids out of each column with one mask, and
  turns each distinct id (or id row, for the features) of the batch into its tag once,
  through the vocabulary's own ``unmap``.
* The input ids (``Dataset.preprocess``). stanza maps each sentence's words, characters,
  pretrained-vocabulary words and tag columns to ids with one vocabulary call per word
  (the tag columns too, though a document to tag has none: every unit is ``_``).
  :func:`make_preprocess` maps each distinct unit of a column once, through the
  vocabulary's own ``map``, and builds the same samples (fresh lists where stanza's are).

Both keep stanza's code for vocabularies eventx does not know (another class, or one that
overrides ``map``/``unmap``); :mod:`eventx._parse._speedups` installs them guarded and
self-checked like its other patches (``EVENTX_FAST=0`` keeps stanza's code).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from operator import attrgetter
from typing import Any

__all__ = ["make_predict", "make_preprocess", "predict_guard", "preprocess_guard", "self_check_predict",
           "self_check_preprocess"]

_TRAINER = "stanza.models.pos.trainer"
_DATA = "stanza.models.pos.data"
#: The vocabulary classes whose ``unit2id``/``id2unit`` are pure look-ups (module, class name).
_PLAIN = {("stanza.models.common.vocab", "BaseVocab"), ("stanza.models.common.vocab", "CharVocab"),
          ("stanza.models.common.vocab", "CompositeVocab"), ("stanza.models.pos.vocab", "WordVocab"),
          ("stanza.models.pos.vocab", "XPOSVocab"), ("stanza.models.pos.vocab", "FeatureVocab"),
          ("stanza.models.common.pretrain", "PretrainedWordVocab")}


def _plain(vocab: Any) -> bool:
    """Whether ``vocab`` maps and unmaps unit by unit with stanza's ``BaseVocab`` loops over pure look-ups."""
    cls = type(vocab)
    if (cls.__module__, cls.__name__) not in _PLAIN:
        return False
    base = importlib.import_module("stanza.models.common.vocab").BaseVocab
    return cls.map is base.map and cls.unmap is base.unmap


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


def _source_lacks(module: Any, name: str, otherwise: str, expected: tuple[str, ...], what: str = "pos") -> str | None:
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


def predict_guard() -> str | None:
    """Why the read-back patch cannot go in (stanza's ``predict`` is not what it expects), or None."""
    trainer = importlib.import_module(_TRAINER)
    why_not = _source_lacks(trainer, "Trainer.predict", "reads the tags in another way", (
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


# -- the input ids ---------------------------------------------------------------------------


def _mapper(vocab: Any, units: list[Any]) -> dict[Any, Any]:
    """unit → ``vocab.map([unit])[0]`` for each distinct unit of ``units``."""
    distinct = list(dict.fromkeys(units))
    return dict(zip(distinct, vocab.map(distinct)))


def make_preprocess(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's pos ``Dataset.preprocess`` (same parameters and returns)."""

    def preprocess(self: Any, data: Any, vocab: Any, pretrain_vocab: Any, args: Any) -> Any:
        data_module = importlib.import_module(_DATA)
        names = list(self.tag_names)
        used = [vocab["word"], vocab["char"], *(vocab[name] for name in names)]
        if pretrain_vocab is not None:
            used.append(pretrain_vocab)
        if not all(_plain(v) for v in used) or not all(type(w[0]) is str for sent in data for w in sent):
            return original(self, data, vocab, pretrain_vocab, args)
        sample, pad = data_module.DataSample, data_module.PAD_ID
        words = _mapper(vocab["word"], [w[0] for sent in data for w in sent])
        chars = _mapper(vocab["char"], [c for sent in data for w in sent for c in w[0]])
        tags = [_mapper(vocab[name], [w[idx] for sent in data for w in sent]) for idx, name in enumerate(names, 1)]
        composite = [any(type(i) is list for i in table.values()) for table in tags]
        lowered = (_mapper(pretrain_vocab, [w[0].lower() for sent in data for w in sent])
                   if pretrain_vocab is not None else None)
        processed = []
        for sent in data:
            processed.append(sample(
                word=[[words[w[0]] for w in sent]],
                char=[[[chars[c] for c in w[0]] for w in sent]],
                tags=[[list(table[w[idx]]) for w in sent] if copy else [table[w[idx]] for w in sent]
                      for idx, (table, copy) in enumerate(zip(tags, composite), 1)],
                pretrain=[[lowered[w[0].lower()] for w in sent]] if lowered is not None else [[pad] * len(sent)],
                text=[w[0] for w in sent]))
        return processed

    preprocess.__wrapped__ = original  # type: ignore[attr-defined]
    return preprocess


def preprocess_guard() -> str | None:
    """Why the input-id patch cannot go in (stanza's ``preprocess`` is not what it expects), or None."""
    data_module = importlib.import_module(_DATA)
    why_not = _source_lacks(data_module, "Dataset.preprocess", "builds its samples in another way", (
                "word = [vocab['word'].map([w[0] for w in sent])]",
                "char = [[vocab['char'].map([x for x in w[0]]) for w in sent]]",
                "tags = [vocab[name].map([w[idx] for w in sent])",
                "for idx, name in enumerate(self.tag_names, 1)]",
                "pretrain = ([pretrain_vocab.map([w[0].lower() for w in sent])]",
                "else [[PAD_ID] * len(sent)]", "text = [w[0] for w in sent]"))
    if why_not:
        return why_not
    fields = getattr(getattr(data_module, "DataSample", None), "_fields", None)
    if fields != ("word", "char", "tags", "pretrain", "text") or not hasattr(data_module, "PAD_ID"):
        return "stanza's pos data module has another DataSample or no PAD_ID"
    return None


# -- self-checks -----------------------------------------------------------------------------


def _vocabs() -> dict[str, Any]:
    """Tiny stanza vocabularies: characters, words (lower-cased), upos, xpos (positional parts), feats (keyed)."""
    common = importlib.import_module("stanza.models.common.vocab")
    pos = importlib.import_module("stanza.models.pos.vocab")
    pretrain = importlib.import_module("stanza.models.common.pretrain")
    prefix = list(common.VOCAB_PREFIX)

    def plain(cls: Any, units: list[str], **extra: Any) -> Any:
        units = prefix + units
        return cls.load_state_dict({"lang": "en", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": units,
                                    "_unit2id": {u: i for i, u in enumerate(units)}, **extra})

    def composite(cls: Any, parts: dict[Any, list[str]], sep: str, keyed: bool) -> Any:
        id2unit = {k: prefix + v for k, v in parts.items()}
        unit2id = {k: {u: i for i, u in enumerate(v)} for k, v in id2unit.items()}
        return cls.load_state_dict({"lang": "en", "idx": 0, "sep": sep, "keyed": keyed,
                                    "_id2unit": id2unit, "_unit2id": unit2id})

    return {"char": plain(common.CharVocab, list("abcdeT")),
            "word": plain(pos.WordVocab, ["the", "a", "cat"], lower=True, ignore=[]),
            "upos": plain(pos.WordVocab, ["NOUN", "VERB", "DET"], ignore=[]),
            "xpos": composite(pos.XPOSVocab, {0: ["N", "V"], 1: ["c", "p"]}, "", False),
            "feats": composite(pos.FeatureVocab, {"Number": ["Sing", "Plur"], "Tense": ["Past"]}, "|", True),
            "extra": plain(pos.WordVocab, ["x1", "x2"], ignore=[]),
            "pretrain": plain(pretrain.PretrainedWordVocab, ["the", "cat"])}


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


def self_check_preprocess(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement builds stanza's samples from a few sentences (known and unknown words and characters,
    tags present and absent, with and without a pretrained vocabulary)."""
    from types import SimpleNamespace

    vocabs = _vocabs()
    data = [[["The", "NOUN", "Nc", "Number=Sing"], ["cat", "VERB", "Vp", "Number=Plur|Tense=Past"]],
            [["zebra", "_", "_", "_"]], [], [["a", "DET", "Xq", "Tense=Past"], ["The", "_", "N", "_"]]]
    self = SimpleNamespace(tag_names=["upos", "xpos", "feats"])
    for pretrain in (vocabs["pretrain"], None):
        expected = original(self, [[list(w) for w in s] for s in data], vocabs, pretrain, {})
        got = patched(self, [[list(w) for w in s] for s in data], vocabs, pretrain, {})
        if got != expected:
            return False
    return True
