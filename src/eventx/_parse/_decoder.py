"""A compiled tree decoder for stanza's dependency parser, giving exactly stanza's trees.

stanza's depparse turns each sentence's arc-score matrix into a tree with
``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root``, a pure-Python
Chu-Liu-Edmonds that was the biggest single cost of a parse after the network
itself. :func:`install` replaces the name ``chuliu_edmonds_one_root`` inside
``stanza.models.depparse.model`` (the one place the parser calls it) with
:func:`decode_one_root`, which applies stanza's own score preparation (the root-arc
reweighting that forces a single root, no self-loops) and hands the matrix to
the C++ decoder of TurboParser wrapped by ``ufal.chu_liu_edmonds`` (the decoder of
UDPipe 2).

Both decoders return the maximum spanning tree, so they agree whenever that tree is
unique. A tie between two arcs of one word is where they could pick differently;
such a matrix is handed to stanza's decoder (up to :data:`EXACT_TIE_LIMIT` words;
a longer one, a line of one repeated word, would take minutes there), as is any
matrix with NaN or +inf.

The patch is process-wide (the name lives in a stanza module) but changes no
result. It is left out, with a debug message on the ``eventx`` logger, when
``ufal.chu_liu_edmonds`` is not installed (it is the optional ``fast`` extra:
GPL-3.0, see the performance page), when stanza's internals differ from what
this module expects (the function missing or with another signature), when a
self-check against stanza's decoder on fixed matrices fails, or when the
environment variable ``EVENTX_FAST_DECODER`` is ``0`` (or ``EVENTX_FAST``, the switch
of every exact speed-up, see :mod:`eventx._parse._speedups`).
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["ENV_SWITCH", "active_decoder", "decode_one_root", "install", "uninstall"]

logger = logging.getLogger("eventx")

#: Set to ``0`` to keep stanza's own decoder.
ENV_SWITCH = "EVENTX_FAST_DECODER"
_TARGET_MODULE = "stanza.models.depparse.model"
_TARGET_NAME = "chuliu_edmonds_one_root"

#: Longest sentence (in words, plus the root) whose tied matrix goes to stanza's decoder for
#: its exact tree. A longer one with a tie (a line of one repeated word, a table of numbers)
#: keeps the compiled decoder's maximum spanning tree, one of the equally good ones: stanza's
#: Python search takes minutes there (400 repeated words: 22 s of CPU, 2,000: tens of minutes).
EXACT_TIE_LIMIT = 151

#: stanza's decoder as found before the patch (``None`` until :func:`install` runs).
_original: Callable[[np.ndarray], np.ndarray] | None = None


def _prepared(scores: np.ndarray) -> np.ndarray:
    """stanza's matrix before its search: float64 copy, root column lowered by
    ``min finite score × n`` (so a single root always wins), no self-loops, row 0
    (the root has no head) all -inf but its own cell."""
    prepared = np.array(scores, dtype=np.float64)
    min_score = prepared[np.isfinite(prepared)].min()
    prepared[:, 0] = prepared[:, 0] + (min_score * prepared.shape[0])
    np.fill_diagonal(prepared, -np.inf)
    prepared[0] = -np.inf
    prepared[0, 0] = 0
    return prepared


def _has_tie(prepared: np.ndarray) -> bool:
    """Two equal finite candidate-head scores for one word: the trees may then differ."""
    rows = np.sort(prepared[1:], axis=1)
    same = rows[:, 1:] == rows[:, :-1]
    return bool((same & np.isfinite(rows[:, 1:])).any())


def decode_one_root(scores: np.ndarray) -> np.ndarray:
    """Drop-in for stanza's ``chuliu_edmonds_one_root``: the maximum spanning tree with one root.

    Args:
        scores: ``n × n`` arc scores, ``scores[dependent, head]``, index 0 the root.

    Returns:
        The head of every index (``tree[0] == 0``), as stanza returns it.
    """
    from ufal.chu_liu_edmonds import chu_liu_edmonds

    matrix = np.asarray(scores)
    finite = np.isfinite(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] < 2 or not finite.any() \
            or np.isnan(matrix).any() or np.isposinf(matrix).any():
        return _stanza(scores)
    prepared = _prepared(matrix)
    if prepared.shape[0] <= EXACT_TIE_LIMIT and _has_tie(prepared):
        return _stanza(scores)
    prepared[np.isneginf(prepared)] = np.nan  # ufal's "no such arc"
    prepared[0, 0] = np.nan
    heads, _ = chu_liu_edmonds(prepared)
    tree = np.asarray(heads, dtype=np.int64)
    tree[0] = 0
    if (tree[1:] == 0).sum() != 1 or (tree[1:] < 0).any():  # never expected: keep stanza's contract
        return _stanza(scores)
    return tree


def _stanza(scores: np.ndarray) -> np.ndarray:
    if _original is not None:
        return _original(scores)
    from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

    return chuliu_edmonds_one_root(scores)


def _self_check(original: Callable[[np.ndarray], np.ndarray]) -> bool:
    """Both decoders agree on a few fixed random matrices (sizes 2..17: a few ms at load)."""
    rng = np.random.default_rng(20261202)
    for size in (2, 3, 5, 9, 17):
        scores = np.log(rng.dirichlet(np.ones(size), size=size)).astype(np.float32)
        if not np.array_equal(original(scores.copy()), decode_one_root(scores.copy())):
            return False
    return True


def _module() -> Any:
    import importlib

    return importlib.import_module(_TARGET_MODULE)


def install() -> bool:
    """Put :func:`decode_one_root` in place of stanza's decoder (once; idempotent).

    Returns:
        Whether the compiled decoder is in use.
    """
    global _original
    for switch in (ENV_SWITCH, "EVENTX_FAST"):
        if os.environ.get(switch, "1").strip() == "0":
            logger.debug("%s=0: keeping stanza's tree decoder", switch)
            return False
    try:
        import ufal.chu_liu_edmonds  # noqa: F401
    except ImportError:
        logger.debug("ufal.chu_liu_edmonds is not installed (pip install 'eventx-nlp[fast]'): "
                     "keeping stanza's tree decoder")
        return False
    module = _module()
    current = getattr(module, _TARGET_NAME, None)
    if current is decode_one_root:
        return True
    if current is None or not callable(current):
        logger.debug("%s.%s not found: keeping stanza's tree decoder", _TARGET_MODULE, _TARGET_NAME)
        return False
    try:
        params = list(inspect.signature(current).parameters)
    except (TypeError, ValueError):
        params = []
    if params != ["scores"]:
        logger.debug("%s.%s has signature %s, not (scores): keeping stanza's tree decoder",
                     _TARGET_MODULE, _TARGET_NAME, params)
        return False
    _original = current
    try:
        agrees = _self_check(current)
    except Exception as exc:  # noqa: BLE001 - an internal change in stanza or ufal: stay on stanza's side
        logger.debug("decoder self-check raised %r: keeping stanza's tree decoder", exc)
        agrees = False
    if not agrees:
        logger.debug("the compiled decoder disagrees with stanza's on the self-check: keeping stanza's")
        return False
    setattr(module, _TARGET_NAME, decode_one_root)
    return True


def uninstall() -> None:
    """Give stanza its own decoder back (for comparisons and tests)."""
    if _original is not None:
        module = _module()
        if getattr(module, _TARGET_NAME, None) is decode_one_root:
            setattr(module, _TARGET_NAME, _original)


def active_decoder() -> str:
    """``"ufal.chu_liu_edmonds"`` when the patch is in place, else ``"stanza"``."""
    try:
        current = getattr(_module(), _TARGET_NAME, None)
    except ImportError:
        return "stanza"
    return "ufal.chu_liu_edmonds" if current is decode_one_root else "stanza"
