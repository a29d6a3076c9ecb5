"""Score an NER model on GUM test: entity-level exact-match precision, recall and F1 per kind.

The gold file is the stanza NER JSON written by :func:`eventx.training._ner.prepare_ner`
(``en_gum.test.json``: GUM test's named entities over gold tokens). The model tags
those gold tokens; an entity counts as correct when its first token, last token and
label all match a gold entity.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import format_table, prf

__all__ = ["entities", "evaluate_ner", "main", "score_entities"]

Entity = tuple[int, int, int, str]  # sentence, first token, last token, label


def entities(tag_sequences: Sequence[Sequence[str]]) -> set[Entity]:
    """The entities of BIO or BIOES tag sequences (one per sentence)."""
    from stanza.models.ner.utils import bio2_to_bioes, decode_from_bioes, to_bio2

    found: set[Entity] = set()
    for sent, tags in enumerate(tag_sequences):
        tags = [t if t and t not in ("_", "-") else "O" for t in tags]
        if not any(t[:2] in ("E-", "S-") for t in tags):
            tags = bio2_to_bioes(to_bio2(tags))
        for ent in decode_from_bioes(tags):
            found.add((sent, ent["start"], ent["end"], ent["type"]))
    return found


def score_entities(gold: set[Entity], pred: set[Entity]) -> dict[str, dict[str, float]]:
    """Per-label and micro-averaged (``ALL``) precision, recall, F1 and counts."""
    labels = sorted({e[3] for e in gold} | {e[3] for e in pred})
    correct = gold & pred
    rows: dict[str, dict[str, float]] = {}
    for label in [*labels, "ALL"]:
        def count(ents: set[Entity], label: str = label) -> int:
            return sum(1 for e in ents if label == "ALL" or e[3] == label)

        g, p, c = count(gold), count(pred), count(correct)
        scores = prf(c, p, g)
        rows[label] = {"P": 100 * scores["precision"], "R": 100 * scores["recall"], "F1": 100 * scores["f1"],
                       "gold": g, "pred": p, "correct": c}
    return rows


def _predict(model_path: Path, test_json: Path) -> tuple[list[list[str]], list[list[str]]]:
    """Gold and predicted tags of every sentence, the model tagging the gold tokens."""
    import torch
    from stanza.models.common.doc import Document
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import Trainer

    sentences = json.loads(test_json.read_text(encoding="utf-8"))
    gold = [[tok.get("ner", "O") for tok in sent] for sent in sentences]
    from stanza.models.common.pretrain import Pretrain

    # a model trained on word vectors reads them from the pretrain.pt beside it
    vectors = model_path.parent / "pretrain.pt"
    pretrain = Pretrain(str(vectors)) if vectors.is_file() else None
    trainer = Trainer(model_file=str(model_path), pretrain=pretrain, device="cpu")
    # tags are not needed to predict; "O" keeps the loader from failing on labels the model never saw
    blank = [[{"text": tok["text"], "ner": "O"} for tok in sent] for sent in sentences]
    batch = DataLoader(Document(blank), trainer.args["batch_size"], trainer.args, vocab=trainer.vocab,
                       evaluation=True, bert_tokenizer=trainer.model.bert_tokenizer)
    pred: list[list[str]] = []
    with torch.no_grad():
        for b in batch:
            pred += trainer.predict(b)
    return gold, [[t if isinstance(t, str) else t[0] for t in sent] for sent in pred]


def evaluate_ner(model_path: str | Path, test_json: str | Path) -> dict[str, Any]:
    """Per-kind exact-match P/R/F1 (in %) of the NER model ``model_path`` on ``test_json``.

    Returns:
        ``{label: {"P", "R", "F1", "gold", "pred", "correct"}}`` with a micro-averaged ``"ALL"`` row,
        and ``"tokens"``: token accuracy over all tokens.
    """
    gold_tags, pred_tags = _predict(Path(model_path), Path(test_json))
    scores: dict[str, Any] = score_entities(entities(gold_tags), entities(pred_tags))
    pairs = [(g, p) for gs, ps in zip(gold_tags, pred_tags) for g, p in zip(gs, ps)]
    scores["tokens"] = {"accuracy": 100 * sum(_strip(g) == _strip(p) for g, p in pairs) / max(len(pairs), 1),
                        "n": len(pairs)}
    return scores


def _strip(tag: str) -> str:
    return "O" if tag in ("O", "_", "-", "") else tag[2:]


def _default_test_json() -> Path:
    """GUM test as NER JSON, converted into a temporary folder."""
    from eventx.training._ner import prepare_ner

    out = prepare_ner(Path(tempfile.mkdtemp(prefix="eventx-ner-")))
    return out / "en_gum.test.json"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the per-kind scores of an NER model on GUM test."""
    ap = argparse.ArgumentParser(prog="python -m eventx.evaluate ner", description=__doc__)
    ap.add_argument("--model", default=None,
                    help="the NER model file (default: ner.pt of the bundled model folder or $EVENTX_MODEL_DIR)")
    ap.add_argument("--test-json", type=Path, default=None,
                    help="gold NER JSON (default: GUM test converted from $EVENTX_DATA/ud)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    from eventx._parse._models import BUNDLED, OPTIONAL_FILES, resolve_model_dir

    model = Path(args.model) if args.model else resolve_model_dir(None, BUNDLED) / OPTIONAL_FILES["ner"]
    if not model.is_file():
        print(f"no NER model at {model}; pass --model", file=sys.stderr)
        return 2
    scores = evaluate_ner(model, args.test_json or _default_test_json())
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    tokens = scores.pop("tokens")
    rows = [[label, f"{r['P']:.2f}", f"{r['R']:.2f}", f"{r['F1']:.2f}", r["gold"], r["pred"], r["correct"]]
            for label, r in scores.items()]
    print(format_table(["kind", "P", "R", "F1", "gold", "pred", "correct"], rows))
    print(f"token accuracy {tokens['accuracy']:.2f} ({tokens['n']} tokens)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
