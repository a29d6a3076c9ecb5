"""Exact speed-ups of stanza's inference: the same parses, less work around the networks.

:func:`install` (run by :func:`eventx._parse._models.load_pipeline`) replaces a few
stanza functions with faster ones that return exactly what stanza's return, and
:func:`inference` is the context :func:`eventx._parse._parsing.parse_texts` runs the
pipeline in:

* ``torch.inference_mode`` around the whole parse (stanza's processors use
  ``torch.no_grad``): the same kernels on the same numbers, without autograd's
  version counters and view tracking on every small tensor operation.
* The entity tagger's CRF loss is not computed inside :func:`inference`. stanza's
  ``NERTagger.forward`` always computes the training loss (a forward pass of the
  CRF's partition function over every sentence) and its ``Trainer.predict`` throws it
  away (``_, logits, trans = self.model(...)``); the transitions, the only part that
  is kept, are returned as before.
* ``BaseVocab.map`` / ``unmap`` (words and characters to ids and back, called once per
  word for its characters) as one dictionary or list look-up per unit instead of two
  method calls; vocabularies that override ``unit2id``, ``id2unit`` or
  ``normalize_unit``, or lower-case their units, keep stanza's code.
* ``get_long_tensor`` (a padded id matrix per batch) filled through one NumPy array
  instead of one small tensor per row; nested (3-level) input keeps stanza's code.
* The tokenizer's ``predict`` runs each paragraph on its own characters, as stanza runs
  a paragraph alone, instead of padded to the longest paragraph of its batch
  (:mod:`eventx._parse._tokenizer`): the one patch that changes results, and only where
  stanza's tokens depended on the other paragraphs of the batch.
* The character model of the tagger, parser and entity tagger (``CharacterModel.forward``)
  runs once per distinct word of a batch, the words of each length together, unpadded
  (:mod:`eventx._parse._charmodel`); the vectors are stanza's to float rounding (1e-7).
* The tokenizer's ``decode_predictions`` token by token instead of character by
  character (:mod:`eventx._parse._decoding`): the same tokens and sentences.
* The parser's relation labels scored for each word's chosen head only, not for every
  word pair (:mod:`eventx._parse._labels`): the same trees; a label's score is the same
  sum added up by another matrix routine (float rounding).
* The part-of-speech tagger's tags read back for the real words only, each distinct id
  once (:mod:`eventx._parse._tagger`): the same tags.
* The tagger's, the parser's and the entity tagger's input ids looked up once per
  distinct unit (:mod:`eventx._parse._inputs`): the same samples.
* The entity tagger's Viterbi decode for all sentences of a batch at once
  (:mod:`eventx._parse._viterbi`): the same paths, bit for bit.

Each patch is installed only when stanza's code is what this module expects (the
names exist, with the expected signatures, and for the CRF the tagger's ``predict``
still discards the loss) and after a self-check against stanza's function; otherwise,
or when the environment variable ``EVENTX_FAST`` is ``0`` (which also keeps stanza's
tree decoder, see :mod:`eventx._parse._decoder`), stanza's own code runs and a debug
message on the ``eventx`` logger says why. The patches are process-wide (the names live
in stanza's modules) but change no result beyond the two named above (the tokenizer's
rows, the labels' float rounding); the tests compare CoNLL-U and events with and
without them.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from eventx._parse import _charmodel, _decoding, _glue, _inputs, _labels, _tagger, _tokenizer, _viterbi

__all__ = ["ENV_SWITCH", "PATCHES", "enabled", "inference", "install", "installed", "uninstall"]

logger = logging.getLogger("eventx")

#: Set to ``0`` to run stanza's own code everywhere (these patches and the compiled decoder).
ENV_SWITCH = "EVENTX_FAST"

#: Whether :func:`inference` turns ``torch.inference_mode`` on (off only to measure it alone).
use_inference_mode = True

#: Modules that import ``get_long_tensor`` by name (each keeps its own reference).
_LONG_TENSOR_USERS = (
    "stanza.models.common.data", "stanza.models.common.char_model", "stanza.models.depparse.data",
    "stanza.models.pos.data", "stanza.models.ner.data", "stanza.models.ner.model",
    "stanza.models.mwt.data", "stanza.models.lemma.data",
)


def enabled() -> bool:
    """Whether ``EVENTX_FAST`` allows the speed-ups (anything but ``0``)."""
    return os.environ.get(ENV_SWITCH, "1").strip() != "0"


@contextlib.contextmanager
def inference() -> Iterator[None]:
    """Run stanza inside: ``torch.inference_mode`` and the patches' scope (a no-op with ``EVENTX_FAST=0``)."""
    if not enabled():
        yield
        return
    import torch

    token = _glue.inside.set(True)
    try:
        with torch.inference_mode(use_inference_mode):
            yield
    finally:
        _glue.inside.reset(token)


# -- install, self-checks --------------------------------------------------------------


@attrs.frozen
class _Patch:
    """One replacement: where it goes, how to make it, how to check it against stanza's."""

    name: str
    module: str
    owner: str | None  # a class in ``module``, or None for a module-level function
    attribute: str
    parameters: tuple[str, ...]
    make: Callable[[Callable[..., Any], Any], Callable[..., Any]]
    check: Callable[[Callable[..., Any], Callable[..., Any], Any], bool]
    guard: Callable[[], str | None] = lambda: None  # why not, or None

    def target(self) -> Any:
        module = importlib.import_module(self.module)
        return getattr(module, self.owner) if self.owner else module


def _tokenizer_calls_predict() -> str | None:
    utils = importlib.import_module("stanza.models.tokenization.utils")
    model = importlib.import_module("stanza.models.tokenization.model")
    try:
        source = inspect.getsource(utils.output_predictions)
        forward = tuple(inspect.signature(model.Tokenizer.forward).parameters)
    except (OSError, TypeError, ValueError, AttributeError):
        return "stanza's tokenizer code is not readable"
    if "predict(trainer, data_generator, batch_size, max_seqlen, use_regex_tokens, num_workers)" not in source:
        return "stanza's output_predictions calls predict differently"
    if forward != ("self", "x", "feats", "lengths", "raw") or not callable(getattr(utils, "update_pred_regex", None)):
        return "stanza's Tokenizer.forward or update_pred_regex changed"
    return None


def _check_tokenizer(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    return _tokenizer.self_check(original, patched)


def _check_pair_scores(original: Callable[..., Any], patched: Callable[..., Any], owner: Any) -> bool:
    import torch

    bilinear = owner(4, 3, 5)
    with torch.no_grad():
        torch.nn.init.normal_(bilinear.weight)
        torch.nn.init.normal_(bilinear.bias)
        left, right = torch.randn(2, 3, 4), torch.randn(2, 6, 3)
        return bool(torch.equal(patched(bilinear, left, right), original(bilinear, left, right)))


def _labels_guard() -> str | None:
    if "pair_scores" not in _installed:
        return "the pending pair scores (pair_scores) are not in place"
    return _labels.parser_guard()


def _factory(name: str) -> Callable[[Callable[..., Any], Any], Callable[..., Any]]:
    makers: dict[str, Callable[[Callable[..., Any], Any], Callable[..., Any]]] = {
        "crf": lambda original, owner: _glue.crf_forward(original),
        "vocab_map": lambda original, owner: _glue.vocab_map(original, owner),
        "vocab_unmap": lambda original, owner: _glue.vocab_unmap(original, owner),
        "long_tensor": lambda original, owner: _glue.long_tensor(original),
        "tokenizer": lambda original, owner: _tokenizer.make_predict(original),
        "charmodel": lambda original, owner: _charmodel.make_forward(original),
        "decode": lambda original, owner: _decoding.make_decode(original),
        "pair_scores": lambda original, owner: _labels.make_pairwise_forward(original),
        "labels": lambda original, owner: _labels.make_predict(original),
        "tagger_tags": lambda original, owner: _tagger.make_predict(original),
        "tagger_ids": lambda original, owner: _inputs.make_tagger_preprocess(original),
        "parser_ids": lambda original, owner: _inputs.make_parser_preprocess(original),
        "entity_ids": lambda original, owner: _inputs.make_entity_preprocess(original),
        "entity_tags": lambda original, owner: _viterbi.make_predict(original),
    }
    return makers[name]


#: The patches, in install order.
PATCHES: tuple[_Patch, ...] = (
    _Patch("crf", "stanza.models.common.crf", "CRFLoss", "forward", ("self", "inputs", "masks", "tag_indices"),
           _factory("crf"), _glue.check_crf, _glue.ner_discards_the_loss),
    _Patch("vocab_map", "stanza.models.common.vocab", "BaseVocab", "map", ("self", "units"),
           _factory("vocab_map"), _glue.check_map),
    _Patch("vocab_unmap", "stanza.models.common.vocab", "BaseVocab", "unmap", ("self", "ids"),
           _factory("vocab_unmap"), _glue.check_unmap),
    _Patch("long_tensor", "stanza.models.common.data", None, "get_long_tensor",
           ("tokens_list", "batch_size", "pad_id"), _factory("long_tensor"), _glue.check_long_tensor),
    _Patch("tokenizer", "stanza.models.tokenization.utils", None, "predict",
           ("trainer", "data_generator", "batch_size", "max_seqlen", "use_regex_tokens", "num_workers"),
           _factory("tokenizer"), _check_tokenizer, _tokenizer_calls_predict),
    _Patch("charmodel", "stanza.models.common.char_model", "CharacterModel", "forward",
           ("self", "chars", "chars_mask", "word_orig_idx", "sentlens", "wordlens"), _factory("charmodel"),
           lambda original, patched, owner: _charmodel.self_check(original, patched)),
    _Patch("decode", "stanza.models.tokenization.utils", None, "decode_predictions",
           ("vocab", "mwt_dict", "orig_text", "all_raw", "all_preds", "no_ssplit", "skip_newline",
            "use_la_ittb_shorthand"), _factory("decode"),
           lambda original, patched, owner: _decoding.self_check(original, patched)),
    # the label scorer's pending pair scores must be in place before the parser's predict is checked
    _Patch("pair_scores", "stanza.models.common.biaffine", "PairwiseBilinear", "forward",
           ("self", "input1", "input2"), _factory("pair_scores"), _check_pair_scores),
    _Patch("labels", "stanza.models.depparse.model", "GraphParser", "predict",
           ("self", "word", "word_mask", "wordchars", "wordchars_mask", "upos", "xpos", "ufeats", "pretrained",
            "lemma", "head", "deprel", "word_orig_idx", "sentlens", "wordlens", "text", "resolve_head_constraints"),
           _factory("labels"), lambda original, patched, owner: _labels.self_check(original, patched),
           _labels_guard),
    _Patch("tagger_tags", "stanza.models.pos.trainer", "Trainer", "predict", ("self", "batch", "unsort", "extra_columns"),
           _factory("tagger_tags"), lambda original, patched, owner: _tagger.self_check_predict(original, patched),
           _tagger.predict_guard),
    _Patch("tagger_ids", "stanza.models.pos.data", "Dataset", "preprocess",
           ("self", "data", "vocab", "pretrain_vocab", "args"), _factory("tagger_ids"),
           lambda original, patched, owner: _inputs.self_check_tagger_preprocess(original, patched),
           _inputs.tagger_preprocess_guard),
    _Patch("parser_ids", "stanza.models.depparse.data", "Dataset", "preprocess",
           ("self", "data", "vocab", "pretrain_vocab", "args"), _factory("parser_ids"),
           lambda original, patched, owner: _inputs.self_check_parser_preprocess(original, patched),
           _inputs.parser_preprocess_guard),
    _Patch("entity_ids", "stanza.models.ner.data", "DataLoader", "preprocess", ("self", "data", "vocab", "args"),
           _factory("entity_ids"), lambda original, patched, owner: _inputs.self_check_entity_preprocess(
               original, patched), _inputs.entity_preprocess_guard),
    _Patch("entity_tags", "stanza.models.ner.trainer", "Trainer", "predict", ("self", "batch", "unsort"),
           _factory("entity_tags"), lambda original, patched, owner: _viterbi.self_check(), _viterbi.predict_guard),
)

#: name → (original, replacement) of each installed patch.
_installed: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {}


def _install_one(patch: _Patch) -> bool:
    if patch.name in _installed:
        return True
    try:
        owner = patch.target()
    except (ImportError, AttributeError) as exc:
        logger.debug("speed-up %s left out: %s.%s not found (%s)", patch.name, patch.module, patch.owner, exc)
        return False
    current = vars(owner).get(patch.attribute) if patch.owner else getattr(owner, patch.attribute, None)
    if current is None or not callable(current):
        logger.debug("speed-up %s left out: %s not found", patch.name, patch.attribute)
        return False
    try:
        params = tuple(inspect.signature(current).parameters)
    except (TypeError, ValueError):
        params = ()
    if params != patch.parameters:
        logger.debug("speed-up %s left out: %s has parameters %s, not %s", patch.name, patch.attribute,
                     params, patch.parameters)
        return False
    why_not = patch.guard()
    if why_not:
        logger.debug("speed-up %s left out: %s", patch.name, why_not)
        return False
    replacement = patch.make(current, owner)
    try:
        agrees = patch.check(current, replacement, owner)
    except Exception as exc:  # noqa: BLE001 - an internal change in stanza: stay on stanza's side
        logger.debug("speed-up %s left out: its self-check raised %r", patch.name, exc)
        agrees = False
    if not agrees:
        logger.debug("speed-up %s left out: it disagrees with stanza's code on the self-check", patch.name)
        return False
    setattr(owner, patch.attribute, replacement)
    if patch.name == "long_tensor":  # the modules that imported the name keep their own reference
        for name in _LONG_TENSOR_USERS:
            try:
                module = importlib.import_module(name)
            except ImportError:
                continue
            if getattr(module, patch.attribute, None) is current:
                setattr(module, patch.attribute, replacement)
    _installed[patch.name] = (current, replacement)
    return True


def install(names: list[str] | None = None) -> list[str]:
    """Install every patch (or those in ``names``) whose checks pass (idempotent).

    Returns:
        The names of the patches in place.
    """
    if not enabled():
        logger.debug("%s=0: keeping stanza's own code", ENV_SWITCH)
        return []
    with _one_torch_thread():
        for patch in PATCHES:
            if names is None or patch.name in names:
                _install_one(patch)
    return installed()


@contextlib.contextmanager
def _one_torch_thread() -> Iterator[None]:
    """torch on one thread while the self-checks run, then the caller's setting again.

    The self-checks run tiny random models; with torch's default of one thread per core
    their small operations spent most of their time waiting in the thread pool: the
    tokenizer's check took 0.1-0.2 s on one thread against 1.1-8.7 s of wall time
    (0.5-5.7 s of CPU) on two, on the shared 2-core machine.
    """
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def uninstall() -> None:
    """Give stanza its own functions back (for comparisons and tests)."""
    for patch in PATCHES:
        if patch.name not in _installed:
            continue
        original, replacement = _installed.pop(patch.name)
        owner = patch.target()
        setattr(owner, patch.attribute, original)
        if patch.name == "long_tensor":
            for name in _LONG_TENSOR_USERS:
                module = importlib.import_module(name)
                if getattr(module, patch.attribute, None) is replacement:
                    setattr(module, patch.attribute, original)


def installed() -> list[str]:
    """Names of the patches in place, in install order."""
    return [patch.name for patch in PATCHES if patch.name in _installed]
