"""stanza's tokenizer network on each paragraph's own characters, not on its batch's padding.

stanza's ``stanza.models.tokenization.utils.predict`` runs the tokenizer over batches
of 32 paragraphs padded to the longest one (in windows of 1,000 characters for longer
paragraphs, where a finished paragraph keeps running as a row of padding), and its
``Trainer.predict`` hands the padded width to ``pack_padded_sequence`` as every row's
length. So the backward LSTMs read every padding step before a paragraph's last
character: most of the tokenizer's work on news articles (a short title and date line
beside a long body) is padding, and a paragraph's tokens can depend on the other
paragraphs in its batch.

:func:`make_predict` builds a replacement of ``predict`` that runs each paragraph
exactly as stanza runs it *alone* (a batch of that one paragraph): a paragraph shorter
than the window with its one trailing padding character, a longer one in stanza's
windows (each next window starting after the last sentence end of the one before).
Rows of similar lengths share a batch; each bidirectional LSTM runs its forward
direction on the padded rows (the padding comes after a row's end, so it reaches no
character) and its backward direction on each row reversed within its own length
(:func:`_bilstm`), so no row reads padding and a paragraph is tokenised the same in any
batch. (Packing the rows with their own lengths would do the same, but torch's LSTM on
packed rows of unequal lengths is several times slower than on a padded batch.) Alone,
the network's output is bit for bit stanza's; in a batch the log-probabilities move by
about 1e-6 (matrix products of another shape). The per-character features are stanza's
functions, looked up once per distinct character; stanza's ``para_to_sentences`` makes
any others. The decoding after it (``decode_predictions``) is stanza's.

The replacement keeps stanza's own ``predict`` for anything it was not written for (a
character language model, convolutions or other than one-layer bidirectional LSTMs in
the tokenizer, dictionary features, training data) and says why on the ``eventx`` debug
log. :mod:`eventx._parse._speedups` installs it, guarded and self-checked like its
other patches (``EVENTX_FAST=0`` keeps stanza's code).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

__all__ = ["make_predict", "self_check", "unsupported"]

logger = logging.getLogger("eventx")

#: The feature functions :func:`_features` computes itself (stanza's per-character and position ones).
_POSITION = ("end_of_para", "start_of_para")


def unsupported(trainer: Any, dataset: Any) -> str | None:
    """Why the replacement cannot run this tokenizer on this data, or None."""
    model = getattr(trainer, "model", None)
    args = getattr(trainer, "args", None) or {}
    if model is None or not hasattr(dataset, "data") or not hasattr(dataset, "para_to_sentences"):
        return "not a stanza tokenizer trainer and dataset"
    if not getattr(dataset, "eval", False):
        return "training data (sentence labels)"
    if getattr(model, "charmodel", None) is not None:
        return "the tokenizer reads a character language model"
    if args.get("conv_res") is not None:
        return "the tokenizer has residual convolutions"
    for name in ("rnn", "rnn2") if args.get("hierarchical") else ("rnn",):
        lstm = getattr(model, name, None)
        if not _plain_bilstm(lstm):
            return f"the tokenizer's {name} is not a one-layer bidirectional LSTM"
    dataset_args = getattr(dataset, "args", {}) or {}
    if dataset_args.get("use_dictionary"):
        return "dictionary features"
    return None


def _plain_bilstm(lstm: Any) -> bool:
    import torch

    return (isinstance(lstm, torch.nn.LSTM) and lstm.num_layers == 1 and lstm.bidirectional and lstm.bias
            and lstm.batch_first and not getattr(lstm, "proj_size", 0) and len(lstm._flat_weights) == 8)


def _feature_table(dataset: Any) -> tuple[list[Callable[[str], int]], bool, bool] | None:
    """stanza's per-character feature functions of ``dataset``, in stanza's order, and
    whether the end- and start-of-paragraph flags follow; None for any other feature."""
    from stanza.models.tokenization import data as data_module

    per_char = getattr(data_module, "PER_CHAR_FEAT_FUNCS", None)
    if per_char is None:
        return None
    names = list(dataset.args["feat_funcs"])
    if any(name not in per_char and name not in _POSITION for name in names):
        return None
    return [per_char[name] for name in names if name in per_char], "end_of_para" in names, "start_of_para" in names


def _features(dataset: Any, para: list[tuple[str, int]], chars: list[str], table: Any,
              cache: dict[str, tuple[int, list[int]]]) -> Any:
    """(unit ids, features) of one paragraph, as stanza's ``para_to_sentences`` makes them
    (``cache``: each distinct character's id and features, filled as characters come)."""
    import numpy as np

    if table is None:
        units, _, feats, _ = dataset.para_to_sentences(para)[0]
        return units, feats
    funcs, end_flag, start_flag = table
    for unit in set(chars).difference(cache):
        cache[unit] = (dataset.vocab.unit2id(unit), [f(unit) for f in funcs])
    known = [cache[unit] for unit in chars]
    ids = np.fromiter((unit_id for unit_id, _ in known), dtype=np.int64, count=len(chars))
    feats = np.array([row for _, row in known], dtype=np.int64).reshape(len(chars), len(funcs))
    flags = []
    if end_flag:
        flag = np.zeros((len(para), 1), dtype=np.int64)
        flag[-1] = 1
        flags.append(flag)
    if start_flag:
        flag = np.zeros((len(para), 1), dtype=np.int64)
        flag[0] = 1
        flags.append(flag)
    if flags:
        feats = np.concatenate([feats, *flags], axis=1)
    return np.array(ids, dtype=np.int64), feats


class _Paragraph:
    """One paragraph's progress through stanza's windows."""

    __slots__ = ("units", "feats", "chars", "done", "preds", "alone")

    def __init__(self, units: Any, feats: Any, chars: list[str], max_seqlen: int) -> None:
        self.units, self.feats, self.chars = units, feats, chars
        self.done = 0
        self.preds: list[Any] = []
        # stanza's batch of one: N = length + 1 (the trailing pad) fits the window → one pass with the pad
        self.alone = len(chars) + 1 <= max_seqlen

    def window(self, max_seqlen: int) -> int:
        return len(self.chars) + 1 if self.alone else min(len(self.chars) - self.done, max_seqlen)


def _groups(pending: list[_Paragraph], max_seqlen: int, batch_size: int) -> list[list[tuple[_Paragraph, int]]]:
    """The next windows of ``pending``, longest first, in batches of rows of similar lengths."""
    rows = sorted(((p, p.window(max_seqlen)) for p in pending), key=lambda row: -row[1])
    groups: list[list[tuple[_Paragraph, int]]] = []
    for row in rows:
        if groups and len(groups[-1]) < batch_size and row[1] * 4 >= groups[-1][0][1] * 3:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _bilstm(lstm: Any, x: Any, index: Any) -> Any:
    """A one-layer bidirectional ``lstm`` over each row of ``x`` up to its own length: the
    forward direction on the padded rows (padding only after a row's end), the backward
    one on each row reversed within its length (``index``), so no row reads padding."""
    import torch

    h0 = x.new_zeros(1, x.size(0), lstm.hidden_size)
    weights = lstm._flat_weights
    forward = torch.lstm(x, (h0, h0), weights[:4], True, 1, 0.0, False, False, True)[0]
    if index is None:  # every row as long as the batch
        backward = torch.lstm(x.flip(1), (h0, h0), weights[4:], True, 1, 0.0, False, False, True)[0]
        return torch.cat([forward, backward.flip(1)], 2)
    flip = index.unsqueeze(2)
    reversed_x = x.gather(1, flip.expand(-1, -1, x.size(2)))
    backward = torch.lstm(reversed_x, (h0, h0), weights[4:], True, 1, 0.0, False, False, True)[0]
    return torch.cat([forward, backward.gather(1, flip.expand(-1, -1, backward.size(2)))], 2)


def _forward(model: Any, units: Any, feats: Any, lengths: list[int]) -> Any:
    """stanza's ``Tokenizer.forward`` in eval mode (no character model, no convolutions),
    with :func:`_bilstm` for its packed LSTMs."""
    import torch
    import torch.nn.functional as F

    width = units.size(1)
    index = None
    if any(length != width for length in lengths):
        positions = torch.arange(width, device=units.device).unsqueeze(0)
        ends = torch.tensor(lengths, device=units.device).unsqueeze(1)
        index = torch.where(positions < ends, ends - 1 - positions, positions)  # its own inverse
    args = model.args
    emb = model.dropout(model.embeddings(units))
    emb = torch.cat([emb, model.dropout_feat(feats)], 2)
    inp = model.dropout(_bilstm(model.rnn, emb, index))
    tok0, sent0 = model.tok_clf(inp), model.sent_clf(inp)
    mwt0 = model.mwt_clf(inp) if args["use_mwt"] else None
    if args["hierarchical"]:
        inp2 = inp
        if args["hier_invtemp"] > 0:
            inp2 = inp2 * (1 - model.toknoise(torch.sigmoid(-tok0 * args["hier_invtemp"])))
        inp2 = model.dropout(_bilstm(model.rnn2, inp2, index))
        tok0 = tok0 + model.tok_clf2(inp2)
        sent0 = sent0 + model.sent_clf2(inp2)
        if mwt0 is not None:
            mwt0 = mwt0 + model.mwt_clf2(inp2)
    nontok, tok = F.logsigmoid(-tok0), F.logsigmoid(tok0)
    nonsent, sent = F.logsigmoid(-sent0), F.logsigmoid(sent0)
    if mwt0 is None:
        return torch.cat([nontok, tok + nonsent, tok + sent], 2)
    nonmwt, mwt = F.logsigmoid(-mwt0), F.logsigmoid(mwt0)
    return torch.cat([nontok, tok + nonsent + nonmwt, tok + sent + nonmwt, tok + nonsent + mwt, tok + sent + mwt], 2)


def _run_rows(trainer: Any, rows: list[tuple[_Paragraph, int]], pad_id: int) -> list[Any]:
    """The model's label argmax for each (paragraph, window length) row, each over its own length."""
    import numpy as np
    import torch

    width = rows[0][1]
    n_feats = rows[0][0].feats.shape[1]
    units = np.full((len(rows), width), pad_id, dtype=np.int64)
    feats = np.zeros((len(rows), width, n_feats), dtype=np.float32)
    for i, (para, length) in enumerate(rows):
        real = min(length, len(para.chars) - para.done)
        units[i, :real] = para.units[para.done:para.done + real]
        feats[i, :real] = para.feats[para.done:para.done + real]
    model = trainer.model
    model.eval()
    device = next(model.parameters()).device
    pred = _forward(model, torch.from_numpy(units).to(device), torch.from_numpy(feats).to(device),
                    [length for _, length in rows])
    labels = np.argmax(pred.data.cpu().numpy(), axis=2)
    return [labels[i, :length] for i, (_, length) in enumerate(rows)]


def _advance(para: _Paragraph, labels: Any, max_seqlen: int) -> None:
    """Take a window's labels as stanza's ``predict`` does (a long paragraph moves on to
    just after the last sentence end of the window, unless the rest fits)."""
    import numpy as np

    if para.alone:
        para.preds.append(labels[:len(para.chars)])
        para.done = len(para.chars)
        return
    length = len(para.chars)
    breaks = np.where((labels == 2) + (labels == 4))[0]
    if len(breaks) <= 0 or para.done >= length - max_seqlen:
        step = len(labels)
    else:
        step = int(np.max(breaks)) + 1
    para.preds.append(labels[:step])
    para.done += step


def make_predict(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's ``tokenization.utils.predict`` (same parameters and returns)."""

    def predict(trainer: Any, data_generator: Any, batch_size: int, max_seqlen: int, use_regex_tokens: bool,
                num_workers: int) -> Any:
        import numpy as np
        from stanza.models.tokenization import utils as utils_module

        why_not = unsupported(trainer, data_generator)
        if why_not:
            logger.debug("tokenizer on unpadded rows: stanza's predict (%s)", why_not)
            return original(trainer, data_generator, batch_size, max_seqlen, use_regex_tokens, num_workers)
        dataset = data_generator
        table = _feature_table(dataset)
        pad_id = dataset.vocab.unit2id("<PAD>")
        cache: dict[str, tuple[int, list[int]]] = {}
        paragraphs = []
        for para in dataset.data:
            chars = [unit for unit, _ in para]
            units, feats = _features(dataset, para, chars, table, cache)
            paragraphs.append(_Paragraph(units, feats, chars, max_seqlen))
        pending = [p for p in paragraphs if p.chars]
        while pending:
            for group in _groups(pending, max_seqlen, batch_size):
                for (para, _), labels in zip(group, _run_rows(trainer, group, pad_id)):
                    _advance(para, labels, max_seqlen)
            pending = [p for p in pending if p.done < len(p.chars)]
        all_preds, all_raw = [], []
        for para in paragraphs:
            pred = np.concatenate(para.preds, 0) if para.preds else np.zeros(0, dtype=np.int64)
            if len(pred):
                last = len(pred) - 1
                if pred[last] < 2:
                    pred[last] = 2
                elif pred[last] > 2:
                    pred[last] = 4
            all_raw.append(para.chars)
            all_preds.append(utils_module.update_pred_regex(para.chars, pred) if use_regex_tokens else pred)
        return all_preds, all_raw

    predict.__wrapped__ = original  # type: ignore[attr-defined]
    return predict


# -- self-check: a tiny random tokenizer, each paragraph alone, stanza's way and this one -------------


def _tiny_trainer(chars: str) -> tuple[Any, Any]:
    import torch
    from stanza.models.tokenization.model import Tokenizer
    from stanza.models.tokenization.vocab import Vocab

    args = {"feat_dim": 5, "rnn_layers": 1, "conv_res": None, "use_mwt": True, "hierarchical": True,
            "hier_invtemp": 0.5, "tok_noise": 0.02, "batch_size": 3, "skip_newline": False, "shorthand": "en_x",
            "feat_funcs": ["space_before", "capitalized", "numeric", "end_of_para", "start_of_para"],
            "use_dictionary": False, "num_dict_feat": 0, "max_seqlen": 100, "lang": "en"}
    units = ["<PAD>", "<UNK>", *sorted(set(chars))]
    vocab = Vocab.load_state_dict({"lang": "en", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": units,
                                   "_unit2id": {u: i for i, u in enumerate(units)}, "lang_replaces_spaces": False})
    generator = torch.Generator().manual_seed(13)
    model = Tokenizer(args, len(units), 6, 5, dropout=0.0, feat_dropout=0.0)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator))
    model.eval()

    class _Trainer:  # the two things predict reads of stanza's Trainer
        pass

    trainer = _Trainer()
    trainer.model, trainer.args = model, args
    trainer.predict = lambda inputs: model(inputs[0], inputs[2], [len(x) for x in inputs[3]], inputs[3]).numpy()
    return trainer, vocab


def self_check(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """Each of a few paragraphs (short, and longer than a small window) gives the same
    labels through the replacement as through stanza's ``predict`` alone."""
    import numpy as np
    import torch
    from stanza.models.tokenization.data import TokenizationDataset

    paragraphs = {"Ab 12. Cd e.f": (1000, 12), "Xy. 3,5 Z a. " * 3: (12,)}  # text: windows
    trainer, vocab = _tiny_trainer("".join(paragraphs))
    with torch.no_grad():
        for text, windows in paragraphs.items():
            dataset = TokenizationDataset(trainer.args, input_text=text, vocab=vocab, evaluation=True)
            for max_seqlen in windows:
                expected = original(trainer, dataset, 3, max_seqlen, True, 0)
                got = patched(trainer, dataset, 3, max_seqlen, True, 0)
                if [list(r) for r in got[1]] != [list(r) for r in expected[1]]:
                    return False
                if len(got[0]) != len(expected[0]) or any(not np.array_equal(a, b) for a, b in zip(got[0], expected[0])):
                    return False
        dataset = TokenizationDataset(trainer.args, input_text="\n\n".join(paragraphs), vocab=vocab, evaluation=True)
        batched = patched(trainer, dataset, 3, 12, True, 0)
    return len(batched[0]) == len(paragraphs)
