"""stanza's tokenizer decoding token by token instead of character by character.

After the tokenizer network, stanza's ``stanza.models.tokenization.utils.decode_predictions``
turns each paragraph's characters and labels into tokens and sentences with a Python
loop over every character: a NumPy-scalar comparison, a vocabulary look-up (to count the
characters the vocabulary does not know, a number the pipeline discards) and a string
concatenation per character. :func:`make_decode` builds a replacement that finds the
token ends with one NumPy comparison per paragraph, joins each token's characters at
once, counts unknown characters through one look-up per distinct character, and runs
stanza's per-token code (normalisation, offsets in the original text, multi-word
tokens, sentence ends) unchanged, so it returns what stanza's returns. The ``la_ittb``
treebank's label hack keeps stanza's function. :mod:`eventx._parse._speedups` installs
it, guarded and self-checked like its other patches (``EVENTX_FAST=0`` keeps stanza's code).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["make_decode", "self_check"]

_PAD = "<PAD>"


def make_decode(original: Callable[..., Any]) -> Callable[..., Any]:
    """A replacement of stanza's ``tokenization.utils.decode_predictions`` (same parameters and returns)."""

    def decode_predictions(vocab: Any, mwt_dict: Any, orig_text: Any, all_raw: Any, all_preds: Any, no_ssplit: Any,
                           skip_newline: Any, use_la_ittb_shorthand: Any) -> Any:
        import numpy as np
        from stanza.models.tokenization import utils

        if use_la_ittb_shorthand:
            return original(vocab, mwt_dict, orig_text, all_raw, all_preds, no_ssplit, skip_newline,
                            use_la_ittb_shorthand)
        process_sentence, space_split = utils.process_sentence, utils.SPACE_SPLIT_RE.split
        offset = 0
        oov_count = 0
        doc = []
        text = utils.WHITESPACE_RE.sub(" ", orig_text) if orig_text is not None else None
        char_offset = 0
        unknown: dict[str, bool] = {}
        if vocab is not None:
            unk_id = vocab.unit2id("<UNK>")
        for raw, pred in zip(all_raw, all_preds):
            raw = raw if type(raw) is list else list(raw)
            length = min(len(raw), len(pred))
            if _PAD in raw:
                length = min(length, raw.index(_PAD))
            chars = raw[:length]
            offset += length
            if vocab is not None:
                for unit in set(chars).difference(unknown):
                    unknown[unit] = vocab.unit2id(unit) == unk_id
                oov_count += sum(1 for unit in chars if unknown[unit])
            labels = pred if isinstance(pred, np.ndarray) else np.asarray(pred)
            start = 0
            current_sent = []
            for end in np.flatnonzero(labels[:length] >= 1).tolist():
                current_tok = "".join(chars[start:end + 1])
                start = end + 1
                p = pred[end]
                tok = vocab.normalize_token(current_tok) if vocab is not None else current_tok
                assert "\t" not in tok, tok
                if len(tok) <= 0:
                    continue
                if orig_text is not None:
                    st = -1
                    for part in space_split(current_tok):
                        if len(part) == 0:
                            continue
                        if skip_newline:
                            part_pattern = re.compile(r"\s*".join(re.escape(c) for c in part))
                            match = part_pattern.search(text, char_offset)
                            st0 = match.start(0) - char_offset
                            partlen = match.end(0) - match.start(0)
                            lstripped = match.group(0).lstrip()
                        else:
                            try:
                                st0 = text.index(part, char_offset) - char_offset
                            except ValueError as e:
                                sub = text[max(0, char_offset - 20):min(len(text), char_offset + 20)]
                                raise ValueError("Could not find |%s| starting from char_offset %d.  Surrounding "
                                                 "text: |%s|" % (part, char_offset, sub)) from e
                            partlen = len(part)
                            lstripped = part.lstrip()
                        if st < 0:
                            st = char_offset + st0 + (partlen - len(lstripped))
                        char_offset += st0 + partlen
                    position_info = (st, char_offset)
                else:
                    position_info = None
                current_sent.append((tok, p, position_info))
                if (p == 2 or p == 4) and not no_ssplit:
                    doc.append(process_sentence(current_sent, mwt_dict))
                    current_sent = []
            if start < length:
                raise ValueError("Finished processing tokens, but there is still text left!")
            if len(current_sent):
                doc.append(process_sentence(current_sent, mwt_dict))
        return oov_count, offset, doc

    decode_predictions.__wrapped__ = original  # type: ignore[attr-defined]
    return decode_predictions


def _cases() -> list[tuple[Any, ...]]:
    """(vocab, mwt_dict, orig_text, all_raw, all_preds, no_ssplit, skip_newline) inputs for the self-check."""
    import numpy as np
    from stanza.models.tokenization.vocab import Vocab

    units = ["<PAD>", "<UNK>", *"abcdeHI .,'st"]
    vocab = Vocab.load_state_dict({"lang": "en", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": units,
                                   "_unit2id": {u: i for i, u in enumerate(units)}, "lang_replaces_spaces": False})
    paras = ["Hi there. It's ok", "Ab  cd\ne.", "x\u00e9 y"]
    labels = [[0, 1, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 3, 0, 0, 2], [0, 1, 0, 1, 0, 1, 0, 1, 4], [0, 1, 1, 2]]
    text = "\n\n".join(paras)
    raws = [list(p.replace("\n", " ")) for p in paras]
    preds = [np.array(p, dtype=np.int64) for p in labels]
    padded_raw = [raws[0] + ["<PAD>", "<PAD>"], raws[1], raws[2]]
    padded_pred = [np.concatenate([preds[0], [0, 2]]), preds[1], preds[2]]
    mwt = {"it's": [["it", "'s"]]}
    return [(vocab, mwt, text, raws, preds, False, False), (vocab, None, text, padded_raw, padded_pred, True, False),
            (None, None, None, raws, [p.tolist() for p in preds], False, False),
            (vocab, mwt, text, raws, preds, False, True)]


def self_check(original: Callable[..., Any], patched: Callable[..., Any]) -> bool:
    """The replacement returns what stanza's returns on a few paragraphs (multi-word token,
    unknown characters, padding, no sentence split, list labels, text with new lines)."""
    for vocab, mwt, text, raws, preds, no_ssplit, skip_newline in _cases():
        expected = original(vocab, mwt, text, [list(r) for r in raws], [p.copy() for p in preds], no_ssplit,
                            skip_newline, False)
        got = patched(vocab, mwt, text, [list(r) for r in raws], [p.copy() for p in preds], no_ssplit,
                      skip_newline, False)
        if got != expected:
            return False
    return True
