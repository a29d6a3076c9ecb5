"""Build the training treebank from the shared UD English data.

The bundled models are trained on UD English EWT plus the GUM documents whose
licence allows redistribution of a derived model (every genre but ``whow`` and
``fiction``, which are CC BY-NC-SA; see ``ud/README.md`` in the shared data).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

#: GUM genres whose licence (CC BY-NC-SA) forbids shipping a model trained on them.
EXCLUDED_GUM_GENRES = frozenset({"whow", "fiction"})

#: The treebank name stanza's preparation scripts are pointed at.
TREEBANK = "UD_English-EWT"
SHORT_NAME = "en_ewt"


def data_root() -> Path:
    """The shared data folder: ``$EVENTX_DATA`` or ``../shared/data``."""
    return Path(os.environ.get("EVENTX_DATA", "../shared/data")).resolve()


def iter_documents(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(newdoc id, sentence blocks)`` for each document of a CoNLL-U file."""
    doc_id = ""
    blocks: list[str] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if not block.strip():
            continue
        for line in block.splitlines():
            if line.startswith("# newdoc id = "):
                if blocks:
                    yield doc_id, blocks
                doc_id, blocks = line.split("=", 1)[1].strip(), []
        blocks.append(block.strip("\n"))
    if blocks:
        yield doc_id, blocks


def gum_genre(doc_id: str) -> str:
    """The genre of a GUM document id such as ``GUM_news_afghan``."""
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 2 else ""


def shippable_gum_blocks(path: Path) -> list[str]:
    """Sentence blocks of the GUM documents a shipped model may be trained on."""
    return [
        block
        for doc_id, blocks in iter_documents(path)
        if gum_genre(doc_id) not in EXCLUDED_GUM_GENRES
        for block in blocks
    ]


def build_treebank(out_dir: Path, *, ud_dir: Path | None = None, include_gum: bool = True,
                   max_sentences: int | None = None) -> Path:
    """Write ``UD_English-EWT/en_ewt-ud-{train,dev,test}.conllu`` under ``out_dir``.

    Train is EWT train (+ shippable GUM train); dev and test are EWT's own, so
    model selection and reported scores stay comparable with published EWT results.

    Args:
        out_dir: Folder that plays the role of stanza's ``UDBASE``.
        ud_dir: The shared ``ud`` folder; defaults to ``data_root() / "ud"``.
        include_gum: Add the shippable GUM training documents.
        max_sentences: Truncate every split (for smoke tests of the trainers).

    Returns:
        The treebank folder.
    """
    ud_dir = ud_dir or data_root() / "ud"
    if not (ud_dir / "en_ewt-ud-train.conllu").exists():
        raise FileNotFoundError(f"UD English EWT not found in {ud_dir}; set EVENTX_DATA")
    tb_dir = out_dir / TREEBANK
    tb_dir.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        blocks = [b for _, bs in iter_documents(ud_dir / f"en_ewt-ud-{split}.conllu") for b in bs]
        if split == "train" and include_gum:
            blocks += shippable_gum_blocks(ud_dir / "en_gum-ud-train.conllu")
        if max_sentences is not None:
            blocks = blocks[:max_sentences]
        (tb_dir / f"{SHORT_NAME}-ud-{split}.conllu").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return tb_dir
