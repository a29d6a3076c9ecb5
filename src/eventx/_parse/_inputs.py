"""stanza's tagger, parser and entity tagger: their input ids looked up once per distinct unit.

Before its network runs, each of stanza's taggers turns the words of the batch into id
lists: the part-of-speech tagger (``stanza.models.pos.data.Dataset.preprocess``) and the
parser (``stanza.models.depparse.data.Dataset.preprocess``) a list per column (words,
characters, pretrained-vocabulary words, tags, features; the parser also lemmas and
relations), the entity tagger (``stanza.models.ner.data.DataLoader.preprocess``) each
word's characters and its tag column. All three call the vocabulary once per word (the
characters of each word in a call of their own; the tag columns too, though a document to
tag has none), and the entity tagger's tags (a tuple per word, ``(None,)`` in a document
to tag) go through the composite vocabulary's string splitting word by word. On the 90
MEANTIME articles the parser's and entity tagger's look-ups alone held Python's
interpreter lock for about a second, time in which the other parse thread's Python waits
(:mod:`eventx._batch`).

:func:`make_tagger_preprocess`, :func:`make_parser_preprocess` and
:func:`make_entity_preprocess` map each distinct unit of a column once, through the
vocabulary's own ``map``, and build the same samples, fresh lists where stanza's are.
They keep stanza's code for vocabularies eventx does not know, for data that is not
plain strings, and for the parser's training data (where a bad head raises);
:mod:`eventx._parse._speedups` installs them guarded and self-checked like its other
patches (``EVENTX_FAST=0`` keeps stanza's code).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from eventx._parse._glue import source_lacks

__all__ = ["entity_preprocess_guard", "make_entity_preprocess", "make_parser_preprocess", "make_tagger_preprocess",
           "parser_preprocess_guard", "self_check_entity_preprocess", "self_check_parser_preprocess",
           "self_check_tagger_preprocess", "tagger_preprocess_guard"]

_TAGGER_DATA = "stanza.models.pos.data"
_PARSER_DATA = "stanza.models.depparse.data"
_ENTITY_DATA = "stanza.models.ner.data"
#: The parser's vocabulary columns, in the order of its samples.
_PARSER_COLUMNS = ("word", "char", "upos", "xpos", "feats", "lemma", "deprel")


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


def _mapper(vocab: Any, units: list[Any]) -> dict[Any, Any]:
    """unit → ``vocab.map([unit])[0]`` for each distinct unit of ``units``."""
    distinct = list(dict.fromkeys(units))
    return dict(zip(distinct, vocab.map(distinct)))


class _Unusual(Exception):
    """A unit the replacement was not written for: stanza's own code runs instead."""


def _ids(vocab: Any, units: list[Any], is_unit: Callable[[Any], bool] | None = None) -> list[Any]:
    """``vocab.map(units)``, each distinct unit mapped once (a fresh list per unit where the
    ids are lists, as stanza's per-unit calls make); :class:`_Unusual` if a unit fails ``is_unit``
    (a unit that is not hashable: ``TypeError``)."""
    distinct = list(dict.fromkeys(units))
    if is_unit is not None and not all(map(is_unit, distinct)):
        raise _Unusual
    table = dict(zip(distinct, vocab.map(distinct)))
    if any(type(ids) is list for ids in table.values()):
        return [table[unit][:] for unit in units]
    return [table[unit] for unit in units]


def _spellings(vocab: Any, texts: list[str], lowercase: bool = False) -> list[list[Any]]:
    """``[vocab.map([c for c in text]) for text in texts]`` (each character lower-cased
    first with ``lowercase``), each distinct character and text looked up once."""
    distinct = list(dict.fromkeys(texts))
    # each character lowered alone, as stanza does ("İ" lowers to two characters, a final "Σ" to "ς" in a word)
    keys = [[c.lower() for c in text] for text in distinct] if lowercase else distinct
    chars = _mapper(vocab, [c for key in keys for c in key])
    spelled = {text: [chars[c] for c in key] for text, key in zip(distinct, keys)}
    return [spelled[text][:] for text in texts]


def _is_str(unit: Any) -> bool:
    return type(unit) is str


def _is_tag(unit: Any) -> bool:
    """Whether ``unit`` is an entity tag as stanza's loader gives them: a tuple with a string
    or None (no tag, as in a document to tag) per tag layer, or a string."""
    return type(unit) is str or (type(unit) is tuple and all(part is None or type(part) is str for part in unit))


def _by_sentence(data: Any, column: list[Any]) -> list[list[Any]]:
    """A flat ``column`` (one item per word of ``data``) cut into sentences."""
    rows, start = [], 0
    for sent in data:
        rows.append(column[start:start + len(sent)])
        start += len(sent)
    return rows


def make_parser_preprocess(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's depparse ``Dataset.preprocess`` (same parameters and returns)."""

    def preprocess(self: Any, data: Any, vocab: Any, pretrain_vocab: Any, args: Any) -> Any:
        data_module = importlib.import_module(_PARSER_DATA)
        used = [vocab[name] for name in _PARSER_COLUMNS] + ([pretrain_vocab] if pretrain_vocab is not None else [])
        if not getattr(self, "eval", False) or not all(_plain(v) for v in used):
            return original(self, data, vocab, pretrain_vocab, args)
        words = [w for sent in data for w in sent]
        try:
            texts = [w[0] for w in words]
            columns = [_ids(vocab[name], [w[k] for w in words], _is_str)
                       for name, k in (("word", 0), ("upos", 1), ("xpos", 2), ("feats", 3), ("lemma", 4))]
            heads_column = [w[5] for w in words]
            if not all(map(_is_str, dict.fromkeys(heads_column))):
                raise _Unusual
            deprel = _ids(vocab["deprel"], [w[6] for w in words], _is_str)
        except (_Unusual, TypeError, IndexError):  # not plain strings (a reversed head is an int)
            return original(self, data, vocab, pretrain_vocab, args)
        heads = {h: data_module.to_int(h, ignore_error=True) for h in dict.fromkeys(heads_column)}
        root, pad = data_module.ROOT_ID, data_module.PAD_ID
        composite_xpos = isinstance(vocab["xpos"], data_module.CompositeVocab)
        xpos_replacement = [[root] * len(vocab["xpos"])] if composite_xpos else [root]
        feats_replacement = [[root] * len(vocab["feats"])]
        word, upos, xpos, feats, lemma = (_by_sentence(data, column) for column in columns)
        chars = _by_sentence(data, _spellings(vocab["char"], texts))
        lowered = (_by_sentence(data, _ids(pretrain_vocab, [text.lower() for text in texts], _is_str))
                   if pretrain_vocab is not None else [[pad] * len(sent) for sent in data])
        deprels = _by_sentence(data, deprel)
        return [[[root] + word[i], [[root]] + chars[i], [root] + upos[i], xpos_replacement + xpos[i],
                 feats_replacement + feats[i], [root] + lowered[i], [root] + lemma[i],
                 [heads[w[5]] for w in sent], deprels[i], [w[0] for w in sent]]
                for i, sent in enumerate(data)]

    preprocess.__wrapped__ = original  # type: ignore[attr-defined]
    return preprocess


def make_entity_preprocess(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's ner ``DataLoader.preprocess`` (same parameters and returns)."""

    def preprocess(self: Any, data: Any, vocab: Any, args: Any) -> Any:
        if not _plain(vocab["char"]) or not _plain(vocab["tag"]):
            return original(self, data, vocab, args)
        words = [w for sent in data for w in sent]
        try:
            texts = [w[0] for w in words]
            if not all(map(_is_str, dict.fromkeys(texts))):
                raise _Unusual
            tags = _by_sentence(data, _ids(vocab["tag"], [w[1] for w in words], _is_tag))
        except (_Unusual, TypeError, IndexError):
            return original(self, data, vocab, args)
        chars = _by_sentence(data, _spellings(vocab["char"], texts, args.get("char_lowercase", False)))
        return [[[w[0] for w in sent], chars[i], tags[i]] for i, sent in enumerate(data)]

    preprocess.__wrapped__ = original  # type: ignore[attr-defined]
    return preprocess


def make_tagger_preprocess(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's pos ``Dataset.preprocess`` (same parameters and returns)."""

    def preprocess(self: Any, data: Any, vocab: Any, pretrain_vocab: Any, args: Any) -> Any:
        data_module = importlib.import_module(_TAGGER_DATA)
        names = list(self.tag_names)
        used = [vocab["word"], vocab["char"], *(vocab[name] for name in names)]
        if pretrain_vocab is not None:
            used.append(pretrain_vocab)
        if not all(_plain(v) for v in used):
            return original(self, data, vocab, pretrain_vocab, args)
        words = [w for sent in data for w in sent]
        try:
            texts = [w[0] for w in words]
            word = _by_sentence(data, _ids(vocab["word"], texts, _is_str))
            tags = [_by_sentence(data, _ids(vocab[name], [w[idx] for w in words]))
                    for idx, name in enumerate(names, 1)]
        except (_Unusual, TypeError, IndexError):
            return original(self, data, vocab, pretrain_vocab, args)
        sample, pad = data_module.DataSample, data_module.PAD_ID
        chars = _by_sentence(data, _spellings(vocab["char"], texts))
        lowered = (_by_sentence(data, _ids(pretrain_vocab, [text.lower() for text in texts], _is_str))
                   if pretrain_vocab is not None else [[pad] * len(sent) for sent in data])
        return [sample(word=[word[i]], char=[chars[i]], tags=[column[i] for column in tags], pretrain=[lowered[i]],
                       text=[w[0] for w in sent])
                for i, sent in enumerate(data)]

    preprocess.__wrapped__ = original  # type: ignore[attr-defined]
    return preprocess


# -- guards ----------------------------------------------------------------------------------


def tagger_preprocess_guard() -> str | None:
    """Why the input-id patch cannot go in (stanza's ``preprocess`` is not what it expects), or None."""
    data_module = importlib.import_module(_TAGGER_DATA)
    why_not = source_lacks(data_module, "Dataset.preprocess", "builds its samples in another way", (
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


def parser_preprocess_guard() -> str | None:
    """Why the parser's input-id patch cannot go in (stanza's ``preprocess`` is not what it expects), or None."""
    data_module = importlib.import_module(_PARSER_DATA)
    why_not = source_lacks(data_module, "Dataset.preprocess", "builds its samples in another way", (
        "processed_sent = [[ROOT_ID] + vocab['word'].map([w[0] for w in sent])]",
        "processed_sent += [[[ROOT_ID]] + [vocab['char'].map([x for x in w[0]]) for w in sent]]",
        "processed_sent += [[ROOT_ID] + vocab['upos'].map([w[1] for w in sent])]",
        "processed_sent += [xpos_replacement + vocab['xpos'].map([w[2] for w in sent])]",
        "processed_sent += [feats_replacement + vocab['feats'].map([w[3] for w in sent])]",
        "processed_sent += [[ROOT_ID] + pretrain_vocab.map([w[0].lower() for w in sent])]",
        "processed_sent += [[ROOT_ID] + [PAD_ID] * len(sent)]",
        "processed_sent += [[ROOT_ID] + vocab['lemma'].map([w[4] for w in sent])]",
        "processed_sent += [[to_int(w[5], ignore_error=self.eval) for w in sent]]",
        "processed_sent += [vocab['deprel'].map([w[6] for w in sent])]",
        "processed_sent.append([w[0] for w in sent])"), what="depparse")
    if why_not:
        return why_not
    if not all(hasattr(data_module, name) for name in ("ROOT_ID", "PAD_ID", "CompositeVocab", "to_int")):
        return "stanza's depparse data module has no ROOT_ID, PAD_ID, CompositeVocab or to_int"
    return None


def entity_preprocess_guard() -> str | None:
    """Why the entity tagger's input-id patch cannot go in, or None."""
    return source_lacks(importlib.import_module(_ENTITY_DATA), "DataLoader.preprocess",
                         "builds its samples in another way", (
                             "char_case = lambda x: x.lower()", "char_case = lambda x: x",
                             "processed_sent = [[w[0] for w in sent]]",
                             "processed_sent += [[vocab['char'].map([char_case(x) for x in w[0]]) for w in sent]]",
                             "processed_sent += [vocab['tag'].map([w[1] for w in sent])]"), what="ner")


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


def self_check_tagger_preprocess(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
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

#: Sentences of (word, upos, xpos, feats, lemma, head, deprel): known and unknown units, no tags, ROOT words.
_PARSER_CASES = [
    [["The", "DET", "N", "_", "the", "2", "det"], ["cat", "NOUN", "Vp", "Number=Sing", "cat", "0", "root"]],
    [], [["zebra", "_", "_", "_", "_", "_", "_"]],
    [["a", "VERB", "Nc", "Number=Plur|Tense=Past", "a", "x", "nsubj"], ["The", "_", "N", "_", "The", "1", "_"]],
]


def self_check_parser_preprocess(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement builds stanza's samples from a few sentences (with and without a pretrained vocabulary)."""
    from types import SimpleNamespace

    base = _vocabs()
    vocabs = {**base, "lemma": base["word"], "deprel": base["upos"]}
    for pretrain in (base["pretrain"], None):
        self = SimpleNamespace(eval=True)
        expected = original(self, [[list(w) for w in s] for s in _PARSER_CASES], vocabs, pretrain, {})
        got = patched(self, [[list(w) for w in s] for s in _PARSER_CASES], vocabs, pretrain, {})
        if got != expected:
            return False
    return True


def self_check_entity_preprocess(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement builds stanza's samples from a few sentences (tags present and absent, with and
    without lower-cased characters)."""
    base = _vocabs()
    vocabs = {"char": base["char"], "tag": base["xpos"]}
    data = [[["The", ("N", "c")], ["cat", (None,)]], [], [["zebra", ("V",)], ["The", ("N", "c")], ["Tea", "_"]]]
    for lowercase in (False, True):
        args = {"char_lowercase": lowercase}
        expected = original(None, [[list(w) for w in s] for s in data], vocabs, args)
        if patched(None, [[list(w) for w in s] for s in data], vocabs, args) != expected:
            return False
    return True
