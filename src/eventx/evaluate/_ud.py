"""Score a stanza pipeline on UD English test sets with the CoNLL 2018 shared-task scorer.

Two settings per treebank: from raw text (the pipeline tokenises and splits
sentences itself) and from gold tokenisation (``tokenize_pretokenized``), so
tagging and parsing can be judged apart from tokenisation errors.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventx.evaluate._matching import data_dir, format_table

__all__ = ["METRICS", "TREEBANKS", "evaluate_ud", "main", "read_gold"]

TREEBANKS = {"ewt": "en_ewt-ud-test.conllu", "gum": "en_gum-ud-test.conllu"}
#: CoNLL 2018 scorer metrics reported (F1 of each).
METRICS = ("Tokens", "Sentences", "Words", "UPOS", "Lemmas", "UAS", "LAS")


def read_gold(path: Path) -> tuple[str, list[list[str]]]:
    """The raw text of a treebank (documents separated by blank lines) and its gold
    syntactic words, one list per sentence.

    The gold-tokenisation setting hands the parser these *words* ("do", "n't" for
    the token "don't"), as the CoNLL 2018 shared task's gold-tokenisation runs did:
    stanza's pretokenized mode flags no token for multi-word expansion, so gold
    surface tokens would leave every contraction unsplit.
    """
    docs: list[list[str]] = []
    sentences: list[list[str]] = []
    words: list[str] = []
    text = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            docs.append([])
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if "-" not in cols[0] and "." not in cols[0]:
                words.append(cols[1])
        elif not line and words:
            if not docs:
                docs.append([])
            docs[-1].append(text)
            sentences.append(words)
            words = []
    raw = "\n\n".join(" ".join(doc) for doc in docs if doc)
    return raw, sentences


def _restore_unknown(doc: Any, raw: str) -> None:
    """stanza writes over-long tokens (URLs) as ``<UNK>``; put the real text back from the offsets."""
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.text == "<UNK>" and token.start_char is not None:
                token.text = raw[token.start_char:token.end_char]
                if len(token.words) == 1:
                    token.words[0].text = token.text


def _score(gold: Path, doc: Any) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    system = io.StringIO()
    CoNLL.write_doc2conll(doc, system)
    system.seek(0)
    with gold.open(encoding="utf-8") as handle:
        scores = ud_scores(handle, system)
    return {m: 100 * scores[m].f1 for m in METRICS}


def evaluate_ud(model_dir: Path | None, *, treebanks: Sequence[str] = ("ewt", "gum"),
                ud_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Scores of the pipeline in ``model_dir`` per treebank and setting (``raw`` / ``gold_tok``).

    Args:
        model_dir: A model folder (``None``: stanza's official models).
        treebanks: Keys of :data:`TREEBANKS`.
        ud_dir: The shared ``ud`` folder (default ``$EVENTX_DATA/ud``).
    """
    from eventx._parse._models import load_pipeline

    ud_dir = ud_dir or data_dir() / "ud"
    pipeline = load_pipeline(model_dir)
    pretokenized = load_pipeline(model_dir, tokenize_pretokenized=True)
    results: dict[str, dict[str, Any]] = {}
    for name in treebanks:
        gold = ud_dir / TREEBANKS[name]
        raw, sentences = read_gold(gold)
        started = time.perf_counter()
        parsed = pipeline(raw)
        elapsed = time.perf_counter() - started
        _restore_unknown(parsed, raw)
        results[f"{name}/raw"] = {**_score(gold, parsed), "sentences/s": len(parsed.sentences) / elapsed}
        results[f"{name}/gold_tok"] = _score(gold, pretokenized(sentences))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the UD scores of the bundled (or given) models."""
    ap = argparse.ArgumentParser(prog="python -m eventx.evaluate ud", description=__doc__)
    ap.add_argument("--treebanks", nargs="+", default=["ewt", "gum"], choices=sorted(TREEBANKS))
    ap.add_argument("--model-dir", default=None, help="model folder (default: bundled)")
    ap.add_argument("--stanza-models", action="store_true", help="score stanza's official models instead")
    args = ap.parse_args(argv)
    from eventx._parse._models import resolve_model_dir

    model_dir = resolve_model_dir(args.model_dir, "stanza" if args.stanza_models else "bundled")
    results = evaluate_ud(model_dir, treebanks=args.treebanks)
    rows = [[key, *(f"{r.get(m, float('nan')):.2f}" for m in METRICS), f"{r['sentences/s']:.1f}" if "sentences/s" in r else ""]
            for key, r in results.items()]
    print(format_table(["treebank/setting", *METRICS, "sent/s"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
