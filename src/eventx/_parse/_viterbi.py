"""stanza's entity tagger: its Viterbi decode run for all sentences of a batch at once.

The entity tagger's ``Trainer.predict`` (``stanza.models.ner.trainer``) decodes the CRF's
best tag path one sentence at a time with ``stanza.models.common.crf.viterbi_decode``:
a Python loop over the sentence's words with half a dozen small NumPy calls per word.
On the 90 MEANTIME articles that loop held Python's interpreter lock for about half a
second, time in which the other parse thread's Python waits (:mod:`eventx._batch`).

:func:`batch_paths` runs the same recurrence for every sentence of the batch together
(each step one NumPy operation over the sentences), with the same float32 sums, the same
maxima and the same first-maximum ``argmax``, so every sentence gets the path stanza's
function gives it, bit for bit; each sentence's path is traced back from its own last
word. :func:`make_predict` is stanza's ``predict`` with that decode in place of the
per-sentence one, the rest of its code unchanged. :mod:`eventx._parse._speedups`
installs it when stanza's ``predict`` reads as expected, after checking the batched
decode against stanza's on random score tables (ties included); ``EVENTX_FAST=0``
keeps stanza's code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from eventx._parse._glue import source_lacks

__all__ = ["batch_paths", "make_predict", "predict_guard", "self_check"]

_TRAINER = "stanza.models.ner.trainer"


def batch_paths(scores: Any, transitions: Any, lengths: Sequence[int]) -> list[list[int]]:
    """The best tag path of each sentence: ``scores`` (sentences × words × tags, padded
    after each sentence's ``lengths[i]`` words), ``transitions`` (tags × tags)."""
    import numpy as np

    count, width, tags = scores.shape
    trellis = np.empty_like(scores)
    backpointers = np.zeros(scores.shape, dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    for t in range(1, width):
        # v[s, i, j] = trellis[s, t-1, i] + transitions[i, j], as stanza's per sentence
        v = trellis[:, t - 1, :, None] + transitions
        trellis[:, t] = scores[:, t] + v.max(axis=1)
        backpointers[:, t] = v.argmax(axis=1)
    ends = np.asarray(lengths) - 1
    rows = np.arange(count)
    best = trellis[rows, ends].argmax(axis=1)
    path = np.zeros((count, width), dtype=np.int64)
    current = best.copy()
    for t in range(width - 1, -1, -1):
        starting = ends == t  # a sentence's trace starts at its own last word
        current[starting] = best[starting]
        path[:, t] = current
        if t:
            current = backpointers[rows, t, current]
    return [path[i, :length].tolist() for i, length in enumerate(lengths)]


def make_predict(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's ner ``Trainer.predict`` (same parameters and returns)."""

    def predict(self: Any, batch: Any, unsort: bool = True) -> Any:
        trainer = importlib.import_module(_TRAINER)
        device = next(self.model.parameters()).device
        inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
            trainer.unpack_batch(batch, device)
        if not sentlens or min(sentlens) < 1:
            return original(self, batch, unsort)
        word, wordchars, wordchars_mask, chars, tags = inputs
        self.model.eval()
        _, logits, trans = self.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens,
                                      chars, charoffsets, charlens, char_orig_idx)
        trans = [x.data.cpu().numpy() for x in trans]
        logits = [x.data.cpu().numpy() for x in logits]
        batch_size = logits[0].shape[0]
        if any(x.shape[0] != batch_size for x in logits):
            raise AssertionError("Expected all of the logits to have the same size")
        paths = [batch_paths(x, y, [int(n) for n in sentlens]) for x, y in zip(logits, trans)]
        prefix = trainer.VOCAB_PREFIX_SIZE
        predict_tagset = self.args["predict_tagset"]
        tag_seqs = []
        for i in range(batch_size):  # from here on stanza's code
            tags = [[x if x >= prefix else prefix for x in column[i]] for column in paths]
            tags = self.vocab["tag"].unmap(list(zip(*tags)))
            tags = [x[predict_tagset] if isinstance(x, list) else x for x in tags]
            tag_seqs += [trainer.fix_singleton_tags(tags)]
        if unsort:
            tag_seqs = trainer.utils.unsort(tag_seqs, orig_idx)
        return tag_seqs

    predict.__wrapped__ = original  # type: ignore[attr-defined]
    return predict


def predict_guard() -> str | None:
    """Why the batched decode cannot go in (stanza's ``predict`` is not what it expects), or None."""
    trainer = importlib.import_module(_TRAINER)
    why_not = source_lacks(trainer, "Trainer.predict", "decodes in another way", (
        "inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = "
        "unpack_batch(batch, device)",
        "_, logits, trans = self.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens, wordlens, "
        "chars, charoffsets, charlens, char_orig_idx)",
        "tags = [viterbi_decode(x[i, :sentlens[i]], y)[0] for x, y in zip(logits, trans)]",
        "tags = [[x if x >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for x in y] for y in tags]",
        "tags = list(zip(*tags))", "tags = self.vocab['tag'].unmap(tags)",
        "tags = [x[predict_tagset] if isinstance(x, list) else x for x in tags]",
        "tags = fix_singleton_tags(tags)", "tag_seqs = utils.unsort(tag_seqs, orig_idx)"), what="ner")
    if why_not:
        return why_not
    if not all(hasattr(trainer, name) for name in ("unpack_batch", "fix_singleton_tags", "VOCAB_PREFIX_SIZE",
                                                  "viterbi_decode", "utils")):
        return "stanza's ner trainer module lacks a name the replacement uses"
    return None


def self_check(seeds: int = 12) -> bool:
    """The batched paths equal stanza's ``viterbi_decode`` paths on random float32 score
    tables of random lengths (every fourth with integer scores, so ties are frequent)."""
    import numpy as np

    viterbi_decode = importlib.import_module(_TRAINER).viterbi_decode
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        count, tags = int(rng.integers(1, 6)), int(rng.integers(1, 9))
        lengths = [int(n) for n in rng.integers(1, 12, size=count)]
        shape = (count, max(lengths), tags)
        if seed % 4 == 3:
            scores = rng.integers(-3, 1, size=shape).astype(np.float32)
            transitions = rng.integers(-2, 1, size=(tags, tags)).astype(np.float32)
        else:
            scores = rng.normal(size=shape).astype(np.float32)
            transitions = rng.normal(size=(tags, tags)).astype(np.float32)
        expected = [[int(x) for x in viterbi_decode(scores[i, :n], transitions)[0]] for i, n in enumerate(lengths)]
        if batch_paths(scores, transitions, lengths) != expected:
            return False
    return True
